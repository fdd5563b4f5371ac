"""Charts that compare outlets. Every function returns the matplotlib Figure and
changes no global setting (rcParams, interactive mode, backend), so notebooks and
the ``framing figures`` command share them. The functions that draw one axes take
``ax=`` to draw into the caller's axes, as matplotlib's own functions do.

One style for all figures: :data:`STYLE` is applied inside a context manager,
never to the user's global rcParams. Actors are named as in the run's inventory:
the ``compare*`` tables carry the names in ``table.attrs["actor_labels"]``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

__all__ = [
    "plot_coverage",
    "plot_means",
    "plot_stance_heatmap",
    "plot_stance_intervals",
    "write_figures",
    "STYLE",
]

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


@contextlib.contextmanager
def _drawing(ax: Axes | None = None, *, figsize: tuple[float, float] | None = None, **subplots) -> Iterator[tuple]:
    """``(figure, axes)`` to draw on in :data:`STYLE`, changing no global setting.

    Without ``ax``, a new pyplot figure of ``figsize`` with the axes of
    ``Figure.subplots(**subplots)``; with ``ax``, the caller's axes and its figure.
    The figure is made before the style applies: the first figure of a session
    loads the backend, and what the backend does on loading must outlast the
    drawing. Jupyter's inline backend switches interactive mode on; inside the
    style context that switch would be undone on the way out, and no later figure
    of the session would show. The style context puts every rcParam back on the
    way out, so the caller's settings after a plot are those before it.
    """
    # STYLE's one figure-level key is passed here, as the figure is made outside it.
    fig = plt.figure(figsize=figsize, dpi=STYLE["figure.dpi"]) if ax is None else ax.figure
    try:
        with plt.style.context(STYLE):
            yield fig, fig.subplots(**subplots) if ax is None else ax
    except BaseException:
        if ax is None:  # no half-drawn figure left open (Jupyter would show it)
            plt.close(fig)
        raise


def _labels(frame: pd.DataFrame, actor_labels: dict[str, str] | None) -> dict[str, str]:
    """Display name of each actor of ``frame``: from ``actor_labels``, else from the
    run the table was computed from (``frame.attrs["actor_labels"]``), else the
    identifier in title case."""
    if actor_labels is None:
        actor_labels = frame.attrs.get("actor_labels")
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
    ax: Axes | None = None,
) -> Figure:
    """Outlet x actor heatmap of mean stance, each cell annotated with the mean,
    its bootstrap interval and the number of articles.

    Cells with fewer than ``min_articles`` articles are left grey: their mean is
    printed but not coloured, so a reader is not drawn to noise. ``actor_labels``
    defaults to the run's names carried by ``comparison``. With ``ax`` the heatmap
    and its colour bar go into the given axes (the note on grey cells becomes its
    x label) and the figure's layout is left to the caller.
    """
    _require(comparison, {"outlet", "actor", "stance_mean", "ci_low", "ci_high", "n_articles"})
    actors, outlets = _order(comparison, actors, outlets)
    labels = _labels(comparison, actor_labels)
    table = comparison.set_index(["outlet", "actor"])
    limit = _limit(comparison["stance_mean"])
    values = np.full((len(outlets), len(actors)), np.nan)
    own = ax is None
    with _drawing(ax, figsize=(1.15 * len(actors) + 2.4, 0.62 * len(outlets) + 1.6)) as (fig, ax):
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
        note = (f"Mean of article-level stance; 95% bootstrap CI over articles; "
                f"grey: fewer than {min_articles} articles.")
        if own:
            fig.text(0.01, 0.01, note, fontsize=6.5, color="#555555")
            fig.tight_layout(rect=(0, 0.03, 1, 1))
        else:
            ax.set_xlabel(note, fontsize=6.5, color="#555555")
    return fig


def plot_stance_intervals(
    comparison: pd.DataFrame,
    *,
    actors: Sequence[str] | None = None,
    outlets: Sequence[str] | None = None,
    actor_labels: dict[str, str] | None = None,
    max_actors: int = 8,
    title: str = "Stance toward each actor by outlet (95% bootstrap CI over articles)",
) -> Figure:
    """One panel per actor: each outlet's mean stance with its interval (a forest plot).

    ``actor_labels`` defaults to the run's names carried by ``comparison``.
    """
    _require(comparison, {"outlet", "actor", "stance_mean", "ci_low", "ci_high", "n_articles"})
    actors, outlets = _order(comparison, actors, outlets)
    actors = actors[:max_actors]
    labels = _labels(comparison, actor_labels)
    table = comparison.set_index(["outlet", "actor"])
    columns = min(4, len(actors)) or 1
    rows = int(np.ceil(len(actors) / columns)) or 1
    limit = _limit(pd.concat([comparison["ci_low"], comparison["ci_high"], comparison["stance_mean"]]))
    colours = plt.get_cmap("tab10")
    with _drawing(figsize=(2.6 * columns + 1.2, 0.32 * len(outlets) * rows + 1.4), nrows=rows, ncols=columns,
                  sharex=True, sharey=True, squeeze=False) as (fig, axes):
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
    ax: Axes | None = None,
) -> Figure:
    """Grouped bars: the share of an outlet's articles that mention each actor.

    ``actor_labels`` defaults to the run's names carried by ``comparison``; with
    ``ax`` the bars go into the given axes.
    """
    _require(comparison, {"outlet", "actor", "coverage"})
    actors, outlets = _order(comparison, actors, outlets)
    labels = _labels(comparison, actor_labels)
    table = comparison.set_index(["outlet", "actor"])["coverage"]
    width = 0.8 / max(1, len(outlets))
    colours = plt.get_cmap("tab10")
    own = ax is None
    with _drawing(ax, figsize=(0.9 * len(actors) + 2.5, 3.2)) as (fig, ax):
        for i, outlet in enumerate(outlets):
            heights = [table.get((outlet, actor), 0.0) for actor in actors]
            ax.bar(np.arange(len(actors)) + (i - (len(outlets) - 1) / 2) * width, heights, width,
                   label=outlet, color=colours(i % 10))
        ax.set_xticks(range(len(actors)), [labels.get(a, a) for a in actors], rotation=35, ha="right")
        ax.set_ylim(0, 1)
        ax.set_ylabel("share of articles")
        ax.set_title(title)
        ax.legend(frameon=False, fontsize=7, ncols=min(5, len(outlets)), loc="upper right")
        if own:
            fig.tight_layout()
    return fig


def _prevalence_heatmap(table: pd.DataFrame, label: str, *, outlets, labels, title: str, min_prevalence: float,
                        wrap: int = 28, ax: Axes | None = None, caveat: str | None = None) -> Figure:
    _require(table, {"outlet", label, "prevalence", "n_articles"})
    outlets = list(outlets) if outlets is not None else sorted(table["outlet"].unique())
    peak = table.groupby(label)["prevalence"].max()
    labels = list(labels) if labels is not None else list(peak[peak >= min_prevalence].sort_values(ascending=False)
                                                         .index)
    grid = table.pivot_table(index="outlet", columns=label, values="prevalence").reindex(index=outlets,
                                                                                        columns=labels)
    import textwrap

    own = ax is None
    with _drawing(ax, figsize=(0.55 * len(labels) + 2.8, 0.45 * len(outlets) + 2.4)) as (fig, ax):
        image = ax.imshow(grid.to_numpy(dtype=float), cmap="Purples", vmin=0, vmax=1, aspect="auto")
        for i in range(len(outlets)):
            for j in range(len(labels)):
                value = grid.iat[i, j]
                if np.isfinite(value):
                    ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=6.5,
                            color="white" if value > 0.6 else "black")
        names = [textwrap.shorten(str(name).replace("_", " ").replace("URW: ", ""), wrap, placeholder="…")
                 for name in labels]
        ax.set_xticks(range(len(labels)), names, rotation=55, ha="right")
        ax.set_yticks(range(len(outlets)), outlets)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        fig.colorbar(image, ax=ax, shrink=0.8, pad=0.02).set_label("share of articles")
        ax.set_title(title)
        if own:
            fig.tight_layout()
        _add_caveat(fig, caveat)
    return fig


def _stacked_share_panels(table: pd.DataFrame, *, actors: Sequence[str], outlets: Sequence[str], labels: dict,
                          categories: Sequence[str], colours: dict[str, str], value: str, count: str,
                          min_count: int, title: str, xlabel: str | None = None,
                          caveat: str | None = None) -> Figure:
    """One panel per actor: per outlet a bar of the ``value`` shares of each category, stacked,
    with the ``count`` it rests on; an outlet whose count is under ``min_count`` is left empty.
    ``table`` is indexed by (outlet, actor, category)."""
    columns = min(3, len(actors)) or 1
    rows = int(np.ceil(len(actors) / columns)) or 1
    with _drawing(figsize=(3.2 * columns + 1.0, 0.34 * len(outlets) * rows + 1.6), nrows=rows, ncols=columns,
                  sharex=True, sharey=True, squeeze=False) as (fig, axes):
        for ax, actor in zip(axes.flat, actors):
            for i, outlet in enumerate(outlets):
                left, n = 0.0, 0
                for category in categories:
                    key = (outlet, actor, category)
                    if key not in table.index:
                        continue
                    row = table.loc[key]
                    n = int(row[count])
                    if n < min_count:
                        break
                    ax.barh(i, row[value], left=left, color=colours.get(category, "#888888"), height=0.7)
                    left += row[value]
                ax.text(1.02, i, f"n={n}", va="center", fontsize=6.5, color="#555555")
            ax.set_title(labels.get(actor, actor))
            ax.set_xlim(0, 1)
            ax.set_yticks(range(len(outlets)), outlets)
        axes.flat[0].invert_yaxis()
        for ax in list(axes.flat)[len(actors):]:
            ax.set_visible(False)
        if xlabel:
            for ax in axes[-1]:
                ax.set_xlabel(xlabel)
        handles = [plt.Rectangle((0, 0), 1, 1, color=colours[c]) for c in categories]
        fig.legend(handles, categories, loc="lower center", ncols=len(categories), frameon=False, fontsize=7)
        fig.suptitle(title, fontsize=10)
        fig.tight_layout(rect=(0, 0.05, 1, 1))
        _add_caveat(fig, caveat)
    return fig


def _add_caveat(fig: Figure, caveat: str | None) -> None:
    """The measure's validation caveat, wrapped, under the figure (saved with it: figures are
    written with ``bbox_inches="tight"``)."""
    if caveat:
        import textwrap

        width = max(60, int(fig.get_figwidth() * 16))
        fig.text(0.01, -0.03, textwrap.fill(caveat, width), ha="left", va="top", fontsize=6.5, color="#7f2704")


def plot_means(table: pd.DataFrame, *, label: str | None = None, group: str = "outlet",
               title: str = "Mean per article by outlet (95% bootstrap CI over articles)",
               xlabel: str = "mean per article", caveat: str | None = None) -> Figure:
    """A forest plot of :func:`framing.compare_means`' table: each group's mean with its interval,
    one panel per ``label`` value when the table has one."""
    _require(table, {group, "mean", "ci_low", "ci_high"})
    panels = sorted(table[label].dropna().unique()) if label else [None]
    groups = sorted(table[group].dropna().unique())
    columns = min(4, len(panels)) or 1
    rows = int(np.ceil(len(panels) / columns)) or 1
    colours = plt.get_cmap("tab10")
    with _drawing(figsize=(2.8 * columns + 1.2, 0.32 * len(groups) * rows + 1.4), nrows=rows, ncols=columns,
                  sharex=True, sharey=True, squeeze=False) as (fig, axes):
        for ax, panel in zip(axes.flat, panels):
            part = table if panel is None else table[table[label] == panel]
            for i, name in enumerate(groups):
                for row in part[part[group] == name].itertuples(index=False):
                    colour = colours(i % 10)
                    if not np.isnan(row.ci_low):
                        ax.plot([row.ci_low, row.ci_high], [i, i], color=colour, lw=1.6)
                    ax.plot(row.mean, i, "o", color=colour, ms=4)
            if panel is not None:
                ax.set_title(str(panel))
            ax.set_yticks(range(len(groups)), groups)
        axes.flat[0].invert_yaxis()
        for ax in list(axes.flat)[len(panels):]:
            ax.set_visible(False)
        for ax in axes[-1]:
            ax.set_xlabel(xlabel)
        fig.suptitle(title, fontsize=10)
        fig.tight_layout(rect=(0, 0.05 if caveat else 0, 1, 1))
        _add_caveat(fig, caveat)
    return fig


def write_figures(figures: dict[str, Figure], out: str | os.PathLike, formats: Sequence[str] = ("png",)) -> list[Path]:
    """Save each figure as ``out/<name>.<format>`` and close it; returns the written paths.

    Files are written without timestamps and in :data:`STYLE`, so that a rerun on the same data
    gives byte-identical files."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, fig in figures.items():
        for fmt in formats:
            path = out / f"{name}.{fmt}"
            metadata = {"Software": None} if fmt == "png" else {"Date": None} if fmt in {"svg", "pdf"} else None
            with plt.style.context(STYLE):
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


# The figures of each measure live with the measure (framing/measures/); older code that imports
# them from here still finds them.
_MOVED = {"save_figures": "pipeline", "plot_verb_profile": "quotes", "plot_voice_share": "quotes", "plot_naming": "wording", "plot_frame_profile": "frames", "plot_roles": "roles", "plot_narratives": "narratives", "plot_persuasion": "persuasion"}


def __getattr__(name: str):
    if name in _MOVED:
        import importlib

        module = "framing.pipeline" if _MOVED[name] == "pipeline" else f"framing.measures.{_MOVED[name]}"
        return getattr(importlib.import_module(module), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
