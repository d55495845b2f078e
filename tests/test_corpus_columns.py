"""``columns=`` and ``published=`` of the corpus functions, and the keywords they replace.

``columns=`` (a :class:`timeline.Columns` or a mapping) names a DataFrame's columns;
``published=`` is a date, as in :func:`timeline.extract`, and like there it overrides every
document's own. The old column keywords keep working with a ``DeprecationWarning``.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from paths import ARTICLE

import timeline
from timeline.frame import concat_frames, sort_chronologically

DATE = "2022-01-17"  # a Monday: "Thursday" is 2022-01-13, "January 10" is 2022-01-10


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame.attrs = {}
    return frame


@pytest.fixture
def renamed() -> pd.DataFrame:
    """A frame whose columns have other names than the defaults."""
    return pd.DataFrame(
        {
            "body": ["On Thursday, he spoke.", "Talks are set for January 10.", "On Monday."],
            "date": ["2022-01-10", None, "2021-06-30"],
            "uid": ["a", "b", "c"],
            "headline": ["First", None, "Third"],
        }
    )


def _renamed_default_names(frame: pd.DataFrame) -> pd.DataFrame:
    names = {"body": "text", "date": "published", "uid": "id", "headline": "title"}
    return frame.rename(columns=names)


NEW_COLUMNS: list[Any] = [
    timeline.Columns(text="body", published="date", id="uid", title="headline"),
    {"text": "body", "published": "date", "id": "uid", "title": "headline"},
]


@pytest.mark.parametrize("columns", NEW_COLUMNS, ids=["class", "mapping"])
def test_columns_as_class_or_mapping(renamed: pd.DataFrame, columns: Any) -> None:
    df = timeline.extract_corpus(renamed, columns=columns, include="all")
    expected = timeline.extract_corpus(_renamed_default_names(renamed), include="all")
    pd.testing.assert_frame_equal(df, expected)
    assert set(df["title"].dropna()) == {"First", "Third"}
    assert df[df["doc_id"] == "a"]["value"].tolist() == ["2022-01-06"]


def test_a_mapping_may_give_some_keys_only() -> None:
    frame = pd.DataFrame({"body": ["In 2016."], "id": ["x"]})
    df = timeline.extract_corpus(frame, columns={"text": "body"})
    assert df["doc_id"].tolist() == ["x"]
    assert timeline.Columns() == timeline.Columns("text", "published", "id", "title")


@pytest.mark.parametrize(
    ("columns", "error", "match"),
    [
        ({"body": "text"}, ValueError, "columns has no key 'body': its keys are 'text', "),
        ({"text": "body", "date": "published"}, ValueError, "no key 'date'"),
        ({"text": None}, TypeError, r"text must be a column name \(str\), not NoneType"),
        ({"published": 1}, TypeError, r"published must be a column name \(str\) or None"),
        (["text"], TypeError, "columns must be a timeline.Columns or a mapping"),
        ("body", TypeError, "columns must be a timeline.Columns or a mapping"),
    ],
)
def test_bad_columns_are_named(columns: Any, error: type[Exception], match: str) -> None:
    frame = pd.DataFrame({"text": ["In 2016."], "body": ["In 2017."]})
    with pytest.raises(error, match=match):
        timeline.extract_corpus(frame, columns=columns)


@pytest.mark.parametrize(
    ("labels", "columns", "match"),
    [
        (["text", "text"], None, "2 columns named 'text', the text column"),
        (["body", "id", "body"], {"text": "body"}, "2 columns named 'body', the text column"),
        (["text", "id", "id"], None, "2 columns named 'id', the id column"),
        (["text", "date", "date", "date"], {"published": "date"}, "3 columns named 'date'"),
    ],
)
def test_duplicate_column_labels_are_refused(
    labels: list[str], columns: Any, match: str, tmp_path: Path
) -> None:
    """Issue 17, row 13: two columns of one name were an AttributeError ('tolist')."""
    frame = pd.DataFrame([["In 2016."] * len(labels)], columns=labels)
    with pytest.raises(ValueError, match=match):
        timeline.extract_corpus(frame, columns=columns)
    with pytest.raises(ValueError, match=match):
        timeline.iter_corpus(frame, columns=columns)
    with pytest.raises(ValueError, match=match):
        timeline.extract_corpus_to_parquet(frame, tmp_path / "t.parquet", columns=columns)
    assert not (tmp_path / "t.parquet").exists()


def test_a_duplicate_label_of_a_column_not_read_is_harmless() -> None:
    frame = pd.DataFrame([["In 2016.", "x", "y"]], columns=["text", "note", "note"])
    assert timeline.extract_corpus(frame)["text"].tolist() == ["2016"]


def test_bad_columns_class_is_refused_when_made() -> None:
    with pytest.raises(TypeError, match="id must be a column name"):
        timeline.Columns(id=3)  # type: ignore[arg-type]  # not a name, on purpose


# --------------------------------------------------------------------------- one date for all


def _each_with_extract(docs: list[Any], published: object) -> pd.DataFrame:
    """What ``extract_corpus(docs, published=...)`` must give: extract() with that date."""
    frames = []
    for i, doc in enumerate(docs):
        doc_id = doc.doc_id if isinstance(doc, timeline.Article) and doc.doc_id else str(i)
        if isinstance(doc, Path):
            doc_id = doc.stem
        frames.append(timeline.extract(doc, published=published, doc_id=doc_id, include="all"))
    return sort_chronologically(concat_frames(frames))


def test_one_date_for_every_text() -> None:
    texts = ["On Thursday, he spoke.", "Talks are set for January 10.", "Nothing dated."]
    df = timeline.extract_corpus(texts, published=DATE, include="all")
    assert df["value"].tolist() == ["2022-01-10", "2022-01-13"]
    assert (df["published"] == pd.Timestamp(DATE)).all()
    pd.testing.assert_frame_equal(_plain(df), _each_with_extract(texts, DATE))


def test_the_date_overrides_articles_and_headers_as_extract_does() -> None:
    """As in ``extract(article, published=...)``: the explicit date wins over the document's."""
    own = timeline.Article(text="On Thursday, he spoke.", published=None, doc_id="own")
    dated = timeline.read("On Thursday, she spoke.", published="2021-06-30", doc_id="dated")
    docs: list[Any] = [own, dated, ARTICLE]
    df = timeline.extract_corpus(docs, published=DATE, include="all")
    assert (df["published"] == pd.Timestamp(DATE)).all()
    pd.testing.assert_frame_equal(_plain(df), _each_with_extract(docs, DATE))
    header = timeline.extract_corpus([ARTICLE])  # no date given: the header's
    assert (header["published"] == pd.Timestamp("2022-01-10")).all()


