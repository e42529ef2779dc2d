"""Bounds a document must keep to before it is parsed, checked cheaply on its text.

HTML parsing and page extraction take time that grows with the markup, and some pages (damaged, or
built to stall parsers) hold more than any article: one tag with 200,000 attributes, 150,000
paragraphs. Each bound is far above what real news pages hold (over the 419 pages of
``../shared/eval/pages`` and ``extraction``: at most 8,530 tags, 101 attributes on one tag and 374
``<p>`` tags) and each breach has its own error code, so a hostile page costs a regular-expression
scan, not the batch. A page of more ``<p>`` tags than an article has paragraphs is refused before
extraction (which takes seconds over 20,000 of them), as its body would be after.

A body that is not prose (fewer than a quarter of its characters letters: runs of entities, emoji,
punctuation or quote marks) has no article in it; parsing such a text costs many times what prose of
its length does (80,000 characters of ``&<😀`` took 35 s to parse), so it is refused (E105) before
it. Over the 400 real articles of the hostile benchmark at least 57 % are letters (tables of figures),
in every script. What the bounds do not foresee, the worker's watchdog stops (``workers.py``).
"""
from __future__ import annotations

import re

from .. import errors
from .decode import count_ascii

MAX_TAGS = 30_000
MAX_ATTRIBUTES = 1_000
MAX_PARAGRAPHS = 5_000

_TAG = re.compile(r"<[A-Za-z]")
_PARAGRAPH_TAG = re.compile(r"<p[\s>/]", re.I)
MIN_LETTER_SHARE = 0.25
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# Only a start tag of 4,000 characters or more can hold MAX_ATTRIBUTES attributes: count in those alone.
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{4000,}")
_ATTRIBUTE = re.compile(r"""[^\s"'>/=]+\s*(?:=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")


def check_markup(html: str) -> None:
    """Raise InputError (E113, E114, E115) when a page holds more tags, attributes or paragraphs
    than any article."""
    # counted in C first: "<" at least as often as a tag opens, "<p" and "<P" as a paragraph does
    tags = html.count("<")
    if tags > MAX_TAGS:
        tags = len(_TAG.findall(html))
    if tags > MAX_TAGS:
        raise errors.too_many_tags(tags, MAX_TAGS)
    # each "<p" holds a "<": a page of no more "<" than the bound has no more paragraphs either
    paragraphs = html.count("<p") + html.count("<P") if tags > MAX_PARAGRAPHS else tags
    if paragraphs > MAX_PARAGRAPHS:
        paragraphs = len(_PARAGRAPH_TAG.findall(html))
    if paragraphs > MAX_PARAGRAPHS:
        raise errors.too_many_paragraphs(paragraphs, MAX_PARAGRAPHS, "the page")
    for m in _LONG_TAG.finditer(html):
        attributes = sum(1 for _ in _ATTRIBUTE.finditer(m.group(), 2))
        if attributes > MAX_ATTRIBUTES:
            raise errors.too_many_attributes(attributes, MAX_ATTRIBUTES)


def check_body(text: str) -> None:
    """Raise InputError when an article body has more paragraphs than any article (E115) or is not
    prose (E105)."""
    paragraphs = sum(1 for line in text.split("\n") if line.strip())
    if paragraphs > MAX_PARAGRAPHS:
        raise errors.too_many_paragraphs(paragraphs, MAX_PARAGRAPHS)
    # counted in C: a Python loop over the characters cost more than the check saves
    chars = len("".join(text.split()))
    # letters: the ASCII ones counted in C, the others in the runs of characters beyond ASCII
    letters = count_ascii(text, _ASCII_LETTERS) + sum(len(_NOT_LETTERS.sub("", run)) for run in _NOT_ASCII.findall(text))
    if letters < chars * MIN_LETTER_SHARE:
        raise errors.no_body(f"{chars:,} characters, {letters:,} of them letters: no prose")
