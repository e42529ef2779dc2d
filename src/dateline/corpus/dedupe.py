"""Near-duplicates: syndicated and lightly edited copies of one article.

An exact copy (the same normalised text) never gets this far: the store keeps it as a
``documents`` row with ``status = 'duplicate'``. A near copy (a wire story under another outlet's
headline and page furniture, its ends trimmed, a few words edited, paragraphs moved) is an article
of its own, since its outlet and URL matter; ``articles.duplicate_of`` holds the id of the earliest
copy of its group, and every count across articles takes the group once.

Candidates come from MinHash LSH over word 5-shingles (``lsh``); each is verified on the two texts'
shingle sets: the shorter text's shingles must mostly lie in the longer one (containment), and the
shorter must be a fair part of the longer (a brief quoted whole inside a long roundup is not a
copy of it). Two outlets' own reports of one event share quotes and names but few five-word runs
of their own prose, and stay apart. Groups are closed under the verified links; the earliest copy
is the one published first, then offered first.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict

from . import lsh, tables
from .groups import Groups

LSH_THRESHOLD = 0.3  # Jaccard at which datasketch's banding should find a pair
MIN_CONTAINMENT = 0.6  # share of the shorter text's shingles found in the longer
MIN_LENGTH_RATIO = 0.3  # shingles of the shorter text over those of the longer
MIN_SHINGLES = 10  # texts shorter than this are compared only as exact copies
TRIES = 3  # members of one group a new article is verified against at most
COVERED = 0.9  # share of a copy's shingles found in one it copies, beyond which a large group's copy is not indexed


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def article_shingles(text: str) -> set[str]:
    """The word shingles near-duplicates are found and verified by."""
    return lsh.shingles(lsh.words(text))


def copy_order(article_id: str, published, first_seq) -> tuple:
    """What makes a copy earlier: published first (a date), then offered first, then its id."""
    date = published if isinstance(published, str) and _DATE.match(published) else "9999"
    return date, first_seq if first_seq is not None else 1 << 62, article_id


def earliest_copies(groups: Groups, order: dict) -> dict:
    """``duplicate_of`` of every member of every group: None for the group's earliest copy (by
    ``order``, a ``copy_order`` key a member), the earliest copy's id for the others."""
    targets = {}
    for members in groups.members():
        first = min(members, key=order.__getitem__)
        targets.update({m: None if m == first else first for m in members})
    return targets


def similarity(a: set[str], b: set[str]) -> tuple[float, float]:
    """(containment of the smaller set in the larger, Jaccard)."""
    if not a or not b:
        return 0.0, 0.0
    common = len(a & b)
    return common / min(len(a), len(b)), common / len(a | b)


def is_copy(a: set[str], b: set[str]) -> tuple[bool, float, float]:
    small, large = sorted((len(a), len(b)))
    containment, jaccard = similarity(a, b)
    ok = (small >= MIN_SHINGLES and small / large >= MIN_LENGTH_RATIO and containment >= MIN_CONTAINMENT)
    return ok, containment, jaccard


def _texts(con, ids) -> dict[str, tuple[str, tuple, str]]:
    """id -> (text, ``copy_order`` key, earliest copy of its group: itself if none) of some articles."""
    tables.temp_ids(con, "dedupe_ids", ids)
    rows = con.execute("SELECT a.id, a.text, a.published, (SELECT min(d.seq) FROM documents d WHERE d.article_id = a.id), "
                       "coalesce(a.duplicate_of, a.id) FROM articles a JOIN dedupe_ids i ON i.v = a.id").fetchall()
    return {r[0]: (r[1], copy_order(r[0], r[2], r[3]), r[4]) for r in rows}


