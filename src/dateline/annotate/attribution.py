"""attribution: who said what. Every quote, "X said (that) ...", mixed quote and "according to X"
becomes an Attribution; every distinct speaker a Source (see sources.py); pronouns and
descriptions that name a speaker are resolved into the speaker's entity (see coref.py).

The passes, all linear in the article's tokens:
1. quotes.scan pairs the quotation marks; an embedded post or a pull-quote signed by a name line
   ("— City Water (@citywater)") is that source's words;
2. a quote that stands as a sentence of its own takes the reporting verb in the text beside it
   ("“...,” he said." / "She said: “...”") as its cue: a *direct* attribution;
3. every other cue verb (cues.py, from ``cue_verbs.csv``, each with its kind: speech, belief,
   position, accusation, decline, document) with a clause, an object, a preposition or an
   infinitive that carries its content is an *indirect* attribution, *mixed* when a quote lies
   inside (or runs on from) its content; in the passive its agent speaks ("was rejected by X"); a
   refusal ("declined to comment", "did not respond", "could not be reached") has mode *declined*;
4. "according to X" is an *according_to* attribution over the rest of its clause, and X carries
   ("via") any other attribution in its sentence;
5. a quoted label that a naming verb puts on something ("called it a “global takeover”") is the
   verb's subject's own words;
6. a line opening with a name and a colon (headline "Pence: ...", transcript "WALLACE: ..."), a
   noun that attributes with a holder ("the mayor's claim that ..."), and "In a statement, X ..."
   or "In the poll, ..." where no verb reports;
7. attributions in a photo caption are dropped unless a speech verb reports them;
8. a quote left without a cue continues the previous speaker (the "floating" quote, and the
   second half of a quote split by its cue).
An attribution inside another's content is the outer source's report and is dropped, unless it is
the whole of that report ("X reported that officials said ...": the officials, via X).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from .. import errors
import numpy
from spacy.attrs import IDX, LEMMA, LOWER, SENT_START

from ..record import Attribution, Record
from . import annotator, cues, quotes, sources

Span = tuple[int, int]

_SUBJECT_DEPS = ("nsubj", "csubj")
_OBJECT_PRONOUNS = {"him", "her", "them", "me", "us"}
_CLIMB_DEPS = ("conj", "advcl", "xcomp", "pcomp", "prep", "dep")
_CONTENT_DEPS = ("ccomp", "csubjpass")
_EDGE_PUNCT = {",", ".", ";", ":", "—", "–", "-", "--", "(", ")"}
_BEFORE_STANDALONE = set(":,.?!—–-(") | {""}
_SENTENCE_END = {".", "?", "!"}
_COORDINATORS = {"and", "or", "but"}
_FLOATING_MIN_WORDS = 4
_FLOATING_REACH = 2  # paragraphs back a floating quote may look for its speaker
_LINE_START = re.compile(r"\n(?=[^\n])")
# an embedded post or a pull-quote signed on its last line: "... — City Water (@citywater) May 5, 2019"
_NAME = r"(?P<name>[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|of|the|de|la|van|von|and|&))*)"
_SIGNATURE = _NAME + r"\s*(?:\(@\w{1,30}\))?\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})?\s*$"
_POST_SIGNED = re.compile(r"\s[—–]\s*" + _NAME + r"\s*\(@\w{1,30}\)\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})?\s*$")
_NAME_LINE = re.compile(r"\s*(?:[—–]|--?)\s*" + _SIGNATURE)


@dataclass(slots=True)
class Found:
    """An attribution as found in the parse, before its source is resolved."""

    kind: str
    content: Span
    cue: Optional[Span] = None
    cue_token: Optional[int] = None
    speaker_token: Optional[int] = None  # head of the speaker's phrase
    speaker: Optional[Span] = None
    lemma: Optional[str] = None
    distancing: bool = False
    mode: str = "speech"
    cue_kind: Optional[str] = None  # what the cue verb reports (cues.CUE_KINDS)
    verb: Optional[Span] = None  # the cue's verb itself, without its auxiliaries
    topic: bool = False  # the content is what the report is about, not what was said
    continues: Optional["Found"] = None  # the attribution whose speaker this one keeps
    via_tokens: list[int] = field(default_factory=list)  # heads of phrases that carried it
    within: Optional["Found"] = None  # the report it is part of ("X reported that officials said ...")


class Article:
    """The parse with the lookups the passes share."""

    def __init__(self, record: Record, doc):
        self.record = record
        self.doc = doc
        self.text = doc.text
        scan = quotes.scan(self.text)
        self.quotes = scan.quotes
        self.unbalanced = scan.unbalanced
        # token attributes as plain arrays: one pass in C instead of a Token object per look
        columns = doc.to_array([IDX, LEMMA, LOWER, SENT_START]) if len(doc) else numpy.zeros((0, 4), "uint64")
        self.starts: list[int] = columns[:, 0].tolist()
        self.lemma_ids: list[int] = columns[:, 1].tolist()
        self.lower_ids: list[int] = columns[:, 2].tolist()
        sentence_starts = columns[:, 3].astype("int64") == 1
        if len(doc):
            sentence_starts[0] = True
        self.sent_of: list[int] = (numpy.cumsum(sentence_starts) - 1).tolist()
        bounds = numpy.flatnonzero(sentence_starts).tolist() + [len(doc)]
        self.sent_spans = list(zip(bounds[:-1], bounds[1:]))
        self.quote_of = self._quote_of_tokens()
        self.para_starts = [0] + [m.end() for m in _LINE_START.finditer(self.text)]
        self.captions: dict[int, bool] = {}  # paragraph -> whether it is a photo caption

    def _quote_of_tokens(self) -> list[int]:
        out = [-1] * len(self.starts)
        q = 0
        for i, start in enumerate(self.starts):
            while q < len(self.quotes) and self.quotes[q].end <= start:
                q += 1
            if q < len(self.quotes) and self.quotes[q].start <= start < self.quotes[q].end:
                out[i] = q
        return out

    def tokens_with(self, lemmas: frozenset[str] = frozenset(), lowers: frozenset[str] = frozenset()) -> list:
        """The tokens outside quotes whose lemma or lower-case form is listed, in order."""
        strings = self.doc.vocab.strings
        lemma_ids = {strings[w] for w in lemmas}
        lower_ids = {strings[w] for w in lowers}
        return [self.doc[i] for i, (lem, low) in enumerate(zip(self.lemma_ids, self.lower_ids))
                if (lem in lemma_ids or low in lower_ids) and self.quote_of[i] < 0]

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.para_starts, char) - 1

    def token_at(self, char: int) -> int:
        """The token that starts at or covers ``char`` (the next one when ``char`` is whitespace)."""
        i = bisect.bisect_right(self.starts, char) - 1
        if i >= 0 and char >= self.starts[i] + len(self.doc[i].text):
            i += 1
        return max(0, min(i, len(self.doc) - 1))

    def token_after(self, char: int) -> int:
        """The first token that starts at or after ``char`` (``len(doc)`` if none): the words
        after a quote ending at ``char``, not the token the quote's last mark is glued to."""
        i = self.token_at(char)
        return i + 1 if i < len(self.doc) and self.doc[i].idx < char else i

    def span(self, lo: int, hi: int) -> Span:
        """Character span of tokens lo..hi inclusive."""
        return self.doc[lo].idx, self.doc[hi].idx + len(self.doc[hi].text)


@annotator("attribution")
def annotate(record: Record, doc) -> dict:
    article = Article(record, doc)
    found = find_attributions(article)
    attributions, source_list, entities = sources.resolve(article, found)
    out: dict = {"attributions": attributions, "sources": source_list, "entities": entities}
    if article.unbalanced:
        out["warnings"] = [errors.w_unbalanced_quotes(article.unbalanced)]
    return out


def find_attributions(article: Article) -> list[Found]:
    found: list[Found] = []
    used_cues: dict[int, int] = {}  # cue token -> index in found
    quoted: set[int] = set()  # quotes already attributed
    standalone = [_standalone(article, q) for q in article.quotes]
    _posts(article, found, quoted)
    # direct: the cue follows the quote, then precedes it
    for qi, q in enumerate(article.quotes):
        if not standalone[qi]:
            continue
        cue = _cue_after(article, q)
        if cue is not None:
            _add_direct(article, found, q, cue, used_cues)
            quoted.add(qi)
    for qi, q in enumerate(article.quotes):
        if not standalone[qi] or qi in quoted:
            continue
        cue = _cue_before(article, q)
        if cue is None:
            continue
        if cue.i in used_cues:  # "“...,” he said, “...”": the second half keeps the speaker
            found.append(Found("direct", (q.start, q.end), continues=found[used_cues[cue.i]]))
            quoted.add(qi)
        elif not _has_clause_content(cue, q):
            _add_direct(article, found, q, cue, used_cues)
            quoted.add(qi)
    # indirect and mixed
    for tok in article.tokens_with(lemmas=cues.cue_lemmas() | cues.poll_answer_verbs()):
        if tok.i in used_cues:
            continue
        if tok.pos_ not in ("VERB", "AUX") and not _verb_tagged_otherwise(tok) and _headline_subject(tok) is None:
            continue
        verb = _cue_of(tok)
        if verb is None:
            continue
        negated = any(c.dep_ == "neg" for c in tok.children)
        if negated and not verb.negated or verb.negated == "only" and not negated:
            continue  # "did not say that ...": no report; "returned home": no cue
        cue = _cue_span(article, tok, verb)
        kind, mode, topic = verb.kind, verb.mode, False
        if negated or verb.kind == "decline":
            content = _refusal_content(article, tok, verb, negated)
            if content is None:
                continue
            if not negated and not _refuses_to_speak(article, content):
                kind, mode = "position", "speech"  # "refused to step aside": a stance, not silence
            else:
                kind, mode = "decline", "declined"
        else:
            content, topic = _indirect_content(article, tok, verb)
        if content is None:
            continue
        content, inside = _with_quotes(article, content, quoted)
        if inside and topic and verb.lemma in cues.naming_verbs():
            continue  # "called the plan “reckless”": the quoted label is the subject's words (below)
        f = Found("mixed" if inside else "indirect", content, cue=cue, cue_token=tok.i, lemma=verb.lemma,
                  distancing=verb.distancing, mode=mode, cue_kind=kind, verb=_verb_span(article, tok), topic=topic)
        unreached = mode == "declined" and next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        _set_speaker(article, f, tok, unreached or None)  # "Smith could not be reached": Smith
        if f.speaker_token is None:
            continue
        used_cues[tok.i] = len(found)
        found.append(f)
        for qi in inside:
            quoted.add(qi)
    _according_to(article, found, quoted)
    _named_by_a_verb(article, found, quoted)
    _colon_lines(article, found, quoted)
    _nominal(article, found, quoted)
    _belief_adjectives(article, found, quoted)
    _in_a_document(article, found, quoted)
    found = _outermost(article, [f for f in found if f.cue_kind == "speech" or not _in_caption(article, f)])
    _floating(article, found, quoted, standalone)
    _after_dateline(article, found)
    found.sort(key=lambda f: f.content[0])
    return found


def _in_caption(article: Article, f: Found) -> bool:
    """Is the attribution in a photo caption (a paragraph that ends with a photo credit)? What a
    caption says a picture shows is no one's statement ("This image released by the studio shows
    ..."); only a speech verb there reports words ("Elon Musk says the system ...")."""
    k = article.paragraph(f.content[0])
    if f.cue is not None and article.paragraph(f.cue[0]) != k:
        return False
    end = article.para_starts[k + 1] if k + 1 < len(article.para_starts) else len(article.text)
    return article.captions.setdefault(k, bool(cues.caption_credit().search(
        article.text, article.para_starts[k], end)))


