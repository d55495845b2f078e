"""The chunker: a sentence as words, coarse parts of speech and clause cuts, and what the rules
ask of them (the nearest word, how many words, where a noun phrase or a clause starts and ends).

Rules speak of tokens by index: ``c.tags[k]`` is the part of speech of token ``k`` of chunk
``c``, ``c.lows[k]`` its word in lower case; a phrase is a :class:`TokenSpan`, turned into
characters once, at the end (:meth:`Chunk.chars`).
"""

from __future__ import annotations

from collections.abc import Sequence

from timeline.events.cuts import clause_cuts
from timeline.events.lexicon import lexicon
from timeline.events.limits import MAX_WORDS, SLACK
from timeline.events.tagger import tag_words
from timeline.events.tags import (
    ADV,
    AUX,
    CONTENT,
    COUNTED,
    DET,
    FINITE,
    ING,
    NEG,
    NO_TAG,
    NOUN,
    OTHER,
    POSS,
    TIME,
    TRIM_END,
    TRIM_START,
    VERB,
    VERBISH,
    Tag,
)
from timeline.events.tokens import TokenSpan, tokenize
from timeline.records import Timex

__all__ = ["Chunk"]

_QUOTES = frozenset("\"“”'‘’`«»")
_AMOUNT = frozenset("$£€0123456789")
# how an amount's last word begins: "$5", "4.3", "million", "billion", "trillion", "%"
_AMOUNT_END = _AMOUNT | {"m", "b", "t", "%"}


