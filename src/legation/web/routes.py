"""The pages of the workbench. Each calls the Corpus method its JSON twin calls (see legation.api)
and renders the record; the context carries the record as the API returns it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ..api import MAX_QUERY_CHARS, Limit, Page, Scope, View, check_ident, corpus_for
from ..query.common import NotFound
from . import graphs, render, urls

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)

OptionalQuery = Annotated[str, Query(max_length=MAX_QUERY_CHARS)]
# Facet values shown before "more" (the API returns them all).
FACET_SHOWN = 8


def page(request: Request, template: str, twin: str | None, **context):
    return request.app.state.templates.TemplateResponse(request, template, {"twin": twin, **context})


@router.get("/")
def home(request: Request):
    corpus = corpus_for(request)
    return page(request, "home.html", urls.url("stats", api=True), stats=corpus.stats())


@router.get("/search")
def search(request: Request, q: OptionalQuery = "", page_: Annotated[Page, Query(alias="page")] = 1,
           limit: Limit = 20):
    corpus = corpus_for(request)
    if not q.strip():
        return page(request, "search.html", None, q="", result=None)
    result = corpus.search(q, limit=limit, page=page_).to_dict()
    return page(request, "search.html", urls.url("search", api=True, q=q, page=page_, limit=limit),
                q=q, result=result, facet_shown=FACET_SHOWN)


@router.get("/doc/{ident:path}")
def document(request: Request, ident: str):
    corpus = corpus_for(request)
    record = corpus.show(check_ident(ident)).to_dict()
    refs = None
    if record.get("kind") == "cable" and record.get("id"):
        try:
            refs = corpus.refs(record["id"]).to_dict()
        except NotFound:
            refs = None
    return page(request, "document.html", urls.url("doc", record["key"], api=True), record=record,
                refs=refs, blocks=render.blocks(record))


@router.get("/entity/{ident:path}")
def entity(request: Request, ident: str, scope: Scope = "documents"):
    corpus = corpus_for(request)
    dossier = corpus.entity(check_ident(ident), timeline_scope=scope).to_dict()
    return page(request, "entity.html", urls.url("entity", ident, api=True, scope=scope), dossier=dossier,
                chart=render.chart(dossier["timeline"]), scope=scope)


@router.get("/timeline")
def timeline(request: Request, q: OptionalQuery = "", scope: Scope = "documents"):
    corpus = corpus_for(request)
    if not q.strip():
        return page(request, "timeline.html", None, q="", timeline=None, chart=None)
    result = corpus.timeline(q, scope=scope).to_dict()
    return page(request, "timeline.html", urls.url("timeline", api=True, q=q, scope=scope), q=q,
                timeline=result, chart=render.chart(result["entries"]))


@router.get("/graph/{ident:path}")
def graph(request: Request, ident: str,
          view: View = None):
    corpus = corpus_for(request)
    record = graphs.graph(corpus, check_ident(ident), view)
    kind = graphs.view_of(record)
    return page(request, "graph.html", urls.url("graph", ident, api=True, view=view), ident=ident,
                view=kind, graph=record.to_dict())


@router.get("/errors")
def errors(request: Request):
    corpus = corpus_for(request)
    return page(request, "errors.html", urls.url("errors", api=True), errors=corpus.errors(1000))
