"""Text copied from a web page, a whole page or a selection of it: where the article lies, its
title, then a line classifier that keeps the article and drops the chrome.

1. Lines: blocks (lines not separated by a blank line) are joined into one paragraph when they are
   hard-wrapped (evenly filled, ending mid-sentence), and read as paragraphs of their own when each
   is a whole paragraph (text copied from a browser often has no blank lines).
2. Where the article lies (``locate``): the run of lines whose prose most outweighs the short lines
   around it (menus, share rows, labels, lists of links, a teaser's line under a link; a list's
   items and a table's rows weigh less or nothing), carried back over a line or two to a
   standfirst or over a list the article opens with a colon, past a rail of promotions over a
   menu, carried over a few short lines to the prose after them (not to a rail of teasers, but
   over a box of links or a newsletter's sign-up set inside the article), and ended by a line
   opening what follows an article (comments, an author's box, related stories, a part leading
   elsewhere, sources the article does not cite: ``lexicons/closing_heads.txt``).
3. The title: among the title-like lines above the article, the one whose words the article
   echoes most (words the rest of the page holds more often, a site's name, count less; words
   its first paragraphs repeat, a little more), a little more if the page shows it twice (a
   breadcrumb and the headline) or its byline or date follows it, a little less the farther it
   stands (a table of contents, bylines, dates and share rows between put it no farther); not an
   entry of the table of contents, a breadcrumb's trail, or a byline set on the headline's line.
4. Each line of the article is then one of:
   - chrome (share rows, counters, cookie notices, "Advertisement", "Read more", newsletter
     prompts, photo credits, comment prompts: ``lexicons/chrome.txt``; a site's notices of any
     length: ``lexicons/notices.txt``), dropped and kept in ``removed``;
   - a byline ("By Jane Doe and John Roe, Reuters"; "Reporting by ..."), dropped, its names kept
     as authors (also just above the headline);
   - a date line ("Published June 3, 2025", "Updated: June 4, 2025 9:15 AM"), dropped, its date
     kept as the publication date the page states;
   - a heading: a short title-like line standing alone between paragraphs (after a line ending
     with a colon, such lines are the items of a list);
   - body.
   Links listed after "Related" or "Most read", runs of three or more title-like lines in a row,
   headings after the last paragraph, a note about the author closing the article ("Jane Doe
   is a writer ...") or a box about them, a promotion's pitch over its button ("Get started")
   and a passage a page repeats are not the article either. Lines outside the article go to
   ``removed``. The dateline is looked for at the head of the first body paragraph.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Sequence

from .. import lexicons
from ..record import Dateline, Heading
from . import Page
from .dateline import find_dateline
from .dates import DateLine, date_line, shown_dates

# A name in a byline: two to four capitalised words ("Jane Doe", "Sarah al-Amin", "JANE DOE").
_NAME_WORD = r"(?:(?:al|el|ad|as|ash|bin|ibn|ben|d|de|di|da|du|o)['’\-])?[A-Z][\w.'’\-]*"
_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:de|da|van|von|der|den|del|la|le|bin|al|ibn|abu)\s+)?{_NAME_WORD}){{1,3}}"
_NAMES = rf"(?P<names>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)"
_BYLINE = re.compile(rf"(?:(?i:by|written by|words by|story by|text by|posted by)\s*:?\s+|By(?=[A-Z][a-z])){_NAMES}\s*(?P<rest>(?:[,|•·\-–—;]|\b(?:in|on)\b).{{0,80}})?")
_CREDIT = re.compile(rf"\(?\s*(?i:additional\s+)?(?i:reporting|writing)\s+(?i:by)\s+{_NAMES}.*")
_SENTENCE_END = tuple(".!?\"'”’…)。！？」』")
_END_PUNCT = tuple(".!?:;,\"'”’…)")
_MAX_HEADING_WORDS = 14
_MAX_TITLE_WORDS = 22
_MIN_TITLE_WORDS = 4
_LINK_LIST_RUN = 3
_MAX_WRAPPED_LINE = 100
_DATELINE_PARAGRAPHS = 3


_MAX_CHROME_LINE = 160  # no chrome line, date line or run of them is longer


def is_chrome(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > _MAX_CHROME_LINE:
        return False
    if re.fullmatch(r"[\W\d_]+", s):  # counters, separators, lone numbers or symbols
        return True
    return lexicons.pattern("chrome.txt").fullmatch(s) is not None


def is_notice(line: str) -> bool:
    """A site's notice to its reader, however long: a form's fine print, a cookie banner, a warning
    about the browser (``lexicons/notices.txt``)."""
    return lexicons.pattern("notices.txt").match(line.strip()) is not None


def opens_link_list(line: str) -> bool:
    """A line announcing a list of links to other stories ("Related", "Most read", "More from X")."""
    s = line.strip().rstrip(":")
    return len(s) <= 60 and lexicons.pattern("link_list_heads.txt").fullmatch(s) is not None


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


_META_PARTS = re.compile(r"\s+[•·|–—-]\s+")
_MAX_META_LINE = 120


def _meta_parts(line: str) -> Optional[list[str]]:
    """The parts of a line that joins chrome and date lines with separators ("Jun 08, 2023 • 11
    Minute Read"), else None."""
    parts = [part.strip("[] ") for part in _META_PARTS.split(line.strip().strip("[]"))]
    if len(parts) < 2 or len(line) > _MAX_META_LINE:
        return None
    return parts if all(is_chrome(p) or date_line(p) is not None for p in parts) else None


def stated_date(line: str) -> Optional[DateLine]:
    """The date a date line states, alone or joined with chrome or other date lines ("Written By
    Feb 11, 2019 · 3 min read", "August 16, 2019 - Updated July 9, 2025": the first), else None."""
    if len(line) > _MAX_CHROME_LINE:
        return None
    found = date_line(line)
    if found is not None:
        return found
    return next((d for d in map(date_line, _meta_parts(line) or []) if d is not None), None)


def is_meta_line(line: str) -> bool:
    """Chrome or a date line, alone or several joined by separators ("August 16, 2019 - Updated
    July 9, 2025", "Jun 08, 2023 • 11 Minute Read")."""
    if len(line) > _MAX_CHROME_LINE:
        return False  # longer than any chrome line, date line or run of them
    return is_chrome(line) or date_line(line) is not None or _meta_parts(line) is not None


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


_INITIALS_END = re.compile(r"\b(?:[A-Z]\.){2,}$")  # "U.S.", "D.C.": no full stop of a sentence


def is_title_like(line: str, max_words: int = _MAX_HEADING_WORDS) -> bool:
    """Short, starts with a capital or digit, no final sentence punctuation (a question mark is
    allowed on a short line)."""
    s = line.strip()
    words = s.split()
    if not words or len(words) > max_words:
        return False
    if s.endswith(_END_PUNCT) and not s.endswith("?") and not _INITIALS_END.search(s) and not _QUOTE_ENDS.search(s):
        return False
    if s.endswith("?") and max_words == _MAX_HEADING_WORDS and len(words) > 10:
        return False
    first = s.lstrip("\"'“‘")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


# a quoted phrase closing a line with no stop inside its marks ("... Gave Him ‘Feather Duvet Lung’"):
# a headline's, as a sentence ends with its stop, inside the marks or after them
_QUOTE_ENDS = re.compile(r"[^\W_][’'”\"]$")


def _title_case(line: str) -> bool:
    """Most words of four letters or more are capitalised ("Talks Resume in Geneva")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", line) if len(w) >= 4]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _spaced(line: str) -> str:
    """A line with its runs of spaces, tabs and no-break spaces made one space, and stripped."""
    return re.sub(r"[ \t\u00a0]+", " ", line).strip()


_SENTENCE_CASE_WORDS = 3


def _sentence_case(line: str) -> bool:
    """Three or more words of four letters or more, at most a third of them capitalised (names):
    a headline or standfirst written as a sentence ("Cities race to cool their streets"), not a
    row of menu labels ("Call Us Now e-Mail Us Now")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", line) if len(w) >= 4]
    return len(words) >= _SENTENCE_CASE_WORDS and 3 * sum(w[0].isupper() for w in words) <= len(words)


def _blocks(raw: str) -> list[list[str]]:
    """Blocks of consecutive non-blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(_spaced(line))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


_WRAPPED_MIN_CHARS = 30
_WRAPPED_FILL = 0.5


def _evenly_filled(lines: list[str]) -> bool:
    """Lines wrapped at a width fill it: each but the last is at least half as long as the longest
    and the longest holds 30 characters or more. A menu's labels, one a line, do not."""
    if not lines:
        return True
    widest = max(map(len, lines))
    return widest >= _WRAPPED_MIN_CHARS and all(len(line) >= _WRAPPED_FILL * widest for line in lines)


def _paragraph_groups(lines: list[str], apart: frozenset[int] = frozenset()) -> list[list[int]]:
    """The paragraphs of one block, as groups of line indexes. In hard-wrapped text (most lines
    end mid-sentence, evenly filled, none longer than about 100 characters, the last no wider than
    the others) the lines of the block form one paragraph, a first line in title case or much
    shorter than the rest split off as a heading. Otherwise each line is a
    paragraph of its own, except that a line starting in lower case continues the line before it
    when that one ends mid-sentence, is not in capitals (a heading a style sheet set so) and stands
    right above it (no line set apart, in ``apart``, came between: a counter, a share button)."""
    if len(lines) > 1 and not all(is_title_like(line) for line in lines):
        body = lines[:-1]
        ends = sum(line.endswith(_SENTENCE_END) for line in body) / len(body)
        first = 1 if is_title_like(lines[0]) and (
            _title_case(lines[0]) or len(lines[0]) < _WRAPPED_FILL * max(map(len, lines[1:]))) else 0
        if (ends < 0.5 and max(map(len, body)) <= _MAX_WRAPPED_LINE and _evenly_filled(lines[first:-1])
                and _within_width(lines[-1], lines[first:-1])):
            return [[0], list(range(1, len(lines)))] if first else [list(range(len(lines)))]
    groups: list[list[int]] = []
    for i, line in enumerate(lines):
        if (groups and line[:1].islower() and not lines[i - 1].endswith(_SENTENCE_END)
                and not lines[i - 1].isupper() and i not in apart):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


_WRAP_SLACK = 15  # what a wrapped paragraph's last line may run past its widest other line: a long word


def _within_width(last: str, wrapped: list[str]) -> bool:
    """Whether the last line of a block fits the width its other lines are wrapped at (a caption
    under a headline and a label is wider than both, and no part of them)."""
    return not wrapped or len(last) <= max(map(len, wrapped)) + _WRAP_SLACK


@dataclass(slots=True)
class _Line:
    """One paragraph of the copied text (or one line the classifier sets apart), in page order."""

    text: str
    kind: Optional[str]  # byline, date, links, chrome, or None for text
    words: int = 0
    ranked: bool = False  # an item of a ranked list or numbered table, a row of a table
    prose: bool = field(init=False)  # running text (``is_prose``), set once: the lines are read many times

    def __post_init__(self) -> None:
        self.prose = self.kind is None and is_prose(self.text)


_RANK = re.compile(r"(\d{1,3})[.)] ")
_RANKED_RUN = 3


def _mark_ranked(lines: list[_Line]) -> None:
    """Mark the lines of a ranked list or numbered table (three or more lines in a row opening with
    their place: "1. San Jose, CA 84.7", "2. ..."): items of an article; a menu numbers nothing."""
    run: list[_Line] = []
    last = None
    for line in [*lines, None]:
        m = _RANK.match(line.text) if line is not None else None
        n = int(m.group(1)) if m else None
        if n is not None and last is not None and n == last + 1:
            run.append(line)
        else:
            if len(run) >= _RANKED_RUN:
                for item in run:
                    item.ranked = True
            run = [line] if n is not None else []
        last = n


def _lines(raw: str) -> list[_Line]:
    """The text's paragraphs and set-apart lines in page order: hard-wrapped lines joined, each
    line of an unwrapped block its own paragraph (see ``_paragraph_groups``)."""
    out: list[_Line] = []
    for block in _blocks(raw):
        kinds = [_line_kind(line) for line in block]
        kept = [i for i, kind in enumerate(kinds) if kind is None]
        apart = frozenset(j for j in range(1, len(kept)) if kept[j] != kept[j - 1] + 1)
        starts = {kept[g[0]]: " ".join(block[kept[i]] for i in g)
                  for g in _paragraph_groups([block[i] for i in kept], apart)}
        for i, (line, kind) in enumerate(zip(block, kinds)):
            if kind is not None:
                out.append(_Line(line, kind, word_count(line)))
            elif i in starts:
                out.append(_Line(starts[i], None, word_count(starts[i])))
    _mark_ranked(out)
    rows = {_spaced(line) for line in raw.split("\n") if "\t" in line and line.strip()}
    for line in out:
        if line.kind is None and line.text in rows:
            line.ranked = True  # a row of a table: the browser copies its cells with tabs between
    return out


_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # kana and Han
_UNSPACED_PUNCT = re.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]")  # their full stops, commas, brackets
_UNSPACED_WORD = 2  # letters of kana and Han to a word, about


