"""``near-duplicates``: syndicated copies made from PolNeAR's training articles, found again among them.

Every article of ``polnear/train`` is offered as itself (see ``corpus_sets``); copies are made of
every fourth one (and a second copy of every twentieth) the way syndication makes them
(``syndicate``): another outlet and URL, published the same day or up to two days later, a new
headline at the top, one to three lines of page furniture (``labels/syndication_chrome.txt``),
the ending trimmed (keeping half to all of the paragraphs; sometimes the first paragraph goes too),
two to ten small edits (a word changed, abbreviated or dropped), two paragraphs swapped.
The copies are random but seeded, so every run makes the same ones.

Every document goes through the real reader (``read.extract``, which also strips what it knows to
be page chrome) into a real store, and the corpus step runs on it; the records are the reader's
alone, since nothing but the text decides a near-duplicate. The gold pairs are each copy with its
original and with the other copy of the same original, plus the real near-duplicates a person
found in the set (``labels/polnear_near_duplicates.tsv``).

Keys: ``precision``, ``recall``, ``f1`` over pairs in one group; ``false_cross_outlet_links``
(linked pairs of different outlets that are not gold) and ``cross_outlet_precision`` (the share of
linked pairs of different outlets that are gold); ``same_event_links`` (linked pairs among
different outlets' own reports of one labelled story, ``labels/polnear_stories.jsonl``; must be
0); ``earliest_correct`` (share of copied originals whose group's earliest copy is an original,
never a syndicated copy);
``copies``; ``n`` (originals offered). ``half`` picks the originals that get copies (even: the
1st, 3rd ... of those; odd: the others); ``limit`` offers only the first N originals.
"""
from __future__ import annotations

import datetime as dt
import random
import tempfile
from itertools import combinations
from pathlib import Path
from typing import Optional

from .. import corpus
from ..corpus.groups import Groups
from ..errors import InputError
from ..read import Offered, extract
from ..record import Record, article_id
from ..store import Store
from . import take
from .corpus_sets import URL_PREFIX, label_json, label_lines, label_rows, offered, outlet_and_date, text_folder

SEED = 2016
SYNDICATORS = ("Valley Courier", "Northern Ledger", "Metro Wire Daily", "Coastal Post-Dispatch", "Prairie Sentinel")
_EDITS = (("said", "says"), ("percent", "%"), ("U.S.", "US"), ("Tuesday", "on Tuesday"), ("also ", ""),
          ("President ", "Pres. "), ("the ", "The "), (" and ", " & "))


