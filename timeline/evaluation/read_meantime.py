"""Reading a NewsReader MEANTIME CAT XML document into a gold document.

MEANTIME documents are given as tokens. Here ``text`` is the tokens of a sentence joined by
single spaces and the sentences joined by ``"\\n"`` (sentence 0 is the headline, sentence 1
usually the date line), so ``"March 06 , 2008"`` keeps its space before the comma. Timex and
event offsets come from their token anchors (first to last anchored token). The DCT is the value
of the TIMEX3 with ``functionInDocument="CREATION_TIME"``; that timex is anchored in the date line
and is kept among ``timexes`` (as a system reading the text will find it), with
``function_in_document == "CREATION_TIME"``. Two MEANTIME documents lack a CREATION_TIME timex;
there the DCT falls back to the first DATE timex of the date line (sentence 1), if any. TIMEX3
without token anchors (empty tags for implicit begin or end points) are not in the text: they are
skipped and counted in ``unanchored_timexes``. Ids are prefixed as in TimeML: the timex with
``m_id="41"`` becomes ``tid="t41"``, an event mention ``m_id="24"`` becomes ``eid="e24"``.
MEANTIME annotates only the first sentences of a document: ``annotated_end`` is the end of the
last sentence holding an annotation.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs

from timeline.evaluation.gold import GoldEvent, GoldTimex, GoldTLink, LinkEnd, TimeMLDocument
from timeline.timeml import escape

__all__ = ["parse_meantime"]


def parse_meantime(path: Path) -> TimeMLDocument:
    """The gold document of the MEANTIME file at ``path``."""
    root = ET.parse(path).getroot()
    if root.tag != "Document":
        raise ValueError(f"{path} is not a MEANTIME CAT document")
    tokens = _Tokens.of(root)
    markables = root.find("Markables")
    elements = list(markables) if markables is not None else []
    found = _Markables(tokens, _event_classes(root, elements))
    for element in elements:
        found.add(element)
    return TimeMLDocument(
        doc_id=root.get("doc_name") or path.stem,
        dct=_iso_dct(found.dct) or found.dateline_date,
        text=tokens.text,
        timexes=tuple(sorted(found.timexes, key=lambda t: (t.char_start, t.char_end))),
        events=tuple(sorted(found.events, key=lambda e: (e.char_start, e.char_end))),
        tlinks=_tlinks(root, found.kinds),
        raw_text_xml=escape(tokens.text),
        source=str(path),
        unanchored_timexes=found.unanchored,
        annotated_end=max(
            (tokens.sentence_end[s] for s in found.sentences if s in tokens.sentence_end),
            default=None,
        ),
    )


@attrs.frozen
class _Tokens:
    """The text of a document's tokens, with the span and the sentence of each token."""

    text: str
    span: dict[str, tuple[int, int]]  # t_id -> offsets in the text
    sentence: dict[str, str]  # t_id -> sentence number
    sentence_end: dict[str, int]  # sentence number -> end of its last token

    @classmethod
    def of(cls, root: ET.Element) -> _Tokens:
        """A sentence's tokens joined by spaces, the sentences by newlines."""
        token_span: dict[str, tuple[int, int]] = {}
        token_sentence: dict[str, str] = {}
        sentence_end: dict[str, int] = {}
        parts: list[str] = []
        length = 0
        sentence: str | None = None
        for token in root.iter("token"):
            token_text = token.text or ""
            if sentence is not None:
                separator = " " if token.get("sentence") == sentence else "\n"
                parts.append(separator)
                length += 1
            sentence = token.get("sentence")
            t_id = token.get("t_id", "")
            token_span[t_id] = (length, length + len(token_text))
            token_sentence[t_id] = sentence or ""
            parts.append(token_text)
            length += len(token_text)
            sentence_end[sentence or ""] = length
        return cls("".join(parts), token_span, token_sentence, sentence_end)

    def anchored(self, element: ET.Element) -> tuple[int, int, set[str]] | None:
        """The span of an element's token anchors and their sentences; None if it has none."""
        anchors = [a.get("t_id", "") for a in element.iter("token_anchor")]
        spans = [self.span[a] for a in anchors if a in self.span]
        if not spans:
            return None
        sentences = {self.sentence[a] for a in anchors if a in self.sentence}
        return min(s for s, _ in spans), max(e for _, e in spans), sentences


