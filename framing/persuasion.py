"""Persuasion techniques per paragraph: the 23 labels of SemEval-2023 Task 3 subtask 3.

Piskorski, Stefanovitch, Da San Martino & Nakov (2023), "SemEval-2023 Task 3: Detecting the
Category, the Framing, and the Persuasion Techniques in Online News in a Multi-lingual Setup",
subtask 3: which of 23 persuasion techniques (name calling, doubt, loaded language, appeal to
fear, flag waving, ...) a paragraph of a news article uses. The labels, each with a one-line
description written for this package, are in ``framing/data/persuasion.yaml``
(:func:`technique_descriptions`).

:class:`PersuasionClassifier` reads an article as its paragraphs (non-empty lines) and scores
each with one logistic-regression head per technique on:

- the paragraph's TF-IDF word uni- and bigrams and character 2-5-grams (within word bounds);
- the TF-IDF words of the neighbouring paragraphs (mean of the previous and next one);
- a dozen hand features computed with the rest of the article: the share of the paragraph's
  content words, and the number of its word bigrams and trigrams, that recur in other
  paragraphs of the article (for Repetition), length, exclamation and question marks, quote
  marks, capitals, position, whether it is the title.

Heads are class-balanced. A second set of heads, on the word and character features, scores
sentences (a sentence is positive for a technique when an annotated span of it overlaps the sentence); a
paragraph's probability mixes its own head with the best of its sentences
(``sentence_weight``), and a technique is predicted when that passes one threshold (0.45,
chosen by grouped cross-validation; ``threshold="global"`` chooses it on inner folds instead).
No sentence encoder is needed, so the measure adds little time to an analysis.

Where a paragraph is predicted to use a technique, :meth:`PersuasionClassifier.locate` gives
the sentence that most likely carries it, by the sentence heads. :func:`tie_actor` ties the located sentence to the
actor it targets for Name_Calling-Labeling, Doubt, Loaded_Language and the other attacks on
reputation (see its docstring for the rule).

Evaluation (:func:`evaluate_persuasion`) follows the package's held-out protocol
(:mod:`framing._heldout`): grouped cross-validation on the non-held-out articles, then one score
of the held-out articles by a model fitted on the rest, beside a TF-IDF logistic baseline
scored the same way. Scores, configurations tried and limitations: ``docs/persuasion.md``;
the packaged model: ``framing/models/persuasion/MODEL_CARD.md``.
"""

from __future__ import annotations

import functools
import json
import os
import re
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
import yaml

from framing._artefacts import shown_path, weights_digest
from framing._labels import multi_hot

__all__ = [
    "TECHNIQUES",
    "WORD_SPAN_TECHNIQUES",
    "PersuasionClassifier",
    "evaluate_persuasion",
    "evaluate_targets",
    "load_persuasion_model",
    "load_semeval_persuasion",
    "mention_roles",
    "split_paragraphs",
    "split_sentences",
    "span_lexicon",
    "technique_descriptions",
    "tie_actor",
    "train_persuasion",
]

TECHNIQUES_PATH = Path(__file__).parent / "data" / "persuasion.yaml"
MODEL_DIR = Path(__file__).parent / "models" / "persuasion"
CONFIG_NAME = "persuasion.json"
WEIGHTS_NAME = "persuasion.npz"
# Identifies the features, decision rules and artefact layout; bump when any changes (an optional
# array that older folders lack and older readers ignore, like the word-span lexicon, is no change).
FORMAT = "persuasion-tfidf-lr-1"


@functools.lru_cache(maxsize=1)
def _read_techniques() -> dict:
    raw = yaml.safe_load(TECHNIQUES_PATH.read_text(encoding="utf-8"))
    return dict(raw["techniques"])


TECHNIQUES: tuple[str, ...] = tuple(_read_techniques())
"""The 23 technique labels, in the order of ``framing/data/persuasion.yaml`` (grouped by family)."""


def technique_descriptions() -> pd.DataFrame:
    """``technique, family, description, english_training`` for the 23 techniques."""
    return pd.DataFrame([{"technique": name, "family": entry["family"], "description": entry["description"],
                          "english_training": bool(entry.get("english_training", True))}
                         for name, entry in _read_techniques().items()])


