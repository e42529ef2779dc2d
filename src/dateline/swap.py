"""Exchange the names of the parties in an article: the swap test of neutrality.

``swap_text(text, pairs)`` exchanges every whole-word occurrence of each name with its partner's,
both ways at once ("Iran" <-> "Russia", "Iranian" <-> "Russian", "Trump" <-> "Putin"). Names are
paired form by form and must be of the same length in words, so every count over words (per 1,000
words, shares of words in quotes) is comparable before and after: what the swap may change is who
is named, never how the article is built.

``parties_from_record(record)`` proposes pairs from an analysed article: its people, paired by
frequency among names of the same length, and its countries with their demonyms (from
``countries.csv`` where the entity tagger ships it; a country without a partner is exchanged with a
stand-in the article does not name), plus the party names in ``swap_parties.csv``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import lexicons
from .record import Record


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


@functools.cache
def _countries() -> dict[str, tuple[str, ...]]:
    """Country name -> its demonyms (adjective, then people), where countries.csv is present."""
    try:
        rows = lexicons.rows("countries.csv")
    except (FileNotFoundError, OSError):
        return {}
    return {r["name"]: tuple(d for d in r.get("demonyms", "").split("|") if d) for r in rows}


def _party_pairs() -> list[NamePair]:
    return [NamePair(r["side_a"], r["side_b"]) for r in lexicons.rows("swap_parties.csv")]


def _surname(name: str) -> str:
    return name.split()[-1]


def _pair_off(names: list[str], text: str) -> list[tuple[str, str]]:
    """Pairs of names of equal length in words, most mentioned first, each name used once."""
    by_length: dict[int, list[str]] = {}
    for name in sorted(names, key=lambda n: (-text.count(n), n)):
        by_length.setdefault(_length(name), []).append(name)
    pairs = []
    for group in by_length.values():
        pairs += [(group[k], group[k + 1]) for k in range(0, len(group) - 1, 2)]
    return pairs


def _country_pair(a: str, b: str, demonyms: dict[str, tuple[str, ...]]) -> list[NamePair]:
    """A country and its demonyms against another's (adjective with adjective, people with people;
    a country's extra, older forms such as "Soviet" stay as they are), or nothing if the lengths
    in words differ."""
    forms = [(a, b), *zip(demonyms[a], demonyms[b])]
    if any(_length(x) != _length(y) for x, y in forms):
        return []
    return [NamePair(x, y) for x, y in forms]


def _stand_in(country: str, text: str, demonyms: dict[str, tuple[str, ...]]) -> list[NamePair]:
    """For a country with no partner in the article: the first country of the list, not named in
    the article, whose name and demonyms have the same lengths in words."""
    for other in demonyms:
        if other != country and other not in text and not any(d in text for d in demonyms[other]):
            if len(demonyms[other]) >= min(2, len(demonyms[country])) and (pairs := _country_pair(country, other, demonyms)):
                return pairs
    return []


def parties_from_record(record: Record) -> list[NamePair]:
    """Name pairs for ``swap_text``: people, countries and demonyms, and party names. A country
    that has no partner in the article is exchanged with a stand-in country it does not name."""
    text = record.text
    people = sorted({e.name for e in record.entities if e.type == "PERSON" and " " in e.name.strip()})
    pairs: list[NamePair] = []
    used: set[str] = set()
    for a, b in _pair_off(people, text):
        sa, sb = _surname(a), _surname(b)
        if sa in used or sb in used or sa == sb or _length(sa) != _length(sb):
            continue
        pairs += [NamePair(a, b), NamePair(sa, sb)]
        used |= {a, b, sa, sb}
    demonyms = _countries()
    countries = sorted({e.name for e in record.entities if e.type == "GPE" and e.name in demonyms})
    paired: set[str] = set()
    for a, b in _pair_off(countries, text):
        if found := _country_pair(a, b, demonyms):
            pairs += found
            paired |= {a, b}
    for country in countries:
        if country not in paired:
            pairs += _stand_in(country, text, demonyms)
    pairs += _party_pairs()
    return pairs
