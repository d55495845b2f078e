"""Headlines: a title line has no verb the tagger finds by the words around it, for it drops the
articles of a sentence ("Acme unveils new phone"); its verb comes right after the words that
open it, its subject."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.events.lexicon import UNKNOWN_WORD, VERB_BASE, Lexicon, Shape, s_form
from timeline.events.tags import AUX, CONJ, NOUN, OTHER, POSS, PUNCT, TIME, VERB, Tag

__all__ = ["headline_verb"]

_SENTENCE_ENDS = frozenset(".!?")
_VERB_SHAPES = frozenset({UNKNOWN_WORD, VERB_BASE})
# what a headline's subject is made of, up to its verb: "2004: Iraqi resistance", "GM, Chrysler"
_SUBJECT = frozenset({NOUN, CONJ, PUNCT, POSS, TIME, OTHER})
_TAGS = frozenset("#@")  # the marks of a hashtag and a handle


def headline_verb(
    text: str,
    starts: Sequence[int],
    lows: Sequence[str],
    kinds: Sequence[Tag | Shape],
    tags: list[Tag | Shape],
    lex: Lexicon,
) -> None:
    """Tag the verb of a headline, a sentence with no finite verb (an infinitive aside) and no
    full stop that opens with a capital or a number: in -s after a name or a singular noun,
    "Apple *unveils* new phone", "2004: Iraqi resistance *expands*"; a listed verb in the base
    form after a plural, "Chinese airlines *agree* a purchase"; not in a post, "@ann flying
    out", "Photo: scenes from our #tour".

    ``tags`` are the parts of speech of the words (``lows``, of classes ``kinds``, starting at
    ``starts`` in ``text``), changed in place.
    """
    if not lows or lows[-1] in _SENTENCE_ENDS or _has_finite_verb(tags, lows, lex):
        return
    first = text[starts[0]]
    if not (first.isupper() or first.isdigit()):
        return
    for m in range(1, len(tags)):
        tag = tags[m]
        if tag not in _SUBJECT:
            return  # past the subject: "Photo: scenes *from*"
        if tag != NOUN or kinds[m] not in _VERB_SHAPES or not text[starts[m]].islower():
            continue
        k = m - 1
        if tags[k] != NOUN or not lows[k].isalpha() or (k > 0 and lows[k - 1] in _TAGS):
            continue  # a hashtag or a handle: "#river"
        if m + 1 < len(lows) and lows[m + 1] == ":":
            continue  # "https:"
        low, subject = lows[m], lows[k]
        plural = s_form(subject) and (k == 0 or text[starts[k]].islower())
        base_next = m + 1 < len(kinds) and kinds[m + 1] == VERB_BASE
        if s_form(low) and not plural and not base_next:
            tags[m] = VERB  # "Apple *unveils*", "deal *fails*", not "emails" (expose)
            return
        if kinds[m] == VERB_BASE and plural:
            tags[m] = VERB  # "airlines *agree*"
            return


def _has_finite_verb(tags: Sequence[Tag | Shape], lows: Sequence[str], lex: Lexicon) -> bool:
    """Whether the sentence has a verb or an auxiliary, not counting an infinitive."""
    to = lex.lists["infinitive_markers"]
    return any(
        tag == AUX or (tag == VERB and (k == 0 or lows[k - 1] not in to))
        for k, tag in enumerate(tags)
    )
