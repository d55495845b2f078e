"""Long phrases: on to the end of their clause and into the clauses that go on with them, then
without the prepositional phrases that end them, where those name nothing the date dates."""

from __future__ import annotations

from timeline.events.chunk import Chunk
from timeline.events.date_phrase import DatePhrase
from timeline.events.limits import LONG, LONGEST, PASSIVE_KEPT
from timeline.events.tags import (
    ADV,
    AUX,
    CONJ,
    DET,
    FINITE,
    FULL_VERBS,
    ING,
    NEG,
    NOUN,
    NP_WORDS,
    OTHER,
    POSS,
    PREP,
    PRON,
    REL,
    THAT,
    TIME,
    VERB,
    VERBISH,
)
from timeline.events.tokens import TokenSpan

__all__ = ["on_to_clause_end", "without_last_phrases"]

_DATES = frozenset({TIME})
_AMOUNT = frozenset("$£€0123456789")


def on_to_clause_end(c: Chunk, found: TokenSpan, date: DatePhrase) -> TokenSpan:
    """A long phrase (more than :data:`LONG` words) runs on to the end of its clause, and on
    into the clauses that go on with it (:func:`_continuation`), within :data:`LONGEST`
    words; a shorter one only into those after a date that opens it, a relative clause if it
    has its verb, or the main clause after a participle's."""
    i, j = found
    ds, de = date.start, date.end
    if j >= c.n:
        return found
    cut = c.cut[j]
    on = _continuation(c, i, j) if cut else None
    after = c.tag(j + (c.lows[j] == ","))  # the word after the cut, past a comma, if any
    if c.count(i, j) <= LONG and not (
        on is not None
        and (
            (de <= i and (c.has(i, j, FINITE) or c.tags[on] == VERB))
            or after == VERB
            or (after == REL and c.has(i, j, FINITE))
        )
    ):
        # but a date opening the clause dates what goes on from it (a noun phrase after the
        # date, only on to its verb: "weekly *Herald, published a report*"), and a relative
        # clause or the main clause after a participle's goes on anyway: "*ending a three-day
        # tour, said* the plan had worked"
        return found
    if cut:
        if on is None:
            return found
        end = c.clause_end(on)
    else:
        end = c.clause_end(j)
    while end < c.n and (on := _continuation(c, i, end)) is not None:
        end = c.clause_end(on)
    if ds >= j and not c.has_event(de, c.clause_end(de)):
        end = min(end, ds)  # not on over its date: "was identified" Thursday "as a suspect"
    stop, seen = i, 0
    while stop < end and seen + c.counted[stop] <= LONGEST:
        seen += c.counted[stop]
        stop += 1
    if stop < end and c.tags[stop] in (NOUN, POSS, OTHER):
        # not into the middle of a noun phrase: back to before it, and its numeral
        while stop > j and (
            c.tags[stop - 1] in NP_WORDS or c.lows[stop - 1] in c.words["numerals"]
        ):
            stop -= 1
    stop = _before_open_verb(c, j, stop, end)
    stop = c.content_end(stop, j)
    if stop <= j:
        return found
    return TokenSpan(i, stop)


def _continuation(c: Chunk, i: int, j: int) -> int | None:
    """Where the clause cut at ``j`` goes on with the predicate of the phrase from ``i`` (see
    :func:`_continuing_clause`), if its verb is within :data:`LONGEST` words of ``i``."""
    k = _continuing_clause(c, j)
    if k is None:
        return None
    end = c.clause_end(k)
    verb = c.first_verb(k, end)
    if verb is None or c.has(k, end, _DATES):
        return None  # a date of its own dates it: "bought Pixar" (which was sold in 2005)
    # the verb, and a word of what follows it if anything does: not "... and *looks*"
    return k if c.count(i, min(verb + 2, end)) <= LONGEST else None


def _continuing_clause(c: Chunk, j: int) -> int | None:
    """Where the clause cut at ``j`` goes on with the same predicate: a verb joined by
    "and" ("raided two farms *and searched*"), or a relative clause on its last noun
    ("signed the declaration, *which founded* the union"); None if it does not."""
    k = j
    if c.lows[k] == ",":
        k += 1
    if k > j and k < c.n and c.tags[k] == VERB:
        start = c.clause_start(j - 1)
        if c.tags[start] == REL or c.tag(start - 1) == REL:
            return None  # the end of a relative clause: "X, which has 45 banks, *announced*"
        if c.tag(k + 1) == PREP:
            return None  # a participle on the noun before: "an event, *held* in May"
        return k
    if k >= c.n or c.tags[k] not in (CONJ, REL, THAT):
        return None
    if c.lows[k] in c.words["not_continuing"]:
        return None
    m = k + 1
    if c.lows[k] in c.words["additive_coordinators"] or (
        c.tags[k] == THAT and c.tags[j - 1] in (VERB, ING)
    ):
        while m < c.n and m - k <= 4 and c.tags[m] in (DET, NOUN, POSS, PRON):
            m += 1  # a subject of its own: "and *Yeltsin* claimed"
    while m < c.n and c.tags[m] == ADV:
        m += 1
    if m >= c.n or c.tags[m] not in (VERB, AUX):
        return None
    return k + 1


