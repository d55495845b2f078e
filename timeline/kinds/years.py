"""Years and longer: "2016", "490 BC", "fiscal 1998", "2011-13", "the 1990s", "the 19th century",
"nineteen ninety-six".

A bare four-digit number is a year only where its context reads as one ("in 2016", "the
company's 1989 results"), not a count ("2000 people") or a name ("Windows 2000").
"""

from __future__ import annotations

import re

from timeline.calendar import Period
from timeline.grammar import fold, grammar
from timeline.kinds.base import (
    PREV_WORD,
    WINDOW,
    Candidate,
    Kind,
    State,
    is_function_word,
    next_word,
    placed,
    span,
)
from timeline.kinds.numbers import words_value, year_in_words
from timeline.kinds.numeric import reads_as_month
from timeline.kinds.values import mod_of, two_digit_year, year_number
from timeline.records import Mention, Timex

__all__ = ["KINDS"]


def accept_year(c: Candidate) -> Candidate | None:
    """A bare year of the rule ``year`` only where its context reads as a year."""
    if c.rule == "year" and "y" in c.groups and not _reads_as_year(c):
        return None
    return c


def _reads_as_year(c: Candidate) -> bool:
    """Whether a bare four-digit number reads as a year in its context."""
    g, text, m = grammar(), c.text, c.match
    anchor_words = bool(m.group("mod") or m.group("mid") or m.group("era"))
    y_start, y_end = m.span("y")
    prev = PREV_WORD.search(text[max(0, y_start - WINDOW) : y_start])
    prev_word = fold(prev.group(1)) if prev else ""
    after = next_word(text, y_end)
    counts = g.words["count_after"]
    if after and (counts.get(fold(after)) or counts.get(fold(after.split("-")[0]))):
        return False
    if text[y_end : y_end + 5].lower() in ("-year", "-old-"):
        return False
    if prev and prev.group(1)[:1].isupper() and g.words["not_year_before"].get(prev_word):
        return False
    friendly = (
        anchor_words
        or bool(g.words["year_friendly"].get(prev_word))
        or prev_word.endswith("'s")  # "the company's 1989 results"
    )
    if friendly:
        return True
    # A lower-case content word after a bare number makes it a count: "2000 people".
    return not (after and after[0].islower() and len(after) > 3 and not is_function_word(after))


def year(m: Mention, state: State) -> Timex | None:
    """Reads "2016", "early 2014", "490 BC"; gives 2016, 2014 (START), BC0490."""
    raw = m.groups.get("y") or m.groups.get("yn") or m.groups.get("yn2")
    if raw is None:
        return None
    era = m.groups.get("era") or m.groups.get("era2") or m.groups.get("era3") or ""
    number = year_number(f"{raw} {era}", base_year=state.base_year())
    if number is None:
        return None
    return placed(Period.year(number), mod=mod_of(m, state))


def year_range(m: Mention, state: State) -> Timex | None:
    """Reads "2011-13", "2000–2020", "2024-10", "264 to 241 BC"; gives 2011/2013, 2000/2020,
    2024-10 (a month, :func:`timeline.kinds.numeric.reads_as_month`), BC0264/BC0241."""
    if "era" in m.groups:  # "264 to 241 BC"
        return _bc_range(int(m.groups["y"]), int(m.groups["y2"]))
    y1 = int(m.groups["y"])
    raw2 = m.groups["y2"]
    if reads_as_month(m.groups["y"], m.groups.get("sep", "-"), raw2):
        return placed(Period.month(y1, int(raw2)))
    y2 = int(raw2) if len(raw2) == 4 else y1 - y1 % 100 + int(raw2)
    if len(raw2) == 2 and y2 <= y1:
        y2 += 100  # "1999-00"
    if not y1 < y2 <= y1 + (200 if len(raw2) == 4 else 1 if y2 // 100 > y1 // 100 else 99):
        return None  # "1998-1990", "2024-20" are no ranges
    return span(placed(Period.year(y1)), placed(Period.year(y2)))


def _bc_range(y1: int, y2: int) -> Timex | None:
    """The years ``y1`` to ``y2`` before Christ, counted down: 264 to 241 BC."""
    if not 0 < y2 < y1 <= y2 + 200:
        return None
    return span(placed(Period.year(1 - y1)), placed(Period.year(1 - y2)))


def decade(m: Mention, state: State) -> Timex | None:
    """Reads "the 1990s", "the late '80s", "the nineties", "the 1800s"; gives 199, 198 (END), 18."""
    g = m.groups
    if "dec" in g:
        first = int(g["dec"])
    else:  # "the '90s", "the nineties": the decade nearest before the base year
        base_year = state.base_year()
        yy = int(g["dec2"]) if "dec2" in g else int(state.g.lookup("decade_word", g["decw"]))
        first = two_digit_year(yy, base_year - 5 if base_year is not None else None)
    if first % 100 == 0 and "dec" in g and "mod" not in g and "mid" not in g:
        # "the 1800s" names a century
        return placed(Period.century(first // 100))
    return placed(Period.decade(first // 10), mod=mod_of(m, state))


def century(m: Mention, state: State) -> Timex | None:
    """Reads "the 19th century", "the fifth century BC"; gives 18, BC04."""
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
        return placed(period, mod=mod_of(m, state))
    return placed(Period.century(n - 1), mod=mod_of(m, state))


_ADJECTIVE_CENTURY = re.compile(r"[Tt]he (?=\S+[-–]centur)")


def accept_century(c: Candidate) -> Candidate | None:
    """A century is always a time; "the 18th-century fortress" leaves "the" to the noun."""
    if _ADJECTIVE_CENTURY.match(c.text, c.start, c.end):
        return c.starting_at(c.text.index(" ", c.start, c.end) + 1)
    return c


def accept_year_words(c: Candidate) -> Candidate | None:
    """A year in words is a time unless a count noun follows it: "two thousand and five people"."""
    after = next_word(c.text, c.end)
    plural = after[:1].islower() and len(after) > 3 and after.endswith("s")
    counted = after.lower() in grammar().words["count_after"]
    return None if counted or (plural and not is_function_word(after)) else c


def year_words(m: Mention, state: State) -> Timex | None:
    """Reads "nineteen ninety-six", "two thousand and five", "the year two thousand"; gives
    1996, 2005, 2000."""
    g = m.groups
    if "k" in g:
        number = 2000 + (words_value(state.g, g["lo2"]) or 0 if "lo2" in g else 0)
    else:
        read = year_in_words(state.g, g["yw"])
        if read is None:
            return None
        number = read
    return placed(Period.year(number))


KINDS = (
    Kind("year", year, accept_year),
    Kind("year_range", year_range),
    Kind("decade", decade),
    Kind("century", century, accept_century),
    Kind("year_words", year_words, accept_year_words),
)
