"""Reading a TimeML 1.2.1 document (TempEval-3's TimeBank and AQUAINT) into a gold document.

The text is the content of ``<TEXT>`` with its tags removed and its XML entities unescaped;
each TIMEX3 and EVENT element of it becomes a gold timex or event at its character offsets;
each TLINK a gold link, event instances (``eiid``) resolved to their events (``eid``) through
the MAKEINSTANCEs. The DCT is the TIMEX3 of ``<DCT>``, outside the text.

>>> doc = parse_tml('<TimeML><TEXT>It <EVENT eid="e1">fell</EVENT> '
...     '<TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>.</TEXT>'
...     '<MAKEINSTANCE eiid="ei1" eventID="e1" pos="VERB"/>'
...     '<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>'
...     '</TimeML>', source="")
>>> doc.text, doc.events[0].pos, doc.tlinks[0].event_id, doc.tlinks[0].timex_id
('It fell yesterday.', 'VERB', 'e1', 't1')
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs

from timeline.evaluation.gold import GoldEvent, GoldTimex, GoldTLink, LinkEnd, TimeMLDocument
from timeline.timeml import scan_xml

__all__ = ["parse_tml"]

_TEXT_ELEMENT = re.compile(r"<TEXT(?:\s[^>]*)?>(.*?)</TEXT\s*>", re.S)


@attrs.frozen
class _Span:
    tag: str
    attributes: dict[str, str]
    start: int
    end: int


def _spans(raw_xml: str) -> tuple[str, list[_Span]]:
    """Plain text of XML content and the spans of its elements (offsets into the text)."""
    parts: list[str] = []
    length = 0
    open_tags: list[tuple[str, dict[str, str], int]] = []
    spans: list[_Span] = []
    for node in scan_xml(raw_xml):
        if not node.tag:
            parts.append(node.text)
            length += len(node.text)
        elif node.empty:
            spans.append(_Span(node.tag, node.attributes, length, length))
        elif not node.closing:
            open_tags.append((node.tag, node.attributes, length))
        else:
            if not open_tags or open_tags[-1][0] != node.tag:
                raise ValueError(f"unbalanced </{node.tag}> at text offset {length}")
            tag, attributes, start = open_tags.pop()
            spans.append(_Span(tag, attributes, start, length))
    if open_tags:
        raise ValueError(f"unclosed <{open_tags[-1][0]}>")
    return "".join(parts), spans


def parse_tml(content: str, source: str) -> TimeMLDocument:
    """The gold document of a TimeML file's ``content``; ``source`` names it in errors."""
    root = ET.fromstring(content)  # validates the whole document
    found = _TEXT_ELEMENT.search(content)
    if found is None:
        raise ValueError(f"no <TEXT> element in {source or 'the TimeML string'}")
    raw_text_xml = found.group(1)
    text, spans = _spans(raw_text_xml)
    text_element = root.find(".//TEXT")
    if text_element is not None and "".join(text_element.itertext()) != text:
        raise ValueError(f"could not extract the text of {source or 'the TimeML string'}")

    instance_event: dict[str, str] = {}  # eiid -> eid
    event_pos: dict[str, str] = {}  # eid -> the first instance's part of speech
    for mk in root.iter("MAKEINSTANCE"):
        instance_event[mk.get("eiid", "")] = mk.get("eventID", "")
        event_pos.setdefault(mk.get("eventID", ""), mk.get("pos", ""))

    doc_id_element = root.find("DOCID")
    doc_id = (doc_id_element.text or "").strip() if doc_id_element is not None else ""
    if not doc_id:
        doc_id = Path(source).stem if source else "document"
    dct_element = root.find("DCT/TIMEX3")
    dct = dct_element.get("value") if dct_element is not None else None
    return TimeMLDocument(
        doc_id=doc_id,
        dct=dct or None,
        text=text,
        timexes=_timexes(text, spans),
        events=_events(text, spans, event_pos),
        tlinks=_tlinks(root, instance_event),
        raw_text_xml=raw_text_xml,
        source=source,
    )


def _timexes(text: str, spans: list[_Span]) -> tuple[GoldTimex, ...]:
    return tuple(
        GoldTimex(
            tid=s.attributes.get("tid", ""),
            char_start=s.start,
            char_end=s.end,
            text=text[s.start : s.end],
            type=s.attributes.get("type", ""),
            value=s.attributes.get("value", ""),
            mod=s.attributes.get("mod", ""),
            function_in_document=s.attributes.get("functionInDocument", "NONE"),
        )
        for s in spans
        if s.tag == "TIMEX3"
    )


def _events(text: str, spans: list[_Span], event_pos: dict[str, str]) -> tuple[GoldEvent, ...]:
    return tuple(
        GoldEvent(
            eid=s.attributes.get("eid", ""),
            char_start=s.start,
            char_end=s.end,
            text=text[s.start : s.end],
            eclass=s.attributes.get("class", ""),
            pos=event_pos.get(s.attributes.get("eid", ""), ""),
        )
        for s in spans
        if s.tag == "EVENT"
    )


def _tlinks(root: ET.Element, instance_event: dict[str, str]) -> tuple[GoldTLink, ...]:
    tlinks: list[GoldTLink] = []
    for link in root.iter("TLINK"):
        source_end = _tlink_end(link.attrib, "eventInstanceID", "timeID", instance_event)
        target_end = _tlink_end(
            link.attrib, "relatedToEventInstance", "relatedToTime", instance_event
        )
        if source_end is None or target_end is None:
            continue
        tlinks.append(
            GoldTLink.between(link.get("lid", ""), link.get("relType", ""), source_end, target_end)
        )
    return tuple(tlinks)


def _tlink_end(
    attributes: dict[str, str], event_key: str, time_key: str, instance_event: dict[str, str]
) -> LinkEnd | None:
    if event_key in attributes:
        instance = attributes[event_key]
        return instance_event.get(instance, instance), "EVENT"
    if time_key in attributes:
        return attributes[time_key], "TIMEX3"
    return None
