"""Input: plain text or an exported news article with a header, and the publication date.

An exported article looks like this (the shape of ``examples/*.txt``)::

    Published Time: 2022-01-10
    Title: Kazakhstan’s crisis highlights US angst toward Russia
    Category 1: OPINION; Category 2: VIEWPOINT
    Author: Danil Bochkov
    Text:
    The international political calendar in 2022 began ...

The header's publication date becomes the reference date, title and author are kept, and the
body after ``Text:`` is the text. HTML leftovers (``&amp;``, ``&#8217;``, ``<p>``, ``<br/>``) are
cleaned away (see :func:`strip_html`) and mojibake (``Kazakhstanâ€™s``) is repaired with ftfy,
which changes only mis-decoded characters; every character offset the library reports indexes
:attr:`Article.text`, the cleaned and repaired body.

>>> raw = "Published Time: 2022-01-10\\nTitle: Kazakhstanâ€™s crisis\\nText: \\nIn 2022 ..."
>>> a = Article.from_text(raw)
>>> a.title, a.published, a.text
('Kazakhstan’s crisis', datetime.date(2022, 1, 10), 'In 2022 ...')
>>> Article.from_text("<p>Talks ended on Jan.&nbsp;10.</p><p>Done &amp; dusted.</p>").text
'Talks ended on Jan. 10.\\n\\nDone & dusted.'
>>> parse_published("2022-01-10")
datetime.date(2022, 1, 10)
>>> parse_published("2022-01-10T23:30:00-05:00")  # doctest: +NORMALIZE_WHITESPACE
datetime.datetime(2022, 1, 10, 23, 30,
                  tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=68400)))
"""

from __future__ import annotations

import datetime as dt
import html as _html
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from timeline.decoding import read_text_file

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "Article",
    "HtmlOption",
    "parse_published",
    "published_instant",
    "repair",
    "strip_html",
]

_HEADER_LINE = re.compile(r"^(?P<key>[A-Z][A-Za-z0-9 ]{0,40}):[ \t]?(?P<value>.*)$")
_TEXT_KEY = "text"
# "; " before another "Key:" (not the "; " of "&amp; Russia" in a title)
_FIELD_SEPARATOR = re.compile(r"; (?=[A-Z][A-Za-z0-9 ]{0,40}:)")


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


