"""Article-level narratives: which propaganda narratives of a war (or of climate change) a text carries.

The labels are the two-level taxonomy of SemEval-2025 Task 10 subtask 2 (Piskorski et al. 2025,
"SemEval-2025 Task 10: Multilingual Characterization and Extraction of Narratives from Online
News"): for the Ukraine–Russia war (``URW``) eleven narratives such as "URW: Discrediting
Ukraine", each with sub-narratives such as "URW: Discrediting Ukraine: Ukraine is a puppet of the
West", and the label "Other" for a text with none of them; the climate-change (``CC``) domain has
ten more. The labels, with a one- or two-sentence description of each written for this package,
are in ``framing/data/narratives.yaml`` (:class:`NarrativeTaxonomy`).

:class:`NarrativeClassifier` reads an article as chunks of about 150 words (:func:`framing.encoder.chunk_text`)
encoded by the frozen MiniLM sentence encoder (:mod:`framing.encoder`), pooled into one article
vector, and compares every chunk with every label description (cosine similarity, maximum over
chunks). Four methods share that representation:

``zero-shot``
    a narrative is predicted when the similarity of the article to its descriptions passes a
    threshold; "Other" when none passes. Only the threshold (and each description's mean
    similarity, used to centre or standardise) is learned.
``sim-logistic``
    one-vs-rest logistic regressions on the description similarities only.
``supervised``
    one-vs-rest logistic regressions (``class_weight="balanced"``) on the article vector.
``combined``
    the same heads on the article vector concatenated with the standardised similarities.

The packaged model is not one of these: it is :class:`LexicalNarrativeClassifier`, a hierarchy of
logistic regressions on TF-IDF word features ("Other" with its own calibrated head, then the
narratives, then the sub-narratives under each), trained on the English URW documents together with
the English machine translations of the Bulgarian, Hindi and Portuguese URW documents of the same
task (about six times as many documents). On the English documents it clearly beats the
description-similarity model; see ``docs/narratives.md``.

Decisions are hierarchical: sub-narratives are predicted only under predicted narratives (a
narrative with no sub-narrative passing gets "<narrative>: Other"), and "Other" never co-occurs
with a narrative. Thresholds are chosen inside the training data only, on out-of-fold scores of an
inner cross-validation (similarity thresholds on the training documents themselves), to maximise
samples-averaged F1, the task's metric (:func:`samples_f1`).

Departures from the shared task: one model per domain (``domain``); labels of the other domain found in a document are dropped (a document left with
none is "Other"). The measured scores, the configurations tried and their costs are in
``docs/narratives.md``; the packaged model and its training command in
``framing/models/narratives/MODEL_CARD.md``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import yaml
from sklearn.base import BaseEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from framing._documents import document_groups, rows_of
from framing._labels import label_lists
from framing.encoder import MemoEncoder, chunk_text

__all__ = [
    "LexicalNarrativeClassifier",
    "NarrativeClassifier",
    "NarrativeTaxonomy",
    "evaluate_lexical_narratives",
    "evaluate_narratives",
    "evaluate_similarity_narratives",
    "load_narrative_model",
    "load_semeval_narratives",
    "load_translated_narratives",
    "samples_f1",
    "train_lexical_narratives",
    "train_narratives",
    "train_similarity_narratives",
]

OTHER = "Other"
DOMAINS = ("URW", "CC")
TAXONOMY_PATH = Path(__file__).parent / "data" / "narratives.yaml"
MODEL_DIR = Path(__file__).parent / "models" / "narratives"
CONFIG_NAME = "narratives.json"
ARRAYS_NAME = "narratives.npz"
# Identifies the features, decision rules and artefact layout; bump when any changes.
FORMAT = "narratives-minilm-1"
DATASET_DIR = "semeval2025-roles-narratives-en"
METHODS = ("zero-shot", "sim-logistic", "supervised", "combined")
SUB_METHODS = ("zero-shot", "supervised", "frequent", "other")
# Width of the logistic squashing that maps similarity scores to [0, 1] around the decision
# threshold (cosine units; standard deviations when ``sim_norm="z"``). It changes no decision.
_SIM_TEMPERATURE = {"none": 0.05, "center": 0.05, "z": 1.0}
_EPS = 1e-6
_PROBABILITY_GRID = np.round(np.arange(0.05, 0.96, 0.025), 4)
_CONSTANT_LOGIT = 30.0


def _canonical(label: str) -> str:
    """Label spelling used throughout: single spaces, straight apostrophes (the annotation file of
    the English release writes "Ukraine’s" where the label files write "Ukraine's")."""
    return " ".join(str(label).replace("\u2019", "'").replace("\u2018", "'").split())


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# ---------------------------------------------------------------------------- taxonomy


class NarrativeTaxonomy:
    """The two-level narrative taxonomy with a description of every label.

    Parameters
    ----------
    domains
        ``{domain: {"name": str, "narratives": {narrative: {"description": str,
        "subnarratives": {label: description}}}}}``, the layout of ``framing/data/narratives.yaml``
        (``{domain: {narrative: ...}}`` is accepted too). Sub-narrative labels start with their
        narrative's label and ``": "``.
    other_description
        Description of the label "Other" (no narrative of the domain).
    source
        Where the labels and descriptions come from.
    """

    def __init__(self, domains: Mapping[str, Mapping[str, Mapping]], *, other_description: str = "",
                 source: str = "") -> None:
        self.source = source
        self._domains: dict[str, dict[str, tuple[str, ...]]] = {}
        self._descriptions: dict[str, str] = {OTHER: str(other_description)}
        self._parent: dict[str, str] = {OTHER: OTHER}
        self._domain_of: dict[str, str | None] = {OTHER: None}
        self._names: dict[str, str] = {}
        for domain, narratives in domains.items():
            if "narratives" in narratives:  # the file layout: {name, narratives}
                self._names[str(domain)] = str(narratives.get("name", domain))
                narratives = narratives["narratives"]
            tree: dict[str, tuple[str, ...]] = {}
            for narrative, entry in narratives.items():
                narrative = _canonical(narrative)
                subs = {_canonical(k): str(v) for k, v in (entry.get("subnarratives") or {}).items()}
                for label in (narrative, *subs):
                    if label in self._descriptions:
                        raise ValueError(f"label {label!r} appears twice in the taxonomy")
                for sub in subs:
                    if not sub.startswith(narrative + ": "):
                        raise ValueError(f"sub-narrative {sub!r} does not start with its narrative {narrative!r}")
                    self._parent[sub] = narrative
                    self._domain_of[sub] = domain
                self._descriptions[narrative] = str(entry.get("description", ""))
                self._descriptions.update(subs)
                self._domain_of[narrative] = domain
                tree[narrative] = tuple(subs)
            self._domains[str(domain)] = tree

    # ------------------------------------------------------------------ loading
    @classmethod
    def from_yaml(cls, path: str | os.PathLike) -> NarrativeTaxonomy:
        """Read a taxonomy file laid out like ``framing/data/narratives.yaml``."""
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        if not isinstance(raw, dict) or not isinstance(raw.get("domains"), dict):
            raise ValueError(f"{path}: expected a mapping with a 'domains' section")
        other = raw.get("other") or {}
        return cls(raw["domains"], other_description=other.get("description", ""), source=raw.get("source", ""))

    @classmethod
    def default(cls) -> NarrativeTaxonomy:
        """The packaged SemEval-2025 Task 10 taxonomy (both domains)."""
        return _default_taxonomy()

    # ------------------------------------------------------------------ queries
    @property
    def domains(self) -> tuple[str, ...]:
        return tuple(self._domains)

    @property
    def narratives(self) -> tuple[str, ...]:
        """"Other" followed by every narrative, in file order."""
        return (OTHER,) + tuple(n for tree in self._domains.values() for n in tree)

    @property
    def subnarratives(self) -> dict[str, tuple[str, ...]]:
        """Each narrative's sub-narratives; "Other" maps to ``("Other",)`` as in the task's label files."""
        out = {OTHER: (OTHER,)}
        for tree in self._domains.values():
            out.update(tree)
        return out

    def description(self, label: str) -> str:
        """The description of a narrative or sub-narrative label."""
        try:
            return self._descriptions[_canonical(label)]
        except KeyError:
            raise KeyError(f"unknown narrative label {label!r}") from None

    def parent(self, subnarrative: str) -> str:
        """The narrative a sub-narrative belongs to ("Other" for "Other")."""
        try:
            return self._parent[_canonical(subnarrative)]
        except KeyError:
            raise KeyError(f"unknown sub-narrative label {subnarrative!r}") from None

    def domain_of(self, label: str) -> str | None:
        """The domain of a label (``None`` for "Other"); ``KeyError`` for unknown labels."""
        try:
            return self._domain_of[_canonical(label)]
        except KeyError:
            raise KeyError(f"unknown narrative label {label!r}") from None

    def __contains__(self, label: object) -> bool:
        return isinstance(label, str) and _canonical(label) in self._descriptions

    def restrict(self, domain: str) -> NarrativeTaxonomy:
        """The same taxonomy with one domain (plus "Other")."""
        if domain not in self._domains:
            raise ValueError(f"unknown domain {domain!r}; this taxonomy has {list(self._domains)}")
        return type(self)({domain: self.to_dict()["domains"][domain]},
                          other_description=self._descriptions[OTHER], source=self.source)

    def to_dict(self) -> dict:
        """Plain-data form (the YAML layout), as stored with a trained model."""
        return {"source": self.source, "other": {"label": OTHER, "description": self._descriptions[OTHER]},
                "domains": {d: {"name": self._names.get(d, d),
                                "narratives": {n: {"description": self._descriptions[n],
                                                   "subnarratives": {s: self._descriptions[s] for s in subs}}
                                               for n, subs in tree.items()}}
                            for d, tree in self._domains.items()}}

    @classmethod
    def from_dict(cls, data: Mapping) -> NarrativeTaxonomy:
        return cls(data["domains"], other_description=(data.get("other") or {}).get("description", ""),
                   source=data.get("source", ""))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NarrativeTaxonomy) and self.to_dict() == other.to_dict()

    __hash__ = None  # mutable-looking value object: equality by content

    def __repr__(self) -> str:
        sizes = ", ".join(f"{d}: {len(t)} narratives, {sum(map(len, t.values()))} sub-narratives"
                          for d, t in self._domains.items())
        return f"NarrativeTaxonomy({sizes})"

    def targets(self, narratives: Iterable[str], subnarratives: Iterable[str], *,
                domain: str) -> tuple[list[str], list[str]]:
        """Gold labels of one document made consistent for ``domain``.

        Labels of other domains are dropped; a sub-narrative brings its narrative; a narrative
        without a sub-narrative gets "<narrative>: Other"; a document left with no narrative is
        "Other" at both levels, and "Other" is dropped beside real narratives. Labels unknown
        to the taxonomy raise ``ValueError``.
        """
        top, sub = [], []
        for kind, labels, out in (("narrative", narratives, top), ("sub-narrative", subnarratives, sub)):
            if isinstance(labels, str):
                raise TypeError(f"{kind} labels must be a list of strings, got the string {labels!r}")
            for label in labels:
                label = _canonical(label)
                if not label:
                    continue
                if label not in self._descriptions:
                    raise ValueError(f"unknown {kind} label {label!r}")
                if kind == "sub-narrative" and label not in self._parent:
                    raise ValueError(f"{label!r} is a narrative, not a sub-narrative")
                if kind == "narrative" and label in self._parent and label != OTHER:
                    raise ValueError(f"{label!r} is a sub-narrative, not a narrative")
                if self._domain_of[label] in (domain, None):
                    out.append(label)
        top = _unique(top + [self._parent[s] for s in sub])
        top = [n for n in top if n != OTHER] or [OTHER]
        sub = [s for s in _unique(sub) if s != OTHER]
        for narrative in top:
            if narrative != OTHER and not any(self._parent[s] == narrative for s in sub):
                fallback = f"{narrative}: Other"
                sub.append(fallback if fallback in self._parent else narrative)
        return top, (sub or [OTHER])


@functools.lru_cache(maxsize=1)
def _default_taxonomy() -> NarrativeTaxonomy:
    return NarrativeTaxonomy.from_yaml(TAXONOMY_PATH)


# ----------------------------------------------------------------------------- metric


def samples_f1(gold: Sequence[Iterable[str]], predicted: Sequence[Iterable[str]]) -> float:
    """Samples-averaged F1: the F1 between each document's gold and predicted label sets,
    averaged over documents (the metric of SemEval-2025 Task 10 subtask 2; equal to
    ``sklearn.metrics.f1_score(..., average="samples")`` on binarised labels). A document
    with both sets empty counts 1.0."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold label sets but {len(predicted)} predicted")
    if not len(gold):
        raise ValueError("samples F1 needs at least one document")
    scores = []
    for g, p in zip(gold, predicted):
        if isinstance(g, str) or isinstance(p, str):
            raise TypeError("each document's labels must be a collection of strings, not a string")
        g, p = set(g), set(p)
        scores.append(1.0 if not g and not p else 2 * len(g & p) / (len(g) + len(p)))
    return float(np.mean(scores))


