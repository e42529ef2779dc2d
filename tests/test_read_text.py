"""The pasted-text reader on layouts written for these tests: chrome, bylines, date lines, title,
headings, link lists, wrapped and unwrapped paragraphs."""
from __future__ import annotations

from pathlib import Path

import pytest

from dateline.read import Offered, extract
from dateline.read.text import (byline_authors, closes_article, is_caption, is_chrome, is_notice, is_title_like,
                                opens_link_list)


def read(text: str, published: str | None = None, **meta):
    return extract(Offered("test.txt", text.encode("utf-8"), "text", meta), published=published)


def paragraphs(page) -> list[str]:
    return page.text.split("\n\n")


NEWS_SITE = """\
Skip to content
Home | World | Politics | Business | Opinion
World
Middle East

Ceasefire Talks Resume in Cairo as Mediators Press Both Sides
By Hannah Lowe and Omar Said, Reuters
Published June 3, 2025
Updated June 4, 2025 9:15 AM EDT
Share
Tweet
Email
CAIRO, June 3 (Reuters) - Egyptian and Qatari mediators on Tuesday brought negotiators back to Cairo for a third round of ceasefire talks, two officials familiar with the matter said.
"We are closer than we have been in months," one of the officials said, speaking on condition of anonymity.
Advertisement
Sticking Points Remain
The main dispute is over the sequencing of prisoner releases, according to a draft seen by Reuters.
Related
Aid convoys stall at border crossing
Five things to know about the talks
A spokesperson for the foreign ministry declined to comment on Wednesday.
(Reporting by Hannah Lowe in Cairo; Editing by Mark Potter)
We use cookies to improve your experience. Accept all cookies
Comments (12)
"""


def test_news_site_without_blank_lines():
    page = read(NEWS_SITE)
    assert page.title == "Ceasefire Talks Resume in Cairo as Mediators Press Both Sides"
    assert page.authors == ["Hannah Lowe", "Omar Said"]
    assert (page.published, page.published_from) == ("2025-06-03", "metadata")
    assert [h.text for h in page.headings] == ["Sticking Points Remain"]
    assert page.dateline.text == "CAIRO, June 3 (Reuters) -"
    assert (page.dateline.place, page.dateline.date) == ("Cairo", "2025-06-03")
    assert page.text.startswith("CAIRO, June 3 (Reuters) - Egyptian")
    assert page.text.endswith("declined to comment on Wednesday.")
    for line in ("Skip to content", "Home | World | Politics | Business | Opinion", "World", "Middle East",
                 "Share", "Tweet", "Email", "Advertisement", "Related", "Aid convoys stall at border crossing",
                 "Five things to know about the talks", "Comments (12)",
                 "We use cookies to improve your experience. Accept all cookies",
                 "Published June 3, 2025", "Updated June 4, 2025 9:15 AM EDT"):
        assert line in page.removed and line not in page.text
    for h in page.headings:
        assert page.text[h.start:h.end] == h.text
    assert page.text[page.dateline.start:page.dateline.end] == page.dateline.text


BLOG_LAYOUT = """\
Menu
Search

Opinion

Why the Sanctions Vote Split the Coalition

Posted on March 12, 2024 by Daniel Ortiz
5 min read

The coalition's vote on new sanctions was never going to be easy. Lawmakers from the governing
party argued that the measures were overdue, while the opposition called them a reckless gamble
with the country's energy supply.

What the Bill Does

The bill freezes assets held by three state banks and bars new investment in the gas sector. It
takes effect next month, according to the finance ministry.

Who Voted Against

Eleven members broke ranks. One of them, speaking on condition of anonymity, said the party
leadership had "ignored every warning" from industry.

Share this article
Facebook
Twitter
LinkedIn

Most Read

Parliament adjourns after all-night session
Energy prices climb for third week
"""


def test_blog_with_hard_wrapped_paragraphs():
    page = read(BLOG_LAYOUT)
    assert page.title == "Why the Sanctions Vote Split the Coalition"
    assert [h.text for h in page.headings] == ["What the Bill Does", "Who Voted Against"]
    assert page.published == "2024-03-12"
    assert len(paragraphs(page)) == 5  # three paragraphs, two headings
    assert "Lawmakers from the governing party argued" in page.text  # wrapped lines joined with a space
    assert page.text.endswith('"ignored every warning" from industry.')
    for line in ("Menu", "Search", "Opinion", "5 min read", "Share this article", "Facebook", "Twitter",
                 "LinkedIn", "Most Read", "Parliament adjourns after all-night session",
                 "Energy prices climb for third week"):
        assert line in page.removed


WIRE_COPY = """\
Protesters Fill Central Square for Third Night

By ELENA MARKOVIC
Associated Press

BELGRADE, Serbia (AP) — Tens of thousands of protesters filled the capital's central square for a third night on Sunday, demanding the resignation of the interior minister.

Police said 14 people were arrested. Organizers put the crowd at more than 50,000; the city government, which is run by the ruling party, said it was "a few thousand troublemakers."

ADVERTISEMENT

The protests began last week after a report by the state auditor said that public funds had been diverted to a private security firm.

Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.
"""


def test_wire_copy_with_capital_byline_and_agency_dateline():
    page = read(WIRE_COPY)
    assert page.title == "Protesters Fill Central Square for Third Night"
    assert page.authors == ["ELENA MARKOVIC"]
    assert page.dateline.text == "BELGRADE, Serbia (AP) —"
    assert page.dateline.place == "Belgrade, Serbia" and page.dateline.date is None
    assert "ADVERTISEMENT" in page.removed
    assert any(r.startswith("Copyright 2025") for r in page.removed)
    assert "Associated Press" in page.removed  # the agency line under the byline
    assert page.published is None and page.published_from == "none"


def test_user_date_completes_a_yearless_dateline():
    page = read("LONDON, June 3 — Ministers met on Tuesday to discuss the budget, officials said.",
                published="2025-06-05")
    assert page.dateline.date == "2025-06-03"
    assert (page.published, page.published_from) == ("2025-06-03", "dateline")
    page = read("LONDON, June 3 — Ministers met on Tuesday to discuss the budget, officials said.")
    assert (page.published, page.published_from) == ("XXXX-06-03", "dateline")


def test_bare_date_before_the_body_is_the_publication_date_but_not_one_after_it():
    page = read("Court Blocks Deportation Order\n\nFriday, December 19, 2025\n\n"
                "A federal judge on Friday blocked the order, saying it violated due process.\n\n"
                "March 3, 2026\n")
    assert page.published == "2025-12-19"
    assert "Friday, December 19, 2025" in page.removed and "March 3, 2026" in page.removed


def test_three_title_like_lines_in_a_row_are_links_not_headings():
    text = ("Talks Stall Over Grain Exports\n\n"
            "The talks stalled on Monday after both delegations left the venue early.\n\n"
            "Ukraine war: latest updates\n\nWho controls the ports\n\nMap of the front line\n\n"
            "Officials said they would meet again next week in Istanbul.\n")
    page = read(text)
    assert page.headings == []
    assert "Who controls the ports" in page.removed
    assert page.text.endswith("in Istanbul.")


def test_a_title_given_by_the_container_is_not_repeated_in_the_body():
    page = read("Budget Passes After Long Night\n\nThe budget passed at dawn, the speaker said.",
                title="Budget Passes After Long Night")
    assert page.title == "Budget Passes After Long Night"
    assert page.text == "The budget passed at dawn, the speaker said."
    assert page.removed == []  # the title line is the title, not chrome


@pytest.mark.parametrize("line", [
    "Advertisement", "ADVERTISEMENT", "Read more", "Read more: Ministers clash over pensions",
    "Share on Facebook", "Share this article:", "Tweet | Email | Print", "1.2K views", "12 shares",
    "Comments (3)", "Login or Join to comment.", "Leave a comment", "View all 48 comments",
    "Sign up for our daily newsletter", "Subscribe to our World Briefing newsletter for free",
    "We use cookies to give you the best experience on our website.", "Accept all cookies",
    "Photo: Reuters/Jane Doe", "Image credit: Getty Images", "Getty Images", "Skip to main content",
    "Back to top", "Next article", "Home > World > Europe", "Follow us on Twitter", "© 2025 Example News",
    "All rights reserved.", "Tags: Iran, Nuclear, Diplomacy", "Listen to this article 4 min", "3 min read",
    "Story continues below advertisement", "Already a subscriber? Log in", "About the author",
    "Have a tip? Email us at tips@example.org", "Related: Five takeaways from the summit", "• 1109",
    "This article contains affiliate links.", "Table of contents", "2 hours ago",
    "Image source, Getty Images", "Image caption, Protesters waved flags outside parliament on Sunday",
    "You are reading 1 of 3 free articles this month. Subscribe for unlimited access.", "Staff Reporter",
    "It looks like you're using an outdated browser. Please update it for the best experience.",
    "Dismiss notification", "Close this banner",
    "Photo courtesy of the Lakeside Historical Society", "Image courtesy of: Jane Doe",
    "Photograph by Tomás Ruiz for The Herald", "Video by Sam Okafor",
    "A version of this article appears in print on Dec. 4, 2025, Section A, Page 14 of the New York edition.",
    "Appeared in the December 4, 2025, print edition as 'Drought Leaves Fields Bare'.",
])
def test_chrome_lines(line):
    assert is_chrome(line)


@pytest.mark.parametrize("sentence", [
    "Read the statement in full, the minister told reporters.",
    "Next year, the government plans to share more data with Brussels.",
    "The advertisement campaign cost the party $2 million, according to filings.",
    "Comments by the ambassador drew a sharp rebuke from Beijing.",
    "Subscribers to the service were told the data had been leaked, a spokesman said.",
    "Share prices fell 3 percent after the announcement.",
    "More than 200 people were arrested, police said.",
    "Photos of the meeting were released by the presidency on Friday.",
    "Follow-up talks are expected in Vienna.",
    "The court will rule next month, according to a filing seen by Reuters.",
    "A Reuters/Ipsos poll found 40 percent of voters disapproved.",
    "Officials noticed that hospitals were using Internet Explorer long after support ended.",
    "The agency said it would close the notice period on Friday.",
    "Photos by the dozen were shared online after the storm.",
    "Photographs by the victims' families were shown to the jury on Tuesday.",
    "Images courtesy of the space agency show the crater in detail.",
    "A version of this plan appeared in the party's manifesto.",
    "The cartoon appeared in the Sunday print edition of the paper, the editor said.",
])
def test_sentences_are_not_chrome(sentence):
    assert not is_chrome(sentence)


@pytest.mark.parametrize("line,names", [
    ("By Jane Doe", ["Jane Doe"]),
    ("By Jane Doe and John Roe, Reuters", ["Jane Doe", "John Roe"]),
    ("BY ELENA MARKOVIC", ["ELENA MARKOVIC"]),
    ("By Sarah al-Amin in Beirut", ["Sarah al-Amin"]),
    ("Written by: Tomás Ruiz | June 3, 2025", ["Tomás Ruiz"]),
    ("(Reporting by Hannah Lowe in Cairo; Editing by Mark Potter)", ["Hannah Lowe"]),
    ("Posted by Peter Bell on August 21, 2019", ["Peter Bell"]),
    ("Posted by the editors on Monday", None),
    ("By Tuesday, the talks had collapsed.", None),
    ("By the end of the week, officials said, the border would reopen.", None),
    ("By President Trump's order, the tariffs doubled.", None),
    ("ByNina Pineda", ["Nina Pineda"]),  # the label and the name run together when a page is copied
    ("BYD Launches Its Cheapest Electric Car Yet", None),
    ("ByteDance Sues Regulator", None),
])
def test_bylines(line, names):
    assert byline_authors(line) == names


def test_title_like():
    assert is_title_like("Putin's Preconditions and Trump's Strategy Going Forward")
    assert is_title_like("Who voted against?")
    assert not is_title_like("The talks will resume next week.")
    assert not is_title_like("the talks resume")
    assert not is_title_like(" ".join(["word"] * 20))


def test_menu_block_before_the_body_is_chrome_but_a_list_in_the_body_is_not():
    text = ("News\nSport\nWeather\n\nFloods Force Thousands From Homes\n\n"
            "Heavy rain forced thousands from their homes on Sunday, officials said.\n\n"
            "Residents were told to:\nMove to higher ground\nAvoid flooded roads\n\n"
            "The rain is expected to ease by Tuesday.")
    page = read(text)
    assert page.removed[:3] == ["News", "Sport", "Weather"]
    assert "Move to higher ground" in page.text


def test_heading_lines_split_off_wrapped_text():
    text = ("Banks Brace for New Rules\n\n"
            "Lenders across the region said on Monday that the new capital rules would force them\n"
            "to raise billions of dollars before the end of the year, according to a survey.\n\n"
            "What Happens Next\n"
            "The regulator will publish the final text next month and take comments until\n"
            "the end of the summer, a spokeswoman said.\n")
    page = read(text)
    assert [h.text for h in page.headings] == ["What Happens Next"]
    assert page.text.endswith("the end of the summer, a spokeswoman said.")


def test_windows_line_endings_and_non_breaking_spaces():
    text = "Strike Halts Trains\r\n\r\nRail\u00a0workers walked out on Monday, the union said.\r\n"
    page = read(text)
    assert page.title == "Strike Halts Trains"
    assert page.text == "Rail workers walked out on Monday, the union said."


BROADCASTER_LAYOUT = """\
Skip to content
Home
News
Sport

Thousands march in Tbilisi against 'foreign agents' law
3 hours ago
Share
Nino Gelashvili
Tbilisi correspondent
Image source, Getty Images
Image caption, Protesters waved EU and Georgian flags outside parliament on Sunday
Tens of thousands of people marched through the Georgian capital on Sunday evening against a proposed law that critics say is modelled on Russian legislation.
The ruling party says the law is needed to make foreign funding transparent. Its chairman said last week that the opposition was "controlled by foreign masters".
What is in the bill?
Under the proposals, groups that fail to register would face fines of up to 25,000 lari ($9,400).
Related topics
Georgia
Protests
More on this story
What is Georgia's 'foreign agents' law?
"""


def test_broadcaster_layout_with_captions_and_topic_links():
    page = read(BROADCASTER_LAYOUT)
    assert page.title == "Thousands march in Tbilisi against 'foreign agents' law"
    assert [h.text for h in page.headings] == ["What is in the bill?"]
    assert page.text.startswith("Tens of thousands of people marched")
    assert page.text.endswith("fines of up to 25,000 lari ($9,400).")
    for line in ("Image source, Getty Images", "3 hours ago", "Related topics", "Georgia", "Protests",
                 "What is Georgia's 'foreign agents' law?"):
        assert line in page.removed


SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "text"


def test_a_whole_page_pasted_reads_like_its_article():
    page = read((SAMPLES / "pasted-port-strike-whole-page.txt").read_text(encoding="utf-8"))
    assert page.title == "Dock Workers Walk Out at Three Ports as Pay Talks Collapse"
    assert page.authors == ["Marta Lindqvist", "Joseph Okafor"]
    assert page.published == "2025-03-04"
    assert page.dateline.text == "GOTHENBURG, March 4 (Coastal Ledger) -"
    assert [h.text for h in page.headings] == ["What the two sides disagree on", "What happens next"]
    assert page.text.startswith("GOTHENBURG, March 4") and page.text.endswith("stay in place until then.")
    for line in ("Skip to main content", "Podcasts", "Copy link", "Advertisement",
                 "Sign up for our Business Briefing newsletter", "Related stories",
                 "Container rates climb for a fourth week", "Comments (23)",
                 "My brother works nights at the port. The rota change is the real issue, not the pay.",
                 "Cookie settings", "© 2025 The Coastal Ledger. All rights reserved."):
        assert line in page.removed and line not in page.text


