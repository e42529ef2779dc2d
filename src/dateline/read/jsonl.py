"""JSONL: one article a line, ``{"text" | "html", "url"?, "published"?, "outlet"?, "title"?}``.

Each line gets its own Offered (its own row in the store); blank lines are passed over. These rules
keep a file that is not JSONL from flooding the store with a row per line:
- a file with no line at all (empty, or blank lines only) gets one E101 row;
- a file whose first line is not a JSON object at all (binary, an HTML page, prose) gets one E120
  row and is not read on;
- once at least ``GIVE_UP_AFTER`` lines are bad and they outnumber the good ones, the rest of the
  file gets one E120 row and is not read (a binary file named ``.jsonl`` gives one error, not a
  thousand);
- a line over ``max_bytes`` gets an E103 row and is skipped without being held in memory.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
from typing import BinaryIO, Iterable, Iterator, Optional

from .. import errors
from . import DEFAULT_MAX_BYTES, Offered, _open_regular

META_KEYS = ("url", "published", "outlet", "title")
GIVE_UP_AFTER = 10
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def iter_jsonl(origin: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Offered]:
    yield from _offers(origin, ((line, len(line), None) for line in data.split(b"\n")), max_bytes)


def iter_jsonl_file(path: str, origin: str, gz: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Offered]:
    """The lines of a JSONL file (or ``.jsonl.gz``), read one at a time."""
    try:
        raw = _open_regular(path)
    except OSError as exc:
        yield Offered(origin, error=errors.unreadable(origin, exc.strerror or str(exc)))
        return
    with raw:
        stream = gzip.GzipFile(fileobj=raw) if gz else raw
        lines = _bounded_lines(stream, max_bytes)
        try:
            yield from _offers(origin, lines, max_bytes)
        except (OSError, EOFError) as exc:  # a gzip stream that breaks off
            yield Offered(f"{origin}:{lines.line_no + 1}", error=errors.unreadable(origin, f"bad gzip: {exc}"))


class _bounded_lines:
    """(line, size, digest) for each line of a stream; a line over ``limit`` bytes is not kept:
    its line is ``None``, with its size and hash."""

    def __init__(self, stream: BinaryIO, limit: int):
        self.stream, self.limit, self.line_no = stream, limit, 0

    def __iter__(self) -> Iterator[tuple[Optional[bytes], int, Optional[str]]]:
        while True:
            line = self.stream.readline(self.limit + 1)
            if not line:
                return
            self.line_no += 1
            if len(line) <= self.limit or line.endswith(b"\n"):
                yield line.rstrip(b"\n"), len(line), None
                continue
            h, size = hashlib.sha256(line), len(line)
            while line and not line.endswith(b"\n"):
                line = self.stream.readline(1 << 20)
                h.update(line)
                size += len(line)
            yield None, size, h.hexdigest()


def _offers(origin: str, lines: Iterable[tuple[Optional[bytes], int, Optional[str]]], max_bytes: int) -> Iterator[Offered]:
    good = bad = seen = 0
    for line_no, (line, size, digest) in enumerate(lines, start=1):
        where = f"{origin}:{line_no}"
        if line is None:
            seen += 1
            yield Offered(where, error=errors.too_large(size, max_bytes), digest=digest, size=size)
            continue
        if not line.strip():
            continue
        seen += 1
        offered = _line(where, line_no, line)
        if offered.error is None:
            good += 1
        elif seen == 1 and (_binary(line) or not line.lstrip().startswith(b"{")):
            what = "binary" if _binary(line) else "not a JSON object"
            yield Offered(where, error=errors.not_jsonl(line_no, f"its first line is {what}"))
            return
        else:
            bad += 1
            if bad >= GIVE_UP_AFTER and bad > good:
                yield Offered(where, error=errors.not_jsonl(line_no, f"{bad:,} of its first {seen:,} lines are not JSON objects"))
                return
        yield offered
    if not seen:
        yield Offered(origin, error=errors.empty_input())


def _binary(line: bytes) -> bool:
    if b"\x00" in line:
        return True
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _line(where: str, line_no: int, line: bytes) -> Offered:
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return Offered(where, line, error=errors.bad_jsonl(line_no, f"invalid JSON: {exc}"))
    if not isinstance(obj, dict):
        return Offered(where, line, error=errors.bad_jsonl(line_no, f"a JSON {type(obj).__name__}"))
    body = obj.get("html") if isinstance(obj.get("html"), str) else obj.get("text")
    if not isinstance(body, str):
        return Offered(where, line, error=errors.bad_jsonl(line_no, "no string field 'text' or 'html'"))
    meta = {k: _text(obj[k]) for k in META_KEYS if isinstance(obj.get(k), str) and obj[k].strip()}
    form = "html" if isinstance(obj.get("html"), str) else "text"
    return Offered(where, _text(body).encode("utf-8"), form, meta)


def _text(value: str) -> str:
    """JSON may escape half a surrogate pair ("\\ud800"), which no UTF-8 text can hold: U+FFFD instead."""
    return _LONE_SURROGATE.sub("\ufffd", value)
