"""Corpus runs: the timelines of many documents at once, in parallel, streamed, or on Dask.

:func:`extract_corpus` takes a pandas DataFrame (a column of texts, and columns of dates, ids
and titles when it has them, named by ``columns=``: a :class:`Columns` or a mapping), a
``Series``, a mapping ``{id: document}``, or any iterable of texts, :class:`~timeline.Article`
objects or ``pathlib.Path`` files, and returns **one** timeline frame: the columns of
:data:`timeline.COLUMNS`, rows sorted chronologically across documents. ``published=`` is a
date, as in :func:`timeline.extract`: every document's, overriding its own.
:func:`iter_corpus` yields the same frame batch by batch, and :func:`extract_corpus_to_parquet`
writes the batches to a Parquet file as they come, so that memory stays flat over an iterator
of a million documents. A Dask DataFrame gives a Dask DataFrame, computed on any cluster.

>>> import pandas as pd
>>> news = pd.DataFrame({
...     "uid": ["kz", "us"],
...     "body": ["On Thursday, he hinted at Russia.", "Talks are scheduled for January 10."],
...     "published": ["2022-01-10", "2022-01-06"],
... })
>>> df = extract_corpus(news, columns={"text": "body", "id": "uid"})
>>> df[["doc_id", "text", "value"]].values.tolist()
[['kz', 'Thursday', '2022-01-06'], ['us', 'January 10', '2022-01-10']]
>>> df = extract_corpus(news, columns=Columns(text="body", id="uid"), published="2022-01-17")
>>> df[["doc_id", "text", "value"]].values.tolist()
[['us', 'January 10', '2022-01-10'], ['kz', 'Thursday', '2022-01-13']]

**Processes.** With ``n_jobs > 1`` documents go to worker processes in chunks, and the result
is the same as with ``n_jobs=1``. Workers start the way ``multiprocessing`` starts them on the
platform (a process that has threads, such as a notebook's, is not forked); where that is
``spawn`` or ``forkserver`` (Windows, macOS, Python 3.14), a script must call the run under
``if __name__ == "__main__":``. A worker that dies (a crash, the out-of-memory killer) is
replaced, and the document it died on is recorded as a ``BrokenProcessPool`` error.

**Every document is accounted for.** A document that fails (text that is missing or not a
``str``, a ``published`` that is not a date, a file that cannot be read, a bug) does not stop
the run: with ``errors="record"`` (the default) it is recorded and the others go on; with
``errors="raise"`` its exception is raised, with a note naming the document. The frame's
``attrs`` say what happened:

* ``df.attrs["documents"]``: how many documents were read (those that failed included);
* ``df.attrs["errors"]``: one ``{"doc_id", "error_type", "message"}`` dict per failed document,
  and :func:`corpus_errors` gives them as a DataFrame.

A document without dated expressions (the empty string among them) gives no rows and no error.
A document that would cost too much fails alone too: one longer than ``max_chars`` (default a
million characters) or slower than ``time_limit`` seconds (default none) is recorded as a
:class:`DocumentTooLarge` or :class:`DocumentTimeout` (:mod:`~timeline.corpus.limits`).

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
failed document as a row of ``type == "ERROR"`` (see :mod:`timeline.corpus.dask_frames`).

The modules: :mod:`~timeline.corpus.sources` (documents of each kind of input),
:mod:`~timeline.corpus.columns` and :mod:`~timeline.corpus.arguments` (``columns=``,
``published=`` and the deprecated keywords), :mod:`~timeline.corpus.worker` (a chunk of
documents extracted), :mod:`~timeline.corpus.pool` (the process pool),
:mod:`~timeline.corpus.batches` (chunks into batch frames), :mod:`~timeline.corpus.limits`,
:mod:`~timeline.corpus.progress`,
:mod:`~timeline.corpus.options`, :mod:`~timeline.corpus.errors`,
:mod:`~timeline.corpus.parquet`, :mod:`~timeline.corpus.dask_frames` and
:mod:`~timeline.corpus.extract` (the public functions).
"""

from timeline.corpus.checkpoints import RunInProgress
from timeline.corpus.columns import Columns
from timeline.corpus.errors import ERROR_COLUMNS, ERROR_TYPE, corpus_errors
from timeline.corpus.extract import extract_corpus, iter_corpus
from timeline.corpus.limits import DEFAULT_MAX_CHARS, DocumentTimeout, DocumentTooLarge
from timeline.corpus.parquet import ParquetRun, extract_corpus_to_parquet

__all__ = [
    "DEFAULT_MAX_CHARS",
    "ERROR_COLUMNS",
    "ERROR_TYPE",
    "Columns",
    "DocumentTimeout",
    "DocumentTooLarge",
    "ParquetRun",
    "RunInProgress",
    "corpus_errors",
    "extract_corpus",
    "extract_corpus_to_parquet",
    "iter_corpus",
]