def word_count(text: str) -> int:
    """The words of a line: those between spaces, and in Japanese or Chinese, written without
    spaces, one for every two letters of kana or Han (about the length of a word there)."""
    letters = len(_UNSPACED.findall(text))
    if not letters:
        return len(text.split())
    rest = _UNSPACED_PUNCT.sub(" ", _UNSPACED.sub(" ", text)).split()
    return len(rest) + (letters + _UNSPACED_WORD - 1) // _UNSPACED_WORD


_PROSE_WORDS = 8  # a sentence this long, ended, is prose ...
_LONG_PROSE_WORDS = 20  # ... and a line this long is, ended or not
_LABEL_WEIGHT = -6  # the least a short line weighs against the article around it
_ITEM_WEIGHT = -2  # and an item of a list in sentence case or a label with its value


_CUT_SHORT = re.compile(r"\w(?:\.\.\.|…)\s+[A-Z“\"']")  # an excerpt cut mid-sentence, another text after it
_CUT_EXCERPTS = 3


def is_prose(text: str) -> bool:
    """A paragraph of running text: a sentence of eight words or more, or any line of twenty, not
    in capitals and not a headline in title case (one ending with a bracket, a question or an
    exclamation; a sentence full of names still ends with a full stop)."""
    words = word_count(text)
    if words < _PROSE_WORDS or text.isupper():
        return False
    if len(_CUT_SHORT.findall(text)) >= _CUT_EXCERPTS:
        return False  # excerpts of several stories, each cut short, run together (a ticker)
    if words >= _LONG_PROSE_WORDS:
        return True
    ended = text.rstrip()
    if _INITIALS_END.search(ended) and _title_case(text):
        return False  # a headline ending with initials ("... Markets in the U.S.")
    if _sentences_headline(ended):
        return False
    return (ended.endswith(_SENTENCE_END) and not _QUOTE_ENDS.search(ended)
            and (ended.endswith(".") or not _title_case(text)))


_HEADLINE_SENTENCE = re.compile(r"[^.!?]+[.!?] +[^.!?]+\.")


def _sentences_headline(text: str) -> bool:
    """A headline in title case made of two short sentences, each closed ("Heat Pumps Are Outselling
    Furnaces. Here's Why."); a sentence full of names is one sentence."""
    return _HEADLINE_SENTENCE.fullmatch(text) is not None and _title_case(text)


def _weight(line: _Line) -> int:
    """How much a line speaks for the article around it: prose by its words, short lines (menus,
    labels, counters, link lists) against it."""
    if line.kind is not None:
        return _LABEL_WEIGHT
    if line.ranked:
        return 0  # an item of a ranked list or numbered table, neither for nor against
    if line.prose:
        return line.words
    if _list_item(line.text):
        return max(line.words - _PROSE_WORDS, _ITEM_WEIGHT)  # a list's items (pros, services) weigh less than a menu
    return max(line.words - _PROSE_WORDS, _LABEL_WEIGHT)


_TEASER_WORDS = 25  # a paragraph shorter than this, between short lines, describes a link


def _alone(lines: list[_Line], i: int) -> bool:
    """Whether neither neighbour of line ``i`` is prose (and it introduces no list)."""
    return ((i == 0 or not lines[i - 1].prose) and (i + 1 == len(lines) or not lines[i + 1].prose)
            and not lines[i].text.endswith(":"))


_HEAD_LINES = 2  # lines above an article's first paragraph where its byline or date stands


def _opens_under_head(lines: list[_Line], i: int) -> bool:
    """Whether paragraph ``i`` opens an article under its head: a byline or date line a line or two
    above it, no prose between, and another paragraph right under it (a teaser under its date
    stands alone)."""
    return (0 < i < len(lines) - 1 and not lines[i - 1].prose and lines[i + 1].prose
            and any(lines[k].kind in ("byline", "date") for k in range(max(0, i - _HEAD_LINES), i)))


