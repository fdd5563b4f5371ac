"""Plots behave like matplotlib: they return the Figure, draw into a given axes,
label actors as the run does, and leave every global setting as they found it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.figure import Figure

import framing
from framing import plots

from test_compare import _analysis, _voice_analysis

LABELS = {"russia": "Russian Federation", "ukraine": "Ukraine (government)", "nato": "NATO alliance"}


def _run(analysis):
    """The analysis as a finished run would give it: with its actor labels."""
    return analysis.replace(run={"config": {"actor_labels": LABELS}})


def _every_table() -> dict[str, pd.DataFrame]:
    """One small comparison table per plot, computed by the compare_* functions."""
    voice = _voice_analysis()
    ids, outlets = list(voice.articles["article_id"]), list(voice.articles["outlet"])
    frames = pd.DataFrame({"article_id": ids * 2, "outlet": outlets * 2,
                           "frame": ["Economic"] * 3 + ["Security_and_defense"] * 3,
                           "score": [0.8, 0.2, 0.6, 0.9, 0.7, 0.1], "predicted": [True, False, True, True, True, False]})
    roles = pd.DataFrame({"article_id": ids, "outlet": outlets, "actor": ["russia", "russia", "ukraine"],
                          "n_mentions": [1, 1, 1], "p_protagonist": [0.1, 0.2, 0.7], "p_antagonist": [0.8, 0.7, 0.1],
                          "p_innocent": [0.1, 0.1, 0.2], "main_role": ["Antagonist", "Antagonist", "Protagonist"],
                          "fine_role": ["Aggressor", "Aggressor", "Guardian"], "p_fine_role": [0.6, 0.5, 0.7]})
    narratives = pd.DataFrame({"article_id": ids, "outlet": outlets, "level": ["narrative"] * 3,
                               "label": ["URW: Blaming the war on others"] * 3, "score": [0.7, 0.2, 0.4],
                               "predicted": [True, False, True]})
    persuasion = pd.DataFrame({"article_id": ids * 2, "outlet": outlets * 2, "field": ["text"] * 6,
                               "paragraph_id": [1, 1, 1, 2, 2, 2],
                               "technique": ["Loaded_Language", None, "Doubt", "Loaded_Language", None, None],
                               "score": [0.8, None, 0.6, 0.7, None, None], "start": [0] * 6, "end": [10] * 6,
                               "target": ["russia", None, None, None, None, None],
                               "actors": ["russia", None, None, None, None, None]})
    voice = _run(voice.replace(frames=frames, roles=roles, narratives=narratives, persuasion=persuasion))
    return {
        "comparison": framing.compare(_run(_analysis()), seed=0),
        "verbs": framing.compare_verbs(voice, seed=0),
        "voice": framing.compare_voice(voice, seed=0),
        "naming": framing.compare_naming(voice, seed=0),
        "frames": framing.compare_frames(voice, seed=0),
        "roles": framing.compare_roles(voice, seed=0),
        "narratives": framing.compare_narratives(voice, seed=0),
        "persuasion": framing.compare_persuasion(voice, seed=0),
        "means": framing.compare_means(voice, "quotes", "n_words", seed=0),
    }


TABLES = _every_table()
# Each public plot function and the table it draws.
PLOTS = {
    "plot_stance_heatmap": "comparison", "plot_stance_intervals": "comparison", "plot_coverage": "comparison",
    "plot_verb_profile": "verbs", "plot_voice_share": "voice", "plot_naming": "naming",
    "plot_frame_profile": "frames", "plot_roles": "roles", "plot_narratives": "narratives",
    "plot_persuasion": "persuasion", "plot_means": "means",
}
# The plots that draw a single axes, and so can draw into the caller's.
ONE_AXES = ["plot_stance_heatmap", "plot_coverage", "plot_voice_share", "plot_frame_profile", "plot_narratives",
            "plot_persuasion"]


@pytest.fixture(autouse=True)
def _close_figures():
    interactive = matplotlib.is_interactive()
    yield
    plt.close("all")
    matplotlib.interactive(interactive)


def test_every_public_plot_function_is_covered():
    assert sorted(PLOTS) == sorted(name for name in framing.__all__ if name.startswith("plot_"))


@pytest.mark.parametrize("interactive", [False, True], ids=["ioff", "ion"])
@pytest.mark.parametrize("name", sorted(PLOTS))
def test_plots_return_the_figure_and_leave_global_settings_alone(name, interactive):
    matplotlib.interactive(interactive)
    matplotlib.get_backend()  # resolved here, so that the comparison below sees the same backend
    before = dict(matplotlib.rcParams)
    fig = getattr(framing, name)(TABLES[PLOTS[name]])
    assert isinstance(fig, Figure)
    assert fig.axes, "the figure should hold the chart"
    assert matplotlib.is_interactive() is interactive
    assert dict(matplotlib.rcParams) == before


def test_first_figure_of_a_jupyter_session_keeps_interactive_mode_on(tmp_path):
    """In Jupyter the inline backend switches interactive mode on when pyplot loads it,
    which the session's first figure does. A plot function must not undo that, or no
    later figure of the session is shown. Reproduced in a fresh interpreter with an
    IPython shell and the inline backend, as a kernel has them."""
    pytest.importorskip("matplotlib_inline")
    table = tmp_path / "comparison.pkl"
    TABLES["comparison"].to_pickle(table)
    script = textwrap.dedent(f"""
        import matplotlib
        import pandas as pd
        from IPython.core.interactiveshell import InteractiveShell

        InteractiveShell.instance()
        import framing
        import matplotlib.pyplot as plt

        framing.plot_coverage(pd.read_pickle({str(table)!r}))
        print("interactive after the first plot:", matplotlib.is_interactive())
        fig, ax = plt.subplots()
        print("interactive after the user's own figure:", matplotlib.is_interactive())
    """)
    env = {**os.environ, "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "interactive after the first plot: True" in done.stdout
    assert "interactive after the user's own figure: True" in done.stdout


@pytest.mark.parametrize("name", ONE_AXES)
def test_plots_draw_into_the_given_axes(name):
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4))
    figures = plt.get_fignums()
    drawn = getattr(framing, name)(TABLES[PLOTS[name]], ax=right)
    assert drawn is fig
    assert plt.get_fignums() == figures, "no new figure"
    assert right.has_data() and not left.has_data()
    assert right.get_title(), "the chart's title is on the given axes"


def test_compare_tables_carry_the_run_actor_labels():
    for name in ("comparison", "verbs", "voice", "roles"):
        assert TABLES[name].attrs["actor_labels"] == LABELS, name
    # A table filtered by the user keeps them.
    comparison = TABLES["comparison"]
    assert comparison[comparison["actor"] == "russia"].attrs["actor_labels"] == LABELS
    # An analysis without a run (built by hand) gives no labels.
    assert not framing.compare(_analysis(), seed=0).attrs.get("actor_labels")


def _texts(fig: Figure) -> set[str]:
    """Every piece of text in the figure: tick labels, titles, legends."""
    return {text.get_text() for text in fig.findobj(matplotlib.text.Text)}


@pytest.mark.parametrize("name", ["plot_stance_heatmap", "plot_stance_intervals", "plot_coverage",
                                  "plot_verb_profile", "plot_voice_share", "plot_roles"])
def test_plots_label_actors_as_the_run_does(name):
    table = TABLES[PLOTS[name]]
    texts = _texts(getattr(framing, name)(table))
    assert "Russian Federation" in texts
    assert "Russia" not in texts
    # Labels given explicitly win over those of the table.
    texts = _texts(getattr(framing, name)(table, actor_labels={"russia": "RU"}))
    assert "RU" in texts and "Russian Federation" not in texts


def test_saved_figures_rebuild_byte_for_byte(tmp_path):
    options = dict(verbs=TABLES["verbs"], voice=TABLES["voice"], naming=TABLES["naming"], formats=("png", "svg"))
    first = plots.save_figures(TABLES["comparison"], tmp_path / "a", **options)
    second = plots.save_figures(TABLES["comparison"], tmp_path / "b", **options)
    assert {p.suffix for p in first} == {".png", ".svg"}
    for one, other in zip(first, second):
        assert one.read_bytes() == other.read_bytes(), one.name
