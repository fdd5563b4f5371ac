"""Distillation of the stance model: a deeper teacher's probabilities as soft targets.

These tests train on a few invented sentences for a step or two; whether a distilled
model scores better is a cross-validation question, answered in ``docs/stance_model.md``.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from conftest import rerun_recorded_command, write_invented_sentences
from framing.stance_model import CONFIG_NAME, STANCE_LABELS, WEIGHTS_NAME
from framing.stance_training import _fit, _fit_distilled, cross_validate_stance_model, train_stance_model

TINY = {"epochs": 1, "batch_size": 4, "max_length": 16, "num_layers": 1, "num_threads": 1}


@pytest.fixture(scope="module")
def frame(tmp_path_factory):
    from framing.evaluation import load_newsmtsc

    path = tmp_path_factory.mktemp("distil") / "train.jsonl"
    write_invented_sentences(path, 24)
    return load_newsmtsc(path, part="all")


def _one_hot(frame) -> np.ndarray:
    index = frame["label"].map({label: i for i, label in enumerate(STANCE_LABELS)}).to_numpy()
    return np.eye(len(STANCE_LABELS))[index]


def test_soft_targets_equal_to_the_gold_labels_train_as_the_gold_labels_do(frame):
    """With the gold labels as soft targets, the mixed loss is the plain cross-entropy."""
    plain = _fit(frame, frame, base=None, progress=False, max_steps=3, **TINY)
    for weight in (0.5, 1.0):
        soft = _fit(frame, frame, base=None, progress=False, max_steps=3, soft_targets=_one_hot(frame),
                    distil_weight=weight, **TINY)
        for (name, a), (_, b) in zip(plain["named"], soft["named"]):
            np.testing.assert_allclose(a.detach().numpy(), b.detach().numpy(), atol=1e-5, err_msg=name)
        assert soft["params"]["distil_weight"] == weight


def test_soft_targets_move_the_model_toward_the_teacher(frame):
    """Soft targets that contradict the gold labels pull the predictions their way."""
    flipped = _one_hot(frame)[:, ::-1].copy()  # negative <-> positive, neutral stays
    options = {**TINY, "epochs": 3, "lr": 5e-4}
    gold = _fit(frame, frame, base=None, progress=False, **options)
    taught = _fit(frame, frame, base=None, progress=False, soft_targets=flipped, distil_weight=1.0, **options)

    def agreement(proba):
        return float(np.mean(np.sum(proba * flipped, axis=1)))

    assert agreement(taught["dev_proba"]) > agreement(gold["dev_proba"]) + 0.05


def test_bad_soft_targets_are_refused(frame):
    with pytest.raises(ValueError, match="shape"):
        _fit(frame, None, base=None, progress=False, soft_targets=np.ones((3, 3)) / 3, **TINY)
    with pytest.raises(ValueError, match="distil_weight"):
        _fit(frame, None, base=None, progress=False, soft_targets=_one_hot(frame), distil_weight=1.5, **TINY)


def test_a_bad_distil_weight_is_refused_before_the_teacher_trains(frame, monkeypatch):
    import framing.stance_training as stance_training

    def no_training(*args, **kwargs):
        raise AssertionError("the teacher should not be trained")

    monkeypatch.setattr(stance_training, "_fit", no_training)
    with pytest.raises(ValueError, match="distil_weight"):
        _fit_distilled(frame, None, teacher_layers=2, distil_weight=-0.1, base=None, progress=False, **TINY)


def test_the_teacher_has_the_students_options_but_its_own_depth(frame):
    fitted = _fit_distilled(frame, frame, teacher_layers=2, distil_weight=0.5, base=None, progress=False,
                            max_steps=2, **TINY)
    assert fitted["teacher"]["num_layers"] == 2 and fitted["teacher"]["steps"] == 2
    assert len(fitted["net"].encoder.encoder.layer) == 1  # the student keeps its own depth
    assert fitted["params"]["teacher_layers"] == 2 and fitted["params"]["distil_weight"] == 0.5
    assert fitted["teacher"]["history"][-1]["dev_macro_f1"] >= 0


def test_distilled_training_is_deterministic_and_its_command_reproduces_it(tmp_path):
    from framing.cli import main

    write_invented_sentences(tmp_path / "train.jsonl", 24)
    first = tmp_path / "first"
    assert main(["train", "targeted-sentiment", "--data", str(tmp_path / "train.jsonl"), "--out", str(first),
                 "--part", "all", "--epochs", "1", "--batch-size", "4", "--max-length", "16", "--num-layers", "1",
                 "--num-threads", "1", "--max-steps", "2", "--teacher-layers", "2", "--distil-weight", "0.7"]) == 0
    config = json.loads((first / CONFIG_NAME).read_text(encoding="utf-8"))
    training = config["training"]
    assert training["teacher"]["num_layers"] == 2 and training["distil_weight"] == 0.7
    second = tmp_path / "second"
    words = rerun_recorded_command(first, second)
    assert "--teacher-layers" in words and "--distil-weight" in words
    assert (first / WEIGHTS_NAME).read_bytes() == (second / WEIGHTS_NAME).read_bytes()


def test_cross_validation_scores_teacher_and_student_on_the_same_folds(tmp_path):
    write_invented_sentences(tmp_path / "train.jsonl", 30)
    report = cross_validate_stance_model(tmp_path / "train.jsonl", folds=2, part="all", teacher_layers=2,
                                         max_steps=2, progress=False, **TINY)
    teacher = report["teacher"]
    assert len(teacher["per_fold"]) == len(report["per_fold"]) == 2
    assert report["options"]["teacher_layers"] == 2 and report["options"]["distil_weight"] == 0.5
    gains = [s[-1] - t[-1] for s, t in zip(report["per_fold"], teacher["per_fold"])]
    assert teacher["student_minus_teacher"] == pytest.approx(gains, abs=1e-4)


def test_soups_and_distillation_do_not_combine(tmp_path):
    write_invented_sentences(tmp_path / "train.jsonl", 24)
    with pytest.raises(ValueError, match="cannot be combined"):
        train_stance_model(tmp_path / "train.jsonl", out=tmp_path / "m", part="all", soup_seeds=(0, 1),
                           teacher_layers=2, progress=False, **TINY)
    with pytest.raises(ValueError, match="cannot be combined"):
        cross_validate_stance_model(tmp_path / "train.jsonl", folds=2, part="all", soup_seeds=(0, 1),
                                    teacher_layers=2, progress=False, **TINY)


def test_a_device_that_is_not_there_is_refused_before_training(frame):
    import torch

    with pytest.raises(ValueError, match="not a torch device"):
        _fit(frame, None, base=None, progress=False, device="abacus", **TINY)
    if not torch.cuda.is_available():
        with pytest.raises(ValueError, match="sees no CUDA device"):
            _fit(frame, None, base=None, progress=False, device="cuda", **TINY)
