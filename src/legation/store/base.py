"""What ingest hands a store: the state of an input file, and everything one file became."""

from __future__ import annotations

from dataclasses import dataclass, field

from .rows import DocumentRows


@dataclass
class FileState:
    """What the store remembers of an input file, to skip it cheaply when it has not changed."""

    path: str
    size: int
    mtime_ns: int
    sha256: str


@dataclass
class FileResult:
    """One input file (or one in-memory source) and everything it became: documents and failures."""

    path: str
    size: int
    mtime_ns: int
    sha256: str
    rows: list[DocumentRows] = field(default_factory=list)
