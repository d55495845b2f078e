"""Dates counted from another: "two days ago", "three years later", "a year before", "the
year-ago quarter", "year-earlier"; spans that end or start at the base: "the past three years",
"the next five years", "the coming weeks"; and anaphora: "the same day", "that day", "the
following year", "the previous month".

Counted dates ("later", "earlier", "before", "after") count from the text's own last date
where it has one ("1812 ... two weeks afterwards"); anaphora always do.
"""

from __future__ import annotations

import attrs

from timeline.calendar import GRAINS, Period, add_months, ymd
from timeline.grammar import fold
from timeline.kinds.base import Candidate, Kind, State, placed, timex, unresolved
from timeline.kinds.relative import UNPLACED
from timeline.kinds.values import (
    AMOUNT_MODS,
    ORDINAL_QUARTER,
    UNIT_GRAIN,
    count_value,
    duration_value,
    mod_of,
    quarter_of,
    reported_quarter,
    unit_period,
)
from timeline.records import Mention, Timex

__all__ = ["KINDS"]


def offset(m: Mention, state: State) -> Timex | None:
    """Reads "two days ago", "almost four years ago"; gives 2022-01-08, 2018 (LESS_THAN).

    "ten days before" (the murder) is, as TimeML has it, a DURATION (P10D) placed on 2021-12-31.
    """
    result = _offset_date(m, state)
    if result is not None and "amod" in m.groups:  # "almost four years ago"
        result = attrs.evolve(result, mod=AMOUNT_MODS.get(fold(m.groups["amod"]), ""))
    if result is None or "tail" not in m.groups:
        return result
    # "ten days before the murder": TimeML types the expression (without "before") a DURATION;
    # it still points at a date, which places it on the timeline.
    n = count_value(state, m.groups.get("n"))
    unit = str(state.g.lookup("unit", m.groups["unit"]))
    return attrs.evolve(result, type="DURATION", value=duration_value(n, unit))


_FORWARD = frozenset({"later", "after", "afterwards", "afterward", "from now", "hence"})
# counted from the text's own last date where it has one: "1812 ... two weeks afterwards"
_FROM_TEXT = frozenset({"earlier", "later", "before", "after", "afterwards", "afterward"})
_YEARS_IN = {"ML": 1000, "CE": 100, "DE": 10}


def _offset_date(m: Mention, state: State) -> Timex | None:
    """The date a counted offset points at, from the base or the text's last date."""
    g = m.groups
    unit = str(state.g.lookup("unit", g["unit"]))
    n = count_value(state, g.get("n"))
    direction = fold(g.get("dir") or g["tail"])
    sign = 1 if direction in _FORWARD else -1
    base, anchor = state.base()
    if direction in _FROM_TEXT and state.anchor is not None:
        base, anchor = state.anchor, "text"
    if n is None or base is None or unit.startswith("T") or not float(n).is_integer():
        return unresolved("PAST_REF" if sign < 0 else "FUTURE_REF")
    k = int(n) * sign
    if unit == "Y" and k == -1 and (state.quarter is not None or "per" in g):
        # In a quarterly report "a year earlier", "the year-ago quarter" are the reported
        # quarter of the year before.
        reported = state.quarter or reported_quarter(base)
        year = reported.ymd()[0] - 1
        quarter = ORDINAL_QUARTER[fold(g["qo"])] if "qo" in g else quarter_of(reported)
        return placed(Period.quarter(year, quarter), anchor=anchor)
    if unit == "F":
        unit, k = "W", 2 * k
    if unit in _YEARS_IN:
        return placed(unit_period(base, "Y", k * _YEARS_IN[unit]), anchor=anchor)
    if unit == "D" and base.grain not in ("day", "hour", "minute"):
        return unresolved("XXXX-XX-XX")
    unit_grain = "week" if unit == "WE" else UNIT_GRAIN.get(unit, base.grain)
    if GRAINS.index(base.grain) < GRAINS.index(unit_grain):  # GRAINS: coarsest first
        return placed(base, anchor=anchor)  # "1812 ... a week later": still 1812, as far as known
    return placed(unit_period(base, unit, k), anchor=anchor)


