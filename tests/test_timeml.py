"""Tests of TimeML / MEANTIME reading (timeline.evaluation, imported through timeline.timeml,
where it was) and TimeML writing (timeline.timeml)."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from paths import MEANTIME, TBAQ
from paths import TIMEML_DATA as DATA

from timeline.timeml import (
    GoldTimex,
    TimeMLDocument,
    read_corpus,
    resolve_overlaps,
    to_timeml,
)

needs_tbaq = pytest.mark.skipif(not TBAQ.is_dir(), reason="TBAQ-cleaned corpus not available")
needs_meantime = pytest.mark.skipif(not MEANTIME.is_dir(), reason="MEANTIME not available")


def strip_tags(xml: str) -> str:
    return re.sub(r"<[^>]*>", "", xml)


def inner_text_xml(timeml: str) -> str:
    found = re.search(r"<TEXT>(.*)</TEXT>", timeml, re.S)
    assert found is not None
    return found.group(1)


def frame(*rows: tuple[int, int, str, str, object]) -> pd.DataFrame:
    return pd.DataFrame(
        [(s, e, "", t, v, m) for s, e, t, v, m in rows],
        columns=["char_start", "char_end", "text", "type", "value", "mod"],
    )


# --------------------------------------------------------------------------- .tml reading


@pytest.fixture(scope="module")
def sample() -> TimeMLDocument:
    return TimeMLDocument.from_tml(DATA / "sample.tml")


def test_tml_text_and_dct(sample: TimeMLDocument) -> None:
    assert sample.doc_id == "SAMPLE19980108.0001"
    assert sample.dct == "1998-01-08"
    assert sample.text.startswith("\nAT&T shares fell yesterday, the company said.\n\nProfits")
    assert "<" not in sample.text and "&amp;" not in sample.text
    assert sample.raw_text_xml.startswith('\nAT&amp;T shares <EVENT eid="e1"')


def test_tml_timexes(sample: TimeMLDocument) -> None:
    assert [(t.tid, t.text, t.type, t.value, t.mod) for t in sample.timexes] == [
        ("t1", "yesterday", "DATE", "1998-01-07", ""),
        ("t2", "more than three years", "DURATION", "P3Y", "MORE_THAN"),
        ("t3", "the fourth quarter", "DATE", "1997-Q4", ""),
    ]
    for timex in sample.timexes:
        assert sample.text[timex.char_start : timex.char_end] == timex.text
    assert all(t.tid != "t0" for t in sample.timexes), "the DCT is not a text timex"


def test_tml_events_and_tlinks(sample: TimeMLDocument) -> None:
    assert [(e.eid, e.text, e.eclass, e.pos) for e in sample.events] == [
        ("e1", "fell", "OCCURRENCE", "VERB"),
        ("e2", "said", "REPORTING", "VERB"),
        ("e3", "rose", "OCCURRENCE", "VERB"),
    ]
    for event in sample.events:
        assert sample.text[event.char_start : event.char_end] == event.text
    links = {link.lid: link for link in sample.tlinks}
    assert (links["l1"].event_id, links["l1"].timex_id, links["l1"].event_rel_type) == (
        "e1",
        "t1",
        "IS_INCLUDED",
    )
    # annotated timex -> event: read from the event's side the relation is inverted
    assert (links["l2"].source_id, links["l2"].target_id) == ("t2", "e3")
    assert (links["l2"].event_id, links["l2"].timex_id, links["l2"].event_rel_type) == (
        "e3",
        "t2",
        "IS_INCLUDED",
    )
    assert (links["l3"].source_id, links["l3"].target_id, links["l3"].event_id) == (
        "e2",
        "e1",
        None,
    )
    assert not links["l4"].is_event_timex
    assert links["l5"].timex_id == "t0"


def test_tml_from_string_equals_from_path(sample: TimeMLDocument) -> None:
    from_string = TimeMLDocument.from_tml((DATA / "sample.tml").read_text(encoding="utf-8"))
    assert from_string.text == sample.text
    assert from_string.timexes == sample.timexes
    assert from_string.source == ""


def test_tml_rejects_malformed_xml() -> None:
    with pytest.raises(Exception):  # noqa: B017 - any XML parse error will do
        TimeMLDocument.from_tml("<TimeML><TEXT>a <TIMEX3 tid='t1'>b</TEXT></TimeML>")


# --------------------------------------------------------------------------- MEANTIME reading


@pytest.fixture(scope="module")
def meantime() -> TimeMLDocument:
    return TimeMLDocument.from_meantime(DATA / "sample_meantime.xml")


def test_meantime_text(meantime: TimeMLDocument) -> None:
    assert meantime.doc_id == "1_Sample_company_reports_profits"
    assert meantime.text == (
        "Company reports profits\nMarch 06 , 2008\nProfits rose last year & will rise ."
    )
    assert meantime.raw_text_xml.endswith("last year &amp; will rise .")


def test_meantime_timexes_and_dct(meantime: TimeMLDocument) -> None:
    assert meantime.dct == "2008-03-06"
    assert meantime.timexes == (
        GoldTimex("t30", 24, 39, "March 06 , 2008", "DATE", "2008-03-06", "", "CREATION_TIME"),
        GoldTimex("t31", 53, 62, "last year", "DATE", "2007", "", "NONE"),
    )
    assert meantime.unanchored_timexes == 1


def test_meantime_events_and_tlinks(meantime: TimeMLDocument) -> None:
    assert [(e.eid, e.text, e.eclass, e.pos) for e in meantime.events] == [
        ("e20", "rose", "OTHER", "VERB"),
        ("e21", "rise", "OTHER", "VERB"),
    ]
    links = {link.lid: link for link in meantime.tlinks}
    assert (links["l101"].event_id, links["l101"].timex_id, links["l101"].event_rel_type) == (
        "e20",
        "t31",
        "IS_INCLUDED",
    )
    assert (links["l102"].event_id, links["l102"].timex_id, links["l102"].event_rel_type) == (
        "e21",
        "t30",
        "AFTER",
    )
    assert links["l103"].event_id is None


def test_read_corpus_directory() -> None:
    docs = read_corpus(DATA)
    assert sorted(d.doc_id for d in docs) == [
        "1_Sample_company_reports_profits",
        "SAMPLE19980108.0001",
    ]
    assert [d.doc_id for d in read_corpus([DATA / "sample.tml"])] == ["SAMPLE19980108.0001"]
    with pytest.raises(FileNotFoundError):
        read_corpus(DATA / "missing.tml")


# --------------------------------------------------------------------------- writing


def test_to_timeml_keeps_gold_text_byte_identical(sample: TimeMLDocument) -> None:
    written = to_timeml(sample, sample.timex_frame())
    assert strip_tags(inner_text_xml(written)) == strip_tags(sample.raw_text_xml)
    reread = TimeMLDocument.from_tml(written)
    assert reread.text == sample.text
    assert reread.dct == sample.dct and reread.doc_id == sample.doc_id
    assert [(t.char_start, t.char_end, t.type, t.value, t.mod) for t in reread.timexes] == [
        (t.char_start, t.char_end, t.type, t.value, t.mod) for t in sample.timexes
    ]
    assert 'mod="MORE_THAN"' in written
    assert written.count("mod=") == 1, "mod is written only when not empty"
    assert '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08"' in written


def test_to_timeml_plain_text_escapes_and_numbers_tags() -> None:
    text = 'Q&A <b> on "Friday" and Monday'
    written = to_timeml(
        text,
        frame((24, 30, "DATE", "1998-01-12", float("nan")), (12, 18, "DATE", "1998-01-09", None)),
        dct="1998-01-08",
        doc_id="x&y",
    )
    assert inner_text_xml(written) == (
        'Q&amp;A &lt;b&gt; on "<TIMEX3 tid="t1" type="DATE" value="1998-01-09">Friday</TIMEX3>"'
        ' and <TIMEX3 tid="t2" type="DATE" value="1998-01-12">Monday</TIMEX3>'
    )
    assert "<DOCID>x&amp;y</DOCID>" in written
    assert TimeMLDocument.from_tml(written).text == text


def test_to_timeml_drops_overlapping_rows() -> None:
    text = "from Monday morning to Friday"
    rows = frame(
        (5, 11, "DATE", "short", ""),  # same start as the next, shorter: dropped
        (5, 19, "TIME", "long", ""),
        (12, 29, "DATE", "later", ""),  # starts inside the kept one: dropped
        (23, 29, "DATE", "friday", ""),
    )
    reread = TimeMLDocument.from_tml(to_timeml(text, rows))
    assert [(t.text, t.value) for t in reread.timexes] == [
        ("Monday morning", "long"),
        ("Friday", "friday"),
    ]


def test_to_timeml_without_dct_still_writes_dct_block() -> None:
    written = to_timeml("nothing", frame())
    assert '<DCT><TIMEX3 tid="t0"' in written
    assert TimeMLDocument.from_tml(written).dct is None


def test_resolve_overlaps_checks_offsets() -> None:
    with pytest.raises(ValueError):
        resolve_overlaps(frame((3, 12, "DATE", "x", "")), text_length=10)
    assert resolve_overlaps(frame((3, 3, "DATE", "x", ""))).empty


def test_meantime_round_trip(meantime: TimeMLDocument) -> None:
    reread = TimeMLDocument.from_tml(to_timeml(meantime, meantime.timex_frame()))
    assert reread.text == meantime.text
    assert [t.text for t in reread.timexes] == [t.text for t in meantime.timexes]


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab &<>\"'\n"), max_size=40),
    cuts=st.lists(st.integers(min_value=0, max_value=40), max_size=8),
)
def test_to_timeml_round_trips_any_text(text: str, cuts: list[int]) -> None:
    bounds = sorted({c for c in cuts if c <= len(text)})
    spans = [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=False) if a < b]
    written = to_timeml(text, frame(*[(a, b, "DATE", f"v{a}", "") for a, b in spans]))
    reread = TimeMLDocument.from_tml(written)
    assert reread.text == text
    assert [(t.char_start, t.char_end, t.value) for t in reread.timexes] == [
        (a, b, f"v{a}") for a, b in spans
    ]


# --------------------------------------------------------------------------- real corpora


@needs_tbaq
def test_tbaq_corpus_offsets_and_counts() -> None:
    timebank = read_corpus(TBAQ / "TimeBank")
    aquaint = read_corpus(TBAQ / "AQUAINT")
    assert (len(timebank), len(aquaint)) == (183, 73)
    assert sum(len(d.timexes) for d in timebank) == 1243
    assert sum(len(d.timexes) for d in aquaint) == 579
    for doc in timebank + aquaint:
        assert doc.dct is not None
        spans = [(t.char_start, t.char_end, t.text) for t in doc.timexes]
        spans += [(e.char_start, e.char_end, e.text) for e in doc.events]
        assert all(doc.text[start:end] == text for start, end, text in spans)
        events = {e.eid for e in doc.events}
        assert all(link.event_id in events for link in doc.tlinks if link.event_id)


@needs_tbaq
def test_tbaq_round_trip_is_text_identical() -> None:
    for doc in read_corpus(TBAQ / "AQUAINT"):
        written = to_timeml(doc, doc.timex_frame())
        assert strip_tags(inner_text_xml(written)) == strip_tags(doc.raw_text_xml)
        reread = TimeMLDocument.from_tml(written)
        assert [(t.char_start, t.char_end, t.value) for t in reread.timexes] == [
            (t.char_start, t.char_end, t.value) for t in doc.timexes
        ]


@needs_meantime
def test_meantime_corpus() -> None:
    docs = read_corpus(MEANTIME)
    assert len(docs) == 120
    assert sum(len(d.timexes) for d in docs) == 488
    assert sum(d.unanchored_timexes for d in docs) == 37
    assert all(d.dct for d in docs)
    for doc in docs:
        spans = [(t.char_start, t.char_end, t.text) for t in doc.timexes]
        spans += [(e.char_start, e.char_end, e.text) for e in doc.events]
        assert all(doc.text[start:end] == text for start, end, text in spans)
