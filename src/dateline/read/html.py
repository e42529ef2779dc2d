"""HTML pages: trafilatura for the body (headings kept as headings), htmldate for the date."""
from __future__ import annotations

import re
from typing import Optional
from urllib.parse import urlparse

from lxml import etree

from .. import errors
from . import Page
from .text import assemble, byline_authors, is_chrome


def extract_html(raw: str, meta: dict) -> Page:
    import trafilatura

    url = meta.get("url")
    try:
        xml = trafilatura.extract(
            raw, url=url, output_format="xml", with_metadata=True, include_comments=False,
            include_tables=True, favor_recall=True, deduplicate=False,
        )
    except (ValueError, etree.LxmlError, RecursionError) as exc:
        raise errors.no_body(f"the HTML cannot be parsed: {exc.__class__.__name__}") from exc
    if not xml:
        raise errors.no_body("trafilatura found no main content")
    try:
        root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(huge_tree=True, recover=True))
    except etree.XMLSyntaxError as exc:
        raise errors.no_body(f"unreadable extraction: {exc}") from exc
    units, removed = _units(root)
    text, headings, dateline = assemble(units)
    published = meta.get("published") or _published(raw, url) or root.get("date")
    host = urlparse(url or root.get("url") or "").hostname
    authors = [a.strip() for a in re.split(r";|\band\b|,", root.get("author") or "") if a.strip()]
    return Page(
        text=text,
        title=meta.get("title") or clean_title(root.get("title"), root.get("sitename")),
        url=url or root.get("url"),
        outlet=meta.get("outlet") or root.get("sitename") or (host[4:] if host and host.startswith("www.") else host),
        authors=authors,
        published=published,
        dateline=dateline,
        headings=headings,
        removed=removed,
    )


def _units(root) -> tuple[list[tuple[str, str]], list[str]]:
    units: list[tuple[str, str]] = []
    removed: list[str] = []
    main = root.find("main")
    if main is None:
        main = root
    for el in main.iter("p", "head", "item", "quote", "row", "cell"):
        if el.tag in ("cell",):
            continue
        if el.tag == "p" and el.getparent() is not None and el.getparent().tag in ("quote", "item"):
            continue
        s = re.sub(r"\s+", " ", "".join(el.itertext())).strip()
        if not s:
            continue
        if is_chrome(s) or (not units and byline_authors(s)):
            removed.append(s)
            continue
        units.append(("h" if el.tag == "head" else "p", s))
    return units, removed


def _published(raw: str, url: Optional[str]) -> Optional[str]:
    from htmldate import find_date

    try:
        return find_date(raw, url=url, original_date=True, extensive_search=True, outputformat="%Y-%m-%d")
    except (ValueError, etree.LxmlError, RecursionError):
        return None


_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]\s+")


def clean_title(title: Optional[str], sitename: Optional[str]) -> Optional[str]:
    """The headline without the site name that pages append or prepend ("Headline | Site")."""
    if not title:
        return None
    title = re.sub(r"\s+", " ", title).strip()
    parts = _SEPARATORS.split(title)
    if len(parts) > 1:
        site = (sitename or "").lower()
        if site and parts[-1].lower().strip() in site or (site and site in parts[-1].lower()):
            parts = parts[:-1]
        elif site and (parts[0].lower() in site or site in parts[0].lower()):
            parts = parts[1:]
        elif len(parts[-1].split()) <= 4 and len(parts[0].split()) > 3:
            parts = parts[:-1]
        return " - ".join(parts) if len(parts) > 1 else parts[0]
    return title
