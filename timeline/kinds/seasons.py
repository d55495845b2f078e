"""Seasons: "summer 2020", "the summer of 2020", "last spring", "this past spring", "the following
winter", "the winter of 1941-42", "(in) the autumn".

A season word is a season only with a year, a deictic or a modifier, or as "the autumn" with
no noun after it: not "spring water", "the spring water" or "the fall of the Berlin Wall".
"""

from __future__ import annotations

from timeline.calendar import Period, ymd
from timeline.grammar import fold
from timeline.kinds.base import (
    Candidate,
    Kind,
    State,
    article_to_name,
    is_function_word,
    next_word,
    placed,
    unresolved,
)
from timeline.kinds.narrative import told_back
from timeline.kinds.values import mod_of
from timeline.records import Mention, Timex

__all__ = ["KINDS"]


def accept_season(c: Candidate) -> Candidate | None:
    """A season word alone is none (the rule ``needs`` a year, a deictic, a modifier or "the");
    "the spring" is one only with no noun after it, "the fall" not at all."""
    groups = c.groups
    if not ({"y", "deictic", "mod"} & groups.keys()):
        after = next_word(c.text, c.end)
        if after and after[0].islower() and not is_function_word(after):
            return None  # "the spring water": a season word modifying a noun
    if fold(groups["s"]) == "fall" and not ({"y", "deictic"} & groups.keys()):
        return None  # "the fall of the Berlin Wall"
    return article_to_name(c)  # "the Spring Offensive": "Spring"


def season(m: Mention, state: State) -> Timex | None:
    """Reads "summer 2020", "last spring", "winter 1941-42"; gives 2020-SU, 2021-SP, 1942-WI."""
    g = m.groups
    code = str(state.g.lookup("season", g["s"]))
    mod = mod_of(m, state)
    if "y" in g:
        year = int(g["y"])
        if code == "WI" and "y2" in g:  # "the winter of 1941-42" ends in 1942: 1942-WI
            year += 1
        return placed(Period.season(year, code), mod=mod)
    end = state.range_end  # "the spring and summer of 1943", "from spring to autumn 1943"
    if end is not None and end.placed and end.start is not None:
        return placed(Period.season(ymd(end.start)[0], code), mod=mod, anchor=end.anchor)
    base, anchor = state.base()
    if base is None:
        return unresolved(f"XXXX-{code}", mod=mod)
    by, bm, _ = base.ymd()
    first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    deictic = fold(g.get("deictic", ""))
    preferred = state.preferred()
    if preferred is not None and not deictic:  # prefer= "past", "future", "nearest"
        return placed(_season_toward(preferred, code, base), mod=mod, anchor=anchor)
    tense = {"last": "past", "past": "past", "next": "future", "coming": "future"}.get(deictic)
    if deictic.startswith("the "):  # "the following winter": the first after the base
        seasons = [Period.season(year, code) for year in range(by - 1, by + 3)]
        if deictic in ("the following", "the next"):
            chosen = next(p for p in seasons if p.start >= base.end)
        else:
            chosen = [p for p in seasons if p.end <= base.start][-1]
        return placed(chosen, mod=mod, anchor=anchor)
    if deictic == "that" or (anchor == "text" and not deictic):
        # "that summer", or a season in a narrative: the season of the year the text is in,
        # or of the next if the narrative has passed it ("Christmas Eve 1911 ... by the spring")
        chosen = Period.season(by, code)
        passed = chosen.end <= base.start and base.grain in ("day", "week", "month")
        if anchor == "text" and not deictic and told_back(state, m):
            if chosen.start > base.start:  # "In March 1920 ... had spent the summer": 1919
                chosen = Period.season(by - 1, code)
        elif anchor == "text" and not deictic and passed:
            chosen = Period.season(by + 1, code)
        return placed(chosen, mod=mod, anchor=anchor)
    if deictic == "this":
        tense = None
    elif tense is None and anchor == "published":
        tense = state.tense(m)
    season_year = by + 1 if code == "WI" and bm == 12 else by
    start_month_in_year = first if code != "WI" else 0  # winter starts in the previous December
    started = bm >= start_month_in_year if code != "WI" else True
    if (tense == "past" and not started) or deictic == "last":
        season_year -= 1
    elif tense == "future" and (
        (started and deictic == "next") or (bm >= first + 3 and code != "WI")
    ):
        season_year += 1
    return placed(Period.season(season_year, code), mod=mod, anchor=anchor)


def _season_toward(direction: str, code: str, base: Period) -> Period:
    """The season ``code`` in a direction from the base: the last begun by it ("past"), the
    first not over ("future"), or the one holding it, else the nearest ("nearest")."""
    import numpy as np

    by = base.ymd()[0]
    if base.grain in ("millennium", "century", "decade", "year"):
        return Period.season(by, code)  # "in 1944 ... in the summer": that year's
    seasons = [Period.season(year, code) for year in range(by - 1, by + 3)]
    if direction == "past":
        return [p for p in seasons if p.start <= base.start][-1]
    if direction == "future":
        return next(p for p in seasons if p.end > base.start)

    def distance(p: Period) -> int:  # seconds from the base to the season, 0 inside it
        gap = max(p.start - base.start, base.start - p.end, np.timedelta64(0, "s"))
        return int(gap.astype("int64"))

    return min(seasons, key=distance)


KINDS = (Kind("season", season, accept_season),)
