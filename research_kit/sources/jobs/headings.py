"""What a heading introduces, and which lines are headings at all.

Headings vary a lot ("What you'll bring", "Minimum qualifications", "Bonus points", "You
might be a fit if…", "A plus if you have"), so a heading is classified by the phrases it
contains (the table below, checked in order: the first rule that matches wins).
Qualification headings that do not say whether they are a must or a plus ("What you bring",
"About you", "Qualifications", "You'll be a great addition if you have") come back as
``"qualifications"``; :mod:`.sections` decides their tier from the rest of the posting.
"""

from __future__ import annotations

import re

from .blocks import Line

__all__ = ["classify_heading", "is_heading", "is_soft_heading", "is_minimum_heading",
           "title_like", "HEADING_RULES"]

# (kind, pattern) — first match wins; patterns run on the lower-cased heading with curly
# apostrophes straightened.
HEADING_RULES: list[tuple[str, str]] = [
    # postings' fine print; and work conditions ("Work Setup / Preferences", "Location"):
    # where and when the work happens is not a qualification, even when the heading says
    # "preferences"
    ("other", r"equal (employment )?opportunit|\beeo\b|privacy|accommodation|how to apply|"
              r"application process|recruitment fraud|fraud (attempt|warning|alert)|"
              r"disclaimer|e-?verify|background check|^applications?$|"
              r"\bwork(ing)? (setup|set-up|arrangements?|conditions|environment|schedule|"
              r"location|hours)\b|^(job |work )?location$|right to work"),
    ("preferred", r"prefer|nice[- ]to[- ]have|nice to haves|bonus|\bplus(es)?\b|extra credit|"
                  r"desir(ed|able)|\bideal(ly)?\b(?! candidate)|good to have|would be (great|"
                  r"nice|awesome)|even better|stand out|sets? you apart|additional "
                  r"(qualifications|skills)|not required|optional|it'?s a bonus|great to have|"
                  r"we'?d love (it )?if|brownie points|delight us|highly valued"),
    ("required", r"minimum|basic qualifications|\brequired\b|\brequirements?\b|must[- ]haves?|"
                 r"must have|essential|mandatory|what you need|what you'?ll need|what we require|"
                 r"you must|at a minimum|baseline|non-negotiable|key (skills|criteria)|"
                 r"selection criteria|prerequisites?"),
    ("qualifications", r"qualification|what you('ll| will)? bring|you bring|about you|"
                       r"who you are|you have|you are|you'?re|your (background|profile|skills|"
                       r"experience|expertise|toolkit)|skills|experience|ideal candidate|"
                       r"looking for|we seek|we'?re seeking|to be successful|fit if|a fit|"
                       r"great addition|thrive|competenc|what it takes|what we expect|"
                       r"knowledge|expertise|education|background|the person|candidate profile|"
                       r"your strengths|what makes you|you should have|do you have|"
                       r"you might be|you may be|you'?ll have|you will have|attributes"),
    ("benefits", r"benefit|perk|what we offer|we offer|our offer|what you('ll| will)? get|"
                 r"compensation|salary|\bpay\b|total rewards|why (join|work)|why you'?ll love|"
                 r"what'?s in it for you|what you can expect|life at|working (here|at|with us)|"
                 r"our culture|rewards|package|wellbeing|well-being"),
    ("responsibilities", r"responsibilit|what you('ll| will)( actually)? do|what you('ll| will) "
                         r"be doing|your role|the role involves|role involves|duties|day[- ]to"
                         r"[- ]day|your impact|impact you|you will|you'?ll|in this role|"
                         r"in this position|your mission|what you('ll| will) work on|key (tasks|"
                         r"activities|accountabilities)|accountabilit|tasks|how you('ll| will) "
                         r"contribute|the job involves|job duties|what the job|your day|the work|"
                         r"your (job|work|tasks)|you('ll| will) be"),
    ("role", r"about (the|this) (role|position|job|opportunity)"),
    ("about", r"about (us|the company|the team|our|[a-z0-9]+$)|who we are|our (company|"
              r"mission|story|team|values)|company (description|overview)|about [a-z]|"
              r"the company|the team|our vision|mission"),
    ("role", r"the role|the position|the job|the opportunity|role (overview|summary|"
             r"description)|job (description|summary|overview|purpose)|position (summary|"
             r"overview)|overview|summary|description"),
]
_COMPILED = [(kind, re.compile(pattern)) for kind, pattern in HEADING_RULES]
# a qualification heading that invites rather than demands ("You'll be a great addition if
# you have", "You will thrive if you", "Ideal Candidates", "You might be a fit if")
_SOFT = re.compile(r"great addition|thrive|\bideal|fit if|\ba (good |great |strong )?fit\b|"
                   r"might be|may be|\blove\b|what makes you|set(s)? you apart|excite")
# an explicit floor: everything listed beside it is more than the minimum
_MINIMUM = re.compile(r"minimum|at a minimum|basic qualifications|baseline|must[- ]haves?|"
                      r"must have|non-negotiable")


def _normal(text: str) -> str:
    return text.lower().replace("\u2019", "'").replace("\u2018", "'").strip(" :.-\u2013\u2014")


def is_soft_heading(text: str) -> bool:
    """A qualification heading that invites ("… thrive if you", "Ideal Candidates")."""
    return bool(_SOFT.search(_normal(text)))


def is_minimum_heading(text: str) -> bool:
    """A heading that names the floor ("Minimum qualifications", "At a minimum", "Must-haves")."""
    return bool(_MINIMUM.search(_normal(text)))


def classify_heading(text: str) -> str | None:
    """The kind a heading introduces, "qualifications" when it does not say which, or None."""
    t = _normal(text)
    for kind, pattern in _COMPILED:
        if pattern.search(t):
            return kind
    return None


def is_heading(line: Line, next_line: Line | None = None) -> bool:
    """Whether a line introduces a section.

    ``<h1>``–``<h6>``; an all-bold line; a short line ending in ":" ("In this position you
    will:"); a short known heading in capitals or title case; a short line right before a
    list; in plain text, a short capitalised line after a blank line. Inside a list only an
    item ending in ":" that is all bold or names a tier ("Baseline:", "Extra Credit:").
    """
    text = line.text.strip()
    words = len(text.split())
    if not text or words > 16 or len(text) > 120:
        return False
    if line.kind == "heading":
        return True
    ends_colon = text.endswith(":")
    if line.kind == "bullet":
        # a sub-heading inside a list ("Extra Credit:"): all bold, or — plain text has no
        # bold — a label of a few words that names a tier, with items after it
        return ends_colon and ((line.strong and words <= 6) or (
            words <= 4 and next_line is not None and next_line.kind == "bullet"
            and classify_heading(text) in ("required", "preferred")))
    if ends_colon and words <= 14:
        return True
    if text[-1:] in ".!?;," and not text.endswith("?") or re.search(r"\.\s", text):
        return False
    known = classify_heading(text) is not None
    if line.strong and words <= 10:
        return True
    if words <= 6 and known and (text.isupper() or text.istitle() or title_like(text)):
        return True
    if next_line is not None and next_line.kind == "bullet" and words <= 10:
        return True  # a short line introducing a list
    if words <= 4 and known and line.gap_before:
        return True
    if line.gap_before and words <= 8 and (text.isupper() or (words <= 6 and title_like(text))):
        return True  # plain text: "KEY RESPONSIBILITIES", "Creative Marketing Team Tools"
    return False


def title_like(text: str) -> bool:
    """Every word longer than three letters capitalised ("What We Offer", "About Us")."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)
