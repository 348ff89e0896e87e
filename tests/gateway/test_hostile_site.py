"""A hostile loopback site: every case ends in bounded time with a clear, typed error.

Stalls and trickles use a raw socket server (:mod:`raw_server`); the rest pytest-httpserver.
The gateway runs with short limits (total deadline 1.5 s, read timeout 0.7 s) so that each
case's bound is checked within seconds; the defaults (60 s, 30 s) scale the same way.
"""

from __future__ import annotations

import gzip
import socket
import time
import zlib

import pytest
from raw_server import RawServer, closed_port, reset
from werkzeug import Response as WResponse

from research_kit import errors
from research_kit.gateway.failures import classify_failure

TOTAL = 1.5
SLACK = 2.0  # thread scheduling, the retry backoff, the server noticing


def _gateway(make_gateway, **kw):
    values = dict(total_timeout=TOTAL, read_timeout=0.7, connect_timeout=0.7, max_retries=1,
                  max_bytes=1024 * 1024)
    values.update(kw)
    return make_gateway(**values)


def _bounded(call, error_type, limit=TOTAL + SLACK):
    start = time.monotonic()
    with pytest.raises(error_type) as info:
        call()
    elapsed = time.monotonic() - start
    assert elapsed < limit, f"took {elapsed:.1f} s"
    assert info.value.message and "Traceback" not in str(info.value)
    return info.value


# -- stalls and trickles (the total deadline) -------------------------------------------

def test_body_at_one_byte_per_second(make_gateway):
    def handler(conn, server):
        server.read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 500\r\n\r\n")
        server.trickle(conn, b"x" * 500, every=0.3)

    with RawServer(handler) as server:
        err = _bounded(lambda: _gateway(make_gateway).get(server.url("/slow-body"), robots=False),
                       errors.FetchTimeoutError)
    assert err.context["kind"] == "deadline" and "127.0.0.1" in err.message
    assert "1.5 s" in err.message


def test_headers_at_one_byte_per_second(make_gateway):
    def handler(conn, server):
        server.read_request(conn)
        server.trickle(conn, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X-Pad: y\r\n" * 50,
                       every=0.3)

    with RawServer(handler) as server:
        err = _bounded(lambda: _gateway(make_gateway).get(server.url("/slow-headers"), robots=False),
                       errors.FetchTimeoutError)
    assert err.context["kind"] == "deadline"


def test_reads_the_request_and_never_answers(make_gateway):
    def handler(conn, server):
        server.read_request(conn)
        server.hold()

    with RawServer(handler) as server:
        err = _bounded(lambda: _gateway(make_gateway).get(server.url("/silent"), robots=False),
                       errors.FetchTimeoutError)
    assert "127.0.0.1" in err.message


def test_accepts_and_never_reads(make_gateway):
    with RawServer(lambda conn, server: server.hold()) as server:
        _bounded(lambda: _gateway(make_gateway).get(server.url("/mute"), robots=False),
                 errors.FetchTimeoutError)


def test_endless_chunked_body_trickled(make_gateway):
    def handler(conn, server):
        server.read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
        while not server.stopped:
            conn.sendall(b"1\r\nx\r\n")
            time.sleep(0.2)

    with RawServer(handler) as server:
        _bounded(lambda: _gateway(make_gateway).get(server.url("/drip"), robots=False),
                 errors.FetchTimeoutError)


def test_body_without_length_cut_by_the_deadline_is_not_data(make_gateway):
    """Cut off by the deadline, a close-delimited body looks complete: it must not be kept."""
    def handler(conn, server):
        server.read_request(conn)
        conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\npartial ")
        server.trickle(conn, b"y" * 100, every=0.3)

    with RawServer(handler) as server:
        gw = _gateway(make_gateway)
        _bounded(lambda: gw.get(server.url("/partial"), robots=False), errors.FetchTimeoutError)
        assert not gw.is_cached(server.url("/partial"))


def test_a_normal_slow_answer_within_the_deadline_is_fine(make_gateway):
    def handler(conn, server):
        server.read_request(conn)
        time.sleep(0.5)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")

    with RawServer(handler) as server:
        assert _gateway(make_gateway).get(server.url("/ok"), robots=False).text == "ok"


