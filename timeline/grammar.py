"""Load the temporal grammar (``rules/en.toml``) and compile it.

The grammar is data: word lists with values, named sub-patterns composed with ``{name}``, and
rules with their simple vetoes (:class:`Checks`). This module turns it into compiled regular
expressions and lookup tables; it knows nothing about what a rule's kind *means* (that is
:mod:`timeline.kinds`).

>>> g = grammar()
>>> g.words["month"]["march"]
3
>>> [r.name for r in g.rules][:3]
['iso_datetime', 'numeric_date', 'numeric_ymd']
>>> bool(g.rule("month_day").regex.search("talks on Jan. 10, 2022"))
True
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import attrs

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["Checks", "Grammar", "Rule", "grammar", "next_word"]

_REF = re.compile(r"\{([a-z_][a-z_0-9]*)\}")
#: Anchor classes of numbers, by their count of digits.
DIGIT_CLASSES = ("#1", "#2", "#3", "#4", "#5")
_APOSTROPHES = "['’‘]"
#: How far the checks of a match look for the word after it.
WINDOW = 30
_NEXT_WORD = re.compile(r"^[ \t]*(-?[A-Za-z][A-Za-z-]*)")
#: The tables of the rules file that make the grammar; the others are settings of kinds.
_LAYERS = frozenset({"words", "patterns", "rule", "lists"})
#: The keys a rule may have besides its checks.
_RULE_KEYS = frozenset({"name", "kind", "anchors", "pattern"})


def next_word(text: str, end: int) -> str:
    """The word right after ``end`` (a hyphen may open it), or "" if none follows.

    >>> next_word("the spring water", 10), next_word("the spring, then", 10)
    ('water', '')
    """
    found = _NEXT_WORD.match(text[end : end + WINDOW])
    return found.group(1) if found else ""


@attrs.frozen
class Checks:
    """The simple vetoes a rule states as data, the fields of its table in the rules file.

    A match is no time if it has none of the groups the rule ``needs``; if what follows it
    (past spaces) is not one of the marks or words it must be ``followed_by``, nor the end
    of the text; if the word after it is one it must not stand before (``next_word_not``);
    or if the text right before or after it is one it must not stand after (``not_after``)
    or before (``not_before``). Checks under ``when.GROUP`` apply where the group matched.

    >>> checks = Checks.from_spec({"not_after": ["high "], "when": {"y": {"needs": ["d"]}}}, {})
    >>> checks.rejects("at high noon", {}, 8, 12), checks.rejects("at noon", {}, 3, 7)
    (True, False)
    >>> checks.rejects("in 2020", {"y": "2020"}, 3, 7)
    True
    >>> marks = Checks.from_spec({"followed_by": [","]}, {})
    >>> marks.rejects("the eve of war", {}, 0, 7), marks.rejects("the eve, we", {}, 0, 7)
    (True, False)
    """

    needs: frozenset[str] = frozenset()
    followed_by: re.Pattern[str] | None = None
    next_word_not: frozenset[str] = frozenset()
    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    when: tuple[tuple[str, Checks], ...] = ()

    def rejects(self, text: str, groups: Mapping[str, str], start: int, end: int) -> bool:
        """Whether these checks show that the match from ``start`` to ``end`` is no time."""
        if self.needs and not (self.needs & groups.keys()):
            return True
        if self.followed_by is not None and not self.followed_by.match(text, end):
            return True
        if self.next_word_not and next_word(text, end).lower() in self.next_word_not:
            return True
        for before in self.not_after:
            if text[max(0, start - len(before)) : start].lower() == before:
                return True
        for after in self.not_before:
            if text[end : end + len(after)].lower() == after:
                return True
        return any(
            group in groups and checks.rejects(text, groups, start, end)
            for group, checks in self.when
        )

    @classmethod
    def from_spec(cls, spec: Mapping[str, Any], words: Mapping[str, Mapping[str, Any]]) -> Checks:
        """The checks of a rule's table (its other keys left out); ``words`` gives the word
        lists that ``next_word_not`` may name as ``"{list}"``."""
        followed_by = None
        if "followed_by" in spec:
            marks = "".join(m for m in spec["followed_by"] if not m[:1].isalnum())
            words_after = "|".join(w for w in spec["followed_by"] if w[:1].isalnum())
            words_after = f"|(?:{words_after})\\b" if words_after else ""  # marks only: no word
            followed_by = re.compile(rf"[ \t]*(?:[{re.escape(marks)}]{words_after}|$)")
        next_words: set[str] = set()
        for word in spec.get("next_word_not", ()):
            if word.startswith("{"):  # a word list: its words with a value other than 0
                next_words.update(k for k, v in words[word.strip("{}")].items() if v)
            else:
                next_words.add(word.lower())
        return cls(
            needs=frozenset(spec.get("needs", ())),
            followed_by=followed_by,
            next_word_not=frozenset(next_words),
            not_after=tuple(t.lower() for t in spec.get("not_after", ())),
            not_before=tuple(t.lower() for t in spec.get("not_before", ())),
            when=tuple(
                (group, cls.from_spec(sub, words)) for group, sub in spec.get("when", {}).items()
            ),
        )

    def groups(self) -> set[str]:
        """The groups these checks name, for the rules file's own check."""
        named = set(self.needs) | {group for group, _ in self.when}
        return named.union(*(checks.groups() for _, checks in self.when))


