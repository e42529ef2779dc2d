"""The record: what dateline says about one article. This module is the contract.

Every offset is a character offset into ``Record.text``; a span is ``(start, end)``, end exclusive,
and serialises as a two-element JSON list. Fields may be added; none may be renamed.

``Record.to_dict()`` and ``Record.from_dict()`` round-trip exactly through JSON.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
import types
import typing
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Optional

Span = tuple[int, int]


@dataclass(slots=True)
class Heading:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Dateline:
    text: str
    place: Optional[str] = None
    date: Optional[str] = None  # ISO, or "XXXX-MM-DD" when the year is unknown
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str  # PERSON, ORG, GPE, NORP, FAC, LOC, EVENT, ...
    mentions: list[Span] = field(default_factory=list)
    country: Optional[str] = None
    kb: Optional[str] = None  # key in a shipped gazetteer, e.g. "country:IRN"


@dataclass(slots=True)
class Timex:
    id: str
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value
    anchor: Optional[str] = None  # "published", "dateline", "speech:<attribution id>", None


@dataclass(slots=True)
class Source:
    id: str
    text: str
    kind: str  # named_person, named_group, media, document, anonymous_person, anonymous_group
    entity: Optional[str] = None
    descriptor: Optional[str] = None
    affiliation: Optional[str] = None
    via: Optional[str] = None
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Attribution:
    id: str
    kind: str  # direct, indirect, mixed, according_to
    content: Span
    cue: Optional[Span] = None
    source: Optional[str] = None
    speaker: Optional[Span] = None
    cue_lemma: Optional[str] = None
    distancing: bool = False
    mode: str = "speech"  # speech (a statement made), thought (a belief or wish reported), declined
    cue_kind: Optional[str] = None  # speech, belief, position, accusation, decline, document
    verb: Optional[Span] = None  # the cue's verb alone ("said" in "has also said")
    topic: bool = False  # the content names what the report is about or aims at ("criticised the
    # plan", "talked about the economy"), not a statement made
    via: Optional[str] = None  # the source that carried this attribution ("Sources report that X said
    # ...", "told Reuters", "according to Y"): a chain belongs to each statement; a Source's own
    # ``via`` is kept only where every statement of that source came through the same carrier


@dataclass(slots=True)
class Claim:
    id: str
    start: int
    end: int
    voice: str  # source, authorial
    source: Optional[str] = None
    hedges: list[Span] = field(default_factory=list)
    checkworthy: float = 0.0
    kind: str = "fact"  # fact, prediction, opinion, mental_state
    distancing: list[Span] = field(default_factory=list)  # the hedges that are distancing cues


@dataclass(slots=True)
class LoadedTerm:
    start: int
    end: int
    text: str
    category: str
    voice: str  # authorial, quoted
    source: Optional[str] = None
    target: Optional[str] = None


@dataclass(slots=True)
class Event:
    id: str
    type: str  # one of PLOVER's 16 types
    mode: Optional[str] = None
    actor: Optional[str] = None
    recipient: Optional[str] = None
    start: int = 0
    end: int = 0
    date: Optional[str] = None
    location: Optional[str] = None
    status: str = "occurred"  # occurred, future, hypothetical, negated
    source: Optional[str] = None
    actor_person: Optional[str] = None
    recipient_person: Optional[str] = None


@dataclass(slots=True)
class Scorecard:
    words: int = 0
    claims: int = 0
    claims_attributed: int = 0
    share_attributed: float = 0.0
    attributions: int = 0
    attributions_anonymous: int = 0
    anonymous_share: float = 0.0
    sources_by_kind: dict[str, int] = field(default_factory=dict)
    distinct_named_sources: int = 0
    sources_by_affiliation: dict[str, int] = field(default_factory=dict)
    hedges: int = 0
    distancing_cues: int = 0
    loaded_authorial_per_1k: float = 0.0
    loaded_quoted_per_1k: float = 0.0
    quoted_share: float = 0.0
    loaded_authorial: int = 0
    loaded_quoted: int = 0
    quoted_words: int = 0
    declined: int = 0  # sources that declined to comment or did not respond


@dataclass(slots=True)
class Record:
    id: str
    text: str
    url: Optional[str] = None
    outlet: Optional[str] = None
    title: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    published: Optional[str] = None
    published_from: str = "none"  # metadata, dateline, user, none
    dateline: Optional[Dateline] = None
    headings: list[Heading] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    language: Optional[str] = None
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    loaded_terms: list[LoadedTerm] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    scorecard: Optional[Scorecard] = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _to_jsonable(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Record":
        return _from_jsonable(cls, data)

    def span_text(self, span: Span | None) -> str:
        return "" if span is None else self.text[span[0]:span[1]]


def normalize_text(text: str) -> str:
    """The form of a text that its id is computed from: NFC, whitespace runs collapsed, trimmed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def article_id(text: str) -> str:
    """Stable id: the same article text always gets the same id."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()[:16]


def _to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_jsonable(v) for k, v in value.items()}
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _from_jsonable(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _from_jsonable(inner[0], value)
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        known = {f.name for f in dataclasses.fields(tp)}
        return tp(**{k: _from_jsonable(hints[k], v) for k, v in value.items() if k in known})
    if origin is list:
        (arg,) = typing.get_args(tp)
        return [_from_jsonable(arg, v) for v in value]
    if origin is tuple:
        return tuple(_from_jsonable(a, v) for a, v in zip(typing.get_args(tp), value))
    if origin is dict:
        _, val_tp = typing.get_args(tp)
        return {k: _from_jsonable(val_tp, v) for k, v in value.items()}
    return value
