"""A date and the weekday written with it agree: "Fri, Jul 18" is a Friday, "Friday the 13th" a
13th that is a Friday.

A date written without its year takes the year its tense and the base date give
(:func:`timeline.kinds.values.pick_year`); where a weekday stands with it and that year puts
the date on another day of the week, the year before or after in which they agree is taken.
Where neither does, the date keeps its year: the day and month are more specific than the
weekday, which is then left as written (a slip of the writer, or another calendar). A day of
the month with a weekday and no month ("Friday the 13th") is in the month nearest the base
date, before it in the past tense and after it in the future, in which they agree.

>>> agreeing_year(2022, 12, 31, 5)  # Friday, December 31: of 2021, not 2022 (a Saturday)
2021
>>> agreeing_year(2021, 7, 18, 5)  # Friday, July 18: no year from 2020 to 2022 agrees
2021
"""

from __future__ import annotations

from typing import Literal

from timeline.calendar import Period, add_months, is_valid_date
from timeline.context import Tense

__all__ = ["agreeing_month", "agreeing_year", "weekday_of"]


def weekday_of(year: int, month: int, day: int) -> int:
    """The ISO weekday (Monday 1 ... Sunday 7) of a date of the proleptic Gregorian calendar."""
    return Period.day(year, month, day).weekday()


def agreeing_year(year: int, month: int, day: int, weekday: int) -> int:
    """``year``, or the year before or after it, in which the date falls on ``weekday``; ``year``
    if none does (the date is kept, the weekday left as written)."""
    for candidate in (year, year - 1, year + 1):
        if is_valid_date(candidate, month, day) and weekday_of(candidate, month, day) == weekday:
            return candidate
    return year


def agreeing_month(
    base: Period, day: int, weekday: int, tense: Tense | Literal["nearest"] | None
) -> tuple[int, int] | None:
    """Year and month of the ``day``-th that falls on ``weekday``, within a year of the base
    date: the last one on or before it in the past tense, the next one on or after it in the
    future and present, the nearest without a tense (or "nearest"); None if there is none.

    >>> from timeline.calendar import Period
    >>> base = Period.day(2022, 1, 10)
    >>> agreeing_month(base, 13, 5, "past"), agreeing_month(base, 13, 5, "future")
    ((2021, 8), (2022, 5))
    >>> agreeing_month(base, 13, 5, None)
    (2022, 5)
    """
    y, mo, d = base.ymd()
    found: list[tuple[int, int, int]] = []  # (months from the base's month, year, month)
    for step in range(-12, 13):
        cy, cm = add_months(y, mo, step)
        if is_valid_date(cy, cm, day) and weekday_of(cy, cm, day) == weekday:
            found.append((step, cy, cm))
    before = [f for f in found if (f[0], day) <= (0, d)]
    after = [f for f in found if (f[0], day) >= (0, d)]
    if tense == "past":
        chosen = before[-1] if before else None
    elif tense in ("future", "present"):
        chosen = after[0] if after else None
    else:
        chosen = min(found, key=lambda f: abs(f[0] * 31 + day - d), default=None)
    return None if chosen is None else (chosen[1], chosen[2])