def _after_dateline(article: Article, found: list[Found]) -> None:
    """The dateline ("KHARKIV, Ukraine, March 2 (AP) —") is no one's words: a content that the
    parse ran back over it starts after it."""
    dateline = article.record.dateline
    end = dateline.end if dateline is not None else 0
    if not end:
        return
    while end < len(article.text) and article.text[end].isspace():
        end += 1
    for f in found:
        if f.content[0] < end < f.content[1]:
            f.content = (end, f.content[1])


def _outermost(article: Article, found: list[Found]) -> list[Found]:
    """Drop an indirect attribution whose cue lies inside another's content: the words are the
    outer source's report ("Sources report that Trump asked him to assure them that ..."). A
    participle after a comma (", noting that ...") is the outer speaker going on: it is kept, and
    the outer content ends before it."""
    # a post's words carry their own reports ("... the union says ambulances are late — Jane Roe
    # (@janeroe)"): a post is no outer report
    outers = sorted((f for f in found if f.kind != "according_to" and not (f.cue is None and f.cue_kind == "speech")),
                    key=lambda f: f.content[0])
    starts = [f.content[0] for f in outers]
    keep = []
    for f in found:
        if f.kind in ("indirect", "mixed") and f.cue is not None:
            k = bisect.bisect_right(starts, f.cue[0])
            outer = next((o for o in reversed(outers[max(0, k - 8):k]) if o is not f
                          and o.content[0] <= f.cue[0] and f.cue[1] <= o.content[1]), None)
            if outer is not None and article.doc[f.cue_token].pos_ == "NOUN":
                keep.append(f)  # "disputed the mayor's claim that ...": the claim is still the mayor's
                continue
            if outer is not None:
                cue = article.doc[f.cue_token]
                comma = cue.i - 1
                if cue.dep_ == "ccomp" and cue.head.i == outer.cue_token and outer.speaker_token is not None \
                        and not f.topic and f.mode == "speech" and f.cue_kind != "document":
                    # "The Times reported that officials said ...": the outer source carried it. A
                    # belief, a document's finding or a topic inside a report is the outer source's
                    # own account ("said Kyiv had asked for missiles", "said he thinks that ...")
                    f.via_tokens.append(outer.speaker_token)
                    f.within = outer
                    keep.append(f)
                    continue
                going_on = (cue.tag_ == "VBG" and cue.dep_ == "advcl" and article.doc[comma].text == ",") or (
                    cue.dep_ == "conj" and article.doc[comma].lower_ in _COORDINATORS
                    and not any(c.dep_ in _SUBJECT_DEPS for c in cue.children))
                subject = next((c for c in cue.children if c.dep_ in _SUBJECT_DEPS and c.i < cue.i), None)
                joined = subject is not None and subject.left_edge.i >= 2 and cue.dep_ == "conj" \
                    and article.doc[subject.left_edge.i - 1].lower_ in _COORDINATORS \
                    and article.doc[subject.left_edge.i - 2].text in (",", ";")
                after_colon = subject is not None and subject.left_edge.i >= 1 \
                    and article.doc[subject.left_edge.i - 1].text == ":" and subject.left_edge.text[:1].isupper() \
                    and article.quote_of[subject.left_edge.i - 1] < 0 \
                    and outer.content[0] < article.doc[subject.left_edge.i - 1].idx  # not a colon line's own colon
                if after_colon:  # "Polls show voters rejecting him: A poll this month found ...": a report of its own
                    lo = article.token_at(outer.content[0])
                    outer.content = article.span(*_trim(article, lo, subject.left_edge.i - 2))
                    keep.append(f)
                    continue
                if joined:  # "X warned that A, and the agency urged B": a report of its own after the first
                    lo = article.token_at(outer.content[0])
                    outer.content = article.span(*_trim(article, lo, subject.left_edge.i - 2))
                    keep.append(f)
                    continue
                if not going_on:  # "said X and promised that Y": the speaker's second report
                    continue
                if outer.cue_token is not None and outer.cue_token > cue.i:
                    # the outer verb comes later ("asked the boy, who ... and said his name was
                    # Mason, as the audience applauded"): this report does not go on from it, and
                    # two reports must never each go on from the other
                    keep.append(f)
                    continue
                lo = article.token_at(outer.content[0])
                outer.content = article.span(*_trim(article, lo, comma))
                f.speaker_token, f.speaker, f.continues = outer.speaker_token, outer.speaker, outer
        keep.append(f)
    return keep


def _verb_tagged_otherwise(tok) -> bool:
    """"Tax records obtained by the paper show that ...": a cue word the tagger took for a noun but
    that governs a clause, with a subject of its own or a noun right before it, is the verb."""
    if not any(c.dep_ == "ccomp" for c in tok.children):
        return False
    return _stranded_subject(tok) is not None or any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children)


def _cue_of(tok) -> Optional[cues.CueVerb]:
    if _licensed(tok):
        return None  # "not authorized to discuss the talks": why a source is unnamed, not what it said
    if tok.lemma_.lower() in cues.reaction_verbs() and any(
            c.dep_ in _SUBJECT_DEPS and c.lemma_.lower() in cues.audience_nouns() for c in tok.children):
        return None  # "the crowd applauded the decision": a reaction, no statement
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), "")
    if not particle and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "it":
        with_it = cues.cue_verb(tok.lemma_.lower(), "it")  # "as the mayor put it"
        if with_it is not None:
            return with_it
    return cues.cue_verb(tok.lemma_.lower(), particle) or (_poll_answer(tok) if not particle else None)


def _licensed(tok) -> bool:
    """"were not authorized to discuss the talks", "is not permitted to comment", "officials cleared
    to speak": a reporting verb in the infinitive after a word of leave to speak states a licence
    (or its want), not a statement."""
    head = tok.head
    return tok.dep_ == "xcomp" and head.i != tok.i and head.lemma_.lower() in cues.permission_words() \
        or tok.dep_ == "xcomp" and head.lower_ in cues.permission_words()


def _poll_answer(tok) -> Optional[cues.CueVerb]:
    """"46 percent would choose Clinton", "a majority of voters approve of ...": a share of people
    answering a poll, the subject of this verb or of the verb it is joined to."""
    verb = cues.poll_answer(tok.lemma_.lower())
    if verb is None:
        return None
    subj = subject_of(tok)
    if subj is None or not (subj.lemma_.lower() in cues.share_nouns() or subj.like_num):
        return None
    return verb


def _quote_cue(tok) -> Optional[cues.CueVerb]:
    """A verb that can introduce a quote: any cue but a refusal ("declined", "could not be reached")."""
    verb = _cue_of(tok)
    return verb if verb is not None and verb.kind != "decline" else None


def _verb_span(article: Article, tok) -> Span:
    """The verb with its particle: "said", "pointed out"."""
    hi = tok.i
    for c in tok.children:
        if c.dep_ == "prt" and c.i == hi + 1:
            hi = c.i
    return article.span(tok.i, hi)


def _cue_span(article: Article, tok, verb: Optional[cues.CueVerb] = None) -> Span:
    """The cue as a reader quotes it: the verb group, with the auxiliaries, the negation and the
    adverbs before the verb ("has also said", "did not immediately respond"), its particle and a
    preposition that takes the content ("called for", "lashed out at")."""
    doc = article.doc
    lo = tok.i
    while lo > 0:
        prev = doc[lo - 1]
        if prev.head.i != tok.i or article.quote_of[prev.i] >= 0 or not (
                prev.dep_ in ("aux", "auxpass", "neg") or prev.dep_ == "advmod" and prev.tag_ in ("RB", "RBR", "RBS")):
            break
        lo -= 1
    hi = tok.i
    preps = verb.preps if verb is not None else ()
    for c in sorted(tok.children, key=lambda c: c.i):
        if c.i == hi + 1 and (c.dep_ == "prt" or c.dep_ == "prep" and c.lower_ in preps and not _when_only(c)):
            hi = c.i
    if hi == tok.i and hi + 1 < len(doc) and _marks_content(doc[hi + 1], tok, preps):
        hi += 1  # "called for Congress to act": the preposition the parser made the clause's mark
    return article.span(lo, hi)


def _marks_content(mark, tok, preps) -> bool:
    """"called for Congress to act": ``mark``, a preposition of the verb's (``preps``) that the
    parser made the mark of an infinitive clause with a subject, the verb's content."""
    clause = mark.head
    return mark.dep_ == "mark" and mark.lower_ in preps and clause.head.i == tok.i and clause.i > tok.i \
        and clause.dep_ in ("advcl", "ccomp") and clause.tag_ == "VB" and mark.i == clause.left_edge.i \
        and any(x.dep_ == "aux" and x.lower_ == "to" for x in clause.children)


def _standalone(article: Article, q: quotes.Quote) -> bool:
    """Does the quote stand as (part of) a sentence of its own, not as a phrase inside one?"""
    text = article.text
    i = q.start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    before = text[i] if i >= 0 else ""
    if _names_a_thing(article, q):
        return False
    if before == "\n" or before in _BEFORE_STANDALONE:
        return True
    tok = article.doc[article.token_at(i)] if i >= 0 else None
    return tok is not None and _quote_cue(tok) is not None and tok.pos_ in ("VERB", "AUX")


def _names_a_thing(article: Article, q: quotes.Quote) -> bool:
    """“The Kid Who Would Be King” reclaims ...: a quoted title the sentence goes on from, with no
    punctuation of its own, names a thing; nobody says it."""
    text = article.text
    inner = text[q.start:q.end].rstrip("\"”’»'")
    if not inner or inner[-1] in ".,?!;:…—-":
        return False
    nxt = article.token_at(q.end)
    doc = article.doc
    if nxt >= len(doc) or doc[nxt].idx < q.end or not doc[nxt].text[:1].isalpha():
        return False
    return not any(_cue_of(doc[k]) is not None for k in range(nxt, min(nxt + 3, len(doc))))


def _cue_after(article: Article, q: quotes.Quote):
    """The reporting verb between the quote's end and the end of its sentence, if any."""
    text, doc = article.text, article.doc
    if q.end >= len(text):
        return None
    if text[q.start:q.end].rstrip("\"”’»' ").endswith("."):
        return _frame_after(article, q)  # “... over.” A new sentence follows; "?" and "!" may still take a cue
    nxt = article.token_after(q.end)
    limit = min(len(doc), nxt + 25)
    for i in range(nxt, limit):
        tok = doc[i]
        if _leaves_sentence(article, i, nxt):
            return None
        if tok.text in _SENTENCE_END:
            return None
        if tok.pos_ in ("VERB", "AUX") and _quote_cue(tok) is not None:
            return tok
        if tok.dep_ == "ROOT" and tok.pos_ in ("VERB", "AUX"):
            return None  # “...?” The station is, as one critic put it, ...: a sentence of its own
    return None


def _leaves_sentence(article: Article, i: int, first: int) -> bool:
    """Whether token ``i``, read on from token ``first`` after a quote, is past the quote's
    sentence: inside another quote, or after a line break."""
    doc = article.doc
    return article.quote_of[i] >= 0 or "\n" in doc[i].text or i > first and "\n" in doc[i - 1].whitespace_


