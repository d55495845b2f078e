"""TempEval-3 Task A (temporal expressions) scoring, as the official toolkit computes it.

The official TempEval-3 toolkit (``TE3-evaluation.py``) scores timexes in two steps, re-done
here on character offsets:

1. *Pairing* (its ``TimeML-Normalizer``): walking through the text, every timex, gold or
   system, is paired with the timex of the other annotation that is open where it starts
   (started at or before that point and not yet ended), provided that one is not paired yet;
   so a pair is two overlapping timexes, each timex is in at most one pair, and earlier
   timexes pair first. At equal starts the gold timex goes first.
2. *Counting* (its ``evaluate_entities.py``), micro-averaged over all documents; the DCT
   (``tid="t0"``, outside ``<TEXT>``) is not scored:

   * a pair is a *relaxed* match; a pair of identical spans is also a *strict* match;
   * precision = matches / system timexes, recall = matches / gold timexes, F1 their harmonic
     mean (0 when both are 0; 1 for no gold and no system timexes at all);
   * the *value* and *type* of a pair are compared as strings over the relaxed matches:
     ``value accuracy = correct values / relaxed matches`` and the reported **value F1 is
     value accuracy × relaxed F1** (likewise value P and R are accuracy × relaxed P and R,
     and type F1 is type accuracy × relaxed F1). Since relaxed F1 = 2·matches/(gold + system),
     value F1 = 2·correct values/(gold + system).

Worked example: 10 gold timexes, 8 system timexes, 6 of them overlapping a gold one, 4 of
those with the identical span, 3 of the 6 with the right value and 5 with the right type.
Strict P = 4/8 = 50.00, R = 4/10 = 40.00, F1 = 44.44; relaxed P = 6/8 = 75.00,
R = 6/10 = 60.00, F1 = 66.67; value accuracy = 3/6 = 50.00 and value F1 = 0.5 × 66.67 = 33.33
(= 2·3/18); type accuracy = 5/6 and type F1 = 55.56.

Differences from the toolkit, deliberate and small:

* pairing uses character overlap where the toolkit uses overlap of its (PTB) tokens; the two
  agree for spans on token boundaries (a tag inside a token marks the whole token there);
* overlapping system timexes are first resolved by :func:`timeline.timeml.resolve_overlaps`,
  as :func:`timeline.timeml.to_timeml` writes them (TimeML cannot nest TIMEX3 tags), and empty
  system spans are dropped (the toolkit would count them as unmatched system timexes);
* a quirk of the Normalizer is not copied: it keeps a gold timex "open" over the EVENT tokens
  right after it (only a plain token or a new TIMEX3 closes it), so a system timex *starting*
  on such an event word pairs with that gold timex without overlapping it. (It never happens
  with the dateparser baseline on TimeBank+AQUAINT.)

Other properties of the official scores, reproduced here: strict matching compares the texts of
paired timexes, i.e. their spans; values and types are compared verbatim (case and all);
gold timexes are scored as annotated, so MEANTIME's few nested ones (4, in one document)
cannot all be matched by a flat system, and gold-as-system scores 99.59 there.

Run ``python -m timeline.evaluate GOLD_DIR... [--system timeline|dateparser|gold]
[--errors N] [--out DIR]`` for the metrics table per corpus (one per GOLD_DIR) and in total.

Event attachment (``--events``) is measured on gold event–timex *pairs*: an EVENT and a TIMEX3
of the text joined by at least one TLINK, counted once per (event, timex) couple however many
links join them (several MAKEINSTANCEs of one event, links in both directions, the same link
twice), leaving out links to the DCT (not in the text) and pairs whose event and timex start
in different sentences (as :class:`timeline.context.Sentences` splits them, the splitter the
attacher uses); see :func:`event_timex_pairs`. For each pair, our timex overlapping the gold
timex is found (a relaxed match), and the pair is *covered* if that timex's event phrase spans
the gold event word and has at most :data:`MAX_EVENT_WORDS` words. The report gives the pairs,
those with a matched timex, the covered share (of all and of matched pairs), the length of
the phrases in words (once per matched timex), and the same for a naive baseline, the verb
nearest to the timex (:func:`nearest_verb_events`). It also reports how often the chunker's
part of speech of a gold event word agrees with the annotated one (:func:`tag_agreement`:
VERB as one of our verb tags, NOUN as our noun tag).

>>> doc = TimeMLDocument.from_tml('<TimeML><TEXT>Sales fell on <TIMEX3 tid="t1" type="TIME" '
...     'value="1998-01-05TMO">Monday morning</TIMEX3>.</TEXT></TimeML>')
>>> report = score_document(doc, pd.DataFrame({"char_start": [14], "char_end": [20],
...     "type": ["DATE"], "value": ["1998-01-05"]}))
>>> report.counts
Counts(gold=1, system=1, strict=0, relaxed=1, value=0, type=0)
>>> for e in report.errors:
...     print(e.kind, repr(e.gold_text), repr(e.system_text), e.gold_value, e.system_value)
wrong_extent 'Monday morning' 'Monday' 1998-01-05TMO 1998-01-05
wrong_value 'Monday morning' 'Monday' 1998-01-05TMO 1998-01-05
wrong_type 'Monday morning' 'Monday' 1998-01-05TMO 1998-01-05
"""

