"""Timelines: dated statements in order, each with its sentence and its document.

For an entity, the statements of the documents that name it (scope "documents", the default: a
dossier reads the whole story of those documents) or only of the sentences that name it (scope
"sentences"), plus the documents' own dates. For a query, the same over the best matches.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field

from ..store import reads
from ..store.compile import compile_plan
from .common import NotFound
from .querylang import QueryError, parse_query

SCOPES = ("documents", "sentences")
# Entries returned at most: a timeline longer than this is read through filters, not scrolled.
MAX_ENTRIES = 2000
# Documents a query timeline draws from (the best matches by rank).
MAX_QUERY_DOCUMENTS = 200


@dataclass
class Entry:
    """One dated statement (`kind` "statement") or a document's own date (`kind` "document")."""

    date_from: str
    date_to: str | None
    granularity: str | None
    text: str
    sentence: str
    document: str
    document_kind: str | None
    document_title: str | None
    document_date: str | None
    kind: str = "statement"
    direct: bool = True

    def to_dict(self) -> dict:
        out = asdict(self)
        out["from"] = out.pop("date_from")
        out["to"] = out.pop("date_to")
        return out


@dataclass
class Timeline:
    subject: str
    scope: str
    entries: list[Entry] = field(default_factory=list)
    entity: dict | None = None

    def to_dict(self) -> dict:
        return {"subject": self.subject, "scope": self.scope, "entity": self.entity,
                "entries": [e.to_dict() for e in self.entries]}


def entity_timeline(conn: sqlite3.Connection, name: str, scope: str = "documents",
                    limit: int = MAX_ENTRIES) -> Timeline:
    from .dossier import resolve_entity

    if scope not in SCOPES:
        raise QueryError(f"unknown scope {scope!r}; choose one of {', '.join(SCOPES)}")
    main, together, _ = resolve_entity(conn, name)
    ids = [e["id"] for e in together]
    entries = timeline_for_ids(conn, ids, scope, limit)
    return Timeline(subject=main["name"], scope=scope, entries=entries, entity=main)


def timeline_for_ids(conn: sqlite3.Connection, ids: list[str], scope: str, limit: int) -> list[Entry]:
    rows = reads.statements_for_entity(conn, ids, scope == "sentences", limit)
    entries = [_statement(r) for r in rows]
    entries += [_document(r) for r in reads.dates_for_entity(conn, ids, limit)]
    return _ordered(entries)[:limit]


def query_timeline(conn: sqlite3.Connection, text: str, limit: int = MAX_ENTRIES) -> Timeline:
    plan = compile_plan(parse_query(text).tree)
    try:
        rows, _ = reads.search_page(conn, plan, MAX_QUERY_DOCUMENTS, 0, count=False)
    except sqlite3.OperationalError as exc:
        raise QueryError(f"the search index could not run this query ({exc})") from None
    if not rows:
        raise NotFound(f"no document matches {text!r}")
    docs = [r["_doc"] for r in rows]
    entries = [_statement(r) for r in reads.statements_for_docs(conn, docs, limit)]
    entries += [_document(r) for r in reads.dates_for_docs(conn, docs)]
    return Timeline(subject=text, scope="query", entries=_ordered(entries)[:limit])


def _statement(row) -> Entry:
    date_from, date_to, granularity, text, sentence, key, kind, title, date, direct = row
    return Entry(date_from=date_from, date_to=date_to, granularity=granularity, text=text, sentence=sentence,
                 document=key, document_kind=kind, document_title=title, document_date=date,
                 direct=bool(direct))


def _document(row) -> Entry:
    key, kind, title, date = row
    return Entry(date_from=date, date_to=None, granularity="document", text="document date",
                 sentence=title or "", document=key, document_kind=kind, document_title=title,
                 document_date=date, kind="document")


def _ordered(entries: list[Entry]) -> list[Entry]:
    """By start date, then end date; at the same dates, statements before documents' own dates."""
    return sorted(entries, key=lambda e: (e.date_from[:10], (e.date_to or e.date_from)[:10],
                                          e.kind != "statement", e.document))