# -- the network is not there ---------------------------------------------------------

def test_connection_refused_names_the_host_and_says_offline(make_gateway):
    url = f"http://127.0.0.1:{closed_port()}/page"
    err = _bounded(lambda: _gateway(make_gateway).get(url, robots=False), errors.NetworkError)
    assert err.context["kind"] == "refused"
    assert "127.0.0.1 refused the connection" in err.message and "offline" in err.message


def test_unreachable_robots_is_a_network_error_not_a_disallow(make_gateway):
    url = f"http://127.0.0.1:{closed_port()}/jobs/1"
    err = _bounded(lambda: _gateway(make_gateway).get(url), errors.NetworkError)
    assert not isinstance(err, (errors.RobotsDisallowedError, errors.RobotsUnavailableError))
    assert "robots" not in err.message.lower() and "offline" in err.message


def test_an_unreachable_host_is_not_asked_again_in_the_same_run(make_gateway):
    port = closed_port()
    gw = _gateway(make_gateway, max_retries=3, backoff_base=0.3)
    with pytest.raises(errors.NetworkError):
        gw.get(f"http://127.0.0.1:{port}/a", robots=False)
    sent = gw.network_requests
    start = time.monotonic()
    with pytest.raises(errors.NetworkError, match="refused"):
        gw.get(f"http://127.0.0.1:{port}/b", robots=False)
    assert gw.network_requests == sent and time.monotonic() - start < 0.2


def test_dns_failure_is_reported_as_offline():
    # a real resolver error object (no lookup: nothing in the suite touches the network)
    from urllib3.connection import HTTPConnection
    from urllib3.exceptions import NameResolutionError

    cause = NameResolutionError("boards-api.greenhouse.io", HTTPConnection("x"),
                                socket.gaierror(-3, "Temporary failure in name resolution"))
    err = classify_failure(cause, "https://boards-api.greenhouse.io/v1/boards/x/jobs", 1)
    assert isinstance(err, errors.NetworkError) and err.context["kind"] == "dns"
    assert err.message.startswith("could not look up boards-api.greenhouse.io (DNS failure)")
    assert "offline" in err.message and "robots" not in err.message


def test_tls_to_a_server_that_is_not_tls(make_gateway):
    def handler(conn, server):
        conn.recv(4096)  # the TLS hello; answered in plain HTTP
        conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")

    with RawServer(handler) as server:
        url = f"https://127.0.0.1:{server.port}/secure"
        err = _bounded(lambda: _gateway(make_gateway).get(url, robots=False), errors.NetworkError)
    assert err.context["kind"] == "tls" and "127.0.0.1" in err.message


def test_connection_reset(make_gateway):
    def handler(conn, server):
        server.read_request(conn)
        reset(conn)

    with RawServer(handler) as server:
        err = _bounded(lambda: _gateway(make_gateway).get(server.url("/reset"), robots=False),
                       errors.NetworkError)
    assert err.context["kind"] == "reset"


def test_not_http_at_all(make_gateway):
    def handler(conn, server):
        server.read_request(conn)
        conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n" * 3)

    with RawServer(handler) as server:
        _bounded(lambda: _gateway(make_gateway).get(server.url("/"), robots=False), errors.FetchError)


# -- floods and bombs (the size cap) ---------------------------------------------------

def _bomb(method: str) -> bytes:
    data = b"\0" * (64 * 1024 * 1024)
    return gzip.compress(data, 9) if method == "gzip" else zlib.compress(data, 9)


@pytest.mark.parametrize("method", ["gzip", "deflate"])
def test_compression_bomb(httpserver, make_gateway, method):
    body = _bomb(method)
    httpserver.expect_request("/bomb").respond_with_response(
        WResponse(body, headers={"Content-Encoding": method}, content_type="text/html"))
    err = _bounded(lambda: _gateway(make_gateway).get(httpserver.url_for("/bomb"), robots=False),
                   errors.ResponseTooLargeError)
    assert "cap" in err.message


def test_garbage_declared_as_gzip(httpserver, make_gateway):
    httpserver.expect_request("/fake-gzip").respond_with_response(
        WResponse(b"\x1f\x8bthis is not gzip at all" * 10, headers={"Content-Encoding": "gzip"}))
    _bounded(lambda: _gateway(make_gateway).get(httpserver.url_for("/fake-gzip"), robots=False),
             errors.FetchError)