def _frame_after(article: Article, q: quotes.Quote):
    """The cue of a sentence that is nothing but a frame for the quote before it: “... missing.”
    Trump said. / “... over.” said the mayor on Monday. A sentence saying more is its own."""
    doc = article.doc
    nxt = article.token_after(q.end)
    cue, verbs = None, 0
    for i in range(nxt, min(len(doc), nxt + 8)):
        tok = doc[i]
        if _leaves_sentence(article, i, nxt):
            return None
        if tok.text in _SENTENCE_END:
            return cue if verbs == 1 and i > nxt + 1 else None
        if tok.pos_ in ("VERB", "AUX"):
            verbs += 1
            found = _quote_cue(tok)
            if found is None or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children):
                return None
            cue = tok
    return None


def _cue_before(article: Article, q: quotes.Quote):
    """The reporting verb introducing the quote: "She said: “...”", "he added, “...”"."""
    doc = article.doc
    first = article.token_at(q.start)
    if first == 0 or doc[first].idx > q.start:
        return None
    prev = first - 1
    while prev >= 0 and doc[prev].is_space:
        prev -= 1
    if prev < 0 or "\n" in doc[prev].whitespace_:
        return None
    if doc[prev].text in (":", ","):
        prev -= 1
    for i in range(prev, max(-1, prev - 12), -1):
        tok = doc[i]
        if article.quote_of[i] >= 0 or tok.text in _SENTENCE_END or "\n" in tok.whitespace_:
            return None
        if tok.pos_ in ("VERB", "AUX") and _quote_cue(tok) is not None:
            return tok
    return None


def _has_clause_content(cue, q: quotes.Quote) -> bool:
    """The verb has its own clause before the quote ("said that X, “...”"): an indirect one."""
    return any(c.dep_ in _CONTENT_DEPS and c.idx < q.start for c in cue.children)


def _add_direct(article: Article, found: list[Found], q: quotes.Quote, cue, used_cues: dict[int, int]) -> None:
    verb = _cue_of(cue)
    f = Found("direct", (q.start, q.end), cue=_cue_span(article, cue, verb), cue_token=cue.i, lemma=verb.lemma,
              distancing=verb.distancing, mode=verb.mode, cue_kind=verb.kind, verb=_verb_span(article, cue))
    _set_speaker(article, f, cue, _speaker_beside(article, q, cue))
    used_cues[cue.i] = len(found)
    found.append(f)


_PHRASE_STOPS = {",", ".", ";", ":", "—", "–", "--", "(", ")", "?", "!"}


def _speaker_beside(article: Article, q: quotes.Quote, cue):
    """The speaker of a quote whose cue follows it, read from the words: the phrase between the
    quote and the cue ("“...,” the minister said") or right after the cue up to the next comma
    ("“...,” said one, Hiroshi Tanabe, who ..."). The parse of these inverted sentences changes
    with the names in them; where the words settle it they win."""
    doc = article.doc
    nxt = article.token_after(q.end)
    while nxt < cue.i and doc[nxt].text in _PHRASE_STOPS:
        nxt += 1
    if cue.i < nxt:
        return None
    if cue.i == nxt:
        lo = hi = cue.i + 1
        while hi < len(doc) and doc[hi].text not in _PHRASE_STOPS and not doc[hi].is_space \
                and article.quote_of[hi] < 0 and article.sent_of[hi] == article.sent_of[cue.i]:
            hi += 1
    else:
        lo, hi = nxt, cue.i
        if any(article.quote_of[i] >= 0 or doc[i].text in _SENTENCE_END for i in range(lo, hi)):
            return None
    return _phrase_head(doc, lo, hi)


_NOUN_PHRASE_POS = ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "PART", "CCONJ")


def _phrase_head(doc, lo: int, hi: int):
    """The head of the noun phrase that opens doc[lo:hi], by word order: its last noun before a
    preposition, a verb or a comma ("oil and gas worker Mike Wipf on Monday" -> Wipf)."""
    head = None
    for t in doc[lo:hi]:
        if t.tag_ == "HYPH" or t.tag_ == "POS":  # "Holtz-Eakin", "the minister's"
            continue
        if t.lower_ == "of" and head is not None and head.pos_ == "PROPN" and t.i + 1 < hi \
                and doc[t.i + 1].pos_ == "PROPN":
            continue  # "University of Toronto political scientist Jane Doe": a name with "of" in it
        # "Ottawa epidemiologist Raywat Deonandan": a role noun between names the parser took for a verb
        titled = head is not None and head.pos_ == "PROPN" and t.pos_ == "VERB" and t.i + 1 < hi \
            and doc[t.i + 1].pos_ == "PROPN" and (t.lower_ in cues.person_roles() or t.tag_ in ("NN", "VBP"))
        if not titled and (t.pos_ not in _NOUN_PHRASE_POS or (t.pos_ == "CCONJ" and head is None)):
            break
        if titled or t.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            head = t
    return head


def _headline_subject(tok):
    """"Federal court rules against Ohio purges", "Trump slams Clinton over emails": a headline with
    no finite verb, where the parser read the cue (a verb in -s) as a noun heading the line and the
    subject as its modifier: that modifier (None where this is no such line)."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "ROOT" or not tok.lower_.endswith("s") or tok.i == 0:
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ in _FINITE_TAGS for t in tok.sent):
        return None
    subject = tok.doc[tok.i - 1]
    if subject.head.i != tok.i or subject.dep_ not in ("compound", "amod", "nmod") \
            or subject.pos_ not in ("NOUN", "PROPN") or "\n" in subject.whitespace_:
        return None
    return subject


def subject_of(tok):
    """The speaker of a reporting verb: its subject, or its governing verb's ("..., saying that"),
    or the noun it describes ("a statement saying", "an official quoted by")."""
    headline = _headline_subject(tok)
    if headline is not None:
        return headline
    inverted = _inverted_speaker(tok)
    if inverted is not None:
        return inverted
    if _passive_with_agent(tok):  # "was rejected by a regional parliament"
        agent = next(c for c in tok.children if c.dep_ == "agent")
        by = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if by is not None:
            return by
    node = tok
    for _ in range(5):
        subjects = [c for c in node.children if c.dep_ in _SUBJECT_DEPS or (c.dep_ == "nsubjpass" and node.i != tok.i)]
        if subjects:  # two subjects is a misparse ("a step Iran says"): the nearest before the verb
            before = [c for c in subjects if c.i < node.i]
            return _name_before(tok, before[-1] if before else subjects[0])
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN", "PRON") and _can_hold_it(node, node.head):
            return sources.issuer_of(node.head) or node.head  # "issued a statement calling ...": the issuer
        if node.dep_ not in _CLIMB_DEPS or node.head.i == node.i:
            break
        if node.dep_ == "xcomp":  # "asked the minister to confirm": the object speaks
            obj = next((c for c in node.head.children if c.dep_ in ("dobj", "dative")), None)
            if obj is not None:
                return obj
        node = node.head
    return _stranded_subject(tok)


def _can_hold_it(verb, noun) -> bool:
    """"talks intending to reach a deal": a thought is held by someone, a person or a body, not by
    whatever noun a participle describes (said, a statement can be)."""
    cue = cues.cue_verb(verb.lemma_.lower())
    if cue is None or cue.mode != "thought" or noun.pos_ != "NOUN":
        return True
    lemma = noun.lemma_.lower()
    return lemma in cues.person_roles() or lemma in cues.group_nouns() or lemma in ("people", "person")


def _name_before(tok, subject):
    """"a step Iran says it has no intention of taking": a proper name right before the verb,
    hung on the parser's subject as an apposition with no comma, is the one who speaks."""
    if tok.i == 0 or subject.i >= tok.i - 1:
        return subject
    prev = tok.doc[tok.i - 1]
    if prev.pos_ == "PROPN" and prev.dep_ == "appos" and prev.head.i == subject.i \
            and not any(t.is_punct for t in tok.doc[subject.i + 1:prev.i]):
        return prev
    return subject


def _stranded_subject(tok):
    """A verb the parser left without a subject ("Sources | report that ..." split by a wrong
    sentence break; "advocate Josh Matlow told ..." read as an object): the name or noun right
    before it is its subject."""
    if tok.i == 0:
        return None
    prev = tok.doc[tok.i - 1]
    if prev.pos_ in ("NOUN", "PROPN", "PRON") and prev.dep_ not in ("pobj", "poss", "compound") \
            and "\n" not in prev.whitespace_:
        return prev
    return None


def _inverted_speaker(tok):
    """", argued Palvetzian." / ", insists Xander Wise,": the parser takes the speaker after the verb
    for its object; without a subject of its own, a name right after the verb speaks. A participle
    is never inverted: in ", telling Reuters ...", ", saying Monday ...", ", calling the protester
    ..." the one after it is whom or when it speaks to, and the speaker is its clause's subject."""
    if any(c.dep_ in _SUBJECT_DEPS for c in tok.children) or tok.tag_ == "VBG":
        return None
    if tok.i == 0 or tok.doc[tok.i - 1].text not in (",", "”", '"', "’"):
        return None
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("dobj", "attr", "dative", "npadvmod", "appos") and (
                c.pos_ == "PROPN" or c.ent_type_ == "PERSON" or c.lemma_.lower() in cues.person_roles()):
            return c
    return None


def _shared_subject(article: Article, cue):
    """"X said that A and promised that B": a reporting verb after "and" with no subject of its own
    shares the subject of the reporting verb before it in the sentence, whichever word the parser
    coordinated it with (it may even pick one inside the quote)."""
    doc = article.doc
    if cue.dep_ != "conj" or cue.i < 2 or doc[cue.i - 1].lower_ not in _COORDINATORS \
            or any(c.dep_ in _SUBJECT_DEPS for c in cue.children):
        return None
    sent_start = article.sent_spans[article.sent_of[cue.i]][0]
    for i in range(cue.i - 2, sent_start - 1, -1):
        t = doc[i]
        if article.quote_of[i] < 0 and t.pos_ == "VERB" and _cue_of(t) is not None:
            subj = subject_of(t)
            return subj if subj is not None and article.quote_of[subj.i] < 0 else None
    return None


def _set_speaker(article: Article, f: Found, cue, subj=None) -> None:
    subj = subj if subj is not None else _shared_subject(article, cue) or subject_of(cue)
    if subj is None or subj.lower_ == "there" or article.quote_of[subj.i] >= 0:
        return
    f.speaker_token = subj.i
    f.speaker = sources.phrase_span(article, subj)
    if subj.i < cue.i and cue.idx < f.speaker[1]:  # "analysts saying ...": the speaker ends before the cue
        lo = article.token_at(f.speaker[0])
        # "analysts saying": before the participle's phrase; "A union ... endorsed X, another
        # example of ...": an apposition the parser hung on the subject across the verb, before the verb
        hi = (cue.left_edge.i if cue.left_edge.i > lo else cue.i) - 1
        while hi > lo and (article.doc[hi].is_punct or article.doc[hi].is_space):
            hi -= 1
        f.speaker = article.span(lo, max(lo, hi))
    for c in cue.children:
        if c.dep_ in ("dobj", "dative") and cue.lemma_ in ("tell", "say") and sources.media_phrase(article, c):
            f.via_tokens.append(c.i)
        if c.dep_ == "prep" and c.lower_ in ("in", "to", "with"):
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_ == "interview":
                    for w in p.children:
                        if w.dep_ == "prep" and w.lower_ == "with":
                            f.via_tokens.extend(x.i for x in w.children if x.dep_ == "pobj")
                elif p.dep_ == "pobj" and c.lower_ == "to" and sources.media_phrase(article, p):
                    f.via_tokens.append(p.i)


