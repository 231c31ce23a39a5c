"""SLOW NOTEBOOK TEST: runs notebooks/explore.ipynb top to bottom in a Jupyter kernel.

It starts the kernel "python3" of this interpreter (jupyter_client runs a kernel spec whose
command is ``python`` with ``sys.executable``; the spec ships with ipykernel), loads spaCy and
takes a few seconds. It also checks that the notebook is stored without outputs.
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

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
CHECK_KERNEL = "import sys; print(sys.prefix)"


def test_notebook_is_stored_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)


def test_notebook_runs_and_shows_the_graph(monkeypatch):
    # The kernel runs in notebooks/: make kg importable there, and prefer this environment's
    # kernel spec over one in the user's Jupyter folder.
    path = os.environ.get("PYTHONPATH")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), path])))
    monkeypatch.setenv("JUPYTER_PATH", str(Path(sys.prefix) / "share" / "jupyter"))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(CHECK_KERNEL))
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError, with the cell and traceback, if a cell fails

    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    pages = [o.data["text/html"] for o in outputs
             if '<iframe srcdoc="' in o.get("data", {}).get("text/html", "")]
    assert len(pages) == 1 and "&lt;!doctype html" in pages[0].lower()
    assert "height: 650px" in pages[0] and "&lt;script" in pages[0]
    kernel_prefix = notebook.cells[-1].outputs[0].text.strip()
    assert kernel_prefix == sys.prefix, "the notebook kernel is not this environment's Python"
