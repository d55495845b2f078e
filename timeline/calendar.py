"""Calendar arithmetic on the proleptic Gregorian calendar, BC years included.

Years are astronomical: 1 BC is year 0, 490 BC is year -489. Instants are
``numpy.datetime64`` in seconds, which span far beyond pandas' nanosecond range, so a
history of ancient wars and a news article share one timeline.

>>> Period.year(2011).value, str(Period.year(2011).start), str(Period.year(2011).end)
('2011', '2011-01-01T00:00:00', '2012-01-01T00:00:00')
>>> Period.year(-489).value
'BC0490'
>>> Period.quarter(2021, 3).value, str(Period.quarter(2021, 3).end)
('2021-Q3', '2021-10-01T00:00:00')
>>> Period.day(2022, 1, 6).weekday()
4
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

import attrs

from timeline.schema import GRAINS, Grain

if TYPE_CHECKING:
    import numpy as np

__all__ = ["GRAINS", "Grain", "Period", "days_in_month", "is_valid_date"]

# Seasons as (value code, first month, number of months): meteorological, northern hemisphere.
# Winter starts in December of the year before the year it is named after ("winter 2020" is
# December 2019 to February 2020 in TimeML's reading "2020-WI").
SEASONS: dict[str, tuple[int, int]] = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}
PARTS_OF_DAY: dict[str, tuple[int, int]] = {
    "MO": (6, 12),
    "MI": (11, 13),
    "AF": (12, 18),
    "EV": (18, 22),
    "NI": (20, 24),
    "DT": (9, 17),
}


def is_leap(year: int) -> bool:
    """Whether ``year`` (astronomical) is a leap year of the proleptic Gregorian calendar."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """Days in a month.

    >>> days_in_month(2021, 2), days_in_month(2020, 2), days_in_month(-4, 2)
    (28, 29, 29)
    """
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def is_valid_date(year: int, month: int, day: int) -> bool:
    """Whether the date exists (no February 30, no month 13)."""
    return 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)


def instant(
    year: int, month: int = 1, day: int = 1, hour: int = 0, minute: int = 0
) -> np.datetime64:
    """The instant at the start of the given minute, as ``datetime64[s]``."""
    import numpy as np

    sign = "-" if year < 0 else ""
    text = f"{sign}{abs(year):04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00"
    return np.datetime64(text, "s")


def holiday_date(rule: str, year: int) -> tuple[int, int]:
    """``(month, day)`` of a holiday in ``year``, from its rule in the grammar.

    >>> holiday_date("12-25", 2021), holiday_date("11-4>22", 2021), holiday_date("easter+0", 2024)
    ((12, 25), (11, 25), (3, 31))
    """
    import numpy as np

    if rule.startswith("easter"):
        month, day = easter(year)
        when = np.datetime64(f"{year:04d}-{month:02d}-{day:02d}") + np.timedelta64(
            int(rule[6:]), "D"
        )
        _, m, d = ymd(when)
        return m, d
    month, rest = int(rule[:2]), rule[3:]
    if ">" not in rest:
        return month, int(rest)
    weekday, first = (int(x) for x in rest.split(">"))
    start = np.datetime64(f"{year:04d}-{month:02d}-{first:02d}")
    iso = (int(start.astype(np.int64)) + 3) % 7 + 1  # 1970-01-01 was a Thursday
    return month, first + (weekday - iso) % 7


def easter(year: int) -> tuple[int, int]:
    """``(month, day)`` of Western Easter Sunday (the Gregorian computus).

    >>> easter(2000), easter(2022)
    ((4, 23), (4, 17))
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return month, day + 1


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``n`` months."""
    y, m = divmod(year * 12 + (month - 1) + n, 12)
    return y, m + 1


def year_value(year: int) -> str:
    """The TIMEX3 value of a year: ``2011``, ``0800``, ``BC0490`` for 490 BC (year -489)."""
    return f"{year:04d}" if year > 0 else f"BC{1 - year:04d}"


@attrs.frozen
class Period:
    """A span of the calendar with its TIMEX3 value and granularity.

    ``start`` is inclusive and ``end`` exclusive.
    """

    value: str
    start: np.datetime64
    end: np.datetime64
    grain: Grain

    # ------------------------------------------------------------------ constructors
    @classmethod
    def century(cls, index: int) -> Period:
        """Century ``index`` as in TimeML: ``19`` is 1900-1999 (the 20th century)."""
        first = index * 100
        return cls(f"{index:02d}", instant(first), instant(first + 100), "century")

    @classmethod
    def decade(cls, index: int) -> Period:
        """Decade ``index`` as in TimeML: ``199`` is 1990-1999."""
        first = index * 10
        return cls(f"{index:03d}", instant(first), instant(first + 10), "decade")

    @classmethod
    @functools.lru_cache(maxsize=4096)
    def year(cls, year: int) -> Period:
        return cls(year_value(year), instant(year), instant(year + 1), "year")

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        m = 1 + 6 * (half - 1)
        y2, m2 = add_months(year, m, 6)
        return cls(f"{year_value(year)}-H{half}", instant(year, m), instant(y2, m2), "half")

    @classmethod
    @functools.lru_cache(maxsize=4096)
    def quarter(cls, year: int, quarter: int) -> Period:
        m = 1 + 3 * (quarter - 1)
        y2, m2 = add_months(year, m, 3)
        return cls(f"{year_value(year)}-Q{quarter}", instant(year, m), instant(y2, m2), "quarter")

    @classmethod
    def season(cls, year: int, code: str) -> Period:
        first, length = SEASONS[code]
        y1 = year - 1 if code == "WI" else year
        y2, m2 = add_months(y1, first, length)
        return cls(f"{year_value(year)}-{code}", instant(y1, first), instant(y2, m2), "season")

    @classmethod
    @functools.lru_cache(maxsize=4096)
    def month(cls, year: int, month: int) -> Period:
        y2, m2 = add_months(year, month, 1)
        return cls(
            f"{year_value(year)}-{month:02d}", instant(year, month), instant(y2, m2), "month"
        )

    @classmethod
    def week(cls, year: int, week: int) -> Period:
        """ISO week ``week`` of ISO year ``year`` (years 1 to 9999)."""
        import numpy as np

        monday = dt.date.fromisocalendar(year, week, 1)
        start = np.datetime64(monday.isoformat(), "s")
        return cls(f"{year:04d}-W{week:02d}", start, start + np.timedelta64(7, "D"), "week")

    @classmethod
    def week_of(cls, day: np.datetime64) -> Period:
        """The ISO week holding ``day``, in any year numpy can hold (BC years too, which
        :mod:`datetime` cannot): the week of its Thursday's year.

        >>> import numpy as np
        >>> Period.week_of(np.datetime64("2022-01-01")).value  # a Saturday of 2021's last week
        '2021-W52'
        >>> Period.week_of(np.datetime64("-0489-06-15")).value  # in 490 BC
        'BC0490-W24'
        """
        import numpy as np

        days = int(day.astype("datetime64[D]").astype(np.int64))
        monday = days - (days + 3) % 7  # 1970-01-01 was a Thursday
        thursday = np.datetime64(monday + 3, "D")
        year = ymd(thursday)[0]
        first = np.datetime64(f"{year:+05d}-01-01" if year < 0 else f"{year:04d}-01-01", "D")
        week = int((thursday - first).astype(np.int64)) // 7 + 1
        start = np.datetime64(monday, "D").astype("datetime64[s]")
        value = f"{year_value(year)}-W{week:02d}"
        return cls(value, start, start + np.timedelta64(7, "D"), "week")

    @classmethod
    @functools.lru_cache(maxsize=4096)
    def day(cls, year: int, month: int, day: int) -> Period:
        import numpy as np

        start = instant(year, month, day)
        value = f"{year_value(year)}-{month:02d}-{day:02d}"
        return cls(value, start, start + np.timedelta64(1, "D"), "day")

    @classmethod
    @functools.lru_cache(maxsize=4096)
    def from_day(cls, day: np.datetime64) -> Period:
        """The day that contains ``day``."""
        y, m, d = ymd(day)
        return cls.day(y, m, d)

    @classmethod
    def minute(cls, year: int, month: int, day: int, hour: int, minute: int) -> Period:
        import numpy as np

        start = instant(year, month, day, hour, minute)
        value = f"{year_value(year)}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}"
        return cls(value, start, start + np.timedelta64(1, "m"), "minute")

    @classmethod
    def part_of_day(cls, year: int, month: int, day: int, code: str) -> Period:
        import numpy as np

        first, last = PARTS_OF_DAY[code]
        base = instant(year, month, day)
        value = f"{year_value(year)}-{month:02d}-{day:02d}T{code}"
        return cls(
            value, base + np.timedelta64(first, "h"), base + np.timedelta64(last, "h"), "hour"
        )

    # ------------------------------------------------------------------ views
    def weekday(self) -> int:
        """ISO weekday of the start: Monday 1 ... Sunday 7."""
        import numpy as np

        days = int(self.start.astype("datetime64[D]").astype(np.int64))
        return (days + 3) % 7 + 1

    def ymd(self) -> tuple[int, int, int]:
        """``(year, month, day)`` of the start."""
        return ymd(self.start)

    def narrowed(self, mod: str) -> Period:
        """The part of the period a TIMEX3 ``mod`` points at: a third for START, MID and END."""
        import numpy as np

        thirds = {"START": 0, "MID": 1, "END": 2}
        if mod not in thirds:
            return self
        days = (self.end - self.start).astype("timedelta64[D]").astype(np.int64)
        if days < 3:
            return self
        k = thirds[mod]
        lo = self.start + np.timedelta64(int(days * k // 3), "D")
        hi = self.start + np.timedelta64(int(days * (k + 1) // 3), "D") if k < 2 else self.end
        # round the cut points to the grain below: years for decades, months for years
        unit = (
            "Y" if self.grain in ("millennium", "century", "decade") else "M" if days > 62 else "D"
        )
        lo = _cut(lo, unit)
        if k < 2:
            hi = _cut(hi, unit)
        return attrs.evolve(self, start=lo, end=hi)


def _cut(when: np.datetime64, unit: str) -> np.datetime64:
    """A cut point of :meth:`Period.narrowed` on a boundary of ``unit``: years floored (the late
    1990s from 1996), months to the nearest (a third of a season or a quarter is a month:
    "early spring" is March, not the empty span of its first day), days floored."""
    import numpy as np

    if unit == "M":
        when = when + np.timedelta64(15, "D")  # to the nearest month start
    return when.astype(f"datetime64[{unit}]").astype("datetime64[s]")


@functools.lru_cache(maxsize=8192)
def ymd(when: np.datetime64) -> tuple[int, int, int]:
    """``(year, month, day)`` of an instant, BC years included."""
    text = str(when.astype("datetime64[D]"))
    sign = -1 if text.startswith("-") else 1
    y, m, d = text.lstrip("-+").split("-")
    return sign * int(y), int(m), int(d)