def _per_label(gold: Sequence[Iterable[str]], predicted: Sequence[Iterable[str]], labels: Sequence[str]) -> dict:
    out = {}
    for label in labels:
        g = np.array([label in set(x) for x in gold])
        p = np.array([label in set(x) for x in predicted])
        tp = int((g & p).sum())
        precision = tp / p.sum() if p.sum() else 0.0
        recall = tp / g.sum() if g.sum() else 0.0
        f1 = 2 * tp / (g.sum() + p.sum()) if g.sum() + p.sum() else 0.0
        out[label] = {"f1": round(float(f1), 4), "precision": round(float(precision), 4),
                      "recall": round(float(recall), 4), "support": int(g.sum()), "n_predicted": int(p.sum())}
    return out


# ------------------------------------------------------------------------- classifier


def _default_encoder():
    from framing.encoder import shared_encoder

    return shared_encoder()


def _fingerprint(encoder) -> str | None:
    method = getattr(encoder, "fingerprint", None)
    return method() if callable(method) else None


class _NarrativeOutputs:
    """What both narrative classifiers give the same way: readable column names and a version
    string from the learned arrays (``_arrays``)."""

    _format: str

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """Readable names of the :meth:`predict_proba` columns, e.g. ``narrative__urw_discrediting_ukraine``."""
        check_is_fitted(self, "narratives_")
        return np.array([f"narrative__{_slug(label)}" for label in self.narratives_], dtype=object)

    def version(self) -> str:
        """``<format>+<first 10 hex of a digest of the learned arrays>``."""
        check_is_fitted(self, "narratives_")
        digest = hashlib.sha256()
        for name, value in sorted(self._arrays().items()):
            value = np.asarray(value)
            digest.update(name.encode() + (value.astype(str).tobytes() if value.dtype.kind in "US"
                                           else np.ascontiguousarray(value, dtype=np.float64).tobytes()))
        return f"{self._format}+{digest.hexdigest()[:10]}"


