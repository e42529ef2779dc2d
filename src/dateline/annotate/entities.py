"""entities: one entity per real thing in the article, with every mention of it.

Mentions come from spaCy's NER and from the shipped gazetteers (``gazetteer.py``: countries and
their demonyms, capitals, places, organisations, facilities, heads of state and government). They
are cleaned (determiners and possessives off, titles kept in the mention but not in the name,
hyphenated pairs such as "Trump-Putin" split, headings and the dateline never yielding junk) and
merged into entities: a surname joins the full name it ends, a demonym ("Iranians") joins its
country, and a description ("the president", "the Russian leader") joins the nearest person the
article names with a compatible role and country, or the listed holder of that office (heads.csv)
when the article names nobody in it. The list's roles count only for articles published after the
holder took office; the article's own names always beat the list ("Donald Putin" is not Vladimir
Putin).

``Entity.country`` holds a country's canonical name ("United States"); ``Entity.kb`` the
gazetteer key ("country:USA", "org:nato", "person:vladimir-putin", "fac:fordow").

Public API for other annotators (all pure; none parses text):

- ``entity_at(record, start, end) -> str | None``: the entity with a mention overlapping the
  span, preferring one that covers it, then the shortest mention.
- ``entities_in(record, start, end) -> list[str]``: entities with a mention inside the span, in
  text order.
- ``MentionIndex(record)``: the same lookups (``.at``, ``.inside``), built once for many calls.
- ``entity(record, entity_id) -> Entity | None``.
- ``country_of(record, entity_id) -> str | None``: the id of the entity of its country (itself
  for a country), when the article mentions that country.
- ``country_code(record, entity_id) -> str | None``: ISO alpha-3 of its country.
- ``demonym_country(word) -> str | None``: the country name of a demonym ("Iranians" -> "Iran").
- ``country_name(text) -> str | None``: the canonical name of a country name or alias ("U.S.").
- ``is_group(record, entity_id) -> bool``: a country, organisation or people rather than a person.
- ``office_title(words) -> Title | None``: the title when the words name a country's one-holder office.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Optional

from ..record import Entity, Record
from . import annotator, cues, gazetteer
from .gazetteer import Entry

_NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
_DETERMINERS = ("the ", "The ", "a ", "A ", "an ", "An ")
_POSSESSIVES = ("'s", "’s", "'", "’")
_DASHES = "-–—"
_NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
_GROUP_KINDS = frozenset({"country", "demonym", "org", "capital", "place"})
# Roles a bare description may resolve to ("the president"); others ("the minister") are too vague.
_DESCRIBABLE = frozenset({"foreign_minister", "defense_minister", "envoy", "secretary_general", "crown_prince",
                          "vice_president"})


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    name: str
    label: str
    entry: Optional[Entry] = None
    role: Optional[str] = None
    role_country: Optional[str] = None  # ISO alpha-3 from the title ("Russian President ...")
    owner: Optional["_Mention"] = None  # "Trump's Special Envoy X": X's country follows Trump's
    key: str = ""
    description: bool = False


@dataclass(slots=True)
class _Cluster:
    key: str
    mentions: list[_Mention] = field(default_factory=list)
    entry: Optional[Entry] = None
    role: Optional[str] = None
    country: Optional[str] = None


@annotator("entities")
def annotate(record: Record, doc) -> dict:
    text = record.text
    headings = [(h.start, h.end) for h in record.headings]
    skip_until = record.dateline.end if record.dateline and record.dateline.end else 0

    gaz = _gazetteer_mentions(doc, text, skip_until)
    ner = _ner_mentions(doc, text, skip_until)
    mentions = _merge(gaz, ner)
    mentions = _full_names_by_parse(mentions, doc, skip_until)
    _attach_titles(mentions, text, gaz)
    body_people = _people_index(m for m in mentions if not _inside(m, headings))
    mentions = _drop_heading_junk(mentions, headings, body_people)
    mentions = _correct_people(mentions, body_people, doc, text)
    _facilities_by_context(mentions, doc, text)
    clusters = _cluster(mentions, body_people, record.published)
    _companies_by_context(clusters, doc)
    _descriptions(doc, text, clusters, skip_until, record.published)
    return {"entities": _entities(clusters)}


# ---- mention finding -------------------------------------------------------------------------

def _inside(m: _Mention, regions: list[tuple[int, int]]) -> bool:
    return any(s <= m.start and m.end <= e for s, e in regions)


def _gazetteer_mentions(doc, text: str, skip_until: int) -> list[_Mention]:
    out: list[_Mention] = []
    covered = -1
    for token in doc:
        i = token.idx
        while i < token.idx + len(token.text) and text[i] in _DASHES:
            i += 1
        if i < covered or i < skip_until or not text[i:i + 1].isalpha():
            continue
        hit = gazetteer.match_at(text, i)
        if hit is None:
            continue
        end, entry = hit
        start = i
        for det in _DETERMINERS:
            if text.startswith(det, start) and end - start > len(det):
                start += len(det)
        out.append(_Mention(start, end, text[start:end], entry.type, entry))
        covered = end
    return out


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners and dashes, trailing possessives and punctuation."""
    while True:
        before = (start, end)
        for det in _DETERMINERS:
            if text.startswith(det, start) and end - start > len(det):
                start += len(det)
        while start < end and not (text[start].isalnum() or text[start] in "'’"):
            start += 1
        for pos in _POSSESSIVES:
            if text.endswith(pos, start, end) and end - start > len(pos):
                end -= len(pos)
        if text.endswith((" that", " who", " which"), start, end):  # "The Canadian Press that ...", a tagger's overreach
            end = text.rindex(" ", start, end)
        while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
            end -= 1
        if end > start and text[end - 1] == "." and text.count(".", start, end) == 1:
            end -= 1  # a sentence's full stop, not the dots of "U.S."
        if (start, end) == before:
            return start, end


