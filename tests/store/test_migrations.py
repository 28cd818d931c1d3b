import sqlite3

import pytest

from legation.store import StoreError, open_store
from legation.store.migrations import LATEST, MIGRATIONS, migrate, version


def test_migrations_bring_a_new_store_to_the_latest_version(tmp_path):
    store = open_store(tmp_path / "new.db")
    conn = store.reader()
    assert version(conn) == LATEST
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert {"documents", "files", "mentions", "entities", "times", "refs", "tags", "fts", "placeholders"} <= tables
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_migrations_are_numbered_in_order():
    numbers = [n for n, _ in MIGRATIONS]
    assert numbers == list(range(1, len(numbers) + 1))


def test_migrations_run_once(tmp_path):
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    assert migrate(conn) == 0
    assert migrate(conn) == LATEST  # nothing left to do
    conn.close()


def test_migrations_roll_back_a_failing_step(tmp_path, monkeypatch):
    from legation.store import migrations

    def broken(conn):
        conn.execute("CREATE TABLE half (x)")
        raise RuntimeError("boom")

    monkeypatch.setattr(migrations, "MIGRATIONS", [(1, broken)])
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    with pytest.raises(RuntimeError):
        migrations.migrate(conn)
    assert version(conn) == 0
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0
    conn.close()


def test_migrations_refuse_a_store_from_a_newer_legation(tmp_path):
    conn = sqlite3.connect(tmp_path / "future.db", isolation_level=None)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(tmp_path / "future.db")


def test_migrations_refuse_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database" * 100)
    with pytest.raises(StoreError):
        open_store(path)


def test_migrations_readonly_open_of_a_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        open_store(tmp_path / "missing.db", readonly=True)


def _version_1_store(path, monkeypatch):
    """A store written by a legation at schema version 1 (full-text index with its own copy of the text)."""
    from annotated import corpus_documents

    from legation.ingest import ingest_documents
    from legation.store import migrations

    with monkeypatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
        store = open_store(path)
        assert version(store.reader()) == 1
        ingest_documents(store, corpus_documents())
        store.close()


def test_migrations_v2_keeps_the_index_and_drops_its_copy_of_the_text(tmp_path, monkeypatch):
    from legation.corpus import Corpus

    path = tmp_path / "v1.db"
    _version_1_store(path, monkeypatch)
    before = sqlite3.connect(path)
    queries = ["Baikonur", "launch AND agreement", '"space launch"', "title:Baiterek"]
    from legation.query.querylang import fts_expression, parse_query
    expected = {q: before.execute("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank",
                                  (fts_expression(parse_query(q).tree),)).fetchall() for q in queries}
    assert before.execute("SELECT count(*) FROM sqlite_master WHERE name = 'fts_content'").fetchone()[0] == 1
    before.close()
    store = open_store(path)
    conn = store.reader()
    assert version(conn) == 2
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'fts_content'").fetchone()[0] == 0
    for q, rows in expected.items():
        got = conn.execute("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank",
                           (fts_expression(parse_query(q).tree),)).fetchall()
        assert got == rows and rows, q
    assert store.index_differences() == 0
    result = Corpus(store).search("Baikonur")
    assert result.total > 0 and any(h.snippet for h in result.hits)
    store.close()


def test_migrations_a_read_only_open_upgrades_an_older_store(tmp_path, monkeypatch):
    path = tmp_path / "v1.db"
    _version_1_store(path, monkeypatch)
    store = open_store(path, readonly=True)
    assert version(store.reader()) == LATEST
    assert store.index_differences() == 0
    store.close()


def test_migrations_an_older_store_that_cannot_be_written_is_a_clear_error(tmp_path, monkeypatch):
    # As on a read-only mount (tests may run as root, who writes read-only files): SQLite refuses the write.
    from legation.store import sqlite as sqlite_store

    path = tmp_path / "v1.db"
    _version_1_store(path, monkeypatch)

    def refused(conn):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(sqlite_store, "migrate", refused)
    with pytest.raises(StoreError, match="schema version 1 .* could not be upgraded"):
        open_store(path, readonly=True)
