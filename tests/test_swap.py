"""Neutral by construction: exchanging the names of the parties leaves every scorecard number and
every loaded-term count as it was, on the samples, on articles written for this test, and on the
seed. Also the swap helper itself."""
from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from dateline.pipeline import analyze
from dateline.swap import NamePair, parties_from_record, swap_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "neutrality"

# Articles written for this test, with the parties each exchanges (same length in words).
OWN_PAIRS = {
    "ceasefire.txt": [("Norway", "Brazil"), ("Norwegian", "Brazilian"), ("Norwegians", "Brazilians"),
                      ("Lucia Ferraz", "Erik Halvorsen"), ("Ferraz", "Halvorsen")],
    "budget.txt": [("Mark Delaney", "Ruth Okafor"), ("Delaney", "Okafor"), ("Democrats", "Republicans")],
}


def _articles() -> list[Path]:
    samples = sorted(p for p in (ROOT / "samples").glob("*") if p.suffix in (".txt", ".html"))
    return samples + sorted(FIXTURES.glob("*.txt"))


def test_swap_exchanges_names_both_ways_at_once():
    text = "Iran and Russia met; the Iranian envoy thanked the Russians. Iranians cheered. Trumpism."
    pairs = [NamePair("Iran", "Russia"), NamePair("Iranian", "Russian"), NamePair("Iranians", "Russians"),
             NamePair("Trump", "Putin")]
    assert swap_text(text, pairs) == ("Russia and Iran met; the Russian envoy thanked the Iranians. "
                                      "Russians cheered. Trumpism.")
    assert swap_text(swap_text(text, pairs), pairs) == text


def test_swap_refuses_names_of_different_lengths():
    with pytest.raises(ValueError):
        swap_text("Kim met Lee.", [NamePair("Kim", "Lee Jae")])


def _fingerprint(record) -> tuple[dict, Counter]:
    card = dataclasses.asdict(record.scorecard)
    return card, Counter((t.category, t.voice) for t in record.loaded_terms)


def _assert_neutral(text: str, published: str | None, pairs: list[NamePair] | None = None):
    original = analyze(text, published=published, form="text")
    pairs = pairs if pairs is not None else parties_from_record(original)
    swapped = analyze(swap_text(text, pairs), published=published, form="text")
    card, loaded = _fingerprint(original)
    card_after, loaded_after = _fingerprint(swapped)
    card["sources_by_affiliation"] = {swap_text(k, pairs): v for k, v in card["sources_by_affiliation"].items()}
    assert swapped.text != original.text or not pairs
    upstream = {"attributions": (_kinds(original.attributions), _kinds(swapped.attributions)),
                "sources": (_kinds(original.sources), _kinds(swapped.sources))}
    changed = {k: v for k, v in upstream.items() if v[0] != v[1]}
    note = f" (upstream of the scorecard, these changed too: {changed})" if changed else ""
    assert card_after == card, f"scorecard changed under the swap{note}"
    assert loaded_after == loaded, "loaded-term counts changed under the swap"


def _kinds(items) -> Counter:
    return Counter(item.kind for item in items)


@pytest.mark.parametrize("path", _articles(), ids=lambda p: p.name)
def test_scorecard_and_loaded_terms_survive_swapping_the_parties(path: Path):
    own = OWN_PAIRS.get(path.name) if path.parent == FIXTURES else None
    pairs = [NamePair(a, b) for a, b in own] if own else None
    _assert_neutral(path.read_text(encoding="utf-8"), "2025-03-03", pairs)


def test_seed_survives_swapping_the_parties(seed_text):
    _assert_neutral(seed_text.decode("utf-8"), "2025-07-04")
