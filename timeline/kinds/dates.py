"""Calendar dates: "January 10", "Jan. 10, 2022", "10 January 2022", "2022-01-10", "1/10/2022",
"10.01.2022", "January 5-7", "from 13 to 15 July", and "on the 14th" (a day of the month the
text is in), "Friday the 13th".

An explicit date is checked by dateparser's ``DateDataParser.get_date_data`` (which refuses
February 30); a date without a year takes the year its sentence's tense and the base date
say. Holidays are dates too (:mod:`timeline.kinds.holidays`).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from timeline.calendar import Period, add_months, is_valid_date
from timeline.grammar import Grammar, grammar
from timeline.kinds.agree import agreeing_month, agreeing_year
from timeline.kinds.base import Candidate, Kind, State, next_word, placed, span, unresolved
from timeline.kinds.holidays import holiday
from timeline.kinds.names import date_follows, needs_context, weekday_number, word_before
from timeline.kinds.numbers import day_number, year_in_words
from timeline.kinds.numeric import numeric_date
from timeline.kinds.values import DIGITS, month_number, pick_year, year_number
from timeline.records import Mention, Timex

__all__ = ["KINDS"]


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


def accept_date(c: Candidate) -> Candidate | None:
    """A date is a time unless its month or holiday, written in lower case or capitals, reads
    as a common word (:mod:`timeline.kinds.names`): "they march 5 miles" (a count after the
    day), "the top 5 may be" (a bare number before "may", with no "of", ordinal suffix or
    preposition). A date in numbers must read as one (:func:`_numbers_read`); "from" or
    "between" belongs to a date only where it opens a span of days ("from 13 to 15 July"), not
    before one day ("from 5 July", a range :mod:`timeline.detect` composes)."""
    g = grammar()
    if "hol" in c.groups:
        return _holiday_placed(g, c)
    if not _numbers_read(c.groups):
        return None
    if c.rule == "numeric_month_day" and "wd" in c.groups and needs_context(g, c.groups["wd"]):
        return None  # "they wed 2/15": a verb, not Wednesday
    if "opener" in c.groups and "d2" not in c.groups:
        start = c.match.end("opener")
        while c.text[start].isspace():
            start += 1
        c = c.starting_at(start)
    month = c.groups.get("m")
    if month is None:
        return c
    day = c.groups.get("d", "")
    in_words = not day[:1].isdigit()
    dated = bool(c.groups.keys() & {"y", "yw"})
    if in_words and c.rule == "month_day" and not dated and _noun_follows(c.text, c.end):
        return None  # "In January the Sixth Army", "in May the first troops": no day
    if c.rule in ("month_day", "month_day_span"):
        compound = c.text[c.end : c.end + 1] in ("-", "‐", "‑")  # "May first-time buyers"
        if in_words and (compound or (not dated and needs_context(g, month))):
            return None  # "they march the first troops"
        if dated or not needs_context(g, month):
            return c
        return None if next_word(c.text, c.end).lower() in g.words["count_after"] else c
    of = c.text[c.match.end("d") : c.match.start("m")].strip().lower() == "of"
    if in_words:  # "the first of March"; not "the first march on the capital"
        return c if of else None
    if dated or not needs_context(g, month) or not day.isdigit() or of:
        return c
    return c if word_before(c.text, c.start) in g.lists["date_prepositions"] else None


def _noun_follows(text: str, end: int) -> bool:
    """Whether a noun follows ``end`` right away: a capitalised word or a lower-case word that
    is no function word ("the Sixth Army", "the first troops"; not "the first, we", "the first
    was")."""
    if text[end : end + 1] not in (" ", "\t"):
        return False
    after = next_word(text, end)
    return bool(after) and (
        after[0].isupper() or after.lower() not in grammar().lists["function_words"]
    )


def _numbers_read(groups: dict[str, str]) -> bool:
    """Whether a date in numbers reads as one: the same separator twice ("1/10/2022", not
    "1/10.2022"), a year of four digits after dashes, two-digit numbers with dots and a
    two-digit year ("27.03.15", not the version "1.2.15"), not the set phrase "24/7"."""
    if "sep2" in groups and groups["sep2"] != groups["sep"]:
        return False
    if groups.get("sep") == "-" and len(groups.get("n3", "")) != 4:
        return False
    n1, n2 = groups.get("n1", ""), groups.get("n2", "")
    if groups.get("sep") == "." and len(groups.get("n3", "")) == 2 and len(n1) + len(n2) < 4:
        return False
    return (n1, n2) not in _SET_PHRASES


#: Numbers with a slash that are set phrases, not dates: "open 24/7".
_SET_PHRASES = frozenset({("24", "7"), ("24", "365")})


def _holiday_placed(g: Grammar, c: Candidate) -> Candidate | None:
    """A holiday is a time unless, in lower case or capitals, its name is a common word too
    ("my holi...", a word cut short) with no year and no preposition or "last" before it."""
    if "y" in c.groups or not needs_context(g, c.groups["hol"]):
        return c
    placed_ = "deictic" in c.groups or word_before(c.text, c.start) in g.lists["date_prepositions"]
    return c if placed_ and date_follows(g, c.text, c.end) else None


def date(m: Mention, state: State) -> Timex | None:
    """Reads "Jan. 10, 2022", "January 5-7", "3/12/2025"; gives 2022-01-10,
    2022-01-05/2022-01-07, 2025-03-12 (month first, by default, :mod:`.numeric`).

    A holiday (the rule ``holiday`` is of this kind) is read by :func:`holiday`.
    """
    g = m.groups
    if "hol" in g:
        return holiday(m, state)
    written = _written(m, state)
    if written is None:
        return None
    year, month, day = written
    anchor = "absolute"
    if year is None:
        year, anchor = pick_year(state, m, month, day)
        if year is not None and "wd" in g:  # "Fri, Jul 18": a year in which it is a Friday
            year = agreeing_year(year, month, day, weekday_number(state.g, g["wd"]))
        if year is not None and not is_valid_date(year, month, day):
            year = None  # "February 29" in a year without one: the day, of an unknown year
    if "d2" in g:
        day2 = int(DIGITS.search(g["d2"]).group())  # type: ignore[union-attr]
        if day2 <= day or (year is not None and not is_valid_date(year, month, day2)):
            return None
        if year is None:
            return span(
                unresolved(f"XXXX-{month:02d}-{day:02d}"),
                unresolved(f"XXXX-{month:02d}-{day2:02d}"),
            )
        return span(
            placed(Period.day(year, month, day), anchor=anchor),
            placed(Period.day(year, month, day2), anchor=anchor),
        )
    if year is None:
        return unresolved(f"XXXX-{month:02d}-{day:02d}")
    if "hh" in g:
        return placed(
            Period.minute(year, month, day, int(g["hh"]), int(g["mi"])), anchor=anchor, type_="TIME"
        )
    return placed(Period.day(year, month, day), anchor=anchor)


def _written(m: Mention, state: State) -> tuple[int | None, int, int] | None:
    """The year (None if not written), month and day of a date as written; None if it is no
    date ("February 30", "2021-02-29")."""
    g = m.groups
    if "n1" in g:
        return numeric_date(g, state.date_order, state.base_year())
    if "mn" in g:
        month, day = int(g["mn"]), int(g["d"])
    else:
        month = month_number(state, g["m"])
        named_day = day_number(state.g, g["d"])  # "10th", "the twenty-first"
        if named_day is None:
            return None
        day = named_day
    if not is_valid_date(2000, month, day):  # 2000 is a leap year: Feb 29 passes here
        return None
    if "y" not in g and "yw" not in g:
        return None, month, day
    if "yw" in g:  # "May 5, nineteen ninety-one"
        year = year_in_words(state.g, g["yw"])
    else:
        year = year_number(g["y"], base_year=state.base_year())
    if year is None or not is_valid_date(year, month, day):
        return None
    if 1 <= year <= 9999 and "m" in g and "y" in g and g["d"][:1].isdigit():
        # dateparser reads dates with a month's name well: it confirms ours (and refuses
        # impossible ones); a date in numbers is ours to read (which number is the month)
        parsed = _dateparser_ymd(state.text[m.start : m.end], "current_period")
        if parsed is None and "d2" not in g:
            return None
    return year, month, day


def accept_day_of_month(c: Candidate) -> Candidate | None:
    """A day of the month is a time; with a weekday written in lower case or capitals that is a
    common word too, not: "she sat 2nd in line"."""
    weekday = c.groups.get("wd")
    return None if weekday is not None and needs_context(grammar(), weekday) else c


def day_of_month(m: Mention, state: State) -> Timex | None:
    """Reads "on the 14th", "Friday the 13th"; gives 2021-12-14 (in news the last 14th unless
    said ahead), 2022-05-13 (the nearest 13th that is a Friday, :mod:`.agree`).

    In a narrative, the next 14th from the date the text is at.
    """
    d = int(m.groups["d"])
    base, anchor = state.base()
    if base is None or base.grain not in ("day", "week", "month", "hour", "minute"):
        return unresolved(f"XXXX-XX-{d:02d}")
    preferred = state.preferred()
    if "wd" in m.groups:  # "Friday the 13th": the nearest 13th that is a Friday, by the tense
        tense = preferred or (state.tense(m) if anchor == "published" else "future")
        found = agreeing_month(base, d, weekday_number(state.g, m.groups["wd"]), tense)
        if found is None:
            return unresolved(f"XXXX-XX-{d:02d}")
        return placed(Period.day(*found, d), anchor=anchor)
    y, mo, bd = base.ymd()
    step = 0
    if preferred is not None and base.grain != "month":  # prefer= "past", "future", "nearest"
        step = _month_step(preferred, d, base)
    elif anchor == "published":
        # the last such day in the past tense, the next in the future or present ("the vote is
        # on the 15th"), else the nearer of the two ("the board meets on the 15th")
        tense = state.tense(m)
        step = _month_step(_TENSE_DIRECTION.get(tense or "", "nearest"), d, base)
    elif base.grain != "month" and d < bd:
        step = 1  # a narrative moves forward: "On 20 May ... on the 2nd" is June 2
    y, mo = add_months(y, mo, step)
    if not is_valid_date(y, mo, d):
        return unresolved(f"XXXX-XX-{d:02d}")
    return placed(Period.day(y, mo, d), anchor=anchor)


_TENSE_DIRECTION = {"past": "past", "future": "future", "present": "future"}


def _month_step(direction: str, d: int, base: Period) -> int:
    """The month of "the 15th" from the base's (-1, 0 or 1): the last 15th on or before the
    base ("past"), the next on or after it ("future"), or the nearest ("nearest")."""
    y, mo, bd = base.ymd()
    if direction == "past":
        return -1 if d > bd else 0
    if direction == "future":
        return 1 if d < bd else 0
    near = [
        (abs((Period.day(*add_months(y, mo, k), d).start - base.start).astype(int)), k)
        for k in (0, -1, 1)
        if is_valid_date(*add_months(y, mo, k), d)
    ]
    return min(near)[1] if near else 0


KINDS = (
    Kind("date", date, accept_date),
    Kind("day_of_month", day_of_month, accept_day_of_month),
)
