"""The HTML reader on pages written for dateline (samples/html and small pages here): body in
reading order without the site's chrome, title, authors, outlet, publication date, headings."""
from __future__ import annotations

from pathlib import Path

import pytest

from dateline.read import Offered, extract

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "html"
BODY = ("<p>OSLO, May 5 — Norway's government said on Monday it would double its aid to Sudan this year, "
        "after the United Nations warned that famine was spreading across the country's west.</p>"
        "<p>\"We cannot look away,\" the development minister told reporters in Oslo, adding that the money "
        "would go to the World Food Programme and to local aid groups.</p>"
        "<p>The opposition said the increase should have come months ago, according to a statement.</p>")


def page(name: str):
    return extract(Offered(name, (SAMPLES / name).read_bytes(), "auto"))


def html(body: str = BODY, head: str = "", url: str | None = None):
    doc = f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"
    return extract(Offered("test.html", doc.encode("utf-8"), "html", {"url": url} if url else {}))


def test_news_page_with_site_chrome():
    p = page("ceasefire-talks-cairo.html")
    assert p.title == "Ceasefire talks resume in Cairo as mediators press both sides"
    assert p.authors == ["Hannah Lowe", "Omar Said"]
    assert (p.published, p.outlet) == ("2025-06-03", "The Meridian Courier")
    assert p.url == "https://www.meridiancourier.example/world/middle-east/ceasefire-talks-resume-cairo"
    assert (p.dateline.text, p.dateline.place, p.dateline.date) == ("CAIRO, June 3 —", "Cairo", "2025-06-03")
    assert [h.text for h in p.headings] == ["Sticking points remain", "Pressure from Washington"]
    assert p.text.startswith("CAIRO, June 3 — Egyptian and Qatari mediators")
    assert p.text.endswith("The talks are expected to continue on Wednesday, the officials said.")
    assert "Read more: Aid convoys stall at border crossing as rains flood roads" in p.removed
    for chrome in ("cookies", "Subscribe", "Advertisement", "Five things to know", "Comments", "newsletter",
                   "All rights reserved", "Tags:", "Photo: Meridian"):
        assert chrome not in p.text
    for h in p.headings:
        assert p.text[h.start:h.end] == h.text


def test_wordpress_page_with_meta_date_share_row_and_related_posts():
    p = page("eu-sanctions-gas-vote.html")
    assert p.title == "EU ministers agree new sanctions package after Hungary drops veto"
    assert p.published == "2024-03-12" and p.authors == ["Inês Kowalczyk"]
    assert p.dateline.place == "Brussels"
    assert [h.text for h in p.headings] == ["A last-minute deal", "Critics on both sides"]
    assert "Advertisement" in p.removed
    for chrome in ("Share this", "WhatsApp", "You may also like", "shadow fleet works", "Copyright"):
        assert chrome not in p.text


def test_embedded_post_is_read_in_place():
    p = page("belgrade-protest-arrests.html")
    paragraphs = p.text.split("\n\n")
    tweet = paragraphs.index("Students are marching from the faculty of law to the parliament. "
                             "Thousands on the bridge now. Peaceful so far.")
    assert paragraphs[tweet - 1].startswith("The interior minister, Dragan Vuković,")
    assert paragraphs[tweet + 2].startswith("The audit, published last week")
    assert p.published == "2025-02-09" and p.authors == ["Elena Markovic"]
    assert "Most Read" not in p.text and "Storm leaves thousands" not in p.text


def test_publication_date_over_update_date():
    p = page("court-blocks-deportations.html")
    assert p.published == "2025-02-11"
    assert p.title == "Federal judge blocks fast-track deportation policy"
    assert [h.text for h in p.headings] == ["Administration vows appeal", "What happens next"]
    assert "Filed under" not in p.text and "The Docket" not in p.text


def test_kicker_and_standfirst_before_a_dateline():
    p = page("runoff-election-analysis.html")
    assert p.title == "A runoff neither candidate wanted"
    assert p.authors == ["Lucía Ferreyra", "Tom Hadley"]
    assert "Analysis" in p.removed and not p.text.startswith("Analysis")
    assert p.dateline.text == "SANTIAGO, Oct. 26 —" and p.dateline.date == "2025-10-26"
    assert p.text[p.dateline.start:p.dateline.end] == p.dateline.text
    assert "a mandate to keep going" in p.text and "Share on Facebook" not in p.text


