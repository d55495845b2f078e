"""The documents of a corpus, whatever holds them: a DataFrame, a Series, a mapping, or an
iterable of texts, :class:`~timeline.Article` objects and ``pathlib.Path`` files.

Each becomes a :class:`Doc`: its position, its id, its source (checked in the worker, where a
bad one is recorded as an error) and, from a DataFrame, its date and title.
"""

from __future__ import annotations

import math
import os
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sized
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from timeline.article import Article
from timeline.corpus.columns import Columns

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Doc", "documents", "documents_of_frame", "is_dask", "missing"]

_FRAME_SLICE = 4096  # rows of an input DataFrame turned into Python objects at a time


@attrs.frozen
class Doc:
    """One input document as sent to a worker: its source is checked there, not here."""

    position: int
    doc_id: str
    source: object  # str | Article | os.PathLike[str] | anything else (an error in the worker)
    published: object = None
    title: str | None = None


def missing(value: object) -> bool:
    """None, NaN, NaT or pd.NA: a missing value of a DataFrame cell."""
    import pandas as pd

    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def is_dask(docs: object) -> bool:
    """Whether ``docs`` is a Dask collection (checked without importing dask)."""
    module = type(docs).__module__
    return module.split(".")[0] in ("dask", "dask_expr") and hasattr(docs, "map_partitions")


def documents_of_frame(
    frame: pd.DataFrame, columns: Columns, published: object = None
) -> Iterator[Doc]:
    """The documents of a DataFrame, a slice of rows at a time (no per-row pandas objects).

    ``columns`` are those :meth:`Columns.present_in` the frame; without a ``published``
    column, every document gets ``published``.
    """
    for offset in range(0, len(frame), _FRAME_SLICE):
        rows = frame.iloc[offset : offset + _FRAME_SLICE]
        n = len(rows)
        texts = rows[columns.text].tolist()
        labels = rows.index.tolist()
        ids = rows[columns.id].tolist() if columns.id is not None else [None] * n
        dates = (
            rows[columns.published].tolist() if columns.published is not None else [published] * n
        )
        titles = rows[columns.title].tolist() if columns.title is not None else [None] * n
        for i in range(n):
            ident = ids[i] if not missing(ids[i]) else labels[i]
            name = titles[i]
            yield Doc(
                position=offset + i,
                doc_id=str(ident),
                source=texts[i],
                published=None if missing(dates[i]) else dates[i],
                title=None if missing(name) else str(name),
            )


def _documents_of_items(
    items: Iterable[object], ids: Iterable[Hashable] | None, published: object
) -> Iterator[Doc]:
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
        yield Doc(position=position, doc_id=doc_id, source=item, published=published)


def documents(
    docs: object, columns: Columns, published: object = None
) -> tuple[Iterator[Doc], int | None]:
    """The documents of ``docs`` and their number when known (a generator's is not).

    ``published``, when not ``None``, is every document's date (``columns.published`` is then
    ``None``); otherwise each has its own (its column's, its Article's, its file's header).
    """
    import pandas as pd

    if isinstance(docs, pd.Series):
        docs = docs.to_frame(name=columns.text)
    if isinstance(docs, pd.DataFrame):
        chosen = columns.present_in(list(docs.columns))
        return documents_of_frame(docs, chosen, published), len(docs)
    items = _many(docs)
    if renamed := columns.renamed():
        arg, name = next(iter(renamed.items()))
        raise ValueError(
            f"columns= gives {arg}={name!r}, a column, but docs is not a DataFrame; pass a "
            "DataFrame, or timeline.Article objects (which carry their date and title)"
        )
    total = len(items) if isinstance(items, Sized) else None
    if isinstance(items, Mapping):
        return _documents_of_items(items.values(), items.keys(), published), total
    return _documents_of_items(items, None, published), total


def _many(docs: object) -> Iterable[object]:
    """``docs`` if it is an iterable of documents; one document, or what is not iterable,
    raises ``TypeError``."""
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
    return docs
