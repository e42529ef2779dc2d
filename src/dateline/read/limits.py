"""Bounds a document must keep to before it is parsed, checked cheaply on its text.

HTML parsing and page extraction take time that grows with the markup, and some pages (damaged, or
built to stall parsers) hold more than any article: one tag with 200,000 attributes, 150,000
paragraphs. Each bound is far above what real news pages hold (over the 419 pages of
``../shared/eval/pages`` and ``extraction``: at most 8,530 tags, 101 attributes on one tag and 374
paragraphs) and each breach has its own error code, so a hostile page costs a regular-expression
scan, not the batch. What the bounds do not foresee, the worker's watchdog stops (``workers.py``).
"""
from __future__ import annotations

import re

from .. import errors

MAX_TAGS = 30_000
MAX_ATTRIBUTES = 1_000
MAX_PARAGRAPHS = 5_000

_TAG = re.compile(r"<[A-Za-z]")
# Only a start tag of 4,000 characters or more can hold MAX_ATTRIBUTES attributes: count in those alone.
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{4000,}")
_ATTRIBUTE = re.compile(r"""[^\s"'>/=]+\s*(?:=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")


def check_markup(html: str) -> None:
    """Raise InputError (E113, E114) when a page holds more tags or attributes than any article."""
    tags = sum(1 for _ in _TAG.finditer(html))
    if tags > MAX_TAGS:
        raise errors.too_many_tags(tags, MAX_TAGS)
    for m in _LONG_TAG.finditer(html):
        attributes = sum(1 for _ in _ATTRIBUTE.finditer(m.group(), 2))
        if attributes > MAX_ATTRIBUTES:
            raise errors.too_many_attributes(attributes, MAX_ATTRIBUTES)


def check_body(text: str) -> None:
    """Raise InputError (E115) when an article body has more paragraphs than any article."""
    paragraphs = sum(1 for line in text.split("\n") if line.strip())
    if paragraphs > MAX_PARAGRAPHS:
        raise errors.too_many_paragraphs(paragraphs, MAX_PARAGRAPHS)