def test_the_date_overrides_the_published_column(renamed: pd.DataFrame) -> None:
    df = timeline.extract_corpus(renamed, columns=NEW_COLUMNS[1], published=DATE)
    assert (df["published"] == pd.Timestamp(DATE)).all()
    assert df[df["doc_id"] == "a"]["value"].tolist() == ["2022-01-13"]
    assert set(df["title"].dropna()) == {"First", "Third"}  # the other columns still read


@pytest.mark.parametrize(
    "published",
    [DATE, pd.Timestamp(DATE), pd.Timestamp(DATE).date(), "January 17, 2022"],
    ids=["iso", "timestamp", "date", "written"],
)
def test_the_date_in_any_form_extract_takes(published: object) -> None:
    df = timeline.extract_corpus(["On Thursday."], published=published)
    assert df["value"].tolist() == ["2022-01-13"]


@pytest.mark.parametrize("published", [None, "", pd.NaT])
def test_no_date_leaves_each_document_its_own(published: object) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        df = timeline.extract_corpus([ARTICLE, "On Thursday."], published=published)
    assert df[df["doc_id"] == ARTICLE.stem]["published"].eq(pd.Timestamp("2022-01-10")).all()
    assert df[df["doc_id"] == "1"].empty  # no date: "Thursday" is not placed


