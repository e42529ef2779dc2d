import json

import pytest

from dateline.cli import main


def test_seed_layout_with_and_without_published(seed_text, tmp_path, capsys):
    f = tmp_path / "seed.txt"
    f.write_bytes(seed_text)
    assert main(["analyze", str(f), "--published", "2025-07-04", "--format", "json", "--no-store"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["removed"] == ["• 1109", "• More", "Comments (0)", "Login or Join to comment."]
    assert r["title"] == "Iran Signals Readiness to Resume Talks"
    assert [h["text"] for h in r["headings"]] == [
        "Trump-Putin Backchannel Shapes Regional De-Escalation",
        "Russia's Role in Nuclear Oversight and Negotiation Support",
        "Ukraine Ceasefire Conditions and NATO Pressures",
        "Putin's Preconditions and Trump's Strategy Going Forward",
    ]
    assert r["dateline"]["text"] == "July 4--" and r["dateline"]["date"] == "2025-07-04"
    assert r["published"] == "2025-07-04"
    for h in r["headings"]:
        assert r["text"][h["start"]:h["end"]] == h["text"]
    assert main(["analyze", str(f), "--format", "json", "--no-store"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["dateline"]["date"] == "XXXX-07-04"
    assert (r["published"], r["published_from"]) == ("XXXX-07-04", "dateline")


def test_analyze_store_show_list_query(tmp_path, db, capsys):
    a = tmp_path / "a.txt"
    a.write_text("LONDON, June 3 (Reuters) - The minister said on Monday that talks would resume.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code = main(["analyze", str(a), str(a), str(empty), "--db", str(db), "--format", "json"])
    assert code == 1  # one input failed
    out = capsys.readouterr()
    records = json.loads(out.out)
    assert len(records) == 1  # one article: the second offer of it is a duplicate, not a second record
    assert "E101" in out.err and "1 document(s) held the text of an article analysed before" in out.err
    assert main(["query", "SELECT status, count(*) AS n FROM documents GROUP BY status ORDER BY status",
                 "--db", str(db), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"status": "duplicate", "n": 1}, {"status": "error", "n": 1},
                                                   {"status": "ok", "n": 1}]
    assert main(["show", records[0]["id"], "--db", str(db)]) == 0
    assert json.loads(capsys.readouterr().out) == records[0]
    assert main(["list", "--db", str(db), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["id"] == records[0]["id"]


def test_query_is_read_only(tmp_path, db, capsys):
    a = tmp_path / "a.txt"
    a.write_text("The minister said that talks would resume next week in Geneva.")
    main(["analyze", str(a), "--db", str(db), "--format", "none"])
    assert main(["query", "DELETE FROM documents", "--db", str(db)]) == 3
    assert "read-only" in capsys.readouterr().err.lower()


@pytest.mark.parametrize("argv,code", [(["analyze", "/no/such/file"], 2), (["analyze", "x", "--published", "soon"], 2),
                                       (["frobnicate"], 2), (["show", "abc", "--db", "/no/such.duckdb"], 3)])
def test_usage_errors_have_codes(argv, code, capsys):
    assert main(argv) == code


def test_version(capsys):
    assert main(["--version"]) == 0
    assert "dateline" in capsys.readouterr().out


def test_workers_give_the_same_records_as_one_process(tmp_path, capsys):
    texts = [
        "PARIS, March 3 (AFP) - The minister said on Monday that the talks would resume next week.",
        "The mayor told reporters that the bridge would reopen in June, according to a city statement.",
        "BERLIN -- Protesters gathered outside parliament on Saturday, police said.",
    ]
    for i, t in enumerate(texts):
        (tmp_path / f"a{i}.txt").write_text(t)
    outputs = []
    for workers in ("1", "2"):
        assert main(["analyze", str(tmp_path), "--workers", workers, "--format", "json", "--no-store",
                     "--batch-size", "1"]) == 0
        outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[0] == outputs[1] and len(outputs[0]) == 3


def test_the_store_never_reads_itself(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("The minister said that the talks would resume next week in Geneva.")
    db = tmp_path / "in-folder.duckdb"
    assert main(["analyze", str(tmp_path), "--db", str(db), "--format", "none"]) == 0
    assert main(["analyze", str(tmp_path), "--db", str(db), "--format", "none"]) == 0  # resumes: nothing new
    assert main(["analyze", str(tmp_path), "--db", str(db), "--format", "none", "--force"]) == 0
    assert main(["query", "SELECT status FROM documents ORDER BY seq", "--db", str(db), "--format", "json"]) == 0
    assert [r["status"] for r in json.loads(capsys.readouterr().out)] == ["ok", "ok"]


def test_evaluate_halves_split_the_set_between_them(tmp_path, capsys):
    sentences = [
        {"text": "Unemployment fell to 4.1 percent in March, the lowest level since 2019.", "label": 1},
        {"text": "Thank you all for coming tonight.", "label": 0},
        {"text": "The council spent $2.3 million on the bridge last year.", "label": 1},
        {"text": "I think we can do better together.", "label": 0},
        {"text": "Exports to Canada doubled between 2010 and 2020.", "label": 1},
    ]
    gold = tmp_path / "cw.json"
    gold.write_text(json.dumps(sentences))
    counts = {}
    for half in ("even", "odd", None):
        argv = ["evaluate", "checkworthy", "--path", str(gold), "--json"] + (["--half", half] if half else [])
        assert main(argv) == 0
        counts[half] = json.loads(capsys.readouterr().out.strip().splitlines()[-1])["n"]
    assert counts == {"even": 3, "odd": 2, None: 5}
