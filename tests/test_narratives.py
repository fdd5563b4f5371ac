"""Article-level narratives: taxonomy, metric, data loader, estimator contract, packaged model.

Accuracy is an evaluation, not a test (``framing evaluate narratives``; numbers in
``docs/narratives.md``). These tests pin behaviour on texts and labels written for them, with a
bag-of-words stand-in for the sentence encoder so that they run in a second.
"""

from __future__ import annotations

import json
import pickle
import zlib

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from conftest import shared_file
from framing.narratives import (
    OTHER,
    LexicalNarrativeClassifier,
    NarrativeClassifier,
    NarrativeTaxonomy,
    evaluate_narratives,
    load_narrative_model,
    load_semeval_narratives,
    samples_f1,
    train_narratives,
)
from framing._heldout import is_held_out
from framing.narratives import _inner_folds, _pooled_data, _with_gold_other


class BagOfWordsEncoder:
    """Deterministic stand-in for the sentence encoder: hashed word counts, unit length."""

    def __init__(self, dimension: int = 48) -> None:
        self.dimension = dimension

    def encode(self, texts):
        out = np.full((len(texts), self.dimension), 0.05)
        for i, text in enumerate(texts):
            for word in text.lower().replace(",", " ").replace(".", " ").split():
                out[i, zlib.crc32(word.encode()) % self.dimension] += 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    def fingerprint(self) -> str:
        return "bag-of-words"


FEAR, FEAR_OTHER, STRIKE = "URW: Nuclear fear", "URW: Nuclear fear: Other", "URW: Nuclear fear: Strike"
WEST, WEST_OTHER, DIVIDED = "URW: Weak West", "URW: Weak West: Other", "URW: Weak West: EU divided"
TAXONOMY = NarrativeTaxonomy(
    {"URW": {"name": "test war", "narratives": {
        FEAR: {"description": "nuclear war escalation fear bomb",
               "subnarratives": {FEAR_OTHER: "nuclear fear", STRIKE: "nuclear strike missile launch"}},
        WEST: {"description": "west weak tired decline",
               "subnarratives": {WEST_OTHER: "west weak", DIVIDED: "europe divided quarrel sanctions"}}}},
     "CC": {"name": "test climate", "narratives": {
         "CC: Hoax": {"description": "climate hoax", "subnarratives": {"CC: Hoax: Other": "climate hoax"}}}}},
    other_description="none of these", source="test")

DATA = [
    ("Experts fear a nuclear strike as missile launch threats grow.", [FEAR], [STRIKE]),
    ("A nuclear missile launch drill raised fear of a strike.", [FEAR], [STRIKE]),
    ("Nuclear war escalation and fear of the bomb dominate talks.", [FEAR], [FEAR_OTHER]),
    ("Officials warn of nuclear escalation and a bomb.", [FEAR], [FEAR_OTHER]),
    ("Europe is divided, members quarrel over sanctions.", [WEST], [DIVIDED]),
    ("Sanctions quarrel leaves Europe divided again.", [WEST], [DIVIDED]),
    ("The west is weak, tired and in decline.", [WEST], [WEST_OTHER]),
    ("A tired west shows weak leadership and decline.", [WEST], [WEST_OTHER]),
    ("Nuclear strike fear grows while a weak west is in decline.", [FEAR, WEST], [STRIKE, WEST_OTHER]),
    ("The football team won the cup on Sunday.", ["Other"], ["Other"]),
    ("Sunny weather is expected for the concert.", ["Other"], ["Other"]),
    ("A new bakery opened downtown with fresh bread.", ["Other"], ["Other"]),
    ("The museum shows paintings from the old masters.", ["Other"], ["Other"]),
]
TEXTS = [t for t, _, _ in DATA]
TOP = [n for _, n, _ in DATA]
SUB = [s for _, _, s in DATA]

CONFIGS = [
    {},  # the packaged configuration: zero-shot similarity with a learned threshold
    {"other": "head"},
    {"method": "combined", "other": "head", "sub_method": "supervised"},
    {"method": "supervised", "sub_method": "frequent", "max_narratives": 1},
    {"method": "sim-logistic", "sub_method": "other", "sim_norm": "z", "pooling": "mean+max"},
]


