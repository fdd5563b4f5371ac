"""An output folder is complete or says it is not; interrupted runs resume to the same tables.

Each test named after a defect reproduces it as a user met it: stale outlet tables
drawn for a new run, half-written folders accepted by ``compare``/``figures``, an
interrupted re-run that emptied the tables of a finished one.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing import _runfolder
from framing.analysis import SCHEMAS, AnalysisInterrupted
from framing.cli import main

from conftest import ARTICLES, write_corpus

MORE = {
    ("wire", f"x{i}"): (f"2023-03-{i + 1:02d}", f"Talks in round {i}",
                        f"Ukraine and Russia met in Istanbul for round {i}. NATO said the talks were useful. "
                        f"The Kremlin accused Washington of prolonging the war.")
    for i in range(7)
}
OPTIONS = {"stance": "lexicon", "measures": [], "batch_size": 2, "progress": False}


@pytest.fixture(scope="module")
def nlp():
    from framing._nlp import load_nlp

    return load_nlp()


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "corpus", {**ARTICLES, **MORE})


@pytest.fixture(scope="module")
def straight(tmp_path_factory, nlp):
    """One uninterrupted run: the reference every resumed run must equal."""
    root = write_corpus(tmp_path_factory.mktemp("corpus"), {**ARTICLES, **MORE})
    return framing.analyze(root, out=tmp_path_factory.mktemp("straight") / "run", nlp=nlp, **OPTIONS)


def assert_same_tables(result, reference) -> None:
    for name in SCHEMAS:
        pd.testing.assert_frame_equal(getattr(result, name), getattr(reference, name), obj=name)


class InterruptAt:
    """Raise KeyboardInterrupt at the k-th of the run's steps: a batch computed, a file
    written, a file moved into place. Patched over the functions that do them."""

    STEPS = ((framing.analysis, "_analyze_batch"), (_runfolder.os, "replace"), (_runfolder.pq, "write_table"))

    def __init__(self, monkeypatch, k: int, *, only: str | None = None) -> None:
        self.k, self.calls = k, 0
        for owner, name in self.STEPS:
            if only in (None, name):
                monkeypatch.setattr(owner, name, self.wrap(getattr(owner, name)))

    def wrap(self, function):
        def step(*args, **kwargs):
            self.calls += 1
            if self.calls == self.k:
                raise KeyboardInterrupt
            return function(*args, **kwargs)

        return step


def _first_batch(corpus: Path, size: int) -> int:
    """The articles of the corpus's first batch (where a batch ends depends on the articles)."""
    from framing.analysis import _batches
    from framing.corpus import iter_corpus

    return len(next(_batches(iter_corpus(corpus), size))[0])


def interrupt_after(monkeypatch, batches: int, corpus: Path, **options) -> AnalysisInterrupted:
    """Run ``analyze`` and interrupt it once ``batches`` batches are written; returns the interruption."""
    InterruptAt(monkeypatch, k=batches + 1, only="_analyze_batch")
    try:
        with pytest.raises(AnalysisInterrupted) as interrupted:
            framing.analyze(corpus, **options)
    finally:
        monkeypatch.undo()
    return interrupted.value


def run_cli(*args: str) -> int:
    return main([*map(str, args)])


# --------------------------------------------------------------------------- defect 1: stale tables


def test_a_folder_holding_a_run_is_refused_and_overwrite_clears_the_outlet_tables(tmp_path, capsys):
    first = write_corpus(tmp_path / "first")
    second = write_corpus(tmp_path / "second", {("solo", "a"): ("2024-01-02", "NATO summit",
                                                                "NATO leaders met Zelensky in Vilnius.")})
    run = tmp_path / "run"
    assert run_cli("analyze", first, "--out", run, "--quiet", "--stance", "lexicon", "--measures", "") == 0
    assert run_cli("compare", run) == 0
    assert (run / "outlet_actor.parquet").exists()
    capsys.readouterr()

    assert run_cli("analyze", second, "--out", run, "--quiet", "--stance", "lexicon", "--measures", "") == 2
    assert "--overwrite" in capsys.readouterr().err
    assert pd.read_parquet(run / "articles.parquet")["outlet"].nunique() == 2, "the refused run touched nothing"

    assert run_cli("analyze", second, "--out", run, "--quiet", "--stance", "lexicon", "--measures", "",
                   "--overwrite") == 0
    assert not list(run.glob("outlet_*.parquet")) and not (run / "compare.json").exists()
    assert run_cli("figures", run, "--out", tmp_path / "figures") == 0
    assert run_cli("compare", run) == 0
    assert set(pd.read_parquet(run / "outlet_actor.parquet")["outlet"]) == {"solo"}


