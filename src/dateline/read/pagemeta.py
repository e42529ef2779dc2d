"""What an HTML page says about its article besides the body: title, publication date, site names.

Title: the page's visible headline (``h1``) when it agrees with the metadata titles (og:title,
JSON-LD headline, ``<title>``, twitter:title), else the first metadata title; site names and section
names are stripped from either end ("Headline | Site", "Site - Headline", "Headline | Opinion").
A headline in capitals takes the metadata's casing, unless the metadata writes it in capitals too;
an ``h1`` in capitals that no metadata title repeats is a label ("SUPPORTING GAAP COMPLIANCE").

Publication date, in this order:
1. a metadata publication date (JSON-LD ``datePublished``, ``article:published_time``,
   ``itemprop=datePublished``, htmldate's original date) that the page also *shows* its reader;
2. a date the page shows after a publication label ("Published", "Posted on");
3. a date the page shows after an update label ("Last updated:"), when the page shows no
   publication date at all: that is the date its reader sees;
4. with no metadata publication date, and htmldate's guess (from the address or the scripts) shown
   nowhere: the first date in the upper half of the page's text (lower down dates belong to
   comments, related posts and footers);
5. the first metadata publication date, else htmldate's guess.
Dates only in the metadata are often template or first-draft dates; the date a page shows is
the one a reader would cite.
"""
from __future__ import annotations

import functools
import html
import json
import re
from dataclasses import dataclass, field
from typing import Callable, Iterator, Optional
from urllib.parse import urlparse

from lxml import etree

from .. import lexicons
from .dates import ShownDate, iso_day, shown_dates

_WS = re.compile(r"\s+")
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—:·•»~/]|::|\|\|)\s+|\s*[|·•»]\s*")
_ARTICLE_TYPES = ("Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
                  "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting",
                  "TechArticle", "ScholarlyArticle", "Report", "WebPage", "Posting", "SocialMediaPosting")
_SITE_TYPES = ("WebSite", "Organization", "NewsMediaOrganization", "Corporation")
_MAX_TITLE_WORDS = 40
_H1_AGREEMENT = 0.3  # share of a headline's words found in a metadata title for the two to agree
_VISIBLE_CHARS = 300_000
_MAX_H1S = 6  # headlines read: a page's first few; the rest are teasers


def norm(text: Optional[str]) -> str:
    """Whitespace collapsed; entities left escaped twice by the page ("&amp;#x26;") decoded."""
    text = _WS.sub(" ", text or "").strip()
    return html.unescape(text) if "&" in text else text


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", norm(text).lower().replace("’", "'"))


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", norm(text).lower().replace("’", "'")))


@dataclass(slots=True)
class Markup:
    """The metadata a page carries about its article."""

    og_title: str = ""
    twitter_title: str = ""
    document_title: str = ""
    ld_headline: str = ""
    h1s: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)  # ISO days, most trusted first
    site_names: set[str] = field(default_factory=set)  # as keys (lower-case letters and digits)
    declared_bodies: list[str] = field(default_factory=list)  # JSON-LD articleBody texts


def read_markup(tree, url: Optional[str], sitename: Optional[str] = None) -> Markup:
    def first(xpath: str) -> str:
        found = tree.xpath(xpath)
        return norm(found[0]) if found else ""

    metas: dict[str, str] = {}  # the first content of each meta property or name, from one look
    for meta in tree.iter("meta"):
        for key in (meta.get("property"), meta.get("name")):
            if key and key not in metas and meta.get("content"):
                metas[key] = norm(meta.get("content"))
    m = Markup(
        og_title=metas.get("og:title", ""),
        twitter_title=metas.get("twitter:title", ""),
        document_title=first("//head/title/text()") or first("//title/text()"),
        h1s=[norm(headline_text(h)) for h in tree.iter("h1")][:_MAX_H1S],
    )
    names = {sitename or "", metas.get("og:site_name", ""), metas.get("application-name", "")}
    ld_published: list[str] = []
    for item, is_article in _json_ld_items(tree):
        if is_article:
            if not m.ld_headline and isinstance(item.get("headline"), str):
                m.ld_headline = norm(item["headline"])
            if isinstance(item.get("datePublished"), str):
                ld_published.append(item["datePublished"])
            if isinstance(item.get("articleBody"), str) and item["articleBody"].strip():
                m.declared_bodies.append(item["articleBody"])
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            names.add(publisher["name"])
        types = item.get("@type")
        types = types if isinstance(types, list) else [types]
        if any(t in _SITE_TYPES for t in types) and isinstance(item.get("name"), str):
            names.add(item["name"])
    host = urlparse(url or "").hostname or ""
    if host:
        host = host[4:] if host.startswith("www.") else host
        names.update({host, registered_label(host)})
    m.site_names = {k for k in map(_key, names) if len(k) >= 3}
    for value in [*ld_published, metas.get("article:published_time"),
                  first("//*[@itemprop='datePublished']/@content"), first("//*[@itemprop='datePublished']/@datetime")]:
        day = iso_day(value)
        if day and day not in m.published:
            m.published.append(day)
    return m


