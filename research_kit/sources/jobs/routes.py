"""Job-board URLs → their public JSON APIs.

A careers page on a known board (Greenhouse, Lever, Ashby, SmartRecruiters, Workable,
Recruitee) is read through the board's public JSON API rather than its HTML: the API carries
the same text plus structured fields, and it is what the board publishes for programs. Any
other URL is fetched as a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

__all__ = ["Route", "route_for_url", "greenhouse_board_token"]


@dataclass(frozen=True)
class Route:
    fetch_url: str
    posting_id: str | None = None
    """The posting the URL pointed at, when it pointed at one inside a board list."""
    board: str | None = None


def greenhouse_board_token(url: str) -> str | None:
    try:
        parts = urlsplit(url or "")
        host = (parts.hostname or "").lower()
    except ValueError:  # a malformed address in a board response
        return None
    path = [p for p in parts.path.split("/") if p]
    if host == "boards-api.greenhouse.io" and len(path) >= 3 and path[0] == "v1":
        return path[2]
    if host.endswith("greenhouse.io") and path and path[0] not in ("embed", "v1"):
        return path[0]
    query = parse_qs(parts.query)
    if host.endswith("greenhouse.io") and "for" in query:
        return query["for"][0]
    return None


def route_for_url(url: str) -> Route:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    path = [p for p in parts.path.split("/") if p]
    query = parse_qs(parts.query)

    if host == "boards-api.greenhouse.io":
        return Route(url, board="greenhouse")
    if host.endswith("greenhouse.io"):
        token = greenhouse_board_token(url)
        job_id: str | None = (query.get("gh_jid") or query.get("token") or [""])[0] or None
        if len(path) >= 3 and path[1] == "jobs" and path[2].isdigit():
            job_id = path[2]
        if token and job_id:
            return Route(f"https://boards-api.greenhouse.io/v1/boards/{token}/jobs/{job_id}",
                         board="greenhouse")
        if token:
            return Route(f"https://boards-api.greenhouse.io/v1/boards/{token}/jobs?content=true",
                         board="greenhouse")
    if host == "api.lever.co":
        return Route(url, board="lever")
    if host in ("jobs.lever.co", "jobs.eu.lever.co") and path:
        api_host = "api.eu.lever.co" if ".eu." in host else "api.lever.co"
        if len(path) >= 2 and re.fullmatch(r"[0-9a-f-]{36}", path[1]):
            return Route(f"https://{api_host}/v0/postings/{path[0]}/{path[1]}?mode=json",
                         board="lever")
        return Route(f"https://{api_host}/v0/postings/{path[0]}?mode=json", board="lever")

    if host == "api.ashbyhq.com":
        return Route(url, board="ashby")
    if host == "jobs.ashbyhq.com" and path:
        posting = path[1] if len(path) >= 2 and re.fullmatch(r"[0-9a-f-]{36}", path[1]) else None
        return Route(f"https://api.ashbyhq.com/posting-api/job-board/{path[0]}"
                     f"?includeCompensation=true", posting_id=posting, board="ashby")

    if host == "api.smartrecruiters.com":
        return Route(url, board="smartrecruiters")
    if host in ("jobs.smartrecruiters.com", "careers.smartrecruiters.com") and path:
        if len(path) >= 2:
            number = re.match(r"\d+", path[1])
            if number:
                return Route(f"https://api.smartrecruiters.com/v1/companies/{path[0]}/postings/"
                             f"{number.group(0)}", board="smartrecruiters")
        return Route(f"https://api.smartrecruiters.com/v1/companies/{path[0]}/postings",
                     board="smartrecruiters")

    if host == "apply.workable.com" and path and path[0] != "api":
        account = path[0]
        posting = path[2] if len(path) >= 3 and path[1] == "j" else None
        if account == "j" and len(path) >= 2:
            return Route(url, board="workable")
        return Route(f"https://apply.workable.com/api/v1/widget/accounts/{account}?details=true",
                     posting_id=posting, board="workable")

    if host.endswith(".recruitee.com") and not host.startswith("api."):
        company = host.split(".")[0]
        return Route(f"https://{company}.recruitee.com/api/offers/", board="recruitee")

    return Route(url)
