"""Evaluation on NewsMTSC-format data: loading, metrics, end to end; stance by SemEval entity role."""

from __future__ import annotations

import json

import numpy as np

import pandas as pd
import pytest

from framing.evaluation import (
    classification_report,
    evaluate_sentence_vader,
    evaluate_stance_by_role,
    evaluate_targeted_sentiment,
    load_newsmtsc,
    predict_targeted_sentiment,
)
from framing.stance import STANCE_LABELS, LexiconStanceScorer

NEG, NEU, POS = STANCE_LABELS

# Sentences written for these tests; offsets are computed, not typed.
SENTENCES = [
    ("The minister praised Kenya for its courage but condemned Sudan for its brutality.",
     [("Kenya", 6.0), ("Sudan", 2.0)]),
    ("The committee met in Geneva on Tuesday.", [("The committee", 4.0)]),
]


def target(sentence: str, mention: str, polarity: float) -> dict:
    start = sentence.index(mention)
    return {"from": start, "to": start + len(mention), "mention": mention, "polarity": polarity}


def write_jsonl(path, sentences=SENTENCES, extra_targets=()):
    lines = []
    for k, (sentence, targets) in enumerate(sentences):
        record = {"sentence_normalized": sentence, "targets": [target(sentence, m, p) for m, p in targets]}
        if k == 1:
            record["targets"].extend(extra_targets)
        lines.append(json.dumps(record))
    path.write_text("\n".join(lines[:1] + [""] + lines[1:]) + "\n", encoding="utf-8")  # a blank line too
    return path


# ------------------------------------------------------------------------------ metrics


