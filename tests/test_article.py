"""The bundled article: its full expected timeline, its header, its events, and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from frames import frame_rows
from paths import DATA

import timeline


def test_full_timeline(article_path: Path) -> None:
    df = timeline.extract(article_path)
    expected = pd.read_csv(DATA / "article_expected.csv", dtype=str)
    got = df[["text", "type", "value", "start", "end", "granularity"]].copy()
    for c in ("start", "end"):
        got[c] = got[c].dt.strftime("%Y-%m-%d")
    assert got.astype(str).to_dict("records") == expected.to_dict("records")


def test_header_is_parsed(article_path: Path) -> None:
    df = timeline.extract(article_path)
    assert set(df["title"]) == {"Kazakhstan’s crisis highlights US angst toward Russia"}
    assert set(df["published"].astype(str)) == {"2022-01-10"}
    assert set(df["doc_id"]) == {"globaltimes-2022-01-10-kazakhstan"}


def test_offsets_index_the_repaired_text(article_path: Path) -> None:
    article = timeline.read(article_path)
    df = timeline.extract(article, include="all")
    for r in frame_rows(df):  # a missing value (NA) as None
        assert article.text[r.char_start : r.char_end] == r.text
        if r.event is not None:
            assert r.event_start is not None and r.event_end is not None
            assert article.text[r.event_start : r.event_end] == r.event


def test_all_adds_durations_and_vague_references(article_path: Path) -> None:
    df = timeline.extract(article_path, include="all")
    rows = set(zip(df["text"], df["type"], df["value"], strict=True))
    assert {
        ("two-day", "DURATION", "P2D"),
        ("Now", "DATE", "PRESENT_REF"),
    } <= rows
    # Adverbs that only order events are not times (TimeML leaves them untagged).
    assert not {"earlier", "This time"} & set(df["text"])
    for number in ("2,500", "100", "a dozen", "2500"):
        assert number not in set(df["text"])


EVENTS = {
    "between 2000 and 2020": '"color revolutions"',
    "2011-13": "Russian protests",
    "2013-14": "the Ukraine political crisis",
    "2019-20": "Uzbekistan protests",
    "2020": "Kyrgyzstani protests",
    "2020-21": "Belarusian protests",
    "2011": "the previous protests",
    "2016": "the previous protests",
    "January 10": "the Russia-US security talks",
    "Thursday": "he hinted at Russia",
}


@pytest.mark.parametrize(("expression", "event"), EVENTS.items())
def test_events(article_path: Path, expression: str, event: str) -> None:
    df = timeline.extract(article_path)
    assert df.loc[df["text"] == expression, "event"].tolist() == [event]


def test_event_of_the_year(article_path: Path) -> None:
    # "The international political calendar in 2022 began with a very strained security
    # situation in Kazakhstan": the year frames the event; the phrase is exact text
    df = timeline.extract(article_path)
    assert df.loc[df["text"] == "2022", "event"].tolist() == [
        "a very strained security situation in Kazakhstan"
    ]


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args],
        capture_output=True,
        text=True,
        input=stdin,
        check=False,
    )


def test_cli_jsonl_takes_the_date_from_the_header(article_path: Path) -> None:
    out = _cli(str(article_path), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["text"] for r in rows] == pd.read_csv(DATA / "article_expected.csv")["text"].tolist()
    assert rows[-2]["start"] == "2022-01-06" and rows[-2]["published"] == "2022-01-10"
    assert set(rows[0]) == set(timeline.COLUMNS)


def test_cli_stdin_and_errors_per_file(tmp_path: Path) -> None:
    out = _cli(
        "-",
        str(tmp_path / "missing.txt"),
        "--published",
        "2022-01-10",
        "--format",
        "csv",
        stdin="He left on Thursday.",
    )
    assert out.returncode == 1
    assert "missing.txt" in out.stderr
    assert "2022-01-06" in out.stdout
    bad = _cli("-", "--published", "2022-13-45", stdin="x")
    assert bad.returncode == 2 and "--published" in bad.stderr


def test_cli_published_keeps_its_time_of_day() -> None:
    out = _cli(
        "-",
        "--published",
        "2022-01-10T09:30+01:00",
        "--format",
        "jsonl",
        stdin="He left two hours ago.",
    )
    assert out.returncode == 0, out.stderr
    (row,) = [json.loads(line) for line in out.stdout.splitlines()]
    # 07:30 at the zone of publication, never converted to UTC
    assert (row["value"], row["start"]) == ("2022-01-10T07:30", "2022-01-10T07:30:00")
    assert row["published"] == "2022-01-10T09:30:00"


def test_cli_prefer() -> None:
    args = ("-", "--published", "2022-01-10", "--format", "csv")
    future = _cli(*args, "--prefer", "future", stdin="The fair opens on Friday.")
    assert future.returncode == 0 and "2022-01-14" in future.stdout
    assert "2022-01-07" in _cli(*args, stdin="The fair opens on Friday.").stdout
    bad = _cli(*args, "--prefer", "soon", stdin="x")
    assert bad.returncode == 2 and "--prefer" in bad.stderr


def test_cli_table_is_the_default(article_path: Path) -> None:
    out = _cli(str(article_path))
    assert out.returncode == 0
    assert "Russian protests" in out.stdout and "2011/2013" in out.stdout
