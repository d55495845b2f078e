"""A weekday and its date agree (timeline/kinds/agree.py), whatever prefer= says."""

from __future__ import annotations

import pytest

import timeline
from timeline.kinds.base import Prefer


@pytest.mark.parametrize(
    ("prefer", "value"),
    [("past", "2021-08-13"), ("future", "2022-05-13"), ("nearest", "2022-05-13")],
)
def test_friday_the_13th_is_a_friday_in_the_direction_preferred(prefer: Prefer, value: str) -> None:
    df = timeline.timexes("It falls on Friday the 13th.", published="2022-01-10", prefer=prefer)
    assert df["value"].tolist() == [value]


@pytest.mark.parametrize("prefer", ["tense", "past", "future", "nearest"])
def test_a_yearless_date_takes_a_year_in_which_its_weekday_is_right(prefer: Prefer) -> None:
    df = timeline.timexes("Doors open Fri, Jul 15.", published="2022-01-10", prefer=prefer)
    assert df["value"].tolist() == ["2022-07-15"]
