"""The systems :mod:`timeline.evaluation` scores, by name: ours, the dateparser baseline, gold.

A system is a function ``system(text, dct)`` giving a DataFrame of timexes
(:data:`timeline.evaluation.System`).

>>> get_system("timeline")("It fell on Friday.", "1998-01-12")[["text", "value"]].values.tolist()
[['Friday', '1998-01-09']]
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import pandas as pd

from timeline.evaluation.baselines import dateparser_timexes
from timeline.evaluation.gold import TimeMLDocument
from timeline.evaluation.timex_scores import System

__all__ = ["get_system", "memoized"]


def _timeline_system(text: str, dct: str | None) -> pd.DataFrame:
    # imported lazily: scoring must not need the detection core
    result: pd.DataFrame = importlib.import_module("timeline").timexes(text, published=dct)
    return result


def _gold_system(docs: Sequence[TimeMLDocument]) -> System:
    frames = {(doc.text, doc.dct): doc.timex_frame() for doc in docs}

    def system(text: str, dct: str | None) -> pd.DataFrame:
        return frames[(text, dct)]

    return system


def get_system(name: str, docs: Sequence[TimeMLDocument] = ()) -> System:
    """The system called ``name``: ``timeline``, ``dateparser`` or ``gold`` (needs ``docs``)."""
    if name == "timeline":
        return _timeline_system
    if name == "dateparser":
        return dateparser_timexes
    if name == "gold":
        return _gold_system(docs)
    raise ValueError(f"unknown system {name!r}")


def memoized(system: System) -> System:
    """The system with its outputs kept, so that ``--out`` does not run it twice."""
    outputs: dict[tuple[str, str | None], pd.DataFrame] = {}

    def kept(text: str, dct: str | None) -> pd.DataFrame:
        if (text, dct) not in outputs:
            outputs[(text, dct)] = system(text, dct)
        return outputs[(text, dct)]

    return kept
