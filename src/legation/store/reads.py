"""Read statements of the SQLite store. Each function takes a connection and returns plain tuples/dicts."""

from __future__ import annotations

import json
import sqlite3
import time
import uuid

from .compile import Plan
from .records import unpack_record
from .rows import record_body

# BM25 weight of the title column against the body: a word in the subject line says more.
TITLE_WEIGHT = 4.0
RANKING = f"bm25({TITLE_WEIGHT}, 1.0)"

# Virtual-machine steps between two checks of a facet's time budget.
PROGRESS_STEPS = 10_000

SUMMARY_COLUMNS = "d.doc, d.key, d.kind, d.cable_id, d.title, d.date, d.origin, d.classification, d.source"


def summary(row) -> dict:
    doc, key, kind, cable_id, title, date, origin, classification, source = row[:9]
    return {"key": key, "kind": kind, "id": cable_id, "title": title, "date": date, "origin": origin,
            "classification": classification, "source": source, "_doc": doc}


# --- search -------------------------------------------------------------------------------------

def search_page(conn: sqlite3.Connection, plan: Plan, limit: int, offset: int,
                count: bool = True) -> tuple[list[dict], int | None]:
    """One page of matches (best first, or newest first for filters only) and the number of matches
    (None with count=False: a full count costs most on broad queries)."""
    if plan.match is not None and plan.where == "1":
        # Words only: rank in the index alone, then read the page's twenty documents.
        ranked = conn.execute(f"SELECT rowid, rank FROM fts WHERE fts MATCH ? AND rank MATCH '{RANKING}' "
                              f"ORDER BY rank LIMIT ? OFFSET ?", (plan.match, limit, offset)).fetchall()
        found = {row[0]: row for row in conn.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM documents d WHERE d.doc IN ({_marks([r[0] for r in ranked])})",
            [r[0] for r in ranked])} if ranked else {}
        rows = [(*found[doc], rank) for doc, rank in ranked if doc in found]
    elif plan.match is not None:
        sql = (f"SELECT {SUMMARY_COLUMNS}, fts.rank FROM fts JOIN documents d ON d.doc = fts.rowid "
               f"WHERE fts MATCH ? AND fts.rank MATCH '{RANKING}' AND ({plan.where}) "
               f"ORDER BY fts.rank LIMIT ? OFFSET ?")
        rows = conn.execute(sql, [plan.match, *plan.params, limit, offset]).fetchall()
    else:
        sql = (f"SELECT {SUMMARY_COLUMNS}, NULL FROM documents d "
               f"WHERE d.status = 'ok' AND ({plan.where}) "
               f"ORDER BY d.date IS NULL, d.date DESC, d.doc LIMIT ? OFFSET ?")
        rows = conn.execute(sql, [*plan.params, limit, offset]).fetchall()
    if offset == 0 and len(rows) < limit:
        total = len(rows)
    else:
        total = count_matches(conn, plan) if count else None
    out = []
    for row in rows:
        item = summary(row)
        item["score"] = None if row[9] is None else round(-row[9], 4)
        out.append(item)
    return out, total


def count_matches(conn: sqlite3.Connection, plan: Plan) -> int:
    if plan.match is not None and plan.where == "1":
        # Only FTS rows of stored documents exist: the index alone counts (no ranking, no join).
        return conn.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (plan.match,)).fetchone()[0]
    sql, params = matched_sql(plan)
    return conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]


def matched_sql(plan: Plan) -> tuple[str, list]:
    """SELECT d.doc of every matching document."""
    if plan.match is not None:
        return (f"SELECT d.doc FROM fts JOIN documents d ON d.doc = fts.rowid "
                f"WHERE fts MATCH ? AND ({plan.where})", [plan.match, *plan.params])
    return f"SELECT d.doc FROM documents d WHERE d.status = 'ok' AND ({plan.where})", list(plan.params)


