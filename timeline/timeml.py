"""TimeML input and output: gold documents from TimeML ``.tml`` and MEANTIME CAT XML files.

Reading
-------
:meth:`TimeMLDocument.from_tml` reads a TimeML 1.2.1 file such as those of TempEval-3
(TimeBank, AQUAINT); :meth:`TimeMLDocument.from_meantime` reads a NewsReader MEANTIME CAT XML
file; :func:`read_corpus` reads files or whole directories of either. Every document has

* ``text``: the plain text, i.e. the content of ``<TEXT>`` with the tags removed and the XML
  entities unescaped (``&amp;`` becomes ``&``);
* ``raw_text_xml``: the inner XML of ``<TEXT>`` exactly as in the file;
* ``dct``: the value of the document creation time (``'1998-01-08'``), or ``None``;
* ``timexes``, ``events``, ``tlinks``: the gold annotation, with character offsets into
  ``text``, so that ``text[t.char_start:t.char_end] == t.text`` for every timex and event.

The DCT of a ``.tml`` file lies outside ``<TEXT>`` and is *not* among ``timexes``.

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

Writing
-------
:func:`to_timeml` writes a TimeML document with a system's TIMEX3 tags inserted in the text, in
the form read by the official TempEval-3 toolkit (``TE3-evaluation.py``): the toolkit refuses a
system file whose text, tags stripped, differs from the gold one. For a :class:`TimeMLDocument`
the text is rebuilt from ``raw_text_xml`` (gold tags dropped, every other byte kept), so it is
byte-identical to the gold file's text; for a plain string, ``&``, ``<`` and ``>`` are escaped,
the only escapes the corpora use (TBAQ-cleaned has ``&amp;`` only).

>>> doc = TimeMLDocument.from_tml(
...     '<TimeML><DOCID>d1</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" '
...     'functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>'
...     '<TEXT>AT&amp;T <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> '
...     '<TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>.</TEXT></TimeML>')
>>> doc.dct, doc.text
('1998-01-08', 'AT&T fell yesterday.')
>>> t = doc.timexes[0]
>>> t.tid, t.value, doc.text[t.char_start:t.char_end]
('t1', '1998-01-07', 'yesterday')
>>> print(to_timeml(doc, doc.timex_frame()).split('<TEXT>')[1].split('</TEXT>')[0])
AT&amp;T fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>.
"""

from __future__ import annotations

import math
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import attrs

from timeline.schema import TIMEX_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "TIMEX_COLUMNS",
    "GoldEvent",
    "GoldTLink",
    "GoldTimex",
    "TimeMLDocument",
    "read_corpus",
    "resolve_overlaps",
    "to_timeml",
]


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities: :func:`xml.sax.saxutils.escape`, imported when
    first used (it costs ~20 ms, which ``import timeline`` need not pay)."""
    from xml.sax.saxutils import escape as sax_escape

    return sax_escape(text)


def quoteattr(value: str) -> str:
    """An XML attribute value with its quotes: :func:`xml.sax.saxutils.quoteattr`."""
    from xml.sax.saxutils import quoteattr as sax_quoteattr

    return sax_quoteattr(value)


EntityKind = Literal["EVENT", "TIMEX3"]

_INVERSE_RELATION = {
    "BEFORE": "AFTER",
    "AFTER": "BEFORE",
    "IBEFORE": "IAFTER",
    "IAFTER": "IBEFORE",
    "INCLUDES": "IS_INCLUDED",
    "IS_INCLUDED": "INCLUDES",
    "BEGINS": "BEGUN_BY",
    "BEGUN_BY": "BEGINS",
    "ENDS": "ENDED_BY",
    "ENDED_BY": "ENDS",
    "DURING": "DURING_INV",
    "DURING_INV": "DURING",
}


@attrs.frozen
class GoldTimex:
    """A gold TIMEX3; offsets index the document's plain ``text``."""

    tid: str
    char_start: int
    char_end: int
    text: str
    type: str
    value: str
    mod: str = ""
    function_in_document: str = "NONE"


@attrs.frozen
class GoldEvent:
    """A gold EVENT (TimeML) or EVENT_MENTION (MEANTIME); ``eclass`` is its class attribute,
    ``pos`` its part of speech ("VERB", "NOUN", ...: the first MAKEINSTANCE's in TimeML)."""

    eid: str
    char_start: int
    char_end: int
    text: str
    eclass: str = ""
    pos: str = ""


