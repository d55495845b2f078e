"""Clauses around a date: the clause after a token, past fragments that are not clauses; the last
words of the clause before a date, with its verb; and the head a relative clause tells of."""

from __future__ import annotations

from timeline.events.chunk import Chunk
from timeline.events.date_phrase import is_date_list
from timeline.events.limits import LONG, LONGEST, MAX_WORDS, SLACK, THROUGH
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
    VERB,
)
from timeline.events.tokens import TokenSpan

__all__ = ["clause_after", "clause_before", "last_words", "list_clause_start", "relative_head"]

_LISTING = frozenset({CONJ, OTHER})  # "Peru *and* the Dominican Republic can"
_DASHES = frozenset({"--", "—", "–"})
_JOINING = frozenset({CONJ})


def clause_after(c: Chunk, i: int) -> TokenSpan | None:
    """The clause from token ``i``, past verbless or participial fragments (three at most)."""
    k = i
    fallback: TokenSpan | None = None
    listed: int | None = None
    apposed = False
    if c.tag(c.forth(i)) == SUB:  # "Now, although X, Y": the main clause Y
        k = c.clause_end(c.forth(i))
    for _ in range(4):
        k = c.forth(k)
        relative = False
        while k < c.n and (c.tags[k] in (PUNCT, CONJ) or (c.tags[k] in (SUB, REL, THAT) and k > i)):
            relative = relative or c.tags[k] == REL
            k += 1
        if k >= c.n:
            break
        end = c.clause_end(k)
        verb = c.first_verb(k, end)
        if verb is None and c.count(k, end, CONTENT):
            found = _past_dashed_aside(c, k, end)
            if found is not None:
                return found
        if (
            verb is not None
            and verb > k
            and all(c.tags[m] in NP_WORDS for m in range(k, verb))
            and _is_participle_modifier(c, verb, end)
            and c.has(end + 1, c.n, FINITE)
        ):
            # a subject and a participle phrase on it, "a group *led by* three directors,":
            # on to its verb
            fallback = fallback or TokenSpan(k, end)
            listed = None
            apposed = True  # and the names after it are its apposition, not a list
            k = end
            continue
        if verb is not None:
            relative = relative or (verb == k and _is_participle_modifier(c, k, end))
            if relative and listed is not None and c.low(end) == ",":
                # "X, which is among ..., completed Y": on to the main clause
                fallback = TokenSpan(listed, end)  # else the subject and its relative clause
                listed = None
            elif c.tags[verb] != ING or c.count(k, verb, CONTENT):
                if listed is not None and verb > k and not c.has(k, verb, _LISTING):
                    listed = None  # a subject of its own: "In Lisbon, Portugal, *the alliance*"
                return _from_subject(c, k if listed is None else listed, k, verb, end)
            fallback = fallback or TokenSpan(k, end)
        elif c.count(k, end, CONTENT):
            fallback = fallback or TokenSpan(k, end)
            # a list subject, "Chile, Peru and the Dominican Republic can ...", is kept
            if c.tags[k] in (NOUN, DET) and c.low(end) == "," and not apposed:
                listed = k if listed is None else listed
            else:
                listed = None
        k = end
    if fallback is None:
        return None
    k, end = fallback
    return c.phrase(k, c.after_words(k, end, MAX_WORDS))


def _past_dashed_aside(c: Chunk, k: int, end: int) -> TokenSpan | None:
    """A subject ``k..end`` before an aside between dashes, then its verb: the clause from the
    subject, or from its verb group if the subject and the aside are long, "the member towns
    -- those that share the river, that is -- *had signed a common charter*"."""
    if c.low(end) not in _DASHES:
        return None
    close = next((m for m in range(end + 1, c.n) if c.lows[m] in _DASHES), None)
    if close is None:
        return None
    verb = c.verb_at(close + 1)
    if verb is None:
        return None
    return _from_subject(c, k, close + 1, verb, c.clause_end(verb))


