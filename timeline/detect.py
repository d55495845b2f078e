"""Stage 1, detect: find temporal expressions and their exact character offsets.

Every rule of the grammar scans the text once; matches are checked against their context on
a bounded window (digits glued to a number here; the rule's own fields, such as "not before a
hyphen", in :class:`timeline.grammar.Checks`; a count noun after a bare number or a product
name before it by the acceptance of the rule's kind, :mod:`timeline.kinds`), overlapping
candidates are settled (longest first, then rule order), and neighbouring mentions are
composed into date-times ("9 a.m. Tuesday") and ranges ("between 2000 and 2020", "1998
through 2001").

>>> [(m.rule, m.groups.get("y")) for m in detect("The 2011-13 protests, and 2,500 troops in 2016.")]
[('year_range', '2011'), ('year', '2016')]
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterator

from timeline.grammar import DIGIT_CLASSES, Grammar, Rule, fold, grammar, re2_rules, re2_set
from timeline.kinds import KINDS, Candidate
from timeline.records import Mention

__all__ = ["detect"]

# Kinds that name a point or period of the calendar and may be joined into a range.
_RANGEABLE = frozenset(
    {
        "date",
        "month",
        "year",
        "decade",
        "century",
        "season",
        "quarter",
        "weekday",
        "time",
        "datetime",
    }
)
_CONNECTOR = re.compile(
    r"[ \t]*(?:(?P<dash>-|–|—|‐|‑)|(?P<word>to|through|thru|until|till|and))[ \t]*", re.IGNORECASE
)
_OPENER = re.compile(r"(?:\b(?P<w>between|from)[ \t]+)$", re.IGNORECASE)

Scanner = Callable[["Grammar", str], Iterator[tuple[int, "Rule", "re.Match[str]"]]]


# Spaces other than the plain one (no-break, em, thin, narrow no-break, ideographic ...): the
# rules and their context checks read each as a plain space (one character for one, so every
# offset holds); the expressions keep the text as written.
_OTHER_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
_OTHER_SPACES += "\u2009\u200a\u202f\u205f\u3000"
_ANY_OTHER_SPACE = re.compile(f"[{_OTHER_SPACES}]")
_AS_PLAIN_SPACE = str.maketrans(dict.fromkeys(_OTHER_SPACES, " "))


def detect(text: str) -> list[Mention]:
    """All temporal expressions in ``text``, in text order, without overlaps.

    >>> [(m.start, m.end) for m in detect("In\u00a02016 and in\u20032017 protests began.")]
    [(3, 7), (15, 19)]
    """
    if _ANY_OTHER_SPACE.search(text):
        text = text.translate(_AS_PLAIN_SPACE)
    return _detect(text, _scan_re2 if re2_rules() is not None else _scan)


def _detect(text: str, scan: Scanner) -> list[Mention]:
    g = grammar()
    candidates: list[tuple[int, int, int, Mention]] = []
    for priority, rule, match in scan(g, text):
        mention = _accept(rule, match, text)
        if mention is not None:
            length = mention.end - mention.start
            candidates.append((-length, priority, mention.start, mention))
    candidates.sort(key=lambda c: c[:3])
    taken: list[Mention] = []
    occupied = bytearray(len(text))
    for _, _, _, mention in candidates:
        if occupied.find(1, mention.start, mention.end) != -1:
            continue
        taken.append(mention)
        occupied[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    taken.sort(key=lambda m: m.start)
    composed = _compose_amounts(_listed_recurring(_compose_datetimes(taken, text), text), text)
    return _compose_ranges(_compose_counted(composed, text), text)


def _scan(g: Grammar, text: str) -> Iterator[tuple[int, Rule, re.Match[str]]]:
    """Every rule's matches, found where they can be.

    One pass over the lower-cased text finds the anchor tokens (numbers, month names, units
    ...); each rule then runs, case-folded, only over the stretches within its longest match
    of one of its own anchors. A folded match is confirmed by the rule as written (Title-case
    month names, for one), on the original text.
    """
    folded = _folded(text)
    seen: dict[str, tuple[array[int], array[int]]] = {}  # anchor word: its starts and ends
    code = "i" if len(text) < 2**31 else "q"  # four bytes an offset where they fit
    for token in g.anchor_regex.finditer(folded):
        word = token.group()
        if word[0].isdigit():  # numbers anchor by their count of digits: "#1" ... "#5" (or more)
            word = DIGIT_CLASSES[min(len(word), len(DIGIT_CLASSES)) - 1]
        starts, ends = seen.get(word) or seen.setdefault(word, (array(code), array(code)))
        starts.append(token.start())
        ends.append(token.end())
    size = len(text)
    for priority, rule in enumerate(g.rules):
        if rule.anchors and rule.width:
            mine = [seen[w] for w in dict.fromkeys(rule.anchors) if w in seen]
            windows = _stretches(mine, rule.width, size)
        else:
            windows = [(0, size)]
        for lo, hi in windows:
            for found in rule.folded.finditer(folded, lo, hi):
                match = _confirm(rule, text, found.start(), found.end())
                if match is not None:
                    yield priority, rule, match


def _scan_re2(g: Grammar, text: str) -> Iterator[tuple[int, Rule, re.Match[str]]]:
    """Every rule's matches: one RE2 set pass finds the rules that match at all, and each of
    those scans the whole lower-cased text with its own RE2 pattern."""
    compiled = re2_rules()
    assert compiled is not None
    folded = _folded(text)
    for priority in sorted(re2_set().Match(folded) or ()):
        rule = g.rules[priority]
        for found in compiled[priority].finditer(folded):
            match = _confirm(rule, text, found.start(), found.end())
            if match is not None:
                yield priority, rule, match


def _confirm(rule: Rule, text: str, start: int, end: int) -> re.Match[str] | None:
    """The rule as written, on the original text, over a match found case-folded."""
    match = rule.regex.fullmatch(text, start, end)
    if match is None:  # the case of a word mattered: "may" is not "May"
        match = rule.regex.search(text, start, end)
    return match


def _folded(text: str) -> str:
    """The text in lower case, offsets kept."""
    folded = text.lower()
    if len(folded) != len(text):  # a few letters lower-case to two characters ("İ")
        folded = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return folded


def _scan_everywhere(g: Grammar, text: str) -> Iterator[tuple[int, Rule, re.Match[str]]]:
    """Every rule's matches by a plain scan of the whole text: the reference :func:`_scan`
    must agree with (the tests check it does)."""
    for priority, rule in enumerate(g.rules):
        for match in rule.regex.finditer(text):
            yield priority, rule, match


def _stretches(
    anchors: list[tuple[array[int], array[int]]], width: int, size: int
) -> list[tuple[int, int]]:
    """Merged windows of ``width`` characters around each anchor token (given as the starts and
    ends of each anchor word's tokens): a match holds an anchor and is at most ``width`` long.

    The offsets are kept in compact arrays and merged with numpy, so a text of millions of
    numbers and no date costs a few bytes an anchor, not a Python object each.

    >>> from array import array
    >>> _stretches([(array("q", [0, 50]), array("q", [4, 54])), (array("q", [10]),
    ...            array("q", [12]))], 6, 100)
    [(0, 18), (48, 58)]
    """
    import numpy as np

    if not anchors:
        return []
    dtype = np.int32 if anchors[0][0].typecode == "i" else np.int64
    starts = np.concatenate([np.frombuffer(a, dtype=dtype) for a, _ in anchors])
    ends = np.concatenate([np.frombuffer(b, dtype=dtype) for _, b in anchors])
    if len(anchors) > 1:  # in text order (tokens never overlap)
        order = np.argsort(starts, kind="stable")
        starts, ends = starts[order], ends[order]
        del order
    lo = ends
    lo -= width
    np.maximum(lo, 0, out=lo)
    hi = starts
    hi += width + 2
    np.minimum(hi, size, out=hi)  # never decreasing, as the starts
    first = np.flatnonzero(np.concatenate(([True], lo[1:] > hi[:-1])))
    last = np.concatenate((first[1:] - 1, [len(lo) - 1]))
    return list(zip(lo[first].tolist(), hi[last].tolist(), strict=True))


def _accept(rule: Rule, m: re.Match[str], text: str) -> Mention | None:
    """The mention for a rule match, or None if its context shows it is not a time.

    Words matched only as context are left out of the expression (a preposition before it,
    "about" before an amount, the verb after "the year"); then the rule's kind accepts the
    match or not (:mod:`timeline.kinds`).
    """
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    start, end = m.start(), m.end()
    # Prepositions matched for context are not part of the expression.
    prep = groups.pop("prep", None)
    if prep is not None:
        start = m.start("prep") + len(prep)
    for lead in ("approx", "lead"):  # "about five hours", "early Friday": the word is the mod
        if lead in groups:
            start = m.end(lead)
    if groups.get("the", "").lower() == "in":
        start = m.start("the") + 2
        groups.pop("the")
    tail = groups.get("tail")
    if tail is not None:  # words matched as context after the expression ("the year ended")
        end = m.start("tail")
        while end > start and text[end - 1].isspace():
            end -= 1
    while start < end and text[start].isspace():
        start += 1
    if _glued_number(text, start, end):
        return None
    if rule.checks is not None and rule.checks.rejects(text, groups, start, end):
        return None  # a veto the rule states as data (rules/en.toml)
    accept = KINDS[rule.kind].accept
    if accept is not None:
        accepted = accept(Candidate(rule.name, text, m, groups, start, end, prep))
        if accepted is None:
            return None
        start = accepted.start
    return Mention(start, end, rule.name, rule.kind, groups, _endpoints(rule, m, start, end))


#: The groups that end the first endpoint and open the second, in a rule's match that names a
#: range itself: "January 5-7", "6-7 January 1916", "May-July 2020", "2011-13".
_ENDS = {"date": ("d", "d2"), "month_range": ("m", "m2"), "year_range": ("y", "y2")}


def _endpoints(rule: Rule, m: re.Match[str], start: int, end: int) -> tuple[Mention, ...]:
    """The two endpoints of a match that names a range, as TimeML marks them: "6-7 January
    1916" is "6" and "7 January 1916", "March 5-9, 1918" "March 5" and "9, 1918" (each
    resolves with the whole, see :func:`timeline.resolve.resolve`); () for other matches.

    >>> [(m.start, m.end) for m in detect("in 2011-13")[0].parts]
    [(3, 7), (8, 10)]
    """
    ends = _ENDS.get(rule.kind)
    if ends is None or m.groupdict().get(ends[1]) is None:
        return ()
    first, second = ends
    if m.groupdict().get("opener") is not None:  # "from 13 to 15 July": the first is "13"
        start = max(start, m.end("opener"))
        while m.string[start].isspace():
            start += 1
    second_start = m.start(second)
    if m.groupdict().get("link") is not None:  # "from the 3rd to the 8th of June"
        second_start = m.end("link")
    return (
        Mention(start, m.end(first), rule.name, rule.kind),
        Mention(second_start, end, rule.name, rule.kind),
    )


def _glued_number(text: str, start: int, end: int) -> bool:
    """Whether a match starting or ending with a digit is part of a larger number or code."""
    if text[start].isdigit():
        before = text[max(0, start - 2) : start]
        if before[-1:] and (before[-1].isdigit() or before[-1] in "$€£#¥"):
            return True
        if len(before) == 2 and before[0].isdigit() and before[1] in ",.:/-":
            return True
    if text[end - 1].isdigit():
        after = text[end : end + 2]
        if after[:1] and (after[0].isdigit() or after[0] in "%"):
            return True
        if len(after) == 2 and after[0] in ",.:/-" and after[1].isdigit():
            return True
    return False


_DAY_KINDS = frozenset({"weekday", "named_day", "date"})
_OF = re.compile(r"[ \t]+of[ \t]+", re.IGNORECASE)
_TIME_TO_DAY = re.compile(r"[ \t]*(?:,[ \t]*)?(?:on[ \t]+)?", re.IGNORECASE)
# Between a day and its time, or a date and its weekday, written one after the other: a space
# or a comma ("this Sat, 7pm", "May 10, 2014 2pm", "14th December, Friday"); "Friday at 7pm"
# is two expressions, as TimeML marks them.
_NEXT_TO = re.compile(r"[ \t]*,?[ \t]*")
# Groups of a weekday that make more of it than the name ("next Friday", "Friday night").
_WEEKDAY_MORE = frozenset({"deictic", "pod", "lead", "prep"})


def _compose_datetimes(mentions: list[Mention], text: str) -> list[Mention]:
    """Join a clock time and its day written next to it: "9 a.m. Tuesday", "noon Thursday",
    "this Sat, 7pm", "Sun 1:00pm", "May 10, 2014 2pm"; a date and its weekday after it: "14th
    December Friday"; leave out a part of the day before "of" and its day."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        joined = _day_with_time(a, mentions[i + 1], text) if i + 1 < len(mentions) else None
        if joined is not None:
            out.append(joined)
            i += 2
            continue
        if (
            a.kind == "part_of_day"
            and ("pod2" in a.groups or "pod4" in a.groups)
            and i + 1 < len(mentions)
            and mentions[i + 1].kind in _DAY_KINDS
            and _OF.fullmatch(text, a.end, mentions[i + 1].start)
        ):
            i += 1  # "in the morning of 6 June 1944": TimeML marks the day alone
            continue
        if (
            a.kind == "time"
            and i + 1 < len(mentions)
            and mentions[i + 1].kind in _DAY_KINDS
            and _TIME_TO_DAY.fullmatch(text, a.end, mentions[i + 1].start)
        ):
            b = mentions[i + 1]
            out.append(Mention(a.start, b.end, "time_day", "datetime", {}, (a, b)))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _day_with_time(a: Mention, b: Mention, text: str) -> Mention | None:
    """The one expression of a day and the time or weekday written right after it, or None.

    >>> [(m.rule, m.kind) for m in detect("Doors open this Sat, 7pm.")]
    [('day_time', 'datetime')]
    >>> [(m.rule, m.groups["wd"]) for m in detect("Live on 14th December Friday")]
    [('date_weekday', 'Friday')]
    """
    if not _NEXT_TO.fullmatch(text, a.end, b.start) or a.parts or "d2" in a.groups:
        return None
    if a.kind in _DAY_KINDS and b.kind == "time":
        return Mention(a.start, b.end, "day_time", "datetime", {}, (a, b))
    if (
        a.kind == "date"
        and {"d", "m"} <= a.groups.keys()
        and "wd" not in a.groups
        and b.kind == "weekday"
        and not _WEEKDAY_MORE & b.groups.keys()
    ):
        return Mention(a.start, b.end, "date_weekday", "date", {**a.groups, "wd": b.groups["wd"]})
    return None