@attrs.frozen
class GoldTLink:
    """A TLINK ``source rel_type target``, event instances resolved to their events' eids.

    ``source_id``/``target_id`` are eids (``e12``) or tids (``t3``; ``t0`` is the DCT of a
    ``.tml`` file). :attr:`event_id`, :attr:`timex_id` and :attr:`event_rel_type` describe an
    event–timex link from the event's side, whichever way round it was annotated.

    >>> link = GoldTLink("l1", "INCLUDES", "t3", "TIMEX3", "e7", "EVENT")
    >>> link.event_id, link.timex_id, link.event_rel_type
    ('e7', 't3', 'IS_INCLUDED')
    """

    lid: str
    rel_type: str
    source_id: str
    source_kind: EntityKind
    target_id: str
    target_kind: EntityKind

    @property
    def is_event_timex(self) -> bool:
        """Whether the link joins an event and a timex (in either order)."""
        return {self.source_kind, self.target_kind} == {"EVENT", "TIMEX3"}

    @property
    def event_id(self) -> str | None:
        """The event of an event–timex link, else ``None``."""
        if not self.is_event_timex:
            return None
        return self.source_id if self.source_kind == "EVENT" else self.target_id

    @property
    def timex_id(self) -> str | None:
        """The timex of an event–timex link, else ``None``."""
        if not self.is_event_timex:
            return None
        return self.source_id if self.source_kind == "TIMEX3" else self.target_id

    @property
    def event_rel_type(self) -> str | None:
        """The relation read as ``event REL timex`` (inverted if the timex is the source)."""
        if not self.is_event_timex:
            return None
        if self.source_kind == "EVENT":
            return self.rel_type
        return _INVERSE_RELATION.get(self.rel_type, self.rel_type)


