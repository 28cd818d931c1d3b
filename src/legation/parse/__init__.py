"""parse: files, bytes and sources into contract records. Dispatch only; formats do the work."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from ..errors import InputError, InternalError, UsageError
from ..record import Document
from .readers import MAX_DOCUMENT_BYTES, Failure, read_bytes, read_paths
from .registry import CHOICES, choose
from .source import Source

__all__ = ["CHOICES", "MAX_DOCUMENT_BYTES", "Failure", "Source", "parse_bytes", "parse_paths", "parse_source"]


def parse_source(source: Source, format: str = "auto") -> list[Document]:
    """Structure only: the documents of one source, by the forced or the detected format."""
    fmt = choose(source, format)
    return fmt.parse(source)


def parse_paths(paths: Iterable[str | os.PathLike], format: str = "auto", extract: bool = True,
                profile: str = "fast", columns: dict[str, str] | None = None,
                max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[Document | Failure]:
    """Every document in the given files and directories, in a stable order; failures in line."""
    if format not in CHOICES:
        raise UsageError(f"unknown format {format!r}; choose one of {', '.join(CHOICES)}")
    yield from _parse_items(read_paths(paths, columns, max_bytes), format, extract, profile)


def parse_bytes(raw: bytes, name: str = "<bytes>", format: str = "auto", extract: bool = True,
                profile: str = "fast", columns: dict[str, str] | None = None,
                max_bytes: int = MAX_DOCUMENT_BYTES) -> list[Document | Failure]:
    if format not in CHOICES:
        raise UsageError(f"unknown format {format!r}; choose one of {', '.join(CHOICES)}")
    return list(_parse_items(read_bytes(raw, name, columns, max_bytes), format, extract, profile))


def _parse_items(items: Iterable[Source | Failure], format: str, extract: bool,
                 profile: str) -> Iterator[Document | Failure]:
    extractor = None
    if extract:
        from ..extract import extract as extractor
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        try:
            docs = parse_source(item, format)
            if extractor is not None:
                docs = [extractor(doc, profile) for doc in docs]
        except InputError as exc:
            yield Failure(item.name, str(exc))
            continue
        except RecursionError:
            yield Failure(item.name, str(InternalError("input nested too deeply")))
            continue
        except Exception as exc:  # a parser bug must not stop the batch  # noqa: BLE001
            yield Failure(item.name, str(InternalError(f"internal error while parsing ({type(exc).__name__}: {exc})")))
            continue
        yield from docs
