"""The TimeML layer, table-driven: tests/data/timexes_en.tsv (text → the TIMEX3 of timexes())."""

from __future__ import annotations

import csv
from itertools import groupby

import pytest
from frames import timex_rows
from paths import DATA

import timeline


def _cases() -> list[tuple[str, list[dict[str, str]]]]:
    with open(DATA / "timexes_en.tsv", encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(text, list(group)) for text, group in groupby(rows, key=lambda r: r["text"])]


CASES = _cases()


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_timexes(text: str, expected: list[dict[str, str]]) -> None:
    tx = timeline.timexes(text, published="2022-01-10")
    got = [(r.text, r.type, r.value) for r in timex_rows(tx)]
    assert got == [(e["expression"], e["type"], e["value"]) for e in expected]
    for r in timex_rows(tx):
        assert text[r.char_start : r.char_end] == r.text
