"""events: political events coded to PLOVER's 16 types from verbs and nouns on the dependency parse.

Triggers come from ``lexicons/event_patterns.csv`` (lemma, construction, type, mode). For each
trigger the parse gives:

- ``actor`` and ``recipient``: entity ids (from the ``entities`` annotator), rolled up to the
  country of a person, state body, capital, place or facility when the article mentions that
  country, else kept as they are; ``actor_person`` / ``recipient_person`` keep the person.
  Verbs: subject / object (passive: agent / subject), else a prepositional object; an embedded
  verb without a subject takes its governor's. Nouns: possessor, modifier or "by" phrase, else the
  subject of the verb governing them ("launched an attack"). Pronouns take the last person or group
  named as a subject before them.
- ``status``: ``negated`` (a negation on the trigger), ``future`` (will, going to; or governed by
  one), ``hypothetical`` (may, might, could, should, if), else ``occurred``. Intent ("will give",
  "would support") codes cooperation as AGREE and hostility as THREATEN, as PLOVER does; "will not
  accept" and other negated cooperation is REJECT.
- ``date``: the value of the time expression attached to the trigger or its clause's verb, else
  one dating the sentence's main clause, else the dateline's or publication date. ``location``: the
  entity id of a place in an "in/at/near" phrase of the clause, else of a place the event is aimed
  at (a protest with no other addressee is addressed to the country where it happens).
- "X said Y must / should do Z" is a REQUEST from X to Y, and so is "must" / "should" with a
  named subject in the words an attribution gives a named source (""He should resign!" X tweeted").
- Saying of someone that they are something that faults them is an ACCUSE: "called Y a danger",
  "said Y was unfit" (``event_grammar.csv`` fault_word, and the epithets of ``loaded_terms.csv``).
  An attack aimed at a person or at what they said, with no weapon in its clause, is an ACCUSE.
- A known event ("the attack", "the Paris attacks": a determiner, possessor or name before it)
  keeps ``occurred`` whatever the clause that speaks of it says ("for not calling the attack
  terrorism"), unless that clause's verb is one of taking part in it ("did not attend the talks").
- ``source``: the attribution whose content holds the trigger; None when the article asserts it.
- ``mode``: the pattern's; ASSAULT modes are refined by weapons in the clause
  (``event_instruments.csv``).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

from .. import lexicons
from ..record import Event, Record
from . import annotator, gazetteer
from .entities import MentionIndex

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
_HOSTILE = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})
_REJECTABLE = _COOPERATIVE | {"AGREE"}
_INSTRUMENT_ORDER = ("cbrn", "suicide-attack", "grenade", "remote-explosive", "explosives", "aerial",
                     "heavy-weapons", "firearms", "primitive", "sexual")
_PARTY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})  # entity types that can act or be acted on
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_GOVERNED = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "conj", "acl", "relcl", "dep"})


@functools.cache
def _words(role: str) -> frozenset[str]:
    """Words of one role in event_grammar.csv (future_aux, intent_verb, relative, ...)."""
    return frozenset(r["word"] for r in lexicons.rows("event_grammar.csv") if r["role"] == role)


@functools.cache
def _recipient_preps() -> tuple[str, ...]:
    return tuple(r["word"] for r in lexicons.rows("event_grammar.csv") if r["role"] == "recipient_prep")


@dataclass(frozen=True, slots=True)
class Pattern:
    lemma: str
    pos: str  # verb or noun
    condition: str  # "", obj, prt, prep, xcomp, mod
    values: frozenset[str]
    type: str
    mode: Optional[str]

    @property
    def specificity(self) -> int:
        return 0 if not self.condition else 1


@functools.cache
def patterns() -> dict[tuple[str, str], tuple[Pattern, ...]]:
    """(lemma, pos) -> patterns, the most specific first."""
    table: dict[tuple[str, str], list[Pattern]] = {}
    for row in lexicons.rows("event_patterns.csv"):
        head, _, condition = row["construction"].partition("+")
        kind, _, values = condition.partition(":")
        p = Pattern(row["lemma"].lower(), head, kind, frozenset(v.lower() for v in values.split("|") if v),
                    row["type"], row["mode"] or None)
        if p.type not in PLOVER_TYPES:
            raise ValueError(f"event_patterns.csv: {p.type!r} is not a PLOVER type")
        table.setdefault((p.lemma, head), []).append(p)
    return {k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in table.items()}


@functools.cache
def _instruments() -> dict[tuple[str, ...], int]:
    """lemma sequence -> index of its mode in _INSTRUMENT_ORDER (lower wins)."""
    out: dict[tuple[str, ...], int] = {}
    for row in lexicons.rows("event_instruments.csv"):
        out.setdefault(tuple(row["lemma"].lower().split()), _INSTRUMENT_ORDER.index(row["mode"]))
    return out


@functools.cache
def _nonagents() -> frozenset[str]:
    return frozenset(lexicons.lines("event_nonagents.txt"))


_OBLIGATION = Pattern("", "verb", "obligation", frozenset(), "REQUEST", "change")
_CHARACTERIZATION = Pattern("", "verb", "characterization", frozenset(), "ACCUSE", "disapprove")


@functools.cache
def _faults() -> frozenset[str]:
    """Words that fault whom they are said of: the epithets of ``loaded_terms.csv`` (one word) and
    the nouns and adjectives of ``event_grammar.csv`` that judge a person ("a danger", "unfit")."""
    epithets = {r["term"].lower() for r in lexicons.rows("loaded_terms.csv")
                if r["category"] == "name_calling" and " " not in r["term"]}
    return frozenset(epithets | _words("fault_word"))


def _faulting(pred) -> bool:
    """A predicate that faults its subject: "a danger", "a threat to the country", "unfit", "a liar",
    or one that ties them to an armed group as its founder, leader, member or backer ("the founder
    of ISIS", "an ISIS co-founder", "a member of a terrorist group")."""
    words = [pred] + [c for c in pred.children if c.dep_ in ("amod", "compound", "conj")]
    if any(w.lemma_.lower() in _faults() or w.lower_ in _faults() for w in words):
        return True
    if pred.lemma_.lower() not in _words("affiliation_noun") and pred.lower_ not in _words("affiliation_noun"):
        return False
    groups = [c for c in pred.children if c.dep_ in ("compound", "nmod") and c.i < pred.i]
    groups += [p for c in pred.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    for group in groups:
        entry = gazetteer.lookup(" ".join(t.text for t in group.subtree if t.dep_ != "det"))
        if entry is not None and entry.org_kind == "armed_group":
            return True
        if any(t.lemma_.lower() in _words("armed_word") for t in group.subtree):
            return True
    return False


def _characterization(tok):
    """(the verb whose subject speaks, the token naming whom it faults) when ``tok`` says of
    someone that they are something that faults them: "called Trump a danger", "branded her a
    liar", "said Trump was unfit" (the copula in what someone says); else None."""
    if _pos_of(tok) != "verb":
        return None
    lemma = tok.lemma_.lower()
    if lemma in _words("naming_verb"):
        target = next((c for c in tok.children if c.dep_ == "dobj"), None)
        preds = [c for c in tok.children if c.dep_ in ("oprd", "xcomp", "ccomp")]
        preds += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
        if target is None:  # "called him a liar" is sometimes parsed as a clause: him <- nsubj of liar
            for pred in preds:
                subj = next((c for c in pred.children if c.dep_ == "nsubj"), None)
                if subj is not None and _faulting(pred):
                    return tok, subj
            return None
        if any(_faulting(p) for p in preds):
            return tok, target
        return None
    if lemma == "be" and tok.dep_ == "ccomp" and tok.head.lemma_.lower() in _words("report_verb"):
        subj = _subject(tok)
        preds = [c for c in tok.children if c.dep_ in ("attr", "acomp")]
        if subj is not None and any(_faulting(p) for p in preds):
            return tok.head, subj
    return None


@dataclass(slots=True)
class _Trigger:
    token: object
    pattern: Pattern
    consumed: Optional[object] = None  # the object noun a verb+obj pattern used up
    extra: Optional[object] = None  # particle or modifier that is part of the trigger
    roles: Optional[tuple] = None  # (the speaker's verb, whom it faults) of a characterization


class _Context:
    """What the annotator needs about one article: token -> entity, pronoun antecedents."""

    def __init__(self, record: Record, doc):
        self.record = record
        self.doc = doc
        self.entities = {e.id: e for e in record.entities}
        self.index = MentionIndex(record)
        self.token_entity: list[Optional[str]] = [None] * len(doc)
        self._map_mentions()
        self.antecedent: dict[int, str] = {}
        self._resolve_pronouns()
        sources = {src.id: src.entity for src in record.sources}
        # (start, end, entity) of what a named source is reported to have said
        self.quoted = [(a.content[0], a.content[1], sources[a.source]) for a in record.attributions
                       if a.content and a.source and sources.get(a.source) in self.entities
                       and a.mode == "speech" and self.entities[sources[a.source]].type in _PARTY_TYPES]

    def _map_mentions(self) -> None:
        starts = [t.idx for t in self.doc]
        import bisect

        spans = sorted(((s, e, ent.id) for ent in self.record.entities if ent.type in _PARTY_TYPES
                        for s, e in ent.mentions),
                       key=lambda r: -(r[1] - r[0]))
        for s, e, eid in spans:  # shorter mentions overwrite longer ones
            i = max(bisect.bisect_right(starts, s) - 1, 0)
            while i < len(self.doc) and starts[i] < e:
                if starts[i] + len(self.doc[i].text) > s:
                    self.token_entity[i] = eid
                i += 1

    def _resolve_pronouns(self) -> None:
        """Each pronoun -> the person (he, she) or group (it, they) last named as a subject before
        it, else last named at all."""
        last: dict[str, Optional[str]] = {}
        for tok in self.doc:
            low = tok.lower_
            if tok.pos_ == "PRON":
                if _dummy_it(tok):
                    continue
                for kind, role in (("person", "person_pronoun"), ("group", "group_pronoun")):
                    if low in _words(role):
                        found = last.get(kind + "_subject") or last.get(kind)
                        if found:
                            self.antecedent[tok.i] = found
                continue
            if tok.dep_ in _SUBJECTS:
                eid = self.entity_of(tok)
            elif tok.dep_ not in ("compound", "amod"):
                eid = self.token_entity[tok.i]
            else:
                eid = None
            if eid is None:
                continue
            kind = "person" if self.entities[eid].type == "PERSON" else "group"
            last[kind] = eid
            if tok.dep_ in _SUBJECTS:
                last[kind + "_subject"] = eid

    def entity_of(self, tok, depth: int = 0) -> Optional[str]:
        """The entity a noun phrase headed by ``tok`` names: its own, a modifier's ("Iranian
        officials"), or one in an "of/from/in" phrase ("rebels in the Ivory Coast")."""
        if tok is None or depth > 3:
            return None
        if tok.i in self.antecedent:
            return self.antecedent[tok.i]
        own = self.token_entity[tok.i]
        if own:
            if self.entities[own].type == "NORP" or gazetteer.demonym_country(tok.text):
                for child in tok.children:  # "Iraqi Kurds", "Bosnian Serbs": the nationality
                    mod = self.token_entity[child.i] if child.dep_ in ("amod", "compound") and child.i < tok.i else None
                    if mod and mod != own and (self.entities[mod].kb or "").startswith("country:"):
                        return mod
            return own
        for deps in (("compound", "amod", "nmod"), ("appos", "poss")):  # "its European Community partners"
            for child in tok.children:
                if child.dep_ in deps and child.i < tok.i + 8:
                    found = self.entity_of(child, depth + 1)
                    if found:
                        return found
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "in", "throughout"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self.entity_of(pobj, depth + 1)
                        if found:
                            return found
        for child in tok.children:
            if child.dep_ == "conj":
                found = self.entity_of(child, depth + 1)
                if found:
                    return found
        return None

    def roll_up(self, eid: Optional[str]) -> tuple[Optional[str], Optional[str]]:
        """(the group the event is coded to, the person when it was one)."""
        if eid is None:
            return None, None
        ent = self.entities[eid]
        person = eid if ent.type == "PERSON" else None
        if ent.kb and ent.kb.startswith("country:"):
            return eid, None
        if ent.type in ("PERSON", "FAC") or (ent.kb and ent.kb.split(":")[0] in ("city", "place", "fac")) \
                or _is_state_body(ent.kb):
            code = _country_code(ent)
            country_id = self._country_entity(code)
            if country_id:
                return country_id, person
        return eid, person

    @functools.cached_property
    def _countries(self) -> dict[str, str]:
        return {e.kb.split(":", 1)[1]: e.id for e in self.record.entities if e.kb and e.kb.startswith("country:")}

    def _country_entity(self, code: Optional[str]) -> Optional[str]:
        return self._countries.get(code or "")


def _dummy_it(tok) -> bool:
    """"it" standing for a clause that comes later, not for a country or group: "it was an honor to
    earn his praise", "it is clear that ...": the subject of "be" with an infinitive or a clause."""
    head = tok.head
    return (tok.lower_ == "it" and tok.dep_ in ("nsubj", "expl") and head.lemma_ == "be"
            and any(c.dep_ in ("xcomp", "ccomp") for c in head.children))


def _is_state_body(kb: Optional[str]) -> bool:
    if not kb or not kb.startswith("org:"):
        return False
    entry = gazetteer.entry_by_kb(kb)
    return entry is not None and entry.org_kind == "state_body" and entry.country is not None


def _country_code(ent) -> Optional[str]:
    if ent.kb:
        entry = gazetteer.entry_by_kb(ent.kb)
        if entry is not None and entry.country:
            return entry.country
    found = gazetteer.country_by_name(ent.country) if ent.country else None
    return found.country if found else None


# ---- trigger matching ----------------------------------------------------------------------

def _pos_of(tok) -> Optional[str]:
    if tok.dep_ == "amod":
        return None  # a participle used as an adjective: "US-backed", "the recognised government"
    if tok.pos_ == "VERB" and any(c.dep_ == "det" and c.i < tok.i for c in tok.children):
        return "noun"  # a noun the tagger took for a verb: "the Orlando nightclub attack"
    if tok.pos_ == "VERB" and tok.tag_ == "VBG" and tok.dep_ == "compound" and tok.head.i > tok.i:
        return "noun"  # an -ing word naming the event before a noun: "the Orlando shooting victims"
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass")):
        return "verb"
    if tok.pos_ in ("NOUN", "PROPN") or (tok.tag_ in ("NN", "NNS") and tok.pos_ != "VERB"):
        return "noun"
    return None


def _objects(tok):
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
            yield child
        elif child.dep_ == "prt":
            for grand in child.children:  # "set up a base": spaCy sometimes hangs the object here
                if grand.dep_ == "dobj":
                    yield grand


def _word_forms(tok) -> set[str]:
    """The lemma and the plain plural-stripped form: spaCy lemmatises "bases" to "basis"."""
    low = tok.lower_
    return {tok.lemma_.lower(), low, low[:-1] if low.endswith("s") else low}


def _object_words(obj):
    """The object and the nouns that say what it is: "aid deliveries", "part of a military aid
    program", "a state of emergency"."""
    yield obj
    for child in obj.children:
        if child.dep_ in ("compound", "nmod", "amod"):
            yield child
        elif child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield pobj
                    yield from (c for c in pobj.children if c.dep_ in ("compound", "nmod", "amod"))


def _marked(clause, marks) -> bool:
    """Whether ``clause`` is introduced by one of ``marks`` ("for" in "called for Obama to resign")."""
    return any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children)


def _marked_clause(tok, marks):
    """A clause governed by ``tok`` and introduced by one of ``marks``: spaCy parses "called for
    Obama to resign" as "called" + a clause marked "for" whose subject is Obama."""
    return next((c for c in tok.children if c.dep_ in ("advcl", "xcomp", "ccomp") and _marked(c, marks)), None)


def _match(tok) -> Optional[_Trigger]:
    pos = _pos_of(tok)
    if pos is None:
        return None
    candidates = patterns().get((tok.lemma_.lower(), pos))
    if pos == "noun" and tok.tag_ == "VBG":  # "the Orlando shooting victims": the noun "shooting"
        candidates = patterns().get((tok.lower_, pos)) or candidates
    if not candidates:
        return None
    for p in candidates:
        if not p.condition:
            return _Trigger(tok, p)
        if p.condition == "obj":
            for obj in _objects(tok):
                if "@person" in p.values and obj.ent_type_ == "PERSON":
                    return _Trigger(tok, p)
                for word in _object_words(obj):
                    if _word_forms(word) & p.values:
                        return _Trigger(tok, p, consumed=word)
        elif p.condition == "prt":
            for child in tok.children:
                if child.dep_ == "prt" and child.lower_ in p.values:
                    return _Trigger(tok, p, extra=child)
        elif p.condition == "prep":
            for child in tok.children:
                if child.dep_ in ("prep", "prt", "agent") and child.lower_ in p.values:
                    return _Trigger(tok, p)
            if _marked_clause(tok, p.values) is not None:  # "called for Obama to resign"
                return _Trigger(tok, p)
        elif p.condition == "xcomp":
            if any(child.dep_ in ("xcomp", "ccomp") for child in tok.children):
                return _Trigger(tok, p)
        elif p.condition == "head":
            verb = _governing_verb(tok)
            if verb is not None and verb.lemma_.lower() in p.values:
                return _Trigger(tok, p)
        elif p.condition == "mod":
            for child in tok.children:
                if child.dep_ in ("compound", "amod", "nmod", "nummod") and child.lemma_.lower() in p.values:
                    return _Trigger(tok, p, extra=child)
            prev = tok.nbor(-1) if tok.i > 0 else None
            if prev is not None and prev.text in "-–" and tok.i > 1 and tok.nbor(-2).lemma_.lower() in p.values:
                return _Trigger(tok, p, extra=tok.nbor(-2))
    return None


# ---- roles -------------------------------------------------------------------------------------

def _subject(tok):
    for child in tok.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
    return None


def _agent(tok):
    for child in tok.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _is_passive(tok) -> bool:
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in tok.children)


