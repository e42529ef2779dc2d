"""Peak memory of a watched worker over 2,000 real articles, and whether it stays flat.

The articles: every page and article text in ../shared/eval (pages and extraction HTML, PolNeAR
train and dev, propaganda, GGT, the TimeBank/AQUAINT documents' text), taken in turn until there
are ``--articles`` (the sets hold about 1,900: the first ones come round again). They go through
``analyze_many(..., workers=1)`` as `dateline analyze` sends them; the worker's resident memory
is read from /proc ten times a second. Prints the worst RSS over each block of 200 articles and
ends with one JSON line: {"articles", "peak_rss_mb", "peak_first_200_mb", "peak_after_200_mb",
"growth_after_200_mb", "workers_started", "seconds"}.
"""
from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import re
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.evaluate import shared_eval_dir  # noqa: E402
from dateline.pipeline import analyze_many  # noqa: E402
from dateline.read import Offered  # noqa: E402
from dateline.workers import rss_mb  # noqa: E402


def real_articles(limit: int) -> tuple[list[Offered], int]:
    """``limit`` articles, coming round again when the sets hold fewer, and how many are distinct."""
    eval_dir = shared_eval_dir()
    if eval_dir is None:
        raise SystemExit("../shared/eval is not here; the memory benchmark needs its real articles")
    found: list[Offered] = []
    for p in sorted((eval_dir / "pages" / "html").glob("*.html.gz")) + sorted((eval_dir / "extraction" / "html").glob("*.html.gz")):
        found.append(Offered(str(p), gzip.decompress(p.read_bytes()), "html"))
    for pattern in ("polnear/train/text/*.txt", "polnear/dev/text/*.txt", "propaganda/articles/*.txt", "quotes-ggt/*.txt"):
        found += [Offered(str(p), p.read_bytes(), "text") for p in sorted(eval_dir.glob(pattern))]
    for p in sorted(eval_dir.glob("timex/**/*.tml")):
        body = re.search(r"<TEXT>(.*?)</TEXT>", p.read_text(encoding="utf-8", errors="replace"), re.S)
        if body:
            found.append(Offered(str(p), re.sub(r"<[^>]+>", "", body.group(1)).encode(), "text"))
    return [found[i % len(found)] for i in range(limit)], len(found)


class Sampler(threading.Thread):
    """Reads the resident memory of this process's worker children ten times a second."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak = 0.0
        self.pids: set[int] = set()
        self.running = True

    def run(self) -> None:
        while self.running:
            for p in multiprocessing.active_children():
                self.pids.add(p.pid)
                self.peak = max(self.peak, rss_mb(p.pid))
            time.sleep(0.1)

    def take(self) -> float:
        peak, self.peak = self.peak, 0.0
        return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--block", type=int, default=200)
    args = parser.parse_args()
    offered, distinct = real_articles(args.articles)
    print(f"{len(offered)} articles ({distinct} distinct) from {shared_eval_dir()}")
    sampler = Sampler()
    sampler.start()
    blocks: list[float] = []
    started = time.perf_counter()
    for n, outcome in enumerate(analyze_many(offered, workers=1, published="2025-01-01"), start=1):
        assert outcome.record is not None or outcome.error is not None
        if n % args.block == 0:
            blocks.append(sampler.take())
            print(f"articles {n - args.block + 1:5}-{n:5}: worst worker RSS {blocks[-1]:7.1f} MB "
                  f"({time.perf_counter() - started:.0f} s)", flush=True)
    sampler.running = False
    first, after = blocks[0], max(blocks[1:] or [0.0])
    result = {"articles": len(offered), "peak_rss_mb": round(max(blocks), 1), "peak_first_200_mb": round(first, 1),
              "peak_after_200_mb": round(after, 1), "growth_after_200_mb": round(after - first, 1),
              "workers_started": len(sampler.pids), "seconds": round(time.perf_counter() - started, 1)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
