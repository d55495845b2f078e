"""Clauses and verb phrases joined to the one a date dates: a clause a date opens after "and"
("and now *are holding talks*"), a verb phrase coordinated with the phrase ("*killed three
soldiers and wounded six others*"), the clauses listed after a main clause ("In May, *stocks
fell, rates rose* and ...")."""

from __future__ import annotations

from timeline.events.chunk import Chunk
from timeline.events.date_phrase import DatePhrase
from timeline.events.limits import COORDINATED, LONG
from timeline.events.tags import (
    ADV,
    AUX,
    DET,
    FINITE,
    NEG,
    NOUN,
    NP_WORDS,
    OTHER,
    POSS,
    PRON,
    TIME,
    VERB,
)
from timeline.events.tokens import TokenSpan

__all__ = ["clause_after_and", "on_through_coordinated_verb", "on_to_listed_clauses"]


def clause_after_and(c: Chunk, date: DatePhrase) -> TokenSpan | None:
    """A date right after "and" or "but", before a verb, opens the clause it dates, which
    shares its subject with the clause before: "seized the capital two years ago and now
    *are holding talks*"."""
    ds, de = date.start, date.end
    if c.low(ds - 1) not in c.words["clause_joiners"] or c.tag(ds - 2) not in (NOUN, TIME, VERB):
        return None
    k = de
    while c.tag(k) in (ADV, NEG):
        k += 1
    if c.tag(k) in (DET, NOUN, PRON, POSS) and c.low(de) != ",":
        return _own_subject_clause(c, k)  # "and on 15 May *the queen made an offer*"
    if c.tag(k) not in FINITE or c.lows[k] in c.words["reporting_verbs"]:
        return None
    stop = c.before_noun_phrase(k, c.after_words(k, c.clause_end(k), LONG))
    for m in range(k + 2, stop):
        if c.tags[m] == AUX and c.tags[m - 1] == NOUN:
            return c.phrase(k, m)  # not on to a clause of its own: "should peace fail"
    return c.phrase(k, stop)


def _own_subject_clause(c: Chunk, k: int) -> TokenSpan | None:
    """The clause from its subject at ``k``, a short noun phrase or a pronoun, if its verb
    follows: "and on 15 May *the queen made an offer* to the rebels"."""
    m = k + 1 if c.tags[k] == PRON else c.np_end(k + (c.tags[k] in (DET, POSS)), limit=4)
    verb = c.verb_at(m)
    if m == k or verb is None or c.lows[verb] in c.words["reporting_verbs"]:
        return None
    return c.phrase(k, c.before_noun_phrase(k, c.after_words(k, c.clause_end(verb), LONG)))


def on_through_coordinated_verb(c: Chunk, found: TokenSpan) -> TokenSpan:
    """The phrase on through a verb phrase coordinated with its clause, if all is short:
    "*rebel gunmen captured two border posts and badly damaged four others*"."""
    i, j = found
    joining = c.words["predicate_coordinators"]
    while j < c.n and (c.tags[j] == OTHER or (c.tags[j] in (DET, ADV) and c.low(j + 1) in joining)):
        j += 1  # and a word left at the clause's end: "once *more*"
    if j < c.n and c.lows[j] == ",":
        j += 1
    if j >= c.n or c.lows[j] not in joining or not c.cut[j]:
        return found
    verb = j + 1
    while verb < c.n and c.tags[verb] in (ADV, NEG, OTHER):
        verb += 1
    if c.tag(verb) not in (VERB, AUX) or not c.has(i, j, FINITE):
        return found
    end = c.clause_end(verb)
    end = c.content_end(end, verb)
    if c.count(i, verb + 1) > COORDINATED:
        return found
    stop = c.after_words(i, end, COORDINATED)
    if stop < end and c.tags[stop] == NOUN:
        k = stop  # not into the middle of a noun phrase: "hidden" (two feet below the floor)
        while k > verb + 1 and (c.tags[k - 1] in NP_WORDS or c.lows[k - 1] in c.words["numerals"]):
            k -= 1
        stop = k if k > verb + 1 else stop
    return c.phrase(i, stop) or found


def on_to_listed_clauses(c: Chunk, found: TokenSpan, date: DatePhrase) -> TokenSpan:
    """A date opening the sentence dates the clauses listed after its main clause too: on to
    the next one's verb, if all is short: "In May, *stocks fell, rates rose* and ..."."""
    i, j = found
    ds = date.start
    if ds >= i or c.has(0, ds, FINITE) or c.low(j) != ",":
        return found
    if "," not in c.lows[ds:i]:
        return found  # not the main clause after the opening phrase
    verb = c.first_verb(i, j, FINITE)
    if verb is None or c.lows[j - 1] in c.words["reporting_verbs"]:
        return found  # no clause, or a parenthetical "X said, ..."
    k = j + 1
    if c.low(k) in c.words["clause_joiners"]:
        k += 1
    subject = k
    while k < c.n and k - subject < 4 and c.tags[k] in (DET, POSS, NOUN, PRON, ADV):
        k += 1
    if k == subject or c.tag(k) not in FINITE:
        return found
    if c.lows[k] in c.words["reporting_verbs"]:
        return found  # "..., officials said": no clause of the list
    stop = k + 1
    while stop < c.n and c.tags[stop] in (VERB, AUX, ADV, NEG):
        stop += 1
    if c.count(i, stop) > LONG:
        return found
    return c.phrase(i, stop) or found
