"""Parquet runs that a kill cannot corrupt, and ``resume=True`` (issue 17, row 5).

A run killed half-way (``kill -9``, ``kill -TERM``) used to leave a file without its footer
("Parquet magic bytes not found"), all its batches lost, and to destroy a good file already
at the path. Here a child process is killed for real while it writes: the file at the path is
the old one, the batches written are whole, and a run with ``resume=True`` skips their
documents and gives the rows of a run that was never stopped.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from frames import as_objects

import timeline
from timeline.corpus.checkpoints import Checkpoints, RunInProgress, work_folder
from timeline.frame import categories_of

pq = pytest.importorskip("pyarrow.parquet")

N = 400


def _texts(n: int = N) -> Iterator[str]:
    for i in range(n):
        yield f"Report {i}: the talks began on March {i % 28 + 1}, {2000 + i % 20}."


def _rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in one order, with the dtypes of a frame of extract_corpus."""
    frame = frame.sort_values(["doc_id", "char_start"]).reset_index(drop=True)
    datetimes = {c: "datetime64[s]" for c, t in timeline.COLUMNS.items() if t.startswith("date")}
    frame = frame.astype(datetimes)
    frame["sentence"] = categories_of(as_objects(frame["sentence"]))
    frame.attrs = {}
    return frame


@pytest.fixture
def good(tmp_path: Path) -> Path:
    """A good file at the path, from an earlier run of other documents."""
    path = tmp_path / "timeline.parquet"
    timeline.extract_corpus_to_parquet(["In 1999 it began.", None], path)
    return path


_CHILD = """
import sys, time
from pathlib import Path
import timeline

def texts():
    for i in range({n}):
        if i >= 150:
            time.sleep(0.02)  # slow from the fourth batch on: time for the parent to kill it
        yield f"Report {{i}}: the talks began on March {{i % 28 + 1}}, {{2000 + i % 20}}."

timeline.extract_corpus_to_parquet(texts(), Path(sys.argv[1]), batch_size=50)
"""


