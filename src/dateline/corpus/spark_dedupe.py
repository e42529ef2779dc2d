"""Near-duplicates on Spark: the corpus step's ``dedupe`` over ``dateline spark`` output, with
``pyspark.ml.feature.MinHashLSH`` finding the candidates instead of datasketch.

Everything but the candidate search is ``dedupe``'s own: the same word 5-shingles
(``dedupe.article_shingles``), the same verification of every candidate on the two texts' shingle
sets (``dedupe.is_copy``), the same groups closed under the verified links and the same earliest
copy of each (``dedupe.copy_order`` and ``dedupe.earliest_copies``). So wherever both searches
offer every pair that verification accepts, both link exactly the same pairs.

The two searches differ in kind. datasketch's ``MinHashLSH`` (the local step) bands a 128-value
signature (37 bands of 3 at its threshold 0.3): a pair of Jaccard similarity J is a candidate with
probability 1 - (1 - J^3)^37 (0.64 at J = 0.3, 0.99 at J = 0.5). Spark's is OR-amplification
only: ``numHashTables`` single MinHash values, a pair sharing any one is a candidate, probability
1 - (1 - J)^T, and the candidates within a Jaccard distance are kept. (This step finds exactly
``approxSimilarityJoin``'s candidates, a join on (table, MinHash value) of the model's hashes, but
without its rows, which carry both vectors into a de-duplication that ran the driver out of memory.)
The least Jaccard a verified copy can have follows from ``dedupe``'s constants (containment 0.6 of
a text 0.3 of the other's length: 0.18 / 1.12 = 0.16), so the step keeps distances below
1 - 0.16 (plus a margin for the shingle hashing) and, with T = 64 tables, misses a verified pair
with probability below 1.5e-5 even at J = 0.16. Spark's step is therefore at least as complete as
the local one: the two agree on every pair of J >= 0.5 (syndicated and lightly edited copies,
which ``tests/test_spark.py`` checks against the exhaustive all-pairs answer); below it the local
step may miss a pair that Spark links.

Output, beside the store's tables, replaced whole after every run that finished an input::

    DIR/near_duplicates/articles/*.parquet  (id, duplicate_of, shingles): every article
    DIR/near_duplicates/links/*.parquet     the corpus table ``duplicate_links``: the verified pairs
    DIR/near_duplicates/inputs.json         the finished inputs it was computed over, the counts, seconds

``dateline attach`` reads ``articles.duplicate_of`` from it; the articles' own Parquet files are
never rewritten (an input's files are final once its manifest entry exists).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from pathlib import Path
from typing import Iterable, Iterator

from . import dedupe
from .groups import Groups

OUTPUT = "near_duplicates"
NUM_HASH_TABLES = 64
FEATURES = 1 << 30  # shingles hashed into this many vector indices (below MinHashLSH's prime)
SEED = 1
HASH_MARGIN = 0.02  # Jaccard distance allowed beyond the least verifiable, for hashed shingles


def min_jaccard() -> float:
    """The least Jaccard similarity of a pair ``dedupe.is_copy`` can accept."""
    c, r = dedupe.MIN_CONTAINMENT, dedupe.MIN_LENGTH_RATIO
    return c * r / (1 + r - c * r)


def current(folder: str | Path, inputs: Iterable[str]) -> bool:
    """Whether the near-duplicates in ``folder`` were computed over exactly these finished inputs."""
    stamp = Path(folder) / OUTPUT / "inputs.json"
    return stamp.exists() and json.loads(stamp.read_text("utf-8"))["inputs"] == sorted(inputs)


def _files(folder: Path) -> str:
    """The Parquet files of a table folder as a path Spark reads: Hadoop takes every path as a glob,
    so the folder's own glob characters (an output folder named ``run[1]``) are escaped."""
    return "".join("\\" + c if c in "\\{}[]*?" else c for c in str(folder)) + "/*.parquet"


def _index(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "little") % FEATURES


def _features(rows: Iterable) -> Iterator[tuple]:
    """(id, shingle count, sparse vector of its hashed shingles, or None when too short to compare)."""
    from pyspark.ml.linalg import Vectors

    for row in rows:
        shingles = dedupe.article_shingles(row.text)
        vector = indices = None
        if len(shingles) >= dedupe.MIN_SHINGLES:
            indices = sorted({_index(s) for s in shingles})
            vector = Vectors.sparse(FEATURES, indices, [1.0] * len(indices))
        yield row.id, len(shingles), vector, indices


def _verified(rows: Iterable) -> Iterator[tuple]:
    for row in rows:
        ok, containment, jaccard = dedupe.is_copy(dedupe.article_shingles(row.text_a), dedupe.article_shingles(row.text_b))
        if ok:
            yield row.a, row.b, round(containment, 4), round(jaccard, 4)


