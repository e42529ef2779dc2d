"""The dateline at the head of an article body, in its common styles.

    July 4--Iran has said ...                 date only
    WASHINGTON (Reuters) - The ...            place and agency
    LONDON, June 3 — Ministers ...            place and date
    KYIV, Ukraine, March 2, 2024 (AP) — ...   place, region, full date, agency
    NEW YORK -- ...                           place only

Returns the dateline's exact characters (start/end in the paragraph), its place and its date
(``YYYY-MM-DD``, or ``XXXX-MM-DD`` when no year is written).
"""
from __future__ import annotations

import re
from typing import Optional

from ..record import Dateline
from .dates import MONTHS

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE = rf"(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_PLACE = r"(?P<place>[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3})(?:,\s+(?P<region>[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2}))?"
_AGENCY = r"(?:\s*\((?P<agency>[A-Za-z][\w .&-]{1,30})\))?"
_DASH = r"\s*(?:--+|—|–|-|:)\s*"

_PATTERNS = [
    re.compile(rf"^{_PLACE},\s+{_DATE}{_AGENCY}{_DASH}"),
    re.compile(rf"^{_PLACE}{_AGENCY}{_DASH}"),
    re.compile(rf"^{_DATE}{_AGENCY}{_DASH}"),
]


def find_dateline(paragraph: str) -> Optional[Dateline]:
    """The dateline opening ``paragraph``, or None. Offsets are into ``paragraph``."""
    for pattern in _PATTERNS:
        m = pattern.match(paragraph)
        if not m:
            continue
        groups = m.groupdict()
        rest = paragraph[m.end():m.end() + 1]
        if not rest or not (rest.isupper() or rest.isdigit() or rest in "\"'“‘"):
            continue
        place = groups.get("place")
        if place and (len(place) < 3 or not _looks_like_place(place)):
            continue
        date = None
        if groups.get("month"):
            month = MONTHS[groups["month"].rstrip(".").lower()]
            day = int(groups["day"])
            if not 1 <= day <= 31:
                continue
            year = groups.get("year") or "XXXX"
            date = f"{year}-{month:02d}-{day:02d}"
        text = paragraph[: m.end()].rstrip()
        if place and groups.get("region"):
            place = f"{place.title()}, {groups['region']}"
        elif place:
            place = place.title()
        return Dateline(text=text, place=place, date=date, start=0, end=len(text))
    return None


def _looks_like_place(place: str) -> bool:
    words = place.replace(".", "").split()
    return all(w.isupper() for w in words) and not any(w in {"I", "A", "THE", "BREAKING", "UPDATE"} for w in words[:1])
