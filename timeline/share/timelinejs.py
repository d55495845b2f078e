"""A timeline as TimelineJS3 JSON: the format that TimelineJS (Knight Lab) reads.

The JSON is one object: ``events``, a list of slides, each with a ``start_date`` and, for an
event longer than its grain, an ``end_date`` (date objects of ``year``, ``month``, ``day``,
``hour``, ``minute``: as many as the grain has, so "2007" stays a year and "Jan 2007" a month;
the end date is the last unit inside the interval, as TimelineJS means it), a ``text`` of
``headline`` and ``text`` (HTML, escaped), a ``group`` (the document), a ``display_date``
(the date as the pictures write it) and a ``unique_id``; and, with a title, a ``title`` slide.
BC years are negative, as TimelineJS asks (490 BC is ``-490``).

>>> import numpy as np, pandas as pd
>>> df = pd.DataFrame({
...     "text": ["2011-13", "Thursday"],
...     "event": ["Russian protests", "he hinted at Russia"],
...     "start": np.array(["2011-01-01", "2022-01-06"], dtype="datetime64[s]"),
...     "end": np.array(["2014-01-01", "2022-01-07"], dtype="datetime64[s]"),
... })
>>> data = timelinejs_data(df, title="Kazakhstan")
>>> [(e["start_date"], e.get("end_date")) for e in data["events"]]
[({'year': 2011}, {'year': 2013}), ({'year': 2022, 'month': 1, 'day': 6}, None)]
>>> data["events"][1]["text"]["headline"], data["title"]["text"]["headline"]
('he hinted at Russia', 'Kazakhstan')
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.plot.labels import frame_title
from timeline.share.records import SharedEvent, shared_events

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["timelinejs_data", "to_timelinejs"]

_FIELDS = {"year": 1, "month": 2, "day": 3, "time": 5}
#: Years a JavaScript Date holds (TimelineJS's "human" scale); beyond them, "cosmological".
_JS_YEARS = 271_820


def to_timelinejs(
    df: pd.DataFrame,
    path: str | os.PathLike[str] | None = None,
    *,
    title: str | None = None,
    group: str | None = None,
) -> dict[str, Any]:
    """The TimelineJS3 JSON of a timeline frame; written to ``path`` (UTF-8) when given.

    ``title`` is the title slide (by default the frame's one title, if it has one; ``""`` for
    none); ``group`` the column that groups the events (by default the title of each
    document when the frame holds several, else their ``doc_id``). Rows with a NaT ``start``
    or ``end`` are left out. Returns the JSON as a dict.
    """
    data = timelinejs_data(df, title=title, group=group)
    if path is not None:
        if not isinstance(path, str | os.PathLike):
            raise TypeError(f"path must be a str or os.PathLike, not {type(path).__name__}")
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return data


def timelinejs_data(
    df: pd.DataFrame, *, title: str | None = None, group: str | None = None
) -> dict[str, Any]:
    """The TimelineJS3 JSON object of a frame (see :func:`to_timelinejs`)."""
    events = shared_events(df, group)
    data: dict[str, Any] = {"events": [_slide(e) for e in events]}
    heading = frame_title(df, title)
    if heading:
        documents = len({s for e in events for s in e.sources})
        summary = f"{len(events)} dated events" + (
            f" from {documents} documents" if documents > 1 else ""
        )
        data["title"] = {"text": {"headline": html.escape(heading), "text": summary}}
    years = [e.start[0] for e in events] + [e.end[0] for e in events]
    far = any(abs(y) > _JS_YEARS for y in years)
    data["scale"] = "cosmological" if far else "human"
    return data


def _slide(event: SharedEvent) -> dict[str, Any]:
    """The slide of one event."""
    slide: dict[str, Any] = {"start_date": _date(event.start, event.grain)}
    if _date(event.end, event.grain) != slide["start_date"]:
        slide["end_date"] = _date(event.end, event.grain)
    slide["text"] = {"headline": html.escape(event.headline), "text": _text(event)}
    if event.group:
        slide["group"] = event.group
    slide["display_date"] = event.when
    slide["unique_id"] = f"event-{event.index}"
    return slide


def _date(parts: tuple[int, int, int, int, int, int], grain: str) -> dict[str, int]:
    """A TimelineJS date object with the fields of ``grain`` (BC years negative: -490)."""
    year, month, day, hour, minute, _ = parts
    values = {"year": year if year > 0 else year - 1, "month": month, "day": day}
    values |= {"hour": hour, "minute": minute}
    return dict(list(values.items())[: _FIELDS[grain]])


def _text(event: SharedEvent) -> str:
    """The slide's text: the sentence, then the expression, its value and the sources."""
    parts = []
    if event.sentence:
        parts.append(f"<p>{html.escape(event.sentence)}</p>")
    said = f"<i>{html.escape(event.expression)}</i>"
    if event.value:
        said += f" ({html.escape(event.value)})"
    if event.sources:
        said += " · " + ("sources: " if len(event.sources) > 1 else "source: ")
        said += html.escape(", ".join(event.sources))
    parts.append(f"<p>{said}</p>")
    return "".join(parts)
