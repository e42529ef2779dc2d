"""What the reader's pages read from the store, through one read-only ``Store``.

Every statement here is fixed text with ``?`` parameters: what a request brings (a search, an
outlet, a date, an entity name) is only ever a parameter, never SQL. The connection is shared by
the server's threads, so each statement runs under a lock.
"""
from __future__ import annotations

import json
import re
import threading
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Optional

from ..corpus import views
from ..record import Record
from ..store import Store

UNKNOWN_OUTLET = "(unknown)"
MAX_SEARCH_WORDS = 8
SEARCH_MEMORY_CHARS = 300_000_000  # the largest corpus (title and text) searched in memory, ~350 MB
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _like(word: str) -> str:
    """A word as an ILIKE pattern that matches it anywhere, its own % and _ taken literally."""
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _anywhere(word: str) -> str:
    """A word as a case-blind regular expression (RE2) that finds it anywhere, every character
    literal: over 10,000 articles DuckDB runs this four times faster than ILIKE."""
    return "(?i)" + re.escape(word)


def every_month(counts: dict[str, int]) -> dict[str, int]:
    """``counts`` by "YYYY-MM" with the months between the first and the last filled with 0, so a
    chart's axis is time, not the list of months that happen to have articles."""
    if not counts:
        return {}
    first, last = min(counts), max(counts)
    y, m = int(first[:4]), int(first[5:7])
    out: dict[str, int] = {}
    while f"{y:04d}-{m:02d}" <= last and len(out) < 1200:
        key = f"{y:04d}-{m:02d}"
        out[key] = counts.get(key, 0)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


