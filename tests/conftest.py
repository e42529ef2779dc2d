from __future__ import annotations

from pathlib import Path

import pytest

from dateline.evaluate import shared_eval_dir

ROOT = Path(__file__).resolve().parent.parent
_EVAL = shared_eval_dir()
SHARED = _EVAL.parent if _EVAL is not None else ROOT.parent / "shared"
SEED_TEXT = SHARED / "seed" / "000_c27362bdd3f20cca.txt"


@pytest.fixture
def seed_text() -> bytes:
    if not SEED_TEXT.exists():
        pytest.skip("the seed article (../shared/seed) is absent")
    return SEED_TEXT.read_bytes()


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "test.duckdb"


# The reader's tests (test_web*.py) share one store, analysed once a session: the seed where
# ../shared is present, samples written for dateline, and an article whose text, title, outlet and
# address carry markup and script that must come out of every page inert.
HOSTILE_TEXT = (
    'LONDON, March 3 (Reuters) - The minister said on Monday that "<script>window.__xss = 1</script> the talks '
    'would resume next week," according to a senior official who asked not to be named.\n\n'
    'A spokesman for the ministry said the <img src=x onerror="window.__xss = 2"> plan was final, and officials '
    'familiar with the matter said the </p><b>deal</b> would be signed in Geneva on Friday.\n')
HOSTILE_META = {"title": "<script>window.__xss = 3</script>Minister speaks",
                "outlet": '<img src=x onerror="window.__xss = 4">Gazette', "url": "javascript:window.__xss = 5"}


@pytest.fixture(scope="session")
def reader_store(tmp_path_factory) -> dict:
    """{"db": path, "seed": id or None, "sample": id of a sample with unnamed sources, "hostile": id}."""
    from dateline.pipeline import analyze_many
    from dateline.read import Offered, iter_offered
    from dateline.store import Store

    from dateline import corpus

    # two outlets' desks report the same talks and the same Senate vote: the corpus pages have stories
    paths = [str(ROOT / "samples" / "jsonl" / "wire-desk.jsonl"), str(ROOT / "samples" / "jsonl" / "regional-desk.jsonl"),
             str(ROOT / "samples" / "html" / "ceasefire-talks-cairo.html")]
    if SEED_TEXT.exists():
        paths.append(str(SEED_TEXT))
    offered = list(iter_offered(paths))
    offered.append(Offered("hostile.txt", HOSTILE_TEXT.encode(), "text", dict(HOSTILE_META)))
    db = tmp_path_factory.mktemp("reader") / "reader.duckdb"
    ids: dict = {"db": db, "seed": None}
    with Store(db) as store:
        for outcome in analyze_many(offered):
            assert outcome.error is None, (outcome.origin, outcome.error)
            store.add(outcome.origin, outcome.content_hash, outcome.size, outcome.record)
            name = outcome.origin
            if name == str(SEED_TEXT):
                ids["seed"] = outcome.record.id
            elif name.endswith("ceasefire-talks-cairo.html"):
                ids["sample"] = outcome.record.id
            elif name == "hostile.txt":
                ids["hostile"] = outcome.record.id
        corpus.update(store.con)  # as `dateline analyze` does at the end of a batch
    return ids
