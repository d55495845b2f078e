"""Tests of the TempEval-3 Task A scorer and the dateparser baseline (timeline.evaluation,
imported through timeline.evaluate and timeline.baseline, where they were).

The expected figures are computed by hand from the official definitions (see the module
docstring of timeline.evaluation.timex_scores): P = matches / system, R = matches / gold,
value F1 = value accuracy over relaxed matches x relaxed F1.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from paths import MEANTIME, TBAQ
from paths import TIMEML_DATA as DATA

from timeline.baseline import dateparser_timexes, find_spans, parse_dct
from timeline.evaluate import (
    Counts,
    Report,
    error_classes,
    evaluate,
    get_system,
    main,
    metrics_table,
    score_document,
    tally_errors,
    value_pattern,
)
from timeline.timeml import TimeMLDocument, read_corpus

needs_tbaq = pytest.mark.skipif(not TBAQ.is_dir(), reason="TBAQ-cleaned corpus not available")


def make_doc(body: str, doc_id: str = "d1") -> TimeMLDocument:
    """A document whose TEXT is ``body`` (TIMEX3 tags allowed), with DCT 1998-01-08."""
    return TimeMLDocument.from_tml(
        f"<TimeML><DOCID>{doc_id}</DOCID><DCT><TIMEX3 tid='t0' type='DATE' value='1998-01-08' "
        f"functionInDocument='CREATION_TIME'>x</TIMEX3></DCT><TEXT>{body}</TEXT></TimeML>"
    )


def timex(tid: str, value: str, text: str, type_: str = "DATE") -> str:
    return f'<TIMEX3 tid="{tid}" type="{type_}" value="{value}">{text}</TIMEX3>'


def system(doc: TimeMLDocument, *rows: tuple[str, str, str], nth: int = 0) -> pd.DataFrame:
    """System rows (surface, type, value), located at the first occurrence of the surface."""
    records = []
    for surface, type_, value in rows:
        start = doc.text.index(surface)
        records.append((start, start + len(surface), surface, type_, value, ""))
    return pd.DataFrame(records, columns=["char_start", "char_end", "text", "type", "value", "mod"])


def rounded(report: Report) -> dict[str, float]:
    return {name: round(value, 4) for name, value in report.metrics().items()}


# --------------------------------------------------------------------------- hand-checked cases


def test_exact_match_scores_one() -> None:
    doc = make_doc(f"Sales fell {timex('t1', '1998-01-09', 'on Friday')}.")
    report = score_document(doc, system(doc, ("on Friday", "DATE", "1998-01-09")))
    assert report.counts == Counts(gold=1, system=1, strict=1, relaxed=1, value=1, type=1)
    assert set(rounded(report).values()) == {1.0}
    assert report.errors == ()


def test_overlap_is_relaxed_not_strict() -> None:
    doc = make_doc(f"Sales fell on {timex('t1', '1998-01-05TMO', 'Monday morning', 'TIME')}.")
    report = score_document(doc, system(doc, ("Monday", "DATE", "1998-01-05")))
    assert report.counts == Counts(gold=1, system=1, strict=0, relaxed=1, value=0, type=0)
    metrics = rounded(report)
    assert (metrics["strict_precision"], metrics["strict_recall"], metrics["strict_f1"]) == (
        0,
        0,
        0,
    )
    assert (metrics["relaxed_precision"], metrics["relaxed_recall"]) == (1.0, 1.0)
    assert (metrics["value_f1"], metrics["type_f1"]) == (0.0, 0.0)
    assert [e.kind for e in report.errors] == ["wrong_extent", "wrong_value", "wrong_type"]
    error = report.errors[0]
    assert (error.gold_text, error.system_text) == ("Monday morning", "Monday")
    assert error.context == "Sales fell on [Monday morning]."


def test_missed_timex_lowers_recall() -> None:
    doc = make_doc(f"{timex('t1', '1998-01-09', 'Friday')} and {timex('t2', '1998', 'this year')}")
    report = score_document(doc, system(doc, ("Friday", "DATE", "1998-01-09")))
    metrics = rounded(report)
    # strict and relaxed: P = 1/1, R = 1/2, F1 = 2/3
    assert (metrics["strict_precision"], metrics["strict_recall"]) == (1.0, 0.5)
    assert metrics["strict_f1"] == metrics["relaxed_f1"] == round(2 / 3, 4)
    # value accuracy 1/1, so value F1 = relaxed F1
    assert (metrics["value_accuracy"], metrics["value_f1"]) == (1.0, round(2 / 3, 4))
    assert [(e.kind, e.gold_text) for e in report.errors] == [("missed", "this year")]


def test_spurious_timex_lowers_precision() -> None:
    doc = make_doc(f"We met {timex('t1', '1998-01-09', 'Friday')} at noon.")
    report = score_document(
        doc, system(doc, ("Friday", "DATE", "1998-01-09"), ("noon", "TIME", "1998-01-09T12:00"))
    )
    metrics = rounded(report)
    assert (metrics["strict_precision"], metrics["strict_recall"]) == (0.5, 1.0)
    assert metrics["strict_f1"] == round(2 / 3, 4)
    assert [(e.kind, e.system_text, e.system_value) for e in report.errors] == [
        ("spurious", "noon", "1998-01-09T12:00")
    ]


def test_wrong_value_counts_only_in_attribute_scores() -> None:
    doc = make_doc(f"It rained {timex('t1', '1998-01-07', 'yesterday')}.")
    report = score_document(doc, system(doc, ("yesterday", "DATE", "1998-01-06")))
    metrics = rounded(report)
    assert metrics["strict_f1"] == metrics["relaxed_f1"] == metrics["type_f1"] == 1.0
    assert metrics["value_accuracy"] == metrics["value_f1"] == 0.0
    assert [(e.kind, e.gold_value, e.system_value) for e in report.errors] == [
        ("wrong_value", "1998-01-07", "1998-01-06")
    ]


def test_worked_example_from_the_docstring() -> None:
    # 10 gold timexes, 8 system ones: 4 exact (3 right values, type right), 2 overlapping
    # (both of right type, wrong value; one of them wrong type), 2 spurious, 4 gold missed.
    words = [f"w{i}" for i in range(14)]
    gold_body = " ".join(
        timex(f"t{i + 1}", f"v{i}", f"{w} x") if i < 10 else w for i, w in enumerate(words)
    )
    doc = make_doc(gold_body)
    rows = [(f"w{i} x", "DATE", f"v{i}" if i < 3 else "bad") for i in range(4)]  # 4 exact
    rows += [("w4", "DATE", "bad"), ("w5", "TIME", "bad")]  # 2 overlapping
    rows += [("w10", "DATE", "v"), ("w11", "DATE", "v")]  # 2 spurious
    report = score_document(doc, system(doc, *rows))
    assert report.counts == Counts(gold=10, system=8, strict=4, relaxed=6, value=3, type=5)
    metrics = rounded(report)
    assert metrics["strict_precision"] == 0.5
    assert metrics["strict_recall"] == 0.4
    assert metrics["strict_f1"] == round(2 * 0.5 * 0.4 / 0.9, 4)  # 44.44
    assert (metrics["relaxed_precision"], metrics["relaxed_recall"]) == (0.75, 0.6)
    assert metrics["relaxed_f1"] == round(2 / 3, 4)  # 66.67
    assert metrics["value_accuracy"] == 0.5
    assert metrics["value_f1"] == round(1 / 3, 4)  # 0.5 x 66.67 = 2*3/(10+8)
    assert metrics["value_precision"] == 0.375 and metrics["value_recall"] == 0.3
    assert metrics["type_f1"] == round(5 / 6 * 2 / 3, 4)  # 55.56


def test_pairing_is_one_to_one_and_in_text_order() -> None:
    # one system timex over two gold ones: the first gold one pairs, the second is missed
    doc = make_doc(f"{timex('t1', '1998-01-09', 'Friday')} {timex('t2', 'TNI', 'night', 'TIME')}")
    report = score_document(doc, system(doc, ("Friday night", "TIME", "1998-01-09TNI")))
    assert report.counts == Counts(gold=2, system=1, strict=0, relaxed=1, value=0, type=0)
    assert [e.kind for e in report.errors] == [
        "wrong_extent",
        "wrong_value",
        "wrong_type",
        "missed",
    ]
    assert report.errors[-1].gold_text == "night"

    # two system timexes in one gold one: the first pairs, the second is spurious
    doc = make_doc(timex("t1", "1998-01-09TNI", "Friday night", "TIME"))
    report = score_document(
        doc, system(doc, ("Friday", "DATE", "1998-01-09"), ("night", "TIME", "1998-01-09TNI"))
    )
    assert (report.counts.relaxed, report.counts.value) == (1, 0)
    assert [(e.kind, e.system_text) for e in report.errors if e.kind == "spurious"] == [
        ("spurious", "night")
    ]

    # a chain G1 ~ S1 ~ G2: S1 starts inside G1 and pairs with it; G2 starts inside S1,
    # which is taken, so G2 is missed even though it overlaps S1
    doc = make_doc(f"{timex('t1', 'A', 'aa bb')} cc {timex('t2', 'B', 'dd')}")
    rows = pd.DataFrame(
        {"char_start": [3], "char_end": [11], "type": ["DATE"], "value": ["B"]}
    )  # "bb cc dd"
    report = score_document(doc, rows)
    assert report.counts == Counts(gold=2, system=1, strict=0, relaxed=1, value=0, type=1)
    assert [e.gold_text for e in report.errors if e.kind == "missed"] == ["dd"]


def test_overlapping_system_rows_are_resolved_first() -> None:
    doc = make_doc(f"on {timex('t1', '1998-01-09', 'Friday')}")
    report = score_document(
        doc, system(doc, ("Friday", "DATE", "1998-01-09"), ("Fri", "DATE", "1998-01-09"))
    )
    assert report.counts == Counts(gold=1, system=1, strict=1, relaxed=1, value=1, type=1)


def test_dct_is_not_scored_and_empty_documents_score_one() -> None:
    doc = make_doc("No time here.")
    report = score_document(doc, system(doc))
    assert report.counts == Counts()
    assert report.strict_f1 == report.relaxed_f1 == report.value_f1 == 1.0
    # system output but no gold: precision 0, F1 0
    report = score_document(doc, system(doc, ("here", "DATE", "PRESENT_REF")))
    assert (report.relaxed_precision, report.relaxed_f1) == (0.0, 0.0)


def test_system_offsets_outside_text_raise() -> None:
    doc = make_doc("short")
    with pytest.raises(ValueError):
        score_document(doc, pd.DataFrame({"char_start": [2], "char_end": [50]}))
    with pytest.raises(ValueError):
        score_document(doc, pd.DataFrame({"start": [0]}))


def test_evaluate_micro_averages_over_documents() -> None:
    doc1 = make_doc(f"{timex('t1', '1998-01-09', 'Friday')} x", doc_id="a")
    doc2 = make_doc(f"{timex('t1', '1998', 'this year')} and {timex('t2', 'P1D', 'a day')}", "b")
    outputs = {
        doc1.text: system(doc1, ("Friday", "DATE", "1998-01-09")),
        doc2.text: system(doc2, ("this year", "DATE", "1997"), ("and", "DATE", "x")),
    }
    seen: list[str | None] = []

    def fake(text: str, dct: str | None) -> pd.DataFrame:
        seen.append(dct)
        return outputs[text]

    report = evaluate([doc1, doc2], fake, name="toy")
    assert seen == ["1998-01-08", "1998-01-08"]
    assert report.counts == Counts(gold=3, system=3, strict=2, relaxed=2, value=1, type=2)
    assert report.n_docs == 2 and report.name == "toy"
    # micro-averaged: P = R = 2/3, not the mean of the per-document scores (1 and 1/2)
    assert round(report.strict_f1, 4) == round(2 / 3, 4)
    assert round(report.value_f1, 4) == round(1 / 3, 4)
    assert report.doc_counts["a"] == Counts(1, 1, 1, 1, 1, 1)
    combined = Report.combine([report, report])
    assert combined.counts == Counts(6, 6, 4, 4, 2, 4)


def test_summary_errors_frame_and_tallies() -> None:
    doc = make_doc(
        timex("t1", "1998-01-07", "yesterday")
        + " and "
        + timex("t2", "P2Y", "two years", "DURATION")
        + " we went"
    )
    report = score_document(
        doc, system(doc, ("yesterday", "DATE", "1998-01-06"), ("we", "DATE", "1998-01-08"))
    )
    summary = report.summary()
    assert "1 documents, 2 gold and 2 system timexes" in summary
    assert "strict      50.00   50.00   50.00" in summary
    frame = report.errors_frame()
    assert list(frame["kind"]) == ["wrong_value", "missed", "spurious"]
    assert list(frame["surface"]) == ["yesterday", "two years", "we"]
    assert frame.loc[0, "gold_pattern"] == "9999-99-99"
    assert frame["system_start"].isna()[1] and frame.loc[1, "gold_start"] == 14
    missed = tally_errors(frame, ["gold_type", "gold_pattern"], kind="missed")
    assert missed.to_dict("records") == [
        {"gold_type": "DURATION", "gold_pattern": "P9Y", "count": 1}
    ]
    classes = error_classes(report, top=3)
    assert classes["spurious, by surface"].to_dict("records") == [{"surface": "we", "count": 1}]
    table = metrics_table([report])
    assert table.loc[0, "strict_F1"] == 50.0 and table.loc[0, "gold"] == 2


def test_value_pattern() -> None:
    assert value_pattern("1998-W02") == "9999-W99"
    assert value_pattern("XXXX-XX-XX") == "XXXX-XX-XX"


# --------------------------------------------------------------------------- real files, CLI


@needs_tbaq
def test_gold_as_system_scores_100_on_real_files() -> None:
    files = sorted((TBAQ / "TimeBank").glob("*.tml"))[:6] + sorted((TBAQ / "AQUAINT").glob("*"))[:6]
    docs = read_corpus(files)
    report = evaluate(docs, get_system("gold", docs))
    assert report.counts.gold > 50
    assert set(report.metrics().values()) == {1.0}
    assert report.errors == ()


@needs_tbaq
def test_gold_scores_less_when_perturbed() -> None:
    docs = read_corpus(sorted((TBAQ / "TimeBank").glob("*.tml"))[:4])

    def shifted(text: str, dct: str | None) -> pd.DataFrame:
        frame = get_system("gold", docs)(text, dct).copy()
        frame["char_end"] = frame["char_end"] - 1  # every span one character short
        frame["value"] = "X"
        return frame

    report = evaluate(docs, shifted)
    assert report.strict_f1 < 0.2 and report.relaxed_f1 == 1.0 and report.value_f1 < 0.2


def test_cli_with_gold_system_writes_timeml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(DATA), "--system", "gold", "--errors", "3", "--out", str(tmp_path)]) == 0
    output = capsys.readouterr().out
    assert "timeml" in output and "100.0" in output
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.tml"))
    assert written == [
        "timeml/gold/sample.tml",
        "timeml/gold/sample_meantime.tml",
        "timeml/system/sample.tml",
        "timeml/system/sample_meantime.tml",
    ]
    reread = TimeMLDocument.from_tml(tmp_path / "timeml" / "system" / "sample.tml")
    assert [t.value for t in reread.timexes] == ["1998-01-07", "P3Y", "1997-Q4"]
    assert (tmp_path / "metrics.csv").exists() and (tmp_path / "errors.csv").exists()


def test_unknown_system() -> None:
    with pytest.raises(ValueError):
        get_system("heideltime")


# --------------------------------------------------------------------------- baseline


def test_find_spans_scans_forward_and_respects_words() -> None:
    text = "we saw the week we spent on  Friday"
    assert find_spans(text, ["we", "we", "on Friday", "Monday"]) == [
        (0, 2),
        (16, 18),
        (25, 35),
        None,
    ]


def test_parse_dct() -> None:
    assert str(parse_dct("1998-12-05T09:42")) == "1998-12-05 09:42:00"
    assert parse_dct(None) is None and parse_dct("PRESENT_REF") is None


def test_dateparser_baseline() -> None:
    text = "Profits rose in October. The firm said on Friday at 10:30 that it would."
    frame = dateparser_timexes(text, "1998-01-08")
    assert list(frame.columns) == ["char_start", "char_end", "text", "type", "value", "mod"]
    assert frame[["char_start", "char_end", "text", "type", "value"]].values.tolist() == [
        [13, 23, "in October", "DATE", "1998-10"],  # period month
        [39, 57, "on Friday at 10:30", "TIME", "1998-01-02T10:30"],  # period time, DCT-relative
    ]
    assert get_system("dateparser") is dateparser_timexes


def test_only_the_annotated_part_is_scored() -> None:
    """MEANTIME annotates the first sentences only: system timexes after them are not spurious."""
    import attrs

    doc = make_doc(f"Sales fell {timex('t1', '1998-01-09', 'on Friday')}. They rose in 1999.")
    cut = attrs.evolve(doc, annotated_end=doc.text.index(" They"))
    found = system(doc, ("on Friday", "DATE", "1998-01-09"), ("1999", "DATE", "1999"))
    assert score_document(doc, found).counts.system == 2
    assert score_document(cut, found).counts == Counts(
        gold=1, system=1, strict=1, relaxed=1, value=1, type=1
    )


def test_meantime_documents_know_their_annotated_part() -> None:
    folder = MEANTIME / "intra-doc_annotation" / "corpus_apple"
    if not folder.exists():
        pytest.skip(f"MEANTIME not found at {folder}")
    docs = read_corpus([sorted(folder.glob("*.xml"))[0]])
    (doc,) = docs
    assert doc.annotated_end is not None and 0 < doc.annotated_end < len(doc.text)
    assert all(t.char_end <= doc.annotated_end for t in doc.timexes)


# --------------------------------------------------------------------------- study and check parts


def _split_corpus(root: Path) -> Path:
    """A corpus of two copies of the sample document, ``b.tml`` in the check part."""
    corpus = root / "news"
    corpus.mkdir()
    for name in ("a.tml", "b.tml"):
        (corpus / name).write_text((DATA / "sample.tml").read_text(encoding="utf-8"), "utf-8")
    (root / "check_split.toml").write_text('["news"]\ncheck = ["b.tml"]\n', encoding="utf-8")
    return corpus


def _rows(output: str) -> dict[str, list[str]]:
    lines = [line.split() for line in output.splitlines()[2:]]
    return {" ".join(cells[: cells.index(next(c for c in cells if c.isdigit()))]): cells
            for cells in lines}  # fmt: skip


def test_cli_prints_the_check_part_beside_the_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _split_corpus(tmp_path)
    assert main([str(corpus), "--system", "gold"]) == 0
    rows = _rows(capsys.readouterr().out)
    assert rows["news"][2] == "6" and rows["news [check]"][3] == "3"  # gold timexes
    assert main([str(corpus), "--system", "gold", "--part", "study"]) == 0
    rows = _rows(capsys.readouterr().out)
    assert list(rows) == ["news [study]"] and rows["news [study]"][3] == "3"


def test_cli_events_has_a_check_part(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _split_corpus(tmp_path)
    assert main([str(corpus), "--events"]) == 0
    assert "news [check], timeline:" in capsys.readouterr().out


def test_cli_part_needs_a_split(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit, match=r"no check_split\.toml"):
        main([str(DATA), "--part", "check"])


def test_cli_no_dct_leaves_relative_dates_unplaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main([str(DATA / "sample.tml"), "--out", str(tmp_path / "with")])
    main([str(DATA / "sample.tml"), "--no-dct", "--out", str(tmp_path / "without")])
    capsys.readouterr()
    read = [
        [t.value for t in TimeMLDocument.from_tml(tmp_path / d / "sample.tml" / "system" /
                                                  "sample.tml").timexes]
        for d in ("with", "without")
    ]  # fmt: skip
    assert read[0] != read[1]
    assert any(v.startswith("XXXX") for v in read[1]) and not any("X" in v for v in read[0])


def test_split_refuses_a_document_outside_its_corpora(tmp_path: Path) -> None:
    from timeline.evaluation.split import CheckSplit, select

    split = CheckSplit.from_text('["news"]\ncheck = []', root=tmp_path)
    with pytest.raises(ValueError, match="in no corpus"):
        select(read_corpus(DATA / "sample.tml"), split, "study")
    with pytest.raises(ValueError, match="needs a list 'check'"):
        CheckSplit.from_text('["news"]\nother = 1', root=tmp_path)


def test_cli_errors_never_show_the_check_part(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _split_corpus(tmp_path)
    with pytest.raises(SystemExit, match="aggregate figures"):
        main([str(corpus), "--part", "check", "--errors", "5"])
    assert main([str(corpus), "--errors", "5"]) == 0
    assert "Error classes of news [study]" in capsys.readouterr().out
