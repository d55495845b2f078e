"""The whole job for one document: detect → resolve → attach events → frame.

>>> text = "The 2011-13 Russian protests. On Thursday, he hinted at Russia."
>>> df = extract(text, published="2022-01-10")
>>> df[["text", "value", "event"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['2011-13', '2011/2013', 'Russian protests'],
 ['Thursday', '2022-01-06', 'he hinted at Russia']]
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Literal

import attrs

from timeline.article import Article, parse_published
from timeline.context import Sentences
from timeline.detect import detect
from timeline.events import attach
from timeline.frame import timeline_frame
from timeline.kinds.base import Prefer, check_prefer
from timeline.kinds.numeric import DateOrder, check_date_order
from timeline.records import DatedEvent, Timex
from timeline.resolve import resolve
from timeline.schema import TIMEX_COLUMNS
from timeline.undated import Undated, check_undated, undated_events

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Include", "Prefer", "Undated", "dated_events", "extract", "read", "timexes"]

Include = Literal["timeline", "all"]


def read(
    source: str | Article | os.PathLike[str], *, published: Any = None, doc_id: str | None = None
) -> Article:
    """An :class:`Article` from text, a path (``pathlib.Path``) or an article.

    A ``str`` is always text, never a file name: pass ``pathlib.Path(name)`` to read a file.
    """
    if isinstance(source, Article):
        article = source
        if published is not None:
            article = attrs.evolve(article, published=parse_published(published))
    elif isinstance(source, os.PathLike):
        article = Article.from_path(source, published=published)
    elif isinstance(source, str):
        article = Article.from_text(source, published=published)
    else:
        hint = (
            " (decode bytes first, e.g. data.decode('utf-8'))"
            if isinstance(source, bytes | bytearray)
            else ""
        )
        raise TypeError(
            "text_or_article must be a str, a pathlib.Path or a timeline.Article, "
            f"not {type(source).__name__}{hint}"
        )
    if doc_id is not None:
        article = attrs.evolve(article, doc_id=doc_id)
    return article


def dated_events(
    article: Article,
    *,
    include: Include = "timeline",
    prefer: Prefer = "tense",
    date_order: DateOrder | None = None,
    undated: Undated = "skip",
) -> list[DatedEvent]:
    """The dated events of an article as records (the rows of :func:`extract`, unsorted)."""
    if include not in ("timeline", "all"):
        raise ValueError(f"include must be 'timeline' or 'all', not {include!r}")
    check_prefer(prefer)
    order = check_date_order(date_order)
    check_undated(undated)
    text = article.text
    sentences = Sentences(text)  # one sentence split (and tense cache) for resolve and events
    timexes = resolve(
        detect(text),
        text,
        reference=article.published,
        sentences=sentences,
        prefer=prefer,
        date_order=order,
    )
    found = [t for t in timexes if _on_timeline(t)] if include == "timeline" else timexes
    events = attach(found, text, sentences)
    if undated == "published":
        events.extend(undated_events(text, sentences, timexes, article.published, events))
    return events


def _on_timeline(t: Timex) -> bool:
    return t.placed and t.type in ("DATE", "TIME", "DURATION")


def extract(
    text_or_article: str | Article | os.PathLike[str],
    *,
    published: Any = None,
    include: Include = "timeline",
    doc_id: str | None = None,
    prefer: Prefer = "tense",
    date_order: DateOrder | None = None,
    undated: Undated = "skip",
) -> pd.DataFrame:
    """The timeline of one article: a DataFrame with one row per dated event, in time order.

    Parameters
    ----------
    text_or_article:
        Plain text, an exported article with a header (``Published Time:`` ... ``Text:``), a
        ``pathlib.Path`` to such a file, or an :class:`Article`.
    published:
        The publication date, against which relative expressions resolve ("on Thursday",
        "last year"). An ISO string, ``datetime.date``, ``datetime`` or pandas ``Timestamp``;
        it overrides the header's. A time of day, when given, places "two hours ago" and "in
        15 minutes". With none, relative expressions resolve against the latest date placed
        earlier in the text, or stay unresolved: the current date is never used.
    include:
        ``"timeline"`` (default): the expressions placed on the timeline. ``"all"``: also
        durations, sets and vague or unresolved expressions, with NaT ``start``/``end``.
    doc_id:
        An identifier for the ``doc_id`` column (a file's name by default).
    prefer:
        The direction of dates the text leaves open (a weekday, a month or day of the month
        without a year, a season, a holiday): ``"tense"`` (default) reads the tense of their
        sentence, as news needs ("Thursday" is the last one unless "will" stands near);
        ``"past"`` and ``"future"`` always take the last or the next one (schedules and
        assistants: "friday" is the coming one); ``"nearest"`` the nearest one.
    date_order:
        Which number of a date written in numbers is the month: ``"MDY"`` (3/12/2025 is
        March 12), ``"DMY"`` (3 December) or ``"YMD"``. ``None`` (default): month first with
        slashes and dashes, as in English-language news, day first with dots (10.01.2022).
        A date only one reading makes possible (31/10/1974) is read that way whatever the order.
    undated:
        The events of sentences without a date: ``"skip"`` (default) leaves them out;
        ``"published"`` dates the main event of each such sentence that tells of a fact by
        the publication day, from the day before to the end of that day (news tells the
        day's events), with ``dated_by == "published"`` and no ``text``
        (:mod:`timeline.undated`). Without a publication date it adds nothing.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`timeline.COLUMNS`; ``start`` inclusive, ``end`` exclusive, both
        ``datetime64[s]`` so that BC years work; offsets index :attr:`Article.text`.
    """
    article = read(text_or_article, published=published, doc_id=doc_id)
    events = dated_events(
        article, include=include, prefer=prefer, date_order=date_order, undated=undated
    )
    return timeline_frame(
        events, doc_id=article.doc_id, title=article.title, published=article.published
    )


def timexes(
    text_or_article: str | Article | os.PathLike[str],
    *,
    published: Any = None,
    prefer: Prefer = "tense",
    date_order: DateOrder | None = None,
) -> pd.DataFrame:
    """TIMEX3 annotations in the TimeML way: every expression, a range as its two endpoints.

    The same detection pass as :func:`extract` (``published``, ``prefer`` and ``date_order`` as
    there);
    columns ``char_start``, ``char_end``, ``text``, ``type``, ``value``, ``mod``, in text order.

    >>> timexes("He served from 1991 to 1999.")[["text", "value"]].values.tolist()
    [['1991', '1991'], ['1999', '1999']]
    """
    import pandas as pd

    check_prefer(prefer)
    article = read(text_or_article, published=published)
    order = check_date_order(date_order)
    text = article.text
    rows = []
    for t in resolve(
        detect(text), text, reference=article.published, prefer=prefer, date_order=order
    ):
        for part in t.parts or (t,):
            rows.append(
                (part.char_start, part.char_end, part.text, part.type, part.value, part.mod)
            )
    frame = pd.DataFrame(rows, columns=list(TIMEX_COLUMNS))
    return frame.astype(TIMEX_COLUMNS)
