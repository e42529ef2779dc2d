"""The corpus tables: made and filled by the corpus step, read by ``views``.

They hold what the corpus step found across articles and nothing the articles' own tables already
hold (those stay as the store wrote them; ``articles.duplicate_of`` is the one column the step
writes there):

- ``corpus_articles``: the articles the step has taken in (the step is incremental: an article is
  taken in once), with the number of word shingles it had.
- ``article_lsh`` and ``claim_lsh``: the MinHash LSH indexes of articles (near-duplicates) and of
  claims, one row a band of an item's signature; items sharing a band key are candidates.
- ``duplicate_links``: the near-duplicate pairs the step verified, with their shingle containment
  and Jaccard similarity: the evidence behind ``articles.duplicate_of``.
- ``corpus_entities`` and ``entity_links (article_id, entity_id, corpus_entity_id)``: one corpus
  entity per real thing across articles; each link keeps the resolution ``key`` it was made by.
- ``stories`` and ``story_members``: events and claims that several reports share, with their
  articles, outlets, independent outlets and whether every piece of support is anonymous; a
  member whose actor or recipient is a person keeps the country or party the record rolls the
  person up to (``actor_group``, ``recipient_group``).
"""
from __future__ import annotations

import json
from typing import Any, Iterable

TABLES: dict[str, dict[str, str]] = {
    "corpus_articles": {"article_id": "VARCHAR PRIMARY KEY", "shingles": "INTEGER", "added_at": "TIMESTAMP"},
    "article_lsh": {"band": "SMALLINT", "key": "BIGINT", "item": "VARCHAR"},
    "claim_lsh": {"band": "SMALLINT", "key": "BIGINT", "item": "VARCHAR"},
    "duplicate_links": {"article_id": "VARCHAR", "other_id": "VARCHAR", "containment": "DOUBLE",
                        "jaccard": "DOUBLE"},
    "corpus_entities": {"id": "VARCHAR", "key": "VARCHAR", "name": "VARCHAR", "type": "VARCHAR",
                        "kb": "VARCHAR", "country": "VARCHAR", "handles": "VARCHAR[]",
                        "articles": "INTEGER"},
    "entity_links": {"article_id": "VARCHAR", "entity_id": "VARCHAR", "corpus_entity_id": "VARCHAR",
                     "key": "VARCHAR"},
    "stories": {"id": "VARCHAR", "kind": "VARCHAR", "type": "VARCHAR", "actor": "VARCHAR",
                "recipient": "VARCHAR", "location": "VARCHAR", "status": "VARCHAR", "date_start": "VARCHAR",
                "date_end": "VARCHAR", "title": "VARCHAR", "articles": "INTEGER", "outlets": "INTEGER",
                "independent_outlets": "INTEGER", "anonymous_only": "BOOLEAN"},
    "story_members": {"story_id": "VARCHAR", "article_id": "VARCHAR", "kind": "VARCHAR", "item_id": "VARCHAR",
                      "type": "VARCHAR", "actor": "VARCHAR", "recipient": "VARCHAR", "location": "VARCHAR",
                      "status": "VARCHAR", "date": "VARCHAR", "date_from": "VARCHAR", "date_to": "VARCHAR",
                      "source_id": "VARCHAR", "source_kind": "VARCHAR",
                      "anonymous": "BOOLEAN", "actor_group": "VARCHAR", "recipient_group": "VARCHAR"},
}

# No index beyond corpus_articles' key: DuckDB's hash joins need none, and rows the step rewrites
# (stories, corpus entities) are deleted and inserted again in one transaction, which an ART index
# on them would refuse.


def create(con) -> None:
    """Create the corpus tables where they are missing (a store made before them gains them)."""
    for table, columns in TABLES.items():
        cols = ", ".join(f'"{c}" {t}' for c, t in columns.items())
        con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({cols})")
        have = {r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema()",
            [table]).fetchall()}
        for c, t in columns.items():
            if c not in have:  # a column added since the store was made
                con.execute(f'ALTER TABLE {table} ADD COLUMN "{c}" {t.replace(" PRIMARY KEY", "")}')


def present(con) -> bool:
    """Whether this store has the corpus tables (a read-only store made before them has not)."""
    names = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_name IN ('stories', 'corpus_entities')"
    ).fetchall()}
    return names == {"stories", "corpus_entities"}


def is_view(con, name: str) -> bool:
    """Whether ``name`` is a view (as the store's tables are in a file ``dateline attach`` made)."""
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ? "
                            "AND table_type = 'VIEW'", [name]).fetchone()[0])


def insert(con, table: str, rows: Iterable[dict[str, Any]]) -> int:
    """All rows in one statement, as one JSON parameter DuckDB unnests (a parameter per value costs
    ten times as much). Returns the number of rows."""
    rows = list(rows)
    if not rows:
        return 0
    columns = TABLES[table]
    struct = json.dumps({c: sql.split()[0] for c, sql in columns.items()})
    con.execute(
        f"INSERT INTO {table} ({', '.join(f'{chr(34)}{c}{chr(34)}' for c in columns)}) "
        f"SELECT unnest(from_json(?::JSON, '[{struct}]'), recursive := true)",
        [json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, default=str)],
    )
    return len(rows)


def numbered(con, name: str, values: list[str]) -> None:
    """A temporary table ``name(i, v)``: the values with their positions, from 0."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT generate_subscripts(a, 1) - 1 AS i, unnest(a) AS v "
                "FROM (SELECT from_json(?::JSON, '[\"VARCHAR\"]') AS a)", [json.dumps(values)])


def temp_ids(con, name: str, values: Iterable[Any], sql_type: str = "VARCHAR") -> str:
    """A temporary one-column table ``name(v)`` holding the values, for joins; returns its name."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} (v {sql_type})")
    values = list(dict.fromkeys(values))
    if values:
        con.execute(f"INSERT INTO {name} SELECT unnest(from_json(?::JSON, '[\"{sql_type}\"]'))",
                    [json.dumps(values)])
    return name