_LIST_LINK = re.compile(r"[ \t]*(?:,[ \t]*)?(?:(?:and|or|&)[ \t]+)?", re.IGNORECASE)


def _listed_recurring(mentions: list[Mention], text: str) -> list[Mention]:
    """Weekdays listed after a recurring one recur too: "every Monday and Thursday", "every mon,
    wed, thur".

    >>> [(m.kind, m.groups["unit"]) for m in detect("Drills every mon, wed and thur.")]
    [('set', 'mon'), ('set', 'wed'), ('set', 'thur')]
    """
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "set"
            and _is_weekday(prev.groups.get("unit", ""))  # a weekday recurs before it
            and m.kind == "weekday"
            and not _WEEKDAY_MORE & m.groups.keys()
            and _LIST_LINK.fullmatch(text, prev.end, m.start)
        ):
            m = Mention(m.start, m.end, m.rule, "set", {"unit": m.groups["wd"]})
        out.append(m)
    return out


#: Units of an amount of time, largest first: "1 week 1 day", "an hour thirty minutes".
_UNIT_ORDER = ("CE", "DE", "Y", "Q", "M", "F", "W", "WE", "D", "TH", "TM", "TS")
_AMOUNT_LINK = re.compile(r"[ \t]*(?:,[ \t]*)?(?:and[ \t]+)?")


