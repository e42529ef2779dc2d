r"""Reading: from what a user has (files, folders, JSONL, WARC, stdin) to clean pages.

Two steps, both pure apart from reading files:
- ``iter_offered(paths)`` yields one ``Offered`` per document offered, never dropping one silently:
  a container that fails (a bad JSONL line, a truncated WARC record), a file that cannot be read or
  is not a file at all yields an ``Offered`` with its ``error`` set, so the store can record it.
- ``extract(offered)`` turns one into a ``Page``: the clean body with its headings, the page chrome
  removed, title, authors, dateline and publication date. It raises ``InputError`` for bad input.

Walking the paths given:
- ``-`` is standard input. A folder is read recursively, in name order.
- Inside a folder, names starting with ``.`` (hidden files and folders: ``.git``, ``.DS_Store``,
  editors' backups) are skipped and counted in ``skipped``; a hidden file named itself is read.
- Symbolic links are followed. A link whose target is missing, a chain of links that loops, and a
  link to a folder that contains it (``..``, a folder above) each get an E108 row; so does a folder
  that cannot be listed.
- Only regular files are opened: a device, a named pipe or a socket gets an E119 row (a pipe would
  wait for a writer forever, ``/dev/zero`` never ends).
- A file over ``max_bytes`` (after gunzipping ``.gz``) gets an E103 row without being held in memory;
  JSONL and WARC files are read a record at a time, each record bounded the same way.

Origins: the path as given; a backslash in it is written ``\\`` and each byte of a file name that is
not UTF-8 is written ``\xNN`` (``origin_of``; ``path_of_origin`` reverses it), so every origin is
text the store can hold and no two paths share one.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import stat
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional

from .. import errors
from ..errors import InputError
from ..record import Dateline, Heading

DEFAULT_MAX_BYTES = 20_000_000
# The longest of 2,000 real news articles in ../shared/eval is about 53,000 characters; parsing and
# annotating grow faster than linearly beyond a few hundred thousand.
DEFAULT_MAX_CHARS = 150_000

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".arc"}

_CHUNK = 1 << 20


@dataclass(slots=True)
class Offered:
    """One document as offered, before anything is made of it."""

    origin: str  # a path, "path:LINE" for JSONL, "path#N <uri>" for WARC records, "-" for stdin
    data: bytes = b""
    form: str = "auto"  # html, text, auto
    meta: dict = field(default_factory=dict)  # url, published, outlet, title from the container
    error: Optional[InputError] = None
    digest: Optional[str] = None  # the content hash; given when the bytes were not kept (over the size limit)
    size: Optional[int] = None  # bytes offered; given when the bytes were not kept

    def __post_init__(self) -> None:
        if self.digest is None:
            self.digest = hashlib.sha256(self.data).hexdigest()
        if self.size is None:
            self.size = len(self.data)

    @property
    def content_hash(self) -> str:
        return self.digest


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


def origin_of(path: str | os.PathLike) -> str:
    r"""The origin stored for a path: its text, with ``\\`` for a backslash and ``\xNN`` for each byte
    that is not UTF-8 (a file name made on another system), so that it is lossless and storable."""
    raw = os.fsencode(path)
    return raw.replace(b"\\", b"\\\\").decode("utf-8", "backslashreplace")


_ESCAPE = re.compile(r"\\(\\|x[0-9a-f]{2})")


def path_of_origin(origin: str) -> bytes:
    """The file name bytes an origin made by ``origin_of`` stands for."""
    out, pos = bytearray(), 0
    for m in _ESCAPE.finditer(origin):
        out += origin[pos:m.start()].encode("utf-8")
        out += b"\\" if m.group(1) == "\\" else bytes([int(m.group(1)[1:], 16)])
        pos = m.end()
    return bytes(out + origin[pos:].encode("utf-8"))


def iter_offered(paths: Iterable[str], stdin=None, *, max_bytes: int = DEFAULT_MAX_BYTES,
                 skipped: Optional[Counter] = None, exclude: Iterable[str | os.PathLike] = ()) -> Iterator[Offered]:
    """Every document offered by ``paths``, in order. What is passed over by rule (hidden names inside
    folders, the files in ``exclude``) is counted in ``skipped`` by reason."""
    walk = _Walk(max_bytes, skipped if skipped is not None else Counter(),
                 {os.path.realpath(p) for p in exclude})
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _from_bytes("-", stream.read())
        else:
            yield from walk.entry(path, ())


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
                       (stat.S_ISFIFO, "named pipe"), (stat.S_ISSOCK, "socket")):
        if test(mode):
            return name
    return "special file"


@dataclass(slots=True)
class _Walk:
    max_bytes: int
    skipped: Counter
    exclude: set[str]

    def entry(self, path: str, ancestors: tuple[tuple[int, int], ...]) -> Iterator[Offered]:
        origin = origin_of(path)
        try:
            st = os.stat(path)
        except OSError as exc:
            yield Offered(origin, error=errors.unreadable(origin, _stat_failure(path, exc)))
            return
        if stat.S_ISDIR(st.st_mode):
            yield from self.folder(path, origin, st, ancestors)
        elif not stat.S_ISREG(st.st_mode):
            yield Offered(origin, error=errors.not_a_file(origin, _kind(st.st_mode)))
        elif os.path.realpath(path) in self.exclude:
            self.skipped["the store's own file"] += 1
        else:
            yield from _from_file(path, origin, st.st_size, self.max_bytes)

    def folder(self, path: str, origin: str, st: os.stat_result,
               ancestors: tuple[tuple[int, int], ...]) -> Iterator[Offered]:
        key = (st.st_dev, st.st_ino)
        if key in ancestors or (os.path.islink(path) and _contains(os.path.realpath(path), os.path.dirname(path))):
            yield Offered(origin, error=errors.unreadable(origin, "a link to a folder that contains it, a loop; not followed"))
            return
        try:
            with os.scandir(path) as it:
                names = sorted(e.name for e in it)
        except OSError as exc:
            yield Offered(origin, error=errors.unreadable(
                origin, f"the folder cannot be listed: {exc.strerror or exc}; none of its files were read"))
            return
        for name in names:
            child = os.path.join(path, name)
            if name.startswith("."):
                self.skipped["hidden folder" if os.path.isdir(child) else "hidden file"] += 1
                continue
            yield from self.entry(child, ancestors + (key,))


def _contains(folder: str, path: str) -> bool:
    """Whether ``folder`` is ``path`` or a folder above it, once links are resolved."""
    folder, path = os.path.realpath(folder), os.path.realpath(path or ".")
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _stat_failure(path: str, exc: OSError) -> str:
    import errno

    if exc.errno == errno.ELOOP:
        return "a chain of symbolic links that loops"
    if os.path.islink(path) and exc.errno == errno.ENOENT:
        return f"a symbolic link to {origin_of(os.readlink(path))}, which does not exist"
    return exc.strerror or str(exc)


def _open_regular(path: str) -> BinaryIO:
    """The file opened for reading, refusing anything that is not a regular file by the time it is
    opened (non-blocking, so a named pipe swapped in cannot stall the walk)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(0, "a folder" if stat.S_ISDIR(mode) else f"a {_kind(mode)}, not a file")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _hash_stream(stream: BinaryIO) -> tuple[str, int]:
    h, n = hashlib.sha256(), 0
    while chunk := stream.read(_CHUNK):
        h.update(chunk)
        n += len(chunk)
    return h.hexdigest(), n


