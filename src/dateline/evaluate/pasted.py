"""``pasted``: the ``pages`` set's article pages as a person pastes them: the whole visible text.

Each page of ``shared/eval/pages`` is rendered in Debian's chromium through Playwright with
JavaScript off and every request blocked (the page's own HTML is served at its address; its style
sheets, images and scripts are not fetched), and ``document.body.innerText`` is taken, as select-all
and copy takes it. Rendering is slow, so the texts are cached outside the repository, one
``<n>.txt`` a page, in ``$DATELINE_PASTED_CACHE`` or ``~/.cache/dateline/pasted``; build the cache
once with ``dateline evaluate pasted --build-cache``. The gold is the pages set's own.

Keys: ``body_f1`` (shingle F1, as ``pages`` scores it), ``body_precision``, ``body_recall``,
``title_acc`` (exact after whitespace normalisation; ``title_acc_quotes_straight`` with curly and
straight quote marks taken as one), ``raw_f1`` (the pasted text itself, uncleaned, as a floor to
beat), ``n``.

Many a gold title is not in the pasted text at all: it is the page's ``<title>`` or a shorter or
longer form of the headline than the one the page shows. ``title_absent`` counts the pages whose gold
title is no line of the text (quote marks straight, case aside), and ``title_acc_shown`` scores the
reader on the others only, as a person reading the paste would name the title: quote marks
straight, and a headline the page's style sheet set in capitals taken as the same title (the text
keeps the capitals; its case cannot be read back).
"""
from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import urldefrag

from .. import errors
from ..errors import InputError
from ..read import Offered, Page, extract
from .pages import _STRAIGHT, norm, same_title
from .shingles import corpus_prf
from . import take

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
_RENDER_TIMEOUT_MS = 20_000
_PLACEHOLDER_ADDRESS = "http://pasted.invalid/"


def cache_dir(name: str = "pasted") -> Path:
    """Where the set ``name`` keeps its rendered texts: ``$DATELINE_<NAME>_CACHE`` (``-`` as ``_``) or
    ``~/.cache/dateline/<name>``."""
    env = os.environ.get(f"DATELINE_{name.upper().replace('-', '_')}_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "dateline" / name


def chromium_available() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return Path(CHROMIUM).exists()


@dataclass(frozen=True)
class Shown:
    """One page of a pasted set: its name in the cache, how to read its HTML, its address, and its
    gold body and title (``None`` where the set has none)."""
    stem: str
    html: Callable[[], bytes]
    address: Optional[str]
    body: str
    title: Optional[str]


def _pages(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> list[Shown]:
    shown = []
    for gt_file in take(sorted((path / "ground-truth").glob("*.json")), limit, half):
        doc = json.loads(gt_file.read_text(encoding="utf-8"))
        gold = doc["ground_truth"]
        shown.append(Shown(gt_file.stem, partial(_gunzipped, path / "html" / f"{gt_file.stem}.html.gz"),
                           doc.get("url"), gold.get("main_content", ""), gold.get("title")))
    return shown


def _gunzipped(file: Path) -> bytes:
    return gzip.decompress(file.read_bytes())


def build_cache(path: Path, cache: Optional[Path] = None, limit: Optional[int] = None,
                half: Optional[str] = None, progress=None) -> int:
    """Render the pages not yet in the cache; returns how many were rendered."""
    return render_missing(_pages(path, limit, half), cache or cache_dir(), progress)


def render_missing(pages: list[Shown], cache: Path, progress=None) -> int:
    """Render into ``cache`` those of ``pages`` it does not hold yet; returns how many were rendered."""
    todo = [p for p in pages if not (cache / f"{p.stem}.txt").exists()]
    if not todo:
        return 0  # nothing to render: no browser needed
    if not chromium_available():
        raise errors.no_browser(CHROMIUM)
    from playwright.sync_api import sync_playwright

    cache.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for k, shown in enumerate(todo, 1):
                text = render(browser, shown.html(), shown.address or _PLACEHOLDER_ADDRESS)
                (cache / f"{shown.stem}.txt").write_text(text, encoding="utf-8")
                if progress:
                    progress(k, len(todo), shown.stem)
        finally:
            browser.close()
    return len(todo)


def render(browser, html: bytes, address: str) -> str:
    """The visible text of ``html`` shown at ``address`` with JavaScript off and nothing fetched."""
    content_type = "text/html; charset=utf-8" if _is_utf8(html) else "text/html"
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.set_default_timeout(_RENDER_TIMEOUT_MS)

        served = urldefrag(address).url  # a browser asks for the page without its #fragment

        def serve(route) -> None:
            if route.request.url == served and route.request.is_navigation_request():
                route.fulfill(status=200, body=html, headers={"content-type": content_type})
            else:
                route.abort()

        page.route("**/*", serve)
        page.goto(address, wait_until="domcontentloaded")
        return page.evaluate("document.body ? document.body.innerText : ''")
    finally:
        context.close()


def _is_utf8(data: bytes) -> bool:
    """Whether the page reads as UTF-8, as nearly every server declares it in its headers (which the
    set does not keep); other pages are left to the browser's reading of their ``<meta charset>``."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def score(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> dict:
    return score_pasted(_pages(path, limit, half), cache_dir(), "pasted")


def score_pasted(pages: list[Shown], cache: Path, name: str) -> dict:
    """The keys above for ``pages`` read from their texts in ``cache`` (the set ``name``'s)."""
    missing = [p.stem for p in pages if not (cache / f"{p.stem}.txt").exists()]
    if missing:
        raise errors.pasted_not_rendered(len(missing), str(cache), name)
    pairs, raw_pairs, titles, shown = [], [], [], []
    for gold in pages:
        pasted = (cache / f"{gold.stem}.txt").read_text(encoding="utf-8")
        try:
            page = extract(Offered("eval", pasted.encode("utf-8"), "text"))
        except InputError:
            page = Page(text="")
        pairs.append((page.text, gold.body))
        raw_pairs.append((pasted, gold.body))
        titles.append(same_title(page.title, gold.title))
        if title_shown(pasted, gold.title):
            shown.append(titles[-1][1] or same_shown_title(page.title, gold.title))
    body = corpus_prf(pairs)
    return {
        "body_f1": body["f1"],
        "body_precision": body["precision"],
        "body_recall": body["recall"],
        "title_acc": sum(t[0] for t in titles) / len(titles) if titles else 0.0,
        "title_acc_quotes_straight": sum(t[1] for t in titles) / len(titles) if titles else 0.0,
        "title_absent": len(pages) - len(shown),
        "title_acc_shown": sum(shown) / len(shown) if shown else 0.0,
        "raw_f1": corpus_prf(raw_pairs)["f1"],
        "n": len(pages),
    }


def _folded(line: Optional[str]) -> str:
    return norm(line).translate(_STRAIGHT).casefold()


def title_shown(pasted: str, gold: Optional[str]) -> bool:
    """Whether the gold title is one line of the pasted text (quote marks straight, case aside)."""
    title = _folded(gold)
    return bool(title) and any(_folded(line) == title for line in pasted.splitlines())


def same_shown_title(found: Optional[str], gold: Optional[str]) -> bool:
    """A title found set wholly in capitals is the gold title in the case a style sheet gave it."""
    return bool(found) and norm(found).isupper() and _folded(found) == _folded(gold)
