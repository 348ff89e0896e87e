"""Who is hiring: the company name from the posting, else from the board it is on.

In order (the first that gives a name wins; :func:`resolve_company` says which in
``company_from``):

1. a company field of the format: Greenhouse ``company_name``, JSON-LD
   ``hiringOrganization``, Workday ``hiringOrganization``, SmartRecruiters, Workable,
   Recruitee, a job page's advertiser line — unless it is only the job site's own name;
2. the posting's "About <Name>" heading ("About Cognition" on the Windsurf board: the posting
   names its employer, the board is a product's name);
3. the board's token in the hosted or API URL (``jobs.lever.co/<token>``,
   ``jobs.ashbyhq.com/<token>``, ``boards.greenhouse.io/<token>``,
   ``<token>.wd5.myworkdayjobs.com`` …), written the way the posting writes it ("unto-labs"
   → "Unto Labs" when the text says "Unto Labs"; "herojourneyclub" → "Hero Journey Club"),
   else the token itself, its hyphens as spaces.

A recruiter posting for an unnamed client ("Our client is a fast-growing SaaS company",
"I'm representing a growing … company", "This confidential opportunity is presented by …")
keeps the recruiter as ``company`` — the name the posting gives — and is marked
``employer_confidential``: the employer is not named, and nothing is guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import unquote, urlsplit

from .blocks import Line

__all__ = ["board_token", "company_in_text", "about_heading_name", "recruiter_for_client",
           "resolve_company", "JOB_SITES"]

# job sites whose own name a page carries (og:site_name, a title suffix): not an employer
JOB_SITES = frozenset({
    "indeed", "seek", "linkedin", "glassdoor", "monster", "ziprecruiter", "careerbuilder",
    "simplyhired", "dice", "jobstreet", "reed", "totaljobs", "stepstone", "xing", "naukri",
    "greenhouse", "lever", "ashby", "workday", "workable", "smartrecruiters", "icims",
    "jobvite", "teamtailor", "recruitee", "bamboohr", "breezy", "breezy hr", "personio",
    "wellfound", "angellist", "builtin", "built in", "otta", "welcome to the jungle",
})

# (host pattern, where the token is: "path" = first path segment, "sub" = first label)
_BOARD_HOSTS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^jobs(\.eu)?\.lever\.co$"), "path"),
    (re.compile(r"^jobs\.ashbyhq\.com$"), "path"),
    (re.compile(r"^(boards|job-boards)(\.eu)?\.greenhouse\.io$"), "path"),
    (re.compile(r"^apply\.workable\.com$"), "path"),
    (re.compile(r"^(jobs|careers)\.smartrecruiters\.com$"), "path"),
    (re.compile(r"^jobs\.jobvite\.com$"), "path"),
    (re.compile(r"^[\w-]+\.wd\d+\.myworkdayjobs\.com$"), "sub"),
    (re.compile(r"^[\w-]+\.(recruitee\.com|bamboohr\.com|breezy\.hr|teamtailor\.com|"
                r"jobs\.personio\.(de|com))$"), "sub"),
]
_API_PATHS = [
    (re.compile(r"^api(\.eu)?\.lever\.co$"), r"^/v0/postings/([^/?#]+)"),
    (re.compile(r"^api\.ashbyhq\.com$"), r"^/posting-api/job-board/([^/?#]+)"),
    (re.compile(r"^boards-api\.greenhouse\.io$"), r"^/v1/boards/([^/?#]+)"),
    (re.compile(r"^api\.smartrecruiters\.com$"), r"^/v1/companies/([^/?#]+)"),
    (re.compile(r"^apply\.workable\.com$"), r"^/api/v\d/(?:widget/)?accounts/([^/?#]+)"),
]
_NOT_TOKENS = {"embed", "v1", "api", "jobs", "j", "job", "en-us", "en", "wday"}


def board_token(url: str | None) -> str | None:
    """The company's token on a known job board, from a hosted-page or API URL."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:  # "http://[not-an-address" — not a board URL
        return None
    for host_pattern, path_pattern in _API_PATHS:
        if host_pattern.match(host):
            m = re.match(path_pattern, parts.path)
            if m:
                return unquote(m.group(1))
    for pattern, where in _BOARD_HOSTS:
        if not pattern.match(host):
            continue
        if where == "sub":
            token = host.split(".")[0]
        else:
            segments = [s for s in parts.path.split("/") if s]
            token = segments[0] if segments else ""
            if token == "embed":  # boards.greenhouse.io/embed/job_board?for=<token>
                m = re.search(r"(?:^|&)for=([^&]+)", parts.query)
                token = m.group(1) if m else ""
        if token and token.lower() not in _NOT_TOKENS:
            return unquote(token)
    return None


