"""Per-document limits of a corpus run (issue 17, row 4): a document larger than ``max_chars``
or slower than ``time_limit`` fails alone, recorded, and the others come back; the run, the
process and the next documents are unharmed. The Dask case (a worker of 1 GiB and a document of
3 MB) is in ``tests/test_dask.py``."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import timeline
from timeline.corpus.limits import DEFAULT_MAX_CHARS, Expired, watching

SLOW = "2016 " * 60_000  # 300,000 characters: seconds of work, 60,000 rows
SMALL = [f"They met on March {day}, 2021." for day in range(1, 21)]


def _errors(df: pd.DataFrame) -> list[tuple[str, str]]:
    return [(e["doc_id"], e["error_type"]) for e in df.attrs["errors"]]


def test_a_document_over_max_chars_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("In 2016. " * 2000, encoding="utf-8")  # 18,000 characters
    docs: list[Any] = ["In 2011.", "x" * 10_001, big, timeline.read("In 2012. " * 2000)]
    df = timeline.extract_corpus(docs, max_chars=10_000)
    assert _errors(df) == [
        ("1", "DocumentTooLarge"),
        ("big", "DocumentTooLarge"),
        ("3", "DocumentTooLarge"),
    ]
    assert df["text"].tolist() == ["2011"] and df.attrs["documents"] == 4
    message = df.attrs["errors"][0]["message"]
    assert message == (
        "the text has 10,001 characters, more than max_chars=10,000 "
        "(pass a larger max_chars, or None, to run it)"
    )
    assert len(timeline.extract_corpus(docs, max_chars=None)) == 1 + 2000 + 2000


def test_the_default_size_limit_is_a_million_characters() -> None:
    assert DEFAULT_MAX_CHARS == 1_000_000
    docs = ["In 2011.", " " * 1_000_001]
    assert _errors(timeline.extract_corpus(docs)) == [("1", "DocumentTooLarge")]
    assert _errors(timeline.extract_corpus(docs, max_chars=2_000_000)) == []


def test_a_document_over_the_limit_raises_with_errors_raise() -> None:
    with pytest.raises(ValueError, match="more than max_chars=5") as info:
        timeline.extract_corpus(["In 2011.", "In 2016."], max_chars=5, errors="raise")
    assert type(info.value).__name__ == "DocumentTooLarge"


@pytest.mark.parametrize(
    ("limits", "error", "match"),
    [
        ({"max_chars": 0}, ValueError, "max_chars must be a positive int or None, not 0"),
        ({"max_chars": 1.5}, TypeError, "max_chars must be a positive int"),
        ({"max_chars": True}, TypeError, "max_chars must be a positive int"),
        ({"time_limit": -1}, ValueError, "time_limit must be a positive number of seconds"),
        ({"time_limit": float("inf")}, ValueError, "time_limit must be a positive number"),
        ({"time_limit": "1"}, TypeError, "time_limit must be a positive number"),
    ],
)
def test_bad_limits_are_named_at_once(
    limits: dict[str, Any], error: type[Exception], match: str, tmp_path: Path
) -> None:
    with pytest.raises(error, match=match):
        timeline.extract_corpus(["In 2016."], **limits)
    with pytest.raises(error, match=match):
        timeline.iter_corpus(["In 2016."], **limits)  # before the first batch
    with pytest.raises(error, match=match):
        timeline.extract_corpus_to_parquet(["In 2016."], tmp_path / "t.parquet", **limits)


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_a_slow_document_is_stopped_and_the_others_come_back(n_jobs: int) -> None:
    docs = [SMALL[0], SLOW, *SMALL[1:]]  # in one chunk: the ones after it run after the stop
    started = time.perf_counter()
    df = timeline.extract_corpus(docs, time_limit=0.5, n_jobs=n_jobs, chunksize=100)
    assert time.perf_counter() - started < 30
    assert _errors(df) == [("1", "DocumentTimeout")]
    assert df.attrs["errors"][0]["message"].startswith("stopped after time_limit=0.5 seconds")
    assert sorted(df["doc_id"]) == sorted(str(i) for i in range(len(docs)) if i != 1)
    expected = timeline.extract_corpus(SMALL)
    assert sorted(df["value"]) == sorted(expected["value"])


def test_a_slow_document_raises_with_errors_raise() -> None:
    with pytest.raises(TimeoutError, match=r"time_limit=0\.2") as info:
        timeline.extract_corpus([SLOW], time_limit=0.2, errors="raise")
    assert type(info.value).__name__ == "DocumentTimeout"


def test_deadlines_at_the_edge_never_hit_another_document() -> None:
    """Documents that end about when their deadline passes: each is either rows or a
    DocumentTimeout, never an interruption that lands in the next document or after the run."""
    docs = ["On March 3, 2021, they met. In 2016 it rose."] * 400
    df = timeline.extract_corpus(docs, time_limit=0.0015, include="all")
    timed_out = {e["doc_id"] for e in df.attrs["errors"]}
    assert {e["error_type"] for e in df.attrs["errors"]} <= {"DocumentTimeout"}
    assert set(df["doc_id"]) | timed_out == {str(i) for i in range(400)}
    assert not set(df["doc_id"]) & timed_out
    for i in range(20_000):  # nothing pending in this thread
        _ = i * 2
    assert len(timeline.extract_corpus(docs[:3])) == 6


def test_no_watchdog_thread_is_left_behind() -> None:
    import threading

    before = threading.active_count()
    timeline.extract_corpus(SMALL, time_limit=5)
    assert threading.active_count() == before
    with watching(None) as timed, timed:  # no limit: nothing to watch
        pass
    with watching(0.01) as timed:
        with pytest.raises(Expired), timed:
            time.sleep(0.05)
            for _ in range(1000):
                pass
        with timed:  # the next document starts with a fresh deadline
            pass
