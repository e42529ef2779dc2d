"""Attributions on sentences written for these tests: every quotation style and construction."""
from __future__ import annotations

import pytest

from attribution_helpers import analyze_text, entity_name, find, source_of
from dateline.annotate import quotes


# --- quotation marks -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, inner", [
    ('"We will not back down," said Maria Lopez, the union leader.', "We will not back down"),
    ("“We will not back down,” said Maria Lopez, the union leader.", "We will not back down"),
    ("«We will not back down», said Maria Lopez, the union leader.", "We will not back down"),
    ("‘We will not back down,’ said Maria Lopez, the union leader.", "We will not back down"),
])
def test_direct_quote_in_every_style(text, inner):
    record = analyze_text(text)
    a = find(record, inner)
    assert a.kind == "direct"
    assert a.cue_lemma == "say"
    assert record.span_text(a.cue) == "said"
    assert record.span_text(a.content)[0] in "\"“«‘"
    src = source_of(record, a)
    assert src.kind == "named_person" and "Maria Lopez" in entity_name(record, src)


def test_cue_before_the_quote_with_a_colon():
    record = analyze_text("The minister of transport said: “The border will stay open all winter.”")
    a = find(record, "The border will stay open")
    assert a.kind == "direct" and record.span_text(a.speaker) == "The minister of transport"


def test_apostrophes_are_not_quotes():
    scan = quotes.scan("It's the players' union, and Jones' car isn't here.")
    assert scan.quotes == [] and scan.unbalanced == 0


def test_quote_over_several_paragraphs_is_one_quote():
    text = ("“The first part of the plan is to repair the roads before the snow comes.\n\n"
            "“The second part is to hire more drivers,” said Karen Walsh, who runs the depot.")
    record = analyze_text(text)
    a = find(record, "The first part of the plan")
    assert "The second part is to hire more drivers" in record.span_text(a.content)
    assert "Karen Walsh" in entity_name(record, source_of(record, a))
    assert not record.warnings


def test_floating_quote_continues_the_previous_speaker():
    text = ("Thomas Baker, the council treasurer, said the new plan was sound.\n\n"
            "“It will save money and it will save lives in the long run.”")
    record = analyze_text(text)
    first = find(record, "the new plan was sound")
    floating = find(record, "It will save money")
    assert floating.kind == "direct" and floating.cue is None and floating.speaker is None
    assert floating.source == first.source


def test_quote_split_by_its_cue():
    text = "Angela Moss runs the shelter. “We tried everything,” she said. “Nobody in the city listened to us.”"
    record = analyze_text(text)
    first, second = find(record, "We tried everything"), find(record, "Nobody in the city")
    assert first.kind == second.kind == "direct"
    assert record.span_text(first.speaker) == "she" and second.cue is None
    assert first.source == second.source
    assert "Angela Moss" in entity_name(record, source_of(record, first))


def test_nested_quote_stays_inside_the_outer_one():
    text = "“He told me ‘never again’ and walked out of the room,” said Paul Green."
    record = analyze_text(text)
    assert len(record.attributions) == 1
    a = record.attributions[0]
    assert record.span_text(a.content).startswith("“He told me ‘never again’")


def test_unbalanced_quote_marks_warn_and_still_attribute():
    text = ("“This quote never ends, said the mayor of the town.\n\n"
            "Later, the mayor said that the budget would pass without changes.")
    record = analyze_text(text)
    assert any(w.startswith("W001") for w in record.warnings)
    assert find(record, "the budget would pass").kind == "indirect"


def test_a_stray_closing_mark_does_not_crash():
    record = analyze_text("The fund said” it would pay. Officials said that the money was late.")
    assert any(w.startswith("W001") for w in record.warnings)
    assert find(record, "the money was late").kind == "indirect"


# --- indirect, mixed, according to ----------------------------------------------------------------

@pytest.mark.parametrize("sentence, lemma, distancing", [
    ("The governor confirmed that the bridge would close in March.", "confirm", False),
    ("The governor stressed that the bridge would close in March.", "stress", False),
    ("The governor claimed that the bridge would close in March.", "claim", True),
    ("The governor insisted that the bridge would close in March.", "insist", True),
    ("The governor told reporters that the bridge would close in March.", "tell", False),
    ("The bridge will close in March, the governor said.", "say", False),
])
def test_indirect_speech(sentence, lemma, distancing):
    record = analyze_text(sentence)
    a = find(record, "the bridge would close" if "would" in sentence else "The bridge will close")
    assert a.kind == "indirect"
    assert a.cue_lemma == lemma and a.distancing is distancing
    assert "governor" in record.span_text(a.speaker)
    assert "reporters" not in record.span_text(a.content)


