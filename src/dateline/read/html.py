"""HTML pages, read top to bottom in one pass of each step:

1. parse: the page is parsed once (``parse``); nothing parses it again;
2. prepare: the page's parts a browser shows but trafilatura would drop are set so that it reads
   them (``prepare``: embedded posts, widgets in the article, quoted figures ...);
3. metadata: title, authors, site name and publication date (``pagemeta.read_metadata``);
4. body: trafilatura's reading of the page, once; a second, recall-minded reading only where the
   first is in doubt, the article the page declares in its JSON-LD, a reading blind to class names
   when the first missed most of the page's prose (``read_body``); the reading as units of text in
   page order (``htmlbody``);
5. tidying: lines of page chrome that survive trafilatura (share rows, "Advertisement", newsletter
   prompts, related links trailing the article, a note about the author) go to ``removed``
   (``tidy_units``);
6. assembly: paragraphs and headings joined into the text, the dateline found (``text.assemble``).
"""
from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from dataclasses import dataclass
from typing import Optional, Sequence

from lxml import etree

from .. import errors, lexicons
from . import Page
from .dates import date_line
from .decode import count_bytes
from .htmlbody import Unit, body_units, numbered
from .pagemeta import is_section_name, marked_authors, read_metadata
from .text import (assemble, author_note, byline_authors, first_places, is_chrome, is_meta_line,
                   is_title_like, opens_link_list, repeat_length, trailing_chrome)

_PARSER_MAX_DEPTH = 255  # libxml2's HTML parser drops what is nested deeper than this
_EXTRACTION_ERRORS = (ValueError, TypeError, AttributeError, etree.LxmlError, RecursionError)


def extract_html(raw: str, meta: dict) -> Page:
    url = meta.get("url")
    try:
        tree = parse(raw)
        prepare(tree)
        facts = read_metadata(tree, url, meta)
        units = read_body(tree, facts.url, facts.declared_bodies)
    except _EXTRACTION_ERRORS as exc:
        raise errors.no_body(f"the HTML cannot be parsed: {exc.__class__.__name__}") from exc
    if not units:
        if _depth(tree) >= _PARSER_MAX_DEPTH:
            raise errors.no_body(f"the page nests its elements {_PARSER_MAX_DEPTH} or more levels deep, "
                                 "where the HTML parser stops reading")
        raise errors.no_body("trafilatura found no main content")
    units, removed, byline = tidy_units(units, facts.title, facts.url, facts.authors)
    authors = facts.authors or byline or marked_authors(tree)
    cut = author_note(units, authors)
    removed.extend(s for _, s in units[cut:])
    text, headings, dateline = assemble(units[:cut])
    return Page(text=text, title=facts.title, url=facts.url, outlet=facts.outlet, authors=authors,
                published=facts.published, dateline=dateline, headings=headings, removed=removed)


# ---------------------------------------------------------------- 1. parse, 2. prepare

@functools.cache
def _parser():
    """lxml.html's parser with trafilatura's settings (comments and processing instructions
    dropped, no ids collected), whose elements all get ``lxml.html``'s element class from a lookup
    done inside lxml. ``lxml.html``'s own lookup asks a Python method for every element that any
    step touches, a million calls over a few hundred pages; the element classes it alone gives are
    those of form fields, which no step reads."""
    from lxml import html

    parser = html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                             remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=html.HtmlElement, comment=html.HtmlComment, pi=html.HtmlProcessingInstruction,
        entity=html.HtmlEntity))
    return parser


def parse(raw: str):
    """The page's tree, parsed once, as trafilatura's ``load_html`` parses a page (its repairs of
    faulty markup first, a document too short to be a page refused) with the parser above. The
    text is given to the parser in UTF-8, as ``load_html`` gives it where its parse of the text
    fails: the same tree (on every page of ../shared/eval's pages and extraction sets), in about
    two thirds of the time, as libxml2 reads UTF-8 without converting it."""
    from lxml import html
    from trafilatura.utils import is_dubious_html

    beginning = raw[:50].lower()
    data = raw.encode("utf8", "surrogatepass")
    repaired = _repaired(raw, beginning, data)
    if repaired is not raw:
        data = repaired.encode("utf8", "surrogatepass")
    tree = html.fromstring(data, parser=_parser())
    if tree is None or (is_dubious_html(beginning) and len(tree) < 2):
        raise errors.no_body("the HTML cannot be parsed")
    return tree


_NOT_XML_BYTES = bytes([*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20)])  # control characters XML forbids