def _model(**params) -> NarrativeClassifier:
    return NarrativeClassifier(encoder=BagOfWordsEncoder(), taxonomy=TAXONOMY, inner_folds=3, **params)


# ----------------------------------------------------------------------- taxonomy


def test_packaged_taxonomy_structure():
    taxonomy = NarrativeTaxonomy.default()
    assert taxonomy.domains == ("URW", "CC")
    assert taxonomy.narratives[0] == "Other"
    assert "URW: Discrediting Ukraine" in taxonomy.narratives
    assert taxonomy.subnarratives["Other"] == ("Other",)
    assert "URW: Discrediting Ukraine: Ukraine is a puppet of the West" in taxonomy.subnarratives[
        "URW: Discrediting Ukraine"]
    for narrative, subs in taxonomy.subnarratives.items():
        assert len(taxonomy.description(narrative).split()) >= 3
        for sub in subs:
            assert taxonomy.parent(sub) == narrative
            assert len(taxonomy.description(sub).split()) >= 3
    urw = taxonomy.restrict("URW")
    assert urw.domains == ("URW",) and len(urw.narratives) == 12
    assert NarrativeTaxonomy.from_dict(urw.to_dict()) == urw
    with pytest.raises(KeyError, match="unknown"):
        taxonomy.description("URW: Nothing like this")


def test_targets_are_made_consistent():
    taxonomy = NarrativeTaxonomy.default()
    # curly apostrophe, a sub-narrative without its narrative listed, a label of the other domain
    top, sub = taxonomy.targets(["CC: Criticism of climate policies"],
                                ["URW: Discrediting Ukraine: Rewriting Ukraine\u2019s history",
                                 "CC: Criticism of climate policies: Other"], domain="URW")
    assert top == ["URW: Discrediting Ukraine"]
    assert sub == ["URW: Discrediting Ukraine: Rewriting Ukraine's history"]
    assert taxonomy.targets(["URW: Praise of Russia"], [], domain="URW") == (
        ["URW: Praise of Russia"], ["URW: Praise of Russia: Other"])
    assert taxonomy.targets(["CC: Criticism of climate policies"], [], domain="URW") == (["Other"], ["Other"])
    assert taxonomy.targets(["Other", "URW: Praise of Russia"], ["Other", "URW: Praise of Russia: Other"],
                            domain="URW") == (["URW: Praise of Russia"], ["URW: Praise of Russia: Other"])
    with pytest.raises(ValueError, match="unknown narrative label"):
        taxonomy.targets(["URW: Invented"], [], domain="URW")
    with pytest.raises(TypeError):
        taxonomy.targets("Other", [], domain="URW")


def test_taxonomy_rejects_a_misplaced_subnarrative():
    with pytest.raises(ValueError, match="does not start with"):
        NarrativeTaxonomy({"URW": {"URW: A": {"description": "a", "subnarratives": {"URW: B: x": "x"}}}})


def test_taxonomy_matches_the_shared_label_files():
    folder = shared_file("semeval2025-roles-narratives-en")
    taxonomy = NarrativeTaxonomy.default()
    narratives = json.loads((folder / "subtask2_narratives.json").read_text(encoding="utf-8"))
    subnarratives = json.loads((folder / "subtask2_subnarratives.json").read_text(encoding="utf-8"))
    labels = {label for group in narratives.values() for label in group}
    labels |= set(subnarratives) | {label for group in subnarratives.values() for label in group}
    missing = sorted(label for label in labels if label not in taxonomy.narratives
                     and label not in {s for subs in taxonomy.subnarratives.values() for s in subs})
    assert missing == []
    for narrative, subs in subnarratives.items():
        assert set(subs) <= set(taxonomy.subnarratives[narrative])
    # every label the annotations use is known (three climate labels are missing from the JSON files)
    data = load_semeval_narratives(folder)
    for top, sub in zip(data["narratives"], data["subnarratives"]):
        assert all(label in taxonomy for label in [*top, *sub])


# ------------------------------------------------------------------------- metric


