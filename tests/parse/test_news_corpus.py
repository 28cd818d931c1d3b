"""The whole shared news corpus parses: no error record, the expected kinds and counts."""

from __future__ import annotations

from collections import Counter

import pytest

from legation.parse import parse_paths
from legation.parse.readers import Failure

pytestmark = pytest.mark.corpus

# Floors measured on the corpus (980 NASA files incl. SOURCE.txt, 51 Wikinews, 602 digest pages
# with 10,622 items); a drop below them means a detector or the item rule broke.
MIN_ARTICLE_SHARE = 0.97
MIN_DIGEST_ITEMS = 10_000


def _parse(folder):
    records = list(parse_paths([folder], extract=False))
    failures = [r for r in records if isinstance(r, Failure)]
    return [r for r in records if not isinstance(r, Failure)], failures


@pytest.mark.parametrize("name", ["nasa", "wikinews"])
def test_news_corpus_articles_parse(shared, name):
    folder = shared / "data" / "news" / name
    docs, failures = _parse(folder)
    assert failures == []
    files = [p for p in folder.iterdir() if not p.name.startswith(".")]
    assert len({d.source for d in docs}) == len(files)
    kinds = Counter(d.kind for d in docs if not d.source.endswith("SOURCE.txt"))
    assert kinds["article"] >= MIN_ARTICLE_SHARE * sum(kinds.values())
    for doc in docs:
        assert doc.title, doc.source
        for p in doc.paragraphs:
            assert 0 <= p.start < p.end <= len(doc.text)
        if doc.kind == "article":
            assert doc.date is None or doc.date[:4] in {"2023", "2024"} or name == "wikinews", doc.source


def test_news_corpus_digest_pages_parse(shared):
    folder = shared / "data" / "news" / "wikipedia-current-events"
    docs, failures = _parse(folder)
    assert failures == []
    items = [d for d in docs if "#" in d.source]
    assert len(items) >= MIN_DIGEST_ITEMS
    pages = {d.source.split("#")[0] for d in items}
    assert len(pages) == len([p for p in folder.glob("*.md")])
    for doc in items:
        assert doc.kind == "article" and doc.date and doc.title and doc.article.section, doc.source
        for link in doc.links:
            assert doc.text[link.start:link.end] == link.text, doc.source
