"""The records every kind of expression works with, and the ways to build a TIMEX3.

A kind is a pair of functions (:class:`Kind`): its *acceptance* reads a rule's match in its
context (a :class:`Candidate`) and says whether it is a time; its *resolution* reads an
accepted mention with what the walk through the text knows (a :class:`State`) and gives its
TIMEX3 value, type, mod and interval.

>>> from timeline.calendar import Period
>>> t = placed(Period.year(2016), mod="START")
>>> t.value, t.mod, str(t.start), t.granularity
('2016', 'START', '2016-01-01T00:00:00', 'year')
>>> unresolved("XXXX-WXX-4").anchor
'none'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, get_args

import attrs

from timeline.calendar import Period
from timeline.context import Sentences, Tense
from timeline.grammar import WINDOW, Grammar, grammar, next_word
from timeline.records import Mention, Timex, TimexType

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "PREFERENCES",
    "PREV_WORD",
    "WINDOW",
    "Acceptance",
    "Candidate",
    "DateOrder",
    "Kind",
    "Prefer",
    "Resolution",
    "State",
    "article_to_name",
    "check_prefer",
    "is_function_word",
    "next_word",
    "placed",
    "sentence_starts",
    "span",
    "timex",
    "unresolved",
]

#: The order of the numbers of a date written in numbers (:mod:`timeline.kinds.numeric`).
DateOrder = Literal["MDY", "DMY", "YMD"]

#: The direction of dates the text leaves open ("Friday", "in March", "the 15th", "summer",
#: "Christmas"): "tense" reads it from the sentence's tense cues (news tells of the days just
#: gone), "past" and "future" always take the last or the next such date, "nearest" the
#: nearest one. ``prefer=`` of :func:`timeline.extract` and the corpus functions.
Prefer = Literal["tense", "past", "future", "nearest"]
PREFERENCES: tuple[Prefer, ...] = get_args(Prefer)


def check_prefer(prefer: object) -> Prefer:
    """``prefer`` itself if it is one of :data:`PREFERENCES`; else a ``ValueError``.

    >>> check_prefer("future")
    'future'
    >>> check_prefer("soon")
    Traceback (most recent call last):
    ...
    ValueError: prefer must be 'tense', 'past', 'future' or 'nearest', not 'soon'
    """
    if not isinstance(prefer, str) or prefer not in PREFERENCES:
        raise ValueError(f"prefer must be 'tense', 'past', 'future' or 'nearest', not {prefer!r}")
    return prefer  # type: ignore[return-value]


#: The word before an offset, with the white space (and a hyphen) between; acceptance looks
#: for it within WINDOW characters.
PREV_WORD = re.compile(r"([A-Za-z][A-Za-z.'’]*|'s|’s)[ \t]*[-–]?$")


@attrs.frozen
class Candidate:
    """A rule's match on its way to a mention: what a kind's acceptance reads.

    ``start`` and ``end`` are the expression's bounds (a preposition matched for context
    already left out); ``groups`` the named parts that matched, ``prep`` the preposition.
    """

    rule: str
    text: str
    match: re.Match[str]
    groups: dict[str, str]
    start: int
    end: int
    prep: str | None = None

    def starting_at(self, start: int) -> Candidate:
        """The candidate with its expression starting at ``start`` (a word left to a noun)."""
        return attrs.evolve(self, start=start)


@attrs.define
class State:
    """What resolution knows while it walks through a text."""

    text: str
    reference: np.datetime64 | None
    sentences: Sentences
    g: Grammar
    #: The resolution of one mention, for the parts of a composed one ("9 a.m. Tuesday").
    resolver: Callable[[Mention, State], Timex | None]
    anchor: Period | None = None  # latest date placed so far (narrative time)
    quarter: Period | None = None  # latest quarter named: the period a report is about
    period: Period | None = None  # latest month or quarter named ("the same period last year")
    range_end: Timex | None = None  # while the start of a range resolves: its end
    day: tuple[int, Period] | None = None  # latest day named, with its sentence's index
    #: The publication's date and time of day (as written in its zone), when it gives one.
    clock: np.datetime64 | None = None
    #: The mention after the one resolving: the date of the event an offset counts from
    #: ("a year after the 2007 launch").
    following: Mention | None = None
    #: The direction of dates the text leaves open (:data:`Prefer`).
    prefer: Prefer = "tense"
    #: Which number of a date in numbers is the month ("MDY", "DMY", "YMD"; None: by its form).
    date_order: DateOrder | None = None

    def base(self) -> tuple[Period | None, str]:
        """The date relative expressions resolve against, and where it comes from."""
        if self.reference is not None:
            return Period.from_day(self.reference), "published"
        if self.anchor is not None:
            return self.anchor, "text"
        return None, "none"

    def base_year(self) -> int | None:
        """The year of the base date, for two-digit years ("'98") and decades ("the '90s")."""
        base = self.base()[0]
        return base.ymd()[0] if base is not None else None

    def tense(self, m: Mention) -> Tense | None:
        """The tense of the sentence around a mention, read from its nearest cue."""
        return self.sentences.tense(m.start)

    def preferred(self) -> Literal["past", "future", "nearest"] | None:
        """The direction ``prefer=`` imposes on dates the text leaves open; None for "tense"
        (each kind reads the tense, or a narrative's order)."""
        return None if self.prefer == "tense" else self.prefer

    def resolve(self, m: Mention) -> Timex | None:
        """The timex of a part of a composed mention: the day of "9 a.m. Tuesday"."""
        return self.resolver(m, self)


Acceptance = Callable[[Candidate], "Candidate | None"]
Resolution = Callable[[Mention, State], "Timex | None"]


@attrs.frozen
class Kind:
    """A kind of expression: how its matches are accepted and how its mentions resolve.

    ``accept`` gives the candidate back (its start moved where a word belongs to the noun
    after the expression) or None where the context shows the match is no time; a kind
    without one takes every match its rules' checks let through.
    """

    name: str
    resolve: Resolution
    accept: Acceptance | None = None


def timex(
    type_: TimexType,
    value: str,
    period: Period | None = None,
    *,
    mod: str = "",
    anchor: str = "absolute",
) -> Timex:
    """A timex of this type and value, over ``period`` (narrowed by ``mod``) if it has one."""
    if period is not None and mod:
        period = period.narrowed(mod)
    return Timex(
        char_start=0,
        char_end=0,
        text="",
        type=type_,
        value=value,
        mod=mod,
        start=period.start if period else None,
        end=period.end if period else None,
        granularity=period.grain if period else None,
        anchor=anchor,
    )


def placed(
    period: Period, *, mod: str = "", anchor: str = "absolute", type_: TimexType = "DATE"
) -> Timex:
    """The timex of a period of the calendar, its value the period's."""
    return timex(type_, period.value, period, mod=mod, anchor=anchor)


def span(a: Timex, b: Timex) -> Timex:
    """The range from ``a`` to ``b`` (a DATE "a/b" from a's start to b's end, where both are
    placed), with the two as its ``parts``: TimeML marks a range as its two endpoints.

    >>> r = span(placed(Period.year(2011)), placed(Period.year(2013)))
    >>> r.value, str(r.start), str(r.end), [p.value for p in r.parts]
    ('2011/2013', '2011-01-01T00:00:00', '2014-01-01T00:00:00', ['2011', '2013'])
    """
    value = f"{a.value}/{b.value}"
    if a.start is None or b.end is None or a.granularity is None:
        whole = unresolved(value)
    else:
        anchor = a.anchor if a.anchor != "absolute" else b.anchor
        grain = a.granularity
        whole = timex("DATE", value, Period(value, a.start, b.end, grain), anchor=anchor)  # type: ignore[arg-type]
    return attrs.evolve(whole, parts=(a, b))


def unresolved(value: str, type_: TimexType = "DATE", mod: str = "") -> Timex:
    """A timex that could not be placed: ``X`` in its value for what is unknown."""
    return timex(type_, value, None, mod=mod, anchor="none")


def article_to_name(c: Candidate, after: int | None = None) -> Candidate:
    """The candidate without its leading "the" where, capitalised, it names an event with the
    capitalised word after it (at ``after``, the candidate's end by default): "the Spring
    Offensive", "the Hundred Days Offensive", "the Seven Years War" (the article is the
    name's; not "the two years Britain fought").

    >>> import re
    >>> text = "in the Spring Offensive"
    >>> c = Candidate("season", text, re.match("", text), {}, 3, 13)
    >>> text[article_to_name(c).start : 13]
    'Spring'
    """
    end = c.end if after is None else after
    if c.text[c.start : c.start + 4].lower() != "the " or not next_word(c.text, end)[:1].isupper():
        return c
    start = c.start + 4
    while start < c.end and c.text[start].isspace():
        start += 1
    if not c.text[start : start + 1].isupper():
        return c  # "the two years Britain fought": no name
    return c.starting_at(start)


def is_function_word(word: str) -> bool:
    """Whether a word is a function word ("and", "the", "was"), as the grammar lists them."""
    return word.lower() in grammar().lists["function_words"]


def sentence_starts(text: str, offset: int) -> bool:
    """Whether ``offset`` opens a sentence (only white space, or an end mark, before it)."""
    before = text[max(0, offset - 4) : max(0, offset)].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:;"
