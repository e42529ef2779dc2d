"""Annotators: each a pure function from the article so far to its additions.

An annotator is registered by name with ``@annotator("name")`` and has the signature
``fn(record: Record, doc: spacy.tokens.Doc) -> dict[str, Any]``: it reads the record built so far
and the parsed text (``doc.text == record.text``) and returns the record fields it adds. It never
touches storage, the screen or global state. ``PIPELINE`` lists them in the order they run; each
may read what those before it added.
"""
from __future__ import annotations

import importlib
from typing import Any, Callable

from ..record import Record

Annotator = Callable[[Record, Any], dict[str, Any]]

PIPELINE: tuple[str, ...] = (
    "entities", "timex", "attribution", "speech_time", "claims", "language", "events", "scorecard",
)

_REGISTRY: dict[str, Annotator] = {}


def annotator(name: str) -> Callable[[Annotator], Annotator]:
    def register(fn: Annotator) -> Annotator:
        _REGISTRY[name] = fn
        return fn

    return register


def get(name: str) -> Annotator:
    if name not in _REGISTRY:
        importlib.import_module(f"{__name__}.{name}")
    return _REGISTRY[name]


def pipeline(names: tuple[str, ...] = PIPELINE) -> list[tuple[str, Annotator]]:
    return [(name, get(name)) for name in names]


def run(record: Record, doc: Any, names: tuple[str, ...] = PIPELINE) -> Record:
    """Run the named annotators, in order, on ``record`` with its parsed ``doc``; each one's
    additions are set on the record (warnings are appended) before the next one runs."""
    for _, fn in pipeline(names):
        for key, value in fn(record, doc).items():
            if key == "warnings":
                record.warnings.extend(value)
            else:
                setattr(record, key, value)
    return record


def until(last: str) -> tuple[str, ...]:
    """The pipeline's names up to and including ``last``."""
    return PIPELINE[: PIPELINE.index(last) + 1]
