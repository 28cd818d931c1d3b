"""What a file is, by its content first and its name second.

`sniff_container(head, name)` answers how to read the bytes: "pdf", "zip", "html", "jsonl",
"json", "csv", "tsv" or "text". Which kind of document the text is (cable, article, text) is
decided afterwards by the formats' own detectors (parse.registry).

Only the first bytes are looked at (text.SNIFF_BYTES); every test here is linear in them.
"""

from __future__ import annotations

import json
import os
import re

from .text import looks_binary

# Magic numbers.
PDF_MAGIC = b"%PDF-"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
# A PDF may carry a little junk before its header; the spec tolerates 1,024 bytes. Junk-led PDFs
# must also show a version and an object, so a text quoting "%PDF-" is not taken for one.
PDF_HEADER_WINDOW = 1024
PDF_LATE_HEADER = re.compile(rb"%PDF-\d\.\d")
PDF_OBJECT = re.compile(rb"\d+ \d+ obj\b")

# A document start: `<!doctype html`, `<html`, `<head` or `<body`, after an optional XML
# declaration and comments (skipped in _skip_prolog: a regex over repeated comments backtracks
# exponentially when it fails).
HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b", re.I)
HTML_TAGS = re.compile(rb"<(?:html|head|body|div|p|article|meta|script|title|span|a)\b[^>]*>", re.I)
# A text with this many HTML tags in its first kilobytes is HTML even without <html>.
HTML_TAG_THRESHOLD = 8
HTML_TAG_WINDOW = 8192
# Text and Markdown files often quote a few tags; they are HTML only when they start as a page.
TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md", ".markdown"})

DUMP_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv", ".json": "json"}
_LEADING_SPACE = b"\xef\xbb\xbf \t\r\n"


def sniff_container(head: bytes, name: str = "") -> str:
    """Classify by the first bytes of a file (64 KB are plenty) and its name."""
    if _is_pdf(head):
        return "pdf"
    if head.startswith(ZIP_MAGICS):
        return "zip"
    ext = os.path.splitext(name)[1].lower()
    stripped = head.lstrip(_LEADING_SPACE)
    if ext in DUMP_EXTENSIONS:
        kind = DUMP_EXTENSIONS[ext]
        if kind in ("jsonl", "json") and stripped[:1] not in (b"{", b"["):
            return "text"
        if kind in ("csv", "tsv") and looks_binary(head):
            return "text"  # so that it fails as binary, not as thousands of garbage rows
        if kind == "json" and stripped[:1] == b"{" and _is_json_lines(stripped):
            return "jsonl"  # JSON Lines under a .json name is common in exports
        return kind
    if stripped[:1] == b"{" and _first_line_is_json_object(stripped):
        return "jsonl"
    if HTML_START.match(_skip_prolog(stripped)):
        return "html"
    if ext not in TEXT_EXTENSIONS and len(HTML_TAGS.findall(head[:HTML_TAG_WINDOW])) >= HTML_TAG_THRESHOLD:
        return "html"
    return "text"


def _is_pdf(head: bytes) -> bool:
    if head.lstrip().startswith(PDF_MAGIC):
        return True
    window = head[:PDF_HEADER_WINDOW]
    return bool(PDF_LATE_HEADER.search(window) and PDF_OBJECT.search(head))


def _skip_prolog(data: bytes) -> bytes:
    """Drop a leading XML declaration and comments (and the white space between them)."""
    pos = 0
    while True:
        if data.startswith(b"<?xml", pos):
            end = data.find(b">", pos)
        elif data.startswith(b"<!--", pos):
            end = data.find(b"-->", pos + 4)
            end = end + 2 if end >= 0 else -1
        else:
            return data[pos:]
        if end < 0:
            return b""
        pos = end + 1
        while pos < len(data) and data[pos] in b" \t\r\n":
            pos += 1


def _first_line_is_json_object(data: bytes) -> bool:
    line = data.split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return False


def _is_json_lines(data: bytes) -> bool:
    """A first line that is a whole JSON object, followed by another line starting an object."""
    first, sep, rest = data.partition(b"\n")
    return bool(sep) and rest.lstrip()[:1] == b"{" and _first_line_is_json_object(first)
