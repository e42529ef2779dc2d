"""Bytes to text: binary refused, UTF-8 first, a detected encoding next, damage counted."""
from __future__ import annotations

import re

from .. import errors

_BINARY_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip data",
    b"\x7fELF": "executable",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)


def decode(data: bytes) -> tuple[str, list[str]]:
    """The text of ``data`` and any warnings; raises InputError for binary or hopeless input."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise errors.binary_input(what)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise errors.undecodable(str(exc)) from exc
    sample = data[:65536]
    if sample.count(b"\x00") > max(8, len(sample) // 100):
        raise errors.binary_input("NUL bytes")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    candidates = [declared.group(1).decode("ascii", "ignore")] if declared else []
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None:
        candidates.append(best.encoding)
    for encoding in candidates:
        try:
            return data.decode(encoding), []
        except (UnicodeDecodeError, LookupError):
            continue
    # Mixed encodings: keep the UTF-8 that is there, count what is not.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad > max(20, len(text) // 20):
        raise errors.undecodable(f"{bad:,} undecodable byte sequences in {len(data):,} bytes")
    return text, [errors.w_replaced_chars(bad)]


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return len(re.findall(r"</?(?:p|div|body|head|article|span|a|br)\b", text[:20000], re.I)) >= 3
