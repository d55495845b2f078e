"""Fractional years: one numeric axis from 490 BC to 2022, and dates written for it.

Dates are placed at *fractional years*, computed from ``datetime64[s]`` with integer
arithmetic. That is what lets 490 BC, 1066 and 2022 share one axis: neither matplotlib's date
axis nor pandas' nanosecond timestamps reach before 1677. Years are astronomical (0 is 1 BC,
-489 is 490 BC); their text is not: ``490 BC``, ``AD 500``, ``1066``.

>>> import numpy as np
>>> t = np.datetime64("-0489-03-05T10:30", "s")
>>> date_text(t), date_text(t, "month"), year_text(-489)
('5 Mar 490 BC', 'Mar 490 BC', '490 BC')
>>> date_text(np.datetime64("2022-01-10T17:05", "s"), "minute")
'2022-01-10 17:05'
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["date_parts", "date_text", "datetime_at_year", "fractional_years", "year_text"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def fractional_years(values: np.ndarray) -> np.ndarray:
    """Datetimes (datetime64, no NaT) as fractional years, with integer arithmetic.

    Years are astronomical: 0 is 1 BC, -489 is 490 BC. A year's first second is the whole
    number; the fraction is the part of that year's seconds gone by.

    >>> import numpy as np
    >>> t = np.array(["2022-07-02T12:00", "-0489-01-01", "1066-01-01"], dtype="datetime64[s]")
    >>> fractional_years(t).tolist()
    [2022.5, -489.0, 1066.0]
    """
    import numpy as np

    v = np.asarray(values, dtype="datetime64[s]")
    year = v.astype("datetime64[Y]")
    first = year.astype("datetime64[s]")
    length = (year + np.timedelta64(1, "Y")).astype("datetime64[s]") - first
    fraction = (v - first).astype(np.int64) / length.astype(np.int64)
    result: np.ndarray = year.astype(np.int64) + 1970 + fraction
    return result


def datetime_at_year(x: float) -> np.datetime64:
    """The datetime64[s] at fractional year ``x`` (the inverse of :func:`fractional_years`).

    >>> str(datetime_at_year(2022.5))
    '2022-07-02T12:00:00'
    """
    import numpy as np

    year = math.floor(x)
    first = np.datetime64(year - 1970, "Y").astype("datetime64[s]")
    length = int((np.datetime64(year - 1969, "Y").astype("datetime64[s]") - first).astype(np.int64))
    return first + np.timedelta64(round((x - year) * length), "s")


def year_text(year: int) -> str:
    """An astronomical year as a reader writes it: ``490 BC``, ``AD 1``, ``AD 500``, ``1066``."""
    if year <= 0:
        return f"{1 - year} BC"
    return f"AD {year}" if year < 1000 else str(year)


def date_text(t: np.datetime64, unit: str = "day") -> str:
    """A datetime at the precision of ``unit``: ISO for AD years, ``5 Mar 490 BC`` for BC."""
    year, month, day, hour, minute, _ = date_parts(t)
    if unit == "year":
        return year_text(year)
    clock = f" {hour:02d}:{minute:02d}" if unit in ("hour", "minute") else ""
    if year <= 0:
        date = f"{_MONTHS[month - 1]} {1 - year} BC"
        return date if unit == "month" else f"{day} {date}{clock}"
    if unit == "month":
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}{clock}"


def date_parts(t: np.datetime64) -> tuple[int, int, int, int, int, int]:
    """Year (astronomical), month, day, hour, minute and second of ``t``."""
    import numpy as np

    year = int(t.astype("datetime64[Y]").astype(np.int64)) + 1970
    month = int(t.astype("datetime64[M]").astype(np.int64)) % 12 + 1
    day = int((t.astype("datetime64[D]") - t.astype("datetime64[M]")).astype(np.int64)) + 1
    seconds = int((t - t.astype("datetime64[D]")).astype(np.int64))
    return year, month, day, seconds // 3600, seconds // 60 % 60, seconds % 60
