"""Stage 2, resolve: give each mention a TIMEX3 type, value, mod and an interval.

Relative expressions resolve against the publication date; without one, against the latest
date placed earlier in the text (narrative text: an explicit date, or one placed from it);
without that, they stay unresolved, with ``X`` in their value and no interval. The current date
is never used.

This module is the walk through the text's mentions, in order, with what it has learnt so
far (:class:`timeline.kinds.State`: the latest date, quarter and day named); each mention's
kind resolves it (:mod:`timeline.kinds`), and a range is resolved end first, its start
taking the end's year. Explicit calendar dates are checked with dateparser's
``DateDataParser.get_date_data`` (which rejects impossible dates such as February 30);
everything dateparser gets wrong (decades, ranges like ``2011-13``, quarters, seasons, BC
years, tense) is our own grammar's.

>>> import datetime as dt
>>> from timeline.detect import detect
>>> text = "On Thursday, he hinted at Russia ahead of talks scheduled for January 10."
>>> [(t.text, t.value) for t in resolve(detect(text), text, reference=dt.date(2022, 1, 10))]
[('Thursday', '2022-01-06'), ('January 10', '2022-01-10')]
>>> [(t.text, t.value, t.anchor) for t in resolve(detect(text), text, reference=None)]
[('Thursday', 'XXXX-WXX-4', 'none'), ('January 10', 'XXXX-01-10', 'none')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import attrs

from timeline.article import published_instant
from timeline.calendar import Grain, Period
from timeline.context import Sentences
from timeline.grammar import grammar
from timeline.kinds import KINDS, State
from timeline.kinds.base import DateOrder, Prefer, check_prefer, span, unresolved
from timeline.kinds.narrative import moves_narrative
from timeline.records import Mention, Timex

__all__ = ["resolve"]


def resolve(
    mentions: Sequence[Mention],
    text: str,
    *,
    reference: dt.date | None,
    sentences: Sentences | None = None,
    prefer: Prefer = "tense",
    date_order: DateOrder | None = None,
) -> list[Timex]:
    """Resolve mentions found in ``text`` against the publication date ``reference``.

    ``reference`` is a ``date``, or a ``datetime`` whose time of day (as written in its own
    zone) places "two hours ago" and "in 15 minutes". ``prefer`` is the direction of dates
    the text leaves open (:data:`timeline.kinds.base.Prefer`); ``date_order`` says which
    number of a date in numbers is the month (:mod:`timeline.kinds.numeric`). ``sentences``
    (of the same text) may be passed in to share it with later stages.

    >>> from timeline.detect import detect
    >>> [t.value for t in resolve(detect("It opens Friday."), "It opens Friday.",
    ...                           reference=dt.date(2022, 1, 10), prefer="future")]
    ['2022-01-14']
    """
    ref = clock = None
    if reference is not None:
        clock = published_instant(reference)
        ref = clock.astype("datetime64[D]").astype("datetime64[s]")
        if not isinstance(reference, dt.datetime):
            clock = None
    if sentences is None:
        sentences = Sentences(text)
    state = State(
        text,
        ref,
        sentences,
        grammar(),
        _resolve_one,
        clock=clock,
        prefer=check_prefer(prefer),
        date_order=date_order,
    )
    out: list[Timex] = []
    first_day: dict[int, Period] = {}  # the first day each sentence names
    dayless: list[tuple[int, Mention]] = []  # clock times read before their sentence's day
    for k, m in enumerate(mentions):
        state.following = mentions[k + 1] if k + 1 < len(mentions) else None
        partner = _listed_with(mentions, k, text)
        if partner is not None:  # "March and April 2020": March takes April's year
            state.range_end = _resolve_one(partner, state)
        try:
            timex = _resolve_one(m, state)
        finally:
            state.range_end = None
        if timex is None:
            continue
        if (
            m.kind == "time"
            and timex.anchor in ("published", "text")  # placed from a day of another sentence
            and state.sentences.index(m.start) not in first_day
        ):
            dayless.append((len(out), m))
        if _is_list(m) and len(timex.parts) == 2:
            out.extend(timex.parts)  # "on the 28 and 29 August": two dates, not a span
        else:
            out.append(timex)
        _remember(state, m, timex, first_day)
    state.following = None
    for i, m in dayless:  # "at about 9:50 a.m. (0650 GMT) Friday": the day named after it
        sentence = state.sentences.index(m.start)
        if sentence in first_day:
            state.day = (sentence, first_day[sentence])
            out[i] = _resolve_one(m, state) or out[i]
    return out


def _remember(state: State, m: Mention, timex: Timex, first_day: dict[int, Period]) -> None:
    """What a resolved mention tells the walk: the day, quarter, month and date it names."""
    if (
        timex.placed
        and timex.start is not None
        and (
            timex.granularity == "day" or m.kind == "datetime"  # "9 a.m. Tuesday" names a day
        )
    ):
        state.day = (state.sentences.index(m.start), Period.from_day(timex.start))
        first_day.setdefault(state.day[0], state.day[1])
    if timex.placed and timex.granularity == "quarter" and m.kind != "offset":
        assert timex.start is not None and timex.end is not None
        state.quarter = Period(timex.value, timex.start, timex.end, "quarter")
    if timex.placed and timex.granularity in ("month", "quarter") and m.kind != "offset":
        assert timex.start is not None and timex.end is not None
        grain: Grain = "month" if timex.granularity == "month" else "quarter"
        state.period = Period(timex.value, timex.start, timex.end, grain)
    if (
        timex.placed
        and timex.granularity in _ANCHOR_GRAINS
        and timex.type in ("DATE", "TIME")
        and moves_narrative(state, m)  # not an aside: "two years earlier", "(2003)"
    ):
        assert timex.start is not None and timex.end is not None and timex.granularity
        state.anchor = Period(timex.value, timex.start, timex.end, timex.granularity)  # type: ignore[arg-type]


def _is_list(m: Mention) -> bool:
    """Whether a rule's match names two dates listed ("May 4 and 5"), not a span ("between May 4
    and 5")."""
    return "list" in m.groups and m.groups.get("opener", "").lower() != "between"


