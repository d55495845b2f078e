"""How well a merged corpus timeline joins the mentions of one happening, on MEANTIME.

The gold is MEANTIME's cross-document annotation (:mod:`~timeline.evaluation.read_crossdoc`):
every event mention of a topic's articles refers to an instance, and the instances have a time
anchor. Each topic's articles are extracted (:func:`timeline.extract`, with their DCT; the
command line measures both the rows of dated sentences and, with ``undated="published"``, the
events of sentences without a date too) and the rows merged (:func:`timeline.merge` or another
*merger*). A row *tells of* an instance when its
event phrase spans a mention of it (``event_start <= mention start``, ``mention end <=
event_end``), and tells of it *at its date* when its interval also overlaps the instance's
anchor (a year, a month or a day).

Two figures, as issue 16 asks:

- **joined**: of the instances two or more articles mention that have a calendar date (an
  anchor with a known year), the share that one merged row, at the anchor, holds the rows of
  *every* article whose rows tell of it at its date. Only instances that two or more articles'
  rows tell of at their date can be joined at all (*reachable*): the share is given of those
  (what merging does) and of all (what extraction and merging do together);
- **mixed**: of the merged rows that hold two rows the gold can compare, the share that hold
  two rows telling of no common instance (mentions of different happenings joined). Two rows
  of one article are compared by the article's own coreference (every event mention of its
  annotated sentences refers to an event of the article), two rows of two articles by the
  cross-document instances alone (MEANTIME gives them to about half of the events: another
  article's event without one may still be the same happening). Rows that tell of no
  annotated event (MEANTIME annotates the first five or six sentences of each article) are
  not judged.

>>> report = MergeReport("t", events=(
...     EventOutcome("i1", "launch", "2010-06-07", 3, 2, True),
...     EventOutcome("i2", "sale", "2010-06-24", 2, 1, False)),
...     rows=(RowOutcome("24 Jun 2010 · sale", 2, False),))
>>> report.n_reachable, report.joined, report.joined_of_all, report.mixed
(1, 1.0, 0.5, 0.0)
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pandas as pd

from timeline.evaluation.measures import ratio
from timeline.evaluation.read_crossdoc import LOCAL, CrossDocTopic, anchor_interval
from timeline.undated import Undated

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = [
    "EventOutcome",
    "MergeReport",
    "Merger",
    "RowOutcome",
    "add_merge_arguments",
    "check_names",
    "dating_table",
    "extract_topic",
    "main_merge",
    "merge_table",
    "score_merge",
    "split_topics",
]

#: A merger: a timeline frame of many documents in, a merged frame out (with ``offsets``).
Merger = Callable[[pd.DataFrame], pd.DataFrame]
_RowKey = tuple[str, int, int]  # doc_id, char_start, char_end


@attrs.frozen
class EventOutcome:
    """An instance two or more articles mention, with a calendar date: how many articles
    mention it, how many have rows telling of it at its date, and whether one merged row at
    its date holds them all."""

    instance_id: str
    name: str
    anchor: str
    documents: int
    dated_documents: int
    joined: bool

    @property
    def reachable(self) -> bool:
        """Whether two or more articles' rows tell of it at its date."""
        return self.dated_documents >= 2


@attrs.frozen
class RowOutcome:
    """A merged row holding two rows the gold can compare (:func:`_verdict`): how many such
    pairs, and whether one of them tells of two happenings."""

    label: str
    judged: int
    mixed: bool