def article_span(lines: list[_Line], teasers: bool = True) -> tuple[int, int]:
    """Where the article lies in a whole page of text: the run of lines whose prose most outweighs
    the short lines around it (menus, share rows, footers, lists of links), its first paragraph
    under a byline or date weighing as much more as a teaser weighs less, as ``[start, end)``
    from its first to its last line of prose; all of it when there is no prose."""
    best, best_span = 0, (0, 0)
    total, start = 0, 0
    # teasers stand alone among a page's body of consecutive paragraphs; where no two paragraphs
    # of prose follow each other, short paragraphs between headings are the article itself
    teasers = teasers and any(a.prose and b.prose for a, b in zip(lines, lines[1:]))
    for i, line in enumerate(lines):
        if total <= 0:
            total, start = 0, i
        total += _weight(line)
        if line.prose and _opens_under_head(lines, i):
            total += _TEASER_WORDS  # an article's first paragraph under its byline or date
        if teasers and line.prose and line.words < _TEASER_WORDS and _alone(lines, i):
            total -= _TEASER_WORDS  # a teaser's line under a link, a promotion between labels
        if total > best and line.prose:
            best, best_span = total, (start, i + 1)
    start, end = best_span
    if end == 0:
        # no run of prose outweighs the rest: a text of one short paragraph is no teaser, and a
        # text of short lines alone is all article
        return article_span(lines, teasers=False) if teasers else (0, len(lines))
    while start < end and not lines[start].prose:
        start += 1
    return start, end


def closes_article(text: str) -> bool:
    """A line opening what follows an article on a page: comments, an author's box, links to other
    stories (``lexicons/closing_heads.txt``)."""
    s = text.strip().rstrip(":").strip()
    return len(s) <= 80 and lexicons.pattern("closing_heads.txt").fullmatch(s) is not None


_BOX_NAME = re.compile(r"(?:(?i:about|written by|by)\s+)?(?P<name>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){1,3})")
_BOX_LINES = 3  # lines between an author's name and the note about them: a role, a count of articles


def author_box(lines: list[_Line], i: int) -> Optional[str]:
    """The name on line ``i`` where it heads a box about an author: the name alone ("Jane Doe",
    "About Jane Doe", "Written by Jane Doe") over a paragraph, a few lines down, that opens with the
    name or its first word and a verb of ``lexicons/author_bio_verbs.txt`` ("Jane Doe is a
    freelance writer ...", "Jane has covered ...", "I'm Jane, a ...") and is about a person (a
    common given name, a pronoun: not a product's heading over its description); else None."""
    line = lines[i]
    if line.prose or line.kind not in (None, "byline") or len(line.text) > 60:
        return None
    m = _BOX_NAME.fullmatch(line.text.strip())
    if m is None:
        return None
    name = m.group("name")
    first = name.split()[0]
    for k in range(i + 1, min(len(lines), i + 2 + _BOX_LINES)):
        if lines[k].prose:
            text = lines[k].text
            if text.startswith(("I'm ", "I’m ", "I am ")):
                words = text.split(maxsplit=3)
                said = words[1] if words[0] != "I" else words[2] if len(words) > 2 else ""
                return name if said.rstrip(",.") == first else None
            lead = name if text.startswith(name) else first if text.startswith(first) else None
            personal = first in _given_names() or _PERSONAL.search(text)
            return name if lead and personal and _bio_verb_after().match(text, len(lead)) else None
    return None


@functools.cache
def _bio_verb_after() -> "re.Pattern[str]":
    return re.compile(rf",?\s+(?:{_bio_verbs()})\b")


_PERSONAL = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")  # a note about a person says so; a product's, a place's do not


_GAP_LINES = 4  # short lines that may stand between two stretches of one article


def box_inside(lines: list[_Line], i: int) -> Optional[int]:
    """Where the article resumes under line ``i`` if it heads a box set inside the article (a
    newsletter's sign-up, "Related Articles": ``lexicons/box_heads.txt``): two paragraphs in a row,
    each longer than a teaser, within a few lines, after two short lines or more (headlines, a form,
    a notice) and a paragraph at most (the sign-up's pitch), or three paragraphs in a row however
    short, after two lines or more of any kind (a headline in the box long enough to read as a
    sentence); else None. Teasers under such a line stand alone or follow it at once."""
    s = lines[i].text.strip().rstrip(":").strip()
    if len(s) > 80 or lexicons.pattern("box_heads.txt").fullmatch(s) is None:
        return None
    short = prose = 0
    for k in range(i + 1, min(len(lines) - 1, i + 1 + _HEAD_GAP)):
        if all(line.prose and line.words >= _TEASER_WORDS for line in lines[k:k + 2]):
            return k if short >= _BOX_LINKS else None
        if k - i > _BOX_LINKS and k + _RESUMED_RUN <= len(lines) and all(line.prose for line in lines[k:k + _RESUMED_RUN]):
            return k  # three paragraphs in a row under the box's lines, however short
        short += not lines[k].prose
        prose += lines[k].prose
        if prose > 1:
            return None
    return None


_BOX_LINKS = 2  # the fewest headlines in a box of links
_RESUMED_RUN = 3  # paragraphs in a row, of any length, that are the article again (teasers stand alone)


def _next_prose(lines: list[_Line], j: int) -> Optional[int]:
    """The first paragraph of prose from line ``j`` on, past no more than a few short lines."""
    k = j
    while k < len(lines) and k - j <= _GAP_LINES and not lines[k].prose:
        k += 1
    return k if k < len(lines) and lines[k].prose else None


def _teaser(lines: list[_Line], k: Optional[int]) -> bool:
    """Whether line ``k`` is a paragraph under 25 words standing alone between short lines, under
    two of them at least (a story's headline and its label or date)."""
    return (k is not None and k >= 2 and lines[k].words < _TEASER_WORDS
            and (k + 1 == len(lines) or not lines[k + 1].prose)
            and not lines[k - 1].prose and not lines[k - 2].prose)


def _teaser_rail(lines: list[_Line], k: int) -> bool:
    """Whether three or more paragraphs from line ``k`` on stand alone between short lines, one
    after another: a rail of teasers for other stories."""
    seen: Optional[int] = k
    for _ in range(_LINK_LIST_RUN):
        if not _teaser(lines, seen):
            return False
        seen = _next_prose(lines, seen + 1)
    return True


def extend_span(lines: list[_Line], start: int, end: int) -> int:
    """The span's end carried over a few short lines (a box of links, an advertisement's label)
    to the prose that follows them, as long as none of them closes the article."""
    j = end
    while j < len(lines):
        k = j
        while k < len(lines) and k - j <= _GAP_LINES and not lines[k].prose:
            if (closes_article(lines[k].text) and box_inside(lines, k) is None) or _closing_notice(lines, k):
                return end
            k += 1
        if k >= len(lines) or not lines[k].prose:
            return end
        if _teaser_rail(lines, k):
            return end
        while k < len(lines) and lines[k].prose:
            k += 1
        end = j = k
    return end


_ITEM_LINES = 3  # lines an item of a numbered list may take: its name, a link, a price


def numbered_list_end(lines: list[_Line], end: int) -> int:
    """The article's end carried over the numbered list its last paragraph opens with a colon
    ("Here are the best offers:", then "1) ...", "2) ...", each item with a line or two of its own: a
    link, a price): to the last item in the count and its lines. An article does not end on a colon."""
    if not 0 < end < len(lines) or not lines[end - 1].text.rstrip().endswith(":"):
        return end
    expected, last, size = 1, end - 1, 1
    for k in range(end, len(lines)):
        if k - last > _ITEM_LINES:
            break
        m = _RANK.match(lines[k].text)
        if m and int(m.group(1)) == expected:
            if expected > 1:
                size = max(size, k - last)
            last, expected = k, expected + 1
    if expected - 1 < _RANKED_RUN:
        return end
    after = last + 1
    while after < min(len(lines), last + size) and not lines[after].prose and _RANK.match(lines[after].text) is None:
        after += 1  # the last item's own lines, as many as the items before took
    return after


_GAP_BACK_LINES = 2  # above the article: a subheading, a headline over its standfirst; more is a teaser's


def extend_start(lines: list[_Line], start: int) -> int:
    """The span's start carried back over a line or two (a subheading, a headline under its
    standfirst) to the prose before them that ends a sentence, as long as none of them opens a
    list of links or closes an article (the end of another story's teaser rail), or over the items
    of a list to the prose that opens it with a colon or the sentence before the line that does."""
    i = start
    while i > 0:
        k = i - 1
        intro = _list_above(lines, i)
        if intro is not None:  # a list the article introduced with a colon, its items and the colon's line
            k = intro if lines[intro].prose else intro - 1
            if k >= 0 and lines[k].prose and (k == intro or lines[k].text.endswith(_SENTENCE_END)):
                while k > 0 and lines[k - 1].prose:
                    k -= 1
                i = k
                continue
            k = i - 1
        while k >= 0 and i - 1 - k < _GAP_BACK_LINES and not lines[k].prose:
            if lines[k].kind == "links" or closes_article(lines[k].text):
                return i
            k -= 1
        if k < 0 or not lines[k].prose or not lines[k].text.endswith(_SENTENCE_END):
            return i  # a sentence ends the prose of an article; a menu run together does not
        while k > 0 and lines[k - 1].prose:
            k -= 1
        i = k
    return i


