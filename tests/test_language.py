"""Loaded language on sentences written for these tests: categories, grammar-found targets, voice."""
from __future__ import annotations

from annotated_text import Source, parse, record

from dateline.annotate.language import find_loaded_terms


def terms_of(rec):
    return {t.text: t for t in find_loaded_terms(rec, parse(rec.text))}


def test_epithet_before_a_name_targets_that_name():
    text = "The governor met that punk Marco Diaz on Sunday, and their tyrant Ana Ruiz stayed home."
    rec = record(text, entities=[("e1", "Marco Diaz", "PERSON", ["Marco Diaz"]),
                                 ("e2", "Ana Ruiz", "PERSON", ["Ana Ruiz"])])
    found = terms_of(rec)
    # the epithet is widened to the name it is compounded with: the whole phrase is the name-calling
    assert found["punk Marco Diaz"].category == "name_calling" and found["punk Marco Diaz"].target == "e1"
    assert found["tyrant"].target == "e2"
    assert all(t.voice == "authorial" and t.source is None for t in found.values())


def test_loaded_adjective_on_an_event_targets_its_actor():
    text = "Officials condemned Freedonia's unprovoked attack on the harbour."
    rec = record(text, entities=[("e1", "Freedonia", "GPE", ["Freedonia"])])
    hit = terms_of(rec)["unprovoked attack"]
    assert hit.category == "loaded_adjective" and hit.target == "e1"


def test_emotive_verb_and_endorsement_and_intensifier():
    text = "The senator, pestered by reporters, left early. Voters distrust him, with good reason. It was utterly absurd."
    found = terms_of(record(text))
    assert found["pestered"].category == "emotive_verb"
    assert found["with good reason"].category == "endorsement"
    assert any(t.category == "intensifier" and t.text.startswith("utterly") for t in found.values())


def test_voice_is_quoted_inside_an_attribution_with_its_source():
    text = 'The aide said the critics are "hysterical cowards who freaked out over nothing." The report was dull.'
    rec = record(text, sources=[Source("s1", "The aide", "named_person")],
                 attributions=[("hysterical cowards who freaked out over nothing.", "said", "s1", "direct")])
    found = terms_of(rec)
    assert found["freaked out"].voice == "quoted" and found["freaked out"].source == "s1"
    assert any(t.category == "name_calling" and t.voice == "quoted" for t in found.values())


def test_floating_quote_is_quoted_even_without_an_attribution():
    text = 'Crowds gathered at noon. "This whole thing is a sham and a disgraceful farce," one banner read.'
    found = terms_of(record(text))
    # "sham" is widened over the coordination it heads: "sham and a disgraceful farce"
    sham = found["sham and a disgraceful farce"]
    assert sham.voice == "quoted" and sham.source is None


def test_words_used_in_another_sense_are_not_loaded():
    text = ("The sanctions regime was tightened in May. Trash collection resumed. "
            "The Patriot Act was renewed. Rebels launched a summer offensive.")
    found = terms_of(record(text))
    assert "regime" not in " ".join(found), found
    assert not any(t.lower().startswith(("trash", "patriot", "offensive")) for t in found), found


def test_no_hits_in_plain_reporting():
    text = "The council approved the budget on Tuesday by a vote of seven to two. The plan takes effect in July."
    assert terms_of(record(text)) == {}


def test_reported_speech_is_the_writers_wording_unless_quoted():
    text = 'The envoy said the brutal siege had ended and called the rebels "vermin" once more.'
    rec = record(text, sources=[Source("s1", "The envoy", "named_person")],
                 attributions=[('the brutal siege had ended and called the rebels "vermin" once more', "said", "s1",
                                "indirect")])
    found = terms_of(rec)
    assert found["the brutal siege"].voice == "authorial" and found["the brutal siege"].source is None
    assert found["vermin"].voice == "quoted" and found["vermin"].source == "s1"