@pytest.mark.parametrize("head,h1,title", [
    ("<title>Norway doubles Sudan aid | Fjord Daily</title><meta property='og:site_name' content='Fjord Daily'>", "",
     "Norway doubles Sudan aid"),
    ("<title>Fjord Daily - Norway doubles Sudan aid</title><meta property='og:site_name' content='Fjord Daily'>", "",
     "Norway doubles Sudan aid"),
    ("<title>Norway doubles Sudan aid | World | Fjord Daily</title>", "", "Norway doubles Sudan aid"),
    ("<title>Norway doubles Sudan aid - Fjord Daily</title>", "<h1>Fjord Daily</h1>", "Norway doubles Sudan aid"),
    ("<title>Norway doubles aid - Fjord Daily</title>", "<h1>Norway doubles its aid to Sudan as famine spreads</h1>",
     "Norway doubles its aid to Sudan as famine spreads"),
    ("<meta property='og:title' content='Norway Doubles Sudan Aid'>", "<h1>NORWAY DOUBLES SUDAN AID</h1>",
     "Norway Doubles Sudan Aid"),
    ("<title>Norway &amp;amp; Sudan | Fjord Daily</title>", "", "Norway & Sudan"),
    ("<title>Norway doubles Sudan aid | Six things to know | Fjord Daily</title>", "", "Norway doubles Sudan aid"),
    ("<title>Aid | Norway doubles its aid to Sudan</title>", "", "Norway doubles its aid to Sudan"),
    ("<title>Fjord Daily</title>", "<h1>Fjord Daily doubles its Sudan coverage</h1>", "Fjord Daily doubles its Sudan coverage"),
    ("<title>Norway doubles Sudan aid</title>", "<h1>Norway doubles<br>Sudan aid<div class='posted-on'>May 5, 2025</div></h1>",
     "Norway doubles Sudan aid"),
    ("<title>Norway doubles Sudan aid</title>", "<h1>Norway doubles Sudan aid<h3>Posted on May 5, 2025 by desk</h3></h1>",
     "Norway doubles Sudan aid"),
    # a kicker a template nests in the headline is not part of it
    ("<title>Norway doubles Sudan aid | Fjord Daily</title>",
     "<h1><span class='article-kicker'>Famine in Darfur</span> Norway doubles Sudan aid</h1>", "Norway doubles Sudan aid"),
    ("<title>Norway doubles Sudan aid | Fjord Daily</title>",
     "<h1><div class='headline__eyebrow'>Exclusive</div><div>Norway doubles Sudan aid</div></h1>", "Norway doubles Sudan aid"),
    # a label in capitals that no metadata title repeats is not the headline
    ("<meta property='og:title' content='Norway doubles its aid to Sudan as famine spreads'>",
     "<h1>SUDAN AID TRACKER</h1>", "Norway doubles its aid to Sudan as famine spreads"),
    # a headline the metadata writes in capitals too keeps them
    ("<meta property='og:title' content='NORWAY DOUBLES SUDAN AID'><title>Norway Doubles Sudan Aid</title>",
     "<h1>NORWAY DOUBLES SUDAN AID</h1>", "NORWAY DOUBLES SUDAN AID"),
    ("<title>Aid to Sudan in 2025 - Infographic</title>", "", "Aid to Sudan in 2025"),
    ("<title>Aid to Sudan, explained | Podcast | Fjord Daily</title>", "", "Aid to Sudan, explained"),
    # a headline typeset with curly quotes that the metadata writes plain: the metadata's characters
    ("<meta property='og:title' content=\"Norway's aid to Sudan doubles\">", "<h1>Norway’s aid to Sudan doubles</h1>",
     "Norway's aid to Sudan doubles"),
    # a twitter:title that holds the page's description is not a title the headline can agree with:
    # the section label in the h1 ("Donor Briefings") shares a word with it, none with the titles
    ("<meta property='og:title' content='Norway doubles its aid to Sudan'>"
     "<meta name='twitter:title' content='Fjord Daily briefings on Norway, Sudan and the donors: figures on the "
     "famine, the pledges and the agencies working on the ground. Read the full story.'>",
     "<h1>Donor Briefings</h1>", "Norway doubles its aid to Sudan"),
    # a short title that ends a sentence is still a title
    ("<title>Aid is not charity. It is policy. | Fjord Daily</title>", "", "Aid is not charity. It is policy."),
    # a closing guillemet ends a quotation, not a segment of the title; after a section name it separates
    ("<title>Ministre : «Nous ne céderons pas» - Fjord Daily</title>", "", "Ministre : «Nous ne céderons pas»"),
    ("<meta property='og:title' content='Aide au Soudan : «Nous ne céderons pas»'>",
     "<h1>Le ministre : «Nous ne céderons pas»</h1>", "Le ministre : «Nous ne céderons pas»"),
    ("<title>World » Norway doubles Sudan aid</title>", "", "Norway doubles Sudan aid"),
    ("<title>Le ministre : « Nous ne céderons pas » - Fjord Daily</title>", "", "Le ministre : « Nous ne céderons pas »"),
    # the other separators templates set before a site's name
    ("<title>Norway doubles Sudan aid ⋆ Fjord Daily</title>", "", "Norway doubles Sudan aid"),
    ("<title>Norway doubles Sudan aid * Fjord Daily</title>", "", "Norway doubles Sudan aid"),
    ("<title>Fjord Daily › World › Norway doubles Sudan aid</title>", "", "Norway doubles Sudan aid"),
    ("<title>Norway doubles Sudan aid &lt; Fjord Daily</title>", "", "Norway doubles Sudan aid"),
    # a template that fills the site's name with the page's title: the headline the metadata repeats is
    # still the headline, not the site's name (and not the teaser headline under it)
    ("<meta property='og:site_name' content='Norway doubles Sudan aid'>"
     "<title>Norway doubles Sudan aid • Fjord Daily</title>",
     "<h1>Norway doubles Sudan aid</h1><h1>Norway doubles aid to refugee camps</h1>", "Norway doubles Sudan aid"),
    # ... but a logo headline is no headline where a template sets og:title to the site's name alone
    ("<meta property='og:title' content='Fjord Daily'><title>Norway doubles Sudan aid | Fjord Daily</title>",
     "<h1>Fjord Daily</h1><h1>Norway doubles Sudan aid</h1>", "Norway doubles Sudan aid"),
    # a headline whose characters the page lost to question marks in a conversion: the metadata's
    ("<title>Sudan aid: a donor’s guide | Fjord Daily</title>", "<h1>Sudan aid? a donor? guide</h1>",
     "Sudan aid: a donor’s guide"),
    # a headline asking a question the metadata leaves unmarked keeps its question mark
    ("<title>Will Norway double its Sudan aid | Fjord Daily</title>", "<h1>Will Norway double its Sudan aid?</h1>",
     "Will Norway double its Sudan aid?"),
    # two sentence-length halves of a headline either side of a pipe are both the headline; a short
    # tagline after one is not
    ("<title>Norway doubles its aid to Sudan | Ministers say the famine cannot wait</title>", "",
     "Norway doubles its aid to Sudan | Ministers say the famine cannot wait"),
    ("", "<h1>Norway doubles its aid to Sudan | Ministers say the famine cannot wait</h1>",
     "Norway doubles its aid to Sudan | Ministers say the famine cannot wait"),
    ("", "<h1>Norway doubles its aid to Sudan | Donors, Figures</h1>", "Norway doubles its aid to Sudan"),
    # characters that show nothing (soft hyphens, zero-width spaces) are not the headline's; a space
    # the JSON-LD writes as an entity is a space
    ("<title>Bundesregierung verdoppelt Sudan-Hilfe</title>",
     "<h1>Bundes&shy;regierung verdoppelt Sudan-&#8203;Hilfe</h1>", "Bundesregierung verdoppelt Sudan-Hilfe"),
    ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Norway doubles&nbsp;Sudan aid\"}"
     "</script>", "", "Norway doubles Sudan aid"),
    # a title cut short with an ellipsis (a share card's or a teaser's length limit) that another title
    # carries on is the longer one; a headline that ends in an ellipsis of its own keeps it
    ("<meta property='og:title' content='Norway doubles its aid to Sudan as famine…'>"
     "<title>Norway doubles its aid to Sudan as famine spreads west | Fjord Daily</title>", "",
     "Norway doubles its aid to Sudan as famine spreads west"),
    ("<title>Norway doubles its aid to Sudan as famine spreads west</title>", "<h1>Norway doubles its aid to Sudan as...</h1>",
     "Norway doubles its aid to Sudan as famine spreads west"),
    ("<title>The long wait for aid... | Fjord Daily</title>", "<h1>The long wait for aid…</h1>", "The long wait for aid…"),
])
def test_title_from_headline_and_metadata(head, h1, title):
    p = html(h1 + "<article>" + BODY + "</article>", head, url="https://www.fjorddaily.example/world/aid")
    assert p.title == title


