"""Cross-validation repeated over fold seeds: how much a score owes to one split of the documents.

A cross-validated score is measured on one random split of the documents into folds. On small sets
(54 English narrative documents, 28 Ukraine-war role documents) another split moves it by several
hundredths, and a configuration chosen on one split looks best on that split. ``framing evaluate
NAME --data DIR --seeds 0,1,2,3,4`` runs the measure's evaluation once per fold seed and adds the
spread of every cross-validated number to the first seed's report (:func:`over_fold_seeds`).
"""

from __future__ import annotations

import statistics
from typing import Any, Callable, Sequence

STATISTICS: dict[str, Callable[[list], float]] = {
    "mean": statistics.fmean,
    "sd": lambda values: statistics.stdev(values) if len(values) > 1 else 0.0,
    "min": min,
    "max": max,
}
"""The summaries of each number over the seeds (``sd``: the sample standard deviation)."""

# Entries of the cross-validated part that are not scores (the held-out part is scored once,
# whatever the fold seed).
_NOT_CROSS_VALIDATED = frozenset({"held_out", "seed", "folds", "seconds", "params", "data", "artefact"})


def combine(reports: Sequence[Any], reduce: Callable[[list], Any]) -> Any:
    """``reduce`` of the numbers found at the same place in every report: dicts (keys that every
    report has) and lists of one length are walked; a place that holds something else in some
    report gives None, and dict entries that give None are left out."""
    first = reports[0]
    if isinstance(first, dict):
        keys = [k for k in first if all(isinstance(r, dict) and k in r for r in reports)]
        combined = {k: combine([r[k] for r in reports], reduce) for k in keys}
        return {k: v for k, v in combined.items() if v is not None}
    if isinstance(first, list) and all(isinstance(r, list) and len(r) == len(first) for r in reports):
        return [combine([r[i] for r in reports], reduce) for i in range(len(first))]
    if all(isinstance(r, (int, float)) and not isinstance(r, bool) for r in reports):
        return reduce(list(reports))
    return None


def cross_validated_part(report: dict) -> dict:
    """The cross-validated numbers of an evaluation report: its ``cv`` entry, or, for a report
    that is itself the cross-validation (frames), the whole report; without the held-out part,
    the seed, the number of folds and the timings."""
    part = report["cv"] if isinstance(report.get("cv"), dict) else report
    return {k: v for k, v in part.items() if k not in _NOT_CROSS_VALIDATED}


def over_fold_seeds(evaluate: Callable[..., dict], data, *, folds: int = 5, seeds: Sequence[int] = (0,),
                    progress: Callable[[str], None] | None = None) -> dict:
    """``evaluate(data, folds=folds, seed=s)`` for every seed ``s``: the first seed's report, with
    ``fold_seeds`` added: ``seeds`` and, for every number of the cross-validated part
    (:func:`cross_validated_part`) at the same place as in the report, its ``mean``, ``sd``,
    ``min`` and ``max`` over the seeds. The held-out part, where there is one, is the first seed's."""
    seeds = [int(s) for s in seeds]
    if not seeds:
        raise ValueError("seeds: give at least one fold seed")
    if len(set(seeds)) != len(seeds):
        raise ValueError(f"seeds: each fold seed once, got {seeds}")
    from framing.encoder import shared_memories

    reports = []
    with shared_memories():  # each text is encoded once, not once per seed
        for k, seed in enumerate(seeds, 1):
            if progress is not None:
                progress(f"fold seed {seed} ({k} of {len(seeds)})")
            reports.append(evaluate(data, folds=folds, seed=seed))
    parts = [cross_validated_part(r) for r in reports]
    report = dict(reports[0])
    report["fold_seeds"] = {"seeds": seeds, **{name: combine(parts, f) for name, f in STATISTICS.items()}}
    return report
