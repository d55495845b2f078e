"""Rebuild this folder's text from WikiWars (run from the repository's top).

    python examples/punic_wars/make_bundle.py ../shared/corpora/wikiwars_timeml/train

WikiWars' ``10_PunicWars`` is the text of the English Wikipedia article "Punic Wars" as Mazur
and Dale took it in 2009 (in its TimeML conversion). Its text is kept exactly, annotations
removed; a header gives the title and the source, and no publication date: a history places its
dates against its own text, and the conversion's DCT is only the day the page was downloaded.
"""

from __future__ import annotations

import sys
from pathlib import Path

from timeline.evaluation.gold import TimeMLDocument

SOURCE = "10_PunicWars.tml"


def main(folder: str) -> None:
    doc = TimeMLDocument.from_tml(Path(folder) / SOURCE)
    here = Path(__file__).resolve().parent
    text = doc.text.strip("\n")
    (here / "punic-wars.txt").write_text(
        "Title: Punic Wars\n"
        "Source: English Wikipedia, article \"Punic Wars\" (2009), via WikiWars "
        f"({SOURCE}); CC BY-SA 3.0, see README.md\n"
        f"Text: \n{text}\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/wikiwars_timeml/train")
