"""The options of a corpus run checked, and how many documents make one task."""

from __future__ import annotations

import math
import os

import attrs

from timeline.corpus.errors import Errors
from timeline.corpus.limits import NO_LIMITS, Limits
from timeline.kinds.base import DateOrder, check_prefer
from timeline.kinds.numeric import check_date_order
from timeline.pipeline import Include, Prefer, Undated
from timeline.undated import check_undated

__all__ = [
    "DEFAULT_BATCH",
    "DEFAULT_READING",
    "Reading",
    "RunOptions",
    "check_options",
    "chunk_size",
    "positive_int",
    "worker_count",
]

#: Documents per batch of :func:`~timeline.iter_corpus` and Parquet runs, by default.
DEFAULT_BATCH = 1000


@attrs.frozen
class Reading:
    """How the dates a text leaves open are read, and whether the events of its sentences
    without a date are dated by the publication day: ``prefer=``, ``date_order=`` and
    ``undated=`` of :func:`timeline.extract`, one record passed to the workers whatever
    options it gains."""

    prefer: Prefer = "tense"
    date_order: DateOrder | None = None
    undated: Undated = "skip"

    @classmethod
    def checked(cls, prefer: object, date_order: object, undated: object = "skip") -> Reading:
        """The reading asked for, each option checked (a ``ValueError`` naming a bad one)."""
        return cls(check_prefer(prefer), check_date_order(date_order), check_undated(undated))


#: Dates read as :func:`timeline.extract` reads them by default.
DEFAULT_READING = Reading()


@attrs.frozen
class RunOptions:
    """The options of a corpus run as given, checked when the run starts."""

    n_jobs: int
    include: Include
    chunksize: int | None
    progress: bool | None
    errors: Errors
    reading: Reading = DEFAULT_READING
    limits: Limits = NO_LIMITS


def worker_count(n_jobs: object) -> int:
    """The number of worker processes ``n_jobs`` asks for (``-1``: every core we may use)."""
    import numpy as np

    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int | np.integer):
        raise TypeError(f"n_jobs must be an int, not {type(n_jobs).__name__}")
    if n_jobs == -1:
        if hasattr(os, "sched_getaffinity"):
            return max(1, len(os.sched_getaffinity(0)))
        return os.cpu_count() or 1
    if n_jobs < 1:
        raise ValueError(f"n_jobs must be a positive number of processes or -1, not {n_jobs}")
    return int(n_jobs)


def positive_int(name: str, value: object, *, optional: bool = False) -> int | None:
    """``value`` as a positive int (``None`` kept when ``optional``); else an error naming it."""
    import numpy as np

    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(f"{name} must be a positive int, not {type(value).__name__}")
    if value < 1:
        raise ValueError(f"{name} must be a positive int, not {value}")
    return int(value)


def check_options(include: object, errors: object, progress: object) -> None:
    """Raise if ``include``, ``errors`` or ``progress`` is not one of its values."""
    if include not in ("timeline", "all"):
        raise ValueError(f"include must be 'timeline' or 'all', not {include!r}")
    if errors not in ("record", "raise"):
        raise ValueError(f"errors must be 'record' or 'raise', not {errors!r}")
    if progress is not None and not isinstance(progress, bool):
        raise TypeError(f"progress must be True, False or None, not {type(progress).__name__}")


def chunk_size(chunksize: int | None, total: int | None, workers: int) -> int:
    """Documents per task: given, or about eight tasks a worker (at most 128 documents, so
    that the last tasks, when some workers are already idle, are short; fewer, larger tasks
    leave the parent process less to pickle and gather)."""
    if chunksize is not None:
        return chunksize
    if workers == 1:
        return 64
    if total is None:
        return 32
    return max(1, min(128, math.ceil(total / (8 * workers))))
