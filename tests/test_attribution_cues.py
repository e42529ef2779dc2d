"""The widened cue inventory on sentences written for these tests: every kind of cue, participial,
passive and nominal cues, refusals, headline and transcript lines, posts, captions, and the
quote-set failures issue 12 lists."""
from __future__ import annotations

import pytest

from attribution_helpers import analyze_text, entity_name, find, source_of
from dateline import analyze
from dateline.annotate import cues


def test_every_cue_in_the_lexicon_has_a_kind():
    kinds = {verb.kind for verb in cues.cue_verbs().values()}
    assert kinds == set(cues.CUE_KINDS)
    assert set(cues.cue_nouns().values()) <= set(cues.CUE_KINDS)


@pytest.mark.parametrize("sentence, part, cue, kind", [
    ("The senator accused the mayor of hiding the report.", "the mayor of hiding the report", "accused", "accusation"),
    ("The union endorsed Maria Lopez for governor on Friday.", "Maria Lopez for governor", "endorsed", "position"),
    ("Several lawmakers called for an inquiry into the contract.", "an inquiry into the contract", "called for",
     "position"),
    ("The council has also rejected the proposal to close the library.", "the proposal to close the library",
     "has also rejected", "position"),
    ("New polls show a close race in the state.", "a close race in the state", "show", "document"),
    ("A former negotiator believes that the talks will fail.", "the talks will fail", "believes", "belief"),
    ("The council leader echoed the warnings of the fire service.", "the warnings of the fire service", "echoed",
     "speech"),
    ("The ministry reminded drivers that the bridge closes at midnight.", "the bridge closes at midnight",
     "reminded", "speech"),
    ("The railway company sought to delay the strike vote.", "to delay the strike vote", "sought", "position"),
    ("Both parties have embraced the new budget rules.", "the new budget rules", "have embraced", "position"),
    ("The airline offered few details about the delays.", "few details about the delays", "offered", "speech"),
    ("The regulator requested more time to review the merger.", "more time to review the merger", "requested",
     "position"),
    ("The appeals panel deemed the search unlawful.", "the search unlawful", "deemed", "speech"),
    ("The nurses' union plans to strike next month.", "to strike next month", "plans", "belief"),
])
def test_cues_beyond_speech_verbs(sentence, part, cue, kind):
    record = analyze_text(sentence)
    a = find(record, part)
    assert (record.span_text(a.cue), a.cue_kind) == (cue, kind)


def test_cue_is_the_verb_group_and_verb_the_verb_alone():
    record = analyze_text("The governor has repeatedly said that the budget is balanced.")
    a = find(record, "the budget is balanced")
    assert record.span_text(a.cue) == "has repeatedly said" and record.span_text(a.verb) == "said"


def test_passive_agent_is_the_source():
    record = analyze_text("The treaty was rejected by a regional parliament on Tuesday.")
    a = find(record, "The treaty")
    assert record.span_text(a.speaker) == "a regional parliament" and a.topic


@pytest.mark.parametrize("sentence, part, speaker", [
    ("Her housing plan, backed by several tenant groups, would cap rents.", "Her housing plan", "several tenant groups"),
    ("The pipeline opposed by ranchers in the valley was approved on Friday.", "The pipeline", "ranchers in the valley"),
])
def test_a_participle_with_an_agent_takes_a_stance_on_its_noun(sentence, part, speaker):
    record = analyze_text(sentence)
    a = find(record, part)
    assert record.span_text(a.speaker) == speaker and a.topic and a.cue_kind == "position"


def test_a_participle_with_an_agent_that_states_nothing():
    record = analyze_text("A senior diplomat quoted by the news agency said the talks had stalled. "
                          "The seats offered by the contest went to the winner.")
    assert record.span_text(find(record, "the talks had stalled").speaker).startswith("A senior diplomat")
    assert not any(record.span_text(a.content) == "A senior diplomat" for a in record.attributions)
    assert not any("seats" in record.span_text(a.content) for a in record.attributions)


def test_absolute_participle_takes_its_own_subject():
    record = analyze_text("With analysts saying the figures will fall, shares dropped sharply.")
    a = find(record, "the figures will fall")
    assert record.span_text(a.speaker) == "analysts"


def test_nominal_cue_with_a_holder():
    record = analyze_text("The mayor's claim that the bridge is safe has been disputed by engineers.")
    a = next(a for a in record.attributions if record.span_text(a.cue) == "claim")
    assert record.span_text(a.content) == "that the bridge is safe" and record.span_text(a.speaker) == "The mayor's"
    disputed = find(record, "The mayor's claim")  # and the engineers dispute the claim
    assert record.span_text(disputed.speaker) == "engineers"


