"""``extraction``: the article-extraction benchmark (119 pages, the body a person cut from each).

Keys: ``f1``, ``precision``, ``recall`` (the benchmark's shingle metric), ``n``.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Optional

from ..errors import InputError
from ..read import Offered, extract
from .shingles import corpus_prf
from . import take


def predicted_body(html: bytes, url: Optional[str]) -> str:
    try:
        return extract(Offered("eval", html, "html", {"url": url} if url else {})).text
    except InputError:
        return ""


def score(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> dict:
    gold = json.loads((path / "ground-truth.json").read_text(encoding="utf-8"))
    keys = take(sorted(gold), limit, half)
    pairs = []
    for key in keys:
        html = gzip.decompress((path / "html" / f"{key}.html.gz").read_bytes())
        pairs.append((predicted_body(html, gold[key].get("url")), gold[key].get("articleBody", "")))
    return {**corpus_prf(pairs), "n": len(pairs)}
