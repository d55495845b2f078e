"""The chunker under stage 3: a sentence as words, coarse parts of speech and clauses.

Each sentence is cut into words; each word gets a coarse part of speech from a small lexicon of
our own (``rules/events.toml``: function words, auxiliaries, verb forms) and from its shape and
neighbours (-ed, -ing, -ly; a word after "to", a modal or "we" is a verb, also past an adverb,
"to *finally* return", after "the" a noun; a verb base is a verb after a plural subject,
"analysts *say*", after "help", "helped *end* the war", or joined by "and" to a verb, "to stay
and *fight* the rebels"; a word in -s is a verb after "which" or "it", "which *requires*", after
a singular noun and before its object, "the law *requires* each bank", after a subject and an
adverb, "the plan still *calls* for", or in a clause after "when", "if" ... that has no other
verb, "if diplomacy *fails*"; an -ing word after a noun, its object or a preposition after it,
is a verb: "shareholders *tendering* 99%", "investigators *trying* to", as is a verb of saying
before "that": "police *explaining* that"; a number never is); and the sentence is cut into
clauses at punctuation (not at the commas around a state's short name: "a Buffalo, N.Y.,
doctor"), subordinators, relative pronouns and coordinated verbs.

The rules that choose an event phrase from these are in :mod:`timeline.events`.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Sequence
from functools import cache
from importlib import resources

import attrs

from timeline.records import Timex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["LONGEST", "MAX_WORDS", "Chunk", "Lexicon", "is_verb", "lexicon"]

MAX_WORDS = 11
#: The longest event phrase, in words: MAX_WORDS and the end of a noun phrase it would cut, or
#: a date inside the phrase ("said on Monday that ...").
LONGEST = 15

# Words: "2,500", "U.S", "6-year-old", "61%-owned", "$1.6", "don't"; a possessive "'s" on its
# own; then any other single character (punctuation).
_TOKEN = re.compile(
    r"[$£€]?\w+(?:%?[-.,&/]\w+|['’](?!(?:[sSdm]|re|ve|ll)\b)\w+)*%?|['’](?:[sSdm]|re|ve|ll)\b|--|\S"
)


# Coarse parts of speech, one letter each.
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

_CUT = frozenset(",;:()[]{}-–—_|")
_QUOTES = frozenset("\"“”'‘’`«»")
_BOUNDARY = frozenset({PUNCT, SUB, REL, THAT})
# Before these an unknown word is a noun at once: no tagging rule looks further.
_PLAIN_BEFORE = frozenset({DET, POSS, PREP, PUNCT, SUB, THAT, ""})
_OBJECT = frozenset({DET, PRON, "that"})  # the word classes that open an object or a clause
VERBISH = frozenset({VERB, ING, AUX})
FINITE = frozenset({VERB, AUX})
CONTENT = frozenset({NOUN, VERB, ING, AUX, PRON, NEG})
_COUNTED = frozenset({NOUN, VERB, ING, AUX, PRON, NEG, DET, PREP, CONJ, SUB, REL, THAT, ADV, TIME})
_TRIM_START = frozenset({PUNCT, CONJ, SUB, REL, THAT, PREP, POSS, NEG, TIME})
_TRIM_END = _TRIM_START | {DET}
NP_WORDS = frozenset({NOUN, DET, POSS, OTHER})
SLACK = 3  # words past MAX_WORDS to finish a noun phrase
_SUBJECT_PREPOSITIONS = frozenset({"of", "in", "at", "from", "for", "to"})
# Endings of nouns that are no verbs: "privation or *oppression*".
_NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ance", "ence", "ity", "ship", "ism")


def _s_form(low: str) -> bool:
    """Whether a word may be a verb in -s by its shape: "requires", not "press" or "status"."""
    return (
        len(low) > 3 and low.isalpha() and low[-1] == "s" and not low.endswith(("ss", "us", "is"))
    )


def _base_shape(low: str) -> bool:
    """Whether a word may be a verb's base form by its shape: "end", not "ends" or "ended"."""
    return low.isalpha() and not _s_form(low) and not low.endswith(("ed", "ing", "ly"))


def _infinitive(low: str) -> bool:
    """Whether a word after "to" may be its infinitive: not a plural ("to talks"), but a verb in
    -ss ("to discuss", "to press"), not a noun in -ness ("to business")."""
    if not low[0].isalpha():
        return False
    return low[-1] != "s" or (len(low) > 4 and low.endswith("ss") and not low.endswith("ness"))


