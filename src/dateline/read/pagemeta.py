"""What an HTML page says about its article besides the body: title, publication date, site names.

Title: the page's visible headline (``h1``) when it agrees with the metadata titles (og:title,
JSON-LD headline, ``<title>``, twitter:title; in the metadata's characters where the two differ only
in capitals or curly quotes), else the first metadata title; site names and section
names are stripped from either end ("Headline | Site", "Site - Headline", "Headline | Opinion").
A headline in capitals takes the metadata's casing, unless the metadata writes it in capitals too;
an ``h1`` in capitals that no metadata title repeats is a label ("SUPPORTING GAAP COMPLIANCE").
A metadata "title" that is a long sentence ending in a full stop is the page's description in the
wrong tag, not a title. A headline a metadata title repeats is not taken for the site's name, even
where a template filled the site's name with the title; a headline whose characters the page lost to
question marks ("Planning? Beginner? Guide") takes the metadata's; one cut short with an ellipsis
takes the title that carries it on. Segments set apart by pipes are a headline and its tagline (the
longest is kept) unless all are as long as a sentence; a closing guillemet ends a quotation («...»),
not a segment. A kicker nested in the ``h1`` is not the headline's, nor are characters that show
nothing (soft hyphens, zero-width spaces).

Publication date, in this order:
1. a metadata publication date (JSON-LD ``datePublished``, ``article:published_time``,
   ``itemprop=datePublished``; htmldate's original date only where the page has none of these)
   that the page also *shows* its reader;
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
import itertools
import json
import re
from dataclasses import dataclass, field
from typing import Callable, Iterator, Optional
from urllib.parse import urlparse

from lxml import etree

from .. import lexicons
from .dates import ShownDate, iso_day, shown_dates

_WS = re.compile(r"\s+")
_INVISIBLE_CHARACTERS = re.compile("[\u00ad\u200b\u2060\ufeff]")  # soft hyphen, zero-width space, word joiners
# what templates set between a headline and the site's name: WordPress's SEO plugins offer - – — : · •
# * ⋆ | ~ « » < > (a spaced « is left out: French quotation marks are spaced), breadcrumbs use › and /
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—:·•»~/*⋆<>›]|::|\|\|)\s+|\s*[|·•»]\s*")
_ARTICLE_TYPES = ("Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
                  "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting",
                  "TechArticle", "ScholarlyArticle", "Report", "WebPage", "Posting", "SocialMediaPosting")
_SITE_TYPES = ("WebSite", "Organization", "NewsMediaOrganization", "Corporation")
_MAX_TITLE_WORDS = 40
_MAX_SENTENCE_TITLE_WORDS = 15  # a metadata "title" longer than this that ends a sentence is a summary
_SENTENCE_SEGMENT_WORDS = 5  # segments this long on either side of a pipe are both the headline's
_H1_AGREEMENT = 0.3  # share of a headline's words found in a metadata title for the two to agree
_VISIBLE_CHARS = 300_000
_MAX_H1S = 6  # headlines read: a page's first few; the rest are teasers
_BEFORE_HEADLINE = 60  # characters before a headline where its date may stand ("May 5, 2025 | World")
_AFTER_HEADLINE = 400  # characters from its start where its byline and date stand
_DATE_CHARS = 40  # room for the whole of a date that starts at the end of that stretch


def norm(text: Optional[str]) -> str:
    """Entities left escaped twice by the page ("&amp;#x26;", "&amp;nbsp;") decoded, characters that
    show nothing (a soft hyphen, a zero-width space) dropped, whitespace collapsed."""
    text = text or ""
    if "&" in text:
        text = html.unescape(text)
    return _WS.sub(" ", _INVISIBLE_CHARACTERS.sub("", text)).strip()


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
    h1_elements: list = field(default_factory=list)  # the elements of ``h1s``
    published: list[str] = field(default_factory=list)  # ISO days, most trusted first
    site_names: set[str] = field(default_factory=set)  # as keys (lower-case letters and digits)
    declared_bodies: list[str] = field(default_factory=list)  # JSON-LD articleBody texts


_MARKED_PUBLISHED = etree.XPath("//*[@itemprop='datePublished']")


def read_markup(tree, url: Optional[str], sitename: Optional[str] = None) -> Markup:
    def first(xpath: str) -> str:
        found = tree.xpath(xpath)
        return norm(found[0]) if found else ""

    metas: dict[str, str] = {}  # the first content of each meta property or name, from one look
    for meta in tree.iter("meta"):
        for key in (meta.get("property"), meta.get("name")):
            if key and key not in metas and meta.get("content"):
                metas[key] = norm(meta.get("content"))
    h1_elements = list(itertools.islice(tree.iter("h1"), _MAX_H1S))
    m = Markup(
        og_title=metas.get("og:title", ""),
        twitter_title=metas.get("twitter:title", ""),
        document_title=first("//head/title/text()") or first("//title/text()"),
        h1s=[norm(headline_text(h)) for h in h1_elements],
        h1_elements=h1_elements,
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
    marked = _MARKED_PUBLISHED(tree)
    for value in [*ld_published, metas.get("article:published_time"),
                  *(el.get(name) for name in ("content", "datetime") for el in marked[:1])]:
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


# Every mark trafilatura's author search (``AUTHOR_XPATHS``) looks for is an element named ``author``
# (or ``rel``, which its ``rel='me'`` reads) or an attribute below holding one of these words, in any
# case: ``rel="author"``, an itemprop, test id or component naming the author or byline, a class or id
# holding one of its words. Its own search runs regular expressions in Python over every element of a
# copy of the page; these values are gathered in C and searched as one string.
_AUTHOR_MARK_VALUES = etree.XPath("//@class | //@id | //@rel | //@itemprop | //@data-testid | //@data-component",
                                  smart_strings=False)
_AUTHOR_MARK_WORDS = ("author", "byl", "bbl", "username", "channel-name", "zuozhe", "bianji", "xiaobian",
                      "submitted-by", "posted-by", "journalist-name", "screenname", "writer")


def may_mark_authors(tree) -> bool:
    """Whether the page holds a mark trafilatura's author search looks for (when it does not, that
    search finds nothing)."""
    if next(tree.iter("author", "rel"), None) is not None:
        return True
    values = "\n".join(_AUTHOR_MARK_VALUES(tree)).lower()
    return any(word in values for word in _AUTHOR_MARK_WORDS)


def marked_authors(tree) -> list[str]:
    """The authors named where the page's markup marks them (``rel="author"``, an "author-name"
    class ...), by trafilatura's ``extract_author``, for a page whose metadata and article name none.
    A page that holds none of the marks it looks for (``may_mark_authors``) is not searched: its
    search copies the whole page first."""
    from trafilatura.metadata import extract_author

    from .text import clean_authors

    return clean_authors([(extract_author(tree) if may_mark_authors(tree) else None) or ""])


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
        at_head = dates_at_headline(markup.h1_elements[headline]) if headline is not None else []
        published = choose_published(markup, functools.partial(htmldate_day, tree, page_url), at_head,
                                     lambda: shown_dates(visible_text(tree)))
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
# what a template nests in a headline besides it: its date and byline, and its kicker (the small line
# over a headline naming its topic: "Exclusive", "Analysis", "Election 2025")
_META_CLASS = re.compile(r"date|posted|byline|author|kicker|eyebrow|overline|topline|dachzeile|surtit|supertitle", re.I)


def headline_text(el) -> str:
    """A headline element's text with a space where a line break or another box separates two
    pieces ("Top MBA Programs<br>Your Guide" reads "Top MBA Programs Your Guide"), leaving out what
    a template nests in it besides the headline: a dated byline in a sub-heading, a <time>, a kicker."""
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


_GUILLEMETS = re.compile(r"«[^«»]*»")


def _closed_quotes(title: str) -> str:
    """``title`` with each closing guillemet that ends a quotation («Nous ne céderons pas») written as a
    straight quote mark, so that it is not read as a separator; the same length."""
    return _GUILLEMETS.sub(lambda m: m.group()[:-1] + '"', title)


def strip_site(title: str, site_names: set[str]) -> str:
    """``title`` without site or section names at either end of its separated segments."""
    title = norm(title)
    cuts = list(_TITLE_SEPARATOR.finditer(_closed_quotes(title) if "«" in title else title))
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
        # segments set apart by pipes: a headline and its tagline or section; the longest is the headline,
        # unless every segment is as long as a sentence (a headline in two halves)
        if min(len(title[a:b].split()) for a, b in kept) < _SENTENCE_SEGMENT_WORDS:
            return max((title[a:b].strip() for a, b in kept), key=len)
    return title[spans[first][0]:spans[last - 1][1]].strip()


_CURLY_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def _plain_quotes(text: str) -> str:
    return text.translate(_CURLY_QUOTES)


def _is_summary(text: str) -> bool:
    """A metadata "title" that is the page's description put in the wrong tag: a sentence of more
    than 15 words ending in a full stop ("Our report on the sector aims to identify trends ... .")."""
    return text.endswith(".") and not text.endswith("..") and len(text.split()) > _MAX_SENTENCE_TITLE_WORDS


def _lost_characters(headline: str, title: str) -> bool:
    """Whether ``headline`` is ``title`` with some of its characters printed as question marks, as a
    page converted into an encoding without them shows them ("Planning? Beginner? Guide" for
    "Planning: Beginner’s Guide")."""
    if title.count("?") >= headline.count("?"):
        return False
    pattern = ".{1,3}?".join(re.escape(piece) for piece in headline.split("?"))
    return re.fullmatch(pattern, title) is not None


def _completed(title: str, others: list[str]) -> str:
    """``title``, or where it is cut short with an ellipsis ("Norway doubles its aid to Sudan as…"),
    the first of ``others`` that carries it on: a teaser's or a share card's length limit, not the
    headline's end."""
    if not title.endswith(("…", "...")):
        return title
    stem = _key(title.rstrip(".… "))
    return next((t for t in others if not t.endswith(("…", "...")) and len(_key(t)) > len(stem)
                 and _key(t).startswith(stem)), title) if stem else title


