"""Every URL the workbench prints is built here: pages, their JSON twins and static assets.

A page's JSON twin is the same path under `/api` with the same query string, so a bookmark of
either one is the other one with four characters added or taken away.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

API_PREFIX = "/api"
STATIC_PREFIX = "/static"
# Query parameters each page understands (anything else is dropped from the URLs we build).
PAGE_PARAMS = {
    "search": ("q", "page", "limit"),
    "timeline": ("q", "scope"),
    "entity": ("scope",),
    "graph": ("view",),
    "doc": (),
    "stats": (),
    "errors": (),
    "home": (),
}
# Pages whose path ends with an identifier (a cable id, document key or entity id).
IDENT_PAGES = ("doc", "entity", "graph")


def page_path(name: str, ident: str | None = None) -> str:
    if name == "home":
        return "/"
    if name in IDENT_PAGES:
        return f"/{name}/{quote(str(ident or ''), safe='')}"
    return f"/{name}"


def url(name: str, ident: str | None = None, api: bool = False, **params) -> str:
    """The URL of page `name` (its JSON twin with api=True); empty parameters are left out."""
    path = page_path(name, ident)
    if api:
        path = API_PREFIX + ("" if path == "/" else path)
    allowed = PAGE_PARAMS.get(name, ())
    query = {k: v for k, v in params.items()
             if k in allowed and v not in (None, "") and not (k == "page" and str(v) == "1")}
    return path + ("?" + urlencode(query) if query else "")


def static(path: str) -> str:
    return f"{STATIC_PREFIX}/{quote(path)}"


def search_with(q: str, term: str) -> str:
    """The search URL of `q` narrowed by one filter term (a facet click)."""
    combined = f"{q} {term}".strip() if term not in (q or "") else q
    return url("search", q=combined)


def filter_term(field: str, value) -> str:
    """A query-language filter for a facet value, quoted when it holds spaces."""
    text = str(value)
    if any(c.isspace() for c in text) or ":" in text:
        text = '"' + text.replace('"', "") + '"'
    return f"{field}:{text}"


def api_docs() -> str:
    return f"{API_PREFIX}/docs"


def openapi() -> str:
    return f"{API_PREFIX}/openapi.json"
