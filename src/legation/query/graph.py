"""The reference graph around a cable (cites, cited by, cited-but-missing placeholders) and the
entity co-occurrence graph around a node."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field

from ..store import reads
from ..store.rows import split_cable_id
from .common import NotFound, public
from .dossier import resolve_entity

MAX_CITED_BY = 500
MAX_NEIGHBOURS = 30


@dataclass
class RefGraph:
    """A cable and its references. `stored` is False for a placeholder: a cable only known by citations."""

    id: str
    stored: bool
    station: str | None
    year: int | None
    document: dict | None
    cites: list[dict] = field(default_factory=list)
    cited_by: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)

    @property
    def placeholders(self) -> list[dict]:
        return [c for c in self.cites if c["id"] and not c["stored"]]

    def to_dict(self) -> dict:
        out = asdict(self)
        out["placeholders"] = self.placeholders
        return out


@dataclass
class EntityGraph:
    """An entity node and the entities named in the same documents (edge weight: shared documents)."""

    node: dict
    neighbours: list[dict]

    def to_dict(self) -> dict:
        return {"node": self.node, "neighbours": self.neighbours,
                "edges": [{"source": self.node["id"], "target": n["id"], "weight": n["documents"]}
                          for n in self.neighbours]}


def refs(conn: sqlite3.Connection, ident: str) -> RefGraph:
    ident = "".join((ident or "").split())
    # as typed (a key or path), then as a cable id in capitals
    found = reads.find_document(conn, ident) or (ident != ident.upper() and reads.find_document(conn, ident.upper()))
    if found and found[0]["kind"] is not None:
        summary, _ = found
        cable_id = summary["id"] or summary["key"]
        station, year = split_cable_id(summary["id"] or "")
        return RefGraph(id=cable_id, stored=True, station=station, year=year, document=public(summary),
                        cites=reads.cites(conn, summary["_doc"]),
                        cited_by=[public(d) for d in reads.cited_by(conn, cable_id, MAX_CITED_BY)]
                        if summary["id"] else [],
                        entities=reads.document_entities(conn, summary["_doc"], MAX_NEIGHBOURS))
    cable_id = ident.upper()
    citing = reads.cited_by(conn, cable_id, MAX_CITED_BY)
    if not citing:
        raise NotFound(f"no stored or cited cable {ident!r}")
    station, year = split_cable_id(cable_id)
    return RefGraph(id=cable_id, stored=False, station=station, year=year, document=None,
                    cited_by=[public(d) for d in citing])


def entity_graph(conn: sqlite3.Connection, name: str) -> EntityGraph:
    main, together, _ = resolve_entity(conn, name)
    ids = [e["id"] for e in together]
    return EntityGraph(node=main, neighbours=reads.cooccurring(conn, ids, MAX_NEIGHBOURS))


__all__ = ["EntityGraph", "NotFound", "RefGraph", "entity_graph", "refs"]
