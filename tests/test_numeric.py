"""Dates in numbers and the date_order setting: tests/data/numeric_en.tsv, the option's checks."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from frames import timex_rows
from paths import DATA

import timeline
from timeline.cli import main
from timeline.kinds.numeric import check_date_order


def _rows() -> list[dict[str, str]]:
    with open(DATA / "numeric_en.tsv", encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _rows()


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['text']} {r['date_order']}" for r in ROWS])
def test_date_order(row: dict[str, str]) -> None:
    order = check_date_order(row["date_order"] or None)  # the table's column, typed
    for frame in (
        timeline.timexes(row["text"], published="2022-01-10", date_order=order),
        timeline.extract(row["text"], published="2022-01-10", date_order=order),
    ):
        assert [(r.text, r.value) for r in timex_rows(frame)] == [(row["expression"], row["value"])]


def test_corpus_functions_take_the_date_order() -> None:
    docs = ["Signed 3/12/2025.", "Signed 4/11/2025."]
    df = timeline.extract_corpus(docs, published="2022-01-10", date_order="DMY")
    assert df["value"].tolist() == ["2025-11-04", "2025-12-03"]
    # lower case is accepted at run time, where the type names only the upper-case spellings
    batches = timeline.iter_corpus(docs, published="2022-01-10", date_order="dmy", batch_size=1)  # type: ignore[arg-type]
    assert [b["value"].tolist() for b in batches] == [["2025-12-03"], ["2025-11-04"]]


@pytest.mark.parametrize("bad", ["DM", "day first", 1, True])
def test_a_bad_date_order_is_refused(bad: object) -> None:
    message = "date_order must be None, 'MDY', 'DMY' or 'YMD'"
    # wrong types on purpose (mypy would refuse them): the run-time check is the test
    with pytest.raises(ValueError, match=message):
        timeline.extract("In 2016.", date_order=bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=message):
        timeline.timexes("In 2016.", date_order=bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=message):
        timeline.extract_corpus(["In 2016."], date_order=bad)  # type: ignore[call-overload]


def test_the_command_line_takes_the_date_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Signed 3/12/2025.", encoding="utf-8")
    args = [str(path), "--published", "2022-01-10", "--date-order", "dmy", "--format", "csv"]
    assert main(args) == 0
    assert ",2025-12-03," in capsys.readouterr().out
