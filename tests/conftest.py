from __future__ import annotations

from pathlib import Path

import pytest
from paths import ARTICLE


@pytest.fixture(scope="session")
def article_path() -> Path:
    return ARTICLE
