"""Findings from what the sources gave: pure functions, no network, no brief.

``position/`` (requirements vs the candidate's evidence, SWOT, likely questions),
``company/`` (salient facts and findings), ``industry/`` (competitor set, peers,
occupation), ``people/`` (interviewers, commonalities, notes); ``talking_points`` composes
points and questions from all four, and ``grammar`` guards every generated sentence.
"""
