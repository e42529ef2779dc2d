"""Time expressions: extents, TIMEX3 types and values, anchoring, on sentences written for these tests."""
from __future__ import annotations

import pytest

from dateline import nlp
from dateline.annotate import get
from dateline.annotate.timex_calendar import Anchor, parse_point, shift_point, weekday_near
from dateline.record import Dateline, Record, article_id


@pytest.fixture(scope="module")
def english():
    return nlp.load()


def timexes(english, text: str, published: str | None = "2025-07-04", dateline_date: str | None = None):
    record = Record(id=article_id(text), text=text, published=published,
                    published_from="metadata" if published else "none",
                    dateline=Dateline(text="", date=dateline_date) if dateline_date else None)
    found = get("timex")(record, english(text))["timexes"]
    for t in found:
        assert text[t.start:t.end] == t.text
    return found


def one(english, text: str, expression: str, **kw):
    found = [t for t in timexes(english, text, **kw) if t.text == expression]
    assert found, f"{expression!r} not tagged in {text!r}: {[t.text for t in timexes(english, text, **kw)]}"
    return found[0]


# 2025-07-04 is a Friday.
@pytest.mark.parametrize("text, expression, type_, value", [
    ("The minister resigned yesterday.", "yesterday", "DATE", "2025-07-03"),
    ("The vote is tomorrow.", "tomorrow", "DATE", "2025-07-05"),
    ("Talks could begin sometime next week.", "sometime next week", "DATE", "2025-W28"),
    ("The envoy was quoted this morning by a news site.", "this morning", "TIME", "2025-07-04TMO"),
    ("Her term of office expired last May.", "last May", "DATE", "2025-05"),
    ("The strikes started June 13.", "June 13", "DATE", "2025-06-13"),
    ("The company was sold on December 5.", "December 5", "DATE", "2024-12-05"),
    ("The company will be sold on December 5.", "December 5", "DATE", "2025-12-05"),
    ("Inflation slowed last year.", "last year", "DATE", "2024"),
    ("The bridge opened in 2014.", "2014", "DATE", "2014"),
    ("Rents doubled in the 1990s.", "the 1990s", "DATE", "199"),
    ("They plan a summer offensive.", "summer", "DATE", "2025-SU"),
    ("Snow fell heavily last winter.", "last winter", "DATE", "2024-WI"),
    ("The mayor spoke at 10:35 a.m. on the steps.", "10:35 a.m.", "TIME", "2025-07-04T10:35"),
    ("Prices have risen sharply this month.", "this month", "DATE", "2025-07"),
    ("Output fell in the third quarter of 2023.", "the third quarter of 2023", "DATE", "2023-Q3"),
])
def test_dates_and_times(english, text, expression, type_, value):
    t = one(english, text, expression)
    assert (t.type, t.value) == (type_, value)


@pytest.mark.parametrize("text, expression, value", [
    ("The council met Friday.", "Friday", "2025-07-04"),  # the anchor day itself counts as past
    ("The council met Tuesday.", "Tuesday", "2025-07-01"),
    ("The council will meet Tuesday.", "Tuesday", "2025-07-08"),
    ("The council meets next Tuesday.", "next Tuesday", "2025-07-08"),
    ("The council met last Friday.", "last Friday", "2025-06-27"),
    ("The offer stands until Monday.", "Monday", "2025-07-07"),
])
def test_weekdays_follow_tense(english, text, expression, value):
    assert one(english, text, expression).value == value


@pytest.mark.parametrize("text, expression, value", [
    ("They held a two-hour phone call.", "two-hour", "PT2H"),
    ("Both sides want a 30-day ceasefire.", "30-day", "P30D"),
    ("The trial lasted three years.", "three years", "P3Y"),
    ("The engine ran for a minute and a half.", "a minute and a half", "PT1M30S"),
    ("The deal took 2 1/2 years to close.", "2 1/2 years", "P2Y6M"),
    ("Sales rose over the past two years.", "the past two years", "P2Y"),
    ("The siege has lasted for months.", "months", "PXM"),
])
def test_durations(english, text, expression, value):
    t = one(english, text, expression)
    assert (t.type, t.value) == ("DURATION", value)


