"""`dateline spark` and `dateline attach` on local[2], over small WARCs built here from samples/.

One SparkSession for the module (starting one takes 15 s or more). The Spark output, read through
`attach`, must equal the CLI's store over the same WARCs row for row, bad records included; a run
killed with SIGKILL midway and run again must lose nothing and double nothing.
"""
from __future__ import annotations

import os
import shutil
import functools
import gzip
import http.server
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from dateline import cli, spark
from dateline.errors import EngineError, UsageError
from dateline.store import Store, record_rows, schema
from test_read_containers import build_warc
from test_record import full_record

ROOT = Path(__file__).resolve().parent.parent
JAVA = shutil.which("java") or os.environ.get("JAVA_HOME")
pytestmark = pytest.mark.skipif(not JAVA, reason="Java is not installed: the Spark tests need Java 17 "
                                                 "(apt-get install openjdk-17-jre-headless, or set JAVA_HOME)")
TIMESTAMPS = {"offered_at", "analyzed_at"}
HTML = sorted((ROOT / "samples" / "html").glob("*.html"))
TEXT = sorted((ROOT / "samples" / "text").glob("*.txt"))


def _page(path: Path) -> tuple[str, str, bytes]:
    kind = "text/html; charset=utf-8" if path.suffix == ".html" else "text/plain; charset=utf-8"
    return f"https://samples.example/{path.stem}", kind, path.read_bytes()


@pytest.fixture(scope="module")
def session():
    s = spark.session("local[2]")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def warcs(tmp_path_factory) -> list[Path]:
    """Three inputs: a gzipped WARC with a picture and a second copy of a page; an uncompressed one
    with a page already in the first (a copy across inputs) that is cut off inside its last record;
    and the CC-NEWS-shaped sample."""
    folder = tmp_path_factory.mktemp("warcs")
    first = folder / "first.warc.gz"
    first.write_bytes(build_warc([*map(_page, HTML[:3]), ("https://samples.example/logo.png", "image/png",
                                  b"\x89PNG\r\n\x1a\n" + bytes(200)), _page(HTML[0]), _page(TEXT[0])], compress=True))
    second = folder / "second.warc"
    data = build_warc([_page(TEXT[1]), _page(HTML[1]), _page(HTML[3]), _page(TEXT[2])], compress=False)
    second.write_bytes(data[:-900])
    return [first, second, ROOT / "samples" / "warc" / "cc-news-sample.warc.gz"]


