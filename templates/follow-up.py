# ---
# research-kit template: follow-up.ipynb — after the interview (percent format)
# ---

# %% [markdown]
# # After the interview
#
# Send each interviewer a **unique** note that mentions a specific point that person made,
# and thank the coordinator or receptionist too. Right after the interview, write a few
# lines per person in `notes/interview-<first-last>.md`, e.g.
#
# ```
# date: 2026-12-03
# point: how the team backfills late-arriving sensor readings
# point: the plan to move HydroView alerts to streaming
# ```
#
# The drafts below cite those points; the checker flags notes that are the same for two
# people or carry no specific point. Drafts are suggestions: edit them, and save your own
# version as `notes/thank-you-<first-last>.md` (research-kit never overwrites it; the
# checker then checks yours).

# %% tags=["parameters"]
workspace = "."

# %%
import research_kit as rk

rk.thank_you_notes(workspace)

# %%
rk.thank_you_check(workspace)

# %% [markdown]
# ## Staying in touch
# Connect with the people you met — never with the default text: say how you are
# connected, something specific, and why connecting helps both of you.

# %%
rk.connection_notes(workspace)

# %% [markdown]
# Check any note before you send it (LinkedIn: 200 characters on free accounts, 300 on
# Premium):

# %%
rk.check_note("Hi Dana, thank you for your time on Thursday. Your point about backfilling "
              "late sensor data stayed with me. I'd like to stay in touch as I follow "
              "HydroView's progress.", limit=200)

# %% [markdown]
# **My own take** — how it went, what to do next, who to thank later:
#
# *(write here)*