def _repaired(raw: str, beginning: str, data: bytes) -> str:
    """trafilatura's ``repair_faulty_html``: characters XML forbids removed, a self-closing doctype or
    ``<html/>`` opened; the removal (a regular expression over the whole page) run only on a page
    that holds such a character, which a count in C of its UTF-8 bytes ``data`` tells (an ASCII
    character is its own byte there, and no byte of another character's encoding is ASCII). ``raw``
    itself where nothing is repaired."""
    from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, repair_faulty_html

    if count_bytes(data, _NOT_XML_BYTES) or "\ufffe" in raw or "\uffff" in raw:
        return repair_faulty_html(raw, beginning)
    if "doctype" in beginning:
        firstline, newline, rest = raw.partition("\n")
        opened = DOCTYPE_TAG.sub("", firstline, count=1)
        if opened != firstline or not newline:
            raw = opened + "\n" + rest
    for line in raw[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            return FAULTY_HTML.sub(r"\1>", raw, count=1)
    return raw


def prepare(tree) -> None:
    """Set the parts of the page a reader sees but trafilatura would drop so that it reads them, and
    remove the parts it would read that are not the article; each step says why in its own words."""
    gather_stray_roots(tree)
    names = _NAMES(tree)  # the values of the page's classes and ids, each knowing its element
    every_name = "\n".join(names).lower()
    drop_page_parts(tree, names, every_name)
    lift_embedded_posts(tree)
    # the steps after it change no class word they look for: each runs where the page names one
    if "embed" in every_name:
        keep_embedded_tables(tree)
    if "widget" in every_name:
        keep_article_widgets(tree)
    keep_quoted_figures(tree)
    number_continued_lists(tree)
    keep_question_buttons(tree)
    drop_heading_anchors(tree)


# ---------------------------------------------------------------- 4. body

def _trafilatura_reading(tree, url: Optional[str], **options) -> list[Unit]:
    """trafilatura's reading of the page (it works on a copy of the tree) as units; none when it
    finds nothing or fails."""
    import trafilatura

    try:
        # the body element alone: a format other than "python" leaves its text unwritten
        document = trafilatura.bare_extraction(tree, url=url, with_metadata=False, include_comments=False,
                                               include_tables=True, deduplicate=False, output_format="txt",
                                               **options)
    except _EXTRACTION_ERRORS:
        return []
    return body_units(document.body if document is not None else None)


def read_body(tree, url: Optional[str], declared: Sequence[str] = ()) -> list[Unit]:
    """The article's units: trafilatura's fast reading (its own fallbacks, other extractors compared,
    left out), then only where that is in doubt the others: its full reading where the fast one ran
    the page together, its recall-minded reading where the page shows text the reading lacks, the
    article the page declares, a reading blind to class names where most prose was missed."""
    units = _trafilatura_reading(tree, url, fast=True)
    if _run_together(units):
        units = prefer_structured(units, _trafilatura_reading(tree, url))
    blocks = ArticleBlocks.of(tree)
    if blocks.in_doubt(units):
        units = prefer_fuller(units, _trafilatura_reading(tree, url, favor_recall=True))
    units = unglue(tree, units)
    units = continue_split_article(tree, units)
    units = prefer_declared(units, declared_reading(tree, declared))
    units = class_blind_reading(tree, url, units, blocks.prose)
    return restore_lists(tree, restore_headings(tree, units))


_RUN_TOGETHER_CHARS = 3000  # a "paragraph" this long is a whole container's text run together
_STRUCTURED_KEEPS = 0.7  # share of the run-together text a reading in pieces must keep


def _run_together(units: list[Unit]) -> bool:
    """Whether the reading holds a paragraph so long that it must be many run together."""
    return any(kind == "p" and len(text) >= _RUN_TOGETHER_CHARS for kind, text in units)


def prefer_structured(units: list[Unit], other: list[Unit]) -> list[Unit]:
    """``other`` over ``units`` when it holds nearly as much text in more pieces (its headings and
    paragraphs apart, where ``units`` ran them together)."""
    length, other_length = sum(len(s) for _, s in units), sum(len(s) for _, s in other)
    return other if len(other) > len(units) and other_length >= _STRUCTURED_KEEPS * length else units


_RECALL_GAIN = 1.15  # the recall-minded reading must be this much longer ...
_RECALL_KEEPS = 0.9  # ... and keep this share of the default reading's word runs
_WORD = re.compile(r"\w+")
_MISSED_PROSE = 0.5  # a reading holding less than this share of the page's prose missed the article ...
_BLIND_GAIN = 3.0  # ... and a reading blind to class names must find this much more text to replace it
_BLIND_MAX_OF_PROSE = 2.0  # ... and no more than this many times the page's prose
_PROSE_CHARS_MIN = 80  # a paragraph this long is prose, not a label
_NOT_ARTICLE = "ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside or ancestor::form"
_OUTSIDE_ARTICLE = ("nav", "header", "footer", "aside", "form")
_TEXT_BLOCKS = ("p", "li", "td", "h2", "h3", "h4", "blockquote")
_TEXT_CONTAINERS = frozenset({"p", "li", "td", "blockquote"})  # blocks whose inner blocks are part of them
_BLOCK_CHARS_MIN = 30  # a block this long is text, not a label or a button
_UNREAD_SHARE = 0.2  # block text the reading skips, as a share of the reading, that puts it in doubt


@dataclass(slots=True)
class ArticleBlocks:
    """The page's blocks of text outside navigation, header, footer, asides and forms, from one walk
    over them: ``texts`` (blocks of 30 characters or more, outermost only) and ``prose`` (the
    characters of its ``<p>`` paragraphs of 80 or more)."""

    texts: list[str]
    prose: int

    @classmethod
    def of(cls, tree) -> "ArticleBlocks":
        texts, prose = [], 0
        inside = 0  # how many paragraphs, list items, cells or quotations the walk is in
        walk = etree.iterwalk(tree, events=("start", "end"), tag=(*_OUTSIDE_ARTICLE, *_TEXT_BLOCKS))
        for event, el in walk:
            if el.tag in _OUTSIDE_ARTICLE:
                if event == "start":
                    walk.skip_subtree()
                continue
            if event == "end":
                inside -= el.tag in _TEXT_CONTAINERS
                continue
            text = None
            if el.tag == "p":
                text = _flat(el.text_content())
                if len(text) >= _PROSE_CHARS_MIN:
                    prose += len(text)
            if not inside:
                text = text if text is not None else _flat(el.text_content())
                if len(text) >= _BLOCK_CHARS_MIN:
                    texts.append(text)
            inside += el.tag in _TEXT_CONTAINERS
        return cls(texts, prose)

    def in_doubt(self, units: list[Unit]) -> bool:
        """Whether the reading has holes: blocks of text the page shows between the first and the
        last block the reading holds, left out of it, a fifth of its length or more (a section, a
        list, a table the reading skipped, which a recall-minded reading may find). Blocks only
        before or after the reading are the page around the article."""
        read = " ".join(s for _, s in units)
        held = [t[:40] in read for t in self.texts]
        if not any(held):
            return False
        first, last = held.index(True), len(held) - 1 - held[::-1].index(True)
        holes = sum(len(t) for t, h in zip(self.texts[first:last], held[first:last]) if not h)
        return holes >= _UNREAD_SHARE * max(len(read), 1)


def _comment_sections(tree) -> list:
    """The elements trafilatura takes for a comment section, by its own patterns."""
    from trafilatura import xpaths

    found = []
    for xpath in [*getattr(xpaths, "COMMENTS_XPATH", []), *getattr(xpaths, "REMOVE_COMMENTS_XPATH", [])]:
        found.extend(xpath(tree))
    return found


def class_blind_reading(tree, url: Optional[str], units: list[Unit], page_prose: int) -> list[Unit]:
    """When the reading holds less than half of the page's prose (``page_prose`` characters),
    trafilatura may have discarded the article for a word inside a class name ("bard" holds "bar",
    "widget_text" holds "widget"): a reading of the page with class names and ids removed (and its
    comment sections, which the class names mark) replaces it if it finds three times the text,
    but not twice the page's prose: more than that it took from asides, footers and navigation
    (whole related articles), which the class names no longer mark."""
    import copy

    length = sum(len(s) for _, s in units)
    if length >= _MISSED_PROSE * page_prose:
        return units
    blind = copy.deepcopy(tree)
    for el in _comment_sections(blind):
        if el.getparent() is not None:
            el.drop_tree()  # what trafilatura reads as comments would be read as the article
    for el in blind.iter():
        if isinstance(el.tag, str):
            el.attrib.pop("class", None)
            el.attrib.pop("id", None)
    blind_units = _trafilatura_reading(blind, url)
    blind_length = sum(len(s) for _, s in blind_units)
    if blind_length < _BLIND_GAIN * length or blind_length > _BLIND_MAX_OF_PROSE * page_prose:
        return units  # no gain, or it took in what asides, footers and navigation hold
    return blind_units





def prefer_fuller(units: list[Unit], fuller: list[Unit]) -> list[Unit]:
    """``fuller`` (a recall-minded reading) over ``units`` (the default reading) when it finds
    clearly more text while keeping nearly all of the default reading: then the default one
    stopped short (an article split into sections, headings set as links, lists of key facts).
    A longer reading that drops the default's text is a different part of the page; what it finds
    ahead of the default's first paragraph (photo galleries, teasers) is not more of the article."""
    fuller = _from_same_start(units, fuller)
    default_text = " ".join(s for _, s in units)
    fuller_text = " ".join(s for _, s in fuller)
    if len(fuller_text) < _RECALL_GAIN * len(default_text):
        return units
    default_runs, fuller_runs = _word_runs(default_text), _word_runs(fuller_text)
    kept = len(default_runs & fuller_runs) / len(default_runs) if default_runs else 1.0
    return fuller if kept >= _RECALL_KEEPS else units


_DECLARED_GAIN = 2.0  # the declared article must be this much longer than the reading ...
_DECLARED_KEEPS = 0.6  # ... and hold this share of its word runs (the reading may hold chrome)
_DECLARED_BLOCKS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"})
_DECLARED_MIN_CHARS = 20
_GLUED_MIN_CHARS = 400
_GLUE_POINT = re.compile(r"(?:[a-z]{3}|[.!?:”\"])[A-Z][a-z]")  # "unrestNovember": a word's end, a capital


def declared_reading(tree, bodies: Sequence[str]) -> list[Unit]:
    """The page's blocks whose text is part of the article body the page declares in its JSON-LD
    (``bodies``), in page order; none when it declares none."""
    return blocks_within(tree, _flat(max(bodies, key=len))) if bodies else []


def blocks_within(root, text: Optional[str] = None) -> list[Unit]:
    """The blocks (paragraphs, subheadings, list items) under ``root``, each the outermost such
    block, in page order; with ``text``, only those whose text is part of it (and long enough to
    tell: 20 characters, or any heading)."""
    units: list[Unit] = []
    taken: set = set()
    for el in root.iter(*_DECLARED_BLOCKS):
        if taken and any(a in taken for a in el.iterancestors()):
            continue
        block = _flat(el.text_content())
        heading = el.tag[0] == "h"
        if block and (text is None or ((heading or len(block) >= _DECLARED_MIN_CHARS) and block in text)):
            taken.add(el)
            units.append(("h" if heading else "i" if el.tag == "li" else "p", block))
    return units


def continue_split_article(tree, units: list[Unit]) -> list[Unit]:
    """An article split into sibling containers by what stands between them (an advertisement, a
    newsletter box): ``<div class="body">...</div><div class="ad">...</div><div class="body">...``.
    The containers after the one holding the reading's last paragraph, of the same tag and class,
    give their unread paragraphs, headings and list items to the reading."""
    last = next((text for kind, text in reversed(units) if kind == "p"), None)
    if last is None or len(last) < _PROSE_CHARS_MIN:
        return units
    element = next((p for p in tree.iter("p") if _flat(p.text_content()) == last), None)
    container = element.getparent() if element is not None else None
    if container is None or not container.get("class"):
        return units
    read = {text for _, text in units}
    added: list[Unit] = []
    for sibling in container.itersiblings():
        if sibling.tag != container.tag or sibling.get("class") != container.get("class"):
            continue
        found = [unit for unit in blocks_within(sibling) if unit[1] not in read]
        if any(kind == "p" and len(text) >= _PROSE_CHARS_MIN for kind, text in found):
            added.extend(found)
    return units + added


_GLUED_MIN_BLOCKS = 3  # blocks of the page a paragraph must hold to have been glued together


def unglue(tree, units: list[Unit]) -> list[Unit]:
    """A paragraph of the reading that holds three or more of the page's blocks run together
    ("...executive controlMeditation sharpens...": trafilatura's fallback reading takes the text
    of a whole container) is read again as those blocks, headings and paragraphs apart."""
    out: list[Unit] = []
    for kind, text in units:
        if kind == "p" and len(text) >= _GLUED_MIN_CHARS and _GLUE_POINT.search(text):
            blocks = blocks_within(tree, _flat(text))
            if len(blocks) >= _GLUED_MIN_BLOCKS and _runs_together(text, blocks):
                out.extend(blocks)
                continue
        out.append((kind, text))
    return out


def _runs_together(text: str, blocks: list[Unit]) -> bool:
    """Whether ``text`` shows two of ``blocks`` one after the other with no break between them."""
    flat = _flat(text)
    return any(f"{a}{b}" in flat for (_, a), (_, b) in zip(blocks, blocks[1:]))


def prefer_declared(units: list[Unit], declared: list[Unit]) -> list[Unit]:
    """The blocks of the article the page declares, over the reading, when they hold at least
    twice its text and most of it: the reading found only part of the article (a gallery whose
    slides trafilatura takes for a slideshow widget)."""
    text, declared_text = " ".join(s for _, s in units), " ".join(s for _, s in declared)
    if len(declared_text) < _DECLARED_GAIN * len(text):
        return units
    runs = _word_runs(text)
    kept = len(runs & _word_runs(declared_text)) / len(runs) if runs else 1.0
    return declared if kept >= _DECLARED_KEEPS else units


def _from_same_start(units: list[Unit], fuller: list[Unit]) -> list[Unit]:
    """``fuller`` without what it finds before the default reading's first paragraph, other than
    what the default reading has too."""
    first = next((s for kind, s in units if kind == "p"), None)
    texts = [s for _, s in fuller]
    if first is None or first not in texts:
        return fuller
    start = texts.index(first)
    default_texts = {s for _, s in units}
    return [u for u in fuller[:start] if u[1] in default_texts] + fuller[start:]


def _word_runs(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = _WORD.findall(text)
    return {tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1))}


