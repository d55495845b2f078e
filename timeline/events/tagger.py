"""The tagger: the part of speech of each word of a sentence, from the lexicon, the word's shape
and the words around it (the rules are in ``docs/events.md``, "The chunker")."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import cast

from timeline.events.headline import headline_verb
from timeline.events.lexicon import (
    ED_WORD,
    ING_WORD,
    LY_WORD,
    NOUN_WORD,
    POSSESSIVE_WORD,
    THAT_WORD,
    UNKNOWN_WORD,
    VERB_BASE,
    VERB_FORM,
    Lexicon,
    Shape,
    s_form,
)
from timeline.events.tags import (
    ADV,
    AUX,
    BOUNDARY,
    CONJ,
    DET,
    ING,
    NEG,
    NO_TAG,
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
    VERBISH,
    Tag,
)

__all__ = ["tag_words"]

# Before these an unknown word is a noun at once: no tagging rule looks further.
_PLAIN_BEFORE = frozenset({DET, POSS, PREP, PUNCT, SUB, THAT, NO_TAG})
_OBJECT = frozenset({DET, PRON, THAT_WORD})  # the word classes that open an object or a clause
_MAY_BE_BASE = frozenset({UNKNOWN_WORD, VERB_BASE})
# the word classes after a word that show it is no verb in its base form
_OPEN = frozenset({VERB_BASE, VERB_FORM, UNKNOWN_WORD, ED_WORD, ING_WORD})
_NOT_AFTER_BASE = _OPEN | {NOUN_WORD, POSSESSIVE_WORD, THAT_WORD}
_AFTER_THIRD_PERSON = frozenset({VERB_FORM, VERB_BASE, ED_WORD, AUX, NEG, ADV, POSSESSIVE_WORD})
_AFTER_RELATIVE_VERB = frozenset({TIME, DET, PREP, PRON, ADV, LY_WORD, THAT_WORD})
_NO_NOUN_AFTER = frozenset({DET, PREP, PRON, THAT, SUB, PUNCT, THAT_WORD})
# How far from a sentence the text is searched for a name written inside a sentence.
_NEAR = 20_000


def _base_shape(low: str) -> bool:
    """Whether a word may be a verb's base form by its shape: "end", not "ends" or "ended"."""
    return low.isalpha() and not s_form(low) and not low.endswith(("ed", "ing", "ly"))


def _infinitive(low: str) -> bool:
    """Whether a word after "to" may be its infinitive: not a plural ("to talks"), but a verb in
    -ss ("to discuss", "to pass"), not a noun in -ness ("to business")."""
    if not low[0].isalpha():
        return False
    return low[-1] != "s" or (len(low) > 3 and low.endswith("ss") and not low.endswith("ness"))


def tag_words(
    text: str,
    sentence: tuple[int, int],
    words: tuple[list[int], list[int], list[str]],
    timexes: Iterable[tuple[int, int]],
    lex: Lexicon,
) -> list[Tag]:
    """The part of speech of each word of ``text[a:b]`` (``sentence``), given the words' start
    and end offsets and lower-case forms (``words``) and the character spans of its timexes."""
    starts, ends, lows = words
    classes = lex.classes
    kinds = [classes.get(w) or lex.classify(w) for w in lows]
    _capitals(text, sentence, words, kinds)
    if kinds and kinds[0] == ING_WORD and _named_elsewhere(text, starts[0], ends[0]):
        kinds[0] = NOUN_WORD  # "*Boeing* unveils", as "rival Boeing" elsewhere says
    for s, e in timexes:  # the words of timexes
        for k in range(bisect.bisect_right(ends, s), bisect.bisect_left(starts, e)):
            kinds[k] = TIME
    tagger = _Tagger(text, starts, lows, kinds, lex)
    tagger.open_words()
    tags = tagger.tags
    if SUB in tags or REL in tags or THAT in tags:
        tagger.verbless_clauses()
    headline_verb(text, starts, lows, kinds, tags, lex)
    return cast("list[Tag]", tags)  # every open-class word has its part of speech now


