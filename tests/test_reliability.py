"""Reliability through the CLI and a real DuckDB store: names that are not UTF-8, a query that tries
to write or read files, a re-run after a partial one, readers while a writer holds the store, and
the reading rules for odd files."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import duckdb
import pytest

from dateline.cli import main
from dateline.read import Offered, extract, iter_offered, origin_of, path_of_origin

GOOD = ("MADRID, Oct. 3 — Spain's government said on Thursday it would raise the minimum wage by 4 percent "
        "next year, after talks with unions.\n\n\"This is a fair deal,\" the labour minister told reporters.")


def _rows(db, sql="SELECT origin, status, code FROM documents ORDER BY seq"):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _articles(n: int, folder) -> None:
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"a{i}.txt").write_text(GOOD.replace("4 percent", f"{i + 2} percent"))


def test_a_name_that_is_not_utf8_is_stored_escaped_and_the_batch_goes_on(tmp_path, db, capsys):
    folder = os.fsencode(tmp_path / "d")
    os.mkdir(folder)
    for name in (b"bad\xff.txt", b"back\\slash.txt", b"z-after.txt"):
        with open(os.path.join(folder, name), "wb") as f:
            f.write(GOOD.encode())
    assert main(["analyze", os.fsdecode(folder), "--db", str(db), "--format", "none"]) == 0
    origins = [o for o, status, _ in _rows(db)]
    assert [o.rsplit("/", 1)[-1] for o in origins] == ["back\\\\slash.txt", "bad\\xff.txt", "z-after.txt"]
    assert [os.path.basename(path_of_origin(o)) for o in origins] == [b"back\\slash.txt", b"bad\xff.txt", b"z-after.txt"]
    assert origin_of(b"caf\xc3\xa9-\xe9") == "caf\u00e9-\\xe9"


READ_ONLY_REFUSED = [
    "COPY (SELECT 1) TO '{db}'", "COPY documents TO '{out}'", "EXPORT DATABASE '{dir}'",
    "SELECT * FROM read_text('/etc/passwd')", "SELECT * FROM read_csv('/etc/passwd')", "SELECT * FROM glob('/*')",
    "INSTALL httpfs", "LOAD httpfs", "ATTACH '{other}' AS o", "SET threads = 1", "PRAGMA threads = 1",
    "DROP TABLE articles", "DELETE FROM documents", "CREATE TEMP TABLE t AS SELECT 1", "CHECKPOINT",
    "CALL pragma_version()", "SELECT 1; DROP TABLE articles", "SET VARIABLE v = 1",
]


@pytest.mark.parametrize("sql", READ_ONLY_REFUSED)
def test_query_refuses_every_write_file_attach_install_or_set_and_the_store_survives(tmp_path, capsys, sql, stored):
    db, count = stored
    before = db.read_bytes()
    statement = sql.format(db=db, out=tmp_path / "out.csv", dir=tmp_path / "exported", other=tmp_path / "other.duckdb")
    assert main(["query", statement, "--db", str(db)]) == 3
    assert "E304" in capsys.readouterr().err
    assert db.read_bytes() == before
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "exported").exists()
    assert main(["query", "SELECT count(*) AS n FROM documents", "--db", str(db), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"n": count}]


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stored")
    _articles(2, folder / "in")
    db = folder / "store.duckdb"
    assert main(["analyze", str(folder / "in"), "--db", str(db), "--format", "none"]) == 0
    return db, 2


def test_query_reads_what_it_may(stored, capsys):
    db, _ = stored
    for sql in ("SHOW TABLES", "DESCRIBE documents", "FROM documents SELECT status", "WITH x AS (SELECT 1) SELECT * FROM x"):
        assert main(["query", sql, "--db", str(db), "--format", "json"]) == 0, sql
    capsys.readouterr()


def test_export_takes_its_folder_as_a_parameter(stored, tmp_path, capsys):
    db, count = stored
    folder = tmp_path / "x' (FORMAT parquet); DROP TABLE scorecards; --"
    assert main(["export", str(folder), "--db", str(db)]) == 0
    capsys.readouterr()
    exported = duckdb.execute("SELECT count(*) FROM read_parquet(?)", [str(folder / "scorecards.parquet")]).fetchall()
    assert exported == _rows(db, "SELECT count(*) FROM scorecards") == [(count,)]


def test_a_rerun_skips_what_is_done_analyses_what_changed_and_force_does_all(tmp_path, db, capsys):
    _articles(3, tmp_path / "in")
    assert main(["analyze", str(tmp_path / "in"), "--db", str(db), "--format", "none"]) == 0
    capsys.readouterr()
    (tmp_path / "in" / "a1.txt").write_text(GOOD.replace("Thursday", "Friday"))
    (tmp_path / "in" / "empty.txt").write_text("")
    assert main(["analyze", str(tmp_path / "in"), "--db", str(db), "--format", "none"]) == 1
    assert "skipped 2 document(s) already in" in capsys.readouterr().err
    assert main(["analyze", str(tmp_path / "in"), "--db", str(db), "--format", "none"]) == 0  # E101 is final
    assert "skipped 4 document(s)" in capsys.readouterr().err
    rows = _rows(db)
    assert [(o.rsplit("/", 1)[-1], s) for o, s, _ in rows] == [
        ("a0.txt", "ok"), ("a1.txt", "ok"), ("a2.txt", "ok"), ("a1.txt", "ok"), ("empty.txt", "error")]
    assert main(["analyze", str(tmp_path / "in"), "--db", str(db), "--format", "none", "--force"]) == 1
    assert len(_rows(db)) == 9 and _rows(db, "SELECT count(*) FROM articles") == [(4,)]


HOLD = """
import sys, time
from dateline.store import Store
s = Store(sys.argv[1])
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
s.close()
"""


def _holder(db, seconds):
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def test_readers_wait_for_a_writer_and_a_second_writer_is_refused(stored, capsys):
    db, count = stored
    holder = _holder(db, 2)
    try:
        assert main(["analyze", "-", "--db", str(db)]) == 3
        assert "E302" in capsys.readouterr().err
        started = time.monotonic()
        assert main(["query", "SELECT count(*) AS n FROM documents", "--db", str(db), "--format", "json"]) == 0
        waited = time.monotonic() - started
    finally:
        holder.wait(30)
    out = capsys.readouterr()
    assert json.loads(out.out) == [{"n": count}]
    assert "waiting" in out.err and waited > 0.5


def test_odd_files_each_get_a_row(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "ok.txt").write_text(GOOD)
    os.symlink("missing.txt", d / "dangling.txt")
    os.symlink("loop-b.txt", d / "loop-a.txt")
    os.symlink("loop-a.txt", d / "loop-b.txt")
    os.symlink("/dev/zero", d / "zero.txt")
    os.mkfifo(d / "pipe.txt")
    os.symlink("..", d / "up")
    (d / ".hidden.txt").write_text(GOOD)
    (d / ".git").mkdir()
    (d / ".git" / "x.txt").write_text(GOOD)
    (d / "empty.jsonl").write_bytes(b"")
    (d / "blank.jsonl").write_bytes(b"\n  \n\n")
    (d / "binary.jsonl").write_bytes(bytes(range(256)) * 50)
    from collections import Counter

    skipped = Counter()
    got = {o.origin.rsplit("/", 1)[-1]: o.error.code if o.error else None
           for o in iter_offered([str(d)], skipped=skipped)}
    assert got == {"binary.jsonl:1": "E120", "blank.jsonl": "E101", "dangling.txt": "E108", "empty.jsonl": "E101",
                   "loop-a.txt": "E108", "loop-b.txt": "E108", "ok.txt": None, "pipe.txt": "E119", "up": "E108",
                   "zero.txt": "E119"}
    assert skipped == Counter({"hidden file": 1, "hidden folder": 1})
    (named,) = iter_offered([str(d / ".hidden.txt")])  # a hidden file named itself is read
    assert named.error is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their permissions")
def test_an_unreadable_folder_gets_a_row(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(GOOD)
    locked.chmod(0)
    try:
        (only,) = iter_offered([str(tmp_path)])
    finally:
        locked.chmod(0o755)
    assert only.error.code == "E108" and "cannot be listed" in str(only.error)


@pytest.mark.parametrize("data,code", [
    ("<html><body><div " + " ".join(f'a{i}="v"' for i in range(1_500)) + "><p>Text.</p></div></body></html>", "E114"),
    ("<html><body>" + "<span>x</span>" * 31_000 + "</body></html>", "E113"),
    ("\n".join(f"Line {i} of a list." for i in range(5_200)), "E115"),
    ("<html><body><p>" + "&amp;&lt;&#x1F600;&nbsp;" * 500 + "</p></body></html>", "E105"),  # no letters: no prose
    ('"\u201c\u201d!?.,;:-' * 400, "E105"),
    ("<html></html>", "E105"),
])
def test_bounds_and_pages_under_text_names(data, code):
    with pytest.raises(Exception) as caught:
        extract(Offered("x.txt", data.encode(), "text"))
    assert caught.value.code == code


def test_a_page_of_more_paragraphs_than_an_article_is_refused_before_extraction():
    with pytest.raises(Exception) as caught:
        extract(Offered("x.html", ("<html><body>" + "<p>A short paragraph.</p>" * 5_200 + "</body></html>").encode(), "html"))
    assert caught.value.code == "E115" and "the page has 5,200 paragraphs" in str(caught.value)


def test_utf16_without_bom_random_bytes_and_languages():
    text = "GENEVA, June 3 — Delegates called the talks constructive on Tuesday, officials said. " * 3
    for encoding in ("utf-16-le", "utf-16-be"):
        assert extract(Offered("x.txt", text.encode(encoding), "text")).text.startswith("GENEVA")
    import random

    rng = random.Random(5)
    noise = bytes(rng.randrange(128, 256) for _ in range(5000))
    with pytest.raises(Exception) as caught:
        extract(Offered("x.txt", noise, "text"))
    assert caught.value.code == "E104"


def test_control_characters_count_only_in_the_first_200000_characters_of_utf8_text():
    """The UTF-8 bytes bound the count; past the first 200,000 characters controls do not count."""
    from dateline.errors import InputError
    from dateline.read.decode import decode

    prose = "Talks resumed in Cairo on Tuesday, officials said. " * 4_000
    text, _ = decode((prose + "\x01" * 5_000).encode("utf-8"))
    assert text.endswith("\x01") and len(prose) > 200_000
    with pytest.raises(InputError) as caught:
        decode((prose[:100_000] + "\x01" * 5_000 + prose).encode("utf-8"))  # past the first bytes' check
    assert caught.value.code == "E102" and "5,000 control characters" in str(caught.value)
