"""Reading MEANTIME's cross-document annotation: the mentions of one happening across articles.

In ``meantime_english_crossdoc`` each topic folder (``corpus_apple``, ...) holds MEANTIME CAT
XML articles whose ``<EVENT>`` markables carry an ``instance_id`` shared by every mention of the
same happening in any article of the topic; ``<REFERS_TO>`` relations join the event mentions
(``<EVENT_MENTION>``, anchored in tokens) to their ``<EVENT>``. ``list_instances.csv`` (of the
MEANTIME release, tab-separated) gives each instance a name and a time anchor: ``TIME``, or the
``BEGINTERVAL`` or ``ENDINTERVAL`` of a state (ISO values with ``XX`` for what is unknown).

:func:`read_crossdoc` reads a folder of topics (or one topic folder) into
:class:`CrossDocTopic`\\ s: their documents as :class:`~timeline.evaluation.gold.TimeMLDocument`
(text, DCT and offsets as :mod:`~timeline.evaluation.read_meantime` gives them) and their
:class:`EventInstance`\\ s, each with its mentions' offsets in those texts. The cross-document
annotation gives an ``instance_id`` to about half of the events of the annotated sentences
(MEANTIME annotates the first five or six of each article); an event without one is an
instance of its document alone (``doc_id#m_id``, :attr:`EventInstance.shared` false): the
intra-document coreference says which mentions of one article are one happening, not whether
another article tells of it.

>>> anchor_interval("2008-02-XX"), anchor_interval("2010-06-07"), anchor_interval("XXXX-XX-XX")
(('2008-02-01', '2008-03-01'), ('2010-06-07', '2010-06-08'), None)
>>> anchor_of({"TIME": "", "BEGINTERVAL": "XXXX-XX-XX", "ENDINTERVAL": "2006-XX-XX"})
'2006-XX-XX'
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from timeline.evaluation.gold import TimeMLDocument
from timeline.evaluation.read_meantime import parse_meantime

__all__ = [
    "INSTANCES_FILE",
    "LOCAL",
    "CrossDocTopic",
    "EventInstance",
    "InstanceMention",
    "anchor_interval",
    "anchor_of",
    "read_crossdoc",
]

INSTANCES_FILE = "list_instances.csv"
#: Between the document and the ``m_id`` of an event the cross-document annotation leaves out.
LOCAL = "#"
_ANCHOR = re.compile(r"([0-9]{4})(?:-([0-9]{2}|XX)(?:-([0-9]{2}|XX))?)?")


@attrs.frozen
class InstanceMention:
    """A mention of an event instance: its document and its offsets in the document's text."""

    doc_id: str
    char_start: int
    char_end: int
    text: str


@attrs.frozen
class EventInstance:
    """A happening of a topic: its id, name, time anchor ("" if none) and mentions."""

    instance_id: str
    name: str
    anchor: str
    mentions: tuple[InstanceMention, ...]

    @property
    def documents(self) -> frozenset[str]:
        """The documents that mention it."""
        return frozenset(m.doc_id for m in self.mentions)

    @property
    def shared(self) -> bool:
        """Whether the cross-document annotation names it (else it is one document's event,
        which another document's mention may or may not be)."""
        return LOCAL not in self.instance_id


@attrs.frozen
class CrossDocTopic:
    """A topic: its documents and the event instances their mentions refer to."""

    name: str
    documents: tuple[TimeMLDocument, ...]
    instances: tuple[EventInstance, ...]

    def restricted(self, doc_ids: Iterable[str]) -> CrossDocTopic:
        """The topic as told by some of its documents only (a part of a split)."""
        keep = frozenset(doc_ids)
        instances = []
        for instance in self.instances:
            mentions = tuple(m for m in instance.mentions if m.doc_id in keep)
            if mentions:
                instances.append(attrs.evolve(instance, mentions=mentions))
        docs = tuple(d for d in self.documents if d.doc_id in keep)
        return CrossDocTopic(self.name, docs, tuple(instances))


def anchor_of(row: Mapping[str, str]) -> str:
    """An instance's time anchor: its ``TIME``, else its ``BEGINTERVAL``, else its
    ``ENDINTERVAL``, the first with a known year; "" when none has one."""
    for field in ("TIME", "BEGINTERVAL", "ENDINTERVAL"):
        value = (row.get(field) or "").strip()
        if _ANCHOR.match(value):
            return value
    return ""


