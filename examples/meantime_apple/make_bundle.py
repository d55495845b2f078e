"""Rebuild this folder's texts from the MEANTIME corpus (run from the repository's top).

    python examples/meantime_apple/make_bundle.py ../shared/corpora/meantime_english

For each chosen article of ``intra-doc_annotation/corpus_apple``: the headline (sentence 0)
becomes ``Title:``, the document creation time ``Published Time:``, and the sentences after the
date line (sentence 1) the body, one sentence a line. MEANTIME stores tokens; they are joined
with spaces and the spaces that tokenisation added before punctuation, inside quotes and in
contractions are removed (``Apple 's`` → ``Apple's``, ``" bumper , "`` → ``"bumper,"``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from timeline.timeml import TimeMLDocument

#: Four stories told over several articles: the iPhone launches, the iPhone 4 and its
#: antenna, Steve Jobs's leave, resignation and death, and the Apple Corps trademark dispute.
CHOSEN = (
    "58207", "58383", "107785", "127576",
    "190356", "191597", "195869", "199629",
    "238039", "279494", "287096",
    "37313", "40203", "60083",
)  # fmt: skip

_GLUE_LEFT = re.compile(r" ([,.;:?!%)\]]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b|’s\b)")
_GLUE_RIGHT = re.compile(r"([(\[$]) ")


def detokenise(tokens: str) -> str:
    """Tokens joined by spaces as ordinary text."""
    text = tokens.replace("``", '"').replace("''", '"')
    text = re.sub(r" ' (re|ve|ll|d|m|s)\b", r"'\1", text)
    text = re.sub(r" ’ s\b", "’s", text)
    text = re.sub(r"(\w)s ' ", r"\1s' ", text)  # the Beatles ' music
    out, opened = [], False
    for part in re.split(r'( ?" ?)', text):
        if part.strip() == '"':
            out.append(' "' if not opened else '" ')
            opened = not opened
        else:
            out.append(part)
    text = "".join(out)
    text = _GLUE_RIGHT.sub(r"\1", _GLUE_LEFT.sub(r"\1", text))
    text = re.sub(r" ([,.;:?!])", r"\1", text)
    return re.sub(r"  +", " ", text).strip()


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def main(corpus: str) -> None:
    folder = Path(corpus) / "intra-doc_annotation" / "corpus_apple"
    here = Path(__file__).resolve().parent
    for path in sorted(folder.glob("*.xml")):
        number = path.name.split("_")[0]
        if number not in CHOSEN:
            continue
        doc = TimeMLDocument.from_meantime(path)
        sentences = doc.text.split("\n")
        title = detokenise(sentences[0])
        body = "\n".join(detokenise(s) for s in sentences[2:])
        words = slug(title).split("-")[:6]
        name = f"{doc.dct}-{number}-{'-'.join(words)}.txt"
        (here / name).write_text(
            f"Published Time: {doc.dct}\nTitle: {title}\n"
            f"Source: Wikinews, via the NewsReader MEANTIME corpus ({path.name}); CC BY 4.0\n"
            f"Text: \n{body}\n",
            encoding="utf-8",
        )
        print(name)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/meantime_english")
