"""Entity dossiers: who or what an entity is, where it is named, what comes with it, and when."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field

from ..store import reads
from .common import NotFound, public
from .timeline import Entry, timeline_for_ids

# Sizes of the lists a dossier carries (a page shows them; the API pages further with search).
MAX_ALIASES = 30
MAX_DOCUMENTS = 200
# Entities named with it, at most this many of each label (so one label cannot crowd out the rest).
MAX_COOCCURRING = 12
MAX_TIMELINE = 500


@dataclass
class Dossier:
    id: str
    name: str
    label: str
    ids: list[str]
    aliases: list[dict]
    mentions: int
    document_count: int
    documents: list[dict]
    cooccurring: list[dict]
    timeline: list[Entry] = field(default_factory=list)
    merged: list[dict] = field(default_factory=list)
    others: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        out = asdict(self)
        out["timeline"] = [e.to_dict() for e in self.timeline]
        return out


def resolve_entity(conn: sqlite3.Connection, name: str) -> tuple[dict, list[dict], list[dict]]:
    """The entity called `name`: (the most mentioned, the entities taken together, other candidates).

    Entities with exactly this name under other labels ("Baikonur" the town and the cosmodrome when
    extraction could not tell them apart) are taken together; other candidates are listed."""
    name = " ".join((name or "").split())
    if not name:
        raise NotFound("give an entity name, e.g. Baikonur")
    found = reads.find_entities(conn, name)
    if not found:
        raise NotFound(f"no entity called {name!r} in this store")
    main = found[0]
    folded = main["name"].casefold()
    together = [e for e in found if e["name"].casefold() == folded]
    others = [e for e in found if e not in together]
    return main, together, others


def dossier(conn: sqlite3.Connection, name: str, timeline_scope: str = "documents") -> Dossier:
    main, together, others = resolve_entity(conn, name)
    ids = [e["id"] for e in together]
    documents = reads.entity_documents(conn, ids, MAX_DOCUMENTS)
    external = sorted({x for e in together for x in e["ids"]})
    return Dossier(
        id=main["id"], name=main["name"], label=main["label"], ids=external,
        aliases=[{"text": t, "count": c} for t, c in reads.entity_aliases(conn, ids, MAX_ALIASES)],
        mentions=sum(e["mentions"] for e in together),
        document_count=len({d["_doc"] for d in documents}),
        documents=[public(d) for d in documents],
        cooccurring=reads.cooccurring(conn, ids, MAX_COOCCURRING),
        timeline=timeline_for_ids(conn, ids, timeline_scope, MAX_TIMELINE),
        merged=[e for e in together if e["id"] != main["id"]],
        others=others,
    )