def _indirect_content(article: Article, tok, verb: cues.CueVerb) -> tuple[Optional[Span], bool]:
    """What the verb reports, and whether that is a topic (what the report is about or aims at:
    "criticised the plan", "talked about the economy") rather than a statement."""
    topic = False
    # "found him lying on the couch": what was seen, not said (but "polls show the lead eroding")
    clauses = [c for c in tok.children if c.dep_ in _CONTENT_DEPS and not (
        c.tag_ == "VBG" and any(x.dep_ == "nsubj" and x.lower_ in _OBJECT_PRONOUNS for x in c.children))
        and not _across_a_colon(article, c, tok)]
    if not clauses:  # "stated that the groundwork ...", however the parser tagged the clause
        clauses = [c for c in tok.children if c.lower_ == "that" and c.tag_ == "IN" and c.i > tok.i
                   and c.dep_ != "mark" and sum(1 for _ in c.subtree) >= 3][:1]
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is not None and clauses and all(c.i > obj.i and not any(
            x.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for x in c.children) for c in clauses):
        clauses = [obj] + clauses  # "found 31 incidents of fraud out of a billion ballots cast": one object, misparsed
    below = _that_clause_below(tok)
    if below and not any(tok.i < c.i < below[0].i for c in clauses):
        # the "that"-clause opens the content; a clause the parser split off after it goes on with it
        clauses = below + [c for c in clauses if c.i > below[0].i]
    subject_from = None
    if not clauses and verb.kind in ("speech", "belief"):
        # "said after the convention he would not accept ...": a finite clause with a subject and no
        # subordinator, which the parser hung as an adverbial clause because a phrase came first
        clauses = [c for c in tok.children if c.dep_ == "advcl" and c.i > tok.i and _bare_finite(c)][:1]
        if clauses:
            subject_from = next(c for c in clauses[0].children if c.dep_ in ("nsubj", "nsubjpass")).left_edge.i
    if not clauses and verb.kind in ("speech", "belief"):
        # "told reporters before the vote that he would resign": a "that"-clause the parser hung on the
        # noun of a phrase after the verb as a relative clause, though it tagged "that" a conjunction
        clauses = [r for p in tok.children if p.dep_ == "prep" and p.i > tok.i for o in p.children
                   if o.dep_ == "pobj" for r in o.children if r.dep_ == "relcl" and _that_opens(r)][:1]
    if not clauses and _passive_with_agent(tok):  # "was rejected by parliament": the subject
        clauses = [c for c in tok.children if c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN")][:1]
        topic = bool(clauses)
    if not clauses and _agent_participle(tok, verb):  # "a plan backed by unions": the plan
        head = tok.head
        lo, hi = _trim(article, head.left_edge.i, tok.left_edge.i - 1)
        doc = article.doc
        if hi >= lo >= _segment(article, tok.i)[0] and not any(
                article.quote_of[k] >= 0 or doc[k].pos_ == "VERB" and _cue_of(doc[k]) is not None
                for k in range(lo, hi + 1)):  # the noun's own report is no topic of this one
            return article.span(lo, hi), True
    if not clauses and verb.object_content and not verb.object_as and verb.kind in _RELATIVE_OBJECT_KINDS:
        antecedent = _relative_object(article, tok)
        if antecedent is not None:  # "the strategy, which the bank detailed in filings": the strategy
            return antecedent, True
    if not clauses and verb.object_content:
        clauses = _object_content(tok, verb)
        topic = bool(clauses)
    if not clauses and verb.preps:
        clauses = _prep_content(tok, verb)
        topic = bool(clauses)
    if not clauses and verb.infinitive_content:  # "vowed to fight on", "urged Congress to act"
        addressee = [c for c in tok.children if c.dep_ in ("dobj", "dative") and c.i > tok.i][:1]
        clauses = [c for c in tok.children if _infinitive_complement(tok, c, verb)
                   and (sum(1 for _ in c.subtree) >= 3 or addressee and addressee[0].i < c.i)][:1]
        if clauses and addressee and addressee[0].i < clauses[0].i:
            clauses = addressee + clauses  # the request with whom it asks: "countries to act"
    if not clauses and verb.infinitive_content and verb.mode == "thought":
        # "wants all hostages freed": the object and its participle are the wish, whether the
        # parser reads them as a clause or as a noun with a participle after it
        clauses = [c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i
                   and any(a.dep_ == "acl" and a.tag_ == "VBN" and a.i == c.i + 1 for a in c.children)][:1]
    if not clauses:  # "73 percent said the same of Trump", "said as much", "thinks so": a report that refers back
        clauses = [c for c in tok.children if c.i > tok.i and _refers_back(c)][:1]
    if not clauses:
        return _as_frame(article, tok) or _parenthetical_content(article, tok) or _framed_content(article, tok) \
            or _fronted_clause(article, tok), False
    first = next((c for c in clauses if c.i > tok.i), clauses[0])
    side_after = first.i > tok.i
    clauses = [c for c in clauses if (c.i > tok.i) == side_after]
    # "says he drank too much, used drugs and was ...", "said that X and that Y": the clause runs on
    if side_after:
        clauses += [c for c in tok.children if c.dep_ == "conj" and c.i > first.i and c.pos_ in ("VERB", "AUX")
                    and _cue_of(c) is None and (not any(x.dep_ in _SUBJECT_DEPS for x in c.children)
                                                or any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children))]
    seg_lo, seg_hi = _segment(article, tok.i)
    toks = [t.i for c in clauses for t in c.subtree if (t.i > tok.i) == side_after and not _is_according(t)
            and seg_lo <= t.i < seg_hi and (subject_from is None or t.i >= subject_from)
            and not _marks_content(t, tok, verb.preps)]  # the cue's: "called for"
    if clauses[0].dep_ == "dobj" and not verb.object_as:
        # "stressed the collaboration as working towards ...": the object is the content, the
        # "as" phrase the verb's, wherever the parser hung it
        as_phrase = {t.i for c in clauses[0].children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree}
        toks = [i for i in toks if i not in as_phrase]
    if toks and side_after and verb.question and _is_question(article.doc[min(toks)]):
        return None, False
    if toks and not side_after:
        toks += _tail_after_frame(article, tok, max(toks), seg_hi)
    elif toks and not topic:
        toks += _clause_runs_on(article, max(toks), seg_hi)
    return _span_of(article, _without_according(article, toks)), topic


def _that_opens(clause) -> bool:
    """A clause whose first word is "that" tagged as a conjunction (a complement, not a relative)."""
    first = clause.doc[clause.left_edge.i]
    return first.lower_ == "that" and first.tag_ == "IN" and first.head.i == clause.i


def _bare_finite(clause) -> bool:
    """A finite clause with its own subject before its verb and no subordinator ("he would not
    accept", not "because he would not" nor "when asked")."""
    children = list(clause.children)
    if any(c.dep_ == "mark" for c in children) or clause.left_edge.tag_ in ("WRB", "WDT", "WP"):
        return False
    finite = clause.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ in ("MD", "VBD", "VBZ", "VBP")
                                                         for c in children)
    return finite and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < clause.i and c.pos_ in ("PRON", "PROPN", "NOUN")
                          for c in children)


def _infinitive_complement(tok, c, verb: cues.CueVerb) -> bool:
    """"vowed to fight on", "urged Congress to act": an infinitive after the verb that is what it
    reports. The parser often hangs it as an adverbial clause ("try to convince the court to throw
    out the rules", "could decline to appeal"); read so, it is the content when it follows the verb
    at once or follows an addressee (a verb whose object is whom it speaks to), and carries no
    "in order"/"so as" of purpose nor a subject of its own."""
    if c.i <= tok.i or c.tag_ != "VB":
        return False
    if c.dep_ == "xcomp":
        return True
    if c.dep_ != "advcl" or c.i < 1 or c.doc[c.i - 1].lower_ != "to" \
            or any(x.dep_ in ("mark", "nsubj", "nsubjpass") for x in c.children):
        return False
    if c.i - 1 == tok.i + 1:
        return True  # "declined to appeal"
    obj = next((x for x in tok.children if x.dep_ in ("dobj", "dative") and tok.i < x.i < c.i), None)
    return obj is not None and not verb.object_content and obj.left_edge.i == tok.i + 1 \
        and obj.right_edge.i == c.i - 2  # "convince the court to ...", not "plans a rally ... to"


_FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
_RELATIVE_OBJECT_KINDS = ("speech", "position", "accusation")


