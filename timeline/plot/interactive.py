"""The interactive picture: a plotly figure of a timeline frame, one row per event in time order.

Plotly's date axis shows AD 1 to 9999; a frame with dates outside them is drawn on a numeric
axis of fractional years instead, with the ticks of :mod:`timeline.plot.ticks`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from timeline.extras import require
from timeline.plot.colours import DEFAULT_COLOUR, colour_categories, palette_of
from timeline.plot.hover import hover_texts
from timeline.plot.labels import event_labels, frame_title
from timeline.plot.rows import day_or_less, placed_rows
from timeline.plot.ticks import time_ticks
from timeline.plot.when import when_texts
from timeline.plot.years import fractional_years
from timeline.schema import REQUIRED, check_frame

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["MAX_HEIGHT", "MIN_MARKER_PX", "plot_interactive"]

#: Every trace hovers the text of :func:`hover_texts`, its first custom datum.
_HOVER_TEMPLATE = "%{customdata[0]}<extra></extra>"
#: The tallest figure made by default, in pixels: more events share the height (zoom to read).
MAX_HEIGHT = 900
#: The size of a day's dot, and of the diamond on an event too short to see, in pixels: the
#: same at any zoom.
MIN_MARKER_PX = 9
#: Height of a bar, in rows.
_BAR_ROWS = 0.7
#: Room a row needs for its date on the y axis, in pixels.
_TICK_ROW_PX = 13


def plot_interactive(
    df: pd.DataFrame,
    *,
    color: str | None = None,
    title: str | None = None,
    max_label_chars: int | None = None,
    height: int | None = None,
) -> Any:
    """The timeline as an interactive plotly Figure (returned, never shown).

    One row per event, top to bottom in time order, the y axis giving each row's date at its
    grain (when the rows are tall enough to read it); hovering shows the whole label (date and
    event), the expression and its value, the interval, the sentence and the sources. A range
    slider under the axis and drag-to-zoom (both axes) find any stretch of time. An event of a
    day or less is a dot, and an event too short to see on the whole axis gets a diamond,
    both :data:`MIN_MARKER_PX` pixels at any zoom. The legend of the colours stands above the
    plot, in rows, every name whole.

    Plotly's date axis cannot show years before AD 1 (nor after 9999): when a frame holds such
    dates the axis is numeric instead, in fractional years with labels such as ``490 BC``
    (fixed ticks, which do not follow zooming). Rows with a NaT ``start`` or ``end`` are
    skipped. ``color``, ``title`` and ``max_label_chars`` are as in :func:`plot`; ``height``
    is in pixels (by default it grows with the events, up to :data:`MAX_HEIGHT`).

    >>> import numpy as np, pandas as pd
    >>> df = pd.DataFrame({
    ...     "text": ["490 BC", "2022"],
    ...     "start": np.array(["-0489-01-01", "2022-01-01"], dtype="datetime64[s]"),
    ...     "end": np.array(["-0488-01-01", "2023-01-01"], dtype="datetime64[s]"),
    ... })
    >>> fig = plot_interactive(df)
    >>> fig.layout.xaxis.ticktext[0], fig.layout.yaxis.ticktext
    ('500 BC', ('490 BC', '2022'))
    >>> fig.layout.xaxis.rangeslider.visible, fig.layout.yaxis.fixedrange
    (True, False)
    """
    require("plotly", what="timeline.plot_interactive")
    check_frame(df, REQUIRED, what="timeline.plot_interactive")
    rows = placed_rows(df)
    column, names = colour_categories(rows, color, df)
    if color is not None and column is None:
        raise ValueError(
            f"color={color!r} is not a column of the frame ({', '.join(map(str, df.columns))})"
        )
    data = _plotted_rows(rows, names if column else None, max_label_chars)
    colour_of = (palette_of(names) if column else {}) or {"event": DEFAULT_COLOUR}
    starts, ends = rows["start"].to_numpy(), rows["end"].to_numpy()
    on_dates = _fits_a_date_axis(starts, ends)
    if on_dates:
        fig = _date_axis_figure(data, colour_of, column)
    else:
        fig = _year_axis_figure(data, starts, ends, colour_of)
    _add_markers(fig, data, starts, ends, on_dates, colour_of)
    pixels = height or min(MAX_HEIGHT, max(380, 18 * len(rows) + 220))
    _style(fig, data, pixels, frame_title(df, title), column)
    return fig


def _plotted_rows(
    rows: pd.DataFrame, names: list[str] | None, max_chars: int | None
) -> pd.DataFrame:
    """``rows`` with the columns plotly draws from.

    ``_row`` (0, 1, ...), ``_when`` (the date at its grain), ``_hover`` (with the whole
    label) and ``_colour`` (the category ``names``, or ``"event"`` when there is one colour).
    """
    import numpy as np

    data = rows.copy()
    data["_row"] = np.arange(len(rows))
    data["_when"] = when_texts(rows["start"].to_numpy(), rows["end"].to_numpy())
    data["_hover"] = hover_texts(rows, event_labels(rows, max_chars))
    data["_colour"] = names if names is not None else "event"
    return data


def _fits_a_date_axis(starts: np.ndarray, ends: np.ndarray) -> bool:
    """Whether every date is within plotly's date axis, AD 1 to 9999 (an empty frame is)."""
    import numpy as np

    years = starts.astype("datetime64[Y]").astype(np.int64) + 1970
    end_years = ends.astype("datetime64[Y]").astype(np.int64) + 1970
    return bool(len(starts) == 0 or (years.min() >= 1 and end_years.max() <= 9999))


