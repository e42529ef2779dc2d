"""MinHash LSH (datasketch) with its index kept in the store, so the corpus step never rebuilds it.

datasketch's ``MinHash`` makes an item's signature and its ``MinHashLSH`` chooses the banding (``b``
bands of ``r`` rows) that best separates pairs above a Jaccard threshold from pairs below it. Each
band of a signature becomes one ``corpus_lsh`` row ``(kind, band, key, item)``, ``key`` a 64-bit
mix of the band's values; two items sharing a band key are candidates, found by one join in
DuckDB. Adding items costs their own rows; nothing already indexed is read again but the rows
their keys meet.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterable

from . import tables

NUM_PERM = 128
SEED = 1
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words of a text, case and accents folded, so a copy's typography does not matter."""
    folded = unicodedata.normalize("NFKD", text or "").casefold()
    return _WORD.findall("".join(c for c in folded if not unicodedata.combining(c)))


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
    """datasketch's MinHash class and its permutations, drawn once (drawing them for every
    signature costs more than the hashing)."""
    from datasketch import MinHash

    first = MinHash(num_perm=num_perm, seed=SEED)
    return MinHash, {"permutations": first.permutations, "scheme": first.scheme}


def band_keys(items: set[str], threshold: float, num_perm: int = NUM_PERM):
    """The band keys (one signed 64-bit integer a band, as a numpy array) of the MinHash signature
    of a set of strings: each band's values mixed into one number."""
    import numpy as np

    minhash, drawn = _minhash(num_perm)
    m = minhash(num_perm=num_perm, seed=SEED, **drawn)
    m.update_batch([s.encode("utf-8") for s in items])
    bands, rows = _banding(threshold, num_perm)
    values = m.hashvalues[:bands * rows].astype(np.uint64).reshape(bands, rows)
    key = np.full(bands, 0xcbf29ce484222325, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for column in values.T:  # FNV-style mixing, in unsigned 64-bit arithmetic that wraps
            key = (key ^ column) * np.uint64(0x100000001b3)
    return key.view(np.int64)


def index(con, kind: str, sets: dict[str, set[str]], threshold: float, num_perm: int = NUM_PERM) -> None:
    """Add items (id -> set of strings) to the store's LSH index."""
    import numpy as np

    items = [item for item, s in sets.items() if s]
    if not items:
        return
    keys = np.concatenate([band_keys(sets[item], threshold, num_perm) for item in items])
    bands = _banding(threshold, num_perm)[0]
    tables.insert_columns(con, "corpus_lsh", {
        "kind": np.full(len(keys), kind, dtype=object), "band": np.tile(np.arange(bands, dtype=np.int16), len(items)),
        "key": keys, "item": np.repeat(np.array(items, dtype=object), bands)})


def candidates(con, kind: str, items: Iterable[str]) -> set[tuple[str, str]]:
    """Pairs (item, other) of indexed items sharing a band key, for each of ``items``; a pair of two
    of ``items`` comes once, in sorted order."""
    mine = set(items)
    tables.temp_ids(con, "lsh_query", mine)
    rows = con.execute(
        "SELECT DISTINCT q.item, o.item FROM corpus_lsh q JOIN lsh_query n ON n.v = q.item "
        "JOIN corpus_lsh o ON o.kind = q.kind AND o.band = q.band AND o.key = q.key AND o.item <> q.item "
        "WHERE q.kind = ?", [kind]).fetchall()
    out = set()
    for a, b in rows:
        if b in mine:
            a, b = min(a, b), max(a, b)
        out.add((a, b))
    return out
