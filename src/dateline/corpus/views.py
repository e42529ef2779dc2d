"""Every view across articles, as plain functions of a store connection (``Store.con``, read-only
is enough) returning plain dicts and lists: the CLI prints them, the web reader renders them.
Nothing here writes. On a store the corpus step never ran on, the corpus views return nothing.

Shapes (an entity reference ``Ref`` is ``{"id", "name"}`` or None):

``stories(con, entity=None, outlet=None, min_outlets=1, kind=None, anonymous_only=None, limit=100, offset=0)``
    -> ``[Story]``, most independent outlets first, then latest. ``entity`` is a corpus entity id
    (see ``find_entities`` for names); ``kind`` is ``event`` or ``claim``.
    ``Story``: ``{id, kind, type, status, title, date_start, date_end, actor: Ref, recipient: Ref,
    location: Ref, articles, outlets, independent_outlets, anonymous_only}``.
``story(con, story_id)`` -> ``Story`` plus ``members: [Member]``, ``outlets: [{outlet, articles,
    copies}]`` (``copies``: its articles that are near-duplicates of another outlet's or its own
    earlier article) and ``sources: [{text, kind, members}]``; None if there is no such story.
    ``Member``: ``{article_id, title, outlet, published, duplicate_of, kind, item_id, date, text, start,
    end, source: {id, text, kind} | None, anonymous}``; ``text`` is the event's trigger or the claim,
    at ``[start, end)`` of its article's text.
``texts(con, ids)`` -> ``{id: text}`` of some articles.
``find_entities(con, name, limit=20)`` -> ``[Entity]``: by id, else by name or alias (case and
    accents ignored), most articles first. ``Entity``: ``{id, name, type, kb, country, articles}``.
``corpus_entity_of(con, article_id, entity_id)`` -> the id of the corpus entity an article's entity
    was resolved to, or None.
``entities(con, query=None, type=None, limit=100, offset=0)`` -> ``[Entity]``, most articles first.
``entity(con, entity_id, limit=50)`` -> ``Entity`` plus ``aliases: [str]``, ``timeline:
    [TimelineItem]``, ``said: [Statement]`` (attributions whose source is it) and ``said_of:
    [Statement]`` (claims by others that mention it, and loaded terms aimed at it); None if unknown.
    ``Statement``: ``{article_id, title, outlet, published, kind, text, cue, source: {text, kind}}``.
``timeline(con, entity_id, other=None)`` -> ``[TimelineItem]`` by date: the stories it acts in or is
    acted on in (with ``other``: only those between the two, either way round).
    ``TimelineItem``: ``Story`` plus ``role`` (``actor`` or ``recipient``) and ``counterpart: Ref``.
``graph(con, min_weight=1, entity=None, limit=500)`` -> ``{nodes: [{id, name, type, articles}],
    edges: [{source, target, type, stories, weight}]}``: who does what to whom, one edge per
    actor, recipient and event type; ``weight`` sums the stories' independent outlets.
``duplicates(con)`` -> ``[{id, title, outlet, published, copies: [{id, title, outlet, published,
    containment, jaccard}]}]``: each group of near-duplicates under its earliest copy; a copy's
    similarities are those of its closest verified link.
``outlets(con)`` -> ``(columns, rows)``: ``OUTLETS_SQL``, sourcing scorecards summed by outlet.
"""
from __future__ import annotations

import json
import unicodedata
from typing import Any, Optional

from . import tables

