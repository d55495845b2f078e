"""Outputs frozen: a hash of every frame timeline gives on the development corpora and examples.

A restructuring must not change a single output. This script runs ``timeline.extract(...,
include="all")`` and ``timeline.timexes(...)`` on every document of the development corpora
(TimeBank + AQUAINT, MEANTIME, WikiWars train, the tweets; each with its DCT, and the WikiWars
histories also without one, as they are scored) and on the bundled example articles, hashes each
frame (its CSV, every column), and compares the hashes with ``output_hashes.json``::

    python benchmarks/output_hashes.py            # compare; exit 1, naming the outputs that differ
    python benchmarks/output_hashes.py --write    # take the hashes anew (after an intended change)

A document that raises is hashed as its error, so a new crash is a difference too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pandas as pd

import timeline
from timeline.timeml import read_corpus

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPORA = Path(os.environ.get("TIMELINE_CORPORA", ROOT.parent / "shared" / "corpora"))
HASHES = HERE / "output_hashes.json"

# (name, folder under CORPORA, give the DCT)
SOURCES = [
    ("tbaq", "tempeval3/TBAQ-cleaned", True),
    ("meantime", "meantime_english", True),
    ("wikiwars", "wikiwars_timeml/train", True),
    ("wikiwars-no-dct", "wikiwars_timeml/train", False),
    ("tweets", "tweets_timeml/train", True),
]


def _documents() -> Iterator[tuple[str, str | Path, str | None]]:
    """(key, text or example file, publication date) for every document, in a fixed order."""
    for name, folder, with_dct in SOURCES:
        base = CORPORA / folder
        if not base.is_dir():
            raise SystemExit(f"corpus folder not found: {base} (set TIMELINE_CORPORA)")
        for doc in read_corpus(base):
            key = Path(doc.source).relative_to(base) if doc.source else doc.doc_id
            yield f"{name}/{key}", doc.text, doc.dct if with_dct else None
    for path in sorted((ROOT / "examples").rglob("*.txt")):
        yield f"examples/{path.relative_to(ROOT / 'examples')}", path, None  # header's date


def _digest(run: Callable[[], pd.DataFrame]) -> str:
    try:
        frame = run()
        data = frame.to_csv(index=False)
    except Exception as error:  # a crash is an output too
        data = f"{type(error).__name__}: {error}\n{traceback.format_exc(limit=1)}"
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def take() -> dict[str, str]:
    hashes: dict[str, str] = {}
    for key, text, published in _documents():
        hashes[f"{key}:extract"] = _digest(
            partial(timeline.extract, text, published=published, include="all", doc_id="doc")
        )
        hashes[f"{key}:timexes"] = _digest(partial(timeline.timexes, text, published=published))
    return hashes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="store the hashes taken now")
    args = parser.parse_args(argv)
    now = take()
    if args.write:
        HASHES.write_text(json.dumps(now, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(now)} hashes written to {HASHES}")
        return 0
    before = json.loads(HASHES.read_text(encoding="utf-8"))
    changed = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    for key in changed:
        print(f"differs: {key}")
    print(f"{len(now)} outputs, {len(changed)} differ from {HASHES.name}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
