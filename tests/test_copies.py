"""Exact copies are recognised by the text they decode to, before annotating: the same article
saved as UTF-16 with a BOM, as Windows-1252 or with CRLF line endings is one article, stored once,
each other copy a ``duplicate`` row that points at it, in one batch, across batches and with
several workers."""
from __future__ import annotations

import duckdb
import pytest

from dateline.cli import main
from dateline.pipeline import analyze_batch, analyze_many
from dateline.read import Offered, extract
from dateline.record import article_id
from dateline.workers import Limits

ARTICLE = ("MADRID, Oct. 3 — Spain's government said on Thursday it would raise the minimum wage by 4 percent "
           "next year, after talks with unions in the café of the ministry.\n\n"
           "“This is a fair deal,” the labour minister told reporters.\n\n"
           "Employers’ groups said the rise would cost jobs in the regions.\n")
OTHER = ("LISBON, Oct. 3 — Portugal's parliament approved the budget on Thursday after a long debate, "
         "officials said.\n")

# The same article as a user may hold it: other encodings, a byte-order mark, Windows line endings.
COPIES = {
    "b-utf16-bom.txt": ARTICLE.encode("utf-16"),
    "c-cp1252.txt": ARTICLE.encode("cp1252"),
    "d-crlf.txt": ARTICLE.replace("\n", "\r\n").encode(),
    "e-utf8-bom.txt": b"\xef\xbb\xbf" + ARTICLE.encode(),
}


def _rows(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        docs = con.execute("SELECT regexp_extract(origin, '[^/]+$'), status, article_id FROM documents ORDER BY seq").fetchall()
        return docs, con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def _folder(path, names):
    path.mkdir()
    for name in names:
        (path / name).write_bytes(COPIES[name])
    return path


@pytest.mark.parametrize("workers", ["1", "2"])
def test_copies_in_one_batch_are_duplicates_of_the_first(tmp_path, db, capsys, workers):
    folder = _folder(tmp_path / "in", COPIES)
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "z-other.txt").write_text(OTHER)
    assert main(["analyze", str(folder), "--db", str(db), "--format", "none", "--workers", workers,
                 "--batch-size", "2"]) == 0
    assert "4 document(s) held the text of an article analysed before" in capsys.readouterr().err
    docs, articles = _rows(db)
    first = docs[0][2]
    assert docs[0][:2] == ("a.txt", "ok") and first is not None
    assert [(name, status, article) for name, status, article in docs[1:5]] == \
        [(name, "duplicate", first) for name in sorted(COPIES)]
    assert docs[5][1] == "ok" and docs[5][2] != first
    assert articles == 2


@pytest.mark.parametrize("workers", ["0", "2"])
def test_a_copy_of_a_stored_article_is_a_duplicate_on_the_next_run(tmp_path, db, capsys, workers):
    original = tmp_path / "a.txt"
    original.write_text(ARTICLE)
    assert main(["analyze", str(original), "--db", str(db), "--format", "none"]) == 0
    folder = _folder(tmp_path / "later", COPIES)
    capsys.readouterr()
    assert main(["analyze", str(folder), "--db", str(db), "--format", "json", "--workers", workers]) == 0
    out = capsys.readouterr()
    assert out.out.strip() == "[]"  # no article is new
    assert "stored as duplicates of it" in out.err
    docs, articles = _rows(db)
    assert [status for _, status, _ in docs] == ["ok"] + ["duplicate"] * len(COPIES)
    assert {article for _, _, article in docs} == {docs[0][2]} and articles == 1


def test_a_copy_is_read_but_never_parsed_or_annotated():
    batch = [Offered("a.txt", ARTICLE.encode(), "text"), Offered("other.txt", OTHER.encode(), "text")] + \
        [Offered(name, data, "text") for name, data in COPIES.items()]
    stages: list[tuple[str, list[int]]] = []
    seen: set[str] = set()
    done = dict(analyze_batch(batch, None, 10**7, lambda stage, indices, size: stages.append((stage, indices)), seen))
    first = done[0].record.id
    assert [done[i].duplicate_of for i in range(2, len(batch))] == [first] * len(COPIES)
    assert all(done[i].record is None and done[i].error is None for i in range(2, len(batch)))
    parsed = {i for stage, indices in stages if stage in ("parse", "annotate") for i in indices}
    assert parsed == {0, 1} and seen == {first, done[1].record.id}


def test_a_watched_worker_skips_a_copy_of_a_known_article():
    # Parsing this text takes seconds, far over a half-second budget: only a copy recognised before
    # parsing finishes in time.
    text = "\n\n".join(f"{ARTICLE.strip()} Paragraph {i}." for i in range(450))
    known = article_id(extract(Offered("x.txt", text.encode(), "text")).text)
    copy = Offered("copy.txt", text.replace("\n", "\r\n").encode("utf-16"), "text")
    (outcome,) = analyze_many([copy], workers=1, limits=Limits(seconds=0.5), skip_copies=True, known=[known])
    assert outcome.error is None and outcome.duplicate_of == known and outcome.record is None
    (outcome,) = analyze_many([copy], workers=1, limits=Limits(seconds=0.5))
    assert outcome.error is not None and outcome.error.code == "E116"


def test_without_skip_copies_every_document_gets_its_record():
    outcomes = list(analyze_many([Offered("a.txt", ARTICLE.encode(), "text"),
                                  Offered("b.txt", COPIES["c-cp1252.txt"], "text")]))
    assert outcomes[0].record.id == outcomes[1].record.id and outcomes[1].duplicate_of is None