def _capitals(
    text: str,
    sentence: tuple[int, int],
    words: tuple[list[int], list[int], list[str]],
    kinds: list[Tag | Shape],
) -> None:
    """A pronoun in capitals is a name in a sentence that is not all capitals: "the *US*
    economy", "US$ 100 billion", not "us"."""
    if PRON not in kinds:
        return
    a, b = sentence
    if text[a:b] == text[a:b].upper():  # all capitals: a headline, "US" may be "us"
        return
    starts, ends, lows = words
    for k, kind in enumerate(kinds):
        if kind == PRON and len(lows[k]) > 1 and text[starts[k] : ends[k]].isupper():
            kinds[k] = NOUN


def _named_elsewhere(text: str, start: int, end: int) -> bool:
    """Whether the capitalized word ``text[start:end]`` opening a sentence is written with its
    capital inside a sentence elsewhere in the text, after a word in lower case: a name,
    "*Boeing* unveils ...", as "... its rival Boeing ..." says; not a gerund, "*Leading* the
    gains ...". Only the text within :data:`_NEAR` characters is searched, so that the cost
    stays linear in the text."""
    word = text[start:end]
    if not word[:1].isupper() or not word[1:].islower():
        return False
    lo, hi = max(0, start - _NEAR), start + _NEAR
    k = text.find(word, lo, hi)
    while k >= 0:
        if k >= 2 and text[k - 1] == " " and text[k - 2].islower():
            after = text[k + len(word) : k + len(word) + 1]
            if not after.isalnum():
                return True
        k = text.find(word, k + 1, hi)
    return False


