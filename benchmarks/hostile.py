"""A hostile corpus of 1,000 entries through `dateline analyze`: no hang, every entry accounted for.

The corpus, as a hostile but realistic user would offer it: real pages and articles from
../shared/eval (pages and extraction HTML, PolNeAR, propaganda and GGT texts), the same articles in
every encoding, generated junk (random bytes, binaries under text names, empty and blank files, a
gzip bomb, files over the size limit), pathological HTML (one tag of 200,000 attributes, 150,000
paragraphs, deep nesting, unclosed comments ...), broken archives (truncated WARC, JSONL full of
bad lines, a binary named .jsonl), odd names (bytes that are not UTF-8, newlines, leading dashes,
backslashes, 250-byte names) and odd files (hidden files and folders, symbolic link loops, dangling
links, links to devices, a named pipe, a socket, unreadable folders).

Two runs, each timed: `dateline analyze` of the real pages alone (the clean run) and of the whole
corpus (the hostile run, under a hard timeout). Then every entry must have a `documents` row (its
origin, or for a container rows under it) or be counted on stderr as skipped by the documented rule
(hidden names inside a folder). Ends with one JSON line:
{"entries", "real", "rows", "accounted", "unaccounted", "exit", "clean_s", "hostile_s", "ratio", "codes"}.

`tests/test_hostile.py` runs a small version of the same corpus (samples/ as the real pages).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))  # the tests' WARC builder

SENTENCE = "The minister said on Monday that the talks would resume next week in Geneva, officials told reporters."

# Short news paragraphs written for this corpus, in languages and encodings a newsroom meets.
FOREIGN = {
    "ru": ("МОСКВА, 3 июня — Министр иностранных дел заявил во вторник, что переговоры возобновятся на следующей "
           "неделе в Женеве. По его словам, стороны договорились об обмене пленными, но вопрос границ остается открытым.",
           ["cp1251", "koi8-r", "utf-8", "utf-16"]),
    "uk": ("КИЇВ, 3 червня — Міністр закордонних справ заявив у вівторок, що переговори щодо припинення вогню "
           "відновляться наступного тижня в Женеві. За його словами, сторони погодилися обмінятися полоненими.",
           ["utf-8", "cp1251"]),
    "he": ("ירושלים, 3 ביוני — שר החוץ אמר ביום שלישי כי השיחות על הפסקת האש יתחדשו בשבוע הבא בז'נבה. לדבריו, "
           "הצדדים הסכימו על חילופי שבויים, אך שאלת הגבולות עדיין פתוחה.", ["utf-8", "cp1255"]),
    "el": ("ΑΘΗΝΑ, 3 Ιουνίου — Ο υπουργός Εξωτερικών δήλωσε την Τρίτη ότι οι συνομιλίες για την εκεχειρία θα "
           "συνεχιστούν την επόμενη εβδομάδα στη Γενεύη.", ["utf-8", "cp1253"]),
    "ja": ("東京、6月3日 外務大臣は火曜日、来週ジュネーブで交渉が再開されると述べた。双方は捕虜の交換で合意したという。",
           ["utf-8", "shift_jis", "euc-jp"]),
    "zh": ("北京，6月3日 外交部长周二表示，谈判将于下周在日内瓦恢复。中国政府发言人说，双方同意继续对话。",
           ["utf-8", "gb2312", "big5"]),
    "ko": ("서울, 6월 3일 외교부 장관은 화요일 다음 주 제네바에서 협상이 재개될 것이라고 말했다.", ["utf-8", "euc-kr"]),
    "fr": ("PARIS, 3 juin — Le ministre a déclaré mardi que les négociations reprendraient la semaine prochaine à "
           "Genève, selon des sources proches du dossier. Les syndicats ont dénoncé une réforme « injuste ».",
           ["utf-8", "latin-1", "cp1252"]),
}


@dataclass(slots=True)
class Entry:
    path: bytes  # relative to the corpus folder
    kind: str
    hidden: bool = False  # skipped by rule (a hidden name inside a folder), counted on stderr


class Corpus:
    """Writes entries under ``root``; each ``add`` is one entry offered."""

    def __init__(self, root: Path, rng: random.Random):
        self.root, self.rng = os.fsencode(root), rng
        self.entries: list[Entry] = []

    def path(self, rel: bytes) -> bytes:
        full = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        return full

    def add(self, rel: str | bytes, data: bytes, kind: str, hidden: bool = False) -> None:
        rel = os.fsencode(rel)
        with open(self.path(rel), "wb") as f:
            f.write(data)
        self.entries.append(Entry(rel, kind, hidden))

    def special(self, rel: str | bytes, kind: str, make, hidden: bool = False) -> None:
        rel = os.fsencode(rel)
        make(self.path(rel))
        self.entries.append(Entry(rel, kind, hidden))


def real_articles(limit: int) -> list[tuple[str, bytes]]:
    """(file name, bytes) of real pages and articles from ../shared/eval, spread over its sets."""
    from dateline.evaluate import shared_eval_dir

    eval_dir = shared_eval_dir()
    if eval_dir is None:
        raise SystemExit("../shared/eval is not here; the hostile benchmark needs its real pages")
    groups = [
        [(p.name[:-3], gzip.decompress(p.read_bytes())) for p in sorted((eval_dir / "pages" / "html").glob("*.html.gz"))],
        [(p.name[:-3], gzip.decompress(p.read_bytes())) for p in sorted((eval_dir / "extraction" / "html").glob("*.html.gz"))],
        [(p.name, p.read_bytes()) for p in sorted((eval_dir / "polnear" / "train" / "text").glob("*.txt"))],
        [(p.name, p.read_bytes()) for p in sorted((eval_dir / "propaganda" / "articles").glob("*.txt"))],
        [(p.name, p.read_bytes()) for p in sorted((eval_dir / "quotes-ggt").glob("*.txt"))],
    ]
    shares = [0.35, 0.15, 0.3, 0.12, 0.08]
    out = []
    for group, share in zip(groups, shares):
        n = min(len(group), round(limit * share))
        step = len(group) / max(n, 1)
        out += [group[int(k * step)] for k in range(n)]
    return out[:limit]


def sample_articles() -> list[tuple[str, bytes]]:
    """The articles in samples/ (written for dateline): the real pages of the small corpus."""
    return sorted((p.name, p.read_bytes()) for p in (ROOT / "samples").glob("*/*") if p.suffix in (".html", ".txt"))


def _text_of(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _warc(pages: list[str]) -> bytes:
    """A gzipped WARC of ``pages``, built as the tests build theirs."""
    from test_read_containers import build_warc

    return build_warc([(f"https://example.org/{i}", "text/html", page.encode()) for i, page in enumerate(pages)],
                      compress=True)


def _page(body: str, title: str = "A page") -> str:
    return f"<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>"


GENERATORS = ("encodings", "junk", "pathological", "containers", "odd_names", "odd_files")


def build(root: Path, real: list[tuple[str, bytes]], size: int, seed: int = 13, small: bool = False) -> list[Entry]:
    """Write a corpus under ``root``: ``real`` (each under real/), then rounds of every generator
    until there are ``size`` entries (at least one round); return its entries. ``small`` (for the
    tests) shrinks the pathological files to what still trips each bound and gives the generated
    entries short texts, quick to analyse."""
    c = Corpus(root, random.Random(seed))
    for name, data in real:
        c.add(f"real/{name}", data, "real")
    if small:
        texts = [f"GENEVA, June {d} - {SENTENCE}\n\n\"We will return,\" the envoy said." for d in range(1, 4)]
        pages = [_page(f"<article><h1>Talks resume</h1><p>{t}</p></article>") for t in texts]
    else:
        texts = [_text_of(d) for n, d in real if n.endswith(".txt")] or [SENTENCE * 20]
        pages = [_text_of(d) for n, d in real if n.endswith(".html")] or [_page(f"<p>{SENTENCE}</p>")]
    k = 0
    while len(c.entries) < size or k < len(GENERATORS):
        globals()["_" + GENERATORS[k % len(GENERATORS)]](c, texts, pages, k // len(GENERATORS), small)
        k += 1
        if len(c.entries) > size >= len(real) + 1 and k >= len(GENERATORS):  # trim the last round's overshoot
            for e in c.entries[size:]:
                _remove(os.path.join(c.root, e.path))
            del c.entries[size:]
    return c.entries


def _remove(path: bytes) -> None:
    if os.path.islink(path) or not os.path.isdir(path):
        os.unlink(path)
    else:
        import shutil

        shutil.rmtree(path, ignore_errors=True)


def _encodings(c: Corpus, texts: list[str], pages: list[str], r: int, small: bool) -> None:
    text = texts[r % len(texts)]
    d = f"enc/{r}"
    c.add(f"{d}/utf16le-bom.txt", text.encode("utf-16"), "encoding")
    c.add(f"{d}/utf16le-nobom.txt", text.encode("utf-16-le"), "encoding")
    c.add(f"{d}/utf16be-nobom.txt", text.encode("utf-16-be"), "encoding")
    c.add(f"{d}/utf8-bom.txt", b"\xef\xbb\xbf" + text.encode(), "encoding")
    c.add(f"{d}/cp1252.txt", text.encode("cp1252", "replace"), "encoding")
    half = len(text) // 2
    c.add(f"{d}/mixed.txt", text[:half].encode() + text[half:].encode("cp1252", "replace"), "encoding")
    page = pages[r % len(pages)]
    c.add(f"{d}/page-latin1.html", page.encode("latin-1", "replace"), "encoding")
    c.add(f"{d}/page-lying-charset.html", page.replace("<head>", '<head><meta charset="shift_jis">', 1).encode(), "encoding")
    for lang, (story, encodings) in FOREIGN.items():
        enc = encodings[r % len(encodings)]
        c.add(f"{d}/{lang}-{enc}.txt", (story * 3).encode(enc, "replace"), "encoding")


def _junk(c: Corpus, texts: list[str], pages: list[str], r: int, small: bool) -> None:
    rng = c.rng
    d = f"junk/{r}"
    c.add(f"{d}/random-high.txt", bytes(rng.randrange(128, 256) for _ in range(5000)), "junk")
    c.add(f"{d}/random-all.txt", bytes(rng.randrange(256) for _ in range(5000)), "junk")
    c.add(f"{d}/random.html", bytes(rng.randrange(256) for _ in range(3000)), "junk")
    c.add(f"{d}/random-noext", bytes(rng.randrange(256) for _ in range(3000)), "junk")
    c.add(f"{d}/ascii-noise.txt", bytes(rng.randrange(33, 127) for _ in range(5000)), "junk")
    c.add(f"{d}/empty.txt", b"", "junk")
    c.add(f"{d}/blank.html", b" \n\t\n  \r\n", "junk")
    c.add(f"{d}/nuls.txt", b"\x00" * 4096, "junk")
    c.add(f"{d}/controls.txt", bytes(rng.randrange(1, 32) for _ in range(2000)), "junk")
    c.add(f"{d}/photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(2000)), "junk")
    c.add(f"{d}/report.html", b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(2000)), "junk")
    c.add(f"{d}/archive.txt", b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(2000)), "junk")
    c.add(f"{d}/html-only.txt", b"<html></html>", "junk")
    c.add(f"{d}/doctype-only.html", b"<!DOCTYPE html>", "junk")
    c.add(f"{d}/punctuation.txt", b"!?.,;:-" * 300, "junk")
    c.add(f"{d}/quotes-only.txt", '"\u201c\u201d\'\u2018\u2019'.encode() * 500, "junk")
    c.add(f"{d}/one-word.txt", b"x" * (20_000 if small else 140_000), "junk")
    c.add(f"{d}/no-punctuation.txt", (" ".join(["the minister said that"] * (500 if small else 30_000))).encode(), "junk")
    c.add(f"{d}/short-lines.txt", "\n".join(f"Line {i} here." for i in range(6_000)).encode(), "junk")
    c.add(f"{d}/text.txt.gz", gzip.compress(texts[r % len(texts)].encode()), "junk")
    c.add(f"{d}/corrupt.txt.gz", gzip.compress(texts[r % len(texts)].encode())[:200] + b"garbage", "junk")
    c.add(f"{d}/page.html.gz", gzip.compress(pages[r % len(pages)].encode()), "junk")
    if r % 3 == 0:  # the large ones, a few times only
        c.add(f"{d}/bomb.txt.gz", gzip.compress(b"A" * (30_000_000 if not small else 21_000_000), 9), "junk")
        big = (SENTENCE + " ").encode() * (21_000_000 // (len(SENTENCE) + 1) + 1)
        c.add(f"{d}/over-limit.txt", big, "junk")


def _pathological(c: Corpus, texts: list[str], pages: list[str], r: int, small: bool) -> None:
    d = f"patho/{r}"

    def n(full: int, tests: int) -> int:
        return tests if small else full

    c.add(f"{d}/attributes.html", _page("<div " + " ".join(f'a{i}="v{i}"' for i in range(n(200_000, 2_000))) + f"><p>{SENTENCE}</p></div>").encode(), "pathological")
    c.add(f"{d}/paragraphs.html", _page("<article>" + "".join(f"<p>{SENTENCE} {i}</p>" for i in range(n(150_000, 35_000))) + "</article>").encode(), "pathological")
    if not small:
        c.add(f"{d}/short-paragraphs.html", _page("<article>" + "".join(f"<p>Paragraph {i} is here, short.</p>" for i in range(20_000)) + "</article>").encode(), "pathological")
        c.add(f"{d}/divs.html", _page("".join(f"<div><span>{i}</span></div>" for i in range(60_000)) + f"<p>{SENTENCE}</p>").encode(), "pathological")
    c.add(f"{d}/nested.html", _page("<div>" * n(20_000, 300) + f"<p>{SENTENCE}</p>" + "</div>" * n(20_000, 300)).encode(), "pathological")
    c.add(f"{d}/unclosed-comment.html", _page(f"<p>{SENTENCE}</p><!-- " + "x " * n(50_000, 5_000)).encode(), "pathological")
    c.add(f"{d}/huge-script.html", _page("<script>" + "var a = 1;\n" * n(100_000, 10_000) + f"</script><p>{SENTENCE}</p>").encode(), "pathological")
    c.add(f"{d}/entities.html", _page("<p>" + "&amp;&lt;&#x1F600;&nbsp;" * n(20_000, 2_000) + "</p>").encode(), "pathological")
    c.add(f"{d}/tables.html", _page("<table><tr><td>" * n(3_000, 300) + SENTENCE + "</td></tr></table>" * n(3_000, 300)).encode(), "pathological")
    c.add(f"{d}/long-word.html", _page("<p>" + "y" * n(130_000, 30_000) + "</p>").encode(), "pathological")
    c.add(f"{d}/quotes.html", _page("<article>" + "".join(f'<p>"{SENTENCE}" he said. "And {i}</p>' for i in range(n(800, 60))) + "</article>").encode(), "pathological")
    c.add(f"{d}/headings.html", _page("<article>" + "".join(f"<h2>Heading {i}</h2><p>{SENTENCE}</p>" for i in range(n(1_500, 100))) + "</article>").encode(), "pathological")
    c.add(f"{d}/unclosed-tags.html", ("<html><body><p><b><i><span>" + SENTENCE).encode() * n(2_000, 100), "pathological")
    c.add(f"{d}/bad-utf8-in-page.html", pages[r % len(pages)].encode()[:5000] + bytes(range(128, 256)) * 40 + pages[r % len(pages)].encode()[5000:], "pathological")
    c.add(f"{d}/svg.html", _page("<svg>" + "<path d='M0 0 L1 1'/>" * n(25_000, 2_000) + f"</svg><p>{SENTENCE}</p>").encode(), "pathological")
    c.add(f"{d}/iframe-srcdoc.html", _page('<iframe srcdoc="' + ("&lt;p&gt;" + SENTENCE + "&lt;/p&gt;") * n(2_000, 100) + '"></iframe>').encode(), "pathological")


def _containers(c: Corpus, texts: list[str], pages: list[str], r: int, small: bool) -> None:
    rng = c.rng
    d = f"containers/{r}"
    good = [json.dumps({"text": texts[(r + i) % len(texts)], "url": f"https://example.org/{r}/{i}"}) for i in range(3)]
    c.add(f"{d}/good.jsonl", "\n".join(good).encode() + b"\n", "container")
    c.add(f"{d}/some-bad.jsonl", "\n".join([good[0], "{not json", "[1, 2]", '{"title": "no body"}', good[1]]).encode(), "container")
    c.add(f"{d}/empty.jsonl", b"", "container")
    c.add(f"{d}/blank-lines.jsonl", b"\n\n  \n\n", "container")
    c.add(f"{d}/binary.jsonl", bytes(rng.randrange(256) for _ in range(50_000)), "container")
    c.add(f"{d}/text-lines.jsonl", "\n".join(f"line {i} of prose, not JSON" for i in range(2_000)).encode(), "container")
    c.add(f"{d}/surrogates.jsonl", b'{"text": "' + SENTENCE.encode() + b' \\ud800 broken", "title": "\\udfff"}\n', "container")
    c.add(f"{d}/html-lines.jsonl", json.dumps({"html": pages[r % len(pages)]}).encode() + b"\n", "container")
    c.add(f"{d}/lines.jsonl.gz", gzip.compress("\n".join(good).encode()), "container")
    warc = _warc([pages[(r + i) % len(pages)] for i in range(3)])
    c.add(f"{d}/crawl.warc.gz", warc, "container")
    c.add(f"{d}/truncated.warc.gz", warc[: int(len(warc) * (0.4 + 0.1 * (r % 5)))], "container")
    c.add(f"{d}/not-a.warc", b"this file only pretends to be an archive\n" * 10, "container")
    c.add(f"{d}/empty.warc", b"", "container")
    c.add(f"{d}/garbage.warc.gz", bytes(rng.randrange(256) for _ in range(4000)), "container")


_ODD_NAMES = [b"bad\xff.txt", b"latin1-caf\xe9.txt", b"broken\xc3\x28.html", b"new\nline.txt", b"tab\there.txt",
              b"-leading-dash.txt", b"--help.txt", b"spaces  in name .txt", b"quote'\"s.txt", b"back\\slash.txt",
              b"percent%20%ff.txt", b"emoji-\xf0\x9f\x93\xb0.txt", b"nfd-cafe\xcc\x81.txt", b"rtl-\xd7\xa9\xd7\x9c.txt",
              b"x" * 240 + b".txt", b"star*.txt", b"question?.txt", b"semi;colon.txt", b"$(rm -rf x).txt",
              b"noextension", b"UPPER.HTML", b"double.txt.html", b"page-as.jsonl", b"text-as.html", b"dots...txt",
              b"trailing.", b"back\\x41slash.txt", b"\xfe\xff-bom-name.txt"]


def _odd_names(c: Corpus, texts: list[str], pages: list[str], r: int, small: bool) -> None:
    for k, name in enumerate(_ODD_NAMES):
        page = name.endswith((b".html", b".HTML", b".jsonl")) and not name.startswith(b"text-as")
        data = (pages if page else texts)[(r * len(_ODD_NAMES) + k) % len(pages if page else texts)].encode()
        c.add(b"names/%d/" % r + name, data, "odd name")


def _odd_files(c: Corpus, texts: list[str], pages: list[str], r: int, small: bool) -> None:
    d = f"files/{r}"
    text = texts[r % len(texts)].encode()
    c.add(f"{d}/.hidden.txt", text, "hidden", hidden=True)
    c.special(f"{d}/.git", "hidden", lambda p: _deep(p, text, 2), hidden=True)
    c.add(f"{d}/ok.txt", text, "plain")
    c.special(f"{d}/link-to-ok.txt", "link", lambda p: os.symlink(b"ok.txt", p))
    c.special(f"{d}/loop-a.txt", "link loop", lambda p: os.symlink(b"loop-b.txt", p))
    c.special(f"{d}/loop-b.txt", "link loop", lambda p: os.symlink(b"loop-a.txt", p))
    c.special(f"{d}/self.txt", "link loop", lambda p: os.symlink(b"self.txt", p))
    c.special(f"{d}/dangling.txt", "dangling link", lambda p: os.symlink(b"nowhere/missing.txt", p))
    c.special(f"{d}/zero.txt", "device link", lambda p: os.symlink(b"/dev/zero", p))
    c.special(f"{d}/null.html", "device link", lambda p: os.symlink(b"/dev/null", p))
    c.special(f"{d}/urandom", "device link", lambda p: os.symlink(b"/dev/urandom", p))
    c.special(f"{d}/pipe.txt", "named pipe", os.mkfifo)
    c.special(f"{d}/socket.txt", "socket", _socket)
    c.special(f"{d}/up", "folder loop", lambda p: os.symlink(b"..", p))
    c.special(f"{d}/locked", "unreadable folder", _locked_folder)
    c.special(f"{d}/secret.txt", "unreadable file", lambda p: (open(p, "wb").write(text), os.chmod(p, 0)))
    c.special(f"{d}/deep", "deep folders", lambda p: _deep(p, text, 40))


def _socket(path: bytes) -> None:
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(path)
    finally:
        s.close()


def _locked_folder(path: bytes) -> None:
    os.makedirs(path)
    with open(os.path.join(path, b"inside.txt"), "wb") as f:
        f.write(SENTENCE.encode())
    os.chmod(path, 0)


def _deep(path: bytes, text: bytes, depth: int) -> None:
    inner = os.path.join(path, *[b"d"] * depth)
    os.makedirs(inner)
    with open(os.path.join(inner, b"deep.txt"), "wb") as f:
        f.write(text)


def unlock(root: Path) -> None:
    """Give back the permissions the corpus took away, so it can be removed."""
    for dirpath, dirnames, filenames in os.walk(os.fsencode(root)):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            if not os.path.islink(p):
                try:
                    os.chmod(p, 0o755)
                except OSError:
                    pass
    os.chmod(os.fsencode(root), 0o755)


def account(entries: list[Entry], folder: str, db: Path, stderr: str) -> dict:
    """Which entries have a documents row or were counted as skipped by rule."""
    import duckdb

    from dateline.read import path_of_origin

    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT origin, status, code FROM documents").fetchall()
    con.close()
    prefix = os.fsencode(folder) + b"/"
    stored: dict[bytes, list] = {}
    for origin, status, code in rows:
        raw = path_of_origin(origin)
        key = raw[len(prefix):] if raw.startswith(prefix) else raw
        stored.setdefault(key, []).append(code or status)
    hidden_reported = sum(int(n) for n in re.findall(r"skipped (\d+) hidden", stderr)) + \
        sum(int(n) for n in re.findall(r"and (\d+) hidden folder", stderr))
    unaccounted, hidden = [], 0
    for e in entries:
        if e.hidden:
            hidden += 1
            continue
        if e.path in stored:
            continue
        under = (e.path + b"/",) if e.kind in ("unreadable folder", "deep folders") else (e.path + b":", e.path + b"#")
        if not any(k.startswith(under) for k in stored):
            unaccounted.append(e)
    codes: dict[str, int] = {}
    for origin, status, code in rows:
        codes[code or status] = codes.get(code or status, 0) + 1
    return {"rows": len(rows), "hidden_entries": hidden, "hidden_reported": hidden_reported,
            "unaccounted": [(os.fsdecode(e.path), e.kind) for e in unaccounted],
            "accounted": len(entries) - len(unaccounted) - (hidden - min(hidden, hidden_reported)),
            "codes": dict(sorted(codes.items()))}


def run(folder: str, db: Path, cwd: Path, timeout: float, extra: list[str] = ()) -> tuple[int, float, str]:
    t = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", "dateline", "analyze", folder, "--db", str(db), "--format", "none",
                               *extra], cwd=cwd, capture_output=True, timeout=timeout)
        code, err = proc.returncode, proc.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as exc:
        code, err = -1, (exc.stderr or b"").decode("utf-8", "replace") + f"\nTIMEOUT after {timeout:.0f} s"
    return code, time.perf_counter() - t, err


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--real", type=int, default=400, help="real pages and articles among the entries")
    parser.add_argument("--keep", help="build the corpus in this folder and keep it")
    parser.add_argument("--timeout", type=float, default=3600, help="hard limit on the hostile run, in seconds")
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="dateline-hostile-"))
    work.mkdir(parents=True, exist_ok=True)
    real = real_articles(args.real)
    entries = build(work / "hostile", real, args.entries)
    clean = work / "clean"
    clean.mkdir(exist_ok=True)
    for name, data in real:
        (clean / name).write_bytes(data)
    kinds: dict[str, int] = {}
    for e in entries:
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    print(f"corpus: {len(entries)} entries in {work / 'hostile'}: " + ", ".join(f"{k} {v}" for k, v in kinds.items()))
    clean_code, clean_s, _ = run("clean", work / "clean.duckdb", work, args.timeout)
    print(f"clean run of the {len(real)} real pages alone: exit {clean_code}, {clean_s:.1f} s")
    code, hostile_s, err = run("hostile", work / "hostile.duckdb", work, args.timeout)
    (work / "hostile.stderr").write_text(err)
    print(f"hostile run of {len(entries)} entries: exit {code}, {hostile_s:.1f} s ({hostile_s / clean_s:.2f} x clean)")
    result = account(entries, "hostile", work / "hostile.duckdb", err)
    for path, kind in result["unaccounted"]:
        print(f"  unaccounted: {path!r} ({kind})")
    print(f"rows {result['rows']}; accounted {result['accounted']} of {len(entries)}; hidden skipped "
          f"{result['hidden_reported']} reported of {result['hidden_entries']}; codes {result['codes']}")
    print(json.dumps({"entries": len(entries), "real": len(real), "rows": result["rows"],
                      "accounted": result["accounted"], "unaccounted": len(result["unaccounted"]), "exit": code,
                      "clean_s": round(clean_s, 1), "hostile_s": round(hostile_s, 1),
                      "ratio": round(hostile_s / clean_s, 2), "codes": result["codes"]}))
    if not args.keep:
        unlock(work)
        import shutil

        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
