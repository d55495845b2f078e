"""Failed documents: how one is recorded, and :func:`corpus_errors`, which gives them back."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from timeline.corpus.sources import is_dask
from timeline.extras import require
from timeline.frame import without_surrogates

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ERROR_COLUMNS", "ERROR_TYPE", "PARQUET_KEY", "Errors", "corpus_errors"]

#: ``errors=`` of a corpus run: record a failing document and go on, or raise.
Errors = Literal["record", "raise"]

#: The columns of :func:`corpus_errors`.
ERROR_COLUMNS = ("doc_id", "error_type", "message")

#: ``type`` of the rows that stand for failed documents in a Dask result.
ERROR_TYPE = "ERROR"

#: The key of the run's report in a Parquet file's key-value metadata.
PARQUET_KEY = "timeline"


def error_record(doc_id: str, exc: BaseException) -> dict[str, str]:
    """One failed document as ``attrs["errors"]`` holds it (lone surrogates replaced, so that
    the record can be stored as Arrow strings and in JSON).

    >>> error_record("a\\udc80", ValueError("no text"))["doc_id"] == "a\\ufffd"
    True
    """
    return {
        "doc_id": without_surrogates(doc_id),
        "error_type": type(exc).__name__,
        "message": without_surrogates(str(exc)),
    }


def error_frame(errors: Sequence[dict[str, str]]) -> pd.DataFrame:
    """Error records as a DataFrame of :data:`ERROR_COLUMNS` (strings)."""
    import pandas as pd

    data = {name: pd.array([e[name] for e in errors], dtype="string") for name in ERROR_COLUMNS}
    return pd.DataFrame(data)


def corpus_errors(result: Any) -> Any:
    """The failed documents of a corpus run: a DataFrame with columns ``doc_id``,
    ``error_type``, ``message`` (empty when none failed).

    ``result`` is a frame of :func:`~timeline.extract_corpus` or
    :func:`~timeline.iter_corpus` (its ``attrs["errors"]``), a Parquet file written by
    :func:`~timeline.extract_corpus_to_parquet` (its metadata), or a Dask result, computed or
    not (its ``type == "ERROR"`` rows; a Dask result gives a Dask DataFrame).

    >>> from timeline import extract_corpus
    >>> errors = corpus_errors(extract_corpus(["In 2016.", 2016, None]))
    >>> errors[["doc_id", "error_type"]].values.tolist()
    [['1', 'TypeError'], ['2', 'ValueError']]
    """
    import pandas as pd

    if isinstance(result, str | os.PathLike):
        pq = require("pyarrow.parquet", what="corpus_errors of a Parquet file")
        metadata = pq.read_metadata(result).metadata or {}
        key = PARQUET_KEY.encode()
        if key not in metadata:
            raise ValueError(f"{os.fspath(result)!r} was not written by extract_corpus_to_parquet")
        return error_frame(json.loads(metadata[key])["errors"])
    if is_dask(result) or (isinstance(result, pd.DataFrame) and "errors" not in result.attrs):
        if not {"type", "doc_id", "value", "sentence"} <= set(result.columns):
            raise ValueError("result is not a timeline corpus result (no attrs['errors'])")
        rows = result[result["type"] == ERROR_TYPE][["doc_id", "value", "sentence"]]
        rows = rows.rename(columns={"value": "error_type", "sentence": "message"})
        return rows.reset_index(drop=True)
    if not isinstance(result, pd.DataFrame):
        raise TypeError(
            f"result must be a DataFrame or a Parquet path, not {type(result).__name__}"
        )
    return error_frame(result.attrs["errors"])
