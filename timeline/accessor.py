"""``df.timeline``: the timeline methods on any DataFrame with ``start``, ``end`` and ``text``.

Importing :mod:`timeline` makes the accessor available (registered with
``pandas.api.extensions.register_dataframe_accessor``) without importing pandas itself: if
pandas is already imported it is registered right away, otherwise as soon as pandas is
imported, by anyone (a post-import hook on ``sys.meta_path``, see :func:`register`). A frame
from :func:`timeline.extract`, a concatenation of several or a frame read back from CSV (with
its dates as datetime64) has:

- ``df.timeline.plot(**kw)`` and ``df.timeline.plot_interactive(**kw)``: :func:`timeline.plot`
  and :func:`timeline.plot_interactive`;
- ``df.timeline.between(start, end)``: the rows whose interval overlaps ``[start, end)``;
- ``df.timeline.coarsen(grain)``: every row widened to whole days, months, years, decades or
  centuries;
- ``df.timeline.merged(**kw)``: :func:`timeline.merge`, the merged corpus timeline (also
  ``df.timeline.merge(**kw)``);
- ``df.timeline.to_timelinejs(path, **kw)`` and ``df.timeline.to_html(path, **kw)``: the
  timeline shared outside Python, as TimelineJS3 JSON or as one self-contained HTML page
  (:mod:`timeline.share`).

>>> import numpy as np, pandas as pd
>>> import timeline
>>> df = pd.DataFrame({
...     "text": ["490 BC", "2011-13", "January 10"],
...     "start": np.array(["-0489-01-01", "2011-01-01", "2022-01-10"], dtype="datetime64[s]"),
...     "end": np.array(["-0488-01-01", "2014-01-01", "2022-01-11"], dtype="datetime64[s]"),
... })
>>> df.timeline.between("2013", "2022-01-10")["text"].tolist()
['2011-13']
>>> df.timeline.between(None, "1 BC")["text"].tolist()
['490 BC']
>>> df.timeline.coarsen("decade")[["start", "end"]].astype(str).values.tolist()
[['-490-01-01', '-480-01-01'], ['2010-01-01', '2020-01-01'], ['2020-01-01', '2030-01-01']]
>>> pd.DataFrame({"text": ["x"]}).timeline  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
AttributeError: df.timeline needs the columns start, end, text; missing: start, end (a frame ...)
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.abc
import os
import re
import sys
import threading
import warnings
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal, get_args

from timeline import schema
from timeline.merge import merge as _merge
from timeline.plot import plot as _plot
from timeline.plot import plot_interactive as _plot_interactive
from timeline.schema import REQUIRED, check_frame
from timeline.share import to_html as _to_html
from timeline.share import to_timelinejs as _to_timelinejs

if TYPE_CHECKING:
    import importlib.machinery

    import numpy as np
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["GRAINS", "TimelineAccessor", "coarsen", "register", "to_seconds"]

CoarseGrain = Literal["day", "month", "year", "decade", "century"]
#: The grains of :meth:`TimelineAccessor.coarsen`, finest first (as in
#: :data:`timeline.schema.GRAINS`, reversed).
GRAINS: tuple[str, ...] = tuple(g for g in reversed(schema.GRAINS) if g in get_args(CoarseGrain))
#: Rank of each grain of the ``granularity`` column: the larger, the finer.
_FINENESS: dict[str, int] = {g: i for i, g in enumerate(schema.GRAINS)}
_FINEST = len(schema.GRAINS)
_BC = re.compile(r"^\s*(\d{1,9})\s*(?:BC|BCE|B\.C\.)\s*$", re.IGNORECASE)


class TimelineAccessor:
    """The ``df.timeline`` namespace (see the module docstring)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        missing = [c for c in REQUIRED if c not in frame.columns]
        if missing:
            raise AttributeError(
                f"df.timeline needs the columns {', '.join(REQUIRED)}; missing: "
                f"{', '.join(missing)} (a frame from timeline.extract has them all)"
            )
        self._frame = frame

    def plot(self, **kw: Any) -> Axes:
        """:func:`timeline.plot` of this frame; returns the Axes."""
        return _plot(self._frame, **kw)

    def plot_interactive(self, **kw: Any) -> Any:
        """:func:`timeline.plot_interactive` of this frame; returns the plotly Figure."""
        return _plot_interactive(self._frame, **kw)

    def merged(self, **kw: Any) -> pd.DataFrame:
        """:func:`timeline.merge` of this frame: one row per happening of the corpus."""
        return _merge(self._frame, **kw)

    def merge(self, **kw: Any) -> pd.DataFrame:
        """The same as :meth:`merged` (its first name)."""
        return _merge(self._frame, **kw)

    def to_timelinejs(
        self, path: str | os.PathLike[str] | None = None, **kw: Any
    ) -> dict[str, Any]:
        """:func:`timeline.share.to_timelinejs`: TimelineJS3 JSON, written to ``path``."""
        return _to_timelinejs(self._frame, path, **kw)

    def to_html(self, path: str | os.PathLike[str] | None = None, **kw: Any) -> str:
        """:func:`timeline.share.to_html`: one self-contained interactive page, written to
        ``path``; returns the page."""
        return _to_html(self._frame, path, **kw)

    def between(self, start: Any = None, end: Any = None) -> pd.DataFrame:
        """The rows whose interval ``[start, end)`` overlaps the given ``[start, end)``.

        Bounds are ISO strings (``"2011"``, ``"2022-01"``, ``"2022-01-10"``, ``"-0489"``),
        ``"490 BC"``, a year as an ``int``, ``datetime.date``/``datetime``, pandas
        ``Timestamp`` or ``numpy.datetime64``; ``None`` leaves that side open. Rows with NaT
        ``start`` or ``end`` overlap nothing. The index is kept.
        """
        import numpy as np

        frame = check_frame(self._frame, REQUIRED, what="df.timeline.between")
        lo, hi = to_seconds(start, name="start"), to_seconds(end, name="end")
        if lo is not None and hi is not None and lo >= hi:
            raise ValueError(f"start={start!r} must come before end={end!r}")
        starts = np.asarray(frame["start"].to_numpy(), dtype="datetime64[s]")
        ends = np.asarray(frame["end"].to_numpy(), dtype="datetime64[s]")
        keep = ~np.isnat(starts) & ~np.isnat(ends)
        if hi is not None:
            keep &= starts < hi
        if lo is not None:
            keep &= ends > lo
        return frame.loc[keep]

    def coarsen(self, grain: CoarseGrain) -> pd.DataFrame:
        """:func:`coarsen` of this frame."""
        return coarsen(self._frame, grain)