class NarrativeClassifier(_NarrativeOutputs, BaseEstimator):
    """Multi-label, two-level narrative classifier over frozen sentence embeddings.

    Parameters
    ----------
    encoder
        Object with ``encode(texts) -> (n, d)`` array of unit vectors; ``None`` for the packaged
        MiniLM (:class:`framing.encoder.SentenceEncoder`).
    taxonomy
        :class:`NarrativeTaxonomy`; ``None`` for the packaged one.
    domain
        Which domain of the taxonomy to model ("URW" or "CC").
    method
        ``"zero-shot"``, ``"sim-logistic"``, ``"supervised"`` or ``"combined"`` (module docstring).
    sub_method
        Sub-narratives under a predicted narrative: ``"zero-shot"`` (description similarity with a
        threshold), ``"supervised"`` (logistic heads on the same features as the narratives),
        ``"frequent"`` (the narrative's most frequent sub-narrative in training) or ``"other"``
        (always "<narrative>: Other"). Without a passing sub-narrative, "<narrative>: Other".
    pooling
        How chunk vectors make the article vector: ``"mean"``, ``"max"`` or ``"mean+max"``.
    sim_norm
        Similarities are used raw (``"none"``), centred on each description's mean over the
        training texts (``"center"``) or standardised (``"z"``).
    sim_pool
        How chunk similarities make the article's: ``"max"`` over chunks, ``"mean"``, or ``"top2"``
        (mean of the two most similar chunks).
    sim_features
        Similarity features of the heads: one per description (``"all"``) or one per narrative
        (``"narratives"``, the best of its descriptions as for ``expand``).
    expand
        A narrative's similarity is the maximum over its own description and its sub-narratives'
        (``True``) or its own description only.
    other
        ``"fallback"``: "Other" when no narrative passes the threshold. ``"head"``: "Other" has a
        logistic head (on the features of ``method``; on the similarities for ``"zero-shot"``);
        with heads it is predicted when it scores highest, with ``"zero-shot"`` when it passes its
        own threshold; otherwise the narratives passing the threshold, at least the best one.
    C
        Inverse L2 strength of the logistic heads.
    sim_weight
        Scale of the standardised similarity features beside the article vector (``"combined"``).
    max_narratives
        At most this many narratives per text (highest scores); ``None``: no limit.
    threshold, sub_threshold
        Fixed decision thresholds (probability for heads, similarity for zero-shot); ``None``:
        chosen in ``fit`` to maximise samples F1 on the training data (out-of-fold for heads).
    chunk_words
        Words per chunk (:func:`framing.encoder.chunk_text`).
    inner_folds
        Folds of the inner cross-validation that chooses thresholds for the heads.
    random_state
        Seeds the inner fold assignment and the solvers.

    Attributes
    ----------
    narratives_ : tuple of str
        "Other" then the domain's narratives: the columns of :meth:`predict_proba`.
    subnarratives_ : tuple of str
        "Other" then every sub-narrative: the columns of :meth:`predict_sub_proba`.
    threshold_, sub_threshold_ : float
        Decision thresholds in use.
    """

    _format = FORMAT

    def __init__(self, *, encoder=None, taxonomy: NarrativeTaxonomy | None = None,
                 domain: Literal["URW", "CC"] = "URW",
                 method: Literal["zero-shot", "sim-logistic", "supervised", "combined"] = "zero-shot",
                 sub_method: Literal["zero-shot", "supervised", "frequent", "other"] = "zero-shot",
                 pooling: Literal["mean", "max", "mean+max"] = "mean",
                 sim_norm: Literal["none", "center", "z"] = "center", sim_pool: Literal["max", "mean", "top2"] = "max",
                 sim_features: Literal["all", "narratives"] = "all", expand: bool = True,
                 other: Literal["head", "fallback"] = "fallback", C: float = 1.0, sim_weight: float = 1.0,
                 max_narratives: int | None = None, threshold: float | None = None,
                 sub_threshold: float | None = None, chunk_words: int = 150, inner_folds: int = 5,
                 random_state: int | None = 0):
        self.encoder = encoder
        self.taxonomy = taxonomy
        self.domain = domain
        self.method = method
        self.sub_method = sub_method
        self.pooling = pooling
        self.sim_norm = sim_norm
        self.sim_pool = sim_pool
        self.sim_features = sim_features
        self.expand = expand
        self.other = other
        self.C = C
        self.sim_weight = sim_weight
        self.max_narratives = max_narratives
        self.threshold = threshold
        self.sub_threshold = sub_threshold
        self.chunk_words = chunk_words
        self.inner_folds = inner_folds
        self.random_state = random_state

    # ------------------------------------------------------------------ fitting
    def fit(self, texts: Sequence[str], narratives: Sequence[Sequence[str]],
            subnarratives: Sequence[Sequence[str]]) -> NarrativeClassifier:
        """Learn from texts and their gold narrative and sub-narrative label lists (labels of other
        domains are dropped; see :meth:`NarrativeTaxonomy.targets`)."""
        self._check_params()
        self._last = None
        texts = _check_texts(texts)
        if not (len(texts) == len(narratives) == len(subnarratives)):
            raise ValueError(f"{len(texts)} texts, {len(narratives)} narrative lists and "
                             f"{len(subnarratives)} sub-narrative lists: lengths differ")
        if len(texts) < 2:
            raise ValueError("fit needs at least two texts")
        if document_groups(texts).max() < 1:
            raise ValueError("fit needs at least two distinct texts; all are the same document")
        full = self.taxonomy if self.taxonomy is not None else NarrativeTaxonomy.default()
        if not isinstance(full, NarrativeTaxonomy):
            raise TypeError(f"taxonomy must be a NarrativeTaxonomy or None, got {type(full).__name__}")
        taxonomy = full.restrict(self.domain)
        gold = [full.targets(n, s, domain=self.domain) for n, s in zip(narratives, subnarratives)]
        self.taxonomy_ = taxonomy
        self.narratives_ = taxonomy.narratives
        self.subnarratives_ = (OTHER,) + tuple(s for n in self.narratives_[1:] for s in taxonomy.subnarratives[n])
        self._set_structure()
        Y = _binarize([g[0] for g in gold], self.narratives_)
        Ys = _binarize([g[1] for g in gold], self.subnarratives_)

        encoder = self._encoder()
        self.encoder_fingerprint_ = _fingerprint(encoder)
        self.description_labels_ = tuple(self.narratives_[1:]) + tuple(self.subnarratives_[1:])
        self.label_embeddings_ = np.asarray(
            encoder.encode([taxonomy.description(label) for label in self.description_labels_]), dtype=np.float64)
        emb, sims = self._embed(texts, encoder)
        self.sim_mean_ = sims.mean(axis=0)
        self.sim_scale_ = np.maximum(sims.std(axis=0), 1e-6)
        Xn, Xs, X = self._design(emb, sims)

        folds = _inner_folds(texts, gold, self.inner_folds, self.random_state)
        # Narratives.
        self.other_threshold_ = float("nan")
        gold_top = [g[0] for g in gold]
        if self.method == "zero-shot":
            top_scores = Xn.copy()
            self.coef_ = self.intercept_ = None
            if self.other == "head":  # "Other" from a logistic head on the similarities
                self.coef_, self.intercept_ = self._fit_heads(X, Y[:, :1])
                top_scores[:, 0] = self._oof(X, Y[:, :1], folds)[:, 0]
        else:
            self.coef_, self.intercept_ = self._fit_heads(X, Y)
            top_scores = self._oof(X, Y, folds)
        if self.threshold is not None:
            self.threshold_ = float(self.threshold)
        elif self._hybrid:  # first the narratives' threshold on the texts that have narratives
            keep = ~Y[:, 0]
            rows = top_scores[keep] if keep.any() else top_scores
            self.threshold_ = _best_threshold(self._threshold_grid(rows), lambda t: samples_f1(
                [g for g, k in zip(gold_top, keep) if k] if keep.any() else gold_top,
                label_lists(self._decide_top(rows, t, np.inf), self.narratives_)))
        else:
            self.threshold_ = _best_threshold(self._threshold_grid(top_scores), lambda t: samples_f1(
                gold_top, label_lists(self._decide_top(top_scores, t), self.narratives_)))
        if self._hybrid:  # then the threshold of the "Other" head, given the first
            self.other_threshold_ = _best_threshold(_PROBABILITY_GRID, lambda t: samples_f1(
                gold_top, label_lists(self._decide_top(top_scores, self.threshold_, t), self.narratives_)))
        top_pred = self._decide_top(top_scores, self.threshold_, self.other_threshold_)

        # Sub-narratives.
        self.sub_prior_ = self._sub_prior(Ys)
        self.sub_coef_ = self.sub_intercept_ = None
        sub_scores = None
        if self.sub_method == "zero-shot":
            sub_scores = Xs
        elif self.sub_method == "supervised":
            self.sub_coef_, self.sub_intercept_ = self._fit_heads(X, Ys)
            sub_scores = self._oof(X, Ys, folds)
        if sub_scores is None:
            self.sub_threshold_ = float("nan")
        elif self.sub_threshold is not None:
            self.sub_threshold_ = float(self.sub_threshold)
        else:
            self.sub_threshold_ = _best_threshold(
                self._threshold_grid(sub_scores[:, 1:], sub=True), lambda t: samples_f1(
                    [g[1] for g in gold],
                    label_lists(self._decide_sub(top_pred, sub_scores, t), self.subnarratives_)))
        self.n_train_ = len(texts)
        return self

    def _check_params(self) -> None:
        choices = {"method": METHODS, "sub_method": SUB_METHODS, "pooling": ("mean", "max", "mean+max"),
                   "sim_norm": tuple(_SIM_TEMPERATURE), "sim_pool": ("max", "mean", "top2"),
                   "sim_features": ("all", "narratives"), "other": ("head", "fallback")}
        for name, allowed in choices.items():
            if getattr(self, name) not in allowed:
                raise ValueError(f"{name} must be one of {allowed}, got {getattr(self, name)!r}")
        if not (isinstance(self.C, (int, float)) and self.C > 0):
            raise ValueError(f"C must be a positive number, got {self.C!r}")
        if self.max_narratives is not None and (int(self.max_narratives) != self.max_narratives
                                                or self.max_narratives < 1):
            raise ValueError(f"max_narratives must be a positive integer or None, got {self.max_narratives!r}")
        if int(self.chunk_words) != self.chunk_words or self.chunk_words < 10:
            raise ValueError(f"chunk_words must be an integer >= 10, got {self.chunk_words!r}")
        if int(self.inner_folds) != self.inner_folds or self.inner_folds < 2:
            raise ValueError(f"inner_folds must be an integer >= 2, got {self.inner_folds!r}")
        if self.domain not in DOMAINS and self.taxonomy is None:
            raise ValueError(f"domain must be one of {DOMAINS}, got {self.domain!r}")

    def _set_structure(self) -> None:
        """Index arrays linking sub-narratives to narratives (derived from the label tuples)."""
        index = {n: j for j, n in enumerate(self.narratives_)}
        self._sub_parent = np.array([0] + [index[self.taxonomy_.parent(s)] for s in self.subnarratives_[1:]])
        self._sub_is_other = np.array([False] + [s.endswith(": Other") for s in self.subnarratives_[1:]])

    # --------------------------------------------------------------- prediction
    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Scores ``(n, len(narratives_))`` in [0, 1], in ``narratives_`` order.

        Each score is the method's raw score squashed so that 0.5 is the decision threshold
        (heads: their probability with the logit shifted by the threshold's; similarities: a
        logistic of the distance to the threshold). A narrative scoring >= 0.5 is predicted,
        except that "Other" excludes the rest and the top narrative is kept when none passes
        (:meth:`predict`). The "Other" column under the fallback rule is one minus the best
        narrative's score. Scores rank texts; they are not calibrated probabilities.
        """
        return self._scores(texts)[0]

    def predict_sub_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Scores ``(n, len(subnarratives_))``: the narrative's score times the sub-narrative's
        conditional score (squashed around ``sub_threshold_`` as in :meth:`predict_proba`;
        for "<narrative>: Other", one minus the best specific one; for ``sub_method="frequent"``
        the training share). The "Other" column is the "Other" narrative score."""
        return self._scores(texts)[1]

    def predict(self, texts: Sequence[str]) -> list[tuple[list[str], list[str]]]:
        """``(narratives, subnarratives)`` per text, in taxonomy order. Every sub-narrative's
        narrative is among the text's narratives; "Other" stands alone at both levels."""
        _, _, top, sub = self._scores(texts, decide=True)
        return [(a, b) for a, b in zip(label_lists(top, self.narratives_), label_lists(sub, self.subnarratives_))]

    def _scores(self, texts, decide: bool = False):
        check_is_fitted(self, "narratives_")
        texts = _check_texts(texts)
        L, S = len(self.narratives_), len(self.subnarratives_)
        if not texts:
            empty = [np.zeros((0, L)), np.zeros((0, S))]
            return (*empty, np.zeros((0, L), bool), np.zeros((0, S), bool)) if decide else tuple(empty)
        key = hashlib.sha1("\x00".join(texts).encode("utf-8")).hexdigest() + str(len(texts))
        last = getattr(self, "_last", None)
        if last is not None and last[0] == key:  # predict_proba, predict_sub_proba, predict on one batch
            emb, sims = last[1], last[2]
        else:
            emb, sims = self._embed(texts, self._encoder())
            self._last = (key, emb, sims)
        Xn, Xs, X = self._design(emb, sims)
        if self.method == "zero-shot":
            raw = Xn.copy()
            top = self._squash(raw, self.threshold_, head=False)
            if self._hybrid:
                raw[:, 0] = _predict_heads(X, self.coef_, self.intercept_)[:, 0]
                top[:, 0] = self._squash(raw[:, 0], self.other_threshold_, head=True)
        else:
            raw = _predict_heads(X, self.coef_, self.intercept_)
            top = self._squash(raw, self.threshold_, head=True)
        if self.other == "fallback":
            top[:, 0] = 1.0 - top[:, 1:].max(axis=1)
        if self.sub_method == "zero-shot":
            raw_sub = Xs
            cond = self._squash(raw_sub, self.sub_threshold_, head=False)
        elif self.sub_method == "supervised":
            raw_sub = _predict_heads(X, self.sub_coef_, self.sub_intercept_)
            cond = self._squash(raw_sub, self.sub_threshold_, head=True)
        else:
            raw_sub = None
            cond = np.tile(self.sub_prior_, (len(texts), 1))
        if self.sub_method in ("zero-shot", "supervised"):
            cond[:, self._sub_is_other] = 0.0
            best = np.zeros((len(texts), L))
            for j in range(1, L):
                members = (self._sub_parent == j) & ~self._sub_is_other
                if members.any():
                    best[:, j] = cond[:, members].max(axis=1)
            others = np.flatnonzero(self._sub_is_other)
            cond[:, others] = 1.0 - best[:, self._sub_parent[others]]
        sub = top[:, self._sub_parent] * cond
        sub[:, 0] = top[:, 0]
        if not decide:
            return top, sub
        top_pred = self._decide_top(raw, self.threshold_, self.other_threshold_)
        sub_pred = self._decide_sub(top_pred, raw_sub, self.sub_threshold_)
        return top, sub, top_pred, sub_pred

    # ------------------------------------------------------------------ features
    def _encoder(self):
        return self.encoder if self.encoder is not None else _default_encoder()

    def _embed(self, texts: list[str], encoder) -> tuple[np.ndarray, np.ndarray]:
        """Article vectors ``(n, d)`` and description similarities ``(n, len(description_labels_))``
        pooled over the article's chunks (``sim_pool``)."""
        chunks = [chunk_text(text, max_words=int(self.chunk_words)) for text in texts]
        flat = [c for cs in chunks for c in cs]
        vectors = np.asarray(encoder.encode(flat), dtype=np.float64)
        if vectors.ndim != 2 or len(vectors) != len(flat):
            raise ValueError(f"the encoder returned shape {vectors.shape} for {len(flat)} texts")
        bounds = np.cumsum([0] + [len(cs) for cs in chunks])
        chunk_sims = vectors @ self.label_embeddings_.T
        pooled, sims = [], []
        for lo, hi in zip(bounds[:-1], bounds[1:]):
            block = vectors[lo:hi]
            parts = []
            if self.pooling in ("mean", "mean+max"):
                parts.append(_unit(block.mean(axis=0)))
            if self.pooling in ("max", "mean+max"):
                parts.append(_unit(block.max(axis=0)))
            pooled.append(np.concatenate(parts))
            block_sims = chunk_sims[lo:hi]
            if self.sim_pool == "max":
                sims.append(block_sims.max(axis=0))
            elif self.sim_pool == "mean":
                sims.append(block_sims.mean(axis=0))
            else:  # top2: mean of the two best chunks
                top = np.sort(block_sims, axis=0)[-2:]
                sims.append(top.mean(axis=0))
        return np.vstack(pooled), np.vstack(sims)

    def _expand(self, normed: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Narrative-level and sub-narrative-level scores from description similarities, each
        with an all-zero "Other" column first."""
        L = len(self.narratives_)
        sub_part = normed[:, L - 1:]
        top_part = normed[:, :L - 1].copy()
        if self.expand:
            for j in range(1, L):
                members = self._sub_parent[1:] == j
                if members.any():
                    top_part[:, j - 1] = np.maximum(top_part[:, j - 1], sub_part[:, members].max(axis=1))
        zeros = np.zeros((len(normed), 1))
        return np.hstack([zeros, top_part]), np.hstack([zeros, sub_part])

    def _design(self, emb: np.ndarray, sims: np.ndarray):
        """Narrative similarity scores, sub-narrative similarity scores (``sim_norm``; column 0,
        "Other", all zero) and the feature matrix of the heads."""
        z = (sims - self.sim_mean_) / self.sim_scale_
        normed = {"none": sims, "center": sims - self.sim_mean_, "z": z}[self.sim_norm]
        Xn, Xs = self._expand(normed)
        if self.sim_features == "narratives":
            z = self._expand(z)[0][:, 1:]
        if self.method == "combined":
            X = np.hstack([emb, float(self.sim_weight) * z])
        elif self.method in ("sim-logistic", "zero-shot"):  # zero-shot: only the "Other" head
            X = z
        else:
            X = emb
        return Xn, Xs, X

    # ------------------------------------------------------------------ heads
    def _fit_heads(self, X: np.ndarray, Y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        coef = np.zeros((Y.shape[1], X.shape[1]))
        intercept = np.zeros(Y.shape[1])
        for j in range(Y.shape[1]):
            y = Y[:, j]
            if y.all() or not y.any():  # a constant head: certain yes or certain no
                intercept[j] = _CONSTANT_LOGIT if y.all() else -_CONSTANT_LOGIT
                continue
            head = LogisticRegression(C=float(self.C), class_weight="balanced", max_iter=2000,
                                      random_state=self.random_state).fit(X, y)
            coef[j], intercept[j] = head.coef_[0], head.intercept_[0]
        return coef, intercept

    def _oof(self, X: np.ndarray, Y: np.ndarray, folds: np.ndarray) -> np.ndarray:
        """Out-of-fold head probabilities for the training texts (inner cross-validation)."""
        out = np.zeros(Y.shape)
        for k in np.unique(folds):
            held = folds == k
            coef, intercept = self._fit_heads(X[~held], Y[~held])
            out[held] = _predict_heads(X[held], coef, intercept)
        return out

    def _sub_prior(self, Ys: np.ndarray) -> np.ndarray:
        """Share of each sub-narrative among the training texts with its narrative; for
        ``sub_method="other"``, 1 for "<narrative>: Other"."""
        prior = np.zeros(Ys.shape[1])
        prior[0] = 1.0
        for j in range(1, len(self.narratives_)):
            members = np.flatnonzero(self._sub_parent == j)
            counts = Ys[:, members].sum(axis=0).astype(float)
            if self.sub_method == "other" or counts.sum() == 0:
                counts = self._sub_is_other[members].astype(float)
                if counts.sum() == 0:
                    counts[:] = 1.0
            prior[members] = counts / counts.sum()
        return prior

    # --------------------------------------------------------------- decisions
    def _threshold_grid(self, scores: np.ndarray, sub: bool = False) -> np.ndarray:
        head = (self.sub_method == "supervised") if sub else (self.method != "zero-shot")
        if head:
            return _PROBABILITY_GRID
        values = scores if sub else scores[:, 1:]
        return np.unique(np.quantile(values, np.linspace(0.5, 0.999, 120)))

    def _squash(self, raw: np.ndarray, threshold: float, *, head: bool) -> np.ndarray:
        if head:
            p = np.clip(raw, _EPS, 1 - _EPS)
            t = min(max(threshold, _EPS), 1 - _EPS)
            return 1.0 / (1.0 + np.exp(-(np.log(p / (1 - p)) - np.log(t / (1 - t)))))
        if not np.isfinite(threshold):
            return np.zeros_like(raw)
        return 1.0 / (1.0 + np.exp(-(raw - threshold) / _SIM_TEMPERATURE[self.sim_norm]))

    @property
    def _hybrid(self) -> bool:
        return self.method == "zero-shot" and self.other == "head"

    def _decide_top(self, raw: np.ndarray, threshold: float, other_threshold: float = float("nan")) -> np.ndarray:
        """Boolean ``(n, L)`` narrative decisions from raw scores (column 0 = "Other").

        Heads with ``other="head"``: "Other" when its head scores highest. Zero-shot with
        ``other="head"``: "Other" when its head passes ``other_threshold``. Otherwise the
        narratives passing ``threshold``; when none passes, the best one (heads) or "Other"
        (``other="fallback"``).
        """
        n, L = raw.shape
        out = np.zeros((n, L), dtype=bool)
        hybrid = self._hybrid
        argmax_other = self.method != "zero-shot" and self.other == "head"
        for i in range(n):
            row = raw[i]
            if (argmax_other and int(np.argmax(row)) == 0) or (hybrid and row[0] >= other_threshold):
                out[i, 0] = True
                continue
            passing = [j for j in range(1, L) if row[j] >= threshold]
            if not passing:
                if self.other == "head":
                    passing = [1 + int(np.argmax(row[1:]))]
                else:
                    out[i, 0] = True
                    continue
            if self.max_narratives is not None and len(passing) > self.max_narratives:
                passing = sorted(passing, key=lambda j: -row[j])[: int(self.max_narratives)]
            out[i, passing] = True
        return out

    def _decide_sub(self, top: np.ndarray, raw_sub: np.ndarray | None, threshold: float) -> np.ndarray:
        """Boolean ``(n, S)`` sub-narrative decisions under the predicted narratives."""
        n = len(top)
        out = np.zeros((n, len(self.subnarratives_)), dtype=bool)
        for i in range(n):
            if top[i, 0]:
                out[i, 0] = True
                continue
            for j in np.flatnonzero(top[i]):
                members = np.flatnonzero(self._sub_parent == j)
                specific = members[~self._sub_is_other[members]]
                if raw_sub is None:  # "frequent" or "other": the largest prior share
                    out[i, members[int(np.argmax(self.sub_prior_[members]))]] = True
                    continue
                chosen = specific[raw_sub[i, specific] >= threshold] if len(specific) else specific
                if len(chosen):
                    out[i, chosen] = True
                else:
                    fallback = members[self._sub_is_other[members]]
                    out[i, fallback if len(fallback) else members[:1]] = True
        return out

    # ------------------------------------------------------------- persistence
    def _arrays(self) -> dict[str, np.ndarray]:
        arrays = {"label_embeddings": self.label_embeddings_, "sim_mean": self.sim_mean_,
                  "sim_scale": self.sim_scale_, "sub_prior": self.sub_prior_,
                  "thresholds": np.array([self.threshold_, self.sub_threshold_, self.other_threshold_])}
        for name in ("coef_", "intercept_", "sub_coef_", "sub_intercept_"):
            if getattr(self, name) is not None:
                arrays[name.rstrip("_")] = getattr(self, name)
        return arrays

    def __getstate__(self):  # pickles without the last batch's cached features
        state = self.__dict__.copy()
        state.pop("_last", None)
        return state


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(vector)
    return vector / norm if norm > 0 else vector


def _check_texts(texts) -> list[str]:
    if isinstance(texts, str):
        raise TypeError("texts must be a sequence of strings, not a single string")
    texts = list(texts)
    for k, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"text {k} is {type(text).__name__}, not str")
    return texts


def _binarize(label_lists: Sequence[Sequence[str]], labels: Sequence[str]) -> np.ndarray:
    index = {label: j for j, label in enumerate(labels)}
    out = np.zeros((len(label_lists), len(labels)), dtype=bool)
    for i, row in enumerate(label_lists):
        for label in row:
            out[i, index[label]] = True
    return out


def _predict_heads(X: np.ndarray, coef: np.ndarray, intercept: np.ndarray) -> np.ndarray:
    z = np.clip(X @ coef.T + intercept, -50, 50)
    return 1.0 / (1.0 + np.exp(-z))


def _inner_folds(texts: Sequence[str], gold, k: int, random_state) -> np.ndarray:
    """Fold of each training text, from a seeded hash of its content (so the folds, and with
    them the thresholds, do not depend on the order of the training data). Texts equal up to
    case, whitespace and typographic quotes are one document and share a fold
    (:func:`framing._documents.document_groups`); a document's hash is the smallest of its
    texts'."""
    salt = str(random_state).encode()
    keys = [hashlib.sha1(salt + t.encode("utf-8") + repr(g).encode("utf-8")).hexdigest()
            for t, g in zip(texts, gold)]
    groups = document_groups(texts)
    document_hash: dict[int, str] = {}
    for group, key in zip(groups, keys):
        document_hash[group] = min(document_hash.get(group, key), key)
    ranked = sorted(document_hash, key=document_hash.__getitem__)
    fold_of = {group: rank % min(int(k), len(ranked)) for rank, group in enumerate(ranked)}
    return np.array([fold_of[group] for group in groups], dtype=int)


def _best_threshold(grid: np.ndarray, score) -> float:
    """The middle of the thresholds with the best score (ties are common on small data)."""
    values = np.array([score(t) for t in grid])
    best = grid[np.flatnonzero(values >= values.max() - 1e-12)]
    return float(np.median(best))


# ------------------------------------------------------------------------------ data


def _dataset_dir(path: str | os.PathLike) -> Path:
    root = Path(path)
    if not (root / "subtask-2-annotations.txt").exists() and (root / DATASET_DIR).is_dir():
        root = root / DATASET_DIR
    if not (root / "subtask-2-annotations.txt").exists():
        languages = sorted(p.name for p in root.iterdir() if (p / "subtask-2-annotations.txt").is_file()) \
            if root.is_dir() else []
        hint = f"; pass one of its language folders: {', '.join(languages)}" if languages else ""
        raise FileNotFoundError(f"{root}: no subtask-2-annotations.txt (expected the SemEval-2025 Task 10 "
                                f"folder, e.g. ../shared/data/{DATASET_DIR}){hint}")
    return root


def _domain_of_document(doc_id: str, labels: Sequence[str]) -> str:
    from framing.semeval import domain_of

    return domain_of(doc_id, labels) or "unknown"


def load_semeval_narratives(path: str | os.PathLike) -> pd.DataFrame:
    """SemEval-2025 Task 10 subtask 2 documents with their gold labels.

    ``path`` is the task folder (``subtask-2-annotations.txt`` and ``raw-documents/``; a language
    folder of the multilingual release has the same layout) or a folder containing
    ``semeval2025-roles-narratives-en``. Columns: ``doc_id`` (as in the annotation file),
    ``domain`` ("URW" for ``*_UA_*`` and ``*-URW-*`` ids, "CC" for ``*_CC_*``, else the prefix of
    the document's labels; "unknown" when they do not tell), ``text`` (the raw document: title,
    blank line, body; without a byte-order mark, with LF line ends), ``narratives`` and
    ``subnarratives`` (lists, duplicates removed, apostrophes normalised, in file order). Labels
    of the other domain are kept here; models drop them. Annotation lines are read as released
    (:func:`framing.semeval.read_tsv`: CRLF, trailing tabs and empty trailing fields dropped).
    A document id listed twice (``X`` and ``X.txt`` name the same file) raises ``ValueError``
    naming the line.
    """
    from framing.semeval import read_document, read_tsv

    root = _dataset_dir(path)
    annotations = root / "subtask-2-annotations.txt"
    rows, seen = [], set()
    for lineno, parts in read_tsv(annotations):
        if len(parts) not in (2, 3):
            raise ValueError(f"{annotations}:{lineno}: expected 3 tab-separated fields, got {len(parts)}")
        doc_id, narratives, subnarratives = (p.strip() for p in [*parts, ""][:3])
        if doc_id.removesuffix(".txt") in seen:  # "X" and "X.txt" name one file
            raise ValueError(f"{annotations}:{lineno}: duplicate document id {doc_id!r}")
        seen.add(doc_id.removesuffix(".txt"))
        document = root / "raw-documents" / doc_id
        if not document.exists() and (root / "raw-documents" / f"{doc_id}.txt").exists():
            document = root / "raw-documents" / f"{doc_id}.txt"
        if not document.exists():
            raise FileNotFoundError(f"{annotations}:{lineno}: no document {document}")
        text = read_document(document, normalize_newlines=True).strip()
        top = _unique(_canonical(x) for x in narratives.split(";") if x.strip())
        sub = _unique(_canonical(x) for x in subnarratives.split(";") if x.strip())
        rows.append({"doc_id": doc_id, "domain": _domain_of_document(doc_id, top), "text": text,
                     "narratives": top, "subnarratives": sub})
    frame = pd.DataFrame(rows, columns=["doc_id", "domain", "text", "narratives", "subnarratives"])
    return frame.astype({"doc_id": "string", "domain": "string", "text": "string"})


# ------------------------------------------------------------------------ evaluation


def _json_params(model: NarrativeClassifier) -> dict:
    return {k: v for k, v in model.get_params().items() if k not in ("encoder", "taxonomy")}


def _domain_data(path, domain: str, taxonomy: NarrativeTaxonomy):
    if domain not in taxonomy.domains:
        raise ValueError(f"unknown domain {domain!r}; the taxonomy has {list(taxonomy.domains)}")
    data = load_semeval_narratives(path)
    data = data[data["domain"] == domain].sort_values("doc_id").reset_index(drop=True)
    if len(data) < 2:
        raise ValueError(f"{len(data)} {domain} documents in {path}: too few to train or evaluate")
    gold = [taxonomy.targets(n, s, domain=domain) for n, s in zip(data["narratives"], data["subnarratives"])]
    return data, [g[0] for g in gold], [g[1] for g in gold]


def _baselines(train_top, train_sub, n_test: int, taxonomy: NarrativeTaxonomy) -> dict:
    """Label-frequency baselines fitted on the training documents of a fold."""
    pairs = Counter((tuple(sorted(t)), tuple(sorted(s))) for t, s in zip(train_top, train_sub))
    (top_set, sub_set), _ = max(pairs.items(), key=lambda kv: (kv[1], kv[0]))
    counts = Counter(label for labels in train_top for label in labels if label != OTHER)
    ranked = sorted(counts, key=lambda label: (-counts[label], label))
    sub_counts = Counter(label for labels in train_sub for label in labels)
    out = {"most_frequent_set": (list(top_set), list(sub_set)), "always_other": ([OTHER], [OTHER])}
    for k in (1, 2, 3):
        top = ranked[:k]
        sub = [max(taxonomy.subnarratives[n], key=lambda s: (sub_counts[s], s.endswith(": Other"))) for n in top]
        out[f"top_{k}_narratives"] = (top, sub)
    return {name: [value] * n_test for name, value in out.items()}


def _with_gold_other(gold: Sequence[str], predicted: Sequence[str], best: str) -> list[str]:
    """A prediction with its "Other" decision taken from ``gold``: "Other" where the gold set is
    "Other", else the predicted narratives, or ``best`` (the top-scoring narrative) where the
    prediction was "Other"."""
    if list(gold) == [OTHER]:
        return [OTHER]
    return [label for label in predicted if label != OTHER] or [best]


def evaluate_narratives(path: str | os.PathLike, *, folds: int = 5, seed: int = 0, domain: str = "URW",
                        model: Literal["lexical", "similarity"] = "lexical", **params) -> dict:
    """Scores of a narrative model on SemEval-2025 Task 10 subtask 2: ``model="lexical"`` (the
    packaged :class:`LexicalNarrativeClassifier`; :func:`evaluate_lexical_narratives`, with the
    translated documents and the held-out part) or ``"similarity"`` (:class:`NarrativeClassifier`,
    English documents only; :func:`evaluate_similarity_narratives`)."""
    if model == "lexical":
        return evaluate_lexical_narratives(path, folds=folds, seed=seed, domain=domain, **params)
    if model != "similarity":
        raise ValueError(f"model must be 'lexical' or 'similarity', got {model!r}")
    return evaluate_similarity_narratives(path, folds=folds, seed=seed, domain=domain, **params)


def evaluate_similarity_narratives(path: str | os.PathLike, *, folds: int = 5, seed: int = 0, domain: str = "URW",
                                   **params) -> dict:
    """Cross-validated samples F1 of :class:`NarrativeClassifier` on SemEval-2025 Task 10 subtask 2.

    Documents of ``domain`` are split into ``folds`` folds by document (shuffled with ``seed``);
    a document is one annotated file with its copies: ids that are equal without ``.txt``, or
    texts equal up to case, whitespace and typographic quotes (the English release has one
    climate article under two ids, ``EN_CC_200093`` and ``EN_CC_200107``), always fall in one
    fold and are each scored once, by a model that saw neither. The classifier (``params`` are
    its parameters; ``random_state`` defaults to ``seed``) is fitted on the other folds,
    thresholds included, and predicts the held-out fold. Reported: samples F1
    of narratives and sub-narratives over all held-out predictions and per fold, per-narrative
    precision/recall/F1, and the same scores for baselines fitted on each training fold: the most
    frequent label set, "Other" always, and the k most frequent narratives (each with its most
    frequent sub-narrative), k = 1, 2, 3. ``narratives_f1_given_gold_other`` splits the error:
    the narrative-level score when "Other" is decided as in the gold labels and the other
    documents keep the model's narratives (its best one when it predicted "Other").
    """
    from sklearn.model_selection import KFold

    start = time.perf_counter()
    taxonomy = params.get("taxonomy") or NarrativeTaxonomy.default()
    data, gold_top, gold_sub = _domain_data(path, domain, taxonomy)
    texts = data["text"].tolist()
    # folds of whole documents; with one row per document these are the folds of the rows
    groups = document_groups(texts, data["doc_id"].tolist())
    n_documents = int(groups.max()) + 1
    if not 2 <= int(folds) <= n_documents:
        same = "" if n_documents == len(texts) else f" of {len(texts)} files"
        raise ValueError(f"folds must be between 2 and the number of {domain} documents "
                         f"({n_documents} distinct{same}), got {folds}")
    base = params.pop("encoder", None)
    encoder = MemoEncoder(base if base is not None else _default_encoder())
    params.setdefault("random_state", seed)
    splitter = KFold(n_splits=int(folds), shuffle=True, random_state=seed)
    pred_top: list = [None] * len(texts)
    pred_sub: list = [None] * len(texts)
    gold_other_top: list = [None] * len(texts)
    base_pred: dict[str, list] = {}
    fold_scores = {"narratives": [], "subnarratives": []}
    model = None
    for train_documents, test_documents in splitter.split(np.arange(n_documents)):
        train, test = rows_of(groups, train_documents), rows_of(groups, test_documents)
        model = NarrativeClassifier(encoder=encoder, domain=domain, **params)
        model.fit([texts[i] for i in train], [gold_top[i] for i in train], [gold_sub[i] for i in train])
        test_texts = [texts[i] for i in test]
        proba = model.predict_proba(test_texts)
        for row, i, (top, sub) in zip(proba, test, model.predict(test_texts)):
            pred_top[i], pred_sub[i] = top, sub
            gold_other_top[i] = _with_gold_other(gold_top[i], top, model.narratives_[1 + int(np.argmax(row[1:]))])
        fold_scores["narratives"].append(samples_f1([gold_top[i] for i in test], [pred_top[i] for i in test]))
        fold_scores["subnarratives"].append(samples_f1([gold_sub[i] for i in test], [pred_sub[i] for i in test]))
        for name, values in _baselines([gold_top[i] for i in train], [gold_sub[i] for i in train],
                                       len(test), taxonomy).items():
            slot = base_pred.setdefault(name, [None] * len(texts))
            for i, value in zip(test, values):
                slot[i] = value

    def scores(top, sub) -> dict:
        return {"narratives": round(samples_f1(gold_top, top), 4), "subnarratives": round(samples_f1(gold_sub, sub), 4)}

    labels = taxonomy.restrict(domain).narratives
    return {
        "task": "SemEval-2025 Task 10 subtask 2 (English), article-level narratives",
        "domain": domain,
        "n_docs": len(texts),
        "folds": int(folds),
        "seed": int(seed),
        "params": _json_params(model),
        "samples_f1": scores(pred_top, pred_sub),
        "fold_samples_f1": {k: [round(v, 4) for v in vs] for k, vs in fold_scores.items()},
        "per_label": _per_label(gold_top, pred_top, labels),
        # How much of the error is the "Other" decision: narrative-level samples F1 when "Other" is
        # decided as in the gold labels and the narratives of the rest are the model's (at least its
        # best one).
        "narratives_f1_given_gold_other": round(samples_f1(gold_top, gold_other_top), 4),
        "baselines": {name: scores([v[0] for v in values], [v[1] for v in values])
                      for name, values in base_pred.items()},
        "mean_gold_narratives": round(float(np.mean([len(g) for g in gold_top])), 3),
        "mean_predicted_narratives": round(float(np.mean([len(p) for p in pred_top])), 3),
        "encoder": getattr(encoder.encoder, "name", type(encoder.encoder).__name__),
        "seconds": round(time.perf_counter() - start, 1),
    }


# ------------------------------------------------------------------- lexical hierarchical model

LEXICAL_FORMAT = "narratives-tfidf-1"
TRANSLATED_DIR = "semeval2025-multilingual"
TRANSLATED_LANGUAGES = ("BG", "HI", "PT")
_RULE_GRID_OTHER = np.round(np.arange(0.2, 0.96, 0.05), 3)
_RULE_GRID_RELATIVE = np.round(np.arange(0.3, 1.01, 0.1), 3)
_SUB_GRID = (0.2, 0.3, 0.4, 0.5, 0.6)


class LexicalNarrativeClassifier(_NarrativeOutputs, BaseEstimator):
    """Hierarchical narrative classifier on TF-IDF word and word-pair features (the packaged model).

    Three decisions, each with its own logistic regressions (``class_weight="balanced"``, liblinear)
    on the same sparse TF-IDF features of the whole article (sublinear term frequency) plus one
    column that is 1 for an original English article and 0 for a machine translation:

    1. **"Other"**: one head, trained on every training article, calibrated on out-of-fold scores
       together with the origin column (``other_calibration_``; translated training articles are
       far less often "Other", 5–20 % against 34 % in English), and predicted when its calibrated
       probability reaches ``other_threshold_`` = f / (1 + f), f being the out-of-fold samples
       F1 of the narrative decision (see :meth:`_tune`).
    2. **Narratives** (when not "Other"): one head per narrative, trained on the articles that
       carry at least one narrative; predicted are the narratives whose probability reaches
       ``relative_threshold_`` times the best one's (so at least one).
    3. **Sub-narratives** under each predicted narrative: one head per sub-narrative, trained on
       the articles that carry its narrative; the specific sub-narratives reaching
       ``sub_threshold_``, else "<narrative>: Other".

    The decision rules come from out-of-fold scores of an inner cross-validation of the training
    articles (``inner_folds``, whole documents): see :meth:`_tune`. At prediction time an article
    is an original English one unless ``translated`` says otherwise.

    Parameters
    ----------
    taxonomy, domain
        As for :class:`NarrativeClassifier`.
    C, C_other
        Inverse L2 strength of the narrative and sub-narrative heads, and of the "Other" head
        (``None``: ``C``).
    ngram_range, min_df, max_features
        Of the TF-IDF vocabulary (fitted on the training articles).
    inner_folds, random_state
        Inner cross-validation that chooses the thresholds.
    """

    _format = LEXICAL_FORMAT

    def __init__(self, *, taxonomy: NarrativeTaxonomy | None = None, domain: Literal["URW", "CC"] = "URW",
                 C: float = 10.0, C_other: float | None = None, ngram_range: tuple[int, int] = (1, 1),
                 min_df: int = 2, max_features: int | None = 50000, inner_folds: int = 3,
                 random_state: int | None = 0):
        self.taxonomy = taxonomy
        self.domain = domain
        self.C = C
        self.C_other = C_other
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_features = max_features
        self.inner_folds = inner_folds
        self.random_state = random_state

    # ------------------------------------------------------------------ fitting
    def fit(self, texts: Sequence[str], narratives: Sequence[Sequence[str]],
            subnarratives: Sequence[Sequence[str]], *, translated: Sequence[bool] | None = None
            ) -> LexicalNarrativeClassifier:
        """Learn from texts and their gold label lists (labels of other domains are dropped);
        ``translated`` marks machine-translated training articles (default: none)."""
        texts = _check_texts(texts)
        if not (len(texts) == len(narratives) == len(subnarratives)):
            raise ValueError(f"{len(texts)} texts, {len(narratives)} narrative lists and "
                             f"{len(subnarratives)} sub-narrative lists: lengths differ")
        if len(texts) < 2 or document_groups(texts).max() < 1:
            raise ValueError("fit needs at least two distinct texts")
        if not (isinstance(self.C, (int, float)) and self.C > 0):
            raise ValueError(f"C must be a positive number, got {self.C!r}")
        if int(self.inner_folds) != self.inner_folds or self.inner_folds < 2:
            raise ValueError(f"inner_folds must be an integer >= 2, got {self.inner_folds!r}")
        full = self.taxonomy if self.taxonomy is not None else NarrativeTaxonomy.default()
        if self.domain not in full.domains:
            raise ValueError(f"unknown domain {self.domain!r}; the taxonomy has {list(full.domains)}")
        taxonomy = full.restrict(self.domain)
        gold = [full.targets(n, s, domain=self.domain) for n, s in zip(narratives, subnarratives)]
        self.taxonomy_ = taxonomy
        self.narratives_ = taxonomy.narratives
        self.subnarratives_ = (OTHER,) + tuple(s for n in self.narratives_[1:] for s in taxonomy.subnarratives[n])
        self._set_structure()
        Y = np.hstack([_binarize([g[0] for g in gold], self.narratives_),
                       _binarize([g[1] for g in gold], self.subnarratives_)[:, 1:]])
        original = self._original(translated, len(texts))
        from sklearn.feature_extraction.text import TfidfVectorizer

        vectorizer = TfidfVectorizer(ngram_range=tuple(self.ngram_range), min_df=int(self.min_df),
                                     max_features=self.max_features, sublinear_tf=True, dtype=np.float64)
        words = vectorizer.fit_transform(texts)
        self.vocabulary_ = tuple(vectorizer.get_feature_names_out())
        self.idf_ = vectorizer.idf_
        self._vectorizer_cache = vectorizer
        X = self._with_origin(words, original)
        # thresholds from out-of-fold scores of the training documents
        folds = _inner_folds(texts, gold, self.inner_folds, self.random_state)
        oof = np.zeros(Y.shape)
        for k in np.unique(folds):
            held = folds == k
            coef, intercept = self._fit_heads(X[~held], Y[~held])
            oof[held] = _predict_heads_sparse(X[held], coef, intercept)
        self.other_threshold_, self.relative_threshold_, self.sub_threshold_ = self._tune(
            oof, [g[0] for g in gold], [g[1] for g in gold], original)
        self.coef_, self.intercept_ = self._fit_heads(X, Y)
        self.n_train_ = len(texts)
        self.n_translated_ = int((~original).sum())
        return self

    def _set_structure(self) -> None:
        index = {n: j for j, n in enumerate(self.narratives_)}
        self._sub_parent = np.array([0] + [index[self.taxonomy_.parent(s)] for s in self.subnarratives_[1:]])
        self._sub_is_other = np.array([False] + [s.endswith(": Other") for s in self.subnarratives_[1:]])

    @staticmethod
    def _original(translated, n: int) -> np.ndarray:
        if translated is None:
            return np.ones(n, dtype=bool)
        translated = np.asarray(translated, dtype=bool)
        if translated.shape != (n,):
            raise ValueError(f"translated has {translated.size} entries for {n} texts")
        return ~translated

    @staticmethod
    def _with_origin(words, original: np.ndarray):
        from scipy import sparse

        return sparse.hstack([words, sparse.csr_matrix(original.astype(float)[:, None])], format="csr")

    def _fit_heads(self, X, Y: np.ndarray):
        """Heads of all columns of ``Y``: column 0 "Other" on every row, narratives on rows with a
        narrative, sub-narratives on rows with their narrative. Returns a sparse coefficient
        matrix ``(heads, features)`` and intercepts."""
        from scipy import sparse

        L = len(self.narratives_)
        has_narrative = ~Y[:, 0]
        rows, cols, vals = [], [], []
        intercept = np.zeros(Y.shape[1])
        for j in range(Y.shape[1]):
            if j == 0:
                mask, C = np.ones(len(Y), dtype=bool), self.C_other if self.C_other is not None else self.C
            elif j < L:
                mask, C = has_narrative, self.C
            else:
                mask, C = Y[:, self._sub_parent[j - L + 1]], self.C
            y = Y[mask, j]
            if not len(y) or y.all() or not y.any():
                intercept[j] = _CONSTANT_LOGIT if len(y) and y.all() else -_CONSTANT_LOGIT
                continue
            head = LogisticRegression(C=float(C), class_weight="balanced", solver="liblinear", max_iter=3000,
                                      random_state=self.random_state).fit(X[mask], y)
            nonzero = np.flatnonzero(head.coef_[0])
            rows += [j] * len(nonzero)
            cols += nonzero.tolist()
            vals += head.coef_[0, nonzero].tolist()
            intercept[j] = head.intercept_[0]
        coef = sparse.csr_matrix((vals, (rows, cols)), shape=(Y.shape[1], X.shape[1]))
        return coef, intercept

    def _calibrate(self, raw_other: np.ndarray, original: np.ndarray) -> np.ndarray:
        """P("Other") from the "Other" head's raw probability and the article's origin."""
        a, slope, shift = self.other_calibration_
        p = np.clip(raw_other, _EPS, 1 - _EPS)
        z = a + slope * np.log(p / (1 - p)) + shift * original.astype(float)
        return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))

    def _tune(self, oof: np.ndarray, gold_top, gold_sub, original: np.ndarray) -> tuple[float, float, float]:
        """Decision rules from out-of-fold scores of the training documents.

        1. The relative narrative threshold maximises samples F1 on the documents that carry a
           narrative (the narrative decision given "not Other").
        2. The "Other" head is calibrated: a logistic regression of the gold "Other" on its
           out-of-fold log-odds and the origin column (so originals and translations, whose
           "Other" rates differ several-fold, each get calibrated probabilities).
        3. "Other" is predicted when its calibrated probability p satisfies p >= (1 - p) * f,
           where f is the out-of-fold samples F1 of the narrative decision on the documents with
           a narrative: saying "Other" scores 1 with probability p, naming narratives scores f
           on average with probability 1 - p. So the threshold is f / (1 + f), derived, not
           searched.
        4. The sub-narrative threshold maximises samples F1 at the sub-narrative level.
        """
        is_other = np.array([g == [OTHER] for g in gold_top])
        narrative_rows = np.flatnonzero(~is_other)
        never_other = np.full(len(oof), np.inf)
        best, t_rel = -1.0, 0.5
        if len(narrative_rows):
            for t in _RULE_GRID_RELATIVE:
                score = samples_f1([gold_top[i] for i in narrative_rows], label_lists(
                    self._decide_top(oof[narrative_rows], never_other[narrative_rows], t), self.narratives_))
                if score > best + 1e-12:
                    best, t_rel = score, float(t)
        f = max(best, 0.0)
        p = np.clip(oof[:, 0], _EPS, 1 - _EPS)
        features = np.column_stack([np.log(p / (1 - p)), original.astype(float)])
        if is_other.all() or not is_other.any():
            self.other_calibration_ = np.array([_CONSTANT_LOGIT if is_other.all() else -_CONSTANT_LOGIT, 0.0, 0.0])
        else:
            used = [0, 1] if 0 < original.sum() < len(original) else [0]
            calibrator = LogisticRegression(C=1.0, max_iter=1000).fit(features[:, used], is_other)
            coef = np.zeros(2)
            coef[used] = calibrator.coef_[0]
            self.other_calibration_ = np.array([calibrator.intercept_[0], coef[0], coef[1]])
        t_other = f / (1.0 + f)
        calibrated = oof.copy()
        calibrated[:, 0] = self._calibrate(oof[:, 0], original)
        top = self._decide_top(calibrated, t_other, t_rel)
        best_sub, t_sub = -1.0, 0.5
        for t in _SUB_GRID:
            score = samples_f1(gold_sub, label_lists(self._decide_sub(top, oof, t), self.subnarratives_))
            if score > best_sub + 1e-12:
                best_sub, t_sub = score, float(t)
        self.narrative_f1_ = f
        return float(t_other), t_rel, t_sub

    # --------------------------------------------------------------- decisions
    def _decide_top(self, P: np.ndarray, t_other, t_rel: float) -> np.ndarray:
        """Boolean ``(n, L)`` decisions: "Other" where its head reaches ``t_other`` (a number or
        one per row), else the narratives reaching ``t_rel`` times the best one's probability."""
        L = len(self.narratives_)
        out = np.zeros((len(P), L), dtype=bool)
        narr = P[:, 1:L]
        other = P[:, 0] >= t_other
        out[other, 0] = True
        best = narr.max(axis=1, keepdims=True)
        chosen = (narr >= t_rel * best) & ~other[:, None]
        chosen[np.arange(len(P)), narr.argmax(axis=1)] |= ~other
        out[:, 1:] = chosen
        return out

    def _decide_sub(self, top: np.ndarray, P: np.ndarray, t_sub: float) -> np.ndarray:
        L = len(self.narratives_)
        S = len(self.subnarratives_)
        out = np.zeros((len(top), S), dtype=bool)
        sub = P[:, L - 1:]  # column 0 of sub is "Other" (unused): align with subnarratives_
        for i in range(len(top)):
            if top[i, 0]:
                out[i, 0] = True
                continue
            for j in np.flatnonzero(top[i]):
                members = np.flatnonzero(self._sub_parent == j)
                specific = members[~self._sub_is_other[members]]
                chosen = specific[sub[i, specific] >= t_sub]
                if len(chosen):
                    out[i, chosen] = True
                else:
                    fallback = members[self._sub_is_other[members]]
                    out[i, fallback if len(fallback) else members[:1]] = True
        return out

    # --------------------------------------------------------------- prediction
    def _raw(self, texts, translated=None) -> np.ndarray:
        check_is_fitted(self, "coef_")
        texts = _check_texts(texts)
        if not texts:
            return np.zeros((0, self.coef_.shape[0]))
        original = self._original(translated, len(texts))
        P = _predict_heads_sparse(self._with_origin(self._vectorizer().transform(texts), original),
                                  self.coef_, self.intercept_)
        P[:, 0] = self._calibrate(P[:, 0], original)
        return P

    def _vectorizer(self):
        vectorizer = getattr(self, "_vectorizer_cache", None)
        if vectorizer is None:
            from sklearn.feature_extraction.text import TfidfVectorizer

            vectorizer = TfidfVectorizer(ngram_range=tuple(self.ngram_range), sublinear_tf=True, dtype=np.float64,
                                         vocabulary={term: k for k, term in enumerate(self.vocabulary_)})
            vectorizer.idf_ = np.asarray(self.idf_, dtype=np.float64)
            self._vectorizer_cache = vectorizer
        return vectorizer

    def _scores(self, P: np.ndarray, translated=None) -> tuple[np.ndarray, np.ndarray]:
        L = len(self.narratives_)
        p_other = np.clip(P[:, 0], _EPS, 1 - _EPS)
        t = min(max(self.other_threshold_, _EPS), 1 - _EPS)
        other = 1.0 / (1.0 + np.exp(-(np.log(p_other / (1 - p_other)) - np.log(t / (1 - t)))))
        top = np.column_stack([other, (1.0 - other)[:, None] * P[:, 1:L]])
        cond = P[:, L - 1:].copy()
        for j in range(1, L):  # "<narrative>: Other": one minus the best specific sub-narrative
            members = np.flatnonzero(self._sub_parent == j)
            specific = members[~self._sub_is_other[members]]
            best = cond[:, specific].max(axis=1) if len(specific) else np.zeros(len(P))
            cond[:, members[self._sub_is_other[members]]] = (1.0 - best)[:, None]
        sub = top[:, self._sub_parent] * cond
        sub[:, 0] = top[:, 0]
        return top, sub

    def predict_proba(self, texts: Sequence[str], *, translated: Sequence[bool] | None = None) -> np.ndarray:
        """Scores ``(n, len(narratives_))`` in [0, 1]. Column 0 ("Other") is the "Other" head's
        probability squashed so that 0.5 is its threshold (>= 0.5: "Other"); a narrative's score
        is its head's probability times one minus that. Scores rank texts; the decisions are
        :meth:`predict`'s (relative rule)."""
        return self._scores(self._raw(texts, translated), translated)[0]

    def predict_sub_proba(self, texts: Sequence[str], *, translated: Sequence[bool] | None = None) -> np.ndarray:
        """Scores ``(n, len(subnarratives_))``: the narrative's score times its sub-narrative head's
        probability (for "<narrative>: Other", one minus the best specific one)."""
        return self._scores(self._raw(texts, translated), translated)[1]

    def predict(self, texts: Sequence[str], *, translated: Sequence[bool] | None = None
                ) -> list[tuple[list[str], list[str]]]:
        """``(narratives, subnarratives)`` per text; "Other" stands alone at both levels."""
        P = self._raw(texts, translated)
        top = self._decide_top(P, self.other_threshold_, self.relative_threshold_)
        sub = self._decide_sub(top, P, self.sub_threshold_)
        return list(zip(label_lists(top, self.narratives_), label_lists(sub, self.subnarratives_)))

    def _arrays(self) -> dict[str, np.ndarray]:
        coef = self.coef_.tocsr()
        return {"vocabulary": np.array(self.vocabulary_, dtype=str), "idf": np.asarray(self.idf_, dtype=np.float64),
                "coef_data": coef.data.astype(np.float32), "coef_indices": coef.indices.astype(np.int32),
                "coef_indptr": coef.indptr.astype(np.int64), "coef_shape": np.array(coef.shape, dtype=np.int64),
                "intercept": np.asarray(self.intercept_, dtype=np.float64),
                "thresholds": np.array([self.other_threshold_, self.relative_threshold_, self.sub_threshold_]),
                "other_calibration": np.asarray(self.other_calibration_, dtype=np.float64)}

    def __getstate__(self):
        state = self.__dict__.copy()
        state.pop("_vectorizer_cache", None)
        return state


