"""Sources: who stands behind each attribution, one Source per distinct source in the article.

A speaker phrase becomes a source of one kind:
- ``named_person``: a person's name, or a pronoun or description resolved to one (coref.py);
- ``named_group``: an organisation, a government, a country, a people ("the Ukrainians");
- ``media``: a news outlet (media_outlets.txt, outlet name words, or its role: "told X",
  "quoted by X", "in an interview with X");
- ``document``: a report, statement, poll, post ... (document_nouns.txt);
- ``anonymous_person`` / ``anonymous_group``: an unnamed person or group ("a senior official",
  "people familiar with the matter"), by number.
"The source" and other definite descriptions go back to the source that introduced them; an
indefinite one ("a source") is a new source. ``via`` links a source to the one that carried its
words ("an Iranian official quoted by Amwaj Media", "told Reuters", "according to ...").
"""
from __future__ import annotations

import dataclasses
import functools
import re
from typing import Optional

from .. import lexicons
from ..record import Attribution, Entity, Record, Source
from . import coref, cues
from .entities import MentionIndex, office_title

Span = tuple[int, int]
_RELATIVE = {"who", "that", "which", "whom"}
_FIRST_PERSON = {"i", "we", "me", "us", "you"}
_INDEFINITE = {"someone", "somebody", "one", "anyone", "anybody", "others", "some", "many", "few", "several",
               "those"}  # "those familiar with the talks"
_CUT_DEPS = {"relcl", "appos", "acl", "advcl", "punct", "cc", "conj"}
_GROUP_KINDS = ("named_group", "anonymous_group", "media", "document")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff]")  # zero-width characters pasted into names
_DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "some", "one", "another"}


def _heard_at(src: Source, span: Span) -> Source:
    """``src``, with ``span`` among its mentions."""
    if span not in src.mentions:
        src.mentions.append(span)
    return src


# --- phrases -------------------------------------------------------------------------------------

def phrase_span(article, tok) -> Span:
    """The whole phrase a speaker token heads (a pronoun alone, but for an indefinite one and its
    words: "those familiar with the talks"), without edge punctuation."""
    if (tok.pos_ == "PRON" and tok.lower_ not in _INDEFINITE) or tok.tag_ in ("WP", "WDT"):
        return tok.idx, tok.idx + len(tok.text)
    lo, hi = tok.left_edge.i, tok.right_edge.i
    doc = article.doc
    # "Trump, speaking to veterans,", "Mr. Kamin, who teaches tax law,": a clause set off by a comma
    # after the name says what the speaker did or is; the speaker is the name (an apposition stays:
    # "Jane Roe, a senator from Ohio,")
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("relcl", "acl", "advcl") and c.left_edge.i > 0 \
                and doc[c.left_edge.i - 1].text == "," and c.left_edge.i - 1 > tok.i:
            hi = min(hi, c.left_edge.i - 2)
    # a misparse can hang a quote on the speaker: the phrase stays on its own side of any quote
    for i in range(lo, hi + 1):
        if article.quote_of[i] >= 0:
            if i < tok.i:
                lo = i + 1
            elif i > tok.i:
                hi = i - 1
                break
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space) and doc[hi].text not in (")",):
        hi -= 1
    return article.span(lo, hi)


def core_tokens(tok) -> list:
    """The tokens of the phrase without its clauses and appositions: "an Iranian official"."""
    keep = [tok]
    for c in tok.children:
        if c.dep_ in _CUT_DEPS and c.i > tok.i:
            continue
        keep.extend(c.subtree)
    keep.sort(key=lambda t: t.i)
    # a phrase stops at the first comma after its head
    out = []
    for t in keep:
        if t.i > tok.i and t.text in (",", "(", "—"):
            break
        out.append(t)
    return out


def core_text(article, tok) -> str:
    toks = core_tokens(tok)
    return article.text[toks[0].idx: toks[-1].idx + len(toks[-1].text)]


def media_phrase(article, tok) -> bool:
    """Does the phrase headed by ``tok`` name a news outlet? Also a body of the news by its
    common noun: "the news agency", "the news site", "the wire service", and the voice of an
    outlet's opinion pages: "the paper's editorial board", "the editorial writers"."""
    if tok.pos_ == "NOUN" and any(c.dep_ in ("compound", "amod") and c.lower_ in ("news", "wire", "editorial")
                                  for c in tok.children):
        return True
    toks = core_tokens(tok)
    name = " ".join(t.text for t in toks if t.pos_ == "PROPN" or t.text[:1].isupper())
    if name and cues.is_outlet_name(name):
        return True
    text = article.text[toks[0].idx: toks[-1].idx + len(toks[-1].text)]
    return cues.is_outlet_name(text)


def issuer_of(noun):
    """The one who put out a document that speaks: "the council issued a statement calling ...",
    "the group sent a letter urging ...", "a memo released by the campaign saying ..." (None where
    the document names its own author: "a letter from his doctor", "the agency's report")."""
    if noun.lemma_.lower() not in cues.document_nouns() or any(
            c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("from", "by", "of") for c in noun.children):
        return None
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in cues.issuing_verbs():
        return next((c for c in noun.head.children if c.dep_ == "nsubj" and c.lower_ not in _RELATIVE), None)
    for c in noun.children:  # "a statement issued by the council"
        if c.dep_ == "acl" and c.lemma_.lower() in cues.issuing_verbs():
            for agent in (a for a in c.children if a.dep_ == "agent"):
                return next((p for p in agent.children if p.dep_ == "pobj"), None)
    return None


def _listed_outlet(name: str) -> bool:
    """A name in the list of outlets ("Politifact", "The Hill"), not merely one ending in an outlet
    word: "Jonathan Post" is a person."""
    return re.sub(r"^[Tt]he\s+", "", name.strip()) in cues.media_outlets()


