"""A local corpus run: documents in chunks, chunks into batches, one frame per batch.

Each batch frame carries its report in ``attrs``: ``documents`` (read, failures included) and
``errors`` (one dict per failed document).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Generator, Iterator, Sequence
from typing import TYPE_CHECKING

from timeline.article import Article
from timeline.corpus.columns import Columns
from timeline.corpus.options import (
    RunOptions,
    check_options,
    chunk_size,
    positive_int,
    worker_count,
)
from timeline.corpus.pool import parts
from timeline.corpus.progress import Bar, progress_bar
from timeline.corpus.sources import Doc, documents
from timeline.corpus.worker import Part, concat

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["batch_frames", "chunks", "document_key", "with_report"]


def chunks(
    docs: Iterator[Doc], chunksize: int, batch_size: int | None
) -> Iterator[tuple[list[Doc], bool]]:
    """Chunks of documents, each flagged when it ends a batch (chunks never straddle one)."""
    chunk: list[Doc] = []
    in_batch = 0
    for doc in docs:
        chunk.append(doc)
        in_batch += 1
        end_of_batch = batch_size is not None and in_batch >= batch_size
        if len(chunk) >= chunksize or end_of_batch:
            yield chunk, end_of_batch
            chunk = []
            if end_of_batch:
                in_batch = 0
    if chunk:
        yield chunk, True


def with_report(frame: pd.DataFrame, documents: int, errors: Sequence[dict[str, str]]) -> None:
    """Write the run's report into the frame's ``attrs``."""
    frame.attrs["documents"] = documents
    frame.attrs["errors"] = list(errors)


def batch_frames(
    docs: object,
    *,
    columns: Columns,
    published: object,
    run: RunOptions,
    batch_size: int | None,
    done: Sequence[str] = (),
    seen: list[str] | None = None,
) -> Generator[pd.DataFrame, None, None]:
    """Validate now, then return the generator of batch frames (with their ``attrs``).

    ``published`` is every document's date when not ``None``; ``batch_size=None`` makes the
    whole corpus one batch. ``done`` holds the :func:`document_key` of the first documents,
    done by an earlier run: they are checked to be those and skipped. ``seen`` collects the
    keys of the documents read (in order), to tell which documents a batch holds.
    """
    check_options(run.include, run.errors, run.progress)
    workers = worker_count(run.n_jobs)
    size = positive_int("chunksize", run.chunksize, optional=True)
    batch = positive_int("batch_size", batch_size, optional=True)
    found, total = documents(docs, columns, published)
    if done or seen is not None:
        found = _after(found, done, seen)
        total = None if total is None else max(0, total - len(done))
    per_task = chunk_size(size, total, workers)
    if batch is not None:
        per_task = min(per_task, batch)
    if total is not None and total <= per_task:
        workers = 1  # one task: a pool would only add its start-up
    chunked = chunks(found, per_task, batch)
    results = parts(
        chunked,
        workers=workers,
        include=run.include,
        errors=run.errors,
        reading=run.reading,
        limits=run.limits,
    )
    return _generate(results, run.progress, total)


def _after(found: Iterator[Doc], done: Sequence[str], seen: list[str] | None) -> Iterator[Doc]:
    """The documents after those ``done`` (checked to have their :func:`document_key`), noted
    in ``seen``."""
    for i, expected in enumerate(done):
        doc = next(found, None)
        if doc is None or document_key(doc) != expected:
            given = (
                "missing"
                if doc is None
                else f"{doc.doc_id!r}, "
                + (
                    "another document"
                    if doc.doc_id != expected.rpartition("\t")[0]
                    else "another text"
                )
            )
            raise ValueError(
                f"resume=True: document {i} of docs is {given} than the unfinished run "
                "wrote there; resume needs the same documents in the same order (resume=False "
                "starts afresh)"
            )
    for doc in found:
        if seen is not None:
            seen.append(document_key(doc))
        yield doc


def document_key(doc: Doc) -> str:
    """A document's id and a digest of what it is (its text, or a file's path or an Article's
    text, with its date and title): what tells a resumed run that it has the same documents.

    >>> document_key(Doc(0, "a", "In 2016.")) == document_key(Doc(0, "a", "In 2017."))
    False
    """
    source = doc.source
    if isinstance(source, Article):
        source = (source.text, source.published, source.title, source.doc_id)
    elif isinstance(source, os.PathLike):
        source = os.fspath(source)
    elif not isinstance(source, str):
        source = type(source).__name__
    what = repr((source, str(doc.published), doc.title)).encode("utf-8", "surrogatepass")
    return f"{doc.doc_id}\t{hashlib.blake2b(what, digest_size=8).hexdigest()}"


def _generate(
    results: Iterator[tuple[Part, bool]], progress: bool | None, total: int | None
) -> Generator[pd.DataFrame, None, None]:
    # The bar (and tqdm's monitor thread) starts with the first result, once the workers
    # have started: a process is better forked before it has threads.
    bar: Bar | None = None
    try:
        frames: list[pd.DataFrame] = []
        failed: list[dict[str, str]] = []
        n_documents = 0
        n_failed = 0
        for part, last in results:
            if bar is None:
                bar = progress_bar(progress, total)
            frames.append(part.frame)
            failed.extend(part.errors)
            n_documents += part.documents
            bar.update(part.documents)
            if part.errors:
                n_failed += len(part.errors)
                bar.set_postfix({"errors": n_failed})
            if last:
                yield _batch_frame(frames, n_documents, failed)
                frames, failed, n_documents = [], [], 0
        if n_documents:
            yield _batch_frame(frames, n_documents, failed)
    finally:
        if bar is not None:
            bar.close()
        close = getattr(results, "close", None)
        if close is not None:
            close()


def _batch_frame(
    frames: Sequence[pd.DataFrame], documents: int, failed: Sequence[dict[str, str]]
) -> pd.DataFrame:
    frame = concat(frames)
    if frames and frame is frames[0]:
        frame = frame.copy(deep=False)  # the attrs are the batch's, not the chunk's
    with_report(frame, documents, failed)
    return frame
