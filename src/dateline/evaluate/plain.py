"""Run the pipeline's annotators on plain texts (gold sets whose offsets point into the raw text).

``analyze`` cleans a text before parsing, which would move offsets; gold sets given as bare text are
parsed as they are, and the same annotators run on them in the pipeline's order.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional, Sequence

from .. import annotate, nlp
from ..record import Record, article_id


def annotate_docs(texts: Iterable[str], docs: Iterable, last: str = annotate.PIPELINE[-1],
                  published: Optional[Sequence[Optional[str]]] = None) -> Iterator[Record]:
    """Records of ``texts`` (already parsed as ``docs``), annotated by every annotator up to ``last``;
    ``published`` gives each text's publication date where known."""
    names = annotate.until(last)
    for i, (text, doc) in enumerate(zip(texts, docs)):
        day = published[i] if published is not None else None
        record = Record(id=article_id(text), text=text, published=day,
                        published_from="metadata" if day else "none", language="en")
        yield annotate.run(record, doc, names)


def annotate_texts(texts: Sequence[str], last: str = annotate.PIPELINE[-1],
                   published: Optional[Sequence[Optional[str]]] = None, batch_size: int = 32) -> Iterator[Record]:
    """Records of ``texts`` annotated by every annotator up to ``last``, parsed in batches."""
    return annotate_docs(texts, nlp.load().pipe(texts, batch_size=batch_size), last, published)
