"""Per-document limits of a corpus run: a size in characters and a time in seconds.

One document must not cost the whole run: a document larger than ``max_chars`` characters is
refused before it is processed (:class:`DocumentTooLarge`), and one that runs longer than
``time_limit`` seconds is stopped (:class:`DocumentTimeout`); either is recorded as that
document's error and the run goes on.

**Size.** Time and memory grow linearly with the text, and a dense text is the costly kind: a
document of ``"2016 "`` repeated gives a row every five characters, about 1.2 KB each at the
peak. The default, :data:`DEFAULT_MAX_CHARS` (one million characters, about 250 times a long
news article), bounds one document to about 250 MB and 20 seconds on one core even when it is
all dates, so that it fits a Dask worker of 1 GiB; a three-megabyte one would need about 700 MB
and a minute. ``max_chars=None`` lifts the limit (for books, say).

**Time.** Off by default: with the size bounded the time is bounded too, and a limit in seconds
depends on the machine, so that the same corpus could give other errors elsewhere. When set, a
watchdog thread (one per chunk of documents, asleep until a deadline) interrupts the thread that
runs the document, as Ctrl-C would, with an exception raised in it when the deadline passes: in
the process of an ``n_jobs=1`` run, in a pool's worker, on a Dask worker's thread alike. The
exception is raised at the next Python instruction of that thread (a long call into C, one
regular expression over a long text, ends first), and again every tenth of a second until the
document stops (where it was raised in a ``__del__``, which Python ignores). The normal path
costs a lock and a clock reading a document. It needs CPython (``PyThreadState_SetAsyncExc``).
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import os
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import attrs

__all__ = [
    "DEFAULT_MAX_CHARS",
    "NO_LIMITS",
    "DocumentTimeout",
    "DocumentTooLarge",
    "Limits",
    "Watchdog",
    "check_size",
    "watching",
]

#: The default ``max_chars`` of a corpus run.
DEFAULT_MAX_CHARS = 1_000_000


class DocumentTooLarge(ValueError):
    """A document longer than the run's ``max_chars``."""


class DocumentTimeout(TimeoutError):
    """A document that ran longer than the run's ``time_limit``."""


class Expired(BaseException):
    """Raised in a worker's thread by its :class:`Watchdog`; never escapes a chunk: it becomes
    a :class:`DocumentTimeout`. A ``BaseException``, so that ``except Exception`` blocks of the
    code it interrupts let it through."""


def _check(name: str, value: object, kinds: tuple[type[int] | type[float], ...]) -> None:
    """Raise unless ``value`` is ``None`` or a positive finite number of one of ``kinds``."""
    if value is None:
        return
    what = "int" if kinds == (int,) else "number of seconds"
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise TypeError(f"{name} must be a positive {what} or None, not {value!r}")
    if not 0 < value < math.inf:
        raise ValueError(f"{name} must be a positive {what} or None, not {value!r}")


@attrs.frozen
class Limits:
    """The per-document limits of a run (``None``: no limit), checked when made.

    >>> Limits(max_chars=0)
    Traceback (most recent call last):
    ...
    ValueError: max_chars must be a positive int or None, not 0
    """

    max_chars: int | None = DEFAULT_MAX_CHARS
    time_limit: float | None = None

    def __attrs_post_init__(self) -> None:
        _check("max_chars", self.max_chars, (int,))
        _check("time_limit", self.time_limit, (int, float))
        if self.time_limit is not None and not hasattr(ctypes, "pythonapi"):
            raise NotImplementedError("time_limit needs CPython")  # pragma: no cover


#: Limits that limit nothing.
NO_LIMITS = Limits(max_chars=None, time_limit=None)


def check_size(source: object, max_chars: int | None) -> None:
    """Raise :class:`DocumentTooLarge` for a text, or a file, that is surely longer than
    ``max_chars`` (a file of more than four bytes a character: not even UTF-32 is that long)."""
    if max_chars is None:
        return
    if isinstance(source, str):
        size = len(source)
    elif isinstance(source, os.PathLike):
        try:
            size = os.stat(source).st_size // 4
        except OSError:
            return  # reading it will say what is wrong
    else:
        return
    if size > max_chars:
        unit = "characters" if isinstance(source, str) else "characters at least"
        raise DocumentTooLarge(
            f"the text has {size:,} {unit}, more than max_chars={max_chars:,} "
            "(pass a larger max_chars, or None, to run it)"
        )


