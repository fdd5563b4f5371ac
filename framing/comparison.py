"""Comparing outlets: mean stance toward each actor with article-level bootstrap intervals.

The unit of resampling is the *article*, not the mention: mentions within one
article are not independent (one author, one event, one editorial decision), so
resampling mentions would give intervals that are too narrow. Each article's
stance toward an actor is first averaged over its mentions (see
:mod:`framing.analysis`); the outlet-level estimate is the mean over articles,
and its interval is the percentile bootstrap (Efron & Tibshirani, 1993, ch. 13)
over those articles.

Intervals are reproducible: the random stream of each group is seeded from the
``seed`` and the group's key, so adding an outlet or an actor does not change the
intervals of the others.

The tables with an actor column (:func:`compare`, :func:`compare_verbs`,
:func:`compare_voice`, :func:`compare_roles`) carry the run's display name of each
actor in ``table.attrs["actor_labels"]``; the plot functions name actors by it.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

import numpy as np
import pandas as pd

__all__ = [
    "bootstrap_mean_ci",
    "bootstrap_ratio_ci",
    "compare",
    "compare_frames",
    "compare_marks",
    "compare_naming",
    "compare_narratives",
    "compare_persuasion",
    "compare_roles",
    "compare_verbs",
    "compare_voice",
    "COMPARE_COLUMNS",
]

COMPARE_COLUMNS = ("n_articles", "n_mentions", "stance_mean", "ci_low", "ci_high", "n_group_articles", "coverage")
GROUPINGS = ("outlet", "year", "month")
"""The keys ``by`` may combine."""


def bootstrap_mean_ci(
    values: Iterable[float],
    *,
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int | np.random.SeedSequence | None = 0,
) -> tuple[float, float, float]:
    """Mean of ``values`` and its percentile-bootstrap interval.

    Returns ``(mean, low, high)``. With fewer than two values the interval is
    undefined and returned as NaN.
    """
    data = np.asarray(list(values), dtype=float)
    if data.size == 0:
        return float("nan"), float("nan"), float("nan")
    mean = float(data.mean())
    if data.size < 2:
        return mean, float("nan"), float("nan")
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, got {level}")
    rng = np.random.default_rng(seed)
    # Resampled means in chunks, so memory stays small for large groups.
    means = np.empty(n_boot)
    chunk = max(1, 2_000_000 // data.size)
    for begin in range(0, n_boot, chunk):
        stop = min(n_boot, begin + chunk)
        idx = rng.integers(0, data.size, size=(stop - begin, data.size))
        means[begin:stop] = data[idx].mean(axis=1)
    alpha = (1 - level) / 2
    low, high = np.quantile(means, [alpha, 1 - alpha])
    # The percentile interval can exclude the sample mean by a rounding hair when
    # all resamples are equal; clamp so that low <= mean <= high always holds.
    return mean, float(min(low, mean)), float(max(high, mean))


def bootstrap_ratio_ci(
    numerators: Iterable[float],
    denominators: Iterable[float],
    *,
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int | np.random.SeedSequence | None = 0,
) -> tuple[float, float, float]:
    """Ratio of sums ``sum(num) / sum(den)`` with a percentile-bootstrap interval
    that resamples the units (articles) carrying each numerator/denominator pair.

    This is the cluster bootstrap of a ratio estimator: shares such as "the
    fraction of Russia's quotes introduced by a distancing verb" pool quotes
    within articles, so articles, not quotes, are resampled. Units with a zero
    denominator are dropped; fewer than two units give a NaN interval.
    """
    num = np.asarray(list(numerators), dtype=float)
    den = np.asarray(list(denominators), dtype=float)
    if num.shape != den.shape:
        raise ValueError("numerators and denominators differ in length")
    keep = den > 0
    num, den = num[keep], den[keep]
    if num.size == 0:
        return float("nan"), float("nan"), float("nan")
    ratio = float(num.sum() / den.sum())
    if num.size < 2:
        return ratio, float("nan"), float("nan")
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, got {level}")
    rng = np.random.default_rng(seed)
    ratios = np.empty(n_boot)
    chunk = max(1, 2_000_000 // num.size)
    for begin in range(0, n_boot, chunk):
        stop = min(n_boot, begin + chunk)
        idx = rng.integers(0, num.size, size=(stop - begin, num.size))
        ratios[begin:stop] = num[idx].sum(axis=1) / den[idx].sum(axis=1)
    alpha = (1 - level) / 2
    low, high = np.quantile(ratios, [alpha, 1 - alpha])
    return ratio, float(min(low, ratio)), float(max(high, ratio))


def compare(
    analysis,
    *,
    by: str | Iterable[str] = "outlet",
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 0,
    actors: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Per group (default: outlet) x actor: coverage and mean stance with a bootstrap CI.

    Parameters
    ----------
    analysis
        A :class:`framing.Analysis` or the folder written by ``framing analyze``.
    by
        ``"outlet"`` or a list of ``outlet``, ``year``, ``month`` (``"outlet,year"``
        is accepted too).

    Returns one row per group x actor with the columns of ``by`` then ``actor,
    n_articles, n_mentions, stance_mean, ci_low, ci_high, n_group_articles,
    coverage``. ``n_articles`` counts the group's analysed articles that mention the
    actor, ``n_group_articles`` all analysed articles of the group and ``coverage``
    their ratio. ``.attrs["actor_labels"]`` maps each actor to the display name of
    the run's inventory (empty when the run records none).
    """
    from framing.analysis import Analysis, read_analysis

    if not isinstance(analysis, Analysis):
        analysis = read_analysis(analysis)
    keys = _parse_by(by)
    stance = _with_time_keys(analysis.actor_stance, keys)
    articles = _with_time_keys(analysis.articles[analysis.articles["status"] == "analyzed"], keys)
    if actors is not None:
        stance = stance[stance["actor"].isin(list(actors))]
    group_sizes = articles.groupby(keys, dropna=False).size()

    rows = []
    for key, group in stance.groupby([*keys, "actor"], sort=True, dropna=False):
        key = key if isinstance(key, tuple) else (key,)
        mean, low, high = bootstrap_mean_ci(
            group["stance"].to_numpy(), n_boot=n_boot, level=level, seed=_group_seed(seed, key)
        )
        group_total = int(group_sizes.get(key[:-1] if len(keys) > 1 else key[0], 0))
        rows.append({
            **dict(zip([*keys, "actor"], key)),
            "n_articles": int(group["article_id"].nunique()),
            "n_mentions": int(group["n_mentions"].sum()),
            "stance_mean": mean, "ci_low": low, "ci_high": high,
            "n_group_articles": group_total,
            "coverage": group["article_id"].nunique() / group_total if group_total else float("nan"),
        })
    columns = [*keys, "actor", *COMPARE_COLUMNS]
    return _with_actor_labels(pd.DataFrame(rows, columns=columns), analysis)


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