@attrs.frozen
class Lexicon:
    """The word lists of ``rules/events.toml`` by name, and the word-class table they make."""

    lists: dict[str, frozenset[str]]
    tags: dict[str, str] = attrs.field(factory=dict, repr=False)
    #: The word class of each word seen (lower case), filled as words come: a part of speech
    #: for closed classes and marks, else a shape for the tagger ("form", "base", "-ed", ...).
    classes: dict[str, str] = attrs.field(factory=dict, repr=False, eq=False)
    #: The endings of nouns naming events (``event_suffixes``), and those of three letters or
    #: more, for plurals ("payments", not "officials").
    suffixes: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    plural_suffixes: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    #: The verbs of saying and of announcing together (``reporting_verbs``,
    #: ``announcing_verbs``): verbs that take what was said.
    saying: frozenset[str] = attrs.field(init=False, repr=False, eq=False)

    @suffixes.default
    def _suffixes(self) -> tuple[str, ...]:
        return tuple(sorted(self.lists.get("event_suffixes", ())))

    @plural_suffixes.default
    def _plural_suffixes(self) -> tuple[str, ...]:
        return tuple(x for x in self.suffixes if len(x) > 2)

    @saying.default
    def _saying(self) -> frozenset[str]:
        return self.lists.get("reporting_verbs", frozenset()) | self.lists.get(
            "announcing_verbs", frozenset()
        )

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.lists[name]

    def classify(self, low: str) -> str:
        """The word class of a lower-case word (see :attr:`classes`), remembered."""
        head = low[0]
        if not head.isalnum() and head not in "$£€":
            if low in ("'s", "’s"):
                kind = "'s"
            elif head in "'’" and len(low) > 1:
                kind = AUX  # 're, 've, 'll, 'd, 'm
            elif low == "--" or low in _CUT:
                kind = PUNCT
            elif low == "%":
                kind = NOUN  # a per cent sign standing alone: "rose 18 %"
            else:
                kind = OTHER
        elif low == "that":
            kind = "that"
        elif low in self.tags:
            kind = self.tags[low]
        elif low.endswith(("n't", "n’t")):
            kind = AUX  # didn't, won't
        elif low in self.lists["numerals"]:
            kind = "noun"  # "is now *two* years behind"
        elif low in self.lists["not_verbs"]:  # but "to *bring*", "they *need*", "X *shed* 8%"
            forms, bases = self.lists["verb_forms"], self.lists["verb_bases"]
            kind = "form" if low in forms else "base" if low in bases else "noun"
        elif low in self.lists["verb_forms"]:
            kind = "form"
        elif low in self.lists["verb_bases"]:
            kind = "base"
        elif len(low) > 4 and low.endswith("ed"):
            kind = "-ed"
        elif len(low) > 4 and low.endswith("ing"):
            kind = "-ing"
        elif len(low) > 4 and low.endswith("ly") and low not in self.lists["not_adverbs"]:
            kind = "-ly"
        else:
            kind = "other"
        if len(self.classes) < 100_000:  # bounded, whatever the input
            self.classes[low] = kind
        return kind

    @classmethod
    def from_toml(cls, text: str) -> Lexicon:
        """Build a lexicon from the text of a rules file."""
        data = tomllib.loads(text)
        lists = {name: frozenset(value.split()) for name, value in data["lists"].items()}
        tags: dict[str, str] = {}
        # later lists win: "that" is a determiner and more, "about" a preposition first
        for name, tag in (
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
        ):
            for word in lists[name]:
                tags[word] = tag
        return cls(lists, tags)


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