@pytest.mark.parametrize("sentence, part, speaker", [
    ("The senator's repeated warnings that the dam could fail went unheeded.", "the dam could fail", "The senator's"),
    ("Fears among farmers that the drought will last another year are growing.", "the drought will last", "farmers"),
    ("Health officials raised concerns that the clinic was understaffed.", "the clinic was understaffed",
     "Health officials"),
])
def test_a_plural_noun_that_attributes_with_a_holder(sentence, part, speaker):
    record = analyze_text(sentence)
    assert record.span_text(find(record, part).speaker) == speaker


@pytest.mark.parametrize("sentence, part, speaker, cue", [
    ("The governor made the claim that the new tax would pay for itself.", "the new tax would pay", "The governor",
     "claim"),
    ("Two retired generals issued a warning that the base could flood within a decade.", "the base could flood",
     "Two retired generals", "warning"),
    ("Last spring the appeals court made a decision to delay the hearing until after the election.",
     "to delay the hearing", "the appeals court", "decision"),
    ("Union leaders raised the concern that the merger would cost jobs.", "the merger would cost jobs",
     "Union leaders", "concern"),
])
def test_a_verb_that_says_nothing_itself_gives_the_noun_its_subject(sentence, part, speaker, cue):
    record = analyze_text(sentence)
    a = find(record, part)
    assert (record.span_text(a.speaker), record.span_text(a.cue)) == (speaker, cue)


@pytest.mark.parametrize("sentence, part, speaker", [
    ("The mayor cited it as an example of waste.", "it as an example of waste", "The mayor"),
    ("The ministry called the reports exaggerated and unfounded.", "the reports exaggerated", "The ministry"),
    ("The coach said after the game his players had been tired.", "his players had been tired", "The coach"),
    ("She told reporters after the meeting that the deal was off.", "that the deal was off", "She"),
])
def test_reports_the_parser_hung_elsewhere(sentence, part, speaker):
    record = analyze_text(sentence)
    a = find(record, part)
    assert record.span_text(a.speaker) == speaker
    assert "after the game" not in record.span_text(a.content)


def test_a_phrase_with_a_relative_clause_after_a_verb_of_speech_is_no_report_of_that_clause():
    record = analyze_text("The senator spoke about the bill that her staff wrote. The mayor denied it.")
    assert not any(record.span_text(a.content) == "that her staff wrote" for a in record.attributions)
    assert not any(record.span_text(a.content) == "it" for a in record.attributions)


def test_a_noun_of_stance_named_as_a_thing_reports_nothing():
    record = analyze_text("The mayor's decision to close the pool angered parents. She did not make the claim "
                          "that the pool was unsafe.")
    assert not any("close the pool" in record.span_text(a.content) or "was unsafe" in record.span_text(a.content)
                   for a in record.attributions)


def test_the_worry_among_rivals():
    record = analyze_text("The worry among rivals is that the merger will raise prices.")
    a = find(record, "the merger will raise prices")
    assert a.mode == "thought" and record.span_text(a.speaker) == "rivals"


def test_in_a_statement_without_a_reporting_verb():
    record = analyze_text("In a statement issued on Monday, the mayor was more cautious than her rivals.")
    a = find(record, "more cautious")
    assert record.span_text(a.cue) == "a statement" and record.span_text(a.speaker) == "the mayor"


@pytest.mark.parametrize("text, verb, speaker", [
    ("“You’re short,” Bardos blurted out. “But I’m short too.”", "blurted out", "Bardos"),
    ("“We can do better,” Jones chimed in.", "chimed in", "Jones"),
    ("“It is a wonderful day,” the mayor gushed.", "gushed", "the mayor"),
])
def test_manner_of_speaking_verbs_introduce_quotes(text, verb, speaker):
    record = analyze_text(text)
    a = record.attributions[0]
    assert (record.span_text(a.verb), record.span_text(a.speaker), a.kind) == (verb, speaker, "direct")


def test_marvelling_at_a_thing_reports_nothing():
    assert analyze_text("The mayor marveled at the crowd on Main Street.").attributions == []


@pytest.mark.parametrize("sentence, cue", [
    ("The company declined to comment on the lawsuit.", "declined"),
    ("The ministry did not immediately respond to requests for comment.", "did not immediately respond"),
    ("Jane Roe could not be reached for comment.", "could not be reached"),
    ("The senator would not say whether the bill would pass.", "would not say"),
])
def test_refusals_are_declined(sentence, cue):
    record = analyze_text(sentence)
    (a,) = record.attributions
    assert (a.mode, a.cue_kind, record.span_text(a.cue)) == ("declined", "decline", cue)
    assert a.speaker is not None


