"""The web reader through FastAPI's TestClient: pages, their JSON twins, filters, escaping, safety."""
import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from dateline.errors import StoreError
from dateline.present import ANONYMOUS_KINDS, ArticleView
from dateline.record import Record
from dateline.store import Store
from dateline.web import LOCAL_NAMES, create_app
from dateline.web.data import Filters, Reader, every_month
from dateline.web.highlight import Mark, _nest, article_html


@pytest.fixture(scope="module")
def client(reader_store):
    app = create_app(reader_store["db"])
    yield TestClient(app)
    app.state.reader.close()


@pytest.fixture(scope="module")
def records(reader_store) -> dict[str, Record]:
    with Store(reader_store["db"], read_only=True) as store:
        _, rows = store.query("SELECT id FROM articles")
        return {i: store.get(i) for (i,) in rows}


class _Tree(HTMLParser):
    """Checks that elements nest and collects the text and the tags seen."""
    VOID = {"meta", "link", "input", "br", "img", "rect", "line"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.tags, self.broken = [], [], [], 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack.pop() != tag:
            self.broken += 1

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Tree:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    return tree


def _ids_by_filter(records, keep) -> set[str]:
    return {i for i, r in records.items() if keep(r)}


def _listed(client, **params) -> set[str]:
    data = client.get("/.json", params={**params, "page": 1}).json()
    assert data["pages"] == 1, "the test store fits one page"
    return {a["id"] for a in data["articles"]}


def test_index_lists_every_article_and_its_twin_agrees(client, records):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    listed = _listed(client)
    assert listed == set(records)
    for article_id in records:
        assert f'href="/articles/{article_id}"' in page.text
    assert client.get("/.json").json()["total"] == len(records)
    assert _parse(page.text).broken == 0


def test_filters_select_what_the_records_say(client, records):
    outlet = next(r.outlet for r in records.values() if r.outlet and "<" not in r.outlet)
    assert _listed(client, outlet=outlet) == _ids_by_filter(records, lambda r: r.outlet == outlet)
    assert _listed(client, outlet="(unknown)") == _ids_by_filter(records, lambda r: r.outlet is None)
    dated = sorted(r.published for r in records.values() if r.published and r.published[0].isdigit())
    lo, hi = dated[0], dated[len(dated) // 2]
    assert _listed(client, date_from=lo, date_to=hi) == _ids_by_filter(
        records, lambda r: bool(r.published) and r.published[0].isdigit() and lo <= r.published[:10] <= hi)
    name = next(e.name for r in records.values() for e in r.entities if e.type == "GPE")
    fragment = name[1:-1].lower()
    assert _listed(client, entity=fragment) == _ids_by_filter(
        records, lambda r: any(fragment in e.name.lower() for e in r.entities))
    assert _listed(client, anon_min=50) == _ids_by_filter(records, lambda r: r.scorecard.anonymous_share >= 0.5)
    assert _listed(client, anon_max=20) == _ids_by_filter(records, lambda r: r.scorecard.anonymous_share <= 0.2)


def test_search_matches_every_word_in_title_or_text_and_takes_wildcards_literally(client, records):
    target = next(r for r in records.values() if r.title and "<" not in r.title)
    word = max(re.findall(r"[A-Za-z]{6,}", target.text), key=len)
    title_word = max(re.findall(r"[A-Za-z]{4,}", target.title), key=len)
    expected = _ids_by_filter(records, lambda r: word.lower() in r.text.lower() or word.lower() in (r.title or "").lower())
    assert target.id in expected and _listed(client, q=word) == expected
    both = _listed(client, q=f"{word} {title_word}")
    assert target.id in both and both <= expected
    assert _listed(client, q="%") == _ids_by_filter(records, lambda r: "%" in r.text or "%" in (r.title or ""))
    assert _listed(client, q="zzqx%_") == set()
    assert _listed(client, q=".*") == _ids_by_filter(records, lambda r: ".*" in r.text or ".*" in (r.title or ""))
    html = client.get("/", params={"q": word}).text
    assert f"<mark>{word}</mark>".lower() in html.lower()


def test_search_in_sql_finds_what_search_in_memory_finds(reader_store, records):
    """A corpus too large to copy into memory is searched in SQL: the same articles either way."""
    words = ["SAID", "ceasefire talks", "%", ".*", "Zelenskyy", "<script>", "officials familiar"]
    in_memory, in_sql = Reader(reader_store["db"]), Reader(reader_store["db"], search_memory=0)
    try:
        for q in words:
            assert in_sql.found(Filters(q=q).words()) is None
            ids = [a["id"] for a in in_memory.articles(Filters(q=q))["articles"]]
            assert ids == [a["id"] for a in in_sql.articles(Filters(q=q))["articles"]], q
    finally:
        in_memory.close()
        in_sql.close()


def test_timeline_labels_its_first_and_last_day_once_each():
    from dateline.web.charts import timeline
    story = {"id": "s1", "kind": "event", "type": "AGREE", "independent_outlets": 1, "other": "Japan"}
    one_day = str(timeline([dict(story, date_start="2025-04-22")], "t"))
    assert one_day.count(">2025-04-22</text>") == 1
    two_days = str(timeline([dict(story, date_start="2025-04-22"), dict(story, id="s2", date_start="2025-05-01")], "t"))
    assert ">2025-04-22</text>" in two_days and ">2025-05-01</text>" in two_days


def test_charts_are_svg_drawn_on_the_server(client):
    html = client.get("/").text
    assert html.count('<svg class="chart"') == 2
    assert every_month({"2024-11": 2, "2025-02": 1}) == {"2024-11": 2, "2024-12": 0, "2025-01": 0, "2025-02": 1}


@pytest.mark.parametrize("which", ["seed", "sample"])
def test_article_page_marks_every_finding(client, reader_store, records, which):
    if reader_store[which] is None:
        pytest.skip("the seed article (../shared/seed) is absent")
    record = records[reader_store[which]]
    page = client.get(f"/articles/{record.id}")
    assert page.status_code == 200
    tree = _parse(page.text)
    assert tree.broken == 0
    spans = [attrs for tag, attrs in tree.tags if tag == "span" and "data-id" in attrs]
    by_id: dict[str, set[str]] = {}
    for attrs in spans:
        by_id.setdefault(attrs["data-id"], set()).update(attrs["class"].split())
    sources = {s.id: s for s in record.sources}
    for a in record.attributions:
        classes = by_id[a.id]
        kind = sources[a.source].kind if a.source in sources else "none"
        assert {"q", f"k-{kind}"} <= classes
        assert ("anon" in classes) == (kind in ANONYMOUS_KINDS), a.id
        if a.cue:
            assert "cue" in by_id[f"{a.id}-cue"]
        if a.speaker:
            assert "spk" in by_id[f"{a.id}-speaker"]
    for c in record.claims:
        assert {"cl", f"v-{c.voice}"} <= by_id[c.id]
    for t in record.timexes:
        timex = next(attrs for attrs in spans if attrs["data-id"] == t.id)
        assert timex["data-value"] == t.value and t.value in timex["title"]
    for e in record.events:
        assert "ev" in by_id[e.id]
    assert sum(1 for attrs in spans if "ld" in attrs["class"].split() and "first" in attrs["class"].split()) \
        == len(record.loaded_terms)
    sc = record.scorecard
    assert f'data-key="claims">{sc.claims}<' in page.text
    assert f'data-key="anonymous_share">{sc.anonymous_share:.0%}<' in page.text
    anonymous_speech = sc.attributions_anonymous  # the header counts as the scorecard does
    assert f'data-anonymous="{anonymous_speech}"' in page.text
    for s in record.sources:
        assert f'id="src-{s.id}"' in page.text
    twin = client.get(f"/articles/{record.id}.json").json()
    assert twin["article"] == record.to_dict()
    assert twin["view"]["statements_by_anonymity"]["anonymous"] == anonymous_speech


def test_seed_statements_carry_their_own_chain(client, reader_store, records):
    """The seed reports some of Trump's words through unnamed sources ("Sources report that Trump
    asked ..."); his own quotes came through no one, and the page must not mark them carried."""
    if reader_store["seed"] is None:
        pytest.skip("the seed article (../shared/seed) is absent")
    record = records[reader_store["seed"]]
    trump = next(s for s in record.sources if s.text == "Donald Trump")
    assert trump.via is None
    said = [a for a in record.attributions if a.source == trump.id]
    carried = [a for a in said if a.via is not None]
    assert carried and len(carried) < len(said)
    by_id: dict[str, set[str]] = {}
    for tag, attrs in _parse(client.get(f"/articles/{record.id}").text).tags:
        if tag == "span" and "data-id" in attrs:
            by_id.setdefault(attrs["data-id"], set()).update(attrs["class"].split())
    for a in said:
        assert ("via-anon" in by_id[a.id]) == (a in carried), (a.id, record.span_text(a.content))
    assert all(a.via is None for a in said if a.kind == "direct")


def test_highlighted_text_is_the_article_text(records):
    for record in records.values():
        tree = _parse(str(article_html(ArticleView(record))))
        assert tree.broken == 0
        shown = re.sub(r"\s+", " ", "".join(tree.text)).strip()
        assert shown == re.sub(r"\s+", " ", record.text).strip()


def test_crossing_spans_are_split_and_keep_their_id():
    text = "abcdefghij"
    marks = [Mark(0, 6, 0, "x", {"data-id": "X"}), Mark(3, 9, 1, "y", {"data-id": "Y"})]
    html = _nest(text, 0, len(text), marks, set())
    assert html == ('<span class="x first" data-id="X">abc<span class="y first" data-id="Y">def</span></span>'
                    '<span class="y" data-id="Y">ghi</span>j')


def test_source_chains_and_anonymity_follow_via(records):
    for record in records.values():
        view = ArticleView(record)
        for row in view.source_rows():
            source = view.sources[row["id"]]
            chain = view.chain(source.id)
            assert chain[0] is source
            assert [c["id"] for c in row["chain"]] == [c.id for c in chain[1:]]
            if source.kind in ANONYMOUS_KINDS:
                assert row["anonymity"] == "anonymous"
            elif any(c.kind in ANONYMOUS_KINDS for c in chain[1:]):
                assert row["anonymity"] == "via_anonymous"
            else:
                assert row["anonymity"] is None


def test_hostile_article_renders_inert(client, reader_store):
    article_id = reader_store["hostile"]
    pages = [client.get(f"/articles/{article_id}"), client.get("/"), client.get("/", params={"q": "Geneva"}),
             client.get(f"/articles/{article_id}/entities/e1")]
    for page in pages:
        assert page.status_code == 200
        tree = _parse(page.text)
        assert not [t for t, _ in tree.tags if t in ("script", "img", "b", "iframe")]
        assert not any(k.startswith("on") for _, attrs in tree.tags for k in attrs)
        assert 'href="javascript:' not in page.text.lower()
    shown = "".join(_parse(pages[0].text).text)  # the markup came through as text a reader sees
    for payload in ("<script>window.__xss = 1</script>", '<img src=x onerror="window.__xss = 2">',
                    "</p><b>deal</b>", "<script>window.__xss = 3</script>Minister speaks"):
        assert payload in shown
    assert '<img src=x onerror="window.__xss = 4">Gazette' in "".join(_parse(pages[1].text).text)
    csp = pages[0].headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert pages[0].headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", ["/articles/ffffffffffffffff", "/articles/..%2F..%2Fetc%2Fpasswd",
                                  "/articles/abc'--", "/nowhere"])