def _prep_objects(tok, instrumental: bool = False):
    """(preposition, object) pairs that may hold a recipient, most trusted first. For hostile
    events "with" names a means ("raid with bombs"), not a party."""
    preps = _recipient_preps()
    found = []
    for child in tok.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps and not (instrumental and child.lower_ == "with"):
            for pobj in child.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    found.append((preps.index(child.lower_), child.lower_, pobj))
        elif child.dep_ == "dative" and child.pos_ != "ADP":
            found.append((preps.index("to"), "to", child))
    return [(prep, pobj) for _, prep, pobj in sorted(found, key=lambda f: f[0])]


def _actor_token(ctx: _Context, tok, seen: int = 0):
    """The token naming who acts for a verb: subject, or agent in the passive; an embedded verb
    without either takes its governor's."""
    if seen > 6:
        return None
    agent = _agent(tok)
    if agent is not None:
        return agent
    subj = _subject(tok)
    if subj is not None:
        if subj.lower_ in _words("relative") and tok.dep_ == "relcl":
            return tok.head
        return subj
    if _is_passive(tok):
        return None  # "nineteen people were killed": no agent, no actor
    if tok.dep_ == "relcl" or tok.dep_ == "acl" and tok.tag_ == "VBD":
        return tok.head  # a finite verb spaCy hangs on the noun before it ("— Donald Trump called ...")
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if tok.tag_ == "VBG" and before is not None and before.dep_ == "pobj" and before.pos_ in ("PROPN", "NOUN", "PRON"):
        return before  # "signs pointed to Obama endorsing Clinton": the noun before an -ing clause is its subject
    if tok.dep_ in _GOVERNED and tok.dep_ != "ccomp" and tok.head.i != tok.i:
        head = _governing_verb(tok)  # "it is willing to withdraw": through the adjective
        if head is not None:
            if tok.dep_ == "xcomp" and _agent(head) is None and _subject(head) is None:
                # "Trump is scheduled to meet Ryan", "she was asked to resign": who is to do it
                passive = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
                if passive is not None:
                    return passive
            return _actor_token(ctx, head, seen + 1)
    return None


