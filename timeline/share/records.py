"""The events a shared timeline shows: placed rows in time order, each with what a reader needs.

Both ways of sharing (:mod:`timeline.share.timelinejs`, :mod:`timeline.share.page`) start
from these records: the date at its grain, the label of the pictures, the event phrase, the
expression and its value, the sentence, the sources, and a group (a document's title or id)
with its colour from the pictures' palette.

>>> import numpy as np, pandas as pd
>>> df = pd.DataFrame({
...     "text": ["Thursday", "2011-13"],
...     "event": ["he hinted at Russia", "Russian protests"],
...     "start": np.array(["2022-01-06", "2011-01-01"], dtype="datetime64[s]"),
...     "end": np.array(["2022-01-07", "2014-01-01"], dtype="datetime64[s]"),
... })
>>> [(e.when, e.headline, e.grain) for e in shared_events(df)]
[('2011–2013', 'Russian protests', 'year'), ('6 Jan 2022', 'he hinted at Russia', 'day')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from timeline.plot.colours import DEFAULT_COLOUR, palette_of
from timeline.plot.labels import event_labels, plain_text, source_counts
from timeline.plot.rows import placed_rows
from timeline.plot.when import when_texts
from timeline.plot.years import date_parts, fractional_years
from timeline.schema import REQUIRED, check_frame

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SharedEvent", "default_group", "shared_events"]


@attrs.frozen
class SharedEvent:
    """One event of a shared timeline (see the module docstring).

    ``start`` and ``end`` are the interval's first second and its last second (inclusive), as
    (astronomical year, month, day, hour, minute, second); ``grain`` is the coarsest of year,
    month, day and time that both bounds fall on; ``x0`` and ``x1`` are fractional years.
    """

    index: int
    start: tuple[int, int, int, int, int, int]
    end: tuple[int, int, int, int, int, int]
    grain: str
    x0: float
    x1: float
    when: str
    label: str
    headline: str
    expression: str
    value: str
    sentence: str
    sources: list[str]
    count: int
    group: str
    colour: str

    @classmethod
    def from_row(
        cls, index: int, row: Any, label: str, when: str, count: int, group: str, colour: str
    ) -> SharedEvent:
        """The record of one placed row (a namedtuple of :func:`placed_rows`)."""
        import numpy as np

        start = np.datetime64(row.start, "s")
        end = np.datetime64(row.end, "s")
        last = end - np.timedelta64(1, "s")
        years = fractional_years(np.array([start, end]))
        expression = plain_text(row.text)
        if not expression and getattr(row, "dated_by", "") == "published":
            expression = "(dated by the publication day)"  # undated="published": no expression
        return cls(
            index=index,
            start=date_parts(start),
            end=date_parts(last),
            grain=_grain(start, end),
            x0=float(years[0]),
            x1=float(years[1]),
            when=when,
            label=label,
            headline=plain_text(getattr(row, "event", "")) or expression,
            expression=expression,
            value=plain_text(getattr(row, "value", "")),
            sentence=plain_text(getattr(row, "sentence", "")),
            sources=_sources(row),
            count=count,
            group=group,
            colour=colour,
        )


def default_group(df: pd.DataFrame) -> str | None:
    """The column to group by: ``title`` when the frame has several titles, else ``doc_id``
    when it has several documents, else None."""
    for column in ("title", "doc_id"):
        if column in df.columns and df[column].nunique(dropna=True) > 1:
            return column
    return None


def shared_events(df: pd.DataFrame, group: str | None = None) -> list[SharedEvent]:
    """The records of the rows of ``df`` on the timeline, in time order.

    ``group`` is a column whose values group (and colour) the events; by default
    :func:`default_group`. A missing column raises ``ValueError``.
    """
    check_frame(df, REQUIRED, what="timeline sharing")
    if group is not None and group not in df.columns:
        raise ValueError(
            f"group={group!r} is not a column of the frame ({', '.join(map(str, df.columns))})"
        )
    column = group or default_group(df)
    rows = placed_rows(df)
    labels = event_labels(rows)
    whens = when_texts(rows["start"].to_numpy(), rows["end"].to_numpy())
    groups = [plain_text(v) for v in rows[column]] if column else [""] * len(rows)
    colours = palette_of([g for g in groups if g]) if column else {}
    counts = source_counts(rows)
    return [
        SharedEvent.from_row(
            i,
            row,
            labels[i],
            whens[i],
            counts[i],
            groups[i],
            colours.get(groups[i], DEFAULT_COLOUR),
        )
        for i, row in enumerate(rows.itertuples(index=False))
    ]


def _grain(start: Any, end: Any) -> str:
    for unit, grain in (("Y", "year"), ("M", "month"), ("D", "day")):
        if all(t.astype(f"datetime64[{unit}]").astype("datetime64[s]") == t for t in (start, end)):
            return grain
    return "time"


def _sources(row: Any) -> list[str]:
    """The documents of a row: its ``sources`` or ``doc_ids`` (a merged row), else its
    ``doc_id``."""
    for name in ("sources", "doc_ids"):
        value = getattr(row, name, None)
        if isinstance(value, list | tuple):
            return list(dict.fromkeys(plain_text(v) for v in value if plain_text(v)))
    doc = plain_text(getattr(row, "doc_id", ""))
    return [doc] if doc else []
