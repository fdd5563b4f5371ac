"""Inference on ONNX Runtime (framing._runtime): the same numbers as PyTorch, a clear choice of
runtime, and a fallback that says why; and the analysis's parse ahead (a thread or worker
processes), which must not change a table."""

from __future__ import annotations

import multiprocessing
import sys

import numpy as np
import pandas as pd
import pytest

import framing
import framing.analysis as analysis
from framing import _runtime
from framing.encoder import SentenceEncoder
from framing.stance_model import TransformerStanceScorer

pytest.importorskip("onnxruntime")

ITEMS = [
    ("The minister praised Kenya's courage but condemned Sudan's brutality.", 23, 28),
    ("The minister praised Kenya's courage but condemned Sudan's brutality.", 51, 56),
    ("NATO leaders met in Vilnius on Tuesday.", 0, 4),
    ("Moscow Rejects Kyiv's Peace Formula As 'Detached From Reality'", 0, 6),
    ("Critics accused the governor of lying and of wasting public money for years, "
     "while the governor's allies in the legislature said the audit was a partisan attack.", 16, 28),
]


@pytest.fixture(scope="module")
def scorers():
    return {name: TransformerStanceScorer(runtime=name) for name in ("torch", "onnx")}


def test_the_stance_network_gives_the_same_probabilities_on_both_runtimes(scorers):
    assert scorers["onnx"].engine == "onnx" and scorers["torch"].engine == "torch"
    torch_proba = scorers["torch"].predict_proba_texts(ITEMS)
    onnx_proba = scorers["onnx"].predict_proba_texts(ITEMS)
    np.testing.assert_allclose(onnx_proba, torch_proba, atol=1e-5)
    np.testing.assert_array_equal(onnx_proba.argmax(axis=1), torch_proba.argmax(axis=1))
    # batch and length do not change an input's probabilities beyond float noise on ONNX Runtime either
    alone = np.vstack([scorers["onnx"].predict_proba_texts([item]) for item in ITEMS])
    np.testing.assert_allclose(onnx_proba, alone, atol=1e-5)
    # the same inputs give the same numbers again
    np.testing.assert_array_equal(onnx_proba, scorers["onnx"].predict_proba_texts(ITEMS))


def test_the_int8_model_stays_on_pytorch():
    assert TransformerStanceScorer(quantize=True, runtime="onnx").engine == "torch"


def test_the_sentence_encoder_gives_the_same_vectors_and_span_states_on_both_runtimes():
    texts = ["Kyiv and Moscow traded accusations over the shelling of the plant.", "", "Short.",
             " ".join(["The talks in Istanbul ended without a deal."] * 40)]  # longer than the window
    parts = [[(0, 4), (9, 15)], [], [(0, 5)], [(4, 9), (1000, 1100)]]
    on_torch, on_onnx = SentenceEncoder(runtime="torch"), SentenceEncoder(runtime="onnx")
    assert on_onnx.engine == "onnx" and on_onnx.dimension == on_torch.dimension == 384
    np.testing.assert_allclose(on_onnx.encode(texts), on_torch.encode(texts), atol=1e-5)
    for left, right in zip(on_onnx.encode_parts(texts, parts), on_torch.encode_parts(texts, parts)):
        np.testing.assert_allclose(left, right, atol=1e-4)


def test_loaded_models_pickle_without_their_session_and_reload_the_same():
    import pickle

    encoder, scorer = SentenceEncoder(runtime="onnx"), TransformerStanceScorer(runtime="onnx")
    vectors, proba = encoder.encode(["Kyiv and Moscow met."]), scorer.predict_proba_texts(ITEMS[:2])
    encoder_copy, scorer_copy = pickle.loads(pickle.dumps(encoder)), pickle.loads(pickle.dumps(scorer))
    assert encoder_copy._loaded is None and scorer_copy._loaded is None
    np.testing.assert_array_equal(encoder_copy.encode(["Kyiv and Moscow met."]), vectors)
    np.testing.assert_array_equal(scorer_copy.predict_proba_texts(ITEMS[:2]), proba)


