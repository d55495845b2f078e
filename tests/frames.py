"""Typed views of the frames the tests read: their rows and their ``df.timeline``.

pandas-stubs types the rows of ``df.itertuples()`` as tuples of any scalar, so a test that
compares ``r.char_start < r.char_end`` does not type-check. The records of :func:`frame_rows`
and :func:`timex_rows` say what each column holds, with missing values (``pd.NA``,
``pd.NaT``) as ``None``, and a value of another type raises ``TypeError`` naming its column
instead of slipping through. pandas-stubs knows no registered accessor either (``df.timeline``
reads as a column): :func:`timeline_of` is ``df.timeline`` as a ``TimelineAccessor``.

>>> import timeline
>>> [row] = frame_rows(timeline.extract("Talks began in 2016.", include="all"))
>>> row.text, row.char_start, row.start, row.event, row.title
('2016', 15, Timestamp('2016-01-01 00:00:00'), 'Talks began', None)
>>> [(t.text, t.type, t.value) for t in timex_rows(timeline.timexes("for two weeks"))]
[('two weeks', 'DURATION', 'P2W')]
>>> timeline_of(timeline.extract("In 2011 and 2016.")).between("2015", None)["text"].tolist()
['2016']
"""

from __future__ import annotations

import math

import attrs
import numpy as np
import pandas as pd

from timeline.accessor import TimelineAccessor
from timeline.schema import COLUMNS, TIMEX_COLUMNS

__all__ = ["FrameRow", "TimexRow", "as_objects", "frame_rows", "timeline_of", "timex_rows"]


def timeline_of(df: pd.DataFrame) -> TimelineAccessor:
    """``df.timeline``, typed (pandas-stubs reads an unknown attribute as a column)."""
    accessor = df.timeline
    assert isinstance(accessor, TimelineAccessor), type(accessor)
    return accessor


@attrs.frozen
class TimexRow:
    """One row of a frame of TIMEX3 annotations (``timeline.schema.TIMEX_COLUMNS``)."""

    char_start: int
    char_end: int
    text: str
    type: str
    value: str | None
    mod: str | None


@attrs.frozen
class FrameRow:
    """One row of a timeline frame (``timeline.schema.COLUMNS``)."""

    doc_id: str | None
    text: str
    char_start: int
    char_end: int
    type: str
    value: str | None
    mod: str | None
    start: pd.Timestamp | None
    end: pd.Timestamp | None
    granularity: str | None
    sentence: str
    event: str | None
    event_start: int | None
    event_end: int | None
    title: str | None
    published: pd.Timestamp | None


def timex_rows(df: pd.DataFrame) -> list[TimexRow]:
    """The rows of ``df`` as :class:`TimexRow`; any frame with the timex columns will do."""
    return [
        TimexRow(
            char_start=_int(char_start, "char_start"),
            char_end=_int(char_end, "char_end"),
            text=_str(text, "text"),
            type=_str(type_, "type"),
            value=_maybe_str(value, "value"),
            mod=_maybe_str(mod, "mod"),
        )
        for char_start, char_end, text, type_, value, mod in df[list(TIMEX_COLUMNS)].itertuples(
            index=False, name=None
        )
    ]


def frame_rows(df: pd.DataFrame) -> list[FrameRow]:
    """The rows of the timeline frame ``df`` as :class:`FrameRow`."""
    rows = []
    for values in df[list(COLUMNS)].itertuples(index=False, name=None):
        row = dict(zip(COLUMNS, values, strict=True))
        rows.append(
            FrameRow(
                doc_id=_maybe_str(row["doc_id"], "doc_id"),
                text=_str(row["text"], "text"),
                char_start=_int(row["char_start"], "char_start"),
                char_end=_int(row["char_end"], "char_end"),
                type=_str(row["type"], "type"),
                value=_maybe_str(row["value"], "value"),
                mod=_maybe_str(row["mod"], "mod"),
                start=_maybe_time(row["start"], "start"),
                end=_maybe_time(row["end"], "end"),
                granularity=_maybe_str(row["granularity"], "granularity"),
                sentence=_str(row["sentence"], "sentence"),
                event=_maybe_str(row["event"], "event"),
                event_start=_maybe_int(row["event_start"], "event_start"),
                event_end=_maybe_int(row["event_end"], "event_end"),
                title=_maybe_str(row["title"], "title"),
                published=_maybe_time(row["published"], "published"),
            )
        )
    return rows


def as_objects(series: pd.Series) -> np.ndarray:
    """The values of ``series`` as Python objects, a missing one as None: what
    ``series.to_numpy(dtype=object, na_value=None)`` gives, a call pandas-stubs refuses.

    >>> as_objects(pd.Series(["a", None, "a"], dtype="category")).tolist()
    ['a', None, 'a']
    """
    return series.astype(object).where(series.notna(), None).to_numpy()


def _missing(value: object) -> bool:
    return (
        value is None
        or value is pd.NA
        or value is pd.NaT
        or (isinstance(value, float) and math.isnan(value))
    )


def _str(value: object, column: str) -> str:
    if isinstance(value, str):
        return value
    raise TypeError(f"column {column!r}: {value!r} is not a string")


def _int(value: object, column: str) -> int:
    if isinstance(value, int | np.integer) and not isinstance(value, bool):
        return int(value)
    raise TypeError(f"column {column!r}: {value!r} is not an integer")


def _time(value: object, column: str) -> pd.Timestamp:
    if isinstance(value, pd.Timestamp):
        return value
    raise TypeError(f"column {column!r}: {value!r} is not a Timestamp")


def _maybe_str(value: object, column: str) -> str | None:
    return None if _missing(value) else _str(value, column)


def _maybe_int(value: object, column: str) -> int | None:
    return None if _missing(value) else _int(value, column)


def _maybe_time(value: object, column: str) -> pd.Timestamp | None:
    return None if _missing(value) else _time(value, column)
