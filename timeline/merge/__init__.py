"""A merged corpus timeline: the mentions of one happening, across articles, become one row.

The rule. Two rows tell of the same happening when

1. their times agree: their intervals (``start``, ``end``) are the same or overlap, so that
   "today" in the article of the day, "January 9" in one a week later and "2007" in a
   retrospective may meet; rows that are not placed (NaT, as with ``include="all"``) agree
   when they have the same ``value`` and ``mod``; and
2. their event phrases name the same thing: the terms they share (content words brought to
   their stem, "launched" and "launch" alike; names kept whole, "iPhone 4", "A380"; words of
   time left out, the time being compared as an interval; :mod:`~timeline.merge.terms`)
   weigh at least ``similarity`` of their terms, a term weighing more the fewer documents use
   it and twice as much when it is a name (:mod:`~timeline.merge.similarity`).

Rows are joined strongest link first, and only while all the rows of a group agree on a common
time, the intersection of their intervals (:mod:`~timeline.merge.groups`). Each group becomes
one row (:mod:`~timeline.merge.rows`): the row of its clearest phrase, at the most precise date
all its mentions agree on, labelled with that date at its grain (``9 Jan 2007 · Apple
introduces the iPhone``; :mod:`~timeline.merge.labels`), with the documents that tell of it:

- ``label``: ``date · event``, the date written out, never a relative word;
- ``sources`` (and ``count``, its name in the first release): how many documents;
- ``doc_ids``: those documents, each once, in the order of their rows;
- ``mentions``: how many rows were merged (a document may repeat itself);
- ``offsets``: where each mention's expression stands, ``(doc_id, char_start, char_end)``.

A row dated only by a bare unit ("the year", "the month", "the quarter": the period a text is
about, by convention) is left out unless another mention of the same happening dates it
(``keep_bare=True`` keeps it): "2007 was *the year* of the iPhone" must not put the iPhone in
the year of the article. ``top=N`` keeps the ``N`` rows the most documents tell of. The result
is sorted like a timeline (``start``, then ``end``, unplaced rows last), the same for the same
input, and can be merged again.

>>> import numpy as np, pandas as pd
>>> day = np.array(["2010-06-24", "2010-06-24", "2010-01-01", "2010-06-07"], dtype="datetime64[s]")
>>> df = pd.DataFrame({
...     "doc_id": ["a", "b", "c", "c"],
...     "text": ["June 24", "Thursday", "2010", "Monday"],
...     "granularity": ["day", "day", "year", "day"],
...     "event": ["the iPhone 4 went on sale", "iPhone 4 goes on sale in five countries",
...               "iPhone 4 sales", "Jobs unveiled the iPhone 4"],
...     "start": day,
...     "end": day + np.array([1, 1, 365, 1]) * np.timedelta64(86400, "s"),
... })
>>> merged = merge(df)
>>> merged[["label", "sources", "doc_ids", "mentions"]].values.tolist()
... # doctest: +NORMALIZE_WHITESPACE
[['7 Jun 2010 · Jobs unveiled the iPhone 4', 1, ['c'], 1],
 ['24 Jun 2010 · the iPhone 4 went on sale', 3, ['a', 'b', 'c'], 3]]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.merge.groups import When, group
from timeline.merge.rows import merged_rows, text_of
from timeline.merge.similarity import Weights
from timeline.merge.subjects import subject_of
from timeline.merge.terms import Names, Terms
from timeline.schema import check_frame

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SIMILARITY", "merge"]

#: The default least similarity of two phrases of one happening.
SIMILARITY = 0.35


def merge(
    df: pd.DataFrame,
    *,
    similarity: float = SIMILARITY,
    on: str = "event",
    top: int | None = None,
    keep_bare: bool = False,
) -> pd.DataFrame:
    """One row per happening of a corpus timeline (see the module docstring for the rule).

    ``similarity``: the least similarity of two phrases of one happening, from 0 (every row
    at an agreeing time joins) to 1 (only the same terms). ``on``: the column holding the
    phrase (the ``text`` of a frame without it). ``top``: keep only the ``top`` rows told by
    the most documents (then by the most mentions; ties by time). ``keep_bare``: keep rows
    dated only by a bare "the year" or "the month" that no other mention supports. The frame
    needs
    ``start``, ``end`` and ``text``; ``doc_id``, ``value``, ``mod``, ``granularity``,
    ``sentence`` and ``char_start``/``char_end`` are used when present.
    """
    check_frame(df, ("start", "end", "text"), what="timeline.merge")
    _check_arguments(similarity, on, top, df)
    frame = df.reset_index(drop=True)
    phrases = _phrases(frame, on)
    names = Names.from_texts(_unique_texts(frame, phrases))
    known: dict[str, Terms] = {}  # a phrase repeated (syndicated stories) is read once
    terms = [known.get(p) or known.setdefault(p, Terms.of(p, names)) for p in phrases]
    weights = Weights.from_documents(
        _document_terms(frame, terms), set().union(*(t.names for t in terms))
    )
    whens = _whens(frame)
    groups = group(whens, terms, weights, threshold=similarity, apart=_apart(frame))
    return merged_rows(frame, groups, terms, weights, top=top, keep_bare=keep_bare)


def _check_arguments(similarity: object, on: object, top: object, df: pd.DataFrame) -> None:
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
    if top is not None and (isinstance(top, bool) or not isinstance(top, int)):
        raise TypeError(f"top must be a whole number of rows or None, not {type(top).__name__}")
    if isinstance(top, int) and top < 0:
        raise ValueError(f"top must be 0 or more, not {top}")


def _phrases(frame: pd.DataFrame, on: str) -> list[str]:
    """Each row's phrase, less its own expression ("said *yesterday* that ..."): the time is
    compared as an interval. A row without a phrase (a date line) has none: it names no
    happening, and joins no other row (but at ``similarity=0``). A frame without the column
    ``on`` is compared by its expressions."""
    texts = [text_of(t) for t in frame["text"]]
    if on not in frame.columns:
        return texts
    sentences = frame["sentence"] if "sentence" in frame.columns else [None] * len(frame)
    phrases = []
    for phrase, text, sentence in zip(frame[on], texts, sentences, strict=True):
        words = text_of(phrase)
        subject = subject_of(text_of(sentence), words)
        words = f"{subject} {words}" if subject else words
        phrases.append(words.replace(text, " ") if text else words)
    return phrases


def _unique_texts(frame: pd.DataFrame, phrases: list[str]) -> list[str]:
    """The sentences (else the phrases) of the frame, each once: where names are told."""
    if "sentence" in frame.columns:
        return list(dict.fromkeys(text_of(s) for s in frame["sentence"]))
    return list(dict.fromkeys(phrases))


def _document_terms(frame: pd.DataFrame, terms: list[Terms]) -> list[set[str]]:
    """The terms of each document (each row is a document without ``doc_id``)."""
    if "doc_id" not in frame.columns:
        return [set(t.all) for t in terms]
    by_doc: dict[str, set[str]] = {}
    for doc, row_terms in zip(frame["doc_id"], terms, strict=True):
        by_doc.setdefault(text_of(doc), set()).update(row_terms.all)
    return list(by_doc.values())


def _apart(frame: pd.DataFrame) -> list[tuple[str, bool]] | None:
    """Each row's document and whether the publication day alone dates it (``dated_by`` is
    "published"); None for a frame without ``dated_by``."""
    if "dated_by" not in frame.columns:
        return None
    docs = frame["doc_id"] if "doc_id" in frame.columns else frame.index.astype(str)
    return [
        (text_of(doc), text_of(by) == "published")
        for doc, by in zip(docs, frame["dated_by"], strict=True)
    ]


def _whens(frame: pd.DataFrame) -> list[When]:
    """The time of each row: its interval in seconds, else its value and mod."""
    import numpy as np

    start = np.asarray(frame["start"].to_numpy(), dtype="datetime64[s]")
    end = np.asarray(frame["end"].to_numpy(), dtype="datetime64[s]")
    values = frame["value"] if "value" in frame.columns else frame["text"]
    mods = frame["mod"] if "mod" in frame.columns else [""] * len(frame)
    whens: list[When] = []
    for s, e, value, mod in zip(start, end, values, mods, strict=True):
        if np.isnat(s) or np.isnat(e) or s >= e:
            whens.append(When.unplaced(text_of(value), text_of(mod)))
        else:
            whens.append(When.interval(int(s.astype(np.int64)), int(e.astype(np.int64))))
    return whens