def test_the_runtime_is_chosen_by_name_or_by_the_environment(monkeypatch):
    monkeypatch.delenv("FRAMING_RUNTIME", raising=False)
    assert _runtime.resolve_runtime(None) == "auto"
    monkeypatch.setenv("FRAMING_RUNTIME", "torch")
    assert TransformerStanceScorer().runtime == "torch" and SentenceEncoder().runtime == "torch"
    assert TransformerStanceScorer(runtime="onnx").runtime == "onnx"
    monkeypatch.setenv("FRAMING_RUNTIME", "tensorrt")
    with pytest.raises(ValueError, match="FRAMING_RUNTIME must be one of"):
        TransformerStanceScorer()
    with pytest.raises(ValueError, match="runtime must be one of"):
        SentenceEncoder(runtime="cuda")


def test_a_failed_export_falls_back_to_pytorch_with_its_reason_unless_onnx_was_asked_for(monkeypatch):
    def broken(*args, **kwargs):
        raise TypeError("an operator the exporter does not know")

    monkeypatch.setattr("framing.stance_model.export_onnx", broken)
    auto = TransformerStanceScorer(runtime="auto")
    with pytest.warns(RuntimeWarning, match="running on PyTorch: the ONNX export failed .*does not know"):
        assert auto.engine == "torch"
    assert auto.predict_proba_texts(ITEMS[:1]).shape == (1, 3)
    with pytest.raises(RuntimeError, match="ONNX Runtime was asked for"):
        TransformerStanceScorer(runtime="onnx").engine


def test_a_missing_onnx_runtime_falls_back_quietly_on_auto(monkeypatch):
    def missing(*args, **kwargs):
        raise ImportError("No module named 'onnxruntime'")

    monkeypatch.setattr("framing.encoder.export_onnx", missing)
    encoder = SentenceEncoder(runtime="auto")
    assert encoder.engine == "torch"
    assert encoder.encode(["One sentence."]).shape == (1, 384)


@pytest.fixture(scope="module")
def nlp():
    from framing._nlp import load_nlp

    return load_nlp()


def test_the_lemmatizer_runs_only_when_a_measure_reads_lemmas(tiny_corpus, monkeypatch):
    """Mentions and the learned stance read no lemma, so a run with no other measure parses without
    spaCy's lemmatizer, in turn and in worker processes alike; run.json lists the components that
    ran, and the mention table is the same, value for value, as in a run whose quotes keep the
    lemmatizer. The lexicon stance scorer looks words up by lemma and keeps it."""
    runs = {}
    for mode, ahead, processes, measures in (("lean", False, None, []), ("lean ahead", True, 2, []),
                                             ("quotes", False, None, ["quotes"])):
        monkeypatch.setattr(analysis, "PARSE_AHEAD", ahead)
        monkeypatch.setattr(analysis, "PARSE_PROCESSES", processes)
        runs[mode] = framing.analyze(tiny_corpus, measures=measures, batch_size=2, progress=False)
    for mode in ("lean", "lean ahead"):
        components = runs[mode].run["environment"]["spacy_components"]
        assert "lemmatizer" not in components and {"parser", "ner", "attribute_ruler"} <= set(components)
        pd.testing.assert_frame_equal(runs[mode].mentions, runs["quotes"].mentions, check_exact=True)
    assert "lemmatizer" in runs["quotes"].run["environment"]["spacy_components"]
    lexicon = framing.analyze(tiny_corpus, measures=[], stance="lexicon", progress=False)
    assert "lemmatizer" in lexicon.run["environment"]["spacy_components"]


def test_parsing_ahead_changes_no_table(tiny_corpus, monkeypatch):
    """The analysis parses the next batch while this one is analysed (analysis.PARSE_AHEAD), in
    worker processes or on a second thread (analysis.PARSE_PROCESSES); each table is the same, row
    for row, as when every batch is parsed in turn, and run.json says how the run parsed."""
    results = {}
    for mode, ahead, processes in (("in turn", False, None), ("thread", True, 0), ("processes", True, 2)):
        monkeypatch.setattr(analysis, "PARSE_AHEAD", ahead)
        monkeypatch.setattr(analysis, "PARSE_PROCESSES", processes)
        results[mode] = framing.analyze(tiny_corpus, measures=["quotes", "wording", "persuasion"], batch_size=1,
                                        progress=False)
    fork = "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"
    assert results["processes"].run["environment"]["parsing"] == (
        {"parse": "processes", "processes": 2} if fork else {"parse": "thread"})
    assert results["thread"].run["environment"]["parsing"] == {"parse": "thread"}
    assert results["in turn"].run["environment"]["parsing"] == {"parse": "in turn"}
    for mode in ("thread", "processes"):
        stages = results[mode].run["timing"]["stages"]
        assert stages["parse"] > 0 and "parse_wait" in stages
        for name in results[mode].run["tables"]:
            pd.testing.assert_frame_equal(getattr(results[mode], name), getattr(results["in turn"], name),
                                          check_exact=True)
    assert "parse_wait" not in results["in turn"].run["timing"]["stages"]
    assert len(results["processes"].articles) == 5  # the empty article included, with its reason


