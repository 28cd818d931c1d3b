"""parse: files, bytes and sources into contract records. Dispatch only; formats do the work."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from ..errors import InputError, InternalError
from ..record import Document
from .readers import MAX_DOCUMENT_BYTES, Failure, read_bytes, read_paths
from .registry import CHOICES, check_format, choose
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
    check_format(format)
    yield from _parse_items(read_paths(paths, columns, max_bytes), format, extract, profile)


def parse_bytes(raw: bytes, name: str = "<bytes>", format: str = "auto", extract: bool = True,
                profile: str = "fast", columns: dict[str, str] | None = None,
                max_bytes: int = MAX_DOCUMENT_BYTES) -> list[Document | Failure]:
    check_format(format)
    return list(_parse_items(read_bytes(raw, name, columns, max_bytes), format, extract, profile))


# Documents handed to the extractors at once: the `full` profile's model reads them in one batch.
EXTRACT_BATCH = 64


def _parse_items(items: Iterable[Source | Failure], format: str, extract: bool,
                 profile: str) -> Iterator[Document | Failure]:
    """Parse each source; extract in batches; every failure stays with its own source, in order."""
    if extract:
        from ..extract import components

        components(profile)  # an unknown profile is a usage error before any file is read
    batch: list[tuple[Source, list[Document] | Failure]] = []
    documents = 0  # in the batch (failures do not count towards EXTRACT_BATCH)
    for item in items:
        if isinstance(item, Failure):
            batch.append((None, item))
        else:
            result = _guard(item, lambda src=item: parse_source(src, format))
            batch.append((item, result))
            if isinstance(result, list):
                documents += len(result)
        if documents >= EXTRACT_BATCH:
            yield from _flush(batch, extract, profile)
            batch, documents = [], 0
    yield from _flush(batch, extract, profile)


def _flush(batch, extract: bool, profile: str) -> Iterator[Document | Failure]:
    if extract:
        from ..extract import extract as extract_one
        from ..extract import extract_many

        docs = [doc for _, result in batch if isinstance(result, list) for doc in result]
        try:
            done = iter(list(extract_many(docs, profile)))
        except Exception:  # noqa: BLE001 - find the document at fault, one by one
            done = None
        for source, result in batch:
            if isinstance(result, list):
                if done is not None:
                    result = [next(done) for _ in result]
                else:
                    result = _guard(source, lambda r=result: [extract_one(d, profile) for d in r])
            yield from (result if isinstance(result, list) else [result])
        return
    for _, result in batch:
        yield from (result if isinstance(result, list) else [result])


def _guard(source: Source, work) -> list[Document] | Failure:
    """Run parse or extract work for one source; any error becomes that source's Failure."""
    try:
        return work()
    except InputError as exc:
        return Failure(source.name, str(exc))
    except RecursionError:
        return Failure(source.name, str(InternalError("input nested too deeply")))
    except Exception as exc:  # a bug met on one input must not stop the batch  # noqa: BLE001
        return Failure(source.name, str(InternalError(f"internal error while parsing ({type(exc).__name__}: {exc})")))
