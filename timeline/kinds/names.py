"""Names of months and weekdays in any case, and when one that is a common word too is a time.

Month and weekday names match in any case: "friday", "next monday", "sales in november", "dec 5",
"FRIDAY". A few are common words as well (the ``ambiguous`` keys of the grammar's word lists):
"may" the modal, "march" the verb, "august" the adjective, "sun", "sat", "wed", "mon". Written in
Title case inside a sentence they are names, as always ("in May", "March 2020"); written in
lower case or in capitals (tweets, headlines, careless text) they are a time only where their
neighbours say so:

- a day or a year next to them: "may 5", "5th may", "march 2020" (but not "they march 5 miles":
  a count noun after the day);
- a preposition that takes a date, or "next", "last", "this", "early", "late", before them, and
  after them nothing that reads them as a verb or a noun: a mark, the end of the text, or a
  word that may follow a date (the grammar's ``after_date`` list): "in may, we met", not
  "this may be", "in march formation";
- for an abbreviated weekday or month alone, in any case: such a word before it, a list of
  weekdays or months ("mon, wed, thur", "Sat-Sun", "June, July and Aug") or a clock time after
  a weekday ("Sun 1:00pm"); never "Sat down"; "Jan" and "Mar" alone never in Title case (a name).

>>> from timeline.grammar import grammar
>>> g = grammar()
>>> [needs_context(g, w) for w in ("may", "May", "MAY", "june", "Sept.", "sun")]
[True, False, True, False, False, True]
>>> date_follows(g, "in may, we met", 6), date_follows(g, "this may be", 8)
(True, False)
>>> in_list("weekday_part", "every mon, wed, thur", 11, 14)
True
>>> in_list("weekday_part", "we wed in june", 3, 6)
False
"""

from __future__ import annotations

import re
from functools import cache

from timeline.grammar import Grammar, fold, grammar, next_word
from timeline.kinds.base import PREV_WORD, WINDOW, Candidate

__all__ = [
    "clock_follows",
    "date_follows",
    "dated_by_word_before",
    "in_list",
    "needs_context",
    "weekday_number",
    "word_before",
]

#: Groups of a rule's match that put a name in the calendar by themselves ("last", "early").
_PLACING_GROUPS = frozenset({"deictic", "mod", "mid", "dy"})
_CLOCK_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:[01]?[0-9]|2[0-3])(?::[0-5][0-9]|[ \t]?[ap]\.?m\b)")
_LINK = r"[ \t]*(?:[-–—/,&]|\band\b|\bor\b|\bto\b|\bthrough\b|\bthru\b)[ \t]*"


def needs_context(g: Grammar, word: str) -> bool:
    """Whether a name as written is a common word too, whose neighbours must show it is a time:
    an ambiguous word of the grammar's lists not written in Title case."""
    return fold(word).rstrip(".") in g.ambiguous and not word.istitle()


def date_follows(g: Grammar, text: str, end: int) -> bool:
    """Whether what follows ``end`` lets the name before it be a date: a mark, a number, the
    end of the text, or a word of the grammar's ``after_date`` list (no verb or noun reading)."""
    rest = text[end : end + WINDOW].lstrip(" \t")
    if not rest or not rest[0].isalpha():
        return True
    return next_word(text, end).lower() in g.lists["after_date"]


def dated_by_word_before(g: Grammar, c: Candidate) -> bool:
    """Whether a word matched before the name places it: a preposition that takes a date ("in",
    "by", "since"; not "to", which makes "to march" a verb), or "last", "next", "early"."""
    if _PLACING_GROUPS & c.groups.keys():  # but "the last march", "at this march"
        return word_before(c.text, c.match.start()) not in g.lists["noun_lead"]
    return c.prep is not None and fold(c.prep) in g.lists["date_prepositions"]


def word_before(text: str, start: int) -> str:
    """The word right before ``start`` (past white space), lower-cased, or ""."""
    found = PREV_WORD.search(text, max(0, start - WINDOW), start)
    return found.group(1).lower() if found else ""


@cache
def _list_links(name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A link to a name of the grammar's pattern ``name`` after a word, and one from it before."""
    word = grammar().patterns[name]
    return (
        re.compile(f"{_LINK}{word}", re.IGNORECASE),
        re.compile(rf"\b{word}{_LINK}$", re.IGNORECASE),
    )


def in_list(name: str, text: str, start: int, end: int) -> bool:
    """Whether the word from ``start`` to ``end`` is listed with another of the grammar's
    pattern ``name``: weekdays ("mon, wed", "Sat-Sun", "friday night or sat"), months ("June,
    July and Aug")."""
    after, before = _list_links(name)
    return bool(
        after.match(text[end : end + WINDOW]) or before.search(text[max(0, start - WINDOW) : start])
    )


def clock_follows(text: str, end: int) -> bool:
    """Whether a clock time follows ``end``: "Sun 1:00pm", "this Sat, 7pm"."""
    return bool(_CLOCK_AFTER.match(text, end))


def weekday_number(g: Grammar, word: str) -> int:
    """The ISO number of a weekday named in full or abbreviated: "Tues." → 2."""
    key = fold(word).rstrip(".")
    return int(g.words["weekday"].get(key) or g.words["weekday_abbr"][key])