def _predict_heads_sparse(X, coef, intercept: np.ndarray) -> np.ndarray:
    z = np.clip(np.asarray((X @ coef.T).todense()) + intercept, -50, 50)
    return 1.0 / (1.0 + np.exp(-z))


def _translated_folder(path: str | os.PathLike) -> Path | None:
    """The multilingual release beside (or inside) ``path``, if there is one."""
    root = Path(path)
    for candidate in (root / TRANSLATED_DIR, root.parent / TRANSLATED_DIR, root):
        if all((candidate / language / "translated-documents").is_dir() for language in TRANSLATED_LANGUAGES):
            return candidate
    return None


def load_translated_narratives(path: str | os.PathLike, *, domain: str = "URW", domain_model=None) -> pd.DataFrame:
    """The English machine translations of the Bulgarian, Hindi and Portuguese SemEval-2025 Task
    10 documents (``<path>/<LANG>/translated-documents/``) with their subtask 2 labels, as
    :func:`load_semeval_narratives` returns them plus ``language``. The domain comes from the
    labels; a document labelled "Other" only is given the domain of the packaged domain model
    (:mod:`framing.domains`: "war" is URW, "climate" CC). Only documents of ``domain`` are kept."""
    from framing.semeval import read_document, read_tsv

    root = Path(path)
    rows = []
    for language in TRANSLATED_LANGUAGES:
        folder = root / language
        for _, parts in read_tsv(folder / "subtask-2-annotations.txt"):
            doc_id, narratives, subnarratives = (p.strip() for p in [*parts, ""][:3])
            top = _unique(_canonical(x) for x in narratives.split(";") if x.strip())
            sub = _unique(_canonical(x) for x in subnarratives.split(";") if x.strip())
            text = read_document(folder / "translated-documents" / doc_id, normalize_newlines=True).strip()
            rows.append({"doc_id": doc_id.removesuffix(".txt"), "domain": _domain_of_document(doc_id, top),
                         "text": text, "narratives": top, "subnarratives": sub, "language": language})
    frame = pd.DataFrame(rows, columns=["doc_id", "domain", "text", "narratives", "subnarratives", "language"])
    unknown = (frame["domain"] == "unknown").to_numpy()
    if unknown.any():
        if domain_model is None:
            from framing.domains import load_domain_model

            domain_model = load_domain_model()
        names = {"war": "URW", "climate": "CC"}
        frame.loc[unknown, "domain"] = [names.get(str(p), "none")
                                        for p in domain_model.predict(frame.loc[unknown, "text"].tolist())]
    frame = frame[frame["domain"] == domain].reset_index(drop=True)
    return frame.astype({"doc_id": "string", "domain": "string", "text": "string", "language": "string"})


