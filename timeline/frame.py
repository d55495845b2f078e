"""Stage 4, frame: turn dated events into the timeline DataFrame (fixed columns and dtypes).

>>> timeline_frame([]).dtypes["start"]
dtype('<M8[s]')
>>> list(timeline_frame([]).columns) == list(COLUMNS)
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from timeline.records import DatedEvent

__all__ = ["COLUMNS", "empty_frame", "timeline_frame"]

#: Column name → dtype of every timeline frame.
COLUMNS: dict[str, str] = {
    "doc_id": "string",
    "text": "string",
    "char_start": "int64",
    "char_end": "int64",
    "type": "string",
    "value": "string",
    "mod": "string",
    "start": "datetime64[s]",
    "end": "datetime64[s]",
    "granularity": "string",
    "sentence": "string",
    "event": "string",
    "event_start": "Int64",
    "event_end": "Int64",
    "title": "string",
    "published": "datetime64[s]",
}


def empty_frame() -> pd.DataFrame:
    """A timeline frame with no rows and all the columns."""
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in COLUMNS.items()})


def timeline_frame(
    events: Iterable[DatedEvent],
    *,
    doc_id: str | None = None,
    title: str | None = None,
    published: dt.date | None = None,
) -> pd.DataFrame:
    """The timeline of one document, sorted by start, then end, then offset (undated rows last)."""
    rows = [_row(e) for e in events]
    if not rows:
        return empty_frame()
    data: dict[str, Sequence[object]] = {name: [r[name] for r in rows] for name in _ROW_COLUMNS}
    frame = pd.DataFrame(data)
    frame.insert(0, "doc_id", doc_id)
    frame["title"] = title
    frame["published"] = (
        np.datetime64(published.isoformat(), "s") if published else np.datetime64("NaT", "s")
    )
    frame = frame.astype(
        {name: dtype for name, dtype in COLUMNS.items() if not dtype.startswith("datetime")}
    )
    for name in ("start", "end", "published"):
        frame[name] = _seconds(frame[name])
    frame = frame[list(COLUMNS)]
    frame = frame.sort_values(["start", "end", "char_start"], na_position="last", kind="stable")
    return frame.reset_index(drop=True)


_ROW_COLUMNS = [c for c in COLUMNS if c not in ("doc_id", "title", "published")]


def _row(e: DatedEvent) -> dict[str, object]:
    t = e.timex
    nat = np.datetime64("NaT", "s")
    return {
        "text": t.text,
        "char_start": t.char_start,
        "char_end": t.char_end,
        "type": t.type,
        "value": t.value,
        "mod": t.mod,
        "start": t.start if t.start is not None else nat,
        "end": t.end if t.end is not None else nat,
        "granularity": t.granularity,
        "sentence": e.sentence,
        "event": e.event or None,
        "event_start": e.event_start,
        "event_end": e.event_end,
    }


def _seconds(column: pd.Series) -> pd.Series:
    """A column as datetime64[s] without passing through nanoseconds (years before 1677 work)."""
    values = np.array(
        [
            np.datetime64("NaT", "s") if v is None or v is pd.NaT else np.datetime64(v, "s")
            for v in column
        ],
        dtype="datetime64[s]",
    )
    return pd.Series(values, index=column.index, dtype="datetime64[s]")