def test_samples_f1_hand_computed():
    gold = [["A"], ["A", "B"], ["C"], ["Other"]]
    predicted = [["A"], ["A"], ["D"], ["Other", "A"]]
    # per document: 1, 2*1/(2+1), 0, 2*1/(1+2)
    assert samples_f1(gold, predicted) == pytest.approx((1 + 2 / 3 + 0 + 2 / 3) / 4)
    assert samples_f1([[]], [[]]) == 1.0
    assert samples_f1([["A"]], [[]]) == 0.0
    with pytest.raises(TypeError):
        samples_f1(["A"], [["A"]])
    with pytest.raises(ValueError):
        samples_f1([["A"]], [])


# ---------------------------------------------------------------------- data loader


def _write_dataset(root, rows, *, documents=True):
    folder = root / "semeval2025-roles-narratives-en"
    (folder / "raw-documents").mkdir(parents=True)
    lines = []
    for doc_id, text, top, sub in rows:
        lines.append(f"{doc_id}\t{';'.join(top)}\t{';'.join(sub)}")
        if documents:
            (folder / "raw-documents" / doc_id).write_text(text, encoding="utf-8")
    (folder / "subtask-2-annotations.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_load_semeval_narratives(tmp_path):
    folder = _write_dataset(tmp_path, [
        ("EN_UA_1.txt", "Title one\n\nBody one.\r\n", ["URW: Discrediting Ukraine", "URW: Discrediting Ukraine"],
         ["URW: Discrediting Ukraine: Rewriting Ukraine\u2019s history", "URW: Discrediting Ukraine: Other"]),
        ("EN_CC_2.txt", "Title two\n\nBody two.", ["Other"], ["Other"]),
    ])
    frame = load_semeval_narratives(tmp_path)  # the parent folder works too
    assert list(frame.columns) == ["doc_id", "domain", "text", "narratives", "subnarratives"]
    assert frame["doc_id"].tolist() == ["EN_UA_1.txt", "EN_CC_2.txt"]
    assert frame["domain"].tolist() == ["URW", "CC"]
    assert frame.loc[0, "text"] == "Title one\n\nBody one."
    assert frame.loc[0, "narratives"] == ["URW: Discrediting Ukraine"]
    assert frame.loc[0, "subnarratives"] == ["URW: Discrediting Ukraine: Rewriting Ukraine's history",
                                             "URW: Discrediting Ukraine: Other"]
    assert pd.api.types.is_string_dtype(frame["text"])
    assert load_semeval_narratives(folder).equals(frame)


def test_load_semeval_narratives_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="subtask-2-annotations"):
        load_semeval_narratives(tmp_path)
    _write_dataset(tmp_path / "a", [("EN_UA_1.txt", "t", ["Other"], ["Other"])], documents=False)
    with pytest.raises(FileNotFoundError, match="no document"):
        load_semeval_narratives(tmp_path / "a")
    _write_dataset(tmp_path / "b", [("EN_UA_1.txt", "t", ["Other"], ["Other"]),
                                    ("EN_UA_1.txt", "t", ["Other"], ["Other"])])
    with pytest.raises(ValueError, match="duplicate"):
        load_semeval_narratives(tmp_path / "b")


# ------------------------------------------------------------------ estimator contract


@pytest.mark.parametrize("params", CONFIGS)
def test_estimator_contract(params):
    model = _model(**params)
    before = model.get_params()
    assert model.fit(TEXTS, TOP, SUB) is model
    assert model.get_params() == before  # fit stores what it learns elsewhere
    unfitted = clone(model)
    assert not hasattr(unfitted, "narratives_")
    assert {k: v for k, v in unfitted.get_params().items() if k not in ("encoder", "taxonomy")} == \
        {k: v for k, v in before.items() if k not in ("encoder", "taxonomy")}
    with pytest.raises(NotFittedError):
        unfitted.predict(["text"])

    probe = ["Fear of a nuclear strike grows.", "Europe is divided over sanctions.", "Sunny weather for football."]
    proba = model.predict_proba(probe)
    assert proba.shape == (3, 3) and model.narratives_ == ("Other", FEAR, WEST)
    assert np.all((proba >= 0) & (proba <= 1))
    sub = model.predict_sub_proba(probe)
    assert sub.shape == (3, 5) and model.subnarratives_ == ("Other", FEAR_OTHER, STRIKE, WEST_OTHER, DIVIDED)
    assert np.all((sub >= 0) & (sub <= 1))

    # determinism: a refit gives the same scores
    np.testing.assert_allclose(clone(model).fit(TEXTS, TOP, SUB).predict_proba(probe), proba)
    # order invariance: shuffled training data give the same model
    order = np.random.default_rng(0).permutation(len(TEXTS))
    shuffled = clone(model).fit([TEXTS[i] for i in order], [TOP[i] for i in order], [SUB[i] for i in order])
    np.testing.assert_allclose(shuffled.predict_proba(probe), proba, atol=1e-6)
    assert shuffled.predict(probe) == model.predict(probe)
    # pickling keeps the fitted state
    restored = pickle.loads(pickle.dumps(model))
    np.testing.assert_allclose(restored.predict_proba(probe), proba)
    assert restored.predict(probe) == model.predict(probe)
    assert restored.version() == model.version()


