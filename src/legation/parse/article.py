"""News articles (`kind: "article"`). Placeholder detection; the full parser replaces this."""

from __future__ import annotations

import re

from ..record import ArticleFields, Document
from .plain import parse_text
from .registry import Format
from .source import Source

_ORIGINAL_URL = re.compile(r"^Original url:", re.M | re.I)


def detect_article(source: Source) -> float:
    if source.media == "html":
        return 0.9
    if _ORIGINAL_URL.search(source.text):
        return 0.9
    return 0.0


def parse_article(source: Source) -> list[Document]:
    doc = parse_text(source)[0]
    doc.kind = "article"
    doc.article = ArticleFields()
    return [doc]


FORMAT = Format(name="article", detect=detect_article, parse=parse_article, priority=30)
