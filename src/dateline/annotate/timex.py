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


def tag(text: str, doc, anchor: Optional[Anchor], start: int = 0, end: Optional[int] = None,
        reference=None) -> list[Timex]:
    """The time expressions in ``text[start:end]``, values counted from ``anchor``."""
    end = len(text) if end is None else end
    found = _read_all(text, doc, anchor, _candidates(text, start, end), reference)
    return [
        Timex(id=f"t{i}", start=s, end=e, text=text[s:e], type=r.type, value=r.value,
              anchor=anchor.source if (r.anchored and anchor is not None) else None)
        for i, (s, e, r) in enumerate(found, 1)
    ]


def _candidates(text: str, start: int, end: int) -> list[Candidate]:
    found = []
    for index, rule in enumerate(rules()):
        for m in rule.pattern.finditer(text, start, end):
            s, e = _trim(text, *m.span())
            if e > s:
                found.append(Candidate(s, e, index, rule, m))
    found.sort(key=lambda c: (c.start, -(c.end - c.start), c.rule_index))
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,;:":
        end -= 1
    return start, end


def _read_all(text: str, doc, anchor: Optional[Anchor], candidates: list[Candidate],
              reference) -> list[tuple[int, int, Reading]]:
    """Pick the longest of overlapping candidates (the next longest when its reading fails), in
    text order, keeping the last date mentioned outside quotation marks as the reference."""
    ctx = Context(text, anchor, lambda s, e: tense_at(doc, s, e), lambda s, e: token_at(doc, s, e), reference)
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
    if point.granularity in ("Q", "H"):
        ctx.period_reference, ctx.period_reference_end = point, end


class QuotedRegions:
    """Stretches of text inside quotation marks, line by line (curly quotes open and close; straight
    ones toggle)."""

    def __init__(self, text: str):
        self.starts: list[int] = []
        self.ends: list[int] = []
        open_at: Optional[int] = None
        for i, ch in enumerate(text):
            if ch == "\n":
                if open_at is not None:
                    self._add(open_at, i)
                open_at = None
            elif ch == "\u201c" or (ch == '"' and open_at is None):
                if open_at is None:
                    open_at = i
            elif ch in ("\u201d", '"') and open_at is not None:
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

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
_PERFECT_OR_PAST_AUX = {"has", "have", "had", "did", "was", "were", "'ve", "'d"}
# Heads of a to-infinitive that put it in the future: "plans to meet Friday", "is due to expire".
_INTENT_LEMMAS = {"expect", "plan", "schedule", "intend", "hope", "aim", "set", "due", "want", "seek", "propose",
                  "prepare", "agree", "promise", "vow", "threaten", "pledge", "try", "decide", "be", "likely",
                  "poised", "ready", "about", "go"}


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
        if token.head is token:
            break
        token = token.head
    if tense != "future" and _deadline_before(span) and not (verb is not None and verb.tag_ == "VBD"):
        return "future"
    return tense


def _deadline_before(span) -> bool:
    doc = span.doc
    i = span.start
    before = " ".join(t.lower_ for t in doc[max(0, i - 3):i])
    return bool(_DEADLINE.search(before))


_DEADLINE = re.compile(r"(?:^|\s)(?:until|till|by|as soon as|as early as|starting|beginning|effective)$")


def verb_tense(verb) -> Optional[str]:
    """Tense from a verb's tag and auxiliaries; None for a participle or infinitive with none."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    if words & _FUTURE_AUX:
        return "future"
    if any(a.tag_ == "MD" for a in auxiliaries):
        return "future" if not words & {"would", "could", "might", "should"} or _intended(verb) else None
    if "to" in words and verb.tag_ == "VB":
        return _infinitive_tense(verb)
    if words & _PERFECT_OR_PAST_AUX:
        return "past"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and verb.dep_ == "acl"):
        return "past"  # "won Friday", "the injunction issued Thursday"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"}:
        return "present"
    return None


def _infinitive_tense(verb) -> Optional[str]:
    """A to-infinitive looks ahead of its head ("plans to meet Friday"), unless that head lies in a
    past already closed ("had been due to expire Friday")."""
    head = verb.head
    governing = head.head if head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod") else head
    if any(c.lower_ in ("had", "'d") and c.dep_ == "aux" for c in governing.children):
        return "past"
    if _intended(verb):
        return "future"
    return None


def _intended(verb) -> bool:
    return verb.head.lemma_ in _INTENT_LEMMAS
