"""Known-groups validation: does a measure order the outlets as their editorial lines say?

A measure has *known-groups validity* when it separates groups whose standing on the
measured construct is known in advance (Cronbach & Meehl, 1955, "Construct validity in
psychological tests", *Psychological Bulletin* 52(4), 281-302). The five outlets of the
sample corpus were written with opposite editorial lines, and ``data/DATASHEET.md`` lists,
written before any check, the direction between outlets that each measure should recover.
``data/known_groups.yaml`` is that table in machine-readable form (its header documents the
keys); :func:`check_known_groups` computes every direction on a finished run.

Each direction compares two outlet means of a per-unit value (an article, or an article x
actor for directions about an actor). The difference is the mean of the outlet expected
higher minus that of the outlet expected lower, so a positive difference is the expected
direction. Its 95 % interval is the percentile bootstrap (Efron & Tibshirani, 1993, ch. 13)
resampling articles within each outlet independently, seeded from ``seed``, the direction's
id and the outlet, so that results do not depend on which other directions are checked.
Verdicts: ``recovered`` (interval above zero), ``reversed`` (below zero), ``not separated``
(covers zero, or cannot be computed with one article) and ``not measured`` (no table can
measure it, the run did not compute the measure, or an outlet has no unit with a value).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from itertools import product
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from framing._tables import Tables, read_tables
from framing.comparison import _group_seed, _split_domain
from framing.measures import table_schemas

__all__ = ["KNOWN_GROUP_COLUMNS", "VERDICTS", "check_known_groups", "load_known_groups"]

VERDICTS = ("recovered", "reversed", "not separated", "not measured")
KNOWN_GROUP_COLUMNS = ("id", "measure", "actor", "expected", "higher", "lower", "mean_higher", "mean_lower",
                       "n_higher", "n_lower", "difference", "ci_low", "ci_high", "verdict", "reason")
"""Columns of :func:`check_known_groups`. ``higher``/``lower`` are the outlet letters of the
spec; ``n_*`` count the articles (article x actor units) each mean rests on."""

_VALUES = ("mean", "share", "rate")
_UNITS = ("article", "article x actor")
_KEYS = {"id", "measure", "datasheet", "table", "column", "unit", "value", "equals", "actor", "where",
         "outside_quotes", "events", "compare", "status", "reason", "note"}
# The optional measure that writes each table (actor_stance and articles are always written).
_MEASURE_OF = {"quotes": "quotes", "terms": "wording", "marks": "wording", "frames": "frames",
               "roles": "roles", "narratives": "narratives"}


def load_known_groups(spec: str | os.PathLike = "data/known_groups.yaml") -> dict:
    """The spec as ``{"outlets": {letter: outlet}, "directions": [entry, ...]}``, checked:
    every key known, every measured entry naming a table and column of the analysis and a
    comparison of known outlets. Raises ``ValueError`` naming the entry otherwise."""
    raw = yaml.safe_load(Path(spec).read_text(encoding="utf-8"))
    outlets, directions = raw.get("outlets") or {}, raw.get("directions") or []
    seen = set()
    for entry in directions:
        where = f"{spec}: direction {entry.get('id')!r}"
        unknown = set(entry) - _KEYS
        if unknown or not entry.get("id") or entry["id"] in seen:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)} or a missing or repeated id")
        seen.add(entry["id"])
        if entry.get("status") == "not measured":
            if not entry.get("reason"):
                raise ValueError(f"{where}: a direction that is not measured needs a reason")
            continue
        table, column = entry.get("table"), entry.get("column")
        schemas = table_schemas()
        if table not in schemas or column not in schemas[table].names:
            raise ValueError(f"{where}: no column {column!r} in analysis table {table!r}")
        if entry.get("value") not in _VALUES or entry.get("unit") not in _UNITS:
            raise ValueError(f"{where}: value must be one of {_VALUES} and unit one of {_UNITS}")
        if entry["value"] == "share" and not entry.get("equals"):
            raise ValueError(f"{where}: value 'share' needs `equals`")
        bad = [c for c in entry.get("where", {}) if c not in schemas[table].names]
        if bad:
            raise ValueError(f"{where}: `where` names columns {bad} that {table!r} lacks")
        for text in entry.get("compare") or [""]:
            _pairs(text, outlets, where)
    return {"outlets": dict(outlets), "directions": list(directions)}


def check_known_groups(run_dir: str | os.PathLike | Tables, spec: str | os.PathLike = "data/known_groups.yaml",
                       *, n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Check every direction of ``spec`` on the run in ``run_dir``.

    Returns one row per direction and outlet pair (a "highest" or "lowest" direction
    gives one row per other outlet) with the columns :data:`KNOWN_GROUP_COLUMNS`.
    Refuses an incomplete run with :func:`framing.read_analysis`'s error.
    """
    analysis = run_dir if isinstance(run_dir, Tables) else read_tables(run_dir)
    spec = load_known_groups(spec)
    letters = spec["outlets"]
    computed = set((analysis.run or {}).get("config", {}).get("measures", _MEASURE_OF.values()))
    rows = []
    for entry in spec["directions"]:
        base = {"id": str(entry["id"]), "measure": entry["measure"], "actor": _actor_text(entry.get("actor"))}
        reason = entry.get("reason") if entry.get("status") == "not measured" else None
        measure = _MEASURE_OF.get(entry.get("table"))
        if reason is None and measure is not None and measure not in computed:
            reason = f"the run did not compute {measure} (framing analyze --measures)"
        if reason:
            expected = "; ".join(entry.get("compare") or []) or entry.get("datasheet")
            rows.append({**base, "expected": expected, "verdict": "not measured", "reason": reason})
            continue
        values = _unit_values(analysis, entry)
        draws = {}
        for text in entry["compare"]:
            for high, low in _pairs(text, letters, entry["id"]):
                rows.append({**base, "expected": text, "higher": high, "lower": low,
                             **_difference(values, letters, high, low, draws, n_boot=n_boot,
                                           seed=seed, key=str(entry["id"]))})
    return pd.DataFrame(rows, columns=list(KNOWN_GROUP_COLUMNS)).astype({"n_higher": "Int64", "n_lower": "Int64"})


