"""Rules 3 to 7: the phrase a date dates in its clause, the rules tried in the order of
:data:`CLAUSE_RULES` (``docs/events.md``)."""

from __future__ import annotations

from timeline.events.before_date import (
    phrase_before_date,
    set_off_after_subject,
    verbless_opening,
    verbless_rest,
    when_clause_of_date,
)
from timeline.events.chunk import Chunk
from timeline.events.clauses import clause_after, clause_before
from timeline.events.coordination import (
    clause_after_and,
    on_through_coordinated_verb,
    on_to_listed_clauses,
)
from timeline.events.date_phrase import (
    NO_PHRASE,
    ClauseRule,
    DateClause,
    DatePhrase,
    date_clause,
)
from timeline.events.event_nouns import event_noun_before_date
from timeline.events.limits import LONGEST, MAX_WORDS
from timeline.events.opening import opening_dates_its_object, opening_phrase
from timeline.events.relative import in_relative_clause
from timeline.events.reported import saying_and_said
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
    PRON,
    TIME,
    VERB,
    VERBISH,
)
from timeline.events.tokens import TokenSpan

__all__ = ["CLAUSE_RULES", "dated_clause", "in_its_clause"]

_NOUN_OR_VERB = frozenset({NOUN, VERB})


def in_its_clause(c: Chunk, date: DatePhrase) -> TokenSpan | None:
    """The phrase a date dates in its clause (:func:`dated_clause`, or the clause a date opens
    after "and"), on through a verb phrase coordinated with it and the clauses listed after
    it; or an event noun and its "of" phrase before the date that the phrase misses or cuts."""
    found = clause_after_and(c, date) or dated_clause(c, date)
    if found is not None:
        found = on_through_coordinated_verb(c, found)
        found = on_to_listed_clauses(c, found, date)
    noun = event_noun_before_date(c, date)
    if noun is not None and (
        found is None or not found.start <= noun.start < noun.end <= found.end
    ):
        found = noun  # the clause's phrase misses it, or cuts it
    return found


def dated_clause(c: Chunk, date: DatePhrase) -> TokenSpan | None:
    """The phrase the date phrase ``date`` dates in its clause: the first answer of the rules
    of :data:`CLAUSE_RULES`, in order."""
    clause = date_clause(c, date)
    for rule in CLAUSE_RULES:
        found = rule(c, clause)
        if found is not None:
            return None if found is NO_PHRASE else found
    return None


def framed_event(c: Chunk, clause: DateClause) -> TokenSpan | None:
    """Rule 3: a stretch of time as the subject of "began with", "saw" ... dates the object:
    "The calendar in 2022 began with *X*", "The 1990s saw *X*"."""
    first, hi = clause.start, clause.cut_after
    ds, de = clause.date.start, clause.date.end
    verb = c.forth(de)
    while verb < hi and c.tags[verb] in (ADV, AUX):
        verb += 1
    if verb >= hi or c.lows[verb] not in c.words["framing_verbs"]:
        return None
    if c.has(first, ds, VERBISH):
        return None
    nouns = [k for k in range(first, ds) if c.tags[k] == NOUN]
    if nouns and c.lows[nouns[-1]] not in c.words["time_nouns"]:
        return None
    if not nouns and not any(ch.isdigit() for ch in c.text[c.starts[ds] : c.ends[de - 1]]):
        return None  # "now sees": an adverb, not a subject
    start = verb + 1
    if c.tag(start) == PREP:
        start += 1
    return c.phrase(start, c.after_words(start, c.clause_end(start), MAX_WORDS))


def cleft(c: Chunk, clause: DateClause) -> TokenSpan | None:
    """Rule 3: in a cleft, what follows (and nothing if nothing does): "it was not until
    Sunday that *Ortega announced ...*"."""
    first, hi = clause.start, clause.cut_after
    if (
        c.low(first) in c.words["cleft_subjects"]
        and c.low(first + 1) in c.words["cleft_verbs"]
        and c.low(hi) in c.words["complementizers"]
        and not clause.words_after
    ):
        return clause_after(c, hi + 1) or NO_PHRASE
    return None


