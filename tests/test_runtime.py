"""Inference on ONNX Runtime (framing._runtime): the same numbers as PyTorch, a clear choice of
runtime, and a fallback that says why; and the analysis's parse-ahead thread, which must not change
a table."""

from __future__ import annotations

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


def test_parsing_ahead_changes_no_table(tiny_corpus, monkeypatch):
    """The analysis parses the next batch on a second thread (analysis.PARSE_AHEAD); each table is
    the same, row for row, as when every batch is parsed in turn."""
    results = {}
    for ahead in (False, True):
        monkeypatch.setattr(analysis, "PARSE_AHEAD", ahead)
        results[ahead] = framing.analyze(tiny_corpus, measures=["quotes", "wording", "persuasion"], batch_size=1,
                                         progress=False)
    stages = results[True].run["timing"]["stages"]
    assert stages["parse"] > 0 and "parse_wait" in stages
    assert "parse_wait" not in results[False].run["timing"]["stages"]
    for name in results[True].run["tables"]:
        pd.testing.assert_frame_equal(getattr(results[True], name), getattr(results[False], name), check_exact=True)
    assert len(results[True].articles) == 5  # the empty article included, with its reason