def _from_subject(c: Chunk, begin: int, k: int, verb: int, end: int) -> TokenSpan | None:
    """The clause ``k..end`` with its verb at ``verb``, from ``begin`` (its subject, or a list
    before it), or from its verb group if a long subject leaves no room for what follows."""
    stop = c.after_words(begin, end, MAX_WORDS)
    last = verb  # the verb group's last verb: "still had not *signed*"
    while last + 1 < end and c.tags[last + 1] in (AUX, VERB, ADV, NEG):
        last += 1
    while last > verb and c.tags[last] in (ADV, NEG):
        last -= 1
    if last >= stop or (last == stop - 1 and stop < end):
        # a long subject, no room left for what follows the verb: from its verb group, "...
        # *moved to the border*"
        begin = verb
        while begin > k and c.tags[begin - 1] in (AUX, ADV, NEG):
            begin -= 1
        stop = c.after_words(begin, end, MAX_WORDS)
    return c.phrase(begin, stop)


def _is_participle_modifier(c: Chunk, k: int, end: int) -> bool:
    """Whether the fragment ``k..end`` between commas is a participle phrase on the noun
    before it, not a clause: "a group of lenders, *led by a bank*, has extended"."""
    return (
        c.lows[k].endswith("ed")
        and c.low(k + 1) in c.words["agent_prepositions"]
        and c.low(end) == ","
        and not c.has(k + 1, end, FINITE)
    )


def clause_before(c: Chunk, lo: int) -> TokenSpan | None:
    """The clause ending at token ``lo`` (a boundary), past a verbless list."""
    if lo <= 0:
        return None
    k = lo - 1
    while k >= 0 and not c.cut[k]:
        k -= 1
    start = k + 1
    if c.lows[k : k + 1] == [","] and (not c.has(start, lo) or c.restates_amount(k)):
        merged = list_clause_start(c, k)
        start = start if merged is None else merged  # 0: the sentence's start
    return last_words(c, start, lo)


def list_clause_start(c: Chunk, comma: int) -> int | None:
    """Start of the first clause with a verb left of a list: "engulfed A, B, C and D"."""
    k = comma
    for _ in range(12):
        j = k - 1
        while j >= 0 and not c.cut[j]:
            j -= 1
        if c.has(j + 1, k):
            return j if j >= 0 and c.tags[j] in (REL, THAT) else j + 1
        if j < 0 or c.lows[j] != ",":
            return None
        k = j
    return None


def last_words(c: Chunk, start: int, end: int) -> TokenSpan | None:
    """The clause ``start..end`` before a date: its last words, with a verb (the head of a
    relative clause, the whole clause if short, else from its verb group, or its last words
    back to the verb that takes them)."""
    if start < end and c.tags[start] in (REL, THAT) and start > 0:
        found = relative_head(c, start, end)
        if found is not None:
            return found
    if c.count(start, end) <= MAX_WORDS:
        return c.phrase(start, end)
    first = c.before_words(end, start, MAX_WORDS)
    joining = c.words["joining_coordinators"]
    for k in range(end - 2, first - 1, -1):
        if c.lows[k] in joining and c.tags[k + 1] == ING:
            # a participle coordinated near the date: "before giving up the plan and
            # *selling its shares* in early May"
            return c.phrase(k + 1, end)
    verb = c.first_verb(start, first, FINITE)
    if verb is None and c.tags[start] == ING:
        verb = start  # a participle clause: "*adding Greece in 1952 and Spain* in 1982"
    if verb is not None:
        found = _from_verb_group(c, start, first, end, verb)
        if found is not None:
            return found
    if c.has(first, end, FINITE) or not c.has(start, first, FINITE):
        # not from the middle of a noun phrase: its start, if near, else after it
        k = first
        while k > start and first - k < SLACK and c.tags[k - 1] in NP_WORDS:
            k -= 1
        if k == start or c.tags[k - 1] not in NP_WORDS:
            first = k
        else:
            after = first
            while after < end and c.tags[after] in NP_WORDS:
                after += 1
            first = after if after < end else first
        return c.phrase(_back_to_governor(c, start, first, end), end)
    # a participle near the date, where the clause's verb is further back: from it on, "with
    # the main indexes *posting their biggest gains*" in nearly three months
    ing = next((k for k in range(end - 1, first - 1, -1) if c.tags[k] == ING), None)
    if (
        ing is not None
        and c.count(ing + 1, end, CONTENT)  # with its object, not "dating" (to 1994)
        and not c.has(ing, end, _JOINING)  # not across "and": "suggesting talks and" (on May 2)
    ):
        return c.phrase(ing, end)
    # the verb is further back: from the verb group on
    verb = first - 1
    while verb > start and c.tags[verb] not in FINITE:
        verb -= 1
    while verb > start and c.tags[verb - 1] in (AUX, ADV, NEG):
        verb -= 1
    if c.tag(verb - 1) == PRON:
        verb -= 1
    elif c.tag(verb - 1) == NOUN:  # a short subject whole, not its last word: "Wall Street"
        subject = c.np_start(verb - 1, limit=3)
        if subject is not None and subject >= start and c.count(subject, verb) <= 3:
            verb = subject
    return c.phrase(verb, c.after_words(verb, end, MAX_WORDS))


