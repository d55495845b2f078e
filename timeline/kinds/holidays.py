"""Holidays: "Christmas", "christmas eve", "Thanksgiving Day", "last Easter", "Election Day 2020",
"Diwali 2019", "Memorial Day 2021", "Hanukkah".

The grammar's ``holiday`` list names each holiday it knows, in any case, with its name in the
`holidays` package (the Open World Holidays Framework): the package gives its date in a year,
from the first country of the grammar's ``[holidays]`` table that keeps the day that year (the
US first, then the UK, Canada, Australia, Ireland, India, Israel, China, Saudi Arabia). Where
the package has no date (a year it does not cover, such as Christmas 1066, or a day it keeps in
some years only, such as Christmas Eve), the grammar's ``holiday_rule`` gives ours ("12-25";
"11-4>22", the first Thursday on or after November 22; "easter+1"), computed by
:func:`timeline.calendar.holiday_date`. The package is imported only when a holiday resolves.

A holiday named without a year is placed like a month: the nearest in the tense of its sentence
("last Easter", "next Thanksgiving": the one before or after). A holiday is a date: the rule
``holiday`` has the kind ``date``, whose resolution hands it here.

>>> from timeline.grammar import grammar
>>> holiday_day(grammar(), "Diwali", 2019), holiday_day(grammar(), "christmas", 1066)
((10, 27), (12, 25))
"""

from __future__ import annotations

import datetime as dt
import warnings
from functools import lru_cache
from typing import Any

from timeline.calendar import Period, holiday_date
from timeline.grammar import Grammar, fold, grammar
from timeline.kinds.base import State, placed, unresolved
from timeline.kinds.values import pick_year, year_number
from timeline.records import Mention, Timex

__all__ = ["holiday", "holiday_day", "library_days"]

_FIXED = 5  # "MM-DD": a rule of ours that is a fixed date


def holiday_day(g: Grammar, name: str, year: int) -> tuple[int, int] | None:
    """The month and day of the holiday ``name`` in ``year``: the `holidays` package's, else
    ours; None if neither knows it that year."""
    key = fold(name)
    library_name = g.words["holiday"].get(key, "")
    if library_name and 1 <= year <= 9999:
        day = library_days(year).get(library_name)
        if day is not None:
            return day
    rule = g.words["holiday_rule"].get(key)
    return holiday_date(rule, year) if rule else None


@lru_cache(maxsize=256)
def library_days(year: int) -> dict[str, tuple[int, int]]:
    """Every holiday the `holidays` package keeps in ``year`` in the grammar's countries, by its
    name lower-cased, with its first day that year (the first country that keeps it wins).

    Names the package joins ("Diwali; Naraka Chaturdashi") count one by one; days kept in lieu
    ("(observed)") and the package's "(estimated)" mark are left out.
    """
    days: dict[str, tuple[int, int]] = {}
    for spec in grammar().settings["holidays"]["countries"]:
        for day, name in sorted(_country_days(spec, year)):
            for part in name.split(";"):
                part = fold(part.replace("(estimated)", ""))
                if part and "observed" not in part:
                    days.setdefault(part, (day.month, day.day))
    return days


def _country_days(spec: dict[str, Any], year: int) -> list[tuple[dt.date, str]]:
    """The days the `holidays` package keeps in one country and year, as the spec asks."""
    import holidays

    options: dict[str, Any] = {
        k: (tuple(v) if isinstance(v, list) else v) for k, v in spec.items() if k != "code"
    }
    with warnings.catch_warnings():  # "available only from 2001 to 2035": outside, none
        warnings.simplefilter("ignore")
        try:
            table = holidays.country_holidays(spec["code"], years=year, **options)
        except (NotImplementedError, ValueError, KeyError):  # pragma: no cover - an old package
            return []
        return list(table.items())


def holiday(m: Mention, state: State) -> Timex | None:
    """Reads "Christmas", "Election Day 2020", "Diwali 2019"; gives 2021-12-25, 2020-11-03,
    2019-10-27."""
    g = m.groups
    name = g["hol"]
    if "y" in g:
        year = year_number(g["y"], base_year=state.base_year())
        named = holiday_day(state.g, name, year) if year is not None else None
        if year is None or named is None:
            return None
        return placed(Period.day(year, *named))
    base, anchor = state.base()
    if base is None:
        rule = state.g.words["holiday_rule"].get(fold(name), "")
        return unresolved(f"XXXX-{rule}" if len(rule) == _FIXED else "XXXX-XX-XX")
    by = base.ymd()[0]
    deictic = fold(g.get("deictic", ""))
    days = {y: holiday_day(state.g, name, y) for y in (by - 1, by, by + 1)}
    candidates = [Period.day(y, *d) for y, d in days.items() if d is not None]
    if not candidates:
        return unresolved("XXXX-XX-XX")
    before = [c for c in candidates if c.start <= base.start]
    after = [c for c in candidates if c.start > base.start]
    if deictic == "last" and before:
        chosen = before[-1]
    elif deictic == "next" and after:
        chosen = after[0]
    elif deictic == "this":
        chosen = next((c for c in candidates if c.ymd()[0] == by), candidates[0])
    else:  # the nearest, in the tense of the sentence, as a month is placed
        this_year = next((c for c in candidates if c.ymd()[0] == by), candidates[0])
        _, month, day = this_year.ymd()
        year, anchor = pick_year(state, m, month, day)
        found = holiday_day(state.g, name, year) if year is not None else None
        chosen = Period.day(year, *found) if year is not None and found else this_year
    return placed(chosen, anchor=anchor)
