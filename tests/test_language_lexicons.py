"""The loaded-term lists are balanced: every documented pair of opposing framings is in the lists on
both sides, and the annotator finds each side in a sentence."""
from __future__ import annotations

from annotated_text import parse, record

from dateline import lexicons
from dateline.annotate.language import CATEGORY_POS, find_loaded_terms


def pairs():
    return [(r["side_a"], r["side_b"], r["note"]) for r in lexicons.rows("opposing_pairs.csv")]


def test_every_row_has_a_known_category_and_a_note():
    rows = lexicons.rows("loaded_terms.csv")
    assert len(rows) > 500
    bad = [r["term"] for r in rows if r["category"] not in CATEGORY_POS or not r["note"]]
    assert not bad, bad


def test_both_sides_of_every_opposing_pair_are_listed():
    listed = {r["term"].lower() for r in lexicons.rows("loaded_terms.csv")}
    assert len(pairs()) >= 20
    missing = [side for a, b, _ in pairs() for side in (a, b) if side.lower() not in listed]
    assert not missing, missing


def test_the_annotator_finds_both_sides_of_every_pair():
    sentences = [f"Critics spoke of the {side} again." for a, b, _ in pairs() for side in (a, b)]
    text = " ".join(sentences)
    rec = record(text)
    found = {text[t.start:t.end].lower() for t in find_loaded_terms(rec, parse(text))}
    missed = [side for a, b, _ in pairs() for side in (a, b) if not any(side.lower() in f for f in found)]
    assert not missed, missed
