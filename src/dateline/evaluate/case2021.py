"""``case2021``: one ACLED-style event sub-type per news snippet (CASE 2021 shared task 2,
``task2.tsv``: ``id``, ``EventSnippet``, ``SubType``), derived from dateline's PLOVER events.

Each snippet is analysed on its own (no publication date). Its events (all but the negated ones)
are turned into one sub-type by the decision list in ``lexicons/case2021_subtypes.csv``: the first
row one of the events satisfies wins (weapons first: chemical, suicide, grenade, remote explosive;
then protests by how they were met, air and artillery strikes, seizures, arrests, territory,
clashes, other assaults, agreements, diplomacy). A territorial capture (mode ``occupy``) is
NON_STATE_ACTOR_OVERTAKES_TER when its actor is an armed group, party or people, or an entity of
no known country, and GOV_REGAINS_TERIT otherwise (a state, or an unnamed actor). ASSAULT events
with neither actor nor mode are not used. A snippet without a usable event gets no sub-type.

Metrics: ``micro_f1`` (over all snippets: precision over those given a sub-type, recall over all),
``macro_f1`` (mean of per-class F1 over the gold classes), ``n``. Tuned on ``--half even``;
``--half odd`` is the held-out check.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Optional

from .. import lexicons
from ..annotate import entities as entity_api
from ..annotate import gazetteer
from .plover import annotate_texts
from . import take

_TERRITORY = "TERRITORY"


def load(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> list[dict]:
    file = path / "task2.tsv" if path.is_dir() else path
    with file.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r.get("EventSnippet")]
    return take(rows, limit, half)


def _state_actor(record, event) -> bool:
    if event.actor is None:
        return True
    ent = entity_api.entity(record, event.actor)
    if ent.type == "NORP" or ent.country is None and ent.type != "GPE":
        return False
    entry = gazetteer.entry_by_kb(ent.kb)
    return not (entry is not None and entry.org_kind in ("armed_group", "party", "ngo"))


def subtype(record) -> Optional[str]:
    events = [e for e in record.events if e.status != "negated"
              and not (e.type == "ASSAULT" and e.actor is None and e.mode is None)]
    types = {e.type for e in events}
    for row in lexicons.rows("case2021_subtypes.csv"):
        if row["with"] and row["with"] not in types:
            continue
        for e in events:
            if row["type"] not in ("*", e.type):
                continue
            if row["mode"] == "-" and e.mode or row["mode"] not in ("*", "-", e.mode):
                continue
            if row["subtype"] == _TERRITORY:
                return "GOV_REGAINS_TERIT" if _state_actor(record, e) else "NON_STATE_ACTOR_OVERTAKES_TER"
            return row["subtype"]
    return None


def f1_scores(pairs: list[tuple[str, Optional[str]]]) -> dict:
    n = len(pairs)
    predicted = sum(1 for _, p in pairs if p)
    correct = sum(1 for g, p in pairs if p == g)
    precision = correct / predicted if predicted else 0.0
    recall = correct / n if n else 0.0
    micro = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    per_class = []
    for label in sorted({g for g, _ in pairs}):
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        per_class.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    macro = sum(per_class) / len(per_class) if per_class else 0.0
    return {"micro_f1": round(micro, 4), "macro_f1": round(macro, 4), "n": n}


def score(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> dict:
    rows = load(path, limit, half)
    records = annotate_texts((r["EventSnippet"], None) for r in rows)
    pairs = [(r["SubType"].strip(), subtype(rec)) for r, rec in zip(rows, records)]
    return f1_scores(pairs)
