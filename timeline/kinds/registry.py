"""The registry: each kind of expression by the name the grammar's rules give it.

>>> KINDS["season"].name, KINDS["season"].resolve.__module__
('season', 'timeline.kinds.seasons')
>>> from timeline.grammar import grammar
>>> composed = {"datetime", "counted", "amounts"}
>>> sorted(KINDS) == sorted({rule.kind for rule in grammar().rules} | composed)
True
"""

from __future__ import annotations

from timeline.kinds import (
    clock,
    counted,
    dates,
    days,
    durations,
    months,
    offsets,
    quarters,
    relative,
    seasons,
    years,
)
from timeline.kinds.base import Kind

__all__ = ["KINDS"]

_MODULES = (
    dates,
    months,
    years,
    quarters,
    seasons,
    days,
    relative,
    offsets,
    clock,
    durations,
    counted,
)

#: Kind name → its acceptance and resolution. "datetime" (a clock time and its day) and
#: "counted" (an amount and the day it is counted from) and "amounts" ("1 week 1 day") are
#: composed by detection; "range" is not a kind: the walk resolves its two ends.
KINDS: dict[str, Kind] = {kind.name: kind for module in _MODULES for kind in module.KINDS}
