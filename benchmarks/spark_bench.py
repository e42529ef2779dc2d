"""`make bench-spark`: dateline on Spark against the CLI, on the same WARC files of real articles.

The WARC files are built at bench time, in a temporary folder, from the gold sets' articles under
../shared/eval (pages/ and extraction/ HTML as text/html responses, PolNeAR, SemEval propaganda and
GGT articles as text/plain responses; --html-share of them pages, which are long and slow); nothing
is committed. Each file holds --per-file articles, so that one task a file keeps both Spark cores
busy. Three measurements:

1. throughput, end to end (start-up and model loading included), ``--rounds`` times each, for
   ``dateline spark --master local[1]`` and ``local[2]`` and ``dateline analyze --workers 1`` and
   ``--workers 2`` over the same --articles articles, with the ratios, a Spark run's task CPU
   seconds and the load average (the machine is shared: a ratio under 2 with task CPU seconds
   unchanged means other processes held the cores; rusage sees neither Spark's JVM and workers nor
   the CLI's forked workers, so no whole-run CPU is given); plus the per-core figures (articles / summed task seconds, and / task
   CPU seconds) that the capacity plan in docs/scale.md uses;
2. memory: a ``local[1]`` run over --memory-articles texts (one Python worker sees them all);
   each manifest entry carries the worker's resident memory after its input file, so the growth
   after the first 200 articles can be read off;
3. resume: a local[2] run over the throughput set killed with SIGKILL when half its inputs are
   finished, then run again; the second run's time as a share of the last full local[2] run's.

Ends with a line of every ratio against its target and one JSON line of every number. One round
takes about 15 minutes on two idle cores. The machine is shared: run it more than once.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from dateline.evaluate import shared_eval_dir  # noqa: E402
from dateline.spark import finished  # noqa: E402
from test_read_containers import build_warc  # noqa: E402


def real_articles(limit: int, html_share: float) -> list[tuple[str, str, bytes]]:
    """(url, content type, body) of ``limit`` real articles, ``html_share`` of them pages; the texts
    are cycled when the gold sets hold fewer (a copy is analysed in full, then stored as a duplicate)."""
    shared = shared_eval_dir()
    if shared is None:
        sys.exit("bench-spark needs the gold sets in ../shared/eval (pages/, extraction/, polnear/ ...)")
    html = sorted((shared / "pages" / "html").glob("*.html.gz")) + sorted((shared / "extraction" / "html").glob("*.html.gz"))
    text = (sorted((shared / "polnear").glob("*/text/*.txt")) + sorted((shared / "propaganda" / "articles").glob("*.txt"))
            + sorted((shared / "quotes-ggt").glob("*.txt")))
    pages = round(limit * html_share)
    items = [(f"https://bench.example/html/{p.parent.parent.name}/{p.name[:-8]}", "text/html", p) for p in html[:pages]]
    texts = [(f"https://bench.example/text/{p.parent.name}/{p.stem}", "text/plain; charset=utf-8", p) for p in text]
    items += (texts * (limit // len(texts) + 1))[:limit - len(items)]
    random.Random(7).shuffle(items)  # every file a similar mix of pages and texts
    return [(url, kind, gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes())
            for url, kind, p in items]


def write_warcs(folder: Path, articles: list[tuple[str, str, bytes]], per_file: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(0, len(articles), per_file):
        path = folder / f"bench-{i // per_file:03d}.warc.gz"
        path.write_bytes(build_warc(articles[i:i + per_file], compress=True))
        paths.append(str(path))
    return paths


def dateline(*args: str) -> list[str]:
    return [sys.executable, "-m", "dateline", *args]


def timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd[2:5])} ... failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return time.perf_counter() - started


RUNS = {"spark local[1]": ["spark", "--master", "local[1]"], "spark local[2]": ["spark", "--master", "local[2]"],
        "cli --workers 1": ["analyze", "--workers", "1"], "cli --workers 2": ["analyze", "--workers", "2"]}


def throughput(warcs: list[str], n: int, rounds: int, work: Path, skip: list[str] = ()) -> dict:
    runs: dict[str, list[float]] = {}
    load: dict[str, list[float]] = {}
    core_seconds, task_cpu_seconds = [], []
    near_seconds: dict[str, list[float]] = {}
    spans: dict[str, list[float]] = {}  # first task's start to last task's end
    for r in range(rounds):
        for name, cmd in RUNS.items():
            if name in skip:
                continue
            target = work / f"tp-{r}-{name.replace(' ', '_')}"
            where = ["--output", str(target)] if cmd[0] == "spark" else ["--db", f"{target}.duckdb", "--format", "none"]
            seconds = timed(dateline(*cmd, *warcs, *where))
            runs.setdefault(name, []).append(n / seconds)
            load.setdefault(name, []).append(round(os.getloadavg()[1], 2))
            task = ""
            if cmd[0] == "spark":
                entries = finished(target).values()
                core_seconds.append(sum(e["seconds"] for e in entries))
                task_cpu_seconds.append(sum(e["cpu_seconds"] for e in entries))
                parquet_bytes = sum(f.stat().st_size for f in target.glob("*/*.parquet"))
                near = json.loads((target / "near_duplicates" / "inputs.json").read_text("utf-8"))
                near_seconds.setdefault(name, []).append(near["seconds"])
                span = task_span(entries)
                spans.setdefault(name, []).append(round(span, 1))
                task = (f"; tasks {core_seconds[-1]:.0f} s wall, {task_cpu_seconds[-1]:.0f} s CPU, done in {span:.0f} s "
                        f"on {len({e['worker']['pid'] for e in entries})} worker(s); near-duplicate step "
                        f"{near['seconds']:.0f} s, {near['links']} links; the rest (JVM start, listing) "
                        f"{seconds - span - near['seconds']:.0f} s")
            print(f"round {r + 1}: {name:16s} {n / seconds:6.2f} articles/s ({seconds:6.1f} s; "
                  f"load {load[name][-1]:.1f}{task})", flush=True)
    best = {name: max(v) for name, v in runs.items()}
    return {
        "articles": n, "rounds": rounds,
        "articles_per_s": {name: [round(x, 3) for x in v] for name, v in runs.items()},
        "local2_over_local1": [round(a / b, 3) for a, b in zip(runs["spark local[2]"], runs["spark local[1]"])],
        "local2_over_cli2": [round(a / b, 3) for a, b in zip(runs["spark local[2]"], runs["cli --workers 2"])],
        "cli2_over_cli1": [round(a / b, 3) for a, b in zip(runs.get("cli --workers 2", []), runs.get("cli --workers 1", []))],
        "best": {k: round(v, 3) for k, v in best.items()},
        "load_average_5min": load, "near_duplicate_step_seconds": near_seconds, "task_span_seconds": spans,
        "articles_per_core_second": round(n / statistics.median(core_seconds), 3),
        "articles_per_task_cpu_second": round(n / statistics.median(task_cpu_seconds), 3),
        "parquet_kb_per_article": round(parquet_bytes / n / 1024, 1),
    }


def task_span(entries) -> float:
    """Seconds from the first task's start to the last one's end (the manifest's finish times are
    to the second)."""
    import datetime as dt

    ends = [dt.datetime.fromisoformat(e["finished_at"]).timestamp() for e in entries]
    return max(ends) - min(end - e["seconds"] for end, e in zip(ends, entries))


def memory(warcs: list[str], n: int, work: Path) -> dict:
    """One local[1] run: its only Python worker reads every article; RSS after each input file."""
    out = work / "memory"
    seconds = timed(dateline("spark", "--master", "local[1]", *warcs, "--output", str(out)))
    workers = {}
    points_by_pid: dict[int, list[tuple[int, float]]] = {}
    for entry in sorted(finished(out).values(), key=lambda e: e["worker"]["documents"]):
        points_by_pid.setdefault(entry["worker"]["pid"], []).append((entry["worker"]["documents"], entry["worker"]["rss_mb"]))
    for pid, points in points_by_pid.items():
        at_200 = next((rss for docs, rss in points if docs >= 200), points[-1][1])
        peak = max(rss for _, rss in points)
        workers[pid] = {"documents": points[-1][0], "rss_mb_at_200": at_200, "peak_rss_mb": peak,
                        "growth_after_200": round(peak / at_200 - 1, 4), "trace": points}
        print(f"worker {pid}: {points[-1][0]} documents, RSS {at_200:.0f} MB at 200, peak {peak:.0f} MB "
              f"({peak / at_200 - 1:+.1%}) over {seconds:.0f} s", flush=True)
    return {"articles": n, "seconds": round(seconds, 1), "workers": workers}


def resume(warcs: list[str], full_seconds: float, work: Path) -> dict:
    """A local[2] run killed (SIGKILL to the driver, its JVM and workers) when half its inputs are
    finished, then run again: the second run's time against a full local[2] run's."""
    out = work / "resume"
    driver = subprocess.Popen(dateline("spark", "--master", "local[2]", *warcs, "--output", str(out)),
                              start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.perf_counter()
    while len(finished(out)) < len(warcs) // 2 and driver.poll() is None:
        time.sleep(0.2)
    os.killpg(driver.pid, signal.SIGKILL)
    driver.wait()
    killed_after, done_at_kill = time.perf_counter() - started, len(finished(out))
    seconds = timed(dateline("spark", "--master", "local[2]", *warcs, "--output", str(out)))
    rows, distinct = subprocess.run(
        [sys.executable, "-c", "import duckdb; print(*duckdb.sql(\"SELECT count(*), count(DISTINCT origin) "
         f"FROM '{out}/documents/*.parquet'\").fetchone())"], capture_output=True, text=True).stdout.split()
    print(f"resume: killed after {killed_after:.1f} s with {done_at_kill}/{len(warcs)} inputs finished; the run "
          f"again took {seconds:.1f} s = {seconds / full_seconds:.0%} of a full local[2] run ({full_seconds:.1f} s); "
          f"documents {rows} rows, {distinct} distinct origins", flush=True)
    return {"killed_after_s": round(killed_after, 1), "inputs_finished_at_kill": done_at_kill, "inputs": len(warcs),
            "resumed_run_s": round(seconds, 1), "full_run_s": round(full_seconds, 1),
            "resumed_over_full": round(seconds / full_seconds, 3), "documents_rows": int(rows), "distinct_origins": int(distinct)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500, help="articles for the throughput runs (at least 500)")
    parser.add_argument("--html-share", type=float, default=0.3, help="share of them that are HTML pages (default 0.3)")
    parser.add_argument("--per-file", type=int, default=25, help="articles a WARC file (one task)")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--memory-articles", type=int, default=2000, help="articles (texts) for the memory run; 0 skips it")
    parser.add_argument("--skip", action="append", default=[], choices=list(RUNS),
                        help="leave out one of the throughput runs (repeatable), e.g. --skip 'cli --workers 1'")
    args = parser.parse_args()
    result: dict = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="dateline-bench-spark-") as tmp:
        work = Path(tmp)
        warcs = write_warcs(work / "warc", real_articles(args.articles, args.html_share), args.per_file)
        print(f"{args.articles} articles in {len(warcs)} WARC files", flush=True)
        result["throughput"] = throughput(warcs, args.articles, args.rounds, work, args.skip)
        result["resume"] = resume(warcs, args.articles / result["throughput"]["articles_per_s"]["spark local[2]"][-1], work)
        if args.memory_articles:
            big = write_warcs(work / "warc-memory", real_articles(args.memory_articles, 0.0), 100)
            print(f"{args.memory_articles} articles in {len(big)} WARC files", flush=True)
            result["memory"] = memory(big, args.memory_articles, work)
    tp = result["throughput"]
    print(f"ratios: local[2] / local[1] {tp['local2_over_local1']} (target >= 1.7); local[2] / cli --workers 2 "
          f"{tp['local2_over_cli2']} (target >= 0.8); cli --workers 2 / --workers 1 {tp['cli2_over_cli1']}; resumed / full "
          f"{result['resume']['resumed_over_full']} (target <= 0.6); per core: {tp['articles_per_task_cpu_second']} articles "
          f"a task CPU second; worker memory growth after 200 articles "
          f"{[w['growth_after_200'] for w in result.get('memory', {}).get('workers', {}).values()]} (target < 0.1); bench {time.perf_counter() - started:.0f} s, load average now {os.getloadavg()[1]:.1f}", flush=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
