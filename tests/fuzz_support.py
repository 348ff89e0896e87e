"""Fuzzing the parsers' public entry points with mutations of the real fixtures.

Shared by the suite (``tests/sources/test_fuzz_entry_points.py``: a few hundred cases per
parser through hypothesis) and by ``benchmarks/fuzz_parsers.py`` (thousands, with time and
memory counts). A *case* is a real fixture file and a list of mutations; running it calls
the parser's public entry point and sorts the outcome: parsed, a typed error (one of
research-kit's), or untyped (anything else — the bug this hunts).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from conftest import FIXTURES, LOCAL

from research_kit.errors import ResearchKitError

# -- mutations --------------------------------------------------------------------------

MUTATIONS = ("flip", "truncate", "swap", "duplicate", "nest", "bad_utf8", "control", "zero",
             "insert_tokens", "repeat")
_TOKENS = [b"<", b">", b"</div>", b"<p>", b"]]>", b"<!--", b"&#0;", b"&#xFFFFFFFF;", b"\\u0000",
           b"{", b"}", b"[", b"]", b'"', b"\n", b"\r", b"\x00", b"\x0c", b"%PDF-", b"endobj",
           b"stream", b"/Length 999999999", b"<< /Type /Page >>", b"PK\x03\x04", b"- ", b": ",
           b"&a", b"*a", b"!!python/object", b"Item 1.", b"ITEM 7A", b"<TYPE>10-K", b"99999-99-99",
           b"9999999999999999", b"2024-13-45", b"\xef\xbb\xbf", b"\xff\xfe", b"@type",
           b'"datePosted": "99999-01-01"', b'"validThrough": "1e309"']
_NESTS = [b"[" * 5000, b"{\"a\":" * 5000, b"<div>" * 5000, b"- " * 2000 + b"x",
          b"a:\n" + b"  " * 3000 + b"b: 1\n", b"<ul><li>" * 3000, b"(" * 5000]


def mutate(data: bytes, rng: random.Random, kind: str) -> bytes:
    """One mutation of ``data`` (bytes), chosen by ``kind``, positions from ``rng``."""
    n = len(data)
    pos = rng.randrange(n + 1) if n else 0
    if kind == "flip" and n:
        out = bytearray(data)
        for _ in range(rng.randint(1, 16)):
            i = rng.randrange(n)
            out[i] ^= 1 << rng.randrange(8)
        return bytes(out)
    if kind == "truncate":
        return data[:pos]
    if kind == "swap" and n > 16:
        a, b = sorted(rng.sample(range(n), 2))
        size = rng.randint(1, max(1, min(4096, (b - a))))
        return data[:a] + data[b:b + size] + data[a + size:b] + data[a:a + size] + data[b + size:]
    if kind == "duplicate" and n:
        size = rng.randint(1, min(n, 8192))
        start = rng.randrange(max(1, n - size))
        return data[:pos] + data[start:start + size] * rng.randint(2, 20) + data[pos:]
    if kind == "nest":
        return data[:pos] + rng.choice(_NESTS) + data[pos:]
    if kind == "bad_utf8":
        junk = bytes(rng.choice([0x80, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xFE, 0xFF])
                     for _ in range(rng.randint(1, 40)))
        return data[:pos] + junk + data[pos:]
    if kind == "control":
        junk = bytes(rng.choice([0, 1, 7, 8, 11, 12, 27, 127]) for _ in range(rng.randint(1, 40)))
        return data[:pos] + junk + data[pos:]
    if kind == "zero" and n:
        size = rng.randint(1, min(n, 4096))
        return data[:pos] + b"\x00" * size + data[pos + size:]
    if kind == "insert_tokens":
        tokens = b"".join(rng.choice(_TOKENS) for _ in range(rng.randint(1, 30)))
        return data[:pos] + tokens + data[pos:]
    if kind == "repeat":
        return rng.choice(_TOKENS) * rng.randint(100, 20000)
    return data


def mutated(data: bytes, seed: int, rounds: int | None = None) -> tuple[bytes, list[str]]:
    rng = random.Random(seed)
    kinds = [rng.choice(MUTATIONS) for _ in range(rounds or rng.randint(1, 4))]
    for kind in kinds:
        data = mutate(data, rng, kind)
    return data, kinds


# -- the parsers under test -----------------------------------------------------------

@dataclass(frozen=True)
class Target:
    name: str
    seeds: tuple[str, ...]
    """Fixture paths (relative to the fixtures folder; globs allowed)."""
    suffix_of_seed: bool = True
    """Write the mutated bytes under the seed's own suffix (parsers look at it)."""

    def seed_files(self, max_bytes: int | None = None) -> list[Path]:
        files: list[Path] = []
        for pattern in self.seeds:
            root = LOCAL if pattern.startswith("local:") else FIXTURES
            pattern = pattern.removeprefix("local:")
            files += sorted(p for p in root.glob(pattern) if p.is_file())
        if max_bytes is not None:
            files = [p for p in files if p.stat().st_size <= max_bytes]
        return files


