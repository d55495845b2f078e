"""Corpus runs: the timelines of many documents at once, in parallel, streamed, or on Dask.

:func:`extract_corpus` takes a pandas DataFrame (a text column, optional ``published``, ``id``
and ``title`` columns), a ``Series``, a mapping ``{id: document}``, or any iterable of texts,
:class:`~timeline.Article` objects or ``pathlib.Path`` files, and returns **one** timeline
frame: the columns of :data:`timeline.COLUMNS`, rows sorted chronologically across documents.
:func:`iter_corpus` yields the same frame batch by batch, and :func:`extract_corpus_to_parquet`
writes the batches to a Parquet file as they come, so that memory stays flat over an iterator
of a million documents. A Dask DataFrame gives a Dask DataFrame, computed on any cluster.

>>> import pandas as pd
>>> news = pd.DataFrame({
...     "id": ["kz", "us"],
...     "text": ["On Thursday, he hinted at Russia.", "Talks are scheduled for January 10."],
...     "published": ["2022-01-10", "2022-01-06"],
... })
>>> df = extract_corpus(news)
>>> df[["doc_id", "text", "value"]].values.tolist()
[['kz', 'Thursday', '2022-01-06'], ['us', 'January 10', '2022-01-10']]

**Every document is accounted for.** A document that fails (text that is missing or not a
``str``, a ``published`` that is not a date, a file that cannot be read, a bug) does not stop
the run: with ``errors="record"`` (the default) it is recorded and the others go on; with
``errors="raise"`` its exception is raised, with a note naming the document. The frame's
``attrs`` say what happened:

* ``df.attrs["documents"]``: how many documents were read (those that failed included);
* ``df.attrs["errors"]``: one ``{"doc_id", "error_type", "message"}`` dict per failed document,
  and :func:`corpus_errors` gives them as a DataFrame.

A document without dated expressions (the empty string among them) gives no rows and no error.

>>> df = extract_corpus(["In 2016.", None, ""])
>>> df["doc_id"].tolist(), df.attrs["documents"]
(['0'], 3)
>>> df.attrs["errors"]
[{'doc_id': '1', 'error_type': 'ValueError', 'message': 'no text'}]

The errors are a list of dicts, not a DataFrame, on purpose: pandas compares the ``attrs`` of
frames in ``pd.concat`` and writes them as JSON in ``to_parquet``, and a DataFrame inside
``attrs`` breaks both. ``attrs`` follow pandas' rules: filtering, sorting and copying keep them,
``pd.concat`` keeps them only when all inputs have equal ``attrs``, ``merge`` and ``groupby``
drop them; read them right after the run (or keep ``corpus_errors(df)``). A Parquet run keeps
its report in the file's metadata; a lazy Dask result, which has no ``attrs`` to fill, gives a
failed document as a row of ``type == "ERROR"`` (see :func:`extract_corpus`).
"""

from __future__ import annotations

import json
import math
import os
import sys
import threading
from collections import deque
from collections.abc import Generator, Hashable, Iterable, Iterator, Mapping, Sequence, Sized
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, overload

import attrs

from timeline.article import Article, parse_published
from timeline.frame import COLUMNS, documents_frame, empty_frame, sort_chronologically
from timeline.pipeline import Include, dated_events, read
from timeline.records import DatedEvent

if TYPE_CHECKING:
    import concurrent.futures as cf
    import multiprocessing.context

    import dask.dataframe as dd
    import numpy as np
    import pandas as pd

# pandas and numpy are imported when a run starts, concurrent.futures and multiprocessing when a
# pool starts, dask when a Dask DataFrame comes, tqdm when a bar is shown, pyarrow when Parquet
# is written: not on import.

__all__ = [
    "ERROR_COLUMNS",
    "ParquetRun",
    "corpus_errors",
    "extract_corpus",
    "extract_corpus_to_parquet",
    "iter_corpus",
]

Errors = Literal["record", "raise"]

#: The columns of :func:`corpus_errors`.
ERROR_COLUMNS = ("doc_id", "error_type", "message")

#: ``type`` of the rows that stand for failed documents in a Dask result.
ERROR_TYPE = "ERROR"

_DEFAULT_COLUMNS = {"text": "text", "published": "published", "id": "id", "title": "title"}
_DEFAULT_BATCH = 1000
_PARQUET_KEY = "timeline"  # the run's report in a Parquet file's key-value metadata
_FRAME_SLICE = 4096  # rows of an input DataFrame turned into Python objects at a time


# --------------------------------------------------------------------------- documents


@attrs.frozen
class _Doc:
    """One input document as sent to a worker: its source is checked there, not here."""

    position: int
    doc_id: str
    source: object  # str | Article | os.PathLike[str] | anything else (an error in the worker)
    published: object = None
    title: str | None = None


