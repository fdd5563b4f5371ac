"""The Dask engine computes the same tables as the local one, resumes across engines, runs measures
registered in the session on its workers, and says clearly what is wrong when it cannot run."""

from __future__ import annotations

import json
import os
import sys

import pandas as pd
import pyarrow as pa
import pytest

import framing
from framing._runfolder import RunFolder
from framing.analysis import AnalysisInterrupted, _resume_command
from framing.cli import main
from framing.engines import DaskEngine, EngineError, LocalEngine, get_engine
from framing.measures import Measure

from conftest import ROOT

OPTIONS = {"stance": "lexicon", "measures": ["quotes", "wording"], "batch_size": 3, "progress": False}
CLI_OPTIONS = ["--stance", "lexicon", "--measures", "quotes,wording", "--batch-size", "3", "--quiet"]


@pytest.fixture(scope="module")
def client():
    """One local cluster (2 worker processes, 1 thread each) shared by the tests that pass it in."""
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.fixture(scope="module")
def sample():
    """The first 12 articles of the sample corpus, as a table."""
    return framing.load_corpus(ROOT / "data" / "sample-corpus").head(12)


def assert_same_tables(result, reference) -> None:
    assert list(result.tables) == list(reference.tables)
    for name in reference.tables:
        pd.testing.assert_frame_equal(result.tables[name], reference.tables[name], obj=name)


def read_run(folder) -> dict:
    return json.loads((folder / "run.json").read_text(encoding="utf-8"))


def interrupt_write(monkeypatch, k: int) -> None:
    """Ctrl-C as the driver writes the ``k``-th batch (whichever engine computed it)."""
    original, calls = RunFolder.write_batch, []

    def write_batch(folder, *args, **kwargs):
        calls.append(1)
        if len(calls) == k:
            raise KeyboardInterrupt
        return original(folder, *args, **kwargs)

    monkeypatch.setattr(RunFolder, "write_batch", write_batch)


# --------------------------------------------------------------------------- same tables


def test_the_command_line_dask_engine_writes_the_local_engines_tables(tiny_corpus, tmp_path, capsys):
    """``--engine dask --workers 2`` starts its own local cluster; the run differs only in its engine."""
    pytest.importorskip("distributed")
    local = framing.analyze(tiny_corpus, out=tmp_path / "local", **OPTIONS)
    assert main(["analyze", str(tiny_corpus), "--out", str(tmp_path / "dask"), *CLI_OPTIONS,
                 "--engine", "dask", "--workers", "2"]) == 0
    capsys.readouterr()
    assert_same_tables(framing.read_analysis(tmp_path / "dask"), local)
    on_dask, here = read_run(tmp_path / "dask"), read_run(tmp_path / "local")
    assert on_dask["config"]["engine"] == {"name": "dask", "workers": 2}
    assert here["config"]["engine"] == {"name": "local"}
    assert on_dask["fingerprint"] == here["fingerprint"] and on_dask["run_id"] == here["run_id"]
    assert {k: v for k, v in on_dask["config"].items() if k != "engine"} == \
        {k: v for k, v in here["config"].items() if k != "engine"}
    assert on_dask["models"] == here["models"]
    assert on_dask["counts"] == here["counts"]
    assert {"parse", "mentions", "stance", "quotes", "write"} <= set(on_dask["timing"]["stages"])


def test_a_running_cluster_given_by_client_or_address_computes_the_same_tables(sample, client, tmp_path):
    local = framing.analyze(sample, **OPTIONS)
    in_memory = framing.analyze(sample, engine="dask", scheduler=client, **OPTIONS)
    assert_same_tables(in_memory, local)
    written = framing.analyze(sample, out=tmp_path / "run", engine="dask", scheduler=client.scheduler.address,
                              **OPTIONS)
    assert_same_tables(written, local)
    assert written.run["config"]["engine"] == {"name": "dask", "workers": 2}
    assert client.status == "running"  # a client passed in stays open


# --------------------------------------------------------------------------- resume across engines


def _first_batch(corpus) -> int:
    """The articles of the corpus's first batch (where a batch ends depends on the articles)."""
    from framing.analysis import _batches
    from framing.corpus import iter_corpus

    return len(next(_batches(iter_corpus(corpus), OPTIONS["batch_size"]))[0])