def _ner_mentions(doc, text: str, skip_until: int) -> list[_Mention]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in _NER_LABELS:
            continue
        start, end = _clean_span(text, max(ent.start_char, skip_until), ent.end_char)
        name = text[start:end]
        if end <= start or not any(c.isupper() for c in name):
            continue
        if "\n" in name:  # a heading run into a paragraph: keep the first line only
            end = start + name.index("\n")
            start, end = _clean_span(text, start, end)
            name = text[start:end]
            if end <= start:
                continue
        if ent.label_ == "PERSON" and _description_not_name(name):
            continue
        out.append(_Mention(start, end, name, ent.label_))
    return out


def _description_not_name(name: str) -> bool:
    """"Yellowhead MP", "Foreign Minister": a span tagged as a person that ends in a title and
    holds no given name describes someone; it names no one ("Stephen King" does)."""
    words = name.split()
    if not words or gazetteer.title_ending_at(name, len(name)) is None:
        return False
    return not any(w in cues.first_names() for w in words)


def _merge(gaz: list[_Mention], ner: list[_Mention]) -> list[_Mention]:
    """Gazetteer names win where they cross or equal an NER span; an NER span that contains
    gazetteer names keeps them when they are places (so "Iran's Foreign Ministry" holds "Iran")
    and absorbs them when they are people or bodies ("Trump Tower")."""
    kept_gaz = {id(g): True for g in gaz}
    out: list[_Mention] = []
    starts = [g.start for g in gaz]
    for m in ner:
        lo = bisect.bisect_left(starts, m.start - 60)
        overlapping = [g for g in gaz[lo:] if g.start < m.end and m.start < g.end]
        if not overlapping:
            out.append(m)
            continue
        if any(g.start == m.start and g.end == m.end for g in overlapping):
            continue
        if all(m.start <= g.start and g.end <= m.end for g in overlapping):
            people = [g for g in overlapping if g.entry.kind == "person"]
            if m.label == "PERSON" and len(people) == 1:
                kept_gaz[id(people[0])] = False
                if _same_person(m.name, people[0].entry):
                    m.entry = people[0].entry  # "Donald J. Trump" carries the listed person
            for g in overlapping:
                if g.entry.kind in ("country", "demonym") and m.label != "PERSON":
                    m.role_country = m.role_country or g.entry.country  # "Iran's Foreign Ministry"
                if g.entry.kind not in ("country", "demonym", "capital", "place") and g.entry.kind != "person":
                    kept_gaz[id(g)] = False
                elif g.entry.kind == "person" and m.label != "PERSON":
                    kept_gaz[id(g)] = False
            out.append(m)
        # NER spans crossing a gazetteer name are dropped: the gazetteer's boundary is surer.
    out.extend(g for g in gaz if kept_gaz[id(g)])
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _full_names_by_parse(mentions: list[_Mention], doc, skip_until: int) -> list[_Mention]:
    """"Patrice Lindsay, director of ..." where the tagger saw only "Lindsay" (here or elsewhere):
    a proper noun compounded onto a one-word person name, outside any other mention, makes the
    full name, so the surname joins the full name's entity instead of standing alone."""
    singles = {m.name for m in mentions if m.label == "PERSON" and m.entry is None and " " not in m.name}
    if not singles:
        return mentions
    by_start = {m.start: m for m in mentions}
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [sp[0] for sp in spans]
    added = []
    for tok in doc:
        if tok.text not in singles or tok.i == 0 or tok.idx < skip_until:
            continue
        prev = doc[tok.i - 1]
        if not (prev.pos_ == "PROPN" and prev.dep_ == "compound" and prev.head.i == tok.i and prev.text[:1].isupper()
                and prev.text.isalpha() and prev.lower_ not in cues.honorifics()
                and gazetteer.title_at(prev.text, 0) is None and gazetteer.lookup(prev.text) is None):
            continue
        start, end = prev.idx, tok.idx + len(tok.text)
        k = bisect.bisect_right(starts, start) - 1
        if k >= 0 and spans[k][1] > start:
            continue  # the given name is part of another mention already
        own = by_start.get(tok.idx)
        if own is not None and own.end == end and own.name == tok.text:
            own.start, own.name = start, f"{prev.text} {tok.text}"
        elif k + 1 < len(spans) and spans[k + 1][0] < end:
            continue
        else:
            added.append(_Mention(start, end, f"{prev.text} {tok.text}", "PERSON"))
    if added:
        mentions = sorted(mentions + added, key=lambda m: (m.start, -m.end))
    return mentions


