"""claims: clause-level assertions, whose voice they are in, how hedged, how check-worthy.

A claim is a clause: a finite verb with what hangs on it, less the clauses that stand on their own
(coordinated, adverbial, parenthetical; relative clauses stay with their noun). Text inside an attribution's content is the
source's voice and is cut apart from the frame around it, so "Russia launched what the Ukrainians
said was the largest attack" gives the article's claim (that Russia launched something) and the
Ukrainians' (that it was the largest); the frame "X said" alone is no claim. Headings are not claims.

Each claim gets:
- ``voice``: ``source`` (with the attribution's source) inside a content span or a floating quote,
  else ``authorial``;
- ``hedges``: spans of hedging and distancing cues (``lexicons/hedges.csv``);
- ``kind``: ``mental_state`` (what someone other than the speaker thinks, knows or wants: "because
  he knows it will have little effect"), ``opinion`` (the speaker's own view: "I think", "should",
  a judging predicate), ``prediction`` (future), else ``fact``;
- ``checkworthy``: 0..1 from features a fact-checker looks for (figures, dates, named actors, past
  tense factual predicates, comparisons, causes, matters of record), less for opinions, promises
  and predictions, suppositions, questions, commands and fragments. The weights are written in ``WEIGHTS``;
  a claim at ``CHECKWORTHY_THRESHOLD`` or above is worth checking.
"""
from __future__ import annotations

import bisect
import functools
import math
from dataclasses import dataclass
from typing import Optional

from .. import lexicons
from ..record import Claim, Record
from . import annotator, cues
from .phrases import PhraseIndex, token_forms
from .voice import long_quote_spans

