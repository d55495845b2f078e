"""Known failures, kept visible: tests/data/known_failures_en.tsv, each xfail(strict=True)."""

from __future__ import annotations

import csv

import pytest
from paths import DATA

import timeline


def _rows() -> list[dict[str, str]]:
    with open(DATA / "known_failures_en.tsv", encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _rows()


@pytest.mark.parametrize(
    "row",
    [pytest.param(r, marks=pytest.mark.xfail(strict=True, reason=r["why"])) for r in ROWS],
    ids=[r["expression"] for r in ROWS],
)
def test_known_failure(row: dict[str, str]) -> None:
    df = timeline.timexes(row["text"], published="2022-01-10")
    found = {(t.text, t.type, t.value) for t in df.itertuples()}
    assert (row["expression"], row["type"], row["value"]) in found


def test_the_table_is_not_empty() -> None:
    assert len(ROWS) >= 5
