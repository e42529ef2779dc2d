"""MinHash LSH (datasketch) with its index kept in the store, so the corpus step never rebuilds it.

datasketch's ``MinHash`` makes an item's signature and its ``MinHashLSH`` chooses the banding (``b``
bands of ``r`` rows) that best separates pairs above a Jaccard threshold from pairs below it. Each
band of a signature becomes one ``corpus_lsh`` row ``(kind, band, key, item)``, ``key`` a 64-bit
hash of the band's values; two items sharing a band key are candidates, found by one join in
DuckDB. Adding items costs their own rows; nothing already indexed is read again but the rows
their keys meet.
"""
from __future__ import annotations

import functools
import hashlib
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
def _bands(threshold: float) -> tuple[tuple[int, int], ...]:
    from datasketch import MinHashLSH

    return tuple(MinHashLSH(threshold=threshold, num_perm=NUM_PERM).hashranges)


@functools.cache
def _minhash():
    """datasketch's MinHash class and its permutations, drawn once (drawing them for every
    signature costs more than the hashing)."""
    from datasketch import MinHash

    first = MinHash(num_perm=NUM_PERM, seed=SEED)
    return MinHash, {"permutations": first.permutations, "scheme": first.scheme}


def band_keys(items: set[str], threshold: float) -> list[tuple[int, int]]:
    """(band, key) pairs of the MinHash signature of a set of strings."""
    minhash, drawn = _minhash()
    m = minhash(num_perm=NUM_PERM, seed=SEED, **drawn)
    m.update_batch([s.encode("utf-8") for s in items])
    out = []
    for band, (start, end) in enumerate(_bands(threshold)):
        digest = hashlib.blake2b(m.hashvalues[start:end].tobytes(), digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "little", signed=True)))
    return out


def index(con, kind: str, sets: dict[str, set[str]], threshold: float) -> None:
    """Add items (id -> set of strings) to the store's LSH index."""
    tables.insert(con, "corpus_lsh", ({"kind": kind, "band": band, "key": key, "item": item}
                                      for item, s in sets.items() if s for band, key in band_keys(s, threshold)))


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
