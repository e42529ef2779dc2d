"""The patterns that find time expressions, and what each one means as a TIMEX3 type and value.

Every rule is a regular expression assembled from the lexicons (``%MONTH%``, ``%UNIT%``... stand for
alternations of their words) plus a function that reads the match into a ``Reading``: the TIMEX3
type, the value, and whether the value was counted from the anchor. A reader may refuse a match
(returns None), e.g. "may" the verb. Rules run over the whole text; where matches overlap the
longest wins (``timex.py`` decides). Month, weekday and holiday names only match with a capital.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Callable, Optional

from .. import lexicons
from . import timex_calendar as cal
from .timex_calendar import Anchor, Point


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

    def pos(self, start: int, end: int) -> str:
        token = self.token(start, end)
        return token.pos_ if token is not None else ""

    def reference_or_anchor(self, granularity: str) -> Optional[Point]:
        if self.reference is not None:
            return self.reference
        return cal.point_of_anchor(self.anchor, granularity) if self.anchor else None


# ---- the lexicons, loaded once ------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Words:
    months: dict[str, int]
    month_names: tuple[tuple[str, bool], ...]  # (word, is an abbreviation)
    weekdays: dict[str, int]
    weekday_names: tuple[tuple[str, bool], ...]
    seasons: dict[str, str]
    parts: dict[str, str]
    numbers: dict[str, tuple[str, str]]
    units: dict[str, str]
    relative: dict[str, dict[str, str]]
    vague: dict[str, tuple[str, str]]
    duration_mods: dict[str, str]
    point_mods: dict[str, str]
    holidays: dict[str, str]


def _names(rows: tuple[dict[str, str], ...], key: str) -> tuple[dict[str, int], tuple[tuple[str, bool], ...]]:
    longest: dict[str, str] = {}
    for r in rows:
        if len(r["word"]) > len(longest.get(r[key], "")):
            longest[r[key]] = r["word"]
    table = {r["word"].lower(): int(r[key]) for r in rows}
    names = tuple((r["word"], r["word"] != longest[r[key]]) for r in rows)
    return table, names


@functools.cache
def words() -> Words:
    months, month_names = _names(lexicons.rows("timex_months.csv"), "month")
    weekdays, weekday_names = _names(lexicons.rows("timex_weekdays.csv"), "day")
    relative: dict[str, dict[str, str]] = {}
    for r in lexicons.rows("timex_relative.csv"):
        relative.setdefault(r["kind"], {})[r["phrase"]] = r["value"]
    mods = lexicons.rows("timex_modifiers.csv")
    return Words(
        months=months, month_names=month_names, weekdays=weekdays, weekday_names=weekday_names,
        seasons={r["word"]: r["season"] for r in lexicons.rows("timex_seasons.csv")},
        parts={r["word"]: r["value"] for r in lexicons.rows("timex_parts_of_day.csv")},
        numbers={r["word"]: (r["value"], r["kind"]) for r in lexicons.rows("timex_numbers.csv")},
        units={r["word"]: r["unit"] for r in lexicons.rows("timex_units.csv")},
        relative=relative,
        vague={r["phrase"]: (r["type"], r["value"]) for r in lexicons.rows("timex_vague.csv")},
        duration_mods={r["phrase"]: r["mod"] for r in mods if r["applies"] == "duration"},
        point_mods={r["phrase"]: r["mod"] for r in mods if r["applies"] == "point"},
        holidays={r["name"].lower(): r["rule"] for r in lexicons.rows("timex_holidays.csv")},
    )


def _alt(phrases) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) + ")"


def _capitalised(names: tuple[tuple[str, bool], ...], abbreviation_needs_stop: bool) -> str:
    """Names with a capital first letter (or all capitals); abbreviations with an optional stop."""
    parts = []
    for name, abbreviation in sorted(names, key=lambda n: len(n[0]), reverse=True):
        forms = f"(?:{re.escape(name)}|{re.escape(name.upper())})"
        if abbreviation:
            parts.append(forms + (r"\." if abbreviation_needs_stop else r"(?:\.|(?![A-Za-z]))"))
        else:
            parts.append(forms)
    return "(?-i:" + "|".join(parts) + ")"


@functools.cache
def fragments() -> dict[str, str]:
    w = words()
    cardinal = [k for k, (v, kind) in w.numbers.items() if kind == "cardinal" and k not in ("a", "an")]
    single = [k for k in cardinal if " " not in k]
    ordinals = [k for k, (v, kind) in w.numbers.items() if kind == "ordinal" and v.lstrip("-").isdigit()
                and 0 < int(v) <= 31]
    units_plural = [u for u in w.units if u.endswith("s") or u.endswith("ia")]
    f = {
        "MONTH": _capitalised(w.month_names, False) + r"(?![A-Za-z])",
        "WEEKDAY": _capitalised(w.weekday_names, True) + r"(?=s?(?![A-Za-z]))",
        "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d/]|[:.]\d)\b",
        "YEAR": r"(?<![\d$.,])(?:1[0-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)",
        "CARD": _alt(single) + r"(?![A-Za-z])",
        "ORDDAY": _alt(ordinals) + r"(?![A-Za-z])",
        "VAGUEAMT": _alt(k for k, (v, kind) in w.numbers.items() if kind == "vague") + r"(?![A-Za-z])",
        "UNIT": _alt(w.units) + r"(?![A-Za-z])",
        "UNITPL": _alt(units_plural) + r"(?![A-Za-z])",
        "PART": _alt(w.parts) + r"(?![A-Za-z])",
        "DAYPART": _alt(p for p, v in w.parts.items() if not v[0].isdigit()) + r"(?![A-Za-z])",
        "SEASON": _alt(w.seasons) + r"(?![A-Za-z])",
        "DIR": _alt(w.relative["direction"]) + r"(?![A-Za-z])",
        "RELDAY": _alt(w.relative["day"]) + r"(?![A-Za-z])",
        "SHIFT": _alt(w.relative["shift"]) + r"(?![\w-])",
        "SETADV": _alt(w.relative["set"]) + r"(?![\w-])",
        "EACH": _alt(w.relative["each"]) + r"(?![A-Za-z])",
        "MODD": _alt(w.duration_mods) + r"(?![A-Za-z])",
        "MODP": _alt(w.point_mods) + r"(?![A-Za-z])",
        "VAGUE": _alt(w.vague) + r"(?![\w-])",
        "HOLIDAY": "(?-i:" + _alt(r["name"] for r in lexicons.rows("timex_holidays.csv")) + r")(?![A-Za-z])",
    }
    f["NUMWORD"] = f"(?:{f['CARD']}(?:[\\s-]+{f['CARD']})*)"
    f["NUMPHRASE"] = _alt(k for k in cardinal if " " in k) + r"(?![A-Za-z])"
    tens = [k for k in single if w.numbers[k][0] in ("20", "30", "40", "50", "60", "70", "80", "90")]
    ones = [k for k in single if w.numbers[k][0] in tuple(str(n) for n in range(1, 10))]
    f["YEARX"] = (f"(?:{f['YEAR']}|nineteen[\\s-]+{_alt(tens)}(?:[\\s-]+{_alt(ones)})?(?![A-Za-z])"
                  f"|two\\s+thousand(?:\\s+and)?(?:\\s+{_alt(ones)})?(?![A-Za-z]))")
    f["NUMBER"] = (r"(?:(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+1/2|\s*½)?(?![\d,]\d)|" + f["NUMWORD"] +
                   r"(?:\s+and\s+a\s+half)?)")
    f["AMOUNT"] = f"(?:{f['NUMPHRASE']}|{f['NUMBER']}|{f['VAGUEAMT']}|an?(?![A-Za-z]))"
    f["DAYREF"] = (f"(?:{f['WEEKDAY']}|today|tonight|yesterday|tomorrow|{f['MONTH']}\\s*{f['DAY']}"
                   f"(?:,?\\s+{f['YEAR']})?)")
    return f


def _compile(template: str, word_start: bool = True) -> re.Pattern:
    f = fragments()
    source = re.sub(r"%(\w+)%", lambda m: f[m.group(1)], template)
    return re.compile((r"(?<![\w])" if word_start else "") + source, re.I | re.X)


# ---- helpers the readers share -----------------------------------------------------------------

def number_value(text: Optional[str]) -> Optional[float | str]:
    """The value of a written amount: digits, words, halves; "X" for a vague one."""
    if not text:
        return None
    t = re.sub(r"\s+", " ", text.strip().lower())
    w = words()
    if t in w.numbers:
        v, kind = w.numbers[t]
        return "X" if kind == "vague" else float(v)
    half = 0.0
    for suffix in (" and a half", " 1/2", "½", " ½"):
        if t.endswith(suffix):
            t, half = t[: -len(suffix)].strip(), 0.5
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", t):
        return float(t.replace(",", "")) + half
    total, current = 0.0, 0.0
    for word in re.split(r"[\s-]+", t):
        if word not in w.numbers or w.numbers[word][1] != "cardinal":
            return None
        v = float(w.numbers[word][0])
        if v in (100.0, 1000.0) and current:
            current *= v
            if v == 1000.0:
                total, current = total + current, 0.0
        else:
            current += v
    return total + current + half


_TIME_UNITS = {"H", "MIN", "S"}
_UNIT_CODE = {"MIN": "M"}
_UNIT_YEARS = {"DE": 10, "CE": 100, "ML": 1000}


def duration_value(amount: float | str, unit: str) -> str:
    """TIMEX3 duration: ("X", "Y") -> PXY, (2, "H") -> PT2H, (1.5, "Y") -> P1Y6M, (2, "DE") -> P20Y."""
    if unit == "FN":
        unit, amount = "W", (amount if amount == "X" else 2 * amount)
    if unit == "WE":
        unit, amount = "D", (amount if amount == "X" else 2 * amount)
    if unit in _UNIT_YEARS:
        if amount == "X":
            return f"PX{unit}"
        unit, amount = "Y", amount * _UNIT_YEARS[unit]
    t = "T" if unit in _TIME_UNITS else ""
    code = _UNIT_CODE.get(unit, unit)
    if amount == "X":
        return f"P{t}X{code}"
    whole = int(amount)
    rest = amount - whole
    value = f"P{t}{whole}{code}"
    if rest:
        smaller = {"Y": (12, "M", ""), "M": (30, "D", ""), "W": (7, "D", ""), "D": (24, "H", "T"),
                   "H": (60, "M", ""), "MIN": (60, "S", ""), "Q": (3, "M", "")}.get(unit)
        if smaller:
            n, code2, t2 = smaller
            return f"{value if whole else 'P' + t}{t2 if not t else ''}{int(round(rest * n))}{code2}".replace(
                f"P{t}0{code}", f"P{t}")
    return value


def year_value(text: str) -> Optional[int]:
    """A year written in digits or words ("1994", "nineteen ninety-four", "two thousand")."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t.isdigit():
        return int(t)
    for prefix, base in (("nineteen", 1900), ("two thousand", 2000)):
        if t.startswith(prefix):
            rest = t[len(prefix):].replace("and", "").strip(" -")
            value = number_value(rest) if rest else 0.0
            return None if value in (None, "X") else base + int(value)
    return None


