"""Cross-validation over several fold seeds (``framing evaluate NAME --data DIR --seeds ...``): the
spread of every cross-validated number beside the first seed's report, the held-out part scored once."""

from __future__ import annotations

import json

import numpy as np
import pyarrow as pa
import pytest

import framing
from framing._foldseeds import over_fold_seeds
from framing.cli import main
from framing.measures import Measure

CALLS: list[tuple] = []


def _evaluate(data, *, folds=5, seed=0) -> dict:
    """A report shaped as the learned measures' are: the score depends on the fold seed, the held-out
    part does not, and some entries are not numbers."""
    CALLS.append((data, folds, seed))
    return {"task": "probe", "seed": seed,
            "cv": {"english": {"f1": 0.4 + seed / 10, "n": 54, "label": "URW"}, "per_fold": [seed, 1.0],
                   "flag": seed % 2 == 0, "seed": seed, "folds": folds},
            "held_out": {"f1": 0.3}}


def test_every_cross_validated_number_gets_its_spread_and_the_held_out_part_is_the_first_seeds():
    CALLS.clear()
    report = over_fold_seeds(_evaluate, "DIR", folds=3, seeds=[2, 0, 1])
    assert CALLS == [("DIR", 3, 2), ("DIR", 3, 0), ("DIR", 3, 1)]
    assert report["seed"] == 2 and report["cv"]["english"]["f1"] == pytest.approx(0.6)  # the first seed's report
    spread = report["fold_seeds"]
    assert spread["seeds"] == [2, 0, 1]
    assert spread["mean"]["english"]["f1"] == pytest.approx(0.5)
    assert spread["sd"]["english"]["f1"] == pytest.approx(0.1)
    assert (spread["min"]["english"]["f1"], spread["max"]["english"]["f1"]) == (pytest.approx(0.4), pytest.approx(0.6))
    assert spread["mean"]["english"]["n"] == 54 and spread["mean"]["per_fold"] == [pytest.approx(1.0), 1.0]
    # strings and booleans are not averaged; the held-out part is not a cross-validated number
    assert "label" not in spread["mean"]["english"] and "flag" not in spread["mean"]
    assert "held_out" not in spread["mean"] and report["held_out"] == {"f1": 0.3}
    assert "seed" not in spread["mean"] and "folds" not in spread["mean"]  # settings, not scores


def test_a_report_that_is_its_own_cross_validation_is_summarised_without_its_held_out_part():
    def frames_like(data, *, folds=5, seed=0):
        return {"micro_f1": 0.6 + seed / 100, "seed": seed, "seconds": {"total": 10.0 + seed},
                "held_out": {"micro_f1": 0.7}}

    spread = over_fold_seeds(frames_like, "DIR", seeds=[0, 2])["fold_seeds"]
    assert spread["mean"] == {"micro_f1": pytest.approx(0.61)}
    assert spread["sd"]["micro_f1"] == pytest.approx(0.02 ** 0.5 / 10)


@pytest.mark.parametrize("seeds", [[], [1, 1]])
def test_fold_seeds_must_be_given_once_each(seeds):
    with pytest.raises(ValueError, match="seed"):
        over_fold_seeds(_evaluate, "DIR", seeds=seeds)


@pytest.fixture
def probe():
    measure = type("Probe", (Measure,), {
        "name": "probe", "tables": {"probe": pa.schema([("article_id", pa.string()), ("outlet", pa.string())])},
        "evaluate": lambda self, data, *, folds=5, seed=0: _evaluate(data, folds=folds, seed=seed)})()
    framing.register_measure(measure)
    yield measure
    framing.unregister_measure("probe")


def test_framing_evaluate_takes_fold_seeds(probe, tmp_path, capsys):
    out = tmp_path / "report.json"
    assert main(["evaluate", "probe", "--data", "DIR", "--folds", "4", "--seeds", "0,1,3", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    report = json.loads(out.read_text())
    assert json.loads(captured.out) == report
    assert report["fold_seeds"]["seeds"] == [0, 1, 3]
    assert report["fold_seeds"]["mean"]["english"]["f1"] == pytest.approx(0.4 + 4 / 30)
    assert "fold seed 3 (3 of 3)" in captured.err  # progress on stderr, the report alone on stdout
    assert main(["evaluate", "probe", "--data", "DIR", "--seed", "2"]) == 0
    assert "fold_seeds" not in json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("text", ["0,0", "a,b", ","])
def test_framing_evaluate_refuses_malformed_fold_seeds(probe, text, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["evaluate", "probe", "--data", "DIR", "--seeds", text])
    assert stop.value.code == 2 and "fold seed" in capsys.readouterr().err


class _Counting:
    """An encoder that counts the texts it is asked to encode."""

    def __init__(self):
        self.texts: list[str] = []

    def encode(self, texts):
        self.texts += list(texts)
        return np.array([[float(len(t)), 1.0] for t in texts])


def test_the_seeds_share_what_their_evaluations_encode():
    from framing.encoder import MemoEncoder
    from framing.frames import _CachedEncoder

    encoder = _Counting()

    def encoding(data, *, folds=5, seed=0):
        # each evaluation wraps the encoder anew, as evaluate_roles and evaluate_frames do
        MemoEncoder(encoder).encode(["a text", "another"])
        _CachedEncoder(encoder).encode(["a chunk"])
        return {"cv": {"f1": 0.5 + seed / 10}}

    over_fold_seeds(encoding, "DIR", seeds=[0, 1, 2])
    assert sorted(encoder.texts) == ["a chunk", "a text", "another"]  # once, not once per seed
    encoding("DIR")  # outside the repeated evaluation nothing is shared
    assert len(encoder.texts) == 6
    assert MemoEncoder(encoder).memory == {}


def test_a_store_keeps_the_shared_memories_for_a_later_block():
    from framing.encoder import MemoEncoder, shared_memories

    encoder, store = _Counting(), {}
    with shared_memories(store):
        MemoEncoder(encoder).encode(["a text"])
    with shared_memories(store):
        MemoEncoder(encoder).encode(["a text", "another"])
    assert encoder.texts == ["a text", "another"]
    assert MemoEncoder(encoder).memory == {}  # nothing shared outside the blocks