def add(con, article_ids: list[str]) -> tuple[dict[str, int], set[str]]:
    """Index new articles, link their near copies and set ``duplicate_of`` across every group they
    join. Returns (shingle count per new article, ids whose ``duplicate_of`` changed).

    The new articles are taken one at a time, earliest copy first. Each is verified against its
    candidates (indexed articles sharing a band key) group by group: against at most ``TRIES``
    members of a group, most bands shared first, so a story syndicated a thousand times costs a
    few comparisons a copy (a small group is compared whole, as ``spark_dedupe`` compares). A copy
    whose shingles lie almost all (``COVERED``) in one it copies, in a group that offered ``TRIES``
    candidates already, is not indexed: a later copy finds those."""
    new = _texts(con, article_ids)
    sets = {i: article_shingles(text) for i, (text, _, _) in new.items()}
    keys = lsh.signatures(sets, LSH_THRESHOLD)
    stored = lsh.stored_candidates(con, "article", keys)
    others = {b for found in stored.values() for b in found}
    groups = Groups()
    if others:
        for other, (text, _, root) in _texts(con, others).items():
            groups.link(other, root)
            sets[other] = article_shingles(text)
    batch, indexed, links = lsh.Buckets(), {}, []
    for item in sorted(keys, key=lambda i: new[i][1]):
        found = batch.hits(keys[item])
        found.update(stored.get(item, {}))
        by_group: dict = defaultdict(list)
        for other, shared in found.items():
            by_group[groups.of(other)].append((-shared, other))
        covered = False
        for candidates in by_group.values():
            for _, other in sorted(candidates)[:TRIES]:
                ok, containment, jaccard = is_copy(sets[item], sets[other])
                if ok:
                    links.append({"article_id": item, "other_id": other, "containment": round(containment, 4),
                                  "jaccard": round(jaccard, 4)})
                    groups.link(item, other)
                    covered = covered or (len(candidates) >= TRIES
                                          and len(sets[item] & sets[other]) >= COVERED * len(sets[item]))
        if not covered:
            batch.add(item, keys[item])
            indexed[item] = keys[item]
    lsh.insert(con, "article", indexed)
    tables.insert(con, "duplicate_links", links)
    counts = {i: len(sets[i]) for i in article_ids if i in new}
    return counts, _regroup(con, [(link["article_id"], link["other_id"]) for link in links])


def adopt(con, article_ids: list[str]) -> tuple[dict[str, int], set[str]]:
    """``add`` for Spark output read through ``dateline attach``, where the same step ran on Spark
    (``spark_dedupe``) and ``articles.duplicate_of`` comes with the output: take in the verified
    links and shingle counts of the new articles rather than search again. Returns as ``add`` does;
    the ids it names are every member of every group a new article is in (a superset of those whose
    ``duplicate_of`` changed: a new copy can only join groups, never split one)."""
    tables.temp_ids(con, "dedupe_ids", article_ids)
    counts = dict(con.execute(
        "SELECT n.id, n.shingles FROM spark_near_duplicates n JOIN dedupe_ids i ON i.v = n.id").fetchall())
    con.execute("INSERT INTO duplicate_links SELECT article_id, other_id, containment, jaccard FROM spark_duplicate_links "
                "WHERE article_id IN (SELECT v FROM dedupe_ids) OR other_id IN (SELECT v FROM dedupe_ids)")
    members = con.execute("""
        WITH a AS (SELECT id, coalesce(duplicate_of, id) AS root FROM articles),
             roots AS (SELECT DISTINCT a.root FROM a JOIN dedupe_ids i ON i.v = a.id),
             grouped AS (SELECT a.id, count(*) OVER (PARTITION BY a.root) AS size FROM a JOIN roots USING (root))
        SELECT id FROM grouped WHERE size > 1""").fetchall()
    return counts, {r[0] for r in members}


def _regroup(con, links: list[tuple[str, str]]) -> set[str]:
    """Merge the groups the new links touch and point each member at the group's earliest copy."""
    if not links:
        return set()
    touched = {x for pair in links for x in pair}
    tables.temp_ids(con, "dedupe_ids", touched)
    # Every member of every group a linked article is in, with what orders copies.
    rows = con.execute("""
        WITH roots AS (SELECT DISTINCT coalesce(a.duplicate_of, a.id) AS root
                       FROM articles a JOIN dedupe_ids i ON i.v = a.id)
        SELECT a.id, coalesce(a.duplicate_of, a.id) AS root, a.duplicate_of, a.published,
               (SELECT min(d.seq) FROM documents d WHERE d.article_id = a.id)
        FROM articles a JOIN roots r ON r.root = coalesce(a.duplicate_of, a.id)
    """).fetchall()
    groups = Groups(r[0] for r in rows)
    for article, root, *_ in rows:
        groups.link(article, root)
    for a, b in links:
        groups.link(a, b)
    order = {r[0]: copy_order(r[0], r[3], r[4]) for r in rows}
    before = {r[0]: r[2] for r in rows}
    updates = [(m, target) for m, target in earliest_copies(groups, order).items() if before[m] != target]
    if updates:
        con.execute("UPDATE articles SET duplicate_of = u.target FROM (SELECT unnest(from_json(?::JSON, "
                    "'[{\"id\": \"VARCHAR\", \"target\": \"VARCHAR\"}]'), recursive := true)) u "
                    "WHERE articles.id = u.id", [json.dumps([{"id": m, "target": t} for m, t in updates])])
    return {m for m, _ in updates}
