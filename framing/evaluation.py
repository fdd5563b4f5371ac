"""Validation of the stance measure against human annotations (NewsMTSC).

NewsMTSC (Hamborg & Donnay 2021, "NewsMTSC: A Dataset for (Multi-)Target-dependent
Sentiment Classification in Political News Articles", EACL; MIT licence) annotates the
sentiment of news sentences toward target mentions: one JSON object a line with
``sentence_normalized`` and ``targets``, a list of ``{from, to, mention, polarity}``
(character offsets; polarity 2.0 negative, 4.0 neutral, 6.0 positive). Its metric is
macro-F1 over the three classes.

The data are not part of this package: pass the path of a file you have, e.g.
``../shared/data/newsmtsc/dev.jsonl``. The command line runs the same functions::

    framing evaluate targeted-sentiment --data ../shared/data/newsmtsc/dev.jsonl
    framing evaluate targeted-sentiment --data ../shared/data/newsmtsc/dev.jsonl --baseline vader

Numbers and the calibration protocol: ``docs/stance.md``.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

from framing.stance import STANCE_LABELS

__all__ = [
    "calibration_report",
    "classification_report",
    "evaluate_sentence_vader",
    "evaluate_stance_by_role",
    "evaluate_targeted_sentiment",
    "holdout_bucket",
    "load_newsmtsc",
    "predict_targeted_sentiment",
    "shape_report",
]

POLARITY_LABELS = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
COLUMNS = ["sentence_id", "sentence", "start", "end", "mention", "label"]
# VADER's recommended cut-offs on its compound score (Hutto & Gilbert 2014; the
# vaderSentiment README): >= 0.05 positive, <= -0.05 negative.
VADER_THRESHOLD = 0.05


# --------------------------------------------------------------------------- data


HOLDOUT_PERCENT = 15
"""Share of a NewsMTSC file's sentences (by a hash of their text) in its held-out ``test`` part."""
PARTS = ("all", "train", "test")


def holdout_bucket(sentence: str) -> int:
    """0..99 from a hash of the sentence text: the sentences of bucket < :data:`HOLDOUT_PERCENT`
    form the held-out ``test`` part of a file. The same text always falls in the same part,
    whatever the file's order, so duplicates of a sentence never straddle the parts."""
    return int(hashlib.sha1(sentence.strip().encode("utf-8")).hexdigest(), 16) % 100


def load_newsmtsc(path: str | os.PathLike, *, part: str = "all") -> pd.DataFrame:
    """One row per target of a NewsMTSC JSONL file.

    Columns: ``sentence_id`` (int, 0-based position of the sentence among the file's
    non-blank lines), ``sentence`` (str), ``start``, ``end`` (int character offsets into
    ``sentence``), ``mention`` (str, as annotated) and ``label`` (``"negative"``,
    ``"neutral"`` or ``"positive"``). Blank lines are skipped; a sentence without
    targets adds no row. Keys other than ``sentence_normalized`` and ``targets`` are
    ignored, except a string ``shape`` naming the kind of sentence (as in the challenge
    sets of ``tests/data/us-news/stance``): when any record carries one, the frame has a
    ``shape`` column (str; ``""`` for records without one), and
    :func:`evaluate_targeted_sentiment` reports per shape.

    ``part`` selects the sentences: ``"all"``, or the fixed split of any file into a
    ``"train"`` part and a held-out ``"test"`` part of about :data:`HOLDOUT_PERCENT` %
    of its sentences (:func:`holdout_bucket`). The packaged stance model is trained and
    chosen on the ``train`` part of NewsMTSC's training file; its ``test`` part is the
    score no choice has seen.

    Raises ``FileNotFoundError`` for a missing file and ``ValueError`` naming the line
    number for a line that is not a JSON object of the expected shape.
    """
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, got {part!r}")
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"NewsMTSC file not found: {path}")
    rows = []
    sentence_id = kept = 0
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            parsed = _parse_line(line, lineno, sentence_id, path)
            sentence_id += 1
            if part != "all" and (not parsed  # a sentence without targets belongs to no part
                                  or (holdout_bucket(parsed[0]["sentence"]) < HOLDOUT_PERCENT) != (part == "test")):
                continue
            rows.extend(parsed)
            kept += 1
    columns = COLUMNS + (["shape"] if any("shape" in row for row in rows) else [])
    frame = pd.DataFrame(rows, columns=columns).astype({"sentence_id": "int64", "start": "int64", "end": "int64"})
    if "shape" in frame:
        frame["shape"] = frame["shape"].fillna("").astype(str)
    frame.attrs["n_sentences"] = kept  # sentences without targets add no row
    frame.attrs["part"] = part
    return frame


