"""``dateline show ID --format table``: who said what, readable in a 100-column terminal."""
import pytest

from dateline.cli import main
from dateline.present import ANONYMOUS_KINDS, first_words
from dateline.store import Store
from dateline.terminal import record_tables, render


@pytest.fixture(scope="module")
def shown(reader_store):
    """Each stored article's table, printed by the command at 100 columns."""
    out = {}
    with Store(reader_store["db"], read_only=True) as store:
        _, rows = store.query("SELECT id FROM articles")
        for (article_id,) in rows:
            out[article_id] = (store.get(article_id), render(record_tables(store.get(article_id)), 100))
    return out


def test_every_line_fits_100_columns(shown):
    for record, text in shown.values():
        widths = [len(line) for line in text.splitlines()]
        assert max(widths) <= 100, record.id


def test_the_table_names_sources_cues_and_what_was_said(shown, reader_store):
    for article_id in filter(None, (reader_store["seed"], reader_store["sample"])):
        record, text = shown[article_id]
        for s in record.sources:
            for word in s.text.split() + s.kind.split("_"):
                assert word in text, (s.id, word)
        for a in record.attributions:
            assert f" {a.id} " in text
            if a.cue:
                assert record.span_text(a.cue).split()[0] in text
            opening = first_words(record.span_text(a.content), 3).replace(" …", "").split()[0]
            assert opening in text
        for t in record.loaded_terms:
            assert t.text.split()[0] in text
        for e in record.events:
            assert f" {e.id} " in text
        for x in record.timexes:
            assert x.value in text


def test_anonymous_and_carried_statements_are_marked(shown, reader_store):
    record, text = shown[reader_store["sample"]]
    sources = {s.id: s for s in record.sources}
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Who said what"))
    rows = {line.split()[0]: line for line in lines[start:] if line.strip() and line.split()[0].startswith("a")
            and line.split()[0][1:].isdigit()}
    anonymous = [a for a in record.attributions if sources.get(a.source) and sources[a.source].kind in ANONYMOUS_KINDS]
    assert anonymous, "the sample quotes unnamed sources"
    for a in record.attributions:
        marked = " anon " in rows[a.id] + " "
        assert marked == (a in anonymous), a.id
    assert f"Of {record.scorecard.attributions} attributed statements, {record.scorecard.attributions_anonymous} come " \
        "from an unnamed source" in " ".join(text.split())


def test_show_prints_the_table_at_the_terminal_width(reader_store, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    assert main(["show", reader_store["sample"], "--db", str(reader_store["db"]), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 100
    for heading in ("Sources: who is heard", "Who said what", "Claims and their voice", "Loaded terms", "Events",
                    "Time expressions"):
        assert heading in out
