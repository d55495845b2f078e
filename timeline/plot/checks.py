"""The columns every picture needs, and the check of a frame before it is drawn.

:mod:`timeline.accessor` and :mod:`timeline.merge` use them too (through :mod:`timeline.plot`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["REQUIRED", "check_frame"]

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
