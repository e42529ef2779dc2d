"""The corpus step on small stores built here: near-duplicates, entities across articles, stories
with independent outlets, incremental batches, the views and the commands that print them.

Records are written by hand (typed, with real offsets into their texts) so each test says exactly
what the annotators would have given the corpus step; one test runs the real ``analyze``.
"""
from __future__ import annotations

import json
import re

import pytest

from dateline import corpus
from dateline.cli import main
from dateline.corpus import views
from dateline.corpus.dedupe import is_copy
from dateline.corpus.lsh import shingles, words
from dateline.corpus.resolve import entity_key
from dateline.record import Attribution, Claim, Entity, Event, Record, Scorecard, Source, article_id
from dateline.store import Store

WIRE = ("Ministers from both countries met in Geneva on Tuesday to discuss a ceasefire along the border, "
        "according to officials familiar with the talks. The meeting lasted four hours and ended without a "
        "joint statement. Aid groups said fuel deliveries to the region had stopped a week earlier and that "
        "hospitals were running short of medicine. Negotiators are expected to meet again next month, a "
        "spokesman for the foreign ministry said, adding that both sides had agreed to exchange lists of "
        "prisoners. Residents of border towns described a quiet night after weeks of shelling, though several "
        "said they did not expect the calm to last. The United Nations envoy welcomed the talks and urged "
        "both governments to open a humanitarian corridor before winter.")


def _spans(text: str, name: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]


def record(text: str, outlet: str, published: str, *, people=(), events=(), claims=(), anonymous=False) -> Record:
    """A record as the annotators would give it: ``people`` (name, type) found in the text,
    ``events`` (type, actor name, recipient name, date, and a place name if any), ``claims`` (claim text, speaker name)."""
    entities = []
    for i, (name, type_) in enumerate(people, start=1):
        entities.append(Entity(f"e{i}", name, type_, mentions=_spans(text, name) or [(0, 1)]))
    by_name = {e.name: e.id for e in entities}
    kind = "anonymous_person" if anonymous else "named_person"
    sources = [Source(f"s{i}", name, kind, entity=by_name.get(name)) for i, name in enumerate(by_name, start=1)]
    source_of = {s.text: s.id for s in sources}
    attributions, claim_rows = [], []
    for i, (claim, speaker) in enumerate(claims, start=1):
        start = text.index(claim)
        attributions.append(Attribution(f"a{i}", "indirect", (start, start + len(claim)), source=source_of[speaker]))
        claim_rows.append(Claim(f"c{i}", start, start + len(claim), "source", source=source_of[speaker]))
    event_rows = []
    for i, (type_, actor, recipient, date, *place) in enumerate(events, start=1):
        event_rows.append(Event(f"v{i}", type_, actor=by_name.get(actor), recipient=by_name.get(recipient),
                                start=0, end=5, date=date, source="a1" if attributions else None,
                                location=by_name.get(place[0]) if place else None))
    card = Scorecard(words=len(text.split()), claims=len(claim_rows), attributions=len(attributions),
                     attributions_anonymous=len(attributions) if anonymous else 0)
    return Record(id=article_id(text), text=text, outlet=outlet, published=published, published_from="metadata",
                  title=text[:40], url=f"https://{outlet.lower().replace(' ', '')}.example/{article_id(text)}",
                  language="en", entities=entities, sources=sources, attributions=attributions, claims=claim_rows,
                  events=event_rows, scorecard=card)


def add(store: Store, *records: Record) -> dict:
    for r in records:
        store.add(r.url, r.id, len(r.text), r)
    return corpus.update(store.con)


def syndicated(text: str) -> str:
    """The wire story as another site runs it: a new headline, page furniture, the ending cut,
    a word edited."""
    body = text.rsplit(". ", 2)[0].replace("Tuesday", "Tuesday morning") + "."
    return "Border talks resume in Geneva\n\nAdvertisement\n\n" + body + "\n\nShare this article"


TALKS = [("Ministers", "NORP"), ("Geneva", "GPE"), ("United Nations", "ORG")]
REPORT_B = ("Negotiators from the two governments sat down in Geneva this week for their first talks since the "
            "spring, a diplomat said. Ministers spent four hours discussing a truce but issued no statement. "
            "Hospitals near the frontier report shortages of insulin, and the United Nations has asked for a corridor.")