def _parse_line(line: str, lineno: int, sentence_id: int, path: Path) -> list[dict]:
    where = f"{path}, line {lineno}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise ValueError(f"{where}: expected a JSON object, got {type(record).__name__}")
    sentence, targets = record.get("sentence_normalized"), record.get("targets")
    if not isinstance(sentence, str):
        raise ValueError(f"{where}: missing or non-string 'sentence_normalized'")
    if not isinstance(targets, list):
        raise ValueError(f"{where}: missing or non-list 'targets'")
    shape = record.get("shape")
    if shape is not None and not isinstance(shape, str):
        raise ValueError(f"{where}: 'shape' must be a string, got {type(shape).__name__}")
    rows = []
    for k, target in enumerate(targets):
        try:
            start, end = target["from"], target["to"]
            mention, polarity = target["mention"], float(target["polarity"])
        except (KeyError, TypeError, ValueError):
            raise ValueError(f"{where}: target {k} needs 'from', 'to', 'mention' and a numeric 'polarity'") from None
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(sentence)):
            raise ValueError(f"{where}: target {k} has offsets {start!r}..{end!r} outside the "
                             f"{len(sentence)}-character sentence")
        if polarity not in POLARITY_LABELS:
            raise ValueError(f"{where}: target {k} has polarity {polarity!r}; expected one of "
                             f"{sorted(POLARITY_LABELS)} (negative, neutral, positive)")
        rows.append({"sentence_id": sentence_id, "sentence": sentence, "start": start, "end": end,
                     "mention": str(mention), "label": POLARITY_LABELS[polarity],
                     **({} if shape is None else {"shape": shape})})
    return rows


# ------------------------------------------------------------------------ metrics


def classification_report(y_true: Sequence[str], y_pred: Sequence[str], labels: Sequence[str] = STANCE_LABELS) -> dict:
    """Macro-F1, accuracy, per-class scores and the confusion matrix.

    Returns ``{"macro_f1", "accuracy", "n", "per_class": {label: {"precision", "recall",
    "f1", "support"}}, "confusion"}``; ``confusion[i][j]`` counts items of true label
    ``labels[i]`` predicted as ``labels[j]``. ``macro_f1`` is the unweighted mean of the
    per-class F1 over ``labels`` (the NewsMTSC metric, F1m). A precision, recall or F1
    whose denominator is 0 is 0.0, as scikit-learn's ``zero_division=0``.
    """
    y_true, y_pred, labels = list(y_true), list(y_pred), list(labels)
    if len(y_true) != len(y_pred):
        raise ValueError(f"y_true has {len(y_true)} items but y_pred has {len(y_pred)}")
    if not y_true:
        raise ValueError("nothing to evaluate: y_true is empty")
    index = {label: i for i, label in enumerate(labels)}
    unknown = sorted({str(v) for v in (*y_true, *y_pred) if v not in index})
    if unknown:
        raise ValueError(f"labels {unknown} are not among {labels}")
    confusion = np.zeros((len(labels), len(labels)), dtype=int)
    np.add.at(confusion, ([index[v] for v in y_true], [index[v] for v in y_pred]), 1)
    per_class = {}
    for i, label in enumerate(labels):
        tp, predicted, support = confusion[i, i], confusion[:, i].sum(), confusion[i, :].sum()
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {"precision": float(precision), "recall": float(recall), "f1": float(f1),
                            "support": int(support)}
    return {
        "macro_f1": float(np.mean([per_class[label]["f1"] for label in labels])),
        "accuracy": float(np.trace(confusion) / len(y_true)),
        "n": len(y_true),
        "per_class": per_class,
        "confusion": confusion.tolist(),
    }


# --------------------------------------------------------------------- evaluation


