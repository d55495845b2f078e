from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
ARTICLE = ROOT / "examples" / "globaltimes-2022-01-10-kazakhstan.txt"


@pytest.fixture(scope="session")
def article_path() -> Path:
    return ARTICLE
