"""The measure interface: a measure written outside the package (the example of docs/measures.md, run
as written there) gets Parquet output, outlet comparisons with intervals and a figure without any
edit to the package; the registry refuses what would break a run; plug-ins load from entry points."""

from __future__ import annotations

import json
import re
import sys
import textwrap
from importlib.metadata import EntryPoint

import pandas as pd
import pyarrow as pa
import pytest

import framing
import framing.measures as measures
from framing.cli import main
from framing.measures import Measure

from conftest import ROOT

DOC = ROOT / "docs" / "measures.md"


def _doc_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


@pytest.fixture
def loaded_words():
    """The documented measure, registered by running the documentation's code; removed afterwards."""
    namespace: dict = {}
    exec(compile(_doc_blocks()[0], str(DOC), "exec"), namespace)
    yield namespace["LoadedWords"]
    framing.unregister_measure("loaded_words")


def _one_per(frame: pd.DataFrame) -> int:
    return int(frame["article_id"].nunique())


def test_the_documented_measure_is_about_thirty_lines():
    code = [line for line in _doc_blocks()[0].splitlines() if line.strip()]
    assert len(code) <= 40


def test_a_measure_of_ones_own_runs_through_analyze_compare_and_figures(loaded_words, tiny_corpus, tmp_path, capsys):
    run, figures = tmp_path / "run", tmp_path / "figures"
    assert main(["analyze", str(tiny_corpus), "--out", str(run), "--quiet", "--stance", "lexicon",
                 "--measures", "loaded_words"]) == 0
    table = pd.read_parquet(run / "loaded_words.parquet")
    articles = pd.read_parquet(run / "articles.parquet")
    analysed = set(articles.loc[articles["status"] == "analyzed", "article_id"])
    assert set(table["article_id"]) == analysed  # every analysed article has its row
    s1 = table.set_index("article_id").loc["s1"]
    assert s1["n_loaded"] == 1  # "the Kiev regime"
    assert s1["per_1000"] == pytest.approx(1000 / s1["n_words"])
    assert json.loads((run / "run.json").read_text())["config"]["measures"] == ["loaded_words"]

    assert main(["compare", str(run)]) == 0
    outlet = pd.read_parquet(run / "outlet_loaded.parquet")
    assert list(outlet.columns) == ["outlet", "n_articles", "mean", "ci_low", "ci_high"]
    state = outlet.set_index("outlet").loc["state"]
    assert state["n_articles"] == 2 and state["ci_low"] <= state["mean"] <= state["ci_high"]
    assert outlet.set_index("outlet").loc["wire", "mean"] == 0

    assert main(["figures", str(run), "--out", str(figures)]) == 0
    names = {p.name for p in figures.iterdir()}
    assert "loaded_words.png" in names and "stance_heatmap.png" in names
    assert "frames.png" not in names  # the run did not compute frames: no frame chart


def test_a_measure_of_ones_own_reads_back_and_compares_in_python(loaded_words, tiny_corpus, tmp_path):
    result = framing.analyze(tiny_corpus, out=tmp_path / "run", stance="lexicon", measures=["loaded_words"],
                             progress=False)
    again = framing.read_analysis(tmp_path / "run")
    pd.testing.assert_frame_equal(again.loaded_words, result.loaded_words)
    table = framing.compare_means(again, "loaded_words", "per_1000", seed=0)
    assert set(table["outlet"]) == {"wire", "state"}
    assert "loaded_words" in again.tables and "seconds" in again.run["timing"]
    assert set(again.run["timing"]["stages"]) >= {"parse", "mentions", "stance", "loaded_words", "write"}


def test_a_run_with_a_measure_not_registered_here_says_what_to_do(loaded_words, tiny_corpus, tmp_path, capsys):
    run = tmp_path / "run"
    framing.analyze(tiny_corpus, out=run, stance="lexicon", measures=["loaded_words"], progress=False)
    framing.unregister_measure("loaded_words")
    try:
        assert main(["figures", str(run), "--out", str(tmp_path / "f")]) == 2
        assert "not registered here" in capsys.readouterr().err
    finally:
        framing.register_measure(loaded_words)


def _measure(**attributes) -> Measure:
    base = {"name": "probe", "tables": {"probe": pa.schema([("article_id", pa.string()), ("outlet", pa.string())])}}
    return type("Probe", (Measure,), {**base, **attributes})()


@pytest.mark.parametrize(("attributes", "message"), [
    ({"name": "Probe measure"}, "lower-case identifier"),
    ({"name": "quotes"}, "registered already"),
    ({"tables": {}}, "declares no tables"),
    ({"tables": {"mentions": pa.schema([("article_id", pa.string())])}}, "written by measure 'stance'"),
    ({"tables": {"probe": pa.schema([("outlet", pa.string())])}}, "article_id"),
    ({"comparisons": ("frames",)}, "belongs to measure 'frames'"),
    ({"after": ("nonexistent",)}, "not registered"),
    ({"after": ("persuasion",), "position": 5}, "position above"),
])
def test_the_registry_refuses_what_would_break_a_run(attributes, message):
    with pytest.raises(ValueError, match=message):
        framing.register_measure(_measure(**attributes))
    assert "probe" not in {m.name for m in framing.registered_measures()}


def test_the_packages_measures_cannot_be_removed_and_unknown_ones_are_named():
    with pytest.raises(ValueError, match="package's own"):
        framing.unregister_measure("frames")
    with pytest.raises(ValueError, match="choose from"):
        framing.analyze(pd.DataFrame({"id": ["a"], "outlet": ["o"], "text": ["NATO met."]}), measures=["nope"],
                        stance="lexicon", progress=False)


def test_plug_ins_load_from_entry_points_and_a_broken_one_is_a_warning(tmp_path, monkeypatch):
    module = tmp_path / "framing_probe_plugin.py"
    module.write_text(textwrap.dedent("""
        import pyarrow as pa
        from framing.measures import Measure

        class Probe(Measure):
            name = "probe"
            tables = {"probe": pa.schema([("article_id", pa.string()), ("outlet", pa.string())])}
    """), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    points = [EntryPoint("probe", "framing_probe_plugin:Probe", measures.ENTRY_POINT_GROUP),
              EntryPoint("broken", "framing_probe_missing:Nothing", measures.ENTRY_POINT_GROUP)]
    monkeypatch.setattr(measures, "_entry_points", lambda: points)
    monkeypatch.setattr(measures, "_REGISTRY", {})
    monkeypatch.setattr(measures, "_LOADED", False)
    with pytest.warns(UserWarning, match="'broken'.*was not registered"):
        names = [m.name for m in measures.registered_measures()]
    assert names[-1] == "probe" and names[0] == "stance"
    assert "persuasion" in names  # the package's own still load
    monkeypatch.delitem(sys.modules, "framing_probe_plugin", raising=False)


def test_framing_measures_lists_every_registered_measure(loaded_words, capsys):
    assert main(["measures"]) == 0
    out = capsys.readouterr().out
    for measure in framing.registered_measures():
        assert f"\n{measure.name}: " in f"\n{out}"
    assert "loaded_words.parquet" in out and "outlet_loaded.parquet" in out
    assert "off by default (the main role is within noise" in out
    assert "not validated by the package" in out  # the user's measure claims no score