_LIST_ITEMS = 12  # the most items of a list carried back over


def _list_above(lines: list[_Line], i: int) -> Optional[int]:
    """The line ending with a colon that opens a list of short lines standing right above line
    ``i`` ("Online courses can be:", then its items), or None."""
    for j in range(i - 1, max(-1, i - 2 - _LIST_ITEMS), -1):
        if lines[j].text.rstrip().endswith(":"):
            return j if j < i - 1 and lines[j].kind is None else None
        if lines[j].prose or lines[j].kind is not None:
            return None
    return None


_EXCERPT_WORDS = 60  # a teaser's excerpt of its story is a sentence or two, cut at sixty words or so
_CLOSING_FROM = 0.5  # share of the article's prose that must come before a closing line ...
_CLOSING_FROM_WORDS = 300  # ... or this many words of it (comments can outweigh the article)


def article_end(lines: list[_Line], start: int, end: int) -> int:
    """The article's end: the first closing line (comments, related links, a part leading elsewhere,
    sources it does not cite) after half its prose or 300 words of it, whichever comes first. Under
    the line, a paragraph of sixty words or fewer standing alone between short lines (a teaser in a
    list of stories) is not counted as the article's, unless the article above it is made of such
    paragraphs too (a numbered list of items, each under its heading: no two paragraphs in a row);
    a line with no prose above it closes nothing."""
    whole = [0] * (end - start + 1)  # the words of the paragraphs from each line on ...
    after = [0] * (end - start + 1)  # ... and the same, teasers aside
    for i in range(end - 1, start - 1, -1):
        words = lines[i].words if lines[i].prose else 0
        teaser = _alone(lines, i) and lines[i].words <= _EXCERPT_WORDS
        whole[i - start] = whole[i - start + 1] + words
        after[i - start] = after[i - start + 1] + (0 if teaser else words)
    before, paired = 0, False
    for i in range(start, end):
        rest = after[i - start] if paired else whole[i - start]
        if before and closes_article(lines[i].text) and _comments_follow(lines, i):
            return i  # readers' comments, however much longer than the article
        if (before and before >= min(_CLOSING_FROM * (before + rest), _CLOSING_FROM_WORDS)
                and (closes_article(lines[i].text) or _leads_elsewhere(lines[i].text) or _closing_notice(lines, i)
                     or _uncited_references(lines, start, i))
                and box_inside(lines, i) is None):
            return i
        if lines[i].prose:
            before += lines[i].words
            paired = paired or (i > start and lines[i - 1].prose)
    return end


_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\b).{0,40}?\b(?:19|20)\d\d\b", re.I)


def copyright_notice(text: str) -> bool:
    """A page's copyright notice ("© 2019 Example Media Inc. All rights reserved.", "Copyright
    2024 The Daily"): the sign or the word and a year opening a line. The article is above it;
    the page's rails and footer follow it."""
    s = text.strip()
    return len(s) <= _MAX_CHROME_LINE and _COPYRIGHT.match(s) is not None


_COMMENT_HEAD = re.compile(r"[^.!?]{2,80}\b(?:says|said|wrote|commented|replied)\s*:?")
_COMMENT_HEAD_LINES = 3  # lines under the closing line where the first comment's head stands


def _comments_follow(lines: list[_Line], i: int) -> bool:
    """Whether a comment's head ("Jane on May 3, 2024 at 4:47 pm said:", "Jane Doe says:") follows
    line ``i`` within a few lines: the closing line heads readers' comments."""
    return any(not lines[k].prose and _COMMENT_HEAD.fullmatch(lines[k].text) is not None
               for k in range(i + 1, min(len(lines), i + 1 + _COMMENT_HEAD_LINES)))


def _closing_notice(lines: list[_Line], i: int) -> bool:
    """A copyright notice that closes the article: not one the story runs on under (a wire
    service's notice set inside a syndicated story, running text right below it; a page's rails
    under its footer start with a section's name or a headline)."""
    if not copyright_notice(lines[i].text):
        return False
    return i + 1 >= len(lines) or not lines[i + 1].prose


def _leads_elsewhere(text: str) -> bool:
    """A line heading a part of the page that follows the article ("Have any questions?", "Stay in
    the know", "Explore more articles": ``lexicons/trailing_section_heads.txt``, as the HTML reader)."""
    s = text.strip().rstrip(":").strip()
    return len(s) <= 60 and lexicons.pattern("trailing_section_heads.txt").fullmatch(s) is not None


def _uncited_references(lines: list[_Line], start: int, i: int) -> bool:
    """Whether line ``i`` heads a list of sources ("References", "Article Sources":
    ``lexicons/reference_heads.txt``) that the article above it does not cite in place (as the HTML
    reader, see ``html.cites_sources``): a page's list, not the article's."""
    from .html import cites_sources

    s = lines[i].text.strip().rstrip(":").strip()
    return (len(s) <= 60 and lexicons.pattern("reference_heads.txt").fullmatch(s) is not None
            and not cites_sources([("p", line.text) for line in lines[start:i]]))


def author_box_end(lines: list[_Line], start: int, end: int) -> int:
    """The article's end at the first box about its author (``author_box``) after half its prose
    or 300 words of it, where the boxes name one person (a page describing several people in turn,
    a list of speakers or candidates, is made of them)."""
    names = {i: name for i in range(start, end) if (name := author_box(lines, i)) is not None}
    boxes = sorted(names)
    if not boxes or len(set(names.values())) > 1:
        return end
    total = sum(line.words for line in lines[start:end] if line.prose)
    before = sum(line.words for line in lines[start:boxes[0]] if line.prose)
    return boxes[0] if before >= min(_CLOSING_FROM * total, _CLOSING_FROM_WORDS) else end


_TITLE_WINDOW = 40  # lines above the article's first paragraph where its title may stand
_HEAD_WINDOW = 10  # lines above the title where its byline and date may stand
_HEAD_GAP = 6  # lines between the headline and the first paragraph that may belong to the article
_TITLE_ECHO = 0.2  # what a headline's being shown twice (in a breadcrumb too) adds to its score
_TITLE_DISTANCE = 0.03  # what each line between a candidate and the article takes from it
_TITLE_MIN_SCORE = 0.3
_TITLE_FULL_WORDS = 4
_TITLE_BYLINE = 0.3
_TITLE_CAPITALS = 0.3
_TITLE_OPENING = 0.2  # what a headline's words repeated by the first paragraphs add, in full
_TITLE_OPENING_PARAGRAPHS = 2
_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")


def _content_words(text: str) -> set[str]:
    """Words of three letters or more that are not function words ("what", "your", "which"):
    an article echoes those of any line."""
    return {w for w in map(str.lower, _CONTENT_WORD.findall(text)) if w not in _function_words()}


@functools.cache
def _function_words() -> frozenset[str]:
    return frozenset(lexicons.lines("stopwords.txt"))


def _echoed(lines: list[_Line], i: int, start: int) -> bool:
    """Line i is shown again above the article, and not as one item of a menu shown twice (a menu
    repeated for small screens or in the footer keeps two neighbours on a side; a breadcrumb's last
    item and the headline have others)."""
    def text(k: int) -> Optional[str]:
        return lines[k].text if 0 <= k < len(lines) else None

    def menu(k: int) -> bool:  # two lines before it or two after it are those of line i too, or,
        # away from it, the one before and the one after (a shorter menu for small screens)
        return (any(all(text(k + d * n) == text(i + d * n) for n in (1, 2)) for d in (-1, 1))
                or (abs(k - i) > 2 and all(text(k + d) == text(i + d) for d in (-1, 1))))

    return any(k != i and lines[k].text == lines[i].text and not menu(k) for k in range(start))


_SHORTENED_GAP = 2  # lines between a breadcrumb's last item and the headline it cuts short


