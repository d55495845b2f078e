"""Evaluation: the gold corpora read, the TempEval-3 timex scores, the event-attachment measure,
the baselines and the command line (``python -m timeline.evaluate``).

One module an idea:

- :mod:`~timeline.evaluation.gold`: gold documents (:class:`TimeMLDocument`), read by
  :mod:`~timeline.evaluation.read_timeml` and :mod:`~timeline.evaluation.read_meantime`;
  :func:`read_corpus` reads folders of either;
- :mod:`~timeline.evaluation.timex_scores`: TempEval-3 Task A, as the official toolkit scores
  it, and the error tallies;
- :mod:`~timeline.evaluation.event_scores`: how well our event phrases cover the gold events
  linked to a date, and how the chunker tags gold event words;
- :mod:`~timeline.evaluation.merge_scores`: how well a merged corpus timeline joins the mentions
  of one happening, on MEANTIME's cross-document annotation
  (:mod:`~timeline.evaluation.read_crossdoc`);
- :mod:`~timeline.evaluation.baselines`: dateparser as a timex tagger, the nearest verb as an
  event attacher;
- :mod:`~timeline.evaluation.systems`: the systems scored, by name;
- :mod:`~timeline.evaluation.cli`: the command line.

The library never imports this package (``tests/test_imports.py`` checks it): evaluation
reads the library, not the other way round.
"""

from timeline.evaluation.baselines import (
    dateparser_timexes,
    find_spans,
    nearest_verb_events,
    parse_dct,
)
from timeline.evaluation.cli import main
from timeline.evaluation.event_scores import (
    MAX_EVENT_WORDS,
    EventAttacher,
    EventPair,
    EventReport,
    TagAgreement,
    evaluate_events,
    event_attachers,
    event_timex_pairs,
    score_events,
    tag_agreement,
)
from timeline.evaluation.gold import (
    EntityKind,
    GoldEvent,
    GoldTimex,
    GoldTLink,
    TimeMLDocument,
    read_corpus,
)
from timeline.evaluation.merge_scores import MergeReport, score_merge
from timeline.evaluation.read_crossdoc import CrossDocTopic, EventInstance, read_crossdoc
from timeline.evaluation.systems import get_system
from timeline.evaluation.timex_scores import (
    CONTEXT_CHARS,
    Counts,
    ErrorKind,
    Report,
    System,
    TimexError,
    error_classes,
    evaluate,
    metrics_table,
    score_document,
    tally_errors,
    value_pattern,
)

__all__ = [
    "CONTEXT_CHARS",
    "MAX_EVENT_WORDS",
    "Counts",
    "CrossDocTopic",
    "EntityKind",
    "ErrorKind",
    "EventAttacher",
    "EventInstance",
    "EventPair",
    "EventReport",
    "GoldEvent",
    "GoldTLink",
    "GoldTimex",
    "MergeReport",
    "Report",
    "System",
    "TagAgreement",
    "TimeMLDocument",
    "TimexError",
    "dateparser_timexes",
    "error_classes",
    "evaluate",
    "evaluate_events",
    "event_attachers",
    "event_timex_pairs",
    "find_spans",
    "get_system",
    "main",
    "metrics_table",
    "nearest_verb_events",
    "parse_dct",
    "read_corpus",
    "read_crossdoc",
    "score_document",
    "score_events",
    "score_merge",
    "tag_agreement",
    "tally_errors",
    "value_pattern",
]
