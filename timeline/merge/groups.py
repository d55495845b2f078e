"""Which rows tell of one happening: groups of rows whose times agree and whose phrases link.

Two rows are *linked* when their times agree (:meth:`When.meet`: their intervals overlap, or
two rows the text does not place have the same value and mod) and their phrases are at least
``threshold`` alike (:class:`timeline.merge.similarity.Weights`). Groups grow from the
strongest links down (ties in the order of the rows): a link joins two groups only when every
row of both still agrees on a common time, the intersection of their intervals, so that "2007"
may join "January 9, 2007", but never both "January 9, 2007" and "June 29, 2007". The groups
do not depend on the order of the rows beyond ties.

The work stays near linear in the rows: only pairs that may link are compared
(:func:`candidate_pairs`: rows that share a predicate, or a heavy term when one has none; each
row with at most :data:`WINDOW` rows before it in time per term), and rows repeated word for
word at one time are compared once.

>>> day, year = When.interval(0, 86_400), When.interval(0, 365 * 86_400)
>>> later = When.interval(86_400 * 7, 86_400 * 8)
>>> day.meet(year), later.meet(day)
(When(start=0, end=86400, key=None), None)
>>> from timeline.merge.similarity import Weights
>>> from timeline.merge.terms import Names, Terms
>>> phrases = ["the iPhone was launched", "iPhone launched", "the iPhone"]
>>> terms = [Terms.of(p, Names.from_texts([])) for p in phrases]
>>> weights = Weights.from_documents([t.all for t in terms], {"iphone"})
>>> group([day, later, year], terms, weights, threshold=0.5)
[[0, 2], [1]]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import attrs

from timeline.merge.similarity import UNSURE, Weights
from timeline.merge.terms import Terms

__all__ = ["SAME_ARTICLE", "UNDATED_MARGIN", "WINDOW", "When", "group"]

#: The least similarity of two rows of one article at which one dated by the publication day
#: alone (``dated_by`` "published") joins the other.
SAME_ARTICLE = 0.6
#: How much more alike than ``threshold`` a row dated by the publication day alone must be to
#: another row to join it: its two days meet every happening told of those days.
UNDATED_MARGIN = 0.05
#: Each row is compared with at most this many rows before it (in time) that share a term with
#: it, so that a term on thousands of rows of one day keeps the work linear (a happening told
#: by more rows than this still joins them, through the rows between).
WINDOW = 200


@attrs.frozen
class When:
    """The time of a row: its interval in seconds, or, when the text does not place it, the key
    (value, mod) of its expression."""

    start: int | None = None
    end: int | None = None
    key: tuple[str, str] | None = None

    @classmethod
    def interval(cls, start: int, end: int) -> When:
        """A placed row's time: ``[start, end)`` in seconds."""
        return cls(start, end)

    @classmethod
    def unplaced(cls, value: str, mod: str) -> When:
        """The time of a row the text does not place."""
        return cls(key=(value, mod))

    def meet(self, other: When) -> When | None:
        """The time both agree on (the intersection of intervals), or None."""
        if self.key is not None or other.key is not None:
            return self if self.key == other.key else None
        assert self.start is not None and self.end is not None
        assert other.start is not None and other.end is not None
        start, end = max(self.start, other.start), min(self.end, other.end)
        return When(start, end) if start < end else None

    def order(self) -> tuple[int, int, int, str, str]:
        """A sort key: placed rows by start and end, then unplaced rows by key."""
        if self.key is not None:
            return (1, 0, 0, *self.key)
        assert self.start is not None and self.end is not None
        return (0, self.start, self.end, "", "")


def _overlapping_pairs(rows: Sequence[int], whens: Sequence[When]) -> list[tuple[int, int]]:
    """Pairs of ``rows`` whose times agree, each row with the last :data:`WINDOW` before it
    (by start) whose time it meets."""
    placed = sorted(
        (w.start, w.end, i) for i in rows if (w := whens[i]).start is not None and w.end is not None
    )
    pairs: list[tuple[int, int]] = []
    active: list[tuple[int, int]] = []  # (end, row) of the rows before that may still meet
    for start, end, i in placed:
        active = [(e, j) for e, j in active[-WINDOW:] if e > start]
        pairs.extend((j, i) if j < i else (i, j) for _, j in active)
        active.append((end, i))
    unplaced: dict[tuple[str, str] | None, list[int]] = defaultdict(list)
    for i in rows:
        if whens[i].key is not None:
            unplaced[whens[i].key].append(i)
    for same in unplaced.values():
        same.sort()
        for n, i in enumerate(same):
            pairs.extend((j, i) for j in same[max(0, n - WINDOW) : n])
    return pairs


def prefix(row_terms: frozenset[str], weights: Weights, threshold: float) -> list[str]:
    """The terms of a row through which it is compared (prefix filtering): its heaviest terms,
    leaving out the lightest whose weight is less than ``threshold²`` of the row's. Two rows
    whose similarity reaches ``threshold`` share at least ``threshold²`` of the weight of each,
    so they share a term of both prefixes (the first they share, in the order of weights)."""
    ordered = sorted(row_terms, key=lambda t: (-weights.weight.get(t, weights.unseen), t))
    rest = weights.total(row_terms) * threshold * threshold
    while ordered and weights.total(ordered[-1:]) < rest:
        rest -= weights.total(ordered[-1:])
        ordered.pop()
    return ordered


