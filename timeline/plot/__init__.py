"""Pictures of a timeline frame: :func:`plot` (matplotlib) and :func:`plot_interactive` (plotly).

Both take any frame with the columns ``start``, ``end`` (datetime64) and ``text``, such as the
frame of :func:`timeline.extract`, a concatenation of several, or :func:`timeline.merge`'s
corpus timeline; ``event``, ``title``, ``doc_id``, ``sentence`` and ``count`` are used when
present. Rows whose ``start`` or ``end`` is NaT are not on the timeline and are skipped.

Dates are drawn on a numeric axis of *fractional years*, computed from ``datetime64[s]`` with
integer arithmetic (:func:`fractional_years`), with our own ticks and labels
(:func:`time_ticks`): ``490 BC``, ``AD 500``, ``1066``, ``2022-01``, ``2022-01-10``. That is
what lets 490 BC, 1066 and 2022 share one axis: neither matplotlib's date axis nor pandas'
nanosecond timestamps reach before 1677.

Matplotlib and plotly are imported inside the functions, so ``import timeline`` needs neither.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import numpy as np, pandas as pd
>>> df = pd.DataFrame({
...     "text": ["490 BC", "1066", "2022"],
...     "event": ["the battle of Marathon", "the Normans invaded England", "talks"],
...     "start": np.array(["-0489-01-01", "1066-01-01", "2022-01-01"], dtype="datetime64[s]"),
...     "end": np.array(["-0488-01-01", "1067-01-01", "2023-01-01"], dtype="datetime64[s]"),
... })
>>> ax = plot(df)
>>> sorted(t.get_text() for t in ax.texts)  # doctest: +NORMALIZE_WHITESPACE
['1066: the Normans invaded England', '2022: talks', '490 BC: the battle of Marathon']
>>> ax.figure.canvas.draw()
>>> [t.get_text() for t in ax.get_xticklabels()][:3]
['400 BC', '200 BC', 'AD 1']
>>> import matplotlib.pyplot as plt; plt.close(ax.figure)
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase

__all__ = ["fractional_years", "plot", "plot_interactive", "time_ticks"]

#: The columns every picture (and ``df.timeline``) needs.
REQUIRED = ("start", "end", "text")

_DAY = 86_400
#: tab10, then ten darker hues of tab20b/tab20c: twenty colours a reader can tell apart.
_PALETTE = (
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
_DEFAULT_COLOUR = _PALETTE[0]
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# --------------------------------------------------------------------------- checks


def check_frame(df: object, columns: Sequence[str] = REQUIRED, *, what: str) -> pd.DataFrame:
    """``df`` itself if it is a DataFrame with ``columns`` and datetime64 ``start``/``end``.

    Raises ``TypeError`` for what is not a DataFrame and ``ValueError`` naming the missing
    columns or the column of the wrong dtype.

    >>> import pandas as pd
    >>> check_frame(pd.DataFrame({"text": ["x"]}), what="plot")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: plot needs the columns start, end, text; missing: start, end (a frame from ...)
    """
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{what} needs a pandas DataFrame, not {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(
            f"{what} needs the columns {', '.join(columns)}; missing: {', '.join(missing)} "
            "(a frame from timeline.extract has them all)"
        )
    for name in ("start", "end"):
        if name in columns and not pd.api.types.is_datetime64_dtype(df[name].dtype):
            raise ValueError(
                f"{what} needs a datetime64 column {name!r}, not {df[name].dtype}: convert it, "
                f"e.g. df[{name!r}] = df[{name!r}].astype('datetime64[s]')"
            )
    return df


def _placed(df: pd.DataFrame) -> pd.DataFrame:
    """The rows on the timeline (start and end not NaT, end not before start), in time order."""
    import numpy as np

    start = _seconds(df["start"])
    end = _seconds(df["end"])
    keep = ~np.isnat(start) & ~np.isnat(end) & (end >= start)
    rows = df.loc[keep].copy()
    rows["start"] = start[keep]
    rows["end"] = end[keep]
    rows = rows.sort_values(["start", "end"], kind="stable")
    return rows.reset_index(drop=True)


def _seconds(column: pd.Series) -> np.ndarray:
    import numpy as np

    return np.asarray(column.to_numpy(), dtype="datetime64[s]")


# --------------------------------------------------------------------------- time axis


def fractional_years(values: np.ndarray) -> np.ndarray:
    """Datetimes (datetime64, no NaT) as fractional years, with integer arithmetic.

    Years are astronomical: 0 is 1 BC, -489 is 490 BC. A year's first second is the whole
    number; the fraction is the part of that year's seconds gone by.

    >>> import numpy as np
    >>> t = np.array(["2022-07-02T12:00", "-0489-01-01", "1066-01-01"], dtype="datetime64[s]")
    >>> fractional_years(t).tolist()
    [2022.5, -489.0, 1066.0]
    """
    import numpy as np

    v = np.asarray(values, dtype="datetime64[s]")
    year = v.astype("datetime64[Y]")
    first = year.astype("datetime64[s]")
    length = (year + np.timedelta64(1, "Y")).astype("datetime64[s]") - first
    fraction = (v - first).astype(np.int64) / length.astype(np.int64)
    result: np.ndarray = year.astype(np.int64) + 1970 + fraction
    return result


def _from_years(x: float) -> np.datetime64:
    """The datetime64[s] at fractional year ``x`` (the inverse of :func:`fractional_years`)."""
    import numpy as np

    year = math.floor(x)
    first = np.datetime64(year - 1970, "Y").astype("datetime64[s]")
    length = int((np.datetime64(year - 1969, "Y").astype("datetime64[s]") - first).astype(np.int64))
    return first + np.timedelta64(round((x - year) * length), "s")


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
        positions, labels = _ticks_of(lo, hi, unit, step)
        if len(positions) <= capacity:
            return positions, labels
    return [], []


def _ticks_of(lo: float, hi: float, unit: str, step: int) -> tuple[list[float], list[str]]:
    import numpy as np

    if unit == "year":
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
        return [float(y) for y in years], [_year_text(y) for y in years]
    code = {"month": "M", "day": "D", "hour": "h", "minute": "m"}[unit]
    t0, t1 = _from_years(lo), _from_years(hi)
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
    return positions, [_date_text(t, unit) for t in seconds]


def _year_text(year: int) -> str:
    if year <= 0:
        return f"{1 - year} BC"
    return f"AD {year}" if year < 1000 else str(year)


def _parts(t: np.datetime64) -> tuple[int, int, int, int, int]:
    import numpy as np

    year = int(t.astype("datetime64[Y]").astype(np.int64)) + 1970
    month = int(t.astype("datetime64[M]").astype(np.int64)) % 12 + 1
    day = int((t.astype("datetime64[D]") - t.astype("datetime64[M]")).astype(np.int64)) + 1
    seconds = int((t - t.astype("datetime64[D]")).astype(np.int64))
    return year, month, day, seconds // 3600, seconds // 60 % 60


def _date_text(t: np.datetime64, unit: str = "day") -> str:
    """A datetime at the precision of ``unit``: ISO for AD years, ``5 Mar 490 BC`` for BC."""
    year, month, day, hour, minute = _parts(t)
    if unit == "year":
        return _year_text(year)
    clock = f" {hour:02d}:{minute:02d}" if unit in ("hour", "minute") else ""
    if year <= 0:
        date = f"{_MONTHS[month - 1]} {1 - year} BC"
        return date if unit == "month" else f"{day} {date}{clock}"
    if unit == "month":
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}{clock}"


def _time_axis(ax: Axes) -> None:
    """Our ticks and labels on the x axis of ``ax`` (they follow zooming and panning)."""
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


# --------------------------------------------------------------------------- labels, colours


def _clean(value: object) -> str:
    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return re.sub(r"\s+", " ", str(value)).strip()


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(1, limit - 1)].rstrip(" ,;:-") + "…"


def _labels(rows: pd.DataFrame, max_chars: int) -> list[str]:
    """``expression: event`` for each row, shortened to ``max_chars``, with ``[n sources]``."""
    import pandas as pd

    events = rows["event"] if "event" in rows.columns else pd.Series([None] * len(rows))
    counts = rows["count"] if "count" in rows.columns else pd.Series([1] * len(rows))
    out = []
    for text, event, count in zip(rows["text"], events, counts, strict=True):
        expression, phrase = _clean(text), _clean(event)
        label = expression if not phrase or phrase == expression else f"{expression}: {phrase}"
        n = int(count) if pd.notna(count) else 1
        suffix = f" [{n} sources]" if n > 1 else ""
        out.append(_shorten(label, max_chars - len(suffix)) + suffix)
    return out


def _title(df: pd.DataFrame, title: str | None) -> str:
    if title is not None:
        return title
    if "title" not in df.columns:
        return ""
    titles = {_clean(t) for t in df["title"]} - {""}
    return titles.pop() if len(titles) == 1 else ""


def _categories(
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
    return color, [_clean(v) or "(none)" for v in rows[color]]


def _palette(names: Sequence[str]) -> dict[str, str]:
    """Category → colour, categories sorted (20 colours, then they repeat)."""
    order = sorted(set(names))
    return {name: _PALETTE[i % len(_PALETTE)] for i, name in enumerate(order)}


def _resolve_colours(
    rows: pd.DataFrame, color: str | None, frame: pd.DataFrame
) -> tuple[list[str], dict[str, str]]:
    """Each row's colour, and the legend (category → colour; empty for one colour)."""
    column, names = _categories(rows, color, frame)
    if column is None:
        if color is None:
            return [_DEFAULT_COLOUR] * len(rows), {}
        from matplotlib.colors import is_color_like

        if not is_color_like(color):
            raise ValueError(
                f"color={color!r} is neither a column of the frame "
                f"({', '.join(map(str, frame.columns))}) nor a matplotlib colour"
            )
        return [color] * len(rows), {}
    palette = _palette(names)
    return [palette[n] for n in names], palette


