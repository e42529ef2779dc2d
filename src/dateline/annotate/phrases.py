"""Finding lexicon phrases in a parsed text: one left-to-right pass over the tokens.

A phrase is a lexicon term split into words the way the tokenizer splits text (whitespace, and a
hyphen between letters is a token of its own). A token matches a word by its lower-case form or its
lemma, so base forms in a lexicon find inflected text ("pester" finds "pestered"). Where phrases
overlap, the longest starting first wins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, Iterable, Iterator, Sequence, TypeVar

Entry = TypeVar("Entry")

# Split points inside a word, as the tokenizer makes them: a hyphen between letters is a token of
# its own ("pro-life"), and so is a possessive ending ("pandora's" = pandora 's).
_INNER_SPLIT = re.compile(r"(?<=\w)(-)(?=\w)|(?<=\w)('s)$")


def split_term(term: str) -> tuple[str, ...]:
    words: list[str] = []
    for part in term.lower().split():
        words.extend(w for w in _INNER_SPLIT.split(part) if w)
    return tuple(words)


def token_forms(doc) -> list[tuple[str, str]]:
    """(lower-case form, lower-case lemma) of every token, computed once per text."""
    return [(t.lower_, t.lemma_.lower()) for t in doc]


@dataclass(slots=True, frozen=True)
class Hit(Generic[Entry]):
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    entries: tuple[Entry, ...]  # every lexicon entry spelled this way


class PhraseIndex(Generic[Entry]):
    """Lexicon phrases indexed by their first word."""

    def __init__(self, entries: Iterable[tuple[str, Entry]]):
        grouped: dict[tuple[str, ...], list[Entry]] = {}
        for term, entry in entries:
            words = split_term(term)
            if words:
                grouped.setdefault(words, []).append(entry)
        self._by_first: dict[str, list[tuple[tuple[str, ...], tuple[Entry, ...]]]] = {}
        for words, group in grouped.items():
            self._by_first.setdefault(words[0], []).append((words, tuple(group)))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def matches_at(self, forms: Sequence[tuple[str, str]], i: int) -> Iterator[Hit[Entry]]:
        """Every phrase starting at token ``i``, longest first."""
        lower, lemma = forms[i]
        seen = self._by_first.get(lower, [])
        if lemma != lower:
            seen = seen + self._by_first.get(lemma, [])
            seen.sort(key=lambda c: -len(c[0]))
        for words, entries in seen:
            end = i + len(words)
            if end > len(forms):
                continue
            if all(w in forms[i + k] for k, w in enumerate(words[1:], 1)):
                yield Hit(i, end, entries)

    def find(self, forms: Sequence[tuple[str, str]], accept=None) -> list[Hit[Entry]]:
        """Non-overlapping hits left to right; ``accept(hit)`` may refuse a hit (its next best is tried)."""
        hits: list[Hit[Entry]] = []
        i = 0
        while i < len(forms):
            for hit in self.matches_at(forms, i):
                if accept is None or accept(hit):
                    hits.append(hit)
                    i = hit.end
                    break
            else:
                i += 1
        return hits
