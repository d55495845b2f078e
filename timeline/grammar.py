"""Load the temporal grammar (``rules/en.toml``) and compile it.

The grammar is data: word lists with values, named sub-patterns composed with ``{name}``, and
rules. This module turns it into compiled regular expressions and lookup tables; it knows
nothing about what a rule *means* (that is :mod:`timeline.resolve`).

>>> g = grammar()
>>> g.words["month"]["march"]
3
>>> [r.name for r in g.rules][:3]
['iso_datetime', 'slash_date', 'month_day']
>>> bool(g.rule("month_day").regex.search("talks on Jan. 10, 2022"))
True
"""

from __future__ import annotations

import re
import sys
from functools import cache
from importlib import resources
from typing import Any

import attrs

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["Grammar", "Rule", "grammar"]

_REF = re.compile(r"\{([a-z_][a-z_0-9]*)\}")
_APOSTROPHES = "['’‘]"


@attrs.frozen
class Rule:
    """One scanning rule: a name, the kind of value it makes, and its compiled pattern."""

    name: str
    kind: str
    pattern: str
    regex: re.Pattern[str] = attrs.field(repr=False, eq=False)


@attrs.frozen
class Grammar:
    """The compiled grammar: word lists (lower-case key to value) and rules in priority order."""

    words: dict[str, dict[str, Any]]
    patterns: dict[str, str]
    rules: tuple[Rule, ...]
    lists: dict[str, frozenset[str]] = attrs.field(factory=dict)

    def rule(self, name: str) -> Rule:
        """The rule called ``name``."""
        for rule in self.rules:
            if rule.name == name:
                return rule
        raise KeyError(f"no rule named {name!r}")

    def lookup(self, table: str, word: str) -> Any:
        """The value of ``word`` in word list ``table`` (case, apostrophes and dots folded)."""
        return self.words[table][fold(word)]

    @classmethod
    def from_toml(cls, text: str) -> Grammar:
        """Build a grammar from the text of a rules file."""
        data = tomllib.loads(text)
        words: dict[str, dict[str, Any]] = {}
        named: dict[str, str] = {}
        for name, spec in data.get("words", {}).items():
            values = {fold(k): v for k, v in spec["values"].items()}
            words[name] = values
            named[name] = _alternation(spec["values"], titlecase=spec.get("titlecase", False))
        raw_patterns: dict[str, str] = dict(data.get("patterns", {}))
        expanded: dict[str, str] = {}

        def expand(pattern: str, trail: tuple[str, ...]) -> str:
            def one(m: re.Match[str]) -> str:
                ref = m.group(1)
                if ref in named:
                    return named[ref]
                if ref in trail:
                    raise ValueError(f"pattern {ref!r} refers to itself via {' > '.join(trail)}")
                if ref not in raw_patterns:
                    raise ValueError(f"unknown pattern {{{ref}}} in {' > '.join(trail) or 'rule'}")
                if ref not in expanded:
                    expanded[ref] = f"(?:{expand(raw_patterns[ref], (*trail, ref))})"
                return expanded[ref]

            return _REF.sub(one, pattern)

        for name in raw_patterns:
            if name not in expanded:
                expanded[name] = f"(?:{expand(raw_patterns[name], (name,))})"
        rules = []
        for spec in data.get("rule", []):
            pattern = expand(spec["pattern"], (spec["name"],))
            try:
                regex = re.compile(pattern, re.IGNORECASE)
            except re.error as exc:  # pragma: no cover - a broken rules file
                raise ValueError(f"rule {spec['name']!r} does not compile: {exc}") from exc
            rules.append(Rule(spec["name"], spec["kind"], pattern, regex))
        lists = {name: frozenset(value.split()) for name, value in data.get("lists", {}).items()}
        return cls(words=words, patterns=expanded, rules=tuple(rules), lists=lists)


def fold(word: str) -> str:
    """Fold a word for lookup: lower case, one space, straight apostrophes.

    >>> fold("New  Year’s Day")
    "new year's day"
    """
    return " ".join(word.lower().replace("’", "'").replace("‘", "'").split())


def _alternation(values: dict[str, Any], *, titlecase: bool) -> str:
    """A non-capturing alternation of the keys, longest first, each closed by a word edge."""
    alternatives = []
    for key in sorted(values, key=len, reverse=True):
        forms = [key.title(), key.upper()] if titlecase else [key]
        if titlecase and "'" in key:  # "New Year's Day": title() would give "New Year'S Day"
            forms = [" ".join(w[:1].upper() + w[1:] for w in key.split(" ")), key.upper()]
        for form in forms:
            piece = re.escape(form).replace(r"\ ", r"[ \t\n\r]{1,3}").replace("'", _APOSTROPHES)
            if form[-1:].isalnum():
                piece += r"\b"
            alternatives.append(piece)
    body = "|".join(dict.fromkeys(alternatives))
    return f"(?-i:{body})" if titlecase else f"(?:{body})"


@cache
def grammar() -> Grammar:
    """The bundled English grammar, compiled once per process."""
    text = resources.files("timeline").joinpath("rules/en.toml").read_text(encoding="utf-8")
    return Grammar.from_toml(text)