@dataclass(slots=True)
class Filters:
    """The corpus page's filters, as a request gives them; empty means not filtered."""
    q: str = ""
    outlet: str = ""
    date_from: str = ""
    date_to: str = ""
    entity: str = ""
    anon_min: Optional[float] = None  # percent, 0..100
    anon_max: Optional[float] = None

    def __post_init__(self) -> None:
        self.q = " ".join(self.q.split())[:200]
        self.entity = " ".join(self.entity.split())[:200]
        self.outlet = self.outlet.strip()[:200]
        self.date_from = self.date_from.strip() if _ISO_DAY.match(self.date_from.strip()) else ""
        self.date_to = self.date_to.strip() if _ISO_DAY.match(self.date_to.strip()) else ""

    def words(self) -> list[str]:
        return self.q.split()[:MAX_SEARCH_WORDS]

    def where(self, search: bool = True) -> tuple[str, list[Any]]:
        """The WHERE clause over ``articles a`` joined to ``scorecards s``, and its parameters;
        ``search=False`` leaves the search words out (they were looked for in memory)."""
        clauses, params = ["TRUE"], []
        if search:
            for word in self.words():
                clauses.append("(regexp_matches(a.title, ?) OR regexp_matches(a.text, ?))")
                params += [_anywhere(word), _anywhere(word)]
        if self.outlet == UNKNOWN_OUTLET:
            clauses.append("a.outlet IS NULL")
        elif self.outlet:
            clauses.append("a.outlet = ?")
            params.append(self.outlet)
        if self.date_from:
            clauses.append("a.published NOT LIKE 'X%' AND a.published >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("a.published NOT LIKE 'X%' AND substr(a.published, 1, 10) <= ?")
            params.append(self.date_to)
        if self.entity:
            clauses.append("a.id IN (SELECT article_id FROM entities WHERE name ILIKE ? ESCAPE '\\')")
            params.append(_like(self.entity))
        if self.anon_min is not None:
            clauses.append("coalesce(s.anonymous_share, 0) >= ?")
            params.append(self.anon_min / 100)
        if self.anon_max is not None:
            clauses.append("coalesce(s.anonymous_share, 0) <= ?")
            params.append(self.anon_max / 100)
        return " AND ".join(clauses), params

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# Every article that passes, newest first, with its month (dated ones) and its tenth of anonymous
# share: enough to count, chart and page them without a row each in Python.
_MATCHES = """
SELECT a.id,
       CASE WHEN a.published LIKE '____-__%' AND substr(a.published, 1, 1) BETWEEN '0' AND '9'
            THEN substr(a.published, 1, 7) END AS month,
       least(floor(coalesce(s.anonymous_share, 0) * 10), 9)::INTEGER AS tenth
FROM articles a LEFT JOIN scorecards s ON s.article_id = a.id
WHERE {where}
ORDER BY CASE WHEN a.published LIKE 'X%' THEN NULL ELSE a.published END DESC NULLS LAST, a.id
"""

# Id lists go in as one JSON text: DuckDB converts a Python list parameter value by value, and
# each value costs it a failed look for pandas (a 50-id list, about 15 ms).
_ROWS = """
SELECT a.id, a.published, a.outlet, a.title, a.url, a.words,
       s.claims, s.share_attributed, s.attributions, s.anonymous_share, s.distinct_named_sources,
       s.sources_by_kind
FROM articles a LEFT JOIN scorecards s ON s.article_id = a.id
WHERE a.id IN (SELECT unnest(from_json(?, '["VARCHAR"]')))
"""


class Reader:
    """The reader's one connection to the store, read-only (see ``Store``)."""

    def __init__(self, db: str | Path, search_memory: int = SEARCH_MEMORY_CHARS):
        self.store = Store(db, read_only=True)
        self._lock = threading.Lock()
        self._search_memory = search_memory
        self._texts: Optional[list[tuple[str, bytes]]] = None  # (id, lower-cased title and text)
        self._texts_loaded = False

    def close(self) -> None:
        with self._lock:
            self.store.close()

    def _rows(self, sql: str, params: list[Any] | tuple = ()) -> list[dict[str, Any]]:
        with self._lock:
            columns, rows = self.store.query(sql, params)
        return [dict(zip(columns, r)) for r in rows]

    def corpus(self, view: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """One of ``corpus.views`` on this connection: ``reader.corpus(views.story, story_id)``."""
        with self._lock:
            return view(self.store.con, *args, **kwargs)

    def article(self, article_id: str) -> Optional[Record]:
        with self._lock:
            return self.store.get(article_id)

    def outlets(self) -> list[dict[str, Any]]:
        return self._rows(f"SELECT coalesce(outlet, '{UNKNOWN_OUTLET}') AS outlet, count(*) AS articles "
                          "FROM articles GROUP BY 1 ORDER BY 2 DESC, 1")

    def articles(self, filters: Filters, page: int = 1, per_page: int = 50) -> dict[str, Any]:
        """One page of the articles that pass ``filters``, newest first, and the shape of all of
        them: how many, by month, by anonymous share."""
        found = self.found(filters.words())
        where, params = filters.where(search=found is None)
        with self._lock:
            _, matches = self.store.query(_MATCHES.format(where=where), params)
        if found is not None:
            matches = [m for m in matches if m[0] in found]
        by_month = Counter(m[1] for m in matches if m[1])
        tenths = Counter(m[2] for m in matches)
        pages = max(1, -(-len(matches) // per_page))
        page = min(max(1, page), pages)
        ids = [m[0] for m in matches[(page - 1) * per_page: page * per_page]]
        rows = {r["id"]: r for r in self._rows(_ROWS, [json.dumps(ids)])} if ids else {}
        return {"total": len(matches), "page": page, "pages": pages, "per_page": per_page,
                "articles": [rows[i] for i in ids], "by_month": every_month(by_month),
                "anonymous_share_histogram": [tenths.get(i, 0) for i in range(10)]}

    def found(self, words: list[str]) -> Optional[set[str]]:
        """The ids of the articles whose title or text holds every word, case aside, found in a
        lower-cased copy of the corpus kept in memory: the store cannot change while this read-only
        connection holds it, and scanning the copy takes a tenth of what DuckDB's case-blind
        matching does over 10,000 articles. None when there are no words, or when the corpus is
        too large to copy (over ``search_memory`` characters): then SQL looks for them."""
        if not words:
            return None
        with self._lock:
            if not self._texts_loaded:
                self._texts_loaded = True
                (size,), = self.store.query("SELECT coalesce(sum(length(text) + length(coalesce(title, ''))), 0) "
                                            "FROM articles")[1]
                if size <= self._search_memory:
                    # as UTF-8 bytes: a str with one curly quote takes two bytes a character, and
                    # scanning half the bytes takes half the time
                    rows = self.store.query("SELECT id, lower(coalesce(title, '') || chr(10) || text) FROM articles")[1]
                    self._texts = [(i, text.encode("utf-8")) for i, text in rows]
            texts = self._texts
        if texts is None:
            return None
        first, *rest = [w.lower().encode("utf-8") for w in words]
        return {i for i, text in texts if first in text and all(w in text for w in rest)}

    def texts(self, ids: list[str]) -> dict[str, str]:
        return self.corpus(views.texts, ids)

    def elsewhere(self, name: str, kb: Optional[str], article_id: str, limit: int = 50) -> list[dict[str, Any]]:
        """Other articles with an entity of the same name or gazetteer key (the corpus layer will
        resolve entities across articles properly; this is the plain match)."""
        return self._rows(
            "SELECT a.id, a.published, a.outlet, a.title, min(e.id) AS entity_id "
            "FROM entities e JOIN articles a ON a.id = e.article_id "
            "WHERE (e.name = ? OR (? IS NOT NULL AND e.kb = ?)) AND e.article_id <> ? "
            "GROUP BY a.id, a.published, a.outlet, a.title "
            "ORDER BY a.published DESC NULLS LAST, a.id LIMIT ?",
            [name, kb, kb, article_id, limit])