# Per outlet: the sums of every count, and ratios of the sums (not means of ratios), so an outlet
# with many short articles is weighed by what it published. A near-duplicate (another copy of an
# article already counted) is left out of every sum and counted in ``near_duplicates`` instead; an
# outlet that ran only copies is listed with no articles of its own.
OUTLETS_SQL = """
WITH a AS (SELECT id, coalesce(outlet, '(unknown)') AS outlet, duplicate_of FROM articles),
o AS (SELECT outlet, count(*) FILTER (WHERE duplicate_of IS NOT NULL) AS near_duplicates FROM a GROUP BY outlet),
s AS (
    SELECT a.outlet, sc.*
    FROM scorecards sc JOIN a ON a.id = sc.article_id
    WHERE a.duplicate_of IS NULL
)
SELECT o.outlet,
       count(s.article_id) AS articles,
       o.near_duplicates,
       sum(words) AS words,
       sum(claims) AS claims,
       round(sum(claims_attributed) / nullif(sum(claims), 0), 3) AS share_attributed,
       sum(attributions) AS attributions,
       round(sum(attributions_anonymous) / nullif(sum(attributions), 0), 3) AS anonymous_share,
       round(avg(distinct_named_sources), 2) AS named_sources_per_article,
       coalesce((SELECT json_group_object(key, n) FROM (
            SELECT k.key, sum(k.value::BIGINT) AS n FROM s s2, json_each(s2.sources_by_kind) k
            WHERE s2.outlet = o.outlet GROUP BY k.key ORDER BY k.key)), '{}') AS sources_by_kind,
       coalesce((SELECT json_group_object(key, n) FROM (
            SELECT k.key, sum(k.value::BIGINT) AS n FROM s s2, json_each(s2.sources_by_affiliation) k
            WHERE s2.outlet = o.outlet GROUP BY k.key ORDER BY n DESC, k.key)), '{}') AS sources_by_affiliation,
       sum(hedges) AS hedges,
       sum(distancing_cues) AS distancing_cues,
       round(1000.0 * sum(loaded_authorial) / nullif(sum(words), 0), 2) AS loaded_authorial_per_1k,
       round(1000.0 * sum(loaded_quoted) / nullif(sum(words), 0), 2) AS loaded_quoted_per_1k,
       round(sum(quoted_words) / nullif(sum(words), 0), 3) AS quoted_share
FROM o LEFT JOIN s ON s.outlet = o.outlet
GROUP BY o.outlet, o.near_duplicates
ORDER BY articles DESC, o.outlet
"""

_STORY_COLUMNS = ("id", "kind", "type", "status", "title", "date_start", "date_end", "actor", "recipient",
                  "location", "articles", "outlets", "independent_outlets", "anonymous_only")
_STORY_SELECT = f"""
SELECT {', '.join('s.' + c for c in _STORY_COLUMNS)}, ea.name, er.name, el.name
FROM stories s LEFT JOIN corpus_entities ea ON ea.id = s.actor
LEFT JOIN corpus_entities er ON er.id = s.recipient LEFT JOIN corpus_entities el ON el.id = s.location
"""
_ENTITY_COLUMNS = ("id", "name", "type", "kb", "country", "articles")


def _ref(entity_id: Optional[str], name: Optional[str]) -> Optional[dict[str, Any]]:
    return {"id": entity_id, "name": name} if entity_id else None


def _story(row: tuple) -> dict[str, Any]:
    story = dict(zip(_STORY_COLUMNS, row))
    for role, name in zip(("actor", "recipient", "location"), row[len(_STORY_COLUMNS):]):
        story[role] = _ref(story[role], name)
    return story


def _rows(con, sql: str, params: list | dict) -> list[tuple]:
    return con.execute(sql, params).fetchall()


def stories(con, *, entity: Optional[str] = None, outlet: Optional[str] = None, min_outlets: int = 1,
            kind: Optional[str] = None, anonymous_only: Optional[bool] = None, limit: int = 100,
            offset: int = 0) -> list[dict[str, Any]]:
    if not tables.present(con):
        return []
    where, params = ["s.independent_outlets >= ?"], [min_outlets]
    if entity:
        where.append("(s.actor = ? OR s.recipient = ? OR s.location = ?)")
        params += [entity] * 3
    if kind:
        where.append("s.kind = ?")
        params.append(kind)
    if anonymous_only is not None:
        where.append("s.anonymous_only = ?")
        params.append(anonymous_only)
    if outlet:
        where.append("s.id IN (SELECT m.story_id FROM story_members m JOIN articles a ON a.id = m.article_id "
                     "WHERE a.outlet = ?)")
        params.append(outlet)
    sql = (f"{_STORY_SELECT} WHERE {' AND '.join(where)} "
           "ORDER BY s.independent_outlets DESC, s.date_start DESC, s.id LIMIT ? OFFSET ?")
    return [_story(r) for r in _rows(con, sql, params + [limit, offset])]


