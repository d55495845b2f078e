"""Publication dates given as strings: each accepted form gives its day, and each refusal says
why (issue 17, row 11: a week became its Monday, a two-digit year a year of this century, and a
wrong weekday was accepted silently). The rows are ``tests/data/published.tsv``."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from paths import DATA

import timeline


def _rows() -> list[tuple[str, str, str]]:
    lines = (DATA / "published.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert rows[0] == ["value", "date", "reason"]
    return [(value, date, reason) for value, date, reason in rows[1:]]


@pytest.mark.parametrize(("value", "date", "reason"), _rows())
def test_published_string(value: str, date: str, reason: str) -> None:
    if date != "refused":
        assert timeline.parse_published(value) == dt.date.fromisoformat(date)
        return
    start = re.escape(f"published={value!r} is not a date")
    with pytest.raises(ValueError, match=f"^{start}") as error:
        timeline.parse_published(value)
    assert reason in str(error.value)
    with pytest.raises(ValueError, match=re.escape(reason) or None):  # as extract's too
        timeline.extract("In 2016.", published=value)


def test_the_header_date_is_refused_with_its_reason() -> None:
    with pytest.raises(ValueError, match=r"the header's Published Time='2022-W02' .*a week"):
        timeline.extract("Published Time: 2022-W02\nText:\nIn 2016.")
