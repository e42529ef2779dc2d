"""analyze(): read -> parse -> annotate, in order. The one function every face calls.

``analyze`` takes one article (text or HTML) and returns its Record, or raises InputError.
``analyze_many`` takes offered documents and yields an Outcome for every one, in the order offered,
never dropping one. With ``workers=0`` it works in this process; with ``workers=N`` it hands batches
to N watched worker processes (``workers.py``), each loading the model once, where a document that
runs over its time or memory bound is stopped and gets its own error while the batch goes on.

Exact copies: with ``skip_copies``, a document whose text is the same article as one already
analysed (the same ``article_id``: the text after decoding and extraction, in Unicode NFC with every
run of whitespace, line endings included, made one space) is recognised after reading and not
annotated: its Outcome names the first copy in ``duplicate_of`` and has no record. "Already
analysed" is an id in ``known`` (the articles a store holds) or an article earlier in this run: the
same page saved as UTF-8 and as Windows-1252, with a BOM or CRLF line endings, is one article, read
twice and annotated once. Near copies (other chrome, edits) are the corpus layer's.

Memory stays flat over any number of documents: parsing goes through ``nlp.pipe`` in chunks of at
most ``PARSE_CHARS`` characters, whatever the batch size, and each chunk runs in spaCy's memory zone,
so the strings its documents add to the vocabulary are freed with them.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional

from . import annotate, errors, langid, nlp
from .errors import DatelineError, InputError
from .read import DEFAULT_MAX_BYTES, Offered, Page, extract
from .record import Record, article_id

if TYPE_CHECKING:
    from .workers import Limits

# Text parsed in one nlp.pipe call, at most (one longer document is parsed alone).
PARSE_CHARS = 100_000


@dataclass(slots=True)
class Outcome:
    """What became of one offered document: a record, the error that stopped it, or the id of the
    article it is an exact copy of."""

    origin: str
    content_hash: str
    size: int
    record: Optional[Record] = None
    error: Optional[DatelineError] = None
    duplicate_of: Optional[str] = None


def analyze(content: str | bytes, *, published: Optional[str] = None, url: Optional[str] = None,
            form: str = "auto", title: Optional[str] = None, outlet: Optional[str] = None) -> Record:
    """The record of one article given as text or HTML (``form``: auto, text or html)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    meta = {k: v for k, v in {"url": url, "title": title, "outlet": outlet}.items() if v}
    outcome = next(analyze_many([Offered("<input>", data, form, meta)], published=published))
    if outcome.error is not None:
        raise outcome.error
    return outcome.record


def analyze_many(offered: Iterable[Offered], *, published: Optional[str] = None, batch_size: int = 32,
                 workers: int = 0, max_bytes: int = DEFAULT_MAX_BYTES, limits: Optional["Limits"] = None,
                 skip_copies: bool = False, known: Iterable[str] = ()) -> Iterator[Outcome]:
    """An Outcome for every document offered, in the order offered. ``workers=0`` analyses in this
    process; ``workers >= 1`` in that many watched processes, under ``limits`` (time and memory).
    With ``skip_copies``, an exact copy of an article in ``known`` or earlier in this run is not
    annotated (its Outcome has ``duplicate_of``); without it every document gets its own record."""
    seen = set(known) if skip_copies else None  # what a copy is recognised against, kept up to date
    if workers >= 1:
        from .workers import Limits, analyze_watched

        outcomes = analyze_watched(offered, published=published, batch_size=batch_size, workers=workers,
                                   max_bytes=max_bytes, limits=limits or Limits(),
                                   known=None if seen is None else set(seen))
        yield from outcomes if seen is None else _in_order_copies(outcomes, seen)
        return
    for batch in batched(offered, batch_size):
        done = dict(analyze_batch(batch, published, max_bytes, seen=seen))
        yield from (done[i] for i in range(len(batch)))


def _in_order_copies(outcomes: Iterable[Outcome], seen: set[str]) -> Iterator[Outcome]:
    """The outcomes with every record whose article came earlier (in ``seen``, or before it in the
    order offered) made a copy: of two copies that workers annotated at the same time, the first
    offered is the article, the other its duplicate."""
    for outcome in outcomes:
        if outcome.record is not None:
            if outcome.record.id in seen:
                outcome.duplicate_of, outcome.record = outcome.record.id, None
            else:
                seen.add(outcome.record.id)
        yield outcome