def bodies(conn: sqlite3.Connection, docs: list[int]) -> dict[int, str]:
    """The indexed text (paragraphs) of each document, rebuilt from its record."""
    if not docs:
        return {}
    rows = conn.execute(f"SELECT doc, record FROM records WHERE doc IN ({_marks(docs)})", docs)
    return {doc: record_body(unpack_record(blob)) for doc, blob in rows}


FACET_SQL = {
    "kind": "SELECT 'kind', d.kind, count(*) FROM m JOIN documents d ON d.doc = m.doc GROUP BY 2",
    "origin": ("SELECT 'origin', d.origin, count(*) FROM m JOIN documents d ON d.doc = m.doc "
               "WHERE d.origin IS NOT NULL GROUP BY 2"),
    "classification": ("SELECT 'classification', d.classification, count(*) FROM m "
                       "JOIN documents d ON d.doc = m.doc WHERE d.classification IS NOT NULL GROUP BY 2"),
    "year": "SELECT 'year', d.year, count(*) FROM m JOIN documents d ON d.doc = m.doc "
            "WHERE d.year IS NOT NULL GROUP BY 2",
    "tag": "SELECT 'tag', t.code, count(DISTINCT t.doc) FROM m JOIN tags t ON t.doc = m.doc GROUP BY 2",
    "entity": ("SELECT 'entity', x.entity, count(DISTINCT x.doc) FROM m JOIN mentions x ON x.doc = m.doc "
               "GROUP BY 2"),
}


def facets(conn: sqlite3.Connection, plan: Plan, size: int,
           time_limit_ms: float) -> tuple[dict[str, list[tuple]], list[str]]:
    """The top `size` values of each facet over all matching documents, with document counts, and
    the facets skipped because the time budget ran out (broad queries on large stores)."""
    sql, params = matched_sql(plan)
    table = f"temp.matched_{uuid.uuid4().hex[:12]}"
    deadline = time.perf_counter() + time_limit_ms / 1000
    out: dict[str, list[tuple]] = {name: [] for name in FACET_SQL}
    skipped: list[str] = []
    conn.execute(f"CREATE TABLE {table} AS {sql}", params)
    try:
        for name, body in FACET_SQL.items():
            query = f"{body.replace(' FROM m ', f' FROM {table} m ')} ORDER BY 3 DESC, 2 LIMIT {int(size)}"
            rows = _within(conn, deadline, query)
            if rows is None:
                skipped.append(name)
                del out[name]
                continue
            out[name] = [(value, count) for _, value, count in rows]
    finally:
        conn.execute(f"DROP TABLE {table}")
    if out.get("entity"):
        names = entity_names(conn, [v for v, _ in out["entity"]])
        out["entity"] = [(v, c, *names.get(v, (v, None))) for v, c in out["entity"]]
    return out, skipped


def _within(conn: sqlite3.Connection, deadline: float, sql: str, params=()) -> list | None:
    """Rows of a statement, or None when it is still running at `deadline` (it is interrupted)."""
    if time.perf_counter() >= deadline:
        return None
    conn.set_progress_handler(lambda: int(time.perf_counter() > deadline), PROGRESS_STEPS)
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            return None
        raise
    finally:
        conn.set_progress_handler(None, 0)


def entity_names(conn: sqlite3.Connection, ids: list[str]) -> dict[str, tuple[str, str]]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"SELECT entity, name, label FROM entities WHERE entity IN ({marks})", ids)
    return {e: (n, lab) for e, n, lab in rows}


def acronym_longs(conn: sqlite3.Connection, short: str, limit: int) -> list[str]:
    rows = conn.execute("SELECT long FROM acronyms WHERE short = ? GROUP BY long ORDER BY count(*) DESC, long "
                        "LIMIT ?", (short, limit))
    return [r[0] for r in rows]