@pytest.mark.parametrize("params", CONFIGS)
def test_hierarchy_is_consistent(params):
    model = _model(**params).fit(TEXTS, TOP, SUB)
    probe = TEXTS + ["", "Nuclear sanctions divided the weak west.", "Bread and paintings."]
    for narratives, subnarratives in model.predict(probe):
        assert narratives and subnarratives
        if "Other" in narratives or "Other" in subnarratives:
            assert narratives == ["Other"] and subnarratives == ["Other"]
        for label in subnarratives:
            assert TAXONOMY.parent(label) in narratives
        for label in narratives:  # every narrative has a sub-narrative
            assert label == "Other" or any(TAXONOMY.parent(s) == label for s in subnarratives)


def test_zero_shot_finds_described_narratives():
    model = _model().fit(TEXTS, TOP, SUB)
    predicted = model.predict(["Fear of a nuclear missile strike and launch.", "Europe quarrels, divided on sanctions.",
                               "The bakery sells bread."])
    assert predicted[0] == ([FEAR], [STRIKE])
    assert predicted[1] == ([WEST], [DIVIDED])
    assert predicted[2] == (["Other"], ["Other"])
    proba = model.predict_proba(["Fear of a nuclear missile strike and launch."])[0]
    assert proba[1] >= 0.5 > proba[2]  # 0.5 is the decision threshold
    assert model.get_feature_names_out().tolist() == [
        "narrative__other", "narrative__urw_nuclear_fear", "narrative__urw_weak_west"]


def test_other_domain_labels_are_dropped_and_empty_input():
    model = _model().fit(TEXTS + ["A climate hoax story."], TOP + [["CC: Hoax"]], SUB + [["CC: Hoax: Other"]])
    assert "CC: Hoax" not in model.narratives_
    assert model.predict([]) == []
    assert model.predict_proba([]).shape == (0, 3)


def test_input_validation():
    with pytest.raises(TypeError, match="single string"):
        _model().fit("one text", TOP[:1], SUB[:1])
    with pytest.raises(ValueError, match="lengths differ"):
        _model().fit(TEXTS, TOP[:-1], SUB)
    with pytest.raises(ValueError, match="unknown narrative"):
        _model().fit(TEXTS, TOP[:-1] + [["URW: Invented"]], SUB)
    with pytest.raises(ValueError, match="method"):
        _model(method="deep").fit(TEXTS, TOP, SUB)
    with pytest.raises(ValueError, match="unknown domain"):
        _model(domain="XX").fit(TEXTS, TOP, SUB)
    with pytest.raises(TypeError, match="not str"):
        _model().fit(TEXTS, TOP, SUB).predict([None])


# ----------------------------------------------------------------- evaluation, training


def _tiny_task(tmp_path):
    rows = [(f"EN_UA_{k}.txt", f"Title {k}\n\n{text}", top, sub) for k, (text, top, sub) in enumerate(DATA)]
    return _write_dataset(tmp_path, rows)


def test_with_gold_other_takes_only_the_other_decision_from_gold():
    assert _with_gold_other([OTHER], [FEAR], WEST) == [OTHER]             # gold "Other" wins
    assert _with_gold_other([FEAR], [OTHER], WEST) == [WEST]              # predicted "Other": the best narrative
    assert _with_gold_other([FEAR], [FEAR, WEST], FEAR) == [FEAR, WEST]   # narratives kept as predicted
    assert _with_gold_other([OTHER], [OTHER], FEAR) == [OTHER]