# The members without their articles' texts (``texts`` reads those: joined here, they cost ten times
# as much), each table narrowed to the story's articles before it is joined; the kind goes inside the
# join key, not beside it, where DuckDB would join by nested loops.
_MEMBERS_SQL = """
WITH m AS (SELECT * FROM story_members WHERE story_id = ?),
ids AS (SELECT DISTINCT article_id FROM m)
SELECT m.article_id, a.title, a.outlet, a.published, a.duplicate_of, m.kind, m.item_id, m.date,
       m.source_id, s.text, s.kind, m.anonymous,
       CASE m.kind WHEN 'event' THEN e.start ELSE c.start END, CASE m.kind WHEN 'event' THEN e."end" ELSE c."end" END
FROM m JOIN (SELECT id, title, outlet, published, duplicate_of FROM articles SEMI JOIN ids ON ids.article_id = articles.id) a
     ON a.id = m.article_id
LEFT JOIN (SELECT * FROM events SEMI JOIN ids USING (article_id)) e
     ON e.article_id = m.article_id AND e.id = CASE m.kind WHEN 'event' THEN m.item_id END
LEFT JOIN (SELECT * FROM claims SEMI JOIN ids USING (article_id)) c
     ON c.article_id = m.article_id AND c.id = CASE m.kind WHEN 'claim' THEN m.item_id END
LEFT JOIN (SELECT * FROM sources SEMI JOIN ids USING (article_id)) s ON s.article_id = m.article_id AND s.id = m.source_id
ORDER BY m.date, a.published, m.article_id, m.item_id
"""


def texts(con, ids: list[str]) -> dict[str, str]:
    """The texts of some articles, by id (the id list as one JSON text: DuckDB takes a list
    parameter value by value)."""
    if not ids:
        return {}
    return dict(_rows(con, "SELECT id, text FROM articles WHERE id IN (SELECT unnest(from_json(?, '[\"VARCHAR\"]')))",
                      [json.dumps(ids)]))


def story(con, story_id: str) -> Optional[dict[str, Any]]:
    if not tables.present(con):
        return None
    row = _rows(con, f"{_STORY_SELECT} WHERE s.id = ?", [story_id])
    if not row:
        return None
    out = _story(row[0])
    members = []
    rows = _rows(con, _MEMBERS_SQL, [story_id])
    text_of = texts(con, sorted({r[0] for r in rows}))
    for (article_id, title, outlet, published, duplicate_of, kind, item_id, date, source_id, source_text,
         source_kind, anonymous, start, end) in rows:
        text = text_of.get(article_id, "")[start:end] if start is not None else None
        members.append({"article_id": article_id, "title": title, "outlet": outlet, "published": published,
                        "duplicate_of": duplicate_of, "kind": kind, "item_id": item_id, "date": date, "text": text,
                        "start": start, "end": end,
                        "source": {"id": source_id, "text": source_text, "kind": source_kind} if source_id else None,
                        "anonymous": anonymous})
    out["members"] = members
    by_outlet: dict[str, dict[str, Any]] = {}
    for m in members:
        o = by_outlet.setdefault(m["outlet"] or "(unknown)", {"outlet": m["outlet"] or "(unknown)", "articles": set(),
                                                              "copies": set()})
        o["articles"].add(m["article_id"])
        if m["duplicate_of"]:
            o["copies"].add(m["article_id"])
    out["outlets"] = [{"outlet": o["outlet"], "articles": len(o["articles"]), "copies": len(o["copies"])}
                      for o in sorted(by_outlet.values(), key=lambda o: (-len(o["articles"]), o["outlet"]))]
    sources: dict[tuple, int] = {}
    for m in members:
        key = (m["source"]["text"], m["source"]["kind"]) if m["source"] else ("(the article itself)", "authorial")
        sources[key] = sources.get(key, 0) + 1
    out["sources"] = [{"text": t, "kind": k, "members": n}
                      for (t, k), n in sorted(sources.items(), key=lambda x: (-x[1], x[0]))]
    return out


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "").casefold()
    return "".join(c for c in text if not unicodedata.combining(c))


