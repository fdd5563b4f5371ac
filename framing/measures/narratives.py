"""Narratives and sub-narratives of the SemEval-2025 taxonomy (:mod:`framing.narratives`): one row
per article x narrative or sub-narrative with its score and decision. Outlet table
``narratives`` (prevalence per narrative, in-domain articles only); figure: narrative prevalence,
with its validation's caveat."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd
import pyarrow as pa
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from framing.comparison import _keyed, _load, _parse_by, _prevalence, _split_domain, _with_out_of_domain
from framing.measures import Batch, Measure, Setup, learned_model_available
from framing.plots import _prevalence_heatmap

NARRATIVE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("level", pa.string()), ("label", pa.string()),
    ("score", pa.float64()), ("predicted", pa.bool_()), ("in_domain", pa.bool_()),
])


class NarrativeMeasure(Measure):
    name = "narratives"
    description = "narratives and sub-narratives of the Ukraine-war taxonomy per article"
    tables = {"narratives": NARRATIVE_SCHEMA}
    comparisons = ("narratives",)
    position = 50
    validation = "narratives"
    evaluate_help = ("SemEval-2025 Task 10 folder with subtask-2-annotations.txt, the label JSON files and "
                     "raw-documents/, e.g. ../shared/data/semeval2025-roles-narratives-en")

    def reads_lemmas(self, tool) -> bool:
        return False  # the article's text, through the encoder

    def available(self) -> bool:
        return learned_model_available("narratives")

    def load(self, setup: Setup):
        from framing.narratives import load_narrative_model

        return load_narrative_model()

    def batch_rows(self, model, batch: Batch) -> dict[str, list]:
        if not batch.articles:
            return {}
        from framing.domains import measure_domains

        inside = measure_domains("narratives", model)
        texts = batch.documents
        top, sub, predicted = model.predict_proba(texts), model.predict_sub_proba(texts), model.predict(texts)
        rows = []
        for i, (a, domain) in enumerate(zip(batch.articles, batch.domains)):
            in_domain = domain is None or domain in inside
            chosen_top, chosen_sub = set(predicted[i][0]), set(predicted[i][1])
            rows += [{"article_id": a.id, "outlet": a.outlet, "level": "narrative", "label": label,
                      "score": float(top[i, j]), "predicted": label in chosen_top, "in_domain": in_domain}
                     for j, label in enumerate(model.narratives_)]
            rows += [{"article_id": a.id, "outlet": a.outlet, "level": "subnarrative", "label": label,
                      "score": float(sub[i, j]), "predicted": label in chosen_sub, "in_domain": in_domain}
                     for j, label in enumerate(model.subnarratives_)]
        return {"narratives": rows}

    def compare(self, analysis, **options) -> dict:
        return {"narratives": compare_narratives(analysis, **options)}

    def figures(self, tables, *, actor_labels=None, caveat=None) -> dict:
        table = tables.get("narratives")
        return {"narratives": plot_narratives(table, caveat=caveat)} if table is not None and len(table) else {}

    def evaluate(self, data, *, folds=5, seed=0) -> dict:
        from framing.narratives import evaluate_narratives

        return evaluate_narratives(data, folds=folds, seed=seed)

    def train(self, data, *, out, seed=0) -> dict:
        from framing.narratives import train_narratives

        return train_narratives(data, out=out, seed=seed)


# --------------------------------------------------------------------------- outlet comparison


def compare_narratives(analysis, *, by: str | Iterable[str] = "outlet", level_of: str = "narrative",
                       n_boot: int = 2000, level: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """Narrative prevalence: per group x narrative (``level_of="narrative"``) or
    sub-narrative, the share of articles in which it is predicted and its mean score,
    with article-level bootstrap intervals. Columns as :func:`compare_frames`, with
    ``narrative`` in place of ``frame``, and ``n_out_of_domain``.

    Only in-domain articles count (``in_domain`` in the narratives table: the article's
    domain is the narrative model's, see :mod:`framing.domains`): ``n_articles`` is the
    group's in-domain articles, ``n_out_of_domain`` the group's analysed articles left out
    as out of domain. A group with no in-domain article has no rows; ``attrs["n_out_of_domain"]``
    holds the number of articles left out over the whole table."""
    analysis, keys = _load(analysis), _parse_by(by)
    table = analysis.narratives[analysis.narratives["level"] == level_of].rename(columns={"label": "narrative"})
    inside, left_out = _split_domain(table)
    result = _prevalence(analysis, table=inside, label="narrative", by=by, n_boot=n_boot, level=level, seed=seed)
    return _with_out_of_domain(result, _keyed(analysis, left_out, keys), keys)


# --------------------------------------------------------------------------- figures


def plot_narratives(narratives: pd.DataFrame, *, outlets: Sequence[str] | None = None,
                    narratives_shown: Sequence[str] | None = None, min_prevalence: float = 0.05,
                    title: str = "Narratives by outlet (share of articles in which the narrative is predicted)",
                    ax: Axes | None = None, caveat: str | None = None) -> Figure:
    """Outlet x narrative heatmap of prevalence (:func:`framing.compare_narratives`);
    narratives below ``min_prevalence`` in every outlet are left out. With ``ax``
    it goes into the given axes."""
    return _prevalence_heatmap(narratives, "narrative", outlets=outlets, labels=narratives_shown, title=title,
                               min_prevalence=min_prevalence, wrap=40, ax=ax, caveat=caveat)


MEASURE = NarrativeMeasure()
