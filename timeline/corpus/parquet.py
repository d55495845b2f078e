"""A corpus run written to a Parquet file batch by batch, in flat memory."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from timeline.corpus.arguments import NOT_GIVEN, ColumnsArgument, NotGiven, columns_and_date
from timeline.corpus.batches import batch_frames
from timeline.corpus.checkpoints import Checkpoints
from timeline.corpus.columns import Columns
from timeline.corpus.errors import Errors, error_frame
from timeline.corpus.extract import refuse_dask
from timeline.corpus.limits import DEFAULT_MAX_CHARS, Limits
from timeline.corpus.options import DEFAULT_BATCH, Reading, RunOptions, positive_int
from timeline.extras import require
from timeline.frame import empty_frame
from timeline.kinds.base import DateOrder
from timeline.pipeline import Include, Prefer, Undated

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ParquetRun", "extract_corpus_to_parquet"]


@attrs.frozen
class ParquetRun:
    """What :func:`extract_corpus_to_parquet` wrote: the file, counts and the errors (all
    of the file's, those of a resumed run's earlier batches included)."""

    path: Path
    documents: int
    rows: int
    batches: int
    errors: pd.DataFrame = attrs.field(eq=False)
    resumed: int = 0  # documents taken from an unfinished run (resume=True)


def extract_corpus_to_parquet(
    docs: pd.DataFrame | pd.Series | Iterable[object],
    path: str | os.PathLike[str],
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
    compression: str = "snappy",
    resume: bool = False,
) -> ParquetRun:
    """Write the timeline of a corpus to a Parquet file, batch by batch, in flat memory.

    The options are those of :func:`~timeline.iter_corpus`; each batch becomes a row group,
    written as soon as it is ready, so a generator of a million documents never sits in
    memory. Rows are in batch order, each batch sorted chronologically (sort after reading for
    a global order). ``pd.read_parquet`` gives back the columns and dtypes of
    :data:`timeline.COLUMNS`, except that Parquet has no unit of seconds: ``start``, ``end``
    and ``published`` come back as ``datetime64[ms]`` (the same instants, 490 BC included;
    ``.astype("datetime64[s]")`` restores the dtype), and that the categories of ``sentence``
    come back as pandas' default ``str``. Needs ``pyarrow`` (``pip install
    'timeline[parquet]'``).

    Returns a :class:`ParquetRun`: the path, the numbers of documents, rows and batches, and
    the errors as a DataFrame (:data:`~timeline.corpus.ERROR_COLUMNS`). The same report is
    kept in the file's metadata, under the key ``timeline`` (JSON ``{"documents": ...,
    "errors": [...]}``), so ``corpus_errors(path)`` reads the errors back later.

    **A kill loses one batch at most, and never the file at** ``path``: the batches go, each
    a whole file, into a folder beside it, and ``path`` is replaced in one rename when all are
    done; whenever the run stops (a kill, Ctrl-C, ``errors="raise"``) ``path`` holds what it
    held. ``resume=True`` goes on where an unfinished run stopped, skipping the documents of
    its batches (the same documents and options are needed: they are checked); without it
    such a run starts afresh. See :mod:`timeline.corpus.checkpoints`.

    >>> import tempfile, pandas as pd
    >>> from timeline import corpus_errors
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
    require("pyarrow", what="extract_corpus_to_parquet")
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be a str or os.PathLike, not {type(path).__name__}")
    function = "extract_corpus_to_parquet"
    refuse_dask(docs, function)
    chosen, date = columns_and_date(docs, columns, published, (text, id, title), function)
    reading = Reading.checked(prefer, date_order, undated)
    limits = Limits(max_chars, time_limit)
    run = RunOptions(n_jobs, include, chunksize, progress, errors, reading, limits)
    batch = positive_int("batch_size", batch_size)
    if not isinstance(resume, bool):
        raise TypeError(f"resume must be True or False, not {type(resume).__name__}")
    return _run(docs, Path(path), chosen, date, run, batch, compression, resume=resume)


def _run(
    docs: object,
    target: Path,
    columns: Columns,
    date: dt.date | None,
    run: RunOptions,
    batch_size: int | None,
    compression: str,
    *,
    resume: bool,
) -> ParquetRun:
    """The run, its batches kept in the folder of :class:`Checkpoints` until the target is
    replaced."""
    options = {
        "include": run.include,
        "columns": attrs.asdict(columns),
        "published": None if date is None else date.isoformat(),
    }
    with Checkpoints(target, options, resume=resume) as checkpoints:
        seen: list[str] = []
        batches = batch_frames(
            docs,
            columns=columns,
            published=date,
            run=run,
            batch_size=batch_size,
            done=checkpoints.keys,
            seen=seen,
        )
        return _write(batches, seen, checkpoints, compression)


def parquet_schema() -> Any:
    """The Arrow schema of a timeline frame, its ``sentence`` dictionary-encoded with 32-bit
    indices (what pyarrow infers from an empty frame, 8-bit ones, would not hold a batch of
    more than 128 sentences)."""
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    schema = pa.Schema.from_pandas(empty_frame(), preserve_index=False)
    i = schema.get_field_index("sentence")
    return schema.set(i, pa.field("sentence", pa.dictionary(pa.int32(), pa.large_string())))


def _write(
    batches: Iterator[pd.DataFrame], seen: list[str], checkpoints: Checkpoints, compression: str
) -> ParquetRun:
    """Write each batch as a batch file as soon as it comes, then the file at the target.

    ``seen`` fills with the keys of the documents read, in order; a batch holds the next
    ``attrs["documents"]`` of them.
    """
    schema = parquet_schema()
    taken = 0
    for frame in batches:
        count = frame.attrs["documents"]
        checkpoints.add(frame, seen[taken : taken + count], schema)
        taken += count
    checkpoints.finish(schema, compression)
    return ParquetRun(
        path=checkpoints.target,
        documents=checkpoints.documents,
        rows=checkpoints.rows,
        batches=len(checkpoints.files),
        errors=error_frame(checkpoints.errors),
        resumed=checkpoints.resumed,
    )
