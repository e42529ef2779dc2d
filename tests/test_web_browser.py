"""The reader in a real browser: Playwright for Python driving Debian's chromium against
``dateline serve`` started as a user would. Screenshots go to build/screenshots/ for a person to see."""
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

SHOTS = ROOT / "build" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def _chromium() -> str | None:
    for candidate in (os.environ.get("DATELINE_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="module")
def server(reader_store):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", str(reader_store["db"]),
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail("dateline serve did not start:\n" + proc.stdout.read().decode(errors="replace"))
            time.sleep(0.3)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    if executable is None:
        pytest.skip("chromium is not installed (apt-get install chromium, or set DATELINE_CHROMIUM): browser tests skipped")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.problems = []
    page.on("console", lambda m: m.type in ("error", "warning") and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("dialog", lambda d: (page.problems.append("dialog: " + d.message), d.dismiss()))
    yield page
    context.close()


def _before(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.map(e => getComputedStyle(e, '::before').content)")


@pytest.mark.parametrize("which", ["seed", "sample"])
def test_article_page_shows_highlights_scorecard_and_unnamed_sources(server, page, reader_store, which):
    if reader_store[which] is None:
        pytest.skip("the seed article (../shared/seed) is absent")
    article_id = reader_store[which]
    record = json.loads(urllib.request.urlopen(f"{server}/articles/{article_id}.json").read())
    page.goto(f"{server}/articles/{article_id}")
    page.screenshot(path=str(SHOTS / f"article-{which}.png"))
    page.screenshot(path=str(SHOTS / f"article-{which}-full.png"), full_page=True)
    assert page.locator("article.text .q").count() >= len(record["article"]["attributions"])
    unnamed = page.locator("article.text .q.anon.first")
    anonymous_ids = {a["id"] for a in record["view"]["attributions"] if a["anonymity"] == "anonymous"}
    assert anonymous_ids and unnamed.count() == len(anonymous_ids)
    assert unnamed.first.is_visible()
    # striped, and labelled "unnamed" before the words: seen without hovering
    assert "repeating-linear-gradient" in unnamed.first.evaluate("e => getComputedStyle(e).backgroundImage")
    assert all("unnamed" in c for c in _before(page, "article.text .q.anon.first"))
    named = page.locator("article.text .q:not(.anon):not(.via-anon):not(.thought)")
    if named.count():
        assert named.first.evaluate("e => getComputedStyle(e).backgroundImage") == "none"
    summary = page.locator(".anon-summary")
    assert summary.is_visible() and f"{record['view']['statements_by_anonymity']['anonymous']} of" in summary.inner_text()
    card = page.locator("section.scorecard")
    assert card.is_visible()
    assert card.locator('[data-key="claims"]').inner_text() == str(record["article"]["scorecard"]["claims"])
    assert card.locator("svg.chart rect.bar").count() > 0
    timex = page.locator("article.text .tx").first
    timex.hover()
    value = timex.get_attribute("data-value")
    assert timex.evaluate("e => getComputedStyle(e, '::after').content") == f'"{value}"'
    assert page.problems == []


def test_legend_switches_hide_and_show_a_layer(server, page, reader_store):
    page.goto(f"{server}/articles/{reader_store['sample']}")
    claim = page.locator("article.text .cl").first
    assert claim.evaluate("e => getComputedStyle(e).borderBottomWidth") != "0px"
    page.uncheck("#show-claims")
    assert claim.evaluate("e => getComputedStyle(e).borderBottomWidth") == "0px"
    page.check("#show-claims")
    assert claim.evaluate("e => getComputedStyle(e).borderBottomWidth") != "0px"


def test_search_open_an_article_follow_an_entity_and_the_json_twin(server, page, reader_store):
    sample = json.loads(urllib.request.urlopen(f"{server}/articles/{reader_store['sample']}.json").read())
    title = sample["article"]["title"]
    page.goto(server + "/")
    page.screenshot(path=str(SHOTS / "index.png"))
    page.fill('input[name="q"]', max(title.split(), key=len))
    page.click('button[type="submit"]')
    page.click(f'a.title[href="/articles/{sample["article"]["id"]}"]')
    assert page.locator("h1").inner_text() == title
    speaking = next(s for s in sample["view"]["sources"] if s["entity"])
    page.click(f'#src-{speaking["id"]} a[href*="/entities/"]')
    assert page.locator("h1").inner_text() == speaking["entity_name"]
    said = page.locator(".said-list li")
    assert said.count() == speaking["attributions"]
    page.screenshot(path=str(SHOTS / "entity.png"), full_page=True)
    page.click(".crumbs a")
    assert page.locator("h1").inner_text() == title
    page.click("a.json")
    assert json.loads(page.locator("body").inner_text())["article"]["id"] == sample["article"]["id"]
    assert page.problems == []


def test_markup_in_an_article_stays_text_in_the_browser(server, page, reader_store):
    for path in (f"/articles/{reader_store['hostile']}", "/?q=Geneva"):
        page.goto(server + path)
        assert page.evaluate("typeof window.__xss") == "undefined"
        assert page.locator("main img, main script, main b").count() == 0
        assert page.problems == []
    page.goto(f"{server}/articles/{reader_store['hostile']}")
    assert "<script>window.__xss = 1</script>" in page.locator("article.text").inner_text()
    page.screenshot(path=str(SHOTS / "hostile.png"))


def _corroborated_story(server) -> dict:
    stories = json.loads(urllib.request.urlopen(f"{server}/stories.json?min_outlets=2&kind=event").read())["stories"]
    assert stories, "the two desks' reports of one event make a story of two independent outlets"
    return stories[0]


def test_from_the_stories_to_a_report_in_its_article(server, page):
    story = _corroborated_story(server)
    page.goto(server + "/")
    page.click('header.top nav a[href="/stories"]')
    page.fill('input[name="min_outlets"]', "2")
    page.click('button[type="submit"]')
    page.click(f'a.title[href="/stories/{story["id"]}"]')
    assert page.locator(".anon-summary strong").first.inner_text() == str(story["independent_outlets"])
    page.screenshot(path=str(SHOTS / "story.png"), full_page=True)
    full = json.loads(urllib.request.urlopen(f"{server}/stories/{story['id']}.json").read())
    assert page.locator("ol.members li").count() == len(full["members"])
    first = full["members"][0]
    page.click("ol.members li a.evidence >> nth=0")
    # the report's article opens at the event, which the page marks as the target
    assert page.url.endswith(f"/articles/{first['article_id']}#f-{first['item_id']}")
    target = page.locator(f"#f-{first['item_id']}")
    assert target.is_visible() and first["text"] in target.inner_text()
    assert target.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    assert page.problems == []


def test_the_graph_links_to_an_entity_and_its_timeline_to_a_story(server, page, reader_store):
    page.goto(server + "/graph")
    graph = json.loads(urllib.request.urlopen(f"{server}/graph.json").read())
    assert page.locator(".graph svg path.edge").count() == len(graph["edges"]) > 0
    page.screenshot(path=str(SHOTS / "graph.png"), full_page=True)
    node = page.locator(".graph svg a circle.node").first
    node.click()
    assert page.url.rsplit("/", 1)[-1] in {n["id"] for n in graph["nodes"]}
    dots = page.locator(".chart-box svg circle.dot")
    assert dots.count() > 0
    page.screenshot(path=str(SHOTS / "corpus-entity.png"), full_page=True)
    page.locator(".chart-box svg a circle.dot").first.click()
    assert "/stories/" in page.url and page.locator("ol.members li").count() > 0
    if reader_store["seed"] is not None:  # the seed's own page, for a person to look at
        page.goto(f"{server}/articles/{reader_store['seed']}")
        page.screenshot(path=str(SHOTS / "article-seed-page.png"))
    assert page.problems == []
