"""Progress bars that show throughput (items/s) on a terminal and in notebooks."""

from __future__ import annotations

import contextlib
import os
import sys
import warnings


def progress_bar(*, total: int | None, desc: str, unit: str, disable: bool = False):
    """A tqdm bar on stderr; disabled when ``FRAMING_PROGRESS=0`` is set.

    In a Jupyter kernel with ``ipywidgets`` the bar is a notebook widget; without
    ``ipywidgets`` it is the plain text bar, and tqdm's "IProgress not found"
    warning never appears. A disabled bar is a silent plain tqdm and never imports
    the notebook machinery.
    """
    disable = disable or os.environ.get("FRAMING_PROGRESS", "1") == "0"
    if not disable and _in_notebook() and _has_widgets():
        from tqdm.notebook import tqdm as bar
    else:
        from tqdm.std import tqdm as bar
    return bar(total=total, desc=desc, unit=unit, disable=disable, file=sys.stderr,
               dynamic_ncols=True, mininterval=0.5)


def _in_notebook() -> bool:
    """Whether this runs in a Jupyter kernel (tqdm.autonotebook's test, without its import-time warning)."""
    if "ipykernel.zmqshell" not in sys.modules:
        return False
    if any(name == "QT_API" or name.startswith("SPYDER") for name in os.environ):
        return False  # qtconsole and Spyder show text bars
    try:
        shell = sys.modules["IPython"].get_ipython()
    except Exception:  # noqa: BLE001 - no IPython shell: not a notebook
        return False
    name = type(shell).__name__.lower()
    return shell is not None and "qt" not in name and "spyder" not in name


def _has_widgets() -> bool:
    try:
        import ipywidgets  # noqa: F401 - tqdm.notebook needs it
    except ImportError:
        return False
    return True


@contextlib.contextmanager
def no_widget_warning():
    """Silence tqdm's "IProgress not found" warning for the imports inside.

    transformers imports ``tqdm.auto``, which in a Jupyter kernel without ipywidgets
    warns on its first import, even when no bar is ever shown; framing's bars are
    text there (:func:`progress_bar`), so the warning asks the user to install
    something nothing needs. Only this message is silenced, and only while importing.
    """
    from tqdm import TqdmWarning

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="IProgress not found", category=TqdmWarning)
        yield
