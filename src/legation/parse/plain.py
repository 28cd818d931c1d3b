"""Plain text (`kind: "text"`): anything that is neither a cable nor an article."""

from __future__ import annotations

from ..record import Document
from .common import iso_date, new_document, paragraph_spans, paragraphs_from_spans
from .registry import Format
from .source import Source

# A first line this short, followed by a blank line, reads as the document's title.
MAX_TITLE_CHARS = 160


def parse_text(source: Source) -> list[Document]:
    doc = new_document(source, "text")
    spans = paragraph_spans(source.text, breaks=source.breaks)
    doc.paragraphs = paragraphs_from_spans(spans)
    title = source.meta.get("title")
    if not title and spans:
        first = source.text[spans[0][0]:spans[0][1]].lstrip("# ").strip()
        if "\n" not in first and len(first) <= MAX_TITLE_CHARS and len(spans) > 1:
            title = first
    doc.title = title if isinstance(title, str) else None
    doc.date = iso_date(source.meta.get("date"))
    return [doc]


def detect_text(source: Source) -> float:
    return 0.1


FORMAT = Format(name="text", detect=detect_text, parse=parse_text, priority=99)
