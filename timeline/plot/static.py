"""The static picture: a matplotlib figure of a timeline frame, with labels that never overlap.

Each event is a dot (a day or less) or a bar over its interval, in a lane found by
:mod:`timeline.plot.lanes`, on the year axis of :mod:`timeline.plot.ticks`. A figure made here
grows with its lanes; on given Axes the font shrinks until the lanes fit.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from timeline.extras import require
from timeline.plot.colours import faded, row_colours
from timeline.plot.labels import event_labels, frame_title, shortened
from timeline.plot.lanes import LaneLayout, lane_layout
from timeline.plot.measure import renderer_of, text_height_px, text_widths_px
from timeline.plot.rows import day_or_less, placed_rows
from timeline.plot.ticks import use_time_axis
from timeline.plot.years import fractional_years
from timeline.schema import REQUIRED, check_frame

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["plot"]

#: Left and right margin of a figure made here, in inches.
_MARGIN_IN = 0.3


def plot(
    df: pd.DataFrame,
    *,
    ax: Axes | None = None,
    color: str | None = None,
    title: str | None = None,
    fontsize: float = 9.0,
    width: float = 12.0,
    max_label_chars: int = 60,
    legend: bool = True,
    compact: bool | None = None,
) -> Axes:
    """Draw a timeline frame with matplotlib and return the Axes (never calls ``plt.show()``).

    Each event is a dot (a day or less) or a horizontal bar spanning its interval (a year is a
    bar over the whole year), labelled ``expression: event`` (the ``event`` column; only the
    expression when there is none; ``[n sources]`` for rows of :func:`timeline.merge` with a
    ``count`` above 1). Events and labels are stacked in lanes so that no label overlaps
    another label, bar or dot; an event too short to see at the scale of the axis is drawn as
    a diamond. The x axis is in years, with ticks chosen by the span: ``490 BC``, ``1066``,
    ``2022-01``, ``2022-01-10``. Rows with a NaT ``start`` or ``end`` are skipped.

    Label widths are measured with the figure's renderer, so lanes are laid out for the size of
    the Axes at the time of the call: draw into Axes of their final size (resizing the figure
    afterwards may make labels overlap).

    Parameters
    ----------
    df:
        A frame with the columns ``start``, ``end`` (datetime64) and ``text``.
    ax:
        Axes to draw on. By default a new figure ``width`` inches wide whose height grows with
        the number of lanes. On given Axes the font shrinks (down to 4 points) when the lanes
        would not fit its height.
    color:
        A column to colour by (``"doc_id"``, ``"granularity"``, ``"title"``, ...), with a
        legend, or a matplotlib colour. By default the ``doc_id`` when the frame holds several
        documents, else one colour.
    title:
        The title; by default the ``title`` column when the frame has exactly one. ``""`` for
        none.
    fontsize:
        Label size in points.
    width:
        Width in inches of the figure made when ``ax`` is None.
    max_label_chars:
        Longer labels are shortened with ``…``.
    legend:
        Whether to draw the legend of the colours.
    compact:
        Share lanes between events (as few lanes as the labels allow) or give each event its
        own lane in time order. By default, compact above 30 events.
    """
    require("matplotlib", what="timeline.plot")
    check_frame(df, REQUIRED, what="timeline.plot")
    _check_sizes(fontsize, width, max_label_chars)
    rows = placed_rows(df)
    heading = frame_title(df, title)
    colours, palette = row_colours(rows, color, df)
    figure, ax = _new_figure(width) if ax is None else (None, ax)
    if rows.empty:
        return _note_no_events(ax, heading)
    x0 = fractional_years(rows["start"].to_numpy())
    x1 = fractional_years(rows["end"].to_numpy())
    labels = event_labels(rows, max_label_chars)
    width_px = float(ax.get_window_extent().width)
    compact = len(rows) > 30 if compact is None else compact
    layout, size = _fitted_layout(
        ax, x0, x1, labels, width_px, fontsize, compact=compact, shrink=figure is None
    )
    if figure is not None:
        entries = len(palette) if legend else 0
        _fit_figure_to_lanes(figure, ax, layout.lanes, size, bool(heading), entries, width)
    _draw_events(ax, rows, x0, x1, layout, colours, size)
    _draw_labels(ax, labels, layout, size)
    _style_axes(ax, layout, size)
    _draw_title(ax, heading, size, width_px)
    if legend and palette:
        _draw_legend(ax, palette, size, below_figure_of_width=None if figure is None else width)
    return ax


def _check_sizes(fontsize: float, width: float, max_label_chars: int) -> None:
    """Raise ``ValueError`` for a label limit under 8 characters or a size that is not positive."""
    if max_label_chars < 8:
        raise ValueError(f"max_label_chars must be at least 8, not {max_label_chars}")
    if not fontsize > 0 or not width > 0:
        raise ValueError(f"fontsize and width must be positive, not {fontsize} and {width}")


def _new_figure(width: float) -> tuple[Figure, Axes]:
    """A new figure ``width`` inches wide and its Axes (its height is set once lanes are known)."""
    import matplotlib.pyplot as plt

    figure, ax = plt.subplots(figsize=(width, 3.0))
    ax.set_position((_MARGIN_IN / width, 0.2, 1 - 2 * _MARGIN_IN / width, 0.6))
    return figure, ax


def _note_no_events(ax: Axes, heading: str) -> Axes:
    """``ax`` with the words "no dated events" in its middle, and the title."""
    ax.text(0.5, 0.5, "no dated events", transform=ax.transAxes, ha="center", va="center")
    ax.set_xticks([])
    ax.set_yticks([])
    if heading:
        ax.set_title(heading, loc="left")
    return ax


def _fitted_layout(
    ax: Axes,
    x0: np.ndarray,
    x1: np.ndarray,
    labels: list[str],
    width_px: float,
    fontsize: float,
    *,
    compact: bool,
    shrink: bool,
) -> tuple[LaneLayout, float]:
    """The lanes of the events and the font size of their labels on Axes ``width_px`` wide.

    ``shrink``: the font shrinks from ``fontsize`` (to 4 points at least) until the lanes fit
    the height of the Axes (given Axes); else it stays (the figure made here grows instead).
    """
    renderer = renderer_of(ax.figure)
    dpi = float(ax.figure.dpi)
    size = fontsize
    for _ in range(8):
        widths = text_widths_px(labels, size, renderer, dpi)
        marker_px = size * 0.9 * dpi / 72
        layout = lane_layout(x0, x1, widths, width_px, marker_px=marker_px, compact=compact)
        if not shrink:
            break
        pitch = float(ax.get_window_extent().height) / (layout.lanes + 0.4)
        needed = text_height_px(size, renderer, dpi) * 1.15
        if needed <= pitch or size <= 4:
            break
        size = max(4.0, size * pitch / needed * 0.97)
    return layout, size


def _legend_columns(entries: int, width: float) -> int:
    """Columns of the legend below a figure ``width`` inches wide (0 for no legend)."""
    return max(1, min(entries, int(width // 3.2))) if entries else 0


def _fit_figure_to_lanes(
    figure: Figure,
    ax: Axes,
    lanes: int,
    size: float,
    has_title: bool,
    legend_entries: int,
    width: float,
) -> None:
    """Give a figure made here the height of its lanes, title, ticks and legend.

    With more than 24 lanes the ticks are shown above the Axes as well as below.
    """
    columns = _legend_columns(legend_entries, width)
    legend_rows = math.ceil(legend_entries / columns) if columns else 0
    top_ticks = lanes > 24
    axes_in = max(0.8, size * 2.1 / 72 * (lanes + 0.4))
    top_in = 0.15 + (0.45 if has_title else 0) + (0.3 if top_ticks else 0)
    bottom_in = 0.45 + (0.25 * legend_rows + 0.15 if legend_rows else 0)
    height = top_in + axes_in + bottom_in
    figure.set_size_inches(width, height)
    ax.set_position(
        (_MARGIN_IN / width, bottom_in / height, 1 - 2 * _MARGIN_IN / width, axes_in / height)
    )
    if top_ticks:
        ax.tick_params(axis="x", top=True, labeltop=True)


def _draw_events(
    ax: Axes,
    rows: pd.DataFrame,
    x0: np.ndarray,
    x1: np.ndarray,
    layout: LaneLayout,
    colours: list[str],
    size: float,
) -> None:
    """The events in their lanes: bars, dots and diamonds.

    A light bar over each event longer than a day, a dot for each event of a day or less, and
    a diamond on a bar too short to see at the scale of the axis.
    """
    import numpy as np

    lanes = np.array(layout.lane, dtype=float)
    pointlike = np.array(layout.pointlike)
    point = day_or_less(rows)
    bars = ~point
    colour_array = np.array(colours, dtype=object)
    if bars.any():
        ax.barh(
            lanes[bars],
            (x1 - x0)[bars],
            left=x0[bars],
            height=0.55,
            color=[faded(c) for c in colour_array[bars]],
            edgecolor=list(colour_array[bars]),
            linewidth=0.8,
            zorder=2,
        )
    marker_pt = size * 0.9
    centre = (x0 + x1) / 2
    for kind, mask in (("o", point), ("D", bars & pointlike)):
        if mask.any():
            ax.scatter(
                centre[mask],
                lanes[mask],
                s=(marker_pt if kind == "o" else marker_pt * 0.8) ** 2,
                marker=kind,
                c=list(colour_array[mask]),
                edgecolors="white",
                linewidths=0.5,
                zorder=3,
            )


def _draw_labels(ax: Axes, labels: list[str], layout: LaneLayout, size: float) -> None:
    """Each label at its anchor in its lane, as plain text: a ``$`` is a dollar, not mathtext."""
    for label, x, y, align in zip(labels, layout.text_x, layout.lane, layout.align, strict=True):
        ax.text(
            x,
            y,
            label,
            ha=align,
            va="center",
            fontsize=size,
            color="#222222",
            parse_math=False,
            gid="timeline-label",
            zorder=4,
        )


def _style_axes(ax: Axes, layout: LaneLayout, size: float) -> None:
    """Limits to the layout, no y axis, a light grid, and the year axis with its ticks."""
    ax.set_xlim(*layout.xlim)
    ax.set_ylim(layout.lanes - 0.3, -0.7)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(axis="x", labelsize=size)
    use_time_axis(ax)


def _draw_title(ax: Axes, heading: str, size: float, width_px: float) -> None:
    """The title above ``ax``, 3 points larger than the labels, shortened to its width.

    An empty ``heading`` draws none.
    """
    if not heading:
        return
    limit = max(10, int(width_px / (0.62 * (size + 3) * float(ax.figure.dpi) / 72)))
    ax.set_title(shortened(heading, limit), loc="left", fontsize=size + 3)


def _draw_legend(
    ax: Axes, palette: dict[str, str], size: float, below_figure_of_width: float | None
) -> None:
    """The legend of the colours: below a figure made here (given its width), else beside ``ax``."""
    from matplotlib.patches import Patch

    handles = [
        Patch(facecolor=faded(c), edgecolor=c, label=shortened(name, 40))
        for name, c in palette.items()
    ]
    if below_figure_of_width is not None:
        ax.figure.legend(
            handles=handles,
            loc="lower center",
            bbox_to_anchor=(0.5, 0.02),
            ncol=_legend_columns(len(palette), below_figure_of_width),
            frameon=False,
            fontsize=size,
        )
    else:
        ax.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            frameon=False,
            fontsize=size,
        )