def test_date_shown_on_the_page_wins_over_a_stale_metadata_date():
    head = ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": \"2019-01-01\"}"
            "</script>")
    p = html("<p class='meta'>Published May 5, 2025</p><article>" + BODY + "</article>", head)
    assert p.published == "2025-05-05"
    shown = ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": \"2025-05-05T10:00Z\"}"
             "</script>")
    p = html("<p>Last updated: May 7, 2025</p><p>First published May 5, 2025</p><article>" + BODY + "</article>", shown)
    assert p.published == "2025-05-05"


def test_tables_lists_and_bold_subheads():
    body = ("<article><p>ATHENS — The results, published by the interior ministry on Sunday, were as follows, "
            "officials said, with all polling stations counted.</p>"
            "<table><tr><th>Party</th><th>Share</th></tr><tr><td>New Democracy</td><td>40.6%</td></tr>"
            "<tr><td>Syriza</td><td>17.8%</td></tr></table>"
            "<p><strong>Turnout Falls Again</strong></p>"
            "<p>Turnout fell to 52 percent, the lowest since the restoration of democracy, the ministry said.</p>"
            "<ul><li>Voters abroad could vote by post for the first time.</li><li>Counting took six hours.</li></ul>"
            "<p>A second round is not needed, the electoral commission said on Monday morning.</p></article>")
    p = html(body)
    paragraphs = p.text.split("\n\n")
    assert "Party | Share" in paragraphs and "New Democracy | 40.6%" in paragraphs
    assert [h.text for h in p.headings] == ["Turnout Falls Again"]
    assert "Voters abroad could vote by post for the first time." in paragraphs


def test_no_body_is_an_input_error():
    from dateline.errors import InputError

    with pytest.raises(InputError) as err:
        html("<nav><a href='/'>Home</a></nav>")
    assert err.value.code == "E105"


def test_ordered_list_items_show_their_numbers():
    body = ("<article><p>LISBON — The city council approved a housing plan on Tuesday after a long debate, "
            "with three measures that take effect next year, officials said.</p>"
            "<ol><li><h3>Rent caps</h3><p>Rents on new leases may rise by no more than two percent a year, "
            "the plan says.</p></li><li>A register of empty flats, kept by the council.</li>"
            "<li>3) Grants for first-time buyers under thirty-five.</li></ol>"
            "<ul><li>The opposition voted against the plan as a whole.</li></ul>"
            "<p>The mayor said the plan would be reviewed after two years, according to the minutes.</p></article>")
    p = html(body)
    paragraphs = p.text.split("\n\n")
    assert [h.text for h in p.headings] == ["1. Rent caps"]
    assert "2. A register of empty flats, kept by the council." in paragraphs
    assert "3) Grants for first-time buyers under thirty-five." in paragraphs  # already numbered
    assert "The opposition voted against the plan as a whole." in paragraphs


@pytest.mark.parametrize("host,label", [("gardening.cals.cornell.edu", "cornell"), ("bbc.co.uk", "bbc"),
                                        ("news.abc.net.au", "abc"), ("fjorddaily.example", "fjorddaily"),
                                        ("localhost", "localhost")])
def test_registered_label_is_the_site_not_a_subdomain(host, label):
    from dateline.read.pagemeta import registered_label

    assert registered_label(host) == label


def test_headline_naming_a_subdomain_is_not_taken_for_the_site_name():
    p = html("<h1>Gardening in a warming world</h1><article>" + BODY + "</article>",
             "<title>Gardening in a warming world | Cornell Garden-Based Learning</title>",
             url="https://gardening.cals.cornell.edu/warming-world/")
    assert p.title == "Gardening in a warming world"


def test_the_date_shown_with_the_headline_is_the_date():
    ticker = "".join(f"<li><a href='/t{i}'>Latest headline number {i}</a> June {i + 1}, 2024</li>" for i in range(5))
    related = "".join(f"<li><a href='/p{i}'>Another story number {i}</a> March {i + 1}, 2019</li>" for i in range(9))
    ld = "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": \"2016-07-01\"}</script>"
    head = "<h1>Norway doubles its aid to Sudan</h1><p class='meta'>Oslo desk &middot; October 8, 2024</p>"
    page_ = ("<nav><ul>" + ticker + "</ul></nav>" + head + "<article>" + BODY + "</article>"
             "<aside><h2>Older stories</h2><ul>" + related + "</ul></aside>")
    url = "https://www.fjorddaily.example/2016/07/01/aid"
    assert html(page_, ld, url=url).published == "2024-10-08"  # not the metadata's, the address's or the ticker's
    both = head.replace("October 8, 2024", "Published October 8, 2024 &middot; Updated October 9, 2024")
    agreed = ld.replace("2016-07-01", "2024-10-09")
    assert html(both + "<article>" + BODY + "</article>", agreed, url=url).published == "2024-10-09"
    assert html(both + "<article>" + BODY + "</article>", url=url).published == "2024-10-08"  # the labelled one
    low = html("<h1>Norway doubles its aid to Sudan</h1><article>" + BODY + "</article>"
               "<footer><p>Printed edition of March 3, 2019</p></footer>", url=url)
    assert low.published == "2016-07-01"  # a date low on the page does not override the address's


def test_a_fuller_reading_is_taken_only_when_it_extends_the_article():
    from dateline.read.html import prefer_fuller

    lead = ("p", "The council approved the housing plan on Tuesday after a debate that lasted most of the night.")
    short = [("h", "Housing plan"), lead, ("p", "It has three parts, the mayor said in a statement.")]
    parts = [("i", f"Part {n}: a measure on rents, flats and grants that the council described at length.")
             for n in range(1, 4)]
    extended = short + parts
    assert prefer_fuller(short, extended) == extended
    gallery = [("p", "Photo 1 of 8: the council chamber, seen from the public gallery during the vote.")] * 3
    assert prefer_fuller(short, gallery + extended) == extended  # what comes before the article is not taken
    elsewhere = [("p", "Sign up for our newsletter and get the best stories of the week in your inbox.")] * 6
    assert prefer_fuller(short, [lead] + elsewhere) == short  # longer, but not the same article
    a_little_more = short + [("p", "Share this.")]
    assert prefer_fuller(short, a_little_more) == short  # hardly more: the default reading stands


def test_article_after_an_early_closing_html_tag_is_read():
    doc = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Aid</title></head><body>"
           "<header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header></body></html>"
           "<div class='story'><article>" + BODY + "</article></div><footer>Fjord Daily</footer>")
    p = extract(Offered("stitched.html", doc.encode("utf-8"), "html"))
    assert p.text.startswith("OSLO, May 5 — Norway's government said on Monday")
    assert p.text.endswith("according to a statement.")


