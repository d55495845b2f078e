"""Labels of a merged timeline: the resolved date at its grain, then the event.

A label reads ``9 Jan 2007 · Apple introduces the iPhone``: the date is written from the
row's interval at its ``granularity`` (never the expression as written, so never "today"
alone), the event is the row's phrase (the expression when it has none). An interval of more
than one unit of its grain is a range (``2011–2013``, ``Jan–Mar 2007``, ``9–11 Jan 2007``);
years before AD 1 are BC (``490 BC``, the astronomical year ``-489``).

>>> import numpy as np
>>> day = np.datetime64("2007-01-09", "s")
>>> date_label(day, day + np.timedelta64(86_400, "s"), "day")
'9 Jan 2007'
>>> date_label(np.datetime64("2011-01-01", "s"), np.datetime64("2014-01-01", "s"), "year")
'2011–2013'
>>> date_label(np.datetime64("-0489-01-01", "s"), np.datetime64("-0488-01-01", "s"), "year")
'490 BC'
>>> [date_label(np.datetime64(s, "s"), np.datetime64(e, "s"), g) for s, e, g in [
...     ("2008-07-01", "2008-10-01", "quarter"), ("1980-01-01", "1990-01-01", "decade"),
...     ("2010-06-01", "2010-09-01", "season"), ("1801-01-01", "1901-01-01", "century"),
...     ("2010-06-07", "2010-06-14", "week"), ("2009-06-01T12:00", "2009-06-01T12:01", None),
...     ("2010-07-16T06:00", "2010-07-16T12:00", "hour"), ("2001-01-01", "2011-01-01", "decade")]]
... # doctest: +NORMALIZE_WHITESPACE
['Q3 2008', '1980s', 'summer 2010', '19th century', 'week of 7 Jun 2010', '1 Jun 2009 12:00',
 '16 Jul 2010 06:00–12:00', '2001–2010']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["date_label", "event_label"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SEASONS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}
#: How many units of its calendar field make one unit of a grain.
_SIZES = {
    "week": 7,
    "season": 3,
    "quarter": 3,
    "half": 6,
    "decade": 10,
    "century": 100,
    "millennium": 1000,
}
_GRAINS = frozenset({"second", "minute", "hour", "day", "month", "year", *_SIZES})
_DAY = 86_400


def _civil(days: int) -> tuple[int, int, int]:
    """Year (astronomical), month and day of a count of days from 1970-01-01 (proleptic
    Gregorian calendar, in integers: any year)."""
    z = days + 719_468
    era = z // 146_097
    doe = z - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, doy - (153 * mp + 2) // 5 + 1


def _fields(t: int) -> tuple[int, int, int, int, int]:
    """Year (astronomical), month, day, hour and minute of a time in seconds from 1970."""
    days, seconds = divmod(t, _DAY)
    return (*_civil(days), seconds // 3600, seconds % 3600 // 60)


def _year(year: int) -> str:
    return str(year) if year > 0 else f"{1 - year} BC"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _one(t: int, grain: str) -> str:
    """The label of the unit of ``grain`` that ``t`` starts."""
    year, month, day, hour, minute = _fields(t)
    if grain in ("second", "minute", "hour"):
        return f"{day} {_MONTHS[month - 1]} {_year(year)} {hour:02d}:{minute:02d}"
    if grain == "day":
        return f"{day} {_MONTHS[month - 1]} {_year(year)}"
    if grain == "week":
        return f"week of {day} {_MONTHS[month - 1]} {_year(year)}"
    if grain == "month":
        return f"{_MONTHS[month - 1]} {_year(year)}"
    if grain == "season" and month in _SEASONS:
        return f"{_SEASONS[month]} {_year(year)}"
    if grain == "quarter":
        return f"Q{(month - 1) // 3 + 1} {_year(year)}"
    if grain == "half":
        return f"H{(month - 1) // 6 + 1} {_year(year)}"
    if grain == "decade" and year > 0:
        return f"{year // 10 * 10}s"
    if grain in ("century", "millennium") and year > 0:
        return f"{_ordinal((year - 1) // _SIZES[grain] + 1)} {grain}"
    return _year(year)


def _grain_of(start: int, end: int) -> str:
    """The coarsest of year, month, day and minute whose units ``start`` and ``end`` fall on."""
    fields = [_fields(t) for t in (start, end)]
    if all(f[1:] == (1, 1, 0, 0) for f in fields) and start % 60 == end % 60 == 0:
        return "year"
    if all(f[2:] == (1, 0, 0) for f in fields) and start % 60 == end % 60 == 0:
        return "month"
    if start % _DAY == end % _DAY == 0:
        return "day"
    return "minute" if start % 60 == end % 60 == 0 else "second"


def _unit(t: int, grain: str) -> int:
    """The number of the unit of ``grain`` that holds ``t`` (weeks from Monday, centuries
    from their year 1, winter from December)."""
    if grain in ("second", "minute", "hour"):
        return t // {"hour": 3600, "minute": 60, "second": 1}[grain]
    if grain in ("day", "week"):
        return (t // _DAY + 3) // 7 if grain == "week" else t // _DAY  # 1970-01-01: Thursday
    year, month = _fields(t)[:2]
    if grain == "year":
        return year
    if grain == "decade":
        return year // 10
    if grain in ("century", "millennium"):
        return (year - 1) // _SIZES[grain]
    if grain == "season":
        return (year * 12 + month) // 3
    return (year * 12 + month - 1) // _SIZES.get(grain, 1)  # month, quarter, half


def _boundary(t: int, grain: str) -> bool:
    """Whether ``t`` is where a unit of ``grain`` begins."""
    return _unit(t, grain) != _unit(t - 1, grain)


def date_label(start: np.datetime64, end: np.datetime64, granularity: str | None) -> str:
    """The date of ``[start, end)`` at ``granularity``: one unit, or a range from the first
    unit to the last. The grain is inferred from the interval when ``granularity`` is None or
    unknown, or when the interval does not begin and end where its units do ("the past
    decade", 2001 to 2011, is ``2001–2010``, not the 2000s and the 2010s)."""
    import numpy as np

    lo, hi = (int(t.astype("datetime64[s]").astype(np.int64)) for t in (start, end))
    grain = granularity or ""
    if grain not in _GRAINS or not (_boundary(lo, grain) and _boundary(hi, grain)):
        grain = _grain_of(lo, hi)
    last = max(lo, hi - 1)
    first = _one(lo, grain)
    if _unit(lo, grain) == _unit(last, grain):
        return first
    if grain in ("hour", "minute", "second") and _fields(lo)[:3] == _fields(last)[:3]:
        hour, minute = _fields(hi)[3:]  # within one day: "06:00–12:00", to midnight "24:00"
        return f"{first}–{hour or (24 if not minute else 0):02d}:{minute:02d}"
    return _range(first, _one(last, grain), grain)


def _range(first: str, last: str, grain: str) -> str:
    """A range of days or months without what its ends share: ``9–11 Jan 2007``, ``30 Jan–2
    Feb 2007``, ``Jan–Mar 2007``; other ranges whole (``2011–2013``, ``Q3 2008–Q1 2009``)."""
    if grain not in ("day", "month"):
        return f"{first}–{last}"
    a, b = first.split(" "), last.split(" ")
    shared = 0  # words the two ends share at their end: the year, then the month
    while shared < len(a) - 1 and a[-1 - shared :] == b[-1 - shared :]:
        shared += 1
    if not shared:
        return f"{first}–{last}"
    return f"{' '.join(a[:-shared])}–{last}"


def event_label(date: str, event: str) -> str:
    """``date · event``; the date alone when there is no event."""
    return f"{date} · {event}" if event else date