def _from_verb_group(c: Chunk, start: int, first: int, end: int, verb: int) -> TokenSpan | None:
    """A long clause ``start..end`` from its verb group at ``verb``, further back than its last
    :data:`MAX_WORDS` words from ``first``, if within reach: with its subject if short, else
    from the verb group, else from the verb past its auxiliaries; else None."""
    while verb > start and c.tags[verb - 1] in (AUX, ADV, NEG):
        verb -= 1
    if c.tag(verb - 1) == PRON and c.count(verb - 1, end) <= LONGEST:
        verb -= 1  # "it has been widened to cover ..."
    subject = c.subject_start(verb - 1) if c.tag(verb - 1) == NOUN else verb
    if subject >= start and c.count(subject, end) <= THROUGH:
        return c.phrase(subject, end)
    if c.count(verb, end) <= LONGEST:
        return c.phrase(verb, end)
    main = verb
    while main < first and c.tags[main] in (AUX, ADV, NEG, PRON):
        main += 1
    if (
        main > verb
        and c.tags[main] == VERB
        and c.lows[main].endswith(("ed", "en", "wn"))
        and c.count(main, end) <= LONGEST
    ):
        return c.phrase(main, end)  # the verb, past its auxiliaries: "*placed in ...*"
    return None


def _back_to_governor(c: Chunk, start: int, first: int, end: int) -> int:
    """Where a phrase of the last words of a long clause, from a noun phrase at ``first``
    past :data:`LONG` words, starts: back over the prepositions and noun phrases before it
    to the verb that takes them, or else to the noun they hang on, within :data:`LONGEST`
    words: "*engaging in a fraud to hide the losses of its clients*" over (a period)."""
    if c.count(first, end) <= LONG:
        return first
    best, k = first, first
    while k > start and c.count(k - 1, end) <= LONGEST:
        k -= 1
        tag = c.tags[k]
        if tag in (VERB, ING):
            while k > start and c.tags[k - 1] in (ADV, NEG):
                k -= 1
            return k
        if tag not in NP_WORDS and tag != PREP:
            break
        if (
            tag in NP_WORDS
            and c.tag(k - 1) in (VERB, ING, PREP)
            and k - 1 >= start
            and c.lows[first - 1] in c.words["genitive_prepositions"]
        ):
            best = k  # the object its "of" phrase hangs on: "*a charge of* $5.3 million"
    return best