def _entity(row: tuple) -> dict[str, Any]:
    return dict(zip(_ENTITY_COLUMNS, row))


def entities(con, *, query: Optional[str] = None, type: Optional[str] = None, limit: int = 100,
             offset: int = 0) -> list[dict[str, Any]]:
    if not tables.present(con):
        return []
    where, params = ["c.articles > 0"], []
    if query:
        where.append("strip_accents(lower(c.name)) LIKE '%' || ? || '%'")
        params.append(_fold(query))
    if type:
        where.append("c.type = ?")
        params.append(type)
    sql = (f"SELECT {', '.join('c.' + c for c in _ENTITY_COLUMNS)} FROM corpus_entities c "
           f"WHERE {' AND '.join(where)} ORDER BY c.articles DESC, c.name, c.id LIMIT ? OFFSET ?")
    return [_entity(r) for r in _rows(con, sql, params + [limit, offset])]


def find_entities(con, name: str, limit: int = 20) -> list[dict[str, Any]]:
    """Corpus entities a user may mean by ``name``: its id, else its name or any alias."""
    if not tables.present(con):
        return []
    cols = ", ".join("c." + c for c in _ENTITY_COLUMNS)
    exact = _rows(con, f"SELECT {cols} FROM corpus_entities c WHERE c.id = ?", [name])
    if exact:
        return [_entity(exact[0])]
    rows = _rows(con, f"""
        SELECT DISTINCT {cols} FROM corpus_entities c
        WHERE c.articles > 0 AND (strip_accents(lower(c.name)) = ? OR c.id IN (
            SELECT l.corpus_entity_id FROM entity_links l JOIN entities e ON e.article_id = l.article_id
            AND e.id = l.entity_id WHERE strip_accents(lower(e.name)) = ?))
        ORDER BY c.articles DESC, c.name, c.id LIMIT ?""", [_fold(name), _fold(name), limit])
    return [_entity(r) for r in rows]


def corpus_entity_of(con, article_id: str, entity_id: str) -> Optional[str]:
    if not tables.present(con):
        return None
    row = _rows(con, "SELECT corpus_entity_id FROM entity_links WHERE article_id = ? AND entity_id = ?",
                [article_id, entity_id])
    return row[0][0] if row else None


def timeline(con, entity_id: str, other: Optional[str] = None) -> list[dict[str, Any]]:
    return _timeline(con, entity_id, other) if tables.present(con) else []


def _timeline(con, entity_id: str, other: Optional[str] = None) -> list[dict[str, Any]]:
    if other:
        where = "((s.actor = ? AND s.recipient = ?) OR (s.actor = ? AND s.recipient = ?))"
        params = [entity_id, other, other, entity_id]
    else:
        where, params = "(s.actor = ? OR s.recipient = ?)", [entity_id, entity_id]
    items = []
    for r in _rows(con, f"{_STORY_SELECT} WHERE {where} ORDER BY s.date_start, s.independent_outlets DESC, s.id",
                   params):
        item = _story(r)
        item["role"] = "actor" if item["actor"] and item["actor"]["id"] == entity_id else "recipient"
        item["counterpart"] = item["recipient"] if item["role"] == "actor" else item["actor"]
        items.append(item)
    return items


def pair_timeline(con, a: str, b: str) -> list[dict[str, Any]]:
    return timeline(con, a, other=b)


