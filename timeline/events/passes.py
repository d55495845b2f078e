"""The passes that adjust the phrase a rule chose, each given the phrase and the date phrase, and
the last steps that keep it within LONGEST words and off an auxiliary or a subject pronoun."""

from __future__ import annotations

from timeline.events.chunk import Chunk
from timeline.events.date_phrase import DatePhrase
from timeline.events.limits import LONG, LONGEST, THROUGH
from timeline.events.tags import (
    ADV,
    AUX,
    CONJ,
    CONTENT,
    DET,
    FINITE,
    ING,
    NEG,
    NOUN,
    NP_WORDS,
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
)
from timeline.events.tokens import TokenSpan

__all__ = [
    "auxiliary_on_over_date",
    "on_over_date_verb",
    "on_to_when_clause",
    "participle_with_head",
    "verb_on_over_date",
    "within_longest",
]

# marks between "when" and its verb that show no plain subject there
_NO_SUBJECT = frozenset({PUNCT, SUB, REL, THAT, PREP, TIME})
_DASHES = frozenset({",", "_", "--", "—", "–"})


def verb_on_over_date(c: Chunk, found: TokenSpan, date: DatePhrase) -> TokenSpan:
    """A phrase of a verb alone before its date (its object or an adverb, no preposition)
    goes on through the date to what follows it in the clause, within :data:`LONG` words:
    "to *end the day at 9,505*", "*remarked today on the sharp drops*", not "end" nor
    "remarked"."""
    i, j = found
    ds, de = date.start, date.end
    if j != ds or c.tags[j - 1] not in (VERB, ING) or c.count(i, j) > 2:
        return found
    if c.tags[ds] == PREP or de >= c.n or c.cut[de] or c.tags[de] == CONJ:
        return found
    end = c.clause_end(de)
    stop, seen = de, c.count(i, de)
    while stop < end and c.tags[stop] != CONJ and seen + c.counted[stop] <= LONG:
        if c.tags[stop] == TIME and c.tag(_after_date_words(c, stop)) != NOUN:
            break  # at another date, but on over one inside a noun phrase: "the recent falls"
        seen += c.counted[stop]
        stop += 1
    if stop < end and c.tags[stop] in (NOUN, POSS, OTHER):
        while stop > de and c.tags[stop - 1] in NP_WORDS:
            stop -= 1  # not into the middle of a noun phrase
    stop = c.content_end(stop, de)
    whole = c.phrase(i, stop) if c.count(de, stop, CONTENT) else None
    return TokenSpan(i, whole.end) if whole and whole.end > j else found


def _after_date_words(c: Chunk, k: int) -> int:
    """The token after the date words from ``k`` on."""
    while c.tag(k) == TIME:
        k += 1
    return k


def on_over_date_verb(c: Chunk, found: TokenSpan, date: DatePhrase) -> TokenSpan:
    """A phrase before its date, in its clause, goes on over a date phrase that holds a verb:
    "*Income rose in the quarter ended March 31*" (to $92.4 million)."""
    j, ds, de = found.end, date.start, date.end
    if j > ds or not c.has(ds, de, VERBISH) or any(c.cut[j:de]):
        return found
    return TokenSpan(found.start, de)


def auxiliary_on_over_date(c: Chunk, found: TokenSpan, date: DatePhrase) -> TokenSpan:
    """A phrase ending on an auxiliary right before its date goes on over the date to the
    verb or complement after it, within :data:`LONG` words: "*might be in the future,
    moving abroad*", "*are now mostly behind the team*"."""
    i, j = found
    ds, de = date.start, date.end
    if j != ds or c.tags[j - 1] != AUX or de >= c.n:
        return found
    k = de + (c.lows[de] == ",")
    while k < c.n and c.tags[k] in (ADV, NEG, OTHER):
        k += 1
    if k >= c.n or c.tags[k] not in (VERB, ING, NOUN, PREP, DET):
        return found
    end = c.clause_end(k)
    for words in range(LONG, 0, -1):
        stop = c.content_end(c.after_words(i, end, words), k)
        if c.count(i, stop) <= LONG:
            whole = c.phrase(i, stop) if stop > k else None
            return whole if whole and whole.end > j else found
    return found


def participle_with_head(c: Chunk, found: TokenSpan, date: DatePhrase) -> TokenSpan:
    """A participle alone before its date, set off by commas after a noun phrase, comes with
    the noun phrase it tells of, if short: "*the new terms, announced* Friday, give", not
    "announced"; not a verb after its subject's apposition: "X, the key fort on the river,
    fell the next day"."""
    i, j = found
    if j != i + 1 or j != date.start or c.tags[i] != VERB or c.low(date.end) not in _DASHES:
        return found
    word = c.lows[i]
    if not (word.endswith(("ed", "en")) or (word in c.words["verb_forms"] and word[-1] != "s")):
        return found  # a participle: "announced", "made", not "gather" nor "says"
    mark = i - 1
    if mark < 1 or c.lows[mark] not in _DASHES:
        return found
    if c.tags[mark - 1] != NOUN:
        return found
    start = c.np_start(mark - 1)
    if start is None or c.count(start, j) > LONG or c.tag(start - 1) == PUNCT:
        return found  # not an apposition, whose verb this may be: "X, a protester, lived"
    return c.phrase(start, j) or found


