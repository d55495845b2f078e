"""Habits people bring (issue 16): a version flag, a word instead of an empty table, progress
that suits a notebook or a terminal, and a missing optional library named with its extra.

``extract_corpus(list_of_texts, published="2022-01-10")`` meaning one date for every text is
tested in ``tests/test_corpus_columns.py``; the notebook widget in ``tests/test_notebooks.py``.
"""

from __future__ import annotations

import importlib.metadata
import sys
import types
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from frames import timeline_of
from test_article import _cli  # python -m timeline, its output captured
from tqdm.std import tqdm as text_tqdm

import timeline
from timeline.corpus import progress


def test_version_is_the_installed_one() -> None:
    out = _cli("--version")
    assert out.returncode == 0
    assert out.stdout.strip() == f"timeline {importlib.metadata.version('timeline')}"


@pytest.mark.parametrize(
    ("text", "args", "says"),
    [
        (
            "She left on Thursday and was back the next day.",
            [],
            "2 date(s) need a publication date to be placed ('Thursday', 'the next day'); "
            "give it with --published YYYY-MM-DD.",
        ),
        (
            "Nothing here is dated at all.",
            [],
            "(it has no publication date: relative dates such as 'Thursday' need one).",
        ),
        ("Nothing here is dated at all.", ["--published", "2022-01-10"], "no dated events found."),
    ],
)
def test_a_text_without_dated_events_is_said_so_not_an_empty_table(
    text: str, args: list[str], says: str
) -> None:
    out = _cli("-", *args, stdin=text)
    assert out.returncode == 0
    assert out.stdout == ""
    assert out.stderr.startswith("timeline: -: no dated events found")
    assert says in out.stderr


def test_the_other_files_still_make_their_table(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("Nothing is dated here.", encoding="utf-8")
    dated = tmp_path / "dated.txt"
    dated.write_text("The treaty was signed in 1991.", encoding="utf-8")
    out = _cli(str(empty), str(dated))
    assert out.returncode == 0
    assert "1991" in out.stdout and "Empty DataFrame" not in out.stdout
    assert "empty.txt: no dated events found" in out.stderr


def test_machine_formats_stay_machine_readable_when_empty() -> None:
    csv = _cli("-", "--format", "csv", stdin="Nothing is dated here.")
    assert csv.stdout.splitlines() == [",".join(timeline.COLUMNS)]
    jsonl = _cli("-", "--format", "jsonl", stdin="Nothing is dated here.")
    assert jsonl.stdout == "" and "no dated events" in jsonl.stderr


def test_progress_is_text_on_standard_error_outside_a_notebook(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bar = progress.progress_bar(True, total=3)
    assert isinstance(bar, text_tqdm)
    bar.update(3)
    bar.close()
    assert "3/3" in capsys.readouterr().err


def _fake_ipython(monkeypatch: pytest.MonkeyPatch, *, kernel: bool) -> None:
    shell = types.SimpleNamespace(kernel=object() if kernel else None)
    fake = types.ModuleType("IPython")
    monkeypatch.setattr(fake, "get_ipython", lambda: shell, raising=False)  # a new attribute
    monkeypatch.setitem(sys.modules, "IPython", fake)


def test_progress_is_on_by_default_in_a_notebook_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "_interactive", lambda: False)
    assert isinstance(progress.progress_bar(None, total=3), progress._NoBar)
    _fake_ipython(monkeypatch, kernel=False)  # IPython in a terminal: not a notebook
    assert not progress.in_notebook()
    _fake_ipython(monkeypatch, kernel=True)
    assert progress.in_notebook()
    bar = progress.progress_bar(None, total=3)
    assert not isinstance(bar, progress._NoBar)
    bar.close()


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "text": ["2011"],
            "start": np.array(["2011-01-01"], dtype="datetime64[s]"),
            "end": np.array(["2012-01-01"], dtype="datetime64[s]"),
        }
    )


MISSING: list[tuple[str, str, Callable[[Path], object]]] = [
    ("matplotlib", "plot", lambda _: timeline_of(_frame()).plot()),
    ("plotly", "plot", lambda _: timeline_of(_frame()).plot_interactive()),
    ("pyarrow", "parquet", lambda tmp: timeline.extract_corpus_to_parquet(["x"], tmp / "x.pq")),
]


@pytest.mark.parametrize(("module", "extra", "call"), MISSING, ids=[m[0] for m in MISSING])
def test_a_missing_optional_library_names_its_extra(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    module: str,
    extra: str,
    call: Callable[[Path], object],
) -> None:
    for name in [m for m in sys.modules if m == module or m.startswith(module + ".")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    with pytest.raises(ModuleNotFoundError, match=rf"pip install 'timeline\[{extra}\]'") as info:
        call(tmp_path)
    assert info.value.name == module and "not installed" in str(info.value)