def _pairs(text: str, letters: dict, where) -> list[tuple[str, str]]:
    """(higher, lower) letter pairs of one comparison: "V > W, A > R", "K highest", "V lowest"."""
    ranked = re.fullmatch(r"\s*(\w+)\s+(highest|lowest)\s*", text)
    if ranked:
        one, word = ranked.groups()
        groups = [[one], [o for o in letters if o != one]]
        if word == "lowest":
            groups.reverse()
    else:
        groups = [[o.strip() for o in part.split(",")] for part in text.split(">")]
    named = [o for group in groups for o in group]
    if len(groups) < 2 or any(o not in letters for o in named) or len(set(named)) != len(named):
        raise ValueError(f"{where}: cannot read the comparison {text!r} (outlets: {', '.join(letters)})")
    return [pair for upper, lower in zip(groups, groups[1:]) for pair in product(upper, lower)]


_ACTOR_COLUMN = {"quotes": "speaker_actor", "persuasion": "target"}
"""The column that names a row's actor where it is not ``actor``: a quote's speaker, the actor a
persuasion technique is tied to."""


def _unit_values(analysis: Tables, entry: dict) -> pd.DataFrame:
    """One value per unit (article, or article x actor): columns ``outlet, article_id, value``."""
    articles = analysis.articles[analysis.articles["status"] == "analyzed"][["article_id", "outlet", "date", "n_words"]]
    if entry.get("events"):
        dates = pd.to_datetime(articles["date"]).dt.date
        keep = pd.Series(False, index=articles.index)
        for event in entry["events"]:
            day = dt.date.fromisoformat(str(event))
            keep |= (dates >= day) & (dates <= day + dt.timedelta(days=1))
        articles = articles[keep]
    rows = getattr(analysis, entry["table"])
    rows = rows[rows["article_id"].isin(articles["article_id"])]
    rows = _split_domain(rows)[0]  # roles and narratives: only articles of the model's domain count
    for column, wanted in (entry.get("where") or {}).items():
        rows = rows[_matches(rows[column], wanted)]
    actors = entry.get("actor")
    actors = [actors] if isinstance(actors, str) else actors
    by = _ACTOR_COLUMN.get(entry["table"], "actor")
    if by in rows.columns and by != "actor":
        rows = rows.assign(actor=rows[by])
    if actors:
        rows = rows[rows["actor"].isin(actors)]
    if entry.get("outside_quotes"):
        rows = _outside_quotes(rows, analysis)
    keys = ["article_id", "actor"] if entry["unit"] == "article x actor" else ["article_id"]
    if entry["value"] == "rate":
        if entry["unit"] == "article x actor":
            units = analysis.actor_stance[analysis.actor_stance["actor"].isin(actors or [])][keys]
        else:
            units = articles[keys]
        counts = rows.groupby(keys).size().rename("count").reset_index()
        units = units.merge(counts, on=keys, how="left").merge(articles, on="article_id")
        value = units["count"].fillna(0) * 1000 / units["n_words"].where(units["n_words"] > 0)
    else:
        column = rows[entry["column"]]
        hit = _matches(column, entry["equals"]) if entry["value"] == "share" else column
        units = rows.assign(_value=hit.astype(float)).groupby(keys, as_index=False)["_value"].mean()
        units = units.merge(articles, on="article_id")
        value = units["_value"]
    return pd.DataFrame({"outlet": units["outlet"], "article_id": units["article_id"], "value": value}).dropna()


