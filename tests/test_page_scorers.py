"""The pages and pasted scorers' title comparison."""
from __future__ import annotations

from dateline.evaluate.pages import same_title


def test_a_title_typed_with_straight_quotes_is_the_same_title_in_the_second_measure_only():
    assert same_title("We’ve  Compiled the “Top” 7", "We've Compiled the \"Top\" 7") == (False, True)
    assert same_title("A Beginner’s Guide", "A Beginner’s Guide") == (True, True)
    assert same_title("A Beginners Guide", "A Beginner's Guide") == (False, False)