def test_unknown_pages_are_404_in_both_forms(client, path):
    page = client.get(path)
    assert page.status_code == 404 and "<h1>404</h1>" in page.text
    twin = client.get(path + ".json")
    assert twin.status_code == 404 and twin.json()["status"] == 404


def test_bad_parameters_say_what_was_wrong(client, reader_store):
    page = client.get("/", params={"anon_min": "lots"})
    assert page.status_code == 400 and "anon_min" in page.text
    assert client.get("/.json", params={"anon_min": "nan"}).status_code == 400
    form = {"q": "", "outlet": "", "date_from": "", "date_to": "", "entity": "", "anon_min": "", "anon_max": ""}
    assert client.get("/", params=form).status_code == 200  # a form sends its empty fields
    assert client.get(f"/articles/{reader_store['sample']}/entities/x1").status_code == 404


def test_entity_page_shows_what_they_said_and_where_else(client, reader_store, records):
    record = records[reader_store["sample"]]
    speaking = [(s, record.entities[[e.id for e in record.entities].index(s.entity)])
                for s in record.sources if s.entity]
    source, entity = speaking[0]
    data = client.get(f"/articles/{record.id}/entities/{entity.id}.json").json()
    said = {a.id for a in record.attributions if a.source == source.id}
    assert {a["id"] for a in data["said"]} == said
    assert len(data["mentions"]) == len(entity.mentions)
    assert all(record.text[m["start"]:m["end"]] == m["text"] for m in data["mentions"])
    others = {i for i, r in records.items() if i != record.id and any(
        e.name == entity.name or (entity.kb and e.kb == entity.kb) for e in r.entities)}
    assert {a["id"] for a in data["elsewhere"]} == others
    page = client.get(f"/articles/{record.id}/entities/{entity.id}")
    assert page.status_code == 200 and f'href="/articles/{record.id}"' in page.text