# What an entity said and what was said of it, newest first. Each query finds its rows in the
# entity's articles (``own``: its links in them, within the ``{window}`` if any) and orders and cuts
# them without the articles' texts: ``_statements`` reads the texts of the rows kept (joined in
# SQL, the texts of 30 articles cost a hundred times as much as ``texts`` does). A claim's source is
# looked up among the sources of the entity's articles only (joined with all of them, the hash table
# of every source in the store was a quarter of the query's time).
_OWN = """
kept AS (SELECT id, title, outlet, published FROM articles WHERE duplicate_of IS NULL),
own AS (SELECT l.article_id, l.entity_id FROM entity_links l
        WHERE l.corpus_entity_id = $entity {window})"""

# The entity's latest ``$window`` articles: what a window holding enough rows narrows ``own`` to.
_WINDOW = """AND l.article_id IN (
            SELECT a.id FROM kept a SEMI JOIN entity_links w ON w.article_id = a.id AND w.corpus_entity_id = $entity
            ORDER BY a.published DESC NULLS LAST, a.id LIMIT $window)"""

_WITH_SOURCE = """
SELECT top.article_id, top.title, top.outlet, top.published, top.kind, top.start, top."end", top.cue, s.text, s.kind
FROM top LEFT JOIN sources s ON s.article_id = top.article_id AND s.id = top.source
ORDER BY top.published DESC NULLS LAST, top.article_id, top.start
"""

_SAID_SQL = "WITH" + _OWN + """,
top AS (
    SELECT t.article_id, a.title, a.outlet, a.published, t.kind, t.content_start AS start, t.content_end AS "end",
           t.cue_lemma AS cue, t.source
    FROM own JOIN sources s ON s.article_id = own.article_id AND s.entity = own.entity_id
    JOIN attributions t ON t.article_id = s.article_id AND t.source = s.id
    JOIN kept a ON a.id = t.article_id
    ORDER BY a.published DESC NULLS LAST, t.article_id, t.content_start LIMIT $limit)""" + _WITH_SOURCE

_SAID_OF_SQL = "WITH" + _OWN + """,
said AS (
    SELECT DISTINCT c.article_id, 'claim:' || c.voice AS kind, c.start, c."end", NULL AS cue, c.source
    FROM own JOIN mentions m ON m.article_id = own.article_id AND m.entity_id = own.entity_id
    JOIN claims c ON c.article_id = m.article_id AND m.start >= c.start AND m."end" <= c."end"
    LEFT JOIN (SELECT s.article_id, s.id, s.entity FROM sources s SEMI JOIN own ON own.article_id = s.article_id) s
    ON s.article_id = c.article_id AND s.id = c.source
    WHERE s.entity IS NULL OR s.entity <> own.entity_id
    UNION ALL
    SELECT t.article_id, 'loaded:' || t.category, t.start, t."end", t.voice, t.source
    FROM own JOIN loaded_terms t ON t.article_id = own.article_id AND t.target = own.entity_id),
top AS (
    SELECT said.*, a.title, a.outlet, a.published FROM said JOIN kept a ON a.id = said.article_id
    ORDER BY a.published DESC NULLS LAST, said.article_id, said.start LIMIT $limit)""" + _WITH_SOURCE


def _latest(con, sql: str, entity_id: str, limit: int, window: Optional[int] = None) -> list[tuple]:
    """The first ``limit`` rows of ``sql`` (newest first); with a ``window``, looked for in the
    entity's latest ``window`` articles first: when those hold ``limit`` rows, no older article
    can come before them (else all its articles are read)."""
    if window:
        rows = _rows(con, sql.replace("{window}", _WINDOW), {"entity": entity_id, "limit": limit, "window": window})
        if len(rows) >= limit:
            return rows
    return _rows(con, sql.replace("{window}", ""), {"entity": entity_id, "limit": limit})


def _statements(con, rows: list[tuple]) -> list[dict[str, Any]]:
    text_of = texts(con, sorted({r[0] for r in rows}))
    return [{"article_id": r[0], "title": r[1], "outlet": r[2], "published": r[3], "kind": r[4],
             "text": text_of.get(r[0], "")[r[5]:r[6]] if r[5] is not None and r[6] is not None else None, "cue": r[7],
             "source": {"text": r[8], "kind": r[9]} if r[8] else None} for r in rows]


