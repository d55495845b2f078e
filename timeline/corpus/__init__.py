"""Corpus runs: the timelines of many documents at once, in parallel, streamed, or on Dask.

:func:`extract_corpus` takes a pandas DataFrame (a text column, optional ``published``, ``id``
and ``title`` columns), a ``Series``, a mapping ``{id: document}``, or any iterable of texts,
:class:`~timeline.Article` objects or ``pathlib.Path`` files, and returns **one** timeline
frame: the columns of :data:`timeline.COLUMNS`, rows sorted chronologically across documents.
:func:`iter_corpus` yields the same frame batch by batch, and :func:`extract_corpus_to_parquet`
writes the batches to a Parquet file as they come, so that memory stays flat over an iterator
of a million documents. A Dask DataFrame gives a Dask DataFrame, computed on any cluster.

>>> import pandas as pd
>>> news = pd.DataFrame({
...     "id": ["kz", "us"],
...     "text": ["On Thursday, he hinted at Russia.", "Talks are scheduled for January 10."],
...     "published": ["2022-01-10", "2022-01-06"],
... })
>>> df = extract_corpus(news)
>>> df[["doc_id", "text", "value"]].values.tolist()
[['kz', 'Thursday', '2022-01-06'], ['us', 'January 10', '2022-01-10']]

**Every document is accounted for.** A document that fails (text that is missing or not a
``str``, a ``published`` that is not a date, a file that cannot be read, a bug) does not stop
the run: with ``errors="record"`` (the default) it is recorded and the others go on; with
``errors="raise"`` its exception is raised, with a note naming the document. The frame's
``attrs`` say what happened:

* ``df.attrs["documents"]``: how many documents were read (those that failed included);
* ``df.attrs["errors"]``: one ``{"doc_id", "error_type", "message"}`` dict per failed document,
  and :func:`corpus_errors` gives them as a DataFrame.

A document without dated expressions (the empty string among them) gives no rows and no error.

>>> df = extract_corpus(["In 2016.", None, ""])
>>> df["doc_id"].tolist(), df.attrs["documents"]
(['0'], 3)
>>> df.attrs["errors"]
[{'doc_id': '1', 'error_type': 'ValueError', 'message': 'no text'}]

The errors are a list of dicts, not a DataFrame, on purpose: pandas compares the ``attrs`` of
frames in ``pd.concat`` and writes them as JSON in ``to_parquet``, and a DataFrame inside
``attrs`` breaks both. ``attrs`` follow pandas' rules: filtering, sorting and copying keep them,
``pd.concat`` keeps them only when all inputs have equal ``attrs``, ``merge`` and ``groupby``
drop them; read them right after the run (or keep ``corpus_errors(df)``). A Parquet run keeps
its report in the file's metadata; a lazy Dask result, which has no ``attrs`` to fill, gives a
failed document as a row of ``type == "ERROR"`` (see :func:`extract_corpus`).
"""

from timeline.corpus.columns import Columns
from timeline.corpus.errors import ERROR_COLUMNS, ERROR_TYPE, corpus_errors
from timeline.corpus.extract import extract_corpus, iter_corpus
from timeline.corpus.parquet import ParquetRun, extract_corpus_to_parquet

__all__ = [
    "ERROR_COLUMNS",
    "ERROR_TYPE",
    "Columns",
    "ParquetRun",
    "corpus_errors",
    "extract_corpus",
    "extract_corpus_to_parquet",
    "iter_corpus",
]