def test_outlet_tables_of_another_run_are_refused(tmp_path, nlp, capsys):
    old, new = tmp_path / "old", tmp_path / "new"
    framing.analyze(write_corpus(tmp_path / "c1"), out=old, nlp=nlp, **OPTIONS)
    framing.analyze(write_corpus(tmp_path / "c2", MORE), out=new, nlp=nlp, **OPTIONS)
    assert run_cli("compare", old) == 0
    capsys.readouterr()
    for path in [*old.glob("outlet_*.parquet"), old / "compare.json"]:
        (new / path.name).write_bytes(path.read_bytes())
    assert run_cli("figures", new, "--out", tmp_path / "figures") == 2
    assert "another run" in capsys.readouterr().err
    (new / "compare.json").unlink()
    assert run_cli("figures", new, "--out", tmp_path / "figures") == 2
    assert "framing compare" in capsys.readouterr().err


def test_figures_of_an_earlier_run_that_this_run_does_not_draw_are_removed(tmp_path, nlp, capsys):
    corpus, figures = write_corpus(tmp_path / "corpus"), tmp_path / "figures"
    (figures / "notes.txt").parent.mkdir()
    (figures / "notes.txt").write_text("the user's own file")
    framing.analyze(corpus, out=tmp_path / "quotes", nlp=nlp, **{**OPTIONS, "measures": ["quotes"]})
    assert run_cli("figures", tmp_path / "quotes", "--out", figures) == 0
    assert (figures / "reporting_verbs.png").exists()
    framing.analyze(corpus, out=tmp_path / "bare", nlp=nlp, **OPTIONS)
    assert run_cli("figures", tmp_path / "bare", "--out", figures) == 0
    assert "removed" in capsys.readouterr().out
    assert not (figures / "reporting_verbs.png").exists(), "a chart of the earlier run was left behind"
    assert (figures / "stance_heatmap.png").exists() and (figures / "notes.txt").exists()
    record = json.loads((figures / "figures.json").read_text())
    assert record["run_id"] == json.loads((tmp_path / "bare" / "run.json").read_text())["run_id"]


def test_compare_by_two_groupings_keeps_both_sets_of_tables(tmp_path, nlp):
    run = tmp_path / "run"
    framing.analyze(write_corpus(tmp_path / "corpus"), out=run, nlp=nlp, **OPTIONS)
    assert run_cli("compare", run) == 0
    assert run_cli("compare", run, "--by", "outlet,year") == 0
    manifest = _runfolder.read_derived(run, json.loads((run / "run.json").read_text()))
    assert {"outlet_actor.parquet", "outlet_year_actor.parquet"} <= set(manifest["tables"])
    assert run_cli("figures", run, "--out", tmp_path / "figures") == 0


# --------------------------------------------------------------------------- defect 2: half-written folders


def test_a_corpus_that_cannot_be_read_leaves_no_folder(tmp_path, capsys):
    run = tmp_path / "run"
    assert run_cli("analyze", tmp_path / "missing.csv", "--out", run, "--quiet") == 2
    assert "corpus not found" in capsys.readouterr().err
    assert not run.exists()
    assert run_cli("compare", run) == 2
    assert "not an analysis folder" in capsys.readouterr().err
    assert run_cli("figures", run, "--out", tmp_path / "figures") == 2
    assert "not an analysis folder" in capsys.readouterr().err
    assert not (tmp_path / "figures").exists()


def test_a_run_in_which_no_article_could_be_analysed_is_refused_by_compare_and_figures(tmp_path, nlp, capsys):
    corpus = write_corpus(tmp_path / "corpus", {("desk", "a"): ("2024-01-01", "Only a title", ""),
                                                ("desk", "b"): ("2024-01-02", "Another title", "")})
    run = tmp_path / "run"
    result = framing.analyze(corpus, out=run, nlp=nlp, **OPTIONS)
    assert list(result.articles["skip_reason"]) == ["empty text", "empty text"]
    for command in (["compare", run], ["figures", run, "--out", tmp_path / "figures"]):
        assert run_cli(*command) == 2
        assert "no article could be analysed (skip reasons: {'empty text': 2})" in capsys.readouterr().err
    assert not (tmp_path / "figures").exists()


