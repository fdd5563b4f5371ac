"""The learned target-dependent stance scorer: packaged model, interface, training.

Accuracy on NewsMTSC is not tested here (it is an evaluation: ``docs/stance_model.md``);
these tests pin the behaviour a user relies on, on sentences written for them. The one
exception is the small challenge set of real-news shapes (``tests/data/us-news/stance``):
its per-shape numbers are pinned, and the shapes the model gets wrong are strict expected
failures, so that a model which learns one of them makes the suite say so.
"""

from __future__ import annotations

import json
import pickle
import re

import numpy as np
import pytest

from conftest import ROOT, invented_sentences, newsmtsc_record, rerun_recorded_command, shared_file
from framing._nlp import load_nlp
from framing.stance import STANCE_LABELS
from framing.stance_model import CONFIG_NAME, WEIGHTS_NAME, TransformerStanceScorer
from framing.stance_training import train_stance_model

KENYA_SUDAN = "The minister praised Kenya's courage but condemned Sudan's brutality."


def _item(sentence: str, target: str) -> tuple[str, int, int]:
    start = sentence.index(target)
    return sentence, start, start + len(target)


@pytest.fixture(scope="module")
def scorer():
    return TransformerStanceScorer(num_threads=2)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_packaged_model_probabilities(scorer):
    items = [_item(KENYA_SUDAN, "Kenya"), _item(KENYA_SUDAN, "Sudan"),
             _item("NATO leaders met in Vilnius on Tuesday.", "NATO")]
    proba = scorer.predict_proba_texts(items)
    assert proba.shape == (3, len(STANCE_LABELS))
    assert np.all((proba >= 0) & (proba <= 1))
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, atol=1e-6)


@pytest.mark.parametrize("sentence, better, worse", [
    (KENYA_SUDAN, "Kenya", "Sudan"),
    ("The minister condemned Sudan's brutality but praised Kenya's courage.", "Kenya", "Sudan"),
    ("Rights groups accused the army of killing civilians and thanked the volunteers for their help.",
     "the volunteers", "the army"),
])
def test_target_dependent(scorer, nlp, sentence, better, worse):
    doc = nlp(sentence)
    spans = [doc.char_span(*_item(sentence, t)[1:], alignment_mode="expand") for t in (better, worse)]
    scores = scorer.score(doc, spans)
    assert scores[0] > scores[1]
    assert np.all((scores >= -1) & (scores <= 1))


def test_spans_use_their_own_sentence(scorer, nlp):
    text = "Parliament met on Monday. " + KENYA_SUDAN
    doc = nlp(text)
    start = text.index("Sudan")
    span = doc.char_span(start, start + len("Sudan"))
    assert span.sent.start > 0  # the target is in the second sentence
    np.testing.assert_allclose(scorer.predict_proba(doc, [span]),
                               scorer.predict_proba_texts([_item(KENYA_SUDAN, "Sudan")]), atol=1e-9)


def test_deterministic_and_picklable(scorer):
    items = [_item(KENYA_SUDAN, "Kenya"), _item("Critics accused the governor of lying.", "the governor")]
    first = scorer.predict_proba_texts(items)
    np.testing.assert_array_equal(first, scorer.predict_proba_texts(items))
    # a pickled scorer leaves its network behind and reloads the same one
    clone = pickle.loads(pickle.dumps(scorer))
    assert clone._loaded is None
    np.testing.assert_array_equal(first, clone.predict_proba_texts(items))
    # the order of a batch does not change an item's probabilities beyond float noise
    np.testing.assert_allclose(first[::-1], scorer.predict_proba_texts(items[::-1]), atol=1e-5)


def test_default_precision_scores_each_input_independently_of_its_batch(scorer):
    assert scorer.quantize is False
    items = [_item(KENYA_SUDAN, "Kenya"), _item(KENYA_SUDAN, "Sudan"),
             _item("Critics accused the governor of lying and of wasting public money for years.", "the governor"),
             _item("The senator arrived.", "The senator")]
    together = scorer.predict_proba_texts(items)
    alone = np.vstack([scorer.predict_proba_texts([item]) for item in items])
    np.testing.assert_allclose(together, alone, atol=1e-6)


