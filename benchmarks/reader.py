"""Latency of the reader's pages with 10,000 articles in the store (``make bench-reader``).

The store: a few hundred articles really analysed (a spread of ../shared/eval/polnear/train, real
US news, when present; always the bundled samples/ and the seed when present), then replicated
as distinct articles (``replicas``: new ids, outlets and dates, text and title ciphered word by
word, names of entities kept) until it holds ``--articles`` records: the pages read real records of
real sizes, and only their number is made up. Then the corpus step (``dateline.corpus.update``)
takes them all in, as ``dateline analyze`` would: the same people recur across the replicas, so
corpus entities, stories and the actor graph are as large as a real corpus's. The store is kept in
build/ and reused while its size and its base articles match.

The measure: ``dateline serve`` started as a user would, on 127.0.0.1, then ``--rounds`` requests
of each kind of page, one at a time, after a warm-up: the corpus page plain, searched (each search
asks for other words), filtered and deep; an article page, its JSON twin, an article's entity;
the stories plain, filtered by entity and outlets, a story (the largest stories) and its JSON
twin; the corpus entities listed and searched, an entity (the most written about) and its JSON
twin, a pair of entities; the actor graph, whole and around an entity, and its JSON twin. Prints
a table of p50/p95 by page and one JSON line: {"articles", "requests", "p50_ms", "p95_ms",
"max_ms", "by_page": {...}}.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline import corpus  # noqa: E402
from dateline.evaluate import default_path, shared_eval_dir  # noqa: E402
from dateline.pipeline import analyze_many  # noqa: E402
from dateline.read import Offered, iter_offered  # noqa: E402
from dateline.store import Store  # noqa: E402
from replicas import OUTLETS, replicate  # noqa: E402


def base_inputs(real: int) -> list[Offered]:
    offered = [o for o in iter_offered([str(ROOT / "samples")]) if o.error is None]
    shared = shared_eval_dir()
    if shared is not None and (shared.parent / "seed").is_dir():
        offered += list(iter_offered(sorted(str(p) for p in (shared.parent / "seed").glob("*.txt"))))
    polnear = default_path("polnear")
    train = polnear / "train" / "text" if polnear is not None else None
    if train is not None and train.is_dir():
        files = sorted(train.glob("*.txt"))
        step = max(1, len(files) // real)
        for f in files[::step][:real]:
            outlet, date = f.name.split("_")[:2]
            offered.append(Offered(str(f), f.read_bytes(), "text", {"outlet": outlet, "published": date}))
    return offered


def build(db: Path, articles: int, real: int) -> dict:
    offered = base_inputs(real)
    signature = hashlib.sha256("\n".join(sorted(o.content_hash for o in offered)).encode()).hexdigest()[:12]
    meta = db.with_suffix(".json")
    info = {"articles": articles, "bases": signature, "replicas": "ciphered", "corpus": True}
    if db.exists() and meta.exists() and json.loads(meta.read_text()) == info:
        print(f"reusing {db}", file=sys.stderr)
        return info
    db.unlink(missing_ok=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    offered_outcomes = [o for o in analyze_many(offered) if o.record is not None]
    print(f"analysed {len(offered_outcomes)} articles in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    t = time.perf_counter()
    with Store(db) as store:
        for o in offered_outcomes:
            store.add(o.origin, o.content_hash, o.size, o.record)
        (count,), = store.query("SELECT count(*) FROM articles")[1]
        replicate(store.con, -(-(articles - count) // count), limit=articles - count)
        (count,), = store.query("SELECT count(*) FROM articles")[1]
        print(f"stored {count} articles in {time.perf_counter() - t:.0f} s", file=sys.stderr)
        t = time.perf_counter()
        done = corpus.update(store.con)
    print(f"corpus step {done} in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    meta.write_text(json.dumps(info))
    return info


def pick_targets(db: Path, rng: random.Random, rounds: int) -> dict[str, list[str]]:
    with Store(db, read_only=True) as store:
        _, ids = store.query("SELECT id FROM articles ORDER BY id")
        _, ents = store.query("SELECT article_id, id, name FROM entities WHERE type IN ('PERSON', 'GPE') "
                              "ORDER BY article_id, id")
        _, common = store.query("SELECT name FROM entities GROUP BY name ORDER BY count(*) DESC LIMIT 5")
        _, texts = store.query("SELECT text FROM articles USING SAMPLE 200 ROWS")
        _, stories = store.query("SELECT id FROM stories ORDER BY articles DESC, id LIMIT 200")
        _, people = store.query("SELECT id, name FROM corpus_entities ORDER BY articles DESC, id LIMIT 200")
        _, pairs = store.query("SELECT DISTINCT actor, recipient, articles FROM stories WHERE actor IS NOT NULL "
                               "AND recipient IS NOT NULL AND actor <> recipient ORDER BY articles DESC, actor, recipient "
                               "LIMIT 200")
    # words to search for, each once (a page asked twice is no measure): taken from the articles
    words = sorted({w for (text,) in texts for w in re.findall(r"[A-Za-z]{6,}", text)})
    words = rng.sample(words, 3 * rounds)
    ids = [i for (i,) in ids]
    articles = rng.sample(ids, min(rounds, len(ids)))
    entity_pages = [f"/articles/{a}/entities/{e}" for a, e, _ in rng.sample(ents, min(rounds, len(ents)))]
    story_pages = [f"/stories/{s}" for (s,) in rng.sample(stories, min(rounds, len(stories)))]
    people_pages = [f"/entities/{e}" for e, _ in rng.sample(people, min(rounds, len(people)))]
    names = [name for _, name in rng.sample(people, min(rounds, len(people)))]
    q = urllib.parse.urlencode
    return {
        "corpus": ["/"] * rounds,
        "corpus, search one word": [f"/?{q({'q': w})}" for w in words[:rounds]],
        "corpus, search two words": [f"/?{q({'q': f'{a} {b}'})}" for a, b in zip(words[rounds:2 * rounds],
                                                                                  words[2 * rounds:3 * rounds])],
        "corpus, filtered": [f"/?{q({'outlet': f'Outlet {rng.randrange(OUTLETS):02d}', 'date_from': '2015-06-01', 'anon_min': '30'})}"
                             for _ in range(rounds // 2)]
                            + [f"/?{q({'entity': common[k % len(common)][0]})}" for k in range(rounds // 2)],
        "corpus, page 150": ["/?page=150"] * rounds,
        "article": [f"/articles/{a}" for a in articles],
        "article JSON": [f"/articles/{a}.json" for a in articles],
        "entity": entity_pages,
        "stories": ["/stories"] * rounds,
        "stories JSON": ["/stories.json"] * rounds,
        "stories, filtered": [f"/stories?{q({'entity': name, 'min_outlets': '2'})}" for name in names],
        "story": story_pages,
        "story JSON": [p + ".json" for p in story_pages],
        "entities": ["/entities"] * rounds,
        "entities, search": [f"/entities?{q({'q': name.split()[-1][:4]})}" for name in names],
        "corpus entity": people_pages,
        "corpus entity JSON": [p + ".json" for p in people_pages],
        "pair of entities": [f"/entities/{a}/with/{b}" for a, b, _ in rng.sample(pairs, min(rounds, len(pairs)))],
        "graph": ["/graph"] * rounds,
        "graph JSON": ["/graph.json"] * rounds,
        "graph, around an entity": [f"/graph?{q({'entity': name})}" for name in names],
    }


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * len(s) + 0.5) - 1))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--real", type=int, default=200, help="polnear articles to analyse as bases (default 200)")
    ap.add_argument("--rounds", type=int, default=40, help="requests of each kind of page (default 40)")
    ap.add_argument("--db", default=str(ROOT / "build" / "bench-reader.duckdb"))
    args = ap.parse_args()
    db = Path(args.db)
    build(db, args.articles, args.real)
    rng = random.Random(11)
    targets = pick_targets(db, rng, args.rounds)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=30).read()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("dateline serve did not start")
                time.sleep(0.5)
        for paths in targets.values():  # warm-up: one of each
            urllib.request.urlopen(base + paths[0], timeout=60).read()
        times: dict[str, list[float]] = {}
        for name, paths in targets.items():
            for path in paths:
                t = time.perf_counter()
                with urllib.request.urlopen(base + path, timeout=60) as response:
                    response.read()
                    assert response.status == 200, path
                times.setdefault(name, []).append(1000 * (time.perf_counter() - t))
    finally:
        server.terminate()
        server.wait(timeout=20)
    every = [t for ts in times.values() for t in ts]
    print(f"{'page':32} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    by_page = {}
    for name, ts in times.items():
        by_page[name] = {"n": len(ts), "p50_ms": round(percentile(ts, 50), 1), "p95_ms": round(percentile(ts, 95), 1),
                         "max_ms": round(max(ts), 1)}
        print(f"{name:32} {len(ts):>4} {by_page[name]['p50_ms']:>8} {by_page[name]['p95_ms']:>8} {by_page[name]['max_ms']:>8}")
    result = {"articles": args.articles, "requests": len(every), "p50_ms": round(percentile(every, 50), 1),
              "p95_ms": round(percentile(every, 95), 1), "max_ms": round(max(every), 1), "target_p95_ms": 300,
              "by_page": by_page}
    print(json.dumps(result))
    return 0 if result["p95_ms"] < 300 else 1


if __name__ == "__main__":
    sys.exit(main())
