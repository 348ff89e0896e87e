"""Likely interview questions per top requirement, and a STAR table to prepare answers.

Behavioural interviews turn a posting's top requirements into "Tell me about a time you …"
questions. The question is built from the requirement's own words (its main verb phrase or
the skills it names), so it stays tied to the posting; the STAR table (Situation, Task,
Action, Result) leaves the answer cells for the user, with my matching evidence as a hint.
"""

from __future__ import annotations

import re

from ...lexicon.terms import vocabulary
from ...provenance import table_from_rows
from ...sources.jobs.features import certifications_asked
from ...sources.jobs.model import JobPosting
from ...sources.profiles.model import Profile

__all__ = ["likely_questions", "star_table", "question_for"]

QUESTION_COLUMNS = ["rank", "kind", "requirement", "question", "follow_up"]
STAR_COLUMNS = ["rank", "requirement", "question", "my_evidence", "situation", "task",
                "action", "result", "star_prompt", "evidence_url"]
_LEAD = re.compile(
    r"^(?:\d+\+?\s*(?:-\s*\d+\s*)?(?:years?|yrs?)\s*(?:of\s+)?"
    r"(?:(?:relevant|professional|industry|related|hands-on|work|working)\s+)?(?:experience\s+)?"
    r"(?:in\s+|with\s+)?|(?:demonstrated|proven|strong|excellent|solid|deep|hands-on|"
    r"extensive|significant|good|great|some|domain|industry|prior|previous)\s+|"
    r"(?:current|recent)\s+(?=experience\b)|"
    r"comfortable\s+(?=using\b|working\b)|"
    r"familiar\s+with\s+|(?:experience|ability|track record|"
    r"familiarity|proficiency|knowledge|understanding|expertise|comfort|exposure)\s+"
    r"(?:of\s+|with\s+|in\s+|to\s+|using\s+|working\s+(?:closely\s+)?(?:with\s+|in\s+)?)?|"
    r"(?:you\s+(?:have|are|can|will)\s+)|(?:an?\s+)|(?:the\s+))+", re.I)
_DEGREE_OR_YEARS = re.compile(r"^(?:BA|BS|B\.S\.|MS|M\.S\.|PhD|Bachelor|Master|degree)\b", re.I)


_LABEL = re.compile(r"^(?:[A-Z][\w'/-]*|&|and|of|to|for|the|in)(?:\s+(?:[A-Z][\w'/-]*|&|and|of|"
                    r"to|for|the|in)){0,4}\s*:\s+(?=\S)")
"""A posting's own label before its requirement ("Senior Technical Depth: Extensive …",
"CPA License: An active CPA license is required"): a heading, not words to ask about."""
_OPTIONAL_TAIL = re.compile(r"\s*(?:\(\s*(?:[\w-]+\s+)?(?:strongly\s+|highly\s+)?preferred\s*\)|"
                            r"(?:is\s+)?(?:an?\s+)?(?:strong\s+|big\s+|huge\s+)?plus|"
                            r"(?:is\s+)?(?:strongly\s+|highly\s+)?preferred|is\s+(?:highly\s+)?"
                            r"(?:valued|desired|desirable|required)|(?:is\s+)?nice to have)\s*[.!]?\s*$",
                            re.I)
""""… is a strong plus", "(Certification preferred)": how much the posting wants it, not
part of what was done."""


_CONTEXT = re.compile(r"^(?:our|we|this|the company)\b", re.I)


def _core(requirement: str) -> str:
    """The requirement without its label, its optional tail and any later sentence
    ("A strong understanding of accounting principles. ASC 606 experience preferred."); a
    sentence about the company ("Our product is complex …") gives way to the next."""
    text = _LABEL.sub("", requirement.strip())
    # a sentence ends at a word's full stop, not at "e.g." or "i.e."
    sentences = re.split(r"(?<=[a-z)]{2})\.\s+(?=[A-Z])", text)
    text = next((x for x in sentences if not _CONTEXT.match(x)), sentences[0])
    # "(wealth management experience is a plus)": an optional aside
    text = re.sub(r"\s*\([^()]*\b(?:a plus|preferred|a bonus|nice to have)\b[^()]*\)", "", text,
                  flags=re.I)
    return _OPTIONAL_TAIL.sub("", text).strip() or requirement.strip()


def _verb_phrase(text: str) -> str:
    phrase = text.strip().rstrip(".;")
    phrase = re.split(r"\s+(?:e\.g\.|such as|including)\s|\s+like\s+(?=[A-Z])|;", phrase)[0]
    phrase = _LEAD.sub("", phrase).strip(" ,:")
    phrase = re.sub(r"^and\s+", "", phrase)  # "knowledge and industry experience …"
    phrase = re.sub(r"\s+experience$", "", phrase, flags=re.I)
    if not phrase:
        return text.strip().rstrip(".")
    first = phrase.split(" ")[0]
    vocab = vocabulary()
    named = [m for m in vocab.mentions(phrase) if vocab.category(m.concept) != "soft"]
    if first[1:].islower() and first.isalpha() and not (named and named[0].start == 0):
        phrase = phrase[:1].lower() + phrase[1:]  # a sentence's capital, not a name's
    return phrase


