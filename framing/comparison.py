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

from framing._runfolder import GROUPINGS
from framing._tables import Tables, read_tables

__all__ = [
    "bootstrap_mean_ci",
    "bootstrap_ratio_ci",
    "compare",
    "compare_means",
    "COMPARE_COLUMNS",
]

COMPARE_COLUMNS = ("n_articles", "n_mentions", "stance_mean", "ci_low", "ci_high", "n_group_articles", "coverage")


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
    analysis, keys = _load(analysis), _parse_by(by)
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


def compare_means(analysis, table: str | pd.DataFrame, value: str, *, label: str | None = None,
                  by: str | Iterable[str] = "outlet", n_boot: int = 2000, level: float = 0.95,
                  seed: int = 0) -> pd.DataFrame:
    """The outlet comparison of any per-article number: per group (x ``label``), the mean over
    articles of ``value`` with an article-level bootstrap interval. For a measure of one's own
    (:class:`framing.measures.Measure`), this is its ``compare`` in one line.

    ``table`` is a table name of the analysis or a DataFrame with ``article_id``; rows of one
    article (and label) are averaged first, so each article counts once. Articles without a row
    are not counted: write a row for every article to count them (with 0, say).

    Columns: the ``by`` columns, ``label`` when given, ``n_articles, mean, ci_low, ci_high``.
    """
    analysis, keys = _load(analysis), _parse_by(by)
    rows_of = getattr(analysis, table) if isinstance(table, str) else table
    missing = sorted({"article_id", value, *([label] if label else [])} - set(rows_of.columns))
    if missing:
        raise ValueError(f"compare_means: the table has no column {missing[0]!r}")
    labels = [label] if label else []
    per_article = (_keyed(analysis, rows_of, keys).groupby([*keys, *labels, "article_id"], sort=True)[value]
                   .mean().reset_index())
    out = []
    for key, group in per_article.groupby([*keys, *labels], sort=True):
        key = key if isinstance(key, tuple) else (key,)
        mean, low, high = bootstrap_mean_ci(group[value].to_numpy(dtype=float), n_boot=n_boot, level=level,
                                            seed=_group_seed(seed, key))
        out.append({**dict(zip([*keys, *labels], key)), "n_articles": len(group), "mean": mean,
                    "ci_low": low, "ci_high": high})
    return pd.DataFrame(out, columns=[*keys, *labels, "n_articles", "mean", "ci_low", "ci_high"])


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
    """An analysis's tables: ``analysis`` itself, or those of the run folder it names."""
    return analysis if isinstance(analysis, Tables) else read_tables(analysis)


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


# The outlet tables of each measure live with the measure (framing/measures/); older code that
# imports them from here still finds them.
_MOVED = {"compare_verbs": "quotes", "compare_voice": "quotes", "OTHER_SPEAKER": "quotes", "compare_naming": "wording", "compare_marks": "wording", "compare_frames": "frames", "compare_roles": "roles", "compare_narratives": "narratives", "compare_persuasion": "persuasion"}


def __getattr__(name: str):
    if name in _MOVED:
        import importlib

        return getattr(importlib.import_module(f"framing.measures.{_MOVED[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