def test_empty_inputs(scorer, nlp):
    doc = nlp("Nothing to score here.")
    assert scorer.predict_proba(doc, []).shape == (0, 3)
    assert scorer.score(doc, []).shape == (0,)
    assert scorer.predict_proba_texts([]).shape == (0, 3)
    assert scorer.label(np.zeros((0, 3))).shape == (0,)


def test_bad_inputs(scorer, nlp):
    with pytest.raises(ValueError, match="outside"):
        scorer.predict_proba_texts([("Short.", 3, 40)])
    doc, other = nlp("Kenya won."), nlp("Sudan lost.")
    with pytest.raises(ValueError, match="does not belong"):
        scorer.predict_proba(doc, [other[0:1]])
    with pytest.raises(ValueError, match="batch_size"):
        TransformerStanceScorer(batch_size=0)


def test_label_and_version(scorer):
    proba = np.array([[0.7, 0.2, 0.1], [0.2, 0.5, 0.3], [0.1, 0.1, 0.8]])
    assert scorer.label(proba).tolist() == ["negative", "neutral", "positive"]
    band = scorer.neutral_band
    assert 0 < band < 1
    assert scorer.label(np.array([-0.99, -band, -band / 2, 0.0, band / 2, band, 0.99])).tolist() == \
        ["negative", "negative", "neutral", "neutral", "neutral", "positive", "positive"]
    assert re.fullmatch(r"minilm-tsc-1\+[0-9a-f]{10}\.T[0-9.]+", scorer.version())  # weights, temperature
    assert re.fullmatch(r"minilm-tsc-1\+[0-9a-f]{10}\.T[0-9.]+\.int8", TransformerStanceScorer(quantize=True).version())


def test_long_sentence_keeps_the_target(scorer):
    """A target far into a long input stays inside the cut window, between its markers."""
    from framing.stance_model import _encode

    filler = "The committee discussed the budget at length. " * 40
    sentence = filler + "The minister praised Kenya's courage."
    proba = scorer.predict_proba_texts([_item(sentence, "Kenya")])
    assert proba.shape == (1, 3)
    np.testing.assert_allclose(proba.sum(), 1.0, atol=1e-6)
    _, tokenizer, config = scorer._load()
    (ids, (first, stop)), = _encode(tokenizer, [_item(sentence, "Kenya")], config)
    assert len(ids) <= config["max_length"]
    assert tokenizer.decode(ids[first:stop]).strip() == "kenya"
    assert "courage" in tokenizer.decode(ids[stop:])


def test_an_input_too_long_for_the_window_is_read_in_the_target_sentence(scorer):
    target = "The minister condemned Sudan's brutality."
    long_input = "The committee discussed the budget at length. " * 40 + target + " The talks went on." * 30
    alone, padded = scorer.predict_proba_texts([_item(target, "Sudan"), _item(long_input, "Sudan")])
    assert alone.argmax() == STANCE_LABELS.index("negative")
    np.testing.assert_allclose(padded, alone, atol=1e-5)


def test_the_package_scores_a_mention_in_its_own_sentence_not_after_filler(scorer, nlp):
    """Raw long inputs drift (a negative target after 40 filler sentences reads less negative),
    but the package never feeds them: a mention is scored in its own spaCy sentence, so the
    filler before it changes nothing."""
    target = "The minister condemned Sudan's brutality."
    alone = nlp(target)
    padded = nlp("The committee discussed the budget at length. " * 40 + target)
    spans = [doc[i:i + 1] for doc in (alone, padded) for i, token in enumerate(doc) if token.text == "Sudan"]
    p_alone = scorer.predict_proba(alone, spans[:1])
    p_padded = scorer.predict_proba(padded, spans[1:])
    assert p_alone[0].argmax() == STANCE_LABELS.index("negative")
    np.testing.assert_allclose(p_padded, p_alone, atol=1e-5)


