"""Neutral by construction: exchanging the names of the parties leaves every scorecard number and
every loaded-term count as it was, on the samples, on articles written for this test, and on the
seed. Also the swap helper itself."""
from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from dateline.pipeline import analyze
from dateline.read import Offered, iter_offered
from dateline.swap import NamePair, parties_from_record, swap_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "neutrality"

# Articles written for this test, with the parties each exchanges (same length in words).
OWN_PAIRS = {
    "ceasefire.txt": [("Norway", "Brazil"), ("Norwegian", "Brazilian"), ("Norwegians", "Brazilians"),
                      ("Lucia Ferraz", "Ingrid Halvorsen"), ("Ferraz", "Halvorsen")],
    "budget.txt": [("Mark Delaney", "Ruth Okafor"), ("Delaney", "Okafor"), ("Democrats", "Republicans")],
    # inverted and split quotes, appositions by commas, office holders named by office, "said A and
    # promised that B", clauses joined by a semicolon, a report carried by an outlet
    "summit.txt": [("Chile", "Peru"), ("Chilean", "Peruvian"), ("Chileans", "Peruvians"),
                   ("Elena Varas", "Rosa Mamani"), ("Varas", "Mamani")],
    # titles (Mr.), pronouns, a second that-clause, a lawyer quoted by a newspaper, court records
    "trial.txt": [("Portugal", "Spain"), ("Portuguese", "Spanish"), ("Alberto Nunes", "Rui Matos"),
                  ("Nunes", "Matos")],
}


def _samples() -> list[Offered]:
    """Every article in samples/ (text, HTML, each JSONL line, each WARC record)."""
    if not (ROOT / "samples").is_dir():
        return []
    return [o for o in iter_offered([str(ROOT / "samples")]) if o.error is None and o.data]


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


def _fingerprint(record) -> tuple[dict | None, Counter]:
    card = dataclasses.asdict(record.scorecard) if record.scorecard is not None else None
    return card, Counter((t.category, t.voice) for t in record.loaded_terms)


def _assert_neutral(text: str, published: str | None, pairs: list[NamePair] | None = None, form: str = "text"):
    original = analyze(text, published=published, form=form)
    pairs = pairs if pairs is not None else parties_from_record(original)
    if swap_text(text, pairs) == text:
        pytest.skip("no two parties of the same kind and length to exchange")
    swapped = analyze(swap_text(text, pairs), published=published, form=form)
    card, loaded = _fingerprint(original)
    card_after, loaded_after = _fingerprint(swapped)
    for c in (card, card_after):
        if c is not None:  # keyed by names, which the swap exchanges: its numbers must stay
            c["sources_by_affiliation"] = sorted(c["sources_by_affiliation"].values())
    assert loaded_after == loaded, "loaded-term counts changed under the swap"
    assert (_shapes(swapped), _kinds(swapped.sources)) == (_shapes(original), _kinds(original.sources)), \
        "attributions or sources changed under the swap"
    assert card_after == card, "scorecard changed under the swap"


def _kinds(items) -> Counter:
    return Counter(item.kind for item in items)


def _shapes(record) -> Counter:
    """Attributions by kind and length of content in words: what the attribution engine found."""
    return Counter((a.kind, len(record.span_text(a.content).split())) for a in record.attributions)


@pytest.mark.parametrize("name", sorted(OWN_PAIRS))
def test_own_articles_survive_swapping_the_parties(name: str):
    pairs = [NamePair(a, b) for a, b in OWN_PAIRS[name]]
    _assert_neutral((FIXTURES / name).read_text(encoding="utf-8"), "2025-03-03", pairs)


@pytest.mark.parametrize("name", sorted(OWN_PAIRS))
def test_own_articles_survive_the_automatic_pairs(name: str):
    _assert_neutral((FIXTURES / name).read_text(encoding="utf-8"), "2025-03-03")