def test_text_laid_out_twice_is_read_once_but_repeated_labels_stay():
    from dateline.read.html import drop_repeated_passages

    prose = [("p", f"Paragraph {n} explains how the council will pay for the plan over the next ten years.")
             for n in range(3)]
    removed: list[str] = []
    units = [("h", "The plan")] + prose + [("h", "Mobile version")] + prose + [("p", "The end of the story.")]
    assert drop_repeated_passages(units, removed) == [("h", "The plan")] + prose + [
        ("h", "Mobile version"), ("p", "The end of the story.")]
    assert removed == [s for _, s in prose]
    plan = [("h", "Monday"), ("p", "Breakfast"), ("p", "Eat within an hour of waking up."),
            ("h", "Tuesday"), ("p", "Breakfast"), ("p", "Eat within an hour of waking up.")]
    assert drop_repeated_passages(plan, []) == plan


@pytest.mark.parametrize("names,part", [("partner-cta-list", False), ("partner-cta", True), ("cli-modal clisettings", True),
                                        ("modal-dialog", True), ("box article modal-enabled", False),
                                        ("footer-disclaimer", True), ("tooltip", True), ("ctabox", False),
                                        ("cta-button", False), ("entry-content", False),
                                        ("Term_tooltip__8VNIW", True), ("footer-disclaimer-2", True)])
def test_class_names_that_name_a_part_of_the_page(names, part):
    from dateline.read.html import names_page_part

    assert names_page_part(names) is part


def test_calls_to_action_pop_ups_and_tooltips_are_not_the_article():
    body = ("<article><p>OSLO, May 5 — Norway's government said on Monday it would double its aid to Sudan this "
            "year, after the United Nations warned that famine was spreading across the country's "
            "<span class='glossary'>west<span class='tooltip'>The Darfur region and its neighbours.</span></span>.</p>"
            "<div class='page-cta'><p>Support independent journalism today: become a member for one euro a week.</p></div>"
            + BODY.split("</p>", 1)[1] + "</article>"
            "<div class='modal-dialog'><p>Sign in to keep reading as many stories as you like, for free.</p></div>")
    p = html(body)
    assert "country's west." in p.text
    for furniture in ("Darfur", "become a member", "Sign in"):
        assert furniture not in p.text
    assert p.text.endswith("according to a statement.")


def test_a_table_in_an_embed_block_is_read():
    table = ("<div class='w-embed'><table><tr><th>Region</th><th>Aid</th></tr>"
             "<tr><td>Darfur</td><td>40 million</td></tr><tr><td>Kordofan</td><td>25 million</td></tr></table></div>")
    parts = BODY.split("</p>")
    p = html("<article>" + parts[0] + "</p>" + table + "</p>".join(parts[1:]) + "</article>")
    assert "Darfur | 40 million" in p.text.split("\n\n")


def test_what_follows_the_article_from_a_closing_heading_is_removed():
    from dateline.read.html import trailing_section

    story = [("p", f"Paragraph {n} of the story about the housing plan and what it will cost.") for n in range(6)]
    after = [("h", "Read This Next"), ("p", "Another story: the mayor's budget, explained in five charts.")]
    assert trailing_section(story + after) == 6
    sources = [("p", "Article Sources:"), ("i", "1. City council minutes, 3 June 2025.")]
    assert trailing_section(story + sources) == 6
    near_top = [story[0], ("h", "Related stories"), *story[1:]]
    assert trailing_section(near_top) == len(near_top)  # too near the top to close the article
    faq = story + [("h", "Frequently asked questions"), story[0]]
    assert trailing_section(faq) == len(faq)  # a section of the article itself


def test_a_note_about_the_author_closing_the_page_is_not_the_article():
    from dateline.read.html import author_note

    story = [("p", f"Paragraph {n} of the column on the housing plan and what it will cost.") for n in range(5)]
    note = [("p", "Ingrid Solberg is a freelance writer based in Bergen who covers housing.")]
    assert author_note(story + note, ["Ingrid Solberg"]) == 5
    assert author_note(story + note, ["Fjord Daily"]) == 6  # the note must name one of the authors
    quoted = [("p", "Ingrid Solberg is right, the mayor said, and the plan will pass.")] + story
    assert author_note(quoted, ["Ingrid Solberg"]) == 6  # too far from the end to be a closing note


def test_subheadings_lost_between_paragraphs_are_put_back():
    from lxml import html as lxml_html

    from dateline.read.html import restore_headings

    page = lxml_html.fromstring(
        "<html><body><div><p>First paragraph of the plan.</p><h2>What it costs</h2><h3>1. Rents</h3>"
        "<p>Second paragraph, on rents.</p><h3><a href='/other'>Another story entirely</a></h3>"
        "<p>Third paragraph.</p><h3>Key facts</h3><ul><li>Two percent</li></ul><p>Fourth paragraph.</p></div>"
        "<ul class='related'><li><h4>A teaser headline</h4></li></ul></body></html>")
    units = [("p", "First paragraph of the plan."), ("p", "Second paragraph, on rents."), ("p", "Third paragraph."),
             ("i", "Two percent"), ("p", "Fourth paragraph.")]
    assert restore_headings(page, units) == [units[0], ("h", "What it costs"), ("h", "1. Rents"), *units[1:]]


def test_lists_an_article_announces_with_a_colon_are_put_back_when_the_reading_lost_them():
    from lxml import html as lxml_html

    from dateline.read.html import restore_lists

    pliers = "Pliers grip, bend and cut wire; a good pair lasts a working life if it is kept dry and clean."
    testers = "Testers tell you whether a wire is live before you touch it, which is the first rule of the trade."
    ladders = "Work at height needs a ladder that does not conduct, and a second person to hold it steady."
    closing = "Buy the best tools you can afford: cheap ones fail when you need them most, the instructors say."
    page = lxml_html.fromstring(
        f"<html><body><article><p>{pliers}</p><h4>Our picks:</h4>"
        "<ul><li><a href='https://shop.example/a'>Harbor 12-inch pliers</a></li>"
        "<li><a href='https://shop.example/b'>Keel pliers</a></li></ul>"
        f"<p>{testers}</p><h4>Our picks:</h4>"
        "<ol><li><a href='https://shop.example/c'>Lumen voltage pen</a></li><li>Ridge socket tester</li></ol>"
        f"<p>{ladders}</p><p>You will need:</p><ul><li>a ladder</li><li>gloves rated for the voltage</li></ul>"
        "<p>Related stories:</p><ul><li><a href='/a'>How to wire a plug</a></li><li><a href='/b'>Fuses explained</a></li></ul>"
        "<p>Tags:</p><ul><li><a href='/t/a'>Tools</a></li><li><a href='/t/b'>Safety</a></li></ul>"
        f"<p>{closing}</p><p>More on the trade:</p><ul><li><a href='/c'>Apprenticeships</a></li>"
        "<li><a href='/d'>Wages in 2025</a></li></ul>"
        "</article><aside><p>Shop now:</p><ul><li><a href='/s'>Sale</a></li><li><a href='/t'>Gifts</a></li></ul></aside>"
        "</body></html>")
    units = [("p", pliers), ("h", "Our picks:"), ("p", testers), ("h", "Our picks:"), ("p", ladders),
             ("p", "You will need:"), ("i", "gloves rated for the voltage"),  # read in part: left as read
             ("p", "Related stories:"), ("p", "Tags:"), ("p", "Shop now:"),  # other stories, chrome, an aside
             ("p", closing), ("p", "More on the trade:")]  # after the article's last paragraph
    assert restore_lists(page, units) == [
        units[0], units[1], ("i", "Harbor 12-inch pliers"), ("i", "Keel pliers"),
        units[2], units[3], ("i", "1. Lumen voltage pen"), ("i", "2. Ridge socket tester"), *units[4:]]