def test_a_selection_from_the_headline_to_the_comments_reads_like_the_seed():
    page = read((SAMPLES / "pasted-water-rationing-selection.txt").read_text(encoding="utf-8"))
    assert page.title == "City Orders Water Rationing as Reservoirs Fall to Record Low"
    assert page.dateline.text == "PUNE, Aug. 12 —" and page.published == "2025-08-12"
    assert [h.text for h in page.headings] == ["Why the reservoirs are so low"]
    assert page.text.endswith("according to the order.")
    assert page.removed[-2:] == ["Comments (41)", "Login or Join to comment."]
    assert "Priya Raman" in page.removed and "Share this article" in page.removed


def test_the_article_is_the_prose_that_outweighs_menus_and_teasers_around_it():
    from dateline.read.text import _lines, locate

    menu = "\n".join(["Home", "Products", "Pricing", "Resources", "Blog", "Contact us", "Log in"])
    teasers = ("Ghosts on the ledger\n\nPayroll fraud is a compliance risk for every firm.\n\n"
               "Report 2025\n\nHow professionals use new tools at work.\n\n")
    article = "\n\n".join(f"Paragraph {n} of the guide explains, step by step, how a small office moves its "
                          "records to a new system without losing a day of work." for n in range(5))
    text = f"{menu}\n\n{teasers}How to Move Your Office Records\n\n{article}\n\nRelated posts\n\nMore guides like this one"
    lines = _lines(text)
    title_at, start, end = locate(lines)
    assert lines[title_at].text == "How to Move Your Office Records"
    assert lines[start].text.startswith("Paragraph 0") and lines[end - 1].text.startswith("Paragraph 4")


# A wire story as archives keep it: the headline closed with a full stop, the dateline paragraph of a
# live blog ending with a colon, a time heading, a signature under it. Nothing here is page chrome.
ARCHIVED_LIVE_BLOG = """\
The Latest: Storm pushes inland as towns order evacuations.

MOBILE, Ala. (AP) — The Latest on the storm moving across the Gulf Coast (all times local):

4 p.m.

Officials in Baldwin County have ordered residents of low-lying neighborhoods to leave before nightfall, saying the surge could reach eight feet along the bay.

The county's emergency director, Carla Mims, said buses would run from three schools until 7 p.m. for people without cars.

2:30 p.m.

The National Weather Service says the storm's center crossed the coast near Dauphin Island shortly after noon with sustained winds of 85 mph.

Forecasters expect it to weaken to a tropical storm by Thursday morning as it moves over land.

Reporting by the Associated Press.
"""


def test_a_text_that_is_an_article_reads_whole_with_its_headline_as_title():
    page = read(ARCHIVED_LIVE_BLOG)
    assert page.title == "The Latest: Storm pushes inland as towns order evacuations."
    parts = paragraphs(page)
    # closed like a sentence, the headline is the title and stays the text's first line
    assert parts[0] == page.title and not page.headings
    assert "MOBILE, Ala. (AP) — The Latest on the storm moving across the Gulf Coast (all times local):" in parts
    assert "4 p.m." in parts and "2:30 p.m." in parts
    assert page.dateline is not None and page.text[page.dateline.start:page.dateline.end].startswith("MOBILE")
    assert not [r for r in page.removed if r != "Reporting by the Associated Press."]


def test_a_short_first_sentence_is_not_taken_for_a_headline():
    text = ("The bridge will close on Monday.\n\n"
            "Transport officials said the crossing, which carries about 40,000 vehicles a day, needs "
            "urgent repairs to two of its bearings after an inspection last month.\n\n"
            "Drivers will be sent along the ring road for at least six weeks, the city said.\n")
    page = read(text)
    assert page.title is None
    assert paragraphs(page)[0] == "The bridge will close on Monday."


def test_a_page_around_the_article_is_still_not_read_whole():
    page = read(NEWS_SITE)
    assert "Skip to content" not in page.text and "Home | World | Politics | Business | Opinion" not in page.text
    assert not page.text.startswith(page.title or "\0")


# A service company's blog post copied whole: a telephone line, a menu with the theme's "Select Page",
# a breadcrumb's trail, the headline shown twice (a hidden and a visible heading), a byline with its
# date, the author's name on a line of its own, and the headline once more under the article, in
# its share row.
BLOG_PAGE = """\
Call us today (555) 201-3344
Home
Services
What We Do
Contact Us
Select Page
Blog / Guides / Home Maintenance
How to Winterize Outdoor Faucets
How to Winterize Outdoor Faucets
Posted by Laura Bennett on November 3, 2025
Laura Bennett

Outdoor faucets are the first part of a plumbing system to freeze, and a split pipe behind the wall can flood a basement before anyone notices the damage.

To winterize them, shut off the valve that feeds each outdoor faucet from inside the house, then open the faucet outside so the water left in the pipe can drain.

Disconnect garden hoses as well: a hose left on holds water against the faucet, and that water freezes back into the pipe on the first cold night.

Where the house has frost-free faucets, check that each one slopes down toward the outside so that it drains by itself.

Share
How to Winterize Outdoor Faucets

Laura Bennett writes about home maintenance and has worked as a licensed plumber for twelve years.
"""


def test_the_headline_of_a_whole_page_not_its_menu_trail_phone_line_or_author():
    page = read(BLOG_PAGE)
    assert page.title == "How to Winterize Outdoor Faucets"
    assert page.authors == ["Laura Bennett"] and page.published == "2025-11-03"
    assert page.text.startswith("Outdoor faucets are the first part")


def test_lines_that_cannot_be_headlines():
    from dateline.read.text import is_headline_like

    assert is_headline_like("How to Winterize Outdoor Faucets")
    assert is_headline_like("Blog: The 24/7 Guide to Faucets")
    assert not is_headline_like("Blog / Guides / Home Maintenance")  # a breadcrumb's trail
    assert not is_headline_like("Travel›")  # an item of one
    assert not is_headline_like("Call us today (555) 201-3344")
    assert not is_headline_like("918-205-4492 Broken Arrow")


def test_a_date_line_joined_with_chrome_is_a_date_line():
    from dateline.read.text import stated_date

    assert stated_date("Written By Feb 11, 2019 · 3 min read").day == "2019-02-11"
    assert stated_date("Share · 3 min read") is None
    text = ("Home\nBlog\nContact\n\n[2025] The Complete List of Free Museum Days\n"
            "Written By Feb 11, 2019 · 3 min read\n\n"
            + "\n\n".join(f"Museum {n} opens its doors without a ticket on the first Sunday of every month, "
                          "and the city's other galleries follow on the days listed below." for n in range(4)))
    page = read(text)
    assert page.title == "[2025] The Complete List of Free Museum Days" and page.published == "2019-02-11"


def test_a_ranked_table_between_paragraphs_stays_in_the_article():
    rows = "\n".join(f"{n}. Harbor Town {n}, {60 + n}.5" for n in range(1, 13))
    prose = ("The coastal towns led the ranking this year, with prices rising faster than anywhere "
             "else in the region and homes selling within a month of listing.")
    text = (f"Home\nNews\nRankings\nContact\n\nThe Hottest Housing Markets on the Coast\n\n{prose}\n\n"
            f"Towns With the Hottest Markets\n{rows}\n\n{prose.replace('coastal', 'inland')}\n\n"
            "The ranking weighs price growth, days on the market and the share of homes sold above asking.\n")
    page = read(text)
    assert "1. Harbor Town 1, 61.5" in paragraphs(page) and "12. Harbor Town 12, 72.5" in paragraphs(page)
    assert page.text.endswith("sold above asking.")


def test_a_headline_set_with_its_section_after_a_bar_is_titled_without_it():
    page = read(BLOG_PAGE.replace("How to Winterize Outdoor Faucets\nPosted",
                                  "How to Winterize Outdoor Faucets | Home Care\nPosted"))
    assert page.title == "How to Winterize Outdoor Faucets"
    assert read("Home\nBlog\n\nPrices, Wages and Rents | A Primer for 2025\n\n" + "\n\n".join(
        ["Prices rose faster than wages for a third year, and rents rose faster than both, the "
         "statistics office said in its annual report on Tuesday."] * 3)).title == \
        "Prices, Wages and Rents | A Primer for 2025"  # a subtitle after the bar, not a label


# A guide as a browser copies it: a menu, a breadcrumb trail, the headline and its byline, a table of
# contents (one entry worded otherwise than its section's heading), then a standfirst alone above the
# first subheading.
GUIDE_PAGE = """\
Home
Guides
Tools
About

Home » A Renter's Guide to Winter Heating Bills in the U.S.

A Renter's Guide to Winter Heating Bills in the U.S.

By Carla Mendes

Contents
Why bills rise in January
Reading the meter yourself
Talking to your landlord about drafts
When to ask for help

Heating costs catch many renters by surprise, and a little planning in the autumn spares a hard month later.

Why bills rise in January

Cold snaps push furnaces to run for longer, and older buildings lose much of that heat through single-pane windows and gaps under doors.

Reading the meter yourself

Most meters show a running total; writing it down every Sunday tells you within a week whether a change in habits is paying off.

Drafts and your landlord

Landlords in most states must keep a unit fit to live in, and a written note about a draft is the first step toward having it sealed.

When to ask for help

Utility companies run hardship programmes that spread a winter bill over several months, and few renters who qualify ever apply.
"""


def test_a_headline_over_a_table_of_contents_and_a_standfirst_is_the_title():
    page = read(GUIDE_PAGE)
    assert page.title == "A Renter's Guide to Winter Heating Bills in the U.S."
    assert page.text.startswith("Heating costs catch many renters by surprise")
    assert "Home » A Renter's Guide" not in page.text
    assert page.authors == ["Carla Mendes"]


# A blog post: the headline carries its byline and date on its line; under the opening paragraphs a
# subheading whose every word the article repeats.
BYLINE_ON_HEADLINE = """\
Blog
Newsletter

Why Compost Needs Air by Maria Ortiz March 3, 2024

Compost that smells sour is short of air, and turning the pile once a week is usually enough to fix it.

A pile packed too tight starves the microbes that break down leaves and peelings, so the heap cools.

Turn the pile weekly

Turning the pile weekly lets air reach the middle; a garden fork does the job in a few minutes, and the pile warms again within a day.

Gardeners who turn the pile weekly see finished compost in about two months instead of six.
"""


def test_a_byline_on_the_headline_s_line_is_left_out_and_a_subheading_is_no_headline():
    page = read(BYLINE_ON_HEADLINE)
    assert page.title == "Why Compost Needs Air"
    assert page.text.startswith("Compost that smells sour") and "Turn the pile weekly" in page.text


def test_a_rail_of_teasers_after_the_article_is_not_carried_into_it():
    article = "\n\n".join(f"Paragraph {n} of the report explains how the harbour's new cranes cut the time a ship "
                          "waits at berth, and what the port authority expects to save this winter." for n in range(4))
    rail = "\n\n".join(f"Shipping\n\nStory {n} About Another Harbour Upgrade\n\n"
                       f"A short teaser for story {n} that sums it up in one sentence." for n in range(3))
    text = f"Home\n\nNews\n\nCranes Cut Waiting Times at the Harbour\n\n{article}\n\nPorts\n\n{rail}\n\nPrivacy\n\nTerms"
    page = read(text)
    assert page.title == "Cranes Cut Waiting Times at the Harbour"
    assert page.text.startswith("Paragraph 0") and page.text.endswith("save this winter.")
    assert "A short teaser for story 0 that sums it up in one sentence." in page.removed


def test_a_note_about_the_author_closing_a_pasted_page_is_not_the_article():
    article = "\n\n".join(f"Paragraph {n} of the guide explains how a small bakery plans its ovens' hours so that "
                          "bread is ready before the morning queue forms." for n in range(4))
    text = (f"Menu\n\nShop\n\nHow Bakeries Plan the Morning Bake\n\nBy Dana Whitfield\n\n{article}\n\n"
            "Dana Whitfield is a food writer based in Leeds who has covered small bakeries for a decade.\n\n"
            "Privacy\n\nTerms")
    page = read(text)
    assert page.authors == ["Dana Whitfield"]
    assert page.text.endswith("before the morning queue forms.")
    assert "Dana Whitfield is a food writer based in Leeds who has covered small bakeries for a decade." in page.removed


# A service company's guide as a browser copies it: its menu shown twice (for small screens and for
# large ones), one item of it worded like the guide, then the headline, a category line and a table
# of contents.
MENU_SHOWN_TWICE = """\
Skip to content
Menu
Heat Pump Installation Services
Boiler Repair
Water Heaters
Contact Us
Call 555-0100
Heat Pump Installation Services
Boiler Repair
Water Heaters
Contact Us
Resource Library
Understanding Your Heat Pump System
Posted in Home Comfort
How a heat pump moves heat
Choosing installation services
Introduction
A heat pump system moves heat rather than making it, which is why it can warm a house in winter and cool it in summer while using far less electricity than a furnace or a window unit.
Understanding the outdoor unit, the indoor coil and the refrigerant lines that join them helps you spot trouble early and talk plainly with the technician who services the system.
How a heat pump moves heat
The refrigerant absorbs heat outdoors, even on a cold day, and the compressor raises its temperature before the indoor coil releases it into your rooms.
Choosing installation services
Ask any installer for a load calculation before they size the pump: a unit that is too large cycles on and off, wears out sooner and leaves rooms clammy.
Good installation services also check the ducts, since leaks can waste a fifth of the heat the system makes.
"""


def test_a_menu_item_shown_twice_is_not_taken_for_the_headline_shown_twice():
    # an item of a menu repeated for small screens keeps its neighbours; a headline repeated in a
    # breadcrumb does not
    page = read(MENU_SHOWN_TWICE)
    assert page.title == "Understanding Your Heat Pump System"
    assert "Heat Pump Installation Services" not in page.text


SITE_NAME_AND_TAG = """\
Skip to main content
Harbor Valley Gazette
Subscribe
Local Government
Schools
Harbor Valley Sports
Obituaries
Local Government
Harbor Valley Gazette
Ferry riders get an earlier boat as council settles schedule
By Marta Quinlan
March 4, 2025
Local Government
Riders who cross the bay each morning will get an earlier boat from April, after the city council voted six to one on Tuesday night to approve a new ferry schedule that had been stalled since autumn.
The schedule adds a 5:40 a.m. departure and moves the last evening boat half an hour later, changes that commuters had asked for at three public hearings last year.
"People have been waiting a long time for this," council member Dana Ruiz told the Gazette after the vote. "The ferry is how half of Harbor Valley gets to work."
The lone vote against came from Paul Egan, who said the council should have waited for the operator's budget for next year before committing to more sailings.
The operator said it would hire four more deckhands to staff the earlier crossing and expected the added cost to be covered by higher ridership.
Riders can find the new timetable at the terminal and on the Harbor Valley ferry office's noticeboard.
Comments
About Harbor Valley Gazette
Contact Harbor Valley Gazette
Harbor Valley Gazette on Facebook
© 2025 Harbor Valley Gazette
"""


