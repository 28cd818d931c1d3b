"""A Document flattened into the rows of the store, ready for executemany.

This runs in the ingest workers, so the writer only assigns document numbers and inserts: the
record JSON is serialised and compressed here, sentences are found here.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ..record import Document
from ..years import full_year
from .records import pack_record
from .sentences import sentence_starts, sentence_text

# A cable id: two-digit year, station letters, serial ("07MOSCOW3736", "07STATE87399").
CABLE_ID = re.compile(r"^(\d{2})([A-Z][A-Z_-]*?)(\d+)$")
# Resolved entity ids whose JSON is kept: more than the gazetteer's distinct ids seen in a batch.
ID_JSON_CACHE = 65536


@dataclass
class DocumentRows:
    """One document (or one failure) as rows; child rows omit the document number."""

    source: str
    ord: int
    key: str
    status: str
    message: str | None = None
    sha256: str | None = None
    kind: str | None = None
    cable_id: str | None = None
    title: str | None = None
    date: str | None = None
    year: int | None = None
    origin: str | None = None
    classification: str | None = None
    precedence: str | None = None
    outlet: str | None = None
    record: bytes | None = None
    body: str = ""
    paragraphs: list[tuple] = field(default_factory=list)
    entities: list[tuple] = field(default_factory=list)
    mentions: list[tuple] = field(default_factory=list)
    entity_docs: list[tuple] = field(default_factory=list)
    times: list[tuple] = field(default_factory=list)
    acronyms: list[tuple] = field(default_factory=list)
    refs: list[tuple] = field(default_factory=list)
    tags: list[tuple] = field(default_factory=list)
    recipients: list[tuple] = field(default_factory=list)
    caveats: list[tuple] = field(default_factory=list)

    def head(self, doc: int, file: str | None) -> tuple:
        return (doc, file, self.source, self.ord, self.key, self.status, self.message, self.sha256,
                self.kind, self.cable_id, self.title, self.date, self.year, self.origin,
                self.classification, self.precedence, self.outlet)


def document_key(doc: Document, ord: int) -> str:
    """The public key of a document: its cable id, else a stable hash of its content and place."""
    if doc.cable is not None and doc.cable.id:
        return doc.cable.id
    digest = hashlib.sha1(f"{doc.sha256}\x00{ord}".encode()).hexdigest()
    return f"{doc.kind or 'doc'}-{digest[:12]}"


def entity_keys(mentions: list) -> list[str]:
    """Each mention's entity: its resolved id when extraction gave one, else label + folded name (stable
    across documents). For a whole list at once: a call per mention costs about 0.7% of an ingest."""
    return [m.id or f"{m.label}:{' '.join((m.name or m.text).casefold().split())}" for m in mentions]


def document_rows(doc: Document, ord: int = 0) -> DocumentRows:
    record = pack_record(doc)
    cable, article = doc.cable, doc.article
    rows = DocumentRows(
        source=doc.source, ord=ord, key=document_key(doc, ord), status="ok", sha256=doc.sha256,
        kind=doc.kind, cable_id=cable.id if cable else None, title=doc.title, date=doc.date,
        year=_year(doc.date), origin=cable.origin if cable else None,
        classification=cable.classification if cable else None,
        precedence=cable.precedence if cable else None,
        outlet=article.outlet if article else None, record=record, body=_body(doc))
    text = doc.text
    starts = sentence_starts(text) if doc.entities or doc.times else [0]
    rows.paragraphs = [(i, p.n, p.marking, p.start, p.end) for i, p in enumerate(doc.paragraphs)]
    counts: dict[str, int] = {}
    # An entity's row comes from its first mention: keys enter `counts` in the same order.
    entities, mentions = rows.entities, rows.mentions
    # starts[0] is 0, so bisect_right(starts, offset) - 1 is the index of the sentence holding offset.
    for i, (m, key) in enumerate(zip(doc.entities, entity_keys(doc.entities), strict=True)):
        if key in counts:
            counts[key] += 1
        else:
            counts[key] = 1
            entities.append((key, m.name or m.text, m.label, _ids_json(m.id)))
        mentions.append((i, key, m.label, m.text, m.start, m.end, bisect_right(starts, m.start) - 1))
    rows.entity_docs = list(counts.items())
    times = rows.times
    for i, t in enumerate(doc.times):
        sent = bisect_right(starts, t.start) - 1
        times.append((i, t.text, t.start, t.end, t.from_, t.to, t.granularity, sent,
                      sentence_text(text, starts, sent, t.start, t.end)))
    rows.acronyms = [(i, a.short, a.long) for i, a in enumerate(doc.acronyms)]
    if cable is not None:
        rows.refs = [(i, r.letter, r.id, r.text) for i, r in enumerate(cable.references)]
        rows.tags = [(i, t.code, t.meaning) for i, t in enumerate(cable.tags)]
        recipients = [("to", r) for r in cable.to] + [("info", r) for r in cable.info]
        rows.recipients = [(i, role, r.name, r.route, r.precedence, r.mcn)
                           for i, (role, r) in enumerate(recipients)]
        rows.caveats = [(i, c) for i, c in enumerate(cable.caveats)]
    return rows


@lru_cache(maxsize=ID_JSON_CACHE)
def _ids_json(id: str | None) -> str:
    """The entity's resolved ids as a JSON list (a corpus names the same few thousand again and again)."""
    return json.dumps([id] if id else [])


def failure_rows(source: str, message: str, ord: int = 0) -> DocumentRows:
    digest = hashlib.sha1(f"{source}\x00{ord}".encode()).hexdigest()
    return DocumentRows(source=source, ord=ord, key=f"error-{digest[:12]}", status="error", message=message)


def split_cable_id(cable_id: str) -> tuple[str | None, int | None]:
    """`07STATE87399` → ("STATE", 2007); (None, None) when it is not a cable id."""
    match = CABLE_ID.match(cable_id or "")
    if not match:
        return None, None
    yy = int(match.group(1))
    return match.group(2), full_year(yy)


def _year(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def body_text(text: str, spans: list[tuple[int, int]]) -> str:
    """What the full-text index holds of a document: its paragraphs (start, end), blank-line
    separated; the whole text when no paragraph was found."""
    if not spans:
        return text
    return "\n\n".join([text[start:end] for start, end in spans])


def record_body(record: dict) -> str:
    """`body_text` of a stored record: the index keeps no copy (snippets and deletes rebuild it)."""
    return body_text(record["text"], [(p["start"], p["end"]) for p in record.get("paragraphs") or ()])


def _body(doc: Document) -> str:
    return body_text(doc.text, [(p.start, p.end) for p in doc.paragraphs])
