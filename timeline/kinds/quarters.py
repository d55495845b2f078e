"""Quarters, halves and reporting periods: "the third quarter of 2021", "Q3 2021", "the first
half of 2020", "third-quarter", "the quarter", "that quarter", "the 1988 quarter", "last year's
fourth quarter", "the same period last year".

News of company results names the quarter being reported, that of about six weeks before
the publication date; later mentions ("that quarter", "the latest period") take the quarter
named last.
"""

from __future__ import annotations

from timeline.calendar import Period
from timeline.grammar import fold
from timeline.kinds.base import Candidate, Kind, State, placed, unresolved
from timeline.kinds.values import ORDINAL_QUARTER, quarter_of, reported_quarter
from timeline.records import Mention, Timex

__all__ = ["KINDS"]

_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}


def accept_quarter(c: Candidate) -> Candidate | None:
    """A half needs its year ("the second half" of a match is no date); "the third-quarter
    loss" leaves "the" to the noun."""
    groups, m = c.groups, c.match
    if groups.get("qu", "").lower() == "half" and not (
        {"y", "y2", "y3", "ty", "dyq"} & groups.keys()
    ):
        return None  # "the second half" of a match
    if "det" in groups and "qo" in groups and not c.text[m.end("qo") : m.start("qu")].isspace():
        return c.starting_at(m.start("qo"))  # "the third-quarter loss": the article is the noun's
    return c


def quarter(m: Mention, state: State) -> Timex | None:
    """Reads "the third quarter of 2021", "Q3", "the quarter"; gives 2021-Q3, 2021-Q3, 2021-Q4."""
    g = m.groups
    unit = (
        "half"
        if g.get("qu", "").lower() == "half" or g.get("qn", "").upper().startswith("H")
        else "quarter"
    )
    if "that" in g:  # "that quarter": the one named last
        if state.quarter is None:
            return unresolved("XXXX-QX")
        return placed(state.quarter, anchor="text")
    if "per" in g and state.quarter is not None:  # "the latest period" of a quarterly report
        return placed(state.quarter, anchor="text")
    if "qo" not in g and "qn" not in g:
        # "the quarter", "the latest quarter": the quarter being reported, that of ~6 weeks before
        base, anchor = state.base()
        if base is None:
            return unresolved("XXXX-QX")
        return placed(reported_quarter(base), anchor=anchor)
    if "qn" in g:
        n = int(g["qn"][1])
    else:
        n = _ORDINALS.get(g["qo"].lower(), 4 if unit == "quarter" else 2)
    if unit == "half" and n > 2:
        return None
    make = Period.half if unit == "half" else Period.quarter
    explicit = g.get("y") or g.get("y2") or g.get("y3")
    if explicit:
        return placed(make(int(explicit), n))
    base, anchor = state.base()
    if "dyq" in g and base is not None:  # "the first quarter of last year"
        year = base.ymd()[0] + int(state.g.lookup("deictic", g["dyq"]))
        return placed(make(year, n), anchor=anchor)
    if base is None:
        return unresolved(f"XXXX-{'H' if unit == 'half' else 'Q'}{n}")
    by, bm, _ = base.ymd()
    current = (bm - 1) // (6 if unit == "half" else 3) + 1
    # Without a year, a quarter is the latest one of that number that has begun by the base,
    # or the next one of that number where a future cue stands close ("due in the fourth quarter").
    future = anchor == "published" and state.tense(m) == "future"
    year = by if "ty" in g or n <= current or future else by - 1
    return placed(make(year, n), anchor=anchor)


def year_period(m: Mention, state: State) -> Timex | None:
    """Reads "last year's third quarter", "the same month a year ago"; gives 2021-Q3, 2020-12.

    A period without its number is the month or quarter named last ("in December").
    """
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
        # "rose 12% in November compared to the same period last year": that month, a year back
        y, mo, _ = latest.ymd()
        return placed(Period.month(y - 1 if "y" not in g else int(g["y"]), mo), anchor="text")
    ordinal = g.get("qo") or g.get("qo2")
    number = (
        ORDINAL_QUARTER[fold(ordinal)]
        if ordinal
        else quarter_of(state.quarter)
        if state.quarter is not None
        else None
    )
    if year is None:
        return unresolved(f"XXXX-Q{number}" if number else "XXXX")
    if number is None:
        return placed(Period.year(year), anchor=anchor)
    return placed(Period.quarter(year, number), anchor=anchor)


KINDS = (
    Kind("quarter", quarter, accept_quarter),
    Kind("year_period", year_period),
)
