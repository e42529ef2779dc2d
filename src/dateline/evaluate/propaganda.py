"""``propaganda``: loaded terms held against the SemEval-2020 Task 11 spans (PTC corpus).

Path: a folder with ``articles/article<id>.txt`` and ``labels-tc/article<id>*.labels`` (rows:
``id technique start end``). Scored as the task's span-identification scorer does it: overlapping
spans of one class are merged (gold always; predictions too, as its ``-m`` option does); every
predicted span p is set against every gold span g, adding |p∩g|/|p| to precision's numerator and
|p∩g|/|g| to recall's; precision divides by the number of predicted spans, recall by the number of
gold spans. The gold class is ``Loaded_Language`` and ``Name_Calling,Labeling`` together (``f1``,
``precision``, ``recall``); ``f1_all`` holds the same predictions against all 14 techniques as one
class. ``n``: articles scored.

Predictions are the record's ``loaded_terms`` in the categories that name what the corpus marks
(``COMPARED``): epithets, judging adjectives and nouns, set phrases, emotive verbs, intensifiers.
Two categories are left out: ``label`` (one side's name for a contested thing, such as "regime" or
"pro-life": a framing choice the corpus does not mark as a technique) and ``endorsement`` (the writer
siding with a view, which the corpus files under other techniques).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Optional

from .plain import annotate_texts
from . import take

TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
COMPARED = frozenset({"name_calling", "loaded_adjective", "loaded_noun", "loaded_phrase", "emotive_verb",
                      "intensifier"})

Interval = tuple[int, int]


def merge(spans: Iterable[Interval]) -> list[Interval]:
    """Overlapping spans joined into one."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def overlap_credit(predicted: list[Interval], gold: list[Interval]) -> tuple[float, float]:
    """(precision numerator, recall numerator) for one article; both lists merged and sorted."""
    prec = rec = 0.0
    j0 = 0
    for ps, pe in predicted:
        while j0 < len(gold) and gold[j0][1] <= ps:
            j0 += 1
        j = j0
        while j < len(gold) and gold[j][0] < pe:
            gs, ge = gold[j]
            inter = min(pe, ge) - max(ps, gs)
            if inter > 0:
                prec += inter / (pe - ps)
                rec += inter / (ge - gs)
            j += 1
    return prec, rec


def prf(prec_num: float, n_pred: int, rec_num: float, n_gold: int) -> tuple[float, float, float]:
    p = prec_num / n_pred if n_pred else 0.0
    r = rec_num / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p > 0 and r > 0 else (1.0 if not n_pred and not n_gold else 0.0)
    return p, r, f


def read_gold(labels_dir: Path, article_id: str) -> list[tuple[str, int, int]]:
    rows = []
    for f in sorted(labels_dir.glob(f"article{article_id}*.labels")):
        for line in f.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 4:
                rows.append((parts[1], int(parts[2]), int(parts[3])))
    return rows


def articles(path: Path, limit: Optional[int], half: Optional[str] = None) -> list[tuple[str, str]]:
    """(article id, text) pairs in id order (one half of them if asked), the first ``limit`` of them."""
    out = []
    for f in take(sorted((path / "articles").glob("article*.txt")), limit, half):
        m = re.match(r"article(\d+)", f.name)
        out.append((m.group(1), f.read_text(encoding="utf-8")))
    return out


def predicted_spans(record) -> list[Interval]:
    return [(t.start, t.end) for t in record.loaded_terms if t.category in COMPARED]


def score_predictions(pairs: Iterable[tuple[list[Interval], list[tuple[str, int, int]]]]) -> dict:
    """Metrics from (predicted spans, gold rows) per article."""
    sums = {"p": 0.0, "r": 0.0, "np": 0, "ng": 0, "p_all": 0.0, "r_all": 0.0, "ng_all": 0}
    n = 0
    for predicted, gold in pairs:
        n += 1
        pred = merge(predicted)
        gold_ll = merge((s, e) for t, s, e in gold if t in TECHNIQUES)
        gold_all = merge((s, e) for _, s, e in gold)
        p, r = overlap_credit(pred, gold_ll)
        pa, ra = overlap_credit(pred, gold_all)
        sums["p"] += p; sums["r"] += r; sums["np"] += len(pred); sums["ng"] += len(gold_ll)
        sums["p_all"] += pa; sums["r_all"] += ra; sums["ng_all"] += len(gold_all)
    precision, recall, f1 = prf(sums["p"], sums["np"], sums["r"], sums["ng"])
    _, _, f1_all = prf(sums["p_all"], sums["np"], sums["r_all"], sums["ng_all"])
    return {"f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4),
            "f1_all": round(f1_all, 4), "n": n}


def score(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> dict:
    items = articles(path, limit, half)
    texts = [text for _, text in items]
    records = annotate_texts(texts, last="language")
    labels = path / "labels-tc"
    return score_predictions((predicted_spans(record), read_gold(labels, aid))
                             for (aid, _), record in zip(items, records))
