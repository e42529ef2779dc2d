"""Datelines at the head of an article, in the styles wire services and newspapers use."""
from __future__ import annotations

import pytest

from dateline.read.dateline import find_dateline
from dateline.read.dates import date_line, shown_dates


@pytest.mark.parametrize("paragraph,text,place,date", [
    ("July 4--Iran has said it is ready.", "July 4--", None, "XXXX-07-04"),
    ("WASHINGTON (Reuters) - The Senate voted.", "WASHINGTON (Reuters) -", "Washington", None),
    ("LONDON, June 3 — Ministers met.", "LONDON, June 3 —", "London", "XXXX-06-03"),
    ("KYIV, Ukraine, March 2, 2024 (AP) — Russian drones struck.", "KYIV, Ukraine, March 2, 2024 (AP) —",
     "Kyiv, Ukraine", "2024-03-02"),
    ("NEW YORK -- Stocks fell.", "NEW YORK --", "New York", None),
    ("BEIRUT/DUBAI, June 3 (Reuters) - Iran said.", "BEIRUT/DUBAI, June 3 (Reuters) -", "Beirut/Dubai", "XXXX-06-03"),
    ("WASHINGTON, D.C., 3 June 2025 /PRNewswire/ -- Acme said.", "WASHINGTON, D.C., 3 June 2025 /PRNewswire/ --",
     "Washington, D.C.", "2025-06-03"),
    ("Geneva, June 3 (AFP) - Talks resumed.", "Geneva, June 3 (AFP) -", "Geneva", "XXXX-06-03"),
    ("(CNN) — The storm made landfall.", "(CNN) —", None, None),
    ("June 3 (Reuters) - Oil prices rose.", "June 3 (Reuters) -", None, "XXXX-06-03"),
    ("UNITED NATIONS (AP) — The council met.", "UNITED NATIONS (AP) —", "United Nations", None),
    ("ST. LOUIS — A jury convicted him.", "ST. LOUIS —", "St. Louis", None),
    ("NEW DELHI, June 3 (PTI): The court ruled.", "NEW DELHI, June 3 (PTI):", "New Delhi", "XXXX-06-03"),
    ("SAN JUAN, Puerto Rico — Protesters marched.", "SAN JUAN, Puerto Rico —", "San Juan, Puerto Rico", None),
    ("KHARKIV, Ukraine, 2 March 2024 – Shelling resumed.", "KHARKIV, Ukraine, 2 March 2024 –", "Kharkiv, Ukraine",
     "2024-03-02"),
    ('TEHRAN, Sept. 9 — "We will not negotiate," he said.', "TEHRAN, Sept. 9 —", "Tehran", "XXXX-09-09"),
])
def test_dateline_styles(paragraph, text, place, date):
    d = find_dateline(paragraph)
    assert d is not None
    assert (d.text, d.place, d.date) == (text, place, date)
    assert paragraph[d.start:d.end] == d.text


@pytest.mark.parametrize("paragraph", [
    "BREAKING - The minister has resigned.",
    "Trump — who spoke in Ohio — said the deal was close.",
    "US-China talks - The two sides met.",
    "The minister said - without evidence - that the vote was rigged.",
    "WASHINGTON, June 31 - An impossible date.",
    "LONDON is expensive — everyone says so.",
    "UPDATE: The figures were revised.",
])
def test_not_datelines(paragraph):
    assert find_dateline(paragraph) is None


@pytest.mark.parametrize("line,kind,day", [
    ("Published June 3, 2025", "published", "2025-06-03"),
    ("Updated: June 4, 2025 9:15 AM EDT", "updated", "2025-06-04"),
    ("Last updated on September 16th, 2023 at 09:27 am", "updated", "2023-09-16"),
    ("Posted 12/05/2024", "published", "2024-12-05"),
    ("Published 12.05.2024", "published", "2024-05-12"),
    ("Friday, December 19, 2025", "", "2025-12-19"),
    ("3 January, 2025", "", "2025-01-03"),
    ("2025-06-03T10:00:00Z", "", "2025-06-03"),
    ("PUBLISHED", "published", None),
    ("Updated: Jan 31", "updated", None),
    ("3 hours ago", "", None),
    ("Updated 6:42 PM GMT, December 3, 2026", "updated", "2026-12-03"),
    ("Published 10:05 AM EST, Tue December 2, 2026", "published", "2026-12-02"),
    ("Updated 6:42 p.m. ET Dec. 3, 2026", "updated", "2026-12-03"),
    ("18:42 Wednesday 3 December 2026", "", "2026-12-03"),
    ("December 3, 20256:42 PM GMT+1Updated 2 hours ago", "", "2025-12-03"),  # spans copied together
    ("Published June 3, 2025 · Updated 3 days ago", "published", "2025-06-03"),
    ("Last updated 11:48 PM ET", "updated", None),  # a time without its day
    ("Posted: Wed 7:10 AM, Oct 9, 2024 |", "published", "2024-10-09"),  # weekday, then time, then date
    ("Posted: Apr 2, 2024 / 06:15 AM CDT", "published", "2024-04-02"),  # a slash before the time
    # a second labelled date after the first: the first is the line's
    ("Posted: Apr 2, 2024 / 06:15 AM CDT / Updated: Apr 3, 2024 / 11:40 AM CDT", "published", "2024-04-02"),
])
def test_date_lines(line, kind, day):
    found = date_line(line)
    assert found is not None and (found.kind, found.day) == (kind, day)


@pytest.mark.parametrize("line", [
    "The talks ended on June 3, 2025.",
    "June 2025 was the hottest month on record",
    "March on Washington",
    "Published reports said the deal was off.",
    "The 6:42 train, December 3, 2026",
    "At 6:42 PM GMT, December 3, 2026, the polls closed.",
    "December 3, 2025 2025 was a year of change",
    "Published 12 books before she turned 30",
    "11:48 PM ET",
    "Sales / 2024 / growth",
    "Posted: Apr 2, 2024 / the council met again",
])
def test_sentences_are_not_date_lines(line):
    assert date_line(line) is None


def test_shown_dates_carry_their_labels():
    found = shown_dates("Last updated: Dec 4, 2025 By Jane. Published 12/05/2024. The war began March 2, 2022.")
    assert [(d.day, d.kind) for d in found] == [("2025-12-04", "updated"), ("2024-12-05", "published"),
                                                ("2022-03-02", "")]
