"""The HTTP gateway against a real loopback server (pytest-httpserver): no mocks of requests."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from conftest import fixture_path
from werkzeug import Response as WResponse

from research_kit import errors
from research_kit.gateway.client import decode_body
from research_kit.gateway.ratelimit import HostRateLimiter, rate_key


def test_cache_then_offline(httpserver, make_gateway):
    httpserver.expect_request("/page").respond_with_data("hello", content_type="text/plain")
    url = httpserver.url_for("/page")
    online = make_gateway()
    first = online.get(url)
    second = online.get(url)
    assert first.text == second.text == "hello"
    assert (first.from_cache, second.from_cache) == (False, True)
    assert first.source.retrieved_at == second.source.retrieved_at  # stable provenance
    hits = len([r for r, _ in httpserver.log if r.path == "/page"])
    assert hits == 1

    offline = make_gateway(offline=True)
    httpserver.clear()  # the server forgets everything: offline must not need it
    again = offline.get(url)
    assert again.text == "hello" and again.from_cache
    assert again.source.retrieved_at == first.source.retrieved_at
    with pytest.raises(errors.NotCachedError) as info:
        offline.get(httpserver.url_for("/never-fetched"))
    assert "/never-fetched" in str(info.value)
    assert "warm the cache" in info.value.suggestion
    assert len(httpserver.log) == 0


def test_offline_never_opens_a_socket(make_gateway):
    # a port nobody listens on: any attempt to connect would be a FetchError, not NotCachedError
    offline = make_gateway(offline=True)
    with pytest.raises(errors.NotCachedError):
        offline.get("http://127.0.0.1:9/nothing")
    assert offline.network_requests == 0


def test_per_host_spacing_is_measured(httpserver, make_gateway):
    for i in range(4):
        httpserver.expect_request(f"/p{i}").respond_with_data("x")
    gw = make_gateway(default_requests_per_second=5.0)
    stamps = []
    for i in range(4):
        gw.get(httpserver.url_for(f"/p{i}"), robots=False)
        stamps.append(time.monotonic())
    gaps = [b - a for a, b in zip(stamps, stamps[1:])]
    assert min(gaps) >= 0.18, gaps  # 5/s = 0.2 s apart (timer slack allowed)

    # cache hits never wait on the rate limit
    start = time.monotonic()
    for i in range(4):
        assert gw.get(httpserver.url_for(f"/p{i}"), robots=False).from_cache
    assert time.monotonic() - start < 0.15


def test_sec_hosts_share_one_budget():
    assert rate_key("www.sec.gov") == rate_key("data.sec.gov") == rate_key("efts.sec.gov")
    assert rate_key("example.com") != rate_key("www.example.com")
    now = [0.0]
    slept = []

    def sleep(s):
        slept.append(s)
        now[0] += s

    limiter = HostRateLimiter(1.0, clock=lambda: now[0], sleep=sleep)
    for host in ["www.sec.gov", "data.sec.gov", "www.sec.gov", "efts.sec.gov"] * 5:
        limiter.wait(host)
    # 20 requests across sec.gov hosts take at least 1.9 s: ≤ 10 per second together
    assert now[0] >= 1.9 - 1e-9
    limiter.set_crawl_delay("slow.example", 3)
    assert limiter.interval("slow.example") == 3
    assert limiter.interval("other.example") == 1.0


def test_sec_call_without_contact_fails_fast(make_gateway):
    gw = make_gateway(contact="")
    with pytest.raises(errors.ContactMissingError) as info:
        gw.get("https://data.sec.gov/submissions/CIK0000320193.json")
    assert "RESEARCH_KIT_CONTACT" in info.value.suggestion
    assert gw.network_requests == 0


def test_robots_allow_deny_with_wildcards(httpserver, make_gateway):
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\nDisallow: /*.pdf$\nAllow: /private/ok\n"
        "Crawl-delay: 0.5\n", content_type="text/plain")
    httpserver.expect_request("/public").respond_with_data("ok")
    httpserver.expect_request("/private/ok").respond_with_data("ok")
    httpserver.expect_request("/docs/report.pdf.html").respond_with_data("ok")
    gw = make_gateway()
    assert gw.get(httpserver.url_for("/public")).text == "ok"
    assert gw.get(httpserver.url_for("/private/ok")).text == "ok"
    assert gw.get(httpserver.url_for("/docs/report.pdf.html")).text == "ok"
    with pytest.raises(errors.RobotsDisallowedError) as info:
        gw.get(httpserver.url_for("/private/secret"))
    assert "Disallow: /private/" in str(info.value)
    with pytest.raises(errors.RobotsDisallowedError) as info:
        gw.get(httpserver.url_for("/docs/report.pdf"))
    assert "/*.pdf$" in str(info.value)
    assert gw.limiter.interval("localhost") >= 0.5  # Crawl-delay slows the host down
    fetched = [r.path for r, _ in httpserver.log]
    assert "/private/secret" not in fetched and "/docs/report.pdf" not in fetched
    assert fetched.count("/robots.txt") == 1


def test_robots_5xx_means_disallow_but_is_not_called_a_disallow(httpserver, make_gateway):
    httpserver.expect_request("/robots.txt").respond_with_data("oops", status=500)
    with pytest.raises(errors.RobotsUnavailableError, match=r"could not be read \(HTTP 500\)") as info:
        make_gateway(max_retries=0).get(httpserver.url_for("/x"))
    assert not isinstance(info.value, errors.RobotsDisallowedError)
    assert "/x" not in [r.path for r, _ in httpserver.log]


def test_retry_after_is_honoured(httpserver, make_gateway):
    httpserver.expect_ordered_request("/busy").respond_with_response(
        WResponse("slow down", status=429, headers={"Retry-After": "1"}))
    httpserver.expect_ordered_request("/busy").respond_with_data("finally")
    gw = make_gateway()
    start = time.monotonic()
    assert gw.get(httpserver.url_for("/busy"), robots=False).text == "finally"
    assert time.monotonic() - start >= 0.95
    assert gw.network_requests == 2


def test_503_retries_are_bounded(httpserver, make_gateway):
    httpserver.expect_request("/down").respond_with_data("down", status=503)
    gw = make_gateway(max_retries=3)
    with pytest.raises(errors.RateLimitedError):
        gw.get(httpserver.url_for("/down"), robots=False)
    assert gw.network_requests == 4  # 1 try + 3 retries, no more


def test_long_retry_after_is_not_waited_out(httpserver, make_gateway):
    httpserver.expect_request("/later").respond_with_response(
        WResponse("no", status=429, headers={"Retry-After": "3600"}))
    gw = make_gateway()
    start = time.monotonic()
    with pytest.raises(errors.RateLimitedError) as info:
        gw.get(httpserver.url_for("/later"), robots=False)
    assert time.monotonic() - start < 1
    assert info.value.context["retry_after"] == 3600


def test_sec_403_page_stops_without_retry_storm(httpserver, make_gateway):
    page = fixture_path("edgar", "errors", "rate-exceeded-403.html").read_bytes()
    httpserver.expect_request("/Archives/x.htm").respond_with_data(page, status=403,
                                                                    content_type="text/html")
    gw = make_gateway()
    with pytest.raises(errors.RateLimitedError) as info:
        gw.get(httpserver.url_for("/Archives/x.htm"), robots=False)
    assert "Request Rate Threshold Exceeded" in str(info.value)
    assert gw.network_requests == 1
    # later calls in this process fail fast instead of extending SEC's block
    with pytest.raises(errors.RateLimitedError, match="blocked"):
        gw.get(httpserver.url_for("/Archives/other.htm"), robots=False)
    assert gw.network_requests == 1


def test_sec_rate_page_served_as_200_is_never_cached(httpserver, make_gateway):
    page = fixture_path("edgar", "errors", "rate-exceeded-403.html").read_bytes()
    httpserver.expect_request("/filing.htm").respond_with_data(page, status=200,
                                                                content_type="text/html")
    for _ in range(2):
        gw = make_gateway()
        with pytest.raises(errors.RateLimitedError):
            gw.get(httpserver.url_for("/filing.htm"), robots=False)
    assert len(httpserver.log) == 2  # not served from cache the second time
    assert not gw.is_cached(httpserver.url_for("/filing.htm"))
    with pytest.raises(errors.NotCachedError):
        make_gateway(offline=True).get(httpserver.url_for("/filing.htm"))


@pytest.mark.parametrize("with_length", [True, False])
def test_size_cap_aborts(httpserver, make_gateway, with_length):
    body = b"x" * 300_000

    def handler(request):
        if with_length:
            return WResponse(body, content_type="text/plain")
        return WResponse(iter([body[i:i + 10_000] for i in range(0, len(body), 10_000)]),
                         content_type="text/plain")  # chunked: no Content-Length

    httpserver.expect_request("/big").respond_with_handler(handler)
    gw = make_gateway(max_bytes=100_000)
    with pytest.raises(errors.ResponseTooLargeError) as info:
        gw.get(httpserver.url_for("/big"), robots=False)
    assert "100,000" in str(info.value)
    assert not gw.is_cached(httpserver.url_for("/big"))


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.com/x",
                                    "javascript:alert(1)"])
def test_redirect_to_other_scheme_is_refused(httpserver, make_gateway, target):
    httpserver.expect_request("/jump").respond_with_response(
        WResponse("", status=302, headers={"Location": target}))
    with pytest.raises(errors.UnsupportedURLError) as info:
        make_gateway().get(httpserver.url_for("/jump"), robots=False)
    assert "only http(s)" in str(info.value)


def test_direct_non_http_url_is_refused(make_gateway):
    with pytest.raises(errors.UnsupportedURLError):
        make_gateway().get("file:///etc/passwd")


def test_redirects_are_followed_and_capped(httpserver, make_gateway):
    httpserver.expect_request("/a").respond_with_response(
        WResponse("", status=301, headers={"Location": "/b"}))
    httpserver.expect_request("/b").respond_with_data("arrived")
    httpserver.expect_request("/loop1").respond_with_response(
        WResponse("", status=302, headers={"Location": "/loop2"}))
    httpserver.expect_request("/loop2").respond_with_response(
        WResponse("", status=302, headers={"Location": "/loop1"}))
    gw = make_gateway()
    response = gw.get(httpserver.url_for("/a"), robots=False)
    assert response.text == "arrived" and response.url.endswith("/b")
    with pytest.raises(errors.TooManyRedirectsError):
        gw.get(httpserver.url_for("/loop1"), robots=False)
    # redirects are cached too, so the chain replays offline
    assert make_gateway(offline=True).get(httpserver.url_for("/a")).text == "arrived"


def test_read_timeout(httpserver, make_gateway):
    def slow(request):
        time.sleep(1.0)
        return WResponse("late")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    gw = make_gateway(read_timeout=0.2, max_retries=1)
    start = time.monotonic()
    with pytest.raises(errors.FetchTimeoutError) as info:
        gw.get(httpserver.url_for("/slow"), robots=False)
    assert "timed out" in str(info.value)
    assert time.monotonic() - start < 3
    assert gw.network_requests == 2


def test_truncated_body_is_an_error_not_data(make_gateway):
    """A server that promises 1000 bytes and hangs up after 100."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    port = server.getsockname()[1]

    def serve():
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                         b"Content-Length: 1000\r\n\r\n" + b"y" * 100)
            conn.close()

    threading.Thread(target=serve, daemon=True).start()
    try:
        gw = make_gateway(max_retries=1)
        url = f"http://127.0.0.1:{port}/cut"
        with pytest.raises(errors.FetchError):
            gw.get(url, robots=False)
        assert not gw.is_cached(url)
    finally:
        server.close()


