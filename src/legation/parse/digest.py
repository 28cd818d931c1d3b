"""Daily news digests (a page of many dated items). Placeholder; the full parser replaces this."""

from __future__ import annotations

from ..record import Document
from .plain import parse_text
from .registry import Format
from .source import Source


def detect_digest(source: Source) -> float:
    return 0.0


def parse_digest(source: Source) -> list[Document]:
    return parse_text(source)


FORMAT = Format(name="digest", detect=detect_digest, parse=parse_digest, priority=20)
