"""Quotes and their speakers (:mod:`framing.quotes`): one row per direct or indirect quotation,
with the speaker, the speaker's actor and the reporting verb's class. Outlet tables ``verbs``
(reporting-verb profile per speaker actor) and ``voice`` (whose voice is carried); figures:
reporting verbs and voice shares."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pyarrow as pa
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from framing.comparison import _group_seed, _keyed, _load, _parse_by, _with_actor_labels, bootstrap_ratio_ci
from framing.measures import Field, Measure, Setup
from framing.plots import _drawing, _labels, _require, _stacked_share_panels

QUOTE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("field", pa.string()), ("sentence_id", pa.int64()),
    ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()), ("n_words", pa.int64()),
    ("kind", pa.string()), ("speaker", pa.string()), ("speaker_mention", pa.string()),
    ("speaker_actor", pa.string()), ("verb", pa.string()), ("verb_class", pa.string()),
])


class QuoteMeasure(Measure):
    name = "quotes"
    description = "direct and indirect quotes, their speakers and reporting verbs"
    tables = {"quotes": QUOTE_SCHEMA}
    comparisons = ("verbs", "voice")
    position = 10
    validation = "quotes"

    def load(self, setup: Setup):
        from framing.quotes import QuoteExtractor

        return QuoteExtractor(setup.inventory, setup.nlp)

    def version(self, tool) -> None:
        return None  # rules: the package's code digest, in every run's fingerprint, covers them

    def field_rows(self, extractor, field: Field) -> dict[str, list]:
        extracted = extractor.extract(field.doc, date=field.article.date, mentions=field.mentions)
        field.shared["quotes"] = extracted  # the wording measure reads them (scare quotes, speakers)
        return {"quotes": [{**field.base, "sentence_id": q.sentence_id, "start": q.start, "end": q.end,
                            "text": q.text, "n_words": len(q.text.split()), "kind": q.kind, "speaker": q.speaker,
                            "speaker_mention": q.speaker_mention, "speaker_actor": q.speaker_actor,
                            "verb": q.verb, "verb_class": q.verb_class}
                           for q in extracted]}

    gold_help = "quote spans, speakers and verb classes against a hand-annotated gold set"
    gold_description = ("Precision/recall/F1 of quote spans (exact and >=50%% overlap; direct, indirect, all), "
                        "speaker-attribution and verb-class accuracy over matched quotes, printed as JSON.")

    def evaluate_gold(self, gold, corpus, *, split="test", inventory=None) -> dict:
        from framing.quotes import evaluate_quotes

        return evaluate_quotes(gold, corpus, split=split, inventory=inventory)

    def compare(self, analysis, **options) -> dict:
        return {"verbs": compare_verbs(analysis, **options), "voice": compare_voice(analysis, **options)}

    def figures(self, tables, *, actor_labels=None, caveat=None) -> dict:
        out = {}
        if _rows(tables.get("verbs")):
            out["reporting_verbs"] = plot_verb_profile(tables["verbs"], actor_labels=actor_labels)
        if _rows(tables.get("voice")):
            out["voice_share"] = plot_voice_share(tables["voice"], actor_labels=actor_labels)
        return out


def _rows(table) -> bool:
    return table is not None and len(table) > 0


# --------------------------------------------------------------------------- outlet comparison


def compare_verbs(analysis, *, by: str | Iterable[str] = "outlet", n_boot: int = 2000, level: float = 0.95,
                  seed: int = 0) -> pd.DataFrame:
    """Reporting-verb profile: per group x speaker actor x verb class, the share of
    the actor's attributed quotes introduced by a verb of that class.

    Only quotes whose verb has a class count (unattributed quotes and verbs outside
    the classes are left out of the denominator). Columns: the ``by`` columns,
    ``speaker_actor, verb_class, n_quotes`` (the actor's classified quotes in the
    group), ``n_class, share, ci_low, ci_high, n_articles``.
    """
    analysis, keys = _load(analysis), _parse_by(by)
    quotes = _keyed(analysis, analysis.quotes, keys)
    quotes = quotes[quotes["speaker_actor"].notna() & quotes["verb_class"].notna()]
    classes = sorted(quotes["verb_class"].unique())
    rows = []
    for key, group in quotes.groupby([*keys, "speaker_actor"], sort=True):
        per_article = group.groupby("article_id")["verb_class"]
        totals = per_article.size()
        for verb_class in classes:
            hits = per_article.apply(lambda s, c=verb_class: int((s == c).sum())).reindex(totals.index)
            share, low, high = bootstrap_ratio_ci(hits, totals, n_boot=n_boot, level=level,
                                                  seed=_group_seed(seed, (*key, verb_class)))
            rows.append({**dict(zip([*keys, "speaker_actor"], key)), "verb_class": verb_class,
                         "n_quotes": int(totals.sum()), "n_class": int(hits.sum()), "share": share,
                         "ci_low": low, "ci_high": high, "n_articles": int(totals.size)})
    columns = [*keys, "speaker_actor", "verb_class", "n_quotes", "n_class", "share", "ci_low", "ci_high",
               "n_articles"]
    return _with_actor_labels(pd.DataFrame(rows, columns=columns), analysis)


OTHER_SPEAKER = "other"
"""Speaker actor given to quotes whose speaker belongs to no actor or is unnamed."""


def compare_voice(analysis, *, by: str | Iterable[str] = "outlet", n_boot: int = 2000, level: float = 0.95,
                  seed: int = 0) -> pd.DataFrame:
    """Whose voice an outlet carries: per group x actor, the share of quotes and of
    quoted words by the actor's speakers, and how often an actor that is mentioned
    is also quoted.

    Columns: the ``by`` columns, ``actor, n_quotes, quote_share, quote_share_low,
    quote_share_high, quoted_words, word_share, word_share_low, word_share_high,
    n_articles_mentioned, n_articles_voiced, voiced_share``. ``voiced_share`` is the
    fraction of the articles mentioning the actor in which it is quoted at least
    once; an actor with 0 is only spoken about. Quotes from speakers of no actor
    are pooled in the row ``actor == "other"``.
    """
    analysis, keys = _load(analysis), _parse_by(by)
    quotes = _keyed(analysis, analysis.quotes, keys).copy()
    quotes["actor"] = quotes["speaker_actor"].fillna(OTHER_SPEAKER)
    stance = _keyed(analysis, analysis.actor_stance[["article_id", "actor"]], keys)
    rows = []
    for group_key, group in quotes.groupby(keys, sort=True):
        group_key = group_key if isinstance(group_key, tuple) else (group_key,)
        articles = group.groupby("article_id").agg(n=("actor", "size"), words=("n_words", "sum"))
        mentioned = stance
        for column, value in zip(keys, group_key):
            mentioned = mentioned[mentioned[column] == value]
        actors = sorted(set(group["actor"]) | set(mentioned["actor"]))
        for actor in actors:
            own = group[group["actor"] == actor].groupby("article_id").agg(n=("actor", "size"),
                                                                          words=("n_words", "sum"))
            own = own.reindex(articles.index, fill_value=0)
            seed_key = (*group_key, actor)
            share, s_low, s_high = bootstrap_ratio_ci(own["n"], articles["n"], n_boot=n_boot, level=level,
                                                      seed=_group_seed(seed, seed_key))
            words, w_low, w_high = bootstrap_ratio_ci(own["words"], articles["words"], n_boot=n_boot, level=level,
                                                      seed=_group_seed(seed, (*seed_key, "words")))
            mentioned_ids = set(mentioned.loc[mentioned["actor"] == actor, "article_id"])
            voiced_ids = set(own.index[own["n"] > 0])
            rows.append({
                **dict(zip(keys, group_key)), "actor": actor, "n_quotes": int(own["n"].sum()),
                "quote_share": share, "quote_share_low": s_low, "quote_share_high": s_high,
                "quoted_words": int(own["words"].sum()), "word_share": words, "word_share_low": w_low,
                "word_share_high": w_high, "n_articles_mentioned": len(mentioned_ids),
                "n_articles_voiced": len(voiced_ids & mentioned_ids),
                "voiced_share": (len(voiced_ids & mentioned_ids) / len(mentioned_ids)
                                 if mentioned_ids and actor != OTHER_SPEAKER else float("nan")),
            })
    columns = [*keys, "actor", "n_quotes", "quote_share", "quote_share_low", "quote_share_high", "quoted_words",
               "word_share", "word_share_low", "word_share_high", "n_articles_mentioned", "n_articles_voiced",
               "voiced_share"]
    return _with_actor_labels(pd.DataFrame(rows, columns=columns), analysis)


# --------------------------------------------------------------------------- figures


_VERB_COLOURS = {"endorsing": "#2166ac", "neutral": "#bbbbbb", "distancing": "#b2182b"}


def plot_verb_profile(
    verbs: pd.DataFrame,
    *,
    actors: Sequence[str] | None = None,
    outlets: Sequence[str] | None = None,
    min_quotes: int = 3,
    actor_labels: dict[str, str] | None = None,
    title: str = "How each outlet introduces each actor's quoted statements",
) -> Figure:
    """One panel per speaker actor: per outlet, the shares of endorsing, neutral and
    distancing reporting verbs (stacked), with the number of classified quotes.

    ``verbs`` is the output of :func:`framing.compare_verbs`. Outlet x actor pairs
    with fewer than ``min_quotes`` classified quotes are left empty. ``actor_labels``
    defaults to the run's names carried by ``verbs``.
    """
    _require(verbs, {"outlet", "speaker_actor", "verb_class", "share", "n_quotes"})
    totals = verbs.groupby("speaker_actor")["n_class"].sum().sort_values(ascending=False)
    actors = list(actors) if actors is not None else [a for a in totals.index if a != "other"][:6]
    outlets = list(outlets) if outlets is not None else sorted(verbs["outlet"].unique())
    labels = _labels(verbs.rename(columns={"speaker_actor": "actor"}), actor_labels)
    table = verbs.set_index(["outlet", "speaker_actor", "verb_class"])
    classes = [c for c in ("endorsing", "neutral", "distancing") if c in set(verbs["verb_class"])]
    return _stacked_share_panels(table, actors=actors, outlets=outlets, labels=labels, categories=classes,
                                 colours=_VERB_COLOURS, value="share", count="n_quotes", min_count=min_quotes,
                                 title=title, xlabel="share of the actor's quotes")


def plot_voice_share(
    voice: pd.DataFrame,
    *,
    actors: Sequence[str] | None = None,
    outlets: Sequence[str] | None = None,
    actor_labels: dict[str, str] | None = None,
    title: str = "Whose voice each outlet carries (share of quotes)",
    ax: Axes | None = None,
) -> Figure:
    """Stacked horizontal bars: each outlet's quotes split by the speaker's actor.

    ``actor_labels`` defaults to the run's names carried by ``voice``; with ``ax``
    the bars go into the given axes.
    """
    _require(voice, {"outlet", "actor", "quote_share"})
    totals = voice.groupby("actor")["n_quotes"].sum().sort_values(ascending=False)
    actors = list(actors) if actors is not None else [a for a in totals.index if a != "other"][:7] + ["other"]
    outlets = list(outlets) if outlets is not None else sorted(voice["outlet"].unique())
    labels = _labels(voice, actor_labels)
    labels["other"] = "other actors / none / unnamed"
    table = voice.set_index(["outlet", "actor"])["quote_share"]
    colours = plt.get_cmap("tab10")
    own = ax is None
    with _drawing(ax, figsize=(7.5, 0.42 * len(outlets) + 1.6)) as (fig, ax):
        left = np.zeros(len(outlets))
        for j, actor in enumerate(actors):
            if actor == "other":  # the rest: unnamed sources, speakers of no actor, actors not shown
                shares = np.clip(1.0 - left, 0.0, 1.0)
            else:
                shares = np.nan_to_num(np.array([table.get((outlet, actor), 0.0) for outlet in outlets]))
            colour = "#cccccc" if actor == "other" else colours(j % 10)
            ax.barh(range(len(outlets)), shares, left=left, color=colour, label=labels.get(actor, actor),
                    height=0.7)
            left += shares
        ax.set_yticks(range(len(outlets)), outlets)
        ax.invert_yaxis()
        ax.set_xlim(0, 1)
        ax.set_xlabel("share of the outlet's quotes")
        ax.set_title(title)
        ax.legend(frameon=False, fontsize=7, ncols=4, loc="upper center", bbox_to_anchor=(0.5, -0.25))
        if own:
            fig.tight_layout()
    return fig


MEASURE = QuoteMeasure()