# Clause heads that stand as claims of their own when they have a subject or a finite verb.
# Relative clauses stay inside the clause of the noun they qualify, and a clause introduced by a
# complementiser ("that he wants ...") is a complement even where the parser calls it adverbial: both
# are attachments a parser gets wrong often, and a claim should not come and go with them.
CLAUSE_DEPS = frozenset({"conj", "advcl", "parataxis"})
COMPLEMENTISERS = frozenset({"that", "whether", "if"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us"})
THIRD_PERSON = frozenset({"he", "she", "they"})
NAMED_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LAW", "EVENT", "FAC"})
FIGURE_TYPES = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Numbers that are no quantity: dates and times count as dates, ordinals ("first of all", "the
# second thing") rank rather than measure.
NOT_FIGURE_TYPES = frozenset({"DATE", "TIME", "ORDINAL"})
MODALS_OF_POSSIBILITY = frozenset({"may", "might", "could"})
MIN_SOURCE_WORDS = 3
# A clause around a source's words whose only finite verb is the attribution cue is a claim of the
# article's own only if it says this much more ("X stressed Y as working towards an end to the war").
MIN_FRAME_WORDS = 8

# Check-worthiness: a logistic score over these features; each weight says how much a feature
# makes a clause worth checking (set by hand; see the checkworthy scorer for how they fare).
WEIGHTS: dict[str, float] = {
    "bias": -1.7,
    "figure": 1.3,
    "date": 0.8,
    "named": 0.5,
    "past": 0.9,
    "comparison": 0.3,
    "causal": 0.2,
    "prediction": -1.0,
    "record": 0.6,
    "subjective": -0.6,
    "conditional": -0.6,
    "opinion": -1.5,
    "mental_state": -0.5,
    "first_person": -0.3,
    "third_party": 0.3,
    "question": -1.5,
    "short": -0.8,
    "imperative": -1.0,
}


@dataclass(slots=True, frozen=True)
class Cue:
    term: str
    kind: str


@functools.cache
def hedge_index() -> PhraseIndex[Cue]:
    return PhraseIndex((r["term"], Cue(r["term"], r["kind"])) for r in lexicons.rows("hedges.csv"))


@functools.cache
def cue_index() -> PhraseIndex[Cue]:
    return PhraseIndex((r["term"], Cue(r["term"], r["kind"])) for r in lexicons.rows("claim_cues.csv"))


def _is_finite(token) -> bool:
    return token.tag_ in FINITE_TAGS or "Fin" in token.morph.get("VerbForm")


def _has_subject(token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in token.children)


def _is_clause_head(token) -> bool:
    """Does the clause headed by ``token`` stand as a claim of its own? Decided on what the words
    show (its own subject, a complementiser, a conjunction or comma before it) more than on where
    the parser hung it, which changes with the names in the sentence."""
    if token.dep_ == "ROOT":
        return True
    if token.dep_ not in CLAUSE_DEPS or token.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "mark" and c.lower_ in COMPLEMENTISERS for c in token.children):
        # "said X, and that Y": a second complement is a claim of its own, whichever verb the
        # parser coordinated it with
        return token.dep_ == "conj" and _has_subject(token)
    if token.dep_ == "conj" and not _conjoined(token):
        return False  # "..., a step Iran says ...": no conjunction, no coordinated clause
    if _has_subject(token):
        # "partnerships that would boost ...": a relative clause, whatever the parser called it
        return not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in token.children)
    if not (_set_off(token) or any(c.dep_ == "mark" for c in token.children)):
        return False  # "Polls published before the vote showed ...": a misparse, not two clauses
    if token.dep_ == "conj" and _has_auxiliary(_first_conjunct(token)) and not _has_auxiliary(token):
        return False  # "should respect X, respect Y and stop Z": one verb group, whatever the tagger says
    return _is_finite(token) or any(c.dep_ == "aux" and _is_finite(c) for c in token.children)


def _between(token):
    lo, hi = sorted((token.head.i, token.i))
    return token.doc[lo + 1:hi]


def _first_conjunct(token):
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _conjuncts(token) -> list:
    """Every member of the coordination ``token`` belongs to, however the parser chained them."""
    first = _first_conjunct(token)
    out, todo = [], [first]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return out


def _conjoined(token) -> bool:
    """A conjunction in the coordination ("A and B", "A, B and C") or a semicolon before it."""
    return any(c.dep_ == "cc" for t in _conjuncts(token) for c in t.children) or \
        any(t.text == ";" for t in _between(token))


def _set_off(token) -> bool:
    """A conjunction or a punctuation mark between a clause and the word it hangs on."""
    return any(t.dep_ == "cc" or t.text in (",", ";", ":", "—", "–", "--") for t in _between(token))


def _has_auxiliary(token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in token.children)


@functools.cache
def _mental_verbs() -> frozenset[str]:
    return frozenset(r["term"] for r in lexicons.rows("claim_cues.csv") if r["kind"] == "mental_verb")


def is_mind_reading(attribution) -> bool:
    """An attribution whose cue is a verb of thinking or knowing, outside quotation ("because he
    knows it will fail"): no one is reported as saying anything; the article itself asserts what
    someone thinks, so the claim stays the article's own (kind ``mental_state``)."""
    return attribution.kind != "direct" and (attribution.cue_lemma or "").lower() in _mental_verbs()


class Regions:
    """Per token: which voice region it is in (``region``: -1 the article's, k >= 0 the k-th
    attribution's content, the innermost where contents nest, -2 a floating quote), whether it is
    part of an attribution's frame (its cue or speaker: the "X said" around a source's words), and
    whether it is in a heading. Computed once per text by marking token ranges."""

    def __init__(self, record: Record, doc):
        reports = [a for a in record.attributions if a.content and not is_mind_reading(a)]
        self.contents = [(a.content[0], a.content[1], a.source) for a in reports]
        starts = [t.idx for t in doc]
        n = len(doc)

        def tokens_in(span) -> range:
            return range(bisect.bisect_left(starts, span[0]), bisect.bisect_left(starts, span[1]))

        self.region = [-1] * n
        for s, e in long_quote_spans(record.text):
            if not any(cs <= s + 1 and e - 1 <= ce for cs, ce, _ in self.contents):
                for i in tokens_in((s, e)):
                    self.region[i] = -2
        for k in sorted(range(len(self.contents)), key=lambda k: self.contents[k][0] - self.contents[k][1]):
            for i in tokens_in(self.contents[k][:2]):
                self.region[i] = k
        self.frame = [False] * n
        for a in reports:
            for span in (a.cue, a.speaker):
                for i in tokens_in(span) if span else ():
                    self.frame[i] = True
        self.heading = [False] * n
        for h in record.headings:
            for i in tokens_in((h.start, h.end)):
                self.heading[i] = True


def _units(sent, region_of: list[int], frame: list[bool]) -> dict[int, list]:
    """Tokens of a sentence grouped by the clause (head token index) they belong to.

    A phrase cut off from its clause only because its head lies in another voice region or is
    an attribution's cue (", two officials said, after weeks of ...": the parser may hang "after"
    on "said") joins the nearest clause of its own region: where the parser hangs a phrase must
    not make a claim of it."""
    unit_of: dict[int, int] = {}
    groups: dict[int, list] = {}
    stray: set[int] = set()
    for token in sent:
        path = []
        t = token
        while True:
            if t.i in unit_of:
                head = unit_of[t.i]
                break
            path.append(t.i)
            clause = _is_clause_head(t) or t.head.i == t.i or not (sent.start <= t.head.i < sent.end)
            cut = region_of[t.i] != region_of[t.head.i] or (
                region_of[t.i] >= 0 and frame[t.head.i] and not frame[t.i])
            if clause or cut:
                head = t.i
                if not clause and t.pos_ not in ("VERB", "AUX"):  # a phrase, not a clause
                    stray.add(t.i)
                break
            t = t.head
        for i in path:
            unit_of[i] = head
        groups.setdefault(head, []).append(token)
    for head in sorted(stray):
        anchors = [h for h in groups if h not in stray and region_of[h] == region_of[head]]
        if anchors:  # a clause of the region's own first, else the frame ("X stressed Y as ...")
            anchor = min(anchors, key=lambda h: (frame[h], abs(h - head), h))
            groups[anchor] = sorted(groups[anchor] + groups.pop(head), key=lambda t: t.i)
    return groups


def _trimmed(tokens) -> tuple[int, int]:
    """Character span of a clause, without punctuation or conjunctions at its edges."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    while words and words[0].dep_ == "cc":
        words.pop(0)
    while words and words[-1].dep_ == "cc":
        words.pop()
    if not words:
        return (0, 0)
    first = min(words, key=lambda t: t.i)
    last = max(words, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


def _subject(token) -> Optional[object]:
    for c in token.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    if token.dep_ in ("conj", "xcomp") and token.head.i != token.i:
        return _subject(token.head)
    return None


def _is_actor_noun(token) -> bool:
    """A noun naming a person by role or an institution ("the president", "the administration"):
    an actor whose doings are on record, as much as a named one."""
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (lemma in cues.person_roles() or lemma in cues.group_nouns())


def _is_past(token) -> bool:
    """A verb in the past or the present perfect, active or passive ("cut", "has cut", "was cut",
    "has been cut")."""
    if token.tag_ == "VBD":
        return True
    if token.tag_ != "VBN":
        return False
    return any(c.dep_ == "aux" and c.lemma_ == "have" or c.dep_ == "auxpass" and c.tag_ == "VBD"
               for c in token.children)


@dataclass(slots=True)
class Features:
    """What a clause has; the counted features add their weight once per word, up to COUNT_CAP."""

    figure: int = 0
    date: bool = False
    named: bool = False
    past: bool = False
    comparison: bool = False
    causal: bool = False
    prediction: bool = False
    record: int = 0
    subjective: bool = False
    conditional: bool = False
    opinion: bool = False
    mental_state: bool = False
    first_person: bool = False
    third_party: bool = False
    question: bool = False
    short: bool = False
    imperative: bool = False

    def kind(self) -> str:
        if self.mental_state:
            return "mental_state"
        if self.opinion:
            return "opinion"
        if self.prediction:
            return "prediction"
        return "fact"

    def checkworthy(self) -> float:
        z = WEIGHTS["bias"] + sum(WEIGHTS[name] * getattr(self, name) for name in WEIGHTS if name != "bias")
        return round(1 / (1 + math.exp(-z)), 3)


# The words that decide a claim's kind: its head verb and these of its dependents.
KIND_DEPS = frozenset({"aux", "auxpass", "acomp", "attr", "xcomp", "neg"})


def _features(head, tokens, cues_at: dict[int, str]) -> Features:
    f = Features()
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    f.short = len(words) < 5
    f.question = any(t.text == "?" for t in tokens)
    for t in tokens:
        cue = cues_at.get(t.i)
        if cue == "figure" or (t.like_num or t.ent_type_ in FIGURE_TYPES) and t.ent_type_ not in NOT_FIGURE_TYPES \
                and cue != "not_figure":
            # written in digits or with a unit ("$", "%"), a figure is exact enough to check on its own
            exact = any(ch.isdigit() for ch in t.text) or t.ent_type_ in ("MONEY", "PERCENT")
            f.figure = min(f.figure + (COUNT_CAP if exact else 1), COUNT_CAP)
        if t.ent_type_ in ("DATE", "TIME"):
            f.date = True
        if t.ent_type_ in NAMED_TYPES:
            f.named = True
        if t.tag_ in ("JJR", "RBR", "JJS", "RBS") or cue == "comparison":
            f.comparison = True
        if cue == "causal":
            f.causal = True
        if cue == "record":
            f.record = min(f.record + 1, COUNT_CAP)
        if cue == "subjective":
            f.subjective = True
        if cue == "conditional":
            f.conditional = True
        if _is_past(t) and cue != "mental_verb":
            f.past = True
        if t.dep_ in ("nsubj", "nsubjpass"):
            if t.lower_ in FIRST_SECOND_PERSON:
                f.first_person = True
            elif t.lower_ in THIRD_PERSON or t.ent_type_ in NAMED_TYPES or _is_actor_noun(t):
                f.third_party = True
    # "Let's help families", "Look at the record": a bare verb with no subject asks, not asserts
    f.imperative = head.dep_ == "ROOT" and head.tag_ == "VB" and _subject(head) is None and \
        not any(c.dep_ in ("aux", "auxpass") for c in head.children)
    for t in [head, *(c for c in head.children if c.dep_ in KIND_DEPS)]:
        cue = cues_at.get(t.i)
        if cue == "future" and t.pos_ in ("AUX", "VERB"):
            f.prediction = True
        elif cue == "deontic" and t.pos_ in ("AUX", "VERB"):
            f.opinion = True
        elif cue == "evaluative" and t.dep_ in ("acomp", "attr"):
            f.opinion = True
        elif cue == "mental_verb" and t.pos_ == "VERB":
            subject = _subject(t)
            if subject is not None and subject.lower_ in FIRST_SECOND_PERSON:
                f.opinion = True
            elif subject is not None:
                f.mental_state = True
    return f


COUNT_CAP = 2

# A claim scoring this much or more is worth a fact-checker's time (the checkworthy scorer's cut).
CHECKWORTHY_THRESHOLD = 0.5


def _cue_kinds(doc, forms) -> dict[int, str]:
    """Token index -> cue kind, for every token inside a claim cue."""
    out: dict[int, str] = {}
    for hit in cue_index().find(forms):
        kind = hit.entries[0].kind
        for i in range(hit.start, hit.end):
            out[i] = kind
    return out


def _hedge_spans(doc, forms) -> list[tuple[int, int, str]]:
    """(first token, end token, kind) of hedging and distancing cues, modals only as auxiliaries."""

    def accept(hit) -> bool:
        token = doc[hit.start]
        if hit.end - hit.start == 1 and token.lower_ in MODALS_OF_POSSIBILITY:
            return token.tag_ == "MD"
        if hit.entries[0].term in ("claim", "claims", "claimed", "appear", "seem", "suggest", "indicate"):
            return token.pos_ in ("VERB", "NOUN")
        return True

    return [(h.start, h.end, h.entries[0].kind) for h in hedge_index().find(forms, accept)]


def find_claims(record: Record, doc) -> list[Claim]:
    regions = Regions(record, doc)
    forms = token_forms(doc)
    region_of = regions.region
    cues_at = _cue_kinds(doc, forms)
    hedge_at: dict[int, tuple[int, int]] = {}
    distancing: set[tuple[int, int]] = set()
    for start, end, kind in _hedge_spans(doc, forms):
        hedge_at[start] = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
        if kind == "distancing":
            distancing.add(hedge_at[start])
    claims: list[Claim] = []
    dateline_end = record.dateline.end if record.dateline is not None else 0
    for sent in doc.sents:
        if regions.heading[sent.start]:
            continue
        for head, tokens in sorted(_units(sent, region_of, regions.frame).items()):
            if sent.start_char < dateline_end:  # "ROME --" is no part of the claim after it
                tokens = [t for t in tokens if t.idx >= dateline_end]
                if not tokens:
                    continue
            region = region_of[head]
            is_source = region != -1
            words = [t for t in tokens if t.is_alpha]
            if is_source:
                if len(words) < MIN_SOURCE_WORDS:
                    continue
            else:
                own = [t for t in tokens if not regions.frame[t.i]]
                if not any(_is_finite(t) for t in own) and sum(t.is_alpha for t in own) < MIN_FRAME_WORDS:
                    continue
            start, end = _trimmed(tokens)
            if end <= start:
                continue
            # A reported claim is also a claim about who said it: the speaker and cue count too.
            frame = [t for t in sent if regions.frame[t.i]] if region >= 0 else []
            features = _features(doc[head], tokens + frame, cues_at)
            source = regions.contents[region][2] if region >= 0 else None
            hedges = sorted(hedge_at[t.i] for t in tokens if t.i in hedge_at)
            claims.append(Claim(id="", start=start, end=end, voice="source" if is_source else "authorial",
                                source=source, hedges=hedges, checkworthy=features.checkworthy(),
                                kind=features.kind(), distancing=[h for h in hedges if h in distancing]))
    claims.sort(key=lambda c: (c.start, -c.end))
    for k, claim in enumerate(claims, 1):
        claim.id = f"c{k}"
    return claims


@annotator("claims")
def annotate(record: Record, doc) -> dict:
    return {"claims": find_claims(record, doc)}