def test_a_list_of_product_links_the_article_announces_is_read():
    prose = "".join(f"<p>Paragraph {n} on choosing tools for an electrician, with enough words in it to read as "
                    "prose in an article about a trade.</p>" for n in range(1, 4))
    p = html("<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/blog'>Blog</a></li></ul></nav></header>"
             "<main><article><h1>Tools every electrician needs</h1>" + prose +
             "<h3>1. Multimeter</h3><p>A multimeter measures voltage, current and resistance, so a fault can be "
             "traced quickly and safely.</p><h4>Our picks:</h4>"
             "<ul><li><h2><a href='https://shop.example/h117'>Harbor 117 meter</a></h2></li>"
             "<li><h2><a href='https://shop.example/k400'>Keel MM400 meter</a></h2></li></ul>"
             "<h3>2. Wire strippers</h3><p>Strippers take the insulation off a wire without nicking the copper "
             "beneath it.</p>" + prose + "</article></main><footer><p>© 2025 Example</p></footer>")
    assert "Our picks:\n\nHarbor 117 meter\n\nKeel MM400 meter\n\n2. Wire strippers" in p.text
    assert "Home" not in p.text


def test_the_article_body_a_page_declares_is_read_when_the_reading_found_a_part():
    import json as json_module

    from lxml import html as lxml_html

    from dateline.read.html import declared_reading, prefer_declared
    from dateline.read.pagemeta import read_markup

    slides = [f"Slide {n}: a flat in the old town, renovated under the plan, with rent capped at two percent."
              for n in range(1, 5)]
    declared = {"@type": "NewsArticle", "articleBody": "The council's plan, in pictures. " + " ".join(slides)}
    page = lxml_html.fromstring(
        "<html><head><script type='application/ld+json'>" + json_module.dumps(declared) + "</script></head><body>"
        "<p>The council's plan, in pictures.</p><div class='slideshow'><h3>The old town</h3>"
        + "".join(f"<p>{s}</p>" for s in slides) + "</div><p>Sign up for our newsletter today, it is free.</p></body></html>")
    blocks = declared_reading(page, read_markup(page, None).declared_bodies)
    lead = ("p", "The council's plan, in pictures.")
    assert blocks == [lead] + [("p", s) for s in slides]  # not the heading nor the newsletter: not declared
    assert prefer_declared([lead, ("p", slides[0])], blocks) == blocks
    whole = [lead] + [("p", s) for s in slides] + [("p", "Photos by the council.")]
    assert prefer_declared(whole, blocks) == whole  # nothing missing: the reading stands
    elsewhere = [("p", "Sign up for our newsletter today, it is free.")]
    assert prefer_declared(elsewhere, blocks) == elsewhere  # a reading of another part of the page stands


@pytest.mark.parametrize("line,meta", [("August 16, 2019 - Updated July 9, 2025", True),
                                       ("Jun 08, 2023 • 11 Minute Read", True), ("3 MIN. READ", True),
                                       ("Published Oct 10, 2023 - [Updated Dec 3, 2025]", True),
                                       ("The vote - held on May 5, 2025 - passed easily", False),
                                       ("Oslo - May 5, 2025", False)])
def test_lines_of_dates_and_reading_times_are_page_furniture(line, meta):
    from dateline.read.html import is_meta_line

    assert is_meta_line(line) is meta


def test_title_and_author_name_before_the_body_are_not_the_article():
    from dateline.read.html import tidy_units

    units = [("p", "Norway doubles its aid to Sudan"), ("p", "INGRID SOLBERG"),
             ("p", "OSLO — Norway's government said on Monday it would double its aid to Sudan this year."),
             ("p", "Ingrid Solberg, the minister's spokeswoman, confirmed the figure.")]
    kept, removed, _ = tidy_units(units, "Norway doubles its aid to Sudan", None, ["Ingrid Solberg"])
    assert kept == units[2:]  # the name inside the body stays
    assert removed == ["Norway doubles its aid to Sudan", "INGRID SOLBERG"]


def test_a_closing_list_of_dated_post_titles_is_not_the_article():
    from dateline.read.html import trailing_dated_titles

    story = [("p", "The last paragraph of the post - written on May 5, 2025 - about the plan.")]
    posts = [("p", "Just This Next Step - December 16, 2019"), ("p", "Waiting in Line, Mindfully - December 9, 2019")]
    assert trailing_dated_titles(story + posts) == 1
    assert trailing_dated_titles(story + posts[:1]) == 2  # one dated line is not a list


def test_a_quotation_set_in_a_figure_is_read_with_its_attribution():
    quote = ("<figure class='quote-card'><img src='face.jpg' alt=''><blockquote class='big-quote'><p>We will not "
             "let a single family go hungry this winter, whatever it costs the treasury.</p></blockquote>"
             "<figcaption>Anne Beathe Tvinnereim, development minister</figcaption></figure>")
    photo = "<figure><img src='camp.jpg'><figcaption>A camp near El Fasher in April.</figcaption></figure>"
    parts = BODY.split("</p>")
    p = html("<article>" + parts[0] + "</p>" + quote + photo + "</p>".join(parts[1:]) + "</article>")
    assert "We will not let a single family go hungry this winter, whatever it costs the treasury." in p.text
    assert "Anne Beathe Tvinnereim, development minister" in p.text
    assert "El Fasher" not in p.text  # a photo's caption is not the article


