"""Check a LinkedIn connection note against the advice, and say what is missing or wrong.

The advice (docs/advice.md): never the default text; say who you are, how you are
connected or where you met, something specific (their talk, their post, a shared group —
and which), and why connecting helps; sincere, brief, courteous; no flattery boilerplate,
no commands, no "I'm always building my network".

The checks are transparent phrase rules (lists below), not a model: each problem code
names one rule, and ``benchmarks/bench_note_checker.py`` measures them on a labelled table
(tests/data/notes.csv). No network, no pandas: ``research-kit note check`` stays instant.

Problem codes: ``empty``, ``default-text``, ``no-connection``, ``no-specific``,
``no-reason``, ``flattery``, ``command``, ``too-long``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["NoteCheck", "Problem", "check_note", "DEFAULT_LIMIT", "PREMIUM_LIMIT",
           "PROBLEM_MESSAGES", "has_specific_reference"]

DEFAULT_LIMIT = 200
"""LinkedIn's limit for a connection note on a free account (characters)."""
PREMIUM_LIMIT = 300

PROBLEM_MESSAGES = {
    "empty": "the note is empty: an invitation without a note is the default invitation",
    "default-text": "this is LinkedIn's default invitation text: write your own note",
    "no-connection": "say how you are connected or where you met (an event, their talk or "
                     "post, a shared school, employer or group, the role you applied for)",
    "no-specific": "name something specific: which event, talk, post, group or role",
    "no-reason": "say why connecting helps (what you hope to learn, ask or share)",
    "flattery": "drop the flattery / networking boilerplate ({found}); be sincere and brief",
    "command": "don't give orders ({found}); ask politely or leave it out",
    "too-long": "{chars} characters: over the {limit}-character limit by {over}",
}
_WEIGHTS = {"empty": 100, "default-text": 60, "no-connection": 30, "no-specific": 20,
            "no-reason": 20, "flattery": 20, "command": 25, "too-long": 15}


@dataclass(frozen=True)
class Problem:
    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


@dataclass
class NoteCheck:
    text: str
    chars: int
    limit: int
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.problems]

    @property
    def score(self) -> int:
        """100 for a note with no problems; each problem costs its weight."""
        return max(0, 100 - sum(_WEIGHTS.get(c, 10) for c in self.codes))

    def panel(self):
        """The verdict as a notebook :class:`~research_kit.display.Panel`."""
        from ...display import Panel

        verdict = "ok" if self.ok else f"{len(self.problems)} problem(s)"
        panel = Panel(f"Note check: {verdict} — {self.chars}/{self.limit} characters")
        for problem in self.problems:
            panel.add(problem.code, problem.message)
        panel.paragraphs.append(self.text)
        return panel

    def _repr_html_(self) -> str:
        return self.panel()._repr_html_()

    def to_dict(self) -> dict:
        """The ``research-kit note check --json`` shape (exactly these keys)."""
        return {"ok": self.ok, "chars": self.chars, "limit": self.limit,
                "problems": [p.to_dict() for p in self.problems]}


def _rx(*patterns: str) -> list[re.Pattern]:
    return [re.compile(p, re.I) for p in patterns]


# LinkedIn's stock invitation texts, past and present
_DEFAULT = _rx(
    r"\bi'?d like to (add you to|join) (my|your) (professional )?(linkedin )?network\b",
    r"^\W*(hi|hello)?\W*(\w+\W*)?i'?d like to connect( with you)?( on linkedin)?\W*$",
    r"^\W*(hi|hello)?\W*(\w+\W*)?i want to connect with you( on linkedin)?\W*$",
    r"^\W*(hi|hello)?\W*(\w+\W*)?(please )?(let'?s|let us) connect( on linkedin)?\W*$",
)