def _write_jsonl(path, rows):
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def test_train_writes_a_loadable_model(tmp_path):
    rows = [newsmtsc_record("Critics condemned the governor for lying.", "the governor", 2.0),
            newsmtsc_record("Voters praised the mayor for her honesty.", "the mayor", 6.0),
            newsmtsc_record("The senator arrived on Monday.", "The senator", 4.0),
            newsmtsc_record("Analysts blamed the bank for the crash.", "the bank", 2.0),
            newsmtsc_record("Experts credited the agency with success.", "the agency", 6.0),
            newsmtsc_record("The minister spoke in Paris.", "The minister", 4.0)]
    _write_jsonl(tmp_path / "train.jsonl", rows)
    _write_jsonl(tmp_path / "dev.jsonl", [newsmtsc_record("Critics condemned the mayor for lying.", "the mayor", 2.0),
                                          newsmtsc_record("Voters praised the governor.", "the governor", 6.0),
                                          newsmtsc_record("The bank opened on Monday.", "The bank", 4.0)])
    out = tmp_path / "model"
    report = train_stance_model(tmp_path / "train.jsonl", dev=tmp_path / "dev.jsonl", out=out, part="all",
                                epochs=1, batch_size=4, max_length=16, num_layers=2, max_steps=2, progress=False)
    assert (out / CONFIG_NAME).is_file() and (out / WEIGHTS_NAME).is_file()
    config = json.loads((out / CONFIG_NAME).read_text(encoding="utf-8"))
    assert config["labels"] == list(STANCE_LABELS) and config["max_length"] == 16
    assert config["training"]["steps"] == 2
    assert 0 < config["neutral_band"] < 1
    assert "--max-length 16" in config["training"]["command"]
    assert set(report["dev"]) == {"fp32", "int8"} and report["dev"]["fp32"]["n"] == 3
    proba = TransformerStanceScorer(out, quantize=False).predict_proba_texts([_item(KENYA_SUDAN, "Kenya")])
    assert proba.shape == (1, 3)
    # only the trainable weights are saved: no word embeddings, no dropped layers
    from safetensors import safe_open

    with safe_open(str(out / WEIGHTS_NAME), framework="pt") as weights:
        names = list(weights.keys())
    assert not any("word_embeddings" in name for name in names)
    assert not any(".layer.2." in name for name in names)
    assert "classifier.weight" in names


def test_the_recorded_command_reproduces_the_options(tmp_path):
    from framing.cli import main

    rows = [newsmtsc_record("Critics condemned the governor for lying.", "the governor", 2.0),
            newsmtsc_record("Voters praised the mayor for her honesty.", "the mayor", 6.0),
            newsmtsc_record("The senator arrived on Monday.", "The senator", 4.0)]
    _write_jsonl(tmp_path / "train.jsonl", rows)
    first = tmp_path / "first"
    assert main(["train", "targeted-sentiment", "--data", str(tmp_path / "train.jsonl"), "--out", str(first),
                 "--epochs", "1", "--batch-size", "2", "--max-length", "16", "--num-layers", "1",
                 "--markers", "[", "]", "--pair", "true", "--max-steps", "1", "--num-threads", "1",
                 "--part", "all"]) == 0
    config = json.loads((first / CONFIG_NAME).read_text(encoding="utf-8"))
    assert config["num_layers"] == 1 and config["markers"] == ["[", "]"] and config["pair"] is True
    assert config["training"]["epochs"] == 1 and config["training"]["max_steps"] == 1
    # the command written into the model folder runs and gives the same weights
    second = tmp_path / "second"
    words = rerun_recorded_command(first, second)
    assert words[:3] == ["framing", "train", "targeted-sentiment"]
    assert (first / WEIGHTS_NAME).read_bytes() == (second / WEIGHTS_NAME).read_bytes()


def test_a_file_splits_into_a_train_and_a_held_out_part_by_sentence(tmp_path):
    from framing.evaluation import HOLDOUT_PERCENT, load_newsmtsc

    rows = invented_sentences(600)
    rows += rows[:50]  # duplicates of a sentence must fall in the part of the original
    _write_jsonl(tmp_path / "data.jsonl", rows)
    parts = {part: load_newsmtsc(tmp_path / "data.jsonl", part=part) for part in ("all", "train", "test")}
    train, test = set(parts["train"]["sentence"]), set(parts["test"]["sentence"])
    assert not train & test
    assert train | test == set(parts["all"]["sentence"])
    assert len(parts["train"]) + len(parts["test"]) == len(parts["all"]) == 650
    assert abs(len(test) / 600 - HOLDOUT_PERCENT / 100) < 0.04
    # shuffling the file changes nothing: the part is a function of the sentence
    _write_jsonl(tmp_path / "shuffled.jsonl", rows[::-1])
    assert set(load_newsmtsc(tmp_path / "shuffled.jsonl", part="test")["sentence"]) == test