_set_async_exc = None


def _interrupt(thread_id: int, exc: type[BaseException] | None) -> None:
    """Raise ``exc`` in the thread ``thread_id`` at its next instruction (``None``: take back
    one not raised yet)."""
    global _set_async_exc
    if _set_async_exc is None:
        function = ctypes.pythonapi.PyThreadState_SetAsyncExc
        function.argtypes = (ctypes.c_ulong, ctypes.py_object)
        function.restype = ctypes.c_int
        _set_async_exc = function
    _set_async_exc(thread_id, ctypes.py_object() if exc is None else exc)


class Watchdog:
    """Stops the documents of the thread that made it when they run past ``seconds``.

    ``with watchdog:`` around each document; :meth:`close` at the end (or use
    :func:`watching`). A document past its deadline gets :class:`Expired` raised in it, and
    again every :data:`AGAIN` seconds while it runs on (an exception raised in a ``__del__``,
    say, is lost). ``__exit__`` disarms the watchdog under the lock it fires under, and takes
    back an exception not raised yet, so that none lands after the document: one raised while
    it disarms is caught there, and the document counts as done (its result is whole).
    """

    def __init__(self, seconds: float) -> None:
        _quiet_unraisable()
        self._seconds = seconds
        self._thread_id = threading.get_ident()
        # a C lock: its __enter__ and __exit__ run no Python code that could be interrupted
        self._mutex = threading.Lock()
        self._wake = threading.Condition(self._mutex)
        self._deadline: float | None = None
        self._fired = False
        self._closed = False
        self._thread = threading.Thread(target=self._watch, name="timeline-watchdog", daemon=True)
        self._thread.start()

    def __enter__(self) -> Watchdog:
        with self._mutex:
            self._fired = False
            self._deadline = time.monotonic() + self._seconds
            self._wake.notify()
        return self

    def __exit__(self, *error: object) -> None:
        while True:
            try:
                with self._mutex:
                    self._deadline = None
                    if self._fired:
                        self._fired = False
                        _interrupt(self._thread_id, None)
                return
            except Expired:  # raised as it was disarmed: disarm again
                continue

    def close(self) -> None:
        """Stop the watchdog's thread."""
        with self._mutex:
            self._closed = True
            self._wake.notify()
        self._thread.join()

    def _watch(self) -> None:
        with self._mutex:
            while not self._closed:
                if self._deadline is None:
                    self._wake.wait()
                    continue
                left = self._deadline - time.monotonic()
                if left > 0:
                    self._wake.wait(left)
                    continue
                self._deadline = time.monotonic() + AGAIN
                self._fired = True
                _interrupt(self._thread_id, Expired)


#: Seconds between the interruptions of a document that runs on past its deadline.
AGAIN = 0.1


def _quiet_unraisable() -> None:
    """Let ``sys.unraisablehook`` pass over an :class:`Expired` raised in a ``__del__`` (the
    garbage collector runs them at any instruction): Python would print it as "Exception
    ignored", yet nothing is wrong, the document is interrupted again. Every other unraisable
    exception goes to the hook that was there."""
    previous = sys.unraisablehook
    if getattr(previous, "_passes_over_expired", False):
        return

    def hook(unraisable: Any) -> None:
        if not isinstance(unraisable.exc_value, Expired):
            previous(unraisable)

    hook._passes_over_expired = True  # type: ignore[attr-defined]
    sys.unraisablehook = hook


@contextlib.contextmanager
def watching(seconds: float | None) -> Iterator[contextlib.AbstractContextManager[object]]:
    """A :class:`Watchdog` for the documents run in this block (nothing when ``seconds`` is
    ``None``).

    >>> with watching(0.05) as timed:
    ...     try:
    ...         with timed:
    ...             while True:
    ...                 time.sleep(0.001)
    ...     except Expired:
    ...         print("stopped")
    stopped
    """
    if seconds is None:
        yield contextlib.nullcontext()
        return
    watchdog = Watchdog(seconds)
    try:
        yield watchdog
    finally:
        watchdog.close()
