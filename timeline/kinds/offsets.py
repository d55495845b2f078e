"""Dates counted from another: "two days ago", "three years later", "a year before", "the
year-ago quarter", "year-earlier", "two hours ago", "in 15 minutes"; spans that end or start at
the base: "the past three years", "the next five years", "the coming weeks", "the past 24
hours"; and anaphora: "the same day", "that day", "the following year", "the previous month".

Counted dates ("later", "earlier", "a year before.") count from the text's own last date
where it has one ("1812 ... two weeks afterwards"); anaphora always do. "N units before/after
<an event>" counts from the date that event has in the text, or stays unplaced. Hours and
minutes count from a clock time: the text's last one, or the publication's time of day.
"""

from __future__ import annotations

import re

import attrs

from timeline.calendar import GRAINS, Period, add_months, ymd
from timeline.grammar import fold
from timeline.kinds.base import Candidate, Kind, State, placed, timex, unresolved
from timeline.kinds.clock import minute_at
from timeline.kinds.durations import duration
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

    "a year after the 2007 launch" is, as TimeML has it, a DURATION (P1Y) counted from the
    event the text names: placed where that event has a date of its own (2008), else left
    unplaced with the anchor ``"event"`` ("ten days before the murder": never counted from
    the publication). "two days after" that ends its clause counts from the text's last date.
    """
    g = m.groups
    event, origin = _event_origin(m, state) if "tail" in g else (False, None)
    if event and origin is None:  # "three months after raising it": the event has no date
        result: Timex | None = timex("DATE", "XXXX", anchor="event")
    else:
        result = _offset_date(m, state, origin)
    if result is not None and "amod" in g:  # "almost four years ago"
        result = attrs.evolve(result, mod=AMOUNT_MODS.get(fold(g["amod"]), ""))
    if result is None or "tail" not in g:
        return result
    # "ten days before the murder": TimeML types the expression (without "before") a DURATION;
    # it still points at a date, which places it on the timeline when the event has one.
    n = count_value(state, g.get("n"))
    unit = str(state.g.lookup("unit", g["unit"]))
    return attrs.evolve(result, type="DURATION", value=duration_value(n, unit))


#: What follows "before" or "after" when no event does: the clause ends ("a year before.").
_CLAUSE_ENDS = re.compile(
    r"[ \t]*(?:$|[,;:.!?)\]\"”’'—–-]|(?:and|but|or|then|when|while|as|so|because)\b)",
    re.IGNORECASE,
)
_TAIL = re.compile(r"[ \t\n]*(?:before|after)\b", re.IGNORECASE)
#: The words between "after" and the date of the event they name: one clause, a few words.
_EVENT_GAP = re.compile(r"[^,;:.!?()\[\]\"“”\n]{0,80}")
_EVENT_WORDS = 10


def _event_origin(m: Mention, state: State) -> tuple[bool, tuple[Period, str] | None]:
    """Whether an event follows the "before" or "after" of an offset, and the date it has in
    the text, with its anchor ("a year after *the 2007* launch"); none if it has no date of its
    own ("three months after raising it"). No event follows where the clause ends ("two days
    after."): that offset counts as "two days later" does."""
    text = state.text
    tail = _TAIL.match(text, m.end)
    if tail is None or _CLAUSE_ENDS.match(text, tail.end()):
        return False, None
    nxt = state.following
    if (
        nxt is None
        or state.sentences.index(nxt.start) != state.sentences.index(m.start)
        or not _EVENT_GAP.fullmatch(text, tail.end(), nxt.start)
        or len(text[tail.end() : nxt.start].split()) > _EVENT_WORDS
    ):
        return True, None
    event = state.resolve(nxt)
    if event is None or not event.placed or event.start is None or event.end is None:
        return True, None
    grain = event.granularity if event.granularity in GRAINS else "day"
    return True, (Period(event.value, event.start, event.end, grain), event.anchor)  # type: ignore[arg-type]


_FORWARD = frozenset({"later", "after", "afterwards", "afterward", "from now", "hence"})
# counted from the text's own last date where it has one: "1812 ... two weeks afterwards"
_FROM_TEXT = frozenset({"earlier", "later", "before", "after", "afterwards", "afterward"})
_YEARS_IN = {"ML": 1000, "CE": 100, "DE": 10}


def _offset_date(
    m: Mention, state: State, origin: tuple[Period, str] | None = None
) -> Timex | None:
    """The date a counted offset points at, from ``origin`` (an event's date) if given, else
    from the base or the text's last date."""
    g = m.groups
    unit = str(state.g.lookup("unit", g["unit"]))
    n = count_value(state, g.get("n"))
    direction = fold(g.get("dir") or g["tail"])
    sign = 1 if direction in _FORWARD else -1
    base, anchor = state.base()
    if origin is None and direction in _FROM_TEXT and state.anchor is not None:
        origin = state.anchor, "text"
    if origin is not None:
        base, anchor = origin
    if n is not None and unit in _MINUTES_IN:  # "two hours ago", "an hour later"
        return _clock_offset(state, n * _MINUTES_IN[unit] * sign, origin=origin)
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


_MINUTES_IN = {"TH": 60, "TM": 1}
_DAY_MINUTES = 24 * 60


def _clock_offset(
    state: State, minutes: float, *, origin: tuple[Period, str] | None = None
) -> Timex:
    """The instant ``minutes`` from a clock time: ``origin`` (the text's last date for "an hour
    later", an event's time), else the publication's ("two hours ago").

    Counted from a day without a time of day, the count keeps the day's grain: that day while
    it stays within a day ("hours later", as far as known), whole days shifted for a count of
    whole days ("48 hours ago"); other counts stay unplaced.
    """
    import numpy as np

    future = minutes > 0
    start: Period | None
    if origin is not None:
        start, anchor = origin
    elif state.clock is not None:
        start, anchor = minute_at(state.clock), "published"
    else:
        start, anchor = state.base()
    if start is None or not float(minutes).is_integer():
        return unresolved("FUTURE_REF" if future else "PAST_REF")
    if start.grain == "minute":  # a clock time: "9 a.m. ... an hour later" is 10:00
        return placed(
            minute_at(start.start + np.timedelta64(int(minutes), "m")), anchor=anchor, type_="TIME"
        )
    if GRAINS.index(start.grain) < GRAINS.index("day"):  # "1812 ... hours later": 1812
        return placed(start, anchor=anchor)
    days, rest = divmod(abs(int(minutes)), _DAY_MINUTES)
    if rest and days:  # "36 hours ago" from a day: one day back or two?
        return unresolved("FUTURE_REF" if future else "PAST_REF")
    shift = days if future else -days
    return placed(Period.from_day(start.start + np.timedelta64(shift, "D")), anchor=anchor)


def ahead(m: Mention, state: State) -> Timex | None:
    """Reads "in 15 minutes" (published at 09:30); gives PT15M, placed at 09:45.

    The amount is a DURATION, as TimeML has it; it is placed that far ahead of the
    publication's time of day (its day, without one), unless the sentence is told in the past
    ("he finished in 15 minutes": an amount only).
    """
    result = duration(m, state)
    n = count_value(state, m.groups["n"])
    if result is None or n is None or state.tense(m) == "past":
        return result
    if "half" in m.groups:
        n += 0.5
    unit = str(state.g.lookup("unit", m.groups["unit"]))
    point = _clock_offset(state, n * _MINUTES_IN[unit])
    placement = {k: getattr(point, k) for k in ("start", "end", "granularity", "anchor")}
    return attrs.evolve(result, **placement) if point.placed else result


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
    if unit in _MINUTES_IN and n is not None and state.clock is not None and "first" not in dx:
        # "the past 24 hours": up to the publication's time of day
        now = minute_at(state.clock).start
        minutes = np.timedelta64(int(n * _MINUTES_IN[unit]), "m")
        lo, hi = (now - minutes, now) if not forward else (now, now + minutes)
        span = Period(value, lo, hi, "hour" if unit == "TH" else "minute")
        return timex("DURATION", value, span, anchor="published")
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
    """Reads "the following year" after 2016, "the same day" after 3 May, "the end of that year",
    "the next morning" after 14 April; gives 2017, that May 3, 2016 (END), 15 April TMO."""
    import numpy as np

    g = m.groups
    if "after" in g:  # "the day before", "the year after"
        shift = -1 if fold(g["after"]) == "before" else 1
    else:
        shift = _ANAPHORIC_OFFSETS[" ".join(fold(g["dx"]).split())]
    word = fold(g["unit"])
    anchor_period = state.anchor
    if word in state.g.words["part_of_day"]:
        code = str(state.g.lookup("part_of_day", word))
        if anchor_period is None or anchor_period.grain not in ("day", "hour", "minute"):
            return unresolved(f"XXXX-XX-XXT{code}", "TIME")
        y, mo, d = ymd(anchor_period.start + np.timedelta64(shift, "D"))  # "the next morning"
        period = Period.part_of_day(y, mo, d, code)
        return placed(period, mod=mod_of(m, state), anchor="text", type_="TIME")
    unit = str(state.g.lookup("anchored_unit", word))
    if anchor_period is None or anchor_period.grain not in _COUNTED_FROM.get(unit, ()):
        return unresolved(UNPLACED.get(unit, "XXXX"))
    return placed(unit_period(anchor_period, unit, shift), mod=mod_of(m, state), anchor="text")


KINDS = (
    Kind("offset", offset),
    Kind("ahead", ahead),
    Kind("past_span", past_span, accept_past_span),
    Kind("anaphoric", anaphoric),
)