def syndicate(title: str, body: str, rng: random.Random) -> tuple[str, str]:
    """(new headline, text) of a copy of one article."""
    paragraphs = [p for p in body.split("\n") if p.strip()]
    keep = len(paragraphs)
    if keep > 3:  # trimmed from the bottom, as wire editors cut, to between half and all of it
        keep = max(2, round(keep * rng.uniform(0.5, 1.0)))
    start = 1 if keep > 4 and rng.random() < 0.25 else 0
    paragraphs = paragraphs[start:keep]
    if len(paragraphs) > 4 and rng.random() < 0.6:
        i = rng.randrange(1, len(paragraphs) - 2)
        paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
    for _ in range(rng.randint(2, 10)):
        i = rng.randrange(len(paragraphs))
        old, new = rng.choice(_EDITS)
        paragraphs[i] = paragraphs[i].replace(old, new, 1)
    chrome = label_lines("syndication_chrome.txt")
    for _ in range(rng.randint(1, 3)):
        paragraphs.insert(rng.choice((0, len(paragraphs) // 2, len(paragraphs))), rng.choice(chrome))
    headline = rng.choice((title.upper().rstrip("."), "UPDATE: " + title, title.split(":")[-1].strip(),
                           title.rstrip(".") + " | " + rng.choice(SYNDICATORS)))
    return headline, "\n\n".join([headline] + paragraphs)


def _copies(folder: Path, names: list[str], chosen: set[str]) -> list[tuple[str, Offered]]:
    """(original file, offered copy) for the chosen originals; every twentieth gets a second copy."""
    rng = random.Random(SEED)
    out = []
    for index, name in enumerate(names):
        copies = (2 if index % 20 == 0 else 1) if name in chosen else 0
        for k in range(copies):
            outlet, date = outlet_and_date(name)
            title, _, body = (folder / name).read_text(encoding="utf-8").partition("\n")
            headline, text = syndicate(title.strip(), body.strip(), rng)
            syndicator = SYNDICATORS[(index + k) % len(SYNDICATORS)]
            day = dt.date.fromisoformat(date) + dt.timedelta(days=rng.randint(0, 2))
            slug = syndicator.lower().replace(" ", "-")
            meta = {"outlet": syndicator, "published": str(day), "url": f"https://{slug}.example/{name}?copy={k}"}
            out.append((name, Offered(f"copy{k}:{name}", text.encode("utf-8"), "text", meta)))
    return out


def _record(item: Offered) -> tuple[Optional[Record], Optional[InputError]]:
    """The record the reader alone makes of a document, or why it could not."""
    try:
        page = extract(item)
    except InputError as exc:
        return None, exc
    return Record(id=article_id(page.text), text=page.text, url=page.url, outlet=page.outlet, title=page.title,
                  published=page.published, published_from=page.published_from, headings=page.headings,
                  removed=page.removed), None


def score(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> dict:
    folder = text_folder(path)
    names = sorted(p.name for p in folder.glob("*.txt"))
    if limit:
        names = names[:limit]
    chosen = set(take(names[::4], None, half))
    copies = _copies(folder, names, chosen)
    documents = [(item.meta["url"], item) for item in offered(folder, names)] + [(i.meta["url"], i) for _, i in copies]
    with tempfile.TemporaryDirectory(prefix="dateline-eval-") as tmp, Store(Path(tmp) / "dedupe.duckdb") as store:
        for _, item in documents:
            store.add(item.origin, item.content_hash, len(item.data), *_record(item))
        corpus.update(store.con)
        rows = store.con.execute("SELECT d.origin, a.id, coalesce(a.duplicate_of, a.id), a.outlet FROM documents d "
                                 "JOIN articles a ON a.id = d.article_id").fetchall()
    doc_of = {item.origin: url for url, item in documents}
    own = {doc_of[origin]: a for origin, a, _, _ in rows}
    root = {doc_of[origin]: r for origin, _, r, _ in rows}
    outlet = {doc_of[origin]: o for origin, _, _, o in rows}
    by_original: dict[str, list[str]] = {}
    for name, item in copies:
        by_original.setdefault(name, [URL_PREFIX + name]).append(item.meta["url"])
    real = [(URL_PREFIX + r["file"], URL_PREFIX + r["other"]) for r in label_rows("polnear_near_duplicates.tsv")
            if r["file"] in names and r["other"] in names]
    gold = _closed([p for group in by_original.values() for p in combinations(group, 2)] + real)
    groups: dict[str, list[str]] = {}
    for url, r in root.items():
        groups.setdefault(r, []).append(url)
    linked = {frozenset(p) for g in groups.values() for p in combinations(sorted(g), 2)}
    hits = len(linked & gold)
    precision = hits / len(linked) if linked else 1.0
    recall = hits / len(gold) if gold else 1.0
    cross = [p for p in linked if len({outlet[u] for u in p}) > 1]
    false_cross = sum(1 for p in cross if p not in gold)
    same_event = 0
    for story in label_json("polnear_stories.jsonl"):
        reports = [URL_PREFIX + a for a in story["articles"] if a in names]
        same_event += sum(1 for a, b in combinations(reports, 2)
                          if outlet[a] != outlet[b] and root.get(a) and root.get(a) == root.get(b))
    originals = {own[url] for url in own if url.startswith(URL_PREFIX)}
    originals_rooted = [root[URL_PREFIX + n] in originals for n in by_original]
    return {"precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
            "false_cross_outlet_links": false_cross,
            "cross_outlet_precision": round(1 - false_cross / len(cross), 4) if cross else 1.0,
            "same_event_links": same_event,
            "earliest_correct": round(sum(originals_rooted) / len(originals_rooted), 4) if originals_rooted else 1.0,
            "copies": len(copies), "gold_pairs": len(gold), "n": len(names)}


def _closed(pairs: list[tuple[str, str]]) -> set[frozenset]:
    """Every pair within the groups the pairs make (a copy of one of two near-duplicates is a
    near-duplicate of the other)."""
    groups = Groups()
    for a, b in pairs:
        groups.link(a, b)
    return {frozenset(p) for g in groups.members() for p in combinations(sorted(g), 2)}
