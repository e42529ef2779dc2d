"""Sources on sentences written for these tests: kinds, reuse, affiliation and via chains."""
from __future__ import annotations

import pytest

from attribution_helpers import analyze_text, entity_name, find, source_of
from dateline.present import ArticleView


@pytest.mark.parametrize("sentence, kind", [
    ("Sources report that the factory will close in June.", "anonymous_group"),
    ("People familiar with the matter said the factory will close in June.", "anonymous_group"),
    ("A senior official said the factory will close in June.", "anonymous_person"),
    ("The company said the factory will close in June.", "named_group"),
    ("The Canadian delegation in Geneva said the factory will close in June.", "named_group"),
    ("The company's statement said the factory will close in June.", "document"),
    ("A report by the auditors found that the factory will close in June.", "document"),
    ("Reuters reported that the factory will close in June.", "media"),
    ("State television said the factory will close in June.", "media"),
    ("The news agency reported that the factory will close in June.", "media"),
    ("By June the factory will close, The Post has learned.", "media"),
    ("Aides said the factory will close in June.", "anonymous_group"),
    ("Those familiar with the talks said the factory will close in June.", "anonymous_group"),
])
def test_source_kind(sentence, kind):
    record = analyze_text(sentence)
    a = find(record, "the factory will close")
    assert source_of(record, a).kind == kind


def test_the_source_goes_back_to_the_source_that_introduced_it():
    text = ("A source close to the talks said the deal was near. The source added that "
            "both sides had signed a draft. Later a source said the deal had collapsed.")
    record = analyze_text(text)
    first, again, other = (find(record, "the deal was near"), find(record, "both sides had signed"),
                           find(record, "the deal had collapsed"))
    assert first.source == again.source
    assert other.source != first.source
    src = source_of(record, first)
    assert src.kind == "anonymous_person"
    assert "close to the talks" in src.descriptor
    assert len(src.mentions) == 2


def test_repeated_plural_source_is_one_source():
    text = "Sources report that the mine is flooded. Sources report that two workers are missing."
    record = analyze_text(text)
    assert find(record, "the mine is flooded").source == find(record, "two workers are missing").source
    assert len(record.sources) == 1


def test_official_quoted_by_an_outlet_is_carried_by_it():
    text = ("Iran has said that it will resume the talks, according to an Iranian official quoted "
            "this morning by Amwaj Media.")
    record = analyze_text(text)
    a = next(a for a in record.attributions if a.kind == "indirect")
    assert record.span_text(a.content) == "that it will resume the talks"
    by_id = {s.id: s for s in record.sources}
    country = by_id[a.source]
    official = by_id[country.via]
    outlet = by_id[official.via]
    assert country.kind == "named_group"
    assert official.kind == "anonymous_person" and official.affiliation
    assert outlet.kind == "media" and outlet.text == "Amwaj Media"


def test_a_carrier_belongs_to_the_statement_it_carried():
    # "Sources report that the mayor asked ..." carries that statement; the mayor's own words later
    # come through no one, so the mayor's source has no via while that one attribution has
    text = ("Sources report that Mayor Ann Hale asked the council to delay the vote. "
            "“We need another week,” Hale told reporters on Tuesday. "
            "Hale said the budget would be balanced.")
    record = analyze_text(text)
    carried = next(a for a in record.attributions if a.cue_lemma == "ask")
    quoted, said = find(record, "We need another week"), find(record, "the budget would be balanced")
    mayor = source_of(record, quoted)
    assert carried.source == said.source == mayor.id and mayor.kind == "named_person"
    carrier = next(s for s in record.sources if s.id == carried.via)
    assert carrier.kind == "anonymous_group" and carrier.text == "Sources"
    assert quoted.via is None and said.via is None and mayor.via is None
    rows = {r["id"]: r for r in ArticleView(record).attribution_rows()}
    assert rows[carried.id]["anonymity"] == "via_anonymous"
    assert rows[carried.id]["chain"] == [{"id": carrier.id, "text": "Sources", "kind": "anonymous_group"}]
    assert rows[quoted.id]["anonymity"] is None and rows[said.id]["anonymity"] is None