def compare_frames(analysis, *, by: str | Iterable[str] = "outlet", n_boot: int = 2000, level: float = 0.95,
                   seed: int = 0) -> pd.DataFrame:
    """Frame profile: per group x frame, the share of articles in which the frame is
    predicted (``prevalence``) and the mean frame score, each with an article-level
    bootstrap interval.

    Columns: the ``by`` columns, ``frame, n_articles, prevalence, prevalence_low,
    prevalence_high, score_mean, score_low, score_high``.
    """
    return _prevalence(analysis, analysis_table="frames", label="frame", by=by, n_boot=n_boot, level=level,
                       seed=seed)


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


def compare_roles(analysis, *, by: str | Iterable[str] = "outlet", n_boot: int = 2000, level: float = 0.95,
                  seed: int = 0) -> pd.DataFrame:
    """The role each group casts each actor in: per group x actor x main role, the
    mean probability of the role over the articles mentioning the actor, and the
    share of those articles whose most probable role it is, with article-level
    bootstrap intervals.

    Columns: the ``by`` columns, ``actor, role, n_articles, probability,
    probability_low, probability_high, share_cast, share_low, share_high, n_out_of_domain``.

    Only in-domain rows count (``in_domain`` in the roles table: the article is about the
    war or climate change, the domains the role model was trained on; see
    :mod:`framing.domains`): ``n_articles`` is the number of in-domain articles of the
    group that mention the actor, ``n_out_of_domain`` the number left out as out of domain.
    A group x actor with no in-domain article has no rows; ``attrs["n_out_of_domain"]``
    holds the number of article x actor rows left out over the whole table.
    """
    analysis, keys = _load(analysis), _parse_by(by)
    inside, left_out = _split_domain(analysis.roles)
    roles = _keyed(analysis, inside, keys)
    # Main roles from the table's probability columns (p_protagonist, ...), in order.
    main_roles = [c[2:].title() for c in analysis.roles.columns if c.startswith("p_") and c != "p_fine_role"]
    rows = []
    for key, group in roles.groupby([*keys, "actor"], sort=True):
        for role in main_roles:
            probabilities = group[f"p_{role.lower()}"].to_numpy(dtype=float)
            cast = (group["main_role"] == role).to_numpy(dtype=float)
            p, p_low, p_high = bootstrap_mean_ci(probabilities, n_boot=n_boot, level=level,
                                                 seed=_group_seed(seed, (*key, role)))
            c, c_low, c_high = bootstrap_mean_ci(cast, n_boot=n_boot, level=level,
                                                 seed=_group_seed(seed, (*key, role, "cast")))
            rows.append({**dict(zip([*keys, "actor"], key)), "role": role, "n_articles": len(group),
                         "probability": p, "probability_low": p_low, "probability_high": p_high,
                         "share_cast": c, "share_low": c_low, "share_high": c_high})
    columns = [*keys, "actor", "role", "n_articles", "probability", "probability_low", "probability_high",
               "share_cast", "share_low", "share_high"]
    table = _with_out_of_domain(pd.DataFrame(rows, columns=columns), _keyed(analysis, left_out, keys),
                                [*keys, "actor"])
    return _with_actor_labels(table, analysis)


