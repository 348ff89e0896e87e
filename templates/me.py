# ---
# research-kit template: me.ipynb — my profile and strengths across my targets (percent format)
# ---

# %% [markdown]
# # Me: my profile, and my strengths across my target postings
#
# Know yourself before the interview: a SWOT against each posting, ten or more strengths
# each tied to a requirement (show, don't tell; quantify), at least three weaknesses with how
# you overcome them. This notebook reads your own profile once — a LinkedIn "Save to PDF"
# export, a resume (PDF, DOCX, text) or the short YAML profile of docs/position.md — and
# sets it beside the posting of every company workspace in this folder: which strengths
# recur (lead with them), which gaps recur (work on them).

# %% tags=["parameters"]
workspaces = "."  # the folder holding your company workspaces (one per target.toml)
profile = None  # your profile file; None = the `me` named in your workspaces' target.toml

# %%
import research_kit as rk

me = rk.open_me(workspaces, profile=profile)
me.profile()

# %% [markdown]
# ## My targets at a glance
# How much of each posting's required list I meet, and my required gaps.

# %%
me.compare_targets()

# %% [markdown]
# ## Skills my targets ask for, and my evidence
# Sorted by how many postings require each skill.

# %%
me.skills_across_targets()

# %% [markdown]
# ## My SWOT against my first target
# `me.swot("Acme Corp")` picks another one.

# %%
me.swot_figure()

# %%
me.swot()

# %% [markdown]
# ## My strengths (ten or more)
# Each tied to a requirement, each with something achieved: show, don't tell; quantify.
#
# 1.
# 2.
# 3.

# %% [markdown]
# ## My weaknesses (at least three) and how I overcome them
#
# 1.
# 2.
# 3.
