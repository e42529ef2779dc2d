"""Entities across articles: each article's entities linked to one corpus entity per real thing.

Each article entity gets a resolution key from its own name, type and gazetteer key alone:

- a person: the given name and the surname, titles dropped ("Sen. Ted Cruz"), middle names and
  initials dropped ("Donald J. Trump"), familiar given names folded (``nicknames.csv``: Bill /
  William), accents folded and transliterations brought together (``name_spellings.csv``:
  Zelensky / Zelenskyy / Zelenskiy); a generational suffix kept (Donald Trump Jr. is not his father);
- anything the gazetteers know (a country and its aliases, an organisation, a place): its ``kb``;
- a name the tagger typed as a place, organisation or group but that reads as a person's (two or
  three capitalised words led by a common given name, ``first_names.csv``): as a person;
- anything else: its type's family (place, org, group) and its folded name.

A one-word person name ("Clinton", "Hillary"; or a one-word name the tagger typed as an
organisation, "Christie") and an all-capitals organisation name ("FBI") are ambiguous keys: they join the corpus person whose given name or surname it is, or the
organisation whose initials it is, when one candidate has at least twice the articles of the next
(``DOMINANCE``); otherwise they stay a corpus entity of their own. A one-word person name whose own
article names in full a person of that name stands for that person, whoever the corpus knows best
("Mr. Khan" after "Khizr Khan"; ``_in_article``). Their choice is made again
whenever a batch brings a candidate for them, and the links that move are reported so the stories
built on them are rebuilt.
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata
from typing import Optional

from .. import lexicons
from ..annotate import gazetteer
from . import tables

AMBIGUOUS = ("name:", "acronym:", "middle:")
DOMINANCE = 2.0
_FAMILY = {"GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org", "NORP": "group"}
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$")
_FUNCTION_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "to", "de"})


def corpus_id(key: str) -> str:
    return "ce" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"['’.]", "", text)


@functools.cache
def _titles() -> tuple[tuple[str, ...], ...]:
    """Title word sequences, longest first ("vice president" before "president")."""
    found = {tuple(_fold(r["title"]).split()) for r in lexicons.rows("titles.csv")}
    found |= {tuple(_fold(r["title"]).split()) for r in lexicons.rows("honorifics.csv")}
    return tuple(sorted((t for t in found if t), key=len, reverse=True))


@functools.cache
def _spellings() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(r["pattern"]), r["replacement"]) for r in lexicons.rows("name_spellings.csv"))


@functools.cache
def _nicknames() -> dict[str, str]:
    return {r["nickname"]: r["formal"] for r in lexicons.rows("nicknames.csv")}


@functools.cache
def _particles() -> frozenset[str]:
    return frozenset(lexicons.lines("name_particles.txt"))


def _spell(word: str) -> str:
    for pattern, replacement in _spellings():
        word = pattern.sub(replacement, word)
    return word


def _name_words(name: str) -> list[str]:
    words = re.findall(r"[^\W\d_]+", _fold(name))
    changed = True
    while changed and words:
        changed = False
        for title in _titles():
            if len(words) > len(title) and tuple(words[:len(title)]) == title:
                words, changed = words[len(title):], True
                break
    return words


@functools.cache
def _honorific_gender() -> dict[str, str]:
    return {r["title"]: r["gender"] for r in lexicons.rows("honorifics.csv") if r["gender"] and " " not in r["title"]}


@functools.cache
def _given_gender() -> dict[str, str]:
    return {_fold(r["name"]): r["gender"] for r in lexicons.rows("first_names.csv")}


def gender(name: str) -> Optional[str]:
    """m or f when a name starts with a gendered honorific ("Mr. Clinton") or with a given name
    used for one gender (``first_names.csv``); else None."""
    words = re.findall(r"[^\W\d_]+", _fold(name))
    if not words:
        return None
    return _honorific_gender().get(words[0]) or (_given_gender().get(words[0]) if len(words) > 1 else None)


def person_key(name: str, sex: Optional[str] = None) -> Optional[str]:
    """``person:given surname``; ``middle:given surname|initials,suffix`` when middle initials or a
    generational suffix are written ("George W. Bush", "Joseph R. Biden Jr."); ``name:word`` for a
    one-word name, ``name:word|m`` when an honorific marks it ("Mr. Clinton"); None for no name."""
    words = _name_words(name)
    suffix = words.pop() if len(words) > 1 and words[-1] in _SUFFIXES else ""
    while len(words) > 1 and words[0] in _particles():
        words = words[1:]
    if not words:
        return None
    initials = "".join(w for w in words[1:-1] if len(w) <= 2 and w not in _particles())
    given = _spell(_nicknames().get(words[0], words[0]))
    words = [_spell(w) for w in words]
    if len(words) == 1:
        return "name:" + given + (" " + suffix if suffix else "") + (f"|{sex}" if sex else "")
    plain = f"{given} {words[-1]}"
    return f"middle:{plain}|{initials},{suffix}" if initials or suffix else "person:" + plain


def _initials(words: list[str]) -> set[str]:
    content = [w for w in words if w not in _FUNCTION_WORDS]
    out = {"".join(w[0] for w in words if w), "".join(w[0] for w in content if w)}
    return {i for i in out if len(i) >= 2}


@functools.cache
def _given_names() -> frozenset[str]:
    return frozenset(r["name"] for r in lexicons.rows("first_names.csv"))


def _looks_like_person(name: str) -> bool:
    """Two or three capitalised words led by a common given name ("Barack Obama" typed ORG)."""
    words = name.split()
    return 2 <= len(words) <= 3 and words[0] in _given_names() and all(w[:1].isupper() for w in words)


_MISTYPED = ("ORG", "PRODUCT", "WORK_OF_ART")  # types the tagger gives people's names by mistake


def entity_key(name: str, type_: str, kb: Optional[str], sex: Optional[str] = None) -> Optional[str]:
    """The resolution key of one article entity (see the module docstring); ``sex`` is the gender
    its mentions' honorifics give it, if any."""
    name = re.sub(r"\s*[(\[][^)\]]*[)\]]?\s*$", "", name or "").strip()  # "Federal Bureau of Investigation (FBI"
    if type_ == "PERSON" or (not kb and type_ in _MISTYPED and _looks_like_person(name)):
        return person_key(name, sex)
    if not kb and type_ in _MISTYPED and re.fullmatch(r"[A-Z][a-z]+", name):
        return person_key(name, sex)  # one capitalised word: a surname standing for a person, or not
    if not kb and type_ in _FAMILY:
        known = gazetteer.lookup(name)
        kb = known.kb if known is not None else None
    if kb:
        return kb
    compact = re.sub(r"\s+", "", name)
    if type_ == "ORG" and _ACRONYM.match(compact):
        return "acronym:" + _fold(compact)
    words = re.findall(r"\w+", _fold(name))
    if words and words[0] == "the":
        words = words[1:]
    if not words:
        return None
    return f"{_FAMILY.get(type_, type_.lower())}:{' '.join(words)}"


