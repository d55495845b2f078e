"""A corpus timeline: the same event reported by several articles becomes one row.

The rule. Two rows report the same event when

1. they are at the same time: the same ``start`` and ``end`` (the normalised interval, so
   "Wednesday" in one article and "January 10" in another agree); rows that are not placed
   (NaT, as with ``include="all"``) agree when they have the same ``value`` and ``mod``; and
2. their event phrases are alike: the Jaccard similarity of their *content words* is at least
   ``similarity``. The phrase is the ``event`` column (the ``text`` when there is no event);
   its content words are its lower-cased words (letters and digits) less English function
   words ("the", "of", "was", ...). Two phrases without content words are alike.

Rows are merged transitively (single linkage): the groups are the connected components of
"same time and alike", which does not depend on the order of the rows. Each group becomes one
row carrying the first row's cells (its ``text``, ``sentence``, ``event``, ``doc_id``, ...:
provenance), plus

- ``sources``: the ``doc_id`` of every row, each once, in order of first appearance;
- ``count``: how many sources (distinct documents) report it;
- ``mentions``: how many rows were merged (a document may repeat itself).

A merged frame can be merged again: its ``sources`` and ``mentions`` are carried over. The
result is sorted like a timeline (``start``, then ``end``, undated rows last; ties keep the
order of first rows) and is the same for the same input.

>>> import numpy as np, pandas as pd
>>> day = np.array(["2010-06-24", "2010-06-24", "2010-06-24", "2010-06-07"], dtype="datetime64[s]")
>>> df = pd.DataFrame({
...     "doc_id": ["a", "b", "b", "c"],
...     "text": ["June 24", "Thursday", "June 24", "Monday"],
...     "event": ["the iPhone 4 went on sale", "iPhone 4 goes on sale", "pre-orders", "keynote"],
...     "start": day,
...     "end": day + np.timedelta64(86400, "s"),
... })
>>> merged = merge(df)
>>> merged[["text", "event", "sources", "count", "mentions"]].values.tolist()
... # doctest: +NORMALIZE_WHITESPACE
[['Monday', 'keynote', ['c'], 1, 1],
 ['June 24', 'the iPhone 4 went on sale', ['a', 'b'], 2, 2],
 ['June 24', 'pre-orders', ['b'], 1, 1]]
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING

from timeline.schema import check_frame

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["STOPWORDS", "content_words", "jaccard", "merge"]

#: English function words left out of the comparison of event phrases.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each either few
    for from further had has have having he her here hers him his how i if in into is it its
    itself just may me might more most must my no nor not now of off on once only or other our
    ours out over own same shall she should so some such than that the their theirs them then
    there these they this those through to too under until up upon us very was we were what
    when where which while who whom whose why will with would yet you your yours
    said says say
    """.split()  # noqa: SIM905
)

_WORD = re.compile(r"[^\W_]+")


