"""The legend of the colours, outside the plot, with every name whole.

Below a figure made by :func:`timeline.plot` the legend takes as many columns as its widest
name allows (names too wide for one column are wrapped, never cut), and the figure grows by its
height; beside given Axes it stands to their right, outside them.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import attrs

from timeline.plot.labels import wrapped_lines
from timeline.plot.measure import renderer_of, text_height_px, text_widths_px

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["BelowLegend", "below_legend", "draw_legend"]

#: Room of a legend entry's patch and the gaps around it, in font sizes.
_HANDLE_EM = 4.0
#: Names beside given Axes are wrapped at this many characters.
_BESIDE_CHARS = 40


@attrs.frozen
class BelowLegend:
    """A legend below the figure: its columns, its (wrapped) names and its height in inches."""

    columns: int
    names: list[str]
    height_in: float


def below_legend(figure: Figure, names: list[str], size: float, width_in: float) -> BelowLegend:
    """The columns and height of a legend of ``names`` below a figure ``width_in`` wide."""
    if not names:
        return BelowLegend(0, [], 0.0)
    renderer, dpi = renderer_of(figure), float(figure.dpi)
    em_px = size * dpi / 72
    room_px = (width_in - 0.6) * dpi
    widest = float(text_widths_px(names, size, renderer, dpi).max())
    columns = max(1, min(len(names), int(room_px // (widest + _HANDLE_EM * em_px))))
    if columns == 1 and widest + _HANDLE_EM * em_px > room_px:
        chars = max(20, int(len(max(names, key=len)) * (room_px - _HANDLE_EM * em_px) / widest))
        names = ["\n".join(wrapped_lines(n, chars)) for n in names]
    rows = math.ceil(len(names) / columns)
    lines = max(n.count("\n") + 1 for n in names)
    line_in = text_height_px(size, renderer, dpi) / dpi
    return BelowLegend(columns, names, rows * (lines * line_in * 1.15 + 0.08) + 0.2)


def draw_legend(ax: Axes, palette: dict[str, str], size: float, below: BelowLegend | None) -> None:
    """The legend of ``palette`` (name → colour): ``below`` the figure, else beside ``ax``."""
    from matplotlib.patches import Patch

    if below is not None:
        names = below.names
    else:
        names = ["\n".join(wrapped_lines(n, _BESIDE_CHARS)) for n in palette]
    handles = [  # the full colour of the dots, which the faded bars echo
        Patch(facecolor=c, edgecolor=c, label=name)
        for name, c in zip(names, palette.values(), strict=True)
    ]
    if below is not None:
        ax.figure.legend(
            handles=handles,
            loc="lower center",
            bbox_to_anchor=(0.5, 0.01),
            ncol=below.columns,
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
