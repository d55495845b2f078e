"""Every calendar unit of the grammar, in every construction that takes one, resolves without
error, with a publication date and without (a crash on one unit would end a document's run)."""

from __future__ import annotations

import pytest
from frames import timex_rows

import timeline
from timeline.grammar import grammar

TEMPLATES = (
    "It happened two {u} ago.",
    "It happened a {u} earlier.",
    "In 1812 the war began. Two {u} later it ended.",
    "In the 1940s the war began. A {u} later it ended.",
    "On 3 May 1945 the war ended. Three {u} later, peace came.",
    "Prices rose over the past two {u}.",
    "Prices will rise over the next few {u}.",
    "Prices rose this {u} and last {u}.",
    "It lasted for {u}; then for several {u}, and every {u}.",
    "the same {u}, that {u}, the following {u}, the previous {u}",
)
UNITS = sorted(grammar().words["unit"])


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("published", ["2022-01-10", None])
def test_every_unit_resolves(unit: str, published: str | None) -> None:
    for template in TEMPLATES:
        text = template.format(u=unit)
        df = timeline.timexes(text, published=published)
        for row in timex_rows(df):
            assert text[row.char_start : row.char_end] == row.text
