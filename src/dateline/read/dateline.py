"""The dateline at the head of an article body, in its common styles.

    July 4--Iran has said ...                          date only
    WASHINGTON (Reuters) - The ...                     place and agency
    LONDON, June 3 — Ministers ...                     place and date
    KYIV, Ukraine, March 2, 2024 (AP) — ...            place, region, full date, agency
    NEW YORK -- ...                                    place only
    BEIRUT/DUBAI, June 3 (Reuters) - ...               several places
    WASHINGTON, D.C., 3 June 2025 /PRNewswire/ -- ...  day-month order, press-wire agency
    Geneva, June 3 (AFP) - ...                         a place in ordinary case, only with a date or agency
    (CNN) — ...                                        agency only
    June 3 (Reuters) - ...                             date and agency

Returns the dateline's exact characters (start/end in the paragraph), its place and its date
(``YYYY-MM-DD``, or ``XXXX-MM-DD`` when no year is written).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Optional

from .. import lexicons
from ..record import Dateline
from .dates import MONTHS

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_DATE = (rf"(?:(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?{_YEAR}"
         rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH}){_YEAR.replace('year', 'year2')})")
_CAPS_WORD = r"[A-Z][A-Z.'’\-]*[A-Z.]"
_CAPS_PLACE = rf"{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}(?:\s*/\s*{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,2}}){{0,3}}"
_PLAIN_PLACE = r"[A-Z][a-zà-ÿ'’\-]+(?:\s+[A-Z][a-zà-ÿ'’\-]+){0,2}"
_REGION = r"(?:,\s+(?P<region>[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,2}))?"
_AGENCY = r"(?:\s*(?:\((?P<agency>[A-Za-z][\w .&'’-]{0,30})\)|/(?P<wire>[A-Za-z][\w .&-]{1,30})/))"
# A lone hyphen or a colon must be followed by a space ("US-China" is no dateline); "--" and the
# long dashes may touch the next word ("July 4--Iran").
_DASH = r"\s*(?:(?:-{2,}|—|–|―)\s*|(?:-|:)\s+)"

_PATTERNS = [
    # place (capitals), optional region, date, optional agency
    re.compile(rf"(?P<place>{_CAPS_PLACE}){_REGION},\s+{_DATE}{_AGENCY}?{_DASH}"),
    # place (capitals), optional region, optional agency
    re.compile(rf"(?P<place>{_CAPS_PLACE}){_REGION}{_AGENCY}?{_DASH}"),
    # place in ordinary case: only with a date or an agency after it
    re.compile(rf"(?P<place>{_PLAIN_PLACE}){_REGION},\s+{_DATE}{_AGENCY}?{_DASH}"),
    re.compile(rf"(?P<place>{_PLAIN_PLACE}){_REGION}{_AGENCY}{_DASH}"),
    # date, optional agency
    re.compile(rf"{_DATE}{_AGENCY}?{_DASH}"),
    # agency only
    re.compile(rf"{_AGENCY}{_DASH}"),
]


@functools.cache
def _not_places() -> frozenset[str]:
    return frozenset(w.upper() for w in lexicons.lines("dateline_not_places.txt"))


def find_dateline(paragraph: str) -> Optional[Dateline]:
    """The dateline opening ``paragraph``, or None. Offsets are into ``paragraph``."""
    head = paragraph[:160]
    for pattern in _PATTERNS:
        m = pattern.match(head)
        if not m:
            continue
        rest = paragraph[m.end():m.end() + 1]
        if not rest or not (rest.isupper() or rest.isdigit() or rest in "\"'“‘("):
            continue
        g = m.groupdict()
        place = g.get("place")
        if place and not _plausible_place(place):
            continue
        date = _date(g)
        if date == "":
            return None  # an impossible date: not a dateline at all
        text = paragraph[: m.end()].rstrip()
        if place:
            place = place.title() if place.isupper() else place
            if g.get("region"):
                place = f"{place}, {g['region']}"
        return Dateline(text=text, place=place, date=date, start=0, end=len(text))
    return None


def _date(g: dict) -> Optional[str]:
    """ISO or XXXX-MM-DD; None when the dateline has no date; "" when the date is impossible."""
    month_name = g.get("month") or g.get("month2")
    if not month_name:
        return None
    month = MONTHS[month_name.rstrip(".").lower()]
    day = int(g.get("day") or g.get("day2"))
    year = g.get("year") or g.get("year2")
    try:  # a year-less date is checked against a leap year, so that February 29 passes
        dt.date(int(year or 2024), month, day)
    except ValueError:
        return ""
    return f"{year or 'XXXX'}-{month:02d}-{day:02d}"


def _plausible_place(place: str) -> bool:
    words = re.split(r"[\s/]+", place.replace(".", ""))
    if not words or not words[0]:
        return False
    if words[0].upper() in _not_places():
        return False
    return len(place.replace(" ", "")) >= 2
