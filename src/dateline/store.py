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
import typing
from pathlib import Path
from typing import Any, Iterable, Optional

from .errors import StoreError
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


def document_status(record: Optional[Record], error: Optional[Exception]) -> tuple[str, Optional[str], Optional[str], Optional[str]]:
    """(status, code, message, article id) of one offered document, before any duplicate check:
    ``ok`` with the article's id, or ``error`` with the error's code and message."""
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
        folders = ", ".join("'" + (str(Path(d).resolve()) + "/").replace("'", "''") + "'" for d in allowed_directories)
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


class Store:
    """One DuckDB file. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False,
                 allowed_directories: Iterable[str | Path] = ()):
        import duckdb

        self.path = str(path)
        self.read_only = read_only
        try:
            if read_only and not Path(self.path).exists():
                raise StoreError(f"{self.path} does not exist; analyse something into it first", "E301")
            if read_only:
                self.con = _open_read_only(self.path, [*allowed_directories, *attached_folders(self.path)])
            else:
                self.con = duckdb.connect(self.path)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}", "E302") from exc
        self._tables = schema()
        if not read_only:
            self._create()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

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
            error: Optional[Exception] = None) -> str:
        """Record one offered document and, when it is new, its article. Returns the status."""
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        status, code, message, article = document_status(record, error)
        if status == "ok" and self.con.execute("SELECT 1 FROM articles WHERE id = ?", [record.id]).fetchone():
            status = "duplicate"
        try:
            self._write_document(origin, content_hash, size, status, code, message, article, now, record)
        except Exception as exc:  # the article could not be written: keep the offer, as an error
            message = f"the record could not be stored: {exc.__class__.__name__}: {exc}"
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
                self._write_record(record, now)
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

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
        import duckdb

        try:
            cur = self.con.execute(sql, list(params))
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}", "E304") from exc
        if cur.description is None:
            return [], []
        return [d[0] for d in cur.description], cur.fetchall()

    def export_parquet(self, folder: str | Path) -> list[Path]:
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for table in ("documents", "articles", *self._tables):
            target = out / f"{table}.parquet"
            self.con.execute(f"COPY {table} TO '{target}' (FORMAT parquet)")
            written.append(target)
        return written