_SOFT = [
    (re.compile(r"communicat|stakeholder|present", re.I),
     "Tell me about a time you explained something technical to a non-technical audience. "
     "How did you know it landed?"),
    (re.compile(r"mentor|coach|teach|develop (others|people|engineers)", re.I),
     "Tell me about someone you mentored. What changed for them because of it?"),
    (re.compile(r"\blead|manag(e|ing) (a )?team|people management", re.I),
     "Tell me about a time you led a team through a difficult stretch. What did you do?"),
    (re.compile(r"collaborat|cross-functional|partner", re.I),
     "Tell me about a time you worked across teams with different goals. How did you get "
     "to a decision?"),
    (re.compile(r"problem|troubleshoot|incident|root cause", re.I),
     "Tell me about the hardest problem you solved recently. How did you find the cause?"),
]
_PAST = {
    "building": "built", "designing": "designed", "running": "ran", "analyzing": "analyzed",
    "analysing": "analysed", "leading": "led", "managing": "managed", "mentoring": "mentored",
    "communicating": "communicated", "working": "worked", "writing": "wrote", "making": "made",
    "driving": "drove", "selling": "sold", "teaching": "taught", "applying": "applied",
    "developing": "developed", "creating": "created", "delivering": "delivered",
    "implementing": "implemented", "deploying": "deployed", "operating": "operated",
    "maintaining": "maintained", "supporting": "supported", "scaling": "scaled",
    "planning": "planned", "coordinating": "coordinated", "negotiating": "negotiated",
    "presenting": "presented", "influencing": "influenced", "translating": "translated",
    "partnering": "partnered", "collaborating": "collaborated", "owning": "owned",
    "shipping": "shipped", "launching": "launched", "testing": "tested",
    "debugging": "debugged", "troubleshooting": "troubleshot", "modeling": "modeled",
    "modelling": "modelled", "migrating": "migrated", "automating": "automated",
    "optimizing": "optimized", "optimising": "optimised", "integrating": "integrated",
    "architecting": "architected", "hiring": "hired", "recruiting": "recruited",
    "coaching": "coached", "training": "trained", "researching": "researched",
    "prospecting": "prospected", "closing": "closed", "handling": "handled",
    "using": "used", "setting": "set", "solving": "solved", "improving": "improved",
    "defining": "defined", "prioritizing": "prioritized", "evaluating": "evaluated",
    "documenting": "documented", "reviewing": "reviewed", "monitoring": "monitored",
    "collecting": "collected", "gathering": "gathered", "organizing": "organized",
    "organising": "organised", "facilitating": "facilitated", "conducting": "conducted",
    "executing": "executed", "producing": "produced", "preparing": "prepared",
    "playing": "played", "engaging": "engaged", "interacting": "interacted",
    "serving": "served", "advising": "advised", "onboarding": "onboarded",
}


def _past_tense(phrase: str) -> str | None:
    """"designing, running, and analyzing A/B tests" → "designed, ran, and analyzed A/B tests"."""
    words = phrase.split(" ")
    out, changed = [], False
    for i, word in enumerate(words):
        bare = word.rstrip(",;").lower()
        if bare in _PAST and (i == 0 or changed and (words[i - 1].endswith(",")
                                                    or words[i - 1].lower() in ("and", "or"))):
            out.append(_PAST[bare] + word[len(bare):])
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else None