def calibration_report(y_true: Sequence[str], proba: np.ndarray, labels: Sequence[str] = STANCE_LABELS,
                       bins: int = 10) -> dict:
    """How far predicted probabilities are from observed frequencies.

    ``proba`` is ``(n, len(labels))``. Returns ``{"n", "bins", "ece", "brier", "reliability"}``:
    ``ece`` is the expected calibration error of the top label (Guo et al. 2017: the
    confidence of the argmax against its accuracy, in ``bins`` equal-width confidence
    bins, weighted by bin size); ``brier`` the multi-class Brier score (mean over items
    of the squared distance between the probability vector and the one-hot truth; 0 is
    perfect); ``reliability`` one row per non-empty bin: ``low, high, n, confidence,
    accuracy``.
    """
    y_true, labels = list(y_true), list(labels)
    proba = np.asarray(proba, dtype=float)
    if proba.ndim != 2 or proba.shape != (len(y_true), len(labels)):
        raise ValueError(f"proba must have shape ({len(y_true)}, {len(labels)}), got {proba.shape}")
    unknown = sorted(set(y_true) - set(labels))
    if unknown:
        raise ValueError(f"labels {unknown} are not among {labels}")
    if not len(y_true):
        return {"n": 0, "bins": bins, "ece": None, "brier": None, "reliability": []}
    truth = np.zeros_like(proba)
    truth[np.arange(len(y_true)), [labels.index(y) for y in y_true]] = 1.0
    confidence = proba.max(axis=1)
    correct = truth[np.arange(len(y_true)), proba.argmax(axis=1)] == 1.0
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.searchsorted(edges, confidence, side="left") - 1, 0, bins - 1)
    reliability, ece = [], 0.0
    for b in range(bins):
        members = which == b
        if not members.any():
            continue
        conf, acc = float(confidence[members].mean()), float(correct[members].mean())
        ece += members.mean() * abs(conf - acc)
        reliability.append({"low": round(float(edges[b]), 6), "high": round(float(edges[b + 1]), 6),
                            "n": int(members.sum()),
                            "confidence": conf, "accuracy": acc})
    return {"n": len(y_true), "bins": bins, "ece": float(ece),
            "brier": float(np.mean(np.sum((proba - truth) ** 2, axis=1))), "reliability": reliability}


def _aligned_spans(doc, rows, starts, ends) -> tuple[list[int], list]:
    """The rows whose character offsets make a span of ``doc`` (``alignment_mode="expand"``)
    and those spans; offsets covering no token (whitespace) are left out."""
    kept, spans = [], []
    for row, start, end in zip(rows, starts, ends):
        span = doc.char_span(int(start), int(end), alignment_mode="expand")
        if span is not None and len(span):
            kept.append(row)
            spans.append(span)
    return kept, spans


def predict_targeted_sentiment(
    data: str | os.PathLike | pd.DataFrame,
    *,
    scorer=None,
    nlp=None,
    batch_size: int = 64,
    progress: bool = True,
) -> pd.DataFrame:
    """Score every target of a NewsMTSC file (or of a :func:`load_newsmtsc` frame).

    Returns the frame with three more columns: ``aligned`` (bool: the character
    offsets map to tokens), ``score`` (float in [-1, 1]; 0.0 where not aligned) and
    ``predicted`` (label; ``"neutral"`` where not aligned), plus ``p_negative``,
    ``p_neutral``, ``p_positive`` for a scorer with probabilities (NaN where not
    aligned), labelled as in
    :func:`framing.stance.predict_stance` (the argmax of the class probabilities for a
    scorer that has them, as in ``framing analyze``). Each sentence is parsed
    once with ``nlp.pipe``; offsets become spans with ``doc.char_span(...,
    alignment_mode="expand")``. ``frame.attrs`` carries ``parse_seconds`` and
    ``score_seconds``.
    """
    from framing._nlp import load_nlp
    from framing._progress import progress_bar
    from framing.stance import get_scorer, predict_stance

    frame = data.copy() if isinstance(data, pd.DataFrame) else load_newsmtsc(data)
    scorer = get_scorer() if scorer is None else scorer
    nlp = load_nlp() if nlp is None else nlp
    groups = [group for _, group in frame.groupby("sentence_id", sort=True)]
    scores = np.zeros(len(frame), dtype=float)
    predicted = np.full(len(frame), "neutral", dtype=object)
    proba = np.full((len(frame), len(STANCE_LABELS)), np.nan)
    aligned = np.zeros(len(frame), dtype=bool)
    positions = {index: k for k, index in enumerate(frame.index)}
    parse_seconds = score_seconds = 0.0
    texts = (group["sentence"].iat[0] for group in groups)
    with progress_bar(total=len(groups), desc="targeted sentiment", unit="sent", disable=not progress) as bar:
        clock = time.perf_counter()
        for group, doc in zip(groups, nlp.pipe(texts, batch_size=batch_size)):
            now = time.perf_counter()
            parse_seconds += now - clock
            rows, spans = _aligned_spans(doc, [positions[i] for i in group.index], group["start"], group["end"])
            if spans:
                prediction = predict_stance(scorer, doc, spans)
                scores[rows] = prediction.scores
                predicted[rows] = prediction.labels
                if prediction.proba is not None:
                    proba[rows] = prediction.proba
                aligned[rows] = True
            clock = time.perf_counter()
            score_seconds += clock - now
            bar.update(1)
    frame["aligned"] = aligned
    frame["score"] = scores
    frame["predicted"] = predicted.astype(str)
    if hasattr(scorer, "predict_proba"):
        for k, label in enumerate(STANCE_LABELS):
            frame[f"p_{label}"] = proba[:, k]
    frame.attrs.update(parse_seconds=parse_seconds, score_seconds=score_seconds)
    return frame