def test_a_syndicated_copy_points_at_the_earliest_and_an_own_report_does_not(db):
    original = record(WIRE, "Wire Service", "2025-03-04")
    copy = record(syndicated(WIRE), "Valley Courier", "2025-03-05")
    own = record(REPORT_B, "Daily Ledger", "2025-03-04")
    ok, containment, _ = is_copy(shingles(words(original.text)), shingles(words(copy.text)))
    assert ok and containment > 0.8
    assert not is_copy(shingles(words(original.text)), shingles(words(own.text)))[0]
    with Store(db) as store:
        done = add(store, copy, own)
        done2 = add(store, original)  # the earliest copy arrives last
        rows = dict(store.con.execute("SELECT id, duplicate_of FROM articles").fetchall())
        groups = views.duplicates(store.con)
        assert store.add("again.txt", "h", 1, copy) == "duplicate"  # an exact copy stays a document
    assert done["articles"] == 2 and done2["articles"] == 1 and done2["near_duplicates_changed"] == 1
    assert rows == {original.id: None, copy.id: original.id, own.id: None}
    assert [(g["id"], [c["id"] for c in g["copies"]]) for g in groups] == [(original.id, [copy.id])]
    assert groups[0]["copies"][0]["outlet"] == "Valley Courier" and groups[0]["copies"][0]["containment"] > 0.8


@pytest.mark.parametrize("names,same", [
    (("Donald J. Trump", "Donald Trump", "President Donald Trump"), True),
    (("Volodymyr Zelenskyy", "Volodymyr Zelensky", "Volodymyr Zelenskiy"), True),
    (("Bill Clinton", "William Clinton"), True),
    (("Donald Trump", "Donald Trump Jr."), False),
    (("George W. Bush", "George H.W. Bush"), False),
])
def test_names_of_one_person_share_a_key_and_namesakes_do_not(names, same):
    keys = {entity_key(n, "PERSON", None) for n in names}
    plain = {k.replace("middle:", "person:").partition("|")[0] for k in keys}
    if same:
        assert len(plain) == 1
    else:
        assert len(keys) == len(names)


def test_entities_resolve_across_articles(db):
    a = record("Donald J. Trump spoke in Ohio. Mr. Trump said the plant would reopen.", "Paper A", "2025-01-02",
               people=[("Donald J. Trump", "PERSON"), ("Ohio", "GPE")])
    b = record("Donald Trump and Donald Trump Jr. visited the plant on Friday.", "Paper B", "2025-01-03",
               people=[("Donald Trump", "PERSON"), ("Donald Trump Jr.", "PERSON")])
    c = record("Trump waved to the crowd. Volodymyr Zelenskyy watched from Kyiv.", "Paper C", "2025-01-04",
               people=[("Trump", "PERSON"), ("Volodymyr Zelenskyy", "PERSON")])
    d = record("Volodymyr Zelensky thanked the crowd in a video address.", "Paper D", "2025-01-05",
               people=[("Volodymyr Zelensky", "PERSON")])
    with Store(db) as store:
        add(store, a, b)
        add(store, c, d)
        links = {(art, e): cid for art, e, cid in store.con.execute(
            "SELECT article_id, entity_id, corpus_entity_id FROM entity_links").fetchall()}
        trump = views.find_entities(store.con, "Mr. Trump") or views.find_entities(store.con, "Donald Trump")
        page = views.entity(store.con, trump[0]["id"])
    assert links[(a.id, "e1")] == links[(b.id, "e1")] == links[(c.id, "e1")]  # J. Trump, Trump, the one-word name
    assert links[(b.id, "e2")] != links[(b.id, "e1")]  # Donald Trump Jr., named beside his father
    assert links[(c.id, "e2")] == links[(d.id, "e1")]  # Zelenskyy / Zelensky
    assert page["articles"] == 3 and {"Donald J. Trump", "Donald Trump", "Trump"} <= set(page["aliases"])


def test_a_bare_surname_stands_for_the_full_name_its_own_article_gives(db):
    # Adam Khan is the Khan the corpus knows best; an article that names Omar Khan in full and then
    # says "Mr. Khan" means Omar Khan, one that names no Khan in full keeps the corpus's choice, and
    # "Mrs. Khan" beside a man and a woman of that name is the woman.
    known = [record(f"Adam Khan, the mayor, opened the {place} bridge on Monday. Mr. Khan cut the ribbon.",
                    f"Paper {i}", f"2025-02-0{i}", people=[("Adam Khan", "PERSON"), ("Mr. Khan", "PERSON")])
             for i, place in enumerate(("river", "canal", "harbour", "rail"), start=1)]
    own = record("Omar Khan, a shop owner, said the road had been closed for a month. Mr. Khan said trade had "
                 "halved.", "Paper E", "2025-02-05", people=[("Omar Khan", "PERSON"), ("Mr. Khan", "PERSON")])
    bare = record("Mr. Khan said the council would meet again in spring to discuss the budget.", "Paper F",
                  "2025-02-06", people=[("Mr. Khan", "PERSON")])
    couple = record("Omar Khan and Fatima Khan run the bakery on Mill Street. Mrs. Khan said the rent had doubled.",
                    "Paper G", "2025-02-07", people=[("Omar Khan", "PERSON"), ("Fatima Khan", "PERSON"),
                                                     ("Mrs. Khan", "PERSON")])
    with Store(db) as store:
        add(store, *known)
        add(store, own, bare, couple)
        links = {(art, e): cid for art, e, cid in store.con.execute(
            "SELECT article_id, entity_id, corpus_entity_id FROM entity_links").fetchall()}
    adam = links[(known[0].id, "e1")]
    assert links[(known[1].id, "e2")] == adam
    assert links[(own.id, "e2")] == links[(own.id, "e1")] != adam
    assert links[(bare.id, "e1")] == adam
    assert links[(couple.id, "e3")] == links[(couple.id, "e2")] != links[(couple.id, "e1")]