def test_the_headline_not_the_site_name_spread_over_the_page_nor_a_tag_shown_again_in_the_article():
    # the site's name fills the header, menus and footer and the article names the valley once; the
    # section label comes back as a tag under the byline; the headline's words run through the prose
    page = read(SITE_NAME_AND_TAG)
    assert page.title == "Ferry riders get an earlier boat as council settles schedule"
    assert page.text.startswith("Riders who cross the bay")


LABEL_AS_TAG = """\
University News
Research
Campus Life
School of Marine and Coastal Studies
Arts and Humanities
Athletics
School of Marine and Coastal Studies
Research
Students map eelgrass meadows along the northern shore
Eelgrass beds shelter young fish, and a student team has now charted where they grow.
May 12, 2025
School of Marine and Coastal Studies
A team of six undergraduates spent the spring charting eelgrass meadows along the northern shore, using kayaks, underwater cameras and a borrowed drone.
The meadows shelter young fish and crabs and hold sediment in place during storms, but nobody had mapped them in detail since the 1990s, the team's adviser said.
"We found beds in places the old charts left blank, and lost beds where the old charts showed plenty," said Nora Ellis, a third-year student who led the drone flights.
The students will share their maps with the state's fisheries office, which plans to use them when it reviews permits for new docks along the shore.
"""


def test_a_section_label_shown_again_as_the_article_s_tag_is_not_its_headline():
    # the school's name stands in the menu, above the headline and again under the date: the
    # article's prose never uses its words, the headline's run through it
    page = read(LABEL_AS_TAG)
    assert page.title == "Students map eelgrass meadows along the northern shore"


OPENING_ECHO = """\
Shop
Projects
Ask a Pro
Grout haze demystified for weekend renovators
Flooring, Tile and Stone Maintenance Guides
June 9, 2025
That cloudy film left behind after a weekend of grouting is grout haze, and it comes off far more easily in the first day than the first month.
Haze forms when a thin layer of cement and pigment dries on the surface before the sponge has lifted it, which is why it shows up most on dark floors.
On glazed tile, a damp microfiber cloth and plain water usually lift it within a day of grouting.
Older haze needs a mild acid cleaner, but natural stone such as marble or limestone can etch, so test a hidden corner before you treat a whole floor.
Sealing the joints afterwards keeps new stains out and makes routine maintenance a matter of a quick mop.
Share this article
"""


def test_the_headline_sums_up_the_first_paragraphs_better_than_a_label_echoed_further_down():
    # the label's words come back only in the later paragraphs; the headline's open the article
    page = read(OPENING_ECHO)
    assert page.title == "Grout haze demystified for weekend renovators"
    assert "That cloudy film" in page.text and "Ask a Pro" in page.removed


MENU_SHORTER_ON_SMALL_SCREENS = """\
Rentals
Vans and Minibuses
Cars
Trucks and Box Vans
Moving Equipment
Locations
Deals
Menu
Cars
Trucks and Box Vans
Moving Equipment
Help
Five checks at the rental counter before a weekend move
Box vans are the workhorse of the weekend move, and a few quick checks before you leave the rental desk can spare you a long weekend.
Measure the load floor and the door opening, since a sofa that fits the floor may still not clear a roll-up door.
Ask what the rental includes for mileage, because weekend rates on trucks and vans often cap the miles and charge by the mile beyond the cap.
Look over the ramp or the lift gate before you sign, and photograph any dents so that nobody charges you for them when you bring the van back.
Book the van early in the week: weekend moves at the end of the month take most of the fleet of trucks.
"""


def test_a_menu_item_shown_again_in_a_shorter_menu_is_not_echoed_like_a_headline():
    # the small-screen menu drops items, so the repeated item keeps one neighbour on each side
    page = read(MENU_SHORTER_ON_SMALL_SCREENS)
    assert page.title == "Five checks at the rental counter before a weekend move"


# A buyer's guide: the headline with its author and date over a short introduction, then a long
# table of models whose cells outweigh the introduction, then the longer sections of the review.
GUIDE_WITH_TABLE = """\
Reviews
Deals
Guides
Newsletter
Home›
Outdoor›
Power Stations
Best Portable Power Stations for Camping in 2025, Tested on the Trail
Priya Natarajan
Updated:
April 14, 2025, 8:30am EDT
Share
We spent three months running fridges, lamps and laptops off eleven portable power stations at campsites in four states.
The short version: capacity matters less than how the unit holds its charge in the cold and how quickly it refills from a solar panel.
Our picks at a glance
Model
Capacity
Weight
Price
Trailhead 500
512 Wh
13 lb
$399
Ridgeline 1000
1,024 Wh
25 lb
$749
Canyon Mini
256 Wh
7 lb
$219
Summit Pro 2000
2,048 Wh
48 lb
Not listed
Notes
Solar input
Not offered
Two ports
Not offered
How we tested them
Each station ran a twelve-volt cooler overnight at a campsite where the temperature fell below freezing, and we logged how much charge was left at breakfast.
The Ridgeline 1000 lost the least, finishing the night with more than half its capacity, while the smallest units were nearly flat by dawn and struggled to restart the cooler.
We then refilled every unit from the same folding solar panel under a clear sky, timing how long each took to reach full charge and noting whether it throttled when it grew hot.
Weight turned out to matter more than we expected: anything over thirty pounds stayed in the car, which defeats the purpose of a station you mean to carry to a picnic table.
Which one should you buy?
For weekend trips with a cooler and a couple of phones, the Trailhead 500 is the one we would pack, because it balances capacity, weight and price better than the rest.
Campers who run a heater or a small induction plate should look at the Ridgeline 1000 instead, accepting the extra weight for the longer runtime on cold nights.
Related guides
Best camping stoves
Best solar panels for vans
"""


def test_a_dated_headline_over_an_introduction_and_a_table_holds_the_article_from_the_introduction():
    # the sections under the table outweigh the introduction; the headline followed by its byline
    # and date, which the whole article echoes, starts it, not a cell of the table
    page = read(GUIDE_WITH_TABLE)
    assert page.title == "Best Portable Power Stations for Camping in 2025, Tested on the Trail"
    assert page.text.startswith("We spent three months running fridges")
    assert "Which one should you buy?" in page.text
    assert page.published == "2025-04-14"


# A local news page: a rail of the latest stories (headline, date, teaser) above the article, one of
# them on a neighbouring subject; the article's own headline carries no date.
RAIL_ABOVE_UNDATED_HEADLINE = """\
News
Sport
Weather
Latest
River Lune towpath reopens after storm repairs
May 2, 2025
The path along the river was closed in January after the storms washed away part of the bank.
Library extends weekend opening hours
May 1, 2025
Branches will stay open until six on Saturdays from June, the council said.
Menu
Contact
Flood defences on the River Lune will be raised after winter storms
The Environment Agency said on Friday it would raise the flood walls along the River Lune by half a metre after two storms in January pushed the river over its banks and into more than forty homes.
Work on the walls is due to start in September and last about eighteen months, with the riverside path closed in stages while crews rebuild the sections that were damaged.
Residents who were flooded in January said they welcomed the plan but wanted to know why the walls had not been raised after the last floods a decade ago.
An agency spokesperson said the new design took account of heavier rainfall expected in the coming decades and of the rising level of the river at high tide.
"""


def test_a_dated_story_in_a_rail_above_the_article_is_not_its_headline():
    page = read(RAIL_ABOVE_UNDATED_HEADLINE)
    assert page.title == "Flood defences on the River Lune will be raised after winter storms"
    assert page.text.startswith("The Environment Agency said on Friday")
    assert "towpath" not in page.text


# A how-to post whose author box opens with a link to the author's other articles, then a sign-up
# prompt: what follows the article, not its last lines.
AUTHOR_BOX_AFTER_ARTICLE = """\
Gardening
Recipes
Subscribe
How to Keep Basil Alive on a Windowsill Through Winter
By Tomasz Nowak
November 18, 2025
Basil sold in supermarket pots is grown to be eaten within a week, so most plants start to fail as soon as the days shorten and the kitchen cools at night.
The first fix is to split the pot: each pot usually holds a dozen crowded seedlings, and dividing them into three smaller pots gives the roots room to breathe.
Set the pots on the sunniest sill you have, ideally facing south, and turn them every few days so the stems do not lean towards the glass.
Water only when the top of the soil feels dry, because cold, wet roots rot quickly in winter, and pinch out the tips once a week to keep the plants bushy.
With a little care the plants will keep giving leaves until spring, when they can move to a balcony or a sunny corner of the garden.
Read all articles by Tomasz Nowak
Tomasz Nowak writes about small-space gardening and has grown herbs on a fourth-floor balcony in Kraków for more than ten years.
Enjoyed this article? Get our gardening tips in your inbox every Friday.
Sign up
Terms
Privacy
"""


def test_a_link_to_the_author_s_other_articles_closes_the_article():
    page = read(AUTHOR_BOX_AFTER_ARTICLE)
    assert page.text.endswith("a sunny corner of the garden.")
    assert "Read all articles by Tomasz Nowak" in page.removed
    assert "Enjoyed this article?" not in page.text


@pytest.mark.parametrize("line", [
    "Read all articles by Tomasz Nowak", "Recently by Jeffrey Zeldman", "More from Lena Park",
    "Explore recent articles", "View all posts", "Author's Profile", "Meet the authors",
    "Share this content", "Enjoyed this article? Get new content delivered to your inbox.",
    "Enjoy the post? Pin it for later!", "Tags:", "Filed under", "Sign up for newsletters", "READ MORE ARTICLES",
])
def test_lines_that_close_an_article(line):
    assert closes_article(line)


@pytest.mark.parametrize("line", [
    "More from the survey suggests renters are moving less often.",
    "Recently, by one estimate, prices rose again.",
    "Read the full report on the council's website.",
    "The author's profile of the mayor ran in 2019.",
    "Conclusion",
    "Tags were fitted to the birds' legs before release.",
    "Sign up for the course before the end of the month.",
])
def test_sentences_that_do_not_close_an_article(line):
    assert not closes_article(line)


# A news page with a breaking-news bar and a live-updates link above the headline, and a time set
# before the date on the update line (as wire services print it).
BREAKING_BAR = """\
Skip to main content
World
Business
Climate
Breaking News
BREAKING: Magnitude 6.1 earthquake strikes off the coast of northern Chile, no tsunami warning issued
Live updates: Senate votes on the spending bill as shutdown deadline nears
Trending
Election 2026
Wildfires
Interest rates
Port workers end strike after union accepts 14% pay rise over three years
By Daniela Ruiz
Updated 6:42 PM GMT, December 3, 2026
Dock workers at the country's three largest container ports returned to work on Wednesday after their union accepted a pay offer worth 14% over three years, ending a nine-day strike that had left hundreds of ships waiting offshore.
The agreement, reached late on Tuesday after talks brokered by the labour ministry, also caps the use of automated cranes at the ports until 2029, a central demand of the union.
"Our members held the line and it paid off," the union's general secretary told reporters outside the ministry.
Shipping lines warned that clearing the backlog would take at least two weeks, and retailers said some goods could arrive late for the holiday season.
The port authority said cargo handling had resumed at full capacity by midday.
Most Read
1
Central bank holds rates steady for third month
2
Storm brings flooding to coastal towns
"""


def test_a_breaking_news_bar_above_the_headline_and_a_time_before_the_date():
    page = read(BREAKING_BAR)
    assert page.title == "Port workers end strike after union accepts 14% pay rise over three years"
    assert page.text.startswith("Dock workers at the country's three largest container ports")
    assert "BREAKING" not in page.text and "Updated 6:42 PM" not in page.text
    assert page.published == "2026-12-03" and page.authors == ["Daniela Ruiz"]


# A newspaper's page: the standfirst under the headline, then the author's line (no "By") and the
# date with its time, then the article.
STANDFIRST_OVER_BYLINE = """\
Skip to main content
Print subscriptions
Sign in
News
Opinion
Sport
Culture
Lifestyle
World
Europe
US
Americas
Asia
France
Paris transport strike enters second week as talks stall
Unions say they will not return to the negotiating table until the government drops plans to raise the retirement age for metro drivers
Claire Dubois in Paris
Wed 3 Dec 2025 18.42 CET
Share
Commuters in Paris faced a second week of disrupted journeys on Wednesday as a strike by metro and bus drivers showed no sign of ending, with talks between unions and the transport authority stalled.
Only two of the city's sixteen metro lines ran a full service, and the transport authority advised people to work from home where they could.
The unions oppose a plan to raise the age at which drivers can retire on a full pension from 52 to 57, which the government says is needed to balance the operator's pension fund.
"We are ready to talk, but not with a gun to our heads," said a spokesperson for the largest drivers' union.
The transport minister said on Tuesday that the reform would go ahead but that the government was open to discussing how quickly it was phased in.
Explore more on these topics
France
Europe
Strikes
Share
Reuse this content
Most viewed
"""


def test_the_lines_between_a_standfirst_and_the_body_are_the_byline_s_block():
    page = read(STANDFIRST_OVER_BYLINE)
    assert page.title == "Paris transport strike enters second week as talks stall"
    assert "Claire Dubois in Paris" not in page.text and not page.headings
    assert page.published == "2025-12-03"
    assert "Commuters in Paris faced a second week" in page.text


# A wire story with its photo's caption, credit and all, between the byline and the body.
WIRE_WITH_CAPTION = """\
Skip to main content
World
Business
Markets
Sustainability
Europe
EU lawmakers approve deal to cut car emissions by 2035
By Lena Hoffmann and Piotr Nowak
December 3, 20256:42 PM GMT+1Updated 2 hours ago
Item 1 of 2 Cars queue on a highway near Brussels, Belgium, June 12, 2025. REUTERS/Yves Herman/File Photo
[1/2]Cars queue on a highway near Brussels, Belgium, June 12, 2025. REUTERS/Yves Herman/File Photo Purchase Licensing Rights, opens new tab
BRUSSELS, Dec 3 (Reuters) - European Union lawmakers on Wednesday approved a deal to cut carbon dioxide emissions from new cars to zero by 2035, clearing the last major hurdle for the law.
The vote passed by 340 votes to 279, with 21 abstentions, after months of negotiations between member states over exemptions for cars running on synthetic fuels.
Carmakers said they needed more public charging points to meet the target, while environmental groups said the law did not go far enough.
Sign up here.
Reporting by Lena Hoffmann and Piotr Nowak; Editing by Alex Richardson
Our Standards: The Thomson Reuters Trust Principles., opens new tab
Suggested Topics:
Climate Change
"""