from __future__ import annotations

import argparse
import bisect
import importlib
import re
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import attrs
import pandas as pd

from timeline.records import DatedEvent, Timex
from timeline.timeml import (
    TimeMLDocument,
    _cell,
    read_corpus,
    resolve_overlaps,
    to_timeml,
)

if TYPE_CHECKING:
    from timeline.context import Sentences

__all__ = [
    "MAX_EVENT_WORDS",
    "Counts",
    "EventPair",
    "EventReport",
    "Report",
    "System",
    "TagAgreement",
    "TimexError",
    "error_classes",
    "evaluate",
    "evaluate_events",
    "event_attachers",
    "event_timex_pairs",
    "get_system",
    "metrics_table",
    "nearest_verb_events",
    "score_document",
    "score_events",
    "tag_agreement",
    "tally_errors",
    "value_pattern",
]

#: A system: ``system(text, dct)`` returns a DataFrame with columns
#: char_start, char_end, text, type, value, mod (offsets into ``text``).
System = Callable[[str, "str | None"], pd.DataFrame]

ErrorKind = Literal["missed", "spurious", "wrong_extent", "wrong_value", "wrong_type"]

CONTEXT_CHARS = 60


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@attrs.frozen
class Counts:
    """Timex counts; they add up over documents (micro-averaging)."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            *(a + b for a, b in zip(attrs.astuple(self), attrs.astuple(other), strict=True))
        )


@attrs.frozen
class TimexError:
    """One scoring error; a pair may give several (e.g. wrong extent and wrong value)."""

    kind: ErrorKind
    doc_id: str
    gold_start: int | None
    gold_end: int | None
    gold_text: str
    gold_type: str
    gold_value: str
    system_start: int | None
    system_end: int | None
    system_text: str
    system_type: str
    system_value: str
    context: str


@attrs.frozen
class Report:
    """Counts, TempEval-3 metrics (fractions in [0, 1]) and errors of a scored corpus."""

    counts: Counts
    errors: tuple[TimexError, ...] = ()
    doc_counts: Mapping[str, Counts] = attrs.field(factory=dict)
    name: str = ""

    @classmethod
    def combine(cls, reports: Iterable[Report], name: str = "") -> Report:
        """Micro-average reports by adding their counts."""
        reports = list(reports)
        counts = sum((r.counts for r in reports), Counts())
        doc_counts: dict[str, Counts] = {}
        for report in reports:
            doc_counts.update(report.doc_counts)
        errors = tuple(e for r in reports for e in r.errors)
        return cls(counts=counts, errors=errors, doc_counts=doc_counts, name=name)

    @property
    def n_docs(self) -> int:
        return len(self.doc_counts)

    @property
    def _empty(self) -> bool:
        return self.counts.gold == 0 and self.counts.system == 0

    @property
    def strict_precision(self) -> float:
        return _ratio(self.counts.strict, self.counts.system)

    @property
    def strict_recall(self) -> float:
        return _ratio(self.counts.strict, self.counts.gold)

    @property
    def strict_f1(self) -> float:
        return 1.0 if self._empty else _f1(self.strict_precision, self.strict_recall)

    @property
    def relaxed_precision(self) -> float:
        return _ratio(self.counts.relaxed, self.counts.system)

    @property
    def relaxed_recall(self) -> float:
        return _ratio(self.counts.relaxed, self.counts.gold)

    @property
    def relaxed_f1(self) -> float:
        return 1.0 if self._empty else _f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def value_accuracy(self) -> float:
        return _ratio(self.counts.value, self.counts.relaxed)

    @property
    def type_accuracy(self) -> float:
        return _ratio(self.counts.type, self.counts.relaxed)

    @property
    def value_precision(self) -> float:
        return self.value_accuracy * self.relaxed_precision

    @property
    def value_recall(self) -> float:
        return self.value_accuracy * self.relaxed_recall

    @property
    def value_f1(self) -> float:
        """Value accuracy × relaxed F1, the official "Attribute F1 / Value"."""
        return 1.0 if self._empty else self.value_accuracy * self.relaxed_f1

    @property
    def type_f1(self) -> float:
        """Type accuracy × relaxed F1, the official "Attribute F1 / Type"."""
        return 1.0 if self._empty else self.type_accuracy * self.relaxed_f1

    def metrics(self) -> dict[str, float]:
        """All metrics by name, as fractions."""
        names = [
            "strict_precision",
            "strict_recall",
            "strict_f1",
            "relaxed_precision",
            "relaxed_recall",
            "relaxed_f1",
            "value_precision",
            "value_recall",
            "value_f1",
            "type_f1",
            "value_accuracy",
            "type_accuracy",
        ]
        return {name: float(getattr(self, name)) for name in names}

    def summary(self) -> str:
        """The metrics in percent, laid out like the official toolkit's timex report."""
        c = self.counts
        title = f"{self.name}: " if self.name else ""

        def row(label: str, f1: float, p: float, r: float) -> str:
            return f"{label:<9}{100 * f1:>8.2f}{100 * p:>8.2f}{100 * r:>8.2f}"

        lines = [
            f"{title}{self.n_docs} documents, {c.gold} gold and {c.system} system timexes,"
            f" {c.relaxed} relaxed and {c.strict} strict matches",
            f"{'':<9}{'F1':>8}{'P':>8}{'R':>8}",
            row("strict", self.strict_f1, self.strict_precision, self.strict_recall),
            row("relaxed", self.relaxed_f1, self.relaxed_precision, self.relaxed_recall),
            row("value", self.value_f1, self.value_precision, self.value_recall),
            f"{'type':<9}{100 * self.type_f1:>8.2f}",
            f"value accuracy {100 * self.value_accuracy:.2f} ({c.value}/{c.relaxed}),"
            f" type accuracy {100 * self.type_accuracy:.2f} ({c.type}/{c.relaxed})",
        ]
        return "\n".join(lines)

    def errors_frame(self) -> pd.DataFrame:
        """The errors, one per row, with value patterns and a normalised surface form.

        ``gold_pattern``/``system_pattern`` are :func:`value_pattern` of the values;
        ``surface`` is the gold text (the system text for spurious timexes), lower-cased,
        with digits replaced by ``9``.
        """
        columns = [field.name for field in attrs.fields(TimexError)]
        frame: pd.DataFrame = pd.DataFrame([attrs.astuple(e) for e in self.errors], columns=columns)
        for column in ("gold_start", "gold_end", "system_start", "system_end"):
            frame[column] = frame[column].astype("Int64")
        frame["gold_pattern"] = [value_pattern(v) for v in frame["gold_value"]]
        frame["system_pattern"] = [value_pattern(v) for v in frame["system_value"]]
        frame["surface"] = [
            _surface(s if k == "spurious" else g)
            for k, g, s in zip(frame["kind"], frame["gold_text"], frame["system_text"], strict=True)
        ]
        return frame