def gather_stray_roots(tree) -> None:
    """A page that closes ``</html>`` early and goes on (templates stitched together) parses into
    more than one root element; browsers show what follows, so its elements join the body."""
    body = tree.find("body")
    if body is None:
        return
    for stray in list(tree.itersiblings()):
        if isinstance(stray.tag, str):
            for child in list(stray):
                body.append(child if child.tag != "body" else _unwrapped(child))


def _unwrapped(el):
    """``el``'s children in a plain div (a second <body> is not a body)."""
    el.tag = "div"
    el.attrib.clear()
    return el


@functools.cache
def _page_part_words() -> tuple[frozenset[str], frozenset[str]]:
    """(words naming a part of a page that is not the article, words naming a state)."""
    rows = lexicons.rows("page_part_classes.csv")
    return (frozenset(r["word"] for r in rows if r["role"] == "part"),
            frozenset(r["word"] for r in rows if r["role"] == "state"))


_CLASS_WORD = re.compile(r"[^a-z]+")
_HASH_SUFFIX = re.compile(r"(?:__|-)[A-Za-z0-9]*\d[A-Za-z0-9]*$")  # a CSS module's hash: "Term_tooltip__8VNIW"
_NEVER_DROPPED = frozenset({"html", "body", "main", "article"})


def names_page_part(names: str) -> bool:
    """Whether one of an element's class names (or its id) names a part of the page that is not
    the article: "partner-cta", "cli-modal", "tooltip", "modal-dialog"; not "modal-enabled"."""
    parts, states = _page_part_words()
    for name in names.split():
        words = [w for w in _CLASS_WORD.split(_HASH_SUFFIX.sub("", name).lower()) if w]
        if words and (words[-1] in parts or (words[0] in parts and len(words) == 2 and words[1] not in states)):
            return True
    return False