def _opens_sentence(c: Chunk, clause: DateClause) -> bool:
    """Whether the date ends a phrase opening the sentence, with words before it and no verb:
    "In composite trading Friday, Delmar closed at $41"."""
    return bool(
        clause.words_before
        and c.tags[clause.start] == PREP
        and not c.has(clause.start, clause.date.start, FINITE)
        and clause.cut_before < 0
        and c.low(clause.cut_after) == ","
        and not clause.words_after
    )


def date_alone(c: Chunk, clause: DateClause) -> TokenSpan | None:
    """A date that is a clause of its own ("On Thursday, ..." or "..., in 1997."), or that
    ends a phrase opening the sentence, dates the clause before it if a participle follows,
    else the clause after it (the opening phrase too, where it names a period), else the
    clause before it, or nothing."""
    if (clause.words_before or clause.words_after) and not _opens_sentence(c, clause):
        return None
    lo, hi = clause.cut_before, clause.cut_after
    found = set_off_after_subject(c, lo, hi, opening=True)
    if found is not None:
        return found  # "*The launch, at 9:30 GMT, went* as planned"
    after = c.forth(hi + 1)
    if lo > 0 and c.tag(after) in (VERB, ING) and c.has(0, lo, FINITE):
        # a participle follows, no clause: "X had a loss, in 1990, compared with Y"
        found = clause_before(c, lo)
        if found is not None:
            return found
    if hi < c.n - 1 and c.has(hi + 1, c.n, VERBISH):
        # "For the year ended June 30, X earned": the opening phrase names a period
        date = clause.date
        opens = _opens_sentence(c, clause)
        if opens and opening_dates_its_object(c, date):
            return None  # what it names, for the rules after: "After the *signing* of"
        period = opens or c.has(date.start, date.end, _NOUN_OR_VERB)
        found = (opening_phrase(c, date) if period else None) or clause_after(c, hi + 1)
        if found is not None:
            return found
    return (clause_before(c, lo) if lo > 0 else None) or NO_PHRASE


def date_inside_clause(c: Chunk, clause: DateClause) -> TokenSpan | None:
    """Rule 7: the date between a subject and its verb, or inside a verb group, dates the
    clause: "*police are now investigating*", "*we today accept*"."""
    first, ds, de = clause.start, clause.date.start, clause.date.end
    verb = c.forth(de)
    while verb < c.n and c.tags[verb] in (ADV, NEG):
        verb += 1
    if verb >= c.n or c.lows[verb] in c.words["reporting_verbs"]:
        return None
    if c.lows[verb] in c.words["announcing_verbs"] and (
        c.low(c.forth(verb + 1)) in c.words["complementizers"]
    ):
        return None
    before = c.back(ds)
    if before < first:
        return None
    found = _subject_with_participle(c, clause, verb)
    if found is not None:
        return found
    if (c.tags[before] in (AUX, NEG) or c.lows[before] in c.words["infinitive_markers"]) and (
        c.tags[verb] in VERBISH
    ):
        # a verb group split by the date: its subject and auxiliaries, then the rest
        start = before
        while start > first and c.tags[start - 1] in (AUX, NEG, ADV):
            start -= 1
        if c.tag(start - 1) == PRON:
            start -= 1
        elif c.tag(start - 1) in (NOUN, OTHER):
            start = max(c.subject_start(start - 1), first)
    elif c.tags[before] in (NOUN, PRON) and (
        c.tags[verb] in FINITE or (c.tags[ds] == TIME and _is_present_verb(c, verb))
    ):
        # a subject, the date, the verb: "The Maltese cabinet Sunday rejected"
        start = before if c.tags[before] == PRON else c.subject_start(before)
        if start - 1 == first and c.tags[first] == ING:
            start = first  # a gerund and its object: "Leading the gains in May was"
        if start < first or (
            c.has(first, start, FINITE)  # the clause has its verb, this is a participle:
            and c.lows[verb].endswith("ed")  # "Sales rose 43% in May compared to the"
            and c.tag(verb + 1) == PREP
            and c.tag(verb + 2) not in VERBISH
        ):
            return None
    else:
        return None
    if c.count(start, ds) > 7:
        return None
    end = c.after_words(start, c.clause_end(de), MAX_WORDS + min(c.count(ds, de), 2))
    return c.phrase(start, end)


