"""Whose words a stretch of text is in: a quoted source's, or the article's own.

Wording is a source's only where the source's own words stand: inside a direct attribution's
content, or inside quotation marks within any attribution's content (a mixed quote, or a word the
source is quoted as using: officials called them "terrorists"). Reported speech outside quotation
marks is the writer's paraphrase, so its wording is the writer's, though the claim is the source's
(``claims`` gives claims inside any attribution's content the source's voice). A quotation of at
least ``MIN_QUOTE_WORDS`` words that no attribution claims is a floating quote: quoted, speaker
unknown. Shorter quoted runs outside attributions are scare quotes or titles: the writer's.
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from ..record import Record, Span

MIN_QUOTE_WORDS = 4

# A quotation: curly quotes, or straight double quotes, never across a blank line.
_QUOTE = re.compile(r"“[^”\n]*(?:\n(?!\s*\n)[^”\n]*)*”|\"[^\"\n]*(?:\n(?!\s*\n)[^\"\n]*)*\"")


def quote_spans(text: str) -> list[Span]:
    """Spans of quotations in the text, quote marks included."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]


def long_quote_spans(text: str) -> list[Span]:
    """Quotations of at least ``MIN_QUOTE_WORDS`` words: a speaker's words, not scare quotes."""
    return [(s, e) for s, e in quote_spans(text) if len(text[s:e].split()) >= MIN_QUOTE_WORDS]


class Voices:
    """Answers ``of(start, end)`` for one record: ("quoted", source id) or ("authorial", None)."""

    def __init__(self, record: Record):
        self._contents = sorted(((a.content[0], a.content[1], a.source, a.kind)
                                 for a in record.attributions if a.content), key=lambda c: c[:2])
        self._content_starts = [c[0] for c in self._contents]
        self._marks = quote_spans(record.text)
        self._quotes = [(s, e) for s, e in self._marks if len(record.text[s:e].split()) >= MIN_QUOTE_WORDS]

    def attribution(self, start: int, end: int) -> Optional[tuple[int, int, Optional[str], str]]:
        """The attribution whose content holds [start, end); where contents nest, the innermost."""
        k = bisect.bisect_right(self._content_starts, start)
        for content in reversed(self._contents[:k]):
            if content[0] <= start and end <= content[1]:
                return content
        return None

    @staticmethod
    def _inside(spans: list[Span], start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in spans)

    def of(self, start: int, end: int) -> tuple[str, Optional[str]]:
        content = self.attribution(start, end)
        if content is not None and (content[3] == "direct" or self._inside(self._marks, start, end)):
            return "quoted", content[2]
        if self._inside(self._quotes, start, end):
            return "quoted", None
        return "authorial", None
