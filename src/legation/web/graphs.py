"""Which graph a /graph/{id} URL means: a document's references, or an entity's neighbours."""

from __future__ import annotations

from ..query.common import NotFound


def graph(corpus, ident: str, view: str | None = None):
    """The RefGraph (view "refs") or EntityGraph (view "entities"); without a view, the references
    of a stored or cited cable, else the entity graph."""
    if view == "refs":
        return corpus.refs(ident)
    if view == "entities":
        return corpus.graph(ident)
    try:
        return corpus.refs(ident)
    except NotFound:
        return corpus.graph(ident)


def view_of(record) -> str:
    return "refs" if hasattr(record, "cites") else "entities"
