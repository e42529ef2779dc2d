"""The article-extraction benchmark's shingle metric (scrapinghub/article-extraction-benchmark).

Tokens are ``\\w+`` runs with case kept; 4-token shingles (one shorter shingle for a text of fewer
tokens) are counted as a multiset. Per page, true positives, false positives and false negatives
are normalised to sum to 1. Precision is averaged over the pages that predicted something, recall
over the pages whose gold has something, and F1 is taken from the two averages.
"""
from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_counts(predicted: str, gold: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page."""
    p, g = shingles(predicted), shingles(gold)
    tp = float(sum((p & g).values()))
    fp = float(sum((p - g).values()))
    fn = float(sum((g - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def corpus_prf(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """{f1, precision, recall} over (predicted, gold) pairs."""
    counts = [page_counts(p, g) for p, g in pairs]
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def word_f1(predicted: str, gold: str) -> float:
    """F1 of one page over lower-cased ``\\w+`` words counted as a bag (WCXB's own page measure):
    1.0 when both are empty, 0.0 when only one is."""
    p = Counter(_TOKEN.findall((predicted or "").lower()))
    g = Counter(_TOKEN.findall((gold or "").lower()))
    if not g or not p:
        return float(not g and not p)
    overlap = sum((p & g).values())
    return 2 * overlap / (sum(p.values()) + sum(g.values()))
