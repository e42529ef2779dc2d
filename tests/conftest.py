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