def unit_of(word: str) -> str:
    return words().units[re.sub(r"\s+", " ", word.lower())]


def month_of(word: str) -> int:
    return words().months[word.lower().rstrip(".")]


def weekday_of(word: str) -> int:
    return words().weekdays[word.lower().rstrip(".")]


def direction_of(word: Optional[str]) -> Optional[int]:
    if not word:
        return None
    return int(words().relative["direction"][re.sub(r"\s+", " ", word.lower())])


def point_mod(word: Optional[str]) -> Optional[str]:
    if not word:
        return None
    key = re.sub(r"\s+", " ", word.lower())
    return words().point_mods.get(key) or words().relative["within"].get(key) or None


def duration_mod(word: Optional[str]) -> Optional[str]:
    return words().duration_mods.get(re.sub(r"\s+", " ", word.lower())) if word else None


# How far (days) the nearest reading of a yearless date must lie on the wrong side of the anchor
# before the governing verb's tense moves it a year.
DATE_TENSE_SLACK = 60


def _resolve_year(ctx: Context, month: int, day: Optional[int], start: int, end: int) -> Optional[int]:
    """The year of a date given without one: the one that puts it nearest the anchor, unless the
    tense says the date lies a month or more the other way ("was founded on Dec. 5" in November)."""
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
        if (ampm == "pm" or part in ("afternoon", "evening")) and hour < 12:
            hour += 12
        if ampm == "am" and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{minute:02d}"
    day, anchored = None, False
    if g["post"]:
        day_reading = _read_dayref(g["post"], ctx, m.start("post"), m.end("post"))
        if day_reading is None:
            return None
        day, anchored = day_reading.value, day_reading.anchored
    elif ctx.anchor is not None:
        point = ctx.reference if ctx.reference is not None and ctx.reference.granularity == "D" else None
        day = point.value() if point else cal.day_value(ctx.anchor.date, ctx.anchor.year_known)
        anchored = True
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
    m = _DAYREF_DATE.fullmatch(text)
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
    if word.lower() not in words().months or len(word) <= 4 and not word.endswith(".") and \
            word.lower() not in ("may", "june", "july"):
        return True
    token = ctx.token(start, end)
    if token is not None and token.ent_type_ in _NAME_ENTITIES:
        return True
    if word not in ("May", "March", "MAY", "MARCH"):
        return False
    if ctx.pos(start, end) in ("VERB", "AUX"):
        return True
    return word.lower() == "may" and bool(re.match(
        r"\s+(?:be|have|I|we|you|he|she|it|they|not|also|well|need|take|help)\b", ctx.text[end:end + 12]))


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
    if g["spelled"]:
        value = number_value(g["spelled"].lower().replace("nineteen", "", 1))
        return Reading("DATE", f"19{int(value):02d}", False, mod) if value not in (None, "X") else None
    if g["yy"]:
        text = g["yy"].lower()
        return Reading("DATE", "2000" if "thousand" in text else text, False, mod)
    if g["fiscal"] is None and not mod and _looks_like_count(m, ctx):
        return None
    return Reading("DATE", g["y"], False, mod)


