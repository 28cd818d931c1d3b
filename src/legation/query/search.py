"""Full-text search with filters, facets, paging, snippets, highlights and acronym expansion."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from functools import cache

from ..store import reads
from ..store.compile import compile_plan
from .common import public
from .querylang import Query, QueryError, expand, highlight_terms, parse_query
from .snippets import make_snippet, term_pattern

# Long forms added per acronym: the most frequent few; more only widen the match with noise.
MAX_EXPANSIONS = 3
# Values returned per facet.
FACET_SIZE = 10
# Results per page is capped: a page is rendered and snippeted; deep lists should page.
MAX_LIMIT = 500
# Facets of a broad query on a large store can cost far more than the search: they get this budget
# (milliseconds, all facets together) and those still running are left out and named in the result.
FACETS_TIME_LIMIT_MS = 1000
FACETS = ("kind", "origin", "tag", "classification", "year", "entity")


@dataclass
class Hit:
    key: str
    kind: str | None
    id: str | None
    title: str | None
    date: str | None
    origin: str | None
    classification: str | None
    source: str
    score: float | None
    snippet: str
    highlights: list[tuple[int, int]] = field(default_factory=list)
    exact: bool = False

    def to_dict(self) -> dict:
        out = asdict(self)
        out["highlights"] = [list(h) for h in self.highlights]
        return out


@dataclass
class SearchResult:
    query: str
    total: int
    page: int
    limit: int
    hits: list[Hit]
    facets: dict[str, list[dict]] = field(default_factory=dict)
    expansions: dict[str, list[str]] = field(default_factory=dict)
    facets_skipped: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.limit))

    def to_dict(self) -> dict:
        return {"query": self.query, "total": self.total, "page": self.page, "pages": self.pages,
                "limit": self.limit, "hits": [h.to_dict() for h in self.hits], "facets": self.facets,
                "expansions": self.expansions, "facets_skipped": self.facets_skipped}


def search(conn: sqlite3.Connection, text: str, limit: int = 20, page: int = 1, facets: bool = True,
           expand_acronyms: bool = True, facets_time_limit_ms: float = FACETS_TIME_LIMIT_MS) -> SearchResult:
    """Search the store on `conn`; raises QueryError for a malformed query or bad paging."""
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
    if page < 1:
        raise QueryError("page numbers start at 1")
    query = parse_query(text)
    if query.cable_id:
        exact = reads.documents_by_cable_id(conn, query.cable_id)
        if exact:
            return _exact_result(conn, query, exact, limit, page, facets, facets_time_limit_ms)
    expansions: dict[str, list[str]] = {}
    tree = query.tree
    if expand_acronyms:
        def lookup(short: str) -> list[str]:
            longs = _long_forms(conn, short)
            if longs:
                expansions[short] = longs
            return longs

        tree = expand(tree, lookup)
    plan = compile_plan(tree)
    try:
        rows, total = reads.search_page(conn, plan, limit, (page - 1) * limit)
        texts = reads.bodies(conn, [r["_doc"] for r in rows])
        facet_rows, skipped = (reads.facets(conn, plan, FACET_SIZE, facets_time_limit_ms) if facets
                               else ({}, []))
    except sqlite3.OperationalError as exc:
        raise QueryError(f"the search index could not run this query ({exc})") from None
    pattern = term_pattern(highlight_terms(tree))
    hits = [_hit(row, make_snippet(texts.get(row["_doc"], ""), pattern)) for row in rows]
    return SearchResult(query=query.text, total=total, page=page, limit=limit, hits=hits,
                        facets=_facets(facet_rows), expansions=expansions, facets_skipped=skipped)


def _exact_result(conn, query: Query, rows: list[dict], limit: int, page: int, facets: bool,
                  time_limit_ms: float) -> SearchResult:
    start = (page - 1) * limit
    page_rows = rows[start:start + limit]
    texts = reads.bodies(conn, [r["_doc"] for r in page_rows])
    hits = [_hit({**r, "score": None}, make_snippet(texts.get(r["_doc"], ""), None), exact=True)
            for r in page_rows]
    facet_rows: dict = {}
    if facets:
        plan = compile_plan(parse_query(f"id:{query.cable_id}").tree)
        facet_rows, _ = reads.facets(conn, plan, FACET_SIZE, time_limit_ms)
    return SearchResult(query=query.text, total=len(rows), page=page, limit=limit, hits=hits,
                        facets=_facets(facet_rows))


def _hit(row: dict, snippet: tuple[str, list[tuple[int, int]]], exact: bool = False) -> Hit:
    text, highlights = snippet
    info = public(row)
    return Hit(key=info["key"], kind=info["kind"], id=info["id"], title=info["title"], date=info["date"],
               origin=info["origin"], classification=info["classification"], source=info["source"],
               score=info.get("score"), snippet=text, highlights=highlights, exact=exact)


def _facets(rows: dict[str, list[tuple]]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for name in FACETS:
        values = rows.get(name)
        if values is None:
            continue
        if name == "entity":
            out[name] = [{"value": v, "count": c, "name": n, "label": lab} for v, c, n, lab in values]
        else:
            out[name] = [{"value": v, "count": c} for v, c in values]
    return out


def _long_forms(conn, short: str) -> list[str]:
    longs = reads.acronym_longs(conn, short, MAX_EXPANSIONS)
    for long in glossary().get(short, ()):
        if long not in longs and len(longs) < MAX_EXPANSIONS:
            longs.append(long)
    return longs


@cache
def glossary() -> dict[str, tuple[str, ...]]:
    """Long forms of each acronym of the shipped glossary (data/glossary.tsv), in table order.
    (The table is read once per process: `load_table` caches it for extraction too.)"""
    from ..data import load_table

    out: dict[str, list[str]] = {}
    for row in load_table("glossary.tsv"):
        out.setdefault(row["short"], []).append(row["long"])
    return {k: tuple(v) for k, v in out.items()}


__all__ = ["Hit", "QueryError", "SearchResult", "search"]
