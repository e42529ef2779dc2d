"""WARC and WARC.gz archives (Common Crawl's CC-NEWS among them): one document per HTML response.

Every problem becomes an Offered carrying its error, so the store keeps a row for it:
- a file that is not a WARC (or ARC) archive at all: one error for the file;
- a record whose body ends before its Content-Length (a truncated archive) or cannot be decoded:
  an error for that record; reading stops there, since nothing after it can be trusted;
- a response that is not text or HTML (images, PDFs): an error for that record, and reading goes on.
"""
from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path
from typing import Iterator

from .. import errors
from . import Offered

_MAGIC = (b"WARC/", b"filedesc://")


def iter_warc(path: Path) -> Iterator[Offered]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Offered(str(path), error=errors.unreadable(str(path), exc.strerror or str(exc)))
        return
    yield from iter_warc_bytes(str(path), data)


def _head(data: bytes) -> bytes:
    """The first bytes of the archive, decompressed when it is gzipped."""
    if data[:2] != b"\x1f\x8b":
        return data[:64]
    try:
        return zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(data[:4096], 64)
    except zlib.error:
        return b""


def iter_warc_bytes(origin: str, data: bytes) -> Iterator[Offered]:
    from warcio.archiveiterator import ArchiveIterator

    if not _head(data).lstrip().startswith(_MAGIC):
        yield Offered(origin, data[:0], error=errors.bad_warc("the file is not a WARC or ARC archive"))
        return
    n = records = 0
    archive = ArchiveIterator(io.BytesIO(data))
    try:
        for record in archive:
            records += 1
            length = record.rec_headers.get_header("Content-Length") or ""
            if not length.strip().isdigit():
                yield Offered(f"{origin}#{n + 1}", error=errors.bad_warc(
                    f"a {record.rec_type or 'WARC'} record after {n} response(s) has no valid Content-Length"))
                return
            if record.rec_type != "response":
                record.raw_stream.read()
                if getattr(record.raw_stream, "limit", 0):
                    yield Offered(f"{origin}#{n + 1}", error=errors.bad_warc(
                        f"a {record.rec_type} record after {n} response(s) ends early: the archive is truncated"))
                    return
                continue
            n += 1
            offered = _response(origin, n, record)
            yield offered
            if offered.error is not None and offered.error.code == "E106":
                return
    except Exception as exc:  # noqa: BLE001 -- warcio raises many kinds of exception on damaged input
        yield Offered(f"{origin}#{n + 1}", error=errors.bad_warc(f"after {n} record(s): {exc.__class__.__name__}: {exc}"))
        return
    if not records:
        yield Offered(origin, data[:0], error=errors.bad_warc("no record could be read from the archive"))
    elif data[:2] != b"\x1f\x8b" and data[archive.offset:].strip():
        yield Offered(f"{origin}#{n + 1}", error=errors.bad_warc(
            f"{len(data) - archive.offset:,} byte(s) after response {n} do not form a record: the archive is truncated"))
    elif data[:2] == b"\x1f\x8b" and not _gzip_complete(data):
        yield Offered(f"{origin}#{n + 1}", error=errors.bad_warc(
            f"the archive is truncated after {n} response(s): its last gzip member is incomplete"))


def _gzip_complete(data: bytes) -> bool:
    """Whether every gzip member of ``data`` ends properly (a streaming pass, constant memory)."""
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        try:
            while stream.read(1 << 20):
                pass
        except (EOFError, OSError, zlib.error):
            return False
    return True


def _response(origin: str, n: int, record) -> Offered:
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"{origin}#{n} {uri}".rstrip()
    content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
    try:
        body = record.content_stream().read()
    except Exception as exc:  # noqa: BLE001 -- warcio raises plain Exceptions on damaged chunked/gzip bodies
        return Offered(where, error=errors.bad_warc(f"record {n}: {exc}"))
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        return Offered(where, body, error=errors.bad_warc(
            f"record {n} ends {missing:,} byte(s) before its declared length: the archive is truncated"))
    kind = content_type.lower()
    if content_type and "html" not in kind and "text" not in kind:
        return Offered(where, body, error=errors.not_an_article(content_type))
    meta = {"url": uri} if uri else {}
    date = record.rec_headers.get_header("WARC-Date")
    if date:
        meta["fetched"] = date
    return Offered(where, body, "html" if "html" in kind or not content_type else "text", meta)