def _talks(text: str, outlet: str, published: str, *, anonymous=False) -> Record:
    return record(text, outlet, published, people=[("Ana Ruiz", "PERSON"), ("Omar Haddad", "PERSON")],
                  events=[("CONSULT", "Ana Ruiz", "Omar Haddad", published)],
                  claims=[(text.split(". ")[1].rstrip("."), "Ana Ruiz")], anonymous=anonymous)


STORY = ["Ana Ruiz met Omar Haddad in Lisbon. The ceasefire will hold through the winter months, officials said.",
         "Talks between Ana Ruiz and Omar Haddad went on late. The ceasefire will hold through the winter months.",
         "Ana Ruiz received Omar Haddad at the palace. The ceasefire will hold through the winter months ahead."]


def test_a_story_counts_each_outlet_and_each_copy_once(db):
    first = _talks(STORY[0], "Wire Service", "2025-05-06")
    second = _talks(STORY[1], "Daily Ledger", "2025-05-06")
    same_outlet = _talks(STORY[2], "Daily Ledger", "2025-05-07")
    copy = _talks(syndicated(STORY[0] + " " + WIRE), "Valley Courier", "2025-05-07")
    with Store(db) as store:
        store.add("wire", "h", 1, _talks(STORY[0] + " " + WIRE, "Wire Service", "2025-05-06"))
        add(store, first, second, same_outlet, copy)
        event_stories = views.stories(store.con, kind="event")
        claim_stories = views.stories(store.con, kind="claim")
        page = views.story(store.con, event_stories[0]["id"])
        outlets = dict((r[0], r) for r in views.outlets(store.con)[1])
    story = event_stories[0]
    assert story["type"] == "CONSULT" and story["actor"]["name"] == "Ana Ruiz"
    assert story["recipient"]["name"] == "Omar Haddad"
    assert story["articles"] == 5 and story["outlets"] == 3  # the copy runs under its own outlet ...
    assert story["independent_outlets"] == 2  # ... but stands for the wire's, which counts once
    assert story["anonymous_only"] is False
    assert {o["outlet"]: o["copies"] for o in page["outlets"]} == {"Wire Service": 0, "Daily Ledger": 0,
                                                                 "Valley Courier": 1}
    assert claim_stories and claim_stories[0]["independent_outlets"] == 2
    assert outlets["Valley Courier"][1:3] == (0, 1)  # no article of its own, one copy


def test_the_stories_scorer_takes_a_meeting_either_way_round_and_an_accusation_one_way(db):
    from dateline.evaluate import stories as scorer

    accusation = [record(f"Ana Ruiz accused Omar Haddad of stalling, report {i}.", f"Outlet {i}", "2025-05-06",
                         people=[("Ana Ruiz", "PERSON"), ("Omar Haddad", "PERSON")],
                         events=[("ACCUSE", "Ana Ruiz", "Omar Haddad", "2025-05-06")]) for i in range(2)]
    reports = [_talks(STORY[0], "Wire Service", "2025-05-06"), _talks(STORY[1], "Daily Ledger", "2025-05-06"),
               *accusation]
    with Store(db) as store:
        add(store, *reports)
        found = scorer._story_articles(store.con)
        files = {f"r{i}": r.id for i, r in enumerate(reports)}

        def label(type_, actor, recipient, articles):
            return {"kind": "event", "type": type_, "status": "asserted", "actor": actor, "recipient": recipient,
                    "place": None, "window": ["2025-05-01", "2025-05-10"], "articles": articles}

        met = scorer.match(label("CONSULT", "Omar Haddad", "Ana Ruiz", ["r0", "r1"]), found, files, store.con)[0]
        accused = scorer.match(label("ACCUSE", "Ana Ruiz", "Omar Haddad", ["r2", "r3"]), found, files, store.con)[0]
        backwards = scorer.match(label("ACCUSE", "Omar Haddad", "Ana Ruiz", ["r2", "r3"]), found, files, store.con)[0]
    assert met == (1.0, 1.0, 2)  # "Haddad met Ruiz" is the story "Ruiz met Haddad"
    assert accused == (1.0, 1.0, 2)
    assert backwards is None  # the accused is not the accuser


