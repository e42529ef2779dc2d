"""Quotation marks paired into quotes: every style, over paragraphs, with a count of the marks left
without a partner.

Styles: straight double (") and single ('), curly (“ ” and ‘ ’), low-high („ “), guillemets (« »).
Double marks make the quotes; single marks make one only where no double quote is open (British
style), and an apostrophe (don’t, Jones’) is never taken for one. A paragraph that ends inside a
quote continues it when the next paragraph opens with a mark (the newspaper convention for a quote
over several paragraphs); otherwise the quote is closed at the paragraph's end and the mark counted
as unbalanced, so a stray mark spoils at most one paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OPEN, CLOSE, EITHER = 1, 2, 3
_DOUBLE = {"“": OPEN, "„": OPEN, "«": OPEN, "”": CLOSE, "»": CLOSE, '"': EITHER}
_SINGLE = {"‘": OPEN, "‚": OPEN, "‹": OPEN, "’": CLOSE, "›": CLOSE, "'": EITHER}
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_OPENS_AFTER = set(" \t\n([{—–-/") | {""}
_CLOSES_BEFORE = set(" \t\n,.;:!?)]}—–-/…") | {""}


@dataclass(slots=True)
class Quote:
    start: int  # the opening mark (or where a quote without one is taken to begin)
    end: int  # just after the closing mark (or where an unclosed quote is taken to end)
    closed: bool = True  # both marks found
    paragraphs: int = 1  # how many paragraphs it runs over
    single: bool = False  # made of single marks

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - (1 if self.closed else 0)


@dataclass(slots=True)
class QuoteScan:
    quotes: list[Quote]
    unbalanced: int


def _role(text: str, i: int, table: dict[str, int]) -> int:
    role = table[text[i]]
    if role != EITHER:
        return role
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before in _OPENS_AFTER and after not in _CLOSES_BEFORE - {""}:
        return OPEN
    if after in _CLOSES_BEFORE:
        return CLOSE
    return EITHER


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before.isalnum() and after.isalnum():  # don't, it's, rock'n'roll
        return True
    if after.isdigit() and not before.isalnum():  # '90s
        return True
    return False


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _PARAGRAPH.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _opens_with_mark(text: str, start: int) -> bool:
    ch = text[start] if start < len(text) else ""
    return ch in _DOUBLE and _role(text, start, _DOUBLE) != CLOSE


def _strip_end(text: str, end: int, floor: int) -> int:
    while end > floor and text[end - 1].isspace():
        end -= 1
    return end


def scan(text: str) -> QuoteScan:
    """Every top-level quote in ``text``, in order."""
    paragraphs = _paragraph_spans(text)
    quotes: list[Quote] = []
    unbalanced = 0
    open_at: int | None = None  # an open double quote, possibly carried from an earlier paragraph
    runs = 1
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        first = p_start
        if open_at is not None:  # carried over: this paragraph opens with a mark (checked below)
            first = p_start + 1
            runs += 1
        for i in range(first, p_end):
            ch = text[i]
            if ch not in _DOUBLE:
                continue
            role = _role(text, i, _DOUBLE)
            if open_at is None:
                if role == CLOSE:  # a closing mark with no opening one: the quote runs from the paragraph start
                    unbalanced += 1
                    quotes.append(Quote(p_start, i + 1, closed=False))
                else:
                    open_at, runs = i, 1
            elif role == OPEN and ch != '"':  # a second opening mark: the first was never closed
                unbalanced += 1
                quotes.append(Quote(open_at, _strip_end(text, i, open_at + 1), closed=False, paragraphs=runs))
                open_at, runs = i, 1
            else:
                quotes.append(Quote(open_at, i + 1, paragraphs=runs))
                open_at = None
        if open_at is not None:
            following = paragraphs[p_index + 1][0] if p_index + 1 < len(paragraphs) else None
            if following is None or not _opens_with_mark(text, following):
                unbalanced += 1
                quotes.append(Quote(open_at, p_end, closed=False, paragraphs=runs))
                open_at = None
    quotes = [q for q in quotes if q.end - q.start > 1]
    single = _single_quotes(text, paragraphs, quotes)
    if single:
        quotes = sorted(quotes + single, key=lambda q: q.start)
    return QuoteScan(quotes, unbalanced)


def _single_quotes(text: str, paragraphs: list[tuple[int, int]], doubles: list[Quote]) -> list[Quote]:
    """British-style quotes in single marks, outside every double quote."""
    found: list[Quote] = []
    d = 0
    for p_start, p_end in paragraphs:
        open_at: int | None = None
        for i in range(p_start, p_end):
            ch = text[i]
            if ch not in _SINGLE:
                continue
            while d < len(doubles) and doubles[d].end <= i:
                d += 1
            if d < len(doubles) and doubles[d].start <= i < doubles[d].end:
                continue
            if _is_apostrophe(text, i):
                continue
            role = _role(text, i, _SINGLE)
            if open_at is None:
                if role == OPEN:
                    open_at = i
            elif role in (CLOSE, EITHER):
                before = text[i - 1] if i > 0 else ""
                after = text[i + 1:i + 3]
                # "the players’ union": a plural possessive, not the end of the quote
                if before == "s" and re.match(r" [a-z]", after) and text.find("’", i + 1, p_end) > 0:
                    continue
                found.append(Quote(open_at, i + 1, single=True))
                open_at = None
        # an opening single mark never closed is usually a stray apostrophe, not a quote: dropped
    return found


def covering(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The quote that contains [start, end), if any (quotes are sorted and do not overlap)."""
    lo, hi = 0, len(quotes)
    while lo < hi:
        mid = (lo + hi) // 2
        if quotes[mid].end <= start:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(quotes) and quotes[lo].start <= start and end <= quotes[lo].end:
        return quotes[lo]
    return None
