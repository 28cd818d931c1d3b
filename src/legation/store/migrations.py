"""Numbered, transactional migrations of the SQLite store; `PRAGMA user_version` holds the last applied.

Each migration is a function of one connection, run inside one transaction with the version bump:
a store is either fully at version N or still at N-1. Add a migration by appending to MIGRATIONS;
never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from ..errors import LegationError


class StoreError(LegationError):
    """The store file cannot be opened, is from a newer legation, or is damaged."""

    code = "L400"


# Version 1: the whole schema. Child tables are WITHOUT ROWID and keyed (doc, i) so that the rows
# of one document sit together: writing appends, deleting a document touches one B-tree range.
SCHEMA_V1 = """
CREATE TABLE files (
    path      TEXT PRIMARY KEY,
    size      INTEGER NOT NULL,
    mtime_ns  INTEGER NOT NULL,
    sha256    TEXT NOT NULL,
    docs      INTEGER NOT NULL,
    errors    INTEGER NOT NULL,
    ingested  TEXT NOT NULL
);

CREATE TABLE documents (
    doc            INTEGER PRIMARY KEY,
    file           TEXT,
    source         TEXT NOT NULL,
    ord            INTEGER NOT NULL,
    key            TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('ok', 'error')),
    message        TEXT,
    sha256         TEXT,
    kind           TEXT,
    cable_id       TEXT,
    title          TEXT,
    date           TEXT,
    year           INTEGER,
    origin         TEXT,
    classification TEXT,
    precedence     TEXT,
    outlet         TEXT
);
CREATE INDEX documents_file ON documents(file);
CREATE INDEX documents_key ON documents(key);
CREATE INDEX documents_cable_id ON documents(cable_id) WHERE cable_id IS NOT NULL;
CREATE INDEX documents_status ON documents(status) WHERE status = 'error';

-- The full contract record (compressed JSON, see records.py), apart so that document rows stay small for
-- joins, filters and facets.
CREATE TABLE records (
    doc    INTEGER PRIMARY KEY,
    record BLOB NOT NULL
);

CREATE TABLE paragraphs (
    doc INTEGER NOT NULL, i INTEGER NOT NULL,
    n INTEGER, marking TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    PRIMARY KEY (doc, i)
) WITHOUT ROWID;

CREATE TABLE entities (
    entity TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    label  TEXT NOT NULL,
    ids    TEXT NOT NULL DEFAULT '[]'
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE aliases (
    alias  TEXT NOT NULL COLLATE NOCASE,
    entity TEXT NOT NULL,
    PRIMARY KEY (alias, entity)
) WITHOUT ROWID;

CREATE TABLE mentions (
    doc INTEGER NOT NULL, i INTEGER NOT NULL,
    entity TEXT NOT NULL, label TEXT NOT NULL, text TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, sent INTEGER NOT NULL,
    PRIMARY KEY (doc, i)
) WITHOUT ROWID;

-- Which documents name an entity, and how often: one row per entity and document (mentions are
-- three times as many), clustered by entity so that a dossier reads one range.
CREATE TABLE entity_docs (
    entity TEXT NOT NULL, doc INTEGER NOT NULL, mentions INTEGER NOT NULL,
    PRIMARY KEY (entity, doc)
) WITHOUT ROWID;

CREATE TABLE times (
    doc INTEGER NOT NULL, i INTEGER NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    date_from TEXT, date_to TEXT, granularity TEXT,
    sent INTEGER NOT NULL, sentence TEXT NOT NULL,
    PRIMARY KEY (doc, i)
) WITHOUT ROWID;

CREATE TABLE acronyms (
    doc INTEGER NOT NULL, i INTEGER NOT NULL,
    short TEXT NOT NULL, long TEXT NOT NULL,
    PRIMARY KEY (doc, i)
) WITHOUT ROWID;
CREATE INDEX acronyms_short ON acronyms(short);

CREATE TABLE refs (
    doc INTEGER NOT NULL, i INTEGER NOT NULL,
    letter TEXT, ref_id TEXT, text TEXT NOT NULL,
    PRIMARY KEY (doc, i)
) WITHOUT ROWID;
CREATE INDEX refs_ref_id ON refs(ref_id) WHERE ref_id IS NOT NULL;

CREATE TABLE tags (
    doc INTEGER NOT NULL, i INTEGER NOT NULL,
    code TEXT NOT NULL, meaning TEXT,
    PRIMARY KEY (doc, i)
) WITHOUT ROWID;
CREATE INDEX tags_code ON tags(code);

CREATE TABLE recipients (
    doc INTEGER NOT NULL, i INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('to', 'info')),
    name TEXT NOT NULL, route TEXT, precedence TEXT, mcn TEXT,
    PRIMARY KEY (doc, i)
) WITHOUT ROWID;

CREATE TABLE caveats (
    doc INTEGER NOT NULL, i INTEGER NOT NULL,
    caveat TEXT NOT NULL,
    PRIMARY KEY (doc, i)
) WITHOUT ROWID;

-- One row per stored document: its title and the text of its paragraphs (BM25 ranks by both).
CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');

-- Cables cited but not stored: what the citing cables tell of them (id, station, year, who cites).
CREATE VIEW placeholders AS
    SELECT r.ref_id AS ref_id, count(DISTINCT r.doc) AS cited_by
    FROM refs r
    WHERE r.ref_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.cable_id = r.ref_id)
    GROUP BY r.ref_id;
"""


def _v1(conn: sqlite3.Connection) -> None:
    for statement in _statements(SCHEMA_V1):
        conn.execute(statement)


def _statements(script: str) -> list[str]:
    """Split a schema script on `;` at line ends (no statement of ours has one inside a line)."""
    body = "\n".join(line for line in script.splitlines() if not line.strip().startswith("--"))
    return [s.strip() for s in body.split(";\n") if s.strip().rstrip(";")]


# Version 2: the full-text index keeps no copy of the text (contentless FTS5). Titles and bodies are
# in the records already; snippets read them there, and a document leaves the index through FTS5's
# 'delete' command with the title and body it was indexed with (rebuilt from its record).
SCHEMA_V2 = """
CREATE VIRTUAL TABLE fts_v2 USING fts5(title, body, content = '', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO fts_v2(rowid, title, body) SELECT rowid, title, body FROM fts;
DROP TABLE fts;
ALTER TABLE fts_v2 RENAME TO fts;
"""


def _v2(conn: sqlite3.Connection) -> None:
    for statement in _statements(SCHEMA_V2):
        conn.execute(statement)


MIGRATIONS: list[tuple[int, Callable[[sqlite3.Connection], None]]] = [
    (1, _v1),
    (2, _v2),
]

LATEST = MIGRATIONS[-1][0]


def version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the store to LATEST; returns the version it was at. Each step is its own transaction."""
    start = version(conn)
    if start > LATEST:
        raise StoreError(f"the store is at schema version {start}, newer than this legation ({LATEST});"
                         " upgrade legation to open it")
    for number, step in MIGRATIONS:
        if number <= version(conn):
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if version(conn) >= number:  # another process migrated while we waited for the lock
                conn.execute("ROLLBACK")
                continue
            step(conn)
            conn.execute(f"PRAGMA user_version = {int(number)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return start