def _names_part_anywhere(names: str) -> bool:
    """Whether any word of the class names names a part of the page that is not the article."""
    parts, _ = _page_part_words()
    return any(w in parts for w in _CLASS_WORD.split(names.lower()))


_NAMES = etree.XPath("//@class | //@id")


def drop_page_parts(tree, names: list, every_name: str) -> None:
    """Elements whose class or id names a part of the page that is not the article (a call to
    action, a pop-up, a disclaimer, a tooltip: ``lexicons/page_part_classes.csv``) are removed,
    keeping the text that follows them. ``names``: the page's class and id values (each knows its
    element, ``getparent``, in page order), ``every_name`` them joined and lower-cased."""
    found = [word for word in _page_part_words()[0] if word in every_name]
    if not found:  # many pages use none of the part words: no element is looked at
        return
    named = dict.fromkeys(names[k].getparent() for k in _names_holding(names, every_name, found))
    doomed = [el for el in named
              if el.tag not in _NEVER_DROPPED and names_page_part(f"{el.get('class') or ''} {el.get('id') or ''}")]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _names_holding(names: list, every_name: str, words: list[str]) -> list[int]:
    """The places in ``names`` of the values holding one of ``words`` (lower-case, no line breaks)
    once lower-cased, in order: each word's occurrences found in ``every_name`` (``names`` joined by
    line breaks and lower-cased), each occurrence within one value, told by where the values start.
    A value whose lower-case form is longer than itself ("İ", the one letter whose lower case is two
    characters; none is shorter) moves those starts: there each value is asked instead."""
    starts = [0, *itertools.accumulate(map(operator.add, map(len, names), itertools.repeat(1)))]  # in C
    if not names or starts.pop() != len(every_name) + 1:
        return [k for k, name in enumerate(names) if any(word in name.lower() for word in words)]
    held = set()
    for word in words:
        at = every_name.find(word)
        while at >= 0:
            held.add(bisect.bisect_right(starts, at) - 1)
            at = every_name.find(word, at + 1)
    return sorted(held)