def documents_by_cable_id(conn: sqlite3.Connection, cable_id: str) -> list[dict]:
    rows = conn.execute(f"SELECT {SUMMARY_COLUMNS} FROM documents d WHERE d.cable_id = ? AND d.status = 'ok' "
                        "ORDER BY d.doc", (cable_id,))
    return [summary(r) for r in rows]


# --- documents ----------------------------------------------------------------------------------

def find_document(conn: sqlite3.Connection, ident: str) -> tuple[dict, dict] | None:
    """(summary, record) of the document with this cable id, key or source path; None if there is none."""
    for where in ("d.cable_id = ?", "d.key = ?", "d.file = ?", "d.source = ?"):
        row = conn.execute(f"SELECT {SUMMARY_COLUMNS}, r.record, d.status, d.message FROM documents d "
                           f"LEFT JOIN records r ON r.doc = d.doc "
                           f"WHERE {where} ORDER BY d.status = 'error', d.doc LIMIT 1", (ident,)).fetchone()
        if row:
            record = unpack_record(row[9]) if row[9] else {
                "source": row[8], "error": row[11]}
            return summary(row), record
    return None


def errors(conn: sqlite3.Connection, limit: int) -> list[dict]:
    rows = conn.execute("SELECT d.source, d.message, d.key, f.ingested FROM documents d "
                        "LEFT JOIN files f ON f.path = d.file WHERE d.status = 'error' "
                        "ORDER BY d.source, d.ord LIMIT ?", (limit,))
    return [{"source": s, "error": m, "key": k, "ingested": t} for s, m, k, t in rows]


# --- entities -----------------------------------------------------------------------------------

def find_entities(conn: sqlite3.Connection, name: str, limit: int = 20) -> list[dict]:
    """Entities called `name` (by id, name or alias, case-insensitive), most mentioned first;
    entities whose name starts with it when none is called exactly that."""
    exact = ("SELECT entity FROM aliases WHERE alias = ? UNION SELECT entity FROM entities WHERE entity = ? "
             "UNION SELECT entity FROM entities WHERE name = ? COLLATE NOCASE")
    rows = _entity_counts(conn, exact, [name, name, name], limit)
    if not rows:
        escaped = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = _entity_counts(conn, "SELECT entity FROM aliases WHERE alias LIKE ? ESCAPE '\\'",
                              [escaped + "%"], limit)
    return rows


def _entity_counts(conn, candidates: str, params: list, limit: int) -> list[dict]:
    sql = (f"SELECT e.entity, e.name, e.label, e.ids, sum(ed.mentions) AS n, count(*) FROM entities e "
           f"JOIN entity_docs ed ON ed.entity = e.entity WHERE e.entity IN ({candidates}) "
           f"GROUP BY e.entity ORDER BY n DESC, e.name LIMIT ?")
    return [{"id": e, "name": n, "label": lab, "ids": json.loads(ids), "mentions": c, "documents": d}
            for e, n, lab, ids, c, d in conn.execute(sql, [*params, limit])]


def _marks(ids: list[str]) -> str:
    return ",".join("?" * len(ids))


def entity_aliases(conn: sqlite3.Connection, ids: list[str], limit: int) -> list[tuple[str, int]]:
    rows = conn.execute(f"SELECT m.text, count(*) FROM entity_docs ed JOIN mentions m ON m.doc = ed.doc "
                        f"AND m.entity = ed.entity WHERE ed.entity IN ({_marks(ids)}) GROUP BY m.text "
                        "ORDER BY 2 DESC, 1 LIMIT ?", [*ids, limit])
    return rows.fetchall()


def entity_documents(conn: sqlite3.Connection, ids: list[str], limit: int) -> list[dict]:
    rows = conn.execute(f"SELECT {SUMMARY_COLUMNS}, sum(ed.mentions) FROM entity_docs ed "
                        f"JOIN documents d ON d.doc = ed.doc WHERE ed.entity IN ({_marks(ids)}) GROUP BY d.doc "
                        "ORDER BY d.date IS NULL, d.date, d.doc LIMIT ?", [*ids, limit])
    out = []
    for row in rows:
        item = summary(row)
        item["mentions"] = row[9]
        out.append(item)
    return out


