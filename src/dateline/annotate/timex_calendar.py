"""Calendar arithmetic for time expressions, and TIMEX3 values written and read back.

An ``Anchor`` is the day relative expressions count from: the publication date, the dateline's
date, or a time of speaking. Its year may be unknown ("XXXX-07-04"): arithmetic then runs on a
stand-in year and every value keeps ``XXXX``; what needs the real year (the weekday of a date, ISO
weeks) comes out as ``XXXX-WXX``-style values. Nothing here reads the system clock.

A ``Point`` is a TIMEX3 date value taken apart (granularity plus fields), so that "a year
earlier" can be counted back from whatever date the text last mentioned, at that date's
granularity ("1989-Q3" -> "1988-Q3").
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace
from typing import Optional

from .. import lexicons

# A non-leap year whose calendar stands in when the year is unknown (values still say XXXX).
_STAND_IN_YEAR = 2001

UNKNOWN_YEAR = "XXXX"


@dataclass(frozen=True, slots=True)
class Anchor:
    """The day relative expressions count from; ``year`` None when the text gives none."""

    year: Optional[int]
    month: int
    day: int
    source: str = "published"

    @classmethod
    def parse(cls, value: Optional[str], source: str = "published") -> Optional["Anchor"]:
        """An anchor from an ISO date or a TIMEX3 day value ("2025-07-04", "XXXX-07-04")."""
        if not value:
            return None
        m = re.match(r"(\d{4}|XXXX)-(\d{2})-(\d{2})", value)
        if not m:
            return None
        year = None if m.group(1) == UNKNOWN_YEAR else int(m.group(1))
        try:
            dt.date(year or _STAND_IN_YEAR, int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
        return cls(year, int(m.group(2)), int(m.group(3)), source)

    @property
    def year_known(self) -> bool:
        return self.year is not None

    @property
    def date(self) -> dt.date:
        return dt.date(self.year or _STAND_IN_YEAR, self.month, self.day)

    def moved_to(self, day: dt.date, source: Optional[str] = None) -> "Anchor":
        return Anchor(day.year if self.year_known else None, day.month, day.day, source or self.source)


def year_text(year: Optional[int]) -> str:
    return UNKNOWN_YEAR if year is None else f"{year:04d}"


def day_value(day: dt.date, year_known: bool = True) -> str:
    return f"{year_text(day.year if year_known else None)}-{day.month:02d}-{day.day:02d}"


def month_value(year: Optional[int], month: int) -> str:
    return f"{year_text(year)}-{month:02d}"


def week_value(day: dt.date, year_known: bool = True) -> str:
    if not year_known:
        return "XXXX-WXX"
    iso_year, week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{week:02d}"


def add_days(day: dt.date, days: int) -> dt.date:
    return day + dt.timedelta(days=days)


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def shift_year(year: Optional[int], years: int) -> Optional[int]:
    return None if year is None else year + years


def weekday_near(anchor: Anchor, weekday: int, direction: int, include_anchor: bool = True) -> dt.date:
    """The date of a weekday (ISO 1-7) nearest the anchor: before it (direction -1) or after (+1)."""
    base = anchor.date
    if direction < 0:
        back = (base.isoweekday() - weekday) % 7
        if back == 0 and not include_anchor:
            back = 7
        return add_days(base, -back)
    ahead = (weekday - base.isoweekday()) % 7
    if ahead == 0 and not include_anchor:
        ahead = 7
    return add_days(base, ahead)


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


@functools.cache
def _season_starts() -> dict[str, int]:
    return {r["season"]: int(r["first_month"]) for r in lexicons.rows("timex_seasons.csv")}


def season_of(month: int) -> tuple[str, int]:
    """The season a month falls in and the offset of its year (January's winter began last year)."""
    best, best_start = "WI", 12
    for season, start in _season_starts().items():
        if start <= month and (best_start > month or start > best_start):
            best, best_start = season, start
    return best, (-1 if best_start > month else 0)


def nth_weekday(year: int, month: int, n: str, weekday: int) -> dt.date:
    """The nth (1-5, or "L" for last) ISO weekday of a month."""
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if dt.date(year, month, d).isoweekday() == weekday]
    return dt.date(year, month, days[-1] if n == "L" else days[int(n) - 1])


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    return dt.date(year, month, (h + l - 7 * m + 114) % 31 + 1)


def holiday_date(rule: str, year: int) -> dt.date:
    """The day a holiday rule (see lexicons/timex_holidays.csv) gives in a year."""
    if rule.startswith("EASTER"):
        return add_days(easter(year), int(rule[6:] or 0))
    m = re.fullmatch(r"(\d\d)-(\d\d)", rule)
    if m:
        return dt.date(year, int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"(\d\d)-(\d|L)-(\d)(?:\+(\d+))?", rule)
    if not m:
        raise ValueError(f"bad holiday rule {rule!r}")
    return add_days(nth_weekday(year, int(m.group(1)), m.group(2), int(m.group(3))), int(m.group(4) or 0))


