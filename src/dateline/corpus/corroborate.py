"""Stories: what several reports share, and how independent and how named their support is.

Event stories. An event takes part when it has a PLOVER type, a day (its own date, which the
record takes from the time expression governing it) and an actor or a recipient linked to a corpus
entity (the person when the record names one, else the country or group it is rolled up to).
Events are grouped by type, status (``asserted``: occurred or future; ``negated``;
``hypothetical``) and anchor (the actor, or the recipient when there is no actor); within a group,
taken in date order, an event joins the first story that started at most ``WINDOW_DAYS`` before
it whose recipient and place do not contradict its own (a missing one contradicts nothing), or
starts a story. A group is clustered again whole whenever a batch adds to it, so a story does not
depend on the order articles came in.

Claim stories. Fact and prediction claims are compared by their content words: two claims agree
when those words mostly match (Jaccard at least ``CLAIM_MIN_JACCARD``), their numbers are the same,
both or neither is negated, and their actor (the named speaker, else the first entity the claim
mentions) is the same. Candidates come from MinHash LSH whose band keys include the actor, the
numbers and the negation, so only claims that could agree meet. Agreeing claims of different
articles (not copies of one another) form a story; stories that a new claim joins are merged.

Each story counts its articles, its outlets and its independent outlets: every member article
stands for the earliest copy of its near-duplicate group, and that copy's outlet counts once (an
article with no outlet stands for itself). ``anonymous_only`` is true when every member's support
is an anonymous source; an event or claim the article asserts in its own voice is not anonymous.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections import defaultdict
from typing import Any, Optional

from .. import lexicons
from ..annotate.scorecard import ANONYMOUS_KINDS
from . import lsh, tables

REPORT_LAG_DAYS = 3
WINDOW_DAYS = 2
STATUS_CLASS = {"occurred": "asserted", "future": "asserted", "negated": "negated", "hypothetical": "hypothetical"}
CLAIM_KINDS = ("fact", "prediction", "opinion")  # not mental_state: the writer's reading of a mind
CLAIM_LSH_THRESHOLD = 0.3
CLAIM_NUM_PERM = 64  # a claim has a dozen content words: a short signature is enough
CLAIM_MIN_OVERLAP = 0.7  # shared content words over those of the shorter claim
CLAIM_MIN_JACCARD = 0.3
CLAIM_MIN_WORDS = 4
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_NUMBER = re.compile(r"\d[\d,.]*")

_EVENTS_SQL = """
SELECT e.article_id, e.id, e.type, e.status, e.date, a.published,
       coalesce(lap.corpus_entity_id, la.corpus_entity_id) AS actor,
       coalesce(lrp.corpus_entity_id, lr.corpus_entity_id) AS recipient,
       ll.corpus_entity_id AS location, s.id AS source_id, s.kind AS source_kind,
       coalesce(lap.corpus_entity_id, la.corpus_entity_id) IN (SELECT id FROM corpus_entities WHERE type IN ('GPE', 'LOC', 'FAC') AND key NOT LIKE 'country:%')
           AS actor_place,
       coalesce(lrp.corpus_entity_id, lr.corpus_entity_id) IN (SELECT id FROM corpus_entities WHERE type IN ('GPE', 'LOC', 'FAC') AND key NOT LIKE 'country:%')
           AS recipient_place
FROM events e JOIN corroborate_ids i ON i.v = e.article_id JOIN articles a ON a.id = e.article_id
LEFT JOIN entity_links la ON la.article_id = e.article_id AND la.entity_id = e.actor
LEFT JOIN entity_links lap ON lap.article_id = e.article_id AND lap.entity_id = e.actor_person
LEFT JOIN entity_links lr ON lr.article_id = e.article_id AND lr.entity_id = e.recipient
LEFT JOIN entity_links lrp ON lrp.article_id = e.article_id AND lrp.entity_id = e.recipient_person
LEFT JOIN entity_links ll ON ll.article_id = e.article_id AND ll.entity_id = e.location
LEFT JOIN attributions t ON t.article_id = e.article_id AND t.id = e.source
LEFT JOIN sources s ON s.article_id = e.article_id AND s.id = t.source
"""

_CLAIMS_SQL = """
SELECT c.article_id, c.id, c.start, c."end", substring(a.text, c.start + 1, c."end" - c.start) AS text,
       s.id AS source_id, s.kind AS source_kind, ls.corpus_entity_id AS speaker, a.published
