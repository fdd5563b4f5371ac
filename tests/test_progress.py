"""Progress bars: silent when disabled, and no notebook warnings without ipywidgets."""

from __future__ import annotations

import sys
import types
import warnings

import pytest
from tqdm.std import tqdm as text_tqdm

from framing._progress import progress_bar


@pytest.fixture
def notebook_without_widgets(monkeypatch):
    """Look like a Jupyter kernel in which ipywidgets is not installed."""

    class ZMQInteractiveShell:  # the shell class of a Jupyter kernel
        pass

    ipython = types.ModuleType("IPython")
    ipython.get_ipython = ZMQInteractiveShell
    monkeypatch.setitem(sys.modules, "IPython", ipython)
    monkeypatch.setitem(sys.modules, "ipykernel.zmqshell", types.ModuleType("ipykernel.zmqshell"))
    monkeypatch.setitem(sys.modules, "ipywidgets", None)  # import fails
    for name in ("tqdm.auto", "tqdm.autonotebook", "tqdm.notebook"):  # re-imported afresh
        monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.delenv("QT_API", raising=False)
    monkeypatch.delenv("FRAMING_PROGRESS", raising=False)  # CI sets it to 0; this test needs a live bar


@pytest.mark.parametrize("disable", [True, False])
def test_no_iprogress_warning_in_a_notebook_without_ipywidgets(notebook_without_widgets, disable):
    # Recorded rather than raised: tqdm catches its own warning when it is raised as an error.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with progress_bar(total=3, desc="analyze", unit="article", disable=disable) as bar:
            assert bar.disable is disable
            bar.update(3)
    assert [str(warning.message) for warning in caught] == []
    assert type(bar) is text_tqdm
    assert "tqdm.notebook" not in sys.modules


def test_environment_variable_disables_the_bar(monkeypatch, capsys):
    monkeypatch.setenv("FRAMING_PROGRESS", "0")
    with progress_bar(total=2, desc="analyze", unit="article") as bar:
        assert bar.disable
        bar.update(2)
    assert capsys.readouterr().err == ""