_CONNECTION = _rx(
    r"\bwe (met|spoke|talked|chatted|sat|overlapped|shared|presented|volunteered|studied)\b",
    r"\bmet (you|at|during|last|briefly|earlier)\b",
    r"\b(nice|great|good|lovely) (meeting|to meet|to see|chatting|talking|speaking)\b",
    r"\b(talking|chatting|speaking) with (you|me) (at|after|during|on|last|about)\b",
    r"\bthanks? (you )?for (chatting|talking|speaking|meeting|your time|stopping by)\b",
    r"\bour (chat|conversation|call|meeting|talk)\b",
    r"\byour\b[^.!?;]{0,40}?\b(talk|post|article|presentation|keynote|session|panel|workshop|paper|comment|"
    r"podcast|newsletter|blog|thread|webinar|book|demo|tutorial|question|piece|video|"
    r"report|write-?up|answer|reply|repo|library|project)s?\b",
    r"\b(saw|heard|watched) you (speak|present|talk|on)\b",
    r"\bwe('re| are| were) both\b", r"\bboth (went|studied|worked|work|volunteer|attended|graduated|"
    r"members?|alumni|belong|spoke|mentor)\b", r"\bfellow\b", r"\balumn(us|a|i|ae)\b",
    r"\b(also|too) (volunteer|studied|worked|went|attended|graduated|mentor)\b",
    r"\bsame (group|team|school|program|company|meetup|class|cohort|chapter|club|slack|"
    r"table|panel|session|course|event|conference|project)\b",
    r"\bmentioned (you|your name|that you)\b", r"\b(pointed|sent|directed) me (to you|your way)\b",
    r"\b(i|we)('m| am| are)? (also )?(a )?members? of\b", r"\bin the same\b",
    r"\b(suggested|recommended) (that )?i (reach out|contact|connect|get in touch|write)\b",
    r"\b(referred|introduced) (me|us)\b", r"\bpassed (me )?(along )?your name\b",
    r"\b(applying|applied|interviewing|interview|candidate) (for|with|at)\b",
    r"\b(my|our|the) (upcoming )?interviews?\b", r"\b(scheduled|set) to (meet|speak|talk)\b",
    r"\byou('ll| will) be (interviewing|meeting)\b",
    r"\b(worked|collaborated) (with you|together)\b",
    r"\b(volunteer|mentor)(ed|ing)? (with|at) [A-Z]",
)

_SPECIFIC_TOPIC = re.compile(
    r"\b(talk|post|article|presentation|keynote|session|panel|workshop|paper|comment|podcast|"
    r"thread|webinar|demo|question|point|book)\b[^.!?]{0,20}?\b(on|about|regarding|covering)\s+"
    r"((?:[\w'’-]+\s+){1,}[\w'’-]+)", re.I)
_QUOTED = re.compile(r"[\"“][^\"”]{6,}[\"”]")
_NUMBER = re.compile(r"\b(19|20)\d\d\b|\b\d+(\.\d+)?\s?(%|k\b|x\b)")
# self-introductions: "I'm Alex Rivera, a data engineer at …" is about you, not a link
_SELF_INTRO = re.compile(r"\b(i'?m|i am|my name is|this is)\s+[A-Z][\w'’-]*(\s+[A-Z][\w'’-]*)?"
                         r"[^.!?;—–]*?(?=[.!?;—–]|,? and i\b|,? and we\b|$)")
_GREETING = re.compile(r"^\s*(hi|hello|hey|dear|good (morning|afternoon))\b[\s,]*"
                       r"([A-Z][\w'’-]*\s*){0,2}[,!.:—-]*", re.I)
_SIGNOFF = re.compile(r"(\n|[.!?]\s+|—\s*|-\s+)(best|thanks|thank you|cheers|regards|kind regards|"
                      r"best regards|sincerely|warmly|many thanks)?[\s,!—-]*"
                      r"([A-Z][\w'’-]*\s*){1,2}\W*$", re.I)
_NOT_SPECIFIC = {"i", "i'm", "i'd", "i've", "i'll", "linkedin", "hi", "hello", "thanks",
                 "thank", "best", "regards", "cheers", "dear", "hey", "please", "looking", "it",
                 "we", "we're", "you", "your", "my", "would", "great", "happy", "and", "the"}

_REASON = _rx(
    r"\b(to|and|could|can|might|so i can|so we can) (learn|hear|ask|compare|swap|exchange|share|"
    r"continue|keep|stay|follow|chat|discuss|trade|talk|get your|pick your brain|help|"
    r"understand|find out|introduce)\b",
    r"\b(keep|stay) in touch\b", r"\bkeep (up|following|learning)\b",
    r"\b(interested|curious) (in|about|to|how|what)\b", r"\bbecause\b", r"\bsince (i|we)\b",
    r"\b(would|i'?d) (really |truly |greatly |much )?(value|appreciate|welcome) (your|any|"
    r"hearing|the chance|a)\b", r"\b(could|can|may|might) i ask\b",
    r"\bhappy to (share|help|send|introduce|return)\b", r"\blook(ing)? forward to\b",
    r"\bif you'?re open to\b", r"\b(love|like|enjoy|glad) (to )?(hear|learn|ask|chat|talk|compare|"
    r"swap|keep|stay|follow|continue|trade|get|know)(ing)?\b",
    r"\b(would be|i'?d be|i am|i'?m) (very |really )?grateful\b",
    r"\b(your|any) (perspective|advice|take|thoughts|insight|tips|view)s?\b",
    r"\b(learn|hear) (more )?(about|from|how)\b", r"\bcompare notes\b",
)

