"""Draw the README's pictures anew (run from the repository's top after a change to the plots).

    python docs/make_figures.py

``docs/article-timeline.png``: the bundled Global Times article. ``docs/apple-timeline.png``:
the fourteen bundled MEANTIME Apple articles merged into one timeline, the events from 2006 on,
coloured by article, as ``examples/corpus.ipynb`` draws it.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib.axes import Axes
from matplotlib.figure import Figure

import timeline

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"


def _save(ax: Axes, name: str, *, dpi: int) -> None:
    figure = ax.figure
    assert isinstance(figure, Figure), figure  # timeline.plot makes a Figure of its own
    figure.savefig(DOCS / name, dpi=dpi)


def main() -> None:
    article = timeline.extract(EXAMPLES / "globaltimes-2022-01-10-kazakhstan.txt")
    _save(timeline.plot(article), "article-timeline.png", dpi=100)
    paths = sorted((EXAMPLES / "meantime_apple").glob("*.txt"))
    merged = timeline.merge(timeline.extract_corpus(paths, progress=False))
    recent = merged[merged["start"] >= "2006"]
    title = "Apple in Wikinews, 2006–2011: one merged timeline"
    _save(timeline.plot(recent, color="title", title=title), "apple-timeline.png", dpi=90)
    for name in ("article-timeline.png", "apple-timeline.png"):
        print(DOCS / name)


if __name__ == "__main__":
    main()
