"""Memory per row (issue 17, row 9): 10 MB of "2016 " gives two million rows, which took about
4 KB each at the peak (7.9 GB). The rows of one sentence now share its text, in the records
(:class:`timeline.DatedEvent`) and in the frame (``sentence`` is a category), so a row costs
about a quarter of that. ``python benchmarks/hostile_inputs.py --memory`` measures the 10 MB
case; this measures 300,000 characters (60,000 rows) in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys

import timeline

DENSE = "2016 " * 60_000  # 300,000 characters, one date every five, in windows of one sentence


def test_the_rows_of_a_sentence_share_its_text() -> None:
    events = timeline.dated_events(timeline.read("In 2016, 2017 and 2018 they met. In 2019."))
    assert [e.timex.text for e in events] == ["2016", "2017", "2018", "2019"]
    first = events[0].sentence
    assert all(e.sentence is first for e in events[:3])  # one object, not three copies
    assert events[3].sentence == "In 2019."


def test_the_sentence_column_holds_each_sentence_once() -> None:
    df = timeline.extract(DENSE[:50_000], published="2022-01-10")
    assert len(df) == 10_000
    assert str(df["sentence"].dtype) == "category"
    assert len(df["sentence"].cat.categories) < 100  # a few windows of the long "sentence"
    per_row = df["sentence"].memory_usage(deep=True, index=False) / len(df)
    assert per_row < 50  # bytes: a code a row, where each row held its 900-character window


_CHILD = """
import json, resource, timeline
timeline.extract("Warm-up: in 2016.", include="all")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
df = timeline.extract("2016 " * {n}, published="2022-01-10", include="all")
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"rows": len(df), "added_kb": peak - before}}))
"""


def test_peak_memory_per_row() -> None:
    code = _CHILD.format(n=len(DENSE) // 5)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert result["rows"] == 60_000
    per_row = result["added_kb"] / result["rows"]
    assert per_row < 2.0, f"{per_row:.2f} KB per row at the peak (about 4 before)"