_EMBEDDED_POSTS = "//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'twitter-video')]"
_WRAPPERS = frozenset({"div", "figure", "section", "aside", "span", "center"})


def lift_embedded_posts(tree) -> None:
    """Embedded social posts (tweets) are statements an article quotes, but their wrappers carry
    "social"/"embed" classes that trafilatura discards as share widgets. Each post's blockquote is
    lifted out of its wrappers, as a plain blockquote, so that it is read in place like a quote."""
    for quote in tree.xpath(_EMBEDDED_POSTS):
        outer = quote
        parent = quote.getparent()
        while (parent is not None and parent.tag in _WRAPPERS and parent.getparent() is not None
               and not (parent.text or "").strip()
               and all(c is outer or c.tag in ("script", "noscript") or not (c.text_content() or "").strip()
                       for c in parent)):
            outer, parent = parent, parent.getparent()
        quote.attrib.clear()
        if outer is not quote:
            quote.tail = outer.tail
            outer.getparent().replace(outer, quote)


_EMBED_WRAPPERS = etree.XPath("//*[contains(@class, 'embed') or contains(@id, 'embed')][not(self::body or self::html)]")
_EMBEDDED_MEDIA = ("iframe", "script", "style", "video", "audio", "object", "embed", "blockquote", "noscript")


def keep_embedded_tables(tree) -> None:
    """A table a page places in an "embed" block (Webflow's ``w-embed`` holds hand-written HTML) is
    data of the article, and so is prose in an "embed" block that embeds no media, but trafilatura
    discards "embed" wrappers as social-media embeds: such a wrapper loses its class and id so that
    what it holds is read in place."""
    for wrapper in _EMBED_WRAPPERS(tree):
        if wrapper.getparent() is None:
            continue
        table = next(wrapper.iter("table"), None) is not None
        if table or (next(wrapper.iter(*_EMBEDDED_MEDIA), None) is None and _holds_prose(wrapper)):
            wrapper.attrib.pop("class", None)
            wrapper.attrib.pop("id", None)


_PROSE_ITEMS = 3


def _has_prose_paragraph(el) -> bool:
    """Whether ``el`` holds a paragraph of prose (a ``<p>`` of 80 characters or more)."""
    return any(len(_flat(p.text_content())) >= _PROSE_CHARS_MIN for p in el.iter("p"))


def _holds_prose(el) -> bool:
    """Whether ``el`` holds a paragraph of prose or a list of several items."""
    return _has_prose_paragraph(el) or any(len(ul.findall("li")) >= _PROSE_ITEMS for ul in el.iter("ul", "ol"))


_ARTICLE_WIDGETS = ("//*[contains(@class, 'widget')][ancestor::main or ancestor::article][not(.//nav)]"
                    "[not(ancestor-or-self::aside or ancestor::nav or ancestor::footer or ancestor::header"
                    " or ancestor-or-self::*[contains(@class, 'sidebar') or contains(@id, 'sidebar')])]")


def keep_article_widgets(tree) -> None:
    """Page builders (WordPress panels, HubSpot modules) set an article's blocks as "widgets"
    inside ``<main>`` or ``<article>``; trafilatura discards every class holding "widget" as an
    advertisement. Inside the article, out of any sidebar, those class names are removed."""
    for el in tree.xpath(_ARTICLE_WIDGETS):
        if not el.xpath(".//table") and not _has_prose_paragraph(el):
            continue  # a rating box, a button: page furniture
        if _names_part_anywhere(el.get("class")):
            continue  # "zone-widget-cta-letter": a call to action set as a widget
        for part in el.xpath("descendant-or-self::*[contains(@class, 'widget')]"):
            part.set("class", part.get("class").replace("widget", "module"))