def test_an_article_discarded_for_a_word_inside_its_class_name_is_read_blind_to_class_names():
    from lxml import html as lxml_html

    from dateline.read.html import ArticleBlocks, class_blind_reading

    paragraphs = "".join(
        f"<p>Part {n} of the guide: how a course is planned, written, tested with learners and improved "
        f"after every run, so that what people learn sticks with them for years.</p>" for n in range(1, 9))
    page = ("<html><body><main><div class='hero'><h1>What is an online course?</h1></div>"
            f"<div class='content'><div class='copy bard'>{paragraphs}</div></div>"  # "bard" holds "bar"
            "<section class='promo'><h2>Train your team with us</h2><p>Book a demo today.</p></section>"
            "<div class='comments'><p>Great guide, thanks! I used it for my own course last spring and it "
            "helped a lot with the planning of every module.</p></div></main></body></html>")
    promo = [("h", "Train your team with us"), ("p", "Book a demo today.")]  # a reading that missed the article
    prose = ArticleBlocks.of(lxml_html.fromstring(page)).prose
    units = class_blind_reading(lxml_html.fromstring(page), None, promo, prose)
    text = " ".join(s for _, s in units)
    assert "Part 1 of the guide" in text and "Part 8 of the guide" in text
    assert "Great guide" not in text  # the comments stay out of the blind reading
    found = [("p", f"Part {n} of the guide.") for n in range(1, 9)]  # a reading that found it stands
    assert class_blind_reading(lxml_html.fromstring(page), None, found * 20, prose) == found * 20


def test_page_prose_counts_paragraphs_of_the_article_not_navigation():
    from lxml import html as lxml_html

    from dateline.read.html import ArticleBlocks

    long = "A paragraph of prose long enough to be part of an article rather than a label or a link."
    tree = lxml_html.fromstring(f"<html><body><nav><p>{long}</p></nav><p>{long}</p><p>Short label</p>"
                                f"<footer><p>{long}</p></footer></body></html>")
    assert ArticleBlocks.of(tree).prose == len(long)


def test_a_reading_is_in_doubt_only_when_it_skips_text_inside_the_article():
    from lxml import html as lxml_html

    from dateline.read.html import ArticleBlocks

    steps = "".join(f"<li>Step {n}: measure the room twice, then mark where each shelf goes.</li>" for n in range(6))
    intro = "Fitting shelves takes an afternoon and a few tools, and the result lasts for many years."
    outro = "Once the shelves are up, wait a day before you load them with your heaviest books."
    related = "".join(f"<p>Another guide on this site, number {n}, tells you how to hang a door.</p>" for n in range(6))
    tree = lxml_html.fromstring(f"<html><body><nav><ul><li>{'Home and garden guides ' * 3}</li></ul></nav>"
                                f"<p>{intro}</p><ol>{steps}</ol><p>{outro}</p><div>{related}</div></body></html>")
    blocks = ArticleBlocks.of(tree)
    assert blocks.in_doubt([("p", intro), ("p", outro)])  # the steps between them were not read
    read_all = [("p", intro)] + [("i", f"Step {n}: measure the room twice, then mark where each shelf goes.")
                                 for n in range(6)] + [("p", outro)]
    assert not blocks.in_doubt(read_all)  # the navigation's text and the related guides after it do not count
    assert not blocks.in_doubt([("p", intro)] + read_all[1:3])  # the reading stops early: no hole in it


def test_a_templates_filler_text_is_not_the_article():
    from dateline.read.html import is_placeholder, tidy_units

    assert is_placeholder("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.")
    assert not is_placeholder("The minister said the plan would cost two billion kroner over four years.")
    assert is_placeholder("Head Line 2") and is_placeholder("Headline 3")
    assert not is_placeholder("Headline inflation rose to 3 per cent in May.")
    units = [("p", "The council approved the housing plan on Monday after a long debate."),
             ("p", "It takes effect in January."), ("p", "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod "
                                         "tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam.")]
    kept, removed, _ = tidy_units(units, None)
    assert kept == units[:2]
    assert units[2][1] in removed


def test_a_section_whose_id_spells_its_heading_is_read():
    from lxml import html as lxml_html

    from dateline.read.html import drop_heading_anchors

    page = lxml_html.fromstring(
        "<html><body><div id='menu-planning-for-guests-with-allergies'><h2>Menu planning for guests with allergies"
        "</h2><p>Ask every guest.</p></div><div id='main-menu'><h2>Main menu</h2></div>"
        "<div id='nav-links-for-this-site'><h3>Other pages</h3></div></body></html>")
    drop_heading_anchors(page)
    assert [el.get("id") for el in page.iter("div")] == [None, "main-menu", "nav-links-for-this-site"]
    section = ("<div id='menu-planning-for-guests-with-allergies'><h2>Menu planning for guests with allergies</h2>"
               "<p>Ask every guest about allergies when they reply to the invitation, and print the list for the "
               "kitchen, so that nobody has to guess what is safe to serve at the buffet.</p></div>")
    parts = BODY.split("</p>")
    p = html("<article>" + parts[0] + "</p>" + section + "</p>".join(parts[1:]) + "</article>")
    assert "Ask every guest about allergies" in p.text


def test_a_widget_block_inside_the_article_loses_the_word_trafilatura_discards():
    from lxml import html as lxml_html

    from dateline.read.html import keep_article_widgets

    prose = ("A visit to find the fault in a house with no power costs a flat fee, which includes the call out, "
             "the search and small adjustments; parts are extra.")
    tree = lxml_html.fromstring(
        "<html><body><main>"
        f"<div id='prices' class='so-panel widget widget_text'><div class='textwidget'><p>{prose}</p></div></div>"
        "<div id='table' class='widget'><table><tr><td>Moving a socket</td><td>300 kroner</td></tr></table></div>"
        "<div id='rating' class='rating-widget'><p>Was this guide useful?</p></div>"
        f"<div id='cta' class='zone-widget-cta-letter'><p>{prose}</p></div>"
        f"<div id='toc' class='module-widget'><nav><a href='#a'>Costs</a></nav><p>{prose}</p></div>"
        f"<aside><div id='aside' class='widget'><p>{prose}</p></div></aside></main>"
        f"<div class='sidebar'><div id='sidebar' class='widget'><p>{prose}</p></div></div>"
        f"<div id='outside' class='widget'><p>{prose}</p></div></body></html>")
    keep_article_widgets(tree)
    classes = {el.get("id"): el.get("class") for el in tree.iter() if el.get("id")}
    assert classes["prices"] == "so-panel module module_text"
    assert tree.xpath("//div[@class='textmodule']")  # the widgets inside it too
    assert classes["table"] == "module"
    for furniture in ("rating", "cta", "toc", "aside", "sidebar", "outside"):
        assert "widget" in classes[furniture]


