"""A small hostile corpus through `dateline analyze`: one round of every kind of entry that
benchmarks/hostile.py builds 1,000 of (encodings, junk, pathological HTML, broken containers, odd
names, odd files), with samples/ as the real pages. The batch finishes, and every entry has a row
in the store or is counted on stderr as skipped by the documented rule."""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import duckdb
import pytest

from dateline.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _hostile():
    spec = importlib.util.spec_from_file_location("hostile_bench", ROOT / "benchmarks" / "hostile.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    hostile = _hostile()
    work = tmp_path_factory.mktemp("hostile")
    entries = hostile.build(work / "hostile", hostile.sample_articles(), 0, small=True)
    db = work / "hostile.duckdb"
    cwd = os.getcwd()
    os.chdir(work)
    try:
        import contextlib
        import io

        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = main(["analyze", "hostile", "--db", str(db), "--format", "none"])
    finally:
        os.chdir(cwd)
    yield hostile, entries, db, code, err.getvalue()
    hostile.unlock(work)


def test_every_entry_has_a_row_or_is_counted_as_skipped(run):
    hostile, entries, db, code, err = run
    assert code in (0, 1)
    result = hostile.account(entries, "hostile", db, err)
    assert result["unaccounted"] == []
    assert result["hidden_reported"] == result["hidden_entries"] > 0
    kinds = {e.kind for e in entries}
    assert {"encoding", "junk", "pathological", "container", "odd name", "link loop", "named pipe"} <= kinds


def test_each_bound_and_odd_file_has_its_own_code(run):
    _, _, db, _, _ = run
    con = duckdb.connect(str(db), read_only=True)
    codes = dict(con.execute("SELECT regexp_extract(origin, '[^/]+$'), code FROM documents").fetchall())
    languages = dict(con.execute("SELECT regexp_extract(d.origin, '[^/]+$'), a.language FROM documents d "
                                 "JOIN articles a ON a.id = d.article_id").fetchall())
    con.close()
    assert codes["attributes.html"] == "E114" and codes["paragraphs.html"] == "E113"
    assert codes["short-lines.txt"] == "E115"
    assert codes["bomb.txt.gz"] == codes["over-limit.txt"] == "E103"
    assert codes["pipe.txt"] == codes["socket.txt"] == codes["zero.txt"] == "E119"
    assert codes["dangling.txt"] == codes["loop-a.txt"] == codes["up"] == "E108"
    assert codes["binary.jsonl:1"] == codes["text-lines.jsonl:1"] == "E120"
    assert codes["empty.jsonl"] == codes["blank-lines.jsonl"] == "E101"
    assert codes["random-high.txt"] == "E104" and codes["html-only.txt"] == "E105"
    assert codes["utf16le-nobom.txt"] is None and codes["utf16be-nobom.txt"] is None
    assert languages["he-utf-8.txt"] == "he" and languages["uk-utf-8.txt"] == "uk"
    assert codes["bad\\xff.txt"] is None and codes["back\\\\slash.txt"] is None  # stored, names escaped
