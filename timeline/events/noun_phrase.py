"""Rule 1: a date inside a noun phrase dates its head ("the 2011-13 *Russian protests*"), with
the verb it is the object or the subject of, its "of" phrase or relative clause, or what it
anchors, when short (``docs/events.md``)."""

from __future__ import annotations

from typing import NamedTuple

from timeline.events.chunk import Chunk
from timeline.events.date_phrase import DatePhrase
from timeline.events.limits import LONGEST, MAX_WORDS
from timeline.events.opening import opening_or_noun_phrase
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
    PUNCT,
    REL,
    SUB,
    TIME,
    VERB,
    VERBISH,
)
from timeline.events.tokens import TokenSpan

__all__ = ["dated_noun_phrase", "noun_phrase_head"]


class _Head(NamedTuple):
    """The noun phrase a timex modifies: its head's first and last tokens (``end`` exclusive;
    ``head`` is the first adjective before the timex if any), the token before the timex (or
    before its adjectives), and whether a determiner or a possessive frames the date."""

    head: int
    end: int
    before: int
    inside: bool  # after a determiner: "the 2011-13 protests"
    determined: bool  # inside, or a possessive: "Friday's bombing"


def dated_noun_phrase(c: Chunk, date: DatePhrase) -> TokenSpan | None:
    """The phrase a date inside a noun phrase dates (:func:`noun_phrase_head`), unless the
    date phrase goes on past its timexes ("last week alone"); in a phrase opening the sentence,
    that phrase and the main clause instead, where they come along."""
    if date.end != date.timex_end:
        return None
    found = noun_phrase_head(c, date)
    return None if found is None else opening_or_noun_phrase(c, found, date)


def noun_phrase_head(c: Chunk, date: DatePhrase) -> TokenSpan | None:
    """The phrase a timex inside a noun phrase dates: the head, with the verb it is the object
    or the subject of, if short, or what its "of" phrase or relative clause tells."""
    np = _head(c, date)
    if np is None:
        return None
    head, end, before = np.head, np.end, np.before
    # the verb before the noun phrase, of which it is the object
    verb = c.back(before if c.tag(before) in (DET, POSS) else min(head, date.timex_start))
    after = c.forth(end)
    if c.tag(before) != PREP:  # not "questioning in last month's death of X may ..."
        after = _after_modifiers(c, after)
    while after < c.n and c.tags[after] in (ADV, NEG):
        after += 1
    if c.tag(after) in FINITE:
        # the noun phrase is a subject: "the 1996 bombing killed one person"
        if not np.determined and c.tag(before) == PREP:
            return None  # "in January protests erupted": the date is the clause's
        # with the verb it is the object of: "reported first-quarter revenue climbed 18%"
        start = verb if c.tag(verb) in (VERB, ING) else head
        return c.phrase(start, c.after_words(start, c.clause_end(head), MAX_WORDS))
    found = _said_subject(c, verb, head, end)
    if found is not None:
        return found
    # "a 23% drop in second-quarter sales": the noun that governs the phrase
    if (
        c.tag(before) == PREP
        and c.lows[before] in c.words["noun_complement_prepositions"]
        and not np.inside
    ):
        governor = c.back(before)
        if c.tag(governor) == NOUN and c.text[c.starts[governor]].islower():
            noun = c.np_start(governor, limit=2)
            if noun is not None and c.count(noun, end) <= MAX_WORDS:
                return c.phrase(noun, end)
    found = _event_noun_of_relative(c, head, end)
    if found is None:
        found = _anchored_event(
            c, before if c.tag(before) in (DET, POSS) else date.timex_start, end
        )
    if found is not None:
        return found
    return _object_of_verb(c, verb, head, end)


