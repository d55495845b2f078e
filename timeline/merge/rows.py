"""The rows of a merged timeline: one per group of mentions, with its clearest phrase.

A group's row is the row of its *clearest phrase*: a row dated by more than a bare unit
("the year"); a phrase that says who did what rather than
opening with a verb or a pronoun ("the original iPhone was released", not "was the year of
the iPhone" or "He started Apple"); with a verb; told at the group's date (the row whose
interval is the group's: the article of the day rather than a look back); that shares the
most with the others (the group's centre); the shortest; the first. It is placed at the
group's common time, the intersection of its intervals, at the finest ``granularity`` of its
rows, and gains
``label``, ``sources``, ``count``, ``doc_ids``, ``mentions`` and ``offsets`` (the module
docstring of :mod:`timeline.merge`).

>>> [is_fragment(p) for p in ("was the year of the iPhone", "He started Apple", "Apple did")]
[True, True, False]
>>> is_bare("the year"), is_bare("The full year"), is_bare("that year"), is_bare("2007")
(True, True, False, False)
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from timeline.events import AUX, CONJ, PREP, REL, SUB, lexicon
from timeline.events.lexicon import ED_WORD, ING_WORD, THAT_WORD, VERB_FORM
from timeline.merge.labels import date_label, event_label
from timeline.merge.similarity import Weights
from timeline.merge.terms import Terms, words
from timeline.schema import GRAINS

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["is_bare", "is_fragment", "merged_rows", "text_of"]

#: An expression that is only a unit of the calendar, placed by convention (the year a text is
#: about): "the year", "the full year", "the month", "the quarter".
_BARE = re.compile(
    r"the\s+(?:(?:full|whole|entire|current|fiscal)\s+)*(?:year|month|week|weekend|day|quarter)",
    re.IGNORECASE,
)
#: Word classes of the chunker's lexicon that do not open a clause with its subject.
_NO_SUBJECT = frozenset({AUX, PREP, CONJ, SUB, REL, THAT_WORD, VERB_FORM, ED_WORD, ING_WORD})
_FINENESS: dict[str, int] = {g: i for i, g in enumerate(GRAINS)}


def text_of(value: object) -> str:
    """A cell as text: "" for None, NA and NaN."""
    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def is_bare(expression: str) -> bool:
    """Whether an expression is a bare unit of the calendar ("the year")."""
    return _BARE.fullmatch(expression.strip()) is not None


def is_fragment(phrase: str) -> bool:
    """Whether a phrase opens with a pronoun ("He started Apple": who?) or, in lower case, with
    a verb, an auxiliary, a preposition or a conjunction ("was the year of ..."): it does not
    say by itself what happened to whom."""
    found = words(phrase)
    if not found:
        return True
    lex = lexicon()
    first = found[0].lower()
    if first in lex["pronouns"]:
        return True
    return found[0][0].islower() and lex.classify(first) in _NO_SUBJECT


def _clearest(
    members: Sequence[int],
    texts: Sequence[str],
    phrases: Sequence[str],
    terms: Sequence[Terms],
    weights: Weights,
    precise: set[int],
) -> int:
    """The member row of the clearest phrase (see the module docstring)."""

    shared = Counter(t for i in members for t in terms[i].all)

    def rank(i: int) -> tuple[bool, bool, bool, bool, float, int, int]:
        # what the phrase shares with the others: the weight of each of its terms times the
        # number of other phrases that have it, over the weight of the phrase
        total = weights.total(terms[i].all)
        common = sum(weights.total((t,)) * (shared[t] - 1) for t in terms[i].all)
        centre = common / math.sqrt(total) if total else 0.0
        return (
            is_bare(texts[i]),
            is_fragment(phrases[i]),
            not terms[i].verb,
            i not in precise,
            -round(centre, 9),
            len(words(phrases[i])),
            i,
        )

    return min(members, key=rank)


def _cells(frame: pd.DataFrame, column: str) -> list[Any]:
    return frame[column].tolist() if column in frame.columns else [None] * len(frame)


def _row_lists(frame: pd.DataFrame) -> tuple[list[list[Any]], list[list[Any]], list[int]]:
    """Each row's documents, offsets and number of mentions (carried over from a merged
    frame)."""
    docs = [text_of(d) or None for d in _cells(frame, "doc_id")]
    starts, ends = _cells(frame, "char_start"), _cells(frame, "char_end")
    doc_ids = [
        list(carried) if isinstance(carried, list | tuple) else [doc]
        for carried, doc in zip(_cells(frame, "doc_ids"), docs, strict=True)
    ]
    offsets = [
        list(carried) if isinstance(carried, list | tuple) else [(doc, start, end)]
        for carried, doc, start, end in zip(
            _cells(frame, "offsets"), docs, starts, ends, strict=True
        )
    ]
    mentions = [int(m) if isinstance(m, int) else 1 for m in _cells(frame, "mentions")]
    return doc_ids, offsets, mentions


def merged_rows(
    frame: pd.DataFrame,
    groups: Sequence[Sequence[int]],
    terms: Sequence[Terms],
    weights: Weights,
    *,
    top: int | None,
    keep_bare: bool,
) -> pd.DataFrame:
    """The merged frame of ``frame`` (numbered 0 to n-1) grouped by ``groups``."""
    import numpy as np
    import pandas as pd

    texts = [text_of(t) for t in frame["text"]]
    events = [text_of(e) for e in _cells(frame, "event")]
    phrases = [e or t for e, t in zip(events, texts, strict=True)]
    grains = [text_of(g) for g in _cells(frame, "granularity")]
    start = np.asarray(frame["start"].to_numpy(), dtype="datetime64[s]")
    end = np.asarray(frame["end"].to_numpy(), dtype="datetime64[s]")
    doc_ids, offsets, mentions = _row_lists(frame)

    kept = [g for g in groups if keep_bare or not all(is_bare(texts[i]) for i in g)]
    firsts, lasts, finest, labels, chosen = [], [], [], [], []
    for members in kept:
        placed = [j for j in members if not np.isnat(start[j]) and not np.isnat(end[j])]
        lo = max((start[j] for j in placed), default=start[members[0]])
        hi = min((end[j] for j in placed), default=end[members[0]])
        precise = {j for j in placed if start[j] == lo and end[j] == hi}
        i = _clearest(members, texts, phrases, terms, weights, precise)
        chosen.append(i)
        grain = max((grains[j] for j in members), key=lambda g: _FINENESS.get(g, -1))
        firsts.append(lo)
        lasts.append(hi)
        finest.append(grain or None)
        if placed:
            labels.append(event_label(date_label(lo, hi, grain or None), events[i]))
        else:
            labels.append(event_label(f"{texts[i]} (not placed)", events[i]))
    out = frame.iloc[chosen].copy().reset_index(drop=True)
    out["start"] = pd.Series(np.array(firsts, dtype="datetime64[s]"), dtype="datetime64[s]")
    out["end"] = pd.Series(np.array(lasts, dtype="datetime64[s]"), dtype="datetime64[s]")
    if "granularity" in out.columns:
        out["granularity"] = pd.Series(finest, dtype="string")
    group_docs = [list(dict.fromkeys(d for j in g for d in doc_ids[j])) for g in kept]
    out["label"] = pd.Series(labels, dtype="string")
    out["sources"] = np.array([len(d) for d in group_docs], dtype=np.int64)
    out["count"] = out["sources"]
    out["doc_ids"] = pd.Series(group_docs, dtype=object)
    out["mentions"] = np.array([sum(mentions[j] for j in g) for g in kept], dtype=np.int64)
    out["offsets"] = pd.Series([[o for j in g for o in offsets[j]] for g in kept], dtype=object)
    out = out.sort_values(["start", "end"], na_position="last", kind="stable")
    if top is not None:
        best = out.sort_values(["sources", "mentions"], ascending=False, kind="stable")
        out = out.loc[[i for i in out.index if i in set(best.index[:top])]]
    return out.reset_index(drop=True)
