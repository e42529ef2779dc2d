"""attribution: not yet written (see the open issues)."""
from __future__ import annotations

from . import annotator


@annotator("attribution")
def annotate(record, doc) -> dict:
    return {}
