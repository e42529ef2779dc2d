"""``checkworthy``: claim check-worthiness held against ClaimBuster's labelled debate sentences.

Path: a folder holding ``train.json`` (or the JSON file itself): a list of ``{text, label}`` with
label 1 for check-worthy. Each sentence is parsed and annotated by the pipeline's own annotators up
to ``claims``; it is predicted check-worthy when one of its claims reaches
``claims.CHECKWORTHY_THRESHOLD``. Keys: ``f1``, ``precision``, ``recall`` of the check-worthy class,
``n`` sentences scored. The shared file lists every check-worthy sentence first, so ``limit`` takes
that many sentences evenly spaced through the file, not the first ones.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Optional

from ..annotate.claims import CHECKWORTHY_THRESHOLD
from .plain import annotate_texts
from . import take


def load(path: Path, limit: Optional[int], half: Optional[str] = None) -> list[tuple[str, int]]:
    file = path / "train.json" if path.is_dir() else path
    items = take(json.loads(file.read_text(encoding="utf-8")), None, half)
    if limit is not None and 0 < limit < len(items):
        step = len(items) / limit
        items = [items[int(k * step)] for k in range(limit)]
    return [(x["text"], int(x["label"])) for x in items]


def is_checkworthy(record) -> bool:
    return any(c.checkworthy >= CHECKWORTHY_THRESHOLD for c in record.claims)


def score_predictions(pairs: Iterable[tuple[bool, int]]) -> dict:
    tp = fp = fn = n = 0
    for predicted, label in pairs:
        n += 1
        tp += predicted and label == 1
        fp += predicted and label != 1
        fn += (not predicted) and label == 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4), "n": n}


def score(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> dict:
    items = load(path, limit, half)
    records = annotate_texts([text for text, _ in items], last="claims", batch_size=256)
    return score_predictions((is_checkworthy(r), label) for r, (_, label) in zip(records, items))
