"""Ablation of event attachment: what each rule and pass of the cascade gains, corpus by corpus.

Each rule of ``timeline.events.attach.RULES``, each pass of ``PASSES``, each rule of
``timeline.events.clause.CLAUSE_RULES``, each step of ``ON_THROUGH_DATE`` and the steps of
``in_its_clause`` are switched off in turn (the tuples monkeypatched, a step replaced by one
that finds nothing or changes nothing), and the gold event-timex pairs covered are counted on
four parts: TBAQ study, TBAQ check, MEANTIME study and MEANTIME check (by the corpora's
``check_split.toml``). A rule's *gain* on a part is the pairs covered with it less those
covered without it (the next rule of the cascade trying in its place). Only aggregate counts
are printed: no single pair, so the check parts stay unread.

The verdict column says whether a rule earns its place by the rule of issue 15: it gains on
both check parts (``keep``), or loses on neither check part and gains on both study parts
(``keep``); a rule that loses on a check part is ``drop?``; one that gains on neither check
part nor on both study parts is ``weak`` (``never acts on MEANTIME`` if it changes no phrase
there). Last, the rules not kept are switched off together, to show what they gain as a
whole where one alone is below what 109 check pairs can tell::

    python benchmarks/event_ablation.py                 # the table
    python benchmarks/event_ablation.py --only PASSES   # the ablations whose name holds PASSES

Timexes are detected and resolved once per document (against its DCT, as ``python -m
timeline.evaluate --events`` does); attaching events over all four parts takes well under a
second, so the whole table takes a few seconds past that.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

from timeline.article import parse_published
from timeline.context import Sentences
from timeline.detect import detect
from timeline.evaluation.event_scores import EventPair, EventReport, event_timex_pairs, score_events
from timeline.evaluation.gold import read_corpus
from timeline.evaluation.split import CheckSplit, find_split, select
from timeline.events import before_date, clause
from timeline.resolve import resolve

# the module, not the function timeline.events.attach that the package exports
attach_module = importlib.import_module("timeline.events.attach")

CORPORA = Path("/work/shared/corpora")
TBAQ = "tempeval3/TBAQ-cleaned"
MEANTIME = "meantime_english"
PARTS = ("TBAQ study", "TBAQ check", "MEANTIME study", "MEANTIME check")


@attrs.frozen
class Prepared:
    """One document ready for attaching: its text, timexes, sentences and gold pairs."""

    text: str
    timexes: tuple[Any, ...]
    sentences: Sentences
    pairs: tuple[EventPair, ...]


def prepare(root: Path) -> dict[str, list[Prepared]]:
    """The four parts, each a list of prepared documents."""
    out: dict[str, list[Prepared]] = {}
    for short, folder in (("TBAQ", TBAQ), ("MEANTIME", MEANTIME)):
        docs = read_corpus(str(root / folder))
        split_file = find_split(root / folder)
        if split_file is None:
            raise SystemExit(f"no check_split.toml above {root / folder}")
        split = CheckSplit.from_path(split_file)
        for part in ("study", "check"):
            prepared = []
            for doc in select(docs, split, part):
                sentences = Sentences(doc.text)
                reference = parse_published(doc.dct)
                timexes = resolve(
                    detect(doc.text), doc.text, reference=reference, sentences=sentences
                )
                pairs = event_timex_pairs(doc, sentences)
                prepared.append(Prepared(doc.text, tuple(timexes), sentences, tuple(pairs)))
            out[f"{short} {part}"] = prepared
    return out


@attrs.frozen
class Outcome:
    """What attaching gave on one part: the pairs covered (by their index), the phrase of each
    timex (by its index), the number of pairs, the median phrase length in words (of matched
    timexes, as ``--events`` reports it) and the words of all phrases."""

    covered: frozenset[int]
    phrases: tuple[tuple[int | None, int | None], ...]
    pairs: int
    median: float
    words: int


def measure(parts: dict[str, list[Prepared]]) -> dict[str, Outcome]:
    """What attaching gives on each part."""
    out = {}
    for name, docs in parts.items():
        reports, words = [], 0
        phrases: list[tuple[int | None, int | None]] = []
        for d in docs:
            events = attach_module.attach(d.timexes, d.text, d.sentences)
            phrases.extend((e.event_start, e.event_end) for e in events)
            words += sum(len(e.event.split()) for e in events if e.event)
            reports.append(score_events(d.pairs, events))
        report = EventReport.combine(reports)
        covered = frozenset(k for k, pair in enumerate(report.pairs) if pair.covered)
        out[name] = Outcome(covered, tuple(phrases), report.n_pairs, report.median_words, words)
    return out


# ------------------------------------------------------------------ ablations


def _nothing(*args: object) -> None:
    return None


def _unchanged(c: object, found: object, *args: object) -> object:
    return found


@attrs.frozen
class Ablation:
    """A rule switched off while it is measured: the step ``item`` left out of the tuple
    ``module.name``, or ``module.name`` replaced by ``by``. Several apply together, each
    leaving out its own step."""

    label: str
    module: Any
    name: str
    item: Callable[..., Any] | None = None
    by: Callable[..., Any] | None = None

    @contextlib.contextmanager
    def applied(self) -> Iterator[None]:
        old = getattr(self.module, self.name)
        new = self.by if self.item is None else tuple(x for x in old if x is not self.item)
        setattr(self.module, self.name, new)
        try:
            yield
        finally:
            setattr(self.module, self.name, old)


def ablations() -> list[Ablation]:
    """Each rule, pass and step of the cascade switched off, one at a time."""
    out = []
    for module, name in (
        (attach_module, "RULES"),
        (clause, "CLAUSE_RULES"),
        (attach_module, "PASSES"),
        (before_date, "ON_THROUGH_DATE"),
    ):
        steps: tuple[Callable[..., Any], ...] = getattr(module, name)
        for item in steps:
            out.append(Ablation(f"{name}: {item.__name__}", module, name, item=item))
    # the steps of in_its_clause (rules 3 to 7), each found by its name in timeline.events.clause
    for step, by in (
        ("clause_after_and", _nothing),
        ("on_through_coordinated_verb", _unchanged),
        ("on_to_listed_clauses", _unchanged),
        ("event_noun_before_date", _nothing),
    ):
        out.append(Ablation(f"in_its_clause: {step}", clause, step, by=by))
    # the last step, which keeps a phrase within LONGEST words
    out.append(Ablation("last: within_longest", attach_module, "within_longest", by=_unchanged))
    return out


def verdict(gain: dict[str, int], changed: dict[str, int]) -> str:
    """Whether a rule earns its place (see the module's docstring)."""
    checks = (gain["TBAQ check"], gain["MEANTIME check"])
    studies = (gain["TBAQ study"], gain["MEANTIME study"])
    if min(checks) < 0:
        return "drop?"
    if min(checks) > 0 or min(studies) > 0:
        return "keep"
    if not changed["MEANTIME study"] and not changed["MEANTIME check"]:
        return "weak (never acts on MEANTIME)"
    return "weak"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="the corpora folder")
    parser.add_argument("--only", default="", help="only the ablations whose name holds this")
    args = parser.parse_args(argv)
    print("preparing the four parts (detect and resolve) ...", file=sys.stderr)
    parts = prepare(args.corpora)
    base = measure(parts)
    width = max(len(p) for p in PARTS)
    print("covered pairs with every rule on:")
    for name in PARTS:
        got = base[name]
        print(
            f"  {name:<{width}}  {len(got.covered):5d} of {got.pairs:5d}"
            f"  {100 * len(got.covered) / got.pairs:5.1f}%  median {got.median:g} words"
        )
    print(
        "\ngain of each rule: pairs covered with it less pairs covered without it"
        "\n(won/lost: pairs covered only with it / only without it; changed: phrases it changes;"
        "\n words: the words it adds to all phrases of the four parts, per phrase changed)"
    )
    head = "  ".join(f"{p:>22}" for p in PARTS)
    rows = [ablation for ablation in ablations() if args.only in ablation.label]
    label_width = max((len(ablation.label) for ablation in rows), default=4)
    print(f"{'rule':<{label_width}}  {head}  {'words':>6}  verdict")
    not_kept: list[Ablation] = []
    for ablation in rows:
        with ablation.applied():
            without = measure(parts)
        gain, changed, cells = {}, {}, []
        for p in PARTS:
            won = len(base[p].covered - without[p].covered)
            lost = len(without[p].covered - base[p].covered)
            gain[p] = won - lost
            changed[p] = sum(
                a != b for a, b in zip(base[p].phrases, without[p].phrases, strict=True)
            )
            cells.append(f"{gain[p]:+4d} ({won:2d}/{lost:2d}) {changed[p]:4d}ch")
        added = sum(base[p].words - without[p].words for p in PARTS)
        per = added / max(1, sum(changed.values()))
        judged = verdict(gain, changed)
        if judged != "keep":
            not_kept.append(ablation)
        print(
            f"{ablation.label:<{label_width}}  " + "  ".join(f"{x:>22}" for x in cells),
            f"{per:+6.1f}  {judged}",
        )
    if not_kept and not args.only:
        with contextlib.ExitStack() as stack:
            for ablation in not_kept:
                stack.enter_context(ablation.applied())
            without = measure(parts)
        cells = [f"{len(base[p].covered) - len(without[p].covered):+d}" for p in PARTS]
        print(
            f"\nthe {len(not_kept)} rules not kept by the verdict, as a whole (pairs covered with"
            " them less without them): "
            + ", ".join(f"{p} {x}" for p, x in zip(PARTS, cells, strict=True))
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
