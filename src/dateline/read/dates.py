"""Small date helpers for reading: ISO days from loose strings, years for year-less dates."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def iso_day(value: Optional[str]) -> Optional[str]:
    """``YYYY-MM-DD`` from an ISO date or datetime string, or None."""
    if not value:
        return None
    m = _ISO.search(str(value))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def complete_partial(partial: str, anchor_day: str) -> Optional[str]:
    """``XXXX-07-04`` with anchor ``2025-07-10`` -> ``2025-07-04``: the year that puts the date
    nearest the anchor, if that is within about half a year; else None."""
    m = re.fullmatch(r"XXXX-(\d{2})-(\d{2})", partial)
    anchor = iso_day(anchor_day)
    if not m or not anchor:
        return None
    a = dt.date.fromisoformat(anchor)
    best = None
    for year in (a.year - 1, a.year, a.year + 1):
        try:
            d = dt.date(year, int(m.group(1)), int(m.group(2)))
        except ValueError:
            continue
        if best is None or abs((d - a).days) < abs((best - a).days):
            best = d
    if best is None or abs((best - a).days) > 183:
        return None
    return best.isoformat()
