"""Where the tests find their data: fixtures here, the gold corpora in ../shared/corpora."""

from __future__ import annotations

import os
from pathlib import Path

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
TIMEML_DATA = DATA / "timeml"
ARTICLE = TESTS.parent / "examples" / "globaltimes-2022-01-10-kazakhstan.txt"
#: The gold corpora; TIMELINE_CORPORA overrides ../shared/corpora.
CORPORA = Path(os.environ.get("TIMELINE_CORPORA", TESTS.parents[1] / "shared" / "corpora"))
TBAQ = CORPORA / "tempeval3" / "TBAQ-cleaned"
MEANTIME = CORPORA / "meantime_english"
#: The development corpora by name (their check parts included), as read_corpus reads them.
DEVELOPMENT = {
    "tbaq": TBAQ,
    "meantime": MEANTIME,
    "wikiwars": CORPORA / "wikiwars_timeml" / "train",
    "tweets": CORPORA / "tweets_timeml" / "train",
}
