"""The progress bar of a corpus run: ``tqdm.auto`` (a widget in a notebook, text on standard
error in a terminal), or nothing.

By default (``progress=None``) the bar is shown where someone watches: in a Jupyter kernel, or
when standard error is a terminal; it appears only once the run has lasted two seconds.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Protocol

__all__ = ["Bar", "in_notebook", "progress_bar"]


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
    """A ``tqdm.auto`` bar: forced on or off, or (``None``) on in a notebook or when standard
    error is a terminal, shown only once the run has lasted two seconds."""
    if progress is False or (progress is None and not (in_notebook() or _interactive())):
        return _NoBar()
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="doc", delay=2.0 if progress is None else 0.0, file=sys.stderr)


def in_notebook() -> bool:
    """Whether this process is a Jupyter kernel (IPython imported, its shell with a kernel).

    >>> in_notebook()  # doctests run outside Jupyter
    False
    """
    ipython = sys.modules.get("IPython")
    get_ipython = getattr(ipython, "get_ipython", None)
    shell = get_ipython() if callable(get_ipython) else None
    return getattr(shell, "kernel", None) is not None


def _interactive() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):  # closed or replaced stream
        return False