def test_classification_report_against_hand_computed_numbers():
    y_true = [NEG, NEG, NEG, NEU, NEU, POS]
    y_pred = [NEG, NEG, NEU, NEU, POS, POS]
    report = classification_report(y_true, y_pred)
    # confusion (rows true, columns predicted, order negative/neutral/positive)
    assert report["confusion"] == [[2, 1, 0], [0, 1, 1], [0, 0, 1]]
    # negative: P = 2/2, R = 2/3, F1 = 0.8; neutral: P = R = F1 = 1/2; positive: P = 1/2, R = 1, F1 = 2/3
    assert report["per_class"][NEG] == pytest.approx({"precision": 1.0, "recall": 2 / 3, "f1": 0.8, "support": 3})
    assert report["per_class"][NEU] == pytest.approx({"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2})
    assert report["per_class"][POS] == pytest.approx({"precision": 0.5, "recall": 1.0, "f1": 2 / 3, "support": 1})
    assert report["macro_f1"] == pytest.approx((0.8 + 0.5 + 2 / 3) / 3)  # 0.6556
    assert report["accuracy"] == pytest.approx(4 / 6)
    assert report["n"] == 6


def test_classification_report_with_a_class_never_predicted():
    report = classification_report([NEG, POS, NEU], [NEG, NEG, NEU])
    assert report["per_class"][POS] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert report["per_class"][NEG]["precision"] == 0.5
    assert report["macro_f1"] == pytest.approx((2 / 3 + 1.0 + 0.0) / 3)


def test_classification_report_is_json_serialisable():
    json.dumps(classification_report([NEG, POS], [NEG, NEU]))


@pytest.mark.parametrize(("y_true", "y_pred", "message"), [
    ([NEG, POS], [NEG], "items"),
    ([], [], "empty"),
    ([NEG, "mixed"], [NEG, NEU], "mixed"),
])
def test_classification_report_rejects_bad_input(y_true, y_pred, message):
    with pytest.raises(ValueError, match=message):
        classification_report(y_true, y_pred)


# --------------------------------------------------------------------------------- data


def test_load_newsmtsc_one_row_per_target(tmp_path):
    frame = load_newsmtsc(write_jsonl(tmp_path / "tiny.jsonl"))
    assert list(frame.columns) == ["sentence_id", "sentence", "start", "end", "mention", "label"]
    assert frame["sentence_id"].tolist() == [0, 0, 1]
    assert frame["mention"].tolist() == ["Kenya", "Sudan", "The committee"]
    assert frame["label"].tolist() == [POS, NEG, NEU]
    assert frame[["start", "end"]].iloc[0].tolist() == [21, 26]
    assert all(row.sentence[row.start:row.end] == row.mention for row in frame.itertuples())
    assert frame.dtypes["start"] == "int64" and frame.dtypes["sentence_id"] == "int64"
    assert frame.attrs["n_sentences"] == 2


def test_load_newsmtsc_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="nothing.jsonl"):
        load_newsmtsc(tmp_path / "nothing.jsonl")


@pytest.mark.parametrize(("bad_line", "message"), [
    ('{"sentence_normalized": "Broken', "not valid JSON"),
    ('["a list"]', "JSON object"),
    ('{"targets": []}', "sentence_normalized"),
    ('{"sentence_normalized": "Kenya won.", "targets": [{"from": 0, "to": 5, "mention": "Kenya"}]}', "polarity"),
    ('{"sentence_normalized": "Kenya won.", "targets": [{"from": 0, "to": 5, "mention": "Kenya", "polarity": 5.0}]}',
     "polarity 5.0"),
    ('{"sentence_normalized": "Kenya won.", "targets": [{"from": 3, "to": 50, "mention": "Kenya", "polarity": 4.0}]}',
     "offsets"),
])
def test_load_newsmtsc_malformed_line_names_its_number(tmp_path, bad_line, message):
    path = write_jsonl(tmp_path / "tiny.jsonl")
    with path.open("a", encoding="utf-8") as handle:
        handle.write(bad_line + "\n")
    # line 1, a blank line 2, line 3, then the bad line 4
    with pytest.raises(ValueError, match=rf"line 4: .*{message}"):
        load_newsmtsc(path)


# --------------------------------------------------------------------------- end to end


def test_evaluate_targeted_sentiment_end_to_end(tmp_path):
    # a target whose offsets cover only a space cannot be aligned to a token
    sentence = SENTENCES[1][0]
    unaligned = {"from": 3, "to": 4, "mention": " ", "polarity": 2.0}
    path = write_jsonl(tmp_path / "tiny.jsonl", extra_targets=[unaligned])
    report = evaluate_targeted_sentiment(path, scorer=LexiconStanceScorer(), progress=False)
    assert sentence[3:4] == " "
    assert report["n"] == 4 and report["n_sentences"] == 2
    assert report["n_unaligned"] == 1
    assert report["scorer"] == "lexicon-1"
    assert report["data"] == str(path)
    # Kenya, Sudan and the committee are right; the unaligned negative target counts as neutral
    assert report["confusion"] == [[1, 1, 0], [0, 1, 0], [0, 0, 1]]
    assert report["accuracy"] == pytest.approx(3 / 4)
    json.dumps(report)


def test_predict_targeted_sentiment_adds_scores(tmp_path):
    frame = predict_targeted_sentiment(write_jsonl(tmp_path / "tiny.jsonl"), scorer=LexiconStanceScorer(),
                                       progress=False)
    assert frame["predicted"].tolist() == [POS, NEG, NEU]
    assert frame["aligned"].all()
    assert frame["score"].between(-1, 1).all()
    assert frame.loc[0, "score"] > 0 > frame.loc[1, "score"]


def test_sentence_vader_gives_every_target_the_sentence_label(tmp_path):
    path = write_jsonl(tmp_path / "tiny.jsonl")
    report = evaluate_sentence_vader(path, progress=False)
    assert report["n"] == 3 and report["n_sentences"] == 2
    assert report["scorer"] == "vader-sentence(threshold=0.05)"
    # Kenya (positive) and Sudan (negative) share one sentence, so one predicted label
    negative_row, neutral_row, positive_row = report["confusion"]
    assert negative_row.index(1) == positive_row.index(1)
    assert neutral_row == [0, 1, 0]  # no evaluative word in the committee sentence


def test_on_the_newsmtsc_dev_split_every_target_is_evaluated():
    from conftest import shared_file

    path = shared_file("newsmtsc", "dev.jsonl")
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    report = evaluate_targeted_sentiment(path, scorer=LexiconStanceScorer(), progress=False)
    assert report["n_sentences"] == len(records) == 320
    assert report["n"] == sum(len(r["targets"]) for r in records)
    assert sum(sum(row) for row in report["confusion"]) == report["n"]


def test_load_newsmtsc_frame_round_trips_through_predict(tmp_path):
    frame = load_newsmtsc(write_jsonl(tmp_path / "tiny.jsonl"))
    predicted = predict_targeted_sentiment(frame, scorer=LexiconStanceScorer(), progress=False)
    pd.testing.assert_frame_equal(predicted[frame.columns], frame)


class _ProbabilityScorer:
    """A scorer with class probabilities that a neutral band on the score would misread."""

    name = "probabilities"

    def predict_proba(self, doc, spans):
        # p(negative) = p(positive) + 0.1: the score is -0.1, the argmax is negative
        return np.tile([0.5, 0.1, 0.4], (len(spans), 1))

    def score(self, doc, spans):
        proba = self.predict_proba(doc, spans)
        return proba[:, 2] - proba[:, 0]

    def label(self, values):
        values = np.asarray(values)
        if values.ndim == 2:
            return np.asarray(STANCE_LABELS)[values.argmax(axis=1)]
        return np.where(np.abs(values) < 0.3, "neutral", np.where(values < 0, "negative", "positive"))

    def version(self):
        return "probabilities-1"


def test_a_scorer_with_probabilities_is_labelled_by_their_argmax(tmp_path):
    frame = predict_targeted_sentiment(write_jsonl(tmp_path / "tiny.jsonl"), scorer=_ProbabilityScorer(),
                                       progress=False)
    assert frame["predicted"].tolist() == [NEG, NEG, NEG]
    assert frame["score"].to_numpy() == pytest.approx([-0.1] * 3)


def test_the_default_scorer_is_the_learned_model(tmp_path):
    report = evaluate_targeted_sentiment(write_jsonl(tmp_path / "tiny.jsonl"), progress=False)
    assert report["scorer"].startswith("minilm-tsc-1+")
    assert report["n"] == 3 and sum(map(sum, report["confusion"])) == 3


def test_calibration_report_by_hand():
    from framing.evaluation import calibration_report

    proba = np.array([[1.0, 0.0, 0.0],   # confident and right
                      [0.6, 0.4, 0.0],   # 0.6 confident, wrong (truth neutral)
                      [0.1, 0.2, 0.7]])  # 0.7 confident, right
    report = calibration_report([NEG, NEU, POS], proba)
    assert report["n"] == 3 and report["bins"] == 10
    # bins: [0.5, 0.6] holds 0.6 (acc 0), [0.6, 0.7] holds 0.7 (acc 1), [0.9, 1.0] holds 1.0 (acc 1)
    assert report["ece"] == pytest.approx((0.6 + 0.3 + 0.0) / 3)
    assert report["brier"] == pytest.approx((0.0 + (0.36 + 0.36) + (0.01 + 0.04 + 0.09)) / 3)
    assert [row["n"] for row in report["reliability"]] == [1, 1, 1]
    perfect = calibration_report([NEG, POS], np.array([[1.0, 0, 0], [0, 0, 1.0]]))
    assert perfect["ece"] == 0 and perfect["brier"] == 0
    with pytest.raises(ValueError, match="shape"):
        calibration_report([NEG], np.ones((2, 3)) / 3)


def test_evaluation_reports_calibration_for_a_scorer_with_probabilities(tmp_path):
    path = write_jsonl(tmp_path / "tiny.jsonl")
    report = evaluate_targeted_sentiment(path, scorer=_ProbabilityScorer(), progress=False)
    # every target gets [0.5, 0.1, 0.4]: confidence 0.5, right only for the negative one
    assert report["calibration"]["n"] == 3
    assert report["calibration"]["ece"] == pytest.approx(abs(0.5 - 1 / 3))
    assert "calibration" not in evaluate_targeted_sentiment(path, scorer=LexiconStanceScorer(), progress=False)


# ------------------------------------------------------------------ shapes of a challenge set


def write_shaped(path, shapes=("idiom", "idiom", None)):
    """The tiny file with a ``shape`` key on its records (``None``: no key)."""
    records = [json.loads(line) for line in write_jsonl(path).read_text(encoding="utf-8").splitlines() if line]
    records.append({"sentence_normalized": "The senator met donors in Ohio.",
                    "targets": [target("The senator met donors in Ohio.", "The senator", 4.0)]})
    for record, shape in zip(records, shapes):
        if shape is not None:
            record["shape"] = shape
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_load_newsmtsc_keeps_the_shape_of_each_record(tmp_path):
    frame = load_newsmtsc(write_shaped(tmp_path / "shaped.jsonl", shapes=("irony", "lede", None)))
    assert list(frame.columns) == ["sentence_id", "sentence", "start", "end", "mention", "label", "shape"]
    # both targets of the first sentence carry its shape; a record without one gets ""
    assert frame["shape"].tolist() == ["irony", "irony", "lede", ""]
    # a file without shapes keeps the NewsMTSC columns (test_load_newsmtsc_one_row_per_target)
    assert "shape" not in load_newsmtsc(write_jsonl(tmp_path / "plain.jsonl"))


def test_load_newsmtsc_ignores_other_extra_keys_and_rejects_a_non_string_shape(tmp_path):
    path = tmp_path / "extra.jsonl"
    sentence = "Kenya won."
    record = {"sentence_normalized": sentence, "targets": [target(sentence, "Kenya", 6.0)], "source": "wire", "id": 7}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert list(load_newsmtsc(path).columns) == ["sentence_id", "sentence", "start", "end", "mention", "label"]
    path.write_text(json.dumps({**record, "shape": 3}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1: 'shape' must be a string"):
        load_newsmtsc(path)


def test_shape_report_by_hand():
    from framing.evaluation import shape_report

    frame = pd.DataFrame({"shape": ["irony", "irony", "irony", "lede"],
                          "label": [NEG, NEG, NEG, NEU],
                          "predicted": [NEG, POS, POS, NEU],
                          "score": [-0.5, 0.5, 0.9, 0.1]})
    report = shape_report(frame)
    assert list(report) == ["irony", "lede"]
    assert report["irony"] == {"n": 3, "accuracy": pytest.approx(1 / 3), "gold": {NEG: 3, NEU: 0, POS: 0},
                               "predicted": {NEG: 1, NEU: 0, POS: 2}, "mean_score": pytest.approx(0.3)}
    assert report["lede"]["accuracy"] == 1.0 and report["lede"]["n"] == 1
    with pytest.raises(ValueError, match="no 'shape' column"):
        shape_report(frame.drop(columns="shape"))


def test_evaluation_reports_per_shape_when_the_records_name_one(tmp_path):
    path = write_shaped(tmp_path / "shaped.jsonl", shapes=("praise_and_blame", "plain_lede", "plain_lede"))
    report = evaluate_targeted_sentiment(path, scorer=LexiconStanceScorer(), progress=False)
    by_shape = report["by_shape"]
    # the lexicon gets Kenya and Sudan right (test_predict_targeted_sentiment_adds_scores) and
    # calls both ledes neutral: they hold no evaluative word
    assert by_shape["praise_and_blame"]["accuracy"] == 1.0
    assert by_shape["praise_and_blame"]["gold"] == {NEG: 1, NEU: 0, POS: 1}
    assert by_shape["plain_lede"] == {"n": 2, "accuracy": 1.0, "gold": {NEG: 0, NEU: 2, POS: 0},
                                      "predicted": {NEG: 0, NEU: 2, POS: 0}, "mean_score": 0.0}
    assert sum(part["n"] for part in by_shape.values()) == report["n"]
    json.dumps(report)
    assert "by_shape" not in evaluate_targeted_sentiment(write_jsonl(tmp_path / "plain.jsonl"),
                                                         scorer=LexiconStanceScorer(), progress=False)


# --------------------------------------------------------------------------- stance by entity role


class FixedScorer:
    """Scores each span by its text, from a table; labels by sign."""

    def __init__(self, table):
        self.table = table

    def score(self, doc, spans):
        return np.array([self.table[span.text] for span in spans])

    def label(self, scores):
        return np.where(np.asarray(scores) > 0, POS, np.where(np.asarray(scores) < 0, NEG, NEU))


def _write_roles_folder(root):
    documents = {
        "EN_UA_000001": ("Talks\n\nNATO sent aid while Moscow and Minsk massed troops near Kyiv.",
                         [("NATO", "Protagonist", "Guardian"), ("Moscow", "Antagonist", "Instigator"),
                          ("Minsk", "Antagonist", "Conspirator"), ("Kyiv", "Innocent", "Victim")]),
        "EN_CC_000002": ("Climate\n\nActivists praised the council.", [("Activists", "Protagonist", "Virtuous")]),
    }
    (root / "raw-documents").mkdir(parents=True)
    lines = []
    for doc_id, (text, mentions) in documents.items():
        (root / "raw-documents" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        for mention, main, fine in mentions:
            start = text.index(mention)
            lines.append(f"{doc_id}.txt\t{mention}\t{start}\t{start + len(mention) - 1}\t{main}\t{fine}")
    (root / "subtask-1-annotations.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_stance_by_role_means_shares_and_aucs(tmp_path):
    folder = _write_roles_folder(tmp_path / "semeval")
    scorer = FixedScorer({"NATO": 0.8, "Moscow": -0.6, "Minsk": -0.2, "Kyiv": -0.4, "Activists": 0.5})
    report = evaluate_stance_by_role(folder, scorer=scorer, n_boot=200, progress=False)
    assert report["n"] == 5 and report["n_unaligned"] == 0 and report["n_documents"] == 2
    assert report["scorer"] == "FixedScorer"
    ua = report["by_role"]["UA"]
    assert ua["Antagonist"]["n"] == 2 and ua["Antagonist"]["mean"] == pytest.approx(-0.4)
    # one document: every bootstrap draw is that document, so the interval is the mean
    assert ua["Antagonist"]["ci_low"] == pytest.approx(-0.4) and ua["Antagonist"]["ci_high"] == pytest.approx(-0.4)
    assert ua["Antagonist"]["share_negative"] == 1.0 and ua["Protagonist"]["share_positive"] == 1.0
    # Kyiv (-0.4) is above Moscow (-0.6) and below Minsk (-0.2): half the pairs
    assert report["auc"]["UA"] == {"protagonist_vs_antagonist": 1.0, "innocent_vs_antagonist": 0.5,
                                   "protagonist_vs_innocent": 1.0}
    assert report["auc"]["CC"] == {"protagonist_vs_antagonist": None, "innocent_vs_antagonist": None,
                                   "protagonist_vs_innocent": None}
    assert set(report["by_role"]["CC"]) == {"Protagonist"}
    assert report["by_role"]["all"]["Protagonist"]["n_documents"] == 2
    json.dumps(report)
    again = evaluate_stance_by_role(folder, scorer=scorer, n_boot=200, progress=False)
    assert again["by_role"] == report["by_role"]  # seeded bootstrap


def test_stance_by_role_counts_a_mention_it_cannot_score(tmp_path):
    folder = _write_roles_folder(tmp_path / "semeval")
    text = (folder / "raw-documents" / "EN_UA_000001.txt").read_text(encoding="utf-8")
    blank = text.index(" sent")  # one space: no token to score
    with (folder / "subtask-1-annotations.txt").open("a", encoding="utf-8") as handle:
        handle.write(f"EN_UA_000001.txt\t \t{blank}\t{blank}\tAntagonist\tInstigator\n")
    scorer = FixedScorer({"NATO": 0.8, "Moscow": -0.6, "Minsk": -0.2, "Kyiv": -0.4, "Activists": 0.5})
    report = evaluate_stance_by_role(folder, scorer=scorer, n_boot=50, progress=False)
    assert report["n"] == 5 and report["n_unaligned"] == 1
    assert report["by_role"]["UA"]["Antagonist"]["n"] == 2


def test_stance_by_role_on_the_shared_data():
    from conftest import shared_file

    folder = shared_file("semeval2025-roles-narratives-en", "subtask-1-annotations.txt").parent
    report = evaluate_stance_by_role(folder, n_boot=200, progress=False)
    assert report["n"] == 341 and set(report["by_role"]) == {"UA", "CC", "all"}
    for domain in ("UA", "CC", "all"):
        for scores in report["by_role"][domain].values():
            assert scores["ci_low"] <= scores["mean"] <= scores["ci_high"]
    # the documented finding (docs/stance_model.md): on war news, protagonists score above antagonists
    assert report["auc"]["UA"]["protagonist_vs_antagonist"] > 0.5
