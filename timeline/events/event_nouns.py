"""Rule 2: a date after "of", or scheduling a noun phrase, dates that noun phrase ("*the Ukraine
political crisis* of 2013-14", "*the talks* scheduled for January 10"); so does a noun naming
an event with its "of" phrase right before or after the date (``docs/events.md``)."""

from __future__ import annotations

from timeline.events.chunk import Chunk
from timeline.events.date_phrase import DatePhrase
from timeline.events.limits import MAX_WORDS
from timeline.events.tags import ADV, DET, FINITE, NOUN, OTHER, POSS, PREP
from timeline.events.tokens import TokenSpan

__all__ = ["event_noun_before_date", "event_noun_date_of", "of_or_scheduled"]

_DETERMINING = frozenset({DET, POSS})


def of_or_scheduled(c: Chunk, date: DatePhrase) -> TokenSpan | None:
    """The noun phrase before a date after "of" that names an event, a date that schedules it
    ("scheduled for", "due"), or a date after an event noun that no verb governs ("the
    protests in 2016")."""
    ds, de = date.start, date.end
    if c.low(ds) in c.words["genitive_prepositions"] and ds == date.timex_start - 1:
        k = ds - 1
        noun = k if c.tag(k) == NOUN else c.back(k)
        if c.tag(noun) != NOUN or not c.names_event(noun):
            return None
    elif c.low(ds - 1) in c.words["scheduling"]:  # "scheduled for", "due"
        k = ds - 2
        while c.tag(k) == ADV:
            k -= 1  # "the delivery, *originally* due"
        if c.low(k) == "," and c.tag(k - 1) in (NOUN, OTHER):
            k -= 1  # set off after its noun: "the delivery, now scheduled for May"
    elif (
        c.low(ds) in c.words["event_date_prepositions"]
        and c.tag(ds - 1) == NOUN
        and c.names_event(ds - 1)
        and not c.has(c.clause_start(ds), ds)
        and (
            c.tag(c.forth(de)) not in FINITE  # "procurement in 2024 will fall"
            or c.lows[ds - 1] in c.words["event_nouns"]
        )
    ):
        k = ds - 1  # "the protests in 2016", where no verb governs them
    else:
        return None
    if c.tag(k) not in (NOUN, OTHER):
        return None
    start = c.np_start(k)
    if start is None:
        return None
    # "due" is the state dated: "debentures due", but "the talks" (scheduled)
    state = c.low(ds - 1) in c.words["dated_states"]
    if (
        c.low(ds) in c.words["genitive_prepositions"]
        and start == c.clause_start(start)
        and c.verb_at(de) is not None
    ):  # the subject of its clause: "*Storms of 1953 proved decisive*"
        return c.phrase(start, c.after_words(start, c.clause_end(de), MAX_WORDS))
    return c.phrase(start, ds if state else k + 1)


def event_noun_date_of(c: Chunk, date: DatePhrase) -> TokenSpan | None:
    """A noun naming an event, the date, then its "of" phrase: "the firm's *announcement
    Friday of a $600 million loss*", "the *bombing Friday of the embassy*"."""
    ds, de, ts = date.start, date.end, date.timex_start
    noun = c.back(ts)
    if (
        ds != ts
        or c.low(de) not in c.words["genitive_prepositions"]
        or c.tag(noun) != NOUN
        or not c.names_event(noun)
    ):
        return None
    if not c.text[c.starts[ts]].isupper() and not c.text[c.starts[ts]].isdigit():
        return None  # "the fiscal second-quarter of": one noun phrase
    start = c.np_start(noun, limit=3)
    if start is None or not c.has(start, noun, _DETERMINING):
        return None
    k = de + 1
    if c.tag(k) in (DET, POSS):
        k += 1
    end = c.np_end(k)
    if end == k:
        return None
    return c.phrase(start, c.after_words(start, end, MAX_WORDS))


def event_noun_before_date(c: Chunk, date: DatePhrase) -> TokenSpan | None:
    """An event noun and its "of" phrase before the date, in its clause: "the *bombing of two
    city banks in the north* last month", "Peru's *seizure of the port* on Sept. 14"."""
    first, ds = c.clause_start(date.start), date.start
    of = c.words["genitive_prepositions"]
    k = ds - 1
    while k > first and ds - k <= 8 and c.tags[k] in (NOUN, DET, POSS, OTHER, PREP):
        if c.lows[k] in of and c.tags[k - 1] == NOUN and c.names_event(k - 1):
            if c.tag(k - 2) in _DETERMINING or c.tag(k - 3) in _DETERMINING:
                start = c.np_start(k - 1)
                if start is not None and c.count(start, ds) <= MAX_WORDS:
                    return c.phrase(start, ds)
            return None
        k -= 1
    return None
