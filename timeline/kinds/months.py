"""Months: "March 2014", "mid-March 2014", "March '98", "June last year", "in March", "last May",
"May to July 2020".

A month named without a year needs a word that shows it is a date ("in March", "early June"):
"May" alone is the modal verb, "the annual March for Life" a name.
"""

from __future__ import annotations

import re

from timeline.calendar import Period
from timeline.grammar import Grammar, fold, grammar
from timeline.kinds.base import Candidate, Kind, State, placed, span, unresolved
from timeline.kinds.names import date_follows, dated_by_word_before, in_list, needs_context
from timeline.kinds.numbers import year_in_words
from timeline.kinds.values import mod_of, month_number, pick_year, year_number
from timeline.records import Mention, Timex

__all__ = ["KINDS"]

_NAMED_AFTER = re.compile(r"[ \t]+(?:for|of|on)[ \t]+(?:the[ \t]+)?[A-Z][a-z]")


def accept_month(c: Candidate) -> Candidate | None:
    """A month is a time unless, alone, it is the verb "May" or part of a name ("March for"),
    or, written in lower case or capitals, "may", "march" or "august" without a year or a word
    that places it ("in may, we met", not "this may be": :mod:`timeline.kinds.names`)."""
    alone = not (c.prep or c.groups.keys() - {"m"})
    if alone and c.groups.get("m") in ("May", "MAY"):
        return None  # "May" alone is the modal verb
    named = c.rule in ("month_alone", "month_anaphoric") and not c.prep
    if named and _NAMED_AFTER.match(c.text, c.end):
        return None  # "the annual March for Life", "the next March for Life": a name
    g = grammar()
    if c.rule == "month_abbr_alone":
        return c if _abbreviation_placed(g, c) else None
    if (
        not c.groups.keys() & {"y", "yy", "yw"}
        and needs_context(g, c.groups["m"])
        and not (dated_by_word_before(g, c) and date_follows(g, c.text, c.end))
    ):
        return None
    return c


def _abbreviation_placed(g: Grammar, c: Candidate) -> bool:
    """Whether a month abbreviated alone is a month: with no day after it, in a list of months
    ("July and Aug."), or placed by the word before it ("in Sept", "by dec"); "jan" and "mar"
    only in lower case or capitals (in Title case a name), with no verb reading after them."""
    word = c.groups["m"]
    ambiguous = fold(word).rstrip(".") in g.ambiguous
    if ambiguous and word.istitle():
        return False  # "Jan and Mar": names
    if c.text[c.end : c.end + 3].lstrip(" \t")[:1].isdigit():
        return False  # "last Oct. 23": the day's, not the month alone
    if in_list("month_any", c.text, c.start, c.end):
        return True
    if not dated_by_word_before(g, c):
        return False
    return not ambiguous or date_follows(g, c.text, c.end)


#: "the following March" is the next March after the base, "the previous April" the last before.
_ANAPHORIC = {
    "following": "next",
    "next": "next",
    "previous": "last",
    "preceding": "last",
    "prior": "last",
}


#: A year named from the text's last date: "October of that year", "of the following year".
_OF_TEXT_YEAR = {
    "that": 0,
    "the same": 0,
    "the following": 1,
    "the next": 1,
    "the previous": -1,
    "the preceding": -1,
    "the prior": -1,
}


def month(m: Mention, state: State) -> Timex | None:
    """Reads "March 2014", "June last year", "he left in March", "the following March", "October
    of that year" (after 2016); gives 2014-03, 2021-06, 2021-03, 2022-03, 2016-10."""
    g = m.groups
    number = month_number(state, g["m"])
    mod = mod_of(m, state)
    deictic = fold(g.get("deictic", ""))
    if deictic in ("early", "late", "mid"):
        mod = str(state.g.lookup("mod_before", deictic))
        deictic = ""
    if "y" in g or "yy" in g or "yw" in g:
        if "yw" in g:  # "January nineteen ninety-seven"
            year = year_in_words(state.g, g["yw"])
        else:
            year = year_number(g.get("y") or g["yy"], base_year=state.base_year())
        if year is None:
            return None
        return placed(Period.month(year, number), mod=mod)
    if "dy" in g:  # "June last year": the month of the year before the base's
        base, anchor = state.base()
        dy = " ".join(fold(g["dy"]).split())
        shift = _OF_TEXT_YEAR.get(dy)
        if shift is not None:  # "October of that year", "of the following year": the text's
            base, anchor = state.anchor, "text"
        else:
            shift = int(state.g.lookup("deictic", dy))
        if base is None:
            return unresolved(f"XXXX-{number:02d}", mod=mod)
        return placed(Period.month(base.ymd()[0] + shift, number), mod=mod, anchor=anchor)
    deictic = _ANAPHORIC.get(fold(g.get("dx", "")), deictic)
    if deictic in ("last", "next", "this"):
        base, anchor = state.base()
        if "dx" in g and state.anchor is not None:  # "the following March": from the text's date
            base, anchor = state.anchor, "text"
        if base is None:
            return unresolved(f"XXXX-{number:02d}", mod=mod)
        by, bm, _ = base.ymd()
        year = {
            "last": by if number < bm else by - 1,
            "next": by if number > bm else by + 1,
            "this": by,
        }[deictic]
        return placed(Period.month(year, number), mod=mod, anchor=anchor)
    year_, anchor = pick_year(state, m, number, None)
    if year_ is None:
        return unresolved(f"XXXX-{number:02d}", mod=mod)
    return placed(Period.month(year_, number), mod=mod, anchor=anchor)


def month_range(m: Mention, state: State) -> Timex | None:
    """Reads "May to July 2020"; gives 2020-05/2020-07."""
    year = int(m.groups["y"])
    a = Period.month(year, month_number(state, m.groups["m"]))
    b = Period.month(year, month_number(state, m.groups["m2"]))
    if b.start <= a.start:
        return None
    return span(placed(a), placed(b))


KINDS = (
    Kind("month", month, accept_month),
    Kind("month_range", month_range, accept_month),
)
