"""A Dask DataFrame of documents gives a Dask DataFrame of timelines: one ``map_partitions``.

:func:`~timeline.extract_corpus` on a Dask DataFrame (or Series of texts) builds a Dask
DataFrame with ``map_partitions`` (its ``meta`` is :func:`timeline.empty_frame`), computed
where Dask computes: a ``dask.distributed`` cluster, or ``scheduler="processes"`` locally (the
default threaded scheduler cannot run Python code on more than one core at a time). Rows are
sorted within each partition. Give an ``id`` column: ids otherwise fall back to the index
label, which ``read_csv`` or ``read_parquet`` restart in every partition.

The documents are read as pandas would read them: the string conversion of ``dd.from_pandas``
(``dataframe.convert-string``) is undone for the run (:func:`unconverted`), so an int, a float
or a bool in the text column is a ``TypeError`` as in pandas, not a text, and a lone
surrogate is repaired as in pandas instead of failing the ``compute()``.

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
from timeline.corpus.limits import NO_LIMITS, Limits
from timeline.corpus.options import (
    DEFAULT_READING,
    Reading,
    RunOptions,
    check_options,
    chunk_size,
    worker_count,
)
from timeline.corpus.pool import parts
from timeline.corpus.sources import Doc, documents_of_frame
from timeline.corpus.worker import concat
from timeline.frame import (
    COLUMNS,
    categories_of,
    concat_frames,
    empty_frame,
    without_surrogates,
)
from timeline.pipeline import Include

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["extract_dask", "unconverted"]


def extract_dask(docs: Any, *, columns: Columns, published: object, run: RunOptions) -> Any:
    """The lazy timeline of a Dask DataFrame (or Series of texts) of documents.

    ``published``, when not ``None``, is every document's date. ``n_jobs`` and ``progress``
    do not apply: the cluster runs the partitions, and has its dashboard.
    """
    check_options(run.include, run.errors, run.progress)
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
    docs = unconverted(docs)
    return docs.map_partitions(
        _dask_partition,
        text_column=cols.text,
        published_column=cols.published,
        id_column=cols.id,
        title_column=cols.title,
        published=published,
        include=run.include,
        errors=run.errors,
        reading=run.reading,
        limits=run.limits,
        meta=_meta(),
    )


def _meta() -> pd.DataFrame:
    """The empty timeline frame, its ``sentence`` categories unknown: each partition has its
    own (the sentences of its documents)."""
    from dask.dataframe.utils import clear_known_categories

    return clear_known_categories(empty_frame(), cols=["sentence"])  # type: ignore[no-untyped-call]


def unconverted(docs: Any) -> Any:
    """``docs`` without the string conversion of ``dd.from_pandas``: its partitions hold the
    pandas frame's own values, so that they give the rows and errors pandas gives.

    With ``dataframe.convert-string`` on (Dask's default), ``dd.from_pandas`` turns every
    ``object`` column into Arrow strings when the graph is built: an int text ``2016`` would
    become the text ``"2016"`` (a row pandas does not give: it records a ``TypeError``), a
    float or a bool a text without dates (no row and no error), and one lone surrogate would
    fail the whole ``compute()``. The ``from_pandas`` nodes of the expression are rebuilt
    without it; a collection of another kind (persisted, or from an older Dask without
    expressions) is left as it is.
    """
    try:
        from dask.dataframe.dask_expr import new_collection  # type: ignore[attr-defined]
        from dask.dataframe.dask_expr.io.io import FromPandas
    except ImportError:  # pragma: no cover - Dask before 2025.1 (dask-expr as its own package)
        try:
            from dask_expr import new_collection  # type: ignore[import-not-found,no-redef]
            from dask_expr.io.io import FromPandas  # type: ignore[import-not-found,no-redef]
        except ImportError:
            return docs
    expr = getattr(docs, "expr", None)
    if expr is None:
        return docs
    changed = expr
    for node in list(expr.find_operations(FromPandas)):
        if node.pyarrow_strings_enabled:
            plain = node.substitute_parameters({"pyarrow_strings_enabled": False})
            changed = changed.substitute(node, plain)
    return docs if changed is expr else new_collection(changed)


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
    reading: Reading = DEFAULT_READING,
    limits: Limits = NO_LIMITS,
) -> pd.DataFrame:
    """One partition's timeline, with a ``type == "ERROR"`` row per failed document."""
    columns = Columns(text_column, published_column, id_column, title_column)
    found = documents_of_frame(part, columns, published)
    chunked = chunks(found, chunk_size(None, None, 1), None)
    results = parts(
        chunked, workers=1, include=include, errors=errors, reading=reading, limits=limits
    )
    done = [p for p, _ in results]
    frame = concat([p.frame for p in done])
    failed = [
        (doc, error) for p in done for doc, error in zip(p.failed_docs, p.errors, strict=True)
    ]
    if failed:
        frame = concat_frames([frame, _error_rows(failed)])
    return frame


def _error_rows(failed: Sequence[tuple[Doc, dict[str, str]]]) -> pd.DataFrame:
    """Rows that stand for failed documents (``type == "ERROR"``), in the timeline columns."""
    import numpy as np
    import pandas as pd

    n = len(failed)
    nat = np.full(n, np.datetime64("NaT", "s"))
    none: list[object] = [None] * n
    data: dict[str, Any] = {
        "doc_id": [error["doc_id"] for _, error in failed],  # lone surrogates replaced
        "text": none,
        "char_start": np.zeros(n, dtype=np.int64),
        "char_end": np.zeros(n, dtype=np.int64),
        "type": [ERROR_TYPE] * n,
        "value": [error["error_type"] for _, error in failed],
        "mod": none,
        "start": nat,
        "end": nat,
        "granularity": none,
        "sentence": categories_of([error["message"] for _, error in failed]),
        "event": none,
        "event_start": none,
        "event_end": none,
        "title": [
            None if doc.title is None else without_surrogates(doc.title) for doc, _ in failed
        ],
        "published": np.array([_published(doc) for doc, _ in failed], dtype="datetime64[s]"),
        "dated_by": none,
    }
    frame = pd.DataFrame(data)
    plain = ("string", "int64", "Int64")  # the datetimes and the categories are made above
    return frame.astype({k: v for k, v in COLUMNS.items() if v in plain})


def _published(doc: Doc) -> np.datetime64:
    """The document's publication date for its error row; NaT when it has none (or a bad one)."""
    try:
        when = parse_published(doc.published)
    except (TypeError, ValueError):
        when = None
    return published_instant(when)
