"""The records passed between the stages: frozen attrs classes, no behaviour beyond views.

detect → :class:`Mention`; resolve → :class:`Timex`; attach events → :class:`DatedEvent`.
Turning them into a DataFrame is :mod:`timeline.frame`'s job.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

import attrs

if TYPE_CHECKING:
    import numpy as np

__all__ = ["DatedEvent", "Mention", "Timex", "TimexType"]

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@attrs.frozen
class Mention:
    """A temporal expression found in the text, before it has a value.

    ``start``/``end`` are character offsets of the expression (``end`` exclusive); ``groups``
    are the named parts the rule captured (``{"m": "January", "d": "10"}``). A range found by
    composing two mentions ("between 2000 and 2020") has kind ``"range"`` and its two
    endpoints in ``parts``; a rule's own match that names a range ("2011-13", "January 5-7")
    keeps its kind and has its two endpoints in ``parts`` too (offsets only).
    """

    start: int
    end: int
    rule: str
    kind: str
    groups: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    parts: tuple[Mention, ...] = ()


@attrs.frozen
class Timex:
    """A normalised temporal expression (a TIMEX3 with an interval).

    ``value`` follows TimeML (``2011``, ``2022-01-06``, ``2014-Q3``, ``P2D``, ``PRESENT_REF``);
    ``start`` (inclusive) and ``end`` (exclusive) place it on the timeline when it can be placed,
    with ``granularity`` its grain; otherwise they are ``None``. ``anchor`` says what a relative
    expression was resolved against: ``"published"``, ``"text"`` (an earlier date in the text),
    ``"absolute"`` (needs none), ``"none"`` (could not be resolved), or ``"event"`` (counted
    from an event the text names without a date of its own: "three months after raising it",
    not placed).
    """

    char_start: int
    char_end: int
    text: str
    type: TimexType
    value: str
    mod: str = ""
    start: np.datetime64 | None = attrs.field(default=None, eq=False)
    end: np.datetime64 | None = attrs.field(default=None, eq=False)
    granularity: str | None = None
    rule: str = ""
    anchor: str = "absolute"
    parts: tuple[Timex, ...] = ()

    @property
    def placed(self) -> bool:
        """Whether the expression has an interval on the timeline."""
        return self.start is not None and self.end is not None


def _shared(sentence: str) -> str:
    """The sentence, as the same object as the last one when equal to it: the dates of one
    sentence, made one after the other, share its text instead of a copy each."""
    last = _last[0]
    if sentence == last:
        return last
    _last[0] = sentence
    return sentence


_last = [""]  # a race between threads only costs a copy


@attrs.frozen
class DatedEvent:
    """A temporal expression with the sentence it stands in and the event it dates.

    ``dated_by`` is ``"expression"`` when the timex is an expression of the sentence, and
    ``"published"`` for the event of a sentence without a date, dated by the publication day
    (:mod:`timeline.undated`; its timex has no text).
    """

    timex: Timex
    sentence: str = attrs.field(converter=_shared)
    event: str = ""
    event_start: int | None = None
    event_end: int | None = None
    dated_by: Literal["expression", "published"] = "expression"
