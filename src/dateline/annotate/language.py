"""language: loaded terms, from word lists plus a little grammar.

Each hit is a ``LoadedTerm``: the exact characters, a category (see ``lexicons/loaded_terms.csv``),
its ``voice`` (``quoted`` in a source's own words: a direct attribution's content, quotation marks
inside any attribution's content, or a floating quote; with that attribution's source; else
``authorial``, reported speech included, whose wording is the writer's; see ``voice.py``) and, where
the grammar finds one, the ``target`` entity the term is aimed at: the name an epithet stands before
or is said of, the actor of an event a loaded adjective colours, the doer of an emotive verb. The
grammar also widens a hit to what it qualifies ("unprovoked" -> "unprovoked attack"). Lexicon words
are checked against their part of speech, so "trash" the noun never counts as the verb. The lists
are the same for every side (``opposing_pairs.csv``).
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from typing import Optional

from .. import lexicons
from ..record import LoadedTerm, Record
from . import annotator
from .phrases import Hit, PhraseIndex, token_forms
from .voice import Voices

# Parts of speech a one-word term may have in each category; a phrase's words are not checked.
CATEGORY_POS: dict[str, frozenset[str]] = {
    "name_calling": frozenset({"NOUN", "PROPN", "ADJ"}),
    "label": frozenset({"NOUN", "PROPN", "ADJ", "X"}),
    "loaded_noun": frozenset({"NOUN", "PROPN"}),
    "loaded_adjective": frozenset({"ADJ", "VERB", "NOUN"}),
    "emotive_verb": frozenset({"VERB"}),
    "intensifier": frozenset({"ADV", "ADJ"}),
    "endorsement": frozenset({"ADV", "ADP", "ADJ", "INTJ", "VERB", "NOUN"}),
    "loaded_phrase": frozenset(),
}

# An adjective standing in these roles is used as a noun ("a summer offensive").
NOMINAL_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos"})

# A capitalised word inside a name of these kinds is part of a title ("Patriot Act"), not a judgement.
NAME_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "LAW", "FAC", "EVENT"})


@dataclass(slots=True, frozen=True)
class LoadedEntry:
    term: str
    category: str
    note: str


@functools.cache
def loaded_index() -> PhraseIndex[LoadedEntry]:
    entries = [LoadedEntry(r["term"], r["category"], r["note"]) for r in lexicons.rows("loaded_terms.csv")]
    return PhraseIndex((e.term, e) for e in entries)


@functools.cache
def neutral_contexts() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for r in lexicons.rows("loaded_contexts.csv"):
        out.setdefault(r["term"].lower(), set()).add(r["neighbour"].lower())
    return {k: frozenset(v) for k, v in out.items()}


def _entry_for(hit: Hit[LoadedEntry], doc) -> Optional[LoadedEntry]:
    """The hit's lexicon entry if the words are used as the lexicon means them, else None."""
    token = doc[hit.start]
    if hit.end - hit.start == 1:
        if token.ent_type_ in NAME_LABELS and token.is_title:
            return None
        fitting = [e for e in hit.entries if token.pos_ in CATEGORY_POS.get(e.category, ())]
        if not fitting:
            return None
        entry = fitting[0]
        if entry.category == "loaded_adjective" and token.pos_ != "VERB" and token.dep_ in NOMINAL_ROLES:
            return None
    else:
        entry = hit.entries[0]
        if entry.category == "emotive_verb" and token.pos_ != "VERB":
            return None
    if hit.start > 0:
        before = doc[hit.start - 1]
        blocked = neutral_contexts().get(entry.term.lower(), ())
        if before.lower_ in blocked or before.lemma_.lower() in blocked:
            return None
    return entry


