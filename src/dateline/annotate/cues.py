"""The lexicons the attribution engine reads, loaded once per process."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import lexicons


CUE_KINDS = ("speech", "belief", "position", "accusation", "decline", "document")


@dataclass(frozen=True, slots=True)
class CueVerb:
    lemma: str
    kind: str  # one of CUE_KINDS
    distancing: bool
    object_content: bool  # a direct object can be the content ("denied the report")
    infinitive_content: bool  # an infinitive can be the content ("vowed to fight on")
    object_as: bool = False  # an object is the content only with an "as" phrase or a predicate
    preps: tuple[str, ...] = ()  # prepositions whose object is the content ("called for")
    question: bool = False  # a wh-clause after it is a question put ("asked whether"), not a report
    negated: str = ""  # negated: "" no report, "decline" a refusal to speak, "only" a cue only so

    @property
    def mode(self) -> str:
        """speech (a statement made), thought (a belief ascribed) or declined (a refusal to speak)."""
        return {"belief": "thought", "decline": "declined"}.get(self.kind, "speech")


@dataclass(frozen=True, slots=True)
class Role:
    noun: str
    gender: str  # m, f or ""
    category: str


@functools.cache
def cue_verbs() -> dict[str, CueVerb]:
    return {r["lemma"]: CueVerb(r["lemma"], r["kind"], r["distancing"] == "1", r["object"] in ("1", "as"),
                                r["infinitive"] == "1", r["object"] == "as",
                                tuple(p for p in r["prep"].split("|") if p), r["question"] == "1", r["negated"])
            for r in lexicons.rows("cue_verbs.csv")}


@functools.cache
def cue_lemmas() -> frozenset[str]:
    """The one-word lemmas of the cue verbs (a phrasal verb by its verb: "point")."""
    return frozenset(lemma.split()[0] for lemma in cue_verbs())


def cue_verb(lemma: str, particle: str = "") -> CueVerb | None:
    """The cue a verb is, with its particle: a phrasal verb is a cue only where it is listed ("point
    out") or its particle takes the content ("called on Congress"): "backed off", "showed up" are not."""
    verbs = cue_verbs()
    if particle:
        found = verbs.get(f"{lemma} {particle}")
        if found:
            return found
        plain = verbs.get(lemma)
        return plain if plain is not None and particle in plain.preps else None
    return verbs.get(lemma)


@functools.cache
def poll_answer_verbs() -> frozenset[str]:
    return frozenset(lexicons.lines("poll_answer_verbs.txt"))


def poll_answer(lemma: str) -> CueVerb | None:
    """The cue a poll-answer verb is when a share of people is its subject: a position whose
    content is its object or what follows "for" or "of" ("would vote for Trump", "approve of")."""
    if lemma not in poll_answer_verbs():
        return None
    return CueVerb(lemma, "position", False, True, False, preps=("for", "of"))


@functools.cache
def colon_labels() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.lines("colon_labels.txt"))


@functools.cache
def naming_verbs() -> frozenset[str]:
    return frozenset(lexicons.lines("naming_verbs.txt"))


@functools.cache
def person_roles() -> dict[str, Role]:
    return {r["noun"]: Role(r["noun"], r["gender"], r["category"]) for r in lexicons.rows("person_roles.csv")}


@functools.cache
def party_members() -> dict[str, str]:
    """A party's member noun ("democrat"), by itself, its adjective ("democratic") and its letter
    ("D", as in "(D-Mass.)"), from party_members.csv."""
    out: dict[str, str] = {}
    for r in lexicons.rows("party_members.csv"):
        for key in (r["member"], r["adjective"], r["letter"]):
            if key:
                out.setdefault(key, r["member"])
    return out


@functools.cache
def honorifics() -> dict[str, tuple[str, str]]:
    return {r["title"]: (r["gender"], r["role"]) for r in lexicons.rows("honorifics.csv")}


@functools.cache
def first_names() -> dict[str, str]:
    return {r["name"]: r["gender"] for r in lexicons.rows("first_names.csv")}


@functools.cache
def group_nouns() -> frozenset[str]:
    return frozenset(lexicons.lines("group_nouns.txt"))


@functools.cache
def collective_nouns() -> frozenset[str]:
    return frozenset(lexicons.lines("collective_nouns.txt"))