def _letters(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9&.+]*(?:['\u2019][A-Za-z]+)?")


def company_in_text(token: str, text: str) -> str | None:
    """How the posting writes the board token's name ("unto-labs" → "Unto Labs").

    The most frequent run of one to four capitalised words whose letters are the token's
    letters; possessives ("Gridium's") count for the name; all-capitals forms ("AESCAPE")
    only when there is no other.
    """
    target = _letters(token)
    if len(target) < 2:
        return None
    words = [(m.group(0), m.start()) for m in _WORD.finditer(text or "")]
    seen: Counter[str] = Counter()
    for i in range(len(words)):
        if not words[i][0][:1].isupper() and not words[i][0][:1].isdigit():
            continue
        joined = ""
        for j in range(i, min(i + 4, len(words))):
            word = re.sub(r"['\u2019]s$", "", words[j][0]).rstrip(".")
            joined += _letters(word)
            if not target.startswith(joined):
                break
            if joined == target:
                seen[" ".join(re.sub(r"['\u2019]s$", "", w[0]).rstrip(".")
                              for w in words[i:j + 1])] += 1
                break
    if not seen:
        return None
    ranked = sorted(seen.items(), key=lambda kv: (kv[0].isupper() and len(kv[0]) > 3, -kv[1]))
    return ranked[0][0]


def _token_as_name(token: str) -> str:
    words = [w for w in re.split(r"[-_\s]+", token) if w]
    if token == token.lower():
        return " ".join(w.capitalize() for w in words)
    return " ".join(words)


_ABOUT = re.compile(r"^about\s+(.+?)\s*[:.!]?\s*$", re.I)
_GENERIC_ABOUT = re.compile(
    r"^(us|you|the\b|this\b|our\b|your\b|me\b|my\b|we\b|a\b|an\b|working|joining|life|"
    r"what|who|how|why|company|team|role|position|job|opportunity|client|benefits|"
    r"compensation|diversity|equal|culture|values|mission)", re.I)


def about_heading_name(lines: list[Line]) -> str | None:
    """"Cognition" from a heading "About Cognition" (not "About us", "About the role")."""
    for line in lines:
        if line.kind == "bullet" or len(line.text.split()) > 7:
            continue
        m = _ABOUT.match(line.text.strip())
        if not m:
            continue
        name = re.sub(r"[^\w&.)'’ -]+$", "", m.group(1)).strip(" -")
        name = re.split(r"['’]s\b", name)[0].strip()  # "About Acme's Platform Team" → Acme
        words = name.split()
        if (name and not _GENERIC_ABOUT.match(name) and 1 <= len(words) <= 5
                and (name[:1].isupper() or name[:1].isdigit())):
            return name
    return None


_RECRUITER = re.compile(
    r"\b(our|my) client,? (is|are|a|an)\b|\b(for|representing) (our|my) client\b|"
    r"\bon behalf of (a|an|our|my) (client|\w+ company)\b|"
    r"\bi'?m representing\b|\bi am representing\b|\bwe are representing\b|\bwe'?re representing\b|"
    r"\b(this|a|an) confidential (opportunity|search|role|position|opening)\b|"
    r"\b(for|of|with) (a|our|my) confidential client\b|"
    r"\brecruiting (on behalf of|for) (a|an|our|my) (client|\w+ company)\b", re.I)
# "our client, Acme Corp," / "on behalf of Acme Corp": the client is named after all
_NAMED_CLIENT = re.compile(r"\bour client,?\s+(?:is\s+)?(?!is\b|a\b|an\b|the\b)([A-Z][\w&.-]+"
                           r"(?:\s+[A-Z][\w&.-]+){0,3})")


def recruiter_for_client(text: str) -> bool:
    """The posting is a recruiter's, for an employer it does not name."""
    text = (text or "").replace("\u2019", "'")
    return bool(_RECRUITER.search(text)) and not _NAMED_CLIENT.search(text)


def resolve_company(field_value: str | None, lines: list[Line], text: str,
                    urls: list[str | None]) -> tuple[str | None, str | None]:
    """(company, where it came from) — see the module docstring for the order."""
    name = (field_value or "").strip()
    site = _letters(re.sub(r"\.(com|co|net|io|jobs)\b.*$", "", name, flags=re.I))
    if name and site not in {_letters(s) for s in JOB_SITES}:
        return name, "posting field"
    about = about_heading_name(lines)
    token = next((t for t in (board_token(u) for u in urls) if t), None)
    from_token = (company_in_text(token, text) or _token_as_name(token)) if token else None
    if about and from_token and (_letters(about) in _letters(from_token)
                                 or _letters(from_token) in _letters(about)):
        # "About Prodigy" on the prodigy-education board: the fuller name the text uses
        return (from_token if len(from_token) > len(about) else about), "posting text"
    if about:
        return about, "posting text (About heading)"
    if from_token:
        found = company_in_text(token, text) if token else None
        return from_token, "board token, as the posting writes it" if found else "board token"
    return None, None