@pytest.mark.skipif(os.name != "posix", reason="kills a child process with POSIX signals")
@pytest.mark.parametrize("signal_number", [signal.SIGKILL, signal.SIGTERM], ids=["KILL", "TERM"])
def test_a_killed_run_keeps_the_old_file_and_resumes(good: Path, signal_number: int) -> None:
    before = good.read_bytes()
    code = textwrap.dedent(_CHILD.format(n=N))
    child = subprocess.Popen([sys.executable, "-c", code, str(good)], stderr=subprocess.PIPE)
    folder = work_folder(good)
    deadline = time.monotonic() + 120
    while len(list(folder.glob("batch-*.parquet"))) < 3:
        assert child.poll() is None, child.stderr.read() if child.stderr else ""
        assert time.monotonic() < deadline, "the child wrote no batches"
        time.sleep(0.05)
    child.send_signal(signal_number)
    assert child.wait(timeout=60) == -signal_number
    if child.stderr:
        child.stderr.close()

    assert good.read_bytes() == before  # the good file is untouched, and still good
    assert pd.read_parquet(good)["text"].tolist() == ["1999"]
    batches = sorted(folder.glob("batch-*.parquet"))
    assert len(batches) >= 3
    for batch in batches:  # every batch file written is whole
        assert pq.read_table(batch).num_rows == 50

    run = timeline.extract_corpus_to_parquet(_texts(), good, batch_size=50, resume=True)
    assert run.resumed == 50 * len(batches)
    assert (run.documents, run.rows, run.batches) == (N, N, N // 50)
    assert not folder.exists()
    expected = timeline.extract_corpus(list(_texts()))
    pd.testing.assert_frame_equal(_rows(pd.read_parquet(good)), _rows(expected))


def _stop_after(n: int) -> Iterator[str | None]:
    """The texts, then an error (with errors="raise") after ``n`` of them."""
    yield from _texts(n)
    yield None


def test_a_run_that_raises_keeps_the_old_file_and_resumes(good: Path) -> None:
    before = good.read_bytes()
    with pytest.raises(ValueError, match="no text"):
        timeline.extract_corpus_to_parquet(_stop_after(120), good, batch_size=50, errors="raise")
    assert good.read_bytes() == before
    assert len(list(work_folder(good).glob("batch-*.parquet"))) == 2
    run = timeline.extract_corpus_to_parquet(_texts(), good, batch_size=50, resume=True)
    assert (run.resumed, run.documents, run.rows) == (100, N, N)
    assert timeline.corpus_errors(good).empty


def test_a_failure_in_the_last_rename_keeps_the_old_file(
    good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = good.read_bytes()
    replace = os.replace

    def failing(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        if Path(target) == good:
            raise OSError(28, "No space left on device")
        replace(source, target)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OSError, match="No space left"):
        timeline.extract_corpus_to_parquet(_texts(), good, batch_size=100)
    monkeypatch.undo()
    assert good.read_bytes() == before
    run = timeline.extract_corpus_to_parquet(_texts(), good, batch_size=100, resume=True)
    assert (run.resumed, run.documents, run.rows) == (N, N, N)  # nothing left to extract


def test_without_resume_an_unfinished_run_starts_afresh(good: Path) -> None:
    with pytest.raises(ValueError, match="no text"):
        timeline.extract_corpus_to_parquet(_stop_after(120), good, batch_size=50, errors="raise")
    run = timeline.extract_corpus_to_parquet(_texts(100), good, batch_size=50)
    assert (run.resumed, run.documents) == (0, 100)
    assert not work_folder(good).exists()


def test_resume_refuses_other_documents_or_options(good: Path) -> None:
    with pytest.raises(ValueError, match="no text"):
        timeline.extract_corpus_to_parquet(_stop_after(120), good, batch_size=50, errors="raise")
    others = (f"Note {i}: in 2016." for i in range(N))
    with pytest.raises(ValueError, match="document 0 of docs is '0', another text than"):
        timeline.extract_corpus_to_parquet(others, good, batch_size=50, resume=True, columns=None)
    with pytest.raises(ValueError, match=r"other options \(include\)"):
        timeline.extract_corpus_to_parquet(_texts(), good, resume=True, include="all")
    with pytest.raises(ValueError, match=r"other options \(columns, published\)"):
        timeline.extract_corpus_to_parquet(_texts(), good, resume=True, published="2022-01-10")
    with pytest.raises(ValueError, match="document 40 of docs is missing"):
        timeline.extract_corpus_to_parquet(_texts(40), good, resume=True)
    run = timeline.extract_corpus_to_parquet(_texts(), good, resume=True)  # still resumable
    assert run.resumed == 100


def test_resume_without_an_unfinished_run_runs_it_all(tmp_path: Path) -> None:
    run = timeline.extract_corpus_to_parquet(_texts(10), tmp_path / "t.parquet", resume=True)
    assert (run.resumed, run.documents) == (0, 10)


def test_two_runs_on_one_path_at_once_are_refused(good: Path) -> None:
    before = good.read_bytes()
    with (
        Checkpoints(good, {}, resume=False),
        pytest.raises(RunInProgress, match="another run is writing"),
    ):
        timeline.extract_corpus_to_parquet(_texts(10), good)
    assert good.read_bytes() == before


def test_bad_arguments_leave_no_folder_behind(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    for bad in ({"resume": "yes"}, {"published": "2022-W02"}, {"batch_size": 0}):
        with pytest.raises((TypeError, ValueError)):
            timeline.extract_corpus_to_parquet(_texts(10), path, **bad)
    with pytest.raises(TypeError, match="docs must be"):
        timeline.extract_corpus_to_parquet(3, path)  # type: ignore[arg-type]  # on purpose
    assert list(tmp_path.iterdir()) == []
