"""Text copied from a web page: a line classifier that keeps the article and drops the chrome.

Each non-blank line is one of: chrome (dropped, kept in ``removed``), byline (dropped, its names
kept as authors), the title (the first title-like line before the body), a heading (a short
title-like line standing alone between paragraphs) or body. The body's paragraphs and headings are
joined with blank lines; the dateline is looked for at the head of the first body paragraph.
"""
from __future__ import annotations

import re
from typing import Optional

from .. import lexicons
from ..record import Dateline, Heading
from . import Page
from .dateline import find_dateline

_BYLINE = re.compile(
    r"^(?:by|written by|words by|reporting by)\s+(?P<names>[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3})*)\s*(?:[,|•·-].*)?$",
    re.I,
)
_END_PUNCT = tuple(".!?:;,\"'”’…)")
_MAX_HEADING_WORDS = 14
_MAX_TITLE_WORDS = 30


def _chrome_patterns() -> list[re.Pattern]:
    return [re.compile(rf"(?:{p})", re.I) for p in lexicons.lines("chrome.txt")]


_CHROME: list[re.Pattern] = []


def is_chrome(line: str) -> bool:
    if not _CHROME:
        _CHROME.extend(_chrome_patterns())
    s = line.strip()
    if not s:
        return False
    if len(s) > 160:
        return False
    if re.fullmatch(r"[\W\d_]+", s):  # counters, separators, lone numbers or symbols
        return True
    return any(p.fullmatch(s) for p in _CHROME)


def byline_authors(line: str) -> Optional[list[str]]:
    m = _BYLINE.match(line.strip())
    if not m:
        return None
    names = re.split(r"\s*(?:,|\band\b|&)\s*", m.group("names"))
    return [n.strip() for n in names if n.strip()]


def is_title_like(line: str, max_words: int = _MAX_HEADING_WORDS) -> bool:
    """Short, starts with a capital or digit, no final sentence punctuation."""
    s = line.strip()
    words = s.split()
    if not words or len(words) > max_words:
        return False
    if s.endswith(_END_PUNCT) and not s.endswith("?"):
        return False
    if s.endswith("?") and max_words == _MAX_HEADING_WORDS and len(words) > 10:
        return False
    first = s.lstrip("\"'“‘")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def _paragraphs(raw: str) -> list[list[str]]:
    """Blocks of consecutive non-blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def extract_text(raw: str, meta: dict) -> Page:
    removed: list[str] = []
    authors: list[str] = []
    title: Optional[str] = meta.get("title")
    units: list[tuple[str, str]] = []  # (kind, text): kind is "p" or "h"
    seen_body = False
    for block in _paragraphs(raw):
        kept: list[str] = []
        for line in block:
            names = byline_authors(line) if not seen_body or len(units) < 3 else None
            if names:
                authors.extend(names)
                removed.append(line)
            elif is_chrome(line):
                removed.append(line)
            else:
                kept.append(line)
        if not kept:
            continue
        # A block of several short title-like lines before the body is usually more chrome
        # (menus); a single one is the title or a heading.
        if len(kept) == 1 and is_title_like(kept[0], _MAX_TITLE_WORDS if title is None and not seen_body else _MAX_HEADING_WORDS):
            line = kept[0]
            if title is None and not seen_body:
                title = line
            elif seen_body:
                units.append(("h", line))
            elif line == title:
                removed.append(line)
            else:
                units.append(("h", line))
            continue
        if not seen_body and all(is_title_like(l, 5) for l in kept) and len(kept) > 1:
            removed.extend(kept)
            continue
        seen_body = True
        units.append(("p", " ".join(kept)))
    cut = trailing_chrome(units)
    removed.extend(s for _, s in units[cut:])
    del units[cut:]
    text, headings, dateline = assemble(units)
    return Page(
        text=text,
        title=title,
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        authors=list(dict.fromkeys(authors)),
        dateline=dateline,
        headings=headings,
        removed=removed,
    )


def trailing_chrome(units: list[tuple[str, str]]) -> int:
    """Where the chrome trailing an article begins: headings after the last paragraph ("Related",
    titles of other stories) are not part of it."""
    cut = len(units)
    while cut and units[cut - 1][0] == "h":
        cut -= 1
    return cut


def assemble(units: list[tuple[str, str]]) -> tuple[str, list[Heading], Optional[Dateline]]:
    """Join paragraphs ("p") and headings ("h") with blank lines; find the dateline opening the
    first paragraph. Offsets are into the joined text."""
    text_parts: list[str] = []
    headings: list[Heading] = []
    dateline = None
    pos = 0
    for kind, s in units:
        if text_parts:
            pos += 2
        if kind == "h":
            headings.append(Heading(pos, pos + len(s), s))
        elif dateline is None and not any(k == "p" for k, _ in units[: len(text_parts)]):
            dateline = find_dateline(s)
            if dateline is not None:
                dateline.start += pos
                dateline.end += pos
        text_parts.append(s)
        pos += len(s)
    return "\n\n".join(text_parts), headings, dateline
