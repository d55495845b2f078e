"""The baselines to beat: dateparser as a timex tagger, the nearest verb as an event attacher.

**Timexes.** :func:`dateparser_timexes` runs ``search_dates(text, languages=["en"],
settings=...)`` with ``RELATIVE_BASE`` set to the document creation time when known (so
"Friday" resolves near the DCT) and ``RETURN_TIME_AS_PERIOD`` so that times of day come back
with the period ``time``. dateparser gives substrings but no offsets: each substring is looked
up in the text from the end of the previous one (see :func:`find_spans`); substrings not found
are dropped. Type and value follow from the period:

=============  ======  ====================
period         type    value
=============  ======  ====================
time           TIME    ``YYYY-MM-DDTHH:MM``
day, week      DATE    ``YYYY-MM-DD``
month          DATE    ``YYYY-MM``
year           DATE    ``YYYY``
part_of_day    DATE    ``YYYY-MM-DD``
=============  ======  ====================

It is used with ``python -m timeline.evaluate GOLD_DIR --system dateparser``, and needs no
network.

**Events.** :func:`nearest_verb_events` gives each timex the verb nearest to it in its
sentence, as a one-word event: what ``python -m timeline.evaluate --events`` measures against
our own event phrases.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from timeline.records import DatedEvent, Timex
from timeline.schema import TIMEX_COLUMNS

if TYPE_CHECKING:
    from timeline.context import Sentences

__all__ = ["dateparser_timexes", "find_spans", "nearest_verb_events", "parse_dct"]


# --------------------------------------------------------------------------- timexes


def _value(moment: dt.datetime, period: str) -> str:
    """The TIMEX3 value of a dateparser result (any other period is taken as a day)."""
    year = f"{moment.year:04d}"
    if period == "year":
        return year
    if period == "month":
        return f"{year}-{moment.month:02d}"
    day = f"{year}-{moment.month:02d}-{moment.day:02d}"
    if period == "time":
        return f"{day}T{moment.hour:02d}:{moment.minute:02d}"
    return day


def parse_dct(dct: str | None) -> dt.datetime | None:
    """The datetime of a TIMEX3 value such as ``1998-01-08`` or ``1998-01-08T10:30``, if any.

    >>> parse_dct("1998-01-08"), parse_dct("1998-W02")
    (datetime.datetime(1998, 1, 8, 0, 0), None)
    """
    if not dct:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?", dct)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(p) if p else 0 for p in match.groups())
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def find_spans(text: str, substrings: list[str]) -> list[tuple[int, int] | None]:
    """Offsets of each substring, searched in order from the end of the previous one found.

    A run of whitespace in a substring matches any run of whitespace, and an occurrence that
    does not cut a word is preferred (``"we"`` is not found inside ``"week"`` if it occurs
    as a word further on).

    >>> find_spans("a week, we said on  Friday, now", ["we", "on Friday", "later"])
    [(8, 10), (16, 26), None]
    """
    spans: list[tuple[int, int] | None] = []
    position = 0
    for substring in substrings:
        words = substring.split()
        if not words:
            spans.append(None)
            continue
        body = r"\s+".join(re.escape(word) for word in words)
        before = r"(?<!\w)" if re.match(r"\w", words[0]) else ""
        after = r"(?!\w)" if re.search(r"\w$", words[-1]) else ""
        match = re.compile(before + body + after).search(text, position) or re.compile(body).search(
            text, position
        )
        if match is None:
            spans.append(None)
            continue
        spans.append(match.span())
        position = match.end()
    return spans


def dateparser_timexes(text: str, dct: str | None = None) -> pd.DataFrame:
    """Timexes found by dateparser, as a DataFrame with the columns of ``TIMEX_COLUMNS``.

    >>> frame = dateparser_timexes("The embassy was bombed on Friday.", "1998-08-09")
    >>> frame[["char_start", "char_end", "text", "type", "value"]].values.tolist()
    [[23, 32, 'on Friday', 'DATE', '1998-08-07']]
    """
    from dateparser.search import search_dates  # imported when first used

    settings: dict[str, object] = {"RETURN_TIME_AS_PERIOD": True}
    base = parse_dct(dct)
    if base is not None:
        settings["RELATIVE_BASE"] = base
    found = search_dates(text, languages=["en"], settings=settings, add_period=True) or []
    substrings = [str(item[0]) for item in found]
    rows = []
    for item, span in zip(found, find_spans(text, substrings), strict=True):
        if span is None:
            continue
        moment: dt.datetime = item[1]
        period = str(item[2]) if len(item) > 2 and item[2] else "day"
        kind = "TIME" if period == "time" else "DATE"
        rows.append((span[0], span[1], text[span[0] : span[1]], kind, _value(moment, period), ""))
    frame: pd.DataFrame = pd.DataFrame(rows, columns=list(TIMEX_COLUMNS))
    return frame


# --------------------------------------------------------------------------- events


def nearest_verb_events(
    timexes: Sequence[Timex], text: str, sentences: Sentences
) -> list[DatedEvent]:
    """The naive baseline: the verb nearest to each timex in its sentence, as a one-word event.

    A verb is what :func:`timeline.events.is_verb` says out of context: a form in the verb
    lexicon, or a lower-case word in -ed. Ties go to the verb before the timex.

    >>> from timeline.context import Sentences
    >>> from timeline.records import Timex
    >>> text = "Shares fell sharply on Monday after the report."
    >>> t = Timex(23, 29, "Monday", "DATE", "1998-01-05")
    >>> [e.event for e in nearest_verb_events([t], text, Sentences(text))]
    ['fell']
    """
    from timeline.events import is_verb

    out = []
    for t in timexes:
        a, b = sentences.span(t.char_start, t.char_end)
        best: re.Match[str] | None = None
        best_distance = len(text) + 1
        for m in _BASELINE_WORD.finditer(text, a, b):
            if t.char_start <= m.start() < t.char_end or not is_verb(m.group()):
                continue
            distance = t.char_start - m.end() if m.end() <= t.char_start else m.start() - t.char_end
            if distance < best_distance:
                best, best_distance = m, distance
        sentence = text[a:b]
        if best is None:
            out.append(DatedEvent(t, sentence))
        else:
            out.append(DatedEvent(t, sentence, best.group(), best.start(), best.end()))
    return out


_BASELINE_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
