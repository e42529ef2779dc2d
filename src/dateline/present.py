"""A record as a person reads it: who said what, through whom, resting on whom.

Plain dicts and lists built from a stored record, for the faces that show it (the terminal's
``show --format table`` and the web reader). Nothing here analyses text: it follows the ids the
annotators wrote (``via`` chains, attribution sources, entity targets) and cuts the spans they
point at.
"""
from __future__ import annotations

from typing import Any, Optional

from .annotate.claims import is_mind_reading
from .record import Attribution, Record, Source

ANONYMOUS_KINDS = frozenset({"anonymous_person", "anonymous_group"})

KIND_LABELS = {
    "named_person": "named person",
    "named_group": "named group",
    "media": "media",
    "document": "document",
    "anonymous_person": "anonymous person",
    "anonymous_group": "anonymous group",
}


def first_words(text: str, n: int = 12) -> str:
    """The first ``n`` words of ``text`` on one line, with an ellipsis where it was cut."""
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def source_chain(source_id: Optional[str], by_id: dict[str, Source]) -> list[Source]:
    """The source and those that carried it, nearest first (``s3 <- s1 <- s2``); a loop stops."""
    chain: list[Source] = []
    while source_id and source_id in by_id and all(s.id != source_id for s in chain):
        chain.append(by_id[source_id])
        source_id = by_id[source_id].via
    return chain


def statement_chain(attribution: Attribution, by_id: dict[str, Source]) -> list[Source]:
    """The source of one statement and those that carried that statement, nearest first: the
    attribution's own ``via`` ("Sources report that Trump asked ..." is Trump's, carried by the
    sources; his words quoted later are his alone)."""
    if attribution.source not in by_id:
        return []
    chain = [by_id[attribution.source]]
    for carrier in source_chain(attribution.via, by_id):
        if carrier in chain:
            break
        chain.append(carrier)
    return chain


def anonymity(chain: list[Source]) -> Optional[str]:
    """``anonymous`` when the source itself is unnamed; ``via_anonymous`` when a named source was
    carried by an unnamed one ("Iran said", as an unnamed official told a news site, is only as
    named as that official); None when every link is named."""
    if chain and chain[0].kind in ANONYMOUS_KINDS:
        return "anonymous"
    return "via_anonymous" if any(s.kind in ANONYMOUS_KINDS for s in chain[1:]) else None


def _source_label(source: Optional[Source]) -> str:
    return source.text if source is not None else "(no source found)"


