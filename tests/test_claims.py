"""Claims on sentences written for these tests: clauses, voice and source, hedges, kinds, worth."""
from __future__ import annotations

from annotated_text import Source, parse, record

from dateline.annotate.claims import find_claims
from dateline.record import Heading


def claims_of(rec):
    return [(rec.text[c.start:c.end], c) for c in find_claims(rec, parse(rec.text))]


def find(claims, words):
    matches = [c for text, c in claims if words in text]
    assert matches, (words, [t for t, _ in claims])
    return min(matches, key=lambda c: c.end - c.start)


def test_reported_content_is_the_source_and_the_frame_is_no_claim():
    text = "The mayor said that the bridge will reopen in May. The council cut the budget by 12 percent."
    rec = record(text, sources=[Source("s1", "The mayor", "named_person")],
                 attributions=[("the bridge will reopen in May", "said", "s1", "indirect")])
    claims = claims_of(rec)
    bridge = find(claims, "bridge will reopen")
    assert bridge.voice == "source" and bridge.source == "s1" and bridge.kind == "prediction"
    budget = find(claims, "cut the budget")
    assert budget.voice == "authorial" and budget.source is None and budget.kind == "fact"
    assert not any(text == "The mayor said" for text, _ in claims)


def test_article_claim_around_an_embedded_report_stays_authorial():
    text = "Hours later, the army shelled what the villagers said was the largest depot in the valley."
    rec = record(text, sources=[Source("s1", "the villagers", "named_group")],
                 attributions=[("the largest depot in the valley", "said", "s1", "indirect")])
    claims = claims_of(rec)
    outer = find(claims, "the army shelled")
    assert outer.voice == "authorial"
    assert find(claims, "largest depot").voice == "source"


def test_authorial_claim_about_what_someone_knows_is_a_mental_state():
    text = "So far the minister has refused, because she knows the tariff will have little effect on prices."
    claims = claims_of(record(text))
    assert find(claims, "she knows").kind == "mental_state"
    assert find(claims, "has refused").kind == "fact"


def test_opinion_and_prediction_kinds():
    text = "I think the plan is wrong. The government should resign. The central bank will raise rates next year."
    claims = claims_of(record(text))
    assert find(claims, "I think").kind == "opinion"
    assert find(claims, "should resign").kind == "opinion"
    assert find(claims, "will raise").kind == "prediction"


def test_hedges_and_distancing_cues_are_spans_of_the_claim():
    text = "The convoy was reportedly attacked near the border. Rain may delay the vote until May."
    rec = record(text)
    claims = claims_of(rec)
    convoy = find(claims, "convoy")
    assert [text[a:b] for a, b in convoy.hedges] == ["reportedly"]
    assert [text[a:b] for a, b in convoy.distancing] == ["reportedly"]
    rain = find(claims, "Rain may delay")
    assert [text[a:b] for a, b in rain.hedges] == ["may"], "the month May is no hedge"
    assert rain.distancing == []


def test_checkworthiness_ranks_figures_and_records_above_opinions():
    text = ("Unemployment fell to 4.1 percent in 2019, the lowest rate in fifty years. "
            "I believe we can do better. Do you agree?")
    claims = claims_of(record(text))
    figure = find(claims, "Unemployment fell")
    opinion = find(claims, "I believe")
    assert figure.checkworthy > 0.7 > 0.3 > opinion.checkworthy
    assert all(0.0 <= c.checkworthy <= 1.0 for _, c in claims)


def test_headings_are_not_claims():
    text = "Markets Rally on Rate Hopes\n\nShares rose 3 percent on Monday."
    rec = record(text)
    rec.headings = [Heading(0, 27, "Markets Rally on Rate Hopes")]
    claims = claims_of(rec)
    assert [t for t, _ in claims] == ["Shares rose 3 percent on Monday"]


def test_claim_ids_are_unique_and_in_text_order():
    text = "The port reopened on Monday. Ships queued for hours, and prices rose."
    claims = [c for _, c in claims_of(record(text))]
    assert [c.id for c in claims] == [f"c{k}" for k in range(1, len(claims) + 1)]
    assert [c.start for c in claims] == sorted(c.start for c in claims)


def test_a_report_of_what_someone_knows_stays_the_articles_own_claim():
    text = "So far the minister has refused, because she knows the tariff will have little effect on prices."
    rec = record(text, sources=[Source("s1", "she", "named_person")],
                 attributions=[("the tariff will have little effect on prices", "knows", "s1", "indirect")])
    rec.attributions[0].cue_lemma = "know"  # as the attribution engine gives it
    claims = claims_of(rec)
    knows = find(claims, "she knows the tariff")
    assert knows.voice == "authorial" and knows.kind == "mental_state"
    assert all(c.voice == "authorial" for _, c in claims)