def test_the_reader_only_reads(client):
    reader = client.app.state.reader
    with pytest.raises(StoreError):
        reader._rows("CREATE TABLE scratch (a INTEGER)")
    with pytest.raises(StoreError):
        reader._rows("SELECT * FROM read_csv('/etc/passwd')")


def test_a_server_on_loopback_answers_only_to_local_names(reader_store):
    app = create_app(reader_store["db"], allowed_hosts=LOCAL_NAMES)
    try:
        assert TestClient(app, base_url="http://127.0.0.1:8000").get("/").status_code == 200
        assert TestClient(app, base_url="http://attacker.example").get("/").status_code == 400
    finally:
        app.state.reader.close()


def test_a_record_without_scorecard_or_findings_still_reads(tmp_path):
    from dataclasses import replace

    from test_record import full_record

    bare = replace(full_record(), scorecard=None, attributions=[], sources=[], claims=[], events=[],
                   loaded_terms=[], timexes=[], language="fr", url=None)
    db = tmp_path / "bare.duckdb"
    with Store(db) as store:
        store.add("bare.txt", "h", 1, bare)
    app = create_app(db)
    try:
        client = TestClient(app)
        page = client.get(f"/articles/{bare.id}")
        assert page.status_code == 200 and "No scorecard" in page.text and _parse(page.text).broken == 0
        assert client.get("/").status_code == 200
    finally:
        app.state.reader.close()