def _split_domain(table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows of in-domain articles, and the rest (a table without ``in_domain`` is all in domain)."""
    if "in_domain" not in table.columns:
        return table, table.iloc[0:0]
    inside = table["in_domain"].fillna(True).astype(bool)
    return table[inside], table[~inside]


def _with_out_of_domain(result: pd.DataFrame, left_out: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """``result`` with ``n_out_of_domain`` (articles of each ``keys`` cell left out) and the total
    in ``attrs["n_out_of_domain"]``."""
    counts = left_out.groupby(keys)["article_id"].nunique() if len(left_out) else pd.Series(dtype="int64")
    if len(result):
        index = pd.MultiIndex.from_frame(result[keys]) if len(keys) > 1 else pd.Index(result[keys[0]])
        result["n_out_of_domain"] = counts.reindex(index).fillna(0).astype("int64").to_numpy()
    else:
        result["n_out_of_domain"] = pd.Series(dtype="int64")
    result.attrs["n_out_of_domain"] = int(counts.sum()) if len(counts) else 0
    return result


def _prevalence(analysis, *, label: str, by, n_boot: int, level: float, seed: int,
                analysis_table: str | None = None, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per group x label: share of articles predicted and mean score, with CIs."""
    analysis, keys = _load(analysis), _parse_by(by)
    table = getattr(analysis, analysis_table) if table is None else table
    keyed = _keyed(analysis, table, keys)
    rows = []
    for key, group in keyed.groupby([*keys, label], sort=True):
        predicted = group["predicted"].to_numpy(dtype=float)
        scores = group["score"].to_numpy(dtype=float)
        share, s_low, s_high = bootstrap_mean_ci(predicted, n_boot=n_boot, level=level, seed=_group_seed(seed, key))
        mean, m_low, m_high = bootstrap_mean_ci(scores, n_boot=n_boot, level=level,
                                                seed=_group_seed(seed, (*key, "score")))
        rows.append({**dict(zip([*keys, label], key)), "n_articles": int(group["article_id"].nunique()),
                     "prevalence": share, "prevalence_low": s_low, "prevalence_high": s_high,
                     "score_mean": mean, "score_low": m_low, "score_high": m_high})
    columns = [*keys, label, "n_articles", "prevalence", "prevalence_low", "prevalence_high", "score_mean",
               "score_low", "score_high"]
    return pd.DataFrame(rows, columns=columns)


def _with_actor_labels(table: pd.DataFrame, analysis) -> pd.DataFrame:
    """``table`` with the run's actor display names in ``table.attrs["actor_labels"]``."""
    labels = (analysis.run or {}).get("config", {}).get("actor_labels") or {}
    table.attrs["actor_labels"] = dict(labels)
    return table


def _load(analysis):
    from framing.analysis import Analysis, read_analysis

    return analysis if isinstance(analysis, Analysis) else read_analysis(analysis)


def _keyed(analysis, table: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """``table`` restricted to analysed articles, with the group columns of its article."""
    articles = analysis.articles[analysis.articles["status"] == "analyzed"]
    articles = _with_time_keys(articles, keys)[["article_id", *keys]]
    return table.drop(columns=[k for k in keys if k in table.columns]).merge(articles, on="article_id")


def _parse_by(by: str | Iterable[str]) -> list[str]:
    keys = [part.strip() for part in by.split(",")] if isinstance(by, str) else list(by)
    unknown = [key for key in keys if key not in GROUPINGS]
    if not keys or unknown:
        raise ValueError(f"cannot group by {unknown or keys}; choose from {list(GROUPINGS)}")
    return keys


def _with_time_keys(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    if not {"year", "month"} & set(keys):
        return frame
    frame = frame.copy()
    dates = pd.to_datetime(frame["date"])
    if "year" in keys:
        frame["year"] = dates.dt.year.astype("Int64")
    if "month" in keys:
        frame["month"] = dates.dt.strftime("%Y-%m")
    return frame


def _group_seed(seed: int, key: tuple) -> np.random.SeedSequence:
    """A seed per group from its key; stable across runs and Python processes."""
    digest = zlib.crc32("\x1f".join(map(str, key)).encode("utf-8"))
    return np.random.SeedSequence([seed, digest])
