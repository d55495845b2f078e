"""``columns=`` and ``published=`` of a corpus run, and the column keywords they replace.

``columns=`` names the columns of a DataFrame of documents; ``published=`` is a date, the
publication date of every document, as in :func:`timeline.extract`. Until the next release
the old keywords still work, with a ``DeprecationWarning`` naming the replacement:
``text=``, ``id=`` and ``title=`` as column names, ``published="colname"`` when ``docs`` is a
DataFrame with that column, and ``published=None`` switching its ``published`` column off.
"""

from __future__ import annotations

import datetime as dt
import enum
import warnings
from collections.abc import Hashable, Mapping

import attrs

from timeline.article import parse_published
from timeline.corpus.columns import DEFAULT_NAMES, Columns
from timeline.corpus.sources import is_dask

__all__ = ["NOT_GIVEN", "ColumnsArgument", "NotGiven", "columns_and_date", "columns_of"]

#: ``columns=``: a :class:`Columns`, or a mapping with some of its keys.
ColumnsArgument = Columns | Mapping[str, str | None]


class NotGiven(enum.Enum):
    """The default of a keyword, told apart from an explicit ``None``."""

    NOT_GIVEN = "NOT_GIVEN"

    def __repr__(self) -> str:
        return "<not given>"


NOT_GIVEN = NotGiven.NOT_GIVEN


def columns_of(columns: ColumnsArgument | None) -> Columns:
    """``columns=`` as a :class:`Columns` (``None``: the default names).

    >>> columns_of({"text": "body", "id": None})
    Columns(text='body', published='published', id=None, title='title')
    >>> columns_of({"body": "text"})
    Traceback (most recent call last):
    ...
    ValueError: columns has no key 'body': its keys are 'text', 'published', 'id', 'title'
    """
    if columns is None:
        return Columns()
    if isinstance(columns, Columns):
        return columns
    if not isinstance(columns, Mapping):
        raise TypeError(
            "columns must be a timeline.Columns or a mapping such as {'text': 'body'}, "
            f"not {type(columns).__name__}"
        )
    for key in columns:
        if key not in DEFAULT_NAMES:
            keys = ", ".join(repr(k) for k in DEFAULT_NAMES)
            raise ValueError(f"columns has no key {key!r}: its keys are {keys}")
    return Columns(**columns)  # type: ignore[arg-type]


def columns_and_date(
    docs: object,
    columns: ColumnsArgument | None,
    published: object,
    old: tuple[object, object, object],
    function: str,
) -> tuple[Columns, dt.date | None]:
    """The columns to read and the date of every document (``None``: each has its own).

    ``old`` holds the deprecated keywords ``text``, ``id`` and ``title`` as given (or
    :data:`NOT_GIVEN`). An explicit date overrides every document's own, so its column is
    not read. Called by the public function ``function`` itself: the warnings point at its
    caller.
    """
    given = zip(("text", "id", "title"), old, strict=True)
    renamed = {k: v for k, v in given if v is not NOT_GIVEN}
    if renamed and columns is not None:
        raise TypeError(f"give the columns in columns= only, not also as {', '.join(renamed)}=")
    names = _frame_columns(docs)
    if published is not NOT_GIVEN and names is not None:
        default = columns_of(columns).published if columns is not None else "published"
        column = _published_column(published, names, default, explicit=columns is not None)
        if column is not NOT_GIVEN:
            renamed["published"] = column
            published = NOT_GIVEN
    if renamed:
        _warn_deprecated(function, renamed)
        chosen = Columns(**{**DEFAULT_NAMES, **renamed})  # type: ignore[arg-type]
    else:
        chosen = columns_of(columns)
    date = None if published is NOT_GIVEN else parse_published(published)
    if date is not None:
        chosen = attrs.evolve(chosen, published=None)
    return chosen, date


def _frame_columns(docs: object) -> list[Hashable] | None:
    """The columns of a pandas or Dask DataFrame; ``None`` for other documents."""
    if is_dask(docs):
        return list(docs.columns) if getattr(docs, "ndim", 2) == 2 else None  # type: ignore[attr-defined]
    import pandas as pd

    return list(docs.columns) if isinstance(docs, pd.DataFrame) else None


def _published_column(
    published: object, names: list[Hashable], default: str | None, *, explicit: bool
) -> str | NotGiven | None:
    """The column an old-style ``published=`` names (``None``: the column switched off), or
    :data:`NOT_GIVEN` when it is a date."""
    if published is None:
        return None if not explicit and default in names else NOT_GIVEN
    if not isinstance(published, str) or published not in names:
        return NOT_GIVEN
    if explicit:
        raise ValueError(
            f"published={published!r} names a column of docs, but published= takes a date; "
            f"name the column in columns= ({{'published': {published!r}}})"
        )
    return published


def _warn_deprecated(function: str, renamed: Mapping[str, object]) -> None:
    given = ", ".join(f"{k}={v!r}" for k, v in renamed.items())
    warnings.warn(
        f"{function}({given}) is deprecated: use {function}(columns={dict(renamed)!r}) "
        "(or timeline.Columns); published= now takes the date of every document",
        DeprecationWarning,
        stacklevel=4,
    )
