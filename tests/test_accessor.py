"""df.timeline: registration, validation, between, coarsen and the delegating methods."""

from __future__ import annotations

import datetime as dt

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from frames import timeline_of
from matplotlib.figure import Figure

import timeline
from timeline import accessor
from timeline.accessor import TimelineAccessor
from timeline.schema import GRAINS


def frame(*rows: tuple[str, str | None, str | None, str]) -> pd.DataFrame:
    """(text, start, end, granularity) rows; None is NaT."""
    nat = np.datetime64("NaT", "s")

    def seconds(values: list[str | None]) -> np.ndarray:
        return np.array([nat if v is None else v for v in values], dtype="datetime64[s]")

    return pd.DataFrame(
        {
            "text": pd.Series([r[0] for r in rows], dtype="string"),
            "start": seconds([r[1] for r in rows]),
            "end": seconds([r[2] for r in rows]),
            "granularity": pd.Series([r[3] for r in rows], dtype="string"),
        }
    )


@pytest.fixture
def df() -> pd.DataFrame:
    return frame(
        ("490 BC", "-0489-01-01", "-0488-01-01", "year"),
        ("2011-13", "2011-01-01", "2014-01-01", "year"),
        ("the 2010s", "2010-01-01", "2020-01-01", "decade"),
        ("March", "2014-03-01", "2014-04-01", "month"),
        ("Thursday", "2022-01-06", "2022-01-07", "day"),
        ("this morning", "2022-01-10T06:00:00", "2022-01-10T12:00:00", "hour"),
        ("Friday", None, None, "day"),
    )


def test_importing_timeline_registers_the_accessor(df: pd.DataFrame) -> None:
    assert isinstance(df.timeline, TimelineAccessor)
    assert isinstance(timeline.extract("In 2011 it rained.").timeline, TimelineAccessor)


def test_missing_columns_are_named() -> None:
    with pytest.raises(AttributeError, match="missing: end, text"):
        _ = pd.DataFrame({"start": pd.Series([], dtype="datetime64[s]")}).timeline
    assert not hasattr(pd.DataFrame({"a": [1]}), "timeline")


def test_dates_that_are_not_datetime64_are_named(df: pd.DataFrame) -> None:
    as_text = df.assign(start=df["start"].astype(str))
    with pytest.raises(ValueError, match="datetime64 column 'start'"):
        timeline_of(as_text).between("2011", "2012")


def texts(frame: pd.DataFrame) -> list[str]:
    return frame["text"].tolist()


def test_between_keeps_rows_overlapping_a_half_open_interval(df: pd.DataFrame) -> None:
    assert texts(timeline_of(df).between("2014", "2015")) == ["the 2010s", "March"]
    # end is exclusive on both sides: 2011-13 ends at 2014-01-01, March starts at 2014-03-01
    assert texts(timeline_of(df).between("2013-12-31", "2014-01-01")) == ["2011-13", "the 2010s"]
    assert texts(timeline_of(df).between("2014-04-01", "2015")) == ["the 2010s"]
    assert texts(timeline_of(df).between("2022-01-10T11:00", "2022-01-11")) == ["this morning"]


def test_between_takes_open_bounds_bc_years_and_date_objects(df: pd.DataFrame) -> None:
    assert texts(timeline_of(df).between(None, "1 BC")) == ["490 BC"]
    assert texts(timeline_of(df).between("491 BC", "489 BC")) == ["490 BC"]
    assert texts(timeline_of(df).between(2022, None)) == ["Thursday", "this morning"]
    assert texts(timeline_of(df).between(dt.date(2022, 1, 6), dt.datetime(2022, 1, 7))) == [
        "Thursday"
    ]
    assert texts(timeline_of(df).between(pd.Timestamp("2022-01-10"), np.datetime64("2023"))) == [
        "this morning"
    ]
    assert len(timeline_of(df).between()) == 6  # every placed row; NaT rows overlap nothing


def test_between_keeps_the_index(df: pd.DataFrame) -> None:
    assert timeline_of(df).between("2022", None).index.tolist() == [4, 5]


