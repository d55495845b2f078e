"""The rows of a frame that are on the timeline, in time order, and which of them are points.

A row is on the timeline when its ``start`` and ``end`` are dates (not NaT) and ``end`` is not
before ``start``. An event of a day or less is a point: a dot rather than a bar.

>>> import numpy as np, pandas as pd
>>> df = pd.DataFrame({
...     "text": ["2022", "Thursday", "someday"],
...     "start": np.array(["2022-01-01", "2022-01-06", "NaT"], dtype="datetime64[s]"),
...     "end": np.array(["2023-01-01", "2022-01-07", "NaT"], dtype="datetime64[s]"),
... })
>>> rows = placed_rows(df)
>>> rows["text"].tolist(), day_or_less(rows).tolist()
(['2022', 'Thursday'], [False, True])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["DAY_SECONDS", "day_or_less", "placed_rows"]

#: A day in seconds: events this long or shorter are points.
DAY_SECONDS = 86_400


def placed_rows(df: pd.DataFrame) -> pd.DataFrame:
    """The rows on the timeline (start and end not NaT, end not before start), in time order.

    ``start`` and ``end`` come back as ``datetime64[s]``; the index is 0, 1, 2, ...
    """
    import numpy as np

    start = _seconds(df["start"])
    end = _seconds(df["end"])
    keep = ~np.isnat(start) & ~np.isnat(end) & (end >= start)
    rows = df.loc[keep].copy()
    rows["start"] = start[keep]
    rows["end"] = end[keep]
    rows = rows.sort_values(["start", "end"], kind="stable")
    return rows.reset_index(drop=True)


def day_or_less(rows: pd.DataFrame) -> np.ndarray:
    """For each row of :func:`placed_rows`, whether it lasts a day or less (a point)."""
    import numpy as np

    span = rows["end"].to_numpy() - rows["start"].to_numpy()
    result: np.ndarray = span <= np.timedelta64(DAY_SECONDS, "s")
    return result


def _seconds(column: pd.Series) -> np.ndarray:
    import numpy as np

    return np.asarray(column.to_numpy(), dtype="datetime64[s]")
