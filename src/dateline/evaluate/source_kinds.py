"""``source-kinds``: is each source found as a speaker, and is it of the right kind?

The labels (``source_kinds.tsv`` beside this module) are dateline's own: source mentions in PolNeAR
dev articles, each given a kind by reading the article (see the file's header). A labelled source
is *found* when an attribution's speaker span overlaps it (spans carried from ``Record.text`` onto
the article through spans.Alignment); it is *right* when it is found and the source that speaker
resolved to has the labelled kind. Keys: ``found`` (share of labels found), ``kind_when_found``
(share of the found ones with the right kind), ``kind_right`` (share of all labels found with the
right kind: the number to hold), ``right_<kind>`` for each kind, ``n`` (labels), ``articles``.

The halves are PolNeAR dev's, as ``dateline evaluate polnear --half`` takes them (every other
article of the split in name order), so a held-out article is held out in both sets.
"""
from __future__ import annotations

import csv
import io
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Optional

from .spans import Alignment, Span
from . import take

KINDS = ("named_person", "named_group", "media", "document", "anonymous_person", "anonymous_group")
LABELS = "source_kinds.tsv"


def labels() -> dict[str, list[tuple[Span, str, str]]]:
    """Article name -> [(span, kind, text)] from the label file."""
    raw = resources.files(__package__).joinpath(LABELS).read_text(encoding="utf-8")
    body = "\n".join(line for line in raw.splitlines() if not line.startswith("#"))
    out: dict[str, list[tuple[Span, str, str]]] = {}
    for row in csv.DictReader(io.StringIO(body), delimiter="\t"):
        out.setdefault(row["article"], []).append(((int(row["start"]), int(row["end"])), row["kind"], row["text"]))
    return out


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def speakers(record, text: str) -> list[tuple[Span, Optional[str]]]:
    """Each attribution's speaker span on ``text`` with the kind of the source it resolved to."""
    if record is None:
        return []
    align = Alignment(record.text, text)
    kinds = {s.id: s.kind for s in record.sources}
    out = []
    for a in record.attributions:
        span = align.span(*a.speaker) if a.speaker else None
        if span is not None:
            out.append((span, kinds.get(a.source)))
    return out


def compare(text: str, gold: list[tuple[Span, str, str]], pred: list[tuple[Span, Optional[str]]]) -> Counter:
    c: Counter = Counter()
    for (start, end), kind, label_text in gold:
        if _normal(text[start:end]) != _normal(label_text):
            raise ValueError(f"label {label_text!r} no longer matches the article at {start}:{end}")
        overlaps = [(min(end, e) - max(start, s), k) for (s, e), k in pred if s < end and start < e]
        c["n"] += 1
        c[f"n_{kind}"] += 1
        if not overlaps:
            continue
        c["found"] += 1
        if max(overlaps)[1] == kind:
            c["right"] += 1
            c[f"right_{kind}"] += 1
    return c


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def score_records(pairs) -> dict:
    """``pairs``: (article text, its labels, record) for each labelled article."""
    total: Counter = Counter()
    for text, gold, record in pairs:
        total += compare(text, gold, speakers(record, text))
    out = {"kind_right": _share(total["right"], total["n"]), "found": _share(total["found"], total["n"]),
           "kind_when_found": _share(total["right"], total["found"])}
    for kind in KINDS:
        out[f"right_{kind}"] = _share(total[f"right_{kind}"], total[f"n_{kind}"])
    return {**out, "n": total["n"], "articles": len(pairs)}


def score(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> dict:
    from ..pipeline import analyze_many
    from ..read import Offered
    from .polnear import annotation_file

    if not (path / "text").is_dir():  # the corpus folder: its dev split, where the labels are
        path = path / "dev"
    by_article = labels()
    files = take([f for f in sorted((path / "text").glob("*.txt")) if annotation_file(path, f)], None, half)
    files = [f for f in files if f.stem in by_article][:limit] if limit else [f for f in files if f.stem in by_article]
    offered = [Offered(str(f), f.read_bytes(), "text") for f in files]
    pairs = [(f.read_text(encoding="utf-8"), by_article[f.stem], o.record) for f, o in zip(files, analyze_many(offered))]
    return score_records(pairs)
