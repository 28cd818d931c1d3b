"""Cable body: SUBJECT, references, summary, numbered paragraphs and their markings, signer."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...record import Paragraph, Reference


@dataclass
class BodyResult:
    title: str | None = None
    references: list[Reference] = field(default_factory=list)
    summary: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    signed_by: str | None = None
    action_request: bool = False
    redactions: int = 0
    warnings: list[str] = field(default_factory=list)


def parse_body(text: str, start: int = 0) -> BodyResult:
    """Body fields of a cable whose (cleaned) text is `text`; `start` is where the header ended."""
    return BodyResult()