def test_evaluate_and_train_on_a_tiny_folder(tmp_path):
    folder = _tiny_task(tmp_path)
    report = evaluate_narratives(folder, folds=3, seed=0, model="similarity", encoder=BagOfWordsEncoder(),
                                 taxonomy=TAXONOMY, inner_folds=2)
    assert report["n_docs"] == len(DATA) and report["domain"] == "URW"
    assert set(report["baselines"]) == {"most_frequent_set", "always_other", "top_1_narratives",
                                        "top_2_narratives", "top_3_narratives"}
    for scores in [report["samples_f1"], *report["baselines"].values()]:
        assert 0 <= scores["narratives"] <= 1 and 0 <= scores["subnarratives"] <= 1
    # "Other" always scores 1 on the 4 "Other" documents of 13 and 0 elsewhere, at both levels
    n_other = sum(top == ["Other"] for top in TOP)
    assert report["baselines"]["always_other"] == {"narratives": round(n_other / len(DATA), 4),
                                                   "subnarratives": round(n_other / len(DATA), 4)}
    # per-label counts are those of the gold labels and of the pooled held-out predictions
    assert {label: v["support"] for label, v in report["per_label"].items()} == {
        "Other": n_other, FEAR: sum(FEAR in top for top in TOP), WEST: sum(WEST in top for top in TOP)}
    assert report["mean_gold_narratives"] == round(sum(map(len, TOP)) / len(DATA), 3)
    assert report["mean_predicted_narratives"] == round(
        sum(v["n_predicted"] for v in report["per_label"].values()) / len(DATA), 3)
    # the narratives are described by their own words: held out, the model beats every baseline
    assert report["samples_f1"]["narratives"] > max(b["narratives"] for b in report["baselines"].values())
    # taking the "Other" decision from the gold labels can only help
    assert report["narratives_f1_given_gold_other"] >= report["samples_f1"]["narratives"]
    assert report["params"]["method"] == "zero-shot"
    json.dumps(report)  # plain data

    out = tmp_path / "model"
    trained = train_narratives(folder, out=out, model="similarity", encoder=BagOfWordsEncoder(), taxonomy=TAXONOMY,
                               inner_folds=2, cross_validate=False)
    assert (out / "narratives.json").exists() and (out / "narratives.npz").exists()
    assert trained["n_docs"] == len(DATA)
    assert trained["label_counts"] == {"Other": 4, FEAR: 5, WEST: 5}
    # the artefact holds what was trained: the labels, the training size and the thresholds
    config = json.loads((out / "narratives.json").read_text(encoding="utf-8"))
    assert config["narratives"] == ["Other", FEAR, WEST] and config["n_train"] == len(DATA)
    assert config["subnarratives"] == ["Other", FEAR_OTHER, STRIKE, WEST_OTHER, DIVIDED]
    with np.load(out / "narratives.npz") as arrays:
        threshold, sub_threshold, _ = arrays["thresholds"]
    assert round(float(threshold), 4) == trained["threshold"]
    assert round(float(sub_threshold), 4) == trained["sub_threshold"]
    with pytest.raises(ValueError, match="fingerprint"):  # not the packaged encoder: refused
        load_narrative_model(out)


