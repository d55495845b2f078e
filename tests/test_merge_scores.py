"""The measure of the merged timeline (timeline.evaluation.merge_scores) on a fixture of ours.

``data/crossdoc/corpus_zephyr`` holds two small articles in MEANTIME's cross-document format,
written for this test: both tell that the Zephyr 4 phone was unveiled on June 7, 2010 (one
instance, ``UNVEIL``, which the first also tells in its headline, without a date); the first
also tells that prices were cut that day, the second that shares rose that day (two instances
of one article each).
"""

from __future__ import annotations

import pandas as pd
import pytest
from paths import DATA

import timeline
from timeline.evaluation import main
from timeline.evaluation.merge_scores import (
    check_names,
    extract_topic,
    score_merge,
    split_topics,
)
from timeline.evaluation.read_crossdoc import CrossDocTopic, anchor_interval, read_crossdoc

CROSSDOC = DATA / "crossdoc"


@pytest.fixture(scope="module")
def topics() -> list[CrossDocTopic]:
    return read_crossdoc(CROSSDOC)


def test_the_cross_document_folder_is_read_into_topics_and_instances(
    topics: list[CrossDocTopic],
) -> None:
    (topic,) = topics
    assert topic.name == "corpus_zephyr"
    assert [d.dct for d in topic.documents] == ["2010-06-08", "2010-06-20"]
    shared = {i.instance_id: i for i in topic.instances if i.shared}
    assert set(shared) == {"UNVEIL", "CUT", "RISE"}
    unveil = shared["UNVEIL"]
    assert (unveil.name, unveil.anchor, len(unveil.documents)) == (
        "unveil (Zephyr 4)",
        "2010-06-07",
        2,
    )
    texts = {d.doc_id: d.text for d in topic.documents}
    assert [texts[m.doc_id][m.char_start : m.char_end] for m in unveil.mentions] == [
        "unveiled",
        "unveils",
        "unveiled",
    ]
    assert anchor_interval(shared["RISE"].anchor) == ("2010-06-01", "2010-07-01")


def test_our_merge_joins_the_happening_of_two_articles_and_nothing_else(
    topics: list[CrossDocTopic],
) -> None:
    report = score_merge(topics, timeline.merge)
    assert (len(report.events), report.n_reachable, report.n_joined) == (1, 1, 1)
    assert (len(report.rows), report.n_mixed) == (1, 0)
    assert report.joined == 1.0 and report.mixed == 0.0


def test_joining_by_time_alone_mixes_happenings(topics: list[CrossDocTopic]) -> None:
    report = score_merge(topics, lambda rows: timeline.merge(rows, similarity=0.0))
    assert report.n_joined == 1
    assert report.n_mixed == 1  # "unveiled" and "cut", told by one article, in one row


def test_no_merging_joins_nothing(topics: list[CrossDocTopic]) -> None:
    report = score_merge(topics, lambda rows: rows)  # rows without offsets stand for themselves
    assert (report.n_reachable, report.n_joined, len(report.rows)) == (1, 0, 0)


def test_the_check_part_is_chosen_by_file_name(topics: list[CrossDocTopic]) -> None:
    check = check_names(CROSSDOC / "check_split.toml")
    assert check == {"2_Zephyr_4_on_sale.xml"}
    (study,) = split_topics(topics, check, "study")
    (checked,) = split_topics(topics, check, "check")
    assert [d.doc_id for d in study.documents] == ["1_Zephyr_unveils_a_phone"]
    assert [d.doc_id for d in checked.documents] == ["2_Zephyr_4_on_sale"]
    rows = extract_topic(study)
    assert set(rows["doc_id"]) == {"1_Zephyr_unveils_a_phone"}
    assert len(score_merge([study], timeline.merge).events) == 0  # one article: nothing to join


def test_the_command_line_prints_the_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(CROSSDOC), "--merge"]) == 0
    out = capsys.readouterr().out
    assert "cross-document" in out
    merged, dating = out.split("\n\n")
    table = [line.split() for line in merged.splitlines()[2:]]
    assert [row[1] for row in table] == ["all"] * 3 + ["check"] * 3
    assert sum("undated='published'" in line for line in merged.splitlines()) == 4
    assert "Rows at the date" in dating
    assert [line.split()[1:3] for line in dating.splitlines()[2:]] == [
        ["all", "expression"],
        ["all", "published"],
        ["check", "expression"],  # the check article tells nothing without a date
    ]
    assert main([str(CROSSDOC), "--merge", "--part", "study", "--similarity", "0.5"]) == 0
    assert "similarity=0.5" in capsys.readouterr().out


def test_the_undated_events_of_the_articles_are_measured_too(topics: list[CrossDocTopic]) -> None:
    rows = extract_topic(topics[0], undated="published")
    assert set(rows["dated_by"]) == {"expression", "published"}
    report = score_merge(topics, timeline.merge, rows={topics[0].name: rows})
    assert (report.n_reachable, report.n_joined, report.n_mixed) == (1, 1, 0)
    # the headline "Zephyr unveils a new phone" tells of the unveiling, dated on or just
    # before the day of its article (June 8): at the date (June 7)
    dating = {by: (n, at) for by, n, at in report.dating}
    assert dating["published"] == (1, 1)


def test_a_topic_without_documents_gives_an_empty_report(topics: list[CrossDocTopic]) -> None:
    (topic,) = topics
    empty = topic.restricted([])
    report = score_merge([empty], timeline.merge)
    assert (len(report.events), len(report.rows), report.rows_in) == (0, 0, 0)
    assert isinstance(extract_topic(empty), pd.DataFrame)
