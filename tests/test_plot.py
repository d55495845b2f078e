"""timeline.plot and timeline.plot_interactive: labels that never overlap, BC dates, options."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from frames import timeline_of
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.patches import Rectangle
from matplotlib.transforms import Bbox

import timeline
from timeline.frame import COLUMNS
from timeline.plot import fractional_years, time_ticks
from timeline.plot.interactive import MAX_HEIGHT, MIN_MARKER_PX
from timeline.plot.static import MIN_MARKER_PT
from timeline.plot.when import when_text

if TYPE_CHECKING:
    import plotly.graph_objects as go

DAY = np.timedelta64(86_400, "s")


def frame(rows: Sequence[Mapping[str, object]]) -> pd.DataFrame:
    """A timeline frame with every column of timeline.COLUMNS, from a few fields per row."""
    default = {"char_start": 0, "char_end": 0}
    columns = {}
    for name, dtype in COLUMNS.items():
        values = [r.get(name, default.get(name)) for r in rows]
        if dtype.startswith("datetime"):
            nat = np.datetime64("NaT", "s")
            columns[name] = pd.Series(
                np.array([nat if v is None else v for v in values], dtype="datetime64[s]")
            )
        else:
            columns[name] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(columns)


def synthetic(n: int, *, seed: int = 7, docs: int = 3) -> pd.DataFrame:
    """``n`` events over 1990-2020: days, months, years and ranges, with labels of all lengths."""
    rng = np.random.default_rng(seed)
    words = ["protests", "talks", "election", "summit", "crisis", "treaty", "launch", "war"]
    rows = []
    for i in range(n):
        start = np.datetime64("1990-01-01", "s") + int(rng.integers(0, 30 * 365)) * DAY
        kind = ["day", "month", "year", "range"][int(rng.integers(0, 4))]
        length = {"day": 1, "month": 30, "year": 365, "range": int(rng.integers(2, 8)) * 365}
        rows.append(
            {
                "doc_id": f"doc{int(rng.integers(0, docs))}",
                "text": f"date {i}",
                "event": " ".join(rng.choice(words, int(rng.integers(1, 9)))),
                "start": start,
                "end": start + length[kind] * DAY,
                "granularity": "day" if kind == "day" else "month" if kind == "month" else "year",
            }
        )
    return frame(rows)


def figure_of(ax: Axes) -> Figure:
    """The figure ``ax`` is drawn on (a Figure, never a SubFigure, in these tests)."""
    figure = ax.figure
    assert isinstance(figure, Figure), figure
    return figure


def renderer_of(ax: Axes) -> RendererAgg:
    """The renderer of the figure of ``ax`` (this module draws with Agg)."""
    canvas = figure_of(ax).canvas
    assert isinstance(canvas, FigureCanvasAgg), canvas
    return canvas.get_renderer()


def bars_of(ax: Axes) -> list[Rectangle]:
    """The patches of ``ax``: every one a bar (a Rectangle)."""
    assert all(isinstance(p, Rectangle) for p in ax.patches), ax.patches
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def markers_of(ax: Axes) -> dict[str | None, PathCollection]:
    """The collections of ``ax`` by their gid: every one a set of markers (a PathCollection)."""
    assert all(isinstance(c, PathCollection) for c in ax.collections), ax.collections
    return {c.get_gid(): c for c in ax.collections if isinstance(c, PathCollection)}


def legend_of(ax: Axes) -> Legend:
    """The legend drawn on ``ax`` itself (not on its figure)."""
    legend = ax.get_legend()
    assert legend is not None
    return legend


def label_boxes(ax: Axes) -> list[Bbox]:
    ax.figure.canvas.draw()
    renderer = renderer_of(ax)
    return [t.get_window_extent(renderer) for t in ax.texts if t.get_gid() == "timeline-label"]


def overlaps(a: Bbox, b: Bbox) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def count_overlaps(boxes: list[Bbox]) -> int:
    return sum(overlaps(a, b) for a, b in combinations(boxes, 2))


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def test_200_labels_never_overlap_and_stay_inside_the_axes() -> None:
    df = synthetic(200)
    ax = timeline.plot(df)
    boxes = label_boxes(ax)
    assert len(boxes) == 200
    assert count_overlaps(boxes) == 0
    area = ax.get_window_extent()
    for box in boxes:  # not clipped: inside the axes, hence inside the figure
        assert area.x0 - 1 <= box.x0 and box.x1 <= area.x1 + 1
        assert area.y0 - 1 <= box.y0 and box.y1 <= area.y1 + 1


def test_labels_do_not_overlap_bars_or_dots_of_other_lanes() -> None:
    df = synthetic(60, seed=3)
    ax = timeline.plot(df)
    boxes = label_boxes(ax)
    renderer = renderer_of(ax)
    bars = [p.get_window_extent(renderer) for p in ax.patches]
    labels = [t for t in ax.texts if t.get_gid() == "timeline-label"]
    lanes = [t.get_position()[1] for t in labels]
    for box, lane in zip(boxes, lanes, strict=True):
        for bar, patch in zip(bars, bars_of(ax), strict=True):
            bar_lane = patch.get_y() + patch.get_height() / 2
            if abs(bar_lane - lane) > 1e-6:
                assert not overlaps(box, bar)


def test_a_figure_made_for_many_events_is_taller() -> None:
    few = figure_of(timeline.plot(synthetic(5))).get_size_inches()[1]
    many = figure_of(timeline.plot(synthetic(200))).get_size_inches()[1]
    assert many > 3 * few


def test_labels_fit_on_given_small_axes_by_shrinking_the_font_and_packing_lanes() -> None:
    _fig, ax = plt.subplots(figsize=(8, 4))
    returned = timeline.plot(synthetic(50, seed=11), ax=ax)
    assert returned is ax
    assert count_overlaps(label_boxes(ax)) == 0
    assert float(ax.texts[0].get_fontsize()) < 9


def test_five_events_get_one_lane_each_in_time_order() -> None:
    df = synthetic(5)
    ax = timeline.plot(df)
    labels = [t for t in ax.texts if t.get_gid() == "timeline-label"]
    assert len({t.get_position()[1] for t in labels}) == 5
    assert count_overlaps(label_boxes(ax)) == 0


def reading_order(ax: Axes) -> list[str]:
    """The labels as a reader reads them: top to bottom, then left to right."""
    ax.figure.canvas.draw()
    renderer = renderer_of(ax)
    labels = [t for t in ax.texts if t.get_gid() == "timeline-label"]
    boxes = [t.get_window_extent(renderer) for t in labels]
    order = sorted(range(len(labels)), key=lambda i: (-round(boxes[i].y1), boxes[i].x0))
    return [labels[i].get_text().replace("\n", " ") for i in order]


@pytest.mark.parametrize("compact", [True, False])
def test_rows_read_top_to_bottom_in_time_order_and_labels_are_never_cut(compact: bool) -> None:
    df = synthetic(200, seed=5)
    df["event"] = [f"{e} number {i}" for i, e in enumerate(df["event"])]  # each label its own
    df = df.sample(frac=1, random_state=1)  # any row order in
    ax = timeline.plot(df, compact=compact)
    expected = {}
    for row in df.itertuples():
        expected[f"{when_text(row.start, row.end)} · {row.event}"] = (row.start, row.end)
    read = reading_order(ax)
    assert sorted(read) == sorted(expected)  # every label whole: date and event, no "…"
    times = [expected[label] for label in read]
    assert times == sorted(times)
    assert count_overlaps(label_boxes(ax)) == 0


def test_490_bc_to_2022_draws_with_a_bc_tick_label() -> None:
    df = frame(
        [
            {"text": "490 BC", "event": "the battle of Marathon", "start": "-0489-01-01",
             "end": "-0488-01-01", "granularity": "year"},
            {"text": "1066", "event": "the Normans invaded England", "start": "1066-01-01",
             "end": "1067-01-01", "granularity": "year"},
            {"text": "January 10", "event": "security talks", "start": "2022-01-10",
             "end": "2022-01-11", "granularity": "day"},
        ]
    )  # fmt: skip
    ax = timeline.plot(df)
    ax.figure.canvas.draw()
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert any(t.endswith(" BC") for t in ticks), ticks
    assert any(t.isdigit() and int(t) >= 1000 for t in ticks), ticks
    lo, hi = ax.get_xlim()
    assert lo < -489 and hi > 2022
    assert count_overlaps(label_boxes(ax)) == 0


def test_a_year_is_a_bar_over_the_year_and_a_day_is_a_dot() -> None:
    df = frame(
        [
            {"text": "2011", "start": "2011-01-01", "end": "2012-01-01", "granularity": "year"},
            {"text": "2016", "start": "2016-01-01", "end": "2017-01-01", "granularity": "year"},
            {"text": "Thursday", "start": "2022-01-06", "end": "2022-01-07",
             "granularity": "day"},
        ]
    )  # fmt: skip
    ax = timeline.plot(df)
    widths = sorted(round(p.get_width(), 6) for p in bars_of(ax))
    assert widths == [1.0, 1.0]  # a bar spanning each year, in years
    assert [p.get_x() for p in sorted(bars_of(ax), key=lambda p: p.get_x())] == [2011.0, 2016.0]
    dots = np.concatenate([c.get_offsets() for c in ax.collections])
    assert len(dots) == 1
    assert 2022.0 < dots[0][0] < 2022.02


def test_rows_with_nat_are_skipped_and_title_comes_from_the_frame() -> None:
    df = frame(
        [
            {"text": "2011", "start": "2011-01-01", "end": "2012-01-01", "title": "A title"},
            {"text": "Thursday", "title": "A title"},  # not placed: NaT
        ]
    )
    ax = timeline.plot(df)
    assert [t.get_text() for t in ax.texts if t.get_gid() == "timeline-label"] == ["2011"]
    assert ax.get_title(loc="left") == "A title"
    assert timeline.plot(df, title="").get_title(loc="left") == ""


def test_labels_show_the_date_at_its_grain_the_event_and_the_sources() -> None:
    df = frame(
        [
            {"text": "2011-13", "event": "Russian protests", "start": "2011-01-01",
             "end": "2014-01-01"},
            {"text": "2016", "event": "2016", "start": "2016-01-01", "end": "2017-01-01"},
            {"text": "yesterday", "event": "Steve Jobs has died", "start": "2011-10-05",
             "end": "2011-10-06"},
            {"text": "this year", "start": "2010-01-01", "end": "2011-01-01"},
        ]
    )  # fmt: skip
    df["sources"] = [["a", "b", "c"], ["a"], ["a"], ["b"]]
    ax = timeline.plot(df)
    texts = sorted(t.get_text() for t in ax.texts if t.get_gid() == "timeline-label")
    assert texts == [
        "2010 · this year",
        "2011–2013 · Russian protests [3 sources]",
        "2016",
        "5 Oct 2011 · Steve Jobs has died",
    ]


def test_a_label_column_is_used_as_it_is() -> None:
    df = synthetic(3)
    df["label"] = ["first", "second", "third"]
    ax = timeline.plot(df)
    assert {t.get_text() for t in ax.texts if t.get_gid() == "timeline-label"} == set(df["label"])


def test_long_labels_are_wrapped_cut_only_when_asked_and_dollars_are_not_mathtext() -> None:
    event = "from $ 5.8 billion to $ 9 billion " + "and more " * 12
    df = frame([{"text": "2005", "event": event, "start": "2005-01-01", "end": "2006-01-01"}])
    ax = timeline.plot(df, wrap=30)
    (label,) = [t for t in ax.texts if t.get_gid() == "timeline-label"]
    lines = label.get_text().split("\n")
    assert len(lines) > 3 and max(len(x) for x in lines) <= 30
    assert " ".join(lines) == f"2005 · {event.strip()}"
    ax.figure.canvas.draw()  # would raise on unbalanced mathtext
    ax = timeline.plot(df, max_label_chars=40, wrap=100)
    (label,) = [t for t in ax.texts if t.get_gid() == "timeline-label"]
    assert len(label.get_text()) == 40 and label.get_text().endswith("…")


def test_day_events_are_markers_of_a_least_size_at_any_scale() -> None:
    rows = [  # one day and one week in 3,000 years: far thinner than a pixel
        {"text": "490 BC", "start": "-0489-01-01", "end": "-0488-01-01"},
        {"text": "Thursday", "start": "2022-01-06", "end": "2022-01-07"},
        {"text": "that week", "start": "2022-01-10", "end": "2022-01-17"},
    ]
    for ax in (timeline.plot(frame(rows)), timeline.plot(frame(rows), fontsize=3)):
        markers = markers_of(ax)
        assert len(np.asarray(markers["timeline-day"].get_offsets())) == 1
        assert len(np.asarray(markers["timeline-short"].get_offsets())) == 2  # year and week
        for collection in markers.values():
            assert min(collection.get_sizes()) >= (0.85 * MIN_MARKER_PT) ** 2


def test_the_legend_of_many_documents_is_outside_the_plot_with_whole_titles() -> None:
    titles = [
        f"A rather long headline of article number {i} about the same company" for i in range(14)
    ]
    df = synthetic(60, docs=14)
    df["title"] = [titles[int(d[3:])] for d in df["doc_id"]]
    ax = timeline.plot(df, color="title")
    ax.figure.canvas.draw()
    renderer = renderer_of(ax)
    (legend,) = ax.figure.legends
    assert sorted(t.get_text().replace("\n", " ") for t in legend.get_texts()) == sorted(
        set(titles)
    )
    box, plot_area = legend.get_window_extent(renderer), ax.get_window_extent(renderer)
    assert not overlaps(box, plot_area)
    figure = ax.figure.bbox
    assert figure.x0 <= box.x0 and box.x1 <= figure.x1 and figure.y0 <= box.y0
    _fig, own = plt.subplots(figsize=(8, 6))
    timeline.plot(df, ax=own, color="title")
    beside = legend_of(own).get_window_extent(renderer=renderer_of(own))
    assert beside.x0 >= own.get_window_extent().x1  # to the right of given Axes


def test_colour_by_a_column_with_a_legend() -> None:
    df = synthetic(30, docs=3)
    ax = timeline.plot(df, color="doc_id")
    legend = ax.figure.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == ["doc0", "doc1", "doc2"]
    _fig, own = plt.subplots()
    timeline.plot(df, ax=own, color="granularity")
    assert {t.get_text() for t in legend_of(own).get_texts()} == {"day", "month", "year"}


def test_several_documents_are_coloured_by_default_one_document_is_not() -> None:
    assert timeline.plot(synthetic(20, docs=3)).figure.legends
    one = synthetic(20, docs=1)
    ax = timeline.plot(one)
    assert not ax.figure.legends and ax.get_legend() is None


def test_bad_arguments_raise_clear_errors() -> None:
    df = synthetic(3)
    with pytest.raises(ValueError, match="color='nope' is neither a column"):
        timeline.plot(df, color="nope")
    with pytest.raises(ValueError, match="missing: end"):
        timeline.plot(df.drop(columns="end"))
    with pytest.raises(ValueError, match="datetime64 column 'start'"):
        timeline.plot(df.assign(start=df["start"].astype(str)))
    with pytest.raises(TypeError, match="DataFrame"):
        timeline.plot([1, 2])  # type: ignore[arg-type]  # not a DataFrame, on purpose
    with pytest.raises(ValueError, match="max_label_chars"):
        timeline.plot(df, max_label_chars=2)


def test_options_are_keyword_only() -> None:
    _fig, ax = plt.subplots()
    with pytest.raises(TypeError):
        timeline.plot(synthetic(3), ax)  # type: ignore[call-arg]  # positional, on purpose


def test_the_options_of_plot_interactive_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        timeline.plot_interactive(synthetic(3), "doc_id")  # type: ignore[call-arg]  # positional


def test_the_package_keeps_the_names_imported_from_timeline_plot() -> None:
    package = importlib.import_module("timeline.plot")  # the package: the attribute is plot()
    for name in ("REQUIRED", "check_frame", "fractional_years", "plot", "plot_interactive"):
        assert hasattr(package, name), name
    assert timeline.plot is package.plot
    assert timeline.plot_interactive is package.plot_interactive
    assert package.REQUIRED == ("start", "end", "text")


def test_an_empty_frame_draws_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    ax = timeline.plot(timeline.empty_frame())
    assert [t.get_text() for t in ax.texts] == ["no dated events"]


def test_plot_never_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("plt.show() called")

    monkeypatch.setattr(plt, "show", refuse)
    timeline.plot(synthetic(10))


def test_the_bundled_article_draws_every_dated_event(article_path: Path) -> None:
    df = timeline.extract(article_path)
    placed = df.dropna(subset=["start", "end"])
    ax = timeline_of(df).plot()
    labels = [t for t in ax.texts if t.get_gid() == "timeline-label"]
    assert len(labels) == len(placed) > 0
    assert count_overlaps(label_boxes(ax)) == 0
    assert ax.get_title(loc="left").startswith("Kazakhstan")


# --------------------------------------------------------------------------- the time axis


@pytest.mark.parametrize(
    ("lo", "hi", "expected"),
    [
        (-520.0, 2023.0, ["500 BC", "AD 1", "AD 500", "1000", "1500", "2000"]),
        (1990.0, 2023.5, ["1990", "1995", "2000", "2005", "2010", "2015", "2020"]),
        (2021.95, 2022.2, ["2022-01", "2022-02", "2022-03"]),
    ],
)
def test_ticks_are_chosen_by_the_span(lo: float, hi: float, expected: list[str]) -> None:
    assert time_ticks(lo, hi, width_px=500)[1] == expected


def test_ticks_of_days_and_hours() -> None:
    days = time_ticks(2022.0, 2022.02, width_px=800)[1]
    assert days[0] == "2022-01-01" and all(len(d) == 10 for d in days)
    hours = time_ticks(2022.0 + 9 / 365, 2022.0 + 9.5 / 365, width_px=800)[1]
    assert hours and all(h.startswith("2022-01-10 ") for h in hours)
    assert time_ticks(2022.0, 2022.0)[1] == []


def test_fractional_years_use_integer_arithmetic_for_bc_years() -> None:
    t = np.array(["-0489-07-02T12:00", "1066-01-01", "2022-01-10"], dtype="datetime64[s]")
    years = fractional_years(t)
    assert years[0] == pytest.approx(-489 + 182.5 / 365)
    assert years[1] == 1066.0
    assert years[2] == pytest.approx(2022 + 9 / 365)


# --------------------------------------------------------------------------- interactive


def test_plot_interactive_hovers_expression_event_sentence_and_title(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import plotly.graph_objects as go

    monkeypatch.setattr(go.Figure, "show", lambda *a, **k: pytest.fail("show() called"))
    df = frame(
        [
            {"text": "2011-13", "value": "2011/2013", "event": "Russian protests",
             "sentence": "The 2011-13 Russian protests.", "start": "2011-01-01",
             "end": "2014-01-01", "title": "Kazakhstan's crisis", "doc_id": "gt"},
            {"text": "Thursday", "value": "2022-01-06", "event": "he hinted at Russia",
             "sentence": "On Thursday, he hinted at Russia.", "start": "2022-01-06",
             "end": "2022-01-07", "title": "Kazakhstan's crisis", "doc_id": "gt"},
        ]
    )  # fmt: skip
    fig = timeline.plot_interactive(df)
    assert isinstance(fig, go.Figure)
    hovers = [h[0] for trace in fig.data for h in trace.customdata]
    first = next(h for h in hovers if "2011-13" in h)
    for part in ("Russian protests", "The 2011-13 Russian protests.", "Kazakhstan&#x27;s crisis"):
        assert part in first
    assert fig.layout.xaxis.type == "date"
    assert "<b>2011–2013 · Russian protests</b>" in first
    assert list(fig.layout.yaxis.ticktext) == ["2011–2013", "6 Jan 2022"]
    assert fig.layout.title.text == "Kazakhstan's crisis"
    assert any(trace.type == "scatter" for trace in fig.data)  # a dot for the day


def rows_of(fig: go.Figure, kind: str) -> list[tuple[float, str]]:
    """(row, hover) of every bar or marker of a plotly figure."""
    out = []
    for trace in fig.data:
        if trace.type == kind:
            out += [(float(y), h[0]) for y, h in zip(trace.y, trace.customdata, strict=True)]
    return out


def test_plot_interactive_rows_in_time_order_with_whole_labels_in_the_tooltips() -> None:
    df = synthetic(200, seed=4, docs=14).sample(frac=1, random_state=2)
    df["event"] = [f"{e} number {i}" for i, e in enumerate(df["event"])]
    fig = timeline.plot_interactive(df)
    assert fig.layout.yaxis.autorange == "reversed"  # row 0 at the top
    marks = rows_of(fig, "bar") + [
        m for m in rows_of(fig, "scatter") if m not in rows_of(fig, "bar")
    ]
    by_row = {y: hover.replace("<br>", " ") for y, hover in marks}  # long labels wrap
    assert sorted(by_row) == list(range(200))
    for row in df.itertuples():
        label = f"{when_text(row.start, row.end)} · {row.event}"
        assert sum(f"<b>{label}</b>" in h for h in by_row.values()) == 1
    firsts = sorted(df["start"])
    for y, hover in by_row.items():  # each row holds the event of its place in time
        assert hover.split(" · ")[0].removeprefix("<b>") == when_text(
            firsts[int(y)], df.sort_values(["start", "end"])["end"].iloc[int(y)]
        )


def test_plot_interactive_has_a_range_slider_zoom_a_sane_height_and_the_legend_above() -> None:
    titles = [f"A long headline of article {i} that must be read whole" for i in range(14)]
    df = synthetic(200, docs=14)
    df["title"] = [titles[int(d[3:])] for d in df["doc_id"]]
    fig = timeline.plot_interactive(df, color="title")
    assert fig.layout.xaxis.rangeslider.visible and fig.layout.dragmode == "zoom"
    assert fig.layout.yaxis.fixedrange is False  # the slider would lock the y axis
    assert 380 <= fig.layout.height <= MAX_HEIGHT
    assert fig.layout.legend.orientation == "h" and fig.layout.legend.y > 1  # above the plot
    named = {t.name for t in fig.data if t.showlegend is not False}
    assert named == set(titles)
    few = timeline.plot_interactive(synthetic(5))
    assert few.layout.height < MAX_HEIGHT and few.layout.yaxis.showticklabels


def test_plot_interactive_day_events_are_markers_of_a_least_size() -> None:
    df = frame(
        [
            {"text": "490 BC", "start": "-0489-01-01", "end": "-0488-01-01"},
            {"text": "2011", "start": "2011-01-01", "end": "2012-01-01"},
            {"text": "Thursday", "start": "2022-01-06", "end": "2022-01-07"},
            {"text": "that week", "start": "2022-01-10", "end": "2022-01-17"},
        ]
    )
    for fig in (timeline.plot_interactive(df.iloc[1:]), timeline.plot_interactive(df)):  # AD: dates
        markers = [t for t in fig.data if t.type == "scatter"]
        kinds = {t.meta: len(t.x) for t in markers}
        assert kinds["timeline-day"] == 1 and kinds["timeline-short"] >= 1
        assert all(t.marker.size >= MIN_MARKER_PX for t in markers)


def test_plot_interactive_falls_back_to_a_numeric_axis_for_bc_years() -> None:
    df = frame(
        [
            {"text": "490 BC", "start": "-0489-01-01", "end": "-0488-01-01"},
            {"text": "2022", "start": "2022-01-01", "end": "2023-01-01"},
        ]
    )
    fig = timeline_of(df).plot_interactive()
    assert fig.layout.xaxis.type is None  # numeric, not a date axis
    assert any(t.endswith(" BC") for t in fig.layout.xaxis.ticktext)
    bases = sorted(b for trace in fig.data if trace.type == "bar" for b in trace.base)
    assert bases == [-489.0, 2022.0]


def test_plot_interactive_rejects_an_unknown_colour_column() -> None:
    with pytest.raises(ValueError, match="not a column"):
        timeline.plot_interactive(synthetic(3), color="nope")


def test_import_timeline_does_not_import_plotting_libraries() -> None:
    code = (
        "import sys, timeline, pandas as pd; "
        "assert hasattr(pd.DataFrame, 'timeline'); "
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'plotly', 'dask')]; "
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parent)
