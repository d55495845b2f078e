"""``python -m timeline.evaluate``: score a system on gold corpora, or measure event attachment.

::

    python -m timeline.evaluate GOLD_DIR... [--system timeline|dateparser|gold] [--errors N]
        [--out DIR] [--part all|study|check] [--no-dct]
    python -m timeline.evaluate GOLD_DIR... --events [--part all|study|check]
    python -m timeline.evaluate CROSSDOC_DIR... --merge [--similarity X] [--part all|study|check]

The first prints the TempEval-3 timex metrics per corpus (one per GOLD_DIR) and in total
(:mod:`timeline.evaluation.timex_scores`); the second the event-attachment measure of ours and
of the nearest-verb baseline (:mod:`timeline.evaluation.event_scores`); the third the figures of
the merged corpus timeline on MEANTIME's cross-document annotation
(:mod:`timeline.evaluation.merge_scores`). Progress goes to standard error.

``--part`` chooses the documents by the corpora's ``check_split.toml``
(:mod:`timeline.evaluation.split`): ``study`` (tune here), ``check`` (aggregate figures only),
or ``all`` (the default), which prints each corpus whole and, beside it, its check part
(``NAME [check]``). ``--no-dct`` withholds the document creation time from the system: a
history such as WikiWars places its dates against its own text and is scored that way.
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
from timeline.evaluation.merge_scores import add_merge_arguments, main_merge
from timeline.evaluation.split import CheckSplit, Part, find_split, select
from timeline.evaluation.systems import get_system, memoized
from timeline.evaluation.timex_scores import Report, System, error_classes, evaluate, metrics_table
from timeline.timeml import to_timeml

__all__ = ["main"]


_GENERIC = frozenset({"train", "test", "dev", "data", "corpus"})


def _unique_names(paths: Sequence[str]) -> list[str]:
    """A name for each corpus: its folder's (with its parent's where that alone says little,
    ``wikiwars_timeml/train``), made unique."""
    names: list[str] = []
    for path in paths:
        full = Path(path).resolve()
        base = full.name or "corpus"
        if base in _GENERIC and full.parent.name:
            base = f"{full.parent.name}/{base}"
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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m timeline.evaluate",
        description="TempEval-3 Task A timex scores of a system on gold TimeML/MEANTIME corpora.",
    )
    parser.add_argument("gold", nargs="+", metavar="GOLD_DIR", help="gold corpus dir or file")
    parser.add_argument("--system", default="timeline", choices=["timeline", "dateparser", "gold"])
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="print the N largest error classes (of the study part where a split is known: the "
        "check part's single errors are not to be read)",
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
    add_merge_arguments(parser)
    parser.add_argument(
        "--part",
        default="all",
        choices=["all", "study", "check"],
        help="the documents to score, by check_split.toml: all (default; the check part's "
        "figures are printed beside each corpus), the study part, or the check part",
    )
    parser.add_argument(
        "--split",
        type=Path,
        metavar="FILE",
        help="the check_split.toml to use (default: the one found above each GOLD_DIR)",
    )
    parser.add_argument(
        "--no-dct",
        action="store_true",
        help="give the system no document creation time (histories such as WikiWars)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: score a system on gold corpora and print the TempEval-3 timex metrics."""
    args = _parser().parse_args(argv)
    if args.merge:
        return main_merge(args.gold, args.part, args.split, args.similarity)
    if args.errors and args.part == "check":
        raise SystemExit("--errors with --part check: read only the check part's aggregate figures")
    corpora = [
        _Corpus.read(name, path, args.part, args.split, no_dct=args.no_dct)
        for name, path in zip(_unique_names(args.gold), args.gold, strict=True)
    ]
    if args.events:
        return _main_events(corpora)
    return _main_timexes(args, corpora)


