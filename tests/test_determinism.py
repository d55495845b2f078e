"""Results never depend on the machine: its clock, time zone, locale or hash seed.

Each test runs the same extractions in a fresh Python process under another environment (or a
faked clock) and compares the frames with the ones computed here.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from paths import ARTICLE

import timeline

ROOT = Path(__file__).resolve().parents[1]

#: Relative expressions only: with no publication date none of them may be placed.
RELATIVE = (
    "He spoke yesterday and will speak tomorrow. Last year, prices rose. On Thursday he left. "
    "In March the talks begin. Next week he goes. Today is quiet; this year is hard. Two days "
    "ago it rained, and three weeks later it stopped. Now we wait. On December 31 and on New "
    "Year's Day, and in the spring, they will meet again. The meeting is on Friday at 9 a.m."
)

#: (text or path, published) pairs, extracted with include="all" and as TIMEX3 rows.
CASES: list[tuple[str, str | None]] = [
    (RELATIVE, None),
    (RELATIVE, "2022-01-10"),
    (RELATIVE, "2022-01-10T23:30:00-05:00"),
    (RELATIVE, "2022-01-11T00:30:00+14:00"),
    ("The 2011-13 Russian protests. In 2016, and between 2000 and 2020. In 490 BC.", None),
    ("Published Time: 2022-01-10\nText:\nOn Thursday, he hinted at Russia.", None),
    ("path:" + str(ARTICLE), None),
]


def _run(cases: list[tuple[str, str | None]]) -> list[Any]:
    results: list[Any] = []
    for text, published in cases:
        source: Any = Path(text[5:]) if text.startswith("path:") else text
        results.append(timeline.extract(source, published=published, include="all"))
        results.append(timeline.extract(source, published=published))
        results.append(timeline.timexes(source, published=published))
    return results


# The child process: optionally fake the clock before anything imports datetime's users, then
# run the cases and pickle the frames and what the machine believes the time and zone are.
CHILD = r"""
import pickle, sys
import numpy, pandas  # compiled against the real datetime type: import them before faking it

if sys.argv[2] == "fake-clock":
    import datetime as _dt, time as _time

    _Real = _dt.datetime
    _NOON = (1999, 12, 31, 12, 0, 0)
    _STAMP = _Real(*_NOON, tzinfo=_dt.timezone.utc).timestamp()

    class FakeDatetime(_Real):
        @classmethod
        def now(cls, tz=None):
            utc = cls(*_NOON, tzinfo=_dt.timezone.utc)
            return utc.replace(tzinfo=None) if tz is None else utc.astimezone(tz)

        @classmethod
        def utcnow(cls):
            return cls(*_NOON)

        @classmethod
        def today(cls):
            return cls(*_NOON)

    _dt.datetime = FakeDatetime  # for every module imported from here on (dateparser, ...)
    _time.time = lambda: _STAMP  # date.today() reads time.time()
    _time.time_ns = lambda: int(_STAMP * 10**9)

import datetime, locale, time
sys.path.insert(0, sys.argv[3])
import dateparser
import test_determinism as t

clock = {
    "now": datetime.datetime.now().date().isoformat(),
    "today": datetime.date.today().isoformat(),
    "dateparser today": dateparser.parse("today").date().isoformat(),
    "utc offset": time.localtime().tm_gmtoff,
    "locale": locale.setlocale(locale.LC_ALL, ""),
}
with open(sys.argv[1], "wb") as f:
    pickle.dump((clock, t._run(t.CASES)), f)
"""


def _child(tmp_path: Path, env: dict[str, str], *, fake_clock: bool = False) -> tuple[Any, Any]:
    out = tmp_path / "frames.pickle"
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "TZ"))}
    full_env.update(env)
    full_env["PYTHONPATH"] = os.pathsep.join([str(ROOT), full_env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD,
            str(out),
            "fake-clock" if fake_clock else "real-clock",
            str(Path(__file__).parent),
        ],
        env=full_env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with open(out, "rb") as f:
        clock, frames = pickle.load(f)
    return clock, frames


@pytest.fixture(scope="module")
def here() -> list[Any]:
    return _run(CASES)


def _same(got: list[Any], want: list[Any]) -> None:
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        pd.testing.assert_frame_equal(g, w)
        assert g.equals(w)
        assert g.to_json(date_format="iso", date_unit="s") == w.to_json(
            date_format="iso", date_unit="s"
        )


@pytest.mark.parametrize(
    ("env", "offset"),
    [
        ({"TZ": "Pacific/Kiritimati"}, 14 * 3600),
        ({"TZ": "America/Adak"}, None),  # -10 h or -9 h with daylight saving time
        ({"TZ": "UTC", "LC_ALL": "C", "LANG": "C", "PYTHONHASHSEED": "0"}, 0),
        ({"TZ": "Asia/Kathmandu", "PYTHONHASHSEED": "12345"}, 5 * 3600 + 45 * 60),
    ],
    ids=["Kiritimati", "Adak", "C-locale", "Kathmandu"],
)
def test_same_under_another_zone_locale_or_hash_seed(
    tmp_path: Path, here: list[Any], env: dict[str, str], offset: int | None
) -> None:
    clock, frames = _child(tmp_path, env)
    if offset is not None:
        assert clock["utc offset"] == offset  # the child really runs in that zone
    if env.get("TZ") == "America/Adak":
        assert clock["utc offset"] in (-10 * 3600, -9 * 3600)
    if env.get("LC_ALL") == "C":
        assert clock["locale"] == "C"
    _same(frames, here)


def test_fake_clock_changes_nothing(tmp_path: Path, here: list[Any]) -> None:
    clock, frames = _child(tmp_path, {"TZ": "Pacific/Kiritimati"}, fake_clock=True)
    # the fake clock is in force, for the standard library and for dateparser alike
    assert clock["now"] == "1999-12-31"
    assert clock["today"] in ("1999-12-31", "2000-01-01")  # local date in UTC+14
    assert clock["dateparser today"] in ("1999-12-31", "2000-01-01")
    _same(frames, here)
    # and nothing was placed by it: relative expressions without a date stay unresolved
    everything, placed, timexes = frames[:3]
    assert not everything.empty
    assert everything["start"].isna().all() and everything["end"].isna().all()
    assert placed.empty  # no timeline without a date to place it
    for values in (everything["value"], timexes["value"]):
        assert len(values) >= 10
        assert all("X" in v or v.endswith("_REF") for v in values), values.tolist()
        assert not values.str.contains("1999|2000").any()


def test_same_input_twice_gives_the_same_output(here: list[Any]) -> None:
    _same(_run(CASES), here)


def test_relative_expressions_follow_the_publication_date(here: list[Any]) -> None:
    """The control for the tests above: the cases do depend on ``published``."""
    unresolved, dated = here[0], here[3]
    assert unresolved["start"].isna().all()
    assert dated["start"].notna().any()
    assert dated.loc[dated["text"] == "yesterday", "value"].tolist() == ["2022-01-09"]
