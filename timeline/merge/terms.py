"""The terms of an event phrase: the words that name what happened, in one form each.

A phrase is cut into words (letters and digits; a decimal number is one word: ``2.62``), and
each word becomes a *term*, or nothing:

- function words ("the", "was"), verbs of saying ("said", "told") and words of time
  ("yesterday", "July", "year") are left out: the date is compared as an interval, and the
  news is what was said, not the saying (lists in ``rules/merge.toml``);
- a *name* keeps its letters, lower-cased ("iPhone" is ``iphone``, "A380" ``a380``, "4"
  ``4``): a word with a capital inside it or with digits, a number, or a word that the
  texts write with a capital inside their sentences more often than without (:class:`Names`);
- any other word is brought to its stem (:func:`stem`): "launched", "launches" and
  "launching" are ``launch``, "fell" and "fallen" are ``fal`` like "falls".

>>> names = Names.from_texts(["Apple chief Steve Jobs resigned.", "Then Jobs fought cancer."])
>>> terms = Terms.of("Steve Jobs has been fighting pancreatic cancer", names)
>>> sorted(terms.all), sorted(terms.names), sorted(terms.predicates)
(['cancer', 'fight', 'jobs', 'pancreatic', 'steve'], ['jobs', 'steve'], ['fight'])
>>> sorted(Terms.of("He fought pancreatic cancer in 2004", names).all)
['2004', 'cancer', 'fight', 'pancreatic']
>>> names.is_name("jobs"), names.is_name("cancer")
(True, False)
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable, Set
from functools import cache
from importlib import resources

import attrs

from timeline.events import ING, NOUN, VERB, Chunk, lexicon

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["Names", "Terms", "Vocabulary", "stem", "term", "vocabulary", "words"]

# A word: letters and digits, a decimal number in one piece ("2.62", "10,769.00").
_WORD = re.compile(r"[^\W_]+(?:[.,][0-9]+)*")
# Endings stripped from a word that is no name, longest first; each leaves at least three
# letters. "uction" keeps the verb's stem: "introduction" and "introduced" are ``introduc``.
_ENDINGS = (
    ("uctions", "uc"),
    ("uction", "uc"),
    ("ations", ""),
    ("ation", ""),
    ("ments", ""),
    ("ment", ""),
    ("ically", "ic"),
    ("ings", ""),
    ("ions", ""),
    ("ing", ""),
    ("ion", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ly", ""),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
)
_VOWELS = frozenset("aeiouy")


@attrs.frozen
class Vocabulary:
    """The word lists of ``rules/merge.toml``: words left out, irregular forms, and what makes
    a predicate."""

    left_out: frozenset[str]
    #: An irregular form → its base: ``fell`` → ``fall``.
    irregular: dict[str, str]
    #: Verbs that are never a predicate ("make", "have", "be").
    light_verbs: frozenset[str]
    #: Nouns that name happenings: ours, and those of the events lexicon.
    event_nouns: frozenset[str]
    #: A stem → the name of its class of synonyms: ``introduc`` → ``launch``.
    synonyms: dict[str, str] = attrs.Factory(dict)
    #: The terms of verbs of announcing (``announcing_verbs`` of the events lexicon): a
    #: predicate only of a phrase that has no other ("Apple announced the iPhone").
    announcing: frozenset[str] = frozenset()

    @classmethod
    def from_toml(cls, text: str) -> Vocabulary:
        """The vocabulary written in a ``merge.toml`` text."""
        data = tomllib.loads(text)
        lists = {name: frozenset(words.split()) for name, words in data["lists"].items()}
        irregular = {
            form: base for base, forms in data["irregular"].items() for form in forms.split()
        }
        synonyms = {
            _stem(word, irregular): name
            for name, words in data["synonyms"].items()
            for word in words.split()
        }
        return cls(
            lists["function_words"]
            | lists["saying_words"]
            | lists["time_words"]
            | lists["company_words"],
            irregular,
            lists["light_verbs"],
            lists["event_nouns"] | lexicon()["event_nouns"],
            synonyms,
            frozenset(
                synonyms.get(stem, stem)
                for stem in (_stem(w, irregular) for w in lexicon()["announcing_verbs"])
            ),
        )


@cache
def vocabulary() -> Vocabulary:
    """The bundled vocabulary, read once per process."""
    path = resources.files("timeline").joinpath("rules/merge.toml")
    return Vocabulary.from_toml(path.read_text(encoding="utf-8"))


def words(phrase: str) -> list[str]:
    """The words of a phrase as written: letters and digits, decimals in one piece.

    >>> words("The Dow's fall of 2.62 % at 16:08 UTC")
    ['The', 'Dow', 's', 'fall', 'of', '2.62', 'at', '16', '08', 'UTC']
    """
    return _WORD.findall(phrase)


def stem(word: str) -> str:
    """A lower-case word's stem: its irregular base, less one ending, less a final "e" or "y"
    and a doubled last letter; the same stem for the forms of a word.

    >>> [stem(w) for w in ("launched", "launches", "launch", "fell", "fallen", "falls")]
    ['launch', 'launch', 'launch', 'fal', 'fal', 'fal']
    >>> [stem(w) for w in ("introduced", "introduction", "resigned", "resignation")]
    ['introduc', 'introduc', 'resign', 'resign']
    >>> [stem(w) for w in ("delivery", "delivered", "dramatically", "dramatic", "stopped")]
    ['deliver', 'deliver', 'dramatic', 'dramatic', 'stop']
    """
    return _stem(word, vocabulary().irregular)


def _stem(word: str, irregular: dict[str, str]) -> str:
    base = irregular.get(word, word)
    for ending, replacement in _ENDINGS:
        if base.endswith(ending) and len(base) - len(ending) >= 3:
            base = base[: len(base) - len(ending)] + replacement
            break
    if len(base) > 3 and base[-1] in "ey":
        base = base[:-1]
    if len(base) > 3 and base[-1] == base[-2] and base[-1] not in _VOWELS:
        base = base[:-1]
    return base


def term(word: str) -> str:
    """The term of a lower-case word that is no name: its stem, or the name of its class of
    synonyms ("introduced", "unveils" and "launch" are ``launch``).

    >>> [term(w) for w in ("introduced", "unveils", "launch", "plunged", "fell")]
    ['launch', 'launch', 'launch', 'fall', 'fall']
    """
    stemmed = stem(word)
    return vocabulary().synonyms.get(stemmed, stemmed)


@attrs.frozen
class Names:
    """The words a corpus writes as names: with a capital inside its sentences more often than
    without ("Jobs", "Apple"; not "Stock" at the start of a sentence), kept lower-cased."""

    capitalised: frozenset[str]

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Names:
        """Count, over the words of ``texts`` that do not open a sentence, how often each is
        written with a capital and how often without."""
        upper: Counter[str] = Counter()
        lower: Counter[str] = Counter()
        for text in texts:
            opening = True
            for match in re.finditer(r"[^\W_]+|[.!?:\"“”]", text):
                word = match.group()
                if not word[0].isalnum():
                    opening = True
                    continue
                if not opening:
                    low = word.lower()
                    (upper if word != low else lower)[low] += 1
                opening = False
        return cls(frozenset(w for w, n in upper.items() if n > lower[w]))

    def is_name(self, low: str) -> bool:
        """Whether a lower-cased word is a name of the corpus."""
        return low in self.capitalised


def _shaped_name(word: str) -> bool:
    """A name by its shape alone: a number, digits with letters ("A380", "3G"), or a capital
    after its first letter ("iPhone", "GM")."""
    if any(c.isdigit() for c in word):
        return True
    return any(c.isupper() for c in word[1:])


@attrs.frozen
class Terms:
    """The terms of a phrase, those of them that are names, and its *predicates*: the stems of
    its verbs (but light verbs: "make", "have") and of its nouns that name happenings
    ("flight", "bankruptcy", "election"), as the events chunker tags them."""

    all: frozenset[str]
    names: frozenset[str]
    predicates: frozenset[str]
    #: Whether the chunker finds a verb in the phrase (light verbs too).
    verb: bool = False

    @classmethod
    def of(cls, phrase: str, names: Names) -> Terms:
        """The terms of ``phrase`` (see the module docstring); names are kept whole."""
        left_out = vocabulary().left_out
        terms: set[str] = set()
        found: set[str] = set()
        for word in words(phrase):
            low = word.lower()
            if low in left_out or (len(low) == 1 and not low.isdigit()):
                continue
            if _shaped_name(word) or names.is_name(low):
                found.add(low)
            else:
                terms.add(term(low))
        predicates, verb = _predicates(phrase, found)
        return cls(frozenset(terms | found), frozenset(found), predicates, verb)


def _names_a_happening(low: str) -> bool:
    """Whether a lower-case noun names a happening: listed, or with an ending of event nouns
    ("-tion", "-ment", ...; ``rules/events.toml``) and not listed as an adjective."""
    lex = lexicon()
    if low in vocabulary().event_nouns:
        return True
    single = low[:-1] if low.endswith("s") else low
    return len(single) >= 5 and single.endswith(lex.suffixes) and single not in lex["not_verbs"]


def _predicates(phrase: str, names: Set[str]) -> tuple[frozenset[str], bool]:
    """The terms of the verbs and event nouns of a phrase (see :class:`Terms`), and whether it
    has a verb at all."""
    vocab = vocabulary()
    tagged = Chunk(phrase, 0, len(phrase), ())
    found: set[str] = set()
    any_verb = False
    for low, tag in zip(tagged.lows, tagged.tags, strict=True):
        verb = tag in (VERB, ING)
        any_verb = any_verb or verb
        if verb and low in vocab.light_verbs:
            continue
        if not verb and not (tag == NOUN and _names_a_happening(low)):
            continue
        for word in words(low):
            if word not in vocab.left_out and word not in names and len(word) > 1:
                found.add(term(word))
    if len(found) > 1 and not found.isdisjoint(vocab.announcing):
        # "GM announced it has lost $6 billion": what was announced is the happening
        found -= vocab.announcing
    return frozenset(found), any_verb
