"""The words and patterns of time expressions, loaded from the lexicons once.

``words()`` holds the ``timex_*`` word lists; ``fragments()`` turns them into the regular-expression
pieces (``%MONTH%``, ``%UNIT%``...) that the patterns of ``lexicons/timex_patterns.txt`` are written
with; ``rule_patterns()`` and ``context()`` compile those patterns; ``trigger_groups()`` are the
words near which the patterns run. The helpers at the end read amounts, units and names back into
numbers and TIMEX3 codes.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from .. import lexicons


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
    tense: dict[str, frozenset[str]]  # role -> words (timex_tense_words.csv)


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
        tense=_roles(lexicons.rows("timex_tense_words.csv")),
    )


def _roles(rows: tuple[dict[str, str], ...]) -> dict[str, frozenset[str]]:
    roles: dict[str, set[str]] = {}
    for r in rows:
        roles.setdefault(r["role"], set()).add(r["word"])
    return {k: frozenset(v) for k, v in roles.items()}


def relative_words(kind: str) -> frozenset[str]:
    """The phrases of one kind in timex_relative.csv ("stretch", "sequence", "latest"...)."""
    return frozenset(words().relative.get(kind, {}))


@functools.cache
def trigger_groups() -> dict[str, frozenset[str]]:
    """Lower-case words that announce time expressions, by the lexicon they come from; "extra"
    holds ``timex_triggers.txt``, which every rule listens to."""
    w = words()
    last_words = lambda phrases: {p.split()[-1] for p in phrases}  # noqa: E731
    groups = {
        "months": set(w.months), "weekdays": set(w.weekdays), "seasons": set(w.seasons), "units": set(w.units),
        "parts": last_words(w.parts), "days": last_words(w.relative["day"]), "set": set(w.relative["set"]),
        "vague": last_words(w.vague), "holidays": last_words(w.holidays),
        "extra": set(lexicons.lines("timex_triggers.txt")),
    }
    return {k: frozenset(t.strip(".").replace("'s", "") for t in v) for k, v in groups.items()}


@functools.cache
def trigger_words() -> frozenset[str]:
    """Lower-case words at least one of which (or a digit) every time expression contains."""
    return frozenset().union(*trigger_groups().values())


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


def compile_template(template: str, word_start: bool = True) -> re.Pattern:
    """A pattern with its %FRAGMENT%s filled in; by default it only starts at a word's start."""
    f = fragments()
    source = re.sub(r"%(\w+)%", lambda m: f[m.group(1)], template)
    return re.compile((r"(?<![\w])" if word_start else "") + source, re.I | re.X)


@dataclass(frozen=True, slots=True)
class PatternText:
    name: str
    kind: str  # "rule" or "context"
    triggers: tuple[str, ...]  # trigger groups (rules only)
    template: str


@functools.cache
def pattern_texts() -> tuple[PatternText, ...]:
    """The blocks of lexicons/timex_patterns.txt, in order."""
    blocks: list[PatternText] = []
    header: Optional[list[str]] = None
    body: list[str] = []
    for line in lexicons.lines("timex_patterns.txt") + ("rule: end",):
        m = re.match(r"(rule|context):\s*(\w+)(.*)$", line)
        if m is None:
            body.append(line)
            continue
        if header is not None:
            blocks.append(PatternText(header[1], header[0], tuple(header[2].split()), "\n".join(body)))
        header, body = [m.group(1), m.group(2), m.group(3)], []
    return tuple(blocks)


@functools.cache
def context(name: str) -> re.Pattern:
    """A context pattern by name: what a reader looks for around a match."""
    for block in pattern_texts():
        if block.kind == "context" and block.name == name:
            return compile_template(block.template, word_start=False)
    raise KeyError(f"no context pattern {name!r} in timex_patterns.txt")


# ---- amounts, units and names read back -----------------------------------------------------------

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


TIME_UNITS = {"H", "MIN", "S"}
_UNIT_CODE = {"MIN": "M"}
UNIT_YEARS = {"DE": 10, "CE": 100, "ML": 1000}


def duration_value(amount: float | str, unit: str) -> str:
    """TIMEX3 duration: ("X", "Y") -> PXY, (2, "H") -> PT2H, (1.5, "Y") -> P1Y6M, (2, "DE") -> P20Y."""
    if unit == "FN":
        unit, amount = "W", (amount if amount == "X" else 2 * amount)
    if unit == "WE":
        unit, amount = "D", (amount if amount == "X" else 2 * amount)
    if unit in UNIT_YEARS:
        if amount == "X":
            return f"PX{unit}"
        unit, amount = "Y", amount * UNIT_YEARS[unit]
    t = "T" if unit in TIME_UNITS else ""
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
