"""Kill -9 at 40 % of a batch, re-run the same command: the re-run finishes only the rest.

The corpus: ``--articles`` real pages and article texts from ../shared/eval (the hostile
benchmark's selection). Three runs of `dateline analyze FOLDER --db F --format none`, each timed:
a clean run into a fresh store; a run into a second fresh store killed with SIGKILL once its
``documents`` table holds 40 % of the articles (read while it writes, as any reader would); the
same command again. Checks that afterwards every article has exactly one ``documents`` row (nothing
lost, nothing doubled) and that the re-run added no row for work already done. Ends with one JSON
line: {"articles", "clean_s", "killed_at", "rerun_s", "ratio", "rows", "doubled", "missing"}.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from hostile import real_articles  # noqa: E402


def analyze(folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dateline", "analyze", str(folder), "--db", str(db), "--format", "none"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def documents(db: Path) -> int:
    import duckdb

    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:  # the writer holds it this moment
        return -1
    try:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    except duckdb.Error:
        return -1
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--at", type=float, default=0.4, help="share of the batch done when the run is killed")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dateline-resume-"))
    folder = work / "articles"
    folder.mkdir()
    real = real_articles(args.articles)
    for name, data in real:
        (folder / name).write_bytes(data)
    n = len(real)

    t = time.perf_counter()
    clean = analyze(folder, work / "clean.duckdb")
    clean.wait()
    clean_s = time.perf_counter() - t
    print(f"clean run of {n} articles: exit {clean.returncode}, {clean_s:.1f} s")

    db = work / "resumed.duckdb"
    killed = analyze(folder, db)
    while killed.poll() is None and documents(db) < args.at * n:
        time.sleep(0.5)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    time.sleep(1)  # the workers see their parent gone and stop
    at = documents(db)
    print(f"killed with SIGKILL at {at} of {n} documents stored")

    t = time.perf_counter()
    rerun = analyze(folder, db)
    _, err = rerun.communicate()
    rerun_s = time.perf_counter() - t
    print(f"re-run: exit {rerun.returncode}, {rerun_s:.1f} s ({rerun_s / clean_s:.2f} of the clean run); "
          + " ".join(line for line in err.splitlines() if "skipped" in line))

    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT origin, count(*) FROM documents GROUP BY origin").fetchall()
    con.close()
    doubled = sum(1 for _, c in rows if c > 1)
    missing = n - len(rows)
    result = {"articles": n, "clean_s": round(clean_s, 1), "killed_at": at, "rerun_s": round(rerun_s, 1),
              "ratio": round(rerun_s / clean_s, 3), "rows": sum(c for _, c in rows), "doubled": doubled, "missing": missing}
    print(json.dumps(result))
    import shutil

    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