def test_non_utf8_charset_is_decoded(httpserver, make_gateway):
    text = "Zürich, Łódź, ¥100 — 日本語のテキスト"
    httpserver.expect_request("/sjis").respond_with_data(
        "日本語のテキスト".encode("shift_jis"), content_type="text/plain; charset=Shift_JIS")
    httpserver.expect_request("/latin").respond_with_data(
        "Zürich café".encode("latin-1"), content_type="text/html; charset=ISO-8859-1")
    httpserver.expect_request("/meta").respond_with_data(
        '<html><head><meta charset="windows-1250"></head><body>Łódź</body></html>'
        .encode("cp1250"), content_type="text/html")
    gw = make_gateway()
    assert gw.get(httpserver.url_for("/sjis"), robots=False).text == "日本語のテキスト"
    assert gw.get(httpserver.url_for("/latin"), robots=False).text == "Zürich café"
    assert "Łódź" in gw.get(httpserver.url_for("/meta"), robots=False).text
    assert decode_body(text.encode("utf-8")) == text
    assert decode_body("\ufeffbom".encode("utf-8")) == "bom"


def test_http_errors_are_typed_and_404_is_cached(httpserver, make_gateway):
    httpserver.expect_request("/gone").respond_with_data("nope", status=404)
    gw = make_gateway()
    with pytest.raises(errors.HTTPStatusError) as info:
        gw.get(httpserver.url_for("/gone"), robots=False)
    assert info.value.context["status"] == 404
    # offline replay gives the same "not found", not a cache miss
    with pytest.raises(errors.HTTPStatusError):
        make_gateway(offline=True).get(httpserver.url_for("/gone"))


def test_user_agent_names_the_contact(httpserver, make_gateway):
    httpserver.expect_request("/ua").respond_with_data("ok")
    make_gateway(contact="Jane Doe jane@example.com").get(httpserver.url_for("/ua"), robots=False)
    request, _ = httpserver.log[-1]
    assert "research-kit/" in request.headers["User-Agent"]
    assert "jane@example.com" in request.headers["User-Agent"]


def test_connection_refused_is_a_fetch_error(make_gateway):
    with pytest.raises(errors.FetchError) as info:
        make_gateway(max_retries=0).get("http://127.0.0.1:9/x", robots=False)
    assert info.value.suggestion


def test_a_vetoed_redirect_is_never_contacted(httpserver, make_gateway):
    httpserver.expect_request("/out").respond_with_response(
        WResponse("", status=302, headers={"Location": "http://127.0.0.1:9/elsewhere"}))
    gw = make_gateway()
    with pytest.raises(errors.UnsupportedURLError, match="does not follow"):
        gw.get(httpserver.url_for("/out"), follow=lambda target: "127.0.0.1:9" not in target)
    assert gw.network_requests == 2  # robots.txt + /out; nothing sent to the target
