"""Readers: files, directories, archives and dumps in; one `Source` (or one `Failure`) per document out.

The cascade for one input, in order:
 1. a directory is walked in sorted order (hidden files and folders skipped);
 2. a file that cannot be opened fails with its OS error;
 3. its first bytes decide the container (sniff.sniff_container): ZIP archives and dumps (JSON
    Lines, JSON arrays, CSV/TSV) yield one source per member or row, each failing on its own;
 4. a single document over the size limit fails before it is read whole;
 5. PDF → its text layer, HTML → trafilatura's main text, anything else → decoded text.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import sniff
from ..errors import BadContainer, InputError, NoText, TooLarge, UnreadableInput
from ..text import SNIFF_BYTES, decode_text, normalise
from .source import Source

# One document larger than this is refused: the largest Cablegate cable is under 1 MB and a news
# article under 200 KB, so 16 MiB of a single text is a dump or a mistake, and the heuristics are
# regex-based (cost grows with size). Dumps (JSON Lines, CSV, ZIP) are streamed and have no limit.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
# PDFs carry images and fonts: their bytes say little about the size of their text.
MAX_PDF_BYTES = 256 * 1024 * 1024

# ZIP safety against bombs: members, total uncompressed bytes, and the expansion ratio of a member
# (text compresses 3-10x; 100x only comes from crafted or degenerate data).
MAX_ZIP_MEMBERS = 200_000
MAX_ZIP_TOTAL_BYTES = 4 * 1024 * 1024 * 1024
MAX_ZIP_RATIO = 100
# Ratio checks only make sense above a minimum size (a 2 KB file of spaces is harmless).
ZIP_RATIO_MIN_BYTES = 1024 * 1024
# Archives inside archives are followed this deep.
MAX_ZIP_DEPTH = 2

# Column (or JSON key) names tried, in order, for each field when no mapping is given.
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "full_text", "article", "message"),
    "title": ("title", "headline", "subject", "bestTitle", "name"),
    "date": ("date", "published", "publication_date", "pubdate", "created", "datetime"),
    "url": ("url", "link", "original_url"),
    "outlet": ("outlet", "publisher", "site", "sitename", "source_name"),
    "authors": ("authors", "author", "byline"),
    "id": ("id", "identifier", "doc_id"),
}

# csv's default field limit (128 KB) is smaller than a long cable.
csv.field_size_limit(MAX_DOCUMENT_BYTES)


@dataclass
class Failure:
    """A file, member or row that could not become a document."""

    source: str
    error: str


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_paths(paths: Iterable[str | os.PathLike], columns: dict[str, str] | None = None,
               max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[Source | Failure]:
    """Every document under the given files and directories, in a stable order."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for file in _walk(path):
                yield from read_file(file, columns, max_bytes)
        else:
            yield from read_file(path, columns, max_bytes)


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def read_file(path: Path, columns: dict[str, str] | None = None,
              max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[Source | Failure]:
    name = str(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
            size = os.fstat(handle.fileno()).st_size
            container = sniff.sniff_container(head, name)
            if container in ("jsonl", "csv", "tsv"):
                handle.seek(0)
                yield from _read_dump_stream(handle, name, container, columns)
                return
            limit = MAX_PDF_BYTES if container == "pdf" else max_bytes
            if container == "zip":
                limit = None
            if limit is not None and size > limit:
                raise TooLarge(f"file is {_mb(size)}, over the {_mb(limit)} limit for one document"
                               " (raise it with --max-bytes)")
            raw = head + handle.read()
    except InputError as exc:
        yield Failure(name, str(exc))
        return
    except OSError as exc:
        yield Failure(name, str(UnreadableInput(f"cannot read file: {exc.strerror or exc}")))
        return
    yield from read_bytes(raw, name, columns, max_bytes, container=container)


def read_bytes(raw: bytes, name: str, columns: dict[str, str] | None = None,
               max_bytes: int = MAX_DOCUMENT_BYTES, container: str | None = None,
               depth: int = 0) -> Iterator[Source | Failure]:
    """Documents in an in-memory file (used for files, archive members and the Python API)."""
    container = container or sniff.sniff_container(raw[:SNIFF_BYTES], name)
    try:
        if container == "zip":
            yield from _read_zip(raw, name, columns, max_bytes, depth)
            return
        if container in ("jsonl", "csv", "tsv"):
            yield from _read_dump_stream(io.BytesIO(raw), name, container, columns)
            return
        if container == "json":
            yield from _read_json_array(raw, name, columns)
            return
        limit = MAX_PDF_BYTES if container == "pdf" else max_bytes
        if len(raw) > limit:
            raise TooLarge(f"document is {_mb(len(raw))}, over the {_mb(limit)} limit (raise it with --max-bytes)")
        if container == "pdf":
            from .pdf import read_pdf

            yield read_pdf(raw, name)
        elif container == "html":
            from .html import read_html

            yield read_html(raw, name)
        else:
            yield _read_text(raw, name)
    except InputError as exc:
        yield Failure(name, str(exc))


def _read_text(raw: bytes, name: str) -> Source:
    text, encoding = decode_text(raw, name)
    warnings = [] if encoding in ("utf-8", "ascii") else [f"decoded as {encoding}"]
    media = "markdown" if name.lower().endswith((".md", ".markdown")) else "text"
    return Source(name=name, text=text, sha256=sha256_of(raw), media=media, warnings=warnings)


# --- archives -------------------------------------------------------------------------------

def _read_zip(raw: bytes, name: str, columns, max_bytes: int, depth: int) -> Iterator[Source | Failure]:
    if depth >= MAX_ZIP_DEPTH:
        raise BadContainer(f"archive nested deeper than {MAX_ZIP_DEPTH} levels")
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise BadContainer(f"damaged or truncated ZIP archive ({exc})") from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise BadContainer(f"ZIP archive has {len(members):,} members, over the {MAX_ZIP_MEMBERS:,} limit")
    total = 0
    for member in sorted(members, key=lambda m: m.filename):
        inner = f"{name}!{member.filename}"
        base = member.filename.rsplit("/", 1)[-1]
        if base.startswith(".") or member.filename.startswith("__MACOSX/"):
            continue
        try:
            if member.flag_bits & 0x1:
                raise BadContainer("encrypted archive member")
            if (member.file_size > ZIP_RATIO_MIN_BYTES
                    and member.file_size > MAX_ZIP_RATIO * max(member.compress_size, 1)):
                raise BadContainer(f"compression ratio over {MAX_ZIP_RATIO}:1 (a ZIP bomb?)")
            data = _read_member(archive, member, max_bytes)
            total += len(data)
            if total > MAX_ZIP_TOTAL_BYTES:
                yield Failure(name, str(BadContainer(
                    f"ZIP archive expands past {_mb(MAX_ZIP_TOTAL_BYTES)}; stopped")))
                return
        except InputError as exc:
            yield Failure(inner, str(exc))
            continue
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
            yield Failure(inner, str(BadContainer(f"damaged archive member ({exc})")))
            continue
        yield from read_bytes(data, inner, columns, max_bytes, depth=depth + 1)


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, max_bytes: int) -> bytes:
    """Read at most max_bytes (+1 to notice the excess): the header's size can lie."""
    cap = max(max_bytes, MAX_PDF_BYTES) if member.filename.lower().endswith(".pdf") else max_bytes
    if member.filename.lower().endswith((".zip", ".jsonl", ".ndjson", ".csv", ".tsv", ".json")):
        cap = MAX_ZIP_TOTAL_BYTES
    with archive.open(member) as handle:
        data = handle.read(cap + 1)
    if len(data) > cap:
        raise TooLarge(f"archive member over the {_mb(cap)} limit")
    return data


# --- dumps ------------------------------------------------------------------------------------

def _read_dump_stream(handle, name: str, container: str, columns) -> Iterator[Source | Failure]:
    if container == "jsonl":
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            row_name = f"{name}#{lineno}"
            try:
                row = json.loads(line)
            except (ValueError, UnicodeDecodeError) as exc:
                yield Failure(row_name, str(BadContainer(f"not a JSON object on line {lineno}: {_short(exc)}")))
                continue
            yield _row_source(row, row_name, sha256_of(line.rstrip(b"\r\n")), columns)
        return
    text_handle = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="replace", newline="")
    try:
        reader = csv.DictReader(text_handle, delimiter="\t" if container == "tsv" else ",")
        for rowno, row in enumerate(reader, start=1):
            row_name = f"{name}#{rowno}"
            if None in row:
                extra = row.pop(None)
                row["_extra"] = extra
            raw = json.dumps(row, sort_keys=True, ensure_ascii=False).encode()
            yield _row_source(row, row_name, sha256_of(raw), columns)
    except csv.Error as exc:
        yield Failure(name, str(BadContainer(f"malformed CSV: {exc}")))