_LIST_GAP = re.compile(r"[ \t]*(?:,|and|or|&)[ \t]*(?:the[ \t]+)?", re.IGNORECASE)
_YEAR_GROUPS = frozenset({"y", "yy"})


def _listed_with(mentions: Sequence[Mention], k: int, text: str) -> Mention | None:
    """The next mention, if mention ``k`` is a month, season or day without a year listed
    right before one of the same kind with a year ("March and April 2020", "the spring and
    summer of 1943")."""
    m = mentions[k]
    if k + 1 >= len(mentions) or m.kind not in ("month", "season", "date"):
        return None
    nxt = mentions[k + 1]
    if (
        nxt.kind != m.kind
        or _YEAR_GROUPS & m.groups.keys()
        or not _YEAR_GROUPS & nxt.groups.keys()
        or not _LIST_GAP.fullmatch(text, m.end, nxt.start)
    ):
        return None
    return nxt


_ANCHOR_GRAINS = frozenset(
    {"year", "half", "quarter", "season", "month", "week", "day", "hour", "minute"}
)


def _resolve_one(m: Mention, state: State) -> Timex | None:
    """The timex of one mention, by its kind's resolution (a range: by :func:`_range`)."""
    if m.kind == "range":
        return _range(m, state)
    result = KINDS[m.kind].resolve(m, state)
    if result is None:
        return None
    parts: tuple[Timex, ...] = ()
    if result.parts and len(result.parts) == len(m.parts):  # "2011-13": "2011" and "13"
        parts = tuple(_placed_at(p, pm, state) for p, pm in zip(result.parts, m.parts, strict=True))
    return _placed_at(attrs.evolve(result, parts=parts), m, state)


def _placed_at(t: Timex, m: Mention, state: State) -> Timex:
    """The timex with the text and offsets of its mention."""
    return attrs.evolve(
        t, text=state.text[m.start : m.end], char_start=m.start, char_end=m.end, rule=m.rule
    )


def _range(m: Mention, state: State) -> Timex | None:
    """Reads "between 2000 and 2020"; gives 2000/2020, from one's start to the other's end.

    The end resolves first, and the start takes its year: "from 5 July to 23 August 1943".
    """
    a_m, b_m = m.parts
    b = _resolve_one(b_m, state)
    state.range_end = b  # "from 5 July to 23 August 1943": the start takes the end's year
    try:
        a = _resolve_one(a_m, state)
    finally:
        state.range_end = None
    if a is None or b is None:
        return None
    whole = span(a, b)
    if whole.placed and not (a.start is not None and b.end is not None and a.start < b.end):
        whole = attrs.evolve(unresolved(whole.value), parts=whole.parts)  # an end before its start
    return _placed_at(whole, m, state)
