"""Months: "March 2014", "mid-March 2014", "March '98", "June last year", "in March", "last May",
"May to July 2020".

A month named without a year needs a word that shows it is a date ("in March", "early June"):
"May" alone is the modal verb, "the annual March for Life" a name.
"""

from __future__ import annotations

import re

from timeline.calendar import Period
from timeline.grammar import fold
from timeline.kinds.base import Candidate, Kind, State, placed, span, unresolved
from timeline.kinds.values import mod_of, month_number, pick_year, year_number
from timeline.records import Mention, Timex

__all__ = ["KINDS"]

_NAMED_AFTER = re.compile(r"[ \t]+(?:for|of|on)[ \t]+(?:the[ \t]+)?[A-Z][a-z]")


def accept_month(c: Candidate) -> Candidate | None:
    """A month is a time unless, alone, it is the verb "May" or part of a name ("March for")."""
    alone = not (c.prep or c.groups.keys() - {"m"})
    if alone and c.groups.get("m") in ("May", "MAY"):
        return None  # "May" alone is the modal verb
    if alone and c.rule == "month_alone" and _NAMED_AFTER.match(c.text, c.end):
        return None  # "the annual March for Life": a name, not the month
    return c


def month(m: Mention, state: State) -> Timex | None:
    """Reads "March 2014", "June last year", "he left in March"; gives 2014-03, 2021-06, 2021-03."""
    g = m.groups
    number = month_number(state, g["m"])
    mod = mod_of(m, state)
    deictic = fold(g.get("deictic", ""))
    if deictic in ("early", "late", "mid"):
        mod = str(state.g.lookup("mod_before", deictic))
        deictic = ""
    if "y" in g or "yy" in g:
        year = year_number(g.get("y") or g["yy"], base_year=state.base_year())
        if year is None:
            return None
        return placed(Period.month(year, number), mod=mod)
    if "dy" in g:  # "June last year": the month of the year before the base's
        base, anchor = state.base()
        if base is None:
            return unresolved(f"XXXX-{number:02d}", mod=mod)
        year = base.ymd()[0] + int(state.g.lookup("deictic", g["dy"]))
        return placed(Period.month(year, number), mod=mod, anchor=anchor)
    if deictic in ("last", "next", "this"):
        base, anchor = state.base()
        if base is None:
            return unresolved(f"XXXX-{number:02d}", mod=mod)
        by, bm, _ = base.ymd()
        year = {
            "last": by if number < bm else by - 1,
            "next": by if number > bm else by + 1,
            "this": by,
        }[deictic]
        return placed(Period.month(year, number), mod=mod, anchor=anchor)
    year_, anchor = pick_year(state, m, number, None)
    if year_ is None:
        return unresolved(f"XXXX-{number:02d}", mod=mod)
    return placed(Period.month(year_, number), mod=mod, anchor=anchor)


def month_range(m: Mention, state: State) -> Timex | None:
    """Reads "May to July 2020"; gives 2020-05/2020-07."""
    year = int(m.groups["y"])
    a = Period.month(year, month_number(state, m.groups["m"]))
    b = Period.month(year, month_number(state, m.groups["m2"]))
    if b.start <= a.start:
        return None
    return span(placed(a), placed(b))


KINDS = (
    Kind("month", month, accept_month),
    Kind("month_range", month_range),
)
