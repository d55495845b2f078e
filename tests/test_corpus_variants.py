"""A guard over real text: every document we have, and variants of it, gives honest rows.

Every document of the development corpora (``../shared/corpora``, when present) and every bundled
example article runs through ``extract(..., include="all")`` and ``timexes()`` as written and in
four variants that real exports produce:

* line-wrapped at every comma (``", "`` becomes ``",\\n"``);
* all lower case;
* all upper case;
* each paragraph ending in a comma instead of its full stop.

Each must run without an error, and every row must hold the invariants of a timeline frame
(:func:`check_rows`): the expression is the text at its offsets, a placed interval is not empty,
an event phrase is the text at its own offsets. This is the test that would have caught the
``IndexError`` of a dated clause ending in a comma (issue 17, row 1).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pandas as pd
import pytest
from frames import frame_rows, timex_rows
from paths import DEVELOPMENT, TESTS

import timeline
from timeline.timeml import read_corpus

EXAMPLES = TESTS.parent / "examples"
FOLDERS = DEVELOPMENT
_PARAGRAPH_BREAK = re.compile(r"(\n[ \t]*\n\s*)")


def _comma_ends(text: str) -> str:
    """Each paragraph's final stop turned into a comma (or a comma added)."""
    parts = _PARAGRAPH_BREAK.split(text.rstrip())  # paragraphs, with the breaks between them
    for i in range(0, len(parts), 2):
        if parts[i].strip():
            parts[i] = parts[i].rstrip().rstrip(".!?") + ","
    return "".join(parts)


VARIANTS: dict[str, Callable[[str], str]] = {
    "as-written": lambda text: text,
    "wrapped-at-commas": lambda text: text.replace(", ", ",\n"),
    "lower": str.lower,
    "upper": str.upper,
    "paragraphs-end-in-comma": _comma_ends,
}


def _documents() -> Iterator[tuple[str, str, str | None]]:
    """(name, text, publication date) of every document at hand."""
    for path in sorted(EXAMPLES.rglob("*.txt")):
        article = timeline.read(path)
        published = None if article.published is None else article.published.isoformat()
        yield f"examples/{path.name}", article.text, published
    for corpus, folder in FOLDERS.items():
        if folder.is_dir():
            for doc in read_corpus(folder):
                yield f"{corpus}/{doc.doc_id}", doc.text, doc.dct


def check_rows(df: pd.DataFrame, tx: pd.DataFrame, source: str) -> list[str]:
    """What is wrong with the rows of ``df`` (extract) and ``tx`` (timexes) over ``source``."""
    try:
        rows, timexes = frame_rows(df), timex_rows(tx)  # missing values (NA, NaT) as None
    except TypeError as error:
        return [f"a value of the wrong type: {error}"]
    wrong: list[str] = []
    for r in rows:
        if not (0 <= r.char_start < r.char_end <= len(source)):
            wrong.append(f"offsets {r.char_start}:{r.char_end} outside the text")
        elif source[r.char_start : r.char_end] != r.text:
            wrong.append(f"{r.text!r} is not the text at {r.char_start}:{r.char_end}")
        if (r.start is None) != (r.end is None):
            wrong.append(f"{r.text!r}: start {r.start} and end {r.end}, one missing")
        elif r.start is not None and r.end is not None and not r.start < r.end:
            wrong.append(f"{r.text!r} ({r.value}): empty interval {r.start} .. {r.end}")
        no_event = r.event is None
        if no_event != (r.event_start is None) or no_event != (r.event_end is None):
            wrong.append(f"{r.text!r}: event {r.event!r} without both offsets")
        elif r.event is not None and r.event_start is not None and r.event_end is not None:
            inside = 0 <= r.event_start < r.event_end <= len(source)
            if not inside or source[r.event_start : r.event_end] != r.event:
                wrong.append(f"{r.text!r}: event {r.event!r} not at {r.event_start}:{r.event_end}")
    for t in timexes:
        inside = 0 <= t.char_start < t.char_end <= len(source)
        if not inside or source[t.char_start : t.char_end] != t.text:
            wrong.append(f"timex {t.text!r} not at {t.char_start}:{t.char_end}")
    return wrong


def _problems(name: str, text: str, published: str | None) -> list[str]:
    problems: list[str] = []
    for variant, change in VARIANTS.items():
        changed = change(text)
        try:
            source = timeline.read(changed).text
            df = timeline.extract(changed, published=published, include="all")
            tx = timeline.timexes(changed, published=published)
        except Exception as error:  # the guard's point: report, with the document and variant
            problems.append(f"{name} [{variant}]: {type(error).__name__}: {error}")
            continue
        problems += [f"{name} [{variant}]: {w}" for w in check_rows(df, tx, source)]
    return problems


def test_the_guard_has_documents() -> None:
    # the bundled examples are always there, so the guard never runs on nothing
    assert sum(1 for _ in EXAMPLES.rglob("*.txt")) >= 2


@pytest.mark.parametrize("group", ["examples", *FOLDERS])
def test_every_document_and_variant_gives_honest_rows(group: str) -> None:
    if group != "examples" and not FOLDERS[group].is_dir():
        pytest.xfail(f"corpus {group} not at {FOLDERS[group]} (set TIMELINE_CORPORA)")
    problems: list[str] = []
    for name, text, published in _documents():
        if name.startswith(f"{group}/"):
            problems += _problems(name, text, published)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])


def test_the_variants_do_what_they_say() -> None:
    text = "In 2016, the talks began.\n\nThey ended, as planned, in 2017."
    assert VARIANTS["wrapped-at-commas"](text).count(",\n") == 3
    assert _comma_ends(text) == "In 2016, the talks began,\n\nThey ended, as planned, in 2017,"
    assert _comma_ends("") == ""


def test_the_guard_catches_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> pd.DataFrame:
        raise IndexError("list index out of range")

    monkeypatch.setattr(timeline, "extract", boom)
    [first, *_] = _problems("made-up", "In 2016 x,", None)
    assert "IndexError" in first


def test_check_rows_finds_what_is_wrong() -> None:
    source = "In 2016 x."
    df = timeline.extract(source, include="all")
    tx = timeline.timexes(source)
    assert check_rows(df, tx, source) == []
    assert check_rows(df, tx, "In 2017 x.") != []
    empty = df.assign(end=df["start"])
    assert any("empty interval" in w for w in check_rows(empty, tx, source))
    floats = df.assign(char_start=df["char_start"].astype(float))
    assert any("wrong type" in w for w in check_rows(floats, tx, source))
