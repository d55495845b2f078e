"""Amounts of time and recurring times: "three years", "a two-day trip", "at least two more weeks",
"2 1/2 years", "day-long", "decades"; "every week", "each year", "daily", "twice a year".

Not an amount of time: a rate ("four flights a week"), a fraction ("a quarter of its
dealers"), an age ("a 6-year-old"); not a recurring time: the kind of a figure ("its
quarterly dividend") or a growth rate ("20% annually").
"""

from __future__ import annotations

import re

from timeline.grammar import fold, grammar
from timeline.kinds.base import (
    PREV_WORD,
    WINDOW,
    Candidate,
    Kind,
    State,
    article_to_name,
    is_function_word,
    timex,
)
from timeline.kinds.names import in_list, needs_context, weekday_number
from timeline.kinds.values import AMOUNT_MODS, count_value, duration_value
from timeline.records import Mention, Timex

__all__ = ["KINDS"]

_NEXT_ORDER = re.compile(r"[ \t]{1,3}(?:before|after|following|leading|since)\b", re.IGNORECASE)
_BARE_AFTER = ("for", "over", "within", "took", "lasted", "last", "spent", "after", "in")
_FEW = ("several", "few", "a few", "many")


def accept_duration(c: Candidate) -> Candidate | None:
    """An amount of time, not a rate, a fraction or an age; a bare plural ("years") only
    after a word that takes a span ("for years", "in the weeks before")."""
    groups, text, m = c.groups, c.text, c.match
    if "bare" in groups and not _bare_duration_context(text, c.start, c.end):
        return None
    if "n" not in groups:
        return c
    if _rate(text, groups, c.start):
        return None  # "four flights a week", "$1.76 a year": a rate, not a duration
    start = c.start
    if "det" in groups and not text[m.end("n") : m.start("unit")].isspace():
        start = m.start("n")  # "the 14-day waiting period": the article is the noun's
    if (
        fold(groups["unit"]).startswith("quarter")
        and text[c.end : c.end + 4].lower() == " of "
        and fold(groups["n"]) not in _FEW
        and "more" not in groups  # "two consecutive quarters of growth"
    ):
        return None  # "about a quarter of its dealers": a fraction
    if "long" in groups and groups["n"].lower() in ("a", "an"):
        start = m.start("unit")  # "a day-long meeting": the article belongs to the noun
    if groups.get("long", "")[-3:].lower() == "old":
        return None  # "a 6-year-old": an age, not a time ("52 years old": the rule's check)
    c = c if start == c.start else c.starting_at(start)
    return article_to_name(c)  # "the Seven Years War": "Seven Years"


def _rate(text: str, groups: dict[str, str], start: int) -> bool:
    """Whether "a week" follows a quantity, as in "four flights a week", "$2 million a year"."""
    if groups["n"].lower() not in ("a", "an") or groups.keys() & {"mod", "approx", "det"}:
        return False
    prev = PREV_WORD.search(text[max(0, start - WINDOW) : start])
    before = text[max(0, start - 12) : start].rstrip()
    if before[-1:].isdigit() or before[-1:] == "%":
        return True
    if prev is None:
        return False
    word = prev.group(1).lower()
    if is_function_word(word):
        return False
    return word.endswith("s") or bool(grammar().words["count_after"].get(fold(word)))


def _bare_duration_context(text: str, start: int, end: int) -> bool:
    """Whether a bare plural unit is an amount of time: "for years", "the weeks before"."""
    prev = PREV_WORD.search(text[max(0, start - WINDOW) : start])
    word = prev.group(1).lower() if prev else ""
    if word == "the":  # "in the weeks before the shooting"
        return _NEXT_ORDER.match(text, end) is not None
    return word in _BARE_AFTER


def duration(m: Mention, state: State) -> Timex | None:
    """Reads "three years", "two-day", "2 1/2 years", "decades"; gives P3Y, P2D, P2Y6M, PXY."""
    g = m.groups
    if "bare" in g:
        unit = str(state.g.lookup("unit", g["bare"]))
        return timex("DURATION", duration_value(None, unit))
    if "one" in g:  # "day-long", "a night-long vigil"
        one = fold(g["one"])
        unit = "D" if one == "night" else str(state.g.lookup("unit", one))
        return timex("DURATION", duration_value(1, unit))
    unit = str(state.g.lookup("unit", g["unit"]))
    n = count_value(state, g["n"])
    if n is not None and ("half" in g or "half2" in g):
        n += 0.5
    mod = AMOUNT_MODS.get(
        fold(g.get("mod") or g.get("approx") or ""), "APPROX" if "approx" in g else ""
    )
    return timex("DURATION", duration_value(n, unit), mod=mod)


def accept_set(c: Candidate) -> Candidate | None:
    """ "annually" is no recurring time after a growth rate ("sales rise 20% annually"; before
    a figure, "its quarterly dividend", the rule's check says so); "every sun" is a weekday only
    listed with other days or before a mark ("every mon, wed", not "every sun in the sky")."""
    if "adv" in c.groups:
        before = c.text[max(0, c.start - 10) : c.start].rstrip().lower()
        if before.endswith(("%", "percent", "per cent")):
            return None  # "sales rise 20% annually": a growth rate
    rest = c.text[c.end : c.end + 2].lstrip(" \t")
    if (
        needs_context(grammar(), c.groups.get("unit", ""))
        and rest[:1].isalnum()
        and not in_list("weekday_part", c.text, c.start + len(c.groups["every"]), c.end)
    ):
        return None
    return c


def recurring(m: Mention, state: State) -> Timex | None:
    """Reads "every week", "each Monday", "every May", "every night"; gives P1W, XXXX-WXX-1,
    XXXX-05, XXXX-XX-XXTNI (SETs)."""
    g = m.groups
    if "adv" in g:
        return timex("SET", str(state.g.lookup("set_adverb", g["adv"])))
    word = fold(g.get("unit") or g["unit2"])
    if word in state.g.words["part_of_day"]:  # "every night"
        return timex("SET", f"XXXX-XX-XXT{state.g.lookup('part_of_day', word)}")
    if word in state.g.words["weekday"] or word in state.g.words["weekday_abbr"]:  # "every mon"
        return timex("SET", f"XXXX-WXX-{weekday_number(state.g, word)}")
    if word in state.g.words["month"]:
        return timex("SET", f"XXXX-{int(state.g.lookup('month', word)):02d}")
    unit = str(state.g.lookup("unit", word))
    n = count_value(state, g.get("n")) if g.get("n") else 1
    return timex("SET", duration_value(n, unit))


def amounts(m: Mention, state: State) -> Timex | None:
    """Reads "1 week 1 day", "an hour thirty minutes", "a day and 2 hours"; gives P8D, PT1H30M,
    P1DT2H."""
    dates, times = "", ""
    for part in m.parts:
        timex_ = state.resolve(part)
        if timex_ is None:
            return None
        date, _, time = timex_.value.removeprefix("P").partition("T")
        dates, times = dates + date, times + time
    weeks = re.fullmatch(r"([0-9]+)W([0-9]+)D", dates)
    if weeks:  # ISO 8601 writes weeks alone: 1 week 1 day is P8D
        dates = f"{7 * int(weeks.group(1)) + int(weeks.group(2))}D"
    return timex("DURATION", "P" + dates + (f"T{times}" if times else ""))


KINDS = (
    Kind("duration", duration, accept_duration),
    Kind("amounts", amounts),
    Kind("set", recurring, accept_set),
)
