"""The sourcing scorecard, per article and per outlet, on an article written for this test."""
from __future__ import annotations

import json

from annotated_text import Source, parse, record

from dateline.annotate.claims import find_claims
from dateline.annotate.language import find_loaded_terms
from dateline.annotate.scorecard import build_scorecard
from dateline.cli import main

TEXT = ("Officials in Freedonia said the dam will open in June. A senior official claimed that the costs "
        "doubled. \"It is a disgraceful waste,\" said Senator Ada Kent. Sources said the contractor "
        "reportedly missed three deadlines. The reckless project has cost 40 million dollars.")


def scored():
    sources = [Source("s1", "Officials in Freedonia", "named_group", entity="e1"),
               Source("s2", "A senior official", "anonymous_person", affiliation="Freedonia"),
               Source("s3", "Senator Ada Kent", "named_person", entity="e2"),
               Source("s4", "Sources", "anonymous_group")]
    rec = record(TEXT, sources=sources, entities=[("e1", "Freedonia", "GPE", ["Freedonia"]),
                                                  ("e2", "Ada Kent", "PERSON", ["Ada Kent"])],
                 attributions=[("the dam will open in June", "said", "s1", "indirect"),
                               ("the costs doubled", "claimed", "s2", "indirect"),
                               ("It is a disgraceful waste,", "said", "s3", "direct"),
                               ("the contractor reportedly missed three deadlines", "said", "s4", "indirect")])
    doc = parse(TEXT)
    rec.claims = find_claims(rec, doc)
    rec.loaded_terms = find_loaded_terms(rec, doc)
    return rec, build_scorecard(rec, doc)


def test_counts_of_claims_attributions_and_sources():
    rec, card = scored()
    assert card.claims == len(rec.claims) and card.claims_attributed == 4
    assert card.share_attributed == round(4 / card.claims, 4)
    assert (card.attributions, card.attributions_anonymous, card.anonymous_share) == (4, 2, 0.5)
    assert card.sources_by_kind == {"anonymous_group": 1, "anonymous_person": 1, "named_group": 1, "named_person": 1}
    assert card.distinct_named_sources == 2
    assert card.sources_by_affiliation == {"Freedonia": 2, "unknown": 2}


def test_hedges_distancing_and_loaded_terms_by_voice():
    rec, card = scored()
    assert card.distancing_cues == 2  # "claimed" (an attribution cue) and "reportedly"
    assert card.loaded_authorial == 1 and card.loaded_quoted == 1  # "reckless project" / "disgraceful waste"
    assert card.words == 43
    assert card.loaded_authorial_per_1k == round(1000 / 43, 2)
    assert card.quoted_words == 5 and card.quoted_share == round(5 / 43, 4)


def test_outlets_sums_scorecards_by_outlet(tmp_path, capsys):
    articles = tmp_path / "a.jsonl"
    lines = [{"text": "The minister said the plan will cost 4 billion dollars. Critics call it a reckless giveaway.",
              "outlet": "Daily A"},
             {"text": "Prices rose 3 percent last year. The bank raised rates twice.", "outlet": "Daily A"},
             {"text": "\"This is an utterly shameful deal for all of us,\" one senator said on Monday.",
              "outlet": "Daily B"}]
    articles.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    db = tmp_path / "o.duckdb"
    assert main(["analyze", str(articles), "--db", str(db), "--format", "none"]) == 0
    capsys.readouterr()
    assert main(["outlets", "--db", str(db), "--format", "json"]) == 0
    rows = {r["outlet"]: r for r in json.loads(capsys.readouterr().out)}
    assert set(rows) == {"Daily A", "Daily B"}
    assert rows["Daily A"]["articles"] == 2 and rows["Daily B"]["articles"] == 1
    assert rows["Daily A"]["words"] > rows["Daily B"]["words"]
    assert rows["Daily B"]["loaded_quoted_per_1k"] > 0 == rows["Daily B"]["loaded_authorial_per_1k"]
    assert rows["Daily A"]["loaded_authorial_per_1k"] > 0
    assert rows["Daily B"]["quoted_share"] > 0.5
    assert main(["outlets", "--db", str(db)]) == 0  # a card per outlet, a measure a line
    table = capsys.readouterr().out
    assert table.index("Daily A") < table.index("Daily B")
    assert table.count("anonymous share") == 2 and "sources by kind" in table


def test_seed_scorecard_agrees_with_the_readings_notes(seed_text):
    from conftest import SEED_TEXT

    from dateline.pipeline import analyze

    notes = json.loads(SEED_TEXT.with_name(SEED_TEXT.stem + ".reading.json").read_text(encoding="utf-8"))["scorecard"]
    card = analyze(seed_text, published="2025-07-04", form="text").scorecard
    assert card.distinct_named_sources >= len(notes["named_sources_at_least"])
    anonymous = sum(n for kind, n in card.sources_by_kind.items() if kind.startswith("anonymous"))
    assert anonymous >= notes["anonymous_sources_at_least"]
    assert card.anonymous_share >= 0.45  # "about half or more"
    assert card.loaded_authorial >= notes["authorial_loaded_terms_at_least"]


def test_what_someone_knows_is_not_counted_as_an_attribution():
    text = "The mayor said the bridge is safe. She knows the repairs will take a year."
    rec = record(text, sources=[Source("s1", "The mayor", "named_person")],
                 attributions=[("the bridge is safe", "said", "s1", "indirect"),
                               ("the repairs will take a year", "knows", "s1", "indirect")])
    rec.attributions[1].cue_lemma = "know"
    doc = parse(text)
    rec.claims = find_claims(rec, doc)
    card = build_scorecard(rec, doc)
    assert card.attributions == 1 and card.claims_attributed == 1