@dataclass(slots=True)
class PageFacts:
    """What the page says about its article besides the body."""

    title: Optional[str]
    url: Optional[str]
    outlet: Optional[str]
    authors: list[str]
    published: Optional[str]
    declared_bodies: list[str]  # the article texts the page declares in its JSON-LD


_DATE_PARAMS = {"original_date": True, "extensive_search": True}


def trafilatura_metadata(tree, url: Optional[str]):
    """trafilatura's reading of the page's metadata tags and JSON-LD (``extract_metadata``'s first
    steps, in its order): title, author, address and site name. Its search of the page's markup for
    a byline (``marked_authors``) and htmldate's date (``htmldate_day``) are asked for only where
    needed: they cost more than the rest together."""
    from trafilatura.metadata import META_URL, examine_meta, extract_meta_json, extract_sitename, extract_title, extract_url

    document = examine_meta(tree)
    if document.author and " " not in document.author:
        document.author = None
    try:
        document = extract_meta_json(tree, document)
    except Exception:  # noqa: BLE001 -- trafilatura's JSON-LD reader has bugs of its own; its meta tags stand
        pass
    document.title = document.title or extract_title(tree)
    document.url = document.url or extract_url(tree, url)
    sitename = document.sitename or extract_sitename(tree)
    if sitename:
        sitename = sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
    elif document.url and META_URL.match(document.url):
        sitename = META_URL.match(document.url)[1]
    document.sitename = sitename
    document.clean_and_trim()
    return document


def htmldate_day(tree, url: Optional[str]) -> Optional[str]:
    """htmldate's publication date for the page, as trafilatura asks for it (original date,
    extensive search)."""
    from htmldate import find_date

    return iso_day(find_date(tree, url=url, **_DATE_PARAMS))


def marked_authors(tree) -> list[str]:
    """The authors named where the page's markup marks them (``rel="author"``, an "author-name"
    class ...), by trafilatura's ``extract_author``, for a page whose metadata and article name none."""
    from trafilatura.metadata import extract_author

    from .text import clean_authors

    return clean_authors([extract_author(tree) or ""])


def read_metadata(tree, url: Optional[str], given: dict) -> PageFacts:
    """Title, address, outlet, authors and publication date: what the container gave (``given``:
    url, title, outlet, published) first, then the page's metadata tags and JSON-LD read by
    trafilatura and by ``read_markup``, the dates the page shows and htmldate's. The tree is not
    changed."""
    from .text import clean_authors

    document = trafilatura_metadata(tree, url)
    page_url = url or document.url
    markup = read_markup(tree, page_url, document.sitename)
    title, headline = choose_title(markup)
    published = given.get("published")
    if not published:
        page = visible_text(tree)
        headline_at = page.headlines[headline] if headline is not None and headline < len(page.headlines) else None
        if headline_at is None and title and title in page.text:
            headline_at = page.text.index(title)
        published = choose_published(markup, functools.partial(htmldate_day, tree, page_url),
                                     shown_dates(page.text), headline_at)
    host = urlparse(page_url or "").hostname
    return PageFacts(
        title=given.get("title") or title or norm(document.title) or None,
        url=page_url,
        outlet=given.get("outlet") or document.sitename or (host[4:] if host and host.startswith("www.") else host),
        authors=clean_authors([document.author or ""]),
        published=published,
        declared_bodies=markup.declared_bodies,
    )


_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go"})


