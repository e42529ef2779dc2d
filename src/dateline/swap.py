"""Exchange the names of the parties in an article: the swap test of neutrality.

``swap_text(text, pairs)`` exchanges every whole-word occurrence of each name with its partner's,
both ways at once ("Iran" <-> "Russia", "Iranian" <-> "Russian", "Trump" <-> "Putin"). Names are
paired form by form and must be of the same length in words, so every count over words (per 1,000
words, shares of words in quotes) is comparable before and after: what the swap may change is who
is named, never how the article is built.

``parties_from_record(record)`` proposes pairs from an analysed article, only where the swapped
article stays coherent:
- people of the same gender, as their given names (``first_names.csv``) and the article (its
  pronouns, titles such as "Mr." or "spokeswoman") say, with the short form each is called by
  ("Tanabe", "Zhao");
- countries whose forms used in the article (name, adjective, people) the partner has too, form by
  form ("Austrian" with "Dutch", but "Austrians" has no partner in "Dutchman"); a country called by
  a name the swap cannot exchange ("U.S.", "Holland") stays as it is; a country without a partner
  is exchanged with a stand-in the article does not name;
- the party names in ``swap_parties.csv``.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from . import lexicons
from .record import Entity, Record

_ROLES = ("name", "adjective", "people")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Ss]he|[Hh]er)\b")


@dataclass(slots=True, frozen=True)
class NamePair:
    a: str
    b: str


def _length(name: str) -> int:
    return len(re.findall(r"\w+", name))


def swap_text(text: str, pairs: list[NamePair]) -> str:
    """``text`` with each pair's names exchanged; pairs of unequal length in words are refused."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        if _length(pair.a) != _length(pair.b):
            raise ValueError(f"cannot swap {pair.a!r} and {pair.b!r}: their lengths in words differ")
        if pair.a == pair.b or pair.a in mapping or pair.b in mapping:
            continue
        mapping[pair.a], mapping[pair.b] = pair.b, pair.a
    if not mapping:
        return text
    names = sorted(mapping, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
    return pattern.sub(lambda m: mapping[m.group(0)], text)


def _count(word: str, text: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text))


# --- countries -----------------------------------------------------------------------------------

@dataclass(slots=True, frozen=True)
class _Country:
    forms: dict[str, str]  # role (name, adjective, people) -> the form
    others: tuple[str, ...]  # aliases and further demonyms ("U.S.", "Holland", "Soviet")

    def used(self, text: str) -> dict[str, str]:
        return {role: form for role, form in self.forms.items() if _count(form, text)}

    def named_otherwise(self, text: str) -> bool:
        """Called by a form the swap has no partner for; an alias that holds one of the forms
        ("Russian Federation", "the Ukraine") changes with it."""
        return any(_count(other, text) and not any(_count(f, other) for f in self.forms.values())
                   for other in self.others)


@functools.cache
def _countries() -> dict[str, _Country]:
    """Country name -> its forms by role, from countries.csv: the adjective is the first demonym
    listed, the people its plural where one is listed."""
    table = {}
    for row in lexicons.rows("countries.csv"):
        demonyms = [d for d in row.get("demonyms", "").split("|") if d]
        forms = {"name": row["name"]}
        if demonyms:
            forms["adjective"] = demonyms[0]
            if demonyms[0] + "s" in demonyms:
                forms["people"] = demonyms[0] + "s"
        aliases = [a for a in row.get("aliases", "").split("|") if a]
        others = tuple(d for d in demonyms + aliases if d not in forms.values())
        table[row["name"]] = _Country(forms, others)
    return table


def _country_pair(a: _Country, b: _Country, roles: set[str]) -> list[NamePair]:
    """The two countries form by form, or nothing if a role used has no partner of equal length."""
    if any(r not in a.forms or r not in b.forms or _length(a.forms[r]) != _length(b.forms[r]) for r in roles):
        return []
    return [NamePair(a.forms[r], b.forms[r]) for r in _ROLES if r in a.forms and r in b.forms
            and _length(a.forms[r]) == _length(b.forms[r])]


def _stand_in(country: _Country, roles: set[str], text: str, table: dict[str, _Country],
              taken: set[str]) -> list[NamePair]:
    """For a country with no partner in the article: the first country of the list that the article
    does not name and no other country stands in for, with every form used, of the same lengths,
    and no given name for a name."""
    given = _given_names()
    for other in table.values():
        if other is country or other.forms["name"] in given or other.forms["name"] in taken:
            continue
        if any(_count(f, text) for f in (*other.forms.values(), *other.others)):
            continue
        if pairs := _country_pair(country, other, roles):
            taken.add(other.forms["name"])
            return pairs
    return []


