"""Stance toward a target mention: how a sentence portrays one actor.

A stance scorer takes a parsed spaCy ``Doc`` and the spans of the target mentions in
it, and returns one score per span in [-1, 1] (negative .. positive), plus a
three-way label (:data:`STANCE_LABELS`). The interface is ``name``, ``score``,
``label`` and ``version``; a scorer that also has ``predict_proba(doc, spans)`` gives
class probabilities, and then its labels are their argmax (:func:`predict_stance`).

Two scorers ship: :class:`LexiconStanceScorer` here (lexicon and syntax, labels from a
neutral band) and the learned :class:`framing.stance_model.TransformerStanceScorer`,
the default (:data:`DEFAULT_STANCE`). :func:`get_scorer` returns either by name.

Validation on NewsMTSC and its numbers: ``docs/stance.md``, ``docs/stance_model.md``
and :func:`framing.evaluation.evaluate_targeted_sentiment`.
"""

from __future__ import annotations

from collections import deque
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Sequence

import numpy as np

from framing._labels import STANCE_LABELS

__all__ = ["DEFAULT_STANCE", "STANCE_LABELS", "LexiconStanceScorer", "StancePrediction", "get_scorer",
           "predict_stance"]

DEFAULT_STANCE = "model"
"""The scorer :func:`get_scorer` and ``framing analyze`` use unless told otherwise."""

_LEXICON_PATH = Path(__file__).parent / "data" / "stance_lexicon.yaml"
_VERSION = "lexicon-1"

# VADER's negation scalar (vaderSentiment.N_SCALAR): a negated word keeps 74 % of its
# strength with the opposite sign ("not good" is less negative than "bad").
_N_SCALAR = -0.74
# Squashing of the weighted valence sum into (-1, 1): x / sqrt(x^2 + alpha), the form of
# VADER's compound score (VADER: alpha = 15 on an unweighted sum of a whole text; smaller
# here because distance weights shrink the sum). Monotone, so it does not change labels.
_ALPHA = 4.0

