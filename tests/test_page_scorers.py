"""The pages and pasted scorers: title comparison, and rendering a page to paste."""
from __future__ import annotations

from dateline.evaluate.pages import same_title
import pytest

from dateline.evaluate.pasted import CHROMIUM, CHROMIUM_ARGS, chromium_available, render, same_shown_title, title_shown


def test_a_title_typed_with_straight_quotes_is_the_same_title_in_the_second_measure_only():
    assert same_title("We’ve  Compiled the “Top” 7", "We've Compiled the \"Top\" 7") == (False, True)
    assert same_title("A Beginner’s Guide", "A Beginner’s Guide") == (True, True)
    assert same_title("A Beginners Guide", "A Beginner's Guide") == (False, False)


def test_a_pasted_title_is_shown_when_it_is_a_whole_line_and_capitals_from_a_style_sheet_are_the_same_title():
    pasted = "Menu\nWHAT’S CHANGING IN PLUMBING CODES?\nBy A. Writer\nThe state adopted new codes.\n"
    assert title_shown(pasted, "What's Changing in Plumbing Codes?")
    assert not title_shown(pasted, "What's Changing in Plumbing Codes? | Plumbers Weekly")
    assert not title_shown(pasted, "Changing")  # a part of a line is not the title shown
    assert same_shown_title("WHAT’S CHANGING IN PLUMBING CODES?", "What's Changing in Plumbing Codes?")
    assert not same_shown_title("What’s changing in plumbing codes?", "What's Changing in Plumbing Codes?")
    assert not same_shown_title("MENU", "What's Changing in Plumbing Codes?")


@pytest.mark.skipif(not chromium_available(), reason="needs Debian's chromium and playwright")
def test_a_page_whose_address_carries_a_fragment_is_rendered_not_refused():
    from playwright.sync_api import sync_playwright

    html = b"<html><body><h1>Council Votes on Budget</h1><p>The council met on Tuesday.</p></body></html>"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            text = render(browser, html, "https://news.example.org/2024/05/budget/#comment-12")
        finally:
            browser.close()
    assert "Council Votes on Budget" in text and "The council met on Tuesday." in text
