"""``seed``: dateline's record of the worked example held against its human reading.

Runs the seed's own judge (``shared/seed/check.py``) on the record of
``000_c27362bdd3f20cca.txt`` analysed with ``--published 2025-07-04``, one section at a time, and
adds the layout checks the foundation issue names. Keys: ``<section>_hits`` and ``<section>_total``
for attributions, sources, timexes, events, loaded, claims; ``layout_ok`` (1 when chrome, title,
headings and dateline all match the reading), ``n`` (1).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Optional

SECTIONS = ("attributions", "sources", "timexes", "events", "loaded", "claims")
PUBLISHED = "2025-07-04"


def seed_files(path: Path) -> tuple[Path, Path, Path]:
    text = next(path.glob("*.txt"))
    return text, text.with_name(text.stem + ".reading.json"), path / "check.py"


def layout_ok(record, reading: dict) -> bool:
    layout = reading["layout"]
    return (
        record.removed == layout["boilerplate"]
        and record.title == layout["title"]
        and [h.text for h in record.headings] == layout["headings"]
        and record.dateline is not None
        and record.dateline.text == layout["dateline"]
        and record.dateline.date == reading["published"]
    )


def score(path: Path, limit: Optional[int] = None, half: Optional[str] = None) -> dict:
    from ..pipeline import analyze

    text_file, reading_file, check = seed_files(path)
    record = analyze(text_file.read_bytes(), published=PUBLISHED, form="text")
    reading = json.loads(reading_file.read_text(encoding="utf-8"))
    metrics: dict = {"layout_ok": int(layout_ok(record, reading))}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(record.to_dict(), f, ensure_ascii=False)
    for section in SECTIONS:
        out = subprocess.run([sys.executable, str(check), f.name, str(reading_file), section, "0"],
                             capture_output=True, text=True).stdout
        m = re.search(rf"{section}=(\d+)/(\d+)", out)
        metrics[f"{section}_hits"], metrics[f"{section}_total"] = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
    Path(f.name).unlink()
    metrics["n"] = 1
    return metrics
