"""Numbers in words, as dates use them: days ("the first", "the twenty-first") and years
("nineteen ninety-one", "nineteen oh five", "twenty twenty-one", "two thousand and five").

>>> from timeline.grammar import grammar
>>> g = grammar()
>>> day_number(g, "twenty-first"), day_number(g, "3rd"), day_number(g, "thirty-second")
(21, 3, None)
>>> [year_in_words(g, w) for w in ("nineteen ninety-one", "nineteen oh five", "twenty twenty-one",
...  "two thousand and five", "two thousand twelve")]
[1991, 1905, 2021, 2005, 2012]
"""

from __future__ import annotations

import re

from timeline.grammar import Grammar, fold

__all__ = ["day_number", "words_value", "year_in_words"]

_PARTS = re.compile(r"[-–—‐‑\s]+")
_DIGITS = re.compile(r"[0-9]+")


def words_value(g: Grammar, text: str) -> int | None:
    """The sum of the number words in ``text`` ("ninety-one" 91, "oh five" 5, "and" left out),
    or None if a word is no number."""
    total = 0
    for part in _PARTS.split(fold(text)):
        if part in ("and", "o", "oh", ""):
            continue
        if part not in g.words["number"]:
            return None
        total += int(g.words["number"][part])
    return total


def day_number(g: Grammar, text: str) -> int | None:
    """A day of the month written in digits ("3rd") or as an ordinal word ("twenty-first"), or
    None past the 31st."""
    digits = _DIGITS.search(text)
    if digits is not None:
        day = int(digits.group())
    else:
        *tens, last = _PARTS.split(fold(text))
        head = words_value(g, " ".join(tens))
        if head is None or last not in g.words["ordinal"] or int(g.words["ordinal"][last]) < 1:
            return None
        day = head + int(g.words["ordinal"][last])
    return day if 1 <= day <= 31 else None


def year_in_words(g: Grammar, text: str) -> int | None:
    """A year said in words: its hundreds ("nineteen", "twenty") and the rest under a hundred
    ("ninety-one", "oh five"), or "two thousand" and the rest."""
    parts = [p for p in _PARTS.split(fold(text)) if p and p != "and"]
    if parts[:2] == ["two", "thousand"]:
        rest = words_value(g, " ".join(parts[2:]))
        return None if rest is None or rest > 99 else 2000 + rest
    high = g.words["teen_hundreds"].get(parts[0]) or g.words["number"].get(parts[0])
    if high is None or not 11 <= int(high) <= 20:
        return None
    rest = words_value(g, " ".join(parts[1:]))
    return None if rest is None or rest > 99 else int(high) * 100 + rest