def entity(con, entity_id: str, limit: int = 50) -> Optional[dict[str, Any]]:
    if not tables.present(con):
        return None
    row = _rows(con, f"SELECT {', '.join(_ENTITY_COLUMNS)} FROM corpus_entities WHERE id = ?", [entity_id])
    if not row:
        return None
    out = _entity(row[0])
    out["aliases"] = [r[0] for r in _rows(con, """
        SELECT e.name FROM entity_links l JOIN entities e ON e.article_id = l.article_id AND e.id = l.entity_id
        WHERE l.corpus_entity_id = ? GROUP BY e.name ORDER BY count(*) DESC, e.name""", [entity_id])]
    out["timeline"] = _timeline(con, entity_id)
    out["said"] = _statements(con, _latest(con, _SAID_SQL, entity_id, limit))
    # what was said of it is dense (a claim a mention): an entity in many articles has enough in its latest
    window = 4 * limit if (out["articles"] or 0) > 4 * limit else None
    out["said_of"] = _statements(con, _latest(con, _SAID_OF_SQL, entity_id, limit, window))
    return out


def graph(con, *, min_weight: int = 1, entity: Optional[str] = None, limit: int = 500) -> dict[str, list]:
    if not tables.present(con):
        return {"nodes": [], "edges": []}
    where, params = ["s.kind = 'event'", "s.actor IS NOT NULL", "s.recipient IS NOT NULL", "s.status = 'asserted'"], []
    if entity:
        where.append("(s.actor = ? OR s.recipient = ?)")
        params += [entity, entity]
    edges = [{"source": a, "target": b, "type": t, "stories": n, "weight": w} for a, b, t, n, w in _rows(con, f"""
        SELECT s.actor, s.recipient, s.type, count(*), sum(s.independent_outlets) AS weight FROM stories s
        WHERE {' AND '.join(where)} GROUP BY 1, 2, 3 HAVING sum(s.independent_outlets) >= ?
        ORDER BY weight DESC, 1, 2, 3 LIMIT ?""", params + [min_weight, limit])]
    ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    nodes = []
    if ids:
        tables_sql = ", ".join("?" * len(ids))
        nodes = [{"id": i, "name": n, "type": t, "articles": a} for i, n, t, a in _rows(
            con, f"SELECT id, name, type, articles FROM corpus_entities WHERE id IN ({tables_sql}) ORDER BY id", ids)]
    return {"nodes": nodes, "edges": edges}


def duplicates(con) -> list[dict[str, Any]]:
    if not tables.present(con):
        return []
    rows = _rows(con, """
        SELECT o.id, o.title, o.outlet, o.published, c.id, c.title, c.outlet, c.published,
               (SELECT max(containment) FROM duplicate_links d WHERE c.id IN (d.article_id, d.other_id)),
               (SELECT max(jaccard) FROM duplicate_links d WHERE c.id IN (d.article_id, d.other_id))
        FROM articles c JOIN articles o ON o.id = c.duplicate_of
        ORDER BY o.published NULLS LAST, o.id, c.published NULLS LAST, c.id""", [])
    groups: dict[str, dict[str, Any]] = {}
    for oid, otitle, ooutlet, opub, cid, ctitle, coutlet, cpub, containment, jaccard in rows:
        g = groups.setdefault(oid, {"id": oid, "title": otitle, "outlet": ooutlet, "published": opub, "copies": []})
        g["copies"].append({"id": cid, "title": ctitle, "outlet": coutlet, "published": cpub,
                            "containment": containment, "jaccard": jaccard})
    return list(groups.values())


def outlets(con) -> tuple[list[str], list[tuple]]:
    cur = con.execute(OUTLETS_SQL)
    return [d[0] for d in cur.description], cur.fetchall()
