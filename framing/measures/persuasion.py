"""Persuasion techniques of SemEval-2023 Task 3 (:mod:`framing.persuasion`): one row per paragraph
and technique predicted in it (and one row for a paragraph with none), with the sentence that
carries it (for loaded language and name-calling also the few words) and the actor it targets.
Outlet table ``persuasion``; figure: technique profile, with its validation's caveat."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd
import pyarrow as pa
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from framing.comparison import _group_seed, _keyed, _load, _parse_by, bootstrap_mean_ci
from framing.measures import Batch, Field, Measure, Setup, learned_model_available
from framing.plots import _prevalence_heatmap

PERSUASION_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("field", pa.string()), ("paragraph_id", pa.int64()),
    ("technique", pa.string()), ("score", pa.float64()), ("start", pa.int64()), ("end", pa.int64()),
    ("target", pa.string()), ("actors", pa.string()),
    ("word_start", pa.int64()), ("word_end", pa.int64()), ("words", pa.string()), ("words_score", pa.float64()),
])


_ROLES = "_persuasion_roles"
"""Private rows: the role of each actor mention in its sentence (:func:`framing.persuasion.mention_roles`)."""


class PersuasionMeasure(Measure):
    name = "persuasion"
    description = "persuasion techniques per paragraph, tied to the actor they target"
    tables = {"persuasion": PERSUASION_SCHEMA}
    comparisons = ("persuasion",)
    position = 60
    after = ("stance", "quotes")  # ties a technique to an actor through mentions and quote speakers
    validation = "persuasion"
    evaluate_help = ("SemEval-2023 Task 3 subtask 3 folder with articles/, labels-paragraphs.txt and spans/, "
                     "e.g. ../shared/data/semeval2023-persuasion-en")

    gold_task = "persuasion-targets"
    gold_help = "the actor each persuasion technique targets, against a hand-annotated gold set"
    gold_description = ("Accuracy, precision and recall of the actor a technique found in a sentence is tied to "
                        "(the technique taken as given), per technique, beside naming the sentence's first actor, "
                        "with every error, printed as JSON.")

    def available(self) -> bool:
        return learned_model_available("persuasion")

    def load(self, setup: Setup):
        from framing.persuasion import load_persuasion_model

        return load_persuasion_model()

    def field_rows(self, model, field: Field) -> dict[str, list]:
        # what each mention is in its sentence (speaker, doubted, ...), read from the parse while
        # it is at hand; the tie in batch_rows reads it
        if not field.mentions:
            return {}
        from framing.persuasion import mention_roles

        mentions = [{"actor": m.actor, "start": m.start, "end": m.end} for m in field.mentions]
        return {_ROLES: [{"field": field.name, "start": m["start"], "end": m["end"], "role": role}
                         for m, role in zip(mentions, mention_roles(field.doc, mentions)) if role]}

    def batch_rows(self, model, batch: Batch) -> dict[str, list]:
        if not batch.articles:
            return {}
        from framing.persuasion import analysis_rows

        mentions = []
        for rows in batch.rows:
            role_of = {(r["field"], r["start"], r["end"]): r["role"] for r in rows.get(_ROLES, [])}
            mentions.append([{**m, "role": role_of.get((m.get("field"), m["start"], m["end"]))}
                             for m in rows.get("mentions", [])])
        return {"persuasion": analysis_rows(model, batch.articles, mentions,
                                            [rows.get("quotes", []) for rows in batch.rows])}

    def compare(self, analysis, **options) -> dict:
        return {"persuasion": compare_persuasion(analysis, **options)}

    def figures(self, tables, *, actor_labels=None, caveat=None) -> dict:
        table = tables.get("persuasion")
        return {"persuasion": plot_persuasion(table, caveat=caveat)} if table is not None and len(table) else {}

    def evaluate(self, data, *, folds=5, seed=0) -> dict:
        from framing.persuasion import evaluate_persuasion

        return evaluate_persuasion(data, folds=folds, seed=seed)

    def evaluate_gold(self, gold, corpus, *, split="test", inventory=None) -> dict:
        from framing.persuasion import evaluate_targets

        return evaluate_targets(gold, corpus, split=split, inventory=inventory)

    def train(self, data, *, out, seed=0) -> dict:
        from framing.persuasion import train_persuasion

        return train_persuasion(data, out=out, seed=seed)


# --------------------------------------------------------------------------- outlet comparison


def compare_persuasion(analysis, *, by: str | Iterable[str] = "outlet", n_boot: int = 2000, level: float = 0.95,
                       seed: int = 0) -> pd.DataFrame:
    """Persuasion-technique profile: per group x technique, the share of articles with at least
    one paragraph using it (``prevalence``) and the mean over articles of the share of their
    paragraphs using it (``paragraph_share``), each with an article-level bootstrap interval;
    ``n_targeted`` counts the rows tied to an actor (:func:`framing.persuasion.tie_actor`).

    Columns: the ``by`` columns, ``technique, n_articles, prevalence, prevalence_low,
    prevalence_high, paragraph_share, share_low, share_high, n_paragraphs_with, n_targeted``.
    """
    from framing.persuasion import article_shares

    analysis, keys = _load(analysis), _parse_by(by)
    shares = _keyed(analysis, article_shares(analysis.persuasion), keys)
    targeted = analysis.persuasion.dropna(subset=["target"])
    targeted = _keyed(analysis, targeted, keys).groupby([*keys, "technique"]).size() if len(targeted) else {}
    rows = []
    for key, group in shares.groupby([*keys, "technique"], sort=True):
        used, low, high = bootstrap_mean_ci(group["used"].to_numpy(dtype=float), n_boot=n_boot, level=level,
                                            seed=_group_seed(seed, key))
        share, s_low, s_high = bootstrap_mean_ci(group["share"].to_numpy(dtype=float), n_boot=n_boot, level=level,
                                                 seed=_group_seed(seed, (*key, "share")))
        rows.append({**dict(zip([*keys, "technique"], key)), "n_articles": int(group["article_id"].nunique()),
                     "prevalence": used, "prevalence_low": low, "prevalence_high": high,
                     "paragraph_share": share, "share_low": s_low, "share_high": s_high,
                     "n_paragraphs_with": int(group["n_with"].sum()), "n_targeted": int(targeted.get(key, 0))})
    columns = [*keys, "technique", "n_articles", "prevalence", "prevalence_low", "prevalence_high",
               "paragraph_share", "share_low", "share_high", "n_paragraphs_with", "n_targeted"]
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- figures


def plot_persuasion(persuasion: pd.DataFrame, *, outlets: Sequence[str] | None = None,
                    techniques_shown: Sequence[str] | None = None, min_prevalence: float = 0.05,
                    title: str = "Persuasion techniques by outlet (share of articles with a paragraph using it)",
                    ax: Axes | None = None, caveat: str | None = None) -> Figure:
    """Outlet x technique heatmap of the share of articles in which at least one paragraph is
    predicted to use the technique (:func:`framing.compare_persuasion`); techniques below
    ``min_prevalence`` in every outlet are left out. With ``ax`` it goes into the given axes."""
    return _prevalence_heatmap(persuasion, "technique", outlets=outlets, labels=techniques_shown, title=title,
                               min_prevalence=min_prevalence, ax=ax, caveat=caveat)


MEASURE = PersuasionMeasure()
