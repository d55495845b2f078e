"""Rule 4: a date in a relative clause dates its head if the head names an event, with the
clause if it is short; else the head and the clause's verb (``docs/events.md``)."""

from __future__ import annotations

from timeline.events.chunk import Chunk
from timeline.events.clauses import last_words, relative_head
from timeline.events.date_phrase import DateClause
from timeline.events.limits import LONG
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
    POSS,
    PREP,
    REL,
    SUB,
    THAT,
    TIME,
    VERB,
    VERBISH,
)
from timeline.events.tokens import TokenSpan

__all__ = ["in_relative_clause"]

_VERB_GROUP = VERBISH | {ADV, NEG}


def in_relative_clause(c: Chunk, clause: DateClause) -> TokenSpan | None:
    """The phrase a date in a relative clause dates (:func:`_relative_phrase`), on through the
    date if it ends on the clause's verb (:func:`_on_through_date`)."""
    found = _relative_phrase(c, clause)
    return None if found is None else _on_through_date(c, found, clause)


def _relative_phrase(c: Chunk, clause: DateClause) -> TokenSpan | None:
    """The phrase a date in a relative clause dates: its head, or its head and verb; or the
    main clause's, a second date's, or the last words' of a long clause."""
    lo, ds = clause.cut_before, clause.date.start
    if lo < 0 or c.tags[lo] not in (REL, THAT) or not clause.verb_before:
        return None
    earlier = _after_earlier_date(c, lo, ds)
    if earlier is not None:
        # a second date in the relative clause: what comes after the first, "who landed
        # Monday with engineers for *a visit likely to last* over a month"
        return last_words(c, earlier, ds)
    main = _main_verb_after_relative(c, lo, ds)
    if main is not None:
        # "A woman who threw a brick was named Monday": the date is the main clause's
        head = c.back(lo)
        if c.low(head) == ",":
            head = c.back(head)
        start = c.subject_start(head) if c.tag(head) == NOUN else lo + 1
        return last_words(c, start, ds)
    verb = c.first_verb(lo + 1, ds)
    if verb is not None and c.count(lo, ds) > 5:
        end = verb + 1
        while end < ds and c.tags[end] in _VERB_GROUP:
            end += 1
        if c.first_verb(end, ds, FULL_VERBS) is not None:
            # a second verb nearer the date: "who is accused of *robbing X* last winter"
            return last_words(c, lo + 1, ds)
    return relative_head(c, lo, ds)


def _on_through_date(c: Chunk, found: TokenSpan, clause: DateClause) -> TokenSpan:
    """A relative clause's phrase ending on its verb at the date goes on through the date to
    the event after it, from the verb group, or past its auxiliaries, if short: "three women who
    *were held last month for questioning*", "a miner who was *seriously hurt earlier this
    year in the collapse*" (of a tunnel)."""
    rel, hi = clause.cut_before, clause.cut_after
    ds, de = clause.date.start, clause.date.end
    j = found.end
    if j != ds or c.tags[j - 1] not in (VERB, ING) or hi <= de:
        return found
    verb = c.first_verb(rel + 1, ds)
    if verb is None:
        return found
    while verb > rel + 1 and c.tags[verb - 1] in (AUX, ADV, NEG):
        verb -= 1
    k = de
    joined = c.lex.timing_links
    while k < hi and not c.has_event(k, k + 1):
        if c.tags[k] in (SUB, REL, THAT, CONJ) or c.lows[k] in joined:
            return found  # a clause or an event it is counted from: see through.py
        k += 1
    if k >= hi or (c.tags[k] == VERB and c.tag(k - 1) not in (AUX, PREP)):
        return found  # or the main clause's verb: "the men who launched it in 1959 *met*"
    if c.tags[k] == NOUN:
        ends = [c.np_end(k)]
        if c.low(ends[0]) in c.words["genitive_prepositions"]:
            # with its "of" phrase: "the bombing of a clinic"
            m = ends[0] + 1
            while m < hi and c.tags[m] in (DET, POSS):
                m += 1
            ends.insert(0, c.np_end(m, limit=3))
    else:
        ends = [c.np_end(k + 1), k + 1]  # with the noun phrase after it, or alone
    main = verb
    while c.tags[main] in (AUX, NEG) and main + 1 < ds:
        main += 1  # or past its auxiliaries: "*seriously hurt earlier this year in the collapse*"
    for stop in ends:
        for start in dict.fromkeys((verb, main)):
            if stop <= hi and c.count(start, stop) <= LONG and c.tag(stop) not in (NOUN, POSS):
                return c.phrase(start, stop) or found
    return found


def _after_earlier_date(c: Chunk, lo: int, ds: int) -> int | None:
    """The token after the last date of the clause from ``lo`` to ``ds``, or None."""
    k = ds - 1
    while k > lo and c.tags[k] != TIME:
        k -= 1
    return k + 1 if k > lo and k + 1 < ds else None


def _main_verb_after_relative(c: Chunk, rel: int, ds: int) -> int | None:
    """The verb group of the main clause, if one follows the relative clause before ``ds``."""
    groups = [
        k
        for k in range(rel + 1, ds)
        if c.tags[k] in FINITE and c.tags[k - 1] not in (AUX, VERB, ADV, NEG, PREP)
    ]
    if len(groups) < 2:
        return None
    last = groups[-1]
    before = c.back(last)
    if c.tags[before] != NOUN or c.lows[groups[0]] in c.words["reporting_verbs"]:
        return None  # "which said it had lost": a clause inside the relative one
    return last