def choose_title(markup: Markup) -> tuple[Optional[str], Optional[int]]:
    """The title, and which of the page's ``h1`` headlines it is (None when it comes from the
    metadata alone)."""
    names = markup.site_names
    metas = [t for t in (markup.og_title, markup.ld_headline, markup.document_title, markup.twitter_title)
             if t and not _is_summary(t)]
    meta_titles = [strip_site(t, names) for t in metas]
    best, best_at, best_agreement = None, None, -1.0
    for at, h1 in enumerate(markup.h1s):
        h1 = strip_site(h1, names)
        words = _words(h1)
        if not words or len(h1.split()) > _MAX_TITLE_WORDS:
            continue
        if _is_site_segment(h1, names) and not any(_key(t) == _key(h1) and t != norm(raw)
                                                   for t, raw in zip(meta_titles, metas)):
            # the site's name or logo; but a headline that a metadata title repeats beside the site's
            # name ("Headline • Site") is the headline, even where a site name read off the page is the
            # same (a template that fills the site's name with the page's title)
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
        elif best not in meta_titles:
            # a headline typeset with curly quotes that the metadata writes plain (or the other way
            # round): the metadata's characters, as the page's own record of its headline
            best = next((t for t in meta_titles if _plain_quotes(t) == _plain_quotes(best)), best)
            if "?" in best:
                best = next((t for t in meta_titles if _lost_characters(best, t)), best)
        return _completed(best, meta_titles), best_at
    first = next((t for t in meta_titles if t), None)
    return (_completed(first, meta_titles) if first else None), None