def test_refusing_a_stance_is_no_silence():
    record = analyze_text("The Supreme Court declined to step into the dispute over the maps.")
    (a,) = record.attributions
    assert (a.mode, a.cue_kind) == ("speech", "position")


def test_a_refusal_is_counted_in_the_scorecard():
    record = analyze("The ministry said talks would resume on Monday. A spokesman for the army declined to "
                     "comment. Jane Roe did not respond to an email seeking comment.", published="2024-05-02")
    assert record.scorecard.declined == 2 and record.scorecard.attributions == 1


def test_headline_and_transcript_lines_with_a_colon():
    record = analyze_text("Carter: Budget deal will pass before the holidays\n\n"
                          "Sen. Joan Smith spoke to reporters after the vote.\n\n"
                          "SMITH: We have the votes in the Senate and we will use them.\n\n"
                          "The Latest: Storm moves east")
    headline, transcript = find(record, "Budget deal will pass"), find(record, "We have the votes")
    assert record.span_text(headline.speaker) == "Carter" and record.span_text(headline.cue) == ":"
    assert transcript.kind == "direct" and record.span_text(transcript.speaker) == "SMITH"
    assert not any("Storm moves east" in record.span_text(a.content) for a in record.attributions)


def test_embedded_post_and_pull_quote_are_signed_by_the_name_after_them():
    record = analyze_text("The city said the water was safe.\n\n“Boil your water until further notice.”\n\n"
                          "— City Water (@citywater)\n\n"
                          "Not one more delay on the bridge. https://t.co/x1 — Dana Park (@danapark) May 5, 2019")
    pull, post = find(record, "Boil your water"), find(record, "Not one more delay")
    assert record.span_text(pull.speaker) == "City Water"
    assert record.span_text(post.speaker) == "Dana Park"


def test_what_a_photo_caption_shows_is_no_ones_statement():
    record = analyze_text("This image released by the studio shows the actor in a scene from the film that "
                          "critics praised. (Jane Roe / The Daily Ledger)\n\n"
                          "A new report shows the studio in debt.")
    assert [record.span_text(a.content) for a in record.attributions] == ["the studio in debt"]


def test_a_caption_that_reports_speech_keeps_it():
    record = analyze_text("The mayor says the plant will reopen in May. (Jane Roe / The Daily Ledger)")
    assert find(record, "the plant will reopen").cue_kind == "speech"


def test_cue_verbs_in_other_senses():
    record = analyze_text("Goalkeeper Carey Price denied the visitors twice in the third period. "
                          "Police found him lying on the couch. The team backed off after the match. "
                          "Goalie Maria Sanchez stopped 30 shots and denied the Flames on a breakaway.")
    assert record.attributions == []


def test_denying_a_report_is_still_a_statement():
    record = analyze_text("The minister denied the Reuters report on Tuesday.")
    assert record.span_text(find(record, "report").speaker) == "The minister"


def test_second_quote_after_she_said_keeps_the_speaker():
    record = analyze_text("“We are leaving,” Mayor Jane Roe said. “Good bye.”")
    assert find(record, "Good bye").source == find(record, "We are leaving").source is not None


@pytest.mark.parametrize("sentence, content, speaker", [
    ("The men hid under desks, the guard said.", "The men hid under desks", "the guard"),  # "men hid" read as "men who hid"
    ("Two gunmen entered the lobby, he said.", "Two gunmen entered the lobby", "he"),
])
def test_a_frame_closing_the_clause_it_reports(sentence, content, speaker):
    record = analyze_text(sentence)
    assert [(record.span_text(a.content), record.span_text(a.speaker)) for a in record.attributions] == [
        (content, speaker)]


def test_a_frame_inside_a_relative_clause_reports_nothing_before_it():
    record = analyze_text("Kim said the family is working with a lawyer and the agency, whose name she would not "
                          "reveal, as they weigh their options.")
    assert [record.span_text(a.speaker) for a in record.attributions] == ["Kim"]


@pytest.mark.parametrize("text, name", [
    ("“The plan is sound,” University of Toronto political scientist Jane Doe said.", "Jane Doe"),
    ("“The numbers are worrying,” said University of Ottawa epidemiologist Raywat Deonandan.",  # role tagged VBP
     "Raywat Deonandan"),
])
def test_job_title_before_a_name_is_not_the_speaker(text, name):
    record = analyze_text(text)
    assert [entity_name(record, source_of(record, a)) for a in record.attributions] == [name]