def parse_published(value: Any, *, name: str = "published") -> dt.datetime | dt.date | None:
    """A publication date, or date and time, from an ISO string, ``date``, ``datetime``, pandas
    ``Timestamp`` or numpy ``datetime64``.

    A value that gives a time of day keeps it: the result is a ``datetime`` (to the second),
    against which "two hours ago" and "in 15 minutes" resolve. A value without one, and a
    midnight without a time zone (the time pandas and numpy give every date they store), is a
    ``date``. The date and time are those *written in the value's own time zone*: an article
    published at 23:30 in New York on January 10 is dated January 10, 23:30 (its zone kept as
    a fixed UTC offset), although it is already January 11 in UTC. Values are never converted
    to UTC (nor to the machine's zone); naive values and ``datetime64`` are taken as written.
    A string is an ISO 8601 date or date-time (``2022-01-10``, ``2022-01-10T09:30:00+01:00``,
    ``2022-01-10T09:30Z``), a year-first numeric date (``2022/01/10``), or a date written out
    in English with day, month and year (``January 10, 2022``, ``10 Jan 2022``), or an ISO
    week date with its day (``2022-W02-1``). Refused, with the reason: day-first or
    month-first numeric dates (``10/01/2022``) as ambiguous, a week without its day
    (``2022-W02``), a year not written in full (``10 January 50``) and a weekday that is not
    the date's (``Sunday, January 10, 2022``). ``None``, NaT and an empty string mean no date.

    >>> parse_published("2022-01-10T09:30"), parse_published("10 January 2022")
    (datetime.datetime(2022, 1, 10, 9, 30), datetime.date(2022, 1, 10))
    >>> parse_published("2022-01-10T00:00"), parse_published("2022-01-10T00:00Z")
    (datetime.date(2022, 1, 10), datetime.datetime(2022, 1, 10, 0, 0, tzinfo=datetime.timezone.utc))
    >>> import numpy as np
    >>> parse_published(np.datetime64("2022-01-10T23:30"))
    datetime.datetime(2022, 1, 10, 23, 30)
    >>> parse_published("2022-13-45")
    Traceback (most recent call last):
    ...
    ValueError: published='2022-13-45' is not a date: give an ISO date such as '2022-01-10', a \
datetime.date/datetime, a pandas Timestamp or a numpy datetime64
    >>> parse_published("Sunday, January 10, 2022")
    Traceback (most recent call last):
    ...
    ValueError: published='Sunday, January 10, 2022' is not a date (2022-01-10 is a Monday, not a \
Sunday): give an ISO date such as '2022-01-10', a datetime.date/datetime, a pandas Timestamp or a \
numpy datetime64
    >>> parse_published(20220110)
    Traceback (most recent call last):
    ...
    TypeError: published must be a date (ISO string, datetime.date, datetime, pandas Timestamp \
or numpy datetime64), not int

    Raises ``TypeError`` for a value of another type, ``ValueError`` for a string or
    ``datetime64`` that is not a valid date; both messages name the argument (``name``).
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):  # pandas Timestamp is a datetime subclass
        if value != value:  # NaT
            return None
        return _date_and_time(value)
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    if type(value).__name__ == "NaTType":
        return None
    if type(value).__name__ == "datetime64":
        return _datetime64_date(value, name)
    if isinstance(value, str):
        return _parse_published_text(value, name)
    raise TypeError(
        f"{name} must be a date (ISO string, datetime.date, datetime, pandas Timestamp or numpy "
        f"datetime64), not {type(value).__name__}"
    )


def _date_and_time(value: dt.datetime) -> dt.datetime | dt.date:
    """The date and time of day a ``datetime`` gives in its own zone, to the second, its zone
    kept as a fixed offset; its date alone when it is a midnight without a zone."""
    offset = value.utcoffset()
    if offset is None and (value.hour, value.minute, value.second) == (0, 0, 0):
        return dt.date(value.year, value.month, value.day)
    zone = dt.timezone(offset) if offset is not None else None
    if offset == dt.timedelta(0):
        zone = dt.timezone.utc
    return dt.datetime(
        value.year, value.month, value.day, value.hour, value.minute, value.second, tzinfo=zone
    )


def published_instant(published: dt.date | None) -> np.datetime64:
    """The publication date (its midnight) or date and time as ``datetime64[s]``: the time
    of day as written in its own zone, never converted; NaT for none.

    >>> published_instant(parse_published("2022-01-10T23:30:00-05:00"))
    np.datetime64('2022-01-10T23:30:00')
    >>> published_instant(None)
    np.datetime64('NaT','s')
    """
    import numpy as np

    if published is None:
        return np.datetime64("NaT", "s")
    if isinstance(published, dt.datetime):
        return np.datetime64(published.replace(tzinfo=None), "s")
    return np.datetime64(published, "s")


def _not_a_date(value: object, name: str, why: str = "") -> ValueError:
    return ValueError(
        f"{name}={value!r} is not a date{why}: give an ISO date such as '2022-01-10', "
        "a datetime.date/datetime, a pandas Timestamp or a numpy datetime64"
    )


def _datetime64_date(value: Any, name: str) -> dt.datetime | dt.date | None:
    import numpy as np

    if np.isnat(value):
        return None
    day = value.astype("datetime64[D]").item()  # an int when outside years 1 to 9999
    if not isinstance(day, dt.date):
        raise _not_a_date(value, name, " in years 1 to 9999")
    when = value.astype("datetime64[s]").item()  # a date for a day value, else a datetime
    return _date_and_time(when) if isinstance(when, dt.datetime) else day


_NUMERIC_DATE = re.compile(r"[0-9]{1,4}[/.\- ][0-9]{1,2}[/.\- ][0-9]{1,4}")
# An ISO 8601 week (2022-W02, 2022W02) or a day of one (2022-W02-1, 2022W021)
_ISO_WEEK = re.compile(r"(?P<y>[0-9]{4})-?[Ww](?P<w>[0-9]{2})(?:-?(?P<d>[0-9]))?")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# A weekday's name and its abbreviations ("Tue", "Tues") → its number (Monday 0); in English
# whatever the locale (calendar.day_name follows LC_TIME)
_WEEKDAYS = {
    **{day.lower(): i for i, day in enumerate(_DAY_NAMES)},
    **{day[:3].lower(): i for i, day in enumerate(_DAY_NAMES)},
    "tues": 1,
    "thur": 3,
    "thurs": 3,
}


def _parse_published_text(value: str, name: str) -> dt.datetime | dt.date | None:
    text = value.strip()
    if not text:
        return None
    if week := _ISO_WEEK.fullmatch(text):
        return _iso_week_day(week, value, name)
    iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        return parse_published(dt.datetime.fromisoformat(iso), name=name)
    except ValueError:
        pass
    if re.match(r"[0-9]{4}-[0-9]", text):  # ISO-shaped, yet not a valid ISO date above
        raise _not_a_date(value, name)
    if _NUMERIC_DATE.fullmatch(text):
        first = re.split(r"[/.\- ]", text)[0]
        if len(first) != 4:  # 10/01/2022: January 10 or October 1?
            raise _not_a_date(value, name, " (day and month order is ambiguous)")
        try:
            y, m, d = (int(part) for part in re.split(r"[/.\- ]", text))
            return dt.date(y, m, d)
        except ValueError as exc:
            raise _not_a_date(value, name) from exc
    try:
        day = _parse_written_date(text)
    except ValueError as exc:
        raise _not_a_date(value, name) from exc
    if str(day.year) not in re.findall(r"[0-9]+", text):
        raise _not_a_date(value, name, " (its year is not written in full: write four digits)")
    for word in re.findall(r"[A-Za-z]+", text):
        weekday = _WEEKDAYS.get(word.lower())
        if weekday is not None and weekday != day.weekday():
            said, real = _DAY_NAMES[weekday], _DAY_NAMES[day.weekday()]
            raise _not_a_date(value, name, f" ({day.isoformat()} is a {real}, not a {said})")
    return day


def _iso_week_day(week: re.Match[str], value: str, name: str) -> dt.date:
    """The day of an ISO week date (``2022-W02-1``); a week without its day is refused."""
    if week.group("d") is None:
        raise _not_a_date(value, name, " (a week, not a day: give the day, e.g. '2022-W02-1')")
    try:
        return dt.date.fromisocalendar(int(week["y"]), int(week["w"]), int(week["d"]))
    except ValueError as exc:
        raise _not_a_date(value, name) from exc


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


#: ``html=`` of :meth:`Article.from_text`: ``"auto"``, ``True`` or ``False``.
HtmlOption: TypeAlias = Literal["auto"] | bool


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Elements whose tags end a paragraph ("\n\n"), a line ("\n") or a table cell (" "); the tags of
# every other known element are removed without a trace (<b>, <a href=...>, <span>, <img>).
_PARAGRAPH = _names(
    "address article aside blockquote body caption center details dialog div dl fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html main nav "
    "noscript ol p pre section summary table tbody tfoot thead title ul"
)
_LINE = frozenset({"br", "dd", "dt", "li", "tr", "option"})
_CELL = frozenset({"td", "th"})
_INLINE = _names(
    "a abbr acronym area audio b base bdi bdo big button canvas cite code col colgroup data "
    "datalist del dfn em embed font frame frameset i iframe img input ins kbd label legend link "
    "map mark meta meter nobr o:p object output param picture progress q rp rt ruby s samp "
    "script select small source span strike strong style sub sup svg template textarea time "
    "track tt u var video wbr"
)
_KNOWN = _PARAGRAPH | _LINE | _CELL | _INLINE
_BREAKS = {1: " ", 2: "\n", 3: "\n\n"}
_LEVEL = {**dict.fromkeys(_CELL, 1), **dict.fromkeys(_LINE, 2), **dict.fromkeys(_PARAGRAPH, 3)}
# Every quantifier is bounded or stops at the next "<", so a scan is linear even on "<<<<" or
# "&&&&" (the attributes of a tag may not hold "<" or ">").
_TOKEN = re.compile(
    r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9:_-]{0,31})(?:[\s/][^<>]{0,2000})?>"
    r"|&(?P<ref>#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|(?P<comment><!--)"
    r"|<[!?][A-Za-z?][^<>]{0,2000}>"  # <!DOCTYPE html>, <?xml ...?>
)
_END_OF = {
    "script": re.compile(r"</script\s{0,20}>", re.IGNORECASE),
    "style": re.compile(r"</style\s{0,20}>", re.IGNORECASE),
}
_SPACES = {"\xa0": " ", "\u202f": " ", "\u2007": " "}


def strip_html(text: str, *, html: HtmlOption = "auto") -> str:
    r"""Text with HTML leftovers cleaned: character references unescaped, tags removed.

    ``html="auto"`` (the default) cleans text that holds a tag of a known HTML element
    (``<p>``, ``</div>``, ``<br/>``, ``<a href=...>``), a comment or a character reference
    (``&amp;``, ``&nbsp;``, ``&#8217;``, ``&#x2019;``), and leaves other text unchanged; then only
    known elements' tags are removed, so ``<IBM>`` or ``<AAPL.O>`` stay. ``html=True`` cleans
    always and removes every tag-shaped ``<name ...>``; ``html=False`` changes nothing.

    Paragraph-level tags (``<p>``, ``</p>``, ``<div>``, ``<h1>``, ...) become a blank line,
    ``<br>``, ``<li>`` and ``<tr>`` a line break, ``<td>`` a space, and the white space around
    them is folded into that break, so that sentences split where the page broke them. Other
    tags (``<b>``, ``<span>``) vanish. Comments and the contents of ``<script>`` and
    ``<style>`` go. ``&nbsp;`` becomes a plain space. References need their ``;`` (``AT&T``
    and ``&copy`` stay). The result is the text all offsets index.

    >>> strip_html("<p>On Jan.&nbsp;10, 2022,</p>\n<p>he said <b>yes</b> &amp; left.<br/>Then")
    'On Jan. 10, 2022,\n\nhe said yes & left.\nThen'
    >>> strip_html("AT&T & Q&A <IBM> 3 < 4 > 2")
    'AT&T & Q&A <IBM> 3 < 4 > 2'
    >>> strip_html("Kazakhstan&#8217;s crisis, <IBM> up", html=True)
    'Kazakhstan’s crisis,  up'
    """
    mode = _html_option(html)
    if mode is False or ("<" not in text and "&" not in text):
        return text
    any_tag = mode is True
    cleaned = _Cleaned()
    emit = cleaned.emit
    found = mode is True
    comments = True  # False once a comment is left open: none can close after that
    ends = dict(_END_OF)
    pos = skip = 0
    while (m := _TOKEN.search(text, max(pos, skip))) is not None:
        skip = m.start() + 1  # where to look on if this token is not taken
        replacement = ""
        level = 0
        end = m.end()
        if m.group("ref") is not None:
            unescaped = _html.unescape(m.group())
            if unescaped == m.group():
                continue  # &bogus; is not a reference
            replacement = _SPACES.get(unescaped, unescaped)
        elif m.group("comment") is not None:
            close = text.find("-->", m.end()) if comments else -1
            if close < 0:
                comments = False
                continue
            end = close + 3
        elif m.group("name") is not None:
            name = m.group("name").lower()
            if name not in _KNOWN and not any_tag:
                continue
            level = _LEVEL.get(name, 0)
            if name in ends and not m.group("close") and not m.group().endswith("/>"):
                close_m = ends[name].search(text, m.end())
                if close_m is None:
                    del ends[name]  # no closing tag further on: keep the contents
                else:
                    end = close_m.end()
        found = True
        emit(text[pos : m.start()])
        if replacement:
            emit(replacement)
        cleaned.pending = max(cleaned.pending, level)
        pos = end
    if not found:
        return text
    emit(text[pos:])
    return "".join(cleaned.out)


class _Cleaned:
    """The text :func:`strip_html` gives, as it is built: the pieces kept, and the strongest
    break met since the last of them (0 none, 1 space, 2 line, 3 paragraph), written before
    the next piece in place of the white space around it."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.pending = 0

    def emit(self, chunk: str) -> None:
        out = self.out
        if self.pending:
            chunk = chunk.lstrip()
            if not chunk:
                return
            while out and not out[-1].rstrip():
                out.pop()
            if out:
                out[-1] = out[-1].rstrip()
                out.append(_BREAKS[self.pending])
            self.pending = 0
        if chunk:
            out.append(chunk)


def _html_option(html: object) -> HtmlOption:
    if html is True or html is False or (isinstance(html, str) and html == "auto"):
        return html  # type: ignore[return-value]
    raise ValueError(f"html must be 'auto', True or False, not {html!r}")


@attrs.frozen
class Article:
    """One document: its text (HTML leftovers cleaned, mojibake repaired), date and header.

    ``published`` is a ``date``, or a ``datetime`` when the publication's time of day is
    known (see :func:`parse_published`).
    ``encoding`` is the codec a file was read with (:meth:`from_path`), ``None`` for text; it
    is not compared: an article equals the same article read from a file in another encoding.
    """

    text: str
    published: dt.datetime | dt.date | None = None
    title: str | None = None
    author: str | None = None
    doc_id: str | None = None
    meta: dict[str, str] = attrs.field(factory=dict, hash=False)
    encoding: str | None = attrs.field(default=None, eq=False)

    @classmethod
    def from_text(
        cls,
        raw: str,
        *,
        published: Any = None,
        doc_id: str | None = None,
        html: HtmlOption = "auto",
    ) -> Article:
        """An article from text: an exported article with a header, or plain text.

        ``published`` overrides the header's date (see :func:`parse_published` for its forms).
        ``html`` says what to do with HTML leftovers in the body and the header's values (see
        :func:`strip_html`): ``"auto"`` cleans text that holds some, ``True`` always cleans,
        ``False`` keeps the text as it is. Mojibake is repaired after that (see :func:`repair`).

        >>> Article.from_text("Fish &amp; chips<br>in 2016").text
        'Fish & chips\\nin 2016'
        >>> Article.from_text("Fish &amp; chips<br>in 2016", html=False).text
        'Fish &amp; chips<br>in 2016'
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
        html = _html_option(html)
        header, body = _split_header(raw)
        when = parse_published(published) if published is not None else None
        if when is None and "published time" in header:
            when = parse_published(header["published time"], name="the header's Published Time")
        meta = {k: repair(strip_html(v, html=html)) for k, v in header.items()}
        return cls(
            text=repair(strip_html(body, html=html)),
            published=when,
            title=meta.get("title") or None,
            author=meta.get("author") or None,
            doc_id=doc_id,
            meta=meta,
        )

    @classmethod
    def from_path(
        cls, path: str | os.PathLike[str], *, published: Any = None, html: HtmlOption = "auto"
    ) -> Article:
        """An article read from a file; its id is the file name without extension.

        The bytes are decoded as :func:`timeline.decoding.decode` says: the encoding a
        byte-order mark names (UTF-8, UTF-16, UTF-32), UTF-8, else Windows-1252 (or Latin-1),
        kept in :attr:`encoding`. A binary file raises :class:`~timeline.decoding.NotTextError`
        (a ``ValueError``). ``published`` and ``html`` as in :meth:`from_text`.

        >>> import pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "café.txt")
        ...     _ = path.write_bytes("Café talks in 2016.".encode("utf-16"))
        ...     article = Article.from_path(path)
        >>> article.text, article.encoding, article.doc_id
        ('Café talks in 2016.', 'utf-16', 'café')
        """
        html = _html_option(html)
        p = Path(path)
        decoded = read_text_file(p)
        article = cls.from_text(decoded.text, published=published, doc_id=p.stem, html=html)
        return attrs.evolve(article, encoding=decoded.encoding)


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
        for part in _FIELD_SEPARATOR.split(line.rstrip("\r\n").lstrip("\ufeff")):
            pm = _HEADER_LINE.match(part)
            if pm:
                header[pm.group("key").strip().lower()] = pm.group("value").strip()
        offset += len(line)
        if m.group("key").strip().lower() == _TEXT_KEY:
            first = m.group("value")
            body = raw[offset:]
            return header, (first.strip() + "\n" + body if first.strip() else body)
    return {}, raw
