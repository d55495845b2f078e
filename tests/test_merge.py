"""timeline.merge: the same event reported by several articles becomes one row."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import timeline
from timeline.merge import content_words, jaccard


def frame(*rows: tuple[str, str, str | None, str | None, str]) -> pd.DataFrame:
    """(doc_id, text, start, end, event) rows, dates as days; None is NaT."""
    nat = np.datetime64("NaT", "s")

    def seconds(values: list[str | None]) -> np.ndarray:
        return np.array([nat if v is None else v for v in values], dtype="datetime64[s]")

    return pd.DataFrame(
        {
            "doc_id": pd.Series([r[0] for r in rows], dtype="string"),
            "text": pd.Series([r[1] for r in rows], dtype="string"),
            "value": pd.Series([r[1].lower() for r in rows], dtype="string"),
            "start": seconds([r[2] for r in rows]),
            "end": seconds([r[3] for r in rows]),
            "sentence": pd.Series([f"sentence of {r[0]}" for r in rows], dtype="string"),
            "event": pd.Series([r[4] for r in rows], dtype="string"),
        }
    )


D1, D2 = "2010-06-24", "2010-06-25"
SALE = frame(
    ("a", "June 24", D1, D2, "the iPhone 4 went on sale"),
    ("b", "Thursday", D1, D2, "iPhone 4 goes on sale"),
    ("c", "June 24", D1, D2, "iPhone 4 on sale in the United States"),
    ("b", "June 24", D1, D2, "pre-orders were swamped"),
    ("d", "June", "2010-06-01", "2010-07-01", "the iPhone 4 went on sale"),
    ("a", "June 7", "2010-06-07", "2010-06-08", "keynote"),
)


def test_same_interval_and_alike_phrases_merge_with_provenance():
    merged = timeline.merge(SALE)
    rows = merged[["text", "event", "sources", "count", "mentions", "sentence"]]
    assert rows.values.tolist() == [
        ["June", "the iPhone 4 went on sale", ["d"], 1, 1, "sentence of d"],
        ["June 7", "keynote", ["a"], 1, 1, "sentence of a"],
        ["June 24", "the iPhone 4 went on sale", ["a", "b", "c"], 3, 3, "sentence of a"],
        ["June 24", "pre-orders were swamped", ["b"], 1, 1, "sentence of b"],
    ]


def test_a_different_interval_never_merges_even_with_the_same_phrase():
    merged = timeline.merge(SALE, similarity=0.0)
    assert merged["text"].tolist() == ["June", "June 7", "June 24"]
    assert merged["mentions"].tolist() == [1, 1, 4]  # at 0, every row of June 24 merges
    assert merged["sources"].tolist()[-1] == ["a", "b", "c"]


def test_similarity_one_needs_the_same_content_words():
    same = frame(
        ("a", "2011", "2011-01-01", "2012-01-01", "The Russian protests"),
        ("b", "2011", "2011-01-01", "2012-01-01", "Russian protests!"),
        ("c", "2011", "2011-01-01", "2012-01-01", "Russian protests began"),
    )
    merged = timeline.merge(same, similarity=1.0)
    assert merged["sources"].tolist() == [["a", "b"], ["c"]]


def test_a_document_repeating_itself_counts_once_as_a_source():
    repeated = frame(
        ("a", "1991", "1991-01-01", "1992-01-01", "agreement"),
        ("a", "1991", "1991-01-01", "1992-01-01", "agreement"),
        ("b", "1991", "1991-01-01", "1992-01-01", "an agreement"),
    )
    (row,) = timeline.merge(repeated).to_dict("records")
    assert (row["count"], row["mentions"], row["sources"]) == (2, 3, ["a", "b"])


def test_the_result_does_not_depend_on_the_order_of_the_rows():
    shuffled = SALE.sample(frac=1.0, random_state=3).reset_index(drop=True)
    groups = {tuple(sorted(s)) for s in timeline.merge(shuffled)["sources"]}
    assert groups == {("d",), ("a",), ("a", "b", "c"), ("b",)}


def test_merging_is_transitive():
    chain = frame(
        ("a", "2011", "2011-01-01", "2012-01-01", "protests in Moscow"),
        ("b", "2011", "2011-01-01", "2012-01-01", "protests in Moscow streets"),
        ("c", "2011", "2011-01-01", "2012-01-01", "Moscow streets"),
    )
    # a~b (2/3) and b~c (2/3) but not a~c (1/3): one group all the same
    assert jaccard(content_words("protests in Moscow"), content_words("Moscow streets")) < 0.5
    assert timeline.merge(chain)["sources"].tolist() == [["a", "b", "c"]]


def test_rows_without_an_interval_merge_on_the_same_value():
    undated = frame(
        ("a", "Friday", None, None, "the talks"),
        ("b", "Friday", None, None, "talks"),
        ("c", "Monday", None, None, "talks"),
        ("d", "2011", "2011-01-01", "2012-01-01", "talks"),
    )
    merged = timeline.merge(undated)
    assert merged["sources"].tolist() == [["d"], ["a", "b"], ["c"]]  # undated rows last


def test_the_text_fills_in_for_a_missing_event():
    rows = frame(
        ("a", "the 2011 protests", "2011-01-01", "2012-01-01", None),
        ("b", "2011 protests", "2011-01-01", "2012-01-01", None),
    )
    assert timeline.merge(rows)["count"].tolist() == [2]
    assert timeline.merge(rows.drop(columns="event"))["count"].tolist() == [2]


def test_a_merged_frame_merges_again_keeping_sources_and_mentions():
    once = timeline.merge(SALE, similarity=0.9)
    twice = timeline.merge(once, similarity=0.0)
    assert twice["mentions"].sum() == len(SALE)
    assert twice["sources"].tolist()[-1] == ["a", "b", "c"]


def test_merge_is_deterministic_and_keeps_dtypes():
    first, second = timeline.merge(SALE), timeline.merge(SALE)
    pd.testing.assert_frame_equal(first, second)
    assert first["start"].dtype == "datetime64[s]"
    assert first["count"].dtype == "int64" and first["mentions"].dtype == "int64"
    assert list(first.index) == list(range(len(first)))


def test_merge_of_an_empty_frame_is_empty():
    merged = timeline.merge(timeline.empty_frame())
    assert merged.empty and {"count", "sources", "mentions"} <= set(merged.columns)


def test_bad_arguments_raise_clear_errors():
    with pytest.raises(ValueError, match="similarity must be from 0 to 1"):
        timeline.merge(SALE, similarity=1.5)
    with pytest.raises(TypeError, match="similarity must be a number"):
        timeline.merge(SALE, similarity="high")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="on='headline' is not a column"):
        timeline.merge(SALE, on="headline")
    with pytest.raises(ValueError, match="missing: text"):
        timeline.merge(SALE.drop(columns="text"))
    with pytest.raises(TypeError):
        timeline.merge(SALE, 0.5)  # type: ignore[misc]


def test_content_words_and_jaccard():
    assert content_words("The iPhone was launched in the U.S.") == {"iphone", "launched", "u", "s"}
    assert jaccard(frozenset(), frozenset()) == 1.0
    assert jaccard(frozenset({"a"}), frozenset()) == 0.0
