"""Stage 3, attach events: the phrase naming what each date dates (``docs/events.md``).

A light rule-based chunker (:mod:`~timeline.events.tokens`, :mod:`~timeline.events.tagger`,
:mod:`~timeline.events.cuts`, :mod:`~timeline.events.chunk`) reads each dated sentence as words,
coarse parts of speech (:class:`Tag`) and clauses, from a lexicon of our own
(``rules/events.toml``); then the rules of :data:`~timeline.events.attach.RULES` choose the
phrase and the passes of :data:`~timeline.events.attach.PASSES` adjust it.
"""

from timeline.events.attach import attach
from timeline.events.chunk import Chunk
from timeline.events.lexicon import Lexicon, is_verb, lexicon
from timeline.events.limits import LONGEST, MAX_WORDS
from timeline.events.tags import (
    ADV,
    AUX,
    CONJ,
    DET,
    ING,
    NEG,
    NOUN,
    OTHER,
    POSS,
    PREP,
    PRON,
    PUNCT,
    REL,
    SUB,
    THAT,
    TIME,
    VERB,
    Tag,
)
from timeline.events.tokens import TokenSpan

__all__ = [
    "ADV",
    "AUX",
    "CONJ",
    "DET",
    "ING",
    "LONGEST",
    "MAX_WORDS",
    "NEG",
    "NOUN",
    "OTHER",
    "POSS",
    "PREP",
    "PRON",
    "PUNCT",
    "REL",
    "SUB",
    "THAT",
    "TIME",
    "VERB",
    "Chunk",
    "Lexicon",
    "Tag",
    "TokenSpan",
    "attach",
    "is_verb",
    "lexicon",
]
