"""What a worker does with a chunk of documents: their frame, and the errors of those that fail.

The same code runs in this process (``n_jobs=1``, Dask partitions) and in the pool's workers.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

import attrs

from timeline.article import Article
from timeline.corpus.errors import Errors, error_record
from timeline.corpus.limits import (
    NO_LIMITS,
    DocumentTimeout,
    Expired,
    Limits,
    check_size,
    watching,
)
from timeline.corpus.options import DEFAULT_READING, Reading
from timeline.corpus.sources import Doc, missing
from timeline.frame import concat_frames, documents_frame, empty_frame, sort_chronologically
from timeline.pipeline import Include, dated_events, read
from timeline.records import DatedEvent

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Part", "concat", "run_chunk", "warm_worker"]


@attrs.frozen
class Part:
    """The result of a chunk of documents: their frame (sorted) and their errors."""

    frame: pd.DataFrame = attrs.field(eq=False)
    errors: tuple[dict[str, str], ...]
    documents: int
    failed_docs: tuple[Doc, ...] = ()  # the failed documents, for Dask's in-band error rows


def _article(doc: Doc, max_chars: int | None) -> Article:
    """The article of a document, with the id, title and date the corpus gives it."""
    if missing(doc.source):
        raise ValueError("no text")  # None, NaN, NaT or pd.NA: the same error whatever the dtype
    check_size(doc.source, max_chars)  # before reading and cleaning it
    article = read(doc.source, published=doc.published, doc_id=doc.doc_id)  # type: ignore[arg-type]
    check_size(article.text, max_chars)
    if doc.title is not None:
        article = attrs.evolve(article, title=doc.title)
    return article


def _extracted(
    doc: Doc,
    include: Include,
    reading: Reading,
    limits: Limits,
    timed: AbstractContextManager[object],
) -> tuple[Article, list[DatedEvent]]:
    """A document's article and dated events, within the limits (a :class:`DocumentTimeout`
    for one that runs past its time)."""
    try:
        with timed:
            article = _article(doc, limits.max_chars)
            return article, dated_events(
                article,
                include=include,
                prefer=reading.prefer,
                date_order=reading.date_order,
                undated=reading.undated,
            )
    except Expired:
        raise DocumentTimeout(
            f"stopped after time_limit={limits.time_limit} seconds (pass a larger time_limit, "
            "or None, to run it)"
        ) from None


def run_chunk(
    chunk: Sequence[Doc],
    include: Include,
    errors: Errors,
    reading: Reading = DEFAULT_READING,
    limits: Limits = NO_LIMITS,
) -> Part:
    """Extract a chunk of documents (in a worker process, or in this one)."""
    done: list[tuple[Article, list[DatedEvent]]] = []
    failed: list[dict[str, str]] = []
    failed_docs: list[Doc] = []
    if limits.time_limit is not None:
        warm_worker()  # the first document's time is its own, not that of loading the grammar
    with watching(limits.time_limit) as timed:
        for doc in chunk:
            try:
                done.append(_extracted(doc, include, reading, limits, timed))
            except Exception as exc:
                if errors == "raise":
                    if hasattr(exc, "add_note"):  # Python 3.11+
                        exc.add_note(f"in document {doc.doc_id!r} (position {doc.position})")
                    raise
                failed.append(error_record(doc.doc_id, exc))
                failed_docs.append(attrs.evolve(doc, source=None))  # the text stays here
    try:
        frame = documents_frame(done)
    except Exception:  # a bug in one document's rows: find it rather than lose the chunk
        if errors == "raise":
            raise
        frames = []
        for article, events in done:
            try:
                frames.append(documents_frame([(article, events)]))
            except Exception as exc:
                failed.append(error_record(str(article.doc_id), exc))
                failed_docs.append(
                    Doc(-1, str(article.doc_id), None, article.published, article.title)
                )
        frame = concat(frames)
    return Part(frame, tuple(failed), len(chunk), tuple(failed_docs))


def concat(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Frames sorted document by document, in document order → one frame in timeline order."""
    frames = [f for f in frames if len(f)]
    if not frames:
        return empty_frame()
    if len(frames) == 1:
        return frames[0]
    return sort_chronologically(concat_frames(frames))


def warm_worker() -> None:
    """Compile the grammar, load dateparser and import pandas once, before the first document:
    in this process before forking (the workers inherit them), or in each worker as it starts."""
    global _warm
    if not _warm:
        article = read("On Thursday, January 6, 2022.", published="2022-01-10")
        documents_frame([(article, dated_events(article))])
        _warm = True


_warm = False
