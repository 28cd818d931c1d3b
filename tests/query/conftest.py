"""A store holding the annotated seeds and two short cables, shared by the query tests."""

from __future__ import annotations

import pytest
from store.annotated import corpus_documents

import legation


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "corpus.db"
    with legation.open(path) as c:
        c.add(corpus_documents())
    c = legation.open(path, readonly=True)
    yield c
    c.close()


@pytest.fixture(scope="module")
def conn(corpus):
    return corpus.store.reader()