@attrs.define
class _Markables:
    """The timexes and event mentions of a document, gathered markable by markable."""

    tokens: _Tokens
    event_class: dict[str, str]  # event mention m_id -> class
    timexes: list[GoldTimex] = attrs.Factory(list)
    events: list[GoldEvent] = attrs.Factory(list)
    kinds: dict[str, LinkEnd] = attrs.Factory(dict)  # m_id -> (id, kind)
    sentences: set[str] = attrs.Factory(set)  # the sentences holding an annotation
    unanchored: int = 0
    dct: str | None = None
    dateline_date: str | None = None

    def add(self, element: ET.Element) -> None:
        """Take in a markable: a TIMEX3 or an EVENT_MENTION (others are left out)."""
        if element.tag == "TIMEX3":
            self._add_timex(element)
        elif element.tag == "EVENT_MENTION":
            self._add_event(element)

    def _anchored(self, element: ET.Element) -> tuple[int, int, set[str]] | None:
        span = self.tokens.anchored(element)
        if span is not None:
            self.sentences.update(span[2])
        return span

    def _add_timex(self, element: ET.Element) -> None:
        m_id = element.get("m_id", "")
        if element.get("functionInDocument") == "CREATION_TIME" and self.dct is None:
            self.dct = element.get("value") or None
        span = self._anchored(element)
        if span is None:
            self.unanchored += 1
            return
        start, end, sentences = span
        if self.dateline_date is None and sentences == {"1"} and element.get("type") == "DATE":
            self.dateline_date = element.get("value") or None
        self.kinds[m_id] = (f"t{m_id}", "TIMEX3")
        self.timexes.append(
            GoldTimex(
                tid=f"t{m_id}",
                char_start=start,
                char_end=end,
                text=self.tokens.text[start:end],
                type=element.get("type", ""),
                value=element.get("value", ""),
                mod=element.get("mod", ""),
                function_in_document=element.get("functionInDocument", "NONE"),
            )
        )

    def _add_event(self, element: ET.Element) -> None:
        m_id = element.get("m_id", "")
        span = self._anchored(element)
        if span is None:
            return
        start, end, _ = span
        self.kinds[m_id] = (f"e{m_id}", "EVENT")
        self.events.append(
            GoldEvent(
                f"e{m_id}",
                start,
                end,
                self.tokens.text[start:end],
                self.event_class.get(m_id, ""),
                element.get("pos", ""),
            )
        )


def _event_classes(root: ET.Element, markables: list[ET.Element]) -> dict[str, str]:
    """Event mention m_id -> class of the EVENT instance it REFERS_TO."""
    instance_class = {e.get("m_id", ""): e.get("class", "") for e in markables if e.tag == "EVENT"}
    mention_class: dict[str, str] = {}
    for refers in root.iter("REFERS_TO"):
        target = refers.find("target")
        if target is None or target.get("m_id", "") not in instance_class:
            continue
        for source in refers.iter("source"):
            mention_class[source.get("m_id", "")] = instance_class[target.get("m_id", "")]
    return mention_class


def _tlinks(root: ET.Element, kinds: dict[str, LinkEnd]) -> tuple[GoldTLink, ...]:
    """The TLINKs between two markables of the text (timexes and event mentions)."""
    tlinks: list[GoldTLink] = []
    for link in root.iter("TLINK"):
        source = link.find("source")
        target = link.find("target")
        if source is None or target is None:
            continue
        source_end = kinds.get(source.get("m_id", ""))
        target_end = kinds.get(target.get("m_id", ""))
        if source_end is None or target_end is None:
            continue
        lid = f"l{link.get('r_id', '')}"
        tlinks.append(GoldTLink.between(lid, link.get("reltype", ""), source_end, target_end))
    return tuple(tlinks)


_DAY_FIRST = re.compile(r"([0-9]{2})-([0-9]{2})-([0-9]{4})")


def _iso_dct(value: str | None) -> str | None:
    """A MEANTIME creation time as ISO: one file writes it day first ("03-02-2009", whose
    dateline reads February 03, 2009).

    >>> _iso_dct("03-02-2009"), _iso_dct("2009-02-03"), _iso_dct(None)
    ('2009-02-03', '2009-02-03', None)
    """
    m = _DAY_FIRST.fullmatch(value or "")
    return f"{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else value
