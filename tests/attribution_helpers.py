"""Runs the annotators up to and including attribution on a text written for a test."""
from __future__ import annotations

from dateline import annotate, nlp
from dateline.record import Record, article_id


def analyze_text(text: str) -> Record:
    return annotate.run(Record(id=article_id(text), text=text), nlp.load()(text), annotate.until("attribution"))


def source_of(record: Record, attribution):
    return next((s for s in record.sources if s.id == attribution.source), None)


def find(record: Record, content_part: str):
    """The attribution whose content contains ``content_part``."""
    for a in record.attributions:
        if content_part in record.span_text(a.content):
            return a
    raise AssertionError(f"no attribution contains {content_part!r}: "
                         f"{[record.span_text(a.content) for a in record.attributions]}")


def entity_name(record: Record, source) -> str:
    return next((e.name for e in record.entities if e.id == source.entity), "")