def test_a_source_known_only_through_a_carrier_keeps_it():
    text = ("A senior official, quoted by the Kyiv Post, said the bridge was closed. According to the "
            "official, repairs will take a month.")
    record = analyze_text(text)
    first, second = find(record, "the bridge was closed"), find(record, "repairs will take a month")
    official = source_of(record, first)
    assert second.source == official.id and official.kind == "anonymous_person"
    outlet = next(s for s in record.sources if s.id == official.via)
    assert outlet.kind == "media" and first.via == second.via == outlet.id


def test_told_an_outlet_is_a_via():
    record = analyze_text("A police spokesman told Reuters that three men were arrested.")
    a = find(record, "three men were arrested")
    src = source_of(record, a)
    carrier = next(s for s in record.sources if s.id == src.via)
    assert carrier.kind == "media" and carrier.text == "Reuters"


def test_report_in_an_outlet_is_a_document_carried_by_it():
    text = "According to a report in the Kyiv Post, the power plant was hit twice."
    record = analyze_text(text)
    a = find(record, "the power plant was hit")
    src = source_of(record, a)
    assert src.kind == "document"
    carrier = next(s for s in record.sources if s.id == src.via)
    assert carrier.kind == "media" and "Kyiv Post" in carrier.text


def test_named_person_is_one_source_across_mentions():
    text = ("Maria Lopez, the union leader, said the strike would go on. Lopez said that "
            "talks had failed.")
    record = analyze_text(text)
    assert find(record, "the strike would go on").source == find(record, "talks had failed").source


def test_anonymity_phrase_marks_and_describes_the_source():
    record = analyze_text("A company engineer, who asked not to be named, said the test had failed.")
    src = source_of(record, find(record, "the test had failed"))
    assert src.kind == "anonymous_person" and "asked not to be named" in src.descriptor


def test_someone_close_to_is_an_anonymous_person():
    record = analyze_text("Someone close to the mayor said that the vote count was wrong.")
    src = source_of(record, find(record, "the vote count was wrong"))
    assert src.kind == "anonymous_person"


def test_report_of_a_statement_is_carried_by_the_reporter():
    record = analyze_text("The Kyiv Post reported that officials said the plant had been shelled.")
    a = find(record, "the plant had been shelled")
    inner = next(x for x in record.attributions if x.cue_lemma == "say")
    src = source_of(record, inner)
    carrier = next(s for s in record.sources if s.id == src.via)
    assert src.kind == "anonymous_group" and carrier.kind == "media"
    assert a is not None


def test_described_as_gives_the_descriptor():
    text = ("An official said the border would open. According to the source, who is described as a "
            "“senior” official, the talks could begin next week.")
    record = analyze_text(text)
    src = source_of(record, find(record, "the talks could begin"))
    assert src.descriptor == "senior official"
    assert src.id == find(record, "the border would open").source


def test_apposed_name_is_the_speaker():
    record = analyze_text("The company's chief executive, Jane Smith, said profits had doubled.")
    src = source_of(record, find(record, "profits had doubled"))
    assert src.kind == "named_person" and "Jane Smith" in src.text


@pytest.mark.parametrize("country", ["Russian", "Chilean", "Malian", "Norwegian"])
def test_a_countrys_office_holder_is_named_by_office_whoever_the_list_knows(country):
    record = analyze_text(f"The {country} foreign minister said on Monday that the talks would resume.")
    src = source_of(record, find(record, "the talks would resume"))
    assert src.kind == "named_person" and src.affiliation
    record = analyze_text(f"The {country} president told reporters that the border would reopen.")
    src = source_of(record, find(record, "the border would reopen"))
    assert src.kind == "named_person" and src.affiliation
    record = analyze_text(f"A {country} minister said on Monday that the talks would resume.")
    assert source_of(record, find(record, "the talks would resume")).kind == "anonymous_person"


@pytest.mark.parametrize("sentence", [
    'On the right, the leader of Norway\'s opposition Progress Party, Halvard Brekke, called the plan "a trap."',
    "“We keep talking while they keep building,” said one, Halvard Brekke, who called the patrols an invasion.",
    "Elementary school teacher Halvard Brekke, 56, says the program has helped him manage stress.",
    "Halvard Brekke, Bergen MP, said he drove around with flags on his truck.",
])
def test_a_name_set_off_by_commas_or_after_a_role_names_the_speaker(sentence):
    record = analyze_text(sentence)
    speakers = {source_of(record, a).text for a in record.attributions if a.source}
    assert speakers == {"Halvard Brekke"}, [(record.span_text(a.content), source_of(record, a)) for a in record.attributions]