def _head(c: Chunk, date: DatePhrase) -> _Head | None:
    """The noun phrase the date's timex modifies, or None if it modifies none."""
    ts, te = date.timex_start, date.timex_end
    possessive = c.tag(te) == POSS
    head = te + 1 if possessive else te
    before = c.back(ts)
    inside = c.tag(before) in (DET, POSS) or c.lows[ts] in c.words["determiners"]
    first = _first_adjective(c, before) if not inside else None
    if first is not None:  # "their best weekly gain", "of disastrous Easter sales"
        inside, before = True, c.back(first)
    gerund = False
    if (
        c.tag(before) in (DET, POSS)
        and c.low(head) == ","
        and c.lows[te - 1][-1:].isdigit()
        and head + 1 < c.n
        and c.text[c.starts[head + 1]].islower()
    ):
        head += 1  # "the Dec. 21, 1988, bombing", not "In the first six months, Tolbert's"
        gerund = c.tag(head) == ING  # a noun all the same, after its determiner
    if (
        (c.tag(head) != NOUN and not gerund)
        or c.lows[head] in c.words["time_nouns"]
        or (  # a participle after a whole date: "the next three years *based on* ..."
            c.lows[head].endswith("ed")
            and c.tag(head + 1) in (PREP, ADV)
            and c.lows[ts] in c.words["determiners"]
        )
    ):
        return None
    lower = c.text[c.starts[head]].islower()
    text = c.text[c.starts[ts] : c.ends[te - 1]]
    if not (
        inside
        or possessive
        or (lower and "-" in text and not text[-1].isdigit())  # "third-quarter results"
        or (lower and before < 0 and any(ch.isdigit() for ch in text))
        or (  # "for May sales", but "on Aug. 13 suggest": a day is no modifier
            lower and c.tag(before) == PREP and text[:1].isupper() and not text[-1].isdigit()
        )
    ):
        return None
    end = c.np_end(head + 1) if gerund else c.np_end(head)
    if end == head:
        return None
    end = _joined_noun_end(c, _name_end(c, head, end))
    # the phrase of the noun phrase starts at its head, or at the adjectives before the timex
    start = head if first is None else first
    return _Head(start, end, before, inside, inside or possessive)


def _first_adjective(c: Chunk, before: int) -> int | None:
    """The first of one or two adjectives (by their endings, ``adjective_endings``) ending at
    ``before``, the word before a timex, after a determiner, a possessive or a preposition, so
    that the timex is inside the noun phrase: "their *best* weekly gain", "of *disastrous*
    Easter sales"; None if there is none: "a rally Saturday demanding"."""
    k, first = before, None
    while before - k < 2 and c.tag(k) == NOUN and _adjective(c, k):
        first, k = k, c.back(k)
    return first if first is not None and c.tag(k) in (DET, POSS, PREP) else None


def _adjective(c: Chunk, k: int) -> bool:
    """Whether the lower-case word ``k`` is an adjective by its ending, and no verb or event
    noun: "successful", "best", "traditional"; not "request" or "arrest"."""
    low = c.lows[k]
    return (
        low.isalpha()
        and c.text[c.starts[k]].islower()
        and (low.endswith(c.lex.adjective_endings) or low in c.words["superlatives"])
        and low not in c.words["verb_bases"]
        and low not in c.words["event_nouns"]
    )


