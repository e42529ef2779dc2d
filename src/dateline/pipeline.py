"""analyze(): read -> parse -> annotate, in order. The one function every face calls.

``analyze`` takes one article (text or HTML) and returns its Record, or raises InputError.
``analyze_many`` takes offered documents and yields an Outcome for every one, in the order offered,
never dropping one. With ``workers=0`` it works in this process; with ``workers=N`` it hands batches
to N watched worker processes (``workers.py``), each loading the model once, where a document that
runs over its time or memory bound is stopped and gets its own error while the batch goes on.

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
    """What became of one offered document: a record, or the error that stopped it."""

    origin: str
    content_hash: str
    size: int
    record: Optional[Record] = None
    error: Optional[DatelineError] = None


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
                 workers: int = 0, max_bytes: int = DEFAULT_MAX_BYTES,
                 limits: Optional["Limits"] = None) -> Iterator[Outcome]:
    """An Outcome for every document offered, in the order offered. ``workers=0`` analyses in this
    process; ``workers >= 1`` in that many watched processes, under ``limits`` (time and memory)."""
    if workers >= 1:
        from .workers import Limits, analyze_watched

        yield from analyze_watched(offered, published=published, batch_size=batch_size, workers=workers,
                                   max_bytes=max_bytes, limits=limits or Limits())
        return
    for batch in batched(offered, batch_size):
        done = dict(analyze_batch(batch, published, max_bytes))
        yield from (done[i] for i in range(len(batch)))


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
                  report: Callable[[str, list[int], int], None] = _silent) -> Iterator[tuple[int, Outcome]]:
    """(index in the batch, Outcome) for each document, as soon as it is final: read failures and
    non-English articles after reading, the others after annotating. ``report(stage, indices, size)``
    is called as each stage starts ("read", "parse", "annotate"), for a watchdog to time it."""
    english: list[tuple[int, Outcome]] = []
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
        if outcome.error is None and outcome.record.language in ("en", "und"):
            english.append((i, outcome))
        else:
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
                try:
                    annotate.run(outcome.record, doc)
                except Exception as exc:  # noqa: BLE001 -- one article an annotator trips on must not stop the batch
                    outcome.record = None
                    outcome.error = errors.annotator_failed(exc)
                yield i, outcome
            del docs, doc


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
