"""Where a sentence's clauses are cut: at punctuation, subordinators, relative pronouns, "that",
and "and" or "or" before a verb; not at the commas around a state's short name, nor at a short
aside in brackets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.tags import ADV, AUX, BOUNDARY, CONJ, PRON, VERB, VERBISH

if TYPE_CHECKING:
    from timeline.events.chunk import Chunk

__all__ = ["clause_cuts"]


def clause_cuts(c: Chunk) -> list[bool]:
    """Whether each token of ``c`` cuts clauses."""
    cut = [tag in BOUNDARY for tag in c.tags]
    if CONJ in c.tags:
        for k, tag in enumerate(c.tags):
            if tag == CONJ:
                cut[k] = _coordinator_cuts(c, k)
    if "," in c.lows:  # a place and its state: "an Albany, N.Y., dentist"
        for k in range(1, c.n - 2):
            if c.lows[k] == ",":
                after = _state_after(c, k)
                if after:
                    cut[k] = cut[after] = False
    if "(" in c.lows:  # a short aside cuts nothing: "2,000 pounds (900 kgs) of"
        for k, low in enumerate(c.lows):
            if low == "(":
                close = next((m for m in range(k + 1, min(k + 6, c.n)) if c.lows[m] == ")"), -1)
                if close > k and not c.has(k, close, VERBISH):
                    cut[k] = cut[close] = False
    return cut


def _state_after(c: Chunk, k: int) -> int:
    """The comma after the short name of a state, if the comma at ``k`` is between a place
    and that name: "an Albany, *N.Y.*, dentist", "Amherst, *Mass.*, company"; else 0."""
    word = c.text[c.starts[k + 1] : c.ends[k + 1]]
    m = k + 2
    if c.lows[m] == ".":  # the tokenizer leaves the last full stop on its own
        m += 1
    elif not word.endswith("."):
        return 0
    if (
        m < c.n
        and c.lows[m] == ","
        and c.text[c.starts[k - 1]].isupper()
        and word[:1].isupper()
        and len(word) <= 5
    ):
        return m
    return 0


def _coordinator_cuts(c: Chunk, i: int) -> bool:
    """Whether the coordinator at ``i`` cuts: "but", or "and" before a verb or a pronoun."""
    if c.lows[i] in c.words["contrasting_coordinators"]:
        return True
    k = c.forth(i + 1)
    while k < c.n and c.tags[k] == ADV:
        k += 1
    return k < c.n and c.tags[k] in (VERB, AUX, PRON)
