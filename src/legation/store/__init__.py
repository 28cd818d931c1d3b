"""store: where ingested documents live and every SQL statement of legation is written."""

from __future__ import annotations

from .base import FileResult, FileState
from .migrations import StoreError
from .sqlite import SQLiteStore

__all__ = ["FileResult", "FileState", "SQLiteStore", "StoreError", "open_store"]


def open_store(path: str = "legation.db", readonly: bool = False) -> SQLiteStore:
    return SQLiteStore(path, readonly=readonly)
