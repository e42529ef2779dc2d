"""Scorers for the public gold sets in ``../shared/eval`` (see its README for formats and metrics).

Each set has a module here with ``score(path, limit=None, half=None) -> dict[str, float | int]``;
``SETS`` maps the set's name (as typed after ``dateline evaluate``) to that module and to the folder
under ``shared/eval`` it reads by default. Scorers read gold data from where it lies; none of it is
copied into the project.

``half`` ("even" or "odd") scores every other item of the set in its load order (even: the 1st, 3rd,
5th ...; odd: the 2nd, 4th ...). Rules are tuned on the even half; the odd half is the held-out check
that a score holds on text nobody looked at while writing them.
"""
from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Optional

from ..errors import UsageError

# name: (module, default folder under shared/eval)
SETS: dict[str, tuple[str, str]] = {
    "extraction": ("extraction", "extraction"),
    "pages": ("pages", "pages"),
    "pasted": ("pasted", "pages"),
    "pasted-extraction": ("pasted_extraction", "extraction"),
    "quotes-ggt": ("quotes_ggt", "quotes-ggt"),
    "polnear": ("polnear", "polnear"),
    "source-kinds": ("source_kinds", "polnear"),
    "seed": ("seed", "../seed"),
    "timex": ("timex", "timex/tbaq"),
    "plover": ("plover", "events/plover"),
    "case2021": ("case2021", "events/case2021"),
    "propaganda": ("propaganda", "propaganda"),
    "checkworthy": ("checkworthy", "checkworthy"),
    "near-duplicates": ("near_duplicates", "polnear/train"),
    "stories": ("stories", "polnear/train"),
    "entity-resolution": ("entity_resolution", "polnear/train"),
}


HALVES = ("even", "odd")


def take(items, limit: Optional[int] = None, half: Optional[str] = None) -> list:
    """The items a run scores: one half of them if asked (see above), then the first ``limit``."""
    items = list(items)
    if half:
        items = items[HALVES.index(half)::2]
    return items[:limit] if limit else items


def shared_eval_dir() -> Optional[Path]:
    """``$DATELINE_SHARED/eval``, or the first ``shared/eval`` found upward from here or the cwd."""
    env = os.environ.get("DATELINE_SHARED")
    if env:
        p = Path(env) / "eval"
        return p if p.is_dir() else None
    for start in (Path.cwd(), Path(__file__).resolve()):
        for parent in [start, *start.parents]:
            for candidate in (parent / "shared" / "eval", parent / "../shared/eval"):
                if candidate.is_dir():
                    return candidate.resolve()
    return None


def default_path(name: str) -> Optional[Path]:
    base = shared_eval_dir()
    if base is None or name not in SETS:
        return None
    p = (base / SETS[name][1]).resolve()
    return p if p.exists() else None


def _scorer(name: str, path: Optional[str], half: Optional[str]):
    """The set's module and its gold folder, or a UsageError saying what is wrong."""
    if name not in SETS:
        raise UsageError(f"unknown evaluation set {name!r}; choose one of {', '.join(SETS)}", "E410")
    folder = Path(path) if path else default_path(name)
    if folder is None or not folder.exists():
        raise UsageError(f"the gold set for {name!r} is not at {path or '../shared/eval'}; pass --path", "E411")
    if half is not None and half not in HALVES:
        raise UsageError(f"--half takes one of {', '.join(HALVES)}, not {half!r}", "E410")
    return importlib.import_module(f"{__name__}.{SETS[name][0]}"), folder


def run(name: str, path: Optional[str] = None, limit: Optional[int] = None, half: Optional[str] = None) -> dict:
    module, folder = _scorer(name, path, half)
    return module.score(folder, limit, half)


def build_cache(name: str, path: Optional[str] = None, limit: Optional[int] = None, half: Optional[str] = None,
                progress=None) -> int:
    """Prepare what a set scores from (the ``pasted`` sets' rendered pages); returns how many items
    were made. Sets read straight from their gold folder have nothing to prepare."""
    module, folder = _scorer(name, path, half)
    if not hasattr(module, "build_cache"):
        return 0
    return module.build_cache(folder, limit=limit, half=half, progress=progress)
