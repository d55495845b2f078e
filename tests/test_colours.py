"""The palette of the pictures can be told apart, by colour-blind readers too.

Distances in CAM02-UCS (about 1 is a just noticeable difference) with normal vision and with
each kind of dichromacy simulated at full severity; ``benchmarks/palette.py`` prints them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from timeline.plot.colours import DEFAULT_COLOUR, PALETTE, palette_of

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import palette  # benchmarks/palette.py: the measure (with colorspacious)

#: The old palette (matplotlib's tab10 and ten hues of tab20b/c), which the issue found wanting.
TAB20ISH = (
    *("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2"),
    *("#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39"),
)


def test_more_than_fourteen_distinct_colours() -> None:
    assert len(PALETTE) > 14
    assert len(set(PALETTE)) == len(PALETTE) and PALETTE[0] == DEFAULT_COLOUR


@pytest.mark.parametrize(("first", "least"), [(8, 16.0), (14, 11.0), (len(PALETTE), 10.0)])
def test_every_pair_can_be_told_apart_in_every_vision(first: int, least: float) -> None:
    distances = palette.smallest_distances(palette.rgb_of(PALETTE[:first]))
    assert set(distances) == {"normal", "deuteranomaly", "protanomaly", "tritanomaly"}
    assert min(distances.values()) >= least, distances


def test_the_measure_tells_the_old_palette_apart_from_the_new() -> None:
    old = palette.smallest_distances(palette.rgb_of(TAB20ISH))
    assert min(old.values()) < 3  # two hues that a protanope cannot tell apart


def test_the_search_gives_the_palette_back() -> None:
    assert tuple(palette.search(len(PALETTE))) == PALETTE


def test_categories_take_the_most_distinct_colours_first() -> None:
    names = [f"article {i:02d}" for i in range(20)]
    colours = palette_of(names)
    assert list(colours.values())[:3] == list(PALETTE[:3])
    assert colours["article 18"] == PALETTE[0]  # past eighteen, colours repeat