def _before_open_verb(c: Chunk, j: int, stop: int, end: int) -> int:
    """Where a phrase run on to its clause stops when :data:`LONGEST` cuts it right after a
    verb led by "to" or "for", leaving its object out: before the verb: "*announced that it is
    exercising its options with the maker*", not "... with the maker to purchase" (five
    aircraft)."""
    if stop >= end or c.tags[stop - 1] not in (VERB, ING) or c.tags[stop] not in (DET, NOUN, PRON):
        return stop
    k = stop - 1
    while k > j and c.tags[k - 1] in (ADV, NEG):
        k -= 1
    if k - 1 < j or c.lows[k - 1] not in c.words["verb_leaders"]:
        return stop
    k -= 1
    if k - 1 > j and c.tags[k - 1] in (VERB, ING) and c.tags[k - 2] == NOUN:
        k -= 1  # and a participle leading it: "a data center *intended* to support"
    return k


def without_last_phrases(c: Chunk, found: TokenSpan, date: DatePhrase) -> TokenSpan:
    """A phrase of more than :data:`LONG` words without the prepositional phrases or the
    restated amount that end it, down to :data:`LONG` words, where they are no object or
    complement of what comes before and, right before the date, name nothing it may date:
    "*attorneys lodged an appeal*" (on behalf of the girl's grandmother)."""
    (i, j), ds = found, date.start
    if c.count(i, j) <= LONG:
        return found
    leads = j <= ds and not any(c.cut[j:ds])  # the phrase leads to its date
    v = c.first_verb(i, j, FULL_VERBS)
    if v is None:
        return found  # a copula's complement stays: "is two years *behind schedule*"
    tags = c.tags
    for k in range(j - 1, v, -1):
        if leads and _names_what_date_dates(c, k, j):
            break
        if c.restates_amount(k) and not _has_verb(c, k, j) and not k <= ds < j:
            if c.count(i, k) <= LONG:
                return TokenSpan(i, c.content_end(k, i))
            continue
        if tags[k] != PREP or c.has(k, j, VERBISH) or k <= ds < j:
            if _has_verb(c, k, k + 1):
                break  # but on past a participle: "or 25 cents a unit *adjusted* for"
            continue
        if not (
            _is_passive(c, k - 1)
            and c.count(i, k) >= PASSIVE_KEPT
            and not (c.tag(k + 1) == NOUN and c.tag(k + 2) == PREP)
        ) and (tags[k - 1] != NOUN or tags[k - 2] == PREP or _looks_participle(c, k - 1)):
            continue
        if c.lows[k] in c.words["approximating"] and c.low(k + 1)[:1] in _AMOUNT:
            continue  # an amount, not a preposition: "save the city *about $4 million*"
        if leads and c.names_event(k - 1):
            continue  # what an event noun takes: "the attack *on the clinic*"
        if c.lows[k] in c.words["object_prepositions"] and not _amount_goes_to(c, k):
            continue
        if c.count(i, k) <= LONG:
            return TokenSpan(i, c.content_end(k, i))
    return found


def _amount_goes_to(c: Chunk, k: int) -> bool:
    """Whether the preposition at ``k`` is the "to" of an amount, which may go: "net rose
    4.2%" (to $131.9 million)."""
    return (
        c.lows[k] in c.words["amount_targets"]
        and c.low(k + 1)[:1] in _AMOUNT
        and (c.low(k - 1)[:1] in _AMOUNT or c.tags[k - 2] not in (VERB, ING))
    )


def _has_verb(c: Chunk, i: int, j: int) -> bool:
    """Whether ``i..j`` holds a verb other than a participle on the noun before it: "25
    cents a unit *adjusted* for the split" holds none."""
    tags = c.tags
    for k in range(i, j):
        if tags[k] in VERBISH and not (
            tags[k] == VERB and c.lows[k].endswith("ed") and c.tag(k - 1) == NOUN
        ):
            return True
    return False


def _names_what_date_dates(c: Chunk, k: int, j: int) -> bool:
    """Whether tokens ``k``..``j - 1`` hold what a date right after them may date: an event,
    an activity ("in composite *trading*" yesterday), or a date of their own."""
    activities = c.words["ing_nouns"]
    return (
        c.has_event(k, j)
        or any(
            c.lows[m] in activities
            or (len(c.lows[m]) == 4 and c.lows[m].isdigit())  # a year, "in 1993"
            for m in range(k, j)
        )
        or c.has(k, j, _DATES)
    )


def _is_passive(c: Chunk, k: int) -> bool:
    """Whether the verb at ``k`` is a passive participle ("was *found*", "be *reinstated*"),
    whose prepositional phrases are not its objects."""
    if c.tags[k] != VERB:
        return False
    k -= 1
    while k >= 0 and c.tags[k] in (ADV, NEG):
        k -= 1  # "was critically injured"
    return k >= 0 and c.lows[k] in c.words["be_forms"]


def _looks_participle(c: Chunk, k: int) -> bool:
    """Whether the word at ``k``, tagged a noun, looks like a past participle that takes the
    phrase after it: "a computer *based* on the chip"."""
    word = c.lows[k]
    return len(word) > 4 and word.endswith("ed") and not word.endswith("eed")
