"""MinHash LSH (datasketch) with its index kept in the store, so the corpus step never rebuilds it.

datasketch's ``MinHash`` makes an item's signature and its ``MinHashLSH`` chooses the banding (``b``
bands of ``r`` rows) that best separates pairs above a Jaccard threshold from pairs below it. Each
band of a signature becomes one row ``(band, key, item)`` of its kind's table (``article_lsh``,
``claim_lsh``), ``key`` a 64-bit mix of the band's values; two items sharing a band key are
candidates, found by one join in DuckDB. Adding items costs their own rows; nothing already indexed is read again but the rows
their keys meet. A batch's items meet one another by a join of their own rows, or in memory
(``Buckets``) where they must be taken one at a time.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from typing import Any, Iterable

from . import tables

NUM_PERM = 128
SEED = 1
_WORD = re.compile(r"\w+")


@functools.cache
def _combining() -> dict[int, None]:
    """Every combining mark, for ``str.translate`` to drop."""
    return {c: None for c in range(0x300, 0x2000) if unicodedata.combining(chr(c))} | \
           {c: None for c in range(0x20D0, 0x2100)} | {c: None for c in range(0xFE20, 0xFE30)}


def words(text: str) -> list[str]:
    """The words of a text, case and accents folded, so a copy's typography does not matter."""
    folded = (text or "").casefold()
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded).translate(_combining())
    return _WORD.findall(folded)


def shingles(tokens: list[str], n: int = 5) -> set[str]:
    """Word n-grams (one shorter gram for a text of fewer words)."""
    if len(tokens) <= n:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


@functools.cache
def _banding(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) that datasketch's MinHashLSH chooses for a threshold."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


@functools.cache
def _minhash(num_perm: int):
    """One datasketch MinHash, cleared for each signature: its permutations are drawn once, since
    drawing them for every signature costs more than the hashing."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=SEED)


def prepare(uses: Iterable[tuple[float, int]]) -> None:
    """Import datasketch (which imports scipy: about half a second, cold) and draw the permutations
    and bandings of these (threshold, num_perm) uses, so that the corpus step does not wait for them."""
    for threshold, num_perm in uses:
        _minhash(num_perm)
        _banding(threshold, num_perm)


def band_keys(items: set[str], threshold: float, num_perm: int = NUM_PERM):
    """The band keys (one signed 64-bit integer a band, as a numpy array) of the MinHash signature
    of a set of strings: each band's values mixed into one number."""
    import numpy as np

    m = _minhash(num_perm)
    m.clear()
    m.update_batch([s.encode("utf-8") for s in items])
    bands, rows = _banding(threshold, num_perm)
    values = m.hashvalues[:bands * rows].astype(np.uint64).reshape(bands, rows)
    key = np.full(bands, 0xcbf29ce484222325, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for column in values.T:  # FNV-style mixing, in unsigned 64-bit arithmetic that wraps
            key = (key ^ column) * np.uint64(0x100000001b3)
    return key.view(np.int64)


def signatures(sets: dict[str, set[str]], threshold: float, num_perm: int = NUM_PERM) -> dict[str, Any]:
    """The band keys of every item with strings (an item with none has no signature)."""
    return {item: band_keys(s, threshold, num_perm) for item, s in sets.items() if s}


def _band_rows(con, keys: dict[str, Any], query_only: set[str] = frozenset()) -> None:
    """The temporary table ``lsh_new(band, key, item, indexed)``: one row a band of each signature,
    ``indexed`` false for the items in ``query_only``."""
    import numpy as np

    items = list(keys)
    bands = len(next(iter(keys.values())))
    tables.numbered(con, "lsh_items", items)
    con.register("lsh_source", {
        "band": np.tile(np.arange(bands, dtype=np.int16), len(items)),
        "key": np.concatenate([keys[item] for item in items]),
        "item": np.repeat(np.arange(len(items), dtype=np.int32), bands),
        "indexed": np.repeat(np.array([item not in query_only for item in items], dtype=bool), bands)})
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE lsh_new AS SELECT s.band, s.key, n.v AS item, s.indexed "
                    "FROM lsh_source s JOIN lsh_items n ON n.i = s.item")
    finally:
        con.unregister("lsh_source")


def _stored_pairs(con, kind: str) -> list[tuple[str, str, int]]:
    """(item of ``lsh_new``, indexed item, bands shared) for every pair sharing a band key."""
    return con.execute(f"SELECT q.item, o.item, count(*) FROM lsh_new q JOIN {kind}_lsh o "
                       "ON o.band = q.band AND o.key = q.key AND o.item <> q.item GROUP BY ALL").fetchall()


def stored_candidates(con, kind: str, keys: dict[str, Any]) -> dict[str, dict[str, int]]:
    """The items of the store's index sharing a band key with each of these signatures: item ->
    {indexed item: bands shared}. An item never meets itself."""
    found: dict[str, dict[str, int]] = defaultdict(dict)
    if keys:
        _band_rows(con, keys)
        for a, b, shared in _stored_pairs(con, kind):
            found[a][b] = shared
    return found


def insert(con, kind: str, keys: dict[str, Any]) -> None:
    """Add these signatures to the store's index."""
    if keys:
        _band_rows(con, keys)
        con.execute(f"INSERT INTO {kind}_lsh SELECT band, key, item FROM lsh_new")


class Buckets:
    """The index of one batch's items, in memory, for a batch whose items are taken one at a time,
    each meeting the ones added before it and deciding whether it is added itself."""

    def __init__(self) -> None:
        self._items: dict[tuple[int, int], list[str]] = defaultdict(list)

    def hits(self, keys) -> Counter:
        """Items added so far sharing a band key with these: item -> bands shared."""
        found: Counter = Counter()
        for band, key in enumerate(keys.tolist()):
            found.update(self._items.get((band, key), ()))
        return found

    def add(self, item: str, keys) -> None:
        for band, key in enumerate(keys.tolist()):
            self._items[(band, key)].append(item)


def index(con, kind: str, sets: dict[str, set[str]], threshold: float, num_perm: int = NUM_PERM,
          query_only: Iterable[str] = ()) -> set[tuple[str, str]]:
    """Add items (id -> set of strings) to the store's LSH index. Returns the candidate pairs they
    make: (item, indexed item) for each item, each pair of the items indexed now once, and (item,
    item indexed now) for the others. Items in ``query_only`` (copies of an item indexed already,
    say) look for candidates but are not indexed: they meet no other such item and no later one,
    so a thousand copies of one text cost a thousand lookups, not half a million pairs. An item
    indexed again (its strings changed) keeps its earlier rows: they can only bring candidates
    that verification turns down, and deleting rows from a table of millions costs more than
    keeping them."""
    keys = signatures(sets, threshold, num_perm)
    if not keys:
        return set()
    _band_rows(con, keys, set(query_only))
    pairs = {(a, b) for a, b, _ in _stored_pairs(con, kind)}
    pairs |= set(con.execute(
        "SELECT DISTINCT p.item, q.item FROM lsh_new p JOIN lsh_new q ON p.band = q.band AND p.key = q.key "
        "AND q.indexed AND (p.item < q.item OR NOT p.indexed)").fetchall())
    con.execute(f"INSERT INTO {kind}_lsh SELECT band, key, item FROM lsh_new WHERE indexed")
    return pairs