def keep_quoted_figures(tree) -> None:
    """A ``<figure>`` holding a ``<blockquote>`` shows a quotation (an expert's words, a customer's
    testimonial) with its attribution in the caption, not an image; trafilatura discards every
    figure. Such a figure becomes a plain ``div`` (its caption a paragraph), read in place."""
    for figure in tree.xpath("//figure[.//blockquote]"):
        figure.tag = "div"
        figure.attrib.clear()
        for caption in figure.iter("figcaption"):
            caption.tag = "p"
            caption.attrib.clear()
        for quote in figure.iter("blockquote"):
            quote.attrib.clear()


def number_continued_lists(tree) -> None:
    """An ordered list that goes on from an earlier one (``<ol start="3">``, a list broken by the
    paragraphs between its items) shows its items numbered from there; trafilatura keeps no
    ``start``, so each item's number is written before its text as a browser shows it."""
    for ol in tree.xpath("//ol[@start]"):
        start = (ol.get("start") or "").strip()
        if not start.isdigit() or int(start) < 2:
            continue
        for k, item in enumerate(ol.iterchildren("li")):
            first = next((el for el in item.iter() if isinstance(el.tag, str) and (el.text or "").strip()), None)
            if first is not None:
                first.text = f"{int(start) + k}. {first.text.lstrip()}"


_QUESTION_MIN_WORDS = 3


def keep_question_buttons(tree) -> None:
    """A button whose label is a question ("How long does a move take?") opens the answer below it
    in a list of questions and answers; trafilatura discards every button, so the question becomes
    a paragraph, read with its answer. Buttons in navigation, headers, footers and forms stay."""
    for button in tree.xpath(f"//button[not({_NOT_ARTICLE})]"):
        text = _flat(button.text_content())
        if text.endswith("?") and len(text.split()) >= _QUESTION_MIN_WORDS:
            button.tag = "div" if any(c.tag in _BLOCK_TAGS for c in button.iter() if c is not button) else "p"
            for name in ("class", "id", "type"):
                button.attrib.pop(name, None)


_SLUG_WORD = re.compile(r"[a-z0-9]+")
_ANCHOR_MIN_WORDS = 4  # shorter ids ("related-posts", "main-menu") name parts of the page


def drop_heading_anchors(tree) -> None:
    """An id spelling out the heading a section opens with ("menu-innovation-strategies-building-
    memorable-dining-experiences") is an anchor for links to that heading, not the name of a part
    of the page; trafilatura reads words inside it ("menu") as navigation and drops the section.
    Such ids, four words or longer, are removed."""
    for el in tree.xpath("(//h2 | //h3 | //h4)/ancestor-or-self::*[@id]"):
        words = _SLUG_WORD.findall(el.get("id").lower())
        if len(words) < _ANCHOR_MIN_WORDS:
            continue
        heading = el if el.tag in ("h2", "h3", "h4") else el.xpath("(.//h2 | .//h3 | .//h4)[1]")[0]
        if _SLUG_WORD.findall(heading.text_content().lower())[:len(words)] == words:
            del el.attrib["id"]


def _depth(tree) -> int:
    """How deep the parsed tree nests (iteratively: pages can nest deeply)."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        el, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in el)
    return deepest


def _title_key(text: Optional[str]) -> str:
    return re.sub(r"[\W_]+", "", (text or "").lower())


_ADDRESS_DRESS = 16  # what an address may carry besides its key: "https://www." and closing slashes


def _address_key(url: Optional[str]) -> str:
    return re.sub(r"^https?://(www\.)?|[/#?]+$", "", (url or "").strip().lower())


def is_placeholder(line: str, multiline: bool = False) -> bool:
    """A line of a template's filler text ("Lorem ipsum dolor sit amet"): never the article.
    ``multiline``: whether any line of ``line`` may be (one search of a whole text, where a
    match may also run across lines; each line is then asked alone)."""
    return lexicons.pattern("placeholder_text.txt", multiline).search(line) is not None


def tidy_units(units: list[Unit], title: Optional[str], url: Optional[str] = None,
               page_authors: Sequence[str] = ()) -> tuple[list[Unit], list[str], list[str]]:
    """Drop chrome lines, a template's filler text and the page's own address, the title repeated
    as a heading (or as a line before the body), a byline or an author's bare name before the body
    and chrome trailing the article. Returns the units kept, the lines removed and the byline's names."""
    kept: list[Unit] = []
    removed: list[str] = []
    authors: list[str] = []
    title_key = _title_key(title)
    own_address = _address_key(url)
    author_keys = {_title_key(a) for a in page_authors if a}
    units = drop_repeated_passages(units, removed)
    page_filler = is_placeholder("\n".join(s for _, s in units), multiline=True)
    for kind, s in units:
        before_body = not any(k == "p" for k, _ in kept)
        if ((title_key and (kind == "h" or before_body) and _title_key(s) == title_key)
                or (own_address and len(s) <= len(own_address) + _ADDRESS_DRESS and _address_key(s) == own_address)
                or (before_body and len(s) < 40 and (is_section_name(s) or _title_key(s) in author_keys))):
            removed.append(s)
            continue
        names = byline_authors(s) if before_body and len(kept) < 3 else None
        if names:
            authors.extend(names)
            removed.append(s)
            continue
        if kind == "r":  # table rows are data: numbers and dates in them are not chrome
            kept.append(("p", s))
            continue
        lines = s.split("\n")
        filler = page_filler and is_placeholder(s)  # each line asked only where its paragraph holds filler
        chrome = [is_meta_line(line) or (filler and is_placeholder(line)) for line in lines]
        body_lines = [line for line, drop in zip(lines, chrome) if not drop]
        removed.extend(line for line, drop in zip(lines, chrome) if drop)
        if not body_lines:
            continue
        if kind == "p" and len(body_lines) == 1 and is_title_like(body_lines[0]):
            kind = "h"  # a short title-like paragraph standing alone: a subheading set in bold
        kept.append(("h" if kind == "h" else "p", "\n".join(body_lines)))
    cut = min(trailing_chrome(kept), trailing_section(kept), trailing_dated_titles(kept))
    removed.extend(s for _, s in kept[cut:])
    return kept[:cut], removed, authors