def test_a_countrys_office_is_read_from_the_country_whatever_the_tagger_calls_it():
    for country in ("Oman", "Mozambique"):  # the small model tags one a place, the other an organisation
        record = analyze_text(f"{country}'s foreign minister said that the talks were making steady progress.")
        src = source_of(record, find(record, "the talks were making"))
        assert (src.kind, src.affiliation) == ("named_person", country)


@pytest.mark.parametrize("sentence, affiliation", [
    ("The central bank's statement said rates would stay at 4 percent.", "central bank"),
    ("A spokeswoman for the Harbour Workers Union said rates would stay at 4 percent.", "Harbour Workers Union"),
])
def test_affiliation_reads_as_a_name(sentence, affiliation):
    record = analyze_text(sentence)
    a = find(record, "rates would stay")
    assert source_of(record, a).affiliation == affiliation


@pytest.mark.parametrize("sentence, part, kind", [
    ("In the poll, 46 percent said the economy was their main worry.", "the economy was", "anonymous_group"),
    ("A majority of voters expect the mayor to win the debate.", "the mayor to win", "anonymous_group"),
    ("A group of doctors said the treatment was unproven.", "the treatment was unproven", "anonymous_group"),
    ("A group of Democrats said the treatment was unproven.", "the treatment was unproven", "anonymous_group"),
    ("A chorus of Republicans warned that the tariff would raise prices.", "the tariff would raise", "anonymous_group"),
    ("A handful of senators said the vote would slip to March.", "the vote would slip", "anonymous_group"),
    ("A number of economists predicted that rates would fall.", "rates would fall", "anonymous_group"),
    ("The host said the show would return in the autumn.", "the show would return", "anonymous_person"),
    ("Police said the driver had fled the scene.", "the driver had fled", "named_group"),
    ("Polling averages show the mayor ahead by three points.", "the mayor ahead", "document"),
    ("The newspaper reported that the mayor had resigned.", "the mayor had resigned", "media"),
    ("State news media claimed the test was a success.", "the test was a success", "media"),
    ("The paper's editorial board wrote that the mayor should resign.", "the mayor should resign", "media"),
])
def test_source_kinds_of_shares_bodies_documents_and_outlets(sentence, part, kind):
    record = analyze_text(sentence)
    assert source_of(record, find(record, part)).kind == kind


def test_the_company_and_a_company_spokesperson_are_the_company_the_article_names():
    record = analyze_text("Shares of Northwind Inc fell after the carmaker missed its targets. The company said "
                          "demand would recover. A company spokesperson said the plant would reopen.")
    company = source_of(record, find(record, "demand would recover"))
    spokesperson = source_of(record, find(record, "the plant would reopen"))
    assert company.kind == "named_group" and company.entity is not None
    assert spokesperson.kind == "anonymous_person" and spokesperson.affiliation == "Northwind Inc"


def test_the_ministry_is_the_ministry_named_before():
    record = analyze_text("The Ministry of Health issued new rules on Friday. The ministry said hospitals must "
                          "comply. A spokesman for the ministry declined to comment.")
    ministry = source_of(record, find(record, "hospitals must comply"))
    assert ministry.entity is not None and "Ministry of Health" in ministry.text
    assert source_of(record, find(record, "to comment")).affiliation == "Ministry of Health"


def test_a_surname_after_a_full_name_is_that_person_whatever_the_tagger_says():
    record = analyze_text("Mary Ann Schicketanz designed the house. Schicketanz said the dogs loved it.")
    src = source_of(record, find(record, "the dogs loved it"))
    assert src.kind == "named_person" and src.text == "Mary Ann Schicketanz"


def test_a_listed_outlet_is_media_whoever_the_tagger_took_it_for():
    record = analyze_text("Politifact then pointed out that one shooting may have more than one victim.")
    assert source_of(record, find(record, "one shooting may have")).kind == "media"


