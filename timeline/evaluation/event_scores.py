"""How well event phrases cover the gold events their dates date, and how the chunker tags them.

Event attachment (``python -m timeline.evaluate --events``) is measured on gold event–timex
*pairs*: an EVENT and a TIMEX3 of the text joined by at least one TLINK, counted once per
(event, timex) couple however many links join them (several MAKEINSTANCEs of one event, links
in both directions, the same link twice), leaving out links to the DCT (not in the text) and
pairs whose event and timex start in different sentences (as
:class:`timeline.context.Sentences` splits them, the splitter the attacher uses); see
:func:`event_timex_pairs`. For each pair, our timex overlapping the gold timex is found (a
relaxed match), and the pair is *covered* if that timex's event phrase spans the gold event
word and has at most :data:`MAX_EVENT_WORDS` words. The report gives the pairs, those with a
matched timex, the covered share (of all and of matched pairs), the length of the phrases in
words (once per matched timex), and the same for a naive baseline, the verb nearest to the
timex (:func:`timeline.evaluation.baselines.nearest_verb_events`). It also reports how often
the chunker's part of speech of a gold event word agrees with the annotated one
(:func:`tag_agreement`: VERB as one of our verb tags, NOUN as our noun tag).

>>> doc = TimeMLDocument.from_tml('<TimeML><TEXT>Sales <EVENT eid="e1">fell</EVENT> on '
...     '<TIMEX3 tid="t1" type="DATE" value="1998-01-05">Monday</TIMEX3>.</TEXT>'
...     '<MAKEINSTANCE eiid="ei1" eventID="e1" pos="VERB"/>'
...     '<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>'
...     '</TimeML>')
>>> reports = evaluate_events([doc], event_attachers())
>>> [(name, r.n_pairs, r.n_covered) for name, r in reports.items()]
[('timeline', 1, 1), ('nearest verb', 1, 1)]
"""

from __future__ import annotations

import bisect
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs
import pandas as pd

from timeline.evaluation.baselines import nearest_verb_events
from timeline.evaluation.gold import TimeMLDocument
from timeline.evaluation.measures import ratio
from timeline.records import DatedEvent, Timex

if TYPE_CHECKING:
    from timeline.context import Sentences

__all__ = [
    "MAX_EVENT_WORDS",
    "EventAttacher",
    "EventPair",
    "EventReport",
    "TagAgreement",
    "evaluate_events",
    "event_attachers",
    "event_timex_pairs",
    "score_events",
    "tag_agreement",
]

#: An event attacher: ``attach(timexes, text, sentences)`` gives one DatedEvent per timex
#: (``timeline.events.attach`` and :func:`nearest_verb_events` have this signature).
EventAttacher = Callable[[Sequence[Timex], str, "Sentences"], list[DatedEvent]]

#: The longest event phrase, in words, that counts as covering a gold event.
MAX_EVENT_WORDS = 15

_PHRASE_WORD = re.compile(r"\S+")


@attrs.frozen
class EventPair:
    """A gold EVENT–TIMEX3 link within one sentence, and the event phrase we gave the timex.

    ``matched`` is whether one of our timexes overlaps the gold timex; ``event_start`` and
    ``event_end`` are the span of that timex's event phrase (``None`` when it has none).
    """

    doc_id: str
    gold_event: str
    gold_event_start: int
    gold_event_end: int
    gold_timex: str
    gold_timex_start: int
    gold_timex_end: int
    matched: bool = False
    event: str = ""
    event_start: int | None = None
    event_end: int | None = None
    sentence: str = ""

    @property
    def words(self) -> int:
        """Length of our event phrase in words (white-space separated)."""
        return len(_PHRASE_WORD.findall(self.event))

    @property
    def covered(self) -> bool:
        """Whether our event phrase spans the gold event, in at most ``MAX_EVENT_WORDS`` words."""
        return (
            self.event_start is not None
            and self.event_end is not None
            and self.event_start <= self.gold_event_start
            and self.gold_event_end <= self.event_end
            and self.words <= MAX_EVENT_WORDS
        )


