"""Readers several kinds share: years and counts as written, modifiers, units of the calendar,
the year of a date written without one.

>>> year_number("490 BC"), year_number("'98", base_year=2022), year_number("2011")
(-489, 1998, 2011)
>>> duration_value(2.5, "Y"), duration_value(None, "W"), duration_value(3, "DE")
('P2Y6M', 'PXW', 'P30Y')
"""

from __future__ import annotations

import re

from timeline.calendar import Period, add_months, ymd
from timeline.grammar import fold
from timeline.kinds.base import State
from timeline.kinds.narrative import narrative_year, told_back
from timeline.records import Mention

DIGITS = re.compile(r"[0-9]+")

#: Calendar units (ISO designators of the grammar's unit list) and their grains.
UNIT_GRAIN = {
    "D": "day",
    "W": "week",
    "M": "month",
    "Q": "quarter",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
}
ORDINAL_QUARTER = {"first": 1, "second": 2, "third": 3, "fourth": 4}
#: Words before an amount of time, with their TIMEX3 mod: "more than two years", "almost".
AMOUNT_MODS = {
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


# ---------------------------------------------------------------------------- years
def year_number(text: str, *, base_year: int | None = None) -> int | None:
    """The astronomical year written in ``text``: ``2011``, ``490 BC`` → -489, ``'98``."""
    digits = DIGITS.search(text)
    if digits is None:
        return None
    year = int(digits.group())
    letters = fold(text).replace(" ", "")
    if any(e in letters for e in ("bc", "b.c")):
        return 1 - year
    if len(digits.group()) == 2 and not any(e in letters for e in ("ad", "a.d", "ce")):
        return two_digit_year(year, base_year)
    return year


def two_digit_year(yy: int, base_year: int | None) -> int:
    """A two-digit year in the century that puts it nearest the base year (1900s by default)."""
    if base_year is None:
        return 1900 + yy
    century = base_year - base_year % 100
    candidates = [century - 100 + yy, century + yy, century + 100 + yy]
    return min(candidates, key=lambda y: (abs(y - base_year), -y))


def mod_of(m: Mention, state: State) -> str:
    """The TIMEX3 mod a modifier before the expression gives: "early" START, "mid-" MID."""
    if "mid" in m.groups:
        return "MID"
    mod = fold(m.groups.get("mod") or m.groups.get("mod5") or m.groups.get("lead") or "")
    if mod.startswith("mid"):  # "mid-afternoon yesterday"
        return "MID"
    return str(state.g.lookup("mod_before", mod)) if mod in state.g.words["mod_before"] else ""


# ---------------------------------------------------------------------------- months
def month_number(state: State, name: str) -> int:
    """The number of a month named in full or abbreviated: "Sept." → 9."""
    word = fold(name).rstrip(".")
    table = state.g.words
    return int(table["month"].get(word) or table["month_abbr"][word])


# "by August", "through January": a month named as a deadline lies ahead, unless another
# date runs up to it ("this year through August")
_DEADLINE = re.compile(r"(?<!year )(?<!month )\b(?:[Bb]y|[Tt]hrough)[ \t]+$")
_EFFECTIVE = re.compile(r"\b[Ee]ffective[ \t]+$")


def pick_year(state: State, m: Mention, month: int, day: int | None) -> tuple[int | None, str]:
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
    preferred = state.preferred()
    if preferred is not None:  # prefer="past", "future" or "nearest"
        return year_toward(preferred, base, month, day), anchor
    if anchor == "text":  # a narrative: the year it is in, unless it plainly moves on
        return narrative_year(base, month, day, back=told_back(state, m)), anchor
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


def year_toward(direction: str, base: Period, month: int, day: int | None) -> int:
    """The year of a month (or a day of it) without one, in a direction from the base: the
    last such date on or before it ("past"), the next on or after it ("future"), or the
    nearest ("nearest"). The base's own month counts as either.

    >>> base = Period.day(2022, 1, 10)
    >>> [year_toward(d, base, 12, None) for d in ("past", "future", "nearest")]
    [2021, 2022, 2021]
    >>> year_toward("future", base, 1, 5), year_toward("past", base, 1, 15)
    (2023, 2021)
    """
    by, bm, bd = base.ymd()
    if base.grain in ("millennium", "century", "decade", "year"):
        return by  # "in 1066 ... in October": the year the text is in
    at_day = day is not None and base.grain in ("day", "hour", "minute")
    date, ref = (month, day if at_day else 0), (bm, bd if at_day else 0)
    if direction == "past":
        return by if date <= ref else by - 1
    if direction == "future":
        return by if date >= ref else by + 1
    delta = (month - bm) + ((day or 0) - bd) / 31 * at_day
    return by + 1 if delta < -6 else by - 1 if delta > 6 else by


# ---------------------------------------------------------------------------- quarters
def reported_quarter(base: Period) -> Period:
    """The quarter a report of ``base``'s date is about: the one of about six weeks before."""
    import numpy as np

    y, mo, _ = ymd(base.start - np.timedelta64(45, "D"))
    return Period.quarter(y, (mo - 1) // 3 + 1)


def quarter_of(period: Period) -> int:
    """The quarter (1 to 4) a period starts in."""
    return (period.ymd()[1] - 1) // 3 + 1


# ---------------------------------------------------------------------------- units and counts
def unit_period(base: Period, unit: str, offset: int) -> Period:
    """The calendar unit containing the base, moved by ``offset`` units."""
    import numpy as np

    y, mo, _ = base.ymd()
    if unit == "D":
        return Period.from_day(base.start + np.timedelta64(offset, "D"))
    if unit in ("W", "WE"):
        day = base.start + np.timedelta64(7 * offset, "D")
        week = Period.week_of(day)
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


def count_value(state: State, text: str | None) -> float | None:
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


def duration_value(n: float | None, unit: str) -> str:
    """The TIMEX3 value of ``n`` units ("TH" is hours): 2.5 years is P2Y6M, None is PXY."""
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
