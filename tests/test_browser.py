"""Published pages in headless Chromium with the network off: charts draw, nothing leaves
the machine, and article text never runs as code.

Skipped only when Chromium is missing and CI is not set; under CI a missing browser fails.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import chart_data
import pytest
from test_report import handmade_notebook

from tolltrace import config
from tolltrace.publish import report

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DRAW_TIMEOUT_MS = 30_000

pytestmark = pytest.mark.browser


def _require_chromium() -> None:
    """Skip without Chromium, except under CI where its absence is a failure."""
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {CHROMIUM} is missing (apt-get install chromium)")
    pytest.skip(f"{CHROMIUM} not installed")


@dataclass
class PageVisit:
    """What happened while a page was open."""

    marks: dict[str, int] = field(default_factory=dict)
    drawn: dict[str, str] = field(default_factory=dict)
    blocked_requests: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    tooltip_html: str = ""
    injected: int = 0
    body_text: str = ""


MARK_COUNTS_JS = """() => {
  const out = {};
  for (const view of document.querySelectorAll('.tolltrace-chart-view')) {
    // Data marks only (Vega gives them role-mark), not axes, grids or legends.
    out[view.id] = view.querySelectorAll('svg g.role-mark > *').length;
  }
  return out;
}"""

# Elements an article's markup would have created if it had been parsed as HTML.
INJECTED_JS = """() => document.querySelectorAll('img[src="x"], [onerror]').length
  + [...document.scripts].filter(
      s => s.type !== 'application/json' && s.textContent.includes('alert(')).length"""


def visit(path: Path, hover_text: str | None = None) -> PageVisit:
    """Open `path` in headless Chromium offline and record what the page did."""
    from playwright.sync_api import sync_playwright

    result = PageVisit()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()

        def route(r):
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                result.blocked_requests.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda err: result.page_errors.append(str(err)))
        page.on(
            "console",
            lambda msg: result.console_errors.append(msg.text) if msg.type == "error" else None,
        )
        page.on("dialog", lambda d: (result.dialogs.append(d.message), d.dismiss()))
        page.goto(path.resolve().as_uri())
        page.wait_for_function(
            "() => [...document.querySelectorAll('.tolltrace-chart-view')]"
            ".every(v => v.hasAttribute('data-drawn'))",
            timeout=DRAW_TIMEOUT_MS,
        )
        views = page.query_selector_all(".tolltrace-chart-view")
        result.drawn = {v.get_attribute("id"): v.get_attribute("data-drawn") for v in views}
        result.marks = page.evaluate(MARK_COUNTS_JS)
        if hover_text:
            result.tooltip_html = _hover_until(page, hover_text)
        result.injected = page.evaluate(INJECTED_JS)
        result.body_text = page.inner_text("body")
        browser.close()
    return result


def _hover_until(page, text: str) -> str:
    """Hover chart symbols until the tooltip shows `text`; return the tooltip's HTML."""
    for symbol in page.query_selector_all(".tolltrace-chart-view g.mark-symbol path"):
        box = symbol.bounding_box()
        if not box:
            continue
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_timeout(150)
        tip = page.query_selector("#vg-tooltip-element")
        if tip and text in (tip.inner_text() or ""):
            return tip.inner_html()
    return ""


def _assert_clean(result: PageVisit, expected_charts: int | None = None) -> None:
    """Every chart drew marks; no request left the machine; no error; nothing injected."""
    if expected_charts is None:
        assert result.drawn, "the page has no chart"
    else:
        assert len(result.drawn) == expected_charts, result.drawn
    assert set(result.drawn.values()) <= {"true"}, result.drawn
    assert all(count > 0 for count in result.marks.values()), result.marks
    assert result.blocked_requests == []
    assert result.page_errors == []
    assert result.console_errors == []
    assert result.dialogs == []
    assert result.injected == 0


