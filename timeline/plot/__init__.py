"""Pictures of a timeline frame: :func:`plot` (matplotlib) and :func:`plot_interactive` (plotly).

Both take any frame with the columns ``start``, ``end`` (datetime64) and ``text``, such as the
frame of :func:`timeline.extract`, a concatenation of several, or :func:`timeline.merge`'s
corpus timeline; ``event``, ``label``, ``title``, ``doc_id``, ``sentence``, ``count``,
``sources`` and ``doc_ids`` are used when present. Rows whose ``start`` or ``end`` is NaT are
not on the timeline and are skipped. Rows read top to bottom in time order, each labelled with
its date at its grain and its event.

Dates are drawn on a numeric axis of *fractional years*, computed from ``datetime64[s]`` with
integer arithmetic (:func:`fractional_years`), with our own ticks and labels
(:func:`time_ticks`): ``490 BC``, ``AD 500``, ``1066``, ``2022-01``, ``2022-01-10``. That is
what lets 490 BC, 1066 and 2022 share one axis: neither matplotlib's date axis nor pandas'
nanosecond timestamps reach before 1677.

Matplotlib and plotly are imported inside the functions, so ``import timeline`` needs neither.

One idea a module:

- :mod:`~timeline.plot.static` draws the matplotlib figure, :mod:`~timeline.plot.interactive`
  the plotly figure (with :mod:`~timeline.plot.hover`, what hovering shows);
- :mod:`~timeline.plot.lanes` stacks events and labels in lanes so that no label overlaps,
  from the text widths of :mod:`~timeline.plot.measure`;
- :mod:`~timeline.plot.years` places dates at fractional years and writes them,
  :mod:`~timeline.plot.ticks` chooses the ticks of that axis;
- :mod:`~timeline.plot.rows` picks the rows on the timeline, :mod:`~timeline.plot.when`
  writes their dates at their grain, :mod:`~timeline.plot.labels` their labels and the title,
  :mod:`~timeline.plot.colours` colours them (a palette colour-blind readers can tell apart)
  and :mod:`~timeline.plot.legend` draws the legend outside the plot;
- the columns a picture needs and the check of a frame are :mod:`timeline.schema`'s.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import numpy as np, pandas as pd
>>> df = pd.DataFrame({
...     "text": ["490 BC", "1066", "2022"],
...     "event": ["the battle of Marathon", "the Normans invaded England", "talks"],
...     "start": np.array(["-0489-01-01", "1066-01-01", "2022-01-01"], dtype="datetime64[s]"),
...     "end": np.array(["-0488-01-01", "1067-01-01", "2023-01-01"], dtype="datetime64[s]"),
... })
>>> ax = plot(df)
>>> sorted(t.get_text() for t in ax.texts)  # doctest: +NORMALIZE_WHITESPACE
['1066 · the Normans invaded England', '2022 · talks', '490 BC · the battle of Marathon']
>>> ax.figure.canvas.draw()
>>> [t.get_text() for t in ax.get_xticklabels()][:3]
['400 BC', '200 BC', 'AD 1']
>>> import matplotlib.pyplot as plt; plt.close(ax.figure)
"""

from timeline.plot.interactive import plot_interactive
from timeline.plot.static import plot
from timeline.plot.ticks import time_ticks
from timeline.plot.years import fractional_years
from timeline.schema import REQUIRED, check_frame

__all__ = ["REQUIRED", "check_frame", "fractional_years", "plot", "plot_interactive", "time_ticks"]