# Parts of speech that carry evaluative meaning. Proper nouns and function words never
# do here, which keeps "Hope Hicks", "like" (preposition) and "the Justice Department"
# out of the sum.
_VALENCE_POS = frozenset({"ADJ", "ADV", "VERB", "NOUN", "INTJ", "AUX"})
# Dependents of a verb of saying that hold what is said.
_SPEECH_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "parataxis", "advcl", "dep"})
# Prepositions that make their object the time or place of an event.
_SETTING_PREPS = frozenset({"in", "during", "since", "until", "throughout", "across", "near",
                            "inside", "outside", "within", "around"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# A place is still a participant as the object of these ("sanctions against Iran").
_PARTICIPANT_PREPS = frozenset({"against", "at", "on", "by", "from", "over", "with"})


class LexiconStanceScorer:
    """Target-dependent stance from VADER valences scoped by the dependency parse.

    Every word of the target's sentence with a valence in the VADER lexicon
    (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model for Sentiment
    Analysis of Social Media Text", ICWSM), extended and corrected for news by
    ``framing/data/stance_lexicon.yaml``, counts toward the target with weight
    ``decay ** d``, where ``d`` is the number of dependency arcs between the word and the
    mention (0 inside the mention). Then:

    * **negation** -- a word governed by a ``neg`` dependent (its own or its head's,
      "did not praise", "is not good") or preceded within three tokens by a VADER
      negator keeps VADER's -0.74 of its valence;
    * **speaker** -- when the target is the subject of a verb of saying ("X said ...",
      "X called Y a liar", "according to X"), what it says and the verb itself are an
      opinion it voices, not one the sentence holds about it: weight ``speaker_weight``;
    * **agent of evaluation** -- when the target is the agent of a verb of evaluation
      ("X criticised Y", "Y was praised by X"), that verb is aimed at the object and
      counts ``agent_weight`` for X; for the object or the passive subject it counts in
      full, so "Y was condemned" is negative toward Y;
    * **victim of harm** -- for the object or passive subject of a verb of physical
      harm or coercion ("X attacked Y", "Y was shelled") that verb counts
      ``victim_weight``; the agent of the harm keeps it in full;
    * **setting** -- a target that is only the time or place of the event (a date; the
      object of "in"/"during"; a place as a name modifier, "the Iowa caucuses") gets its
      score multiplied by ``setting_weight``.

    The weighted sum ``x`` is squashed to ``x / sqrt(x**2 + 4)`` in (-1, 1), VADER's
    compound normalisation. :meth:`label` calls a score within ``neutral_band`` of 0
    neutral.

    Departures from VADER: scores are per target, not per text; VADER's rules for
    capitals, exclamation marks, degree adverbs and "but" are not used (news copy has
    few of the first two, degree adverbs made no difference on the NewsMTSC training
    split, and "but" re-weights a whole sentence, which contradicts target scoping:
    "praised Kenya but condemned Sudan"). Evaluation follows NewsMTSC (Hamborg & Donnay
    2021, "NewsMTSC: A Dataset for (Multi-)Target-dependent Sentiment Classification in
    Political News Articles", EACL): macro-F1 over the three classes. Defaults were
    calibrated on 80 % of the NewsMTSC training split and checked on the other 20 %
    (``docs/stance.md``); NewsMTSC is a dataset of English political news, and the
    scorer is English only.

    Parameters
    ----------
    neutral_band
        Scores with ``abs(score) < neutral_band`` are labelled neutral.
    decay
        Weight per dependency arc between a word and the target, in (0, 1].
    max_distance
        Words farther than this many arcs from the target are ignored.
    speaker_weight
        Weight of what a target is reported as saying, in [0, 1].
    agent_weight
        Weight of an evaluative verb for its own agent, in [0, 1].
    setting_weight
        Multiplier of the score of a target that is a time or place, in [0, 1].
    victim_weight
        Weight of a verb of harm for its victim, in [0, 1].
    negation
        Apply the negation rule.
    """

    name = "lexicon"

    def __init__(  # defaults calibrated on NewsMTSC train (docs/stance.md)
        self,
        *,
        neutral_band: float = 0.02,
        decay: float = 0.7,
        max_distance: int = 10,
        speaker_weight: float = 0.0,
        agent_weight: float = 0.5,
        setting_weight: float = 0.0,
        victim_weight: float = 0.5,
        negation: bool = True,
    ):
        for key, value, low, high in (("neutral_band", neutral_band, 0.0, 1.0), ("decay", decay, 0.0, 1.0),
                                      ("speaker_weight", speaker_weight, 0.0, 1.0),
                                      ("agent_weight", agent_weight, 0.0, 1.0),
                                      ("setting_weight", setting_weight, 0.0, 1.0),
                                      ("victim_weight", victim_weight, 0.0, 1.0)):
            if not low <= value <= high:
                raise ValueError(f"{key} must be in [{low}, {high}], got {value!r}")
        if decay == 0.0:
            raise ValueError("decay must be > 0")
        if int(max_distance) != max_distance or max_distance < 0:
            raise ValueError(f"max_distance must be a non-negative integer, got {max_distance!r}")
        self.neutral_band = neutral_band
        self.decay = decay
        self.max_distance = max_distance
        self.speaker_weight = speaker_weight
        self.agent_weight = agent_weight
        self.setting_weight = setting_weight
        self.victim_weight = victim_weight
        self.negation = negation

    def __repr__(self) -> str:
        changed = ", ".join(f"{k}={v!r}" for k, v in self._changed_params().items())
        return f"{type(self).__name__}({changed})"

    # ------------------------------------------------------------------ public
    def score(self, doc, spans: Sequence) -> np.ndarray:
        """Stance toward each span, in [-1, 1]; 0 where no evaluative word reaches it.

        ``doc`` must come from a pipeline with a dependency parser (and, for the
        setting rule, NER); ``spans`` are spans of ``doc``. Only the sentence of each
        span is read, so ``doc`` may be a whole article.
        """
        out = np.zeros(len(spans), dtype=float)
        if not len(spans):
            return out
        if not doc.has_annotation("DEP"):
            raise ValueError("the stance scorer needs a doc parsed with a dependency parser "
                             "(use framing._nlp.load_nlp())")
        lexicon, classes, negators = _resources()
        valences_by_sentence: dict[int, list[tuple[int, float]]] = {}
        for k, span in enumerate(spans):
            if span.doc is not doc:
                raise ValueError(f"span {k} ({span.text!r}) does not belong to this doc")
            if len(span) == 0:
                continue
            sent = span.sent
            if sent.start not in valences_by_sentence:
                valences_by_sentence[sent.start] = self._sentence_valences(sent, lexicon, negators)
            raw = sum(w * v for _, w, v in self._contributions(
                span, sent, valences_by_sentence[sent.start], classes))
            if self.setting_weight != 1.0 and _is_setting(span):
                raw *= self.setting_weight
            out[k] = raw / np.sqrt(raw * raw + _ALPHA) + 0.0  # + 0.0: no -0.0
        return out

    def label(self, scores) -> np.ndarray:
        """``"negative"``/``"neutral"``/``"positive"`` for each score (neutral band)."""
        scores = np.asarray(scores, dtype=float)
        labels = np.full(scores.shape, "neutral", dtype="<U8")
        polar = np.abs(scores) >= self.neutral_band
        labels[polar & (scores < 0)] = "negative"
        labels[polar & (scores > 0)] = "positive"
        return labels

    def version(self) -> str:
        """Short id for run metadata: ``lexicon-1``, plus any non-default parameter."""
        changed = self._changed_params()
        if not changed:
            return _VERSION
        return _VERSION + "(" + ",".join(f"{k}={v}" for k, v in changed.items()) + ")"

    def explain(self, doc, span):
        """The words that make up the score of one span, strongest first.

        A DataFrame with columns ``token`` (text), ``i`` (token index in ``doc``),
        ``valence`` (after negation), ``weight`` and ``contribution`` (their product).
        """
        import pandas as pd

        lexicon, classes, negators = _resources()
        rows = []
        if len(span):
            valences = self._sentence_valences(span.sent, lexicon, negators)
            for i, w, v in self._contributions(span, span.sent, valences, classes):
                rows.append({"token": doc[i].text, "i": i, "valence": v, "weight": w, "contribution": w * v})
        frame = pd.DataFrame(rows, columns=["token", "i", "valence", "weight", "contribution"])
        return frame.reindex(frame["contribution"].abs().sort_values(ascending=False).index).reset_index(drop=True)

    # --------------------------------------------------------------- internals
    def _changed_params(self) -> dict:
        defaults = LexiconStanceScorer.__init__.__kwdefaults__
        return {k: getattr(self, k) for k, v in defaults.items() if getattr(self, k) != v}

    def _sentence_valences(self, sent, lexicon, negators) -> list[tuple[int, float]]:
        """(token index, signed valence) for every evaluative word of the sentence."""
        found = []
        for tok in sent:
            if tok.pos_ not in _VALENCE_POS or tok.ent_type_ and tok.ent_type_ != "NORP":
                continue
            value = lexicon.get(tok.lower_)
            if value is None:
                value = lexicon.get(tok.lemma_.lower())
            if not value:
                continue
            if self.negation and _negated(tok, sent, negators):
                value *= _N_SCALAR
            found.append((tok.i, value))
        return found

    def _contributions(self, span, sent, valences, classes) -> list[tuple[int, float, float]]:
        """(token index, weight, valence) of every evaluative word that reaches the span."""
        if not valences:
            return []
        weights = _path_weights(span, sent, self.decay, self.max_distance)
        speech = _speaker_scope(span, sent, classes["reporting"])
        agent_of = _agent_of(span, classes["evaluative"])
        harmed_by = _patient_of(span, classes["harm"])
        out = []
        for i, value in valences:
            w = weights.get(i)
            if w is None:
                continue
            if i in speech:
                w *= self.speaker_weight
            elif i in agent_of:
                w *= self.agent_weight
            elif i in harmed_by:
                w *= self.victim_weight
            if w:
                out.append((i, w, value))
        return out


# ------------------------------------------------------------------- resources


@lru_cache(maxsize=1)
def _domain() -> dict:
    import yaml

    return yaml.safe_load(_LEXICON_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _resources() -> tuple[dict[str, float], dict[str, frozenset[str]], frozenset[str]]:
    """(word -> valence, verb class -> lemmas, negators), VADER plus the domain file."""
    from vaderSentiment.vaderSentiment import NEGATE, SentimentIntensityAnalyzer

    domain = _domain()
    lexicon = dict(SentimentIntensityAnalyzer().lexicon)
    for group in domain["additions"].values():
        lexicon.update({str(word).lower(): float(value) for word, value in group.items()})
    lexicon.update({str(word).lower(): float(value) for word, value in domain["overrides"].items()})
    lexicon.update({str(word).lower(): 0.0 for word in domain["neutral_in_news"]})
    classes = {name: frozenset(words) for name, words in domain["verb_classes"].items()}
    negators = frozenset(NEGATE) | frozenset(domain["negators"])
    return lexicon, classes, negators


# ------------------------------------------------------------------- syntax rules


def _negated(tok, sent, negators) -> bool:
    """A ``neg`` dependent on the word (or on the head it complements), or a negator
    among the three preceding tokens (VADER's window)."""
    for t in (tok, tok.head):
        if any(child.dep_ == "neg" for child in t.children):
            return True
        if t.dep_ not in ("acomp", "xcomp", "advmod", "amod", "dobj", "attr"):
            break
    doc = tok.doc
    return any(doc[j].lower_ in negators for j in range(max(sent.start, tok.i - 3), tok.i))


def _path_weights(span, sent, decay: float, max_distance: int) -> dict[int, float]:
    """``decay ** d`` for every token of the span's sentence within ``max_distance``
    dependency arcs of the span (breadth-first over the undirected parse tree)."""
    weight = {t.i: 1.0 for t in span}
    hops = dict.fromkeys(weight, 0)
    queue = deque(weight)
    doc = span.doc
    lo, hi = sent.start, sent.end
    while queue:
        i = queue.popleft()
        h = hops[i] + 1
        if h > max_distance:
            continue
        tok = doc[i]
        for nb in (tok.head, *tok.children):
            j = nb.i
            if lo <= j < hi and j not in weight:
                weight[j] = weight[i] * decay
                hops[j] = h
                queue.append(j)
    return weight


def _subtree_ids(tok) -> set[int]:
    return {t.i for t in tok.subtree}


def _speaker_scope(span, sent, reporting) -> set[int]:
    """Tokens of what the target is reported as saying, and the verb of saying."""
    root = span.root
    # "according to X, ...": everything but X's own phrase
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according":
        return {t.i for t in sent} - _subtree_ids(root.head.head)
    if root.dep_ != "nsubj" or root.head.lemma_.lower() not in reporting:
        return set()
    verb = root.head
    scope = {verb.i}
    for child in verb.children:
        if child.dep_ in _SPEECH_DEPS:
            scope |= _subtree_ids(child)
    # a quotation the verb is attached to: '"...," X said.' parsed with "said" as a
    # parataxis/ccomp of the quoted clause
    if verb.dep_ in ("parataxis", "ccomp") and verb.head.i != verb.i:
        scope |= _subtree_ids(verb.head) - _subtree_ids(verb)
    return scope


def _agent_of(span, evaluative) -> set[int]:
    """Evaluative verbs (criticise, praise, ...) of which the target is the agent."""
    root = span.root
    if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX"):
        verb = root.head
    elif root.dep_ == "pobj" and root.head.dep_ == "agent":  # "praised by X"
        verb = root.head.head
    else:
        return set()
    if verb.lemma_.lower() not in evaluative:
        return set()
    return {verb.i} | {c.i for c in verb.conjuncts if c.lemma_.lower() in evaluative}


def _patient_of(span, verbs) -> set[int]:
    """Verbs of ``verbs`` of which the target is the object or the passive subject."""
    root = span.root
    if root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in verbs:
        verb = root.head
        return {verb.i} | {c.i for c in verb.conjuncts if c.lemma_.lower() in verbs}
    return set()


def _is_setting(span) -> bool:
    """The target is the time or place of what the sentence reports, not a participant."""
    root = span.root
    if root.ent_type_ in ("DATE", "TIME") or root.dep_ == "npadvmod":
        return True
    if root.dep_ == "pobj" and root.head.lower_ in _SETTING_PREPS:
        return True
    return (root.ent_type_ in _PLACE_TYPES and root.dep_ in ("compound", "pobj")
            and root.head.lower_ not in _PARTICIPANT_PREPS)


# ------------------------------------------------------------------- registry

_SCORERS = {"lexicon": LexiconStanceScorer}
# the packaged learned model by name: None = its default precision
_MODEL_VARIANTS = {"model": None, "model-fp32": False, "model-int8": True}


class StancePrediction(NamedTuple):
    """What :func:`predict_stance` returns for ``n`` spans."""

    scores: np.ndarray  # (n,) in [-1, 1]
    labels: np.ndarray  # (n,) of STANCE_LABELS
    proba: np.ndarray | None  # (n, 3) in STANCE_LABELS order; None for a scorer without probabilities


def predict_stance(scorer, doc, spans: Sequence) -> StancePrediction:
    """Scores, labels and (where the scorer has them) class probabilities of ``spans``.

    A scorer with ``predict_proba`` is called once: the score is ``p(positive) -
    p(negative)`` and the label the most probable class. Otherwise the labels come from
    ``scorer.label(scores)``.
    """
    if hasattr(scorer, "predict_proba"):
        proba = np.asarray(scorer.predict_proba(doc, spans), dtype=float).reshape(len(spans), len(STANCE_LABELS))
        return StancePrediction(proba[:, 2] - proba[:, 0] + 0.0, np.asarray(scorer.label(proba)), proba)
    scores = np.asarray(scorer.score(doc, spans), dtype=float)
    return StancePrediction(scores, np.asarray(scorer.label(scores)), None)


def get_scorer(name: str = DEFAULT_STANCE):
    """A stance scorer by name: ``"model"`` (the default: the packaged learned scorer,
    :class:`framing.stance_model.TransformerStanceScorer`, in its default precision),
    ``"model-fp32"`` or ``"model-int8"`` (the same model in a chosen precision),
    ``"lexicon"`` (this module's baseline), or the path of a model folder written by
    ``framing train targeted-sentiment``.

    Raises ``ValueError`` listing the available names for an unknown one.
    """
    import os

    if name in _SCORERS:
        return _SCORERS[name]()
    if name in _MODEL_VARIANTS or os.path.isdir(name):
        from framing.stance_model import TransformerStanceScorer

        quantize = _MODEL_VARIANTS.get(name)
        options = {} if quantize is None else {"quantize": quantize}
        return TransformerStanceScorer(None if name in _MODEL_VARIANTS else name, **options)
    raise ValueError(f"unknown stance scorer {name!r}; choose one of: "
                     f"{', '.join(sorted([*_SCORERS, *_MODEL_VARIANTS]))}, or a model folder")
