"""A Dask DataFrame of documents gives a Dask DataFrame of timelines: one ``map_partitions``.

:func:`~timeline.extract_corpus` on a Dask DataFrame (or Series of texts) builds a Dask
DataFrame with ``map_partitions`` (its ``meta`` is :func:`timeline.empty_frame`), computed
where Dask computes: a ``dask.distributed`` cluster, or ``scheduler="processes"`` locally (the
default threaded scheduler cannot run Python code on more than one core at a time). Rows are
sorted within each partition. Give an ``id`` column: ids otherwise fall back to the index
label, which ``read_csv`` or ``read_parquet`` restart in every partition.

A lazy frame has no ``attrs`` to report in, so with ``errors="record"`` each failed document
is one row of ``type == "ERROR"`` (``value``: the error type, ``sentence``: the message,
``doc_id``, ``title`` and ``published`` filled, ``char_start == char_end == 0``); keep
``result[result["type"] != "ERROR"]`` for the timeline and ``corpus_errors(result)`` for the
errors. ``n_jobs`` and ``progress`` do not apply (use the cluster and its dashboard).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from timeline.article import parse_published, published_instant
from timeline.corpus.batches import chunks
from timeline.corpus.columns import Columns
from timeline.corpus.errors import ERROR_TYPE, Errors
from timeline.corpus.options import RunOptions, check_options, chunk_size, worker_count
from timeline.corpus.pool import parts
from timeline.corpus.sources import Doc, documents_of_frame
from timeline.corpus.worker import concat
from timeline.frame import COLUMNS, empty_frame
from timeline.kinds.base import check_prefer
from timeline.pipeline import Include, Prefer, Undated
from timeline.undated import check_undated

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["extract_dask"]


def extract_dask(docs: Any, *, columns: Columns, published: object, run: RunOptions) -> Any:
    """The lazy timeline of a Dask DataFrame (or Series of texts) of documents.

    ``published``, when not ``None``, is every document's date. ``n_jobs`` and ``progress``
    do not apply: the cluster runs the partitions, and has its dashboard.
    """
    check_options(run.include, run.errors, run.progress)
    check_prefer(run.prefer)
    check_undated(run.undated)
    if worker_count(run.n_jobs) != 1:
        raise ValueError(
            "n_jobs does not apply to a Dask DataFrame: it runs on Dask's workers "
            "(a dask.distributed cluster, or scheduler='processes')"
        )
    if run.progress:
        raise ValueError(
            "progress does not apply to a Dask DataFrame: use the dashboard of "
            "dask.distributed or dask.diagnostics.ProgressBar"
        )
    if getattr(docs, "ndim", 2) == 1:  # a Dask Series of texts: its index gives the ids
        docs = docs.to_frame(name=columns.text)
    if not hasattr(docs, "columns"):
        raise TypeError(f"docs must be a Dask DataFrame, not {type(docs).__name__}")
    cols = columns.present_in(list(docs.columns))
    return docs.map_partitions(
        _dask_partition,
        text_column=cols.text,
        published_column=cols.published,
        id_column=cols.id,
        title_column=cols.title,
        published=published,
        include=run.include,
        errors=run.errors,
        prefer=run.prefer,
        undated=run.undated,
        meta=empty_frame(),
    )


def _dask_partition(
    part: pd.DataFrame,
    *,
    text_column: str,
    published_column: str | None,
    id_column: str | None,
    title_column: str | None,
    published: object,
    include: Include,
    errors: Errors,
    prefer: Prefer = "tense",
    undated: Undated = "skip",
) -> pd.DataFrame:
    """One partition's timeline, with a ``type == "ERROR"`` row per failed document."""
    import pandas as pd

    columns = Columns(text_column, published_column, id_column, title_column)
    found = documents_of_frame(part, columns, published)
    chunked = chunks(found, chunk_size(None, None, 1), None)
    done = [
        p
        for p, _ in parts(
            chunked, workers=1, include=include, errors=errors, prefer=prefer, undated=undated
        )
    ]
    frame = concat([p.frame for p in done])
    failed = [
        (doc, error) for p in done for doc, error in zip(p.failed_docs, p.errors, strict=True)
    ]
    if failed:
        frame = pd.concat([frame, _error_rows(failed)], ignore_index=True)
    return frame


def _error_rows(failed: Sequence[tuple[Doc, dict[str, str]]]) -> pd.DataFrame:
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
        "dated_by": none,
    }
    frame = pd.DataFrame(data)
    return frame.astype({k: v for k, v in COLUMNS.items() if not v.startswith("datetime")})


def _published(doc: Doc) -> np.datetime64:
    """The document's publication date for its error row; NaT when it has none (or a bad one)."""
    try:
        when = parse_published(doc.published)
    except (TypeError, ValueError):
        when = None
    return published_instant(when)