@attrs.frozen
class MergeReport:
    """The figures of a merger on some topics (see the module docstring)."""

    name: str
    events: tuple[EventOutcome, ...]
    rows: tuple[RowOutcome, ...]
    rows_merged: int = 0
    rows_in: int = 0
    #: For each ``dated_by`` of the rows: how many (row, event) pairs there are of a row that
    #: tells of an event with a calendar date, and in how many the row's interval overlaps it.
    dating: tuple[tuple[str, int, int], ...] = ()

    @classmethod
    def combine(cls, reports: Iterable[MergeReport], name: str) -> MergeReport:
        """One report of several."""
        reports = list(reports)
        return cls(
            name,
            tuple(e for r in reports for e in r.events),
            tuple(r for rep in reports for r in rep.rows),
            sum(r.rows_merged for r in reports),
            sum(r.rows_in for r in reports),
            _add_dating(r.dating for r in reports),
        )

    @property
    def n_reachable(self) -> int:
        """Instances two or more articles' rows tell of at their date."""
        return sum(e.reachable for e in self.events)

    @property
    def n_joined(self) -> int:
        """Reachable instances one merged row at their date holds."""
        return sum(e.joined for e in self.events if e.reachable)

    @property
    def joined(self) -> float:
        """The share of reachable instances joined."""
        return ratio(self.n_joined, self.n_reachable)

    @property
    def joined_of_all(self) -> float:
        """The share of all the instances (of two or more articles, with a date) joined."""
        return ratio(self.n_joined, len(self.events))

    @property
    def n_mixed(self) -> int:
        """Judged merged rows that join mentions of different happenings."""
        return sum(r.mixed for r in self.rows)

    @property
    def mixed(self) -> float:
        """The share of judged merged rows that are mixed."""
        return ratio(self.n_mixed, len(self.rows))

    def summary(self) -> str:
        """One line of figures."""
        return (
            f"{self.name}: joined {self.n_joined}/{self.n_reachable} reachable = "
            f"{100 * self.joined:.1f}% ({100 * self.joined_of_all:.1f}% of all "
            f"{len(self.events)} multi-article dated events); mixed {self.n_mixed}/"
            f"{len(self.rows)} judged merged rows = {100 * self.mixed:.1f}%; "
            f"{self.rows_in} rows -> {self.rows_merged}"
        )


def extract_topic(topic: CrossDocTopic, *, undated: Undated = "skip") -> pd.DataFrame:
    """The timeline rows of a topic's articles, each extracted against its DCT (with the
    events of sentences without a date when ``undated`` is "published")."""
    import timeline

    frames = [
        timeline.extract(d.text, published=d.dct, doc_id=d.doc_id, undated=undated)
        for d in topic.documents
    ]
    return pd.concat(frames, ignore_index=True) if frames else timeline.empty_frame()


def _tells_of(topic: CrossDocTopic, rows: pd.DataFrame) -> dict[_RowKey, set[str]]:
    """Each row (by its key) → the instances whose mentions its event phrase spans."""
    spans: dict[str, list[tuple[int, int, _RowKey]]] = defaultdict(list)
    for doc, start, end, e_start, e_end in rows[
        ["doc_id", "char_start", "char_end", "event_start", "event_end"]
    ].itertuples(index=False):
        if not pd.isna(e_start) and not pd.isna(e_end):
            spans[str(doc)].append((int(e_start), int(e_end), (str(doc), int(start), int(end))))
    told: dict[_RowKey, set[str]] = defaultdict(set)
    for instance in topic.instances:
        for m in instance.mentions:
            for lo, hi, key in spans.get(m.doc_id, ()):
                if lo <= m.char_start and m.char_end <= hi:
                    told[key].add(instance.instance_id)
    return told


def _members(merged: pd.DataFrame) -> list[list[_RowKey]]:
    """The keys of the rows each merged row holds (its ``offsets``; itself without them)."""
    if "offsets" in merged.columns:
        return [[(str(d), int(s), int(e)) for d, s, e in offsets] for offsets in merged["offsets"]]
    keys = merged[["doc_id", "char_start", "char_end"]].itertuples(index=False)
    return [[(str(d), int(s), int(e))] for d, s, e in keys]


def _overlaps(start: Any, end: Any, anchor: str) -> bool:
    interval = anchor_interval(anchor)
    if interval is None or pd.isna(start) or pd.isna(end):
        return False
    lo, hi = (np.datetime64(x, "s") for x in interval)
    return bool(np.datetime64(start, "s") < hi and lo < np.datetime64(end, "s"))


def _verdict(a: _RowKey, b: _RowKey, told_a: set[str], told_b: set[str]) -> bool | None:
    """Whether two rows tell of a common happening (None: the gold cannot say). Rows of one
    document are compared by all their instances (its coreference is complete), rows of two
    documents by those the cross-document annotation names."""
    if a[0] != b[0]:
        told_a = {i for i in told_a if LOCAL not in i}
        told_b = {i for i in told_b if LOCAL not in i}
    if not told_a or not told_b:
        return None
    return bool(told_a & told_b)