def cooccurring(conn: sqlite3.Connection, ids: list[str], limit: int) -> list[dict]:
    """Entities named in the same documents: at most `limit` of each label, those tied to the entity
    first (a mention that encloses one of its mentions: the agreement named after a place), then by
    the number of documents shared."""
    marks = _marks(ids)
    sql = (f"WITH docs AS (SELECT DISTINCT doc FROM entity_docs WHERE entity IN ({marks})), "
           f"tied AS (SELECT DISTINCT x.entity FROM docs JOIN mentions m ON m.doc = docs.doc "
           f"  JOIN mentions x ON x.doc = m.doc AND x.start <= m.start AND x.\"end\" >= m.\"end\" "
           f"  WHERE m.entity IN ({marks}) AND x.entity NOT IN ({marks})), "
           f"agg AS (SELECT x.entity, e.name, e.label, count(DISTINCT x.doc) AS shared, count(*) AS n, "
           f"  x.entity IN (SELECT entity FROM tied) AS is_tied FROM docs "
           f"  JOIN mentions x ON x.doc = docs.doc JOIN entities e ON e.entity = x.entity "
           f"  WHERE x.entity NOT IN ({marks}) GROUP BY x.entity), "
           f"ranked AS (SELECT *, row_number() OVER (PARTITION BY label "
           f"  ORDER BY is_tied DESC, shared DESC, n DESC, name) AS r FROM agg) "
           f"SELECT entity, name, label, shared, n, is_tied FROM ranked WHERE r <= ? "
           f"ORDER BY is_tied DESC, shared DESC, n DESC, name")
    return [{"id": e, "name": n, "label": lab, "documents": s, "mentions": c, "tied": bool(t)}
            for e, n, lab, s, c, t in conn.execute(sql, [*ids, *ids, *ids, *ids, limit])]


def document_entities(conn: sqlite3.Connection, doc: int, limit: int) -> list[dict]:
    sql = ("SELECT m.entity, e.name, e.label, count(*) FROM mentions m JOIN entities e ON e.entity = m.entity "
           "WHERE m.doc = ? GROUP BY m.entity ORDER BY count(*) DESC, e.name LIMIT ?")
    return [{"id": x, "name": n, "label": lab, "mentions": c} for x, n, lab, c in conn.execute(sql, (doc, limit))]


# --- timelines ----------------------------------------------------------------------------------

TIMELINE_COLUMNS = ("t.date_from, t.date_to, t.granularity, t.text, t.sentence, d.key, d.kind, d.title, "
                    "d.date")


def statements_for_entity(conn: sqlite3.Connection, ids: list[str], sentence_only: bool,
                          limit: int) -> list[tuple]:
    """Dated statements of the documents naming the entity; the flag says the sentence itself names it."""
    marks = _marks(ids)
    direct = (f"EXISTS (SELECT 1 FROM mentions x WHERE x.doc = t.doc AND x.sent = t.sent "
              f"AND x.entity IN ({marks}))")
    sql = (f"WITH docs AS (SELECT DISTINCT doc FROM entity_docs WHERE entity IN ({marks})) "
           f"SELECT {TIMELINE_COLUMNS}, {direct} AS direct FROM docs JOIN times t ON t.doc = docs.doc "
           f"JOIN documents d ON d.doc = t.doc WHERE t.date_from IS NOT NULL "
           f"{'AND direct' if sentence_only else ''} ORDER BY t.date_from, t.date_to, d.date, t.start LIMIT ?")
    return conn.execute(sql, [*ids, *ids, limit]).fetchall()