class Chunk:
    """One sentence as words, with their parts of speech and clause cuts."""

    def __init__(
        self, text: str, a: int, b: int, timexes: Sequence[Timex], lowered: str | None = None
    ) -> None:
        """Chunk ``text[a:b]``; ``lowered`` is ``text.lower()`` if the caller has it already."""
        self.text = text
        self.lex = lexicon()
        #: The word lists of the lexicon, by name.
        self.words = self.lex.lists
        self.starts, self.ends, self.lows = tokenize(text, a, b, lowered)
        spans = [(t.char_start, t.char_end) for t in timexes]
        self.tags = tag_words(text, (a, b), (self.starts, self.ends, self.lows), spans, self.lex)
        self.n = len(self.tags)
        #: Whether each token counts as a word: not a mark, even inside a date ("Oct. 23, 1999").
        self.counted = counted = [tag in COUNTED for tag in self.tags]
        if TIME in self.tags:
            for k, tag in enumerate(self.tags):
                if tag == TIME and not (self.lows[k][0].isalnum() or self.lows[k][0] in "$£€"):
                    counted[k] = False
        #: Whether each token cuts clauses.
        self.cut = clause_cuts(self)

    # ----------------------------------------------------------------- words

    def tag(self, i: int) -> Tag:
        """The part of speech of token ``i``, :attr:`Tag.NONE` outside the sentence."""
        return self.tags[i] if 0 <= i < self.n else NO_TAG

    def low(self, i: int) -> str:
        """Token ``i`` in lower case, "" outside the sentence."""
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

    def verb_at(self, i: int) -> int | None:
        """The finite verb at token ``i`` or past the quotes, adverbs and negations there
        ("*had* agreed", "never *met*"), or None."""
        i = self.forth(i)
        while self.tag(i) in (ADV, NEG):
            i += 1
        return i if self.tag(i) in FINITE else None

    def has(self, i: int, j: int, kinds: frozenset[Tag] = VERBISH) -> bool:
        """Whether a token of ``i``..``j - 1`` has one of the parts of speech ``kinds``."""
        return not kinds.isdisjoint(self.tags[i if i > 0 else 0 : j])

    def count(self, i: int, j: int, kinds: frozenset[Tag] = COUNTED) -> int:
        """How many tokens of ``i``..``j - 1`` have one of the parts of speech ``kinds`` (by
        default: how many words, the marks of a date such as "Oct. 23, 1999" not counted)."""
        if i < 0:
            i = 0
        if kinds is COUNTED:
            return sum(self.counted[i:j])
        return sum(map(kinds.__contains__, self.tags[i:j]))

    def names_event(self, i: int) -> bool:
        """Whether the noun at ``i`` names an event ("protests", "the election")."""
        word = self.lows[i].strip("\"“”'‘’")
        if word in self.words["event_nouns"]:
            return True
        suffixes = self.lex.suffixes
        if word.endswith("s") and not word.endswith("ss"):
            # "payments", "operations", but not "officials", "appeals"
            suffixes = self.lex.plural_suffixes
            word = word[:-1]
        return len(word) > 5 and word.endswith(suffixes)

    def has_event(self, i: int, j: int) -> bool:
        """Whether tokens ``i``..``j - 1`` tell of something happening: a verb, an -ing form, or
        a noun naming an event."""
        tags = self.tags
        for k in range(i, min(j, self.n)):
            tag = tags[k]
            if tag in (VERB, ING) or (tag == NOUN and self.names_event(k)):
                return True
        return False

    def restates_amount(self, k: int) -> bool:
        """Whether an amount restated in other terms starts at ``k``: "$7.4 million*, or 52
        cents a share*", "*, or four cents a share*"."""
        return (
            self.lows[k] == ","
            and self.low(k + 1) in self.words["restating"]
            and (self.low(k + 2)[:1] in _AMOUNT or self.low(k + 2) in self.words["numerals"])
            and self.low(k - 1)[:1] in _AMOUNT_END
            and self.tag(k - 1) == NOUN
        )

    # ----------------------------------------------------------------- phrases

    def phrase(self, i: int, j: int) -> TokenSpan | None:
        """Tokens ``i``..``j - 1`` as a phrase: function words trimmed at the edges, no bracket
        left open ("the Group (AIG)", not "the Group (AIG"), with the quotes around a quoted
        phrase and an abbreviation's full stop; None if nothing is left."""
        tags, lows = self.tags, self.lows
        brackets = "(" in lows or ")" in lows
        for _ in range(2 if brackets else 1):
            while i < j and (tags[i] in TRIM_START or (tags[i] == OTHER and self._stray(i, i, j))):
                i += 1
            while j > i and (
                tags[j - 1] in TRIM_END or (tags[j - 1] == OTHER and self._stray(j - 1, i, j))
            ):
                j -= 1
            if brackets:
                i, j = self._bracketed(i, j)
        if i >= j:
            return None
        if brackets and j < self.n and lows[j] == ")" and "(" in lows[i:j]:
            j += 1  # the bracket the trimming took off: "the Group (AIG)"
        # the quotes around a quoted phrase: '"color revolutions"'
        if (
            i > 0
            and j < self.n
            and lows[i - 1] in _QUOTES
            and lows[j] in _QUOTES
            and not self._odd_quotes(i, j)
        ):
            return TokenSpan(i - 1, j + 1)
        # an abbreviation's full stop, a token of its own: "the U.S."
        end = self.ends[j - 1]
        if (
            "." in lows[j - 1]
            and lows[j - 1][-1].isalpha()  # "U.S.", not "$21.25."
            and self.text[end : end + 1] == "."
            and j < self.n
        ):
            return TokenSpan(i, j + 1)
        return TokenSpan(i, j)

    def chars(self, span: TokenSpan) -> tuple[int, int]:
        """The character offsets of a span of tokens."""
        return self.starts[span.start], self.ends[span.end - 1]

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

    # ----------------------------------------------------------------- noun phrases

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
        linking = self.words["subject_prepositions"]
        while self.low(start - 1) in linking and self.tag(start - 2) == NOUN:
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

    def before_noun_phrase(self, i: int, j: int) -> int:
        """Where a phrase from token ``i`` cut before token ``j`` ends so as not to cut a noun
        phrase of at most five words: before it, if a verb is left: "*Smith announced the
        release*", not "... the release of the firm's Lumo 11 software" (suite)."""
        if j >= self.n or self.tags[j] not in (NOUN, POSS) or self.tags[j - 1] not in (NOUN, DET):
            return j
        k = j
        while k > i and self.tags[k - 1] in (NOUN, DET, POSS):
            k -= 1
        return k if self.count(i, k, VERBISH) and self.count(k, j) <= 5 else j

    # ----------------------------------------------------------------- clauses

    def clause_start(self, i: int) -> int:
        """The first token of the clause of token ``i``."""
        cut = self.cut
        while i > 0 and not cut[i - 1]:
            i -= 1
        return i

    def first_verb(self, i: int, j: int, kinds: frozenset[Tag] = VERBISH) -> int | None:
        """The first token of ``i``..``j - 1`` with a part of speech of ``kinds``, or None."""
        return next((k for k in range(i, min(j, self.n)) if self.tags[k] in kinds), None)

    def clause_end(self, i: int, most: int = 30) -> int:
        """End (exclusive) of the clause from token ``i``, at most ``most`` words on."""
        k, words, n = i, 0, self.n
        cut, counted = self.cut, self.counted
        while k < n and words < most:
            if k > i and cut[k]:
                break
            words += counted[k]
            k += 1
        return k

    def subordinate_verb(self, k: int, not_before: frozenset[Tag]) -> tuple[int, int] | None:
        """The verb of the clause the subordinator at ``k`` opens, within four words, with no
        word of ``not_before`` before it (a plain subject), and the end of its verb group; or
        None: "when *she was struck* down"."""
        verb = self.first_verb(k + 1, min(k + 5, self.n), FINITE)
        if verb is None or self.has(k + 1, verb, not_before):
            return None
        stop = verb + 1
        while stop < self.n and self.tags[stop] in (VERB, ING, AUX, ADV, NEG):
            stop += 1
        return verb, stop

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
            return end  # not short of the clause's end: "... he could live *with the new tax*"
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
