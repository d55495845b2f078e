"""Rule 7, the date after its clause's verb: the clause before the date, its last words if long,
on through the date when short; and the rules for a date in a clause without a verb."""

from __future__ import annotations

from timeline.events.chunk import Chunk
from timeline.events.clauses import clause_after, clause_before, last_words, list_clause_start
from timeline.events.date_phrase import NO_PHRASE, DateClause, is_date_list
from timeline.events.limits import LONG, MAX_WORDS, THROUGH
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
    PRON,
    SUB,
    THAT,
    VERB,
    VERBISH,
)
from timeline.events.through import ON_THROUGH_DATE
from timeline.events.tokens import TokenSpan

__all__ = [
    "phrase_before_date",
    "set_off_after_subject",
    "verbless_opening",
    "verbless_rest",
    "when_clause_of_date",
]


def phrase_before_date(c: Chunk, clause: DateClause) -> TokenSpan | None:
    """A date in a clause with a verb before it (and words before it, or no verb after it)
    dates the clause before it, or nothing: a lone participle with the clause before it, a
    participle set off between a subject and its verb, or the clause's last words; with the
    main clause before a "when" clause, and on through the date (:data:`ON_THROUGH_DATE`)."""
    if not (clause.verb_before and (not clause.verb_after or clause.words_before)):
        return None
    lo, first, hi = clause.cut_before, clause.start, clause.cut_after
    date = clause.date
    found = _lone_participle(c, clause)
    found = found or _inserted_participle(c, clause)
    found = found or last_words(c, first, date.start)
    if found is None:
        return NO_PHRASE
    found = _with_main_clause(c, found, lo)
    end = hi
    if hi == c.forth(date.end) and c.low(hi) in c.words["joining_subordinators"]:
        end = c.clause_end(hi + 1)  # "last spring when she was struck down"
    elif (
        hi == c.forth(date.end)
        and c.low(hi) in c.words["complementizers"]
        and c.tag(c.back(date.start)) == VERB
        and c.has(hi + 1, c.clause_end(hi + 1), FINITE)
    ):
        end = c.clause_end(hi + 1)  # "was notified Monday that it breached a limit"
    if end > date.end:
        for step in ON_THROUGH_DATE:
            found = step(c, found, date, end)
    return found


def _with_main_clause(c: Chunk, found: TokenSpan, lo: int) -> TokenSpan:
    """A date ending a clause after "when" with a subject of its own dates the main clause
    before it too: from its verb group (its subject too if short) on, within
    :data:`THROUGH` words: "*Twelve passengers drowned when their ferry capsized* last
    March"."""
    if lo <= 0 or c.lows[lo] not in c.words["joining_subordinators"]:
        return found
    subject = c.forth(lo + 1)
    if found.start > subject or c.tag(subject) not in (NOUN, DET, PRON, POSS):
        return found  # not the whole clause, or no subject: "when asked"
    k = lo - 1
    while k >= 0 and not c.cut[k]:
        k -= 1
    verb = c.first_verb(k + 1, lo, FINITE)
    if verb is None:
        return found
    while verb > k + 1 and c.tags[verb - 1] in (AUX, ADV, NEG):
        verb -= 1
    begin = verb
    if c.tag(verb - 1) == PRON:
        begin = verb - 1
    elif c.tag(verb - 1) == NOUN:
        begin = max(c.subject_start(verb - 1), k + 1)
    end = found.end
    if c.count(begin, verb) > 4 or c.count(begin, end) > THROUGH:
        begin = verb
    if c.count(begin, end) > THROUGH:
        return found
    return c.phrase(begin, end) or found


def _lone_participle(c: Chunk, clause: DateClause) -> TokenSpan | None:
    """A lone participle after a comma, its date ending the sentence, dates the clause before
    it too: "*The mayor replied in a letter, dated* Tuesday"."""
    lo, first = clause.cut_before, clause.start
    ds, de = clause.date.start, clause.date.end
    if lo <= 0 or c.lows[lo] != "," or c.count(de, c.n):
        return None
    if c.count(first, ds) != 1 or c.tags[first] not in (VERB, ING):
        return None
    if not (c.lows[first].endswith(("ed", "ing"))):
        return None
    before = clause_before(c, lo)
    if before is None:
        return None
    start = c.forth(before.start)
    if not (c.has(start, lo) or c.tag(c.back(start)) in (THAT, SUB)):
        return None  # "a protester, *lived*": no clause before it
    if c.count(start, first + 1) > LONG:
        # a long clause: from its last verb, "to *move to New Zealand, arriving*"
        verb = next((k for k in range(lo - 1, start, -1) if c.tags[k] in (VERB, ING)), None)
        if verb is None or c.count(verb, first + 1) > LONG:
            return None
        start = verb
    return c.phrase(start, first + 1)