def test_serve_refuses_a_missing_store_and_a_bad_port(reader_store, capsys):
    from dateline.cli import main

    assert main(["serve", "--db", "/no/such.duckdb"]) == 3
    assert "E301" in capsys.readouterr().err
    assert main(["serve", "--db", str(reader_store["db"]), "--port", "70000"]) == 2
    assert "E410" in capsys.readouterr().err


# The corpus pages: stories, one story, entities across articles, timelines and the actor graph.

def test_stories_page_filters_and_agrees_with_its_twin(client):
    every = client.get("/stories.json").json()["stories"]
    assert every and all("independent_outlets" in s for s in every)
    two = client.get("/stories.json", params={"min_outlets": 2}).json()["stories"]
    assert two and {s["id"] for s in two} == {s["id"] for s in every if s["independent_outlets"] >= 2}
    anon = client.get("/stories.json", params={"anonymous": "only"}).json()["stories"]
    assert all(s["anonymous_only"] for s in anon)
    html = client.get("/stories", params={"min_outlets": 2})
    tree = _parse(html.text)
    assert html.status_code == 200 and tree.broken == 0
    assert {a["href"] for t, a in tree.tags if t == "a" and a.get("class") == "title"} == {f"/stories/{s['id']}" for s in two}
    assert client.get("/stories", params={"kind": "rumour"}).status_code == 400


