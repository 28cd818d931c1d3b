"""The SQLite store: one file in WAL mode, a single writer (`BEGIN IMMEDIATE`), reads on their own connection.

A batch of files is one transaction: the old documents of a changed file, their derived rows and
their FTS entries go, the new ones come, and the file's state is recorded, all or nothing. A crash
or Ctrl-C mid-batch loses only that batch, and the next ingest redoes it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

from .base import FileResult, FileState
from .migrations import StoreError, migrate
from .records import unpack_record
from .rows import DocumentRows, record_body

# Wait this long for another writer's lock before failing (an ingest commits at least every batch).
BUSY_TIMEOUT_MS = 30_000
# Page cache per connection, in KiB (negative in PRAGMA cache_size): enough for the FTS merge
# working set of a batch without growing with the corpus.
CACHE_KIB = 64 * 1024

CONNECTION_PRAGMAS = (
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    f"PRAGMA cache_size = -{CACHE_KIB}",
    "PRAGMA temp_store = MEMORY",
)
# The writer's cache is larger: entity → document rows are inserted all over their B-tree, and a
# cache that holds the hot pages keeps the cost per document flat as the store grows.
WRITER_CACHE_KIB = 256 * 1024
# NORMAL is durable across application crashes in WAL mode (only an OS crash can lose the last commit).
WRITER_PRAGMAS = ("PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL")

INSERT = {
    "documents": "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "records": "INSERT INTO records VALUES (?,?)",
    "fts": "INSERT INTO fts(rowid, title, body) VALUES (?,?,?)",
    "paragraphs": "INSERT INTO paragraphs VALUES (?,?,?,?,?,?)",
    "entities": "INSERT OR IGNORE INTO entities VALUES (?,?,?,?)",
    "aliases": "INSERT OR IGNORE INTO aliases VALUES (?,?)",
    "mentions": "INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?)",
    "entity_docs": "INSERT INTO entity_docs VALUES (?,?,?)",
    "times": "INSERT INTO times VALUES (?,?,?,?,?,?,?,?,?,?)",
    "acronyms": "INSERT INTO acronyms VALUES (?,?,?,?)",
    "refs": "INSERT INTO refs VALUES (?,?,?,?,?)",
    "tags": "INSERT INTO tags VALUES (?,?,?,?)",
    "recipients": "INSERT INTO recipients VALUES (?,?,?,?,?,?,?)",
    "caveats": "INSERT INTO caveats VALUES (?,?,?)",
}
# Tables whose rows belong to one document (deleted with it).
CHILD_TABLES = ("records", "paragraphs", "mentions", "times", "acronyms", "refs", "tags", "recipients", "caveats")
UPSERT_FILE = ("INSERT OR REPLACE INTO files(path, size, mtime_ns, sha256, docs, errors, ingested)"
               " VALUES (?,?,?,?,?,?,?)")


def connect(path: str, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    for pragma in CONNECTION_PRAGMAS:
        conn.execute(pragma)
    return conn


class SQLiteStore:
    """One legation store file. `reader()` gives the read connection; writes go through this object."""

    def __init__(self, path: str | os.PathLike, readonly: bool = False, cache_kib: int = WRITER_CACHE_KIB):
        self.path = str(path)
        self.readonly = readonly
        self.cache_kib = cache_kib
        self._known = _Known()
        self._writer = self._reader = None
        if readonly and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path} (create one with `legation ingest`)")
        self.reconnect()

    def reconnect(self) -> None:
        """Open the connections (again, after `release`); a writable store is migrated to LATEST."""
        try:
            if not self.readonly:
                self._writer = connect(self.path)
                for pragma in WRITER_PRAGMAS:
                    self._writer.execute(pragma)
                self._writer.execute(f"PRAGMA cache_size = -{int(self.cache_kib)}")
                migrate(self._writer)
            self._reader = connect(self.path, readonly=self.readonly)
            if self.readonly:
                self._upgrade_for_reading()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the store {self.path}: {exc}") from None

    def _upgrade_for_reading(self) -> None:
        """A store from an older legation is migrated before it is read (once, on a short-lived
        writable connection); one that is not a legation store, or newer, is refused."""
        from .migrations import LATEST, version

        current = version(self._reader)
        if current == LATEST:
            return
        if not 0 < current < LATEST:
            raise StoreError(f"{self.path} is not a legation store at schema version {LATEST}")
        self._reader.close()
        try:
            writer = connect(self.path)
            try:
                migrate(writer)
            finally:
                writer.close()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path} is at schema version {current} and this legation reads version "
                             f"{LATEST}; it could not be upgraded ({exc}): open it once where it is writable") from None
        self._reader = connect(self.path, readonly=True)

    def release(self) -> None:
        """Close the connections but keep the store usable through `reconnect`: a process forked
        while an SQLite connection is open must not open the same file (its lock state is shared)."""
        self.close()

    # --- connections ------------------------------------------------------------------------

    def reader(self) -> sqlite3.Connection:
        return self._reader

    def writer(self) -> sqlite3.Connection:
        if self._writer is None:
            raise StoreError(f"{self.path} was opened read-only")
        return self._writer

    def close(self) -> None:
        for conn in (self._writer, self._reader):
            if conn is not None:
                conn.close()
        self._writer = self._reader = None

    # --- file states ------------------------------------------------------------------------

    def file_states(self) -> dict[str, FileState]:
        rows = self.reader().execute("SELECT path, size, mtime_ns, sha256 FROM files")
        return {p: FileState(p, s, m, h) for p, s, m, h in rows}

    def touch_files(self, states: Iterable[FileState]) -> None:
        """Record a new size/mtime for files whose content (sha256) did not change."""
        conn = self.writer()
        with _transaction(conn):
            conn.executemany("UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?",
                             [(s.size, s.mtime_ns, s.path) for s in states])

    # --- writing ----------------------------------------------------------------------------

    def write_files(self, results: Iterable[FileResult], wait: bool = True) -> int | None:
        """Replace the documents of each file by its new ones, in one transaction; returns documents
        written. With wait=False, returns None at once when another connection holds the write lock."""
        results = list(results)
        if not results:
            return 0
        conn = self.writer()
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        try:
            _begin(conn, wait)
        except sqlite3.OperationalError as exc:
            if not wait and exc.sqlite_errorcode & 0xFF == sqlite3.SQLITE_BUSY:
                return None
            raise
        with _finish(conn):
            self._delete_documents(conn, [r.path for r in results])
            next_doc = conn.execute("SELECT coalesce(max(doc), 0) + 1 FROM documents").fetchone()[0]
            batch: dict[str, list[tuple]] = {name: [] for name in INSERT}
            fresh = _Known()
            for result in results:
                for rows in result.rows:
                    _collect(batch, rows, next_doc, result.path, self._known, fresh)
                    next_doc += 1
            # In key order, each B-tree page of entity_docs is visited once per batch, not once per row.
            batch["entity_docs"].sort()
            for name, statement in INSERT.items():
                if batch[name]:
                    conn.executemany(statement, batch[name])
            conn.executemany(UPSERT_FILE, [
                (r.path, r.size, r.mtime_ns, r.sha256, sum(x.status == "ok" for x in r.rows),
                 sum(x.status == "error" for x in r.rows), stamp) for r in results])
        # Only once committed: a rolled-back batch must insert its entities again.
        self._known.merge(fresh)
        return len(batch["documents"])

    def delete_files(self, paths: Iterable[str]) -> int:
        conn = self.writer()
        paths = list(paths)
        with _transaction(conn):
            n = self._delete_documents(conn, paths)
            conn.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in paths])
        return n

    def _delete_documents(self, conn: sqlite3.Connection, paths: list[str]) -> int:
        docs: list[tuple[int]] = []
        indexed: list[tuple] = []
        for chunk in _chunks(paths, 500):
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(f"SELECT d.doc, d.title, r.record FROM documents d LEFT JOIN records r "
                                f"ON r.doc = d.doc WHERE d.file IN ({marks})", chunk).fetchall()
            docs += [(doc,) for doc, _, _ in rows]
            # The index keeps no text: a document leaves it with the title and body it went in with.
            indexed += [("delete", doc, *_indexed(title, record)) for doc, title, record in rows
                        if record is not None]
        if not docs:
            return 0
        # entity_docs is keyed by entity: find a document's rows through its mentions first.
        conn.executemany("DELETE FROM entity_docs WHERE (entity, doc) IN "
                         "(SELECT DISTINCT entity, doc FROM mentions WHERE doc = ?)", docs)
        for table in CHILD_TABLES:
            conn.executemany(f"DELETE FROM {table} WHERE doc = ?", docs)
        conn.executemany("INSERT INTO fts(fts, rowid, title, body) VALUES (?,?,?,?)", indexed)
        conn.executemany("DELETE FROM documents WHERE doc = ?", docs)
        return len(docs)

    def index_differences(self) -> int:
        """Term instances on which the full-text index and the stored records disagree (0 when the
        index is sound). The index keeps no text, so FTS5's own integrity-check cannot see a document
        that left it with other words than it came with: here the records are indexed again into a
        temporary table made like the index, and the two vocabularies compared instance by instance."""
        conn = self.reader()
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'fts'").fetchone()[0]
        try:
            conn.execute("CREATE VIRTUAL TABLE temp.fts_check " + sql[sql.upper().index("USING"):])
            conn.execute("CREATE VIRTUAL TABLE temp.fts_check_terms USING fts5vocab(temp, fts_check, instance)")
            conn.execute("CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, fts, instance)")
            last = 0
            while rows := conn.execute("SELECT d.doc, d.title, r.record FROM documents d JOIN records r "
                                       "ON r.doc = d.doc WHERE d.doc > ? ORDER BY d.doc LIMIT 1000",
                                       (last,)).fetchall():
                conn.executemany("INSERT INTO temp.fts_check(rowid, title, body) VALUES (?,?,?)",
                                 [(doc, *_indexed(title, blob)) for doc, title, blob in rows])
                last = rows[-1][0]
            extra = conn.execute("SELECT count(*) FROM (SELECT * FROM temp.fts_terms "
                                 "EXCEPT SELECT * FROM temp.fts_check_terms)").fetchone()[0]
            missing = conn.execute("SELECT count(*) FROM (SELECT * FROM temp.fts_check_terms "
                                   "EXCEPT SELECT * FROM temp.fts_terms)").fetchone()[0]
            return extra + missing
        finally:
            for table in ("fts_terms", "fts_check_terms", "fts_check"):
                conn.execute(f"DROP TABLE IF EXISTS temp.{table}")

    def optimize(self) -> None:
        """Merge the FTS segments and refresh the planner's statistics (after a large ingest)."""
        conn = self.writer()
        conn.execute("INSERT INTO fts(fts) VALUES ('optimize')")
        conn.execute("PRAGMA optimize")