_DATED_TITLE = re.compile(r"(.{8,150}?)\s+[-–—|•·]\s+(.{6,40})")
_DATED_RUN = 2


def trailing_dated_titles(units: list[Unit]) -> int:
    """Where a closing list of other posts, each a title and its date ("Just This Next Step -
    December 16, 2019"), begins: two or more such lines ending the page; ``len(units)`` if none."""
    def dated(text: str) -> bool:
        m = _DATED_TITLE.fullmatch(text.strip())
        stated = date_line(m.group(2)) if m else None
        return stated is not None and stated.day is not None

    cut = len(units)
    while cut and dated(units[cut - 1][1]):
        cut -= 1
    return cut if len(units) - cut >= _DATED_RUN else len(units)


_TRAILING_SECTION_FROM = 0.25  # share of the way down the units a closing heading must stand
_TRAILING_SECTION_MIN_UNITS = 3
_HEADING_CHARS = 60


def trailing_section(units: list[Unit]) -> int:
    """Where a part of the page that follows the article begins ("Read this next", "Related posts",
    "Sources" unless the article cites them: ``lexicons/trailing_section_heads.txt``,
    ``reference_heads.txt`` and ``link_list_heads.txt``): the
    first such heading a quarter or more of the way down; ``len(units)`` when there is none.
    Nearer the top, such a line more likely belongs to the article ("More from the study")."""
    start = max(_TRAILING_SECTION_MIN_UNITS, int(len(units) * _TRAILING_SECTION_FROM + 0.999))
    for i in range(start, len(units)):
        line = units[i][1].strip().rstrip(":").strip()
        if len(line) >= _HEADING_CHARS:
            continue
        if leads_elsewhere(line):
            return i
        if lexicons.pattern("reference_heads.txt").fullmatch(line) is not None and not cites_sources(units[:i]):
            return i
    return len(units)


def leads_elsewhere(line: str) -> bool:
    """A line leading away from the article: to other stories ("Related posts", "More from X") or
    to the page's closing parts ("Have any questions?")."""
    return opens_link_list(line) or lexicons.pattern("trailing_section_heads.txt").fullmatch(line) is not None


_CITATION = re.compile(r"\[\d{1,3}\]|\([A-Z][\w&.' -]{1,40},? (?:19|20)\d\d[a-z]?\)|\((?:19|20)\d\d\)")
_CITATIONS_MIN = 2


def cites_sources(units: list[Unit]) -> bool:
    """Whether the text cites sources in place two or more times ("[1]", "(Redfin, 2025)"), so
    that the list of references closing it belongs to it."""
    return sum(len(_CITATION.findall(text)) for _, text in units) >= _CITATIONS_MIN


_REPEATED_PROSE = 3  # paragraphs of prose a passage must repeat to be a second copy of the page's text ...
_REPEATED_LONG = 200  # ... or the characters of one paragraph it repeats
_PROSE_CHARS = 60
_SENTENCE_END = (".", "!", "?", ".”", "?”", '."')


def drop_repeated_passages(units: list[Unit], removed: list[str]) -> list[Unit]:
    """The article laid out more than once (a page's mobile and desktop versions, its AMP or print
    copy, a teaser repeating its opening): a passage that comes again in the same order, holding
    three or more paragraphs of prose or one long one, goes to ``removed`` the second time. Units are
    compared by their words alone, so that a copy differing in spacing, quotation marks or case is
    still a copy. Repeated labels and short lines (a meal plan's "Pre-Workout Meal" for each day, a
    pull quote) stay."""
    keys = [" ".join(_WORD.findall(text.lower())) for _, text in units]
    first = first_places(keys)
    kept: list[Unit] = []
    i = 0
    while i < len(units):
        n = repeat_length(keys, first, i)
        prose = [text for _, text in units[i:i + n] if len(text) >= _PROSE_CHARS and text.endswith(_SENTENCE_END)]
        if len(prose) >= _REPEATED_PROSE or any(len(text) >= _REPEATED_LONG for text in prose):
            removed.extend(text for _, text in units[i:i + n])
            i += n
            continue
        kept.append(units[i])
        i += 1
    return kept


_LIST_ITEMS_MIN = 2
_INTRO_CHARS_MAX = 300
_INTRO_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "span", "b", "strong"})  # a line, not a container