def _looks_like_count(m: re.Match, ctx: Context) -> bool:
    """A bare four-digit number counting things ("1990 cars", "Flight 1940") is not a year."""
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    after = ctx.text[m.end():m.end() + 14].lower()
    if re.search(r"(?:no\.|number|flight|room|route|highway|page|section|article|resolution|"
                 r"model|boeing|airbus|\#)\s*$", before):
        return True
    return bool(re.match(r"\s+(?:people|persons|men|women|children|troops|soldiers|dollars|shares|cars|"
                         r"units|tons|feet|meters|miles|kilometers|points|votes|jobs|workers|employees|"
                         r"members|pounds|barrels|acres|square|residents|students|delegates|seats|"
                         r"km|kg|ft|lbs|yen|marks|francs|yuan|rubles)\b", after))


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
        base = ctx.reference if ctx.reference is not None and ctx.reference.granularity == "D" else None
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
        part_word = g["part"] or g["partpre"]
        offset = int(rel[key])
        if key == "tonight":
            part_word = part_word or "night"
    else:
        which, part_word = g["dir"].lower(), g["part2"]
        offset = int(rel.get(which, -1 if which == "last" else 0))
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
    if the and dir_word in ("past", "last", "next", "coming", "first") and not mod:
        return Reading("DURATION", duration_value(1, unit))
    if ctx.anchor is None:
        return Reading("DATE", {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX"}.get(unit, "XXXX-XX-XX"), False, mod)
    if the and dir_word in ("following", "previous", "preceding", "next"):
        base = ctx.reference_or_anchor(_GRANULARITY.get(unit, "D"))
    else:
        base = cal.point_of_anchor(ctx.anchor, _GRANULARITY.get(unit, "D"))
    if unit == "D":
        if not the or dir_word not in ("following", "previous", "preceding", "next"):
            return None
        point = cal.shift_point(base if base.granularity == "D" else cal.point_of_anchor(ctx.anchor, "D"), "D",
                                direction)
        return Reading("DATE", point.value(), True, mod)
    if unit == "WE":
        week = cal.shift_point(cal.point_of_anchor(ctx.anchor, "W"), "W", direction)
        return Reading("DATE", week.value() + "-WE", True, mod)
    if unit in ("DE", "CE"):
        if ctx.anchor.year is None:
            return Reading("DATE", "XX" if unit == "CE" else "XXX", True, mod)
        size = 10 if unit == "DE" else 100
        start = (ctx.anchor.year // size + direction) * size
        return Reading("DATE", str(start)[: 3 if unit == "DE" else 2], True, mod)
    shift_unit = unit
    gran = _GRANULARITY.get(unit, "Y")
    if base.granularity != gran:
        base = cal.point_of_anchor(ctx.anchor, gran)
    point = cal.shift_point(base, shift_unit, direction) if direction else base
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


def _season(ctx: Context, season: str, direction: Optional[int], year: Optional[int], mod: Optional[str],
            m: re.Match) -> Reading:
    if year is not None:
        return Reading("DATE", f"{year}-{season}", False, mod)
    a = ctx.anchor
    if a is None or not a.year_known:
        return Reading("DATE", f"XXXX-{season}", a is not None, mod)
    current, offset = cal.season_of(a.month)
    order = ["WI", "SP", "SU", "FA"]
    year = a.year + offset if current == "WI" and season == "WI" else a.year
    here = order.index(current)
    there = order.index(season)
    if current == "WI" and offset == 0:
        here = 4  # December: this winter is the one starting now, after this year's fall
    if season == "WI" and current != "WI":
        there = 4
    tense = ctx.tense(m.start(), m.end()) if direction is None else None
    step = direction if direction is not None else (-1 if tense == "past" and there > here else
                                                    1 if tense == "future" and there < here else 0)
    if step == -1 and there >= here:
        year -= 1
    elif step == 1 and there <= here:
        year += 1
    return Reading("DATE", f"{year}-{season}", True, mod)


def read_season(m: re.Match, ctx: Context) -> Optional[Reading]:
    g = m.groupdict()
    word = g["season"].lower()
    if word in ("fall", "spring") and not (g["dir"] or g["the"] or g["year"] or g["pmod"] or g["pmod2"]):
        if ctx.pos(m.start("season"), m.end("season")) not in ("NOUN", "PROPN"):
            return None
    if word == "fall" and g["the"] and not g["year"] and re.match(r"\s+of\s+(?!\d)", ctx.text[m.end():m.end() + 8]):
        return None
    mod = point_mod(g["pmod"]) or point_mod(g["pmod2"])
    year = year_value(g["year"]) if g["year"] else None
    return _season(ctx, words().seasons[word], direction_of(g["dir"]), year, mod, m)


_RATE_BEFORE = re.compile(r"(?:(?:\$\s?|\b)\d[\d.,]*|\b(?:once|twice|thrice|times))(?:\s+(?:million|billion|trillion))?"
                          r"(?:\s*%|\s+[A-Za-z]+)?\s+$")
_FREQUENCY_BEFORE = re.compile(r"\b(?:once|twice|thrice|times)\s+$", re.I)


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
    if re.match(r"\s+old\b", ctx.text[m.end():m.end() + 5]) or (g["suffix"] or "").lower() == "-old":
        return NOT_A_TIMEX  # an age
    if unit == "Q" and "-" in ctx.text[m.end("amount"):m.start("unit")] and \
            re.match(r"\s+of\b", ctx.text[m.end():m.end() + 4]):
        return NOT_A_TIMEX  # "three-quarters of", a fraction
    if unit_word == "second" and amount_text in ("a", "an", "one"):
        return None
    if unit_word == "quarter" and amount_text in ("a", "an", "one") and not g["shift"]:
        return None
    before = ctx.text[max(0, m.start() - 40):m.start()]
    if amount_text in ("a", "an") and not (g["the"] or g["dir"] or g["mod"] or g["shift"]):
        if _FREQUENCY_BEFORE.search(before):
            return Reading("SET", duration_value(1, unit))  # "twice a year"
        if _RATE_BEFORE.search(before):
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
    reading = _shifted(ctx, unit, amount * direction, shift in ("earlier", "later"), mod, m)
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
    if unit in _TIME_UNITS:
        base = ctx.reference if from_reference and ctx.reference is not None and ctx.reference.granularity == "D" \
            else cal.point_of_anchor(ctx.anchor, "D")
        return Reading("TIME", base.value(), True, mod)
    if unit in _UNIT_YEARS:
        unit, amount = "Y", amount * _UNIT_YEARS[unit]
    if unit in ("WE", "FN"):
        unit, amount = "W", amount * (2 if unit == "FN" else 1)
    n = int(amount)
    if n != amount:
        return None
    gran = _GRANULARITY.get(unit, "D")
    base = None
    if unit == "Y" and abs(n) == 1 and _recent_period(ctx, m.start()):
        return Reading("DATE", cal.shift_point(ctx.period_reference, unit, n).value(), True, mod,
                       sets_reference=False)
    elif ctx.reference is not None and from_reference:
        base = ctx.reference
        if not cal.finer_or_equal(base.granularity, gran) and base.granularity != "S":
            base = None
    if base is None:
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
        if not re.search(r"\b(?:for|in|over|within|after|took|take|lasted|last|spent|spend)\s+$",
                         ctx.text[max(0, m.start() - 10):m.start()].lower()):
            return None
    if g["the"] and not g["dir"]:
        return None
    shift = (g["shift"] or "").lower()
    if shift:
        return _vaguely_shifted(ctx, unit, shift)
    return Reading("DURATION", duration_value("X", unit), False, duration_mod(g["mod"]))


def _vaguely_shifted(ctx: Context, unit: str, shift: str, start: Optional[int] = None) -> Reading:
    """"Hours later" is still the day last mentioned; "years ago" is just the past."""
    if unit in _TIME_UNITS and ctx.anchor is not None:
        base = ctx.reference if shift in ("earlier", "later") and ctx.reference is not None \
            and ctx.reference.granularity == "D" else cal.point_of_anchor(ctx.anchor, "D")
        return Reading("TIME", base.value(), True, start=start)
    direction = int(words().relative["shift"][re.sub(r"\s+", " ", shift)])
    return Reading("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", False, start=start)


_QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                     "final": 4, "last": 4}


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
    if gran == "H" and ordinal not in ("first", "second", "1st", "2nd", "last"):
        return None
    number = _QUARTER_ORDINALS.get(ordinal)
    if gran == "H" and ordinal == "last":
        number = 2
    start = m.start()
    if det in ("its", "their") or (det == "the" and ordinal and "-" in m.group(0)):
        start = m.start("quals") if quals else m.start("ord")
    year_ago = any(q in quals for q in ("year-earlier", "year-ago", "year earlier", "year ago")) or bool(g["ago"])
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
        year = a.year + {"this": 0, "last": -1, "next": 1}[word] if a.year_known else None
        if number is None:
            number = period.part if period is not None else cal.point_of_anchor(a, gran).part
        return Reading("DATE", f"{cal.year_text(year)}-{gran}{number}", True, start=start)
    current = cal.point_of_anchor(a, gran)
    if number is None or (ordinal == "last" and not det):
        if "current" in quals or det == "this":
            point = current
        elif period is not None and not any(q in quals for q in ("latest", "recent", "last", "previous", "past")):
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
    if phrase == "soon" and re.match(r"\s+as\b", ctx.text[m.end():m.end() + 4]) \
            and ctx.text[max(0, m.start() - 3):m.start()].lower() == "as ":
        return None
    if phrase in ("soon", "shortly") and re.match(r"\s+(?:after|before|afterwards?)\b", ctx.text[m.end():m.end() + 12]):
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
        base = ctx.reference if ctx.reference is not None and ctx.reference.granularity == "D" else (
            cal.point_of_anchor(ctx.anchor, "D") if ctx.anchor else None)
        return Reading("TIME", f"{base.value()}T{part}", True) if base else None
    gran = _GRANULARITY[unit_of(word)]
    base = ctx.reference if ctx.reference is not None else cal.point_of_anchor(ctx.anchor, gran)
    if not cal.finer_or_equal(base.granularity, gran):
        return None
    if gran == "Y":
        return Reading("DATE", cal.year_text(base.year), True)
    if gran == "M" and base.granularity in ("M", "W", "D"):
        first = base.day or cal._first_day(base)
        return Reading("DATE", cal.month_value(base.year, first.month), True)
    if gran == "D" and base.granularity == "D":
        return Reading("DATE", base.value(), True)
    if gran == "W" and base.granularity in ("W", "D"):
        return Reading("DATE", cal.week_value(base.day or cal._first_day(base), base.year is not None), True)
    return None


def read_year_end(m: re.Match, ctx: Context) -> Optional[Reading]:
    a = ctx.anchor
    if a is None or not a.year_known:
        return Reading("DATE", "XXXX-12-31", a is not None)
    year = a.year + (direction_of(m.group("dir")) or 0)
    if not m.group("dir") and (ctx.tense(m.start(), m.end()) == "past" or
                               re.search(r"\bsince\s+$", ctx.text[max(0, m.start() - 8):m.start()])):
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
    if unit == "year" and not mod and (adj in ("whole", "entire") or
                                       re.match(r"\s+(?:ended|ending|through|to\s+date)\b", ctx.text[m.end():m.end() + 12])):
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
    base = ctx.reference if ctx.reference is not None and ctx.reference.granularity == "D" else (
        cal.point_of_anchor(ctx.anchor, "D") if ctx.anchor else None)
    return Reading("TIME", f"{base.value() if base else 'XXXX-XX-XX'}T{part}", base is not None, mod)


# ---- the rules ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern
    read: Callable[[re.Match, Context], Optional[Reading]]


_DAYREF_DATE = None  # compiled in rules()


@functools.cache
def rules() -> tuple[Rule, ...]:
    global _DAYREF_DATE
    _DAYREF_DATE = _compile(r"(?P<m>%MONTH%)\s*(?P<d>%DAY%)(?:,?\s+(?P<y>%YEAR%))?", word_start=False)
    table = [
        ("clock", r"""
            (?:(?P<mod>about|around|approximately|shortly\s+before|shortly\s+after|just\s+before|just\s+after)\s+)?
            (?:
               (?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m\b)
             | (?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?!\d)
             | (?P<named>noon|midnight|midday|mid-day)(?![\w-])
             | (?P<hw>\d{1,2}|%CARD%)\s+o'clock
             | (?P<hp>\d{1,2})\s+in\s+the\s+(?P<pp>morning|afternoon|evening)
            )
            (?:\s+(?P<tz>(?-i:[ECMP][SD]T|GMT|UTC|BST|CET)\b|local\s+time))?
            (?:,?\s+(?P<post>%DAYREF%))?""", read_clock),
        ("date", r"""
            (?:(?:(?P<dir>%DIR%)\s+)?(?P<wd>%WEEKDAY%),?\s+)?
            (?:(?P<pmod>%MODP%)[\s-]+)?
            (?:
               (?:(?P<mdir>%DIR%)\s+)?(?P<m1>%MONTH%)\s*(?P<d1>%DAY%)(?:(?:\s*,\s*|\s+)(?P<y1>%YEAR%))?
             | (?P<d2>%DAY%)\s+(?:of\s+)?(?P<m2>%MONTH%)(?:,?\s+(?P<y2>%YEAR%))?
             | (?:the\s+)?(?P<o3>%ORDDAY%)\s+of\s+(?P<m3>%MONTH%)(?:,?\s+(?P<y3>%YEAR%))?
             | (?P<m5>%MONTH%)\s+(?:the\s+)?(?P<o5>%ORDDAY%)
             | (?P<m4>%MONTH%)(?:\s*,\s*|\s+of\s+|\s+)(?P<y4>%YEARX%)
             | (?P<m7>%MONTH%)\s+(?P<ydir>this|last|next)\s+year(?![\w-])
             | (?P<m6>%MONTH%)
            )""", read_date),
        ("numeric_date", r"""
            (?:(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>\d{4}|\d{2})(?![\d/])
             | (?P<iy>(?:19|20)\d\d)-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])(?!\d))""",
         read_numeric_date),
        ("year", r"""
            (?:(?P<pmod>%MODP%)[\s-]+)?
            (?:
               (?:(?P<fiscal>fiscal|calendar|financial)(?:\s+year)?\s+)?(?P<y>%YEAR%)(?!'?s\b)
             | (?:the\s+)?year\s+(?P<yy>%YEAR%|two\s+thousand)
             | (?P<spelled>nineteen[\s-]+%CARD%(?:[\s-]+%CARD%)?)
             | (?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<dec>(?:1[0-9]|20)\d0)'?s\b
             | (?:the\s+)?(?:(?:early|mid|late)[\s-]+)?'(?P<dec2>\d0)'?s\b
             | (?:the\s+)?(?P<cent>\d{1,2}(?:st|nd|rd|th)|%ORDDAY%)\s+century
            )""", read_year),
        ("weekday", r"""
            (?:(?P<the>the)\s+)?(?:(?P<dir>%DIR%)\s+)?(?:(?P<pmod>early|late|earlier|later)\s+)?
            (?P<wd>%WEEKDAY%)(?P<plural>s(?![A-Za-z]))?
            (?:\s+(?P<part>%DAYPART%))?""", read_weekday),
        ("relative_day", r"""
            (?:(?P<pmod>early|late|later|earlier)\s+)?
            (?:
               (?P<rd>%RELDAY%)(?:\s+(?P<part>%DAYPART%))?
             | (?P<dir>this|last|tomorrow|yesterday)\s+(?P<part2>%DAYPART%)
             | (?P<partpre>%DAYPART%)\s+(?P<rd2>today|yesterday|tomorrow)(?![\w-])
            )""", read_relative_day),
        ("relative_unit", r"""
            (?:(?P<within>earlier|later|early|late|mid)[\s-]+(?:in\s+)?|(?P<pmod>%MODP%)\s+)?
            (?:(?P<the>the)\s+)?
            (?P<dir>%DIR%)\s+
            (?:(?:fiscal|calendar)\s+)?
            (?P<what>week|month|year|quarter|weekend|decade|century|fortnight|day|%SEASON%|%MONTH%)(?![\w-])""",
         read_relative_unit),
        ("duration", r"""
            (?:(?P<mod>%MODD%)\s+)?
            (?:(?P<the>the)\s+)?
            (?:(?P<dir>past|last|next|first|coming|previous|following|latest|final|remaining|initial|ensuing|
                       preceding|additional|another|further|same|full|entire|whole)\s+)?
            (?P<amount>%AMOUNT%)
            (?:\s+(?:to|or|and)\s+(?P<amount2>%NUMBER%))?
            [\s-]+
            (?:(?:more|full|straight|consecutive|additional|long|trading|business|calendar|working)[\s-]+)?
            (?P<unit>%UNIT%)
            (?P<half>\s+and\s+a\s+half)?
            (?P<suffix>-(?:long|old))?
            (?:\s+(?P<orso>or\s+(?:so|two|three)))?
            (?:\s+(?P<shift>%SHIFT%))?""", read_duration),
        ("vague_duration", r"""
            (?:(?P<mod>%MODD%)\s+)?
            (?:(?P<the>the)\s+)?
            (?:(?P<dir>past|last|next|coming|recent|previous|following|ensuing|early|first|final)\s+)?
            (?P<unit>%UNITPL%)
            (?:\s+(?:or|and)\s+(?P<unit2>%UNITPL%))?
            (?P<suffix>-(?:long|old))?
            (?:\s+(?P<shift>ago|earlier|later))?""", read_vague_duration),
        ("period", r"""
            (?:(?P<det>the|its|their|this\s+year's|last\s+year's|next\s+year's)\s+)?
            (?P<quals>(?:(?:year-earlier|year-ago|year\s+earlier|latest|current|last|previous|past|same|comparable|
                       recent|corresponding|fiscal|calendar|%YEAR%)[\s-]+)*)
            (?:
               (?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+(?:fiscal[\s-]+)?(?P<qh>quarter|half)
             | (?P<bare>quarter|period)
            )(?![\w-])
            (?:\s+(?:of|in)\s+(?:(?P<qyear>%YEAR%)|(?P<qdir>this|last|next)\s+year|(?:fiscal|calendar)\s+(?P<qfy>%YEAR%)))?
            (?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)))?""", read_period),
        ("season", r"""
            (?:(?P<pmod>%MODP%)[\s-]+)?
            (?:(?P<dir>%DIR%)\s+|(?P<the>the)\s+)?
            (?:(?P<pmod2>early|late|mid)[\s-]+)?
            (?P<season>%SEASON%)
            (?:\s+(?:of\s+)?(?P<year>%YEARX%))?""", read_season),
        ("set", r"""
            (?:
               (?P<each>%EACH%)\s+(?:(?P<other>other)\s+)?(?:(?P<amount>%NUMBER%)\s+)?
               (?P<what>%UNIT%|%WEEKDAY%|%MONTH%|%SEASON%|%DAYPART%)
             | (?P<adverb>%SETADV%)
            )""", read_set),
        ("vague", r"(?P<vague>%VAGUE%)", read_vague),
        ("holiday", r"(?:(?P<dir>%DIR%)\s+)?(?P<name>%HOLIDAY%)(?:,?\s+(?P<year>%YEAR%))?", read_holiday),
        ("reference", r"""
            (?:(?:later|earlier)\s+)?(?:that|the\s+same|that\s+same)\s+(?P<unit>day|week|month|year|%DAYPART%)(?![\w-])""",
         read_reference),
        ("year_end", r"(?:(?P<dir>this|last|next)\s+)?year(?:'s)?[\s-]end(?![\w-])", read_year_end),
        ("the_unit", r"""
            (?:(?P<pmod>%MODP%)\s+|(?P<within>earlier|later)\s+in\s+)?
            the\s+(?:(?P<adj>full|fiscal|calendar|latest|whole|entire|latest\s+fiscal)\s+)?
            (?P<unit>year|weekend|month|week|day)(?![\w-])""", read_the_unit),
        ("year_earlier", r"year-(?:earlier|ago)(?![\w-])", read_year_earlier),
        ("day_part", r"(?P<pmod>early|late|mid)[\s-]+(?P<part>morning|afternoon|evening|night)(?![\w-])",
         read_day_part),
    ]
    out = []
    for name, template, reader in table:
        pattern = _compile(template)
        out.append(Rule(name, pattern, reader))
    return tuple(out)
