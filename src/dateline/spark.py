"""The scale-out job: the same pipeline on Spark over WARC archives, into Parquet the store reads.

In cc-pyspark's pattern: the driver lists the input files (paths, globs, folders, or list files
such as CC-NEWS's ``warc.paths``) and makes one task of each; a Python worker loads spaCy once
(``nlp.load`` is cached per process and Spark reuses its Python workers) and reads every record
through ``analyze_many``, the function the CLI calls. The rows are the store's own
(``store.document_status`` and ``store.record_rows``), staged in a DuckDB file that ``Store``
creates, so the Parquet files have exactly the store's columns and types.

Output, one folder a table, one Parquet file per input file (``KEY`` hashes the input's location)::

    DIR/documents/KEY.parquet  DIR/articles/KEY.parquet  DIR/entities/KEY.parquet ...
    DIR/_manifest/KEY.json     written last: this input is finished

Resume: a finished input is never analysed again (the driver skips it, and so does a retried
task); an unfinished one is analysed from its start and its files are replaced, never added to.
Killing the driver or a worker at any moment therefore loses nothing finished and duplicates
nothing. Each attempt at an input stages its files in a folder of its own (``_staging/KEY-RANDOM``):
a killed run's Python workers outlive their driver for a moment (pyspark's daemon gives them a
process group of their own) and may still be at an input when the run started again reaches it;
the first attempt to finish puts the files in place and a later one leaves them. A run clears
what killed runs left in ``_staging`` before it starts. An input's ``documents`` file is moved
into place after its other tables, and the views of ``attach`` show an article only through the
documents row that offers it, so a reader never sees half an input.

Duplicates: inside one input, a second copy of an article (the same text once decoded) is a
``duplicate`` row, recognised before annotating, as on the CLI.
Across inputs (analysed at the same time) the first offered wins: ``seq`` orders every document by
(run, input, record), and the views of ``attach`` mark later copies ``duplicate``, keep only the
first copy's parts and number ``seq`` 1, 2, 3 ... as the CLI does.

Near-duplicates: after the inputs, a run that finished any runs the corpus layer's near-duplicate
step on Spark over every article (``corpus.spark_dedupe``: MinHashLSH candidates, the local step's
shingles, verification and choice of the earliest copy) into ``DIR/near_duplicates``; ``attach``
reads ``articles.duplicate_of`` from it and runs the rest of the corpus step into its file.
"""
from __future__ import annotations

import datetime as dt
import functools
import glob
import gzip
import hashlib
import json
import os
import resource
import shutil
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from . import errors
from .corpus import spark_dedupe
from .errors import UsageError

MANIFEST = "_manifest"
STAGING = "_staging"
# seq = run * RUN_STRIDE + input * INPUT_STRIDE + record: unique and in the order offered.
RUN_STRIDE, INPUT_STRIDE = 10**13, 10**7
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
LIST_SUFFIXES = (".paths", ".paths.gz")


@dataclass(slots=True, frozen=True)
class InputFile:
    """One input of a run: one task."""

    index: int  # its place among the run's inputs
    given: str  # as the user named it: the origin of its documents, as on the CLI
    location: str  # an absolute path, or an http(s) URL

    @property
    def key(self) -> str:
        return input_key(self.location)


@dataclass(slots=True)
class RunSummary:
    inputs: int
    skipped: int
    finished: list[dict[str, Any]] = field(default_factory=list)
    near_duplicates: dict[str, int] = field(default_factory=dict)  # what the near-duplicate step found, if it ran

    def count(self, status: str) -> int:
        return sum(m["statuses"].get(status, 0) for m in self.finished)


def input_key(location: str) -> str:
    return hashlib.sha256(location.encode("utf-8")).hexdigest()[:20]


def table_names() -> list[str]:
    """Every table of the store, ``documents`` last (the order files are moved into place)."""
    from .store import schema

    return ["articles", *schema(), "documents"]