def _pooled_data(path, domain: str, taxonomy: NarrativeTaxonomy, translated: bool | str | os.PathLike | None):
    """English documents of ``path`` plus (``translated``: True/None = look beside ``path``; a
    path; False = none) the translated ones; columns as the loaders' plus ``source``, ``held_out``,
    ``top`` and ``sub`` (gold labels made consistent for ``domain``)."""
    from framing._heldout import is_held_out

    english = load_semeval_narratives(path)
    english = english[english["domain"] == domain].assign(source="EN")
    parts = [english]
    folder = None
    if translated is None or translated is True:
        folder = _translated_folder(Path(path).parent) or _translated_folder(path)
        if translated is True and folder is None:
            raise FileNotFoundError(f"no {TRANSLATED_DIR} folder with translated documents beside {path}")
    elif translated is not False:
        folder = Path(translated)
    if folder is not None:
        other = load_translated_narratives(folder, domain=domain)
        parts.append(other.assign(source=other["language"]).drop(columns="language"))
    data = pd.concat(parts, ignore_index=True)
    data["doc_id"] = data["doc_id"].astype(str).str.removesuffix(".txt")
    data = data.sort_values(["source", "doc_id"]).reset_index(drop=True)
    data["held_out"] = [is_held_out(d) for d in data["doc_id"]]
    gold = [taxonomy.targets(n, s, domain=domain) for n, s in zip(data["narratives"], data["subnarratives"])]
    data["top"] = [g[0] for g in gold]
    data["sub"] = [g[1] for g in gold]
    return data