def restore_lists(tree, units: list[Unit]) -> list[Unit]:
    """Lists the reading lost that the article announces, put back in place. A paragraph or
    heading ending with a colon ("Top picks:", "You will need:") introduces what follows it; when
    the reading kept that line but dropped the list right after it on the page (a list of links
    to the products or courses it names reads as navigation), the list's items go back after the
    line. Only inside the article, with a paragraph of its prose still to come (what follows the
    last one is tags, links to other stories, sharing buttons); not where the line is page chrome
    ("Tags:") or opens a list of other stories ("Related:"), nor where the list stands in
    navigation, a header, a footer, an aside or a form."""
    colons = [i for i, (_, text) in enumerate(units) if text.endswith(":") and len(text) <= _INTRO_CHARS_MAX]
    if not colons:
        return units
    last_prose = max((i for i, (kind, text) in enumerate(units) if kind == "p" and len(text) >= _PROSE_CHARS_MIN),
                     default=0)
    intros: dict[str, list[int]] = {}  # a line's places in the reading, in page order: a repeated
    for i in colons:  # "Top picks:" introduces a list each time
        text = units[i][1]
        if i < last_prose and "\n" not in text:
            intros.setdefault(_flat(text), []).append(i)
    if not intros:
        return units
    joined = "\n".join(text for _, text in units)
    read = ""  # the reading's words, spaced: made only for a list none of whose items it holds verbatim
    inserts: dict[int, list[Unit]] = {}
    for lst in tree.iter("ul", "ol"):
        before = next((el for el in lst.itersiblings(preceding=True) if isinstance(el.tag, str)), None)  # no comments
        if before is None or before.tag not in _INTRO_TAGS:
            continue
        places = intros.get(_flat(before.text_content()))
        if not places:
            continue
        i = places.pop(0)
        items = [_flat(li.text_content()) for li in lst if li.tag == "li"]
        items = [item for item in items if item]
        if len(items) < _LIST_ITEMS_MIN or any(item in joined for item in items):
            continue  # too short to be a list, or read (in part: the reading judged the rest)
        if not read:
            read = f' {" ".join(_WORD.findall(joined.lower()))} '
        if any(f" {_words_tail(item)} " in read for item in items):
            continue  # read with other marks or numbers before its items
        line = units[i][1]
        if is_meta_line(line) or leads_elsewhere(line.rstrip(":").strip()) or lst.xpath(_NOT_ARTICLE):
            continue
        inserts[i] = [("i", numbered(item, n) if lst.tag == "ol" else item) for n, item in enumerate(items, 1)]
    if not inserts:
        return units
    out: list[Unit] = []
    for i, unit in enumerate(units):
        out.append(unit)
        out.extend(inserts.get(i, []))
    return out


_TAIL_WORDS = 6


def _words_tail(text: str) -> str:
    """The last few words of ``text``, lower-cased and spaced as ``read`` is: how an item is
    found in the reading whatever marks or numbers open it."""
    return " ".join(_WORD.findall(text.lower())[-_TAIL_WORDS:])


_SUBHEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_MAX_HEADING_WORDS = 15
_HEADINGS_IN_A_ROW = 2  # a heading and a subheading; more in a row are a list of links
_BLOCK_TAGS = ("p", "ul", "ol", "table", "blockquote", "pre", "figure", *sorted(_SUBHEADING_TAGS))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _block_beside(blocks: list, k: int, step: int):
    """The nearest block before (step -1) or after (step 1) ``blocks[k]`` in page order that is not
    a heading, nor inside the heading, nor around it; None at either end."""
    heading = blocks[k]
    around = set(heading.iterancestors()) if step < 0 else set(heading.iterdescendants())
    i = k + step
    while 0 <= i < len(blocks) and (blocks[i].tag in _SUBHEADING_TAGS or blocks[i] in around):
        i += step
    return blocks[i] if 0 <= i < len(blocks) else None


def restore_headings(tree, units: list[Unit]) -> list[Unit]:
    """Subheadings the reading lost, put back in place. When trafilatura's first pass fails it
    gathers the page's paragraphs one by one and leaves the headings between them out; a
    heading (h2 to h6) whose next paragraph on the page was read, and which was not read
    itself, goes back just before that paragraph."""
    where = {}
    for i, (kind, text) in enumerate(units):
        where.setdefault(_flat(text), i)
    read = " ".join(_flat(text) for _, text in units).lower()
    inserts: dict[int, list[str]] = {}
    blocks = list(tree.iter(*_BLOCK_TAGS))  # in page order, once: a scan per heading stays short
    for k, heading in enumerate(blocks):
        if heading.tag not in _SUBHEADING_TAGS:
            continue
        text = _flat(heading.text_content())
        if not text or len(text.split()) > _MAX_HEADING_WORDS or text.lower() in read:
            continue
        linked = sum(len(_flat(a.text_content())) for a in heading.iter("a") if (a.get("href") or "#")[:1] != "#")
        if 2 * linked >= len(text) or heading.xpath("ancestor::a[@href] or ancestor::li"):
            continue  # the headline of another page, linked or listed: a teaser, not a subheading
        before, after = _block_beside(blocks, k, -1), _block_beside(blocks, k, 1)
        if before is None or after is None or after.tag != "p" or before.tag != "p":
            continue  # a heading over a list, a table or links is not put back
        i, j = where.get(_flat(after.text_content())), where.get(_flat(before.text_content()))
        if i is not None and j == i - 1 and len(inserts.get(i, [])) < _HEADINGS_IN_A_ROW and text not in inserts.get(i, []):
            inserts.setdefault(i, []).append(text)
    if not inserts:
        return units
    out: list[Unit] = []
    for i, unit in enumerate(units):
        out.extend(("h", text) for text in inserts.get(i, []))
        out.append(unit)
    return out