def registered_label(host: str) -> str:
    """The name a site registered: "cornell" for gardening.cals.cornell.edu, "bbc" for
    www.bbc.co.uk. Subdomain labels ("gardening", "blog") are not the site's name."""
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


_SPACED = frozenset({"br", "div", "p", "span", "small", "li", "section"})
_NOT_HEADLINE = frozenset({"h2", "h3", "h4", "h5", "h6", "time", "script", "style", "noscript", "button"})
_META_CLASS = re.compile(r"date|posted|byline|author", re.I)


def headline_text(el) -> str:
    """A headline element's text with a space where a line break or another box separates two
    pieces ("Top MBA Programs<br>Your Guide" reads "Top MBA Programs Your Guide"), leaving out what
    a template nests in it besides the headline: a dated byline in a sub-heading, a <time>."""
    parts = [el.text or ""]

    def walk(parent) -> None:
        for child in parent:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag and tag not in _NOT_HEADLINE and not _META_CLASS.search(child.get("class") or ""):
                spaced = tag in _SPACED
                parts.append(" " if spaced else "")
                parts.append(child.text or "")
                walk(child)
                parts.append(" " if spaced else "")
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return "".join(parts)


def _json_ld_items(tree) -> Iterator[tuple[dict, bool]]:
    """Every object in the page's JSON-LD, with whether it describes an article."""
    for script in tree.xpath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            obj = stack.pop()
            if isinstance(obj, list):
                stack.extend(reversed(obj))
            elif isinstance(obj, dict):
                types = obj.get("@type")
                types = types if isinstance(types, list) else [types]
                yield obj, any(t in _ARTICLE_TYPES for t in types if isinstance(t, str))
                graph = obj.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))


# ---------------------------------------------------------------- title

@functools.cache
def _sections() -> frozenset[str]:
    return frozenset(_key(s) for s in lexicons.lines("title_sections.txt"))


def is_section_name(text: str) -> bool:
    """A section or page-kind label ("Analysis", "World news")."""
    return _key(text) in _sections()


def _is_site_segment(segment: str, site_names: set[str]) -> bool:
    k = _key(segment)
    if not k or k in _sections():
        return True
    # a segment naming the site in part ("Kroll" for kroll.com) or in full with a little more
    # ("The Motley Fool"); not a headline that merely contains the site's name
    return any(k == n or (len(k) >= 4 and k in n) or (n in k and 2 * len(n) >= len(k)) for n in site_names)


def strip_site(title: str, site_names: set[str]) -> str:
    """``title`` without site or section names at either end of its separated segments."""
    title = norm(title)
    cuts = list(_TITLE_SEPARATOR.finditer(title))
    if not cuts:
        return title
    spans, pos = [], 0
    for cut in cuts:
        spans.append((pos, cut.start()))
        pos = cut.end()
    spans.append((pos, len(title)))
    first, last = 0, len(spans)
    while last - first > 1 and _is_site_segment(title[slice(*spans[last - 1])], site_names):
        last -= 1
    while last - first > 1 and _is_site_segment(title[slice(*spans[first])], site_names):
        first += 1
    kept = spans[first:last]
    if len(kept) > 1 and all(title[a:b].strip() in ("|", "||", "") or "|" in title[a:b]
                             for a, b in zip([e for _, e in kept[:-1]], [b for b, _ in kept[1:]])):
        # segments set apart by pipes: a headline and its tagline or section; the longest is the headline
        return max((title[a:b].strip() for a, b in kept), key=len)
    return title[spans[first][0]:spans[last - 1][1]].strip()


def choose_title(markup: Markup) -> tuple[Optional[str], Optional[int]]:
    """The title, and which of the page's ``h1`` headlines it is (None when it comes from the
    metadata alone)."""
    names = markup.site_names
    metas = [t for t in (markup.og_title, markup.ld_headline, markup.document_title, markup.twitter_title) if t]
    meta_titles = [strip_site(t, names) for t in metas]
    best, best_at, best_agreement = None, None, -1.0
    for at, h1 in enumerate(markup.h1s):
        h1 = strip_site(h1, names)
        words = _words(h1)
        if not words or len(h1.split()) > _MAX_TITLE_WORDS or _is_site_segment(h1, names):
            continue
        if h1.isupper() and metas and not any(_key(t) == _key(h1) for t in meta_titles):
            continue  # a label in capitals ("SUPPORTING GAAP COMPLIANCE") that no metadata title repeats
        agreement = max((len(words & _words(t)) / len(words) for t in metas), default=0.0)
        if agreement > best_agreement:
            best, best_at, best_agreement = h1, at, agreement
    if best is not None and (best_agreement >= _H1_AGREEMENT or not metas):
        if best.isupper() and best not in meta_titles:
            # a headline set in capitals by its style sheet: take the metadata's casing, unless the
            # metadata writes it in capitals too
            best = next((t for t in meta_titles if _key(t) == _key(best) and not t.isupper()), best)
        return best, best_at
    return next((t for t in meta_titles if t), None), None