def test_an_event_without_a_recipient_joins_the_story_whose_recipient_its_article_names(db):
    people = [("Ana Ruiz", "PERSON"), ("Omar Haddad", "PERSON"), ("Lena Park", "PERSON")]
    demands = [record(f"Ana Ruiz demanded that Omar Haddad resign, report {i}.", f"Outlet {i}", "2025-05-06",
                      people=people, events=[("REQUEST", "Ana Ruiz", "Omar Haddad", "2025-05-06")]) for i in range(2)]
    other = record("Ana Ruiz asked Lena Park for a recount.", "Outlet 2", "2025-05-05", people=people,
                   events=[("REQUEST", "Ana Ruiz", "Lena Park", "2025-05-05")])
    # the parse found no recipient in "Ruiz called on him to go"; the article names Haddad, not Park
    vague = record("Omar Haddad stayed silent. Ana Ruiz called on him to go.", "Outlet 3", "2025-05-07",
                   people=people[:2], events=[("REQUEST", "Ana Ruiz", None, "2025-05-07")])
    with Store(db) as store:
        add(store, other, *demands, vague)
        stories = {s["recipient"]["name"]: s for s in views.stories(store.con, kind="event")}
    assert stories["Omar Haddad"]["articles"] == 3 and stories["Omar Haddad"]["independent_outlets"] == 3
    assert stories["Lena Park"]["articles"] == 1


def test_a_report_published_before_a_dated_event_does_not_tell_of_it(db):
    people = [("Ana Ruiz", "PERSON"), ("Omar Haddad", "PERSON")]

    def accused(text, outlet, published, date):
        return record(text, outlet, published, people=people, events=[("ACCUSE", "Ana Ruiz", "Omar Haddad", date)])

    # an earlier quarrel, reported undated the day it ran; then the insult of Tuesday, reported
    # with its day, and again undated a few days on
    earlier = accused("Ana Ruiz has accused Omar Haddad of ducking debates.", "Outlet 1", "2025-05-05", "2025-05-05")
    dated = accused("On Tuesday Ana Ruiz called Omar Haddad a liar.", "Outlet 2", "2025-05-07", "2025-05-06")
    later = accused("Ana Ruiz called Omar Haddad a liar, and he hit back.", "Outlet 3", "2025-05-11", "2025-05-11")
    with Store(db) as store:
        add(store, earlier, dated, later)
        found = sorted((s["articles"], s["date_start"]) for s in views.stories(store.con, kind="event"))
    assert found == [(1, "2025-05-05"), (2, "2025-05-06")]


def test_a_report_of_a_meeting_still_to_come_joins_the_reports_of_the_meeting(db):
    import dataclasses

    people = [("Ana Ruiz", "PERSON"), ("Omar Haddad", "PERSON")]

    def met(text, outlet, published, date, status="occurred"):
        rec = record(text, outlet, published, people=people, events=[("CONSULT", "Ana Ruiz", "Omar Haddad", date)])
        rec.events[0] = dataclasses.replace(rec.events[0], status=status)
        return rec

    # "will meet", no day given: the record dates it to the day it ran
    announced = met("Ana Ruiz will meet Omar Haddad to talk about the port.", "Outlet 1", "2025-05-05",
                    "2025-05-05", "future")
    held = [met(f"Ana Ruiz met Omar Haddad on Thursday, report {i}.", f"Outlet {i}", "2025-05-09", "2025-05-08")
            for i in (2, 3)]
    with Store(db) as store:
        add(store, announced, *held)
        found = [(s["articles"], s["independent_outlets"]) for s in views.stories(store.con, kind="event")]
    assert found == [(3, 3)]


