"""timeline.merge: the mentions of one happening, across articles, become one row."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from paths import DATA, TESTS

import timeline
from timeline.merge.groups import UNDATED_MARGIN, When, group
from timeline.merge.labels import date_label
from timeline.merge.similarity import Weights
from timeline.merge.terms import Names, Terms, stem, term

DAY = 86_400


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def frame(*rows: tuple[str, str, str, str, str | None]) -> pd.DataFrame:
    """(doc_id, text, start, end, event) rows; start and end ISO dates, "" for NaT."""

    def seconds(values: list[str]) -> np.ndarray:
        return np.array([v or "NaT" for v in values], dtype="datetime64[s]")

    starts = [r[2] for r in rows]
    return pd.DataFrame(
        {
            "doc_id": pd.Series([r[0] for r in rows], dtype="string"),
            "text": pd.Series([r[1] for r in rows], dtype="string"),
            "char_start": np.arange(len(rows), dtype=np.int64) * 10,
            "char_end": np.arange(len(rows), dtype=np.int64) * 10 + 5,
            "value": pd.Series([r[1].lower() for r in rows], dtype="string"),
            "start": seconds(starts),
            "end": seconds([r[3] for r in rows]),
            "granularity": pd.Series(
                ["day" if len(s) == 10 else "year" if s else None for s in starts], dtype="string"
            ),
            "sentence": pd.Series([f"In {r[1]}, {r[4]}." for r in rows], dtype="string"),
            "event": pd.Series([r[4] for r in rows], dtype="string"),
        }
    )


D1, D2 = "2010-06-24", "2010-06-25"
SALE = frame(
    ("a", "June 24", D1, D2, "the Zephyr 4 phone went on sale"),
    ("b", "Thursday", D1, D2, "Zephyr 4 goes on sale in five countries"),
    ("c", "June 24", D1, D2, "the sale of the Zephyr 4 began"),
    ("b", "June 24", D1, D2, "servers of the online shop were swamped"),
    ("d", "June", "2010-06-01", "2010-07-01", "the Zephyr 4 went on sale"),
    ("a", "June 7", "2010-06-07", "2010-06-08", "the keynote of the developers' conference"),
)


# --------------------------------------------------------------------------- which rows join

OTHERS = [
    "the orchestra played a new symphony",
    "a ferry sank off the island",
    "the council approved a new park",
    "voters elected a governor",
]


@pytest.mark.parametrize(
    "row", read_tsv(DATA / "merge_pairs.tsv"), ids=lambda r: r["phrase_a"][:30]
)
def test_two_phrases_of_one_day_join_when_they_name_one_happening(row: dict[str, str]) -> None:
    pair = frame(("a", "May 3", D1, D2, row["phrase_a"]), ("b", "May 3", D1, D2, row["phrase_b"]))
    # a corpus around them: the words of the two phrases are rare in it
    others = frame(
        *[(f"other{i}", "1999", "1999-01-01", "2000-01-01", p) for i, p in enumerate(OTHERS)]
    )
    merged = timeline.merge(pd.concat([pair, others], ignore_index=True))
    assert (merged["start"] == D1).sum() == (1 if row["same"] == "yes" else 2), row["why"]


def test_rows_join_with_their_documents_and_offsets() -> None:
    merged = timeline.merge(SALE)
    assert merged["label"].tolist() == [
        "7 Jun 2010 · the keynote of the developers' conference",
        "24 Jun 2010 · the Zephyr 4 phone went on sale",
        "24 Jun 2010 · servers of the online shop were swamped",
    ]
    sale = merged.iloc[1]
    assert sale["doc_ids"] == ["a", "b", "c", "d"]
    assert (sale["sources"], sale["count"], sale["mentions"]) == (4, 4, 4)
    assert sale["offsets"] == [("a", 0, 5), ("b", 10, 15), ("c", 20, 25), ("d", 40, 45)]
    # the month of one article and the day of the others agree on the day
    assert (str(sale["start"]), str(sale["end"]), sale["granularity"]) == (
        "2010-06-24 00:00:00",
        "2010-06-25 00:00:00",
        "day",
    )
    assert merged["sources"].dtype == "int64" and merged["mentions"].dtype == "int64"
    assert merged["start"].dtype == "datetime64[s]" and list(merged.index) == [0, 1, 2]


LAUNCH = frame(
    ("a", "2007", "2007-01-01", "2008-01-01", "the Zephyr phone was launched"),
    ("b", "today", "2007-01-09", "2007-01-10", "Zephyr Inc. launched the Zephyr phone"),
    ("c", "June 29", "2007-06-29", "2007-06-30", "the Zephyr phone was launched in stores"),
)


def test_a_coarse_row_joins_one_day_never_two_different_days() -> None:
    merged = timeline.merge(LAUNCH)
    assert len(merged) == 2
    assert merged["mentions"].tolist() in ([2, 1], [1, 2])
    assert all(
        end - start == np.timedelta64(DAY, "s")
        for start, end in merged[["start", "end"]].to_numpy()
    )


def test_rows_at_times_that_do_not_overlap_never_join() -> None:
    merged = timeline.merge(SALE, similarity=0.0)
    assert merged["text"].tolist() == ["June 7", "June 24"]
    assert merged["mentions"].tolist() == [1, 5]  # at 0 every row of an agreeing time joins


def test_unplaced_rows_join_only_rows_of_the_same_value() -> None:
    rows = frame(
        ("a", "Thursday", "", "", "the Zephyr phone was launched"),
        ("b", "Thursday", "", "", "the Zephyr phone was launched"),
        ("c", "Friday", "", "", "the Zephyr phone was launched"),
        ("d", "2010", "2010-01-01", "2011-01-01", "the Zephyr phone was launched"),
    )
    merged = timeline.merge(rows)
    assert merged["doc_ids"].tolist() == [["d"], ["a", "b"], ["c"]]
    assert merged["label"].tolist()[1] == "Thursday (not placed) · the Zephyr phone was launched"


def test_rows_without_an_event_join_nothing() -> None:
    rows = frame(
        ("a", "March 3, 2009", "2009-03-03", "2009-03-04", None),
        ("b", "March 3, 2009", "2009-03-03", "2009-03-04", None),
    )
    assert len(timeline.merge(rows)) == 2


def undated(*rows: tuple[str, str, str, str, str | None]) -> pd.DataFrame:
    """Rows of :func:`frame`, those whose text is "" dated by the publication day alone."""
    df = frame(*rows)
    df["dated_by"] = pd.Series(
        ["published" if r[1] == "" else "expression" for r in rows], dtype="string"
    )
    return df


EVE, DAY_AFTER = "2010-06-23", "2010-06-25"


def test_a_row_dated_by_the_publication_day_joins_a_row_of_its_own_document_only_if_close() -> None:
    rows = undated(
        ("a", "", EVE, DAY_AFTER, "Zephyr Inc. unveils new Zephyr 4 phone"),
        ("a", "", EVE, DAY_AFTER, "Zephyr Inc. has unveiled its new Zephyr 4 phone"),
        ("a", "", EVE, DAY_AFTER, "the Zephyr 4 phone has a steel frame"),
        ("a", "today", D1, D2, "Zephyr Inc. showed its new Zephyr 4 phone"),
        ("b", "June 24", D1, D2, "Zephyr Inc. unveiled the Zephyr 4 phone"),
        *[(f"other{i}", "1999", "1999-01-01", "2000-01-01", p) for i, p in enumerate(OTHERS)],
    )
    merged = timeline.merge(rows)
    groups = sorted(sorted(o[1] for o in offsets) for offsets in merged["offsets"])
    # the headline and the lead say it in nearly the same words: one row, joined by the
    # other article's; the article's other sentence of the day and its dated row, which only
    # share a few words with them, stay apart
    assert [0, 10, 40] in groups and [20] in groups and [30] in groups


def test_rows_of_two_documents_dated_by_their_publication_days_join() -> None:
    rows = undated(
        ("a", "", EVE, DAY_AFTER, "the primary index fell 2% to 4,320"),
        ("b", "", EVE, DAY_AFTER, "the primary index fell by 2% to 4,320"),
        ("c", "Tuesday", D1, D2, "the zoo opened a new aviary"),
    )
    merged = timeline.merge(rows)
    assert merged["doc_ids"].tolist() == [["a", "b"], ["c"]]
    assert merged["label"].tolist()[0] == "23–24 Jun 2010 · the primary index fell 2% to 4,320"


def test_a_phrase_without_its_subject_is_compared_with_the_names_of_the_subject() -> None:
    long_subject = (
        "Globex and its partner company Hooli Consolidated Holdings N.V. have unexpectedly "
        "beaten Initech for a $5 billion rail contract."
    )
    rows = frame(
        ("a", "Friday", D1, D2, "have unexpectedly beaten Initech for a $5 billion"),
        ("b", "June 24", D1, D2, "Globex and Hooli beat Initech to win an order for 40 trains"),
        *[(f"other{i}", "1999", "1999-01-01", "2000-01-01", p) for i, p in enumerate(OTHERS)],
    )
    rows.loc[0, "sentence"] = long_subject
    assert timeline.merge(rows)["doc_ids"].tolist()[-1] == ["a", "b"]
    # without the subject's names, "beat" and "Initech" are not enough
    assert len(timeline.merge(rows.drop(columns="sentence"))) == len(rows)


def test_the_result_does_not_depend_on_the_order_of_the_rows() -> None:
    def groups(df: pd.DataFrame) -> list[tuple[str, str, list[tuple[str, int, int]]]]:
        merged = timeline.merge(df)
        return sorted(
            (str(s), str(e), sorted(o)) for s, e, o in merged[["start", "end", "offsets"]].values
        )

    for seed in range(5):
        assert groups(SALE.sample(frac=1.0, random_state=seed)) == groups(SALE)


def test_a_merged_frame_merges_again_carrying_its_documents() -> None:
    once = timeline.merge(SALE)
    twice = timeline.merge(once)
    columns = ["label", "sources", "doc_ids", "mentions", "offsets"]
    assert twice[columns].to_dict("records") == once[columns].to_dict("records")


# --------------------------------------------------------------------------- what is kept


def test_top_keeps_the_best_attested_rows_in_time_order() -> None:
    merged = timeline.merge(SALE, top=2)
    assert merged["text"].tolist() == ["June 7", "June 24"]
    assert merged["sources"].tolist() == [1, 4]
    assert len(timeline.merge(SALE, top=0)) == 0
    assert len(timeline.merge(SALE, top=100)) == 3


def test_a_bare_unit_is_left_out_unless_another_mention_dates_the_happening() -> None:
    rows = frame(
        ("a", "the year", "2011-01-01", "2012-01-01", "1984 was the year of the home computer"),
        ("b", "the year", "2011-01-01", "2012-01-01", "profits rose for the second time"),
        ("c", "2011", "2011-01-01", "2012-01-01", "profits rose again, a second time"),
    )
    merged = timeline.merge(rows)
    assert merged["doc_ids"].tolist() == [["b", "c"]]
    assert merged["text"].tolist() == ["2011"]  # the explicit row tells it
    assert len(timeline.merge(rows, keep_bare=True)) == 2


@pytest.mark.parametrize("row", read_tsv(DATA / "merge_labels.tsv"), ids=lambda r: r["label"])
def test_date_labels(row: dict[str, str]) -> None:
    start, end = np.datetime64(row["start"], "s"), np.datetime64(row["end"], "s")
    assert date_label(start, end, row["granularity"] or None) == row["label"]


def test_labels_of_the_bundled_apple_articles_give_dates_never_relative_words() -> None:
    paths = sorted((TESTS.parent / "examples" / "meantime_apple").glob("*.txt"))
    corpus = pd.concat([timeline.extract(p) for p in paths], ignore_index=True)
    merged = corpus.timeline.merged()
    assert len(merged) < len(corpus)
    date = re.compile(
        r"^(?:(?:\d{1,2}(?: [A-Z][a-z]{2})?|[A-Z][a-z]{2})–)?"  # a range: "9–11 Jan 2007"
        r"(?:\d{1,2} [A-Z][a-z]{2} \d{4}(?: \d\d:\d\d(?:–\d\d:\d\d)?)?|[A-Z][a-z]{2} \d{4}"
        r"|week of \d{1,2} [A-Z][a-z]{2} \d{4}|Q\d \d{4}|H\d \d{4}|\d{3}0s|\d{4})"
        r"(?:–\S.*?)? · "
    )
    assert all(date.match(label) for label in merged["label"]), merged["label"].tolist()
    assert not merged["text"].str.fullmatch(r"(?i)the year").any()
    # the day of the first iPhone: its own article and a later one
    launch = merged[(merged["start"] == "2007-01-10") & (merged["sources"] >= 2)]
    assert len(launch) == 1 and launch["doc_ids"].iloc[0][0].startswith("2007-01-10")


# --------------------------------------------------------------------------- words


def test_terms_are_stems_names_and_synonym_classes() -> None:
    names = Names.from_texts(["Yesterday the Zephyr and the A380 flew; shares of Acme fell."])
    terms = Terms.of("Acme unveiled the Zephyr 4 and shares fell", names)
    assert terms.all == {"acme", "launch", "zephyr", "4", term("shares"), "fall"}
    assert terms.names == {"acme", "zephyr", "4"}
    assert terms.predicates == {"launch", "fall"}
    assert [stem(w) for w in ("filing", "filed", "file")] == ["fil", "fil", "fil"]
    assert term("tumbled") == term("fell") == "fall"


def test_merge_of_an_empty_frame_is_empty() -> None:
    merged = timeline.merge(timeline.empty_frame())
    assert merged.empty
    assert {"label", "sources", "count", "doc_ids", "mentions", "offsets"} <= set(merged.columns)


def test_bad_arguments_raise_clear_errors() -> None:
    with pytest.raises(ValueError, match="similarity must be from 0 to 1"):
        timeline.merge(SALE, similarity=1.5)
    with pytest.raises(TypeError, match="similarity must be a number"):
        timeline.merge(SALE, similarity="high")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="on='headline' is not a column"):
        timeline.merge(SALE, on="headline")
    with pytest.raises(ValueError, match="missing: text"):
        timeline.merge(SALE.drop(columns="text"))
    with pytest.raises(TypeError, match="top must be a whole number"):
        timeline.merge(SALE, top=2.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="top must be 0 or more"):
        timeline.merge(SALE, top=-1)
    with pytest.raises(TypeError):
        timeline.merge(SALE, 0.5)  # type: ignore[misc]


def test_a_frame_without_events_is_merged_by_its_expressions_and_labelled_by_dates() -> None:
    rows = frame(
        ("a", "2011", "2011-01-01", "2012-01-01", None),
        ("b", "2011", "2011-01-01", "2012-01-01", None),
        ("c", "Thursday", "", "", None),
    ).drop(columns=["event", "sentence", "granularity"])
    merged = timeline.merge(rows)
    assert merged["label"].tolist() == ["2011", "Thursday (not placed)"]
    assert merged["doc_ids"].tolist() == [["a", "b"], ["c"]]


def test_a_row_dated_by_the_publication_day_needs_a_little_more_to_join() -> None:
    # two phrases whose shared predicate weighs 3 of their 8: 0.375 alike
    weights = Weights({"x": 3.0, "y": 5.0, "z": 5.0}, 1.0)
    terms = [Terms(frozenset({"x", "y"}), frozenset(), frozenset({"x"}), True)]
    terms.append(Terms(frozenset({"x", "z"}), frozenset(), frozenset({"x"}), True))
    days = [When.interval(0, 2 * DAY), When.interval(DAY, 2 * DAY)]
    assert 0.35 < weights.alike(*terms) < 0.35 + UNDATED_MARGIN
    dated = [("a", False), ("b", False)]
    assert group(days, terms, weights, threshold=0.35, apart=dated) == [[0, 1]]
    undated_first = [("a", True), ("b", False)]
    assert group(days, terms, weights, threshold=0.35, apart=undated_first) == [[0], [1]]
    assert group(days, terms, weights, threshold=0.0, apart=undated_first) == [[0, 1]]
