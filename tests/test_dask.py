"""extract_corpus on a Dask DataFrame, computed on a dask.distributed cluster of processes.

The cluster's workers are separate processes that import timeline themselves, as on a real
cluster; the result must hold the same rows as the pandas path, and a document without text
must be reported (a ``type == "ERROR"`` row), not stop the run.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pandas as pd
import pytest
from frames import as_objects
from paths import DATA

import timeline
from timeline.corpus import ERROR_TYPE
from timeline.frame import categories_of

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

TEXTS = [
    line.split("\t", 1)[0]
    for line in (DATA / "cases_en.tsv").read_text(encoding="utf-8").splitlines()[5:]
    if line.strip() and not line.startswith("#")
][:24]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def news() -> pd.DataFrame:
    texts: list[str | None] = list(TEXTS)
    texts[5] = None  # no text: reported, not fatal
    n = len(texts)
    return pd.DataFrame(
        {
            "id": [f"doc{i}" for i in range(n)],
            "text": texts,
            "published": pd.to_datetime(pd.Index(["2022-01-10", "2021-06-30", None] * (n // 3))),
            "title": [f"Title {i}" for i in range(n)],
        }
    )


def _rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows in one order, the categories of ``sentence`` those of these rows (a computed
    Dask result has the union of its partitions', in the order Dask joined them)."""
    frame = frame.sort_values(["doc_id", "char_start", "type"]).reset_index(drop=True)
    frame["sentence"] = categories_of(as_objects(frame["sentence"]))
    frame.attrs = {}
    return frame


def _dtypes(frame: pd.DataFrame) -> dict[str, str]:
    return {str(name): str(dtype) for name, dtype in frame.dtypes.items()}


def test_dask_gives_the_rows_of_pandas(client: object, news: pd.DataFrame) -> None:
    ddf = dd.from_pandas(news, npartitions=2)
    lazy = timeline.extract_corpus(ddf, include="all")
    assert list(lazy.columns) == list(timeline.COLUMNS)
    assert _dtypes(lazy) == _dtypes(timeline.empty_frame())

    result = lazy.compute()  # on the cluster: the default scheduler once a Client exists
    expected = timeline.extract_corpus(news, include="all")

    timeline_rows = result[result["type"] != ERROR_TYPE]
    pd.testing.assert_frame_equal(_rows(timeline_rows), _rows(expected))
    # every row's document, and the failed one, is accounted for
    errors = timeline.corpus_errors(result)
    assert errors.values.tolist() == [["doc5", "ValueError", "no text"]]
    assert errors.values.tolist() == timeline.corpus_errors(expected).values.tolist()
    assert expected.attrs["documents"] == len(news)


def test_dask_errors_lazily_and_partition_order(client: object, news: pd.DataFrame) -> None:
    ddf = dd.from_pandas(news, npartitions=2)
    lazy = timeline.extract_corpus(ddf)
    errors = timeline.corpus_errors(lazy)  # a Dask DataFrame, computed with the rest
    assert errors.compute()["doc_id"].tolist() == ["doc5"]
    for part in lazy.to_delayed():  # each partition is in timeline order
        frame = part.compute()
        dated = frame[frame["type"] != ERROR_TYPE]
        starts = dated["start"].dropna()
        assert starts.is_monotonic_increasing


def test_dask_takes_columns_and_one_date(client: object, news: pd.DataFrame) -> None:
    renamed = news.rename(columns={"text": "body", "id": "uid"})
    columns = {"text": "body", "id": "uid"}
    ddf = dd.from_pandas(renamed, npartitions=2)
    lazy = timeline.extract_corpus(ddf, columns=columns, published="2022-01-17", include="all")
    result = lazy.compute()
    expected = timeline.extract_corpus(
        renamed, columns=columns, published="2022-01-17", include="all"
    )
    pd.testing.assert_frame_equal(_rows(result[result["type"] != ERROR_TYPE]), _rows(expected))
    assert (result["published"] == pd.Timestamp("2022-01-17")).all()  # the error row's too
    with pytest.warns(DeprecationWarning, match=r"columns=\{'text': 'body'\}"):
        timeline.extract_corpus(ddf, text="body")


def test_dask_errors_raise(client: object, news: pd.DataFrame) -> None:
    ddf = dd.from_pandas(news, npartitions=2)
    with pytest.raises(ValueError, match="no text"):
        timeline.extract_corpus(ddf, errors="raise").compute()


def test_dask_arguments_are_checked_early(news: pd.DataFrame) -> None:
    ddf = dd.from_pandas(news, npartitions=2)
    with pytest.raises(ValueError, match="n_jobs"):
        timeline.extract_corpus(ddf, n_jobs=2)
    with pytest.raises(ValueError, match="text='body' is not a column"):
        timeline.extract_corpus(ddf, columns={"text": "body"})
    with pytest.raises(TypeError, match="iter_corpus"):
        timeline.iter_corpus(ddf)


