"""The date phrase: a timex with what introduces it ("on", "since early", "the night of"), and all
the timexes of a list or range ("in 2011 and 2016", "the quarter ended Sept. 30") together, so
that they share their event; not two dates in clauses joined by "and"."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import NamedTuple

from timeline.events.chunk import Chunk
from timeline.events.tags import ADV, CONTENT, DET, FINITE, ING, NEG, NOUN, TIME, VERB, VERBISH
from timeline.events.tokens import TokenSpan
from timeline.records import Timex

__all__ = [
    "NO_PHRASE",
    "ClauseRule",
    "DateClause",
    "DatePhrase",
    "date_clause",
    "date_phrase",
    "is_date_list",
]


class DatePhrase(NamedTuple):
    """A date in its sentence: the tokens of the date phrase (``start`` to ``end - 1``) and
    of its timexes (``timex_start`` to ``timex_end - 1``)."""

    start: int
    end: int
    timex_start: int
    timex_end: int


def date_phrase(c: Chunk, t: Timex) -> DatePhrase:
    """The date phrase of the timex ``t`` and the words of its timexes (a list as one)."""
    glue = c.words["list_glue"]
    lows, tags, n = c.lows, c.tags, c.n
    ts = bisect.bisect_right(c.ends, t.char_start)
    te = ts
    while te < n and c.starts[te] < t.char_end:
        te += 1
    # a list or range of timexes: "in 2011 and 2016", "1985 and 1987"
    while True:
        k = ts - 1
        while k >= 0 and lows[k] in glue and ts - k <= 2:
            k -= 1
        if k >= 0 and tags[k] == TIME and not joins_clauses(c, k + 1, ts, te):
            while k > 0 and tags[k - 1] == TIME:
                k -= 1
            ts = k
        else:
            break
    while True:
        k = te
        while k < n and lows[k] in glue and k - te < 2:
            k += 1
        if k < n and tags[k] == TIME:
            m = k
            while m < n and tags[m] == TIME:
                m += 1
            if joins_clauses(c, te, k, m):
                break
            te = m
        else:
            break
    return DatePhrase(_introduced(c, ts), _date_end(c, te), ts, te)


def _date_end(c: Chunk, te: int) -> int:
    """Where the date phrase ends, its timexes ending at ``te``: past "or so" ("two years or
    so", "a year or two") and "alone" ("last week alone")."""
    if c.low(te) in c.words["date_alternatives"] and (
        c.low(te + 1) in c.words["vague_alternatives"] or c.low(te + 1) in c.words["numerals"]
    ):
        return te + 2
    if c.low(te) in c.words["date_emphasis"]:
        return te + 1
    return te


def _introduced(c: Chunk, ts: int) -> int:
    """Where the date phrase starts, its timexes starting at ``ts``: back over what introduces
    them, "the night of", "the", "on", "since early", "as of"."""
    tags, lows = c.tags, c.lows
    ds = ts
    # "the night of Oct. 23", "the end of 1997"
    if c.low(ds - 1) in c.words["genitive_prepositions"] and c.low(ds - 2) in c.words["time_nouns"]:
        k = ds - 2
        while k > 0 and tags[k - 1] in (NOUN, ADV) and ds - k < 5:
            k -= 1
        ds = k
    if tags[ds - 1 : ds] == [DET] and lows[ds - 1] not in c.words["complementizers"]:
        ds -= 1
    introducing = c.words["date_prepositions"]
    for _ in range(2):
        if ds > 0 and lows[ds - 1] in introducing:
            ds -= 1
    return ds


def joins_clauses(c: Chunk, glue: int, second: int, end: int) -> bool:
    """Whether the "and" or "or" from ``glue`` to the date at ``second`` joins two clauses,
    not two dates: the second date opens a clause whose verb follows it ("seized the capital
    two years ago *and now are* holding talks"), the first ends one."""
    if c.words["joining_coordinators"].isdisjoint(c.lows[glue:second]):
        return False
    k = end
    while c.tag(k) in (ADV, NEG):
        k += 1
    first = glue - 1
    while first > 0 and c.tags[first - 1] == TIME:
        first -= 1
    return c.tag(k) in FINITE and c.tag(first - 1) in (NOUN, VERB, ING)


def is_date_list(c: Chunk, ds: int) -> bool:
    """Whether the date phrase at ``ds`` lists or spans several dates: "in 2011 and 2016",
    "between 2000 and 2020"."""
    k = ds
    while k < c.n and c.tags[k] != TIME and k - ds < 3:
        k += 1
    first = k
    while k < c.n and c.tags[k] == TIME:
        k += 1
    if any(c.lows[i] in c.words["range_words"] for i in range(first, k)):
        return True  # one timex, a range: "between 2000 and 2020"
    glue = k
    while glue < c.n and c.lows[glue] in c.words["list_glue"] and glue - k < 2:
        glue += 1
    return glue > k and c.tag(glue) == TIME


class DateClause(NamedTuple):
    """A date phrase in its clause: the clause's cuts around it, and what stands on each side."""

    date: DatePhrase
    #: The cut before the clause (-1 at the sentence's start), the clause's first token, and
    #: the cut after it (``n`` at the sentence's end).
    cut_before: int
    start: int
    cut_after: int
    verb_before: bool
    verb_after: bool
    #: How many content words stand before the date and after it, in the clause.
    words_before: int
    words_after: int


def date_clause(c: Chunk, date: DatePhrase) -> DateClause:
    """The clause of the date phrase ``date``."""
    ds, de = date.start, date.end
    cut = c.cut
    lo = ds - 1
    while lo >= 0 and not cut[lo]:
        lo -= 1
    hi = de
    while hi < c.n and not cut[hi]:
        hi += 1
    first = lo + 1
    return DateClause(
        date,
        lo,
        first,
        hi,
        c.has(first, ds, VERBISH),
        c.has(de, hi, VERBISH),
        c.count(first, ds, CONTENT),
        c.count(de, hi, CONTENT),
    )


#: A clause rule's answer that the date dates no phrase: the rules after it are not tried.
NO_PHRASE = TokenSpan(0, 0)

#: A rule for a date in its clause: the phrase the date dates; :data:`NO_PHRASE` if the rule
#: decides that the date dates none; None if the rule does not apply, for the next to try.
ClauseRule = Callable[[Chunk, DateClause], TokenSpan | None]