def test_a_run_interrupted_on_one_engine_resumes_on_the_other(tiny_corpus, client, tmp_path, monkeypatch):
    straight = framing.analyze(tiny_corpus, out=tmp_path / "straight", **OPTIONS)

    interrupt_write(monkeypatch, k=2)
    with pytest.raises(AnalysisInterrupted):
        framing.analyze(tiny_corpus, out=tmp_path / "local_first", **OPTIONS)
    monkeypatch.undo()
    assert read_run(tmp_path / "local_first")["state"] == "interrupted"
    resumed = framing.analyze(tiny_corpus, out=tmp_path / "local_first", resume=True, engine="dask", scheduler=client,
                              **OPTIONS)
    first = _first_batch(tiny_corpus)
    assert resumed.run["reused"]["from_interrupted_run"] == {"articles": first, "batches": 1}
    assert resumed.run["config"]["engine"]["name"] == "dask"
    assert_same_tables(resumed, straight)

    address = client.scheduler.address
    interrupt_write(monkeypatch, k=2)
    with pytest.raises(AnalysisInterrupted) as interrupted:
        framing.analyze(tiny_corpus, out=tmp_path / "dask_first", engine="dask", scheduler=address, **OPTIONS)
    monkeypatch.undo()
    state = read_run(tmp_path / "dask_first")
    assert state["state"] == "interrupted" and state["progress"]["batches_done"] == 1
    assert interrupted.value.resume_command.endswith(f"--engine dask --scheduler {address}")
    resumed = framing.analyze(tiny_corpus, out=tmp_path / "dask_first", resume=True, **OPTIONS)
    assert resumed.run["reused"]["from_interrupted_run"] == {"articles": first, "batches": 1}
    assert_same_tables(resumed, straight)
    assert resumed.run["run_id"] == straight.run["run_id"]


def test_the_resume_command_names_the_engine_flags_that_were_given(tmp_path):
    def command(engine):
        return _resume_command("corpus", tmp_path / "run", {}, None, "lexicon", [], 32, True, engine.command_args())

    assert "--engine" not in command(get_engine("local"))
    assert command(DaskEngine()).endswith("--stance lexicon --engine dask")
    assert command(DaskEngine(workers=3)).endswith("--engine dask --workers 3")
    assert command(DaskEngine(scheduler="tcp://node:8786")).endswith("--engine dask --scheduler tcp://node:8786")


# --------------------------------------------------------------------------- measures of one's own on workers


def _token_measure(*, fail: bool = False) -> Measure:
    """A measure defined here, in the session (not importable by a worker): tokens per field, and the
    process that counted them."""

    class FieldTokens(Measure):
        name = "field_tokens"
        tables = {"field_tokens": pa.schema([("article_id", pa.string()), ("field", pa.string()),
                                             ("n_tokens", pa.int64()), ("pid", pa.int64())])}

        def field_rows(self, tool, field):
            if fail:
                raise RuntimeError("field_tokens failed on purpose")
            return {"field_tokens": [{**field.base, "n_tokens": len(field.doc), "pid": os.getpid()}]}

    return FieldTokens()


@pytest.fixture
def registered():
    """Register a measure for one test, and remove it after."""
    names = []

    def register(measure: Measure) -> Measure:
        framing.register_measure(measure)
        names.append(measure.name)
        return measure

    yield register
    for name in names:
        framing.unregister_measure(name)


def test_a_measure_registered_in_the_session_runs_on_the_workers(tiny_corpus, client, registered):
    registered(_token_measure())
    options = {**OPTIONS, "measures": ["quotes", "field_tokens"]}
    local = framing.analyze(tiny_corpus, **options)
    on_dask = framing.analyze(tiny_corpus, engine="dask", scheduler=client, **options)
    assert_same_tables(on_dask.replace(field_tokens=on_dask.field_tokens.drop(columns="pid")),
                       local.replace(field_tokens=local.field_tokens.drop(columns="pid")))
    assert len(on_dask.field_tokens) == 8  # title and text of the four articles with text
    workers = {info["pid"] for info in client.run(lambda: {"pid": os.getpid()}).values()}
    assert set(on_dask.field_tokens["pid"]) <= workers and os.getpid() not in workers


def test_an_error_on_a_worker_fails_the_run_and_is_recorded(tiny_corpus, client, registered, tmp_path):
    registered(_token_measure(fail=True))
    with pytest.raises(RuntimeError, match="field_tokens failed on purpose"):
        framing.analyze(tiny_corpus, out=tmp_path / "run", engine="dask", scheduler=client,
                        **{**OPTIONS, "measures": ["field_tokens"]})
    state = read_run(tmp_path / "run")
    assert state["state"] == "failed"
    assert state["error"] == "RuntimeError: field_tokens failed on purpose"


# --------------------------------------------------------------------------- clear errors


def test_an_unreachable_scheduler_is_a_clear_error_and_leaves_no_folder(tiny_corpus, tmp_path, capsys):
    dask = pytest.importorskip("dask")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        status = main(["analyze", str(tiny_corpus), "--out", str(tmp_path / "run"), *CLI_OPTIONS,
                       "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert status == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("framing analyze: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9 ")
    assert "Traceback" not in err
    assert not (tmp_path / "run").exists()


def test_without_dask_the_engine_names_what_to_install(tiny_corpus, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # what `import distributed` meets when not installed
    with pytest.raises(EngineError, match=r"pip install 'framing\[dask\]'"):
        framing.analyze(tiny_corpus, engine="dask", **OPTIONS)


def test_engine_options_are_checked():
    assert isinstance(get_engine(), LocalEngine)
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        get_engine("spark")
    with pytest.raises(ValueError, match="engine='dask'"):
        get_engine("local", workers=2)
    with pytest.raises(ValueError, match="at least 1"):
        DaskEngine(workers=0)