class EntityIndex:
    """Which entity, if any, a character offset belongs to (from ``record.entities`` mentions)."""

    def __init__(self, record: Record):
        spans = sorted((s, e, ent.id) for ent in record.entities for s, e in ent.mentions)
        self._spans = spans
        self._starts = [s for s, _, _ in spans]

    def at(self, offset: int) -> Optional[str]:
        k = bisect.bisect_right(self._starts, offset)
        for s, e, eid in reversed(self._spans[max(0, k - 3):k]):
            if s <= offset < e:
                return eid
        return None

    def of_token(self, token) -> Optional[str]:
        """The entity of a token, or of the name it heads (its compound and flat children)."""
        found = self.at(token.idx)
        if found:
            return found
        for child in token.children:
            if child.dep_ in ("compound", "flat") and (found := self.at(child.idx)):
                return found
        return None


def _name_after(token, entities: EntityIndex):
    """The entity of a proper name right after ``token`` ("that punk Zelenskyy")."""
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and doc[i].pos_ == "PROPN":
        if found := entities.at(doc[i].idx):
            return found
        i += 1
    return None


def _subject_entity(verb, entities: EntityIndex) -> Optional[str]:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in ("who", "that") and verb.dep_ == "relcl":
                return entities.of_token(verb.head)
            return entities.of_token(child)
    return None


def _target(entry: LoadedEntry, hit: Hit, doc, entities: EntityIndex) -> Optional[str]:
    head = doc[hit.end - 1]
    if entry.category in ("name_calling", "label"):
        if found := _name_after(head, entities):
            return found
        if head.dep_ in ("compound", "amod", "nmod", "appos") and head.head.pos_ == "PROPN":
            return entities.of_token(head.head)
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return entities.of_token(child)
        if head.dep_ in ("attr", "acomp", "oprd", "conj"):
            anchor = head.head
            while anchor.dep_ == "conj" or anchor.dep_ in ("attr", "acomp"):
                anchor = anchor.head
            return _subject_entity(anchor, entities)
        return None
    if entry.category == "loaded_adjective":
        if head.dep_ == "amod":
            noun = head.head
            for child in noun.children:
                if child.dep_ in ("poss", "compound") and (found := entities.of_token(child)):
                    return found
            return entities.of_token(noun)
        if head.dep_ in ("acomp", "attr"):
            return _subject_entity(head.head, entities)
        return None
    if entry.category == "emotive_verb":
        verb = doc[hit.start]
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return entities.of_token(pobj)
        return _subject_entity(verb, entities)
    return None


# How far a hit reaches beyond its lexicon words, in tokens: the noun a loaded adjective qualifies
# ("unprovoked attack"), the word an intensifier heightens, the modifiers before a loaded noun.
MAX_REACH = 4
# The widest coordination a one-word hit is widened over ("banished, tortured and killed"), in tokens
# from its first to its last member; how far back a noun's determiner is taken ("the 17 angry
# Democrats"); the longest "of" phrase taken after a noun ("the ruthless suppression of dissent").
MAX_COORDINATION = 4
MAX_NOUN_LEFT = 6
MAX_OF_PHRASE = 3


def _coordination(word) -> tuple[int, int]:
    """Token range of the coordination a word belongs to: its first conjunct to its last."""
    first = word
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    members = [first.i]
    for c in first.children:
        if c.dep_ == "conj":
            members.append(c.i)
            members.extend(g.i for g in c.children if g.dep_ == "conj")
    return min(members), max(members) + 1