def _relative_object(article: Article, tok) -> Optional[Span]:
    """"the strategy, which the bank detailed in filings", "supplements he has promoted", "the plan
    that the governor criticized": a cue in a relative clause whose object is the noun the clause
    describes reports that noun (its subject is the source). The noun phrase before the clause."""
    head = tok.head
    if tok.dep_ != "relcl" or head.i >= tok.i or head.pos_ not in ("NOUN", "PROPN"):
        return None
    children = list(tok.children)
    subj = next((c for c in children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if subj is None or subj.tag_ in ("WP", "WDT") or subj.lower_ == "that" or any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass", "auxpass") and c.tag_ not in ("WDT", "WP")
            and c.lower_ != "that" for c in children):
        return None  # "officials who said ...", "the plan he said would fail": the noun is no object
    if any(c.dep_ == "prep" and c.i < subj.i for c in children):
        return None  # "the room in which she spoke"
    lo, hi = head.left_edge.i, tok.left_edge.i - 1
    doc = article.doc
    while hi > lo and (doc[hi].is_punct or doc[hi].tag_ in ("WDT", "WP") or doc[hi].lower_ == "that"):
        hi -= 1
    if any(article.quote_of[k] >= 0 for k in range(lo, hi + 1)):
        return None
    return article.span(*_trim(article, lo, hi))


def _fronted_clause(article: Article, tok) -> Optional[Span]:
    """"The men hid under desks, the guard said.": a frame that closes a clause, read by word order
    where the parser took the clause's verb for a participle on its subject ("men hid" as "men who
    hid"): the clause from the sentence start to the comma before the frame's subject, when the frame
    has nothing after its verb but the end of the sentence or a comma."""
    doc = article.doc
    seg_lo, seg_hi = _segment(article, tok.i)
    subjects = [c for c in tok.children if c.dep_ in _SUBJECT_DEPS and c.i < tok.i]
    if not subjects or tok.i + 1 >= seg_hi or doc[tok.i + 1].text not in (",", ".", ";"):
        return None
    subj = subjects[-1]  # "The men hid ..., the guard said": two subjects, the frame's is the nearer
    comma = subj.left_edge.i - 1  # "..., whose name she would not reveal": no frame of its own
    if comma <= seg_lo + 1 or doc[comma].text != ",":
        return None
    head = doc[seg_lo:comma]
    verbs = [t for t in head if t.pos_ in ("VERB", "AUX") and (t.tag_ in _FINITE_TAGS or t.dep_ in ("acl", "ROOT"))]
    if head[0].pos_ in ("SCONJ", "ADP") or not verbs or not any(t.pos_ in ("NOUN", "PROPN", "PRON")
                                                                   for t in doc[seg_lo:verbs[0].i]) \
            or any(article.quote_of[t.i] >= 0 or t.text in (":", ";") for t in head):
        return None
    return _span_of(article, list(range(seg_lo, comma)))


_RUN_ON = {"so", "unless", "because", "although", "though", "while"}


def _refers_back(tok) -> bool:
    """The object of a cue that stands for a report already made or an answer given: "the same",
    "as much", "that" ("by the time he said that."), "so", "yes" or "no" right after the verb."""
    doc = tok.doc
    if tok.dep_ == "dobj" and tok.lower_ == "same":
        return any(c.lower_ == "the" for c in tok.children)
    if tok.dep_ == "dobj" and tok.lower_ in ("that", "this") and tok.i == tok.head.i + 1:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        return nxt is None or nxt.is_punct or nxt.lower_ in ("of", "about")
    if tok.lower_ in ("yes", "no") and tok.i == tok.head.i + 1:
        return tok.i + 1 == len(doc) or doc[tok.i + 1].is_punct or doc[tok.i + 1].pos_ == "CCONJ"
    if tok.lower_ == "much":
        return tok.i > 0 and doc[tok.i - 1].lower_ == "as"
    return tok.lower_ == "so" and tok.dep_ == "advmod" and tok.i == tok.head.i + 1 and (
        tok.i + 1 == len(doc) or doc[tok.i + 1].is_punct or doc[tok.i + 1].pos_ in ("ADP", "CCONJ")
        and doc[tok.i + 1].lower_ != "that")  # not "said so many things", "so that"


def _clause_runs_on(article: Article, content_end: int, seg_hi: int) -> list[int]:
    """"said he can focus, so he can spend it with her", "said they won't vote on it, unless ...": a
    clause subordinate to the reported one, to the end of the sentence, goes on with the report
    however the parser hung it, unless it has a cue or a quote of its own. (A clause after "but" or
    "and" is a main clause: it may be the writer's.)"""
    doc = article.doc
    k = content_end + 1
    if k + 1 >= seg_hi or doc[k].text != "," or doc[k + 1].lower_ not in _RUN_ON:
        return []
    tail = range(k + 2, seg_hi)
    if any(article.quote_of[i] >= 0 or _cue_of(doc[i]) is not None and doc[i].pos_ == "VERB" for i in tail):
        return []
    if not any(doc[i].dep_ in ("nsubj", "nsubjpass", "expl") for i in tail):
        return []
    return list(range(k, seg_hi))


_OBJECT_PREPS = ("of", "for", "over", "to", "as", "with")  # "accused X of", "likened X to", "show X with"


def _object_content(tok, verb: cues.CueVerb) -> list:
    """The object a verb's report is about, with what the verb says of it: "endorsed Trump",
    "accused her of lying", "called the charges baseless", "dismissed it as a stunt"."""
    children = list(tok.children)
    obj = next((c for c in children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None:
        return []
    doc = tok.doc
    comma = next((k for k in range(obj.right_edge.i + 1, min(len(doc), tok.right_edge.i + 1)) if doc[k].text == ","),
                 len(doc))
    # a document's finding goes on after its object: "found the mayor about even with her rival"
    # "cited it as an example of ...": after a pronoun, an "as" phrase says what the verb makes of it
    preps = [c for c in children if c.dep_ == "prep" and obj.i < c.i < comma and (
        c.lower_ in _OBJECT_PREPS and (c.lower_ != "as" or verb.object_as or obj.pos_ == "PRON")
        or verb.kind == "document")]
    # what the verb says of the object: "called the charges baseless", "showing her ahead 3 points";
    # a participle too where the parser made it the predicate ("called the charges fabricated")
    predicate = [c for c in children if obj.i < c.i < comma and (c.pos_ != "VERB" or c.dep_ == "oprd")
                 and (c.dep_ == "oprd" or c.dep_ in ("acomp", "dobj", "advmod")
                      and (obj.pos_ == "PRON" or verb.kind == "document"))]  # "polls show the mayor ahead"
    if verb.object_as and not (verb.kind == "document" and _document_subject(tok)):
        # "called climate change a hoax": the parser may hang the predicate on the object
        said_of = predicate or any(c.lower_ == "as" for c in preps) or any(
            c.i > obj.i and (c.dep_ in ("dobj", "attr", "oprd", "amod") and c.pos_ != "VERB"
                             or c.dep_ == "prep" and c.lower_ == "as")
            for c in obj.children)  # "found that action unconstitutional": the parser's adjective after the noun
        if not said_of:
            return []
    elif obj.pos_ in ("PRON", "NUM", "ADV", "X") and not preps and not any(
            c.i > obj.i and c.dep_ in ("oprd", "acomp", "dobj", "advmod") for c in children):
        return []  # "endorsed him": a pronoun alone says nothing a reader can check ("showing her ahead" does)
    if verb.kind == "speech" and (_names_people(obj) or obj.ent_type_ in ("ORG", "NORP", "GPE") and not preps
                                  and not predicate and not any(c.dep_ in ("prep", "acl", "relcl") for c in obj.children)):
        return []  # "denied the visitors", "denied the Flames" (saves), "told reporters": people are no statement
    return [obj] + preps + predicate


def _across_a_colon(article: Article, clause, tok) -> bool:
    """"Polls show voters rejecting him: A poll this month found ...": a clause before the verb that a
    colon outside quotes closes is a sentence of its own, however the parser joined the two."""
    if clause.i > tok.i:
        return False
    return any(article.doc[k].text == ":" and article.quote_of[k] < 0 for k in range(clause.right_edge.i + 1, tok.i))


def _document_subject(tok) -> bool:
    """"A 2014 study found 31 incidents", "the audit found errors": a document's finding is its
    object ("police found a body" is no report)."""
    subj = next((c for c in tok.children if c.dep_ in _SUBJECT_DEPS), None)
    return subj is not None and subj.lemma_.lower() in cues.document_nouns()


_THING_PRONOUNS = ("it", "this", "that")


def _names_people(tok) -> bool:
    """A phrase naming people, not what they said: a pronoun, a person, a people, a role. "It",
    "this", "that" name no one ("cited it as an example")."""
    return tok.pos_ == "PRON" and tok.lower_ not in _THING_PRONOUNS and not any(c.dep_ == "prep" for c in tok.children) \
        or tok.ent_type_ in ("PERSON", "NORP") or tok.lemma_.lower() in cues.person_roles()


def _passive_with_agent(tok) -> bool:
    """"was rejected by parliament", "as reported by the Times", "a plan backed by unions"."""
    children = list(tok.children)
    passive = any(c.dep_ == "auxpass" for c in children) or (
        tok.tag_ == "VBN" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "as") or _participle_on_a_noun(tok)
    return passive and any(c.dep_ == "agent" for c in children)


def _participle_on_a_noun(tok) -> bool:
    """"a plan backed by unions", "the ruling, criticised by both parties,": a past participle
    describing the noun before it. Not "an official quoted by X", "a report cited by X": the one
    who quotes carries the words (sources.py), and says nothing of them."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.i < tok.i and tok.head.pos_ in ("NOUN", "PROPN") \
        and tok.lemma_.lower() not in ("quote", "cite")


def _agent_participle(tok, verb: cues.CueVerb) -> bool:
    """A participle on a noun with an agent, of a verb taking a stance on its object: the noun
    ("a bill backed by", "the deal criticised by"; "the delegates offered by the contest" is none)."""
    return verb.kind in ("position", "accusation") and verb.object_content and not verb.object_as \
        and _participle_on_a_noun(tok) \
        and any(c.dep_ == "agent" for c in tok.children)


def _prep_content(tok, verb: cues.CueVerb) -> list:
    """"called for a ban", "complained about the noise", "called on Congress to act": the object of
    the verb's preposition, with an infinitive that goes on from it."""
    # "called him on Tuesday", "called the office for details": after an object a verb that takes
    # one ("call" someone something) has no content preposition; the phone rang
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "dative") and c.i > tok.i), None) \
        if verb.object_as else None
    prep = next((c for c in tok.children if c.dep_ in ("prep", "prt") and c.i > tok.i and c.lower_ in verb.preps
                 and (obj is None or c.i < obj.i) and not _when_only(c)),
                None)  # the parser reads "called on Republicans" with a particle as often as a preposition
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")] if prep is not None else []
    if not objects and prep is None and obj is None:
        # "called for Congress to act", "called Wednesday for the judge to resign": the parser makes
        # the preposition the mark of an infinitive clause with a subject; the clause is the content
        return [c for c in tok.children if any(_marks_content(m, tok, verb.preps) for m in c.children)][:1]
    if not objects:
        return []
    return objects + [c for c in tok.children if c.dep_ == "xcomp" and c.i > prep.i]


def _when_only(prep) -> bool:
    """"on Tuesday", "on Friday night": a preposition whose object is a date or a time says when,
    never what."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _refusal_content(article: Article, tok, verb: cues.CueVerb, negated: bool) -> Optional[Span]:
    """What a source would not speak about: "declined to comment", "would not say whether ...",
    "did not respond to requests for comment", "could not be reached for comment" (an empty span
    after the cue when nothing follows: "did not respond."). None where there is no refusal:
    "did not say that ..." reports nothing, and "sales declined 5 percent" is no one declining."""
    children = [c for c in tok.children if c.i > tok.i]
    if not negated and not any(_infinitive_complement(tok, c, verb) or c.dep_ == "dobj" and _cue_of(c) is not None
                               for c in children):
        return None
    if negated and any(c.dep_ in _CONTENT_DEPS and not _is_question(c.doc[c.left_edge.i]) for c in children):
        return None
    content, _ = _indirect_content(article, tok, verb)
    if content is not None:
        return content
    _, seg_hi = _segment(article, tok.i)
    toks = [t.i for c in children if c.dep_ in ("prep", "dobj", "xcomp", "dative") for t in c.subtree if t.i < seg_hi]
    if toks:
        return _span_of(article, toks)
    end = _cue_span(article, tok, verb)[1]
    return end, end


def _refuses_to_speak(article: Article, content: Span) -> bool:
    """"declined to comment", "refused to answer questions": the refusal is one to speak (a source
    who said nothing), not a stance ("refused to step aside")."""
    doc = article.doc
    lo, hi = article.token_at(content[0]), article.token_at(max(content[0], content[1] - 1))
    for t in doc[lo:hi + 1]:
        verb = cues.cue_verb(t.lemma_.lower())
        if verb is not None and verb.kind == "speech":
            return True
    return False


def _tail_after_frame(article: Article, tok, content_end: int, seg_hi: int) -> list[int]:
    """"Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt": a cue set off by commas
    inside the clause it reports; what follows its comma goes on with the content, whichever verb
    the parser hung it on."""
    doc = article.doc
    if content_end + 1 >= tok.i or doc[content_end + 1].text != ",":
        return []
    comma = next((k for k in range(tok.i + 1, seg_hi) if doc[k].text == ","), None)
    if comma is None or any(doc[k].pos_ in ("VERB", "AUX") or article.quote_of[k] >= 0
                            for k in range(tok.i + 1, comma)):
        return []
    tail = [k for k in range(comma + 1, seg_hi) if article.quote_of[k] < 0]
    if not tail or doc[tail[0]].pos_ in ("VERB", "AUX") or _cue_of(doc[tail[0]]) is not None:
        return []  # ", adding that ...": the speaker goes on, handled as a report of its own
    if doc[tail[0]].pos_ not in ("SCONJ", "ADP", "ADV") or not any(doc[k].pos_ in ("VERB", "AUX") for k in tail):
        return []  # ", said Mr. Clarke, a banker who ...": about the speaker, not the report
    return tail


def _segment(article: Article, i: int) -> tuple[int, int]:
    """The tokens [lo, hi) of token ``i``'s sentence between semicolons outside quotes: "Fishermen
    say X; officials deny it" reports two things, however the parser joined the halves."""
    doc = article.doc
    lo, hi = article.sent_spans[article.sent_of[i]]
    for k in range(i - 1, lo - 1, -1):
        if doc[k].text == ";" and article.quote_of[k] < 0:
            lo = k + 1
            break
    for k in range(i + 1, hi):
        if doc[k].text == ";" and article.quote_of[k] < 0:
            hi = k
            break
    return lo, hi


