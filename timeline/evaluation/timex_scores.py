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
[--errors N] [--out DIR]`` for the metrics table per corpus (one per GOLD_DIR) and in total
(:mod:`timeline.evaluation.cli`).

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

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Literal

import attrs
import pandas as pd

from timeline.evaluation.gold import TimeMLDocument
from timeline.evaluation.measures import f1, ratio
from timeline.timeml import cell_text, resolve_overlaps

__all__ = [
    "CONTEXT_CHARS",
    "Counts",
    "ErrorKind",
    "Report",
    "System",
    "TimexError",
    "error_classes",
    "evaluate",
    "metrics_table",
    "score_document",
    "tally_errors",
    "value_pattern",
]

#: A system: ``system(text, dct)`` returns a DataFrame with columns
#: char_start, char_end, text, type, value, mod (offsets into ``text``).
System = Callable[[str, "str | None"], pd.DataFrame]

ErrorKind = Literal["missed", "spurious", "wrong_extent", "wrong_value", "wrong_type"]

CONTEXT_CHARS = 60


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
        return ratio(self.counts.strict, self.counts.system)

    @property
    def strict_recall(self) -> float:
        return ratio(self.counts.strict, self.counts.gold)

    @property
    def strict_f1(self) -> float:
        return 1.0 if self._empty else f1(self.strict_precision, self.strict_recall)

    @property
    def relaxed_precision(self) -> float:
        return ratio(self.counts.relaxed, self.counts.system)

    @property
    def relaxed_recall(self) -> float:
        return ratio(self.counts.relaxed, self.counts.gold)

    @property
    def relaxed_f1(self) -> float:
        return 1.0 if self._empty else f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def value_accuracy(self) -> float:
        return ratio(self.counts.value, self.counts.relaxed)

    @property
    def type_accuracy(self) -> float:
        return ratio(self.counts.type, self.counts.relaxed)

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
            int(r["char_start"]),
            int(r["char_end"]),
            cell_text(r.get("type")),
            cell_text(r.get("value")),
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
