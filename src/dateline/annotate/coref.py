"""A small resolver for the speakers of attributions, on the spaCy parse: no model to download.

A pronoun ("he told reporters") or a description ("the Russian leader", "the spokeswoman") is
resolved to the nearest earlier mention of a compatible entity: same gender (from titles such as
Mr. or spokeswoman, given names, and the pronouns already resolved to it), same number, a role
that fits the description (its title, its appositions, the category of either: a president is a
leader), and salience (subjects and earlier speakers count for more; mentions inside quotes count
for less). Each entity's features are gathered in one pass over its mentions.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from ..record import Entity
from . import cues
from .entities import country_name, demonym_country

_HE = {"he", "him", "his", "himself"}
_SHE = {"she", "her", "hers", "herself"}
_THEY = {"they", "them", "their", "themselves"}
_IT = {"it", "its", "itself"}
_PERSON_TYPES = {"PERSON"}
_GROUP_TYPES = {"ORG", "NORP", "GPE"}
_REACH_SENTENCES = 12


_PARTY_LETTER = re.compile(r"\s*[(,]\s*([A-Z])[-–]\s?[A-Z]")  # " (D-Mass.)", ", R-Texas,"


def _is_country_word(tok) -> bool:
    """A country or its demonym ("Russian President ..."), by the gazetteer as well as the tagger,
    which reads some names as places and others, in the same place, as people or organisations."""
    return tok.ent_type_ in ("NORP", "GPE") or bool(demonym_country(tok.text) or country_name(tok.text))


def pronoun_gender(word: str) -> Optional[str]:
    w = word.lower()
    return "m" if w in _HE else "f" if w in _SHE else None


def is_plural_pronoun(word: str) -> bool:
    return word.lower() in _THEY


def is_it(word: str) -> bool:
    return word.lower() in _IT


@dataclass(slots=True)
class Features:
    gender: str = ""  # m, f or "" when unknown
    roles: set[str] = field(default_factory=set)  # titles, appositions, demonyms: "president", "russian"
    titles: set[str] = field(default_factory=set)  # the roles of a title before the name: "Sen.", "President"
    speaker_count: int = 0


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    entity: str
    sentence: int
    subject: bool
    quoted: bool
    aside: bool  # in parentheses or a photo credit ("(Jane Roe / The Press)"): never an antecedent


class Resolver:
    def __init__(self, article, entities: list[Entity]):
        self.article = article
        self.entities = {e.id: e for e in entities}
        self.features: dict[str, Features] = {e.id: Features() for e in entities}
        self.mentions: list[Mention] = []
        self.mention_starts: list[int] = []
        self.built = False  # mentions are read on the first question: many articles ask none

    def _build(self) -> None:
        if self.built:
            return
        self.built = True
        for e in self.entities.values():
            for start, end in e.mentions:
                self._add_mention(e, start, end)
        self.mentions.sort(key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        self._genders_from_pronouns()

    def _genders_from_pronouns(self) -> None:
        """A person whose gender no name or title tells takes it from the he/she that follows it
        when it is the only person named before in that sentence (or, if none, the one before)."""
        art = self.article
        strings = art.doc.vocab.strings
        gender_of = {strings[w]: g for words, g in ((_HE, "m"), (_SHE, "f")) for w in words}
        votes: dict[str, dict[str, int]] = {}
        people = [m for m in self.mentions if self.entities[m.entity].type in _PERSON_TYPES and not m.quoted]
        starts = [m.start for m in people]
        for i, low in enumerate(art.lower_ids):
            g = gender_of.get(low)
            if g is None or art.quote_of[i] >= 0:
                continue
            sent = art.sent_of[i]
            k = bisect.bisect_left(starts, art.starts[i])
            before = people[max(0, k - 6):k]
            near = {m.entity for m in before if m.sentence == sent} or {m.entity for m in before
                                                                        if m.sentence == sent - 1}
            if len(near) == 1:
                counts = votes.setdefault(near.pop(), {"m": 0, "f": 0})
                counts[g] += 1
        for eid, counts in votes.items():
            f = self.features[eid]
            if not f.gender and counts["m"] != counts["f"]:
                f.gender = "m" if counts["m"] > counts["f"] else "f"

    def _add_mention(self, e: Entity, start: int, end: int) -> None:
        art = self.article
        doc = art.doc
        lo = art.token_at(start)
        hi = art.token_at(max(start, end - 1))
        head = doc[hi]
        for i in range(lo, hi + 1):
            if doc[i].head.i < lo or doc[i].head.i > hi:
                head = doc[i]
                break
        text = art.text
        aside = (text.rfind("(", 0, start) > text.rfind(")", 0, start) and text.find(")", end) >= 0
                 and text.find(")", end) < (text.find("\n", end) % (len(text) + 1))) \
            or text[end:end + 3] == " / " or text[max(0, start - 2):start] == "/ "
        self.mentions.append(Mention(start, end, e.id, art.sent_of[head.i], head.dep_ in ("nsubj", "nsubjpass"),
                                     art.quote_of[head.i] >= 0, aside))
        if e.type not in _PERSON_TYPES:
            return
        f = self.features[e.id]
        names = cues.first_names()
        first = doc[lo].text
        if not f.gender and first in names and e.name.split()[0] == first:
            f.gender = names[first]
        # titles and descriptions before the name, in the mention or just before it: "Russian
        # President Vladimir Putin", "Mr. Hemming"
        i = head.i - 1
        while i >= max(0, lo - 4):
            tok = doc[i]
            word = tok.lower_.rstrip(".")
            if tok.is_punct and tok.text != ".":
                break
            if word in cues.honorifics():
                gender, role = cues.honorifics()[word]
                if gender:
                    f.gender = gender
                title = tok.text[:1].isupper()  # "Chief Justice Jane Roe" (but "her chief rival Roe")
                if role in cues.person_roles():
                    self._add_role(f, role)
                    if title:
                        f.titles.update((role, cues.person_roles()[role].category))
                elif role:
                    f.roles.add(role)
                    if title:
                        f.titles.add(role)
            elif tok.lemma_.lower() in cues.person_roles():
                self._add_role(f, tok.lemma_.lower())
                if tok.text[:1].isupper():  # "Spokeswoman Jane Roe"
                    f.titles.update((tok.lemma_.lower(), cues.person_roles()[tok.lemma_.lower()].category))
            elif tok.lower_ in cues.party_members():  # "Democratic Sen. ...": a member of the party
                f.roles.update((tok.lower_, cues.party_members()[tok.lower_]))
            elif _is_country_word(tok):
                f.roles.add(tok.lower_)
            elif not (tok.pos_ in ("PROPN", "ADJ", "NOUN") or tok.text == "."):
                break
            i -= 1
        # "Jane Roe (D-Mass.)", "Jane Roe, R-Texas,": the party's letter after the name
        letter = _PARTY_LETTER.match(text, end)
        if letter and letter.group(1) in cues.party_members():
            f.roles.add(cues.party_members()[letter.group(1)])
        for child in head.children:
            if child.dep_ == "appos":
                for t in [child] + [c for c in child.children if c.dep_ == "conj"]:
                    if t.lemma_.lower() in cues.person_roles():
                        self._add_role(f, t.lemma_.lower())
                    elif t.lemma_.lower() in cues.party_members():  # "Jane Roe, a Massachusetts Democrat,"
                        f.roles.add(cues.party_members()[t.lemma_.lower()])
                    for c in t.children:
                        if _is_country_word(c) and c.i < t.i:
                            f.roles.add(c.lower_)

    @staticmethod
    def _add_role(f: Features, noun: str) -> None:
        role = cues.person_roles()[noun]
        f.roles.add(noun)
        if role.category:
            f.roles.add(role.category)
        if role.gender and not f.gender:
            f.gender = role.gender

    def note_speaker(self, entity_id: str) -> None:
        f = self.features.get(entity_id)
        if f is not None:
            f.speaker_count += 1

    def add_entity(self, e: Entity) -> None:
        self.entities[e.id] = e
        self.features.setdefault(e.id, Features())
        for span in e.mentions:
            self.add_mention(e, span)

    def add_mention(self, e: Entity, span: tuple[int, int]) -> None:
        """A mention found after the start (a resolved speaker), kept in reading order."""
        if not self.built:  # it is in ``e.mentions``, read when the mentions are built
            return
        self._add_mention(e, span[0], span[1])
        m = self.mentions.pop()
        k = bisect.bisect_left(self.mention_starts, m.start)
        self.mentions.insert(k, m)
        self.mention_starts.insert(k, m.start)

    def _candidates(self, before: int, types: set[str]):
        self._build()
        k = bisect.bisect_left(self.mention_starts, before)
        sent = self.article.sent_of[self.article.token_at(before)]
        for j in range(k - 1, -1, -1):
            m = self.mentions[j]
            if sent - m.sentence > _REACH_SENTENCES:
                break
            if self.entities[m.entity].type in types and not m.aside:
                yield m, sent - m.sentence

    def person(self, token, recent_speakers: list[str], reported: Optional[tuple[int, int]] = None
               ) -> Optional[tuple[str, int]]:
        """The entity a he/she pronoun at ``token`` refers to, with the start of the mention chosen.
        ``reported``: the clause the pronoun's verb reports ("Macharia hid under desks, he said"):
        whoever it names is not the one who said it (he said that Macharia hid: he is someone else)."""
        gender = pronoun_gender(token.text)
        named_in_it = set()
        if reported is not None:
            self._build()
            named_in_it = {m.entity for m in self.mentions if reported[0] <= m.start < reported[1]}
        best, best_score = None, None
        for m, distance in self._candidates(token.idx, _PERSON_TYPES):
            f = self.features[m.entity]
            if gender and f.gender and f.gender != gender or m.entity in named_in_it:
                continue
            score = distance - (0.6 if m.subject else 0) + (1.5 if m.quoted else 0)
            if m.entity in recent_speakers[-2:]:
                score -= 1.0
            if gender and f.gender == gender:
                score -= 0.3
            score -= 0.2 * min(f.speaker_count, 3)  # someone quoted again and again stays salient
            if best_score is None or score < best_score:
                best, best_score = (m.entity, m.start), score
        return best

    def group_mentions(self, token):
        """The mentions of organisations, countries and peoples before a they/it pronoun at
        ``token`` and outside quotes, nearest first, each with its distance in sentences."""
        return [(m, distance) for m, distance in self._candidates(token.idx, _GROUP_TYPES) if not m.quoted]

    def description(self, token, nouns: list[str], modifiers: set[str]) -> Optional[str]:
        """The person a definite description ("the Russian leader") at ``token`` refers to."""
        roles = cues.person_roles()
        wanted = set()
        for noun in nouns:
            wanted.add(noun)
            if noun in roles and roles[noun].category:
                wanted.add(roles[noun].category)
        gender = next((roles[n].gender for n in nouns if n in roles and roles[n].gender), "")
        for m, _ in self._candidates(token.idx, _PERSON_TYPES):
            f = self.features[m.entity]
            if not (f.roles & wanted):
                continue
            if gender and f.gender and f.gender != gender:
                continue
            if modifiers and not modifiers <= (f.roles | self._country_words(m.entity)):
                continue
            return m.entity
        return None

    def anchored_description(self, token, nouns: list[str], modifiers: set[str],
                             recent_speakers: list[str]) -> Optional[str]:
        """The person an anchored description refers back to where no one named before holds its
        role by title ("the Vermont senator" after "Bernie Sanders", "the former governor", "the
        72-year-old senator"): the most salient earlier person, as for a pronoun, unless what the
        article knows of them contradicts the description (a gender, another party, other roles,
        another country)."""
        roles = cues.person_roles()
        parties = set(cues.party_members().values())
        wanted = set(nouns) | {roles[n].category for n in nouns if n in roles and roles[n].category}
        party = {n for n in nouns if n in parties} | (modifiers & parties)
        gender = next((roles[n].gender for n in nouns if n in roles and roles[n].gender), "")
        best, best_score = None, None
        for m, distance in self._candidates(token.idx, _PERSON_TYPES):
            f = self.features[m.entity]
            if gender and f.gender and f.gender != gender or not (m.subject or f.speaker_count):
                continue  # someone only mentioned ("an interview with CNN's Jane Roe") is not described
            if f.titles - {""} and not f.titles & wanted:
                continue  # "President Obama" is not "the Vermont senator"
            theirs = f.roles & parties
            if party and theirs and not party & theirs:
                continue
            # "the Russian leader" is Russia's; a state or a city ("the Vermont senator") no one records
            places = {w for w in modifiers - parties if demonym_country(w) or country_name(w)}
            if places and not places <= (f.roles | self._country_words(m.entity)):
                continue
            score = distance - (0.6 if m.subject else 0) + (1.5 if m.quoted else 0)
            if m.entity in recent_speakers[-2:]:
                score -= 1.0
            score -= 0.2 * min(f.speaker_count, 3)
            if best_score is None or score < best_score:
                best, best_score = m.entity, score
        if best is not None:  # "the Vermont senator" is a senator: "the senator" later is the same
            for noun in nouns:
                if noun in roles:
                    self._add_role(self.features[best], noun)
        return best

    def _country_words(self, entity_id: str) -> set[str]:
        e = self.entities.get(entity_id)
        return {e.country.lower()} if e is not None and e.country else set()
