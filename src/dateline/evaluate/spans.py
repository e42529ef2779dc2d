"""Carrying character spans between two versions of the same text, for scorers whose gold offsets
point into a text that differs from ``Record.text`` (page chrome dropped by the reader, lines
joined, or gold offsets counted on another copy of the article).

``Alignment(a, b).span(start, end)`` maps a span of ``a`` onto ``b`` through the words the two
share (difflib over whitespace-separated words, so it is linear-ish and exact inside a word).
``anchor(text, needle, near)`` finds the occurrence of a gold string nearest to where its offset
says it is, tolerant of differences in whitespace.
"""
from __future__ import annotations

import bisect
import difflib
import re
from typing import Optional

Span = tuple[int, int]
_WORD = re.compile(r"\S+")


class Alignment:
    def __init__(self, a: str, b: str):
        wa = [(m.start(), m.group()) for m in _WORD.finditer(a)]
        wb = [(m.start(), m.group()) for m in _WORD.finditer(b)]
        self.a_starts = [s for s, _ in wa]
        self.a_words = wa
        self.to_b: list[Optional[int]] = [None] * len(wa)
        matcher = difflib.SequenceMatcher(None, [w for _, w in wa], [w for _, w in wb], autojunk=False)
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                self.to_b[block.a + k] = wb[block.b + k][0]
        self.identical = a == b

    def char(self, pos: int, end: bool = False) -> Optional[int]:
        """Where character ``pos`` of ``a`` is in ``b`` (for ``end``, the position just after it)."""
        if self.identical:
            return pos + (1 if end else 0)
        k = bisect.bisect_right(self.a_starts, pos) - 1
        if k < 0:
            return None
        start, word = self.a_words[k]
        offset = min(pos - start, len(word) - 1)
        if self.to_b[k] is None:
            return None
        return self.to_b[k] + offset + (1 if end else 0)

    def span(self, start: int, end: int) -> Optional[Span]:
        if end <= start:
            return None
        s, e = self.char(start), self.char(end - 1, end=True)
        if s is None or e is None or e <= s:
            return None
        return s, e


def anchor(text: str, needle: str, near: int) -> Optional[Span]:
    """The occurrence of ``needle`` in ``text`` closest to ``near`` (whitespace may differ)."""
    if not needle.strip():
        return None
    hits = []
    k = text.find(needle)
    while k >= 0:
        hits.append(k)
        k = text.find(needle, k + 1)
    if hits:
        best = min(hits, key=lambda h: abs(h - near))
        return best, best + len(needle)
    pattern = r"\s+".join(map(re.escape, needle.split()))
    found = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    return min(found, key=lambda s: abs(s[0] - near)) if found else None