def _first_entity(ctx: _Context, tokens, exclude: Optional[str]) -> Optional[str]:
    for t in tokens:
        eid = ctx.entity_of(t)
        if eid and eid != exclude:
            return eid
    return None


def _subtree_entity(ctx: _Context, tok, exclude: Optional[str]) -> Optional[str]:
    """The first entity in a phrase when its head names none ("three nuclear sites, including the
    Fordow facility"). A party or nationality word describing a named person or group after it
    describes them and is not the one named: "comments by Republican presidential candidate
    Donald Trump" name Trump."""
    described = None  # a party or nationality word before a noun
    for t in tok.subtree:
        eid = ctx.token_entity[t.i] or ctx.antecedent.get(t.i)
        if not eid or eid == exclude:
            continue
        if ctx.entities[eid].type == "NORP" and t.dep_ in ("amod", "compound"):
            described = described or eid
            continue
        return eid
    return described


def _instrumental(trig: _Trigger) -> bool:
    return trig.pattern.type in ("ASSAULT", "COERCE", "THREATEN", "SANCTION") and trig.pattern.mode != "clash"


def _clause_actor(ctx: _Context, verb) -> Optional[str]:
    """The actor of the clause a noun sits in, climbing past clauses whose subject names nobody
    ("what ... was the largest attack") and past reporting clauses ("the Ukrainians said")."""
    for step in range(4):
        if step == 0 or verb.lemma_.lower() not in _words("report_verb"):
            found = ctx.entity_of(_actor_token(ctx, verb))
            if found:
                return found
        if verb.dep_ not in _GOVERNED or verb.head.i == verb.i:
            return None
        verb = _governing_verb(verb)
        if verb is None:
            return None
    return None


