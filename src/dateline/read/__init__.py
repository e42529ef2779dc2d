"""Reading: from what a user has (files, folders, JSONL, WARC, stdin) to clean pages.

Two steps, both pure apart from reading files:
- ``iter_offered(paths)`` yields one ``Offered`` per document offered, never skipping one: a
  container that fails (a bad JSONL line, a truncated WARC record) yields an ``Offered`` with its
  ``error`` set, so the store can record it.
- ``extract(offered)`` turns one into a ``Page``: the clean body with its headings, the page chrome
  removed, title, authors, dateline and publication date. It raises ``InputError`` for bad input.
"""
from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .. import errors
from ..errors import InputError
from ..record import Dateline, Heading

DEFAULT_MAX_BYTES = 20_000_000
DEFAULT_MAX_CHARS = 1_000_000

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".arc"}


@dataclass(slots=True)
class Offered:
    """One document as offered, before anything is made of it."""

    origin: str  # a path, "path:LINE" for JSONL, "path#N <uri>" for WARC records, "-" for stdin
    data: bytes = b""
    form: str = "auto"  # html, text, auto
    meta: dict = field(default_factory=dict)  # url, published, outlet, title from the container
    error: Optional[InputError] = None

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(slots=True)
class Page:
    """A clean article body and what the page says about it; the input of the NLP stage."""

    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    outlet: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    published: Optional[str] = None
    published_from: str = "none"
    dateline: Optional[Dateline] = None
    headings: list[Heading] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def iter_offered(paths: Iterable[str], stdin=None) -> Iterator[Offered]:
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _from_bytes("-", stream.read())
            continue
        p = Path(path)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(p).parts):
                    yield from _from_file(child)
        else:
            yield from _from_file(p)


def _from_file(path: Path) -> Iterator[Offered]:
    origin = str(path)
    suffixes = [s.lower() for s in path.suffixes]
    try:
        if suffixes and suffixes[-1] == ".gz" and len(suffixes) > 1 and suffixes[-2] in WARC_SUFFIXES:
            from .warc import iter_warc

            yield from iter_warc(path)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Offered(origin, error=errors.unreadable(origin, exc.strerror or str(exc)))
        return
    suffix = suffixes[-1] if suffixes else ""
    if suffix == ".gz":
        import gzip

        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            yield Offered(origin, data, error=errors.unreadable(origin, f"bad gzip: {exc}"))
            return
        suffix = suffixes[-2] if len(suffixes) > 1 else ""
    if suffix in WARC_SUFFIXES:
        from .warc import iter_warc

        yield from iter_warc(path)
    elif suffix in JSONL_SUFFIXES:
        from .jsonl import iter_jsonl

        yield from iter_jsonl(origin, data)
    elif suffix in HTML_SUFFIXES:
        yield Offered(origin, data, "html")
    elif suffix in TEXT_SUFFIXES:
        yield Offered(origin, data, "text")
    else:
        yield from _from_bytes(origin, data)


def _from_bytes(origin: str, data: bytes) -> Iterator[Offered]:
    head = data[:64].lstrip()
    if head.startswith(b"WARC/"):
        from .warc import iter_warc_bytes

        yield from iter_warc_bytes(origin, data)
    elif head.startswith(b"{") and b"\n{" in data[:1_000_000]:
        from .jsonl import iter_jsonl

        yield from iter_jsonl(origin, data)
    else:
        yield Offered(origin, data, "auto")


def extract(offered: Offered, published: Optional[str] = None,
            max_bytes: int = DEFAULT_MAX_BYTES, max_chars: int = DEFAULT_MAX_CHARS) -> Page:
    """The clean page of one offered document. ``published`` is the user's fallback date.
    Raises InputError, whatever went wrong inside the readers."""
    if offered.error is not None:
        raise offered.error
    if len(offered.data) > max_bytes:
        raise errors.too_large(len(offered.data), max_bytes)
    try:
        return _extract(offered, published, max_chars)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 -- one unreadable document must never stop a batch
        raise errors.unreadable_content(f"{exc.__class__.__name__}: {exc}") from exc


def _extract(offered: Offered, published: Optional[str], max_chars: int) -> Page:
    from .decode import decode, looks_like_html
    from .html import extract_html
    from .text import extract_text

    raw, warnings = decode(offered.data)
    if not raw.strip():
        raise errors.empty_input()
    form = offered.form
    if form == "auto":
        form = "html" if looks_like_html(raw) else "text"
    page = extract_html(raw, offered.meta) if form == "html" else extract_text(raw, offered.meta)
    if not page.text.strip():
        raise errors.no_body("the page has no paragraph of article text")
    if len(page.text) > max_chars:
        raise errors.text_too_long(len(page.text), max_chars)
    page.warnings = warnings + page.warnings
    _settle_published(page, offered.meta.get("published"), published)
    return page


def _settle_published(page: Page, meta_published: Optional[str], user_published: Optional[str]) -> None:
    """Metadata first, then the dateline, then the user's date; never the clock, never a guess.

    A dateline without a year ("July 4--") takes its year from the user's date when that date is
    within a few months of it; otherwise it stays ``XXXX-MM-DD``.
    """
    from .dates import complete_partial, iso_day

    meta_day = iso_day(meta_published) if meta_published else None
    if meta_day is None and page.published:
        meta_day = iso_day(page.published)
    user_day = iso_day(user_published) if user_published else None
    dl = page.dateline
    if dl is not None and dl.date and dl.date.startswith("XXXX"):
        anchor = meta_day or user_day
        if anchor:
            dl.date = complete_partial(dl.date, anchor) or dl.date
    if meta_day:
        page.published, page.published_from = meta_day, "metadata"
    elif dl is not None and dl.date and not dl.date.startswith("XXXX"):
        page.published, page.published_from = dl.date, "dateline"
    elif user_day:
        page.published, page.published_from = user_day, "user"
    elif dl is not None and dl.date:
        page.published, page.published_from = dl.date, "dateline"
    else:
        page.published, page.published_from = None, "none"
        page.warnings.append(errors.w_published_unknown())
