"""Stories: what several reports share, and how independent and how named their support is.

Event stories. An event takes part when it has a PLOVER type, days it may have happened on and a
role linked to a corpus entity: an actor (the person when the record names one, else the country or
group it is rolled up to), a recipient or a place (a city or region the record gives as actor or
recipient counts as the place: "the Orlando massacre"). Its days (``event_dates``) are its own date
(a time or part of a day on it counts as the day), the days of its week or weekend, or, when its
date is the article's publication day (what the record gives an event the text does not date),
that day and the ``REPORT_LAG_DAYS`` before it. Events are grouped by type family (types reports
give one happening: an endorsement coded SUPPORT by one and AGREE by another), status
(``asserted``: occurred or future; ``negated``; ``hypothetical``) and anchor:
the first known of actor, recipient and place, or of place, actor and recipient for material
events (``lexicons/story_anchors.csv``). Within a group, taken in date order, an event joins the
story whose first event's days end at most ``WINDOW_DAYS`` before its own begin and whose roles do
not contradict its own (a missing role contradicts nothing; in a place-first group anchored at a town
or region, not a country, the attacker or crowd named contradicts nothing either; an event of
another type than the story's first names the same parties; a report cannot tell of what happened
after it was published, so an event dated to a day joins no story whose undated events all come
from reports published before that day, nor an undated event a story dated only after its report),
the one sharing most roles, then the one whose days are nearest; else it starts a story. An
actor-first event with no recipient ("Trump called for her to resign") comes after the others,
and joins the story within ``WINDOW_DAYS`` of it, not contradicting it, whose recipient (if any)
its article names: the one sharing most roles, then one with a recipient, then
the one with most articles, then the nearest; else it starts a story. A story's type is the one
most of its articles give it. A group is clustered again
whole whenever a batch adds to it, so a story does not depend on the order articles came in.

Claim stories. Fact, prediction and opinion claims that name someone (a named speaker, or an
entity inside the claim: a claim by no one about no one says nothing to corroborate) are compared
by their content words (function words and negators left out): two claims agree when the shorter's words are mostly in the other
(``CLAIM_MIN_OVERLAP``, with a ``CLAIM_MIN_JACCARD`` floor) or one quotes a phrase of at least
``CLAIM_MIN_QUOTED`` content words the other quotes too (reports repeat a speaker's own words alike
and word the rest their own way), their numbers are the same, both or
neither is negated (for a shared quote: both or neither negates it by the words up to its end, "called
it "extremely careless" but said no charges were due" quotes it unnegated), and their actor (the
named speaker, else the first entity the claim mentions, or the person an organisation is named
with: "FBI Director James Comey") is the same. Candidates come from MinHash LSH whose band keys include the actor, the numbers and
the negation, so only claims that could agree meet; each pair of neighbouring words a claim quotes is
indexed too, so that a short claim meets a long one quoting the same words. A claim of fewer than
``CLAIM_MIN_WORDS`` content words is compared only by what it quotes. Agreeing claims of different articles (not
copies of one another) form a story; stories a new claim joins are merged.

Each story counts its articles, its outlets and its independent outlets: every member article
stands for the earliest copy of its near-duplicate group, and that copy's outlet counts once (an
article with no outlet stands for itself). ``anonymous_only`` is true when every member's support
is an anonymous source; an event or claim the article asserts in its own voice is not anonymous.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from collections import defaultdict
from typing import Any, Optional

from .. import lexicons
from ..annotate.scorecard import ANONYMOUS_KINDS
from . import lsh, tables
from .groups import Groups

REPORT_LAG_DAYS = 5
WINDOW_DAYS = 2
STATUS_CLASS = {"occurred": "asserted", "future": "asserted", "negated": "negated", "hypothetical": "hypothetical"}
CLAIM_KINDS = ("fact", "prediction", "opinion")  # not mental_state: the writer's reading of a mind
CLAIM_LSH_THRESHOLD = 0.3
CLAIM_NUM_PERM = 64  # a claim has a dozen content words: a short signature is enough
CLAIM_MIN_OVERLAP = 0.7  # shared content words over those of the shorter claim
CLAIM_MIN_JACCARD = 0.3
CLAIM_MIN_WORDS = 4
CLAIM_MIN_QUOTED = 2  # content words of a quoted phrase by which two claims agree
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T[\w:.]*)?$")  # a day, or a time or part of one: 2016-06-12TMO
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")  # a week, or its weekend: 2016-W23-WE
_NUMBER = re.compile(r"\d[\d,.]*")

_EVENTS_SQL = """
WITH l AS (SELECT l.article_id, l.entity_id, l.corpus_entity_id, c.type IN ('GPE', 'LOC', 'FAC')
                  AND c.key NOT LIKE 'country:%' AS place
           FROM entity_links l JOIN corroborate_ids i ON i.v = l.article_id
           LEFT JOIN corpus_entities c ON c.id = l.corpus_entity_id),
