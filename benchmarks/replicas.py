"""Distinct articles made from analysed ones, for the benchmarks' large stores (corpus step, reader).

Analysing 10,000 articles takes hours; replicating a few hundred analysed ones in SQL takes
seconds. Every stored row of an article (article, document, entities, mentions, events, claims,
sources, attributions, scorecard ...) is copied under a new id, one of ``OUTLETS`` outlets and a
date spread over a year, and its text and title with the letters of every word permuted by a
cipher of the copy's own (lengths kept, so every span of the record still points at the same
word; no two copies share a five-word run, so they are not near-duplicates of one another, nor
are their claims alike). The stored record JSON gets the same id, outlet, date, text and title, so
a page built from it reads what the tables hold. Names of entities are kept: the same people
recur across the copies, as in a real corpus, so their event groups and their corpus entities
grow large.
"""
from __future__ import annotations

import json
import random
import string
from typing import Optional

from dateline.store import PARTS

OUTLETS = 40
_LETTERS = string.ascii_lowercase


def replicate(con, copies: int, limit: Optional[int] = None) -> int:
    """Every stored article ``copies`` times over (the first ``limit`` copies only, taken copy by
    copy, when given), in SQL, in one transaction. Returns the number of copies made."""
    rng = random.Random(11)
    ciphers = []
    for k in range(copies):
        lower = "".join(rng.sample(_LETTERS, len(_LETTERS)))
        ciphers.append({"k": k, "perm": lower + lower.upper()})
    alphabet = _LETTERS + _LETTERS.upper()
    con.execute("BEGIN TRANSACTION")
    con.execute("CREATE OR REPLACE TEMP TABLE ciphers AS SELECT * FROM (SELECT unnest(from_json(?::JSON, "
                "'[{\"k\": \"INTEGER\", \"perm\": \"VARCHAR\"}]'), recursive := true))", [json.dumps(ciphers)])
    con.execute(f"""CREATE OR REPLACE TEMP TABLE copies AS
        SELECT a.id AS old, c.k, substr(md5(a.id || ':' || c.k), 1, 16) AS new,
               'Outlet ' || lpad((c.k % {OUTLETS})::VARCHAR, 2, '0') AS outlet,
               strftime(DATE '2015-01-01' + INTERVAL (((c.k * 7919) + hash(a.id)) % 365) DAY, '%Y-%m-%d') AS published,
               translate(a.text, '{alphabet}', c.perm) AS text, translate(a.title, '{alphabet}', c.perm) AS title
        FROM articles a, ciphers c ORDER BY c.k, a.id LIMIT {limit if limit is not None else 'ALL'}""")
    con.execute("""
        INSERT INTO articles SELECT a.* REPLACE (
            c.new AS id, c.outlet AS outlet, c.published AS published, 'metadata' AS published_from,
            'https://replica.example/' || c.new AS url, c.title AS title, c.text AS text, NULL AS duplicate_of,
            json_merge_patch(a.record, json_object('id', c.new, 'outlet', c.outlet, 'published', c.published,
                                                   'published_from', 'metadata', 'title', c.title, 'text', c.text,
                                                   'url', 'https://replica.example/' || c.new)) AS record)
        FROM articles a JOIN copies c ON c.old = a.id""")
    con.execute("""
        INSERT INTO documents SELECT d.* REPLACE (
            (SELECT max(seq) FROM documents) + row_number() OVER (ORDER BY c.new) AS seq, 'replica:' || c.new AS origin,
            md5(c.new) AS content_hash, c.new AS article_id)
        FROM documents d JOIN copies c ON d.article_id = c.old AND d.status = 'ok'""")
    for table in (*PARTS, "mentions", "scorecards"):
        con.execute(f"INSERT INTO {table} SELECT t.* REPLACE (c.new AS article_id) FROM {table} t "
                    "JOIN copies c ON c.old = t.article_id")
    made = con.execute("SELECT count(*) FROM copies").fetchone()[0]
    con.execute("DROP TABLE copies")
    con.execute("DROP TABLE ciphers")
    con.execute("COMMIT")
    return made