def test_text_in_an_embed_block_that_embeds_nothing_is_read():
    card = ("<div class='mover-profile embed'><h3>Fjord Movers</h3><p>A family firm that has moved households "
            "between Bergen and Oslo since 1982, with its own crews and storage.</p><ul><li>Packing</li>"
            "<li>Storage</li><li>Piano moving</li></ul></div>")
    video = ("<div class='video-embed'><iframe src='https://video.example/embed/1'></iframe>"
             "<p>Watch the minister's press conference in full, with sign language interpretation.</p></div>")
    parts = BODY.split("</p>")
    p = html("<article>" + parts[0] + "</p>" + card + video + "</p>".join(parts[1:]) + "</article>")
    assert "A family firm that has moved households between Bergen and Oslo since 1982" in p.text
    assert "Piano moving" in p.text
    assert "press conference" not in p.text


def test_an_ordered_list_going_on_from_an_earlier_one_keeps_its_numbers():
    steps = ("<ol><li><p><strong>Know your readers</strong></p></li></ol>"
             "<p>Find out what they already know before you write a word of the course, and what they need.</p>"
             "<ol start='2'><li><p><strong>Plan the lessons</strong></p></li><li>Write them</li></ol>"
             "<p>Short lessons with one idea each are easier to follow than long ones that cover many.</p>")
    parts = BODY.split("</p>")
    p = html("<article>" + parts[0] + "</p>" + steps + "</p>".join(parts[1:]) + "</article>")
    lines = p.text.split("\n\n")
    assert "1. Know your readers" in lines
    assert "2. Plan the lessons" in lines and "3. Write them" in lines


def test_a_table_laying_out_a_column_is_read_block_by_block():
    from lxml import etree

    from dateline.read.htmlbody import body_units

    body = etree.fromstring("<body><table><row><cell><head rend='h2'>Upper falls</head><p>The camera looks at "
                            "the upper fall from the valley floor.</p><p>View camera</p></cell></row>"
                            "<row><cell>Name</cell><cell><p>Lower falls</p></cell></row></table></body>")
    assert body_units(body) == [("h", "Upper falls"), ("p", "The camera looks at the upper fall from the valley "
                                "floor."), ("p", "View camera"), ("r", "Name | Lower falls")]


def test_closing_headings_inviting_to_read_on_end_the_article():
    from dateline.read.html import trailing_section

    story = [("p", f"Paragraph {n} of the guide to choosing a removal firm and what it will cost.") for n in range(6)]
    for heading in ("You may also be interested in the following articles:", "You may be interested in the "
                    "following topics as well", "Stay ahead with Fjord Movers", "Explore More Removal Guides"):
        after = [("h", heading), ("p", "Packing a kitchen: a checklist for moving day.")]
        assert trailing_section(story + after) == 6, heading
    article = story + [("h", "Stay calm on moving day"), story[0]]
    assert trailing_section(article) == len(article)


def test_a_question_set_on_a_button_is_read_with_its_answer():
    faq = ("<h2>Questions people ask</h2><div class='faq'>"
           "<div class='faq-item'><button class='faq-toggle' aria-expanded='false'>How long does a move from "
           "Bergen to Oslo take?</button><div class='faq-answer'><p>Most removals between the two cities take two "
           "days: one to load the van and drive, one to unload.</p></div></div>"
           "<div class='faq-item'><button class='faq-toggle'>Show more answers</button></div></div>")
    parts = BODY.split("</p>")
    p = html("<header><button>Do you want our newsletter?</button></header><article>" + "</p>".join(parts)
             + faq + "</article>")
    lines = p.text.split("\n\n")
    assert "How long does a move from Bergen to Oslo take?" in lines
    assert "Show more answers" not in p.text
    assert "newsletter" not in p.text


# ---------------------------------------------------------------- failure patterns on unseen pages

def test_a_blind_reading_that_takes_in_more_than_the_pages_prose_is_refused():
    from lxml import html as lxml_html

    from dateline.read.html import ArticleBlocks, class_blind_reading

    article = "".join(f"<p>Paragraph {n} of the report on the harbour: cranes, berths, and who pays for the "
                      f"dredging that the port authority has put off for years.</p>" for n in range(6))
    related = "".join(f"<div><h2>Another story {n}</h2>" + "".join(
        f"<p>Story {n}, paragraph {k}: a whole other article about the town's budget, its schools and "
        f"its roads, set out in full under the report.</p>" for k in range(8)) + "</div>" for n in range(5))
    page = f"<html><body><main><div class='copy bard'>{article}</div>{related}</main></body></html>"
    tree = lxml_html.fromstring(page)
    read = [("p", "Paragraph 0 of the report on the harbour: cranes, berths, and who pays for the dredging "
                  "that the port authority has put off for years.")]
    # the page's prose counted as the article alone (the related stories stood in asides before the
    # class names were removed): a blind reading with all of them is more than twice that
    assert class_blind_reading(tree, None, read, ArticleBlocks.of(lxml_html.fromstring(
        f"<html><body>{article}</body></html>")).prose) == read
    assert len(class_blind_reading(lxml_html.fromstring(page), None, read, ArticleBlocks.of(tree).prose)) > 6


def test_references_an_article_cites_stay_with_it_and_others_close_it():
    from dateline.read.html import trailing_section

    body = [("p", f"Paragraph {n} on rents in the city, which rose again this year.") for n in range(6)]
    refs = [("h", "References"), ("p", "Redfin (2025). Data Center."), ("p", "Zillow (2024). Rent index.")]
    cited = body[:-1] + [("p", "Rents rose 4 percent (Redfin, 2025), faster than wages [1] and prices [2].")]
    assert trailing_section(cited + refs) == len(cited + refs)  # cited in the text: part of the article
    assert trailing_section(body + refs) == len(body)  # cited nowhere: a list after the article


def test_a_second_copy_of_the_article_is_dropped_even_with_other_quotation_marks():
    from dateline.read.html import drop_repeated_passages

    paragraphs = [f"The council said it's \"ready\" to vote on plan number {n}, officials told reporters on Monday."
                  for n in range(3)]
    copy = [p.replace('"', "“", 1).replace('"', "”", 1).replace("'", "’") for p in paragraphs]
    removed: list[str] = []
    units = [("p", p) for p in paragraphs] + [("h", "Print this page")] + [("p", p) for p in copy]
    assert drop_repeated_passages(units, removed) == [("p", p) for p in paragraphs] + [("h", "Print this page")]
    assert removed == copy
    teaser = "A long opening paragraph, given again in a teaser box: " + "the harbour, its cranes and berths, " * 6 + "and more."
    removed = []
    kept = drop_repeated_passages([("p", teaser), ("p", "Another paragraph."), ("p", teaser)], removed)
    assert kept == [("p", teaser), ("p", "Another paragraph.")] and removed == [teaser]