def _that_clause_below(tok) -> list:
    """"told reporters at a briefing that China expresses ...": a clause opened by the
    complementiser "that" after the verb's own phrases is what the verb reports, even where the
    parser hung it on a noun in between as a relative clause."""
    doc = tok.doc
    for t in tok.subtree:
        if t.i <= tok.i:
            continue
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ccomp", "xcomp", "conj", "advcl", "parataxis") \
                or t.lower_ in ("so", "such"):
            return []  # another clause comes first, or "so many lies that ...": not this verb's clause
        if t.lower_ == "that" and t.dep_ == "mark" and t.head.i > t.i and t.head.dep_ in ("relcl", "acl", "advcl") \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.head.children):
            return [doc[t.head.i]]
    return []


def _without_according(article: Article, toks: list[int]) -> list[int]:
    """The content without an "according to X" phrase in it, up to the comma or the sentence end
    that closes the phrase: read from the words, wherever the parser hung the phrase."""
    if not toks:
        return toks
    doc = article.doc
    cut: set[int] = set()
    lo, hi = min(toks), max(toks)
    for i in range(lo, hi):
        if doc[i].lower_ == "according" and doc[i + 1].lower_ == "to" and i not in cut:
            j = i
            while j <= hi and not (j > i + 1 and (doc[j].text in (",", ";", "—") or doc[j].text in _SENTENCE_END)):
                cut.add(j)
                j += 1
    return [t for t in toks if t not in cut] if cut else toks


def _as_frame(article: Article, tok) -> Optional[Span]:
    """"As the mayor said on Tuesday, the city will recover", "Hawaii, as one adviser pointed out,
    rarely gets two hurricanes", "..., as Ms. Roe put it.": a cue in a clause opened by "as" right
    before its subject reports the clause it is set off from by commas, whatever the parser made of
    the sentence. Read from the words: "as", the subject, the cue, then a comma or the end."""
    doc = article.doc
    subj = subject_of(tok)
    if subj is None:
        return None
    if subj.i > tok.i:  # "as reported by the Times"
        as_i = tok.i - 1
    else:
        as_i = subj.left_edge.i - 1 if doc[subj.left_edge.i].lower_ != "as" else subj.left_edge.i
    seg_lo, seg_hi = _segment(article, tok.i)
    if as_i < seg_lo or doc[as_i].lower_ != "as" or not (
            as_i == seg_lo or doc[as_i - 1].text == "," or doc[as_i - 1].lower_ in _COORDINATORS):
        return None
    comma = next((k for k in range(tok.i + 1, seg_hi) if doc[k].text == ","), None)
    end = comma if comma is not None else seg_hi
    if any(doc[k].pos_ in ("VERB", "AUX") or article.quote_of[k] >= 0 for k in range(tok.i + 1, end)
           if k != subj.i and not (subj.i > tok.i and subj.left_edge.i <= k <= subj.right_edge.i)):
        return None  # "as he said he would": the clause goes on; no frame
    # "A, and as X noted, B": the frame opens the clause after the coordinator, not the one before
    before = list(range(seg_lo, as_i - 1)) if as_i > seg_lo and doc[as_i - 1].lower_ not in _COORDINATORS else []
    after = list(range(comma + 1, seg_hi)) if comma is not None else []
    toks = [k for k in before + after if not doc[k].is_punct or k != seg_hi - 1]
    if not any(doc[k].pos_ in ("VERB", "AUX") for k in toks):
        return None
    return _span_of(article, _without_according(article, toks))


def _parenthetical_content(article: Article, tok) -> Optional[Span]:
    """"Almost all revenues, they promise, will be returned": a cue set off by commas reports
    the clause around it."""
    head = tok.head
    if tok.dep_ not in ("parataxis", "conj", "advcl", "ccomp") or head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if _inverted_speaker(tok) is None and not any(c.dep_ in _SUBJECT_DEPS for c in tok.children):
        return None  # "The trend, if confirmed, has ...": no one speaks
    frame = sorted(t.i for t in tok.subtree)
    # the frame ends at the comma after the cue: ", two officials said, after weeks of ...": what
    # follows goes on with the reported clause, whichever verb the parser hung it on
    comma = next((i for i in frame if i > tok.i and article.doc[i].text == ","), None)
    if comma is not None:
        frame = [i for i in frame if i < comma]
    while len(frame) > 1 and article.doc[frame[0]].text == ",":  # the parser may hang the comma on the cue
        frame.pop(0)
    before = frame[0] - 1
    if before < 0 or article.doc[before].text != ",":
        return None
    speaker = _inverted_speaker(tok)
    if any(c.dep_ in ("dobj", "xcomp") and c.i > tok.i and (speaker is None or c.i != speaker.i)
           for c in tok.children):
        return None
    inside = set(frame)
    seg_lo, seg_hi = _segment(article, tok.i)
    toks = [t.i for t in head.subtree if t.i not in inside and not _is_according(t) and seg_lo <= t.i < seg_hi]
    if not toks or min(toks) > tok.i:
        return None
    return _span_of(article, toks)


def _framed_content(article: Article, tok) -> Optional[Span]:
    """"These employees, Stumpf explained in the hearing, were well paid": a cue with its subject
    set off by commas inside the clause it reports, however the parser split the sentence: the
    content is the clause around the frame, from the sentence start to the end."""
    doc = article.doc
    seg_lo, seg_hi = _segment(article, tok.i)
    subj = next((c for c in tok.children if c.dep_ in _SUBJECT_DEPS and c.i < tok.i), None)
    if subj is None or any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in tok.children):
        return None
    if subj.tag_ in ("WP", "WDT"):  # "Two aides, who spoke on condition of anonymity, said ...": a
        return None  # relative clause says who the noun is, it frames no report
    opening = subj.left_edge.i - 1
    closing = next((k for k in range(tok.i + 1, seg_hi) if doc[k].text == ","), None)
    if opening <= seg_lo or doc[opening].text != "," or closing is None or closing + 1 >= seg_hi:
        return None
    head_words = doc[seg_lo:opening]
    if head_words[0].pos_ in ("SCONJ", "ADP", "ADV") or any(t.pos_ in ("VERB", "AUX") for t in head_words):
        return None  # "After the vote, X said, ...": a phrase of the frame's, no clause before it
    rest = doc[closing + 1:seg_hi]
    if not any(t.pos_ in ("VERB", "AUX") for t in rest) or any(article.quote_of[t.i] >= 0 for t in head_words):
        return None
    return _span_of(article, list(range(seg_lo, opening)) + list(range(closing + 1, seg_hi)))


def _is_question(first) -> bool:
    """An indirect question ("asked whether ...", "would not say how ...") reports no statement."""
    return first.lower_ in ("if", "whether") or (first.tag_ in ("WDT", "WP", "WP$", "WRB") and first.lower_ != "that")


def _span_of(article: Article, toks: list[int]) -> Optional[Span]:
    if not toks:
        return None
    lo, hi = _trim(article, min(toks), max(toks))
    if hi < lo or (hi == lo and article.doc[lo].pos_ == "PRON"):
        return None
    return article.span(lo, hi)


def _is_according(tok) -> bool:
    node = tok
    for _ in range(3):
        if node.lower_ == "according":
            return True
        node = node.head
    return False


def _trim(article: Article, lo: int, hi: int) -> tuple[int, int]:
    doc = article.doc
    while lo < hi and (doc[lo].text in _EDGE_PUNCT or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].text in _EDGE_PUNCT or doc[hi].is_space or doc[hi].lower_ in _COORDINATORS):
        hi -= 1
    return lo, hi


def _with_quotes(article: Article, content: Span, quoted: set[int]) -> tuple[Span, list[int]]:
    """The quotes inside the content, and the content run on to a quote that continues it in the
    same sentence ("said that X, “and Y.”")."""
    start, end = content
    inside = []
    for qi, q in enumerate(article.quotes):
        if q.end <= start:
            continue
        if q.start >= start and q.end <= end + 1 or q.start < end < q.end:
            inside.append(qi)
            end = max(end, q.end)
        elif q.start >= end and qi not in quoted:
            gap = article.text[end:q.start]
            if gap.strip() in (",", "", ";", "—") and "\n" not in gap:
                inside.append(qi)
                end = q.end
            break
        elif q.start >= end:
            break
    return (start, end), inside


def _according_to(article: Article, found: list[Found], quoted: set[int]) -> None:
    doc = article.doc
    for tok in article.tokens_with(lowers=frozenset({"according"})):
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
        if to is None:
            continue
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            continue
        pp = sorted(t.i for t in tok.subtree) + [to.i]
        pp_lo, pp_hi = min(pp + [tok.i]), max(pp + [x.i for x in source.subtree])
        s_lo, s_hi = article.sent_spans[article.sent_of[tok.i]]
        cut = _subject_taken_by(article, tok, to, pp_hi) if pp_lo - s_lo <= 1 else None
        if cut is not None:
            pp_hi = cut - 1
        # an attribution in the same sentence: "X said ..., according to Y": Y carried X's words
        host = next((i for i, f in enumerate(found) if f.cue_token is not None
                     and article.sent_of[f.cue_token] == article.sent_of[tok.i] and f.kind != "according_to"), None)
        if host is not None:
            found[host].via_tokens.append(source.i)
        if pp_lo - s_lo <= 1:
            lo, hi = pp_hi + 1, s_hi - 1
        else:
            lo, hi = s_lo, pp_lo - 1
            if pp_hi < s_hi - 2:
                hi = s_hi - 1
        lo, hi = _trim(article, lo, hi)
        if hi <= lo:
            continue
        content, inside = _with_quotes(article, article.span(lo, hi), quoted)
        f = Found("according_to", content, cue=article.span(tok.i, to.i), cue_token=tok.i, lemma="according to")
        f.speaker_token = source.i
        f.speaker = sources.phrase_span(article, source)
        if cut is not None:
            f.speaker = (f.speaker[0], min(f.speaker[1], doc[pp_hi].idx + len(doc[pp_hi].text)))
        found.append(f)
        for qi in inside:
            quoted.add(qi)


def _subject_taken_by(article: Article, tok, to, pp_hi: int) -> Optional[int]:
    """"According to numbers from Statistics Canada, the unemployment rate ... is": the parser may
    take the clause's subject for an apposition of the source; where the clause's verb then has no
    subject, the phrase ends at its first comma (the comma's index)."""
    verb = tok.head
    if verb.i <= pp_hi or verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return None
    return next((k for k in range(to.i + 1, pp_hi) if article.doc[k].text == "," and article.quote_of[k] < 0), None)