@attrs.frozen
class EventReport:
    """Coverage of gold event–timex links by the event phrases of one attacher.

    ``phrase_words`` holds the length in words of the event phrase of every matched timex
    (once per timex, however many gold links it has); ``seconds`` is the CPU time the attacher
    took over the whole corpus.
    """

    pairs: tuple[EventPair, ...]
    phrase_words: tuple[int, ...] = ()
    seconds: float = 0.0
    timexes: int = 0
    name: str = ""

    @classmethod
    def combine(cls, reports: Iterable[EventReport], name: str = "") -> EventReport:
        """Pool the pairs, phrase lengths and times of several reports."""
        reports = list(reports)
        return cls(
            pairs=tuple(p for r in reports for p in r.pairs),
            phrase_words=tuple(n for r in reports for n in r.phrase_words),
            seconds=sum(r.seconds for r in reports),
            timexes=sum(r.timexes for r in reports),
            name=name,
        )

    @property
    def n_pairs(self) -> int:
        return len(self.pairs)

    @property
    def n_matched(self) -> int:
        return sum(p.matched for p in self.pairs)

    @property
    def n_covered(self) -> int:
        return sum(p.covered for p in self.pairs)

    @property
    def covered(self) -> float:
        """Covered pairs over all pairs."""
        return ratio(self.n_covered, self.n_pairs)

    @property
    def covered_of_matched(self) -> float:
        """Covered pairs over the pairs whose timex we found."""
        return ratio(self.n_covered, self.n_matched)

    def _quantile(self, q: float) -> float:
        if not self.phrase_words:
            return 0.0
        return float(pd.Series(self.phrase_words).quantile(q))

    @property
    def median_words(self) -> float:
        return self._quantile(0.5)

    @property
    def p90_words(self) -> float:
        return self._quantile(0.9)

    @property
    def share_short(self) -> float:
        """Share of the phrases with at most ``MAX_EVENT_WORDS`` words."""
        short = sum(n <= MAX_EVENT_WORDS for n in self.phrase_words)
        return ratio(short, len(self.phrase_words))

    def summary(self) -> str:
        """The figures in one block of text."""
        title = f"{self.name}: " if self.name else ""
        return "\n".join(
            [
                f"{title}{self.n_pairs} gold event-timex pairs in one sentence,"
                f" {self.n_matched} with a matched timex"
                f" ({100 * ratio(self.n_matched, self.n_pairs):.1f}%)",
                f"  covered (phrase <= {MAX_EVENT_WORDS} words): {self.n_covered},"
                f" {100 * self.covered:.1f}% of all pairs,"
                f" {100 * self.covered_of_matched:.1f}% of matched",
                f"  phrase length in words over {len(self.phrase_words)} matched timexes:"
                f" median {self.median_words:g}, p90 {self.p90_words:g},"
                f" <= {MAX_EVENT_WORDS} words {100 * self.share_short:.1f}%",
                f"  attach time {self.seconds:.3f} s CPU for {self.timexes} timexes",
            ]
        )


def event_timex_pairs(doc: TimeMLDocument, sentences: Sentences) -> list[EventPair]:
    """The gold event–timex pairs of ``doc`` whose two ends stand in one sentence.

    A pair is an EVENT and a TIMEX3 of the text joined by at least one TLINK, in either
    direction and of any relation type, the event reached through its MAKEINSTANCEs. Each
    (event, timex) couple counts once, whatever the number, direction or instances of its
    links; links to the DCT (``t0``, not in the text) and to anything not in the text are left
    out, and so are pairs whose event and timex start in different sentences of ``sentences``.
    """
    events = {e.eid: e for e in doc.events}
    timexes = {t.tid: t for t in doc.timexes}
    pairs: dict[tuple[str, str], EventPair] = {}
    for link in doc.tlinks:
        event = events.get(link.event_id or "")
        timex = timexes.get(link.timex_id or "")
        if event is None or timex is None or (event.eid, timex.tid) in pairs:
            continue
        if sentences.index(event.char_start) != sentences.index(timex.char_start):
            continue
        a, b = sentences.spans[sentences.index(timex.char_start)]
        pairs[(event.eid, timex.tid)] = EventPair(
            doc_id=doc.doc_id,
            gold_event=event.text,
            gold_event_start=event.char_start,
            gold_event_end=event.char_end,
            gold_timex=timex.text,
            gold_timex_start=timex.char_start,
            gold_timex_end=timex.char_end,
            sentence=doc.text[a:b],
        )
    return sorted(pairs.values(), key=lambda p: (p.gold_timex_start, p.gold_event_start))


def score_events(
    pairs: Sequence[EventPair], events: Sequence[DatedEvent], *, name: str = ""
) -> EventReport:
    """Fill in our event phrase for each gold pair: that of our timex overlapping its timex.

    Where several of our timexes overlap the gold one, the one with the largest overlap wins.
    """
    scored = []
    phrases: dict[int, int] = {}
    for pair in pairs:
        best: DatedEvent | None = None
        best_overlap = 0
        for e in events:
            overlap = min(e.timex.char_end, pair.gold_timex_end) - max(
                e.timex.char_start, pair.gold_timex_start
            )
            if overlap > best_overlap:
                best, best_overlap = e, overlap
        if best is None:
            scored.append(pair)
            continue
        found = attrs.evolve(
            pair,
            matched=True,
            event=best.event,
            event_start=best.event_start,
            event_end=best.event_end,
        )
        phrases[id(best)] = found.words
        scored.append(found)
    return EventReport(pairs=tuple(scored), phrase_words=tuple(phrases.values()), name=name)