class _Tagger:
    """The open-class words of one sentence tagged in order, each by the words before it and,
    for some, the word after."""

    def __init__(
        self, text: str, starts: list[int], lows: list[str], kinds: list[Tag | Shape], lex: Lexicon
    ) -> None:
        self.text, self.starts, self.lows, self.kinds, self.lex = text, starts, lows, kinds, lex
        #: The parts of speech so far: the open-class words keep their shape until tagged.
        self.tags: list[Tag | Shape] = kinds[:]
        #: The lexicon's word lists, by name.
        self.words = words = lex.lists
        self.to = words["infinitive_markers"]
        self.subjects = words["subject_pronouns"]
        self.alone = words["standalone_determiners"]
        self.noun_endings = lex.noun_endings

    def open_words(self) -> None:
        """Tag the open-class words, in order: their part of speech depends on the word before."""
        kinds, lows, tags = self.kinds, self.lows, self.tags
        to, subjects, alone = self.to, self.subjects, self.alone
        for i in [i for i, kind in enumerate(kinds) if len(kind) > 1]:  # shapes, not tags
            kind = kinds[i]
            j = i - 1
            while j >= 0 and (tags[j] == OTHER or tags[j] == TIME):
                j -= 1
            if kind == UNKNOWN_WORD and self._after_relative_that(i, j):
                tags[i] = VERB  # "a rule that *limits* the noise"
                continue
            if kind == NOUN_WORD or (
                kind == UNKNOWN_WORD
                and (
                    j < 0
                    or (tags[j] in _PLAIN_BEFORE and lows[j] not in to and lows[j] not in alone)
                    or (tags[j] == NOUN and (i + 1 == len(kinds) or kinds[i + 1] not in _OBJECT))
                )
            ):
                tags[i] = NOUN  # the usual cases: "the *talks*", "in *Geneva*", "John *Smith*"
                continue
            near = j == i - 1
            if j > 0 and tags[j] == ADV:  # "to *finally* return", "we *also* worry"
                k = self._before_adverbs(j)
                if k >= 0 and (tags[k] in (AUX, NEG) or lows[k] in to or lows[k] in subjects):
                    j, near = k, True
            # (a tag: the words before are tagged)
            prev, prev_low = (tags[j], lows[j]) if j >= 0 else (NO_TAG, "")
            if prev == DET and prev_low in alone and near and self._no_noun_next(i):
                prev = PRON  # standing alone: "both *declined* to", "those *taking* risks"
            tags[i] = self._by_neighbours(i, kind, j, near, prev, prev_low)

    def _demonstrative_subject(self, i: int, j: int) -> bool:
        """Whether "this" at ``j``, opening its clause, stands alone as the subject of the
        verb form ``i`` after it, with its object, a clause or a preposition after it: "this
        *became* the reason", "this *comes* despite"; not "this *set* of rules"."""
        if j != i - 1 or self.lows[j] not in self.words["demonstrative_subjects"]:
            return False
        if j > 0 and self.tags[j - 1] not in BOUNDARY and self.tags[j - 1] != CONJ:
            return False
        n = i + 1
        if n >= len(self.kinds) or self.lows[n] in self.words["genitive_prepositions"]:
            return False
        return self.kinds[n] in (DET, PRON, PREP, THAT_WORD)

    def _after_relative_that(self, i: int, j: int) -> bool:
        """Whether the unknown word ``i`` right after "that" on a noun is the verb of the
        relative clause, its object after it: "a car that *rewrote* the rules", "a
        rule that *limits* the noise"; not "the report that *prices* rose"."""
        if j != i - 1 or j < 1 or self.tags[j] != THAT or self.tags[j - 1] != NOUN:
            return False
        return self._lower(i) and i + 1 < len(self.kinds) and self.kinds[i + 1] in (DET, PRON)

    def _by_neighbours(
        self, i: int, kind: Tag | Shape, j: int, near: bool, prev: Tag | Shape, prev_low: str
    ) -> Tag:
        """The part of speech of the open-class word ``i`` of class ``kind``, the word ``j``
        before it (``near`` if nothing stands between them), whose part of speech is ``prev``."""
        low = self.lows[i]
        if (
            kind in _MAY_BE_BASE
            and prev == VERB
            and near
            and prev_low in self.words["bare_infinitive_verbs"]
        ):
            # a bare infinitive: "helped *end* the war"
            return VERB if _base_shape(low) and self._lower(i) else NOUN
        if kind in _MAY_BE_BASE and prev == CONJ and self._coordinated_verb(i, j):
            return VERB  # "to stay and *fight* the"
        if kind == UNKNOWN_WORD:
            return self._unknown_word(i, j, near, prev, prev_low)
        if kind == LY_WORD and (prev in (AUX, NEG) or prev_low in self.to) and self._verb_next(i):
            return ADV  # "to *forcibly* take", "would *promptly* submit"
        if kind == POSSESSIVE_WORD:
            return AUX if prev == PRON else POSS
        if kind == THAT_WORD:
            return DET if prev in (PREP, DET) and j == i - 1 else THAT
        if prev and self.text[self.starts[i]].isupper():
            return NOUN  # a name
        if prev in (AUX, NEG) and self._complement(i, j):
            return NOUN  # "has *plans*", not "has *become*"
        if kind == VERB_FORM:
            if prev == DET and self._demonstrative_subject(i, j):
                return VERB  # "this *became* the reason"
            return NOUN if prev in (DET, POSS) else VERB
        if low in self.words["period_participles"] and prev_low in self.words["time_nouns"]:
            return NOUN  # "the quarter ended Sept. 30" names a period
        if prev in (AUX, NEG) or (prev_low in self.to and _infinitive(low)):
            return VERB  # "was read", "did not comment", "to accede", "to discuss"
        if kind == VERB_BASE:
            plural = prev == NOUN and near and self._plural_verb(i, j)
            relative = prev == REL and j == i - 1 and self._base_after_relative(i)
            return VERB if prev == PRON or plural or relative else NOUN
        if kind == ED_WORD:
            adjective = (
                prev in (DET, POSS)
                or (
                    prev == PREP
                    and j == i - 1
                    and prev_low not in self.words["comparison_prepositions"]
                )
                or (prev == ADV and j > 0 and self.tags[j - 1] in (DET, POSS))
            )
            # "the proposed plan", "a very strained situation", "in subordinated debentures"
            return NOUN if adjective else VERB
        if kind == ING_WORD:
            return NOUN if prev in (DET, POSS, NOUN) and not self._plural_subject(i, j) else ING
        if kind == LY_WORD:
            return NOUN if prev in (DET, POSS) and j == i - 1 else ADV  # "last year's deadly"
        return NOUN

    def _lower(self, i: int) -> bool:
        return self.text[self.starts[i]].islower()

    def _unknown_word(self, i: int, j: int, near: bool, prev: Tag | Shape, prev_low: str) -> Tag:
        """The part of speech of a word no list knows and no ending tells, after a word that
        may make it a verb."""
        low = self.lows[i]
        kinds = self.kinds
        if prev_low in self.subjects and near and low[0].isalpha():
            return VERB  # after a subject pronoun: "we *anticipate*", "they *exhibit*"
        if prev == REL and j == i - 1 and self._third_person(i):
            return VERB  # a verb in -s after a relative pronoun: "which *requires* banks"
        if prev == REL and j == i - 1 and self._base_after_relative(i):
            return VERB  # "who *gather* daily", "which *expire* Nov. 21"
        if prev_low in self.words["singular_subjects"] and near and s_form(low):
            return VERB  # in -s after a pronoun: "it *looks* like", "if everything *fails*"
        if prev == DET and s_form(low) and self._demonstrative_subject(i, j):
            return VERB  # "this *imperils* the deal"
        if prev == ADV and near and self._after_subject(j, low):
            return VERB  # "the plan still *calls* for", "it already *owns*"
        if (
            prev == NOUN
            and near
            and i + 1 < len(kinds)
            and kinds[i + 1] in _OBJECT  # an object or a clause follows
            and (
                self._plural_other(i, j)  # "officials *suspect* a link"
                or self._singular_verb(i, j)  # in -s: "Iraq *owes* its"
            )
        ):
            return VERB
        if prev not in (AUX, NEG) and prev_low not in self.to:
            return NOUN
        if prev and self.text[self.starts[i]].isupper():
            return NOUN  # a name
        if prev in (AUX, NEG) and self._complement(i, j):
            return NOUN  # "had *difficulty*"
        if prev in (AUX, NEG) or _infinitive(low):  # prev_low is "to" here
            return VERB  # "was read", "did not comment", "to accede", "to discuss"
        return NOUN

    def _complement(self, i: int, j: int) -> bool:
        """Whether the open-class word ``i`` after a form of "have" at ``j`` (or its negation)
        is no verb, not being a participle by its shape: "has *plans*", "had *difficulty*";
        but "has *read*", "has *become*", "had *withstood*", "have *eaten*"."""
        if self.tags[j] == NEG:
            j -= 1
        if j < 0 or self.lows[j] not in self.words["complement_auxiliaries"]:
            return False
        kind, low = self.kinds[i], self.lows[i]
        if kind in (ED_WORD, ING_WORD) or low in self.words["base_participles"]:
            return False
        if kind == VERB_FORM:
            return low.endswith("s")  # "has *plans*", but "was *made*"
        # an irregular participle by its ending: "*eaten*", "with*stood*", "re*paid*", "off*set*"
        return not ((len(low) > 4 and low.endswith("en")) or self.lex.ends_with_verb_form(low))

    def verbless_clauses(self) -> None:
        """A clause opened by "when", "which", "that" ... with no verb has one in -s after its
        subject: "when a bomb *explodes* at a clinic", "through which commerce *flows*"."""
        tags = self.tags
        start, n = None, len(tags)
        for k in range(n + 1):
            tag = tags[k] if k < n else PUNCT
            if tag not in BOUNDARY and tag != CONJ:
                continue
            if start is not None and VERBISH.isdisjoint(tags[max(start, 0) : k]):
                m = next((m for m in range(start + 1, k) if self._s_after_noun(m)), k)
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

    def _s_after_noun(self, m: int) -> bool:
        return self.kinds[m] == UNKNOWN_WORD and self.tags[m - 1] == NOUN and s_form(self.lows[m])

    def _singular(self, j: int) -> bool:
        """Whether the noun ``j`` may be a singular subject: "the bomb", "Iraq", not "doctors"."""
        low = self.lows[j]
        if low[0].isdigit() or low in self.words["numerals"]:
            return False
        return not low.endswith("s") or not self.text[self.starts[j]].islower()

    def _coordinated_verb(self, i: int, c: int) -> bool:
        """Whether the verb base ``i`` after "and" or "or" ``c`` is a verb joined to a verb in
        the base form before it, its object after it: "to stay and *fight* the war"."""
        kinds = self.kinds
        after = i + 1
        while after < len(kinds) and kinds[after] == OTHER:
            after += 1
        low = self.lows[i]
        if after >= len(kinds) or not (kinds[i] == VERB_BASE or _base_shape(low)):
            return False
        if low.endswith(self.noun_endings):  # "privation or *oppression* in"
            return False
        if not self._lower(i) or self.lows[c] not in self.words["joining_coordinators"]:
            return False
        if kinds[after] not in (DET, PRON, PREP):
            return False
        k = c - 1
        while k >= 0 and c - k <= 8 and self.tags[k] not in BOUNDARY:
            if self.tags[k] in VERBISH:
                return self.tags[k] == VERB and kinds[k] in _MAY_BE_BASE
            k -= 1
        return False

    def _no_noun_next(self, i: int) -> bool:
        """Whether the word ``i`` in -ed or -ing is no noun's modifier: an object, a preposition
        or nothing after it, "those *taking* risks", "those *discovered* at"."""
        kinds = self.kinds
        if kinds[i] not in (ED_WORD, ING_WORD):
            return False
        k = i + 1
        return k >= len(kinds) or kinds[k] in _NO_NOUN_AFTER

    def _before_adverbs(self, j: int) -> int:
        """The nearest token before the adverbs ending at ``j`` that is not a quote (-1 if none)."""
        while j >= 0 and self.tags[j] in (ADV, OTHER):
            j -= 1
        return j

    def _verb_next(self, i: int) -> bool:
        """Whether the word after ``i`` may be a verb by its shape (an open-class word)."""
        return i + 1 < len(self.kinds) and self.kinds[i + 1] in _OPEN

    def _plural_verb(self, i: int, j: int) -> bool:
        """Whether the verb base ``i`` after the plural noun ``j`` is its verb: "analysts *say*
        the", "officials *hope* to"; not a noun after a compound ("a sales *increase*", "arms
        *control* talks", "the rights *campaign* of")."""
        noun = self.lows[j]
        if len(noun) < 4 or not noun.endswith("s") or noun.endswith(("ss", "us", "is")):
            return False
        if j > 0 and not self._lower(j):
            return False  # a name: "the Cubans"
        k = j - 1
        while k >= 0 and self.tags[k] == OTHER:
            k -= 1
        if k >= 0 and self.lows[k] in self.words["singular_determiners"]:
            return False
        if i + 1 >= len(self.kinds):
            return True
        if self.lows[i + 1] in self.words["genitive_prepositions"]:
            return False
        if self.lows[i] in self.words["reporting_verbs"] or self.text[self.starts[i + 1]].isupper():
            return True  # "officials *say* Peru's president", "sanctions *force* the regime to"
        return self.kinds[i + 1] not in _NOT_AFTER_BASE

    def _after_subject(self, j: int, low: str) -> bool:
        """Whether the word ``low`` in -s after the adverb ``j`` follows a subject, so that it is
        its verb: "the plan still *calls* for", "which sorely *misses* them"."""
        k = self._before_adverbs(j)
        return s_form(low) and k >= 0 and self.tags[k] in (NOUN, PRON, REL, THAT)

    def _plural_other(self, i: int, j: int) -> bool:
        """Whether the unknown word ``i`` after the plural noun ``j`` is its verb, an object or
        a clause after it: "officials *suspect* a link", "inspectors *certify* that"."""
        if not _base_shape(self.lows[i]) or self.lows[i].endswith(self.noun_endings):
            return False
        if i + 1 >= len(self.kinds) or self.kinds[i + 1] not in _OBJECT:
            return False
        return self._plural_verb(i, j)

    def _singular_verb(self, i: int, j: int) -> bool:
        """Whether the word ``i`` in -s after the singular noun ``j`` is its verb, an object
        after it: "the law *requires* parties", "Iraq *owes* its", "the firm *owns* eight"."""
        noun = self.lows[j]
        if not s_form(self.lows[i]) or not self._lower(i):
            return False
        if noun.endswith("s") and self._lower(j):
            return False  # a plural, or a compound: "the price increases"
        while j >= 0 and self.tags[j] == NOUN:
            if self.lows[j][0].isdigit() or self.lows[j] in self.words["numerals"]:
                return False  # a measure: "14 Canadian *cents* a share"
            j -= 1
        return i + 1 < len(self.kinds) and self.kinds[i + 1] in (DET, PRON)

    def _third_person(self, i: int) -> bool:
        """Whether the unknown word ``i`` after "which" or "who" is a verb in -s, not the plural
        subject of the relative clause: "which *requires*", but "which *analysts* expect"."""
        low = self.lows[i]
        if self.lows[i - 1] not in self.words["verb_relatives"] or not low.isalpha():
            return False
        if len(low) < 4 or not low.endswith("s") or low.endswith(("ss", "us", "is")):
            return False
        return i + 1 >= len(self.kinds) or self.kinds[i + 1] not in _AFTER_THIRD_PERSON

    def _base_after_relative(self, i: int) -> bool:
        """Whether the word ``i`` in its base form right after "who" or "which" is the relative
        clause's verb, a date, an object, a preposition or an adverb after it: "demonstrators who
        *gather* daily", "the warrants, which *expire* June 30"; not "at which *point* the"."""
        low = self.lows[i]
        if self.lows[i - 1] not in self.words["verb_relatives"] or not _base_shape(low):
            return False
        if not self._lower(i) or low.endswith(self.noun_endings):
            return False
        if (
            self.lows[i - 1] in self.words["prepositional_relatives"]
            and i > 1
            and self.tags[i - 2] in (PREP, DET)
        ):
            return False  # "at which point", "in which case"
        return i + 1 < len(self.kinds) and self.kinds[i + 1] in _AFTER_RELATIVE_VERB

    def _plural_subject(self, i: int, j: int) -> bool:
        """Whether the -ing word ``i`` after the noun ``j`` is its verb, with its object or a
        preposition after it: "with shareholders *tendering* 99% of the shares", "investigators
        *trying* to", "a rally *demanding* new elections"; not a noun naming an event or an
        activity ("the clinic *bombing* in", "program *trading* in")."""
        tags, lows = self.tags, self.lows
        noun, k = lows[j], i + 1
        if j != i - 1 or tags[j] != NOUN or k >= len(tags):
            return False
        if tags[k] == TIME:
            return False
        after = lows[k]
        plural = len(noun) > 3 and noun.endswith("s") and not noun.endswith(("ss", "us"))
        plural = plural and (j == 0 or self._lower(j))
        if after[0].isdigit() or after[0] in "$£€" or (plural and tags[k] == DET):
            return plural
        if lows[i] in self.words["event_nouns"] or lows[i] in self.words["ing_nouns"]:
            return False
        if tags[k] in (DET, PRON) or (
            tags[k] == PREP and after not in self.words["genitive_prepositions"]
        ):
            return True
        if after in self.words["complementizers"]:
            # a verb of saying and what is said: "police *explaining* that"
            base = lows[i][:-3]
            return base in self.lex.saying or base + "e" in self.lex.saying
        return self.text[self.starts[k]].isupper() and after.isalpha()
