"""Lanes: where each event and its label go so that no label overlaps another label, bar or dot.

Everything is computed in axes fractions ``u`` (0 left, 1 right), where a label is
``label_px / width_px`` wide whatever the x limits. Events fill ``[a, b]``; ``b`` shrinks from
0.99 until every label fits inside its bar, to the right of its event or to the left of it;
then each event and its label occupy an interval of ``u``, and lanes are assigned by first fit
in order of those intervals (interval partitioning: the fewest lanes).

>>> import numpy as np
>>> years = np.array([2011.0, 2016.0, 2022.0])
>>> layout = lane_layout(years, years + 1, np.array([60.0, 60.0, 60.0]), 800.0, marker_px=11.0)
>>> layout.lane, layout.align, layout.lanes  # the last label goes left of its bar, on one lane
([0, 0, 0], ['left', 'left', 'right'], 1)
>>> wide = lane_layout(years, years + 1, np.array([300.0] * 3), 800.0, marker_px=11.0)
>>> wide.lane, wide.lanes  # 2016's label reaches past 2022: two lanes
([0, 1, 0], 2)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    import numpy as np

__all__ = ["LaneLayout", "lane_layout"]


@attrs.frozen
class LaneLayout:
    """Where each event and its label go: x limits, lane, label anchor and alignment."""

    xlim: tuple[float, float]
    lane: list[int]
    text_x: list[float]
    align: list[str]
    lanes: int
    pointlike: list[bool]


def lane_layout(
    x0: np.ndarray,
    x1: np.ndarray,
    label_px: np.ndarray,
    width_px: float,
    *,
    marker_px: float,
    pad_px: float = 5.0,
    gap_px: float = 12.0,
    min_span: float = 3 / 365,
    compact: bool = True,
) -> LaneLayout:
    """Lanes such that no label overlaps another label, bar or marker (see the module).

    ``x0`` and ``x1`` are the events' starts and ends in fractional years, ``label_px`` their
    labels' widths in pixels on Axes ``width_px`` wide. Not ``compact``: one lane per event,
    in the order given.
    """
    import numpy as np

    lo, hi = float(x0.min()), float(x1.max())
    if hi - lo < min_span:
        middle = (lo + hi) / 2
        lo, hi = middle - min_span / 2, middle + min_span / 2
    span = hi - lo
    p0, p1 = (x0 - lo) / span, (x1 - lo) / span
    w = label_px / width_px
    pad, marker, edge = pad_px / width_px, marker_px / width_px, 3 / width_px
    a = marker / 2 + 0.01
    b_min = max(a + 0.1, 1 - float(w.max()) - pad - marker - edge)
    for b in np.linspace(0.99, b_min, 80) if b_min < 0.99 else [0.99]:
        u0, u1 = a + p0 * (b - a), a + p1 * (b - a)
        pointlike = (u1 - u0) < marker
        centre = (u0 + u1) / 2
        inside = ~pointlike & ((u1 - u0) >= w + 2 * pad)
        right_anchor = np.where(pointlike, centre + marker / 2, u1) + pad
        left_anchor = np.where(pointlike, centre - marker / 2, u0) - pad
        right = right_anchor + w <= 1 - edge
        left = left_anchor - w >= edge
        if bool((inside | right | left).all()):
            break
    side = np.where(inside, 0, np.where(right | ~left, 1, 2))  # 0 inside, 1 right, 2 left
    text_u = np.where(side == 0, u0 + pad, np.where(side == 1, right_anchor, left_anchor))
    body0 = np.where(pointlike, centre - marker / 2, u0)
    body1 = np.where(pointlike, centre + marker / 2, u1)
    occ0 = np.where(side == 2, np.minimum(body0, left_anchor - w), body0)
    occ1 = np.where(side == 1, np.maximum(body1, right_anchor + w), body1)
    lane, lanes = _lanes_by_first_fit(occ0, occ1, gap_px / width_px, compact=compact)
    scale = span / (b - a)
    left_limit = lo - a * scale
    return LaneLayout(
        xlim=(left_limit, left_limit + scale),
        lane=lane,
        text_x=(left_limit + text_u * scale).tolist(),
        align=["left" if s != 2 else "right" for s in side],
        lanes=lanes,
        pointlike=pointlike.tolist(),
    )


def _lanes_by_first_fit(
    occ0: np.ndarray, occ1: np.ndarray, gap: float, *, compact: bool
) -> tuple[list[int], int]:
    """Each event's lane and the number of lanes, for events occupying ``[occ0, occ1]``.

    ``compact``: in order of the intervals, each event takes the first lane whose last interval
    ends ``gap`` before it starts (the fewest lanes); else each event has its own lane.
    """
    import numpy as np

    lane = list(range(len(occ0)))
    if not compact:
        return lane, max(1, len(occ0))
    ends: list[float] = []
    for i in np.lexsort((occ1, occ0)):
        for k, end in enumerate(ends):
            if end + gap <= occ0[i]:
                lane[i], ends[k] = k, float(occ1[i])
                break
        else:
            lane[i] = len(ends)
            ends.append(float(occ1[i]))
    return lane, max(1, len(ends))
