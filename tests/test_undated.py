"""undated="published": the main events of sentences without a date, dated by the publication
day and flagged in ``dated_by``."""

from __future__ import annotations

import csv

import numpy as np
import pandas as pd
import pytest
from paths import DATA

import timeline

PUBLISHED = "2022-01-10"


def rows() -> list[dict[str, str]]:
    path = DATA / "undated_en.tsv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("row", rows(), ids=lambda r: r["text"][:40])
def test_undated_events(row: dict[str, str]) -> None:
    df = timeline.extract(row["text"], published=PUBLISHED, undated="published")
    undated = df[df["dated_by"] == "published"].sort_values("char_start")
    expected = [e for e in row["events"].split(" | ") if e]
    assert undated["event"].tolist() == expected, row["why"]


def test_an_undated_row_is_flagged_and_placed_on_or_just_before_the_day() -> None:
    text = "Globex shut its plant. On Friday, the union met."
    df = timeline.extract(text, published=PUBLISHED, undated="published", doc_id="d")
    assert df["dated_by"].tolist() == ["expression", "published"]  # Friday is 7 January
    row = df.iloc[1]
    assert row["text"] == ""
    assert row["char_start"] == row["char_end"] == row["event_start"] == 0
    assert text[row["event_start"] : row["event_end"]] == row["event"] == "Globex shut its plant"
    assert (row["type"], row["value"], row["granularity"]) == (
        "DATE",
        "2022-01-09/2022-01-10",
        "day",
    )
    assert row["start"] == np.datetime64("2022-01-09") and row["end"] == np.datetime64("2022-01-11")
    assert row["sentence"] == "Globex shut its plant."


def test_without_the_option_or_a_publication_date_there_are_none() -> None:
    text = "Globex shut its plant."
    assert timeline.extract(text, published=PUBLISHED).empty
    assert timeline.extract(text, undated="published").empty
    dated = timeline.extract("On Friday, the union met.", published=PUBLISHED)
    assert dated["dated_by"].tolist() == ["expression"]


def test_a_time_of_day_keeps_the_day() -> None:
    df = timeline.extract(
        "Globex shut its plant.", published="2022-01-10T23:30", undated="published"
    )
    assert df["value"].tolist() == ["2022-01-09/2022-01-10"]


def test_a_bad_value_is_an_error() -> None:
    with pytest.raises(ValueError, match="undated must be 'skip' or 'published'"):
        timeline.extract("Globex shut its plant.", published=PUBLISHED, undated="yes")  # type: ignore[arg-type]


def test_the_frame_keeps_its_columns_and_dtypes() -> None:
    df = timeline.extract("Globex shut its plant.", published=PUBLISHED, undated="published")
    assert list(df.columns) == list(timeline.COLUMNS)
    assert df["dated_by"].dtype == pd.StringDtype()


def test_corpus_functions_take_the_option_and_give_the_rows_of_extract() -> None:
    texts = ["Globex shut its plant. On Friday, the union met.", "Acme has recalled 40 kettles."]
    one = [
        timeline.extract(t, published=PUBLISHED, undated="published", doc_id=str(i))
        for i, t in enumerate(texts)
    ]
    expected = sorted(tuple(r) for f in one for r in f[["doc_id", "event", "dated_by"]].values)
    for n_jobs in (1, 2):
        df = timeline.extract_corpus(
            texts, published=PUBLISHED, undated="published", n_jobs=n_jobs, chunksize=1
        )
        assert sorted(tuple(r) for r in df[["doc_id", "event", "dated_by"]].values) == expected
    (batch,) = timeline.iter_corpus(texts, published=PUBLISHED, undated="published")
    assert (batch["dated_by"] == "published").sum() == 2
    with pytest.raises(ValueError, match="undated must be"):
        timeline.extract_corpus(texts, undated="always")  # type: ignore[call-overload]