def _plural(tok) -> bool:
    return tok.tag_ in ("NNS", "NNPS") or "Number=Plur" in str(tok.morph)


# --- the source book -----------------------------------------------------------------------------

class SourceBook:
    """The sources of one article, found and reused in reading order."""

    def __init__(self, article, entities: list[Entity]):
        self.article = article
        self.entities = list(entities)
        self.entity_by_id = {e.id: e for e in self.entities}
        self.resolver = coref.Resolver(article, self.entities)
        self.sources: list[Source] = []
        self.by_key: dict[str, Source] = {}
        self.heads: dict[str, str] = {}  # source id -> head lemma
        self.plural: dict[str, bool] = {}
        self.recent_speakers: list[str] = []  # entity ids, in order
        self.by_token: dict[int, Source] = {}
        # source id -> the source its own phrase says carried it ("an official quoted by X", "a poll
        # by X"): every statement of that source came through the carrier unless one names another
        self.carried_by: dict[str, str] = {}
        self._next_entity = 1 + max((int(e.id[1:]) for e in self.entities if re.fullmatch(r"e\d+", e.id)), default=0)
        self._index: Optional[MentionIndex] = None

    # entities -----------------------------------------------------------------------------------
    def entity_at(self, start: int, end: int) -> Optional[Entity]:
        if self._index is None:  # rebuilt after a speaker adds an entity or a mention
            self._index = MentionIndex(Record(id="", text="", entities=self.entities))
        found = self._index.at(start, end)
        return self.entity_by_id.get(found) if found else None

    def add_mention(self, entity_id: str, span: Span) -> None:
        e = self.entity_by_id.get(entity_id)
        if e is None:
            return
        if not any(s <= span[0] and span[1] <= t for s, t in e.mentions):
            e.mentions.append(span)
            e.mentions.sort()
            self.resolver.add_mention(e, span)
            self._index = None

    def new_entity(self, name: str, etype: str, span: Span) -> Entity:
        name = _INVISIBLE.sub("", name).strip()
        if etype == "PERSON":
            last = name.split()[-1]
            for e in self.entities:
                if e.type == "PERSON" and e.name.split()[-1] == last:
                    self.add_mention(e.id, span)
                    return e
        e = Entity(id=f"e{self._next_entity}", name=name, type=etype, mentions=[span])
        self._next_entity += 1
        self.entities.append(e)
        self.entity_by_id[e.id] = e
        self._index = None
        self.resolver.add_entity(e)
        return e

    def _whole_name(self, e: Entity, at: int) -> Entity:
        """The person a name stands for where the article named them in full before: "McNeely"
        after "Morgan McNeely", "Paz Akin" after "Lorena Paz Akin", and a surname the tagger read
        as an organisation ("Schicketanz" after "Mary Ann Schicketanz"), or a full name it read as
        one while it read the surname as a person. Of the entities the name ends, the longest name
        wins, then a person, then the first mentioned. A role word before a person's name is no
        part of it ("Organizer Dwayne Croteau" is Dwayne Croteau)."""
        if e.type not in ("PERSON", "ORG"):
            return e
        words = _person_words(e.name)
        best, best_key = e, (len(words), e.type == "PERSON", -(e.mentions[0][0] if e.mentions else at))
        for other in self.entities:
            if other is e or other.type not in ("PERSON", "ORG") or not other.mentions or other.mentions[0][0] > at:
                continue
            theirs = _person_words(other.name)
            if len(theirs) < len(words) or [w.lower() for w in theirs[-len(words):]] != [w.lower() for w in words]:
                continue  # "FALLIN:" in a transcript is Mary Fallin
            if other.type == "ORG" and (e.type != "PERSON" or len(theirs) > len(words) + 2
                                        or any(w.lower() in cues.group_nouns() or w in cues.media_name_words()
                                               for w in theirs)):
                continue  # an organisation's name is a person's only beside that person's surname
            if e.type == "ORG" and other.type != "PERSON":
                continue
            key = (len(theirs), other.type == "PERSON", -other.mentions[0][0])
            if key > best_key:
                best, best_key = other, key
        if best is not e or e.type == "PERSON":
            best.type = "PERSON"
            best.name = " ".join(_person_words(best.name))
        return best

    # sources ------------------------------------------------------------------------------------
    def _source(self, key: str, text: str, kind: str, span: Span, head: str = "", plural: bool = False,
                **fields) -> Source:
        src = self.by_key.get(key)
        if src is None:
            src = Source(id=f"s{len(self.sources) + 1}", text=text, kind=kind, **fields)
            self.sources.append(src)
            self.by_key[key] = src
            self.heads[src.id] = head
            self.plural[src.id] = plural
        return _heard_at(src, span)

    def _fresh_key(self, base: str) -> str:
        return f"{base}#{len(self.sources)}"

    def for_entity(self, e: Entity, span: Span, kind: str) -> Source:
        e = self._whole_name(e, span[0])
        if e.type == "PERSON" and not _listed_outlet(e.name):
            kind = "named_person"
        key = f"entity:{e.country or e.id}" if kind == "named_group" and e.type in ("GPE", "NORP") else f"entity:{e.id}"
        src = self._source(key, e.name, kind, span, entity=e.id)
        if e.type == "PERSON":
            self.recent_speakers.append(e.id)
            self.resolver.note_speaker(e.id)
        return src

    def speaker(self, tok, span: Span, cue=None, reported: Optional[Span] = None) -> Optional[Source]:
        """The source a speaker phrase headed by ``tok`` stands for (the same token, the same source);
        ``reported``, an indirect report's content, for a pronoun (coref.Resolver.person)."""
        if tok.i in self.by_token:
            return _heard_at(self.by_token[tok.i], span)
        src = self._speaker(tok, span, cue, reported)
        if src is not None:
            self.by_token[tok.i] = src
            # "an official quoted by X", "a report cited by X": the carrier
            for c in tok.children:
                if c.dep_ == "acl" and c.lemma_ in ("quote", "cite"):
                    for agent in (a for a in c.children if a.dep_ == "agent"):
                        for p in agent.children:
                            if p.dep_ == "pobj" and (carrier := self.carrier(src, p)) is not None:
                                self.carried_by.setdefault(src.id, carrier.id)
        return src

    def _speaker(self, tok, span: Span, cue=None, reported: Optional[Span] = None) -> Optional[Source]:
        art = self.article
        if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
            tok = tok.head.head
            tok = issuer_of(tok) or tok  # "released a memo that says ...": whoever released it
            span = phrase_span(art, tok)
        if tok.lower_ in _FIRST_PERSON:
            return None
        if tok.pos_ == "PRON" and tok.lower_ not in _INDEFINITE:
            return self._pronoun(tok, span, cue, reported)
        head = tok.lemma_.lower()
        core = core_tokens(tok)
        core_span = (core[0].idx, core[-1].idx + len(core[-1].text))
        text = art.text[core_span[0]:core_span[1]]
        if head in cues.document_nouns() and tok.pos_ == "PROPN" and tok.text not in cues.media_name_words() \
                and not media_phrase(art, tok):  # "New Poll Shows ...", "the Quinnipiac Poll" (not "the Post")
            return self._document(tok, span, text, core)
        party = self._party_member(tok)
        if party is not None:
            self.add_mention(party, core_span)
            return self.for_entity(self.entity_by_id[party], span, "named_person")
        entity = self._apposed_person(tok) or self._named(core, tok)
        office = self._office_country(tok, core)
        if entity is not None:
            kind = self._entity_kind(entity, tok, text, cue)
            if entity.type == "PERSON" and tok.pos_ == "PROPN":
                self.add_mention(entity.id, core_span)
            src = self.for_entity(entity, span, kind)
            if office and not src.affiliation:
                src.affiliation = office
            return src
        if office:  # the holder is someone the reader can name, whether or not the list knows who
            return self._source(f"office:{_bare(text)}", text, "named_person", span, head=head, affiliation=office)
        unnamed = self._anonymity(tok)
        if head in cues.collective_nouns() and _of_people(tok) or head in cues.group_nouns() and not unnamed \
                and _group_of_people(tok):
            # "a group of doctors", "a chorus of Republicans", "a number of economists": unnamed
            # people, counted as a body
            return self._source(f"anon:{_bare(text)}", text, "anonymous_group", span, head=head, plural=True,
                                descriptor=self._descriptor(core, tok), affiliation=self._affiliation(tok, core))
        if head in cues.document_nouns():
            return self._document(tok, span, text, core)
        if media_phrase(art, tok) or head in cues.media_nouns() or tok.lower_ in cues.media_nouns():
            return self._source(f"media:{text.lower()}", text, "media", span, head=head)
        if head in cues.share_nouns() or tok.like_num:  # "46 percent", "a majority of voters", "eight of 10"
            key = f"anon:{_bare(text)}"
            return self._source(key, text, "anonymous_group", span, head=head, plural=True,
                                descriptor=self._descriptor(core, tok), affiliation=self._affiliation(tok, core))
        # "police", "authorities": one body, plural in form; "unions including the AFL-CIO": named members
        named_members = _plural(tok) and any(t.pos_ == "PROPN" for t in tok.subtree if t.i > tok.i)
        if (head in cues.group_nouns() and (not _plural(tok) or named_members or tok.lower_ in cues.group_nouns())
                or tok.pos_ == "PROPN" and head not in cues.person_roles()) and not unnamed:
            # "the union", "Other major unions, including the AFL-CIO": bodies the text identifies
            body = self._body(tok) if head in cues.group_nouns() and tok.pos_ == "NOUN" else None
            if body is not None:  # "the company": the company the article is about
                self.add_mention(body.id, core_span)
                return self.for_entity(body, span, "named_group")
            key = f"group:{_bare(text)}"
            return self._source(key, text, "named_group", span, head=head,
                                affiliation=self._affiliation(tok, core))
        definite = any(t.lower_ in ("the", "this", "that") and t.dep_ == "det" for t in tok.children)
        roles = cues.person_roles()
        if definite and not _plural(tok):
            modifiers = {c.lower_ for c in tok.children if self._is_country(c) and c.i < tok.i}
            nouns = [head] + [c.lemma_.lower() for c in tok.children if c.dep_ == "compound"]
            if any(n in roles for n in nouns):
                eid = self.resolver.description(tok, nouns, modifiers)
                # a role of a kind ("senator": a lawmaker), not a bare place in an organisation
                # ("the Platte River employee" may be anyone there)
                if eid is None and _anchored(tok) and any(roles[n].category for n in nouns if n in roles):
                    parties = {c.lower_ for c in tok.children if c.i < tok.i and c.lower_ in cues.party_members()}
                    eid = self.resolver.anchored_description(
                        tok, nouns, modifiers | {cues.party_members()[p] for p in parties}, self.recent_speakers)
                if eid is not None:
                    self.add_mention(eid, core_span)
                    return self.for_entity(self.entity_by_id[eid], span, "named_person")
            earlier = self._earlier_anonymous(head)
            if earlier is not None:
                earlier.mentions.append(span)
                earlier.descriptor = _described_as(tok) or earlier.descriptor
                return earlier
        plural = _plural(tok)
        kind = "anonymous_group" if plural else "anonymous_person"
        key = f"anon:{_bare(text)}" if plural else self._fresh_key(f"anon:{_bare(text)}")
        descriptor = _described_as(tok) or self._descriptor(core, tok)
        if unnamed and (not descriptor or unnamed not in descriptor):
            descriptor = f"{descriptor}, {unnamed}" if descriptor else unnamed
        return self._source(key, text, kind, span, head=head, plural=plural,
                            descriptor=descriptor, affiliation=self._affiliation(tok, core))

    def _party_member(self, tok) -> Optional[str]:
        """"The Massachusetts Democrat", "the Kentucky Republican": one member of a party, by a
        definite description, is the person of that party the article named before ("Sen. Jane
        Roe (D-Mass.)", "Democratic Sen. Jane Roe", "Roe, a Democrat"), not the party."""
        member = tok.lemma_.lower()
        if member not in cues.party_members().values() or _plural(tok) \
                or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            return None
        return self.resolver.description(tok, [member], set())

    def _apposed_person(self, tok) -> Optional[Entity]:
        """"The company's CEO, Jane Smith, said": a person's name set off by commas after the head
        of the speaker's phrase names the speaker. Read from the punctuation, not from the word the
        parser hangs the apposition on ("the leader of Austria's Freedom Party, Jane Smith,"),
        which changes with the names."""
        art = self.article
        doc = art.doc
        named = self._name_beside(tok)
        if named is not None:
            return named
        if tok.pos_ == "PROPN" and (e := self.entity_at(tok.idx, tok.idx + len(tok.text))) is not None \
                and e.type == "PERSON":
            return None  # "Jim Eglinski, Yellowhead MP,": the name is the head, the role its apposition
        end = art.sent_spans[art.sent_of[tok.i]][1]
        comma = next((i for i in range(tok.i + 1, end) if doc[i].text in (",", "(", "—")), None)
        if comma is None or doc[comma].text != "," or comma > tok.right_edge.i + 1:
            return None
        last = comma + 1
        while last < end and (doc[last].pos_ == "PROPN" or _is_title(doc[last])):
            last += 1
        if last == comma + 1 or _is_title(doc[last - 1]) or (
                last < len(doc) and doc[last].text not in (",", ".", ";", ")", "—") and not doc[last].is_space):
            return None
        name = doc[last - 1]
        e = self.entity_at(name.idx, name.idx + len(name.text))
        if e is not None and e.type == "PERSON":
            return e
        # "the leader of the party, Ren Ivanova,": a role's apposed full name is a person's, whatever
        # type the tagger gave the name
        words = [t for t in doc[comma + 1:last] if t.pos_ == "PROPN"]
        if tok.lemma_.lower() in cues.person_roles() and (e is None or e.kb is None) and (
                len(words) >= 2 or (words and words[0].text in cues.first_names())):
            return self.new_entity(" ".join(t.text for t in words), "PERSON",
                                   (words[0].idx, name.idx + len(name.text)))
        return None

    def _name_beside(self, tok) -> Optional[Entity]:
        """A person's name right after the head noun ("oil worker Mike Wipf", "teacher Teresa
        Galati, 56,") or opening the phrase before a comma ("Jim Eglinski, Yellowhead MP, said"):
        the name is the speaker, whichever of the two words the parser made the head."""
        doc = self.article.doc
        if tok.pos_ == "NOUN" and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            e = self.entity_at(doc[tok.i + 1].idx, doc[tok.i + 1].idx + len(doc[tok.i + 1].text))
            if e is not None and e.type == "PERSON":
                return e
        first = tok.left_edge.i
        last = first
        while last < tok.i and doc[last].pos_ == "PROPN":
            last += 1
        if first < last < tok.i and doc[last].text == ",":
            e = self.entity_at(doc[last - 1].idx, doc[last - 1].idx + len(doc[last - 1].text))
            if e is not None and e.type == "PERSON":
                return e
        return None

    def _office_country(self, tok, core: list) -> Optional[str]:
        """"The Chilean president", "Russia's foreign minister", "the leader of Mali": a definite
        description of a country's one-holder office, by its country. Such a speaker is named by
        office, not anonymous, and belongs to that country, whether or not the gazetteer of office
        holders knows the holder: the kind of source must not depend on who holds the office."""
        if _plural(tok) or tok.pos_ not in ("NOUN", "PROPN"):
            return None
        if not any(c.dep_ in ("det", "poss") and (c.lower_ == "the" or self._is_country(c)) for c in tok.children):
            return None
        words = [t.text.lower() for t in core if t.i <= tok.i and t.dep_ not in ("det", "poss", "case")
                 and not self._is_country(t) and t.pos_ != "PUNCT"]
        if not words or office_title(" ".join(words)) is None:
            return None
        return self._affiliation(tok, core)

    def _is_country(self, tok) -> bool:
        """A country or its people, by the entity it is a mention of (the tagger may call
        "Mozambique" an organisation where it calls "Oman" a place)."""
        e = self.entity_at(tok.idx, tok.idx + len(tok.text))
        if e is not None:
            return e.type in ("GPE", "NORP") or (e.kb or "").startswith("country:")
        return tok.ent_type_ in ("GPE", "NORP")

    def _anonymity(self, tok) -> Optional[str]:
        """A phrase in the speaker's sentence saying it is unnamed on purpose ("who asked not to be
        named", "familiar with the matter")."""
        art = self.article
        _, sent_end = art.sent_spans[art.sent_of[tok.i]]
        tail = art.text[tok.idx: art.doc[sent_end - 1].idx + len(art.doc[sent_end - 1].text)]
        found = cues.anonymity_pattern().search(tail)
        return found.group(0) if found else None

    def _pronoun(self, tok, span: Span, cue=None, reported: Optional[Span] = None) -> Optional[Source]:
        word = tok.lower_
        if gender := coref.pronoun_gender(word):
            found = self.resolver.person(tok, self.recent_speakers, reported)
            unnamed = self._unnamed_speaker(tok, gender, found[1] if found else -1)
            if unnamed is not None:
                return _heard_at(unnamed, span)
            if found is None:
                return self._unnamed_person(tok, gender, span)
            eid = found[0]
            self.add_mention(eid, span)
            return self.for_entity(self.entity_by_id[eid], span, "named_person")
        if coref.is_it(word) and cue is not None and (verb := cues.cue_verb(cue.lemma_.lower())) is not None \
                and verb.kind == "document":
            document = self._document_before(tok)
            if document is not None:  # "... released the video. It shows an officer ...": the video
                src = self.speaker(document, phrase_span(self.article, document))
                return None if src is None else _heard_at(src, span)
        if coref.is_plural_pronoun(word) or coref.is_it(word):
            found = self._group_antecedent(tok, coref.is_plural_pronoun(word))
            if isinstance(found, Entity):
                self.add_mention(found.id, span)
                return self.for_entity(found, span, self._entity_kind(found, tok, found.name, None))
            if isinstance(found, Source):
                return _heard_at(found, span)
            if found is not None:  # "Republican senators ..., and they say": the plural noun's phrase
                return self.speaker(found, phrase_span(self.article, found))
        return None

    def _group_antecedent(self, tok, plural: bool):
        """What a they/it at ``tok`` stands for: a group source heard before, an organisation,
        country or people named before, or (for "they") people a plural noun names as the subject
        of this sentence or the one before ("Republican senators are eager ..., and they say").
        The nearest by sentences wins, a subject or a source already heard counting as a sentence
        nearer ("Facebook told employees ... with Apple. It also told workers": Facebook); number
        agrees: "it" is no plural group, "they" no single document or country. Ties go to the
        later mention. Returns a Source, an Entity, a token, or None."""
        art = self.article
        sent = art.sent_of[tok.i]
        best, best_key = None, None

        def consider(candidate, at: int, score: float) -> None:
            nonlocal best, best_key
            key = (score, -at)
            if best_key is None or key < best_key:
                best, best_key = candidate, key

        for s in self.sources:
            if s.kind not in _GROUP_KINDS or self.plural.get(s.id) != plural and (
                    not plural or s.kind in ("document", "anonymous_group")):
                continue  # "they" may be an organisation; never a single document, "it" never many
            at = max((m[0] for m in s.mentions if m[0] < tok.idx), default=-1)
            if at >= 0:
                consider(s, at, sent - art.sent_of[art.token_at(at)] - 1.0)
        for m, distance in self.resolver.group_mentions(tok):
            head = art.doc[art.token_at(m.start)]
            etype = self.entity_by_id[m.entity].type
            if plural and etype == "GPE" or not plural and etype == "NORP" and _plural(head) \
                    or etype == "NORP" and head.dep_ in ("amod", "compound") and _plural(head.head):
                continue  # "Republican senators": the senators, not the party
            consider(self.entity_by_id[m.entity], m.start, distance - (0.6 if m.subject else 0))
        if plural:
            lo = art.sent_spans[max(0, sent - 1)][0]
            for i in range(lo, tok.i):
                t = art.doc[i]
                if t.pos_ == "NOUN" and _plural(t) and t.dep_ in ("nsubj", "nsubjpass") and art.quote_of[i] < 0 \
                        and (t.lemma_.lower() in cues.person_roles() or t.lemma_.lower() in cues.group_nouns()):
                    consider(t, t.idx, sent - art.sent_of[i] - 0.6)
        return best

    def _unnamed_speaker(self, tok, gender: str, named_at: int) -> Optional[Source]:
        """"..., a private security professional told Reuters. Then they shot ... , he said": an
        unnamed person heard as a source in this sentence or the three before, after the last
        mention of the person a name would give, is whom the he/she goes back to when its role
        noun agrees ("a spokeswoman" is no "he")."""
        art = self.article
        since = art.doc[art.sent_spans[max(0, art.sent_of[tok.i] - 3)][0]].idx
        best, best_at = None, max(named_at, since - 1)
        roles = cues.person_roles()
        for s in self.sources:
            if s.kind != "anonymous_person":
                continue
            role = roles.get(self.heads.get(s.id, ""))
            if role is None or role.gender and role.gender != gender:
                continue  # a person by role: "that" in "stroke that can be presented" is none
            at = max((m[0] for m in s.mentions if m[0] < tok.idx), default=-1)
            if at > best_at:
                best, best_at = s, at
        return best

    def _unnamed_person(self, tok, gender: str, span: Span) -> Optional[Source]:
        """"The wife of a man shot by police recorded the video ... “Don't shoot,” she says": where no
        named person fits, a he/she goes back to the nearest subject before it, in this sentence or
        the two before, that names a person of that gender by a role (wife, mother, spokesman)."""
        art = self.article
        doc = art.doc
        lo = art.sent_spans[max(0, art.sent_of[tok.i] - 2)][0]
        roles = cues.person_roles()
        for i in range(tok.i - 1, lo - 1, -1):
            t = doc[i]
            role = roles.get(t.lemma_.lower())
            if t.pos_ == "NOUN" and role is not None and role.gender == gender and t.dep_ in ("nsubj", "nsubjpass") \
                    and not _plural(t) and art.quote_of[i] < 0:
                src = self.speaker(t, phrase_span(art, t))
                return None if src is None else _heard_at(src, span)
        return None

    def _document_before(self, tok):
        """The nearest document named as a noun before ``tok`` in its sentence or the one before."""
        art = self.article
        sent = art.sent_of[tok.i]
        lo = art.sent_spans[max(0, sent - 1)][0]
        for i in range(tok.i - 1, lo - 1, -1):
            t = art.doc[i]
            if t.pos_ == "NOUN" and t.lemma_.lower() in cues.document_nouns() and art.quote_of[i] < 0:
                return t
        return None

    def _named(self, core: list, tok) -> Optional[Entity]:
        span = (tok.idx, tok.idx + len(tok.text))
        e = self.entity_at(*span)
        if e is not None and e.type != "PERSON" and tok.pos_ == "PROPN" and _looks_like_person(core, tok) \
                and tok.lemma_.lower() not in cues.group_nouns():
            # "Spokeswoman Haley Morris" read as an organisation: the name is a person's (but "the
            # Justice Department" is a body, not a person titled "Justice")
            name_toks = [t for t in core if t.pos_ == "PROPN" and t.i <= tok.i
                         and t.lemma_.lower() not in cues.person_roles()]
            if name_toks:
                return self.new_entity(" ".join(t.text for t in name_toks), "PERSON",
                                       (name_toks[0].idx, tok.idx + len(tok.text)))
        if e is not None and tok.pos_ == "NOUN" and _plural(tok) and e.name == tok.text:
            return None  # "Aides said ...": a plural common noun the tagger took for a name is none
        if e is not None:
            return e
        if tok.pos_ != "PROPN" and not tok.ent_type_:
            return None
        if tok.pos_ == "PROPN":
            surname = _INVISIBLE.sub("", tok.text)
            for e in reversed(self.entities):
                if e.type == "PERSON" and e.name.split()[-1] == surname:
                    return e
        if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            ent = next((x for x in self.article.doc.ents if x.start <= tok.i < x.end), None)
            if ent is not None:
                return self.new_entity(ent.text, ent.label_, (ent.start_char, ent.end_char))
        if tok.pos_ == "PROPN" and not tok.ent_type_ and tok.lemma_.lower() not in cues.person_roles():
            # a name no one tagged, speaking: a person unless it reads as an organisation or outlet
            name_toks = [t for t in core if t.pos_ == "PROPN" and t.i <= tok.i]
            words = {t.lemma_.lower() for t in core}
            if _looks_like_person(core, tok) or not (words & cues.group_nouns() or media_phrase(self.article, tok)):
                span = (name_toks[0].idx, tok.idx + len(tok.text))
                return self.new_entity(self._full_name(name_toks, span), "PERSON", span)
        return None

    def _full_name(self, name_toks: list, span: Span) -> str:
        """A surname's full name where the text gave it earlier ("For Carole Laurin, ..." ... "Laurin said")."""
        name = " ".join(t.text for t in name_toks)
        if len(name_toks) == 1:
            earlier = re.findall(r"\b((?:[A-Z][\w'’-]+ ){1,2})" + re.escape(name) + r"\b", self.article.text[:span[0]])
            if earlier:
                words = earlier[-1].split()
                while words and words[0].lower() in _function_words():
                    words.pop(0)  # "For Carole Laurin": the sentence's first word is no name
                return " ".join(words + [name])
        return name

    def _entity_kind(self, e: Entity, tok, text: str, cue) -> str:
        if _listed_outlet(e.name):  # a listed outlet, whatever the tagger took it for ("Politifact")
            return "media"
        if e.type == "PERSON":
            return "named_person"
        if cues.is_outlet_name(e.name) or cues.is_outlet_name(text) or (cue is not None and cue.lemma_ == "report" and e.type == "ORG"):
            return "media"
        return "named_group"

    def _document(self, tok, span: Span, text: str, core: list) -> Source:
        art = self.article
        issuer = None
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
                issuer = c
            elif c.dep_ == "prep" and c.lower_ in ("from", "by", "in", "of", "on"):
                issuer = next((p for p in c.children if p.dep_ == "pobj"), issuer)
            elif c.dep_ == "acl":  # "the report, published by ProPublica,"
                agent = next((a for a in c.children if a.dep_ == "agent"), None)
                if agent is not None:
                    issuer = next((p for p in agent.children if p.dep_ == "pobj"), issuer)
        definite = any(t.lower_ in ("the", "this", "that") for t in tok.children if t.dep_ == "det")
        head = tok.lemma_.lower()
        plural = _plural(tok)
        if definite and issuer is None:  # "the report": the last one heard, of the same number
            earlier = next((s for s in reversed(self.sources) if s.kind == "document" and self.heads[s.id] == head
                            and self.plural[s.id] == plural), None)
            if earlier is not None:
                earlier.mentions.append(span)
                return earlier
        src = self._source(self._fresh_key(f"doc:{_bare(text)}"), text, "document", span, head=head, plural=plural,
                           descriptor=head)
        if issuer is not None:
            issuer_text = core_text(art, issuer)
            if media_phrase(art, issuer):
                carrier = self._source(f"media:{issuer_text.lower()}", issuer_text, "media",
                                       phrase_span(art, issuer), head=issuer.lemma_.lower())
                self.carried_by[src.id] = carrier.id
            else:
                e = self.entity_at(issuer.idx, issuer.idx + len(issuer.text))
                src.affiliation = e.name if e is not None else issuer_text
        return src

    def _earlier_anonymous(self, head: str) -> Optional[Source]:
        """"The source", "the official": the latest unnamed person, the same noun first."""
        singles = [s for s in self.sources if s.kind == "anonymous_person"]
        same = [s for s in singles if self.heads.get(s.id) == head]
        if same:
            return same[-1]
        if head in ("source", "person", "official", "insider") and singles:
            return singles[-1]
        return None

    def _descriptor(self, core: list, tok) -> Optional[str]:
        """"A senior Iranian official" -> "senior official"; what follows the noun is kept whole
        ("source close to the White House")."""
        words = [t.text for t in core if t.i < tok.i and t.lower_ not in _DETERMINERS
                 and not self._is_country(t) and t.dep_ not in ("poss", "case") and t.pos_ != "NUM"]
        tail = self.article.text[tok.idx: core[-1].idx + len(core[-1].text)]
        return " ".join(words + [tail]).strip() or None

    def _affiliation(self, tok, core: list) -> Optional[str]:
        for t in core:
            if t.ent_type_ in ("NORP", "GPE", "ORG") and t.i != tok.i:
                e = self.entity_at(t.idx, t.idx + len(t.text))
                if e is not None:
                    return e.country or e.name
                ent = next((x for x in self.article.doc.ents if x.start <= t.i < x.end), None)
                return ent.text if ent is not None else t.text
        # "a company spokesperson", "a spokesman for the ministry": the body the article names
        bodies = [t for t in core if t.i != tok.i and t.pos_ == "NOUN" and t.lemma_.lower() in cues.group_nouns()
                  and (t.dep_ == "compound" and t.head.i == tok.i or t.dep_ == "pobj")]
        for t in bodies:
            body = self._body(t)
            if body is not None:
                return body.name
        return None

    def _body(self, tok) -> Optional[Entity]:
        """The organisation a common noun for a body stands for ("the company", "the ministry",
        "a company spokesperson"): the latest organisation named before it whose name has that
        noun ("the ministry" after "the Ministry of Health"); for a company or a firm, the
        organisation the article names most often before it whose name is no public body's or
        outlet's; for another body ("the agency"), the organisation last heard as a source. None
        where the text names none."""
        noun = tok.lemma_.lower()
        if any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("a", "an", "another", "any", "each", "every")
               for c in tok.children) and tok.dep_ != "compound":
            return None  # "its ministry", "a company": not the one the article is about
        at = tok.idx
        orgs = [e for e in self.entities if e.type == "ORG" and e.mentions and e.mentions[0][0] < at
                and not cues.is_outlet_name(e.name)]
        named = [e for e in orgs if any(noun in (w.lower() for w in self.article.text[s:t].split())
                                        for s, t in [(0, 0)] + e.mentions if t <= at) or noun in e.name.lower().split()]
        if named:
            return max(named, key=lambda e: max(m[0] for m in e.mentions if m[0] < at))
        if noun not in cues.company_nouns():
            if noun not in cues.generic_body_nouns():
                return None
            # "The World Health Organization warned ..., and the agency urged ...": the organisation
            # heard as a source in this sentence or the one before (farther back, "the campaign" or
            # "the court" is as likely another body)
            art = self.article
            sent = art.sent_of[art.token_at(at)]
            since = art.doc[art.sent_spans[max(0, sent - 1)][0]].idx
            speaking = [e for e in orgs if e.id in {src.entity for src in self.sources if src.kind == "named_group"
                                                    and any(since <= m[0] < at for m in src.mentions)}]
            return max(speaking, key=lambda e: max(m[0] for m in e.mentions if m[0] < at)) if speaking else None
        companies = [e for e in orgs if not any(w.lower() in cues.group_nouns() for w in e.name.split())]
        if not companies:
            return None
        return max(companies, key=lambda e: (sum(1 for m in e.mentions if m[0] < at), -e.mentions[0][0]))

    def by_id(self, source_id: str) -> Optional[Source]:
        return next((s for s in self.sources if s.id == source_id), None)

    def carrier(self, src: Source, tok) -> Optional[Source]:
        """The source that carried ``src``'s words, named by the phrase headed by ``tok``."""
        carrier = self.speaker(tok, phrase_span(self.article, tok))
        if carrier is None or carrier is src:
            return None
        entity = self.entity_by_id.get(carrier.entity or "")
        if carrier.kind == "named_group" and tok.pos_ == "PROPN" and entity is not None and entity.type == "ORG" \
                and not any(w.lower() in cues.group_nouns() for w in entity.name.split()):
            carrier.kind = "media"  # an organisation that carried someone's words, unless its name says
            # what else it is ("the Roper Center", "the Pew Research Center")
        return carrier


