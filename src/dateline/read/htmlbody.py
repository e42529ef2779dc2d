"""trafilatura's body tree to units of text in reading order: ``(kind, text)`` where kind is ``h``
(a heading), ``p`` (a paragraph), ``i`` (a list item) or ``r`` (a table row).

trafilatura returns the main content as a small XML vocabulary: ``head``, ``p``, ``list``/``item``,
``quote``, ``table``/``row``/``cell``, ``code``, inline ``hi``, ``ref``, ``lb`` and ``graphic``.
Text also sits in the *tails* of elements (the words after a ``</head>`` that no ``p`` wraps), so
every element's tail is walked too. List items and table rows become paragraphs of their own (cells
joined with " | "); a line break inside a paragraph is kept as a newline.
"""
from __future__ import annotations

import re

Unit = tuple[str, str]  # (kind, text): kind is "h", "p", "i" (list item) or "r" (table row)

_BLOCKS = frozenset({"p", "head", "list", "quote", "table", "code", "div", "item", "row"})
_NESTED = frozenset({"p", "list", "table", "quote", "head", "div", "code"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2009\u200a\u202f]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_NUMBERED = re.compile(r"\(?\d{1,3}[.):]|[A-Za-z][.)]\s|[ivxIVX]{1,4}[.)]\s|(?:step|no\.?|#)\s*\d", re.I)


def body_units(body) -> list[Unit]:
    """The units of trafilatura's ``body`` element (None gives no units)."""
    units: list[Unit] = []
    if body is not None:
        _container(body, units)
    return units


def clean_line_breaks(text: str) -> str:
    """Whitespace runs collapsed within lines, blank lines dropped, zero-width characters removed."""
    text = _SPACES.sub(" ", _INVISIBLE.sub("", text))
    if "\n" not in text:  # one line, as most are: nothing to drop or join
        return text.strip()
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _emit(units: list[Unit], kind: str, text: str) -> None:
    text = clean_line_breaks(text)
    if kind == "h":
        text = text.replace("\n", " ")
    if text:
        units.append((kind, text))


def _inline(el) -> str:
    """All text under ``el`` with ``lb`` as a newline, not following its tail."""
    parts: list[str] = []

    def walk(e) -> None:
        if e.tag == "lb":
            parts.append("\n")
        elif e.tag != "graphic" and e.text:
            parts.append(e.text)
        for child in e:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return "".join(parts)


def numbered(text: str, number: int) -> str:
    """An ordered list's item with its number, as a browser renders it ("2. Second step"), unless
    its text already starts with one."""
    return text if _NUMBERED.match(text) else f"{number}. {text}"


def _number(units: list[Unit], first: int, number: int) -> None:
    if first < len(units):
        kind, text = units[first]
        units[first] = (kind, numbered(text, number))


def _container(el, units: list[Unit]) -> None:
    """An element holding a mix of blocks and loose inline text: each block in turn, the loose
    text between blocks as paragraphs."""
    pending = [el.text or ""]
    for child in el:
        if child.tag in _BLOCKS:
            _emit(units, "p", "".join(pending))
            pending = []
            _block(child, units)
        elif child.tag == "lb":
            pending.append("\n")
        else:
            pending.append(_inline(child))
        pending.append(child.tail or "")
    _emit(units, "p", "".join(pending))


def _block(el, units: list[Unit]) -> None:
    tag = el.tag
    if tag == "head":
        _emit(units, "h", _inline(el))
    elif tag == "list":
        ordered = el.get("rend") == "ol"
        number = 0
        for item in el:
            first = len(units)
            if item.tag == "item" and not any(c.tag in _NESTED for c in item):
                _emit(units, "i", _inline(item))
            elif item.tag in _BLOCKS:
                _block(item, units)
            else:
                _emit(units, "i", _inline(item))
            if ordered and item.tag == "item":
                number += 1
                _number(units, first, number)
    elif tag == "table":
        for row in el.iter("row"):
            if next(row.iterancestors("table"), None) is not el:
                continue  # a row of a table nested in a cell, already read with that cell
            cells = [c for c in row if c.tag == "cell"]
            if len(cells) == 1 and any(c.tag in _NESTED for c in cells[0]):
                _container(cells[0], units)  # a table laying out a page's column: its blocks, in turn
                continue
            cells = (clean_line_breaks(_inline(c)).replace("\n", " ") for c in cells)
            _emit(units, "r", " | ".join(c for c in cells if c))
    elif any(c.tag in _NESTED for c in el):
        _container(el, units)
    else:
        _emit(units, "p", _inline(el))
