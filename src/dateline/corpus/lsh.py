"""MinHash LSH (datasketch) with its index kept in the store, so the corpus step never rebuilds it.

datasketch's ``MinHash`` makes an item's signature and its ``MinHashLSH`` chooses the banding (``b``
bands of ``r`` rows) that best separates pairs above a Jaccard threshold from pairs below it. Each
band of a signature becomes one row ``(band, key, item)`` of its kind's table (``article_lsh``,
``claim_lsh``), ``key`` a 64-bit mix of the band's values; two items sharing a band key are
candidates, found by one join in DuckDB. Adding items costs their own rows; nothing already indexed is read again but the rows
their keys meet.
"""
from __future__ import annotations

import functools
import re
import unicodedata
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


def index(con, kind: str, sets: dict[str, set[str]], threshold: float,
          num_perm: int = NUM_PERM) -> set[tuple[str, str]]:
    """Add items (id -> set of strings) to the store's LSH index. Returns the candidate pairs they
    make: (item, earlier item) for each item, and each pair of the items themselves once, sorted.
    An item indexed again (its strings changed) keeps its earlier rows: they can only bring
    candidates that verification turns down, and deleting rows from a table of millions costs
    more than keeping them."""
    import numpy as np

    items = [item for item, s in sets.items() if s]
    if not items:
        return set()
    bands = _banding(threshold, num_perm)[0]
    tables.numbered(con, "lsh_items", items)
    con.register("lsh_source", {
        "band": np.tile(np.arange(bands, dtype=np.int16), len(items)),
        "key": np.concatenate([band_keys(sets[item], threshold, num_perm) for item in items]),
        "item": np.repeat(np.arange(len(items), dtype=np.int32), bands)})
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE lsh_new AS SELECT s.band, s.key, n.v AS item "
                    "FROM lsh_source s JOIN lsh_items n ON n.i = s.item")
    finally:
        con.unregister("lsh_source")
    pairs = {(a, b) for a, b in con.execute(
        f"SELECT DISTINCT q.item, o.item FROM lsh_new q JOIN {kind}_lsh o "
        "ON o.band = q.band AND o.key = q.key AND o.item <> q.item").fetchall()}
    pairs |= {(a, b) for a, b in con.execute(
        "SELECT DISTINCT p.item, q.item FROM lsh_new p JOIN lsh_new q "
        "ON p.band = q.band AND p.key = q.key AND p.item < q.item").fetchall()}
    con.execute(f"INSERT INTO {kind}_lsh SELECT band, key, item FROM lsh_new")
    return pairs
