"""Article domain: is a text about the Russia–Ukraine war, about climate change, or about neither?

The role model (:mod:`framing.roles`) and the narrative model (:mod:`framing.narratives`) learned
from SemEval-2025 Task 10 documents (Piskorski et al. 2025), which cover two domains only: the
Ukraine–Russia war (``URW``) and climate change (``CC``). On other news they still answer, and the
answers mean little (US domestic politics comes out almost all "Antagonist" and "Other"). The domain
decision lets :func:`framing.analyze` mark such rows ``in_domain = False`` and lets the outlet
comparisons leave them out.

:class:`DomainClassifier` is a TF-IDF bag of words and word pairs with a multinomial logistic
regression over three classes, :data:`DOMAINS`: ``war`` (the Russia–Ukraine war), ``climate``
(climate change) and ``other``. Training data (:func:`load_domain_documents`):

* ``war`` and ``climate``: the English SemEval-2025 Task 10 documents (``EN_UA_*`` and
  ``EN_CC_*``: the file name gives the domain, "Other" documents included) and the English machine
  translations of the Bulgarian, Hindi and Portuguese documents of the same task, whose domain is
  read from their narrative labels (``URW: ...`` or ``CC: ...``); translated documents labelled
  "Other" only say nothing about their domain and are left out.
* ``other``: the English SemEval-2023 Task 3 frame articles (Piskorski et al. 2023; mostly
  2017–18 US political news), less :data:`EXCLUDED_OTHER`.

Departures and limits: "other" is learned from one corpus of one period, so the model knows
"not war, not climate" only as far as 2017–18 US news reaches; a war article from another conflict
or a climate article on weather alone may fall either way. Scores and the configuration search are
in ``docs/domains.md``; the packaged model and its training command in
``framing/models/domains/MODEL_CARD.md``.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from framing._artefacts import shown_path
from framing._heldout import is_held_out

__all__ = [
    "DOMAINS",
    "DomainClassifier",
    "evaluate_domains",
    "load_domain_documents",
    "load_domain_model",
    "measure_domains",
    "save_domain_model",
    "train_domains",
]

DOMAINS = ("war", "climate", "other")
MODEL_DIR = Path(__file__).parent / "models" / "domains"
CONFIG_NAME = "domains.json"
ARRAYS_NAME = "domains.npz"
# Identifies the features, decision rule and artefact layout; bump when any changes.
FORMAT = "domains-tfidf-1"
SEMEVAL2025_EN = "semeval2025-roles-narratives-en"
SEMEVAL2025_ML = "semeval2025-multilingual"
SEMEVAL2023_FRAMES = "semeval2023-frames-en"
TRANSLATED_LANGUAGES = ("BG", "HI", "PT")

EXCLUDED_OTHER = {
    "729700539": "a report on a study of solar activity that discusses global warming: climate science, "
                 "so neither a clean 'other' example nor a labelled 'climate' one",
}
"""SemEval-2023 frame articles kept out of ``other``. A keyword scan of all 283 (Ukraine, Kyiv,
Kiev, Donbas, Crimea; climate, global warming, emission, greenhouse, carbon; two hits or more)
flagged four: this one; two on Trump's and Obama's Russia policy that name Ukraine in passing (kept:
not about the war); one whose hits are a proper name (kept)."""

# Letters only: numbers (dates, figures) say more about a source's period than about its topic.
_TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W\d_]+\b"
_NARRATIVE_DOMAIN = {"URW": "war", "CC": "climate"}
ROLE_DOMAINS = ("war", "climate")
"""The domains the role model was trained on (English URW and CC documents of subtask 1)."""


def measure_domains(measure: str, model=None) -> tuple[str, ...]:
    """The article domains a learned measure was trained on: its rows for articles of
    another domain are marked ``in_domain = False``.

    ``roles``: war and climate (subtask 1 documents of both domains). ``narratives``: the
    domain of the model's taxonomy (``URW`` -> war, ``CC`` -> climate; the packaged model is URW).
    """
    if measure == "roles":
        return ROLE_DOMAINS
    if measure == "narratives":
        domain = getattr(model, "domain", "URW")
        return (_NARRATIVE_DOMAIN[domain],) if domain in _NARRATIVE_DOMAIN else tuple(_NARRATIVE_DOMAIN.values())
    raise ValueError(f"no domain is defined for measure {measure!r}; choose roles or narratives")


# ---------------------------------------------------------------------------- estimator


class DomainClassifier(ClassifierMixin, BaseEstimator):
    """TF-IDF + multinomial logistic regression over :data:`DOMAINS`.

    Parameters
    ----------
    ngram_range
        Word n-grams, at most ``(1, 2)`` (the packaged vocabulary holds single words and word pairs only).
    min_df
        Minimum number of training documents a term must occur in.
    max_features
        Vocabulary size (most frequent terms).
    C
        Inverse regularisation strength of the logistic regression.
    stop_words
        ``"english"`` leaves out scikit-learn's English stop words (function words and pronouns
        carry the style of a source or of a machine translation more than its topic); ``None`` keeps them.
    random_state
        Seed of the solver (lbfgs is deterministic; kept for the estimator contract).
    """

    def __init__(self, *, ngram_range: tuple[int, int] = (1, 2), min_df: int = 2, max_features: int = 20000,
                 C: float = 100.0, stop_words: str | None = "english", random_state: int = 0) -> None:
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_features = max_features
        self.C = C
        self.stop_words = stop_words
        self.random_state = random_state

    def _vectorizer(self, vocabulary=None) -> TfidfVectorizer:
        low, high = self.ngram_range
        if not 1 <= low <= high <= 2:
            raise ValueError(f"ngram_range must lie within (1, 2), got {self.ngram_range}")
        return TfidfVectorizer(lowercase=True, token_pattern=_TOKEN_PATTERN, ngram_range=tuple(self.ngram_range),
                               min_df=1 if vocabulary is not None else self.min_df,
                               max_features=None if vocabulary is not None else self.max_features,
                               sublinear_tf=True, dtype=np.float64, vocabulary=vocabulary,
                               stop_words=self.stop_words)

    def fit(self, X: Iterable[str], y: Iterable[str]) -> DomainClassifier:
        texts, labels = _check_texts(X), np.asarray(list(y), dtype=object)
        if len(texts) != len(labels):
            raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
        unknown = sorted(set(labels) - set(DOMAINS))
        if unknown:
            raise ValueError(f"unknown domain label(s) {unknown}; choose from {list(DOMAINS)}")
        missing = [d for d in DOMAINS if d not in set(labels)]
        if missing:
            raise ValueError(f"every domain needs training texts; none for {missing}")
        vectorizer = self._vectorizer()
        features = vectorizer.fit_transform(texts)
        head = LogisticRegression(C=self.C, class_weight="balanced", max_iter=5000, random_state=self.random_state)
        head.fit(features, labels)
        order = [list(head.classes_).index(d) for d in DOMAINS]
        self.classes_ = np.array(DOMAINS, dtype=object)
        self.vocabulary_ = vectorizer.get_feature_names_out().astype(str)
        self.idf_ = vectorizer.idf_.astype(np.float64)
        self.coef_ = head.coef_[order].astype(np.float64)
        self.intercept_ = head.intercept_[order].astype(np.float64)
        self._fitted_vectorizer = vectorizer
        return self

    def _transform(self, texts: list[str]):
        check_is_fitted(self, "coef_")
        vectorizer = getattr(self, "_fitted_vectorizer", None)
        if vectorizer is None:
            vectorizer = self._vectorizer(vocabulary={term: i for i, term in enumerate(self.vocabulary_)})
            vectorizer.idf_ = self.idf_
            self._fitted_vectorizer = vectorizer
        return vectorizer.transform(texts)

    def decision_function(self, X: Iterable[str]) -> np.ndarray:
        return np.asarray(self._transform(_check_texts(X)) @ self.coef_.T) + self.intercept_

    def predict_proba(self, X: Iterable[str]) -> np.ndarray:
        """Probability of each domain, columns in :data:`DOMAINS` order."""
        scores = self.decision_function(X)
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return scores / scores.sum(axis=1, keepdims=True)

    def predict(self, X: Iterable[str]) -> np.ndarray:
        check_is_fitted(self, "coef_")
        return self.classes_[self.predict_proba(X).argmax(axis=1)]

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """Names of the :meth:`predict_proba` columns: ``domain__war, domain__climate, domain__other``."""
        check_is_fitted(self, "coef_")
        return np.array([f"domain__{d}" for d in self.classes_], dtype=object)

    def top_terms(self, n: int = 15) -> dict[str, list[str]]:
        """The ``n`` terms with the largest weight toward each domain."""
        check_is_fitted(self, "coef_")
        return {d: [str(self.vocabulary_[j]) for j in np.argsort(-self.coef_[i], kind="stable")[:n]]
                for i, d in enumerate(self.classes_)}

    def version(self) -> str:
        """``domains-tfidf-1+<first 10 hex of a digest of the learned arrays>``."""
        return f"{FORMAT}+{_arrays_digest(self._arrays())[:10]}"

    def _arrays(self) -> dict[str, np.ndarray]:
        check_is_fitted(self, "coef_")
        return {"vocabulary": np.asarray(self.vocabulary_, dtype=str), "idf": self.idf_, "coef": self.coef_,
                "intercept": self.intercept_}

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_fitted_vectorizer", None)  # rebuilt from vocabulary_ and idf_ on first use
        return state


def _check_texts(X) -> list[str]:
    if isinstance(X, str):
        raise ValueError("expected a sequence of texts, got a single string")
    texts = [str(x) if x is not None else "" for x in X]
    return texts


def _arrays_digest(arrays: dict[str, np.ndarray]) -> str:
    digest = hashlib.sha256()
    for name in sorted(arrays):
        value = arrays[name]
        digest.update(name.encode())
        if value.dtype.kind == "U":
            digest.update("\x1f".join(value.tolist()).encode("utf-8"))
        else:
            digest.update(np.ascontiguousarray(value, dtype=np.float64).tobytes())
    return digest.hexdigest()


# ---------------------------------------------------------------------------- data


def load_domain_documents(path: str | os.PathLike, *, translated: bool = True) -> pd.DataFrame:
    """The labelled documents of the shared data folder ``path`` (the folder that holds
    ``semeval2025-roles-narratives-en``, ``semeval2025-multilingual`` and ``semeval2023-frames-en``).

    Returns one row per document: ``doc_id, source, domain, held_out, text``. ``source`` is
    ``en`` (SemEval-2025 English), ``translated-BG|HI|PT`` or ``frames``; ``held_out`` marks the
    fixed part of :mod:`framing._heldout` (one document in five, by a hash of ``doc_id``) that no choice sees.
    """
    root = Path(path)
    rows = []
    english = root / SEMEVAL2025_EN / "raw-documents"
    if not english.is_dir():
        raise FileNotFoundError(f"{english} not found: --data must be the folder that holds {SEMEVAL2025_EN}, "
                                f"{SEMEVAL2025_ML} and {SEMEVAL2023_FRAMES}")
    for file in sorted(english.glob("*.txt")):
        domain = "war" if file.name.startswith("EN_UA") else "climate" if file.name.startswith("EN_CC") else None
        if domain is None:
            raise ValueError(f"{file}: cannot tell the domain from the file name (EN_UA_* or EN_CC_*)")
        rows.append({"doc_id": file.stem, "source": "en", "domain": domain, "text": _read(file)})
    if translated:
        for language in TRANSLATED_LANGUAGES:
            folder = root / SEMEVAL2025_ML / language
            labels = _translated_domains(folder / "subtask-2-annotations.txt")
            for file in sorted((folder / "translated-documents").glob("*.txt")):
                domain = labels.get(file.name)
                if domain is not None:
                    rows.append({"doc_id": file.stem, "source": f"translated-{language}", "domain": domain,
                                 "text": _read(file)})
    frames = root / SEMEVAL2023_FRAMES / "articles"
    for file in sorted(frames.glob("article*.txt")):
        doc_id = file.stem.removeprefix("article")
        if doc_id not in EXCLUDED_OTHER:
            rows.append({"doc_id": file.stem, "source": "frames", "domain": "other", "text": _read(file)})
    table = pd.DataFrame(rows, columns=["doc_id", "source", "domain", "text"])
    if table["doc_id"].duplicated().any():
        raise ValueError(f"duplicate document ids: {sorted(table.loc[table['doc_id'].duplicated(), 'doc_id'])[:5]}")
    table.insert(3, "held_out", table["doc_id"].map(is_held_out))
    return table


def _read(file: Path) -> str:
    return file.read_text(encoding="utf-8", errors="replace")


def _translated_domains(annotations: Path) -> dict[str, str]:
    """``{file name: domain}`` from narrative labels; documents labelled "Other" only, or with
    labels of both domains, are left out (their domain is not known)."""
    out = {}
    for line in annotations.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        found = {_NARRATIVE_DOMAIN[p.split(":")[0].strip()] for p in parts[1].split(";")
                 if p.split(":")[0].strip() in _NARRATIVE_DOMAIN}
        if len(found) == 1:
            out[parts[0].strip()] = found.pop()
    return out


# ---------------------------------------------------------------------------- scores


def _scores(gold: Sequence[str], predicted: Sequence[str]) -> dict:
    from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

    gold, predicted = list(gold), list(predicted)
    p, r, f, n = precision_recall_fscore_support(gold, predicted, labels=list(DOMAINS), zero_division=0)
    return {"n": len(gold), "accuracy": round(float(accuracy_score(gold, predicted)), 4),
            "macro_f1": round(float(f1_score(gold, predicted, labels=list(DOMAINS), average="macro",
                                             zero_division=0)), 4),
            "per_class": {d: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4),
                              "f1": round(float(f[i]), 4), "n": int(n[i])} for i, d in enumerate(DOMAINS)},
            "confusion": {g: {q: int(sum(a == g and b == q for a, b in zip(gold, predicted))) for q in DOMAINS}
                          for g in DOMAINS}}


CANDIDATES = tuple(
    {"translated": translated, "stop_words": stop_words, "ngram_range": ngrams, "C": C}
    for translated in (True, False) for stop_words in (None, "english") for ngrams in ((1, 1), (1, 2))
    for C in (1.0, 10.0, 100.0)
)
"""The configurations :func:`train_domains` chooses among by grouped cross-validation."""


def _cross_validate(documents: pd.DataFrame, candidate: dict, *, folds: int, seed: int) -> dict:
    """Out-of-fold predictions over ``documents`` (grouped by document, stratified by domain).
    With ``translated=False`` the translated documents are scored but never trained on."""
    from sklearn.model_selection import StratifiedGroupKFold

    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    predicted = np.empty(len(documents), dtype=object)
    trainable = documents["source"].str.startswith("translated").to_numpy() if not candidate["translated"] else None
    for train, test in splitter.split(documents["text"], documents["domain"], groups=documents["doc_id"]):
        if trainable is not None:
            train = train[~trainable[train]]
        model = _fit(documents.iloc[train], candidate, seed=seed)
        predicted[test] = model.predict(documents["text"].iloc[test].tolist())
    return {**_scores(documents["domain"], predicted), "predicted": predicted}


def _fit(documents: pd.DataFrame, candidate: dict, *, seed: int) -> DomainClassifier:
    params = {k: v for k, v in candidate.items() if k != "translated"}
    if not candidate.get("translated", True):
        documents = documents[~documents["source"].str.startswith("translated")]
    return DomainClassifier(random_state=seed, **params).fit(documents["text"].tolist(), documents["domain"])


def _by_source(documents: pd.DataFrame, predicted) -> dict:
    sources = documents["source"].str.replace(r"-[A-Z]+$", "", regex=True)
    return {source: round(float((documents["domain"][sources == source] == pd.Series(predicted, index=documents.index)[
        sources == source]).mean()), 4) for source in sorted(sources.unique())}


def evaluate_domains(path: str | os.PathLike, *, folds: int = 5, seed: int = 0,
                     model: DomainClassifier | None = None) -> dict:
    """Scores of the packaged domain model (or ``model``) on the held-out part of the shared
    data ``path``, and the grouped cross-validation of its configuration on the development part.

    Accuracy, macro-F1 and per-class precision/recall/F1, with the majority baseline.
    """
    model = load_domain_model() if model is None else model
    documents = load_domain_documents(path)
    held = documents[documents["held_out"]]
    development = documents[~documents["held_out"]].reset_index(drop=True)
    predicted = model.predict(held["text"].tolist())
    candidate = {"translated": getattr(model, "translated_", True), "stop_words": model.stop_words,
                 "ngram_range": tuple(model.ngram_range), "C": model.C}
    cv = _cross_validate(development, candidate, folds=folds, seed=seed)
    majority = development["domain"].mode().iloc[0]
    return {
        "model": model.version(),
        "data": _data_summary(documents),
        "held_out": {**_scores(held["domain"], predicted), "accuracy_by_source": _by_source(held, predicted),
                     "baseline_majority": _scores(held["domain"], [majority] * len(held))},
        "cv": {"folds": folds, "seed": seed, "grouped_by": "document", "configuration": _jsonable(candidate),
               **{k: v for k, v in cv.items() if k != "predicted"},
               "accuracy_by_source": _by_source(development, cv["predicted"])},
    }


def train_domains(path: str | os.PathLike, *, out: str | os.PathLike, seed: int = 0, folds: int = 5) -> dict:
    """Choose the configuration among :data:`CANDIDATES` by grouped ``folds``-fold cross-validation
    (macro-F1; ties go to the earlier, simpler candidate) on the development part of the shared data,
    fit it on the whole development part and write the model to ``out``. The held-out part is scored
    once, after the choice. Returns the report (also stored in ``domains.json``)."""
    started = time.perf_counter()
    documents = load_domain_documents(path)
    development = documents[~documents["held_out"]].reset_index(drop=True)
    held = documents[documents["held_out"]]
    search = []
    for candidate in CANDIDATES:
        cv = _cross_validate(development, candidate, folds=folds, seed=seed)
        search.append({"configuration": _jsonable(candidate), "accuracy": cv["accuracy"], "macro_f1": cv["macro_f1"],
                       "cv": cv})
    best = max(range(len(search)), key=lambda i: (search[i]["macro_f1"], -i))
    chosen = CANDIDATES[best]
    model = _fit(development, chosen, seed=seed)
    model.translated_ = bool(chosen["translated"])
    predicted = model.predict(held["text"].tolist())
    cv = search[best]["cv"]
    report = {
        "model": model.version(),
        "data": _data_summary(documents),
        "search": [{k: v for k, v in s.items() if k != "cv"} for s in search],
        "chosen": _jsonable(chosen),
        "cv": {"folds": folds, "seed": seed, "grouped_by": "document",
               **{k: v for k, v in cv.items() if k != "predicted"},
               "accuracy_by_source": _by_source(development, cv["predicted"])},
        "held_out": {**_scores(held["domain"], predicted), "accuracy_by_source": _by_source(held, predicted)},
        "top_terms": model.top_terms(15),
        "seconds": round(time.perf_counter() - started, 1),
    }
    save_domain_model(model, out, report=report, training={
        "command": f"framing train domains --data {shown_path(path)} --out {shown_path(out)} --seed {seed}",
        "folds": folds, "seed": seed, "fit_on": "the development part (every document not held out)"})
    return report


def _data_summary(documents: pd.DataFrame) -> dict:
    counts = documents.groupby(["source", "domain"]).size()
    return {"documents": len(documents), "held_out": int(documents["held_out"].sum()),
            "by_domain": {d: int((documents["domain"] == d).sum()) for d in DOMAINS},
            "by_source": {f"{s}/{d}": int(n) for (s, d), n in counts.items()},
            "excluded_other": sorted(EXCLUDED_OTHER)}


def _jsonable(candidate: dict) -> dict:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in candidate.items()}


# ---------------------------------------------------------------------------- artefact


def save_domain_model(model: DomainClassifier, out: str | os.PathLike, *, report: dict | None = None,
                      training: dict | None = None) -> Path:
    """Write a fitted model to the folder ``out`` (``domains.json`` + ``domains.npz``, no pickle):
    vocabulary (single words and word pairs), idf weights, coefficients and intercepts, with the
    parameters, a digest of the arrays and the optional training ``report``."""
    from framing._version import __version__

    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    arrays = model._arrays()
    np.savez_compressed(folder / ARRAYS_NAME, **arrays)
    config = {
        "format": FORMAT,
        "classes": list(DOMAINS),
        "params": _jsonable(model.get_params()),
        "translated": bool(getattr(model, "translated_", True)),
        "weights_sha256": _arrays_digest(arrays),
        "training": {**(training or {}), "framing_version": __version__},
        "report": {k: v for k, v in (report or {}).items() if k != "seconds"},
    }
    (folder / CONFIG_NAME).write_text(json.dumps(config, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return folder


def article_document(title: str | None, text: str) -> str:
    """The text an article-level model reads: the title, a blank line, the text (the text
    alone without a title)."""
    return f"{title}\n\n{text}" if title else text


def load_domain_model(path: str | os.PathLike | None = None) -> DomainClassifier:
    """A fitted :class:`DomainClassifier` from a folder written by :func:`train_domains`;
    ``None`` loads the packaged model (``framing/models/domains``).

    Raises ``FileNotFoundError`` for a folder without the model files and ``ValueError`` for
    another format or arrays that do not match the digest recorded in ``domains.json``.
    """
    folder = MODEL_DIR if path is None else Path(path)
    config_file, arrays_file = folder / CONFIG_NAME, folder / ARRAYS_NAME
    if not config_file.is_file() or not arrays_file.is_file():
        raise FileNotFoundError(f"{folder} is not a domain model folder: it needs {CONFIG_NAME} and {ARRAYS_NAME} "
                                "(written by framing.domains.train_domains)")
    config = json.loads(config_file.read_text(encoding="utf-8"))
    if config.get("format") != FORMAT:
        raise ValueError(f"{config_file}: format {config.get('format')!r}, this version of framing reads {FORMAT!r}")
    params = dict(config["params"])
    params["ngram_range"] = tuple(params["ngram_range"])
    model = DomainClassifier(**params)
    with np.load(arrays_file, allow_pickle=False) as arrays:
        loaded = {name: arrays[name] for name in arrays.files}
    if _arrays_digest(loaded) != config.get("weights_sha256"):
        raise ValueError(f"{arrays_file} does not match the digest in {config_file}: the files come from "
                         "different training runs or were modified")
    model.classes_ = np.array(config["classes"], dtype=object)
    if tuple(model.classes_) != DOMAINS:
        raise ValueError(f"{config_file}: classes {config['classes']} differ from {list(DOMAINS)}")
    model.vocabulary_ = loaded["vocabulary"].astype(str)
    model.idf_ = loaded["idf"].astype(np.float64)
    model.coef_ = loaded["coef"].astype(np.float64)
    model.intercept_ = loaded["intercept"].astype(np.float64)
    model.translated_ = bool(config.get("translated", True))
    return model

