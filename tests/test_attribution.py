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


def test_a_sentence_that_only_frames_the_quote_before_it_names_its_speaker():
    record = analyze_text("Rivals were angry on Monday. “The vote was rigged from the start.” Maria Lopez said. "
                          "Her rivals disagreed.")
    a = find(record, "The vote was rigged")
    assert a.kind == "direct" and "Maria Lopez" in entity_name(record, source_of(record, a))
    record = analyze_text("“The vote was rigged from the start.” Maria Lopez said the count would go on.")
    src = source_of(record, find(record, "The vote was rigged"))
    assert src is None or "Maria Lopez" not in entity_name(record, src)  # that sentence says more: its own


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


def test_refusing_to_answer_a_question_is_declined_not_a_statement():
    record = analyze_text("The senator would not say whether the bill would pass this year.")
    (a,) = record.attributions
    assert (a.mode, a.cue_kind, record.span_text(a.cue)) == ("declined", "decline", "would not say")
    assert record.span_text(a.speaker) == "The senator"


def test_indirect_question_is_not_a_statement():
    record = analyze_text("The senator asked whether the bill would pass this year.")
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
    assert a.kind in ("direct", "mixed") and a.cue_lemma == "call"
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


def test_content_stops_before_according_to_wherever_it_hangs():
    record = analyze_text("Oslo has said that it will resume talks with Lima next week, according to an official "
                          "quoted by the Harbour Post.")
    said = next(a for a in record.attributions if a.kind == "indirect")
    assert record.span_text(said.content) == "that it will resume talks with Lima next week"


def test_a_second_reporting_verb_after_and_keeps_the_speaker():
    record = analyze_text('The interior minister, Ana Ilić, said that the marches were "a plot by people who want '
                          'the country on its knees" and promised that police would "restore order."')
    plot, order = find(record, "the marches were"), find(record, "police would")
    assert plot is not order and plot.source == order.source
    assert "promised" not in record.span_text(plot.content)


def test_a_that_clause_after_the_verbs_phrases_is_its_content():
    record = analyze_text("Hua told reporters at a daily briefing in Beijing that Oslo expresses "
                          "strong dissatisfaction with the ruling.")
    a = find(record, "Oslo expresses strong dissatisfaction")
    assert record.span_text(a.content).startswith("that Oslo")




@pytest.mark.parametrize("place, adjective", [("Ukraine", "Russian"), ("Pakistan", "Tongan"), ("Chile", "Peruvian")])
def test_the_dateline_is_no_ones_words(place, adjective):
    from dateline.pipeline import analyze
    record = analyze(f"KHARKIV, {place}, March 2, 2024 (AP) — A {adjective} drone struck an apartment block in "
                     "Kharkiv before dawn on Saturday, killing at least seven people, including two children, the "
                     "regional governor said.\n\nRescue work went on.", published="2024-03-02", form="text")
    assert record.dateline is not None and record.dateline.end
    a = find(record, "drone struck")
    assert a.content[0] > record.dateline.end
    assert all(c.start > record.dateline.end for c in record.claims)


@pytest.mark.parametrize("sentence, content", [
    ("Wojtas said she agreed with Crown attorney Paul Carver — who led the effort to keep him in prison — that "
     "the board's ruling was based more on hope than reason.", "that the board's ruling was based more on hope"),
    ("The Beverage Association said in a statement that fruit juice is a source of vitamins for children who, "
     "across the board, are not eating enough vegetables.", "that fruit juice is a source of vitamins"),
])
def test_a_that_clause_after_a_parenthesis_or_a_phrase_is_the_whole_content(sentence, content):
    record = analyze_text(sentence)
    reports = [a for a in record.attributions if a.cue_lemma in ("agree", "say") and content in record.span_text(a.content)]
    assert reports and record.span_text(reports[-1].content).startswith(content), \
        [(a.cue_lemma, record.span_text(a.content)) for a in record.attributions]


@pytest.mark.parametrize("sentence, content", [
    ("Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999.",
     "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999"),
    ("The plan will fail, said Mr. Clarke, who ran the firm until 1999.", "The plan will fail"),
    ("The plan will fail, said Mr. Clarke, a former banker.", "The plan will fail"),
])
def test_what_follows_a_cue_set_off_by_commas_goes_on_with_the_content(sentence, content):
    record = analyze_text(sentence)
    assert [record.span_text(a.content) for a in record.attributions] == [content]


def test_a_report_before_the_verb_it_sits_in_does_not_go_on_from_it():
    """The parse can hang a quote on a later verb ("... and said her name was Ava, as the audience
    laughed and applauded") whose content holds an earlier report: that earlier report is the
    asker's own, not the later verb going on, and no two reports go on from each other."""
    text = ("The senator spoke to a town hall in Omaha on Friday.\n\n“How long is that bridge?” asked the "
            "girl, who was wearing a 'Vote Local' cap and said her name was Ava, as the audience laughed and "
            "applauded.\n\nThe senator smiled.")
    record = analyze_text(text)
    name = next(a for a in record.attributions if record.span_text(a.content).startswith("her name was Ava"))
    question = next(a for a in record.attributions if a.kind == "direct")
    assert name.source is not None and name.source == question.source
