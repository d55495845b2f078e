"""The dateparser baseline, now in :mod:`timeline.evaluation.baselines`; importable from here."""

from timeline.evaluation.baselines import dateparser_timexes, find_spans, parse_dct

__all__ = ["dateparser_timexes", "find_spans", "parse_dct"]
