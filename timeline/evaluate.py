"""``python -m timeline.evaluate``: the command line of :mod:`timeline.evaluation`.

Its names (``evaluate``, ``score_document``, ``Report``, ``evaluate_events``, ...) are
:mod:`timeline.evaluation`'s, importable from here as before; see :mod:`timeline.evaluation.cli`
for the command.
"""

import sys

from timeline.evaluation import (
    CONTEXT_CHARS,
    MAX_EVENT_WORDS,
    Counts,
    ErrorKind,
    EventAttacher,
    EventPair,
    EventReport,
    Report,
    System,
    TagAgreement,
    TimexError,
    error_classes,
    evaluate,
    evaluate_events,
    event_attachers,
    event_timex_pairs,
    get_system,
    main,
    metrics_table,
    nearest_verb_events,
    score_document,
    score_events,
    tag_agreement,
    tally_errors,
    value_pattern,
)

__all__ = [
    "CONTEXT_CHARS",
    "MAX_EVENT_WORDS",
    "Counts",
    "ErrorKind",
    "EventAttacher",
    "EventPair",
    "EventReport",
    "Report",
    "System",
    "TagAgreement",
    "TimexError",
    "error_classes",
    "evaluate",
    "evaluate_events",
    "event_attachers",
    "event_timex_pairs",
    "get_system",
    "main",
    "metrics_table",
    "nearest_verb_events",
    "score_document",
    "score_events",
    "tag_agreement",
    "tally_errors",
    "value_pattern",
]

if __name__ == "__main__":
    sys.exit(main())
