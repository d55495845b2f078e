"""A corpus run written to a Parquet file batch by batch, in flat memory."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from timeline.corpus.arguments import NOT_GIVEN, ColumnsArgument, NotGiven, columns_and_date
from timeline.corpus.batches import batch_frames
from timeline.corpus.errors import PARQUET_KEY, Errors, error_frame
from timeline.corpus.extract import refuse_dask
from timeline.corpus.options import DEFAULT_BATCH, RunOptions, positive_int
from timeline.extras import require
from timeline.frame import empty_frame
from timeline.pipeline import Include, Prefer, Undated

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ParquetRun", "extract_corpus_to_parquet"]


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
    columns: ColumnsArgument | None = None,
    published: Any = NOT_GIVEN,
    n_jobs: int = 1,
    include: Include = "timeline",
    batch_size: int = DEFAULT_BATCH,
    chunksize: int | None = None,
    progress: bool | None = None,
    errors: Errors = "record",
    prefer: Prefer = "tense",
    undated: Undated = "skip",
    text: str | NotGiven = NOT_GIVEN,
    id: str | NotGiven | None = NOT_GIVEN,
    title: str | NotGiven | None = NOT_GIVEN,
    compression: str = "snappy",
) -> ParquetRun:
    """Write the timeline of a corpus to a Parquet file, batch by batch, in flat memory.

    The options are those of :func:`~timeline.iter_corpus`; each batch becomes a row group,
    written as soon as it is ready, so a generator of a million documents never sits in
    memory. Rows are in batch order, each batch sorted chronologically (sort after reading for
    a global order). ``pd.read_parquet`` gives back the columns and dtypes of
    :data:`timeline.COLUMNS`, except that Parquet has no unit of seconds: ``start``, ``end``
    and ``published`` come back as ``datetime64[ms]`` (the same instants, 490 BC included;
    ``.astype("datetime64[s]")`` restores the dtype). Needs ``pyarrow`` (``pip install
    'timeline[parquet]'``).

    Returns a :class:`ParquetRun`: the path, the numbers of documents, rows and batches, and
    the errors as a DataFrame (:data:`~timeline.corpus.ERROR_COLUMNS`). The same report is
    kept in the file's metadata, under the key ``timeline`` (JSON ``{"documents": ...,
    "errors": [...]}``), so ``corpus_errors(path)`` reads the errors back later. If the run
    stops (``errors="raise"``, Ctrl-C), the file is closed with the batches written so far.

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
    run = RunOptions(n_jobs, include, chunksize, progress, errors, prefer, undated)
    batch = positive_int("batch_size", batch_size)
    batches = batch_frames(docs, columns=chosen, published=date, run=run, batch_size=batch)
    return _write(batches, Path(path), compression)


def _write(batches: Iterator[pd.DataFrame], target: Path, compression: str) -> ParquetRun:
    """Write the batches as row groups, then the run's report in the file's metadata (also
    when the run stops half-way)."""
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]

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
        writer.add_key_value_metadata({PARQUET_KEY: json.dumps(report)})
        writer.close()
    return ParquetRun(
        path=target, documents=documents, rows=rows, batches=written, errors=error_frame(failed)
    )
