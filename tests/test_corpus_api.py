"""The corpus API: inputs, ids, errors accounted for, parallel == serial, batches, Parquet.

Outputs of the pipeline change as the rules improve, so these tests compare runs with each
other (corpus vs one document at a time, n_jobs=2 vs n_jobs=1, Parquet vs memory), not with
fixed values.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from frames import as_objects
from paths import ARTICLE, DATA

import timeline
from timeline.corpus import ERROR_COLUMNS
from timeline.frame import categories_of, concat_frames, sort_chronologically

TEXTS = [
    line.split("\t", 1)[0]
    for line in (DATA / "cases_en.tsv").read_text(encoding="utf-8").splitlines()[5:]
    if line.strip() and not line.startswith("#")
]


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame.attrs = {}
    return frame


def _one_at_a_time(rows: list[tuple[str, str, str | None, str | None]]) -> pd.DataFrame:
    """What the corpus run must give: extract() document by document, in timeline order."""
    frames = []
    for doc_id, text, published, title in rows:
        df = timeline.extract(text, published=published, doc_id=doc_id, include="all")
        if title is not None:
            df["title"] = pd.array([title] * len(df), dtype="string")
        frames.append(df)
    return sort_chronologically(concat_frames(frames))


@pytest.fixture(scope="module")
def news() -> pd.DataFrame:
    texts = TEXTS[:30]
    return pd.DataFrame(
        {
            "id": [f"doc{i}" for i in range(len(texts))],
            "text": texts,
            "published": ["2022-01-10", "2021-06-30", None] * 10,
            "title": [f"Title {i}" if i % 3 else None for i in range(len(texts))],
        }
    )


def test_dataframe_same_rows_as_extract_one_by_one(news: pd.DataFrame) -> None:
    df = timeline.extract_corpus(news, include="all")
    expected = _one_at_a_time(
        [
            (
                doc_id,
                text,
                published if isinstance(published, str) else None,
                title if isinstance(title, str) else None,
            )
            for doc_id, text, published, title in zip(
                news["id"], news["text"], news["published"], news["title"], strict=True
            )
        ]
    )
    pd.testing.assert_frame_equal(_plain(df), expected)
    assert list(df.columns) == list(timeline.COLUMNS)
    assert df.attrs == {"documents": len(news), "errors": []}
    assert len(df) > len(news)


def test_rows_sorted_chronologically_across_documents(news: pd.DataFrame) -> None:
    df = timeline.extract_corpus(news)
    keys = [
        (s.value if s is not pd.NaT else math.inf, e.value if e is not pd.NaT else math.inf)
        for s, e in zip(df["start"], df["end"], strict=True)
    ]
    assert keys == sorted(keys)
    assert isinstance(df.index, pd.RangeIndex)


def test_dtypes_are_the_timeline_columns(news: pd.DataFrame) -> None:
    df = timeline.extract_corpus(news)
    assert {c: str(t) for c, t in df.dtypes.items()} == {
        c: str(t) for c, t in timeline.empty_frame().dtypes.items()
    }


def test_dataframe_without_id_column_uses_the_index() -> None:
    frame = pd.DataFrame({"text": ["In 2016.", "In 2017."]}, index=[10, 20])
    df = timeline.extract_corpus(frame)
    assert df["doc_id"].tolist() == ["10", "20"]
    assert df["published"].isna().all()
    assert df["title"].isna().all()


def test_dataframe_other_column_names_and_missing_cells() -> None:
    frame = pd.DataFrame(
        {
            "body": ["On Thursday, he spoke.", "On Thursday, she spoke."],
            "date": [pd.Timestamp("2022-01-10"), pd.NaT],
            "key": ["a", None],
        }
    )
    columns = {"text": "body", "published": "date", "id": "key"}
    df = timeline.extract_corpus(frame, columns=columns, include="all")
    by_id = dict(zip(df["doc_id"], df["value"], strict=True))
    assert by_id["a"] == "2022-01-06"
    assert by_id["1"].startswith("XXXX")  # no date: unresolved, never the clock


def test_a_series_of_texts_uses_its_index() -> None:
    df = timeline.extract_corpus(pd.Series(["In 2016."], index=["x"]))
    assert df["doc_id"].tolist() == ["x"]


@pytest.mark.parametrize(
    ("columns", "match"),
    [
        ({"text": "body"}, "text='body' is not a column"),
        ({"published": "pub_date"}, "published='pub_date' is not a column"),
        ({"id": "key"}, "id='key' is not a column"),
        ({"text": 3}, "text must be a column name"),
    ],
)
def test_bad_column_names_are_named(columns: dict[str, object], match: str) -> None:
    frame = pd.DataFrame({"text": ["In 2016."]})
    with pytest.raises((ValueError, TypeError), match=match):  # wrong columns, on purpose
        timeline.extract_corpus(frame, columns=columns)  # type: ignore[arg-type]


def test_optional_columns_may_be_switched_off() -> None:
    frame = pd.DataFrame({"text": ["On Thursday."], "published": ["2022-01-10"], "id": ["a"]})
    df = timeline.extract_corpus(frame, columns={"published": None, "id": None}, include="all")
    assert df["doc_id"].tolist() == ["0"]
    assert df["published"].isna().all()


def test_iterable_of_texts_ids_are_positions() -> None:
    df = timeline.extract_corpus(iter(["In 2016.", "Nothing here.", "In 2011."]))
    assert sorted(df["doc_id"].tolist()) == ["0", "2"]
    assert df.attrs["documents"] == 3


def test_mapping_ids_are_keys() -> None:
    df = timeline.extract_corpus({"first": "In 2016.", "second": "In 2011."})
    assert df["doc_id"].tolist() == ["second", "first"]


def test_articles_keep_their_ids_dates_and_titles() -> None:
    a = timeline.Article(text="On Thursday.", published=None, title="T", doc_id="art")
    b = timeline.read("On Thursday.", published="2022-01-10")
    df = timeline.extract_corpus([a, b], include="all")
    rows = {r.doc_id: r for r in df.itertuples()}
    assert set(rows) == {"art", "1"}
    assert rows["art"].title == "T"
    assert rows["1"].value == "2022-01-06"
    assert rows["1"].published == pd.Timestamp("2022-01-10")


def test_paths_ids_are_file_names_and_headers_are_read(tmp_path: Path) -> None:
    plain = tmp_path / "plain-note.txt"
    plain.write_text("In 2016.", encoding="utf-8")
    df = timeline.extract_corpus([ARTICLE, plain])
    expected = _plain(timeline.extract(ARTICLE))
    got = df[df["doc_id"] == ARTICLE.stem].reset_index(drop=True)
    got["sentence"] = got["sentence"].cat.remove_unused_categories()  # the other file's
    pd.testing.assert_frame_equal(got, expected)
    assert df[df["doc_id"] == "plain-note"]["text"].tolist() == ["2016"]


def test_a_missing_file_is_recorded(tmp_path: Path) -> None:
    df = timeline.extract_corpus([tmp_path / "gone.txt", ARTICLE])
    (error,) = df.attrs["errors"]
    assert error["doc_id"] == "gone"
    assert error["error_type"] == "FileNotFoundError"
    assert set(df["doc_id"]) == {ARTICLE.stem}


@pytest.mark.skipif(os.name != "posix", reason="file names of bytes that are not UTF-8")
def test_a_file_name_that_is_not_utf8_gives_its_rows(tmp_path: Path) -> None:
    """A name such as b"caf\xe9" decodes to a lone surrogate, which Arrow strings cannot hold:
    the frame (and an error record) gets U+FFFD in its place instead of failing."""
    good = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.txt"))
    good.write_text("In 2016.", encoding="utf-8")
    gone = Path(os.fsdecode(os.fsencode(tmp_path) + b"/gon\xe9.txt"))
    assert timeline.extract(good)["doc_id"].tolist() == ["caf\ufffd"]
    df = timeline.extract_corpus([good, gone])
    assert df["doc_id"].tolist() == ["caf\ufffd"]
    assert timeline.corpus_errors(df)["doc_id"].tolist() == ["gon\ufffd"]


BAD = [
    "In 2016.",
    None,
    float("nan"),
    "",
    2016,
    b"In 2016.",
    "In 2011.",
]


def test_bad_documents_are_recorded_and_accounted_for() -> None:
    df = timeline.extract_corpus(BAD)
    assert df.attrs["documents"] == len(BAD)
    errors = timeline.corpus_errors(df)
    assert list(errors.columns) == list(ERROR_COLUMNS)
    assert errors["doc_id"].tolist() == ["1", "2", "4", "5"]
    assert errors["error_type"].tolist() == ["ValueError", "ValueError", "TypeError", "TypeError"]
    assert errors["message"].str.startswith("no text").tolist() == [True, True, False, False]
    assert "decode bytes first" in errors["message"].iloc[3]
    assert sorted(df["doc_id"]) == ["0", "6"]  # "" (position 3): no rows, no error


def test_bad_publication_date_is_recorded_per_document() -> None:
    frame = pd.DataFrame({"text": ["In 2016.", "In 2017."], "published": ["nope", "2022-01-10"]})
    df = timeline.extract_corpus(frame)
    assert df.attrs["errors"] == [
        {
            "doc_id": "0",
            "error_type": "ValueError",
            "message": df.attrs["errors"][0]["message"],
        }
    ]
    assert "published='nope' is not a date" in df.attrs["errors"][0]["message"]
    assert df["doc_id"].tolist() == ["1"]


def test_missing_text_in_a_dataframe_is_recorded() -> None:
    frame = pd.DataFrame({"id": ["a", "b", "c"], "text": ["In 2016.", None, ""]})
    df = timeline.extract_corpus(frame)
    assert df.attrs["documents"] == 3
    assert [(e["doc_id"], e["message"]) for e in df.attrs["errors"]] == [("b", "no text")]


def test_errors_raise_names_the_document() -> None:
    with pytest.raises(ValueError, match="no text") as info:
        timeline.extract_corpus(["In 2016.", None], errors="raise")
    if hasattr(info.value, "__notes__"):
        assert "in document '1'" in info.value.__notes__[0]
    with pytest.raises(TypeError, match="text"):
        timeline.extract_corpus(["In 2016.", 2016], errors="raise")


def test_empty_input_gives_empty_frame_with_all_columns() -> None:
    empties: list[object] = [[], iter(()), pd.DataFrame({"text": pd.Series([], dtype="string")})]
    for empty in empties:
        df = timeline.extract_corpus(empty)  # type: ignore[call-overload]  # each kind: object
        assert df.empty
        assert list(df.columns) == list(timeline.COLUMNS)
        assert {c: str(t) for c, t in df.dtypes.items()} == {
            c: str(t) for c, t in timeline.empty_frame().dtypes.items()
        }
        assert df.attrs == {"documents": 0, "errors": []}


def test_attrs_survive_concat_and_to_parquet(tmp_path: Path) -> None:
    """The errors are plain data: pd.concat and to_parquet keep working."""
    a = timeline.extract_corpus(["In 2016.", None])
    b = timeline.extract_corpus(["In 2016.", None])
    assert pd.concat([a, b]).attrs == a.attrs
    a.to_parquet(tmp_path / "a.parquet")
    assert pd.read_parquet(tmp_path / "a.parquet").attrs == a.attrs


@pytest.mark.parametrize(
    ("docs", "kwargs", "error", "match"),
    [
        ("In 2016.", {}, TypeError, "not one str"),
        (b"In 2016.", {}, TypeError, "not one bytes"),
        (Path("x.txt"), {}, TypeError, "glob"),
        (2016, {}, TypeError, "docs must be"),
        (["In 2016."], {"n_jobs": 0}, ValueError, "n_jobs"),
        (["In 2016."], {"n_jobs": "2"}, TypeError, "n_jobs"),
        (["In 2016."], {"n_jobs": True}, TypeError, "n_jobs"),
        (["In 2016."], {"include": "everything"}, ValueError, "include"),
        (["In 2016."], {"errors": "ignore"}, ValueError, "errors"),
        (["In 2016."], {"chunksize": 0}, ValueError, "chunksize"),
        (["In 2016."], {"progress": "yes"}, TypeError, "progress"),
        (["In 2016."], {"columns": {"text": "body"}}, ValueError, "text='body'.* a column"),
        (["In 2016."], {"columns": {"body": "text"}}, ValueError, "columns has no key 'body'"),
        (["In 2016."], {"columns": ["text"]}, TypeError, "columns must be"),
        (["In 2016."], {"published": "2022-13-45"}, ValueError, "published='2022-13-45' is not"),
        (["In 2016."], {"published": 20220110}, TypeError, "published must be a date"),
    ],
)
def test_bad_arguments_are_named(
    docs: object, kwargs: dict[str, object], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):  # wrong arguments, on purpose
        timeline.extract_corpus(docs, **kwargs)  # type: ignore[call-overload]


def test_bad_batch_size_is_named_before_iterating() -> None:
    with pytest.raises(ValueError, match="batch_size"):
        timeline.iter_corpus(["In 2016."], batch_size=0)


def _mixed_corpus() -> list[object]:
    docs: list[object] = [ARTICLE]
    for i, text in enumerate(TEXTS):
        docs.append(text)
        if i % 17 == 5:
            docs.append(None)
    return docs


def test_two_processes_give_the_same_rows_as_one() -> None:
    docs = _mixed_corpus()
    one = timeline.extract_corpus(docs, include="all")
    two = timeline.extract_corpus(docs, include="all", n_jobs=2, chunksize=7)
    pd.testing.assert_frame_equal(_plain(two), _plain(one))
    assert two.attrs == one.attrs
    assert one.attrs["documents"] == len(docs)
    assert len(one.attrs["errors"]) == docs.count(None) > 0


def test_n_jobs_all_cores() -> None:
    docs = TEXTS[:12]
    pd.testing.assert_frame_equal(
        timeline.extract_corpus(docs, n_jobs=-1), timeline.extract_corpus(docs)
    )


class _KillsItsWorker(os.PathLike[str]):
    """A "file" whose reading kills the worker process (as a crash or the OOM killer would)."""

    def __fspath__(self) -> str:
        if multiprocessing.parent_process() is not None:
            os._exit(3)
        return "killer.txt"


def test_a_document_that_kills_its_worker_is_recorded() -> None:
    docs: list[object] = ["In 2016.", _KillsItsWorker(), "In 2011.", "In 2012."]
    df = timeline.extract_corpus(docs, n_jobs=2, chunksize=2)
    assert sorted(df["doc_id"]) == ["0", "2", "3"]
    (error,) = df.attrs["errors"]
    assert error["doc_id"] == "killer"
    assert error["error_type"] == "BrokenProcessPool"
    assert df.attrs["documents"] == 4


def test_progress_bar_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    timeline.extract_corpus(["In 2016."] * 3, progress=True)
    assert "3/3" in capsys.readouterr().err
    timeline.extract_corpus(["In 2016."] * 3, progress=False)
    timeline.extract_corpus(["In 2016."] * 3)  # auto: standard error is not a terminal here
    assert capsys.readouterr().err == ""


def test_iter_corpus_batches_add_up_to_extract_corpus() -> None:
    docs = _mixed_corpus()
    batches = list(timeline.iter_corpus(docs, batch_size=20, include="all"))
    assert [b.attrs["documents"] for b in batches] == [20] * (len(docs) // 20) + (
        [len(docs) % 20] if len(docs) % 20 else []
    )
    whole = timeline.extract_corpus(docs, include="all")
    assert [e for b in batches for e in b.attrs["errors"]] == whole.attrs["errors"]
    joined = sort_chronologically(concat_frames([_plain(b) for b in batches]))
    pd.testing.assert_frame_equal(joined, _plain(whole))


class _Counted:
    """A generator of small documents that counts how many have been taken."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.taken = 0

    def __iter__(self) -> Iterator[str]:
        for i in range(self.n):
            self.taken += 1
            yield f"Report {i}: the talks began on March {i % 28 + 1}, {2000 + i % 20}."


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_iter_corpus_reads_lazily(n_jobs: int) -> None:
    docs = _Counted(2000)
    batches = timeline.iter_corpus(iter(docs), batch_size=100, n_jobs=n_jobs)
    assert docs.taken == 0  # nothing read before the first batch is asked for
    first = next(batches)
    assert first.attrs["documents"] == 100
    assert docs.taken <= 100 + 6 * 32  # a batch, and at most a few chunks in flight
    batches.close()


