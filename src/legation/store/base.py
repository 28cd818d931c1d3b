"""The Store protocol: what ingest and the query layer need from a store, whatever its engine."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

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


class Store(Protocol):
    path: str

    def file_states(self) -> dict[str, FileState]: ...

    def touch_files(self, states: Iterable[FileState]) -> None: ...

    def write_files(self, results: Iterable[FileResult]) -> int: ...

    def delete_files(self, paths: Iterable[str]) -> int: ...

    def reader(self) -> Any: ...

    def close(self) -> None: ...
