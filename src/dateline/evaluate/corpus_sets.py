"""What the corpus scorers share: the PolNeAR training articles as a corpus, and label files.

``polnear/train/text`` holds articles named ``<outlet>_<YYYY-MM-DD>_<slug>.txt``, the headline on
the first line. Each is offered as JSONL would offer it: the body as text, the headline, outlet and
date as metadata, and ``polnear:<file name>`` as its URL, by which labels find it in a store.

A scorer either analyses the articles it needs into a temporary store (the default, given the
``train`` folder) or, given a DuckDB file (``--path store.duckdb``) into which the whole folder was
analysed that way, reads that store (its corpus step must have run).
"""
from __future__ import annotations

import contextlib
import json
import tempfile
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from ..read import Offered

URL_PREFIX = "polnear:"


def label_lines(name: str) -> list[str]:
    """The lines of a label file in ``evaluate/labels``, ``#`` comments and blank lines dropped."""
    text = resources.files(__package__).joinpath("labels", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def label_rows(name: str) -> list[dict[str, str]]:
    """A tab-separated label file as dicts keyed by its header row."""
    header, *rows = label_lines(name)
    keys = header.split("\t")
    return [dict(zip(keys, row.split("\t"))) for row in rows]


def label_json(name: str) -> list[dict]:
    return [json.loads(line) for line in label_lines(name)]


def text_folder(path: Path) -> Path:
    """The folder of article texts: ``path/text`` for a split, ``path/train/text`` for the set."""
    for candidate in (path / "text", path / "train" / "text", path):
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    raise FileNotFoundError(f"no polnear article texts under {path}")


def outlet_and_date(name: str) -> tuple[str, str]:
    outlet, date, _ = name.split("_", 2)
    return outlet, date


def offered(folder: Path, names: Iterable[str]) -> list[Offered]:
    """The articles as the store is offered them (see the module docstring)."""
    out = []
    for name in names:
        outlet, date = outlet_and_date(name)
        headline, _, body = (folder / name).read_text(encoding="utf-8").partition("\n")
        meta = {"title": headline.strip(), "outlet": outlet, "published": date, "url": URL_PREFIX + name}
        out.append(Offered(f"{folder / name}", body.strip().encode("utf-8"), "text", meta))
    return out


@contextlib.contextmanager
def analysed(path: Path, names: Iterable[str]) -> Iterator[tuple[object, dict[str, str]]]:
    """(a store connection, file name -> article id): a given DuckDB store read as it is, or the
    named articles analysed into a temporary store and taken into its corpus."""
    from .. import corpus
    from ..pipeline import analyze_many
    from ..store import Store

    if path.suffix == ".duckdb":
        with Store(path, read_only=True) as store:
            yield store.con, article_ids(store.con)
        return
    folder = text_folder(path)
    with tempfile.TemporaryDirectory(prefix="dateline-eval-") as tmp, Store(Path(tmp) / "corpus.duckdb") as store:
        for outcome in analyze_many(offered(folder, sorted(set(names)))):
            store.add(outcome.origin, outcome.content_hash, outcome.size, outcome.record, outcome.error)
        corpus.update(store.con)
        yield store.con, article_ids(store.con)


def article_ids(con) -> dict[str, str]:
    """File name -> stored article id, for every polnear article in a store (an exact copy of an
    earlier file maps to the article stored for it)."""
    rows = con.execute(
        "SELECT replace(d.origin, '\\', '/'), a.id, a.url FROM documents d JOIN articles a ON a.id = d.article_id "
        "WHERE d.status IN ('ok', 'duplicate')").fetchall()
    out = {}
    for origin, article, url in rows:
        out[origin.rsplit("/", 1)[-1]] = article
        if url and url.startswith(URL_PREFIX):
            out.setdefault(url[len(URL_PREFIX):], article)
    return out