def _shortened(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` cut short after a word, with or without an ellipsis, as a
    breadcrumb's last item shows a headline ("11 Budget Tips for 2026:..." over "11 Budget Tips
    for 2026: What Works"; "What is a heat pump?" over "What Is a Heat Pump? A Plain Guide")."""
    cut = short.strip().rstrip(".…").rstrip().casefold()
    whole = full.strip().casefold()
    return (len(cut.split()) >= 2 and len(cut) < len(whole) and whole.startswith(cut)
            and not whole[len(cut)].isalnum())


def _echo(article: int, page: int) -> float:
    """How far a word the article's lines hold ``article`` times, and the page's other lines ``page``
    times, speaks for a headline: fully when the article holds it at least as often, less the more
    the page's menus and footer do (a site's name)."""
    return min(1.0, 2 * article / (article + page)) if article > 0 else 0.0


def _trail_run_together(lines: list[_Line], i: int) -> bool:
    """Whether line ``i`` is a breadcrumb's trail whose separators a style sheet draws, run together
    in the text ("Home Guides Heat Pumps What Is a Heat Pump?"): it opens with "Home" and ends with
    a line of two words or more shown a few lines from it (the headline or a heading)."""
    text = lines[i].text
    if not text.startswith("Home "):
        return False
    near = range(max(0, i - _HEAD_GAP), min(len(lines), i + 1 + _HEAD_GAP))
    return any(k != i and lines[k].words >= 2 and text.endswith(" " + lines[k].text) for k in near)


def _labelled_copy(lines: list[_Line], i: int, start: int) -> bool:
    """Whether line ``i`` is another line above the article under a label ("Introduction: How to
    Build a Bookcase" under "How to Build a Bookcase"; "Share all options for: ..." over the
    headline): the first step or section of a guide named after it, a share button's label, not the
    headline."""
    text = lines[i].text
    copies = {text[m.end():] for m in re.finditer(r": ", text)}
    return any(lines[k].text in copies for k in range(max(0, i - _TITLE_WINDOW), start) if k != i)


def _dek(lines: list[_Line], i: int) -> bool:
    """Whether line ``i`` is the standfirst that sums up the headline of four words or more set right
    above it, not the headline: a sentence under a headline in title case ("Cloud Costs Keep Rising:
    What Comes Next?" over "What will the next year bring for cloud prices?"), or a longer line in
    sentence case under a headline in sentence case (a standfirst without its full stop)."""
    above = lines[i - 1] if i > 0 else None
    if (above is None or above.kind is not None or above.prose or above.words < _TITLE_FULL_WORDS
            or not is_headline_like(above.text)):
        return False
    if _title_case(above.text):
        return lines[i].prose
    return _sentence_case(above.text) and _sentence_case(lines[i].text) and lines[i].words > above.words


def _set_apart(lines: list[_Line], i: int, start: int) -> bool:
    """Whether line ``i``, though it reads like a headline, is another part of the head of the
    article above line ``start``: a breadcrumb's last item cutting short the headline under it, a
    breadcrumb's trail run together, the standfirst under the headline, or a guide's first step
    named after it."""
    below = range(i + 1, min(start, i + 1 + _SHORTENED_GAP))
    return (any(_shortened(lines[i].text, lines[k].text) for k in below) or _trail_run_together(lines, i)
            or _dek(lines, i) or _labelled_copy(lines, i, start))


def find_title(lines: list[_Line], start: int, end: int) -> tuple[Optional[int], float]:
    """The headline among the title-like lines above the article's first paragraph, and its score:
    the one whose words the article most echoes, a little more if the page shows it twice above the
    article (a breadcrumb's last item and the headline), a little less the farther it stands. Lines
    next to each other that the article repeats are its section headings listed in a table of
    contents, not its title (a headline alone may come again in the article); a person's name
    alone is an author's. With no line the article echoes, the nearest title-like line just above it."""
    # how many of the article's lines hold each word: a label the article shows again word for word
    # (a category tag under the byline) is not echoed by its prose, a headline is
    article: Counter[str] = Counter()
    for line in lines[start:end]:
        article.update(_content_words(line.text))
    copies = Counter(line.text for line in lines[start:end])
    # and how many lines of the page around it: a site's name is spread over its menus and footer
    chrome: Counter[str] = Counter()
    for line in (*lines[:start], *lines[end:]):
        chrome.update(_content_words(line.text))
    shown = Counter(line.text for line in (*lines[:start], *lines[end:]))
    opening: set[str] = set()  # the words of the article's first paragraphs, which a headline's sum up
    for line in [line for line in lines[start:end] if line.prose][:_TITLE_OPENING_PARAGRAPHS]:
        opening |= _content_words(line.text)
    above = [line.text for line in lines[:start]]
    inside = {line.text for line in lines[start:end]}

    def entry(k: int, i: int) -> bool:  # line k is another entry of a table of contents (not a share counter)
        return (0 <= k < start and lines[k].kind is None and lines[k].text in inside and lines[k].words > 1
                and lines[k].text != lines[i].text)

    def listed(i: int) -> bool:  # one of a run of lines the article repeats: its table of contents
        # (an entry worded otherwise than its section's heading stands between two that are not)
        before, after = entry(i - 1, i), entry(i + 1, i)
        return (lines[i].text in inside and (before or after)) or (before and after)

    def heads_section(i: int) -> bool:  # set right over the article's first paragraph and shown
        # again over the other entries of its table of contents: the heading of its first section (a
        # table may list the headline too, but the headline stands over a byline or date, not prose)
        return (start > 0 and lines[start - 1].text == lines[i].text
                and any(lines[k].text == lines[i].text and entry(k + 1, i) and entry(k + 2, i)
                        for k in range(start - 1)))

    best, best_score, nearest = None, _TITLE_MIN_SCORE, None
    distance = -1
    for i in range(start - 1, max(-1, start - 1 - _TITLE_WINDOW), -1):
        line = lines[i]
        if line.kind is None and line.text not in inside:
            distance += 1  # a table of contents, a byline, a date or a share row keeps it no farther
        if (line.kind is not None or line.words < 2 or not is_headline_like(line.text) or listed(i)
                or _names_someone(line.text) or heads_section(i) or _set_apart(lines, i, start)):
            continue
        if nearest is None and start - i <= _HEAD_GAP:
            nearest = i
        words = _content_words(line.text)
        if not words:
            continue
        # the share of its words the article repeats, counted in full from four words up: "Contact
        # Us" shares its one word with many an article
        echoed = sum(_echo(article[w] - copies[line.text], chrome[w] - shown[line.text]) for w in words)
        score = echoed / max(len(words), _TITLE_FULL_WORDS) - _TITLE_DISTANCE * max(distance, 0)
        score += _TITLE_OPENING * len(words & opening) / max(len(words), _TITLE_FULL_WORDS)
        if line.text.isupper() and line.words < _TITLE_FULL_WORDS:
            score -= _TITLE_CAPITALS  # a label in capitals ("THINGS TO DO"); a headline a style sheet set so is longer
        cut_short = any(_shortened(lines[k].text, line.text) for k in range(max(0, i - _SHORTENED_GAP), i))
        if _echoed(lines, i, start) or cut_short or any(lines[k].text.endswith(": " + line.text) for k in range(start)):
            score += _TITLE_ECHO  # shown twice (once under a label), or cut short by a breadcrumb just above
        if any(lines[k].kind in ("byline", "date") for k in range(i + 1, min(start, i + 1 + _HEAD_GAP))):
            score += _TITLE_BYLINE  # a headline is followed by its byline or date
        if score > best_score:
            best, best_score = i, score
    return (best, best_score) if best is not None else (nearest, 0.0)


_OPENING_PROSE = 0.1  # share of the article's prose a notice or teaser above its headline may hold
_OPENING_PARAGRAPHS = 1  # a notice or a teaser is one paragraph
_OPENING_MARGIN = 0.5  # and by how much a headline there must outscore one above the run


_MENU_LINES = 6  # short lines in a row that are a menu, not a gap inside an article
_RAIL_SHARE = 1 / 3  # the most of the run's prose a rail of promotions above a menu may hold
_PROMO_HEAD_LINES = 2  # short lines over each promotion of a rail: its heading, a label


def past_rail(lines: list[_Line], start: int, end: int) -> int:
    """The run's start moved past a rail of promotions at its head: two paragraphs or more, each
    standing alone under a line or two (a promotion under its heading), then a menu of six short
    lines or more, holding a third of the run's prose at most; the article starts under the menu."""
    total = sum(line.words for line in lines[start:end] if line.prose)
    before = alone = short = 0
    for k in range(start, end):
        line = lines[k]
        if not line.prose:
            short += 1
            continue
        if short >= _MENU_LINES and alone >= _LINK_LIST_RUN - 1 and _menu(lines, k - short, k, end):
            return k
        if not _alone(lines, k) or before + line.words > _RAIL_SHARE * total or (alone and short > _PROMO_HEAD_LINES):
            return start  # an article's paragraphs, or the items of a list with their facts between
        before += line.words
        alone += 1
        short = 0
    return start


def _menu(lines: list[_Line], i: int, k: int, end: int) -> bool:
    """Whether lines ``i`` to ``k`` are a menu: labels that end no sentence, not the items of a list
    a line ending with a colon opens or of facts ("Class Size: 352"), nor a table of contents whose
    entries come again in the article below as headings."""
    below = {_unnumbered(line.text) for line in lines[k:end]}
    items = sum(_item_like(line.text) for line in lines[i:k])
    return (not any(line.text.endswith(":") for line in lines[i - 1:k]) and items * 2 < k - i
            and not any(line.text.endswith(_SENTENCE_END) for line in lines[i:k])
            and not any(_unnumbered(line.text) in below for line in lines[i:k]))


def _unnumbered(text: str) -> str:
    """A heading without its section number ("2.1 Costs" as "Costs")."""
    return _SECTION_NUMBER.sub("", text)


_SECTION_NUMBER = re.compile(r"^[\d.]+\s+")


def locate(lines: list[_Line]) -> tuple[Optional[int], int, int]:
    """Where the article lies: its headline's line (or None), its first line and its end. The
    headline may stand inside the run of prose found first, after a notice or a teaser that holds
    little of it ("Many of the offers on this site are from advertisers...", one paragraph at
    most): the article then starts after the headline that scores best."""
    start, end = article_span(lines)
    start = extend_start(lines, start)
    end = article_end(lines, start, numbered_list_end(lines, extend_span(lines, start, end)))
    start = past_rail(lines, start, end)
    title_at, score = find_title(lines, start, end)
    total = sum(line.words for line in lines[start:end] if line.prose)
    before = paragraphs = 0
    for i in range(start, min(end - 1, start + _TITLE_WINDOW)):
        if lines[i].prose:
            before += lines[i].words
            paragraphs += 1
            if before > _OPENING_PROSE * total or paragraphs > _OPENING_PARAGRAPHS:
                break  # a line under the article's opening paragraphs is a subheading
            continue
        first = next((k for k in range(i + 1, end) if lines[k].prose), None)
        if first is None or not is_headline_like(lines[i].text) or lines[i].kind is not None:
            continue
        at, inner = find_title(lines, first, end)
        if at == i and inner > score + _OPENING_MARGIN:
            title_at, score, start = i, inner, first
    if title_at is None or not _dated(lines, title_at):
        found = _dated_headline(lines, start, end, score) or _dated_headline_inside(lines, start, end, score)
        if found is not None:
            title_at, start = found
    return title_at, start, end


def _dated(lines: list[_Line], i: int) -> bool:
    """Whether a byline or date line follows line ``i`` before any prose, within a few lines."""
    for k in range(i + 1, min(len(lines), i + 1 + _HEAD_GAP)):
        if lines[k].prose:
            return False
        if lines[k].kind in ("byline", "date"):
            return True
    return False


def _dated_headline(lines: list[_Line], start: int, end: int, score: float) -> Optional[tuple[int, int]]:
    """A headline above the article found, followed by its byline or date and then prose, that the
    article from that prose on echoes better than the title found: (its line, the prose's line)."""
    for h in range(start - 1, -1, -1):
        if not _dated_headline_at(lines, h):
            continue
        first = _prose_after(lines, h, start)
        if first is not None and _heads_better(lines, h, first, end, score):
            return h, first
    return None


_STANDFIRST_PARAGRAPHS = 2  # an introduction set between a headline and its byline is a paragraph or two


def _dated_headline_at(lines: list[_Line], i: int) -> bool:
    """Whether line ``i`` may be a headline with its byline or date under it, or under the
    paragraph or two of an introduction set between them (headline, standfirst, byline, body)."""
    line = lines[i]
    if line.kind is not None or line.words < 2 or not is_headline_like(line.text):
        return False
    k = i + 1
    while k < len(lines) and k - i <= _STANDFIRST_PARAGRAPHS and lines[k].prose:
        k += 1
    return _dated(lines, k - 1)


def _prose_after(lines: list[_Line], i: int, stop: int) -> Optional[int]:
    """The first paragraph of prose after line ``i``, before ``stop`` and within a few lines."""
    return next((k for k in range(i + 1, min(stop, i + 1 + _HEAD_GAP)) if lines[k].prose), None)


def _heads_better(lines: list[_Line], i: int, first: int, end: int, score: float) -> bool:
    """Whether the article from line ``first`` on takes line ``i`` for its headline, scoring it
    above ``score``."""
    at, inner = find_title(lines, first, end)
    return at == i and inner > score


_INSIDE_PROSE = 0.5  # share of the run's prose that notices and teasers above a dated headline may hold


def _dated_headline_inside(lines: list[_Line], start: int, end: int, score: float) -> Optional[tuple[int, int]]:
    """A headline inside the run of prose found, followed by its byline or date and then prose, under
    less than half the run's prose (notices, promotions, a list of other stories with their teasers
    above it), over two paragraphs in a row at least (not a teaser's one) and echoed by the article
    from that prose on better than the title found: (its line, the prose's line)."""
    total = sum(line.words for line in lines[start:end] if line.prose)
    before = 0
    for i in range(start, min(end - 1, start + 2 * _TITLE_WINDOW)):
        line = lines[i]
        if line.prose and not (lines[i + 1].kind in ("byline", "date") and is_headline_like(line.text)):
            before += line.words  # (a headline asking a question in a sentence reads as prose but for its byline)
            if before > _INSIDE_PROSE * total:
                return None
            continue
        if not _dated_headline_at(lines, i):
            continue
        first = _prose_after(lines, i, end)
        body = first if first is None or first + 1 >= end or lines[first + 1].prose else _prose_after(lines, first, end)
        if body is None or body + 1 >= end or not lines[body + 1].prose:
            continue  # an article's paragraphs follow one another; a teaser stands alone
        if _heads_better(lines, i, first, end, score):
            return i, first
    return None


_NAME_LINE_WORDS = 3


def _names_someone(line: str) -> bool:
    """A line that is a person's name (an author's, above the article): two or three capitalised
    words led by a common given name (``lexicons/first_names.csv``)."""
    words = line.split()
    return (2 <= len(words) <= _NAME_LINE_WORDS and all(w[:1].isupper() for w in words)
            and words[0] in _given_names())


@functools.cache
def _given_names() -> frozenset[str]:
    return frozenset(r["name"] for r in lexicons.rows("first_names.csv"))


_LABEL_SUFFIX = re.compile(r"(.{12,}?) \| (?:\S+ ){0,2}\S+")


_GLUED_BYLINE = re.compile(r"(.{12,}?)\s+by(?:\s+(?P<rest>.+))?")


def _without_label(headline: str) -> str:
    """A headline without the section label or site name a page sets after a bar ("How Sleep
    Works | Opinion"), or the byline a page sets on its line ("Understanding Web Design by Jane
    Roe March 2, 2007", "... Trends in 2025 by" with the name on the next line)."""
    m = _GLUED_BYLINE.fullmatch(headline)
    if m and (m.group("rest") is None or shown_dates(m.group("rest"))):
        return m.group(1)
    m = _LABEL_SUFFIX.fullmatch(headline)
    return m.group(1) if m else headline


_CRUMB_SEPARATOR = re.compile(r"\s[/›>»]\s")
_CRUMB_WORDS = 2  # the first item of a trail ("Home", "News") is a word or two
_PHONE = re.compile(r"\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}")


def is_headline_like(line: str) -> bool:
    """A line that can be a headline: title-like, or opening or ending with a bracket, ending with an
    exclamation mark ("What Meditation Can Do for You (and How To Get Started)", "[2025] List of
    ..."), or two short sentences in title case; not a breadcrumb's trail ("Blog / Topics / Marketing") or item ("Travel›"), nor a line
    holding a telephone number."""
    s = line.strip()
    crumbs = _CRUMB_SEPARATOR.split(s)
    if (len(crumbs) > 2 or (len(crumbs) == 2 and len(crumbs[0].split()) <= _CRUMB_WORDS)
            or s.endswith(("›", "»")) or _PHONE.search(s)):
        return False
    titled = (is_title_like(s.lstrip("[(").rstrip(")]!"), _MAX_TITLE_WORDS)
              or (_sentences_headline(s) and s[:1].isupper()))
    return titled and len(s.split()) <= _MAX_TITLE_WORDS


@dataclass
class _Reading:
    """What the classifier has found so far."""

    title: Optional[str]
    units: list[tuple[str, str]] = field(default_factory=list)  # ("p" | "h", text)
    removed: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    stated_dates: dict[str, str] = field(default_factory=dict)  # kind -> first ISO day
    in_link_list: bool = False
    in_list: bool = False  # after a paragraph ending with a colon: short lines are its items

    @property
    def seen_body(self) -> bool:
        return any(kind == "p" for kind, _ in self.units)


_ARTICLE_HEAD_LINES = 4  # above the prose of a text that is an article: headline, label, standfirst, byline, date
_ARTICLE_TAIL_LINES = 3  # and after it: a closing line, a signature, a credit


def already_article(lines: list[_Line], start: int, end: int) -> bool:
    """Whether the text is an article and nothing else: a few lines above its prose (headline,
    standfirst, byline, date) and a few after it (a short closing line, a letter's signature, a
    chart's credit), with no menu, share row, list of links or opening of comments or related
    stories among them. Such a text reads whole; only a page's text needs the article found in it."""
    head, tail = lines[:start], lines[end:]
    return (len(head) <= _ARTICLE_HEAD_LINES and len(tail) <= _ARTICLE_TAIL_LINES
            and all(line.kind in (None, "byline", "date", "caption") for line in head)
            and all(line.kind != "links" and not closes_article(line.text) for line in tail))


def _headline_at_top(lines: list[_Line]) -> Optional[int]:
    """The first line of a text that is an article, where it reads as its headline: a short line
    over longer prose, in title case or with a speaker's or label's colon ("The Latest: ...",
    "Pence: ..."), even where an archive has closed it with a full stop. A short first sentence in
    sentence case is the story's, not a headline."""
    if len(lines) < 2 or lines[0].kind is not None:
        return None
    bare = lines[0].text.strip().rstrip(".’'\"”")
    if not is_title_like(bare) or len(lines[0].text) >= len(lines[1].text):
        return None
    return 0 if _title_case(bare) or ": " in bare else None


_WORD_FORM = re.compile(r"[^\W\d_][\w'’]*")
_CAPITALS_TITLE_WORDS = 3  # a headline in capitals, not a label ("FAQ", "NEWS UPDATE")


def _recased(title: Optional[str], lines: list[_Line], start: int, end: int) -> Optional[str]:
    """A headline a style sheet set in capitals, written back in title case: each word as the
    article's prose writes it with a capital inside a sentence ("California", "KBIS", "iPhone", "US"
    even where it also writes "us"; a short word such as "in" only if mostly so), else capitalised
    but for the short words a headline in title case leaves in lower case inside it
    (``lexicons/title_minor_words.txt``). A title in case, or too short to be a headline, stays."""
    if not title or not title.isupper() or len(title.split()) < _CAPITALS_TITLE_WORDS:
        return title
    forms: dict[str, Counter[str]] = {}
    for line in lines[start:end]:
        if not line.prose or line.text.isupper():
            continue  # the article's own headings may be in capitals too
        for sentence in re.split(r"(?<=[.!?:])\s+", line.text):
            for m in list(_WORD_FORM.finditer(sentence))[1:]:  # a sentence's first word is capitalised anyway
                forms.setdefault(m.group().lower(), Counter())[m.group()] += 1
    minor = _minor_words()

    def word(m: re.Match, opening: bool) -> str:
        w = m.group()
        seen = forms.get(w.lower(), Counter())
        cased = [(n, f) for f, n in seen.items() if not f.islower()]
        if cased and (w.lower() not in minor or 2 * max(cased)[0] > sum(seen.values())):
            return max(cased)[1]  # a name or an acronym ("US" as well as "us": the name)
        if not opening and w.lower() in minor:
            return w.lower()
        return w[:1] + w[1:].lower()

    out, opening, pos = [], True, 0
    for m in re.finditer(r"\S+", title):
        token = m.group()
        out.append(title[pos:m.start()])
        out.append(token if any(c.isdigit() for c in token) else _WORD_FORM.sub(lambda w: word(w, opening), token))
        opening = token.endswith((":", "?", "!", "—", "–"))
        pos = m.end()
    return "".join(out)


@functools.cache
def _minor_words() -> frozenset[str]:
    return frozenset(lexicons.lines("title_minor_words.txt"))


def extract_text(raw: str, meta: dict) -> Page:
    """The article in a text: where it lies on the page, its title, then its lines in turn. A text
    that is an article already reads whole."""
    lines = _lines(raw)
    title_at, start, end = locate(lines)
    whole = already_article(lines, start, end)
    if whole:
        end = len(lines)
    end = author_box_end(lines, start, end)  # after the title is found: a box is no part of its score
    reading = _Reading(title=meta.get("title"))
    if reading.title is not None:
        title_at = next((i for i in range(start) if lines[i].text == reading.title), None)
    if title_at is not None:
        reading.title = _without_label(lines[title_at].text)
    elif whole and reading.title is None and (top := _headline_at_top(lines)) is not None:
        reading.title = lines[top].text  # closed like a sentence, it stays the text's first line too
    if title_at is not None and start - title_at <= _HEAD_GAP:
        head = title_at + 1
    else:
        head = 0 if whole else start
    standfirst, body_from = _standfirst(lines, title_at, start, end)
    mined_from = max(0, (title_at if title_at is not None else start) - _HEAD_WINDOW)
    boxed: set[int] = set()  # the lines of boxes set inside the article, and promotions' pitches
    for i in range(start, end):
        resumes = box_inside(lines, i)
        if resumes is not None:
            boxed.update(range(i, resumes))
    boxed.update(promotions(lines, start, end))
    if not whole:  # a text that is an article keeps its captions where they stand
        boxed.update(captions_over_credits(lines, start, end))
    for i, line in enumerate(lines):
        if i == title_at:
            continue
        if head <= i < end and i not in boxed:
            if line.kind == "caption" and whole:
                _place(line.text, reading)  # a text that is an article keeps its captions where they stand
            elif line.kind is not None:
                _drop(line.text, line.kind, reading, head=i < body_from)
            elif standfirst is not None and standfirst < i < body_from:
                reading.removed.append(line.text)  # the byline's block: an author's name and role, a reading time
            elif i == standfirst and not whole:
                reading.removed.append(line.text)  # a page's standfirst, set apart from its body by the byline
            elif not reading.seen_body and i < start and _trail_run_together(lines, i):
                reading.removed.append(line.text)  # a breadcrumb's trail under the headline
            elif not reading.seen_body and i < start:
                _place_head(line.text, reading)
            elif line.ranked:
                reading.units.append(("p", line.text))  # an item of a list in the article
            else:
                _place(line.text, reading)
        elif line.kind is not None and mined_from <= i < end:
            _drop(line.text, line.kind, reading)  # a byline or date near the headline
        else:
            reading.removed.append(line.text)
    if not whole:
        _drop_repeats(reading)  # a page shows its widgets again; an article alone may repeat itself (a live file's updates)
    cut = author_note(reading.units[:trailing_chrome(reading.units)], clean_authors(reading.authors))
    reading.removed.extend(s for _, s in reading.units[cut:])
    del reading.units[cut:]
    text, headings, dateline = assemble(reading.units)
    dates = reading.stated_dates
    return Page(
        text=text,
        title=reading.title if meta.get("title") is not None else _recased(reading.title, lines, start, end),
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        authors=clean_authors(reading.authors),
        published=dates.get("published") or dates.get("shown") or dates.get("updated"),
        dateline=dateline,
        headings=headings,
        removed=reading.removed,
    )


_CAPTION_ABOVE_WORDS = 30  # a caption over its picture's credit is a sentence or two
_CREDIT_WORDS = 8  # and the credit a name or two and an agency
_CREDIT_LABEL = re.compile(r"(?:(?:featured|main|top) )?(?:image|photo|photograph|picture)s?(?: credit)?\s*:", re.I)


def is_credit(line: _Line) -> bool:
    """A line that is only a picture's credit ("Jane Doe/The Herald/Getty Images", "Photo: Jane
    Doe, AP", "Image credit: NASA")."""
    return line.words <= _CREDIT_WORDS and (
        line.kind == "caption" or (line.kind == "chrome" and _CREDIT_LABEL.match(line.text) is not None))


def captions_over_credits(lines: list[_Line], start: int, end: int) -> set[int]:
    """The captions between ``start`` and ``end``: a paragraph of a sentence or two right above a
    line that is only a picture's credit, with the article going on under the credit. A paragraph
    of the article above a picture runs longer, or closes a section whose heading follows the
    picture (a picture with a credit and no caption)."""
    return {i for i in range(start, min(end, len(lines) - 2))
            if lines[i].prose and lines[i].words <= _CAPTION_ABOVE_WORDS and is_credit(lines[i + 1])
            and lines[i + 2].prose}


_PITCH_WORDS = 40  # a button's pitch is a sentence or two
_LISTING_BUTTONS = 3  # the same button under this many paragraphs is a listing's, one an item


def calls_to_act(line: str) -> bool:
    """A button's label calling the reader to act for the site (``lexicons/call_to_action.txt``)."""
    s = line.strip().rstrip("!.›»→> ").strip()
    return len(s) <= 40 and lexicons.pattern("call_to_action.txt").fullmatch(s) is not None


def promotions(lines: list[_Line], start: int, end: int) -> set[int]:
    """The pitches of the site's promotions between ``start`` and ``end``: a short paragraph not
    following prose, right above a button calling the reader to act ("New customers get $300 in
    free credits." over "Get started"). A button a listing sets under each of its items ("Learn
    more" three times or more) marks no promotion."""
    found: dict[str, list[int]] = {}
    for i in range(start, min(end, len(lines) - 1)):
        line, button = lines[i], lines[i + 1]
        if (line.prose and line.words < _PITCH_WORDS and (i == 0 or not lines[i - 1].prose)
                and calls_to_act(button.text)):
            found.setdefault(button.text.strip().casefold(), []).append(i)
    return {i for at in found.values() if len(at) < _LISTING_BUTTONS for i in at}


def first_places(keys: Sequence[str]) -> dict[str, int]:
    """Where each key is first seen."""
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        first.setdefault(key, i)
    return first


def repeat_length(keys: Sequence[str], first: dict[str, int], i: int) -> int:
    """How many keys from ``i`` on repeat, in the same order, those from where key ``i`` was first
    seen (``first_places``), the earlier run ending before ``i``: 0 where key ``i`` is new."""
    j = first[keys[i]]
    n = 0
    while j + n < i and i + n < len(keys) and keys[j + n] == keys[i + n]:
        n += 1
    return n


_REPEATED_RUN = 3  # paragraphs of prose in a run that a page, not its article, repeats


def _drop_repeats(reading: _Reading) -> None:
    """Drop a run of units the article already holds word for word in the same order, three
    paragraphs of prose or more: an article does not say a passage twice, a page shows its widgets
    again (a carousel looped, a copy of the article for small screens). A line or two repeated
    under each item of a listing (a notice, a credit) are kept."""
    units = reading.units
    texts = [text for _, text in units]
    first = first_places(texts)
    drop: set[int] = set()
    j = 0
    while j < len(units):
        n = repeat_length(texts, first, j)
        run = range(j, j + n)
        if sum(units[k][0] == "p" and is_prose(units[k][1]) for k in run) >= _REPEATED_RUN:
            drop.update(k for k in run if units[k][0] == "p")
        j += max(n, 1)
    reading.removed.extend(units[k][1] for k in sorted(drop))
    units[:] = [u for k, u in enumerate(units) if k not in drop]


def _standfirst(lines: list[_Line], title_at: Optional[int], start: int, end: int) -> tuple[Optional[int], int]:
    """The paragraph under the headline that its byline or date follows (a standfirst), and the
    first paragraph of the body under them: (None, ``start``) where the headline has no such
    paragraph."""
    if title_at is None or not title_at < start <= title_at + _HEAD_GAP:
        return None, start
    first = _prose_after(lines, title_at, start + 1)  # start is within the few lines under the headline
    if first is None or not _dated(lines, first):
        return None, start
    body = _prose_after(lines, first, end)
    return (first, body) if body is not None else (None, start)


def _line_kind(line: str) -> Optional[str]:
    """``byline``, ``date``, ``links`` (a line announcing related links), ``chrome``, ``caption`` (a
    picture's caption, dropped from a page around the article) or None (text)."""
    if byline_authors(line) or meta_line_authors(line):
        return "byline"
    if stated_date(line) is not None:
        return "date"
    if opens_link_list(line):
        return "links"
    if is_chrome(line) or is_notice(line):
        return "chrome"
    if is_caption(line):
        return "caption"
    return None


_CAPTION_WORDS = 60  # a caption is a sentence or two
_PHOTO_CREDIT = re.compile(r"photo|image|picture|getty|shutterstock|istock|alamy|unsplash|pexels|handout|canadian press|associated press|REUTERS/", re.I)


def is_caption(line: str) -> bool:
    """A picture's caption: a line ending with a photo credit ("... on Nov. 20, 2025. (AP
    Photo/David Zalubowski, File)", "... REUTERS/Yves Herman": ``lexicons/caption_credits.txt``)
    that names a picture or its source, not a note in brackets ("(4.5/5 rating)", "(Reuters)")."""
    if len(line.split()) > _CAPTION_WORDS:
        return False  # a paragraph that mentions its picture at the end ("(the photo is of my copy)")
    m = lexicons.pattern("caption_credits.txt").search(line.strip())
    return m is not None and _PHOTO_CREDIT.search(m.group()) is not None


def _drop(line: str, kind: str, reading: _Reading, head: bool = False) -> None:
    """Keep a dropped line in ``removed`` and what it says: a byline's names, a stated date (one
    above the body, or in the article's head under its standfirst, is the date the page shows)."""
    reading.removed.append(line)
    if kind == "byline":
        reading.authors.extend(byline_authors(line) or meta_line_authors(line) or [])
        for shown in shown_dates(line):  # "By Jane Doe | June 3, 2025"
            reading.stated_dates.setdefault("published", shown.day)
    elif kind == "date":
        stated = stated_date(line)
        if stated is not None and stated.day:
            key = stated.kind or ("shown" if head or not reading.seen_body else "")
            if key:
                reading.stated_dates.setdefault(key, stated.day)
    elif kind == "links":
        reading.in_link_list = True


def _place_head(paragraph: str, reading: _Reading) -> None:
    """A line between the headline and the first paragraph: a subtitle of four words or more is
    kept as a heading, a shorter title-like line (a section label, an author's name) is not."""
    if is_title_like(paragraph, _MAX_TITLE_WORDS):
        if _MIN_TITLE_WORDS <= len(paragraph.split()) <= _MAX_HEADING_WORDS and paragraph != reading.title:
            reading.units.append(("h", paragraph))
        else:
            reading.removed.append(paragraph)
        return
    _place(paragraph, reading)


def _place(paragraph: str, reading: _Reading) -> None:
    """Add one paragraph of the article as heading, list item, link or body."""
    units = reading.units
    if is_title_like(paragraph, _MAX_HEADING_WORDS) and reading.seen_body:
        if reading.in_list:
            units.append(("p", paragraph))
        elif reading.in_link_list or paragraph == reading.title:
            reading.removed.append(paragraph)
        else:
            units.append(("h", paragraph))
            _drop_link_run(reading)
        return
    reading.in_link_list = False
    reading.in_list = paragraph.rstrip().endswith(":")
    units.append(("p", paragraph))


_ITEM_WORDS = 3  # a list's item in sentence case is a few words; another story's headline is longer
_LABELLED_VALUE = re.compile(r"[A-Z][\w'’ &/-]{0,30}: \S")


def _list_item(line: str) -> bool:
    """An item of a list in an article rather than a menu's label: a few words in sentence case
    ("Careful handling", "Piano moving") or a label and its value ("Class Size: 352"). A menu's
    labels are set in title case ("Contact Us"), or all in lower case by a style sheet."""
    return ((line[:1].isupper() and not _title_case(line) and len(line.split()) <= _ITEM_WORDS)
            or _LABELLED_VALUE.match(line) is not None)


def _item_like(line: str) -> bool:
    """A line of a list inside an article rather than the headline of another page or a menu's
    label: a few words in sentence case ("Venue setup"), holding figures ("Average GMAT: 733") or a
    label and its value ("Location: New York")."""
    return ((not _title_case(line) and len(line.split()) <= _ITEM_WORDS) or any(c.isdigit() for c in line)
            or _LABELLED_VALUE.match(line) is not None)


def _drop_link_run(reading: _Reading) -> None:
    """Three or more headings in a row with no paragraph between are a list of links."""
    units = reading.units
    run = 0
    while run < len(units) and units[-1 - run][0] == "h":
        run += 1
    if run >= _LINK_LIST_RUN:
        items = [s for _, s in units[-run:]]
        if sum(map(_item_like, items)) * 2 >= len(items):
            units[-run:] = [("p", s) for s in items]
            return
        reading.removed.extend(s for _, s in units[-run:])
        del units[-run:]
        reading.in_link_list = True


_AUTHOR_NOTE_WINDOW = 6  # the last units where a note about the author may start


@functools.cache
def _bio_verbs() -> str:
    return "|".join(map(re.escape, lexicons.lines("author_bio_verbs.txt")))


def author_note(units: list[tuple[str, str]], authors: list[str]) -> int:
    """Where a note about the author closing the page begins ("Jane Doe is a freelance writer
    based in Lisbon."): a paragraph among the last few that opens with the full name of one of
    the page's authors and a verb of ``lexicons/author_bio_verbs.txt``; ``len(units)`` if none."""
    names = [a for a in authors if len(a.split()) >= 2]
    if not names:
        return len(units)
    note = re.compile(rf"(?:{'|'.join(map(re.escape, names))}),?\s+(?:{_bio_verbs()})\b")
    for i in range(max(1, len(units) - _AUTHOR_NOTE_WINDOW), len(units)):
        if units[i][0] == "p" and note.match(units[i][1]):
            return i
    return len(units)


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
