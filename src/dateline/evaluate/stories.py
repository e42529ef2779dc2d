"""``stories``: event and claim stories held against stories a person labelled in PolNeAR's training set.

``labels/polnear_stories.jsonl`` lists, for each labelled story, every article published in its
window (a week from the event unless the label says otherwise) that reports the event or carries
the claim, with the PLOVER type, status, actor and recipient (or the speaker of a claim) as the
labeller coded them, and its count of independent outlets. The articles published in any labelled
window are analysed together (``corpus_sets.analysed``), so every article that could join a story
is there; or a store of the whole set is read (``--path store.duckdb``).

A labelled story is matched to one dateline story: among the stories of the same kind (and, for an
event, the same type and status) whose actor is the labelled actor, whose recipient is the
labelled recipient (either way round for a symmetric type such as a meeting:
``lexicons/story_anchors.csv``), or one of whose roles is the labelled place (names resolved as
``dateline stories --entity`` does), the one whose articles
in the window best agree with the labelled ones (F1). Keys: ``precision`` (the matched story's
articles in the window that the label lists, averaged over matched stories), ``recall`` (the
labelled articles the matched story has, averaged over all labelled stories, 0 where none
matched), ``f1``, ``outlets_exact`` (share of labelled stories whose matched story counts exactly
the labelled independent outlets, counted over its articles in the window), ``reachable`` (share
of the labelled articles whose records hold an event of the labelled type, status and a labelled
role, or a claim by the labelled speaker: what the per-article annotators give the corpus step to
work with), ``recall_of_reachable`` (recall counted over those articles only: the corpus step's
own share), ``matched``, ``n``.
``half`` takes every other labelled story; ``limit`` the first N.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..corpus import views
from ..corpus.corroborate import symmetric_types
from . import take
from .corpus_sets import analysed, label_json, text_folder

LABELS = "polnear_stories.jsonl"


def _entities(con, name: Optional[str]) -> set[str]:
    return {e["id"] for e in views.find_entities(con, name)} if name else set()


def _story_articles(con) -> dict[str, tuple[dict, dict[str, tuple[str, str]]]]:
    """story id -> (its row, article id -> (published, independence unit))."""
    stories = {}
    for sid, kind, type_, status, actor, recipient, location in con.execute(
            "SELECT id, kind, type, status, actor, recipient, location FROM stories").fetchall():
        stories[sid] = ({"kind": kind, "type": type_, "status": status, "actor": actor, "recipient": recipient,
                         "location": location}, {})
    for sid, article, published, unit in con.execute("""
            SELECT DISTINCT m.story_id, m.article_id, a.published,
                   coalesce(nullif(r.outlet, ''), 'article:' || r.id)
            FROM story_members m JOIN articles a ON a.id = m.article_id
            JOIN articles r ON r.id = coalesce(a.duplicate_of, a.id)""").fetchall():
        stories[sid][1][article] = (published, unit)
    return stories


def _reachable(con, label: dict, gold: set[str], roles: set[str]) -> set[str]:
    """The labelled articles whose records hold something a story could be made of: an event of
    the labelled type and status with a labelled role, or a claim by the labelled speaker."""
    if not gold or not roles:
        return set()
    kind_filter = ("m.kind = 'event' AND m.type = ? AND m.status = ?" if label["kind"] == "event" else "m.kind = 'claim'")
    params = [label["type"], label["status"]] if label["kind"] == "event" else []
    ids, role_ids = sorted(gold), sorted(roles)
    rows = con.execute(
        f"SELECT DISTINCT m.article_id FROM story_members m WHERE {kind_filter} "
        f"AND m.article_id IN ({', '.join('?' * len(ids))}) "
        f"AND (m.actor IN ({', '.join('?' * len(role_ids))}) OR m.recipient IN ({', '.join('?' * len(role_ids))}) "
        f"OR m.location IN ({', '.join('?' * len(role_ids))}))", params + ids + role_ids * 3).fetchall()
    return {r[0] for r in rows}


def match(label: dict, stories: dict, ids: dict[str, str], con) -> tuple[Optional[tuple[float, float, int]], float]:
    """((precision, recall, independent outlets) of the best-matching story or None, and the
    recall it has of the labelled articles whose records could have given it)."""
    gold = {ids[a] for a in label["articles"] if a in ids}
    actors, recipients = _entities(con, label.get("actor")), _entities(con, label.get("recipient"))
    places = _entities(con, label.get("place"))
    if label["kind"] == "event" and label["type"] in symmetric_types():
        actors = recipients = actors | recipients  # "A met B" is "B met A"
    reachable = _reachable(con, label, gold, actors | recipients | places)
    first, last = label["window"]
    best = None
    for row, articles in stories.values():
        if row["kind"] != label["kind"]:
            continue
        if label["kind"] == "event" and (row["type"], row["status"]) != (label["type"], label["status"]):
            continue
        if not (row["actor"] in actors or (row["recipient"] and row["recipient"] in recipients)
                or {row["actor"], row["recipient"], row["location"]} & places):
            continue
        inside = {a for a, (published, _) in articles.items() if published and first <= published <= last}
        hits = len(inside & gold)
        if not hits:
            continue
        p, r = hits / len(inside), hits / len(gold)
        f = 2 * p * r / (p + r)
        if best is None or f > best[0]:
            best = (f, p, r, len({articles[a][1] for a in inside}), len(inside & reachable))
    if best is None:
        return None, 0.0
    return best[1:4], (best[4] / len(reachable) if reachable else 0.0)


def score(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> dict:
    labels = take(label_json(LABELS), limit, half)
    names = set()
    if path.suffix != ".duckdb":
        folder = text_folder(path)
        windows = [label["window"] for label in labels]
        names = {p.name for p in folder.glob("*.txt")
                 if any(first <= p.name.split("_")[1] <= last for first, last in windows)}
    with analysed(path, names) as (con, ids):
        stories = _story_articles(con)
        results = [match(label, stories, ids, con) for label in labels]
        reachable = sum(len(_reachable(con, label, {ids[a] for a in label["articles"] if a in ids},
                                       _entities(con, label.get("actor")) | _entities(con, label.get("recipient"))
                                       | _entities(con, label.get("place")))) for label in labels)
    matched = [m for m, _ in results if m]
    precision = sum(p for p, _, _ in matched) / len(matched) if matched else 0.0
    recall = sum(r for _, r, _ in matched) / len(labels) if labels else 0.0
    exact = sum(1 for label, (m, _) in zip(labels, results) if m and m[2] == label["independent_outlets"])
    return {"precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
            "outlets_exact": round(exact / len(labels), 4) if labels else 0.0,
            "reachable": round(reachable / sum(len(label["articles"]) for label in labels), 4) if labels else 0.0,
            "recall_of_reachable": round(sum(r for _, r in results) / len(labels), 4) if labels else 0.0,
            "matched": len(matched), "n": len(labels)}
