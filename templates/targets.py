# ---
# research-kit template: targets.ipynb — your target-company list (percent format)
# ---

# %% [markdown]
# # Target companies
#
# Build a list of companies you want to work for, research each one, and seek networking
# meetings *before* jobs are advertised — referrals are how many people land. The list lives
# in `targets.csv` next to this notebook; the command line reads the same file
# (`research-kit targets list`, `research-kit batch targets.csv`). Edit it here, in a
# spreadsheet, or with `rk.add_target(...)`.

# %% tags=["parameters"]
targets_file = "targets.csv"

# %%
import research_kit as rk

# %% [markdown]
# ## The list
# Status is one of: idea, researching, networking, applied, interviewing, offer, closed.
# (The file is started for you if it does not exist yet.)

# %%
rk.load_targets(targets_file, create=True)

# %% [markdown]
# ## Follow-ups due
# Networking is about relationships: keep in touch. These rows have a follow-up date today
# or in the past.

# %%
rk.follow_ups_due(targets_file)

# %% [markdown]
# ## Add or update a company
# Uncomment and run; a company already on the list is updated, not duplicated.

# %%
# rk.add_target(targets_file, "Acme Corp", ticker="ACME", status="researching",
#               next_step="ask Jane for a 20-minute call", follow_up="2026-12-01")

# %% [markdown]
# **My notes on the list** — which companies matter most, who I know there:
#
# *(write here)*
