"""speech_time: re-anchor time expressions inside quotes on the time of speaking (not yet written)."""
from __future__ import annotations

from . import annotator


@annotator("speech_time")
def annotate(record, doc) -> dict:
    return {}