def _suffixes(path: str) -> list[str]:
    return [s.lower() for s in Path(path).suffixes]


def _from_file(path: str, origin: str, size: int, max_bytes: int) -> Iterator[Offered]:
    suffixes = _suffixes(path)
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    inner = (suffixes[-2] if len(suffixes) > 1 else "") if gz else (suffixes[-1] if suffixes else "")
    if inner in WARC_SUFFIXES:
        from .warc import iter_warc

        yield from iter_warc(path, origin, max_bytes)
        return
    if inner in JSONL_SUFFIXES:
        from .jsonl import iter_jsonl_file

        yield from iter_jsonl_file(path, origin, gz, max_bytes)
        return
    try:
        with _open_regular(path) as f:
            if size > max_bytes:
                digest, size = _hash_stream(f)
                yield Offered(origin, error=errors.too_large(size, max_bytes), digest=digest, size=size)
                return
            data = f.read()
    except OSError as exc:
        yield Offered(origin, error=errors.unreadable(origin, exc.strerror or str(exc)))
        return
    if gz:
        data = _gunzip(data, origin, max_bytes)
        if isinstance(data, Offered):
            yield data
            return
    if inner in HTML_SUFFIXES:
        yield Offered(origin, data, "html")
    elif inner in TEXT_SUFFIXES:
        yield Offered(origin, data, "text")
    else:
        yield from _from_bytes(origin, data)


def _gunzip(raw: bytes, origin: str, max_bytes: int) -> bytes | Offered:
    """The decompressed bytes, or an Offered carrying the error (bad gzip, over the size limit: a
    small archive can hold gigabytes, so no more than ``max_bytes`` are ever decompressed)."""
    import gzip
    import zlib

    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
            data = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        return Offered(origin, raw, error=errors.unreadable(origin, f"bad gzip: {exc}"))
    if len(data) > max_bytes:
        return Offered(origin, error=errors.too_large(max_bytes, max_bytes, more=True),
                       digest=hashlib.sha256(raw).hexdigest(), size=len(raw))
    return data


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
    from . import limits
    from .decode import decode, is_html_document, looks_like_html
    from .html import extract_html
    from .text import extract_text

    raw, warnings = decode(offered.data)
    if not raw or raw.isspace():  # as ``not raw.strip()``, without copying the page
        raise errors.empty_input()
    form = offered.form
    if form == "auto":
        form = "html" if looks_like_html(raw) else "text"
    elif form == "text" and is_html_document(raw):  # a page saved under a text name
        form = "html"
    if form == "html":
        limits.check_markup(raw)
    elif len(raw) > 2 * max_chars:  # no page chrome halves a text: refuse before reading it
        raise errors.text_too_long(len(raw), max_chars)
    page = extract_html(raw, offered.meta) if form == "html" else extract_text(raw, offered.meta)
    if not page.text.strip():
        raise errors.no_body("the page has no paragraph of article text")
    if len(page.text) > max_chars:
        raise errors.text_too_long(len(page.text), max_chars)
    limits.check_body(page.text)
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