# A news agency's page: the photo's caption under the headline, then "Read More".
AGENCY_WITH_CAPTION = """\
Skip to main content
World
U.S.
Politics
Sports
Entertainment
Business
Science
Fact Check
Oddities
Be Well
Newsletters
Photography
Climate
Health
Tech
Lifestyle
Religion
Press Releases
My Account
Search Query
Submit Search
Show Search
World
Missing hiker found alive after 10 days in Colorado mountains
FILE - Rescue teams search a trail near Pikes Peak, Colo., on Nov. 20, 2025. (AP Photo/David Zalubowski, File)
Read More
DENVER (AP) — A hiker who went missing in the Colorado mountains was found alive on Wednesday after ten days, surviving on snow and the food in her pack, rescuers said.
The 34-year-old woman was spotted by a helicopter crew about three miles from the trail where she was last seen, the county sheriff's office said.
She was taken to a hospital in Colorado Springs with frostbite but was able to walk to the helicopter, a spokesperson said.
"She did everything right," the search coordinator told reporters. "She stayed put, she stayed dry, and she rationed her food."
More than 200 volunteers had taken part in the search, which was scaled back on Monday because of heavy snow.
"""


def test_a_photo_caption_under_the_headline_is_neither_title_nor_body():
    page = read(WIRE_WITH_CAPTION)
    assert page.title == "EU lawmakers approve deal to cut car emissions by 2035"
    assert "REUTERS/Yves Herman" not in page.text and "Cars queue on a highway" in " ".join(page.removed)
    assert page.text.startswith("BRUSSELS, Dec 3 (Reuters) - European Union lawmakers")
    assert page.published == "2025-12-03" and not page.headings  # its date and time run together
    page = read(AGENCY_WITH_CAPTION)
    assert page.title == "Missing hiker found alive after 10 days in Colorado mountains"
    assert page.text.startswith("DENVER (AP) — A hiker who went missing")


@pytest.mark.parametrize("line", [
    "Rescue teams search a trail near Pikes Peak, Colo., on Nov. 20, 2025. (AP Photo/David Zalubowski, File)",
    "Cars queue on a highway near Brussels, Belgium, June 12, 2025. REUTERS/Yves Herman/File Photo",
    "Guests pick their pastries from glass-enclosed cabinets. | Photo by Lisa Jennings",
    "A runner checks her watch on a bridge at dawn. Tom Weller/Moment via Getty Images",
    "Rowing machines are back in the gym's busiest corner.Mara Leen / Getty Images",
    "A kitchen with open shelving and a butcher-block island. Shutterstock",
])
def test_captions(line):
    assert is_caption(line)


@pytest.mark.parametrize("line", [
    "Top long-distance mover: Harbor Van Lines (4.7/5 rating)",
    "The ministry did not respond to a request for comment. (Reuters)",
    "Career Essentials in Data Analysis by Northwind Learning (4-5 hours/6 items)",
    "The agency licenses its pictures through Getty Images.",
    "Stock libraries such as Shutterstock pay photographers a share of every download, and the share is small.",
])
def test_notes_in_brackets_are_not_captions(line):
    assert not is_caption(line)


# A local news page: a list of top stories with their teasers above the article's headline, which
# its byline and date follow.
TOP_STORIES_ABOVE_THE_ARTICLE = """\
Home
Local
State
Top Stories
School board delays vote on new start times
Parents packed the meeting on Monday night to argue that later start times would upend family schedules, while teachers and doctors said teenagers needed more sleep, and the board postponed its decision until January.
Food bank reports record demand ahead of holidays
The county food bank said it served more than 9,000 households in November, the most in its history, and appealed for donations of canned goods and volunteers to help sort them before the holidays.
Highway 9 bridge to close for repairs in spring
State engineers said the bridge would close for six weeks starting in March while crews replace its deck, and drivers will be sent on a detour through the town centre.
Advertisement
County approves plan to build 400 affordable homes on former mill site
By Rosa Delgado
Dec. 2, 2025
The county commission on Tuesday approved a plan to build 400 affordable homes on the site of a former paper mill, ending two years of debate over how to use the riverside land.
The developer will set aside half of the homes for families earning less than 60 percent of the area's median income, and the rest will be sold at prices capped by the county.
Neighbours had raised concerns about traffic and the cost of cleaning up chemicals left in the soil by the mill, which closed in 2009.
Commissioners said the developer had agreed to pay for the clean-up and to build a new access road before the first homes are occupied.
Construction is expected to begin next autumn.
"""

# A subscription promotion and a weather alert above the headline.
NOTICES_ABOVE_THE_HEADLINE = """\
Menu
Search
Subscribe for $1
Our newsroom relies on readers. Subscribe today for unlimited access to local news, for just $1 for the first six months, and support the reporters who cover your community.
Weather alert: A winter storm warning is in effect for the region until 6 a.m. Thursday, with up to a foot of snow expected in the hills.
Ferry service suspended as winds pick up across the sound
By Malik Owens
December 3, 2025
The state ferry system suspended sailings on three routes on Wednesday afternoon as gusts of up to 60 mph swept across the sound, stranding hundreds of commuters.
Officials said the ferries would resume once the winds eased, which forecasters expected to happen overnight.
Commuters crowded into terminal waiting rooms, and some booked hotel rooms near the docks rather than drive the long way round.
The ferry system said passengers with tickets for cancelled sailings could use them on any route for the next thirty days.
"""

# A law firm's post, then a rail of its latest posts, each with its date and one paragraph.
DATED_RAIL_UNDER_THE_ARTICLE = """\
Call us today
Slip and fall claims in grocery stores: what shoppers should know
Posted on behalf of Hale & Ortiz LLP | May 2, 2024 | Premises liability
A wet floor near the produce aisle is one of the most common causes of injuries in grocery stores, and shoppers who fall often wonder whether the store is responsible for their medical bills.
Stores have a duty to keep their aisles reasonably safe, which means inspecting floors regularly, cleaning up spills within a reasonable time and warning customers with signs when a floor is wet.
Whether a claim succeeds usually depends on how long the hazard was there and whether staff knew or should have known about it, so photographs and the names of witnesses taken on the day can matter a great deal.
Latest News
What to do after a car accident on an icy road
March 29, 2025
Icy roads cause thousands of crashes each winter, and drivers who are hit often do not know which insurer to call first or how long they have to file a claim for their injuries and their car.
Read More
How long do you have to file a personal injury claim?
March 27, 2025
Every state sets a deadline for filing a personal injury lawsuit, and missing it can mean losing the right to compensation altogether, no matter how strong the case would otherwise have been.
Read More
Dog bites and the owner's responsibility
March 24, 2025
Dog owners are responsible in most states when their dog bites someone, but the rules differ on whether the owner must have known the dog was dangerous before the attack happened.
Read More
"""


def test_a_list_of_stories_or_notices_above_a_dated_headline_is_not_the_article():
    page = read(TOP_STORIES_ABOVE_THE_ARTICLE)
    assert page.title == "County approves plan to build 400 affordable homes on former mill site"
    assert page.text.startswith("The county commission on Tuesday approved")
    assert "Food bank" not in page.text and page.published == "2025-12-02"
    page = read(NOTICES_ABOVE_THE_HEADLINE)
    assert page.title == "Ferry service suspended as winds pick up across the sound"
    assert page.text.startswith("The state ferry system suspended sailings")
    assert "Subscribe today" not in page.text and "Weather alert" not in page.text


def test_a_dated_story_in_a_rail_under_the_article_is_not_its_headline():
    # each story of the rail has one paragraph, the article several in a row
    page = read(DATED_RAIL_UNDER_THE_ARTICLE)
    assert page.title == "Slip and fall claims in grocery stores: what shoppers should know"
    assert page.text.startswith("A wet floor near the produce aisle")


# A live page: its headline over the time of its last update, key points, then timed entries.
LIVE_PAGE = """\
Live
Election night: results as they come in
Last updated 11:48 PM ET
Key points
Polls have closed in all eastern states
Turnout is above 2022 levels in most counties
11:48 PM ET
Counting continues in the capital
Officials in the capital said about two thirds of ballots had been counted by 11:30 p.m., and that the final results would not be known before morning.
11:20 PM ET
Governor concedes in close race
The incumbent governor conceded the race in a short speech to supporters, saying the voters had spoken and that she would help with a smooth transition.
She thanked her campaign staff and volunteers, and urged her supporters to accept the result.
10:55 PM ET
Turnout tops previous midterm
Election officials said turnout had passed the level of the last midterm in most counties, helped by early voting and good weather across the state.
"""


def test_a_live_page_s_headline_is_the_one_its_update_time_follows():
    page = read(LIVE_PAGE)
    assert page.title == "Election night: results as they come in"
    assert "The incumbent governor conceded the race" in page.text


# A story copied on its own, a photo's caption between two of its paragraphs.
ARTICLE_WITH_CAPTION = """\
Harbour cranes stand idle as dock strike enters third day

Dock workers at the city's container port stayed off the job for a third day on Thursday, and shipping lines began diverting vessels to other ports along the coast.

Empty berths at the container port on Wednesday. The strike has halted most cargo handling. (Maria Lopez/Coastal Press)

The union said its members would return once the port authority put a written pay offer on the table, and the authority said talks would resume on Friday.
"""


def test_a_text_that_is_an_article_keeps_its_caption_where_it_stands():
    # only a page around the article loses its captions; the annotator reads a caption as one
    page = read(ARTICLE_WITH_CAPTION)
    assert "(Maria Lopez/Coastal Press)" in page.text
    assert page.title == "Harbour cranes stand idle as dock strike enters third day"


def _guide(n: int, topic: str) -> str:
    return "\n".join(f"Step {k} of the guide to {topic} explains what to check first, what it costs and how long "
                     "the work usually takes before the job can be signed off." for k in range(n))


def test_a_box_about_the_author_under_a_pasted_article_ends_it():
    # a company blog: the article, then a box with the author's name, role and a note in the third
    # person, then links to other posts and a sign-up prompt
    text = ("Services\nPricing\nBlog\nContact Us\nHow to Plan a Kitchen Remodel\nLast updated on March 3, 2025\n"
            f"{_guide(6, 'kitchen remodels')}\n"
            "Written by\nPriya Raman\nSenior Content Writer\n"
            "Priya has written about home renovation for eight years. She lives in Austin with two dogs and a "
            "half-finished bathroom.\n"
            "Related Posts\nHow to Choose Countertops\nA short look at the stone, wood and laminate options and "
            "what each costs.\nGet a free quote\nPrivacy Policy\n")
    page = read(text)
    assert page.title == "How to Plan a Kitchen Remodel"
    assert page.text.endswith("before the job can be signed off.")
    assert not any("Priya" in p for p in paragraphs(page))


def test_a_product_s_heading_over_its_description_or_a_page_of_people_is_not_an_author_box():
    # a heading whose first word opens the next paragraph ("Storage is ...") describes a thing; a page
    # describing several people in turn is made of such boxes
    products = ("Cloud Services\nPricing\nWhat Cloud Providers Offer\n"
                f"{_guide(4, 'cloud platforms')}\nStorage Options\n"
                "Storage is one of the main offerings of a cloud platform. It keeps files in several data "
                "centres at once.\nCompute Options\nCompute is the other: machines rented by the hour for "
                "as long as a job runs.\nPrivacy\nTerms\n")
    page = read(products)
    assert "Storage is one of the main offerings" in page.text
    speakers = ("Events\nTickets\nMeet This Year's Speakers\n"
                f"{_guide(4, 'the conference')}\nMaria Gomez\n"
                "Maria Gomez is a city planner in Seville. She has redesigned three of its squares since 2015.\n"
                "Tom Becker\nTom Becker is an engineer who builds tram lines. He led the Leipzig extension.\n"
                "Privacy\nTerms\n")
    page = read(speakers)
    assert "He led the Leipzig extension." in page.text


def test_a_box_of_related_links_set_inside_the_article_does_not_end_it():
    long = ("The council's engineers said the new pumps would take two winters to install, and that the old "
            "station would run alongside them until the river authority had tested every one of them. {}")
    text = ("Home\nNews\nLocal\nWeather\nRiver Town Replaces Its Flood Pumps\nBy Karen Holt\nMay 2, 2025\n"
            + "\n".join(long.format(f"Part {n} of the report.") for n in range(4))
            + "\nRelated Articles\nWhy the River Keeps Rising\nHow Other Towns Paid for Their Defences\n"
            "What the Insurers Say\n"
            + "\n".join(long.format(f"Later part {n} of the report.") for n in range(3))
            + "\nComments (4)\nThis is a great idea and long overdue for all of us who live down by the water "
            "and have been flooded twice now.\nPrivacy\nTerms\n")
    page = read(text)
    assert page.text.endswith("Later part 2 of the report.")
    assert "Why the River Keeps Rising" in page.removed


@pytest.mark.parametrize("line", [
    "By submitting this form, you agree to receive emails, calls and text messages from Harbor Dental Group "
    "about appointments and offers. Message and data rates may apply. Reply STOP to opt out at any time.",
    "By clicking \u201cAccept All Cookies\u201d, you agree to the storing of cookies on your device to enhance site "
    "navigation, analyse site usage and assist in our marketing efforts.",
    "We use cookies to give you the best experience on our website. If you continue without changing your "
    "settings, we will assume that you are happy to receive all cookies on this website.",
    "We noticed that you are using an outdated browser that we no longer support. Please update it or switch to "
    "another one to see this site as it was built.",
    "Please enable JavaScript to view the comments.",
])
def test_notices(line):
    assert is_notice(line)


@pytest.mark.parametrize("line", [
    "By raising rates twice this year, the central bank hopes to cool prices before the holidays.",
    "By the time the firefighters arrived, you could see the smoke from the motorway.",
    "We use browsers, phones and laptops for almost everything now, the survey found.",
])
def test_sentences_are_not_notices(line):
    assert not is_notice(line)


def test_a_long_consent_notice_under_a_sign_up_box_is_not_the_article():
    text = ("Home\nGuides\nHow to Store Winter Tyres\nBy Lena Brandt\nOctober 4, 2025\n"
            f"{_guide(5, 'winter tyres')}\n"
            "Tyre tips, every Friday\n"
            "By entering your email address you agree to our Terms of Use and Privacy Policy and consent to "
            "receive emails from Tyre Weekly about news, offers and partner promotions.\n"
            f"{_guide(2, 'spring tyres')}\nPrivacy\nTerms\n")
    page = read(text)
    assert page.text.endswith("Step 1 of the guide to spring tyres explains what to check first, what it costs "
                              "and how long the work usually takes before the job can be signed off.")
    assert not any(p.startswith("By entering") for p in paragraphs(page))


# A company's insights page as a browser copies it: a mega-menu whose panel shows promotions (a
# heading over a line of teaser each), the rest of the menu, then the article.
MEGA_MENU_PROMOTIONS = """\
Products
Solutions
Insights
Featured
Spring webinar series
Join our weekly live sessions to see the newest planning tools in action, hear how other finance teams use them and put your own questions to the product team.
Closing the books faster
Month-end close is a grind for most finance teams. Learn how automated reconciliation and shared checklists take whole days out of the cycle without adding staff.
State of finance report 2025
Our annual survey of more than two thousand finance leaders shows where budgets, hiring and automation are heading this year, and what the fastest-growing companies do differently.
Support
Help centre
Product help
Community forums
Account settings
Training
Sign in to your account
Article
Five Questions to Ask Before You Outsource Payroll
Outsourcing payroll can save a small company a great deal of time, but only if the provider fits the way the business already pays its people and reports its taxes.
Start with the pay schedule. A provider that handles weekly, fortnightly and monthly runs without extra fees will suit a business with hourly and salaried staff alike.
Ask how the provider handles mistakes. A good contract says who pays the penalty when a filing is late because of the provider's error, and how fast a wrong payslip is corrected.
Check how your data leaves. If you change providers in two years, you will need every record in a format your next provider or your accountant can read.
Look closely at the fees. Some providers charge per employee per run, others a flat monthly price, and year-end forms are often billed on top of either.
Ask who you will talk to. A named account manager who knows your business is worth more than a support queue that answers in two days.
Find out how benefits are handled. Pensions, health plans and salary sacrifice schemes all change what is deducted, and the provider must feed them correctly.
Finally, talk to two or three current clients of a similar size, and ask them what the first three months were like.
Privacy
Terms
"""