def test_training_refuses_a_dev_set_that_shares_sentences_with_it(tmp_path):
    rows = invented_sentences(12)
    _write_jsonl(tmp_path / "train.jsonl", rows)
    _write_jsonl(tmp_path / "dev.jsonl", rows[:2] + invented_sentences(20)[14:16])
    options = {"part": "all", "epochs": 1, "batch_size": 4, "max_length": 16, "num_layers": 1, "max_steps": 1,
               "progress": False, "num_threads": 1}
    with pytest.raises(ValueError, match="shares 2 sentence"):
        train_stance_model(tmp_path / "train.jsonl", dev=tmp_path / "dev.jsonl", out=tmp_path / "m", **options)
    assert not (tmp_path / "m").exists()
    report = train_stance_model(tmp_path / "train.jsonl", dev=tmp_path / "dev.jsonl", out=tmp_path / "m",
                                drop_overlap=True, **options)
    assert report["training"]["n_dropped_overlap"] == 2 and report["training"]["n_train_targets"] == 10
    assert "--drop-overlap true" in report["training"]["command"]


def _recorded_folds(monkeypatch):
    """The training module with ``_fit`` replaced by a recorder of each fold's training and held
    sentences (no network trained), and the list it records into."""
    import framing.stance_training as stance_model

    seen = []

    def fake_fit(frame, dev_frame, **options):
        seen.append((list(frame["sentence"]), list(dev_frame["sentence"])))
        return {"history": [{"epoch": 1, "dev_macro_f1": 0.5}], "dev_proba": np.full((len(dev_frame), 3), 1 / 3)}

    monkeypatch.setattr(stance_model, "_fit", fake_fit)
    return stance_model, seen


def test_cross_validation_folds_never_share_a_sentence(tmp_path, monkeypatch):
    rows = invented_sentences(90)
    rows += rows[:10]
    _write_jsonl(tmp_path / "train.jsonl", rows)
    stance_model, seen = _recorded_folds(monkeypatch)
    report = stance_model.cross_validate_stance_model(tmp_path / "train.jsonl", folds=4, part="all",
                                                      progress=False)
    assert report["folds"] == 4 and report["macro_f1"] == 0.5
    held = [sentence for _, dev in seen for sentence in dev]
    assert len(held) == 100, "every target is held out exactly once"
    for train, dev in seen:
        assert not set(train) & set(dev), "a sentence (or its duplicate) in training and in its fold"
    # the default part keeps the held-out test part out of every fold
    seen.clear()
    stance_model.cross_validate_stance_model(tmp_path / "train.jsonl", folds=4, progress=False)
    from framing.evaluation import load_newsmtsc

    test_part = set(load_newsmtsc(tmp_path / "train.jsonl", part="test")["sentence"])
    assert test_part and not test_part & {s for train, dev in seen for s in train + dev}


def test_extra_targets_join_every_training_part_and_are_never_scored(tmp_path, monkeypatch):
    rows = invented_sentences(40)
    _write_jsonl(tmp_path / "train.jsonl", rows)
    extra = [newsmtsc_record("If the council cared about its parks, it would have mowed them.", "the council", 2.0),
             newsmtsc_record("The council cared about its parks and mowed them weekly.", "The council", 6.0)]
    _write_jsonl(tmp_path / "extra.jsonl", extra)
    added = {row["sentence_normalized"] for row in extra}
    stance_model, seen = _recorded_folds(monkeypatch)
    report = stance_model.cross_validate_stance_model(tmp_path / "train.jsonl", folds=4, part="all",
                                                      extra=tmp_path / "extra.jsonl", extra_repeat=3,
                                                      progress=False)
    assert len(seen) == 4
    for train, dev in seen:
        assert sorted(s for s in train if s in added) == sorted(list(added) * 3), "every fold trains on each extra x3"
        assert not added & set(dev), "an extra target was scored"
    assert sum(len(dev) for _, dev in seen) == 40
    assert report["extra"]["n_targets"] == 2 and report["extra"]["repeat"] == 3