@attrs.frozen
class Rule:
    """One scanning rule: a name, the kind of value it makes, and its compiled pattern.

    ``regex`` is the pattern as written (case-insensitive, Title-case lists case-sensitive);
    ``folded`` is the same pattern for lower-cased text, compiled without IGNORECASE, which
    ``re`` scans several times faster. ``anchors`` are the tokens one of which every match
    contains ("#" stands for any run of digits) and ``width`` the longest match possible: the
    scanner runs a rule only within ``width`` characters of one of its anchors.
    """

    name: str
    kind: str
    pattern: str
    regex: re.Pattern[str] = attrs.field(repr=False, eq=False)
    folded: re.Pattern[str] = attrs.field(repr=False, eq=False)
    anchors: frozenset[str] = frozenset()
    width: int = 0
    #: The rule's simple vetoes, stated in the rules file; None if it states none.
    checks: Checks | None = attrs.field(default=None, eq=False)


@attrs.frozen
class Grammar:
    """The compiled grammar: word lists (lower-case key to value) and rules in priority order."""

    words: dict[str, dict[str, Any]]
    patterns: dict[str, str]
    rules: tuple[Rule, ...]
    lists: dict[str, frozenset[str]] = attrs.field(factory=dict)
    #: One pattern finding every anchor token of every rule, for lower-cased text.
    anchor_regex: re.Pattern[str] = attrs.field(default=re.compile(r"[0-9]+"), repr=False)
    #: Anchor token → indices of the rules it anchors ("#4": a number of four digits).
    anchored: dict[str, tuple[int, ...]] = attrs.field(factory=dict, repr=False)
    #: Words of the lists that are common words too ("may", "march", "sun"), folded: a time
    #: only where their neighbours say so unless written in Title case (kinds/names.py).
    ambiguous: frozenset[str] = frozenset()
    #: The file's other tables, read by the kinds they concern ("holidays": the countries the
    #: `holidays` package looks names up in).
    settings: dict[str, Any] = attrs.field(factory=dict, repr=False)

    def rule(self, name: str) -> Rule:
        """The rule called ``name``."""
        for rule in self.rules:
            if rule.name == name:
                return rule
        raise KeyError(f"no rule named {name!r}")

    def full_word(self, word: str) -> str:
        """The word a clipped or colloquial form stands for, folded ("Tmrw" → "tomorrow");
        any other word folded."""
        folded = fold(word)
        return str(self.words.get("clipped", {}).get(folded, folded))

    def lookup(self, table: str, word: str) -> Any:
        """The value of ``word`` in word list ``table`` (case, apostrophes and dots folded)."""
        return self.words[table][fold(word)]

    @classmethod
    def from_toml(cls, text: str) -> Grammar:
        """Build a grammar from the text of a rules file."""
        data = tomllib.loads(text)
        words: dict[str, dict[str, Any]] = {}
        named: dict[str, str] = {}
        ambiguous: set[str] = set()
        specs = _with_clipped(data.get("words", {}))
        for name, spec in specs.items():
            values = {fold(k): v for k, v in spec["values"].items()}
            words[name] = values
            unknown = {fold(w) for w in spec.get("ambiguous", ())} - values.keys()
            if unknown:
                raise ValueError(f"words.{name}: ambiguous words not in its values: {unknown}")
            ambiguous.update(fold(w) for w in spec.get("ambiguous", ()))
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
                folded = re.compile(_fold_pattern(pattern))
            except re.error as exc:  # pragma: no cover - a broken rules file
                raise ValueError(f"rule {spec['name']!r} does not compile: {exc}") from exc
            anchors = _anchor_tokens(spec.get("anchors", []), words, spec["name"])
            checks = _checks(spec, words, regex)
            rules.append(
                Rule(
                    spec["name"],
                    spec["kind"],
                    pattern,
                    regex,
                    folded,
                    anchors,
                    _width(pattern),
                    checks,
                )
            )
        lists = {name: frozenset(value.split()) for name, value in data.get("lists", {}).items()}
        anchored: dict[str, list[int]] = {}
        for index, rule in enumerate(rules):
            for token in rule.anchors:
                anchored.setdefault(token, []).append(index)
        words_only = sorted(t for t in anchored if not t.startswith("#"))
        anchor_regex = re.compile(r"[0-9]+|\b" + _trie(words_only) + r"\b") if words_only else None
        return cls(
            words=words,
            patterns=expanded,
            rules=tuple(rules),
            lists=lists,
            anchor_regex=anchor_regex or re.compile(r"[0-9]+"),
            anchored={token: tuple(ix) for token, ix in anchored.items()},
            ambiguous=frozenset(ambiguous),
            settings={k: v for k, v in data.items() if k not in _LAYERS},
        )


