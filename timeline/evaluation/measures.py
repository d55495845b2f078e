"""The arithmetic of the scores: a ratio that is 0 for nothing counted, and F1.

>>> ratio(3, 4), ratio(1, 0), round(f1(0.75, 0.6), 4)
(0.75, 0.0, 0.6667)
"""

from __future__ import annotations

__all__ = ["f1", "ratio"]


def ratio(numerator: int, denominator: int) -> float:
    """``numerator / denominator``, 0 when the denominator is 0."""
    return numerator / denominator if denominator else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall, 0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
