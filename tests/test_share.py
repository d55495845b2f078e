"""Sharing: TimelineJS3 JSON that TimelineJS3's documented fields accept, and one HTML page that
needs nothing outside itself (its behaviour in a browser: tests/test_browser.py)."""

from __future__ import annotations

import csv
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import timelinejs_schema
from frames import timeline_of
from paths import ARTICLE, DATA

import timeline
from timeline.share import to_html, to_timelinejs
from timeline.share.page import SVG_NAMESPACE

DATES = list(csv.DictReader((DATA / "share_dates.tsv").open(encoding="utf-8"), delimiter="\t"))


def frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    for column in ("start", "end"):
        df[column] = np.array(df[column].tolist(), dtype="datetime64[s]")
    return df


@pytest.mark.parametrize("case", DATES, ids=[c["display_date"] for c in DATES])
def test_dates_keep_their_grain_and_the_end_is_the_last_unit_inside(case: dict[str, str]) -> None:
    df = frame([{"text": "x", "event": "something", "start": case["start"], "end": case["end"]}])
    (event,) = to_timelinejs(df)["events"]
    assert event["start_date"] == json.loads(case["start_date"])
    assert event.get("end_date") == (json.loads(case["end_date"]) if case["end_date"] else None)
    assert event["display_date"] == case["display_date"]


def test_the_bundled_article_validates_and_is_written(tmp_path: Path) -> None:
    df = timeline.extract(ARTICLE)
    data = timeline_of(df).to_timelinejs(tmp_path / "t.json")
    assert timelinejs_schema.problems(data) == []
    assert json.loads((tmp_path / "t.json").read_text(encoding="utf-8")) == data
    placed = df.dropna(subset=["start", "end"])
    assert len(data["events"]) == len(placed)
    assert data["title"]["text"]["headline"].startswith("Kazakhstan")
    assert data["scale"] == "human"
    headlines = [e["text"]["headline"] for e in data["events"]]
    assert "Russian protests" in headlines


def test_a_corpus_has_a_group_per_document_and_escaped_text() -> None:
    df = frame(
        [
            {"text": "2010", "event": "sales <rose>", "doc_id": "a", "title": "Sales & more",
             "start": "2010-01-01", "end": "2011-01-01", "sentence": "In 2010 sales <rose>."},
            {"text": "June 24", "event": "launch", "doc_id": "b", "title": "Launch",
             "start": "2010-06-24", "end": "2010-06-25"},
        ]
    )  # fmt: skip
    data = to_timelinejs(df, title="Two documents")
    assert timelinejs_schema.problems(data) == []
    assert [e["group"] for e in data["events"]] == ["Sales & more", "Launch"]
    assert data["events"][0]["text"]["headline"] == "sales &lt;rose&gt;"
    assert "In 2010 sales &lt;rose&gt;." in data["events"][0]["text"]["text"]
    assert "from 2 documents" in data["title"]["text"]["text"]
    assert [e["group"] for e in to_timelinejs(df, group="text")["events"]] == ["2010", "June 24"]
    with pytest.raises(ValueError, match="group='nope' is not a column"):
        to_timelinejs(df, group="nope")


def test_a_merged_timeline_names_its_sources() -> None:
    df = frame(
        [
            {"text": "June 24", "event": "the iPhone 4 went on sale", "doc_id": d,
             "start": "2010-06-24", "end": "2010-06-25"}
            for d in ("a", "b")
        ]
    )  # fmt: skip
    merged = timeline.merge(df)
    (event,) = to_timelinejs(merged)["events"]
    assert "sources: a, b" in event["text"]["text"]
    assert "[2 sources]" in to_html(merged)


@pytest.mark.parametrize(
    ("bad", "says"),
    [
        ({"events": [{"text": {"headline": "x"}}]}, "start_date: required"),
        ({"events": [{"start_date": {"year": "2007"}}]}, "year: required, a number"),
        ({"events": [{"start_date": {"year": 2007, "month": 13}}]}, "month: 13"),
        ({"events": [{"start_date": {"year": 2007}, "colour": "red"}]}, "'colour' is not"),
        ({"events": [{"start_date": {"year": 2007, "month": 2, "day": 30}}]}, "not a calendar"),
        ({"events": [{"start_date": {"year": 2009}, "end_date": {"year": 2007}}]}, "before"),
        ({"events": [], "scale": "geological"}, "scale"),
    ],
)
def test_the_schema_check_finds_what_timelinejs_does_not_document(
    bad: dict[str, object], says: str
) -> None:
    assert any(says in problem for problem in timelinejs_schema.problems(bad))


class _Outside(HTMLParser):
    """What an HTML page would fetch: src, href, srcset, link and @import."""

    def __init__(self) -> None:
        super().__init__()
        self.fetches: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href", "srcset", "data", "poster", "action") and value:
                self.fetches.append(f"{tag} {name}={value}")
        if tag in ("link", "iframe", "object", "embed", "img", "base"):
            self.fetches.append(tag)


def test_the_page_needs_nothing_outside_itself(tmp_path: Path) -> None:
    df = timeline.extract(ARTICLE)
    page = timeline_of(df).to_html(tmp_path / "page.html")
    assert (tmp_path / "page.html").read_text(encoding="utf-8") == page
    outside = _Outside()
    outside.feed(page)
    assert outside.fetches == []
    assert "@import" not in page and "url(" not in page
    assert re.findall(r"https?://[^\s\"'<>)]+", page) == [SVG_NAMESPACE]  # a name, not fetched
    assert page.count("<script") == 2 and page.count("</script>") == 2


def test_every_placed_event_is_in_the_page_in_time_order_and_text_cannot_break_it() -> None:
    df = frame(
        [
            {"text": "2016", "event": "a </script><b>bold</b> move", "start": "2016-01-01",
             "end": "2017-01-01"},
            {"text": "2011", "event": "protests", "start": "2011-01-01", "end": "2012-01-01"},
            {"text": "someday", "event": "never placed", "start": "NaT", "end": "NaT"},
        ]
    )  # fmt: skip
    page = to_html(df)
    assert page.count('<li class="event" id=') == 2 and "never placed" not in page
    assert page.index("protests") < page.index("move")
    assert "a &lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; move" in page
    assert page.count("</script>") == 2
    assert "<title>Timeline</title>" in page