def _task_with_copies(tmp_path):
    """The tiny task plus copies under other ids: EN_UA_100 is an exact copy of EN_UA_0,
    EN_UA_101 and EN_UA_102 are EN_UA_1 and EN_UA_4 released again (upper-case title, CRLF
    line ends, doubled spaces, curly apostrophes). Returns the folder and the document of
    each id."""
    rows = [(f"EN_UA_{k}.txt", f"Title {k}\n\nIt's {text}", top, sub) for k, (text, top, sub) in enumerate(DATA)]

    def copy(row, doc_id):
        title, body = row[1].split("\n\n", 1)
        body = body.replace("'", "\u2019").replace(" ", "  ")
        return (doc_id, f"{title.upper()}\r\n\r\n{body}", row[2], row[3])

    rows += [("EN_UA_100.txt", *rows[0][1:]), copy(rows[1], "EN_UA_101.txt"), copy(rows[4], "EN_UA_102.txt")]
    document = {row[0]: row[0] for row in rows}
    document.update({"EN_UA_100.txt": "EN_UA_0.txt", "EN_UA_101.txt": "EN_UA_1.txt", "EN_UA_102.txt": "EN_UA_4.txt"})
    return _write_dataset(tmp_path, rows), document


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_cross_validation_never_splits_a_document(tmp_path, monkeypatch, seed):
    folder, document = _task_with_copies(tmp_path)
    table = load_semeval_narratives(folder)
    texts = table["text"].tolist()  # as the model reads them
    ids_of_text: dict[str, list[str]] = {}
    for doc_id, text in zip(table["doc_id"], texts):
        ids_of_text.setdefault(text, []).append(doc_id)
    assert ids_of_text[texts[0]] == ["EN_UA_0.txt", "EN_UA_100.txt"]
    # spy on fit and predict_proba (the real methods still run)
    calls = []
    fit, predict_proba = NarrativeClassifier.fit, NarrativeClassifier.predict_proba

    def spy_fit(self, fit_texts, narratives, subnarratives):
        calls.append(("fit", list(fit_texts)))
        return fit(self, fit_texts, narratives, subnarratives)

    def spy_predict_proba(self, scored_texts):
        calls.append(("score", list(scored_texts)))
        return predict_proba(self, scored_texts)

    monkeypatch.setattr(NarrativeClassifier, "fit", spy_fit)
    monkeypatch.setattr(NarrativeClassifier, "predict_proba", spy_predict_proba)
    report = evaluate_narratives(folder, folds=3, seed=seed, model="similarity", encoder=BagOfWordsEncoder(),
                                 taxonomy=TAXONOMY, inner_folds=2)
    assert report["n_docs"] == len(DATA) + 3
    assert [kind for kind, _ in calls] == ["fit", "score"] * 3
    scored = []
    for (_, trained), (_, held) in zip(calls[0::2], calls[1::2]):
        trained_documents = {document[i] for t in trained for i in ids_of_text[t]}
        held_documents = {document[i] for t in held for i in ids_of_text[t]}
        assert not trained_documents & held_documents
        assert sorted(trained + held) == sorted(texts)
        scored += held
    assert sorted(scored) == sorted(texts)  # every document scored exactly once (exact copies by text)


def test_the_same_id_twice_is_refused(tmp_path):
    folder = _write_dataset(tmp_path, [("EN_UA_1", "t", ["Other"], ["Other"]),
                                       ("EN_UA_2.txt", "u", ["Other"], ["Other"])])
    (folder / "subtask-2-annotations.txt").write_text("EN_UA_1\tOther\tOther\nEN_UA_1.txt\tOther\tOther\n",
                                                       encoding="utf-8")
    with pytest.raises(ValueError, match=r"annotations.txt:2: duplicate document id 'EN_UA_1.txt'"):
        load_semeval_narratives(folder)


def test_folds_are_checked_against_distinct_documents(tmp_path):
    rows = [("EN_UA_1.txt", "Title\n\nA text.", ["Other"], ["Other"]),
            ("EN_UA_2.txt", "TITLE\r\n\r\nA  text.", ["Other"], ["Other"]),
            ("EN_UA_3.txt", "Another\n\ntext.", ["Other"], ["Other"])]
    with pytest.raises(ValueError, match=r"between 2 and the number of URW documents \(2 distinct of 3 files\)"):
        evaluate_narratives(_write_dataset(tmp_path, rows), folds=3, model="similarity", encoder=BagOfWordsEncoder(),
                            taxonomy=TAXONOMY)


def test_inner_folds_keep_copies_together():
    texts = TEXTS + [TEXTS[0], TEXTS[4].upper(), TEXTS[6].replace(" ", "  ")]
    gold = TOP + [TOP[0], TOP[4], TOP[6]]
    folds = _inner_folds(texts, gold, 3, 0)
    assert folds[13] == folds[0] and folds[14] == folds[4] and folds[15] == folds[6]
    assert sorted(set(folds)) == [0, 1, 2]
    # without copies, one text per fold slot in hash order, as before
    plain = _inner_folds(TEXTS, TOP, 3, 0)
    assert np.bincount(plain).tolist() == [5, 4, 4]
    with pytest.raises(ValueError, match="two distinct texts"):
        _model().fit([TEXTS[0], TEXTS[0].upper()], TOP[:1] * 2, SUB[:1] * 2)


