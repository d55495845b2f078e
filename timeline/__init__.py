"""timeline: turn news text into event timelines.

Read an article, find every dated event in it, normalise each date against the publication
date, and get a pandas DataFrame sorted chronologically::

    >>> import timeline
    >>> df = timeline.extract("Talks are scheduled for January 10.", published="2022-01-06")
    >>> df[["text", "value", "start", "end", "event"]].to_dict("records")[0]["value"]
    '2022-01-10'

The pipeline, one module a stage: :mod:`timeline.detect` → :mod:`timeline.resolve` →
:mod:`timeline.events` → :mod:`timeline.frame`; :mod:`timeline.pipeline` runs them all.

``import timeline`` is light: pandas, numpy, dateparser, matplotlib, plotly, dask and pyarrow are
imported when a function first needs them, and the ``df.timeline`` accessor is registered as
soon as pandas is imported, by anyone (:mod:`timeline.accessor`).
"""

from timeline import accessor  # noqa: F401  (df.timeline: registered now or when pandas comes)
from timeline.article import Article, parse_published
from timeline.corpus import (
    Columns,
    DocumentTimeout,
    DocumentTooLarge,
    RunInProgress,
    corpus_errors,
    extract_corpus,
    extract_corpus_to_parquet,
    iter_corpus,
)
from timeline.decoding import NotTextError
from timeline.frame import empty_frame
from timeline.merge import merge
from timeline.pipeline import dated_events, extract, read, timexes
from timeline.plot import plot, plot_interactive
from timeline.records import DatedEvent, Mention, Timex
from timeline.schema import COLUMNS
from timeline.timeml import to_timeml

__all__ = [
    "COLUMNS",
    "Article",
    "Columns",
    "DatedEvent",
    "DocumentTimeout",
    "DocumentTooLarge",
    "Mention",
    "NotTextError",
    "RunInProgress",
    "Timex",
    "corpus_errors",
    "dated_events",
    "empty_frame",
    "extract",
    "extract_corpus",
    "extract_corpus_to_parquet",
    "iter_corpus",
    "merge",
    "parse_published",
    "plot",
    "plot_interactive",
    "read",
    "timexes",
    "to_timeml",
]

__version__ = "0.1.0"