def handles(key: str, sex: Optional[str] = None) -> list[str]:
    """What an ambiguous key may stand for (a one-word name, an organisation's initials, a name
    with middle initials or a suffix); the same for the concrete keys that may be its candidates,
    a person's given name and surname also with its gender when known."""
    kind, _, rest = key.partition(":")
    if kind in ("name", "acronym"):
        return [rest]
    if kind == "middle":
        return [rest.partition("|")[0]]
    words = rest.split()
    if kind == "person":
        given, surname = words[0], words[-1]
        return [given, surname, rest] + ([f"{given}|{sex}", f"{surname}|{sex}"] if sex else [])
    if kind == "org" and len(words) >= 2:
        return sorted(_initials(words))
    return []


def _ambiguous(key: str) -> bool:
    return key.startswith(AMBIGUOUS)


def add(con, article_ids: list[str]) -> tuple[set[tuple[str, str]], set[str]]:
    """Link the new articles' entities; choose again for the ambiguous keys the batch touches.
    Returns ((article, entity) of earlier articles whose links moved, the corpus entities they
    moved from and to)."""
    tables.temp_ids(con, "resolve_ids", article_ids)
    rows = con.execute(
        "SELECT e.article_id, e.id, e.name, e.type, e.kb, e.country FROM entities e "
        "JOIN resolve_ids i ON i.v = e.article_id ORDER BY e.article_id, e.id").fetchall()
    marked = _honorifics(con)
    keyed = [(r, k) for r in rows if (k := entity_key(r[2], r[3], r[4], marked.get((r[0], r[1]))))]
    _ensure_entities(con, keyed)  # ambiguous keys too: their own entity is their fallback
    tables.insert(con, "entity_links", ({"article_id": r[0], "entity_id": r[1], "key": k,
                                         "corpus_entity_id": None if _ambiguous(k) else corpus_id(k)}
                                        for r, k in keyed))
    _count_articles(con, {corpus_id(k) for _, k in keyed if not _ambiguous(k)})
    touched_handles = {h for r, k in keyed for h in handles(k, gender(r[2]))}
    moved, entities = _choose(con, touched_handles)
    new = set(article_ids)
    return {(a, e) for a, e in moved if a not in new}, entities


