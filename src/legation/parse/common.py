"""Small helpers every format uses: the base record from a source, paragraph spans, ISO dates."""

from __future__ import annotations

import re
from datetime import date, datetime

from ..record import Document, Paragraph
from .source import Source

_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def new_document(source: Source, kind: str) -> Document:
    return Document(source=source.name, sha256=source.sha256, kind=kind, text=source.text,
                    warnings=list(source.warnings))


def paragraph_spans(text: str, start: int = 0, end: int | None = None,
                    breaks: list[int] | None = None) -> list[tuple[int, int]]:
    """Spans of the blocks of text between blank lines (and page breaks), white space trimmed."""
    end = len(text) if end is None else end
    cuts = sorted(b for b in (breaks or []) if start < b < end)
    spans: list[tuple[int, int]] = []
    bounds = [start, *cuts, end]
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        pos = lo
        for match in _BLANK_LINES.finditer(text, lo, hi):
            spans.append((pos, match.start()))
            pos = match.end()
        spans.append((pos, hi))
    return [trimmed for s, e in spans if (trimmed := trim_span(text, s, e))]


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def paragraphs_from_spans(spans: list[tuple[int, int]]) -> list[Paragraph]:
    return [Paragraph(start=s, end=e) for s, e in spans]


def iso_date(value: object) -> str | None:
    """A date or datetime value from metadata as an ISO 8601 string; None when it is not one."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    value = value.strip()
    match = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?", value)
    if not match:
        return None
    year, month, day, hh, mm, ss, tz = match.groups()
    out = year
    if month:
        out += f"-{month}"
        if day:
            out += f"-{day}"
            if hh:
                out += f"T{hh}:{mm}:{ss or '00'}"
                if tz:
                    out += "Z" if tz in ("Z", "+00:00", "+0000") else tz
    return out
