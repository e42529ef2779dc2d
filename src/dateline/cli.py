"""The command line: parses, calls the library, prints. It analyses nothing itself.

Exit codes:
    0  everything offered was analysed (duplicates count as analysed)
    1  some documents could not be analysed; each has an error row in the store and a line on stderr
    2  the command line was wrong (unknown option, missing file, bad date)
    3  the store or the model could not be used
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any, Optional

from . import __version__
from .errors import DatelineError, ModelError, StoreError, UsageError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_ENVIRONMENT = 0, 1, 2, 3


def _err(message: str) -> None:
    print(f"dateline: {message}", file=sys.stderr)


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default="dateline.duckdb", help="DuckDB file (default: ./dateline.duckdb)")


def _format_option(p: argparse.ArgumentParser, choices: tuple[str, ...], default: str) -> None:
    p.add_argument("--format", choices=choices, default=default, help=f"output format (default: {default})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="Who said what, on whose authority, about which events, and when: an auditable record of news articles.",
    )
    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("analyze", help="analyse articles (files, folders, JSONL, WARC, - for stdin) into the store")
    p.add_argument("paths", nargs="+", metavar="PATH")
    _db_option(p)
    p.add_argument("--published", help="publication date (YYYY-MM-DD) to use where the page gives none")
    _format_option(p, ("json", "jsonl", "table", "none"), "table")
    p.add_argument("--workers", type=int, default=1,
                   help="watched processes to analyse with (default: 1; 0 analyses in this process, unwatched)")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--max-bytes", type=int, default=None, help="refuse inputs larger than this (default: 20,000,000)")
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="time one stage of one document may take, more for longer ones (default: 30)")
    p.add_argument("--max-memory", type=int, default=2048, metavar="MB",
                   help="memory a worker may hold while on one document (default: 2048)")
    p.add_argument("--force", action="store_true",
                   help="analyse again what the store already holds (default: skip it and say how many)")
    p.add_argument("--no-store", action="store_true", help="print records without writing them to the store")

    p = sub.add_parser("show", help="print one stored record")
    p.add_argument("id", help="article id (a unique prefix will do)")
    _db_option(p)
    _format_option(p, ("json", "table"), "json")

    p = sub.add_parser("list", help="list stored articles")
    _db_option(p)
    _format_option(p, ("table", "json", "csv"), "table")
    p.add_argument("--documents", action="store_true", help="list every document offered, with its status")

    p = sub.add_parser("query", help="run a read-only SQL query against the store")
    p.add_argument("sql")
    _db_option(p)
    _format_option(p, ("table", "json", "csv"), "table")

    p = sub.add_parser("evaluate", help="score dateline on a public gold set")
    p.add_argument("set", metavar="SET", help="one of: " + ", ".join(_evaluation_sets()))
    p.add_argument("--path", help="the gold set's folder (default: ../shared/eval/<set> found upward from here)")
    p.add_argument("--limit", type=int, default=None, help="score only the first N items")
    p.add_argument("--half", choices=("even", "odd"), default=None,
                   help="score every other item: even (tuned on) or odd (held out)")
    p.add_argument("--json", action="store_true", help="end with one JSON line of metrics")
    p.add_argument("--build-cache", action="store_true",
                   help="pasted: render the pages in chromium into the cache first (slow, once)")

    p = sub.add_parser("outlets", help="sourcing scorecards summed by outlet")
    _db_option(p)
    _format_option(p, ("table", "json", "csv"), "table")

    p = sub.add_parser("serve", help="read the store in a browser (http://127.0.0.1:8000 by default)")
    _db_option(p)
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")

    p = sub.add_parser("export", help="write every table of the store as Parquet")
    p.add_argument("folder")
    _db_option(p)
    return parser


def _evaluation_sets() -> list[str]:
    from .evaluate import SETS

    return list(SETS)


def main(argv: Optional[list[str]] = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except (StoreError, ModelError) as exc:
        _err(str(exc))
        return EXIT_ENVIRONMENT
    except DatelineError as exc:
        _err(str(exc))
        return EXIT_SOME_FAILED
    except BrokenPipeError:
        return EXIT_OK


def cmd_analyze(args) -> int:
    import os
    from collections import Counter

    from .pipeline import analyze_many
    from .read import DEFAULT_MAX_BYTES, iter_offered
    from .read.dates import iso_day
    from .store import Store
    from .workers import Limits

    if args.published and not iso_day(args.published):
        raise UsageError(f"--published {args.published!r} is not a date like 2025-07-04", "E401")
    missing = [p for p in args.paths if p != "-" and not os.path.lexists(p)]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}", "E402")
    if args.workers < 0:
        raise UsageError("--workers must be 0 (this process) or more", "E403")
    if args.timeout <= 0 or args.max_memory <= 0:
        raise UsageError("--timeout and --max-memory must be more than 0", "E403")
    store = None if args.no_store else Store(args.db, wait=WRITER_WAIT_SECONDS, on_wait=_err)
    finished = set() if store is None or args.force else store.finished()
    writer = _Writer(store, replace=args.force)
    skipped: Counter = Counter()
    exclude = [] if store is None else [args.db, args.db + ".wal"]

    def pending():
        for offered in iter_offered(args.paths, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
                                    skipped=skipped, exclude=exclude):
            if (offered.origin, offered.content_hash) in finished:
                skipped["already analysed"] += 1
            else:
                yield offered

    records: list[dict[str, Any]] = []
    summary: list[dict[str, Any]] = []
    failed = offered = 0
    progress = _progress()
    limits = Limits(seconds=args.timeout, memory_mb=args.max_memory)
    with progress, writer:  # the writer stores what is pending however the loop ends (Ctrl-C too)
        task = progress.add_task("analysing", total=None)
        outcomes = analyze_many(pending(), published=args.published, workers=args.workers,
                                batch_size=args.batch_size, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
                                limits=limits)
        for outcome in outcomes:
            offered += 1
            card = {"origin": outcome.origin, "status": "ok", "record": outcome.record}
            writer.add(outcome, card)
            if outcome.error is not None:
                failed += 1
                progress.console.print(f"[red]error[/red] {outcome.origin}: {outcome.error}", highlight=False,
                                       markup=True, soft_wrap=True)
            elif args.format == "jsonl":
                print(json.dumps(outcome.record.to_dict(), ensure_ascii=False), flush=True)
            elif args.format == "json":
                records.append(outcome.record.to_dict())
            elif args.format == "table" and len(summary) < SUMMARY_CARDS:
                summary.append(card)
            progress.advance(task)
    if args.format == "json":
        print(json.dumps(records[0] if len(records) == 1 and offered == 1 else records, ensure_ascii=False, indent=1))
    elif args.format == "table":
        _print_summary([(card["origin"], card["status"], card["record"]) for card in summary])
        if offered - failed > len(summary):
            print(f"... and {offered - failed - len(summary)} more article(s): `dateline list --db {args.db}` lists them all")
    _report_skipped(skipped, args.db)
    if failed:
        _err(f"{failed} of {offered} document(s) could not be analysed; see the errors above"
             + ("" if store is None else f" and `dateline list --documents --db {args.db}`"))
        return EXIT_SOME_FAILED
    return EXIT_OK


# How long analyze waits for readers (query, list, the web reader) to let go of the store.
WRITER_WAIT_SECONDS = 600.0

# Articles an analyze prints a card for with --format table; the rest are counted.
SUMMARY_CARDS = 50


class _Writer:
    """Writes outcomes to the store in groups, releasing the file between groups (every
    ``GROUP_SECONDS``), so readers get in while a batch runs; a kill loses at most one group, which
    a re-run analyses again. Each outcome's status (ok, duplicate) goes into its card."""

    GROUP_SECONDS = 2.0

    def __init__(self, store, replace: bool):
        import time

        self.store, self.replace, self.clock = store, replace, time.monotonic
        self.pending: list[tuple] = []
        self.last = self.clock()
        if store is not None:
            store.release()

    def add(self, outcome, card: dict) -> None:
        if self.store is None:
            return
        self.pending.append((outcome, card))
        if self.clock() - self.last >= self.GROUP_SECONDS:
            self.flush()

    def flush(self) -> None:
        for o, card in self.pending:
            card["status"] = self.store.add(o.origin, o.content_hash, o.size, o.record, o.error, replace=self.replace)
        self.pending.clear()
        self.store.release()
        self.last = self.clock()

    def __enter__(self) -> "_Writer":
        return self

    def __exit__(self, *exc) -> None:
        if self.store is not None:
            try:
                self.flush()
            finally:
                self.store.close()