def _object_of_verb(c: Chunk, verb: int, head: int, end: int) -> TokenSpan | None:
    """The dated noun phrase ``head..end`` with the verb ``verb`` it is the object of, directly
    or through a preposition, if short ("Brenmoor *reported a third-quarter loss*"); else with
    a short relative clause on it, or alone."""
    if (
        c.tag(verb) == PREP
        and c.lows[verb] not in c.words["agent_prepositions"]  # "exemplified by the 2011 riots"
        and c.tag(_before_adverbs(c, _before_quantity(c, c.back(verb)))) in (VERB, ING)
    ):
        # "was critically *injured in the 2015 attack*", "*responded coolly to the news*"
        verb = _before_adverbs(c, _before_quantity(c, c.back(verb)))
    if c.tag(verb) in (VERB, ING):
        start = verb
        while c.tag(start - 1) in (AUX, ADV, NEG):
            start -= 1
        if c.tag(start - 1) == PRON and start < verb:
            start -= 1  # "we're checking it on a daily basis"
        if c.count(start, end) <= MAX_WORDS:
            return c.phrase(start, _purpose_end(c, start, end))
    rel = c.forth(end)
    if c.low(rel) in c.words["event_relatives"] and c.tag(c.forth(rel + 1)) in FINITE:
        # with a short relative clause: "the 2008 *harbor heist that injured a guard*"
        stop = c.after_words(head, c.clause_end(rel + 1), MAX_WORDS)
        stop = c.content_end(stop, rel + 2)
        return c.phrase(head, stop)
    return c.phrase(head, end)


def _said_subject(c: Chunk, verb: int, head: int, end: int) -> TokenSpan | None:
    """A dated noun phrase right after a verb of saying, the subject of what was said, with
    its verb further on: "said *last week's arrest of a man spotted near the bank was
    a breakthrough*"."""
    if c.low(verb) not in c.lex.saying:
        return None
    stop = c.clause_end(end)
    v = end
    while v < stop and c.count(head, v) <= MAX_WORDS:
        if c.tags[v] in FINITE and not (c.lows[v].endswith("ed") and c.tag(v + 1) in (PREP, SUB)):
            break  # not a participle: "a man *spotted near* the bank"
        v += 1
    else:
        return None
    if v >= stop or c.tags[v] not in FINITE:
        return None
    last = c.after_words(v, stop, 4)  # the verb and a few words of its object
    last = c.content_end(last, v + 1)
    start = verb if c.count(verb, last) <= LONGEST else head
    return c.phrase(start, last)


def _purpose_end(c: Chunk, start: int, end: int) -> int:
    """The end of a verb phrase ``start..end`` on through an infinitive right after it, within
    LONGEST words: "*agreed at last month's meeting to raise the fees*"."""
    if c.low(end) not in c.words["infinitive_markers"] or c.tag(end + 1) != VERB:
        return end
    stop = c.after_words(start, c.clause_end(end + 1), LONGEST)
    return c.content_end(stop, end + 2)


def _anchored_event(c: Chunk, start: int, end: int) -> TokenSpan | None:
    """A dated noun phrase ``start..end`` after "after", "following" ... and what it anchors
    before it, if short: "*peace talks following the 1991 ceasefire*", "*looking
    for him since shortly after the May 4 robbery*"."""
    k = c.back(start)
    if c.low(k) not in c.words["anchoring"]:
        return None
    g = _before_adverbs(c, c.back(k))
    if c.tag(g) == PREP and c.tag(g + 1) == ADV:
        g = c.back(g)  # "since shortly after"
    if c.tag(g) == NOUN and c.names_event(g):
        first = c.np_start(g, limit=3)
        if first is not None and c.count(first, end) <= MAX_WORDS:
            return c.phrase(first, end)
    verb = g
    while verb >= 0 and c.tags[verb] not in (VERB, ING) and not c.cut[verb]:
        verb -= 1
    if verb < 0 or c.tags[verb] not in (VERB, ING) or c.count(verb, end) > MAX_WORDS:
        return None
    return c.phrase(verb, end)


def _name_end(c: Chunk, head: int, end: int) -> int:
    """The end of a name with "of" or "to" inside, from its capitalized head at ``head``: "the
    1996 *Defense of Marriage Act*"; else ``end``."""
    if not c.text[c.starts[head]].isupper():
        return end
    k = end
    while c.low(k) in c.words["name_joiners"] and k + 1 < c.n:
        j = k + 1
        while j < c.n and c.tags[j] == NOUN and c.text[c.starts[j]].isupper():
            j += 1
        if j == k + 1 or c.count(head, j) > MAX_WORDS:
            break
        k = end = j
    return end


