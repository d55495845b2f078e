"""The static picture: a matplotlib figure of a timeline frame, rows top to bottom in time.

Each event is a dot (a day or less) or a bar over its interval, in a lane found by
:mod:`timeline.plot.lanes` (lanes read top to bottom in time order), labelled with its date
and event, wrapped and never cut, on the year axis of :mod:`timeline.plot.ticks`. A figure
made here grows with its lanes and its legend; on given Axes the font shrinks until the lanes
fit (and if lanes in time order do not fit even at 4 points, events are packed into the fewest
lanes). Label widths are measured with the figure's renderer, so lanes are laid out for the size
of the Axes at the time of the call: draw into Axes of their final size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.extras import require
from timeline.plot.colours import faded, row_colours
from timeline.plot.labels import event_labels, frame_title, wrapped_lines
from timeline.plot.lanes import LaneLayout, Packing, lane_layout
from timeline.plot.legend import BelowLegend, below_legend, draw_legend
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

__all__ = ["MIN_MARKER_PT", "plot"]

#: Left and right margin of a figure made here, in inches.
_MARGIN_IN = 0.3
#: The smallest marker of an event in points: a day (a dot) or a bar too short to see at the
#: scale of the axis (a diamond) stays this visible however long the timeline.
MIN_MARKER_PT = 6.0
#: Height of a bar, in lines of text.
_BAR_LINES = 0.9


def plot(
    df: pd.DataFrame,
    *,
    ax: Axes | None = None,
    color: str | None = None,
    title: str | None = None,
    fontsize: float = 9.0,
    width: float = 12.0,
    wrap: int = 50,
    max_label_chars: int | None = None,
    legend: bool = True,
    compact: bool | None = None,
) -> Axes:
    """Draw a timeline frame with matplotlib and return the Axes (never calls ``plt.show()``).

    Each event is a dot (a day or less) or a bar over its interval, labelled ``when · event``
    (:mod:`timeline.plot.labels`: the date at its grain, the event phrase, the number of
    sources; a ``label`` column wins), wrapped at ``wrap`` characters and never cut. Rows read
    top to bottom in time order (an event shares a lane only with the events just before it,
    to their right) and no label overlaps another label, bar or dot. A day, or a bar too short
    to see, is a marker of at least :data:`MIN_MARKER_PT` points. The x axis is in years
    (``490 BC``, ``1066``, ``2022-01``). Rows with a NaT ``start`` or ``end`` are skipped.

    Parameters
    ----------
    df:
        A frame with the columns ``start``, ``end`` (datetime64) and ``text``.
    ax:
        Axes to draw on. By default a new figure ``width`` inches wide whose height grows with
        the lanes and the legend. On given Axes the font shrinks (down to 4 points) when the
        lanes would not fit its height, and the legend stands to their right.
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
    wrap:
        Labels are wrapped into lines of at most this many characters.
    max_label_chars:
        If given, longer labels are cut to this many characters, ending in ``…``.
    legend:
        Whether to draw the legend of the colours (below a figure made here, every name whole).
    compact:
        Share lanes where time order allows (default above 30 events), or a lane per event.
    """
    require("matplotlib", what="timeline.plot")
    check_frame(df, REQUIRED, what="timeline.plot")
    _check_sizes(fontsize, width, wrap, max_label_chars)
    rows = placed_rows(df)
    heading = frame_title(df, title)
    colours, palette = row_colours(rows, color, df)
    figure, ax = _new_figure(width) if ax is None else (None, ax)
    if rows.empty:
        return _note_no_events(ax, heading)
    x0 = fractional_years(rows["start"].to_numpy())
    x1 = fractional_years(rows["end"].to_numpy())
    labels = ["\n".join(wrapped_lines(x, wrap)) for x in event_labels(rows, max_label_chars)]
    width_px = float(ax.get_window_extent().width)
    compact = len(rows) > 30 if compact is None else compact
    layout, size = _fitted_layout(
        ax, x0, x1, labels, width_px, fontsize, compact=compact, shrink=figure is None
    )
    below = None
    if figure is not None:
        below = below_legend(figure, list(palette) if legend else [], size, width)
        _fit_figure_to_lanes(figure, ax, layout, size, _title_lines(heading, size, width), below)
    _draw_events(ax, rows, x0, x1, layout, colours, size)
    _draw_labels(ax, labels, layout, size)
    _style_axes(ax, layout, size)
    _draw_title(ax, heading, size, width_px)
    if legend and palette:
        draw_legend(ax, palette, size, below)
    return ax


def _check_sizes(fontsize: float, width: float, wrap: int, max_label_chars: int | None) -> None:
    """Raise ``ValueError`` for a label limit under 8 characters or a size that is not positive."""
    if max_label_chars is not None and max_label_chars < 8:
        raise ValueError(f"max_label_chars must be at least 8, not {max_label_chars}")
    if wrap < 8:
        raise ValueError(f"wrap must be at least 8 characters, not {wrap}")
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


def _marker_pt(size: float) -> float:
    """The size of an event's marker in points for labels of ``size`` points."""
    return max(MIN_MARKER_PT, size * 0.9)


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

    ``shrink`` (given Axes): the font shrinks from ``fontsize`` (to 4 points at least) until
    the lanes fit the height of the Axes, and if lanes in time order do not fit even then,
    the events are packed into the fewest lanes instead; else (a figure made here, which
    grows) the font stays.
    """
    import numpy as np

    renderer = renderer_of(ax.figure)
    dpi = float(ax.figure.dpi)
    split = [label.split("\n") for label in labels]
    lines = np.array([len(x) for x in split], dtype=float)
    firsts = np.cumsum([0, *lines[:-1]]).astype(int)

    def layout_at(size: float, packing: Packing) -> LaneLayout:
        line_widths = text_widths_px([line for x in split for line in x], size, renderer, dpi)
        widths = np.maximum.reduceat(line_widths, firsts)
        marker_px = _marker_pt(size) * dpi / 72
        return lane_layout(
            x0, x1, widths, width_px, marker_px=marker_px, lines=lines, packing=packing
        )

    packings: list[Packing] = ["ordered" if compact else "each", "first-fit"]
    for packing in packings if shrink else packings[:1]:
        size = fontsize
        for _ in range(8):
            layout = layout_at(size, packing)
            pitch = float(ax.get_window_extent().height) / (layout.height + 0.4)
            needed = text_height_px(size, renderer, dpi)
            if not shrink or needed <= pitch:
                return layout, size
            if size <= 4:
                break
            size = max(4.0, size * pitch / needed * 0.97)
    return layout, size


def _title_lines(heading: str, size: float, width: float) -> int:
    """How many lines the title takes on a figure ``width`` inches wide (0 for none)."""
    return len(_wrapped_title(heading, size, width * 72)) if heading else 0


def _wrapped_title(heading: str, size: float, width_pt: float) -> list[str]:
    """The title in lines that fit ``width_pt`` points at 3 points above ``size``."""
    return wrapped_lines(heading, max(10, int(width_pt / (0.6 * (size + 3)))))


def _fit_figure_to_lanes(
    figure: Figure,
    ax: Axes,
    layout: LaneLayout,
    size: float,
    title_lines: int,
    below: BelowLegend,
) -> None:
    """Give a figure made here the height of its lanes, title, ticks and legend.

    With more than 40 lines of lanes the ticks are shown above the Axes as well as below.
    """
    renderer, dpi = renderer_of(figure), float(figure.dpi)
    line_in = text_height_px(size, renderer, dpi) / dpi
    width = float(figure.get_size_inches()[0])
    top_ticks = layout.height > 40
    axes_in = max(0.8, line_in * (layout.height + 0.4))
    top_in = 0.15 + 0.3 * title_lines + (0.15 if title_lines else 0) + (0.3 if top_ticks else 0)
    bottom_in = 0.45 + below.height_in
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
    a diamond on a bar too short to see at the scale of the axis; markers are at least
    :data:`MIN_MARKER_PT` points.
    """
    import numpy as np

    y = np.array(layout.y, dtype=float)
    pointlike = np.array(layout.pointlike)
    point = day_or_less(rows)
    bars = ~point
    colour_array = np.array(colours, dtype=object)
    if bars.any():
        ax.barh(
            y[bars],
            (x1 - x0)[bars],
            left=x0[bars],
            height=_BAR_LINES,
            color=[faded(c) for c in colour_array[bars]],
            edgecolor=list(colour_array[bars]),
            linewidth=0.8,
            zorder=2,
        )
    marker_pt = _marker_pt(size)
    centre = (x0 + x1) / 2
    for kind, mask in (("o", point), ("D", bars & pointlike)):
        if mask.any():
            ax.scatter(
                centre[mask],
                y[mask],
                s=(marker_pt if kind == "o" else marker_pt * 0.85) ** 2,
                marker=kind,
                c=list(colour_array[mask]),
                edgecolors="white",
                linewidths=0.5,
                zorder=3,
                gid="timeline-day" if kind == "o" else "timeline-short",
            )


