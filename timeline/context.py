"""Sentences and tense: the context a temporal expression is read in.

>>> text = "He left on Monday. The talks are scheduled for May 3.It rained."
>>> [text[a:b] for a, b in sentence_spans(text)]
['He left on Monday.', 'The talks are scheduled for May 3.', 'It rained.']
>>> tense_near(text, 0, 18, 11)
'past'
>>> tense_near(text, 19, 53, 47)
'future'
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Literal

from timeline.grammar import fold, grammar

__all__ = ["Sentences", "in_parentheses", "sentence_spans", "tense_cues", "tense_near"]

Tense = Literal["past", "future", "present"]
#: A tense cue: its offset and its tense, or "plan" (future, for a date after it only).
Cue = tuple[int, Literal["past", "future", "present", "plan"]]

# A sentence ends at . ! or ? (with closing quotes or brackets) before white space and a
# capital, digit or quote; or at a full stop glued to a capitalised word ("template.The");
# or at a blank line / line break. Every branch starts with its mark, so that the scan skips
# ahead to the marks (a look-behind first would be tried at every character).
_BOUNDARY = re.compile(
    r"""[.!?](?![.!?])['"’”)\]]{0,3}(?=[ \t]{1,3}(?:``|['"“‘(\[])?[A-Z0-9])"""
    r"""|\.(?<=[a-z]{2}\.)(?=[A-Z][a-z])|\.(?<=[0-9]\.)(?=[A-Z][a-z])"""
    r"""|\n[ \t\n]*"""
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, white space trimmed.

    An abbreviation's full stop ends no sentence, unless the abbreviation may end one (a
    company's "Inc.", "Co.", "U.S.") and a capitalised function word, adverb or title follows:

    >>> text = "It sued Acme Co. Recently, the U.S. Army and Acme Corp. The case was heard."
    >>> [text[a:b] for a, b in sentence_spans(text)]
    ['It sued Acme Co.', 'Recently, the U.S. Army and Acme Corp.', 'The case was heard.']
    """
    lists = grammar().lists
    abbreviations = lists["abbreviations"]
    spans: list[tuple[int, int]] = []
    begin = 0
    for m in _BOUNDARY.finditer(text):
        if m.group().startswith("."):
            before = text[max(0, m.start() - 12) : m.start()].split()
            last = before[-1].lower().lstrip("('\"") if before else ""
            if len(last) == 1 and last.isalpha():
                continue
            if last in abbreviations and not (
                last in lists["final_abbreviations"] and _opens_sentence(text, m.end())
            ):
                continue
        end = m.start() + len(m.group().rstrip()) if m.group().strip() else m.start()
        _add(spans, text, begin, end)
        begin = m.end()
    _add(spans, text, begin, len(text))
    return spans


def _opens_sentence(text: str, i: int) -> bool:
    """Whether the word at ``i`` (after a full stop) can only open a sentence: a capitalised
    function word, adverb in -ly or title ("Inc. *The* company", "Co. *Recently*, analysts")."""
    while i < len(text) and text[i] in " \t`'\"“‘([":
        i += 1
    m = _WORD.match(text, i)
    if m is None or not m.group()[0].isupper() or m.group()[1:2].isupper():
        return False
    word = m.group().lower()
    lists = grammar().lists
    if word in lists["titles"]:
        return text[m.end() : m.end() + 1] == "."
    if word.endswith("ly") and len(word) > 4:
        return text[m.end() : m.end() + 1] == ","
    return word in lists["function_words"]


def _add(spans: list[tuple[int, int]], text: str, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        spans.append((a, b))


#: How far, in characters, a parenthesis is looked for around an expression.
_PAREN_REACH = 120


def in_parentheses(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands inside a parenthesis that opens and closes within a
    short reach of it.

    >>> text = "Dunmore (22-25 March 1951) held. (See 1955.) In 1952"
    >>> in_parentheses(text, 12, 25), in_parentheses(text, 38, 42), in_parentheses(text, 48, 52)
    (True, True, False)
    """
    opening = text.rfind("(", max(0, start - _PAREN_REACH), start)
    if opening < 0 or text.find(")", opening, start) >= 0:
        return False
    closing = text.find(")", end, end + _PAREN_REACH)
    return closing >= 0 and text.find("(", end, closing) < 0


#: The longest context, in characters, read around an expression (see :meth:`Sentences.span`).
MAX_SENTENCE = 600


class Sentences:
    """Sentence lookup by character offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = sentence_spans(text)
        self._starts = [a for a, _ in self.spans]
        self._cues: dict[int, list[Cue]] = {}
        self._cue_at: dict[int, list[int]] = {}
        self._quotes: dict[int, list[int]] = {}

    def index(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (or the one before it), -1 if none."""
        return bisect.bisect_right(self._starts, offset) - 1

    def _sentence(self, offset: int) -> tuple[int, int, int]:
        """Index, start and end of the sentence containing ``offset`` (the whole text if none)."""
        i = self.index(offset)
        a, b = self.spans[i] if i >= 0 else (0, len(self.text))
        return i, a, b

    def span(self, offset: int, end: int | None = None) -> tuple[int, int]:
        """The sentence around ``offset`` (to ``end``), at most ``MAX_SENTENCE`` characters.

        A longer "sentence" (a table, a transcript without stops) is cut to a window around the
        expression, so that work and output per expression stay bounded: linear time overall.
        """
        _, a, b = self._sentence(offset)
        end = max(b, offset if end is None else end)
        if end - a > MAX_SENTENCE:
            a = max(a, offset - MAX_SENTENCE // 2)
            end = min(end, max(offset, a) + MAX_SENTENCE)
        return a, end

    def block(self, offset: int, end: int | None = None) -> tuple[int, int]:
        """Like :meth:`span`, but a long sentence is cut on a fixed grid, so that the many
        expressions of one long "sentence" (a table, a list) share a few windows."""
        _, a, b = self._sentence(offset)
        end = offset if end is None else end
        if max(b, end) - a <= MAX_SENTENCE:
            return a, max(b, end)
        half = MAX_SENTENCE // 2
        k = (offset - a) // half
        lo = a + max(0, k - 1) * half
        hi = min(max(b, end), a + (k + 2) * half)
        return lo, max(hi, end)

    def past_perfect(self, offset: int) -> bool:
        """Whether the verb nearest ``offset`` in its sentence is in the past perfect: "had
        arrived", "had already been taken" (a time before the one the text tells of).

        >>> s = Sentences("By March the army had left on 20 February. It had to wait in May.")
        >>> s.past_perfect(38), s.past_perfect(64)
        (True, False)
        """
        i, a, b = self._sentence(offset)
        if i not in self._cues:
            self.tense(offset)  # reads the sentence's cues
        lo, hi = self.span(offset)
        at = self._cue_at.get(i, [])
        window = self._cues.get(i, [])[bisect.bisect_left(at, lo) : bisect.bisect_left(at, hi)]
        past = [c for c in window if c[1] == "past"]
        if not past:
            return False
        cue = min(past, key=lambda c: abs(c[0] - offset))[0]
        if cue > offset and any(mark in self.text[offset:cue] for mark in ",;:()"):
            return False  # "On 7 June the consul, who had ...": another clause's verb
        before = [w.lower() for w in _WORD.findall(self.text, max(a, cue - 30), cue)][-3:]
        verb = [w.lower() for w in _WORD.findall(self.text, cue, min(b, cue + 30))][:2]
        if verb[:1] == ["had"]:  # "had left", "had been taken"; not "had to wait"
            return verb[1:] != ["to"]
        return "had" in before  # "had already arrived", "had been captured"

    def tense(self, offset: int) -> Tense | None:
        """The tense around ``offset`` (see :func:`tense_near`).

        Cues are read once per sentence; an expression looks only at those within its bounded
        window (:meth:`span`), so a text without sentence breaks still costs linear time.
        """
        i, a, b = self._sentence(offset)
        cues = self._cues.get(i)
        if cues is None:
            cues = self._cues[i] = tense_cues(self.text, a, b)
            self._cue_at[i] = [at for at, _ in cues]
            self._quotes[i] = [m.start() for m in _QUOTE.finditer(self.text, a, b)]
        lo, hi = self.span(offset)
        at = self._cue_at[i]
        window = cues[bisect.bisect_left(at, lo) : bisect.bisect_left(at, hi)]
        quotes = self._quotes[i]
        if quotes:  # a quotation has its own tense: '"We will meet Thursday," he said'
            side = bisect.bisect_right(quotes, offset)
            inside = [c for c in window if bisect.bisect_right(quotes, c[0]) == side]
            tense = _nearest(inside, offset)
            if tense is not None:
                return tense
        return _nearest(window, offset)


_FUTURE_REACH = 60
_QUOTE = re.compile(r"``|''|[\"“”]")


def tense_near(text: str, sent_start: int, sent_end: int, offset: int) -> Tense | None:
    """The tense of the sentence around ``offset``: the nearest tense cue decides.

    Future cues (will, scheduled, next ...) count within a few words of the expression only;
    regular past forms in -ed count as past.
    """
    return _nearest(tense_cues(text, sent_start, sent_end), offset)


def tense_cues(text: str, start: int, end: int) -> list[Cue]:
    """The tense cues between ``start`` and ``end``: (offset, tense) in text order."""
    g = grammar()
    future, past, not_ed = g.words["future_cue"], g.words["past_cue"], g.words["not_past_ed"]
    firsts = _pair_firsts()
    words = [(m.start(), m.group()) for m in _WORD.finditer(text, start, end)]
    folded = [fold(w) if "’" in w or "‘" in w else w.lower() for _, w in words]
    cues: list[Cue] = []
    for i, (at, raw) in enumerate(words):
        word = folded[i]
        flag = future.get(word)
        if word in firsts and i + 1 < len(words):  # a pair decides first: "next to" is no cue
            flag = future.get(f"{word} {folded[i + 1]}", flag)
        if flag:
            # A plan told in the past perfect is over ("had been due to run out Friday"); in
            # the past it may be either ("was scheduled for Friday"), so it says nothing.
            before = folded[max(0, i - 2) : i]
            if "had" in before:
                cues.append((at, "past"))
            elif not _WAS.intersection(before):
                cues.append((at, "plan" if flag == 2 else "future"))
        elif (i == 0 or folded[i - 1] not in _BE) and (  # "will be closed": the auxiliary tells
            past.get(word)
            or (
                word.endswith("ed")
                and not word.endswith("eed")  # succeed, proceed: stems ("agreed" is listed)
                and not word.startswith("un")  # unspecified, undisclosed: adjectives
                and len(word) > 4
                and not not_ed.get(word)
                and raw[0].islower()
            )
        ):
            cues.append((at, "past"))
        elif word in _PRESENT:
            cues.append((at, "present"))
    return cues


@functools.cache
def _pair_firsts() -> frozenset[str]:
    """The first words of the two-word future cues ("going to", "next to")."""
    return frozenset(k.split()[0] for k in grammar().words["future_cue"] if " " in k)


_WAS = frozenset(("was", "were", "been"))
_PRESENT = frozenset(("is", "are", "am"))
_BE = frozenset(("be", "is", "are", "am", "being", "been", "'s", "’s"))


def _nearest(cues: list[Cue], offset: int) -> Tense | None:
    best: tuple[int, Tense] | None = None
    for at, cue in cues:
        distance = abs(at - offset)
        if cue == "plan" and at > offset:
            continue  # "planned to leave on Thursday", not "On Friday, it planned to pay"
        tense: Tense = "future" if cue == "plan" else cue
        if tense == "future" and distance > _FUTURE_REACH:
            continue  # news is told in the past: a future cue must stand close to the date
        if best is None or distance < best[0]:
            best = (distance, tense)
    return best[1] if best else None
