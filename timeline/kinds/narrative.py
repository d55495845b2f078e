"""Narrative time: the year of a date written without one in a text without a publication date.

A history tells its story forward, from dates it names with their year. A month or a day
written without a year ("On 6 November", "In February") takes the year the text is in: the
year of the latest date it has placed. It moves to the next year only where the text plainly
moves on, going back from that date by more than a season ("In November 1936 ... In February"
is February 1937); going back a little stays in the year ("On 8 November 1936 ... on 6
November" is 6 November 1936).

>>> from timeline.calendar import Period
>>> base = Period.day(1936, 11, 8)
>>> narrative_year(base, 11, 6), narrative_year(base, 2, None), narrative_year(base, 12, 1)
(1936, 1937, 1936)
>>> narrative_year(Period.year(1936), 2, 1)
1936
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from timeline.calendar import Period
from timeline.context import in_parentheses
from timeline.grammar import fold
from timeline.kinds.base import is_function_word
from timeline.kinds.names import word_before
from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.kinds.base import State

__all__ = ["BACK_MONTHS", "looks_back", "moves_narrative", "narrative_year", "told_back"]

#: How far, in months, a date without a year may lie before the date the text is at and still
#: be of its year: a narrative goes back a little ("between 4 May and 19 May ... on
#: 2 May"), but a month long before it is the next year's.
BACK_MONTHS = 3.0


def narrative_year(base: Period, month: int, day: int | None, *, back: bool = False) -> int:
    """The year of ``month`` (and ``day``) in a narrative at ``base``: ``base``'s year, or the
    next one where the date lies more than :data:`BACK_MONTHS` before ``base``. A date told
    as looking ``back`` (:func:`told_back`) is the last such date on or before ``base``."""
    by, bm, bd = base.ymd()
    if base.grain in ("year", "decade", "century", "millennium"):
        return by  # "in 1066 ... in October": the year the text is in
    at_day = day is not None and base.grain in ("day", "hour", "minute")
    delta = (month - bm) + ((day or 0) - bd) / 31 * at_day
    if back:  # "By March 1937 the brigades had arrived in November": November 1936
        return by if delta <= 0 else by - 1
    return by if delta >= -BACK_MONTHS else by + 1


def told_back(state: State, m: Mention) -> bool:
    """Whether a date is told as looking back from the time the text is at: in the past perfect
    ("the troops had arrived on 6 November") or after "since" ("since January")."""
    before = word_before(state.text, m.start)
    if before == "by":
        return False  # "By 14 April, they had reached the sea": the time the text is at
    return before == "since" or state.sentences.past_perfect(m.start)


_BACK_WORDS = frozenset(
    {"ago", "earlier", "previously", "before", "previous", "preceding", "prior"}
)


def looks_back(m: Mention) -> bool:
    """Whether a date counted from the text's own looks back from it: "two years earlier",
    "the previous day", "the previous April". A flashback: the narrative does not move there.

    >>> looks_back(Mention(0, 0, "ago", "offset", {"dir": "earlier"}))
    True
    >>> looks_back(Mention(0, 0, "anaphoric", "anaphoric", {"dx": "the following"}))
    False
    """
    if m.kind not in ("offset", "anaphoric", "month"):
        return False
    g = m.groups
    word = fold(g.get("dir") or g.get("tail") or g.get("dx") or g.get("dy") or "")
    last = word.split()[-1] if word.strip() else ""
    return last in _BACK_WORDS


def moves_narrative(state: State, m: Mention) -> bool:
    """Whether a date placed in the text moves the narrative there, so that the dates after
    it are read from it. An aside does not: a flashback ("two years earlier", "the previous
    April", "the largest since 1995"), a date in parentheses ("the Battle of Dunmore (22-25
    March 1951)", "(2003)", a book's year), a date naming another event's time ("the July
    1799 mutiny"). The first date a text places always does.

    >>> from timeline.resolve import resolve
    >>> from timeline.detect import detect
    >>> text = "In May 1940 (a book of 1955 tells it) the army moved. In June it fell."
    >>> [t.value for t in resolve(detect(text), text, reference=None)]
    ['1940-05', '1955', '1940-06']
    """
    if state.anchor is None:
        return True  # the first date the text places: better than none
    return not (
        looks_back(m)
        or word_before(state.text, m.start) == "since"  # "the largest since 1995"
        or in_parentheses(state.text, m.start, m.end)
        or _attributive(state.text, m)
    )


#: A date before a noun, after an article or a possessive: "the July 1799 mutiny", "the May
#: 2007 high", "Russia's 1917 revolution".
_ARTICLE_BEFORE = re.compile(r"(?:\bthe|\ba|\ban|'s|’s)[ \t]+$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"[ \t]+([a-z][a-z-]+)")


def _attributive(text: str, m: Mention) -> bool:
    """Whether a date modifies the noun after it: "the July 1799 mutiny"."""
    if not _ARTICLE_BEFORE.search(text, max(0, m.start - 8), m.start):
        return False
    after = _WORD_AFTER.match(text, m.end)
    return after is not None and not is_function_word(after.group(1))