def _bootstrap(gold, predicted, *, n_boot: int = 1000, seed: int = 0) -> list[float]:
    """95 % percentile interval of samples F1, resampling documents."""
    rng = np.random.default_rng(seed)
    per_doc = np.array([2 * len(set(g) & set(p)) / (len(set(g)) + len(set(p))) for g, p in zip(gold, predicted)])
    means = per_doc[rng.integers(0, len(per_doc), size=(n_boot, len(per_doc)))].mean(axis=1)
    return [round(float(np.quantile(means, 0.025)), 4), round(float(np.quantile(means, 0.975)), 4)]


def _part_scores(data: pd.DataFrame, rows: np.ndarray, top, sub, baselines: dict, *, interval: bool) -> dict:
    out = {"n_docs": int(len(rows))}
    if not len(rows):
        return out
    gold_top = [data["top"][i] for i in rows]
    gold_sub = [data["sub"][i] for i in rows]
    for level, gold, pred in (("narratives", gold_top, [top[i] for i in rows]),
                              ("subnarratives", gold_sub, [sub[i] for i in rows])):
        out[level] = round(samples_f1(gold, pred), 4)
        if interval:
            out[f"{level}_ci95"] = _bootstrap(gold, pred)
    out["baselines"] = {name: {"narratives": round(samples_f1(gold_top, [v[i][0] for i in rows]), 4),
                               "subnarratives": round(samples_f1(gold_sub, [v[i][1] for i in rows]), 4)}
                        for name, v in baselines.items()}
    return out