def _report_skipped(skipped, db: str) -> None:
    done = skipped.pop("already analysed", 0)
    if done:
        _err(f"skipped {done} document(s) already in {db} (same origin and content); --force analyses them again")
    hidden = [f"{skipped.pop(k)} {k}(s)" for k in ("hidden file", "hidden folder") if skipped.get(k)]
    if hidden:
        _err(f"skipped {' and '.join(hidden)} inside the folders given (names starting with '.'; "
             "name one to analyse it)")
    for reason, n in skipped.items():
        _err(f"skipped {n} file(s): {reason}")


def _progress():
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.console import Console

    console = Console(stderr=True)
    return Progress(SpinnerColumn(), TextColumn("{task.description}: {task.completed} document(s)"),
                    TimeElapsedColumn(), console=console, transient=True, disable=not console.is_terminal)


def _stdout_console(piped_width: int = 120):
    """A console for tables on stdout: ``piped_width`` columns when piped (rich would wrap at 80)."""
    from rich.console import Console

    console = Console()
    return console if console.is_terminal else Console(width=max(console.width, piped_width))


def _print_summary(summary: list[tuple]) -> None:
    from .terminal import summary_card

    console = _stdout_console()
    for origin, status, record in summary:
        console.print(summary_card(origin, status, record))


