"""Which columns of a DataFrame of documents hold the texts, dates, ids and titles."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import attrs

__all__ = ["Columns"]


@attrs.frozen
class Columns:
    """The columns a corpus run reads from a DataFrame of documents.

    ``text`` holds the texts and must exist. ``published``, ``id`` and ``title`` are read when
    the frame has them; ``None`` leaves one unread. A column given another name than its
    default that the frame lacks is an error: a typo must not silently drop the dates.

    >>> Columns(text="body", published="date")
    Columns(text='body', published='date', id='id', title='title')
    """

    text: str = "text"
    published: str | None = "published"
    id: str | None = "id"
    title: str | None = "title"

    def present_in(self, frame_columns: Sequence[Hashable]) -> Columns:
        """These columns as read from a frame with ``frame_columns``: those left at their
        default name and missing are switched off (``None``); any other missing one raises."""
        given = attrs.asdict(self)
        for arg, name in given.items():
            if name is not None and not isinstance(name, str):
                raise TypeError(
                    f"{arg} must be a column name (str) or None, not {type(name).__name__}"
                )
        if self.text is None or self.text not in frame_columns:
            raise ValueError(
                f"text={self.text!r} is not a column of docs; its columns are "
                f"{list(frame_columns)!r}"
            )
        chosen: dict[str, str | None] = {"text": self.text}
        for arg in ("published", "id", "title"):
            name = given[arg]
            if name is not None and name not in frame_columns:
                if name != DEFAULT_NAMES[arg]:
                    raise ValueError(
                        f"{arg}={name!r} is not a column of docs; its columns are "
                        f"{list(frame_columns)!r} (pass {arg}=None to go without)"
                    )
                name = None
            chosen[arg] = name
        return Columns(**chosen)  # type: ignore[arg-type]

    def renamed(self) -> dict[str, str | None]:
        """The columns given another name than their default (to refuse them where docs has
        no columns)."""
        return {k: v for k, v in attrs.asdict(self).items() if v != DEFAULT_NAMES[k]}


#: The default name of each column.
DEFAULT_NAMES: dict[str, str | None] = attrs.asdict(Columns())