def question_for(requirement: str, skills: list[str] | None = None, *,
                 asked: set[str] | frozenset[str] = frozenset()) -> tuple[str, str]:
    """(question, follow-up) for one requirement; a soft-skill question already in
    ``asked`` gives way to one in the requirement's own words."""
    whole = requirement.strip()  # the label and every sentence say which kind of question
    text = _core(requirement)
    follow = "How did you measure success? What would you do differently?"
    background = ("Walk me through your background: how did your education and experience "
                  "prepare you for this role?",
                  "What did you learn on the job that a degree does not teach?")
    if _DEGREE_OR_YEARS.match(text) or re.search(r"\bdegree\b", text, re.I) and len(text) < 140:
        return background
    vocab = vocabulary()
    spoken = [c for c in vocab.concepts_in(text) if vocab.category(c) == "language-spoken"]
    if spoken and not skills:
        named = " and ".join(spoken)
        return (f"Tell me about a time you worked in {named}. What was the situation?",
                f"Expect part of the conversation to be in {spoken[-1]}.")
    certs = [c for c in certifications_asked(text) if len(c.split()) > 1]
    if certs or certifications_asked(text):
        named = certs[0] if certs else _verb_phrase(text)
        return (f"Tell me about your {named}: what did you learn preparing for it, and where "
                f"have you applied it?", follow)
    for pattern, question in _SOFT:
        if pattern.search(whole) and not skills and question not in asked:
            return question, "What would you do differently next time?"
    lead = _LEAD.match(text)
    phrase = _verb_phrase(text)
    if phrase.lower().strip(" .") in ("experience", "relevant experience"):
        return background  # "8+ years of relevant experience, including …" names no work
    ends = re.search(r"\b(with|of|in|to)\s*$", lead.group(0), re.I) if lead else None
    after_preposition = bool(ends and ends.group(1).lower() in ("with", "of"))
    past = None if after_preposition else _past_tense(phrase)
    if past:
        return f"Tell me about a time you {past}. What was the result?", follow
    if lead and re.search(r"\b(?:ability|able)\s+to\s*$", lead.group(0), re.I):
        # "ability to work across the stack" (not "exposure to frameworks")
        return f"Tell me about a time you had to {phrase}. What was the result?", follow
    if ends and ends.group(1).lower() == "in" and not skills:  # "experience in sales"
        return f"Tell me about your work in {phrase}. What was the result?", follow
    if skills or after_preposition:
        return (f"Tell me about a time you worked with {phrase}. What did you build, and what "
                f"was the result?", follow)
    return f"Tell me about a time you showed this: {phrase}. What was the result?", follow


def likely_questions(job: JobPosting, top: int = 5):
    """Questions the top ``top`` requirements invite (required first, in posting order)."""
    rows = []
    asked: set[str] = set()
    for req in job.features[:max(0, top)]:
        question, follow = question_for(req["text"], req.get("skills"), asked=asked)
        asked.add(question)
        rows.append({"rank": req["rank"], "kind": req["kind"], "requirement": req["text"],
                     "question": question, "follow_up": follow,
                     "source": job.source.at(req.get("heading") or None) if job.source else None})
    return table_from_rows(rows, QUESTION_COLUMNS)


def star_table(job: JobPosting, profile: Profile | None = None, top: int = 5, *,
               matches=None):
    """A STAR table to fill in: one row per likely question, seeded with my own best
    passage for that requirement (a whole bullet or sentence of the profile, with where it
    is), and a prompt that walks Situation, Task, Action, Result from it. The answer cells
    stay empty for the user. ``matches`` (the match table) brings the candidate's own
    words (``[my_evidence]``): where they gave some, the story starts from them."""
    questions = likely_questions(job, top=top)
    seeds: dict[tuple, tuple[str, str, str | None]] = {}
    if profile is not None and len(questions):
        from .matching import Matcher

        matcher = Matcher(profile)
        for req in job.features[:max(0, top)]:
            result = matcher.match(req["text"])
            best = next((u for u in result.evidence if u.kind in ("bullet", "summary", "role")),
                        result.evidence[0] if result.evidence else None)
            if best is not None:
                seeds[(req["kind"], req["rank"])] = (
                    best.text, best.label, best.source.url if best.source else None)
    for rec in matches.to_dict("records") if matches is not None and len(matches) else []:
        quotes = rec.get("quotes")
        if isinstance(quotes, list) and quotes and quotes[0].get("section") == "my_evidence":
            seeds[(rec["kind"], rec["rank"])] = (quotes[0]["text"], quotes[0]["label"],
                                                 quotes[0].get("url"))
    rows = []
    for rec in questions.to_dict("records"):
        seed = seeds.get((rec["kind"], rec["rank"]))
        rows.append({"rank": rec["rank"], "requirement": rec["requirement"],
                     "question": rec["question"],
                     "my_evidence": f"{seed[0]} [{seed[1]}]" if seed else "",
                     "star_prompt": _star_prompt(seed),
                     "situation": "", "task": "", "action": "", "result": "",
                     "evidence_url": seed[2] if seed else None,
                     **{c: rec[c] for c in ("source_url", "retrieved_at", "section",
                                            "from_cache")}})
    return table_from_rows(rows, STAR_COLUMNS)


def _star_prompt(seed: tuple[str, str, str | None] | None) -> str:
    if seed is None:
        return ("Your profile shows nothing for this yet: pick a story from work it leaves out. "
                "Situation (where, when), Task (what you had to do), Action (what you did), "
                "Result (what changed, in numbers).")
    text, where, _ = seed
    role = where.split(" · ", 1)[1].split(", p.")[0] if " · " in where else where
    return (f"Start from “{text}” ({role}). Situation: what was going on, and why did it "
            "matter? Task: what was yours to do? Action: what did you do, step by step? "
            "Result: what changed, and how much?")