# --------------------------------------------------------------------------- layout


@dataclass
class _Layout:
    """Where each event and its label go: x limits, lane, label anchor and alignment."""

    xlim: tuple[float, float]
    lane: list[int]
    text_x: list[float]
    align: list[str]
    lanes: int
    pointlike: list[bool]


def _layout(
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
) -> _Layout:
    """Lanes such that no label overlaps another label, bar or marker.

    Everything is computed in axes fractions ``u`` (0 left, 1 right), where a label is
    ``label_px / width_px`` wide whatever the x limits. Events fill ``[a, b]``; ``b`` shrinks
    from 0.99 until every label fits inside its bar, to the right of its event or to the left
    of it; then each event and its label occupy an interval of ``u``, and lanes are assigned by
    first fit in order of those intervals (interval partitioning: the fewest lanes). Not
    ``compact``: one lane per event, in the order given.
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
    gap = gap_px / width_px
    lane = list(range(len(x0)))
    ends: list[float] = [] if compact else [0.0] * len(x0)
    for i in np.lexsort((occ1, occ0)) if compact else []:
        for k, end in enumerate(ends):
            if end + gap <= occ0[i]:
                lane[i], ends[k] = k, float(occ1[i])
                break
        else:
            lane[i] = len(ends)
            ends.append(float(occ1[i]))
    scale = span / (b - a)
    left_limit = lo - a * scale
    return _Layout(
        xlim=(left_limit, left_limit + scale),
        lane=lane,
        text_x=(left_limit + text_u * scale).tolist(),
        align=["left" if s != 2 else "right" for s in side],
        lanes=max(1, len(ends)),
        pointlike=pointlike.tolist(),
    )


def _renderer(fig: Any) -> RendererBase | None:
    get = getattr(fig.canvas, "get_renderer", None)
    return get() if callable(get) else None


def _text_px(
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


def _text_height_px(size: float, renderer: RendererBase | None, dpi: float) -> float:
    from matplotlib.font_manager import FontProperties

    if renderer is None:
        return size * 1.25 * dpi / 72
    _, height, _ = renderer.get_text_width_height_descent("Ágy", FontProperties(size=size), False)
    return float(height)


# --------------------------------------------------------------------------- the static plot


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
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.patches import Patch

    check_frame(df, REQUIRED, what="timeline.plot")
    if max_label_chars < 8:
        raise ValueError(f"max_label_chars must be at least 8, not {max_label_chars}")
    if not fontsize > 0 or not width > 0:
        raise ValueError(f"fontsize and width must be positive, not {fontsize} and {width}")
    rows = _placed(df)
    heading = _title(df, title)
    colours, palette = _resolve_colours(rows, color, df)
    created = ax is None
    new_figure = None
    if ax is None:
        new_figure, ax = plt.subplots(figsize=(width, 3.0))
    fig = ax.figure
    dpi = float(fig.dpi)
    margin_in = 0.3
    if created:
        ax.set_position((margin_in / width, 0.2, 1 - 2 * margin_in / width, 0.6))
    if rows.empty:
        ax.text(0.5, 0.5, "no dated events", transform=ax.transAxes, ha="center", va="center")
        ax.set_xticks([])
        ax.set_yticks([])
        if heading:
            ax.set_title(heading, loc="left")
        return ax

    x0 = fractional_years(rows["start"].to_numpy())
    x1 = fractional_years(rows["end"].to_numpy())
    labels = _labels(rows, max_label_chars)
    renderer = _renderer(fig)
    width_px = float(ax.get_window_extent().width)
    size = fontsize
    for _ in range(8):
        marker_px = size * 0.9 * dpi / 72
        layout = _layout(
            x0,
            x1,
            _text_px(labels, size, renderer, dpi),
            width_px,
            marker_px=marker_px,
            compact=len(rows) > 30 if compact is None else compact,
        )
        if created:
            break
        pitch = float(ax.get_window_extent().height) / (layout.lanes + 0.4)
        needed = _text_height_px(size, renderer, dpi) * 1.15
        if needed <= pitch or size <= 4:
            break
        size = max(4.0, size * pitch / needed * 0.97)

    legend_cols = 0
    if new_figure is not None:
        legend_cols = max(1, min(len(palette), int(width // 3.2))) if legend and palette else 0
        legend_rows = math.ceil(len(palette) / legend_cols) if legend_cols else 0
        top_ticks = layout.lanes > 24
        axes_in = max(0.8, size * 2.1 / 72 * (layout.lanes + 0.4))
        top_in = 0.15 + (0.45 if heading else 0) + (0.3 if top_ticks else 0)
        bottom_in = 0.45 + (0.25 * legend_rows + 0.15 if legend_rows else 0)
        height = top_in + axes_in + bottom_in
        new_figure.set_size_inches(width, height)
        ax.set_position(
            (margin_in / width, bottom_in / height, 1 - 2 * margin_in / width, axes_in / height)
        )
        if top_ticks:
            ax.tick_params(axis="x", top=True, labeltop=True)

    lanes = np.array(layout.lane, dtype=float)
    pointlike = np.array(layout.pointlike)
    point = (rows["end"].to_numpy() - rows["start"].to_numpy()) <= np.timedelta64(_DAY, "s")
    bars = ~point
    colour_array = np.array(colours, dtype=object)
    if bars.any():
        ax.barh(
            lanes[bars],
            (x1 - x0)[bars],
            left=x0[bars],
            height=0.55,
            color=[_fade(c) for c in colour_array[bars]],
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

    ax.set_xlim(*layout.xlim)
    ax.set_ylim(layout.lanes - 0.3, -0.7)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(axis="x", labelsize=size)
    _time_axis(ax)
    if heading:
        limit = max(10, int(width_px / (0.62 * (size + 3) * dpi / 72)))
        ax.set_title(_shorten(heading, limit), loc="left", fontsize=size + 3)
    if legend and palette:
        handles = [
            Patch(facecolor=_fade(c), edgecolor=c, label=_shorten(name, 40))
            for name, c in palette.items()
        ]
        if created:
            fig.legend(
                handles=handles,
                loc="lower center",
                bbox_to_anchor=(0.5, 0.02),
                ncol=legend_cols,
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
    return ax


def _fade(colour: str, alpha: float = 0.4) -> tuple[float, float, float, float]:
    """``colour`` with transparency (bars are light so that labels inside them read)."""
    from matplotlib.colors import to_rgba

    r, g, b, _ = to_rgba(colour)
    return (r, g, b, alpha)


# --------------------------------------------------------------------------- the interactive plot


def _hover(rows: pd.DataFrame) -> list[str]:
    """Hover text: the expression and its value, the interval, the event, the sentence, source."""
    import numpy as np

    def cell(column: str, i: int) -> str:
        return _clean(rows[column].iloc[i]) if column in rows.columns else ""

    def wrap(text: str, width: int = 90) -> str:
        lines, line = [], ""
        for word in text.split():
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        return "<br>".join(html.escape(x) for x in [*lines, line] if x)

    out = []
    starts, ends = rows["start"].to_numpy(), rows["end"].to_numpy()
    for i in range(len(rows)):
        unit = "day" if (ends[i] - starts[i]) >= np.timedelta64(_DAY, "s") else "minute"
        expression = html.escape(cell("text", i))
        value = cell("value", i)
        parts = [f"<b>{expression}</b>" + (f" ({html.escape(value)})" if value else "")]
        parts.append(f"{_date_text(starts[i], unit)} to {_date_text(ends[i], unit)} (exclusive)")
        if cell("event", i):
            parts.append(f"<i>event:</i> {html.escape(cell('event', i))}")
        if cell("sentence", i):
            parts.append(f"<i>sentence:</i> {wrap(cell('sentence', i))}")
        source = cell("title", i) or cell("doc_id", i)
        if source:
            parts.append(f"<i>source:</i> {html.escape(source)}")
        if "sources" in rows.columns and isinstance(rows["sources"].iloc[i], list | tuple):
            names = ", ".join(str(s) for s in rows["sources"].iloc[i])
            parts.append(f"<i>sources:</i> {wrap(names)}")
        out.append("<br>".join(parts))
    return out


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
    import numpy as np
    import plotly.express as px  # type: ignore[import-untyped]
    import plotly.graph_objects as go  # type: ignore[import-untyped]

    check_frame(df, REQUIRED, what="timeline.plot_interactive")
    rows = _placed(df)
    column, names = _categories(rows, color, df)
    if color is not None and column is None:
        raise ValueError(
            f"color={color!r} is not a column of the frame ({', '.join(map(str, df.columns))})"
        )
    palette = _palette(names) if column else {}
    data = rows.copy()
    data["_row"] = np.arange(len(rows))
    data["_label"] = _labels(rows, max_label_chars)
    data["_hover"] = _hover(rows)
    data["_colour"] = names if column else "event"
    starts, ends = rows["start"].to_numpy(), rows["end"].to_numpy()
    years = starts.astype("datetime64[Y]").astype(np.int64) + 1970
    end_years = ends.astype("datetime64[Y]").astype(np.int64) + 1970
    dates_ok = bool(len(rows) == 0 or (years.min() >= 1 and end_years.max() <= 9999))
    point = (ends - starts) <= np.timedelta64(_DAY, "s")
    hovertemplate = "%{customdata[0]}<extra></extra>"
    colour_of = palette or {"event": _DEFAULT_COLOUR}

    if dates_ok:
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
        fig.update_traces(hovertemplate=hovertemplate)
        centre: Any = starts[point] + (ends[point] - starts[point]) // 2
    else:
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
                    hovertemplate=hovertemplate,
                )
            )
        lo, hi = float(x0.min()), float(x1.max())
        lo, hi = lo - 0.02 * (hi - lo), hi + 0.02 * (hi - lo)
        ticks, tick_labels = time_ticks(lo, hi, width_px=900)
        fig.update_xaxes(tickvals=ticks, ticktext=tick_labels, range=[lo, hi])
        centre = ((x0 + x1) / 2)[point]
    if point.any():
        fig.add_trace(
            go.Scatter(
                x=centre,
                y=data["_row"][point],
                mode="markers",
                marker={"color": [colour_of[n] for n in data["_colour"][point]], "size": 9},
                customdata=data[["_hover"]][point].to_numpy(),
                hovertemplate=hovertemplate,
                showlegend=False,
            )
        )
    fig.update_yaxes(
        tickvals=data["_row"].tolist(),
        ticktext=data["_label"].tolist(),
        autorange="reversed",
        title=None,
    )
    fig.update_layout(
        title=_title(df, title) or None,
        height=height or max(320, 22 * len(rows) + 160),
        showlegend=bool(column),
        legend_title_text=column or "",
        bargap=0.3,
        plot_bgcolor="white",
        xaxis={"gridcolor": "#e5e5e5"},
    )
    return fig
