"""Publication dates never worse than htmldate's: on the pages set's dev split, dateline's date
accuracy holds at or above plain trafilatura with metadata (its date is htmldate's), both computed
here in the same run on the same pages. Skipped where ../shared/eval is absent."""
from __future__ import annotations

import pytest

from dateline.evaluate import default_path
from dateline.evaluate.pages import date_accuracies


@pytest.mark.slow
def test_dates_at_least_as_accurate_as_trafilatura_with_htmldate():
    path = default_path("pages")
    if path is None:
        pytest.skip("the pages gold set is not available (../shared/eval absent)")
    scores = date_accuracies(path)
    assert scores["n"] >= 200
    assert scores["dateline"] >= scores["trafilatura"], scores
