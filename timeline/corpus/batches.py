"""A local corpus run: documents in chunks, chunks into batches, one frame per batch.

Each batch frame carries its report in ``attrs``: ``documents`` (read, failures included) and
``errors`` (one dict per failed document).
"""

from __future__ import annotations

from collections.abc import Generator, Iterator, Sequence
from typing import TYPE_CHECKING

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
from timeline.kinds.base import check_prefer
from timeline.undated import check_undated

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["batch_frames", "chunks", "with_report"]


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
    docs: object, *, columns: Columns, published: object, run: RunOptions, batch_size: int | None
) -> Generator[pd.DataFrame, None, None]:
    """Validate now, then return the generator of batch frames (with their ``attrs``).

    ``published`` is every document's date when not ``None``; ``batch_size=None`` makes the
    whole corpus one batch.
    """
    check_options(run.include, run.errors, run.progress)
    check_prefer(run.prefer)
    check_undated(run.undated)
    workers = worker_count(run.n_jobs)
    size = positive_int("chunksize", run.chunksize, optional=True)
    batch = positive_int("batch_size", batch_size, optional=True)
    found, total = documents(docs, columns, published)
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
        prefer=run.prefer,
        undated=run.undated,
    )
    return _generate(results, run.progress, total)


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