e AS (SELECT e.* FROM events e JOIN corroborate_ids i ON i.v = e.article_id)
SELECT e.article_id, e.id, e.type, e.status, e.date, a.published,
       coalesce(lap.corpus_entity_id, la.corpus_entity_id) AS actor,
       coalesce(lrp.corpus_entity_id, lr.corpus_entity_id) AS recipient,
       ll.corpus_entity_id AS location, s.id AS source_id, s.kind AS source_kind,
       CASE WHEN lap.corpus_entity_id IS NOT NULL THEN lap.place ELSE la.place END AS actor_place,
       CASE WHEN lrp.corpus_entity_id IS NOT NULL THEN lrp.place ELSE lr.place END AS recipient_place,
       CASE WHEN lap.corpus_entity_id <> la.corpus_entity_id THEN la.corpus_entity_id END AS actor_group,
       CASE WHEN lrp.corpus_entity_id <> lr.corpus_entity_id THEN lr.corpus_entity_id END
           AS recipient_group
FROM e JOIN articles a ON a.id = e.article_id
LEFT JOIN l la ON la.article_id = e.article_id AND la.entity_id = e.actor
LEFT JOIN l lap ON lap.article_id = e.article_id AND lap.entity_id = e.actor_person
LEFT JOIN l lr ON lr.article_id = e.article_id AND lr.entity_id = e.recipient
LEFT JOIN l lrp ON lrp.article_id = e.article_id AND lrp.entity_id = e.recipient_person
LEFT JOIN l ll ON ll.article_id = e.article_id AND ll.entity_id = e.location
LEFT JOIN attributions t ON t.article_id = e.article_id AND t.id = e.source
LEFT JOIN sources s ON s.article_id = e.article_id AND s.id = t.source
"""

# The comparable claims of some articles (``corroborate_ids``) or some claims (``corroborate_keys``,
# ``article/claim``), with the actor: the named speaker's corpus entity, else the first corpus
# entity mentioned inside the claim (of two mentions that start together, the longer). Each table is
# narrowed to the articles in scope before it is joined.
_CLAIMS_SQL = """
WITH c AS (
    SELECT c.article_id, c.id, c.start, c."end", c.source
    FROM claims c JOIN {scope}
    WHERE c.kind IN ({kinds})),
ids AS (SELECT DISTINCT article_id FROM c),
l AS (SELECT l.* FROM entity_links l SEMI JOIN ids ON ids.article_id = l.article_id
      WHERE l.corpus_entity_id IS NOT NULL),
first AS (
    SELECT c.article_id, c.id,
           list(struct_pack(entity := l.corpus_entity_id, start := m.start - c.start, "end" := m."end" - c.start,
                            type := e.type) ORDER BY m.start, -m."end", l.corpus_entity_id) AS mentioned
    FROM c JOIN (SELECT m.* FROM mentions m SEMI JOIN ids ON ids.article_id = m.article_id) m
         ON m.article_id = c.article_id AND m.start >= c.start AND m."end" <= c."end"
    JOIN l ON l.article_id = m.article_id AND l.entity_id = m.entity_id
    LEFT JOIN entities e ON e.article_id = m.article_id AND e.id = m.entity_id GROUP BY 1, 2)
SELECT c.article_id, c.id, substring(a.text, c.start + 1, c."end" - c.start) AS text, s.id AS source_id,
       s.kind AS source_kind, ls.corpus_entity_id AS speaker, f.mentioned, a.published,
       a.duplicate_of IS NOT NULL AS copy
FROM c JOIN (SELECT a.id, a.text, a.published, a.duplicate_of FROM articles a SEMI JOIN ids ON ids.article_id = a.id) a
     ON a.id = c.article_id
LEFT JOIN (SELECT s.* FROM sources s SEMI JOIN ids ON ids.article_id = s.article_id) s
     ON s.article_id = c.article_id AND s.id = c.source
