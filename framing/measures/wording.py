"""Naming choices, loaded labels and distancing marks (:mod:`framing.wording`): one row per naming
variant or label (``terms``) and per hedge, vague source or scare quote (``marks``). Outlet
tables ``naming`` (share of each variant within its set) and ``marks`` (rates per 1,000
words); figure: naming choices."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pyarrow as pa
from matplotlib.figure import Figure

from framing.comparison import _group_seed, _keyed, _load, _parse_by, _with_time_keys, bootstrap_ratio_ci
from framing.measures import Field, Measure, Setup
from framing.plots import _drawing, _require

TERM_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("field", pa.string()), ("sentence_id", pa.int64()),
    ("set", pa.string()), ("variant", pa.string()), ("surface", pa.string()), ("start", pa.int64()),
    ("end", pa.int64()), ("actor", pa.string()),
])
MARK_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("field", pa.string()), ("sentence_id", pa.int64()),
    ("kind", pa.string()), ("surface", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
    ("actor", pa.string()),
])


class WordingMeasure(Measure):
    name = "wording"
    description = "naming variants (Kiev/Kyiv, war/conflict), loaded labels and distancing marks"
    tables = {"terms": TERM_SCHEMA, "marks": MARK_SCHEMA}
    comparisons = ("naming", "marks")
    position = 20
    after = ("quotes",)  # speakers tie labels to actors; quoted fragments are not scare quotes
    validation = "wording"

    def load(self, setup: Setup):
        from framing.wording import WordingFinder

        return WordingFinder(nlp=setup.nlp)

    def version(self, tool) -> None:
        return None  # rules: the package's code digest, in every run's fingerprint, covers them

    def field_rows(self, finder, field: Field) -> dict[str, list]:
        from framing.wording import coverage_of_domain

        extracted = field.shared.get("quotes", [])
        quoted = {(q.start, q.end) for q in extracted if q.kind == "direct"}
        terms = [{**field.base, "sentence_id": t.sentence_id, "set": t.set, "variant": t.variant,
                  "surface": t.surface, "start": t.start, "end": t.end, "actor": t.actor}
                 for t in finder.terms(field.doc, field.mentions, extracted, coverage=coverage_of_domain(field.domain))]
        marks = [{**field.base, "sentence_id": m.sentence_id, "kind": m.kind, "surface": m.surface,
                  "start": m.start, "end": m.end, "actor": m.actor}
                 for m in finder.marks(field.doc, field.mentions)
                 # a fragment the quote extractor attributed to a speaker is a quote, not a scare quote
                 if not (m.kind == "scare_quote" and (m.start, m.end) in quoted)]
        return {"terms": terms, "marks": marks}

    gold_help = "naming terms and the actors they are tied to, against a hand-annotated gold set"
    gold_description = ("Precision/recall/F1 of naming terms (same set and variant, overlapping span), per set, "
                        "and the agreement of the actor each label is tied to, with every error, printed as JSON.")

    def evaluate_gold(self, gold, corpus, *, split="test", inventory=None) -> dict:
        from framing.wording import evaluate_terms

        return evaluate_terms(gold, corpus, split=split, inventory=inventory)

    def compare(self, analysis, **options) -> dict:
        return {"naming": compare_naming(analysis, **options), "marks": compare_marks(analysis, **options)}

    def figures(self, tables, *, actor_labels=None, caveat=None) -> dict:
        naming = tables.get("naming")
        return {"naming": plot_naming(naming)} if naming is not None and len(naming) else {}


# --------------------------------------------------------------------------- outlet comparison


def compare_naming(analysis, *, by: str | Iterable[str] = "outlet", n_boot: int = 2000, level: float = 0.95,
                   seed: int = 0) -> pd.DataFrame:
    """Naming choices: per group x naming set x variant, the count, the rate per
    1,000 words and the share within the set (e.g. "Kiev" among Kiev + Kyiv), with
    an article-level bootstrap interval for the share (``share_low, share_high``).

    Point values come from :func:`framing.wording.naming_rates`.
    """
    from framing.wording import naming_rates

    analysis, keys = _load(analysis), _parse_by(by)
    articles = _with_time_keys(analysis.articles, keys)
    terms = analysis.terms
    table = naming_rates(terms, articles, by=keys)
    if table.empty:
        return table.assign(share_low=pd.Series(dtype=float), share_high=pd.Series(dtype=float))
    keyed = _keyed(analysis, terms, keys)
    counts = keyed.groupby([*keys, "set", "article_id", "variant"]).size()
    lows, highs = [], []
    for row in table.itertuples(index=False):
        group_key = tuple(getattr(row, k) for k in keys)
        try:
            per_article = counts.loc[(*group_key, row.set)].unstack("variant", fill_value=0)
        except KeyError:
            lows.append(float("nan"))
            highs.append(float("nan"))
            continue
        hits = per_article[row.variant] if row.variant in per_article else per_article.iloc[:, 0] * 0
        _, low, high = bootstrap_ratio_ci(hits, per_article.sum(axis=1), n_boot=n_boot, level=level,
                                          seed=_group_seed(seed, (*group_key, row.set, row.variant)))
        lows.append(low)
        highs.append(high)
    return table.assign(share_low=lows, share_high=highs)


def compare_marks(analysis, *, by: str | Iterable[str] = "outlet", n_boot: int = 2000, level: float = 0.95,
                  seed: int = 0) -> pd.DataFrame:
    """Distancing marks (hedges, vague sources, scare quotes): per group x kind, the
    count and the rate per 1,000 words with an article-level bootstrap interval.

    Columns: the ``by`` columns, ``kind, count, n_articles_with, n_words, rate_per_1000_words,
    rate_low, rate_high``.
    """
    analysis, keys = _load(analysis), _parse_by(by)
    articles = _with_time_keys(analysis.articles[analysis.articles["status"] == "analyzed"], keys)
    marks = _keyed(analysis, analysis.marks, keys)
    kinds = sorted(marks["kind"].unique())
    rows = []
    for group_key, group in articles.groupby(keys, sort=True):
        group_key = group_key if isinstance(group_key, tuple) else (group_key,)
        words = group.set_index("article_id")["n_words"]
        in_group = marks[marks["article_id"].isin(words.index)]
        for kind in kinds:
            per_article = in_group[in_group["kind"] == kind].groupby("article_id").size()
            per_article = per_article.reindex(words.index, fill_value=0)
            rate, low, high = bootstrap_ratio_ci(per_article * 1000, words, n_boot=n_boot, level=level,
                                                 seed=_group_seed(seed, (*group_key, kind)))
            rows.append({**dict(zip(keys, group_key)), "kind": kind, "count": int(per_article.sum()),
                         "n_articles_with": int((per_article > 0).sum()), "n_words": int(words.sum()),
                         "rate_per_1000_words": rate, "rate_low": low, "rate_high": high})
    columns = [*keys, "kind", "count", "n_articles_with", "n_words", "rate_per_1000_words", "rate_low", "rate_high"]
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- figures


def plot_naming(
    naming: pd.DataFrame,
    *,
    sets: Sequence[str] = ("kyiv_spelling", "war_naming", "territorial_change", "combatants"),
    outlets: Sequence[str] | None = None,
    title: str = "Naming choices by outlet (share within each set of variants)",
) -> Figure:
    """One panel per naming set: per outlet, the share of each variant (stacked).

    ``naming`` is the output of :func:`framing.compare_naming`; variants no outlet
    uses are dropped from the legend.
    """
    _require(naming, {"outlet", "set", "variant", "share_within_set", "count"})
    sets = [s for s in sets if s in set(naming["set"])]
    outlets = list(outlets) if outlets is not None else sorted(naming["outlet"].unique())
    colours = plt.get_cmap("tab20")
    with _drawing(figsize=(7.5, (0.32 * len(outlets) + 0.9) * max(1, len(sets))), nrows=len(sets) or 1, ncols=1,
                  squeeze=False) as (fig, axes):
        for ax, naming_set in zip(axes[:, 0], sets):
            rows = naming[naming["set"] == naming_set]
            used = rows.groupby("variant")["count"].sum()
            variants = list(used[used > 0].sort_values(ascending=False).index)
            table = rows.set_index(["outlet", "variant"])["share_within_set"]
            left = np.zeros(len(outlets))
            for j, variant in enumerate(variants):
                shares = np.nan_to_num(np.array([table.get((outlet, variant), 0.0) for outlet in outlets]))
                ax.barh(range(len(outlets)), shares, left=left, color=colours(j % 20), height=0.7,
                        label=variant.replace("_", " "))
                left += shares
            ax.set_yticks(range(len(outlets)), outlets)
            ax.invert_yaxis()
            ax.set_xlim(0, 1)
            ax.set_title(naming_set.replace("_", " "), loc="left")
            ax.legend(frameon=False, fontsize=6.5, loc="center left", bbox_to_anchor=(1.01, 0.5))
        axes[-1, 0].set_xlabel("share of the set's occurrences in the outlet")
        fig.suptitle(title, fontsize=10)
        fig.tight_layout()
    return fig


MEASURE = WordingMeasure()
