"""Stage 2, resolve: give each mention a TIMEX3 type, value, mod and an interval.

Relative expressions resolve against the publication date; without one, against the latest
date placed earlier in the text (narrative text: an explicit date, or one placed from it);
without that, they stay unresolved, with ``X`` in their value and no interval. The current date
is never used.

Explicit calendar dates are parsed with dateparser's ``DateDataParser.get_date_data`` (which also
rejects impossible dates such as February 30); everything dateparser gets wrong (decades,
ranges like ``2011-13``, quarters, seasons, BC years, tense) is our own grammar's.

>>> import datetime as dt
>>> from timeline.detect import detect
>>> text = "On Thursday, he hinted at Russia ahead of talks scheduled for January 10."
>>> [(t.text, t.value) for t in resolve(detect(text), text, reference=dt.date(2022, 1, 10))]
[('Thursday', '2022-01-06'), ('January 10', '2022-01-10')]
>>> [(t.text, t.value, t.anchor) for t in resolve(detect(text), text, reference=None)]
[('Thursday', 'XXXX-WXX-4', 'none'), ('January 10', 'XXXX-01-10', 'none')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import attrs

from timeline.calendar import GRAINS, Grain, Period, add_months, holiday_date, is_valid_date, ymd
from timeline.context import Sentences, Tense
from timeline.grammar import Grammar, fold, grammar
from timeline.records import Mention, Timex, TimexType

if TYPE_CHECKING:
    import numpy as np

__all__ = ["resolve"]

_DIGITS = re.compile(r"[0-9]+")


@attrs.define
class _State:
    """What resolution knows while it walks through a text."""

    text: str
    reference: np.datetime64 | None
    sentences: Sentences
    g: Grammar
    anchor: Period | None = None  # latest date placed so far (narrative time)
    quarter: Period | None = None  # latest quarter named: the period a report is about
    period: Period | None = None  # latest month or quarter named ("the same period last year")
    range_end: Timex | None = None  # while the start of a range resolves: its end
    day: tuple[int, Period] | None = None  # latest day named, with its sentence's index

    def base(self) -> tuple[Period | None, str]:
        """The date relative expressions resolve against, and where it comes from."""
        if self.reference is not None:
            return Period.from_day(self.reference), "published"
        if self.anchor is not None:
            return self.anchor, "text"
        return None, "none"

    def base_year(self) -> int | None:
        """The year of the base date, for two-digit years ("'98") and decades ("the '90s")."""
        base = self.base()[0]
        return base.ymd()[0] if base is not None else None

    def tense(self, m: Mention) -> Tense | None:
        return self.sentences.tense(m.start)


# "by August", "through January": a month named as a deadline lies ahead, unless another
# date runs up to it ("this year through August")
_DEADLINE = re.compile(r"(?<!year )(?<!month )\b(?:[Bb]y|[Tt]hrough)[ \t]+$")
_EFFECTIVE = re.compile(r"\b[Ee]ffective[ \t]+$")


def resolve(
    mentions: Sequence[Mention],
    text: str,
    *,
    reference: dt.date | None,
    sentences: Sentences | None = None,
) -> list[Timex]:
    """Resolve mentions found in ``text`` against the publication date ``reference``.

    ``sentences`` (of the same text) may be passed in to share it with later stages.
    """
    import numpy as np

    ref = np.datetime64(reference.isoformat(), "s") if reference is not None else None
    if sentences is None:
        sentences = Sentences(text)
    state = _State(text, ref, sentences, grammar())
    out: list[Timex] = []
    first_day: dict[int, Period] = {}  # the first day each sentence names
    dayless: list[tuple[int, Mention]] = []  # clock times read before their sentence's day
    for k, m in enumerate(mentions):
        partner = _listed_with(mentions, k, text)
        if partner is not None:  # "March and April 2020": March takes April's year
            state.range_end = _resolve_one(partner, state)
        try:
            timex = _resolve_one(m, state)
        finally:
            state.range_end = None
        if timex is None:
            continue
        if m.kind == "time" and timex.anchor == "published":
            dayless.append((len(out), m))
        out.append(timex)
        if (
            timex.placed
            and timex.start is not None
            and (
                timex.granularity == "day" or m.kind == "datetime"  # "9 a.m. Tuesday" names a day
            )
        ):
            state.day = (state.sentences.index(m.start), Period.from_day(timex.start))
            first_day.setdefault(state.day[0], state.day[1])
        if timex.placed and timex.granularity == "quarter" and m.kind != "offset":
            assert timex.start is not None and timex.end is not None
            state.quarter = Period(timex.value, timex.start, timex.end, "quarter")
        if timex.placed and timex.granularity in ("month", "quarter") and m.kind != "offset":
            assert timex.start is not None and timex.end is not None
            grain: Grain = "month" if timex.granularity == "month" else "quarter"
            state.period = Period(timex.value, timex.start, timex.end, grain)
        if timex.placed and timex.granularity in _ANCHOR_GRAINS and timex.type in ("DATE", "TIME"):
            assert timex.start is not None and timex.end is not None and timex.granularity
            state.anchor = Period(timex.value, timex.start, timex.end, timex.granularity)  # type: ignore[arg-type]
    for i, m in dayless:  # "at about 10:35 a.m. (0735 GMT) Friday": the day named after it
        sentence = state.sentences.index(m.start)
        if sentence in first_day:
            state.day = (sentence, first_day[sentence])
            out[i] = _resolve_one(m, state) or out[i]
    return out


_LIST_GAP = re.compile(r"[ \t]*(?:,|and|or|&)[ \t]*(?:the[ \t]+)?", re.IGNORECASE)
_YEAR_GROUPS = frozenset({"y", "yy"})


def _listed_with(mentions: Sequence[Mention], k: int, text: str) -> Mention | None:
    """The next mention, if mention ``k`` is a month, season or day without a year listed
    right before one of the same kind with a year ("March and April 2020", "the spring and
    summer of 1943")."""
    m = mentions[k]
    if k + 1 >= len(mentions) or m.kind not in ("month", "season", "date"):
        return None
    nxt = mentions[k + 1]
    if (
        nxt.kind != m.kind
        or _YEAR_GROUPS & m.groups.keys()
        or not _YEAR_GROUPS & nxt.groups.keys()
        or not _LIST_GAP.fullmatch(text, m.end, nxt.start)
    ):
        return None
    return nxt


_ANCHOR_GRAINS = frozenset(
    {"year", "half", "quarter", "season", "month", "week", "day", "hour", "minute"}
)


def _resolve_one(m: Mention, state: _State) -> Timex | None:
    if m.kind == "range":
        return _range(m, state)
    resolver = _RESOLVERS[m.kind]
    result = resolver(m, state)
    if result is None:
        return None
    return attrs.evolve(
        result, text=state.text[m.start : m.end], char_start=m.start, char_end=m.end, rule=m.rule
    )


def _timex(
    type_: TimexType,
    value: str,
    period: Period | None = None,
    *,
    mod: str = "",
    anchor: str = "absolute",
) -> Timex:
    if period is not None and mod:
        period = period.narrowed(mod)
    return Timex(
        char_start=0,
        char_end=0,
        text="",
        type=type_,
        value=value,
        mod=mod,
        start=period.start if period else None,
        end=period.end if period else None,
        granularity=period.grain if period else None,
        anchor=anchor,
    )


def _placed(
    period: Period, *, mod: str = "", anchor: str = "absolute", type_: TimexType = "DATE"
) -> Timex:
    return _timex(type_, period.value, period, mod=mod, anchor=anchor)


def _unresolved(value: str, type_: TimexType = "DATE", mod: str = "") -> Timex:
    return _timex(type_, value, None, mod=mod, anchor="none")


# ---------------------------------------------------------------------------- years
def _year_number(text: str, *, base_year: int | None = None) -> int | None:
    """The astronomical year written in ``text``: ``2011``, ``490 BC`` → -489, ``'98``."""
    digits = _DIGITS.search(text)
    if digits is None:
        return None
    year = int(digits.group())
    letters = fold(text).replace(" ", "")
    if any(e in letters for e in ("bc", "b.c")):
        return 1 - year
    if len(digits.group()) == 2 and not any(e in letters for e in ("ad", "a.d", "ce")):
        return _two_digit_year(year, base_year)
    return year


def _two_digit_year(yy: int, base_year: int | None) -> int:
    """A two-digit year in the century that puts it nearest the base year (1900s by default)."""
    if base_year is None:
        return 1900 + yy
    century = base_year - base_year % 100
    candidates = [century - 100 + yy, century + yy, century + 100 + yy]
    return min(candidates, key=lambda y: (abs(y - base_year), -y))


def _mod_of(m: Mention, state: _State) -> str:
    if "mid" in m.groups:
        return "MID"
    mod = fold(m.groups.get("mod") or m.groups.get("mod5") or m.groups.get("lead") or "")
    if mod.startswith("mid"):  # "mid-afternoon yesterday"
        return "MID"
    return str(state.g.lookup("mod_before", mod)) if mod in state.g.words["mod_before"] else ""


def _year(m: Mention, state: _State) -> Timex | None:
    raw = m.groups.get("y") or m.groups.get("yn") or m.groups.get("yn2")
    if raw is None:
        return None
    era = m.groups.get("era") or m.groups.get("era2") or m.groups.get("era3") or ""
    year = _year_number(f"{raw} {era}", base_year=state.base_year())
    if year is None:
        return None
    period = Period.year(year)
    return _placed(period, mod=_mod_of(m, state))


def _year_range(m: Mention, state: _State) -> Timex | None:
    y1 = int(m.groups["y"])
    raw2 = m.groups["y2"]
    y2 = int(raw2) if len(raw2) == 4 else y1 - y1 % 100 + int(raw2)
    if len(raw2) == 2 and y2 <= y1:
        y2 += 100
    if not y1 < y2 <= y1 + 200:
        return None  # "2011-05" is a month, "1998-1990" no range
    a, b = Period.year(y1), Period.year(y2)
    return _timex(
        "DATE", f"{a.value}/{b.value}", Period(f"{a.value}/{b.value}", a.start, b.end, "year")
    )


def _decade(m: Mention, state: _State) -> Timex | None:
    g = m.groups
    if "dec" in g:
        first = int(g["dec"])
    else:  # "the '90s", "the nineties": the decade nearest before the base year
        base_year = state.base_year()
        yy = int(g["dec2"]) if "dec2" in g else int(state.g.lookup("decade_word", g["decw"]))
        first = _two_digit_year(yy, base_year - 5 if base_year is not None else None)
    if first % 100 == 0 and "dec" in g and "mod" not in g and "mid" not in g:
        # "the 1800s" names a century
        return _placed(Period.century(first // 100))
    return _placed(Period.decade(first // 10), mod=_mod_of(m, state))


def _century(m: Mention, state: _State) -> Timex | None:
    g = m.groups
    n = int(g["cn"]) if "cn" in g else int(state.g.lookup("ordinal", g["cw"]))
    if n <= 0:
        return None
    era = fold(g.get("era", ""))
    if era.startswith("b"):
        # the 5th century BC is 500-401 BC: astronomical years -499 to -400
        period = Period(
            f"BC{n - 1:02d}",
            Period.year(1 - n * 100).start,
            Period.year(1 - (n - 1) * 100).start,
            "century",
        )
        return _placed(period, mod=_mod_of(m, state))
    index = n - 1
    return _placed(Period.century(index), mod=_mod_of(m, state))


# ---------------------------------------------------------------------------- months and days
def _month_number(state: _State, name: str) -> int:
    word = fold(name).rstrip(".")
    table = state.g.words
    return int(table["month"].get(word) or table["month_abbr"][word])


def _pick_year(state: _State, m: Mention, month: int, day: int | None) -> tuple[int | None, str]:
    """The year of a date written without one: by the tense of its sentence around the base."""
    end = state.range_end
    if end is not None and end.placed and end.start is not None:
        ey, em, ed = ymd(end.start)  # the start of a range: the end's year, or the one before
        year = ey if (month, day or 1) <= (em, ed) else ey - 1
        return year, end.anchor
    base, anchor = state.base()
    if base is None:
        return None, "none"
    by, bm, bd = base.ymd()
    if anchor == "text":
        # A narrative moves forward: within the year it names, or on from the date it names
        # ("in January 1066 ... In October" is October 1066).
        if base.grain in ("year", "decade", "century"):
            return by, anchor
        after = (month, day or 1) >= (bm, bd if day is not None else 1)
        return (by if after else by + 1), anchor
    # months from the base to the date in the base's year (days as a fraction of a month)
    delta = (month - bm) + (0 if day is None else (day - bd) / 31)
    year = by + 1 if delta < -6 else by - 1 if delta > 6 else by  # the nearest
    delta += 12 * (year - by)
    tense = state.tense(m) if anchor == "published" else None
    if anchor == "published" and _DEADLINE.search(state.text, max(0, m.start - 12), m.start):
        tense = "future"
    elif _EFFECTIVE.search(state.text, max(0, m.start - 12), m.start):
        tense = None  # "effective Feb. 1": a start date, the nearest whatever the tense
    # The tense overrides the nearest only where they clearly disagree: news tells of dates
    # a few weeks ahead in the past tense ("declared a dividend payable Dec. 15").
    slack = 2.0 if day is not None else 1.5
    if tense == "past" and delta > slack:
        year -= 1
    elif tense == "future" and delta < -slack:
        year += 1
    return year, anchor


def _month(m: Mention, state: _State) -> Timex | None:
    g = m.groups
    month = _month_number(state, g["m"])
    mod = _mod_of(m, state)
    deictic = fold(g.get("deictic", ""))
    if deictic in ("early", "late", "mid"):
        mod = str(state.g.lookup("mod_before", deictic))
        deictic = ""
    if "y" in g or "yy" in g:
        year = _year_number(g.get("y") or g["yy"], base_year=state.base_year())
        if year is None:
            return None
        return _placed(Period.month(year, month), mod=mod)
    if "dy" in g:  # "June last year": the month of the year before the base's
        base, anchor = state.base()
        if base is None:
            return _unresolved(f"XXXX-{month:02d}", mod=mod)
        year = base.ymd()[0] + int(state.g.lookup("deictic", g["dy"]))
        return _placed(Period.month(year, month), mod=mod, anchor=anchor)
    if deictic in ("last", "next", "this"):
        base, anchor = state.base()
        if base is None:
            return _unresolved(f"XXXX-{month:02d}", mod=mod)
        by, bm, _ = base.ymd()
        year = {
            "last": by if month < bm else by - 1,
            "next": by if month > bm else by + 1,
            "this": by,
        }[deictic]
        return _placed(Period.month(year, month), mod=mod, anchor=anchor)
    year_, anchor = _pick_year(state, m, month, None)
    if year_ is None:
        return _unresolved(f"XXXX-{month:02d}", mod=mod)
    return _placed(Period.month(year_, month), mod=mod, anchor=anchor)


def _month_range(m: Mention, state: _State) -> Timex | None:
    year = int(m.groups["y"])
    a = Period.month(year, _month_number(state, m.groups["m"]))
    b = Period.month(year, _month_number(state, m.groups["m2"]))
    if b.start <= a.start:
        return None
    return _timex(
        "DATE", f"{a.value}/{b.value}", Period(f"{a.value}/{b.value}", a.start, b.end, "month")
    )


@lru_cache(maxsize=4096)
def _dateparser_ymd(text: str, prefer: str) -> tuple[int, int, int] | None:
    """Year, month and day of an explicit date, as dateparser reads it (None if impossible)."""
    parser = _date_parser(prefer)
    data = parser.get_date_data(text)  # type: ignore[attr-defined]
    if data.date_obj is None or data.period != "day":
        return None
    d = data.date_obj
    return d.year, d.month, d.day


@lru_cache(maxsize=4)
def _date_parser(prefer: str) -> object:
    from dateparser.date import DateDataParser

    settings = {
        # A fixed base year: the year is taken from the text or set by us, never from the clock.
        "RELATIVE_BASE": dt.datetime(2000, 6, 15),
        "PREFER_DATES_FROM": prefer,
        "DATE_ORDER": "MDY",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["absolute-time"],
    }
    return DateDataParser(languages=["en"], settings=settings)


def _date(m: Mention, state: _State) -> Timex | None:
    g = m.groups
    if "hol" in g:
        return _holiday(m, state)
    if "mn" in g:
        month, day = int(g["mn"]), int(g["d"])
    else:
        month = _month_number(state, g["m"])
        day = int(_DIGITS.search(g["d"]).group())  # type: ignore[union-attr]
    if not is_valid_date(2000, month, day):  # 2000 is a leap year: Feb 29 passes here
        return None
    year: int | None
    anchor = "absolute"
    if "y" in g:
        year = _year_number(g["y"], base_year=state.base_year())
        if year is None or not is_valid_date(year, month, day):
            return None
        if 1 <= year <= 9999 and "hol" not in g:
            # dateparser reads explicit dates well: it confirms ours (and refuses impossible ones)
            parsed = _dateparser_ymd(state.text[m.start : m.end], "current_period")
            if parsed is None and "d2" not in g:
                return None
    else:
        year, anchor = _pick_year(state, m, month, day)
        if year is not None and not is_valid_date(year, month, day):
            return None
    if "d2" in g:
        day2 = int(_DIGITS.search(g["d2"]).group())  # type: ignore[union-attr]
        if day2 <= day or (year is not None and not is_valid_date(year, month, day2)):
            return None
        if year is None:
            return _unresolved(f"XXXX-{month:02d}-{day:02d}/XXXX-{month:02d}-{day2:02d}")
        a, b = Period.day(year, month, day), Period.day(year, month, day2)
        return _timex(
            "DATE",
            f"{a.value}/{b.value}",
            Period(f"{a.value}/{b.value}", a.start, b.end, "day"),
            anchor=anchor,
        )
    if year is None:
        return _unresolved(f"XXXX-{month:02d}-{day:02d}")
    if "hh" in g:
        return _placed(
            Period.minute(year, month, day, int(g["hh"]), int(g["mi"])), anchor=anchor, type_="TIME"
        )
    return _placed(Period.day(year, month, day), anchor=anchor)


def _holiday(m: Mention, state: _State) -> Timex | None:
    """Christmas, Thanksgiving, Easter: the holiday's date in the year meant."""
    g = m.groups
    rule = str(state.g.lookup("holiday", g["hol"]))
    if "y" in g:
        year = _year_number(g["y"], base_year=state.base_year())
        if year is None:
            return None
        return _placed(Period.day(year, *holiday_date(rule, year)))
    base, anchor = state.base()
    if base is None:
        month, day = holiday_date(rule, 2001) if not rule.startswith("easter") else (0, 0)
        return _unresolved(f"XXXX-{month:02d}-{day:02d}" if month else "XXXX-XX-XX")
    by = base.ymd()[0]
    deictic = fold(g.get("deictic", ""))
    candidates = [Period.day(y, *holiday_date(rule, y)) for y in (by - 1, by, by + 1)]
    before = [c for c in candidates if c.start <= base.start]
    after = [c for c in candidates if c.start > base.start]
    if deictic == "last":
        chosen = before[-1]
    elif deictic == "next":
        chosen = after[0]
    elif deictic == "this":
        chosen = candidates[1]
    else:
        month, day = holiday_date(rule, by)
        year, anchor = _pick_year(state, m, month, day)
        chosen = Period.day(year or by, *holiday_date(rule, year or by))
    return _placed(chosen, anchor=anchor)


def _weekday(m: Mention, state: _State) -> Timex | None:
    import numpy as np

    g = m.groups
    wd = int(state.g.lookup("weekday", g["wd"]))
    pod = g.get("pod")
    code = str(state.g.lookup("part_of_day", pod)) if pod else ""
    base, anchor = state.base()
    if base is None or (anchor == "text" and base.grain != "day"):
        value = f"XXXX-WXX-{wd}" + (f"T{code}" if code else "")
        return _unresolved(value, "TIME" if code else "DATE")
    diff = wd - base.weekday()
    deictic = fold(g.get("deictic", ""))
    tense = (
        "past"
        if deictic in ("last", "past", "the previous")
        else "future"
        if deictic in ("next", "coming", "the following", "the next")
        else None
    )
    tense = tense or (state.tense(m) if anchor == "published" else "past")
    if deictic == "this":
        offset = diff if abs(diff) <= 3 else diff - 7 if diff > 0 else diff + 7
    elif tense == "future":
        offset = diff if diff >= 0 else diff + 7
    else:  # news tells of the days just gone: without a future cue, the last such day
        offset = diff if diff <= 0 else diff - 7
    if deictic not in ("", "this") and offset == 0:  # "last Wednesday" said on a Wednesday
        offset = -7 if tense == "past" else 7
    day = base.start + np.timedelta64(offset, "D")
    y, mo, d = ymd(day)
    mod = _mod_of(m, state)
    if code:  # "Friday night": TimeBank types a named day's part as a DATE
        return _placed(Period.part_of_day(y, mo, d, code), anchor=anchor, mod=mod)
    return _placed(Period.day(y, mo, d), anchor=anchor, mod=mod)


def _named_day(m: Mention, state: _State) -> Timex | None:
    import numpy as np

    g = m.groups
    offset = int(state.g.lookup("named_day", g["nd"]))
    offset += -1 if "before" in g else 1 if "after" in g else 0
    code = "NI" if fold(g["nd"]) == "tonight" else ""
    if g.get("pod"):
        code = str(state.g.lookup("part_of_day", g["pod"]))
    elif fold(g.get("mod", "")).startswith("mid"):  # "mid-afternoon yesterday"
        code = str(state.g.lookup("part_of_day", re.sub(r"^mid\W*", "", fold(g["mod"]))))
    base, anchor = state.base()
    if base is None or base.grain not in ("day", "hour", "minute"):
        if offset == 0 and not code:
            return _unresolved("PRESENT_REF")
        return _unresolved("XXXX-XX-XX" + (f"T{code}" if code else ""), "TIME" if code else "DATE")
    y, mo, d = ymd(base.start + np.timedelta64(offset, "D"))
    mod = _mod_of(m, state)
    if code and g.get("pod"):  # "yesterday morning", as "Friday night": a DATE
        return _placed(Period.part_of_day(y, mo, d, code), anchor=anchor, mod=mod)
    if code:
        return _placed(Period.part_of_day(y, mo, d, code), anchor=anchor, type_="TIME", mod=mod)
    return _placed(Period.day(y, mo, d), anchor=anchor, mod=mod)


def _day_of_month(m: Mention, state: _State) -> Timex | None:
    """ "on the 14th": that day of the month the text is in (in news, of the last such day
    unless the sentence looks ahead; in a narrative, the next one)."""
    d = int(m.groups["d"])
    base, anchor = state.base()
    if base is None or base.grain not in ("day", "week", "month", "hour", "minute"):
        return _unresolved(f"XXXX-XX-{d:02d}")
    y, mo, bd = base.ymd()
    step = 0
    if anchor == "published":
        tense = state.tense(m)
        step = -1 if d > bd and tense != "future" else 1 if d < bd and tense == "future" else 0
    elif base.grain != "month" and d < bd:
        step = 1  # a narrative moves forward: "On 20 May ... on the 2nd" is June 2
    y, mo = add_months(y, mo, step)
    if not is_valid_date(y, mo, d):
        return _unresolved(f"XXXX-XX-{d:02d}")
    return _placed(Period.day(y, mo, d), anchor=anchor)


def _part_of_day(m: Mention, state: _State) -> Timex | None:
    import numpy as np

    g = m.groups
    if "pod" not in g:  # "in the morning", "by mid afternoon": a part of the story's day
        code = str(state.g.lookup("part_of_day", g.get("pod2") or g["pod3"]))
        base, anchor = state.base()
        if state.day is not None:
            base, anchor = state.day[1], "text"
        if base is None or base.grain not in ("day", "hour", "minute"):
            return _unresolved(f"XXXX-XX-XXT{code}", "TIME")
        y, mo, d = base.ymd()
        return _placed(Period.part_of_day(y, mo, d, code), anchor=anchor, type_="TIME")
    code = str(state.g.lookup("part_of_day", g["pod"]))
    dx = fold(g["dx"])
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[dx]
    base, anchor = state.base()
    if base is None or base.grain not in ("day", "hour", "minute"):
        return _unresolved(f"XXXX-XX-XXT{code}", "TIME")
    y, mo, d = ymd(base.start + np.timedelta64(offset, "D"))
    return _placed(Period.part_of_day(y, mo, d, code), anchor=anchor, type_="TIME")


# ---------------------------------------------------------------------------- parts of years
def _quarter(m: Mention, state: _State) -> Timex | None:
    g = m.groups
    unit = (
        "half"
        if g.get("qu", "").lower() == "half" or g.get("qn", "").upper().startswith("H")
        else "quarter"
    )
    if "that" in g:  # "that quarter": the one named last
        if state.quarter is None:
            return _unresolved("XXXX-QX")
        return _placed(state.quarter, anchor="text")
    if "per" in g and state.quarter is not None:  # "the latest period" of a quarterly report
        return _placed(state.quarter, anchor="text")
    if "qo" not in g and "qn" not in g:
        # "the quarter", "the latest quarter": the quarter being reported, that of ~6 weeks before
        base, anchor = state.base()
        if base is None:
            return _unresolved("XXXX-QX")
        return _placed(_reported_quarter(base), anchor=anchor)
    if "qn" in g:
        n = int(g["qn"][1])
    else:
        word = g["qo"].lower()
        n = {
            "first": 1,
            "1st": 1,
            "second": 2,
            "2nd": 2,
            "third": 3,
            "3rd": 3,
            "fourth": 4,
            "4th": 4,
        }.get(word, 4 if unit == "quarter" else 2)
    if unit == "half" and n > 2:
        return None
    make = Period.half if unit == "half" else Period.quarter
    explicit = g.get("y") or g.get("y2") or g.get("y3")
    if explicit:
        return _placed(make(int(explicit), n))
    base, anchor = state.base()
    if "dyq" in g and base is not None:  # "the first quarter of last year"
        year = base.ymd()[0] + int(state.g.lookup("deictic", g["dyq"]))
        return _placed(make(year, n), anchor=anchor)
    if base is None:
        return _unresolved(f"XXXX-{'H' if unit == 'half' else 'Q'}{n}")
    by, bm, _ = base.ymd()
    current = (bm - 1) // (6 if unit == "half" else 3) + 1
    # Without a year, a quarter is the latest one of that number that has begun by the base,
    # or the next one of that number where a future cue stands close ("due in the fourth quarter").
    future = anchor == "published" and state.tense(m) == "future"
    year = by if "ty" in g or n <= current or future else by - 1
    return _placed(make(year, n), anchor=anchor)


def _season(m: Mention, state: _State) -> Timex | None:
    g = m.groups
    code = str(state.g.lookup("season", g["s"]))
    mod = _mod_of(m, state)
    if "y" in g:
        year = int(g["y"])
        if code == "WI" and "y2" in g:  # "the winter of 1941-42" ends in 1942: 1942-WI
            year += 1
        return _placed(Period.season(year, code), mod=mod)
    end = state.range_end  # "the spring and summer of 1943", "from spring to autumn 1943"
    if end is not None and end.placed and end.start is not None:
        return _placed(Period.season(ymd(end.start)[0], code), mod=mod, anchor=end.anchor)
    base, anchor = state.base()
    if base is None:
        return _unresolved(f"XXXX-{code}", mod=mod)
    by, bm, _ = base.ymd()
    first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    deictic = fold(g.get("deictic", ""))
    tense = {"last": "past", "past": "past", "next": "future", "coming": "future"}.get(deictic)
    if deictic.startswith("the "):  # "the following winter": the first after the base
        seasons = [Period.season(year, code) for year in range(by - 1, by + 3)]
        if deictic in ("the following", "the next"):
            season = next(p for p in seasons if p.start >= base.end)
        else:
            season = [p for p in seasons if p.end <= base.start][-1]
        return _placed(season, mod=mod, anchor=anchor)
    if deictic == "that" or (anchor == "text" and not deictic):
        # "that summer", or a season in a narrative: the season of the year the text is in,
        # or of the next if the narrative has passed it ("Christmas Eve 1911 ... by the spring")
        season = Period.season(by, code)
        passed = season.end <= base.start and base.grain in ("day", "week", "month")
        if anchor == "text" and not deictic and passed:
            season = Period.season(by + 1, code)
        return _placed(season, mod=mod, anchor=anchor)
    if deictic == "this":
        tense = None
    elif tense is None and anchor == "published":
        tense = state.tense(m)
    season_year = by + 1 if code == "WI" and bm == 12 else by
    start_month_in_year = first if code != "WI" else 0  # winter starts in the previous December
    started = bm >= start_month_in_year if code != "WI" else True
    if (tense == "past" and not started) or deictic == "last":
        season_year -= 1
    elif tense == "future" and (
        (started and deictic == "next") or (bm >= first + 3 and code != "WI")
    ):
        season_year += 1
    return _placed(Period.season(season_year, code), mod=mod, anchor=anchor)


# ---------------------------------------------------------------------------- deictic and relative
_UNIT_GRAIN = {
    "D": "day",
    "W": "week",
    "M": "month",
    "Q": "quarter",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
}


def _unit_period(base: Period, unit: str, offset: int) -> Period:
    """The calendar unit containing the base, moved by ``offset`` units."""
    import numpy as np

    y, mo, _ = base.ymd()
    if unit == "D":
        return Period.from_day(base.start + np.timedelta64(offset, "D"))
    if unit in ("W", "WE"):
        day = base.start + np.timedelta64(7 * offset, "D")
        iso = dt.date(*ymd(day)).isocalendar()
        week = Period.week(iso[0], iso[1])
        if unit == "WE":
            sat = week.start + np.timedelta64(5, "D")
            return Period(f"{week.value}-WE", sat, sat + np.timedelta64(2, "D"), "week")
        return week
    if unit == "M":
        return Period.month(*add_months(y, mo, offset))
    if unit == "Q":
        q = (mo - 1) // 3 + offset
        return Period.quarter(y + q // 4, q % 4 + 1)
    if unit == "Y":
        return Period.year(y + offset)
    if unit == "DE":
        return Period.decade(y // 10 + offset)
    if unit == "CE":
        return Period.century(y // 100 + offset)
    raise ValueError(unit)


def _deictic(m: Mention, state: _State) -> Timex | None:
    g = m.groups
    offset = int(state.g.lookup("deictic", g["dx"]))
    word = fold(g["unit"])
    mod = fold(g.get("mod", ""))
    # "earlier this year" is this year (TimeBank gives no mod); "early this year" is its START
    mod_code = str(state.g.lookup("mod_before", mod)) if mod in state.g.words["mod_before"] else ""
    if word in state.g.words["season"]:
        return _season(
            Mention(m.start, m.end, m.rule, "season", {"s": g["unit"], "deictic": g["dx"]}), state
        )
    unit = str(state.g.lookup("anchored_unit", word))
    base, anchor = state.base()
    if base is None:
        marks = {
            "D": "XXXX-XX-XX",
            "W": "XXXX-WXX",
            "WE": "XXXX-WXX-WE",
            "M": "XXXX-XX",
            "Q": "XXXX-QX",
            "Y": "XXXX",
            "DE": "XXX",
            "CE": "XX",
        }
        return _unresolved(marks[unit], mod=mod_code)
    return _placed(_unit_period(base, unit, offset), mod=mod_code, anchor=anchor)


def _count(state: _State, text: str | None) -> float | None:
    """The number a count phrase names: 2, "two", "a", "twenty-five"; None for "several"."""
    if text is None:
        return 1
    word = fold(text)
    if word[:1].isdigit():
        return float(word)
    if word in ("a", "an"):
        return 1
    if word in ("a half", "half a", "half an"):
        return 0.5
    if word in ("a couple of", "couple of"):
        return 2
    numbers = state.g.words["number"]
    parts = re.split(r"[-–—‐‑]|\s+", word)
    if all(p in numbers for p in parts):
        return float(sum(int(numbers[p]) for p in parts))
    return None


def _duration_value(n: float | None, unit: str) -> str:
    time = unit.startswith("T")
    code = unit[1:] if time else unit
    if code == "F":
        code, n = "W", (2 * n if n is not None else None)
    if code in ("DE", "CE", "ML"):  # TimeBank writes decades and centuries in years
        factor = {"DE": 10, "CE": 100, "ML": 1000}[code]
        code, n = "Y", (factor * n if n is not None else None)
    if n is not None and not float(n).is_integer():
        # 2 1/2 years is P2Y6M, 5 1/2 hours PT5H30M: the fraction in the next smaller unit
        smaller = (
            {"H": ("M", 60), "M": ("S", 60)}
            if time
            else {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24)}
        )
        if code in smaller and float(n * smaller[code][1]).is_integer():
            small, factor = smaller[code]
            whole, part = int(n), round((n - int(n)) * factor)
            head = f"{whole}{code}" if whole else ""
            if code == "D":  # hours belong to the time part: P2DT12H
                return f"P{head}T{part}H"
            return f"PT{head}{part}{small}" if time else f"P{head}{part}{small}"
    amount = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
    return f"PT{amount}{code}" if time else f"P{amount}{code}"


def _offset(m: Mention, state: _State) -> Timex | None:
    result = _offset_date(m, state)
    if result is not None and "amod" in m.groups:  # "almost four years ago"
        result = attrs.evolve(result, mod=_AMOUNT_MODS.get(fold(m.groups["amod"]), ""))
    if result is None or "tail" not in m.groups:
        return result
    # "ten days before the murder": TimeML types the expression (without "before") a DURATION;
    # it still points at a date, which places it on the timeline.
    n = _count(state, m.groups.get("n"))
    unit = str(state.g.lookup("unit", m.groups["unit"]))
    return attrs.evolve(result, type="DURATION", value=_duration_value(n, unit))


_FORWARD = frozenset({"later", "after", "afterwards", "afterward", "from now", "hence"})
# counted from the text's own last date where it has one: "1812 ... two weeks afterwards"
_FROM_TEXT = frozenset({"earlier", "later", "before", "after", "afterwards", "afterward"})


def _offset_date(m: Mention, state: _State) -> Timex | None:
    g = m.groups
    unit = str(state.g.lookup("unit", g["unit"]))
    n = _count(state, g.get("n"))
    direction = fold(g.get("dir") or g["tail"])
    sign = 1 if direction in _FORWARD else -1
    base, anchor = state.base()
    if direction in _FROM_TEXT and state.anchor is not None:
        base, anchor = state.anchor, "text"
    if n is None or base is None or unit.startswith("T") or not float(n).is_integer():
        return _unresolved("PAST_REF" if sign < 0 else "FUTURE_REF")
    k = int(n) * sign
    if unit == "Y" and k == -1 and (state.quarter is not None or "per" in g):
        # In a quarterly report "a year earlier", "the year-ago quarter" are the reported
        # quarter of the year before.
        reported = state.quarter or _reported_quarter(base)
        year = reported.ymd()[0] - 1
        quarter = _ORDINAL_QUARTER[fold(g["qo"])] if "qo" in g else _quarter_of(reported)
        return _placed(Period.quarter(year, quarter), anchor=anchor)
    if unit == "F":
        unit, k = "W", 2 * k
    if unit in ("ML", "CE", "DE"):
        years = k * {"ML": 1000, "CE": 100, "DE": 10}[unit]
        return _placed(_unit_period(base, "Y", years), anchor=anchor)
    if unit == "D" and base.grain not in ("day", "hour", "minute"):
        return _unresolved("XXXX-XX-XX")
    unit_grain = "week" if unit == "WE" else _UNIT_GRAIN.get(unit, base.grain)
    if GRAINS.index(base.grain) < GRAINS.index(unit_grain):  # GRAINS: coarsest first
        return _placed(base, anchor=anchor)  # "1812 ... a week later": still 1812, as far as known
    return _placed(_unit_period(base, unit, k), anchor=anchor)


_ORDINAL_QUARTER = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _year_words(m: Mention, state: _State) -> Timex | None:
    """ "nineteen ninety-six" → 1996; "the year two thousand" → 2000."""
    g = m.groups
    numbers = state.g.words["number"]

    def words_value(text: str) -> int | None:
        total = 0
        for part in re.split(r"[-–—‐‑\s]+", fold(text)):
            if part == "o" or part == "and":
                continue
            if part not in numbers:
                return None
            total += int(numbers[part])
        return total

    if "k" in g:
        year = 2000 + (words_value(g["lo2"]) or 0 if "lo2" in g else 0)
    else:
        high = int(state.g.lookup("teen_hundreds", g["hi"]))
        low_text = fold(g["lo"])
        low = 0 if low_text == "hundred" else words_value(low_text)
        if low is None or low > 99:
            return None
        year = high * 100 + low
    return _placed(Period.year(year))


def _the_unit(m: Mention, state: _State) -> Timex | None:
    """ "the year" (the year of the base, or a year's span where it "ended" on a date);
    "the weekend" (the one before the base, or after it where the tense is future)."""
    g = m.groups
    base, anchor = state.base()
    if "unit2" in g:
        if base is None or base.grain not in ("day", "hour", "minute"):
            return _unresolved("XXXX-WXX-WE")
        ahead = anchor == "published" and state.tense(m) == "future"
        # the weekend of the base's week if the base is in it or the tense looks ahead,
        # else the one before
        offset = 0 if ahead or base.weekday() >= 6 else -1
        return _placed(_unit_period(base, "WE", offset), anchor=anchor)
    if "tail" in g:
        return _timex("DURATION", "P1Y")
    if "unit4" in g:  # "ended the day": the day the story is about, else the base date's
        if state.anchor is not None and state.anchor.grain == "day":
            return _placed(state.anchor, anchor="text")
        if base is None or base.grain not in ("day", "hour", "minute"):
            return _unresolved("XXXX-XX-XX")
        return _placed(Period.from_day(base.start), anchor=anchor)
    if "unit5" in g:  # "the end of the month": the month (or week) of the story's day
        unit = "M" if fold(g["unit5"]) == "month" else "W"
        if state.day is not None:
            base, anchor = state.day[1], "text"
        if base is None or base.grain not in ("day", "hour", "minute"):
            return _unresolved("XXXX-XX" if unit == "M" else "XXXX-WXX", mod=_mod_of(m, state))
        return _placed(_unit_period(base, unit, 0), anchor=anchor, mod=_mod_of(m, state))
    mod = "END" if "unit3" in g else _mod_of(m, state)  # year-end: the END of the year
    if base is None:
        return _unresolved("XXXX", mod=mod)
    # the year a report is about: that of about six weeks before (January reports close the
    # year before), unless the sentence looks ahead ("will post a profit for the year")
    looks_back = anchor == "published" and "unit3" not in g and state.tense(m) != "future"
    year = _reported_quarter(base).ymd()[0] if looks_back else base.ymd()[0]
    return _placed(Period.year(year), anchor=anchor, mod=mod)


def _reported_quarter(base: Period) -> Period:
    """The quarter a report of ``base``'s date is about: the one of about six weeks before."""
    import numpy as np

    y, mo, _ = ymd(base.start - np.timedelta64(45, "D"))
    return Period.quarter(y, (mo - 1) // 3 + 1)


def _quarter_of(period: Period) -> int:
    return (period.ymd()[1] - 1) // 3 + 1


def _year_period(m: Mention, state: _State) -> Timex | None:
    """A year's reporting period: "the 1988 quarter", "last year's third quarter"."""
    g = m.groups
    base, anchor = state.base()
    if "y" in g:
        year: int | None = int(g["y"])
        anchor = "absolute"
    else:
        offset = -1 if "last" in g else int(state.g.lookup("deictic", g.get("dx", "last")))
        year = None if base is None else base.ymd()[0] + offset
    latest = state.period
    if ("mon" in g or fold(g.get("per3", "")) == "period") and latest and latest.grain == "month":
        # "rose 43% in February compared to the same period last year": that month, a year back
        y, mo, _ = latest.ymd()
        return _placed(Period.month(y - 1 if "y" not in g else int(g["y"]), mo), anchor="text")
    ordinal = g.get("qo") or g.get("qo2")
    quarter = (
        _ORDINAL_QUARTER[fold(ordinal)]
        if ordinal
        else _quarter_of(state.quarter)
        if state.quarter is not None
        else None
    )
    if year is None:
        return _unresolved(f"XXXX-Q{quarter}" if quarter else "XXXX")
    if quarter is None:
        return _placed(Period.year(year), anchor=anchor)
    return _placed(Period.quarter(year, quarter), anchor=anchor)


def _past_span(m: Mention, state: _State) -> Timex | None:
    """ "the past three years": a duration that ends (or starts) at the reference."""
    import numpy as np

    g = m.groups
    unit_word = g.get("unit") or g.get("unit2") or g.get("unit3") or ""
    unit = str(state.g.lookup("unit", unit_word))
    dx = fold(g.get("dx", g.get("recent", "the coming" if "unit3" in g else "")))
    vague = "recent" in g or "unit3" in g or (unit_word.endswith("s") and "n" not in g)
    n = None if vague else _count(state, g.get("n"))  # "the coming weeks": how many is not said
    value = _duration_value(n, unit)
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
        return _unresolved(value, "DURATION")
    months = {
        "D": 0,
        "W": 0,
        "WE": 0,
        "M": 1,
        "Q": 3,
        "Y": 12,
        "DE": 120,
        "CE": 1200,
        "ML": 12000,
    }.get(unit, 0)
    days = {"D": 1, "W": 7, "WE": 7, "F": 14}.get(unit, 0)
    k = int(n)
    edge = base.start if not forward else base.end
    if months:
        y, mo, d = ymd(edge)
        y2, m2 = add_months(y, mo, -k * months if not forward else k * months)
        other = Period.day(y2, m2, min(d, 28)).start
    else:
        other = edge + np.timedelta64((-1 if not forward else 1) * k * days, "D")
    lo, hi = (other, edge) if not forward else (edge, other)
    grain = _UNIT_GRAIN.get(unit, "day")
    return _timex("DURATION", value, Period(value, lo, hi, grain), anchor=anchor)  # type: ignore[arg-type]


def _anaphoric(m: Mention, state: _State) -> Timex | None:
    g = m.groups
    dx = fold(g["dx"])
    word = fold(g["unit"])
    anchor_period = state.anchor
    offsets = {
        "the same": 0,
        "that": 0,
        "the next": 1,
        "the following": 1,
        "the previous": -1,
        "the preceding": -1,
        "the prior": -1,
    }
    offset = offsets[dx]
    if word in state.g.words["part_of_day"]:
        code = str(state.g.lookup("part_of_day", word))
        if anchor_period is None or anchor_period.grain != "day" or offset:
            return _unresolved(f"XXXX-XX-XXT{code}", "TIME")
        y, mo, d = anchor_period.ymd()
        return _placed(Period.part_of_day(y, mo, d, code), anchor="text", type_="TIME")
    unit = str(state.g.lookup("anchored_unit", word))
    needed = {
        "D": ("day",),
        "W": ("day", "week"),
        "WE": ("day", "week"),
        "M": ("day", "week", "month"),
        "Y": ("day", "week", "month", "season", "quarter", "half", "year"),
        "DE": ("day", "week", "month", "season", "quarter", "half", "year", "decade"),
        "CE": ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century"),
    }
    marks = {
        "D": "XXXX-XX-XX",
        "W": "XXXX-WXX",
        "WE": "XXXX-WXX-WE",
        "M": "XXXX-XX",
        "Y": "XXXX",
        "DE": "XXX",
        "CE": "XX",
    }
    if anchor_period is None or anchor_period.grain not in needed.get(unit, ()):
        return _unresolved(marks.get(unit, "XXXX"))
    return _placed(_unit_period(anchor_period, unit, offset), anchor="text")


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


def _datetime(m: Mention, state: _State) -> Timex | None:
    """A clock time and its day: "9 a.m. Tuesday", "5 p.m. EST Nov. 9"."""
    time_m, day_m = m.parts
    hour, minute = _clock(time_m.groups)
    day = _resolve_one(day_m, state)
    if day is None or not day.placed or day.granularity != "day" or day.start is None:
        return _unresolved(f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "TIME")
    y, mo, d = ymd(day.start)
    period = _utc(Period.minute(y, mo, d, hour, minute), time_m.groups)
    return _placed(period, anchor=day.anchor, type_="TIME")


def _utc(period: Period, groups: Mapping[str, str]) -> Period:
    """A time given in UTC (or GMT) carries the Z of ISO 8601: 2009-06-01T16:00Z."""
    if groups.get("tz", "").upper() in ("UTC", "GMT"):
        return attrs.evolve(period, value=period.value + "Z")
    return period


def _time(m: Mention, state: _State) -> Timex | None:
    hour, minute = _clock(m.groups)
    base, anchor = state.base()
    if state.day is not None and state.day[0] == state.sentences.index(m.start):
        base, anchor = state.day[1], "text"  # "the test flight Tuesday ... at 18:00 UTC"
    if base is None or base.grain not in ("day", "hour", "minute"):
        return _unresolved(f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "TIME")
    y, mo, d = base.ymd()
    period = _utc(Period.minute(y, mo, d, hour, minute), m.groups)
    return _placed(period, anchor=anchor, type_="TIME")


_AMOUNT_MODS = {
    "more than": "MORE_THAN",
    "no more than": "EQUAL_OR_LESS",
    "over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "up to": "EQUAL_OR_LESS",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "about": "APPROX",
    "around": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX",
    "some": "APPROX",
}


def _duration(m: Mention, state: _State) -> Timex | None:
    g = m.groups
    if "bare" in g:
        unit = str(state.g.lookup("unit", g["bare"]))
        return _timex("DURATION", _duration_value(None, unit))
    if "one" in g:  # "day-long", "a night-long vigil"
        one = fold(g["one"])
        unit = "D" if one == "night" else str(state.g.lookup("unit", one))
        return _timex("DURATION", _duration_value(1, unit))
    unit = str(state.g.lookup("unit", g["unit"]))
    n = _count(state, g["n"])
    if n is not None and ("half" in g or "half2" in g):
        n += 0.5
    mods = _AMOUNT_MODS
    mod = mods.get(fold(g.get("mod") or g.get("approx") or ""), "APPROX" if "approx" in g else "")
    return _timex("DURATION", _duration_value(n, unit), mod=mod)


def _set(m: Mention, state: _State) -> Timex | None:
    g = m.groups
    if "adv" in g:
        return _timex("SET", str(state.g.lookup("set_adverb", g["adv"])))
    word = fold(g["unit"])
    if word in state.g.words["weekday"]:
        return _timex("SET", f"XXXX-WXX-{state.g.lookup('weekday', word)}")
    if word in state.g.words["month"]:
        return _timex("SET", f"XXXX-{int(state.g.lookup('month', word)):02d}")
    unit = str(state.g.lookup("unit", word))
    n = _count(state, g.get("n")) if g.get("n") else 1
    return _timex("SET", _duration_value(n, unit))


def _vague(m: Mention, state: _State) -> Timex | None:
    return _timex("DATE", str(state.g.lookup("vague", m.groups["vague"])))


def _range(m: Mention, state: _State) -> Timex | None:
    a_m, b_m = m.parts
    b = _resolve_one(b_m, state)
    state.range_end = b  # "from 5 July to 23 August 1943": the start takes the end's year
    try:
        a = _resolve_one(a_m, state)
    finally:
        state.range_end = None
    if a is None or b is None:
        return None
    if a.placed and b.placed and a.start is not None and b.end is not None and a.start < b.end:
        value = f"{a.value}/{b.value}"
        anchor = (
            "absolute"
            if a.anchor == b.anchor == "absolute"
            else (a.anchor if a.anchor != "absolute" else b.anchor)
        )
        return Timex(
            char_start=m.start,
            char_end=m.end,
            text=state.text[m.start : m.end],
            type="DATE",
            value=value,
            start=a.start,
            end=b.end,
            granularity=a.granularity,
            rule="range",
            anchor=anchor,
            parts=(a, b),
        )
    return Timex(
        m.start,
        m.end,
        state.text[m.start : m.end],
        "DATE",
        f"{a.value}/{b.value}",
        rule="range",
        anchor="none",
        parts=(a, b),
    )


_RESOLVERS: dict[str, Callable[[Mention, _State], Timex | None]] = {
    "date": _date,
    "month": _month,
    "month_range": _month_range,
    "year": _year,
    "year_range": _year_range,
    "decade": _decade,
    "century": _century,
    "quarter": _quarter,
    "year_period": _year_period,
    "year_words": _year_words,
    "the_unit": _the_unit,
    "season": _season,
    "named_day": _named_day,
    "weekday": _weekday,
    "deictic": _deictic,
    "part_of_day": _part_of_day,
    "day_of_month": _day_of_month,
    "past_span": _past_span,
    "offset": _offset,
    "anaphoric": _anaphoric,
    "time": _time,
    "datetime": _datetime,
    "duration": _duration,
    "set": _set,
    "vague": _vague,
}
