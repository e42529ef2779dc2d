"""Bad input, through the CLI into a real DuckDB store: every document offered gets its row in
``documents``, the batch goes on past each failure, and the exit code says some failed."""
from __future__ import annotations

import json

import duckdb
import pytest

from dateline.cli import main
from test_read_containers import build_warc

GOOD = ("MADRID, Oct. 3 — Spain's government said on Thursday it would raise the minimum wage by 4 percent "
        "next year, after talks with unions that employers' groups walked out of last week.\n\n"
        "\"This is a fair deal for workers,\" the labour minister told reporters in Madrid.")
FRENCH = ("PARIS, 3 juin — Le gouvernement a annoncé mardi qu'il allait présenter un nouveau projet de loi "
          "sur les retraites, selon des sources proches du dossier. Le ministre a déclaré que les négociations "
          "avec les syndicats reprendraient la semaine prochaine, mais les syndicats ont dénoncé une réforme "
          "« injuste ».\n\nLes manifestations se poursuivent dans plusieurs villes du pays, où la police a "
          "procédé à des dizaines d'interpellations.")


def documents(db) -> dict[str, tuple]:
    """origin file name -> (status, code, message, language of the stored article or None)."""
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT d.origin, d.status, d.code, d.message, a.language FROM documents d "
                       "LEFT JOIN articles a ON a.id = d.article_id ORDER BY d.seq").fetchall()
    con.close()
    return {origin.rsplit("/", 1)[-1]: (status, code, message, language) for origin, status, code, message, language in rows}


def analyze(paths, db, capsys) -> int:
    code = main(["analyze", *map(str, paths), "--db", str(db), "--format", "none"])
    capsys.readouterr()
    return code


def test_binary(tmp_path, db, capsys):
    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    noise = tmp_path / "noise.dat"
    noise.write_bytes(bytes((i * 7919) % 256 for i in range(20000)))
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    assert analyze([png, noise, good], db, capsys) == 1
    rows = documents(db)
    assert rows["photo.png"][:2] == ("error", "E102") and "PNG" in rows["photo.png"][2]
    assert rows["noise.dat"][:2] == ("error", "E102")
    assert rows["good.txt"][0] == "ok"


def test_empty_and_whitespace(tmp_path, db, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_text("  \n\t\n")
    (tmp_path / "good.txt").write_text(GOOD)
    assert analyze([tmp_path], db, capsys) == 1
    rows = documents(db)
    assert rows["empty.txt"][:2] == rows["blank.html"][:2] == ("error", "E101")
    assert rows["good.txt"][0] == "ok"


def test_fifty_megabytes(tmp_path, db, capsys):
    big = tmp_path / "big.txt"
    sentence = b"The council said on Monday that the budget talks would continue next week. "
    with big.open("wb") as f:
        for _ in range(50_000_000 // len(sentence) + 1):
            f.write(sentence)
    (tmp_path / "good.txt").write_text(GOOD)
    assert analyze([big, tmp_path / "good.txt"], db, capsys) == 1
    rows = documents(db)
    status, code, message, _ = rows["big.txt"]
    assert (status, code) == ("error", "E103") and "--max-bytes" in message
    assert rows["good.txt"][0] == "ok"


def test_broken_and_mixed_encodings(tmp_path, db, capsys):
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(("ZURICH, June 3 - The café owners' association said on Monday that rents had risen, "
                       "and that the façade of the old town hall would be restored next year.").encode("latin-1"))
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes("GENEVA, June 3 — Delegates called the talks “constructive” on Tuesday. ".encode("utf-8")
                      + "The café’s owner said prices had risen.".encode("cp1252")
                      + " Talks resume next week, officials said.".encode("utf-8"))
    broken = tmp_path / "broken.txt"
    broken.write_bytes(bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC]) * 300)
    cyrillic = tmp_path / "cyrillic.txt"
    cyrillic.write_bytes("МОСКВА, 3 июня — Министр иностранных дел заявил во вторник, что переговоры "
                         "возобновятся на следующей неделе в Женеве.".encode("cp1251"))
    assert analyze([latin, mixed, broken, cyrillic], db, capsys) == 1
    rows = documents(db)
    assert rows["latin1.txt"][0] == "ok"
    assert rows["mixed.txt"][0] == "ok"
    assert rows["broken.txt"][:2] == ("error", "E104")
    assert rows["cyrillic.txt"][0] == "ok" and rows["cyrillic.txt"][3] == "ru"
    assert main(["query", "SELECT text, warnings FROM articles WHERE text LIKE 'GENEVA%'", "--db", str(db),
                 "--format", "json"]) == 0
    (article,) = json.loads(capsys.readouterr().out)
    assert "The café’s owner" in article["text"] and "“constructive”" in article["text"]
    assert any(w.startswith("W005") for w in json.loads(article["warnings"]))
    assert main(["query", "SELECT text FROM articles WHERE text LIKE 'ZURICH%'", "--db", str(db), "--format", "json"]) == 0
    assert "façade" in json.loads(capsys.readouterr().out)[0]["text"]


