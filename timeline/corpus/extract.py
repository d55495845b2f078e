"""The public corpus functions: :func:`extract_corpus` (one frame, or a lazy Dask frame) and
:func:`iter_corpus` (a frame per batch)."""

from __future__ import annotations

from collections.abc import Generator, Iterable
from typing import TYPE_CHECKING, Any, overload

from timeline.corpus.arguments import NOT_GIVEN, ColumnsArgument, NotGiven, columns_and_date
from timeline.corpus.batches import batch_frames, with_report
from timeline.corpus.dask_frames import extract_dask
from timeline.corpus.errors import Errors
from timeline.corpus.limits import DEFAULT_MAX_CHARS, Limits
from timeline.corpus.options import DEFAULT_BATCH, Reading, RunOptions, positive_int
from timeline.corpus.sources import is_dask
from timeline.frame import empty_frame
from timeline.kinds.base import DateOrder
from timeline.pipeline import Include, Prefer, Undated

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd

__all__ = ["extract_corpus", "iter_corpus", "refuse_dask"]


@overload
def extract_corpus(
    docs: dd.DataFrame,
    *,
    columns: ColumnsArgument | None = ...,
    published: Any = ...,
    n_jobs: int = ...,
    include: Include = ...,
    chunksize: int | None = ...,
    progress: bool | None = ...,
    errors: Errors = ...,
    prefer: Prefer = ...,
    date_order: DateOrder | None = ...,
    undated: Undated = ...,
    max_chars: int | None = ...,
    time_limit: float | None = ...,
    text: str | NotGiven = ...,
    id: str | NotGiven | None = ...,
    title: str | NotGiven | None = ...,
) -> dd.DataFrame: ...


@overload
def extract_corpus(
    docs: pd.DataFrame | pd.Series | Iterable[object],
    *,
    columns: ColumnsArgument | None = ...,
    published: Any = ...,
    n_jobs: int = ...,
    include: Include = ...,
    chunksize: int | None = ...,
    progress: bool | None = ...,
    errors: Errors = ...,
    prefer: Prefer = ...,
    date_order: DateOrder | None = ...,
    undated: Undated = ...,
    max_chars: int | None = ...,
    time_limit: float | None = ...,
    text: str | NotGiven = ...,
    id: str | NotGiven | None = ...,
    title: str | NotGiven | None = ...,
) -> pd.DataFrame: ...


