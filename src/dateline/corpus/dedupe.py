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

from . import lsh, tables
from .groups import Groups

LSH_THRESHOLD = 0.3  # Jaccard at which datasketch's banding should find a pair
MIN_CONTAINMENT = 0.6  # share of the shorter text's shingles found in the longer
MIN_LENGTH_RATIO = 0.3  # shingles of the shorter text over those of the longer
MIN_SHINGLES = 10  # texts shorter than this are compared only as exact copies


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


def _texts(con, ids) -> dict[str, str]:
    tables.temp_ids(con, "dedupe_ids", ids)
    return dict(con.execute("SELECT a.id, a.text FROM articles a JOIN dedupe_ids i ON i.v = a.id").fetchall())


def add(con, article_ids: list[str]) -> tuple[dict[str, int], set[str]]:
    """Index new articles, link their near copies and set ``duplicate_of`` across every group they
    join. Returns (shingle count per new article, ids whose ``duplicate_of`` changed)."""
    sets = {i: lsh.shingles(lsh.words(t)) for i, t in _texts(con, article_ids).items()}
    pairs = lsh.index(con, "article", sets, LSH_THRESHOLD)
    others = {b for _, b in pairs if b not in sets}
    if others:
        sets.update({i: lsh.shingles(lsh.words(t)) for i, t in _texts(con, others).items()})
    links = []
    for a, b in sorted(pairs):
        ok, containment, jaccard = is_copy(sets.get(a, set()), sets.get(b, set()))
        if ok:
            links.append({"article_id": a, "other_id": b, "containment": round(containment, 4),
                          "jaccard": round(jaccard, 4)})
    tables.insert(con, "duplicate_links", links)
    counts = {i: len(sets[i]) for i in article_ids if i in sets}
    return counts, _regroup(con, [(link["article_id"], link["other_id"]) for link in links])


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
        SELECT a.id, coalesce(a.duplicate_of, a.id) AS root, a.duplicate_of,
               CASE WHEN regexp_matches(a.published, '^\\d{4}-\\d{2}-\\d{2}') THEN a.published ELSE '9999' END,
               (SELECT min(d.seq) FROM documents d WHERE d.article_id = a.id)
        FROM articles a JOIN roots r ON r.root = coalesce(a.duplicate_of, a.id)
    """).fetchall()
    groups = Groups(r[0] for r in rows)
    for article, root, *_ in rows:
        groups.link(article, root)
    for a, b in links:
        groups.link(a, b)
    order = {r[0]: (r[3], r[4] if r[4] is not None else 1 << 62, r[0]) for r in rows}
    before = {r[0]: r[2] for r in rows}
    updates = []
    for members in groups.members():
        first = min(members, key=order.__getitem__)
        for m in members:
            target = None if m == first else first
            if before[m] != target:
                updates.append((m, target))
    for m, target in updates:
        con.execute("UPDATE articles SET duplicate_of = ? WHERE id = ?", [target, m])
    return {m for m, _ in updates}
