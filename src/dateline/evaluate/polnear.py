"""``polnear``: attributions held against PolNeAR (brat standoff), span by span.

The set: a split folder with ``text/<name>.txt`` and ``attributions/<name>_<annotator>.ann``; where
an article was annotated by several people the first annotation file (by name) is the gold. ``T``
lines give ``Source``, ``Cue`` and ``Content`` spans, several fragments joined by ``;`` where a
span is broken (a quote split by its cue). PolNeAR is univocal (each token in at most one
attribution), so each fragment counts as one span, as a tagger's chunks would.

Given the corpus folder instead of a split, the ``dev`` split is scored (rules are tuned on
``train``). Predictions: each attribution's speaker span (the source as written: "he", "who", "Sen. X (D-Vt.)",
with PolNeAR's comma conventions, see ``_source_convention``),
its cue (with a colon right after it, as PolNeAR marks "said:"), and its content with any cue or
speaker inside it cut out. Keys: ``source_f1_exact``,
``cue_f1_exact``, ``content_f1_exact`` (a span counts when both ends match, whitespace at the
edges aside), ``source_f1_overlap`` and ``content_f1_overlap`` (F1 over the word tokens labelled
source or content), ``n``. Tuned on ``--half even`` of ``dev``; ``--half odd`` is the held-out check.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from .spans import Alignment
from . import take

Span = tuple[int, int]
ROLES = ("Source", "Cue", "Content")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_LINES = re.compile(r"\s*\n\s*")


def gold_spans(ann: str, text: str) -> dict[str, set[Span]]:
    out: dict[str, set[Span]] = {r: set() for r in ROLES}
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        role, _, offsets = parts[1].partition(" ")
        if role not in out:
            continue
        for frag in offsets.split(";"):
            nums = frag.split()
            if len(nums) == 2:
                span = _strip(text, int(nums[0]), int(nums[1]))
                if span:
                    out[role].add(span)
    return out


def _strip(text: str, start: int, end: int) -> Optional[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def predicted_spans(record, text: str) -> dict[str, set[Span]]:
    out: dict[str, set[Span]] = {r: set() for r in ROLES}
    if record is None:
        return out
    align = Alignment(record.text, text)

    def put(role: str, span) -> None:
        if span is None:
            return
        mapped = align.span(*span)
        if mapped:
            stripped = _strip(text, *mapped)
            if stripped:
                out[role].add(stripped)

    for a in record.attributions:
        put("Source", _source_convention(record.text, a.speaker, a.cue))
        put("Cue", _cue_convention(record.text, a.cue))
        # PolNeAR's content never crosses a line: a quote over paragraphs is one fragment a paragraph
        holes = [s for s in (a.cue, a.speaker) if s and a.content[0] <= s[0] and s[1] <= a.content[1]]
        holes += [(m.start(), m.end()) for m in _LINES.finditer(record.text, a.content[0], a.content[1])]
        start = a.content[0]
        for lo, hi in sorted(holes):
            if lo > start:
                put("Content", _trim_punct(record.text, start, lo))
            start = max(start, hi)
        put("Content", _trim_punct(record.text, start, a.content[1]))
    return out


def _source_convention(text: str, speaker, cue):
    """PolNeAR's source boundaries, from dateline's whole speaker phrase: a phrase with a part set
    off by commas before its cue keeps the closing comma ("Fiorina, 61, declined")."""
    if speaker is None:
        return None
    start, end = speaker
    if text.find(",", start, end) < 0 or (cue is not None and cue[0] < start):
        return speaker
    if text[end:end + 1] == ",":
        return start, end + 1
    return speaker


def _cue_convention(text: str, cue):
    """PolNeAR's cue boundaries: a colon right after the cue that opens the content is part of it
    ("said:")."""
    if cue is None or cue[0] == cue[1] - 1 and text[cue[0]] == ":":
        return cue
    return (cue[0], cue[1] + 1) if text[cue[1]:cue[1] + 1] == ":" else cue


def _trim_punct(text: str, start: int, end: int) -> Optional[Span]:
    """A content fragment left between a cut-out cue and speaker loses the commas around them."""
    while start < end and (text[start].isspace() or text[start] in ",;:—"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—"):
        end -= 1
    return (start, end) if end > start else None


def _tokens(text: str, spans: set[Span]) -> set[int]:
    out: set[int] = set()
    for s, e in spans:
        for m in _TOKEN.finditer(text, s, e):
            out.add(m.start())
    return out


def _f1(tp: int, n_pred: int, n_gold: int) -> float:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _summary(counts: list[dict]) -> dict:
    total = {k: sum(c[k] for c in counts) for k in counts[0]} if counts else {}
    out = {}
    for role in ROLES:
        key = role.lower()
        out[f"{key}_f1_exact"] = round(_f1(total.get(f"{key}_tp", 0), total.get(f"{key}_pred", 0),
                                            total.get(f"{key}_gold", 0)), 4)
    for role in ("Source", "Content"):
        key = role.lower()
        out[f"{key}_f1_overlap"] = round(_f1(total.get(f"{key}_tok_tp", 0), total.get(f"{key}_tok_pred", 0),
                                              total.get(f"{key}_tok_gold", 0)), 4)
    return out


def compare(text: str, gold: dict[str, set[Span]], pred: dict[str, set[Span]]) -> dict:
    c = {}
    for role in ROLES:
        key = role.lower()
        c[f"{key}_tp"] = len(gold[role] & pred[role])
        c[f"{key}_pred"] = len(pred[role])
        c[f"{key}_gold"] = len(gold[role])
        gt, pt = _tokens(text, gold[role]), _tokens(text, pred[role])
        c[f"{key}_tok_tp"], c[f"{key}_tok_pred"], c[f"{key}_tok_gold"] = len(gt & pt), len(pt), len(gt)
    return c


def annotation_file(split: Path, text_file: Path) -> Optional[Path]:
    found = sorted((split / "attributions").glob(text_file.stem + "_*.ann"))
    return found[0] if found else None


def score_records(pairs) -> dict:
    """``pairs``: (text file, record) for each article, in order."""
    counts = []
    for text_file, record in pairs:
        ann = annotation_file(text_file.parent.parent, text_file)
        if ann is None:
            continue
        text = text_file.read_text(encoding="utf-8")
        counts.append(compare(text, gold_spans(ann.read_text(encoding="utf-8"), text), predicted_spans(record, text)))
    return {**_summary(counts), "n": len(counts)}


def score(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> dict:
    from ..pipeline import analyze_many
    from ..read import Offered

    if not (path / "text").is_dir():  # the corpus folder: score its held-out split
        path = next((path / split for split in ("dev", "train") if (path / split / "text").is_dir()), path)
    files = take([f for f in sorted((path / "text").glob("*.txt")) if annotation_file(path, f)], limit, half)
    offered = [Offered(str(f), f.read_bytes(), "text") for f in files]
    return score_records([(f, o.record) for f, o in zip(files, analyze_many(offered))])
