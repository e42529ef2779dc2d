"""The pages and pasted scorers' title comparison."""
from __future__ import annotations

from dateline.evaluate.pages import same_title
from dateline.evaluate.pasted import same_shown_title, title_shown


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