def _anchored(tok) -> bool:
    """A definite description of a person that tells the reader which one, as news refers back to
    someone it has named: by a name's word, a place or a party ("the Vermont senator", "the
    Republican nominee", "the Senate leader"), as a former holder ("the former governor") or by
    age ("the 72-year-old senator"). "The judge", "the official" alone may be someone new."""
    for t in tok.subtree:
        if t.i >= tok.i:
            break
        if t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE") or t.lower_ in ("former", "onetime") \
                or t.lower_ == "year" and t.i + 2 < len(t.doc) and t.doc[t.i + 2].lower_ == "old":
            return True
    return False


def _group_of_people(tok) -> bool:
    """"A group of doctors", "a group of Democrats": a body named only by its members, in the plural."""
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        return False
    return _of_people(tok)


def _of_people(tok) -> bool:
    """"a handful of senators", "a chorus of Republicans": "of" and a plural after the noun."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        member = next((p for p in prep.children if p.dep_ == "pobj"), None)
        if member is not None and member.pos_ in ("NOUN", "PROPN") and _plural(member):
            return True
    return False


def _described_as(tok) -> Optional[str]:
    """"the source, who is described as a “senior” official" -> "senior official"."""
    for t in tok.subtree:
        if t.lemma_.lower() in ("describe", "identify") and t.i > tok.i:
            for prep in (c for c in t.children if c.lower_ == "as"):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    words = [w.text for w in obj.subtree if w.dep_ != "det" and not w.is_punct]
                    return " ".join(words) or None
    return None


def _chains_to(book: SourceBook, start: Source, target: Source) -> bool:
    by_id = {s.id: s for s in book.sources}
    node, seen = start, set()
    while node is not None and node.id not in seen:
        if node is target:
            return True
        seen.add(node.id)
        node = by_id.get(node.via) if node.via else None
    return False


@functools.cache
def _function_words() -> frozenset[str]:
    row = next(r for r in lexicons.rows("function_words.csv") if r["language"] == "en")
    return frozenset(row["words"].split())


def _person_words(name: str) -> list[str]:
    """A person's name without the role words or titles the tagger took into it."""
    words = name.split()
    while len(words) > 1 and (words[0].lower() in cues.person_roles() or words[0].lower().rstrip(".") in cues.honorifics()):
        words.pop(0)
    return words