def _same_person(name: str, entry: Entry) -> bool:
    """Whether a full name found in the text is the listed person: a known form of the name, or the
    same first and last word ("Donald Putin" is not Vladimir Putin, whatever the list says)."""
    core = name
    while (hit := gazetteer.title_at(core, 0)) is not None and hit[0] < len(core):
        core = core[hit[0]:].lstrip()
    if gazetteer.lookup(core) == entry:
        return True
    words, listed = core.split(), entry.name.split()
    return len(words) >= 2 and words[0] == listed[0] and words[-1] == listed[-1]


def _attach_titles(mentions: list[_Mention], text: str, gaz: list[_Mention]) -> None:
    """Extend each person mention over the titles before it ("Russian President Vladimir Putin"),
    recording the role and the country the title gives."""
    by_end = {g.end: g for g in gaz}
    by_start = {g.start: g for g in gaz}
    ends = {m.end: m for m in mentions}
    for m in mentions:
        if m.label != "PERSON" and not (m.entry and m.entry.kind == "person"):
            continue
        pos = m.start  # titles inside the NER span: "President Trump", "Dutch MEP Sanne de Wit"
        g = by_start.get(pos)
        if g is not None and g.entry.kind in ("country", "demonym") and g.end < m.end:
            after = g.end
            while after < m.end and text[after] == " ":
                after += 1
            if gazetteer.title_at(text, after) is not None:
                m.role_country = g.entry.country
                pos = after
        while (hit := gazetteer.title_at(text, pos)) is not None and text[pos].isupper() and hit[0] < m.end:
            m.role = m.role or hit[1].role
            pos = hit[0]
            while pos < m.end and text[pos] == " ":
                pos += 1
        if pos > m.start:
            m.name = text[pos:m.end]
        pos = m.start
        while True:
            before = _skip_space_back(text, pos)
            hit = gazetteer.title_ending_at(text, before)
            if hit is None:
                break
            pos, title = hit
            m.role = m.role or title.role
            pos = _skip_title_modifiers(text, pos)
        if pos == m.start:
            continue
        m.start = pos
        before = _skip_space_back(text, pos)
        g = by_end.get(before)
        if g is not None and g.entry.kind in ("country", "demonym"):
            m.role_country = g.entry.country  # "Russian President ..." / "U.S. Envoy ..."
            m.start = g.start
        elif text.endswith(("'s", "’s"), 0, before):
            owner = ends.get(before - 2) or by_end.get(before - 2)
            if owner is not None:
                if owner.entry is not None and owner.entry.kind in ("country", "demonym"):
                    m.role_country = owner.entry.country  # "Iran's Foreign Minister ..."
                    m.start = owner.start
                else:
                    m.owner = owner  # "President Donald Trump's Special Envoy Steve Witkoff"