def _verb_roles(ctx: _Context, trig: _Trigger) -> tuple[Optional[str], Optional[str]]:
    tok = trig.token
    actor = ctx.entity_of(_actor_token(ctx, tok))
    recipient = None
    candidates = []
    if _is_passive(tok):
        candidates += [c for c in tok.children if c.dep_ == "nsubjpass"]
    candidates += [c for c in tok.children if c.dep_ in ("dobj", "dative", "oprd")]
    for obj in candidates:
        recipient = ctx.entity_of(obj) or _subtree_entity(ctx, obj, actor)
        if recipient and recipient != actor:
            break
        recipient = None
    if recipient is None and trig.pattern.type in ("REQUEST", "THREATEN", "ACCUSE"):
        for child in tok.children:  # "demanded that the Turkish government provide ...", "called for X to resign"
            if (child.dep_ == "ccomp" or child.dep_ == "advcl" and _marked(child, ("for",))) \
                    and _subject(child) is not None:
                recipient = ctx.entity_of(_subject(child))
                if recipient == actor:
                    recipient = None
    if recipient is None:
        for _, pobj in _prep_objects(tok, _instrumental(trig)):
            recipient = ctx.entity_of(pobj) or _subtree_entity(ctx, pobj, actor)
            if recipient and recipient != actor:
                break
            recipient = None
    if recipient is None:  # "agree to resume talks with the U.S.", "threatened to ban X in Y"
        for child in tok.children:
            if child.dep_ in ("xcomp", "ccomp"):
                for t in child.subtree:
                    if t.dep_ == "dobj" and t.head.i == child.i or t.dep_ == "pobj" and (
                            t.head.lower_ in _recipient_preps() or t.head.lower_ in _words("place_prep")):
                        recipient = ctx.entity_of(t)
                        if recipient and recipient != actor:
                            return actor, recipient
                recipient = None
    return actor, recipient


