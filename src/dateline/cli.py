"""The command line: parses, calls the library, prints. It analyses nothing itself.

Exit codes:
    0  everything offered was analysed (duplicates count as analysed)
    1  some documents could not be analysed; each has an error row in the store and a line on stderr
    2  the command line was wrong (unknown option, missing file, bad date)
    3  the store, the model or Spark could not be used
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any, Optional

from . import __version__
from .errors import DatelineError, EngineError, ModelError, StoreError, UsageError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_ENVIRONMENT = 0, 1, 2, 3


def _err(message: str) -> None:
    print(f"dateline: {message}", file=sys.stderr)


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default="dateline.duckdb", help="DuckDB file (default: ./dateline.duckdb)")


def _format_option(p: argparse.ArgumentParser, choices: tuple[str, ...], default: str) -> None:
    p.add_argument("--format", choices=choices, default=default, help=f"output format (default: {default})")


def _analysis_options(p: argparse.ArgumentParser) -> None:
    """What analysing takes, the same for `analyze` and `spark`."""
    p.add_argument("--published", help="publication date (YYYY-MM-DD) to use where the page gives none")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--max-bytes", type=int, default=None, help="refuse inputs larger than this (default: 20,000,000)")


def _check_published(value: Optional[str]) -> None:
    from .read.dates import iso_day

    if value and not iso_day(value):
        raise UsageError(f"--published {value!r} is not a date like 2025-07-04", "E401")


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
    _analysis_options(p)
    _format_option(p, ("json", "jsonl", "table", "none"), "table")
    p.add_argument("--workers", type=int, default=1,
                   help="watched processes to analyse with (default: 1; 0 analyses in this process, unwatched)")
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
                   help="pasted, pasted-extraction: render the pages not yet cached in chromium first (slow, once)")

    p = sub.add_parser("outlets", help="sourcing scorecards summed by outlet")
    _db_option(p)
    _format_option(p, ("table", "json", "csv"), "table")

    p = sub.add_parser("stories", help="events and claims across articles, with their independent outlets")
    p.add_argument("--entity", help="only stories this entity (a name or a corpus entity id) acts in or is acted on in")
    p.add_argument("--min-outlets", type=int, default=1, help="only stories with at least N independent outlets")
    p.add_argument("--outlet", help="only stories this outlet reports")
    p.add_argument("--kind", choices=("event", "claim"), help="only event stories or only claim stories")
    p.add_argument("--anonymous-only", action="store_true", help="only stories resting on anonymous sources alone")
    p.add_argument("--limit", type=int, default=100)
    _db_option(p)
    _format_option(p, ("table", "json", "csv"), "table")

    p = sub.add_parser("timeline", help="what an entity did and what was done to it, story by story")
    p.add_argument("entity", metavar="ENTITY", help="a name (any alias) or a corpus entity id")
    p.add_argument("--with", dest="other", metavar="ENTITY", help="only the stories between the two")
    _db_option(p)
    _format_option(p, ("table", "json", "csv"), "table")

    p = sub.add_parser("graph", help="the actor graph: who does what to whom, weighted by independent outlets")
    p.add_argument("--entity", help="only the edges of this entity")
    p.add_argument("--min-weight", type=int, default=1, help="only edges with at least this weight")
    _db_option(p)
    _format_option(p, ("table", "json", "csv", "dot"), "table")

    p = sub.add_parser("duplicates", help="near-duplicate articles, each group under its earliest copy")
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

    p = sub.add_parser("spark", help="analyse WARC archives on Spark into Parquet tables (resumable)")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="WARC/WARC.gz files, folders, globs, http(s) URLs, or list files ending in .paths(.gz)")
    p.add_argument("--output", required=True, metavar="DIR", help="folder of Parquet tables, one folder a table")
    p.add_argument("--master", help="Spark master URL (default: local[*], or spark-submit's)")
    p.add_argument("--partitions", type=int, default=None, help="tasks to split the inputs into (default: one a file)")
    p.add_argument("--input-base", help="folder or URL that relative lines of a .paths list are taken from")
    _analysis_options(p)

    p = sub.add_parser("attach", help="DuckDB views over `dateline spark` output, for query, show, list and outlets, "
                                      "and the corpus step over them, for stories, timeline, graph and duplicates")
    p.add_argument("folder", metavar="DIR")
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
    except (StoreError, ModelError, EngineError) as exc:
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
    from .store import Store
    from .workers import Limits

    _check_published(args.published)
    missing = [p for p in args.paths if p != "-" and not os.path.lexists(p)]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}", "E402")
    if args.workers < 0:
        raise UsageError("--workers must be 0 (this process) or more", "E403")
    if args.timeout <= 0 or args.max_memory <= 0:
        raise UsageError("--timeout and --max-memory must be more than 0", "E403")
    store = None if args.no_store else Store(args.db, wait=WRITER_WAIT_SECONDS, on_wait=_err)
    if store is not None:
        _prepare_corpus()
    finished = set() if store is None or args.force else store.finished()
    known = set() if store is None or args.force else store.article_ids()
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
    failed = offered = copies = 0
    progress = _progress()
    limits = Limits(seconds=args.timeout, memory_mb=args.max_memory)
    with progress, writer:  # the writer stores what is pending however the loop ends (Ctrl-C too)
        task = progress.add_task("analysing", total=None)
        outcomes = analyze_many(pending(), published=args.published, workers=args.workers,
                                batch_size=args.batch_size, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
                                limits=limits, skip_copies=True, known=known)
        for outcome in outcomes:
            offered += 1
            card = {"origin": outcome.origin, "status": "duplicate" if outcome.duplicate_of else "ok",
                    "record": outcome.record}
            writer.add(outcome, card)
            if outcome.error is not None:
                failed += 1
                progress.console.print(f"[red]error[/red] {outcome.origin}: {outcome.error}", highlight=False,
                                       markup=True, soft_wrap=True)
            elif outcome.duplicate_of is not None:
                copies += 1
            elif args.format == "jsonl":
                print(json.dumps(outcome.record.to_dict(), ensure_ascii=False), flush=True)
            elif args.format == "json":
                records.append(outcome.record.to_dict())
            elif args.format == "table" and len(summary) < SUMMARY_CARDS:
                summary.append(card)
            progress.advance(task)
    if store is not None:
        with store:
            _update_corpus(store, progress.console if args.format == "table" else None)
    if args.format == "json":
        print(json.dumps(records[0] if len(records) == 1 and offered == 1 else records, ensure_ascii=False, indent=1))
    elif args.format == "table":
        _print_summary([(card["origin"], card["status"], card["record"]) for card in summary])
        if offered - failed - copies > len(summary):
            print(f"... and {offered - failed - copies - len(summary)} more article(s): "
                  f"`dateline list --db {args.db}` lists them all")
    _report_skipped(skipped, args.db)
    if copies:
        _err(f"{copies} document(s) held the text of an article analysed before (the same text once decoded, "
             "whatever the encoding or line endings): " + ("not analysed again" if store is None else
                                                           "stored as duplicates of it, not analysed again"))
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
            card["status"] = self.store.add(o.origin, o.content_hash, o.size, o.record, o.error, replace=self.replace,
                                            duplicate_of=o.duplicate_of)
        self.pending.clear()
        self.store.release()
        self.last = self.clock()

    def __enter__(self) -> "_Writer":
        return self

    def __exit__(self, kind, *exc) -> None:
        """Store what is pending; on an error or Ctrl-C close the store too (on success the caller
        runs the corpus step on it and closes it)."""
        if self.store is not None:
            try:
                self.flush()
            finally:
                if kind is not None:
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


def _prepare_corpus() -> None:
    """Load what the corpus step needs in a background thread while the batch is analysed (the
    workers are other processes, so this one is idle meanwhile). A failure here is left for the
    corpus step itself to report."""
    import contextlib
    import threading

    from . import corpus

    def prepare() -> None:
        with contextlib.suppress(Exception):
            corpus.prepare()

    threading.Thread(target=prepare, name="corpus-prepare", daemon=True).start()


def _update_corpus(store, console) -> None:
    """The corpus step over what the batch added (dateline.corpus)."""
    import duckdb

    from . import corpus
    from .errors import corpus_failed

    try:
        done = corpus.update(store.con)
    except duckdb.Error as exc:
        raise corpus_failed(exc) from exc
    if console is not None and done.get("articles"):
        console.print(f"corpus: {done['articles']} article(s) taken in, {done['stories_written']} stories written, "
                      f"{done['near_duplicates_changed']} near-duplicate link(s) changed", highlight=False)


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
    from .corpus import views

    with _reader(args.db) as store:
        columns, rows = views.outlets(store.con)
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


def _ref_name(ref) -> str:
    return "" if not ref else ref["name"] or ref["id"]


_STORY_TABLE = ("id", "date_start", "kind", "title", "independent_outlets", "outlets", "articles", "anonymous_only")


def _story_rows(stories: list[dict], columns=_STORY_TABLE) -> list[tuple]:
    return [tuple(_ref_name(s[c]) if isinstance(s.get(c), dict) else s.get(c) for c in columns) for s in stories]


def _entity_arg(con, name: str, db: str) -> dict:
    from .corpus import views
    from .errors import no_such_entity

    found = views.find_entities(con, name)
    if not found:
        raise no_such_entity(name, db)
    if len(found) > 1:
        _err(f"{name!r} is {found[0]['name']} ({found[0]['id']}, {found[0]['articles']} articles); also: "
             + ", ".join(f"{e['name']} ({e['id']})" for e in found[1:5]))
    return found[0]


def cmd_stories(args) -> int:
    from .corpus import views

    with _reader(args.db) as store:
        entity = _entity_arg(store.con, args.entity, args.db)["id"] if args.entity else None
        found = views.stories(store.con, entity=entity, min_outlets=args.min_outlets, outlet=args.outlet,
                              kind=args.kind, anonymous_only=True if args.anonymous_only else None, limit=args.limit)
    if args.format == "json":
        print(json.dumps(found, ensure_ascii=False, indent=1))
    else:
        _print_rows(list(_STORY_TABLE), _story_rows(found), args.format)
    return EXIT_OK


def cmd_timeline(args) -> int:
    from .corpus import views

    with _reader(args.db) as store:
        entity = _entity_arg(store.con, args.entity, args.db)
        other = _entity_arg(store.con, args.other, args.db) if args.other else None
        items = views.timeline(store.con, entity["id"], other["id"] if other else None)
    if args.format == "json":
        print(json.dumps({"entity": entity, "with": other, "timeline": items}, ensure_ascii=False, indent=1))
    else:
        columns = ("date_start", "role", "type", "counterpart", "title", "independent_outlets", "anonymous_only", "id")
        _print_rows(list(columns), _story_rows(items, columns), args.format)
    return EXIT_OK


def cmd_graph(args) -> int:
    from .corpus import views

    with _reader(args.db) as store:
        entity = _entity_arg(store.con, args.entity, args.db)["id"] if args.entity else None
        g = views.graph(store.con, min_weight=args.min_weight, entity=entity)
    names = {n["id"]: n["name"] for n in g["nodes"]}
    if args.format == "json":
        print(json.dumps(g, ensure_ascii=False, indent=1))
    elif args.format == "dot":
        print(_dot(g))
    else:
        _print_rows(["actor", "type", "recipient", "stories", "weight"],
                    [(names[e["source"]], e["type"], names[e["target"]], e["stories"], e["weight"])
                     for e in g["edges"]], args.format)
    return EXIT_OK


def _dot(g: dict) -> str:
    """Graphviz DOT text of the actor graph: a node per entity, an edge per actor, recipient and type."""
    def quoted(text: str) -> str:
        return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["digraph actors {"]
    lines += [f"  {quoted(n['id'])} [label={quoted(n['name'])}];" for n in g["nodes"]]
    lines += [f"  {quoted(e['source'])} -> {quoted(e['target'])} [label={quoted(e['type'])}, weight={e['weight']}, "
              f"penwidth={min(1 + e['weight'], 8)}];" for e in g["edges"]]
    return "\n".join(lines + ["}"])


def cmd_duplicates(args) -> int:
    from .corpus import views

    with _reader(args.db) as store:
        groups = views.duplicates(store.con)
    if args.format == "json":
        print(json.dumps(groups, ensure_ascii=False, indent=1))
    else:
        columns = ["original", "outlet", "published", "copy", "copy_outlet", "copy_published", "containment", "title"]
        _print_rows(columns, [(g["id"], g["outlet"], g["published"], c["id"], c["outlet"], c["published"],
                               c["containment"], c["title"]) for g in groups for c in g["copies"]], args.format)
    return EXIT_OK


def cmd_serve(args) -> int:
    from .errors import bad_port
    from .web import is_loopback, serve

    if not 0 < args.port < 65536:
        raise bad_port(args.port)
    _reader(args.db).close()  # a missing or unreadable store fails here, with its code
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


def cmd_spark(args) -> int:
    from . import spark

    _check_published(args.published)
    if args.partitions is not None and args.partitions < 1:
        raise UsageError("--partitions must be 1 or more", "E403")
    summary = spark.run(args.inputs, args.output, master=args.master, partitions=args.partitions,
                        published=args.published, batch_size=args.batch_size, max_bytes=args.max_bytes,
                        input_base=args.input_base)
    counts = {status: summary.count(status) for status in ("ok", "duplicate", "error")}
    print(f"{summary.inputs} input file(s): {len(summary.finished)} analysed, {summary.skipped} already finished; "
          f"documents ok {counts['ok']}, duplicate {counts['duplicate']}, error {counts['error']}")
    if summary.near_duplicates:
        near = summary.near_duplicates
        print(f"near-duplicates over {near['articles']} article(s): {near['links']} verified link(s), "
              f"{near['copies']} article(s) marked as copies of an earlier one")
    print(f"Parquet tables in {args.output}; to query them: dateline attach {args.output} --db FILE")
    if counts["error"]:
        _err(f"{counts['error']} document(s) could not be analysed; each has an error row in "
             f"{args.output}/documents (`dateline list --documents` after attach)")
        return EXIT_SOME_FAILED
    return EXIT_OK


def cmd_attach(args) -> int:
    from .spark import attach

    counts = attach(args.folder, args.db)
    _print_rows(["table", "rows"], list(counts.items()), "table")
    print(f"{args.db} now reads {args.folder}: dateline query/show/list/outlets/stories --db {args.db}")
    return EXIT_OK


COMMANDS = {"analyze": cmd_analyze, "show": cmd_show, "list": cmd_list, "query": cmd_query,
            "evaluate": cmd_evaluate, "outlets": cmd_outlets, "stories": cmd_stories, "timeline": cmd_timeline,
            "graph": cmd_graph, "duplicates": cmd_duplicates, "serve": cmd_serve, "export": cmd_export,
            "spark": cmd_spark, "attach": cmd_attach}


if __name__ == "__main__":
    sys.exit(main())
