"""Every notebook runs top to bottom on the sample corpus, matches its text twin,
shows a figure for every cell that draws one, and prints no warning."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))
# A cell draws a figure when it calls a plot function (framing.plot_*, pandas' .plot)
# or pyplot.
DRAWS = re.compile(r"\bplot_\w+\(|\.plot\(|\bplt\.\w+\(")


def test_every_notebook_has_a_py_percent_twin_and_no_stored_outputs():
    import jupytext
    import nbformat

    assert NOTEBOOKS, "no notebooks found"
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        twin = jupytext.read(path.with_suffix(".py"))
        sources = [cell.source for cell in notebook.cells]
        assert sources == [cell.source for cell in twin.cells], f"{path.name} differs from its .py twin"
        for cell in notebook.cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, f"{path.name} has stored outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_executes(path, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("FRAMING_PROGRESS", "0")
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    errors = [output for cell in cells for output in cell.outputs if output.output_type == "error"]
    assert not errors
    warnings = [output.text for cell in cells for output in cell.outputs
                if output.output_type == "stream" and output.name == "stderr" and "Warning" in output.text]
    assert not warnings, f"the notebook prints warnings: {warnings}"
    drawing = [cell for cell in cells if DRAWS.search(cell.source)]
    assert drawing, "the notebook should draw at least one figure"
    for cell in drawing:
        images = [output for output in cell.outputs if "image/png" in output.get("data", {})]
        assert images, f"this cell of {path.name} shows no figure:\n{cell.source}"
    if path.name.startswith("01_"):
        assert cells[-1] is drawing[-1], "notebook 01 ends on its last figure"


def test_loading_the_models_in_a_notebook_without_ipywidgets_prints_no_warning():
    """transformers imports tqdm.auto, which in a Jupyter kernel without ipywidgets
    warns "IProgress not found" on first import, even with progress=False. A fresh
    interpreter that looks like such a kernel loads the stance model and the
    sentence encoder; a control shows that the bare import of transformers warns."""
    kernel = textwrap.dedent("""
        import sys, types, warnings

        class ZMQInteractiveShell:
            config = {"IPKernelApp": {}}

        ipython = types.ModuleType("IPython")
        ipython.get_ipython = ZMQInteractiveShell
        sys.modules.update({"IPython": ipython, "ipykernel.zmqshell": types.ModuleType("ipykernel.zmqshell"),
                            "ipywidgets": None})
        warnings.simplefilter("always")
    """)
    models = kernel + textwrap.dedent("""
        import framing
        from framing.encoder import SentenceEncoder
        from framing.stance_model import TransformerStanceScorer

        TransformerStanceScorer().predict_proba_texts([("NATO leaders met in Vilnius.", 0, 4)])
        SentenceEncoder().encode(["NATO leaders met in Vilnius."])
        print("loaded")
    """)
    env = {**os.environ, "FRAMING_PROGRESS": "0"}
    control = subprocess.run([sys.executable, "-c", kernel + "import transformers\n"], capture_output=True,
                             text=True, env=env, timeout=300)
    assert "IProgress not found" in control.stderr, "the simulated kernel does not reproduce the warning"
    done = subprocess.run([sys.executable, "-c", models], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0 and "loaded" in done.stdout, done.stderr
    assert "IProgress not found" not in done.stderr
