# ---
# research-kit template: me.ipynb — my profile and strengths across my targets (percent format)
# ---

# %% [markdown]
# # Me: my profile, and my strengths across my target postings
#
# Know yourself before the interview: a SWOT against each posting, strengths tied to its
# requirements (ten or more, each with something achieved), weaknesses with how you overcome
# them. This notebook reads your own profile once — a LinkedIn "Save to PDF" export, a resume
# (PDF, DOCX, text) or the short YAML profile of docs/position.md — and sets it beside the
# postings you are targeting: which strengths recur (lead with them), which gaps recur (work
# on them).

# %% tags=["parameters"]
profile_path = "me.yaml"  # your LinkedIn PDF export, resume, or YAML profile
job_sources = {}  # label -> the posting's URL, a saved page or board JSON, or a text file
posting_ids = {}  # label -> posting id, for a board that lists several postings

# %%
from research_kit.research.position import (compare_targets, match_requirements, star_table,
                                            swot, swot_figure, targets_overview)
from research_kit.sources.jobs import load_job_posting
from research_kit.sources.profiles import load_profile, profile_panel

# %%
me = load_profile(profile_path)
profile_panel(me)

# %% [markdown]
# ## My targets at a glance
# How much of each posting's required list I meet, and my required gaps.

# %%
jobs = {label: load_job_posting(src, posting_id=posting_ids.get(label))
        for label, src in job_sources.items()}
compare_targets(me, jobs)

# %% [markdown]
# ## Skills my targets ask for, and my evidence
# Sorted by how many postings require each skill.

# %%
targets_overview(me, jobs)

# %% [markdown]
# ## My first target, requirement by requirement

# %%
first = next(iter(jobs.values()), None)
first

# %%
match_requirements(first, me) if first else None

# %%
my_swot = swot(first, me) if first else None
my_swot

# %%
swot_figure(my_swot) if my_swot is not None else None

# %%
star_table(first, me) if first else None

# %% [markdown] tags=["brief"]
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
