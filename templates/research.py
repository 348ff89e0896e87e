# ---
# research-kit template: research.ipynb (percent format; the .ipynb is generated from this
# file by `python -m research_kit.app.templates sync`)
# ---

# %% [markdown]
# # Interview research
#
# One notebook per target company. Each cell calls one research-kit function and shows its
# result; every table row and every talking point carries its source. Edit `target.toml`
# (next to this notebook) to change the company, the posting, your profile or the
# interviewers, then *Run All*. Add your own cells anywhere: they are yours. Markdown cells
# tagged `brief` are printed in the one-page brief as your own points.

# %% tags=["parameters"]
# Parameters (papermill-compatible). `workspace` is the folder holding target.toml.
workspace = "."

# %%
import research_kit as rk

research = rk.open_research(workspace)
research.overview()

# %% [markdown]
# ## 1. The position
# The job description comes first: its requirements in the order listed (order = priority),
# then your evidence for each, and an honest SWOT against this very posting.

# %%
research.job_summary()

# %%
research.requirements()

# %%
research.match()

# %% [markdown]
# A "?" means the profile's words do not show it, not that you have not done it. If you
# have, say it once in target.toml and run again — it is cited to you, not to the profile:
# `[my_evidence]` then `"a phrase of the requirement" = "what you did, with a number"`.

# %%
research.swot_figure()

# %%
research.swot()

# %%
research.likely_questions()

# %% [markdown]
# Some questions an interviewer should not ask. Know them, and have one calm sentence
# ready that turns back to the job (laws differ by country: a reminder, not legal advice).

# %%
research.off_limits_questions()

# %% [markdown]
# **My take on the position** — what stands out, what I need to prepare:
#
# *(write here)*

# %% [markdown]
# ## 2. The company
# Read what the company says about itself (its website is marketing), then the objective
# record: the annual report and the figures it files.

# %%
research.company_profile()

# %%
research.financials()

# %%
research.financials_chart()

# %%
research.business_overview()

# %%
research.risk_factors()

# %%
research.press_releases()

# %%
research.website()

# %%
research.website_people()

# %% [markdown]
# **My take on the company** — what they do, how they are doing, what I would ask:
#
# *(write here)*

# %% [markdown]
# ## 3. The industry and the competition
# Citing the competition's own figures impresses interviewers.

# %%
research.competitors()

# %%
research.peer_comparison()

# %%
research.peer_chart()

# %%
research.occupation()

# %%
research.news()

# %% [markdown]
# **My take on the industry** — who matters, where the company stands:
#
# *(write here)*

# %% [markdown]
# ## 4. The interviewers
# What you share with each interviewer — school, employers, volunteering — with evidence
# from both sides, and connection notes that say how you are connected.

# %%
research.interviewer_cards()

# %%
research.commonalities()

# %%
research.connection_notes()

# %% [markdown]
# **My take on the interviewers**:
#
# *(write here)*

# %% [markdown]
# ## 5. Talking points and questions to ask
# "While researching the competition I learned that …" — each point cites its source.

# %%
research.talking_points()

# %%
research.questions_to_ask()

# %% [markdown] tags=["brief"]
# *(Your own points for the brief: tag a markdown cell `brief` and it is printed on the
# one-page brief. Replace this text, or remove the tag.)*

# %% [markdown]
# ## 6. The one-page brief
# What was found and what was not, then the brief itself (`out/brief.pdf` and
# `out/brief.html`; save this notebook first so your `brief` cells are included).

# %%
research.summary()

# %%
research.write_brief()