@pytest.mark.parametrize("text, expression, value", [
    ("The ferry sails every week.", "every week", "P1W"),
    ("The bulletin is published daily.", "daily", "P1D"),
    ("The market opens each Thursday.", "each Thursday", "XXXX-WXX-4"),
    ("The board meets twice a year.", "a year", "P1Y"),
])
def test_sets(english, text, expression, value):
    t = one(english, text, expression)
    assert (t.type, t.value) == ("SET", value)


@pytest.mark.parametrize("text, expression, value", [
    ("The rebels now hold the town.", "now", "PRESENT_REF"),
    ("The rebels recently took the town.", "recently", "PAST_REF"),
    ("Nobody knows what the future holds.", "the future", "FUTURE_REF"),
])
def test_vague_references(english, text, expression, value):
    t = one(english, text, expression)
    assert (t.type, t.value) == ("DATE", value)


@pytest.mark.parametrize("text", [
    "May I ask a question?",
    "Prices fall when supply grows.",
    "The director, 52 years old, resigned.",
    "The plan costs $5 a year per person.",
    "Jan Kowalski chaired the meeting.",
    "Flight 1940 landed safely.",
])
def test_not_time_expressions(english, text):
    assert timexes(english, text) == []


@pytest.mark.parametrize("published, text, value", [
    ("2025-01-15", "Snow fell this winter.", "2024-WI"),  # January's winter began the December before
    ("2025-12-20", "Snow will fall next winter.", "2026-WI"),
    ("2025-07-04", "The talks resume this fall.", "2025-FA"),
    ("2025-07-04", "The pact expired last summer.", "2024-SU"),
])
def test_seasons(english, published, text, value):
    found = timexes(english, text, published=published)
    assert [t.value for t in found] == [value]


def test_typographic_apostrophes_and_dashes(english):
    found = {t.text: t.value for t in timexes(english, "Prices soared in the \u201980s and on New Year\u2019s Day.")}
    assert found == {"the \u201980s": "198", "New Year\u2019s Day": "2025-01-01"}


def test_extents_leave_out_prepositions_and_determiners_of_adjectives(english):
    found = {t.text for t in timexes(english, "After the two-week delay, sales rose over the next three months.")}
    assert found == {"two-week", "the next three months"}


def test_anchor_field_says_what_a_value_counts_from(english):
    found = {t.text: t.anchor for t in timexes(english, "Yesterday the 2014 law was repealed after a two-hour debate.")}
    assert found == {"Yesterday": "published", "2014": None, "two-hour": None}


def test_values_count_from_the_publication_date_not_the_clock(english):
    t = one(english, "The strike ended yesterday.", "yesterday", published="1998-02-13")
    assert t.value == "1998-02-12"


def test_dateline_without_year_keeps_xxxx(english):
    found = {t.text: t for t in timexes(english, "The strike ended yesterday and resumes Friday.", published=None,
                                        dateline_date="XXXX-07-04")}
    assert found["yesterday"].value == "XXXX-07-03"
    assert found["yesterday"].anchor == "dateline"
    assert found["Friday"].value.startswith("XXXX-WXX")


def test_without_any_anchor_relative_values_stay_open(english):
    found = {t.text: t.value for t in timexes(english, "It ended yesterday, not on June 13, 2024.", published=None)}
    assert found == {"yesterday": "XXXX-XX-XX", "June 13, 2024": "2024-06-13"}


def test_later_counts_from_the_last_date_outside_quotes(english):
    text = ('The two leaders spoke by phone yesterday. "We talk again today," one said. '
            'Hours later, the talks collapsed.')
    assert one(english, text, "Hours later").value == "2025-07-03"


def test_a_year_earlier_follows_the_quarter_in_question(english):
    text = "Profit in the third quarter rose to $5 million from $3 million a year earlier."
    t = one(english, text, "a year earlier", published="1989-10-26")
    assert t.value == "1988-Q3"


def test_calendar_helpers():
    anchor = Anchor.parse("2025-07-04")
    assert weekday_near(anchor, 5, -1).isoformat() == "2025-07-04"
    assert weekday_near(anchor, 5, -1, include_anchor=False).isoformat() == "2025-06-27"
    assert shift_point(parse_point("1989-Q1"), "Y", -1).value() == "1988-Q1"
    assert shift_point(parse_point("1989-Q1"), "Q", -1).value() == "1988-Q4"
    assert shift_point(parse_point("2025-01-01"), "D", -1).value() == "2024-12-31"
    assert Anchor.parse("XXXX-07-04").year is None
    assert Anchor.parse("not a date") is None
