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
# # 03 · Frames and narratives: the story an article tells
#
# Stance says whether an outlet is for or against an actor; this notebook asks
# *what kind of story* it tells, on the **constructed sample corpus**
# (`data/DATASHEET.md`, fictional outlets):
#
# * **frames** — the 14 Media Frames Corpus dimensions (Boydstun et al., 2014), as
#   annotated in SemEval-2023 Task 3; with the sentences that carry each frame;
# * **narratives** — the SemEval-2025 Ukraine–Russia war narrative taxonomy.
#
# Both models are small heads over the packaged MiniLM encoder, fitted on the
# shared-task data; their cross-validated scores, and how far they are from the
# targets, are in `docs/frames.md` and `docs/narratives.md`.
# Read the charts with those scores in mind.

# %%
from pathlib import Path

import framing

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
result = framing.analyze(ROOT / "data" / "sample-corpus", progress=False,
                         measures=["frames", "narratives"])
result.run["models"]

# %% [markdown]
# ## Frames

# %%
frames = framing.compare_frames(result, seed=0)
frames.pivot(index="outlet", columns="frame", values="prevalence").round(2)

# %%
fig = framing.plot_frame_profile(frames)

# %% [markdown]
# Which passages carry a frame? The sentences whose best frame passes that frame's
# threshold, for one article:

# %%
first = result.articles["article_id"].iloc[0]
result.frame_passages[result.frame_passages["article_id"] == first].head(8)

# %% [markdown]
# ## Narratives

# %%
narratives = framing.compare_narratives(result, seed=0)
top = narratives.groupby("narrative")["prevalence"].max().sort_values(ascending=False).head(8).index
narratives[narratives["narrative"].isin(top)].pivot(index="outlet", columns="narrative", values="prevalence").round(2)

# %%
fig = framing.plot_narratives(narratives)
