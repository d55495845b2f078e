"""Days named relative to the base date, and parts of days: "today", "yesterday morning", "the day
before yesterday", "Thursday", "last Friday", "Wednesday night", "this morning", "last night",
"in the morning", "mid-afternoon".

News tells of the days just gone: "Thursday" is the Thursday before the publication date
unless a future cue ("will", "scheduled") stands near.
"""

from __future__ import annotations

import re

from timeline.calendar import Period, ymd
from timeline.grammar import fold, grammar
from timeline.kinds.base import Candidate, Kind, State, placed, unresolved
from timeline.kinds.names import (
    clock_follows,
    date_follows,
    dated_by_word_before,
    in_list,
    weekday_number,
)
from timeline.kinds.narrative import told_back
from timeline.kinds.values import mod_of
from timeline.records import Mention, Timex

__all__ = ["KINDS"]

_PAST_DEICTICS = ("last", "past", "the previous")
_FUTURE_DEICTICS = ("next", "coming", "the following", "the next")


def accept_weekday(c: Candidate) -> Candidate | None:
    """A weekday is a time; abbreviated and alone ("Sat", "sun", "TUES"), only with a word that
    places it ("on Sat", "this sun", and no noun reading after "sun", "sat", "wed", "mon"), in a
    list of days ("mon, wed, thur", "Sat-Sun") or before a clock time ("Sun 1:00pm")."""
    if c.rule != "weekday_abbr":
        return c
    g = grammar()
    if in_list("weekday_part", c.text, c.start, c.end) or clock_follows(c.text, c.end):
        return c
    if not dated_by_word_before(g, c):
        return None
    ambiguous = fold(c.groups["wd"]) in g.ambiguous
    return None if ambiguous and not date_follows(g, c.text, c.end) else c


def weekday(m: Mention, state: State) -> Timex | None:
    """Reads "Thursday", "Friday night"; gives 2022-01-06, 2022-01-07TNI (the days just gone)."""
    import numpy as np

    g = m.groups
    wd = weekday_number(state.g, g["wd"])
    pod = g.get("pod")
    code = str(state.g.lookup("part_of_day", pod)) if pod else ""
    base, anchor = state.base()
    if base is None or (anchor == "text" and base.grain != "day"):
        value = f"XXXX-WXX-{wd}" + (f"T{code}" if code else "")
        return unresolved(value, "TIME" if code else "DATE")
    diff = wd - base.weekday()
    deictic = fold(g.get("deictic", ""))
    tense = (
        "past" if deictic in _PAST_DEICTICS else "future" if deictic in _FUTURE_DEICTICS else None
    )
    tense = tense or state.preferred()
    if tense is None and anchor == "text":  # a narrative: the next such day, unless told back
        tense = "past" if told_back(state, m) else "future"
    tense = tense or state.tense(m)
    if deictic == "this" or tense == "nearest":
        offset = diff if abs(diff) <= 3 else diff - 7 if diff > 0 else diff + 7
    elif tense == "future":
        offset = diff if diff >= 0 else diff + 7
    else:  # news tells of the days just gone: without a future cue, the last such day
        offset = diff if diff <= 0 else diff - 7
    if deictic not in ("", "this") and offset == 0:  # "last Wednesday" said on a Wednesday
        offset = -7 if tense == "past" else 7
    day = base.start + np.timedelta64(offset, "D")
    y, mo, d = ymd(day)
    mod = mod_of(m, state)
    if code:  # "Friday night": TimeBank types a named day's part as a DATE
        return placed(Period.part_of_day(y, mo, d, code), anchor=anchor, mod=mod)
    return placed(Period.day(y, mo, d), anchor=anchor, mod=mod)


def named_day(m: Mention, state: State) -> Timex | None:
    """Reads "yesterday", "tonight"; gives 2022-01-09, 2022-01-10TNI."""
    import numpy as np

    g = m.groups
    offset = int(state.g.lookup("named_day", g["nd"]))
    offset += -1 if "before" in g else 1 if "after" in g else 0
    code = "NI" if state.g.full_word(g["nd"]) == "tonight" else ""  # "tonight", "2nite"
    if g.get("pod"):
        code = str(state.g.lookup("part_of_day", g["pod"]))
    elif fold(g.get("mod", "")).startswith("mid"):  # "mid-afternoon yesterday"
        code = str(state.g.lookup("part_of_day", re.sub(r"^mid\W*", "", fold(g["mod"]))))
    base, anchor = state.base()
    if base is None or base.grain not in ("day", "hour", "minute"):
        if offset == 0 and not code:
            return unresolved("PRESENT_REF")
        return unresolved("XXXX-XX-XX" + (f"T{code}" if code else ""), "TIME" if code else "DATE")
    y, mo, d = ymd(base.start + np.timedelta64(offset, "D"))
    mod = mod_of(m, state)
    if code:  # "tonight", "yesterday morning", "tmr night": a time of day
        return placed(Period.part_of_day(y, mo, d, code), anchor=anchor, type_="TIME", mod=mod)
    return placed(Period.day(y, mo, d), anchor=anchor, mod=mod)


_DAY_OFFSETS = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}


def part_of_day(m: Mention, state: State) -> Timex | None:
    """Reads "this morning", "last night"; gives 2022-01-10TMO, 2022-01-09TNI.

    "in the morning" is the morning of the story's day: of the day its sentence names, else the
    base date. "at night", "since morning" in a text without a publication date are a habit
    (XXXX-XX-XXTNI) unless their sentence names a day.
    """
    import numpy as np

    g = m.groups
    if "pod" not in g:  # "in the morning", "by mid afternoon": a part of the story's day
        code = str(state.g.lookup("part_of_day", g.get("pod2") or g.get("pod3") or g["pod4"]))
        base, anchor = state.base()
        habit = "pod4" in g and anchor != "published"  # "moved only at night", in a history
        if habit:
            base = None
        if state.day is not None and (not habit or state.day[0] == state.sentences.index(m.start)):
            base, anchor = state.day[1], "text"
        if base is None or base.grain not in ("day", "hour", "minute"):
            return unresolved(f"XXXX-XX-XXT{code}", "TIME")
        y, mo, d = base.ymd()
        return placed(Period.part_of_day(y, mo, d, code), anchor=anchor, type_="TIME")
    code = str(state.g.lookup("part_of_day", g["pod"]))
    offset = _DAY_OFFSETS[fold(g["dx"])]
    base, anchor = state.base()
    if base is None or base.grain not in ("day", "hour", "minute"):
        return unresolved(f"XXXX-XX-XXT{code}", "TIME")
    y, mo, d = ymd(base.start + np.timedelta64(offset, "D"))
    return placed(Period.part_of_day(y, mo, d, code), anchor=anchor, type_="TIME")


KINDS = (
    Kind("weekday", weekday, accept_weekday),
    Kind("named_day", named_day),
    Kind("part_of_day", part_of_day),
)
