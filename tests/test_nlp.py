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


def test_a_run_in_heading_in_capitals_is_a_sentence_of_its_own():
    text = ("The council met on Monday.\n\n"
            "WHAT THE MAYOR WANTS — The mayor asked for a new budget.\n\n"
            "THE HARBOUR PLAN Several members said the plan was too costly.")
    sents = [s.text.strip() for s in nlp.load()(text).sents]
    assert "The mayor asked for a new budget." in sents
    assert "Several members said the plan was too costly." in sents


def test_capitals_that_open_a_sentence_are_no_heading():
    text = "NATO and EU leaders met in Brussels. The FBI agents left.\n\nUS-BASED firms said so — and left."
    sents = [s.text.strip() for s in nlp.load()(text).sents]
    assert "NATO and EU leaders met in Brussels." in sents
    assert "US-BASED firms said so — and left." in sents
