import json

from hypothesis import given, strategies as st

from dateline.record import (Attribution, Claim, Dateline, Entity, Event, Heading, LoadedTerm, Record,
                             Scorecard, Source, Timex, article_id)


def full_record() -> Record:
    text = "July 4--Iran has said it will talk, according to an official."
    return Record(
        id=article_id(text), text=text, url="https://example.org/a", outlet="Example", title="T",
        authors=["A B"], published="2025-07-04", published_from="dateline",
        dateline=Dateline("July 4--", None, "XXXX-07-04", 0, 8), headings=[Heading(0, 4, "July")],
        removed=["• More"], language="en",
        entities=[Entity("e1", "Iran", "GPE", [(8, 12)], "Iran", "country:IRN")],
        timexes=[Timex("t1", 0, 6, "July 4", "DATE", "XXXX-07-04", "published")],
        sources=[Source("s1", "an official", "anonymous_person", None, "official", "Iran", None, [(51, 62)])],
        attributions=[Attribution("a1", "according_to", (22, 35), (38, 50), "s1", (51, 62), "according to", False)],
        claims=[Claim("c1", 8, 35, "source", "s1", [(1, 2)], 0.5, "prediction")],
        loaded_terms=[LoadedTerm(0, 4, "July", "x", "authorial", None, "e1")],
        events=[Event("v1", "AGREE", None, "e1", None, 8, 30, "2025-07-04", None, "future", "a1")],
        scorecard=Scorecard(words=10, sources_by_kind={"anonymous_person": 1}),
        warnings=["W001: x"],
    )


def test_json_round_trip_is_exact():
    r = full_record()
    again = Record.from_dict(json.loads(json.dumps(r.to_dict())))
    assert again == r
    assert again.to_dict() == r.to_dict()
    assert isinstance(again.attributions[0].content, tuple)
    assert isinstance(again.entities[0].mentions[0], tuple)


def test_unknown_fields_are_ignored_known_ones_kept():
    d = full_record().to_dict()
    d["future_field"] = 1
    assert Record.from_dict(d) == full_record()


@given(st.text(max_size=200))
def test_id_depends_on_normalised_text_only(text):
    assert article_id(text) == article_id("  " + text.replace(" ", "\n ") + "\n")
    assert len(article_id(text)) == 16
