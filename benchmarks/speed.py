"""Speed: timeline's corpus API against dateparser.search_dates, scaling, import time.

Measures, on the TimeBank + AQUAINT texts (TempEval-3 TBAQ-cleaned, each with its DCT):

1. full extraction (``include="all"``, events included) through
   ``timeline.extract_corpus(..., n_jobs=1)``, in characters per second on one core;
2. ``dateparser.search_dates(text, languages=["en"])`` in the same process, on a subset of
   the documents (it is slow; ``--dateparser-docs``), with timeline timed on the same subset
   for the ratio;
3. where timeline's time goes (cProfile: time per stage, and the top functions with
   ``--profile``);
4. scaling: ``n_jobs=2`` against ``n_jobs=1`` on the texts repeated (``--copies``, default 10);
5. the import time of ``timeline`` (and of pandas alone, which ``import timeline`` leaves for
   later), in fresh interpreters.

Targets: >= 1,000,000 chars/s on one core, >= 10x search_dates, >= 1.7x with two processes,
import < 0.5 s. Both sides are warmed up on one document first; timings are the best of
``--repeat`` runs. Run::

    python benchmarks/speed.py                      # everything
    python benchmarks/speed.py --profile --repeat 1 # and the top functions of the profile
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

import timeline
from timeline.evaluation import read_corpus

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = Path(
    os.environ.get("TIMELINE_CORPORA", HERE.parents[1] / "shared" / "corpora")
) / ("tempeval3/TBAQ-cleaned")

TARGET_CHARS = 1_000_000
TARGET_RATIO = 10.0
TARGET_SCALING = 1.7
TARGET_IMPORT = 0.5


def _best(
    repeat: int, run: Callable[[], object], clock: Callable[[], float] = time.perf_counter
) -> float:
    """The shortest time of ``repeat`` runs: wall time, or with ``clock=time.process_time`` the
    CPU time of this process (the work done on one core, without what the other tenants of a
    shared virtual machine take from it)."""
    times = []
    for _ in range(repeat):
        start = clock()
        run()
        times.append(clock() - start)
    return min(times)


def _met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def _frame(docs: list[Any]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [str(i) for i in range(len(docs))],
            "text": [d.text for d in docs],
            "published": [d.dct for d in docs],
        }
    )


def _extract(frame: pd.DataFrame, n_jobs: int = 1) -> pd.DataFrame:
    return timeline.extract_corpus(frame, include="all", n_jobs=n_jobs, progress=False)


def _search_dates(texts: list[str]) -> int:
    from dateparser.search import search_dates

    found = 0
    for text in texts:
        found += len(search_dates(text, languages=["en"]) or [])
    return found


# Where a function's time is charged: the module (file name) it lives in.
STAGES = {
    "article.py": "input (read, repair)",
    "pipeline.py": "input (read, repair)",
    "detect.py": "detect",
    "grammar.py": "detect",
    "resolve.py": "resolve",
    "calendar.py": "resolve",
    "context.py": "context (sentences, tense)",
    "attach.py": "events",  # timeline/events/attach.py
    "frame.py": "frame",
}
ENTRY_POINTS = {
    ("pipeline.py", "dated_events"),
    ("worker.py", "run_chunk"),
    ("worker.py", "_extracted"),
}


def _stage_times(stats: pstats.Stats) -> tuple[dict[str, float], float]:
    """Cumulative time of what the per-document entry points call, by stage, and the total."""
    # Stats.stats, the raw table pstats prints from, is not in typeshed's pstats.Stats
    table: dict[tuple[str, int, str], tuple[Any, ...]] = stats.stats  # type: ignore[attr-defined]
    stages: dict[str, float] = defaultdict(float)
    total = 0.0
    for (file, _line, name), (_cc, _nc, _tt, cumulative, callers) in table.items():
        if Path(file).name == "extract.py" and name == "extract_corpus":
            total = max(total, cumulative)
        for (caller_file, _l, caller_name), timing in callers.items():
            if (Path(caller_file).name, caller_name) in ENTRY_POINTS:
                if (Path(file).name, name) in ENTRY_POINTS:
                    continue  # an entry point itself: its callees are counted
                stages[STAGES.get(Path(file).name, "other")] += timing[3]
    stages["frame"] += sum(
        v[3]
        for (file, _l, name), v in table.items()
        if Path(file).name == "worker.py" and name == "concat"
    )
    return dict(stages), total


def profile(frame: pd.DataFrame, *, detailed: bool) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    _extract(frame)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stages, total = _stage_times(stats)
    print("\nwhere the time goes (cProfile, one run, n_jobs=1; profiling slows everything):")
    for stage, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:32s} {seconds:7.2f} s  {100 * seconds / total:5.1f} %")
    print(f"  {'total (extract_corpus)':32s} {total:7.2f} s")
    stats.sort_stats("cumulative")
    if detailed:
        print("\ntop functions by cumulative time:")
        stats.print_stats(40)
    else:
        print("\ntop functions by own time (--profile for the full listing):")
        stats.sort_stats("tottime").print_stats(12)


def _cpu_clocks() -> tuple[float, float, float]:
    """CPU seconds: this process (all its threads), it and its finished children (the pool's
    workers, once joined), and the whole machine (Linux ``/proc/stat``; NaN elsewhere)."""
    own = time.process_time()
    try:
        import resource

        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        ours = own + children.ru_utime + children.ru_stime
        with open("/proc/stat") as stat:
            ticks = [int(x) for x in stat.readline().split()[1:9]]
        machine = (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")  # not idle
    except (ImportError, OSError, ValueError):
        ours, machine = own, float("nan")
    return own, ours, machine


def _timed(run: Callable[[], object]) -> tuple[float, float, float]:
    """Wall time of ``run``, this process's CPU time in it, and the cores that other processes
    took meanwhile (the machine's CPU time less ours, per second)."""
    own, ours, machine = _cpu_clocks()
    start = time.perf_counter()
    run()
    wall = time.perf_counter() - start
    own2, ours2, machine2 = _cpu_clocks()
    others = max(0.0, (machine2 - machine) - (ours2 - ours)) / wall
    return wall, own2 - own, others


def scaling(big: pd.DataFrame, repeat: int) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The best runs of n_jobs=1 and n_jobs=2 (see :func:`_timed`), interleaved so that a busy
    moment of the other tenants of a shared machine does not hit one side only."""
    ones: list[tuple[float, float, float]] = []
    twos: list[tuple[float, float, float]] = []
    for _ in range(repeat):
        ones.append(_timed(lambda: _extract(big, 1)))
        twos.append(_timed(lambda: _extract(big, 2)))
    return min(ones), min(twos)


def import_time(repeat: int) -> None:
    """Import times in fresh interpreters, with bytecode cached as in an installed package
    (in a temporary PYTHONPYCACHEPREFIX, even where PYTHONDONTWRITEBYTECODE is set)."""
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache

        def fresh(code: str) -> float:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, env=env)
            return time.perf_counter() - start

        fresh("import timeline")  # fills the bytecode cache
        runs = max(3 * repeat, 10)
        times: dict[str, list[float]] = defaultdict(list)
        for _ in range(runs):  # interleaved, so that a busy moment hits all three alike
            for code in ("pass", "import pandas", "import timeline"):
                times[code].append(fresh(code))
        bare = min(times["pass"])
        pandas_only = min(times["import pandas"]) - bare
        ours = min(times["import timeline"]) - bare
    code = (
        "import sys, timeline; print(sorted({'pandas', 'numpy', 'pyarrow', 'dateparser', "
        "'matplotlib', 'plotly', 'dask', 'distributed', 'tqdm', 'concurrent.futures.process'} "
        "& set(sys.modules)))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.strip()
    print(
        "\nimport time (fresh interpreter, bytecode cached, minus 'python -c pass', "
        f"best of {runs}):"
    )
    print(
        f"  import pandas     {pandas_only:6.3f} s  (a required dependency, imported by timeline "
        "when first needed)"
    )
    print(
        f"  import timeline   {ours:6.3f} s  target < {TARGET_IMPORT} s: "
        f"{_met(ours < TARGET_IMPORT)}"
    )
    print(f"  of these, loaded by 'import timeline': {loaded}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="TimeML directory")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (best taken)")
    parser.add_argument("--profile", action="store_true", help="print the top functions")
    parser.add_argument(
        "--dateparser-docs",
        type=int,
        default=4,
        metavar="K",
        help="search_dates on every K-th document (1: all; default 4)",
    )
    parser.add_argument("--copies", type=int, default=10, help="corpus copies for scaling")
    parser.add_argument("--skip-scaling", action="store_true")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.dateparser_docs < 1 or args.copies < 1:
        parser.error("--repeat, --dateparser-docs and --copies must be positive")

    docs = read_corpus(args.corpus)
    frame = _frame(docs)
    chars = int(frame["text"].str.len().sum())
    print(f"corpus: {args.corpus} — {len(docs)} documents, {chars:,} characters")
    print(f"python {sys.version.split()[0]}, pandas {pd.__version__}, {os.cpu_count()} cores")
    from timeline.grammar import re2_rules

    engine = "RE2 (google-re2)" if re2_rules() is not None else "re, near anchors (no google-re2)"
    print(f"detection engine: {engine}")

    # warm-up: grammar, dateparser's data, and both code paths, on one document
    _extract(frame.iloc[:1])
    _search_dates([docs[0].text])

    # 1. timeline on one core, the whole corpus
    result = _extract(frame)
    seconds = _best(args.repeat, lambda: _extract(frame))
    cpu = _best(args.repeat, lambda: _extract(frame), time.process_time)
    ours, ours_cpu = chars / seconds, chars / cpu
    print(
        f"\ntimeline.extract_corpus(include='all', n_jobs=1): {len(result):,} rows, "
        f"{len(result.attrs['errors'])} errors"
    )
    print(f"  wall time {seconds:.2f} s  {ours:12,.0f} chars/s")
    print(f"  CPU time  {cpu:.2f} s  {ours_cpu:12,.0f} chars/s")
    print(
        f"  target >= {TARGET_CHARS:,} chars/s on one core: "
        f"CPU time {_met(ours_cpu >= TARGET_CHARS)}, wall time {_met(ours >= TARGET_CHARS)} "
        "(wall time counts what other tenants of a shared machine take)"
    )

    # 2. dateparser on a subset, timeline on the same subset
    subset = frame.iloc[:: args.dateparser_docs]
    texts = subset["text"].tolist()
    sub_chars = sum(len(t) for t in texts)
    theirs_s = _best(args.repeat, lambda: _search_dates(texts))
    ours_s = _best(args.repeat, lambda: _extract(subset))
    theirs, ours_sub = sub_chars / theirs_s, sub_chars / ours_s
    ratio = ours_sub / theirs
    label = "all documents" if args.dateparser_docs == 1 else f"every {args.dateparser_docs}th"
    print(
        f"\ndateparser.search_dates(text, languages=['en']) on a subset ({label}: "
        f"{len(texts)} documents, {sub_chars:,} characters):"
    )
    print(f"  search_dates {theirs_s:6.2f} s  {theirs:12,.0f} chars/s")
    print(f"  timeline     {ours_s:6.2f} s  {ours_sub:12,.0f} chars/s  (same subset)")
    print(f"  ratio {ratio:.1f}x; target >= {TARGET_RATIO:.0f}x: {_met(ratio >= TARGET_RATIO)}")

    # 3. profile
    profile(frame, detailed=args.profile)

    # 4. scaling
    if not args.skip_scaling:
        big = pd.concat([frame] * args.copies, ignore_index=True)
        big["id"] = [str(i) for i in range(len(big))]
        big_chars = chars * args.copies
        (one, _, others_one), (two, parent, others_two) = scaling(big, args.repeat)
        same = _extract(big, 2).equals(_extract(big, 1))
        speedup = one / two
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(
            f"\nscaling on {args.copies}x the corpus ({len(big):,} documents, "
            f"{big_chars:,} characters; pool start-up included; n_jobs=1 and n_jobs=2 runs "
            "interleaved, best of each):"
        )
        print(f"  n_jobs=1 {one:6.2f} s  {big_chars / one:12,.0f} chars/s")
        print(
            f"  n_jobs=2 {two:6.2f} s  {big_chars / two:12,.0f} chars/s; CPU time of the parent "
            f"process {parent:.2f} s (its share of the work: {parent / (parent + one):.1%})"
        )
        print(
            f"  speed-up {speedup:.2f}x; target >= {TARGET_SCALING}x: "
            f"{_met(speedup >= TARGET_SCALING)}; same rows: {same}"
            + ("" if (os.cpu_count() or 1) >= 2 else " (fewer than 2 cores here)")
        )
        print(
            f"  load average {load:.2f} on {os.cpu_count()} cores; other processes took "
            f"{others_one:.2f} cores during the n_jobs=1 run and {others_two:.2f} during the "
            "n_jobs=2 run (they lower the speed-up)"
        )

    # 5. import time
    import_time(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