def test_mixed_partial_quote_inside_indirect_speech():
    record = analyze_text('The mayor said the new budget was "a disaster for everyone in this city."')
    a = find(record, "the new budget was")
    assert a.kind == "mixed"
    assert record.span_text(a.content).endswith('city."')


@pytest.mark.parametrize("text, content", [
    ("According to the health ministry, forty people were hurt in the blast.", "forty people were hurt"),
    ("Forty people were hurt in the blast, according to the health ministry.", "Forty people were hurt"),
])
def test_according_to(text, content):
    record = analyze_text(text)
    a = find(record, content)
    assert a.kind == "according_to" and a.cue_lemma == "according to"
    assert "according" not in record.span_text(a.content).lower()
    assert "ministry" in record.span_text(a.speaker)


def test_what_a_people_said_was():
    text = "Hours later, the army launched what the Moldovans said was the largest raid of the year."
    record = analyze_text(text)
    a = find(record, "the largest raid")
    assert a.kind == "indirect" and record.span_text(a.speaker) == "the Moldovans"
    assert source_of(record, a).kind == "named_group"


def test_participle_after_a_comma_keeps_the_speaker():
    text = "Ruth Adler argued that the rule hurt small farms, noting that prices had doubled since May."
    record = analyze_text(text)
    first, second = find(record, "the rule hurt small farms"), find(record, "prices had doubled")
    assert "noting" not in record.span_text(first.content)
    assert first.source == second.source


def test_indirect_question_is_not_a_statement():
    record = analyze_text("The senator would not say whether the bill would pass this year.")
    assert record.attributions == []


def test_thought_is_kept_apart_from_speech():
    record = analyze_text("The coach believes that the team can win the cup.")
    a = find(record, "the team can win")
    assert a.mode == "thought"


def test_negated_cue_reports_nothing():
    record = analyze_text("The judge did not say that the law was void.")
    assert not any("the law was void" in record.span_text(a.content) for a in record.attributions)


def test_infinitive_content_of_a_promise():
    record = analyze_text("The new mayor vowed to rebuild the harbour within two years.")
    a = find(record, "to rebuild the harbour")
    assert a.kind == "indirect" and a.cue_lemma == "vow"


def test_a_quote_ending_its_sentence_takes_no_cue_from_the_next():
    text = "The minister said: “We are done with this.” Officials confirmed the report on Monday."
    record = analyze_text(text)
    a = find(record, "We are done")
    assert a.cue_lemma == "say" and record.span_text(a.speaker) == "The minister"


def test_subject_cut_off_by_a_wrong_sentence_break():
    text = ("Harbour Plans and the Road Ahead Going Forward\n\n"
            "Sources report that Smith has made it clear to Jones that he wants the harbour reopened by May.")
    record = analyze_text(text)
    a = find(record, "has made it clear")
    assert record.span_text(a.speaker) == "Sources"


def test_quoted_label_put_on_something_by_a_naming_verb():
    record = analyze_text("Local farmers called the new levy a “reckless gamble” on Monday.")
    a = find(record, "reckless gamble")
    assert a.kind == "direct" and a.cue_lemma == "call"
    assert record.span_text(a.speaker) == "Local farmers"


def test_scare_quotes_alone_are_no_attribution():
    record = analyze_text("The so-called “peace plan” was published in the gazette on Monday.")
    assert record.attributions == []


def test_zero_width_characters_stay_out_of_names():
    text = "Jeff Traeger leads the union. Traeger\u200b said the vote was overdue."
    record = analyze_text(text)
    src = source_of(record, find(record, "the vote was overdue"))
    assert "\u200b" not in entity_name(record, src)


def test_quoted_title_names_a_thing():
    text = "The critic liked it. “The Last Harbour” reclaims the genre for young readers."
    record = analyze_text(text)
    assert not any("Last Harbour" in record.span_text(a.content) for a in record.attributions)


def test_a_name_given_by_a_passive_verb_is_no_ones_words():
    record = analyze_text("The firm sold a tracking app called “Screen Meter” to teenagers.")
    assert record.attributions == []


def test_if_confirmed_reports_nothing():
    record = analyze_text("The trend, if confirmed, has large effects on growth and investment.")
    assert record.attributions == []