@pytest.mark.parametrize("text, part, speaker", [
    ("As the mayor said on Tuesday, the bridge will reopen in May.", "the bridge will reopen in May", "the mayor"),
    ("The bridge, as one engineer pointed out, was never built for trucks.", "was never built for trucks",
     "one engineer"),
    ("Costs rose, and as the auditor noted, nobody checked the invoices.", "nobody checked the invoices", "the auditor"),
    ("As reported by the Daily Ledger, the council will vote on Monday.", "the council will vote on Monday",
     "the Daily Ledger"),
    ("As Maria Lopez put it, “the money is gone.”", "the money is gone", "Maria Lopez"),
])
def test_as_frames_report_the_clause_beside_them(text, part, speaker):
    record = analyze_text(text)
    a = find(record, part)
    assert record.span_text(a.speaker) == speaker
    assert not record.span_text(a.content).startswith("Costs rose")  # the clause before "and as" is the writer's


def test_as_that_goes_on_is_no_frame():
    record = analyze_text("The company left the city as its founder said it would.")
    assert not any("The company left" in record.span_text(a.content) for a in record.attributions)


@pytest.mark.parametrize("headline, speaker", [
    ("Warren to Bank Chiefs: Your Fees Are Too High", "Warren"),
    ("Haley at Rally: We Will Carry the State", "Haley"),
])
def test_a_headline_naming_whom_or_where_before_the_colon(headline, speaker):
    record = analyze_text(headline + f"\nWASHINGTON — {speaker} spoke for an hour on Tuesday, "
                          f"and Senator Ann {speaker} took questions afterwards.")
    a = next(a for a in record.attributions if a.cue and record.span_text(a.cue) == ":")
    assert record.span_text(a.speaker) == speaker and record.span_text(a.content) == headline.split(": ")[1]


def test_a_transcript_line_wins_over_the_reports_inside_it():
    record = analyze_text("Governor Ann Fallin spoke on Sunday.\n\n"
                          "FALLIN: I think he is trying to campaign as a healer.")
    a = find(record, "I think he is trying")
    assert record.span_text(a.speaker) == "FALLIN" and a.kind == "direct"
    assert entity_name(record, source_of(record, a)) == "Ann Fallin"
    assert not any(x.cue_lemma == "think" for x in record.attributions)


@pytest.mark.parametrize("text, part, speaker, kind", [
    ("The council issued a statement calling the test a clear violation.", "the test a clear violation",
     "The council", "named_group"),
    ("The campaign released a memo that says the race is tied.", "the race is tied", "The campaign", "named_group"),
    ("A statement from the ministry said the border was closed.", "the border was closed",
     "A statement from the ministry", "document"),
])
def test_a_document_put_out_speaks_for_whoever_put_it_out(text, part, speaker, kind):
    record = analyze_text(text)
    a = find(record, part)
    src = source_of(record, a)
    assert src.kind == kind and speaker.split()[-1] in src.text


def test_continue_and_email_report_quotes():
    record = analyze_text("“We will rebuild,” the mayor continued. The spokesman emailed: “No comment yet.”")
    assert find(record, "We will rebuild").cue_lemma == "continue"
    assert find(record, "No comment yet").cue_lemma == "email"


def test_a_standing_in_a_poll_after_the_clause():
    record = analyze_text("She trails the senator in the state's average of polls by nine points.")
    a = find(record, "She trails the senator")
    assert source_of(record, a).kind == "document" and record.span_text(a.cue) == "in"


def test_a_report_after_a_colon_stands_on_its_own():
    record = analyze_text("Early polls show voters in the county firmly rejecting the mayor: A university poll "
                          "this month found the mayor about even with her rival statewide.")
    first, second = find(record, "voters in the county"), find(record, "the mayor about even")
    assert first is not second and "university poll" in source_of(record, second).text
    assert "university" not in record.span_text(first.content)


def test_a_section_label_in_capitals_is_no_speaker():
    """A markets roundup's labels ("ENERGY:", "BOND YIELDS:") name no one the story names; a
    transcript's capitals do ("HALE:" after "Representative Tom Hale")."""
    record = analyze_text("Stocks fell in Asia on Tuesday as investors weighed new trade figures.\n\n"
                          "ENERGY: Benchmark crude lost 42 cents to $71.10 a barrel in electronic trading.\n\n"
                          "BOND YIELDS: The yield on the 10-year Treasury rose to 4.31% from 4.27%.\n\n"
                          "Representative Tom Hale took questions after the briefing.\n\n"
                          "HALE: The markets will settle once the numbers are in.")
    speakers = [record.span_text(a.speaker) for a in record.attributions if a.speaker]
    assert "ENERGY" not in speakers and "BOND YIELDS" not in speakers
    hale = find(record, "The markets will settle")
    assert record.span_text(hale.speaker) == "HALE" and hale.kind == "direct"


