"""A timeline as one self-contained HTML page: the events in time order, searchable, zoomable.

The page is one file with its style and script inline (``page.css`` and ``page.js`` beside
this module, written for it) and no reference to anything outside it: it opens from a disk, an
e-mail or a USB stick, without a network. Every event is in the HTML itself, in time order, with
its date at its grain, its phrase, its sources, and under it the sentence and the expression;
the script adds a search box that filters them as one types (every word must appear) and an
overview of the whole timeline that zooms (buttons, or the mouse wheel) and pans (dragging),
the list showing the events of the stretch in view.

>>> import numpy as np, pandas as pd
>>> df = pd.DataFrame({
...     "text": ["Thursday"], "event": ["he hinted at <Russia>"],
...     "start": np.array(["2022-01-06"], dtype="datetime64[s]"),
...     "end": np.array(["2022-01-07"], dtype="datetime64[s]"),
... })
>>> page = to_html(df, title="Kazakhstan")
>>> "he hinted at &lt;Russia&gt;" in page, "http://" in page.replace(SVG_NAMESPACE, "")
(True, False)
"""

from __future__ import annotations

import html
import json
import os
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from timeline.plot.labels import frame_title
from timeline.share.records import SharedEvent, shared_events

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SVG_NAMESPACE", "to_html"]

#: The one URL in the page: the name of SVG's namespace, which is never fetched.
SVG_NAMESPACE = "http://www.w3.org/2000/svg"

_PAGE = Template(
    """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="timeline">
<title>$title</title>
<style>
$css</style>
</head>
<body>
<header>
<h1>$title</h1>
<p class="meta">$summary</p>
$groups</header>
<div class="controls" role="search">
<input id="search" type="search" placeholder="Search the events" aria-label="Search the events">
<button id="zoom-in" type="button" title="Zoom in" aria-label="Zoom in">+</button>
<button id="zoom-out" type="button" title="Zoom out" aria-label="Zoom out">&minus;</button>
<button id="zoom-reset" type="button" title="The whole timeline">All</button>
<span id="status" aria-live="polite"></span>
</div>
<svg id="overview" role="img" aria-label="Overview of the timeline: scroll to zoom, drag to pan">
</svg>
<ol class="events">
$events
</ol>
<footer>Made with timeline: dated events found in the text, each with its date at its grain.
</footer>
<script type="application/json" id="timeline-data">$data</script>
<script>
$js</script>
</body>
</html>
"""
)


def to_html(
    df: pd.DataFrame,
    path: str | os.PathLike[str] | None = None,
    *,
    title: str | None = None,
    group: str | None = None,
) -> str:
    """One self-contained interactive HTML page of a timeline frame (see the module docstring).

    Written to ``path`` (UTF-8) when given; the page is returned either way. ``title`` is the
    page's title (by default the frame's one title, else "Timeline"); ``group`` the column
    whose values colour the events (by default the documents' titles, or their ``doc_id``,
    when the frame holds several). Rows with a NaT ``start`` or ``end`` are left out.
    """
    events = shared_events(df, group)
    heading = frame_title(df, title) or "Timeline"
    documents = len({s for e in events for s in e.sources})
    summary = f"{len(events)} dated events" + (
        f" from {documents} documents" if documents > 1 else ""
    )
    page = _PAGE.substitute(
        title=html.escape(heading),
        summary=summary,
        groups=_groups(events),
        events="\n".join(_item(e) for e in events),
        data=_script_json([{"x0": e.x0, "x1": e.x1, "colour": e.colour} for e in events]),
        css=_asset("page.css"),
        js=_asset("page.js"),
    )
    if path is not None:
        if not isinstance(path, str | os.PathLike):
            raise TypeError(f"path must be a str or os.PathLike, not {type(path).__name__}")
        Path(path).write_text(page, encoding="utf-8")
    return page


def _asset(name: str) -> str:
    return files("timeline.share").joinpath(name).read_text(encoding="utf-8")


def _script_json(value: object) -> str:
    """JSON that cannot end its ``<script>`` element early."""
    return json.dumps(value, separators=(",", ":")).replace("</", "<\\/")


def _groups(events: list[SharedEvent]) -> str:
    """The list of groups with their colours (none for a single group)."""
    colours = dict.fromkeys((e.group, e.colour) for e in events if e.group)
    if len(colours) < 2:
        return ""
    entries = "".join(
        f'<li><span class="chip" style="--c:{c}"></span>{html.escape(g)}</li>'
        for g, c in sorted(colours)
    )
    return f'<ul class="groups">{entries}</ul>\n'


def _item(event: SharedEvent) -> str:
    """One event of the list: when, what, how many sources; then the sentence, the
    expression and the sources."""
    esc = html.escape
    count = f' <span class="sources">[{event.count} sources]</span>' if event.count > 1 else ""
    more = []
    if event.sentence:
        more.append(f"<q>{esc(event.sentence)}</q>")
    expression = f"“{esc(event.expression)}”" + (f" ({esc(event.value)})" if event.value else "")
    more.append(expression)
    if event.sources:
        more.append(
            ("sources: " if len(event.sources) > 1 else "source: ") + esc(", ".join(event.sources))
        )
    return (
        f'<li class="event" id="event-{event.index}" style="--c:{event.colour}">'
        f'<span class="when">{esc(event.when)}</span>'
        f'<div class="what"><span class="headline">{esc(event.headline)}</span>{count}'
        f'<div class="more">{" · ".join(more)}</div></div></li>'
    )
