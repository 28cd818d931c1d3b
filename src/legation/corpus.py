"""The Python API over a store: `legation.open(path)` returns a Corpus.

    >>> import legation
    >>> with legation.open("legation.db") as corpus:
    ...     corpus.ingest(["examples/"])
    ...     result = corpus.search("baikonur kind:cable date:2007..2008")
    ...     dossier = corpus.entity("Baikonur")

Every method returns a record with `to_dict()` (the CLI prints it, `--json` and the web API serialise
it). Domain problems raise LegationError subclasses with a code and a one-line message.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .query import dossier as _dossier
from .query import graph as _graph
from .query import search as _search
from .query import timeline as _timeline
from .query.common import NotFound
from .query.querylang import CABLE_ID
from .record import Document
from .store import SQLiteStore, reads


class StoredRecord(dict):
    """A stored document: the contract record plus the store's `key`; `to_dict()` gives the record."""

    def to_dict(self) -> dict:
        return dict(self)


class Corpus:
    def __init__(self, store: SQLiteStore):
        self.store = store

    @property
    def path(self) -> str:
        return self.store.path

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    @property
    def _conn(self):
        return self.store.reader()

    # --- writing ----------------------------------------------------------------------------

    def ingest(self, paths: Iterable[str | os.PathLike] | str | os.PathLike, profile: str = "fast",
               workers: int | None = None, format: str = "auto", extract: bool = True,
               batch_size: int | None = None, progress: bool | None = False):
        """Ingest files and directories; returns an IngestReport."""
        from . import ingest as _ingest

        if isinstance(paths, str | os.PathLike):
            paths = [paths]
        return _ingest.ingest(self.store, paths, profile=profile, workers=workers, format=format,
                              extract=extract, batch_size=batch_size or _ingest.BATCH_DOCUMENTS,
                              progress=progress)

    def add(self, docs: Iterable[Document]) -> int:
        """Store already-parsed Documents (a document replaces earlier ones of the same source)."""
        from .ingest import ingest_documents

        return ingest_documents(self.store, docs)

    # --- reading ----------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20, page: int = 1, facets: bool = True,
               expand_acronyms: bool = True,
               facets_time_limit_ms: float = _search.FACETS_TIME_LIMIT_MS) -> _search.SearchResult:
        return _search.search(self._conn, query, limit=limit, page=page, facets=facets,
                              expand_acronyms=expand_acronyms, facets_time_limit_ms=facets_time_limit_ms)

    def show(self, ident: str) -> StoredRecord:
        """The stored record of a document by cable id, key or source path."""
        ident = (ident or "").strip()
        if ident and os.path.exists(ident):
            ident = str(Path(ident).resolve())
        found = reads.find_document(self._conn, ident)
        if found is None and CABLE_ID.match(ident.upper()):
            found = reads.find_document(self._conn, ident.upper())
        if found is None:
            raise NotFound(f"no document {ident!r} in this store")
        summary, record = found
        return StoredRecord({"key": summary["key"], **record})

    def entity(self, name: str, timeline_scope: str = "documents") -> _dossier.Dossier:
        return _dossier.dossier(self._conn, name, timeline_scope)

    def timeline(self, subject: str, scope: str = "documents") -> _timeline.Timeline:
        """The timeline of an entity (by name) or, when no entity has that name, of a query."""
        try:
            return _timeline.entity_timeline(self._conn, subject, scope)
        except NotFound:
            return _timeline.query_timeline(self._conn, subject)

    def refs(self, ident: str) -> _graph.RefGraph:
        return _graph.refs(self._conn, ident)

    def graph(self, name: str) -> _graph.EntityGraph:
        return _graph.entity_graph(self._conn, name)

    def stats(self) -> dict:
        out = reads.stats(self._conn)
        out["path"] = self.path
        out["bytes"] = sum(os.path.getsize(p) for p in (self.path, self.path + "-wal") if os.path.exists(p))
        return out

    def errors(self, limit: int = 1000) -> list[dict]:
        return reads.errors(self._conn, limit)


def open_corpus(path: str | os.PathLike = "legation.db", readonly: bool = False, **options) -> Corpus:
    """Open (creating when `readonly` is False) the store at `path`."""
    if options:
        from .errors import UsageError

        raise UsageError(f"unknown option(s) for legation.open: {', '.join(sorted(options))}")
    return Corpus(SQLiteStore(path, readonly=readonly))
