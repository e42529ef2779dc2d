"""speech_time: relative time inside quotes counts from when the speaker spoke, where the text says.

Attributions are built by hand here (the attribution annotator is tested on its own).
"""
from __future__ import annotations

import json

import pytest

from dateline import nlp
from dateline.annotate import get
from dateline.evaluate import shared_eval_dir
from dateline.pipeline import analyze
from dateline.record import Attribution, Record, article_id


@pytest.fixture(scope="module")
def english():
    return nlp.load()


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def run(english, text: str, attributions: list[Attribution], published: str = "2025-07-04") -> dict[str, object]:
    """The timexes after the timex and speech_time stages, by text."""
    record = Record(id=article_id(text), text=text, published=published, published_from="metadata")
    doc = english(text)
    record.timexes = get("timex")(record, doc)["timexes"]
    record.attributions = attributions
    record.timexes = get("speech_time")(record, doc).get("timexes", record.timexes)
    return {t.text: t for t in record.timexes}


def test_today_in_a_quote_spoken_after_yesterdays_call(english):
    text = ('The two presidents held a long phone call yesterday. '
            'After the call, the president spoke to reporters. '
            '"I spoke with him today and we talk again tomorrow," he said.')
    quote = span(text, "I spoke with him today and we talk again tomorrow")
    he = text.index("he said")
    attributions = [Attribution("a1", "direct", quote, cue=span(text, "said"), speaker=(he, he + 2), source="s1")]
    found = run(english, text, attributions)
    assert found["yesterday"].value == "2025-07-03" and found["yesterday"].anchor == "published"
    assert (found["today"].value, found["today"].anchor) == ("2025-07-03", "speech:a1")
    assert (found["tomorrow"].value, found["tomorrow"].anchor) == ("2025-07-04", "speech:a1")


def test_day_given_with_the_cue(english):
    text = "The mayor said on Tuesday that the bridge would reopen tomorrow."
    content = span(text, "the bridge would reopen tomorrow")
    attributions = [Attribution("a1", "indirect", content, cue=span(text, "said"), speaker=span(text, "The mayor"),
                                source="s1")]
    found = run(english, text, attributions)
    assert found["Tuesday"].value == "2025-07-01"
    assert (found["tomorrow"].value, found["tomorrow"].anchor) == ("2025-07-02", "speech:a1")


def test_the_same_speaker_going_on_keeps_the_time_of_speaking(english):
    text = ('The minister told reporters on Monday that the plan was ready. '
            '"We start work today," she added.')
    first = Attribution("a1", "indirect", span(text, "the plan was ready"), cue=span(text, "told"),
                        speaker=span(text, "The minister"), source="s1")
    she = text.index("she added")
    second = Attribution("a2", "direct", span(text, "We start work today"), cue=span(text, "added"),
                         speaker=(she, she + 3), source="s1")
    found = run(english, text, [first, second])
    assert (found["today"].value, found["today"].anchor) == ("2025-06-30", "speech:a2")


def test_without_a_time_of_speaking_the_publication_date_stands(english):
    text = '"The border opens today," the spokesman said.'
    attributions = [Attribution("a1", "direct", span(text, "The border opens today"), cue=span(text, "said"),
                                speaker=span(text, "the spokesman"), source="s1")]
    found = run(english, text, attributions)
    assert (found["today"].value, found["today"].anchor) == ("2025-07-04", "published")


def test_absolute_values_inside_a_quote_are_untouched(english):
    text = 'The governor said on Tuesday that "the dam, built in 2014, needs a two-year repair from today."'
    content = span(text, "the dam, built in 2014, needs a two-year repair from today.")
    attributions = [Attribution("a1", "indirect", content, cue=span(text, "said"), speaker=span(text, "The governor"),
                                source="s1")]
    found = run(english, text, attributions)
    assert (found["2014"].value, found["2014"].anchor) == ("2014", None)
    assert (found["two-year"].value, found["two-year"].anchor) == ("P2Y", None)
    assert (found["today"].value, found["today"].anchor) == ("2025-07-01", "speech:a1")


def test_another_speaker_does_not_inherit(english):
    text = ('The minister told reporters on Monday that the plan was ready. '
            '"Nothing starts today," a union leader said.')
    first = Attribution("a1", "indirect", span(text, "the plan was ready"), cue=span(text, "told"),
                        speaker=span(text, "The minister"), source="s1")
    second = Attribution("a2", "direct", span(text, "Nothing starts today"), cue=span(text, "said", 60),
                         speaker=span(text, "a union leader"), source="s2")
    found = run(english, text, [first, second])
    assert found["today"].value == "2025-07-04"


def test_seed_quote_spoken_on_the_day_of_the_call(english, seed_text):
    """The worked example: attributions as the attribution stage should give them, located from the
    seed's human reading; "today" inside the quote is the day of the call, July 3."""
    record = analyze(seed_text, published="2025-07-04", form="text")
    seed_folder = shared_eval_dir().parent / "seed"
    reading = json.loads(next(seed_folder.glob("*.reading.json")).read_text(encoding="utf-8"))
    text = record.text
    built = []
    for i, gold in enumerate(g for g in reading["attributions"] if g["source"] == "S5" and g.get("cue")):
        start = text.index(gold["content"])
        end = text.index("\u201d", start) if gold["kind"] == "direct" else start + len(gold["content"])
        cue = text.index(gold["cue"], end if gold["kind"] == "direct" else 0)
        speaker = (cue - 3, cue - 1) if gold.get("speaker_text") == "he" else None
        built.append(Attribution(f"a{i + 1}", gold["kind"], (start, end), cue=(cue, cue + len(gold["cue"])),
                                 speaker=speaker, source="s5"))
    record.attributions = built
    doc = english(text)
    record.timexes = get("speech_time")(record, doc).get("timexes", record.timexes)
    quoted_today = [t for t in record.timexes if t.text == "today" and built[1].content[0] <= t.start < built[1].content[1]]
    assert quoted_today and quoted_today[0].value == "2025-07-03"
    assert quoted_today[0].anchor == f"speech:{built[1].id}"
