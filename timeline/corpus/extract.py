"""The public corpus functions: :func:`extract_corpus` (one frame, or a lazy Dask frame) and
:func:`iter_corpus` (a frame per batch)."""

from __future__ import annotations

from collections.abc import Generator, Iterable
from typing import TYPE_CHECKING, Any, overload

from timeline.corpus.batches import batch_frames, with_report
from timeline.corpus.columns import Columns
from timeline.corpus.dask_frames import extract_dask
from timeline.corpus.errors import Errors
from timeline.corpus.options import DEFAULT_BATCH, check_options, positive_int, worker_count
from timeline.corpus.sources import is_dask
from timeline.frame import empty_frame
from timeline.pipeline import Include

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd

__all__ = ["extract_corpus", "iter_corpus"]


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
    if is_dask(docs):
        check_options(include, errors, progress)
        if worker_count(n_jobs) != 1:
            raise ValueError(
                "n_jobs does not apply to a Dask DataFrame: it runs on Dask's workers "
                "(a dask.distributed cluster, or scheduler='processes')"
            )
        if progress:
            raise ValueError(
                "progress does not apply to a Dask DataFrame: use the dashboard of "
                "dask.distributed or dask.diagnostics.ProgressBar"
            )
        columns = Columns(text, published, id, title)
        return extract_dask(docs, columns=columns, published=None, include=include, errors=errors)
    batches = batch_frames(
        docs,
        columns=Columns(text, published, id, title),
        published=None,
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
    with_report(frame, 0, [])
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
    batch_size: int = DEFAULT_BATCH,
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
    if is_dask(docs):
        raise TypeError(
            "iter_corpus takes local documents; for a Dask DataFrame use extract_corpus"
        )
    return batch_frames(
        docs,
        columns=Columns(text, published, id, title),
        published=None,
        n_jobs=n_jobs,
        include=include,
        chunksize=chunksize,
        batch_size=positive_int("batch_size", batch_size),
        progress=progress,
        errors=errors,
    )
