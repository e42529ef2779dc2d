from dateline import nlp


def test_model_loads_once_per_process():
    assert nlp.load() is nlp.load()


def test_double_hyphens_and_dashes_between_words_are_their_own_tokens():
    doc = nlp.load()("July 4--Iran said. Paris—Berlin 1990–1995 well-known")
    assert [t.text for t in doc] == ["July", "4", "--", "Iran", "said", ".", "Paris", "—", "Berlin",
                                     "1990", "–", "1995", "well", "-", "known"]


def test_a_heading_never_runs_into_the_next_paragraph():
    doc = nlp.load()("Talks Resume in Geneva\n\nThe minister said the talks would resume.")
    assert [s.text.strip() for s in doc.sents] == ["Talks Resume in Geneva", "The minister said the talks would resume."]