# ---------------------------------------------------------------- dates the page shows

_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "svg", "title"})


def visible_text(tree) -> str:
    """The page's readable text (no scripts, styles or head), pieces joined by spaces and
    whitespace collapsed, up to about 300,000 characters, from one walk of the tree, which is not
    changed."""
    body = tree.find("body")
    parts: list[str] = []
    size = 0
    walk = etree.iterwalk(body if body is not None else tree, events=("start", "end"))
    for event, el in walk:
        if event == "start" and isinstance(el.tag, str):
            if el.tag in _INVISIBLE:
                walk.skip_subtree()  # a script's code, a style sheet; text after them (their tails) is shown
            elif el.text:
                parts.append(el.text)
                size += len(el.text)
        elif event == "end" and el.tail:
            parts.append(el.tail)  # a comment's or a script's tail too
            size += len(el.tail)
        if size > _VISIBLE_CHARS:
            break
    return _WS.sub(" ", " ".join(parts))


def _subtree_texts(el) -> Iterator[str]:
    """The visible text under ``el`` in page order, without its own tail."""
    walk = etree.iterwalk(el, events=("start", "end"))
    for event, node in walk:
        if event == "start" and isinstance(node.tag, str):
            if node.tag in _INVISIBLE:
                walk.skip_subtree()
            elif node.text:
                yield node.text
        elif event == "end" and node is not el and node.tail:
            yield node.tail