def dates_for_entity(conn: sqlite3.Connection, ids: list[str], limit: int) -> list[tuple]:
    sql = (f"SELECT d.key, d.kind, d.title, d.date FROM documents d WHERE d.doc IN "
           f"(SELECT doc FROM entity_docs WHERE entity IN ({_marks(ids)})) AND d.date IS NOT NULL "
           f"ORDER BY d.date LIMIT ?")
    return conn.execute(sql, [*ids, limit]).fetchall()


def statements_for_docs(conn: sqlite3.Connection, docs: list[int], limit: int) -> list[tuple]:
    if not docs:
        return []
    sql = (f"SELECT {TIMELINE_COLUMNS}, 1 FROM times t JOIN documents d ON d.doc = t.doc "
           f"WHERE t.doc IN ({_marks(docs)}) AND t.date_from IS NOT NULL "
           f"ORDER BY t.date_from, t.date_to, d.date, t.start LIMIT ?")
    return conn.execute(sql, [*docs, limit]).fetchall()


def dates_for_docs(conn: sqlite3.Connection, docs: list[int]) -> list[tuple]:
    if not docs:
        return []
    sql = (f"SELECT d.key, d.kind, d.title, d.date FROM documents d WHERE d.doc IN ({_marks(docs)}) "
           f"AND d.date IS NOT NULL ORDER BY d.date")
    return conn.execute(sql, docs).fetchall()


# --- references ---------------------------------------------------------------------------------

def cites(conn: sqlite3.Connection, doc: int) -> list[dict]:
    sql = ("SELECT r.letter, r.ref_id, r.text, (SELECT d2.key FROM documents d2 WHERE d2.cable_id = r.ref_id "
           "AND d2.status = 'ok' LIMIT 1), (SELECT d2.title FROM documents d2 WHERE d2.cable_id = r.ref_id "
           "AND d2.status = 'ok' LIMIT 1), (SELECT d2.date FROM documents d2 WHERE d2.cable_id = r.ref_id "
           "AND d2.status = 'ok' LIMIT 1) FROM refs r WHERE r.doc = ? ORDER BY r.i")
    return [{"letter": letter, "id": ref_id, "text": text, "stored": key is not None, "key": key,
             "title": title, "date": date} for letter, ref_id, text, key, title, date in conn.execute(sql, (doc,))]


def cited_by(conn: sqlite3.Connection, cable_id: str, limit: int) -> list[dict]:
    sql = (f"SELECT {SUMMARY_COLUMNS}, r.letter FROM refs r JOIN documents d ON d.doc = r.doc "
           f"WHERE r.ref_id = ? AND d.status = 'ok' ORDER BY d.date, d.doc LIMIT ?")
    out = []
    for row in conn.execute(sql, (cable_id, limit)):
        item = summary(row)
        item["letter"] = row[9]
        out.append(item)
    return out


def placeholder_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM placeholders").fetchone()[0]


# --- statistics ---------------------------------------------------------------------------------

def stats(conn: sqlite3.Connection) -> dict:
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    kinds = dict(conn.execute("SELECT coalesce(kind, 'error'), count(*) FROM documents GROUP BY 1"))
    return {
        "documents": one("SELECT count(*) FROM documents WHERE status = 'ok'"),
        "errors": one("SELECT count(*) FROM documents WHERE status = 'error'"),
        "kinds": kinds,
        "files": one("SELECT count(*) FROM files"),
        "entities": one("SELECT count(*) FROM entities"),
        "mentions": one("SELECT count(*) FROM mentions"),
        "times": one("SELECT count(*) FROM times"),
        "acronyms": one("SELECT count(DISTINCT short) FROM acronyms"),
        "references": one("SELECT count(*) FROM refs"),
        "placeholders": placeholder_count(conn),
        "tags": one("SELECT count(DISTINCT code) FROM tags"),
        "first_date": one("SELECT min(date) FROM documents WHERE status = 'ok'"),
        "last_date": one("SELECT max(date) FROM documents WHERE status = 'ok'"),
        "schema": one("PRAGMA user_version"),
    }