def _looks_like_person(core: list, tok) -> bool:
    """A given name, a title ("Mr.", "Sen.") or a role noun ("spokeswoman") before the name."""
    before = [t for t in core if t.i < tok.i]
    return any(t.text in cues.first_names() for t in core if t.i <= tok.i and t.pos_ == "PROPN") or any(
        _is_title(t) for t in before)


def _is_title(tok) -> bool:
    return tok.lower_.rstrip(".") in cues.honorifics() or tok.lemma_.lower() in cues.person_roles()


def _bare(text: str) -> str:
    words = [w for w in re.findall(r"[\w’'.-]+", text.lower()) if w not in _DETERMINERS]
    return " ".join(words)


# --- from found attributions to the record ------------------------------------------------------

def resolve(article, found: list) -> tuple[list[Attribution], list[Source], list[Entity]]:
    # the record's entities are copied, not changed: resolved speakers add mentions to the copies
    entities = [dataclasses.replace(e, mentions=list(e.mentions)) for e in article.record.entities]
    book = SourceBook(article, entities)
    doc = article.doc
    source_of: dict[int, Optional[Source]] = {}
    for f in sorted(found, key=lambda f: f.content[0]):
        src = None
        if f.continues is not None:
            src = source_of.get(id(_first_half(f, source_of)))
        elif f.speaker_token is not None:
            cue = doc[f.cue_token] if f.cue_token is not None else None
            head = doc[f.speaker_token]
            src = book.speaker(head, f.speaker or phrase_span(article, head), cue,
                               f.content if f.kind == "indirect" else None)
        source_of[id(f)] = src
    via_of = _carriers(book, found, source_of)
    attributions = []
    for n, f in enumerate(sorted(found, key=lambda f: f.content[0]), start=1):
        src = source_of.get(id(f))
        via = via_of.get(id(f))
        attributions.append(Attribution(
            id=f"a{n}", kind=f.kind, content=f.content, cue=f.cue, source=src.id if src else None,
            speaker=f.speaker, cue_lemma=f.lemma, distancing=f.distancing, mode=f.mode, cue_kind=f.cue_kind,
            verb=f.verb, topic=f.topic, via=via.id if via else None,
        ))
    _source_vias(book, attributions)
    for src in book.sources:
        src.affiliation = affiliation_name(src.affiliation)
    return attributions, book.sources, book.entities