def cmd_show(args) -> int:
    from .store import Store

    with _reader(args.db) as store:
        record = store.get(args.id)
    if record is None:
        raise UsageError(f"no article {args.id!r} in {args.db} (or the prefix is not unique)", "E404")
    if args.format == "json":
        print(json.dumps(record.to_dict(), ensure_ascii=False, indent=1))
    else:
        from .terminal import record_tables

        _stdout_console(piped_width=100).print(record_tables(record))
    return EXIT_OK


def cmd_list(args) -> int:
    from .store import Store

    if args.documents:
        sql = ("SELECT seq, origin, status, code, message, article_id, offered_at FROM documents ORDER BY seq")
    else:
        sql = ("SELECT a.id, a.published, a.outlet, a.title, a.words, "
               "(SELECT count(*) FROM entities e WHERE e.article_id = a.id) AS entities, "
               "(SELECT count(*) FROM attributions t WHERE t.article_id = a.id) AS attributions "
               "FROM articles a ORDER BY a.published NULLS LAST, a.id")
    with _reader(args.db) as store:
        columns, rows = store.query(sql)
    _print_rows(columns, rows, args.format)
    return EXIT_OK


def cmd_query(args) -> int:
    from .store import Store

    with _reader(args.db) as store:
        columns, rows = store.query(args.sql)
    _print_rows(columns, rows, args.format)
    return EXIT_OK


def _jsonable(v: Any) -> Any:
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    return str(v)


def _print_rows(columns: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps([dict(zip(columns, map(_jsonable, r))) for r in rows], ensure_ascii=False, indent=1))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        w.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns)
        for r in rows:
            table.add_row(*("" if v is None else str(v)[:80] for v in r))
        _stdout_console().print(table)


def cmd_evaluate(args) -> int:
    from .evaluate import build_cache, run

    if args.build_cache:
        rendered = build_cache(args.set, args.path, limit=args.limit, half=args.half,
                               progress=lambda k, total, name: _err(f"rendered {k}/{total}: {name}"))
        _err(f"{rendered} pages rendered")
    metrics = run(args.set, args.path, limit=args.limit, half=args.half)
    from rich.console import Console
    from rich.table import Table

    table = Table("metric", "value", title=f"dateline evaluate {args.set}", title_justify="left")
    for k, v in metrics.items():
        table.add_row(k, f"{v:.4f}" if isinstance(v, float) else str(v))
    Console(stderr=args.json).print(table)
    if args.json:
        print(json.dumps({"set": args.set, **metrics}))
    return EXIT_OK


def cmd_outlets(args) -> int:
    from .annotate.scorecard import OUTLETS_SQL
    from .store import Store

    with _reader(args.db) as store:
        columns, rows = store.query(OUTLETS_SQL)
    if args.format == "table":
        _print_outlet_cards(columns, rows)
    else:
        _print_rows(columns, rows, args.format)
    return EXIT_OK


def _print_outlet_cards(columns: list[str], rows: list[tuple]) -> None:
    """One measure a line, one card an outlet: fifteen columns side by side do not fit a terminal."""
    from rich.table import Table

    console = _stdout_console()
    for row in rows:
        card = Table("measure", "value", title=str(row[0]), title_justify="left")
        for name, value in zip(columns[1:], row[1:]):
            if isinstance(value, str) and value.startswith("{"):
                counts = json.loads(value)
                value = ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"
            card.add_row(name.replace("_", " "), "" if value is None else str(value))
        console.print(card)


def cmd_serve(args) -> int:
    from .errors import bad_port
    from .store import Store
    from .web import is_loopback, serve

    if not 0 < args.port < 65536:
        raise bad_port(args.port)
    Store(args.db, read_only=True).close()  # a missing or unreadable store fails here, with its code
    if not is_loopback(args.host):
        _err(f"warning: listening on {args.host}: anyone who can reach this address can read the store")
    print(f"dateline reader: http://{'[' + args.host + ']' if ':' in args.host else args.host}:{args.port}/ "
          f"(store {args.db}, read-only; Ctrl-C stops it)", flush=True)
    serve(args.db, host=args.host, port=args.port)
    return EXIT_OK


def cmd_export(args) -> int:
    with _reader(args.db, allowed_directories=[args.folder]) as store:
        for path in store.export_parquet(args.folder):
            print(path)
    return EXIT_OK


# How long query, list, show, outlets and export wait for an analyze to release the store.
READER_WAIT_SECONDS = 120.0


def _reader(db: str, allowed_directories=()):
    """The store opened read-only: waiting, with a line on stderr, while an analyze writes to it."""
    from .store import Store

    return Store(db, read_only=True, allowed_directories=allowed_directories, wait=READER_WAIT_SECONDS, on_wait=_err)


COMMANDS = {"analyze": cmd_analyze, "show": cmd_show, "list": cmd_list, "query": cmd_query,
            "evaluate": cmd_evaluate, "outlets": cmd_outlets, "serve": cmd_serve, "export": cmd_export}


if __name__ == "__main__":
    sys.exit(main())