def test_a_second_that_clause_is_a_claim_of_its_own():
    text = ("The air force said Norway launched 31 drones and two missiles overnight, and that air defences "
            "shot down 24 of the drones.")
    rec = record(text, sources=[Source("s1", "The air force", "named_group")],
                 attributions=[("Norway launched 31 drones and two missiles overnight, and that air defences shot "
                                "down 24 of the drones", "said", "s1", "indirect")])
    claims = claims_of(rec)
    launched, shot = find(claims, "launched 31 drones"), find(claims, "shot down 24")
    assert launched is not shot and launched.voice == shot.voice == "source"


def test_a_verb_without_subject_conjunction_or_comma_is_no_clause_of_its_own():
    text = "Polls published before the first round showed Halvorsen ahead by about six points."
    assert len(claims_of(record(text))) == 1


def test_a_shared_verb_group_stays_one_claim():
    text = "He wants an agreement that no aid will be shipped to the region or repositioned to the front lines."
    claims = claims_of(record(text))
    assert len(claims) == 1, [t for t, _ in claims]


def test_a_phrase_hung_on_a_parenthetical_cue_stays_with_the_reported_clause():
    text = ("Mediators brought negotiators back to Cairo on Tuesday for a third round of talks, two officials "
            "said, after weeks in which neither side would meet.")
    rec = record(text, sources=[Source("s1", "two officials", "anonymous_group")],
                 attributions=[("Mediators brought negotiators back to Cairo on Tuesday for a third round of talks, "
                                "two officials said, after weeks in which neither side would meet", "said", "s1",
                                "indirect")])
    claims = claims_of(rec)
    brought = find(claims, "Mediators brought")
    assert rec.text[brought.start:brought.end].endswith("would meet")


def test_a_list_of_verbs_sharing_subject_and_auxiliary_is_one_claim():
    text = ("The minister should respect the ruling of the court, respect the judges, correct mistakes and stop "
            "making remarks about the case.")
    assert len(claims_of(record(text))) == 1


def test_a_clause_whose_subject_is_a_relative_pronoun_stays_with_its_noun():
    text = "He worked with foreign companies to form business partnerships in the region that would boost local economies."
    assert len(claims_of(record(text))) == 1


def features_of(text):
    """The check-worthiness features of a one-clause sentence, as the annotator computes them."""
    from dateline.annotate.claims import _cue_kinds, _features
    from dateline.annotate.phrases import token_forms
    doc = parse(text)
    sent = next(iter(doc.sents))
    return _features(sent.root, list(sent), _cue_kinds(doc, token_forms(doc)))


def test_ordinals_and_the_pronoun_one_are_no_figures_but_digits_and_money_count_in_full():
    assert features_of("First of all, no one on the second panel agreed with her.").figure == 0
    assert features_of("The district hired 40 nurses last spring.").figure == 2
    assert features_of("The district paid $3 for each test kit.").figure == 2
    assert features_of("The district hired four nurses last spring.").figure == 1


def test_words_of_change_are_matters_of_record_not_figures():
    f = features_of("The council cut the library budget.")
    assert f.figure == 0 and f.record >= 1 and f.past


def test_have_got_to_is_an_obligation_not_a_past_event():
    claims = claims_of(record("We've got to fix the roads in this county."))
    assert claims[0][1].kind == "opinion"


def test_an_institution_or_a_role_as_subject_is_a_third_party():
    assert features_of("The ministry closed the northern clinics.").third_party
    assert features_of("The governor closed the northern clinics.").third_party
    assert not features_of("We closed the northern clinics.").third_party


def test_a_command_is_less_worth_checking_than_a_report_of_the_same_deed():
    command = features_of("Look at the schools they closed in this county.")
    report = features_of("The county closed twelve schools in this district.")
    assert command.imperative and not report.imperative
    assert command.checkworthy() < 0.5 <= report.checkworthy()


def test_what_can_be_done_is_supposed_not_asserted():
    assert features_of("We can build the bridge within budget.").conditional
    assert not features_of("We built the bridge within budget.").conditional


def test_multiples_and_judging_predicates():
    assert features_of("The port handles three times as many containers as the old one.").comparison
    claims = claims_of(record("The new toll plan is reckless."))
    assert claims[0][1].kind == "opinion"
