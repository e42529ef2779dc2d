import duckdb

from dateline.errors import empty_input
from dateline.store import PARTS, Store, schema
from test_record import full_record


def test_record_round_trips_through_the_store(db):
    r = full_record()
    with Store(db) as store:
        assert store.add("a.txt", "h1", 10, r) == "ok"
        assert store.get(r.id) == r
        assert store.get(r.id[:6]) == r


def test_second_offer_is_a_duplicate_and_errors_are_kept(db):
    r = full_record()
    with Store(db) as store:
        store.add("a.txt", "h1", 10, r)
        assert store.add("copy.txt", "h2", 10, r) == "duplicate"
        assert store.add("empty.txt", "h3", 0, error=empty_input()) == "error"
        _, rows = store.query("SELECT origin, status, code, article_id FROM documents ORDER BY seq")
    assert rows == [("a.txt", "ok", None, r.id), ("copy.txt", "duplicate", None, r.id), ("empty.txt", "error", "E101", None)]


def test_every_part_has_its_table_with_the_article_id(db):
    r = full_record()
    with Store(db) as store:
        store.add("a.txt", "h", 1, r)
        for part in (*PARTS, "mentions", "scorecards"):
            _, rows = store.query(f"SELECT count(*) FROM {part} WHERE article_id = ?", [r.id])
            assert rows[0][0] == 1, part
        _, rows = store.query("SELECT content_start, content_end, source FROM attributions")
        assert rows == [(22, 35, "s1")]


def test_a_column_added_to_the_record_is_added_to_an_old_file(db):
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE timexes (article_id VARCHAR, id VARCHAR)")
    con.close()
    with Store(db) as store:
        cols, _ = store.query("SELECT * FROM timexes")
    assert {"value", "start", "anchor"} <= set(cols)


def test_parquet_export_is_readable_by_duckdb(db, tmp_path):
    with Store(db) as store:
        store.add("a.txt", "h", 1, full_record())
        files = store.export_parquet(tmp_path / "pq")
    assert duckdb.sql(f"SELECT count(*) FROM '{tmp_path}/pq/attributions.parquet'").fetchone()[0] == 1
    assert {f.stem for f in files} == {"documents", "articles", "mentions", "scorecards", *PARTS}


def test_an_article_that_cannot_be_written_leaves_no_part_behind_but_its_offer_is_kept(db):
    columns = ", ".join(f'"{c}" {t}' for c, t in schema()["timexes"].items())
    con = duckdb.connect(str(db))
    con.execute(f"CREATE TABLE timexes ({columns}, CHECK (start >= 0))")
    con.close()
    bad = full_record()
    bad.timexes[0].start = -1  # the timexes insert fails after articles and entities were written
    with Store(db) as store:
        assert store.add("bad.txt", "h", 1, bad) == "error"
        for table in ("articles", "entities", "mentions", "sources"):
            assert store.query(f"SELECT count(*) FROM {table}")[1] == [(0,)], table
        _, rows = store.query("SELECT origin, status, code FROM documents")
        assert rows == [("bad.txt", "error", "E303")]
        assert store.add("good.txt", "h", 1, full_record()) == "ok"
