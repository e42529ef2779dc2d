"""Reading speed: dateline's reading of HTML pages against trafilatura with metadata, same pages,
same run.

Pages: the WCXB article pages in ../shared/eval/pages when present, else the bundled samples/html.
dateline's side is ``dateline.read.extract`` (decoding, the body, its tidying, title, authors,
publication date, dateline); trafilatura's is ``trafilatura.bare_extraction(with_metadata=True)``
(its body and metadata, htmldate included) on the same bytes. The machine is shared and its load
moves, so the two sides take turns ten pages at a time, over ``--rounds`` rounds after a warm-up;
each side's time is the sum over the chunks of its best time on each, and the ratio compares the
two under the same load. Before each pass the string caches of trafilatura, htmldate, courlan and
jusText are emptied: a page read a second time would otherwise hit them, and a user reads each page
once. Ends with one JSON line: {"pages_per_s", "trafilatura_pages_per_s", "ratio", "n"}.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_CHUNK = 10  # pages read by one side before the other reads them: both meet the same load
sys.path.insert(0, str(ROOT / "src"))

from dateline.errors import InputError  # noqa: E402
from dateline.evaluate import default_path  # noqa: E402
from dateline.read import Offered, extract  # noqa: E402


def corpus(limit: int | None) -> tuple[str, list[tuple[bytes, str | None]]]:
    pages = default_path("pages")
    if pages is not None:
        files = sorted((pages / "ground-truth").glob("*.json"))[:limit]
        return "pages (WCXB)", [(gzip.decompress((pages / "html" / f"{f.stem}.html.gz").read_bytes()),
                                 json.loads(f.read_text(encoding="utf-8")).get("url")) for f in files]
    files = sorted((ROOT / "samples" / "html").glob("*.html"))[:limit]
    return "samples/html", [(f.read_bytes(), None) for f in files]


def read_dateline(pages) -> None:
    for html, url in pages:
        try:
            extract(Offered("bench", html, "html", {"url": url} if url else {}))
        except InputError:
            pass


def read_trafilatura(pages) -> None:
    import trafilatura

    for html, url in pages:
        trafilatura.bare_extraction(html, url=url, with_metadata=True)


def cold_caches() -> None:
    """Empty every ``functools`` cache in the extraction libraries, as before a first reading."""
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] in ("trafilatura", "htmldate", "courlan", "justext") and module is not None:
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    name, pages = corpus(args.limit)
    read_dateline(pages[:10]), read_trafilatura(pages[:10])  # warm-up: imports, lexicons, caches
    chunks = [pages[i:i + _CHUNK] for i in range(0, len(pages), _CHUNK)]
    best = {"dateline": [float("inf")] * len(chunks), "trafilatura": [float("inf")] * len(chunks)}
    for _ in range(args.rounds):
        for k, chunk in enumerate(chunks):
            for side, fn in (("trafilatura", read_trafilatura), ("dateline", read_dateline)):
                cold_caches()
                t = time.perf_counter()
                fn(chunk)
                best[side][k] = min(best[side][k], time.perf_counter() - t)
    best = {side: sum(times) for side, times in best.items()}
    n = len(pages)
    result = {
        "pages_per_s": round(n / best["dateline"], 3),
        "trafilatura_pages_per_s": round(n / best["trafilatura"], 3),
        "ratio": round(best["trafilatura"] / best["dateline"], 3),
        "n": n,
    }
    print(f"corpus: {name}, {n} pages; best of {args.rounds} alternating rounds")
    print(f"trafilatura with metadata : {result['trafilatura_pages_per_s']:8.2f} pages/s")
    print(f"dateline reading          : {result['pages_per_s']:8.2f} pages/s")
    print(f"ratio dateline/trafilatura: {result['ratio']:8.3f}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