# The driver: inputs, the manifest, the job.
def expand_inputs(inputs: Iterable[str], input_base: Optional[str] = None) -> list[tuple[str, str]]:
    """(name as given, location) of every input file: paths, globs, folders (their WARC files),
    http(s) URLs, and list files ending in .paths or .paths.gz (one path or URL a line; a relative
    line is taken from ``input_base``, else from the list file's folder)."""
    found: list[tuple[str, str]] = []
    missing = []
    for item in inputs:
        if _is_url(item):
            found.append((item, item))
        elif any(c in item for c in "*?[") and not Path(item).exists():  # a file named a[1].warc is itself
            matches = sorted(glob.glob(item, recursive=True))
            missing += [] if matches else [item]
            found += [(m, str(Path(m).resolve())) for m in matches if Path(m).is_file()]
        elif Path(item).is_dir():
            found += [(str(p), str(p.resolve())) for p in sorted(Path(item).rglob("*"))
                      if p.is_file() and p.name.lower().endswith(ARCHIVE_SUFFIXES)]
        elif not Path(item).exists():
            missing.append(item)
        elif item.lower().endswith(LIST_SUFFIXES):
            found += _listed(Path(item), input_base)
        else:
            found.append((item, str(Path(item).resolve())))
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}", "E402")
    unique: dict[str, str] = {}
    for given, location in found:  # a file named twice is one input
        unique.setdefault(location, given)
    return [(given, location) for location, given in unique.items()]