def _matches(column: pd.Series, wanted) -> pd.Series:
    """Rows whose value is one of ``wanted`` (strings compared without case)."""
    wanted = wanted if isinstance(wanted, list) else [wanted]
    if column.dtype == object or pd.api.types.is_string_dtype(column):
        return column.str.casefold().isin([str(w).casefold() for w in wanted])
    return column.isin(wanted)


def _outside_quotes(rows: pd.DataFrame, analysis: Tables) -> pd.DataFrame:
    """``rows`` less those whose span lies inside a quotation or a scare quote."""
    columns = ["article_id", "field", "start", "end"]
    spans = pd.concat([analysis.quotes[columns], analysis.marks.loc[analysis.marks["kind"] == "scare_quote", columns]])
    inside = rows.reset_index().merge(spans, on=["article_id", "field"], suffixes=("", "_q"))
    inside = inside.loc[(inside["start_q"] <= inside["start"]) & (inside["end"] <= inside["end_q"]), "index"]
    return rows.drop(index=inside.unique())


def _difference(values: pd.DataFrame, letters: dict, high: str, low: str, draws: dict, *,
                n_boot: int, seed: int, key: str) -> dict:
    """Outlet means, their difference (high - low), its percentile-bootstrap interval and the verdict."""
    data = {o: values.loc[values["outlet"] == letters[o], "value"].to_numpy(dtype=float) for o in (high, low)}
    result = {"mean_higher": data[high].mean() if data[high].size else np.nan,
              "mean_lower": data[low].mean() if data[low].size else np.nan,
              "n_higher": data[high].size, "n_lower": data[low].size}
    empty = [letters[o] for o in (high, low) if data[o].size == 0]
    if empty:
        return {**result, "verdict": "not measured", "reason": f"no {' or '.join(empty)} article has a value"}
    result["difference"] = result["mean_higher"] - result["mean_lower"]
    if min(data[high].size, data[low].size) < 2:
        return {**result, "verdict": "not separated", "reason": "one article in an outlet: no interval"}
    for o in (high, low):
        if o not in draws:
            draws[o] = _resampled_means(data[o], n_boot, _group_seed(seed, (key, letters[o])))
    low_ci, high_ci = np.quantile(draws[high] - draws[low], [0.025, 0.975])
    verdict = "recovered" if low_ci > 0 else "reversed" if high_ci < 0 else "not separated"
    return {**result, "ci_low": float(low_ci), "ci_high": float(high_ci), "verdict": verdict, "reason": None}


def _resampled_means(values: np.ndarray, n_boot: int, seed) -> np.ndarray:
    """Means of ``n_boot`` resamples of ``values``. :func:`framing.bootstrap_mean_ci` returns
    only an interval; the interval of a difference needs the resampled means themselves."""
    rng = np.random.default_rng(seed)
    return values[rng.integers(0, values.size, size=(n_boot, values.size))].mean(axis=1)


def _actor_text(actor) -> str | None:
    if actor is None:
        return None
    return actor if isinstance(actor, str) else ", ".join(actor)
