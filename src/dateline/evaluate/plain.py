"""Run the pipeline's annotators on plain texts (gold sets whose offsets point into the raw text).

``analyze`` cleans a text before parsing, which would move offsets; gold sets given as bare text are
parsed as they are, and the same annotators run on them in the pipeline's order.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from .. import annotate, nlp
from ..record import Record, article_id


def annotators_until(last: str) -> list:
    """The pipeline's annotators in order, up to and including ``last``."""
    names = annotate.PIPELINE[: annotate.PIPELINE.index(last) + 1]
    return annotate.pipeline(names)


def annotate_docs(texts: Iterable[str], docs: Iterable, last: str) -> Iterator[Record]:
    steps = annotators_until(last)
    for text, doc in zip(texts, docs):
        record = Record(id=article_id(text), text=text, language="en")
        for _, fn in steps:
            for key, value in fn(record, doc).items():
                if key == "warnings":
                    record.warnings.extend(value)
                else:
                    setattr(record, key, value)
        yield record


def annotate_texts(texts: list[str], last: str, batch_size: int = 32) -> Iterator[Record]:
    """Records of ``texts`` annotated by every annotator up to ``last``, parsed in batches."""
    english = nlp.load()
    return annotate_docs(texts, english.pipe(texts, batch_size=batch_size), last)
