"""A newcomer in real headless Chromium: from a search for Baikonur to the seed cable, to the BTSA
agreement, to its joint timeline with the Baikonur Cosmodrome, then the reference graph.

Needs Debian's chromium (/usr/bin/chromium) and Playwright for Python; never downloads a browser.
Screenshots go to tmp, or to $LEGATION_SCREENSHOTS (tools/screenshots.py sets docs/screenshots).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from server import running_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Milliseconds a page may take to load or a selector to appear.
WAIT_MS = 15_000

pytestmark = pytest.mark.browser


def playwright_or_skip():
    # CI sets LEGATION_REQUIRE_BROWSER=1: there a missing browser is a failure, not a skip.
    give_up = pytest.fail if os.environ.get("LEGATION_REQUIRE_BROWSER") else pytest.skip
    if not Path(CHROMIUM).exists():
        give_up(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        give_up("playwright is missing (pip install playwright)")
    return sync_playwright


def test_browser_newcomer_walk(store_path, tmp_path):
    sync_playwright = playwright_or_skip()
    shots = Path(os.environ.get("LEGATION_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with running_server(store_path) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(WAIT_MS)
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))

            # 1. Search from the home page.
            page.goto(base + "/")
            page.fill("main input[name=q]", "Baikonur")
            page.press("main input[name=q]", "Enter")
            page.wait_for_selector("ol.hit-list")
            assert "q=Baikonur" in page.url
            page.screenshot(path=str(shots / "1-search.png"), full_page=True)

            # 2. Open the seed cable from the results.
            page.click("a.hit-title[href='/doc/07MOSCOW3736']")
            page.wait_for_selector(".cable-card")
            assert page.inner_text("h1") == "RUSSIAN NOTE ON SEA LAUNCH, MFA COMMENTS ON SPACE ISSUES"
            page.screenshot(path=str(shots / "2-document.png"), full_page=True)

            # 3. Follow the highlighted BTSA mention to the agreement's dossier.
            page.click("a.mention:text-is('BTSA')")
            page.wait_for_selector(".dossier")
            assert "Baikonur Technology Safeguards Agreement" in page.inner_text("h1")
            page.screenshot(path=str(shots / "3-entity.png"), full_page=True)

            # 4. The joint timeline of the agreement and the cosmodrome: both seed documents.
            page.click("ul.cooc li:has(a:text-is('Baikonur Cosmodrome')) a.joint")
            page.wait_for_selector("ol.entries")
            sources = page.eval_on_selector_all("ol.entries a.source", "els => els.map(e => e.textContent)")
            assert any("RUSSIAN NOTE ON SEA LAUNCH" in s for s in sources)
            assert any("Baiterek" in s for s in sources)
            page.screenshot(path=str(shots / "4-timeline.png"), full_page=True)

            # 5. Back to the cable and its reference graph, drawn by Cytoscape.
            page.click("ol.entries a.source[href='/doc/07MOSCOW3736']")
            page.click("text=Reference graph")
            page.wait_for_selector("#graph[data-ready=true] canvas")
            page.screenshot(path=str(shots / "5-graph.png"), full_page=True)
        finally:
            browser.close()
    assert not problems, problems
    if os.environ.get("LEGATION_SCREENSHOTS") is None:
        assert sorted(p.name for p in shots.glob("*.png")) == [
            "1-search.png", "2-document.png", "3-entity.png", "4-timeline.png", "5-graph.png"]
    shutil.rmtree(tmp_path / "unused", ignore_errors=True)
