"""The quotes-ggt and polnear scorers on small cases written here, and on the gold sets when present."""
from __future__ import annotations

import pytest

from dateline.evaluate import default_path, quotes_ggt, polnear, run
from dateline.evaluate.spans import Alignment, anchor
from dateline.record import Attribution, Record


def _gold(span, speaker=None, speaker_text="", reference=""):
    return {"span": span, "speaker_span": speaker, "speaker": speaker_text, "verb": "said", "reference": reference}


def _pred(span, speaker=None, verb="said", name=""):
    return {"span": span, "speaker_span": speaker, "verb": verb, "name": name}


def test_ggt_lenient_and_strict_thresholds():
    gold = [_gold((0, 100), (110, 115), "Smith")]
    half = [_pred((0, 50), (108, 113))]
    lenient = quotes_ggt.compare(gold, half, quotes_ggt.LENIENT)
    strict = quotes_ggt.compare(gold, half, quotes_ggt.STRICT)
    assert (lenient["tp"], lenient["fp"], lenient["fn"], lenient["speaker"]) == (1, 0, 0, 1)
    assert (strict["tp"], strict["fp"], strict["fn"]) == (0, 1, 1)


def test_ggt_each_prediction_matches_once_and_speaker_rules():
    gold = [_gold((0, 40), None, ""), _gold((50, 90), (95, 100), "Jones", reference="Ann Jones")]
    pred = [_pred((0, 40)), _pred((50, 90), (200, 205), name="Ann Jones"), _pred((300, 320))]
    c = quotes_ggt.compare(gold, pred, quotes_ggt.LENIENT)
    assert (c["tp"], c["fp"], c["fn"]) == (2, 1, 0)
    assert c["speaker"] == 2  # both absent; resolved name equals the reference


def test_gold_strings_are_anchored_near_their_drifted_offsets():
    text = "He said no. He said no. Later he said yes."
    assert anchor(text, "he said", 30) == (text.rfind("he said"), text.rfind("he said") + 7)
    assert anchor(text, "said\n\nyes", 0) == (33, 41)  # whitespace may differ between copies
    assert anchor("a said  yes", "said yes", 0) == (2, 11)


def test_alignment_maps_spans_across_dropped_lines():
    a = "First line.\n\nThe mayor said no."
    b = "Menu\nHome\n\nFirst line.\n\n\nThe mayor said no."
    span = Alignment(a, b).span(a.index("mayor"), a.index("mayor") + 5)
    assert b[span[0]:span[1]] == "mayor"


def test_polnear_fragments_and_holes():
    text = "“We won,” Smith said, “and we will win again.”"
    ann = ("T1\tSource 10 15\tSmith\nT2\tCue 16 20\tsaid\n"
           "T3\tContent 0 9;22 46\t“We won,” “and we will win again.”\n")
    gold = polnear.gold_spans(ann, text)
    assert gold["Content"] == {(0, 9), (22, 46)}
    record = Record(id="x", text=text, attributions=[
        Attribution(id="a1", kind="direct", content=(0, 46), cue=(16, 20), speaker=(10, 15))])
    pred = polnear.predicted_spans(record, text)
    counts = polnear.compare(text, gold, pred)
    assert counts["source_tp"] == counts["cue_tp"] == 1
    assert counts["content_tp"] == 2 and counts["content_pred"] == 2


@pytest.mark.slow
@pytest.mark.parametrize("name, limit, keys", [
    ("quotes-ggt", 4, ("f1_lenient", "f1_strict", "precision_lenient", "recall_lenient", "speaker_acc", "verb_acc", "n")),
    ("polnear", 4, ("source_f1_exact", "cue_f1_exact", "content_f1_exact", "source_f1_overlap", "content_f1_overlap", "n")),
])
def test_scorers_run_on_the_gold_sets(name, limit, keys):
    if default_path(name) is None:
        pytest.skip(f"gold set {name} not available (../shared/eval absent)")
    metrics = run(name, limit=limit)
    assert all(k in metrics for k in keys)
    assert metrics["n"] == limit
    assert all(0.0 <= metrics[k] <= 1.0 for k in keys if k != "n")


def test_source_kinds_found_and_right():
    from dateline.evaluate import source_kinds

    text = "Police said the road was shut. A poll shows the mayor ahead."
    gold = [((0, 6), "named_group", "Police"), ((31, 37), "document", "A poll"), ((48, 53), "named_person", "mayor")]
    pred = [((0, 6), "named_group"), ((31, 37), "anonymous_group")]
    c = source_kinds.compare(text, gold, pred)
    assert (c["n"], c["found"], c["right"]) == (3, 2, 1)
    with pytest.raises(ValueError):  # a label must still point at its text
        source_kinds.compare(text, [((0, 6), "named_group", "Sheriff")], pred)


def test_source_kind_labels_cover_every_kind_in_both_halves():
    from dateline.evaluate import source_kinds

    labels = source_kinds.labels()
    kinds = {kind for rows in labels.values() for _, kind, _ in rows}
    assert kinds == set(source_kinds.KINDS) and sum(len(rows) for rows in labels.values()) >= 150
    path = default_path("polnear")
    if path is None:
        pytest.skip("PolNeAR not available (../shared/eval absent)")
    for name, rows in labels.items():
        text = (path / "dev" / "text" / f"{name}.txt").read_text(encoding="utf-8")
        for (start, end), _, label_text in rows:
            assert " ".join(text[start:end].split()) == label_text


def test_ggt_counts_statements_not_positions_reported_without_their_words():
    """A quote is what someone said: "pledged to cut taxes" reports a position and is left out,
    unless the words are quoted ("pledged: “We will cut taxes”")."""
    text = "The mayor pledged to cut taxes. The mayor said the budget was balanced. The mayor pledged: “We will cut taxes.”"
    def attribution(i, kind, content, cue_kind, verb):
        start = text.index(content)
        v = text.index(verb)
        return Attribution(id=f"a{i}", kind=kind, content=(start, start + len(content)), cue=(v, v + len(verb)),
                           verb=(v, v + len(verb)), cue_kind=cue_kind, speaker=(4, 9))
    record = Record(id="x", text=text, attributions=[
        attribution(1, "indirect", "to cut taxes", "position", "pledged"),
        attribution(2, "indirect", "the budget was balanced", "speech", "said"),
        attribution(3, "direct", "“We will cut taxes.”", "position", "pledged:")])
    kept = [text[s:e] for s, e in (p["span"] for p in quotes_ggt.predicted_quotes(record, text))]
    assert kept == ["the budget was balanced", "“We will cut taxes.”"]
