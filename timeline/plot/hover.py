"""What hovering over an event of the interactive figure shows.

The event's label (its date and event, whole), the expression and its value, the interval (to
the day, or to the minute for shorter events), the sentence and the sources, as plotly's HTML:
escaped, long lines wrapped.

>>> import numpy as np, pandas as pd
>>> rows = pd.DataFrame({
...     "text": ["Thursday"],
...     "value": ["2022-01-06"],
...     "event": ["he hinted at Russia"],
...     "start": np.array(["2022-01-06"], dtype="datetime64[s]"),
...     "end": np.array(["2022-01-07"], dtype="datetime64[s]"),
...     "doc_id": ["gt"],
... })
>>> print(hover_texts(rows, ["6 Jan 2022 · he hinted at Russia"])[0].replace("<br>", "\\n"))
<b>6 Jan 2022 · he hinted at Russia</b>
<i>Thursday</i> (2022-01-06)
2022-01-06 to 2022-01-07 (exclusive)
<i>source:</i> gt
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from timeline.plot.labels import plain_text
from timeline.plot.rows import DAY_SECONDS
from timeline.plot.years import date_text

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["hover_texts"]


def hover_texts(rows: pd.DataFrame, labels: list[str]) -> list[str]:
    """Hover text: the label, the expression and its value, the interval, the sentence and the
    sources."""
    import numpy as np

    def cell(column: str, i: int) -> str:
        return plain_text(rows[column].iloc[i]) if column in rows.columns else ""

    out = []
    starts, ends = rows["start"].to_numpy(), rows["end"].to_numpy()
    for i in range(len(rows)):
        unit = "day" if (ends[i] - starts[i]) >= np.timedelta64(DAY_SECONDS, "s") else "minute"
        expression = html.escape(cell("text", i))
        value = cell("value", i)
        parts = [f"<b>{_wrapped(labels[i], width=70)}</b>"]
        parts.append(f"<i>{expression}</i>" + (f" ({html.escape(value)})" if value else ""))
        parts.append(f"{date_text(starts[i], unit)} to {date_text(ends[i], unit)} (exclusive)")
        if cell("sentence", i):
            parts.append(f"<i>sentence:</i> {_wrapped(cell('sentence', i))}")
        source = cell("title", i) or cell("doc_id", i)
        if source:
            parts.append(f"<i>source:</i> {html.escape(source)}")
        for column in ("sources", "doc_ids"):  # the documents of a merged row
            if column in rows.columns and isinstance(rows[column].iloc[i], list | tuple):
                names = ", ".join(dict.fromkeys(str(s) for s in rows[column].iloc[i]))
                parts.append(f"<i>sources:</i> {_wrapped(names)}")
                break
        out.append("<br>".join(parts))
    return out


def _wrapped(text: str, width: int = 90) -> str:
    """``text`` escaped for HTML, in lines of at most ``width`` characters joined by ``<br>``.

    >>> _wrapped("talks in <Geneva> on Monday", width=12)
    'talks in<br>&lt;Geneva&gt; on<br>Monday'
    """
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join(html.escape(x) for x in [*lines, line] if x)