def test_between_rejects_bad_bounds(df: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="start='yesterday' is not a date"):
        timeline_of(df).between("yesterday", None)
    with pytest.raises(ValueError, match="must come before"):
        timeline_of(df).between("2020", "2010")
    with pytest.raises(TypeError, match="end must be a date"):
        timeline_of(df).between(None, 3.5)


def test_coarsen_floors_starts_and_ceils_ends(df: pd.DataFrame) -> None:
    years = timeline_of(df).coarsen("year")
    assert years["start"].astype(str).tolist()[:6] == [
        "-489-01-01",
        "2011-01-01",
        "2010-01-01",
        "2014-01-01",
        "2022-01-01",
        "2022-01-01",
    ]
    assert years["end"].astype(str).tolist()[:6] == [
        "-488-01-01",
        "2014-01-01",
        "2020-01-01",
        "2015-01-01",
        "2023-01-01",
        "2023-01-01",
    ]
    assert years["granularity"].tolist() == [
        "year",
        "year",
        "decade",
        "year",
        "year",
        "year",
        "year",
    ]
    assert years["start"].isna().tolist() == [False] * 6 + [True]
    assert len(years) == len(df)


def test_coarsen_day_month_decade_century(df: pd.DataFrame) -> None:
    day = timeline_of(df).coarsen("day")
    assert (
        str(day["start"][5]) == "2022-01-10 00:00:00"
        and str(day["end"][5]) == "2022-01-11 00:00:00"
    )
    assert day["granularity"][5] == "day" and day["granularity"][3] == "month"
    month = timeline_of(df).coarsen("month")
    assert (
        str(month["start"][4]) == "2022-01-01 00:00:00"
        and str(month["end"][4]) == "2022-02-01 00:00:00"
    )
    decade = timeline_of(df).coarsen("decade")
    assert (
        decade["start"].astype(str)[0] == "-490-01-01"
        and decade["end"].astype(str)[0] == "-480-01-01"
    )
    assert str(decade["end"][1]) == "2020-01-01 00:00:00"
    century = timeline_of(df).coarsen("century")
    assert (
        str(century["start"][1]) == "2000-01-01 00:00:00"
        and str(century["end"][1]) == "2100-01-01 00:00:00"
    )
    assert century["start"].astype(str)[0] == "-500-01-01"
    assert set(century["granularity"].dropna()) == {"century"}


def test_coarsen_returns_a_copy_and_checks_the_grain(df: pd.DataFrame) -> None:
    before = df.copy()
    timeline_of(df).coarsen("decade")
    pd.testing.assert_frame_equal(df, before)
    with pytest.raises(ValueError, match="grain must be one of day, month, year"):
        timeline_of(df).coarsen("week")  # type: ignore[arg-type]  # not a coarse grain


def test_coarsen_ranks_granularities_in_the_one_order_of_grains() -> None:
    df = frame(
        ("a", "2011-05-01", "2011-05-02", "millennium"),
        ("b", "2011-05-01", "2011-05-02", "century"),
        ("c", "2011-05-01", "2011-05-02", "half"),
        ("d", "2011-05-01", "2011-05-02", "second"),
        ("e", "2011-05-01", "2011-05-02", "fortnight"),  # no grain: finer than any
    )
    assert accessor.GRAINS == ("day", "month", "year", "decade", "century")
    assert sorted(accessor.GRAINS, key=GRAINS.index, reverse=True) == list(accessor.GRAINS)
    assert timeline_of(df).coarsen("decade")["granularity"].tolist() == [
        "millennium",
        "century",
        "decade",
        "decade",
        "decade",
    ]
    assert timeline_of(df).coarsen("day")["granularity"].tolist() == [
        "millennium",
        "century",
        "half",
        "day",
        "day",
    ]


def test_the_methods_delegate_to_plot_plot_interactive_and_merge(df: pd.DataFrame) -> None:
    ax = timeline_of(df).plot(title="t")
    assert ax.get_title(loc="left") == "t"
    assert isinstance(ax.figure, Figure)  # not a SubFigure
    plt.close(ax.figure)
    assert timeline_of(df).plot_interactive(title="t").layout.title.text == "t"
    merged = timeline_of(df.assign(doc_id=["a"] * len(df))).merge(similarity=1.0)
    assert {"count", "sources", "mentions"} <= set(merged.columns)
