"""``import timeline`` is light: pandas, numpy, dateparser and the plotting and parallel
libraries are imported when first used, and ``df.timeline`` is there in any import order.

Each check runs in a fresh interpreter (these are not timings: benchmarks/speed.py times).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pandas as pd

import timeline
from timeline import accessor

#: The directory that holds the timeline package this test process imported.
ROOT = Path(timeline.__file__).resolve().parents[1]
HEAVY = ("pandas", "numpy", "pyarrow", "dateparser", "matplotlib", "plotly", "dask")


def _python(code: str, *args: str, cwd: Path | None = None) -> str:
    """Run ``code`` in a fresh interpreter, warnings as errors; its standard output."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd or ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_import_timeline_imports_no_heavy_library() -> None:
    code = f"""
        import sys, timeline
        print(sorted(m for m in {HEAVY!r} if m in sys.modules))
    """
    assert _python(code) == "[]"


def test_the_public_api_is_there_without_pandas() -> None:
    code = """
        import sys, timeline
        assert all(hasattr(timeline, name) for name in timeline.__all__)
        print("pandas" in sys.modules)
    """
    assert _python(code) == "False"


def test_the_library_never_imports_the_evaluation() -> None:
    code = """
        import importlib, pkgutil, sys, timeline
        evaluation = ("timeline.evaluation", "timeline.evaluate", "timeline.baseline")

        def import_library(path, prefix):
            for module in pkgutil.iter_modules(path, prefix):
                if module.name.startswith(evaluation) or module.name == "timeline.__main__":
                    continue
                imported = importlib.import_module(module.name)
                if module.ispkg:
                    import_library(imported.__path__, module.name + ".")

        import_library(timeline.__path__, "timeline.")
        df = timeline.extract("Talks began on Monday.", published="2022-01-12")
        timeline.to_timeml("In 2016.", timeline.timexes("In 2016."))
        df.timeline.merge()
        print(sorted(m for m in sys.modules if m.startswith(evaluation)))
    """
    assert _python(code) == "[]"


def test_the_gold_readers_are_still_importable_from_timeml() -> None:
    code = """
        from timeline.timeml import TimeMLDocument, read_corpus
        import timeline.evaluation as evaluation
        print(TimeMLDocument is evaluation.TimeMLDocument and read_corpus is evaluation.read_corpus)
    """
    assert _python(code) == "True"


def test_accessor_when_pandas_is_imported_after_timeline() -> None:
    code = """
        import sys, timeline
        import pandas as pd
        from timeline.accessor import TimelineAccessor, _PandasHook
        df = pd.DataFrame({"text": ["x"], "start": [pd.Timestamp(2020, 1, 1)],
                           "end": [pd.Timestamp(2021, 1, 1)]})
        assert isinstance(df.timeline, TimelineAccessor)
        assert not any(isinstance(f, _PandasHook) for f in sys.meta_path)  # removed itself
        assert type(pd.__loader__).__name__ == "SourceFileLoader", pd.__loader__
        assert pd.__spec__.loader is pd.__loader__
        timeline.extract("In 2016.")  # registering again (frame building) does not warn
        print(df.timeline.between("2020", "2022")["text"].tolist())
    """
    assert _python(code) == "['x']"


def test_accessor_when_pandas_is_imported_first() -> None:
    code = """
        import sys
        import pandas as pd
        import timeline
        from timeline.accessor import _PandasHook
        assert not any(isinstance(f, _PandasHook) for f in sys.meta_path)
        timeline.extract("In 2016.")
        print(hasattr(pd.DataFrame, "timeline"))
    """
    assert _python(code) == "True"


def test_accessor_when_timeline_imports_pandas_itself() -> None:
    code = """
        import timeline
        df = timeline.extract("In 2016.")
        print(df.timeline.coarsen("decade")["start"].astype(str).tolist())
    """
    assert _python(code) == "['2010-01-01']"


def test_accessor_when_a_pandas_submodule_is_imported_first() -> None:
    code = """
        import timeline
        from pandas.api.types import is_string_dtype
        import pandas as pd
        print(hasattr(pd.DataFrame, "timeline"))
    """
    assert _python(code) == "True"


def test_accessor_in_a_spawned_worker(tmp_path: Path) -> None:
    script = tmp_path / "spawned.py"
    script.write_text(
        textwrap.dedent(
            """
            import concurrent.futures as cf
            import multiprocessing
            import sys

            import timeline


            def probe():
                before = "pandas" in sys.modules
                import pandas as pd
                return before, hasattr(pd.DataFrame, "timeline")


            if __name__ == "__main__":
                context = multiprocessing.get_context("spawn")
                with cf.ProcessPoolExecutor(1, mp_context=context) as pool:
                    print(pool.submit(probe).result())
            """
        )
    )
    code = "import runpy, sys; runpy.run_path(sys.argv[1], run_name='__main__')"
    assert _python(code, str(script), cwd=tmp_path) == "(False, True)"


def test_register_twice_does_not_warn() -> None:
    assert hasattr(pd.DataFrame, "timeline")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        accessor.register()
        accessor.register(pd)
