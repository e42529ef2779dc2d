"""scorecard: how an article is sourced, in numbers. It describes sourcing; it never rates truth.

Counts of claims and how many rest on a source; attributions and how many are anonymous; sources that
declined to comment or did not respond (who was asked and said nothing); sources by
kind and by affiliation (whose voices are heard); distinct named sources; hedges and distancing
cues; loaded terms per 1,000 words in the article's own voice and in quoted voices; the share of
words inside quotations. Every number is a count or a ratio of counts over words and mentions, never
over characters, so exchanging the names of the parties (``dateline.swap``) leaves it unchanged.
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

from ..record import Record, Scorecard, Source
from . import annotator
from .claims import is_mind_reading
from .voice import long_quote_spans

ANONYMOUS_KINDS = frozenset({"anonymous_person", "anonymous_group"})
UNKNOWN_AFFILIATION = "unknown"

def _ratio(part: int, whole: int, digits: int = 4) -> float:
    return round(part / whole, digits) if whole else 0.0


def _affiliation(source: Source, record: Record) -> str:
    """Whose voice a source is: its affiliation as the attribution engine read it from the text; a
    country or people speaking for itself ("the Ukrainians") is its own. A person's country known
    only from a gazetteer is left out: it would tie the count to who the person is, not to what
    the article says (and the swap test would catch it)."""
    if source.affiliation:
        return source.affiliation
    entity = next((e for e in record.entities if e.id == source.entity), None) if source.entity else None
    if entity is not None and entity.type in ("GPE", "NORP") and source.kind == "named_group":
        return entity.country or entity.name
    return UNKNOWN_AFFILIATION


def _named_key(source: Source) -> Optional[str]:
    if source.kind in ANONYMOUS_KINDS:
        return None
    return source.entity or " ".join(source.text.lower().split())


def _word_offsets(doc) -> list[int]:
    return [t.idx for t in doc if t.is_alpha or t.like_num]


def _quoted_words(record: Record, words: list[int]) -> int:
    spans = [a.content for a in record.attributions if a.kind in ("direct", "mixed") and a.content]
    spans += long_quote_spans(record.text)
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    count, k = 0, 0
    for offset in words:
        while k < len(merged) and merged[k][1] <= offset:
            k += 1
        if k < len(merged) and merged[k][0] <= offset:
            count += 1
    return count


def build_scorecard(record: Record, doc) -> Scorecard:
    words = _word_offsets(doc)
    n_words = len(words)
    sources = {s.id: s for s in record.sources}
    # "because he knows ..." reports no one's words (see claims), nor does "declined to comment":
    # neither is an attribution here; a source that declined is counted on its own.
    reports = [a for a in record.attributions if not is_mind_reading(a) and a.mode != "declined"]
    refusals = [a for a in record.attributions if a.mode == "declined"]
    declined = len({a.source for a in refusals if a.source}) + sum(1 for a in refusals if not a.source)
    anonymous = sum(1 for a in reports if a.source in sources and sources[a.source].kind in ANONYMOUS_KINDS)
    attributed = sum(1 for c in record.claims if c.voice == "source")
    distancing_spans = {tuple(span) for c in record.claims for span in c.distancing}
    hedge_spans = {tuple(span) for c in record.claims for span in c.hedges} - distancing_spans
    # a distancing verb ("claimed") that the claims already counted as a distancing cue counts once
    cue_distancing = sum(1 for a in reports if a.distancing and not (
        a.cue and any(a.cue[0] <= s and e <= a.cue[1] for s, e in distancing_spans)))
    authorial = sum(1 for t in record.loaded_terms if t.voice == "authorial")
    quoted = len(record.loaded_terms) - authorial
    quoted_words = _quoted_words(record, words)
    return Scorecard(
        words=n_words,
        claims=len(record.claims),
        claims_attributed=attributed,
        share_attributed=_ratio(attributed, len(record.claims)),
        attributions=len(reports),
        attributions_anonymous=anonymous,
        anonymous_share=_ratio(anonymous, len(reports)),
        sources_by_kind=dict(sorted(Counter(s.kind for s in record.sources).items())),
        distinct_named_sources=len({k for s in record.sources if (k := _named_key(s))}),
        sources_by_affiliation=dict(sorted(Counter(_affiliation(s, record) for s in record.sources).items())),
        hedges=len(hedge_spans),
        distancing_cues=len(distancing_spans) + cue_distancing,
        loaded_authorial_per_1k=round(1000 * authorial / n_words, 2) if n_words else 0.0,
        loaded_quoted_per_1k=round(1000 * quoted / n_words, 2) if n_words else 0.0,
        quoted_share=_ratio(quoted_words, n_words),
        loaded_authorial=authorial,
        loaded_quoted=quoted,
        quoted_words=quoted_words,
        declined=declined,
    )


@annotator("scorecard")
def annotate(record: Record, doc) -> dict:
    return {"scorecard": build_scorecard(record, doc)}
