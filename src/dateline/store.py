"""The DuckDB store: keeps records, never makes them.

Tables (each row of a part table carries its article's id):
- ``documents``: every input ever offered: origin, content hash, size, status (``ok``, ``error``,
  ``duplicate``), error code and message, the article id, when.
- ``articles``: the record's scalar fields keyed by ``id``, with the whole record as JSON so
  ``get`` returns exactly what was analysed.
- one table a part of the record, named as in the record: ``entities`` (and ``mentions``),
  ``timexes``, ``sources``, ``attributions``, ``claims``, ``loaded_terms``, ``events``, ``scorecards``.

Part-table columns follow the record's dataclasses: a span becomes ``<name>_start``/``<name>_end``,
a list or dict becomes JSON text. A column the record gained since a file was made is added on open.
Each article is written in one transaction.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
import typing
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from .errors import RETRIED_ON_RERUN, StoreError
from .record import Record, Scorecard, _hints

DEFAULT_DB = "dateline.duckdb"

# The record's list parts and the table each goes to.
PARTS = ("entities", "timexes", "sources", "attributions", "claims", "loaded_terms", "events")

_DOCUMENTS = """
CREATE TABLE IF NOT EXISTS documents (
    seq BIGINT PRIMARY KEY,
    origin VARCHAR NOT NULL,
    content_hash VARCHAR,
    size BIGINT,
    status VARCHAR NOT NULL,
    code VARCHAR,
    message VARCHAR,
    article_id VARCHAR,
    offered_at TIMESTAMP NOT NULL
)"""

_ARTICLE_COLUMNS = {
    "id": "VARCHAR PRIMARY KEY",
    "url": "VARCHAR",
    "outlet": "VARCHAR",
    "title": "VARCHAR",
    "authors": "VARCHAR[]",
    "published": "VARCHAR",
    "published_from": "VARCHAR",
    "dateline_text": "VARCHAR",
    "dateline_place": "VARCHAR",
    "dateline_date": "VARCHAR",
    "language": "VARCHAR",
    "words": "BIGINT",
    "text": "VARCHAR",
    "headings": "JSON",
    "removed": "JSON",
    "warnings": "JSON",
    "record": "JSON",
    "analyzed_at": "TIMESTAMP",
    "duplicate_of": "VARCHAR",  # the earliest near-duplicate copy; set by the corpus step (dateline.corpus)
}

_MENTIONS = {"article_id": "VARCHAR", "entity_id": "VARCHAR", "start": "INTEGER", "end": "INTEGER", "text": "VARCHAR"}


def _sql_type(tp: Any) -> list[tuple[str, str]]:
    """(suffix, SQL type) pairs for one field type; a span gives two columns."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType")):
        tp = next(a for a in typing.get_args(tp) if a is not type(None))
        origin = typing.get_origin(tp)
    if origin is tuple:
        return [("_start", "INTEGER"), ("_end", "INTEGER")]
    if origin in (list, dict):
        return [("", "JSON")]
    return [("", {int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN"}.get(tp, "VARCHAR"))]


def _part_columns(item_type: type) -> dict[str, str]:
    cols = {"article_id": "VARCHAR"}
    for name, tp in _hints(item_type).items():
        if item_type.__name__ == "Entity" and name == "mentions":
            continue
        for suffix, sql in _sql_type(tp):
            cols[name + suffix] = sql
    return cols


def _item_type(part: str) -> type:
    (arg,) = typing.get_args(_hints(Record)[part])
    return arg


def schema() -> dict[str, dict[str, str]]:
    """Every part table and its columns, derived from the record."""
    tables = {part: _part_columns(_item_type(part)) for part in PARTS}
    tables["mentions"] = dict(_MENTIONS)
    tables["scorecards"] = _part_columns(Scorecard)
    return tables


def _flatten(item: Any, columns: dict[str, str]) -> dict[str, Any]:
    """One table row from one record item: spans split into _start/_end, JSON columns kept as values."""
    values = {}
    for f in dataclasses.fields(item):
        v = getattr(item, f.name)
        if f.name + "_start" in columns:
            values[f.name + "_start"], values[f.name + "_end"] = (v[0], v[1]) if v else (None, None)
        elif f.name in columns:
            values[f.name] = _json(v) if columns[f.name] == "JSON" else v
    return values


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def document_status(record: Optional[Record], error: Optional[Exception], duplicate_of: Optional[str] = None
                    ) -> tuple[str, Optional[str], Optional[str], Optional[str]]:
    """(status, code, message, article id) of one offered document, before any check against stored
    articles: ``ok`` with the article's id, ``duplicate`` with the id of the article it was found
    to copy while it was analysed (``Outcome.duplicate_of``), or ``error`` with the error's code and
    message."""
    if duplicate_of is not None and error is None:
        return "duplicate", None, None, duplicate_of
    if error is not None or record is None:
        return "error", getattr(error, "code", "E000"), (error.args[0] if error is not None and error.args else str(error)), None
    return "ok", None, None, record.id


def record_rows(r: Record, now: dt.datetime) -> dict[str, list[dict[str, Any]]]:
    """The rows one new article adds to ``articles`` and every part table, keyed by table, without a
    connection: ``Store`` writes them, and so does the Spark job, so both write the same rows. JSON
    columns hold JSON text."""
    tables = schema()
    dl = r.dateline
    rows: dict[str, list[dict[str, Any]]] = {"articles": [{
        "id": r.id, "url": r.url, "outlet": r.outlet, "title": r.title, "authors": r.authors,
        "published": r.published, "published_from": r.published_from,
        "dateline_text": dl.text if dl else None, "dateline_place": dl.place if dl else None,
        "dateline_date": dl.date if dl else None, "language": r.language,
        "words": len(r.text.split()), "text": r.text,
        "headings": _json([dataclasses.asdict(h) for h in r.headings]),
        "removed": _json(r.removed), "warnings": _json(r.warnings),
        "record": _json(r.to_dict()), "analyzed_at": now, "duplicate_of": None,
    }]}
    for part in PARTS:
        rows[part] = [{"article_id": r.id, **_flatten(item, tables[part])} for item in getattr(r, part)]
    rows["mentions"] = [{"article_id": r.id, "entity_id": e.id, "start": s, "end": t, "text": r.text[s:t]}
                        for e in r.entities for s, t in e.mentions]
    rows["scorecards"] = [] if r.scorecard is None else [{"article_id": r.id, **_flatten(r.scorecard, tables["scorecards"])}]
    return rows


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _read_only_config() -> dict[str, Any]:
    """What every read-only connection (``query``, ``list``, ``show``, the web reader) is opened
    with; ``_open_read_only`` then switches off external access (except for the allowed
    directories, where Parquet output is attached) and locks the configuration."""
    return {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def glob_literal(path: str) -> str:
    """``path`` as a DuckDB glob that matches itself only: each glob character (an output folder
    named ``run[1]``) in a character class of its own."""
    return "".join(f"[{c}]" if c in "[*?" else c for c in path)


def _open_read_only(path: str, allowed_directories: list[str]):
    """A read-only connection on which no statement may read or write a file outside the store and
    the allowed directories, install or load an extension, or change a setting. DuckDB takes
    ``allowed_directories`` only from a started database whose external access is still on, and
    connections of one process to one file share their database and must be opened alike: so the
    settings are made right after connecting, before any statement of a caller runs, by the first
    connection (a later one finds the database locked down already)."""
    import duckdb

    con = duckdb.connect(path, read_only=True, config=_read_only_config())
    if con.execute("SELECT current_setting('lock_configuration')").fetchone()[0]:
        return con
    statements = ["SET enable_external_access = false", "SET lock_configuration = true"]
    if allowed_directories:
        # each folder also as a glob of itself: DuckDB checks a glob's own text against the list
        resolved = [str(Path(d).resolve()) for d in allowed_directories]
        folders = ", ".join("'" + (d + "/").replace("'", "''") + "'" for d in dict.fromkeys([*resolved, *map(glob_literal, resolved)]))
        statements.insert(0, f"SET allowed_directories = [{folders}]")
    for statement in statements:
        con.execute(statement)
    return con


def attached_folders(path: str | Path) -> list[str]:
    """The Parquet folders a file's views read (``dateline attach`` lists them in its table
    ``attached_folders``): a read-only connection to the file may read these and nothing else."""
    import duckdb

    if not Path(path).exists():
        return []
    con = duckdb.connect(str(path), read_only=True, config=_read_only_config())
    try:  # fixed statements on a base table only: nothing here reads a file
        if not con.execute("SELECT 1 FROM information_schema.tables WHERE table_name = 'attached_folders' "
                           "AND table_type = 'BASE TABLE'").fetchone():
            return []
        return [row[0] for row in con.execute("SELECT folder FROM attached_folders").fetchall()]
    finally:
        con.close()



# Statement types ``query`` runs on a read-only store: reading only. Everything else (COPY, EXPORT,
# ATTACH, INSTALL, LOAD, SET, PRAGMA with an effect, CALL, CREATE ...) is refused with E304 before
# DuckDB sees it, and the connection's settings refuse it again if the check ever lets one through.
_READING = frozenset({"SELECT"})

# How often a connection that finds the file locked tries again, in seconds.
_RETRY = 0.2


def _locked(exc: Exception) -> bool:
    text = str(exc)
    return "lock" in text.lower() and ("Conflicting" in text or "Could not set lock" in text)


class Store:
    """One DuckDB file. Use as a context manager or call ``close()``.

    DuckDB lets one process write a file and, while it has it open, no other process read it. So:
    - a read-only Store that finds the file held by a writer waits for it, up to ``wait`` seconds
      (saying so once through ``on_wait``), then gives up with E302;
    - a writing Store takes a writer's lock on the file for its whole life (a second writer gets
      E302 at once) but can ``release()`` the connection between batches of writes; the next write
      opens it again, waiting for readers to finish. ``dateline analyze`` releases it every few
      seconds, so ``query``, ``list`` and ``show`` get in while a batch runs.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False,
                 allowed_directories: Iterable[str | Path] = (), *, wait: float = 30.0,
                 on_wait: Optional[Callable[[str], None]] = None):
        self.path = str(path)
        self.read_only = read_only
        self.wait, self.on_wait = wait, on_wait
        self._allowed = list(allowed_directories)
        self._writer_lock = None
        self._con = None
        if read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path} does not exist; analyse something into it first", "E301")
        self._tables = schema()
        if not read_only and Path(self.path).exists():
            self._take_writer_lock()  # before waiting for the file: a second writer is refused at once
        self._open()
        if not read_only:
            if self._writer_lock is None:
                self._take_writer_lock()
            self._create()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def con(self):
        """The DuckDB connection, opened again if it was released."""
        if self._con is None:
            self._open()
        return self._con

    def _open(self) -> None:
        import duckdb

        told = False
        give_up = time.monotonic() + self.wait
        while True:
            try:
                self._con = (_open_read_only(self.path, [*self._allowed, *attached_folders(self.path)]) if self.read_only
                             else duckdb.connect(self.path))
                return
            except duckdb.Error as exc:
                if not _locked(exc) or time.monotonic() >= give_up:
                    busy = " (another process held it throughout)" if _locked(exc) and self.wait else ""
                    raise StoreError(f"cannot open {self.path}{busy}: {exc}", "E302") from exc
            if not told and self.on_wait is not None:
                self.on_wait(f"{self.path} is in use by another process ("
                             + ("an analyze writing a batch" if self.read_only else "a reader")
                             + f"); waiting up to {self.wait:.0f} s")
                told = True
            time.sleep(_RETRY)

    def _take_writer_lock(self) -> None:
        try:
            import fcntl
        except ImportError:  # no flock on this system: DuckDB's own lock is the only guard
            return
        handle = open(self.path, "rb")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            self.release()
            raise StoreError(f"cannot open {self.path}: another dateline process is writing to it "
                             f"({exc.strerror}); wait for it to finish", "E302") from exc
        self._writer_lock = handle

    def release(self) -> None:
        """Close the connection so other processes can open the file; a writer keeps its lock."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def close(self) -> None:
        self.release()
        if self._writer_lock is not None:
            self._writer_lock.close()
            self._writer_lock = None

    def _create(self) -> None:
        self.con.execute(_DOCUMENTS)
        self._ensure("articles", _ARTICLE_COLUMNS)
        for table, columns in self._tables.items():
            self._ensure(table, columns)

    def _ensure(self, table: str, columns: dict[str, str]) -> None:
        cols = ", ".join(f"{_quote(c)} {t}" for c, t in columns.items())
        self.con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({cols})")
        have = {r[0] for r in self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
        for c, t in columns.items():
            if c not in have:
                self.con.execute(f"ALTER TABLE {table} ADD COLUMN {_quote(c)} {t.replace(' PRIMARY KEY', '')}")

    # writing
    def add(self, origin: str, content_hash: str, size: int, record: Optional[Record] = None,
            error: Optional[Exception] = None, replace: bool = False, duplicate_of: Optional[str] = None) -> str:
        """Record one offered document and, when it is new (or ``replace`` is given), its article.
        ``duplicate_of`` is the id of the article the document was found to copy before it was
        annotated (it has no record). Returns the status."""
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        origin = _storable(origin)
        status, code, message, article = document_status(record, error, duplicate_of)
        if message is not None:
            message = _storable(message)
        if status == "ok" and not replace and self.con.execute("SELECT 1 FROM articles WHERE id = ?", [record.id]).fetchone():
            status = "duplicate"
        try:
            self._write_document(origin, content_hash, size, status, code, message, article, now, record)
        except Exception as exc:  # the article could not be written: keep the offer, as an error
            message = _storable(f"the record could not be stored: {exc.__class__.__name__}: {exc}")
            try:
                self._write_document(origin, content_hash, size, "error", "E303", message, None, now, None)
            except Exception as again:
                raise StoreError(f"cannot write to {self.path}: {again}", "E303") from again
            return "error"
        return status

    def _write_document(self, origin, content_hash, size, status, code, message, article, now, record) -> None:
        """The documents row and, for a new article, all its parts: one transaction."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            seq = self.con.execute("SELECT coalesce(max(seq), 0) + 1 FROM documents").fetchone()[0]
            self.con.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [seq, origin, content_hash, size, status, code, message, article, now],
            )
            if status == "ok":
                self._forget(article)
                self._write_record(record, now)
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def _forget(self, article_id: str) -> None:
        """Remove an article and its parts (``--force`` analyses it again)."""
        for table in self._tables:
            self.con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        self.con.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def article_ids(self) -> set[str]:
        """The id of every stored article (a document copying one is a duplicate)."""
        return {row[0] for row in self.con.execute("SELECT id FROM articles").fetchall()}

    def finished(self) -> set[tuple[str, str]]:
        """(origin, content hash) of every document a re-run need not analyse again: stored ``ok``
        or ``duplicate``, or with an error the same bytes would meet again (all but
        ``errors.RETRIED_ON_RERUN``)."""
        rows = self.con.execute(
            "SELECT DISTINCT origin, content_hash FROM documents WHERE status <> 'error' OR code NOT IN "
            "(SELECT unnest(?::VARCHAR[]))", [sorted(RETRIED_ON_RERUN)]).fetchall()
        return set(rows)

    def _write_record(self, r: Record, now: dt.datetime) -> None:
        rows = record_rows(r, now)
        (article,) = rows.pop("articles")
        cols = list(_ARTICLE_COLUMNS)
        self.con.execute(
            f"INSERT INTO articles ({', '.join(map(_quote, cols))}) VALUES ({', '.join('?' * len(cols))})",
            [article[c] for c in cols],
        )
        for table, table_rows in rows.items():
            self._insert(table, table_rows)

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        """All rows of one table in one statement, passed as one JSON parameter that DuckDB unnests:
        binding a parameter per value (or executemany) costs ten times as much."""
        if not rows:
            return
        cols = self._tables[table]
        struct = json.dumps({c: "VARCHAR" if sql == "JSON" else sql.split()[0] for c, sql in cols.items()})
        self.con.execute(
            f"INSERT INTO {table} ({', '.join(map(_quote, cols))}) "
            f"SELECT unnest(from_json(?::JSON, '[{struct}]'), recursive := true)",
            [json.dumps([{c: row.get(c) for c in cols} for row in rows], ensure_ascii=False)],
        )

    # reading
    def get(self, article_id: str) -> Optional[Record]:
        row = self.con.execute("SELECT record FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            row = self.con.execute(
                "SELECT record FROM articles WHERE id LIKE ? || '%' ORDER BY id LIMIT 2", [article_id]).fetchall()
            if len(row) != 1:
                return None
            row = row[0]
        return Record.from_dict(json.loads(row[0]))

    def query(self, sql: str, params: Iterable[Any] = ()) -> tuple[list[str], list[tuple]]:
        """Columns and rows of one statement. On a read-only store only a statement that reads
        (SELECT, WITH, FROM, SHOW, DESCRIBE, SUMMARIZE ...) runs; anything else is refused (E304)."""
        import duckdb

        try:
            if self.read_only:
                _check_reading(sql)
            cur = self.con.execute(sql, list(params))
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}", "E304") from exc
        if cur.description is None:
            return [], []
        return [d[0] for d in cur.description], cur.fetchall()

    def export_parquet(self, folder: str | Path) -> list[Path]:
        """Every table as ``<folder>/<table>.parquet``. The folder reaches DuckDB as a parameter, never
        as SQL text; a read-only store must have been opened with it in ``allowed_directories``."""
        import duckdb

        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for table in ("documents", "articles", *self._tables):
            target = out.resolve() / f"{table}.parquet"
            try:
                self.con.execute(f"COPY {_quote(table)} TO ? (FORMAT parquet)", [str(target)])
            except duckdb.Error as exc:
                raise StoreError(f"cannot write {target}: {exc}; choose a folder you can write to", "E306") from exc
            written.append(out / f"{table}.parquet")
        return written


def _check_reading(sql: str) -> None:
    """Raise StoreError (E304) unless ``sql`` is one statement that only reads."""
    import duckdb

    statements = duckdb.extract_statements(sql)
    if len(statements) != 1:
        raise StoreError(f"query runs one statement at a time; this has {len(statements)}", "E304")
    kind = statements[0].type.name
    if kind not in _READING:
        raise StoreError(f"query is read-only: a {kind} statement is refused (only statements that read, "
                         "such as SELECT, run; the store is never changed, and no file outside it is read or "
                         "written)", "E304")


def _storable(text: str) -> str:
    """Text DuckDB can hold: a lone surrogate (an undecodable byte of a file name) written as a
    backslash escape, as ``read.origin_of`` writes it."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
