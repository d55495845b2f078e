"""Hostile inputs at 50,000 and 200,000 characters: time, peak memory and the growth ratio.

Linear time means the longer input costs about 4x the shorter. Each case runs in a fresh
interpreter, so its peak resident memory (``ru_maxrss``) is its own: the table gives the peak of
the 200,000-character run and how much it added to the interpreter's after import and warm-up.
``--memory`` runs the large cases of issue 17 instead (10 MB with no dates, with and without
RE2; 10 MB of ``"2016 "``, two million rows), with the peak and the memory per row. Run:

    python benchmarks/hostile_inputs.py            # every case
    python benchmarks/hostile_inputs.py "<" "&"    # the cases named
    python benchmarks/hostile_inputs.py --memory   # the large cases (minutes)
"""

from __future__ import annotations

import json
import random
import subprocess
import sys

UNITS = {
    "digits": "1",
    "2011-": "2011-",
    "between": "between 2000 and ",
    "January": "January ",
    "12/": "12/",
    "1.": "1.",
    "spaces": " ",
    "2,500, ": "2,500, ",
    "full stops": ".",
    "Thursday": "Thursday ",
    # spans of days without their month, numbers with slashes after a preposition, counted days
    "from 5 to": "from 5 to ",
    "on 1/": "on 1/",
    "a week from tomorrow": "a week from tomorrow ",
    "in 2016": "in 2016 ",
    '"will" Thursday': '"will" Thursday said ',  # quotations: tense cues scoped by quote marks
    "( in 2016": "( in 2016, the ",  # events: brackets never closed, dates and clauses
    # events: a place and its state's commas, amounts said again, verbs joined by "and"
    "Buffalo, N.Y., ": "Buffalo, N.Y., in 2016 it rose $3 million, or 9 cents a share, and fell ",
    # HTML leftovers (Article.from_text cleans them): never a tag or reference, then all tags
    "<": "<",
    "&": "&",
    "<p>": "<p>",
    "&amp;": "&amp;",
}


def _mixed(n: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    alphabet = "0123456789年月日–—-/.,: ЖзIVXLCM"
    return "".join(rng.choice(alphabet) for _ in range(n))


def _make(name: str, n: int) -> str:
    if name == "one long word":
        return "a" * n
    if name == "mixed scripts":
        return _mixed(n)
    unit = UNITS[name]
    return (unit * (n // len(unit) + 1))[:n]


CASES = [*UNITS, "one long word", "mixed scripts"]
# the large cases: (name, unit repeated to 10 MB, without RE2)
LARGE = [
    ("10 MB, no dates, RE2", "1 2 3 4 ", False),
    ("10 MB, no dates, re", "1 2 3 4 ", True),
    ("10 MB of '2016 '", "2016 ", False),
]

_CHILD = """
import json, resource, sys, time
if {no_re2}:
    sys.modules["re2"] = None  # as without the optional package
sys.path.insert(0, {here!r})
import timeline
from hostile_inputs import _make, UNITS
timeline.extract("Warm-up: the grammar compiles on first use, in 2016.", include="all")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
text = {text}
t = time.perf_counter()
df = timeline.extract(text, published="2022-01-10", include="all")
seconds = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"seconds": seconds, "peak_kb": peak, "base_kb": before, "rows": len(df)}}))
"""


def _run(text_expr: str, *, no_re2: bool = False) -> dict[str, float]:
    """Time, peak memory and rows of one extraction, in a fresh interpreter."""
    from pathlib import Path

    code = _CHILD.format(no_re2=no_re2, here=str(Path(__file__).parent), text=text_expr)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _mb(kb: float) -> float:
    return kb / 1024


def main(names: list[str]) -> None:
    if names == ["--memory"]:
        large()
        return
    cases = CASES
    if names:
        unknown = sorted(set(names) - set(cases))
        if unknown:
            raise SystemExit(f"unknown cases {unknown}; the cases are {cases}")
        cases = names
    print(
        f"{'case':16s} {'50k (s)':>8s} {'200k (s)':>9s} {'ratio':>6s} {'peak MB':>8s} {'added':>6s}"
    )
    for name in cases:
        short = _run(f"_make({name!r}, 50_000)")
        long = _run(f"_make({name!r}, 200_000)")
        ratio = long["seconds"] / max(short["seconds"], 1e-3)
        added = _mb(long["peak_kb"] - long["base_kb"])
        print(
            f"{name:16s} {short['seconds']:8.2f} {long['seconds']:9.2f} {ratio:6.1f} "
            f"{_mb(long['peak_kb']):8.0f} {added:6.0f}",
            flush=True,
        )


def large() -> None:
    """The large cases: 10 MB each, peak memory and memory per row."""
    print(
        f"{'case':22s} {'time (s)':>8s} {'rows':>9s} {'peak MB':>8s} {'added':>7s} {'KB/row':>7s}"
    )
    for name, unit, no_re2 in LARGE:
        r = _run(f"({unit!r} * (10_000_000 // {len(unit)}))", no_re2=no_re2)
        added = r["peak_kb"] - r["base_kb"]
        per_row = f"{added / r['rows']:7.2f}" if r["rows"] else "      -"
        print(
            f"{name:22s} {r['seconds']:8.1f} {int(r['rows']):9,d} {_mb(r['peak_kb']):8.0f} "
            f"{_mb(added):7.0f} {per_row}",
            flush=True,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
