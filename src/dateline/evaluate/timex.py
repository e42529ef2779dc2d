"""``timex``: time expressions scored on TimeML files (TimeBank, AQUAINT) the TempEval-3 way.

The folder is searched recursively for ``.tml`` files; a file whose content repeats one already
seen is counted once. From each file the ``<TEXT>`` element becomes the article text (tags
stripped, entities decoded) and the ``<DCT>`` value its publication date; the text is parsed with
``dateline.nlp.load()`` and tagged by the pipeline's own ``timex`` annotator, so the numbers are the
pipeline's.

Scoring follows the TempEval-3 entity evaluation (UzZaman et al. 2013):
- the document creation time (``tid="t0"``) is not scored, nor are TIMEX3 tags with no text;
- a system timex and a gold one match *relaxed* when their extents overlap (one to one, the
  largest overlap first), *strict* when the extents are identical;
- precision = matches / system timexes, recall = matches / gold timexes, F1 their harmonic mean;
- type and value accuracy are counted over the relaxed matches (value by exact string);
- value F1 = relaxed F1 x value accuracy (the task's headline "Value F1"); likewise type.

Keys: ``strict_f1``, ``relaxed_f1``, ``value_f1``, ``type_acc`` and the parts behind them
(``strict_p``, ``strict_r``, ``relaxed_p``, ``relaxed_r``, ``value_acc``, ``type_f1``), ``n``
(documents scored).
"""
from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..record import Record, Timex, article_id
from . import take

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TEXT_ELEMENT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT_ELEMENT = re.compile(r"<DCT>(.*?)</DCT>", re.S)


@dataclass(slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(slots=True)
class TimeMLDocument:
    name: str
    text: str
    dct: Optional[str]
    timexes: list[GoldTimex] = field(default_factory=list)


@dataclass(slots=True)
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_match: int = 0
    value_match: int = 0

    def add(self, other: "Counts") -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def read_timeml(source: str, name: str = "") -> TimeMLDocument:
    """The plain text of a TimeML file's ``<TEXT>``, its DCT and its scored TIMEX3 tags."""
    body = _TEXT_ELEMENT.search(source)
    dct = _DCT_ELEMENT.search(source)
    dct_value = None
    if dct:
        m = re.search(r'value="([^"]*)"', dct.group(1))
        dct_value = m.group(1) if m else None
    doc = TimeMLDocument(name, "", dct_value)
    if body is None:
        return doc
    parts: list[str] = []
    length = 0
    open_timex: Optional[tuple[int, dict[str, str]]] = None
    pos = 0
    raw = body.group(1)
    for tag in _TAG.finditer(raw):
        chunk = html.unescape(raw[pos:tag.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name_, attrs, selfclosing = tag.groups()
        if name_ != "TIMEX3" or selfclosing:
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, attributes = open_timex
            open_timex = None
            text = "".join(parts)[start:length] if start < length else ""
            if text.strip() and attributes.get("tid") != "t0":
                doc.timexes.append(GoldTimex(start, length, text, attributes.get("type", ""),
                                             attributes.get("value", "")))
    parts.append(html.unescape(raw[pos:]))
    doc.text = "".join(parts)
    return doc


def find_documents(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> list[TimeMLDocument]:
    """Every distinct ``.tml`` file under ``path`` (sorted by path; one half of them if asked), the first ``limit``."""
    seen: set[str] = set()
    sources: list[tuple[str, str]] = []
    for file in [path] if path.is_file() else sorted(path.rglob("*.tml")):
        source = file.read_text(encoding="utf-8")
        digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
        if digest not in seen:
            seen.add(digest)
            sources.append((source, file.name))
    return [read_timeml(source, name) for source, name in take(sources, limit, half)]


def published_date(dct: Optional[str]) -> Optional[str]:
    """The ISO day of a DCT value ("1998-02-13T15:44:00" -> "1998-02-13")."""
    if dct and re.match(r"\d{4}-\d{2}-\d{2}", dct):
        return dct[:10]
    return None


def record_for(document: TimeMLDocument) -> Record:
    published = published_date(document.dct)
    return Record(id=article_id(document.text), text=document.text, published=published,
                  published_from="metadata" if published else "none")


def tag(document: TimeMLDocument, parsed) -> list[Timex]:
    """The timexes the pipeline's ``timex`` annotator finds in one document (parsed by spaCy)."""
    from ..annotate import get

    return get("timex")(record_for(document), parsed).get("timexes", [])


def compare(gold: list[GoldTimex], system: Iterable[Timex]) -> Counts:
    """TempEval-3 counts for one document: one-to-one overlap matching, largest overlap first."""
    system = list(system)
    counts = Counts(gold=len(gold), system=len(system))
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                pairs.append((-overlap, gi, si))
    used_gold: set[int] = set()
    used_system: set[int] = set()
    for _, gi, si in sorted(pairs):
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        g, s = gold[gi], system[si]
        counts.relaxed += 1
        counts.strict += (g.start, g.end) == (s.start, s.end)
        counts.type_match += g.type == s.type
        counts.value_match += g.value == s.value
    return counts


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def metrics(counts: Counts, n: int) -> dict:
    def prf(matched: int) -> tuple[float, float, float]:
        p = matched / counts.system if counts.system else 0.0
        r = matched / counts.gold if counts.gold else 0.0
        return p, r, _f1(p, r)

    strict_p, strict_r, strict_f1 = prf(counts.strict)
    relaxed_p, relaxed_r, relaxed_f1 = prf(counts.relaxed)
    value_acc = counts.value_match / counts.relaxed if counts.relaxed else 0.0
    type_acc = counts.type_match / counts.relaxed if counts.relaxed else 0.0
    return {
        "strict_f1": round(strict_f1, 4), "relaxed_f1": round(relaxed_f1, 4),
        "value_f1": round(relaxed_f1 * value_acc, 4), "type_acc": round(type_acc, 4),
        "strict_p": round(strict_p, 4), "strict_r": round(strict_r, 4),
        "relaxed_p": round(relaxed_p, 4), "relaxed_r": round(relaxed_r, 4),
        "value_acc": round(value_acc, 4), "type_f1": round(relaxed_f1 * type_acc, 4),
        "gold": counts.gold, "system": counts.system, "n": n,
    }


def score(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> dict:
    from .. import nlp

    documents = find_documents(path, limit, half)
    english = nlp.load()
    total = Counts()
    for document, parsed in zip(documents, english.pipe(d.text for d in documents)):
        total.add(compare(document.timexes, tag(document, parsed)))
    return metrics(total, len(documents))