def _named_by_a_verb(article: Article, found: list[Found], quoted: set[int]) -> None:
    """A quoted phrase that a naming verb puts on something ("calling it a “global takeover”",
    "described the deal as “a betrayal”") is the subject's own words."""
    doc = article.doc
    for qi, q in enumerate(article.quotes):
        if qi in quoted:
            continue
        first = article.token_at(q.start + 1)
        if first >= len(doc) or article.quote_of[first] != qi:
            continue
        node = doc[first]
        while article.quote_of[node.i] == qi and node.head.i != node.i:
            node = node.head
        for _ in range(3):
            if node.lemma_.lower() in cues.naming_verbs() and node.pos_ == "VERB" and article.quote_of[node.i] < 0:
                break
            if node.head.i == node.i:
                break
            node = node.head
        else:
            node = _naming_verb_before(article, q)
            if node is None:
                continue
        if node.lemma_.lower() not in cues.naming_verbs():
            node = _naming_verb_before(article, q) or node
        if node.lemma_.lower() not in cues.naming_verbs() or any(c.dep_ in ("prt", "auxpass") for c in node.children) \
                or node.dep_ == "acl":  # "an app called “Screenwise”": a name, no one's words
            continue
        verb = _cue_of(node)
        f = Found("direct", (q.start, q.end), cue=_cue_span(article, node, verb), cue_token=node.i,
                  lemma=node.lemma_.lower(), cue_kind=verb.kind if verb is not None else "speech",
                  verb=_verb_span(article, node))
        _set_speaker(article, f, node)
        if f.speaker_token is not None:
            found.append(f)
            quoted.add(qi)


def _naming_verb_before(article: Article, q: quotes.Quote):
    """"Ruiz, who called the plan “a giveaway to insurers,” voted no": the quote right after a naming
    verb's object is what the verb calls it, by word order, where the parser hung the quote
    elsewhere (on the sentence's subject as an apposition)."""
    doc = article.doc
    prev = article.token_at(q.start) - 1
    if prev < 0 or article.quote_of[prev] >= 0 or doc[prev].is_punct:
        return None
    node = doc[prev]
    for _ in range(4):
        if node.dep_ == "dobj" and node.right_edge.i == prev:
            verb = node.head
            if verb.pos_ == "VERB" and verb.lemma_.lower() in cues.naming_verbs() and article.quote_of[verb.i] < 0:
                return verb
            return None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


_COLON_PREFIX_MAX = 8  # tokens of a name before a line's colon: "Former Sen. Mary Landrieu (D-La.):"


def _colon_lines(article: Article, found: list[Found], quoted: set[int]) -> None:
    """A line that opens with a name and a colon gives that speaker the rest of the line: the
    headline form "Pence: Flowers won't be at debate" and the transcript form "WALLACE: Let's
    start ...". Not where the words before the colon have a verb ("He added: ..." is a cue of its
    own), label a part of the page ("The Latest:", "Editor's note:"), or what follows has no verb
    (a score or a list: "Sanders: 46")."""
    doc, text = article.doc, article.text
    taken = [f.content for f in found]
    names = {t.text for t in doc if t.pos_ == "PROPN" and not t.text.isupper()}
    for p in article.para_starts:
        first = article.token_at(p)
        if first >= len(doc) or doc[first].idx < p:
            continue
        opened = doc[first].is_quote and article.quote_of[first] >= 0  # a transcript quoted line by line
        if opened:
            first += 1
        lo, hi = article.sent_spans[article.sent_of[first]]
        line_end = text.find("\n", p)
        line_end = len(text) if line_end < 0 else line_end
        colon = next((i for i in range(first, min(hi, first + _COLON_PREFIX_MAX + 1)) if doc[i].text == ":"), None)
        if colon is None or colon == first or _in_parentheses(text, doc[colon].idx):
            continue
        prefix = doc[first:colon]
        transcript = all(t.text.isupper() for t in prefix if t.is_alpha)
        if any(article.quote_of[t.i] >= 0 for t in doc[first:colon + 1]) and not (opened and transcript):
            continue
        opening = _opening_name(article, prefix)
        # "Gillibrand on Hillary Releasing Her Transcripts: ‘I Think She Will.’": a person on a topic;
        # "Clinton to Planned Parenthood: ...", "Mukasey at RNC: ...": whom or where they spoke
        on_topic = opening is not None and opening + 1 < colon and doc[opening + 1].lower_ in ("on", "to", "at")
        # a name known from the article is a name, however the tagger read it ("Gillibrand" a verb)
        checked = [] if on_topic else [t for t in prefix if opening is None or t.i > opening]
        if not (prefix[0].is_alpha or prefix[0].lower_.rstrip(".") in cues.honorifics()) or any(
                t.pos_ in ("VERB", "AUX") or t.pos_ == "ADP" and not _in_parentheses(text, t.idx) for t in checked):
            continue  # "** WINNER:", "The Assassination of Gianni Versace:": a label or a title
        if transcript and not opened and not _named_elsewhere(prefix, names):
            continue  # "BREXIT VOTE:", "EARN, BABY, EARN:": a section's label in capitals, no one named
        words = [t.lower_ for t in prefix if t.lower_ != "the"]
        labels = cues.colon_labels()
        # a name: a proper noun, a transcript's capitals, a document ("Poll:"), or a short run of
        # capitalised words the tagger read as common nouns ("Carter:")
        name_like = any(t.pos_ == "PROPN" or t.text.isupper() and t.is_alpha or t.lemma_.lower() in cues.document_nouns()
                        for t in prefix) or len(prefix) <= 4 and all(t.text[:1].isupper() for t in prefix if t.is_alpha)
        if " ".join(words) in labels or words and words[0] in labels or not name_like:
            continue
        rest = [t for t in doc[colon + 1:article.token_at(line_end - 1) + 1] if not t.is_space]
        if opened and rest and rest[-1].is_quote:
            rest.pop()
        words = [t for t in rest if t.is_alpha]
        headline = len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.7 * len(words)
        said = headline or any(t.pos_ in ("VERB", "AUX") for t in rest) or (
            opening == colon - 1 and len(words) >= 3)  # "Lynch: No outside influence on FBI probe"
        if not rest or rest[0].like_num or not said:
            continue  # "Sanders: 46", "Pledged: 781": a score or a list, not words said
        start, end = rest[0].idx, rest[-1].idx + len(rest[-1].text)
        # a report inside the line is the line's speaker's ("FALLIN: I think he is ..."): the line
        # wins over it (see _outermost); one that runs across the line's start is another reading
        if any(s < start < e or s == start and e > end for s, e in taken):
            continue
        head = next((t for t in reversed(prefix) if t.pos_ in ("PROPN", "NOUN") or t.text.isupper()), prefix[-1])
        speaker_end = colon - 1
        if opening is not None and opening < colon - 1 and (on_topic or _does_something(article, prefix, opening)):
            head, speaker_end = doc[opening], opening  # "Elizabeth Warren Hammers Wells Fargo CEO: ..."
        content, inside = _with_quotes(article, (start, end), quoted) if not opened else ((start, end), [])
        f = Found("direct" if transcript else "mixed" if inside else "indirect", content,
                  cue=article.span(colon, colon), cue_token=colon, lemma=":", cue_kind="speech")
        f.speaker_token = head.i
        f.speaker = article.span(first, speaker_end)
        found.append(f)
        quoted.update(inside)


def _opening_name(article: Article, prefix) -> Optional[int]:
    """The last token of the name of a person the article names elsewhere too, where it opens
    ``prefix`` (after any title: "Dr. Ben Carson"); None if no such name does."""
    lo, hi = prefix[0].idx, prefix[-1].idx + len(prefix[-1].text)
    elsewhere = [ent for ent in article.record.entities if ent.type == "PERSON"
                 and any(e <= lo or s >= hi for s, e in ent.mentions)]
    people = {ent.name for ent in elsewhere} | {ent.name.split()[-1] for ent in elsewhere} | {
        article.text[s:e] for ent in elsewhere for s, e in ent.mentions if e <= lo or s >= hi}  # "Lynch:"

    def opens(text: str) -> Optional[str]:  # the longest of the names that is the whole text or opens it
        return max((n for n in people if text == n or text.startswith(n + " ")), key=len, default=None)

    name = opens(prefix.text)
    if name is None:  # behind a title ("Dr. Ben Carson", "Sen. Warren")
        start = next((t for t in prefix if t.lower_.rstrip(".") not in cues.honorifics()), None)
        if start is None or start.i == prefix.start:
            return None
        name, lo = opens(article.text[start.idx:hi]), start.idx
        if name is None:
            return None
    return article.token_at(lo + len(name) - 1)


def _does_something(article: Article, prefix, last: int) -> bool:
    """A title-case headline that goes on, after the person's name that opens it, with what they
    did ("Elizabeth Warren Hammers Wells Fargo CEO"), which the tagger, reading every capitalised
    word as a name, would lose in one long compound. Not where the words after the name are a
    role ("Obama Spokesman Josh Earnest") or name another person."""
    rest = article.doc[last + 1:prefix.end]
    if len(rest) < 2 or rest[0].is_punct or rest[0].lemma_.lower() in cues.person_roles() \
            or rest[0].lower_.rstrip(".") in cues.honorifics():
        return False
    return not any(e.type == "PERSON" and any(rest[0].idx <= s < rest[-1].idx + len(rest[-1].text) for s, _ in e.mentions)
                   for e in article.record.entities)


def _named_elsewhere(prefix, names: set[str]) -> bool:
    """Whether a transcript's capitals name someone the article names in ordinary case ("WALLACE:"
    after "Chris Wallace"): every word of them is a proper noun elsewhere in it."""
    words = [t.text for t in prefix if t.is_alpha]
    return bool(words) and all(w.capitalize() in names or w.title() in names for w in words)


_HOLDER_PREPS = ("by", "from", "of", "among")  # "the claim by officials", "the worry among rivals"


def _nominal(article: Article, found: list[Found], quoted: set[int]) -> None:
    """A noun that attributes, with a that-clause and a holder: "Stumpf's repeated emphasis that
    ...", "the claim by officials that ...", "the worry among rivals is that ..." (the clause after
    "is" when the noun is the subject)."""
    doc = article.doc
    nouns = cues.cue_nouns()
    for tok in article.tokens_with(lemmas=frozenset(nouns)):
        if tok.pos_ != "NOUN":
            continue
        holder = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
        if holder is not None and _about_what(article, found, tok, holder, nouns[tok.lemma_.lower()]):
            continue
        if holder is None:
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in _HOLDER_PREPS and c.i > tok.i), None)
            holder = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        supported = holder is None
        if holder is None:
            holder = _support_verb_subject(article, tok)
        if holder is None:
            continue
        kind = nouns[tok.lemma_.lower()]
        clause = next((c for c in tok.children if c.i > tok.i and (c.dep_ in ("acl", "ccomp") and _opens_with_that(c)
                                                                   or c.dep_ == "relcl" and _that_opens(c))), None)
        if clause is None and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            clause = next((c for c in tok.head.children if c.dep_ in ("ccomp", "attr") and c.i > tok.head.i
                           and _opens_with_that(c)), None)
        if clause is None and kind == "position" and supported:
            # "made a decision to appeal", "made a pledge not to": the stance taken in the sentence
            # ("Britain's decision to leave" names a stance taken before, as a thing)
            clause = next((c for c in tok.children if c.dep_ == "acl" and c.i > tok.i and c.tag_ == "VB"
                           and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)), None)
        if clause is None:
            continue
        content = _clause_content(article, clause, tok.i)
        if content is None:
            continue
        lo = _noun_cue_start(article, tok)
        content, inside = _with_quotes(article, content, quoted)
        f = Found("mixed" if inside else "indirect", content, cue=article.span(lo, tok.i), cue_token=tok.i,
                  lemma=tok.lemma_.lower(), cue_kind=kind, mode={"belief": "thought"}.get(kind, "speech"))
        f.speaker_token = holder.i
        f.speaker = sources.phrase_span(article, holder)
        found.append(f)
        quoted.update(inside)


