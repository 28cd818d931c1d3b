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
