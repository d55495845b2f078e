"""The public API: arguments, empty input, dtypes, sorting, honesty about time."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import timeline


def test_empty_text_gives_empty_frame_with_all_columns() -> None:
    df = timeline.extract("")
    assert df.empty
    assert list(df.columns) == list(timeline.COLUMNS)
    assert {c: str(t) for c, t in df.dtypes.items()} == {
        c: str(pd.Series(dtype=t).dtype) for c, t in timeline.COLUMNS.items()
    }


@pytest.mark.parametrize("bad", [None, b"In 2016.", 2016, ["In 2016"]])
def test_text_must_be_text(bad: object) -> None:
    with pytest.raises(TypeError, match="text"):
        timeline.extract(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["not a date", "2022-13-45"])
def test_published_must_be_a_date(bad: str) -> None:
    with pytest.raises(ValueError, match="published"):
        timeline.extract("In 2016.", published=bad)


def test_include_is_checked() -> None:
    with pytest.raises(ValueError, match="include"):
        timeline.extract("In 2016.", include="everything")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "published",
    [
        "2022-01-10",
        dt.date(2022, 1, 10),
        dt.datetime(2022, 1, 10, 9, 30),
        pd.Timestamp("2022-01-10"),
        pd.Timestamp("2022-01-10T23:30", tz="America/New_York"),
        "January 10, 2022",
    ],
)
def test_published_forms(published: object) -> None:
    df = timeline.extract("On Thursday, he hinted at Russia.", published=published)
    assert df["value"].tolist() == ["2022-01-06"]


def test_no_publication_date_never_uses_the_clock() -> None:
    df = timeline.extract("He spoke yesterday and will speak tomorrow.", include="all")
    assert df["start"].isna().all()
    assert timeline.extract("He spoke yesterday.").empty


def test_rows_sorted_by_start_end_offset() -> None:
    text = "In 2016 and in March 2016, and between 2010 and 2020, and in 1066."
    df = timeline.extract(text, published="2022-01-10")
    assert df["text"].tolist() == ["1066", "between 2010 and 2020", "2016", "March 2016"]
    keys = list(zip(df["start"], df["end"], df["char_start"], strict=True))
    assert keys == sorted(keys)


def test_bc_and_medieval_dates_use_seconds() -> None:
    df = timeline.extract("Marathon was fought in 490 BC and Hastings in 1066.")
    assert str(df["start"].dtype) == "datetime64[s]"
    assert df["value"].tolist() == ["BC0490", "1066"]
    assert str(df["start"].iloc[0]).startswith("-489")


def test_records_are_frozen() -> None:
    article = timeline.read("In 2016.")
    (event,) = timeline.dated_events(article)
    with pytest.raises(AttributeError):
        event.timex.value = "2017"  # type: ignore[misc]


def test_mojibake_is_repaired_in_plain_text() -> None:
    df = timeline.extract("the 2011â€“13 Russian protests", published="2022-01-10")
    assert df["text"].tolist() == ["2011–13"]
