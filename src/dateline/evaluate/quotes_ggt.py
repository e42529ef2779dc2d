"""``quotes-ggt``: quotes scored as the Gender Gap Tracker scores its own extractor.

The set: ``<id>.txt`` (article) and ``<id>.json`` (``{quotes: [{quote, quote_index "(s,e)",
speaker, speaker_index, verb, verb_index, reference}]}``). The metric follows GGT's
``evaluate_quotes.py``: gold quotes are taken in order, each matched to the remaining predicted
quote that covers the largest share of its characters, when that share is above 0.3 (lenient) or
0.8 (strict); an unmatched gold quote is a false negative, an unmatched prediction a false
positive; precision, recall and F1 are summed over all articles. ``pronoun_acc`` measures the
speaker resolver: among matched quotes whose gold speaker is a pronoun, the share whose resolved
source is the gold ``reference`` (``pronoun_n`` of them). Among the lenient matches, the
speaker is right when the two speaker spans overlap, when both are absent (a floating quote), or
when the source dateline resolved equals the gold ``reference``; the verb by exact, lower-cased
string.

Predictions are dateline's attributions of speech (thoughts, refusals, topics such as "criticised
the plan", documents' findings, positions reported without the words that took them ("pledged to
cut taxes", "ordered a review") and reports without a verb are not quotes): content, speaker span
and the cue's verb (none for "according to"). The gold offsets were counted on another copy
of each article (paragraph breaks differ), so each gold string is anchored at its nearest
occurrence in the article; ``Record.text`` is mapped onto the article through spans.Alignment.
Tuned on ``--half even``; ``--half odd`` is the held-out check.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

from .spans import Alignment, Span, anchor
from . import take

LENIENT, STRICT = 0.3, 0.8
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


def _index(value: str) -> Optional[Span]:
    nums = [int(x) for x in re.findall(r"\d+", value or "")]
    return (nums[0], nums[1]) if len(nums) == 2 and nums[1] > nums[0] else None


def gold_quotes(text: str, data: dict) -> list[dict]:
    """Gold quotes with their quote and speaker spans re-anchored on ``text``."""
    items = []
    for q in data.get("quotes", []):
        items.append({"quote": q.get("quote", ""), "qi": _index(q.get("quote_index", "")),
                      "speaker": q.get("speaker", ""), "si": _index(q.get("speaker_index", "")),
                      "verb": (q.get("verb") or "").lower().strip(), "reference": q.get("reference") or ""})
    drift = 0
    for item in sorted((i for i in items if i["qi"]), key=lambda i: i["qi"][0]):
        found = anchor(text, item["quote"], item["qi"][0] + drift)
        item["span"] = found
        if found:
            drift = found[0] - item["qi"][0]
        item["drift"] = drift
    for item in items:
        item.setdefault("span", None)
        sp = None
        if item["si"] and item["speaker"].strip():
            sp = anchor(text, item["speaker"], item["si"][0] + item.get("drift", 0))
        item["speaker_span"] = sp
    return items


def predicted_quotes(record, text: str) -> list[dict]:
    if record is None:
        return []
    align = Alignment(record.text, text)
    sources = {s.id: s for s in record.sources}
    entities = {e.id: e for e in record.entities}
    out = []
    for a in record.attributions:
        src = sources.get(a.source)
        if a.mode != "speech" or a.kind == "indirect" and (
                a.topic or a.verb is None or a.cue_kind in ("document", "position")):
            continue  # a quote is a statement made with a verb: no thought, refusal, topic, document's
            # finding ("a study found"), noun ("their assurance that ..."), headline colon or position
            # reported without its words ("pledged to cut taxes", "urged the council to act")
        span = align.span(*a.content)
        if span is None:
            continue
        speaker = align.span(*a.speaker) if a.speaker else None
        verb = ""
        if a.verb and a.kind != "according_to":
            verb = record.text[a.verb[0]:a.verb[1]].split()[0].lower()
        name = ""
        if src is not None:
            name = entities[src.entity].name if src.entity in entities else src.text
        out.append({"span": span, "speaker_span": speaker, "verb": verb, "name": name})
    return out


def _overlap_share(gold: Span, pred: Span) -> float:
    inter = min(gold[1], pred[1]) - max(gold[0], pred[0])
    return max(0, inter) / (gold[1] - gold[0])


def _same_name(a: str, b: str) -> bool:
    norm = lambda s: " ".join(re.findall(r"\w+", s.lower()))
    return bool(a) and norm(a) == norm(b)


def compare(gold: list[dict], pred: list[dict], threshold: float) -> dict:
    remaining = list(pred)
    tp = speaker_ok = verb_ok = pronouns = pronouns_ok = 0
    for g in gold:
        best, best_score = None, 0.0
        if g["span"] is not None:
            for p in remaining:
                score = _overlap_share(g["span"], p["span"])
                if score > threshold and score > best_score:
                    best, best_score = p, score
        if best is None:
            continue
        remaining.remove(best)
        tp += 1
        gs, ps = g["speaker_span"], best["speaker_span"]
        if (gs and ps and min(gs[1], ps[1]) > max(gs[0], ps[0])) or (not g["speaker"].strip() and ps is None) \
                or _same_name(best["name"], g["reference"]):
            speaker_ok += 1
        verb_ok += g["verb"] == best["verb"]
        if g["speaker"].strip().lower() in _PRONOUNS and g["reference"]:
            pronouns += 1
            pronouns_ok += _same_name(best["name"], g["reference"])
    return {"tp": tp, "fp": len(remaining), "fn": len(gold) - tp, "speaker": speaker_ok, "verb": verb_ok,
            "pronouns": pronouns, "pronouns_ok": pronouns_ok}


def _prf(c: dict) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _summary(counts: list[tuple[dict, dict]]) -> dict:
    lenient = {k: sum(c[0][k] for c in counts) for k in ("tp", "fp", "fn", "speaker", "verb", "pronouns",
                                                          "pronouns_ok")}
    strict = {k: sum(c[1][k] for c in counts) for k in ("tp", "fp", "fn")}
    p, r, f = _prf(lenient)
    _, _, fs = _prf(strict)
    tp = lenient["tp"] or 1
    return {"f1_lenient": round(f, 4), "f1_strict": round(fs, 4), "precision_lenient": round(p, 4),
            "recall_lenient": round(r, 4), "speaker_acc": round(lenient["speaker"] / tp, 4),
            "verb_acc": round(lenient["verb"] / tp, 4),
            "pronoun_acc": round(lenient["pronouns_ok"] / (lenient["pronouns"] or 1), 4),
            "pronoun_n": lenient["pronouns"]}


def score_records(pairs) -> dict:
    """``pairs``: (article text, gold json, record) for each article, in order."""
    counts = []
    for text, data, record in pairs:
        gold = gold_quotes(text, data)
        pred = predicted_quotes(record, text)
        counts.append((compare(gold, pred, LENIENT), compare(gold, pred, STRICT)))
    return {**_summary(counts), "n": len(counts)}


def score(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> dict:
    from ..pipeline import analyze_many
    from ..read import Offered

    files = take(sorted(path.glob("*.txt")), limit, half)
    texts = [f.read_text(encoding="utf-8") for f in files]
    golds = [json.loads(f.with_suffix(".json").read_text(encoding="utf-8")) for f in files]
    offered = [Offered(str(f), t.encode("utf-8"), "text") for f, t in zip(files, texts)]
    pairs = []
    for text, data, outcome in zip(texts, golds, analyze_many(offered)):
        pairs.append((text, data, outcome.record))
    return score_records(pairs)