def _governing_verb(tok):
    head = tok.head
    steps = 0
    while head.i != head.head.i and _pos_of(head) != "verb" and steps < 6:
        head = head.head
        steps += 1
    return head if _pos_of(head) == "verb" else None


def _noun_roles(ctx: _Context, trig: _Trigger) -> tuple[Optional[str], Optional[str]]:
    tok = trig.token
    actor = recipient = None
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            actor = _first_entity(ctx, [c for c in child.children if c.dep_ == "pobj"], None)
    if actor is None:
        for child in tok.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < tok.i:
                actor = ctx.entity_of(child) or actor
                if actor:
                    break
    pair = None
    for child in tok.children:  # "its demand that Israel ease restrictions"
        if child.dep_ in ("acl", "ccomp") and _subject(child) is not None:
            found = ctx.entity_of(_subject(child))
            if found and found != actor:
                recipient = found
    of_objects = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    for prep, pobj in _prep_objects(tok, _instrumental(trig)) + [pp for o in of_objects for pp in _prep_objects(o)]:
        if recipient is not None:
            break
        if prep == "between":  # "a phone call between Trump and Putin"
            first = ctx.entity_of(pobj)
            second = next((ctx.entity_of(c) for c in pobj.children if c.dep_ == "conj"), None)
            if first and second:
                pair = (first, second)
                break
        found = ctx.entity_of(pobj) or _subtree_entity(ctx, pobj, actor)
        if found and found != actor:
            recipient = found
            break
    # "the president's tariffs": a possessor named by a noun owns the act, whoever the clause's
    # subject is ("the Senate rejected a bid to overturn the president's tariffs")
    owned = any(c.dep_ == "poss" and c.pos_ != "PRON" for c in tok.children)
    verb = _governing_verb(tok)
    if verb is not None:
        subject = _clause_actor(ctx, verb)
        answered = tok.dep_ == "dobj" and verb.lemma_.lower() in _words("response_verb")
        if answered:
            if recipient is None and subject != actor:
                recipient = subject  # "Putin refused Iran's request": the request was made of Putin
        elif (actor is None and not owned and tok.dep_ in ("dobj", "attr", "pobj", "conj", "appos")
                and subject != recipient):
            actor = subject
    if pair is not None:
        return (actor, pair[0]) if actor and actor not in pair else pair
    return actor, recipient


