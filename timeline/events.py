"""Stage 3, attach events: the phrase naming what each date dates (a first, rule-based version).

The phrase is exact text from the sentence, so its offsets hold. In order, the rules look for:

1. a date inside a noun phrase, before its head: "the 2011-13 *Russian protests*";
2. a date after "of" completing a noun phrase: "*the Ukraine political crisis* of 2013-14";
3. a date scheduling a noun phrase: "*the Russia-US security talks* scheduled for January 10";
4. a date at the end of a relative clause: '*"color revolutions"* which engulfed ... between 2000
   and 2020', "*the previous protests* that rolled over the country in 2011 and 2016";
5. a date opening its clause: "On Thursday, *he hinted at Russia* when saying ...";
6. otherwise the rest of the date's clause, or the part before it.

>>> from timeline.detect import detect
>>> from timeline.resolve import resolve
>>> text = "Some aftershocks occurred later, like the 2011-13 Russian protests."
>>> [e.event for e in attach(resolve(detect(text), text, reference=None), text)]
['Russian protests']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.context import Sentences
from timeline.grammar import grammar
from timeline.records import DatedEvent, Timex

__all__ = ["attach"]

_WORD = re.compile(r"""["“”'‘’]?[\w][\w'’.-]*["“”'‘’]?""")
_DETERMINERS = frozenset(
    ["the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your"]
)
_RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})
_SUBORDINATE = frozenset(
    {
        "when",
        "while",
        "because",
        "although",
        "though",
        "as",
        "if",
        "after",
        "before",
        "since",
        "whereas",
        "but",
        "which",
        "that",
        "who",
    }
)
_SCHEDULING = frozenset({"scheduled", "slated", "set", "planned", "due", "expected"})
_MAX_WORDS = 10


def attach(
    timexes: Sequence[Timex], text: str, sentences: Sentences | None = None
) -> list[DatedEvent]:
    """A :class:`DatedEvent` for each timex: its sentence and event phrase."""
    sentences = sentences or Sentences(text)
    out = []
    for t in timexes:
        a, b = sentences.span(t.char_start, t.char_end)
        span = _event_span(text, a, b, t)
        sentence = text[a:b]
        if span is None:
            out.append(DatedEvent(t, sentence))
        else:
            out.append(DatedEvent(t, sentence, text[span[0] : span[1]], span[0], span[1]))
    return out


def _stop() -> frozenset[str]:
    """Words that end an event phrase (the rules file's ``event_stop_words``)."""
    return grammar().lists["event_stop_words"]


def _words(text: str, a: int, b: int) -> list[re.Match[str]]:
    return list(_WORD.finditer(text, a, b))


def _event_span(text: str, a: int, b: int, t: Timex) -> tuple[int, int] | None:
    before = _words(text, a, t.char_start)
    after = _words(text, t.char_end, b)
    gap_after = text[t.char_end : after[0].start()] if after else ""
    low = [w.group().lower().strip("\"“”'‘’") for w in before]
    # 1. inside a noun phrase before its head: "the 2011-13 Russian protests"
    if before and low[-1] in _DETERMINERS | {"and", ","} and after and gap_after.strip() == "":
        head = _run(after, 0, forward=True)
        if head:
            return head
    # 2. "the crisis of 2013-14"
    if low and low[-1] == "of" and len(before) >= 2:
        np_ = _run(before, len(before) - 2, forward=False)
        if np_:
            return np_
    # 3. "the talks scheduled for January 10"
    if (
        len(low) >= 2
        and low[-1] in ("for", "on", "in")
        and low[-2] in _SCHEDULING
        and len(before) >= 3
    ):
        np_ = _run(before, len(before) - 3, forward=False)
        if np_:
            return np_
    # 4. the date ends a relative clause: the noun phrase before "which"/"that"
    clause_start = _clause_start(text, a, t.char_start)
    rel = next(
        (i for i in range(len(before) - 1, max(-1, len(before) - 25), -1) if low[i] in _RELATIVE),
        None,
    )
    if rel is not None and rel >= 1 and low[rel - 1] not in _stop():
        np_ = _run(before, rel - 1, forward=False)
        if np_:
            return np_
    # 5. the date opens its clause: "On Thursday, he hinted at Russia when ..."
    if not _words(text, clause_start, t.char_start)[1:] and after:
        first = (
            1
            if gap_after.strip() in ("", ",") and after and after[0].group().lower() in ("'s", "’s")
            else 0
        )
        return _clause(text, after[first:], b)
    # 6. the rest of the clause, or what comes before the date
    tail = _clause(text, after, b) if after and gap_after.strip() in ("", ",") else None
    if tail and tail[1] - tail[0] > 8:
        return tail
    head_words = [w for w in before if w.start() >= clause_start]
    if head_words:
        chosen = head_words[-_MAX_WORDS:]
        while chosen and chosen[-1].group().lower() in _stop():
            chosen = chosen[:-1]
        if chosen:
            return chosen[0].start(), chosen[-1].end()
    return tail


def _run(words: list[re.Match[str]], i: int, *, forward: bool) -> tuple[int, int] | None:
    """The noun-phrase-like run of content words from ``words[i]`` (with a leading determiner)."""
    picked: list[re.Match[str]] = []
    step = 1 if forward else -1
    j = i
    while 0 <= j < len(words) and len(picked) < 6:
        w = words[j].group()
        lw = w.lower().strip("\"“”'‘’")
        if forward and picked and _gap(words[j - 1], words[j]):
            break
        if not forward and picked and _gap(words[j], words[j + 1]):
            break
        if lw in _stop() and not (not forward and lw in _DETERMINERS):
            break
        picked.append(words[j])
        if not forward and lw in _DETERMINERS:
            break
        if forward and w.endswith((".", ",")):
            break
        j += step
    if not picked:
        return None
    first, last = (picked[0], picked[-1]) if forward else (picked[-1], picked[0])
    end = last.end() - (1 if last.group().endswith((".", ",")) else 0)
    return first.start(), end


def _gap(left: re.Match[str], right: re.Match[str]) -> bool:
    """Whether punctuation separates two words."""
    between = left.string[left.end() : right.start()]
    return bool(between.strip())


def _clause_start(text: str, a: int, offset: int) -> int:
    """Start of the clause around ``offset``: after the last comma, semicolon or dash before it."""
    cut = max(text.rfind(c, a, offset) for c in (",", ";", ":", " - ", "—", "("))
    return cut + 1 if cut >= a else a


def _clause(text: str, after: list[re.Match[str]], b: int) -> tuple[int, int] | None:
    """The clause that follows, up to a subordinator, punctuation or ``_MAX_WORDS`` words."""
    picked: list[re.Match[str]] = []
    for k, w in enumerate(after):
        lw = w.group().lower()
        if picked and (lw in _SUBORDINATE or _gap(after[k - 1], w)):
            break
        picked.append(w)
        if len(picked) >= _MAX_WORDS:
            break
    while picked and picked[-1].group().lower().rstrip(".,") in _stop():
        picked.pop()
    if not picked:
        return None
    end = picked[-1].end() - (1 if picked[-1].group().endswith((".", ",")) else 0)
    return picked[0].start(), end