LEFT JOIN l ls ON ls.article_id = c.article_id AND ls.entity_id = s.entity
LEFT JOIN first f ON f.article_id = c.article_id AND f.id = c.id
"""
_ARTICLE_SCOPE = "corroborate_ids i ON i.v = c.article_id"
_CLAIM_SCOPE = "corroborate_claims k ON k.article_id = c.article_id AND k.id = c.id"


def story_id(*parts: Any) -> str:
    return "st" + hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:10]


def _anonymous(source_kind: Optional[str]) -> bool:
    return source_kind in ANONYMOUS_KINDS


# ---- events -------------------------------------------------------------------------------------

def event_dates(date: Optional[str], published: Optional[str], future: bool = False) -> Optional[tuple[str, str, str]]:
    """(first, last, shown) days an event may have happened on, or None when it cannot be placed
    within a week: its own day (a time or part of a day on it counts as the day); the days of its
    week or weekend; or, when its day is the day the article was published (the record's date for
    an event the text does not date), that day or the ``REPORT_LAG_DAYS`` before it, since news
    reports what happened lately; or, for an event still to come ("will meet"), that day or the
    ``REPORT_LAG_DAYS`` after it."""
    if not date:
        return None
    day = _DAY.match(date)
    if day:
        timed, date = date != day[1], day[1]
        if timed or date != published:
            return date, date, date
        if future:
            return date, str(dt.date.fromisoformat(date) + dt.timedelta(days=REPORT_LAG_DAYS)), date
        return str(dt.date.fromisoformat(date) - dt.timedelta(days=REPORT_LAG_DAYS)), date, date
    week = _WEEK.match(date)
    if week:
        monday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
        first = monday + dt.timedelta(days=5) if week[3] else monday
        return str(first), str(monday + dt.timedelta(days=6)), str(first)
    return None


def _event_member(row: tuple) -> Optional[dict[str, Any]]:
    (article_id, item, type_, status, date, published, actor, recipient, location, source_id, source_kind,
     actor_place, recipient_place, actor_group, recipient_group) = row
    # A city or region named as who acted or was acted on ("the Orlando massacre") is where it happened.
    if actor_place and location in (None, actor):
        actor, location, actor_group = None, actor, None
    if recipient_place and location in (None, recipient):
        recipient, location, recipient_group = None, recipient, None
    days = event_dates(date, published, status == "future")
    if not type_ or days is None or not (actor or recipient or location) or (actor and actor == recipient):
        return None
    return {"article_id": article_id, "kind": "event", "item_id": item, "type": type_, "actor": actor,
            "recipient": recipient, "location": location, "actor_group": actor_group if actor else None,
            "recipient_group": recipient_group if recipient else None,
            "status": STATUS_CLASS.get(status, status),
            "date_from": days[0], "date_to": days[1], "date": days[2], "source_id": source_id,
            "source_kind": source_kind, "anonymous": _anonymous(source_kind)}


@functools.cache
def _place_first() -> frozenset[str]:
    return frozenset(r["type"] for r in lexicons.rows("story_anchors.csv") if r["anchor"] == "place")


@functools.cache
def symmetric_types() -> frozenset[str]:
    """PLOVER types between two parties either of whom a report may name first (a meeting)."""
    return frozenset(r["type"] for r in lexicons.rows("story_anchors.csv") if r["symmetric"] == "yes")


@functools.cache
def families() -> dict[str, str]:
    """PLOVER type -> its family: types reports use for one happening ("the senator endorsed the
    governor" coded SUPPORT by one, "agreed to back the governor" AGREE by another), or the type
    itself (``story_anchors.csv``)."""
    return {r["type"]: r["family"] or r["type"] for r in lexicons.rows("story_anchors.csv")}


def _group(m: dict[str, Any]) -> str:
    """family|status|anchor: the anchor is the first known role, in the order ``story_anchors.csv``
    gives the event's type."""
    roles = [m["actor"], "to:" + m["recipient"] if m["recipient"] else None,
             "at:" + m["location"] if m["location"] else None]
    if m["type"] in _place_first():
        roles = roles[2:] + roles[:2]
    return "|".join((families().get(m["type"], m["type"]), m["status"], next(r for r in roles if r)))


def _group_sql() -> str:
    """``_group`` of a row of ``stories`` (or ``story_members``), in SQL."""
    place_first = ", ".join(f"'{t}'" for t in sorted(_place_first()))
    family = "".join(f"WHEN '{t}' THEN '{f}' " for t, f in sorted(families().items()) if f != t)
    return ("CASE type " + family + "ELSE type END || '|' || status || '|' || CASE WHEN type IN (" + place_first + ") "
            "THEN coalesce('at:' || location, actor, 'to:' || recipient) "
            "ELSE coalesce(actor, 'to:' || recipient, 'at:' || location) END")


_ROLES = ("actor", "recipient", "location")
_ROLE_COLUMNS = ("actor", "recipient", "location", "actor_group", "recipient_group")


def _fits(story: dict[str, Any], m: dict[str, Any], local: frozenset[str] = frozenset()) -> bool:
    """No role of the event contradicts the story's (a missing one contradicts nothing). A material
    event in the story's town or region (one of ``local``, not a country) fits whoever the reports
    say did it or suffered it: on the same days one attack or protest in one place is one event,
    however variously its reports name the attacker ("the gunman", "an Islamist", "Farook").
    An event of another type of the story's family (``families``) than the story's first fits it
    only when it names the story's parties: its actor and its recipient, or its actor and, like
    the story, no recipient. One report's endorsement is another's agreement only between the same
    two parties."""
    if not _in_time(story, m):
        return False
    if m["type"] in _place_first() and m["location"] is not None and m["location"] == story["location"] in local:
        return True
    if m["type"] != story["type"] and not (_same(story, m, "actor") and (
            _same(story, m, "recipient") or story["recipient"] is None is m["recipient"])):
        return False
    return all(story[r] is None or m[r] is None or _same(story, m, r) for r in _ROLES)


def _undated(m: dict[str, Any]) -> bool:
    """Whether an event's days are those before its article's publication (``event_dates``: the
    record gave it the publication day, the text no date), the last of them that day."""
    return m["date"] == m["date_to"] != m["date_from"]


def _in_time(story: dict[str, Any], m: dict[str, Any]) -> bool:
    """A report cannot tell of what happened after it was published: an event dated to a day joins
    no story whose undated events all come from reports published before that day, and an undated
    event joins no story dated only to days after its report."""
    if _undated(m):
        return story["dated"] is None or story["dated"] <= m["date_to"]
    if m["date_from"] == m["date_to"]:
        return story["published"] is None or m["date_from"] <= story["published"]
    return True


def _same(story: dict[str, Any], m: dict[str, Any], role: str) -> bool:
    """Whether the event's role is the story's: the same corpus entity, or a person and the country
    or party the record rolls them up to ("Trump met Pena Nieto", "Trump met Mexico"). A country
    fits a story one of whose members names its person; a person fits a story about their country
    that names no person yet (and the story becomes theirs). Two people of one country are not one
    role."""
    if m[role] is None or story[role] is None:
        return False
    if m[role] == story[role]:
        return True
    if role == "location":
        return False
    group = m.get(role + "_group")
    return m[role] in story["groups"][role] if group is None else group == story[role]


def _agreement(story: dict[str, Any], m: dict[str, Any]) -> int:
    """How many roles the event shares with the story (max keeps the earliest of equals)."""
    return sum(1 for r in _ROLES if _same(story, m, r))


def _gap(story: dict[str, Any], first: dt.date, last: dt.date) -> int:
    """Days between the story's days and an event's days, ``first`` to ``last`` (0 when they meet)."""
    return max((first - story["last_day"]).days, (story["first_day"] - last).days, 0)


def _named_in(story: dict[str, Any], names: frozenset[str]) -> bool:
    """Whether an article names the story's recipient (or the country or party of the person it is)."""
    return story["recipient"] in names or bool(story["groups"]["recipient"] & names)


def _open_recipient(m: dict[str, Any]) -> bool:
    """An actor-first event whose recipient the record does not give ("Trump called for her to
    resign"): which of the actor's stories it reports is decided after those that name one."""
    return m["recipient"] is None and m["actor"] is not None and m["type"] not in _place_first()


def cluster_events(members: list[dict[str, Any]], named: Optional[dict[str, frozenset[str]]] = None,
                   local: frozenset[str] = frozenset()) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Stories of one group's events (see the module docstring): (story, its members). ``named``:
    article id -> the corpus entities it names, by which an event without a recipient joins only
    a story whose recipient its article names; ``local``: the corpus entities that are towns or
    regions (see ``_fits``)."""
    members = sorted(members, key=lambda m: (m["date_from"], m["date_to"], m["article_id"], m["item_id"]))
    stories: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []

    def start(m: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        story = {"id": story_id(_group(m), m["article_id"], m["item_id"]), "kind": "event", "type": m["type"],
                 "status": m["status"], "actor": m["actor"], "recipient": m["recipient"],
                 "location": m["location"], "first_day": dt.date.fromisoformat(m["date_from"]),
                 "last_day": dt.date.fromisoformat(m["date_to"]), "groups": {"actor": set(), "recipient": set()},
                 "dated": None, "published": None}  # its earliest day of a dated event, latest undated report
        stories.append((story, []))
        return stories[-1]

    def join(home: tuple[dict[str, Any], list[dict[str, Any]]], m: dict[str, Any]) -> None:
        story, own = home
        for role in _ROLES:
            if story[role] is not None and story[role] == m.get(role + "_group"):
                story[role] = m[role]  # the story of a country is now the story of its person
            story[role] = story[role] or m[role]
        for role, groups in story["groups"].items():
            if m.get(role + "_group"):
                groups.add(m[role + "_group"])
        if _undated(m):
            story["published"] = max(story["published"] or m["date_to"], m["date_to"])
        elif m["date_from"] == m["date_to"]:
            story["dated"] = min(story["dated"] or m["date_from"], m["date_from"])
        own.append({**m, "story_id": story["id"]})

    open_: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []  # stories a later event may still join
    for m in (m for m in members if not _open_recipient(m)):
        first, last = dt.date.fromisoformat(m["date_from"]), dt.date.fromisoformat(m["date_to"])
        open_ = [s for s in open_ if (first - s[0]["last_day"]).days <= WINDOW_DAYS]  # events come in date order
        home = max((s for s in open_ if _fits(s[0], m, local)),
                   key=lambda s: (_agreement(s[0], m), -_gap(s[0], first, last)), default=None)
        if home is None:
            home = start(m)
            open_.append(home)
        join(home, m)
    for m in (m for m in members if _open_recipient(m)):
        names = named.get(m["article_id"], frozenset()) if named is not None else None
        first, last = dt.date.fromisoformat(m["date_from"]), dt.date.fromisoformat(m["date_to"])
        fitting = [(s, gap) for s in stories if (gap := _gap(s[0], first, last)) <= WINDOW_DAYS and _fits(s[0], m, local)
                   and (s[0]["recipient"] is None or names is None or _named_in(s[0], names))]

        def rank(fit: tuple[tuple[dict[str, Any], list[dict[str, Any]]], int]) -> tuple:
            (story, own), gap = fit
            return (_agreement(story, m), story["recipient"] is not None, len({o["article_id"] for o in own}), -gap)

        home, _ = max(fitting, key=rank, default=(None, 0))
        join(home or start(m), m)
    for story, own in stories:
        story["type"] = _main_type(own)
    return stories


def _main_type(own: list[dict[str, Any]]) -> str:
    """The type most of a story's articles give it, then most of its events, then its family's
    own type (the family is named by its most general type: ACCUSE for REJECT), then its first."""
    articles: dict[str, set[str]] = defaultdict(set)
    events: dict[str, int] = defaultdict(int)
    for m in own:
        articles[m["type"]].add(m["article_id"])
        events[m["type"]] += 1
    return max(articles, key=lambda t: (len(articles[t]), events[t], families().get(t) == t))


def _events(con, new: list[str], moved: set[tuple[str, str]], shifted: set[str]) -> tuple[set[str], set[str]]:
    """Recluster every event group the new articles add to, and those that events of earlier
    articles leave or join because a link of theirs moved (``moved``: (article, entity) pairs,
    from or to a ``shifted`` corpus entity). Returns (stories written, stories removed)."""
    articles = sorted({a for a, _ in moved})
    tables.temp_ids(con, "corroborate_ids", articles)
    tables.temp_ids(con, "corroborate_shifted", shifted)
    shifted_role = " OR ".join(f"{{0}}.{r} IN (SELECT v FROM corroborate_shifted)" for r in _ROLE_COLUMNS)
    involved = f"m.kind = 'event' AND m.article_id IN (SELECT v FROM corroborate_ids) AND ({shifted_role.format('m')})"
    touched = {r[0] for r in con.execute(
        f"SELECT DISTINCT {_group_sql()} FROM stories WHERE kind = 'event' AND id IN "
        f"(SELECT story_id FROM story_members m WHERE {involved})").fetchall()}
    con.execute(f"DELETE FROM story_members m WHERE {involved}")
    new = set(new)
    tables.temp_ids(con, "corroborate_ids", sorted(new | set(articles)))
    tables.temp_ids(con, "corroborate_new", sorted(new))
    rows = con.execute(f"SELECT * FROM ({_EVENTS_SQL}) x WHERE x.article_id IN (SELECT v FROM corroborate_new) "
                       f"OR {shifted_role.format('x')}").fetchall()
    fresh = [m for row in rows if (m := _event_member(row))
             and (m["article_id"] in new or {m[r] for r in _ROLE_COLUMNS} & shifted)]
    touched |= {_group(m) for m in fresh}
    tables.temp_ids(con, "corroborate_groups", touched)
    in_groups = f"kind = 'event' AND {_group_sql()} IN (SELECT v FROM corroborate_groups)"
    before = {r[0] for r in con.execute(f"SELECT id FROM stories WHERE {in_groups}").fetchall()}
    old = _members_of(con, before)
    held: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for m in old:
        held[m["story_id"]].add((m["article_id"], m["item_id"]))
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in old + fresh:
        groups[_group(m)].append(m)
    # Only the stories whose members changed are written again: a large group gains a member
    # in one story and keeps the others as they were.
    named = _named(con, {m["article_id"] for m in old + fresh if _open_recipient(m)})
    local = _local(con, {m["location"] for m in old + fresh if m["location"]})
    clustered = [story for members in groups.values() for story in cluster_events(members, named, local)]
    unchanged = {s["id"] for s, own in clustered if held.get(s["id"]) == {(m["article_id"], m["item_id"]) for m in own}}
    changed = [(s, own) for s, own in clustered if s["id"] not in unchanged]
    _delete(con, before - unchanged)
    _insert(changed, con)
    written = {s["id"] for s, _ in changed}
    return written, before - unchanged - written


def _local(con, places: set[str]) -> frozenset[str]:
    """The corpus entities among ``places`` that are towns, regions or sites, not countries."""
    tables.temp_ids(con, "corroborate_places", places)
    return frozenset(r[0] for r in con.execute(
        "SELECT c.id FROM corpus_entities c JOIN corroborate_places p ON p.v = c.id "
        "WHERE c.type IN ('GPE', 'LOC', 'FAC') AND c.key NOT LIKE 'country:%'").fetchall())


def _named(con, articles: set[str]) -> dict[str, frozenset[str]]:
    """article id -> the corpus entities it names."""
    tables.temp_ids(con, "corroborate_named", articles)
    out: dict[str, set[str]] = defaultdict(set)
    for article, entity in con.execute(
            "SELECT DISTINCT l.article_id, l.corpus_entity_id FROM entity_links l JOIN corroborate_named n "
            "ON n.v = l.article_id WHERE l.corpus_entity_id IS NOT NULL").fetchall():
        out[article].add(entity)
    return {a: frozenset(out[a]) for a in articles}


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
    lowered = _folded(text)
    words = lsh.words(lowered)
    negated = "n't" in lowered or any(w in _negations() for w in words)
    numbers = frozenset(n.replace(",", "").rstrip(".") for n in _NUMBER.findall(lowered))
    return frozenset(_content(words)), numbers, negated


def _folded(text: str) -> str:
    """A claim's text case-folded, its curly apostrophes straight: how its words are compared."""
    return text.casefold().replace("\u2019", "'")


def _content(words: list[str]) -> list[str]:
    """The content words among a claim's words, in order: function words, negators, numbers and
    single letters left out."""
    return [w for w in words if w not in _stopwords() and w not in _negations() and not w[0].isdigit() and len(w) > 1]


_QUOTED = re.compile(r"[\"“„«]([^\"”“»]+)(?:[\"”»]|$)")


def quoted_phrases(text: str) -> tuple[tuple[str, bool], ...]:
    """The phrases a claim puts in quotation marks (a quote the claim's span cuts off runs to its
    end), each as its content words in order: the speaker's own words, which reports of one claim
    repeat alike; each with whether the words up to its end negate it ("did not call it
    "careless"", "called it "not careless""). A negation after the quote ("called it "extremely
    careless" but said no charges were due") is about something else."""
    out = []
    for m in _QUOTED.finditer(text):
        words = _content(lsh.words(_folded(m[1])))
        if len(words) >= CLAIM_MIN_QUOTED:
            out.append((" ".join(words), claim_features(text[:m.end()])[2]))
    return tuple(out)


def _same_quote(a: tuple[tuple[str, bool], ...], b: tuple[tuple[str, bool], ...]) -> bool:
    """Whether one claim quotes a phrase the other quotes too (whole, or within a longer quote),
    both negating it or neither."""
    return any((f" {p} " in f" {q} " or f" {q} " in f" {p} ") and n == m for p, n in a for q, m in b)


def _read_claims(con, articles=(), keys=None, actors=None) -> dict[str, dict[str, Any]]:
    """The comparable claims of some articles (of these ``actors`` only, if given), or only those
    with the given ``article/claim`` keys, keyed ``article/claim``, with their features and actor."""
    if keys is not None:
        pairs = [k.partition("/")[::2] for k in keys]
        con.execute("CREATE OR REPLACE TEMP TABLE corroborate_claims (article_id VARCHAR, id VARCHAR)")
        con.execute("INSERT INTO corroborate_claims SELECT unnest(from_json(?::JSON, "
                    "'[{\"article_id\": \"VARCHAR\", \"id\": \"VARCHAR\"}]'), recursive := true)",
                    [json.dumps([{"article_id": a, "id": i} for a, i in pairs])])
    else:
        tables.temp_ids(con, "corroborate_ids", articles)
    sql = _CLAIMS_SQL.format(scope=_CLAIM_SCOPE if keys is not None else _ARTICLE_SCOPE,
                             kinds=", ".join(f"'{k}'" for k in CLAIM_KINDS))
    out = {}
    for article, item, text, source_id, source_kind, speaker, mentioned, published, copy in \
            con.execute(sql).fetchall():
        actor = speaker or _first_named(text or "", mentioned or [])
        if actors is not None and actor not in actors:
            continue
        content, numbers, negated = claim_features(text or "")
        quoted = quoted_phrases(text or "")
        if actor is None or len(content) < CLAIM_MIN_WORDS and not quoted:
            continue  # a short claim is comparable by the speaker's words it quotes
        out[f"{article}/{item}"] = {
            "article_id": article, "kind": "claim", "item_id": item, "type": None, "actor": actor,
            "recipient": None, "location": None, "status": "negated" if negated else "asserted",
            "date": published, "date_from": published, "date_to": published, "source_id": source_id,
            "source_kind": source_kind, "anonymous": _anonymous(source_kind), "content": content, "numbers": numbers,
            "quoted": quoted, "copy": copy}
    return out


@functools.cache
def _roles() -> frozenset[str]:
    return frozenset(r["noun"] for r in lexicons.rows("person_roles.csv"))


_TITLE_WORDS = re.compile(r"^(?:['\u2019]s)?\s+((?:[A-Za-z.]+\s+){1,3})$")  # "FBI Director ", "Pentagon's press secretary "


def _first_named(text: str, mentioned: list[dict[str, Any]]) -> Optional[str]:
    """The corpus entity a claim with no named speaker is about: the first it mentions (of two
    that start together, the longer), but the person when an organisation is named only as theirs,
    their title between ("FBI Director James Comey", "the Pentagon's press secretary John Kirby")."""
    if not mentioned:
        return None
    first = mentioned[0]
    if first["type"] != "PERSON":
        person = next((m for m in mentioned[1:] if m["type"] == "PERSON" and m["start"] >= first["end"]), None)
        title = _TITLE_WORDS.match(text[first["end"]:person["start"]]) if person else None
        if title and any(w.lower().rstrip(".") in _roles() for w in title[1].split()):
            return person["entity"]
    return first["entity"]


def _claims_of(con, pairs: set[tuple[str, str]]) -> set[str]:
    """``article/claim`` keys of the claims whose source is one of these (article, entity) pairs
    or that mention one."""
    con.execute("CREATE OR REPLACE TEMP TABLE corroborate_pairs (article_id VARCHAR, entity_id VARCHAR)")
    con.execute("INSERT INTO corroborate_pairs SELECT unnest(from_json(?::JSON, "
                "'[{\"article_id\": \"VARCHAR\", \"entity_id\": \"VARCHAR\"}]'), recursive := true)",
                [json.dumps([{"article_id": a, "entity_id": e} for a, e in sorted(pairs)])])
    rows = con.execute("""
        SELECT c.article_id || '/' || c.id FROM corroborate_pairs p
        JOIN sources s ON s.article_id = p.article_id AND s.entity = p.entity_id
        JOIN claims c ON c.article_id = s.article_id AND c.source = s.id
        UNION
        SELECT c.article_id || '/' || c.id FROM corroborate_pairs p
        JOIN mentions x ON x.article_id = p.article_id AND x.entity_id = p.entity_id
        JOIN claims c ON c.article_id = x.article_id AND x.start >= c.start AND x."end" <= c."end"
    """).fetchall()
    return {r[0] for r in rows}


def _blocked(claim: dict[str, Any]) -> set[str]:
    """The strings a claim's MinHash is made of: its content words, each tied to what must agree
    (actor, numbers, negation), so that only claims that could agree share band keys."""
    return {_block(claim) + w for w in claim["content"]}


def _block(claim: dict[str, Any]) -> str:
    """What two claims must share to agree (actor, numbers, negation), as a prefix."""
    return f"{claim['actor']}|{sorted(claim['numbers'])}|{claim['status']}|"


def _quoted_items(claims: dict[str, dict[str, Any]]) -> dict[str, set[str]]:
    """``article/claim#q:w1 w2`` -> one string, for each pair of neighbouring content words a
    claim quotes, tied like ``_blocked`` to what must agree: two claims quoting the same words of
    one speaker meet however much else each says ("called it "extremely careless"" and a long
    sentence quoting "extremely careless in their handling ...")."""
    out = {}
    for key, c in claims.items():
        for phrase, negated in c["quoted"]:
            block = f"{c['actor']}|{sorted(c['numbers'])}|q|{negated}|"  # the quote's own negation
            words = phrase.split()
            for pair in zip(words, words[1:]):
                out[f"{key}#q:{' '.join(pair)}"] = {block + " ".join(pair)}
    return out


def _agree(a: dict[str, Any], b: dict[str, Any], roots: dict[str, str]) -> bool:
    if roots.get(a["article_id"], a["article_id"]) == roots.get(b["article_id"], b["article_id"]):
        return False  # one article, or copies of one article
    if (a["actor"], a["numbers"]) != (b["actor"], b["numbers"]):
        return False
    if _same_quote(a["quoted"], b["quoted"]):
        return True  # the same words of the same speaker, quoted
    if a["status"] != b["status"]:
        return False
    shared = len(a["content"] & b["content"])
    return (shared / min(len(a["content"]), len(b["content"])) >= CLAIM_MIN_OVERLAP
            and shared / len(a["content"] | b["content"]) >= CLAIM_MIN_JACCARD)


def _roots(con, articles) -> dict[str, str]:
    tables.temp_ids(con, "corroborate_roots", articles)
    return dict(con.execute("SELECT a.id, coalesce(a.duplicate_of, a.id) FROM articles a "
                            "JOIN corroborate_roots r ON r.v = a.id").fetchall())


def _claims(con, new: list[str], moved: set[tuple[str, str]], shifted: set[str]) -> tuple[set[str], set[str]]:
    """Index the new articles' claims (and afresh, those of earlier articles that name an entity
    whose link moved, ``moved`` (article, entity) pairs, and whose actor is now a ``shifted``
    corpus entity: only their band keys change), link them to agreeing ones, merge the stories
    they join. Returns (stories written, stories removed)."""
    claims = _read_claims(con, new)
    if moved:
        claims.update(_read_claims(con, keys=_claims_of(con, moved), actors=shifted))
    # A near-duplicate's claims look for agreeing ones but are not indexed: its earliest copy's are,
    # and a claim agreeing with the copy's agrees with those.
    sets = {k: _blocked(c) for k, c in claims.items()}
    sets.update(_quoted_items(claims))
    found = lsh.index(con, "claim", sets, CLAIM_LSH_THRESHOLD, CLAIM_NUM_PERM,
                      query_only={k for k in sets if claims[k.partition("#")[0]]["copy"]})
    pairs = {(a.partition("#")[0], b.partition("#")[0]) for a, b in found}
    pairs = {(a, b) for a, b in pairs if a != b}
    others = {b for _, b in pairs if b not in claims}
    if others:
        claims.update(_read_claims(con, keys=others))
    roots = _roots(con, {c["article_id"] for c in claims.values()})
    links = [(a, b) for a, b in sorted(pairs) if a in claims and b in claims and _agree(claims[a], claims[b], roots)]
    if not links:
        return set(), set()
    linked = {k for pair in links for k in pair}
    tables.temp_ids(con, "corroborate_keys", linked)
    held = con.execute("SELECT DISTINCT story_id FROM story_members WHERE kind = 'claim' AND "
                       "article_id || '/' || item_id IN (SELECT v FROM corroborate_keys)").fetchall()
    removed = {r[0] for r in held}
    groups = Groups()
    members = {f"{m['article_id']}/{m['item_id']}": m for m in _members_of(con, removed)}
    for key, m in members.items():
        groups.link(key, "story:" + m["story_id"])
    for a, b in links:
        groups.link(a, b)
    for key in linked:
        members.setdefault(key, {k: v for k, v in claims[key].items() if k in _MEMBER_COLUMNS})
    components = [[members[k] for k in group if k in members] for group in groups.members()]
    stories = []
    for own in components:
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
            WITH m AS (SELECT sm.* FROM story_members sm JOIN corroborate_stories t ON t.v = sm.story_id
                       WHERE sm.kind = 'claim'),
                 first AS (SELECT story_id, arg_min(article_id, (date, article_id, item_id)) AS article_id,
                                  arg_min(item_id, (date, article_id, item_id)) AS item_id FROM m GROUP BY 1)
            SELECT f.story_id,
                   -- who claims it, then what ("Japan: to restart talks ...", "the ministry: it
                   -- had hit ..."): a clause's "that" is no part of what was claimed
                   concat_ws(': ', s.speaker, regexp_replace(substring(a.text, c.start + 1, c."end" - c.start),
                                                             '^that\s+', '', 'i')) AS text
            FROM first f JOIN claims c ON c.article_id = f.article_id AND c.id = f.item_id
            JOIN articles a ON a.id = f.article_id
            JOIN (SELECT s.id, e.name AS speaker FROM stories s LEFT JOIN corpus_entities e ON e.id = s.actor) s
              ON s.id = f.story_id) t
        WHERE stories.id = t.story_id""")


def add(con, new: list[str], moved: set[tuple[str, str]], shifted: set[str], copies: set[str]) -> dict[str, int]:
    """Stories for the new articles; for the events and claims of earlier articles whose entity
    links moved (``moved``: (article, entity) pairs, from or to a ``shifted`` corpus entity); fresh
    counts for the stories of articles whose near-duplicate group changed."""
    event_written, event_removed = _events(con, new, moved, shifted)
    claim_written, claim_removed = _claims(con, new, moved, shifted)
    tables.temp_ids(con, "corroborate_ids", copies)
    recount = {r[0] for r in con.execute(
        "SELECT DISTINCT story_id FROM story_members WHERE article_id IN (SELECT v FROM corroborate_ids)").fetchall()}
    refresh(con, event_written | claim_written | recount)
    return {"stories_written": len(event_written | claim_written),
            "stories_removed": len(event_removed | claim_removed)}
