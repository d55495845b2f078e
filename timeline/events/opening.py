"""A phrase opening the sentence with the date ("In Nasdaq trading yesterday, ..."):
with the main clause after it if all is short, else the main clause, or the opening phrase
itself if it is a gerund's clause."""

from __future__ import annotations

from timeline.events.chunk import Chunk
from timeline.events.clauses import clause_after
from timeline.events.date_phrase import DatePhrase
from timeline.events.limits import LONGEST, MAX_WORDS
from timeline.events.tags import DET, FINITE, FULL_VERBS, ING, NOUN, OTHER, POSS, PREP, VERBISH
from timeline.events.tokens import TokenSpan

__all__ = ["opening_dates_its_object", "opening_or_noun_phrase", "opening_phrase"]


def opening_phrase(c: Chunk, date: DatePhrase) -> TokenSpan | None:
    """A phrase opening the sentence, with the date, on to the main clause after it, if all
    is short: "*In Nasdaq trading yesterday, Corlin shares closed at $17.50*"."""
    main = _main_clause(c, date)
    if main is None:
        return None
    first, hi, (begin, end), verb = main
    if c.count(first, verb + 1) > MAX_WORDS:
        gerund = _gerund_opening(c, first, date.start, hi)
        if gerund is not None:
            return gerund
        return TokenSpan(begin, end)  # a long opening phrase: the main clause, "In his
        # Sunday Mass at ..., *X called the murder wrong*"
    if c.count(first, end) > LONGEST:  # the main clause cut to fit, its verb kept
        end = c.after_words(first, end, LONGEST)
        end = c.content_end(end, verb + 1)
    return TokenSpan(first, end)  # from its preposition: "In Sunday's debate"


def opening_dates_its_object(c: Chunk, date: DatePhrase) -> bool:
    """Whether a phrase opening the sentence and ending with its date is too long to come
    along with the main clause, and names what the date dates: the object of its preposition,
    "After the *signing* of the pact in Oslo last Thursday, the ministers of ...", "In an
    *interview* with ... on Sunday, X admitted"; not an activity that frames the main clause,
    "In heavy *trading* on the Tokyo exchange this morning, *shares fell*"."""
    main = _main_clause(c, date)
    if main is None:
        return False
    first, _, _, verb = main
    k = first + 1
    while k < date.start and c.tags[k] in (DET, POSS, OTHER):
        k += 1
    head = c.np_end(k) - 1
    return (
        k <= head < date.start
        and c.tags[head] == NOUN
        and c.lows[head] not in c.words["ing_nouns"]
        and c.count(first, verb + 1) > MAX_WORDS
    )


def _main_clause(c: Chunk, date: DatePhrase) -> tuple[int, int, TokenSpan, int] | None:
    """For a phrase opening the sentence with the date and no verb: its first token, the
    comma that ends it, the main clause after it and that clause's verb; or None."""
    ds, de = date.start, date.end
    first = c.forth(0)
    if c.tag(first) != PREP or c.has(first, ds, FINITE):
        return None
    hi = de
    while hi < c.n and not c.cut[hi]:
        hi += 1
    if c.low(hi) != "," or c.has(de, hi, VERBISH) or not c.has(hi + 1, c.n):
        return None
    found = clause_after(c, hi + 1)
    if found is None:
        return None
    verb = c.first_verb(found.start, found.end, FINITE)
    if verb is None:
        return None
    return first, hi, found, verb


def _gerund_opening(c: Chunk, first: int, ds: int, hi: int) -> TokenSpan | None:
    """A long phrase opening the sentence that is a clause of its own, a preposition and a
    gerund, with the date: from the gerund, "After *adjusting for a small revision on
    Tuesday to the May figures*, the region ..."."""
    if c.tag(first + 1) != ING or c.count(first + 1, hi) > LONGEST:
        return None
    start, end = first + 1, hi
    for k in range(first + 2, hi - 1):
        if c.lows[k] in c.words["additive_coordinators"] and c.tags[k + 1] == ING:
            if k < ds:
                start = k + 1  # the gerund of the date: "touring X and *meeting Y* Friday"
            else:
                end = min(end, k)
    return c.phrase(start, end)


def opening_or_noun_phrase(c: Chunk, found: TokenSpan, date: DatePhrase) -> TokenSpan:
    """A dated noun phrase in a phrase opening the sentence gives way to
    :func:`opening_phrase`, unless it names an event and the opening phrase is too long to
    come along: "After a three-hour *meeting* at the palace with the minister, the king said"."""
    opening = opening_phrase(c, date)
    if opening is None:
        return found
    # the main clause alone, the noun phrase the object of the opening preposition
    if (
        opening.start > date.start
        and not c.has(0, date.start, FULL_VERBS)
        and any(c.tags[k] == NOUN and c.names_event(k) for k in range(*found))
    ):
        return found
    return opening