def test_twenty_thousand_nested_tags(tmp_path, db, capsys):
    nested = tmp_path / "nested.html"
    nested.write_text("<html><body>" + "<div>" * 20000 + "<p>PARIS, June 3 — The minister said the talks "
                      "would resume next week.</p>" + "</div>" * 20000 + "</body></html>")
    wide = tmp_path / "wide.html"
    wide.write_text("<html><body><article>" + "<span>x</span>" * 20000 + "<p>" + GOOD.replace("\n\n", "</p><p>")
                    + "</p></article></body></html>")
    (tmp_path / "good.txt").write_text(GOOD)
    assert analyze([nested, wide, tmp_path / "good.txt"], db, capsys) == 1
    rows = documents(db)
    status, code, message, _ = rows["nested.html"]
    assert (status, code) == ("error", "E105") and "levels deep" in message
    assert rows["wide.html"][0] == "ok"
    assert rows["good.txt"][0] == "ok"


@pytest.mark.parametrize("cut", [0.55, 0.8, 0.97])
def test_truncated_warc_record(tmp_path, db, capsys, cut):
    pages = [f"<html><body><article><h1>Story {i}</h1><p>{GOOD.replace(chr(10) * 2, '</p><p>')}</p>"
             f"<p>Story number {i} ends here, the editor said.</p></article></body></html>" for i in range(3)]
    data = build_warc([(f"https://example.org/{i}", "text/html", page.encode()) for i, page in enumerate(pages)],
                      compress=True)
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(data[:int(len(data) * cut)])
    (tmp_path / "good.txt").write_text(GOOD)
    assert analyze([warc, tmp_path / "good.txt"], db, capsys) == 1
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT origin, status, code, message FROM documents ORDER BY seq").fetchall()
    con.close()
    warc_rows = [r for r in rows if "crawl.warc.gz" in r[0]]
    assert warc_rows[-1][1:3] == ("error", "E106") and "truncated" in warc_rows[-1][3]
    assert all(r[1] == "ok" for r in warc_rows[:-1])  # the complete records before the cut
    assert rows[-1][0].endswith("good.txt") and rows[-1][1] == "ok"  # and the batch went on


def test_not_a_warc_at_all(tmp_path, db, capsys):
    fake = tmp_path / "fake.warc"
    fake.write_text("this file only pretends to be an archive\n" * 5)
    assert analyze([fake], db, capsys) == 1
    assert documents(db)["fake.warc"][:2] == ("error", "E106")


def test_non_english_article_is_stored_with_its_language_and_english_annotators_skipped(tmp_path, db, capsys):
    fr = tmp_path / "retraites.txt"
    fr.write_text(FRENCH)
    (tmp_path / "good.txt").write_text(GOOD)
    assert analyze([fr, tmp_path / "good.txt"], db, capsys) == 0
    rows = documents(db)
    assert rows["retraites.txt"][0] == "ok" and rows["retraites.txt"][3] == "fr"
    assert main(["query", "SELECT record FROM articles WHERE language = 'fr'", "--db", str(db), "--format", "json"]) == 0
    record = json.loads(json.loads(capsys.readouterr().out)[0]["record"])
    assert record["entities"] == [] and record["attributions"] == [] and record["scorecard"] is None
    assert any(w.startswith("W002") for w in record["warnings"])
    assert record["text"].startswith("PARIS, 3 juin")


def test_a_warc_record_with_damaged_headers_is_named_and_the_batch_goes_on(tmp_path, db, capsys):
    # a response record without its WARC-Target-URI, as a careless crawler writes it
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Text.</p></body></html>"
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
              b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body + b"\r\n\r\n")
    (tmp_path / "careless.warc").write_bytes(record)
    (tmp_path / "good.txt").write_text(GOOD)
    assert analyze([tmp_path / "careless.warc", tmp_path / "good.txt"], db, capsys) == 1
    rows = documents(db)
    status, code, message, _ = rows["careless.warc#1"]
    assert (status, code) == ("error", "E106") and "headers are damaged" in message
    assert rows["good.txt"][0] == "ok"
