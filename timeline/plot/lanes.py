"""Lanes: where each event and its label go, top to bottom in time, with no label overlapping
another label, bar or dot.

Everything is computed in axes fractions ``u`` (0 left, 1 right), where a label is
``label_px / width_px`` wide whatever the x limits. Events fill ``[a, b]``; ``b`` shrinks from
0.99 until every label fits inside its bar, to the right of its event or to the left of it;
then each event and its label occupy an interval of ``u``. Events come in time order, and
each starts a new lane below the last one unless it may follow the events of the last lane
(it starts to the right of where they end): so lanes read top to bottom, and within a lane
left to right, in time order. A lane is as tall as its tallest (wrapped) label.

>>> import numpy as np
>>> years = np.array([2011.0, 2016.0, 2022.0])
>>> layout = lane_layout(years, years + 1, np.array([60.0, 60.0, 60.0]), 800.0, marker_px=11.0)
>>> layout.lane, layout.align, layout.lanes  # the last label goes left of its bar, on one lane
([0, 0, 0], ['left', 'left', 'right'], 1)
>>> wide = lane_layout(years, years + 1, np.array([300.0] * 3), 800.0, marker_px=11.0)
>>> wide.lane, wide.lanes  # 2016's label reaches past 2022: a lane each, in time order
([0, 1, 2], 3)
>>> tall = lane_layout(years, years + 1, np.array([300.0] * 3), 800.0, marker_px=11.0,
...                    lines=np.array([1, 3, 1]))
>>> tall.y, tall.height  # lines from the top: the second lane holds three lines
([0.85, 3.55, 6.25], 7.1)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import attrs

if TYPE_CHECKING:
    import numpy as np

__all__ = ["LANE_GAP", "LaneLayout", "Packing", "lane_layout"]


Packing = Literal["ordered", "each", "first-fit"]
#: Room between two lanes, in lines of text.
LANE_GAP = 0.7


@attrs.frozen
class LaneLayout:
    """Where each event and its label go: x limits, lane and its height, label anchor and
    alignment.

    ``y`` is the middle of each event's lane and ``height`` the height of all lanes, in lines
    of text from the top (a lane is its tallest label's lines and :data:`LANE_GAP`).
    """

    xlim: tuple[float, float]
    lane: list[int]
    y: list[float]
    text_x: list[float]
    align: list[str]
    lanes: int
    height: float
    pointlike: list[bool]


def lane_layout(
    x0: np.ndarray,
    x1: np.ndarray,
    label_px: np.ndarray,
    width_px: float,
    *,
    marker_px: float,
    lines: np.ndarray | None = None,
    pad_px: float = 5.0,
    gap_px: float = 12.0,
    min_span: float = 3 / 365,
    packing: Packing = "ordered",
) -> LaneLayout:
    """Lanes such that no label overlaps another label, bar or marker (see the module).

    ``x0`` and ``x1`` are the events' starts and ends in fractional years, in time order;
    ``label_px`` their labels' widths in pixels on Axes ``width_px`` wide, ``lines`` their
    numbers of lines (1 each by default). ``packing``: ``"ordered"`` (lanes in time order,
    shared where that order holds), ``"each"`` (a lane per event) or ``"first-fit"`` (each
    event in the first lane it fits: the fewest lanes, not in time order top to bottom).
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
    if packing == "first-fit":
        lane = _lanes_by_first_fit(occ0, occ1, gap_px / width_px)
    else:
        lane = _ordered_lanes(occ0, occ1, gap_px / width_px, compact=packing == "ordered")
    y, height = _lane_middles(lane, np.ones(len(lane)) if lines is None else lines)
    scale = span / (b - a)
    left_limit = lo - a * scale
    return LaneLayout(
        xlim=(left_limit, left_limit + scale),
        lane=lane,
        y=y,
        text_x=(left_limit + text_u * scale).tolist(),
        align=["left" if s != 2 else "right" for s in side],
        lanes=max(lane) + 1 if lane else 1,
        height=height,
        pointlike=pointlike.tolist(),
    )


def _ordered_lanes(occ0: np.ndarray, occ1: np.ndarray, gap: float, *, compact: bool) -> list[int]:
    """Each event's lane, for events (in time order) occupying ``[occ0, occ1]``.

    ``compact``: an event joins the last lane when it starts ``gap`` after everything there
    ends, else it opens the next lane; not ``compact``: each event has its own lane.
    """
    lane: list[int] = []
    end = float("inf")
    for start, stop in zip(occ0.tolist(), occ1.tolist(), strict=True):
        if compact and lane and end + gap <= start:
            lane.append(lane[-1])
            end = max(end, stop)
        else:
            lane.append(lane[-1] + 1 if lane else 0)
            end = stop
    return lane


def _lanes_by_first_fit(occ0: np.ndarray, occ1: np.ndarray, gap: float) -> list[int]:
    """Each event's lane: in order of the intervals, the first lane whose last interval ends
    ``gap`` before it starts (interval partitioning: the fewest lanes)."""
    import numpy as np

    lane = [0] * len(occ0)
    ends: list[float] = []
    for i in np.lexsort((occ1, occ0)):
        for k, end in enumerate(ends):
            if end + gap <= occ0[i]:
                lane[i], ends[k] = k, float(occ1[i])
                break
        else:
            lane[i] = len(ends)
            ends.append(float(occ1[i]))
    return lane


def _lane_middles(lane: list[int], lines: np.ndarray) -> tuple[list[float], float]:
    """The middle of each event's lane and the height of all lanes, in lines from the top."""
    tallest: dict[int, float] = {}
    for k, n in zip(lane, lines.tolist(), strict=True):
        tallest[k] = max(tallest.get(k, 1.0), float(n))
    middles, top = {}, 0.0
    for k in sorted(tallest):
        height = tallest[k] + LANE_GAP
        middles[k] = round(top + height / 2, 6)
        top += height
    return [middles[k] for k in lane], round(top, 6) if lane else 1 + LANE_GAP