@attrs.frozen
class _Part:
    """The result of a chunk of documents: their frame (sorted) and their errors."""

    frame: pd.DataFrame = attrs.field(eq=False)
    errors: tuple[dict[str, str], ...]
    documents: int
    failed_docs: tuple[_Doc, ...] = ()  # the failed documents, for Dask's in-band error rows


def _missing(value: object) -> bool:
    """None, NaN, NaT or pd.NA: a missing value of a DataFrame cell."""
    import pandas as pd

    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _documents_of_frame(
    frame: pd.DataFrame, *, text: str, published: str | None, id: str | None, title: str | None
) -> Iterator[_Doc]:
    """The documents of a DataFrame, a slice of rows at a time (no per-row pandas objects)."""
    for offset in range(0, len(frame), _FRAME_SLICE):
        rows = frame.iloc[offset : offset + _FRAME_SLICE]
        n = len(rows)
        texts = rows[text].tolist()
        labels = rows.index.tolist()
        ids = rows[id].tolist() if id is not None else [None] * n
        dates = rows[published].tolist() if published is not None else [None] * n
        titles = rows[title].tolist() if title is not None else [None] * n
        for i in range(n):
            ident = ids[i] if not _missing(ids[i]) else labels[i]
            name = titles[i]
            yield _Doc(
                position=offset + i,
                doc_id=str(ident),
                source=texts[i],
                published=None if _missing(dates[i]) else dates[i],
                title=None if _missing(name) else str(name),
            )


def _documents_of_items(items: Iterable[object], ids: Iterable[Hashable] | None) -> Iterator[_Doc]:
    """The documents of an iterable (ids: the position, an Article's own, a file's name)."""
    keys = iter(ids) if ids is not None else None
    for position, item in enumerate(items):
        if keys is not None:
            doc_id = str(next(keys))
        elif isinstance(item, Article) and item.doc_id is not None:
            doc_id = item.doc_id
        elif isinstance(item, os.PathLike):
            name = os.fspath(item)
            doc_id = Path(name).stem if isinstance(name, str) else str(position)
        else:
            doc_id = str(position)
        yield _Doc(position=position, doc_id=doc_id, source=item)


def _columns(
    frame_columns: Sequence[Hashable],
    *,
    text: str,
    published: str | None,
    id: str | None,
    title: str | None,
) -> dict[str, str | None]:
    """The columns to read: ``text`` must exist; the others are used when present.

    A column named explicitly (not the default name) that is missing is an error: a typo must
    not silently drop the publication dates.
    """
    given = {"text": text, "published": published, "id": id, "title": title}
    for arg, name in given.items():
        if name is not None and not isinstance(name, str):
            raise TypeError(f"{arg} must be a column name (str) or None, not {type(name).__name__}")
    if text is None or text not in frame_columns:
        raise ValueError(
            f"text={text!r} is not a column of docs; its columns are {list(frame_columns)!r}"
        )
    chosen: dict[str, str | None] = {"text": text}
    for arg in ("published", "id", "title"):
        name = given[arg]
        if name is not None and name not in frame_columns:
            if name != _DEFAULT_COLUMNS[arg]:
                raise ValueError(
                    f"{arg}={name!r} is not a column of docs; its columns are "
                    f"{list(frame_columns)!r} (pass {arg}=None to go without)"
                )
            name = None
        chosen[arg] = name
    return chosen


def _documents(
    docs: object, *, text: str, published: str | None, id: str | None, title: str | None
) -> tuple[Iterator[_Doc], int | None]:
    """The documents of ``docs`` and their number when known (a generator's is not)."""
    import pandas as pd

    if isinstance(docs, pd.Series):
        docs = docs.to_frame(name=text if isinstance(text, str) else "text")
    if isinstance(docs, pd.DataFrame):
        cols = _columns(list(docs.columns), text=text, published=published, id=id, title=title)
        found = _documents_of_frame(
            docs,
            text=str(cols["text"]),
            published=cols["published"],
            id=cols["id"],
            title=cols["title"],
        )
        return found, len(docs)
    if isinstance(docs, str | bytes | bytearray):
        raise TypeError(
            f"docs must be many documents (a DataFrame, or an iterable of texts, "
            f"timeline.Article or pathlib.Path), not one {type(docs).__name__}; "
            "for one document use timeline.extract"
        )
    if isinstance(docs, os.PathLike):
        raise TypeError(
            "docs must be many documents, not one path; for the files of a folder pass "
            "Path(folder).glob('*.txt'), for one file use timeline.extract"
        )
    if isinstance(docs, Article):
        raise TypeError("docs must be many documents, not one Article; use timeline.extract")
    if not isinstance(docs, Iterable):
        raise TypeError(
            "docs must be a pandas or Dask DataFrame, a mapping or an iterable of texts, "
            f"timeline.Article or pathlib.Path, not {type(docs).__name__}"
        )
    for arg, name in {"text": text, "published": published, "id": id, "title": title}.items():
        if name != _DEFAULT_COLUMNS[arg]:
            raise ValueError(
                f"{arg}={name!r} names a column, but docs is not a DataFrame; pass a DataFrame, "
                "or timeline.Article objects (which carry their publication date and title)"
            )
    total = len(docs) if isinstance(docs, Sized) else None
    if isinstance(docs, Mapping):
        return _documents_of_items(docs.values(), docs.keys()), total
    return _documents_of_items(docs, None), total


