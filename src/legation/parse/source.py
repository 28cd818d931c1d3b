"""What a reader hands to a format: one document's decoded text plus what the container knew."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Source:
    """One document-to-be.

    name:      where it came from (`path`, `archive.zip!member.txt`, `dump.jsonl#12`)
    text:      normalised text (text.normalise) that record offsets will point into
    sha256:    hash of the raw bytes of this document (the file, the member or the row)
    media:     how the text was written: "text", "markdown", "html", "pdf", "row"
    meta:      what the container already knew (title, date, url, outlet, authors … from HTML
               metadata, a JSON Lines row or a CSV column mapping)
    breaks:    offsets in `text` where a page starts (PDF) — kept as paragraph boundaries
    warnings:  what the reader had to guess (encoding, repaired structure …)
    """

    name: str
    text: str
    sha256: str
    media: str = "text"
    meta: dict[str, object] = field(default_factory=dict)
    breaks: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
