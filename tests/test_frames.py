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
                            min_frames=1, random_state=7)
    assert model.get_params() == {"encoder": None, "C": 0.5, "class_weight": None, "chunk_words": 100,
                                  "pooling": "max", "threshold": 0.4, "inner_folds": 5, "min_frames": 1,
                                  "tfidf_weight": 0.5, "tfidf_C": 3.0, "random_state": 7}


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
               "mean_frames_per_article", "seconds"}


def test_evaluate_frames_on_a_tiny_folder(tmp_path, corpus):
    texts, labels = corpus
    root = _write_semeval(tmp_path / "semeval", texts, labels)
    report = evaluate_frames(root, folds=2, encoder=HashEncoder(), C=10.0, inner_folds=3)
    assert set(report) == REPORT_KEYS
    assert report["n_articles"] == 40 and len(report["fold_micro_f1"]) == 2
    assert set(report["per_frame"]) == set(FRAMES)
    assert set(report["per_frame"]["Economic"]) == {"f1", "precision", "recall", "support", "threshold_mean"}
    assert sum(v["support"] for v in report["per_frame"].values()) == 60
    # all 14 frames for all 40 articles: precision 60 / 560, recall 1
    assert report["baselines"]["all_frames"]["micro_f1"] == pytest.approx(2 * 60 / (560 + 60), abs=1e-4)
    assert report["baselines"]["all_frames"]["micro_recall"] == 1.0
    assert report["params"]["encoder"] == "hash-bow-64" and report["params"]["C"] == 10.0
    assert report["micro_f1"] > report["baselines"]["all_frames"]["micro_f1"]
    json.dumps(report)  # JSON-ready


def test_train_writes_a_loadable_model(tmp_path, corpus):
    texts, labels = corpus
    root = _write_semeval(tmp_path / "semeval", texts, labels)
    out = tmp_path / "model"
    report = train_frames(root, out=out, folds=2, encoder=HashEncoder(), C=10.0, inner_folds=3)
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


def test_load_frame_model_rejects_modified_weights(tmp_path, corpus):
    texts, labels = corpus
    out = tmp_path / "model"
    train_frames(_write_semeval(tmp_path / "semeval", texts, labels), out=out, folds=2, encoder=HashEncoder(),
                 threshold=0.5)
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
    report = evaluate_frames(path, folds=2, encoder=HashEncoder(256), threshold=0.5)
    assert set(report) == REPORT_KEYS
    assert report["n_articles"] == 283 and report["folds"] == 2
    assert sum(v["support"] for v in report["per_frame"].values()) == 1066
    # the majority baseline predicts Political (prevalence 155/283) for every article, and
    # Crime_and_punishment (144/283) where a training fold happens to have it at >= 0.5
    assert report["baselines"]["majority"]["micro_recall"] >= 155 / 1066
    assert report["baselines"]["majority"]["micro_f1"] < report["baselines"]["all_frames"]["micro_f1"]
    assert report["baselines"]["all_frames"]["micro_f1"] == pytest.approx(2 * 1066 / (283 * 14 + 1066), abs=1e-4)
