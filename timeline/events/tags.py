"""The coarse parts of speech the chunker gives each word, and the sets of them the rules test.

A tag is a one-letter string as well as an enum member, so that comparing and hashing tags costs
what it costs for strings (the chunker tags every word of every dated sentence).
"""

from __future__ import annotations

import enum

__all__ = [
    "ADV",
    "AUX",
    "BOUNDARY",
    "CONJ",
    "CONTENT",
    "COUNTED",
    "DET",
    "FINITE",
    "FULL_VERBS",
    "ING",
    "NEG",
    "NOUN",
    "NO_TAG",
    "NP_WORDS",
    "OTHER",
    "POSS",
    "PREP",
    "PRON",
    "PUNCT",
    "REL",
    "SUB",
    "THAT",
    "TIME",
    "TRIM_END",
    "TRIM_START",
    "VERB",
    "VERBISH",
    "Tag",
]


class Tag(str, enum.Enum):
    """A coarse part of speech."""

    NONE = ""  # no word: before the first or after the last
    PUNCT = "P"  # a mark that cuts clauses: , ; : ( ) - -- _
    OTHER = "Q"  # quotes and other marks: transparent
    TIME = "T"  # a word of a timex
    DET = "D"  # determiners and possessive pronouns
    POSS = "S"  # possessive 's
    PREP = "I"
    CONJ = "C"  # and, or, but
    SUB = "B"  # subordinators: when, because ...
    REL = "R"  # which, who, whom, whose
    THAT = "H"  # "that" opening a clause
    PRON = "O"
    AUX = "A"  # be, have, do, modals
    NEG = "X"
    ADV = "J"
    VERB = "V"
    ING = "G"  # an -ing form used as a verb
    NOUN = "N"  # nouns, adjectives, names, numbers: the rest


NO_TAG = Tag.NONE
PUNCT = Tag.PUNCT
OTHER = Tag.OTHER
TIME = Tag.TIME
DET = Tag.DET
POSS = Tag.POSS
PREP = Tag.PREP
CONJ = Tag.CONJ
SUB = Tag.SUB
REL = Tag.REL
THAT = Tag.THAT
PRON = Tag.PRON
AUX = Tag.AUX
NEG = Tag.NEG
ADV = Tag.ADV
VERB = Tag.VERB
ING = Tag.ING
NOUN = Tag.NOUN

#: The tags that cut clauses.
BOUNDARY = frozenset({PUNCT, SUB, REL, THAT})
VERBISH = frozenset({VERB, ING, AUX})
FINITE = frozenset({VERB, AUX})
#: Verbs, not auxiliaries.
FULL_VERBS = frozenset({VERB, ING})
CONTENT = frozenset({NOUN, VERB, ING, AUX, PRON, NEG})
#: The tags of words a phrase's length counts (marks are not counted).
COUNTED = frozenset({NOUN, VERB, ING, AUX, PRON, NEG, DET, PREP, CONJ, SUB, REL, THAT, ADV, TIME})
#: Function words and marks trimmed from the start of a phrase; and from its end, determiners too.
TRIM_START = frozenset({PUNCT, CONJ, SUB, REL, THAT, PREP, POSS, NEG, TIME})
TRIM_END = TRIM_START | {DET}
NP_WORDS = frozenset({NOUN, DET, POSS, OTHER})