def test_handmade_page_draws_and_keeps_article_text_inert(tmp_path):
    _require_chromium()
    page = tmp_path / "handmade.html"
    page.write_text(report.export_html(handmade_notebook(), "Handmade"), encoding="utf-8")
    result = visit(page, hover_text="Monitors said")
    _assert_clean(result)
    # The claim is still shown, as text: in the table and in the tooltip.
    assert 'Monitors said <script>alert("x")</script> 40 people died' in result.body_text
    assert "&lt;script&gt;" in result.tooltip_html
    assert "<img" not in result.tooltip_html and "<script" not in result.tooltip_html
    assert chart_data.XSS_SENTENCE.split(" 40")[0] in result.body_text


def _assert_index_clean(page: Path) -> None:
    """The index shows every chart image from disk, offline, with no error."""
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []
    errors: list[str] = []

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tab = browser.new_page()
        tab.route("**/*", route)
        tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.goto(page.resolve().as_uri())
        tab.wait_for_load_state("load")
        widths = tab.evaluate("() => [...document.images].map(i => i.naturalWidth)")
        browser.close()
    assert widths and all(w > 0 for w in widths), widths
    assert blocked == [] and errors == []


@pytest.mark.parametrize("page", sorted(config.REPORTS_DIR.glob("*.html")), ids=lambda p: p.name)
def test_published_report_pages(page):
    _require_chromium()
    if page.name == "index.html":
        _assert_index_clean(page)
        return
    # Every chart the page carries must draw; a page of tables only (01) must still load
    # with no request leaving the machine and no error.
    expected = page.read_text(encoding="utf-8").count('class="tolltrace-chart-view')
    _assert_clean(visit(page), expected_charts=expected)


@pytest.mark.slow
def test_reports_on_the_messy_corpus_show_the_script_claim_as_text(tmp_path):
    """The whole pipeline, reports included, on every bad-input case at once."""
    from messy_corpus import build_messy_corpus

    from tolltrace.tables.csvio import read_table

    corpus = build_messy_corpus(tmp_path / "raw", huge=False)
    out = tmp_path / "reports"
    report.build_reports(corpus.folder, tmp_path / "processed", out)
    ledger = read_table(tmp_path / "processed" / "articles.csv")
    assert set(corpus.expected_status) <= set(ledger["file"])
    claims = read_table(tmp_path / "processed" / "claims.csv")
    scripted = claims[claims["sentence"].str.contains("<script>", regex=False)]
    assert len(scripted) >= 1
    pages = sorted(out.glob("*.html"))
    assert len(pages) == 4
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script>alert(" not in text and "<img src=x" not in text, page.name
        assert not re.search(r"<[a-z]+[^>]*\bonerror\s*=", text), page.name
    first = out / "01-extract-claims.html"
    assert "&lt;script&gt;alert(" in first.read_text(encoding="utf-8")
    _require_chromium()
    for page in pages:
        if page.name == "index.html":
            continue
        expected = page.read_text(encoding="utf-8").count('class="tolltrace-chart-view')
        result = visit(page)
        _assert_clean(result, expected_charts=expected)
        if page == first:
            assert "<script>alert(" in result.body_text  # the claim is shown, as text


LAYOUT_JS = """() => ({
  width: document.documentElement.scrollWidth,
  viewport: !!document.querySelector('meta[name="viewport"]'),
  home: !!document.querySelector('a[href="index.html"]'),
  links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
})"""


@pytest.mark.parametrize("width", [1280, 390])
def test_every_page_fits_a_phone_and_a_desktop_and_its_links_resolve(width):
    """Issue 24: a viewport tag, no horizontal scrolling, a way back to the front page,
    and every local link (pages, charts, data) pointing at a file that exists."""
    _require_chromium()
    from playwright.sync_api import sync_playwright

    pages = sorted(config.REPORTS_DIR.glob("*.html"))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        view = browser.new_page(viewport={"width": width, "height": 900})
        view.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://")
                   else r.abort())  # fmt: skip
        for path in pages:
            view.goto(path.resolve().as_uri())
            layout = view.evaluate(LAYOUT_JS)
            assert layout["viewport"], path.name
            assert layout["width"] <= width, (path.name, layout["width"])
            if path.name != "index.html":
                assert layout["home"], path.name
            local = [h for h in layout["links"] if not h.startswith(("http:", "https:", "#"))]
            for href in local:
                assert (path.parent / href).is_file(), (path.name, href)
        browser.close()