@pytest.mark.parametrize("offered", _samples(), ids=lambda o: Path(o.origin.split("#")[0]).name + o.origin[len(o.origin.split("#")[0]):])
def test_samples_survive_swapping_the_parties(offered: Offered):
    _assert_neutral(offered.data.decode("utf-8", errors="replace"), offered.meta.get("published") or "2025-03-03",
                    form=offered.form)


def test_seed_survives_swapping_the_parties(seed_text):
    _assert_neutral(seed_text.decode("utf-8"), "2025-07-04")


def test_seed_survives_swapping_its_two_leaders_and_their_countries(seed_text):
    """The swap the seed invites: the two leaders, with their countries and peoples."""
    _assert_neutral(seed_text.decode("utf-8"), "2025-07-04",
                    [NamePair("Trump", "Putin"), NamePair("Iran", "Russia"), NamePair("Iranian", "Russian"),
                     NamePair("Iranians", "Russians"), NamePair("Ukraine", "Israel"),
                     NamePair("Ukrainian", "Israeli"), NamePair("Ukrainians", "Israelis")])


def test_a_country_without_a_partner_gets_a_stand_in_it_does_not_name():
    record = analyze("Chile raised its tariffs on Monday, Chilean officials said.", published="2025-03-03", form="text")
    pairs = [p for p in parties_from_record(record) if "Chile" in (p.a, p.b)]
    assert len(pairs) == 1 and "Chile" not in (other := pairs[0].b if pairs[0].a == "Chile" else pairs[0].a)
    swapped = swap_text(record.text, parties_from_record(record))
    assert "Chile" not in swapped and other in swapped


def _pairs(text: str) -> set[tuple[str, str]]:
    record = analyze(text, published="2025-03-03", form="text")
    return {tuple(sorted((p.a, p.b))) for p in parties_from_record(record)}


def test_people_are_paired_only_with_people_of_the_same_gender():
    pairs = _pairs("Mark Delaney met Anna Okafor and Peter Lund on Monday. Delaney said he was hopeful. "
                   "Okafor said she was not. Okafor added that she had seen the figures. Lund said he would wait.")
    people = {p for p in pairs if " " in p[0] or p[0] in ("Delaney", "Okafor", "Lund")}
    assert ("Mark Delaney", "Peter Lund") in people and ("Delaney", "Lund") in people
    assert not any("Okafor" in p[0] or "Okafor" in p[1] for p in people)


def test_a_person_the_article_calls_he_pairs_with_no_name_given_to_women():
    pairs = _pairs("Tavi Rennick spoke first. He said the plan was late. Then Mary Bolton answered.")
    assert not any({"Tavi Rennick", "Mary Bolton"} == set(p) for p in pairs)


def test_demonyms_pair_adjective_with_adjective_and_people_with_people():
    pairs = _pairs("Austria and Hungary signed the deal. Austrian and Hungarian officials praised it, "
                   "and Austrians and Hungarians celebrated.")
    assert {("Austria", "Hungary"), ("Austrian", "Hungarian"), ("Austrians", "Hungarians")} <= pairs
    # the Netherlands lists no plural people form to stand for "Austrians"
    pairs = _pairs("Austria and the Netherlands signed the deal, and Austrians celebrated.")
    assert ("Austria", "Netherlands") not in pairs and ("Austrians", "Dutchman") not in pairs


def test_a_country_called_by_a_form_without_partner_is_left_alone():
    pairs = _pairs("The U.S. and Canada signed the deal. Washington and Ottawa praised it; United States "
                   "officials called it historic.")
    assert not any("United States" in p for p in pairs)


def test_a_surname_two_people_share_is_not_swapped():
    text = ("James Closs and Jayme Closs were at home. Closs said the dog barked. Mark Delaney and Peter Lund "
            "arrived later.")
    record = analyze(text, published="2025-03-03", form="text")
    assert not any("Closs" in (p.a, p.b) for p in parties_from_record(record))