def test_parquet_streams_and_round_trips(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pyarrow.parquet as pq

    docs = _Counted(2000)
    taken_at_write: list[int] = []
    write_table = pq.ParquetWriter.write_table

    def spy(self: pq.ParquetWriter, table: object, *args: object, **kwargs: object) -> None:
        taken_at_write.append(docs.taken)
        write_table(self, table, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetWriter, "write_table", spy)

    def documents() -> Iterator[object]:
        yield from docs
        yield None  # one bad document, at the very end

    path = tmp_path / "timeline.parquet"
    run = timeline.extract_corpus_to_parquet(documents(), path, batch_size=500)
    assert taken_at_write[0] < 2000  # the first batch was written before the end of the input
    assert run.batches == 5  # each written as it came, then copied into the file at the end
    assert len(taken_at_write) == 2 * 5
    assert run.documents == 2001
    assert run.errors["doc_id"].tolist() == ["2000"]
    assert timeline.corpus_errors(path)["doc_id"].tolist() == ["2000"]

    back = pd.read_parquet(path)
    assert run.rows == len(back) > 2000
    datetimes = {c: "datetime64[s]" for c, t in timeline.COLUMNS.items() if t.startswith("date")}
    back = sort_chronologically(back.astype(datetimes))
    assert str(back["sentence"].dtype) == "category"  # its categories come back as str
    back["sentence"] = categories_of(as_objects(back["sentence"]))
    expected = timeline.extract_corpus(_Counted(2000))
    pd.testing.assert_frame_equal(back, _plain(expected))


def test_parquet_of_nothing_has_the_columns(tmp_path: Path) -> None:
    run = timeline.extract_corpus_to_parquet([], tmp_path / "empty.parquet")
    back = pd.read_parquet(run.path)
    assert list(back.columns) == list(timeline.COLUMNS)
    assert (run.documents, run.rows, len(back)) == (0, 0, 0)


def test_string_dtype_and_int64_nulls_survive_parquet(tmp_path: Path) -> None:
    run = timeline.extract_corpus_to_parquet(
        ["Yesterday.", "Between 2000 and 2020."], tmp_path / "t.parquet", include="all"
    )
    back = pd.read_parquet(run.path)
    assert str(back["event_start"].dtype) == "Int64"
    assert str(back["text"].dtype) == str(timeline.empty_frame()["text"].dtype)
    assert back["start"].isna().any()
    assert pd.api.types.is_datetime64_dtype(back["start"].dtype)
