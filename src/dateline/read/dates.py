"""Date helpers for reading: ISO days from loose strings, years for year-less dates, the dates a
page shows its reader ("Last updated: Dec 4, 2025") and lines that are nothing but such a date.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Optional

from .. import lexicons

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


def _day(year: str, month: int, day: str) -> Optional[str]:
    try:
        return dt.date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


# ---------------------------------------------------------------- dates a page shows

@dataclass(slots=True)
class ShownDate:
    start: int
    day: str  # ISO
    kind: str  # published, updated, or "" when no label precedes it


_MONTH = (r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_SHOWN_DATES = [
    re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}"),
    re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"),
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)(?!\d)"),
]
# Numeric dates only count after a label: 03/06/2025 is ambiguous, and numbers are everywhere.
_NUMERIC = re.compile(r"(?<!\d)(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})[/.](?P<year>(?:19|20)\d\d)(?!\d)")


@functools.cache
def _label_alternatives() -> str:
    rows = sorted(lexicons.rows("date_labels.csv"), key=lambda r: -len(r["label"]))
    return "|".join(
        f"(?P<L_{row['kind']}_{i}>{'[ ]+'.join(map(re.escape, row['label'].split()))})" for i, row in enumerate(rows)
    )


@functools.cache
def _label_before() -> re.Pattern:
    """A label ending just before a date: ``published``, ``Last updated:``, ``Posted on``."""
    return re.compile(rf"\b(?:{_label_alternatives()})(?:[ ]+(?:on|at))?[ ]*:?[ ]*$", re.I)


def _kind(m: re.Match) -> str:
    """The kind of the date label a match of ``_label_alternatives`` found, or ""."""
    name = next((k for k, v in m.groupdict().items() if v is not None and k.startswith("L_")), "")
    return name.split("_")[1] if name else ""


def label_kind(before: str) -> str:
    """``published``, ``updated`` or "" for the label (if any) that ``before`` ends with."""
    m = _label_before().search(before[-40:])
    return _kind(m) if m else ""


def _numeric_day(a: str, b: str, separator: str, year: str) -> Optional[str]:
    """03/06/2025 is March 6 (US order) unless the first number cannot be a month or the
    separator is a dot (European order)."""
    first, second = int(a), int(b)
    month, day = (second, first) if first > 12 or separator == "." else (first, second)
    return _day(year, month, str(day))


def shown_dates(text: str) -> list[ShownDate]:
    """Full dates written in ``text`` (month names, ISO, or numeric after a label), in order."""
    found: dict[int, ShownDate] = {}
    for pattern in _SHOWN_DATES:
        for m in pattern.finditer(text):
            g = m.groupdict()
            month = MONTHS[g["month"].rstrip(".").lower()] if g.get("month") else int(g["mon"])
            day = _day(g["year"], month, g["day"])
            if day and m.start() not in found:
                found[m.start()] = ShownDate(m.start(), day, label_kind(text[max(0, m.start() - 40):m.start()]))
    for m in _NUMERIC.finditer(text):
        kind = label_kind(text[max(0, m.start() - 40):m.start()])
        day = _numeric_day(m.group("a"), m.group("b"), m.group("sep"), m.group("year")) if kind else None
        if day and m.start() not in found:
            found[m.start()] = ShownDate(m.start(), day, kind)
    return [found[k] for k in sorted(found)]


# ---------------------------------------------------------------- lines that are only a date

_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
# a time after the date, run into its year where a page's spans are copied together ("December 3,
# 20256:42 PM GMT+1"), and an update's age after it ("Updated 2 hours ago")
_TIME = (r"(?:(?:[\s,|•·@/-]+(?:at\s+)?|(?=\d{1,2}:\d\d))\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\.?)?"
         r"(?:\s+[A-Z]{2,5}(?:[+-]\d{1,2})?)?)?"
         r"(?:[\s|•·-]*(?:updated|edited)\s+\d+\s+(?:minutes?|mins?|hours?|hrs?|days?)\s+ago)?")
# a time set before the date ("Updated 6:42 PM GMT, December 3, 2026"): hours and minutes always
_TIME_FIRST = r"(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,5}(?:[+-]\d{1,2})?)?[\s,|•·/-]+)?"
# a label with a time and no date ("Last updated 11:48 PM ET"): a date line that gives no day
_CLOCK = r"(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,5}(?:[+-]\d{1,2})?)?"
_DATE_FORMS = (
    rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>[A-Za-z]{{3,9}})\.?,?(?:\s+(?P<year2>(?:19|20)\d\d))?",
    r"(?P<year3>(?:19|20)\d\d)-(?P<mon3>\d\d)-(?P<day3>\d\d)(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?",
    r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})[/.](?P<year4>(?:19|20)\d\d)",
    rf"(?P<month5>[A-Za-z]{{3,9}})\.?\s+(?P<year5>(?:19|20)\d\d)",
    r"\d+\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago",
)


@dataclass(slots=True)
class DateLine:
    kind: str  # published, updated, or "" (a bare date, or a label with no date)
    day: Optional[str]  # ISO when the line gives a full date


@functools.cache
def _date_lines() -> tuple[re.Pattern, re.Pattern]:
    """(a line that is an optional label and a date, a line that is a label alone or with a time)."""
    label = rf"(?:this\s+(?:post|article|story|page)\s+was\s+)?(?:{_label_alternatives()})(?:\s+(?:on|at|by))?\s*:?"
    dates = "|".join(f"(?:{d})" for d in _DATE_FORMS)
    # a weekday before a time set first ("Posted: Fri 6:45 PM, Feb 16, 2018"); a second labelled
    # date after the first ("Posted: Mar 3, 2025 / 05:04 AM EST / Updated: Mar 4, 2025"), whose
    # day is not read (the first date is the line's)
    def stamp(forms: str) -> str:
        return rf"{_WEEKDAY}{_TIME_FIRST}{_WEEKDAY}(?:{forms}){_TIME}"
    second = re.sub(r"\(\?P<\w+>", "(?:", rf"{label}\s*{stamp(dates)}")  # its groups unnamed: not read
    return (re.compile(rf"(?:{label}\s*)?{stamp(dates)}(?:\s*[|•·/;]\s*{second})?\s*[.|]?", re.I),
            re.compile(rf"{label}(?:\s*{_CLOCK})?", re.I))


def date_line(line: str) -> Optional[DateLine]:
    """The line is nothing but a publication or update date ("Published June 3, 2025",
    "Last updated: Dec 4, 2025 at 9:27 am", "Friday, December 19, 2025", "3 hours ago"), or a bare
    date label ("PUBLISHED"): what it says, or None."""
    s = line.strip()
    if len(s) > 80 or not s:
        return None
    with_date, label_alone = _date_lines()
    m = with_date.fullmatch(s) or label_alone.fullmatch(s)
    if not m:
        return None
    g = m.groupdict()
    month_name = g.get("month") or g.get("month2") or g.get("month5")
    if month_name and month_name.rstrip(".").lower() not in MONTHS:
        return None
    day = None
    if g.get("year") and g.get("month"):
        day = _day(g["year"], MONTHS[g["month"].rstrip(".").lower()], g["day"])
    elif g.get("year2"):
        day = _day(g["year2"], MONTHS[g["month2"].rstrip(".").lower()], g["day2"])
    elif g.get("year3"):
        day = _day(g["year3"], int(g["mon3"]), g["day3"])
    elif g.get("year4"):
        day = _numeric_day(g["a"], g["b"], g["sep"], g["year4"])
    return DateLine(_kind(m), day)