def test_an_endorsement_coded_support_by_one_report_and_agree_by_another_is_one_story(db):
    people = [("Ana Ruiz", "PERSON"), ("Omar Haddad", "PERSON"), ("Lena Park", "PERSON")]
    backed = [record(f"Ana Ruiz endorsed Omar Haddad for governor, report {i}.", f"Outlet {i}", "2025-05-06",
                     people=people, events=[("SUPPORT", "Ana Ruiz", "Omar Haddad", "2025-05-06")]) for i in range(2)]
    # "Ruiz agreed to back Haddad": the same happening, coded as an agreement
    agreed = record("Ana Ruiz agreed to back Omar Haddad.", "Outlet 2", "2025-05-07", people=people,
                    events=[("AGREE", "Ana Ruiz", "Omar Haddad", "2025-05-07")])
    # an agreement with someone else, and one whose other party the record does not give, stay apart
    other = record("Ana Ruiz agreed with Lena Park on a debate date.", "Outlet 3", "2025-05-06", people=people,
                   events=[("AGREE", "Ana Ruiz", "Lena Park", "2025-05-06")])
    vague = record("Omar Haddad spoke. Ana Ruiz agreed to a deal.", "Outlet 4", "2025-05-06", people=people[:2],
                   events=[("AGREE", "Ana Ruiz", None, "2025-05-06")])
    # a rejection and an attack by one party naming no other are one criticism, told as the general type
    rejected = record("Lena Park rejected the budget.", "Outlet 5", "2025-05-06", people=people,
                      events=[("REJECT", "Lena Park", None, "2025-05-06")])
    attacked = record("Lena Park attacked the budget.", "Outlet 6", "2025-05-07", people=people,
                      events=[("ACCUSE", "Lena Park", None, "2025-05-07")])
    with Store(db) as store:
        add(store, *backed, other, rejected)
        add(store, agreed, vague, attacked)  # a later batch joins the earlier stories
        found = sorted((s["type"], s["actor"]["name"], s["recipient"]["name"] if s["recipient"] else "",
                        s["articles"], s["independent_outlets"]) for s in views.stories(store.con, kind="event"))
    assert found == [("ACCUSE", "Lena Park", "", 2, 2), ("AGREE", "Ana Ruiz", "", 1, 1),
                     ("AGREE", "Ana Ruiz", "Lena Park", 1, 1), ("SUPPORT", "Ana Ruiz", "Omar Haddad", 3, 3)]


def _claim_stories(db, claims: list[str]) -> list[tuple[int, int]]:
    """(articles, independent outlets) of the claim stories of reports that each give Ana Ruiz one
    of ``claims``, one outlet a report."""
    reports = [record(f"Ana Ruiz said {claim}, the report adds.", f"Outlet {i}", "2025-05-06",
                      people=[("Ana Ruiz", "PERSON")], claims=[(claim, "Ana Ruiz")]) for i, claim in enumerate(claims)]
    with Store(db) as store:
        add(store, *reports)
        return [(s["articles"], s["independent_outlets"]) for s in views.stories(store.con, kind="claim")]


def test_reports_quoting_the_same_words_of_a_speaker_carry_one_claim(db):
    claims = ["there was clear evidence the minister was “grossly negligent",  # the span ends inside the quote
              "the minister was “grossly negligent” with public funds",
              "the minister was “deeply troubled” by public funds"]
    # the first two share three of their five words, and the words they quote; the third quotes others
    assert _claim_stories(db, claims) == [(2, 2)]


def test_a_negation_after_a_quote_does_not_negate_the_quoted_words(db):
    claims = ["the budget was “deeply irresponsible” but that no one would lose a job",
              "the mayor's budget was “deeply irresponsible” for a city of its size"]
    assert _claim_stories(db, claims) == [(2, 2)]


def test_a_negation_before_a_quote_negates_the_quoted_words(db):
    claims = ["the budget was not “deeply irresponsible” whatever its critics say",
              "the mayor's budget was “deeply irresponsible” for a city of its size"]
    assert _claim_stories(db, claims) == []


def test_a_claim_with_no_speaker_is_about_the_person_an_organisation_is_named_with(db):
    import dataclasses

    people = [("Ana Ruiz", "PERSON"), ("Port Authority", "ORG")]
    claims = ["Port Authority director Ana Ruiz called the audit “deeply flawed” in a letter to the board",
              "Ana Ruiz found the audit “deeply flawed” and asked the board for another one"]
    reports = []
    for i, claim in enumerate(claims):
        rec = record(f"The story so far: {claim}.", f"Outlet {i}", "2025-05-06", people=people,
                     claims=[(claim, "Ana Ruiz")])
        rec.claims[0] = dataclasses.replace(rec.claims[0], source=None, voice="authorial")  # no speaker found
        reports.append(rec)
    with Store(db) as store:
        add(store, *reports)
        found = [(s["articles"], s["actor"]["name"]) for s in views.stories(store.con, kind="claim")]
    assert found == [(2, "Ana Ruiz")]


@pytest.mark.parametrize("text, about", [("Port Authority director Ana Ruiz called it wasteful", "person"),
                                         ("the Port Authority’s press secretary Ana Ruiz called it wasteful", "person"),
                                         ("the Port Authority said Ana Ruiz was wasteful", "org")])
