"""Latency of the reader's pages with 10,000 articles in the store (``make bench-reader``).

The store: a few hundred articles really analysed (a spread of ../shared/eval/polnear/train, real
US news, when present; always the bundled samples/ and the seed when present), then replicated
under new ids, outlets and publication dates until it holds ``--articles`` records. A replica is
the analysed record unchanged but for id, outlet, date and title suffix: the pages read real
records of real sizes, and only their number is made up. The store is kept in build/ and reused
while its size and its base articles match.

The measure: ``dateline serve`` started as a user would, on 127.0.0.1, then ``--rounds`` requests
of each kind of page (the corpus page plain, searched and filtered, deep pages, an article page,
its JSON twin, an entity page), one at a time, after a warm-up; each search asks for other words. Prints a table of p50/p95 by page
and one JSON line: {"articles", "requests", "p50_ms", "p95_ms", "max_ms", "by_page": {...}}.
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

from dateline.evaluate import default_path, shared_eval_dir  # noqa: E402
from dateline.pipeline import analyze_many  # noqa: E402
from dateline.read import Offered, iter_offered  # noqa: E402
from dateline.record import Record  # noqa: E402
from dateline.store import Store  # noqa: E402

OUTLETS = 40


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


def replicas(bases: list[Record], count: int) -> list[dict]:
    """``count`` new (id, base id, outlet, date, title) rows, the bases taken in turn."""
    rng = random.Random(7)
    rows = []
    for n in range(count):
        base = bases[n % len(bases)]
        year, month, day = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
        rows.append({"new_id": hashlib.sha256(f"{base.id}/{n}".encode()).hexdigest()[:16], "base_id": base.id,
                     "outlet": f"Outlet {n % OUTLETS:02d}", "published": f"{year}-{month:02d}-{day:02d}",
                     "title": f"{base.title or 'Untitled'} [{n}]"})
    return rows


def replicate(store: Store, rows: list[dict]) -> None:
    """Copy each base article's rows in every table under its replica's id, in SQL: writing 10,000
    records one by one through ``Store.add`` takes a quarter of an hour, this a few seconds. The
    stored record JSON gets the new id, outlet, date and title too, so a page reads them alike."""
    con = store.con
    con.execute("BEGIN TRANSACTION")
    con.execute("CREATE TEMP TABLE replica AS SELECT * FROM (SELECT unnest(from_json(?::JSON, "
                "'[{\"new_id\": \"VARCHAR\", \"base_id\": \"VARCHAR\", \"outlet\": \"VARCHAR\", "
                "\"published\": \"VARCHAR\", \"title\": \"VARCHAR\"}]'), recursive := true))", [json.dumps(rows)])
    con.execute("""
        INSERT INTO articles SELECT a.* REPLACE (
            r.new_id AS id, r.outlet AS outlet, r.published AS published, 'metadata' AS published_from,
            r.title AS title,
            json_merge_patch(a.record, json_object('id', r.new_id, 'outlet', r.outlet, 'published', r.published,
                                                   'published_from', 'metadata', 'title', r.title)) AS record)
        FROM articles a JOIN replica r ON a.id = r.base_id""")
    for table in ("entities", "mentions", "timexes", "sources", "attributions", "claims", "loaded_terms", "events",
                  "scorecards"):
        con.execute(f"INSERT INTO {table} SELECT t.* REPLACE (r.new_id AS article_id) "
                    f"FROM {table} t JOIN replica r ON t.article_id = r.base_id")
    con.execute("""
        INSERT INTO documents SELECT d.* REPLACE (
            (SELECT max(seq) FROM documents) + row_number() OVER () AS seq, 'bench:' || r.new_id AS origin,
            r.new_id AS article_id)
        FROM documents d JOIN replica r ON d.article_id = r.base_id AND d.status = 'ok'""")
    con.execute("DROP TABLE replica")
    con.execute("COMMIT")


def build(db: Path, articles: int, real: int) -> dict:
    offered = base_inputs(real)
    signature = hashlib.sha256("\n".join(sorted(o.content_hash for o in offered)).encode()).hexdigest()[:12]
    meta = db.with_suffix(".json")
    if db.exists() and meta.exists() and json.loads(meta.read_text()) == {"articles": articles, "bases": signature}:
        print(f"reusing {db}", file=sys.stderr)
        return json.loads(meta.read_text())
    db.unlink(missing_ok=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    offered_outcomes = [o for o in analyze_many(offered) if o.record is not None]
    bases = [o.record for o in offered_outcomes]
    print(f"analysed {len(bases)} articles in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    t = time.perf_counter()
    with Store(db) as store:
        for o in offered_outcomes:
            store.add(o.origin, o.content_hash, o.size, o.record)
        _, (count,) = store.query("SELECT count(*) FROM articles")
        replicate(store, replicas(bases, articles - count[0]))
        _, (count,) = store.query("SELECT count(*) FROM articles")
    print(f"stored {count[0]} articles in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    info = {"articles": articles, "bases": signature}
    meta.write_text(json.dumps(info))
    return info


def pick_targets(db: Path, rng: random.Random, rounds: int) -> dict[str, list[str]]:
    with Store(db, read_only=True) as store:
        _, ids = store.query("SELECT id FROM articles ORDER BY id")
        _, ents = store.query("SELECT article_id, id, name FROM entities WHERE type IN ('PERSON', 'GPE') "
                              "ORDER BY article_id, id")
        _, common = store.query("SELECT name FROM entities GROUP BY name ORDER BY count(*) DESC LIMIT 5")
        _, texts = store.query("SELECT text FROM articles USING SAMPLE 200 ROWS")
    # words to search for, each once (a page asked twice is no measure): taken from the articles
    words = sorted({w for (text,) in texts for w in re.findall(r"[A-Za-z]{6,}", text)})
    words = rng.sample(words, 3 * rounds)
    ids = [i for (i,) in ids]
    articles = rng.sample(ids, min(rounds, len(ids)))
    entity_pages = [f"/articles/{a}/entities/{e}" for a, e, _ in rng.sample(ents, min(rounds, len(ents)))]
    q = urllib.parse.urlencode
    return {
        "corpus": ["/"] * rounds,
        "corpus, search one word": [f"/?{q({'q': w})}" for w in words[:rounds]],
        "corpus, search two words": [f"/?{q({'q': f'{a} {b}'})}" for a, b in zip(words[rounds:2 * rounds],
                                                                                  words[2 * rounds:3 * rounds])],
        "corpus, filtered": [f"/?{q({'outlet': f'Outlet {rng.randrange(OUTLETS):02d}', 'date_from': '2018-01-01', 'anon_min': '30'})}"
                             for _ in range(rounds // 2)]
                            + [f"/?{q({'entity': common[k % len(common)][0]})}" for k in range(rounds // 2)],
        "corpus, page 150": ["/?page=150"] * rounds,
        "article": [f"/articles/{a}" for a in articles],
        "article JSON": [f"/articles/{a}.json" for a in articles],
        "entity": entity_pages,
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