def test_promotions_in_a_menu_above_the_headline_are_not_the_article():
    page = read(MEGA_MENU_PROMOTIONS)
    assert page.title == "Five Questions to Ask Before You Outsource Payroll"
    assert page.text.startswith("Outsourcing payroll can save")
    assert "Month-end close is a grind" not in page.text


def test_a_list_s_items_with_their_facts_between_are_no_rail_of_promotions():
    items = "\n".join(
        f"{n}. {school}\n{school} is known for its small classes and a careers office that places most of its "
        f"graduates within three months, and its alumni network is unusually loyal.\nLocation: {city}\n"
        f"Class Size: {size}\nAcceptance Rate: {rate}%\nTuition: ${fee},000\nMedian Salary: ${pay},000\n"
        f"Learn more about {school}"
        for n, (school, city, size, rate, fee, pay) in enumerate([
            ("Harbour Business School", "Boston", 310, 14, 74, 150), ("Lakeside School of Management", "Chicago", 220, 21, 70, 140),
            ("Ridge Graduate School", "Denver", 140, 30, 61, 120), ("Bayview College of Business", "Seattle", 180, 27, 66, 132),
        ], 1))
    text = ("Rankings\nGuides\nBest Business Schools for 2025\n"
            "Choosing a business school is a big decision, and the rankings only tell part of the story, so we looked "
            f"at class sizes, costs and what graduates earn.\n{items}\n"
            "Whichever school you choose, visit the campus and talk to current students before you commit to two "
            "years of study and the debt that often comes with it.\nPrivacy\nTerms\n")
    page = read(text)
    assert page.text.startswith("Choosing a business school")


def test_teasers_under_a_closing_line_do_not_count_as_the_article_s_prose():
    # a law firm's short post, its contact form, then its latest posts, each teaser long enough to
    # pass for prose: the closing line after the post ends it though the teasers outweigh the post
    teasers = "\n".join(
        f"{title}\nMarch {day}, 2025\nWhen an insurer turns down a claim, it can feel like the end of the road, but most "
        "denials can be appealed, and many are overturned once the missing records reach the right desk in time.\n"
        "Read More" for title, day in [("Can You Appeal a Denied Injury Claim?", 29), ("What to Do After a Slip and Fall", 27),
                                       ("How Long Do You Have to File a Claim?", 24), ("Do You Need a Lawyer for a Minor Crash?", 22)])
    text = ("Home\nPractice Areas\nContact\nWho Pays When You Are Hurt at the Gym?\n"
            "On Behalf of Carter Lane PLLC | Apr 21, 2017 | Personal Injury\n"
            "If someone is not careful at the gym, they may get hurt, and dropped weights or a torn muscle are the usual causes.\n"
            "Most gyms ask members to sign a waiver, but a waiver rarely protects a gym whose staff left broken equipment in use.\n"
            "Anyone hurt at a gym should write down what happened, keep the membership contract and photograph the equipment.\n"
            "CONTACT US\nFirst Name\nLast Name\nPhone\nEmail\nTell us more\nSubmit\nLatest News\n"
            f"{teasers}\nPrivacy Policy\n")
    page = read(text)
    assert page.text.endswith("photograph the equipment.")


def test_a_newsletter_box_inside_the_article_does_not_end_it():
    text = ("Home\nTopics\nA Weekly Plan for Strength Training\nBy Sam Ortiz\nMarch 5, 2025\n"
            f"{_guide(4, 'strength training')}\n"
            "Subscribe to our newsletter\n"
            "Join 200,000 readers who get our training plans and the research behind them every Tuesday.\n"
            "Email Address\n"
            "By submitting your email, you agree to our Privacy Policy.\n"
            "Recovery and Sleep\n"
            f"{_guide(3, 'recovery')}\n"
            "Comments\nGreat plan, I have been following it for a month now and feel much stronger already.\n"
            "Privacy\n")
    page = read(text)
    assert page.text.endswith("Step 2 of the guide to recovery explains what to check first, what it costs and how "
                              "long the work usually takes before the job can be signed off.")
    assert "Join 200,000 readers who get our training plans and the research behind them every Tuesday." in page.removed


def test_a_passage_the_page_shows_twice_is_read_once_but_a_notice_under_each_item_is_kept():
    reviews = "\n".join(f"{quote}\n{name}" for quote, name in [
        ("I have learned more from these episodes than from years of reading about health online.", "Maya R."),
        ("Clear, careful and practical, and every claim comes with the study behind it, which I appreciate.", "Jon P."),
        ("The protocols are easy to follow and the newsletter is the only one I open the day it arrives.", "Lee K."),
    ])
    text = ("Home\nShop\nPodcast\nNewsletter\nAbout\nHow to Build a Morning Routine\n"
            f"{_guide(6, 'morning routines')}\nWhat listeners say\n{reviews}\n{reviews}\nPrivacy\n")
    page = read(text)
    assert page.text.count("I have learned more from these episodes") <= 1
    cams = "\n".join(f"{name}\nThis camera looks over {view} and refreshes every five minutes during daylight hours, "
                     "so the picture may lag the weather a little.\nThis image is provided courtesy of the Friends of "
                     "the Park. Please ask before using it anywhere else online.\nView Webcam"
                     for name, view in [("North Ridge", "the north ridge"), ("Lake Shore", "the lake shore"),
                                        ("Valley Floor", "the valley floor"), ("Summit", "the summit road")])
    page = read(f"Home\nVisit\nPark Webcams\n{cams}\nPrivacy\n")
    assert page.text.count("This image is provided courtesy of the Friends of the Park.") == 4


def test_lists_of_short_items_between_a_listing_s_paragraphs_do_not_split_the_article():
    # a review of movers: each company has two paragraphs, then pros, cons and services as lists of
    # short items in sentence case, which weigh less against the article than a menu's labels
    def company(name: str, town: str) -> str:
        return (f"{name}\n12 Harbour St, {town}\n"
                f"{name} offers full-service moves, packing and storage, and its crews are trained to handle "
                "pianos, antiques and other delicate items without extra charges. It is licensed for moves across "
                "state lines, carries full-value protection on request and gives a written estimate after a video "
                "walk-through of your home.\n"
                f"Customers praise {name} for clear quotes and punctual crews, although a few reviews mention "
                "delays during the busy summer months. Booking four to six weeks ahead is the best way to get the "
                "date you want, and weekday moves are usually cheaper than weekend ones.\n"
                "Pros\nCareful handling\nPolite staff\nClear pricing\nGood communication\nQuick moving process\n"
                "Cons\nDelayed delivery\nExtra fees\nLimited weekend slots\n"
                "Services\nFull packing\nPartial packing\nPiano moving\nOffsite storage\nSenior moving\n"
                "Labor only\nIn-state moves\nOut-of-state moves")
    text = ("Home\nMovers\nCar Shipping\nBest Moving Companies in Portland\n"
            "We compared more than two hundred moving companies in Portland on price, reviews and the services "
            "they offer, and these are the ones our readers can trust.\n"
            + "\n".join(company(n, "Portland") for n in ["Bridge Movers", "Rose City Moving", "Cascade Vans"])
            + "\nAbout Us\nContact\nPrivacy\n")
    page = read(text)
    assert page.text.startswith("We compared more than two hundred moving companies")
    assert "Customers praise Cascade Vans for clear quotes" in page.text


@pytest.mark.parametrize("line", ["Related Story", "Related guides", "Related Posts:", "Most read"])
def test_lines_that_open_a_list_of_links(line):
    assert opens_link_list(line)


def test_a_list_of_sources_the_article_does_not_cite_is_not_the_article_but_one_it_cites_is():
    refs = ("References\nMiller A, Chen L. Sleep and memory in older adults. J Sleep Res. 2023;32(4):e13845.\n"
            "National Sleep Council. How much sleep do adults need? 2024.\n"
            "Park S. Naps, caffeine and the afternoon dip. Sleep Health. 2022;8(2):101-109.\n")
    body = _guide(5, "better sleep")
    page = read(f"Home\nHealth\nHow to Sleep Better After Fifty\n{body}\n{refs}Share\nPrivacy\n")
    assert page.text.endswith("before the job can be signed off.")
    cited = body.replace("signed off.", "signed off (Miller, 2023).", 2)
    page = read(f"Home\nHealth\nHow to Sleep Better After Fifty\n{cited}\n{refs}Share\nPrivacy\n")
    assert "National Sleep Council. How much sleep do adults need? 2024." in page.text


def test_a_part_of_the_page_leading_elsewhere_after_the_article_is_not_the_article():
    text = ("Services\nPricing\nWhat a Social Media Agency Does\n"
            f"{_guide(5, 'social media agencies')}\n"
            "Have any questions?\n"
            "Our team answers every message within one working day, and the first call about your accounts "
            "and goals is always free of charge, whatever the size of your business.\n"
            "Contact us\nPrivacy\n")
    page = read(text)
    assert page.text.endswith("before the job can be signed off.")


def test_the_article_starts_above_a_list_it_opens_with_a_colon():
    text = ("Courses\nPricing\nTable of contents\nWhat is a webinar?\nHow to run one\nWhat is a webinar?\n"
            "A webinar is a live online session in which one or a few speakers present to an audience that "
            "watches from home or the office and asks questions in a chat.\n"
            "Webinars can be:\nFree or paid.\nLive or recorded.\nOpen to all or invite-only.\n"
            "Part of a longer course.\nHosted by one company or several.\n"
            + "\n".join(f"Point {n} about running a webinar: test the sound the day before, send the link twice and "
                        "keep the slides simple enough to read on a phone screen." for n in range(6))
            + "\nBook a demo\nPrivacy\n")
    from dateline.read.text import _lines, extend_start

    lines = _lines(text)
    first_point = next(i for i, line in enumerate(lines) if line.text.startswith("Point 0"))
    assert lines[extend_start(lines, first_point)].text.startswith("A webinar is a live online session")
    page = read(text)
    assert page.text.startswith("A webinar is a live online session")
    assert "Live or recorded." in page.text


def test_the_rows_of_a_table_copied_with_tabs_between_its_cells_stay_in_the_article():
    rows = ("Pros\tCons\nFast to set up\tHard to change later\nCheap for small teams\tCosts grow with users\n"
            "Good for fixed plans\tFeedback comes late\nEasy to track\tRisky for new products\n")
    text = ("Services\nBlog\nContact\nComparing Project Methods\n"
            "Every team needs a way to plan its work, and the method it picks shapes how fast it can react when "
            "the customer changes their mind halfway through a project.\n"
            "Here are the pros and cons of the waterfall method, the oldest of them all.\n"
            f"{rows}"
            "Agile teams work in short cycles instead, showing the customer something that works every two weeks "
            "and planning the next cycle around what they say.\n"
            "Most teams end up mixing the two, planning the big milestones up front and the details as they go.\n"
            "Privacy\nTerms\n")
    page = read(text)
    assert "Cheap for small teams Costs grow with users" in paragraphs(page)
    assert page.text.endswith("the details as they go.")


def test_a_promotion_s_pitch_over_its_button_is_not_the_article_but_a_listing_s_items_are():
    text = ("Product\nPricing\nHow to Keep Books for a Small Shop\n"
            + "\n".join(f"Habit {n} of good bookkeeping: put every receipt in one place the day you get it, match it "
                        "to your bank feed each week and ask your accountant about anything odd." for n in range(3))
            + "\nTry Ledgerly\nNew customers get three months free on any plan.\nGet started\n"
            + "\n".join(f"Habit {n} of good bookkeeping: put every receipt in one place the day you get it, match it "
                        "to your bank feed each week and ask your accountant about anything odd." for n in range(3, 6))
            + "\nPrivacy\n")
    page = read(text)
    assert "New customers get three months free on any plan." in page.removed
    assert page.text.endswith("anything odd.")
    items = "\n".join(f"{name}\nBest for: the {who} who wants a room planned in a week without a big budget.\nLearn more"
                      for name, who in [("Havenly", "renter"), ("Modsy", "minimalist"), ("Decorist", "collector")])
    text = ("Home\nGuides\nThe Best Online Interior Design Services\n"
            "We tried a dozen online interior design services over the summer and compared their prices, their "
            "designers and how long each took to deliver a finished plan for one room.\n"
            f"{items}\n"
            "Whichever you choose, measure the room twice and send good photos: every service works from them.\n"
            "Privacy\n")
    page = read(text)
    assert "Best for: the minimalist who wants a room planned in a week without a big budget." in page.text


def test_a_text_that_is_an_article_alone_keeps_a_passage_it_repeats():
    # a live file's update posted twice: the text is the article, not a page showing a widget again
    update = ("The count in the north has barely moved since midnight, officials said.\n\n"
              "With 40 of 52 districts reporting, the governor leads by about 6,000 votes.\n\n"
              "Turnout was the highest in two decades, the election board said on its website.")
    text = f"{update}\n\nPolls closed at 8 p.m. in most of the state, and counting began at once.\n\n{update}\n"
    page = read(text)
    assert page.text.count("the governor leads by about 6,000 votes") == 2


def test_short_sentences_between_an_opinion_s_first_paragraphs_are_no_menu_under_a_rail():
    text = ("Finally.\n"
            "The mayor took to the radio on Wednesday to call on the council to drop its inquiry into the stadium "
            "deal, which has dragged on since the spring.\n"
            "The council is stalling.\nIt has to stop.\n"
            "This inquiry has been running since the day the deal was signed, and it has found nothing that the "
            "papers did not already print last year.\n"
            "It is a stunt.\nThe council is stalling.\nIt has to stop.\nEnough is enough.\nThe vote is on Monday.\nWatch it.\n"
            + "\n".join(f"Part {n}: the stadium deal gave the club a forty-year lease at a fixed rent, which critics "
                        "say is far below what the land would fetch on the open market today." for n in range(5)))
    from dateline.read.text import _lines, locate

    lines = _lines(text)
    _, start, _ = locate(lines)
    assert lines[start].text.startswith("The mayor took to the radio on Wednesday")


def test_a_long_paragraph_between_share_lines_is_not_taken_for_a_teaser():
    # a syndicated copy: headline, a paragraph, a share line, a long paragraph, a credit line
    long = " ".join(["Clinton told the crowd that the race had changed since the spring, that the party had "
                     "come together behind its candidate and that the polls would tighten before November."] * 4)
    text = ("Clinton Says Race Has Changed Since Spring\n\n"
            "Tuesday in Ohio, on the campaign trail, former president Bill Clinton said the party was more united "
            "than at any time since the primaries began in the winter.\n\n"
            f"Share this article\n\n{long}\n\nFollow our reporter on Twitter.\n")
    page = read(text)
    assert "the polls would tighten before November." in page.text