@pytest.mark.parametrize("sentence, kind", [
    ("The Food Safety Agency said the recall covered three brands.", "named_group"),
    ("The Korean Central News Agency said the recall covered three brands.", "media"),
    ("Anadolu Agency reported that the recall covered three brands.", "media"),
])
def test_an_agency_is_an_outlet_only_by_its_name(sentence, kind):
    record = analyze_text(sentence)
    assert source_of(record, find(record, "the recall covered")).kind == kind


def test_the_agency_and_its_spokesman_are_the_public_body_named_before():
    record = analyze_text("The Federal Aviation Agency grounded the jets on Monday. The agency said inspections "
                          "would take a week. An agency spokesman said airlines had been told.")
    agency = source_of(record, find(record, "inspections would take"))
    assert agency.kind == "named_group" and agency.entity is not None and "Federal Aviation Agency" in agency.text
    spokesman = source_of(record, find(record, "airlines had been told"))
    assert spokesman.kind == "anonymous_person" and spokesman.affiliation == "Federal Aviation Agency"


def test_data_are_a_document_however_the_lemmatizer_reads_them():
    record = analyze_text("According to data from the county health office, the outbreak has slowed.")
    assert source_of(record, find(record, "the outbreak has slowed")).kind == "document"


def test_what_an_outlet_reported_can_be_its_object():
    record = analyze_text("The Dallas Morning News first reported the settlement on Friday.")
    a = find(record, "the settlement")
    assert a.topic and source_of(record, a).kind == "media"


@pytest.mark.parametrize("sentence, name, kind", [
    ("The Justice Department said it would appeal the ruling.", "Justice Department", "named_group"),
    ("Justice Elena Marsh said the appeal would be heard in May.", "Elena Marsh", "named_person"),
])
def test_a_title_word_in_a_body_s_name_makes_no_person(sentence, name, kind):
    record = analyze_text(sentence)
    src = source_of(record, record.attributions[0])
    assert (src.text, src.kind) == (name, kind)


def test_a_name_ending_in_an_outlet_word_is_still_a_person():
    record = analyze_text("Jonathan Post said the bill had died in committee.")
    assert source_of(record, find(record, "the bill had died")).kind == "named_person"


def test_a_proper_name_headed_by_a_document_noun_is_a_document():
    record = analyze_text("New Poll Shows Minor Bump For Clinton")
    assert source_of(record, find(record, "Minor Bump")).kind == "document"


def test_the_family_of_a_named_person_is_a_named_group():
    record = analyze_text("Keith Scott was shot on Tuesday. Scott's family has called on police to release the videos.")
    assert source_of(record, find(record, "police to release the videos")).kind == "named_group"


def test_it_after_a_document_is_that_document():
    record = analyze_text("Lawyers for the family released the cellphone video on Friday. It shows an officer "
                          "aiming a gun at the car.")
    src = source_of(record, find(record, "an officer aiming a gun"))
    assert src.kind == "document" and "video" in src.text


def test_a_pronoun_no_named_person_fits_goes_back_to_an_unnamed_one():
    record = analyze_text("The wife of a man shot by police recorded the encounter. “Don't shoot him,” she says.")
    src = source_of(record, find(record, "Don't shoot him"))
    assert src.kind == "anonymous_person" and src.text.startswith("The wife")


def test_the_agency_is_an_organisation_just_heard_and_the_campaign_is_not():
    record = analyze_text("The World Health Organization warned of a pandemic, and the agency urged countries to "
                          "act. The Security Council met on Friday. The campaign said the race was tied.")
    who = source_of(record, find(record, "countries to act"))
    assert who.text == "World Health Organization"
    assert source_of(record, find(record, "the race was tied")).text == "The campaign"


def test_a_chain_of_continued_reports_that_comes_back_on_itself_ends():
    """Two reports each continuing the other (a parse can join them so) must not send the resolver
    round for ever: the walk stops where it would repeat."""
    from types import SimpleNamespace

    from dateline.annotate.sources import _first_half

    first, second = SimpleNamespace(continues=None), SimpleNamespace(continues=None)
    first.continues, second.continues = second, first
    assert _first_half(first, {}) is second and _first_half(second, {}) is first
    opening = SimpleNamespace(continues=None)
    middle = SimpleNamespace(continues=opening)
    last = SimpleNamespace(continues=middle)
    assert _first_half(last, {}) is opening and _first_half(last, {id(middle): None}) is middle


