from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = (ROOT.parent / "shared").resolve()
SEED_TEXT = SHARED / "seed" / "000_c27362bdd3f20cca.txt"


@pytest.fixture
def seed_text() -> bytes:
    if not SEED_TEXT.exists():
        pytest.skip("the seed article (../shared/seed) is absent")
    return SEED_TEXT.read_bytes()


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "test.duckdb"