def test_an_audience_reacting_is_no_source_but_a_body_applauding_is():
    record = analyze_text("The audience applauded the plan to reopen the mill. "
                          "The union applauded the decision to close the mine.")
    assert not any("reopen the mill" in record.text[a.content[0]:a.content[1]] for a in record.attributions)
    assert source_of(record, find(record, "the decision to close the mine")).text == "The union"


@pytest.mark.parametrize("sentence, content", [
    ("Only 40 percent agreed that the mayor is fit, while 70 percent said the same of her rival.", "the same of her rival"),
    ("The chairman said as much in a letter to staff.", "as much"),
    ("The treasurer said so on Friday.", "so"),
    ("Asked whether the mayor can serve, 75 percent of voters said yes.", "yes"),
    ("Four in 10 voters find the mayor unfair, and a third said that of the governor.", "that of the governor"),
])
def test_a_report_that_refers_back_has_its_pro_form_as_content(sentence, content):
    record = analyze_text(sentence)
    assert find(record, content) is not None


def test_so_before_an_adjective_is_no_report():
    record = analyze_text("The treasurer said so many things that nobody listened.")
    assert not any(record.text[a.content[0]:a.content[1]] == "so" for a in record.attributions)


def test_a_share_of_respondents_answering_a_poll_takes_a_position():
    record = analyze_text("Among likely voters, 46 percent would choose the mayor. A majority of them approve of "
                          "the new budget. The board chose a new chairman on Monday.")
    chose = find(record, "the mayor")
    assert chose.cue_kind == "position" and source_of(record, chose).kind == "anonymous_group"
    assert source_of(record, find(record, "the new budget")).text.startswith("A majority")
    assert not any("chairman" in record.text[a.content[0]:a.content[1]] for a in record.attributions)


def test_headline_name_before_what_they_did_is_the_speaker():
    record = analyze_text("Maria Lopez Blasts Harbor Board Chair: ‘You Have Failed This City.’\n\n"
                          "Councillor Maria Lopez questioned the chair of the harbor board on Tuesday about the delays.")
    a = find(record, "You Have Failed")
    assert record.text[a.speaker[0]:a.speaker[1]] == "Maria Lopez"
    assert source_of(record, a).kind == "named_person"


def test_hope_in_every_form_is_a_belief():
    record = analyze_text("The mayor hopes the deal will hold. The union hoped that talks would resume.")
    for part in ("the deal will hold", "talks would resume"):
        a = find(record, part)
        assert a.cue_lemma == "hope" and a.mode == "thought"


@pytest.mark.parametrize("sentence, part, lemma", [
    ("The mayor characterized the deal as a win for the city.", "the deal as a win", "characterize"),
    ("The mayor doubled down on the claim that the vote was rigged.", "the vote was rigged", "double down"),
    ("The mayor sided with the union in the dispute over pay.", "the union", "side"),
])
def test_political_news_cues(sentence, part, lemma):
    assert find(analyze_text(sentence), part).cue_lemma == lemma


@pytest.mark.parametrize("headline, speaker", [
    ("Hale: No outside pressure on the harbor inquiry.", "Hale"),
    ("Hale on the Harbor Board Releasing Its Minutes: ‘I Think It Will.’", "Hale"),
    ("Dr. Tom Hale: Harbor Board ‘Not Fit To Run The Port.’", "Dr. Tom Hale"),
])
def test_headline_colon_forms_with_a_person_the_article_names(headline, speaker):
    record = analyze_text(headline + "\n\nCouncillor Tom Hale said on Monday that the harbor board had failed the city.")
    a = next(a for a in record.attributions if a.cue_lemma == ":")
    assert record.text[a.speaker[0]:a.speaker[1]] == speaker
    assert source_of(record, a).kind == "named_person"


@pytest.mark.parametrize("sentence, speaker, content", [
    ("According to the latest numbers from Statistics Canada, the jobless rate of young Canadians is double the "
     "national average.", "the latest numbers from Statistics Canada",
     "the jobless rate of young Canadians is double the national average"),
    ("According to John Smith, a professor at Laval, the rate is rising.", "John Smith, a professor at Laval",
     "the rate is rising"),
])
def test_according_to_ends_where_the_clause_begins(sentence, speaker, content):
    record = analyze_text(sentence)
    (a,) = record.attributions
    assert (record.span_text(a.speaker), record.span_text(a.content)) == (speaker, content)


def test_a_pronoun_framing_a_report_is_not_the_person_the_report_names():
    record = analyze_text("Peter Macharia works in the building. Macharia and some colleagues hid under desks, "
                          "he said, but one person ran to the roof.")
    a = find(record, "hid under desks")
    src = source_of(record, a)
    assert record.span_text(a.speaker) == "he" and (src is None or entity_name(record, src) != "Peter Macharia")