# ------------------------------------------------------------------- packaged model


def test_packaged_model_predicts():
    model = load_narrative_model()
    text = ("Nuclear war is closer than ever, officials warn\n\n"
            "Moscow has again threatened to use nuclear weapons if Western arms deliveries continue, "
            "and analysts say the risk of a nuclear strike in Europe is the highest in decades.")
    proba = model.predict_proba([text, "Local bakery wins bread award\n\nThe bakery on Main Street won a prize."])
    assert proba.shape == (2, len(model.narratives_)) and model.narratives_[0] == "Other"
    assert len(model.narratives_) == 12 and all(n.startswith("URW: ") for n in model.narratives_[1:])
    assert np.all((proba >= 0) & (proba <= 1))
    (top, sub), (other_top, other_sub) = model.predict([text, "Local bakery wins bread award\n\n"
                                                       "The bakery on Main Street won a prize."])
    assert "URW: Amplifying war-related fears" in top
    assert ("URW: Amplifying war-related fears: There is a real possibility that nuclear weapons will be "
            "employed") in sub
    assert other_top == ["Other"] and other_sub == ["Other"]
    assert model.predict_sub_proba([text]).shape == (1, len(model.subnarratives_))
    assert model.version().startswith("narratives-tfidf-1+")
    assert clone(model).get_params()["domain"] == "URW"


# ------------------------------------------------------------- lexical (packaged) model


def _lexical(**params) -> LexicalNarrativeClassifier:
    params = {"taxonomy": TAXONOMY, "min_df": 1, "inner_folds": 3, **params}
    return LexicalNarrativeClassifier(**params)


def test_lexical_estimator_contract_and_hierarchy():
    model = _lexical()
    before = model.get_params()
    assert model.fit(TEXTS, TOP, SUB) is model
    assert model.get_params() == before
    with pytest.raises(NotFittedError):
        clone(model).predict(["text"])
    probe = TEXTS + ["", "Nuclear sanctions divided the weak west.", "Bread and paintings."]
    proba, sub = model.predict_proba(probe), model.predict_sub_proba(probe)
    assert proba.shape == (len(probe), 3) and model.narratives_ == ("Other", FEAR, WEST)
    assert sub.shape == (len(probe), 5) and model.subnarratives_ == ("Other", FEAR_OTHER, STRIKE, WEST_OTHER, DIVIDED)
    assert np.all((proba >= 0) & (proba <= 1)) and np.all((sub >= 0) & (sub <= 1))
    predicted = model.predict(probe)
    for (narratives, subnarratives), row in zip(predicted, proba):
        assert narratives and subnarratives
        if OTHER in narratives or OTHER in subnarratives:
            assert narratives == [OTHER] and subnarratives == [OTHER]
        assert (narratives == [OTHER]) == (row[0] >= 0.5)  # column 0 is squashed around its threshold
        for label in subnarratives:
            assert TAXONOMY.parent(label) in narratives
        for label in narratives:
            assert label == OTHER or any(TAXONOMY.parent(s) == label for s in subnarratives)
    # the training texts are fitted: words of the labels decide
    assert model.predict(["Fear of a nuclear missile strike and launch."])[0][0] == [FEAR]
    assert model.predict(["The bakery sells bread at the museum concert."])[0] == ([OTHER], [OTHER])
    # deterministic, independent of the order of the training data, picklable
    order = np.random.default_rng(0).permutation(len(TEXTS))
    shuffled = clone(model).fit([TEXTS[i] for i in order], [TOP[i] for i in order], [SUB[i] for i in order])
    np.testing.assert_allclose(shuffled.predict_proba(probe), proba, atol=1e-8)
    restored = pickle.loads(pickle.dumps(model))
    assert restored.predict(probe) == predicted and restored.version() == model.version()
    assert model.version().startswith("narratives-tfidf-1+")
    assert model.predict([]) == [] and model.predict_proba([]).shape == (0, 3)