def _profile(path: Path) -> object:
    from research_kit.sources.profiles import load_profile

    return load_profile(path)


def _job(path: Path) -> object:
    from research_kit.sources.jobs import load_job_posting

    return load_job_posting(str(path))


def _site(path: Path) -> object:
    from research_kit.sources.website import research_site

    return research_site(path)


def _tenk(path: Path) -> object:
    from research_kit.sources.edgar.sections import split_10k

    return split_10k(path)


def _annual_report(path: Path) -> object:
    from research_kit.sources.annual_reports.pdf import read_annual_report_pdf

    return read_annual_report_pdf(path)


def _feed(path: Path) -> object:
    from research_kit.sources.news.feeds import parse_feed

    return parse_feed(path.read_bytes(), url="https://example.com/feed")


PARSERS: dict[str, tuple[Callable[[Path], object], Target]] = {
    "profile": (_profile, Target("profile", ("profiles/linkedin/*.pdf", "profiles/resumes/*.csv",
                                             "local:profiles/*.yaml", "local:profiles/*.docx"))),
    "job": (_job, Target("job", ("jobs/ats/*", "jobs/ats_more/*.json", "jobs/html/*",
                                 "jobs/text/*"))),
    "site": (_site, Target("site", ("websites/single_pages/*.html", "websites/chtglobal.com/*.html",
                                    "websites/chtglobal.com/about/*.html"))),
    "10k": (_tenk, Target("10k", ("edgar/10k/*", "edgar/10k-more/*.htm", "edgar/10k-more/*.txt"))),
    "annual_report": (_annual_report, Target("annual_report", ("reports/*.pdf",
                                                                "reports/annual_reports_more/*.pdf"))),
    "feed": (_feed, Target("feed", ("news/*.xml", "news/*.json", "news/*.rss", "news/*.atom"))),
}


@dataclass
class Outcome:
    parser: str
    seed: str
    mutations: list[str]
    result: str  # "parsed" | "typed" | "untyped"
    error: str = ""
    seconds: float = 0.0


def run_case(parser: str, seed: Path, data: bytes, kinds: list[str], folder: Path) -> Outcome:
    """Write ``data`` under the seed's name in ``folder`` and run the parser on it."""
    call, _ = PARSERS[parser]
    path = folder / seed.name
    path.write_bytes(data)
    started = time.perf_counter()
    try:
        call(path)
        result, error = "parsed", ""
    except ResearchKitError as exc:
        result, error = "typed", type(exc).__name__
    except Exception as exc:  # noqa: BLE001 - exactly what the fuzzer hunts
        result, error = "untyped", f"{type(exc).__name__}: {str(exc)[:200]}"
    return Outcome(parser, seed.name, kinds, result, error, time.perf_counter() - started)