def on_to_when_clause(c: Chunk, found: TokenSpan, date: DatePhrase) -> TokenSpan:
    """A clause after its date, ended by "when" or "while" and a clause of its own, goes on
    to that clause's verb, with a few words of its object, if short: "Last month, *a
    policeman was killed when a bomb exploded*"."""
    (i, j), de = found, date.end
    if de > i or j >= c.n or c.lows[j] not in c.words["joining_subordinators"]:
        return found
    if not c.has(i, j, FINITE) or any(c.cut[i:j]):
        return found
    verb_group = c.subordinate_verb(j, _NO_SUBJECT)
    if verb_group is None:
        return found
    stop = verb_group[1]
    if c.tag(stop) in (THAT, SUB, REL):
        ends = [stop]  # a clause after the verb: the verb alone, "when it *emerged*" that ...
    else:
        ends = [c.content_end(c.after_words(stop, c.clause_end(stop), 3), stop)]
        if c.tag(stop) not in (DET, NOUN, PRON, POSS):
            ends.append(stop)  # or the verb alone if no object is left out: "a bomb *explodes*"
    for last in ends:
        if c.count(i, last) <= THROUGH:
            return c.phrase(i, last) or found
    return found


def within_longest(c: Chunk, found: TokenSpan) -> TokenSpan:
    """The phrase cut to :data:`LONGEST` words, words as white space separates them, with no
    function word left at the end; then not ending on an auxiliary nor a subject pronoun."""
    i, j = found
    # the tokens that start a word, past the first: white space before them
    firsts = [k for k in range(i + 1, j) if c.starts[k] > c.ends[k - 1]]
    words = len(firsts) + 1 if j > i else 0
    if words > LONGEST:  # cut, and no function word left at the end
        after = firsts[LONGEST - 1]  # the first token of the word after the last one kept
        cut = c.phrase(i, c.before_noun_phrase(i, after))
        found = TokenSpan(i, cut.end if cut else after)
    found = _not_ending_on_auxiliary(c, found, words)
    return _not_ending_on_subject(c, found)


def _not_ending_on_auxiliary(c: Chunk, found: TokenSpan, words: int) -> TokenSpan:
    """A phrase of ``words`` words does not end on an auxiliary ("Marsh is"): it goes on to
    the verb or noun after it, within LONGEST words ("Marsh is accused"), or leaves the
    auxiliary out."""
    j = found.end - 1
    if j > 0 and c.tags[j] == NEG and c.tags[j - 1] == AUX:
        pass  # nor on its negation: "and did not" (comment)
    elif j < 0 or c.tags[j] != AUX:
        return found
    k = j + 1
    while k < c.n and k - j <= 3 and c.tags[k] in (AUX, ADV, NEG, TIME):
        k += 1  # "would not be", "has already", "are currently"
    if k < c.n and c.tags[k] in (VERB, ING, NOUN) and words + k - j <= LONGEST:
        return TokenSpan(found.start, k + 1)
    while j >= found.start and (c.tags[j] in (AUX, NEG) or c.tags[j] not in CONTENT):
        j -= 1  # and the "to" or "which" before it: "is now expected" (to be around 2030)
    if j < 0 or j < found.start:
        return found
    return TokenSpan(found.start, j + 1)


def _not_ending_on_subject(c: Chunk, found: TokenSpan) -> TokenSpan:
    """A phrase does not end on the subject pronoun of a verb after it: it goes on to the
    verb group ("*lending more money to small firms than they did*" in 2019), within :data:`LONGEST`
    words and not past :data:`LONG` if it is short, or ends before the clause it opens
    ("*the plan will be signed*" once it arrives)."""
    i, j = found.start, found.end - 1
    if j <= i or c.tags[j] != PRON or c.lows[j] not in c.words["subject_pronouns"]:
        return found
    if c.tag(j + 1) not in FINITE:
        return found
    k = j + 1
    while c.tag(k + 1) in (AUX, ADV, NEG) and k - j < 3:
        k += 1
    if c.tag(k + 1) in (VERB, ING):
        k += 1
    while c.tags[k] in (ADV, NEG):
        k -= 1
    words = c.count(i, k + 1)
    if words <= LONGEST and (words <= LONG or c.count(i, j + 1) > LONG):
        return TokenSpan(i, k + 1)
    k = j
    if c.tag(k - 1) in (SUB, THAT, REL, CONJ) or (
        c.low(k - 1) in c.words["timing_subordinators"]
        or c.low(k - 1) in c.words["comparison_prepositions"]
    ):
        k -= 1
    k = c.content_end(k, i)
    return TokenSpan(i, k) if k > i else found