def test_endless_fast_body(make_gateway):
    def handler(conn, server):
        server.read_request(conn)
        conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n")
        block = b"<p>flood</p>" * 8000
        while not server.stopped:
            conn.sendall(block)

    with RawServer(handler) as server:
        _bounded(lambda: _gateway(make_gateway).get(server.url("/flood"), robots=False),
                 errors.ResponseTooLargeError)


def test_huge_declared_length_is_refused_before_reading(httpserver, make_gateway):
    def handler(conn, server):
        server.read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n")
        server.hold()

    with RawServer(handler) as server:
        _bounded(lambda: _gateway(make_gateway).get(server.url("/big"), robots=False),
                 errors.ResponseTooLargeError, limit=1.5)


def test_header_flood(make_gateway):
    def handler(conn, server):
        server.read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(5000))
                     + b"Content-Length: 2\r\n\r\nok")

    with RawServer(handler) as server:
        err = _bounded(lambda: _gateway(make_gateway).get(server.url("/headers"), robots=False),
                       errors.FetchError)
    assert "malformed" in err.message


def test_endless_header_line(make_gateway):
    def handler(conn, server):
        server.read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nX-Long: ")
        while not server.stopped:
            conn.sendall(b"a" * 65536)

    with RawServer(handler) as server:
        _bounded(lambda: _gateway(make_gateway).get(server.url("/line"), robots=False),
                 errors.FetchError)


# -- redirects --------------------------------------------------------------------------

def test_redirect_loop(httpserver, make_gateway):
    httpserver.expect_request("/a").respond_with_response(WResponse("", 302, {"Location": "/b"}))
    httpserver.expect_request("/b").respond_with_response(WResponse("", 302, {"Location": "/a"}))
    err = _bounded(lambda: _gateway(make_gateway).get(httpserver.url_for("/a"), robots=False),
                   errors.TooManyRedirectsError)
    assert "/a -> " in err.context["chain"]


def test_endless_redirect_chain(httpserver, make_gateway):
    def handler(request):
        n = int(request.args.get("n", "0"))
        return WResponse("", 302, {"Location": f"/chain?n={n + 1}"})

    httpserver.expect_request("/chain").respond_with_handler(handler)
    _bounded(lambda: _gateway(make_gateway).get(httpserver.url_for("/chain"), robots=False),
             errors.TooManyRedirectsError)
    assert len(httpserver.log) <= 7


@pytest.mark.parametrize("target", ["file:///etc/passwd", "javascript:alert(1)",
                                    "data:text/html,<p>hi</p>", "ftp://127.0.0.1/x"])
def test_redirect_to_another_scheme(httpserver, make_gateway, target):
    httpserver.expect_request("/go").respond_with_response(WResponse("", 302, {"Location": target}))
    _bounded(lambda: _gateway(make_gateway).get(httpserver.url_for("/go"), robots=False),
             errors.UnsupportedURLError)


# -- robots.txt -------------------------------------------------------------------------

def test_junk_robots_is_no_rules(httpserver, make_gateway):
    httpserver.expect_request("/robots.txt").respond_with_data(bytes(range(256)) * 400)
    httpserver.expect_request("/page").respond_with_data("hello")
    assert _gateway(make_gateway).get(httpserver.url_for("/page")).text == "hello"


def test_html_soft_404_as_robots_is_no_rules(httpserver, make_gateway):
    httpserver.expect_request("/robots.txt").respond_with_data(
        "<html><body><h1>Page not found</h1><p>Disallow nothing here</p></body></html>",
        content_type="text/html")
    httpserver.expect_request("/page").respond_with_data("hello")
    assert _gateway(make_gateway).get(httpserver.url_for("/page")).text == "hello"


def test_robots_flood_reads_only_the_first_500_kib(httpserver, make_gateway):
    rules = b"User-agent: *\nDisallow: /private\n" + b"# padding\n" * 200_000
    httpserver.expect_request("/robots.txt").respond_with_data(rules)
    httpserver.expect_request("/page").respond_with_data("hello")
    gw = _gateway(make_gateway, max_bytes=4 * 1024 * 1024)
    assert gw.get(httpserver.url_for("/page")).text == "hello"
    with pytest.raises(errors.RobotsDisallowedError, match="Disallow: /private"):
        gw.get(httpserver.url_for("/private/x"))
    assert len(gw.robots_rules(httpserver.url_for("/")).text) <= 500 * 1024