def _parts(data: pd.DataFrame, rows: np.ndarray) -> dict[str, np.ndarray]:
    source = data["source"].to_numpy()
    return {"english": rows[source[rows] == "EN"], "translated": rows[source[rows] != "EN"], "all": rows}


def evaluate_lexical_narratives(path: str | os.PathLike, *, folds: int = 5, seed: int = 0, domain: str = "URW",
                                translated: bool | str | os.PathLike | None = None, heldout: bool = True,
                                **params) -> dict:
    """Scores of :class:`LexicalNarrativeClassifier` (the packaged configuration; ``params``
    override it) on SemEval-2025 Task 10 subtask 2.

    Data: the English documents of ``domain`` in ``path`` and, when the multilingual release is
    found beside it (``translated``), the English machine translations of the Bulgarian, Hindi and
    Portuguese documents of that domain (:func:`load_translated_narratives`). The documents of the
    fixed held-out part (:func:`framing._heldout.is_held_out`) are set aside.

    * ``cv``: ``folds``-fold cross-validation by document on the other documents, English and
      translated pooled for training, scored on the English and on the translated documents
      separately (and together), with baselines fitted on each training fold (the most frequent
      label set, "Other" always, the k most frequent narratives with their most frequent
      sub-narrative).
    * ``held_out`` (``heldout=True``): the model fitted on every non-held-out document scores the
      held-out English and translated documents once, with 95 % bootstrap intervals (documents
      resampled) and the same baselines.
    """
    from sklearn.model_selection import KFold

    start = time.perf_counter()
    taxonomy = params.pop("taxonomy", None) or NarrativeTaxonomy.default()
    data = _pooled_data(path, domain, taxonomy, translated)
    texts = data["text"].tolist()
    is_translated = (data["source"] != "EN").to_numpy()
    params.setdefault("random_state", seed)
    development = np.flatnonzero(~data["held_out"].to_numpy())
    groups = document_groups([texts[i] for i in development], data["doc_id"][development].tolist())
    n_documents = int(groups.max()) + 1
    if not 2 <= int(folds) <= n_documents:
        raise ValueError(f"folds must be between 2 and the number of non-held-out {domain} documents "
                         f"({n_documents}), got {folds}")

    def fit_predict(train, test):
        model = LexicalNarrativeClassifier(taxonomy=taxonomy, domain=domain, **params)
        model.fit([texts[i] for i in train], [data["top"][i] for i in train], [data["sub"][i] for i in train],
                  translated=is_translated[train])
        predicted = model.predict([texts[i] for i in test], translated=is_translated[test])
        base = _baselines([data["top"][i] for i in train], [data["sub"][i] for i in train], len(test), taxonomy)
        return model, predicted, base

    pred_top: list = [None] * len(data)
    pred_sub: list = [None] * len(data)
    base_pred: dict[str, list] = {}
    model = None
    splitter = KFold(n_splits=int(folds), shuffle=True, random_state=seed)
    for train_documents, test_documents in splitter.split(np.arange(n_documents)):
        train = development[rows_of(groups, train_documents)]
        test = development[rows_of(groups, test_documents)]
        model, predicted, base = fit_predict(train, test)
        for i, (top, sub) in zip(test, predicted):
            pred_top[i], pred_sub[i] = top, sub
        for name, values in base.items():
            slot = base_pred.setdefault(name, [None] * len(data))
            for i, value in zip(test, values):
                slot[i] = value
    report = {
        "task": "SemEval-2025 Task 10 subtask 2, article-level narratives (English and English translations)",
        "domain": domain,
        "model": "LexicalNarrativeClassifier",
        "params": {k: v for k, v in model.get_params().items() if k != "taxonomy"},
        "n_docs": {"english": int((~is_translated).sum()), "translated": int(is_translated.sum()),
                   "held_out": int(data["held_out"].sum())},
        "folds": int(folds),
        "seed": int(seed),
        "cv": {name: _part_scores(data, rows, pred_top, pred_sub, base_pred, interval=False)
               for name, rows in _parts(data, development).items()},
    }
    english_dev = development[~is_translated[development]]
    report["cv"]["english"]["per_label"] = _per_label([data["top"][i] for i in english_dev],
                                                      [pred_top[i] for i in english_dev],
                                                      taxonomy.restrict(domain).narratives)
    if heldout:
        held = np.flatnonzero(data["held_out"].to_numpy())
        if len(held):
            _, predicted, base = fit_predict(development, held)
            for i, (top, sub), k in zip(held, predicted, range(len(held))):
                pred_top[i], pred_sub[i] = top, sub
                for name, values in base.items():
                    base_pred[name][i] = values[k]
            report["held_out"] = {name: _part_scores(data, rows, pred_top, pred_sub, base_pred, interval=True)
                                  for name, rows in _parts(data, held).items()}
    report["seconds"] = round(time.perf_counter() - start, 1)
    return report


