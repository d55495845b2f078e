"""Edges of the calendar and of the text that once broke extraction (issue 17, rows 2, 6, 10, 12).

Each row here raised or gave a wrong row before; each is a mechanism, not a sentence:
weeks are computed for any year numpy holds (BC ones and year 10000 included), a third of a
season or a quarter is a whole month, spaces other than the plain one are spaces to the rules,
and the scan without RE2 keeps its anchors in compact arrays.
"""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

import timeline
from timeline.calendar import Period
from timeline.detect import _scan
from timeline.grammar import grammar


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("In 490 BC. Last week, the board met.", None, "BC0491-W51"),
        ("The council meets next week.", "9999-12-31", "10000-W01"),
        ("The council met last week.", "0001-01-03", "BC0001-W52"),
        ("The council met last weekend.", "0001-01-03", "BC0001-W52-WE"),
    ],
)
def test_weeks_in_any_year(text: str, published: str | None, expected: str) -> None:
    df = timeline.extract(text, published=published, include="all")
    row = df[df["text"].str.contains("week")].iloc[0]
    assert row["value"] == expected
    assert row["start"] < row["end"]


def test_week_of_agrees_with_the_iso_calendar() -> None:
    import datetime as dt

    day = np.datetime64("1995-01-01")
    for i in range(0, 3000, 5):
        d = day + np.timedelta64(i, "D")
        year, week, _ = dt.date.fromisoformat(str(d)).isocalendar()
        assert Period.week_of(d) == Period.week(year, week)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("early spring", "2022-03-01", "2022-04-01"),
        ("the middle of autumn", "2022-10-01", "2022-11-01"),
        ("late summer", "2022-08-01", "2022-09-01"),
        ("the start of winter", "2021-12-01", "2022-01-01"),
        ("late 2021", "2021-09-01", "2022-01-01"),
        ("the late 1990s", "1996-01-01", "2000-01-01"),
    ],
)
def test_a_third_of_a_period_is_never_empty(text: str, start: str, end: str) -> None:
    df = timeline.extract(text, published="2022-01-10", include="all")
    [row] = df.to_dict("records")
    assert (str(row["start"].date()), str(row["end"].date())) == (start, end)


@pytest.mark.parametrize("space", ["\u00a0", "\u2003", "\u202f", "\u2009", "\u3000"])
def test_other_spaces_are_spaces(space: str) -> None:
    text = f"In{space}2016 protests began, and on{space}March{space}5, 2017 they ended."
    df = timeline.extract(text, published="2022-01-10")
    assert df["value"].tolist() == ["2016", "2017-03-05"]
    assert df["text"].tolist() == ["2016", f"March{space}5, 2017"]  # as written


def test_the_scan_without_re2_keeps_flat_memory() -> None:
    # a megabyte of numbers and no date: the anchors cost a few bytes each, not an object each
    # (before: about 330 MB a megabyte)
    text = "1 2 3 4 " * 125_000
    tracemalloc.start()
    try:
        found = list(_scan(grammar(), text))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert found == []
    assert peak < 20 * len(text), f"{peak / 1e6:.1f} MB for a {len(text) / 1e6:.0f} MB text"
