"""speech_time: inside what someone said, relative time counts from when they said it.

"Today" in a quote means the day the speaker spoke. Where the text gives that day, the time
expressions inside the attribution's content are read again (by ``timex.tag``, the same rules)
with the time of speaking as the anchor, and their ``anchor`` becomes ``speech:<attribution id>``.

The time of speaking comes, in this order of preference, from
1. a day-level time expression in the attribution's own sentence but outside its content ("said on
   Tuesday", "told reporters yesterday");
2. an event the cue's sentence places the speaking at ("after the call", "following the meeting"):
   the day-level time expression in the nearest earlier sentence that mentions the same thing
   ("a two-hour phone call ... yesterday"); a pronoun speaker ("he said") may take that scene from
   the sentence before;
3. the attribution just before, when the same source goes on speaking ("he added", or a pronoun
   speaker right after a named one) within the same or the next paragraph.
Expressions whose value did not depend on the anchor ("2014", "two-hour") are left alone.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from typing import Optional

from .. import lexicons
from ..record import Attribution, Record, Timex
from . import annotator
from .timex import anchor_of, tag
from .timex_calendar import Anchor, parse_point


@annotator("speech_time")
def annotate(record: Record, doc) -> dict:
    anchor = anchor_of(record)
    if anchor is None or not record.attributions or doc is None:
        return {}
    times = speech_times(record, doc, anchor)
    if not times:
        return {}
    return {"timexes": reanchor(record, doc, times)}


@dataclass(frozen=True, slots=True)
class SpeechTime:
    attribution: str
    anchor: Anchor  # source "speech:<attribution id>"
    how: str  # "cue", "event", "continued"


def speech_times(record: Record, doc, anchor: Anchor) -> dict[str, SpeechTime]:
    """The time of speaking of every attribution whose text gives it, by attribution id."""
    days = [t for t in record.timexes if _day_of(t) is not None]
    found: dict[str, SpeechTime] = {}
    previous: Optional[Attribution] = None
    for attribution in sorted(record.attributions, key=lambda a: _start(a)):
        day = _day_in_cue_sentence(record, doc, attribution, days)
        how = "cue"
        if day is None:
            day = _day_of_event(record, doc, attribution, days)
            how = "event"
        if day is None and previous is not None and previous.id in found and \
                _same_speaker_goes_on(record, previous, attribution):
            day = found[previous.id].anchor
            how = "continued"
        if day is not None:
            source = f"speech:{attribution.id}"
            found[attribution.id] = SpeechTime(attribution.id, Anchor(day.year, day.month, day.day, source), how)
        previous = attribution
    return found


def reanchor(record: Record, doc, times: dict[str, SpeechTime]) -> list[Timex]:
    """The record's timexes with those inside a timed attribution's content read again."""
    by_id = {a.id: a for a in record.attributions}
    replaced: dict[tuple[int, int], Timex] = {}
    for attribution_id, speech in times.items():
        start, end = by_id[attribution_id].content
        for fresh in tag(record.text, doc, speech.anchor, start, end):
            replaced[(fresh.start, fresh.end)] = fresh
    out = []
    for timex in record.timexes:
        fresh = replaced.get((timex.start, timex.end))
        if fresh is not None and timex.anchor is not None and fresh.anchor is not None:
            timex = replace(timex, type=fresh.type, value=fresh.value, anchor=fresh.anchor)
        out.append(timex)
    return out


# ---- where the time of speaking comes from -----------------------------------------------------

def _start(attribution: Attribution) -> int:
    return attribution.cue[0] if attribution.cue else attribution.content[0]


def _day_of(timex: Timex) -> Optional[Anchor]:
    """The day a DATE or TIME timex names, if it names one ("2025-07-03", "2025-07-03TMO")."""
    if timex.type not in ("DATE", "TIME"):
        return None
    point = parse_point(timex.value)
    if point is None or point.granularity != "D":
        return None
    return Anchor.parse(timex.value[:10], "speech")


def _inside(span: Optional[tuple[int, int]], start: int, end: int) -> bool:
    return span is not None and span[0] <= start and end <= span[1]


def _sentence(doc, offset: int):
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.sent if span is not None and len(span) else None


def _day_in_cue_sentence(record: Record, doc, attribution: Attribution, days: list[Timex]) -> Optional[Anchor]:
    """A day named in the attribution's sentence but not in what was said: "said on Tuesday"."""
    if attribution.cue is None:
        return None
    sentence = _sentence(doc, attribution.cue[0])
    if sentence is None:
        return None
    others = [a.content for a in record.attributions if a.id != attribution.id]
    candidates = [t for t in days if sentence.start_char <= t.start and t.end <= sentence.end_char
                  and not _inside(attribution.content, t.start, t.end)
                  and not any(_inside(c, t.start, t.end) for c in others)]
    if not candidates:
        return None
    nearest = min(candidates, key=lambda t: abs(t.start - attribution.cue[0]))
    return _day_of(nearest)