# --------------------------------------------------------------------------- one chunk


def _article(doc: _Doc) -> Article:
    """The article of a document, with the id, title and date the corpus gives it."""
    if _missing(doc.source):
        raise ValueError("no text")  # None, NaN, NaT or pd.NA: the same error whatever the dtype
    article = read(doc.source, published=doc.published, doc_id=doc.doc_id)  # type: ignore[arg-type]
    if doc.title is not None:
        article = attrs.evolve(article, title=doc.title)
    return article


def _error(doc_id: str, exc: BaseException) -> dict[str, str]:
    return {"doc_id": doc_id, "error_type": type(exc).__name__, "message": str(exc)}


def _run_chunk(chunk: Sequence[_Doc], include: Include, errors: Errors) -> _Part:
    """Extract a chunk of documents (in a worker process, or in this one)."""
    done: list[tuple[Article, list[DatedEvent]]] = []
    failed: list[dict[str, str]] = []
    failed_docs: list[_Doc] = []
    for doc in chunk:
        try:
            article = _article(doc)
            events = dated_events(article, include=include)
        except Exception as exc:
            if errors == "raise":
                if hasattr(exc, "add_note"):  # Python 3.11+
                    exc.add_note(f"in document {doc.doc_id!r} (position {doc.position})")
                raise
            failed.append(_error(doc.doc_id, exc))
            failed_docs.append(attrs.evolve(doc, source=None))  # the text stays here
            continue
        done.append((article, events))
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
                failed.append(_error(str(article.doc_id), exc))
                failed_docs.append(
                    _Doc(-1, str(article.doc_id), None, article.published, article.title)
                )
        frame = _concat(frames)
    return _Part(frame, tuple(failed), len(chunk), tuple(failed_docs))


def _warm_worker() -> None:
    """Compile the grammar, load dateparser and import pandas once, before the first document:
    in this process before forking (the workers inherit them), or in each worker as it starts."""
    global _warm
    if not _warm:
        article = read("On Thursday, January 6, 2022.", published="2022-01-10")
        documents_frame([(article, dated_events(article))])
        _warm = True


_warm = False


# --------------------------------------------------------------------------- local engine


def _chunks(
    docs: Iterator[_Doc], chunksize: int, batch_size: int | None
) -> Iterator[tuple[list[_Doc], bool]]:
    """Chunks of documents, each flagged when it ends a batch (chunks never straddle one)."""
    chunk: list[_Doc] = []
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


def _mp_context() -> multiprocessing.context.BaseContext:
    """How to start workers: the platform's way (as ``ProcessPoolExecutor`` does), except that
    a process with threads (Jupyter, a Dask client, ...) is not forked, which may deadlock:
    its workers start from a fork server that has imported timeline and pandas."""
    import multiprocessing

    default = multiprocessing.get_context()
    if (
        default.get_start_method() == "fork"
        and threading.active_count() > 1
        and "forkserver" in multiprocessing.get_all_start_methods()
    ):
        server = multiprocessing.get_context("forkserver")
        server.set_forkserver_preload(["timeline.corpus", "pandas"])
        return server
    return default


