"""Ticks of the year axis: a spacing chosen by the span, and labels a reader knows.

The spacing is the finest of minutes, hours, days, months and years whose labels fit the width
of the axis; labels read ``500 BC``, ``AD 1``, ``1066``, ``2022-01``, ``2022-01-10``,
``2022-01-10 17:00``. :func:`use_time_axis` puts them on a matplotlib axis, where they follow
zooming and panning; the plotly figure takes :func:`time_ticks` as fixed ticks.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from timeline.plot.years import date_text, datetime_at_year, fractional_years, year_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["time_ticks", "use_time_axis"]

_UNIT_YEARS = {
    "minute": 1 / 525_960,
    "hour": 1 / 8_766,
    "day": 1 / 365.2425,
    "month": 1 / 12,
    "year": 1.0,
}
#: Room a tick label takes, in pixels (at about 10 points).
_LABEL_PX = {"minute": 120.0, "hour": 120.0, "day": 90.0, "month": 70.0, "year": 70.0}
_CANDIDATES: tuple[tuple[str, int], ...] = (
    *(("minute", s) for s in (1, 5, 15, 30)),
    *(("hour", s) for s in (1, 3, 6, 12)),
    *(("day", s) for s in (1, 2, 5, 10, 15)),
    *(("month", s) for s in (1, 2, 3, 6)),
    *(("year", s) for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500)),
    *(("year", m * 10**k) for k in range(3, 10) for m in (1, 2, 5)),
)


def time_ticks(lo: float, hi: float, *, width_px: float = 800.0) -> tuple[list[float], list[str]]:
    """Tick positions and labels for the fractional years ``lo`` to ``hi``.

    The spacing is the finest of minutes, hours, days, months and years (1, 2, 5, 10, 20, 25,
    50, ... years) whose labels fit in ``width_px``. Round BC years are ticked where they fall
    (500 BC is the astronomical year -499), so labels read ``1000 BC``, ``500 BC``, ``AD 1``,
    ``AD 500``, ``1000``.

    >>> time_ticks(-520.0, 2023.0)[1]
    ['500 BC', 'AD 1', 'AD 500', '1000', '1500', '2000']
    >>> time_ticks(2021.9, 2022.1, width_px=400)[1]
    ['2021-12', '2022-01', '2022-02']
    >>> time_ticks(2022.0, 2022.02, width_px=400)[1]
    ['2022-01-01', '2022-01-03', '2022-01-05', '2022-01-07']
    """
    span = hi - lo
    if not (math.isfinite(lo) and math.isfinite(hi)) or span <= 0:
        return [], []
    for unit, step in _CANDIDATES:
        capacity = max(2, int(width_px // _LABEL_PX[unit]))
        if span / (step * _UNIT_YEARS[unit]) > capacity + 1:
            continue
        if unit == "year":
            positions, labels = _year_ticks(lo, hi, step)
        else:
            positions, labels = _calendar_ticks(lo, hi, unit, step)
        if len(positions) <= capacity:
            return positions, labels
    return [], []


def _year_ticks(lo: float, hi: float, step: int) -> tuple[list[float], list[str]]:
    """Every ``step`` years from ``lo`` to ``hi``; from 10 years up, round on both sides of AD 1."""
    first, last = math.ceil(lo - 1e-9), math.floor(hi + 1e-9)
    if step < 10:
        years = list(range(-(-first // step) * step, last + 1, step))
    else:  # round numbers on both sides of the era: ..., 500 BC, AD 1, 500, 1000, ...
        bc = [1 - n for n in range(step, 2 - first, step)][::-1]
        ad = list(range(max(step, -(-first // step) * step), last + 1, step))
        years = [y for y in bc if y <= last]
        if first <= 1 <= last and first <= 0:
            years.append(1)
        years += ad
    return [float(y) for y in years], [year_text(y) for y in years]


def _calendar_ticks(lo: float, hi: float, unit: str, step: int) -> tuple[list[float], list[str]]:
    """Every ``step`` months, days, hours or minutes from ``lo`` to ``hi`` (fractional years)."""
    import numpy as np

    code = {"month": "M", "day": "D", "hour": "h", "minute": "m"}[unit]
    t0, t1 = datetime_at_year(lo), datetime_at_year(hi)
    candidates = np.arange(t0.astype(f"datetime64[{code}]"), t1.astype(f"datetime64[{code}]") + 1)
    counts = candidates.astype(np.int64)
    if unit == "month":
        keep = (counts % 12) % step == 0
    elif unit == "day":
        day = (candidates - candidates.astype("datetime64[M]")).astype(np.int64) + 1
        keep = np.ones(len(candidates), bool) if step == 1 else ((day - 1) % step == 0)
        if step > 1:
            keep &= day <= 31 - step
    else:
        keep = (counts % (24 if unit == "hour" else 60)) % step == 0
    seconds = candidates[keep].astype("datetime64[s]")
    seconds = seconds[(seconds >= t0) & (seconds <= t1)]
    positions = fractional_years(seconds).tolist() if len(seconds) else []
    return positions, [date_text(t, unit) for t in seconds]


def use_time_axis(ax: Axes) -> None:
    """Put our ticks and labels on the x axis of ``ax`` (they follow zooming and panning)."""
    from matplotlib import ticker

    class TimeLocator(ticker.Locator):
        labels: dict[float, str]

        def __init__(self) -> None:
            self.labels = {}

        def __call__(self) -> Sequence[float]:
            if self.axis is None:
                return []
            lo, hi = self.axis.get_view_interval()
            return self.tick_values(float(lo), float(hi))

        def tick_values(self, vmin: float, vmax: float) -> Sequence[float]:
            width = ax.get_window_extent().width
            positions, labels = time_ticks(min(vmin, vmax), max(vmin, vmax), width_px=width)
            self.labels = dict(zip(positions, labels, strict=True))
            return positions

    locator = TimeLocator()

    def label(x: float, pos: int | None = None) -> str:
        found = locator.labels.get(x)
        if found is not None:
            return found
        near = [k for k in locator.labels if abs(k - x) < 1e-9]
        return locator.labels[near[0]] if near else ""

    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ticker.FuncFormatter(label))