def evaluate_targeted_sentiment(
    path: str | os.PathLike,
    *,
    scorer=None,
    nlp=None,
    batch_size: int = 64,
    progress: bool = True,
    part: str = "all",
) -> dict:
    """Target-dependent stance scorer against NewsMTSC labels.

    ``part`` scores the whole file (``"all"``) or one part of its fixed split
    (:func:`load_newsmtsc`): ``--data train.jsonl --part test`` is the held-out score.

    ``scorer`` defaults to :func:`framing.stance.get_scorer` (the default, learned scorer) and
    ``nlp`` to :func:`framing._nlp.load_nlp`. Targets whose offsets cannot be aligned to
    tokens are not dropped: they count as predicted neutral and are reported in
    ``n_unaligned``. Returns :func:`classification_report`'s dict plus ``data``,
    ``scorer`` (its ``version()``), ``pipeline`` (the spaCy pipeline), ``n_sentences``,
    ``n_unaligned`` and ``timing`` (seconds spent parsing and scoring). A file whose
    records name their ``shape`` (:func:`load_newsmtsc`) also gets ``by_shape``
    (:func:`shape_report`).
    """
    from framing._nlp import load_nlp, pipeline_version
    from framing.stance import get_scorer

    scorer = get_scorer() if scorer is None else scorer
    nlp = load_nlp() if nlp is None else nlp
    loaded = load_newsmtsc(path, part=part)
    frame = predict_targeted_sentiment(loaded, scorer=scorer, nlp=nlp, batch_size=batch_size, progress=progress)
    report = classification_report(frame["label"], frame["predicted"])
    if "p_negative" in frame:
        usable = frame["aligned"].to_numpy()
        report["calibration"] = calibration_report(
            frame.loc[usable, "label"], frame.loc[usable, [f"p_{label}" for label in STANCE_LABELS]].to_numpy())
    if "shape" in frame:
        report["by_shape"] = shape_report(frame)
    n_sentences = loaded.attrs["n_sentences"]
    score_seconds = frame.attrs["score_seconds"]
    report.update({
        "data": str(path),
        "part": part,
        "scorer": scorer.version(),
        "pipeline": pipeline_version(nlp),
        "n_sentences": n_sentences,
        "n_unaligned": int((~frame["aligned"]).sum()),
        "timing": {
            "parse_seconds": round(frame.attrs["parse_seconds"], 3),
            "score_seconds": round(score_seconds, 3),
            "scored_sentences_per_second": round(n_sentences / score_seconds, 1) if score_seconds else None,
        },
    })
    return report