def score_topic(topic: CrossDocTopic, rows: pd.DataFrame, merger: Merger, name: str) -> MergeReport:
    """The report of ``merger`` on a topic whose rows are ``rows``."""
    merged = merger(rows)
    told = _tells_of(topic, rows)
    interval = {
        (str(d), int(s), int(e)): (a, b)
        for d, s, e, a, b in rows[["doc_id", "char_start", "char_end", "start", "end"]].itertuples(
            index=False
        )
    }
    members = _members(merged)
    where = {key: n for n, keys in enumerate(members) for key in keys}
    events = []
    for instance in topic.instances:
        if not instance.shared or len(instance.documents) < 2 or not instance.anchor:
            continue
        at_date = [
            key
            for key, instances in told.items()
            if instance.instance_id in instances and _overlaps(*interval[key], instance.anchor)
        ]
        docs = {key[0] for key in at_date}
        holders = [
            n
            for n in {where[key] for key in at_date if key in where}
            if {key[0] for key in members[n] if key in at_date} == docs
            and _overlaps(merged["start"].iloc[n], merged["end"].iloc[n], instance.anchor)
        ]
        events.append(
            EventOutcome(
                instance.instance_id,
                instance.name,
                instance.anchor,
                len(instance.documents),
                len(docs),
                len(docs) >= 2 and bool(holders),
            )
        )
    judged_rows = []
    labels = merged["label"] if "label" in merged.columns else merged["text"]
    for label, keys in zip(labels, members, strict=True):
        verdicts = [
            _verdict(a, b, told.get(a, set()), told.get(b, set()))
            for i, a in enumerate(keys)
            for b in keys[i + 1 :]
        ]
        judged = [v for v in verdicts if v is not None]
        if judged:
            judged_rows.append(RowOutcome(str(label), len(judged), not all(judged)))
    return MergeReport(
        name, tuple(events), tuple(judged_rows), len(merged), len(rows), _dating(topic, rows, told)
    )


def _dating(
    topic: CrossDocTopic, rows: pd.DataFrame, told: dict[_RowKey, set[str]]
) -> tuple[tuple[str, int, int], ...]:
    """How often the rows of each ``dated_by`` are at the date of the events they tell of:
    (dated_by, pairs of a row and an event with a calendar date, pairs at its date)."""
    anchors = {i.instance_id: i.anchor for i in topic.instances if i.shared and i.anchor}
    by = rows["dated_by"] if "dated_by" in rows.columns else ["expression"] * len(rows)
    counts: dict[str, list[int]] = {}
    for (doc, a, b, start, end), dated_by in zip(
        rows[["doc_id", "char_start", "char_end", "start", "end"]].itertuples(index=False),
        by,
        strict=True,
    ):
        for instance in told.get((str(doc), int(a), int(b)), ()):
            if instance in anchors:
                tally = counts.setdefault(str(dated_by), [0, 0])
                tally[0] += 1
                tally[1] += _overlaps(start, end, anchors[instance])
    return tuple((k, n, at) for k, (n, at) in sorted(counts.items()))


def _add_dating(
    parts: Iterable[tuple[tuple[str, int, int], ...]],
) -> tuple[tuple[str, int, int], ...]:
    total: dict[str, list[int]] = {}
    for part in parts:
        for key, n, at in part:
            tally = total.setdefault(key, [0, 0])
            tally[0] += n
            tally[1] += at
    return tuple((k, n, at) for k, (n, at) in sorted(total.items()))


def score_merge(
    topics: Sequence[CrossDocTopic],
    merger: Merger,
    *,
    name: str = "total",
    rows: dict[str, pd.DataFrame] | None = None,
) -> MergeReport:
    """The report of ``merger`` on every topic, each merged on its own. ``rows``: the
    extracted rows of each topic by name, when already at hand (else extracted here)."""
    reports = []
    for topic in topics:
        topic_rows = rows[topic.name] if rows is not None else extract_topic(topic)
        reports.append(score_topic(topic, topic_rows, merger, topic.name))
    return MergeReport.combine(reports, name)


def split_topics(
    topics: Sequence[CrossDocTopic], check: frozenset[str], part: str
) -> list[CrossDocTopic]:
    """The topics as told by the documents of ``part`` ("study" or "check": by file name)."""
    return [
        topic.restricted(
            d.doc_id for d in topic.documents if (Path(d.source).name in check) == (part == "check")
        )
        for topic in topics
    ]


#: The extractions the command line measures: dated sentences only, and with the events of
#: sentences without a date (:mod:`timeline.undated`).
EXTRACTIONS: tuple[Undated, ...] = ("skip", "published")


def _mergers(similarity: float | None) -> list[tuple[str, Undated, Merger]]:
    """The mergers of the command line, with the extraction each merges: ours on both
    extractions, and joining by time alone (for comparison) on the larger one."""
    import timeline

    ours: dict[str, Any] = {} if similarity is None else {"similarity": similarity}
    name = "timeline.merge" + (f" (similarity={similarity})" if similarity is not None else "")
    return [
        (name, "skip", lambda rows: timeline.merge(rows, **ours)),
        (name, "published", lambda rows: timeline.merge(rows, **ours)),
        (
            "time alone (similarity=0)",
            "published",
            lambda rows: timeline.merge(rows, similarity=0.0),
        ),
    ]