def _compose_amounts(mentions: list[Mention], text: str) -> list[Mention]:
    """Join an amount of time and a smaller one right after it: "1 week 1 day", "an hour
    thirty minutes", "two hours and 15 minutes".

    >>> [(m.rule, m.kind) for m in detect("It took an hour thirty minutes.")]
    [('amounts', 'amounts')]
    """
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == m.kind == "duration"
            and _AMOUNT_LINK.fullmatch(text, prev.end, m.start)
            and _smaller_amount(prev, m)
        ):
            out[-1] = Mention(prev.start, m.end, "amounts", "amounts", {}, (prev, m))
            continue
        out.append(m)
    return out


def _smaller_amount(a: Mention, b: Mention) -> bool:
    """Whether ``b`` counts a smaller unit than ``a``, both counted and ``b`` with no modifier."""
    if not {"n", "unit"} <= a.groups.keys() or not {"n", "unit"} <= b.groups.keys():
        return False
    if b.groups.keys() & {"mod", "approx", "det"}:
        return False
    units = grammar().words["unit"]
    first, second = units.get(fold(a.groups["unit"])), units.get(fold(b.groups["unit"]))
    return (
        first in _UNIT_ORDER
        and second in _UNIT_ORDER
        and _UNIT_ORDER.index(first) < _UNIT_ORDER.index(second)
    )