def extract_corpus(
    docs: Any,
    *,
    columns: ColumnsArgument | None = None,
    published: Any = NOT_GIVEN,
    n_jobs: int = 1,
    include: Include = "timeline",
    chunksize: int | None = None,
    progress: bool | None = None,
    errors: Errors = "record",
    prefer: Prefer = "tense",
    date_order: DateOrder | None = None,
    undated: Undated = "skip",
    max_chars: int | None = DEFAULT_MAX_CHARS,
    time_limit: float | None = None,
    text: str | NotGiven = NOT_GIVEN,
    id: str | NotGiven | None = NOT_GIVEN,
    title: str | NotGiven | None = NOT_GIVEN,
) -> Any:
    """The timeline of a corpus: one frame, every document's dated events, in time order.

    Parameters
    ----------
    docs:
        A pandas ``DataFrame`` (its columns named by ``columns``), a ``Series`` of texts (its
        index gives the ids), a mapping ``{id: document}``, or an iterable of texts,
        :class:`~timeline.Article` objects or ``pathlib.Path`` files (ids: an Article's
        ``doc_id``, a file's name, else the position ``"0"``, ``"1"``, ...), read lazily. A
        Dask DataFrame gives a lazy Dask DataFrame (:mod:`timeline.corpus.dask_frames`).
    columns:
        A :class:`~timeline.Columns` or a mapping of some of its keys (``{"text": "body"}``):
        the columns of texts, dates, ids, titles; a missing cell: the header's, the row's label.
    published:
        The publication date of every document, in any form :func:`timeline.extract` takes;
        as there, it overrides a document's own (its column, its Article's, its file header's).
        A bad one raises at once. Not given, each document has its own.
    n_jobs:
        Worker processes: 1 (default) runs here, ``-1`` uses every core; the rows are the same
        (see :mod:`timeline.corpus` for how workers start). ``chunksize``: documents per task
        (default: about eight tasks a worker, at most 128 documents).
    progress:
        A ``tqdm.auto`` bar (a widget in Jupyter, text on standard error elsewhere): ``None``
        (default) shows one in a notebook or when standard error is a terminal, once the run
        lasts over two seconds; ``True``/``False`` force it.
    errors:
        ``"record"`` (default): a failing document is recorded in ``attrs["errors"]`` and the
        run goes on; ``"raise"``: its exception is raised (with a note naming the document).
    include, prefer, date_order, undated:
        As in :func:`timeline.extract`: which rows, the direction of dates a text leaves open,
        the order of day and month in numeric dates, the events of sentences without a date.
    max_chars, time_limit:
        Per-document limits (``None``: none), each failure that document's error: more
        characters (default a million: ``DocumentTooLarge``), more seconds (default none:
        ``DocumentTimeout``). See :mod:`timeline.corpus.limits`.
    text, id, title:
        Deprecated column names: give them in ``columns``. So is ``published`` naming a
        column of a DataFrame, or ``None`` to leave its ``published`` column unread.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`timeline.COLUMNS`, sorted by ``start``, ``end`` (undated rows last),
        input order, ``char_start``; ``attrs["documents"]`` (documents read) and
        ``attrs["errors"]`` (one dict per failed document, see :func:`corpus_errors`). For
        more rows than memory holds, use :func:`iter_corpus` or
        :func:`extract_corpus_to_parquet`.

    >>> df = extract_corpus(["In 2016.", "On Thursday, he spoke."], published="2022-01-10")
    >>> df[["doc_id", "text", "value"]].values.tolist()
    [['0', '2016', '2016'], ['1', 'Thursday', '2022-01-06']]
    """
    chosen, date = columns_and_date(docs, columns, published, (text, id, title), "extract_corpus")
    reading = Reading.checked(prefer, date_order, undated)
    limits = Limits(max_chars, time_limit)
    run = RunOptions(n_jobs, include, chunksize, progress, errors, reading, limits)
    if is_dask(docs):
        return extract_dask(docs, columns=chosen, published=date, run=run)
    batches = batch_frames(docs, columns=chosen, published=date, run=run, batch_size=None)
    return _one_frame(list(batches))


def _one_frame(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The frame of a run made of one batch (an empty one, with its report, for no input)."""
    if frames:
        return frames[0]
    frame = empty_frame()
    with_report(frame, 0, [])
    return frame


def iter_corpus(
    docs: pd.DataFrame | pd.Series | Iterable[object],
    *,
    columns: ColumnsArgument | None = None,
    published: Any = NOT_GIVEN,
    n_jobs: int = 1,
    include: Include = "timeline",
    batch_size: int = DEFAULT_BATCH,
    chunksize: int | None = None,
    progress: bool | None = None,
    errors: Errors = "record",
    prefer: Prefer = "tense",
    date_order: DateOrder | None = None,
    undated: Undated = "skip",
    max_chars: int | None = DEFAULT_MAX_CHARS,
    time_limit: float | None = None,
    text: str | NotGiven = NOT_GIVEN,
    id: str | NotGiven | None = NOT_GIVEN,
    title: str | NotGiven | None = NOT_GIVEN,
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
    refuse_dask(docs, "iter_corpus")
    chosen, date = columns_and_date(docs, columns, published, (text, id, title), "iter_corpus")
    reading = Reading.checked(prefer, date_order, undated)
    limits = Limits(max_chars, time_limit)
    run = RunOptions(n_jobs, include, chunksize, progress, errors, reading, limits)
    batch = positive_int("batch_size", batch_size)
    return batch_frames(docs, columns=chosen, published=date, run=run, batch_size=batch)


def refuse_dask(docs: object, function: str) -> None:
    """Raise ``TypeError`` for a Dask DataFrame, which only :func:`extract_corpus` takes."""
    if is_dask(docs):
        raise TypeError(
            f"{function} takes local documents; for a Dask DataFrame use extract_corpus"
        )
