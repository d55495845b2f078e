"""Table-driven tests: tests/data/cases_en.tsv (text → expressions), cases_clock.tsv (a
publication time of day), cases_prefer.tsv (prefer=), cases_narrative.tsv (no publication
date) and negative_en.txt."""

from __future__ import annotations

import csv
from itertools import groupby

import numpy as np
import pandas as pd
import pytest
from frames import frame_rows, timex_rows
from paths import DATA

import timeline
from timeline.kinds.base import Prefer, check_prefer

REFERENCE = "2022-01-10"
CLOCK = "2022-01-10T09:30"  # the same Monday, at half past nine


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _cases(name: str = "cases_en.tsv") -> list[tuple[str, list[dict[str, str]]]]:
    rows = _rows(name)
    return [(text, list(group)) for text, group in groupby(rows, key=lambda r: r["text"])]


def _negatives() -> list[str]:
    lines = (DATA / "negative_en.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def _iso(value: pd.Timestamp | None) -> str:
    if value is None:  # NaT in the frame
        return ""
    text = str(np.datetime64(value, "s"))
    return text[:10] if text.endswith("T00:00:00") else text


CASES = _cases()


NARRATIVE = _cases("cases_narrative.tsv")
CLOCKED = _cases("cases_clock.tsv")
PREFERRED = [
    (text, check_prefer(prefer), list(group))  # the table's prefer=, checked and typed
    for (text, prefer), group in groupby(
        _rows("cases_prefer.tsv"), key=lambda r: (r["text"], r["prefer"])
    )
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_case(text: str, expected: list[dict[str, str]]) -> None:
    _check(text, expected, REFERENCE)


@pytest.mark.parametrize(("text", "expected"), CLOCKED, ids=[c[0][:50] for c in CLOCKED])
def test_clock_case(text: str, expected: list[dict[str, str]]) -> None:
    """Published at a time of day: offsets in hours and minutes count from it."""
    _check(text, expected, CLOCK)


@pytest.mark.parametrize(
    ("text", "prefer", "expected"), PREFERRED, ids=[f"{c[0][:40]} {c[1]}" for c in PREFERRED]
)
def test_prefer_case(text: str, prefer: Prefer, expected: list[dict[str, str]]) -> None:
    """prefer= turns the dates a text leaves open; timexes agree with extract."""
    _check(text, expected, REFERENCE, prefer=prefer)
    tx = timeline.timexes(text, published=REFERENCE, prefer=prefer)
    assert tx["value"].tolist() == [e["value"] for e in expected]


@pytest.mark.parametrize(("text", "expected"), NARRATIVE, ids=[c[0][:50] for c in NARRATIVE])
def test_narrative_case(text: str, expected: list[dict[str, str]]) -> None:
    """Without a publication date: the text's own dates anchor, never the clock."""
    _check(text, expected, None)


def _check(
    text: str, expected: list[dict[str, str]], published: str | None, prefer: Prefer = "tense"
) -> None:
    df = timeline.extract(text, published=published, include="all", prefer=prefer)
    got = [
        {
            "expression": r.text,
            "type": r.type,
            "value": r.value,
            "mod": r.mod,
            "start": _iso(r.start),
            "end": _iso(r.end),
        }
        for r in frame_rows(df.sort_values("char_start"))
    ]
    want = [
        {k: e[k] for k in ("expression", "type", "value", "mod", "start", "end")} for e in expected
    ]
    want.sort(key=lambda e: text.index(e["expression"]))
    assert got == want
    for r in timex_rows(df):
        assert text[r.char_start : r.char_end] == r.text


@pytest.mark.parametrize("text", _negatives())
def test_negative(text: str) -> None:
    df = timeline.extract(text, published=REFERENCE, include="all")
    assert df.empty, df[["text", "type", "value"]].to_dict("records")