def _is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def _listed(path: Path, base: Optional[str]) -> list[tuple[str, str]]:
    data = path.read_bytes()
    if path.name.lower().endswith(".gz"):
        data = gzip.decompress(data)
    base = base or str(path.resolve().parent)
    found = []
    for line in data.decode("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if _is_url(line) or Path(line).is_absolute():
            location = line
        elif _is_url(base):
            location = urllib.parse.urljoin(base.rstrip("/") + "/", line)
        else:
            location = str((Path(base) / line).resolve())
        found.append((line, location))
    return found


def finished(output: str | Path) -> dict[str, dict[str, Any]]:
    """The manifest: every finished input's entry, by key."""
    entries = {}
    for f in sorted((Path(output) / MANIFEST).glob("*.json")):
        entry = json.loads(f.read_text("utf-8"))
        entries[f.stem] = entry
    return entries


def session(master: Optional[str] = None, app_name: str = "dateline"):
    """A SparkSession whose Python workers run this interpreter and are reused between tasks."""
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        raise errors.spark_unavailable("no `java` on PATH and JAVA_HOME is not set")
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise errors.spark_unavailable(f"pyspark is not installed: {exc}") from exc
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (SparkSession.builder.appName(app_name)
               .config("spark.python.worker.reuse", "true")
               .config("spark.ui.showConsoleProgress", "false"))
    if master:
        builder = builder.master(master)
    elif "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit, which brings its own master
        builder = builder.master("local[*]")
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # noqa: BLE001 -- the JVM reports a missing or wrong Java in many ways
        raise errors.spark_unavailable(f"{exc.__class__.__name__}: {str(exc).strip().splitlines()[0]}") from exc
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run(inputs: Iterable[str], output: str | Path, *, master: Optional[str] = None,
        partitions: Optional[int] = None, published: Optional[str] = None, batch_size: int = 32,
        max_bytes: Optional[int] = None, input_base: Optional[str] = None, spark=None) -> RunSummary:
    """Analyse every input file not yet finished in ``output``, one task a file. ``spark``: an
    open SparkSession to use (it is left open); else one is started for ``master`` and stopped."""
    from .read import DEFAULT_MAX_BYTES

    files = expand_inputs(inputs, input_base)
    out = Path(output).resolve()
    try:
        for folder in (MANIFEST, STAGING, *table_names()):
            (out / folder).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise errors.output_unwritable(str(out), exc.strerror or str(exc)) from exc
    for left in (out / STAGING).iterdir():  # a killed run's attempts' (none of this run has started)
        shutil.rmtree(left, ignore_errors=True)
    done = finished(out)
    todo = [InputFile(i, given, location) for i, (given, location) in enumerate(files)
            if input_key(location) not in done]
    summary = RunSummary(inputs=len(files), skipped=len(files) - len(todo))
    if not todo and spark_dedupe.current(out, done):
        return summary
    run_no = max((entry["run"] for entry in done.values()), default=0) + 1
    task = functools.partial(_analyse_partition, output=str(out), run_no=run_no, published=published,
                             batch_size=batch_size, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    own = spark is None
    spark = spark or session(master)
    entries = []
    try:
        if todo:
            rdd = spark.sparkContext.parallelize(todo, numSlices=min(partitions or len(todo), len(todo)))
            entries = rdd.mapPartitions(task).collect()
        # the corpus step's near-duplicates, over every finished input (a run killed here does it again)
        summary.near_duplicates = spark_dedupe.run(spark, out, finished(out))
    except Exception as exc:  # noqa: BLE001 -- Py4J wraps the worker's failure; the message is what helps
        raise errors.spark_job_failed(_failure(exc)) from exc
    finally:
        if own:
            spark.stop()
    summary.skipped += sum(1 for e in entries if e.get("skipped"))
    summary.finished = [e for e in entries if not e.get("skipped")]
    return summary


def _failure(exc: Exception) -> str:
    """The line of a Spark failure that says what went wrong (Py4J wraps it in Java stack traces)."""
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
    said = [ln for ln in lines if "Job aborted" in ln or ln.split(":")[0].endswith(("Error", "Exception"))]
    return (said[0] if said else lines[0] if lines else exc.__class__.__name__).lstrip(": ")[:400]


# The task: one input file, on a Python worker.
_WORKER = {"articles": 0}  # documents this Python worker has analysed, across its tasks


def _analyse_partition(items: Iterable[InputFile], **options) -> Iterator[dict[str, Any]]:
    for item in items:
        yield analyse_input(item, **options)


def analyse_input(item: InputFile, *, output: str, run_no: int, published: Optional[str],
                  batch_size: int, max_bytes: int) -> dict[str, Any]:
    """Analyse one input file into its Parquet files and manifest entry; returns the entry."""
    out = Path(output)
    entry_path = out / MANIFEST / f"{item.key}.json"
    if entry_path.exists():  # a task retried after its input finished
        return {**json.loads(entry_path.read_text("utf-8")), "skipped": True}
    # this attempt's own staging folder: another attempt at the same input may be at work (a killed
    # run's worker outlives its driver for a moment; a cluster may run a task twice)
    stage = out / STAGING / f"{item.key}-{uuid.uuid4().hex[:12]}"
    stage.mkdir(parents=True)
    try:
        return _finish(item, out, entry_path, stage, run_no, published, batch_size, max_bytes)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _finish(item: InputFile, out: Path, entry_path: Path, stage: Path, run_no: int, published: Optional[str],
            batch_size: int, max_bytes: int) -> dict[str, Any]:
    started, cpu = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory(prefix="dateline-spark-") as tmp:
        with _local_copy(item.location, tmp) as path:
            statuses = _stage(item, path, Path(tmp) / "stage.duckdb", stage, run_no, published, batch_size, max_bytes)
    if entry_path.exists():  # another attempt finished the input meanwhile: its files stay
        return {**json.loads(entry_path.read_text("utf-8")), "skipped": True}
    for table in table_names():  # documents last: it makes the input's articles visible
        os.replace(stage / f"{table}.parquet", out / table / f"{item.key}.parquet")
    entry = {
        "input": item.given, "location": item.location, "key": item.key, "run": run_no, "index": item.index,
        "documents": sum(statuses.values()), "statuses": dict(statuses),
        "seconds": round(time.perf_counter() - started, 3), "cpu_seconds": round(time.process_time() - cpu, 3),
        "finished_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "worker": {"pid": os.getpid(), "documents": _WORKER["articles"], "rss_mb": _rss_mb(),
                   "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)},
    }
    partial = stage / "entry.json"
    partial.write_text(json.dumps(entry, ensure_ascii=False, indent=1), "utf-8")
    os.replace(partial, entry_path)
    return entry


def _stage(item: InputFile, path: str, db: Path, stage: Path, run_no: int, published: Optional[str],
           batch_size: int, max_bytes: int) -> Counter:
    """Every document of one input into a staging store, then each table to ``stage`` as Parquet."""
    from .pipeline import analyze_many
    from .read import iter_offered
    from .store import Store, document_status, record_rows

    statuses: Counter = Counter()
    with Store(db) as staging:
        staging.con.execute("SET threads = 1")  # Spark runs one task a core already
        staging.con.execute("SET memory_limit = '512MB'")
        writer = _StagingWriter(staging.con)
        offered = (_named(o, path, item.given) for o in iter_offered([path]))
        base = run_no * RUN_STRIDE + item.index * INPUT_STRIDE
        pending: list[dict[str, list[dict[str, Any]]]] = []
        for n, outcome in enumerate(analyze_many(offered, published=published, batch_size=batch_size,
                                                 max_bytes=max_bytes, skip_copies=True), 1):
            now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
            status, code, message, article = document_status(outcome.record, outcome.error, outcome.duplicate_of)
            rows = {"documents": [{"seq": base + n, "origin": outcome.origin, "content_hash": outcome.content_hash,
                                   "size": outcome.size, "status": status, "code": code, "message": message,
                                   "article_id": article, "offered_at": now}]}
            if status == "ok":
                rows.update(record_rows(outcome.record, now))
            pending.append(rows)
            statuses[status] += 1
            _WORKER["articles"] += 1
            if len(pending) >= batch_size:
                writer.write(pending)
                pending = []
        writer.write(pending)
        for table in table_names():
            staging.con.execute(f"COPY {table} TO '{stage / (table + '.parquet')}' (FORMAT parquet)")
    return statuses


def _named(offered, path: str, given: str):
    """Documents are named after the input as the user gave it, as on the CLI."""
    if offered.origin.startswith(path):
        offered.origin = given + offered.origin[len(path):]
    return offered


@contextmanager
def _local_copy(location: str, tmp: str) -> Iterator[str]:
    """A local path for an input: the file itself, or a download of a URL into ``tmp``."""
    if not _is_url(location):
        yield location
        return
    name = Path(urllib.parse.urlparse(location).path).name or "input"
    target = Path(tmp) / name
    with urllib.request.urlopen(location, timeout=60) as response, open(target, "wb") as f:
        shutil.copyfileobj(response, f, 1 << 20)
    yield str(target)


class _StagingWriter:
    """Rows as the store makes them, into the staging store's tables: one statement a table a
    batch (a JSON parameter that DuckDB unnests, as ``Store`` does). A batch that cannot be written
    is written one document at a time, and a document whose article cannot be written is kept as
    an ``E303`` error row, as ``Store.add`` keeps it."""

    def __init__(self, con):
        self.con = con
        self.columns: dict[str, dict[str, str]] = {}
        for table, column, sql in con.execute(
                "SELECT table_name, column_name, data_type FROM information_schema.columns ORDER BY ordinal_position").fetchall():
            self.columns.setdefault(table, {})[column] = "VARCHAR" if sql == "JSON" else sql

    def write(self, batch: list[dict[str, list[dict[str, Any]]]]) -> None:
        if not batch:
            return
        try:
            self._transaction(batch)
        except Exception:  # noqa: BLE001 -- find the document that cannot be written
            for rows in batch:
                try:
                    self._transaction([rows])
                except Exception as exc:  # noqa: BLE001
                    (doc,) = rows["documents"]
                    doc.update(status="error", code="E303", article_id=None,
                               message=f"the record could not be stored: {exc.__class__.__name__}: {exc}")
                    self._transaction([{"documents": [doc]}])

    def _transaction(self, batch: list[dict[str, list[dict[str, Any]]]]) -> None:
        tables: dict[str, list[dict[str, Any]]] = {}
        for rows in batch:
            for table, table_rows in rows.items():
                tables.setdefault(table, []).extend(table_rows)
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, rows in tables.items():
                if rows:
                    self._insert(table, rows)
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        cols = self.columns[table]
        names = ", ".join('"' + c.replace('"', '""') + '"' for c in cols)
        self.con.execute(
            f"INSERT INTO {table} ({names}) SELECT unnest(from_json(?::JSON, ?), recursive := true)",
            [json.dumps([{c: row.get(c) for c in cols} for row in rows], ensure_ascii=False, default=str),
             json.dumps([cols])],
        )


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return round(int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


# attach: DuckDB views over the output.
ATTACHED = "attached_folders"


def attach(folder: str | Path, db: str | Path) -> dict[str, int]:
    """Views named as the store's tables over the Parquet output in ``folder``, in the DuckDB file
    ``db``, so the store's readers work on it unchanged, then the corpus step over the articles the
    file has not taken in yet (its tables are the only ones the file holds). Returns each table's row count, read back
    through a read-only ``Store`` (which may read ``folder`` and nothing else outside ``db``)."""
    import duckdb

    from . import corpus
    from .corpus import tables as corpus_tables
    from .store import Store

    root = Path(folder).resolve()
    if not list((root / "documents").glob("*.parquet")):
        raise errors.no_spark_output(str(folder))
    con = duckdb.connect(str(db))
    try:
        own = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'").fetchall()}
        if own - {ATTACHED} - set(corpus_tables.TABLES):
            raise errors.not_an_attach_file(str(db))
        con.execute("BEGIN TRANSACTION")
        for sql in _view_statements(root):
            con.execute(sql)
        con.execute(f"CREATE OR REPLACE TABLE {ATTACHED} (folder VARCHAR)")
        con.execute(f"INSERT INTO {ATTACHED} VALUES (?)", [str(root)])
        con.execute("COMMIT")
        try:  # the corpus step (entities, stories) over the articles it has not taken in yet
            corpus.update(con)
        except duckdb.Error as exc:
            raise errors.corpus_failed(exc) from exc
    finally:
        con.close()
    with Store(db, read_only=True) as store:
        return {t: store.query(f"SELECT count(*) FROM {t}")[1][0][0] for t in table_names()}


def _view_statements(root: Path) -> list[str]:
    def scan(table: str) -> str:
        return f"read_parquet('{_parquet_glob(root / table)}', filename = true)"

    # the first offered copy of each article: the input (file key) it is read from
    first = (f"SELECT article_id, arg_min(parse_filename(filename, true), seq) AS input "
             f"FROM {scan('documents')} WHERE status = 'ok' GROUP BY article_id")
    statements = [
        f"CREATE OR REPLACE VIEW first_copies AS {first}",
        "CREATE OR REPLACE VIEW documents AS SELECT row_number() OVER (ORDER BY d.seq) AS seq, d.origin, "
        "d.content_hash, d.size, CASE WHEN d.status = 'ok' AND f.input <> parse_filename(d.filename, true) "
        "THEN 'duplicate' ELSE d.status END AS status, d.code, d.message, d.article_id, d.offered_at "
        f"FROM {scan('documents')} d LEFT JOIN first_copies f ON f.article_id = d.article_id",
    ]
    # the near-duplicate step's output (empty until a run has made it)
    near = root / spark_dedupe.OUTPUT
    for view, sub, columns in (("spark_near_duplicates", "articles", "id VARCHAR, duplicate_of VARCHAR, shingles INTEGER"),
                               ("spark_duplicate_links", "links", "article_id VARCHAR, other_id VARCHAR, "
                                                                  "containment DOUBLE, jaccard DOUBLE")):
        pattern = _parquet_glob(near / sub)
        empty = "SELECT " + ", ".join(f"NULL::{c.split()[1]} AS {c.split()[0]}" for c in columns.split(", ")) + " LIMIT 0"
        source = f"SELECT * FROM read_parquet('{pattern}')" if list((near / sub).glob("*.parquet")) else empty
        statements.append(f"CREATE OR REPLACE VIEW {view} AS {source}")
    for table in table_names()[:-1]:
        key = "id" if table == "articles" else "article_id"
        columns, join = "t.* EXCLUDE (filename)", ""
        if table == "articles":  # duplicate_of as the near-duplicate step found it
            columns = "t.* EXCLUDE (filename) REPLACE (n.duplicate_of AS duplicate_of)"
            join = "LEFT JOIN spark_near_duplicates n ON n.id = t.id "
        statements.append(
            f"CREATE OR REPLACE VIEW {table} AS SELECT {columns} FROM {scan(table)} t {join}"
            f"SEMI JOIN first_copies f ON f.article_id = t.{key} AND f.input = parse_filename(t.filename, true)")
    return statements


def _parquet_glob(folder: Path) -> str:
    """A DuckDB glob of the Parquet files in ``folder`` (whose own name is no pattern), quoted for SQL."""
    from .store import glob_literal

    return (glob_literal(str(folder)) + "/*.parquet").replace("'", "''")