def test_a_story_page_links_every_report_to_its_span(client, records):
    story = client.get("/stories.json", params={"min_outlets": 2, "kind": "event"}).json()["stories"][0]
    data = client.get(f"/stories/{story['id']}.json").json()
    assert len({m["outlet"] for m in data["members"] if not m["duplicate_of"]}) >= 2
    html = client.get(f"/stories/{story['id']}").text
    for m in data["members"]:
        record = records[m["article_id"]]
        item = next(x for x in (record.events if m["kind"] == "event" else record.claims) if x.id == m["item_id"])
        assert record.text[item.start:item.end] == m["text"] == record.text[m["start"]:m["end"]]
        assert f'href="/articles/{m["article_id"]}#f-{m["item_id"]}"' in html
        # the article page carries that anchor on the span
        page = client.get(f"/articles/{m['article_id']}").text
        assert f'id="f-{m["item_id"]}"' in page


def test_corpus_entity_page_pair_timeline_and_graph(client):
    graph = client.get("/graph.json").json()
    assert graph["edges"], "the test store has events with an actor and a recipient"
    edge = graph["edges"][0]
    entity = client.get(f"/entities/{edge['source']}.json").json()
    assert edge["target"] in {c["id"] for c in entity["counterparts"]}
    html = client.get(f"/entities/{edge['source']}").text
    assert "<svg" in html and 'class="dot' in html and f'href="/entities/{edge["source"]}/with/{edge["target"]}"' in html
    pair = client.get(f"/entities/{edge['source']}/with/{edge['target']}.json").json()
    ends = {frozenset((s["actor"]["id"], s["recipient"]["id"])) for s in pair["timeline"]}
    assert pair["timeline"] and ends == {frozenset((edge["source"], edge["target"]))}
    drawn = client.get("/graph").text
    assert drawn.count('class="edge ') == len(graph["edges"]) and drawn.count('class="node ') == len(graph["nodes"])
    around = client.get("/graph.json", params={"entity": entity["name"]}).json()
    assert around["edges"] and all(edge["source"] in (e["source"], e["target"]) for e in around["edges"])


def test_entities_page_and_a_link_from_an_article_entity(client, records):
    listed = client.get("/entities.json").json()["entities"]
    assert listed and listed == sorted(listed, key=lambda e: (-e["articles"], e["name"], e["id"]))
    first = listed[0]
    found = client.get("/entities.json", params={"q": first["name"][:4]}).json()["entities"]
    assert first["id"] in {e["id"] for e in found}
    record = next(r for r in records.values() if r.entities)
    ent = record.entities[0]
    linked = client.get(f"/articles/{record.id}/entities/{ent.id}.json").json()["corpus_entity"]
    assert linked and client.get(f"/entities/{linked}.json").status_code == 200


@pytest.mark.parametrize("path", ["/stories/st-none", "/entities/ce-none", "/entities/ce1/with/ce2", "/graph?entity=Nobody+Here"])
def test_unknown_corpus_pages_are_404(client, path):
    assert client.get(path).status_code == 404
