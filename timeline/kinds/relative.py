"""Periods placed by the base date: "this year", "last week", "next month", "earlier this year";
"the year", "the full year", "the year ended Sept. 30", "year-end", "the weekend", "ended the
day", "the end of the month"; and the vague "now", "recently", "the future".
"""

from __future__ import annotations

import re

from timeline.calendar import Period
from timeline.grammar import fold
from timeline.kinds.base import Candidate, Kind, State, placed, timex, unresolved
from timeline.kinds.names import word_before
from timeline.kinds.seasons import season
from timeline.kinds.values import mod_of, reported_quarter, unit_period
from timeline.records import Mention, Timex

__all__ = ["KINDS"]

#: The value of a unit of the calendar nothing places.
UNPLACED = {
    "D": "XXXX-XX-XX",
    "W": "XXXX-WXX",
    "WE": "XXXX-WXX-WE",
    "M": "XXXX-XX",
    "Q": "XXXX-QX",
    "Y": "XXXX",
    "DE": "XXX",
    "CE": "XX",
}


def deictic(m: Mention, state: State) -> Timex | None:
    """Reads "this year", "last week", "early next month"; gives 2022, 2022-W01, 2022-02 (START)."""
    g = m.groups
    offset = int(state.g.lookup("deictic", g["dx"]))
    word = fold(g["unit"])
    mod = fold(g.get("mod", ""))
    # "earlier this year" is this year (TimeBank gives no mod); "early this year" is its START
    mod_code = str(state.g.lookup("mod_before", mod)) if mod in state.g.words["mod_before"] else ""
    if word in state.g.words["season"]:
        return season(
            Mention(m.start, m.end, m.rule, "season", {"s": g["unit"], "deictic": g["dx"]}), state
        )
    unit = str(state.g.lookup("anchored_unit", word))
    base, anchor = state.base()
    if base is None:
        return unresolved(UNPLACED[unit], mod=mod_code)
    return placed(unit_period(base, unit, offset), mod=mod_code, anchor=anchor)


# "of" and a word that opens a noun phrase naming something: "the year of the drone",
# "the year of the mayor's victory" describe a year by what marked it, not the year of the story.
_OF_A_THING = re.compile(
    r"[ \t]+of[ \t]+(?:the|a|an|this|that|its|his|her|their|our|[A-Z])", re.IGNORECASE
)


#: Words before "weekend" that make it no date of the calendar: "a weekend of talks", "every
#: weekend", "any weekend" (with "the", "this", "next" it is another rule's).
_NOT_BEFORE_WEEKEND = frozenset({"a", "an", "every", "each", "per", "one", "any", "some", "no"})


def accept_the_unit(c: Candidate) -> Candidate | None:
    """ "The year" is no date when "of" and a thing follow it ("2016 was the year of the
    drone"); "a high for the year of $31.625" stays (an amount is no thing that marks it).
    "weekend" alone is a date unless a word before it counts it or makes it any weekend."""
    if c.rule == "weekend_alone":
        return None if word_before(c.text, c.start) in _NOT_BEFORE_WEEKEND else c
    bare_year = "unit" in c.groups and not ({"q", "mod", "tail"} & c.groups.keys())
    if bare_year and _OF_A_THING.match(c.text, c.end):
        return None
    return c


def the_unit(m: Mention, state: State) -> Timex | None:
    """Reads "the year", "year-end", "the weekend", "month's end"; gives 2021, 2022 (END),
    2022-W01-WE, 2022-01 (END).

    "ended the day" is the story's day (2022-01-10); "the year ended Sept. 30" a DURATION, P1Y;
    "the end of the month" the month of the story's day, 2022-01 (END).
    """
    g = m.groups
    base, anchor = state.base()
    if "unit2" in g:
        if base is None or base.grain not in ("day", "hour", "minute"):
            return unresolved("XXXX-WXX-WE")
        ahead = anchor == "published" and state.tense(m) == "future"
        # the weekend of the base's week if the base is in it or the tense looks ahead,
        # else the one before
        offset = 0 if ahead or base.weekday() >= 6 else -1
        return placed(unit_period(base, "WE", offset), anchor=anchor)
    if "tail" in g:
        return timex("DURATION", "P1Y")
    if "unit4" in g:  # "ended the day": the day the story is about, else the base date's
        if state.anchor is not None and state.anchor.grain == "day":
            return placed(state.anchor, anchor="text")
        if base is None or base.grain not in ("day", "hour", "minute"):
            return unresolved("XXXX-XX-XX")
        return placed(Period.from_day(base.start), anchor=anchor)
    if "unit5" in g:  # "the end of the month": the month (or week) of the story's day
        unit = "M" if fold(g["unit5"]) == "month" else "W"
        if state.day is not None:
            base, anchor = state.day[1], "text"
        if base is None or base.grain not in ("day", "hour", "minute"):
            return unresolved("XXXX-XX" if unit == "M" else "XXXX-WXX", mod=mod_of(m, state))
        return placed(unit_period(base, unit, 0), anchor=anchor, mod=mod_of(m, state))
    if "unit6" in g:  # "at month's end": the END of the month the text is in
        if state.day is not None:
            base, anchor = state.day[1], "text"
        if base is None or base.grain not in ("month", "day", "hour", "minute"):
            return unresolved("XXXX-XX", mod="END")
        return placed(unit_period(base, "M", 0), anchor=anchor, mod="END")
    mod = "END" if "unit3" in g else mod_of(m, state)  # year-end: the END of the year
    if base is None:
        return unresolved("XXXX", mod=mod)
    # the year a report is about: that of about six weeks before (January reports close the
    # year before), unless the sentence looks ahead ("will post a profit for the year")
    looks_back = anchor == "published" and "unit3" not in g and state.tense(m) != "future"
    year = reported_quarter(base).ymd()[0] if looks_back else base.ymd()[0]
    return placed(Period.year(year), anchor=anchor, mod=mod)


def vague(m: Mention, state: State) -> Timex | None:
    """Reads "now", "recently", "the near future"; gives PRESENT_REF, PAST_REF, FUTURE_REF."""
    return timex("DATE", str(state.g.lookup("vague", m.groups["vague"])))


KINDS = (
    Kind("deictic", deictic),
    Kind("the_unit", the_unit, accept_the_unit),
    Kind("vague", vague),
)