def test_robots_redirect_to_another_origin_is_not_followed(httpserver, make_gateway):
    hits = []

    def other(conn, server):
        hits.append(server.read_request(conn))
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 25\r\n\r\nUser-agent: *\nDisallow: /")

    with RawServer(other) as elsewhere:
        httpserver.expect_request("/robots.txt").respond_with_response(
            WResponse("", 302, {"Location": elsewhere.url("/robots.txt")}))
        httpserver.expect_request("/page").respond_with_data("hello")
        assert _gateway(make_gateway).get(httpserver.url_for("/page")).text == "hello"
        assert elsewhere.connections == 0 and hits == []


def test_robots_that_says_no_is_blamed(httpserver, make_gateway):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /jobs\n")
    err = _bounded(lambda: _gateway(make_gateway).get(httpserver.url_for("/jobs/1")),
                   errors.RobotsDisallowedError)
    assert "Disallow: /jobs" in err.message


# -- charsets -------------------------------------------------------------------------

@pytest.mark.parametrize("charset", ["idna", "rot13", "zlib_codec", "utf-16", "utf-32",
                                     "no-such-charset", "utf-7", "unicode_escape", "x" * 300,
                                     "base64"])
def test_bad_charsets_decode_to_text(httpserver, make_gateway, charset):
    body = "caf\u00e9 \u2014 <p>hello</p> \\N{oops} \\x".encode() + b"\xff\xfe\x00"
    httpserver.expect_request("/cs").respond_with_data(body, content_type=f"text/html; charset={charset}")
    response = _gateway(make_gateway).get(httpserver.url_for("/cs"), robots=False)
    assert "hello" in response.text


def test_bad_charset_in_meta(httpserver, make_gateway):
    body = b'<html><head><meta charset="idna"></head><body>\xe9t\xe9 hello</body></html>'
    httpserver.expect_request("/meta").respond_with_data(body, content_type="text/html")
    assert "hello" in _gateway(make_gateway).get(httpserver.url_for("/meta"), robots=False).text


# -- the crawl stays on its origin --------------------------------------------------------

def _page(title: str, links: str = "") -> str:
    return (f"<html><head><title>{title}</title></head><body><nav>{links}</nav><main><h1>{title}"
            f"</h1><p>{'We make instruments for water quality monitoring. ' * 12}</p></main>"
            "</body></html>")


def _listening_elsewhere(host: str = "127.0.0.1"):
    """A server on another port of the site's own host (pytest-httpserver's URLs say
    "localhost"), or on another address."""
    def handler(conn, server):
        server.read_request(conn)
        body = _page("Elsewhere").encode()
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n"
                     % len(body) + body)
    return RawServer(handler, host=host, url_host="localhost" if host == "127.0.0.1" else host)


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2"])  # another port; another host
def test_a_page_redirecting_to_another_host_or_port_is_not_followed(httpserver, make_gateway, host):
    from research_kit.sources.website import research_site

    with _listening_elsewhere(host) as elsewhere:
        httpserver.expect_request("/").respond_with_data(
            _page("Home", '<a href="/about">About us</a> <a href="/team">Leadership</a>'),
            content_type="text/html")
        httpserver.expect_request("/about").respond_with_response(
            WResponse("", 302, {"Location": elsewhere.url("/about")}))
        httpserver.expect_request("/team").respond_with_data(_page("Our team"), content_type="text/html")
        site = research_site(httpserver.url_for("/"), gateway=_gateway(make_gateway), max_pages=5)
    assert elsewhere.connections == 0
    assert not any(elsewhere.url("/") in u for u in site.pages["url"])
    assert any("/about" in u for u in site.skipped["url"])


