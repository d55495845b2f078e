"""The words on a picture: each event's label and the title.

A label says when and what: ``when · event``, the date at its grain (:mod:`timeline.plot.when`,
so "today" shows the day it was) and the event phrase (the expression when there is no
event), with ``[n sources]`` for an event that several documents report. A frame with a
``label`` column (a merged timeline's) gives its own labels. Labels are never cut unless asked
(``max_chars``); pictures wrap them into lines (:func:`wrapped_lines`).

>>> import numpy as np, pandas as pd
>>> rows = pd.DataFrame({
...     "text": ["2011-13", "today", "2016"],
...     "event": ["Russian protests", "Apple introduced the iPhone", None],
...     "count": [3, 1, 1],
...     "start": np.array(["2011", "2007-01-09", "2016"], dtype="datetime64[s]"),
...     "end": np.array(["2014", "2007-01-10", "2017"], dtype="datetime64[s]"),
... })
>>> event_labels(rows)
['2011–2013 · Russian protests [3 sources]', '9 Jan 2007 · Apple introduced the iPhone', '2016']
>>> event_labels(rows, max_chars=32)[0]
'2011–2013 · Russian… [3 sources]'
>>> wrapped_lines("9 Jan 2007 · Apple introduced the iPhone", 20)
['9 Jan 2007 · Apple', 'introduced the', 'iPhone']
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from timeline.plot.when import when_texts

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "event_labels",
    "frame_title",
    "plain_text",
    "shortened",
    "source_counts",
    "wrapped_lines",
]


def plain_text(value: object) -> str:
    """A cell as one line of text: runs of white space as one space, ``""`` for a missing value.

    >>> plain_text("  talks\\n in   Geneva "), plain_text(None), plain_text(float("nan"))
    ('talks in Geneva', '', '')
    """
    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return re.sub(r"\s+", " ", str(value)).strip()


def shortened(text: str, limit: int) -> str:
    """``text`` if it has at most ``limit`` characters, else cut to ``limit`` ending in ``…``.

    >>> shortened("talks in Geneva", 10)
    'talks in…'
    """
    return text if len(text) <= limit else text[: max(1, limit - 1)].rstrip(" ,;:-") + "…"


def event_labels(rows: pd.DataFrame, max_chars: int | None = None) -> list[str]:
    """``when · event [n sources]`` for each row (see the module), cut to ``max_chars`` if given.

    ``rows`` are placed rows (``start`` and ``end`` not NaT), as :func:`placed_rows` gives.
    """
    whens = when_texts(rows["start"].to_numpy(), rows["end"].to_numpy())
    own = _column(rows, "label")
    events, texts = _column(rows, "event"), _column(rows, "text")
    out = []
    for when, label, event, text, n in zip(
        whens, own, events, texts, source_counts(rows), strict=True
    ):
        if not label:
            phrase = event or text
            label = when if not phrase or phrase == when else f"{when} · {phrase}"
        suffix = f" [{n} sources]" if n > 1 else ""
        out.append((shortened(label, max_chars - len(suffix)) if max_chars else label) + suffix)
    return out


def source_counts(rows: pd.DataFrame) -> list[int]:
    """How many documents report each row: ``count``, else the number of ``sources`` or of
    ``doc_ids`` (a list, or a number), else 1."""

    for column in ("count", "sources", "doc_ids"):
        if column in rows.columns:
            return [_how_many(v) for v in rows[column]]
    return [1] * len(rows)


def _how_many(value: object) -> int:
    if isinstance(value, list | tuple | set | frozenset):
        return max(1, len(set(value)))
    if hasattr(value, "tolist") and not isinstance(value, int | float):  # a numpy array
        return _how_many(value.tolist())  # type: ignore[union-attr]
    try:
        return max(1, int(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):  # NA, None, text
        return 1


def wrapped_lines(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken between words (a longer word
    has a line of its own, whole)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines or [""]


def _column(rows: pd.DataFrame, name: str) -> list[str]:
    """The cells of a column as plain text (``""`` for missing cells, or a missing column)."""
    if name not in rows.columns:
        return [""] * len(rows)
    return [plain_text(v) for v in rows[name]]


def frame_title(df: pd.DataFrame, title: str | None) -> str:
    """``title`` if given, else the frame's ``title`` column when it holds exactly one title."""
    if title is not None:
        return title
    if "title" not in df.columns:
        return ""
    titles = {plain_text(t) for t in df["title"]} - {""}
    return titles.pop() if len(titles) == 1 else ""