def value_pattern(value: str) -> str:
    """A TIMEX3 value with its digits replaced by ``9``, to group values by shape.

    >>> value_pattern("1998-01-08"), value_pattern("P5Y"), value_pattern("PRESENT_REF")
    ('9999-99-99', 'P9Y', 'PRESENT_REF')
    """
    return re.sub(r"[0-9]", "9", value)


def _surface(text: str) -> str:
    return re.sub(r"[0-9]", "9", " ".join(text.lower().split()))


# --------------------------------------------------------------------------- scoring


@attrs.frozen
class _Timex:
    start: int
    end: int
    type: str
    value: str


def _pair(gold: Sequence[_Timex], system: Sequence[_Timex]) -> list[tuple[int, int]]:
    """Pairs (gold index, system index) as the TimeML-Normalizer pairs timexes.

    Timexes are visited by start (gold first at equal starts); each pairs with the timex of
    the other annotation open at its start (the latest started one, as the Normalizer's
    begin-inside tags keep only the latest open timex) if that one is not paired yet.
    """
    annotations = (gold, system)
    order = sorted(
        (
            (t.start, side, index)
            for side, ts in enumerate(annotations)
            for index, t in enumerate(ts)
        )
    )
    partner: tuple[dict[int, int], dict[int, int]] = ({}, {})
    visited: tuple[list[int], list[int]] = ([], [])
    for start, side, index in order:
        other = 1 - side
        open_ = [
            j
            for j in visited[other]
            if annotations[other][j].start <= start < annotations[other][j].end
        ]
        if open_:
            candidate = max(open_, key=lambda j: (annotations[other][j].start, j))
            if candidate not in partner[other]:
                partner[other][candidate] = index
                partner[side][index] = candidate
        visited[side].append(index)
    return sorted(partner[0].items())


