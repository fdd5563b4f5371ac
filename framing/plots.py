"""Charts that compare outlets. Every function returns a matplotlib Figure and
draws nothing global, so notebooks and the ``framing figures`` command share them.

One style for all figures: :data:`STYLE` is applied inside a context manager,
never to the user's global rcParams.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

__all__ = ["plot_stance_heatmap", "plot_stance_intervals", "plot_coverage", "save_figures", "STYLE"]

STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "framing",
}
_CMAP = "RdBu"
_MISSING = "#eeeeee"


def _labels(frame: pd.DataFrame, actor_labels: dict[str, str] | None) -> dict[str, str]:
    actor_labels = dict(actor_labels or {})
    return {actor: actor_labels.get(actor, actor.replace("_", " ").title()) for actor in frame["actor"].unique()}


def _order(frame: pd.DataFrame, actors: Sequence[str] | None, outlets: Sequence[str] | None):
    if actors is None:
        totals = frame.groupby("actor")["n_articles"].sum().sort_values(ascending=False)
        actors = list(totals.index)
    if outlets is None:
        outlets = sorted(frame["outlet"].unique())
    return list(actors), list(outlets)


def plot_stance_heatmap(
    comparison: pd.DataFrame,
    *,
    actors: Sequence[str] | None = None,
    outlets: Sequence[str] | None = None,
    min_articles: int = 3,
    actor_labels: dict[str, str] | None = None,
    title: str = "Mean stance toward actors, by outlet",
):
    """Outlet x actor heatmap of mean stance, each cell annotated with the mean,
    its bootstrap interval and the number of articles.

    Cells with fewer than ``min_articles`` articles are left grey: their mean is
    printed but not coloured, so a reader is not drawn to noise.
    """
    _require(comparison, {"outlet", "actor", "stance_mean", "ci_low", "ci_high", "n_articles"})
    actors, outlets = _order(comparison, actors, outlets)
    labels = _labels(comparison, actor_labels)
    table = comparison.set_index(["outlet", "actor"])
    limit = _limit(comparison["stance_mean"])
    values = np.full((len(outlets), len(actors)), np.nan)
    with plt.style.context(STYLE):
        fig, ax = plt.subplots(figsize=(1.15 * len(actors) + 2.4, 0.62 * len(outlets) + 1.6))
        for i, outlet in enumerate(outlets):
            for j, actor in enumerate(actors):
                if (outlet, actor) not in table.index:
                    ax.text(j, i, "–", ha="center", va="center", color="#999999")
                    continue
                row = table.loc[(outlet, actor)]
                if row["n_articles"] >= min_articles:
                    values[i, j] = row["stance_mean"]
                interval = ("" if np.isnan(row["ci_low"])
                            else f"\n[{row['ci_low']:+.2f}, {row['ci_high']:+.2f}]")
                ax.text(j, i, f"{row['stance_mean']:+.2f}{interval}\nn={int(row['n_articles'])}",
                        ha="center", va="center", fontsize=6.5,
                        color="white" if abs(values[i, j]) > 0.65 * limit else "black")
        cmap = plt.get_cmap(_CMAP).with_extremes(bad=_MISSING)
        image = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, vmin=-limit, vmax=limit, aspect="auto")
        ax.set_xticks(range(len(actors)), [labels.get(a, a) for a in actors], rotation=35, ha="right")
        ax.set_yticks(range(len(outlets)), outlets)
        ax.set_title(title)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        bar = fig.colorbar(image, ax=ax, shrink=0.8, pad=0.02)
        bar.set_label("stance (−1 negative … +1 positive)")
        fig.text(0.01, 0.01, f"Mean of article-level stance; 95% bootstrap CI over articles; "
                 f"grey: fewer than {min_articles} articles.", fontsize=6.5, color="#555555")
        fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def plot_stance_intervals(
    comparison: pd.DataFrame,
    *,
    actors: Sequence[str] | None = None,
    outlets: Sequence[str] | None = None,
    actor_labels: dict[str, str] | None = None,
    max_actors: int = 8,
    title: str = "Stance toward each actor by outlet (95% bootstrap CI over articles)",
):
    """One panel per actor: each outlet's mean stance with its interval (a forest plot)."""
    _require(comparison, {"outlet", "actor", "stance_mean", "ci_low", "ci_high", "n_articles"})
    actors, outlets = _order(comparison, actors, outlets)
    actors = actors[:max_actors]
    labels = _labels(comparison, actor_labels)
    table = comparison.set_index(["outlet", "actor"])
    columns = min(4, len(actors)) or 1
    rows = int(np.ceil(len(actors) / columns)) or 1
    limit = _limit(pd.concat([comparison["ci_low"], comparison["ci_high"], comparison["stance_mean"]]))
    colours = plt.get_cmap("tab10")
    with plt.style.context(STYLE):
        fig, axes = plt.subplots(rows, columns, figsize=(2.6 * columns + 1.2, 0.32 * len(outlets) * rows + 1.4),
                                 sharex=True, sharey=True, squeeze=False)
        for ax, actor in zip(axes.flat, actors):
            for i, outlet in enumerate(outlets):
                if (outlet, actor) not in table.index:
                    continue
                row = table.loc[(outlet, actor)]
                colour = colours(i % 10)
                if not np.isnan(row["ci_low"]):
                    ax.plot([row["ci_low"], row["ci_high"]], [i, i], color=colour, lw=1.6)
                ax.plot(row["stance_mean"], i, "o", color=colour, ms=4)
            ax.axvline(0, color="#888888", lw=0.8, ls=":")
            ax.set_title(labels.get(actor, actor))
            ax.set_xlim(-limit, limit)
            ax.set_yticks(range(len(outlets)), outlets)
        axes.flat[0].invert_yaxis()  # shared y: first outlet on top in every panel
        for ax in list(axes.flat)[len(actors):]:
            ax.set_visible(False)
        for ax in axes[-1]:
            ax.set_xlabel("stance")
        fig.suptitle(title, fontsize=10)
        fig.tight_layout()
    return fig