class _Pool:
    """A process pool that survives a worker's death: the documents of the chunk that was
    running are retried one by one in a new pool, and one that kills its worker again is
    recorded as an error (``BrokenProcessPool``)."""

    def __init__(self, workers: int, include: Include, errors: Errors) -> None:
        self._workers = workers
        self._include: Include = include
        self._errors: Errors = errors
        self._generation = 0
        self._executor = self._start()

    def _start(self) -> cf.ProcessPoolExecutor:
        import concurrent.futures as cf

        context = _mp_context()
        if context.get_start_method() == "fork":
            _warm_worker()  # here, once: the forked workers inherit it
        return cf.ProcessPoolExecutor(
            max_workers=self._workers, mp_context=context, initializer=_warm_worker
        )

    def _restart(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._generation += 1
        self._executor = self._start()

    def submit(self, chunk: list[_Doc]) -> tuple[int, cf.Future[_Part]]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            future = self._executor.submit(_run_chunk, chunk, self._include, self._errors)
        except BrokenProcessPool:
            self._restart()
            future = self._executor.submit(_run_chunk, chunk, self._include, self._errors)
        return self._generation, future

    def result(self, chunk: list[_Doc], generation: int, future: cf.Future[_Part]) -> _Part:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return future.result()
        except BrokenProcessPool:
            if generation == self._generation:  # this pool broke: restart, then find the culprit
                self._restart()
                return self._one_by_one(chunk)
            # an earlier pool broke under it, maybe for another chunk: run it again
            generation, future = self.submit(chunk)
            return self.result(chunk, generation, future)

    def _one_by_one(self, chunk: list[_Doc]) -> _Part:
        from concurrent.futures.process import BrokenProcessPool

        parts = []
        for doc in chunk:
            try:
                parts.append(
                    self._executor.submit(_run_chunk, [doc], self._include, self._errors).result()
                )
            except BrokenProcessPool as exc:
                self._restart()
                if self._errors == "raise":
                    raise
                message = f"the worker process died on this document ({exc})"
                error = {"doc_id": doc.doc_id, "error_type": type(exc).__name__, "message": message}
                parts.append(_Part(empty_frame(), (error,), 1, (attrs.evolve(doc, source=None),)))
        return _Part(
            _concat([p.frame for p in parts]),
            tuple(e for p in parts for e in p.errors),
            len(chunk),
            tuple(d for p in parts for d in p.failed_docs),
        )

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _parts(
    chunks: Iterator[tuple[list[_Doc], bool]], *, workers: int, include: Include, errors: Errors
) -> Iterator[tuple[_Part, bool]]:
    """The chunks' results in input order, each with its end-of-batch flag.

    One worker: in this process. More: a process pool with a bounded number of chunks in
    flight, so that an iterator is consumed only a little ahead of the results.
    """
    if workers == 1:
        for chunk, last in chunks:
            yield _run_chunk(chunk, include, errors), last
        return
    pool = _Pool(workers, include, errors)
    try:
        pending: deque[tuple[list[_Doc], bool, int, cf.Future[_Part]]] = deque()
        for chunk, last in chunks:
            pending.append((chunk, last, *pool.submit(chunk)))
            while len(pending) >= 3 * workers:
                done, flag, generation, future = pending.popleft()
                yield pool.result(done, generation, future), flag
        while pending:
            done, flag, generation, future = pending.popleft()
            yield pool.result(done, generation, future), flag
    finally:
        pool.close()


class _Bar(Protocol):
    def update(self, n: float | None = 1) -> bool | None: ...
    def set_postfix(self, ordered_dict: Mapping[str, object] | None = None) -> None: ...
    def close(self) -> None: ...


class _NoBar:
    def update(self, n: float | None = 1) -> bool | None:
        return None

    def set_postfix(self, ordered_dict: Mapping[str, object] | None = None) -> None:
        return None

    def close(self) -> None:
        return None


def _bar(progress: bool | None, total: int | None) -> _Bar:
    """A tqdm bar: forced on or off, or (``None``) on when standard error is a terminal, shown
    only once the run has lasted two seconds."""
    if progress is False or (progress is None and not _interactive()):
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", delay=2.0 if progress is None else 0.0, file=sys.stderr)


def _interactive() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):  # closed or replaced stream
        return False


def _workers(n_jobs: object) -> int:
    import numpy as np

    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int | np.integer):
        raise TypeError(f"n_jobs must be an int, not {type(n_jobs).__name__}")
    if n_jobs == -1:
        if hasattr(os, "sched_getaffinity"):
            return max(1, len(os.sched_getaffinity(0)))
        return os.cpu_count() or 1
    if n_jobs < 1:
        raise ValueError(f"n_jobs must be a positive number of processes or -1, not {n_jobs}")
    return int(n_jobs)


def _positive(name: str, value: object, *, optional: bool = False) -> int | None:
    import numpy as np

    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(f"{name} must be a positive int, not {type(value).__name__}")
    if value < 1:
        raise ValueError(f"{name} must be a positive int, not {value}")
    return int(value)


def _check_options(include: object, errors: object, progress: object) -> None:
    if include not in ("timeline", "all"):
        raise ValueError(f"include must be 'timeline' or 'all', not {include!r}")
    if errors not in ("record", "raise"):
        raise ValueError(f"errors must be 'record' or 'raise', not {errors!r}")
    if progress is not None and not isinstance(progress, bool):
        raise TypeError(f"progress must be True, False or None, not {type(progress).__name__}")


def _auto_chunksize(chunksize: int | None, total: int | None, workers: int) -> int:
    """Documents per task: given, or about eight tasks a worker (at most 128 documents, so
    that the last tasks, when some workers are already idle, are short; fewer, larger tasks
    leave the parent process less to pickle and gather)."""
    if chunksize is not None:
        return chunksize
    if workers == 1:
        return 64
    if total is None:
        return 32
    return max(1, min(128, math.ceil(total / (8 * workers))))