# A trade magazine's page: a mega-menu whose entries carry a line of promotion each (some long enough
# to read as prose), then a breadcrumb ending with the headline cut short, the headline, a standfirst
# of two paragraphs, the byline block and the article.
MEGA_MENU_OVER_STANDFIRST = """\
Skip to content
Courses
Logistics Planning Certificate
Plan routes, loads and warehouse space with confidence, learn the software the big carriers use, and earn a certificate recognised across the industry in twelve weeks of evening study online.
Fleet Management Course
Keep vans and lorries on the road for longer, with lessons on maintenance schedules, fuel cards, telematics, insurance claims and the rules on drivers' hours in every country you cross.
Procurement Essentials
Learn how buyers compare suppliers, negotiate terms and write contracts that hold up when deliveries run late, currencies swing or the price of steel and fuel jumps overnight.
For Teams
Team Licences
Give your whole planning team access to every course, with monthly reports on each learner's progress, live sessions with our tutors and a named adviser for your company.
Resources
Webinars
Templates
Home
Supply Chain
Seven Warehouse Trends for 2026:...
Seven Warehouse Trends for 2026: What Operators Expect Next Year
Warehouses are getting smaller, closer to cities and more automated, and the operators we spoke to expect the pace of change to quicken in 2026.
We asked planners at twelve distribution firms which changes they are budgeting for, and which ones they think are still mostly talk.
Written by Ines Carvalho and Robert Mensah
Reviewed by Priya Natarajan
Published 3 December 2025
12 minutes read
The first trend is the simplest: rents for large sheds on motorway junctions have risen for five years in a row, and many operators now prefer two or three smaller sites nearer the towns they serve.
Those smaller sites cost more per square metre, but planners said the savings on the last mile of delivery more than made up the difference once fuel and drivers' wages were counted.
The second trend is automation of the picking floor. Several firms said they had ordered shuttle systems or picking robots for at least one site, although most still expected people to pick the bulk of orders by hand in 2026.
Labour remains the third concern. Operators said they were competing with supermarkets and parcel firms for the same staff and had raised hourly pay twice in two years to keep their teams.
The remaining trends, from solar panels on warehouse roofs to shared sites used by several retailers at once, were each named by a few firms but budgeted for by fewer.
Related articles
Courses
Contact
"""


def test_a_headline_over_a_standfirst_and_its_byline_under_a_mega_menu_is_the_title():
    # the menu's promotions outweigh no article; the headline, cut short by the breadcrumb over it,
    # is followed by an introduction of two paragraphs and then the byline and date
    page = read(MEGA_MENU_OVER_STANDFIRST)
    assert page.title == "Seven Warehouse Trends for 2026: What Operators Expect Next Year"
    assert "Logistics Planning Certificate" not in page.text and "Team Licences" not in page.text
    assert "The first trend is the simplest" in page.text
    assert page.published == "2025-12-03"


# A technology blog: the headline in title case, right under it a standfirst that asks the headline's
# question again in a sentence, then the author's name and role, a tag and the article.
HEADLINE_OVER_A_DEK = """\
Courses
Bootcamps
Blog
Enterprise
Back to all articles
March 11, 2025 - 9 minutes
Storage Breakthroughs: What Comes Next in 2026?
What does 2026 hold for home solar batteries and the installers who fit them?
Amara Okafor
ENERGY WRITER
Articles by Amara
Clean Energy
Home batteries have gone from a curiosity to a common sight in suburban garages, and installers say demand for storage now outpaces demand for new solar panels in several states.
So what will change next for home solar storage? Installers, utilities and battery makers point to three shifts: cheaper cells, smarter inverters and new rules on selling power back to the grid.
Cell prices fell by almost a fifth last year, according to industry figures, as factories in Asia and the United States added capacity faster than carmakers bought batteries.
Smarter inverters let a household decide when to charge from the panels, when to draw from the grid at night and when to sell stored power during the evening peak.
Utilities in several states are rewriting the rules on what they pay for that power, and installers say those rules will decide how many homeowners add a battery in the next two years.
"""


def test_a_sentence_under_a_headline_in_title_case_is_its_standfirst_not_its_headline():
    page = read(HEADLINE_OVER_A_DEK)
    assert page.title == "Storage Breakthroughs: What Comes Next in 2026?"
    assert page.text.startswith("What does 2026 hold for home solar batteries")  # the standfirst leads the text
    assert "Home batteries have gone" in page.text and "Amara Okafor" not in page.text


# A contractor's blog whose style sheet sets headlines in capitals: the pasted text keeps them so.
HEADLINE_IN_CAPITALS = """\
SERVICES
COUPONS
CONTACT US
WHY NEW HVAC RULES FROM THE EPA MATTER FOR OREGON HOMEOWNERS
By: Dana Whitfield
February 2, 2025
Share:
Heating
New rules from the EPA on the refrigerants used in heat pumps and air conditioners took effect this year, and homeowners in Oregon are starting to see them in the quotes they get for new systems.
Under the rules, new systems must use refrigerants that warm the climate far less than the ones sold until now, and HVAC installers in Portland say the newer units cost a few hundred dollars more.
WHAT THE RULES MEAN FOR REPAIRS
Existing systems can still be repaired with the older refrigerant, but supplies are shrinking and prices for a recharge have roughly doubled since last spring.
For most households the change will only matter when the old unit fails, and the EPA says no one has to replace a working system because of the rules.
"""


def test_a_headline_in_capitals_is_titled_in_the_case_the_article_writes_its_words():
    page = read(HEADLINE_IN_CAPITALS)
    assert page.title == "Why New HVAC Rules from the EPA Matter for Oregon Homeowners"
    assert "WHAT THE RULES MEAN FOR REPAIRS" in page.text  # headings inside the article stay as shown


# A newspaper page in the style of many British sites: a section kicker and a label over the headline,
# under it a standfirst in sentence case without its full stop, then the author, role, date and share row.
KICKER_HEADLINE_STANDFIRST = """\
Skip to main content
The Northern Ledger
Subscribe
Sign in
News
Politics
Business
Climate
Sport
Culture
Climate crisis
Analysis
Cities race to cool their streets as heatwaves grow longer
From white roofs to shaded bus stops, local governments are trying cheap fixes before the next summer
Priya Raman
Environment correspondent
Mon 14 Jul 2025 06.00 BST
Share
When the thermometer in central Seville passed 44C last July, the city's bus shelters became some of the most dangerous places to stand, with metal roofs that radiated heat onto waiting passengers.
This year the city has replaced dozens of them with shelters covered in climbing plants and fitted with misting fans, part of a wider push by local governments to cool streets without waiting for national money.
Similar projects are under way from Athens to Phoenix, where officials have painted roads with reflective coatings and planted trees along the routes people walk to schools and clinics.
Researchers say the cheapest measures can lower the temperature people feel by several degrees, though they warn that none of them replaces cutting the emissions that drive the heat.
"We are buying time," said one city planner in Athens. "That is worth doing, but it is not a solution on its own."
Most viewed
Explore more on these topics
Climate crisis
Cities
"""


def test_a_longer_line_in_sentence_case_under_a_headline_in_sentence_case_is_its_standfirst():
    page = read(KICKER_HEADLINE_STANDFIRST)
    assert page.title == "Cities race to cool their streets as heatwaves grow longer"
    assert "the city's bus shelters became some of the most dangerous places" in page.text
    assert page.published == "2025-07-14"


# A software firm's glossary page: the headline, then the breadcrumb's trail run together (its
# separators drawn by the style sheet) ending with the page's shorter name, the byline, a table of
# contents and the first section under the same shorter name.
TRAIL_RUN_TOGETHER = """\
Services
Industries
Our Work
Resources
Contact Us
What is a Content Delivery Network?
Home Web Hosting CDN Servers What is a CDN?
By Nadia Petrova Last Updated: March 5, 2025
Table of Contents
What is a CDN?
A content delivery network, or CDN, is a group of servers spread across many cities that keep copies of a website's files, so that visitors load pages from a CDN server near them rather than from the web hosting server far away.
Most large websites use a CDN, because a page that loads from a nearby server appears faster and the web hosting plan carries less traffic during busy periods.
How does a CDN work?
When a visitor requests a page, the CDN sends the request to the closest server that holds a copy of the files, and only asks the web hosting server when that copy is missing or out of date.
Copies are refreshed on a schedule the site sets, from a few seconds for news pages to days for images and style sheets that rarely change on the hosting side.
"""


def test_a_breadcrumb_s_trail_run_together_is_not_the_headline():
    page = read(TRAIL_RUN_TOGETHER)
    assert page.title == "What is a Content Delivery Network?"
    assert "Home Web Hosting" not in page.text
    assert "A content delivery network, or CDN, is a group of servers" in page.text


# A government agency's page: a banner, the breadcrumb ending with the headline, a share row, the
# section's name over the headline, a table of contents, then each section under its heading (the
# first heading set right over the first paragraph).
AGENCY_PAGE_WITH_CONTENTS = """\
An official website of the United States government
Here's how you know
Home
Food
Food Safety
Recalls and Alerts
Food Safety During Power Outages
Share
Post
Linkedin
Email
Print
Food Safety
Food Safety During Power Outages
Keep Food Safe Before a Power Outage
What to Do During a Power Outage
After a Power Outage
Keep Food Safe Before a Power Outage
Power outages can happen at any time of the year, and they can leave food in your refrigerator and freezer unsafe to eat if you are not prepared.
Keep an appliance thermometer in the refrigerator and the freezer, so you can check the temperature when the power comes back on. The refrigerator should be at 40 °F or below and the freezer at 0 °F or below.
What to Do During a Power Outage
Keep the refrigerator and freezer doors closed as much as possible. A refrigerator will keep food cold for about four hours if it is unopened, and a full freezer will hold its temperature for about 48 hours.
After a Power Outage
Never taste food to decide whether it is safe. Throw out perishable food such as meat, poultry, fish, eggs and leftovers that has been above 40 °F for two hours or more.
Content current as of:
03/14/2025
"""


def test_the_first_section_s_heading_listed_in_the_contents_is_not_the_headline():
    page = read(AGENCY_PAGE_WITH_CONTENTS)
    assert page.title == "Food Safety During Power Outages"
    assert "Keep the refrigerator and freezer doors closed" in page.text


# A national newspaper's page: the headline is two short sentences in title case, each closed with
# a full stop, over a standfirst, an audio player's line, a share line, the byline and the dates.
HEADLINE_OF_TWO_SENTENCES = """\
Skip to content
Skip to site index
Search & Section Navigation
Section Navigation
Climate
SUBSCRIBE FOR $1/WEEK
Account
Supported by
SKIP ADVERTISEMENT
Heat Pumps Are Selling Faster Than Furnaces. Here’s Why.
Rebates, rising gas prices and better cold-weather models have pushed sales past a milestone.
Listen to this article · 6:12 min Learn more
Share full article
By Rachel Stern
Published Feb. 10, 2025
Updated Feb. 11, 2025
For the third year in a row, Americans bought more heat pumps than gas furnaces, according to figures released on Monday by an industry trade group.
The gap widened last year, as federal rebates and state incentives lowered the cost of installing the electric units and newer models proved they could heat homes through long cold spells.
Heat pumps move heat rather than make it, pulling warmth from outside air even in freezing weather and pumping it indoors, and they also cool homes in summer.
Installers say the biggest change has been in colder states, where homeowners once doubted the units could keep up with a January night.
Share full article
Related Content
"""


def test_a_headline_of_two_short_sentences_in_title_case_is_the_title_not_a_paragraph():
    page = read(HEADLINE_OF_TWO_SENTENCES)
    assert page.title == "Heat Pumps Are Selling Faster Than Furnaces. Here’s Why."
    assert page.text.startswith("For the third year in a row")


# A how-to site's guide: the headline and its author's line, counters, then the first step named
# after the guide under the label "Introduction", the author's byline again and the steps.
GUIDE_WITH_INTRODUCTION_STEP = """\
How to Build a Bookcase
By WoodshopWanda in Workshop
18,402
96
12
Introduction: How to Build a Bookcase
By Wanda Reyes
Follow
More by the author:
About: Carpenter and teacher of weekend woodworking classes in my garage in Tucson.
Download
Favorite
A full sheet of plywood is enough for a sturdy bookcase five feet tall, with four shelves and a back panel, if you plan the cuts before you start.
This guide shows the cutting plan I use, the joints that hold the case square, and how to finish the edges so the layers of the plywood do not show.
Step 1: The Cutting Plan
Draw the sheet to scale on paper and lay out the two sides first, then the top, bottom and shelves, leaving a saw blade's width between each part.
Step 2: Cutting the Parts
Cut the long parts with a track saw or a circular saw run against a clamped straight edge, and the shelves with the same fence so they come out identical.
"""


def test_the_first_step_named_after_the_guide_under_a_label_is_not_its_headline():
    page = read(GUIDE_WITH_INTRODUCTION_STEP)
    assert page.title == "How to Build a Bookcase"
    assert "the cutting plan I use" in page.text


# A help centre's article: the breadcrumb's last item shows the headline cut short, right over it.
BREADCRUMB_CUTS_HEADLINE_SHORT = """\
Products
Pricing
Help Center
Log in
Home
Help Center
Heating
What is a heat pump?
What Is a Heat Pump? A Plain Guide for First-Time Buyers
Updated March 3, 2025
A heat pump is a machine that moves heat from one place to another instead of making it, the way a refrigerator moves heat out of its cabinet and into your kitchen.
In winter a heat pump pulls heat from the outdoor air, even when it is cold, and pumps it into the house; in summer it runs the other way and cools the house.
Because a heat pump moves heat rather than burning fuel, it can deliver three or four units of heat for every unit of electricity it uses.
Most homes can use a heat pump, though older houses with little insulation may need work first to stay warm on the coldest nights.
"""


def test_a_breadcrumb_s_last_item_cutting_the_headline_short_is_not_the_headline():
    page = read(BREADCRUMB_CUTS_HEADLINE_SHORT)
    assert page.title == "What Is a Heat Pump? A Plain Guide for First-Time Buyers"
    assert page.text.startswith("A heat pump is a machine")


def test_a_comment_counter_over_a_one_paragraph_story_closes_nothing():
    # a brief republished with its comment counter set between headline and text: no prose above
    # the counter, so it cannot be where the article ends
    text = ("UPDATE: Mayor Rivera: \u2018Of Course\u2019 the Budget Will Pass This Year.\n\nComments (0)\n\n"
            "Mayor Ana Rivera (D) went on WNYC\u2019s \u201cMorning Edition\u201d to discuss her remarks about the "
            "council, saying \u201con its worst day\u201d it would pass \u201ca better budget\u201d than any of the "
            "plans before it.\n\nListen to the interview above.\n")
    page = read(text)
    assert "Mayor Ana Rivera (D) went on" in page.text


