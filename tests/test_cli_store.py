"""The store commands: each opens the store, calls one Corpus method and prints tables or JSON."""

import json

import pytest
from store.annotated import corpus_documents
from typer.testing import CliRunner

import legation
from legation.cli import app
from legation.store.migrations import LATEST

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "corpus.db"
    with legation.open(path) as corpus:
        corpus.add(corpus_documents())
    return str(path)


def run(*args, env=None):
    return runner.invoke(app, [str(a) for a in args], env=env)


def test_cli_store_ingest_then_stats_and_errors(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "note.txt").write_text("A note on launch pads\n\nThe launch pad at Baikonur was repaired.\n")
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "new.db"
    result = run("ingest", folder, "--db", db, "--workers", "1", "--json")
    assert result.exit_code == 1  # one file failed
    report = json.loads(result.stdout)
    assert report["documents"] == 1 and report["errors"] == 1
    again = run("ingest", folder, "--db", db, "--workers", "1", "--json")
    assert json.loads(again.stdout)["skipped"] == 2 and again.exit_code == 0
    stats = json.loads(run("stats", "--db", db, "--json").stdout)
    assert stats["documents"] == 1 and stats["errors"] == 1 and stats["schema"] == LATEST
    errors = json.loads(run("errors", "--db", db, "--json").stdout)
    assert len(errors) == 1 and errors[0]["source"].endswith("empty.txt") and "[L1" in errors[0]["error"]
    table = run("errors", "--db", db)
    assert "empty.txt" in table.stdout
    shown = json.loads(run("show", folder / "note.txt", "--db", db, "--json").stdout)
    assert shown["title"] == "A note on launch pads"


def test_cli_store_db_from_the_environment(db):
    result = run("stats", "--json", env={"LEGATION_DB": db})
    assert result.exit_code == 0 and json.loads(result.stdout)["documents"] == 4


def test_cli_store_search_json_and_table(db):
    result = run("search", "baikonur kind:cable", "--db", db, "--json", "--limit", "2")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["total"] == 3 and len(data["hits"]) == 2 and data["pages"] == 2
    assert {"kind", "origin", "tag", "classification", "year", "entity"} <= set(data["facets"])
    table = run("search", "BTSA", "--db", db)
    assert table.exit_code == 0 and "07STATE87399" in table.stdout and "also searched as" in table.stdout


def test_cli_store_show(db):
    record = json.loads(run("show", "07MOSCOW3736", "--db", db, "--json").stdout)
    assert record["id"] == "07MOSCOW3736" and record["key"] == "07MOSCOW3736"
    assert record["tags"][0]["code"] == "TSPA" and record["entities"]
    table = run("show", "07moscow3736", "--db", db)
    assert table.exit_code == 0 and "RUSSIAN NOTE ON SEA LAUNCH" in table.stdout


def test_cli_store_entity_and_timeline(db):
    dossier = json.loads(run("entity", "Baikonur", "--db", db, "--json").stdout)
    assert dossier["id"] == "ent:baikonur" and len(dossier["documents"]) == 3
    table = run("entity", "Baikonur", "--db", db)
    assert table.exit_code == 0 and "Baikonur Cosmodrome" in table.stdout
    timeline = json.loads(run("timeline", "Baikonur", "--db", db, "--json").stdout)
    assert timeline["entries"][0]["from"] == "1987-01-01"
    assert run("timeline", "Baikonur", "--db", db).exit_code == 0


def test_cli_store_refs(db):
    graph = json.loads(run("refs", "07MOSCOW3736", "--db", db, "--json").stdout)
    assert [p["id"] for p in graph["placeholders"]] == ["07STATE77400"]
    table = run("refs", "07STATE77400", "--db", db)
    assert table.exit_code == 0 and "not stored" in table.stdout


@pytest.mark.parametrize("args, message", [
    (["search", '"open'], "unbalanced quote"),
    (["search", "date:2007..x"], "not a date"),
    (["show", "99NOWHERE1"], "no document"),
    (["entity", "Atlantis"], "no entity"),
    (["refs", "99NOWHERE1"], "no stored or cited cable"),
    (["timeline", "Baikonur", "--scope", "weeks"], "unknown scope"),
])
def test_cli_store_domain_errors_are_one_line_and_exit_2(db, args, message):
    result = run(*args, "--db", db)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_store_missing_store_is_a_clean_error(tmp_path):
    result = run("search", "launch", "--db", tmp_path / "none.db")
    assert result.exit_code == 2 and "no store" in result.stderr
    assert not (tmp_path / "none.db").exists()
