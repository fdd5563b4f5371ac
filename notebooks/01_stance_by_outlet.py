# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 01 · Stance toward actors, compared across outlets
#
# This notebook walks the package's main path on the **constructed sample corpus**
# in `data/sample-corpus/` (five fictional outlets, 2022–2024; see
# `data/DATASHEET.md`). Its numbers describe invented articles, not real outlets.
#
# 1. load the corpus and check that every article is accounted for;
# 2. find mentions of actors (NATO, Russia, Ukraine, …) and score the stance
#    expressed toward each mention;
# 3. aggregate per article × actor, then per outlet × actor with bootstrap
#    intervals that resample articles;
# 4. draw the outlet × actor heatmap.
#
# The stance measure is the learned target-dependent scorer (MiniLM fine-tuned on
# NewsMTSC); its accuracy and speed are in `docs/stance_model.md`
# (`framing evaluate targeted-sentiment`). `stance="lexicon"` gives the baseline.

# %%
from pathlib import Path

import pandas as pd

import framing

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
CORPUS = ROOT / "data" / "sample-corpus"

# %% [markdown]
# ## 1 · The corpus

# %%
corpus = framing.load_corpus(CORPUS)
print(f"{len(corpus)} articles, {corpus['skip_reason'].notna().sum()} that cannot be analysed")
assert len(corpus) == len(list(CORPUS.glob("*/*.txt"))), "every article file should be a row, skipped or not"
assert corpus["outlet"].nunique() == 5 and corpus["date"].dt.year.between(2022, 2024).all(), \
    "the sample corpus should hold five outlets, 2022-2024"
corpus.groupby("outlet").agg(articles=("id", "size"), first=("date", "min"), last=("date", "max"))

# %% [markdown]
# ## 2 · Mentions and stance
#
# `framing.analyze` parses each article with spaCy, finds actor mentions through
# the actor inventory (aliases such as *Kremlin* → Russia, *Kiev*/*Kyiv* →
# Ukraine, and members such as *Lavrov* → Russia) and scores how each sentence
# portrays each mention: class probabilities (`p_negative`, `p_neutral`,
# `p_positive`) and a −1…+1 score, `p_positive − p_negative`.
#
# Read the scores as *portrayal*, not as the outlet's allegiance: as in the
# NewsMTSC annotations the model learned from, an actor that attacks or destroys
# is often portrayed negatively even when the outlet reports it approvingly, but
# not consistently: "Russian troops successfully destroyed a Ukrainian ammunition
# depot, the ministry said." reads negative toward Russia, the shorter "Russian
# troops successfully destroyed a depot." positive.
# A victim is portrayed negatively too: on annotated war news, mentions cast as
# victims score nearer those cast as villains than those cast as heroes
# (`docs/stance_model.md`), so a low mean toward Ukraine can mean coverage of its
# suffering, not hostility.

# %%
result = framing.analyze(corpus, progress=False, measures=[])  # mentions and stance only
longer, shorter = framing.get_scorer().predict_proba_texts([
    ("Russian troops successfully destroyed a Ukrainian ammunition depot, the ministry said.", 0, len("Russian")),
    ("Russian troops successfully destroyed a depot.", 0, len("Russian"))])
assert longer[0] > longer[2] and shorter[2] > shorter[0], "the two examples above should read as described"
result

# %%
gap = result.mentions["stance"] - (result.mentions["p_positive"] - result.mentions["p_negative"])
assert gap.abs().max() < 1e-9, "stance should be p_positive - p_negative"
forms = result.mentions.drop_duplicates(["surface", "actor"]).set_index("surface")["actor"]
assert forms[["Kremlin", "Lavrov"]].eq("russia").all() and forms[["Kiev", "Kyiv"]].eq("ukraine").all(), \
    "the inventory should map Kremlin and Lavrov to Russia only, Kiev and Kyiv to Ukraine only"
result.mentions.sample(8, random_state=0)[["article_id", "actor", "surface", "via", "stance", "stance_label"]]

# %% [markdown]
# Which surface forms point to each actor? The naming choices already differ by outlet
# (*Kiev* in one, *Kyiv* in the other four).

# %%
spellings = result.mentions[result.mentions["surface"].isin(["Kiev", "Kyiv"])].groupby("surface")["outlet"].unique()
assert (len(spellings["Kiev"]), len(spellings["Kyiv"])) == (1, 4) and set(spellings["Kiev"]).isdisjoint(
    spellings["Kyiv"]), f"Kiev and Kyiv should split the outlets one to four: {spellings.to_dict()}"
(result.mentions.groupby(["actor", "surface"]).size().rename("mentions").reset_index()
 .sort_values(["actor", "mentions"], ascending=[True, False]).groupby("actor").head(4))

# %% [markdown]
# ## 3 · Outlet × actor comparison
#
# The unit is the article: each article's stance toward an actor is the mean over
# its mentions, and the 95 % interval is a percentile bootstrap over articles
# (seeded, so the numbers below reproduce exactly).

# %%
table = framing.compare(result, by="outlet", seed=0)
mean_of_mentions = result.mentions.groupby(["article_id", "actor"])["stance"].mean().rename("mean_of_mentions")
per_article = result.actor_stance.join(mean_of_mentions, on=["article_id", "actor"])
assert ((per_article["stance"] - per_article["mean_of_mentions"]).abs() < 1e-9).all(), \
    "an article's stance toward an actor should be the mean over its mentions"
assert framing.compare(result, by="outlet", seed=0).equals(table), "the seeded bootstrap should reproduce exactly"
core = ["russia", "ukraine", "nato", "united_states", "european_union", "united_kingdom", "the_west"]
table[table["actor"].isin(core)].pivot(index="outlet", columns="actor", values="stance_mean").round(2)

# %% [markdown]
# ## 4 · The heatmap
#
# Actors are named as in the run's actor inventory: the table carries the names
# in `table.attrs["actor_labels"]`, and the plot functions use them.

# %%
fig = framing.plot_stance_heatmap(table, actors=core)
labels = table.attrs["actor_labels"]
assert [label.get_text() for label in fig.axes[0].get_xticklabels()] == [labels[a] for a in core], \
    "the heatmap should name actors as the run's inventory does"

# %%
fig = framing.plot_stance_intervals(table, actors=core[:4])

# %% [markdown]
# The same figures are produced for the paper by `make figures`
# (`framing analyze` → `framing compare` → `framing figures`), into `figures/`.
