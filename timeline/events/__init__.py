"""Stage 3, attach events: the phrase naming what each date dates (see ``docs/events.md``)."""

from timeline.events.attach import attach
from timeline.events.chunk import (
    ADV,
    AUX,
    ING,
    LONGEST,
    MAX_WORDS,
    NOUN,
    VERB,
    Chunk,
    Lexicon,
    is_verb,
    lexicon,
)

__all__ = [
    "ADV",
    "AUX",
    "ING",
    "LONGEST",
    "MAX_WORDS",
    "NOUN",
    "VERB",
    "Chunk",
    "Lexicon",
    "attach",
    "is_verb",
    "lexicon",
]
