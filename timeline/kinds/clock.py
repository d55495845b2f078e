"""Clock times: "3 p.m.", "10:30 a.m.", "15:30", "noon", "4 in the morning", "3 p.m. EST"; a
clock time in a part of the day: "at 8 tonight", "3:20 this afternoon", "this afternoon at 3:20"
(15:20); and a clock time with its day, composed by detection: "9 a.m. Tuesday", "5 p.m. EST
Nov. 9", "8 p.m. tonight".

A time without its day is on the day its sentence names (even after it: "at 10:35 a.m.
(0735 GMT) Friday"), else on the base date. A time in UTC or GMT carries ISO 8601's Z.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from timeline.calendar import Period, instant, ymd
from timeline.grammar import fold
from timeline.kinds.base import Kind, State, placed, unresolved
from timeline.records import Mention, Timex

if TYPE_CHECKING:
    import numpy as np

__all__ = ["KINDS", "minute_at"]


def _clock(g: Mapping[str, str]) -> tuple[int, int]:
    """Hour and minute of a clock time's groups: 3 p.m. → (15, 0)."""
    if "noon" in g:
        return (12, 0) if fold(g["noon"]) in ("noon", "midday") else (0, 0)
    if "hh24" in g:
        return int(g["hh24"]), int(g["mi24"])
    if "hb" in g:  # "at 8 tonight", "this afternoon at 3:20": in the part of the day
        return _in_part(int(g["hb"]), _part(g["part"])[1]), int(g.get("mb", 0))
    if "hh2" in g:  # "4 in the morning", "9 in the evening", "11 at night"
        hour, minute = int(g["hh2"]), int(g.get("mi2", 0))
        return _in_part(hour, _PART_CODES[fold(g.get("half_day", "night"))]), minute
    hour, minute = int(g["hh"]) % 12, int(g.get("mi", 0))
    return (hour + 12 if g["ampm"].lower().startswith("p") else hour), minute


#: The day (from the base date) and the part of it a part-of-day phrase names.
_PART_DAYS = {"this": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1, "last": -1}
_PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}


def _part(text: str) -> tuple[int, str]:
    """Day offset and part-of-day code: "tonight" → (0, "NI"), "tomorrow morning" → (1, "MO")."""
    words = fold(text).split()
    return _PART_DAYS[words[0]], _PART_CODES[words[-1]]


def _in_part(hour: int, code: str) -> int:
    """A 12-hour clock's hour read in a part of the day: 3 in the afternoon is 15, 8 tonight
    20, 12 in the morning midnight; "2 at night" stays 2."""
    if code == "MO":
        return hour % 12
    if code == "NI" and hour < 6:
        return hour
    return hour % 12 + 12 if hour != 12 or code == "NI" else 12


def minute_at(when: np.datetime64) -> Period:
    """The minute of the clock an instant falls in.

    >>> import numpy as np
    >>> minute_at(np.datetime64("2022-01-10T07:30:15")).value
    '2022-01-10T07:30'
    """
    import numpy as np

    y, mo, d = ymd(when)
    minutes = int((when - instant(y, mo, d)) // np.timedelta64(1, "m"))
    return Period.minute(y, mo, d, *divmod(minutes, 60))


def _utc(period: Period, groups: Mapping[str, str]) -> Period:
    """A time given in UTC (or GMT) carries the Z of ISO 8601: 2009-06-01T16:00Z."""
    if groups.get("tz", "").upper() in ("UTC", "GMT"):
        return attrs.evolve(period, value=period.value + "Z")
    return period


def time(m: Mention, state: State) -> Timex | None:
    """Reads "3 p.m.", "16:00 UTC", "8 tonight"; gives 2022-01-10T15:00, 2022-01-10T16:00Z,
    2022-01-10T20:00."""
    import numpy as np

    hour, minute = _clock(m.groups)
    base, anchor = state.base()
    if "part" in m.groups:  # "at 7 tomorrow morning": the day its part of the day names
        if base is not None and base.grain in ("day", "hour", "minute"):
            base = Period.from_day(base.start + np.timedelta64(_part(m.groups["part"])[0], "D"))
    elif state.day is not None and state.day[0] == state.sentences.index(m.start):
        base, anchor = state.day[1], "text"  # "the test flight Tuesday ... at 18:00 UTC"
    if base is None or base.grain not in ("day", "hour", "minute"):
        return unresolved(f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "TIME")
    y, mo, d = base.ymd()
    period = _utc(Period.minute(y, mo, d, hour, minute), m.groups)
    return placed(period, anchor=anchor, type_="TIME")


def datetime(m: Mention, state: State) -> Timex | None:
    """Reads "5 p.m. EST Jan. 19", "noon Thursday", "Sun 1:00pm"; gives 2022-01-19T17:00,
    2022-01-06T12:00, 2022-01-09T13:00."""
    time_m, day_m = m.parts if m.parts[0].kind == "time" else m.parts[::-1]  # "Sat, 7pm"
    hour, minute = _clock(time_m.groups)
    day = state.resolve(day_m)
    if day is None or not day.placed or day.granularity not in ("day", "hour") or not day.start:
        return unresolved(f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "TIME")
    y, mo, d = ymd(day.start)
    period = _utc(Period.minute(y, mo, d, hour, minute), time_m.groups)
    return placed(period, anchor=day.anchor, type_="TIME")


KINDS = (
    Kind("time", time),
    Kind("datetime", datetime),
)