def _country_pairs(record: Record) -> list[NamePair]:
    table = _countries()
    text = record.text
    present = sorted({e.name for e in record.entities if e.name in table},
                     key=lambda n: (-_count(n, text), n))
    usable = [n for n in present if not table[n].named_otherwise(text)]
    pairs: list[NamePair] = []
    unpaired = []
    while usable:
        name = usable.pop(0)
        roles = set(table[name].used(text))
        for partner in usable:
            found = _country_pair(table[name], table[partner], roles | set(table[partner].used(text)))
            if found:
                usable.remove(partner)
                pairs += found
                break
        else:
            unpaired.append(name)
    taken: set[str] = set()
    for name in unpaired:
        pairs += _stand_in(table[name], set(table[name].used(text)), text, table, taken)
    return pairs


# --- people --------------------------------------------------------------------------------------

@functools.cache
def _given_names() -> dict[str, str]:
    return {r["name"]: r["gender"] for r in lexicons.rows("first_names.csv")}


@functools.cache
def _gendered_words() -> dict[str, str]:
    """Words that mark a person's gender in the text: pronouns, titles, role nouns."""
    words = {w: "m" for w in ("he", "him", "his", "himself")} | {w: "f" for w in ("she", "her", "hers", "herself")}
    for row in lexicons.rows("honorifics.csv"):
        if row["gender"]:
            words[row["title"]] = row["gender"]
    for row in lexicons.rows("person_roles.csv"):
        if row["gender"]:
            words[row["noun"]] = row["gender"]
    return words


@dataclass(slots=True, frozen=True)
class _Person:
    name: str
    short: Optional[str]  # the word of the name the article calls the person by alone
    name_gender: str  # from the given name: m, f or ""
    gender: str  # m, f, "" (nothing says) or "?" (the article says both)
    mentions: int


def _person(e: Entity, text: str) -> _Person:
    words = e.name.split()
    name_gender = _given_names().get(words[0], "")
    said = set()
    for start, end in e.mentions:
        before = re.findall(r"\w+", text[max(0, start - 16):start].lower())[-1:]
        for w in before + re.findall(r"\w+", text[start:end].lower()):
            if w in _gendered_words():
                said.add(_gendered_words()[w])
        # the first he or she after a mention, in its paragraph: the article may not have tied it
        # to this person, but a swap that put a name of the other gender before it would jar
        after = _PRONOUN.search(text, end, text.find("\n", end) % (len(text) + 1))
        if after:
            said.add(_gendered_words()[after.group(0).lower()])
    gender = name_gender or (said.pop() if len(said) == 1 else "?" if said else "")
    if name_gender and said - {name_gender}:
        gender = "?"
    full = _count(e.name, text)
    alone = Counter({w: _count(w, text) - full for w in words})
    short, n = alone.most_common(1)[0]
    return _Person(e.name, short if n > 0 else None, name_gender, gender, len(e.mentions))


def _people_pairs(record: Record) -> list[NamePair]:
    """Pairs of people of the same gender, by the name and by the article, and the same length of
    name, most mentioned first; with the short forms they are called by."""
    text = record.text
    people = sorted((_person(e, text) for e in record.entities if e.type == "PERSON" and " " in e.name.strip()),
                    key=lambda p: (-p.mentions, p.name))
    words = Counter(w for name in {p.name for p in people} for w in name.split())
    seen: set[str] = set()
    pairs: list[NamePair] = []
    waiting: dict[tuple, _Person] = {}
    for p in people:
        if p.name in seen or p.gender == "?" or (p.short and words[p.short] > 1):
            continue  # "Closs" alone may be James Closs or Jayme Closs: no swap can say which
        seen.add(p.name)
        key = (p.name_gender, p.gender, _length(p.name))
        other = waiting.pop(key, None)
        if other is None:
            waiting[key] = p
            continue
        found = [NamePair(other.name, p.name)]
        if other.short or p.short:
            a = other.short or other.name.split()[-1]
            b = p.short or p.name.split()[-1]
            if a == b or _length(a) != _length(b) or a in p.name.split() or b in other.name.split():
                waiting[key] = other
                continue
            found.append(NamePair(a, b))
        pairs += found
    return pairs


def _party_pairs() -> list[NamePair]:
    return [NamePair(r["side_a"], r["side_b"]) for r in lexicons.rows("swap_parties.csv")]


def parties_from_record(record: Record) -> list[NamePair]:
    """Name pairs for ``swap_text``: people, countries and their demonyms, and party names."""
    return _people_pairs(record) + _country_pairs(record) + _party_pairs()
