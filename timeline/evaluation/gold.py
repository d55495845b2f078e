"""Gold documents: what the TimeML and MEANTIME corpora annotate, read into records.

:meth:`TimeMLDocument.from_tml` reads a TimeML 1.2.1 file such as those of TempEval-3
(TimeBank, AQUAINT; :mod:`timeline.evaluation.read_timeml`); :meth:`TimeMLDocument.from_meantime`
reads a NewsReader MEANTIME CAT XML file (:mod:`timeline.evaluation.read_meantime`);
:func:`read_corpus` reads files or whole directories of either. Every document has

* ``text``: the plain text, i.e. the content of ``<TEXT>`` with the tags removed and the XML
  entities unescaped (``&amp;`` becomes ``&``);
* ``raw_text_xml``: the inner XML of ``<TEXT>`` exactly as in the file;
* ``dct``: the value of the document creation time (``'1998-01-08'``), or ``None``;
* ``timexes``, ``events``, ``tlinks``: the gold annotation, with character offsets into
  ``text``, so that ``text[t.char_start:t.char_end] == t.text`` for every timex and event.

The DCT of a ``.tml`` file lies outside ``<TEXT>`` and is *not* among ``timexes``. A document
written back with :func:`timeline.to_timeml` has the same text, byte for byte.

>>> from timeline.timeml import to_timeml
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

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import attrs

from timeline.schema import TIMEX_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "EntityKind",
    "GoldEvent",
    "GoldTLink",
    "GoldTimex",
    "LinkEnd",
    "TimeMLDocument",
    "read_corpus",
]

EntityKind = Literal["EVENT", "TIMEX3"]
#: One end of a link: the id of an event or a timex, and which of the two it is.
LinkEnd = tuple[str, EntityKind]

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

    @classmethod
    def between(cls, lid: str, rel_type: str, source: LinkEnd, target: LinkEnd) -> GoldTLink:
        """The link ``source rel_type target``, its ends given as ``(id, kind)``."""
        return cls(lid, rel_type, source[0], source[1], target[0], target[1])

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
        from timeline.evaluation.read_timeml import parse_tml  # here: it imports this module

        if isinstance(path_or_str, str) and path_or_str.lstrip().startswith("<"):
            return parse_tml(path_or_str, source="")
        path = Path(path_or_str)
        return parse_tml(path.read_text(encoding="utf-8"), source=str(path))

    @classmethod
    def from_meantime(cls, path: str | os.PathLike[str]) -> TimeMLDocument:
        """Read a MEANTIME CAT XML document."""
        from timeline.evaluation.read_meantime import parse_meantime  # here: it imports this module

        return parse_meantime(Path(path))

    def timex_frame(self) -> pd.DataFrame:
        """The gold timexes as a system-style DataFrame: the columns of
        :data:`timeline.schema.TIMEX_COLUMNS`, then ``tid``."""
        import pandas as pd

        rows = [
            (t.char_start, t.char_end, t.text, t.type, t.value, t.mod, t.tid) for t in self.timexes
        ]
        frame: pd.DataFrame = pd.DataFrame(rows, columns=[*TIMEX_COLUMNS, "tid"])
        return frame


# --------------------------------------------------------------------------- corpus reading


def _is_meantime(path: Path) -> bool:
    with path.open(encoding="utf-8") as handle:
        head = handle.read(512)
    return "<Document" in head


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