# ---- status, date, location, mode --------------------------------------------------------------

def _aux_lemmas(tok) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _negated(tok) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _own_modality(tok) -> Optional[str]:
    aux = _aux_lemmas(tok)
    if aux & _words("future_aux") or ("going" in aux and any(c.lower_ == "to" for c in tok.children)):
        return "future"
    if aux & _words("hypothetical_aux"):
        return "hypothetical"
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _words("condition") for m in c.children)
           for c in [tok]) or any(m.dep_ == "mark" and m.lower_ in _words("condition") for m in tok.children):
        return "hypothetical"
    return None


def _denied(tok) -> bool:
    """An infinitive its governor negates or refuses: "did not want to back", "is not ready to
    support", "refused to endorse"."""
    if tok.dep_ != "xcomp":
        return False
    head = tok.head
    return (head.lemma_.lower() in _words("refusal_verb") or _negated(head)
            or head.dep_ == "acomp" and _negated(head.head))


def _status(tok) -> str:
    if _negated(tok) or _denied(tok):
        return "negated"
    own = _own_modality(tok)
    if own:
        return own
    head, steps = tok, 0
    # a noun, or a noun the tagger took for a verb ("the attack" with its determiner)
    known = (_pos_of(tok) == "noun" or any(c.dep_ == "det" for c in tok.children)) and _definite(tok)
    while head.dep_ in _GOVERNED | {"pobj", "prep", "dobj", "attr", "nsubj", "nsubjpass"} and head.head.i != head.i \
            and steps < 5:
        head = head.head
        steps += 1
        if _pos_of(head) == "verb":
            if known and head.lemma_.lower() not in _words("participation_verb"):
                # "for not calling the Orlando attack terrorism", "whether leaks led to the Paris
                # attacks": what is said about a known event does not undo it
                return "future" if _own_modality(head) == "future" else "occurred"
            if _negated(head) and head.dep_ != "ROOT":
                return "negated"
            modality = _own_modality(head)
            if modality:
                return modality
            if tok.dep_ == "xcomp" or head.lemma_ in _words("intent_verb"):
                return "future" if steps == 1 or tok.dep_ in ("xcomp", "pobj", "dobj") else "occurred"
    return "occurred"


def _definite(tok) -> bool:
    """An event noun that names a known happening: "the attack", "Sunday's shooting", "the Paris
    attacks" (a determiner that points at it, a possessor, or a proper name before it)."""
    return any(c.dep_ == "det" and c.lower_ in _words("definite_det") or c.dep_ == "poss"
               or c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i < tok.i for c in tok.children)


def _intent(tok) -> bool:
    """An event announced as intended: "will give", "would support", "is willing to withdraw"."""
    if _aux_lemmas(tok) & _words("future_aux"):
        return True
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _words("intent_adj")


def _threat_condition(tok) -> bool:
    """"will withdraw its force unless ...": a threat."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _words("threat_condition") for m in c.children)
               for c in tok.children)


def _obligation(tok) -> bool:
    """A verb with "must" or "should" in what someone says or demands of another."""
    return (_pos_of(tok) == "verb" and tok.dep_ == "ccomp" and bool(_aux_lemmas(tok) & _words("obligation_aux"))
            and tok.head.lemma_.lower() in _words("report_verb") and _subject(tok) is not None)


def _quoted_demand(ctx: "_Context", tok) -> Optional[tuple[str, str]]:
    """(speaker, addressee) when ``tok`` is a verb with "must" or "should" whose subject names a
    party, inside the words an attribution gives a named source: ""He should resign in
    disgrace!" Smith tweeted" is Smith's demand of him, whichever verb carries the report."""
    if _pos_of(tok) != "verb" or not _aux_lemmas(tok) & _words("obligation_aux") or _subject(tok) is None:
        return None
    addressee = ctx.entity_of(_subject(tok))
    if addressee is None:
        return None
    for start, end, speaker in ctx.quoted:
        if start <= tok.idx < end and speaker != addressee:
            return speaker, addressee
    return None


