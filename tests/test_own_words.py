"""Every test row is in our own words: none copies a run of words from a development corpus.

The project's rule is that test rows are written here, never copied from a corpus: a row lifted
from TimeBank or WikiWars tests that one sentence, and a rule tuned to pass it fits the corpus,
not English. This guard reads every line of ``tests/data/*.tsv`` (each tab-separated cell on its
own) and of ``tests/data/negative_en.txt``, and fails when a cell shares a run of
:data:`RUN` or more consecutive words with any document of a development corpus (TBAQ, MEANTIME,
WikiWars train, the tweets' training set). Words are compared case-folded, with punctuation
ignored, so "In over-the-counter trading" and "in over the counter trading" are the same run.

:data:`ALLOWED` lists the few runs of plain English that a sentence of ours may share with the
news, each with its reason. Where a corpus is not at hand (``TIMELINE_CORPORA`` or
``../shared/corpora``) its test is an expected failure that says so: the corpora are not
part of the repository.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs
import pytest
from paths import DATA, DEVELOPMENT

from timeline.evaluation import read_corpus

#: A row fails when it shares this many consecutive words with a corpus document.
RUN = 7
#: Runs of plain English a row may share with the news, each with the reason it is not a copy.
ALLOWED: dict[str, str] = {
    "in the same period a year earlier": "the plain way to compare a result with the year before;"
    " the row tests the date before it (events_en.tsv: 'Revenue grew in the quarter ...')",
}
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words of ``text``, case-folded, without punctuation."""
    return _WORD.findall(text.casefold())


def runs(text: str, length: int = RUN) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Every run of ``length`` consecutive words of ``text``, with its first word's index."""
    w = words(text)
    for i in range(len(w) - length + 1):
        yield i, tuple(w[i : i + length])


@attrs.frozen
class CorpusRuns:
    """Every run of :data:`RUN` words of some documents, with the first document that has it."""

    source: dict[tuple[str, ...], str]

    @classmethod
    def from_documents(cls, documents: Iterable[tuple[str, str]]) -> CorpusRuns:
        """Index ``(name, text)`` pairs."""
        source: dict[tuple[str, ...], str] = {}
        for name, text in documents:
            for _, run in runs(text):
                source.setdefault(run, name)
        return cls(source)

    @classmethod
    def from_folder(cls, folder: Path) -> CorpusRuns:
        """Index every document of a corpus folder (TimeML or MEANTIME)."""
        return cls.from_documents((d.doc_id, d.text) for d in read_corpus(folder))

    def shared(self, text: str) -> list[tuple[str, str]]:
        """The longest runs ``text`` shares with the documents, each with a document that has it.

        Words inside an allowed phrase of ``text`` are not counted.
        """
        w = words(text)
        allowed = _allowed_positions(w)
        found: list[tuple[str, str]] = []
        start = end = -1  # the current stretch of shared words, [start, end)
        name = ""
        for i, run in runs(text):
            if run not in self.source or set(range(i, i + RUN)) <= allowed:
                continue
            if i > end:  # not touching the previous stretch: close it
                if end > start:
                    found.append((" ".join(w[start:end]), name))
                start, name = i, self.source[run]
            end = i + RUN
        if end > start:
            found.append((" ".join(w[start:end]), name))
        return found


def _allowed_positions(w: list[str]) -> set[int]:
    """Indexes of the words of ``w`` that stand inside an allowed phrase."""
    inside: set[int] = set()
    for phrase in ALLOWED:
        p = words(phrase)
        for i in range(len(w) - len(p) + 1):
            if w[i : i + len(p)] == p:
                inside.update(range(i, i + len(p)))
    return inside


def data_cells() -> Iterator[tuple[str, str]]:
    """``(file:line, cell)`` for every cell of every line of the test data."""
    files = [*sorted(DATA.glob("*.tsv")), DATA / "negative_en.txt"]
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            for cell in line.split("\t"):
                if len(words(cell)) >= RUN:
                    yield f"{file.name}:{number}", cell


@pytest.mark.parametrize("corpus", sorted(DEVELOPMENT))
def test_no_row_copies_a_corpus(corpus: str) -> None:
    folder = DEVELOPMENT[corpus]
    if not folder.is_dir():
        # the corpora live beside the repository, not in it: a clone without them says so
        pytest.xfail(f"corpus {corpus} not at {folder} (set TIMELINE_CORPORA)")
    index = CorpusRuns.from_folder(folder)
    assert len(index.source) > 1000, f"{folder} gave almost no text"
    copied = [
        f"{where}: {run!r} (as in {name})"
        for where, cell in data_cells()
        for run, name in index.shared(cell)
    ]
    assert not copied, f"{len(copied)} cells copy {corpus}; say them in our own words:\n" + (
        "\n".join(copied)
    )


def test_the_guard_sees_a_copy() -> None:
    index = CorpusRuns.from_documents(
        [("mill", "The old mill on the Tarn reopened on Tuesday after a long winter of repairs.")]
    )
    # seven words in a row, whatever their case and punctuation, are a copy
    assert index.shared("THE OLD MILL, on the Tarn: reopened in May.") == [
        ("the old mill on the tarn reopened", "mill")
    ]
    # a longer copy is reported once, as one run
    assert index.shared("Yes, the old mill on the Tarn reopened on Tuesday.") == [
        ("the old mill on the tarn reopened on tuesday", "mill")
    ]
    # six are not
    assert index.shared("The old mill on the Tarn closed on Tuesday.") == []
    assert index.shared("A mill by the river reopened after repairs on Tuesday.") == []


def test_an_allowed_phrase_is_no_copy_but_the_words_around_it_count() -> None:
    index = CorpusRuns.from_documents([("q3", "Profits fell in the same period a year earlier.")])
    assert index.shared("Our sales grew from the same period a year earlier.") == []
    assert index.shared("Sales grew in the same period a year earlier.") == []
    # the runs with a word outside the phrase count: "profits fell in ... a year"
    assert index.shared("Its profits fell in the same period a year earlier.") == [
        ("profits fell in the same period a year", "q3")
    ]


def test_the_allowed_phrases_are_short_and_used() -> None:
    cells = [cell for _, cell in data_cells()]
    for phrase, reason in ALLOWED.items():
        assert RUN <= len(words(phrase)) <= RUN + 3, phrase
        assert reason.strip(), phrase
        assert any(" ".join(words(phrase)) in " ".join(words(c)) for c in cells), (
            f"{phrase!r} is allowed but no row uses it"
        )


def test_the_rows_are_read() -> None:
    where = {w.split(":")[0] for w, _ in data_cells()}
    assert {"events_en.tsv", "cases_en.tsv", "negative_en.txt", "timexes_en.tsv"} <= where