def test_parsed_documents_cross_the_process_boundary_whole(nlp):
    """A worker process sends its parses back as a DocBin: every attribute a measure reads comes
    back as the parse made it, the sentence starts of the line-break rule included."""
    from spacy.tokens import DocBin

    texts = ["MOSCOW, Jan 5 (Wire) -\nRussia's foreign ministry said on Friday that Kyiv \"provoked\" the strike.",
             "Headline Without A Full Stop\n\nUkrainian President Volodymyr Zelensky thanked NATO allies in Brussels."]
    docs = list(nlp.pipe(texts))
    back = list(DocBin(docs=docs, store_user_data=True).get_docs(nlp.vocab))

    def attributes(doc):
        return ([(t.text_with_ws, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_,
                  t.is_sent_start) for t in doc], [(e.start, e.end, e.label_) for e in doc.ents],
                [(s.start, s.end) for s in doc.sents])

    assert [attributes(d) for d in back] == [attributes(d) for d in docs]
    assert [s.text for s in back[1].sents][0] == "Headline Without A Full Stop\n\n"


def test_parse_processes_by_default_setting_and_pipeline(nlp, monkeypatch):
    """Two worker processes on a 2-core machine, the environment's number when it sets one, none for
    a pipeline the package did not load (its components might set what a DocBin does not carry);
    a number that is not one is refused with the variable's name."""
    import spacy

    from framing._parse import parse_processes

    if "fork" not in multiprocessing.get_all_start_methods() or sys.platform == "darwin":
        assert parse_processes(None, nlp) == 0
        return
    monkeypatch.delenv("FRAMING_PARSE_PROCESSES", raising=False)
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert parse_processes(None, nlp) == 2
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0}, raising=False)
    assert parse_processes(None, nlp) == 0
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: set(range(12)), raising=False)
    assert parse_processes(None, nlp) == 6
    assert parse_processes(3, nlp) == 3
    monkeypatch.setenv("FRAMING_PARSE_PROCESSES", "0")
    assert parse_processes(None, nlp) == 0
    monkeypatch.setenv("FRAMING_PARSE_PROCESSES", "two")
    with pytest.raises(ValueError, match="FRAMING_PARSE_PROCESSES"):
        parse_processes(None, nlp)
    with pytest.raises(ValueError, match="0 or more"):
        parse_processes(-1, nlp)
    assert parse_processes(2, spacy.blank("en")) == 0
    monkeypatch.setattr(multiprocessing, "current_process", lambda: type("Daemon", (), {"daemon": True})())
    assert parse_processes(2, nlp) == 0  # a multiprocessing.Pool worker may not start processes


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods() or sys.platform == "darwin",
                    reason="parse workers are forked processes, where fork exists")
def test_parse_workers_end_when_the_main_process_is_killed(tmp_path):
    """kill -9 of the analysing process cannot stop its parse workers; each ends itself within
    seconds, so none is left behind holding memory."""
    import os
    import signal
    import subprocess
    import time

    script = tmp_path / "run.py"
    script.write_text(
        "import spacy, sys, time\n"
        "from framing._parse import ParseAhead\n"
        "parser = ParseAhead(spacy.blank('en'), processes=1, batch_size=16)\n"
        "parser.submit(['One text.']).result()\n"
        "print(*parser.pool._processes, flush=True)\n"
        "time.sleep(60)\n", encoding="utf-8")
    with subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True) as main:
        try:
            (worker,) = (int(pid) for pid in main.stdout.readline().split())
            os.kill(main.pid, signal.SIGKILL)
            main.wait(timeout=10)
            deadline = time.monotonic() + 10
            while _alive(worker) and time.monotonic() < deadline:
                time.sleep(0.2)
            assert not _alive(worker)
        finally:
            main.kill()


def _alive(pid: int) -> bool:
    """The process runs (it is neither gone nor a zombie waiting to be reaped)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return not any(line.startswith("State:") and "Z" in line for line in status)
    except FileNotFoundError:
        return False