def _clause(tok):
    """The verb heading the trigger's clause (the trigger itself when it is a verb)."""
    return tok if _pos_of(tok) == "verb" else (_governing_verb(tok) or tok)


def _date(record: Record, doc, tok, clause) -> Optional[str]:
    """The governing time expression: one attached to the trigger or its clause's verb; else one
    dating the sentence's main clause; else the dateline's or the publication date."""
    sent = tok.sent
    in_sentence = [t for t in record.timexes if sent.start_char <= t.start < sent.end_char
                   and t.type in ("DATE", "TIME") and t.value[:1] in "0123456789X"]
    for governors in ((tok, clause), (sent.root,)):
        governed = [t for t in in_sentence if _attached_to(doc, t, governors)]
        if governed:
            return min(governed, key=lambda t: abs(t.start - tok.idx)).value
    if record.dateline and record.dateline.date:
        return record.dateline.date
    return record.published


def _attached_to(doc, timex, governors) -> bool:
    """Whether the time expression hangs from one of ``governors`` before reaching another verb."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    node = span.root
    for _ in range(10):
        if node in governors:
            return True
        if node.head.i == node.i:  # the root; spaCy makes a new Token object on every access, so no "is"
            return False
        if node.i != span.root.i and _pos_of(node) == "verb" and not (
                node.dep_ == "relcl" or node.dep_ in ("acl", "advcl") and node.tag_ in ("VBN", "VBG")):
            return False  # a participle or relative clause ("bombs carried ... June 21") belongs to its noun
        node = node.head
    return False


def _location(ctx: _Context, clause, recipient: Optional[str]) -> Optional[str]:
    for t in clause.subtree:
        if t.dep_ == "pobj" and t.head.lower_ in _words("place_prep"):
            eid = ctx.token_entity[t.i]
            if eid and ctx.entities[eid].type in ("GPE", "LOC", "FAC"):
                return eid
    if recipient and ctx.entities[recipient].type in ("GPE", "LOC", "FAC") and not (
            ctx.entities[recipient].kb or "").startswith("country:"):
        return recipient
    return None


def _modifier_place(ctx: _Context, tok) -> Optional[str]:
    """A city, region or site named in a modifier before an event noun ("the Paris attacks", "the
    Orlando nightclub shooting"); a country there is a party ("Russian strikes"), not a place. An
    event noun that itself modifies a noun shares the modifiers before it: "the Charleston shooting
    victims" are the victims of the Charleston shooting."""
    modifiers = list(tok.children)
    if tok.dep_ in ("compound", "nmod") and tok.head.i > tok.i:
        modifiers += [c for c in tok.head.children if c.i < tok.i]
    for child in modifiers:
        if child.dep_ in ("compound", "nmod", "amod") and child.i < tok.i:
            for t in child.subtree:
                eid = ctx.token_entity[t.i]
                if eid and ctx.entities[eid].type in ("GPE", "LOC", "FAC") and not (
                        ctx.entities[eid].kb or "").startswith("country:") and not gazetteer.demonym_country(t.text):
                    return eid
    return None


def _instrument_rank(tokens) -> Optional[int]:
    table = _instruments()
    lemmas = [t.lemma_.lower() for t in tokens]
    best = None
    for i in range(len(lemmas)):
        for n in (3, 2, 1):
            rank = table.get(tuple(lemmas[i:i + n]))
            if rank is not None and (best is None or rank < best):
                best = rank
    return best


def _mode(trig: _Trigger, event_type: str, clause) -> Optional[str]:
    mode = trig.pattern.mode
    if mode == "clash":  # a clash stays one unless a distinctive weapon was used in it
        rank = _instrument_rank(clause.subtree)
        return _INSTRUMENT_ORDER[rank] if rank is not None and rank <= _INSTRUMENT_ORDER.index("remote-explosive") else mode
    if event_type != "ASSAULT" or (mode and mode not in _INSTRUMENT_ORDER):
        return mode
    rank = _instrument_rank(clause.subtree)
    if rank is None:
        rank = _instrument_rank(trig.token.sent)
    own = _INSTRUMENT_ORDER.index(mode) if mode in _INSTRUMENT_ORDER else None
    if rank is not None and (own is None or rank < own):
        return _INSTRUMENT_ORDER[rank]
    return mode


def _verbal_attack(ctx: _Context, trig: _Trigger, recipient: Optional[str]) -> bool:
    """An attack on a person, or on what someone said or stands for, with no weapon in its clause:
    "Trump attacked Cruz", "the senator targeted his rival's record", "attacks on the governor"."""
    tok = trig.token
    if tok.lemma_.lower() not in _words("verbal_attack") or _instrument_rank(_clause(tok).subtree) is not None:
        return False
    targets = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    targets += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against") for p in c.children
                if p.dep_ == "pobj"]
    return any(t.lemma_.lower() in _words("speech_noun") or t.ent_type_ == "PERSON" and recipient is not None
               and ctx.entities[recipient].type == "PERSON" for t in targets)