def _with_clipped(specs: Mapping[str, Any]) -> dict[str, Any]:
    """The word lists with the clipped forms of ``[words.clipped]`` ("tmr" for "tomorrow",
    "hrs" for "hours") added to every list that has the full word, with its value; a clipped
    form the list marks ``ambiguous`` (a common word too) is ambiguous in those lists.

    >>> lists = _with_clipped({"clipped": {"values": {"tmr": "tomorrow"}},
    ...                        "named_day": {"values": {"tomorrow": 1}}})
    >>> lists["named_day"]["values"]
    {'tomorrow': 1, 'tmr': 1}
    """
    clipped = specs.get("clipped", {})
    forms = {fold(k): fold(v) for k, v in clipped.get("values", {}).items()}
    shared = {fold(w) for w in clipped.get("ambiguous", ())}
    out: dict[str, Any] = {}
    for name, spec in specs.items():
        if name == "clipped":
            out[name] = spec
            continue
        values = dict(spec["values"])
        full = {fold(k): v for k, v in values.items()}
        added = {form: full[word] for form, word in forms.items() if word in full}
        added = {form: value for form, value in added.items() if form not in full}
        if not added:
            out[name] = spec
            continue
        values.update(added)
        ambiguous = [*spec.get("ambiguous", ()), *(form for form in added if form in shared)]
        out[name] = {**spec, "values": values, "ambiguous": ambiguous}
    return out


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


def _fold_pattern(pattern: str) -> str:
    """The pattern for lower-cased text: literals lower-cased, case-sensitive groups opened.

    Escapes (``\\b``, ``\\.``) and group names are kept as written.

    >>> print(_fold_pattern("(?P<qn>Q[1-4]) (?-i:May)"))
    (?P<qn>q[1-4]) (?:may)
    """
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif pattern.startswith("(?P<", i):
            j = pattern.index(">", i) + 1
            out.append(pattern[i:j])
            i = j
        elif pattern.startswith("(?-i:", i):
            out.append("(?:")
            i += 5
        else:
            out.append(pattern[i].lower())
            i += 1
    return "".join(out)


