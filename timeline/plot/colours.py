"""Colours: by a column of the frame (with a legend), one given colour, or one default colour.

By default a frame of several documents is coloured by ``doc_id``. Categories are sorted and
take the eighteen colours of :data:`PALETTE` in turn (the most distinct first).

>>> palette_of(["talks", "election", "talks"])
{'election': '#006fb1', 'talks': '#ff900b'}
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from timeline.plot.labels import plain_text

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DEFAULT_COLOUR",
    "PALETTE",
    "colour_categories",
    "faded",
    "palette_of",
    "row_colours",
]

#: Eighteen colours that readers with normal vision and with any of the three kinds of colour
#: blindness can tell apart: each pair is at least 10 apart in CAM02-UCS in all four visions
#: (the first eight at least 16), chosen by ``benchmarks/palette.py`` (greedy farthest-point
#: selection, lightness and chroma kept where a dot reads on white and a label on a faded bar).
PALETTE = (
    "#006fb1",
    "#ff900b",
    "#6f430b",
    "#00d3ff",
    "#c83764",
    "#9b6f00",
    "#9bc885",
    "#0ba6b1",
    "#9b85ff",
    "#90004e",
    "#9b3785",
    "#c86490",
    "#4300ff",
    "#7aa664",
    "#ff90de",
    "#7a64f4",
    "#376f37",
    "#7a00a6",
)
#: The colour of every event when there is nothing to colour by.
DEFAULT_COLOUR = PALETTE[0]


def colour_categories(
    rows: pd.DataFrame, color: str | None, frame: pd.DataFrame
) -> tuple[str | None, list[str]]:
    """The colour column (None: one colour) and each row's category name."""
    if color is None:
        if "doc_id" in frame.columns and frame["doc_id"].nunique(dropna=False) > 1:
            color = "doc_id"
        else:
            return None, []
    if color not in frame.columns:
        return None, []
    return color, [plain_text(v) or "(none)" for v in rows[color]]


def palette_of(names: Sequence[str]) -> dict[str, str]:
    """Category → colour, categories sorted (18 colours, then they repeat)."""
    order = sorted(set(names))
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(order)}


def row_colours(
    rows: pd.DataFrame, color: str | None, frame: pd.DataFrame
) -> tuple[list[str], dict[str, str]]:
    """Each row's colour, and the legend (category → colour; empty for one colour).

    ``color`` that is not a column must be a matplotlib colour, else ``ValueError``.
    """
    column, names = colour_categories(rows, color, frame)
    if column is None:
        if color is None:
            return [DEFAULT_COLOUR] * len(rows), {}
        from matplotlib.colors import is_color_like

        if not is_color_like(color):
            raise ValueError(
                f"color={color!r} is neither a column of the frame "
                f"({', '.join(map(str, frame.columns))}) nor a matplotlib colour"
            )
        return [color] * len(rows), {}
    palette = palette_of(names)
    return [palette[n] for n in names], palette


def faded(colour: str, alpha: float = 0.4) -> tuple[float, float, float, float]:
    """``colour`` with transparency (bars are light so that labels inside them read).

    >>> faded("#ff0000")
    (1.0, 0.0, 0.0, 0.4)
    """
    from matplotlib.colors import to_rgba

    r, g, b, _ = to_rgba(colour)
    return (r, g, b, alpha)
