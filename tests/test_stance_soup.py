"""Weight soups of the stance model: runs that differ only in seed, averaged weight by weight.

These tests train on a few invented sentences for a step or two; whether a soup scores
better is a cross-validation question, answered in ``docs/stance_model.md``.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

import framing.stance_training as stance_training
from conftest import rerun_recorded_command, write_invented_sentences
from framing.stance_model import CONFIG_NAME, WEIGHTS_NAME
from framing.stance_training import _fit, cross_validate_stance_model, train_stance_model

TINY = {"epochs": 1, "batch_size": 4, "max_length": 16, "num_layers": 1, "num_threads": 1}


def _frame(path):
    from framing.evaluation import load_newsmtsc

    return load_newsmtsc(path, part="all")


def _weights(fitted) -> dict:
    return {name: param.detach().clone() for name, param in fitted["named"]}


def _saved(folder) -> dict:
    from safetensors.torch import load_file

    return load_file(str(folder / WEIGHTS_NAME))


def _assert_same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for name in a:
        assert a[name].equal(b[name]), name


@pytest.fixture(scope="module")
def frame(tmp_path_factory):
    path = tmp_path_factory.mktemp("soup") / "train.jsonl"
    write_invented_sentences(path, 24)
    return _frame(path)


def test_init_seed_by_default_leaves_training_unchanged(frame):
    default = _fit(frame, None, base=None, progress=False, seed=3, max_steps=3, **TINY)
    same = _fit(frame, None, base=None, progress=False, seed=3, init_seed=3, max_steps=3, **TINY)
    _assert_same(_weights(default), _weights(same))
    assert default["config"]["neutral_band"] == same["config"]["neutral_band"]
    assert "init_seed" not in default["params"], "a default training records what it always recorded"


def test_init_seed_sets_only_the_head_initialisation(frame):
    untrained = {(seed, init): _weights(_fit(frame, None, base=None, progress=False, seed=seed, init_seed=init,
                                             max_steps=0, **TINY))
                 for seed, init in ((0, 0), (1, 0), (1, 1))}
    _assert_same(untrained[0, 0], untrained[1, 0])
    assert not untrained[1, 0]["classifier.weight"].equal(untrained[1, 1]["classifier.weight"])
    # the seed still drives the data order and dropout: trained runs differ
    trained = [_weights(_fit(frame, None, base=None, progress=False, seed=seed, init_seed=0, max_steps=2, **TINY))
               for seed in (0, 1)]
    assert not trained[0]["classifier.weight"].equal(trained[1]["classifier.weight"])


def test_the_soup_of_identical_runs_is_the_run(frame, monkeypatch):
    run = _fit(frame, frame, base=None, progress=False, seed=0, init_seed=0, max_steps=2, **TINY)
    real_fit = stance_training._fit
    monkeypatch.setattr(stance_training, "_fit", lambda *a, seed, **k: real_fit(*a, seed=0, **k))
    soup = stance_training._fit_soup(frame, frame, soup_seeds=(0, 1, 2), base=None, progress=False, max_steps=2,
                                     **TINY)
    _assert_same(_weights(run), _weights(soup))
    np.testing.assert_array_equal(soup["dev_proba"], run["dev_proba"])
    np.testing.assert_allclose(soup["ensemble_proba"], run["dev_proba"], rtol=1e-12)


def test_the_soup_is_the_mean_of_the_runs(tmp_path):
    write_invented_sentences(tmp_path / "train.jsonl", 24)
    runs = [_weights(_fit(_frame(tmp_path / "train.jsonl"), None, base=None, progress=False, seed=seed,
                          init_seed=0, max_steps=2, **TINY)) for seed in (0, 1)]
    config = train_stance_model(tmp_path / "train.jsonl", out=tmp_path / "soup", part="all", soup_seeds=(0, 1),
                                max_steps=2, progress=False, **TINY)
    saved = _saved(tmp_path / "soup")
    assert saved.keys() == runs[0].keys()
    for name, value in saved.items():
        mean = (runs[0][name].double() + runs[1][name].double()) / 2
        np.testing.assert_allclose(value.float().numpy(), mean.numpy(), rtol=1e-3, atol=1e-4, err_msg=name)
    training = config["training"]
    assert training["soup_seeds"] == [0, 1] and training["init_seed"] == 0
    assert [run["seed"] for run in training["runs"]] == [0, 1]
    assert "--soup-seeds 0 1" in training["command"]
    assert 0 < config["neutral_band"] < 1


def test_soup_training_is_deterministic_and_its_command_reproduces_it(tmp_path):
    from framing.cli import main

    write_invented_sentences(tmp_path / "train.jsonl", 24)
    first = tmp_path / "first"
    assert main(["train", "targeted-sentiment", "--data", str(tmp_path / "train.jsonl"), "--out", str(first),
                 "--part", "all", "--epochs", "1", "--batch-size", "4", "--max-length", "16", "--num-layers", "1",
                 "--num-threads", "1", "--max-steps", "2", "--soup-seeds", "0", "1", "2"]) == 0
    second = tmp_path / "second"
    rerun_recorded_command(first, second)
    assert (first / WEIGHTS_NAME).read_bytes() == (second / WEIGHTS_NAME).read_bytes()
    configs = [json.loads((folder / CONFIG_NAME).read_text(encoding="utf-8")) for folder in (first, second)]
    assert configs[0]["neutral_band"] == configs[1]["neutral_band"]


def test_cross_validation_scores_runs_soup_and_ensemble(tmp_path):
    write_invented_sentences(tmp_path / "train.jsonl", 30)
    report = cross_validate_stance_model(tmp_path / "train.jsonl", folds=2, part="all", soup_seeds=(0, 1),
                                         max_steps=2, progress=False, **TINY)
    soup = report["soup"]
    assert len(soup["per_fold"]) == 2 and report["options"]["soup_seeds"] == [0, 1]
    for row in soup["per_fold"]:
        assert set(row["runs"]) == {"0", "1"}
        assert row["mean_single"] == pytest.approx(np.mean(list(row["runs"].values())), abs=1e-4)
    assert report["macro_f1"] == soup["mean"]["soup"]
    assert {"seed_0", "seed_1", "soup_minus_single", "ensemble"} <= set(soup["std"])


def test_soup_seeds_must_be_distinct(frame):
    with pytest.raises(ValueError, match="distinct"):
        stance_training._fit_soup(frame, None, soup_seeds=(1, 1), base=None, progress=False, **TINY)
