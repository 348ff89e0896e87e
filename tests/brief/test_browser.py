"""The HTML brief in a real browser: headless Chromium at a phone's width and a desktop's.

At 390 px and 1280 px the page must not scroll sideways, no block may stick out of its box
or out of the page, no two boxes of text may overlap, every footnote mark must lead to a
source line and every web source must be a link. Skips, saying why, where no Chromium can
be had (``.ci/run`` installs Debian's ``chromium``).
"""

from __future__ import annotations

import dataclasses
import os

import pytest
from browser import BrowserError, Chromium, find_chromium

from research_kit.brief.render import render_brief
from research_kit.brief.sample import sample_brief
from research_kit.provenance import Source

WIDTHS = (390, 1280)

CHECK = r"""
(() => {
  const root = document.documentElement, vw = root.clientWidth;
  const name = el => {
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls} "${(el.textContent || '').trim().slice(0, 50)}"`;
  };
  const out = {page: [root.scrollWidth, vw], bodyScroll: [document.body.scrollWidth, vw],
               overflow: [], outside: [], overlaps: [], small: [], marks: [], sources: []};
  for (const el of document.querySelectorAll('main, main *')) {
    const style = getComputedStyle(el);
    if (style.display === 'none') continue;
    const r = el.getBoundingClientRect();
    if (r.width && (r.right > vw + 0.5 || r.left < -0.5)) out.outside.push(name(el));
    if (style.display !== 'inline' && el.clientWidth > 0 && style.overflowX === 'visible'
        && el.scrollWidth > el.clientWidth + 1) out.overflow.push(`${name(el)} ${el.scrollWidth}>${el.clientWidth}`);
    const ownText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (ownText && !el.closest('.fn') && parseFloat(style.fontSize) < 11) out.small.push(`${name(el)} ${style.fontSize}`);
  }
  const blocks = [...document.querySelectorAll(
    'main h1, main h2, main h3, main p, main li, main td, main th, main figure, main .side, main .figures li')]
    .filter(el => el.getClientRects().length);
  const rects = blocks.map(el => [...el.getClientRects()]);
  for (let i = 0; i < blocks.length; i++) for (let j = i + 1; j < blocks.length; j++) {
    if (blocks[i].contains(blocks[j]) || blocks[j].contains(blocks[i])) continue;
    for (const a of rects[i]) for (const b of rects[j]) {
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && h > 1) out.overlaps.push(`${name(blocks[i])} × ${name(blocks[j])}`);
    }
  }
  out.marks = [...document.querySelectorAll('.fn a')].map(a => a.getAttribute('href'));
  out.sources = [...document.querySelectorAll('footer ol.sources > li')].map(li => {
    const a = li.querySelector('a[href]'), r = a ? a.getBoundingClientRect() : null;
    return {id: li.id, text: li.textContent.trim(), href: a ? a.getAttribute('href') : null,
            visible: !!r && r.width > 0 && r.left >= 0 && r.right <= vw + 0.5};
  });
  return out;
})()
"""


@pytest.fixture(scope="module")
def browser():
    # CI sets RESEARCH_KIT_REQUIRE_BROWSER when it installed Chromium: then a browser that
    # will not start is a failure, not a skip
    required = bool(os.environ.get("RESEARCH_KIT_REQUIRE_BROWSER"))
    binary, why = find_chromium()
    if binary is None:
        if required:
            pytest.fail(why)
        pytest.skip(why)
    try:
        chromium = Chromium(binary)
    except (BrowserError, OSError) as exc:
        if required:
            raise
        pytest.skip(f"Chromium ({binary}) would not start headless: {exc}")
    yield chromium
    chromium.close()


def _check(browser, html_path, model_urls: set[str]) -> None:
    for width in WIDTHS:
        browser.open(html_path.as_uri(), width)
        found = browser.evaluate(CHECK)
        where = f"at {width} px"
        assert found["page"][0] <= found["page"][1], f"page scrolls sideways {where}"
        assert found["bodyScroll"][0] <= found["bodyScroll"][1], f"body scrolls sideways {where}"
        assert found["overflow"] == [], f"blocks overflow their box {where}"
        assert found["outside"] == [], f"blocks stick out of the page {where}"
        assert found["overlaps"] == [], f"boxes overlap {where}"
        assert found["small"] == [], f"text under 11 px {where}"
        sources = found["sources"]
        assert sources, f"no source list {where}"
        ids = {s["id"] for s in sources}
        assert ids == {f"src-{n}" for n in range(1, len(sources) + 1)}
        assert {m.lstrip("#") for m in found["marks"]} <= ids, "a footnote mark leads nowhere"
        assert ids <= {m.lstrip("#") for m in found["marks"]}, "a source no mark cites"
        for source in sources:
            assert source["text"], source
            if source["href"] is not None:
                assert source["href"] in model_urls and source["visible"], (where, source)
        web = [s for s in sources if any(h in s["text"] for h in ("sec.gov", "greenhouse", ".com"))]
        assert all(s["href"] for s in web), f"a web source without its link {where}"


def _urls(model) -> set[str]:
    return {s.url for s in model.cited_in_order() if s.url.startswith(("http://", "https://"))}


def test_demo_brief_in_a_real_browser(browser, tmp_path):
    from research_kit.app.demo import prepare_demo_workspace
    from research_kit.workbench.research import open_research

    research = open_research(prepare_demo_workspace(tmp_path))
    files = research.write_brief()
    _check(browser, files.html_path, _urls(research.brief_model()))
    html = files.html_path.read_text(encoding="utf-8")
    assert "derived from" not in html and "us-gaap:" not in html


def test_long_tokens_wrap_in_a_real_browser(browser, tmp_path):
    """A 200-character URL, an XBRL-style concept name in a source title, a company name of
    one long word: all wrap inside their box at both widths."""
    model = sample_brief(True)
    long_url = "https://www.example.com/" + "/".join(["investor-relations-archive"] * 8) + ".htm"
    concept = "RevenueFromContractWithCustomerExcludingAssessedTaxAndOtherThings" * 2
    source = Source(long_url, "2026-02-24T15:02:11+00:00", title=concept, section=concept)
    points = [dataclasses.replace(p, text=p.text + " " + concept, sources=(source,))
              for p in model.talking_points[:2]] + list(model.talking_points[2:])
    header = dataclasses.replace(model.header, company="Supercalifragilisticexpialidocious" * 3)
    model = dataclasses.replace(model, talking_points=points, header=header)
    files = render_brief(model, tmp_path)
    _check(browser, files.html_path, _urls(model))
