"""Copy responses into and out of the gateway's cache (part of the gateway, like _robots).

Used by workspace packs (`research-kit pack` / `demo --pack`) and by the bundled demo: a
record is ``{"url", "status", "headers", "retrieved_at", "content": bytes}``. Imported
responses keep their original retrieval time, so briefs made from a replayed pack cite the
same dates as the original run, and never expire (offline replays serve stale entries
anyway; online runs refresh them by the normal expiry rules of their URL).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import requests
from requests.structures import CaseInsensitiveDict
from requests_cache import CachedResponse, CachedSession
from urllib3 import HTTPResponse

__all__ = ["import_records", "export_records"]

_REASONS = {200: "OK", 301: "Moved Permanently", 302: "Found", 303: "See Other",
            307: "Temporary Redirect", 308: "Permanent Redirect", 404: "Not Found",
            410: "Gone"}


def _key(session: CachedSession, url: str) -> str:
    prepared = session.prepare_request(requests.Request("GET", url))
    return session.cache.create_key(prepared, verify=True)


def _parse_time(value: str | None) -> datetime:
    if not value:
        return datetime.now(UTC)
    when = datetime.fromisoformat(value)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def import_records(session: CachedSession, records: Iterable[dict[str, Any]]) -> int:
    responses = session.cache.responses
    bulk = getattr(responses, "bulk_commit", None)
    if bulk is None:  # a backend without transactions
        return _import(session, records)
    len(responses)  # opens the connection that bulk_commit's transaction runs on
    with bulk():  # one transaction, not one commit per response
        return _import(session, records)


def _import(session: CachedSession, records: Iterable[dict[str, Any]]) -> int:
    count = 0
    for rec in records:
        url, status = rec["url"], int(rec.get("status", 200))
        headers = CaseInsensitiveDict(rec.get("headers") or {})
        body: bytes = rec.get("content") or b""
        response = requests.Response()
        response.status_code = status
        response.reason = _REASONS.get(status, "")
        response.headers = headers
        response.url = url
        response.request = session.prepare_request(requests.Request("GET", url))
        response.raw = HTTPResponse(body=io.BytesIO(b""), headers=dict(headers), status=status,
                                    preload_content=False, request_url=url)
        response._content = body
        response._content_consumed = True
        cached = CachedResponse.from_response(response, expires=None)
        cached.created_at = _parse_time(rec.get("retrieved_at"))
        session.cache.responses[_key(session, url)] = cached
        count += 1
    return count


def export_records(session: CachedSession, urls: Iterable[str]) -> tuple[list[dict], list[str]]:
    """Records for every cached URL among ``urls``; second value lists the ones not cached."""
    records, missing = [], []
    for url in urls:
        cached = session.cache.get_response(_key(session, url))
        if cached is None:
            missing.append(url)
            continue
        created = cached.created_at or datetime.now(UTC)
        if created.tzinfo is None:
            created = created.replace(tzinfo=UTC)
        headers = {k: v for k, v in cached.headers.items()
                   if k.lower() not in ("content-encoding", "transfer-encoding",
                                        "content-length", "set-cookie")}
        records.append({"url": url, "status": cached.status_code, "headers": headers,
                        "retrieved_at": created.replace(microsecond=0).isoformat(),
                        "content": cached.content or b""})
    return records, missing
