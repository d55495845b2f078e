"""The rules of rules/en.toml and their examples: every rule has a row in the case tables, and
every row names the rule that finds its expression; rules' fields and kinds are checked at load."""

from __future__ import annotations

import csv
import re

import pytest
from paths import DATA

from timeline.detect import detect
from timeline.grammar import Grammar, grammar
from timeline.kinds import KINDS
from timeline.records import Mention

TABLES = ("cases_en.tsv", "cases_clock.tsv", "cases_prefer.tsv", "cases_narrative.tsv")


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = [row for name in TABLES for row in _rows(name)]


def _rule_of(m: Mention) -> str:
    """The rule column's form: the rule's name, or the composition's with its parts' rules (a
    rule's own match that names a range, "2011-13", has its endpoints as parts too)."""
    if m.parts and m.kind in ("range", "datetime", "counted", "amounts"):
        return f"{m.rule}({','.join(_rule_of(p) for p in m.parts)})"
    return m.rule


def test_every_rule_has_an_example() -> None:
    named = {name for row in ROWS for name in re.findall(r"[a-z_0-9]+", row["rule"])}
    missing = [rule.name for rule in grammar().rules if rule.name not in named]
    assert not missing, f"rules with no row in {TABLES}: {missing}"


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['expression']}: {r['rule']}" for r in ROWS])
def test_the_row_names_the_rule_that_finds_it(row: dict[str, str]) -> None:
    text = row["text"]
    # a list of days ("the 28 and 29 December") is one match whose parts are the expressions
    found = {
        _rule_of(m)
        for mention in detect(text)
        for m in (mention, *mention.parts)
        if text[m.start : m.end] == row["expression"]
    }
    assert found == {row["rule"]}


def test_every_kind_has_its_acceptance_and_resolution() -> None:
    kinds = {rule.kind for rule in grammar().rules}
    assert kinds <= KINDS.keys()
    for name in kinds:
        assert KINDS[name].name == name
        assert KINDS[name].resolve.__doc__, f"the resolution of {name!r} has no docstring"


_RULE = """
[patterns]
[[rule]]
name = "bare_year"
kind = "year"
anchors = ["#4"]
pattern = '\\b(?P<y>1[0-9]{{3}})\\b'
{fields}
"""


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ('not_before = ["-"]\nnext_word_no = ["old"]', "unknown keys"),
        ('when.y.needz = ["y"]', "unknown keys"),
        ('needs = ["yy"]', "no group"),
        ('when.era.not_after = ["high "]', "no group"),
    ],
)
def test_a_rules_file_with_a_wrong_field_does_not_load(fields: str, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        Grammar.from_toml(_RULE.format(fields=fields))


def test_a_rules_fields_veto_its_matches() -> None:
    g = Grammar.from_toml(
        _RULE.format(fields='not_before = ["-"]\nwhen.y.next_word_not = ["pages"]')
    )
    checks = g.rule("bare_year").checks
    assert checks is not None
    text = "In 1999-ish, 1999 pages, 1999 ended."
    rejected = [
        checks.rejects(text, {k: v for k, v in m.groupdict().items() if v}, m.start(), m.end())
        for m in g.rule("bare_year").regex.finditer(text)
    ]
    assert rejected == [True, True, False]