def test_an_organisation_named_with_a_title_before_a_person_is_theirs(text, about):
    from dateline.corpus.corroborate import _first_named

    org, person = text.index("Port Authority"), text.index("Ana Ruiz")
    mentioned = [{"entity": "org", "start": org, "end": org + 14, "type": "ORG"},
                 {"entity": "person", "start": person, "end": person + 8, "type": "PERSON"}]
    assert _first_named(text, mentioned) == about


def test_a_short_claim_quoting_a_speaker_joins_a_long_one_quoting_the_same_words(db):
    claims = ["the plan was “badly flawed",  # two content words of its own: too short to compare by words
              "the council and its advisers were “badly flawed in their reading of the traffic counts, the "
              "parking survey and every public comment received since March",
              "the plan was “quite expensive"]
    assert _claim_stories(db, claims) == [(2, 2)]


def test_reports_naming_an_attacker_variously_in_one_town_are_one_story_and_in_one_country_are_not(db):
    people = [("Millbrook", "GPE"), ("Jon Carver", "PERSON"), ("Islamic State", "ORG"), ("Syria", "GPE"),
              ("Russia", "GPE"), ("United States", "GPE")]
    text = ("A gunman opened fire in Millbrook. Police named Jon Carver; the Islamic State claimed it. In Syria, "
            "Russia and the United States struck, report {}.")
    reports = [record(text.format(i), f"Outlet {i}", "2025-03-07", people=people,
                      events=[("ASSAULT", attacker, None, "2025-03-07", "Millbrook"),
                              ("ASSAULT", striker, None, "2025-03-07", "Syria")])
               for i, (attacker, striker) in enumerate([("Jon Carver", "Russia"), ("Islamic State", "United States"),
                                                        (None, "Russia")])]
    with Store(db) as store:
        add(store, *reports)
        found = sorted((s["location"]["name"], s["articles"]) for s in views.stories(store.con, kind="event"))
    # one shooting in a town, whoever the reports say did it; two countries' strikes in a country are two
    assert found == [("Millbrook", 3), ("Syria", 1), ("Syria", 2)]


def test_a_meeting_with_a_country_is_the_meeting_with_its_person_and_not_with_another_of_its_people(db):
    people = [("Ana Ruiz", "PERSON"), ("Mexico", "GPE"), ("Omar Haddad", "PERSON"), ("Lucia Vega", "PERSON")]

    def met(i: int, person, published: str) -> Record:
        text = f"Ana Ruiz met Omar Haddad and Lucia Vega of Mexico, report {i}."
        r = record(text, f"Outlet {i}", published, people=people)
        ids = {e.name: e.id for e in r.entities}
        r.events = [Event("v1", "CONSULT", actor=ids["Ana Ruiz"], actor_person=ids["Ana Ruiz"], recipient=ids["Mexico"],
                          recipient_person=ids.get(person), start=0, end=5, date=published)]
        return r

    with Store(db) as store:
        add(store, met(0, None, "2025-04-01"), met(1, "Omar Haddad", "2025-04-01"),
            met(2, "Omar Haddad", "2025-04-01"), met(3, "Lucia Vega", "2025-04-02"))
        found = sorted((s["recipient"]["name"], s["articles"]) for s in views.stories(store.con, kind="event"))
    assert found == [("Lucia Vega", 1), ("Omar Haddad", 3)]


def test_a_story_resting_on_anonymous_sources_alone_is_flagged(db):
    with Store(db) as store:
        add(store, _talks(STORY[0], "Wire Service", "2025-05-06", anonymous=True),
            _talks(STORY[1], "Daily Ledger", "2025-05-06", anonymous=True))
        anonymous = views.stories(store.con, anonymous_only=True, kind="event")
    assert len(anonymous) == 1 and anonymous[0]["independent_outlets"] == 2


