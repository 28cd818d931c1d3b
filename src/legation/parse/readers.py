"""Readers: files, directories, archives and dumps in; one `Source` (or one `Failure`) per document out.

The cascade for one input, in order (`read_file`, then `_read_container`):
 1. a directory is walked in sorted order (hidden files and folders skipped);
 2. anything but a regular file (a FIFO, a device, a dangling symlink) fails before it is opened:
    opening a FIFO blocks and a device never ends;
 3. its first bytes decide the container (sniff.sniff_container): ZIP archives and dumps (JSON
    Lines, CSV/TSV) are streamed, one source per member or row, each failing on its own;
 4. a single document over the size limit fails before it is read whole;
 5. PDF → its text layer, HTML → trafilatura's main text, a JSON array → one source per row,
    anything else → decoded text.
Nothing escapes a reader but Sources and Failures: `_guarded` turns every error, including a bug
in a third-party library on hostile input, into one Failure line and the batch goes on.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import sniff
from ..errors import (
    BadContainer,
    EmptyInput,
    InputError,
    TooLarge,
    UnreadableInput,
    UsageError,
)
from ..text import SNIFF_BYTES, decode_document
from .dumps import DEFAULT_COLUMNS, read_csv, read_json, read_jsonl
from .failure import Failure, mb, sha256_of, short
from .limits import MAX_DOCUMENT_BYTES, MAX_PDF_BYTES, read_up_to
from .source import Source

STREAMED = ("jsonl", "csv", "tsv")

# ZIP safety against bombs: members, total uncompressed bytes (as declared: zipfile never returns
# more than a member's declared size), and the expansion ratio of a member (text compresses 3-10x;
# 100x only comes from crafted or degenerate data).
MAX_ZIP_MEMBERS = 200_000
MAX_ZIP_TOTAL_BYTES = 4 * 1024 * 1024 * 1024
MAX_ZIP_RATIO = 100
# Ratio checks only make sense above a minimum size (a 2 KB file of spaces is harmless).
ZIP_RATIO_MIN_BYTES = 1024 * 1024
# Archives inside archives are followed this deep (an archive of archives, not deeper).
MAX_ZIP_DEPTH = 2
# Member names that make an archive a single document (Office, OpenDocument, EPUB), not a folder.
PACKAGE_MARKERS = ("[Content_Types].xml", "mimetype", "META-INF/container.xml")
# What zipfile raises on damaged data, besides its own BadZipFile.
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError)

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def read_paths(paths: Iterable[str | os.PathLike], columns: dict[str, str] | None = None,
               max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[Source | Failure]:
    """Every document under the given files and directories, in a stable order."""
    check_columns(columns)
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for file in _walk(path):
                if isinstance(file, OSError):
                    yield Failure(display_name(file.filename or path),
                                  str(UnreadableInput(f"cannot list folder: {file.strerror or file}")))
                else:
                    yield from read_file(file, columns, max_bytes)
        else:
            yield from read_file(path, columns, max_bytes)


def check_columns(columns: dict[str, str] | None) -> None:
    """A mapping may only name the fields a dump row can fill (raises UsageError)."""
    unknown = sorted(set(columns or {}) - set(DEFAULT_COLUMNS))
    if unknown:
        raise UsageError(f"--columns: unknown field {unknown[0]!r}; the fields are {', '.join(DEFAULT_COLUMNS)}")


def _walk(root: Path) -> Iterator[Path | OSError]:
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        yield from errors
        errors.clear()
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name
    yield from errors


def display_name(path: str | os.PathLike) -> str:
    """A path as it can be printed: undecodable bytes and control characters made visible."""
    name = os.fsencode(path).decode("utf-8", errors="replace")
    return _UNPRINTABLE.sub("?", name)


def read_file(path: Path, columns: dict[str, str] | None = None,
              max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[Source | Failure]:
    name = display_name(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableInput("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableInput("not a regular file (a FIFO, socket or device); not read")
        handle = open(path, "rb")
    except InputError as exc:
        yield Failure(name, str(exc))
        return
    except OSError as exc:
        yield Failure(name, str(UnreadableInput(f"cannot read file: {exc.strerror or exc}")))
        return
    with handle:
        yield from _guarded(_read_handle(handle, name, columns, max_bytes), name)


def _read_handle(handle, name: str, columns, max_bytes: int) -> Iterator[Source | Failure]:
    head = handle.read(SNIFF_BYTES)
    container = sniff.sniff_container(head, name)
    if container in STREAMED or container == "zip":
        handle.seek(0)
        yield from _read_container(handle, name, container, columns, max_bytes, depth=0)
        return
    size = os.fstat(handle.fileno()).st_size
    limit = document_limit(container, max_bytes)
    check_size(size, limit, "file")
    # Read no more than the limit even if the file grows while it is read.
    raw = head + read_up_to(handle, max(0, size - len(head)), max(0, limit - len(head)))
    check_size(len(raw), limit, "file")
    yield from _read_container(raw, name, container, columns, max_bytes, depth=0)


def read_bytes(raw: bytes, name: str, columns: dict[str, str] | None = None,
               max_bytes: int = MAX_DOCUMENT_BYTES, container: str | None = None,
               depth: int = 0) -> Iterator[Source | Failure]:
    """Documents in an in-memory file (used for files, archive members and the Python API)."""
    if depth == 0:
        check_columns(columns)
    container = container or sniff.sniff_container(raw[:SNIFF_BYTES], name)
    data = io.BytesIO(raw) if container in STREAMED or container == "zip" else raw
    yield from _guarded(_read_container(data, name, container, columns, max_bytes, depth), name)


def _read_container(data, name: str, container: str, columns, max_bytes: int,
                    depth: int) -> Iterator[Source | Failure]:
    """One sniffed input: `data` is a binary file object for streamed containers, else bytes."""
    if container == "zip":
        yield from _read_zip(data, name, columns, max_bytes, depth)
        return
    if container == "jsonl":
        yield from read_jsonl(data, name, columns, max_bytes)
        return
    if container in ("csv", "tsv"):
        yield from read_csv(data, name, container, columns)
        return
    check_size(len(data), document_limit(container, max_bytes), "document")
    if container == "json":
        yield from read_json(data, name, columns, max_bytes)
    elif container == "pdf":
        from .pdf import read_pdf

        yield read_pdf(data, name)
    elif container == "html":
        from .html import read_html

        yield read_html(data, name)
    else:
        yield _read_text(data, name)


def _read_member(handle, name: str, size: int, columns, max_bytes: int,
                 depth: int) -> Iterator[Source | Failure]:
    """An archive member, open for reading; dumps inside archives are streamed like files."""
    head = handle.read(SNIFF_BYTES)
    container = sniff.sniff_container(head, name)
    if container in STREAMED:
        handle.seek(0)
        yield from _guarded(_read_container(handle, name, container, columns, max_bytes, depth), name)
        return
    limit = document_limit(container, max_bytes)
    check_size(size, limit, "archive member")
    raw = head + read_up_to(handle, max(0, size - len(head)), max(0, limit - len(head)))
    yield from read_bytes(raw, name, columns, max_bytes, container=container, depth=depth)


def document_limit(container: str, max_bytes: int) -> int:
    if container == "pdf":
        return max(max_bytes, MAX_PDF_BYTES)
    if container == "zip":
        return max(max_bytes, MAX_PDF_BYTES)  # a nested archive is read into memory
    return max_bytes


def check_size(size: int, limit: int, what: str) -> None:
    if size > limit:
        raise TooLarge(f"{what} is {mb(size)}, over the {mb(limit)} limit for one document"
                       " (raise it with --max-bytes)")


def _guarded(items: Iterator[Source | Failure], name: str) -> Iterator[Source | Failure]:
    """Pass items on; an error ends the input with one Failure line instead of a traceback."""
    try:
        yield from items
    except InputError as exc:
        yield Failure(name, str(exc))
    except UsageError:
        raise
    except RecursionError:
        yield Failure(name, str(BadContainer("input nested too deeply to read")))
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        yield Failure(name, str(BadContainer(f"damaged compressed data ({short(exc)})")))
    except MemoryError:
        yield Failure(name, str(TooLarge("input too large for the memory available")))
    except OSError as exc:
        yield Failure(name, str(UnreadableInput(f"read failed: {exc.strerror or exc}")))
    except Exception as exc:  # a library failing on hostile input must not stop the batch  # noqa: BLE001
        yield Failure(name, f"internal error while reading ({type(exc).__name__}: {short(exc)}) [L900]")


def _read_text(raw: bytes, name: str) -> Source:
    decoded = decode_document(raw)
    media = "markdown" if name.lower().endswith((".md", ".markdown")) else "text"
    return Source(name=name, text=decoded.text, sha256=sha256_of(raw), media=media,
                  warnings=decoded.warnings)


# --- archives -------------------------------------------------------------------------------

def _read_zip(handle, name: str, columns, max_bytes: int, depth: int) -> Iterator[Source | Failure]:
    """Members in name order; every limit is checked on the central directory before any read."""
    if depth >= MAX_ZIP_DEPTH:
        raise BadContainer(f"archive nested deeper than {MAX_ZIP_DEPTH} levels; not opened")
    try:
        archive = zipfile.ZipFile(handle)
        members = [m for m in archive.infolist() if not m.is_dir()]
    except ZIP_ERRORS as exc:
        raise BadContainer(f"damaged or truncated ZIP archive ({short(exc)})") from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise BadContainer(f"ZIP archive has {len(members):,} members, over the {MAX_ZIP_MEMBERS:,} limit")
    declared = sum(m.file_size for m in members)
    if declared > MAX_ZIP_TOTAL_BYTES:
        raise BadContainer(f"ZIP archive expands to {mb(declared)}, over the {mb(MAX_ZIP_TOTAL_BYTES)} limit")
    if any(m.filename in PACKAGE_MARKERS for m in members):
        raise BadContainer("an Office, OpenDocument or EPUB file, not an archive of documents;"
                           " save it as text, HTML or PDF")
    documents = 0
    for member in sorted(members, key=lambda m: m.filename):
        inner = f"{name}!{member_name(member.filename)}"
        base = member.filename.replace("\\", "/").rsplit("/", 1)[-1]
        if base.startswith(".") or member.filename.startswith("__MACOSX/"):
            continue
        documents += 1
        if member.flag_bits & 0x1:
            yield Failure(inner, str(BadContainer("encrypted archive member (a password is needed); not read")))
            continue
        if (member.file_size > ZIP_RATIO_MIN_BYTES
                and member.file_size > MAX_ZIP_RATIO * max(member.compress_size, 1)):
            ratio = member.file_size // max(member.compress_size, 1)
            yield Failure(inner, str(BadContainer(
                f"expands {ratio:,}:1 to {mb(member.file_size)}, over the {MAX_ZIP_RATIO}:1 limit (a ZIP bomb?)")))
            continue
        try:
            with archive.open(member) as stream:
                yield from _read_member(stream, inner, member.file_size, columns, max_bytes, depth + 1)
        except InputError as exc:
            yield Failure(inner, str(exc))
        except (*ZIP_ERRORS, OSError) as exc:
            yield Failure(inner, str(BadContainer(f"damaged archive member ({short(exc)})")))
    if not documents:
        raise EmptyInput("ZIP archive holds no documents")


def member_name(filename: str) -> str:
    """An archive member's name as it can be shown: no `..`, no leading `/`, nothing unprintable.

    Members are never written to disk, but their names end up in `source` fields and on terminals.
    """
    parts = [p for p in filename.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    return _UNPRINTABLE.sub("?", "/".join(parts)) or "unnamed"
