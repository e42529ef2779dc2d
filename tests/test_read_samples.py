"""Every sample in samples/ (HTML pages, pasted text, JSONL, WARC) is analysed with status ok,
with a title, a publication date and no chrome left in its body."""
from __future__ import annotations

from pathlib import Path

import duckdb

from dateline.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_every_sample_analyses_ok(db, capsys):
    assert main(["analyze", str(SAMPLES), "--db", str(db), "--format", "none"]) == 0
    capsys.readouterr()
    con = duckdb.connect(str(db), read_only=True)
    statuses = con.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall()
    articles = con.execute("SELECT title, published, published_from, language, text, dateline_text FROM articles").fetchall()
    forms = con.execute("SELECT DISTINCT regexp_extract(origin, 'samples/(\\w+)/', 1) FROM documents").fetchall()
    con.close()
    assert statuses == [("ok", len(articles))] and len(articles) >= 14
    assert {f for (f,) in forms} == {"html", "text", "jsonl", "warc"}
    for title, published, published_from, language, text, dateline_text in articles:
        assert title and language == "en"
        assert published and published_from in ("metadata", "dateline")
        assert dateline_text and dateline_text in text[:300]  # every sample opens with a dateline
        for chrome in ("Advertisement", "Share this", "Comments (", "cookies", "All rights reserved"):
            assert chrome not in text
