"""Clock times: "3 p.m.", "10:30 a.m.", "15:30", "noon", "4 in the morning", "3 p.m. EST"; and a
clock time with its day, composed by detection: "9 a.m. Tuesday", "5 p.m. EST Nov. 9".

A time without its day is on the day its sentence names (even after it: "at 10:35 a.m.
(0735 GMT) Friday"), else on the base date. A time in UTC or GMT carries ISO 8601's Z.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from timeline.calendar import Period, ymd
from timeline.grammar import fold
from timeline.kinds.base import Kind, State, placed, unresolved
from timeline.records import Mention, Timex

__all__ = ["KINDS"]


def _clock(g: Mapping[str, str]) -> tuple[int, int]:
    """Hour and minute of a clock time's groups: 3 p.m. → (15, 0)."""
    if "noon" in g:
        return (12, 0) if fold(g["noon"]) in ("noon", "midday") else (0, 0)
    if "hh24" in g:
        return int(g["hh24"]), int(g["mi24"])
    if "hh2" in g:  # "4 in the morning", "9 in the evening"
        hour, minute = int(g["hh2"]) % 12, int(g.get("mi2", 0))
        return (hour if fold(g["half_day"]) == "morning" else hour + 12), minute
    hour, minute = int(g["hh"]) % 12, int(g.get("mi", 0))
    return (hour + 12 if g["ampm"].lower().startswith("p") else hour), minute


def _utc(period: Period, groups: Mapping[str, str]) -> Period:
    """A time given in UTC (or GMT) carries the Z of ISO 8601: 2009-06-01T16:00Z."""
    if groups.get("tz", "").upper() in ("UTC", "GMT"):
        return attrs.evolve(period, value=period.value + "Z")
    return period


def time(m: Mention, state: State) -> Timex | None:
    """Reads "3 p.m.", "16:00 UTC"; gives 2022-01-10T15:00, 2022-01-10T16:00Z."""
    hour, minute = _clock(m.groups)
    base, anchor = state.base()
    if state.day is not None and state.day[0] == state.sentences.index(m.start):
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
    if day is None or not day.placed or day.granularity != "day" or day.start is None:
        return unresolved(f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "TIME")
    y, mo, d = ymd(day.start)
    period = _utc(Period.minute(y, mo, d, hour, minute), time_m.groups)
    return placed(period, anchor=day.anchor, type_="TIME")


KINDS = (
    Kind("time", time),
    Kind("datetime", datetime),
)