def _main_timexes(args: argparse.Namespace, corpora: Sequence[_Corpus]) -> int:
    """The timex scores of every corpus (and its check part), their total, the error classes."""
    reports: list[Report] = []
    studied: list[Report] = []  # what --errors may show: no check document
    for corpus in corpora:
        system = memoized(get_system(args.system, corpus.docs))

        def progress(done: int, total: int, name: str = corpus.name) -> None:
            if done % 25 == 0 or done == total:
                print(f"{name}: {done}/{total} documents", file=sys.stderr)

        reports.append(evaluate(corpus.docs, system, name=corpus.name, progress=progress))
        if corpus.check is not None:
            reports.append(evaluate(corpus.check, system, name=f"{corpus.name} [check]"))
            study = [d for d in corpus.docs if d not in corpus.check]
            studied.append(evaluate(study, system, name=f"{corpus.name} [study]"))
        else:
            studied.append(reports[-1])
        if args.out is not None:
            _write_timeml(args.out, corpus.name, corpus.docs, system)
    whole = [r for r in reports if not r.name.endswith("[check]")]
    checks = [r for r in reports if r.name.endswith("[check]")]
    total = Report.combine(whole, name="total")
    rows = [*reports, total] if len(whole) > 1 else reports
    if len(checks) > 1:
        rows.append(Report.combine(checks, name="total [check]"))
    table = metrics_table(rows)
    with pd.option_context("display.width", 200, "display.max_columns", 30):
        print(f"TempEval-3 Task A timex scores of system {args.system!r} (percent)")
        print(table.to_string(index=False))
        if args.errors > 0:
            print(f"\nError classes of {', '.join(r.name for r in studied)}")
            read = Report.combine(studied, name="studied")
            for title, tally in error_classes(read, top=args.errors).items():
                print(f"\n{title}:")
                print(tally.to_string(index=False) if not tally.empty else "  (none)")
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        total.errors_frame().to_csv(args.out / "errors.csv", index=False)
        table.to_csv(args.out / "metrics.csv", index=False)
    return 0


@attrs.frozen
class _Corpus:
    """A gold corpus as scored: its documents, and its check part when they are all of them."""

    name: str
    docs: list[TimeMLDocument]
    check: list[TimeMLDocument] | None

    @classmethod
    def read(
        cls, name: str, path: str, part: Part, split_file: Path | None, *, no_dct: bool
    ) -> _Corpus:
        docs = read_corpus(path)
        if no_dct:
            docs = [attrs.evolve(doc, dct=None) for doc in docs]
        split_file = split_file or find_split(path)
        if split_file is None:
            if part != "all":
                raise SystemExit(f"--part {part}: no check_split.toml above {path} (--split FILE)")
            return cls(name, docs, None)
        split = CheckSplit.from_path(split_file)
        if part != "all":
            return cls(f"{name} [{part}]", select(docs, split, part), None)
        in_split = all(doc.source and split.part_of(Path(doc.source).resolve()) for doc in docs)
        return cls(name, docs, select(docs, split, "check") if in_split else None)


def _main_events(corpora: Sequence[_Corpus]) -> int:
    """``--events``: the event-attachment measure of ours and of the baseline, per corpus."""
    totals: dict[str, list[EventReport]] = {}
    tags: list[TagAgreement] = []
    for corpus in corpora:

        def progress(done: int, total: int, name: str = corpus.name) -> None:
            if done % 50 == 0 or done == total:
                print(f"{name}: {done}/{total} documents", file=sys.stderr)

        parts = [(corpus.name, corpus.docs)]
        if corpus.check is not None:
            parts.append((f"{corpus.name} [check]", corpus.check))
        for name, docs in parts:
            by_system = evaluate_events(docs, event_attachers(), progress=progress)
            for system, report in by_system.items():
                totals.setdefault(system, []).append(attrs.evolve(report, name=f"{name}, {system}"))
            tags.append(tag_agreement(docs, name=name))
    print("Event attachment: gold EVENT-TIMEX3 links within a sentence, on our own timexes")
    for system, reports in totals.items():
        for report in reports:
            print(report.summary())
        whole = [r for r in reports if "[check]" not in r.name]
        if len(whole) > 1:
            print(EventReport.combine(whole, name=f"total, {system}").summary())
    for tag in tags:
        print(tag.summary())
    return 0
