"""Calendar dates: "January 10", "Jan. 10, 2022", "10 January 2022", "2022-01-10", "1/10/2022",
"January 5-7", and "on the 14th" (a day of the month the text is in).

An explicit date is checked by dateparser's ``DateDataParser.get_date_data`` (which refuses
February 30); a date without a year takes the year its sentence's tense and the base date
say. Holidays are dates too (:mod:`timeline.kinds.holidays`).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from timeline.calendar import Period, add_months, days_in_month, is_valid_date
from timeline.kinds.agree import agreeing_month, agreeing_year, weekday_written
from timeline.kinds.base import Candidate, Kind, State, placed, span, unresolved
from timeline.kinds.holidays import holiday
from timeline.kinds.numeric import numeric_date
from timeline.kinds.values import DIGITS, month_number, pick_year, year_number
from timeline.records import Mention, Timex

__all__ = ["KINDS"]


@lru_cache(maxsize=4096)
def _dateparser_ymd(text: str, prefer: str) -> tuple[int, int, int] | None:
    """Year, month and day of an explicit date, as dateparser reads it (None if impossible)."""
    parser = _date_parser(prefer)
    data = parser.get_date_data(text)  # type: ignore[attr-defined]
    if data.date_obj is None or data.period != "day":
        return None
    d = data.date_obj
    return d.year, d.month, d.day


@lru_cache(maxsize=4)
def _date_parser(prefer: str) -> object:
    from dateparser.date import DateDataParser

    settings = {
        # A fixed base year: the year is taken from the text or set by us, never from the clock.
        "RELATIVE_BASE": dt.datetime(2000, 6, 15),
        "PREFER_DATES_FROM": prefer,
        "DATE_ORDER": "MDY",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["absolute-time"],
    }
    return DateDataParser(languages=["en"], settings=settings)


def accept_date(c: Candidate) -> Candidate | None:
    """A date is a time; "from" or "between" belongs to it only where it opens a span of days
    ("from 13 to 15 July"), not before one day ("from 5 July", a range :mod:`timeline.detect`
    composes). A date in numbers needs the same separator twice ("1/10/2022", not "1/10.2022"),
    a year of four digits after dashes, two-digit numbers with dots and a two-digit year
    ("27.03.15", not the version "1.2.15"), and is not the set phrase "24/7"."""
    g = c.groups
    if "sep2" in g and g["sep2"] != g["sep"]:
        return None
    if g.get("sep") == "-" and len(g.get("n3", "")) != 4:
        return None
    if g.get("sep") == "." and len(g.get("n3", "")) == 2 and (len(g["n1"]) + len(g["n2"]) < 4):
        return None
    if (g.get("n1"), g.get("n2")) in _SET_PHRASES:
        return None
    if "opener" in g and "d2" not in g:
        start = c.match.end("opener")
        while c.text[start].isspace():
            start += 1
        return c.starting_at(start)
    return c


#: Numbers with a slash that are set phrases, not dates: "open 24/7".
_SET_PHRASES = frozenset({("24", "7"), ("24", "365")})


def date(m: Mention, state: State) -> Timex | None:
    """Reads "Jan. 10, 2022", "January 5-7", "3/12/2025"; gives 2022-01-10,
    2022-01-05/2022-01-07, 2025-03-12 (month first, by default, :mod:`.numeric`).

    A holiday (the rule ``holiday`` is of this kind) is read by :func:`holiday`.
    """
    g = m.groups
    if "hol" in g:
        return holiday(m, state)
    written = _written(m, state)
    if written is None:
        return None
    year, month, day = written
    anchor = "absolute"
    if year is None:
        year, anchor = pick_year(state, m, month, day)
        if year is not None and "wd" in g:  # "Fri, Jul 18": a year in which it is a Friday
            year = agreeing_year(year, month, day, weekday_written(state, g["wd"]))
        if year is not None and not is_valid_date(year, month, day):
            return None
    if "d2" in g:
        day2 = int(DIGITS.search(g["d2"]).group())  # type: ignore[union-attr]
        if day2 <= day or (year is not None and not is_valid_date(year, month, day2)):
            return None
        if year is None:
            return span(
                unresolved(f"XXXX-{month:02d}-{day:02d}"),
                unresolved(f"XXXX-{month:02d}-{day2:02d}"),
            )
        return span(
            placed(Period.day(year, month, day), anchor=anchor),
            placed(Period.day(year, month, day2), anchor=anchor),
        )
    if year is None:
        return unresolved(f"XXXX-{month:02d}-{day:02d}")
    if "hh" in g:
        return placed(
            Period.minute(year, month, day, int(g["hh"]), int(g["mi"])), anchor=anchor, type_="TIME"
        )
    return placed(Period.day(year, month, day), anchor=anchor)


def _written(m: Mention, state: State) -> tuple[int | None, int, int] | None:
    """The year (None if not written), month and day of a date as written; None if it is no
    date ("February 30", "2021-02-29")."""
    g = m.groups
    if "n1" in g:
        return numeric_date(g, state.date_order, state.base_year())
    if "mn" in g:
        month, day = int(g["mn"]), int(g["d"])
    else:
        month = month_number(state, g["m"])
        day = int(DIGITS.search(g["d"]).group())  # type: ignore[union-attr]
    if not is_valid_date(2000, month, day):  # 2000 is a leap year: Feb 29 passes here
        return None
    if "y" not in g:
        return None, month, day
    year = year_number(g["y"], base_year=state.base_year())
    if year is None or not is_valid_date(year, month, day):
        return None
    if "m" in g and 1 <= year <= 9999:
        # dateparser reads dates with a month's name well: it confirms ours (and refuses
        # impossible ones); a date in numbers is ours to read (which number is the month)
        parsed = _dateparser_ymd(state.text[m.start : m.end], "current_period")
        if parsed is None and "d2" not in g:
            return None
    return year, month, day


def day_of_month(m: Mention, state: State) -> Timex | None:
    """Reads "on the 14th", "Friday the 13th"; gives 2021-12-14 (in news the last 14th unless
    said ahead), 2022-05-13 (the nearest 13th that is a Friday, :mod:`.agree`).

    In a narrative, the next 14th from the date the text is at.
    """
    d = int(m.groups["d"])
    base, anchor = state.base()
    if base is None or base.grain not in ("day", "week", "month", "hour", "minute"):
        return unresolved(f"XXXX-XX-{d:02d}")
    if "wd" in m.groups:
        tense = state.tense(m) if anchor == "published" else "future"
        found = agreeing_month(base, d, weekday_written(state, m.groups["wd"]), tense)
        if found is None:
            return unresolved(f"XXXX-XX-{d:02d}")
        return placed(Period.day(*found, d), anchor=anchor)
    y, mo, bd = base.ymd()
    step = 0
    if anchor == "published":
        # the last such day in the past tense, the next in the future or present ("the vote is
        # on the 15th"), else the nearer of the two ("the board meets on the 15th")
        tense = state.tense(m)
        if d > bd and tense != "future" and tense != "present":
            step = -1 if tense == "past" or d - bd > days_in_month(y, mo) // 2 else 0
        elif d < bd and tense != "past":
            step = 1 if tense in ("future", "present") or bd - d > days_in_month(y, mo) // 2 else 0
    elif base.grain != "month" and d < bd:
        step = 1  # a narrative moves forward: "On 20 May ... on the 2nd" is June 2
    y, mo = add_months(y, mo, step)
    if not is_valid_date(y, mo, d):
        return unresolved(f"XXXX-XX-{d:02d}")
    return placed(Period.day(y, mo, d), anchor=anchor)


KINDS = (
    Kind("date", date, accept_date),
    Kind("day_of_month", day_of_month),
)
