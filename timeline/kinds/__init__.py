"""One module per kind of expression, each owning its acceptance and its resolution.

The grammar (``rules/en.toml``) gives each rule a ``kind``; :data:`KINDS` maps the kind to
the functions that accept its matches in context (:mod:`timeline.detect` runs them) and give
its mentions a TIMEX3 value and interval (:mod:`timeline.resolve` runs them):

==================  ============================================================
module              kinds
==================  ============================================================
``dates``           ``date`` (and holidays, ``holidays``), ``day_of_month``
``months``          ``month``, ``month_range``
``years``           ``year``, ``year_range``, ``decade``, ``century``, ``year_words``
``quarters``        ``quarter``, ``year_period``
``seasons``         ``season``
``days``            ``weekday``, ``named_day``, ``part_of_day``
``relative``        ``deictic``, ``the_unit``, ``vague``
``offsets``         ``offset``, ``ahead``, ``past_span``, ``anaphoric``
``clock``           ``time``, ``datetime``
``durations``       ``duration``, ``amounts`` ("1 week 1 day", composed by detection), ``set``
``counted``         ``counted`` ("a week from tomorrow", composed by detection)
==================  ============================================================

A resolution's docstring reads "Reads ...; gives ...": the values are those of a text
published on Monday 10 January 2022 (``published="2022-01-10"``).
"""

from timeline.kinds.base import Candidate, Kind, State
from timeline.kinds.registry import KINDS

__all__ = ["KINDS", "Candidate", "Kind", "State"]
