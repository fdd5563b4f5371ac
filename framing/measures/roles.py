"""Entity roles (:mod:`framing.roles`): per article x actor, the mean probability of each main role
(protagonist, antagonist, innocent) over the actor's mentions and the most probable fine role
under the main one. Outlet table ``roles``; figure: roles per actor, with its validation's
caveat. Off by default (``framing/data/validation.yaml`` says why)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
from matplotlib.figure import Figure

from framing.comparison import _group_seed, _keyed, _load, _parse_by, _split_domain, _with_actor_labels, _with_out_of_domain, bootstrap_mean_ci
from framing.measures import Batch, Field, Measure, Setup, learned_model_available
from framing.plots import _labels, _require, _stacked_share_panels

ROLE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("actor", pa.string()), ("n_mentions", pa.int64()),
    ("p_protagonist", pa.float64()), ("p_antagonist", pa.float64()), ("p_innocent", pa.float64()),
    ("main_role", pa.string()), ("fine_role", pa.string()), ("p_fine_role", pa.float64()), ("in_domain", pa.bool_()),
])


class RoleMeasure(Measure):
    name = "roles"
    description = "the role each actor is cast in (protagonist, antagonist, innocent; fine roles)"
    tables = {"roles": ROLE_SCHEMA}
    comparisons = ("roles",)
    position = 40
    validation = "roles"
    evaluate_help = ("SemEval-2025 Task 10 folder with subtask-1-annotations.txt and raw-documents/, "
                     "e.g. ../shared/data/semeval2025-roles-narratives-en")

    def available(self) -> bool:
        return learned_model_available("roles")

    def load(self, setup: Setup):
        from framing.roles import load_role_model

        return load_role_model()

    def field_rows(self, model, field: Field) -> dict[str, list]:
        if not field.mentions:
            return {}
        from framing.roles import examples_from_doc

        examples = examples_from_doc(field.doc, [(m.start, m.end) for m in field.mentions])
        main = model.predict_proba(examples)
        fine = model.predict_fine_proba(examples)
        return {"_roles": [(m.actor, main[i], fine[i]) for i, m in enumerate(field.mentions)]}

    def batch_rows(self, model, batch: Batch) -> dict[str, list]:
        from framing.domains import measure_domains

        inside = measure_domains("roles", model)
        return {"roles": [row for article, rows, domain in zip(batch.articles, batch.rows, batch.domains)
                          for row in aggregate_roles(article, rows.get("_roles", []), model,
                                                     in_domain=domain is None or domain in inside)]}

    def compare(self, analysis, **options) -> dict:
        return {"roles": compare_roles(analysis, **options)}

    def figures(self, tables, *, actor_labels=None, caveat=None) -> dict:
        table = tables.get("roles")
        return ({"roles": plot_roles(table, actor_labels=actor_labels, caveat=caveat)}
                if table is not None and len(table) else {})

    def evaluate(self, data, *, folds=5, seed=0) -> dict:
        from framing.roles import evaluate_roles

        return evaluate_roles(data, folds=folds, seed=seed)

    def train(self, data, *, out, seed=0) -> dict:
        from framing.roles import train_roles

        return train_roles(data, out=out, seed=seed)


def aggregate_roles(article, rows: list, model, *, in_domain: bool = True) -> list[dict]:
    """Mean mention-level role probabilities per actor of one article; the fine role is the most
    probable child of the most probable main role."""
    if not rows:
        return []
    from framing.roles import FINE_ROLES, MAIN_ROLES

    fine_names = list(model.fine_roles_)
    out = []
    for actor in sorted({actor for actor, _, _ in rows}):
        main = np.mean([m for a, m, _ in rows if a == actor], axis=0)
        fine = np.mean([f for a, _, f in rows if a == actor], axis=0)
        main_role = MAIN_ROLES[int(np.argmax(main))]
        children = [j for j, name in enumerate(fine_names) if name in FINE_ROLES[main_role]]
        best_fine = max(children, key=lambda j: fine[j])
        out.append({"article_id": article.id, "outlet": article.outlet, "actor": actor,
                    "n_mentions": sum(a == actor for a, _, _ in rows),
                    **{f"p_{role.lower()}": float(main[i]) for i, role in enumerate(MAIN_ROLES)},
                    "main_role": main_role, "fine_role": fine_names[best_fine],
                    "p_fine_role": float(fine[best_fine]), "in_domain": in_domain})
    return out


# --------------------------------------------------------------------------- outlet comparison


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


# --------------------------------------------------------------------------- figures


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
    return _stacked_share_panels(table, actors=actors, outlets=outlets, labels=labels, categories=role_names,
                                 colours=_ROLE_COLOURS, value="probability", count="n_articles",
                                 min_count=min_articles, title=title, caveat=caveat)


MEASURE = RoleMeasure()