@attrs.frozen
class TimeMLDocument:
    """A gold-annotated document; see the module docstring for the conventions."""

    doc_id: str
    dct: str | None
    text: str
    timexes: tuple[GoldTimex, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    tlinks: tuple[GoldTLink, ...] = ()
    raw_text_xml: str = ""
    source: str = ""
    unanchored_timexes: int = 0
    #: End of the annotated part of the text, where only a part was annotated (MEANTIME
    #: annotates the headline, the date line and the first sentences); None for the whole text.
    annotated_end: int | None = None

    @classmethod
    def from_tml(cls, path_or_str: str | os.PathLike[str]) -> TimeMLDocument:
        """Read a TimeML document from a path or from its XML content (a string with ``<``)."""
        if isinstance(path_or_str, str) and path_or_str.lstrip().startswith("<"):
            return _parse_tml(path_or_str, source="")
        path = Path(path_or_str)
        return _parse_tml(path.read_text(encoding="utf-8"), source=str(path))

    @classmethod
    def from_meantime(cls, path: str | os.PathLike[str]) -> TimeMLDocument:
        """Read a MEANTIME CAT XML document."""
        return _parse_meantime(Path(path))

    def timex_frame(self) -> pd.DataFrame:
        """The gold timexes as a system-style DataFrame (:data:`TIMEX_COLUMNS` plus ``tid``)."""
        import pandas as pd

        rows = [
            (t.char_start, t.char_end, t.text, t.type, t.value, t.mod, t.tid) for t in self.timexes
        ]
        frame: pd.DataFrame = pd.DataFrame(rows, columns=[*TIMEX_COLUMNS, "tid"])
        return frame


# --------------------------------------------------------------------------- XML scanning

_ENTITY = re.compile(r"&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_][\w.-]*);")
_NAMED_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_NAME = r"[A-Za-z_][\w.:-]*"
_ATTRIBUTE = re.compile(rf"({_NAME})\s*=\s*(\"[^\"]*\"|'[^']*')")
_MARKUP = re.compile(
    r"<!--.*?-->"
    r"|<!\[CDATA\[(?P<cdata>.*?)\]\]>"
    r"|<\?.*?\?>"
    rf"|<(?P<close>/?)(?P<tag>{_NAME})(?P<attrs>(?:\s+{_NAME}\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)"
    r"\s*(?P<empty>/?)>",
    re.S,
)


def _unescape_entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    if name in _NAMED_ENTITIES:
        return _NAMED_ENTITIES[name]
    raise ValueError(f"unknown XML entity &{name};")


def _unescape(raw: str) -> str:
    return _ENTITY.sub(_unescape_entity, raw)


def _attributes(raw: str) -> dict[str, str]:
    return {name: _unescape(value[1:-1]) for name, value in _ATTRIBUTE.findall(raw)}


@attrs.frozen
class _Node:
    """One piece of scanned XML: character data (``tag == ""``) or a tag."""

    raw: str
    text: str = ""
    tag: str = ""
    attributes: dict[str, str] = attrs.field(factory=dict)
    closing: bool = False
    empty: bool = False


def _scan(raw_xml: str) -> Iterator[_Node]:
    """Split XML content into character data and tags (comments dropped, CDATA as text)."""
    pos = 0
    for match in _MARKUP.finditer(raw_xml):
        if match.start() > pos:
            yield _text_node(raw_xml[pos : match.start()])
        pos = match.end()
        if match.group("cdata") is not None:
            yield _Node(raw=escape(match.group("cdata")), text=match.group("cdata"))
        elif match.group("tag"):
            yield _Node(
                raw=match.group(0),
                tag=match.group("tag"),
                attributes=_attributes(match.group("attrs")),
                closing=bool(match.group("close")),
                empty=bool(match.group("empty")),
            )
    if pos < len(raw_xml):
        yield _text_node(raw_xml[pos:])


def _text_node(raw: str) -> _Node:
    if "<" in raw:
        raise ValueError(f"malformed XML near {raw[raw.index('<') :][:40]!r}")
    return _Node(raw=raw, text=_unescape(raw))


def _raw_units(raw_xml: str) -> list[str]:
    """The raw XML of each plain-text character of ``raw_xml`` (tags dropped).

    >>> _raw_units('a&amp;<X>b</X>')
    ['a', '&amp;', 'b']
    """
    units: list[str] = []
    for node in _scan(raw_xml):
        if node.tag:
            continue
        pos = 0
        for match in _ENTITY.finditer(node.raw):
            units.extend(node.raw[pos : match.start()])
            units.append(match.group(0))
            pos = match.end()
        units.extend(node.raw[pos:])
    return units


# --------------------------------------------------------------------------- TimeML reading

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
    for node in _scan(raw_xml):
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


def _parse_tml(content: str, source: str) -> TimeMLDocument:
    root = ET.fromstring(content)  # validates the whole document
    found = _TEXT_ELEMENT.search(content)
    if found is None:
        raise ValueError(f"no <TEXT> element in {source or 'the TimeML string'}")
    raw_text_xml = found.group(1)
    text, spans = _spans(raw_text_xml)
    text_element = root.find(".//TEXT")
    if text_element is not None and "".join(text_element.itertext()) != text:
        raise ValueError(f"could not extract the text of {source or 'the TimeML string'}")

    timexes = tuple(
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
    instance_event: dict[str, str] = {}  # eiid -> eid
    event_pos: dict[str, str] = {}  # eid -> the first instance's part of speech
    for mk in root.iter("MAKEINSTANCE"):
        instance_event[mk.get("eiid", "")] = mk.get("eventID", "")
        event_pos.setdefault(mk.get("eventID", ""), mk.get("pos", ""))
    events = tuple(
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

    tlinks: list[GoldTLink] = []
    for link in root.iter("TLINK"):
        source_end = _tlink_end(link.attrib, "eventInstanceID", "timeID", instance_event)
        target_end = _tlink_end(
            link.attrib, "relatedToEventInstance", "relatedToTime", instance_event
        )
        if source_end is None or target_end is None:
            continue
        tlinks.append(
            GoldTLink(
                lid=link.get("lid", ""),
                rel_type=link.get("relType", ""),
                source_id=source_end[0],
                source_kind=source_end[1],
                target_id=target_end[0],
                target_kind=target_end[1],
            )
        )

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
        timexes=timexes,
        events=events,
        tlinks=tuple(tlinks),
        raw_text_xml=raw_text_xml,
        source=source,
    )


def _tlink_end(
    attributes: dict[str, str], event_key: str, time_key: str, instance_event: dict[str, str]
) -> tuple[str, EntityKind] | None:
    if event_key in attributes:
        instance = attributes[event_key]
        return instance_event.get(instance, instance), "EVENT"
    if time_key in attributes:
        return attributes[time_key], "TIMEX3"
    return None


# --------------------------------------------------------------------------- MEANTIME reading


def _parse_meantime(path: Path) -> TimeMLDocument:
    root = ET.parse(path).getroot()
    if root.tag != "Document":
        raise ValueError(f"{path} is not a MEANTIME CAT document")

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
    text = "".join(parts)
    annotated_sentences: set[str] = set()

    def anchored(element: ET.Element) -> tuple[int, int, set[str]] | None:
        anchors = [a.get("t_id", "") for a in element.iter("token_anchor")]
        spans = [token_span[a] for a in anchors if a in token_span]
        if not spans:
            return None
        sentences = {token_sentence[a] for a in anchors if a in token_sentence}
        annotated_sentences.update(sentences)
        return min(s for s, _ in spans), max(e for _, e in spans), sentences

    markables = root.find("Markables")
    markable_elements = list(markables) if markables is not None else []
    event_class = _meantime_event_classes(root, markable_elements)

    timexes: list[GoldTimex] = []
    events: list[GoldEvent] = []
    kinds: dict[str, tuple[str, EntityKind]] = {}
    unanchored = 0
    dct: str | None = None
    dateline_date: str | None = None
    for element in markable_elements:
        m_id = element.get("m_id", "")
        if element.tag == "TIMEX3":
            if element.get("functionInDocument") == "CREATION_TIME" and dct is None:
                dct = element.get("value") or None
            span = anchored(element)
            if span is None:
                unanchored += 1
                continue
            start, end, sentences = span
            if dateline_date is None and sentences == {"1"} and element.get("type") == "DATE":
                dateline_date = element.get("value") or None
            kinds[m_id] = (f"t{m_id}", "TIMEX3")
            timexes.append(
                GoldTimex(
                    tid=f"t{m_id}",
                    char_start=start,
                    char_end=end,
                    text=text[start:end],
                    type=element.get("type", ""),
                    value=element.get("value", ""),
                    mod=element.get("mod", ""),
                    function_in_document=element.get("functionInDocument", "NONE"),
                )
            )
        elif element.tag == "EVENT_MENTION":
            span = anchored(element)
            if span is None:
                continue
            start, end, _ = span
            kinds[m_id] = (f"e{m_id}", "EVENT")
            events.append(
                GoldEvent(
                    f"e{m_id}",
                    start,
                    end,
                    text[start:end],
                    event_class.get(m_id, ""),
                    element.get("pos", ""),
                )
            )

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
        tlinks.append(
            GoldTLink(
                lid=f"l{link.get('r_id', '')}",
                rel_type=link.get("reltype", ""),
                source_id=source_end[0],
                source_kind=source_end[1],
                target_id=target_end[0],
                target_kind=target_end[1],
            )
        )

    return TimeMLDocument(
        doc_id=root.get("doc_name") or path.stem,
        dct=_iso_dct(dct) or dateline_date,
        text=text,
        timexes=tuple(sorted(timexes, key=lambda t: (t.char_start, t.char_end))),
        events=tuple(sorted(events, key=lambda e: (e.char_start, e.char_end))),
        tlinks=tuple(tlinks),
        raw_text_xml=escape(text),
        source=str(path),
        unanchored_timexes=unanchored,
        annotated_end=max(
            (sentence_end[s] for s in annotated_sentences if s in sentence_end), default=None
        ),
    )


def _meantime_event_classes(root: ET.Element, markables: list[ET.Element]) -> dict[str, str]:
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


# --------------------------------------------------------------------------- corpus reading


def _is_meantime(path: Path) -> bool:
    with path.open(encoding="utf-8") as handle:
        head = handle.read(512)
    return "<Document" in head


_DAY_FIRST = re.compile(r"([0-9]{2})-([0-9]{2})-([0-9]{4})")


def _iso_dct(value: str | None) -> str | None:
    """A MEANTIME creation time as ISO: one file writes it day first ("03-02-2009", whose
    dateline reads February 03, 2009).

    >>> _iso_dct("03-02-2009"), _iso_dct("2009-02-03"), _iso_dct(None)
    ('2009-02-03', '2009-02-03', None)
    """
    m = _DAY_FIRST.fullmatch(value or "")
    return f"{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else value


def read_corpus(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> list[TimeMLDocument]:
    """Read ``.tml`` files and MEANTIME ``.xml`` files, searching directories recursively.

    Files are read in sorted path order; ``.xml`` files that are not MEANTIME documents are
    skipped.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in {".tml", ".xml"}))
        elif path.exists():
            files.append(path)
        else:
            raise FileNotFoundError(path)
    documents: list[TimeMLDocument] = []
    for file in files:
        if file.suffix == ".tml":
            documents.append(TimeMLDocument.from_tml(file))
        elif file.suffix == ".xml" and _is_meantime(file):
            documents.append(TimeMLDocument.from_meantime(file))
    return documents


# --------------------------------------------------------------------------- writing


def _cell(value: object) -> str:
    """A DataFrame cell as a string: missing values (None, NaN, NA) become ``""``."""
    import pandas as pd

    if value is None or value is pd.NA:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value)


def resolve_overlaps(timexes: pd.DataFrame, text_length: int | None = None) -> pd.DataFrame:
    """Rows sorted by offset without overlaps: of two overlapping rows the later one is dropped,
    and of two starting together the shorter one. Empty spans are dropped.

    TimeML cannot nest or cross TIMEX3 tags, so this is what :func:`to_timeml` writes and what
    :mod:`timeline.evaluate` scores. Offsets outside ``[0, text_length]`` raise ``ValueError``.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"char_start": [4, 0, 0], "char_end": [9, 3, 6]})
    >>> resolve_overlaps(frame)[["char_start", "char_end"]].values.tolist()
    [[0, 6]]
    """
    if timexes.empty:
        empty: pd.DataFrame = timexes.reset_index(drop=True)
        return empty
    starts = [int(x) for x in timexes["char_start"]]
    ends = [int(x) for x in timexes["char_end"]]
    for start, end in zip(starts, ends, strict=True):
        if start < 0 or (text_length is not None and end > text_length):
            raise ValueError(f"timex offsets [{start}, {end}) outside the text")
    order = sorted(range(len(starts)), key=lambda i: (starts[i], -ends[i], i))
    keep: list[int] = []
    last_end = -1
    for i in order:
        if ends[i] <= starts[i] or starts[i] < last_end:
            continue
        keep.append(i)
        last_end = ends[i]
    kept: pd.DataFrame = timexes.iloc[keep].reset_index(drop=True)
    return kept


def to_timeml(
    doc_or_text: TimeMLDocument | str,
    timexes_df: pd.DataFrame,
    *,
    dct: str | None = None,
    doc_id: str | None = None,
) -> str:
    """A TimeML document holding the text with ``timexes_df``'s TIMEX3 tags inserted.

    ``timexes_df`` has the columns of :data:`TIMEX_COLUMNS` with offsets into the plain text;
    ``mod`` is written only when not empty, and overlapping rows are resolved as by
    :func:`resolve_overlaps`. Tags are numbered ``t1``, ``t2``, ... in text order; the DCT block
    (``tid="t0"``) is written whenever a DCT is known, and empty otherwise, since the toolkit
    expects one. ``dct`` and ``doc_id`` default to those of a :class:`TimeMLDocument`.

    >>> import pandas as pd
    >>> print(to_timeml("Rain on Friday & Sunday.", pd.DataFrame(
    ...     {"char_start": [8], "char_end": [14], "type": ["DATE"], "value": ["1998-01-09"]}),
    ...     dct="1998-01-08", doc_id="d").split("<TEXT>")[1].split("</TEXT>")[0])
    Rain on <TIMEX3 tid="t1" type="DATE" value="1998-01-09">Friday</TIMEX3> &amp; Sunday.
    """
    if isinstance(doc_or_text, TimeMLDocument):
        units = _raw_units(doc_or_text.raw_text_xml)
        if len(units) != len(doc_or_text.text):
            raise ValueError(f"raw text of {doc_or_text.doc_id} does not match its plain text")
        dct = doc_or_text.dct if dct is None else dct
        doc_id = doc_or_text.doc_id if doc_id is None else doc_id
    else:
        from xml.sax.saxutils import escape as sax_escape  # once, not per character

        units = [sax_escape(char) for char in doc_or_text]
        doc_id = "document" if doc_id is None else doc_id

    rows = resolve_overlaps(timexes_df, len(units))
    opening: dict[int, str] = {}
    closing: set[int] = set()
    for number, row in enumerate(rows.to_dict("records"), start=1):
        attributes = [
            ("tid", f"t{number}"),
            ("type", _cell(row.get("type"))),
            ("value", _cell(row.get("value"))),
        ]
        mod = _cell(row.get("mod"))
        if mod:
            attributes.append(("mod", mod))
        rendered = " ".join(f"{name}={quoteattr(value)}" for name, value in attributes)
        opening[int(row["char_start"])] = f"<TIMEX3 {rendered}>"
        closing.add(int(row["char_end"]))

    out: list[str] = []
    for position in range(len(units) + 1):
        if position in closing:
            out.append("</TIMEX3>")
        if position in opening:
            out.append(opening[position])
        if position < len(units):
            out.append(units[position])

    dct_value = dct or ""
    dct_type = "TIME" if "T" in dct_value else "DATE"
    return (
        '<?xml version="1.0" ?>\n'
        '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
        f"<DOCID>{escape(doc_id)}</DOCID>\n\n"
        f'<DCT><TIMEX3 tid="t0" type="{dct_type}" value={quoteattr(dct_value)} '
        'temporalFunction="false" functionInDocument="CREATION_TIME">'
        f"{escape(dct_value)}</TIMEX3></DCT>\n\n"
        f"<TEXT>{''.join(out)}</TEXT>\n\n"
        "</TimeML>\n"
    )
