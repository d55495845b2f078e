"""The public API: arguments, empty input, dtypes, sorting, honesty about time."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import pytest

import timeline
from timeline.pipeline import Include


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "\ufeff", "<p></p>", "&nbsp;"])
@pytest.mark.parametrize("include", ["timeline", "all"])
def test_empty_text_gives_empty_frame_with_all_columns(text: str, include: Include) -> None:
    df = timeline.extract(text, include=include)
    assert df.empty
    assert list(df.columns) == list(timeline.COLUMNS)
    assert {c: str(t) for c, t in df.dtypes.items()} == {
        c: str(pd.Series(dtype=t).dtype) for c, t in timeline.COLUMNS.items()
    }
    tx = timeline.timexes(text)
    assert tx.empty
    assert list(tx.columns) == ["char_start", "char_end", "text", "type", "value", "mod"]


@pytest.mark.parametrize(
    ("bad", "kind"),
    [
        (None, "NoneType"),
        (b"In 2016.", "bytes"),
        (bytearray(b"In 2016."), "bytearray"),
        (2016, "int"),
        (20.16, "float"),
        (["In 2016"], "list"),
    ],
)
def test_text_must_be_text(bad: object, kind: str) -> None:
    # wrong types on purpose (mypy would refuse them): the run-time checks are the test
    for function in (timeline.extract, timeline.timexes, timeline.read):
        with pytest.raises(TypeError, match=rf"^text_or_article must be a str.*not {kind}\b"):
            function(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=rf"^text must be a str, not {kind}\b"):
        timeline.Article.from_text(bad)  # type: ignore[arg-type]


def test_bytes_message_says_to_decode() -> None:
    with pytest.raises(TypeError, match=r"decode bytes first"):
        timeline.extract(b"In 2016.")  # type: ignore[arg-type]  # bytes, on purpose


@pytest.mark.parametrize(
    "bad",
    [
        "not a date",
        "2022-13-45",
        "2022-02-30",
        "February 30, 2022",
        "2022-01",
        "2022",
        "January 2022",
        "yesterday",
        "2022-01-10T25:00",
        "10/01/2022",
        "1.2.2022",
        "2022/13/01",
    ],
)
def test_published_must_be_a_date(bad: str) -> None:
    with pytest.raises(ValueError, match="^" + re.escape(f"published={bad!r} is not a date")):
        timeline.extract("In 2016.", published=bad)
    with pytest.raises(ValueError, match=r"^published="):
        timeline.timexes("In 2016.", published=bad)


def test_day_month_order_is_never_guessed() -> None:
    with pytest.raises(ValueError, match="ambiguous"):
        timeline.parse_published("10/01/2022")


@pytest.mark.parametrize("bad", [20220110, 2022.0, True, ["2022-01-10"], b"2022-01-10"])
def test_published_of_another_type_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match=rf"^published must be a date .* not {type(bad).__name__}$"):
        timeline.extract("In 2016.", published=bad)


def test_published_datetime64_outside_years_1_to_9999() -> None:
    with pytest.raises(ValueError, match="published"):
        timeline.parse_published(np.datetime64("10000-01-01"))


def test_header_date_that_is_not_a_date_is_named() -> None:
    with pytest.raises(ValueError, match=r"^the header's Published Time='soon' is not a date"):
        timeline.extract("Published Time: soon\nText:\nIn 2016.")
    # an explicit published= overrides the header without reading it
    df = timeline.extract("Published Time: soon\nText:\nIn 2016.", published="2022-01-10")
    assert df["value"].tolist() == ["2016"]


@pytest.mark.parametrize("empty", [None, "", "  ", pd.NaT, np.datetime64("NaT")])
def test_no_publication_date(empty: object) -> None:
    assert timeline.parse_published(empty) is None
    df = timeline.extract("On Thursday, he hinted at Russia.", published=empty, include="all")
    assert df["value"].tolist() == ["XXXX-WXX-4"]
    assert df["published"].isna().all()


def test_html_option_is_checked() -> None:
    # wrong types on purpose (mypy would refuse them): the run-time check is the test
    with pytest.raises(ValueError, match=r"^html must be 'auto', True or False, not 'yes'$"):
        timeline.Article.from_text("In 2016.", html="yes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^html must be"):
        timeline.Article.from_text("In 2016.", html=1)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["soon", "Future", None, 1])
def test_prefer_is_checked(bad: object) -> None:
    message = r"^prefer must be 'tense', 'past', 'future' or 'nearest', not "
    # wrong types on purpose (mypy would refuse them): the run-time check is the test
    with pytest.raises(ValueError, match=message):
        timeline.extract("On Friday.", published="2022-01-10", prefer=bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=message):
        timeline.timexes("On Friday.", published="2022-01-10", prefer=bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=message):  # at once, before any document is read
        timeline.extract_corpus(iter(["On Friday."]), prefer=bad)  # type: ignore[call-overload]


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_prefer_reaches_every_document_of_a_corpus(n_jobs: int) -> None:
    texts = [f"Shop {k} opens on Friday." for k in range(3)]
    df = timeline.extract_corpus(texts, published="2022-01-10", prefer="future", n_jobs=n_jobs)
    assert df["value"].tolist() == ["2022-01-14"] * 3
    batches = timeline.iter_corpus(texts, published="2022-01-10", prefer="past", batch_size=2)
    assert [v for b in batches for v in b["value"]] == ["2022-01-07"] * 3


def test_include_is_checked() -> None:
    with pytest.raises(ValueError, match="include"):
        timeline.extract("In 2016.", include="everything")  # type: ignore[arg-type]  # on purpose


@pytest.mark.parametrize(
    ("published", "written"),
    [
        ("2022-01-10", "2022-01-10"),
        (dt.date(2022, 1, 10), "2022-01-10"),
        (dt.datetime(2022, 1, 10, 9, 30), "2022-01-10T09:30"),
        (pd.Timestamp("2022-01-10"), "2022-01-10"),
        (pd.Timestamp("2022-01-10T23:30", tz="America/New_York"), "2022-01-10T23:30"),
        ("January 10, 2022", "2022-01-10"),
        ("10 Jan 2022", "2022-01-10"),
        (" 2022-01-10 ", "2022-01-10"),
        ("2022-01-10T09:30:00", "2022-01-10T09:30"),
        ("2022-01-10T09:30:00.123Z", "2022-01-10T09:30"),
        ("2022-01-10 23:59:59-05:00", "2022-01-10T23:59:59"),
        ("20220110", "2022-01-10"),
        ("2022/01/10", "2022-01-10"),
        ("2022-01-10T00:00:00", "2022-01-10"),  # a midnight without a zone is a date
        ("2022-01-10T00:00:00+01:00", "2022-01-10T00:00"),  # with one, a time of day
        (np.datetime64("2022-01-10"), "2022-01-10"),
        (np.datetime64("2022-01-10T23:59:59", "s"), "2022-01-10T23:59:59"),
        (np.datetime64("2022-01-10T12:00", "ns"), "2022-01-10T12:00"),
        (dt.datetime(2022, 1, 10, 23, 30, tzinfo=ZoneInfo("America/Adak")), "2022-01-10T23:30"),
    ],
)
def test_published_forms(published: object, written: str) -> None:
    df = timeline.extract("On Thursday, he hinted at Russia.", published=published)
    assert df["value"].tolist() == ["2022-01-06"]
    # the publication's time of day is kept as written in its own zone, never converted
    assert df["published"].tolist() == [pd.Timestamp(written)]
    kept = timeline.parse_published(published)
    assert isinstance(kept, dt.datetime) == ("T" in written)


@pytest.mark.parametrize(
    ("published", "date"),
    [
        # 23:30 on January 10 in New York is 04:30 on January 11 in UTC: the article's own
        # calendar date is kept, not the UTC one
        ("2022-01-10T23:30:00-05:00", "2022-01-10"),
        (pd.Timestamp("2022-01-10T23:30", tz="America/New_York"), "2022-01-10"),
        # 00:30 on January 11 in Kiritimati (UTC+14) is 10:30 on January 10 in UTC
        ("2022-01-11T00:30:00+14:00", "2022-01-11"),
        (dt.datetime(2022, 1, 11, 0, 30, tzinfo=ZoneInfo("Pacific/Kiritimati")), "2022-01-11"),
        (pd.Timestamp("2022-01-11T00:30", tz="Pacific/Kiritimati"), "2022-01-11"),
        ("2022-01-10T23:30:00Z", "2022-01-10"),
        (dt.datetime(2022, 1, 10, 23, 30, tzinfo=dt.timezone.utc), "2022-01-10"),
    ],
)
def test_aware_published_keeps_its_own_zone_date(
    published: str | dt.datetime | pd.Timestamp, date: str
) -> None:
    kept = timeline.parse_published(published)
    assert isinstance(kept, dt.datetime)
    assert kept.date() == dt.date.fromisoformat(date)
    assert kept.utcoffset() == pd.Timestamp(published).utcoffset()  # its zone, as an offset
    df = timeline.extract("He arrived yesterday.", published=published)
    assert df["published"].dt.normalize().tolist() == [pd.Timestamp(date)]
    assert df["start"].tolist() == [pd.Timestamp(date) - pd.Timedelta(days=1)]


def test_published_overrides_an_article() -> None:
    article = timeline.read("He arrived yesterday.", published="2022-01-10")
    df = timeline.extract(article, published=np.datetime64("2020-02-01"))
    assert df["value"].tolist() == ["2020-01-31"]


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
        event.timex.value = "2017"  # type: ignore[misc]  # frozen: the point of the test


def test_mojibake_is_repaired_in_plain_text() -> None:
    df = timeline.extract("the 2011â€“13 Russian protests", published="2022-01-10")
    assert df["text"].tolist() == ["2011–13"]


# Impossible calendar dates: never turned into a date (nor into a month or year of their own).
IMPOSSIBLE = [
    "February 30, 2021",
    "30 February 2021",
    "the 30th of February 2021",
    "Feb. 30",
    "February 29, 2021",
    "2021-02-29",
    "2021-13-01",
    "2021-00-10",
    "2021-12-00",
    "2021-02-30",
    "2020/02/30",
    "31/02/2020",
    "02/30/2021",
    "31/04/2020",
    "04/31/2020",
    "13/13/2020",
    "April 31",
    "April 31, 2022",
    "31 April 2020",
    "June 31st",
    "the 31st of April",
    "September 31",
]


@pytest.mark.parametrize("published", ["2022-01-10", None])
@pytest.mark.parametrize("date", IMPOSSIBLE)
def test_impossible_dates_are_not_dates(date: str, published: str | None) -> None:
    for text in (date, f"He said it happened on {date}.", f"On {date}, he left."):
        df = timeline.extract(text, published=published, include="all")
        assert df.empty, df[["text", "value"]].to_dict("records")
        assert timeline.timexes(text, published=published).empty


def test_february_29_only_in_leap_years() -> None:
    df = timeline.extract("It happened on February 29, 2020.", include="all")
    assert df["value"].tolist() == ["2020-02-29"]
    assert timeline.extract("He will leave on February 29.", published="2023-12-10")[
        "value"
    ].tolist() == ["2024-02-29"]
    assert timeline.extract("In 2021 he came. On February 29 he left.")["value"].tolist() == [
        "2021"
    ]