def _system_timexes(frame: pd.DataFrame, text_length: int) -> list[_Timex]:
    missing = {"char_start", "char_end"} - set(frame.columns)
    if missing:
        raise ValueError(f"system output lacks the columns {sorted(missing)}")
    rows = resolve_overlaps(frame, text_length).to_dict("records")
    return [
        _Timex(
            int(r["char_start"]), int(r["char_end"]), _cell(r.get("type")), _cell(r.get("value"))
        )
        for r in rows
    ]


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - CONTEXT_CHARS) : start]
    right = text[end : end + CONTEXT_CHARS]
    return f"{left}[{text[start:end]}]{right}".replace("\n", " ")


def score_document(doc: TimeMLDocument, system_frame: pd.DataFrame) -> Report:
    """Score one document's system timexes against its gold timexes."""
    text = doc.text
    gold = [_Timex(t.char_start, t.char_end, t.type, t.value) for t in doc.timexes]
    system = _system_timexes(system_frame, len(text))
    if doc.annotated_end is not None:  # only part of the text was annotated: score that part
        system = [s for s in system if s.start < doc.annotated_end]
    pairs = _pair(gold, system)

    errors: list[TimexError] = []

    def error(kind: ErrorKind, g: _Timex | None, s: _Timex | None) -> None:
        spans = [t for t in (g, s) if t is not None]
        start, end = min(t.start for t in spans), max(t.end for t in spans)
        errors.append(
            TimexError(
                kind=kind,
                doc_id=doc.doc_id,
                gold_start=g.start if g else None,
                gold_end=g.end if g else None,
                gold_text=text[g.start : g.end] if g else "",
                gold_type=g.type if g else "",
                gold_value=g.value if g else "",
                system_start=s.start if s else None,
                system_end=s.end if s else None,
                system_text=text[s.start : s.end] if s else "",
                system_type=s.type if s else "",
                system_value=s.value if s else "",
                context=_context(text, start, end),
            )
        )

    strict = value = type_ = 0
    for gi, si in pairs:
        g, s = gold[gi], system[si]
        if (g.start, g.end) == (s.start, s.end):
            strict += 1
        else:
            error("wrong_extent", g, s)
        if g.value == s.value:
            value += 1
        else:
            error("wrong_value", g, s)
        if g.type == s.type:
            type_ += 1
        else:
            error("wrong_type", g, s)
    paired_gold = {gi for gi, _ in pairs}
    paired_system = {si for _, si in pairs}
    for gi, g in enumerate(gold):
        if gi not in paired_gold:
            error("missed", g, None)
    for si, s in enumerate(system):
        if si not in paired_system:
            error("spurious", None, s)
    errors.sort(key=lambda e: min(x for x in (e.gold_start, e.system_start) if x is not None))

    counts = Counts(len(gold), len(system), strict, len(pairs), value, type_)
    return Report(counts=counts, errors=tuple(errors), doc_counts={doc.doc_id: counts})


