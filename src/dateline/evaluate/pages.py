r"""``pages``: WCXB article pages (body as a person reads it, title, author, publication date).

Keys: ``body_f1`` (shingle F1), ``title_acc`` (exact after whitespace normalisation;
``title_acc_quotes_straight`` with curly and straight quote marks taken as one), ``date_acc`` (exact
ISO day, over the pages whose gold has a ``publish_date``), ``author_acc`` (the first author
named, case aside, over the pages whose gold names one; credentials after a comma left out), ``heading_recall`` (the gold
body's short stand-alone lines without final punctuation, found among the record's headings), ``n``.

Also ``body_word_f1``: WCXB's own measure (its ``evaluate.py``): lower-cased ``\w+`` words as a bag,
F1 per page, averaged over pages. The gold bodies are plain text with a few markdown marks: list
items start with "- " (or "1. " for ordered lists). A line starting with a bullet mark is a list
item, not a heading, so it is not counted among the gold headings.
"""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Optional

from ..errors import InputError
from ..read import Offered, Page, extract
from ..read.dates import iso_day
from .shingles import corpus_prf, word_f1
from . import take

_WS = re.compile(r"\s+")
_BULLET = re.compile(r"[-*•]\s")
MAX_HEADING_WORDS = 12


def norm(s: Optional[str]) -> str:
    return _WS.sub(" ", s or "").strip()


_STRAIGHT = str.maketrans({"‘": "'", "’": "'", "ʼ": "'", "“": '"', "”": '"', "„": '"'})


def same_title(found: Optional[str], gold: Optional[str]) -> tuple[bool, bool]:
    """(exact after whitespace normalisation, the same once curly quote marks and apostrophes are
    made straight): a page's metadata often types "We've" where its headline prints "We’ve"."""
    a, b = norm(found), norm(gold)
    return a == b, a.translate(_STRAIGHT) == b.translate(_STRAIGHT)


def gold_headings(main_content: str) -> list[str]:
    """Short lines standing alone between blank lines, without final punctuation."""
    out = []
    for block in re.split(r"\n\s*\n", main_content or ""):
        line = norm(block)
        if "\n" in block.strip() or not line or _BULLET.match(line):
            continue
        if len(line.split()) <= MAX_HEADING_WORDS and not line.endswith(tuple(".!?:;,…\"'”)")):
            out.append(line.lower())
    return out


def first_author(names: Optional[str]) -> str:
    """The first person a byline names, lower-cased, without credentials ("Dylan Bailey, MS, RD"
    gives "dylan bailey")."""
    first = re.split(r",|\s+(?:and|&)\s+|;", names or "")[0]
    return norm(first).lower()


def read_page(path: Path, gt_file: Path) -> tuple[dict, bytes, Page]:
    """One page of the set: its ground-truth document, its HTML and dateline's reading of it."""
    doc = json.loads(gt_file.read_text(encoding="utf-8"))
    html = gzip.decompress((path / "html" / f"{gt_file.stem}.html.gz").read_bytes())
    try:
        page = extract(Offered("eval", html, "html", {"url": doc.get("url")} if doc.get("url") else {}))
    except InputError:
        page = Page(text="")
    return doc, html, page


def date_accuracies(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> dict:
    """Publication-date accuracy on the dated pages of the set, dateline's beside plain trafilatura
    with metadata (htmldate's date) on the same pages in the same run: ``dateline``,
    ``trafilatura``, ``n``."""
    import trafilatura

    hits = {"dateline": 0, "trafilatura": 0}
    n = 0
    for gt_file in take(sorted((path / "ground-truth").glob("*.json")), limit, half):
        doc, html, page = read_page(path, gt_file)
        gold = iso_day(doc["ground_truth"].get("publish_date"))
        if not gold:
            continue
        plain = trafilatura.bare_extraction(html, url=doc.get("url"), with_metadata=True)
        n += 1
        hits["dateline"] += page.published == gold
        hits["trafilatura"] += plain is not None and iso_day(plain.date) == gold
    return {"dateline": hits["dateline"] / n if n else 0.0, "trafilatura": hits["trafilatura"] / n if n else 0.0, "n": n}


def score(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> dict:
    files = take(sorted((path / "ground-truth").glob("*.json")), limit, half)
    pairs, titles, dates, authors, heads_found, heads_total = [], [], [], [], 0, 0
    for gt_file in files:
        doc, _, page = read_page(path, gt_file)
        gold = doc["ground_truth"]
        pairs.append((page.text, gold.get("main_content", "")))
        titles.append(same_title(page.title, gold.get("title")))
        if gold.get("publish_date"):
            dates.append(page.published == iso_day(gold["publish_date"]))
        if gold.get("author"):
            authors.append(first_author(page.authors[0] if page.authors else None) == first_author(gold["author"]))
        found = {norm(h.text).lower() for h in page.headings}
        for h in gold_headings(gold.get("main_content", "")):
            heads_total += 1
            heads_found += h in found
    body = corpus_prf(pairs)
    return {
        "body_f1": body["f1"],
        "body_precision": body["precision"],
        "body_recall": body["recall"],
        "body_word_f1": sum(word_f1(p, g) for p, g in pairs) / len(pairs) if pairs else 0.0,
        "title_acc": sum(t[0] for t in titles) / len(titles) if titles else 0.0,
        "title_acc_quotes_straight": sum(t[1] for t in titles) / len(titles) if titles else 0.0,
        "date_acc": sum(dates) / len(dates) if dates else 0.0,
        "author_acc": sum(authors) / len(authors) if authors else 0.0,
        "heading_recall": heads_found / heads_total if heads_total else 0.0,
        "n": len(files),
        "n_dated": len(dates),
        "n_authored": len(authors),
        "n_headings": heads_total,
    }
