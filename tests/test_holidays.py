"""Holidays by name: the grammar's names and the `holidays` package agree."""

from __future__ import annotations

import pytest

from timeline.grammar import grammar
from timeline.kinds.holidays import holiday_day, library_days


def test_every_rule_of_ours_names_a_holiday_of_the_list() -> None:
    g = grammar()
    assert g.words["holiday_rule"].keys() <= g.words["holiday"].keys()


def test_every_holiday_has_a_date_from_the_package_or_from_us() -> None:
    g = grammar()
    known = set().union(*(library_days(year) for year in range(2015, 2026)))
    for name, library_name in g.words["holiday"].items():
        assert library_name in known or name in g.words["holiday_rule"], name


@pytest.mark.parametrize(
    ("name", "year", "day"),
    [
        ("Diwali", 2019, (10, 27)),
        ("memorial day", 2021, (5, 31)),
        ("THANKSGIVING", 2022, (11, 24)),
        ("Passover", 2022, (4, 16)),
        ("Chinese New Year", 2023, (1, 22)),
        ("christmas", 1066, (12, 25)),  # before the package's years: our rule
        ("Easter", 1812, (3, 29)),
        ("Christmas Eve", 2021, (12, 24)),  # a day the package keeps in some years only
        ("Diwali", 1066, None),  # neither knows it
    ],
)
def test_a_holiday_in_a_year(name: str, year: int, day: tuple[int, int] | None) -> None:
    assert holiday_day(grammar(), name, year) == day
