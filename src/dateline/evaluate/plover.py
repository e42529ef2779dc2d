"""``plover``: event coding held against the PLOVER gold-standard records (``PLOVER_GSR_CAMEO.json``:
sentences from the CAMEO manual coded with a PLOVER type, source and target actors, and the words
of the event marked).

Each record's ``text`` is analysed on its own (entities, time, attribution ... events) with its
``date`` as publication date. The event compared is the first of ours, in text order, whose trigger
is one of the words the gold marks as the event (``eventText``), else our first event in the
sentence; a sentence where we find none counts as wrong.

The gold uses PLOVER's older category names; they map to the 16 current types as
``OLD_NAMES`` says (DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE, FIGHT ->
ASSAULT, the rest unchanged); its one ``DOCUMENT`` record documents the file and is skipped.

Metrics: ``type_acc`` (type right over all sentences), ``actor_acc`` / ``recipient_acc`` (over the
sentences whose gold names a source / target: right when the country of our actor / recipient is
the country code of one of the gold's actors, CAMEO's own codes read through ``CAMEO_CODES``; for
non-state gold actors (IGO, NGO and the like), and for actors of ours whose country we do not know
(a person the gazetteers do not list, such as a past president), when our entity's name or a
mention shares a word with the gold's actor text), ``n``. Tuned on ``--half even``; ``--half odd`` is
the held-out check.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable, Optional

from ..annotate import entities as entity_api
from . import plain, take

OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# CAMEO's country codes that differ from ISO 3166 alpha-3.
CAMEO_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "GMY": "DEU", "UK": "GBR"}
_NON_STATE = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC"})  # CAMEO's codes for non-state actors
_STOP = frozenset({"the", "of", "a", "an", "and", "in", "on", "for"})


def annotate_texts(items: Iterable[tuple[str, Optional[str]]]) -> list:
    """Records for bare texts (snippets, single sentences): (text, publication date) in, each
    analysed by every annotator of the pipeline, without the page reader."""
    items = list(items)
    return list(plain.annotate_texts([t for t, _ in items], published=[d for _, d in items], batch_size=64))


def gold_type(name: str) -> str:
    return OLD_NAMES.get(name, name)


def _actors(value) -> list[dict]:
    if isinstance(value, list):
        return [a for a in value if isinstance(a, dict)]
    if isinstance(value, str) and value.strip():
        return [{"actorText": value, "code": ""}]
    return []


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if w not in _STOP}


def actor_matches(record, entity_id: Optional[str], gold: list[dict]) -> bool:
    if entity_id is None:
        return False
    code = entity_api.country_code(record, entity_id)
    ent = entity_api.entity(record, entity_id)
    names = _words(ent.name) | {w for s, e in ent.mentions for w in _words(record.text[s:e])}
    for g in gold:
        gold_code = CAMEO_CODES.get(g.get("code") or "", g.get("code") or "")
        is_country = len(gold_code) == 3 and gold_code.isalpha() and gold_code not in _NON_STATE
        if is_country and code == gold_code:
            return True
        if (not is_country or code is None) and names & _words(g.get("actorText") or ""):
            return True
    return False


def _trigger_spans(text: str, event_text: str) -> list[tuple[int, int]]:
    spans = []
    for word in set(re.findall(r"[\w'-]+", event_text)):
        spans += [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I)]
    return spans


def primary_event(record, event_text: str):
    spans = _trigger_spans(record.text, event_text)
    for event in record.events:
        if any(s < event.end and event.start < e for s, e in spans):
            return event
    return record.events[0] if record.events else None


def load(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> list[dict]:
    file = path / "PLOVER_GSR_CAMEO.json" if path.is_dir() else path
    items = [x for x in json.loads(file.read_text(encoding="utf-8")) if x.get("text") and x.get("event") != "DOCUMENT"]
    return take(items, limit, half)


def score(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> dict:
    items = load(path, limit, half)
    records = annotate_texts((x["text"], x.get("date")) for x in items)
    rows = []
    for item, record in zip(items, records):
        event = primary_event(record, item.get("eventText", ""))
        sources, targets = _actors(item.get("source")), _actors(item.get("target"))
        rows.append({
            "type": event is not None and event.type == gold_type(item["event"]),
            "actor": (actor_matches(record, event.actor if event else None, sources)) if sources else None,
            "recipient": (actor_matches(record, event.recipient if event else None, targets)) if targets else None,
        })
    return _metrics(rows)


def _metrics(rows: list[dict]) -> dict:
    def share(key: str) -> float:
        scored = [r[key] for r in rows if r[key] is not None]
        return round(sum(scored) / len(scored), 4) if scored else 0.0

    return {"type_acc": share("type"), "actor_acc": share("actor"), "recipient_acc": share("recipient"), "n": len(rows)}