@pytest.mark.parametrize("sentence", [
    "Two council aides, who spoke on condition of anonymity because they were not authorized to discuss the "
    "budget talks, said the vote would be delayed.",
    "A ministry official, who was not permitted to comment on the negotiations publicly, said a deal was close.",
    "Officials cleared to speak about the inquiry said the hearings would resume in March.",
])
def test_leave_to_speak_is_no_statement(sentence):
    """Not being authorised to discuss something is why a source goes unnamed, not a report: only
    the sentence's "said" attributes, to the unnamed source."""
    record = analyze_text(sentence)
    assert [record.span_text(a.verb) for a in record.attributions] == ["said"]
    assert source_of(record, record.attributions[0]).kind.startswith("anonymous")


@pytest.mark.parametrize("sentence, speaker_part, content", [
    ('Councilwoman Rita Okafor, who called the stadium deal "a giveaway to team owners," voted against it.',
     "Rita Okafor", '"a giveaway to team owners,"'),
    ("The governor, who has called the pension bill a betrayal of teachers, vetoed it on Friday.",
     "The governor", "the pension bill a betrayal of teachers"),
    ("Farm groups criticised the levy, calling the measure unfair to small growers.",
     "Farm groups", "the measure unfair to small growers"),
])
def test_calling_something_something_is_a_characterisation(sentence, speaker_part, content):
    record = analyze_text(sentence)
    a = find(record, content)
    assert record.span_text(a.content) == content and record.span_text(a.verb).startswith("call")
    assert speaker_part in source_of(record, a).text


@pytest.mark.parametrize("sentence", [
    "The mayor called him on Tuesday to offer his condolences.",
    "Detectives called the landlord on Friday night.",
    "She called her sister for advice before the vote.",
])
def test_a_phone_call_is_no_characterisation(sentence):
    record = analyze_text(sentence)
    assert not [a for a in record.attributions if record.span_text(a.verb).startswith("call")]


def test_call_for_and_call_on_stay_positions_beside_a_date():
    record = analyze_text("The senator called on Monday for an inquiry into the contract. "
                          "Union leaders called on lawmakers to reject the bill.")
    inquiry = find(record, "an inquiry into the contract")
    assert inquiry.cue_kind == "position" and record.span_text(inquiry.cue) == "called"
    reject = find(record, "lawmakers to reject the bill")
    assert record.span_text(reject.cue) == "called on"


@pytest.mark.parametrize("sentence, content, speaker", [
    ("The merger terms, which the bank detailed in a filing on Monday, surprised investors.",
     "The merger terms", "the bank"),
    ("The tax credits the governor has proposed would cost $2 billion.", "The tax credits", "the governor"),
    ("The zoning plan that the council criticized passed anyway.", "The zoning plan", "the council"),
])
def test_a_relative_clause_reports_the_noun_it_describes(sentence, content, speaker):
    record = analyze_text(sentence)
    a = find(record, content)
    assert record.span_text(a.content) == content and record.span_text(a.speaker) == speaker and a.topic


@pytest.mark.parametrize("sentence", [
    "The officials who denied the report resigned on Friday.",
    "The room in which the senator spoke was cold.",
])
def test_a_relative_clause_with_its_own_object_reports_no_noun(sentence):
    record = analyze_text(sentence)
    assert not [a for a in record.attributions if a.content[1] <= a.cue[0]]


@pytest.mark.parametrize("headline, speaker, content", [
    ("Appeals court rules against county map of voting districts", "Appeals court",
     "county map of voting districts"),
    ("Governor slams lawmakers over budget delay", "Governor", "lawmakers over budget delay"),
])
def test_a_headline_cue_the_parser_read_as_a_noun(headline, speaker, content):
    record = analyze_text(headline + ".")
    a = find(record, content)
    assert record.span_text(a.speaker) == speaker and record.span_text(a.content) == content


@pytest.mark.parametrize("line", ["Trade talks with China.", "Record sales of electric cars in Norway."])
def test_a_noun_line_is_no_headline_cue(line):
    assert analyze_text(line).attributions == []


@pytest.mark.parametrize("sentence, speaker, cue, content", [
    ("The governor's remarks about teachers angered the union.", "The governor's", "remarks", "teachers"),
    ("Senator Lee's comments on the tariff drew a rebuke from farmers.", "Senator Lee's", "comments", "the tariff"),
])
def test_a_noun_of_speech_with_a_possessive_holder_reports_on_its_object(sentence, speaker, cue, content):
    record = analyze_text(sentence)
    a = find(record, content)
    assert (record.span_text(a.speaker), record.span_text(a.cue), record.span_text(a.content)) == (speaker, cue, content)
    assert a.topic