def coarsen(df: pd.DataFrame, grain: CoarseGrain) -> pd.DataFrame:
    """Every row widened to whole ``grain``\\ s: ``start`` floored, ``end`` ceiled.

    ``grain`` is ``"day"``, ``"month"``, ``"year"``, ``"decade"`` (years ending in 0 to 9) or
    ``"century"`` (the 1900s: 1900 to 1999, as TIMEX3 value ``19``). Rows are kept, NaT stays
    NaT, and a ``granularity`` finer than ``grain`` becomes ``grain``. Returns a copy.
    """
    import numpy as np
    import pandas as pd

    frame = check_frame(df, ("start", "end"), what="coarsen")
    if grain not in GRAINS:
        raise ValueError(f"grain must be one of {', '.join(GRAINS)}, not {grain!r}")
    out = frame.copy()
    start = np.asarray(frame["start"].to_numpy(), dtype="datetime64[s]")
    end = np.asarray(frame["end"].to_numpy(), dtype="datetime64[s]")
    out["start"] = pd.Series(_floor(start, grain), index=frame.index, dtype="datetime64[s]")
    out["end"] = pd.Series(_ceil(end, grain), index=frame.index, dtype="datetime64[s]")
    if "granularity" in out.columns:
        rank = _FINENESS[grain]
        # a granularity that is no grain (missing, unknown) counts as finer than any
        finer = [pd.isna(g) or _FINENESS.get(str(g), _FINEST) > rank for g in out["granularity"]]
        out.loc[finer, "granularity"] = grain
    return out