def test_adding_a_batch_touches_only_what_it_changes_and_matches_a_full_rebuild(tmp_path):
    early = [record(f"Ana Ruiz accused Omar Haddad of delay, report {i}. Nothing else happened in town {i}.",
                    f"Outlet {i}", "2025-02-01", people=[("Ana Ruiz", "PERSON"), ("Omar Haddad", "PERSON")],
                    events=[("ACCUSE", "Ana Ruiz", "Omar Haddad", "2025-02-01")]) for i in range(3)]
    unrelated = record("Lena Berg opened a bridge in Oslo.", "Outlet 9", "2025-02-01",
                       people=[("Lena Berg", "PERSON")], events=[("SUPPORT", "Lena Berg", None, "2025-02-01")])
    late = record("Ana Ruiz again accused Omar Haddad of delay, a week on.", "Outlet 7", "2025-02-03",
                  people=[("Ana Ruiz", "PERSON"), ("Omar Haddad", "PERSON")],
                  events=[("ACCUSE", "Ana Ruiz", "Omar Haddad", "2025-02-03")])

    def stories(con):
        return sorted((s["title"], s["articles"], s["independent_outlets"]) for s in views.stories(con))

    with Store(tmp_path / "step.duckdb") as store:
        add(store, *early, unrelated)
        lsh_rows = store.con.execute("SELECT count(*) FROM article_lsh").fetchone()[0]
        bridge = views.stories(store.con, entity=views.find_entities(store.con, "Lena Berg")[0]["id"])
        done = add(store, late)
        assert done["articles"] == 1 and done["stories_written"] == 1  # the one group it joined
        assert store.con.execute("SELECT count(*) FROM article_lsh").fetchone()[0] > lsh_rows
        assert views.stories(store.con, entity=bridge[0]["actor"]["id"]) == bridge  # untouched
        assert corpus.update(store.con) == {"articles": 0}
        stepwise = stories(store.con)
    with Store(tmp_path / "whole.duckdb") as store:
        add(store, *early, unrelated, late)
        assert stories(store.con) == stepwise
    assert ("Ana Ruiz ACCUSE Omar Haddad", 4, 4) in stepwise


def test_a_story_syndicated_many_times_costs_a_comparison_a_copy(db, monkeypatch):
    """Twenty-five copies of one wire story (each under its own outlet's furniture) in one batch,
    twenty-five more in the next: each copy is verified against a handful of others, not all, and its claim
    meets its earliest copy's rather than every other copy's; yet every copy still points at the
    earliest and takes part in the stories, which count the wire once."""
    from dateline.corpus import corroborate, dedupe

    calls = {"is_copy": 0, "agree": 0}

    def counted(name, real):
        def wrapper(*args):
            calls[name] += 1
            return real(*args)
        return wrapper

    monkeypatch.setattr(dedupe, "is_copy", counted("is_copy", dedupe.is_copy))
    monkeypatch.setattr(corroborate, "_agree", counted("agree", corroborate._agree))
    copies = [_talks(f"{k} Daily\n\n{STORY[0]} {WIRE}\n\nMore from {k} Daily", f"{k} Daily", f"2025-05-{6 + k // 25:02d}")
              for k in range(50)]
    other = _talks(STORY[1], "Daily Ledger", "2025-05-06")
    with Store(db) as store:
        add(store, other, *copies[:25])
        first = dict(calls)
        add(store, *copies[25:])
        targets = {r[0] for r in store.con.execute("SELECT duplicate_of FROM articles WHERE id <> ?",
                                                   [other.id]).fetchall()}
        stories = views.stories(store.con, min_outlets=2)
    assert targets == {None, copies[0].id}  # published first, then offered first
    assert {s["kind"] for s in stories} == {"event", "claim"}
    assert all(s["articles"] == 51 and s["outlets"] == 51 and s["independent_outlets"] == 2 for s in stories)
    # all pairs would be 25 * 24 / 2 = 300 comparisons in the first batch, 25 * 50 more in the second
    assert first["is_copy"] <= dedupe.TRIES * 25 and calls["is_copy"] - first["is_copy"] <= dedupe.TRIES * 25
    assert calls["agree"] <= 3 * 51


def test_views_of_a_store_the_corpus_step_never_ran_on_are_empty(db):
    with Store(db) as store:
        store.add("a", "h", 1, record(WIRE, "Wire Service", "2025-03-04"))
    with Store(db, read_only=True) as store:
        assert views.stories(store.con) == [] and views.graph(store.con) == {"nodes": [], "edges": []}
        assert views.story(store.con, "st0") is None and views.duplicates(store.con) == []


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory):
    db = tmp_path_factory.mktemp("corpus") / "cli.duckdb"
    with Store(db) as store:
        add(store, _talks(STORY[0], "Wire Service", "2025-05-06"), _talks(STORY[1], "Daily Ledger", "2025-05-06"),
            record(WIRE, "Wire Service", "2025-03-04"), record(syndicated(WIRE), "Valley Courier", "2025-03-05"))
    return str(db)


def test_an_entity_page_has_its_timeline_and_what_it_said(cli_store):
    with Store(cli_store, read_only=True) as store:
        ana = views.find_entities(store.con, "Ana Ruiz")[0]
        page = views.entity(store.con, ana["id"])
        pair = views.pair_timeline(store.con, ana["id"], views.find_entities(store.con, "Omar Haddad")[0]["id"])
    events = [t for t in page["timeline"] if t["kind"] == "event"]
    assert [t["type"] for t in events] == ["CONSULT"] and pair == events
    assert [t["kind"] for t in page["timeline"]].count("claim") == 1  # the claim two outlets carry
    assert {s["outlet"] for s in page["said"]} == {"Wire Service", "Daily Ledger"}
    assert all(s["source"]["kind"] == "named_person" and "ceasefire" in s["text"] for s in page["said"])


