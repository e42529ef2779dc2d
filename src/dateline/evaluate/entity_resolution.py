"""``entity-resolution``: corpus entities held against names a person resolved across PolNeAR articles.

``labels/polnear_entities.tsv`` gives, for a name exactly as written in an article, the real thing
it stands for (a cluster id). The labelled articles and every article published on the same day as
one of them (so that one-word names are chosen among a crowd of namesakes) are analysed together, or a store of the whole set is read (``--path store.duckdb``). Each labelled name is looked up among its article's entity mentions (the mention
written exactly so, else one ending with it or inside it; the entity with most such mentions) and
stands for that entity's corpus entity; a name found in no mention stands alone.

Keys: ``precision``, ``recall``, ``f1`` over pairs of labelled names (a pair is positive when both
stand for one thing), ``found`` (share of names found among the article's mentions), ``n``.
``half`` takes every other labelled name; ``limit`` the first N.
"""
from __future__ import annotations

from itertools import combinations
from pathlib import Path
from typing import Optional

from . import take
from .corpus_sets import analysed, label_rows, outlet_and_date, text_folder


def _norm(text: str) -> str:
    return " ".join(text.split())


def resolved(con, article: Optional[str], surface: str) -> Optional[str]:
    """The corpus entity the name stands for in its article, or None if no mention has it."""
    if article is None:
        return None
    rows = con.execute(
        "SELECT m.text, l.corpus_entity_id FROM mentions m JOIN entity_links l "
        "ON l.article_id = m.article_id AND l.entity_id = m.entity_id WHERE m.article_id = ?", [article]).fetchall()
    want = _norm(surface)
    for test in (lambda t: t == want, lambda t: t.endswith(" " + want), lambda t: want in t or t in want):
        hits = [cid for text, cid in rows if cid and test(_norm(text))]
        if hits:
            return max(sorted(set(hits)), key=hits.count)
    return None


def score(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> dict:
    labels = take(label_rows("polnear_entities.tsv"), limit, half)
    names = {row["file"] for row in labels}
    if path.suffix != ".duckdb":
        days = {outlet_and_date(name)[1] for name in names}
        names |= {p.name for p in text_folder(path).glob("*.txt") if outlet_and_date(p.name)[1] in days}
    with analysed(path, names) as (con, ids):
        system = [resolved(con, ids.get(row["file"]), row["surface"]) for row in labels]
    found = sum(1 for s in system if s)
    system = [s or f"unfound:{i}" for i, s in enumerate(system)]
    tp = fp = fn = 0
    for (i, a), (j, b) in combinations(enumerate(labels), 2):
        same_gold, same_system = a["cluster"] == b["cluster"], system[i] == system[j]
        tp += same_gold and same_system
        fp += same_system and not same_gold
        fn += same_gold and not same_system
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
            "found": round(found / len(labels), 4) if labels else 0.0, "n": len(labels)}
