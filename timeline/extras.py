"""Optional libraries: imported when a function needs one, with the extra that installs it named.

``pip install timeline`` brings what extraction needs; pictures need matplotlib or plotly
(``timeline[plot]``), Parquet files need pyarrow (``timeline[parquet]``). A function that needs
one calls :func:`require` first, so a missing library is a :class:`ModuleNotFoundError` that
says what to install, not a bare ``No module named 'matplotlib'`` from deep inside.

>>> require("json", what="this doctest").__name__
'json'
>>> require("matplotlib_that_is_not_there", what="timeline.plot")
Traceback (most recent call last):
...
ModuleNotFoundError: timeline.plot needs matplotlib_that_is_not_there, which is not installed: \
pip install 'timeline[plot]'
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["EXTRAS", "require"]

#: The extra of ``pyproject.toml`` that installs each optional library (by its top module).
EXTRAS: dict[str, str] = {
    "matplotlib": "plot",
    "plotly": "plot",
    "pyarrow": "parquet",
    "dask": "dask",
    "distributed": "dask",
}


def require(module: str, *, what: str, extra: str | None = None) -> ModuleType:
    """Import ``module`` for ``what``, or raise ``ModuleNotFoundError`` naming the extra.

    ``extra`` defaults to the one :data:`EXTRAS` gives the module's top package (``plot`` for
    an unknown one). The original error is chained, so a library that is installed but broken
    still shows why it did not import.
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        top = module.split(".")[0]
        extra = extra or EXTRAS.get(top, "plot")
        missing = isinstance(exc, ModuleNotFoundError) and (exc.name or "").split(".")[0] == top
        state = "which is not installed" if missing else f"which could not be imported ({exc})"
        raise ModuleNotFoundError(
            f"{what} needs {top}, {state}: pip install 'timeline[{extra}]'", name=top
        ) from exc
