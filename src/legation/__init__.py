"""legation: an analyst workbench for diplomatic cables and the news around them.

The public Python API. Importing it stays light: no model, no server library, no data table is
loaded until a function needs it.

    >>> import legation
    >>> [doc] = legation.parse("seeds/004_69b9118b38fb912e.txt")
    >>> doc.cable.id
    '07MOSCOW3736'
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import LegationError  # noqa: E402
from .record import SCHEMA_VERSION, Document  # noqa: E402

__all__ = ["SCHEMA_VERSION", "Document", "LegationError", "__version__", "open", "parse", "parse_bytes"]


def parse(*paths, format: str = "auto", extract: bool = True, profile: str = "fast",
          columns: dict[str, str] | None = None, max_bytes: int | None = None):
    """Parse files and directories; returns a list of Documents and `Failure`s (source, error)."""
    from .parse import MAX_DOCUMENT_BYTES, parse_paths

    return list(parse_paths(paths, format=format, extract=extract, profile=profile, columns=columns,
                            max_bytes=max_bytes or MAX_DOCUMENT_BYTES))


def parse_bytes(raw: bytes, name: str = "<bytes>", format: str = "auto", extract: bool = True,
                profile: str = "fast", columns: dict[str, str] | None = None, max_bytes: int | None = None):
    """Parse an in-memory file; returns a list of Documents and `Failure`s."""
    from .parse import MAX_DOCUMENT_BYTES
    from .parse import parse_bytes as _parse_bytes

    return _parse_bytes(raw, name, format=format, extract=extract, profile=profile, columns=columns,
                        max_bytes=max_bytes or MAX_DOCUMENT_BYTES)


def open(path: str = "legation.db", **options):  # noqa: A001 - mirrors sqlite3.connect / shelve.open
    """Open (creating if needed) a legation store; returns a Corpus with ingest, search, dossiers…"""
    from .corpus import open_corpus

    return open_corpus(path, **options)
