"""Input: plain text or an exported news article with a header, and the publication date.

An exported article looks like this (the shape of ``examples/*.txt``)::

    Published Time: 2022-01-10
    Title: Kazakhstan’s crisis highlights US angst toward Russia
    Category 1: OPINION; Category 2: VIEWPOINT
    Author: Danil Bochkov
    Text:
    The international political calendar in 2022 began ...

The header's publication date becomes the reference date, title and author are kept, and the
body after ``Text:`` is the text. Mojibake (``Kazakhstanâ€™s``) is repaired with ftfy, which
changes only mis-decoded characters; every character offset the library reports indexes
:attr:`Article.text`, the repaired body.

>>> raw = "Published Time: 2022-01-10\\nTitle: Kazakhstanâ€™s crisis\\nText: \\nIn 2022 ..."
>>> a = Article.from_text(raw)
>>> a.title, a.published, a.text
('Kazakhstan’s crisis', datetime.date(2022, 1, 10), 'In 2022 ...')
>>> parse_published("2022-01-10T23:30:00-05:00")
datetime.date(2022, 1, 10)
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import attrs

__all__ = ["Article", "parse_published", "repair"]

_HEADER_LINE = re.compile(r"^(?P<key>[A-Z][A-Za-z0-9 ]{0,40}):[ \t]?(?P<value>.*)$")
_TEXT_KEY = "text"


def repair(text: str) -> str:
    """Repair mojibake (UTF-8 read as Windows-1252 and the like), changing nothing else.

    >>> repair("Kazakhstanâ€™s 2011â€“13 protests")
    'Kazakhstan’s 2011–13 protests'
    >>> repair("Plain “quoted” text &amp; more") == "Plain “quoted” text &amp; more"
    True
    """
    if text.isascii():
        return text
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    return str(ftfy.fix_text(text, config))


def parse_published(value: Any, *, name: str = "published") -> dt.date | None:
    """A publication date from an ISO string, ``datetime``, ``date`` or pandas ``Timestamp``.

    A time-zone-aware value gives its own local calendar date (an article published at 23:30 in
    New York on January 10 is dated January 10). ``None`` (or NaT) means no publication date.
    Anything else raises ``TypeError``; a string that is not a valid date raises ``ValueError``.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):  # pandas Timestamp is a datetime subclass
        if value != value:  # NaT
            return None
        return value.date()
    if isinstance(value, dt.date):
        return value
    if type(value).__name__ == "NaTType":
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        iso = text.replace("Z", "+00:00") if text.endswith("Z") else text
        try:
            return dt.datetime.fromisoformat(iso).date()
        except ValueError:
            pass
        try:
            if re.match(r"\d{4}-\d", text):  # ISO-shaped, yet not a valid ISO date above
                raise ValueError(text)
            return _parse_written_date(text)
        except ValueError as exc:
            raise ValueError(
                f"{name}={value!r} is not a date: give an ISO date such as '2022-01-10', "
                "a datetime.date/datetime, or a pandas Timestamp"
            ) from exc
    raise TypeError(
        f"{name} must be a date (ISO string, datetime.date, datetime or pandas Timestamp), "
        f"not {type(value).__name__}"
    )


def _parse_written_date(text: str) -> dt.date:
    """A date written out in full, such as 'January 10, 2022' (day, month and year required)."""
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=["en"],
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RELATIVE_BASE": dt.datetime(2000, 1, 1),
            "PARSERS": ["absolute-time"],
            "STRICT_PARSING": True,
        },
    )
    data = parser.get_date_data(text)
    if data.date_obj is None:
        raise ValueError(text)
    return data.date_obj.date()  # type: ignore[no-any-return]


@attrs.frozen
class Article:
    """One document: its text (mojibake repaired), publication date and header fields."""

    text: str
    published: dt.date | None = None
    title: str | None = None
    author: str | None = None
    doc_id: str | None = None
    meta: dict[str, str] = attrs.field(factory=dict, hash=False)

    @classmethod
    def from_text(cls, raw: str, *, published: Any = None, doc_id: str | None = None) -> Article:
        """An article from text: an exported article with a header, or plain text.

        ``published`` overrides the header's date.
        """
        if not isinstance(raw, str):
            raise TypeError(
                f"text must be a str, not {type(raw).__name__}"
                + (
                    " (decode bytes first, e.g. data.decode('utf-8'))"
                    if isinstance(raw, bytes | bytearray)
                    else ""
                )
            )
        header, body = _split_header(raw)
        when = parse_published(published) if published is not None else None
        if when is None and "published time" in header:
            when = parse_published(header["published time"], name="the header's Published Time")
        meta = {k: repair(v) for k, v in header.items()}
        return cls(
            text=repair(body),
            published=when,
            title=meta.get("title") or None,
            author=meta.get("author") or None,
            doc_id=doc_id,
            meta=meta,
        )

    @classmethod
    def from_path(cls, path: str | os.PathLike[str], *, published: Any = None) -> Article:
        """An article read from a UTF-8 file; its id is the file name without extension."""
        p = Path(path)
        raw = p.read_text(encoding="utf-8", errors="replace")
        return cls.from_text(raw, published=published, doc_id=p.stem)


def _split_header(raw: str) -> tuple[dict[str, str], str]:
    """Header fields (keys lower-cased) and body; no header if there is no ``Text:`` line."""
    if not raw.lstrip("\ufeff").startswith(
        ("Published", "Title", "Author", "Category", "Date", "URL", "Source")
    ):
        return {}, raw
    header: dict[str, str] = {}
    offset = 0
    for line in raw.splitlines(keepends=True)[:40]:
        m = _HEADER_LINE.match(line.rstrip("\r\n").lstrip("\ufeff"))
        if m is None:
            return {}, raw
        # "Category 1: OPINION; Category 2: VIEWPOINT" holds several fields on one line
        for part in line.rstrip("\r\n").lstrip("\ufeff").split("; "):
            pm = _HEADER_LINE.match(part)
            if pm:
                header[pm.group("key").strip().lower()] = pm.group("value").strip()
        offset += len(line)
        if m.group("key").strip().lower() == _TEXT_KEY:
            first = m.group("value")
            body = raw[offset:]
            return header, (first.strip() + "\n" + body if first.strip() else body)
    return {}, raw