def shape_report(frame: pd.DataFrame) -> dict:
    """Accuracy per ``shape`` of a :func:`predict_targeted_sentiment` frame.

    A challenge set groups its sentences by the construction they test (an idiom, irony,
    a counterfactual), usually one gold label a shape, so the number per shape is the
    share of its targets labelled right; a macro-F1 within one shape would be
    degenerate. Returns ``{shape: {"n", "accuracy", "gold", "predicted", "mean_score"}}``
    in order of first appearance: ``gold`` and ``predicted`` count the labels (every
    label of :data:`~framing.stance.STANCE_LABELS`, zeros included), ``mean_score`` is
    the mean −1..+1 score. Unaligned targets count as predicted neutral, as in the
    overall report.
    """
    if "shape" not in frame:
        raise ValueError("the frame has no 'shape' column: its records name no shape")
    out = {}
    for shape, part in frame.groupby("shape", sort=False):
        gold, predicted = part["label"].value_counts(), part["predicted"].value_counts()
        out[str(shape)] = {
            "n": int(len(part)),
            "accuracy": float((part["label"] == part["predicted"]).mean()),
            "gold": {label: int(gold.get(label, 0)) for label in STANCE_LABELS},
            "predicted": {label: int(predicted.get(label, 0)) for label in STANCE_LABELS},
            "mean_score": float(part["score"].mean()),
        }
    return out


def evaluate_sentence_vader(path: str | os.PathLike, *, threshold: float = VADER_THRESHOLD, progress: bool = True) -> dict:
    """The sentence-level VADER reference: every target of a sentence gets the label of
    the sentence's VADER compound score (``>= threshold`` positive, ``<= -threshold``
    negative, else neutral; Hutto & Gilbert 2014). Same report as
    :func:`evaluate_targeted_sentiment`, so the gap between the two is reproducible.
    """
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing._progress import progress_bar

    frame = load_newsmtsc(path)
    analyzer = SentimentIntensityAnalyzer()
    sentences = frame.drop_duplicates("sentence_id").set_index("sentence_id")["sentence"]
    compound = {}
    with progress_bar(total=len(sentences), desc="sentence VADER", unit="sent", disable=not progress) as bar:
        for sentence_id, sentence in sentences.items():
            compound[sentence_id] = analyzer.polarity_scores(sentence)["compound"]
            bar.update(1)
    scores = frame["sentence_id"].map(compound).to_numpy(dtype=float)
    predicted = np.where(scores >= threshold, "positive", np.where(scores <= -threshold, "negative", "neutral"))
    report = classification_report(frame["label"], predicted)
    report.update({
        "data": str(path),
        "scorer": f"vader-sentence(threshold={threshold})",
        "n_sentences": frame.attrs["n_sentences"],
        "n_unaligned": 0,
    })
    return report


# --------------------------------------------------------------------------- stance by entity role

_ROLE_PAIRS = {"protagonist_vs_antagonist": ("Protagonist", "Antagonist"),
               "innocent_vs_antagonist": ("Innocent", "Antagonist"),
               "protagonist_vs_innocent": ("Protagonist", "Innocent")}


def _auc(higher: np.ndarray, lower: np.ndarray) -> float | None:
    """P(a score of ``higher`` > one of ``lower``), ties counting half (the Mann-Whitney AUC)."""
    if not len(higher) or not len(lower):
        return None
    diff = np.subtract.outer(np.asarray(higher, float), np.asarray(lower, float))
    return float((diff > 0).mean() + 0.5 * (diff == 0).mean())


