"""A phrase before its date going on through the date: to the rest of a short clause, to an
infinitive right after the date, to the clause a "when" or "that" after it opens, or to the
event it is counted from ("the days before *the explosion*"), all within LONGEST words."""

from __future__ import annotations

from collections.abc import Callable

from timeline.events.chunk import Chunk
from timeline.events.date_phrase import DatePhrase
from timeline.events.limits import LONG, LONGEST, THROUGH
from timeline.events.tags import (
    ADV,
    AUX,
    DET,
    FINITE,
    ING,
    NEG,
    NOUN,
    OTHER,
    POSS,
    PREP,
    PUNCT,
    REL,
    SUB,
    THAT,
    TIME,
    VERB,
)
from timeline.events.tokens import TokenSpan

__all__ = ["ON_THROUGH_DATE", "on_through_date"]

# marks between "when" and its verb that show no plain subject there
_NO_SUBJECT = frozenset({PUNCT, SUB, REL, THAT, PREP})


def on_through_date(c: Chunk, found: TokenSpan, date: DatePhrase, hi: int) -> TokenSpan:
    """The clause before the date, on through the date to the rest of its clause (to ``hi``),
    if short: "*Vance had been detained in three countries since 2011 for reporting
    on corruption*"; else on to the first event after the date."""
    start, de = found.start, date.end
    hi = c.content_end(hi, de)  # not past the last word: "comes today.''"
    if hi <= de:
        return found
    if c.count(start, hi) > THROUGH:
        return _on_to_first_event(c, found, de, hi)
    # nothing that happens after the date: "in June in the appeals court"; but the date's noun
    # phrase may go on, "two quarters of growth", or a copula's complement follow, "the tunnel is
    # currently three years behind schedule"
    if (
        not c.has_event(de, hi)
        and c.low(c.forth(de)) not in c.words["genitive_prepositions"]
        and c.tag(c.back(found.end)) != AUX
    ):
        return found
    return c.phrase(start, hi) or found


def _on_to_first_event(c: Chunk, found: TokenSpan, de: int, hi: int) -> TokenSpan:
    """A clause too long to take whole: the phrase before the date on through it to the first
    word after it that tells of something happening, with its object or noun phrase, if all
    is short: "*They were named Monday in a letter sent* by the county auditor"; not to what
    the other steps of :data:`ON_THROUGH_DATE` take."""
    start = found.start
    most = LONGEST if c.count(start, found.end) > LONG else LONG
    k = de
    to = c.words["infinitive_markers"]
    while k < hi and not c.has_event(k, k + 1):
        if c.tags[k] in (SUB, REL, THAT) or c.lows[k] in c.lex.timing_links:
            return found  # a clause or event after it
        if c.lows[k] in to and c.tag(k + 1) == VERB:
            return found  # an infinitive
        k += 1
    if k >= hi:
        return found
    stop = k + 1
    if c.tags[k] == NOUN:
        stop = c.np_end(k)
        if stop < hi and c.low(stop) in c.words["genitive_prepositions"]:  # its "of" phrase
            m = stop + 1
            while m < hi and c.tags[m] in (DET, POSS, OTHER):
                m += 1
            stop = max(stop, c.np_end(m, limit=3))
    else:
        while stop < hi and c.tags[stop] in (VERB, ING, AUX, ADV, NEG):
            stop += 1
        for words in (3, 2, 1):  # a few words of its object
            more = c.after_words(stop, hi, words)
            more = c.content_end(more, stop)
            if c.count(start, more) <= most:
                stop = more
                break
    if c.count(start, stop) > most and c.tags[k] != NOUN:
        stop = k + 1  # the verb alone
    if c.count(start, stop) > most:
        return found
    return c.phrase(start, stop) or found


def on_to_infinitive(c: Chunk, found: TokenSpan, date: DatePhrase, hi: int) -> TokenSpan:
    """The clause before the date, on through the date to an infinitive right after it:
    "*She will then fly to Ottawa on April 3 to sign the treaty*"."""
    to = c.forth(date.end)
    start, end = found
    if end > to or c.low(to) not in c.words["infinitive_markers"] or c.tag(to + 1) != VERB:
        return found
    stop = c.after_words(to, hi, 4)  # "to" and the verb, and a few words of its object
    stop = c.content_end(stop, to + 2)
    first = c.before_words(stop, start, LONGEST)
    if first > start and c.first_verb(start, end, FINITE) not in range(first, end):
        return found  # it would lose the clause's verb
    return c.phrase(first, stop) or found


def on_to_joined_clause(c: Chunk, found: TokenSpan, date: DatePhrase, hi: int) -> TokenSpan:
    """The clause before the date, on through the date to the verb of a clause that says
    what happened then, if short: "*was baking bread in her kitchen last spring when she was
    struck down*"."""
    k = c.forth(date.end)
    end = found.end
    # or a clause that a verb before the date governs: "was notified Monday that it *breached*"
    before = c.back(k)
    while before >= 0 and c.tags[before] == TIME:
        before -= 1
    governed = c.low(k) in c.words["complementizers"] and c.tag(before) == VERB
    if end > k or (c.low(k) not in c.words["timing_subordinators"] and not governed):
        return found
    verb_group = c.subordinate_verb(k, _NO_SUBJECT)
    if verb_group is None:
        return found
    stop = verb_group[1]
    more = c.after_words(stop, c.clause_end(stop), 3)  # a few words of its object
    more = c.content_end(more, stop)
    for last in (more, stop):  # its object rather than the subject of the clause before
        start = _start_within_longest(c, found.start, end, last)
        if start is not None:
            return c.phrase(start, last) or found
    return found


def on_to_anchor_event(c: Chunk, found: TokenSpan, date: DatePhrase, hi: int) -> TokenSpan:
    """The clause before the date, on through the date to the event it is counted from, if
    short: "*A neighbor saw the van near the school in the days before the explosion*"."""
    k = c.forth(date.end)
    end = found.end
    if end > k or c.low(k) not in c.words["event_anchors"]:
        return found
    m = k + 1
    while m < c.n and c.tags[m] in (DET, POSS, OTHER):
        m += 1
    stop = c.np_end(m, limit=3)
    head = stop - 1
    while head >= m and c.tags[head] != NOUN:
        head -= 1
    if head < m or not c.names_event(head):
        return found
    start = _start_within_longest(c, found.start, end, stop)
    if start is None:
        return found
    return c.phrase(start, stop) or found


def _start_within_longest(c: Chunk, start: int, end: int, stop: int) -> int | None:
    """Where the phrase ``start..end`` before a date starts to go on to ``stop`` within
    LONGEST words: at ``start``, else at its first verb group, else nowhere (None)."""
    if c.count(start, stop) <= LONGEST:
        return start
    verb = c.first_verb(start, end, FINITE)
    if verb is None:
        return None
    while verb > start and c.tags[verb - 1] in (AUX, ADV, NEG):
        verb -= 1
    return verb if c.count(verb, stop) <= LONGEST else None


#: The steps by which a phrase before its date goes on through it, in order, each given the
#: phrase, the date phrase and the end of what may follow the date.
ON_THROUGH_DATE: tuple[Callable[[Chunk, TokenSpan, DatePhrase, int], TokenSpan], ...] = (
    on_through_date,
    on_to_infinitive,
    on_to_joined_clause,
    on_to_anchor_event,
)
