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
    "plot_frame_profile",
    "plot_naming",
    "plot_narratives",
    "plot_persuasion",
    "plot_roles",
    "plot_stance_heatmap",
    "plot_stance_intervals",
    "plot_verb_profile",
    "plot_voice_share",
    "save_figures",
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
    columns = min(3, len(actors)) or 1
    rows = int(np.ceil(len(actors) / columns)) or 1
    with _drawing(figsize=(3.2 * columns + 1.0, 0.34 * len(outlets) * rows + 1.6), nrows=rows, ncols=columns,
                  sharex=True, sharey=True, squeeze=False) as (fig, axes):
        for ax, actor in zip(axes.flat, actors):
            for i, outlet in enumerate(outlets):
                left = 0.0
                n_quotes = 0
                for verb_class in classes:
                    key = (outlet, actor, verb_class)
                    if key not in table.index:
                        continue
                    row = table.loc[key]
                    n_quotes = int(row["n_quotes"])
                    if n_quotes < min_quotes:
                        break
                    ax.barh(i, row["share"], left=left, color=_VERB_COLOURS.get(verb_class, "#888888"),
                            height=0.7, label=verb_class if i == 0 else None)
                    left += row["share"]
                ax.text(1.02, i, f"n={n_quotes}", va="center", fontsize=6.5, color="#555555")
            ax.set_title(labels.get(actor, actor))
            ax.set_xlim(0, 1)
            ax.set_yticks(range(len(outlets)), outlets)
        axes.flat[0].invert_yaxis()
        for ax in list(axes.flat)[len(actors):]:
            ax.set_visible(False)
        for ax in axes[-1]:
            ax.set_xlabel("share of the actor's quotes")
        handles = [plt.Rectangle((0, 0), 1, 1, color=_VERB_COLOURS[c]) for c in classes]
        fig.legend(handles, classes, loc="lower center", ncols=len(classes), frameon=False, fontsize=7)
        fig.suptitle(title, fontsize=10)
        fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


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


def _add_caveat(fig: Figure, caveat: str | None) -> None:
    """The measure's validation caveat, wrapped, under the figure (saved with it: figures are
    written with ``bbox_inches="tight"``)."""
    if caveat:
        import textwrap

        width = max(60, int(fig.get_figwidth() * 16))
        fig.text(0.01, -0.03, textwrap.fill(caveat, width), ha="left", va="top", fontsize=6.5, color="#7f2704")


def plot_frame_profile(frames: pd.DataFrame, *, outlets: Sequence[str] | None = None,
                       frames_shown: Sequence[str] | None = None, min_prevalence: float = 0.0,
                       title: str = "Frames by outlet (share of articles in which the frame is predicted)",
                       ax: Axes | None = None, caveat: str | None = None) -> Figure:
    """Outlet x frame heatmap of frame prevalence (:func:`framing.compare_frames`);
    with ``ax`` it goes into the given axes. ``caveat``: a line printed under the figure
    (:func:`save_figures` passes the measure's validation caveat)."""
    return _prevalence_heatmap(frames, "frame", outlets=outlets, labels=frames_shown, title=title,
                               min_prevalence=min_prevalence, ax=ax, caveat=caveat)


def plot_narratives(narratives: pd.DataFrame, *, outlets: Sequence[str] | None = None,
                    narratives_shown: Sequence[str] | None = None, min_prevalence: float = 0.05,
                    title: str = "Narratives by outlet (share of articles in which the narrative is predicted)",
                    ax: Axes | None = None, caveat: str | None = None) -> Figure:
    """Outlet x narrative heatmap of prevalence (:func:`framing.compare_narratives`);
    narratives below ``min_prevalence`` in every outlet are left out. With ``ax``
    it goes into the given axes."""
    return _prevalence_heatmap(narratives, "narrative", outlets=outlets, labels=narratives_shown, title=title,
                               min_prevalence=min_prevalence, wrap=40, ax=ax, caveat=caveat)


def plot_persuasion(persuasion: pd.DataFrame, *, outlets: Sequence[str] | None = None,
                    techniques_shown: Sequence[str] | None = None, min_prevalence: float = 0.05,
                    title: str = "Persuasion techniques by outlet (share of articles with a paragraph using it)",
                    ax: Axes | None = None, caveat: str | None = None) -> Figure:
    """Outlet x technique heatmap of the share of articles in which at least one paragraph is
    predicted to use the technique (:func:`framing.compare_persuasion`); techniques below
    ``min_prevalence`` in every outlet are left out. With ``ax`` it goes into the given axes."""
    return _prevalence_heatmap(persuasion, "technique", outlets=outlets, labels=techniques_shown, title=title,
                               min_prevalence=min_prevalence, ax=ax, caveat=caveat)


_ROLE_COLOURS = {"Protagonist": "#4393c3", "Antagonist": "#d6604d", "Innocent": "#f4a582"}


