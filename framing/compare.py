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
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

import numpy as np
import pandas as pd

__all__ = ["bootstrap_mean_ci", "compare", "COMPARE_COLUMNS"]

COMPARE_COLUMNS = ("n_articles", "n_mentions", "stance_mean", "ci_low", "ci_high", "n_group_articles", "coverage")
_GROUPINGS = ("outlet", "year", "month")


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
    their ratio.
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
    return pd.DataFrame(rows, columns=columns)


def _parse_by(by: str | Iterable[str]) -> list[str]:
    keys = [part.strip() for part in by.split(",")] if isinstance(by, str) else list(by)
    unknown = [key for key in keys if key not in _GROUPINGS]
    if not keys or unknown:
        raise ValueError(f"cannot group by {unknown or keys}; choose from {list(_GROUPINGS)}")
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