@functools.cache
def support_verbs() -> frozenset[str]:
    return frozenset(lexicons.lines("support_verbs.txt"))


@functools.cache
def audience_nouns() -> frozenset[str]:
    return frozenset(lexicons.lines("audience_nouns.txt"))


@functools.cache
def reaction_verbs() -> frozenset[str]:
    return frozenset(lexicons.lines("reaction_verbs.txt"))


@functools.cache
def permission_words() -> frozenset[str]:
    return frozenset(lexicons.lines("permission_words.txt"))


@functools.cache
def shared_media_name_words() -> frozenset[str]:
    """Outlet words that also end the names of public bodies ("Agency"): marked " *" in the list."""
    return frozenset(w[:-1].strip() for w in lexicons.lines("media_name_words.txt") if w.endswith("*"))


@functools.cache
def belief_adjectives() -> frozenset[str]:
    return frozenset(lexicons.lines("belief_adjectives.txt"))


@functools.cache
def stance_adjectives() -> dict[str, tuple[str, tuple[str, ...], bool]]:
    """Adjective -> (kind, content prepositions, whether an infinitive is the content)."""
    return {r["adjective"]: (r["kind"], tuple(p for p in r["preps"].split("|") if p), r["infinitive"] == "1")
            for r in lexicons.rows("stance_adjectives.csv")}


@functools.cache
def document_nouns() -> frozenset[str]:
    return frozenset(lexicons.lines("document_nouns.txt"))


@functools.cache
def cue_nouns() -> dict[str, str]:
    """Noun -> the kind of cue it is ("claim": speech, "worry": belief)."""
    return {r["noun"]: r["kind"] for r in lexicons.rows("cue_nouns.csv")}


@functools.cache
def generic_body_nouns() -> frozenset[str]:
    return frozenset(lexicons.lines("generic_body_nouns.txt"))


@functools.cache
def poll_nouns() -> frozenset[str]:
    return frozenset(lexicons.lines("poll_nouns.txt"))


@functools.cache
def issuing_verbs() -> frozenset[str]:
    return frozenset(lexicons.lines("issuing_verbs.txt"))


@functools.cache
def medium_nouns() -> frozenset[str]:
    return frozenset(lexicons.lines("medium_nouns.txt"))


@functools.cache
def company_nouns() -> frozenset[str]:
    return frozenset(lexicons.lines("company_nouns.txt"))


@functools.cache
def media_nouns() -> frozenset[str]:
    return frozenset(lexicons.lines("media_nouns.txt"))


@functools.cache
def share_nouns() -> frozenset[str]:
    return frozenset(lexicons.lines("share_nouns.txt"))


@functools.cache
def media_outlets() -> frozenset[str]:
    """The listed outlets, each also without a leading "The" ("The New Yorker" is "New Yorker" too)."""
    names = lexicons.lines("media_outlets.txt")
    return frozenset(names) | frozenset(re.sub(r"^[Tt]he\s+", "", n) for n in names)


@functools.cache
def media_name_words() -> frozenset[str]:
    return frozenset(w.rstrip("*").strip() for w in lexicons.lines("media_name_words.txt"))


def anonymity_pattern() -> re.Pattern:
    return lexicons.pattern("anonymity_phrases.txt")


def caption_credit() -> re.Pattern:
    return lexicons.pattern("caption_credits.txt")


def is_outlet_name(name: str) -> bool:
    """A listed outlet, a proper name ending in an outlet word ("Amwaj Media", "Kyiv Post"), or
    that word alone after "the", an outlet's short name ("The Post has learned")."""
    definite = bool(re.match(r"[Tt]he\s", name.strip()))
    name = re.sub(r"(?:'s|’s|'|’)$", "", re.sub(r"^[Tt]he\s+", "", name.strip())).strip()
    if not name:
        return False
    if name in media_outlets():
        return True
    words = name.split()
    if words[-1] in shared_media_name_words():  # "Environmental Protection Agency" is no outlet
        before = " ".join(words[:-1])
        return len(words) > 1 and words[0][:1].isupper() and (
            before in media_outlets() or words[-2] in media_name_words() and words[-2] not in shared_media_name_words())
    return (len(words) > 1 or definite) and words[-1] in media_name_words() and words[0][:1].isupper()