class ArticleView:
    """The display form of one record, built once per page or terminal print."""

    def __init__(self, record: Record):
        self.record = record
        self.sources = {s.id: s for s in record.sources}
        self.entities = {e.id: e for e in record.entities}
        self.attributions = {a.id: a for a in record.attributions}
        self._chains = {s.id: source_chain(s.id, self.sources) for s in record.sources}
        self._statement_chains = {a.id: statement_chain(a, self.sources) for a in record.attributions}

    def entity_name(self, entity_id: Optional[str]) -> Optional[str]:
        entity = self.entities.get(entity_id) if entity_id else None
        return entity.name if entity is not None else None

    def chain(self, source_id: Optional[str]) -> list[Source]:
        return self._chains.get(source_id or "", [])

    def anonymity(self, source_id: Optional[str]) -> Optional[str]:
        return anonymity(self.chain(source_id))

    def statement_anonymity(self, attribution_id: Optional[str]) -> Optional[str]:
        """The anonymity of one statement: of its source and of those that carried that statement."""
        return anonymity(self._statement_chains.get(attribution_id or "", []))

    def _claim_anonymity(self, start: int, end: int, source_id: Optional[str]) -> Optional[str]:
        """A claim in a source's voice is as named as the statement it lies in."""
        a = next((a for a in self.record.attributions if a.source == source_id
                  and a.content[0] <= start and end <= a.content[1]), None)
        return self.statement_anonymity(a.id) if a is not None else self.anonymity(source_id)

    def source_rows(self) -> list[dict[str, Any]]:
        rows = []
        for s in self.record.sources:
            chain = self.chain(s.id)
            rows.append({
                "id": s.id, "text": s.text, "kind": s.kind, "kind_label": KIND_LABELS.get(s.kind, s.kind),
                "descriptor": s.descriptor, "affiliation": s.affiliation, "entity": s.entity,
                "entity_name": self.entity_name(s.entity), "via": s.via,
                "chain": [{"id": c.id, "text": c.text, "kind": c.kind} for c in chain[1:]],
                "anonymity": anonymity(chain),
                "attributions": sum(1 for a in self.record.attributions if a.source == s.id),
                "first_mention": s.mentions[0][0] if s.mentions else None,
            })
        return rows

    def attribution_rows(self, words: int = 12) -> list[dict[str, Any]]:
        r = self.record
        rows = []
        for a in r.attributions:
            source = self.sources.get(a.source or "")
            content = r.span_text(a.content)
            rows.append({
                "id": a.id, "kind": a.kind, "mode": a.mode, "source": a.source,
                "source_text": _source_label(source), "source_kind": source.kind if source else None,
                "anonymity": self.statement_anonymity(a.id), "via": a.via,
                "chain": [{"id": c.id, "text": c.text, "kind": c.kind} for c in self._statement_chains[a.id][1:]],
                "cue": r.span_text(a.cue) or None, "cue_lemma": a.cue_lemma, "distancing": a.distancing,
                "speaker": r.span_text(a.speaker) or None,
                "content": list(a.content), "content_text": content, "first_words": first_words(content, words),
            })
        return rows

    def claim_rows(self, words: int = 12) -> list[dict[str, Any]]:
        r = self.record
        rows = []
        for c in r.claims:
            source = self.sources.get(c.source or "")
            text = r.text[c.start:c.end]
            rows.append({
                "id": c.id, "start": c.start, "end": c.end, "voice": c.voice, "kind": c.kind,
                "source": c.source, "source_text": source.text if source else None,
                "anonymity": self._claim_anonymity(c.start, c.end, c.source) if c.voice == "source" else None,
                "hedges": [r.span_text(h) for h in c.hedges],
                "distancing": [r.span_text(d) for d in c.distancing],
                "checkworthy": c.checkworthy, "text": text, "first_words": first_words(text, words),
            })
        return rows

    def loaded_rows(self) -> list[dict[str, Any]]:
        return [{
            "start": t.start, "end": t.end, "text": t.text, "category": t.category, "voice": t.voice,
            "source": t.source, "source_text": self.sources[t.source].text if t.source in self.sources else None,
            "target": t.target, "target_name": self.entity_name(t.target),
        } for t in self.record.loaded_terms]

    def event_rows(self) -> list[dict[str, Any]]:
        rows = []
        for e in self.record.events:
            attribution = self.attributions.get(e.source or "")
            source_id = attribution.source if attribution else None
            rows.append({
                "id": e.id, "type": e.type, "mode": e.mode, "status": e.status, "date": e.date,
                "trigger": self.record.text[e.start:e.end], "start": e.start, "end": e.end,
                "actor": e.actor, "actor_name": self.entity_name(e.actor),
                "actor_person_name": self.entity_name(e.actor_person),
                "recipient": e.recipient, "recipient_name": self.entity_name(e.recipient),
                "recipient_person_name": self.entity_name(e.recipient_person),
                "location_name": self.entity_name(e.location),
                "attribution": e.source, "source": source_id,
                "source_text": self.sources[source_id].text if source_id in self.sources else None,
                "anonymity": self.statement_anonymity(attribution.id) if attribution is not None else None,
            })
        return rows

    def timex_rows(self) -> list[dict[str, Any]]:
        return [{"id": t.id, "start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
                 "anchor": t.anchor} for t in self.record.timexes]

    def entity_rows(self) -> list[dict[str, Any]]:
        return [{"id": e.id, "name": e.name, "type": e.type, "mentions": len(e.mentions), "country": e.country,
                 "kb": e.kb} for e in sorted(self.record.entities, key=lambda e: (-len(e.mentions), e.id))]

    def anonymity_counts(self) -> dict[str, int]:
        """Attributed statements by the anonymity of their chain (``anonymous``, ``via_anonymous``,
        ``named``), counted as the scorecard counts attributions: what the writer says someone
        knows or thinks ("because he knows ...") is left out, as no one is reported saying it."""
        counts = {"anonymous": 0, "via_anonymous": 0, "named": 0}
        for a in self.record.attributions:
            if not is_mind_reading(a):
                counts[self.statement_anonymity(a.id) or "named"] += 1
        return counts

    def as_dict(self) -> dict[str, Any]:
        """Everything above, for a JSON twin."""
        return {
            "sources": self.source_rows(), "attributions": self.attribution_rows(), "claims": self.claim_rows(),
            "loaded_terms": self.loaded_rows(), "events": self.event_rows(), "timexes": self.timex_rows(),
            "entities": self.entity_rows(), "statements_by_anonymity": self.anonymity_counts(),
        }


def event_summary(row: dict[str, Any]) -> str:
    """``Russia (Vladimir Putin) -> Iran``: who did it to whom, as named in the article."""
    def who(name: Optional[str], person: Optional[str]) -> str:
        if name and person and person != name:
            return f"{name} ({person})"
        return name or person or "?"

    actor = who(row["actor_name"], row["actor_person_name"])
    recipient = who(row["recipient_name"], row["recipient_person_name"])
    if recipient == "?":
        return "—" if actor == "?" else actor
    return f"{actor} → {recipient}"