def _extent(entry: LoadedEntry, hit: Hit, doc, hit_tokens: frozenset[int] = frozenset()) -> tuple[int, int]:
    """Token range of the whole loaded expression: the hit widened by the grammar. The span set
    against a gold phrase is the phrase the judgement belongs to: an adjective with its noun, an
    epithet with the determiner of its noun phrase, a word with the words it is
    coordinated with, a modifier with the noun it modifies, an "-ly" adverb with what it heightens
    (unless that adverb is a hit of its own: ``hit_tokens``, the tokens of every hit in the text)."""
    start, end = hit.start, hit.end
    head = doc[end - 1]
    if entry.category in ("loaded_adjective", "intensifier") and head.dep_ in ("amod", "advmod"):
        target = head.head
        if end <= target.i < end + MAX_REACH and target.pos_ in ("NOUN", "PROPN", "ADJ", "VERB", "ADV"):
            end = target.i + 1
    if entry.category in ("loaded_noun", "name_calling"):
        left = [c.i for c in head.lefts if c.dep_ in ("amod", "compound") and start - MAX_REACH <= c.i < start]
        if left and all(doc[k].dep_ in ("amod", "compound", "advmod", "punct", "cc", "conj", "hyph")
                        for k in range(min(left), start)):
            start = min(left)
    word = doc[hit.start]
    if hit.end - hit.start == 1 and word.pos_ in ("ADJ", "VERB", "NOUN"):
        # "flimsy and meritless", "banished, tortured and annihilated": the whole coordination
        lo, hi = _coordination(word)
        if hi - 1 - lo <= MAX_COORDINATION:
            start, end = min(start, lo), max(end, hi)
            first = doc[lo]
            if first.dep_ == "amod" and hi <= first.head.i < hi - 1 + MAX_REACH:
                end = max(end, first.head.i + 1)
    last = doc[end - 1]
    if last.dep_ in ("compound", "nmod", "amod") and last.pos_ in ("NOUN", "PROPN", "ADJ") \
            and end <= last.head.i < end + 3 and last.head.pos_ in ("NOUN", "PROPN"):
        end = last.head.i + 1  # "jihadist attacks", "neocon hawks": the noun a modifier belongs to
    noun = doc[end - 1]
    if noun.pos_ in ("NOUN", "PROPN"):
        dets = [c.i for c in noun.lefts if c.dep_ == "det" and c.i < start]
        if dets and start - min(dets) <= MAX_NOUN_LEFT:
            start = min(dets)  # "the Dems", "a disgraceful farce"
        for c in noun.rights:
            if c.dep_ == "prep" and c.lower_ == "of" and c.right_edge.i + 1 - end <= MAX_OF_PHRASE:
                end = max(end, c.right_edge.i + 1)  # "remarkable ignorance of history"
    if word.pos_ in ("ADJ", "VERB", "ADV"):
        for c in word.lefts:
            if c.dep_ == "advmod" and c.i == start - 1 and c.lower_.endswith("ly") and c.i not in hit_tokens:
                start = c.i  # "manifestly evil", "increasingly rabid"
    return start, end


def _repeated_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of lines that occur more than once in the text (20 characters or more):
    page furniture copied into the article (a poll, a sign-up box), not the writer's wording."""
    count: dict[str, int] = {}
    lines = []
    pos = 0
    for line in text.split("\n"):
        key = line.strip()
        if len(key) >= 20:
            count[key] = count.get(key, 0) + 1
            lines.append((key, pos, pos + len(line)))
        pos += len(line) + 1
    return [(a, b) for key, a, b in lines if count[key] > 1]


def find_loaded_terms(record: Record, doc) -> list[LoadedTerm]:
    index = loaded_index()
    forms = token_forms(doc)
    entries: dict[int, LoadedEntry] = {}

    def accept(hit: Hit[LoadedEntry]) -> bool:
        entry = _entry_for(hit, doc)
        if entry is not None:
            entries[hit.start] = entry
        return entry is not None

    voices = Voices(record)
    entities = EntityIndex(record)
    terms: list[LoadedTerm] = []
    repeated = _repeated_lines(record.text)
    hits = [hit for hit in index.find(forms, accept)
            if not any(a <= doc[hit.start].idx < b for a, b in repeated)]
    hit_tokens = frozenset(i for hit in hits for i in range(hit.start, hit.end))
    seen: set[tuple[int, int, str]] = set()
    for hit in hits:
        entry = entries[hit.start]
        first, last = _extent(entry, hit, doc, hit_tokens)
        start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
        if (start, end, entry.category) in seen:
            continue  # two hits widened to the same phrase ("a sham and a farce"): one term
        seen.add((start, end, entry.category))
        voice, source = voices.of(start, end)
        terms.append(LoadedTerm(start=start, end=end, text=record.text[start:end], category=entry.category,
                                voice=voice, source=source, target=_target(entry, hit, doc, entities)))
    return terms


@annotator("language")
def annotate(record: Record, doc) -> dict:
    return {"loaded_terms": find_loaded_terms(record, doc)}
