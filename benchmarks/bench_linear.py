"""Time on adversarial inputs of 1, 2 and 4 MB: every parser should grow linearly.

    python benchmarks/bench_linear.py             # all inputs at 1/2/4 MB
    python benchmarks/bench_linear.py --sizes 0.25 0.5 1 --only markdown

Inputs, each built to the size asked (the cases of issue 18 and their relatives):

* ``binary-page``: random bytes saved as a .html page (research_site on the file)
* ``tag-soup``: ``<div><p>word`` repeated, never closed (research_site on the file)
* ``item-headings``: "Item 1. Business" lines repeated (split_10k)
* ``markdown-stars``: a ``brief`` markdown cell of ``*word `` (parse_markdown)
* ``markdown-brackets``: ``[word `` and ``<http://x`` runs (parse_markdown)
* ``job-text``: a pasted posting of bullet lines (parse_job_content)
* ``job-json-nest``: a job-board JSON nested deep, then padded (parse_job_content)
* ``feed-items``: an RSS feed with many items (parse_feed)
* ``yaml-profile``: a YAML profile with a long skills list (load_profile)

Prints seconds per size and the ratio 4 MB / 1 MB (linear ≈ 4, quadratic ≈ 16).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

MB = 1024 * 1024


def _repeat(unit: str | bytes, size: int):
    return unit * (size // len(unit) + 1)


def binary_page(size: int, tmp: Path) -> tuple:
    path = tmp / "page.html"
    path.write_bytes(random.Random(1).randbytes(size))
    return _site, path


def tag_soup(size: int, tmp: Path) -> tuple:
    path = tmp / "soup.html"
    path.write_text("<html><body>" + _repeat("<div><p>word ", size), encoding="utf-8")
    return _site, path


def _site(path):
    from research_kit.sources.website import research_site

    return research_site(path)


def item_headings(size: int, tmp: Path) -> tuple:
    text = "FORM 10-K\n" + _repeat("Item 1. Business\nWe make things.\n", size)
    return _tenk, text


def _tenk(text):
    from research_kit.sources.edgar.sections import split_10k

    return split_10k(text)


def markdown_stars(size: int, tmp: Path) -> tuple:
    return _markdown, _repeat("*word ", size)


def markdown_brackets(size: int, tmp: Path) -> tuple:
    return _markdown, _repeat("[word <http://x `a ![b ", size)


def _markdown(text):
    from research_kit.brief.markdown import parse_markdown

    return parse_markdown(text)


def job_text(size: int, tmp: Path) -> tuple:
    text = "Senior Data Engineer\nRequirements:\n" + _repeat(
        "• 5+ years of Python and SQL, Kafka or Kinesis\n", size)
    return _job, text


def job_json_nest(size: int, tmp: Path) -> tuple:
    text = '{"jobs": [' + "[" * 200_000 + "]" * 200_000 + ',' + _repeat('{"title": "x"},', size) + "{}]}"
    return _job, text


def _job(text):
    from research_kit.provenance import Source
    from research_kit.sources.jobs import parse_job_content

    return parse_job_content(text, Source.for_text("bench"))


def feed_items(size: int, tmp: Path) -> tuple:
    item = ("<item><title>Acme opens a plant</title><link>https://example.com/a</link>"
            "<pubDate>Tue, 10 Jun 2025 09:00:00 GMT</pubDate><description>It is big.</description></item>")
    return _feed, ('<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
                   + _repeat(item, size) + "</channel></rss>").encode()


def _feed(content):
    from research_kit.sources.news.feeds import parse_feed

    return parse_feed(content, url="https://example.com/feed")


def yaml_profile(size: int, tmp: Path) -> tuple:
    path = tmp / "me.yaml"
    path.write_text("name: Alex Rivera\nskills:\n" + _repeat("  - Python\n", size), encoding="utf-8")
    return _profile, path


def _profile(path):
    from research_kit.sources.profiles import load_profile

    return load_profile(path)


INPUTS = {f.__name__.replace("_", "-"): f for f in (
    binary_page, tag_soup, item_headings, markdown_stars, markdown_brackets, job_text,
    job_json_nest, feed_items, yaml_profile)}


def measure(name: str, size: int, limit: float) -> tuple[float, str]:
    from research_kit.errors import ResearchKitError

    with tempfile.TemporaryDirectory() as tmp:
        call, arg = INPUTS[name](size, Path(tmp))
        started = time.perf_counter()
        try:
            call(arg)
            outcome = "ok"
        except ResearchKitError as exc:
            outcome = f"{type(exc).__name__}"
        except Exception as exc:  # noqa: BLE001 - reported, it is a bug
            outcome = f"UNTYPED {type(exc).__name__}"
        return time.perf_counter() - started, outcome


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4], help="MB")
    ap.add_argument("--only", action="append", choices=sorted(INPUTS))
    ap.add_argument("--limit", type=float, default=120.0)
    args = ap.parse_args()
    print(f"{'input':<18}" + "".join(f"{s:>8g} MB" for s in args.sizes) + "   ratio  outcome")
    for name in args.only or list(INPUTS):
        times, outcome = [], ""
        for size in args.sizes:
            seconds, outcome = measure(name, int(size * MB), args.limit)
            times.append(seconds)
        ratio = times[-1] / times[0] if times[0] > 0.001 else float("nan")
        print(f"{name:<18}" + "".join(f"{t:>9.2f} s" for t in times) + f"  {ratio:6.1f}  {outcome}",
              flush=True)
    print(f"(python {sys.version.split()[0]}, {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
