"""Records built by hand for the claims, language and scorecard tests: a text written for the test,
parsed by the real model, with the attributions, sources and entities a test says it has (the way
the attribution and entity annotators would give them), located by the quoted words themselves."""
from __future__ import annotations

from dateline import nlp
from dateline.record import Attribution, Entity, Record, Source, article_id


def span(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    """Character span of the nth occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def parse(text: str):
    return nlp.load()(text)


def record(text: str, attributions=(), sources=(), entities=()) -> Record:
    """``attributions``: (content words, cue words, source id, kind) tuples; ``sources``: Source
    objects; ``entities``: (id, name, type, [mention words]) tuples."""
    rec = Record(id=article_id(text), text=text, language="en")
    rec.sources = list(sources)
    for k, (content, cue, source, kind) in enumerate(attributions, 1):
        rec.attributions.append(Attribution(f"a{k}", kind, span(text, content), span(text, cue) if cue else None,
                                            source, cue_lemma=cue.split()[-1] if cue else None,
                                            distancing=bool(cue) and cue.split()[-1] in ("claimed", "alleged")))
    for eid, name, etype, mentions in entities:
        spans = []
        for words in mentions:
            start = -1
            while (start := text.find(words, start + 1)) >= 0:
                spans.append((start, start + len(words)))
        rec.entities.append(Entity(eid, name, etype, sorted(spans)))
    return rec


__all__ = ["Source", "parse", "record", "span"]
