"""The shipped gazetteers, loaded once: countries, demonyms, capitals, places, organisations,
facilities, heads of state and government, and titles (files in ``dateline/lexicons``).

``match_at(text, i)`` finds the longest gazetteer name starting at character ``i`` (case as written,
ending at a word boundary); ``title_at`` / ``title_ending_at`` do the same for titles, ignoring case.
Lookups by name: ``country(code)``, ``country_by_name(text)``, ``demonym_country(word)``,
``head_by_kb(kb)``, ``heads_of(code)``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterator, Optional

from .. import lexicons


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a gazetteer knows. Demonyms share the ``kb`` of their country."""

    kb: str  # "country:IRN", "org:nato", "place:gaza", "city:kyiv", "fac:fordow", "person:donald-trump"
    name: str
    type: str  # GPE, ORG, FAC, LOC, PERSON
    kind: str  # country, demonym, capital, place, org, facility, person
    country: Optional[str] = None  # ISO alpha-3
    role: Optional[str] = None  # persons: a role from titles.csv
    org_kind: Optional[str] = None  # organisations: igo, state_body, armed_group, party, ngo
    since: Optional[str] = None  # persons: the day they took the office heads.csv lists


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    role: str
    head: bool


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@functools.cache
def countries() -> dict[str, Entry]:
    """ISO alpha-3 -> the country's entry."""
    return {r["iso3"]: Entry(f"country:{r['iso3']}", r["name"], "GPE", "country", r["iso3"])
            for r in lexicons.rows("countries.csv")}


def country(code: Optional[str]) -> Optional[Entry]:
    return countries().get(code or "")


@functools.cache
def _forms() -> dict[str, Entry]:
    """Every name form the matcher knows -> its entry. Earlier sources win a clash."""
    forms: dict[str, Entry] = {}

    def add(form: str, entry: Entry) -> None:
        forms.setdefault(form, entry)

    for r in lexicons.rows("countries.csv"):
        c = countries()[r["iso3"]]
        for form in [r["name"], *_split(r["aliases"])]:
            add(form, c)
        for form in _split(r["demonyms"]):
            add(form, Entry(c.kb, c.name, "GPE", "demonym", c.country))
    for r in lexicons.rows("heads.csv"):
        e = Entry(f"person:{_slug(r['name'])}", r["name"], "PERSON", "person", r["iso3"], r["role"], since=r["since"])
        for form in [r["name"], *_split(r["aliases"])]:
            add(form, e)
    for r in lexicons.rows("organizations.csv"):
        e = Entry(f"org:{r['key']}", r["name"], "ORG", "org", r["country"] or None, org_kind=r["kind"])
        for form in [r["name"], *_split(r["aliases"])]:
            add(form, e)
    for r in lexicons.rows("facilities.csv"):
        e = Entry(f"fac:{r['key']}", r["name"], "FAC", "facility", r["country"] or None)
        for form in [r["name"], *_split(r["aliases"])]:
            add(form, e)
    for r in lexicons.rows("places.csv"):
        e = Entry(f"place:{r['key']}", r["name"], r["type"], "place", r["country"] or None)
        for form in [r["name"], *_split(r["aliases"])]:
            add(form, e)
    for r in lexicons.rows("countries.csv"):
        capitals = _split(r["capital"])
        if capitals:
            e = Entry(f"city:{_slug(capitals[0])}", capitals[0], "GPE", "capital", r["iso3"])
            for form in capitals:
                add(form, e)
    return forms


@functools.cache
def _by_prefix() -> dict[str, tuple[tuple[str, Entry], ...]]:
    table: dict[str, list[tuple[str, Entry]]] = {}
    for form, entry in _forms().items():
        table.setdefault(form[:2], []).append((form, entry))
    return {k: tuple(sorted(v, key=lambda fe: -len(fe[0]))) for k, v in table.items()}


def _ends_word(text: str, end: int) -> bool:
    return end >= len(text) or not text[end].isalnum()


