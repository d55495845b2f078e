"""When an event happened, as a reader writes it, at the grain its interval has.

The grain is read from the interval ``[start, end)`` itself, so it holds for any frame (a
merged one, one read back from CSV, one without a ``granularity`` column): whole years, whole
months, whole days, or a time of day. A relative expression ("today", "last month") thus shows
the date it stands for. BC years are written as such (``490 BC``), AD years before 1000 with
``AD``.

>>> import numpy as np
>>> def when(a, b):
...     return when_text(np.datetime64(a, "s"), np.datetime64(b, "s"))
>>> when("2007-01-10", "2007-01-11"), when("2007-01", "2007-02"), when("2007", "2008")
('10 Jan 2007', 'Jan 2007', '2007')
>>> when("2011", "2014"), when("1980", "1990"), when("1900", "2000"), when("2014-07", "2014-10")
('2011–2013', '1980s', '1900s', 'Q3 2014')
>>> when("2009-01", "2009-05"), when("2020-12", "2021-03"), when("2010-05-31", "2010-06-07")
('Jan–Apr 2009', 'Dec 2020 – Feb 2021', '31 May – 6 Jun 2010')
>>> when("2010-07-16T06:00", "2010-07-16T12:00"), when("2010-07-16T18:00", "2010-07-17")
('16 Jul 2010, 06:00–12:00', '16 Jul 2010, 18:00–24:00')
>>> when("-0489", "-0488"), when("-0499", "-0479"), when("0450", "0480"), when("-0099", "0101")
('490 BC', '500–481 BC', 'AD 450–479', '100 BC – AD 100')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from timeline.plot.years import year_text

if TYPE_CHECKING:
    import numpy as np

__all__ = ["when_text", "when_texts"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def when_texts(starts: np.ndarray, ends: np.ndarray) -> list[str]:
    """:func:`when_text` of each interval (``datetime64``, no NaT)."""
    return [when_text(s, e) for s, e in zip(starts, ends, strict=True)]


def when_text(start: Any, end: Any) -> str:
    """The interval ``[start, end)`` at its grain (see the module docstring): two
    ``datetime64`` (or pandas Timestamps), not NaT."""
    import numpy as np

    s, e = _seconds(start), _seconds(end)
    last = e - np.timedelta64(1, "s")  # the interval's last second
    for unit, written in (("Y", _years), ("M", _months), ("D", _days)):
        if _starts_a(s, unit) and _starts_a(e, unit):
            return written(s, last)
    return _clock(s, e)


def _seconds(t: Any) -> np.datetime64:
    """``t`` (a datetime64 or a pandas Timestamp) as datetime64[s]."""
    import numpy as np

    return np.datetime64(np.asarray(t).astype("datetime64[s]").item(), "s")


def _starts_a(t: np.datetime64, unit: str) -> bool:
    """Whether ``t`` is the first second of a year (``Y``), month (``M``) or day (``D``)."""
    return bool(t.astype(f"datetime64[{unit}]").astype("datetime64[s]") == t)


def _year(t: np.datetime64) -> int:
    import numpy as np

    return int(t.astype("datetime64[Y]").astype(np.int64)) + 1970


def _month(t: np.datetime64) -> int:
    import numpy as np

    return int(t.astype("datetime64[M]").astype(np.int64)) % 12 + 1


def _day(t: np.datetime64) -> int:
    import numpy as np

    return int((t.astype("datetime64[D]") - t.astype("datetime64[M]")).astype(np.int64)) + 1


def _years(start: np.datetime64, last: np.datetime64) -> str:
    """Whole years from ``start``'s to ``last``'s: a year, a decade, a century, a range."""
    return _year_range(_year(start), _year(last))


def _year_range(first: int, last: int) -> str:
    """Years ``first`` to ``last`` (astronomical), as a reader writes them."""
    if first == last:
        return year_text(first)
    if first > 0 and last - first == 9 and first % 10 == 0:
        return f"{first}s"
    if first > 0 and last - first == 99 and first % 100 == 0:
        return f"{first}s"
    if last <= 0:
        return f"{1 - first}–{1 - last} BC"
    if first >= 1000 or (first > 0 and last < 1000):
        return f"{year_text(first)}–{year_text(last).removeprefix('AD ')}"
    return f"{year_text(first)} – {year_text(last)}"


def _months(first: np.datetime64, last: np.datetime64) -> str:
    """Whole months from ``first``'s to ``last``'s: a month, a quarter, a range."""
    y0, m0, y1, m1 = _year(first), _month(first), _year(last), _month(last)
    if (y0, m0) == (y1, m1):
        return f"{_MONTHS[m0 - 1]} {year_text(y0)}"
    if y0 == y1 and m1 - m0 == 2 and m0 % 3 == 1:
        return f"Q{m1 // 3} {year_text(y0)}"
    if y0 == y1:
        return f"{_MONTHS[m0 - 1]}–{_MONTHS[m1 - 1]} {year_text(y0)}"
    return f"{_MONTHS[m0 - 1]} {year_text(y0)} – {_MONTHS[m1 - 1]} {year_text(y1)}"


def _day_text(t: np.datetime64) -> str:
    return f"{_day(t)} {_MONTHS[_month(t) - 1]} {year_text(_year(t))}"


def _days(first: np.datetime64, last: np.datetime64) -> str:
    """Whole days from ``first``'s to ``last``'s: a day or a range."""
    if first.astype("datetime64[D]") == last.astype("datetime64[D]"):
        return _day_text(first)
    if _year(first) != _year(last):
        return f"{_day_text(first)} – {_day_text(last)}"
    if _month(first) == _month(last):
        return f"{_day(first)}–{_day_text(last)}"
    return f"{_day(first)} {_MONTHS[_month(first) - 1]} – {_day_text(last)}"


def _clock(start: np.datetime64, end: np.datetime64) -> str:
    """A stretch with a time of day: ``16 Jul 2010, 06:00–12:00`` (a day ends at 24:00)."""
    import numpy as np

    last = end - np.timedelta64(1, "s")
    first_day, last_day = start.astype("datetime64[D]"), last.astype("datetime64[D]")
    if first_day == last_day:
        return f"{_day_text(start)}, {_hhmm(start, first_day)}–{_hhmm(end, last_day)}"
    return (
        f"{_day_text(start)} {_hhmm(start, first_day)} – {_day_text(last)} {_hhmm(end, last_day)}"
    )


def _hhmm(t: np.datetime64, day: np.datetime64) -> str:
    """The time of ``t`` on ``day`` (``24:00`` for the start of the next day)."""
    import numpy as np

    seconds = int((t - day.astype("datetime64[s]")).astype(np.int64))
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}"