@functools.cache
def _words(role: str) -> frozenset[str]:
    """The words of one role in lexicons/speech_time_words.csv."""
    return frozenset(r["word"] for r in lexicons.rows("speech_time_words.csv") if r["role"] == role)


def _day_of_event(record: Record, doc, attribution: Attribution, days: list[Timex]) -> Optional[Anchor]:
    """"told reporters after the call": the day the text gave that call, earlier on. A pronoun
    speaker ("he said") may take the scene from the sentence before ("After the call, the president
    spoke to reporters.")."""
    if attribution.cue is None:
        return None
    sentence = _sentence(doc, attribution.cue[0])
    if sentence is None:
        return None
    scenes = [sentence]
    if _is_pronoun(record.span_text(attribution.speaker)) and sentence.start > 0:
        scenes.append(doc[sentence.start - 1].sent)
    contents = [a.content for a in record.attributions]
    for scene in scenes:
        for token in scene:
            if token.lower_ not in _words("event_preposition") or \
                    any(_inside(c, token.idx, token.idx + len(token)) for c in contents):
                continue
            nouns = [c for c in token.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
            if not nouns:
                continue
            event = nouns[0]
            if not any(c.lower_ in _words("determiner") for c in event.children):
                continue  # "after a call" introduces a new event; "after the call" points back to one
            day = _day_mentioned_with(doc, event.lemma_.lower(), before=scene.start_char, days=days)
            if day is not None:
                return day
    return None


def _day_mentioned_with(doc, lemma: str, before: int, days: list[Timex]) -> Optional[Anchor]:
    """The day named in the nearest earlier sentence that mentions a thing by this lemma."""
    for sentence in reversed([s for s in doc.sents if s.end_char <= before]):
        mentions = [t for t in sentence if t.lemma_.lower() == lemma and t.pos_ in ("NOUN", "PROPN")]
        if not mentions:
            continue
        inside = [t for t in days if sentence.start_char <= t.start and t.end <= sentence.end_char]
        if inside:
            nearest = min(inside, key=lambda t: abs(t.start - mentions[0].idx))
            return _day_of(nearest)
    return None


# How far apart two attributions may lie for the second to continue the first's time of speaking.
_CONTINUATION_REACH = 600


def _same_speaker_goes_on(record: Record, previous: Attribution, current: Attribution) -> bool:
    """The same source speaking again soon after: same source id, or a pronoun speaker."""
    gap = _start(current) - max(previous.content[1], previous.cue[1] if previous.cue else 0)
    if gap > _CONTINUATION_REACH:
        return False
    if previous.source is not None and previous.source == current.source:
        return True
    return _is_pronoun(record.span_text(current.speaker))


def _is_pronoun(speaker: str) -> bool:
    return speaker.strip().lower() in _words("pronoun")
