"""The interviewers: their cards from saved profiles and notes, what the
candidate has in common with each (shared employer > school > city > groups), connection
notes and their checker, thank-you notes.
"""