def plot_roles(roles: pd.DataFrame, *, actors: Sequence[str] | None = None, outlets: Sequence[str] | None = None,
               actor_labels: dict[str, str] | None = None, min_articles: int = 2,
               title: str = "The role each outlet casts each actor in (mean role probability)",
               caveat: str | None = None) -> Figure:
    """One panel per actor: per outlet, the mean probability of each main role
    (stacked), from :func:`framing.compare_roles`. ``actor_labels`` defaults to the
    run's names carried by ``roles``; ``caveat`` is printed under the figure."""
    _require(roles, {"outlet", "actor", "role", "probability", "n_articles"})
    totals = roles.groupby("actor")["n_articles"].sum().sort_values(ascending=False)
    actors = list(actors) if actors is not None else list(totals.index[:6])
    outlets = list(outlets) if outlets is not None else sorted(roles["outlet"].unique())
    labels = _labels(roles, actor_labels)
    table = roles.set_index(["outlet", "actor", "role"])
    role_names = [r for r in _ROLE_COLOURS if r in set(roles["role"])]
    columns = min(3, len(actors)) or 1
    rows = int(np.ceil(len(actors) / columns)) or 1
    with _drawing(figsize=(3.2 * columns + 1.0, 0.34 * len(outlets) * rows + 1.6), nrows=rows, ncols=columns,
                  sharex=True, sharey=True, squeeze=False) as (fig, axes):
        for ax, actor in zip(axes.flat, actors):
            for i, outlet in enumerate(outlets):
                left, n = 0.0, 0
                for role in role_names:
                    key = (outlet, actor, role)
                    if key not in table.index:
                        continue
                    row = table.loc[key]
                    n = int(row["n_articles"])
                    if n < min_articles:
                        break
                    ax.barh(i, row["probability"], left=left, color=_ROLE_COLOURS[role], height=0.7)
                    left += row["probability"]
                ax.text(1.02, i, f"n={n}", va="center", fontsize=6.5, color="#555555")
            ax.set_title(labels.get(actor, actor))
            ax.set_xlim(0, 1)
            ax.set_yticks(range(len(outlets)), outlets)
        axes.flat[0].invert_yaxis()
        for ax in list(axes.flat)[len(actors):]:
            ax.set_visible(False)
        handles = [plt.Rectangle((0, 0), 1, 1, color=_ROLE_COLOURS[r]) for r in role_names]
        fig.legend(handles, role_names, loc="lower center", ncols=len(role_names), frameon=False, fontsize=7)
        fig.suptitle(title, fontsize=10)
        fig.tight_layout(rect=(0, 0.05, 1, 1))
        _add_caveat(fig, caveat)
    return fig


def save_figures(comparison: pd.DataFrame, out: str | os.PathLike, *,
                 actor_labels: dict[str, str] | None = None, formats: Sequence[str] = ("png",),
                 verbs: pd.DataFrame | None = None, voice: pd.DataFrame | None = None,
                 naming: pd.DataFrame | None = None, frames: pd.DataFrame | None = None,
                 roles: pd.DataFrame | None = None, narratives: pd.DataFrame | None = None,
                 persuasion: pd.DataFrame | None = None, caveats: dict[str, str] | None = None) -> list[Path]:
    """Draw every outlet-comparison figure into ``out``; returns the written paths.

    ``comparison`` is :func:`framing.compare`'s table; the optional ``verbs``,
    ``voice``, ``naming``, ``frames``, ``roles``, ``narratives`` and ``persuasion`` tables (from the
    matching ``compare_*`` functions) add their charts.
    ``actor_labels`` defaults to the run's names carried by each table. ``caveats``
    (measure -> text; default: each measure's validation caveat from
    ``framing/data/validation.yaml``, ``{}`` for none) are printed under the frame, role
    and narrative figures.
    Files are written without timestamps and in :data:`STYLE` (its resolution and
    the fixed SVG hash salt are read when saving), so that a rerun on the same data
    gives byte-identical files.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    figures = {
        "stance_heatmap": plot_stance_heatmap(comparison, actor_labels=actor_labels),
        "stance_intervals": plot_stance_intervals(comparison, actor_labels=actor_labels),
        "actor_coverage": plot_coverage(comparison, actor_labels=actor_labels),
    }
    if verbs is not None and len(verbs):
        figures["reporting_verbs"] = plot_verb_profile(verbs, actor_labels=actor_labels)
    if voice is not None and len(voice):
        figures["voice_share"] = plot_voice_share(voice, actor_labels=actor_labels)
    if naming is not None and len(naming):
        figures["naming"] = plot_naming(naming)
    if caveats is None:
        from framing._validation import caveat

        caveats = {m: caveat(m) for m in ("frames", "roles", "narratives", "persuasion")}
    if frames is not None and len(frames):
        figures["frames"] = plot_frame_profile(frames, caveat=caveats.get("frames"))
    if roles is not None and len(roles):
        figures["roles"] = plot_roles(roles, actor_labels=actor_labels, caveat=caveats.get("roles"))
    if narratives is not None and len(narratives):
        figures["narratives"] = plot_narratives(narratives, caveat=caveats.get("narratives"))
    if persuasion is not None and len(persuasion):
        figures["persuasion"] = plot_persuasion(persuasion, caveat=caveats.get("persuasion"))
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
