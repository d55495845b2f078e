"""``python -m timeline.evaluate``: score a system on gold corpora, or measure event attachment.

::

    python -m timeline.evaluate GOLD_DIR... [--system timeline|dateparser|gold] [--errors N]
        [--out DIR]
    python -m timeline.evaluate GOLD_DIR... --events

The first prints the TempEval-3 timex metrics per corpus (one per GOLD_DIR) and in total
(:mod:`timeline.evaluation.timex_scores`); the second the event-attachment measure of ours and
of the nearest-verb baseline (:mod:`timeline.evaluation.event_scores`). Progress goes to
standard error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import attrs
import pandas as pd

from timeline.evaluation.event_scores import (
    EventReport,
    TagAgreement,
    evaluate_events,
    event_attachers,
    tag_agreement,
)
from timeline.evaluation.gold import TimeMLDocument, read_corpus
from timeline.evaluation.systems import get_system, memoized
from timeline.evaluation.timex_scores import Report, System, error_classes, evaluate, metrics_table
from timeline.timeml import to_timeml

__all__ = ["main"]


def _unique_names(paths: Sequence[str]) -> list[str]:
    names: list[str] = []
    for path in paths:
        base = Path(path).resolve().name or "corpus"
        name, n = base, 2
        while name in names:
            name, n = f"{base}-{n}", n + 1
        names.append(name)
    return names


def _write_timeml(out: Path, name: str, docs: Sequence[TimeMLDocument], system: System) -> None:
    for doc in docs:
        file_name = (Path(doc.source).stem if doc.source else doc.doc_id) + ".tml"
        for folder, frame in (("gold", doc.timex_frame()), ("system", system(doc.text, doc.dct))):
            target = out / name / folder / file_name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(to_timeml(doc, frame), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: score a system on gold corpora and print the TempEval-3 timex metrics."""
    parser = argparse.ArgumentParser(
        prog="python -m timeline.evaluate",
        description="TempEval-3 Task A timex scores of a system on gold TimeML/MEANTIME corpora.",
    )
    parser.add_argument("gold", nargs="+", metavar="GOLD_DIR", help="gold corpus dir or file")
    parser.add_argument("--system", default="timeline", choices=["timeline", "dateparser", "gold"])
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="print the N largest error classes"
    )
    parser.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="write DIR/<corpus>/{gold,system}/*.tml (for TE3-evaluation.py), errors.csv, "
        "metrics.csv",
    )
    parser.add_argument(
        "--events",
        action="store_true",
        help="instead of the timex scores, measure event attachment: the share of gold "
        "EVENT-TIMEX3 links within a sentence whose event our timex's event phrase covers, "
        "against the nearest-verb baseline",
    )
    args = parser.parse_args(argv)
    if args.events:
        return _main_events(args.gold)

    reports: list[Report] = []
    for name, path in zip(_unique_names(args.gold), args.gold, strict=True):
        docs = read_corpus(path)
        system = memoized(get_system(args.system, docs))

        def progress(done: int, total: int, name: str = name) -> None:
            if done % 25 == 0 or done == total:
                print(f"{name}: {done}/{total} documents", file=sys.stderr)

        reports.append(evaluate(docs, system, name=name, progress=progress))
        if args.out is not None:
            _write_timeml(args.out, name, docs, system)
    total = Report.combine(reports, name="total")
    table = metrics_table([*reports, total] if len(reports) > 1 else reports)

    with pd.option_context("display.width", 200, "display.max_columns", 30):
        print(f"TempEval-3 Task A timex scores of system {args.system!r} (percent)")
        print(table.to_string(index=False))
        if args.errors > 0:
            for title, tally in error_classes(total, top=args.errors).items():
                print(f"\n{title}:")
                print(tally.to_string(index=False) if not tally.empty else "  (none)")
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        total.errors_frame().to_csv(args.out / "errors.csv", index=False)
        table.to_csv(args.out / "metrics.csv", index=False)
    return 0


def _main_events(paths: Sequence[str]) -> int:
    """``--events``: the event-attachment measure of ours and of the baseline, per corpus."""
    totals: dict[str, list[EventReport]] = {}
    tags: list[TagAgreement] = []
    for name, path in zip(_unique_names(paths), paths, strict=True):
        docs = read_corpus(path)

        def progress(done: int, total: int, name: str = name) -> None:
            if done % 50 == 0 or done == total:
                print(f"{name}: {done}/{total} documents", file=sys.stderr)

        for system, report in evaluate_events(docs, event_attachers(), progress=progress).items():
            totals.setdefault(system, []).append(attrs.evolve(report, name=f"{name}, {system}"))
        tags.append(tag_agreement(docs, name=name))
    print("Event attachment: gold EVENT-TIMEX3 links within a sentence, on our own timexes")
    for system, reports in totals.items():
        for report in reports:
            print(report.summary())
        if len(reports) > 1:
            print(EventReport.combine(reports, name=f"total, {system}").summary())
    for tag in tags:
        print(tag.summary())
    return 0
