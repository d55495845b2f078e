"""Sizes of text in pixels, measured with the figure's renderer (estimated without one).

Lanes are laid out from these widths, so the labels of a figure fit the Axes they are drawn in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from matplotlib.backend_bases import RendererBase

__all__ = ["renderer_of", "text_height_px", "text_widths_px"]


def renderer_of(fig: Any) -> RendererBase | None:
    """The renderer of ``fig``'s canvas, or None for a canvas that has none."""
    get = getattr(fig.canvas, "get_renderer", None)
    return get() if callable(get) else None


def text_widths_px(
    texts: Sequence[str], size: float, renderer: RendererBase | None, dpi: float
) -> np.ndarray:
    """Widths of ``texts`` in pixels, measured with the renderer (estimated without one)."""
    import numpy as np
    from matplotlib.font_manager import FontProperties

    if renderer is None:
        return np.array([len(t) * size * 0.6 * dpi / 72 for t in texts], dtype=float)
    prop = FontProperties(size=size)
    return np.array(
        [renderer.get_text_width_height_descent(t, prop, ismath=False)[0] for t in texts],
        dtype=float,
    )


def text_height_px(size: float, renderer: RendererBase | None, dpi: float) -> float:
    """Height in pixels of a line of text of ``size`` points (accents and descenders included)."""
    from matplotlib.font_manager import FontProperties

    if renderer is None:
        return size * 1.25 * dpi / 72
    _, height, _ = renderer.get_text_width_height_descent("Ágy", FontProperties(size=size), False)
    return float(height)
