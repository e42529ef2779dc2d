"""Throughput of the full analyze() against bare spaCy nlp.pipe on the same texts, in one run.

Texts: the Gender Gap Tracker articles in ../shared/eval/quotes-ggt when present (real news), else
the bundled samples/. The full side runs as `dateline analyze` does: in one watched worker process
(``--workers 1``; ``--workers 0`` measures this process alone). The two sides take turns for
``--rounds`` rounds after a warm-up and each keeps its best time, so the ratio is not at the mercy
of one noisy round or of the machine's load changing between the two. Ends
with one JSON line: {"articles_per_s", "baseline_articles_per_s", "ratio", "peak_rss_mb", "n", "workers"}.
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


def best_times(fns, rounds: int) -> list[float]:
    """The best time of each function over ``rounds`` rounds, the functions taking turns within each
    round, so a change in the machine's load falls on both sides alike."""
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for k, fn in enumerate(fns):
            t = time.perf_counter()
            fn()
            best[k] = min(best[k], time.perf_counter() - t)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use only the first N texts")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=1, help="watched worker processes (0: this process)")
    args = parser.parse_args()
    name, offered = corpus(args.limit)
    english = nlp.load()
    texts = [o.data.decode("utf-8", "replace") for o in offered]

    def bare():
        for _ in english.pipe(texts):
            pass

    def full():
        for outcome in analyze_many(offered, published="2025-01-01", workers=args.workers):
            assert outcome.record is not None or outcome.error is not None

    bare(), full()  # warm-up: lexicons, caches, model
    t_bare, t_full = best_times([bare, full], args.rounds)
    n = len(offered)
    result = {
        "articles_per_s": round(n / t_full, 3),
        "baseline_articles_per_s": round(n / t_bare, 3),
        "ratio": round(t_bare / t_full, 3),
        "peak_rss_mb": round(max(resource.getrusage(who).ru_maxrss for who in
                                 (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024, 1),
        "n": n,
        "workers": args.workers,
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
