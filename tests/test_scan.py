"""The anchored scan finds exactly what a plain scan of every rule over the whole text finds."""

from __future__ import annotations

import pytest
from paths import ARTICLE, DATA

from timeline.detect import _detect, _scan, _scan_everywhere, _scan_re2
from timeline.grammar import grammar, re2_rules


def _texts() -> list[str]:
    texts = [ARTICLE.read_text(encoding="utf-8")]
    for name in (
        "cases_en.tsv",
        "cases_clock.tsv",
        "cases_prefer.tsv",
        "cases_narrative.tsv",
        "negative_en.txt",
        "events_en.tsv",
    ):
        path = DATA / name
        if path.exists():
            texts.append(path.read_text(encoding="utf-8"))
    return texts


TRICKY = [
    "On MAY 5, 2020 and on may 5 we met; sun, Jan. 10 was cold.",
    "İstanbul, January 3, 2011: the İ lower-cases to two characters, offsets must hold.",
    "FY2020, Q3 2021, 1990s, '90s, mid-1990s, 490 BC, AD 1066, 3pm, 10:30 a.m., noon.",
    "someday, twoday, the nineteenth century, the twenty-first century, decades-long.",
]


@pytest.mark.parametrize("text", [*_texts(), *TRICKY])
def test_anchored_scan_agrees_with_plain_scan(text: str) -> None:
    assert _detect(text, _scan) == _detect(text, _scan_everywhere)


@pytest.mark.parametrize("text", [*_texts(), *TRICKY])
def test_re2_scan_agrees_with_plain_scan(text: str) -> None:
    """With google-re2 installed (``timeline[fast]``, in the test extras) detection uses it."""
    if re2_rules() is None:
        pytest.skip("google-re2 is not installed: detection uses re (timeline[fast] adds RE2)")
    assert _detect(text, _scan_re2) == _detect(text, _scan_everywhere)


def test_every_rule_declares_anchors_and_a_bounded_width() -> None:
    for rule in grammar().rules:
        assert rule.anchors, rule.name
        assert 0 < rule.width < 200, rule.name
