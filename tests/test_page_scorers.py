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


def test_a_pasted_set_is_scored_from_its_cached_texts(tmp_path):
    from dateline.evaluate.pasted import Shown, score_pasted

    body = ("The county board voted on Tuesday to close two branch libraries next spring, citing a "
            "shortfall in the property tax levy.\n\nLibrarians said the remaining branches would "
            "extend their evening hours to absorb the visitors.\n")
    (tmp_path / "a.txt").write_text("Home\nNews\nSports\nCounty to close two branch libraries\n"
                                    "By Dana Reyes\n" + body + "Share this story\n", encoding="utf-8")
    page = Shown("a", lambda: b"", None, body, "County to close two branch libraries")
    metrics = score_pasted([page], tmp_path, "example")
    assert metrics["n"] == 1 and metrics["title_absent"] == 0
    assert metrics["body_f1"] > metrics["raw_f1"]  # the menu and the share line are cut


def test_a_pasted_set_with_a_page_not_rendered_says_how_to_render_it(tmp_path):
    import pytest

    from dateline.errors import UsageError
    from dateline.evaluate.pasted import Shown, score_pasted

    with pytest.raises(UsageError) as caught:
        score_pasted([Shown("b", lambda: b"", None, "Text.", None)], tmp_path, "pasted-extraction")
    assert caught.value.code == "E412" and "dateline evaluate pasted-extraction --build-cache" in str(caught.value)


def test_the_pasted_extraction_set_scores_its_labelled_titles():
    import pytest

    from dateline.errors import UsageError
    from dateline.evaluate import default_path, run

    if default_path("pasted-extraction") is None:
        pytest.skip("../shared/eval/extraction absent")
    try:
        metrics = run("pasted-extraction", limit=6)
    except UsageError as exc:
        if exc.code == "E412":
            pytest.skip(str(exc))  # its pages are rendered once, outside the repository
        raise
    assert metrics["n"] == 6 and metrics["title_absent"] < 6  # every page has a labelled headline
    assert 0.0 < metrics["body_f1"] <= 1.0 and 0.0 <= metrics["title_acc"] <= 1.0


def test_a_page_whose_address_has_a_fragment_is_rendered(tmp_path):
    # a browser asks for the address without its #fragment: the page must still be served
    import pytest

    from dateline.evaluate.pasted import Shown, chromium_available, render_missing

    if not chromium_available():
        pytest.skip("rendering needs Playwright and chromium")
    html = b"<html><body><h1>Open thread</h1><p>Leave your questions below.</p></body></html>"
    page = Shown("c", lambda: html, "http://blog.example.invalid/2025/03/open-thread/#comment-12", "", None)
    assert render_missing([page], tmp_path) == 1
    assert "Leave your questions below." in (tmp_path / "c.txt").read_text(encoding="utf-8")