def test_the_report_goes_back_only_to_a_report_of_its_number_that_nothing_else_identifies():
    text = ("Reports in local papers said the plant would close. The report, published by the auditors, "
            "found that the agency ignored warnings. A new study found that rents rose. "
            "The study also said that wages fell.")
    record = analyze_text(text)
    reports = source_of(record, find(record, "the plant would close"))
    published = source_of(record, find(record, "the agency ignored warnings"))
    assert published.kind == "document" and published.id != reports.id
    assert source_of(record, find(record, "wages fell")) == source_of(record, find(record, "rents rose"))


@pytest.mark.parametrize("text, named", [
    ("Sen. Jane Holloway (D-Ore.) questioned the bank's chief. The Oregon Democrat said the fines were too small.",
     "Jane Holloway"),
    ("Republican Gov. Tom Farrow spoke first. The Idaho Republican said the fines were too small.", "Tom Farrow"),
    ("Mark Delaney, a Texas Republican, opposed the bill. The Republican said the fines were too small.",
     "Mark Delaney"),
])
def test_a_party_member_by_description_is_the_named_politician(text, named):
    record = analyze_text(text)
    src = source_of(record, find(record, "the fines were too small"))
    assert src.kind == "named_person"
    assert entity_name(record, src) == named


def test_a_party_member_of_another_party_is_not_the_one_named():
    text = ("Sen. Jane Holloway (D-Ore.) questioned the bank's chief. "
            "The Ohio Republican said the fines were too small.")
    record = analyze_text(text)
    src = source_of(record, find(record, "the fines were too small"))
    assert entity_name(record, src) != "Jane Holloway"


@pytest.mark.parametrize("description", ["The Oregon senator", "The former governor", "The 71-year-old senator"])
def test_an_anchored_description_refers_back_to_the_person_named(description):
    text = (f"Ruth Kessler told supporters in Salem that the race was close. "
            f"{description} said the fines were too small.")
    record = analyze_text(text)
    src = source_of(record, find(record, "the fines were too small"))
    assert src.kind == "named_person"
    assert entity_name(record, src) == "Ruth Kessler"


def test_a_bare_description_may_be_someone_new():
    record = analyze_text("Ruth Kessler told supporters that the race was close. The judge said the fines were too small.")
    assert source_of(record, find(record, "the fines were too small")).kind == "anonymous_person"


def test_an_anchored_description_skips_a_person_of_another_title():
    text = ("Ruth Kessler told supporters that the race was close. President Alan Moore said nothing of it. "
            "The Oregon senator said the fines were too small.")
    record = analyze_text(text)
    src = source_of(record, find(record, "the fines were too small"))
    assert entity_name(record, src) == "Ruth Kessler"


def test_a_role_word_in_lower_case_before_a_name_is_no_title():
    # "her chief rival" describes; it does not make Kessler a chief who could be no senator
    text = ("Ann Pryor leads the race, and her chief rival Ruth Kessler told supporters that it was close. "
            "The Oregon senator said the fines were too small.")
    record = analyze_text(text)
    assert entity_name(record, source_of(record, find(record, "the fines were too small"))) == "Ruth Kessler"


def test_an_anchored_description_is_someone_who_acted_not_someone_only_mentioned():
    text = ("Ruth Kessler said in an interview with the host Mary Lund that the race was close. "
            "The Oregon senator said the fines were too small. The senator added that taxes would rise.")
    record = analyze_text(text)
    first, later = find(record, "the fines were too small"), find(record, "taxes would rise")
    assert entity_name(record, source_of(record, first)) == "Ruth Kessler"
    assert later.source == first.source  # "the Oregon senator" made her a senator


def test_a_worker_of_a_named_firm_is_no_one_named():
    text = "Ruth Kessler told supporters that the race was close. The Acme Data employee said the files were gone."
    record = analyze_text(text)
    assert source_of(record, find(record, "the files were gone")).kind == "anonymous_person"


@pytest.mark.parametrize("sentence", [
    "The party platform calls for a higher minimum wage.",
    "His keynote speech called for a higher minimum wage.",
    "The legislation calls for a higher minimum wage.",
])
def test_a_platform_a_speech_or_a_bill_is_a_document(sentence):
    record = analyze_text(sentence)
    assert source_of(record, find(record, "a higher minimum wage")).kind == "document"