def _middles(starts: np.ndarray, ends: np.ndarray, on_dates: bool) -> Any:
    """The middle of each event: datetimes on a date axis, else fractional years."""
    if on_dates:
        return starts + (ends - starts) // 2
    return (fractional_years(starts) + fractional_years(ends)) / 2


def _date_axis_figure(data: pd.DataFrame, colour_of: dict[str, str], column: str | None) -> Any:
    """Plotly's timeline of the events: a bar from each start to its end, on a date axis."""
    import plotly.express as px  # type: ignore[import-untyped]

    fig = px.timeline(
        data,
        x_start="start",
        x_end="end",
        y="_row",
        color="_colour",
        color_discrete_map=colour_of,
        custom_data=["_hover"],
        labels={"_colour": column or ""},
    )
    # a bar is one row tall (plotly would make a lone bar of a colour as tall as the gap
    # between its rows)
    fig.update_traces(hovertemplate=_HOVER_TEMPLATE, width=_BAR_ROWS)
    fig.for_each_trace(lambda trace: trace.update(legendgroup=trace.name))
    return fig


def _year_axis_figure(
    data: pd.DataFrame, starts: np.ndarray, ends: np.ndarray, colour_of: dict[str, str]
) -> Any:
    """Bars from each start to its end on a numeric axis of fractional years, with our ticks."""
    import plotly.graph_objects as go  # type: ignore[import-untyped]

    fig = go.Figure()
    x0, x1 = fractional_years(starts), fractional_years(ends)
    for name, colour in colour_of.items():
        mask = (data["_colour"] == name).to_numpy()
        fig.add_trace(
            go.Bar(
                base=x0[mask],
                x=(x1 - x0)[mask],
                y=data["_row"][mask],
                orientation="h",
                name=name,
                marker_color=colour,
                width=_BAR_ROWS,
                customdata=data[["_hover"]][mask].to_numpy(),
                hovertemplate=_HOVER_TEMPLATE,
                legendgroup=name,
            )
        )
    lo, hi = float(x0.min()), float(x1.max())
    lo, hi = lo - 0.02 * (hi - lo), hi + 0.02 * (hi - lo)
    ticks, tick_labels = time_ticks(lo, hi, width_px=900)
    fig.update_xaxes(tickvals=ticks, ticktext=tick_labels, range=[lo, hi])
    return fig


def _add_markers(
    fig: Any,
    data: pd.DataFrame,
    starts: np.ndarray,
    ends: np.ndarray,
    on_dates: bool,
    colour_of: dict[str, str],
) -> None:
    """A dot on each event of a day or less, a diamond on each event too short to see on the
    whole axis (under 1% of it): a marker keeps its size in pixels at any zoom."""
    import plotly.graph_objects as go  # type: ignore[import-untyped]

    point = day_or_less(data)
    x0, x1 = fractional_years(starts), fractional_years(ends)
    span = max(float(x1.max() - x0.min()), 1e-9) if len(data) else 1.0
    short = ~point & ((x1 - x0) < 0.01 * span)
    middles = _middles(starts, ends, on_dates)
    for symbol, mask in (("circle", point), ("diamond", short)):
        for name, colour in colour_of.items():
            chosen = mask & (data["_colour"] == name).to_numpy()
            if not chosen.any():
                continue
            fig.add_trace(
                go.Scatter(
                    x=middles[chosen],
                    y=data["_row"][chosen],
                    mode="markers",
                    marker={
                        "color": colour,
                        "size": MIN_MARKER_PX,
                        "symbol": symbol,
                        "line": {"color": "white", "width": 1},
                    },
                    customdata=data[["_hover"]][chosen].to_numpy(),
                    hovertemplate=_HOVER_TEMPLATE,
                    name=name,
                    legendgroup=name,
                    showlegend=False,
                    meta="timeline-day" if symbol == "circle" else "timeline-short",
                )
            )


def _style(fig: Any, data: pd.DataFrame, height: int, title: str, column: str | None) -> None:
    """Rows top to bottom in time (dates on the y axis when there is room for them), a range
    slider and zoom on both axes, the height, and the legend above the plot."""
    rows = len(data)
    plot_px = height - 220
    fig.update_yaxes(
        tickvals=data["_row"].tolist(),
        ticktext=data["_when"].tolist(),
        showticklabels=rows == 0 or plot_px / rows >= _TICK_ROW_PX,
        autorange="reversed",
        fixedrange=False,  # a range slider would lock it: zoom in on crowded rows too
        title=None,
        gridcolor="#f0f0f0",
    )
    fig.update_xaxes(rangeslider={"visible": True, "thickness": 0.07}, gridcolor="#e5e5e5")
    fig.update_layout(
        title=title or None,
        height=height,
        showlegend=bool(column),
        legend={
            "title": {"text": column or ""},
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.02,
            "xanchor": "left",
            "x": 0,
        },
        dragmode="zoom",
        modebar={"orientation": "v"},  # at the right, clear of the legend above the plot
        plot_bgcolor="white",
        margin={"l": 10, "r": 45, "t": 60 if title else 30, "b": 10},
    )