def test_a_numbered_roundup_keeps_its_items_past_a_sign_up_line():
    # a wire "things to know" roundup: each item a capitalised heading over one short paragraph,
    # with a newsletter prompt dropped in before half of them; the items under it are the article, not
    # teasers
    items = [("SENATE PASSES STOPGAP SPENDING BILL", "The measure keeps the government open until mid-December "
              "and sends the fight over the full budget into the new year."),
             ("STORM KNOCKS OUT POWER ACROSS THE GULF COAST", "Utilities say more than 200,000 homes are dark and "
              "crews from four states are on their way."),
             ("CENTRAL BANK HOLDS RATES STEADY", "Policymakers say inflation is easing but not fast enough to "
              "justify a cut before spring."),
             ("FERRY SERVICE RESUMES AFTER STRIKE", "Dock workers accept a three-year contract with a raise of "
              "four percent in its first year."),
             ("CITY COUNCIL DELAYS VOTE ON RENT RULES", "Members want another hearing after landlords and tenants "
              "packed the chamber on Tuesday."),
             ("MUSEUM RETURNS LOOTED BRONZES", "The twelve pieces were taken from a royal palace in 1897 and will "
              "go on show in a new gallery next year.")]
    blocks = ["Five Things to Know for Today",
              "Your daily look at the news and the stories that will be talked about today:"]
    for n, (head, para) in enumerate(items, 1):
        blocks += [f"{n}. {head}.", para]
        if n == 2:
            blocks.append("Sign up for our morning newsletter")
    page = read("\n\n".join(blocks) + "\n")
    assert "twelve pieces were taken" in page.text


# A local station's story: a section label, the headline and the photo's caption come as one block
# (no blank lines between them); the caption is wider than the headline, so no hard wrap joins them.
STATION_HEADLINE_OVER_CAPTION = """\
Weather
Traffic
About Us

Latest Local Stories
Harbor district approves new ferry dock for island commuters
Commuters board the morning ferry at the old pier, which the harbor district says has reached the end of its working life after sixty years. (Source: Harbor District)

By Newsroom Staff | March 4, 2025 at 6:10 PM

The harbor district board voted on Tuesday to build a new ferry dock at the north end of the pier, replacing one that has served island commuters since the 1960s.
Construction is set to begin in the fall and to take about eighteen months, during which the ferries will keep running from a temporary landing.
Board members said the new dock will let two boats load at once and cut the wait at rush hour by about a third.
"""


def test_a_headline_is_not_joined_to_the_wider_caption_under_it():
    page = read(STATION_HEADLINE_OVER_CAPTION)
    assert page.title == "Harbor district approves new ferry dock for island commuters"


# A blog's post with its view counter and the counter's label under the headline: the counter is
# set apart, so the label in lower case does not run on from the headline above it.
BLOG_HEADLINE_OVER_COUNTER = """\
Recensioni
Interviste
Video

Le migliori uscite in vinile di questo mese
1.204
letture
Nessun commento
Questo mese le etichette indipendenti hanno ristampato alcuni album che mancavano dai negozi da anni, e le tirature sono limitate.
Tra le uscite più attese c'è la ristampa di un classico del rock progressivo italiano, con la copertina apribile originale e un libretto di foto inedite.
Chi colleziona farà bene a prenotare: le copie della prima stampa sono finite in pochi giorni.
"""


def test_a_lower_case_label_under_a_counter_does_not_run_on_from_the_headline():
    page = read(BLOG_HEADLINE_OVER_COUNTER)
    assert page.title == "Le migliori uscite in vinile di questo mese"


def test_a_list_of_the_categories_a_post_is_published_in_is_chrome():
    assert is_chrome("Published in Creativity, Graphic Design, Interaction Design, Layout & Grids")
    assert is_chrome("Posted in Gardening, Recipes")
    assert not is_chrome("Published in 1851, the novel sold poorly during its author's lifetime.")


# A tabloid's story: the headline closes on a quoted phrase with no stop inside the marks, and the
# standfirst, in capitals at its start, sits between it and the byline.
HEADLINE_CLOSING_ON_A_QUOTE = """\
Home
News
Weather

Home
News
Science
Heatwave warning: Temperatures to soar past 35C as forecasters say ‘this is only the start’
A SCORCHING heatwave will sweep across the south this week, with forecasters warning that the hottest days of the summer are still to come.
By Tom Hale
PUBLISHED: 07:15, Mon, Jul 14, 2025
The Met Office said temperatures could pass 35C in parts of the south-east by Thursday, as a plume of hot air moves north from the continent.
Forecasters said the heat could last into next week, and urged people to drink water, stay out of the midday sun and check on elderly neighbours.
Train operators have warned that services may run more slowly on the hottest afternoons, when the rails can buckle in the heat.
"""


def test_a_headline_closing_on_a_quoted_phrase_is_a_headline_not_a_sentence():
    page = read(HEADLINE_CLOSING_ON_A_QUOTE)
    assert page.title.startswith("Heatwave warning: Temperatures to soar past 35C")
    assert page.title.endswith("‘this is only the start’")
    assert is_title_like("Coach: “We needed to win this game”")
    assert not is_title_like("He told reporters on Sunday that the team “needed to win.”")


# A site's share menu labels its button with the headline ("Share all sharing options for: ...");
# the headline stands above over a comment counter and a standfirst with the byline.
SHARE_LABEL_REPEATS_HEADLINE = """\
Tech
Science
Culture
Filed under:
Movies
Riverside picks Lena Ortiz to run its new film week
New, 42 comments
The festival in the three old cinemas opens next spring
By Priya Natarajan@pnatarajan Mar 2, 2025, 9:14am EST
Share this story
Share this on Facebook
Share All sharing options
Share All sharing options for: Riverside picks Lena Ortiz to run its new film week
Linkedin
Reddit
Email
Riverside has picked Lena Ortiz, who ran the harbour arts fair for a decade, to run its new film week, a festival downtown, with screenings in the three old cinemas that the city bought last year.
Organisers hope to show about sixty films over a week in the spring, most of them by directors from the region, and to sell ten thousand tickets.
The council will pay for the first edition and expects sponsors to carry most of the cost from the second year on.
"""


def test_a_share_button_s_label_with_the_headline_is_a_copy_of_it_not_the_headline():
    page = read(SHARE_LABEL_REPEATS_HEADLINE)
    assert page.title == "Riverside picks Lena Ortiz to run its new film week"


# A coach's blog: the menu of workshops stands over the headline and its share counter under it, and
# the same workshop label and counter come again inside the article (a promotion and a floating
# share bar); a share counter is no entry of a table of contents, so the headline is not one either.
WORKSHOP_LABEL_AND_COUNTER_AROUND_HEADLINE = """\
Home
Free Courses
Garden Planner
About
Contact
Dana Whitfield
Pick a workshop and start watching now:
SOIL BASICS
GROWING YOUR OWN VEGETABLES
How to Plan a Vegetable Bed That Feeds You All Summer
214 Shares
Share
Tweet
Email
Dana Whitfield
A good vegetable bed starts long before the first seed goes in the ground, with a plan for what you will eat and when.
Most beginners plant everything at once in May and then face a flood of lettuce in June and nothing at all by August.
Instead, sketch the bed on paper and mark which rows will be sown every two weeks, so that something is always ready to pick.
GROWING YOUR OWN VEGETABLES
Start the free workshop and plan your first bed this weekend.
214 Shares
Share
Put the tall crops such as beans and tomatoes on the north side, where they will not shade the rest of the bed.
Keep a notebook of what you sowed and when, and next year you will know which rows ran out too soon.
214 Shares
Share
Tweet
Email
Dana Whitfield
Dana Whitfield is a gardener and teacher who has grown vegetables in a small city yard for twenty years.
Pick a workshop and start watching now:
SOIL BASICS
GROWING YOUR OWN VEGETABLES
4 thoughts on “How to Plan a Vegetable Bed That Feeds You All Summer”
Marta Kowalski
I tried the two-week sowing last year and for the first time we had lettuce into September.
"""


def test_a_headline_between_a_label_and_a_share_counter_the_article_repeats_is_still_the_headline():
    page = read(WORKSHOP_LABEL_AND_COUNTER_AROUND_HEADLINE)
    assert page.title == "How to Plan a Vegetable Bed That Feeds You All Summer"


def test_share_buttons_labelled_with_their_network_are_chrome():
    assert is_chrome("Share this with Facebook")
    assert is_chrome("Share this with Email")
    assert is_chrome("Copy this link")
    assert is_chrome("Pinterest")
    assert not is_chrome("Share this with your doctor before you start the diet.")


# A fact-checker's page: the claim checked, quoted, then the headline, a question written as a
# sentence, with its byline right under it; the ratings menu stands above.
FACT_CHECK_QUESTION_HEADLINE = """\
Ratings
True
Mostly True
Half True
False
Pants on Fire!
Articles
People
"Our state sends more money to Washington than any other state in the country."
— Gov. Ellen Marsh on Tuesday, March 4th, 2025 in a speech to the state chamber of commerce
Does this state really send more money to Washington than any other?
By Carlos Reyes on Friday, March 7th, 2025 at 9:30 a.m.
Gov. Ellen Marsh told business leaders this week that her state pays more in federal taxes than any other state, and gets less back.
We looked at the Treasury's figures for the last fiscal year, which count the income, payroll and business taxes that each state's residents and companies pay.
By total dollars, the governor's state ranks third, behind two states with much larger populations, so the claim as she put it is not right.
Measured per resident, her state does rank near the top, which may be what the governor meant, but that is not what she said.
"""


def test_a_headline_asking_a_question_in_a_sentence_is_found_by_its_byline():
    page = read(FACT_CHECK_QUESTION_HEADLINE)
    assert page.title == "Does this state really send more money to Washington than any other?"


# A family blog's post: the style sheet sets the headline in capitals (the text keeps them), five
# words long; a label in capitals is a word or three ("FAMILY TRAVEL"), so it is still the headline.
HEADLINE_IN_CAPITALS_ON_A_BLOG = """\
HOME
ABOUT ME
RECIPES
FAMILY TRAVEL
Home Family Travel Walking the Painted Ridge Loop
This post may contain affiliate links. Please see my disclosure page.
Family TravelCaliforniaCamping
WALKING THE PAINTED RIDGE LOOP
written by Maren
Sharing is caring!
0
SHARES
Pinterest
Facebook
This post is sponsored by a camping gear brand, and all opinions are my own as always #CampingWithKids #ad
Taking two toddlers up the ridge sounds like a lot of work, and it is, but it was also the best weekend we had all summer.
We parked at the trailhead early, before the heat, and carried the baby on our backs while the older one walked.
Our packing list was short: a big tent, warm sleeping bags, a stove, and more snacks than we thought two small children could eat.
The loop is only four miles, and from the top of the ridge you can see the red cliffs glowing orange in the late afternoon.
"""


def test_a_headline_a_style_sheet_set_in_capitals_is_still_the_headline():
    page = read(HEADLINE_IN_CAPITALS_ON_A_BLOG)
    assert page.title == "Walking the Painted Ridge Loop"


# A broadcaster's story page: the article, the site's copyright notice, then section rails of other
# stories whose summaries are long enough to read as paragraphs.
COPYRIGHT_OVER_RAILS = """\
Skip to content
News
Politics
Weather
Harbor Bridge Repairs Will Close Two Lanes Through the Spring
By Marta Lindqvist
March 4, 2025 / 6:10 AM / Example News
Two lanes of the Harbor Bridge will close from next Monday until the end of May while crews replace the expansion joints that carry traffic over the river, the state transport department said.
Officials said the work could not wait another year, after inspectors found cracks in two of the joints during a routine check in January and ordered weight limits for lorries.
Drivers are being told to expect delays of up to twenty minutes at the busiest times of the morning and evening, and to use the tunnel or the ferry where they can.
The department said it would add buses to the routes that cross the bridge and would post live travel times on its website for the whole of the closure.
© 2025 Example Broadcasting Inc. All Rights Reserved.
World
More World
Farmers on the plains turn to solar panels as crop prices fall
Growers who once relied on wheat and corn alone say the panels on their fallow fields now pay for seed, fuel and the loans they took out to stay in business through last year's drought.
2H ago
Ferry operators warn of higher fares as fuel costs climb again
Operators on the northern routes say they cannot hold prices much longer, with diesel up a third since the autumn and the contracts that fixed their costs running out at the end of this month.
5H ago
"""


def test_a_copyright_notice_closes_the_article_above_the_page_s_rails():
    page = read(COPYRIGHT_OVER_RAILS)
    assert "post live travel times on its website" in page.text
    assert "Growers who once relied" not in page.text
    assert "Ferry operators" not in page.text


# A Japanese office's blog post: Japanese is written without spaces between words, so a paragraph
# is one "word" to a count by spaces; its menu and footer are short lines all the same.
JAPANESE_BLOG_POST = """\
メニュー
ホーム
サービス案内
料金表
ブログ
お問い合わせ
ホーム >
ブログ >
古い自転車を直して売るときの注意
2024.05.10
先週、近所の自転車店の店主から、古い自転車を修理して販売してもよいかという相談を受けました。
修理した自転車を売ること自体は問題ありませんが、部品を交換した場合には、元のメーカーの名前をそのまま表示してよいかどうかに気をつける必要があります。
たとえば、フレームだけが元のメーカーのもので、ほかの部品がすべて別の会社のものであれば、買う人は品質を誤解するかもしれません。
そのため、どの部品を交換したのかを値札や説明書にはっきり書いておくことをおすすめします。
関連記事
自転車の保険について
春の点検キャンペーン
プライバシーポリシー
サイトマップ
"""


def test_a_page_in_japanese_reads_its_paragraphs_without_spaces_between_words():
    page = read(JAPANESE_BLOG_POST)
    assert "古い自転車を修理して販売してもよいか" in page.text
    assert "値札や説明書にはっきり書いておく" in page.text
    assert "料金表" not in page.text
    assert "サイトマップ" not in page.text


# A tabloid's story: short paragraphs, one sentence each, with a box of related links set inside
# the article; the story goes on under the box.
RELATED_BOX_OVER_SHORT_PARAGRAPHS = """\
Home
News
Health
Measles cases rise again as doctors urge parents to check records
By Tom Ashby
PUBLISHED: 09:12, Mon, Feb 3, 2025
Health officials have confirmed forty new cases of measles in the north of the country since the start of January, more than in the whole of last year, and say most of those who fell ill had never been vaccinated.
The agency said clinics would open on Saturdays for the rest of the month so that families could catch up on missed doses.
Doctors said the first signs are a fever, a runny nose and red eyes, followed a few days later by a rash.
Related articles
Flu season: Hospitals under strain as winter wave hits the south and...
Warning over fake pharmacy websites selling cheap antibiotics
Measles spreads through the air when an infected person coughs or sneezes.
It can stay in the air of a room for up to two hours after they have left.
Two doses of the vaccine give about ninety-seven percent protection against the disease.
Parents who are unsure whether their children are protected can ask their doctor to check.
Most read in Health
Heart attack warning: The sign you may notice when you climb the stairs
Six foods that help you sleep, according to a dietitian
"""


def test_an_article_resumes_under_a_related_box_in_short_paragraphs():
    page = read(RELATED_BOX_OVER_SHORT_PARAGRAPHS)
    assert "stay in the air of a room" in page.text
    assert "ask their doctor to check" in page.text
    assert "Hospitals under strain" not in page.text
    assert "fake pharmacy websites" not in page.text