# ---------------------------------------------------------------- dates the page shows

_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "svg", "title"})


@dataclass(slots=True)
class VisibleText:
    """The page's readable text (no scripts, styles or head), pieces joined by spaces and
    whitespace collapsed, up to about 300,000 characters; ``headlines``: where the text of each of
    the page's first ``h1`` elements begins in it (None for one not reached)."""

    text: str
    headlines: list[Optional[int]]


def visible_text(tree, headlines: int = _MAX_H1S) -> VisibleText:
    """The page's visible text, from one walk of the tree, which is not changed."""
    body = tree.find("body")
    parts: list[str] = []
    size = 0
    h1_at: list[Optional[int]] = []

    def add(piece: str) -> int:
        piece = _WS.sub(" ", piece).strip()
        if piece:
            parts.append(piece)
        return len(piece) + 1 if piece else 0

    walk = etree.iterwalk(body if body is not None else tree, events=("start", "end"))
    for event, el in walk:
        if event == "start" and isinstance(el.tag, str):
            if el.tag in _INVISIBLE:
                walk.skip_subtree()  # a script's code, a style sheet; text after them (their tails) is shown
                continue
            if el.tag == "h1" and len(h1_at) < headlines:
                h1_at.append(size)
            if el.text:
                size += add(el.text)
        elif event == "end" and el.tail:
            size += add(el.tail)  # a comment's or a script's tail too
        if size > _VISIBLE_CHARS:
            break
    return VisibleText(" ".join(parts), h1_at)


_BEFORE_HEADLINE = 60  # characters before a headline where its date may stand ("May 5, 2025 | World")
_AFTER_HEADLINE = 400  # characters after its start where its byline and date stand


def choose_published(markup: Markup, htmldate: Callable[[], Optional[str]], shown: list[ShownDate],
                     headline_at: Optional[int] = None) -> Optional[str]:
    """The publication date. ``htmldate`` gives htmldate's date, asked for only where it decides;
    ``shown``: the dates in the page's visible text; ``headline_at``: where the article's headline
    begins in that text, if it is there.

    1. Dates shown with the headline (under it, to the end of its byline, then just above it,
       nearest first): the first of them that the metadata or htmldate also gives; else the first
       with a publication label ("Published"); else the first. A reader cites the date printed with
       the headline; the metadata's may be a template's or a first draft's.
    2. Otherwise htmldate's date (original date, extensive search), or one of the metadata's
       publication dates, when the page shows it anywhere.
    3. Otherwise a date the page shows after a publication label, else after an update label: the
       only date its reader sees.
    4. Otherwise the metadata's first publication date (JSON-LD's ``datePublished`` and the like,
       unambiguous), else htmldate's."""
    htmldate = functools.cache(htmldate)
    if headline_at is not None:
        below = [d for d in shown if headline_at <= d.start <= headline_at + _AFTER_HEADLINE]
        above = [d for d in shown if headline_at - _BEFORE_HEADLINE <= d.start < headline_at]
        at_head = below + above[::-1]  # under the headline first, then above it, nearest first
        if at_head:
            return (next((d.day for d in at_head if d.day in markup.published or d.day == htmldate()), None)
                    or next((d.day for d in at_head if d.kind == "published"), None)
                    or at_head[0].day)
    days_shown = {d.day for d in shown}
    for day in (htmldate(), *markup.published):
        if day and day in days_shown:
            return day
    for kind in ("published", "updated"):
        day = next((d.day for d in shown if d.kind == kind), None)
        if day:
            return day
    return markup.published[0] if markup.published else htmldate()