def test_training_with_extra_targets_records_them_and_refuses_shared_sentences(tmp_path):
    rows = invented_sentences(12)
    _write_jsonl(tmp_path / "train.jsonl", rows)
    _write_jsonl(tmp_path / "extra.jsonl", [newsmtsc_record("The board hailed the new bridge plan.", "The board", 6.0)])
    options = {"part": "all", "epochs": 1, "batch_size": 4, "max_length": 16, "num_layers": 1, "max_steps": 1,
               "progress": False, "num_threads": 1}
    report = train_stance_model(tmp_path / "train.jsonl", out=tmp_path / "m", extra=tmp_path / "extra.jsonl",
                                extra_repeat=2, **options)
    training = report["training"]
    assert training["n_train_targets"] == 12 and training["n_extra_targets"] == 1 and training["extra_repeat"] == 2
    assert f"--extra {tmp_path / 'extra.jsonl'} --extra-repeat 2" in training["command"]
    # an extra sentence that is in the training file (in either part) would leak the held-out part
    _write_jsonl(tmp_path / "leak.jsonl", rows[3:4])
    with pytest.raises(ValueError, match="shares 1 sentence"):
        train_stance_model(tmp_path / "train.jsonl", out=tmp_path / "m2", extra=tmp_path / "leak.jsonl", **options)
    with pytest.raises(ValueError, match="extra_repeat must be a positive integer"):
        train_stance_model(tmp_path / "train.jsonl", out=tmp_path / "m3", extra=tmp_path / "extra.jsonl",
                           extra_repeat=0, **options)
    assert not (tmp_path / "m2").exists() and not (tmp_path / "m3").exists()


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


@pytest.mark.parametrize("overconfidence", [0.5, 1.0, 2.0])
def test_the_temperature_undoes_a_known_overconfidence(overconfidence):
    from framing.stance_training import fit_temperature

    rng = np.random.default_rng(0)
    logits = rng.normal(scale=2.0, size=(6000, 3))
    truth = _softmax(logits)  # labels drawn from these probabilities: calibrated by construction
    labels = np.asarray(STANCE_LABELS)[[rng.choice(3, p=row) for row in truth]]
    reported = _softmax(logits * overconfidence)  # a model that sharpens (or flattens) them
    assert fit_temperature(reported, labels) == pytest.approx(overconfidence, rel=0.08)
    with pytest.raises(ValueError, match="labels must be among"):
        fit_temperature(reported[:2], ["negative", "angry"])
    with pytest.raises(ValueError, match="as many labels"):
        fit_temperature(reported[:3], ["negative"])


def _copy_of_the_packaged_model(folder, **changes):
    import shutil

    from framing.stance_model import MODEL_DIR

    shutil.copytree(MODEL_DIR, folder)
    config = json.loads((folder / CONFIG_NAME).read_text(encoding="utf-8"))
    config.update(changes)
    (folder / CONFIG_NAME).write_text(json.dumps(config), encoding="utf-8")
    return config


def test_a_temperature_changes_the_probabilities_and_never_the_labels(scorer, tmp_path):
    from framing.stance_model import temperature_of

    base = temperature_of(scorer._config())
    _copy_of_the_packaged_model(tmp_path / "hotter", temperature=2 * base)
    hotter = TransformerStanceScorer(tmp_path / "hotter")
    items = [_item(KENYA_SUDAN, "Kenya"), _item(KENYA_SUDAN, "Sudan"),
             _item("The committee will meet again on Thursday.", "The committee")]
    p, q = scorer.predict_proba_texts(items), hotter.predict_proba_texts(items)
    np.testing.assert_allclose(q, _softmax(np.log(p) / 2), atol=1e-5)  # the same logits, divided by 2
    assert (q.argmax(1) == p.argmax(1)).all() and (q.max(1) < p.max(1)).all()
    assert hotter.version().endswith(f".T{2 * base:g}") and hotter.version() != scorer.version()
    for bad in (0, -1.0, "2", True, 100.0):
        _copy_of_the_packaged_model(tmp_path / f"bad-{bad}", temperature=bad)
        with pytest.raises(ValueError, match="temperature must be a number"):
            TransformerStanceScorer(tmp_path / f"bad-{bad}").predict_proba_texts(items[:1])