def evaluate(
    docs: Sequence[TimeMLDocument],
    system: System,
    *,
    name: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Run ``system(doc.text, doc.dct)`` on every document and score it (micro-averaged)."""
    reports = []
    for number, doc in enumerate(docs, start=1):
        reports.append(score_document(doc, system(doc.text, doc.dct)))
        if progress is not None:
            progress(number, len(docs))
    return Report.combine(reports, name=name)


# --------------------------------------------------------------------------- error analysis


def tally_errors(
    errors: pd.DataFrame | Report,
    by: str | Sequence[str],
    *,
    kind: str | Sequence[str] | None = None,
    top: int = 10,
) -> pd.DataFrame:
    """The ``top`` largest groups of errors (optionally of some kinds) by the given columns.

    Columns are those of :meth:`Report.errors_frame`, e.g. ``("gold_type", "gold_pattern")``
    or ``"surface"``.
    """
    frame = errors.errors_frame() if isinstance(errors, Report) else errors
    if kind is not None:
        kinds = [kind] if isinstance(kind, str) else list(kind)
        frame = frame[frame["kind"].isin(kinds)]
    columns = [by] if isinstance(by, str) else list(by)
    counts = frame.groupby(columns, dropna=False).size().rename("count").reset_index()
    top_counts: pd.DataFrame = (
        counts.sort_values("count", ascending=False, kind="stable").head(top).reset_index(drop=True)
    )
    return top_counts


def error_classes(errors: pd.DataFrame | Report, top: int = 10) -> dict[str, pd.DataFrame]:
    """The usual error tallies: what is missed, what is spurious, which values go wrong."""
    frame = errors.errors_frame() if isinstance(errors, Report) else errors
    return {
        "missed, by gold type and value pattern": tally_errors(
            frame, ["gold_type", "gold_pattern"], kind="missed", top=top
        ),
        "missed, by surface": tally_errors(frame, "surface", kind="missed", top=top),
        "spurious, by surface": tally_errors(frame, "surface", kind="spurious", top=top),
        "wrong value, by gold and system pattern": tally_errors(
            frame, ["gold_pattern", "system_pattern"], kind="wrong_value", top=top
        ),
        "wrong type, by gold and system type": tally_errors(
            frame, ["gold_type", "system_type"], kind="wrong_type", top=top
        ),
        "wrong extent, by surface": tally_errors(frame, "surface", kind="wrong_extent", top=top),
    }


def metrics_table(reports: Iterable[Report]) -> pd.DataFrame:
    """One row per report: counts and the main metrics in percent, rounded to 2 places."""
    rows = []
    for report in reports:
        c = report.counts
        rows.append(
            {
                "corpus": report.name,
                "docs": report.n_docs,
                "gold": c.gold,
                "system": c.system,
                "strict_F1": report.strict_f1,
                "strict_P": report.strict_precision,
                "strict_R": report.strict_recall,
                "relaxed_F1": report.relaxed_f1,
                "relaxed_P": report.relaxed_precision,
                "relaxed_R": report.relaxed_recall,
                "value_F1": report.value_f1,
                "type_F1": report.type_f1,
                "value_acc": report.value_accuracy,
                "type_acc": report.type_accuracy,
            }
        )
    table: pd.DataFrame = pd.DataFrame(rows)
    metric_columns = [c for c in table.columns if c.endswith(("_F1", "_P", "_R", "_acc"))]
    table[metric_columns] = (table[metric_columns] * 100).round(2)
    return table


# --------------------------------------------------------------------------- event attachment

#: An event attacher: ``attach(timexes, text, sentences)`` gives one DatedEvent per timex
#: (``timeline.events.attach`` and :func:`nearest_verb_events` have this signature).
EventAttacher = Callable[[Sequence[Timex], str, "Sentences"], list[DatedEvent]]

#: The longest event phrase, in words, that counts as covering a gold event.
MAX_EVENT_WORDS = 15

_PHRASE_WORD = re.compile(r"\S+")


@attrs.frozen
class EventPair:
    """A gold EVENT–TIMEX3 link within one sentence, and the event phrase we gave the timex.

    ``matched`` is whether one of our timexes overlaps the gold timex; ``event_start`` and
    ``event_end`` are the span of that timex's event phrase (``None`` when it has none).
    """

    doc_id: str
    gold_event: str
    gold_event_start: int
    gold_event_end: int
    gold_timex: str
    gold_timex_start: int
    gold_timex_end: int
    matched: bool = False
    event: str = ""
    event_start: int | None = None
    event_end: int | None = None
    sentence: str = ""

    @property
    def words(self) -> int:
        """Length of our event phrase in words (white-space separated)."""
        return len(_PHRASE_WORD.findall(self.event))

    @property
    def covered(self) -> bool:
        """Whether our event phrase spans the gold event, in at most ``MAX_EVENT_WORDS`` words."""
        return (
            self.event_start is not None
            and self.event_end is not None
            and self.event_start <= self.gold_event_start
            and self.gold_event_end <= self.event_end
            and self.words <= MAX_EVENT_WORDS
        )


@attrs.frozen
class EventReport:
    """Coverage of gold event–timex links by the event phrases of one attacher.

    ``phrase_words`` holds the length in words of the event phrase of every matched timex
    (once per timex, however many gold links it has); ``seconds`` is the CPU time the attacher
    took over the whole corpus.
    """

    pairs: tuple[EventPair, ...]
    phrase_words: tuple[int, ...] = ()
    seconds: float = 0.0
    timexes: int = 0
    name: str = ""

    @classmethod
    def combine(cls, reports: Iterable[EventReport], name: str = "") -> EventReport:
        """Pool the pairs, phrase lengths and times of several reports."""
        reports = list(reports)
        return cls(
            pairs=tuple(p for r in reports for p in r.pairs),
            phrase_words=tuple(n for r in reports for n in r.phrase_words),
            seconds=sum(r.seconds for r in reports),
            timexes=sum(r.timexes for r in reports),
            name=name,
        )

    @property
    def n_pairs(self) -> int:
        return len(self.pairs)

    @property
    def n_matched(self) -> int:
        return sum(p.matched for p in self.pairs)

    @property
    def n_covered(self) -> int:
        return sum(p.covered for p in self.pairs)

    @property
    def covered(self) -> float:
        """Covered pairs over all pairs."""
        return _ratio(self.n_covered, self.n_pairs)

    @property
    def covered_of_matched(self) -> float:
        """Covered pairs over the pairs whose timex we found."""
        return _ratio(self.n_covered, self.n_matched)

    def _quantile(self, q: float) -> float:
        if not self.phrase_words:
            return 0.0
        return float(pd.Series(self.phrase_words).quantile(q))

    @property
    def median_words(self) -> float:
        return self._quantile(0.5)

    @property
    def p90_words(self) -> float:
        return self._quantile(0.9)

    @property
    def share_short(self) -> float:
        """Share of the phrases with at most ``MAX_EVENT_WORDS`` words."""
        short = sum(n <= MAX_EVENT_WORDS for n in self.phrase_words)
        return _ratio(short, len(self.phrase_words))

    def summary(self) -> str:
        """The figures in one block of text."""
        title = f"{self.name}: " if self.name else ""
        return "\n".join(
            [
                f"{title}{self.n_pairs} gold event-timex pairs in one sentence,"
                f" {self.n_matched} with a matched timex"
                f" ({100 * _ratio(self.n_matched, self.n_pairs):.1f}%)",
                f"  covered (phrase <= {MAX_EVENT_WORDS} words): {self.n_covered},"
                f" {100 * self.covered:.1f}% of all pairs,"
                f" {100 * self.covered_of_matched:.1f}% of matched",
                f"  phrase length in words over {len(self.phrase_words)} matched timexes:"
                f" median {self.median_words:g}, p90 {self.p90_words:g},"
                f" <= {MAX_EVENT_WORDS} words {100 * self.share_short:.1f}%",
                f"  attach time {self.seconds:.3f} s CPU for {self.timexes} timexes",
            ]
        )


def event_timex_pairs(doc: TimeMLDocument, sentences: Sentences) -> list[EventPair]:
    """The gold event–timex pairs of ``doc`` whose two ends stand in one sentence.

    A pair is an EVENT and a TIMEX3 of the text joined by at least one TLINK, in either
    direction and of any relation type, the event reached through its MAKEINSTANCEs. Each
    (event, timex) couple counts once, whatever the number, direction or instances of its
    links; links to the DCT (``t0``, not in the text) and to anything not in the text are left
    out, and so are pairs whose event and timex start in different sentences of ``sentences``.
    """
    events = {e.eid: e for e in doc.events}
    timexes = {t.tid: t for t in doc.timexes}
    pairs: dict[tuple[str, str], EventPair] = {}
    for link in doc.tlinks:
        event = events.get(link.event_id or "")
        timex = timexes.get(link.timex_id or "")
        if event is None or timex is None or (event.eid, timex.tid) in pairs:
            continue
        if sentences.index(event.char_start) != sentences.index(timex.char_start):
            continue
        a, b = sentences.spans[sentences.index(timex.char_start)]
        pairs[(event.eid, timex.tid)] = EventPair(
            doc_id=doc.doc_id,
            gold_event=event.text,
            gold_event_start=event.char_start,
            gold_event_end=event.char_end,
            gold_timex=timex.text,
            gold_timex_start=timex.char_start,
            gold_timex_end=timex.char_end,
            sentence=doc.text[a:b],
        )
    return sorted(pairs.values(), key=lambda p: (p.gold_timex_start, p.gold_event_start))


def score_events(
    pairs: Sequence[EventPair], events: Sequence[DatedEvent], *, name: str = ""
) -> EventReport:
    """Fill in our event phrase for each gold pair: that of our timex overlapping its timex.

    Where several of our timexes overlap the gold one, the one with the largest overlap wins.
    """
    scored = []
    phrases: dict[int, int] = {}
    for pair in pairs:
        best: DatedEvent | None = None
        best_overlap = 0
        for e in events:
            overlap = min(e.timex.char_end, pair.gold_timex_end) - max(
                e.timex.char_start, pair.gold_timex_start
            )
            if overlap > best_overlap:
                best, best_overlap = e, overlap
        if best is None:
            scored.append(pair)
            continue
        found = attrs.evolve(
            pair,
            matched=True,
            event=best.event,
            event_start=best.event_start,
            event_end=best.event_end,
        )
        phrases[id(best)] = found.words
        scored.append(found)
    return EventReport(pairs=tuple(scored), phrase_words=tuple(phrases.values()), name=name)


@attrs.frozen
class TagAgreement:
    """How often the chunker's part of speech of a gold event word agrees with the gold one."""

    verbs: int = 0
    verbs_agreeing: int = 0
    nouns: int = 0
    nouns_agreeing: int = 0
    name: str = ""

    def summary(self) -> str:
        """One line: agreement on verbs, on nouns, and on both."""
        both = self.verbs_agreeing + self.nouns_agreeing
        return (
            f"{self.name}: chunker tags of gold event words agree on "
            f"{_ratio(self.verbs_agreeing, self.verbs):.1%} of {self.verbs} verbs, "
            f"{_ratio(self.nouns_agreeing, self.nouns):.1%} of {self.nouns} nouns, "
            f"{_ratio(both, self.verbs + self.nouns):.1%} in all"
        )


def tag_agreement(docs: Sequence[TimeMLDocument], *, name: str = "") -> TagAgreement:
    """The chunker's part of speech of each gold event word against its annotated ``pos``.

    Only events annotated VERB or NOUN count. A VERB agrees if we tag it a verb, an -ing form
    or an auxiliary; a NOUN if we tag it a noun (our noun tag also takes adjectives and names).
    Sentences are chunked without their timexes.

    >>> doc = TimeMLDocument.from_tml('<TimeML><TEXT>Analysts <EVENT eid="e1">say</EVENT> '
    ...     'the <EVENT eid="e2">talks</EVENT> failed.</TEXT>'
    ...     '<MAKEINSTANCE eiid="ei1" eventID="e1" pos="VERB"/>'
    ...     '<MAKEINSTANCE eiid="ei2" eventID="e2" pos="NOUN"/></TimeML>')
    >>> tag_agreement([doc])
    TagAgreement(verbs=1, verbs_agreeing=1, nouns=1, nouns_agreeing=1, name='')
    """
    from timeline.chunk import AUX, ING, NOUN, VERB, Chunk
    from timeline.context import Sentences

    verbs = verbs_agreeing = nouns = nouns_agreeing = 0
    for doc in docs:
        sentences = Sentences(doc.text)
        chunks: dict[tuple[int, int], Chunk] = {}
        for event in doc.events:
            if event.pos not in ("VERB", "NOUN"):
                continue
            a, b = sentences.block(event.char_start, event.char_end)
            chunk = chunks.get((a, b))
            if chunk is None:
                chunk = chunks[(a, b)] = Chunk(doc.text, a, b, ())
            k = bisect.bisect_right(chunk.starts, event.char_start) - 1
            if k < 0 or chunk.ends[k] <= event.char_start:
                continue  # not a word of ours (a mark)
            if event.pos == "VERB":
                verbs += 1
                verbs_agreeing += chunk.tags[k] in (VERB, ING, AUX)
            else:
                nouns += 1
                nouns_agreeing += chunk.tags[k] == NOUN
    return TagAgreement(verbs, verbs_agreeing, nouns, nouns_agreeing, name)


def nearest_verb_events(
    timexes: Sequence[Timex], text: str, sentences: Sentences
) -> list[DatedEvent]:
    """The naive baseline: the verb nearest to each timex in its sentence, as a one-word event.

    A verb is what :func:`timeline.events.is_verb` says out of context: a form in the verb
    lexicon, or a lower-case word in -ed. Ties go to the verb before the timex.

    >>> from timeline.context import Sentences
    >>> from timeline.records import Timex
    >>> text = "Shares fell sharply on Monday after the report."
    >>> t = Timex(23, 29, "Monday", "DATE", "1998-01-05")
    >>> [e.event for e in nearest_verb_events([t], text, Sentences(text))]
    ['fell']
    """
    from timeline.events import is_verb

    out = []
    for t in timexes:
        a, b = sentences.span(t.char_start, t.char_end)
        best: re.Match[str] | None = None
        best_distance = len(text) + 1
        for m in _BASELINE_WORD.finditer(text, a, b):
            if t.char_start <= m.start() < t.char_end or not is_verb(m.group()):
                continue
            distance = t.char_start - m.end() if m.end() <= t.char_start else m.start() - t.char_end
            if distance < best_distance:
                best, best_distance = m, distance
        sentence = text[a:b]
        if best is None:
            out.append(DatedEvent(t, sentence))
        else:
            out.append(DatedEvent(t, sentence, best.group(), best.start(), best.end()))
    return out


_BASELINE_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


def evaluate_events(
    docs: Sequence[TimeMLDocument],
    attachers: Mapping[str, EventAttacher],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, EventReport]:
    """Score each attacher on the gold event–timex links of ``docs``, on our own timexes.

    Timexes are detected and resolved once per document (against its DCT), and sentences
    found; then each attacher runs over the whole corpus in one go, timed in CPU seconds of
    this process (what the stage costs on one core, however busy the machine).
    """
    from timeline.article import parse_published
    from timeline.context import Sentences
    from timeline.detect import detect
    from timeline.resolve import resolve

    prepared = []
    for number, doc in enumerate(docs, start=1):
        text = doc.text
        sentences = Sentences(text)
        timexes = resolve(
            detect(text), text, reference=parse_published(doc.dct), sentences=sentences
        )
        prepared.append((text, timexes, sentences, event_timex_pairs(doc, sentences)))
        if progress is not None:
            progress(number, len(docs))
    reports = {}
    for name, attach in attachers.items():
        began = time.process_time()
        events = [attach(timexes, text, sentences) for text, timexes, sentences, _ in prepared]
        seconds = time.process_time() - began
        scored = [score_events(p[3], e) for p, e in zip(prepared, events, strict=True)]
        reports[name] = attrs.evolve(
            EventReport.combine(scored, name=name),
            seconds=seconds,
            timexes=sum(len(p[1]) for p in prepared),
        )
    return reports


def event_attachers() -> dict[str, EventAttacher]:
    """Ours (:func:`timeline.events.attach`) and the nearest-verb baseline."""
    from timeline.events import attach

    return {"timeline": attach, "nearest verb": nearest_verb_events}


# --------------------------------------------------------------------------- systems & CLI


def _timeline_system(text: str, dct: str | None) -> pd.DataFrame:
    # imported lazily: scoring must not need the detection core
    result: pd.DataFrame = importlib.import_module("timeline").timexes(text, published=dct)
    return result


def _gold_system(docs: Sequence[TimeMLDocument]) -> System:
    frames = {(doc.text, doc.dct): doc.timex_frame() for doc in docs}

    def system(text: str, dct: str | None) -> pd.DataFrame:
        return frames[(text, dct)]

    return system


def get_system(name: str, docs: Sequence[TimeMLDocument] = ()) -> System:
    """The system called ``name``: ``timeline``, ``dateparser`` or ``gold`` (needs ``docs``)."""
    if name == "timeline":
        return _timeline_system
    if name == "dateparser":
        from timeline.baseline import dateparser_timexes

        return dateparser_timexes
    if name == "gold":
        return _gold_system(docs)
    raise ValueError(f"unknown system {name!r}")


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


def _memoized(system: System) -> System:
    """The system with its outputs kept, so that ``--out`` does not run it twice."""
    outputs: dict[tuple[str, str | None], pd.DataFrame] = {}

    def memoized(text: str, dct: str | None) -> pd.DataFrame:
        if (text, dct) not in outputs:
            outputs[(text, dct)] = system(text, dct)
        return outputs[(text, dct)]

    return memoized


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
        system = _memoized(get_system(args.system, docs))

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


if __name__ == "__main__":
    sys.exit(main())
