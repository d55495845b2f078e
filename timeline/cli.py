"""Command line: ``timeline FILE... [--published DATE] [--format table|csv|jsonl] [--all]
[--prefer tense|past|future|nearest]``.

Each FILE is an exported article or plain text (``-`` reads standard input). A file that cannot
be read or processed is reported on standard error and the others go on; the exit status is 1
if any failed. A file without dated events is said so on standard error (with the relative
dates that a publication date would place, if it has none) instead of an empty table.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from timeline import __version__
from timeline.article import Article, parse_published
from timeline.kinds.base import PREFERENCES
from timeline.pipeline import extract

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="timeline",
        description="Extract the dated events of news articles as a chronological timeline.",
    )
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="article files; '-' reads standard input"
    )
    p.add_argument(
        "--published",
        help="publication date (YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:MM, with its zone "
        "if known: +01:00); overrides the files' headers",
    )
    p.add_argument(
        "--format",
        choices=("table", "csv", "jsonl"),
        default="table",
        help="output format (default: table)",
    )
    p.add_argument(
        "--all", action="store_true", help="also durations, sets, vague and unresolved expressions"
    )
    p.add_argument(
        "--prefer",
        choices=PREFERENCES,
        default="tense",
        help="direction of dates the text leaves open (Friday, in March, the 15th): read from "
        "the tense (default, for news), always past, future (schedules) or nearest",
    )
    p.add_argument("--version", action="version", version=f"timeline {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        published = parse_published(args.published, name="--published")
    except (TypeError, ValueError) as exc:
        print(f"timeline: {exc}", file=sys.stderr)
        return 2
    frames = []
    failed = 0
    for name in args.files:
        try:
            if name == "-":
                article = Article.from_text(sys.stdin.read(), published=published, doc_id="-")
            else:
                article = Article.from_path(Path(name), published=published)
            found = extract(article, include="all" if args.all else "timeline", prefer=args.prefer)
            if found.empty:
                print(_no_events_note(name, article), file=sys.stderr)
            frames.append(found)
        except (OSError, UnicodeError, ValueError, TypeError) as exc:
            failed += 1
            print(f"timeline: {name}: {exc}", file=sys.stderr)
    frame = pd.concat(frames, ignore_index=True) if frames else None
    if frame is not None and not (frame.empty and args.format == "table"):
        try:
            _write(frame, args.format)
        except BrokenPipeError:  # `timeline ... | head`: the reader left; that is not an error
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python's exit flush quiet

    return 1 if failed else 0


def _no_events_note(name: str, article: Article) -> str:
    """What to say of a file without dated events: and, without a publication date, which of
    its dates one would place (or that relative dates would need one)."""
    note = f"timeline: {name}: no dated events found"
    if article.published is not None:
        return note + "."
    every = extract(article, include="all")
    unplaced = every[every["start"].isna() & every["type"].isin(["DATE", "TIME"])]
    if unplaced.empty:
        return note + " (it has no publication date: relative dates such as 'Thursday' need one)."
    texts = list(dict.fromkeys(unplaced["text"]))
    shown = ", ".join(repr(t) for t in texts[:5]) + (", ..." if len(texts) > 5 else "")
    return (
        f"{note}: {len(unplaced)} date(s) need a publication date to be placed ({shown}); "
        "give it with --published YYYY-MM-DD."
    )


def _write(frame: pd.DataFrame, fmt: str) -> None:
    out = sys.stdout
    if fmt == "jsonl":
        for record in _records(frame):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        iso = frame.copy()
        for c in ("start", "end", "published"):
            iso[c] = [_iso(v) for v in frame[c]]
        iso.to_csv(out, index=False)
    else:
        cols = ["text", "type", "value", "start", "end", "granularity", "event"]
        if frame["doc_id"].nunique(dropna=False) > 1:
            cols.insert(0, "doc_id")
        view = frame[cols].copy()
        for c in ("start", "end"):
            view[c] = [_iso(v) or "" for v in frame[c]]
        view["event"] = [e if len(e) <= 60 else e[:59] + "…" for e in view["event"].fillna("")]
        with pd.option_context(
            "display.max_rows", None, "display.width", 200, "display.max_colwidth", 61
        ):
            out.write(view.to_string(index=False) + "\n")


def _iso(value: object) -> str | None:
    """An ISO date (or date and time) for a datetime64[s] value; None for NaT."""
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return None
    text = str(value)
    return text[:10] if text.endswith("00:00:00") else text.replace(" ", "T")


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    records = []
    for row in frame.itertuples(index=False):
        rec: dict[str, object] = {}
        for name, value in zip(frame.columns, row, strict=True):
            if name in ("start", "end", "published"):
                rec[name] = _iso(value)
            elif value is None or value is pd.NA or (isinstance(value, float) and value != value):
                rec[name] = None
            elif hasattr(value, "item"):
                rec[name] = value.item()
            else:
                rec[name] = value
        records.append(rec)
    return records