def run(spark, folder: str | Path, inputs: Iterable[str]) -> dict[str, int]:
    """Find the near-duplicates among every article in ``folder`` and write ``near_duplicates``.
    ``inputs``: the keys of the finished inputs (the stamp). Returns counts."""
    from pyspark.ml.feature import MinHashLSH
    from pyspark.ml.functions import vector_to_array
    from pyspark.ml.linalg import VectorUDT
    from pyspark.sql import functions as F
    from pyspark.sql.types import ArrayType, DoubleType, IntegerType, StringType, StructField, StructType

    started = time.perf_counter()
    root = Path(folder).resolve()
    articles = (spark.read.parquet(_files(root / "articles")).select("id", "text", "published")
                .dropDuplicates(["id"]))  # a copy across inputs is one article
    features = spark.createDataFrame(articles.rdd.mapPartitions(_features), StructType([
        StructField("id", StringType(), False), StructField("shingles", IntegerType(), False),
        StructField("features", VectorUDT(), True), StructField("indices", ArrayType(IntegerType()), True)])).cache()
    n_articles = features.count()  # the shingles are made once, here; the later steps read the cache
    compared = features.where(F.col("features").isNotNull())
    model = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=NUM_HASH_TABLES, seed=SEED).fit(compared)
    # approxSimilarityJoin's candidates (see above): a pair sharing a MinHash value in any one table,
    # kept if the Jaccard distance of its hashed shingle sets is below the bound
    buckets = (model.transform(compared).select("id", F.posexplode("hashes").alias("table", "hash"))
               .select("id", "table", vector_to_array("hash")[0].alias("bucket")))
    shared = (buckets.alias("x").join(buckets.alias("y"), ["table", "bucket"]).where(F.col("x.id") < F.col("y.id"))
              .select(F.col("x.id").alias("a"), F.col("y.id").alias("b")).distinct())
    sets = compared.select("id", "indices")
    similar = min_jaccard() - HASH_MARGIN  # the least Jaccard similarity kept
    candidates = (shared.join(sets.toDF("a", "set_a"), "a").join(sets.toDF("b", "set_b"), "b")
                  .where(F.size(F.array_intersect("set_a", "set_b")) > similar * F.size(F.array_union("set_a", "set_b")))
                  .select("a", "b"))
    texts = articles.select("id", "text")
    pairs = (candidates.join(texts.withColumnRenamed("id", "a").withColumnRenamed("text", "text_a"), "a")
             .join(texts.withColumnRenamed("id", "b").withColumnRenamed("text", "text_b"), "b"))
    links = sorted(pairs.rdd.mapPartitions(_verified).collect())

    groups = Groups()
    for a, b, *_ in links:
        groups.link(a, b)
    members = sorted({x for a, b, *_ in links for x in (a, b)})
    targets: dict[str, str | None] = {}
    if members:
        wanted = spark.createDataFrame([(m,) for m in members], "id string")
        seqs = (spark.read.parquet(_files(root / "documents")).where(F.col("article_id").isNotNull())
                .groupBy(F.col("article_id").alias("id")).agg(F.min("seq").alias("seq")))
        rows = articles.join(F.broadcast(wanted), "id").join(seqs, "id", "left").select("id", "published", "seq").collect()
        targets = dedupe.earliest_copies(groups, {r.id: dedupe.copy_order(r.id, r.published, r.seq) for r in rows})
    copies = [(m, t) for m, t in targets.items() if t is not None]

    stage = root / "_staging" / f"{OUTPUT}-{uuid.uuid4().hex[:12]}"
    duplicate_of = spark.createDataFrame(copies, "id string, duplicate_of string")
    (features.join(duplicate_of, "id", "left").select("id", "duplicate_of", "shingles")
     .write.parquet(str(stage / "articles")))
    spark.createDataFrame(links, StructType([
        StructField("article_id", StringType(), False), StructField("other_id", StringType(), False),
        StructField("containment", DoubleType(), False), StructField("jaccard", DoubleType(), False)]),
    ).coalesce(1).write.parquet(str(stage / "links"))
    features.unpersist()
    counts = {"articles": n_articles, "links": len(links), "copies": len(copies),
              "seconds": round(time.perf_counter() - started, 1)}
    (stage / "inputs.json").write_text(json.dumps({"inputs": sorted(inputs), **counts}), "utf-8")
    _swap(stage, root / OUTPUT)
    return counts


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` in the place of ``target`` (two renames: a reader may find no folder between them)."""
    old = new.with_name(new.name + "-old")
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)