def _inserted_participle(c: Chunk, clause: DateClause) -> TokenSpan | None:
    """A participle and its date set off by commas between a short subject and its verb
    date the clause, if short: "*labor costs, compared with a month ago, were inflated*"."""
    lo, first, hi, ds = clause.cut_before, clause.start, clause.cut_after, clause.date.start
    if c.tags[first] not in (VERB, ING) or c.has(first + 1, ds, CONTENT):
        return None
    return set_off_after_subject(c, lo, hi)


def set_off_after_subject(c: Chunk, lo: int, hi: int, *, opening: bool = False) -> TokenSpan | None:
    """The clause around a phrase set off by the commas ``lo`` and ``hi`` between a short
    subject and its verb, if short: "*labor costs, compared with a month ago, were inflated*",
    "*The launch, at 9:30 GMT, went* as planned"; the subject opening the sentence if
    ``opening``, not an apposition: "Then came a sister, Ana, in 1983, followed by"."""
    if lo <= 0 or c.lows[lo] != "," or c.low(hi) != ",":
        return None
    verb = c.verb_at(hi + 1)
    if verb is None:
        return None
    subject = lo
    while subject > 0 and c.tags[subject - 1] in NP_WORDS and lo - subject < 5:
        subject -= 1
    if subject == lo or (subject > 0 and not c.cut[subject - 1]):
        return None
    if opening and subject != c.forth(0):
        return None
    end = c.clause_end(verb)
    aside = c.count(lo, hi + 1) if opening else 0  # a date set off is not counted
    for words in range(LONG + aside, 0, -1):
        stop = c.content_end(c.after_words(subject, end, words), verb + 1)
        if c.count(subject, stop) - aside <= LONG:
            return c.phrase(subject, stop) if stop > verb else None
    return None


def when_clause_of_date(c: Chunk, clause: DateClause) -> TokenSpan | None:
    """Rule 6: a date in a clause without a verb, then "when Y": Y, what happened then: "a
    ticket from 1969 when *the first astronauts landed*"."""
    k = c.forth(clause.date.end)
    if c.low(k) not in c.words["joining_subordinators"]:
        return None
    end = c.clause_end(k + 1)
    if not c.has(k + 1, end, FINITE):
        return None
    return c.phrase(k + 1, c.after_words(k + 1, end, MAX_WORDS))


def verbless_opening(c: Chunk, clause: DateClause) -> TokenSpan | None:
    """A verbless phrase opening the sentence dates the clause after it: "In March in Geneva,
    *the two ministers signed*"; so does a date before a subject with its apposition, then its
    verb: "Tomorrow *the board, X, will vote*"; but not a date counted from an event that
    follows it, which dates that event: "Within a week of *the flood*, ..."."""
    hi = clause.cut_after
    if (
        clause.cut_before < 0
        and not clause.words_before
        and c.low(hi) == ","
        and c.has(hi + 1, c.n, FINITE)
        and not _counted_from_event(c, clause)
    ):
        return clause_after(c, clause.date.end)
    return None


def _counted_from_event(c: Chunk, clause: DateClause) -> bool:
    """Whether one date is counted from the event named right after it: "two days *after the
    vote*", "within a week *of the flood*" ("of" after "within" only: "the first three years
    of the war" is a part of it); the event a listed event noun or a gerund, not a word that
    only ends like one ("thirty years of this arrangement")."""
    date = clause.date
    k = c.forth(date.end)
    anchor = c.low(k)
    if anchor not in c.words["event_anchors"] or is_date_list(c, date.start):
        return False
    if anchor in c.words["genitive_prepositions"] and not (
        c.words["counting_prepositions"] & set(c.lows[date.start : date.timex_start])
    ):
        return False
    if c.has(k + 1, clause.cut_after, VERBISH):
        return False
    head = None  # the head of the noun phrase after it: "the X and Y *event*", "the *flood* in"
    m = k + 1
    while m < clause.cut_after and c.tags[m] in (NOUN, DET, POSS, OTHER, CONJ):
        if c.tags[m] == NOUN:
            head = m
        m += 1
    if head is None:
        return False
    word = c.lows[head]
    return word in c.words["event_nouns"] or (word.endswith("ing") and c.names_event(head))


def verbless_rest(c: Chunk, clause: DateClause) -> TokenSpan | None:
    """A date in a clause without a verb (a noun phrase, "protests in 2016", or a list the
    date ends) dates the words before it, from the first clause with a verb of a list; or
    the words after it."""
    lo, first = clause.cut_before, clause.start
    ds, de = clause.date.start, clause.date.end
    if clause.words_before:
        if lo >= 0 and c.lows[lo] == ",":
            merged = list_clause_start(c, lo)
            if merged is not None:
                return last_words(c, merged, ds)
        return last_words(c, first, ds)
    return c.phrase(de, c.after_words(de, c.clause_end(de), MAX_WORDS))
