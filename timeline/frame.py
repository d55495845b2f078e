"""Stage 4, frame: turn dated events into the timeline DataFrame, with the fixed columns and
dtypes of :data:`timeline.schema.COLUMNS`.

Each column is built once, as a whole (a numpy ``datetime64[s]`` or ``int64`` array, a pandas
``"string"`` or ``"Int64"`` array), so one frame for many documents costs about as much as the
rows it holds: :func:`documents_frame` builds the frame of a whole corpus (or a batch of it) in
one go, :func:`timeline_frame` that of one document.

>>> timeline_frame([]).dtypes["start"]
dtype('<M8[s]')
>>> list(timeline_frame([]).columns) == list(COLUMNS)
True
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from timeline.article import Article, published_instant
from timeline.records import DatedEvent
from timeline.schema import COLUMNS

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = [
    "COLUMNS",
    "categories_of",
    "concat_frames",
    "documents_frame",
    "empty_frame",
    "sort_chronologically",
    "timeline_frame",
    "without_surrogates",
]

_LAST = 2**63 - 1  # np.iinfo(np.int64).max: NaT sorts last


def empty_frame() -> pd.DataFrame:
    """A timeline frame with no rows and all the columns."""
    return documents_frame([])


def timeline_frame(
    events: Iterable[DatedEvent],
    *,
    doc_id: str | None = None,
    title: str | None = None,
    published: dt.date | None = None,
) -> pd.DataFrame:
    """The timeline of one document, sorted by start, then end, then offset (undated rows last)."""
    article = Article(text="", published=published, title=title, doc_id=doc_id)
    return documents_frame([(article, list(events))])


def documents_frame(documents: Iterable[tuple[Article, Sequence[DatedEvent]]]) -> pd.DataFrame:
    """One timeline frame for many documents: each document's article and its dated events.

    ``doc_id``, ``title`` and ``published`` come from the article. Rows are sorted by ``start``,
    then ``end`` (undated rows last), then the document's position in ``documents``, then
    ``char_start``; the index is a fresh ``RangeIndex``.

    >>> import timeline
    >>> docs = [timeline.read(t, published="2022-01-10", doc_id=i)
    ...         for i, t in [("a", "In 2016 and 2011."), ("b", "In 2011.")]]
    >>> df = documents_frame([(a, timeline.dated_events(a)) for a in docs])
    >>> df[["doc_id", "text"]].values.tolist()
    [['a', '2011'], ['b', '2011'], ['a', '2016']]
    """
    import numpy as np

    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    positions: list[int] = []
    doc_id, text, char_start, char_end = (
        columns["doc_id"],
        columns["text"],
        columns["char_start"],
        columns["char_end"],
    )
    type_, value, mod, start, end = (
        columns["type"],
        columns["value"],
        columns["mod"],
        columns["start"],
        columns["end"],
    )
    granularity, sentence, event, event_start, event_end = (
        columns["granularity"],
        columns["sentence"],
        columns["event"],
        columns["event_start"],
        columns["event_end"],
    )
    title, published, dated_by = columns["title"], columns["published"], columns["dated_by"]
    for position, (article, events) in enumerate(documents):
        when = published_instant(article.published)
        for e in events:
            t = e.timex
            positions.append(position)
            doc_id.append(article.doc_id)
            text.append(t.text)
            char_start.append(t.char_start)
            char_end.append(t.char_end)
            type_.append(t.type)
            value.append(t.value)
            mod.append(t.mod)
            start.append(t.start)
            end.append(t.end)
            granularity.append(t.granularity)
            sentence.append(e.sentence)
            event.append(e.event or None)
            event_start.append(e.event_start)
            event_end.append(e.event_end)
            title.append(article.title)
            published.append(when)
            dated_by.append(e.dated_by)
    return _assemble(columns, np.asarray(positions, dtype=np.int64))


def _assemble(columns: dict[str, list[Any]], positions: np.ndarray) -> pd.DataFrame:
    """The frame of column lists, each converted once to its dtype, rows in timeline order."""
    import numpy as np
    import pandas as pd

    from timeline.accessor import register

    register()  # df.timeline, if pandas' import was not hooked (a no-op when it was)

    starts = np.array(columns["start"], dtype="datetime64[s]")
    ends = np.array(columns["end"], dtype="datetime64[s]")
    offsets = np.array(columns["char_start"], dtype=np.int64)
    order = _timeline_order(starts, ends, positions, offsets)
    # dtype objects made here, not looked up by name for each column (and follow pandas' options)
    dtypes = {"string": pd.StringDtype(), "Int64": pd.Int64Dtype()}
    data: dict[str, Any] = {}
    for name, dtype in COLUMNS.items():
        if name == "start":
            data[name] = starts[order]
        elif name == "end":
            data[name] = ends[order]
        elif name == "char_start":
            data[name] = offsets[order]
        elif dtype == "datetime64[s]":
            data[name] = np.array(columns[name], dtype="datetime64[s]")[order]
        elif dtype == "int64":
            data[name] = np.array(columns[name], dtype=np.int64)[order]
        else:  # "string", "Int64", "category": through an object array (None is missing)
            values = np.empty(len(order), dtype=object)
            values[:] = columns[name]
            data[name] = _array(values[order], dtypes.get(dtype, dtype))
    return pd.DataFrame(data, copy=False)


def _array(values: np.ndarray, dtype: Any) -> Any:
    """The column of an object array; strings holding lone surrogates (a file name that is not
    UTF-8, an id from a DataFrame), which Arrow strings cannot store, get U+FFFD instead."""
    import numpy as np

    try:
        return _converted(values, dtype)
    except UnicodeEncodeError:
        fixed = np.empty(len(values), dtype=object)
        fixed[:] = [without_surrogates(v) if isinstance(v, str) else v for v in values]
        return _converted(fixed, dtype)


def _converted(values: np.ndarray, dtype: Any) -> Any:
    import pandas as pd

    if dtype == "category":
        return categories_of(values)
    return pd.array(values, dtype=dtype)


def categories_of(values: np.ndarray | Sequence[str | None]) -> pd.Categorical:
    """A categorical of strings with sorted ``"string"`` categories, so that the same values
    give the same dtype however the rows were put together (one frame, or chunks joined).

    The values are factorised as Python objects: the text of a sentence that many rows share
    is hashed once, where ``pd.Categorical(values)`` would first make an Arrow string of each.

    >>> categories_of(["b", None, "a", "b"])
    ['b', <NA>, 'a', 'b']
    Categories (2, string): ['a', 'b']
    """
    import numpy as np
    import pandas as pd

    if not isinstance(values, np.ndarray):
        array = np.empty(len(values), dtype=object)
        array[:] = list(values)
        values = array
    codes, uniques = pd.factorize(values, sort=True)
    return pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype="string"))


def concat_frames(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Timeline frames one after the other (index reset), ``sentence`` still a category.

    ``pd.concat`` keeps a categorical column only when every frame has the same categories,
    and otherwise gives the categories' own dtype; here the categories are unioned (sorted),
    so that the result has the dtypes of :data:`COLUMNS`.

    >>> import timeline
    >>> a, b = timeline.extract("In 2016."), timeline.extract("In 2011.")
    >>> concat_frames([a, b])["sentence"].cat.categories.tolist()
    ['In 2011.', 'In 2016.']
    """
    import pandas as pd
    from pandas.api.types import union_categoricals

    frames = list(frames)
    if len(frames) < 2 or not all(
        isinstance(f["sentence"].dtype, pd.CategoricalDtype) for f in frames
    ):
        return pd.concat(frames, ignore_index=True)
    sentences = union_categoricals([f["sentence"] for f in frames], sort_categories=True)
    joined = pd.concat([f.drop(columns="sentence") for f in frames], ignore_index=True)
    joined.insert(frames[0].columns.get_loc("sentence"), "sentence", sentences)
    return joined


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (a code point UTF-8 cannot encode) replaced by U+FFFD,
    so that its length, and every offset into it, stay the same.

    >>> without_surrogates("caf\\udce9 2016") == "caf\\ufffd 2016"
    True
    """
    return _SURROGATE.sub("\ufffd", text)


def _timeline_order(
    starts: np.ndarray, ends: np.ndarray, positions: np.ndarray, offsets: np.ndarray
) -> np.ndarray:
    """Row order by start, end (NaT last), then document position, then offset (stable)."""
    import numpy as np

    return np.lexsort((offsets, positions, _nat_last(ends), _nat_last(starts)))


def _nat_last(values: np.ndarray) -> np.ndarray:
    import numpy as np

    keys = values.astype("datetime64[s]").view(np.int64).copy()
    keys[np.isnat(values)] = _LAST
    return keys


def sort_chronologically(frame: pd.DataFrame) -> pd.DataFrame:
    """A timeline frame in timeline order: ``start``, then ``end`` (NaT last), then row order.

    A stable sort: rows of equal ``start`` and ``end`` keep their order, so frames already
    sorted document by document and concatenated in document order come out as
    :func:`documents_frame` sorts them. The index is reset.

    >>> import pandas as pd, timeline
    >>> a = timeline.extract("In 2016.", doc_id="a")
    >>> b = timeline.extract("In 2011 and 2016.", doc_id="b")
    >>> sort_chronologically(pd.concat([a, b]))[["doc_id", "text"]].values.tolist()
    [['b', '2011'], ['a', '2016'], ['b', '2016']]
    """
    import numpy as np
    import pandas as pd

    starts = frame["start"].to_numpy(dtype="datetime64[s]")
    ends = frame["end"].to_numpy(dtype="datetime64[s]")
    order = np.lexsort((_nat_last(ends), _nat_last(starts)))
    result = frame.take(order)
    result.index = pd.RangeIndex(len(result))
    return result