def test_an_interrupted_run_is_refused_by_readers_until_resumed(corpus, tmp_path, nlp, monkeypatch, capsys,
                                                                straight):
    run = tmp_path / "run"
    interrupted = interrupt_after(monkeypatch, 1, corpus, out=run, nlp=nlp, **OPTIONS)
    assert "--resume" in str(interrupted) and interrupted.total == len(ARTICLES) + len(MORE)
    state = json.loads((run / "run.json").read_text())
    assert state["state"] == "interrupted" and 0 < state["progress"]["articles_done"] < 12
    assert not list(run.glob("*.parquet")), "no table is moved in before the run is complete"
    with pytest.raises(ValueError, match="interrupted run .* --resume"):
        framing.read_analysis(run)
    for command in (["compare", run], ["figures", run, "--out", tmp_path / "figures"]):
        assert run_cli(*command) == 2
        assert "--resume" in capsys.readouterr().err
    resumed = framing.analyze(corpus, out=run, nlp=nlp, resume=True, **OPTIONS)
    assert resumed.run["state"] == "complete" and resumed.run["reused"]["articles"] == _first_batch(corpus, 2)
    assert not (run / ".partial").exists()
    assert_same_tables(framing.read_analysis(run), straight)


def test_an_interrupted_rerun_into_a_finished_folder_does_not_leave_a_run_that_lies(corpus, tmp_path, nlp,
                                                                                   monkeypatch):
    run = tmp_path / "run"
    framing.analyze(corpus, out=run, nlp=nlp, **OPTIONS)
    InterruptAt(monkeypatch, k=4)
    with pytest.raises(AnalysisInterrupted):
        framing.analyze(corpus, out=run, nlp=nlp, overwrite=True, **OPTIONS)
    monkeypatch.undo()
    state = json.loads((run / "run.json").read_text())
    assert state["state"] == "interrupted" and "counts" not in state
    assert not (run / "articles.parquet").exists() and not (run / "mentions.parquet").exists()
    with pytest.raises(ValueError, match="interrupted"):
        framing.read_analysis(run)


def test_resume_refuses_another_configuration_or_a_changed_corpus(corpus, tmp_path, nlp, monkeypatch):
    run = tmp_path / "run"
    interrupt_after(monkeypatch, 2, corpus, out=run, nlp=nlp, **OPTIONS)
    with pytest.raises(ValueError, match="another configuration .*batch_size"):
        framing.analyze(corpus, out=run, nlp=nlp, resume=True, **{**OPTIONS, "batch_size": 3})
    first = corpus / "state" / "s1.txt"  # in the first batch
    first.write_text(first.read_text().replace("NATO", "The alliance"))
    with pytest.raises(ValueError, match="changed since it was analysed"):
        framing.analyze(corpus, out=run, nlp=nlp, resume=True, **OPTIONS)


def test_a_folder_being_written_by_a_live_process_is_refused(corpus, tmp_path, nlp, monkeypatch):
    run = tmp_path / "run"
    interrupt_after(monkeypatch, 1, corpus, out=run, nlp=nlp, **OPTIONS)
    state = json.loads((run / "run.json").read_text())
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        state.update(state="running", process={"pid": sleeper.pid, "host": _runfolder.socket.gethostname()})
        (run / "run.json").write_text(json.dumps(state))
        with pytest.raises(ValueError, match=f"being written by process {sleeper.pid}"):
            framing.read_analysis(run)
        with pytest.raises(ValueError, match="being written"):
            framing.analyze(corpus, out=run, nlp=nlp, resume=True, **OPTIONS)
    finally:
        sleeper.kill()
        sleeper.wait()
    with pytest.raises(ValueError, match="stopped without finishing"):
        framing.read_analysis(run)


@pytest.mark.parametrize("seed", range(12))
def test_resume_after_random_interruptions_equals_one_straight_run(seed, corpus, tmp_path, nlp, monkeypatch,
                                                                   straight):
    """Interrupt at a random step, resume (perhaps interrupted again), until the run completes.

    After every interruption the folder holds a complete run equal to the straight one,
    or readers refuse it: never a partial run that passes for a whole one."""
    rng = random.Random(seed)
    run = tmp_path / "run"
    result, attempts = None, 0
    while result is None:
        attempts += 1
        assert attempts < 40
        InterruptAt(monkeypatch, k=rng.randint(1, 90))
        try:
            result = framing.analyze(corpus, out=run, nlp=nlp, resume=attempts > 1, **OPTIONS)
        except KeyboardInterrupt:
            monkeypatch.undo()
            try:
                found = framing.read_analysis(run)
            except (ValueError, FileNotFoundError):
                continue
            assert_same_tables(found, straight)
        finally:
            monkeypatch.undo()
    assert_same_tables(result, straight)
    assert_same_tables(framing.read_analysis(run), straight)
    assert result.run["counts"] == straight.run["counts"]


