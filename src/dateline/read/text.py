"""Text copied from a web page: a line classifier that keeps the article and drops the chrome.

Each non-blank line is one of:
- chrome (menus, share rows, counters, cookie notices, "Advertisement", "Read more", newsletter
  prompts, photo credits, comment prompts: ``lexicons/chrome.txt``), dropped and kept in ``removed``;
- a byline ("By Jane Doe and John Roe, Reuters"; "Reporting by ..."), dropped, its names kept as
  authors;
- a date line ("Published June 3, 2025", "Updated: June 4, 2025 9:15 AM"), dropped, its date kept
  as the publication date the page states;
- the title: the first title-like line of four words or more before the body (shorter ones there
  are section labels and kickers);
- a heading: a short title-like line standing alone between paragraphs;
- body.

Lines of a block (lines not separated by a blank line) are joined into one paragraph when they are
hard-wrapped, and read as paragraphs of their own when each is a whole paragraph (text copied
from a browser often has no blank lines). Links listed after "Related" or "Most read", runs of
three or more title-like lines in a row, and headings after the last paragraph are chrome too.
The dateline is looked for at the head of the first body paragraph.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from .. import lexicons
from ..record import Dateline, Heading
from . import Page
from .dateline import find_dateline
from .dates import date_line, shown_dates

# A name in a byline: two to four capitalised words ("Jane Doe", "Sarah al-Amin", "JANE DOE").
_NAME_WORD = r"(?:(?:al|el|ad|as|ash|bin|ibn|ben|d|de|di|da|du|o)['’\-])?[A-Z][\w.'’\-]*"
_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:de|da|van|von|der|den|del|la|le|bin|al|ibn|abu)\s+)?{_NAME_WORD}){{1,3}}"
_NAMES = rf"(?P<names>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)"
_BYLINE = re.compile(rf"(?i:by|written by|words by|story by|text by)\s*:?\s+{_NAMES}\s*(?P<rest>(?:[,|•·\-–—;]|\bin\b).{{0,80}})?")
_CREDIT = re.compile(rf"\(?\s*(?i:additional\s+)?(?i:reporting|writing)\s+(?i:by)\s+{_NAMES}.*")
_SENTENCE_END = tuple(".!?\"'”’…)")
_END_PUNCT = tuple(".!?:;,\"'”’…)")
_MAX_HEADING_WORDS = 14
_MAX_TITLE_WORDS = 22
_MIN_TITLE_WORDS = 4
_LINK_LIST_RUN = 3
_MAX_WRAPPED_LINE = 100
_DATELINE_PARAGRAPHS = 3


@functools.cache
def _chrome_patterns() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.I) for p in lexicons.lines("chrome.txt"))


@functools.cache
def _link_list_heads() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.I) for p in lexicons.lines("link_list_heads.txt"))


def is_chrome(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 160:
        return False
    if re.fullmatch(r"[\W\d_]+", s):  # counters, separators, lone numbers or symbols
        return True
    return any(p.fullmatch(s) for p in _chrome_patterns())


def opens_link_list(line: str) -> bool:
    """A line announcing a list of links to other stories ("Related", "Most read", "More from X")."""
    s = line.strip().rstrip(":")
    return len(s) <= 60 and any(p.fullmatch(s) for p in _link_list_heads())


def byline_authors(line: str) -> Optional[list[str]]:
    """The names of a byline ("By Jane Doe and John Roe, Reuters") or reporting credit
    ("Reporting by Jane Doe; Editing by John Roe"), or None."""
    s = line.strip()
    if len(s) > 200:
        return None
    m = _BYLINE.fullmatch(s) if len(s) <= 120 else None
    m = m or _CREDIT.fullmatch(s)
    if not m:
        return None
    names = re.split(r"\s*(?:,|\band\b|&)\s*", m.group("names"))
    return [n.strip() for n in names if n.strip() and n.strip()[0].isupper()] or None


_META_SEPARATORS = re.compile(r"\s+(?:[|•·]|-{1,2}|[—–])\s+|\s+(?=by\s+[A-Z])", re.I)


def meta_line_authors(line: str) -> Optional[list[str]]:
    """A line made of a date line and a byline in either order ("Posted on March 12, 2024 by
    Daniel Ortiz", "June 3, 2025 | By Jane Doe"): the byline's names, else None."""
    parts = [p for p in _META_SEPARATORS.split(line.strip()) if p.strip()]
    if len(parts) < 2 or len(line) > 160:
        return None
    names: list[str] = []
    dated = False
    for part in parts:
        found = byline_authors(part)
        if found:
            names.extend(found)
        elif date_line(part) is not None:
            dated = True
        elif not is_chrome(part):
            return None
    return names if names and dated else None


_NOT_NAMES = re.compile(r"\d|^(?:by|and|staff|updated|published)$", re.I)


def clean_authors(names: list[str]) -> list[str]:
    """Author names as people write them, without dates or words that leaked in from a byline
    ("Lucía Ferreyra | October 27, 2025" gives "Lucía Ferreyra")."""
    from .dates import MONTHS

    out: list[str] = []
    for raw in names:
        for name in re.split(r"\s*(?:[;|•·]|,|\band\b|&)\s*", raw):
            name = re.sub(r"^(?:by|written by)\s+", "", name.strip(), flags=re.I).strip(" .")
            if (name and not _NOT_NAMES.search(name) and name.split()[0].lower().rstrip(".") not in MONTHS
                    and name not in out):
                out.append(name)
    return out


def is_title_like(line: str, max_words: int = _MAX_HEADING_WORDS) -> bool:
    """Short, starts with a capital or digit, no final sentence punctuation (a question mark is
    allowed on a short line)."""
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


def _title_case(line: str) -> bool:
    """Most words of four letters or more are capitalised ("Talks Resume in Geneva")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", line) if len(w) >= 4]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _blocks(raw: str) -> list[list[str]]:
    """Blocks of consecutive non-blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(re.sub(r"[ \t\u00a0]+", " ", line).strip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _paragraph_groups(lines: list[str]) -> list[list[int]]:
    """The paragraphs of one block, as groups of line indexes. In hard-wrapped text (most lines
    end mid-sentence and none is longer than about 100 characters) the lines of the block
    form one paragraph, a title-cased first line split off as a heading. Otherwise each line is a
    paragraph of its own, except that a line starting in lower case continues the line before it
    when that one ends mid-sentence."""
    if len(lines) > 1 and not all(is_title_like(line) for line in lines):
        body = lines[:-1]
        ends = sum(line.endswith(_SENTENCE_END) for line in body) / len(body)
        if ends < 0.5 and max(map(len, body)) <= _MAX_WRAPPED_LINE:
            first = 1 if is_title_like(lines[0]) and _title_case(lines[0]) else 0
            return [[0], list(range(1, len(lines)))] if first else [list(range(len(lines)))]
    groups: list[list[int]] = []
    for i, line in enumerate(lines):
        if groups and line[:1].islower() and not lines[i - 1].endswith(_SENTENCE_END):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


@dataclass
class _Reading:
    """What the classifier has found so far."""

    title: Optional[str]
    units: list[tuple[str, str]] = field(default_factory=list)  # ("p" | "h", text)
    removed: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    title_candidates: list[str] = field(default_factory=list)
    stated_dates: dict[str, str] = field(default_factory=dict)  # kind -> first ISO day
    in_link_list: bool = False

    @property
    def seen_body(self) -> bool:
        return any(kind == "p" for kind, _ in self.units)


def extract_text(raw: str, meta: dict) -> Page:
    reading = _Reading(title=meta.get("title"))
    for block in _blocks(raw):
        kinds = [_line_kind(line) for line in block]
        kept = [i for i, kind in enumerate(kinds) if kind is None]
        if len(kept) > 1 and not reading.seen_body and all(is_title_like(block[i], 5) for i in kept):
            kinds = [kind or "chrome" for kind in kinds]  # a menu: several short labels before the body
            kept = []
        starts = {kept[g[0]]: " ".join(block[kept[i]] for i in g) for g in _paragraph_groups([block[i] for i in kept])}
        for i, (line, kind) in enumerate(zip(block, kinds)):  # in order, so removed keeps the page's order
            if kind is not None:
                _drop(line, kind, reading)
            elif i in starts:
                _place(starts[i], reading)
    _settle_title(reading)
    cut = trailing_chrome(reading.units)
    reading.removed.extend(s for _, s in reading.units[cut:])
    del reading.units[cut:]
    text, headings, dateline = assemble(reading.units)
    dates = reading.stated_dates
    return Page(
        text=text,
        title=reading.title,
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        authors=clean_authors(reading.authors),
        published=dates.get("published") or dates.get("shown") or dates.get("updated"),
        dateline=dateline,
        headings=headings,
        removed=reading.removed,
    )


def _line_kind(line: str) -> Optional[str]:
    """``byline``, ``date``, ``links`` (a line announcing related links), ``chrome`` or None (text)."""
    if byline_authors(line) or meta_line_authors(line):
        return "byline"
    if date_line(line) is not None:
        return "date"
    if opens_link_list(line):
        return "links"
    if is_chrome(line):
        return "chrome"
    return None


def _drop(line: str, kind: str, reading: _Reading) -> None:
    """Keep a dropped line in ``removed`` and what it says: a byline's names, a stated date."""
    reading.removed.append(line)
    if kind == "byline":
        reading.authors.extend(byline_authors(line) or meta_line_authors(line) or [])
        for shown in shown_dates(line):  # "By Jane Doe | June 3, 2025"
            reading.stated_dates.setdefault("published", shown.day)
    elif kind == "date":
        stated = date_line(line)
        if stated is not None and stated.day:
            key = stated.kind or ("shown" if not reading.seen_body else "")
            if key:
                reading.stated_dates.setdefault(key, stated.day)
    elif kind == "links":
        reading.in_link_list = True


def _place(paragraph: str, reading: _Reading) -> None:
    """Add one paragraph as title candidate, heading, link or body."""
    units = reading.units
    if is_title_like(paragraph, _MAX_TITLE_WORDS if not reading.seen_body else _MAX_HEADING_WORDS):
        if reading.in_link_list and reading.seen_body:
            reading.removed.append(paragraph)
        elif not reading.seen_body:
            reading.title_candidates.append(paragraph)
        elif paragraph == reading.title:
            reading.removed.append(paragraph)
        else:
            units.append(("h", paragraph))
            _drop_link_run(reading)
        return
    if not reading.seen_body:
        _settle_title(reading)
    reading.in_link_list = False
    units.append(("p", paragraph))


def _settle_title(reading: _Reading) -> None:
    """At the first body paragraph: choose the title among the title-like lines before it. The
    first of four words or more wins; shorter lines before it are section labels or kickers
    (removed), longer ones after it are subtitles (kept as headings)."""
    candidates, reading.title_candidates = reading.title_candidates, []
    if not candidates:
        return
    if reading.title is None:
        long_enough = [c for c in candidates if len(c.split()) >= _MIN_TITLE_WORDS]
        reading.title = long_enough[0] if long_enough else max(candidates, key=lambda c: len(c.split()))
    after_title = False
    for line in candidates:
        if line == reading.title and not after_title:
            after_title = True
        elif after_title and len(line.split()) >= _MIN_TITLE_WORDS and len(line.split()) <= _MAX_HEADING_WORDS:
            reading.units.append(("h", line))
        else:
            reading.removed.append(line)


def _drop_link_run(reading: _Reading) -> None:
    """Three or more headings in a row with no paragraph between are a list of links."""
    units = reading.units
    run = 0
    while run < len(units) and units[-1 - run][0] == "h":
        run += 1
    if run >= _LINK_LIST_RUN:
        reading.removed.extend(s for _, s in units[-run:])
        del units[-run:]
        reading.in_link_list = True


def trailing_chrome(units: list[tuple[str, str]]) -> int:
    """Where the chrome trailing an article begins: headings after the last paragraph ("Related",
    titles of other stories) are not part of it."""
    cut = len(units)
    while cut and units[cut - 1][0] == "h":
        cut -= 1
    return cut


def assemble(units: list[tuple[str, str]]) -> tuple[str, list[Heading], Optional[Dateline]]:
    """Join paragraphs ("p") and headings ("h") with blank lines; find the dateline opening one of
    the first paragraphs (a standfirst may come before it). Offsets are into the joined text."""
    text_parts: list[str] = []
    headings: list[Heading] = []
    dateline = None
    pos = 0
    paragraphs_seen = 0
    for kind, s in units:
        if text_parts:
            pos += 2
        if kind == "h":
            headings.append(Heading(pos, pos + len(s), s))
        elif dateline is None and paragraphs_seen < _DATELINE_PARAGRAPHS:
            paragraphs_seen += 1
            dateline = find_dateline(s)
            if dateline is not None:
                dateline.start += pos
                dateline.end += pos
        text_parts.append(s)
        pos += len(s)
    return "\n\n".join(text_parts), headings, dateline
