"""The example notebooks run from a clean kernel, draw their figures, and are stored clean.

These run in a plain ``python -m pytest`` (no marker to opt in): a notebook that no longer runs
is a broken example. The kernel is the ``python3`` kernel spec that ipykernel provides;
jupyter_client starts it with this interpreter, so it imports the ``timeline`` under test.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NOTEBOOKS = ["quickstart.ipynb", "corpus.ipynb", "history.ipynb"]
#: What each notebook writes, and what it must show besides its figures.
WRITES = {
    "corpus.ipynb": ["apple-timeline.html", "apple-timeline.json"],
    "history.ipynb": ["punic-wars.html"],
}
WIDGET = "application/vnd.jupyter.widget-view+json"


def kernel_available() -> None:
    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:  # pragma: no cover - an environment problem, said plainly
        pytest.fail("no 'python3' Jupyter kernel: pip install ipykernel in this environment")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_from_a_clean_kernel_and_draws(name: str) -> None:
    kernel_available()
    for written in WRITES.get(name, []):
        (EXAMPLES / written).unlink(missing_ok=True)
    nb = nbformat.read(EXAMPLES / name, as_version=4)
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
    )
    client.execute()  # raises CellExecutionError, with the traceback, if a cell fails
    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    kinds = {kind for out in outputs for kind in out.get("data", {})}
    assert "image/png" in kinds, f"{name} drew no matplotlib figure: {sorted(kinds)}"
    assert "application/vnd.plotly.v1+json" in kinds, f"{name} drew no plotly figure"
    stderr = "".join(out.get("text", "") for out in outputs if out.get("name") == "stderr")
    assert "Traceback" not in stderr
    if name == "corpus.ipynb":  # extract_corpus's progress: a widget in a notebook, not text
        assert WIDGET in kinds, f"no progress widget: {sorted(kinds)}"
        assert "it/s" not in stderr and "doc/s" not in stderr
    for written in WRITES.get(name, []):
        assert (EXAMPLES / written).stat().st_size > 1000, written


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_is_stored_without_outputs(name: str) -> None:
    nb = nbformat.read(EXAMPLES / name, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_the_history_has_no_date_and_its_attribution() -> None:
    text = (EXAMPLES / "punic_wars" / "punic-wars.txt").read_text(encoding="utf-8")
    head = text.split("\nText:", 1)[0]
    assert head.startswith("Title: Punic Wars") and "Published Time" not in head
    assert "BC" in text and "nineteenth century" in text
    readme = (EXAMPLES / "punic_wars" / "README.md").read_text(encoding="utf-8")
    for needed in (
        "Punic Wars",
        "https://en.wikipedia.org/w/index.php?title=Punic_Wars&action=history",
        "CC BY-SA 3.0",
        "https://creativecommons.org/licenses/by-sa/3.0/",
        "WikiWars",
    ):
        assert needed in readme, needed


def test_the_corpus_bundle_has_texts_with_dates_and_an_attribution() -> None:
    texts = sorted((EXAMPLES / "meantime_apple").glob("*.txt"))
    assert 8 <= len(texts) <= 15
    for path in texts:
        head = path.read_text(encoding="utf-8").split("\nText:", 1)[0]
        assert head.startswith("Published Time: 20") and "\nTitle: " in head
    readme = (EXAMPLES / "meantime_apple" / "README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme and "MEANTIME" in readme
