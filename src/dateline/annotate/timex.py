"""timex: time expressions tagged and normalised to TIMEX3 (type DATE, TIME, DURATION, SET; value).

The patterns (``timex_rules.py``, built from the ``timex_*`` lexicons) propose extents; where
proposals overlap the longest wins, and each is read into a value counted from the anchor:
the publication date, else the dateline's date (``XXXX`` where its year is unknown); with neither,
relative values stay unresolved (``XXXX-XX-XX``). Nothing comes from the system clock.

Dates without a year, weekdays, quarters and seasons take their year or week from the tense of the
verb that governs them (read off spaCy's parse): the nearest past one including the anchor day
unless the verb is future ("will meet Friday") or the words say so ("next Friday"). "A year
earlier", "the following day", "hours later" count from the last date the narrative mentioned
(dates inside quotation marks do not move it).

``tag()`` is the whole of it and is also what ``speech_time`` calls to read a quote again with the
time of speaking as the anchor.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from ..record import Record, Timex
from . import annotator
from .timex_calendar import Anchor, parse_point
from .timex_rules import NOT_A_TIMEX, Context, Reading, Rule, rules
from .timex_words import context, trigger_words, words


@annotator("timex")
def annotate(record: Record, doc) -> dict:
    return {"timexes": tag(record.text, doc, anchor_of(record))}


def anchor_of(record: Record) -> Optional[Anchor]:
    """The publication date, or the dateline's date standing in for it."""
    dateline_date = record.dateline.date if record.dateline else None
    if record.published:
        source = "dateline" if record.published_from == "dateline" else "published"
        anchor = Anchor.parse(record.published, source)
        if anchor is not None:
            return anchor
    return Anchor.parse(dateline_date, "dateline")


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    rule_index: int
    rule: Rule
    match: object


def tag(text: str, doc, anchor: Optional[Anchor], start: int = 0, end: Optional[int] = None) -> list[Timex]:
    """The time expressions in ``text[start:end]``, values counted from ``anchor``."""
    end = len(text) if end is None else end
    scan = text.translate(_SAME_LENGTH_FOLDS)  # offsets stay those of ``text``
    found = _read_all(scan, doc, anchor, _candidates(scan, start, end))
    return [
        Timex(id=f"t{i}", start=s, end=e, text=text[s:e], type=r.type, value=r.value,
              anchor=anchor.source if (r.anchored and anchor is not None) else None)
        for i, (s, e, r) in enumerate(found, 1)
    ]


# Typographic variants read as their plain forms ("the ’80s", "New Year’s Day", "mid–1990s"); one
# character for one, so offsets do not move.
_SAME_LENGTH_FOLDS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2011": "-", "\u00a0": " "})


def _candidates(text: str, start: int, end: int) -> list[Candidate]:
    found = []
    hits = _trigger_hits(text, start, end)
    for index, rule in enumerate(rules()):
        for window_start, window_end in _windows(hits, rule, start, end):
            for m in rule.pattern.finditer(text, window_start, window_end):
                if m.end() == window_end and window_end < end:
                    m = rule.pattern.match(text, m.start(), end) or m  # a match cut by the window
                s, e = _trim(text, *m.span())
                if e > s:
                    found.append(Candidate(s, e, index, rule, m))
    found.sort(key=lambda c: (c.start, -(c.end - c.start), c.rule_index))
    return found


# How far around a trigger word a time expression can reach ("at least the past several years").
WINDOW = 48
_WORD_OR_DIGITS = re.compile(r"[A-Za-z']+|\d+")


def _trigger_hits(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Where the words that announce time expressions (and digits) are: (start, end, word)."""
    triggers = trigger_words()
    hits = []
    for m in _WORD_OR_DIGITS.finditer(text, start, end):
        word = m.group()
        if word[0].isdigit():
            hits.append((m.start(), m.end(), ""))
        else:
            word = word.lower().strip("'").removesuffix("'s")
            if word in triggers:
                hits.append((m.start(), m.end(), word))
    return hits


def _windows(hits: list[tuple[int, int, str]], rule: Rule, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches of text around the hits that announce this rule, merged."""
    windows: list[list[int]] = []
    for s, e, word in hits:
        if not (rule.digits if word == "" else word in rule.triggers):
            continue
        s, e = max(start, s - WINDOW), min(end, e + WINDOW)
        if windows and s <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], e)
        else:
            windows.append([s, e])
    return [(s, e) for s, e in windows]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,;:":
        end -= 1
    return start, end


