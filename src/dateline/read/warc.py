"""WARC and WARC.gz archives (Common Crawl's CC-NEWS among them): one document per HTML response.

Every problem becomes an Offered carrying its error, so the store keeps a row for it:
- a file that is not a WARC (or ARC) archive at all: one error for the file;
- a record whose body ends before its Content-Length (a truncated archive) or cannot be decoded:
  an error for that record; reading stops there, since nothing after it can be trusted;
- a response that is not text or HTML (images, PDFs), or whose body is over ``max_bytes``: an error
  for that record, and reading goes on.
The archive is read as a stream, a record at a time, so its size does not matter.
"""
from __future__ import annotations

import gzip
import io
import zlib
from typing import BinaryIO, Iterator

from .. import errors
from . import DEFAULT_MAX_BYTES, Offered, _open_regular

_MAGIC = (b"WARC/", b"filedesc://")


def iter_warc(path: str, origin: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Offered]:
    """The documents of an archive file, read a record at a time (an archive may be gigabytes)."""
    try:
        stream = _open_regular(path)
    except OSError as exc:
        yield Offered(origin, error=errors.unreadable(origin, exc.strerror or str(exc)))
        return
    with stream:
        yield from _iter_stream(origin, stream, max_bytes)


def iter_warc_bytes(origin: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Offered]:
    yield from _iter_stream(origin, io.BytesIO(data), max_bytes)


def _head(stream: BinaryIO) -> bytes:
    """The first bytes of the archive, decompressed when it is gzipped; the stream is rewound."""
    data = stream.read(4096)
    stream.seek(0)
    if data[:2] != b"\x1f\x8b":
        return data[:64]
    try:
        return zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(data, 64)
    except zlib.error:
        return b""


def _iter_stream(origin: str, stream: BinaryIO, max_bytes: int) -> Iterator[Offered]:
    from warcio.archiveiterator import ArchiveIterator

    head = _head(stream)
    if not head.lstrip().startswith(_MAGIC):
        yield Offered(origin, error=errors.bad_warc("the file is not a WARC or ARC archive"))
        return
    gzipped = stream.read(2) == b"\x1f\x8b"
    stream.seek(0)
    n = records = 0
    archive = ArchiveIterator(stream)
    try:
        for record in archive:
            records += 1
            length = record.rec_headers.get_header("Content-Length") or ""
            if not length.strip().isdigit():
                yield Offered(f"{origin}#{n + 1}", error=errors.bad_warc(
                    f"a {record.rec_type or 'WARC'} record after {n} response(s) has no valid Content-Length"))
                return
            if record.rec_type != "response":
                while record.raw_stream.read(1 << 20):
                    pass
                if getattr(record.raw_stream, "limit", 0):
                    yield Offered(f"{origin}#{n + 1}", error=errors.bad_warc(
                        f"a {record.rec_type} record after {n} response(s) ends early: the archive is truncated"))
                    return
                continue
            n += 1
            offered = _response(origin, n, record, max_bytes)
            yield offered
            if offered.error is not None and offered.error.code == "E106":
                return
    except Exception as exc:  # noqa: BLE001 -- warcio raises many kinds of exception on damaged input
        yield Offered(f"{origin}#{n + 1}", error=errors.bad_warc(
            f"record {records + 1} cannot be parsed after {n} response(s): its WARC or HTTP headers are damaged "
            f"or incomplete, as when a response has no WARC-Target-URI or a bad status line; "
            f"warcio: {exc.__class__.__name__}: {exc}"))
        return
    if not records:
        yield Offered(origin, error=errors.bad_warc("no record could be read from the archive"))
    elif not gzipped and (trailing := _trailing_bytes(stream, archive.offset)):
        yield Offered(f"{origin}#{n + 1}", error=errors.bad_warc(
            f"{trailing:,} byte(s) after response {n} do not form a record: the archive is truncated"))
    elif gzipped and not _gzip_complete(stream):
        yield Offered(f"{origin}#{n + 1}", error=errors.bad_warc(
            f"the archive is truncated after {n} response(s): its last gzip member is incomplete"))


def _trailing_bytes(stream: BinaryIO, offset: int) -> int:
    """How many bytes follow the last record, when any of them is not white space."""
    stream.seek(offset)
    total, blank = 0, True
    while chunk := stream.read(1 << 20):
        total += len(chunk)
        blank = blank and not chunk.strip()
    return 0 if blank else total


def _gzip_complete(stream: BinaryIO) -> bool:
    """Whether every gzip member of the stream ends properly (a streaming pass, constant memory)."""
    stream.seek(0)
    with gzip.GzipFile(fileobj=stream) as unzipped:
        try:
            while unzipped.read(1 << 20):
                pass
        except (EOFError, OSError, zlib.error):
            return False
    return True


def _response(origin: str, n: int, record, max_bytes: int) -> Offered:
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"{origin}#{n} {uri}".rstrip()
    content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
    try:
        body = record.content_stream().read(max_bytes + 1)
    except Exception as exc:  # noqa: BLE001 -- warcio raises plain Exceptions on damaged chunked/gzip bodies
        return Offered(where, error=errors.bad_warc(f"record {n}: {exc}"))
    if len(body) > max_bytes:
        return Offered(where, error=errors.too_large(max_bytes, max_bytes, more=True), size=len(body))
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
