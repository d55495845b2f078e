"""Stage 1, detect: find temporal expressions and their exact character offsets.

Every rule of the grammar scans the text once; matches are checked against their context
(digits glued to a number, a count noun after a bare number, a product name before it) on a
bounded window, overlapping candidates are settled (longest first, then rule order), and
neighbouring mentions are composed into ranges ("between 2000 and 2020", "1998 through 2001").

>>> [(m.rule, m.groups.get("y")) for m in detect("The 2011-13 protests, and 2,500 troops in 2016.")]
[('year_range', '2011'), ('year', '2016')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from timeline.grammar import DIGIT_CLASSES, Grammar, Rule, fold, grammar, re2_rules, re2_set
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
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z.'’]*|'s|’s)[ \t]*[-–]?$")
_NEXT_WORD = re.compile(r"^[ \t]*(-?[A-Za-z][A-Za-z-]*)")
_NAMED_AFTER = re.compile(r"[ \t]+(?:for|of|on)[ \t]+(?:the[ \t]+)?[A-Z][a-z]")
_WINDOW = 30

Scanner = Callable[["Grammar", str], Iterator[tuple[int, "Rule", "re.Match[str]"]]]


def detect(text: str) -> list[Mention]:
    """All temporal expressions in ``text``, in text order, without overlaps."""
    return _detect(text, _scan_re2 if re2_rules() is not None else _scan)


def _detect(text: str, scan: Scanner) -> list[Mention]:
    g = grammar()
    candidates: list[tuple[int, int, int, Mention]] = []
    for priority, rule, match in scan(g, text):
        mention = _accept(g, rule.name, rule.kind, match, text)
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
    return _compose_ranges(_compose_datetimes(taken, text), text)


def _scan(g: Grammar, text: str) -> Iterator[tuple[int, Rule, re.Match[str]]]:
    """Every rule's matches, found where they can be.

    One pass over the lower-cased text finds the anchor tokens (numbers, month names, units
    ...); each rule then runs, case-folded, only over the stretches within its longest match
    of one of its own anchors. A folded match is confirmed by the rule as written (Title-case
    month names, for one), on the original text.
    """
    folded = _folded(text)
    near: list[list[tuple[int, int]]] = [[] for _ in g.rules]
    anchored = g.anchored
    for token in g.anchor_regex.finditer(folded):
        word = token.group()
        if word[0].isdigit():  # numbers anchor by their count of digits: "#1" ... "#5" (or more)
            word = DIGIT_CLASSES[min(len(word), len(DIGIT_CLASSES)) - 1]
        for index in anchored.get(word, ()):
            near[index].append(token.span())
    size = len(text)
    for priority, rule in enumerate(g.rules):
        everywhere = [(0, size)] if not (rule.anchors and rule.width) else None
        for lo, hi in everywhere or _stretches(near[priority], rule.width, size):
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


def _stretches(anchors: list[tuple[int, int]], width: int, size: int) -> list[tuple[int, int]]:
    """Merged windows of ``width`` characters around each anchor."""
    out: list[tuple[int, int]] = []
    for start, end in anchors:
        # a match holds the anchor and is at most width long
        lo, hi = max(0, end - width), min(size, start + width + 2)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _accept(g: Grammar, name: str, kind: str, m: re.Match[str], text: str) -> Mention | None:
    """The mention for a rule match, or None if its context shows it is not a time."""
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
    if (
        kind == "month"
        and groups.get("m") in ("May", "MAY")
        and not (prep or groups.keys() - {"m"})
    ):
        return None  # "May" alone is the modal verb
    if kind == "season" and not ({"y", "deictic", "mod", "the"} & groups.keys()):
        return None  # "spring water", "fall into"
    if kind == "season" and not ({"y", "deictic", "mod"} & groups.keys()):
        nxt = _NEXT_WORD.match(text[end : end + _WINDOW])
        if nxt and nxt.group(1)[0].islower() and not _function(nxt.group(1)):
            return None  # "the spring water": a season word modifying a noun
    if kind == "season" and fold(groups["s"]) == "fall" and not ({"y", "deictic"} & groups.keys()):
        return None  # "the fall of the Berlin Wall"
    if (
        kind == "quarter"
        and groups.get("qu", "").lower() == "half"
        and not ({"y", "y2", "y3", "ty"} & groups.keys())
    ):
        return None  # "the second half" of a match
    if (
        kind == "past_span"
        and "n" not in groups
        and "dx" in groups
        and fold(groups["dx"]) not in ("the past", "the last")
        and not groups.get("unit", "").lower().endswith("s")  # "the coming weeks" is a span
    ):
        return None  # "the following year" is a date (anaphoric), not a span
    if kind == "year" and name == "year" and "y" in groups and not _year_context(g, text, m, start):
        return None
    if kind == "duration" and "bare" in groups and not _bare_duration_context(text, start, end):
        return None
    if kind == "day_of_month" and not _DAY_OF_MONTH_END.match(text, end):
        return None  # "on the 14th floor", "since the 5th century": not a day
    if kind == "century" and _ADJECTIVE_CENTURY.match(text, start, end):
        start = text.index(" ", start, end) + 1  # "the 18th-century fortress": the noun's article
    if kind == "duration" and "n" in groups:
        if _rate(g, text, groups, start):
            return None  # "four flights a week", "$1.76 a year": a rate, not a duration
        if "det" in groups and not text[m.end("n") : m.start("unit")].isspace():
            start = m.start("n")  # "the 14-day waiting period": the article is the noun's
        if (
            fold(groups["unit"]).startswith("quarter")
            and text[end : end + 4].lower() == " of "
            and fold(groups["n"]) not in ("several", "few", "a few", "many")
            and "more" not in groups  # "two consecutive quarters of growth"
        ):
            return None  # "about a quarter of its dealers": a fraction
        if "long" in groups and groups["n"].lower() in ("a", "an"):
            start = m.start("unit")  # "a day-long meeting": the article belongs to the noun
        if groups.get("long", "")[-3:].lower() == "old":
            return None  # "a 6-year-old": an age, not a time
        nxt = _NEXT_WORD.match(text[end : end + _WINDOW])
        if nxt and nxt.group(1).lower() in ("old", "-old"):
            return None  # "a 40-year old man", "52 years old"
    if kind == "set" and "adv" in groups:
        nxt = _NEXT_WORD.match(text[end : end + _WINDOW])
        if nxt and g.words["figure_noun"].get(fold(nxt.group(1))):
            return None  # "its quarterly dividend": the kind of a figure, not a frequency
        before = text[max(0, start - 10) : start].rstrip().lower()
        if before.endswith(("%", "percent", "per cent")):
            return None  # "sales rise 20% annually": a growth rate
    if kind == "time" and "noon" in groups and text[max(0, start - 5) : start].lower() == "high ":
        return None  # "high noon": the idiom
    if (
        kind == "quarter"
        and "det" in groups
        and "qo" in groups
        and not text[m.end("qo") : m.start("qu")].isspace()
    ):
        start = m.start("qo")  # "the third-quarter loss": the article is the noun's
    if kind == "month" and name == "month_alone" and not (prep or groups.keys() - {"m"}):
        nxt = _NAMED_AFTER.match(text, end)
        if nxt:
            return None  # "the annual March for Life": a name, not the month
    if kind == "the_unit" and text[end : end + 1] in ("-", "–", "‐", "‑"):
        return None  # "the year-ago results": the year is part of a compound
    if kind == "the_unit" and "unit4" in groups:
        nxt = _NEXT_WORD.match(text[end : end + _WINDOW])
        if nxt and nxt.group(1).lower() in ("before", "after", "of", "when", "that", "on"):
            return None  # "the day before ...", "the day of the attack": anchored elsewhere
    return Mention(start, end, name, kind, groups)


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


def _year_context(g: Grammar, text: str, m: re.Match[str], start: int) -> bool:
    """Whether a bare four-digit number reads as a year in its context."""
    anchor_words = bool(m.group("mod") or m.group("mid") or m.group("era"))
    y_start, y_end = m.span("y")
    prev = _PREV_WORD.search(text[max(0, y_start - _WINDOW) : y_start])
    prev_word = fold(prev.group(1)) if prev else ""
    nxt = _NEXT_WORD.match(text[y_end : y_end + _WINDOW])
    next_word = nxt.group(1) if nxt else ""
    counts = g.words["count_after"]
    if next_word and (counts.get(fold(next_word)) or counts.get(fold(next_word.split("-")[0]))):
        return False
    if text[y_end : y_end + 5].lower() in ("-year", "-old-"):
        return False
    if prev and prev.group(1)[:1].isupper() and g.words["not_year_before"].get(prev_word):
        return False
    friendly = (
        anchor_words
        or bool(g.words["year_friendly"].get(prev_word))
        or prev_word.endswith("'s")  # "the company's 1989 results"
    )
    if friendly:
        return True
    if (
        prev
        and prev.group(1)[:1].isupper()
        and not _sentence_start(text, prev.start() + max(0, y_start - _WINDOW))
    ):
        # "Windows 2000", "Euro 2016": a capitalised name glued to the number.
        return prev_word in g.words["month"] or prev_word in g.words["season"]
    # A lower-case content word after a bare number makes it a count: "2000 people".
    return not (
        next_word and next_word[0].islower() and len(next_word) > 3 and not _function(next_word)
    )


def _function(word: str) -> bool:
    return word.lower() in grammar().lists["function_words"]


def _sentence_start(text: str, offset: int) -> bool:
    """Whether ``offset`` opens a sentence (only white space, or an end mark, before it)."""
    before = text[max(0, offset - 4) : max(0, offset)].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:;"


def _rate(g: Grammar, text: str, groups: dict[str, str], start: int) -> bool:
    """Whether "a week" follows a quantity, as in "four flights a week", "$2 million a year"."""
    if groups["n"].lower() not in ("a", "an") or groups.keys() & {"mod", "approx", "det"}:
        return False
    prev = _PREV_WORD.search(text[max(0, start - _WINDOW) : start])
    before = text[max(0, start - 12) : start].rstrip()
    if before[-1:].isdigit() or before[-1:] == "%":
        return True
    if prev is None:
        return False
    word = prev.group(1).lower()
    if _function(word):
        return False
    return word.endswith("s") or bool(g.words["count_after"].get(fold(word)))


def _bare_duration_context(text: str, start: int, end: int) -> bool:
    prev = _PREV_WORD.search(text[max(0, start - _WINDOW) : start])
    word = prev.group(1).lower() if prev else ""
    if word == "the":  # "in the weeks before the shooting"
        return _NEXT_ORDER.match(text, end) is not None
    return word in ("for", "over", "within", "took", "lasted", "last", "spent", "after", "in")


_DAY_OF_MONTH_END = re.compile(
    r"[ \t]*(?:[,.;:)]|(?:and|or|when|the|a|an|he|she|it|they|we|his|her|its|their)\b|$)"
)
_ADJECTIVE_CENTURY = re.compile(r"[Tt]he (?=\S+[-–]centur)")
_NEXT_ORDER = re.compile(r"[ \t]{1,3}(?:before|after|following|leading|since)\b", re.IGNORECASE)


_DAY_KINDS = frozenset({"weekday", "named_day", "date"})
_OF = re.compile(r"[ \t]+of[ \t]+", re.IGNORECASE)
_TIME_TO_DAY = re.compile(r"[ \t]*(?:,[ \t]*)?(?:on[ \t]+)?", re.IGNORECASE)


def _compose_datetimes(mentions: list[Mention], text: str) -> list[Mention]:
    """Join a clock time and the day right after it: "9 a.m. Tuesday", "noon Thursday"; leave
    out a part of the day before "of" and its day."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        if (
            a.kind == "part_of_day"
            and "pod2" in a.groups
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
