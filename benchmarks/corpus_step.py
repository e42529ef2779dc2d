"""The corpus step adding a batch of articles to a large store, against analysing that batch.

The large store is built from really analysed records replicated as distinct articles
(``replicas``: new ids, outlets and dates, text ciphered word by word, names kept): ``--seed``
articles are analysed, then copied ``--size / --seed - 1`` times each. The corpus step then takes
the whole store in (untimed).

Timed, on that store: analysing ``--batch`` new articles and storing them (what ``dateline
analyze`` does before its corpus step, here in this process, while a thread loads what the corpus
step needs as ``analyze`` does), then the corpus step taking them in. Round 1 is the cold one a
real ``analyze`` pays (its process has not run a corpus step before when ``--base`` is reused).
Both run on copies of the prepared store, ``--rounds`` times, keeping the best. Texts: polnear/train in
../shared/eval (real US political news) when present, else samples/. Ends with one JSON line:
{"analyse_s", "corpus_s", "ratio", "store_articles", "batch", "seed"}; the target is a ratio
under 0.1.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline import corpus  # noqa: E402
from dateline.evaluate import default_path  # noqa: E402
from dateline.evaluate.corpus_sets import offered as polnear_offered, text_folder  # noqa: E402
from dateline.pipeline import analyze_many  # noqa: E402
from dateline.read import Offered, iter_offered  # noqa: E402
from dateline.store import Store  # noqa: E402
from replicas import replicate  # noqa: E402


def texts(n: int) -> tuple[str, list[Offered]]:
    polnear = default_path("polnear")
    if polnear is not None:
        folder = text_folder(polnear / "train")
        names = sorted(p.name for p in folder.glob("*.txt"))
        random.Random(7).shuffle(names)
        return "polnear/train", polnear_offered(folder, names[:n])
    found = [o for o in iter_offered([str(ROOT / "samples")]) if o.error is None]
    return "samples", (found * (n // len(found) + 1))[:n]


def store_all(store: Store, offered: list[Offered]) -> None:
    for outcome in analyze_many(offered):
        store.add(outcome.origin, outcome.content_hash, outcome.size, outcome.record, outcome.error)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="articles in the large store")
    parser.add_argument("--seed", type=int, default=400, help="articles analysed to be replicated")
    parser.add_argument("--batch", type=int, default=100, help="new articles added")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--base", type=Path, help="keep the prepared store in this file, and reuse it if it is there")
    args = parser.parse_args()
    name, pool = texts(args.seed + args.batch)
    seed, batch = pool[:args.seed], pool[args.seed:]
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        base = args.base or Path(tmp) / "base.duckdb"
        started = time.perf_counter()
        with Store(base) as store:
            if not store.con.execute("SELECT count(*) FROM articles").fetchone()[0]:
                store_all(store, seed)
                replicate(store.con, max(1, args.size // args.seed - 1))
                corpus.update(store.con)
            size = store.con.execute("SELECT count(*) FROM articles").fetchone()[0]
        print(f"a store of {size} articles ready in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        analyse_s, corpus_s = [], []
        # as `dateline analyze` does: what the corpus step loads once a process loads beside the analysis
        threading.Thread(target=corpus.prepare, daemon=True).start()
        for r in range(args.rounds):
            trial = Path(tmp) / f"trial{r}.duckdb"
            shutil.copy(base, trial)
            with Store(trial) as store:
                t = time.perf_counter()
                store_all(store, batch)
                analyse_s.append(time.perf_counter() - t)
                t = time.perf_counter()
                done = corpus.update(store.con)
                corpus_s.append(time.perf_counter() - t)
            print(f"round {r + 1}: analyse {analyse_s[-1]:.1f} s, corpus step {corpus_s[-1]:.2f} s, {done}",
                  file=sys.stderr)
            trial.unlink()
    result = {"analyse_s": round(min(analyse_s), 2), "corpus_s": round(min(corpus_s), 2),
              "ratio": round(min(corpus_s) / min(analyse_s), 4), "store_articles": size, "batch": len(batch),
              "seed": args.seed, "texts": name}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
