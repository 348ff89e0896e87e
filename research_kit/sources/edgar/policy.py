"""SEC EDGAR's rules for clients, registered with the gateway on import.

* fair access: at most 10 requests per second from one client, all ``*.sec.gov`` hosts
  together (``sec_requests_per_second`` in settings may lower it, never raise it);
* a User-Agent that names the person and their e-mail — SEC answers 403 without one;
* the "Request Rate Threshold Exceeded" page (HTTP 403, or 200 through some proxies and
  mirrors): an error, never data; retrying only makes SEC's block of about ten minutes
  longer, so every request to SEC stops for that long;
* filed documents never change once accepted; submissions and company facts change
  through the day.
"""

from __future__ import annotations

from datetime import timedelta

from ...gateway.policy import NEVER_EXPIRE, HostPolicy, register_host_policy

__all__ = ["SEC_POLICY", "looks_like_sec_rate_limit_page"]

# Both pages name themselves in their <title>, within the first few hundred bytes.
_SEC_BLOCK_MARKERS = (b"Request Rate Threshold Exceeded",
                      b"Your Request Originates from an Undeclared Automated Tool")


def looks_like_sec_rate_limit_page(content: bytes | str | None) -> bool:
    if not content:
        return False
    head = content[:4096]
    data = head.encode("utf-8", "replace") if isinstance(head, str) else head
    return any(marker in data for marker in _SEC_BLOCK_MARKERS)


SEC_POLICY = HostPolicy(
    name="sec.gov",
    hosts=("sec.gov",),
    requests_per_second=10.0,
    rate_setting="sec_requests_per_second",
    expire_after={
        "www.sec.gov/Archives/": NEVER_EXPIRE,
        "sec.gov/Archives/": NEVER_EXPIRE,
        "data.sec.gov/": timedelta(hours=6),
        "www.sec.gov/files/": timedelta(hours=24),
        "www.sec.gov/cgi-bin/": timedelta(hours=6),
    },
    requires_contact=True,
    contact_help="SEC requires a User-Agent with your name and e-mail before it answers",
    block_page=looks_like_sec_rate_limit_page,
    block_title="'Request Rate Threshold Exceeded'",
    block_seconds=600.0,
    block_help="SEC blocks clients that exceed 10 requests/s for about 10 minutes; wait, then "
               "run again (cached results are kept); make sure RESEARCH_KIT_CONTACT names you",
)

register_host_policy(SEC_POLICY)