class Chunk:
    """One sentence as words, with their parts of speech and clause cuts."""

    def __init__(
        self, text: str, a: int, b: int, timexes: Sequence[Timex], lowered: str | None = None
    ) -> None:
        """Chunk ``text[a:b]``; ``lowered`` is ``text.lower()`` if the caller has it already."""
        self.text = text
        self.lex = lexicon()
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.lows: list[str] = []
        self.tags: list[str] = []
        self._tag(a, b, [(t.char_start, t.char_end) for t in timexes], lowered)
        self.n = len(self.tags)
        #: Whether each token counts as a word: not a mark, even inside a date ("Oct. 23, 1999").
        self.counted = counted = [tag in _COUNTED for tag in self.tags]
        if TIME in self.tags:
            for k, tag in enumerate(self.tags):
                if tag == TIME and not (self.lows[k][0].isalnum() or self.lows[k][0] in "$£€"):
                    counted[k] = False
        self._cuts: list[bool] | None = None

    # ----------------------------------------------------------------- tagging

    def _capitals(self, kinds: list[str], a: int, b: int) -> None:
        """A pronoun in capitals is a name in a sentence that is not all capitals: "the *US*
        economy", "US$ 100 billion", not "us"."""
        if PRON not in kinds:
            return
        sentence = self.text[a:b]
        if sentence == sentence.upper():  # all capitals: a headline, "US" may be "us"
            return
        for k, kind in enumerate(kinds):
            if kind == PRON and len(self.lows[k]) > 1:
                word = self.text[self.starts[k] : self.ends[k]]
                if word.isupper():
                    kinds[k] = NOUN

    def _tag(
        self, a: int, b: int, spans: list[tuple[int, int]], lowered: str | None = None
    ) -> None:
        text = self.text
        if lowered is not None and len(lowered) == len(text):
            # the document in lower case, offsets unchanged (no letter changed length)
            matches = list(_TOKEN.finditer(lowered, a, b))
            self.starts = starts = list(map(re.Match.start, matches))
            self.ends = list(map(re.Match.end, matches))
            self.lows = lows = list(map(re.Match.group, matches))
        elif len(sentence := text[a:b].lower()) == b - a:
            matches = list(_TOKEN.finditer(sentence))
            self.starts = starts = [m + a for m in map(re.Match.start, matches)]
            self.ends = [m + a for m in map(re.Match.end, matches)]
            self.lows = lows = list(map(re.Match.group, matches))
        else:  # "İ" and a few others change length in lower case
            matches = list(_TOKEN.finditer(text, a, b))
            self.starts = starts = [m.start() for m in matches]
            self.ends = [m.end() for m in matches]
            self.lows = lows = [m.group().lower() for m in matches]
        classes = self.lex.classes
        kinds = [classes.get(w) or self.lex.classify(w) for w in lows]
        self._capitals(kinds, a, b)
        for s, e in spans:  # the words of timexes
            for k in range(bisect.bisect_right(self.ends, s), bisect.bisect_left(starts, e)):
                kinds[k] = TIME
        self.tags = tags = kinds[:]
        time_nouns = self.lex["time_nouns"]
        subjects = self.lex["subject_pronouns"]
        singulars, helping = self.lex["singular_subjects"], self.lex["bare_infinitive_verbs"]
        alone = self.lex["standalone_determiners"]
        # the open-class words, in order: their part of speech depends on the word before
        for i in [i for i, kind in enumerate(kinds) if len(kind) > 1]:
            kind, low = kinds[i], lows[i]
            j = i - 1
            while j >= 0 and (tags[j] == OTHER or tags[j] == TIME):
                j -= 1
            if kind == "noun" or (
                kind == "other"
                and (
                    j < 0
                    or (tags[j] in _PLAIN_BEFORE and lows[j] != "to" and lows[j] not in alone)
                    or (tags[j] == NOUN and (i + 1 == len(kinds) or kinds[i + 1] not in _OBJECT))
                )
            ):
                tags[i] = NOUN  # the usual cases: "the *talks*", "in *Geneva*", "John *Smith*"
                continue
            near = j == i - 1
            if j > 0 and tags[j] == ADV:  # "to *finally* return", "we *also* worry"
                k = self._before_adverbs(j)
                if k >= 0 and (tags[k] in (AUX, NEG) or lows[k] == "to" or lows[k] in subjects):
                    j, near = k, True
            prev, prev_low = (tags[j], lows[j]) if j >= 0 else ("", "")
            if prev == DET and prev_low in alone and near and self._no_noun_next(i, kinds):
                prev = PRON  # standing alone: "both *declined* to", "those *taking* risks"
            if kind in ("other", "base") and prev == VERB and near and prev_low in helping:
                tag = VERB if _base_shape(low) and text[starts[i]].islower() else NOUN
                # a bare infinitive: "helped *end* the war"
            elif kind in ("other", "base") and prev == CONJ and self._coordinated_verb(i, j, kinds):
                tag = VERB  # "to stay and *fight* the"
            elif kind == "other":
                if prev_low in subjects and near and low[0].isalpha():
                    tag = VERB  # after a subject pronoun: "we *anticipate*", "they *exhibit*"
                elif prev == REL and j == i - 1 and self._third_person(i, kinds):
                    tag = VERB  # a verb in -s after a relative pronoun: "which *requires* banks"
                elif prev == REL and j == i - 1 and self._base_after_relative(i, kinds):
                    tag = VERB  # "who *gather* daily", "which *expire* Nov. 21"
                elif prev_low in singulars and near and _s_form(low):
                    tag = VERB  # in -s after a pronoun: "it *looks* like", "if everything *fails*"
                elif prev == ADV and near and self._after_subject(j, low):
                    tag = VERB  # "the plan still *calls* for", "it already *owns*"
                elif (
                    prev == NOUN
                    and near
                    and i + 1 < len(kinds)
                    and kinds[i + 1] in _OBJECT  # an object or a clause follows
                    and (
                        self._plural_other(i, j, kinds)  # "officials *suspect* a link"
                        or self._singular_verb(i, j, kinds)  # in -s: "Iraq *owes* its"
                    )
                ):
                    tag = VERB
                elif prev not in (AUX, NEG) and prev_low != "to":
                    tag = NOUN
                elif prev and text[starts[i]].isupper():
                    tag = NOUN  # a name
                elif prev in (AUX, NEG) or _infinitive(low):  # prev_low is "to" here
                    tag = VERB  # "was read", "did not comment", "to accede", "to discuss"
                else:
                    tag = NOUN
            elif (
                kind == "-ly"
                and (prev in (AUX, NEG) or prev_low == "to")
                and self._verb_next(i, kinds)
            ):
                tag = ADV  # "to *forcibly* take", "would *promptly* submit"
            elif kind == "'s":
                tag = AUX if prev == PRON else POSS
            elif kind == "that":
                tag = DET if prev in (PREP, DET) and j == i - 1 else THAT
            elif prev and text[starts[i]].isupper():
                tag = NOUN  # a name
            elif kind == "noun":
                tag = NOUN
            elif kind == "form":
                tag = NOUN if prev in (DET, POSS) else VERB
            elif low in ("ended", "ending") and prev_low in time_nouns:
                tag = NOUN  # "the quarter ended Sept. 30" names a period
            elif prev in (AUX, NEG) or (prev_low == "to" and _infinitive(low)):
                tag = VERB  # "was read", "did not comment", "to accede", "to discuss"
            elif kind == "base":
                plural = prev == NOUN and near and self._plural_verb(i, j, kinds)
                relative = prev == REL and j == i - 1 and self._base_after_relative(i, kinds)
                tag = VERB if prev == PRON or plural or relative else NOUN
            elif kind == "-ed":
                adjective = (
                    prev in (DET, POSS)
                    or (prev == PREP and j == i - 1 and prev_low not in ("as", "than"))
                    or (prev == ADV and j > 0 and tags[j - 1] in (DET, POSS))
                )
                # "the proposed plan", "a very strained situation", "in subordinated debentures"
                tag = NOUN if adjective else VERB
            elif kind == "-ing":
                tag = NOUN if prev in (DET, POSS, NOUN) and not self._plural_subject(i, j) else ING
            elif kind == "-ly":
                tag = NOUN if prev in (DET, POSS) and j == i - 1 else ADV  # "last year's deadly"
            else:
                tag = NOUN
            tags[i] = tag
        if SUB in tags or REL in tags or THAT in tags:
            self._verbless_clauses(kinds)

    def _verbless_clauses(self, kinds: list[str]) -> None:
        """A clause opened by "when", "which", "that" ... with no verb has one in -s after its
        subject: "when a bomb *explodes* at a clinic", "through which commerce *flows*"."""
        tags = self.tags
        start, n = None, len(tags)
        for k in range(n + 1):
            tag = tags[k] if k < n else PUNCT
            if tag not in _BOUNDARY and tag != CONJ:
                continue
            if start is not None and not self.has(start, k):
                m = next((m for m in range(start + 1, k) if self._s_after_noun(m, kinds)), k)
                after = m + 1
                while after < k and tags[after] == OTHER:
                    after += 1
                # after a singular subject, before its complement or the clause's end: "if
                # diplomacy *fails*."
                follows = tags[after] if after < k else tag
                if m < k and self._singular(m - 1) and follows in (PREP, DET, PRON, ADV, PUNCT):
                    tags[m] = VERB
            opens = tag in (SUB, REL, THAT) and k + 1 < n and tags[k + 1] != PREP  # "because of"
            start = k + 1 if opens else None

    def _s_after_noun(self, m: int, kinds: list[str]) -> bool:
        return kinds[m] == "other" and self.tags[m - 1] == NOUN and _s_form(self.lows[m])

    def _singular(self, j: int) -> bool:
        """Whether the noun ``j`` may be a singular subject: "the bomb", "Iraq", not "doctors"."""
        low = self.lows[j]
        if low[0].isdigit() or low in self.lex["numerals"]:
            return False
        return not low.endswith("s") or not self.text[self.starts[j]].islower()

    def _coordinated_verb(self, i: int, c: int, kinds: list[str]) -> bool:
        """Whether the verb base ``i`` after "and" or "or" ``c`` is a verb joined to a verb in
        the base form before it, its object after it: "to stay and *fight* the war"."""
        after = i + 1
        while after < len(kinds) and kinds[after] == OTHER:
            after += 1
        low = self.lows[i]
        if after >= len(kinds) or not (kinds[i] == "base" or _base_shape(low)):
            return False
        if low.endswith(_NOUN_ENDINGS):  # "privation or *oppression* in"
            return False
        if not self.text[self.starts[i]].islower() or self.lows[c] not in ("and", "or"):
            return False
        if kinds[after] not in (DET, PRON, PREP):
            return False
        k = c - 1
        while k >= 0 and c - k <= 8 and self.tags[k] not in _BOUNDARY:
            if self.tags[k] in VERBISH:
                return self.tags[k] == VERB and kinds[k] in ("base", "other")
            k -= 1
        return False

    def _no_noun_next(self, i: int, kinds: list[str]) -> bool:
        """Whether the word ``i`` in -ed or -ing is no noun's modifier: an object, a preposition
        or nothing after it, "those *taking* risks", "those *discovered* at"."""
        if kinds[i] not in ("-ed", "-ing"):
            return False
        k = i + 1
        return k >= len(kinds) or kinds[k] in (DET, PREP, PRON, THAT, SUB, PUNCT, "that")

    def _before_adverbs(self, j: int) -> int:
        """The nearest token before the adverbs ending at ``j`` that is not a quote (-1 if none)."""
        while j >= 0 and self.tags[j] in (ADV, OTHER):
            j -= 1
        return j

    def _verb_next(self, i: int, kinds: list[str]) -> bool:
        """Whether the word after ``i`` may be a verb by its shape (an open-class word)."""
        return i + 1 < len(kinds) and kinds[i + 1] in ("base", "form", "other", "-ed", "-ing")

    def _plural_verb(self, i: int, j: int, kinds: list[str]) -> bool:
        """Whether the verb base ``i`` after the plural noun ``j`` is its verb: "analysts *say*
        the", "officials *hope* to"; not a noun after a compound ("a sales *increase*", "arms
        *control* talks", "the rights *campaign* of")."""
        noun = self.lows[j]
        if len(noun) < 4 or not noun.endswith("s") or noun.endswith(("ss", "us", "is")):
            return False
        if j > 0 and not self.text[self.starts[j]].islower():
            return False  # a name: "the Cubans"
        k = self.back(j)
        if k >= 0 and self.lows[k] in ("a", "an", "another", "each", "every"):
            return False
        after = kinds[i + 1] if i + 1 < len(kinds) else ""
        if not after:
            return True
        if self.lows[i + 1] == "of":
            return False
        if self.lows[i] in self.lex["reporting_verbs"] or self.text[self.starts[i + 1]].isupper():
            return True  # "officials *say* Iraq's president", "sanctions *force* Saddam to"
        return after not in ("base", "form", "other", "-ed", "-ing", "noun", "'s", "that")

    def _after_subject(self, j: int, low: str) -> bool:
        """Whether the word ``low`` in -s after the adverb ``j`` follows a subject, so that it is
        its verb: "the plan still *calls* for", "which sorely *misses* them"."""
        k = self._before_adverbs(j)
        return _s_form(low) and k >= 0 and self.tags[k] in (NOUN, PRON, REL, THAT)

    def _plural_other(self, i: int, j: int, kinds: list[str]) -> bool:
        """Whether the unknown word ``i`` after the plural noun ``j`` is its verb, an object or
        a clause after it: "officials *suspect* a link", "inspectors *certify* that"."""
        if not _base_shape(self.lows[i]) or self.lows[i].endswith(_NOUN_ENDINGS):
            return False
        if i + 1 >= len(kinds) or kinds[i + 1] not in (DET, PRON, "that"):
            return False
        return self._plural_verb(i, j, kinds)

    def _singular_verb(self, i: int, j: int, kinds: list[str]) -> bool:
        """Whether the word ``i`` in -s after the singular noun ``j`` is its verb, an object
        after it: "the law *requires* parties", "Iraq *owes* its", "the firm *owns* eight"."""
        noun = self.lows[j]
        if not _s_form(self.lows[i]) or not self.text[self.starts[i]].islower():
            return False
        if noun.endswith("s") and self.text[self.starts[j]].islower():
            return False  # a plural, or a compound: "the price increases"
        while j >= 0 and self.tags[j] == NOUN:
            if self.lows[j][0].isdigit() or self.lows[j] in self.lex["numerals"]:
                return False  # a measure: "14 Canadian *cents* a share"
            j -= 1
        return i + 1 < len(kinds) and kinds[i + 1] in (DET, PRON)

    def _third_person(self, i: int, kinds: list[str]) -> bool:
        """Whether the unknown word ``i`` after "which" or "who" is a verb in -s, not the plural
        subject of the relative clause: "which *requires*", but "which *analysts* expect"."""
        low = self.lows[i]
        if self.lows[i - 1] not in ("which", "who") or not low.isalpha():
            return False
        if len(low) < 4 or not low.endswith("s") or low.endswith(("ss", "us", "is")):
            return False
        after = kinds[i + 1] if i + 1 < len(kinds) else ""
        return after not in ("form", "base", "-ed", AUX, NEG, ADV, "'s")

    def _base_after_relative(self, i: int, kinds: list[str]) -> bool:
        """Whether the word ``i`` in its base form right after "who" or "which" is the relative
        clause's verb, a date, an object, a preposition or an adverb after it: "demonstrators who
        *gather* daily", "the rights, which *expire* Nov. 21"; not "at which *point* the"."""
        low = self.lows[i]
        if self.lows[i - 1] not in ("which", "who") or not _base_shape(low):
            return False
        if not self.text[self.starts[i]].islower() or low.endswith(_NOUN_ENDINGS):
            return False
        if self.lows[i - 1] == "which" and i > 1 and self.tags[i - 2] in (PREP, DET):
            return False  # "at which point", "in which case"
        after = kinds[i + 1] if i + 1 < len(kinds) else ""
        return after in (TIME, DET, PREP, PRON, ADV, "-ly", "that")

    def _plural_subject(self, i: int, j: int) -> bool:
        """Whether the -ing word ``i`` after the noun ``j`` is its verb, with its object or a
        preposition after it: "with shareholders *tendering* 99% of the shares", "investigators
        *trying* to", "a rally *demanding* Elian's return"; not a noun naming an event or an
        activity ("the clinic *bombing* in", "program *trading* in")."""
        noun, k = self.lows[j], i + 1
        if j != i - 1 or self.tags[j] != NOUN or k >= len(self.tags):
            return False
        if self.tags[k] == TIME:
            return False
        after = self.lows[k]
        plural = len(noun) > 3 and noun.endswith("s") and not noun.endswith(("ss", "us"))
        plural = plural and (j == 0 or self.text[self.starts[j]].islower())
        if after[0].isdigit() or after[0] in "$£€" or (plural and self.tags[k] == DET):
            return plural
        if self.lows[i] in self.lex["event_nouns"] or self.lows[i] in self.lex["ing_nouns"]:
            return False
        if self.tags[k] in (DET, PRON) or (self.tags[k] == PREP and after != "of"):
            return True
        if after == "that":  # a verb of saying and what is said: "police *explaining* that"
            base = self.lows[i][:-3]
            return base in self.lex.saying or base + "e" in self.lex.saying
        return self.text[self.starts[k]].isupper() and after.isalpha()  # a name

    # ----------------------------------------------------------------- helpers

    def tag(self, i: int) -> str:
        return self.tags[i] if 0 <= i < self.n else ""

    def low(self, i: int) -> str:
        return self.lows[i] if 0 <= i < self.n else ""

    def back(self, i: int) -> int:
        """The nearest token before ``i`` that is not a quote (-1 if none)."""
        i -= 1
        while i >= 0 and self.tags[i] == OTHER:
            i -= 1
        return i

    def forth(self, i: int) -> int:
        """The nearest token from ``i`` on that is not a quote (``n`` if none)."""
        while i < self.n and self.tags[i] == OTHER:
            i += 1
        return i

    def has(self, i: int, j: int, kinds: frozenset[str] = VERBISH) -> bool:
        """Whether a token of ``i``..``j - 1`` has one of the parts of speech ``kinds``."""
        return not kinds.isdisjoint(self.tags[max(i, 0) : j])

    def count(self, i: int, j: int, kinds: frozenset[str] = _COUNTED) -> int:
        """How many tokens of ``i``..``j - 1`` have one of the parts of speech ``kinds`` (by
        default: how many words, the marks of a date such as "Oct. 23, 1999" not counted)."""
        if kinds is _COUNTED:
            return sum(self.counted[max(i, 0) : j])
        return sum(map(kinds.__contains__, self.tags[max(i, 0) : j]))

    def cuts(self, i: int) -> bool:
        """Whether token ``i`` cuts clauses."""
        return self.cut_list()[i]

    def cut_list(self) -> list[bool]:
        """Whether each token cuts clauses (made on first use)."""
        cut = self._cuts
        if cut is None:
            cut = self._cuts = [tag in _BOUNDARY for tag in self.tags]
            if CONJ in self.tags:
                for k, tag in enumerate(self.tags):
                    if tag == CONJ:
                        cut[k] = self._cutting(k)
            if "," in self.lows:  # a place and its state: "a Buffalo, N.Y., doctor"
                for k in range(1, self.n - 2):
                    if self.lows[k] == ",":
                        after = self._state_after(k)
                        if after:
                            cut[k] = cut[after] = False
            if "(" in self.lows:  # a short aside cuts nothing: "1,300 pounds (600 kgs) of"
                for k, low in enumerate(self.lows):
                    if low == "(":
                        close = next(
                            (c for c in range(k + 1, min(k + 6, self.n)) if self.lows[c] == ")"), -1
                        )
                        if close > k and not self.has(k, close, VERBISH):
                            cut[k] = cut[close] = False
        return cut

    def _state_after(self, k: int) -> int:
        """The comma after the short name of a state, if the comma at ``k`` is between a place
        and that name: "a Buffalo, *N.Y.*, doctor", "Amherst, *Mass.*, company"; else 0."""
        word = self.text[self.starts[k + 1] : self.ends[k + 1]]
        m = k + 2
        if self.lows[m] == ".":  # the tokenizer leaves the last full stop on its own
            m += 1
        elif not word.endswith("."):
            return 0
        if (
            m < self.n
            and self.lows[m] == ","
            and self.text[self.starts[k - 1]].isupper()
            and word[:1].isupper()
            and len(word) <= 5
        ):
            return m
        return 0

    def _cutting(self, i: int) -> bool:
        tag = self.tags[i]
        if tag in _BOUNDARY:
            return True
        if tag == CONJ:
            if self.lows[i] in ("but", "yet"):
                return True
            k = self.forth(i + 1)
            while k < self.n and self.tags[k] == ADV:
                k += 1
            return k < self.n and self.tags[k] in (VERB, AUX, PRON)
        return False

    def span(self, i: int, j: int) -> tuple[int, int] | None:
        """Character span of tokens ``i``..``j - 1``, function words trimmed at the edges, and
        no bracket left open: "the Group (AIG)", not "the Group (AIG"."""
        tags, lows = self.tags, self.lows
        brackets = "(" in lows or ")" in lows
        for _ in range(2 if brackets else 1):
            while i < j and (tags[i] in _TRIM_START or (tags[i] == OTHER and self._stray(i, i, j))):
                i += 1
            while j > i and (
                tags[j - 1] in _TRIM_END or (tags[j - 1] == OTHER and self._stray(j - 1, i, j))
            ):
                j -= 1
            if brackets:
                i, j = self._bracketed(i, j)
        if i >= j:
            return None
        if brackets and j < self.n and lows[j] == ")" and "(" in lows[i:j]:
            j += 1  # the bracket the trimming took off: "the Group (AIG)"
        start, end = self.starts[i], self.ends[j - 1]
        # the quotes around a quoted phrase: '"color revolutions"'
        if (
            i > 0
            and j < self.n
            and lows[i - 1] in _QUOTES
            and lows[j] in _QUOTES
            and not self._odd_quotes(i, j)
        ):
            start, end = self.starts[i - 1], self.ends[j]
        # an abbreviation's full stop: "the U.S."
        elif (
            "." in lows[j - 1]
            and lows[j - 1][-1].isalpha()  # "U.S.", not "$21.25."
            and self.text[end : end + 1] == "."
            and j < self.n
        ):
            end += 1
        return start, end

    def _bracketed(self, i: int, j: int) -> tuple[int, int]:
        """``i``..``j`` with no bracket open at either end: a ")" whose "(" is before ``i`` is
        left out with what comes before it; a "(" whose ")" is after ``j`` takes it in if it is
        within three tokens, else is left out with what follows."""
        depth = 0
        for k in range(i, j):
            if self.lows[k] == "(":
                depth += 1
            elif self.lows[k] == ")":
                if depth:
                    depth -= 1
                else:
                    i = k + 1  # "INDU ) finished": from after the bracket
        if depth:
            opened = max(k for k in range(i, j) if self.lows[k] == "(")
            close = next((c for c in range(j, min(j + 3, self.n)) if self.lows[c] == ")"), -1)
            j = close + 1 if close >= 0 and depth == 1 else opened
        return i, j

    def _odd_quotes(self, i: int, j: int) -> bool:
        return sum(1 for k in range(i, j) if self.lows[k] in _QUOTES) % 2 == 1

    def _stray(self, k: int, i: int, j: int) -> bool:
        """Whether the mark at ``k``, at an edge of ``i..j``, lacks its partner inside."""
        return self.lows[k] not in _QUOTES or self._odd_quotes(i, j)

    def np_start(self, i: int, limit: int = 6) -> int | None:
        """Start of the noun phrase ending at token ``i``, back to its determiner, or None."""
        if self.tag(i) == OTHER:
            i = self.back(i)
        if self.tag(i) not in (NOUN, TIME):
            return None
        tags = self.tags
        k, nouns = i, 0
        while k >= 0 and nouns < limit:
            tag = tags[k]
            if tag == DET:
                return k
            if tag not in (NOUN, POSS, OTHER, TIME) and not (tag == ADV and k < i):
                break
            nouns += tag == NOUN
            k -= 1
        k += 1
        while k <= i and tags[k] not in (NOUN, DET, TIME):
            k += 1
        return k

    def subject_start(self, i: int) -> int:
        """Start of the subject ending at noun ``i``, with a phrase: "exiles in Miami"."""
        start = self.np_start(i, limit=4)
        if start is None:
            return i
        while self.low(start - 1) in _SUBJECT_PREPOSITIONS and self.tag(start - 2) == NOUN:
            before = self.np_start(start - 2, limit=3)
            if before is None or self.count(before, i) > 6:
                break
            start = before
        return start

    def np_end(self, i: int, limit: int = 5) -> int:
        """End (exclusive) of the run of noun-like words from token ``i``."""
        k, nouns = i, 0
        while k < self.n and nouns < limit and self.tags[k] in (NOUN, OTHER):
            nouns += self.tags[k] == NOUN
            k += 1
        while k > i and self.tags[k - 1] == OTHER and self._odd_quotes(i, k):
            k -= 1
        return k

    def names_event(self, i: int) -> bool:
        """Whether the noun at ``i`` names an event ("protests", "the election")."""
        word = self.lows[i].strip("\"“”'‘’")
        if word in self.lex["event_nouns"]:
            return True
        suffixes = self.lex.suffixes
        if word.endswith("s") and not word.endswith("ss"):
            # "payments", "operations", but not "officials", "appeals"
            suffixes = self.lex.plural_suffixes
            word = word[:-1]
        return len(word) > 5 and word.endswith(suffixes)

    # ----------------------------------------------------------------- clauses

    def clause_start(self, i: int) -> int:
        """The first token of the clause of token ``i``."""
        cut = self.cut_list()
        while i > 0 and not cut[i - 1]:
            i -= 1
        return i

    def first_verb(self, i: int, j: int, kinds: frozenset[str] = VERBISH) -> int | None:
        return next((k for k in range(i, min(j, self.n)) if self.tags[k] in kinds), None)

    def clause_end(self, i: int, reach: int = 30) -> int:
        """End (exclusive) of the clause from token ``i``, at most ``reach`` words on."""
        k, words, n = i, 0, self.n
        cut, counted = self.cut_list(), self.counted
        while k < n and words < reach:
            if k > i and cut[k]:
                break
            words += counted[k]
            k += 1
        return k

    def content_end(self, end: int, floor: int) -> int:
        """``end`` moved back past the tokens that are not content words (marks, function
        words), not below ``floor``: where a phrase ending before ``end`` should stop."""
        while end > floor and self.tags[end - 1] not in CONTENT:
            end -= 1
        return end

    def after_words(self, i: int, end: int, words: int) -> int:
        """The index after ``words`` counted words from ``i`` on (at most ``end``)."""
        k, seen = i, 0
        while k < end and seen < words:
            seen += self.counted[k]
            k += 1
        if words >= MAX_WORDS and k < end and self.count(k, end) <= SLACK:
            return end  # not short of the clause's end: "... he could live *with NATO expansion*"
        # not in the middle of a noun phrase: "$1.69 billion", "the United States"
        extra = 0
        while k < end and extra < SLACK and self.tags[k] == NOUN and self.tags[k - 1] == NOUN:
            k += 1
            extra += 1
        return k

    def before_words(self, j: int, start: int, words: int) -> int:
        """The index of the ``words``-th counted word before ``j`` (at least ``start``)."""
        k, seen = j, 0
        while k > start and seen < words:
            k -= 1
            seen += self.counted[k]
        return k
