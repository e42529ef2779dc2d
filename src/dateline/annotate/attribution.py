"""attribution: who said what. Every quote, "X said (that) ...", mixed quote and "according to X"
becomes an Attribution; every distinct speaker a Source (see sources.py); pronouns and
descriptions that name a speaker are resolved into the speaker's entity (see coref.py).

The passes, all linear in the article's tokens:
1. quotes.scan pairs the quotation marks;
2. a quote that stands as a sentence of its own takes the reporting verb in the text beside it
   ("“...,” he said." / "She said: “...”") as its cue: a *direct* attribution;
3. every other reporting verb (cues.py, from ``cue_verbs.csv``) with a clause complement is an
   *indirect* attribution, *mixed* when a quote lies inside (or runs on from) its content;
4. "according to X" is an *according_to* attribution over the rest of its clause;
5. a quote left without a cue continues the previous speaker (the "floating" quote, and the
   second half of a quote split by its cue).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Optional

from .. import errors
from ..record import Attribution, Record
from . import annotator, cues, quotes, sources

Span = tuple[int, int]

_SUBJECT_DEPS = ("nsubj", "csubj")
_CLIMB_DEPS = ("conj", "advcl", "xcomp", "pcomp", "prep", "dep")
_CONTENT_DEPS = ("ccomp", "csubjpass")
_EDGE_PUNCT = {",", ".", ";", ":", "—", "–", "-", "--", "(", ")"}
_BEFORE_STANDALONE = set(":,.?!—–-(") | {""}
_SENTENCE_END = {".", "?", "!"}
_FLOATING_MIN_WORDS = 4
_FLOATING_REACH = 2  # paragraphs back a floating quote may look for its speaker


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
    continues: Optional["Found"] = None  # the attribution whose speaker this one keeps
    via_tokens: list[int] = field(default_factory=list)  # heads of phrases that carried it


class Article:
    """The parse with the lookups the passes share."""

    def __init__(self, record: Record, doc):
        self.record = record
        self.doc = doc
        self.text = doc.text
        scan = quotes.scan(self.text)
        self.quotes = scan.quotes
        self.unbalanced = scan.unbalanced
        self.starts = [t.idx for t in doc]
        self.quote_of = self._quote_of_tokens()
        self.sent_of = [0] * len(doc)
        self.sent_spans: list[tuple[int, int]] = []
        for n, sent in enumerate(doc.sents):
            self.sent_spans.append((sent.start, sent.end))
            for i in range(sent.start, sent.end):
                self.sent_of[i] = n
        self.para_starts = [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n" and i + 1 < len(self.text)
                                  and self.text[i + 1] != "\n"]

    def _quote_of_tokens(self) -> list[int]:
        out = [-1] * len(self.doc)
        q = 0
        for tok in self.doc:
            while q < len(self.quotes) and self.quotes[q].end <= tok.idx:
                q += 1
            if q < len(self.quotes) and self.quotes[q].start <= tok.idx < self.quotes[q].end:
                out[tok.i] = q
        return out

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.para_starts, char) - 1

    def token_at(self, char: int) -> int:
        """The token that starts at or covers ``char`` (the next one when ``char`` is whitespace)."""
        i = bisect.bisect_right(self.starts, char) - 1
        if i >= 0 and char >= self.starts[i] + len(self.doc[i].text):
            i += 1
        return max(0, min(i, len(self.doc) - 1))

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
    for tok in article.doc:
        if tok.i in used_cues or article.quote_of[tok.i] >= 0 or tok.pos_ not in ("VERB", "AUX"):
            continue
        verb = _cue_of(tok)
        if verb is None:
            continue
        content = _indirect_content(article, tok, verb)
        if content is None:
            continue
        content, inside = _with_quotes(article, content, quoted)
        f = Found("mixed" if inside else "indirect", content, cue=_cue_span(article, tok), cue_token=tok.i,
                  lemma=verb.lemma, distancing=verb.distancing, mode=verb.mode)
        _set_speaker(article, f, tok)
        if f.speaker_token is None:
            continue
        used_cues[tok.i] = len(found)
        found.append(f)
        for qi in inside:
            quoted.add(qi)
    _according_to(article, found, quoted)
    found = _outermost(found)
    _floating(article, found, quoted, standalone)
    found.sort(key=lambda f: f.content[0])
    return found


def _outermost(found: list[Found]) -> list[Found]:
    """Drop an indirect attribution whose cue lies inside another's content: the words are the
    outer source's report ("Sources report that Trump asked him to assure them that ...")."""
    spans = sorted(f.content for f in found)
    starts = [s for s, _ in spans]
    keep = []
    for f in found:
        if f.kind in ("indirect", "mixed") and f.cue is not None:
            k = bisect.bisect_right(starts, f.cue[0])
            if any(s <= f.cue[0] and f.cue[1] <= e and (s, e) != f.content for s, e in spans[max(0, k - 8):k]):
                continue
        keep.append(f)
    return keep


def _cue_of(tok) -> Optional[cues.CueVerb]:
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), "")
    return cues.cue_verb(tok.lemma_.lower(), particle)


def _cue_span(article: Article, tok) -> Span:
    hi = tok.i
    for c in tok.children:
        if c.dep_ == "prt" and c.i == hi + 1:
            hi = c.i
    return article.span(tok.i, hi)


