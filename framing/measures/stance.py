"""Stance toward actors (always computed): one row per actor mention with its target-dependent
stance (:mod:`framing.stance`), and one row per article x actor with the mean over its mentions.
Outlet table ``actor`` (:func:`framing.compare`); figures: stance heatmap, stance intervals and
actor coverage."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pyarrow as pa

from framing.measures import Batch, Field, Measure, Setup
from framing.stance import STANCE_LABELS

_PROBABILITY_COLUMNS = tuple(f"p_{label}" for label in STANCE_LABELS)

MENTION_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("field", pa.string()), ("sentence_id", pa.int64()),
    ("actor", pa.string()), ("surface", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
    ("via", pa.string()), ("member", pa.string()), ("stance", pa.float64()), ("stance_label", pa.string()),
    ("p_negative", pa.float64()), ("p_neutral", pa.float64()), ("p_positive", pa.float64()),
])
ACTOR_STANCE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("date", pa.date32()), ("actor", pa.string()),
    ("n_mentions", pa.int64()), ("n_title_mentions", pa.int64()), ("stance", pa.float64()),
    ("n_negative", pa.int64()), ("n_neutral", pa.int64()), ("n_positive", pa.int64()),
])


class StanceMeasure(Measure):
    name = "stance"
    description = "stance toward each actor mention, and per article x actor"
    tables = {"mentions": MENTION_SCHEMA, "actor_stance": ACTOR_STANCE_SCHEMA}
    comparisons = ("actor",)
    position = 0
    core = True
    validation = "stance"

    def load(self, setup: Setup):
        from framing.stance import get_scorer

        return get_scorer(setup.stance)

    def version(self, scorer) -> str:
        return scorer.version()

    def reads_lemmas(self, scorer) -> bool:
        return not _pools(scorer)  # the lexicon scorer looks words up by lemma; the learned one reads text

    def field_rows(self, scorer, field: Field) -> dict[str, list]:
        if not field.mentions:
            return {"mentions": []}
        doc = field.doc
        spans = [doc[m.token_start:m.token_end] for m in field.mentions]
        sentence_starts = [sent.start for sent in doc.sents]
        rows = [{
            **field.base,
            "sentence_id": int(np.searchsorted(sentence_starts, mention.token_start, side="right") - 1),
            "actor": mention.actor, "surface": mention.surface, "start": mention.start, "end": mention.end,
            "via": mention.via, "member": mention.member,
        } for mention in field.mentions]
        if _pools(scorer):
            # the learned scorer reads each mention in its sentence: the inputs of the whole batch
            # of articles are scored together in batch_rows (full, length-sorted batches)
            items, keep = scorer.inputs(doc, spans)
            for row in rows:  # what a mention with no token to read keeps (an empty span): neutral
                _fill(row, _NO_TARGET, "neutral")
            return {"mentions": rows, _PENDING: [(rows[k], item) for k, item in zip(keep, items)]}
        from framing.stance import predict_stance

        scores, labels, proba = predict_stance(scorer, doc, spans)
        for k, row in enumerate(rows):
            row.update({"stance": float(scores[k]), "stance_label": str(labels[k]),
                        **dict(zip(_PROBABILITY_COLUMNS, [None] * 3 if proba is None else map(float, proba[k])))})
        return {"mentions": rows}

    def batch_rows(self, scorer, batch: Batch) -> dict[str, list]:
        pending = [entry for rows in batch.rows for entry in rows.get(_PENDING, [])]
        if pending:
            proba = np.asarray(scorer.predict_proba_texts([item for _, item in pending]), dtype=float)
            for (row, _), p, label in zip(pending, proba, scorer.label(proba)):
                _fill(row, p, str(label))
        return {"actor_stance": [row for article, rows in zip(batch.articles, batch.rows)
                                 for row in aggregate(article, rows.get("mentions", []))]}

    def compare(self, analysis, **options) -> dict:
        from framing.comparison import compare

        return {"actor": compare(analysis, **options)}

    def figures(self, tables, *, actor_labels=None, caveat=None) -> dict:
        from framing.plots import plot_coverage, plot_stance_heatmap, plot_stance_intervals

        table = tables.get("actor")
        if table is None:
            return {}
        return {"stance_heatmap": plot_stance_heatmap(table, actor_labels=actor_labels),
                "stance_intervals": plot_stance_intervals(table, actor_labels=actor_labels),
                "actor_coverage": plot_coverage(table, actor_labels=actor_labels)}


_PENDING = "_stance_inputs"
"""Private field table: ``(mention row, (sentence, start, end))`` pairs whose stance
:meth:`StanceMeasure.batch_rows` fills in."""

_NO_TARGET = np.array([0.0, 1.0, 0.0])


def _pools(scorer) -> bool:
    """Whether the scorer classifies ``(sentence, start, end)`` triples, so that a batch's mentions
    can be scored in one call (the learned scorer; the lexicon reads the parse)."""
    return callable(getattr(scorer, "inputs", None)) and callable(getattr(scorer, "predict_proba_texts", None))


def _fill(row: dict, proba: np.ndarray, label: str) -> None:
    """Stance columns of a mention row from its class probabilities (negative, neutral, positive)
    and label: the score is ``p(positive) - p(negative)``, as :func:`framing.stance.predict_stance`
    gives it."""
    row.update({"stance": float(proba[2] - proba[0] + 0.0), "stance_label": label,
                **dict(zip(_PROBABILITY_COLUMNS, map(float, proba)))})


def aggregate(article, mentions: list[dict]) -> list[dict]:
    """One ``actor_stance`` row per actor mentioned in ``article``: the mean of its mention stances
    and the count of each label."""
    by_actor: dict[str, list[dict]] = {}
    for row in mentions:
        by_actor.setdefault(row["actor"], []).append(row)
    rows = []
    for actor in sorted(by_actor):
        group = by_actor[actor]
        labels = Counter(row["stance_label"] for row in group)
        rows.append({
            "article_id": article.id, "outlet": article.outlet, "date": article.date, "actor": actor,
            "n_mentions": len(group), "n_title_mentions": sum(row["field"] == "title" for row in group),
            "stance": float(np.mean([row["stance"] for row in group])),
            "n_negative": labels["negative"], "n_neutral": labels["neutral"], "n_positive": labels["positive"],
        })
    return rows


MEASURE = StanceMeasure()
