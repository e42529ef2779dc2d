"""Whose voice a stretch of text is in: a quoted or reported source's, or the article's own.

A span is in a source's voice when it lies inside an attribution's content; failing that, when it
lies inside a quotation of at least ``MIN_QUOTE_WORDS`` words that no attribution claims (a floating
quote whose speaker is unknown). Shorter quoted runs are scare quotes or titles: the writer's voice.
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
    return [(s, e) for s, e in quote_spans(text) if len(text[s:e].split()) >= MIN_QUOTE_WORDS]


class Voices:
    """Answers ``of(start, end)`` for one record: ("quoted", source id) or ("authorial", None)."""

    def __init__(self, record: Record):
        contents = sorted((a.content[0], a.content[1], a.source) for a in record.attributions if a.content)
        self._contents = contents
        self._content_starts = [c[0] for c in contents]
        self._quotes = long_quote_spans(record.text)
        self._quote_starts = [q[0] for q in self._quotes]

    def attribution_source(self, start: int, end: int) -> tuple[bool, Optional[str]]:
        """Whether [start, end) lies inside an attribution's content, and that attribution's source.

        Where contents nest, the innermost (the latest starting) wins.
        """
        k = bisect.bisect_right(self._content_starts, start)
        for c_start, c_end, source in reversed(self._contents[:k]):
            if c_start <= start and end <= c_end:
                return True, source
        return False, None

    def in_quote(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self._quote_starts, start)
        return k > 0 and self._quotes[k - 1][0] <= start and end <= self._quotes[k - 1][1]

    def of(self, start: int, end: int) -> tuple[str, Optional[str]]:
        inside, source = self.attribution_source(start, end)
        if inside or self.in_quote(start, end):
            return "quoted", source
        return "authorial", None
