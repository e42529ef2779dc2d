"""JSONL: one article a line, ``{"text" | "html", "url"?, "published"?, "outlet"?, "title"?}``."""
from __future__ import annotations

import json
from typing import Iterator

from .. import errors
from . import Offered

META_KEYS = ("url", "published", "outlet", "title")


def iter_jsonl(origin: str, data: bytes) -> Iterator[Offered]:
    for line_no, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{line_no}"
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Offered(where, line, error=errors.bad_jsonl(line_no, f"invalid JSON: {exc}"))
            continue
        if not isinstance(obj, dict):
            yield Offered(where, line, error=errors.bad_jsonl(line_no, f"a JSON {type(obj).__name__}"))
            continue
        body = obj.get("html") if isinstance(obj.get("html"), str) else obj.get("text")
        if not isinstance(body, str):
            yield Offered(where, line, error=errors.bad_jsonl(line_no, "no string field 'text' or 'html'"))
            continue
        meta = {k: obj[k] for k in META_KEYS if isinstance(obj.get(k), str) and obj[k].strip()}
        form = "html" if isinstance(obj.get("html"), str) else "text"
        yield Offered(where, body.encode("utf-8"), form, meta)
