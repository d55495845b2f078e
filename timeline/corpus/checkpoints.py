"""An unfinished Parquet run kept on disk, so that a kill loses one batch at most.

:func:`~timeline.extract_corpus_to_parquet` never writes into the file at ``path`` while it
runs. Its batches go to a folder beside it, ``.NAME.partial/`` (for ``path`` ``NAME``), each as
a complete Parquet file of its own, written under a temporary name, flushed to disk and renamed
(a rename is atomic): a batch file is whole or absent, whenever the process is killed. When
every document is done, the batches are copied, as row groups, into one file in that folder,
which is renamed over ``path`` in one step; then the folder goes. So the file at ``path`` is
the old one (a good file there is never destroyed) or the whole new one, never a part.

The folder holds ``run.json`` (the options that decide the rows: ``include``, the columns and
the date of every document), ``lock`` (held by the run, so that a second run on the same path
is refused) and ``batch-000000.parquet``, ... Each batch file's metadata (key ``timeline``)
keeps its report: its number of documents, their keys in order (the id and a digest of the
text, date and title: :func:`~timeline.corpus.batches.document_key`), and its errors. A run
with ``resume=True`` takes the batches of an unfinished run with the same options, checks that
the documents it is given begin with the same keys, and skips them; without ``resume``, an
unfinished run's batches are dropped.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.corpus.errors import PARQUET_KEY

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Checkpoints", "RunInProgress", "work_folder"]

_MANIFEST = "run.json"
_LOCK = "lock"
_FORMAT = 1


class RunInProgress(RuntimeError):
    """Another run is writing to the same path."""


def work_folder(target: Path) -> Path:
    """The folder of an unfinished run writing ``target``."""
    return target.with_name(f".{target.name}.partial")


def _fsync_folder(folder: Path) -> None:
    """Make the renames in ``folder`` durable (where the platform can)."""
    if os.name != "posix":  # pragma: no cover - Windows opens no folders
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace_durably(temporary: Path, final: Path) -> None:
    """``temporary``, written and closed, renamed to ``final`` after its bytes reach the disk."""
    with open(temporary, "rb") as f:
        os.fsync(f.fileno())
    os.replace(temporary, final)
    _fsync_folder(final.parent)


class Checkpoints:
    """The folder of a run: ``with Checkpoints(target, options, resume=...) as run:``, then
    :meth:`add` for each batch and :meth:`finish` at the end.

    Entering takes the lock and reads what an unfinished run left (with ``resume``) or
    clears it; leaving releases the lock, and removes the folder if this run made it and
    wrote nothing into it.
    """

    def __init__(self, target: Path, options: dict[str, Any], *, resume: bool) -> None:
        self.target = target
        self.folder = work_folder(target)
        self.options = options
        self.resume = resume
        #: what the batch files hold: documents, their keys in order, rows, errors, files
        self.keys: list[str] = []
        self.documents = 0
        self.rows = 0
        self.errors: list[dict[str, str]] = []
        self.files: list[Path] = []
        self.resumed = 0  # documents taken from an unfinished run
        self._lock_fd: int | None = None
        self._made = False

    def __enter__(self) -> Checkpoints:
        self._made = not self.folder.exists()
        self.folder.mkdir(exist_ok=True)
        try:
            self._lock()
            self._open()
        except BaseException:
            self._release()
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, *error: object) -> None:
        if kind is not None and self._made and not self.files and self.folder.exists():
            shutil.rmtree(self.folder, ignore_errors=True)
        self._release()

    def _lock(self) -> None:
        self._lock_fd = os.open(self.folder / _LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no lock
            return
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RunInProgress(
                f"another run is writing {os.fspath(self.target)!r} (its batches are in "
                f"{os.fspath(self.folder)!r}); wait for it to end"
            ) from None

    def _release(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # releases the lock
            self._lock_fd = None

    def _open(self) -> None:
        for stale in self.folder.glob("*.tmp"):
            stale.unlink()  # a file being written when a run was killed
        manifest = self.folder / _MANIFEST
        found = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else None
        if self.resume and found is not None:
            if found != {"format": _FORMAT, "options": self.options}:
                theirs = found.get("options", {})
                changed = sorted(k for k in self.options if theirs.get(k) != self.options[k])
                raise ValueError(
                    f"resume=True: the unfinished run of {os.fspath(self.target)!r} had other "
                    f"options ({', '.join(changed) or 'its format'}); give the same ones, or "
                    "resume=False to start afresh"
                )
            self._take_batches()
            return
        for old in self.folder.glob("batch-*.parquet"):
            old.unlink()  # not resumed: the unfinished run's batches are dropped
        temporary = self.folder / f"{_MANIFEST}.tmp"
        temporary.write_text(json.dumps({"format": _FORMAT, "options": self.options}))
        _replace_durably(temporary, manifest)

    def _take_batches(self) -> None:
        """Read the reports of the unfinished run's batches, in order."""
        import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]

        for number, path in enumerate(sorted(self.folder.glob("batch-*.parquet"))):
            if path.name != _batch_name(number):
                raise ValueError(f"{os.fspath(path)!r}: a batch of the unfinished run is missing")
            metadata = pq.read_metadata(path)
            report = json.loads(metadata.metadata[PARQUET_KEY.encode()])
            self.keys.extend(report["keys"])
            self.documents += report["documents"]
            self.errors.extend(report["errors"])
            self.rows += metadata.num_rows
            self.files.append(path)
        self.resumed = self.documents

    def add(self, frame: pd.DataFrame, keys: Sequence[str], schema: Any) -> None:
        """Write a batch (its frame, with its ``attrs``) as the next batch file."""
        import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
        import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]

        documents, errors = frame.attrs["documents"], frame.attrs["errors"]
        report = {"documents": documents, "keys": list(keys), "errors": errors}
        plain = frame.copy(deep=False)
        plain.attrs = {}
        table = pa.Table.from_pandas(plain, schema=schema, preserve_index=False)
        table = table.replace_schema_metadata(
            {**(table.schema.metadata or {}), PARQUET_KEY.encode(): json.dumps(report).encode()}
        )
        path = self.folder / _batch_name(len(self.files))
        temporary = path.with_name(path.name + ".tmp")
        pq.write_table(table, temporary)
        _replace_durably(temporary, path)
        self.files.append(path)
        self.keys.extend(keys)
        self.documents += documents
        self.errors.extend(errors)
        self.rows += len(frame)

    def finish(self, schema: Any, compression: str) -> None:
        """Copy the batch files into one file, renamed over the target; remove the folder."""
        import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]

        temporary = self.folder / "result.parquet.tmp"
        with pq.ParquetWriter(temporary, schema, compression=compression) as writer:
            for path in self.files:
                writer.write_table(pq.read_table(path, schema=schema))
            report = {"documents": self.documents, "errors": self.errors}
            writer.add_key_value_metadata({PARQUET_KEY: json.dumps(report)})
        _replace_durably(temporary, self.target)
        with contextlib.suppress(OSError):
            shutil.rmtree(self.folder)


def _batch_name(number: int) -> str:
    return f"batch-{number:06d}.parquet"