# ---- TIMEX3 values taken apart -------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Point:
    """A calendar TIMEX3 value at its granularity: Y, H (half), Q, S (season), M, W, D."""

    granularity: str
    year: Optional[int]
    part: int = 0  # half, quarter, month or ISO week number; season order for S
    day: Optional[dt.date] = None
    season: str = ""

    def value(self) -> str:
        y = year_text(self.year)
        if self.granularity == "Y":
            return y
        if self.granularity == "H":
            return f"{y}-H{self.part}"
        if self.granularity == "Q":
            return f"{y}-Q{self.part}"
        if self.granularity == "S":
            return f"{y}-{self.season}"
        if self.granularity == "M":
            return f"{y}-{self.part:02d}"
        if self.granularity == "W":
            return f"{y}-W{self.part:02d}" if self.year is not None else "XXXX-WXX"
        return day_value(self.day, self.year is not None)


_POINT = re.compile(r"(\d{4}|XXXX)(?:-(?:(H[12])|(Q[1-4])|(SP|SU|FA|WI)|W(\d\d)|(\d\d)(?:-(\d\d))?))?(?:T.*)?$")


def parse_point(value: str) -> Optional[Point]:
    """A calendar value taken apart, or None for durations, sets and vague references."""
    m = _POINT.match(value or "")
    if not m:
        return None
    year = None if m.group(1) == UNKNOWN_YEAR else int(m.group(1))
    half, quarter, season, week, month, day = m.group(2, 3, 4, 5, 6, 7)
    if half:
        return Point("H", year, int(half[1]))
    if quarter:
        return Point("Q", year, int(quarter[1]))
    if season:
        return Point("S", year, season=season)
    if week:
        return Point("W", year, int(week))
    if month and day:
        try:
            return Point("D", year, int(month), dt.date(year or _STAND_IN_YEAR, int(month), int(day)))
        except ValueError:
            return None
    if month:
        return Point("M", year, int(month))
    return Point("Y", year)


_ORDER = {"Y": 0, "H": 1, "Q": 2, "S": 2, "M": 3, "W": 4, "D": 5}
_MONTHS_IN = {"Y": 12, "H": 6, "Q": 3, "M": 1}


def shift_point(point: Point, unit: str, amount: int) -> Point:
    """A point moved by ``amount`` units (Y, Q, M, W, D), kept at its granularity where that is
    finer than a year and coarser than the unit (a quarter a year earlier is that quarter),
    otherwise at the unit's."""
    if unit == "D":
        base = point.day if point.day else _first_day(point)
        day = add_days(base, amount)
        return Point("D", day.year if point.year is not None else None, day.month, day)
    if unit == "W":
        base = point.day if point.day else _first_day(point)
        day = add_days(base, 7 * amount)
        return Point("W", day.isocalendar()[0] if point.year is not None else None, day.isocalendar()[1], day)
    months = {"Y": 12, "Q": 3, "M": 1}.get(unit)
    if months is None:
        return point
    total = months * amount
    if point.granularity == "Y" or (unit == "Y" and point.granularity == "D"):
        return Point("Y", shift_year(point.year, total // 12) if total % 12 == 0 else point.year)
    if point.granularity == "S":
        return replace(point, year=shift_year(point.year, total // 12))
    if point.granularity in ("H", "Q", "M") and total % _MONTHS_IN[point.granularity] == 0:
        size = _MONTHS_IN[point.granularity]
        index = (point.year or _STAND_IN_YEAR) * (12 // size) + point.part - 1 + total // size
        year = index // (12 // size)
        return Point(point.granularity, year if point.year is not None else None, index % (12 // size) + 1)
    start = _first_day(point)
    year, month = add_months(start.year, start.month, total)
    gran = "Q" if unit == "Q" else "M"
    part = quarter_of(month) if gran == "Q" else month
    return Point(gran, year if point.year is not None else None, part)


def _first_day(point: Point) -> dt.date:
    year = point.year or _STAND_IN_YEAR
    if point.day:
        return point.day
    if point.granularity == "W":
        return dt.date.fromisocalendar(year, point.part, 1)
    if point.granularity in ("H", "Q", "M"):
        return dt.date(year, (point.part - 1) * _MONTHS_IN[point.granularity] + 1, 1)
    if point.granularity == "S":
        return dt.date(year, _season_starts().get(point.season, 1), 1)
    return dt.date(year, 1, 1)


def point_of_anchor(anchor: Anchor, granularity: str) -> Point:
    """The anchor's own year, quarter, month, week or day."""
    day = anchor.date
    if granularity == "Y":
        return Point("Y", anchor.year)
    if granularity == "Q":
        return Point("Q", anchor.year, quarter_of(day.month))
    if granularity == "H":
        return Point("H", anchor.year, 1 if day.month <= 6 else 2)
    if granularity == "M":
        return Point("M", anchor.year, day.month)
    if granularity == "W":
        return Point("W", day.isocalendar()[0] if anchor.year_known else None, day.isocalendar()[1], day)
    return Point("D", anchor.year, day.month, day)


def coarsen(point: Point, granularity: str) -> Point:
    """A point at a coarser granularity: the year, quarter, month or week it falls in."""
    if point.granularity == granularity or not finer_or_equal(point.granularity, granularity):
        return point
    first = _first_day(point)
    if granularity == "Y":
        return Point("Y", point.year)
    if granularity == "W":
        return Point("W", first.isocalendar()[0] if point.year is not None else None, first.isocalendar()[1], first)
    part = {"H": 1 if first.month <= 6 else 2, "Q": quarter_of(first.month), "M": first.month}.get(granularity)
    return Point(granularity, point.year, part) if part else point


def finer_or_equal(a: str, b: str) -> bool:
    return _ORDER.get(a, 0) >= _ORDER.get(b, 0)
