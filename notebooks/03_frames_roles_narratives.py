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
# # 03 · Frames, roles and narratives: the story an article tells
#
# Stance says whether an outlet is for or against an actor; this notebook asks
# *what kind of story* it tells, on the **constructed sample corpus**
# (`data/DATASHEET.md`, fictional outlets):
#
# * **frames** — the 14 Media Frames Corpus dimensions (Boydstun et al., 2014), as
#   annotated in SemEval-2023 Task 3; with the sentences that carry each frame;
# * **roles** — whether an actor is cast as protagonist, antagonist or innocent
#   (SemEval-2025 Task 10, subtask 1);
# * **narratives** — the SemEval-2025 Ukraine–Russia war narrative taxonomy.
#
# The three models are small heads over the packaged MiniLM encoder, trained on the
# shared-task data; their cross-validated scores, and how far they are from the
# targets, are in `docs/frames.md`, `docs/roles.md` and `docs/narratives.md`.
# Read the charts with those scores in mind.

# %%
from pathlib import Path

import framing

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
result = framing.analyze(ROOT / "data" / "sample-corpus", progress=False,
                         measures=["frames", "roles", "narratives"])
result.run["models"]

# %% [markdown]
# ## Frames

# %%
frames = framing.compare_frames(result, seed=0)
assert frames["frame"].nunique() == 14, "the 14 Media Frames Corpus dimensions"
frames.pivot(index="outlet", columns="frame", values="prevalence").round(2)

# %%
fig = framing.plot_frame_profile(frames)

# %% [markdown]
# Which passages carry a frame? The sentences whose best frame passes that frame's
# threshold, for one article:

# %%
first = result.articles["article_id"].iloc[0]
assert not result.frame_passages.duplicated(["article_id", "field", "sentence_id"]).any(), \
    "a sentence should carry its best frame only"
result.frame_passages[result.frame_passages["article_id"] == first].head(8)

# %% [markdown]
# ## Roles

# %%
roles = framing.compare_roles(result, seed=0)
assert set(roles["role"]) == {"Protagonist", "Antagonist", "Innocent"}, "an actor is cast as one of three roles"
core = ["russia", "ukraine", "nato", "united_states", "european_union", "the_west"]
(roles[roles["actor"].isin(core)].pivot_table(index=["actor", "outlet"], columns="role", values="probability")
 .round(2))

# %%
fig = framing.plot_roles(roles, actors=core)

# %% [markdown]
# ## Narratives

# %%
narratives = framing.compare_narratives(result, seed=0)
top = narratives.groupby("narrative")["prevalence"].max().sort_values(ascending=False).head(8).index
narratives[narratives["narrative"].isin(top)].pivot(index="outlet", columns="narrative", values="prevalence").round(2)

# %%
fig = framing.plot_narratives(narratives)