def _anchor_tokens(specs: list[str], words: dict[str, dict[str, Any]], rule: str) -> frozenset[str]:
    """The anchor tokens a rule declares: ``"#"`` (any number), ``"#4"`` (a number of four
    digits; ``"#5"`` is five or more), ``"{list}"`` or literal words.

    A word list contributes, for each key, its longest word: every match of the key has it.
    """
    tokens: set[str] = set()
    for spec in specs:
        if spec == "#":
            tokens.update(DIGIT_CLASSES)
        elif spec in DIGIT_CLASSES:
            tokens.add(spec)
        elif spec.startswith("{"):
            name = spec.strip("{}")
            if name not in words:
                raise ValueError(f"rule {rule!r}: unknown word list {spec} in anchors")
            for key in words[name]:
                number = re.match(r"[0-9]+", key)
                if number:  # "2nite": the scan finds its number ("#1"), not a word in it
                    tokens.add(DIGIT_CLASSES[min(len(number.group()), len(DIGIT_CLASSES)) - 1])
                    continue
                parts = re.findall(r"[a-z]+", key)
                if not parts:
                    raise ValueError(f"rule {rule!r}: {key!r} in {spec} has no word to anchor on")
                tokens.add(max(parts, key=len))
        elif re.fullmatch(r"[a-z]+", spec):
            tokens.add(spec)
        else:
            raise ValueError(f"rule {rule!r}: anchor {spec!r} is not '#', '{{list}}' or a word")
    return frozenset(tokens)


def _checks(
    spec: dict[str, Any], words: dict[str, dict[str, Any]], regex: re.Pattern[str]
) -> Checks | None:
    """A rule's checks, from the keys of its table other than its name, kind, anchors and
    pattern; None if it has none. Unknown keys and groups the pattern lacks are errors."""
    fields = {k: v for k, v in spec.items() if k not in _RULE_KEYS}
    if not fields:
        return None
    known = {a.name for a in attrs.fields(Checks)}

    def unknown_keys(table: Mapping[str, Any]) -> set[str]:
        bad = set(table) - known
        return bad.union(*(unknown_keys(sub) for sub in table.get("when", {}).values()))

    if unknown_keys(fields):
        raise ValueError(f"rule {spec['name']!r}: unknown keys {sorted(unknown_keys(fields))}")
    checks = Checks.from_spec(fields, words)
    missing = checks.groups() - set(regex.groupindex)
    if missing:
        raise ValueError(f"rule {spec['name']!r}: its checks name no group of it: {missing}")
    return checks


def _width(pattern: str) -> int:
    """The longest match of a pattern, or 0 where it is unbounded (the rule scans everything)."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        widest = int(_parser.parse(pattern, re.IGNORECASE).getwidth()[1])
    except (ImportError, AttributeError):  # pragma: no cover - another Python's re internals
        return 0
    return widest if widest < 1000 else 0


def _trie(words: list[str]) -> str:
    """A regex alternation of words as a trie, which ``re`` scans far faster than a flat list.

    >>> _trie(["may", "march", "mar"])
    'ma(?:r(?:ch)?|y)'
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(c) + emit(sub) for c, sub in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?"
        return body

    return emit(root)


@cache
def grammar() -> Grammar:
    """The bundled English grammar, compiled once per process."""
    text = resources.files("timeline").joinpath("rules/en.toml").read_text(encoding="utf-8")
    return Grammar.from_toml(text)


@cache
def re2_rules() -> tuple[Any, ...] | None:
    """The rules' case-folded patterns compiled with RE2 (google-re2), or None without it.

    RE2 scans a whole text for every rule faster than ``re`` scans near the rules' anchors
    (``python benchmarks/speed.py`` measures both), and is linear in time by construction. The
    grammar uses only syntax that ``re`` and RE2 read alike, so the two give the same matches
    (``tests/test_scan.py``); ``timeline[fast]`` installs it.
    """
    try:
        import re2
    except ImportError:
        return None
    try:
        return tuple(re2.compile(rule.folded.pattern) for rule in grammar().rules)
    except Exception:  # pragma: no cover - an RE2 build that refuses a pattern: use re
        return None


@cache
def re2_set() -> Any:
    """All the rules' folded patterns as one RE2 set: one pass tells which rules match a text
    at all, so that only those scan it."""
    import re2

    patterns = re2.Set.SearchSet()
    for rule in grammar().rules:
        patterns.Add(rule.folded.pattern)
    patterns.Compile()
    return patterns
