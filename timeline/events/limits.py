"""How long an event phrase may be, in words (marks and the marks inside a date not counted)."""

from __future__ import annotations

__all__ = ["COORDINATED", "LONG", "LONGEST", "MAX_WORDS", "PASSIVE_KEPT", "SLACK", "THROUGH"]

#: The usual longest phrase: a longer clause keeps its words around its verb.
MAX_WORDS = 11
#: The longest event phrase: MAX_WORDS and the end of a noun phrase it would cut, or a date
#: inside the phrase ("said on Monday that ...").
LONGEST = 15
#: Words past MAX_WORDS to finish a noun phrase.
SLACK = 3
#: A phrase longer than this runs on to the end of its clause, then leaves out the
#: prepositional phrases that end it, down to this length.
LONG = 8
#: The longest clause taken whole, its date inside.
THROUGH = LONGEST - 1
#: The longest clause taken on through a verb phrase joined to it.
COORDINATED = LONGEST - 2
#: A long phrase left at a passive verb keeps at least this many words.
PASSIVE_KEPT = 5