def relative_head(c: Chunk, rel: int, end: int) -> TokenSpan | None:
    """The head of the relative clause ``rel..end`` (a date at ``end``): with the clause if it
    names an event and the clause is short, has a subject of its own or dates one event, the
    clause's; else with the clause's verb group, and its object if short."""
    head = c.back(rel)
    if c.low(head) == ",":
        head = c.back(head)
    gerund = _gerund_head(c, head, rel, end)
    if gerund is not None:
        return gerund
    if c.tag(head) not in (NOUN, OTHER):
        return None  # "said that ...": a complement, not a relative clause
    event = _event_before_head(c, head, rel, end)
    if event is not None:
        return c.phrase(event, end)
    start = c.np_start(head)
    if start is None:
        return None
    noun = head if c.tags[head] == NOUN else c.back(head)
    if c.names_event(noun):
        subject = c.tag(c.forth(rel + 1)) in (DET, PRON, NOUN, POSS)
        short = subject or c.count(rel, end) <= 3
        if (short or not is_date_list(c, end)) and c.count(start, end) <= THROUGH:
            # the clause is short or has its own subject: "the deal, which was
            # unveiled", "a pact, which the three governors signed"; or it dates one
            # event, the clause's: "the revolution that brought the general to power"
            return c.phrase(start, end)
        # several dates, of the events the head names: "the protests that rolled over ..."
        return c.phrase(start, head + 1)
    if c.count(rel, end) <= 5 and c.count(start, end) <= MAX_WORDS:
        return c.phrase(start, end)  # "Hartford Mills, which had a 17.5% share"
    return _head_and_verb(c, start, head, rel, end)


def _head_and_verb(c: Chunk, start: int, head: int, rel: int, ds: int) -> TokenSpan | None:
    """The head ``start..head`` of a relative clause ``rel..ds`` and the clause's verb group:
    "Tomas Reyes, who moved"; its object too, and the verb the head is the object of, if
    short."""
    verb = c.first_verb(rel + 1, ds)
    if verb is None:
        return None
    end = verb + 1
    to = c.words["infinitive_markers"]
    while end < ds and (c.tags[end] in (VERB, ING, ADV, NEG, AUX) or c.lows[end] in to):
        end += 1
    if c.count(start, end) > MAX_WORDS:
        return c.phrase(start, head + 1)
    if end < ds and c.tags[end - 1] in (VERB, ING) and c.tags[end] in (DET, NOUN):
        # and its object, if short: "a shop which is seeing *a boom*"
        obj = c.np_end(end + (c.tags[end] == DET), limit=3)
        while obj < ds and (  # "Peru's seizure", "an Albany, N.Y., dentist"
            c.tags[obj] == POSS or (c.tags[obj] in (PUNCT, OTHER) and not c.cut[obj])
        ):
            obj = c.np_end(obj + 1, limit=3)
        if obj <= ds and c.count(start, obj) <= LONG:
            end = obj
    if c.tag(start - 1) in (VERB, ING) and c.count(start - 1, end) <= LONG:
        start -= 1  # and the verb the head is the object of: "*fired* the shots that killed"
    return c.phrase(start, end)


def _gerund_head(c: Chunk, head: int, rel: int, ds: int) -> TokenSpan | None:
    """A gerund after a preposition heads a short relative clause like a noun: "$35 a
    unit at *closing, which is expected* in October"."""
    if c.tag(head) != ING or c.tag(c.back(head)) not in (PREP, DET, POSS):
        return None
    if c.count(rel, ds) > 3:
        return None
    return c.phrase(head, ds)


def _event_before_head(c: Chunk, head: int, rel: int, ds: int) -> int | None:
    """A relative clause that schedules its head ("which is expected") where the head names
    no event: the noun naming an event whose phrase the head ends, "a *ruling* on the claim,
    which is expected" next week; else None."""
    if c.tag(head) != NOUN or c.names_event(head):
        return None
    scheduled = (c.words["scheduling"] - c.words["dated_states"]) & set(c.lows[rel:ds])
    if c.count(rel, ds) > 4 or not scheduled:
        return None
    k = c.back(head)
    while k >= 0 and head - k <= 3 and c.tags[k] in (NOUN, DET, POSS, OTHER):
        k -= 1
    if c.low(k) not in c.words["event_noun_prepositions"] or c.tag(k - 1) != NOUN:
        return None
    return k - 1 if c.names_event(k - 1) else None
