"""Rule 5: a date on a verb of saying dates the saying and what was said, from the verb on ("X
*said on Monday that Y happened*"); where what was said comes first, it and the saying if short,
else the saying alone, which the rules after this one find (``docs/events.md``)."""

from __future__ import annotations

from timeline.events.chunk import Chunk
from timeline.events.clauses import clause_after
from timeline.events.date_phrase import DateClause
from timeline.events.limits import LONGEST, MAX_WORDS, SLACK
from timeline.events.tags import ADV, CONTENT, DET, FINITE, NOUN, PRON
from timeline.events.tokens import TokenSpan

__all__ = ["saying_and_said"]


def saying_and_said(c: Chunk, clause: DateClause) -> TokenSpan | None:
    """The phrase a date on a verb of saying dates: "said on Monday that Y" ("X said on Monday
    that Y"), or "Y, X said" ("Y, X said Monday."); None where a long Y comes first: the date
    is when it was said, not when Y happened, and the next rules give "X said"."""
    lo, first, hi = clause.cut_before, clause.start, clause.cut_after
    ds, de = clause.date.start, clause.date.end
    reporting = c.lex.saying  # "that" after
    verb = c.back(ds)
    while verb >= first and c.tags[verb] in (NOUN, PRON, DET, ADV):
        verb -= 1  # "told reporters on Monday"
    if verb < first or c.lows[verb] not in reporting:
        verb = c.forth(de)
        while verb < hi and c.tags[verb] == ADV:
            verb += 1
        if verb >= hi or c.lows[verb] not in reporting:
            return None
    elif c.back(ds) > verb and c.tag(c.forth(de)) in FINITE:
        return None  # "said it now holds": the date is in what was said
    # what was said, after the date: "said Monday (that) it had debts"
    k = c.forth(de if verb < ds else verb + 1)
    that = c.words["complementizers"]
    if c.lows[verb] not in c.words["reporting_verbs"] and c.low(k) not in that:
        return None  # "announced its agreements": what was announced is no clause
    if c.low(k) in that or c.low(k) in (":", ","):
        k += 1
    if k < c.n:
        end = c.clause_end(k)
        if c.has(k, end, FINITE):
            said = clause_after(c, k)
            if said is None:
                return None
            # the saying and what was said: "said Monday that it had debts"
            budget = MAX_WORDS + min(c.count(ds, de), 2) if verb < ds else MAX_WORDS
            end = c.after_words(verb, said.end, budget)
            if not c.count(k, end, CONTENT):  # a long date: what was said all the same
                end = c.after_words(k, said.end, SLACK)
            return c.phrase(verb, end)
    # "Y, X said Monday.": what was said came first; both if short, "The toll has risen to 12,
    # officials said"
    if lo >= 0 and c.lows[lo] == "," and c.lows[verb] in c.words["reporting_verbs"]:
        begin = c.forth(0)
        if c.has(begin, lo, FINITE) and c.count(begin, verb + 1) <= LONGEST:
            return c.phrase(begin, verb + 1)
    return None
