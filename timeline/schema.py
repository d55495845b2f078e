"""The schema every stage agrees on: the columns of the frames, the check of a frame, the grains.

- :data:`COLUMNS`: the columns and dtypes of a timeline frame, in order (built by
  :mod:`timeline.frame`, returned by :func:`timeline.extract`);
- :data:`TIMEX_COLUMNS`: the columns and dtypes of a frame of TIMEX3 annotations (returned by
  :func:`timeline.timexes`, written by :func:`timeline.to_timeml`);
- :data:`REQUIRED` and :func:`check_frame`: what pictures, :func:`timeline.merge` and
  ``df.timeline`` need of a frame;
- :data:`GRAINS`: the one order of the grains of time, coarsest first, the values of the
  ``granularity`` column among them.

Importing this module imports no pandas.

>>> list(COLUMNS)[:4]
['doc_id', 'text', 'char_start', 'char_end']
>>> TIMEX_COLUMNS["value"], COLUMNS["start"]
('string', 'datetime64[s]')
>>> GRAINS.index("decade") < GRAINS.index("year")  # coarsest first
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "GRAINS", "REQUIRED", "TIMEX_COLUMNS", "Grain", "check_frame"]

#: Column name → dtype of every timeline frame. ``sentence`` is a category (of ``"string"``
#: categories, sorted): the rows of one sentence share its text instead of a copy each.
COLUMNS: dict[str, str] = {
    "doc_id": "string",
    "text": "string",
    "char_start": "int64",
    "char_end": "int64",
    "type": "string",
    "value": "string",
    "mod": "string",
    "start": "datetime64[s]",
    "end": "datetime64[s]",
    "granularity": "string",
    "sentence": "category",
    "event": "string",
    "event_start": "Int64",
    "event_end": "Int64",
    "title": "string",
    "published": "datetime64[s]",
    "dated_by": "string",
}

#: Column name → dtype of a frame of TIMEX3 annotations, as a system returns them and
#: :func:`timeline.to_timeml` writes them (offsets into the plain text).
TIMEX_COLUMNS: dict[str, str] = {
    "char_start": "int64",
    "char_end": "int64",
    "text": "string",
    "type": "string",
    "value": "string",
    "mod": "string",
}

#: A grain of time: the ``granularity`` of a timex, the ``grain`` of a calendar period.
Grain = Literal[
    "millennium",
    "century",
    "decade",
    "year",
    "half",
    "quarter",
    "season",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "second",
]
#: The grains, coarsest first: the one order of grains of every module.
GRAINS: tuple[Grain, ...] = get_args(Grain)

#: The columns every picture (and ``df.timeline``) needs.
REQUIRED = ("start", "end", "text")


def check_frame(df: object, columns: Sequence[str] = REQUIRED, *, what: str) -> pd.DataFrame:
    """``df`` itself if it is a DataFrame with ``columns`` and datetime64 ``start``/``end``.

    Raises ``TypeError`` for what is not a DataFrame and ``ValueError`` naming the missing
    columns or the column of the wrong dtype.

    >>> import pandas as pd
    >>> check_frame(pd.DataFrame({"text": ["x"]}), what="plot")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: plot needs the columns start, end, text; missing: start, end (a frame from ...)
    """
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{what} needs a pandas DataFrame, not {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(
            f"{what} needs the columns {', '.join(columns)}; missing: {', '.join(missing)} "
            "(a frame from timeline.extract has them all)"
        )
    for name in ("start", "end"):
        if name in columns and not pd.api.types.is_datetime64_dtype(df[name].dtype):
            raise ValueError(
                f"{what} needs a datetime64 column {name!r}, not {df[name].dtype}: convert it, "
                f"e.g. df[{name!r}] = df[{name!r}].astype('datetime64[s]')"
            )
    return df