_FLATTERY = _rx(
    r"\b(expand|expanding|grow|growing|build|building|broaden|broadening|extend|extending|"
    r"widen|widening|strengthen|strengthening) (my|our) (professional )?network\b",
    r"\bnetwork(ing)? with (great|amazing|talented|like-minded|successful|inspiring|smart|"
    r"interesting) (people|professionals|minds|individuals)\b",
    r"\blike-?minded (people|professionals|individuals|folks)\b",
    r"\b(impressive|amazing|incredible|stellar|awesome|inspiring|outstanding|remarkable|"
    r"fantastic|excellent|great|wonderful) (profile|background|career|resume|résumé|"
    r"accomplishments|achievements|journey)\b",
    r"\b(always|constantly|forever) (looking|eager|keen|happy) to (connect|network|meet)\b",
    r"\bi('m| am) (always )?(looking|eager|keen) to (connect|network) with\b",
    r"\b(thought leader|rock ?star|guru|ninja|visionary|legend|superstar)\b",
    r"\byou('re| are) (so |truly |really |clearly )?(amazing|inspiring|brilliant|incredible|"
    r"a genius|impressive|awesome)\b",
    r"\bi (really |truly |deeply )?admire (you|your (profile|career|work|success))\b",
    r"\bhuge fan\b", r"\bit would be an? (honou?r|privilege)\b", r"\bmutually beneficial\b",
    r"\bsynerg(y|ies)\b", r"\bleverag(e|ing) (our|each other)", r"\bwin-?win\b",
    r"\bconnect with (top|great|talented|successful|amazing|inspiring) (professionals|people|"
    r"talent|leaders)\b", r"\bgreat minds\b", r"\bgrow (together|our networks)\b",
)

_COMMAND = _rx(
    r"\badd me\b", r"\b(please )?accept (my|this|the) (invitation|invite|request|connection)\b",
    r"\buse my (e-?mail|email address|phone|number)\b",
    r"\b(e-?mail|call|text|message|dm|ping|contact) me (at|on|via)\b",
    r"\bcheck out my\b", r"\b(look at|review|read|see) my (resume|cv|profile|portfolio|website)\b",
    r"\bendorse me\b", r"\bfollow me\b", r"\bsend me\b", r"\b(refer|hire|recommend) me\b",
    r"\bforward my (resume|cv|profile)\b", r"^\W*(please )?connect with me\b",
    r"[.!]\s+(please )?connect with me\b", r"\bget back to me\b", r"\breply (to me )?asap\b",
)


def _first_match(patterns: list[re.Pattern], text: str) -> str | None:
    for pattern in patterns:
        m = pattern.search(text)
        if m:
            return m.group(0).strip()
    return None


def has_specific_reference(text: str, *, ignore_names: tuple[str, ...] = ()) -> bool:
    """True when the text names something specific beyond greeting, signature and
    self-introduction: a proper name (an event, group, company, school, topic), a year or
    figure, a quotation, or the topic of a talk/post ("your talk on streaming sensor data")."""
    body = _GREETING.sub(" ", text, count=1)
    body = _SIGNOFF.sub(".", body, count=1)
    body = _SELF_INTRO.sub(" ", body)
    if _QUOTED.search(body) or _NUMBER.search(body):
        return True
    m = _SPECIFIC_TOPIC.search(body)
    if m and len(m.group(3).split()) >= 2:
        return True
    ignored = {n.lower() for n in ignore_names}
    for sentence in re.split(r"(?<=[.!?:;])\s+|\n+|\s+[—–-]\s+", body):
        words = re.findall(r"[\w'’&.-]+", sentence)
        for word in words[1:]:  # the first word of a sentence is capitalised anyway
            w = word.strip(".'’-")
            if (w[:1].isupper() or (len(w) >= 2 and w.isupper())) and \
                    w.lower() not in _NOT_SPECIFIC and w.lower() not in ignored:
                return True
    return False


def check_note(text: str, *, limit: int = DEFAULT_LIMIT,
               names: tuple[str, ...] = ()) -> NoteCheck:
    """Check one connection note. ``limit``: 200 (free account, the default) or 300
    (Premium), or any number; ``names``: the recipient's and your names, so they do not
    count as "something specific"."""
    raw = (text or "").replace("\r\n", "\n").strip()
    check = NoteCheck(text=raw, chars=len(raw), limit=int(limit))

    def add(code: str, **fmt) -> None:
        check.problems.append(Problem(code, PROBLEM_MESSAGES[code].format(**fmt)))

    if not raw:
        add("empty")
        return check
    flat = re.sub(r"\s+", " ", raw)
    if _first_match(_DEFAULT, flat):
        add("default-text")
    else:
        if not _first_match(_CONNECTION, flat):
            add("no-connection")
        if not has_specific_reference(raw, ignore_names=names):
            add("no-specific")
        if not _first_match(_REASON, flat):
            add("no-reason")
    flattery = _first_match(_FLATTERY, flat)
    if flattery:
        add("flattery", found=f"“{flattery}”")
    command = _first_match(_COMMAND, flat)
    if command:
        add("command", found=f"“{command}”")
    if check.chars > check.limit:
        add("too-long", chars=check.chars, limit=check.limit, over=check.chars - check.limit)
    return check
