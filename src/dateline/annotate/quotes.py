"""Quotation marks paired into quotes: every style, over paragraphs, with a count of the marks left
without a partner.

Styles: straight double (") and single ('), curly (“ ” and ‘ ’), low-high („ “), guillemets (« »),
two single marks typed for a double ('' and ``), and a closing mark typed for an opening one.
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
_DOUBLED_SINGLE = {"’’", "‘‘", "''", "``", "‘’"}
_SENTENCE_BREAK = re.compile(r"[.?!]\s+(?=[A-Z])")
_OPENS_AFTER = set(" \t\n([{—–-/") | {""}
_CLOSES_BEFORE = set(" \t\n,.;:!?)]}—–-/…") | {""}


@dataclass(slots=True)
class Quote:
    start: int  # the opening mark (or where a quote without one is taken to begin)
    end: int  # just after the closing mark (or where an unclosed quote is taken to end)
    closed: bool = True  # both marks found
    paragraphs: int = 1  # how many paragraphs it runs over
    single: bool = False  # made of single marks


@dataclass(slots=True)
class QuoteScan:
    quotes: list[Quote]
    unbalanced: int


def _role(text: str, i: int, table: dict[str, int]) -> int:
    role = table[text[i]]
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    opens = before in _OPENS_AFTER and after not in _CLOSES_BEFORE
    closes = before not in _OPENS_AFTER and after in _CLOSES_BEFORE
    if role == CLOSE and opens and after.isalnum():  # a closing mark typed for an opening one: (”Anxiety
        return OPEN
    if role == OPEN and closes:  # and the other way round: word“.
        return CLOSE
    if role != EITHER:
        return role
    if opens:
        return OPEN
    if closes:
        return CLOSE
    return EITHER  # spaces on both sides ('would " provide'): the open or closed state decides


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
        for i, width, role, straight in _double_marks(text, first, p_end):
            if open_at is None:
                if role == CLOSE:  # a closing mark with no opening one
                    unbalanced += 1
                    quotes.append(Quote(_stray_start(text, p_start, i, quotes), i + width, closed=False))
                else:
                    open_at, runs = i, 1
            elif role == OPEN and not straight:  # a second opening mark: the first was never closed
                unbalanced += 1
                quotes.append(Quote(open_at, _strip_end(text, i, open_at + 1), closed=False, paragraphs=runs))
                open_at, runs = i, 1
            else:
                quotes.append(Quote(open_at, i + width, paragraphs=runs))
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


def _double_marks(text: str, start: int, end: int):
    """(position, width, role, straight) of each double mark in [start, end); two single marks
    typed for one double ("’’", "‘‘", "''", "``") count as one."""
    i = start
    while i < end:
        pair = text[i:i + 2]
        if pair in _DOUBLED_SINGLE and i + 1 < end:
            before = text[i - 1] if i > 0 else ""
            after = text[i + 2] if i + 2 < len(text) else ""
            role = OPEN if before in _OPENS_AFTER and after not in _CLOSES_BEFORE else CLOSE
            yield i, 2, role, False
            i += 2
            continue
        if text[i] in _DOUBLE:
            yield i, 1, _role(text, i, _DOUBLE), text[i] == '"'
        i += 1


def _stray_start(text: str, p_start: int, close: int, quotes: list[Quote]) -> int:
    """Where a quote whose opening mark is missing begins: the paragraph's start, or, after an
    earlier quote and its cue ('"...," Jones said. It was never ..."'), the next sentence."""
    begin = p_start
    if quotes and quotes[-1].end > p_start:
        begin = quotes[-1].end
        found = _SENTENCE_BREAK.search(text, begin, close)
        if found:
            begin = found.end()
    while begin < close and text[begin].isspace():
        begin += 1
    return begin


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
