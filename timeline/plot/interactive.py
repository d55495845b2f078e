"""The interactive picture: a plotly figure of a timeline frame, one row per event.

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
from timeline.plot.years import fractional_years
from timeline.schema import REQUIRED, check_frame

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["plot_interactive"]

#: Every trace hovers the text of :func:`hover_texts`, its first custom datum.
_HOVER_TEMPLATE = "%{customdata[0]}<extra></extra>"


def plot_interactive(
    df: pd.DataFrame,
    *,
    color: str | None = None,
    title: str | None = None,
    max_label_chars: int = 60,
    height: int | None = None,
) -> Any:
    """The timeline as an interactive plotly Figure (returned, never shown).

    One row per event, labelled ``expression: event`` on the y axis, in time order; hovering
    shows the expression and its value, the interval, the event, the sentence and the source's
    title. ``start`` and ``end`` go to :func:`plotly.express.timeline` as they are; events of
    a day or less also get a dot, as a day is too thin to see on a long axis.

    Plotly's date axis cannot show years before AD 1 (nor after 9999): when a frame holds such
    dates the axis is numeric instead, in fractional years with labels such as ``490 BC``
    (fixed ticks, which do not follow zooming). Rows with a NaT ``start`` or ``end`` are
    skipped. ``color``, ``title`` and ``max_label_chars`` are as in :func:`plot`; ``height``
    is in pixels (by default it grows with the number of events).

    >>> import numpy as np, pandas as pd
    >>> df = pd.DataFrame({
    ...     "text": ["490 BC", "2022"],
    ...     "start": np.array(["-0489-01-01", "2022-01-01"], dtype="datetime64[s]"),
    ...     "end": np.array(["-0488-01-01", "2023-01-01"], dtype="datetime64[s]"),
    ... })
    >>> fig = plot_interactive(df)
    >>> fig.layout.xaxis.ticktext[0], fig.layout.yaxis.ticktext
    ('500 BC', ('490 BC', '2022'))
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
    point = day_or_less(rows)
    if point.any():
        _add_dots(fig, data, _middles(starts, ends, on_dates)[point], point, colour_of)
    fig.update_yaxes(
        tickvals=data["_row"].tolist(),
        ticktext=data["_label"].tolist(),
        autorange="reversed",
        title=None,
    )
    fig.update_layout(
        title=frame_title(df, title) or None,
        height=height or max(320, 22 * len(rows) + 160),
        showlegend=bool(column),
        legend_title_text=column or "",
        bargap=0.3,
        plot_bgcolor="white",
        xaxis={"gridcolor": "#e5e5e5"},
    )
    return fig


def _plotted_rows(rows: pd.DataFrame, names: list[str] | None, max_chars: int) -> pd.DataFrame:
    """``rows`` with the columns plotly draws from.

    ``_row`` (0, 1, ...), ``_label``, ``_hover`` and ``_colour`` (the category ``names``, or
    ``"event"`` when there is one colour).
    """
    import numpy as np

    data = rows.copy()
    data["_row"] = np.arange(len(rows))
    data["_label"] = event_labels(rows, max_chars)
    data["_hover"] = hover_texts(rows)
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
    fig.update_traces(hovertemplate=_HOVER_TEMPLATE)
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
                customdata=data[["_hover"]][mask].to_numpy(),
                hovertemplate=_HOVER_TEMPLATE,
            )
        )
    lo, hi = float(x0.min()), float(x1.max())
    lo, hi = lo - 0.02 * (hi - lo), hi + 0.02 * (hi - lo)
    ticks, tick_labels = time_ticks(lo, hi, width_px=900)
    fig.update_xaxes(tickvals=ticks, ticktext=tick_labels, range=[lo, hi])
    return fig


def _add_dots(
    fig: Any, data: pd.DataFrame, x: Any, point: np.ndarray, colour_of: dict[str, str]
) -> None:
    """A dot at ``x`` for each event of a day or less (``point``): a day is too thin to see."""
    import plotly.graph_objects as go  # type: ignore[import-untyped]

    fig.add_trace(
        go.Scatter(
            x=x,
            y=data["_row"][point],
            mode="markers",
            marker={"color": [colour_of[n] for n in data["_colour"][point]], "size": 9},
            customdata=data[["_hover"]][point].to_numpy(),
            hovertemplate=_HOVER_TEMPLATE,
            showlegend=False,
        )
    )
