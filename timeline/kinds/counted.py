"""A day counted from another day the text names: "a week from tomorrow", "two weeks from
Monday", "a year from today" (composed by :mod:`timeline.detect`).

The day is that many days, weeks, months or years after the named day, placed as it is (against
the publication date or the text's own dates). TimeML marks the amount and the day as two
TIMEX3 ("a week" a DURATION, "tomorrow" a DATE): they are the parts of the timex, which the
TimeML layer gives. A day counted back or on from a date ("two days before Christmas") is an
offset, placed from that date (:mod:`timeline.kinds.offsets`).
"""

from __future__ import annotations

import attrs

from timeline.calendar import Period, add_months, days_in_month, ymd
from timeline.grammar import fold
from timeline.kinds.base import Kind, State, placed, unresolved
from timeline.kinds.values import count_value
from timeline.records import Mention, Timex

__all__ = ["KINDS", "counted_day"]

#: Units a day can be counted in, as days or as months.
_DAYS = {"D": 1, "W": 7, "F": 14}
_MONTHS = {"M": 1, "Y": 12}


def counted_day(day: Period, n: int, unit: str) -> Period | None:
    """The day ``n`` units (ISO designators: D, W, F, M, Y) from ``day``; None for other units.
    A month or year counted to a shorter month ends on its last day.

    >>> counted_day(Period.day(2022, 1, 11), 1, "W").value
    '2022-01-18'
    >>> counted_day(Period.day(2024, 2, 29), 1, "Y").value
    '2025-02-28'
    """
    import numpy as np

    if unit in _DAYS:
        return Period.from_day(day.start + np.timedelta64(n * _DAYS[unit], "D"))
    if unit in _MONTHS:
        y, mo, d = ymd(day.start)
        y, mo = add_months(y, mo, n * _MONTHS[unit])
        return Period.day(y, mo, min(d, days_in_month(y, mo)))
    return None


def counted(m: Mention, state: State) -> Timex | None:
    """Reads "a week from tomorrow", "two weeks from Monday"; gives 2022-01-18, 2022-01-24."""
    amount_m, day_m = m.parts
    amount, day = state.resolve(amount_m), state.resolve(day_m)
    if amount is None or day is None:
        return None
    n = count_value(state, m.groups["n"])
    unit = str(state.g.lookup("unit", m.groups["unit"]))
    sign = -1 if fold(m.groups["dir"]) == "before" else 1  # "from": on from the day
    target = None
    from_a_day = day.placed and day.granularity == "day"  # not from a month or a year
    if n is not None and float(n).is_integer() and day.start is not None and from_a_day:
        target = counted_day(Period.from_day(day.start), sign * int(n), unit)
    whole = unresolved("XXXX-XX-XX") if target is None else placed(target, anchor=day.anchor)
    return attrs.evolve(whole, parts=(amount, day))


KINDS = (Kind("counted", counted),)
