"""The sentence-shaped property test with ten times the examples CI runs (200,000 by default).

    python benchmarks/long_properties.py            # 200,000 examples (tens of minutes)
    python benchmarks/long_properties.py 1000000    # as many as you like

CI runs 20,000 (``tests/test_properties.py``); this is the longer hunt for a text that breaks a
row's invariants. The examples are derandomised, so a failure found here is found again.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1] / "tests"


def main(argv: list[str]) -> int:
    os.environ["TIMELINE_PROPERTY_EXAMPLES"] = argv[0] if argv else "200000"
    test = f"{TESTS / 'test_properties.py'}::test_sentence_shaped_text_never_raises"
    return int(pytest.main(["-q", "-p", "no:cacheprovider", test]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