def match_at(text: str, i: int) -> Optional[tuple[int, Entry]]:
    """The longest gazetteer name starting exactly at ``text[i]``: (end, entry), or None."""
    for form, entry in _by_prefix().get(text[i:i + 2], ()):
        if text.startswith(form, i) and _ends_word(text, i + len(form)):
            return i + len(form), entry
    return None


def lookup(name: str) -> Optional[Entry]:
    """The entry whose name form is exactly ``name``."""
    return _forms().get(name.strip())


def country_by_name(name: str) -> Optional[Entry]:
    """The country a name, alias or demonym refers to ("U.S.", "the Britain", "Iranians" ...)."""
    entry = lookup(name) or lookup(re.sub(r"^(?:the|The)\s+", "", name.strip()))
    if entry is not None and entry.kind in ("country", "demonym"):
        return countries()[entry.country]
    return None


def demonym_country(word: str) -> Optional[Entry]:
    """The country of a demonym, singular or plural, with or without "the" ("the Ukrainians")."""
    entry = lookup(re.sub(r"^(?:the|The)\s+", "", word.strip()))
    if entry is not None and entry.kind == "demonym":
        return countries()[entry.country]
    return None


@functools.cache
def heads() -> tuple[Entry, ...]:
    return tuple(e for e in dict.fromkeys(_forms().values()) if e.kind == "person")


def head_by_kb(kb: str) -> Optional[Entry]:
    return next((e for e in heads() if e.kb == kb), None)


@functools.cache
def _by_kb() -> dict[str, Entry]:
    table: dict[str, Entry] = {}
    for entry in _forms().values():
        if entry.kind != "demonym":
            table.setdefault(entry.kb, entry)
    return table


def entry_by_kb(kb: Optional[str]) -> Optional[Entry]:
    """The gazetteer entry behind an entity's ``kb`` key."""
    return _by_kb().get(kb or "")


def holds_office(entry: Entry, published: Optional[str]) -> bool:
    """Whether a listed holder held the office on the publication day (unknown day: assume so)."""
    if not entry.since or not published or not published[:4].isdigit():
        return True
    return published[:10] >= entry.since


def heads_of(code: str) -> tuple[Entry, ...]:
    """The listed office holders of a country (heads.csv), state first."""
    return tuple(e for e in heads() if e.country == code)


@functools.cache
def titles() -> tuple[Title, ...]:
    out = [Title(r["title"].lower(), r["role"], r["head"] == "yes") for r in lexicons.rows("titles.csv")]
    return tuple(sorted(out, key=lambda t: -len(t.text)))


@functools.cache
def _role_is_head() -> dict[str, bool]:
    table: dict[str, bool] = {}
    for t in titles():
        table[t.role] = table.get(t.role, False) or t.head
    return table


def role_is_head(role: Optional[str]) -> bool:
    return bool(role) and _role_is_head().get(role, False)


def title_at(text: str, i: int) -> Optional[tuple[int, Title]]:
    """The longest title starting at ``text[i]`` (any case), ending at a word boundary."""
    low = text[i:i + 40].lower()
    for t in titles():
        if low.startswith(t.text) and (t.text.endswith(".") or _ends_word(text, i + len(t.text))):
            return i + len(t.text), t
    return None


def title_ending_at(text: str, end: int) -> Optional[tuple[int, Title]]:
    """The longest title ending exactly at ``end`` and starting at a word boundary: (start, title)."""
    low = text[max(0, end - 40):end].lower()
    for t in titles():
        start = end - len(t.text)
        if low.endswith(t.text) and (start == 0 or not text[start - 1].isalnum()):
            return start, t
    return None


@functools.cache
def title_modifiers() -> frozenset[str]:
    return frozenset(lexicons.lines("title_modifiers.txt"))


@functools.cache
def facility_nouns() -> frozenset[str]:
    return frozenset(lexicons.lines("facility_nouns.txt"))


def entries() -> Iterator[Entry]:
    yield from dict.fromkeys(_forms().values())
