"""analyze(): read -> parse -> annotate, in order. The one function every face calls.

``analyze`` takes one article (text or HTML) and returns its Record, or raises InputError.
``analyze_many`` takes offered documents and yields an Outcome for every one, never dropping one:
parsing goes through ``nlp.pipe`` in batches, and ``workers > 1`` spreads batches over processes,
each loading the model once.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from . import annotate, errors, langid, nlp
from .errors import DatelineError, InputError
from .read import DEFAULT_MAX_BYTES, Offered, Page, extract
from .record import Record, article_id


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
                 workers: int = 1, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Outcome]:
    """An Outcome for every document offered, in the order offered."""
    batches = _batched(offered, batch_size)
    if workers <= 1:
        for batch in batches:
            yield from _analyze_batch(batch, published, max_bytes)
        return
    import concurrent.futures as cf
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    with cf.ProcessPoolExecutor(workers, mp_context=ctx, initializer=nlp.load) as pool:
        pending: list[cf.Future] = []
        for batch in batches:
            pending.append(pool.submit(_analyze_batch_list, batch, published, max_bytes))
            while len(pending) > workers * 2:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()


def _batched(items: Iterable[Offered], size: int) -> Iterator[list[Offered]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _analyze_batch_list(batch: list[Offered], published: Optional[str], max_bytes: int) -> list[Outcome]:
    return list(_analyze_batch(batch, published, max_bytes))


def _analyze_batch(batch: list[Offered], published: Optional[str], max_bytes: int) -> Iterator[Outcome]:
    outcomes: list[Outcome] = []
    english: list[Outcome] = []
    for item in batch:
        outcome = Outcome(item.origin, item.content_hash, len(item.data))
        outcomes.append(outcome)
        try:
            page = extract(item, published=published, max_bytes=max_bytes)
            outcome.record = _record_from_page(page)
        except InputError as exc:
            outcome.error = exc
        except (ValueError, RecursionError, UnicodeError, MemoryError) as exc:
            outcome.error = errors.unexpected_read_failure(exc)
        else:
            if outcome.record.language in ("en", "und"):
                english.append(outcome)
    if english:
        docs = nlp.load().pipe([o.record.text for o in english])
        for outcome, doc in zip(english, docs):
            try:
                annotate.run(outcome.record, doc)
            except Exception as exc:  # noqa: BLE001 -- one article an annotator trips on must not stop the batch
                outcome.record = None
                outcome.error = errors.annotator_failed(exc)
    yield from outcomes


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

