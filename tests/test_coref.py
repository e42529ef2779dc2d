"""The speaker resolver on sentences written for these tests."""
from __future__ import annotations

from attribution_helpers import analyze_text, entity_name, find, source_of


def test_pronoun_takes_the_person_of_matching_gender():
    text = ("Mark Hill and Susan Fox met the board on Monday. She said that the vote was close. "
            "He said that the result was fair.")
    record = analyze_text(text)
    assert entity_name(record, source_of(record, find(record, "the vote was close"))) == "Susan Fox"
    assert entity_name(record, source_of(record, find(record, "the result was fair"))) == "Mark Hill"


def test_resolved_pronoun_is_added_to_the_entity():
    text = "Angela Brooks runs the shelter downtown. She said that beds were scarce this winter."
    record = analyze_text(text)
    a = find(record, "beds were scarce")
    entity = next(e for e in record.entities if e.id == source_of(record, a).entity)
    assert a.speaker in [tuple(m) for m in entity.mentions]


def test_description_resolves_to_the_titled_person():
    text = ("Russian President Vladimir Putin met the envoy in Moscow on Friday. "
            "The Russian leader said that the talks would continue.")
    record = analyze_text(text)
    a = find(record, "the talks would continue")
    src = source_of(record, a)
    assert src.kind == "named_person" and entity_name(record, src) == "Vladimir Putin"


def test_role_description_resolves_to_the_named_spokeswoman():
    text = ("Spokeswoman Haley Morris said the campaign had always been lean. "
            "The spokeswoman added that more staff would move to Iowa.")
    record = analyze_text(text)
    assert find(record, "more staff would move").source == find(record, "the campaign had always").source


def test_unresolvable_description_is_an_anonymous_person():
    record = analyze_text("The spokeswoman said that the office would reopen on Monday.")
    src = source_of(record, find(record, "the office would reopen"))
    assert src.kind == "anonymous_person" and src.entity is None


def test_entity_ids_stay_stable():
    text = "Ruth Adler met Tom Baker. Adler said that the plan was final."
    record = analyze_text(text)
    before = [(e.id, e.name) for e in record.entities]
    again = analyze_text(text)
    assert [(e.id, e.name) for e in again.entities] == before


def test_gender_learned_from_the_pronouns_that_follow_a_name():
    text = ("Drew Kessel runs the mill in town, and she has owned it for ten years. "
            "Quinn Abara manages the farm next door, where he grows wheat. "
            "She said that the mill would stay open.")
    record = analyze_text(text)
    assert entity_name(record, source_of(record, find(record, "the mill would stay open"))) == "Drew Kessel"


def test_untagged_surname_takes_the_full_name_given_earlier():
    text = ("For Carole Laurin, the strokes meant leaving her job. "
            "Laurin said that the pension had covered her therapy.")
    record = analyze_text(text)
    src = source_of(record, find(record, "the pension had covered"))
    assert src.kind == "named_person" and entity_name(record, src) == "Carole Laurin"


def test_it_goes_back_to_the_subject_that_spoke_not_the_last_name():
    text = ("In a memo sent on Wednesday, Brightwell Foods told its staff it is working with Harlan Mills "
            "to restore the contract. It also told workers to keep the old invoices.")
    record = analyze_text(text)
    src = source_of(record, find(record, "workers to keep the old invoices"))
    assert src.text == "Brightwell Foods"


def test_they_goes_back_to_the_people_a_plural_subject_names():
    text = ("The Liberals have not said what comes next. Nurses in the province are tired of waiting, "
            "and they say that the new schedule must be scrapped.")
    record = analyze_text(text)
    src = source_of(record, find(record, "the new schedule must be scrapped"))
    assert src.kind == "anonymous_group" and "Nurses" in src.text


def test_he_goes_back_to_an_unnamed_speaker_heard_after_the_named_one():
    text = ("Mayor Tom Reyes opened the new bridge on Monday. Traffic stopped for an hour after the "
            "ceremony, a police officer at the scene told reporters. Drivers waited in the heat. "
            "Nobody was hurt, he said.")
    record = analyze_text(text)
    src = source_of(record, find(record, "Nobody was hurt"))
    assert src.kind == "anonymous_person" and "officer" in src.text


def test_full_name_the_tagger_misread_is_the_person_its_surname_names():
    from dateline.annotate.entities import _Mention, _people_index

    people = _people_index([_Mention(0, 16, "Nino Niederreiter", "GPE"), _Mention(40, 52, "Niederreiter", "PERSON"),
                            _Mention(60, 74, "New Brunswick", "GPE")])
    assert people.key_of("Nino Niederreiter") and people.key_of("New Brunswick") is None


def test_council_title_is_no_part_of_the_name_and_its_description_resolves():
    text = ("Councillor Jane Smith said the plan to widen the road was a mistake. "
            "The councillor added that she would vote against it.")
    record = analyze_text(text)
    src = source_of(record, find(record, "she would vote against it"))
    assert entity_name(record, src) == "Jane Smith"