def _support_verb_subject(article: Article, tok):
    """"The governor made the claim that ...", "the court made a decision to ...": the subject of a
    verb that takes the noun as its object and says nothing of its own (support_verbs.txt) holds
    what the noun reports."""
    verb = tok.head
    if tok.dep_ != "dobj" or verb.i == tok.i or verb.lemma_.lower() not in cues.support_verbs() \
            or any(c.dep_ in ("neg", "auxpass") for c in verb.children):
        return None
    subj = subject_of(verb)
    if subj is None or article.quote_of[subj.i] >= 0 or subj.lower_ in _RELATIVE_WORDS and subj.head.dep_ != "relcl":
        return None
    return subj


_RELATIVE_WORDS = ("who", "that", "which")
_TOPIC_PREPS = ("about", "on", "of", "against", "over")


def _about_what(article: Article, found: list[Found], tok, holder, kind: str) -> bool:
    """"Trump's remarks about immigrants", "the senator's comments on trade": a noun of speech with a
    possessive holder and no clause reports on the object of its preposition (a topic). False where
    the noun has a that-clause (read as a statement), is no noun of speech or has no such preposition."""
    if any(c.dep_ in ("acl", "ccomp") and c.i > tok.i and _opens_with_that(c) for c in tok.children) \
            or kind != "speech":
        return False  # "her support for", "his attacks on": a stance or an act, rarely reported as words
    # "statements to the FBI", "a complaint to the court": whom words were addressed to
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ in _TOPIC_PREPS
                 and not _when_only(c)), None)
    pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if pobj is None or any(article.quote_of[t.i] >= 0 for t in pobj.subtree):
        return False
    f = Found("indirect", article.span(pobj.left_edge.i, pobj.right_edge.i),
              cue=article.span(_noun_cue_start(article, tok), tok.i), cue_token=tok.i, lemma=tok.lemma_.lower(),
              cue_kind=kind, mode={"belief": "thought"}.get(kind, "speech"), topic=True)
    f.speaker_token = holder.i
    f.speaker = sources.phrase_span(article, holder)
    found.append(f)
    return True


def _belief_adjectives(article: Article, found: list[Found], quoted: set[int]) -> None:
    """"Officials are confident that the deal will pass", "voters remain worried that prices will
    rise", "he is convinced the vote was rigged": an adjective of belief (belief_adjectives.txt)
    predicated of a subject, with a clause after it, ascribes that clause to the subject (a belief).
    Negated ("not sure that"), it ascribes none."""
    used = {f.cue_token for f in found}
    stances = cues.stance_adjectives()
    for tok in article.tokens_with(lowers=cues.belief_adjectives() | frozenset(stances)):
        if tok.i in used or tok.pos_ not in ("ADJ", "VERB") or article.quote_of[tok.i] >= 0:
            continue
        if tok.dep_ == "acomp":
            verb = tok.head  # "are confident", "remain worried"
        elif tok.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in tok.children):
            verb = tok  # "is convinced", read as a passive
        else:
            continue
        if any(c.dep_ == "neg" for c in list(tok.children) + list(verb.children)):
            continue
        # the parser hangs the clause on the adjective or on the verb after it ("been adamant that")
        kind, topic = "belief", False
        clause = None
        if tok.lower_ in cues.belief_adjectives():
            clause = next((c for c in list(tok.children) + [c for c in verb.children if verb.i != tok.i]
                           if c.i > tok.i and c.dep_ in ("ccomp", "advcl")
                           and c.pos_ in ("VERB", "AUX") and (c.dep_ == "ccomp" or _opens_with_that(c))
                           and any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.children)), None)
        if clause is None and tok.lower_ in stances:
            # "supportive of the plan", "opposed to the tax", "willing to negotiate"
            kind, preps, infinitive = stances[tok.lower_]
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ in preps), None)
            clause = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
            topic = clause is not None
            if clause is None and infinitive:
                clause = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i and c.tag_ == "VB"), None)
        if clause is None:
            continue
        content = _clause_content(article, clause, tok.i)
        if content is None:
            continue
        content, inside = _with_quotes(article, content, quoted)
        lo = _cue_span(article, verb)[0] if verb.i < tok.i else _cue_span(article, tok)[0]
        f = Found("mixed" if inside else "indirect", content, cue=(lo, tok.idx + len(tok.text)), cue_token=tok.i,
                  lemma=tok.lower_, cue_kind=kind, mode={"belief": "thought"}.get(kind, "speech"),
                  verb=article.span(tok.i, tok.i), topic=topic)
        # "residents are opposed to ...", read as a passive: its subject holds the stance
        held_by = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) if verb.i == tok.i else None
        _set_speaker(article, f, verb, held_by)
        if f.speaker_token is None:
            continue
        found.append(f)
        quoted.update(inside)


def _clause_content(article: Article, clause, at: int) -> Optional[Span]:
    """The span of a reported clause, inside the sentence segment of token ``at``."""
    seg_lo, seg_hi = _segment(article, at)
    return _span_of(article, [t.i for t in clause.subtree if seg_lo <= t.i < seg_hi])


def _noun_cue_start(article: Article, tok) -> int:
    """Where a cue noun's phrase starts with its modifiers: "repeated emphasis", "growing concern"."""
    lo = tok.i
    while lo > 0 and article.doc[lo - 1].head.i == tok.i and article.doc[lo - 1].dep_ in ("amod", "compound"):
        lo -= 1
    return lo


def _plural_noun(tok) -> bool:
    return tok.tag_ in ("NNS", "NNPS")


def _opens_with_that(clause) -> bool:
    """A complement clause opened by "that" ("the claim that ..."), not a relative one ("the claim
    that he made")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _in_a_document(article: Article, found: list[Found], quoted: set[int]) -> None:
    """"In a statement, the senator was more circumspect": where no verb in the sentence reports,
    a phrase "in" a medium (statement, interview, letter ...) makes the clause's subject the
    source of the clause; "In the previous poll, Clinton led Trump": a phrase "in" a document
    makes the document the source, and so does one "in" a poll after the clause ("she trails him
    in the average of polls")."""
    doc = article.doc
    cued = {article.sent_of[f.cue_token] for f in found if f.cue_token is not None}
    for tok in article.tokens_with(lowers=frozenset({"in"})):
        if tok.dep_ != "prep" or article.sent_of[tok.i] in cued:
            continue
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        head = tok.head
        if head.i < tok.i and head.dep_ in ("dobj", "attr") and pobj is not None \
                and pobj.lemma_.lower() in cues.poll_nouns():
            head = head.head  # "trails the senator in the average of polls": however the parser hung it
        if pobj is None or head.pos_ not in ("VERB", "AUX"):
            continue
        lemma = pobj.lemma_.lower()
        after = tok.i > head.i  # "she trails him in the average of polls"
        if after and lemma not in cues.poll_nouns():
            continue
        if lemma in cues.medium_nouns():
            speaker = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            cue = article.span(pobj.left_edge.i, pobj.i)
        elif lemma in cues.document_nouns():
            speaker, cue = pobj, article.span(tok.i, tok.i)
        else:
            continue
        if speaker is None or speaker.pos_ == "PRON" and speaker.lower_ in ("it", "there"):
            continue
        seg_lo, seg_hi = _segment(article, tok.i)
        frame = {t.i for t in tok.subtree}
        content = _span_of(article, [t.i for t in head.subtree if t.i not in frame and seg_lo <= t.i < seg_hi
                                     and (after or t.i > tok.right_edge.i)])
        if content is None:
            continue
        content, inside = _with_quotes(article, content, quoted)
        f = Found("mixed" if inside else "indirect", content, cue=cue, cue_token=tok.i, lemma="in",
                  cue_kind="document" if speaker is pobj else "speech")
        f.speaker_token = speaker.i
        f.speaker = sources.phrase_span(article, speaker)
        found.append(f)
        quoted.update(inside)
        cued.add(article.sent_of[tok.i])


def _posts(article: Article, found: list[Found], quoted: set[int]) -> None:
    """Words signed by a name after them: an embedded post ("... pic.twitter.com/x — Michelle
    Rempel (@MichelleRempel) December 18, 2018") and a pull-quote or post whose name line follows
    it ("“...”" then "— City Water (@citywater)"). The words are the named source's own."""
    text = article.text
    starts = article.para_starts
    for k, p in enumerate(starts):
        end = (starts[k + 1] - 1) if k + 1 < len(starts) else len(text)
        line = text[p:end].rstrip()
        signed = _POST_SIGNED.search(line)
        if signed is not None:
            words, name = (p, p + signed.start()), (p + signed.start("name"), p + signed.end("name"))
        elif k + 1 < len(starts) and (nxt := _NAME_LINE.match(text, starts[k + 1],
                                                              (starts[k + 2] - 1) if k + 2 < len(starts) else len(text))):
            words, name = (p, p + len(line)), (nxt.start("name"), nxt.end("name"))
            if not _quote_alone(article, words):
                continue  # a name line under a paragraph of prose is a byline or a credit
        else:
            continue
        lo, hi = words
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if hi - lo < 2 or len(text[name[0]:name[1]].split()) > 6:
            continue
        f = Found("direct", (lo, hi), cue_kind="speech")
        f.speaker_token = article.token_at(name[1] - 1)
        f.speaker = name
        found.append(f)
        quoted.update(qi for qi, q in enumerate(article.quotes) if lo <= q.start and q.end <= hi)


def _quote_alone(article: Article, span: Span) -> bool:
    """Does the paragraph hold one quote and nothing else (a pull-quote)?"""
    lo, hi = span
    return any(q.start <= lo + 1 and hi - 1 <= q.end for q in article.quotes)


def _in_parentheses(text: str, at: int) -> bool:
    """"Sen. Tim Kaine (D-Va.)": is ``at`` inside a parenthesis opened on its line?"""
    line_start = text.rfind("\n", 0, at) + 1
    return text.rfind("(", line_start, at) > text.rfind(")", line_start, at)


def _floating(article: Article, found: list[Found], quoted: set[int], standalone: list[bool]) -> None:
    """Quotes left without a cue: they continue the previous speaker when one is near."""
    placed = sorted(found, key=lambda f: f.content[0])
    starts = [f.content[0] for f in placed]
    for qi, q in enumerate(article.quotes):
        if qi in quoted or not standalone[qi] or q.single:
            continue
        k = bisect.bisect_left(starts, q.start)
        prev = placed[k - 1] if k else None
        # '“...,” she said. “Go.”': a quote after a speaker's sentence in the same paragraph is
        # theirs however short; elsewhere a short quote may be a title or a slogan
        same_paragraph = prev is not None and prev.kind == "direct" and article.paragraph(q.start) == \
            article.paragraph(prev.content[0]) and not article.text[prev.content[1]:q.start].count(". ") > 1
        if not same_paragraph and len(article.text[q.start:q.end].split()) < _FLOATING_MIN_WORDS:
            continue
        near = prev is not None and article.paragraph(q.start) - article.paragraph(prev.content[0]) <= _FLOATING_REACH
        f = Found("direct", (q.start, q.end), continues=prev if near else None)
        found.append(f)
        quoted.add(qi)
        placed.insert(k, f)
        starts.insert(k, q.start)