# A long explainer with pictures: each picture's caption is a sentence set over the picture's credit,
# inside the run of the article's paragraphs; one picture, with a credit and no caption, opens a new
# section under the paragraph that closes the one before.
CAPTIONS_OVER_CREDITS = """\
Skip to content
News
Weather
Opinion
Why the river keeps flooding the old town
By Priya Natarajan
April 2, 2025
For the third spring in a row, the river has burst its banks below the old bridge and filled the cellars of the houses along the quay, and the town's engineers say the causes are only partly natural.
The snow in the hills melted early this year, and two weeks of rain in March fell on ground that was already full of water, so the river rose faster than the gauges had ever recorded.
Volunteers fill sandbags outside the town hall on Tuesday.
Marta Kowalski/The Valley Herald/Getty Images
But the engineers also point to the car parks and warehouses built on the old water meadows in the last thirty years, which once soaked up the floods before they reached the town.
The council has promised a review of the plans for two more warehouses on the meadows, and says it will publish the engineers' report in full before the summer.
That leaves the question of what can be done before next spring.
Jonas Berg/Shutterstock
What can be done before next spring
The engineers want temporary barriers along the quay, which can be put up in a day when the gauges upstream warn of a flood, and taken down again once the water has gone.
They also want the drains under the old town cleared every autumn, after they found some of them blocked with silt and leaves this year, which kept the water in the streets for days.
Comments
Most read
Contact us
Privacy policy
"""


def test_a_caption_over_its_picture_s_credit_is_not_the_article():
    page = read(CAPTIONS_OVER_CREDITS)
    assert "Volunteers fill sandbags" not in page.text
    assert "car parks and warehouses built on the old water meadows" in page.text
    assert "That leaves the question of what can be done" in page.text
    assert "Getty Images" not in page.text


# A blog's list of offers: the article's last paragraph opens a numbered list with a colon, and each
# item is a product's name over its shop's link, so no paragraph follows the list.
NUMBERED_LIST_AFTER_COLON = """\
Home
Reviews
Deals
About
Board games for a winter weekend
Posted on 28 November 2024
Every winter we clear the kitchen table and bring out the board games, and every year readers ask us which ones are worth buying for a family that has only played the classics.
This year the shops have cut prices on some of the games we have played most, so we went through our shelves and picked the ones that still get played after the first week.
Here are the ones we would buy again before the holidays, with the shop where each is cheapest this week:

1) Ticket to Ride Europe Edition
https://shop.example.com/ttr-europe

2) Carcassonne Big Box
https://shop.example.com/carcassonne-box

3) Dixit Odyssey Expansion
https://shop.example.com/dixit-odyssey

4) Pandemic Legacy Season One
https://shop.example.com/pandemic-legacy

5) Codenames Pictures Party Edition
https://shop.example.com/codenames-pictures

6) Azul Summer Pavilion
https://shop.example.com/azul-pavilion

7) Wingspan European Expansion
https://shop.example.com/wingspan-eu

We are a family of four who write about games.
Privacy policy
Contact
"""


def test_a_numbered_list_the_article_opens_with_a_colon_is_the_article_s():
    page = read(NUMBERED_LIST_AFTER_COLON)
    assert "1) Ticket to Ride Europe Edition" in page.text
    assert "7) Wingspan European Expansion" in page.text
    assert "https://shop.example.com/wingspan-eu" in page.text
    assert "We are a family of four" not in page.text


# A short post on a charity's blog, and under it readers' comments that run far longer than the post.
SHORT_POST_LONG_COMMENTS = """\
Home
Research
Blog
Donate
Our spring open thread
Previous Post
Next Post
March 4, 2025 | by Laura
Every quarter we open a thread where readers can ask us anything about our research, our recommendations or how we run the organisation, and our staff answer as many questions as they can.
You can read the answers from our winter thread on this blog.
Comments
Daniel Okafor on March 5, 2025 at 9:12 am said:
Have you looked at the new study on school meals in rural districts, and do you expect it to change how you rank the programmes that pay for them?
It seems to find smaller effects on attendance than the earlier trials did, though the sample is much larger and covers more regions than before.
Laura (staff) on March 6, 2025 at 2:40 pm said:
Thanks for asking. We have not reviewed it yet, but it is on the list for our review of school programmes later this year, and we will write about what we find.
Priya on March 8, 2025 at 7:05 pm said:
I would love to see more about how you weigh the cost of reaching remote villages against the number of people a programme can reach in the cities for the same money.
"""


def test_readers_comments_longer_than_a_short_post_are_not_the_post():
    page = read(SHORT_POST_LONG_COMMENTS)
    assert "Every quarter we open a thread" in page.text
    assert "school meals" not in page.text
    assert "remote villages" not in page.text


# A wire brief at the top of a newspaper's page of breaking news: two short paragraphs under its
# headline, byline and date, then the other headlines of the day with theirs, then a footer whose
# notice to customers is longer than the brief.
BRIEF_OVER_LONG_FOOTER = """\
Login
Log Out
World News Politics Business Opinion Sport
BREAKING NEWS
Storm forces closure of two northern ports
By HARBOUR POST STAFF
JANUARY 14, 2025 10:43
Both of the country's northern ports were closed on Tuesday morning as a winter storm brought winds of more than 100 kilometres an hour to the coast, the shipping authority said.
Ferries to the islands were cancelled for the rest of the day, and the authority said it would decide on Wednesday morning whether the ports could reopen.
Parliament passes budget after all-night session
By HARBOUR POST STAFF
01/14/2025 09:12 AM
Central bank holds interest rate for third month
By REUTERS
01/14/2025 08:40 AM
Teachers' union calls off planned strike
By HARBOUR POST STAFF
01/13/2025 11:05 PM
About Us
Advertise with Us
Privacy Policy
Terms of Service
The Harbour Post customer service centre can be reached with any questions or requests about subscriptions, deliveries and the digital edition by telephone on weekdays from eight in the morning until six in the evening, by email at any time, or through the form on our contact page, and our staff will answer every message within two working days.
"""


def test_a_short_article_under_its_byline_outweighs_a_long_footer_notice():
    page = read(BRIEF_OVER_LONG_FOOTER)
    assert "winter storm brought winds" in page.text
    assert "Ferries to the islands were cancelled" in page.text
    assert "customer service centre" not in page.text


@pytest.mark.parametrize("line", ["Image 1 of 8", "Image 1 of / 23", "Photo 3 / 12", "Caption", "Back to Gallery",
                                  "View full gallery", "false", "undefined"])
def test_a_gallery_s_controls_and_a_script_s_values_are_chrome(line):
    assert is_chrome(line)


@pytest.mark.parametrize("sentence", ["The image of the burning bridge went round the world in an hour.",
                                      "False alarms have doubled since the new sensors went in.",
                                      "The gallery reopens on Saturday after two years of repairs."])
def test_sentences_about_images_and_galleries_are_not_chrome(sentence):
    assert not is_chrome(sentence)


# A wire story on a newspaper's page, its picture gallery's controls and a script's leftover values
# set between its paragraphs.
GALLERY_CONTROLS_IN_ARTICLE = """\
News
Business
Sports
Carmaker recalls 40,000 pickups over loose battery cable
By Ana Ruiz, Ap Auto Writer
Updated 6:10 am CST, Wednesday, March 5, 2025
Image 1 of / 12
Caption
Close
Image 1 of 12
Back to Gallery
DETROIT (AP) — A carmaker is recalling about 40,000 pickup trucks in North America because a battery cable can come loose and cause the engine to stall while the truck is moving.
The company said it knew of no crashes or injuries caused by the problem, which affects trucks built at one plant between January and June of last year.
false
Dealers will check the cable and tighten or replace it at no cost to owners, who will be told by mail starting next month.
Owners can check whether their truck is affected on the company's website or by calling its customer line.
Trending Now
"""


def test_a_gallery_s_controls_in_an_article_are_dropped():
    page = read(GALLERY_CONTROLS_IN_ARTICLE)
    assert "battery cable can come loose" in page.text
    assert "Owners can check whether their truck" in page.text
    for control in ("Image 1 of", "Caption", "Back to Gallery", "false"):
        assert control not in page.text


# A magazine's page: the headline, a standfirst summing it up, the byline and date under the
# standfirst, then the body.
STANDFIRST_ABOVE_BYLINE_ON_A_PAGE = """\
Subscribe
Science
Space
Tech
Comets may have brought more of Earth's water than thought
A new look at the ice in a comet's tail suggests that the early solar system was wetter than most models allow.
By Rafael Moreno
April 8, 2025
Scientists studying the ice streaming from a comet that passed close to the sun last year say its water is chemically closer to the water in Earth's oceans than that of any comet measured before.
The finding revives an old idea that comets delivered a large share of the planet's water in its first few hundred million years, an idea many researchers had set aside after earlier measurements.
The team used a telescope in Chile to measure the ratio of heavy to ordinary hydrogen in the comet's water over several nights as it brightened.
Other researchers cautioned that one comet cannot settle the question and said more measurements of comets from the same region of the solar system were needed.
More from Space
Privacy policy
"""


def test_a_page_s_standfirst_between_its_headline_and_byline_is_not_its_body():
    page = read(STANDFIRST_ABOVE_BYLINE_ON_A_PAGE)
    assert page.title == "Comets may have brought more of Earth's water than thought"
    assert page.text.startswith("Scientists studying the ice streaming from a comet")
    assert "early solar system was wetter" not in page.text
    assert any("early solar system was wetter" in line for line in page.removed)
    assert page.authors == ["Rafael Moreno"] and page.published == "2025-04-08"


@pytest.mark.parametrize("line", [
    "No spam, we promise. You can unsubscribe at any time and we'll never share your details without your permission.",
    "Example Science is part of Example Media Inc, an international media group and leading digital publisher. Visit our corporate site.",
    "Sometimes we include links to online retail stores. If you click on one and make a purchase we may receive a small commission."])
def test_a_sign_up_s_promise_and_a_publisher_s_ownership_notice_are_notices(line):
    assert is_notice(line)


@pytest.mark.parametrize("sentence", [
    "No spam filter caught the message, which reached thousands of inboxes before noon.",
    "The paper is part of a chain of forty regional titles that the company bought in 2019.",
    "We include links to the court filings at the end of this story."])
def test_sentences_about_spam_and_owners_are_not_notices(sentence):
    assert not is_notice(sentence)


# A science site's story: under the article, the site's newsletter pitch with its promise, and the
# notice of the group that owns the site, each long enough to read as a paragraph.
SIGN_UP_AND_OWNER_UNDER_ARTICLE = """\
Science
Space
Animals
Oldest known forest found in a quarry in New York
By Sam Whitfield
March 2, 2025
Fossil roots found in a disused quarry near Cairo, New York, belong to a forest that grew about 385 million years ago, making it the oldest known forest on Earth, researchers said.
The roots spread up to 11 metres from each tree, a pattern that scientists say shows how early forests began to change the soil and the air long before animals walked on land.
The team plans to return to the quarry in the spring to map more of the site before it is filled in.
Get breaking science news on fossils, space and the natural world delivered to your inbox!
No spam, we promise. You can unsubscribe at any time and we'll never share your details without your permission.
Example Science is part of Example Media Inc, an international media group and leading digital publisher. Visit our corporate site.
"""


def test_a_sign_up_s_promise_and_the_owner_s_notice_under_an_article_are_not_the_article():
    page = read(SIGN_UP_AND_OWNER_UNDER_ARTICLE)
    assert "return to the quarry in the spring" in page.text
    assert "No spam" not in page.text
    assert "international media group" not in page.text


# A community paper's story page whose "Breaking News" ticker, copied as one long line, runs the
# opening lines of a dozen stories together, each cut short with an ellipsis; the page shows the
# ticker again above its footer. The story itself is shorter than the ticker.
TICKER_LONGER_THAN_STORY = "\n".join([
    "INDIA", "USA", "WORLD", "COMMUNITY", "EVENTS", "CONTACT US", "Breaking News",
    " ".join(f"{head} {place}: {lead} {cut}..." for head, place, lead, cut in [
        ("Council approves new bus routes", "CHICAGO", "The city council on Tuesday approved six new bus routes connecting the "
         "northern suburbs with the downtown loop after months of debate over", "the"),
        ("Temple festival draws record crowds", "HOUSTON", "More than twenty thousand people attended the three-day festival "
         "at the temple this weekend, organisers said, the largest turnout since it", "was"),
        ("Visa backlog grows for students", "WASHINGTON", "The number of student visa applications waiting for an interview "
         "has doubled since the spring, according to figures released by", "the"),
        ("Local doctor honoured for clinic work", "NEW JERSEY", "A physician who has run a free weekend clinic for fifteen years "
         "received the county's highest civic award at a ceremony attended by", "more"),
        ("Cricket league adds two teams", "DALLAS", "The regional cricket league will add teams from Austin and San Antonio next "
         "season, bringing the number of clubs to twelve and the number of", "players"),
    ]),
    "Graduates return home to open family businesses",
    "November 20, 2025",
    "by Community Post Staff",
    "Print This Article",
    "Share it With Friends",
    "0 Comments",
    "NEW YORK: A growing number of graduates who left for jobs in large cities are returning to their home towns to take over family shops and restaurants, a survey by a business association found.",
    "“My parents ran the store for thirty years, and I did not want to see it close,” said one graduate who now runs her family's grocery.",
    "The association said most of the returning graduates had added online ordering and delivery within their first year.",
    "RELATED ARTICLES",
    "POPULAR CATEGORIES",
    "Community (4824)",
    "World (3031)",
    "Breaking News",
])
TICKER_LONGER_THAN_STORY += "\n" + TICKER_LONGER_THAN_STORY.split("\n")[7]


def test_a_ticker_of_excerpts_cut_short_is_not_the_article():
    page = read(TICKER_LONGER_THAN_STORY + "\n")
    assert "returning to their home towns" in page.text
    assert "added online ordering and delivery" in page.text
    assert "Council approves new bus routes" not in page.text


# A regional paper's copy of a wire story: the agency's notice is set inside it, after the part the
# desk ran first, and the story runs on under it, a question set as a line of its own among its paragraphs.
WIRE_NOTICE_INSIDE_A_STORY = """\
Port Authority Approves Dredging Plan

The port authority on Thursday approved a plan to deepen the main shipping channel by six feet, clearing the way for larger container ships to call at the harbor by the end of next year.

The board voted 7-2 after a three-hour hearing at which fishermen and residents of the island neighborhoods raised concerns about silt and the loss of shellfish beds.

Shipping lines have warned for years that the harbor would lose business to deeper ports to the south, where the newest ships already call twice a week on their way from Asia.

The project is expected to cost about $140 million, two-thirds of it from the federal government, and to take three years to finish once the permits are in hand.

Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.

The authority's director said the dredged sand would be used to rebuild two beaches that lost much of their width in last winter's storms, and that crews would avoid the spawning season.

Will it work?

"We have done this twice before and the beaches came back," she said.

Opponents said they would ask the state environmental agency to review the plan before any permit is issued.
"""


def test_a_wire_notice_the_story_runs_on_under_does_not_close_it():
    page = read(WIRE_NOTICE_INSIDE_A_STORY)
    assert "fishermen and residents" in page.text
    assert "rebuild two beaches" in page.text and "before any permit is issued" in page.text
