"""How alike two event phrases are: their shared terms, weighed by what they tell apart.

Each term (:mod:`timeline.merge.terms`) weighs

- its *rarity* in the corpus, ``log(1 + N / df)`` for ``N`` documents of which ``df`` use it
  (in an Apple corpus "apple" tells little, "cancer" much), times
- :data:`NAME_WEIGHT` when it is a name ("iPhone", "A380", "Jobs", "4"): the same names are
  the surest sign of the same happening.

The similarity of two phrases is the weight of the terms they share over the geometric mean of
their whole weights (a weighted cosine of their term sets), from 0 (nothing shared) to 1 (the
same terms), so that a short phrase whose terms all recur in a longer one is alike to it:

>>> w = Weights.from_documents([{"fall", "market", "world"}, {"fall", "market", "apple"}], set())
>>> round(w.similarity(frozenset({"fall", "market", "world"}), frozenset({"fall", "market"})), 2)
0.75
>>> w.similarity(frozenset(), frozenset({"fall"}))
0.0
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Set

import attrs

from timeline.merge.terms import Terms

__all__ = ["NAME_WEIGHT", "UNSURE", "Weights"]

#: How much more a name weighs than another word of the same rarity.
NAME_WEIGHT = 2.0
#: What the similarity of two phrases counts for when one of them has no predicate.
UNSURE = 0.7


@attrs.frozen
class Weights:
    """The weight of each term of a corpus (see the module docstring)."""

    weight: dict[str, float]
    #: The weight of a term the corpus has not seen (in a single document).
    unseen: float
    #: The total weight of each set of terms met so far.
    _totals: dict[frozenset[str], float] = attrs.field(factory=dict, eq=False, repr=False)

    @classmethod
    def from_documents(cls, documents: Iterable[Set[str]], names: Set[str]) -> Weights:
        """Weights from the terms of each document (a set per document) and the terms that
        are names."""
        df: Counter[str] = Counter()
        n = 0
        for terms in documents:
            df.update(terms)
            n += 1
        weight = {
            t: math.log(1 + n / k) * (NAME_WEIGHT if t in names else 1.0) for t, k in df.items()
        }
        return cls(weight, math.log(1 + max(n, 1)))

    def total(self, terms: Iterable[str]) -> float:
        """The summed weight of some terms."""
        return sum(self.weight.get(t, self.unseen) for t in terms)

    def _total(self, terms: frozenset[str]) -> float:
        found = self._totals.get(terms)
        if found is None:
            found = self._totals[terms] = self.total(terms)
        return found

    def similarity(self, a: frozenset[str], b: frozenset[str]) -> float:
        """The weight of the terms ``a`` and ``b`` share over the geometric mean of their
        weights; 0.0 when either has no term."""
        if not a or not b:
            return 0.0
        shared = self.total(a & b)
        if shared == 0.0:
            return 0.0
        return shared / math.sqrt(self._total(a) * self._total(b))

    def alike(self, a: Terms, b: Terms) -> float:
        """How alike two phrases are: the :meth:`similarity` of their terms when they share a
        predicate; 0.0 when both have predicates and share none ("GM ran out of funds" and
        "GM received loans" name two happenings); and :data:`UNSURE` times their similarity
        when one names no happening of its own ("is Boeing's day")."""
        if a.predicates and b.predicates:
            return self.similarity(a.all, b.all) if a.predicates & b.predicates else 0.0
        return UNSURE * self.similarity(a.all, b.all)