def test_calibrated_training_saves_the_temperature_of_its_folds(tmp_path):
    from framing.cli import main

    _write_jsonl(tmp_path / "train.jsonl", invented_sentences(24))
    out = tmp_path / "model"
    report = train_stance_model(tmp_path / "train.jsonl", out=out, part="all", epochs=1, batch_size=4,
                                max_length=16, num_layers=1, max_steps=2, num_threads=1, calibrate=2,
                                progress=False)
    config = json.loads((out / CONFIG_NAME).read_text(encoding="utf-8"))
    calibration = config["calibration"]
    assert config["temperature"] == calibration["temperature"] == report["temperature"]
    assert calibration["folds"] == 2 and calibration["n"] == 24, "every target scored once, out of its fold"
    assert calibration["after"]["nll"] <= calibration["before"]["nll"] + 1e-9
    assert 0 < config["neutral_band"] < 1 and "--calibrate 2" in config["training"]["command"]
    # the recorded command reproduces weights and temperature; --cv reports a temperature and trains nothing
    words = rerun_recorded_command(out, tmp_path / "again")
    again = json.loads((tmp_path / "again" / CONFIG_NAME).read_text(encoding="utf-8"))
    assert "--calibrate" in words and again["temperature"] == config["temperature"]
    assert (out / WEIGHTS_NAME).read_bytes() == (tmp_path / "again" / WEIGHTS_NAME).read_bytes()
    cv_args = ["train", "targeted-sentiment", "--data", str(tmp_path / "train.jsonl"), "--out", str(tmp_path / "cv"),
               "--cv", "2", "--part", "all", "--epochs", "1", "--max-steps", "1", "--num-layers", "1",
               "--max-length", "16", "--num-threads", "1"]
    assert main(cv_args + ["--calibrate", "2"]) == 2
    assert main(cv_args) == 0
    assert json.loads((tmp_path / "cv" / "cv.json").read_text(encoding="utf-8"))["calibration"]["n"] == 24


def test_not_a_model_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="stance model folder"):
        TransformerStanceScorer(tmp_path).predict_proba_texts([_item(KENYA_SUDAN, "Kenya")])


def test_every_dev_target_gets_a_prediction(scorer):
    from framing.evaluation import load_newsmtsc

    frame = load_newsmtsc(shared_file("newsmtsc", "dev.jsonl"))
    proba = scorer.predict_proba_texts(list(zip(frame["sentence"], frame["start"], frame["end"])))
    assert proba.shape == (len(frame), 3)
    assert np.isfinite(proba).all()
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, atol=1e-6)


# ----------------------------------------------------------- real-news shapes (challenge set)

CHALLENGE = ROOT / "tests" / "data" / "us-news" / "stance"
SHAPES = ("idiom_of_failure", "irony", "embrace_of_discredited", "conditional_accusation", "neutral_lede",
          "plain_negative", "plain_positive")
# Measured on the frozen test file (docs/stance_model.md, "Real-news shapes"), once per packaged model:
#   framing evaluate targeted-sentiment --data tests/data/us-news/stance/test.jsonl [--stance lexicon]
CHALLENGE_TEST = {"model": {"macro_f1": 0.532, "accuracy": 0.548},
                  "lexicon": {"macro_f1": 0.437, "accuracy": 0.462}}
MODEL_SHAPE_ACCURACY = {"idiom_of_failure": 0.462, "irony": 0.154, "embrace_of_discredited": 0.231,
                        "conditional_accusation": 0.385, "neutral_lede": 0.600, "plain_negative": 1.0,
                        "plain_positive": 1.0}
# A shape counts as read when the model labels this share of its targets right (the plain
# controls reach 1.0).
READ = 0.8


@pytest.fixture(scope="module")
def challenge_reports(scorer, nlp):
    from framing.evaluation import evaluate_targeted_sentiment
    from framing.stance import LexiconStanceScorer

    path = CHALLENGE / "test.jsonl"
    return {"model": evaluate_targeted_sentiment(path, scorer=scorer, nlp=nlp, progress=False),
            "lexicon": evaluate_targeted_sentiment(path, scorer=LexiconStanceScorer(), nlp=nlp, progress=False)}


