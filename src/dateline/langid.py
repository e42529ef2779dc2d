"""Which language an article is written in, from its most common function words.

Good enough to keep the English annotators off text they cannot read; not a general identifier.
Scripts without spaces (Chinese, Japanese) are judged by their characters; languages that share a
script and their commonest words (Russian and Ukrainian) by the letters only one of them writes
(``lexicons/language_letters.csv``).
"""
from __future__ import annotations

import functools
import re

from . import lexicons

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@functools.cache
def _profiles() -> dict[str, frozenset[str]]:
    return {row["language"]: frozenset(row["words"].split()) for row in lexicons.rows("function_words.csv")}


@functools.cache
def _own_letters() -> dict[str, frozenset[str]]:
    return {row["language"]: frozenset(row["letters"]) for row in lexicons.rows("language_letters.csv")}


def _by_letters(best: str, sample: str) -> str:
    """``best``, or the language whose own letters the sample writes far more often than best's own."""
    own = _own_letters()
    if best not in own:
        return best
    counts = {lang: sum(sample.count(c) for c in letters) for lang, letters in own.items()}
    rival = max(counts, key=counts.get)
    return rival if rival != best and counts[rival] > 2 * counts[best] + 2 else best


def identify(text: str, sample_chars: int = 20000) -> str:
    """An ISO 639-1 code, ``en`` when in doubt between English and nothing, ``und`` when unknown."""
    sample = text[:sample_chars]
    cjk = len(re.findall(r"[\u4e00-\u9fff]", sample))
    kana = len(re.findall(r"[\u3040-\u30ff]", sample))
    letters = len(re.findall(r"[^\W\d_]", sample))
    if letters and (cjk + kana) / letters > 0.3:
        return "ja" if kana > cjk / 4 else "zh"
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return "und"
    scores = {lang: sum(w in vocab for w in words) / len(words) for lang, vocab in _profiles().items()}
    best = max(scores, key=scores.get)
    if scores[best] < 0.05:
        return "en" if scores["en"] >= 0.02 else "und"
    if best != "en" and scores["en"] >= scores[best] * 0.8:
        return "en"
    return _by_letters(best, sample)
