"""Containers: JSONL, folders, WARC and WARC.gz (built here with warcio), stdin."""
from __future__ import annotations

import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.read import extract, iter_offered

ARTICLE = ("LISBON, May 2 — Portugal's parliament approved a new housing law on Friday, "
           "the government said, after months of protests over rents.\n\n"
           "\"This is the beginning, not the end,\" the housing minister told reporters.")
PAGE = ("<html><head><title>Lisbon passes housing law | Tagus Daily</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/pt'>Portugal</a></nav><article><h1>Lisbon passes housing law</h1>"
        "<p>LISBON, May 2 — Portugal's parliament approved a new housing law on Friday, the government said, "
        "after months of protests over rents that drew tens of thousands of people into the streets.</p>"
        "<p>\"This is the beginning, not the end,\" the housing minister told reporters outside the chamber, "
        "adding that rent controls would follow in the autumn.</p></article></body></html>")


def build_warc(records: list[tuple[str, str, bytes]], compress: bool) -> bytes:
    """A WARC with a warcinfo record and one request + response per (url, content type, body)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "dateline tests"}))
    for url, content_type, body in records:
        writer.write_record(writer.create_warc_record(
            url, "request", payload=io.BytesIO(b""), length=0,
            http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)))
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")))
    return out.getvalue()


def test_jsonl_text_and_html_lines_with_their_metadata(tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join([
        json.dumps({"text": ARTICLE, "url": "https://tagus.example/a", "published": "2025-05-02",
                    "outlet": "Tagus Daily", "title": "Housing law passes"}),
        "",
        json.dumps({"html": PAGE, "url": "https://tagus.example/b"}),
        "{not json",
        json.dumps({"body": "no text field"}),
        json.dumps(["a", "list"]),
    ]), encoding="utf-8")
    offered = list(iter_offered([str(f)]))
    assert [o.origin for o in offered] == [f"{f}:1", f"{f}:3", f"{f}:4", f"{f}:5", f"{f}:6"]
    first, second = extract(offered[0]), extract(offered[1])
    assert (first.title, first.outlet, first.url) == ("Housing law passes", "Tagus Daily", "https://tagus.example/a")
    assert (first.published, first.published_from) == ("2025-05-02", "metadata")
    assert first.dateline.date == "2025-05-02"
    assert second.title == "Lisbon passes housing law" and second.url == "https://tagus.example/b"
    assert second.outlet == "tagus.example"
    assert [o.error.code for o in offered[2:]] == ["E107", "E107", "E107"]


def test_a_folder_is_read_recursively_in_order_and_hidden_files_are_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b" / "page.html").write_text(PAGE)
    (tmp_path / "b" / "deep" / "more.jsonl").write_text(json.dumps({"text": ARTICLE + " Again."}) + "\n")
    (tmp_path / ".hidden.txt").write_text("not offered")
    (tmp_path / "b" / "gz.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    origins = [o.origin for o in iter_offered([str(tmp_path)])]
    assert origins == [str(tmp_path / "a.txt"), f"{tmp_path / 'b' / 'deep' / 'more.jsonl'}:1",
                       str(tmp_path / "b" / "gz.html.gz"), str(tmp_path / "b" / "page.html")]
    pages = [extract(o) for o in iter_offered([str(tmp_path)])]
    assert pages[2].title == pages[3].title == "Lisbon passes housing law"


def test_warc_and_warc_gz_response_records(tmp_path):
    records = [("https://tagus.example/housing", "text/html; charset=utf-8", PAGE.encode()),
               ("https://tagus.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40),
               ("https://tagus.example/plain", "text/plain", ARTICLE.encode())]
    for compress, name in ((False, "crawl.warc"), (True, "crawl.warc.gz")):
        f = tmp_path / name
        f.write_bytes(build_warc(records, compress))
        offered = list(iter_offered([str(f)]))
        assert [o.origin for o in offered] == [f"{f}#1 https://tagus.example/housing", f"{f}#2 https://tagus.example/logo.png",
                                               f"{f}#3 https://tagus.example/plain"]
        page = extract(offered[0])
        assert page.url == "https://tagus.example/housing" and page.title == "Lisbon passes housing law"
        assert offered[1].error is not None and offered[1].error.code == "E110"
        assert extract(offered[2]).dateline.place == "Lisbon"


def test_warc_without_suffix_is_recognised_by_its_first_bytes(tmp_path):
    f = tmp_path / "download"
    f.write_bytes(build_warc([("https://tagus.example/housing", "text/html", PAGE.encode())], compress=False))
    (only,) = list(iter_offered([str(f)]))
    assert extract(only).title == "Lisbon passes housing law"


def test_stdin_text_html_and_jsonl():
    (text,) = list(iter_offered(["-"], stdin=io.BytesIO(ARTICLE.encode())))
    assert text.origin == "-" and extract(text).dateline.text == "LISBON, May 2 —"
    (html,) = list(iter_offered(["-"], stdin=io.BytesIO(PAGE.encode())))
    assert extract(html).title == "Lisbon passes housing law"
    lines = (json.dumps({"text": ARTICLE}) + "\n" + json.dumps({"html": PAGE}) + "\n").encode()
    assert [o.origin for o in iter_offered(["-"], stdin=io.BytesIO(lines))] == ["-:1", "-:2"]


def test_stdin_through_the_cli(tmp_path, db, capsys, monkeypatch):
    from dateline.cli import main

    class FakeStdin:  # sys.stdin with a binary buffer, as a pipe gives
        buffer = io.BytesIO(ARTICLE.encode())

    monkeypatch.setattr("sys.stdin", FakeStdin)
    assert main(["analyze", "-", "--db", str(db), "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["dateline"]["place"] == "Lisbon"
    assert main(["query", "SELECT origin, status FROM documents", "--db", str(db), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"origin": "-", "status": "ok"}]