def test_resume_with_every_learned_measure_equals_one_straight_run(tmp_path, nlp, monkeypatch):
    """Frames and narratives are computed per batch: a resume keeps the batch boundaries."""
    corpus = write_corpus(tmp_path / "corpus")
    options = {"batch_size": 2, "progress": False, "nlp": nlp}
    straight_run = framing.analyze(corpus, out=tmp_path / "straight", **options)
    interrupt_after(monkeypatch, 1, corpus, out=tmp_path / "run", **options)
    resumed = framing.analyze(corpus, out=tmp_path / "run", resume=True, **options)
    assert resumed.run["reused"]["articles"] == _first_batch(corpus, 2)
    assert_same_tables(resumed, straight_run)


# --------------------------------------------------------------------------- real signals


def _start(corpus: Path, run: Path) -> subprocess.Popen:
    env = {**os.environ, "FRAMING_PROGRESS": "0", "MPLBACKEND": "Agg"}
    command = [sys.executable, "-m", "framing.cli", "analyze", str(corpus), "--out", str(run), "--quiet",
               "--stance", "lexicon", "--measures", "", "--batch-size", "1"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _wait_for_batches(process: subprocess.Popen, run: Path, n: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the run ended before it could be interrupted: {process.communicate()}")
        partial = run / ".partial"
        if partial.is_dir() and sum(p.name.isdigit() for p in partial.iterdir()) >= n:
            return
        time.sleep(0.05)
    pytest.fail("no batch was written within 120 s")


# Long enough that a run under load is still going when the signal comes (with 80 articles a busy
# machine once let the run finish between the third batch and the signal).
LONG_CORPUS_ARTICLES = 240


@pytest.fixture
def long_corpus(tmp_path):
    articles = {("wire", f"l{i}"): (f"2023-04-{i % 28 + 1:02d}", f"Report {i}",
                                    " ".join(["Russia shelled Kharkiv and Ukraine answered with drones."] * 12))
                for i in range(LONG_CORPUS_ARTICLES)}
    return write_corpus(tmp_path / "long", articles)


@pytest.mark.parametrize("sig, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGKILL, -9)])
def test_a_signal_stops_the_run_cleanly_and_resume_finishes_it(sig, status, long_corpus, tmp_path, capsys):
    run = tmp_path / "run"
    process = _start(long_corpus, run)
    _wait_for_batches(process, run, 3)
    process.send_signal(sig)
    _, err = process.communicate(timeout=60)
    assert process.returncode == status
    assert "Traceback" not in err
    state = json.loads((run / "run.json").read_text())
    if sig == signal.SIGKILL:
        assert state["state"] == "running"
        with pytest.raises(ValueError, match="stopped without finishing"):
            framing.read_analysis(run)
    else:
        assert err.strip().count("\n") == 0, err
        assert "--resume" in err and "interrupted after" in err
        assert state["state"] == "interrupted"
    assert not list(run.glob("*.parquet"))
    assert run_cli("compare", run) == 2
    capsys.readouterr()
    assert run_cli("analyze", long_corpus, "--out", run, "--quiet", "--stance", "lexicon", "--measures", "",
                   "--batch-size", "1", "--resume") == 0
    assert "from the interrupted run" in capsys.readouterr().out
    articles = framing.read_analysis(run).articles
    assert len(articles) == LONG_CORPUS_ARTICLES and articles["article_id"].is_unique


# --------------------------------------------------------------------------- pandas habits


def test_dates_are_datetime64_in_every_table(corpus, tmp_path, nlp):
    in_memory = framing.analyze(corpus, nlp=nlp, **OPTIONS)
    framing.analyze(corpus, out=tmp_path / "run", nlp=nlp, **OPTIONS)
    on_disk = framing.read_analysis(tmp_path / "run")
    for result in (in_memory, on_disk):
        for name in SCHEMAS:
            table = getattr(result, name)
            if "date" in table.columns:
                assert pd.api.types.is_datetime64_any_dtype(table["date"]), name
    assert in_memory.articles.set_index("article_id").loc["w1", "date"] == pd.Timestamp("2023-02-20")


def test_analyze_takes_the_corpus_options_directly(tmp_path, nlp):
    table = tmp_path / "c.csv"
    pd.DataFrame({"doc": ["1", "2"], "when": ["20/02/2023", "21/02/2023"],
                  "body": ["Moscow attacked Kyiv.", "NATO met."]}).to_csv(table, index=False)
    result = framing.analyze(table, columns={"doc": "id", "body": "text", "when": "date"}, outlet="desk",
                             date_format="%d/%m/%Y", nlp=nlp, **OPTIONS)
    assert list(result.articles["date"]) == [pd.Timestamp("2023-02-20"), pd.Timestamp("2023-02-21")]
    assert set(result.articles["outlet"]) == {"desk"}
    with pytest.raises(ValueError, match="given twice"):
        framing.analyze(table, outlet="a", corpus_options={"outlet": "b"}, nlp=nlp, **OPTIONS)