# ------------------------------------------------------------------- training, storage

def train_narratives(path: str | os.PathLike, *, out: str | os.PathLike, seed: int = 0,
                     cross_validate: bool = True, model: Literal["lexical", "similarity"] = "lexical",
                     **params) -> dict:
    """Train a narrative model and save it to ``out``: ``model="lexical"`` (the packaged one;
    :func:`train_lexical_narratives`) or ``"similarity"`` (:func:`train_similarity_narratives`)."""
    if model == "lexical":
        return train_lexical_narratives(path, out=out, seed=seed, cross_validate=cross_validate, **params)
    if model != "similarity":
        raise ValueError(f"model must be 'lexical' or 'similarity', got {model!r}")
    return train_similarity_narratives(path, out=out, seed=seed, cross_validate=cross_validate, **params)


def train_lexical_narratives(path: str | os.PathLike, *, out: str | os.PathLike, seed: int = 0,
                             cross_validate: bool = True, domain: str = "URW",
                             translated: bool | str | os.PathLike | None = None, **params) -> dict:
    """Fit :class:`LexicalNarrativeClassifier` on every document of ``domain``, English and (when
    found beside ``path``) translated, the held-out part included, and save it to ``out``
    (``narratives.json`` + ``narratives.npz``; no pickle, no text of the documents beyond the
    TF-IDF vocabulary of word and word-pair terms that occur in at least two documents). With
    ``cross_validate``, the report (also stored in the artefact) includes
    :func:`evaluate_lexical_narratives` of the same configuration: cross-validation on the
    non-held-out documents and the held-out score of a model fitted without them."""
    start = time.perf_counter()
    taxonomy = params.pop("taxonomy", None) or NarrativeTaxonomy.default()
    data = _pooled_data(path, domain, taxonomy, translated)
    params.setdefault("random_state", seed)
    model = LexicalNarrativeClassifier(taxonomy=taxonomy, domain=domain, **params)
    is_translated = (data["source"] != "EN").to_numpy()
    model.fit(data["text"].tolist(), data["top"].tolist(), data["sub"].tolist(), translated=is_translated)
    report = {"out": str(out), "domain": domain, "model": "LexicalNarrativeClassifier",
              "n_docs": {"english": int((~is_translated).sum()), "translated": int(is_translated.sum())},
              "params": {k: v for k, v in model.get_params().items() if k != "taxonomy"},
              "thresholds": {"other": model.other_threshold_, "relative": model.relative_threshold_,
                             "sub": model.sub_threshold_},
              "vocabulary_size": len(model.vocabulary_),
              "label_counts": dict(Counter(label for labels in data["top"] for label in labels)),
              "fit_seconds": round(time.perf_counter() - start, 1)}
    if cross_validate:
        report["evaluation"] = evaluate_lexical_narratives(path, seed=seed, domain=domain, translated=translated,
                                                           taxonomy=taxonomy, **params)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    config = {"format": LEXICAL_FORMAT,
              "params": {k: (list(v) if isinstance(v, tuple) else v) for k, v in model.get_params().items()
                         if k != "taxonomy"},
              "taxonomy": model.taxonomy_.to_dict(), "narratives": list(model.narratives_),
              "subnarratives": list(model.subnarratives_), "n_train": model.n_train_,
              "n_translated": model.n_translated_, "training": report}
    (folder / CONFIG_NAME).write_text(json.dumps(config, indent=1, ensure_ascii=False, default=str) + "\n",
                                      encoding="utf-8")
    np.savez_compressed(folder / ARRAYS_NAME, **model._arrays())
    report["version"] = model.version()
    return report


def _load_lexical(folder: Path, config: dict) -> LexicalNarrativeClassifier:
    from scipy import sparse

    params = dict(config["params"])
    params["ngram_range"] = tuple(params["ngram_range"])
    model = LexicalNarrativeClassifier(**params)
    with np.load(folder / ARRAYS_NAME) as arrays:
        stored = {k: arrays[k] for k in arrays.files}
    model.taxonomy_ = NarrativeTaxonomy.from_dict(config["taxonomy"])
    model.narratives_ = tuple(config["narratives"])
    model.subnarratives_ = tuple(config["subnarratives"])
    model._set_structure()
    model.vocabulary_ = tuple(str(t) for t in stored["vocabulary"])
    model.idf_ = stored["idf"]
    model.coef_ = sparse.csr_matrix((stored["coef_data"].astype(np.float64), stored["coef_indices"],
                                     stored["coef_indptr"]), shape=tuple(stored["coef_shape"]))
    model.intercept_ = stored["intercept"]
    model.other_threshold_, model.relative_threshold_, model.sub_threshold_ = (float(x) for x in stored["thresholds"])
    model.other_calibration_ = stored["other_calibration"]
    model.n_train_ = int(config["n_train"])
    model.n_translated_ = int(config.get("n_translated", 0))
    return model


def train_similarity_narratives(path: str | os.PathLike, *, out: str | os.PathLike, seed: int = 0,
                                cross_validate: bool = True, **params) -> dict:
    """Fit :class:`NarrativeClassifier` on every document of the domain and save it to ``out``
    (``narratives.json`` + ``narratives.npz``; no pickle). With ``cross_validate``, the report
    includes :func:`evaluate_narratives` with the same parameters (5 folds of whole documents,
    copies of a document in one fold; ``seed``), which is also stored in the artefact. There is
    no separate development set: thresholds are chosen on the training documents (inner folds
    of whole documents for the heads). Returns the report."""
    start = time.perf_counter()
    options = dict(params)  # the defaults of NarrativeClassifier are the packaged configuration
    domain = options.pop("domain", "URW")
    taxonomy = options.get("taxonomy") or NarrativeTaxonomy.default()
    base = options.pop("encoder", None)
    encoder = MemoEncoder(base if base is not None else _default_encoder())
    data, gold_top, gold_sub = _domain_data(path, domain, taxonomy)
    options.setdefault("random_state", seed)
    model = NarrativeClassifier(encoder=encoder, domain=domain, **options)
    model.fit(data["text"].tolist(), gold_top, gold_sub)
    fit_seconds = time.perf_counter() - start
    report = {"out": str(out), "domain": domain, "n_docs": len(data), "params": _json_params(model),
              "threshold": round(model.threshold_, 4), "sub_threshold": round(model.sub_threshold_, 4),
              "label_counts": dict(Counter(label for labels in gold_top for label in labels)),
              "fit_seconds": round(fit_seconds, 1)}
    if cross_validate:
        report["cv"] = evaluate_similarity_narratives(path, seed=seed, domain=domain, encoder=encoder, **options)
    model.encoder = base
    _save(model, out, report)
    report["version"] = model.version()
    return report


def _save(model: NarrativeClassifier, out: str | os.PathLike, report: dict) -> None:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    if model.encoder is not None and model.encoder_fingerprint_ is None:
        raise ValueError("cannot save a model whose encoder has no fingerprint()")
    config = {
        "format": FORMAT,
        "params": _json_params(model),
        "encoder": {"model": getattr(model.encoder, "model", None), "fingerprint": model.encoder_fingerprint_},
        "taxonomy": model.taxonomy_.to_dict(),
        "narratives": list(model.narratives_),
        "subnarratives": list(model.subnarratives_),
        "description_labels": list(model.description_labels_),
        "n_train": model.n_train_,
        "training": report,
    }
    (folder / CONFIG_NAME).write_text(json.dumps(config, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    np.savez_compressed(folder / ARRAYS_NAME, **model._arrays())


def load_narrative_model(path: str | os.PathLike | None = None):
    """A fitted narrative model from a folder written by :func:`train_narratives` (``None``: the
    packaged URW model in ``framing/models/narratives``, a :class:`LexicalNarrativeClassifier`).
    A :class:`NarrativeClassifier` encodes with the packaged MiniLM; one trained with another
    encoder is refused."""
    folder = MODEL_DIR if path is None else Path(path)
    config_path = folder / CONFIG_NAME
    if not config_path.exists():
        raise FileNotFoundError(f"{folder}: no {CONFIG_NAME}; train one with `framing train narratives`")
    config = json.loads(config_path.read_text(encoding="utf-8"))
    if config.get("format") == LEXICAL_FORMAT:
        return _load_lexical(folder, config)
    if config.get("format") != FORMAT:
        raise ValueError(f"{config_path}: format {config.get('format')!r}, this version reads {FORMAT!r}")
    if config["encoder"].get("model") is not None:
        raise ValueError(f"{config_path}: trained with encoder {config['encoder']['model']!r}; only models "
                         "on the packaged MiniLM can be loaded")
    expected = _default_encoder().fingerprint()
    if config["encoder"].get("fingerprint") not in (None, expected):
        raise ValueError(f"{config_path}: encoder fingerprint {config['encoder']['fingerprint']} differs from "
                         f"the installed MiniLM's ({expected}); retrain with `framing train narratives`")
    taxonomy = NarrativeTaxonomy.from_dict(config["taxonomy"])
    model = NarrativeClassifier(taxonomy=taxonomy, **config["params"])
    with np.load(folder / ARRAYS_NAME) as arrays:
        stored = {k: arrays[k] for k in arrays.files}
    model.taxonomy_ = taxonomy.restrict(model.domain)
    model.narratives_ = tuple(config["narratives"])
    model.subnarratives_ = tuple(config["subnarratives"])
    model.description_labels_ = tuple(config["description_labels"])
    model._set_structure()
    model.encoder_fingerprint_ = config["encoder"].get("fingerprint")
    model.n_train_ = int(config["n_train"])
    model.label_embeddings_ = stored["label_embeddings"]
    model.sim_mean_, model.sim_scale_ = stored["sim_mean"], stored["sim_scale"]
    model.sub_prior_ = stored["sub_prior"]
    model.threshold_, model.sub_threshold_, model.other_threshold_ = (float(x) for x in stored["thresholds"])
    model.coef_, model.intercept_ = stored.get("coef"), stored.get("intercept")
    model.sub_coef_, model.sub_intercept_ = stored.get("sub_coef"), stored.get("sub_intercept")
    return model