def _source(record: Record, start: int) -> Optional[str]:
    for a in record.attributions:
        if a.content and a.content[0] <= start < a.content[1]:
            return a.id
    return None


def _non_agentive(trig: _Trigger) -> bool:
    """"The earthquake killed eight people": no one acted."""
    if trig.pattern.type not in ("ASSAULT", "COERCE"):
        return False
    tok = trig.token
    subj = _subject(tok) or _agent(tok)
    if subj is None and trig.pattern.pos == "noun":
        subj = next((c for c in tok.children if c.dep_ in ("compound", "amod")), None)
    return subj is not None and subj.lemma_.lower() in _nonagents()


# ---- the annotator -------------------------------------------------------------------------

@annotator("events")
def annotate(record: Record, doc) -> dict:
    ctx = _Context(record, doc)
    triggers = []
    consumed = set()
    for tok in doc:
        if tok.i in consumed:
            continue
        roles = _characterization(tok)
        trig = _Trigger(tok, _CHARACTERIZATION, roles=roles) if roles is not None else _match(tok)
        if trig is None and (_obligation(tok) or _quoted_demand(ctx, tok)):
            trig = _Trigger(tok, _OBLIGATION)
        if trig is None:
            continue
        if trig.pattern.pos == "noun" and ctx.token_entity[tok.i] and ctx.entities[ctx.token_entity[tok.i]].type != "PERSON":
            continue  # part of a name: "the Security Council", "Operation Desert Storm"
        if trig.consumed is not None:
            consumed.add(trig.consumed.i)
        triggers.append(trig)
    events = []
    for trig in triggers:
        if trig.token.i in consumed and trig.pattern.pos == "noun":
            continue
        if _non_agentive(trig):
            continue
        events.append(_event(ctx, trig, len(events) + 1))
    return {"events": events}


def _event(ctx: _Context, trig: _Trigger, n: int) -> Event:
    tok = trig.token
    record = ctx.record
    if trig.pattern is _CHARACTERIZATION:
        speaker, target = trig.roles
        actor, recipient = ctx.entity_of(_actor_token(ctx, speaker)), ctx.entity_of(target)
        recipient = None if recipient == actor else recipient
    elif trig.pattern.pos == "verb":
        actor, recipient = _verb_roles(ctx, trig)
    else:
        actor, recipient = _noun_roles(ctx, trig)
    event_type = trig.pattern.type
    if event_type == "ASSAULT" and _verbal_attack(ctx, trig, recipient):
        event_type = "ACCUSE"  # "Trump attacked Cruz": words, not blows
    status = _status(tok)
    if _obligation(tok):  # "Russia said Sudan must return the helicopter": Russia asks it of Sudan
        event_type = "REQUEST"
        actor = ctx.entity_of(_actor_token(ctx, tok.head)) or actor
        recipient = ctx.entity_of(_subject(tok)) or recipient
        status = "occurred"
    elif (demand := _quoted_demand(ctx, tok)) is not None:  # ""He should resign!" Smith tweeted"
        event_type, (actor, recipient), status = "REQUEST", demand, "occurred"
    elif status == "negated" and event_type in _REJECTABLE:
        event_type, status = "REJECT", ("future" if _intent(tok) else "occurred")
    elif trig.pattern.pos == "verb" and _intent(tok):
        status = "future"
        if _threat_condition(tok) or event_type in _HOSTILE:
            event_type = "THREATEN"
        elif event_type in _COOPERATIVE:
            event_type = "AGREE"
    clause = _clause(tok)
    location = _location(ctx, clause, recipient)
    named_place = _modifier_place(ctx, tok) if trig.pattern.pos == "noun" else None
    if named_place is not None:  # "the Paris attacks": where it happened, not who did it
        actor = None if actor == named_place else actor
        location = named_place
    if recipient is None and event_type == "PROTEST" and location is not None:
        recipient = location  # a protest in Serbia is addressed to Serbia's government
    actor_group, actor_person = ctx.roll_up(actor)
    recipient_group, recipient_person = ctx.roll_up(recipient)
    if recipient_group == actor_group:
        recipient_group, recipient_person = None, None
    start = tok.idx
    end = tok.idx + len(tok.text)
    if trig.extra is not None:
        start, end = min(start, trig.extra.idx), max(end, trig.extra.idx + len(trig.extra.text))
    mode = "change" if event_type == "REQUEST" and trig.pattern.type != "REQUEST" else _mode(trig, event_type, clause)
    if event_type == "ACCUSE" and trig.pattern.type == "ASSAULT":
        mode = "disapprove"
    return Event(
        id=f"v{n}", type=event_type, mode=mode,
        actor=actor_group, recipient=recipient_group, start=start, end=end,
        date=_date(record, ctx.doc, tok, clause), location=location,
        status=status, source=_source(record, start),
        actor_person=actor_person, recipient_person=recipient_person,
    )