def test_the_challenge_files_are_balanced_and_disjoint():
    from framing.evaluation import load_newsmtsc

    dev, test = (load_newsmtsc(CHALLENGE / f"{name}.jsonl") for name in ("dev", "test"))
    for frame in (dev, test):
        counts = frame["shape"].value_counts()
        assert set(counts.index) == set(SHAPES) and counts.between(12, 15).all()
        assert frame.loc[frame["shape"] == "neutral_lede", "label"].eq("neutral").all()
        assert frame.loc[frame["shape"] == "plain_positive", "label"].eq("positive").all()
        others = ~frame["shape"].isin(["neutral_lede", "plain_positive"])
        assert frame.loc[others, "label"].eq("negative").all()
    assert not set(dev["sentence"]) & set(test["sentence"])


def _word_runs(sentence: str, n: int) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", sentence.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_the_written_training_shapes_share_no_wording_with_the_challenge_files():
    """``train.jsonl`` (written shapes that training may add to NewsMTSC: ``--extra``) shares no
    run of five words with the dev or test file."""
    from framing.evaluation import load_newsmtsc

    extra = load_newsmtsc(CHALLENGE / "train.jsonl")
    assert len(extra) >= 250 and extra["label"].nunique() == 3
    scored = set().union(*(_word_runs(s, 5) for name in ("dev", "test")
                           for s in load_newsmtsc(CHALLENGE / f"{name}.jsonl")["sentence"]))
    shared = {s for s in extra["sentence"].unique() if _word_runs(s, 5) & scored}
    assert not shared, f"written training sentences that repeat the challenge files' wording: {sorted(shared)[:3]}"


def test_the_written_training_shapes_are_not_newsmtsc_sentences():
    from framing.evaluation import load_newsmtsc

    extra = set(load_newsmtsc(CHALLENGE / "train.jsonl")["sentence"])
    assert not extra & set(load_newsmtsc(shared_file("newsmtsc", "train.jsonl"))["sentence"])
    assert not extra & set(load_newsmtsc(shared_file("newsmtsc", "dev.jsonl"))["sentence"])


def test_challenge_set_overall(challenge_reports):
    for name, expected in CHALLENGE_TEST.items():
        report = challenge_reports[name]
        assert report["n"] == 93 and report["n_unaligned"] == 0
        assert report["macro_f1"] == pytest.approx(expected["macro_f1"], abs=0.02)
        assert report["accuracy"] == pytest.approx(expected["accuracy"], abs=0.02)


def test_challenge_set_accuracy_per_shape(challenge_reports):
    measured = {shape: part["accuracy"] for shape, part in challenge_reports["model"]["by_shape"].items()}
    assert measured == pytest.approx(MODEL_SHAPE_ACCURACY, abs=0.02)


@pytest.mark.parametrize("shape", ["plain_negative", "plain_positive"])
def test_the_model_reads_plain_praise_and_blame(challenge_reports, shape):
    """The controls: sentences of the same topics that say what they mean."""
    assert challenge_reports["model"]["by_shape"][shape]["accuracy"] >= READ


def _known_failure(shape: str, why: str):
    return pytest.param(shape, marks=pytest.mark.xfail(
        strict=True, reason=f"{shape}: accuracy {MODEL_SHAPE_ACCURACY[shape]:.3f} on the challenge test file; {why}"))


@pytest.mark.parametrize("shape", [
    _known_failure("idiom_of_failure", "idioms of failure read literally ('only succeeded in ...')"),
    _known_failure("irony", "the praise is literal within the target's sentence; the 'But ...' sentence "
                            "that reveals the irony is outside it"),
    _known_failure("embrace_of_discredited", "warm verbs (embrace, champion, praise) outweigh the "
                                             "discredited object"),
    _known_failure("conditional_accusation", "the antecedent of 'if X were sincere' scores as the plain "
                                             "assertion 'X is sincere'"),
    _known_failure("neutral_lede", "conflict verbs ('broke with', 'voted against') read as negative, "
                                   "as NewsMTSC annotators often label them"),
])
def test_the_model_reads_real_news_shapes(challenge_reports, shape):
    assert challenge_reports["model"]["by_shape"][shape]["accuracy"] >= READ
