"""The words of a sentence, and spans of them."""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["TokenSpan", "tokenize"]

# Words: "2,500", "U.S", "6-year-old", "61%-owned", "$1.6", "don't"; a possessive "'s" on its
# own; then any other single character (punctuation).
_TOKEN = re.compile(
    r"[$£€]?\w+(?:%?[-.,&/]\w+|['’](?!(?:[sSdm]|re|ve|ll)\b)\w+)*%?|['’](?:[sSdm]|re|ve|ll)\b|--|\S"
)


class TokenSpan(NamedTuple):
    """Tokens ``start`` to ``end - 1`` of a sentence: a phrase, a date, a clause."""

    start: int
    end: int


def tokenize(
    text: str, a: int, b: int, lowered: str | None = None
) -> tuple[list[int], list[int], list[str]]:
    """The start and end offsets of the words of ``text[a:b]``, and the words in lower case;
    ``lowered`` is ``text.lower()`` if the caller has it already.

    >>> tokenize("The U.S. didn't sell 2,500 tanks.", 0, 33)[2]
    ['the', 'u.s', '.', "didn't", 'sell', '2,500', 'tanks', '.']
    """
    if lowered is not None and len(lowered) == len(text):
        # the document in lower case, offsets unchanged (no letter changed length)
        matches = list(_TOKEN.finditer(lowered, a, b))
        starts = list(map(re.Match.start, matches))
        ends = list(map(re.Match.end, matches))
        lows = list(map(re.Match.group, matches))
    elif len(sentence := text[a:b].lower()) == b - a:
        matches = list(_TOKEN.finditer(sentence))
        starts = [m + a for m in map(re.Match.start, matches)]
        ends = [m + a for m in map(re.Match.end, matches)]
        lows = list(map(re.Match.group, matches))
    else:  # "İ" and a few others change length in lower case
        matches = list(_TOKEN.finditer(text, a, b))
        starts = [m.start() for m in matches]
        ends = [m.end() for m in matches]
        lows = [m.group().lower() for m in matches]
    return starts, ends, lows
