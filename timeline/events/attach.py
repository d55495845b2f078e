"""Attach events: for each date, the phrase of its sentence naming what it dates.

The rules of :data:`RULES` are tried in order, the first phrase found is adjusted by each pass
of :data:`PASSES` in turn, and :func:`~timeline.events.passes.within_longest` keeps it within
:data:`~timeline.events.limits.LONGEST` words (the rules and their ideas: ``docs/events.md``;
their examples: ``tests/data/events_en.tsv``).

>>> from timeline.detect import detect
>>> from timeline.resolve import resolve
>>> def events(text: str) -> list[str]:
...     return [e.event for e in attach(resolve(detect(text), text, reference=None), text)]
>>> events("Some aftershocks occurred later, like the 2011-13 Russian protests.")
['Russian protests']
>>> events("On Thursday, he hinted at Russia when saying that aid was welcome.")
['he hinted at Russia']
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from timeline.context import Sentences
from timeline.events.chunk import Chunk
from timeline.events.clause import in_its_clause
from timeline.events.date_phrase import DatePhrase, date_phrase
from timeline.events.event_nouns import event_noun_date_of, of_or_scheduled
from timeline.events.noun_phrase import dated_noun_phrase
from timeline.events.passes import (
    auxiliary_on_over_date,
    on_over_date_verb,
    on_to_when_clause,
    participle_with_head,
    verb_on_over_date,
    within_longest,
)
from timeline.events.run_on import on_to_clause_end, without_last_phrases
from timeline.events.tokens import TokenSpan
from timeline.records import DatedEvent, Timex

__all__ = ["PASSES", "RULES", "attach", "event_span"]

#: The rules that choose the phrase a date dates, in the order they are tried: the first
#: phrase found is taken.
RULES: tuple[Callable[[Chunk, DatePhrase], TokenSpan | None], ...] = (
    dated_noun_phrase,  # rule 1: "the 2011-13 *Russian protests*"
    of_or_scheduled,  # rule 2: "*the talks* scheduled for January 10"
    event_noun_date_of,  # rule 2: "*the announcement Friday of a loss*"
    in_its_clause,  # rules 3 to 7: "On Thursday, *he hinted at Russia*"
)

#: The passes that adjust the phrase found, in order, each given the phrase and the date phrase.
PASSES: tuple[Callable[[Chunk, TokenSpan, DatePhrase], TokenSpan], ...] = (
    on_to_clause_end,  # a long phrase finishes its clause and goes on with it
    without_last_phrases,  # then leaves out the prepositional phrases that end it
    verb_on_over_date,  # "to *end the day at 9,505*"
    on_over_date_verb,  # "*Income rose in the quarter ended March 31*"
    auxiliary_on_over_date,  # "*might be in the future, moving abroad*"
    participle_with_head,  # "*the new terms, announced* Friday"
    on_to_when_clause,  # "Last month, *a policeman was killed when a bomb exploded*"
)


def attach(
    timexes: Sequence[Timex], text: str, sentences: Sentences | None = None
) -> list[DatedEvent]:
    """A :class:`DatedEvent` for each timex: its sentence and event phrase."""
    sentences = sentences or Sentences(text)
    ordered = sorted(timexes, key=lambda t: t.char_start)
    starts = [t.char_start for t in ordered]
    out = []
    cache: dict[tuple[int, int], Chunk] = {}
    lowered: str | None = None
    for t in timexes:
        a, b = sentences.block(t.char_start, t.char_end)
        chunk = cache.get((a, b))
        if chunk is None:
            # the timexes that may overlap the sentence (none is longer than it)
            lo = bisect.bisect_left(starts, a - (b - a))
            near = [x for x in ordered[lo : bisect.bisect_left(starts, b)] if x.char_end > a]
            if lowered is None:
                lowered = text.lower()
            chunk = cache[(a, b)] = Chunk(text, a, b, near, lowered)
        span = event_span(chunk, t)
        if span is None:
            out.append(DatedEvent(t, text[a:b]))
        else:
            start, end = chunk.chars(span)
            out.append(DatedEvent(t, text[a:b], text[start:end], start, end))
    return out


def event_span(c: Chunk, t: Timex) -> TokenSpan | None:
    """The tokens of the phrase naming the event that the timex ``t`` of chunk ``c`` dates,
    or None."""
    if not c.n:
        return None
    date = date_phrase(c, t)
    if date.timex_start >= c.n:
        return None
    for rule in RULES:
        found = rule(c, date)
        if found is not None:
            break
    else:
        return None
    for adjust in PASSES:
        found = adjust(c, found, date)
    return within_longest(c, found)
