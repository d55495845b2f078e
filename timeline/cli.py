"""Command line: ``timeline FILE... [--published DATE] [--format table|csv|jsonl] [--all]
[--prefer tense|past|future|nearest] [--date-order MDY|DMY|YMD]
[--undated]``.

Each FILE is an exported article or plain text (``-`` reads standard input), decoded as
:mod:`timeline.decoding` says: the encoding its byte-order mark names (UTF-8, UTF-16, UTF-32),
else UTF-8, else Windows-1252 or Latin-1, which standard error then names; a binary file is
refused. A file that cannot be read or processed is reported on standard error in one line and
the others go on. A file without dated events is said so on standard error (with the relative
dates that a publication date would place, if it has none) instead of an empty table. The
output is written once all files are done; a failure to write it (a full disk, a closed
standard output, an encoding that cannot hold the text) is one line on standard error too,
never a traceback.

Exit status: 0 when every file was read and the output written, 1 when a file failed or the
output could not be written, 2 for bad usage (an unknown option, a bad ``--published``).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs
import pandas as pd

from timeline import __version__
from timeline.article import Article, parse_published
from timeline.decoding import decode
from timeline.frame import concat_frames
from timeline.kinds.base import PREFERENCES
from timeline.pipeline import Include, extract

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "main"]

#: Exit statuses: all done; a file failed or the output could not be written; bad usage.
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="timeline",
        description="Extract the dated events of news articles as a chronological timeline.",
        epilog="Exit status: 0 all done, 1 a file (or the output) failed, 2 bad usage.",
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
    p.add_argument(
        "--date-order",
        choices=("MDY", "DMY", "YMD"),
        type=str.upper,
        help="which number of a date in numbers is the month (default: MDY with slashes, DMY "
        "with dots)",
    )
    p.add_argument(
        "--undated",
        action="store_true",
        help="also the main event of each sentence without a date, dated by the publication "
        "day (needs a publication date)",
    )
    p.add_argument("--version", action="version", version=f"timeline {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (:data:`EXIT_OK`, ...)."""
    args = _parser().parse_args(argv)  # bad usage: argparse exits with status 2
    try:
        published = parse_published(args.published, name="--published")
    except (TypeError, ValueError) as exc:
        _say(str(exc))
        return EXIT_USAGE
    include: Include = "all" if args.all else "timeline"
    try:
        reading = {
            "prefer": args.prefer,
            "date_order": args.date_order,
            "undated": "published" if args.undated else "skip",
        }
        frames = [_extract(name, published, include, reading) for name in args.files]
        done = [f for f in frames if f is not None]
        if not done:
            return EXIT_FAILED
        frame = concat_frames(done)
        nothing = frame.empty and args.format == "table"  # each file has said so
        written = nothing or _emit(_render(frame, args.format))
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    return EXIT_OK if written and len(done) == len(frames) else EXIT_FAILED


def _extract(
    name: str, published: object, include: Include, reading: Mapping[str, Any]
) -> pd.DataFrame | None:
    """The timeline of one FILE, or ``None`` (said on standard error) when it fails."""
    try:
        article = _read(name, published)
        found = extract(article, include=include, **reading)
        if found.empty:
            _say(_no_events_note(name, article))
        return found
    except OSError as exc:  # "No such file or directory", not "[Errno 2] ...: 'name'"
        _say(f"{name}: {exc.strerror or exc}")
    except Exception as exc:  # a bad file, or a bug: this file fails, the others go on
        known = isinstance(exc, ValueError | TypeError)
        _say(f"{name}: {exc}" if known else f"{name}: {type(exc).__name__}: {exc} (a bug?)")
    return None


def _read(name: str, published: object) -> Article:
    """The article of a FILE (``-``: standard input); a guessed encoding is said."""
    if name == "-":
        if sys.stdin is None:
            raise OSError("standard input is closed")
        data, doc_id = sys.stdin.buffer.read(), "-"
    else:
        data, doc_id = Path(name).read_bytes(), Path(name).stem
    decoded = decode(data)
    if decoded.guessed:
        _say(f"{name}: not UTF-8 and no byte-order mark: read as {decoded.encoding}")
    article = Article.from_text(decoded.text, published=published, doc_id=doc_id)
    return attrs.evolve(article, encoding=decoded.encoding)


def _no_events_note(name: str, article: Article) -> str:
    """What to say of a file without dated events: and, without a publication date, which of
    its dates one would place (or that relative dates would need one)."""
    note = f"{name}: no dated events found"
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


def _say(message: str) -> None:
    """One line on standard error (nothing if it is closed)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(f"timeline: {message}", file=sys.stderr, flush=True)


def _emit(text: str) -> bool:
    """Write the output in one go; a failure is said in one line (``False``). A reader that
    leaves early (``timeline ... | head``) is no failure."""
    out = sys.stdout
    if out is None:
        _say("cannot write the output: standard output is closed")
        return False
    try:
        out.write(text)
        out.flush()
    except BrokenPipeError:
        _silence(out)
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start : exc.end]
        _say(
            f"cannot write {bad!r} in the encoding of standard output ({exc.encoding}): "
            "set PYTHONIOENCODING=utf-8"
        )
        return False
    except OSError as exc:
        _silence(out)
        _say(f"cannot write the output: {exc.strerror or exc}")
        return False
    return True


def _silence(out: TextIO) -> None:
    """Point standard output at the null device, so that the interpreter's last flush of what
    could not be written fails no more (and prints no "Exception ignored")."""
    with contextlib.suppress(OSError, ValueError):  # io.UnsupportedOperation among them
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, out.fileno())
        os.close(null)


def _render(frame: pd.DataFrame, fmt: str) -> str:
    """The output as one string (nothing is written before all of it is ready)."""
    out = io.StringIO()
    _write(frame, fmt, out)
    return out.getvalue()


def _write(frame: pd.DataFrame, fmt: str, out: io.StringIO) -> None:
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