def batched(items: Iterable[Offered], size: int, max_bytes: int = 0) -> Iterator[list[Offered]]:
    """Lists of at most ``size`` documents and, when ``max_bytes`` is given, at most that many bytes
    (a batch always takes at least one document)."""
    it = iter(items)
    if not max_bytes:
        while batch := list(itertools.islice(it, size)):
            yield batch
        return
    batch, held = [], 0
    for item in it:
        if batch and (len(batch) >= size or held + item.size > max_bytes):
            yield batch
            batch, held = [], 0
        batch.append(item)
        held += item.size
    if batch:
        yield batch


def _silent(stage: str, indices: list[int], size: int) -> None:
    pass


def analyze_batch(batch: list[Offered], published: Optional[str], max_bytes: int,
                  report: Callable[[str, list[int], int], None] = _silent,
                  seen: Optional[set[str]] = None) -> Iterator[tuple[int, Outcome]]:
    """(index in the batch, Outcome) for each document, as soon as it is final: read failures,
    non-English articles and copies of an article in ``seen`` after reading, the others after
    annotating. ``report(stage, indices, size)`` is called as each stage starts ("read", "parse",
    "annotate"), for a watchdog to time it. When ``seen`` is given (ids of the articles analysed
    before), it is kept up to date, and a copy of an article earlier in the batch waits for it:
    a duplicate if it was analysed, the same error if it failed."""
    english: list[tuple[int, Outcome]] = []
    waiting: dict[str, list[tuple[int, Outcome]]] = {}  # article id -> its later copies in this batch
    for i, item in enumerate(batch):
        report("read", [i], item.size)
        outcome = Outcome(item.origin, item.content_hash, item.size)
        try:
            page = extract(item, published=published, max_bytes=max_bytes)
            outcome.record = _record_from_page(page)
        except InputError as exc:
            outcome.error = exc
        except (ValueError, RecursionError, UnicodeError, MemoryError) as exc:
            outcome.error = errors.unexpected_read_failure(exc)
        if seen is not None and outcome.error is None:
            article = outcome.record.id
            if article in seen:
                outcome.duplicate_of, outcome.record = article, None
                yield i, outcome
                continue
            if article in waiting:
                waiting[article].append((i, outcome))
                continue
        if outcome.error is None and outcome.record.language in ("en", "und"):
            english.append((i, outcome))
            if seen is not None:
                waiting[outcome.record.id] = []
        else:
            if seen is not None and outcome.error is None:
                seen.add(outcome.record.id)
            yield i, outcome
    if not english:
        return
    model = nlp.load()
    for chunk in _chunks(english, PARSE_CHARS):
        report("parse", [i for i, _ in chunk], sum(len(o.record.text) for _, o in chunk))
        with model.memory_zone():
            docs = list(model.pipe([o.record.text for _, o in chunk]))
            for (i, outcome), doc in zip(chunk, docs):
                report("annotate", [i], len(outcome.record.text))
                article = outcome.record.id
                try:
                    annotate.run(outcome.record, doc)
                except Exception as exc:  # noqa: BLE001 -- one article an annotator trips on must not stop the batch
                    outcome.record = None
                    outcome.error = errors.annotator_failed(exc)
                yield i, outcome
                if seen is not None:
                    yield from _settle_copies(article, outcome, waiting.pop(article), seen)
            del docs, doc


def _settle_copies(article: str, first: Outcome, copies: list[tuple[int, Outcome]],
                   seen: set[str]) -> Iterator[tuple[int, Outcome]]:
    """The copies of a batch's article once its first copy is done: duplicates of it, or (the same
    text failing the same way) its error."""
    if first.error is None:
        seen.add(article)
    for i, copy in copies:
        copy.record = None
        if first.error is None:
            copy.duplicate_of = article
        else:
            copy.error = first.error
        yield i, copy


def _chunks(items: list[tuple[int, Outcome]], max_chars: int) -> Iterator[list[tuple[int, Outcome]]]:
    chunk, chars = [], 0
    for item in items:
        size = len(item[1].record.text)
        if chunk and chars + size > max_chars:
            yield chunk
            chunk, chars = [], 0
        chunk.append(item)
        chars += size
    if chunk:
        yield chunk


def _record_from_page(page: Page) -> Record:
    record = Record(
        id=article_id(page.text),
        text=page.text,
        url=page.url,
        outlet=page.outlet,
        title=page.title,
        authors=page.authors,
        published=page.published,
        published_from=page.published_from,
        dateline=page.dateline,
        headings=page.headings,
        removed=page.removed,
        warnings=list(page.warnings),
    )
    record.language = langid.identify(page.text)
    if record.language not in ("en", "und"):
        record.warnings.append(errors.w_not_english(record.language))
    return record