def candidate_pairs(
    whens: Sequence[When], terms: Sequence[Terms], weights: Weights, threshold: float
) -> set[tuple[int, int]]:
    """The pairs of rows whose times agree and that may be alike (all such pairs at threshold
    0, when phrases need share nothing): two rows with predicates that share one, and pairs
    with a row without predicates that share a term of their :func:`prefix` at the threshold
    such a pair must reach (``threshold / UNSURE``, see :meth:`Weights.alike`)."""
    if threshold <= 0:
        return set(_overlapping_pairs(range(len(whens)), whens))
    unsure = min(1.0, threshold / UNSURE)
    by_predicate: dict[str, list[int]] = defaultdict(list)
    by_term: dict[str, list[int]] = defaultdict(list)
    for i, row_terms in enumerate(terms):
        for term in row_terms.predicates:
            by_predicate[term].append(i)
        for term in prefix(row_terms.all, weights, unsure):
            by_term[term].append(i)
    pairs: set[tuple[int, int]] = set()
    for rows in by_predicate.values():
        if len(rows) > 1:
            pairs.update(_overlapping_pairs(rows, whens))
    for rows in by_term.values():
        if len(rows) > 1 and not all(terms[i].predicates for i in rows):
            pairs.update(
                (i, j)
                for i, j in _overlapping_pairs(rows, whens)
                if not terms[i].predicates or not terms[j].predicates
            )
    return pairs


def group(
    whens: Sequence[When],
    terms: Sequence[Terms],
    weights: Weights,
    *,
    threshold: float,
    apart: Sequence[tuple[str, bool]] | None = None,
) -> list[list[int]]:
    """The groups of rows (lists of row numbers, in order, the groups by their first row).

    Rows at the same time with the same terms (a story syndicated word for word) are one row
    for the search of links, so that a thousand copies cost as one. ``apart``: for each row,
    its document and whether the publication day alone dates it: such a row links to another
    at ``threshold`` + :data:`UNDATED_MARGIN` (but at threshold 0), and a group holds it with
    another row of its document only through a link of the two at least :data:`SAME_ARTICLE`
    alike (an article's sentences without a date each tell their own
    happening of the day, and not again what its dated sentences tell, but a headline and
    its lead may: "Boeing unveils new 787 Dreamliner", "Boeing have unveiled their new 787
    Dreamliner").
    """
    parent = list(range(len(whens)))
    first: dict[tuple[When, frozenset[str]], int] = {}
    for i, (when, row_terms) in enumerate(zip(whens, terms, strict=True)):
        # a document's sentences without a date that say the same ("Ford said") are not one
        # row: each is its own happening of the day
        if row_terms.all and (apart is None or not apart[i][1]):
            parent[i] = first.setdefault((when, row_terms.all), i)
    unique = [i for i in range(len(whens)) if parent[i] == i]
    links = []
    for a, b in candidate_pairs(
        [whens[i] for i in unique], [terms[i] for i in unique], weights, threshold
    ):
        i, j = unique[a], unique[b]
        score = weights.alike(terms[i], terms[j])
        if apart is not None and threshold > 0 and (apart[i][1] or apart[j][1]):
            least = threshold + UNDATED_MARGIN  # the publication day is a weak date
        else:
            least = threshold
        if score >= least:
            links.append((-score, i, j))
    links.sort()
    common: dict[int, When] = dict(enumerate(whens))
    kept = _Apart.of(apart, parent) if apart is not None else None

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for score, i, j in links:
        ri, rj = root(i), root(j)
        if ri == rj:
            continue
        both = common[ri].meet(common[rj])
        if both is None:
            continue
        if kept is not None and not kept.may_join(ri, rj):
            # a headline and its lead may tell the same, in nearly the same words
            assert apart is not None
            if apart[i][0] != apart[j][0] or -score < SAME_ARTICLE:
                continue
        keep, gone = min(ri, rj), max(ri, rj)
        parent[gone] = keep
        common[keep] = both
        if kept is not None:
            kept.join(keep, gone)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(whens)):
        groups[root(i)].append(i)
    return [groups[r] for r in sorted(groups)]


@attrs.define
class _Apart:
    """For each group (by its root): its documents, and those of them whose rows in it are
    dated by the publication day alone."""

    docs: dict[int, set[str]]
    undated: dict[int, set[str]]

    @classmethod
    def of(cls, apart: Sequence[tuple[str, bool]], parent: Sequence[int]) -> _Apart:
        """The documents of each row, those of a row repeated word for word on its first."""
        docs: dict[int, set[str]] = defaultdict(set)
        undated: dict[int, set[str]] = defaultdict(set)
        for i, (doc, alone) in enumerate(apart):
            docs[parent[i]].add(doc)
            if alone:
                undated[parent[i]].add(doc)
        return cls(docs, undated)

    def may_join(self, a: int, b: int) -> bool:
        """Whether groups ``a`` and ``b`` hold no row dated by the publication day alone
        with another row of its document."""
        return self.undated[a].isdisjoint(self.docs[b]) and self.undated[b].isdisjoint(self.docs[a])

    def join(self, keep: int, gone: int) -> None:
        """Group ``gone`` joins group ``keep``."""
        self.docs[keep] |= self.docs.pop(gone, set())
        self.undated[keep] |= self.undated.pop(gone, set())