def _floor(values: np.ndarray, grain: str) -> np.ndarray:
    import numpy as np

    if grain in ("day", "month"):
        unit = "D" if grain == "day" else "M"
        floored: np.ndarray = values.astype(f"datetime64[{unit}]").astype("datetime64[s]")
        return floored
    years = values.astype("datetime64[Y]")
    if grain == "year":
        return years.astype("datetime64[s]")
    size = 10 if grain == "decade" else 100
    nat = np.isnat(values)
    number = np.where(nat, 0, years.astype(np.int64) + 1970)
    first = (number // size) * size - 1970
    result = first.astype("datetime64[Y]").astype("datetime64[s]")
    result[nat] = np.datetime64("NaT", "s")
    return result


def _ceil(values: np.ndarray, grain: str) -> np.ndarray:
    import numpy as np

    floored = _floor(values, grain)
    exact = np.isnat(values) | (floored == values)
    if grain == "day":
        later = floored + np.timedelta64(86_400, "s")
    elif grain == "month":
        later = (floored.astype("datetime64[M]") + np.timedelta64(1, "M")).astype("datetime64[s]")
    else:
        years = {"year": 1, "decade": 10, "century": 100}[grain]
        later = (floored.astype("datetime64[Y]") + np.timedelta64(years, "Y")).astype(
            "datetime64[s]"
        )
    result: np.ndarray = np.where(exact, values, later)
    return result


def to_seconds(value: Any, *, name: str = "value") -> np.datetime64 | None:
    """A bound as ``datetime64[s]`` (None for None); see :meth:`TimelineAccessor.between`.

    >>> [str(to_seconds(x)) for x in ("490 BC", 2022, "2022-01", "-0489-03")]
    ['-489-01-01T00:00:00', '2022-01-01T00:00:00', '2022-01-01T00:00:00', '-489-03-01T00:00:00']
    """
    import numpy as np
    import pandas as pd

    if value is None:
        return None
    if isinstance(value, np.datetime64):
        seconds = value.astype("datetime64[s]")
    elif isinstance(value, pd.Timestamp | dt.datetime):
        if value != value:  # NaT
            raise ValueError(f"{name} is NaT: give a date, or None for no bound")
        stamp = pd.Timestamp(value)
        if stamp.tzinfo is not None:
            stamp = stamp.tz_localize(None)
        seconds = np.datetime64(stamp.to_datetime64(), "s")
    elif isinstance(value, dt.date):
        seconds = np.datetime64(value.isoformat(), "s")
    elif isinstance(value, int | np.integer) and not isinstance(value, bool):
        seconds = np.datetime64(int(value) - 1970, "Y").astype("datetime64[s]")
    elif isinstance(value, str):
        bc = _BC.match(value)
        try:
            if bc:
                seconds = np.datetime64(1 - int(bc.group(1)) - 1970, "Y").astype("datetime64[s]")
            else:
                seconds = np.datetime64(value.strip(), "s")
        except ValueError as exc:
            raise ValueError(
                f"{name}={value!r} is not a date: give an ISO date ('2022', '2022-01-10'), "
                "'490 BC', a year as an int, a datetime or a numpy datetime64"
            ) from exc
    else:
        raise TypeError(
            f"{name} must be a date (ISO string, '490 BC', int year, datetime.date, datetime, "
            f"pandas Timestamp or numpy datetime64) or None, not {type(value).__name__}"
        )
    if np.isnat(seconds):
        raise ValueError(f"{name} is NaT: give a date, or None for no bound")
    return seconds


# --------------------------------------------------------------------------- registration

_registered = False
_lock = threading.Lock()


def register(pandas: ModuleType | None = None) -> None:
    """Register ``df.timeline`` with pandas, once (later calls do nothing, so pandas does not
    warn of an accessor overridden). ``pandas``: the module, when it is still being imported.

    :mod:`timeline` calls it on import when pandas is already imported, from the post-import
    hook otherwise, and again wherever it builds a frame itself (a no-op by then).
    """
    global _registered
    if _registered:
        return
    # imported outside the lock: this import may run the hook, which registers
    module = pandas if pandas is not None else importlib.import_module("pandas")
    with _lock:
        if not _registered:
            module.api.extensions.register_dataframe_accessor("timeline")(TimelineAccessor)
            _registered = True


class _HookedLoader(importlib.abc.Loader):
    """pandas' own loader, that registers the accessor once pandas has been executed."""

    def __init__(self, loader: importlib.abc.Loader) -> None:
        self._loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        # pandas sees its own loader (importlib.resources, pkgutil, ... use it)
        module.__loader__ = self._loader
        if module.__spec__ is not None:
            module.__spec__.loader = self._loader
        self._loader.exec_module(module)
        try:
            register(module)
        except Exception as exc:  # never break the import of pandas
            warnings.warn(f"timeline could not register df.timeline: {exc!r}", stacklevel=2)

    def __getattr__(self, name: str) -> Any:  # get_resource_reader, is_package, ...
        return getattr(self._loader, name)


class _PandasHook(importlib.abc.MetaPathFinder):
    """A finder on ``sys.meta_path`` for ``pandas`` alone: it finds pandas' spec through the
    other finders, wraps its loader in a :class:`_HookedLoader` and removes itself (the
    mechanism of ``wrapt.register_post_import_hook``). Other names pass through untouched."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != "pandas":
            return None
        for finder in [f for f in sys.meta_path if f is not self]:
            find = getattr(finder, "find_spec", None)
            spec = find(fullname, path, target) if find is not None else None
            if spec is not None:
                break
        else:
            return None  # no pandas: stay, in case it is installed later
        _remove_hook()
        loader = spec.loader
        if loader is None or not hasattr(loader, "exec_module"):
            return spec  # cannot be wrapped: timeline registers when it imports pandas
        spec.loader = _HookedLoader(loader)
        return spec


def _remove_hook() -> None:
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, _PandasHook)]


def _install() -> None:
    """On import of :mod:`timeline`: register now if pandas is imported, else hook its import."""
    pandas = sys.modules.get("pandas")
    if pandas is not None and getattr(pandas, "api", None) is not None:
        register(pandas)
    elif not any(isinstance(f, _PandasHook) for f in sys.meta_path):
        sys.meta_path.insert(0, _PandasHook())


_install()