def _read_json_array(raw: bytes, name: str, columns) -> Iterator[Source | Failure]:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadContainer(f"malformed JSON: {_short(exc)}") from None
    rows = data if isinstance(data, list) else [data]
    for i, row in enumerate(rows, start=1):
        row_name = f"{name}#{i}" if len(rows) > 1 else name
        raw_row = json.dumps(row, sort_keys=True, ensure_ascii=False).encode()
        yield _row_source(row, row_name, sha256_of(raw_row), columns)


def _row_source(row: object, name: str, digest: str, columns: dict[str, str] | None) -> Source | Failure:
    if not isinstance(row, dict):
        return Failure(name, str(BadContainer("row is not an object with named fields")))
    meta: dict[str, object] = {}
    for field_name, candidates in DEFAULT_COLUMNS.items():
        spec = (columns or {}).get(field_name)
        value = _pick(row, spec.split("+") if spec else None, candidates)
        if value not in (None, "", []):
            meta[field_name] = value
    text = meta.pop("text", None)
    if columns and columns.get("text") and text is None:
        return Failure(name, str(NoText(f"no column {columns['text']!r} in this row")))
    if not isinstance(text, str) or not text.strip():
        return Failure(name, str(NoText("row has no text field (map one with --columns text=NAME)")))
    text = normalise(text)
    if not text.strip():
        return Failure(name, str(NoText("row text is empty after normalisation")))
    return Source(name=name, text=text, sha256=digest, media="row", meta=meta)


def _pick(row: dict, keys: list[str] | None, candidates: tuple[str, ...]) -> object:
    if keys:
        parts = [row.get(k.strip()) for k in keys]
        parts = [p for p in parts if p not in (None, "")]
        if not parts:
            return None
        if len(parts) == 1:
            return parts[0]
        return "\n\n".join(str(p) for p in parts)
    lowered = {str(k).lower(): v for k, v in row.items()}
    for key in candidates:
        if key.lower() in lowered:
            return lowered[key.lower()]
    return None


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:120]