def _read_all(text: str, doc, anchor: Optional[Anchor], candidates: list[Candidate]) -> list[tuple[int, int, Reading]]:
    """Pick the longest of overlapping candidates (the next longest when its reading fails), in
    text order, keeping the last date mentioned outside quotation marks as the reference."""
    ctx = Context(text, anchor, lambda s, e: tense_at(doc, s, e), lambda s, e: token_at(doc, s, e))
    quotes = QuotedRegions(text)
    accepted: list[tuple[int, int, Reading]] = []
    i = 0
    while i < len(candidates):
        cluster_end = candidates[i].end
        j = i + 1
        while j < len(candidates) and candidates[j].start < cluster_end:
            cluster_end = max(cluster_end, candidates[j].end)
            j += 1
        cluster = candidates[i:j]
        i = j
        chosen: list[tuple[int, int, Reading]] = []
        while cluster:
            best = max(cluster, key=lambda c: (c.end - c.start, -c.rule_index))
            cluster.remove(best)
            reading = best.rule.read(best.match, ctx)
            if reading is None:
                continue
            cluster = [c for c in cluster if c.end <= best.start or c.start >= best.end]
            if reading.type == NOT_A_TIMEX.type:
                continue
            s, e = _trim(text, reading.start if reading.start is not None else best.start,
                         reading.end if reading.end is not None else best.end)
            chosen.append((s, e, reading))
            _update_reference(ctx, s, e, reading, quotes)
        chosen.sort(key=lambda found: found[0])
        accepted.extend(chosen)
    return accepted


def _update_reference(ctx: Context, start: int, end: int, reading: Reading, quotes: "QuotedRegions") -> None:
    if reading.type not in ("DATE", "TIME") or not reading.sets_reference or quotes.inside(start):
        return
    point = parse_point(reading.value)
    if point is None:
        return
    ctx.reference, ctx.reference_end = point, end
    if point.granularity == "D":
        ctx.day_reference = point
    if point.granularity in ("Q", "H"):
        ctx.period_reference, ctx.period_reference_end = point, end


_QUOTE_OR_LINE = re.compile('[\u201c\u201d"\n]')


class QuotedRegions:
    """Stretches of text inside quotation marks, line by line (curly quotes open and close; straight
    ones toggle)."""

    def __init__(self, text: str):
        self.starts: list[int] = []
        self.ends: list[int] = []
        open_at: Optional[int] = None
        for m in _QUOTE_OR_LINE.finditer(text):
            i, ch = m.start(), m.group()
            if ch == "\n":
                if open_at is not None:
                    self._add(open_at, i)
                open_at = None
            elif ch == "\u201c" or (ch == '"' and open_at is None):
                if open_at is None:
                    open_at = i
            elif open_at is not None:
                self._add(open_at, i + 1)
                open_at = None
        if open_at is not None:
            self._add(open_at, len(text))

    def _add(self, start: int, end: int) -> None:
        self.starts.append(start)
        self.ends.append(end)

    def inside(self, offset: int) -> bool:
        k = bisect.bisect_right(self.starts, offset) - 1
        return k >= 0 and offset < self.ends[k]


# ---- the parse: tense and part of speech -------------------------------------------------------

def token_at(doc, start: int, end: int):
    """The token heading the words at ``start:end`` (None without a parse)."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    return span.root if span is not None and len(span) else None


def tense_at(doc, start: int, end: int) -> Optional[str]:
    """The tense of the verb governing a span: "past", "present", "future", or None.

    A deadline word before the span ("until Tuesday", "as soon as Friday") looks ahead unless the
    verb is a plain past ("stayed until Tuesday")."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None or not len(span):
        return None
    tense, verb = None, None
    token = span.root
    for _ in range(10):
        if token.pos_ in ("VERB", "AUX"):
            tense = verb_tense(token)
            if tense:
                verb = token
                break
        if token.head.i == token.i:
            break
        token = token.head
    if tense != "future" and _deadline_before(span) and not _closed_past(verb):
        return "future"
    return tense


def _closed_past(verb) -> bool:
    """A plain or past-perfect past ("stayed until Tuesday", "had filed by Wednesday")."""
    return verb is not None and (verb.tag_ == "VBD" or _has_aux(verb, "closed_past_aux"))


def _has_aux(verb, role: str) -> bool:
    return any(c.lower_ in words().tense[role] and c.dep_ == "aux" for c in verb.children)


def _deadline_before(span) -> bool:
    """A deadline word right before the span: "until Tuesday", "as soon as Friday"."""
    before = " ".join(t.lower_ for t in span.doc[max(0, span.start - 3):span.start])
    return context("deadline_before").search(before) is not None


def verb_tense(verb) -> Optional[str]:
    """Tense from a verb's tag and auxiliaries; None for a participle or infinitive with none."""
    tense_words = words().tense
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux = {a.lower_ for a in auxiliaries}
    if aux & tense_words["future_aux"]:
        return "future"
    if any(a.tag_ == "MD" for a in auxiliaries):
        # "would be held on April 24" looks ahead; "would have closed Friday" looks back
        return "past" if aux & tense_words["past_aux"] else "future"
    if "to" in aux and verb.tag_ == "VB":
        return _infinitive_tense(verb)
    if aux & tense_words["past_aux"]:
        return "past"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and verb.dep_ == "acl"):
        return "past"  # "won Friday", "the injunction issued Thursday"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VBG" and aux & tense_words["progressive_aux"]:
        return "present"
    return None


def _infinitive_tense(verb) -> Optional[str]:
    """A to-infinitive looks ahead of its head ("plans to meet Friday"), unless that head lies in a
    past already closed ("had been due to expire Friday")."""
    head = verb.head
    governing = head.head if head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod") else head
    if _has_aux(governing, "closed_past_aux"):
        return "past"
    if head.lemma_ in words().tense["intent"]:
        return "future"
    return None
