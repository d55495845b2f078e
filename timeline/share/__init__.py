"""Sharing a timeline outside Python: TimelineJS3 JSON and one self-contained HTML page.

- :func:`to_timelinejs` (:mod:`~timeline.share.timelinejs`) writes the JSON that TimelineJS
  (Knight Lab) reads: events with start and end dates at their grain, headline and text, and
  groups;
- :func:`to_html` (:mod:`~timeline.share.page`) writes one HTML file to send or publish: the
  events in time order with a search box and a zoomable overview, its script and style inline,
  so that it opens without a network;
- both start from :mod:`~timeline.share.records`: the placed rows in time order, each with its
  date at its grain, label, sources and group.

Neither needs an optional library. ``df.timeline.to_timelinejs(path)`` and
``df.timeline.to_html(path)`` call them.
"""

from timeline.share.page import to_html
from timeline.share.records import SharedEvent, shared_events
from timeline.share.timelinejs import timelinejs_data, to_timelinejs

__all__ = ["SharedEvent", "shared_events", "timelinejs_data", "to_html", "to_timelinejs"]
