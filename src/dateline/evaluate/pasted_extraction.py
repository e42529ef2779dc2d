"""``pasted-extraction``: the ``extraction`` set's 119 pages as a person pastes them, rendered and
read as ``pasted`` reads the pages set (see ``pasted``): a second set of pasted pages, of sites and
layouts the pages set does not hold.

The body gold is the benchmark's ``articleBody``. The benchmark has no titles: the headline of each
page was labelled for dateline by reading its HTML (``labels/extraction_titles.tsv``; how, in its
header). The texts are cached in ``$DATELINE_PASTED_EXTRACTION_CACHE`` or
``~/.cache/dateline/pasted-extraction``, one ``<id>.txt`` a page; build the cache once with
``dateline evaluate pasted-extraction --build-cache``. Keys as ``pasted``'s.
"""
from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from typing import Optional

from . import take
from .corpus_sets import label_rows
from .pasted import Shown, _gunzipped, cache_dir, render_missing, score_pasted

NAME = "pasted-extraction"


def _pages(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> list[Shown]:
    gold = json.loads((path / "ground-truth.json").read_text(encoding="utf-8"))
    titles = {row["page"]: row["title"] for row in label_rows("extraction_titles.tsv")}
    return [Shown(key, partial(_gunzipped, path / "html" / f"{key}.html.gz"), gold[key].get("url"),
                  gold[key].get("articleBody", ""), titles.get(key))
            for key in take(sorted(gold), limit, half)]


def build_cache(path: Path, cache: Optional[Path] = None, limit: Optional[int] = None,
                half: Optional[str] = None, progress=None) -> int:
    """Render the pages not yet in the cache; returns how many were rendered."""
    return render_missing(_pages(path, limit, half), cache or cache_dir(NAME), progress)


def score(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> dict:
    return score_pasted(_pages(path, limit, half), cache_dir(NAME), NAME)
