"""Undated events: the main event of each sentence without a date, dated by the publication day.

News tells the day's events: a headline or a lead that says "EADS defeats Boeing" or "The FTSE
100 dropped 2.4%" without a date tells of the day the article was published, or of the day
before. With ``undated="published"`` (:func:`timeline.extract`), each sentence that holds no
date (a date or a time, placed or not; a duration, a set or "now" do not date a sentence) gives
a row: the main clause of the sentence (its subject and verb group, as the
events chunker reads them, :func:`timeline.events.clauses.clause_after`), dated by the
publication date. The row is flagged: its ``dated_by`` is ``"published"`` (rows dated by an
expression of their sentence have ``"expression"``), its ``text`` is empty (no expression
dates it) and its offsets are an empty span at the start of its event phrase.

Its interval is *on or just before the publication day*: from the day before to the end of
the publication day (granularity ``day``, value ``2008-02-29/2008-03-01``), the honest grain of
a date no word of the text gives. A merged timeline (:func:`timeline.merge`) keeps the
intersection with the dates other mentions give, so "Last month, EADS defeated Boeing" in a
later article and "February 29" in a third place the happening on its day.

A sentence is left out when it tells of no fact of that day:

- its main clause is in the future or a plan, or a modal ("will", "is to", "would", "could",
  "may", "plans", "was due"; a headline's "to": "Singapore Airlines to be compensated"), or in
  the past perfect ("had been"), which tells of a time before the one the story stands at;
- its main clause has no verb nor a noun naming a happening (a byline, a caption).

A sentence whose dates all stand in a subordinate or relative clause after its main clause
gives its main clause too ("The Nasdaq has fallen 3%, while the Dax was 1.75% lower at 16:08
UTC"): those dates are not its own.

Word lists: ``rules/undated.toml``.

>>> import datetime as dt
>>> from timeline.context import Sentences
>>> text = "Airbus delivers its first A380. Singapore Airlines will fly it from Sydney."
>>> [(e.event, e.timex.value) for e in undated_events(text, Sentences(text), [],
...                                                     dt.date(2007, 10, 15))]
[('Airbus delivers its first A380', '2007-10-14/2007-10-15')]
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Literal

import attrs

from timeline.context import Sentences
from timeline.events import ADV, AUX, ING, NEG, NOUN, REL, SUB, VERB, Chunk
from timeline.events.clauses import clause_after
from timeline.events.passes import within_longest
from timeline.events.tokens import TokenSpan
from timeline.records import DatedEvent, Timex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["RULE", "Undated", "check_undated", "undated_events"]

#: What to do with the events of sentences without a date: leave them out, or date them by
#: the publication day.
Undated = Literal["skip", "published"]
#: The ``rule`` of the timex of an undated event.
RULE = "undated_published"
#: How many days before the publication day an undated event may have happened.
DAYS_BEFORE = 1


@attrs.frozen
class _Words:
    """The word lists of ``rules/undated.toml``."""

    not_facts: frozenset[str]
    future_pairs: frozenset[tuple[str, str]]
    past_perfect: frozenset[str]
    infinitive: frozenset[str]


@cache
def _words() -> _Words:
    path = resources.files("timeline").joinpath("rules/undated.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))["lists"]
    pairs = frozenset(tuple(p.split("_")) for p in data["future_pairs"].split())
    return _Words(
        frozenset(data["not_facts"].split()),
        frozenset((a, b) for a, b in pairs),
        frozenset(data["past_perfect"].split()),
        frozenset(data["infinitive"].split()),
    )


def check_undated(undated: object) -> Undated:
    """``undated`` itself if it is one of the values of :data:`Undated`, else an error."""
    if undated not in ("skip", "published"):
        raise ValueError(f"undated must be 'skip' or 'published', not {undated!r}")
    return undated  # type: ignore[return-value]


def undated_events(
    text: str,
    sentences: Sentences,
    timexes: Sequence[Timex],
    published: dt.date | None,
    dated: Sequence[DatedEvent] = (),
) -> list[DatedEvent]:
    """The undated events of a text (see the module docstring): one per sentence holding no
    date of ``timexes``, its main clause a fact of the publication day."""
    if published is None:
        return []
    day = published.date() if isinstance(published, dt.datetime) else published
    by_sentence: dict[int, list[Timex]] = {}
    for t in timexes:
        by_sentence.setdefault(sentences.index(t.char_start), []).append(t)
    lowered = text.lower()
    out: list[DatedEvent] = []
    for i, (a, b) in enumerate(sentences.spans):
        dates = [t for t in by_sentence.get(i, ()) if _is_date(t)]
        if dates:
            chunk = Chunk(text, a, b, dates, lowered)
            span = _main_clause(chunk)
            if span is None or not _before_its_dates(chunk, span, dates, dated):
                continue
        else:
            # no timex is marked: a duration or "now" is part of the phrase ("lasted 4 hours")
            chunk = Chunk(text, a, b, (), lowered)
            span = _main_clause(chunk)
            if span is None:
                continue
        start, end = chunk.chars(span)
        out.append(
            DatedEvent(_timex(start, day), text[a:b], text[start:end], start, end, "published")
        )
    return out


def _before_its_dates(
    c: Chunk, span: TokenSpan, dates: Sequence[Timex], dated: Sequence[DatedEvent]
) -> bool:
    """Whether the main clause ``span`` of a sentence with ``dates`` ends before a clause that
    holds them all, a subordinate or relative one ("The Nasdaq has fallen 3%, *while the Dax
    was 1.75% lower at 16:08 UTC*"), and no dated phrase of the sentence takes it in."""
    first_verb = c.first_verb(span.start, span.end)
    if first_verb is None:
        return False
    # the first subordinator or relative after a mark: "X fell 3% (-3.16), while ..."
    opener = next(
        (k for k in range(first_verb + 1, c.n) if c.tags[k] in (SUB, REL) and c.cut[k - 1]),
        None,
    )
    if opener is None:
        return False
    begin, stop = c.chars(TokenSpan(span.start, opener))
    if any(t.char_start < stop for t in dates):
        return False
    return not any(
        e.event_start is not None
        and e.event_end is not None
        and e.event_start < stop
        and begin < e.event_end
        for e in dated
    )


def _is_date(t: Timex) -> bool:
    """Whether a timex dates its sentence: a date or a time, placed or not ("three years after
    it was due"), but the present ("now", "currently"); not a duration or a set."""
    return t.type in ("DATE", "TIME") and t.value != "PRESENT_REF"


def _main_clause(c: Chunk) -> TokenSpan | None:
    """The tokens of the main clause of a sentence, if it tells of a fact: a verb or an event
    noun, and no future, plan, modal or past perfect in its verb group. A clause of saying
    goes on into what was said: "Ford said *its sales rose 43%*"."""
    if not c.n:
        return None
    span = clause_after(c, 0)
    if span is None:
        return None
    i, j = span
    verb = next((k for k in range(i, j) if c.tags[k] in (VERB, ING, AUX)), None)
    if verb is None:
        if not any(c.tags[k] == NOUN and c.names_event(k) for k in range(i, j)):
            return None
    elif not _a_fact(c, verb, j):
        return None
    return within_longest(c, _with_what_was_said(c, span))


def _with_what_was_said(c: Chunk, span: TokenSpan) -> TokenSpan:
    """A clause ending on a verb of saying or announcing ("Airbus have announced", "Ford said
    that"), on to the end of the clause after it: what was said."""
    last = span.end - 1
    while last > span.start and c.tags[last] in (ADV, NEG):
        last -= 1
    if c.lows[last] not in c.lex.saying:
        return span
    said = clause_after(c, span.end)
    return TokenSpan(span.start, said.end) if said is not None else span


def _a_fact(c: Chunk, verb: int, j: int) -> bool:
    """Whether the verb group at ``verb`` tells of a fact: no modal, future or planning word
    in it or just after it ("will fly", "was due", "Apple plans an event"), nor a future
    pair ("is to", "going to"), nor an infinitive marker before it (a headline's "to"), nor
    a past perfect ("had been")."""
    words = _words()
    if c.low(c.back(verb)) in words.infinitive:
        return False
    group: list[str] = []
    k = verb
    while k < j and c.tags[k] in (AUX, NEG, ADV):
        group.append(c.lows[k])
        k += 1
    if k < j and c.tags[k] in (VERB, ING):
        group.append(c.lows[k])
        k += 1
    following = [*group, c.low(k)]
    if not words.not_facts.isdisjoint(following):
        return False
    if any(p in words.future_pairs for p in itertools.pairwise(following)):
        return False
    return not (len(group) > 1 and group[0] in words.past_perfect)


def _timex(at: int, day: dt.date) -> Timex:
    """The date of an undated event at offset ``at``: the day before the publication day
    through the publication day."""
    import numpy as np

    first = day - dt.timedelta(days=DAYS_BEFORE)
    return Timex(
        at,
        at,
        "",
        "DATE",
        f"{first.isoformat()}/{day.isoformat()}" if DAYS_BEFORE else day.isoformat(),
        start=np.datetime64(first, "s"),
        end=np.datetime64(day + dt.timedelta(days=1), "s"),
        granularity="day",
        rule=RULE,
        anchor="published",
    )
