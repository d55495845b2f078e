"""The subject a phrase leaves out: the names its sentence gives before a phrase that opens with
its verb group.

An event phrase that opens with its verb ("have unexpectedly defeated Boeing", "was down
2.62%") has left its subject in the sentence, often because the subject was too long for the
phrase ("Northrop Grumman and Airbus parent company EADS N.V. have unexpectedly defeated
Boeing"). Who did it is what tells this happening from another of the same day, so the phrase
is compared with the names of that subject: the words written as names (a capital, a digit)
in the sentence before the phrase, back to the mark or the clause word that opens the
subject's clause ("," ";" ":" or a word such as "that", "which", "when").

>>> subject_of("Northrop Grumman and EADS N.V. ( EADS ) have defeated Boeing .",
...            "have defeated Boeing")
'Northrop Grumman EADS N.V. EADS'
>>> subject_of("The Dow Jones , was down 2.62 % .", "was down 2.62 %")
'Dow Jones'
>>> subject_of("Shares fell , and analysts said that it was over .", "was over")
''
>>> subject_of("Apple said it sold more .", "Apple said it sold more")
''
"""

from __future__ import annotations

import re

from timeline.events import Tag, lexicon
from timeline.merge.rows import is_fragment

__all__ = ["subject_of"]

#: A word of the sentence, or a mark that ends a clause before the subject.
_TOKEN = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*\.?|[,;:]")
#: Word classes of the chunker's lexicon that open the clause of the subject.
_OPENERS = ("subordinators", "relatives", "complementizers", "coordinators")


def subject_of(sentence: str, phrase: str) -> str:
    """The names of the subject a phrase opening with its verb group leaves in ``sentence``
    (see the module docstring); "" when the phrase has its subject, or none is found."""
    if not phrase or not sentence or not is_fragment(phrase):
        return ""
    first = phrase.split(maxsplit=1)[0].lower()
    lex = lexicon()
    if first in lex["pronouns"]:
        return ""  # "He started Apple": its subject is the pronoun
    at = sentence.find(phrase)
    if at <= 0:
        return ""
    tokens = _TOKEN.findall(sentence[:at])
    while tokens and tokens[-1] in ",;:":
        tokens.pop()  # "The Dow Jones , was down": the comma before the verb
    opening = {w for name in _OPENERS for w in lex.lists.get(name, ())}
    names: list[str] = []
    for token in reversed(tokens):
        if token in ",;:" or token.lower() in opening - {"and"}:
            break
        if (token[0].isupper() or any(c.isdigit() for c in token)) and not isinstance(
            lex.classify(token.lower()), Tag
        ):
            names.append(token)  # a name, not "The" opening the sentence
    return " ".join(reversed(names))
