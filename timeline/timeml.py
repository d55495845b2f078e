"""TimeML output: a text with a system's TIMEX3 tags, as the TempEval-3 toolkit reads it.

:func:`to_timeml` writes a TimeML document with a system's TIMEX3 tags inserted in the text, in
the form read by the official TempEval-3 toolkit (``TE3-evaluation.py``): the toolkit refuses a
system file whose text, tags stripped, differs from the gold one. For a gold document read from
TimeML (a :class:`TimeMLSource`, such as :class:`timeline.evaluation.TimeMLDocument`) the text
is rebuilt from ``raw_text_xml`` (gold tags dropped, every other byte kept), so it is
byte-identical to the gold file's text; for a plain string, ``&``, ``<`` and ``>`` are escaped,
the only escapes the corpora use (TBAQ-cleaned has ``&amp;`` only).

The gold readers (``TimeMLDocument``, ``read_corpus``, ``GoldTimex``, ...) live in
:mod:`timeline.evaluation`; they can still be imported from here, and are loaded only then: the
library itself never imports the evaluation.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from timeline.schema import TIMEX_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

    from timeline.evaluation.gold import (
        GoldEvent,
        GoldTimex,
        GoldTLink,
        TimeMLDocument,
        read_corpus,
    )

__all__ = [
    "TIMEX_COLUMNS",
    "GoldEvent",
    "GoldTLink",
    "GoldTimex",
    "TimeMLDocument",
    "TimeMLSource",
    "read_corpus",
    "resolve_overlaps",
    "to_timeml",
]

#: The names of :mod:`timeline.evaluation.gold` importable from here, loaded when asked for.
_GOLD = frozenset({"GoldEvent", "GoldTLink", "GoldTimex", "TimeMLDocument", "read_corpus"})


def __getattr__(name: str) -> Any:
    if name in _GOLD:
        from timeline.evaluation import gold

        return getattr(gold, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class TimeMLSource(Protocol):
    """A document read from TimeML, as :func:`to_timeml` takes it: its id, its DCT, its plain
    text and the inner XML of its ``<TEXT>`` (such as :class:`timeline.evaluation.TimeMLDocument`).
    """

    @property
    def doc_id(self) -> str: ...

    @property
    def dct(self) -> str | None: ...

    @property
    def text(self) -> str: ...

    @property
    def raw_text_xml(self) -> str: ...


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities: :func:`xml.sax.saxutils.escape`, imported when
    first used (it costs ~20 ms, which ``import timeline`` need not pay)."""
    from xml.sax.saxutils import escape as sax_escape

    return sax_escape(text)


def quoteattr(value: str) -> str:
    """An XML attribute value with its quotes: :func:`xml.sax.saxutils.quoteattr`."""
    from xml.sax.saxutils import quoteattr as sax_quoteattr

    return sax_quoteattr(value)


# --------------------------------------------------------------------------- XML scanning (the gold
# readers of timeline.evaluation share it)

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
class XmlNode:
    """One piece of scanned XML: character data (``tag == ""``) or a tag."""

    raw: str
    text: str = ""
    tag: str = ""
    attributes: dict[str, str] = attrs.field(factory=dict)
    closing: bool = False
    empty: bool = False


def scan_xml(raw_xml: str) -> Iterator[XmlNode]:
    """Split XML content into character data and tags (comments dropped, CDATA as text)."""
    pos = 0
    for match in _MARKUP.finditer(raw_xml):
        if match.start() > pos:
            yield _text_node(raw_xml[pos : match.start()])
        pos = match.end()
        if match.group("cdata") is not None:
            yield XmlNode(raw=escape(match.group("cdata")), text=match.group("cdata"))
        elif match.group("tag"):
            yield XmlNode(
                raw=match.group(0),
                tag=match.group("tag"),
                attributes=_attributes(match.group("attrs")),
                closing=bool(match.group("close")),
                empty=bool(match.group("empty")),
            )
    if pos < len(raw_xml):
        yield _text_node(raw_xml[pos:])


def _text_node(raw: str) -> XmlNode:
    if "<" in raw:
        raise ValueError(f"malformed XML near {raw[raw.index('<') :][:40]!r}")
    return XmlNode(raw=raw, text=_unescape(raw))


def _raw_units(raw_xml: str) -> list[str]:
    """The raw XML of each plain-text character of ``raw_xml`` (tags dropped).

    >>> _raw_units('a&amp;<X>b</X>')
    ['a', '&amp;', 'b']
    """
    units: list[str] = []
    for node in scan_xml(raw_xml):
        if node.tag:
            continue
        pos = 0
        for match in _ENTITY.finditer(node.raw):
            units.extend(node.raw[pos : match.start()])
            units.append(match.group(0))
            pos = match.end()
        units.extend(node.raw[pos:])
    return units


# --------------------------------------------------------------------------- writing


def cell_text(value: object) -> str:
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
    doc_or_text: TimeMLSource | str,
    timexes_df: pd.DataFrame,
    *,
    dct: str | None = None,
    doc_id: str | None = None,
) -> str:
    """A TimeML document holding the text with ``timexes_df``'s TIMEX3 tags inserted.

    ``timexes_df`` has the columns of :data:`timeline.schema.TIMEX_COLUMNS` with offsets into the
    plain text;
    ``mod`` is written only when not empty, and overlapping rows are resolved as by
    :func:`resolve_overlaps`. Tags are numbered ``t1``, ``t2``, ... in text order; the DCT block
    (``tid="t0"``) is written whenever a DCT is known, and empty otherwise, since the toolkit
    expects one. ``dct`` and ``doc_id`` default to those of a :class:`TimeMLSource`.

    >>> import pandas as pd
    >>> print(to_timeml("Rain on Friday & Sunday.", pd.DataFrame(
    ...     {"char_start": [8], "char_end": [14], "type": ["DATE"], "value": ["1998-01-09"]}),
    ...     dct="1998-01-08", doc_id="d").split("<TEXT>")[1].split("</TEXT>")[0])
    Rain on <TIMEX3 tid="t1" type="DATE" value="1998-01-09">Friday</TIMEX3> &amp; Sunday.
    """
    if isinstance(doc_or_text, str):
        from xml.sax.saxutils import escape as sax_escape  # once, not per character

        units = [sax_escape(char) for char in doc_or_text]
        doc_id = "document" if doc_id is None else doc_id
    else:
        units = _raw_units(doc_or_text.raw_text_xml)
        if len(units) != len(doc_or_text.text):
            raise ValueError(f"raw text of {doc_or_text.doc_id} does not match its plain text")
        dct = doc_or_text.dct if dct is None else dct
        doc_id = doc_or_text.doc_id if doc_id is None else doc_id

    rows = resolve_overlaps(timexes_df, len(units))
    opening: dict[int, str] = {}
    closing: set[int] = set()
    for number, row in enumerate(rows.to_dict("records"), start=1):
        attributes = [
            ("tid", f"t{number}"),
            ("type", cell_text(row.get("type"))),
            ("value", cell_text(row.get("value"))),
        ]
        mod = cell_text(row.get("mod"))
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