def _subject_with_participle(c: Chunk, clause: DateClause, verb: int) -> TokenSpan | None:
    """A subject with a participle phrase the date ends, then the verb: the subject on to the
    verb and a few words: "*The warrant issued Monday charged him with murder*"."""
    first, ds, de = clause.start, clause.date.start, clause.date.end
    if c.tags[verb] not in FINITE:
        return None
    k = c.back(ds)
    while k > first and ds - k <= 8 and c.tags[k] in (NOUN, DET, POSS, OTHER, PREP):
        k -= 1
    if not (
        c.tags[k] == VERB
        and c.lows[k].endswith("ed")
        and c.tag(k - 1) == NOUN
        and k - 1 >= first
        and c.tag(k + 1) in (PREP, TIME)
    ):
        return None  # "The warrant issued Monday", "a list issued by the government"
    start = max(c.subject_start(k - 1), first)
    if c.count(start, ds) > MAX_WORDS:
        return None
    end = c.after_words(start, c.clause_end(de), LONGEST)
    stop = c.after_words(verb, end, 4)  # the verb and a few words of its object
    stop = c.content_end(stop, verb + 1)
    return c.phrase(start, stop)


def _is_present_verb(c: Chunk, i: int) -> bool:
    """Whether the noun-looking word ``i`` after a subject and a date is a verb in -s:
    "Norway now *produces* 15 percent", "Veltrane currently *owns* about 64%"."""
    low = c.lows[i]
    return (
        c.tags[i] == NOUN
        and len(low) > 3
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is"))
        and low.isalpha()
        and c.text[c.starts[i]].islower()
        and c.tag(i + 1) in (DET, NOUN, PREP, ADV)
    )


def _defining_clause(c: Chunk, clause: DateClause) -> TokenSpan | None:
    """Rule 6: a date closing its clause, then ", when Y", dates Y: "since August, when *they
    traded at $10*"."""
    hi = clause.cut_after
    if (
        not clause.words_after
        and c.low(hi) == ","
        and c.low(hi + 1) in c.words["defining_subordinators"]
    ):
        k = hi + 2
        end = c.clause_end(k)
        if c.has(k, end, FINITE):
            return c.phrase(k, c.after_words(k, end, MAX_WORDS))
    return None


def clause_after_date(c: Chunk, clause: DateClause) -> TokenSpan | None:
    """A date with a verb after it in its clause (and none before it) dates the clause after
    it, or nothing."""
    if not clause.verb_after:
        return None
    return clause_after(c, clause.date.end) or NO_PHRASE


#: The rules for a date in its clause, in the order they are tried.
CLAUSE_RULES: tuple[ClauseRule, ...] = (
    framed_event,  # rule 3: "The calendar in 2022 began with *X*"
    cleft,  # rule 3: "it was not until Sunday that *X*"
    date_alone,  # "On Thursday, *he hinted at Russia*"
    in_relative_clause,  # rule 4: '"color revolutions" which engulfed ... in 2000'
    saying_and_said,  # rule 5: "*said on Monday that it would cut 500 jobs*"
    date_inside_clause,  # rule 7: "*police are now investigating*"
    _defining_clause,  # rule 6: "since March, when *she was found sleeping*"
    phrase_before_date,  # rule 7: "*The unrest began* on January 2"
    clause_after_date,  # rule 7: "On January 2 *the unrest began*"
    when_clause_of_date,  # rule 6: "a ticket from 1969 when *the first astronauts landed*"
    verbless_opening,  # "In March in Geneva, *the ministers signed the accord*"
    verbless_rest,  # a noun phrase, or a list the date ends
)
