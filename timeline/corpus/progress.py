"""The progress bar of a corpus run: tqdm on standard error, or nothing."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Protocol

__all__ = ["Bar", "progress_bar"]


class Bar(Protocol):
    """What a run needs of a bar (tqdm's methods)."""

    def update(self, n: float | None = 1) -> bool | None: ...
    def set_postfix(self, ordered_dict: Mapping[str, object] | None = None) -> None: ...
    def close(self) -> None: ...


class _NoBar:
    def update(self, n: float | None = 1) -> bool | None:
        return None

    def set_postfix(self, ordered_dict: Mapping[str, object] | None = None) -> None:
        return None

    def close(self) -> None:
        return None


def progress_bar(progress: bool | None, total: int | None) -> Bar:
    """A tqdm bar: forced on or off, or (``None``) on when standard error is a terminal, shown
    only once the run has lasted two seconds."""
    if progress is False or (progress is None and not _interactive()):
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", delay=2.0 if progress is None else 0.0, file=sys.stderr)


def _interactive() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):  # closed or replaced stream
        return False