@pytest.fixture(scope="module")
def cli_db(warcs, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "cli.duckdb"
    assert cli.main(["analyze", *map(str, warcs), "--db", str(db), "--format", "none"]) == 1  # the bad records
    return db


@pytest.fixture(scope="module")
def spark_out(session, warcs, tmp_path_factory) -> tuple[Path, Path, spark.RunSummary]:
    folder = tmp_path_factory.mktemp("spark")
    summary = spark.run(list(map(str, warcs)), folder / "out", spark=session)
    db = folder / "attached.duckdb"
    spark.attach(folder / "out", db)
    return folder / "out", db, summary


def _rows(db: Path, table: str) -> list[tuple]:
    with Store(db, read_only=True) as store:
        columns, _ = store.query(f"SELECT * FROM {table} LIMIT 0")
        kept = ", ".join(f'"{c}"' for c in columns if c not in TIMESTAMPS)
        return store.query(f"SELECT {kept} FROM {table} ORDER BY ALL")[1]


def test_spark_output_equals_the_cli_record_for_record(cli_db, spark_out):
    _, attached, summary = spark_out
    assert summary.inputs == 3 and len(summary.finished) == 3 and summary.skipped == 0
    for table in spark.table_names():
        cli_rows, spark_rows = _rows(cli_db, table), _rows(attached, table)
        assert spark_rows == cli_rows, table
        assert cli_rows, table


def test_bad_records_and_copies_get_their_documents_rows_as_on_the_cli(spark_out):
    _, attached, summary = spark_out
    with Store(attached, read_only=True) as store:
        rows = store.query("SELECT origin, status, code FROM documents ORDER BY seq")[1]
    by_origin = {origin.split(" ")[0].rsplit("/", 1)[-1]: (status, code) for origin, status, code in rows}
    assert by_origin["first.warc.gz#4"] == ("error", "E110")  # image/png: not an article
    assert by_origin["first.warc.gz#5"] == ("duplicate", None)  # the same page again in the same input
    assert by_origin["second.warc#2"] == ("duplicate", None)  # a page the first input offered already
    assert by_origin["second.warc#4"] == ("error", "E106")  # cut off: the archive is truncated
    assert [s for s, _ in by_origin.values()].count("ok") == 9
    assert summary.count("error") == 2 and summary.count("duplicate") == 1  # the cross-input copy is resolved on reading


def test_parquet_tables_have_exactly_the_store_schema(cli_db, spark_out):
    out, _, _ = spark_out
    con = duckdb.connect(str(cli_db), read_only=True)
    for table in spark.table_names():
        store_columns = con.execute(f"DESCRIBE {table}").fetchall()
        parquet_columns = duckdb.sql(f"DESCRIBE SELECT * FROM '{out}/{table}/*.parquet'").fetchall()
        assert [c[:2] for c in parquet_columns] == [c[:2] for c in store_columns], table
        assert len(list((out / table).glob("*.parquet"))) == 3, table
    con.close()
    assert not list((out / spark.STAGING).iterdir())


def test_attach_serves_the_store_commands_and_nothing_outside_its_folder(spark_out, capsys):
    _, attached, _ = spark_out
    with Store(attached, read_only=True) as store:
        article = store.query("SELECT id, title FROM articles WHERE title LIKE 'Argentina%'")[1][0]
    capsys.readouterr()
    assert cli.main(["show", article[0][:10], "--db", str(attached)]) == 0
    assert article[1] in capsys.readouterr().out
    assert cli.main(["list", "--db", str(attached), "--format", "csv"]) == 0
    assert capsys.readouterr().out.count("\n") == 1 + 9
    assert cli.main(["outlets", "--db", str(attached), "--format", "csv"]) == 0
    assert "Harbour Times" in capsys.readouterr().out
    assert cli.main(["query", "SELECT count(*) FROM read_text('/etc/hostname')", "--db", str(attached)]) == 3
    assert "disabled by configuration" in capsys.readouterr().err


def test_the_reader_serves_spark_output_through_attach(spark_out):
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    _, attached, _ = spark_out
    app = create_app(attached)
    try:
        client = TestClient(app)
        index = client.get("/.json")
        assert index.status_code == 200
        titles = [a["title"] for a in index.json()["articles"]]
        assert len(titles) == 9 and any(t.startswith("Argentina reaches") for t in titles)
        with Store(attached, read_only=True) as store:
            article_id = store.query("SELECT id FROM articles WHERE title LIKE 'Argentina%'")[1][0][0]
        page = client.get(f"/articles/{article_id}")
        assert page.status_code == 200 and "Argentina reaches" in page.text
        assert client.get(f"/articles/{article_id}.json").json()["article"]["id"] == article_id
    finally:
        app.state.reader.close()


def test_attach_reads_a_folder_whose_name_holds_glob_characters(spark_out, tmp_path, capsys):
    """A folder named ``run[1] *?`` is itself, not a pattern: a sibling ``run1 xy`` that the name
    would match as a glob (here holding one input fewer) is not read."""
    out, attached, _ = spark_out
    odd, decoy = tmp_path / "run[1] *?", tmp_path / "run1 xy"
    shutil.copytree(out, odd)
    shutil.copytree(out, decoy)
    key = sorted(spark.finished(out))[0]
    for table in spark.table_names():
        (decoy / table / f"{key}.parquet").unlink()
    counts = spark.attach(odd, tmp_path / "odd.duckdb")
    with Store(attached, read_only=True) as store:
        assert counts == {t: store.query(f"SELECT count(*) FROM {t}")[1][0][0] for t in spark.table_names()}
    capsys.readouterr()
    assert cli.main(["list", "--db", str(tmp_path / "odd.duckdb"), "--format", "csv"]) == 0
    assert capsys.readouterr().out.count("\n") == 1 + 9
    assert spark.expand_inputs([str(odd / spark.MANIFEST / f"{key}.json")]) == [
        (str(odd / spark.MANIFEST / f"{key}.json"), str(odd / spark.MANIFEST / f"{key}.json"))]  # a path, not a glob


def test_attach_refuses_a_store_with_tables_of_its_own(spark_out, cli_db, tmp_path):
    out, _, _ = spark_out
    db = tmp_path / "store.duckdb"
    shutil.copy(cli_db, db)
    with pytest.raises(EngineError) as exc:
        spark.attach(out, db)
    assert exc.value.code == "E505"
    with pytest.raises(EngineError) as exc:
        spark.attach(tmp_path, tmp_path / "new.duckdb")
    assert exc.value.code == "E504"


def test_a_second_run_skips_finished_inputs_and_a_new_copy_adds_no_article(session, spark_out, warcs, tmp_path):
    out, attached, _ = spark_out
    again = spark.run(list(map(str, warcs)), out, spark=session)
    assert (again.inputs, again.skipped, again.finished) == (3, 3, [])
    copy = tmp_path / "copy.warc.gz"
    copy.write_bytes(build_warc([_page(HTML[2]), _page(TEXT[3])], compress=True))
    with Store(attached, read_only=True) as store:
        before = store.query("SELECT count(*) FROM articles")[1][0][0]
    third = spark.run([*map(str, warcs), str(copy)], out, spark=session)
    assert (third.inputs, third.skipped, len(third.finished)) == (4, 3, 1)
    with Store(attached, read_only=True) as store:
        statuses = dict(store.query("SELECT status, count(*) FROM documents WHERE origin LIKE '%copy.warc.gz%' GROUP BY 1")[1])
        after = store.query("SELECT count(*), count(DISTINCT id) FROM articles")[1][0]
    assert statuses == {"duplicate": 1, "ok": 1}
    assert after == (before + 1, before + 1)


def test_an_article_that_cannot_be_staged_is_kept_as_an_error_row_and_the_batch_goes_on(tmp_path):
    db = tmp_path / "stage.duckdb"
    columns = ", ".join(f'"{c}" {t}' for c, t in schema()["timexes"].items())
    con = duckdb.connect(str(db))
    con.execute(f"CREATE TABLE timexes ({columns}, CHECK (start >= 0))")
    con.close()
    good, bad = full_record(), full_record()
    bad.text, bad.id = bad.text + " More.", "bad"
    bad.timexes[0].start = -1
    now = __import__("datetime").datetime(2025, 1, 1)
    batch = [{"documents": [{"seq": n, "origin": r.id, "status": "ok", "article_id": r.id, "offered_at": now}],
              **record_rows(r, now)} for n, r in enumerate((bad, good), 1)]
    with Store(db) as staging:
        spark._StagingWriter(staging.con).write(batch)
        documents = staging.query("SELECT origin, status, code FROM documents ORDER BY seq")[1]
        articles = staging.query("SELECT id FROM articles")[1]
    assert documents == [("bad", "error", "E303"), (good.id, "ok", None)]
    assert articles == [(good.id,)]


def test_inputs_from_globs_folders_and_a_paths_list(warcs, tmp_path):
    listing = tmp_path / "warc.paths"
    listing.write_text(f"# a list as CC-NEWS publishes\n{warcs[0].name}\n{warcs[1].name}\n")
    found = spark.expand_inputs([str(listing)], input_base=str(warcs[0].parent))
    assert found == [(warcs[0].name, str(warcs[0])), (warcs[1].name, str(warcs[1]))]
    assert [loc for _, loc in spark.expand_inputs([str(warcs[1]), str(warcs[0].parent / "*.warc*"), str(warcs[0].parent)])] \
        == [str(warcs[1]), str(warcs[0])]  # in the order given; a file named twice is one input
    with pytest.raises(UsageError):
        spark.expand_inputs([str(tmp_path / "missing.warc.gz")])
    assert cli.main(["spark", str(tmp_path / "missing.warc.gz"), "--output", str(tmp_path / "o")]) == 2


def test_a_paths_list_of_urls_is_downloaded_by_the_workers(session, warcs, tmp_path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(warcs[0].parent)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        listing = tmp_path / "warc.paths.gz"
        listing.write_bytes(gzip.compress(f"{warcs[0].name}\n".encode()))
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        summary = spark.run([str(listing)], tmp_path / "out", input_base=base, spark=session)
    finally:
        server.shutdown()
    (entry,) = summary.finished
    assert entry["location"] == base + warcs[0].name and entry["statuses"] == {"ok": 4, "error": 1, "duplicate": 1}
    origins = duckdb.sql(f"SELECT origin FROM '{tmp_path}/out/documents/*.parquet' ORDER BY seq").fetchall()
    assert origins[0][0].startswith(f"{warcs[0].name}#1 https://samples.example/")


def test_a_run_killed_midway_resumes_without_losing_or_doubling(session, tmp_path):
    inputs = []
    pages = [*HTML, *TEXT]
    for i in range(5):
        path = tmp_path / f"part-{i}.warc.gz"
        path.write_bytes(build_warc([_page(pages[2 * i]), _page(pages[2 * i + 1])], compress=True))
        inputs.append(str(path))
    out = tmp_path / "out"
    driver = subprocess.Popen([sys.executable, "-m", "dateline", "spark", *inputs, "--output", str(out),
                               "--master", "local[1]"], start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    try:
        while len(spark.finished(out)) < 2 and driver.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        os.killpg(driver.pid, signal.SIGKILL)  # the driver, its JVM and its Python workers
        driver.wait()
    done = spark.finished(out)
    assert 2 <= len(done) < 5, "the run was not killed midway"
    summary = spark.run(inputs, out, spark=session)
    assert summary.skipped == len(done) and len(summary.finished) == 5 - len(done)
    db = tmp_path / "attached.duckdb"
    counts = spark.attach(out, db)
    with Store(db, read_only=True) as store:
        origins = store.query("SELECT origin, count(*) FROM documents GROUP BY 1")[1]
        ids = store.query("SELECT count(*), count(DISTINCT id) FROM articles")[1][0]
    assert len(origins) == 10 and all(n == 1 for _, n in origins)
    assert ids == (10, 10) and counts["documents"] == 10
    for table in spark.table_names():
        assert len(list((out / table).glob("*.parquet"))) == 5


def test_two_attempts_at_one_input_at_the_same_time_both_end_well(tmp_path):
    """A killed run's Python worker can outlive its driver for a moment (pyspark's daemon puts its
    workers in a process group of their own) and still be analysing an input when the resumed run
    starts on it; a cluster may run a task twice. Each attempt stages its files on its own, so
    neither removes the other's, and the input ends up in place once, whole."""
    import multiprocessing

    from dateline.read import DEFAULT_MAX_BYTES

    path = tmp_path / "one.warc.gz"
    path.write_bytes(build_warc([_page(HTML[0]), _page(TEXT[0]), _page(HTML[1])], compress=True))
    out = tmp_path / "out"
    for folder in (spark.MANIFEST, spark.STAGING, *spark.table_names()):
        (out / folder).mkdir(parents=True)
    item = spark.InputFile(0, str(path), str(path))
    attempts = [functools.partial(spark.analyse_input, item, output=str(out), run_no=run, published=None,
                                  batch_size=32, max_bytes=DEFAULT_MAX_BYTES) for run in (1, 2)]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        entries = [r.get(timeout=300) for r in [pool.apply_async(a) for a in attempts]]
    assert all(e["statuses"] == {"ok": 3} for e in entries)
    assert spark.finished(out)[item.key]["run"] in (1, 2)
    for table in spark.table_names():
        assert [f.name for f in (out / table).iterdir()] == [f"{item.key}.parquet"]
    assert duckdb.sql(f"SELECT count(*) FROM '{out}/documents/*.parquet'").fetchone() == (3,)
    assert not list((out / spark.STAGING).iterdir())


def _edited(path: Path, cut: int) -> tuple[str, str, bytes]:
    """A lightly edited copy of a sample text, as another outlet runs it: its own first line, a
    word in every thirty changed, the last ``cut`` paragraphs dropped and two paragraphs swapped."""
    paragraphs = path.read_text("utf-8").strip().split("\n\n")
    paragraphs = paragraphs[:len(paragraphs) - cut]
    paragraphs[3], paragraphs[4] = paragraphs[4], paragraphs[3]
    words = "\n\n".join(paragraphs).split(" ")
    words = ["reportedly" if i % 30 == 29 else w for i, w in enumerate(words)]
    body = "REGIONAL WIRE DIGEST\n\n" + " ".join(words)
    return f"https://digest.example/{path.stem}-{cut}", "text/plain; charset=utf-8", body.encode("utf-8")


@pytest.fixture(scope="module")
def near_copies(session, tmp_path_factory) -> tuple[Path, Path]:
    """Every sample (the syndicated reprints among them) and lightly edited copies of three, in two
    WARC files: (the CLI's store, an attached Spark output) over them."""
    folder = tmp_path_factory.mktemp("near")
    edited = [_edited(ROOT / "samples" / "text" / name, cut) for name, cut in
              (("measles-vaccination-report.txt", 1), ("central-bank-rate-hold.txt", 2), ("measles-vaccination-report.txt", 3))]
    pages = [*map(_page, HTML), *map(_page, TEXT)]
    warcs = [folder / "a.warc.gz", folder / "b.warc.gz"]
    warcs[0].write_bytes(build_warc(pages[:7] + edited[:1], compress=True))
    warcs[1].write_bytes(build_warc(pages[7:] + edited[1:], compress=True))
    db = folder / "cli.duckdb"
    assert cli.main(["analyze", *map(str, warcs), "--db", str(db), "--format", "none"]) == 0
    summary = spark.run(list(map(str, warcs)), folder / "out", spark=session)
    assert summary.near_duplicates["links"] >= 4
    spark.attach(folder / "out", folder / "attached.duckdb")
    return db, folder / "attached.duckdb"


def test_spark_links_the_same_near_duplicate_pairs_as_the_local_step(near_copies):
    from itertools import combinations

    from dateline.corpus import dedupe

    local, attached = near_copies

    def linked(db):
        with Store(db, read_only=True) as store:
            pairs = {frozenset(p) for p in store.query("SELECT article_id, other_id FROM duplicate_links")[1]}
            return pairs, dict(store.query("SELECT id, duplicate_of FROM articles")[1])

    (local_pairs, local_of), (spark_pairs, spark_of) = linked(local), linked(attached)
    with Store(local, read_only=True) as store:
        texts = dict(store.query("SELECT id, text FROM articles")[1])
        urls = dict(store.query("SELECT url, id FROM articles")[1])
    shingles = {i: dedupe.article_shingles(t) for i, t in texts.items()}
    every_pair = {frozenset((a, b)) for a, b in combinations(sorted(texts), 2) if dedupe.is_copy(shingles[a], shingles[b])[0]}
    assert spark_pairs == local_pairs == every_pair  # both searches offered every pair verification accepts
    assert spark_of == local_of
    group = {i: local_of[i] or i for i in local_of}  # the earliest copy of each article's group
    for original, copies in (("measles-vaccination-report", ("-1", "-3")), ("central-bank-rate-hold", ("-2",))):
        assert {group[urls[f"https://digest.example/{original}{c}"]] for c in copies} == {group[urls[f"https://samples.example/{original}"]]}
    assert group[urls["https://digest.example/measles-vaccination-report-1"]] == urls["https://digest.example/measles-vaccination-report-1"]  # offered first
    with Store(attached, read_only=True) as store:
        parquet = dict(store.query("SELECT id, duplicate_of FROM spark_near_duplicates")[1])
        jaccard = [r[0] for r in store.query("SELECT jaccard FROM spark_duplicate_links")[1]]
    assert parquet == spark_of  # the Parquet output carries duplicate_of
    assert len(jaccard) >= 4 and min(jaccard) >= 0.5  # the range where both searches miss nothing (docs/scale.md)


def test_the_corpus_step_over_attached_spark_output_equals_the_cli_store(near_copies, capsys):
    from dateline.corpus import tables

    local, attached = near_copies
    for table, columns in tables.TABLES.items():
        kept = ", ".join(f'"{c}"' for c in columns if c != "added_at")
        if table == "duplicate_links":
            kept = "least(article_id, other_id), greatest(article_id, other_id), containment, jaccard"
        with Store(local, read_only=True) as a, Store(attached, read_only=True) as b:
            cli_rows = a.query(f"SELECT {kept} FROM {table} ORDER BY ALL")[1]
            spark_rows = b.query(f"SELECT {kept} FROM {table} ORDER BY ALL")[1]
        if table != "article_lsh":  # the Spark side keeps no datasketch index
            assert spark_rows == cli_rows, table
    outputs = []
    for db in (local, attached):
        capsys.readouterr()
        assert cli.main(["stories", "--db", str(db), "--format", "csv"]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and outputs[0].count("\n") > 3
