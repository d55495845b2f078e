"""Which columns of a DataFrame of documents hold the texts, dates, ids and titles."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

import attrs

__all__ = ["Columns"]


def _column_name(*, optional: bool) -> Callable[[Any, attrs.Attribute[Any], object], None]:
    """A validator: a column name (``str``), or also ``None`` when ``optional``."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, str) or (optional and value is None):
            return
        kinds = "a column name (str) or None" if optional else "a column name (str)"
        raise TypeError(f"{attribute.name} must be {kinds}, not {type(value).__name__}")

    return check


@attrs.frozen
class Columns:
    """The columns a corpus run reads from a DataFrame of documents (its ``columns=``).

    ``text`` holds the texts and must exist. ``published`` (publication dates), ``id`` and
    ``title`` are read when the frame has them; ``None`` leaves one unread. A column given
    another name than its default that the frame lacks is an error: a typo must not silently
    drop the dates.

    >>> Columns(text="body", published="date")
    Columns(text='body', published='date', id='id', title='title')
    >>> Columns(text=3)
    Traceback (most recent call last):
    ...
    TypeError: text must be a column name (str), not int
    """

    text: str = attrs.field(default="text", validator=_column_name(optional=False))
    published: str | None = attrs.field(default="published", validator=_column_name(optional=True))
    id: str | None = attrs.field(default="id", validator=_column_name(optional=True))
    title: str | None = attrs.field(default="title", validator=_column_name(optional=True))

    def present_in(self, frame_columns: Sequence[Hashable]) -> Columns:
        """These columns as read from a frame with ``frame_columns``: those left at their
        default name and missing are switched off (``None``); any other missing one raises, and
        so does a column to read that the frame holds twice (duplicate labels).

        >>> Columns().present_in(["text", "id", "text"])
        Traceback (most recent call last):
        ...
        ValueError: docs has 2 columns named 'text', the text column: which one to read is \
ambiguous; rename them apart
        """
        if self.text not in frame_columns:
            raise ValueError(
                f"text={self.text!r} is not a column of docs; its columns are "
                f"{list(frame_columns)!r}"
            )
        names = list(frame_columns)
        chosen: dict[str, str | None] = {}
        for arg, name in attrs.asdict(self).items():
            if name is not None and names.count(name) > 1:
                raise ValueError(
                    f"docs has {names.count(name)} columns named {name!r}, the {arg} column: "
                    "which one to read is ambiguous; rename them apart"
                )
            if name is not None and name not in frame_columns:
                if name != DEFAULT_NAMES[arg]:
                    raise ValueError(
                        f"{arg}={name!r} is not a column of docs; its columns are "
                        f"{list(frame_columns)!r} (columns={{{arg!r}: None}} goes without it)"
                    )
                name = None
            chosen[arg] = name
        return Columns(**chosen)  # type: ignore[arg-type]

    def renamed(self) -> dict[str, str]:
        """The columns given another name than their default (``None`` aside): an error where
        ``docs`` has no columns."""
        return {k: v for k, v in attrs.asdict(self).items() if v not in (None, DEFAULT_NAMES[k])}


#: The default name of each column.
DEFAULT_NAMES: dict[str, str | None] = attrs.asdict(Columns())
