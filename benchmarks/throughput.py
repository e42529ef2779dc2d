"""Throughput of the full analyze() against bare spaCy nlp.pipe on the same texts, in one run.

Texts: the Gender Gap Tracker articles in ../shared/eval/quotes-ggt when present (real news), else
the bundled samples/. Each side runs ``--rounds`` times after a warm-up and keeps its best time,
so the ratio is not at the mercy of one noisy round. Ends with one JSON line:
{"articles_per_s", "baseline_articles_per_s", "ratio", "peak_rss_mb", "n"}.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline import nlp  # noqa: E402
from dateline.evaluate import default_path  # noqa: E402
from dateline.pipeline import analyze_many  # noqa: E402
from dateline.read import Offered, iter_offered  # noqa: E402


def corpus(limit: int | None) -> tuple[str, list[Offered]]:
    ggt = default_path("quotes-ggt")
    if ggt is not None:
        files = sorted(ggt.glob("*.txt"))[:limit]
        return "quotes-ggt", [Offered(str(f), f.read_bytes(), "text") for f in files]
    offered = [o for o in iter_offered([str(ROOT / "samples")]) if o.error is None][:limit]
    return "samples", offered


def best_time(fn, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use only the first N texts")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    name, offered = corpus(args.limit)
    english = nlp.load()
    texts = [o.data.decode("utf-8", "replace") for o in offered]

    def bare():
        for _ in english.pipe(texts):
            pass

    def full():
        for outcome in analyze_many(offered, published="2025-01-01"):
            assert outcome.record is not None or outcome.error is not None

    bare(), full()  # warm-up: lexicons, caches, model
    t_bare = best_time(bare, args.rounds)
    t_full = best_time(full, args.rounds)
    n = len(offered)
    result = {
        "articles_per_s": round(n / t_full, 3),
        "baseline_articles_per_s": round(n / t_bare, 3),
        "ratio": round(t_bare / t_full, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "n": n,
    }
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {name}, {n} articles, {words:,} words; best of {args.rounds} rounds")
    print(f"bare spaCy nlp.pipe : {result['baseline_articles_per_s']:8.2f} articles/s")
    print(f"dateline analyze    : {result['articles_per_s']:8.2f} articles/s")
    print(f"ratio analyze/bare  : {result['ratio']:8.3f}")
    print(f"peak RSS            : {result['peak_rss_mb']:8.1f} MB")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
