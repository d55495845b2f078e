"""The words on a picture: each event's label and the title.

A label is ``expression: event`` (only the expression when the event is missing or the same),
shortened with ``…``, with ``[n sources]`` for an event that several documents report.

>>> import pandas as pd
>>> rows = pd.DataFrame({
...     "text": ["2011-13", "2016"],
...     "event": ["Russian protests", None],
...     "count": [3, 1],
... })
>>> event_labels(rows, max_chars=60)
['2011-13: Russian protests [3 sources]', '2016']
>>> event_labels(rows, max_chars=30)
['2011-13: Russian… [3 sources]', '2016']
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["event_labels", "frame_title", "plain_text", "shortened"]


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


def event_labels(rows: pd.DataFrame, max_chars: int) -> list[str]:
    """``expression: event`` for each row, shortened to ``max_chars``, with ``[n sources]``."""
    import pandas as pd

    events = rows["event"] if "event" in rows.columns else pd.Series([None] * len(rows))
    counts = rows["count"] if "count" in rows.columns else pd.Series([1] * len(rows))
    out = []
    for text, event, count in zip(rows["text"], events, counts, strict=True):
        expression, phrase = plain_text(text), plain_text(event)
        label = expression if not phrase or phrase == expression else f"{expression}: {phrase}"
        n = int(count) if pd.notna(count) else 1
        suffix = f" [{n} sources]" if n > 1 else ""
        out.append(shortened(label, max_chars - len(suffix)) + suffix)
    return out


def frame_title(df: pd.DataFrame, title: str | None) -> str:
    """``title`` if given, else the frame's ``title`` column when it holds exactly one title."""
    if title is not None:
        return title
    if "title" not in df.columns:
        return ""
    titles = {plain_text(t) for t in df["title"]} - {""}
    return titles.pop() if len(titles) == 1 else ""