def test_an_article_split_by_an_advertisement_into_sibling_containers_is_read_whole():
    from lxml import html as lxml_html

    from dateline.read.html import continue_split_article

    first = [f"Part one, paragraph {n}: the ferry service ends in March, the operator said in a statement."
             for n in range(2)]
    second = [f"Part two, paragraph {n}: islanders will rely on a weekly supply boat until a new contract starts."
              for n in range(2)]
    tree = lxml_html.fromstring(
        "<html><body><article><div class='entry'>" + "".join(f"<p>{p}</p>" for p in first) + "</div>"
        "<div class='ad-slot'><p>Advertisement</p></div><div class='entry'><h2>What comes next</h2>"
        + "".join(f"<p>{p}</p>" for p in second) + "</div></article>"
        "<div class='related'><p>Another story entirely, about the ferry company's new ships, set in a teaser.</p></div>"
        "</body></html>")
    units = continue_split_article(tree, [("p", p) for p in first])
    assert units == [("p", p) for p in first] + [("h", "What comes next")] + [("p", p) for p in second]


def test_paragraphs_run_together_are_read_apart():
    from lxml import html as lxml_html

    from dateline.read.html import unglue

    blocks = [("h", "Attention and control"),
              ("p", "Practice strengthens the brain's command system, which regulates working memory and focus."),
              ("h", "Rumination"),
              ("p", "Meditation seems to quiet down the network that is active when the mind wanders, studies say."),
              ("p", "Long-term practitioners showed thicker grey matter in regions tied to attention, it said."),
              ("p", "The effects were smaller in people who had practised for less than a year, the authors noted."),
              ("p", "A larger trial is planned for next spring in three cities, with two thousand adults.")]
    html = "".join(f"<{'h2' if k == 'h' else 'p'}>{t}</{'h2' if k == 'h' else 'p'}>" for k, t in blocks)
    tree = lxml_html.fromstring(f"<html><body><div>{html}</div></body></html>")
    glued = "".join(t for _, t in blocks)  # "...controlPractice ...focus.Rumination..."
    assert unglue(tree, [("p", glued)]) == blocks
    apart = [("p", t) for _, t in blocks]
    assert unglue(tree, apart) == apart  # paragraphs already apart stay as they are


@pytest.mark.parametrize("mark", [
    '<span class="author-name">Maren Holt</span>', '<a rel="author" href="/staff/maren-holt">Maren Holt</a>',
    '<div class="byline">By Maren Holt</div>', '<span itemprop="author">Maren Holt</span>',
    '<p class="post-Byline">By Maren Holt</p>', '<span id="article-author">Maren Holt</span>',
    '<div class="story-writer">Maren Holt</div>', '<span class="username">mholt</span>',
    '<div data-component="ArticleByline">Maren Holt</div>', '<author>Maren Holt</author>',
])
def test_the_markup_search_for_authors_is_skipped_only_where_no_mark_stands(mark):
    """Where the page marks its author, the cheap test lets trafilatura's search run and both find the
    same name; where nothing marks one, neither finds any."""
    from trafilatura.metadata import extract_author

    from dateline.read.html import parse
    from dateline.read.pagemeta import may_mark_authors, marked_authors
    from dateline.read.text import clean_authors

    marked = parse(f"<html><body><article>{mark}{BODY}</article></body></html>")
    assert may_mark_authors(marked) and extract_author(marked)
    assert marked_authors(marked) == clean_authors([extract_author(marked)])
    bare = parse(f"<html><body><article><p class='lede'>By the desk</p>{BODY}</article></body></html>")
    assert not may_mark_authors(bare) and extract_author(bare) is None and marked_authors(bare) == []


def test_htmldate_is_not_asked_where_the_page_shows_one_labelled_day():
    """A page without a metadata date that shows one day, under "Published": htmldate could only
    confirm it or be overruled by it, so it is not asked; with two days shown it decides."""
    from dateline.read.dates import shown_dates
    from dateline.read.pagemeta import Markup, choose_published

    def htmldate():
        raise AssertionError("htmldate asked")

    one_day = shown_dates("Harbour fees rise. Published: March 4, 2025. The port authority said on March 4, 2025 ...")
    assert choose_published(Markup(), htmldate, [], lambda: one_day) == "2025-03-04"
    two_days = shown_dates("Published: March 4, 2025. The fees were first raised on June 2, 2019.")
    assert choose_published(Markup(), lambda: "2019-06-02", [], lambda: two_days) == "2019-06-02"
    assert choose_published(Markup(), lambda: None, [], lambda: two_days) == "2025-03-04"


def test_every_word_trafilatura_searches_for_an_author_by_is_one_the_cheap_test_knows():
    """Each literal of trafilatura's author xpaths (each alternative of its regular expressions, a
    letter class such as ``[Aa]`` read as its lower-case letter) holds one of the words the test for
    marks looks for, in an attribute it reads; ``rel='me'`` reads an element named rel, which the
    test looks for too."""
    import re

    from trafilatura.xpaths import AUTHOR_XPATHS

    from dateline.read.pagemeta import _AUTHOR_MARK_VALUES, _AUTHOR_MARK_WORDS

    read = set(re.findall(r"@([\w-]+)", _AUTHOR_MARK_VALUES.path))
    assert {name for x in AUTHOR_XPATHS for name in re.findall(r"@([\w-]+)", x.path)} <= read
    literals = [alt for x in AUTHOR_XPATHS for lit in re.findall(r"'([^']*)'", x.path) for alt in lit.split("|")]
    assert len(literals) > 10
    for literal in literals:
        word = re.sub(r"\[(\w)\w\]", r"\1", literal).lower()
        assert word == "me" or any(w in word for w in _AUTHOR_MARK_WORDS), literal


def test_class_values_holding_a_page_part_word_are_found_in_the_joined_names():
    """The values holding a word are told from where the word stands in all of them joined, and
    asked one by one where lower-casing changes a value's length ("İ")."""
    from dateline.read.html import _names_holding

    names = ["site-header", "Newsletter-CTA box", "article-body", "cta", "Modal-Open", "x"]
    every = "\n".join(names).lower()
    assert _names_holding(names, every, ["cta", "modal"]) == [1, 3, 4]
    turkish = ["İstanbul-modal", "cta-box", "x"]
    assert _names_holding(turkish, "\n".join(turkish).lower(), ["cta", "modal"]) == [0, 1]