DATASET_DIR = "semeval2023-persuasion-en"

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]*[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` character offsets of the sentences of one paragraph: a break after
    ``.``, ``!`` or ``?`` (and any closing quotes or brackets) followed by white space and
    a capital letter or digit. Leading and trailing white space is left out of each span."""
    spans, begin = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((begin, match.start() + len(match.group(0).rstrip())))
        begin = match.end()
    spans.append((begin, len(text)))
    out = []
    for start, end in spans:
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        start, end = start + lead, start + len(piece.rstrip())
        if end > start:
            out.append((start, end))
    return out


def load_semeval_persuasion(path: str | os.PathLike) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a SemEval-2023 Task 3 subtask 3 folder.

    Returns ``(paragraphs, spans)``: ``paragraphs`` has one row per labelled line,
    ``doc_id`` (``article<ID>``), ``line`` (from 1), ``text``, ``offset`` (character offset of
    the line in the article file) and ``techniques`` (a tuple); ``spans`` one row per
    annotated span, ``doc_id, line, technique, start, end`` with ``start``/``end`` relative
    to the line (clipped to it; a span that crosses lines is given to each line it covers).
    """
    folder = Path(path)
    labels_file = folder / "labels-paragraphs.txt"
    if not labels_file.is_file():
        raise FileNotFoundError(f"{folder} has no labels-paragraphs.txt (SemEval-2023 Task 3 subtask 3 layout)")
    lines_of: dict[str, list[tuple[int, str]]] = {}
    rows = []
    for raw in labels_file.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        parts = raw.split("\t")
        article, number = parts[0].strip(), int(parts[1])
        techniques = tuple(t.strip() for t in (parts[2] if len(parts) > 2 else "").split(",") if t.strip())
        doc_id = f"article{article}"
        if doc_id not in lines_of:
            text = (folder / "articles" / f"{doc_id}.txt").read_text(encoding="utf-8")
            offsets, position = [], 0
            for line in text.split("\n"):
                offsets.append((position, line))
                position += len(line) + 1
            lines_of[doc_id] = offsets
        offset, line_text = lines_of[doc_id][number - 1]
        rows.append({"doc_id": doc_id, "line": number, "text": line_text, "offset": offset,
                     "techniques": techniques})
    paragraphs = pd.DataFrame(rows)
    span_rows = []
    for file in sorted((folder / "spans").glob("article*-labels-subtask-3.txt")):
        for raw in file.read_text(encoding="utf-8").splitlines():
            parts = raw.split("\t")
            if len(parts) < 4:
                continue
            doc_id = f"article{parts[0].strip()}"
            technique, start, end = parts[1].strip(), int(parts[2]), int(parts[3])
            for number, (offset, line_text) in enumerate(lines_of.get(doc_id, []), start=1):
                lo, hi = max(start, offset), min(end, offset + len(line_text))
                if hi > lo:
                    span_rows.append({"doc_id": doc_id, "line": number, "technique": technique,
                                      "start": lo - offset, "end": hi - offset})
    spans = pd.DataFrame(span_rows, columns=["doc_id", "line", "technique", "start", "end"])
    return paragraphs, spans


# --------------------------------------------------------------------------- text units


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the paragraphs of ``text``: its non-empty lines, without the
    white space at either end (the unit the SemEval-2023 annotation labels)."""
    out, position = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((position + lead, position + lead + len(stripped)))
        position += len(line) + 1
    return out


# --------------------------------------------------------------------------- features

_WORD = re.compile(r"[a-z0-9']+")
_STOP = frozenset("the a an of to in and or for on at by with from is are was were be been that this it as its "
                  "his her their they he she we you i not but have has had will would can could".split())
N_DENSE = 12


def _dense_features(texts: Sequence[str], docs: Sequence, first: Sequence[bool]) -> np.ndarray:
    """Hand features of each paragraph, read with the other paragraphs of its document
    (``docs`` names the document of each row; rows of one document are in reading order)."""
    out = np.zeros((len(texts), N_DENSE))
    rows_of: dict = {}
    for i, doc in enumerate(docs):
        rows_of.setdefault(doc, []).append(i)
    for rows in rows_of.values():
        tokens = [_WORD.findall(texts[i].lower()) for i in rows]
        grams = [({w for w in ts if w not in _STOP}, set(zip(ts, ts[1:])), set(zip(ts, ts[1:], ts[2:])))
                 for ts in tokens]
        counts = [dict(), dict(), dict()]
        for g in grams:
            for level in range(3):
                for item in g[level]:
                    counts[level][item] = counts[level].get(item, 0) + 1
        n = len(rows)
        for k, i in enumerate(rows):
            text, ts, (g1, g2, g3) = texts[i], tokens[k], grams[k]
            shared = [sum(counts[level][item] > 1 for item in g) for level, g in enumerate((g1, g2, g3))]
            out[i] = [np.log1p(len(text)), np.log1p(len(ts)), text.count("!"), text.count("?"),
                      text.count('"'),  # straight quotation marks only (as the packaged model was fitted)
                      sum(ch.isupper() for ch in text) / max(1, len(text)),
                      shared[0] / max(1, len(g1)), np.log1p(shared[1]), np.log1p(shared[2]),
                      k / max(1, n - 1), float(bool(first[i])), np.log1p(len(ts) - len(set(ts)))]
    return out


_VECTORS_KEPT = 20_000
"""Paragraph vectors remembered in a process (so that the folds of an evaluation encode each
paragraph once), at most this many."""
_VECTORS = None


def _paragraph_vectors(texts: Sequence[str]) -> np.ndarray:
    """MiniLM vectors of the paragraphs, each encoded alone (:func:`framing.encoder.shared_encoder`,
    remembered by a :class:`framing.encoder.MemoEncoder`)."""
    global _VECTORS
    from framing.encoder import MemoEncoder, shared_encoder

    if _VECTORS is None:
        _VECTORS = MemoEncoder(shared_encoder(), keep=_VECTORS_KEPT)
    if not texts:
        return np.zeros((0, shared_encoder().dimension), dtype=np.float32)
    return _VECTORS.encode(list(texts))


_LEXICON_WORD = re.compile(r"\w+")
_LEXICON_SMOOTHING = 5.0
_LEXICON_FOLDS = 3


def _word_spans(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0).lower(), m.start(), m.end()) for m in _LEXICON_WORD.finditer(text)]


def _spans_by_line(spans: pd.DataFrame) -> dict[tuple, list[tuple[str, int, int]]]:
    """The annotated spans by ``(doc_id, line)``: ``(technique, start, end)`` relative to the line."""
    by_line: dict = {}
    for row in spans.itertuples(index=False):
        by_line.setdefault((row.doc_id, int(row.line)), []).append((row.technique, int(row.start), int(row.end)))
    return by_line


def span_lexicon(paragraphs: pd.DataFrame, spans: pd.DataFrame,
                 smoothing: float = _LEXICON_SMOOTHING) -> tuple[np.ndarray, np.ndarray]:
    """How much each word of ``paragraphs`` belongs to each technique's annotated spans.

    For a word w and a technique j, p = (occurrences of w inside a span of j + ``smoothing``
    x q_j) / (occurrences of w + ``smoothing``), where q_j is the share of all word occurrences
    inside a span of j; the score is logit(p) - logit(q_j): positive for words that annotators
    put inside spans of j more often than words in general ("reckless" for Loaded_Language,
    "leftist" for Name_Calling-Labeling). Only spans of the given paragraphs count. Returns the
    words (sorted) and their scores ``(n_words, 23)`` in :data:`TECHNIQUES` order."""
    index = {t: j for j, t in enumerate(TECHNIQUES)}
    by_line = _spans_by_line(spans)
    total: dict[str, int] = {}
    inside: dict[str, np.ndarray] = {}
    n_words, n_inside = 0, np.zeros(len(TECHNIQUES))
    for doc_id, line, text in zip(paragraphs["doc_id"], paragraphs["line"].astype(int), paragraphs["text"]):
        spans_here = [(index[t], start, end) for t, start, end in by_line.get((doc_id, line), []) if t in index]
        for word, a, b in _word_spans(str(text)):
            total[word] = total.get(word, 0) + 1
            n_words += 1
            hit = {j for j, start, end in spans_here if start < b and end > a}
            if hit:
                row = inside.setdefault(word, np.zeros(len(TECHNIQUES)))
                for j in hit:
                    row[j] += 1
                    n_inside[j] += 1
    words = np.array(sorted(total), dtype=str)
    prior = (n_inside + 1) / (n_words + 2)
    none = np.zeros(len(TECHNIQUES))
    counts = np.array([total[w] for w in words], dtype=float)[:, None]
    within = np.array([inside.get(w, none) for w in words]).reshape(len(words), len(TECHNIQUES))
    p = (within + smoothing * prior) / (counts + smoothing)
    return words, np.log(p / (1 - p)) - np.log(prior / (1 - prior))


WORD_SPAN_TECHNIQUES = ("Loaded_Language", "Name_Calling-Labeling")
"""The techniques located by a few words as well as by a sentence (:meth:`PersuasionClassifier.locate_words`):
annotators mark them on single words or short phrases, and on those the words beat the sentence
(docs/persuasion.md, "Word spans")."""
_WORD_SPAN_MAX = 4


def _word_span(tokens: list[tuple[str, int, int]], score_of: dict[str, float]) -> tuple[int, int, float] | None:
    """``(start, end, score)`` of the word of ``tokens`` (:func:`_word_spans` of a text) with the
    highest positive score in ``score_of`` (the first of equals) and the run of neighbours scoring
    above 0 around it (first to the left, then to the right), at most :data:`_WORD_SPAN_MAX` words
    in all; ``score`` is the top word's. ``None`` when no word scores above 0."""
    scores = np.array([score_of.get(word, 0.0) for word, _, _ in tokens])
    if not len(scores) or scores.max() <= 0:
        return None
    top = lo = hi = int(np.argmax(scores))
    while lo > 0 and scores[lo - 1] > 0 and hi - lo + 1 < _WORD_SPAN_MAX:
        lo -= 1
    while hi + 1 < len(tokens) and scores[hi + 1] > 0 and hi - lo + 1 < _WORD_SPAN_MAX:
        hi += 1
    return tokens[lo][1], tokens[hi][2], float(scores[top])


def _lexicon_features(texts: Sequence[str], words: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Per paragraph and technique: the highest, the mean and the mean of the three highest
    scores (:func:`span_lexicon`) of its words; a word the lexicon lacks scores 0. ``(n, 69)``."""
    row_of = {w: i for i, w in enumerate(words.tolist())}
    padded = np.vstack([scores, np.zeros((1, len(TECHNIQUES)))])  # the last row: a word not in the lexicon
    out = np.zeros((len(texts), 3 * len(TECHNIQUES)))
    for i, text in enumerate(texts):
        rows = [row_of.get(word, len(words)) for word, _, _ in _word_spans(str(text))]
        if rows:
            R = padded[rows]
            top = -np.sort(-R, axis=0)[:3]
            out[i] = np.concatenate([R.max(axis=0), R.mean(axis=0), top.mean(axis=0)])
    return out


def _word_vectorizer(vocabulary=None, idf=None, max_features: int | None = None):
    from sklearn.feature_extraction.text import TfidfVectorizer

    options = {"ngram_range": (1, 2), "min_df": 2, "sublinear_tf": True, "dtype": np.float64}
    return _restore(TfidfVectorizer(**options, max_features=max_features) if vocabulary is None else
                    TfidfVectorizer(**options, vocabulary={t: i for i, t in enumerate(vocabulary.tolist())}), idf)


def _char_vectorizer(vocabulary=None, idf=None, max_features: int | None = None):
    from sklearn.feature_extraction.text import TfidfVectorizer

    options = {"analyzer": "char_wb", "ngram_range": (2, 5), "min_df": 3, "sublinear_tf": True,
               "dtype": np.float64}
    return _restore(TfidfVectorizer(**options, max_features=max_features) if vocabulary is None else
                    TfidfVectorizer(**options, vocabulary={t: i for i, t in enumerate(vocabulary.tolist())}), idf)


def _restore(vectorizer, idf):
    if idf is not None:
        vectorizer.idf_ = np.asarray(idf, dtype=np.float64)
    return vectorizer


def _vocabulary(vectorizer) -> np.ndarray:
    terms = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    return np.asarray(terms, dtype=str)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0)))


_GRID = np.round(np.arange(0.1, 0.951, 0.025), 4)


def _micro_f1(Y: np.ndarray, Z: np.ndarray) -> float:
    tp, pred, gold = int((Y & Z).sum()), int(Z.sum()), int(Y.sum())
    return 2 * tp / (pred + gold) if pred + gold else 0.0


def _global_threshold(Y: np.ndarray, P: np.ndarray) -> float:
    scores = [_micro_f1(Y, (P >= t).astype(np.int8)) for t in _GRID]
    return float(_GRID[int(np.argmax(scores))])


def _tuned_thresholds(Y: np.ndarray, P: np.ndarray, fallback: float, min_support: int) -> np.ndarray:
    """Per technique, the threshold maximising its F1 on ``P``; ``fallback`` for techniques
    with fewer than ``min_support`` positive rows."""
    out = np.full(Y.shape[1], fallback)
    for j in range(Y.shape[1]):
        if Y[:, j].sum() < min_support:
            continue
        f1 = [2 * int(((P[:, j] >= t) & (Y[:, j] == 1)).sum()) / max(1, int((P[:, j] >= t).sum() + Y[:, j].sum()))
              for t in _GRID]
        out[j] = _GRID[int(np.argmax(f1))]
    return out


# --------------------------------------------------------------------------- the classifier


class PersuasionClassifier:
    """Persuasion techniques of paragraphs, one logistic-regression head per technique.

    Parameters
    ----------
    C
        Inverse regularisation strength of every head (liblinear, L2, class-balanced).
    char
        Include character 2-5-grams.
    context
        Weight of the neighbouring paragraphs' TF-IDF words (0 leaves them out).
    dense
        Weight of the standardised hand features (0 leaves them out).
    word_features, char_features
        Vocabulary caps (most frequent terms in the training paragraphs).
    threshold
        ``"global"``: one threshold for all techniques, maximising micro-F1 on out-of-fold
        probabilities of ``inner_folds`` folds of the training documents; ``"tuned"``: one
        per technique (techniques with fewer than ``min_support`` positive training paragraphs
        get the global one); a number: that threshold for all.
    min_positives
        Techniques with fewer positive training paragraphs get no head (never predicted).
    sentence_weight
        Weight of the sentence heads in a paragraph's probability: ``(1 - w) * paragraph head +
        w * max over the paragraph's sentences of the sentence head``. The sentence heads are
        trained on the span annotations (a sentence overlapping a span of a technique is
        positive), so ``fit`` needs ``spans`` when ``w > 0``.
    sentence_char
        The sentence heads read the character n-grams as well as the words (when ``char``). The
        packaged model does; folders saved before this option load with ``False``, as they were
        trained.
    vectors
        Weight of each paragraph's MiniLM vector (:class:`framing.encoder.SentenceEncoder`, the
        paragraph encoded alone) in the paragraph heads' features; 0 (the packaged model) leaves
        them out and runs no encoder. Cross-validated gain and cost: docs/persuasion.md.
    lexicon
        Weight of the span-lexicon features in the paragraph heads' features: per technique the
        highest, mean and top-three mean score of the paragraph's words in a lexicon of the words
        annotators put inside that technique's spans (:func:`span_lexicon`), standardised. The
        training paragraphs get their values from lexicons of the other training articles
        (3 folds of whole articles), so that the heads do not learn from words scored on their
        own spans; ``fit`` needs ``spans`` when ``lexicon > 0``. 0 (the packaged model) leaves
        them out. Cross-validated gain: docs/persuasion.md.
    """

    def __init__(self, *, C: float = 1.0, char: bool = True, context: float = 0.5, dense: float = 0.3,
                 word_features: int | None = None, char_features: int | None = 40000,
                 threshold: str | float = 0.45, inner_folds: int = 3, min_support: int = 20,
                 min_positives: int = 2, sentence_weight: float = 0.5, sentence_char: bool = True,
                 vectors: float = 0.0,
                 lexicon: float = 0.0, random_state: int = 0) -> None:
        self.C = C
        self.char = char
        self.context = context
        self.dense = dense
        self.word_features = word_features
        self.char_features = char_features
        self.threshold = threshold
        self.inner_folds = inner_folds
        self.min_support = min_support
        self.min_positives = min_positives
        self.sentence_weight = sentence_weight
        self.sentence_char = sentence_char
        self.vectors = vectors
        self.lexicon = lexicon
        self.random_state = random_state

    def get_params(self) -> dict:
        return {name: getattr(self, name) for name in ("C", "char", "context", "dense", "word_features",
                                                       "char_features", "threshold", "inner_folds", "min_support",
                                                       "min_positives", "sentence_weight", "sentence_char",
                                                       "vectors", "lexicon", "random_state")}

    # ------------------------------------------------------------------ features
    def _fit_features(self, texts: list[str], docs: list, first: list[bool]) -> None:
        self.word_ = _word_vectorizer(max_features=self.word_features).fit(texts)
        self.char_ = _char_vectorizer(max_features=self.char_features).fit(texts) if self.char else None
        if self.dense:
            D = _dense_features(texts, docs, first)
            self.dense_mean_, self.dense_scale_ = D.mean(axis=0), D.std(axis=0) + 1e-6

    def _lexical(self, texts: list[str]):
        """The features of the sentence heads: the paragraph heads' TF-IDF words, and their
        character n-grams with ``sentence_char``."""
        words = self.word_.transform(texts)
        if self.sentence_char and self.char_ is not None:
            return sp.hstack([words, self.char_.transform(texts)]).tocsr()
        return words

    def _fit_lexicon(self, paragraphs: pd.DataFrame, spans: pd.DataFrame) -> np.ndarray:
        """Fit the span lexicon on all of ``paragraphs``; return the training paragraphs' lexicon
        features, each from the lexicon of the other folds' articles (see ``lexicon``)."""
        texts = [str(t) for t in paragraphs["text"]]
        # seeded apart from the inner folds that choose a threshold (random_state + 1)
        fold = _document_folds(paragraphs["doc_id"].astype(str).to_numpy(), _LEXICON_FOLDS, self.random_state + 7)
        rows = np.zeros((len(texts), 3 * len(TECHNIQUES)))
        for k in range(_LEXICON_FOLDS):
            held = np.flatnonzero(fold == k)
            if len(held):
                words, scores = span_lexicon(paragraphs.iloc[np.flatnonzero(fold != k)], spans)
                rows[held] = _lexicon_features([texts[i] for i in held], words, scores)
        self.lexicon_words_, self.lexicon_scores_ = span_lexicon(paragraphs, spans)
        self.lexicon_mean_, self.lexicon_scale_ = rows.mean(axis=0), rows.std(axis=0) + 1e-6
        return rows

    def _features(self, texts: list[str], docs: list, first: list[bool], lexicon_rows: np.ndarray | None = None):
        """The paragraph heads' features; ``lexicon_rows`` (training only) replaces the lexicon
        features computed from the fitted lexicon."""
        words = self.word_.transform(texts)
        blocks = [words]
        if self.char_ is not None:
            blocks.append(self.char_.transform(texts))
        if self.context:
            prev, nxt = _neighbours(docs)
            empty = sp.csr_matrix((1, words.shape[1]))
            padded = sp.vstack([words, empty]).tocsr()  # row -1 is the empty row
            blocks.append(self.context * 0.5 * (padded[prev] + padded[nxt]))
        if self.dense:
            D = (_dense_features(texts, docs, first) - self.dense_mean_) / self.dense_scale_
            blocks.append(sp.csr_matrix(self.dense * D))
        if self.vectors:
            blocks.append(sp.csr_matrix(self.vectors * _paragraph_vectors(texts)))
        if self.lexicon:
            if lexicon_rows is None:
                lexicon_rows = _lexicon_features(texts, self.lexicon_words_, self.lexicon_scores_)
            blocks.append(sp.csr_matrix(self.lexicon * (lexicon_rows - self.lexicon_mean_) / self.lexicon_scale_))
        return sp.hstack(blocks).tocsr()

    # ------------------------------------------------------------------ heads
    def _fit_heads(self, X, Y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        from sklearn.linear_model import LogisticRegression

        coef = np.zeros((Y.shape[1], X.shape[1]))
        intercept = np.full(Y.shape[1], -30.0)  # no head: probability ~0
        for j in range(Y.shape[1]):
            if Y[:, j].sum() < self.min_positives:
                continue
            head = LogisticRegression(C=self.C, class_weight="balanced", solver="liblinear", max_iter=2000,
                                      random_state=self.random_state)
            head.fit(X, Y[:, j])
            coef[j], intercept[j] = head.coef_[0], head.intercept_[0]
        return coef, intercept

    def fit(self, paragraphs: pd.DataFrame, spans: pd.DataFrame | None = None) -> PersuasionClassifier:
        """Fit on ``paragraphs`` (columns ``doc_id``, ``text``, ``techniques`` and optionally
        ``line``; rows of one document in reading order), as :func:`load_semeval_persuasion`
        returns them. With ``spans`` (same source) the sentence heads of :meth:`locate` are fitted too."""
        texts, docs, first = _columns(paragraphs)
        Y = label_matrix(paragraphs["techniques"])
        if self.sentence_weight and spans is None:
            raise ValueError("sentence_weight > 0 needs the span annotations: fit(paragraphs, spans)")
        if self.lexicon and spans is None:
            raise ValueError("lexicon > 0 needs the span annotations: fit(paragraphs, spans)")
        if isinstance(self.threshold, str):
            if self.threshold not in ("global", "tuned"):
                raise ValueError(f"threshold must be 'global', 'tuned' or a number, got {self.threshold!r}")
            oof = self._inner_oof(paragraphs, Y, spans)
            global_t = _global_threshold(Y, oof)
            self.thresholds_ = (np.full(len(TECHNIQUES), global_t) if self.threshold == "global"
                                else _tuned_thresholds(Y, oof, global_t, self.min_support))
        else:
            self.thresholds_ = np.full(len(TECHNIQUES), float(self.threshold))
        self._fit_features(texts, docs, first)
        lexicon_rows = self._fit_lexicon(paragraphs, spans) if self.lexicon else None
        self.coef_, self.intercept_ = self._fit_heads(self._features(texts, docs, first, lexicon_rows), Y)
        self.support_ = Y.sum(axis=0)
        self.sentence_coef_ = None
        self._set_word_spans(None, None)
        if spans is not None:
            sentences, S = sentence_examples(paragraphs, spans)
            self.sentence_coef_, self.sentence_intercept_ = self._fit_heads(self._lexical(sentences), S)
            self._fit_word_spans(paragraphs, spans)
        return self

    def _fit_word_spans(self, paragraphs: pd.DataFrame, spans: pd.DataFrame) -> None:
        """Keep the span lexicon's columns of :data:`WORD_SPAN_TECHNIQUES`, for the words that
        score above 0 in one of them (the others cannot start or extend a word span)."""
        if self.lexicon:
            words, scores = self.lexicon_words_, self.lexicon_scores_
        else:
            words, scores = span_lexicon(paragraphs, spans)
        scores = scores[:, [TECHNIQUES.index(t) for t in WORD_SPAN_TECHNIQUES]]
        keep = (scores > 0).any(axis=1)
        self._set_word_spans(words[keep], scores[keep])

    def _set_word_spans(self, words: np.ndarray | None, scores: np.ndarray | None) -> None:
        self.span_words_, self.span_scores_ = words, scores
        self._span_score_of = ({} if words is None else
                               {t: dict(zip(words.tolist(), scores[:, j].tolist()))
                                for j, t in enumerate(WORD_SPAN_TECHNIQUES)})

    def _inner_oof(self, paragraphs: pd.DataFrame, Y: np.ndarray, spans: pd.DataFrame | None) -> np.ndarray:
        docs = paragraphs["doc_id"].astype(str).to_numpy()
        fold = _document_folds(docs, self.inner_folds, self.random_state + 1)
        oof = np.zeros(Y.shape)
        params = {**self.get_params(), "threshold": 0.5}
        for k in range(self.inner_folds):
            train, test = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
            inner = PersuasionClassifier(**params).fit(paragraphs.iloc[train], spans)
            oof[test] = inner.predict_proba(paragraphs.iloc[test])
        return oof

    def _check_fitted(self) -> None:
        if not hasattr(self, "coef_"):
            raise RuntimeError("this PersuasionClassifier is not fitted: call fit() or load_persuasion_model()")

    def predict_proba(self, paragraphs: pd.DataFrame) -> np.ndarray:
        """``(n, 23)`` probabilities in :data:`TECHNIQUES` order."""
        self._check_fitted()
        texts, docs, first = _columns(paragraphs)
        if not texts:
            return np.zeros((0, len(TECHNIQUES)))
        X = self._features(texts, docs, first)
        proba = _sigmoid(np.asarray(X @ self.coef_.T) + self.intercept_)
        if self.sentence_weight:
            owner, sentences = [], []
            for i, text in enumerate(texts):
                for a, b in split_sentences(text):
                    owner.append(i)
                    sentences.append(text[a:b])
            best = np.zeros_like(proba)
            if sentences:
                np.maximum.at(best, np.asarray(owner), self.sentence_proba(sentences))
            proba = (1 - self.sentence_weight) * proba + self.sentence_weight * best
        return proba

    def predict(self, paragraphs: pd.DataFrame) -> list[tuple[str, ...]]:
        """The techniques predicted for each paragraph."""
        proba = self.predict_proba(paragraphs)
        return [tuple(TECHNIQUES[j] for j in np.flatnonzero(row >= self.thresholds_)) for row in proba]

    def sentence_proba(self, sentences: Sequence[str]) -> np.ndarray:
        """``(n, 23)`` sentence-level scores (the heads :meth:`locate` uses)."""
        self._check_fitted()
        if self.sentence_coef_ is None:
            raise RuntimeError("this model has no sentence heads: fit it with spans")
        sentences = list(sentences)
        if not sentences:
            return np.zeros((0, len(TECHNIQUES)))
        return _sigmoid(np.asarray(self._lexical(sentences) @ self.sentence_coef_.T) + self.sentence_intercept_)

    def locate(self, paragraph: str, techniques: Sequence[str]) -> dict[str, tuple[int, int, float]]:
        """For each technique, ``(start, end, score)`` of the sentence of ``paragraph`` (offsets into
        it) that most likely carries it; the whole paragraph when it is one sentence."""
        sentences = split_sentences(paragraph)
        if not sentences:
            return {}
        scores = self.sentence_proba([paragraph[a:b] for a, b in sentences])
        out = {}
        for technique in techniques:
            j = TECHNIQUES.index(technique)
            best = int(np.argmax(scores[:, j]))
            out[technique] = (sentences[best][0], sentences[best][1], float(scores[best, j]))
        return out

    def locate_words(self, paragraph: str, techniques: Sequence[str]) -> dict[str, tuple[int, int, float]]:
        """For each technique of ``techniques`` in :data:`WORD_SPAN_TECHNIQUES`, ``(start, end,
        score)`` of the few words of ``paragraph`` (offsets into it) that most likely carry it: the
        word annotators most often put inside that technique's spans (its score in
        :func:`span_lexicon`, fitted on the training spans) with its positive-scoring neighbours,
        at most four words. A technique is left out when no word of the paragraph scores above 0,
        and all are when the model was fitted without spans or saved before word spans existed."""
        self._check_fitted()
        score_of = getattr(self, "_span_score_of", {})
        tokens = _word_spans(paragraph)
        spans = {t: _word_span(tokens, score_of[t]) for t in techniques if t in score_of}
        return {t: span for t, span in spans.items() if span is not None}

    def version(self) -> str:
        return getattr(self, "version_", FORMAT)


def _columns(paragraphs: pd.DataFrame) -> tuple[list[str], list, list[bool]]:
    texts = [str(t) for t in paragraphs["text"]]
    docs = paragraphs["doc_id"].tolist() if "doc_id" in paragraphs else [0] * len(texts)
    if "first" in paragraphs:
        first = [bool(v) for v in paragraphs["first"]]
    elif "line" in paragraphs:
        first = [int(v) == 1 for v in paragraphs["line"]]
    else:
        first = [i == 0 or docs[i] != docs[i - 1] for i in range(len(texts))]
    return texts, docs, first


def _neighbours(docs: Sequence) -> tuple[np.ndarray, np.ndarray]:
    """Row of the previous and next paragraph of the same document (-1 when none)."""
    n = len(docs)
    prev, nxt = np.full(n, -1), np.full(n, -1)
    last: dict = {}
    for i, doc in enumerate(docs):
        if doc in last:
            prev[i], nxt[last[doc]] = last[doc], i
        last[doc] = i
    return prev, nxt


def _document_folds(docs: np.ndarray, n_folds: int, seed: int) -> np.ndarray:
    """Fold number of each row: documents shuffled with ``seed`` and dealt round-robin."""
    unique = np.array(sorted(set(docs.tolist())))
    np.random.RandomState(seed).shuffle(unique)
    fold_of = {doc: i % n_folds for i, doc in enumerate(unique)}
    return np.array([fold_of[d] for d in docs], dtype=int)


def label_matrix(labels) -> np.ndarray:
    """0/1 matrix ``(n, 23)`` in :data:`TECHNIQUES` order from sequences of technique names."""
    return multi_hot(labels, TECHNIQUES, "technique")


def sentence_examples(paragraphs: pd.DataFrame, spans: pd.DataFrame) -> tuple[list[str], np.ndarray]:
    """The sentences of the paragraphs and their labels: a sentence is positive for a technique
    when an annotated span of that technique overlaps it."""
    by_line = _spans_by_line(spans)
    index = {t: j for j, t in enumerate(TECHNIQUES)}
    texts, rows = [], []
    for doc_id, line, text in zip(paragraphs["doc_id"], paragraphs["line"], paragraphs["text"]):
        marks = by_line.get((doc_id, int(line)), [])
        for a, b in split_sentences(text):
            label = np.zeros(len(TECHNIQUES), dtype=np.int8)
            for technique, start, end in marks:
                if start < b and end > a and technique in index:
                    label[index[technique]] = 1
            texts.append(text[a:b])
            rows.append(label)
    return texts, np.array(rows, dtype=np.int8).reshape(-1, len(TECHNIQUES))


# --------------------------------------------------------------------------- actors


_ATTACKS = ("Name_Calling-Labeling", "Loaded_Language", "Doubt", "Guilt_by_Association", "Appeal_to_Hypocrisy",
            "Questioning_the_Reputation", "Exaggeration-Minimisation", "Appeal_to_Fear-Prejudice")
"""Techniques tied to the actor they target (:func:`tie_actor`)."""

_ATTACK_VERBS = frozenset({
    "accuse", "blame", "brand", "condemn", "criticise", "criticize", "decry", "deny", "denounce", "deride",
    "describe", "dismiss", "dub", "label", "lambast", "mock", "rebuke", "ridicule", "scoff", "slam", "blast",
    "taunt", "retort", "call", "reject",
})
"""Verbs of attacking someone in words: their subject uses the device and is not its target
("Moscow called the Kyiv leadership a gang of thugs")."""

_NOT_SPEAKING = frozenset({"lecture", "preach", "promise", "pledge", "vow", "predict"})
"""Reporting verbs whose subject is more often the one a device is aimed at than the one using it
("Washington now lectures us about the laws of war", "experts who promised ...")."""

_OWN_WORDS = ("Appeal_to_Hypocrisy", "Questioning_the_Reputation")
"""Techniques about an actor's conduct or character, where an actor's own speaking is often what
the device holds against them ("Macron will no doubt tell everyone he saw this coming"): there
only the verbs of attacking in words, not all reporting verbs, make a mention a source."""

_CLAIM_NOUNS = frozenset({"claim", "allegation", "assertion", "version", "narrative", "story", "figure", "tally",
                          "account", "insistence", "denial", "promise", "assurance"})
"""Nouns of a claim: doubt cast on "Kyiv's version" is cast on Kyiv."""

_NOT_THE_ACTOR = frozenset({
    "newspaper", "paper", "media", "press", "broadcaster", "television", "tv", "channel", "outlet", "journalist",
    "reporter", "correspondent", "columnist", "editor", "commentator", "pundit", "blogger", "presenter", "anchor",
    "host", "expert", "analyst", "propagandist", "billionaire",
    "oligarch", "tycoon", "businessman", "businessmen", "club", "company", "firm", "lobbyist",
    "community", "diaspora", "neighborhood", "neighbourhood", "refugee", "family", "volunteer", "emigre",
})
"""Nouns of media, commentators, private people and communities: an actor's name or adjective
that only modifies them ("Western newspapers", "Russian billionaires", "Moscow's propagandists",
"the city's Ukrainian neighborhoods") does not make the actor the target of a device aimed at
them."""

_CLIMB = frozenset({"compound", "amod", "poss", "nmod", "appos", "conj", "npadvmod"})
_CLIMB_PREPOSITIONS = frozenset({"of", "in", "from", "at"})


def _nominal(token):
    """The noun a mention's words belong to, and the words climbed on the way: up through
    compounds, adjectives, possessives, appositions, conjuncts and "of/in/from/at" phrases
    ("Kremlin spokesman Dmitry Peskov" -> Peskov; "officials in Kyiv" -> officials)."""
    path = [token]
    for _ in range(8):
        if token.dep_ in _CLIMB and token.head is not token:
            token = token.head
        elif (token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ in _CLIMB_PREPOSITIONS
              and token.head.head.pos_ in ("NOUN", "PROPN", "PRON")):
            token = token.head.head
        else:
            break
        path.append(token)
    return token, path


def mention_roles(doc, mentions: Sequence[dict]) -> list[str | None]:
    """What each actor mention of ``doc`` is in its sentence, for :func:`tie_actor`, read from the
    parse (``mentions`` as in the ``mentions`` table: ``start``, ``end`` in ``doc.text``):

    - ``"source:attack"``: it attacks someone in words: the subject of a verb such as "call",
      "brand", "accuse", "dismiss", "reject" ("Moscow called ..."), or its agent in the passive;
      in a title-case headline, where the parse is unreliable, an actor directly followed by such
      a verb ("Moscow Rejects ...");
    - ``"source:report"``: the same with another reporting verb ("said", "warned", "according
      to"), except verbs whose subject is usually the one held to account ("lectures",
      "promised");
    - ``"doubted"``: its claim is put in doubt: the subject of a distancing verb ("Russia claimed"),
      the owner of a claim noun ("Kyiv's version") or of a word in scare quotes (Minsk's
      "elections"), or a "so-called" noun ("the so-called peacemaker in the White House");
    - ``"bystander"``: it only qualifies media, correspondents, commentators, private people or
      communities ("Western newspapers", "Russian billionaires"); it is where another actor's body
      sits ("Moscow's embassy in Washington"); it describes a speaker ("Russia's ambassador to the
      United Nations, told ..."); it is the audience of a reported clause ("told the Security
      Council that ...");
    - ``"agent"``: the one acting in a passive or an action noun ("shelled by Russian artillery",
      "an attempt by the West to ...");
    - None otherwise.
    """
    verbs = _reporting_verbs()
    spans = []
    for mention in mentions:
        span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
        spans.append(span if span is not None and len(span) else None)
    roles = [None if span is None else _role(span, verbs) for span in spans]
    _places(spans, mentions, roles)
    _before_colon(doc, mentions, roles)
    return roles


def _before_colon(doc, mentions: Sequence[dict], roles: list[str | None]) -> None:
    """A short lead-in before a colon that opens with an actor names who speaks ("Putin in Minsk:
    Zelensky's Term Is Over"; "Lavrov: ..."): its mentions are sources."""
    for sentence in doc.sents:
        colon = next((t for t in sentence if t.text == ":"), None)
        if colon is None or colon.i - sentence.start > 6 or any(t.pos_ == "VERB" for t in doc[sentence.start:colon.i]):
            continue
        lead = [k for k, m in enumerate(mentions) if sentence.start_char <= m["start"] and m["end"] <= colon.idx]
        if not lead or min(mentions[k]["start"] for k in lead) != sentence.start_char:
            continue  # "The Kidnapper in the Kremlin: ..." is a label, not a speaker
        for k in lead:
            if roles[k] != "bystander":
                roles[k] = "source:report"


def _places(spans: list, mentions: Sequence[dict], roles: list[str | None]) -> None:
    """A mention in an "in/at" phrase of a noun that another actor owns is where that actor's
    body sits, not a party ("Moscow's embassy in Washington"): make it a ``bystander``.
    ``spans`` are the mentions' token spans (None where a mention covers no token)."""
    owner_of = {}
    for k, span in enumerate(spans):
        if span is not None and span.root.dep_ in ("poss", "compound", "amod"):
            owner_of.setdefault(span.root.head.i, mentions[k]["actor"])
    for k, span in enumerate(spans):
        if span is None or roles[k] == "doubted":
            continue
        root = span.root
        if (root.dep_ == "pobj" and root.head.lower_ in ("in", "at") and root.head.head.i in owner_of
                and owner_of[root.head.head.i] != mentions[k]["actor"]):
            roles[k] = "bystander"


def _speech(token, verbs) -> str | None:
    """``"attack"`` for a verb of attacking in words, ``"report"`` for another reporting verb, else
    None; also None for a verb whose object is its own subject ("Beijing calls itself neutral")."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    if any(child.dep_ in ("dobj", "oprd") and child.lower_ in _REFLEXIVES for child in token.children):
        return None
    lemma = token.lemma_.lower()
    if lemma in _ATTACK_VERBS:
        return "attack"
    return "report" if verbs.classify(lemma) is not None and lemma not in _NOT_SPEAKING else None


_STATEMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "letter", "note", "post", "tweet", "message",
                              "comment", "remark"})


def _speaks_through(verb, verbs) -> str | None:
    """Whether the subject of ``verb`` speaks through another word: a participle or second verb
    with no subject of its own ("Moscow's embassy went further, calling the photographs fake"),
    or a statement it issues ("issued a statement calling the protesters provocateurs")."""
    for child in verb.children:
        if child.dep_ in ("advcl", "xcomp", "conj") and child.pos_ == "VERB" \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            kind = _speech(child, verbs)
            if kind:
                return kind
        if child.dep_ == "dobj" and child.lemma_.lower() in _STATEMENT_NOUNS:
            acl = [c for c in child.children if c.dep_ == "acl" and _speech(c, verbs)]
            return _speech(acl[0], verbs) if acl else "report"
    return None


_REFLEXIVES = frozenset({"itself", "himself", "herself", "themselves", "ourselves", "myself"})


def _role(span, verbs) -> str | None:
    noun, path = _nominal(span.root)
    head = noun.head
    if any(t.lemma_.lower() in _NOT_THE_ACTOR or t.lower_ in _NOT_THE_ACTOR for t in path[1:]):
        return "bystander"
    if any(t.lower_ == "so-called" or (t.lemma_.lower() == "call" and t.dep_ == "amod"
                                        and any(c.lower_ == "so" for c in t.children)) for t in noun.children):
        return "doubted"  # "the so-called peacekeepers"
    if noun.dep_ in ("nsubj", "nsubjpass") and verbs.classify(head.lemma_.lower()) == "distancing" \
            and head.pos_ == "VERB":
        return "doubted"
    if noun is not span.root and (noun.lemma_.lower() in _CLAIM_NOUNS or _quoted(noun)):
        return "doubted"
    if noun.dep_ == "nsubj" and (kind := _speech(head, verbs) or _speaks_through(head, verbs)):
        return f"source:{kind}"
    if noun.dep_ == "pobj" and head.dep_ == "agent" and (kind := _speech(head.head, verbs)):
        return f"source:{kind}"
    if noun.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return "source:report"
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if following is not None and following.is_title:
        stem = following.lower_[:-1] if following.lower_.endswith("s") else following.lower_
        if stem in _ATTACK_VERBS or stem + "e" in _ATTACK_VERBS:
            return "source:attack"
        if stem in _headline_verbs(verbs):
            return "source:report"
    if _under_speaker(noun, verbs) or (noun.dep_ in ("dobj", "dative") and head.lemma_.lower() in _AUDIENCE_VERBS
                                       and any(c.dep_ == "ccomp" for c in head.children)):
        return "bystander"
    if noun.dep_ == "pobj" and (head.dep_ == "agent" or (head.lower_ == "by" and head.head.pos_ == "NOUN")):
        return "agent"
    return None


_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"})


def _quoted(noun) -> bool:
    """Whether a noun stands in quotation marks of its own (scare quotes: Kyiv's "democracy")."""
    doc = noun.doc
    left = min([noun.i] + [t.i for t in noun.lefts if t.dep_ in ("compound", "amod") and t.i > noun.i - 4])
    before = doc[left - 1] if left > 0 else None
    after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if after is not None and after.is_punct and after.text not in _QUOTE_MARKS and noun.i + 2 < len(doc):
        after = doc[noun.i + 2]
    return before is not None and after is not None and before.text in _QUOTE_MARKS and after.text in _QUOTE_MARKS


_AUDIENCE_VERBS = frozenset({"tell", "inform", "brief", "address", "assure", "reassure"})
"""Verbs whose object is the audience of a reported clause ("told the Security Council that ..."); the
one addressed in a direct quotation ("told the Ukrainian president: you will ...") may be its target."""


def _under_speaker(noun, verbs) -> bool:
    """Whether a noun is part of how a speaker is described ("Vassily Nebenzia, Russia's
    ambassador to the United Nations, told ..."): below the subject of a speech verb."""
    token = noun
    for _ in range(12):
        head = token.head
        if head is token or token.pos_ in ("VERB", "AUX"):
            return False
        if token is not noun and token.dep_ == "nsubj" and (_speech(head, verbs) or _speaks_through(head, verbs)):
            return True
        token = head
    return False


@functools.lru_cache(maxsize=1)
def _reporting_verbs():
    from framing.quotes import ReportingVerbs

    return ReportingVerbs.default()


@functools.lru_cache(maxsize=1)
def _headline_verbs(verbs) -> frozenset[str]:
    """Present-tense stems of the speech verbs, as a title-case headline writes them ("Rejects")."""
    lemmas = {lemma for group in verbs.classes.values() for lemma in group if " " not in lemma} - _NOT_SPEAKING
    return frozenset(lemmas | {lemma[:-1] for lemma in lemmas if lemma.endswith("e")})


_UNVERIFIED = re.compile(
    r"\b(?:could not|cannot|can't|couldn't|can not) (?:be )?(?:independently )?(?:verif|confirm)|"
    r"\bwithout (?:providing |offering |giving )?(?:any )?evidence|\b(?:offered|provided|gave|presented) no evidence|"
    r"\bunverified\b|\bunsubstantiated\b|\bno evidence\b", re.IGNORECASE)
"""Words that say a reported claim is unproven ("figures that could not be verified")."""

_SIDE_DESCRIPTIONS = (
    (re.compile(r"\b(?:occupiers?|occupying (?:forces|troops|army)|occupation (?:forces|troops|army|authorities)|"
                r"invaders?|invading (?:forces|troops|army)|the aggressor(?: state| country)?|"
                r"(?:a|the) terrorist state|rashists?|ruscists?|orcs)\b", re.IGNORECASE), "russia"),
    (re.compile(r"\bAnglo-Saxons?\b"), "the_west"),
)
"""Descriptions that name a side of the war without naming it, in coverage of the Russia-Ukraine war
("the occupiers", "the aggressor state", "the Anglo-Saxons"): candidates for the tie, not
mentions (the ``mentions`` table does not count them)."""

_OWN_SIDE = ("Doubt", "Exaggeration-Minimisation", "Appeal_to_Hypocrisy", "Questioning_the_Reputation")
"""Techniques that can be aimed at the speaker: their words doubted, their own losses played down,
their own words held against them."""


def tie_actor(technique: str, start: int, end: int, mentions: Sequence[dict],
              quotes: Sequence[dict] = (), text: str | None = None) -> tuple[str | None, tuple[str, ...]]:
    """The actor a technique found in ``[start, end)`` targets, and every actor mentioned there.

    ``mentions`` are actor mentions of the same field (dicts with ``actor``, ``start``, ``end``, as
    in the ``mentions`` table, and optionally ``role`` from :func:`mention_roles`); ``quotes`` the
    quotations of that field (``start``, ``end``, ``speaker_actor``, ``verb_class``, as in the
    ``quotes`` table); ``text`` the field's text (for the words of doubt below). Returns
    ``(target, actors)``: ``actors`` the distinct actors mentioned inside the span, in order of
    first mention; ``target`` is ``None`` for a technique outside :data:`_ATTACKS`, else one of
    those actors or of the sides of the war that the span describes without naming them
    (:data:`_SIDE_DESCRIPTIONS`: "the occupiers", "the Anglo-Saxons"), chosen as follows:

    - Doubt: an actor whose claim is put in doubt (role ``doubted``: "Russia claimed", "Kyiv's
      version", "the so-called peacekeepers from Minsk"); else the speaker of a quotation
      overlapping the span whose reporting verb distances the writer from it ("claimed",
      "alleged"), or, when the span says the claim is unproven ("could not be verified", "without
      evidence"), the speaker of any such quotation, mentioned in the span or not;
    - the speakers are set aside: the speakers of quotations overlapping the span and the actors
      with a mention of role ``source:attack``, or ``source:report`` outside
      Appeal_to_Hypocrisy and Questioning_the_Reputation; so are mentions that only qualify
      media, private people or places (``bystander``);
    - Loaded_Language: of the actors left, the first that acts in a passive ("villages flattened
      by Russian artillery", role ``agent``), else the first left;
    - the others: the first actor left;
    - when no actor is left: for Doubt, Exaggeration-Minimisation, Appeal_to_Hypocrisy and
      Questioning_the_Reputation, the first speaker who is not attacking in words (their own
      words doubted or held against them, their own losses played down), else None (the only
      actors named are the ones using the device).
    """
    inside = sorted((m for m in mentions if m["start"] >= start and m["end"] <= end), key=lambda m: m["start"])
    actors = tuple(dict.fromkeys(m["actor"] for m in inside))
    if technique not in _ATTACKS:
        return None, actors
    if text is not None:
        described = [{"actor": actor, "start": found.start(), "end": found.end(), "role": None}
                     for pattern, actor in _SIDE_DESCRIPTIONS for found in pattern.finditer(text, start, end)]
        inside = sorted(inside + described, key=lambda m: m["start"])
    near = [q for q in quotes if q.get("start", 0) < end and q.get("end", 0) > start and q.get("speaker_actor")]
    if technique == "Doubt":
        for m in inside:
            if m.get("role") == "doubted":
                return m["actor"], actors
        unproven = text is not None and _UNVERIFIED.search(text, start, end) is not None
        for q in near:
            if q.get("verb_class") == "distancing" or unproven:
                return q["speaker_actor"], actors
        if unproven:
            reported = [m["actor"] for m in inside if m.get("role") == "source:report"]
            if reported:
                return reported[0], actors
    if not inside:
        return None, actors
    speakers = {q["speaker_actor"] for q in near
                if not (technique in _OWN_WORDS and q.get("verb") in _NOT_SPEAKING)}
    kinds = ("source:attack",) if technique in _OWN_WORDS else ("source:attack", "source:report")
    speakers |= {m["actor"] for m in inside if m.get("role") in kinds}
    left = [m for m in inside if m["actor"] not in speakers and m.get("role") != "bystander"]
    if not left:
        if technique in _OWN_SIDE:
            attacking = {m["actor"] for m in inside if m.get("role") == "source:attack"}
            spoken = [m["actor"] for m in inside if m["actor"] in speakers and m["actor"] not in attacking]
            if spoken:
                return spoken[0], actors
        return None, actors
    if technique == "Loaded_Language":
        acting = [m for m in left if m.get("role") == "agent"]
        if acting:
            return acting[0]["actor"], actors
    return left[0]["actor"], actors


def evaluate_targets(gold: str | os.PathLike, corpus: str | os.PathLike, *, split: str = "all", nlp=None,
                     inventory=None, splits: str | os.PathLike | None = None) -> dict:
    """Score :func:`tie_actor` against a hand-annotated gold file of technique targets.

    ``gold`` is a JSONL file (format and guideline in ``docs/persuasion_targets_gold.md``): one
    record per sentence and technique, with ``article_id``, ``field`` (``title`` or ``text``),
    ``sentence`` (copied from that field, once only there), ``technique`` and ``target`` (an actor
    id, or null for a technique aimed at no actor of the inventory). The technique is taken as
    given: only the tie is scored. As ``framing analyze`` does, each field of an article is parsed,
    its actor mentions found and its quotations extracted, and the tie reads them. The split of
    each article comes from the split table ``splits`` (default: ``splits.yaml`` beside ``gold``).

    Returns ``split``, ``n_articles``, ``n``; ``accuracy`` (the found target equals the gold one,
    None included), ``precision`` (right among the records given a target), ``recall`` (right
    among the records whose gold names one), with their counts; ``first_actor`` the accuracy of
    always naming the first actor mentioned in the sentence (None for none), the baseline; the
    same per technique under ``per_technique``; and ``errors``: every disagreement with its
    sentence, the actors mentioned in it and the quotation speakers overlapping it.
    """
    from datetime import date as _date

    from framing._gold import gold_articles, read_gold, select_split
    from framing.actors import ActorInventory, MentionFinder
    from framing.quotes import QuoteExtractor

    rows = read_gold(gold, ("article_id", "field", "sentence", "technique", "target"), "persuasion target")
    inventory = inventory if inventory is not None else ActorInventory.default()
    known = {actor.id for actor in inventory.actors}
    for row in rows:
        if row["technique"] not in TECHNIQUES:
            raise ValueError(f"{gold}: {row['article_id']}: {row['technique']!r} is not a technique")
        if row["target"] is not None and row["target"] not in known:
            raise ValueError(f"{gold}: {row['article_id']}: target {row['target']!r} is not an actor of the inventory")
        if row["field"] not in ("title", "text"):
            raise ValueError(f"{gold}: {row['article_id']}: field must be 'title' or 'text', not {row['field']!r}")
    rows = select_split(rows, gold, split, splits=splits)
    frame, ids, _ = gold_articles(rows, corpus, gold)
    if nlp is None:
        from framing._nlp import load_nlp

        nlp = load_nlp()
    finder, extractor = MentionFinder(inventory, nlp), QuoteExtractor(inventory, nlp)
    results = []
    for article_id in ids:
        day = frame.loc[article_id, "date"]
        day = day if isinstance(day, _date) else None
        for field_name in ("title", "text"):
            records = [r for r in rows if r["article_id"] == article_id and r["field"] == field_name]
            if not records:
                continue
            value = str(frame.loc[article_id, field_name])
            doc = nlp(value)
            found = finder.find(doc, date=day)
            mentions = [{"actor": m.actor, "start": m.start, "end": m.end} for m in found]
            for mention, role in zip(mentions, mention_roles(doc, mentions)):
                mention["role"] = role
            quotes = [{"start": q.start, "end": q.end, "speaker_actor": q.speaker_actor, "verb": q.verb,
                       "verb_class": q.verb_class}
                      for q in extractor.extract(doc, date=day, mentions=found)]
            for record in records:
                start = value.find(record["sentence"])
                if start < 0 or value.find(record["sentence"], start + 1) >= 0:
                    raise ValueError(f"{gold}: {article_id}: the sentence {record['sentence']!r} occurs "
                                     f"{'nowhere' if start < 0 else 'more than once'} in the {field_name}")
                end = start + len(record["sentence"])
                target, actors = tie_actor(record["technique"], start, end, mentions, quotes, value)
                speakers = sorted({q["speaker_actor"] for q in quotes
                                   if q["speaker_actor"] and q["start"] < end and q["end"] > start})
                results.append({**record, "found": target, "actors": list(actors), "speakers": speakers,
                                "first_actor": actors[0] if actors else None})

    def scores(selected: list[dict]) -> dict:
        given = [r for r in selected if r["found"] is not None]
        named = [r for r in selected if r["target"] is not None]
        right = sum(r["found"] == r["target"] for r in given)
        return {"n": len(selected),
                "accuracy": sum(r["found"] == r["target"] for r in selected) / len(selected) if selected else None,
                "precision": right / len(given) if given else None,
                "recall": right / len(named) if named else None,
                "n_right": right, "n_given": len(given), "n_gold_named": len(named),
                "first_actor": (sum(r["first_actor"] == r["target"] for r in selected) / len(selected)
                                if selected else None)}

    report = {"split": split, "n_articles": len(ids), **scores(results)}
    report["per_technique"] = {t: scores([r for r in results if r["technique"] == t])
                               for t in TECHNIQUES if any(r["technique"] == t for r in results)}
    report["errors"] = [{key: r.get(key) for key in ("article_id", "field", "technique", "sentence", "target",
                                                      "found", "actors", "speakers", "note")}
                        for r in results if r["found"] != r["target"]]
    return report


# --------------------------------------------------------------------------- evaluation


def _counts(Y: np.ndarray, Z: np.ndarray) -> dict:
    tp, pred, gold = int((Y & Z).sum()), int(Z.sum()), int(Y.sum())
    return {"micro_f1": round(2 * tp / (pred + gold), 4) if pred + gold else 0.0,
            "micro_precision": round(tp / pred, 4) if pred else 0.0,
            "micro_recall": round(tp / gold, 4) if gold else 0.0}


def _per_technique(Y: np.ndarray, Z: np.ndarray, baseline: np.ndarray | None = None) -> dict:
    out = {}
    for j, technique in enumerate(TECHNIQUES):
        gold, pred, tp = int(Y[:, j].sum()), int(Z[:, j].sum()), int((Y[:, j] & Z[:, j]).sum())
        entry = {"f1": round(2 * tp / (gold + pred), 3) if gold + pred else 0.0, "support": gold, "predicted": pred}
        if baseline is not None:
            b_pred, b_tp = int(baseline[:, j].sum()), int((Y[:, j] & baseline[:, j]).sum())
            entry["baseline_f1"] = round(2 * b_tp / (gold + b_pred), 3) if gold + b_pred else 0.0
        out[technique] = entry
    return out


def _bootstrap(Y: np.ndarray, Z: np.ndarray, B: np.ndarray, docs: np.ndarray, *, n_boot: int = 1000,
               seed: int = 0) -> dict:
    """Micro-F1 intervals (2.5 and 97.5 percentiles) of the model, the baseline and their
    difference, resampling documents."""
    unique, inverse = np.unique(docs, return_inverse=True)
    tp_z = np.bincount(inverse, (Y & Z).sum(axis=1), len(unique))
    n_z = np.bincount(inverse, Z.sum(axis=1), len(unique))
    tp_b = np.bincount(inverse, (Y & B).sum(axis=1), len(unique))
    n_b = np.bincount(inverse, B.sum(axis=1), len(unique))
    gold = np.bincount(inverse, Y.sum(axis=1), len(unique))
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(unique), size=(n_boot, len(unique)))
    f_z = 2 * tp_z[draws].sum(1) / np.maximum(1, n_z[draws].sum(1) + gold[draws].sum(1))
    f_b = 2 * tp_b[draws].sum(1) / np.maximum(1, n_b[draws].sum(1) + gold[draws].sum(1))

    def ci(values):
        return [round(float(np.percentile(values, 2.5)), 4), round(float(np.percentile(values, 97.5)), 4)]

    return {"micro_f1_ci": ci(f_z), "baseline_micro_f1_ci": ci(f_b), "difference_ci": ci(f_z - f_b),
            "n_boot": n_boot, "unit": "document"}


class _Baseline:
    """TF-IDF word uni- and bigrams, one class-balanced logistic head per technique, threshold 0.5."""

    def fit(self, paragraphs: pd.DataFrame) -> _Baseline:
        self.model = PersuasionClassifier(char=False, context=0.0, dense=0.0, word_features=None,
                                          threshold=0.5, sentence_weight=0.0, lexicon=0.0).fit(paragraphs)
        return self

    def predict_matrix(self, paragraphs: pd.DataFrame) -> np.ndarray:
        return (self.model.predict_proba(paragraphs) >= 0.5).astype(np.int8)


def _span_check(model: PersuasionClassifier, paragraphs: pd.DataFrame, spans: pd.DataFrame, Y: np.ndarray,
                Z: np.ndarray) -> dict:
    """Counts for :func:`_span_summary` over the correctly predicted (paragraph, technique) pairs
    in paragraphs of two or more sentences that have a gold span of the technique: whether the
    sentence :meth:`PersuasionClassifier.locate` gives overlaps one, the first sentence does, and
    the expected share for a sentence drawn at random; for :data:`WORD_SPAN_TECHNIQUES`, the
    characters that the located sentence and the word span (:meth:`PersuasionClassifier.locate_words`)
    share with the gold spans' union."""
    by_line = _spans_by_line(spans)
    # per word-span technique, "sentence" and "words": characters shared with the gold spans,
    # characters located, gold characters, overlap (0/1); "bands": the pairs and those four by score band
    counts = {"pairs": 0, "hit": 0, "first": 0, "random": 0.0,
              "words": {t: {"pairs": 0, "with_word_span": 0, "sentence": np.zeros(4, dtype=int),
                            "words": np.zeros(4, dtype=int), "bands": {}} for t in WORD_SPAN_TECHNIQUES}}
    for i, (doc_id, line, text) in enumerate(zip(paragraphs["doc_id"], paragraphs["line"], paragraphs["text"])):
        sentences = split_sentences(text)
        chosen = [TECHNIQUES[j] for j in np.flatnonzero(Y[i] & Z[i])]
        if len(sentences) < 2 or not chosen:
            continue
        located, words = model.locate(text, chosen), model.locate_words(text, chosen)
        for technique in chosen:
            gold = [(a, b) for t, a, b in by_line.get((doc_id, int(line)), []) if t == technique]
            if not gold:
                continue
            overlaps = [any(a < e and b > s for s, e in gold) for a, b in sentences]
            start, end, _ = located[technique]
            counts["hit"] += any(start < e and end > s for s, e in gold)
            counts["first"] += overlaps[0]
            counts["random"] += sum(overlaps) / len(overlaps)
            counts["pairs"] += 1
            if technique in counts["words"]:
                cell = counts["words"][technique]
                truth = np.zeros(len(text), dtype=bool)
                for s, e in gold:
                    truth[s:e] = True
                cell["pairs"] += 1
                cell["with_word_span"] += technique in words
                for name, span in (("sentence", (start, end)), ("words", words.get(technique, (0, 0))[:2])):
                    mark = np.zeros(len(text), dtype=bool)
                    mark[span[0]:span[1]] = True
                    shared = int((mark & truth).sum())
                    counted = np.array([shared, mark.sum(), truth.sum(), shared > 0], dtype=int)
                    cell[name] += counted
                if technique in words:
                    band = _score_band(words[technique][2])
                    cell["bands"][band] = cell["bands"].get(band, 0) + np.array([1, *counted])
    return counts


_WORD_SCORE_BANDS = (1.0, 2.0, 3.0)


def _score_band(score: float) -> str:
    """The band of a word span's score (its top word's lexicon score, above 0) in
    :func:`_span_summary`: "0-1", "1-2", "2-3" or ">=3" for the edges of :data:`_WORD_SCORE_BANDS`."""
    edges = (0.0, *_WORD_SCORE_BANDS)
    k = int(np.searchsorted(_WORD_SCORE_BANDS, score, side="right"))
    return f">={edges[k]:g}" if k == len(_WORD_SCORE_BANDS) else f"{edges[k]:g}-{edges[k + 1]:g}"


def _span_summary(parts: Sequence[dict]) -> dict:
    """The shares of :func:`_span_check`, its counts summed over ``parts`` (the folds): of the
    pairs, the share whose located sentence overlaps a gold span (``located_sentence_hit``),
    beside the first sentence and a random one; under ``words``, per word-span technique, the
    character precision, recall and F1 of the located sentence and of the word span against the
    gold spans, pooled over the pairs (a pair without a word span locates no character), and the
    share of pairs each overlaps; ``by_score``: the word spans' scores by band of their
    ``score`` (the top word's lexicon score), to read how far a strong word is a surer span."""
    def share(x, n):
        return round(x / n, 4) if n else None

    n = sum(part["pairs"] for part in parts)
    out = {"pairs": n, "located_sentence_hit": share(sum(p["hit"] for p in parts), n),
           "first_sentence_hit": share(sum(p["first"] for p in parts), n),
           "random_sentence_hit": share(sum(p["random"] for p in parts), n), "words": {}}
    for technique in WORD_SPAN_TECHNIQUES:
        cells = [part["words"][technique] for part in parts]
        pairs = sum(c["pairs"] for c in cells)
        entry = {"pairs": pairs, "with_word_span": sum(c["with_word_span"] for c in cells)}
        for name in ("sentence", "words"):
            shared, located, gold, hit = (int(x) for x in sum(c[name] for c in cells))
            entry[name] = {"char_precision": share(shared, located), "char_recall": share(shared, gold),
                           "char_f1": share(2 * shared, located + gold), "hit": share(hit, pairs)}
        bands: dict = {}
        for cell in cells:
            for band, values in cell["bands"].items():
                bands[band] = bands.get(band, 0) + values
        entry["by_score"] = {band: {"pairs": int(n_band), "char_precision": share(shared, located),
                                    "char_recall": share(shared, gold), "hit": share(hit, n_band)}
                             for band, (n_band, shared, located, gold, hit) in sorted(bands.items())}
        out["words"][technique] = entry
    return out


def _fit_and_score(params: dict, train: pd.DataFrame, score: pd.DataFrame, spans: pd.DataFrame) -> dict:
    """One evaluation unit: the model and the baseline fitted on ``train``, decisions on ``score``,
    the span counts of the located sentences and words (:func:`_span_check`)."""
    model = PersuasionClassifier(**params).fit(train, spans)
    Z = (model.predict_proba(score) >= model.thresholds_).astype(np.int8)
    B = _Baseline().fit(train).predict_matrix(score)
    return {"Z": Z, "B": B, "thresholds": model.thresholds_,
            "spans": _span_check(model, score, spans, label_matrix(score["techniques"]), Z)}


def evaluate_persuasion(path: str | os.PathLike, *, folds: int = 5, seed: int = 0, held_out: bool = True,
                        n_jobs: int | None = None, **params) -> dict:
    """Scores of :class:`PersuasionClassifier` on a SemEval-2023 Task 3 subtask 3 folder.

    ``cv``: grouped cross-validation (``folds`` folds of whole articles, seeded by ``seed``) on
    the articles outside the held-out part (:func:`framing._heldout.is_held_out`); each fold is
    predicted by a model fitted on the others (with the frozen threshold, or one chosen on inner
    folds of its own training articles with ``threshold="global"``). ``held_out``: the held-out
    articles, scored once by a model fitted on all the others, with document-bootstrap
    intervals. Both carry the micro-F1 over paragraph x technique (the task's metric), micro
    precision and recall, per-technique F1, and the same scores of the baseline
    (:class:`_Baseline`: TF-IDF word uni- and bigrams, one logistic head per technique, threshold
    0.5) on the same folds. ``spans`` (both parts): how often the sentence
    :meth:`PersuasionClassifier.locate` gives overlaps a gold span, and the character scores of
    the located sentence and of the word span of :meth:`PersuasionClassifier.locate_words`
    (see :func:`_span_summary`).

    The folds and the held-out fit run in ``n_jobs`` processes (default: the CPU count, at most
    the number of fits); the results do not depend on it.
    """
    from joblib import Parallel, delayed

    from framing._heldout import is_held_out

    started, cpu = time.perf_counter(), time.process_time()
    paragraphs, spans = load_semeval_persuasion(path)
    outside = ~paragraphs["doc_id"].map(is_held_out).to_numpy()
    dev = paragraphs[outside].reset_index(drop=True)
    test = paragraphs[~outside].reset_index(drop=True)
    params = {"random_state": seed, **params}
    Y = label_matrix(dev["techniques"])
    fold = _document_folds(_grouped(dev), folds, seed)
    parts = [(np.flatnonzero(fold != k), np.flatnonzero(fold == k)) for k in range(folds)]
    jobs = [delayed(_fit_and_score)(params, dev.iloc[train], dev.iloc[score], spans) for train, score in parts]
    if held_out and len(test):
        jobs.append(delayed(_fit_and_score)(params, dev, test, spans))
    n_jobs = min(len(jobs), n_jobs or os.cpu_count() or 1)
    results = Parallel(n_jobs=n_jobs)(jobs)
    Z, B = np.zeros_like(Y), np.zeros_like(Y)
    for (_, score), result in zip(parts, results):
        Z[score], B[score] = result["Z"], result["B"]
    fold_f1 = [_counts(Y[score], Z[score])["micro_f1"] for _, score in parts]
    thresholds = [result["thresholds"] for result in results[:folds]]
    report = {
        "data": Path(path).name, "metric": "micro-F1 over paragraph x technique", "params": params,
        "n_articles": int(paragraphs["doc_id"].nunique()), "n_paragraphs": len(paragraphs),
        "cv": {"folds": folds, "seed": seed, "n_articles": int(dev["doc_id"].nunique()), "n_paragraphs": len(dev),
               **_counts(Y, Z), "fold_micro_f1": fold_f1,
               "threshold_mean": round(float(np.mean(thresholds)), 4),
               "baseline": _counts(Y, B), "per_technique": _per_technique(Y, Z, B),
               "spans": _span_summary([result["spans"] for result in results[:folds]])},
    }
    if held_out and len(test):
        Yt, result = label_matrix(test["techniques"]), results[-1]
        Zt, Bt = result["Z"], result["B"]
        report["held_out"] = {"n_articles": int(test["doc_id"].nunique()), "n_paragraphs": len(test),
                              **_counts(Yt, Zt), "baseline": _counts(Yt, Bt),
                              **_bootstrap(Yt, Zt, Bt, test["doc_id"].to_numpy(), seed=seed),
                              "per_technique": _per_technique(Yt, Zt, Bt), "spans": _span_summary([result["spans"]])}
    report["seconds"] = {"total": round(time.perf_counter() - started, 1),
                         "cpu_main_process": round(time.process_time() - cpu, 1), "n_jobs": n_jobs}
    return report


def _grouped(paragraphs: pd.DataFrame) -> np.ndarray:
    """A document key per paragraph: articles with equal ids or equal texts are one document."""
    from framing._documents import document_groups

    ids = paragraphs["doc_id"].astype(str)
    articles = paragraphs.groupby("doc_id", sort=False)["text"].agg("\n".join)
    groups = document_groups(articles.tolist(), articles.index.tolist())
    of = dict(zip(articles.index, groups))
    return np.array([of[d] for d in ids])


# --------------------------------------------------------------------------- training, I/O


def _packed(matrix: np.ndarray, intercept: np.ndarray) -> dict:
    """The heads that exist (an intercept above the no-head value), their coefficients as float16."""
    heads = np.flatnonzero(intercept > -30.0).astype(np.int16)
    return {"heads": heads, "coef": matrix[heads].astype(np.float16)}


def _unpacked(heads: np.ndarray, coef: np.ndarray, n_features: int) -> np.ndarray:
    out = np.zeros((len(TECHNIQUES), n_features))
    out[heads.astype(int)] = coef.astype(np.float64)
    return out


def save_persuasion_model(model: PersuasionClassifier, out: str | os.PathLike, *, training: dict,
                          scores: dict | None = None) -> dict:
    """Write ``persuasion.npz`` (vocabularies, idf, the coefficients of the heads as float16,
    intercepts, thresholds; no pickle) and ``persuasion.json``."""
    from framing._version import __version__

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    arrays = {"word_vocabulary": _vocabulary(model.word_), "word_idf": model.word_.idf_.astype(np.float32),
              "intercept": model.intercept_, "thresholds": model.thresholds_, "support": model.support_}
    if model.char_ is not None:
        arrays.update(char_vocabulary=_vocabulary(model.char_), char_idf=model.char_.idf_.astype(np.float32))
    if model.dense:
        arrays.update(dense_mean=model.dense_mean_, dense_scale=model.dense_scale_)
    if model.lexicon:
        arrays.update(lexicon_words=model.lexicon_words_, lexicon_scores=model.lexicon_scores_.astype(np.float16),
                      lexicon_mean=model.lexicon_mean_, lexicon_scale=model.lexicon_scale_)
    for key, value in _packed(model.coef_, model.intercept_).items():
        arrays[key] = value
    if getattr(model, "span_words_", None) is not None:
        arrays.update(span_words=model.span_words_, span_scores=model.span_scores_.astype(np.float16))
    if model.sentence_coef_ is not None:
        for key, value in _packed(model.sentence_coef_, model.sentence_intercept_).items():
            arrays[f"sentence_{key}"] = value
        arrays["sentence_intercept"] = model.sentence_intercept_
    np.savez_compressed(out / WEIGHTS_NAME, **arrays)
    digest = weights_digest(arrays)
    config = {"format": FORMAT, "techniques": list(TECHNIQUES), "params": model.get_params(),
              "n_features": int(model.coef_.shape[1]),
              "training": {**training, "framing_version": __version__}, "scores": scores or {},
              "weights_sha256": digest}
    (out / CONFIG_NAME).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return {"path": str(out), "files": [CONFIG_NAME, WEIGHTS_NAME], "weights_sha256": digest}


def load_persuasion_model(path: str | os.PathLike | None = None) -> PersuasionClassifier:
    """A fitted :class:`PersuasionClassifier` from a folder written by :func:`train_persuasion`;
    ``None`` loads the packaged model (``framing/models/persuasion``)."""
    folder = MODEL_DIR if path is None else Path(path)
    config_file, weights_file = folder / CONFIG_NAME, folder / WEIGHTS_NAME
    if not config_file.is_file() or not weights_file.is_file():
        raise FileNotFoundError(f"{folder} is not a persuasion model folder: it needs {CONFIG_NAME} and "
                                f"{WEIGHTS_NAME} (written by framing.persuasion.train_persuasion)")
    config = json.loads(config_file.read_text(encoding="utf-8"))
    if config.get("format") != FORMAT:
        raise ValueError(f"{config_file}: format {config.get('format')!r}, this version of framing reads {FORMAT!r}")
    if list(config.get("techniques", [])) != list(TECHNIQUES):
        raise ValueError(f"{config_file}: technique order differs from framing/data/persuasion.yaml")
    # folders written before the lexicon get lexicon=0, before sentence_char sentence heads on words alone
    model = PersuasionClassifier(**{"sentence_char": False, **config["params"]})
    with np.load(weights_file, allow_pickle=False) as stored:
        weights = dict(stored)
    if config.get("weights_sha256") and weights_digest(weights) != config["weights_sha256"]:
        raise ValueError(f"{weights_file} does not match the digest in {config_file}")
    model.word_ = _word_vectorizer(weights["word_vocabulary"], weights["word_idf"])
    model.char_ = (_char_vectorizer(weights["char_vocabulary"], weights["char_idf"])
                   if "char_vocabulary" in weights else None)
    if "dense_mean" in weights:
        model.dense_mean_, model.dense_scale_ = weights["dense_mean"], weights["dense_scale"]
    if model.lexicon:
        model.lexicon_words_ = weights["lexicon_words"]
        model.lexicon_scores_ = weights["lexicon_scores"].astype(np.float64)
        model.lexicon_mean_, model.lexicon_scale_ = weights["lexicon_mean"], weights["lexicon_scale"]
    shape = (len(TECHNIQUES), int(config["n_features"]))
    model.coef_ = _unpacked(weights["heads"], weights["coef"], shape[1])
    model.intercept_ = weights["intercept"].astype(np.float64)
    model.thresholds_ = weights["thresholds"].astype(np.float64)
    model.support_ = weights["support"]
    model.sentence_coef_ = None
    model._set_word_spans(weights.get("span_words"), weights["span_scores"].astype(np.float64)
                          if "span_scores" in weights else None)
    if "sentence_intercept" in weights:
        lexical = len(weights["word_vocabulary"])
        if model.sentence_char and model.char_ is not None:
            lexical += len(weights["char_vocabulary"])
        model.sentence_coef_ = _unpacked(weights["sentence_heads"], weights["sentence_coef"], lexical)
        model.sentence_intercept_ = weights["sentence_intercept"].astype(np.float64)
    model.version_ = f"{FORMAT}:{config['weights_sha256'][:10]}"
    return model


def train_persuasion(path: str | os.PathLike, *, out: str | os.PathLike, seed: int = 0, part: str = "all",
                     **params) -> dict:
    """Fit :class:`PersuasionClassifier` (paragraph and sentence heads) on a SemEval-2023 Task 3
    subtask 3 folder and write the model folder ``out``. ``part="all"`` (the packaged model)
    fits every article, the held-out ones included, after the configuration was frozen;
    ``part="train"`` leaves the held-out articles out. Scores come from
    :func:`evaluate_persuasion` (``framing evaluate persuasion``), not from this function."""
    from framing._heldout import is_held_out

    if part not in ("all", "train"):
        raise ValueError(f"part must be 'all' or 'train', got {part!r}")
    started = time.perf_counter()
    paragraphs, spans = load_semeval_persuasion(path)
    if part == "train":
        paragraphs = paragraphs[~paragraphs["doc_id"].map(is_held_out)].reset_index(drop=True)
    model = PersuasionClassifier(**{"random_state": seed, **params}).fit(paragraphs, spans)
    seconds = round(time.perf_counter() - started, 1)
    command = (f"framing train persuasion --data {shown_path(path)} --out {shown_path(out)}"
               + (f" --seed {seed}" if seed else ""))
    training = {"command": command, "data": Path(path).name, "part": part,
                "n_articles": int(paragraphs["doc_id"].nunique()), "n_paragraphs": len(paragraphs),
                "seed": seed, "seconds_fit": seconds}
    artefact = save_persuasion_model(model, out, training=training)
    return {"data": Path(path).name, "training": training, "thresholds": dict(zip(TECHNIQUES, model.thresholds_)),
            "artefact": artefact}


# --------------------------------------------------------------------------- analysis


def analysis_rows(model: PersuasionClassifier, articles: Sequence, mentions: Sequence[Sequence[dict]] = (),
                  quotes: Sequence[Sequence[dict]] = ()) -> list[dict]:
    """Rows of the ``persuasion`` table for a batch of articles (objects with ``id``, ``outlet``,
    ``title``, ``text``): one row per paragraph and technique predicted in it, and one row with
    ``technique`` null for a paragraph with none, so every paragraph is counted. The title is
    paragraph 0 of field ``"title"``; the text's paragraphs (non-empty lines) are numbered from 0
    in field ``"text"``. ``start``/``end`` are the offsets in the field of the sentence that most
    likely carries the technique (:meth:`PersuasionClassifier.locate`), ``target`` and ``actors``
    come from :func:`tie_actor` with the article's mention and quote rows of that field.
    ``word_start``/``word_end``/``words``/``words_score``: for :data:`WORD_SPAN_TECHNIQUES`, the
    few words that most likely carry it (:meth:`PersuasionClassifier.locate_words`): offsets in
    the field, the words as written and the top word's lexicon score; null for the other
    techniques and where no word qualifies."""
    units = []
    for k, article in enumerate(articles):
        fields = ([("title", article.title, [(0, len(article.title.strip()))])] if article.title.strip() else [])
        fields.append(("text", article.text, split_paragraphs(article.text)))
        first = True
        for field_name, value, spans in fields:
            for number, (start, end) in enumerate(spans):
                units.append((k, field_name, number, start, value[start:end], first, value))
                first = False
    if not units:
        return []
    table = pd.DataFrame({"doc_id": [u[0] for u in units], "text": [u[4] for u in units],
                          "first": [u[5] for u in units]})
    proba = model.predict_proba(table)
    chosen = proba >= model.thresholds_
    has_sentences = getattr(model, "sentence_coef_", None) is not None
    rows = []
    for (k, field_name, number, offset, text, _, value), p, decided in zip(units, proba, chosen):
        article = articles[k]
        base = {"article_id": article.id, "outlet": article.outlet, "field": field_name, "paragraph_id": number}
        picked = [TECHNIQUES[j] for j in np.flatnonzero(decided)]
        if not picked:
            rows.append({**base, "technique": None, "score": None, "start": offset, "end": offset + len(text),
                         "target": None, "actors": None})
            continue
        located = model.locate(text, picked) if has_sentences else {}
        words = model.locate_words(text, picked)
        field_mentions = [m for m in (mentions[k] if k < len(mentions) else []) if m.get("field") == field_name]
        field_quotes = [q for q in (quotes[k] if k < len(quotes) else []) if q.get("field") == field_name]
        for technique in picked:
            start, end = located.get(technique, (0, len(text), None))[:2]
            start, end = offset + start, offset + end
            target, actors = tie_actor(technique, start, end, field_mentions, field_quotes, value)
            word_start, word_end, word_score = words.get(technique, (None, None, None))
            rows.append({**base, "technique": technique, "score": float(p[TECHNIQUES.index(technique)]),
                         "start": start, "end": end, "target": target,
                         "actors": ",".join(actors) if actors else None,
                         "word_start": None if word_start is None else offset + word_start,
                         "word_end": None if word_end is None else offset + word_end,
                         "words": None if word_start is None else text[word_start:word_end],
                         "words_score": word_score})
    return rows


def article_shares(table: pd.DataFrame) -> pd.DataFrame:
    """From a ``persuasion`` table: per article x technique (every technique of :data:`TECHNIQUES`
    for every article in the table), ``n_paragraphs`` of the article, ``n_with`` paragraphs
    using the technique, ``share = n_with / n_paragraphs``, ``used = n_with > 0``."""
    columns = ["article_id", "technique", "n_paragraphs", "n_with", "share", "used"]
    if table is None or not len(table):
        return pd.DataFrame(columns=columns)
    paragraphs = table[["article_id", "field", "paragraph_id"]].drop_duplicates()
    n_par = paragraphs.groupby("article_id").size()
    found = (table.dropna(subset=["technique"]).drop_duplicates(["article_id", "field", "paragraph_id", "technique"])
             .groupby(["article_id", "technique"]).size())
    index = pd.MultiIndex.from_product([n_par.index, list(TECHNIQUES)], names=["article_id", "technique"])
    out = found.reindex(index, fill_value=0).rename("n_with").reset_index()
    out["n_paragraphs"] = out["article_id"].map(n_par).astype(int)
    out["share"] = out["n_with"] / out["n_paragraphs"]
    out["used"] = out["n_with"] > 0
    return out[columns]