def _skip_title_modifiers(text: str, pos: int) -> int:
    """Move back over "former", "deputy", "junior" ... before a title."""
    modifiers = gazetteer.title_modifiers()
    while True:
        end = _skip_space_back(text, pos)
        start = end
        while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "-"):
            start -= 1
        word = text[start:end].strip("-").lower()
        if not word or word not in modifiers:
            return pos
        pos = start


def _skip_space_back(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return pos


# ---- people --------------------------------------------------------------------------------

@dataclass(slots=True)
class _People:
    """Person names seen in the body: full names, and each single name word -> full names."""

    full: dict[str, str] = field(default_factory=dict)  # name -> key
    parts: dict[str, set[str]] = field(default_factory=dict)  # "Putin" -> {key of Vladimir Putin}
    firsts: dict[str, set[str]] = field(default_factory=dict)  # "Hillary" -> {key of Hillary Clinton}

    def key_of(self, name: str) -> Optional[str]:
        if name in self.full:
            return self.full[name]
        for index in (self.parts, self.firsts):
            keys = index.get(name)
            if keys and len(keys) == 1:
                return next(iter(keys))
        entry = gazetteer.lookup(name)
        if entry is not None and entry.kind == "person":
            return entry.kb
        return None


def _person_key(m: _Mention) -> str:
    if m.entry is not None and m.entry.kind == "person":
        return m.entry.kb
    return "name:" + m.name.lower()


def _people_index(mentions) -> _People:
    """The people's names of the body. A full name the tagger read as a place or an organisation
    counts as a person's where its last word stands alone as a person elsewhere ("Nino
    Niederreiter" typed GPE, "Niederreiter" PERSON) and no list knows the name as something else."""
    mentions = list(mentions)
    surnames = {m.name for m in mentions if m.label == "PERSON" and m.entry is None and " " not in m.name}
    people = _People()
    for m in mentions:
        words = m.name.split()
        if m.label != "PERSON" and not (m.entry and m.entry.kind == "person") and not (
                m.entry is None and m.label in ("GPE", "ORG", "NORP") and 2 <= len(words) <= 3
                and words[-1] in surnames and all(w[:1].isupper() for w in words)):
            continue
        key = _person_key(m)
        if len(words) >= 2:
            people.full.setdefault(m.name, key)
            if m.entry is not None:
                people.full.setdefault(m.entry.name, key)
            words = [w for w in words if w not in _NAME_SUFFIXES]
            if len(words) >= 2:
                people.parts.setdefault(words[-1], set()).add(key)
                people.firsts.setdefault(words[0], set()).add(key)
    return people


def _correct_people(mentions: list[_Mention], people: _People, doc, text: str) -> list[_Mention]:
    """Known person names typed as something else become PERSON; hyphenated pairs of known names
    split ("Trump-Putin"); known surnames the NER missed become mentions."""
    out: list[_Mention] = []
    for m in mentions:
        if m.entry is None and m.label != "PERSON" and people.key_of(m.name):
            m.label = "PERSON"
        if m.entry is None and any(d in m.name for d in _DASHES):
            parts = _known_parts(m, people, text)
            if parts:
                out.extend(parts)
                continue
        out.append(m)
    covered = [(m.start, m.end) for m in out]
    covered.sort()
    starts = [c[0] for c in covered]
    for token in doc:
        if not token.text[:1].isupper() or token.text not in people.parts:
            continue
        s, e = token.idx, token.idx + len(token.text)
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and covered[k][1] > s:
            continue
        if k + 1 < len(covered) and covered[k + 1][0] < e:
            continue
        out.append(_Mention(s, e, token.text, "PERSON"))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _known_parts(m: _Mention, people: _People, text: str) -> list[_Mention]:
    parts: list[_Mention] = []
    pos = m.start
    for i in range(m.start, m.end + 1):
        if i == m.end or text[i] in _DASHES:
            if i > pos:
                name = text[pos:i]
                entry = gazetteer.lookup(name)
                if people.key_of(name) and (entry is None or entry.kind == "person"):
                    parts.append(_Mention(pos, i, name, "PERSON", entry))
                elif entry is not None:
                    parts.append(_Mention(pos, i, name, entry.type, entry))
                else:
                    return []
            pos = i + 1
    return parts if len(parts) >= 2 else []


def _drop_heading_junk(mentions: list[_Mention], headings: list[tuple[int, int]], people: _People) -> list[_Mention]:
    """In a heading, only names known from the gazetteers or the body count: spaCy tags title-case
    headings as organisations wholesale."""
    if not headings:
        return mentions
    body_names = {m.name.lower() for m in mentions if not _inside(m, headings)}
    kept = []
    for m in mentions:
        if m.entry is None and _inside(m, headings):
            if not (people.key_of(m.name) or m.name.lower() in body_names):
                continue
        kept.append(m)
    return kept


def _facilities_by_context(mentions: list[_Mention], doc, text: str) -> None:
    """"the Fordow facility": a name right before a facility noun is a facility."""
    nouns = gazetteer.facility_nouns()
    for m in mentions:
        if m.entry is not None and m.entry.kind != "facility":
            continue
        rest = text[m.end:m.end + 20]
        word = rest.split()[0].strip(".,;:").lower() if rest.startswith(" ") and rest.split() else ""
        if word in nouns and m.label in ("PERSON", "ORG", "FAC", "GPE", "LOC") and (m.entry or m.label != "GPE"):
            m.label = "FAC"
            head_end = m.end + 1 + len(rest.split()[0].rstrip(".,;:"))
            start = m.start
            if text.endswith(("the ", "The "), 0, start):
                start -= 4
            m.start, m.end = start, head_end


_PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her", "hers"})
_THING_PRONOUNS = frozenset({"it", "its"})


def _companies_by_context(clusters: dict[str, "_Cluster"], doc) -> None:
    """"The price Kinder Morgan put on the pipeline when it entered talks": a name tagged as a
    person that the text goes on to call "it" (before any reporting verb, he or she in its
    sentence) is a company's. Only for names with no given name, title or listed person: the
    article's own words decide, not how the tagger read the name."""
    starts = [t.idx for t in doc]
    for c in clusters.values():
        if c.entry is not None or c.role or not c.mentions:
            continue
        named = [m for m in c.mentions if not m.description]
        if not named or any(m.label != "PERSON" for m in named):
            continue
        words = max((m.name for m in named), key=len).split()
        if len(words) < 2 or any(w in cues.first_names() for w in words):
            continue
        if any(_honorific_before(doc.text, m.start) for m in named):
            continue
        called = [_called(doc, bisect.bisect_left(starts, m.end)) for m in named]
        if "it" in called and "person" not in called:
            for m in named:
                m.label = "ORG"


def _honorific_before(text: str, start: int) -> bool:
    word = text[max(0, start - 12):start].split()[-1:] or [""]
    return word[0].lower().rstrip(".") in cues.honorifics()


def _called(doc, i: int) -> str:
    """How the text goes on to call what was named before token ``i``: "person" when a he, she,
    his or her follows in its sentence or the next, else "it" when the first word that could take
    up the name in its sentence is it/its (no noun, pronoun or reporting verb before it: in "signed
    the deal before it expired" "it" is the deal), else ""."""
    if i >= len(doc):
        return ""
    sent = doc[i].sent
    following = doc[sent.end:sent.end + 40]
    window = list(doc[i:sent.end]) + (list(following[0].sent) if len(following) else [])
    if any(t.lower_ in _PERSON_PRONOUNS for t in window):
        return "person"
    for t in doc[i:sent.end]:
        if t.lower_ in _THING_PRONOUNS:  # as the subject or the owner: "when it entered", "its prices"
            return "it" if t.dep_ in ("nsubj", "nsubjpass", "poss") else ""
        if t.pos_ in ("NOUN", "PRON") or (t.pos_ == "VERB" and t.lemma_.lower() in cues.cue_lemmas()):
            return ""
    return ""


# ---- clustering ----------------------------------------------------------------------------

def _cluster(mentions: list[_Mention], people: _People, published: Optional[str]) -> dict[str, _Cluster]:
    clusters: dict[str, _Cluster] = {}
    for m in mentions:
        if m.entry is not None and m.entry.kind != "person":
            key = m.entry.kb
        elif m.label == "PERSON" or (m.entry and m.entry.kind == "person"):
            named = people.parts.get(m.name, set()) if len(m.name.split()) == 1 else set()
            if m.entry is not None and len(named) == 1 and m.entry.kb not in named:
                m.entry = None  # the article's own full name for this surname beats the list
            key = m.entry.kb if m.entry else (people.key_of(m.name) or "name:" + m.name.lower())
        else:
            key = "text:" + m.name.lower()
            entry = gazetteer.lookup(m.name)
            if entry is not None:
                key = entry.kb
                m.entry = entry
        m.key = key
        c = clusters.setdefault(key, _Cluster(key))
        c.mentions.append(m)
        if c.entry is None and m.entry is not None:
            c.entry = m.entry
        if m.entry is None and key.startswith("person:"):
            c.entry = c.entry or gazetteer.head_by_kb(key)
    for c in clusters.values():
        titled = [m for m in c.mentions if m.role]
        if titled:
            c.role = titled[0].role
        elif c.entry is not None and c.entry.kind == "person" and gazetteer.holds_office(c.entry, published):
            c.role = c.entry.role
        countries = [m.role_country for m in c.mentions if m.role_country]
        if countries:
            c.country = countries[0]
        elif c.entry is not None:
            c.country = c.entry.country
    for c in clusters.values():  # "Trump's Special Envoy Witkoff" is of Trump's country
        if c.country is None:
            for m in c.mentions:
                if m.owner is not None and m.owner.key in clusters:
                    c.country = clusters[m.owner.key].country
                    break
    return clusters


def _descriptions(doc, text: str, clusters: dict[str, _Cluster], skip_until: int, published: Optional[str]) -> None:
    """"the president", "the Russian leader", "Russia's president": a mention of the nearest person
    the article names in that role (and country), else of the listed office holder."""
    gaz_at = {}
    people = [c for c in clusters.values() if c.role and _is_person(c)]
    for c in clusters.values():
        for m in c.mentions:
            if c.entry is not None and c.entry.kind in ("country", "demonym") and not m.description:
                gaz_at[m.start] = (m, c)
    taken = sorted((m.start, m.end) for c in clusters.values() for m in c.mentions if not m.description)
    for token in doc:
        if token.idx < skip_until:
            continue
        span = _description_at(token, text, gaz_at)
        if span is None:
            continue
        start, end, title, code = span
        if any(s < end and start < e and not (start <= s and e <= end) for s, e in _near(taken, start, end)):
            continue
        if not (title.head or title.role in _DESCRIBABLE):
            continue
        if title.role == "leader" and code is None:
            continue
        target = _resolve_description(people, title, code, start)
        if target is None and code is not None:
            target = _office_holder(clusters, title, code, published)
        if target is None:
            continue
        target.mentions.append(_Mention(start, end, text[start:end], "PERSON", key=target.key, description=True))


def _near(taken: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    i = bisect.bisect_left(taken, (start - 80, 0))
    out = []
    while i < len(taken) and taken[i][0] < end:
        out.append(taken[i])
        i += 1
    return out


def _description_at(token, text: str, gaz_at: dict) -> Optional[tuple[int, int, gazetteer.Title, Optional[str]]]:
    """A description starting at this token: (start, end, title, country code or None)."""
    lower = token.lower_
    code = None
    if lower == "the":
        pos = token.idx + 4
        if pos in gaz_at:
            m, c = gaz_at[pos]
            code = c.entry.country
            pos = m.end + 1
            if text[m.end:m.end + 1] != " ":
                return None
    elif token.idx in gaz_at and text.startswith(("'s ", "’s "), gaz_at[token.idx][0].end):
        m, c = gaz_at[token.idx]
        code = c.entry.country
        pos = m.end + 3
    else:
        return None
    hit = gazetteer.title_at(text, pos)
    if hit is None:
        return None
    end, title = hit
    after = text[end:end + 2]
    if after[:1] == " " and after[1:2].isupper():
        return None  # a title before a name: "the President Donald Trump" is handled as a name
    if code is None and text.startswith(" of ", end) and end + 4 in gaz_at:
        m, c = gaz_at[end + 4]
        code = c.entry.country
        end = m.end
    return token.idx, end, title, code


def _compatible(cluster: _Cluster, title: gazetteer.Title, code: Optional[str]) -> bool:
    if code is not None and cluster.country != code:
        return False
    if cluster.role == title.role:
        return True
    return title.role == "leader" and gazetteer.role_is_head(cluster.role)


def _resolve_description(people: list[_Cluster], title: gazetteer.Title, code: Optional[str],
                         pos: int) -> Optional[_Cluster]:
    """The compatible person mentioned last before ``pos``; failing that, first after it."""
    best_before, best_after = (None, -1), (None, None)
    for c in people:
        if not _compatible(c, title, code):
            continue
        for m in c.mentions:
            if m.end <= pos and m.end > best_before[1]:
                best_before = (c, m.end)
            elif m.start >= pos and (best_after[1] is None or m.start < best_after[1]):
                best_after = (c, m.start)
    return best_before[0] or best_after[0]


def _office_holder(clusters: dict[str, _Cluster], title: gazetteer.Title, code: str,
                   published: Optional[str]) -> Optional[_Cluster]:
    for holder in gazetteer.heads_of(code):
        if not gazetteer.holds_office(holder, published):
            continue
        if holder.role == title.role or (title.role == "leader" and gazetteer.role_is_head(holder.role)):
            c = clusters.get(holder.kb)
            if c is None:
                c = clusters[holder.kb] = _Cluster(holder.kb, entry=holder, role=holder.role, country=holder.country)
            return c
    return None


def _is_person(c: _Cluster) -> bool:
    return (c.entry is not None and c.entry.kind == "person") or any(
        m.label == "PERSON" for m in c.mentions if not m.description)


# ---- output --------------------------------------------------------------------------------

def _entity_type(c: _Cluster) -> str:
    if c.entry is not None:
        return c.entry.type
    labels = [m.label for m in c.mentions if not m.description]
    for preferred in ("PERSON", "FAC"):
        if preferred in labels:
            return preferred
    return max(labels, key=labels.count)  # of labels as frequent, the first mention's: never the order of a set


def _entity_name(c: _Cluster) -> str:
    if c.entry is not None:
        return c.entry.name
    names = [m.name for m in c.mentions if not m.description]
    return max(names, key=lambda n: (len(n.split()), len(n)))


def _entities(clusters: dict[str, _Cluster]) -> list[Entity]:
    ordered = sorted((c for c in clusters.values() if c.mentions), key=lambda c: min(m.start for m in c.mentions))
    out = []
    for n, c in enumerate(ordered, 1):
        spans = sorted({(m.start, m.end) for m in c.mentions})
        country = gazetteer.country(c.country)
        kb = c.entry.kb if c.entry is not None else None
        out.append(Entity(id=f"e{n}", name=_entity_name(c), type=_entity_type(c), mentions=[tuple(s) for s in spans],
                          country=country.name if country else None, kb=kb))
    return out


# ---- public API ----------------------------------------------------------------------------

class MentionIndex:
    """Mentions of a record's entities, sorted, for many span lookups."""

    def __init__(self, record: Record):
        rows = sorted((s, e, ent.id) for ent in record.entities for s, e in ent.mentions)
        self._rows = rows
        self._starts = [r[0] for r in rows]
        self._longest = max((e - s for s, e, _ in rows), default=0)

    def _overlapping(self, start: int, end: int):
        i = bisect.bisect_left(self._starts, start - self._longest)
        while i < len(self._rows) and self._rows[i][0] < end:
            s, e, eid = self._rows[i]
            if (s < end and start < e) or (start == end and s <= start < e):
                yield s, e, eid
            i += 1

    def at(self, start: int, end: int) -> Optional[str]:
        """The entity with a mention overlapping [start, end): covering mentions first, then the
        shortest."""
        best = None
        for s, e, eid in self._overlapping(start, end):
            rank = (0 if s <= start and end <= e else 1, e - s, s)
            if best is None or rank < best[0]:
                best = (rank, eid)
        return best[1] if best else None

    def inside(self, start: int, end: int) -> list[str]:
        """Entities with a mention lying within [start, end), in text order, each once."""
        seen: dict[str, None] = {}
        for s, e, eid in self._overlapping(start, end):
            if start <= s and e <= end:
                seen.setdefault(eid)
        return list(seen)


def office_title(words: str) -> Optional[gazetteer.Title]:
    """The title when ``words`` name exactly one office a country has one holder of ("president",
    "foreign minister", "leader"): what a description ("the Chilean president") resolves by."""
    hit = gazetteer.title_at(words, 0)
    if hit is None or hit[0] != len(words) or not (hit[1].head or hit[1].role in _DESCRIBABLE):
        return None
    return hit[1]


def entity_at(record: Record, start: int, end: int) -> Optional[str]:
    return MentionIndex(record).at(start, end)


def entities_in(record: Record, start: int, end: int) -> list[str]:
    return MentionIndex(record).inside(start, end)


def entity(record: Record, entity_id: Optional[str]) -> Optional[Entity]:
    return next((e for e in record.entities if e.id == entity_id), None) if entity_id else None


def country_code(record: Record, entity_id: Optional[str]) -> Optional[str]:
    ent = entity(record, entity_id)
    if ent is None:
        return None
    if ent.kb and ent.kb.startswith("country:"):
        return ent.kb.split(":", 1)[1]
    found = gazetteer.country_by_name(ent.country) if ent.country else None
    return found.country if found else None


def country_of(record: Record, entity_id: Optional[str]) -> Optional[str]:
    code = country_code(record, entity_id)
    if code is None:
        return None
    kb = f"country:{code}"
    return next((e.id for e in record.entities if e.kb == kb), None)


def is_group(record: Record, entity_id: Optional[str]) -> bool:
    ent = entity(record, entity_id)
    return ent is not None and ent.type in ("GPE", "ORG", "NORP")


def demonym_country(word: str) -> Optional[str]:
    found = gazetteer.demonym_country(word)
    return found.name if found else None


def country_name(text: str) -> Optional[str]:
    found = gazetteer.country_by_name(text)
    return found.name if found else None