def test_lexical_translation_column_and_thresholds():
    translated = [k % 2 == 1 for k in range(len(TEXTS))]
    model = _lexical().fit(TEXTS, TOP, SUB, translated=translated)
    # the "Other" threshold is f / (1 + f), f the out-of-fold F1 of the narrative decision
    assert 0 < model.other_threshold_ < 1 and model.other_calibration_.shape == (3,)
    # the last feature is the "original English" column: it changes the "Other" head's score
    text = ["Officials met in the capital on Tuesday."]
    original = model.predict_proba(text)[0, 0]
    as_translation = model.predict_proba(text, translated=[True])[0, 0]
    assert original != as_translation
    with pytest.raises(ValueError, match="translated"):
        model.predict(text, translated=[True, False])
    with pytest.raises(ValueError, match="lengths differ"):
        _lexical().fit(TEXTS, TOP[:-1], SUB)
    with pytest.raises(ValueError, match="unknown domain"):
        _lexical(domain="XX").fit(TEXTS, TOP, SUB)


def _multilingual(root, rows_by_language):
    for language, rows in rows_by_language.items():
        folder = root / "semeval2025-multilingual" / language
        (folder / "translated-documents").mkdir(parents=True)
        lines = []
        for doc_id, text, top, sub in rows:
            lines.append(f"{doc_id}\t{';'.join(top)}\t{';'.join(sub)}")
            (folder / "translated-documents" / doc_id).write_text(text, encoding="utf-8")
        (folder / "subtask-2-annotations.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_lexical_evaluate_train_and_load(tmp_path):
    english = _tiny_task(tmp_path)
    # translated copies of the narrative documents (reworded so that they are other documents)
    translated = {language: [(f"{language}_{k}.txt", f"{language} report {k}\n\n{text} Said {language}.", top, sub)
                             for k, (text, top, sub) in enumerate(DATA) if top != [OTHER]]
                  for language in ("BG", "HI", "PT")}
    _multilingual(tmp_path, translated)
    report = evaluate_narratives(english, folds=3, seed=0, taxonomy=TAXONOMY, min_df=1)
    n_translated = sum(len(rows) for rows in translated.values())
    assert report["n_docs"] == {"english": len(DATA), "translated": n_translated,
                                "held_out": sum(is_held_out(f"EN_UA_{k}") for k in range(len(DATA)))
                                + sum(is_held_out(doc_id.removesuffix(".txt")) for rows in translated.values()
                                      for doc_id, *_ in rows)}
    cv = report["cv"]
    assert cv["english"]["n_docs"] + cv["translated"]["n_docs"] == cv["all"]["n_docs"] == \
        len(DATA) + n_translated - report["n_docs"]["held_out"]
    for part in cv.values():
        assert 0 <= part["narratives"] <= 1 and 0 <= part["subnarratives"] <= 1
        assert set(part["baselines"]) >= {"always_other", "most_frequent_set"}
    for part in report["held_out"].values():
        if part["n_docs"]:
            low, high = part["narratives_ci95"]
            assert 0 <= low <= part["narratives"] <= high <= 1
    json.dumps(report)
    # training writes an artefact that loads to the same predictions
    out = tmp_path / "model"
    trained = train_narratives(english, out=out, taxonomy=TAXONOMY, min_df=1, cross_validate=False)
    assert trained["n_docs"] == {"english": len(DATA), "translated": n_translated}
    pooled = _pooled_data(english, "URW", TAXONOMY, None)  # what train_narratives fitted on: everything
    assert len(pooled) == len(DATA) + n_translated
    fitted = _lexical().fit(pooled["text"].tolist(), pooled["top"].tolist(), pooled["sub"].tolist(),
                            translated=(pooled["source"] != "EN").tolist())
    loaded = load_narrative_model(out)
    assert isinstance(loaded, LexicalNarrativeClassifier) and loaded.version() == trained["version"]
    assert loaded.narratives_ == fitted.narratives_ and loaded.subnarratives_ == fitted.subnarratives_
    probe = ["Fear of a nuclear missile strike and launch.", "Europe quarrels, divided on sanctions.", "Bread."]
    assert loaded.predict(probe) == fitted.predict(probe)
    np.testing.assert_allclose(loaded.predict_proba(probe), fitted.predict_proba(probe), atol=1e-4)
    np.testing.assert_allclose(loaded.predict_sub_proba(probe), fitted.predict_sub_proba(probe), atol=1e-4)
