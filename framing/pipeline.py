"""The steps after ``analyze``, driven by the registered measures (:mod:`framing.measures`):
each measure's outlet tables (``framing compare``) and its figures (``framing figures``).
Nothing here names a measure."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from framing._runfolder import derived_prefix
from framing.measures import Measure, registered_measures

__all__ = ["outlet_tables", "draw_figures", "run_measures", "save_figures"]


def run_measures(analysis) -> tuple[Measure, ...]:
    """The measures whose tables ``analysis`` holds: the core ones and those its run computed
    (every registered one whose tables it holds when the run records none)."""
    computed = (analysis.run or {}).get("config", {}).get("measures")
    if computed is None:
        return tuple(m for m in registered_measures() if m.core or set(m.tables) <= set(analysis.names))
    unknown = [name for name in computed if name not in {m.name for m in registered_measures()}]
    if unknown:
        raise ValueError(f"the run computed measure(s) {unknown}, which are not registered here; register them "
                         f"(framing.register_measure, or install the package that provides them) first")
    return tuple(m for m in registered_measures() if m.core or m.name in computed)


def outlet_tables(analysis, *, by: str | Iterable[str] = "outlet", n_boot: int = 2000, level: float = 0.95,
                  seed: int = 0, measures: Iterable[Measure] | None = None) -> dict[str, pd.DataFrame]:
    """Every outlet table of the measures of ``analysis`` (default: :func:`run_measures`), keyed
    by the file stem ``framing compare`` writes it under (``outlet_actor``, ``outlet_frames``, ...)."""
    by_text = by if isinstance(by, str) else ",".join(by)
    prefix = derived_prefix(by_text)
    options = {"by": by, "n_boot": n_boot, "level": level, "seed": seed}
    tables = {}
    for measure in run_measures(analysis) if measures is None else measures:
        produced = measure.compare(analysis, **options)
        if set(produced) != set(measure.comparisons):
            raise ValueError(f"measure {measure.name!r} returned outlet tables {sorted(produced)}, "
                             f"not the kinds it declares {list(measure.comparisons)}")
        tables.update({f"{prefix}_{kind}": produced[kind] for kind in measure.comparisons})
    return tables


def draw_figures(tables: Mapping[str, pd.DataFrame], out: str | os.PathLike, *,
                 measures: Iterable[Measure], actor_labels: Mapping[str, str] | None = None,
                 formats: Iterable[str] = ("png",), caveats: Mapping[str, str | None] | None = None) -> list[Path]:
    """Draw each measure's figures from its ``outlet_<kind>`` tables into ``out``; returns the paths.

    ``caveats`` (measure -> text) default to each measure's validation caveat."""
    from framing.plots import write_figures

    figures = {}
    for measure in measures:
        own = {kind: tables[f"outlet_{kind}"] for kind in measure.comparisons if f"outlet_{kind}" in tables}
        caveat = measure.caveat() if caveats is None else caveats.get(measure.name)
        drawn = measure.figures(own, actor_labels=actor_labels, caveat=caveat)
        clash = sorted(set(drawn) & set(figures))
        if clash:
            raise ValueError(f"measure {measure.name!r} draws figure {clash[0]!r}, which another measure draws")
        figures.update(drawn)
    return write_figures(figures, out, list(formats))


def save_figures(comparison: pd.DataFrame, out: str | os.PathLike, *,
                 actor_labels: Mapping[str, str] | None = None, formats: Iterable[str] = ("png",),
                 caveats: Mapping[str, str | None] | None = None, **tables: pd.DataFrame | None) -> list[Path]:
    """Draw every outlet-comparison figure into ``out``; returns the written paths.

    ``comparison`` is :func:`framing.compare`'s table; each further table is passed by its kind
    (``verbs=``, ``voice=``, ``naming=``, ``frames=``, ``roles=``, ``narratives=``, ``persuasion=``,
    and the kinds of registered measures) and adds its measure's charts. ``actor_labels`` defaults
    to the run's names carried by each table. ``caveats`` (measure -> text; default: each
    measure's validation caveat, ``{}`` for none) are printed under the measures' figures.
    Files are written without timestamps (see :func:`framing.plots.write_figures`), so that a
    rerun on the same data gives byte-identical files.
    """
    kinds = {kind for m in registered_measures() for kind in m.comparisons}
    unknown = sorted(set(tables) - kinds)
    if unknown:
        raise TypeError(f"save_figures: no measure has outlet tables of kind {unknown}; kinds: {sorted(kinds)}")
    given = {"outlet_actor": comparison, **{f"outlet_{kind}": table for kind, table in tables.items()
                                              if table is not None}}
    measures = [m for m in registered_measures() if any(f"outlet_{kind}" in given for kind in m.comparisons)]
    return draw_figures(given, out, measures=measures, actor_labels=actor_labels, formats=formats, caveats=caveats)
