"""SLOW NOTEBOOK TEST: runs notebooks/explore.ipynb top to bottom in a Jupyter kernel.

It starts the kernel "python3" of this interpreter (jupyter_client runs a kernel spec whose
command is ``python`` with ``sys.executable``; the spec ships with ipykernel). Without a saved
graph (``KG_GRAPH`` points nowhere here) the notebook builds the demo's graph, which loads
spaCy and takes a few seconds. It also checks that the notebook is stored without outputs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("pandas")
pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
CHECK_KERNEL = "import sys; print(sys.prefix)"
MAX_EXECUTED_BYTES = 1_000_000


def test_notebook_is_stored_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)


def test_notebook_tells_the_story_with_plots_tables_and_the_page(monkeypatch, tmp_path):
    # The kernel runs in a copy of notebooks/ (it writes the ego page beside itself): make kg
    # importable there, point it at the sample articles, and prefer this environment's kernel
    # spec over one in the user's Jupyter folder.
    work = tmp_path / "notebooks"
    work.mkdir()
    (tmp_path / "data").symlink_to(ROOT / "data")
    path = os.environ.get("PYTHONPATH")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), path])))
    monkeypatch.setenv("JUPYTER_PATH", str(Path(sys.prefix) / "share" / "jupyter"))
    monkeypatch.setenv("KG_GRAPH", str(tmp_path / "no-saved-graph.json"))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(CHECK_KERNEL))
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(work)}})
    client.execute()  # raises CellExecutionError, with the cell and traceback, if a cell fails

    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    figures = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(figures) >= 4  # events per week, busiest actors, communities, one pair
    tables = [o for o in outputs if "<table" in o.get("data", {}).get("text/html", "")]
    assert len(tables) >= 5
    frames = [o for o in outputs if '<iframe' in o.get("data", {}).get("text/html", "")]
    assert len(frames) == 1 and 'src="ego.html"' in frames[0].data["text/html"]
    assert "Volodymyr Zelenskyy" in (work / "ego.html").read_text(encoding="utf-8")
    assert len(nbformat.writes(notebook).encode("utf-8")) < MAX_EXECUTED_BYTES
    kernel_prefix = notebook.cells[-1].outputs[0].text.strip()
    assert kernel_prefix == sys.prefix, "the notebook kernel is not this environment's Python"
