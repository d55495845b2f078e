"""Colours: by a column of the frame (with a legend), one given colour, or one default colour.

By default a frame of several documents is coloured by ``doc_id``. Categories are sorted and
take the twenty colours of :data:`PALETTE` in turn.

>>> palette_of(["talks", "election", "talks"])
{'election': '#1f77b4', 'talks': '#ff7f0e'}
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

#: tab10, then ten darker hues of tab20b/tab20c: twenty colours a reader can tell apart.
PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
    "#393b79",
    "#637939",
    "#8c6d31",
    "#843c39",
    "#7b4173",
    "#3182bd",
    "#e6550d",
    "#31a354",
    "#756bb1",
    "#636363",
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
    """Category → colour, categories sorted (20 colours, then they repeat)."""
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
