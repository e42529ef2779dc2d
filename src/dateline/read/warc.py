"""WARC and WARC.gz archives (Common Crawl's CC-NEWS among them): one document per HTML response.

A record that cannot be read, or an archive cut off mid-record, yields an Offered carrying the
error, so the store keeps a row for it; reading stops there, since nothing after it can be trusted.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Iterator

from .. import errors
from . import Offered


def iter_warc(path: Path) -> Iterator[Offered]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Offered(str(path), error=errors.unreadable(str(path), exc.strerror or str(exc)))
        return
    yield from iter_warc_bytes(str(path), data)


def iter_warc_bytes(origin: str, data: bytes) -> Iterator[Offered]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    stream = ArchiveIterator(io.BytesIO(data))
    try:
        for record in stream:
            if record.rec_type != "response":
                continue
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{origin}#{n} {uri}".rstrip()
            content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            try:
                body = record.content_stream().read()
            except Exception as exc:  # warcio raises plain Exceptions on damaged chunked/gzip bodies
                yield Offered(where, error=errors.bad_warc(f"record {n}: {exc}"))
                return
            if content_type and "html" not in content_type.lower() and "text" not in content_type.lower():
                yield Offered(where, body, error=errors.not_an_article(content_type))
                continue
            meta = {"url": uri} if uri else {}
            date = record.rec_headers.get_header("WARC-Date")
            if date:
                meta["fetched"] = date
            yield Offered(where, body, "html" if "html" in content_type.lower() or not content_type else "text", meta)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        yield Offered(f"{origin}#{n + 1}", error=errors.bad_warc(f"after {n} record(s): {exc}"))