def test_two_attributions_of_the_same_words_one_without_a_source():
    text = 'Both sides said "the deal is a shameful farce" on Monday.'
    rec = record(text, sources=[Source("s1", "Both sides", "named_group")],
                 attributions=[('"the deal is a shameful farce"', "said", "s1", "direct"),
                               ('"the deal is a shameful farce"', "said", None, "direct")])
    assert {t.voice for t in find_loaded_terms(rec, parse(text))} == {"quoted"}


def test_idioms_with_a_possessive_or_hyphens_are_found_whole():
    text = "The reform opened Pandora's box, and the hearing was a dog-and-pony show."
    found = terms_of(record(text))
    assert found["Pandora's box"].category == "loaded_phrase"


def spans_of(text):
    return {t.text for t in find_loaded_terms(record(text), parse(text))}


def test_a_hit_is_widened_over_its_coordination():
    assert "flimsy and meritless" in spans_of("The mayor called the plan flimsy and meritless.")
    assert "tortured and humiliated" in spans_of("Prisoners were tortured and humiliated in the camp.")


def test_a_loaded_noun_phrase_is_taken_whole():
    # the determiner and the modifiers of the noun, and a short "of" phrase after it
    assert "the corrupt officials" in spans_of("The council ignored the corrupt officials.")
    assert "the brutal suppression of dissent" in spans_of("The report described the brutal suppression of dissent.")
    # a modifier that is itself a hit is widened to the noun it modifies
    assert "another jihadist attack" in spans_of("Residents feared another jihadist attack on the market.")


def test_an_ly_adverb_before_a_loaded_word_belongs_to_it():
    assert "a deliberately misleading answer" in spans_of("The senator offered a deliberately misleading answer.")
    # an adverb that is a hit of its own stays its own term
    found = terms_of(record("It was utterly absurd."))
    assert found["utterly absurd"].category == "intensifier"


def test_repeated_lines_are_page_furniture_not_the_writers_words():
    box = "Sign up for our newsletter to fight the corrupt elites today!"
    text = f"{box}\nThe council met on Monday.\n{box}\nThe budget passed after a bitter fight over corrupt deals."
    found = spans_of(text)
    assert found == {"corrupt deals"}, found


def test_hyperbole_and_new_epithets_are_found():
    text = ("Officials reported unprecedented destruction in the valley. "
            "The minister was violently opposed to it, and her rivals called the group a hate group.")
    found = spans_of(text)
    assert any("unprecedented destruction" in f for f in found), found
    assert any(f.startswith("violently") for f in found), found
    assert any("hate group" in f for f in found), found


def test_idioms_verbs_and_adjectives_of_hyperbole():
    text = ("The mayor was caught red-handed, and the council treated him with kid gloves before the plan "
            "ground to a screeching halt. Critics say the obstructionist senators waged a vendetta against "
            "the agency, a nonsensical ploy that left it on life support. The board willfully ignored the "
            "warnings, and costs skyrocketed while the director revelled in the praise.")
    found = {t.text: t.category for t in find_loaded_terms(record(text), parse(text))}
    assert found["caught red-handed"] == "loaded_phrase" and found["kid gloves"] == "loaded_phrase"
    assert found["a screeching halt"] == "loaded_phrase" and found["on life support"] == "loaded_phrase"
    assert found["the obstructionist senators"] == "loaded_adjective"
    assert found["a vendetta"] == "loaded_noun" and "a nonsensical ploy" in found
    assert found["willfully ignored"] == "intensifier"
    assert found["skyrocketed"] == "emotive_verb" and found["revelled"] == "emotive_verb"


def test_mocking_nicknames_of_either_side_are_name_calling():
    text = "Columnists on the left mocked Moscow Mitch while rallies on the right cheered for Crooked Hillary."
    found = {t.text: t.category for t in find_loaded_terms(record(text), parse(text))}
    assert found["Moscow Mitch"] == "name_calling" and found["Crooked Hillary"] == "name_calling"


def test_plain_report_has_no_loaded_terms():
    text = "Prices rose two percent in March, and the committee met on Tuesday to review the budget."
    assert find_loaded_terms(record(text), parse(text)) == []