def _joined_noun_end(c: Chunk, end: int) -> int:
    """The end of a second noun joined to the head ending at ``end``: "Tuesday's *listings
    and pricings*", not "the 1996 bombing and police said"; else ``end``."""
    if c.low(end) not in c.words["additive_coordinators"] or c.tag(end + 1) != NOUN:
        return end
    if not c.text[c.starts[end + 1]].islower():
        return end
    stop = c.np_end(end + 1, limit=2)
    if c.tag(c.forth(stop)) in VERBISH:
        return end
    return stop


def _before_quantity(c: Chunk, i: int) -> int:
    """Before a word of quantity and its "of" at ``i``: "fueled *much* of the 1990 growth"."""
    if c.low(i) in c.words["quantities"] and c.low(i + 1) in c.words["genitive_prepositions"]:
        return c.back(i)
    return i


def _event_noun_of_relative(c: Chunk, head: int, end: int) -> TokenSpan | None:
    """An event noun ending at ``end``, its "of" phrase and a relative clause on it: "the
    May 1998 *bombing of a Denver clinic that killed a guard and injured a nurse*"."""
    of = c.forth(end)
    if c.low(of) not in c.words["genitive_prepositions"] or not c.names_event(c.back(of)):
        return None
    rel = of + 1
    while (
        rel < c.n
        and rel - of <= 8
        and (
            c.tags[rel] in (DET, NOUN, POSS, OTHER)
            or (c.text[c.starts[rel]].isupper() and c.tags[rel] == AUX)  # "Pan Am"
            or (c.lows[rel] == "," and c.tag(rel - 1) in (NOUN, OTHER) and c.tag(rel + 1) == NOUN)
        )
    ):
        rel += 1  # "of a Mobile, Ala., clinic"
    if c.low(rel) == "," and c.tag(rel + 1) == REL:
        rel += 1  # "of Dr. Okafor, who was wounded"
    if (
        c.tag(rel - 1) not in (NOUN, OTHER, PUNCT)
        or c.low(rel) not in c.words["of_phrase_relatives"]
    ):
        return None
    verb = c.forth(rel + 1)
    while verb < c.n and c.tags[verb] in (ADV, NEG):
        verb += 1
    if c.tag(verb) not in FINITE:
        return None
    stop = c.clause_end(rel + 1)
    if c.low(stop) in c.words["clause_joiners"] and c.tag(stop + 1) == VERB:
        stop = c.clause_end(stop + 1)  # "that killed a guard and maimed a nurse"
    stop = c.after_words(head, stop, LONGEST)
    stop = c.content_end(stop, rel + 2)
    return c.phrase(head, stop)


def _before_adverbs(c: Chunk, i: int) -> int:
    """The nearest token at or before ``i`` that is not an adverb (one or two skipped)."""
    k = i
    while k >= 0 and i - k < 2 and c.tags[k] == ADV:
        k -= 1
    return k


def _after_modifiers(c: Chunk, i: int) -> int:
    """The token after a prepositional phrase (or two) opening at ``i``, or ``i``: the
    verb of a subject that goes on, "Monday's *rush into the small banks signalled*"."""
    k = i
    for _ in range(2):
        if c.tag(k) != PREP or c.lows[k] in c.words["comparison_prepositions"]:
            break
        j = k + 1
        while j < c.n and j - k <= 6 and c.tags[j] in (DET, NOUN, POSS, OTHER, TIME):
            j += 1
        if c.tag(k + 1) != DET or c.tag(j - 1) not in (NOUN, OTHER):
            break  # "on the top stocks", not "of three suspected sites"
        k = j
    if k == i or c.tag(k) not in FINITE:
        return i
    if c.lows[k].endswith("ed") and c.tag(k + 1) in (PREP, SUB):
        return i  # a participle: "a tour of three sites *classified as* sensitive"
    return k