def _draw_labels(ax: Axes, labels: list[str], layout: LaneLayout, size: float) -> None:
    """Each label at its anchor in its lane, as plain text: a ``$`` is a dollar, not mathtext."""
    for label, x, y, align in zip(labels, layout.text_x, layout.y, layout.align, strict=True):
        ax.text(
            x,
            y,
            label,
            ha=align,
            va="center",
            fontsize=size,
            color="#222222",
            parse_math=False,
            linespacing=1.0,
            multialignment="left",
            gid="timeline-label",
            zorder=4,
        )


def _style_axes(ax: Axes, layout: LaneLayout, size: float) -> None:
    """Limits to the layout, no y axis, a light grid, and the year axis with its ticks."""
    ax.set_xlim(*layout.xlim)
    ax.set_ylim(layout.height + 0.2, -0.2)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(axis="x", labelsize=size)
    use_time_axis(ax)


def _draw_title(ax: Axes, heading: str, size: float, width_px: float) -> None:
    """The title above ``ax``, 3 points larger than the labels, wrapped to its width.

    An empty ``heading`` draws none.
    """
    if not heading:
        return
    width_pt = width_px * 72 / float(ax.figure.dpi)
    lines = _wrapped_title(heading, size, width_pt)
    ax.set_title("\n".join(lines), loc="left", fontsize=size + 3)