def _first_half(f, done: dict):
    """The report a continued one goes back to: up its chain of ``continues`` to one already in
    ``done`` or to the first; a chain that comes back on itself (two reports each continuing the
    other) ends where it would repeat."""
    root, seen = f.continues, {id(f)}
    while root.continues is not None and id(root) not in done and id(root.continues) not in seen:
        seen.add(id(root))
        root = root.continues
    return root


def _carriers(book: SourceBook, found: list, source_of: dict[int, Optional[Source]]) -> dict[int, Optional[Source]]:
    """The source that carried each attribution: one its sentence names ("Sources report that X
    asked ...", "told Reuters", "..., according to Y"), else the one that carried the report it
    sits in ("Iran said that it will agree to ...", according to an official: the official
    carried both), else the one its source's phrase names ("an official quoted by X"). The second
    half of a quote goes with the first."""
    doc = book.article.doc
    by_id = {s.id: s for s in book.sources}
    via_of: dict[int, Optional[Source]] = {}
    for f in sorted(found, key=lambda f: f.content[0]):
        src = source_of.get(id(f))
        if f.continues is not None:
            root = _first_half(f, via_of)
            via_of[id(f)] = via_of.get(id(root))
            continue
        if src is None:
            continue
        carriers = [book.carrier(src, doc[t]) for t in f.via_tokens]
        via = next((c for c in carriers if c is not None and c is not src), None)
        if via is None and f.within is not None:
            via = via_of.get(id(f.within))
        if via is None and src.id in book.carried_by:
            via = by_id[book.carried_by[src.id]]
        via_of[id(f)] = via
    return via_of


def _source_vias(book: SourceBook, attributions: list[Attribution]) -> None:
    """A source's own ``via``: the carrier of every one of its statements where all came through the
    same one (an official known only from a news site's report), else none: "Sources report that
    Trump asked ..." carried that statement, not his own words quoted later. A source with no
    statement of its own keeps the carrier its phrase names."""
    vias: dict[str, set[Optional[str]]] = {}
    for a in attributions:
        if a.source:
            vias.setdefault(a.source, set()).add(a.via)
    for src in book.sources:
        found = vias.get(src.id)
        carrier = (next(iter(found)) if len(found) == 1 else None) if found else book.carried_by.get(src.id)
        if carrier is not None and carrier != src.id and not _chains_to(book, book.by_id(carrier), src):
            src.via = carrier


_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")


def affiliation_name(text: Optional[str]) -> Optional[str]:
    """An affiliation as a name, the way it reads in a list of voices: "the central bank's" ->
    "central bank", "The European Union's" -> "European Union"."""
    if not text:
        return text
    words = text.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    name = _POSSESSIVE.sub(lambda m: "s" if m.group(0)[0] == "s" else "", " ".join(words)).strip()
    return name or None
