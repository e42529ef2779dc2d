"""Bytes to text: binary refused, UTF-8 first, then the page's declared charset, then a legacy
encoding; damage counted and reported.

- Valid UTF-8 (with or without a byte-order mark) is taken as is; UTF-16 with a BOM too, and
  UTF-16 without one when its zero bytes fall on every other byte, as the high half of Latin letters.
- UTF-8 with a few stray bytes from a legacy encoding (text pasted together from two sources:
  "mixed encodings") keeps its UTF-8 and reads each stray byte as Windows-1252, with a warning.
  Few means at most 3 % of the bytes: in random bytes or a legacy Asian encoding, some pairs are
  valid UTF-8 by chance, but most bytes are not.
- Otherwise the charset a page declares (``<meta charset>``) is used, else Windows-1252 for text
  that reads as a Western language in it (the HTML standard's default for legacy pages), else
  charset-normalizer's guess (Cyrillic, Greek, Asian encodings).
- Text that is still mostly control characters or replacement characters is refused.
"""
from __future__ import annotations

import codecs
import re
from typing import Optional

from .. import errors

_BINARY_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip data",
    b"\x7fELF": "executable",
    b"MZ\x90\x00": "Windows executable",
    b"RIFF": "audio or video",
    b"\x00\x00\x00": "binary data",
    b"OggS": "audio",
    b"ID3": "MP3 audio",
    b"fLaC": "audio",
    b"BZh": "bzip2 data",
    b"\xfd7zXZ": "xz data",
    b"7z\xbc\xaf": "7-Zip archive",
    b"SQLite format 3": "SQLite database",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# control characters no text encoding writes (tab, line feed, form feed, carriage return aside)
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0b, *range(0x0e, 0x20), 0x7f])
_LEGACY_FALLBACK = "dateline-cp1252-fallback"
_MAX_CONTROL_SHARE = 0.01
_MAX_REPLACED_SHARE = 0.05
_CHECKED_CHARS = 200_000
_MAX_STRAY_SHARE = 0.03


def _cp1252_fallback(exc: UnicodeDecodeError) -> tuple[str, int]:
    """Read the bytes that are not UTF-8 as Windows-1252 (latin-1 where it has a hole)."""
    bad = exc.object[exc.start:exc.end]
    return bad.decode("cp1252", errors="replace").replace("\ufffd", "") or bad.decode("latin-1"), exc.end


codecs.register_error(_LEGACY_FALLBACK, _cp1252_fallback)


def decode(data: bytes) -> tuple[str, list[str]]:
    """The text of ``data`` and any warnings; raises InputError for binary or hopeless input."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise errors.binary_input(what)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _checked(data.decode("utf-16")), []
        except UnicodeDecodeError as exc:
            raise errors.undecodable(str(exc)) from exc
    sample = data[:65536]
    if sample.count(b"\x00") > max(8, len(sample) // 100):
        return _checked(_utf16_without_bom(data)), []
    controls = count_bytes(sample, _CONTROL_BYTES)
    if controls > max(8, len(sample) * _MAX_CONTROL_SHARE):  # no text encoding but UTF-16 writes these
        raise errors.binary_input(f"{controls:,} control bytes")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return _checked(data.decode("utf-8"), data), []
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(data):
        stray = data.decode("utf-8", errors="replace").count("\ufffd") - data.count("\ufffd".encode())
        if stray <= len(data) * _MAX_STRAY_SHARE:  # mostly UTF-8, with stray legacy bytes
            return _checked(data.decode("utf-8", errors=_LEGACY_FALLBACK)), [errors.w_legacy_bytes(stray)]
    text = _legacy(data)
    replaced = text.count("\ufffd")
    return _checked(text), [errors.w_replaced_chars(replaced)] if replaced else []


def _utf16_without_bom(data: bytes) -> str:
    """UTF-16 text without a byte-order mark, told by where its zero bytes fall; else binary."""
    sample = data[:65536]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(data) % 2 == 0 and max(even, odd) >= 0.95 * (even + odd):
        try:
            return data.decode("utf-16-be" if even > odd else "utf-16-le")
        except UnicodeDecodeError:
            pass
    raise errors.binary_input("NUL bytes")


def _legacy(data: bytes) -> str:
    """A text in a single-byte or Asian legacy encoding."""
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii", "ignore"))
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None:
        letters = [c for c in western if c.isalpha()]
        foreign = sum(1 for c in letters if not c.isascii())
        if letters and foreign / len(letters) < 0.3:
            return western
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    # No encoding reads as any language: garbage, not text. (Short Chinese and Korean texts score
    # no coherence but are still recognised as their language.)
    if best is None or (not best.coherence and best.language == "Unknown"):
        raise errors.undecodable("the bytes are not UTF-8 and read as no known language in any legacy encoding")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise errors.undecodable(f"{best.encoding}: {exc}") from exc


def count_bytes(data: bytes, wanted: bytes) -> int:
    """How many bytes of ``data`` are among ``wanted``, counted in C."""
    return len(data) - len(data.translate(None, wanted))


def count_ascii(text: str, wanted: bytes) -> int:
    """How many characters of ``text`` are among the ASCII characters ``wanted``: in UTF-8 each
    is the byte it names, and no byte of another character's encoding is ASCII."""
    return count_bytes(text.encode("utf-8", "surrogatepass"), wanted)


def _checked(text: str, utf8: Optional[bytes] = None) -> str:
    """``text``, unless it is mostly control or replacement characters (binary read as text) in its
    first 200,000 characters. ``utf8``: the bytes ``text`` was decoded from as UTF-8, where it was;
    they hold each ASCII control character of ``text`` as that byte, and no other, so what they
    hold bounds what its first characters hold, counted without encoding them again."""
    size = min(len(text), _CHECKED_CHARS)
    if size:
        limit = max(8, size * _MAX_CONTROL_SHARE)
        controls = count_bytes(utf8, _CONTROL_BYTES) if utf8 is not None else None
        if controls is None or controls > limit:
            controls = count_ascii(text[:_CHECKED_CHARS], _CONTROL_BYTES)
        if controls > limit:
            raise errors.binary_input(f"{controls:,} control characters")
        replaced = text.count("\ufffd", 0, _CHECKED_CHARS)
        if replaced > max(20, size * _MAX_REPLACED_SHARE):
            raise errors.undecodable(f"{replaced:,} undecodable byte sequences in {size:,} characters")
    return text


def is_html_document(text: str) -> bool:
    """Whether the text is a whole HTML document (a page saved under a text name, say)."""
    return text[:2048].lstrip().lower().startswith(("<!doctype html", "<html"))


def looks_like_html(text: str) -> bool:
    if is_html_document(text) or text[:2048].lstrip().lower().startswith("<?xml"):
        return True
    return len(re.findall(r"</?(?:p|div|body|head|article|span|a|br)\b", text[:20000], re.I)) >= 3