@pytest.mark.parametrize("sentence", [
    "Her support for the pipeline cost her votes in the north.",
    "The mayor's statements to investigators were released on Friday.",
])
def test_a_stance_noun_or_an_addressee_is_no_nominal_report(sentence):
    record = analyze_text(sentence)
    assert not [a for a in record.attributions if a.cue is not None and a.speaker is not None
                and a.speaker[1] <= a.cue[0] < a.content[0]]


@pytest.mark.parametrize("sentence, speaker, content", [
    ("Union leaders are confident that the strike will end this week.", "Union leaders",
     "that the strike will end this week"),
    ("Farmers remain worried that the drought will last into spring.", "Farmers",
     "that the drought will last into spring"),
    ("The minister has long been adamant that the border will stay open.", "The minister",
     "that the border will stay open"),
])
def test_an_adjective_of_belief_ascribes_its_clause(sentence, speaker, content):
    record = analyze_text(sentence)
    a = find(record, content)
    assert record.span_text(a.speaker) == speaker and record.span_text(a.content) == content
    assert (a.cue_kind, a.mode) == ("belief", "thought")


@pytest.mark.parametrize("sentence", [
    "The coach was not sure that the team would play on Sunday.",
    "The mayor was confident and relaxed at the ribbon cutting.",
])
def test_a_negated_or_clauseless_adjective_ascribes_nothing(sentence):
    assert analyze_text(sentence).attributions == []


def test_a_manhunt_is_no_stance():
    record = analyze_text("Police are seeking a man in his thirties who fled the scene on foot.")
    assert record.attributions == []


@pytest.mark.parametrize("sentence, speaker, content, kind, topic", [
    ("The teachers' union remains critical of the pay offer.", "The teachers' union", "the pay offer",
     "accusation", True),
    ("Most residents are opposed to the new runway.", "Most residents", "the new runway", "position", True),
    ("The rebel commanders are willing to negotiate.", "The rebel commanders", "to negotiate", "position", False),
])
def test_an_adjective_of_stance_reports_its_object(sentence, speaker, content, kind, topic):
    record = analyze_text(sentence)
    a = find(record, content)
    assert (record.span_text(a.speaker), record.span_text(a.content), a.cue_kind, a.topic) == (
        speaker, content, kind, topic)


@pytest.mark.parametrize("sentence, speaker, cue, part", [
    # the parser hangs the infinitive as an adverbial clause, not a complement
    ("The hearing is a test for the rules when opponents try to convince a U.S. appeals court to throw out "
     "the regulations.", "opponents", "to convince", "to throw out the regulations"),
    ("The state could repeal the rules or decline to appeal the ruling.", "The state", "decline",
     "to appeal the ruling"),
])
def test_infinitive_read_as_an_adverbial_clause_is_the_content(sentence, speaker, cue, part):
    record = analyze_text(sentence)
    a = find(record, part)
    assert (record.span_text(a.speaker), record.span_text(a.cue)) == (speaker, cue)


def test_an_infinitive_of_purpose_after_an_object_is_no_content():
    record = analyze_text("The mayor called a news conference on Monday to open the new bridge.")
    assert not any("open the new bridge" in record.span_text(a.content) for a in record.attributions)


@pytest.mark.parametrize("sentence, speaker, part", [
    ("Hours later, the governor returned the compliment, telling Reuters, “We have been friends for years.”",
     "the governor", "We have been friends"),
    ("The governor dismissed the criticism, saying Monday that it was a distraction.", "The governor",
     "it was a distraction"),
    ("The coach did not seem impressed, telling reporters, “We were lucky to win.”", "The coach", "lucky to win"),
    ("The senator later defended the vote, calling the protester “a troublemaker.”", "The senator",
     "a troublemaker"),
])
def test_a_participle_speaks_for_its_clause_subject_not_what_follows_it(sentence, speaker, part):
    record = analyze_text(sentence)
    assert record.span_text(find(record, part).speaker) == speaker



@pytest.mark.parametrize("sentence, cue, part", [
    ("The campaign is already claiming victory in the state.", "is already claiming", "victory in the state"),
    ("The pollster predicted a narrow win for the incumbent.", "predicted", "a narrow win for the incumbent"),
    ("About a third of the members want a switch to a shorter season.", "want", "a switch to a shorter season"),
    ("The minister repeated her promise to cut fuel duty.", "repeated", "her promise to cut fuel duty"),
])
def test_an_object_that_is_what_was_claimed_or_wished(sentence, cue, part):
    record = analyze_text(sentence)
    assert record.span_text(find(record, part).cue) == cue

