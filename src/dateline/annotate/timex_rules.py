"""What each pattern of ``lexicons/timex_patterns.txt`` means as a TIMEX3 type and value.

Every rule there is a regular expression; here a reader of the same name turns its match into a
``Reading``: the TIMEX3 type, the value, and whether the value was counted from the anchor. A reader
may refuse a match (returns None: "may" the verb) or claim its words without making a timex
(``NOT_A_TIMEX``: "$5 a year"). Where matches overlap the longest wins (``timex.py`` decides).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Callable, Optional

from . import timex_calendar as cal
from .timex_calendar import Anchor, Point
from .timex_words import (TIME_UNITS, UNIT_YEARS, compile_template, context, direction_of, duration_mod,
                          duration_value, month_of, number_value, pattern_texts, point_mod, relative_words,
                          trigger_groups, unit_of, weekday_of, words, year_value)


@dataclass(frozen=True, slots=True)
class Reading:
    type: str  # DATE, TIME, DURATION, SET; NONE claims the words without making a timex ("$5 a year")
    value: str
    anchored: bool = False  # the value was counted from the anchor (or from a date the text gave)
    mod: Optional[str] = None
    start: Optional[int] = None  # a narrower extent than the match, where the reader decides it
    end: Optional[int] = None
    sets_reference: bool = True  # False for dates counted back from another ("a year ago")


NOT_A_TIMEX = Reading("NONE", "")


@dataclass(slots=True)
class Context:
    """What a reader may consult: the text, the anchor, the parse around a span, the last dates."""

    text: str
    anchor: Optional[Anchor]
    tense: Callable[[int, int], Optional[str]]  # "past", "present", "future" or None
    token: Callable[[int, int], object]  # the spaCy token heading a span, or None
    reference: Optional[Point] = None  # the last calendar date the narrative mentioned
    reference_end: int = -1
    period_reference: Optional[Point] = None  # the last quarter or half-year mentioned
    period_reference_end: int = -1
    day_reference: Optional[Point] = None  # the last day mentioned

    def pos(self, start: int, end: int) -> str:
        token = self.token(start, end)
        return token.pos_ if token is not None else ""

    def before(self, start: int, name: str, reach: int = 40) -> bool:
        """Whether the context pattern ``name`` ends right before ``start``."""
        return context(name).search(self.text, max(0, start - reach), start) is not None

    def after(self, end: int, name: str, reach: int = 40) -> bool:
        """Whether the context pattern ``name`` starts right after ``end``."""
        return context(name).match(self.text, end, end + reach) is not None

    def reference_or_anchor(self, granularity: str) -> Optional[Point]:
        """The last date mentioned at this granularity (or the anchor's), None without either."""
        if self.reference is not None and cal.finer_or_equal(self.reference.granularity, granularity):
            return cal.coarsen(self.reference, granularity)
        return cal.point_of_anchor(self.anchor, granularity) if self.anchor else None

    def day_or_anchor(self) -> Optional[Point]:
        """The last day mentioned, else the anchor day; None without either."""
        if self.day_reference is not None:
            return self.day_reference
        return cal.point_of_anchor(self.anchor, "D") if self.anchor else None


# How far (days) the nearest reading of a yearless date must lie on the wrong side of the anchor
# before the governing verb's tense moves it a year.
DATE_TENSE_SLACK = 60


def _resolve_year(ctx: Context, month: int, day: Optional[int], start: int, end: int) -> Optional[int]:
    """The year of a date given without one: the one that puts it nearest the anchor, unless the
    tense says it lies more than DATE_TENSE_SLACK days the other way ("was founded on Dec. 5" in
    November)."""
    a = ctx.anchor
    if a is None or not a.year_known:
        return None
    best: Optional[tuple[int, int]] = None
    for year in (a.year - 1, a.year, a.year + 1):
        try:
            days = (dt.date(year, month, day or 15) - a.date).days
        except ValueError:
            continue
        if best is None or abs(days) < abs(best[1]):
            best = (year, days)
    year, days = best
    slack = DATE_TENSE_SLACK
    if days > slack or days < -slack:
        tense = ctx.tense(start, end)
        if tense == "past" and days > slack:
            return year - 1
        if tense == "future" and days < -slack:
            return year + 1
    return year


def _year_by_direction(ctx: Context, month: int, day: int, direction: Optional[int]) -> Optional[int]:
    """"last Oct. 23": the latest such day before the anchor; "next May 5": the first after it."""
    a = ctx.anchor
    if a is None or not a.year_known or not direction:
        return a.year if a is not None else None
    key, here = (month, day), (a.month, a.day)
    if direction < 0:
        return a.year if key < here else a.year - 1
    return a.year if key > here else a.year + 1


def _weekday_date(ctx: Context, weekday: int, direction: Optional[int], start: int, end: int) -> Optional[dt.date]:
    a = ctx.anchor
    if direction == -1:
        return cal.weekday_near(a, weekday, -1, include_anchor=False)
    if direction == 1:
        return cal.weekday_near(a, weekday, 1, include_anchor=False)
    tense = ctx.tense(start, end)
    if tense == "future":
        return cal.weekday_near(a, weekday, 1, include_anchor=True)
    return cal.weekday_near(a, weekday, -1, include_anchor=True)


# ---- readers, one per rule ---------------------------------------------------------------------

def read_clock(m: re.Match, ctx: Context) -> Optional[Reading]:
    g = m.groupdict()
    if g["named"]:
        clock = words().parts[g["named"].lower()]
    else:
        hour_text = g["h"] or g["h24"] or g["hw"] or g["hp"]
        hour = number_value(hour_text)
        if hour is None or hour == "X":
            return None
        hour = int(hour)
        minute = int(g["m"] or g["m24"] or 0)
        ampm = (g["ampm"] or "").lower().replace(".", "").replace(" ", "")
        part = (g["pp"] or "").lower()
        if hour > 24 or (ampm and not 1 <= hour <= 12):
            return None
        if (ampm == "pm" or words().parts.get(part) in ("AF", "EV")) and hour < 12:
            hour += 12
        if ampm == "am" and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{minute:02d}"
    day, anchored = None, False
    if g["post"]:
        day_reading = _read_dayref(g["post"], ctx, m.start(), m.end())
        if day_reading is None:
            return None
        day, anchored = day_reading.value, day_reading.anchored
    elif ctx.anchor is not None:
        day, anchored = ctx.day_or_anchor().value(), True
    value = f"{day}T{clock}" if day else f"XXXX-XX-XXT{clock}"
    return Reading("TIME", value, anchored, "APPROX" if g["mod"] else None)


def _read_dayref(text: str, ctx: Context, start: int, end: int) -> Optional[Reading]:
    """A day named in passing ("Friday", "yesterday", "Nov. 9") inside a longer expression."""
    key = text.lower()
    if key in words().relative["day"]:
        if ctx.anchor is None:
            return Reading("DATE", "XXXX-XX-XX")
        day = cal.add_days(ctx.anchor.date, int(words().relative["day"][key]))
        return Reading("DATE", cal.day_value(day, ctx.anchor.year_known), True)
    m = _dayref_date().fullmatch(text)
    if m:
        month, day = month_of(m.group("m")), int(re.sub(r"\D", "", m.group("d")))
        year = int(m.group("y")) if m.group("y") else _resolve_year(ctx, month, day, start, end)
        return _day_reading(year, month, day, anchored=not m.group("y"))
    try:
        weekday = weekday_of(text)
    except KeyError:
        return None
    if ctx.anchor is None or not ctx.anchor.year_known:
        return Reading("DATE", f"XXXX-WXX-{weekday}")
    return Reading("DATE", cal.day_value(_weekday_date(ctx, weekday, None, start, end)), True)


def _day_reading(year: Optional[int], month: int, day: int, anchored: bool, type_: str = "DATE",
                 mod: Optional[str] = None) -> Optional[Reading]:
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return None
    return Reading(type_, f"{cal.year_text(year)}-{month:02d}-{day:02d}", anchored, mod)


def read_date(m: re.Match, ctx: Context) -> Optional[Reading]:
    g = m.groupdict()
    mod = point_mod(g["pmod"])
    month_text = g["m1"] or g["m2"] or g["m3"] or g["m4"] or g["m5"] or g["m6"] or g["m7"]
    month = month_of(month_text)
    year_text_ = g["y1"] or g["y2"] or g["y3"] or g["y4"]
    day_text = g["d1"] or g["d2"]
    if day_text:
        day = int(re.sub(r"\D", "", day_text))
    elif g["o3"] or g["o5"]:
        day = int(words().numbers[(g["o3"] or g["o5"]).lower()][0])
    else:
        day = None
    if g["m6"] and _not_the_month(g["m6"], m.start("m6"), m.end("m6"), ctx):
        return None
    if year_text_:
        year, anchored = year_value(year_text_), False
    elif g["ydir"]:
        a = ctx.anchor
        year = a.year + direction_of(g["ydir"]) if a is not None and a.year_known else None
        anchored = a is not None
    elif g["mdir"] and day is not None:
        year, anchored = _year_by_direction(ctx, month, day, direction_of(g["mdir"])), True
    else:
        year, anchored = _resolve_year(ctx, month, day, m.start(), m.end()), True
    if day is None:
        return Reading("DATE", cal.month_value(year, month), anchored, mod)
    return _day_reading(year, month, day, anchored, mod=mod)


# Named entities a lone month name can be part of ("Jan Kavan", "the March for Life").
_NAME_ENTITIES = {"PERSON", "ORG", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT", "LAW", "GPE", "NORP"}


def _not_the_month(word: str, start: int, end: int, ctx: Context) -> bool:
    """A lone month name that is something else: "May" the modal, "March" the verb, a name, or an
    abbreviation without its full stop ("Jan Kavan")."""
    if _is_abbreviation(word) and not word.endswith("."):
        return True
    token = ctx.token(start, end)
    if token is not None and (token.ent_type_ in _NAME_ENTITIES or token.pos_ in ("VERB", "AUX")):
        return True
    return token is not None and token.lower_ == "may" and ctx.after(end, "modal_may_after")


def _is_abbreviation(word: str) -> bool:
    """A month or weekday written shorter than its full name ("Jan", "Sept.")."""
    key = word.lower().rstrip(".")
    names = words().month_names + words().weekday_names
    return any(name.lower() == key and short for name, short in names)


def read_numeric_date(m: re.Match, ctx: Context) -> Optional[Reading]:
    g = m.groupdict()
    if g["iy"]:
        return _day_reading(int(g["iy"]), int(g["im"]), int(g["id"]), False)
    year = int(g["y"])
    if year < 100:
        year += 1900 if year >= 50 else 2000
    return _day_reading(year, int(g["m"]), int(g["d"]), False)


def read_year(m: re.Match, ctx: Context) -> Optional[Reading]:
    g = m.groupdict()
    mod = point_mod(g["pmod"])
    if g["dec"]:
        return Reading("DATE", g["dec"][:3], False, mod)
    if g["dec2"]:
        century = "19" if int(g["dec2"]) >= 20 or ctx.anchor is None or not ctx.anchor.year_known \
            else str(ctx.anchor.year)[:2]
        return Reading("DATE", century + g["dec2"][0], False, mod)
    if g["cent"]:
        n = words().numbers.get(g["cent"].lower(), (re.sub(r"\D", "", g["cent"]), ""))[0]
        return Reading("DATE", f"{int(n) - 1:02d}", False, mod)
    if g["spelled"] or g["yy"]:
        year = year_value(g["spelled"] or g["yy"])
        return Reading("DATE", cal.year_text(year), False, mod) if year is not None else None
    if g["fiscal"] is None and not mod and _looks_like_count(m, ctx):
        return None
    return Reading("DATE", g["y"], False, mod)


def _looks_like_count(m: re.Match, ctx: Context) -> bool:
    """A bare four-digit number counting things ("1990 cars", "Flight 1940") is not a year."""
    return ctx.before(m.start(), "number_label_before", 12) or ctx.after(m.end(), "count_noun_after", 14)


def read_weekday(m: re.Match, ctx: Context) -> Optional[Reading]:
    g = m.groupdict()
    weekday = weekday_of(g["wd"])
    part = words().parts.get((g["part"] or "").lower())
    if g["plural"] or (g["part"] or "").lower().endswith("s"):
        return Reading("SET", f"XXXX-WXX-{weekday}" + (f"T{part}" if part and not part[0].isdigit() else ""))
    mod = point_mod(g["pmod"])
    direction = direction_of(g["dir"])
    if ctx.anchor is None or not ctx.anchor.year_known:
        day_value = f"XXXX-WXX-{weekday}"
        anchored = False
    elif g["the"] and direction:
        # "the previous Friday": counted from the last day the text mentioned
        base = ctx.day_reference
        around = ctx.anchor.moved_to(base.day) if base is not None else ctx.anchor
        day_value, anchored = cal.day_value(cal.weekday_near(around, weekday, direction, include_anchor=False)), True
    else:
        day = _weekday_date(ctx, weekday, direction, m.start(), m.end())
        day_value, anchored = cal.day_value(day), True
    if part:
        return Reading("TIME", f"{day_value}T{part}", anchored, mod)
    return Reading("DATE", day_value, anchored, mod)


def read_relative_day(m: re.Match, ctx: Context) -> Optional[Reading]:
    g = m.groupdict()
    rel = words().relative["day"]
    mod = point_mod(g["pmod"])
    if g["rd"] or g["rd2"]:
        key = re.sub(r"\s+", " ", (g["rd"] or g["rd2"]).lower())
        part_word = g["part"] or g["partpre"] or (key if key in words().parts else None)  # "tonight"
        offset = int(rel[key])
    else:
        which, part_word = g["dir"].lower(), g["part2"]
        offset = int(rel[which]) if which in rel else direction_of(which)  # "last night", "this morning"
    part = words().parts.get((part_word or "").lower())
    if ctx.anchor is None:
        value = "XXXX-XX-XX"
    else:
        value = cal.day_value(cal.add_days(ctx.anchor.date, offset), ctx.anchor.year_known)
    if part:
        return Reading("TIME", f"{value}T{part}", ctx.anchor is not None, mod)
    return Reading("DATE", value, ctx.anchor is not None, mod)


_GRANULARITY = {"Y": "Y", "M": "M", "W": "W", "D": "D", "Q": "Q", "DE": "Y", "CE": "Y", "WE": "W", "FN": "W"}


def read_relative_unit(m: re.Match, ctx: Context) -> Optional[Reading]:
    g = m.groupdict()
    direction = direction_of(g["dir"])
    mod = point_mod(g["within"]) or point_mod(g["pmod"])
    what = g["what"]
    w = words()
    the = bool(g["the"])
    if what.lower() in w.seasons:
        return _season(ctx, w.seasons[what.lower()], direction, None, mod, m)
    if what[0].isupper() and what.lower().rstrip(".") in w.months:
        return _month_with_direction(ctx, month_of(what), direction, mod, m)
    unit = unit_of(what)
    dir_word = re.sub(r"\s+", " ", g["dir"].lower())
    if the and dir_word in relative_words("stretch") and not mod:
        return Reading("DURATION", duration_value(1, unit))
    if ctx.anchor is None:
        return Reading("DATE", {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX"}.get(unit, "XXXX-XX-XX"), False, mod)
    gran = _GRANULARITY.get(unit, "Y")
    if the and dir_word in relative_words("sequence"):
        base = ctx.reference_or_anchor(gran)  # "the following year": after the year last mentioned
    else:
        base = cal.point_of_anchor(ctx.anchor, gran)
    if unit == "D":
        if not the or dir_word not in relative_words("sequence"):
            return None
        return Reading("DATE", cal.shift_point(ctx.day_or_anchor(), "D", direction).value(), True, mod)
    if unit == "WE":
        week = cal.shift_point(cal.point_of_anchor(ctx.anchor, "W"), "W", direction)
        return Reading("DATE", week.value() + "-WE", True, mod)
    if unit in ("DE", "CE"):
        if ctx.anchor.year is None:
            return Reading("DATE", "XX" if unit == "CE" else "XXX", True, mod)
        size = 10 if unit == "DE" else 100
        start = (ctx.anchor.year // size + direction) * size
        return Reading("DATE", str(start)[: 3 if unit == "DE" else 2], True, mod)
    point = cal.shift_point(base, unit, direction) if direction else base
    return Reading("DATE", point.value(), True, mod)


def _month_with_direction(ctx: Context, month: int, direction: Optional[int], mod: Optional[str],
                          m: re.Match) -> Reading:
    a = ctx.anchor
    if a is None or not a.year_known:
        return Reading("DATE", cal.month_value(None, month), a is not None, mod)
    year = a.year
    if direction == -1 and month >= a.month:
        year -= 1
    elif direction == 1 and month <= a.month:
        year += 1
    return Reading("DATE", cal.month_value(year, month), True, mod)


# Seasons in the order they come within the year that names them (a winter is named by the year
# of its December).
_SEASON_ORDER = ("SP", "SU", "FA", "WI")


def _season(ctx: Context, season: str, direction: Optional[int], year: Optional[int], mod: Optional[str],
            m: re.Match) -> Reading:
    """A season's year: given, or by "last"/"next", or by tense, or the occurrence nearest the anchor."""
    if year is not None:
        return Reading("DATE", f"{year}-{season}", False, mod)
    a = ctx.anchor
    if a is None or not a.year_known:
        return Reading("DATE", f"XXXX-{season}", a is not None, mod)
    current, offset = cal.season_of(a.month)
    now = (a.year + offset) * 4 + _SEASON_ORDER.index(current)
    wanted = _SEASON_ORDER.index(season)
    occurrences = [now + k for k in range(-4, 5) if (now + k) % 4 == wanted]
    if direction is None:
        tense = ctx.tense(m.start(), m.end())
        direction = {"past": -1, "future": 1}.get(tense, 0)
        earlier = [k for k in occurrences if k <= now] if direction < 0 else []
        later = [k for k in occurrences if k >= now] if direction > 0 else []
    else:
        earlier = [k for k in occurrences if k < now] if direction < 0 else []
        later = [k for k in occurrences if k > now] if direction > 0 else []
    if direction < 0:
        chosen = max(earlier)
    elif direction > 0:
        chosen = min(later)
    else:
        chosen = min(occurrences, key=lambda k: (abs(k - now), -k))
    return Reading("DATE", f"{chosen // 4}-{season}", True, mod)


def read_season(m: re.Match, ctx: Context) -> Optional[Reading]:
    g = m.groupdict()
    word = g["season"].lower()
    if not (g["dir"] or g["the"] or g["year"] or g["pmod"] or g["pmod2"]):
        if ctx.pos(m.start("season"), m.end("season")) not in ("NOUN", "PROPN"):
            return None  # "prices fall", "hopes spring eternal"
    if word == "fall" and g["the"] and not g["year"] and ctx.after(m.end(), "of_not_a_year_after", 8):
        return None  # "the fall of the city"
    mod = point_mod(g["pmod"]) or point_mod(g["pmod2"])
    year = year_value(g["year"]) if g["year"] else None
    return _season(ctx, words().seasons[word], direction_of(g["dir"]), year, mod, m)


def read_duration(m: re.Match, ctx: Context) -> Optional[Reading]:
    g = m.groupdict()
    unit_word = g["unit"].lower()
    unit = unit_of(unit_word)
    amount_text = g["amount"].lower()
    amount = number_value(amount_text)
    if amount is None:
        return None
    if amount_text.isdigit() and 1000 <= amount <= 2100:
        return None  # "the 1988 quarter" is a year's quarter
    if ctx.after(m.end(), "age_after", 5) or (g["suffix"] or "").lower() == "-old":
        return NOT_A_TIMEX  # an age
    if unit == "Q" and "-" in ctx.text[m.end("amount"):m.start("unit")] and ctx.after(m.end(), "fraction_after", 4):
        return NOT_A_TIMEX  # "three-quarters of", a fraction
    one_in_words = amount == 1 and not amount_text[0].isdigit()
    if one_in_words and unit in ("S", "Q") and not g["shift"]:
        return None  # "a second term", "a quarter of the votes"
    if one_in_words and not (g["the"] or g["dir"] or g["mod"] or g["shift"]):
        if ctx.before(m.start(), "frequency_before"):
            return Reading("SET", duration_value(1, unit))  # "twice a year"
        if ctx.before(m.start(), "rate_before"):
            return NOT_A_TIMEX  # "$5 a year", "four flights a week": a rate, not a time
    if g["half"] and amount != "X":
        amount += 0.5
    if isinstance(amount, float) and amount > 5000:
        return None
    start = _duration_start(m, ctx, amount)
    mod = duration_mod(g["mod"]) if start == m.start() else None
    shift = (g["shift"] or "").lower()
    if not shift:
        return Reading("DURATION", duration_value(amount, unit), False, mod, start=start)
    direction = int(words().relative["shift"][re.sub(r"\s+", " ", shift)])
    if amount == "X" or ctx.anchor is None:
        return _vaguely_shifted(ctx, unit, shift, start)
    reading = _shifted(ctx, unit, amount * direction, shift in relative_words("reference_shift"), mod, m)
    return dataclasses.replace(reading, start=start) if reading else None


def _duration_start(m: re.Match, ctx: Context, amount) -> int:
    """Where a duration's extent starts: "over" and "the" before an adjective ("the two-week
    delay") stay outside, as TimeML tags them."""
    g = m.groupdict()
    start = m.start()
    if (g["mod"] or "").lower() == "over" and (g["the"] or amount == "X"):
        start = m.start("the") if g["the"] else (m.start("dir") if g["dir"] else m.start("amount"))
    if g["the"] and not g["dir"] and "-" in ctx.text[m.end("amount"):m.start("unit")] and start <= m.start("the"):
        start = m.start("amount")
    return start


def _shifted(ctx: Context, unit: str, amount: float, from_reference: bool, mod: Optional[str],
             m: re.Match) -> Optional[Reading]:
    """A date some units before or after the anchor (or the last date mentioned)."""
    if unit in TIME_UNITS:
        base = ctx.day_or_anchor() if from_reference else cal.point_of_anchor(ctx.anchor, "D")
        return Reading("TIME", base.value(), True, mod)
    if unit in UNIT_YEARS:
        unit, amount = "Y", amount * UNIT_YEARS[unit]
    if unit in ("WE", "FN"):
        unit, amount = "W", amount * (2 if unit == "FN" else 1)
    n = int(amount)
    if n != amount:
        return None
    if unit == "Y" and abs(n) == 1 and _recent_period(ctx, m.start()):
        # "up from $3 million a year ago", after "the third quarter": that quarter a year before
        return Reading("DATE", cal.shift_point(ctx.period_reference, unit, n).value(), True, mod,
                       sets_reference=False)
    gran = _GRANULARITY.get(unit, "D")
    base = ctx.reference if from_reference else None
    if base is None or not (cal.finer_or_equal(base.granularity, gran) or base.granularity == "S"):
        base = cal.point_of_anchor(ctx.anchor, gran)
    return Reading("DATE", cal.shift_point(base, unit, n).value(), True, mod)


# How far back a quarter or half-year mention still frames "a year ago" (financial reports compare
# a quarter with the same quarter a year before).
PERIOD_REACH = 1500


def _recent_period(ctx: Context, start: int) -> bool:
    return ctx.period_reference is not None and 0 <= start - ctx.period_reference_end < PERIOD_REACH


def read_vague_duration(m: re.Match, ctx: Context) -> Optional[Reading]:
    g = m.groupdict()
    unit = unit_of(g["unit"])
    if not (g["the"] or g["dir"] or g["shift"] or g["suffix"] or g["unit2"] or g["mod"]):
        if not ctx.before(m.start(), "duration_cue_before", 10):
            return None  # bare "years" only after "for", "in", "over"...
    if g["the"] and not g["dir"]:
        return None
    shift = (g["shift"] or "").lower()
    if shift:
        return _vaguely_shifted(ctx, unit, shift)
    return Reading("DURATION", duration_value("X", unit), False, duration_mod(g["mod"]))


def _vaguely_shifted(ctx: Context, unit: str, shift: str, start: Optional[int] = None) -> Reading:
    """"Hours later" is still the day last mentioned; "years ago" is just the past."""
    if unit in TIME_UNITS and ctx.anchor is not None:
        base = ctx.day_or_anchor() if shift in relative_words("reference_shift") else cal.point_of_anchor(ctx.anchor, "D")
        return Reading("TIME", base.value(), True, start=start)
    direction = int(words().relative["shift"][re.sub(r"\s+", " ", shift)])
    return Reading("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", False, start=start)


def _ordinal(word: str) -> Optional[int]:
    """1st..4th or an ordinal word; -1 for "last"/"final"."""
    digits = re.match(r"(\d+)(?:st|nd|rd|th)$", word)
    if digits:
        return int(digits.group(1))
    value, kind = words().numbers.get(word, ("", ""))
    return int(value) if kind == "ordinal" else None


def read_period(m: re.Match, ctx: Context) -> Optional[Reading]:
    """Quarters and halves: "the third quarter", "third-quarter", "the latest quarter", "the first
    half of 1990", "the year-ago period"."""
    g = m.groupdict()
    kind = (g["qh"] or g["bare"]).lower()
    gran = "H" if kind == "half" else "Q"
    quals = re.sub(r"\s+", " ", (g["quals"] or "").lower())
    det = (g["det"] or "").lower()
    ordinal = (g["ord"] or "").lower()
    if not ordinal and not (det or quals):
        return None
    if kind == "period" and not quals.strip():
        return None
    number = _ordinal(ordinal) if ordinal else None
    if number == -1:
        number = 2 if gran == "H" else 4
    if ordinal and (number is None or number > (2 if gran == "H" else 4)):
        return None
    start = m.start()
    if det in relative_words("possessive") or (det == "the" and ordinal and "-" in m.group(0)):
        start = m.start("quals") if quals else m.start("ord")
    year_ago = bool(re.search(r"year[\s-](?:earlier|ago)", quals) or g["ago"])
    named_year = re.search(r"\b(1\d\d\d|20\d\d)\b", quals)
    explicit_year = g["qyear"] or g["qfy"] or (named_year.group(1) if named_year else None)
    a = ctx.anchor
    period = ctx.period_reference if _recent_period(ctx, m.start()) and ctx.period_reference.granularity == gran \
        else None
    if explicit_year:
        year = int(explicit_year)
        if number is None:
            if period is None:
                return Reading("DATE", str(year), False, start=start)
            number = period.part
        return Reading("DATE", f"{year}-{gran}{number}", False, start=start)
    if a is None:
        return Reading("DATE", f"XXXX-{gran}{number or 'X'}", start=start)
    if g["qdir"] or "year's" in det:
        word = (g["qdir"] or det.split()[0]).lower()
        year = a.year + direction_of(word) if a.year_known else None
        if number is None:
            number = period.part if period is not None else cal.point_of_anchor(a, gran).part
        return Reading("DATE", f"{cal.year_text(year)}-{gran}{number}", True, start=start)
    current = cal.point_of_anchor(a, gran)
    if number is None or (_ordinal(ordinal) == -1 and not det):
        if any(direction_of(q) == 0 for q in quals.split() + [det] if q in words().relative["direction"]):
            point = current
        elif period is not None and not any(q in quals.split() for q in relative_words("latest")):
            point = period
        else:
            point = cal.shift_point(current, "Q" if gran == "Q" else "M", -1 if gran == "Q" else -6)
        if year_ago:
            return Reading("DATE", cal.shift_point(point, "Y", -1).value(), True, start=start, sets_reference=False)
        return Reading("DATE", point.value(), True, start=start)
    year = a.year
    if year is not None:
        if number > current.part and ctx.tense(m.start(), m.end()) != "future":
            year -= 1
        if year_ago:
            year -= 1
    return Reading("DATE", f"{cal.year_text(year)}-{gran}{number}", True, start=start, sets_reference=not year_ago)


def read_set(m: re.Match, ctx: Context) -> Optional[Reading]:
    g = m.groupdict()
    w = words()
    if g["adverb"]:
        token = ctx.token(m.start("adverb"), m.end("adverb"))
        if token is not None and (token.dep_ == "amod" or token.pos_ in ("NOUN", "PROPN")):
            return None  # "the quarterly dividend", "the daily Granma": a thing, not a time
        return Reading("SET", w.relative["set"][g["adverb"].lower()])
    what = g["what"]
    key = what.lower().rstrip(".")
    step = 2 if g["other"] else 1
    if g["amount"]:
        amount = number_value(g["amount"])
        if amount in (None, "X"):
            return None
        step = int(amount)
    if what[0].isupper() and key in w.weekdays:
        return Reading("SET", f"XXXX-WXX-{w.weekdays[key]}")
    if what[0].isupper() and key in w.months:
        return Reading("SET", f"XXXX-{w.months[key]:02d}")
    if key in w.seasons:
        return Reading("SET", f"XXXX-{w.seasons[key]}")
    if key in w.parts:
        part = w.parts[key]
        return Reading("SET", f"XXXX-XX-XXT{part}")
    if key in w.units:
        return Reading("SET", duration_value(step, w.units[key]))
    return None


def read_vague(m: re.Match, ctx: Context) -> Optional[Reading]:
    phrase = re.sub(r"\s+", " ", m.group("vague").lower())
    if ctx.after(m.end(), "soon_as_after", 4) and ctx.before(m.start(), "as_before", 4):
        return None  # "as soon as he arrives"
    if ctx.after(m.end(), "relative_event_after", 12):
        return None  # "soon after the attack": counts from an event, not a time of its own
    if phrase == "current" and ctx.pos(m.start(), m.end()) != "ADJ":
        return None  # "an electric current"
    type_, value = words().vague[phrase]
    return Reading(type_, value)


def read_holiday(m: re.Match, ctx: Context) -> Optional[Reading]:
    g = m.groupdict()
    rule = words().holidays[re.sub(r"\s+", " ", g["name"].lower())]
    direction = direction_of(g["dir"])
    a = ctx.anchor
    if g["year"]:
        year, anchored = int(g["year"]), False
    elif a is None or not a.year_known:
        fixed = re.fullmatch(r"(\d\d)-(\d\d)", rule)
        return Reading("DATE", f"XXXX-{fixed.group(1)}-{fixed.group(2)}" if fixed else "XXXX-XX-XX", a is not None)
    else:
        anchored = True
        year = a.year
        this_year = cal.holiday_date(rule, year)
        tense = ctx.tense(m.start(), m.end())
        if direction == -1 or (direction is None and tense == "past"):
            if this_year >= a.date:
                year -= 1
        elif direction == 1 or (direction is None and tense == "future"):
            if this_year <= a.date:
                year += 1
    return Reading("DATE", cal.day_value(cal.holiday_date(rule, year)), anchored)


def read_reference(m: re.Match, ctx: Context) -> Optional[Reading]:
    """"that day", "the same day", "later that year": the last date the text mentioned."""
    g = m.groupdict()
    word = g["unit"].lower()
    part = words().parts.get(word)
    if ctx.reference is None and ctx.anchor is None:
        return None
    if part:
        base = ctx.day_or_anchor()
        return Reading("TIME", f"{base.value()}T{part}", True) if base else None
    gran = _GRANULARITY[unit_of(word)]
    if ctx.reference is not None and not cal.finer_or_equal(ctx.reference.granularity, gran):
        return None  # "that day" after "in 1995": no day to point back to
    return Reading("DATE", ctx.reference_or_anchor(gran).value(), True)


def read_year_end(m: re.Match, ctx: Context) -> Optional[Reading]:
    a = ctx.anchor
    if a is None or not a.year_known:
        return Reading("DATE", "XXXX-12-31", a is not None)
    year = a.year + (direction_of(m.group("dir")) or 0)
    if not m.group("dir") and (ctx.tense(m.start(), m.end()) == "past" or ctx.before(m.start(), "since_before", 8)):
        year -= 1
    return Reading("DATE", f"{year}-12-31", True)


def read_the_unit(m: re.Match, ctx: Context) -> Optional[Reading]:
    """"the year", "the full year", "the weekend", "the end of the month", "earlier in the year"."""
    g = m.groupdict()
    unit = g["unit"].lower()
    adj = re.sub(r"\s+", " ", (g["adj"] or "").lower())
    mod = point_mod(g["pmod"]) or point_mod(g["within"])
    if unit == "weekend":
        return _weekend(ctx, m, mod)
    if unit != "year" and not (g["pmod"] or g["within"]):
        return None
    if unit == "year" and not mod and (adj in relative_words("whole") or ctx.after(m.end(), "year_span_after", 12)):
        return Reading("DURATION", "P1Y")
    a = ctx.anchor
    if a is None:
        return Reading("DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}.get(unit, "XXXX-XX-XX"),
                       False, mod)
    point = cal.point_of_anchor(a, {"year": "Y", "month": "M", "week": "W", "day": "D"}[unit])
    if unit == "year" and "latest" in adj:
        point = cal.shift_point(point, "Y", -1)
    return Reading("DATE", point.value(), True, mod)


def _weekend(ctx: Context, m: re.Match, mod: Optional[str]) -> Reading:
    """The weekend just past (or, said of the future, the coming one)."""
    a = ctx.anchor
    if a is None or not a.year_known:
        return Reading("DATE", "XXXX-WXX-WE", a is not None, mod)
    day = a.date
    if ctx.tense(m.start(), m.end()) != "future" and day.isoweekday() < 6:
        day = cal.add_days(day, -7)
    return Reading("DATE", cal.week_value(day) + "-WE", True, mod)


def read_year_earlier(m: re.Match, ctx: Context) -> Optional[Reading]:
    """"year-earlier profit", "year-ago results": the period a year before the one in question."""
    if ctx.anchor is None:
        return Reading("DATE", "XXXX")
    if _recent_period(ctx, m.start()):
        return Reading("DATE", cal.shift_point(ctx.period_reference, "Y", -1).value(), True, sets_reference=False)
    return Reading("DATE", cal.year_text(cal.shift_year(ctx.anchor.year, -1)), True, sets_reference=False)


def read_day_part(m: re.Match, ctx: Context) -> Optional[Reading]:
    """"mid-afternoon", "late morning": a part of the day last mentioned (or of the anchor day)."""
    part = words().parts[m.group("part").lower()]
    mod = point_mod(m.group("pmod"))
    base = ctx.day_or_anchor()
    return Reading("TIME", f"{base.value() if base else 'XXXX-XX-XX'}T{part}", base is not None, mod)


# ---- the rules ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern
    read: Callable[[re.Match, Context], Optional[Reading]]
    triggers: frozenset[str]  # words near which the rule runs
    digits: bool  # whether a digit also announces it


READERS: dict[str, Callable[[re.Match, Context], Optional[Reading]]] = {
    "clock": read_clock, "date": read_date, "numeric_date": read_numeric_date, "year": read_year,
    "weekday": read_weekday, "relative_day": read_relative_day, "relative_unit": read_relative_unit,
    "duration": read_duration, "vague_duration": read_vague_duration, "period": read_period,
    "season": read_season, "set": read_set, "vague": read_vague, "holiday": read_holiday,
    "reference": read_reference, "year_end": read_year_end, "the_unit": read_the_unit,
    "year_earlier": read_year_earlier, "day_part": read_day_part,
}


@functools.cache
def rules() -> tuple[Rule, ...]:
    """The rules of timex_patterns.txt in file order, each with its reader and trigger words."""
    groups = trigger_groups()
    out = []
    for block in pattern_texts():
        if block.kind != "rule":
            continue
        triggers = frozenset().union(groups["extra"], *(groups[g] for g in block.triggers if g != "digits"))
        out.append(Rule(block.name, compile_template(block.template), READERS[block.name], triggers,
                        "digits" in block.triggers))
    return tuple(out)


@functools.cache
def _dayref_date() -> re.Pattern:
    return compile_template(r"(?P<m>%MONTH%)\s*(?P<d>%DAY%)(?:,?\s+(?P<y>%YEAR%))?", word_start=False)
