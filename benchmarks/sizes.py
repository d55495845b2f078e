"""Sizes of the code: no module much over 800 lines, no class over 400, no function over 80.

A yardstick for "no file a newcomer fears to open", read from the code with :mod:`ast`::

    python benchmarks/sizes.py              # the largest of each, and those over the limits
    python benchmarks/sizes.py --top 20     # more rows

Lines are physical lines, docstrings and comments included (what a reader scrolls through).
Exit 1 if anything is over its limit.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMITS = {"module": 800, "class": 400, "function": 80}


def measure(package: Path) -> list[tuple[str, str, int]]:
    """(kind, name, lines) of every module, class and function under ``package``."""
    rows: list[tuple[str, str, int]] = []
    for path in sorted(package.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT).as_posix()
        rows.append(("module", name, len(source.splitlines())))
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                kind = "class" if isinstance(node, ast.ClassDef) else "function"
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                lines = (node.end_lineno or node.lineno) - first + 1
                rows.append((kind, f"{name}:{node.lineno} {node.name}", lines))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=5, help="rows of each kind")
    parser.add_argument("--package", default="timeline", help="folder to measure")
    args = parser.parse_args(argv)
    rows = measure(ROOT / args.package)
    over = 0
    print("| kind | limit | largest | lines | over the limit |")
    print("|---|---|---|---|---|")
    for kind, limit in LIMITS.items():
        mine = sorted((r for r in rows if r[0] == kind), key=lambda r: -r[2])
        n_over = sum(1 for r in mine if r[2] > limit)
        over += n_over
        for i, (_, name, lines) in enumerate(mine[: args.top]):
            first = f"{kind} ({len(mine)})" if i == 0 else ""
            print(
                f"| {first} | {limit if i == 0 else ''} | `{name}` | {lines} | "
                f"{n_over if i == 0 else ''} |"
            )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
