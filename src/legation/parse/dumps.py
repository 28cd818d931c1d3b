"""Dumps where each row is a document: JSON Lines, JSON arrays, CSV and TSV.

Each row becomes a Source whose text is the row's text field (by --columns mapping or by the usual
names in DEFAULT_COLUMNS) and whose meta holds the other known fields; a bad row fails alone.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from ..errors import BadContainer, EmptyInput, MissingColumn, NoText, TooLarge
from ..text import SNIFF_BYTES, decode, normalise
from .failure import Failure, mb, sha256_of, short
from .limits import MAX_DOCUMENT_BYTES
from .source import Source

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


def read_jsonl(handle, name: str, columns, max_bytes: int) -> Iterator[Source | Failure]:
    rows = 0
    lineno = 0
    while line := handle.readline(max_bytes + 1):
        lineno += 1
        row_name = f"{name}#{lineno}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := handle.readline(SNIFF_BYTES)) and not rest.endswith(b"\n"):
                pass
            rows += 1
            yield Failure(row_name, str(TooLarge(f"line {lineno} is over the {mb(max_bytes)} limit"
                                                 " for one document (raise it with --max-bytes)")))
            continue
        if not line.strip():
            continue
        rows += 1
        try:
            row = json.loads(line)
        except (ValueError, UnicodeDecodeError) as exc:
            yield Failure(row_name, str(BadContainer(f"line {lineno} is not valid JSON: {short(exc)}")))
            continue
        except RecursionError:
            yield Failure(row_name, str(BadContainer(f"line {lineno} is JSON nested too deeply")))
            continue
        yield row_source(row, row_name, sha256_of(line.rstrip(b"\r\n")), columns)
    if not rows:
        yield Failure(name, str(EmptyInput("JSON Lines file holds no rows")))


def read_csv(handle, name: str, container: str, columns) -> Iterator[Source | Failure]:
    head = handle.read(SNIFF_BYTES)
    handle.seek(0)
    if not head.strip():
        raise EmptyInput("empty file" if not head else "file holds only white space")
    encoding = "utf-8-sig" if _is_utf8_head(head) else "cp1252"
    warnings = [] if encoding == "utf-8-sig" else ["decoded as cp1252"]
    text_handle = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
    # strict: a stray or unclosed quote is an error on that row, not a silently merged field.
    reader = csv.reader(text_handle, delimiter="\t" if container == "tsv" else ",", strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        yield Failure(name, str(EmptyInput("CSV file holds no header row")))
        return
    except csv.Error as exc:
        yield Failure(name, str(BadContainer(f"malformed CSV header: {exc}")))
        return
    missing = [(field, col) for field, spec in (columns or {}).items()
               for col in spec.split("+") if col.strip() not in header]
    shown = f"{', '.join(header[:12])}{' …' if len(header) > 12 else ''}"
    if missing:
        field, col = missing[0]
        raise MissingColumn(f"no column {col.strip()!r} (mapped to {field} by --columns) in the header: {shown}")
    if not (columns or {}).get("text") and not {h.lower() for h in header} & set(DEFAULT_COLUMNS["text"]):
        # Every row would fail the same way: say it once, for the file.
        raise MissingColumn(f"no text column in the header ({shown}); map one with --columns text=NAME")
    rowno = 0
    while True:
        rowno += 1
        row_name = f"{name}#{rowno}"
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            reason = ("unclosed quote: the rest of the file was read as one field"
                      if "unexpected end of data" in str(exc) else str(exc))
            yield Failure(row_name, str(BadContainer(f"malformed CSV row (line {reader.line_num}): {reason}")))
            continue
        if not any(v.strip() for v in values):
            rowno -= 1
            continue
        row: dict[str, object] = dict(zip(header, values, strict=False))
        row_warnings = list(warnings)
        if len(values) > len(header):
            row["_extra"] = values[len(header):]
            row_warnings.append(f"row has {len(values) - len(header)} more fields than the header")
        raw = json.dumps(row, sort_keys=True, ensure_ascii=False).encode("utf-8", "replace")
        yield row_source(row, row_name, sha256_of(raw), columns, row_warnings)
    if rowno == 1:
        yield Failure(name, str(EmptyInput("CSV file has a header but no rows")))


def _is_utf8_head(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A character cut by the end of the sniffed window is still UTF-8.
        return exc.reason == "unexpected end of data" and len(head) >= SNIFF_BYTES
    return True


def read_json(raw: bytes, name: str, columns, max_bytes: int) -> Iterator[Source | Failure]:
    text, _ = decode(raw)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip("\ufeff \t\r\n").startswith("{"):
            yield from read_jsonl(io.BytesIO(raw), name, columns, max_bytes)  # JSON Lines named .json
            return
        raise BadContainer(f"malformed JSON: {short(exc)}") from None
    except RecursionError:
        raise BadContainer("JSON nested too deeply") from None
    rows = data if isinstance(data, list) else [data]
    if not rows:
        raise EmptyInput("JSON array holds no rows")
    for i, row in enumerate(rows, start=1):
        row_name = f"{name}#{i}" if isinstance(data, list) else name
        try:
            raw_row = json.dumps(row, sort_keys=True, ensure_ascii=False).encode("utf-8", "replace")
        except RecursionError:
            yield Failure(row_name, str(BadContainer("row nested too deeply")))
            continue
        yield row_source(row, row_name, sha256_of(raw_row), columns)


def row_source(row: object, name: str, digest: str, columns: dict[str, str] | None,
               warnings: list[str] | None = None) -> Source | Failure:
    """A dump row (JSON object or CSV row as a dict) as a Source, by mapping or by usual names."""
    if not isinstance(row, dict):
        return Failure(name, str(BadContainer(f"row is a JSON {type(row).__name__}, not an object with named fields")))
    meta: dict[str, object] = {}
    for field_name, candidates in DEFAULT_COLUMNS.items():
        spec = (columns or {}).get(field_name)
        value = _pick(row, spec.split("+") if spec else None, candidates)
        if value not in (None, "", []):
            meta[field_name] = _clean(value)
    text = meta.pop("text", None)
    if isinstance(text, list) and all(isinstance(t, str) for t in text):
        text = "\n\n".join(text)  # a list of paragraphs
    if columns and columns.get("text") and text is None:
        return Failure(name, str(NoText(f"no value in column {columns['text']!r} of this row")))
    if not isinstance(text, str) or not text.strip():
        return Failure(name, str(NoText("row has no text field (map one with --columns text=NAME)")))
    return Source(name=name, text=text, sha256=digest, media="row", meta=meta, warnings=list(warnings or []))


def _clean(value: object) -> object:
    """Strings from a dump are normalised like any text (lone surrogates would break the output)."""
    if isinstance(value, str):
        return normalise(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


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