def _is_weekday(word: str) -> bool:
    words = grammar().words
    return fold(word).rstrip(".") in words["weekday"].keys() | words["weekday_abbr"].keys()


#: Kinds of a day an amount of time can be counted from ("a week from tomorrow").
_COUNTED_FROM_KINDS = frozenset({"date", "named_day", "weekday", "day_of_month"})
_COUNTED_LINK = re.compile(r"[ \t]+(?P<dir>from)[ \t]+", re.IGNORECASE)
_STRETCH_BEFORE = re.compile(r"\b(?:for|over|during|within)[ \t]+$", re.IGNORECASE)


def _compose_counted(mentions: list[Mention], text: str) -> list[Mention]:
    """Join an amount of time and the day it is counted from: "a week from tomorrow", "two
    weeks from Monday" (not "for a week from Monday", a stretch of time). "Two days before
    Christmas" stays an offset, placed from the date after it (:mod:`timeline.kinds.offsets`)."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        if (
            i + 1 < len(mentions)
            and a.kind in ("duration", "offset")
            and {"n", "unit"} <= a.groups.keys() <= {"n", "unit", "tail"}
            and mentions[i + 1].kind in _COUNTED_FROM_KINDS
        ):
            b = mentions[i + 1]
            link = _COUNTED_LINK.fullmatch(text, a.end, b.start)
            if link and not _STRETCH_BEFORE.search(text, max(0, a.start - 10), a.start):
                groups = {"n": a.groups["n"], "unit": a.groups["unit"], "dir": link.group("dir")}
                out.append(Mention(a.start, b.end, "counted", "counted", groups, (a, b)))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _compose_ranges(mentions: list[Mention], text: str) -> list[Mention]:
    """Join neighbouring mentions into ranges where a connector and opener say so."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        if i + 1 < len(mentions) and a.kind in _RANGEABLE and mentions[i + 1].kind in _RANGEABLE:
            b = mentions[i + 1]
            link = _CONNECTOR.fullmatch(text, a.end, b.start)
            opener = _OPENER.search(text[max(0, a.start - 12) : a.start])
            if link and _is_range(a, b, link, opener):
                start = a.start - len(opener.group()) if opener else a.start
                groups = {"opener": opener.group("w").lower()} if opener else {}
                out.append(Mention(start, b.end, "range", "range", groups, (a, b)))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _is_range(a: Mention, b: Mention, link: re.Match[str], opener: re.Match[str] | None) -> bool:
    word = (link.group("word") or "").lower()
    opened_by = opener.group("w").lower() if opener else ""
    if word == "and":
        return opened_by == "between"
    if link.group("dash"):
        return True
    return opened_by == "from" or a.kind == b.kind
