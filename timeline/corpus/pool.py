"""Chunks run here or in a process pool that survives a worker's death, results in input order."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from timeline.corpus.errors import Errors
from timeline.corpus.limits import NO_LIMITS, Limits
from timeline.corpus.options import DEFAULT_READING, Reading
from timeline.corpus.sources import Doc
from timeline.corpus.worker import Part, concat, run_chunk, warm_worker
from timeline.frame import empty_frame
from timeline.pipeline import Include

if TYPE_CHECKING:
    import concurrent.futures as cf
    import multiprocessing.context

__all__ = ["parts"]


def _mp_context() -> multiprocessing.context.BaseContext:
    """How to start workers: the platform's way (as ``ProcessPoolExecutor`` does), except that
    a process with threads (Jupyter, a Dask client, ...) is not forked, which may deadlock:
    its workers start from a fork server that has imported timeline and pandas."""
    import multiprocessing

    default = multiprocessing.get_context()
    if (
        default.get_start_method() == "fork"
        and threading.active_count() > 1
        and "forkserver" in multiprocessing.get_all_start_methods()
    ):
        server = multiprocessing.get_context("forkserver")
        server.set_forkserver_preload(["timeline.corpus", "pandas"])
        return server
    return default


class _Pool:
    """A process pool that survives a worker's death: the documents of the chunk that was
    running are retried one by one in a new pool, and one that kills its worker again is
    recorded as an error (``BrokenProcessPool``)."""

    def __init__(
        self, workers: int, include: Include, errors: Errors, reading: Reading, limits: Limits
    ) -> None:
        self._workers = workers
        self._include: Include = include
        self._errors: Errors = errors
        self._reading = reading
        self._limits = limits
        self._generation = 0
        self._executor = self._start()

    def _start(self) -> cf.ProcessPoolExecutor:
        import concurrent.futures as cf

        context = _mp_context()
        if context.get_start_method() == "fork":
            warm_worker()  # here, once: the forked workers inherit it
        return cf.ProcessPoolExecutor(
            max_workers=self._workers, mp_context=context, initializer=warm_worker
        )

    def _restart(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._generation += 1
        self._executor = self._start()

    def submit(self, chunk: list[Doc]) -> tuple[int, cf.Future[Part]]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            future = self._task(chunk)
        except BrokenProcessPool:
            self._restart()
            future = self._task(chunk)
        return self._generation, future

    def _task(self, chunk: list[Doc]) -> cf.Future[Part]:
        return self._executor.submit(
            run_chunk, chunk, self._include, self._errors, self._reading, self._limits
        )

    def result(self, chunk: list[Doc], generation: int, future: cf.Future[Part]) -> Part:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return future.result()
        except BrokenProcessPool:
            if generation == self._generation:  # this pool broke: restart, then find the culprit
                self._restart()
                return self._one_by_one(chunk)
            # an earlier pool broke under it, maybe for another chunk: run it again
            generation, future = self.submit(chunk)
            return self.result(chunk, generation, future)

    def _one_by_one(self, chunk: list[Doc]) -> Part:
        from concurrent.futures.process import BrokenProcessPool

        parts = []
        for doc in chunk:
            try:
                parts.append(self._task([doc]).result())
            except BrokenProcessPool as exc:
                self._restart()
                if self._errors == "raise":
                    raise
                message = f"the worker process died on this document ({exc})"
                error = {"doc_id": doc.doc_id, "error_type": type(exc).__name__, "message": message}
                parts.append(Part(empty_frame(), (error,), 1, (attrs.evolve(doc, source=None),)))
        return Part(
            concat([p.frame for p in parts]),
            tuple(e for p in parts for e in p.errors),
            len(chunk),
            tuple(d for p in parts for d in p.failed_docs),
        )

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def parts(
    chunks: Iterator[tuple[list[Doc], bool]],
    *,
    workers: int,
    include: Include,
    errors: Errors,
    reading: Reading = DEFAULT_READING,
    limits: Limits = NO_LIMITS,
) -> Iterator[tuple[Part, bool]]:
    """The chunks' results in input order, each with its end-of-batch flag.

    One worker: in this process. More: a process pool with a bounded number of chunks in
    flight, so that an iterator is consumed only a little ahead of the results.
    """
    if workers == 1:
        for chunk, last in chunks:
            yield run_chunk(chunk, include, errors, reading, limits), last
        return
    pool = _Pool(workers, include, errors, reading, limits)
    try:
        pending: deque[tuple[list[Doc], bool, int, cf.Future[Part]]] = deque()
        for chunk, last in chunks:
            pending.append((chunk, last, *pool.submit(chunk)))
            while len(pending) >= 3 * workers:
                done, flag, generation, future = pending.popleft()
                yield pool.result(done, generation, future), flag
        while pending:
            done, flag, generation, future = pending.popleft()
            yield pool.result(done, generation, future), flag
    finally:
        pool.close()