@pytest.mark.parametrize("sentence, speaker, part", [
    ("The fact-checking group rated the senator's claim Mostly False.", "The fact-checking group", "Mostly False"),
    ("A majority of voters now rate the economy poor.", "A majority of voters", "the economy poor"),
])
def test_rated_is_read_as_rate_and_reports_an_assessment(sentence, speaker, part):
    record = analyze_text(sentence)
    a = find(record, part)
    assert record.span_text(a.speaker) == speaker and a.cue_kind == "speech"


def test_the_lemma_of_rated_is_rate():
    from dateline import nlp
    assert [t.lemma_ for t in nlp.load()("The group rated it false and rates others weekly.") if t.lower_.startswith("rate")] \
        == ["rate", "rate"]


def test_a_cue_the_tagger_took_for_a_noun_but_with_a_subject_and_a_clause_is_a_verb():
    record = analyze_text("Tax records obtained by the newspaper show that the developer declared a large loss.")
    a = find(record, "the developer declared a large loss")
    assert record.span_text(a.cue) == "show" and record.span_text(a.speaker).startswith("Tax records")
    assert source_of(record, a).kind == "document"


@pytest.mark.parametrize("sentence, speaker, part", [
    ("Many nurses distrust the new scheduling system.", "Many nurses", "the new scheduling system"),
    ("Rural voters resent the state's new fuel tax.", "Rural voters", "the state's new fuel tax"),
    ("Her colleagues admire her handling of the budget talks.", "Her colleagues", "her handling of the budget"),
])
def test_verbs_of_attitude_ascribe_a_stance_to_their_subject(sentence, speaker, part):
    record = analyze_text(sentence)
    a = find(record, part)
    assert record.span_text(a.speaker) == speaker and a.cue_kind == "belief"


@pytest.mark.parametrize("sentence, speaker, cue, part", [
    ("The premier congratulated the rival party on its narrow win.", "The premier", "congratulated",
     "its narrow win"),
    ("The commuters liked the new timetable.", "The commuters", "liked", "the new timetable"),
])
def test_congratulation_and_liking_are_cues(sentence, speaker, cue, part):
    record = analyze_text(sentence)
    a = find(record, part)
    assert (record.span_text(a.speaker), record.span_text(a.cue)) == (speaker, cue)


@pytest.mark.parametrize("sentence, speaker, part", [
    ("The teachers' union called for the board to resign.", "The teachers' union", "the board to resign"),
    ("Mayor Ellen Park called Thursday for the council to delay the vote.", "Mayor Ellen Park",
     "the council to delay the vote"),
])
def test_a_preposition_the_parser_made_a_clause_mark_joins_the_cue(sentence, speaker, part):
    record = analyze_text(sentence)
    a = find(record, part)
    assert record.span_text(a.speaker) == speaker
    assert record.span_text(a.cue).startswith("called")
    assert record.span_text(a.content) == part  # "for" is the cue's, never the content's


def test_the_preposition_right_after_the_verb_is_part_of_the_cue():
    record = analyze_text("The teachers' union called for the board to resign.")
    assert record.span_text(find(record, "the board to resign").cue) == "called for"


def test_waiting_for_something_to_happen_reports_nothing():
    record = analyze_text("The drivers waited for the bridge to reopen.")
    assert record.attributions == []


@pytest.mark.parametrize("sentence, speaker, part", [
    ("The minister made the observation that voters were tired of the delays.", "The minister", "voters were tired"),
    ("Her rival made the point that the budget was late.", "Her rival", "the budget was late"),
])
def test_nouns_of_remarks_with_a_clause_report_it(sentence, speaker, part):
    record = analyze_text(sentence)
    a = find(record, part)
    assert record.span_text(a.speaker) == speaker


def test_a_point_in_time_reports_nothing():
    record = analyze_text("At one point the crowd cheered, and the point of the rally was clear.")
    assert record.attributions == []


def test_praise_in_a_phrasal_verb_is_a_cue():
    record = analyze_text("The coach talked up his young goalkeeper after the match.")
    a = find(record, "his young goalkeeper")
    assert record.span_text(a.speaker) == "The coach"
    assert record.span_text(a.cue) == "talked up"


@pytest.mark.parametrize("sentence, speaker, part", [
    ("The mayor's response to the report was that the figures were old.", "The mayor's", "the figures were old"),
    ("Her answer was that the school would stay open.", "Her", "the school would stay open"),
])
def test_an_answer_with_a_clause_reports_it(sentence, speaker, part):
    record = analyze_text(sentence)
    assert record.span_text(find(record, part).speaker) == speaker


def test_a_response_to_an_event_reports_nothing():
    assert analyze_text("In response to the storm, the city closed its schools.").attributions == []
