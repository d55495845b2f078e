"""The study and check parts of a development corpus (``check_split.toml``).

About 30% of the documents of each development corpus form its *check* part: rules are tuned on
the rest (the *study* part) and kept only if the check part gains too, read as aggregate figures
alone. The split lives in a ``check_split.toml`` beside the corpora: a table per corpus folder
(relative to the file) with the list ``check`` of its check documents (relative to the folder).

>>> split = CheckSplit.from_text('["news"]\\ncheck = ["a/1.tml"]', root=Path("/c"))
>>> split.part_of(Path("/c/news/a/1.tml")), split.part_of(Path("/c/news/a/2.tml"))
('check', 'study')
>>> split.part_of(Path("/elsewhere/x.tml")) is None
True
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import attrs

from timeline.evaluation.gold import TimeMLDocument

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["SPLIT_FILE", "CheckSplit", "Part", "find_split", "select"]

SPLIT_FILE = "check_split.toml"
Part = Literal["study", "check", "all"]


@attrs.frozen
class CheckSplit:
    """The check documents of each corpus, as absolute paths."""

    root: Path
    check: frozenset[Path]
    corpora: tuple[Path, ...]

    @classmethod
    def from_text(cls, text: str, *, root: Path) -> CheckSplit:
        """A split from the TOML text of a split file in the folder ``root``."""
        data = tomllib.loads(text)
        check: set[Path] = set()
        corpora: list[Path] = []
        for folder, table in data.items():
            base = root / folder
            corpora.append(base)
            if not isinstance(table, dict) or not isinstance(table.get("check"), list):
                raise ValueError(f"{SPLIT_FILE}: [{folder!r}] needs a list 'check'")
            check.update(base / name for name in table["check"])
        return cls(root, frozenset(check), tuple(corpora))

    @classmethod
    def from_path(cls, path: Path) -> CheckSplit:
        """The split written in ``path``."""
        return cls.from_text(path.read_text(encoding="utf-8"), root=path.resolve().parent)

    def part_of(self, document: Path) -> Literal["study", "check"] | None:
        """Which part a document file is in; None if it is in no corpus of the split."""
        if not any(document.is_relative_to(base) for base in self.corpora):
            return None
        return "check" if document in self.check else "study"


def find_split(path: str | Path) -> Path | None:
    """The ``check_split.toml`` of the corpora folder ``path`` is in (looking upwards)."""
    here = Path(path).resolve()
    for folder in (here, *here.parents):
        candidate = folder / SPLIT_FILE
        if candidate.is_file():
            return candidate
    return None


def select(docs: Sequence[TimeMLDocument], split: CheckSplit, part: Part) -> list[TimeMLDocument]:
    """The documents of ``part``; every document must be in a corpus of the split."""
    if part == "all":
        return list(docs)
    chosen: list[TimeMLDocument] = []
    for doc in docs:
        where = split.part_of(Path(doc.source).resolve()) if doc.source else None
        if where is None:
            raise ValueError(
                f"{doc.source or doc.doc_id} is in no corpus of {split.root / SPLIT_FILE}"
            )
        if where == part:
            chosen.append(doc)
    return chosen
