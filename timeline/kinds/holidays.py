"""Holidays: "Christmas", "Thanksgiving Day", "last Easter", "Election Day 2020".

The grammar's ``holiday`` list gives each its date ("12-25"; "11-4>22", the first Thursday
on or after November 22; "easter+1"), :func:`timeline.calendar.holiday_date` computes it.
A holiday is a date: the rule ``holiday`` has the kind ``date``, whose resolution hands it here.
"""

from __future__ import annotations

from timeline.calendar import Period, holiday_date
from timeline.grammar import fold
from timeline.kinds.base import State, placed, unresolved
from timeline.kinds.values import pick_year, year_number
from timeline.records import Mention, Timex

__all__ = ["holiday"]


def holiday(m: Mention, state: State) -> Timex | None:
    """Reads "Christmas", "Election Day 2020"; gives 2021-12-25, 2020-11-03."""
    g = m.groups
    rule = str(state.g.lookup("holiday", g["hol"]))
    if "y" in g:
        year = year_number(g["y"], base_year=state.base_year())
        if year is None:
            return None
        return placed(Period.day(year, *holiday_date(rule, year)))
    base, anchor = state.base()
    if base is None:
        month, day = holiday_date(rule, 2001) if not rule.startswith("easter") else (0, 0)
        return unresolved(f"XXXX-{month:02d}-{day:02d}" if month else "XXXX-XX-XX")
    by = base.ymd()[0]
    deictic = fold(g.get("deictic", ""))
    candidates = [Period.day(y, *holiday_date(rule, y)) for y in (by - 1, by, by + 1)]
    before = [c for c in candidates if c.start <= base.start]
    after = [c for c in candidates if c.start > base.start]
    if deictic == "last":
        chosen = before[-1]
    elif deictic == "next":
        chosen = after[0]
    elif deictic == "this":
        chosen = candidates[1]
    else:
        month, day = holiday_date(rule, by)
        year, anchor = pick_year(state, m, month, day)
        chosen = Period.day(year or by, *holiday_date(rule, year or by))
    return placed(chosen, anchor=anchor)