def evaluate_stance_by_role(path: str | os.PathLike, *, scorer=None, nlp=None, n_boot: int = 2000,
                            seed: int = 0, progress: bool = True) -> dict:
    """Stance toward entity mentions of war and climate news, by the role annotators gave them.

    A check of convergent validity on news of the kind the package is for: the entity mentions
    of SemEval-2025 Task 10 subtask 1 (``path``: the folder with ``subtask-1-annotations.txt``
    and ``raw-documents/``; see :func:`framing.roles.load_semeval_roles`) carry a human-annotated
    main role (Protagonist, Antagonist, Innocent). The stance scorer (default: the packaged
    model; none of these documents was used to train it) scores each annotated span in its
    sentence. If the score measures how the text portrays the actor, protagonists should score
    above antagonists. Innocents (victims) are portrayed in sentences about harm and can score
    low although the text sides with them: stance is portrayal, not sympathy.

    A mention whose characters cover no token (whitespace) cannot be scored: it is left out
    and counted in ``n_unaligned``; ``offsets`` counts the annotations by how their offsets
    were located in the released files (an annotation found under no convention is counted
    as ``skipped`` and not scored). Returns, for the ``UA`` (Ukraine-Russia war) and ``CC``
    (climate) documents and ``all``:
    per main role the number of mentions and documents, the mean score with a 95% interval from
    a bootstrap over documents (``n_boot`` draws, seeded), and the shares of negative, neutral
    and positive labels; and the AUC of the score for protagonist over antagonist, innocent over
    antagonist and protagonist over innocent mentions (0.5 = no separation).
    """
    from framing._nlp import load_nlp
    from framing._progress import progress_bar
    from framing.roles import MAIN_ROLES, load_semeval_roles
    from framing.stance import get_scorer, predict_stance

    started = time.perf_counter()
    frame = load_semeval_roles(path)
    if frame.empty:
        raise ValueError(f"no annotated mentions in {path}")
    offsets = dict(frame.attrs["offsets"])
    scorer = get_scorer() if scorer is None else scorer
    nlp = load_nlp() if nlp is None else nlp
    texts = frame.drop_duplicates("doc_id").set_index("doc_id")["text"]
    scores = np.zeros(len(frame))
    labels = np.full(len(frame), "neutral", dtype=object)
    aligned = np.zeros(len(frame), dtype=bool)
    with progress_bar(total=len(texts), desc="stance by role", unit="doc", disable=not progress) as bar:
        for doc_id, doc in zip(texts.index, nlp.pipe(texts.tolist(), batch_size=8)):
            in_doc = np.flatnonzero((frame["doc_id"] == doc_id).to_numpy())
            rows, spans = _aligned_spans(doc, in_doc, frame["start"].to_numpy()[in_doc],
                                         frame["end"].to_numpy()[in_doc])
            if spans:
                prediction = predict_stance(scorer, doc, spans)
                scores[rows], labels[rows] = prediction.scores, prediction.labels
                aligned[rows] = True
            bar.update(1)
    n_unaligned = int((~aligned).sum())
    frame = frame.assign(score=scores, label=labels)[aligned]
    rng = np.random.default_rng(seed)
    report: dict = {
        "task": "stance toward SemEval-2025 Task 10 (subtask 1) entity mentions by annotated main role",
        "scorer": scorer.version() if hasattr(scorer, "version") else type(scorer).__name__,
        "n": int(len(frame)), "n_unaligned": n_unaligned, "n_documents": int(frame["doc_id"].nunique()),
        "offsets": offsets, "by_role": {}, "auc": {},
        "protocol": (f"each annotated span scored in its sentence; mean with a 95% percentile interval from "
                     f"{n_boot} bootstrap draws of documents (seed {seed}); AUC = P(score of the first role > "
                     "score of the second), ties half"),
    }
    for domain in ("UA", "CC", "all"):
        part = frame if domain == "all" else frame[frame["domain"] == domain]
        if part.empty:
            continue
        docs = part["doc_id"].to_numpy()
        doc_ids, doc_index = np.unique(docs, return_inverse=True)
        draws = rng.multinomial(len(doc_ids), np.full(len(doc_ids), 1 / len(doc_ids)), size=n_boot)
        roles = {}
        for role in MAIN_ROLES:
            mask = (part["main_role"] == role).to_numpy()
            if not mask.any():
                continue
            values = part["score"].to_numpy()[mask]
            sums = np.bincount(doc_index[mask], weights=values, minlength=len(doc_ids))
            counts = np.bincount(doc_index[mask], minlength=len(doc_ids))
            with np.errstate(invalid="ignore", divide="ignore"):
                means = (draws @ sums) / (draws @ counts)
            low, high = np.nanpercentile(means, [2.5, 97.5])
            shares = part.loc[mask, "label"].value_counts(normalize=True)
            roles[role] = {"n": int(mask.sum()), "n_documents": int((counts > 0).sum()),
                           "mean": round(float(values.mean()), 4), "ci_low": round(float(low), 4),
                           "ci_high": round(float(high), 4),
                           **{f"share_{label}": round(float(shares.get(label, 0.0)), 4) for label in STANCE_LABELS}}
        report["by_role"][domain] = roles
        by = {role: part.loc[part["main_role"] == role, "score"].to_numpy() for role in MAIN_ROLES}
        report["auc"][domain] = {name: (None if (auc := _auc(by[a], by[b])) is None else round(auc, 4))
                                 for name, (a, b) in _ROLE_PAIRS.items()}
    report["seconds"] = round(time.perf_counter() - started, 1)
    return report