def test_a_link_to_another_port_is_not_fetched(httpserver, make_gateway):
    from research_kit.sources.website import research_site

    with _listening_elsewhere() as elsewhere:
        httpserver.expect_request("/").respond_with_data(
            _page("Home", f'<a href="{elsewhere.url("/about")}">About us</a>'), content_type="text/html")
        site = research_site(httpserver.url_for("/"), gateway=_gateway(make_gateway), max_pages=5)
    assert elsewhere.connections == 0
    assert "another site" in " ".join(site.skipped["reason"])


def test_off_site_sitemaps_are_not_read_nor_their_robots(httpserver, make_gateway):
    from research_kit.sources.website import research_site

    with _listening_elsewhere() as elsewhere:
        httpserver.expect_request("/robots.txt").respond_with_data(
            f"User-agent: *\nAllow: /\nSitemap: {elsewhere.url('/robots-sitemap.xml')}\n")
        httpserver.expect_request("/sitemap.xml").respond_with_data(
            '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{elsewhere.url('/child.xml')}</loc></sitemap>"
            f"<sitemap><loc>{httpserver.url_for('/pages.xml')}</loc></sitemap></sitemapindex>",
            content_type="application/xml")
        httpserver.expect_request("/pages.xml").respond_with_data(
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{httpserver.url_for('/about')}</loc></url>"
            f"<url><loc>{elsewhere.url('/leadership')}</loc></url></urlset>",
            content_type="application/xml")
        httpserver.expect_request("/").respond_with_data(_page("Home"), content_type="text/html")
        httpserver.expect_request("/about").respond_with_data(_page("About us"), content_type="text/html")
        site = research_site(httpserver.url_for("/"), gateway=_gateway(make_gateway), max_pages=5)
    assert elsewhere.connections == 0  # not the sitemaps, not their robots.txt, not the page
    assert any(u.endswith("/about") for u in site.pages["url"])


def test_a_trickling_page_is_skipped_and_the_crawl_goes_on(httpserver, make_gateway):
    from research_kit.sources.website import research_site

    def trickle(request):
        def body():
            for _ in range(900):
                time.sleep(0.3)
                yield b"<"
        return WResponse(body(), content_type="text/html", headers={"Content-Length": "900"})

    httpserver.expect_request("/").respond_with_data(
        _page("Home", '<a href="/about">About us</a> <a href="/careers">Careers</a>'),
        content_type="text/html")
    httpserver.expect_request("/about").respond_with_data(_page("About"), content_type="text/html")
    httpserver.expect_request("/careers").respond_with_handler(trickle)
    start = time.monotonic()
    site = research_site(httpserver.url_for("/"), gateway=_gateway(make_gateway, max_retries=0),
                         max_pages=3, max_depth=1)
    assert time.monotonic() - start < 15
    assert any(u.endswith("/about") for u in site.pages["url"])
    skipped = dict(zip(site.skipped["url"], site.skipped["reason"]))
    assert "total deadline" in skipped[httpserver.url_for("/careers")]


def test_xss_in_page_text_stays_text(httpserver, make_gateway):
    """Informational: script in a page never reaches the tables as markup."""
    from research_kit.sources.website import research_site

    httpserver.expect_request("/").respond_with_data(
        "<html><head><title>Acme &lt;script&gt;alert(1)&lt;/script&gt;</title></head><body><main>"
        "<h1>About <img src=x onerror=alert(1)></h1><script>document.write('owned')</script>"
        f"<p>{'We build sensors. ' * 30}&lt;b&gt;bold&lt;/b&gt;</p></main></body></html>",
        content_type="text/html")
    site = research_site(httpserver.url_for("/"), gateway=_gateway(make_gateway), max_pages=1)
    text = " ".join(site.pages["text"])
    assert "owned" not in text and "onerror" not in text
    assert "<b>bold</b>" in text  # escaped markup in the page is its text, shown as text


# -- a damaged cache ------------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"this is not a database at all" * 100,
                                     b"SQLite format 3\x00" + b"\xff" * 4000])
def test_a_damaged_cache_is_a_typed_error_with_the_right_advice(make_gateway, tmp_path, content):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "http-responses.sqlite").write_bytes(content)
    gw = make_gateway(cache_dir=cache)
    with pytest.raises(errors.CacheError) as info:
        gw.get("http://127.0.0.1:9/x", robots=False)
    assert "cache" in info.value.message and "research-kit cache clear" in info.value.suggestion
    assert "target.toml" not in str(info.value)
