"""How well the colours of the pictures can be told apart, also by colour-blind readers.

Each pair of colours is compared by its distance in CAM02-UCS (a uniform colour space: about 1
is a just noticeable difference) as seen with normal vision and with the three kinds of
dichromacy simulated at full severity (Machado et al. 2009, as implemented by colorspacious):
deuteranomaly, protanomaly, tritanomaly. A palette's figure is its smallest distance::

    python benchmarks/palette.py             # the figures of timeline.plot.colours.PALETTE
    python benchmarks/palette.py --search 18 # choose a palette anew (how PALETTE was chosen)

The search is greedy farthest-point selection on a 24-step sRGB grid: candidates of lightness
J' 35 to 80 (dark enough on white, light enough for a label on a faded bar) and chroma of at
least 20 (no greys or near-greys, which pass for one another), a blue to start, then each next
colour the candidate farthest from every chosen one in the worst of the four visions. So the
first colours of the palette are the most distinct: a frame of few documents gets them.
"""

from __future__ import annotations

import argparse
import itertools

import numpy as np
from colorspacious import cspace_convert

from timeline.plot.colours import PALETTE

VISIONS = (None, "deuteranomaly", "protanomaly", "tritanomaly")


def seen(rgb: np.ndarray, vision: str | None) -> np.ndarray:
    """sRGB colours (0 to 1) in CAM02-UCS, as a reader with ``vision`` sees them."""
    if vision is not None:
        cvd = {"name": "sRGB1+CVD", "cvd_type": vision, "severity": 100}
        rgb = np.clip(cspace_convert(rgb, cvd, "sRGB1"), 0, 1)
    return np.asarray(cspace_convert(rgb, "sRGB1", "CAM02-UCS"))


def rgb_of(colours: list[str] | tuple[str, ...]) -> np.ndarray:
    return np.array([[int(c[i : i + 2], 16) / 255 for i in (1, 3, 5)] for c in colours])


def smallest_distances(rgb: np.ndarray) -> dict[str, float]:
    """The smallest distance between two of the colours, in each vision."""
    out = {}
    for vision in VISIONS:
        ucs = seen(rgb, vision)
        d = np.linalg.norm(ucs[:, None] - ucs[None], axis=2)
        np.fill_diagonal(d, np.inf)
        out[vision or "normal"] = float(d.min())
    return out


def search(n: int, steps: int = 24) -> list[str]:
    """``n`` colours by greedy farthest-point selection (see the module docstring)."""
    grid = np.linspace(0, 1, steps)
    candidates = np.array(list(itertools.product(grid, grid, grid)))
    ucs = seen(candidates, None)
    keep = (ucs[:, 0] >= 35) & (ucs[:, 0] <= 80) & (np.hypot(ucs[:, 1], ucs[:, 2]) >= 20)
    candidates = candidates[keep]
    views = np.stack([seen(candidates, v) for v in VISIONS])
    chosen = [int(np.argmin(np.linalg.norm(candidates - [0.0, 0.45, 0.7], axis=1)))]
    nearest = np.full(len(candidates), np.inf)
    while len(chosen) < n:
        last = views[:, chosen[-1]][:, None]
        nearest = np.minimum(nearest, np.linalg.norm(views - last, axis=2).min(axis=0))
        chosen.append(int(np.argmax(nearest)))
    return ["#" + "".join(f"{round(c * 255):02x}" for c in candidates[i]) for i in chosen]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--search", type=int, metavar="N", help="choose N colours anew")
    args = parser.parse_args()
    colours = search(args.search) if args.search else list(PALETTE)
    if args.search:
        print("(" + ", ".join(f'"{c}"' for c in colours) + ")")
    for n in sorted({8, 14, len(colours)}):
        if n <= len(colours):
            figures = smallest_distances(rgb_of(colours[:n]))
            shown = ", ".join(f"{k} {v:.1f}" for k, v in figures.items())
            print(f"first {n:2d} colours, smallest distance: {shown}")


if __name__ == "__main__":
    main()
