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
from dataclasses import dataclass, field
from typing import Optional

from ..record import Entity
from . import cues

_HE = {"he", "him", "his", "himself"}
_SHE = {"she", "her", "hers", "herself"}
_THEY = {"they", "them", "their", "themselves"}
_IT = {"it", "its", "itself"}
_PERSON_TYPES = {"PERSON"}
_GROUP_TYPES = {"ORG", "NORP", "GPE"}
_REACH_SENTENCES = 12


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
    speaker_count: int = 0


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    entity: str
    sentence: int
    subject: bool
    quoted: bool


class Resolver:
    def __init__(self, article, entities: list[Entity]):
        self.article = article
        self.entities = {e.id: e for e in entities}
        self.features: dict[str, Features] = {e.id: Features() for e in entities}
        self.mentions: list[Mention] = []
        for e in entities:
            for start, end in e.mentions:
                self._add_mention(e, start, end)
        self.mentions.sort(key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]

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
        self.mentions.append(Mention(start, end, e.id, art.sent_of[head.i], head.dep_ in ("nsubj", "nsubjpass"),
                                     art.quote_of[head.i] >= 0))
        if e.type not in _PERSON_TYPES:
            return
        f = self.features[e.id]
        names = cues.first_names()
        first = doc[lo].text
        if not f.gender and first in names and e.name.split()[0] == first:
            f.gender = names[first]
        # titles and descriptions just before the name: "Russian President Vladimir Putin", "Mr. Hemming"
        i = lo - 1
        while i >= 0 and i >= lo - 4:
            tok = doc[i]
            word = tok.lower_.rstrip(".")
            if tok.is_punct and tok.text != ".":
                break
            if word in cues.honorifics():
                gender, role = cues.honorifics()[word]
                if gender:
                    f.gender = gender
                if role:
                    f.roles.add(role)
            elif tok.lemma_.lower() in cues.person_roles():
                self._add_role(f, tok.lemma_.lower())
            elif tok.ent_type_ in ("NORP", "GPE"):
                f.roles.add(tok.lower_)
            elif not (tok.pos_ in ("PROPN", "ADJ", "NOUN") or tok.text == "."):
                break
            i -= 1
        for child in head.children:
            if child.dep_ == "appos":
                for t in [child] + [c for c in child.children if c.dep_ == "conj"]:
                    if t.lemma_.lower() in cues.person_roles():
                        self._add_role(f, t.lemma_.lower())
                    for c in t.children:
                        if c.ent_type_ in ("NORP", "GPE") and c.i < t.i:
                            f.roles.add(c.lower_)

    @staticmethod
    def _add_role(f: Features, noun: str) -> None:
        role = cues.person_roles()[noun]
        f.roles.add(noun)
        if role.category:
            f.roles.add(role.category)
        if role.gender and not f.gender:
            f.gender = role.gender

    def note_speaker(self, entity_id: str, pronoun: str = "") -> None:
        f = self.features.get(entity_id)
        if f is None:
            return
        f.speaker_count += 1
        g = pronoun_gender(pronoun)
        if g and not f.gender:
            f.gender = g

    def add_entity(self, e: Entity) -> None:
        self.entities[e.id] = e
        self.features.setdefault(e.id, Features())
        for span in e.mentions:
            self.add_mention(e, span)

    def add_mention(self, e: Entity, span: tuple[int, int]) -> None:
        """A mention found after the start (a resolved speaker), kept in reading order."""
        self._add_mention(e, span[0], span[1])
        m = self.mentions.pop()
        k = bisect.bisect_left(self.mention_starts, m.start)
        self.mentions.insert(k, m)
        self.mention_starts.insert(k, m.start)

    def _candidates(self, before: int, types: set[str]):
        k = bisect.bisect_left(self.mention_starts, before)
        sent = self.article.sent_of[self.article.token_at(before)]
        for j in range(k - 1, -1, -1):
            m = self.mentions[j]
            if sent - m.sentence > _REACH_SENTENCES:
                break
            if self.entities[m.entity].type in types:
                yield m, sent - m.sentence

    def person(self, token, recent_speakers: list[str]) -> Optional[str]:
        """The entity a he/she pronoun at ``token`` refers to."""
        gender = pronoun_gender(token.text)
        best, best_score = None, None
        for m, distance in self._candidates(token.idx, _PERSON_TYPES):
            f = self.features[m.entity]
            if gender and f.gender and f.gender != gender:
                continue
            score = distance - (0.6 if m.subject else 0) + (1.5 if m.quoted else 0)
            if m.entity in recent_speakers[-2:]:
                score -= 1.0
            if gender and f.gender == gender:
                score -= 0.3
            if best_score is None or score < best_score:
                best, best_score = m.entity, score
        return best

    def group(self, token) -> Optional[str]:
        """The organisation, country or people a they/it pronoun at ``token`` refers to."""
        for m, _ in self._candidates(token.idx, _GROUP_TYPES):
            if not m.quoted:
                return m.entity
        return None

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

    def _country_words(self, entity_id: str) -> set[str]:
        e = self.entities.get(entity_id)
        return {e.country.lower()} if e is not None and e.country else set()
