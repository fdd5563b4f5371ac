"""Outlet comparison statistics: article-level bootstrap intervals."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from framing.analysis import Analysis
from framing.comparison import bootstrap_mean_ci, compare


def test_bootstrap_interval_contains_the_mean_and_is_reproducible():
    values = np.random.default_rng(3).uniform(-1, 1, 40)
    mean, low, high = bootstrap_mean_ci(values, seed=7)
    assert mean == pytest.approx(np.mean(values))
    assert low < mean < high
    assert bootstrap_mean_ci(values, seed=7) == (mean, low, high)
    assert bootstrap_mean_ci(values, seed=8) != (mean, low, high)


def test_bootstrap_interval_shrinks_with_more_articles():
    rng = np.random.default_rng(1)
    small = rng.normal(0.2, 0.5, 20)
    large = rng.normal(0.2, 0.5, 2000)
    _, low_s, high_s = bootstrap_mean_ci(small)
    _, low_l, high_l = bootstrap_mean_ci(large)
    # Width scales like 1/sqrt(n): 100x the articles, about a tenth of the width.
    assert (high_l - low_l) < 0.2 * (high_s - low_s)


def test_bootstrap_interval_matches_the_normal_approximation_for_a_large_sample():
    rng = np.random.default_rng(2)
    values = rng.normal(0.0, 1.0, 400)
    mean, low, high = bootstrap_mean_ci(values, n_boot=4000)
    half_width = 1.96 * values.std(ddof=1) / np.sqrt(values.size)
    assert high - low == pytest.approx(2 * half_width, rel=0.1)


def test_degenerate_inputs():
    assert np.isnan(bootstrap_mean_ci([])[0])
    mean, low, high = bootstrap_mean_ci([0.4])
    assert mean == 0.4 and np.isnan(low) and np.isnan(high)
    assert bootstrap_mean_ci([0.2, 0.2, 0.2]) == (pytest.approx(0.2), pytest.approx(0.2), pytest.approx(0.2))
    with pytest.raises(ValueError, match="level"):
        bootstrap_mean_ci([1, 2], level=95)


def _analysis():
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "b1", "b2", "b3"],
        "outlet": ["A", "A", "A", "B", "B", "B"],
        "date": [dt.date(2022, 3, 1), dt.date(2023, 3, 1), dt.date(2023, 5, 1)] * 2,
        "status": ["analyzed"] * 5 + ["skipped"],
    })
    stance = pd.DataFrame({
        "article_id": ["a1", "a1", "a2", "a3", "b1", "b2"],
        "outlet": ["A", "A", "A", "A", "B", "B"],
        "date": [dt.date(2022, 3, 1), dt.date(2022, 3, 1), dt.date(2023, 3, 1), dt.date(2023, 5, 1),
                 dt.date(2022, 3, 1), dt.date(2023, 3, 1)],
        "actor": ["russia", "nato", "russia", "russia", "russia", "nato"],
        "n_mentions": [3, 1, 1, 2, 4, 1],
        # a1 has three mentions but counts once: resampling is by article.
        "stance": [-0.6, 0.2, -0.2, -0.4, 0.5, 0.1],
    })
    return Analysis(articles=articles, mentions=pd.DataFrame(), actor_stance=stance)


def test_compare_by_outlet_weights_articles_not_mentions():
    table = compare(_analysis(), seed=0).set_index(["outlet", "actor"])
    russia = table.loc[("A", "russia")]
    assert russia["n_articles"] == 3 and russia["n_mentions"] == 6
    assert russia["stance_mean"] == pytest.approx(-0.4)  # mean of -0.6, -0.2, -0.4
    assert russia["ci_low"] <= -0.4 <= russia["ci_high"]
    assert russia["n_group_articles"] == 3 and russia["coverage"] == pytest.approx(1.0)
    nato_b = table.loc[("B", "nato")]
    # Outlet B has two analysed articles (b3 was skipped); one mentions NATO.
    assert nato_b["n_group_articles"] == 2 and nato_b["coverage"] == pytest.approx(0.5)
    assert np.isnan(nato_b["ci_low"])  # one article: no interval


def test_compare_by_outlet_and_year_and_stable_seeds():
    table = compare(_analysis(), by="outlet,year")
    assert list(table.columns[:3]) == ["outlet", "year", "actor"]
    row = table[(table.outlet == "A") & (table.year == 2023) & (table.actor == "russia")].iloc[0]
    assert row["n_articles"] == 2 and row["stance_mean"] == pytest.approx(-0.3)
    assert row["n_group_articles"] == 2
    # Restricting the actors does not change another group's interval.
    full = compare(_analysis()).set_index(["outlet", "actor"])
    only = compare(_analysis(), actors=["russia"]).set_index(["outlet", "actor"])
    assert only.loc[("A", "russia"), "ci_low"] == full.loc[("A", "russia"), "ci_low"]
    with pytest.raises(ValueError, match="cannot group by"):
        compare(_analysis(), by="author")


# --------------------------------------------------------------------------- voice and wording


def test_ratio_bootstrap_pools_within_articles():
    from framing.comparison import bootstrap_ratio_ci

    # Articles: 3 of 4 quotes distancing, 1 of 1, 0 of 5 -> pooled 4/10.
    share, low, high = bootstrap_ratio_ci([3, 1, 0], [4, 1, 5], seed=0)
    assert share == pytest.approx(0.4)
    assert 0.0 <= low <= 0.4 <= high <= 1.0
    assert np.isnan(bootstrap_ratio_ci([2, 0], [0, 0])[0])  # nothing to divide
    assert np.isnan(bootstrap_ratio_ci([1], [2])[1])
    with pytest.raises(ValueError, match="differ in length"):
        bootstrap_ratio_ci([1, 2], [3])


def _voice_analysis():
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "b1"], "outlet": ["A", "A", "B"],
        "date": [dt.date(2023, 1, 1)] * 3, "status": ["analyzed"] * 3, "n_words": [100, 300, 200],
    })
    quotes = pd.DataFrame({
        "article_id": ["a1", "a1", "a1", "a2", "b1", "b1"],
        "speaker_actor": ["russia", "russia", "ukraine", None, "ukraine", "ukraine"],
        "verb_class": ["endorsing", "neutral", "distancing", "neutral", "neutral", None],
        "n_words": [10, 20, 30, 40, 5, 5],
    })
    stance = pd.DataFrame({"article_id": ["a1", "a2", "a2", "b1"], "actor": ["russia", "russia", "nato", "ukraine"],
                           "outlet": ["A", "A", "A", "B"], "stance": [0.0] * 4, "n_mentions": [1] * 4})
    terms = pd.DataFrame({"article_id": ["a1", "a1", "a2", "b1"], "set": ["kyiv_spelling"] * 4,
                          "variant": ["kiev", "kiev", "kyiv", "kyiv"]})
    marks = pd.DataFrame({"article_id": ["a1", "a2", "a2"], "kind": ["hedge", "hedge", "scare_quote"]})
    return Analysis(articles=articles, mentions=pd.DataFrame(), actor_stance=stance, quotes=quotes,
                    terms=terms, marks=marks)


def test_verb_profile_shares_per_speaker_actor():
    from framing.comparison import compare_verbs

    table = compare_verbs(_voice_analysis()).set_index(["outlet", "speaker_actor", "verb_class"])
    assert table.loc[("A", "russia", "endorsing"), "share"] == pytest.approx(0.5)
    assert table.loc[("A", "russia", "distancing"), "share"] == 0
    assert table.loc[("A", "ukraine", "distancing"), "n_quotes"] == 1
    # The unclassified quote of B is left out of the denominator.
    assert table.loc[("B", "ukraine", "neutral"), "n_quotes"] == 1
    assert table.loc[("B", "ukraine", "neutral"), "share"] == pytest.approx(1.0)


def test_voice_share_and_actors_never_quoted():
    from framing.comparison import compare_voice

    table = compare_voice(_voice_analysis()).set_index(["outlet", "actor"])
    assert table.loc[("A", "russia"), "quote_share"] == pytest.approx(2 / 4)
    assert table.loc[("A", "russia"), "word_share"] == pytest.approx(30 / 100)
    assert table.loc[("A", "other"), "n_quotes"] == 1
    # Russia is mentioned in a1 and a2 but quoted only in a1; NATO is never quoted.
    assert table.loc[("A", "russia"), "voiced_share"] == pytest.approx(0.5)
    assert table.loc[("A", "nato"), "voiced_share"] == 0
    assert table.loc[("A", "nato"), "n_quotes"] == 0


def test_naming_shares_and_mark_rates():
    from framing.comparison import compare_marks, compare_naming

    naming = compare_naming(_voice_analysis()).set_index(["outlet", "variant"])
    assert naming.loc[("A", "kiev"), "share_within_set"] == pytest.approx(2 / 3)
    assert naming.loc[("A", "kiev"), "rate_per_1000_words"] == pytest.approx(2 / 400 * 1000)
    assert naming.loc[("A", "kiev"), "share_low"] <= 2 / 3 <= naming.loc[("A", "kiev"), "share_high"]
    assert naming.loc[("B", "kiev"), "count"] == 0
    marks = compare_marks(_voice_analysis()).set_index(["outlet", "kind"])
    assert marks.loc[("A", "hedge"), "rate_per_1000_words"] == pytest.approx(2 / 400 * 1000)
    assert marks.loc[("B", "hedge"), "count"] == 0


# --------------------------------------------------------------------------- domain-tied measures


def _domain_analysis() -> Analysis:
    """Outlet A: a1, a2 about the war, a3 off domain; outlet B: b1 off domain only."""
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "b1"], "outlet": ["A", "A", "A", "B"],
        "date": [dt.date(2023, 3, 1)] * 4, "status": ["analyzed"] * 4,
        "domain": ["war", "war", "other", "other"], "domain_score": [0.9, 0.8, 0.7, 0.95],
    })
    roles = pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "b1"], "outlet": ["A", "A", "A", "B"], "actor": ["russia"] * 4,
        "n_mentions": [1, 1, 1, 1], "p_protagonist": [0.1, 0.3, 0.0, 0.0], "p_antagonist": [0.8, 0.6, 1.0, 1.0],
        "p_innocent": [0.1, 0.1, 0.0, 0.0], "main_role": ["Antagonist"] * 4, "fine_role": ["Tyrant"] * 4,
        "p_fine_role": [0.5] * 4, "in_domain": [True, True, False, False],
    })
    narratives = pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "b1"], "outlet": ["A", "A", "A", "B"], "level": ["narrative"] * 4,
        "label": ["Other"] * 4, "score": [0.2, 0.4, 0.9, 0.9], "predicted": [False, True, True, True],
        "in_domain": [True, True, False, False],
    })
    return Analysis(articles=articles, mentions=pd.DataFrame(), actor_stance=pd.DataFrame(), roles=roles,
                    narratives=narratives)


def test_compare_roles_uses_in_domain_articles_and_counts_the_rest():
    from framing.comparison import compare_roles

    table = compare_roles(_domain_analysis(), seed=0).set_index(["outlet", "actor", "role"])
    row = table.loc[("A", "russia", "Antagonist")]
    assert row["n_articles"] == 2 and row["n_out_of_domain"] == 1
    assert row["probability"] == pytest.approx(0.7)  # mean of a1 and a2; a3's 1.0 is left out
    # outlet B has no in-domain article: no rows, but the total counts it
    assert "B" not in set(table.index.get_level_values("outlet"))
    assert table.attrs["n_out_of_domain"] == 2


def test_compare_narratives_uses_in_domain_articles_and_counts_the_rest():
    from framing.comparison import compare_narratives

    table = compare_narratives(_domain_analysis(), seed=0)
    assert list(table["outlet"]) == ["A"]
    row = table.iloc[0]
    assert row["n_articles"] == 2 and row["n_out_of_domain"] == 1
    assert row["prevalence"] == pytest.approx(0.5) and row["score_mean"] == pytest.approx(0.3)
    assert table.attrs["n_out_of_domain"] == 2