FROM claims c JOIN corroborate_ids i ON i.v = c.article_id JOIN articles a ON a.id = c.article_id
LEFT JOIN sources s ON s.article_id = c.article_id AND s.id = c.source
LEFT JOIN entity_links ls ON ls.article_id = c.article_id AND ls.entity_id = s.entity
WHERE c.kind IN ({kinds})
""".format(kinds=", ".join(f"'{k}'" for k in CLAIM_KINDS))

_MENTIONS_SQL = """
SELECT m.article_id, m.start, m."end", l.corpus_entity_id
FROM mentions m JOIN corroborate_ids i ON i.v = m.article_id
JOIN entity_links l ON l.article_id = m.article_id AND l.entity_id = m.entity_id
WHERE l.corpus_entity_id IS NOT NULL ORDER BY m.article_id, m.start
"""


def story_id(*parts: Any) -> str:
    return "st" + hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:10]


def _anonymous(source_kind: Optional[str]) -> bool:
    return source_kind in ANONYMOUS_KINDS


# ---- events -------------------------------------------------------------------------------------

def event_dates(date: Optional[str], published: Optional[str]) -> Optional[tuple[str, str, str]]:
    """(first, last, shown) days an event may have happened on, or None when it cannot be placed
    within a week: its own day; the days of its week; or, when its day is the day the article was
    published (the record's date for an event the text does not date), that day or the
    ``REPORT_LAG_DAYS`` before it, since news reports what happened lately."""
    if not date:
        return None
    if _DAY.match(date):
        if date != published:
            return date, date, date
        day = dt.date.fromisoformat(date)
        return str(day - dt.timedelta(days=REPORT_LAG_DAYS)), date, date
    week = _WEEK.match(date)
    if week:
        monday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
        return str(monday), str(monday + dt.timedelta(days=6)), str(monday)
    return None


def _event_member(row: tuple) -> Optional[dict[str, Any]]:
    (article_id, item, type_, status, date, published, actor, recipient, location, source_id, source_kind,
     actor_place, recipient_place) = row
    # A city or region named as who acted or was acted on ("the Orlando massacre") is where it happened.
    if actor_place and location in (None, actor):
        actor, location = None, actor
    if recipient_place and location in (None, recipient):
        recipient, location = None, recipient
    days = event_dates(date, published)
    if not type_ or days is None or not (actor or recipient or location) or (actor and actor == recipient):
        return None
    return {"article_id": article_id, "kind": "event", "item_id": item, "type": type_, "actor": actor,
            "recipient": recipient, "location": location, "status": STATUS_CLASS.get(status, status),
            "date_from": days[0], "date_to": days[1], "date": days[2], "source_id": source_id,
            "source_kind": source_kind, "anonymous": _anonymous(source_kind)}


@functools.cache
def _place_first() -> frozenset[str]:
    return frozenset(r["type"] for r in lexicons.rows("story_anchors.csv") if r["anchor"] == "place")


def _group(m: dict[str, Any]) -> str:
    """type|status|anchor: the anchor is the first known role, in the order ``story_anchors.csv``
    gives the event's type."""
    roles = [m["actor"], "to:" + m["recipient"] if m["recipient"] else None,
             "at:" + m["location"] if m["location"] else None]
    if m["type"] in _place_first():
        roles = roles[2:] + roles[:2]
    return "|".join((m["type"], m["status"], next(r for r in roles if r)))


def _group_sql() -> str:
    """``_group`` of a row of ``stories`` (or ``story_members``), in SQL."""
    place_first = ", ".join(f"'{t}'" for t in sorted(_place_first()))
    return ("type || '|' || status || '|' || CASE WHEN type IN (" + place_first + ") "
            "THEN coalesce('at:' || location, actor, 'to:' || recipient) "
            "ELSE coalesce(actor, 'to:' || recipient, 'at:' || location) END")


def _fits(story: dict[str, Any], m: dict[str, Any]) -> bool:
    """No role of the event contradicts the story's (a missing one contradicts nothing)."""
    return all(story[r] is None or m[r] is None or story[r] == m[r] for r in ("actor", "recipient", "location"))


def _agreement(story: dict[str, Any], m: dict[str, Any]) -> int:
    """How many roles the event shares with the story (max keeps the earliest of equals)."""
    return sum(1 for r in ("actor", "recipient", "location") if m[r] is not None and story[r] == m[r])


def cluster_events(members: list[dict[str, Any]]) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Stories of one group's events (see the module docstring): (story, its members)."""
    members = sorted(members, key=lambda m: (m["date_from"], m["date_to"], m["article_id"], m["item_id"]))
    stories: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    for m in members:
        first = dt.date.fromisoformat(m["date_from"])
        fitting = [(story, own) for story, own in stories
                   if (first - dt.date.fromisoformat(story["anchor_to"])).days <= WINDOW_DAYS and _fits(story, m)]
        home = max(fitting, key=lambda s: _agreement(s[0], m), default=None)
        if home is None:
            story = {"id": story_id(_group(m), m["article_id"], m["item_id"]), "kind": "event", "type": m["type"],
                     "status": m["status"], "actor": m["actor"], "recipient": m["recipient"],
                     "location": m["location"], "anchor_to": m["date_to"]}
            home = (story, [])
            stories.append(home)
        story, own = home
        for role in ("actor", "recipient", "location"):
            story[role] = story[role] or m[role]
        own.append({**m, "story_id": story["id"]})
    return stories


def _events(con, pending: list[str], moved: list[str]) -> tuple[set[str], set[str]]:
    """Recluster every event group the pending articles add to (or that moved links leave).
    Returns (stories written, stories removed)."""
    tables.temp_ids(con, "corroborate_ids", moved)
    touched = {r[0] for r in con.execute(
        f"SELECT DISTINCT {_group_sql()} FROM stories WHERE kind = 'event' AND id IN "
        "(SELECT story_id FROM story_members m JOIN corroborate_ids i ON i.v = m.article_id)").fetchall()}
    con.execute("DELETE FROM story_members WHERE kind = 'event' AND article_id IN (SELECT v FROM corroborate_ids)")
    tables.temp_ids(con, "corroborate_ids", pending)
    fresh = [m for row in con.execute(_EVENTS_SQL).fetchall() if (m := _event_member(row))]
    touched |= {_group(m) for m in fresh}
    tables.temp_ids(con, "corroborate_groups", touched)
    in_groups = f"kind = 'event' AND {_group_sql()} IN (SELECT v FROM corroborate_groups)"
    removed = {r[0] for r in con.execute(f"SELECT id FROM stories WHERE {in_groups}").fetchall()}
    old = _members_of(con, removed)
    _delete(con, removed)
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in old + fresh:
        groups[_group(m)].append(m)
    written = _insert([s for members in groups.values() for s in cluster_events(members)], con)
    return written, removed - written


_MEMBER_COLUMNS = list(tables.TABLES["story_members"])


def _members_of(con, story_ids: set[str]) -> list[dict[str, Any]]:
    """The members of some stories, as rows of ``story_members``."""
    tables.temp_ids(con, "corroborate_stories", story_ids)
    rows = con.execute(f"SELECT {', '.join(_MEMBER_COLUMNS)} FROM story_members "
                       "WHERE story_id IN (SELECT v FROM corroborate_stories)").fetchall()
    return [dict(zip(_MEMBER_COLUMNS, r)) for r in rows]


def _delete(con, story_ids: set[str]) -> None:
    tables.temp_ids(con, "corroborate_stories", story_ids)
    con.execute("DELETE FROM story_members WHERE story_id IN (SELECT v FROM corroborate_stories)")
    con.execute("DELETE FROM stories WHERE id IN (SELECT v FROM corroborate_stories)")


def _insert(stories: list[tuple[dict[str, Any], list[dict[str, Any]]]], con) -> set[str]:
    tables.insert(con, "stories", (s for s, _ in stories))
    tables.insert(con, "story_members", (m for _, ms in stories for m in ms))
    return {s["id"] for s, _ in stories}


# ---- claims -------------------------------------------------------------------------------------

@functools.cache
def _stopwords() -> frozenset[str]:
    return frozenset(lexicons.lines("stopwords.txt"))


@functools.cache
def _negations() -> frozenset[str]:
    return frozenset(lexicons.lines("negation_words.txt"))


def claim_features(text: str) -> tuple[frozenset[str], frozenset[str], bool]:
    """(content words, numbers, negated) of a claim's text."""
    lowered = text.casefold().replace("\u2019", "'")
    words = lsh.words(lowered)
    negated = "n't" in lowered or any(w in _negations() for w in words)
    numbers = frozenset(n.replace(",", "").rstrip(".") for n in _NUMBER.findall(lowered))
    content = frozenset(w for w in words
                        if w not in _stopwords() and w not in _negations() and not w[0].isdigit() and len(w) > 1)
    return content, numbers, negated


def _read_claims(con, articles, only: Optional[set[str]] = None) -> dict[str, dict[str, Any]]:
    """The claims of some articles that can be compared (``only``: these ``article/claim`` keys),
    keyed ``article/claim``, with their features and actor."""
    tables.temp_ids(con, "corroborate_ids", articles)
    firsts: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for article, start, end, cid in con.execute(_MENTIONS_SQL).fetchall():
        firsts[article].append((start, end, cid))
    out = {}
    for article, item, start, end, text, source_id, source_kind, speaker, published in con.execute(_CLAIMS_SQL).fetchall():
        key = f"{article}/{item}"
        if only is not None and key not in only:
            continue
        content, numbers, negated = claim_features(text or "")
        if len(content) < CLAIM_MIN_WORDS:
            continue
        actor = speaker or next((c for s, e, c in firsts.get(article, ()) if s >= start and e <= end), None)
        out[key] = {"article_id": article, "kind": "claim", "item_id": item, "type": None, "actor": actor,
                    "recipient": None, "location": None, "status": "negated" if negated else "asserted",
                    "date": published, "date_from": published, "date_to": published, "source_id": source_id, "source_kind": source_kind,
                    "anonymous": _anonymous(source_kind), "content": content, "numbers": numbers}
    return out


def _blocked(claim: dict[str, Any]) -> set[str]:
    """The strings a claim's MinHash is made of: its content words, each tied to what must agree
    (actor, numbers, negation), so that only claims that could agree share band keys."""
    block = f"{claim['actor']}|{sorted(claim['numbers'])}|{claim['status']}|"
    return {block + w for w in claim["content"]}


def _agree(a: dict[str, Any], b: dict[str, Any], roots: dict[str, str]) -> bool:
    if roots.get(a["article_id"], a["article_id"]) == roots.get(b["article_id"], b["article_id"]):
        return False  # one article, or copies of one article
    if (a["actor"], a["numbers"], a["status"]) != (b["actor"], b["numbers"], b["status"]):
        return False
    shared = len(a["content"] & b["content"])
    return (shared / min(len(a["content"]), len(b["content"])) >= CLAIM_MIN_OVERLAP
            and shared / len(a["content"] | b["content"]) >= CLAIM_MIN_JACCARD)


def _roots(con, articles) -> dict[str, str]:
    tables.temp_ids(con, "corroborate_roots", articles)
    return dict(con.execute("SELECT a.id, coalesce(a.duplicate_of, a.id) FROM articles a "
                            "JOIN corroborate_roots r ON r.v = a.id").fetchall())


def _claims(con, pending: list[str]) -> tuple[set[str], set[str]]:
    """Index the pending articles' claims, link agreeing ones, merge the stories they join.
    Returns (stories written, stories removed)."""
    claims = _read_claims(con, pending)
    lsh.index(con, "claim", {k: _blocked(c) for k, c in claims.items()}, CLAIM_LSH_THRESHOLD, CLAIM_NUM_PERM)
    pairs = lsh.candidates(con, "claim", claims)
    others = {b for _, b in pairs if b not in claims}
    if others:
        claims.update(_read_claims(con, {k.partition("/")[0] for k in others}, others))
    roots = _roots(con, {c["article_id"] for c in claims.values()})
    links = [(a, b) for a, b in sorted(pairs) if a in claims and b in claims and _agree(claims[a], claims[b], roots)]
    if not links:
        return set(), set()
    linked = {k for pair in links for k in pair}
    tables.temp_ids(con, "corroborate_keys", linked)
    held = con.execute("SELECT DISTINCT story_id FROM story_members WHERE kind = 'claim' AND "
                       "article_id || '/' || item_id IN (SELECT v FROM corroborate_keys)").fetchall()
    removed = {r[0] for r in held}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    members = {f"{m['article_id']}/{m['item_id']}": m for m in _members_of(con, removed)}
    for key, m in members.items():
        parent[find(key)] = find("story:" + m["story_id"])
    for a, b in links:
        parent[find(a)] = find(b)
    for key in linked:
        members.setdefault(key, {k: v for k, v in claims[key].items() if k in _MEMBER_COLUMNS})
    components: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for key, m in members.items():
        components[find(key)].append(m)
    stories = []
    for own in components.values():
        if len({m["article_id"] for m in own}) < 2:
            continue
        own.sort(key=lambda m: (m["date"] or "9999", m["article_id"], m["item_id"]))
        first = own[0]
        story = {"id": story_id("claim", first["article_id"], first["item_id"]), "kind": "claim",
                 "actor": first["actor"], "status": first["status"], "date_start": first["date"]}
        stories.append((story, [{**m, "story_id": story["id"]} for m in own]))
    _delete(con, removed)
    written = _insert(stories, con)
    return written, removed - written


# ---- aggregates ---------------------------------------------------------------------------------

_REFRESH_SQL = """
UPDATE stories SET articles = n.articles, outlets = n.outlets, independent_outlets = n.independent,
                   anonymous_only = n.anonymous, date_start = n.first, date_end = n.last
FROM (
    WITH m AS (
        SELECT sm.story_id, sm.article_id, sm.anonymous, sm.date, a.outlet,
               coalesce(a.duplicate_of, a.id) AS root
        FROM story_members sm JOIN corroborate_stories t ON t.v = sm.story_id
        JOIN articles a ON a.id = sm.article_id)
    SELECT story_id, count(DISTINCT article_id) AS articles,
           count(DISTINCT coalesce(nullif(m.outlet, ''), 'article:' || article_id)) AS outlets,
           count(DISTINCT coalesce(nullif(r.outlet, ''), 'article:' || r.id)) AS independent,
           bool_and(anonymous) AS anonymous, min(date) AS first, max(date) AS last
    FROM m JOIN articles r ON r.id = m.root GROUP BY story_id) n
WHERE stories.id = n.story_id
"""


def refresh(con, story_ids: set[str]) -> None:
    """Counts, dates, the anonymous flag and the title of some stories, from their members."""
    if not story_ids:
        return
    tables.temp_ids(con, "corroborate_stories", story_ids)
    con.execute(_REFRESH_SQL)
    con.execute("""
        UPDATE stories SET title = concat_ws(' ', coalesce(ea.name, '(someone)'),
                                             CASE stories.status WHEN 'asserted' THEN stories.type
                                                  ELSE stories.type || ' (' || stories.status || ')' END,
                                             er.name)
        FROM stories s LEFT JOIN corpus_entities ea ON ea.id = s.actor LEFT JOIN corpus_entities er ON er.id = s.recipient
        WHERE stories.id = s.id AND s.kind = 'event' AND s.id IN (SELECT v FROM corroborate_stories)""")
    con.execute("""
        UPDATE stories SET title = t.text FROM (
            SELECT sm.story_id, arg_min(substring(a.text, c.start + 1, c."end" - c.start),
                                        (sm.date, sm.article_id, sm.item_id)) AS text
            FROM story_members sm JOIN corroborate_stories t ON t.v = sm.story_id
            JOIN claims c ON c.article_id = sm.article_id AND c.id = sm.item_id
            JOIN articles a ON a.id = sm.article_id WHERE sm.kind = 'claim' GROUP BY 1) t
        WHERE stories.id = t.story_id""")


def add(con, new: list[str], moved: list[str], copies: set[str]) -> dict[str, int]:
    """Stories for the new articles, for articles whose entity links moved, and fresh counts for
    stories of articles whose near-duplicate group changed."""
    pending = sorted(set(new) | set(moved))
    event_written, event_removed = _events(con, pending, sorted(moved))
    claim_written, claim_removed = _claims(con, pending)
    tables.temp_ids(con, "corroborate_ids", copies)
    recount = {r[0] for r in con.execute(
        "SELECT DISTINCT story_id FROM story_members WHERE article_id IN (SELECT v FROM corroborate_ids)").fetchall()}
    refresh(con, event_written | claim_written | recount)
    return {"stories_written": len(event_written | claim_written),
            "stories_removed": len(event_removed | claim_removed)}
