"""Word lists and patterns the annotators read, as data files beside this module.

Every file starts with a comment header (lines beginning with ``#``) saying what it holds, where
it comes from and how to extend it. Plain lists hold one entry a line; CSV files have a header row.
"""
from __future__ import annotations

import csv
import functools
import io
from importlib import resources


def _read(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@functools.cache
def lines(name: str) -> tuple[str, ...]:
    """The entries of a plain list: blank lines and ``#`` comments dropped, whitespace trimmed."""
    out = []
    for line in _read(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@functools.cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a CSV file (after its ``#`` header comments) as dicts keyed by the header row."""
    body = "\n".join(l for l in _read(name).splitlines() if not l.lstrip().startswith("#"))
    return tuple({k.strip(): (v or "").strip() for k, v in row.items()} for row in csv.DictReader(io.StringIO(body)))


@functools.cache
def pattern(name: str, multiline: bool = False) -> "re.Pattern[str]":
    """A list of regular expressions as one case-insensitive alternation, compiled once:
    ``fullmatch`` on it tells whether a whole line matches any of them, ``search`` whether any
    occurs (one regex run instead of one per entry). ``multiline`` lets ``^`` and ``$`` match at
    each line of a text searched whole: one search where any of its lines might match."""
    import re

    return re.compile("|".join(f"(?:{entry})" for entry in lines(name)), re.I | (re.M if multiline else 0))
