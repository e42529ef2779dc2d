"""The corpus: what no single article can say, made from the stored records of many.

A layer above the store: it reads the records' tables and writes its own (``tables``), never
parses text again, and owns every view across articles (``views``). ``update(con)`` is the corpus
step; ``dateline analyze`` runs it at the end of every batch. It is incremental: it takes in only
the articles it has not seen, and touches only what they change:

1. ``dedupe``: near-duplicates by MinHash LSH over word shingles (the index lives in the store);
   ``articles.duplicate_of`` names the earliest copy of each group. On Spark output read through
   ``dateline attach`` the same step has run on Spark (``spark_dedupe``) and is taken in as it is.
2. ``resolve``: each article entity linked to a corpus entity (aliases, titles,
   transliterations); ambiguous one-word names chosen again when a batch brings candidates.
3. ``corroborate``: event and claim stories with their articles, outlets, independent outlets
   and whether all their support is anonymous; only the event groups and claim stories the batch
   touches are rebuilt.

All of it runs in one transaction: a failure leaves the corpus as it was, and the next batch takes
the same articles in again.
"""
from __future__ import annotations

import datetime as dt

from . import corroborate, dedupe, lsh, resolve, tables


def prepare() -> None:
    """Load what the corpus step needs once a process (datasketch, its permutations and bandings).
    ``dateline analyze`` runs it in a background thread while its workers analyse the batch."""
    lsh.prepare([(dedupe.LSH_THRESHOLD, lsh.NUM_PERM),
                 (corroborate.CLAIM_LSH_THRESHOLD, corroborate.CLAIM_NUM_PERM)])


def update(con) -> dict[str, int]:
    """Take the articles the corpus has not seen into it. Returns counts of what was done."""
    tables.create(con)
    new = [r[0] for r in con.execute(
        "SELECT a.id FROM articles a ANTI JOIN corpus_articles c ON c.article_id = a.id ORDER BY a.id").fetchall()]
    if not new:
        return {"articles": 0}
    con.execute("BEGIN TRANSACTION")
    try:
        # Spark output through `dateline attach`: its near-duplicates were found on Spark already
        shingles, copies = (dedupe.adopt if tables.is_view(con, "articles") else dedupe.add)(con, new)
        moved, shifted = resolve.add(con, new)
        counts = corroborate.add(con, new, moved, shifted, copies)
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        tables.insert(con, "corpus_articles", ({"article_id": a, "shingles": shingles.get(a, 0), "added_at": now}
                                               for a in new))
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return {"articles": len(new), "near_duplicates_changed": len(copies),
            "entity_links_moved": len(moved), **counts}