def plot_coverage(
    comparison: pd.DataFrame,
    *,
    actors: Sequence[str] | None = None,
    outlets: Sequence[str] | None = None,
    actor_labels: dict[str, str] | None = None,
    title: str = "Share of each outlet's articles that mention the actor",
):
    """Grouped bars: the share of an outlet's articles that mention each actor."""
    _require(comparison, {"outlet", "actor", "coverage"})
    actors, outlets = _order(comparison, actors, outlets)
    labels = _labels(comparison, actor_labels)
    table = comparison.set_index(["outlet", "actor"])["coverage"]
    width = 0.8 / max(1, len(outlets))
    colours = plt.get_cmap("tab10")
    with plt.style.context(STYLE):
        fig, ax = plt.subplots(figsize=(0.9 * len(actors) + 2.5, 3.2))
        for i, outlet in enumerate(outlets):
            heights = [table.get((outlet, actor), 0.0) for actor in actors]
            ax.bar(np.arange(len(actors)) + (i - (len(outlets) - 1) / 2) * width, heights, width,
                   label=outlet, color=colours(i % 10))
        ax.set_xticks(range(len(actors)), [labels.get(a, a) for a in actors], rotation=35, ha="right")
        ax.set_ylim(0, 1)
        ax.set_ylabel("share of articles")
        ax.set_title(title)
        ax.legend(frameon=False, fontsize=7, ncols=min(5, len(outlets)), loc="upper right")
        fig.tight_layout()
    return fig


def save_figures(comparison: pd.DataFrame, out: str | os.PathLike, *,
                 actor_labels: dict[str, str] | None = None, formats: Sequence[str] = ("png",)) -> list[Path]:
    """Draw every outlet-comparison figure into ``out``; returns the written paths.

    Files are written without timestamps so that a rerun on the same data gives
    byte-identical PNG/SVG files.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    figures = {
        "stance_heatmap": plot_stance_heatmap(comparison, actor_labels=actor_labels),
        "stance_intervals": plot_stance_intervals(comparison, actor_labels=actor_labels),
        "actor_coverage": plot_coverage(comparison, actor_labels=actor_labels),
    }
    written = []
    for name, fig in figures.items():
        for fmt in formats:
            path = out / f"{name}.{fmt}"
            metadata = {"Software": None} if fmt == "png" else {"Date": None} if fmt in {"svg", "pdf"} else None
            fig.savefig(path, metadata=metadata, bbox_inches="tight")
            written.append(path)
        plt.close(fig)
    return written


def _limit(values: pd.Series) -> float:
    finite = np.abs(values.to_numpy(dtype=float))
    finite = finite[np.isfinite(finite)]
    peak = float(finite.max()) if finite.size else 1.0
    return max(0.1, min(1.0, np.ceil(peak * 10) / 10))


def _require(frame: pd.DataFrame, columns: set[str]) -> None:
    missing = columns - set(frame.columns)
    if missing:
        raise ValueError(f"the comparison table lacks {sorted(missing)}; pass the output of framing.compare()")