def _standalone(article: Article, q: quotes.Quote) -> bool:
    """Does the quote stand as (part of) a sentence of its own, not as a phrase inside one?"""
    text = article.text
    i = q.start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    before = text[i] if i >= 0 else ""
    if before == "\n" or before in _BEFORE_STANDALONE:
        return True
    tok = article.doc[article.token_at(i)] if i >= 0 else None
    return tok is not None and _cue_of(tok) is not None and tok.pos_ in ("VERB", "AUX")


def _frame_tokens(article: Article, lo_char: int, hi_char: int):
    lo, hi = article.token_at(lo_char), article.token_at(max(lo_char, hi_char - 1))
    return [article.doc[i] for i in range(lo, hi + 1) if lo_char <= article.doc[i].idx < hi_char]


def _cue_after(article: Article, q: quotes.Quote):
    """The reporting verb between the quote's end and the end of its sentence, if any."""
    text, doc = article.text, article.doc
    if q.end >= len(text):
        return None
    nxt = article.token_at(q.end)
    if doc[nxt].idx < q.end:
        nxt += 1
    limit = min(len(doc), nxt + 25)
    for i in range(nxt, limit):
        tok = doc[i]
        if article.quote_of[i] >= 0 or "\n" in tok.text or "\n" in doc[i - 1].whitespace_ and i > nxt:
            return None
        if tok.text in _SENTENCE_END:
            return None
        if tok.pos_ in ("VERB", "AUX") and _cue_of(tok) is not None:
            return tok
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
        if tok.pos_ in ("VERB", "AUX") and _cue_of(tok) is not None:
            return tok
    return None


def _has_clause_content(cue, q: quotes.Quote) -> bool:
    """The verb has its own clause before the quote ("said that X, “...”"): an indirect one."""
    return any(c.dep_ in _CONTENT_DEPS and c.idx < q.start for c in cue.children)


def _add_direct(article: Article, found: list[Found], q: quotes.Quote, cue, used_cues: dict[int, int]) -> None:
    verb = _cue_of(cue)
    f = Found("direct", (q.start, q.end), cue=_cue_span(article, cue), cue_token=cue.i, lemma=verb.lemma,
              distancing=verb.distancing, mode=verb.mode)
    _set_speaker(article, f, cue)
    used_cues[cue.i] = len(found)
    found.append(f)


def subject_of(tok):
    """The speaker of a reporting verb: its subject, or its governing verb's ("..., saying that"),
    or the noun it describes ("a statement saying", "an official quoted by")."""
    node = tok
    for _ in range(5):
        for c in node.children:
            if c.dep_ in _SUBJECT_DEPS or (c.dep_ == "nsubjpass" and node is not tok):
                return c
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return node.head
        if node.dep_ not in _CLIMB_DEPS or node.head is node:
            return None
        if node.dep_ == "xcomp":  # "asked the minister to confirm": the object speaks
            obj = next((c for c in node.head.children if c.dep_ in ("dobj", "dative")), None)
            if obj is not None:
                return obj
        node = node.head
    return None


def _set_speaker(article: Article, f: Found, cue) -> None:
    subj = subject_of(cue)
    if subj is None or subj.lower_ in ("it", "there") and cue.lemma_ != "report":
        if subj is None:
            return
    if article.quote_of[subj.i] >= 0:
        return
    f.speaker_token = subj.i
    f.speaker = sources.phrase_span(article, subj)
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


def _indirect_content(article: Article, tok, verb: cues.CueVerb) -> Optional[Span]:
    clause = next((c for c in tok.children if c.dep_ in _CONTENT_DEPS), None)
    if clause is None and verb.object_content:
        clause = next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if clause is None:
        return None
    side_after = clause.i > tok.i
    toks = [t.i for t in clause.subtree if (t.i > tok.i) == side_after and not _is_according(t)]
    if not toks:
        return None
    lo, hi = min(toks), max(toks)
    lo, hi = _trim(article, lo, hi)
    if hi < lo or (hi - lo < 1 and article.doc[lo].pos_ == "PRON"):
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
    while hi > lo and (doc[hi].text in _EDGE_PUNCT or doc[hi].is_space):
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
    for tok in doc:
        if tok.lower_ != "according" or article.quote_of[tok.i] >= 0:
            continue
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
        # an attribution in the same sentence: "X said ..., according to Y": Y carried X's words
        host = next((i for i, f in enumerate(found) if f.cue_token is not None
                     and article.sent_of[f.cue_token] == article.sent_of[tok.i] and f.kind != "according_to"), None)
        if host is not None:
            found[host].via_tokens.append(source.i)
            continue
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
        found.append(f)
        for qi in inside:
            quoted.add(qi)


def _floating(article: Article, found: list[Found], quoted: set[int], standalone: list[bool]) -> None:
    """Quotes left without a cue: they continue the previous speaker when one is near."""
    placed = sorted(found, key=lambda f: f.content[0])
    starts = [f.content[0] for f in placed]
    for qi, q in enumerate(article.quotes):
        if qi in quoted or not standalone[qi] or q.single:
            continue
        if len(article.text[q.start:q.end].split()) < _FLOATING_MIN_WORDS:
            continue
        k = bisect.bisect_left(starts, q.start)
        prev = placed[k - 1] if k else None
        near = prev is not None and article.paragraph(q.start) - article.paragraph(prev.content[0]) <= _FLOATING_REACH
        f = Found("direct", (q.start, q.end), continues=prev if near else None)
        found.append(f)
        quoted.add(qi)
        placed.insert(k, f)
        starts.insert(k, q.start)
