"""The TempEval-3 scorer for time expressions, on a TimeML document written for this test."""
from __future__ import annotations

from pathlib import Path

import pytest

from dateline import nlp
from dateline.evaluate import timex as scorer
from dateline.record import Timex

SAMPLE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>sample</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2001-03-09T10:00:00" functionInDocument="CREATION_TIME">2001-03-09</TIMEX3></DCT>
<TEXT>
The harbour board met <TIMEX3 tid="t1" type="DATE" value="2001-03-08">yesterday</TIMEX3> &amp; agreed
to dredge the channel for <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3> starting
<TIMEX3 tid="t3" type="DATE" value="2001-03-12">next Monday</TIMEX3>.<TIMEX3 tid="t4" type="DATE" value="2001-03-09" />
</TEXT>
</TimeML>
"""


def test_reads_text_offsets_and_dct():
    doc = scorer.read_timeml(SAMPLE, "sample.tml")
    assert doc.dct == "2001-03-09T10:00:00"
    assert scorer.published_date(doc.dct) == "2001-03-09"
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("yesterday", "DATE", "2001-03-08"), ("two weeks", "DURATION", "P2W"), ("next Monday", "DATE", "2001-03-12")]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text
    assert "&amp;" not in doc.text and " & " in doc.text


def _system(doc, text, type_, value):
    start = doc.text.index(text)
    return Timex("x", start, start + len(text), text, type_, value)


def test_strict_relaxed_and_attribute_counts():
    doc = scorer.read_timeml(SAMPLE)
    system = [
        _system(doc, "yesterday", "DATE", "2001-03-08"),  # strict, right value
        _system(doc, "weeks", "DURATION", "P3W"),  # relaxed only, wrong value
        _system(doc, "the channel", "DATE", "2001"),  # spurious
    ]
    counts = scorer.compare(doc.timexes, system)
    assert (counts.gold, counts.system, counts.strict, counts.relaxed) == (3, 3, 1, 2)
    assert (counts.value_match, counts.type_match) == (1, 2)
    m = scorer.metrics(counts, 1)
    assert m["relaxed_f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["strict_f1"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["value_f1"] == pytest.approx(2 / 3 * 1 / 2, abs=1e-4)
    assert m["type_acc"] == 1.0


def test_one_system_timex_matches_one_gold():
    doc = scorer.read_timeml(SAMPLE)
    both = _system(doc, "two weeks", "DURATION", "P2W")
    counts = scorer.compare(doc.timexes, [both, _system(doc, "two", "DURATION", "P2W")])
    assert counts.relaxed == 1 and counts.strict == 1


def test_scores_a_folder_with_the_pipeline_annotator(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "sample.tml").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "copy.tml").write_text(SAMPLE, encoding="utf-8")  # the same document twice counts once
    nlp.load()
    m = scorer.score(tmp_path, None)
    assert m["n"] == 1 and m["gold"] == 3
    assert m["relaxed_f1"] == 1.0 and m["value_f1"] == 1.0
