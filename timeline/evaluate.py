"""``python -m timeline.evaluate``: the command line of :mod:`timeline.evaluation`.

The names of :mod:`timeline.evaluation` (``evaluate``, ``score_document``, ``Report``,
``evaluate_events``, ...) are importable from here as before; see
:mod:`timeline.evaluation.cli` for the command.
"""

import sys

from timeline import evaluation
from timeline.evaluation import *  # noqa: F403  (re-exported: the names of timeline.evaluation)
from timeline.evaluation import main

__all__ = evaluation.__all__

if __name__ == "__main__":
    sys.exit(main())