def test_importing_timeline_does_not_import_dask_or_tqdm() -> None:
    code = "import sys, timeline; print(sorted({'dask', 'distributed', 'tqdm'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ----------------------------------------------- Dask's string conversion (issue 17, row 3)


@pytest.fixture(scope="module")
def mixed() -> pd.DataFrame:
    """Texts of every type an ``object`` column may hold, which ``dd.from_pandas`` (with its
    default ``dataframe.convert-string``) would turn into Arrow strings."""
    texts = ["In 2016.", 2016, 3.5, True, "Talks in 2011 \ud800 ended.", None, float("nan")]
    texts += ["On Thursday, he spoke."]
    n = len(texts)
    return pd.DataFrame(
        {
            "id": pd.Series([f"d{i}" for i in range(n - 1)] + ["d\udc80"], dtype=object),
            "text": pd.Series(texts, dtype=object),
            "published": ["2022-01-10"] * n,
            "title": pd.Series([2016, "T\ud800"] + [None] * (n - 2), dtype=object),
        }
    )


def _errors(frame: pd.DataFrame) -> list[list[str]]:
    return sorted(timeline.corpus_errors(frame).values.tolist())


@pytest.mark.parametrize("npartitions", [1, 3])
def test_dask_gives_the_rows_and_errors_of_pandas_whatever_the_dtypes(
    client: object, mixed: pd.DataFrame, npartitions: int
) -> None:
    expected = timeline.extract_corpus(mixed, include="all")
    with dask.config.set({"dataframe.convert-string": True}):
        ddf = dd.from_pandas(mixed, npartitions=npartitions)
    assert str(ddf.dtypes["text"]) != "object"  # Dask would convert the texts to strings
    result = timeline.extract_corpus(ddf, include="all").compute()
    pd.testing.assert_frame_equal(_rows(result[result["type"] != ERROR_TYPE]), _rows(expected))
    assert _errors(result) == _errors(expected)
    assert [e[:2] for e in _errors(expected)] == [
        ["d1", "TypeError"],  # the int 2016: not the text "2016" and its invented row
        ["d2", "TypeError"],  # 3.5
        ["d3", "TypeError"],  # True
        ["d5", "ValueError"],  # None: no text
        ["d6", "ValueError"],  # NaN: no text
    ]
    # the lone surrogates: repaired in the text, replaced by U+FFFD in the id and the title
    assert expected["doc_id"].tolist() == ["d4", "d0", "d\ufffd"]
    assert expected[expected["doc_id"] == "d4"]["sentence"].tolist() == [
        "Talks in 2011 \ufffd ended."
    ]
    assert expected["title"].tolist() == [pd.NA, "2016", pd.NA]


def test_dask_conversion_is_undone_only_for_the_run(mixed: pd.DataFrame) -> None:
    ddf = dd.from_pandas(mixed, npartitions=2)
    lazy = timeline.extract_corpus(ddf)
    assert str(ddf.dtypes["text"]) != "object"  # the user's collection is as it was
    assert _dtypes(lazy) == _dtypes(timeline.empty_frame())


# ------------------------------------------------- one huge document (issue 17, row 4)


def test_a_huge_document_fails_alone_on_a_worker_of_one_gib() -> None:
    """3 MB of "2016 " (600,000 dates) killed a worker of 1 GiB, and every document's result
    was lost (KilledWorker); it is now refused by the size limit, recorded, and the others
    come back. A slow document is stopped on a worker's thread by the time limit."""
    texts = ["2016 " * 600_000, *TEXTS[:6], "2016 " * 60_000]
    frame = pd.DataFrame({"id": [f"d{i}" for i in range(len(texts))], "text": texts})
    expected = timeline.extract_corpus(frame.iloc[1:-1], published="2022-01-10")
    with (
        distributed.LocalCluster(
            n_workers=1,
            processes=True,
            threads_per_worker=2,
            memory_limit="1GiB",
            dashboard_address=":0",  # the module's cluster may hold the default port
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        ddf = dd.from_pandas(frame, npartitions=2)
        lazy = timeline.extract_corpus(ddf, published="2022-01-10", time_limit=0.5)
        result = client.compute(lazy).result()
    errors = timeline.corpus_errors(result)
    assert errors[["doc_id", "error_type"]].values.tolist() == [
        ["d0", "DocumentTooLarge"],
        ["d7", "DocumentTimeout"],
    ]
    assert errors["message"][0].startswith("the text has 3,000,000 characters, more than")
    rows = result[result["type"] != ERROR_TYPE]
    pd.testing.assert_frame_equal(_rows(rows), _rows(expected))