def test_a_string_that_is_not_a_column_is_a_date() -> None:
    frame = pd.DataFrame({"text": ["On Thursday."], "published": ["2021-06-30"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        df = timeline.extract_corpus(frame, published=DATE)
    assert df["value"].tolist() == ["2022-01-13"]


class _Untouched:
    """Documents that fail the test if read: a bad date must raise before any is."""

    def __iter__(self) -> Iterator[str]:
        raise AssertionError("documents read before the date was checked")


@pytest.mark.parametrize(
    ("published", "error"), [("2022-13-45", ValueError), ("10/01/2022", ValueError), (3, TypeError)]
)
def test_a_bad_date_raises_at_once(published: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="published"):
        timeline.extract_corpus(_Untouched(), published=published)
    with pytest.raises(error, match="published"):
        timeline.iter_corpus(_Untouched(), published=published)  # at the call, not at next()
    frame = pd.DataFrame({"text": ["In 2016."] * 3})
    with pytest.raises(error, match="published"):
        timeline.extract_corpus(frame, published=published)


def test_a_bad_date_writes_no_parquet_file(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    with pytest.raises(ValueError, match="published='2022-13-45' is not a date"):
        timeline.extract_corpus_to_parquet(_Untouched(), path, published="2022-13-45")
    assert not path.exists()


def test_iter_corpus_and_parquet_take_columns_and_the_date(
    renamed: pd.DataFrame, tmp_path: Path
) -> None:
    columns = NEW_COLUMNS[0]
    whole = timeline.extract_corpus(renamed, columns=columns, published=DATE)
    (batch,) = timeline.iter_corpus(renamed, columns=columns, published=DATE)
    pd.testing.assert_frame_equal(batch, whole)
    run = timeline.extract_corpus_to_parquet(
        renamed, tmp_path / "t.parquet", columns=columns, published=DATE
    )
    back = pd.read_parquet(run.path)
    assert back["value"].tolist() == whole["value"].tolist()
    assert (back["published"] == pd.Timestamp(DATE)).all()


# --------------------------------------------------------------------------- deprecated keywords


def _deprecated(match: str) -> Any:
    return pytest.warns(DeprecationWarning, match=match)


def test_old_text_keyword_warns_and_gives_the_same_rows() -> None:
    frame = pd.DataFrame({"body": ["In 2016.", "On Thursday."], "published": [None, DATE]})
    new = timeline.extract_corpus(frame, columns={"text": "body"})
    with _deprecated(r"extract_corpus\(text='body'\).*columns=\{'text': 'body'\}") as record:
        old = timeline.extract_corpus(frame, text="body")
    assert record[0].filename == __file__  # the warning points at the caller
    pd.testing.assert_frame_equal(old, new)


def test_old_id_keyword_warns_and_gives_the_same_rows(renamed: pd.DataFrame) -> None:
    new = timeline.extract_corpus(renamed, columns={"text": "body", "id": "uid"}, include="all")
    with _deprecated(r"columns=\{'text': 'body', 'id': 'uid'\}"):
        old = timeline.extract_corpus(renamed, text="body", id="uid", include="all")
    pd.testing.assert_frame_equal(old, new)
    assert sorted(set(old["doc_id"])) == ["a", "b", "c"]


def test_old_title_keyword_warns_and_gives_the_same_rows(renamed: pd.DataFrame) -> None:
    frame = renamed.rename(columns={"body": "text"})
    new = timeline.extract_corpus(frame, columns={"title": "headline"}, include="all")
    with _deprecated(r"iter_corpus\(title='headline'\)"):
        (old,) = timeline.iter_corpus(frame, title="headline", include="all")
    pd.testing.assert_frame_equal(old, new)
    assert set(old["title"].dropna()) == {"First", "Third"}


def test_old_published_column_name_warns_and_gives_the_same_rows(
    renamed: pd.DataFrame,
) -> None:
    frame = renamed.rename(columns={"body": "text"})
    new = timeline.extract_corpus(frame, columns={"published": "date"})
    with _deprecated(r"extract_corpus\(published='date'\).*columns=\{'published': 'date'\}"):
        old = timeline.extract_corpus(frame, published="date")
    pd.testing.assert_frame_equal(old, new)
    assert old[old["doc_id"] == "0"]["value"].tolist() == ["2022-01-06"]


def test_old_published_none_warns_and_leaves_the_column_unread() -> None:
    frame = pd.DataFrame({"text": ["On Thursday."], "published": [DATE]})
    new = timeline.extract_corpus(frame, columns={"published": None}, include="all")
    with _deprecated(r"columns=\{'published': None\}"):
        old = timeline.extract_corpus(frame, published=None, include="all")
    pd.testing.assert_frame_equal(old, new)
    assert old["published"].isna().all()


def test_old_keywords_of_parquet_warn(renamed: pd.DataFrame, tmp_path: Path) -> None:
    with _deprecated(r"extract_corpus_to_parquet\(text='body', published='date'\)"):
        run = timeline.extract_corpus_to_parquet(
            renamed, tmp_path / "t.parquet", text="body", published="date"
        )
    expected = timeline.extract_corpus(renamed, columns={"text": "body", "published": "date"})
    assert pd.read_parquet(run.path)["value"].tolist() == expected["value"].tolist()


def test_old_keywords_and_columns_do_not_mix(renamed: pd.DataFrame) -> None:
    with pytest.raises(TypeError, match="columns= only, not also as text="):
        timeline.extract_corpus(renamed, columns={"id": "uid"}, text="body")


def test_with_columns_a_published_column_name_is_refused(renamed: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match=r"published='date' names a column.*columns="):
        timeline.extract_corpus(renamed, columns={"text": "body"}, published="date")


def test_the_new_arguments_do_not_warn(renamed: pd.DataFrame) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        timeline.extract_corpus(renamed, columns=NEW_COLUMNS[0], published=DATE)
        timeline.extract_corpus(renamed, columns=NEW_COLUMNS[1], published=None)
        timeline.extract_corpus(["In 2016."], published=None)
        timeline.extract_corpus(pd.DataFrame({"text": ["In 2016."]}), published=None)