def test_stories_timeline_graph_and_duplicates_commands(cli_store, capsys):
    assert main(["stories", "--db", cli_store, "--min-outlets", "2", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert {s["kind"] for s in found} == {"event", "claim"} and all(s["independent_outlets"] == 2 for s in found)
    assert main(["stories", "--db", cli_store, "--entity", "Omar Haddad", "--format", "csv"]) == 0
    assert "Ana Ruiz CONSULT Omar Haddad" in capsys.readouterr().out
    assert main(["timeline", "ana ruiz", "--with", "Omar Haddad", "--db", cli_store, "--format", "json"]) == 0
    timeline = json.loads(capsys.readouterr().out)
    assert timeline["entity"]["name"] == "Ana Ruiz" and timeline["timeline"][0]["role"] == "actor"
    assert timeline["timeline"][0]["counterpart"]["name"] == "Omar Haddad"
    assert main(["graph", "--db", cli_store, "--format", "dot"]) == 0
    dot = capsys.readouterr().out
    assert dot.startswith("digraph actors {") and 'label="CONSULT", weight=2' in dot
    assert main(["duplicates", "--db", cli_store, "--format", "csv"]) == 0
    assert "Valley Courier" in capsys.readouterr().out
    assert main(["timeline", "Nobody Here", "--db", cli_store]) == 2
    assert "E405" in capsys.readouterr().err
    assert main(["stories", "--db", cli_store]) == 0  # a table
    assert "Ana Ruiz" in capsys.readouterr().out


def test_analyze_runs_the_corpus_step(tmp_path, capsys):
    lines = [{"text": t, "outlet": o, "published": "2025-05-06"} for t, o in
             ((STORY[0], "Wire Service"), (STORY[1], "Daily Ledger"))]
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    db = tmp_path / "a.duckdb"
    assert main(["analyze", str(path), "--db", str(db), "--format", "none"]) == 0
    with Store(db, read_only=True) as store:
        taken = store.con.execute("SELECT count(*) FROM corpus_articles").fetchone()[0]
        linked = store.con.execute("SELECT count(DISTINCT article_id) FROM entity_links").fetchone()[0]
    assert taken == 2 and linked == 2


def test_an_event_dated_by_a_part_of_a_day_or_a_weekend_is_placed_on_those_days():
    from dateline.corpus.corroborate import event_dates

    assert event_dates("2025-05-04TMO", "2025-05-06") == ("2025-05-04", "2025-05-04", "2025-05-04")
    assert event_dates("2025-05-06TEV", "2025-05-06") == ("2025-05-06", "2025-05-06", "2025-05-06")  # said, not assumed
    assert event_dates("2025-05-06", "2025-05-06")[0] == "2025-05-01"  # undated: the days before publication
    assert event_dates("2025-05-06", "2025-05-06", future=True)[:2] == ("2025-05-06", "2025-05-11")  # or after
    assert event_dates("2025-W18-WE", None) == ("2025-05-03", "2025-05-04", "2025-05-03")
    assert event_dates("2025-W18", None)[:2] == ("2025-04-28", "2025-05-04")
    assert event_dates("2025-05", "2025-05-06") is None  # a month is too long to say which story


def test_prepare_loads_what_the_corpus_step_needs_once_a_process():
    """`dateline analyze` runs corpus.prepare in a thread while the batch is analysed: afterwards
    datasketch is imported and the permutations and bandings of both indexes are drawn."""
    import subprocess
    import sys

    script = ("import sys\nfrom dateline import corpus\nfrom dateline.corpus import lsh\n"
              "assert 'datasketch' not in sys.modules\ncorpus.prepare()\n"
              "print('datasketch' in sys.modules, lsh._minhash.cache_info().currsize, lsh._banding.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.split() == ["True", "2", "2"]


def test_a_claim_story_is_titled_by_its_speaker_and_what_they_claim(db):
    claims = ["that the new port would open “well before the summer” of next year",
              "that the harbor's new port would open “well before the summer”"]
    reports = [record(f"Ana Ruiz said {claim}, the report adds.", f"Outlet {i}", "2025-05-06",
                      people=[("Ana Ruiz", "PERSON")], claims=[(claim, "Ana Ruiz")]) for i, claim in enumerate(claims)]
    with Store(db) as store:
        add(store, *reports)
        titles = [s["title"] for s in views.stories(store.con, kind="claim")]
    # the clause's "that" is no part of what she claimed
    assert titles == ["Ana Ruiz: the new port would open “well before the summer” of next year"]