def accept_past_span(c: Candidate) -> Candidate | None:
    """ "the following year" without a count is a date (anaphoric), not a span; "the past
    year", "the last year" and "the coming weeks" are spans."""
    groups = c.groups
    if (
        "n" not in groups
        and "dx" in groups
        and fold(groups["dx"]) not in ("the past", "the last")
        and not groups.get("unit", "").lower().endswith("s")  # "the coming weeks" is a span
    ):
        return None
    return c


_MONTHS_IN = {"D": 0, "W": 0, "WE": 0, "M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200, "ML": 12000}
_DAYS_IN = {"D": 1, "W": 7, "WE": 7, "F": 14}


def past_span(m: Mention, state: State) -> Timex | None:
    """Reads "the past three years", "recent years"; gives P3Y (2019-01-10 to 2022-01-10), PXY."""
    import numpy as np

    g = m.groups
    unit_word = g.get("unit") or g.get("unit2") or g.get("unit3") or ""
    unit = str(state.g.lookup("unit", unit_word))
    dx = fold(g.get("dx", g.get("recent", "the coming" if "unit3" in g else "")))
    vague = "recent" in g or "unit3" in g or (unit_word.endswith("s") and "n" not in g)
    n = None if vague else count_value(state, g.get("n"))  # "the coming weeks": how many?
    value = duration_value(n, unit)
    forward = any(w in dx for w in ("next", "coming", "following"))
    base, anchor = state.base()
    if (
        n is None
        or base is None
        or unit.startswith("T")
        or not float(n).is_integer()
        or "previous" in dx
        or "first" in dx
    ):
        return unresolved(value, "DURATION")
    months = _MONTHS_IN.get(unit, 0)
    days = _DAYS_IN.get(unit, 0)
    k = int(n)
    edge = base.start if not forward else base.end
    if months:
        y, mo, d = ymd(edge)
        y2, m2 = add_months(y, mo, -k * months if not forward else k * months)
        other = Period.day(y2, m2, min(d, 28)).start
    else:
        other = edge + np.timedelta64((-1 if not forward else 1) * k * days, "D")
    lo, hi = (other, edge) if not forward else (edge, other)
    grain = UNIT_GRAIN.get(unit, "day")
    return timex("DURATION", value, Period(value, lo, hi, grain), anchor=anchor)  # type: ignore[arg-type]


_ANAPHORIC_OFFSETS = {
    "the same": 0,
    "that same": 0,
    "that very": 0,
    "that": 0,
    "the next": 1,
    "the following": 1,
    "the previous": -1,
    "the preceding": -1,
    "the prior": -1,
}
_FINE_ENOUGH = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century")
#: The grains of a date a unit can be counted from: "the following week" needs a day or week.
_COUNTED_FROM = {
    "D": _FINE_ENOUGH[:1],
    "W": _FINE_ENOUGH[:2],
    "WE": _FINE_ENOUGH[:2],
    "M": _FINE_ENOUGH[:3],
    "Y": _FINE_ENOUGH[:7],
    "DE": _FINE_ENOUGH[:8],
    "CE": _FINE_ENOUGH,
}


def anaphoric(m: Mention, state: State) -> Timex | None:
    """Reads "the following year" after 2016, "the same day" after 3 May, "the end of that year";
    gives 2017, that May 3, 2016 (END)."""
    g = m.groups
    if "after" in g:  # "the day before", "the year after"
        shift = -1 if fold(g["after"]) == "before" else 1
    else:
        shift = _ANAPHORIC_OFFSETS[" ".join(fold(g["dx"]).split())]
    word = fold(g["unit"])
    anchor_period = state.anchor
    if word in state.g.words["part_of_day"]:
        code = str(state.g.lookup("part_of_day", word))
        if anchor_period is None or anchor_period.grain != "day" or shift:
            return unresolved(f"XXXX-XX-XXT{code}", "TIME")
        y, mo, d = anchor_period.ymd()
        return placed(Period.part_of_day(y, mo, d, code), anchor="text", type_="TIME")
    unit = str(state.g.lookup("anchored_unit", word))
    if anchor_period is None or anchor_period.grain not in _COUNTED_FROM.get(unit, ()):
        return unresolved(UNPLACED.get(unit, "XXXX"))
    return placed(unit_period(anchor_period, unit, shift), mod=mod_of(m, state), anchor="text")


KINDS = (
    Kind("offset", offset),
    Kind("past_span", past_span, accept_past_span),
    Kind("anaphoric", anaphoric),
)
