"""The JSON API under /api: each route calls one Corpus method and returns its record.

The pages of the workbench (`legation.web.routes`) call the same methods; a page's JSON twin is
its path under /api. Errors are JSON: `{"error": "…", "status": 404, "code": "L301"}`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse

from .query.querylang import MAX_QUERY_CHARS
from .query.search import MAX_LIMIT
from .web import urls

router = APIRouter(prefix=urls.API_PREFIX, tags=["api"])

# Bounds on parameters (the query layer's own, MAX_QUERY_CHARS and MAX_LIMIT, give a 400 here
# before any work).
MAX_IDENT_CHARS = 512
MAX_PAGE = 10_000
MAX_ERRORS = 10_000
# Files one upload may carry.
MAX_UPLOAD_FILES = 20

QueryText = Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS,
                                 description="Words, \"phrases\", AND/OR/NOT, prefix*, filters "
                                             "(kind: tag: origin: date:2007..2008 entity: ref: id:).")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Results per page.")]
Page = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page number, from 1.")]
Scope = Annotated[str, Query(pattern="^(documents|sentences)$",
                             description="Timeline of the documents naming the entity, or only its sentences.")]
View = Annotated[str | None, Query(pattern="^(refs|entities)$",
                                   description="refs: a cable's references; entities: an entity's neighbours.")]


def corpus_for(request: Request):
    """This thread's read-only Corpus. Called in the handler's body, never as a dependency: FastAPI
    runs sync dependencies on another pool thread, and a SQLite connection must stay on one thread."""
    return request.app.state.pool.get()


def check_ident(ident: str) -> str:
    if not ident.strip() or len(ident) > MAX_IDENT_CHARS:
        raise HTTPException(400, f"an identifier must hold 1 to {MAX_IDENT_CHARS} characters")
    return ident


@router.get("/search", summary="Search documents, with facets")
def search(request: Request, q: QueryText, page: Page = 1, limit: Limit = 20, facets: bool = True) -> dict:
    """Full-text search in the query language of `legation search`; facets count kind, origin, tag,
    classification, year and entity over all matches."""
    corpus = corpus_for(request)
    return corpus.search(q, limit=limit, page=page, facets=facets).to_dict()


@router.get("/doc/{ident:path}", summary="One document by cable id or key")
def document(request: Request, ident: str) -> dict:
    """The stored contract record (as `legation show --json`), with the store's `key`."""
    corpus = corpus_for(request)
    return corpus.show(check_ident(ident)).to_dict()


@router.get("/entity/{ident:path}", summary="An entity dossier")
def entity(request: Request, ident: str, scope: Scope = "documents") -> dict:
    """Names, aliases, label, external ids, documents, co-occurring entities and timeline
    (as `legation entity NAME --json`). `ident` is an entity id or a name."""
    corpus = corpus_for(request)
    return corpus.entity(check_ident(ident), timeline_scope=scope).to_dict()


@router.get("/timeline", summary="A timeline of an entity or a query")
def timeline(request: Request, q: QueryText, scope: Scope = "documents") -> dict:
    """Dated statements with their sentences and documents: of the entity called `q`, or, when no
    entity has that name, of the documents matching the query `q`."""
    corpus = corpus_for(request)
    return corpus.timeline(q, scope=scope).to_dict()


@router.get("/graph/{ident:path}", summary="Reference or co-occurrence graph around a node")
def graph(request: Request, ident: str,
          view: View = None) -> dict:
    """`view=refs`: a cable, what it cites (missing cables as placeholders) and what cites it.
    `view=entities`: an entity and the entities named in the same documents. Without `view`, a
    document id gives its references and anything else the entity graph."""
    corpus = corpus_for(request)
    from .web import graphs

    return graphs.graph(corpus, check_ident(ident), view).to_dict()


@router.get("/stats", summary="Store statistics")
def stats(request: Request) -> dict:
    corpus = corpus_for(request)
    out = corpus.stats()
    out.pop("path", None)  # the server's file system is not the reader's business
    return out


@router.get("/errors", summary="Files that could not be read")
def errors(request: Request, limit: Annotated[int, Query(ge=1, le=MAX_ERRORS)] = 1000) -> list[dict]:
    corpus = corpus_for(request)
    return corpus.errors(limit)


@router.post("/ingest", summary="Upload and ingest files (only with --allow-write and a token)")
def ingest(request: Request, files: list[UploadFile],
           authorization: Annotated[str | None, Header()] = None) -> dict:
    """Ingest uploaded files; needs `legation serve --allow-write --token T` and the header
    `Authorization: Bearer T`."""
    from .web.security import token_matches

    state = request.app.state
    if not state.allow_write:
        raise HTTPException(403, "this server is read-only (start it with --allow-write --token T)")
    if not token_matches(authorization, state.token):
        raise HTTPException(401, "a valid bearer token is needed", headers={"WWW-Authenticate": "Bearer"})
    if not files or len(files) > MAX_UPLOAD_FILES:
        raise HTTPException(400, f"send 1 to {MAX_UPLOAD_FILES} files")
    with tempfile.TemporaryDirectory(prefix="legation-upload-") as tmp, state.pool.write_lock:
        paths = []
        for i, upload in enumerate(files):
            name = Path(upload.filename or f"upload-{i}").name or f"upload-{i}"
            path = Path(tmp) / f"{i:02d}-{name}"
            path.write_bytes(upload.file.read())
            paths.append(path)
        with state.pool.writer() as writable:
            report = writable.ingest(paths, workers=1)
    return report.to_dict()


@router.get("/docs", include_in_schema=False, response_class=HTMLResponse)
def docs(request: Request):
    """Swagger UI, served from the vendored swagger-ui-dist (no CDN)."""
    return request.app.state.templates.TemplateResponse(request, "apidocs.html", {})
