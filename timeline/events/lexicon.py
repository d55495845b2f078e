"""The word lists of ``rules/events.toml``, and the class of a word before its context is read."""

from __future__ import annotations

import enum
import sys
from functools import cache
from importlib import resources

import attrs

from timeline.events.tags import (
    ADV,
    AUX,
    CONJ,
    DET,
    NEG,
    NOUN,
    OTHER,
    PREP,
    PRON,
    PUNCT,
    REL,
    SUB,
    Tag,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = [
    "CUT_MARKS",
    "ED_WORD",
    "ING_WORD",
    "LY_WORD",
    "NOUN_WORD",
    "POSSESSIVE_WORD",
    "THAT_WORD",
    "UNKNOWN_WORD",
    "VERB_BASE",
    "VERB_FORM",
    "Lexicon",
    "Shape",
    "is_verb",
    "lexicon",
    "s_form",
]

#: Marks that cut clauses.
CUT_MARKS = frozenset(",;:()[]{}-–—_|")
_POSSESSIVE_S = frozenset({"'s", "’s"})

# The closed word classes, by list; later lists win: "that" is a determiner and more, "about"
# a preposition first.
_CLOSED_CLASSES = (
    ("adverbs", ADV),
    ("prepositions", PREP),
    ("pronouns", PRON),
    ("determiners", DET),
    ("possessives", DET),
    ("coordinators", CONJ),
    ("subordinators", SUB),
    ("relatives", REL),
    ("negations", NEG),
    ("auxiliaries", AUX),
)


class Shape(str, enum.Enum):
    """What an open-class word may be, by the lists and its shape, before its neighbours
    decide its part of speech."""

    NOUN = "noun"  # a noun wherever it stands: a numeral, a word that is no verb
    UNKNOWN = "other"  # no list, no telling ending
    FORM = "form"  # a listed verb form: "said", "began", "says"
    BASE = "base"  # a listed verb base: "end", "need"
    ED = "-ed"
    ING = "-ing"
    LY = "-ly"
    THAT = "that"  # a determiner, a relative or a conjunction
    POSSESSIVE = "'s"  # a possessive, or "is" after a pronoun
    # (more than one letter each: a part of speech has one)


# The shapes by plain names: a member read through its enum class is slow in a loop.
NOUN_WORD = Shape.NOUN
UNKNOWN_WORD = Shape.UNKNOWN
VERB_FORM = Shape.FORM
VERB_BASE = Shape.BASE
ED_WORD = Shape.ED
ING_WORD = Shape.ING
LY_WORD = Shape.LY
THAT_WORD = Shape.THAT
POSSESSIVE_WORD = Shape.POSSESSIVE


@attrs.frozen
class Lexicon:
    """The word lists of ``rules/events.toml`` by name, and the word-class table they make."""

    lists: dict[str, frozenset[str]]
    tags: dict[str, Tag] = attrs.field(factory=dict, repr=False)
    #: The word class of each word seen (lower case), filled as words come: a part of speech
    #: for closed classes and marks, else a :class:`Shape` for the tagger.
    classes: dict[str, Tag | Shape] = attrs.field(factory=dict, repr=False, eq=False)
    #: The endings of nouns naming events (``event_suffixes``), and those of three letters or
    #: more, for plurals ("payments", not "officials").
    suffixes: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    plural_suffixes: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    #: The endings of nouns that are no verbs (``noun_endings``): "privation or *oppression*".
    noun_endings: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    #: The endings of adjectives (``adjective_endings``): "successful", "traditional".
    adjective_endings: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    #: The verbs of saying and of announcing together (``reporting_verbs``,
    #: ``announcing_verbs``): verbs that take what was said.
    saying: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    #: What may follow a date to say what happened then or what it is counted from
    #: (``timing_subordinators``, ``event_anchors``): "last fall *when*", "the days *before*".
    timing_links: frozenset[str] = attrs.field(init=False, repr=False, eq=False)

    @suffixes.default
    def _suffixes(self) -> tuple[str, ...]:
        return tuple(sorted(self.lists.get("event_suffixes", ())))

    @plural_suffixes.default
    def _plural_suffixes(self) -> tuple[str, ...]:
        return tuple(x for x in self.suffixes if len(x) > 2)

    @noun_endings.default
    def _noun_endings(self) -> tuple[str, ...]:
        return tuple(sorted(self.lists.get("noun_endings", ())))

    @adjective_endings.default
    def _adjective_endings(self) -> tuple[str, ...]:
        return tuple(sorted(self.lists.get("adjective_endings", ())))

    @saying.default
    def _saying(self) -> frozenset[str]:
        return self.lists.get("reporting_verbs", frozenset()) | self.lists.get(
            "announcing_verbs", frozenset()
        )

    @timing_links.default
    def _timing_links(self) -> frozenset[str]:
        return self.lists.get("timing_subordinators", frozenset()) | self.lists.get(
            "event_anchors", frozenset()
        )

    def ends_with_verb_form(self, low: str) -> bool:
        """Whether a word is a listed irregular form (not in -s) after a prefix of two letters
        or more: "withstood", "repaid", "offset", "outsold" (and "asset": a guess by shape).

        >>> [lexicon().ends_with_verb_form(w) for w in ["withstood", "outsold", "plans", "set"]]
        [True, True, False, False]
        """
        forms = self.lists["verb_forms"]
        return not low.endswith("s") and any(low[k:] in forms for k in range(2, len(low) - 2))

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.lists[name]

    def classify(self, low: str) -> Tag | Shape:
        """The word class of a lower-case word (see :attr:`classes`), remembered.

        >>> [lexicon().classify(w).value for w in ["the", "said", "end", "rallied", "Iraq"]]
        ['D', 'form', 'base', '-ed', 'other']
        """
        kind: Tag | Shape
        head = low[0]
        if not head.isalnum() and head not in "$£€":
            if low in _POSSESSIVE_S:
                kind = POSSESSIVE_WORD
            elif head in "'’" and len(low) > 1:
                kind = AUX  # 're, 've, 'll, 'd, 'm
            elif low == "--" or low in CUT_MARKS:
                kind = PUNCT
            elif low == "%":
                kind = NOUN  # a per cent sign standing alone: "rose 18 %"
            else:
                kind = OTHER
        elif low in self.lists["complementizers"]:
            kind = THAT_WORD
        elif low in self.tags:
            kind = self.tags[low]
        elif low.endswith(("n't", "n’t")):
            kind = AUX  # didn't, won't
        elif low in self.lists["numerals"]:
            kind = NOUN_WORD  # "is now *two* years behind"
        elif low in self.lists["not_verbs"]:  # but "to *bring*", "they *need*", "X *shed* 8%"
            forms, bases = self.lists["verb_forms"], self.lists["verb_bases"]
            kind = VERB_FORM if low in forms else VERB_BASE if low in bases else NOUN_WORD
        elif low in self.lists["verb_forms"]:
            kind = VERB_FORM
        elif low in self.lists["verb_bases"]:
            kind = VERB_BASE
        elif len(low) > 4 and low.endswith("ed"):
            kind = ED_WORD
        elif len(low) > 4 and low.endswith("ing"):
            kind = ING_WORD
        elif len(low) > 4 and low.endswith("ly") and low not in self.lists["not_adverbs"]:
            kind = LY_WORD
        else:
            kind = UNKNOWN_WORD
        if len(self.classes) < 100_000:  # bounded, whatever the input
            self.classes[low] = kind
        return kind

    @classmethod
    def from_toml(cls, text: str) -> Lexicon:
        """Build a lexicon from the text of a rules file."""
        data = tomllib.loads(text)
        lists = {name: frozenset(value.split()) for name, value in data["lists"].items()}
        tags: dict[str, Tag] = {}
        for name, tag in _CLOSED_CLASSES:
            for word in lists[name]:
                tags[word] = tag
        return cls(lists, tags)


def s_form(low: str) -> bool:
    """Whether a word may be a verb in -s by its shape: "requires", not "press" or "status"."""
    return (
        len(low) > 3 and low.isalpha() and low[-1] == "s" and not low.endswith(("ss", "us", "is"))
    )


@cache
def lexicon() -> Lexicon:
    """The bundled lexicon, loaded once per process."""
    text = resources.files("timeline").joinpath("rules/events.toml").read_text(encoding="utf-8")
    return Lexicon.from_toml(text)


def is_verb(word: str) -> bool:
    """Whether a word looks like a verb out of context (the nearest-verb baseline's test).

    >>> [w for w in "Shares fell sharply after the bombing was reported".split() if is_verb(w)]
    ['fell', 'bombing', 'reported']
    """
    lex = lexicon()
    low = word.lower()
    if low in lex["not_verbs"] or low in lex.tags:
        return False
    if low in lex["verb_forms"] or low in lex["reporting_verbs"]:
        return True
    return len(low) > 4 and low.endswith(("ed", "ing")) and word[:1].islower()