def add_merge_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``--merge`` on the command line of :mod:`timeline.evaluation.cli`."""
    parser.add_argument(
        "--merge",
        action="store_true",
        help="instead, measure the merged corpus timeline on MEANTIME's cross-document "
        "annotation (GOLD_DIR: meantime_english_crossdoc): the share of events two or more "
        "articles mention that one merged row holds at their date, and the share of merged "
        "rows that join different events",
    )
    parser.add_argument(
        "--similarity",
        type=float,
        metavar="X",
        help="with --merge: the similarity of timeline.merge (default: its own)",
    )


def main_merge(
    paths: Sequence[str], part: str, split_file: Path | None, similarity: float | None
) -> int:
    """``python -m timeline.evaluate CROSSDOC_DIR --merge``: the figures of the merged timeline
    on each folder of topics, by part of the split (all, with its check part beside; study;
    check), for :func:`timeline.merge` and for joining by time alone."""
    from timeline.evaluation.read_crossdoc import read_crossdoc
    from timeline.evaluation.split import find_split

    lines = []
    for path in paths:
        topics = read_crossdoc(path)
        found = split_file or find_split(path)
        check = check_names(found) if found is not None else frozenset()
        if part != "all" and not check:
            raise SystemExit(f"--part {part}: no check_split.toml above {path} (--split FILE)")
        rows = {u: {t.name: extract_topic(t, undated=u) for t in topics} for u in EXTRACTIONS}
        parts = [(part, split_topics(topics, check, part))] if part != "all" else [("all", topics)]
        if part == "all" and check:
            parts.append(("check", split_topics(topics, check, "check")))
        for name, chosen in parts:
            kept = {t.name: frozenset(d.doc_id for d in t.documents) for t in chosen}
            for merger_name, undated, merger in _mergers(similarity):
                part_rows = {
                    n: r[r["doc_id"].isin(kept[n])].reset_index(drop=True)
                    for n, r in rows[undated].items()
                }
                report = score_merge(chosen, merger, name=name, rows=part_rows)
                lines.append((Path(path).name, f"{merger_name}, undated={undated!r}", report))
    print("Merged corpus timeline on MEANTIME's cross-document annotation (each topic merged)")
    print(merge_table(lines).to_string(index=False))
    print("\nRows at the date of the events they tell of, by what dates them")
    print(dating_table(lines).to_string(index=False))
    return 0


def dating_table(lines: Sequence[tuple[str, str, MergeReport]]) -> pd.DataFrame:
    """How often the rows' intervals overlap the anchors of the events they tell of, by
    ``dated_by``, for each part (of the reports of ``undated="published"``, which hold both)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for corpus, merger, report in lines:
        if "published" not in merger or (corpus, report.name) in seen:
            continue
        seen.add((corpus, report.name))
        for dated_by, n, at in report.dating:
            out.append(
                {
                    "corpus": corpus,
                    "part": report.name,
                    "dated_by": dated_by,
                    "row-event pairs": n,
                    "at the date": at,
                    "%": round(100 * ratio(at, n), 1),
                }
            )
    return pd.DataFrame(out)


def merge_table(lines: Sequence[tuple[str, str, MergeReport]]) -> pd.DataFrame:
    """The figures of reports as a table, one row per (corpus, merger, report)."""
    return pd.DataFrame(
        [
            {
                "corpus": corpus,
                "part": report.name,
                "merger": merger,
                "events": len(report.events),
                "joined": report.n_joined,
                "joined %": round(100 * report.joined_of_all, 1),
                "reachable": report.n_reachable,
                "joined % of reachable": round(100 * report.joined, 1),
                "judged rows": len(report.rows),
                "mixed": report.n_mixed,
                "mixed %": round(100 * report.mixed, 1),
                "rows in": report.rows_in,
                "rows out": report.rows_merged,
            }
            for corpus, merger, report in lines
        ]
    )


def check_names(split_file: str | Path) -> frozenset[str]:
    """The file names of the check documents of every corpus of a ``check_split.toml``: a
    cross-document article is in the check part when its file name is (the cross-document
    folder holds the same MEANTIME articles as ``meantime_english``)."""
    data = tomllib.loads(Path(split_file).read_text(encoding="utf-8"))
    return frozenset(Path(name).name for table in data.values() for name in table.get("check", ()))