def _ensure_entities(con, keyed: list) -> None:
    """A corpus entity for every key not yet known."""
    keys = {k: r for r, k in keyed}
    tables.temp_ids(con, "resolve_keys", keys)
    known = {r[0] for r in con.execute(
        "SELECT c.key FROM corpus_entities c JOIN resolve_keys k ON k.v = c.key").fetchall()}
    tables.insert(con, "corpus_entities", (
        {"id": corpus_id(k), "key": k, "name": r[2], "type": r[3], "kb": r[4], "country": r[5],
         "handles": handles(k, gender(r[2])), "articles": 0} for k, r in keys.items() if k not in known))


def _honorifics(con) -> dict[tuple[str, str], str]:
    """(article, entity) -> m or f, for the batch's entities a gendered honorific names in some
    mention ("Mr. Clinton")."""
    out = {}
    for article, entity, text in con.execute(
            "SELECT m.article_id, m.entity_id, m.text FROM mentions m JOIN resolve_ids i ON i.v = m.article_id "
            "WHERE m.text LIKE '% %'").fetchall():
        words = re.findall(r"[^\W\d_]+", _fold(text))
        sex = _honorific_gender().get(words[0]) if words else None
        if sex:
            out[(article, entity)] = sex
    return out


def _count_articles(con, ids) -> None:
    """Articles per corpus entity, each group of near-duplicates once; an entity left without
    links (an ambiguous key that found its candidate) is dropped."""
    tables.temp_ids(con, "resolve_counted", ids)
    con.execute("""
        UPDATE corpus_entities SET articles = coalesce((
            SELECT count(DISTINCT coalesce(a.duplicate_of, a.id))
            FROM entity_links l JOIN articles a ON a.id = l.article_id
            WHERE l.corpus_entity_id = corpus_entities.id), 0)
        WHERE id IN (SELECT v FROM resolve_counted)""")
    con.execute("DELETE FROM corpus_entities WHERE articles = 0 AND id IN (SELECT v FROM resolve_counted)")