def _concat(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Frames sorted document by document, in document order → one frame in timeline order."""
    import pandas as pd

    frames = [f for f in frames if len(f)]
    if not frames:
        return empty_frame()
    if len(frames) == 1:
        return frames[0]
    return sort_chronologically(pd.concat(frames, ignore_index=True))


def _with_report(frame: pd.DataFrame, documents: int, errors: Sequence[dict[str, str]]) -> None:
    frame.attrs["documents"] = documents
    frame.attrs["errors"] = list(errors)


def _batches(
    docs: object,
    *,
    text: str,
    published: str | None,
    id: str | None,
    title: str | None,
    n_jobs: int,
    include: Include,
    chunksize: int | None,
    batch_size: int | None,
    progress: bool | None,
    errors: Errors,
) -> Generator[pd.DataFrame, None, None]:
    """Validate now, then return the generator of batch frames (with their ``attrs``)."""
    _check_options(include, errors, progress)
    workers = _workers(n_jobs)
    size = _positive("chunksize", chunksize, optional=True)
    batch = _positive("batch_size", batch_size, optional=True)
    found, total = _documents(docs, text=text, published=published, id=id, title=title)
    per_task = _auto_chunksize(size, total, workers)
    if batch is not None:
        per_task = min(per_task, batch)
    if total is not None and total <= per_task:
        workers = 1  # one task: a pool would only add its start-up
    chunks = _chunks(found, per_task, batch)
    return _generate(
        _parts(chunks, workers=workers, include=include, errors=errors), progress, total
    )


def _generate(
    parts: Iterator[tuple[_Part, bool]], progress: bool | None, total: int | None
) -> Generator[pd.DataFrame, None, None]:
    # The bar (and tqdm's monitor thread) starts with the first result, once the workers
    # have started: a process is better forked before it has threads.
    bar: _Bar | None = None
    try:
        frames: list[pd.DataFrame] = []
        failed: list[dict[str, str]] = []
        documents = 0
        n_failed = 0
        for part, last in parts:
            if bar is None:
                bar = _bar(progress, total)
            frames.append(part.frame)
            failed.extend(part.errors)
            documents += part.documents
            bar.update(part.documents)
            if part.errors:
                n_failed += len(part.errors)
                bar.set_postfix({"errors": n_failed})
            if last:
                yield _batch_frame(frames, documents, failed)
                frames, failed, documents = [], [], 0
        if documents:
            yield _batch_frame(frames, documents, failed)
    finally:
        if bar is not None:
            bar.close()
        close = getattr(parts, "close", None)
        if close is not None:
            close()


def _batch_frame(
    frames: Sequence[pd.DataFrame], documents: int, failed: Sequence[dict[str, str]]
) -> pd.DataFrame:
    frame = _concat(frames)
    if frames and frame is frames[0]:
        frame = frame.copy(deep=False)  # the attrs are the batch's, not the chunk's
    _with_report(frame, documents, failed)
    return frame


# --------------------------------------------------------------------------- public API


@overload
def extract_corpus(
    docs: dd.DataFrame,
    *,
    text: str = ...,
    published: str | None = ...,
    id: str | None = ...,
    title: str | None = ...,
    n_jobs: int = ...,
    include: Include = ...,
    chunksize: int | None = ...,
    progress: bool | None = ...,
    errors: Errors = ...,
) -> dd.DataFrame: ...


@overload
def extract_corpus(
    docs: pd.DataFrame | pd.Series | Iterable[object],
    *,
    text: str = ...,
    published: str | None = ...,
    id: str | None = ...,
    title: str | None = ...,
    n_jobs: int = ...,
    include: Include = ...,
    chunksize: int | None = ...,
    progress: bool | None = ...,
    errors: Errors = ...,
) -> pd.DataFrame: ...


def extract_corpus(
    docs: Any,
    *,
    text: str = "text",
    published: str | None = "published",
    id: str | None = "id",
    title: str | None = "title",
    n_jobs: int = 1,
    include: Include = "timeline",
    chunksize: int | None = None,
    progress: bool | None = None,
    errors: Errors = "record",
) -> Any:
    """The timeline of a corpus: one frame, every document's dated events, in time order.

    Parameters
    ----------
    docs:
        * a pandas ``DataFrame`` with a column of texts (``text=``) and optionally the columns
          ``published=``, ``id=`` and ``title=`` (used when present; a missing cell falls back
          to the article's header, or the row's index label for the id);
        * a ``Series`` of texts (its index gives the ids), or a mapping ``{id: document}``;
        * an iterable of texts (``str``), :class:`~timeline.Article` objects or
          ``pathlib.Path`` files, mixed as you like; a generator is read lazily. Ids: an
          Article's ``doc_id``, a file's name without extension, otherwise the position
          (``"0"``, ``"1"``, ...);
        * a Dask DataFrame (``dask.dataframe``) or Series: see *Dask* below.
    text, published, id, title:
        Column names, for DataFrames only. ``published``, ``id``, ``title`` may be ``None``
        (not used); a column named explicitly but missing is an error.
    n_jobs:
        Worker processes: 1 (default) runs here; ``-1`` uses every core. Documents go to the
        workers in chunks of ``chunksize`` (default: about eight chunks a worker, at most 128
        documents), and the result is the same as with ``n_jobs=1``. Workers start the way
        ``multiprocessing`` starts them on the platform (a process that has threads, such as
        a notebook's, is not forked); where that is ``spawn`` or ``forkserver`` (Windows,
        macOS, Python 3.14), a script must call this under ``if __name__ == "__main__":``.
        A worker that dies (a crash, the out-of-memory killer) is replaced, and the document
        it died on is recorded as a ``BrokenProcessPool`` error.
    include:
        ``"timeline"`` or ``"all"``, as in :func:`timeline.extract`.
    progress:
        A tqdm progress bar on standard error: ``None`` (default) shows one when standard
        error is a terminal and the run lasts over two seconds; ``True``/``False`` force it.
    errors:
        ``"record"`` (default): a failing document is recorded in ``attrs["errors"]`` and the
        run goes on; ``"raise"``: its exception is raised (with a note naming the document).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`timeline.COLUMNS`, sorted by ``start``, ``end`` (undated rows last),
        input order, ``char_start``; ``attrs["documents"]`` (documents read) and
        ``attrs["errors"]`` (one dict per failed document, see :func:`corpus_errors`). The
        frame is built once, at the end, from the documents' records; for more rows than
        memory holds, use :func:`iter_corpus` or :func:`extract_corpus_to_parquet`.

    Dask
    ----
    A Dask DataFrame gives a Dask DataFrame built with ``map_partitions`` (its ``meta`` is
    :func:`timeline.empty_frame`), computed where Dask computes: a ``dask.distributed``
    cluster, or ``scheduler="processes"`` locally (the default threaded scheduler cannot run
    Python code on more than one core at a time). Rows are sorted within each partition. Give
    an ``id`` column: ids otherwise fall back to the index label, which ``read_csv`` or
    ``read_parquet`` restart in every partition. A lazy frame has no ``attrs`` to report in, so with
    ``errors="record"`` each failed document is one row of ``type == "ERROR"`` (``value``:
    the error type, ``sentence``: the message, ``doc_id``, ``title`` and ``published`` filled,
    ``char_start == char_end == 0``); keep ``result[result["type"] != "ERROR"]`` for the
    timeline and ``corpus_errors(result)`` for the errors. ``n_jobs`` and ``progress`` do not
    apply (use the cluster and its dashboard).

    >>> df = extract_corpus(["In 2016.", "Between 2000 and 2020."], n_jobs=1)
    >>> df[["doc_id", "text", "start"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['1', 'Between 2000 and 2020', Timestamp('2000-01-01 00:00:00')],
     ['0', '2016', Timestamp('2016-01-01 00:00:00')]]
    """
    if _is_dask(docs):
        _check_options(include, errors, progress)
        if _workers(n_jobs) != 1:
            raise ValueError(
                "n_jobs does not apply to a Dask DataFrame: it runs on Dask's workers "
                "(a dask.distributed cluster, or scheduler='processes')"
            )
        if progress:
            raise ValueError(
                "progress does not apply to a Dask DataFrame: use the dashboard of "
                "dask.distributed or dask.diagnostics.ProgressBar"
            )
        return _extract_dask(
            docs, text=text, published=published, id=id, title=title, include=include,
            errors=errors,
        )  # fmt: skip
    batches = _batches(
        docs,
        text=text,
        published=published,
        id=id,
        title=title,
        n_jobs=n_jobs,
        include=include,
        chunksize=chunksize,
        batch_size=None,
        progress=progress,
        errors=errors,
    )
    frames = list(batches)
    if frames:
        return frames[0]
    frame = empty_frame()
    _with_report(frame, 0, [])
    return frame


def iter_corpus(
    docs: pd.DataFrame | pd.Series | Iterable[object],
    *,
    text: str = "text",
    published: str | None = "published",
    id: str | None = "id",
    title: str | None = "title",
    n_jobs: int = 1,
    include: Include = "timeline",
    batch_size: int = _DEFAULT_BATCH,
    chunksize: int | None = None,
    progress: bool | None = None,
    errors: Errors = "record",
) -> Generator[pd.DataFrame, None, None]:
    """The timeline of a corpus batch by batch: a frame for every ``batch_size`` documents.

    The options are those of :func:`extract_corpus`. Each frame is sorted chronologically
    within its batch and carries its batch's ``attrs["documents"]`` and ``attrs["errors"]``;
    a batch whose documents have no dated events gives an empty frame, so that every document
    is accounted for. ``docs`` is read lazily: a generator is consumed about one batch (plus a
    few chunks in flight with ``n_jobs > 1``) ahead of what has been yielded. Arguments are
    checked when called, before the first batch.

    >>> texts = (f"In {year}." for year in range(2000, 2005))
    >>> [len(b) for b in iter_corpus(texts, batch_size=2)]
    [2, 2, 1]
    """
    if _is_dask(docs):
        raise TypeError(
            "iter_corpus takes local documents; for a Dask DataFrame use extract_corpus"
        )
    return _batches(
        docs,
        text=text,
        published=published,
        id=id,
        title=title,
        n_jobs=n_jobs,
        include=include,
        chunksize=chunksize,
        batch_size=_positive("batch_size", batch_size),
        progress=progress,
        errors=errors,
    )


@attrs.frozen
class ParquetRun:
    """What :func:`extract_corpus_to_parquet` wrote: the file, counts and the errors."""

    path: Path
    documents: int
    rows: int
    batches: int
    errors: pd.DataFrame = attrs.field(eq=False)


def extract_corpus_to_parquet(
    docs: pd.DataFrame | pd.Series | Iterable[object],
    path: str | os.PathLike[str],
    *,
    text: str = "text",
    published: str | None = "published",
    id: str | None = "id",
    title: str | None = "title",
    n_jobs: int = 1,
    include: Include = "timeline",
    batch_size: int = _DEFAULT_BATCH,
    chunksize: int | None = None,
    progress: bool | None = None,
    errors: Errors = "record",
    compression: str = "snappy",
) -> ParquetRun:
    """Write the timeline of a corpus to a Parquet file, batch by batch, in flat memory.

    The options are those of :func:`iter_corpus`; each batch becomes a row group, written as
    soon as it is ready, so a generator of a million documents never sits in memory. Rows are
    in batch order, each batch sorted chronologically (sort after reading for a global order).
    ``pd.read_parquet`` gives back the columns and dtypes of :data:`timeline.COLUMNS`, except
    that Parquet has no unit of seconds: ``start``, ``end`` and ``published`` come back as
    ``datetime64[ms]`` (the same instants, 490 BC included; ``.astype("datetime64[s]")``
    restores the dtype). Needs ``pyarrow`` (``pip install 'timeline[parquet]'``).

    Returns a :class:`ParquetRun`: the path, the numbers of documents, rows and batches, and
    the errors as a DataFrame (:data:`ERROR_COLUMNS`). The same report is kept in the file's
    metadata, under the key ``timeline`` (JSON ``{"documents": ..., "errors": [...]}``), so
    ``corpus_errors(path)`` reads the errors back later. If the run stops
    (``errors="raise"``, Ctrl-C), the file is closed with the batches written so far.

    >>> import tempfile, pandas as pd
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     run = extract_corpus_to_parquet(["In 2016.", None], f"{tmp}/t.parquet")
    ...     back = pd.read_parquet(run.path)
    ...     errors = corpus_errors(run.path)
    >>> run.documents, run.rows, back["value"].tolist()
    (2, 1, ['2016'])
    >>> errors.values.tolist() == run.errors.values.tolist()
    True
    >>> errors.values.tolist()
    [['1', 'ValueError', 'no text']]
    """
    try:
        import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
        import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]
    except ImportError as exc:  # pragma: no cover - pyarrow is a test dependency
        raise ImportError(
            "extract_corpus_to_parquet needs pyarrow: pip install 'timeline[parquet]'"
        ) from exc
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be a str or os.PathLike, not {type(path).__name__}")
    batches = iter_corpus(
        docs,
        text=text,
        published=published,
        id=id,
        title=title,
        n_jobs=n_jobs,
        include=include,
        batch_size=batch_size,
        chunksize=chunksize,
        progress=progress,
        errors=errors,
    )
    target = Path(path)
    schema = pa.Schema.from_pandas(empty_frame(), preserve_index=False)
    documents = rows = written = 0
    failed: list[dict[str, str]] = []
    writer = pq.ParquetWriter(target, schema, compression=compression)
    try:
        for frame in batches:
            documents += frame.attrs["documents"]
            failed.extend(frame.attrs["errors"])
            frame.attrs = {}
            table = pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
            writer.write_table(table)
            rows += len(frame)
            written += 1
    finally:
        report = {"documents": documents, "errors": failed}
        writer.add_key_value_metadata({_PARQUET_KEY: json.dumps(report)})
        writer.close()
    return ParquetRun(
        path=target, documents=documents, rows=rows, batches=written, errors=_error_frame(failed)
    )


def corpus_errors(result: Any) -> Any:
    """The failed documents of a corpus run: a DataFrame with columns ``doc_id``,
    ``error_type``, ``message`` (empty when none failed).

    ``result`` is a frame of :func:`extract_corpus` or :func:`iter_corpus` (its
    ``attrs["errors"]``), a Parquet file written by :func:`extract_corpus_to_parquet` (its
    metadata), or a Dask result, computed or not (its ``type == "ERROR"`` rows; a Dask result
    gives a Dask DataFrame).

    >>> errors = corpus_errors(extract_corpus(["In 2016.", 2016, None]))
    >>> errors[["doc_id", "error_type"]].values.tolist()
    [['1', 'TypeError'], ['2', 'ValueError']]
    """
    import pandas as pd

    if isinstance(result, str | os.PathLike):
        import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]

        metadata = pq.read_metadata(result).metadata or {}
        key = _PARQUET_KEY.encode()
        if key not in metadata:
            raise ValueError(f"{os.fspath(result)!r} was not written by extract_corpus_to_parquet")
        return _error_frame(json.loads(metadata[key])["errors"])
    if _is_dask(result) or (isinstance(result, pd.DataFrame) and "errors" not in result.attrs):
        if not {"type", "doc_id", "value", "sentence"} <= set(result.columns):
            raise ValueError("result is not a timeline corpus result (no attrs['errors'])")
        rows = result[result["type"] == ERROR_TYPE][["doc_id", "value", "sentence"]]
        rows = rows.rename(columns={"value": "error_type", "sentence": "message"})
        return rows.reset_index(drop=True)
    if not isinstance(result, pd.DataFrame):
        raise TypeError(
            f"result must be a DataFrame or a Parquet path, not {type(result).__name__}"
        )
    return _error_frame(result.attrs["errors"])


def _error_frame(errors: Sequence[dict[str, str]]) -> pd.DataFrame:
    import pandas as pd

    data = {name: pd.array([e[name] for e in errors], dtype="string") for name in ERROR_COLUMNS}
    return pd.DataFrame(data)


# --------------------------------------------------------------------------- Dask


def _is_dask(docs: object) -> bool:
    """Whether ``docs`` is a Dask collection (checked without importing dask)."""
    module = type(docs).__module__
    return module.split(".")[0] in ("dask", "dask_expr") and hasattr(docs, "map_partitions")


def _extract_dask(
    docs: Any,
    *,
    text: str,
    published: str | None,
    id: str | None,
    title: str | None,
    include: Include,
    errors: Errors,
) -> Any:
    if getattr(docs, "ndim", 2) == 1:  # a Dask Series of texts: its index gives the ids
        docs = docs.to_frame(name=text)
    if not hasattr(docs, "columns"):
        raise TypeError(f"docs must be a Dask DataFrame, not {type(docs).__name__}")
    cols = _columns(list(docs.columns), text=text, published=published, id=id, title=title)
    return docs.map_partitions(
        _dask_partition,
        text_column=cols["text"],
        published_column=cols["published"],
        id_column=cols["id"],
        title_column=cols["title"],
        include=include,
        errors=errors,
        meta=empty_frame(),
    )


def _dask_partition(
    part: pd.DataFrame,
    *,
    text_column: str,
    published_column: str | None,
    id_column: str | None,
    title_column: str | None,
    include: Include,
    errors: Errors,
) -> pd.DataFrame:
    """One partition's timeline, with a ``type == "ERROR"`` row per failed document."""
    import pandas as pd

    found = _documents_of_frame(
        part, text=text_column, published=published_column, id=id_column, title=title_column
    )
    chunks = _chunks(found, _auto_chunksize(None, None, 1), None)
    parts = [p for p, _ in _parts(chunks, workers=1, include=include, errors=errors)]
    frame = _concat([p.frame for p in parts])
    failed = [
        (doc, error) for p in parts for doc, error in zip(p.failed_docs, p.errors, strict=True)
    ]
    if failed:
        frame = pd.concat([frame, _error_rows(failed)], ignore_index=True)
    return frame


def _error_rows(failed: Sequence[tuple[_Doc, dict[str, str]]]) -> pd.DataFrame:
    """Rows that stand for failed documents (``type == "ERROR"``), in the timeline columns."""
    import numpy as np
    import pandas as pd

    n = len(failed)
    nat = np.full(n, np.datetime64("NaT", "s"))
    none: list[object] = [None] * n
    data: dict[str, Any] = {
        "doc_id": [doc.doc_id for doc, _ in failed],
        "text": none,
        "char_start": np.zeros(n, dtype=np.int64),
        "char_end": np.zeros(n, dtype=np.int64),
        "type": [ERROR_TYPE] * n,
        "value": [error["error_type"] for _, error in failed],
        "mod": none,
        "start": nat,
        "end": nat,
        "granularity": none,
        "sentence": [error["message"] for _, error in failed],
        "event": none,
        "event_start": none,
        "event_end": none,
        "title": [doc.title for doc, _ in failed],
        "published": np.array([_published(doc) for doc, _ in failed], dtype="datetime64[s]"),
    }
    frame = pd.DataFrame(data)
    return frame.astype({k: v for k, v in COLUMNS.items() if not v.startswith("datetime")})


def _published(doc: _Doc) -> np.datetime64:
    import numpy as np

    try:
        when = parse_published(doc.published)
    except (TypeError, ValueError):
        when = None
    return np.datetime64(when, "s") if when is not None else np.datetime64("NaT", "s")
