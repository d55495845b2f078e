"""A check of TimelineJS3 JSON against the fields TimelineJS3 documents (our own, for tests).

From TimelineJS3's "JSON data format" documentation: the object has ``events`` (required, a
list of slides), ``title`` (a slide), ``eras`` (a list of eras), ``scale`` (``human`` or
``cosmological``). A slide has ``start_date`` (required, except for the title), ``end_date``,
``text``, ``media``, ``group`` (text), ``display_date`` (text), ``background``, ``autolink``
(boolean) and ``unique_id`` (text). A date has ``year`` (required, a number, BCE negative, no
letters), ``month`` (1-12), ``day``, ``hour`` (0-23), ``minute`` (0-59), ``second`` (0-59),
``millisecond`` (numbers), ``display_date`` and ``format`` (text). A text has ``headline`` and
``text`` (text, HTML allowed). A media has ``url`` (required), ``caption``, ``credit``,
``thumbnail``, ``alt``, ``title``, ``link``, ``link_target``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

TOP = {"events", "title", "eras", "scale"}
SLIDE = {
    "start_date", "end_date", "text", "media", "group", "display_date", "background",
    "autolink", "unique_id",
}  # fmt: skip
DATE = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format"}
TEXT = {"headline", "text"}
MEDIA = {"url", "caption", "credit", "thumbnail", "alt", "title", "link", "link_target"}
RANGES = {"month": (1, 12), "day": (1, 31), "hour": (0, 23), "minute": (0, 59), "second": (0, 59)}


def problems(data: Any) -> list[str]:
    """Every way ``data`` departs from the documented format (empty when it is valid)."""
    out: list[str] = []
    if not isinstance(data, dict):
        return ["the JSON is not an object"]
    out += _keys("timeline", data, TOP)
    if not isinstance(data.get("events"), list):
        out.append("events: required, a list of slides")
    else:
        for i, slide in enumerate(data["events"]):
            out += _slide(f"events[{i}]", slide, title=False)
    if "title" in data:
        out += _slide("title", data["title"], title=True)
    if data.get("scale", "human") not in ("human", "cosmological"):
        out.append(f"scale: {data['scale']!r} is neither human nor cosmological")
    for i, era in enumerate(data.get("eras", [])):
        for end in ("start_date", "end_date"):
            out += _date(f"eras[{i}].{end}", era.get(end))
    return out


def _keys(where: str, obj: dict[str, Any], allowed: set[str]) -> list[str]:
    return [f"{where}: {key!r} is not a documented field" for key in sorted(set(obj) - allowed)]


def _slide(where: str, slide: Any, *, title: bool) -> list[str]:
    if not isinstance(slide, dict):
        return [f"{where}: not an object"]
    out = _keys(where, slide, SLIDE)
    if "start_date" in slide or not title:
        out += _date(f"{where}.start_date", slide.get("start_date"))
    if "end_date" in slide:
        out += _date(f"{where}.end_date", slide["end_date"])
        if not out and _as_tuple(slide["end_date"]) < _as_tuple(slide["start_date"]):
            out.append(f"{where}: end_date before start_date")
    if "text" in slide:
        text = slide["text"]
        if not isinstance(text, dict):
            out.append(f"{where}.text: not an object")
        else:
            out += _keys(f"{where}.text", text, TEXT)
            out += [
                f"{where}.text.{k}: not text" for k in TEXT if not isinstance(text.get(k, ""), str)
            ]
    if "media" in slide:
        media = slide["media"]
        out += _keys(f"{where}.media", media, MEDIA)
        if "url" not in media:
            out.append(f"{where}.media.url: required")
    for key in ("group", "display_date", "unique_id"):
        if key in slide and not isinstance(slide[key], str):
            out.append(f"{where}.{key}: not text")
    if "autolink" in slide and not isinstance(slide["autolink"], bool):
        out.append(f"{where}.autolink: not a boolean")
    return out


def _date(where: str, date: Any) -> list[str]:
    if not isinstance(date, dict):
        return [f"{where}: required, a date object"]
    out = _keys(where, date, DATE)
    year = date.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        out.append(f"{where}.year: required, a number (not {year!r})")
    for key, (lo, hi) in RANGES.items():
        value = date.get(key, lo)
        if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
            out.append(f"{where}.{key}: {value!r} is not a number from {lo} to {hi}")
    if not out and {"year", "month", "day"} <= set(date) and date["year"] > 0:
        try:
            dt.date(date["year"], date["month"], date["day"])
        except ValueError:
            out.append(f"{where}: {date} is not a calendar date")
    for key in ("display_date", "format"):
        if key in date and not isinstance(date[key], str):
            out.append(f"{where}.{key}: not text")
    return out


def _as_tuple(date: dict[str, int]) -> tuple[int, ...]:
    return tuple(date.get(k, 0) for k in ("year", "month", "day", "hour", "minute", "second"))