def _choose(con, touched_handles: set[str]) -> tuple[set[tuple[str, str]], set[str]]:
    """Point every ambiguous key whose word the batch touched at its dominant candidate, or at
    its own entity. Returns ((article, entity) whose links moved, corpus entities they moved from
    and to)."""
    if not touched_handles:
        return set(), set()
    tables.temp_ids(con, "resolve_keys", touched_handles)
    ambiguous = [r[0] for r in con.execute(
        "SELECT DISTINCT l.key FROM entity_links l JOIN resolve_keys k ON k.v = CASE "
        "WHEN l.key LIKE 'middle:%' THEN split_part(substr(l.key, 8), '|', 1) "
        "WHEN l.key LIKE 'name:%' OR l.key LIKE 'acronym:%' THEN split_part(l.key, ':', 2) END ORDER BY 1").fetchall()]
    if not ambiguous:
        return set(), set()
    tables.temp_ids(con, "resolve_keys", ambiguous)
    ranked: dict[str, list[tuple[str, int]]] = {}
    for key, cid, articles in con.execute("""
            WITH amb AS (SELECT v AS key, split_part(v, ':', 2) AS word,
                                CASE WHEN v LIKE 'name:%' THEN 'PERSON' ELSE 'ORG' END AS type FROM resolve_keys
                         WHERE v NOT LIKE 'middle:%'),
                 cand AS (SELECT id, key, type, articles, unnest(handles) AS word FROM corpus_entities
                          WHERE key NOT LIKE 'name:%' AND key NOT LIKE 'acronym:%' AND key NOT LIKE 'middle:%')
            SELECT amb.key, cand.id, cand.articles FROM amb JOIN cand USING (word, type)
            ORDER BY amb.key, cand.articles DESC, cand.key""").fetchall():
        ranked.setdefault(key, []).append((cid, articles))
    targets = _middle_targets(con, [k for k in ambiguous if k.startswith("middle:")])
    for key in ambiguous:
        if key in targets:
            continue
        best = ranked.get(key, [])
        dominant = best and (len(best) == 1 or best[0][1] >= DOMINANCE * best[1][1])
        targets[key] = best[0][0] if dominant else corpus_id(key)
    _ensure_own(con, [k for k, t in targets.items() if t == corpus_id(k)])
    con.execute("CREATE OR REPLACE TEMP TABLE resolve_targets (key VARCHAR, target VARCHAR, own BOOLEAN)")
    con.execute("INSERT INTO resolve_targets SELECT unnest(from_json(?::JSON, '[{\"key\": \"VARCHAR\", "
                "\"target\": \"VARCHAR\", \"own\": \"BOOLEAN\"}]'), recursive := true)",
                [json.dumps([{"key": k, "target": t, "own": t == corpus_id(k)} for k, t in targets.items()])])
    _in_article(con)
    target = "coalesce(o.target, t.target)"
    links = ("entity_links l JOIN resolve_targets t ON t.key = l.key LEFT JOIN resolve_own o "
             "ON o.article_id = l.article_id AND o.entity_id = l.entity_id")
    changed = con.execute(
        f"SELECT DISTINCT l.article_id, l.entity_id, l.corpus_entity_id, {target} FROM {links} "
        f"WHERE l.corpus_entity_id IS DISTINCT FROM {target}").fetchall()
    con.execute(f"UPDATE entity_links SET corpus_entity_id = x.target FROM (SELECT l.article_id, l.entity_id, "
                f"{target} AS target FROM {links}) x WHERE entity_links.article_id = x.article_id "
                "AND entity_links.entity_id = x.entity_id AND entity_links.corpus_entity_id IS DISTINCT FROM x.target")
    _count_articles(con, {corpus_id(k) for k in ambiguous} | {old for *_, old, _ in changed if old}
                    | {target for *_, target in changed})
    moved = [row for row in changed if row[2] is not None]
    return {(a, e) for a, e, _, _ in moved}, {x for *_, old, target in moved for x in (old, target)}


def _in_article(con) -> None:
    """``resolve_own (article_id, entity_id, target)``: a one-word person name (a ``name:`` key
    among ``resolve_targets``) whose own article names in full a person of that given name or
    surname stands for that person, not for the namesake the corpus knows best: "Mr. Khan" after
    "Khizr Khan" is Khizr Khan (a given name alone, tagged a person, counts as the person it was
    resolved to: "Khizr and Ghazala Khan"; not "House" read as a surname). A person the
    honorific's gender rules out is passed over ("Mr. Khan" is not "Fatima Khan"); of several
    left, the one the article names first (news names in full the person it then calls by
    surname, the main one first). Where the corpus has a dominant namesake, only a person named in
    another article too outweighs it: a full name found once may be a misread ("Floridians Jeb
    Bush")."""
    con.execute("""
        CREATE OR REPLACE TEMP TABLE resolve_own AS
        WITH amb AS (
            SELECT l.article_id, l.entity_id, split_part(split_part(l.key, ':', 2), '|', 1) AS word,
                   split_part(l.key, '|', 2) AS sex, t.own
            FROM entity_links l JOIN resolve_targets t ON t.key = l.key WHERE l.key LIKE 'name:%'),
        cand AS (
            SELECT l.article_id, l.key, c.id AS target, c.handles, c.articles,
                   (SELECT min(m.start) FROM mentions m WHERE m.article_id = l.article_id
                    AND m.entity_id = l.entity_id) AS first
            FROM entity_links l LEFT JOIN resolve_targets t ON t.key = l.key
            JOIN corpus_entities c ON c.id = coalesce(t.target, l.corpus_entity_id) AND c.key LIKE 'person:%'
            JOIN entities e ON e.article_id = l.article_id AND e.id = l.entity_id
            WHERE l.article_id IN (SELECT article_id FROM amb) AND (l.key NOT LIKE 'name:%' OR e.type = 'PERSON'))
        SELECT amb.article_id, amb.entity_id, arg_min(cand.target, (cand.first, cand.target)) AS target
        FROM amb JOIN cand ON cand.article_id = amb.article_id AND list_contains(cand.handles, amb.word)
             AND NOT (cand.key LIKE 'name:%' AND split_part(split_part(cand.key, ':', 2), '|', 1) = amb.word)
        WHERE (amb.sex = '' OR NOT list_contains(cand.handles,
               amb.word || '|' || CASE amb.sex WHEN 'm' THEN 'f' ELSE 'm' END))
          AND (amb.own OR cand.articles > 1)
        GROUP BY 1, 2""")