@attrs.frozen
class TagAgreement:
    """How often the chunker's part of speech of a gold event word agrees with the gold one."""

    verbs: int = 0
    verbs_agreeing: int = 0
    nouns: int = 0
    nouns_agreeing: int = 0
    name: str = ""

    def summary(self) -> str:
        """One line: agreement on verbs, on nouns, and on both."""
        both = self.verbs_agreeing + self.nouns_agreeing
        return (
            f"{self.name}: chunker tags of gold event words agree on "
            f"{ratio(self.verbs_agreeing, self.verbs):.1%} of {self.verbs} verbs, "
            f"{ratio(self.nouns_agreeing, self.nouns):.1%} of {self.nouns} nouns, "
            f"{ratio(both, self.verbs + self.nouns):.1%} in all"
        )


def tag_agreement(docs: Sequence[TimeMLDocument], *, name: str = "") -> TagAgreement:
    """The chunker's part of speech of each gold event word against its annotated ``pos``.

    Only events annotated VERB or NOUN count. A VERB agrees if we tag it a verb, an -ing form
    or an auxiliary; a NOUN if we tag it a noun (our noun tag also takes adjectives and names).
    Sentences are chunked without their timexes.

    >>> doc = TimeMLDocument.from_tml('<TimeML><TEXT>Analysts <EVENT eid="e1">say</EVENT> '
    ...     'the <EVENT eid="e2">talks</EVENT> failed.</TEXT>'
    ...     '<MAKEINSTANCE eiid="ei1" eventID="e1" pos="VERB"/>'
    ...     '<MAKEINSTANCE eiid="ei2" eventID="e2" pos="NOUN"/></TimeML>')
    >>> tag_agreement([doc])
    TagAgreement(verbs=1, verbs_agreeing=1, nouns=1, nouns_agreeing=1, name='')
    """
    from timeline.context import Sentences
    from timeline.events import AUX, ING, NOUN, VERB, Chunk

    verbs = verbs_agreeing = nouns = nouns_agreeing = 0
    for doc in docs:
        sentences = Sentences(doc.text)
        chunks: dict[tuple[int, int], Chunk] = {}
        for event in doc.events:
            if event.pos not in ("VERB", "NOUN"):
                continue
            a, b = sentences.block(event.char_start, event.char_end)
            chunk = chunks.get((a, b))
            if chunk is None:
                chunk = chunks[(a, b)] = Chunk(doc.text, a, b, ())
            k = bisect.bisect_right(chunk.starts, event.char_start) - 1
            if k < 0 or chunk.ends[k] <= event.char_start:
                continue  # not a word of ours (a mark)
            if event.pos == "VERB":
                verbs += 1
                verbs_agreeing += chunk.tags[k] in (VERB, ING, AUX)
            else:
                nouns += 1
                nouns_agreeing += chunk.tags[k] == NOUN
    return TagAgreement(verbs, verbs_agreeing, nouns, nouns_agreeing, name)


def evaluate_events(
    docs: Sequence[TimeMLDocument],
    attachers: Mapping[str, EventAttacher],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, EventReport]:
    """Score each attacher on the gold event–timex links of ``docs``, on our own timexes.

    Timexes are detected and resolved once per document (against its DCT), and sentences
    found; then each attacher runs over the whole corpus in one go, timed in CPU seconds of
    this process (what the stage costs on one core, however busy the machine).
    """
    from timeline.article import parse_published
    from timeline.context import Sentences
    from timeline.detect import detect
    from timeline.resolve import resolve

    prepared = []
    for number, doc in enumerate(docs, start=1):
        text = doc.text
        sentences = Sentences(text)
        timexes = resolve(
            detect(text), text, reference=parse_published(doc.dct), sentences=sentences
        )
        prepared.append((text, timexes, sentences, event_timex_pairs(doc, sentences)))
        if progress is not None:
            progress(number, len(docs))
    reports = {}
    for name, attach in attachers.items():
        began = time.process_time()
        events = [attach(timexes, text, sentences) for text, timexes, sentences, _ in prepared]
        seconds = time.process_time() - began
        scored = [score_events(p[3], e) for p, e in zip(prepared, events, strict=True)]
        reports[name] = attrs.evolve(
            EventReport.combine(scored, name=name),
            seconds=seconds,
            timexes=sum(len(p[1]) for p in prepared),
        )
    return reports


def event_attachers() -> dict[str, EventAttacher]:
    """Ours (:func:`timeline.events.attach`) and the nearest-verb baseline."""
    from timeline.events import attach

    return {"timeline": attach, "nearest verb": nearest_verb_events}