def content_words(phrase: str) -> frozenset[str]:
    """The lower-cased words of ``phrase`` that are not :data:`STOPWORDS`.

    >>> sorted(content_words("The iPhone 4 went on sale in the U.S."))
    ['4', 'iphone', 's', 'sale', 'u', 'went']
    """
    return frozenset(w for w in _WORD.findall(phrase.lower()) if w not in STOPWORDS)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """``|a ∩ b| / |a ∪ b|``; 1.0 for two empty sets.

    >>> jaccard(frozenset({"iphone", "sale"}), frozenset({"iphone", "launch"}))
    0.3333333333333333
    """
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def merge(df: pd.DataFrame, *, similarity: float = 0.5, on: str = "event") -> pd.DataFrame:
    """One row per event of a corpus: rows at the same time with alike phrases merged.

    See the module docstring for the rule. ``similarity`` is the least Jaccard similarity of
    content words (0: every row at the same time merges; 1: only the same content words);
    ``on`` is the column holding the phrase (``text`` fills its gaps). The frame needs
    ``start``, ``end`` and ``text``; ``doc_id``, ``value`` and ``mod`` are used when present.
    Returns the first row of each group with the columns ``count``, ``sources`` and
    ``mentions`` added (or updated).
    """
    import numpy as np
    import pandas as pd

    check_frame(df, ("start", "end", "text"), what="timeline.merge")
    if isinstance(similarity, bool) or not isinstance(similarity, int | float):
        raise TypeError(f"similarity must be a number from 0 to 1, not {type(similarity).__name__}")
    if not 0 <= similarity <= 1:
        raise ValueError(f"similarity must be from 0 to 1, not {similarity}")
    if not isinstance(on, str):
        raise TypeError(f"on must be a column name, not {type(on).__name__}")
    if on not in df.columns and on != "event":
        raise ValueError(
            f"on={on!r} is not a column of the frame ({', '.join(map(str, df.columns))})"
        )
    frame = df.reset_index(drop=True)
    n = len(frame)
    phrases = _phrases(frame, on)
    words = [content_words(p) for p in phrases]
    sources = _row_sources(frame)
    mentions = _row_mentions(frame)

    groups: dict[Hashable, list[int]] = defaultdict(list)
    for i, key in enumerate(_time_keys(frame)):
        groups[key].append(i)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)  # the root is the group's first row

    for members in groups.values():
        for i, j in _candidate_pairs(members, words, similarity):
            if jaccard(words[i], words[j]) >= similarity:
                union(i, j)

    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        clusters[find(i)].append(i)
    firsts = sorted(clusters)
    out = frame.iloc[firsts].copy()
    merged_sources = [_unique(s for i in clusters[f] for s in sources[i]) for f in firsts]
    out["sources"] = pd.Series(merged_sources, index=out.index, dtype=object)
    out["count"] = np.array([len(s) for s in merged_sources], dtype=np.int64)
    out["mentions"] = np.array([sum(mentions[i] for i in clusters[f]) for f in firsts], np.int64)
    out = out.sort_values(["start", "end"], na_position="last", kind="stable")
    return out.reset_index(drop=True)


def _phrases(frame: pd.DataFrame, on: str) -> list[str]:
    texts = [_text(t) for t in frame["text"]]
    if on not in frame.columns:
        return texts
    return [_text(p) or t for p, t in zip(frame[on], texts, strict=True)]


def _text(value: object) -> str:
    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _time_keys(frame: pd.DataFrame) -> list[Hashable]:
    """The interval (seconds) of placed rows; ``value`` and ``mod`` of the others."""
    import numpy as np
    import pandas as pd

    start = np.asarray(frame["start"].to_numpy(), dtype="datetime64[s]")
    end = np.asarray(frame["end"].to_numpy(), dtype="datetime64[s]")
    values = frame["value"] if "value" in frame.columns else frame["text"]
    mods = frame["mod"] if "mod" in frame.columns else pd.Series([""] * len(frame))
    keys: list[Hashable] = []
    for s, e, value, mod in zip(start, end, values, mods, strict=True):
        if np.isnat(s) or np.isnat(e):
            keys.append(("value", _text(value), _text(mod)))
        else:
            keys.append(("interval", int(s.astype(np.int64)), int(e.astype(np.int64))))
    return keys


def _row_sources(frame: pd.DataFrame) -> list[list[str | None]]:
    if "sources" in frame.columns:
        return [list(s) if isinstance(s, list | tuple) else [_source(s)] for s in frame["sources"]]
    if "doc_id" in frame.columns:
        return [[_source(d)] for d in frame["doc_id"]]
    return [[None] for _ in range(len(frame))]


def _source(value: object) -> str | None:
    return _text(value) or None


def _row_mentions(frame: pd.DataFrame) -> list[int]:
    import pandas as pd

    if "mentions" not in frame.columns:
        return [1] * len(frame)
    return [int(m) if pd.notna(m) else 1 for m in frame["mentions"]]


def _unique(items: Iterable[str | None]) -> list[str | None]:
    return list(dict.fromkeys(items))


def _candidate_pairs(
    members: Sequence[int], words: Sequence[frozenset[str]], similarity: float
) -> list[tuple[int, int]]:
    """Pairs that may be alike: all of them at similarity 0, else pairs sharing a word (and
    pairs of phrases without content words)."""
    if len(members) < 2:
        return []
    if similarity <= 0:
        return [(members[0], j) for j in members[1:]]
    by_word: dict[str, list[int]] = defaultdict(list)
    empty: list[int] = []
    for i in members:
        for w in words[i]:
            by_word[w].append(i)
        if not words[i]:
            empty.append(i)
    pairs: set[tuple[int, int]] = {(empty[0], j) for j in empty[1:]} if empty else set()
    for rows in by_word.values():
        for x in range(len(rows)):
            for y in range(x + 1, len(rows)):
                pairs.add((rows[x], rows[y]))
    return sorted(pairs)