def _middle_targets(con, keys: list[str]) -> dict[str, str]:
    """A name written with middle initials or a suffix is the plain name's person when the corpus
    knows that person, no one of that name with other initials ("George W. Bush" and "George H.W.
    Bush" stay apart), and, for a suffix, no article that names the two as different people
    ("Donald Trump Jr." beside Donald Trump stays apart; "Joseph R. Biden Jr." is Joe Biden)."""
    plains = {k: k[len("middle:"):].partition("|")[0] for k in keys}
    tables.temp_ids(con, "resolve_plain", plains.values())
    family = con.execute(
        "SELECT DISTINCT split_part(substr(l.key, 8), '|', 1), split_part(l.key, '|', 2) FROM entity_links l "
        "WHERE l.key LIKE 'middle:%' AND split_part(substr(l.key, 8), '|', 1) IN (SELECT v FROM resolve_plain)").fetchall()
    initials: dict[str, set[str]] = {}
    for plain, qualifier in family:
        if qualifier.partition(",")[0]:
            initials.setdefault(plain, set()).add(qualifier.partition(",")[0])
    known = {r[0] for r in con.execute(
        "SELECT key FROM corpus_entities WHERE key IN (SELECT 'person:' || v FROM resolve_plain)").fetchall()}
    tables.temp_ids(con, "resolve_keys", [k for k in keys if k.partition("|")[2].partition(",")[2]])
    apart = {r[0] for r in con.execute("""
        SELECT DISTINCT s.key FROM entity_links s JOIN resolve_keys k ON k.v = s.key
        JOIN entity_links o ON o.article_id = s.article_id AND o.entity_id <> s.entity_id
        WHERE o.key = 'person:' || split_part(substr(s.key, 8), '|', 1)
           OR (o.key LIKE 'middle:%' AND o.key <> s.key
               AND split_part(substr(o.key, 8), '|', 1) = split_part(substr(s.key, 8), '|', 1))""").fetchall()}
    out = {}
    for key, plain in plains.items():
        own_initials = key.partition("|")[2].partition(",")[0]
        merges = ("person:" + plain in known and key not in apart
                  and (not own_initials or initials.get(plain, set()) == {own_initials}))
        out[key] = corpus_id("person:" + plain) if merges else corpus_id(key)
    return out


def _ensure_own(con, keys: list[str]) -> None:
    """Ambiguous keys' own corpus entities, made again where an earlier choice dropped them."""
    if not keys:
        return
    tables.temp_ids(con, "resolve_keys", keys)
    rows = con.execute("""
        SELECT l.key, arg_min(e.name, l.article_id), arg_min(e.type, l.article_id), arg_min(e.kb, l.article_id),
               arg_min(e.country, l.article_id)
        FROM entity_links l JOIN resolve_keys k ON k.v = l.key
        JOIN entities e ON e.article_id = l.article_id AND e.id = l.entity_id
        WHERE NOT EXISTS (SELECT 1 FROM corpus_entities c WHERE c.key = l.key)
        GROUP BY l.key""").fetchall()
    tables.insert(con, "corpus_entities", ({"id": corpus_id(k), "key": k, "name": n, "type": t, "kb": kb,
                                            "country": c, "handles": handles(k), "articles": 0}
                                           for k, n, t, kb, c in rows))
