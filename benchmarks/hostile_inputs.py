"""Hostile inputs at 50,000 and 200,000 characters: time per case and the growth ratio.

Linear time means the longer input costs about 4x the shorter. Run:

    python benchmarks/hostile_inputs.py            # every case
    python benchmarks/hostile_inputs.py "<" "&"    # the cases named
"""

from __future__ import annotations

import random
import sys
import time

import timeline

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


def _time(text: str) -> float:
    t = time.perf_counter()
    timeline.extract(text, published="2022-01-10", include="all")
    return time.perf_counter() - t


def main(names: list[str]) -> None:
    cases = {name: (lambda n, u=unit: (u * (n // len(u) + 1))[:n]) for name, unit in UNITS.items()}
    cases["one long word"] = lambda n: "a" * n
    cases["mixed scripts"] = _mixed
    if names:
        unknown = sorted(set(names) - set(cases))
        if unknown:
            raise SystemExit(f"unknown cases {unknown}; the cases are {list(cases)}")
        cases = {name: cases[name] for name in names}
    _time("Warm-up: the grammar compiles on first use, in 2016.")
    print(f"{'case':16s} {'50k (s)':>8s} {'200k (s)':>9s} {'ratio':>6s}")
    for name, make in cases.items():
        short, long = _time(make(50_000)), _time(make(200_000))
        print(f"{name:16s} {short:8.2f} {long:9.2f} {long / max(short, 1e-3):6.1f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