class _Known:
    """Entities and aliases this writer has already inserted: a corpus names the same few thousand
    places and people again and again, and INSERT OR IGNORE still costs a B-tree descent each."""

    # Past this many keys the sets are cleared (memory stays bounded; INSERT OR IGNORE stays correct).
    MAX_KEYS = 1_000_000

    def __init__(self):
        self.entities: set[str] = set()
        self.aliases: set[tuple[str, str]] = set()

    def merge(self, other: _Known) -> None:
        if len(self.entities) + len(self.aliases) > self.MAX_KEYS:
            self.entities.clear()
            self.aliases.clear()
        self.entities |= other.entities
        self.aliases |= other.aliases


def _indexed(title: str | None, record: bytes) -> tuple[str, str]:
    """The title and body a stored document went into the full-text index with (as `_collect` put them)."""
    return title or "", record_body(unpack_record(record))


def _collect(batch: dict[str, list[tuple]], rows: DocumentRows, doc: int, file: str, known: _Known,
             fresh: _Known) -> None:
    """Add a document's rows to the batch; `fresh` gathers the entities and aliases first met here."""
    batch["documents"].append(rows.head(doc, file))
    if rows.status != "ok":
        return
    batch["fts"].append((doc, rows.title or "", rows.body))
    batch["records"].append((doc, rows.record))
    key = (doc,)  # key + row: half the time of (doc, *row)
    for name in CHILD_TABLES[1:]:
        batch[name].extend([key + row for row in getattr(rows, name)])
    batch["entity_docs"].extend([(entity, doc, n) for entity, n in rows.entity_docs])
    entities = [e for e in rows.entities if e[0] not in known.entities and e[0] not in fresh.entities]
    batch["entities"].extend(entities)
    fresh.entities.update(e[0] for e in entities)
    # In document order (not a set's): aliases match without case, and the first spelling stays.
    aliases = dict.fromkeys((m[3], m[1]) for m in rows.mentions)
    aliases.update(dict.fromkeys((e[1], e[0]) for e in rows.entities))
    aliases = [a for a in aliases if a not in known.aliases and a not in fresh.aliases]
    batch["aliases"].extend(aliases)
    fresh.aliases.update(aliases)


def _begin(conn: sqlite3.Connection, wait: bool = True) -> None:
    """BEGIN IMMEDIATE; with wait=False it fails at once with SQLITE_BUSY when another connection is
    writing, rather than waiting up to BUSY_TIMEOUT_MS for it."""
    if wait:
        conn.execute("BEGIN IMMEDIATE")
        return
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("BEGIN IMMEDIATE")
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


@contextmanager
def _finish(conn: sqlite3.Connection):
    """COMMIT the transaction begun, or ROLLBACK on any exception (KeyboardInterrupt included)."""
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def _transaction(conn: sqlite3.Connection):
    _begin(conn)
    with _finish(conn):
        yield conn


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