def _following_texts(el) -> Iterator[str]:
    """The visible text from the start of ``el`` on, in page order."""
    yield from _subtree_texts(el)
    node = el
    while node is not None:
        if node.tail:
            yield node.tail
        for sibling in node.itersiblings():
            yield from _subtree_texts(sibling)
            if sibling.tail:
                yield sibling.tail
        node = node.getparent()


def _preceding_texts(el) -> Iterator[str]:
    """The visible text before ``el``, nearest first (each piece in its own order)."""
    node = el
    while node is not None:
        for sibling in node.itersiblings(preceding=True):
            if sibling.tail:
                yield sibling.tail
            yield from reversed(list(_subtree_texts(sibling)))
        node = node.getparent()
        if node is not None and node.text and node.tag not in _INVISIBLE:
            yield node.text


def _gather(pieces: Iterator[str], chars: int) -> list[str]:
    """The first pieces holding ``chars`` characters besides whitespace."""
    taken, size = [], 0
    for piece in pieces:
        taken.append(piece)
        size += len(piece.strip())
        if size >= chars:
            break
    return taken


def dates_at_headline(h1) -> list[ShownDate]:
    """The dates the page shows with its headline ``h1``: under it, to the end of its byline (its
    first 400 characters of text), then just above it (60 characters), nearest first."""
    before = _WS.sub(" ", " ".join(reversed(_gather(_preceding_texts(h1), _BEFORE_HEADLINE))))[-_BEFORE_HEADLINE:]
    after = _WS.sub(" ", " ".join(_gather(_following_texts(h1), _AFTER_HEADLINE + _DATE_CHARS))).strip()
    headline_at = len(before) + 1
    shown = shown_dates(f"{before} {after[:_AFTER_HEADLINE + _DATE_CHARS]}")
    return ([d for d in shown if headline_at <= d.start <= headline_at + _AFTER_HEADLINE]
            + [d for d in reversed(shown) if d.start < headline_at])


def choose_published(markup: Markup, htmldate: Callable[[], Optional[str]], at_head: list[ShownDate],
                     shown: Callable[[], list[ShownDate]]) -> Optional[str]:
    """The publication date. ``htmldate`` gives htmldate's date, ``at_head`` the dates shown with
    the headline (see ``dates_at_headline``), ``shown`` all the dates in the page's visible text;
    each is asked for only where it decides.

    1. Dates shown with the headline: the first of them that the metadata also gives (htmldate,
       where it gives none); else the first with a publication label ("Published"); else the first. A reader cites the
       date printed with the headline; the metadata's may be a template's or a first draft's.
    2. Otherwise one of the metadata's publication dates that the page shows anywhere; with no
       metadata publication date, htmldate's date (original date, extensive search) when shown.
    htmldate is asked only where the metadata gives no publication date: its original date reads
    the same tags first, and its search of the whole page is the costliest step of the reading;
    nor where the page shows one day only, under a label (its date could only confirm that day).
    3. Otherwise a date the page shows after a publication label, else after an update label: the
       only date its reader sees.
    4. Otherwise the metadata's first publication date (JSON-LD's ``datePublished`` and the like,
       unambiguous), else htmldate's."""
    htmldate = functools.cache(htmldate)
    if at_head and len({d.day for d in at_head}) == 1:
        return at_head[0].day  # htmldate's date could only choose among the days shown with the headline
    if at_head:
        return (next((d.day for d in at_head
                      if d.day in markup.published or (not markup.published and d.day == htmldate())), None)
                or next((d.day for d in at_head if d.kind == "published"), None)
                or at_head[0].day)
    page_dates = shown()
    days_shown = {d.day for d in page_dates}
    labelled = next((d.day for kind in ("published", "updated") for d in page_dates if d.kind == kind), None)
    if labelled and days_shown == {labelled}:
        return labelled  # the one day the page shows, under a label: any date of the metadata's or htmldate's shown is it
    day = next((day for day in markup.published if day in days_shown), None) if markup.published else htmldate()
    if day and day in days_shown:
        return day
    if labelled:
        return labelled
    return markup.published[0] if markup.published else htmldate()