def anchor_interval(value: str) -> tuple[str, str] | None:
    """The interval ``[start, end)`` (ISO days) of an anchor at its grain: a year, a month or
    a day; None without a known year."""
    m = _ANCHOR.match(value)
    if m is None:
        return None
    year = int(m.group(1))
    month = m.group(2) if m.group(2) and m.group(2) != "XX" else None
    day = m.group(3) if month and m.group(3) and m.group(3) != "XX" else None
    if month is None:
        return f"{year:04d}-01-01", f"{year + 1:04d}-01-01"
    first = dt.date(year, int(month), int(day) if day else 1)
    if day:
        after = first + dt.timedelta(days=1)
    else:
        after = dt.date(year + first.month // 12, first.month % 12 + 1, 1)
    return first.isoformat(), after.isoformat()


def _read_instances(path: Path) -> dict[str, tuple[str, str]]:
    """Instance id → (name, anchor), from ``list_instances.csv``."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return {
        row["#ID"]: ((row.get("INSTANCE_NAME") or "").strip(), anchor_of(row))
        for row in rows
        if row.get("TYPE") == "EVENT"
    }


def _find_instances_file(folder: Path) -> Path:
    for base in (folder, *folder.parents):
        for candidate in (base / INSTANCES_FILE, base / "meantime_english" / INSTANCES_FILE):
            if candidate.is_file():
                return candidate
    raise FileNotFoundError(f"no {INSTANCES_FILE} beside or above {folder}")


def _mentions(path: Path, doc: TimeMLDocument) -> dict[str, list[InstanceMention]]:
    """Instance id → the mentions of it in the document at ``path``; an event of the document
    without an ``instance_id`` is an instance of the document alone, ``doc_id#m_id``."""
    root = ET.parse(path).getroot()
    markables = root.find("Markables")
    elements = list(markables) if markables is not None else []
    instance_of = {
        e.get("m_id", ""): e.get("instance_id") or f"{doc.doc_id}{LOCAL}{e.get('m_id', '')}"
        for e in elements
        if e.tag == "EVENT"
    }
    events = {e.eid[1:]: e for e in doc.events}  # eid "e24" is the mention with m_id "24"
    found: dict[str, list[InstanceMention]] = defaultdict(list)
    for refers in root.iter("REFERS_TO"):
        target = refers.find("target")
        instance = instance_of.get(target.get("m_id", "")) if target is not None else None
        if instance is None:
            continue
        for source in refers.iter("source"):
            event = events.get(source.get("m_id", ""))
            if event is not None:
                found[instance].append(
                    InstanceMention(doc.doc_id, event.char_start, event.char_end, event.text)
                )
    return found


def _read_topic(folder: Path, described: dict[str, tuple[str, str]]) -> CrossDocTopic:
    documents: list[TimeMLDocument] = []
    mentions: dict[str, list[InstanceMention]] = defaultdict(list)
    for path in sorted(folder.glob("*.xml")):
        doc = parse_meantime(path)
        documents.append(doc)
        for instance, found in _mentions(path, doc).items():
            mentions[instance].extend(found)
    instances = tuple(
        EventInstance(i, *described.get(i, ("", "")), tuple(found))
        for i, found in sorted(mentions.items())
    )
    return CrossDocTopic(folder.name, tuple(documents), instances)


def read_crossdoc(path: str | Path, instances: str | Path | None = None) -> list[CrossDocTopic]:
    """The topics of a cross-document folder: its sub-folders holding ``.xml`` articles, or the
    folder itself if it holds them. ``instances``: the ``list_instances.csv`` (by default the
    one beside or above the folder, or in a ``meantime_english`` folder there)."""
    folder = Path(path)
    if not folder.is_dir():
        raise FileNotFoundError(folder)
    described = _read_instances(Path(instances) if instances else _find_instances_file(folder))
    topics = [d for d in sorted(folder.iterdir()) if d.is_dir() and any(d.glob("*.xml"))]
    if not topics and any(folder.glob("*.xml")):
        topics = [folder]
    return [_read_topic(topic, described) for topic in topics]
