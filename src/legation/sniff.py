"""What a file is, by its content first and its name second.

`sniff_container(head, name)` answers how to read the bytes: "pdf", "zip", "html", "jsonl",
"json", "csv", "tsv" or "text". Which kind of document the text is (cable, article, text) is
decided afterwards by the formats' own detectors (parse.registry).
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath

# Magic numbers.
PDF_MAGIC = b"%PDF-"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
# A PDF may carry a little junk before its header; the spec tolerates 1,024 bytes.
PDF_HEADER_WINDOW = 1024

HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                        re.I | re.S)
HTML_TAGS = re.compile(rb"<(?:html|head|body|div|p|article|meta|script|title|span|a)\b[^>]*>", re.I)
# A text with this many HTML tags in its first kilobytes is HTML even without <html>.
HTML_TAG_THRESHOLD = 8

DUMP_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv", ".json": "json"}


def sniff_container(head: bytes, name: str = "") -> str:
    """Classify by the first bytes of a file (64 KB are plenty) and its name."""
    window = head[:PDF_HEADER_WINDOW]
    if head.lstrip().startswith(PDF_MAGIC) or (PDF_MAGIC in window and b"\x00" in window):
        return "pdf"
    if head.startswith(ZIP_MAGICS):
        return "zip"
    ext = PurePath(name).suffix.lower()
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if ext in DUMP_EXTENSIONS:
        kind = DUMP_EXTENSIONS[ext]
        if kind in ("jsonl", "json") and stripped[:1] not in (b"{", b"["):
            return "text"
        return kind
    if stripped[:1] == b"{" and _first_line_is_json_object(stripped):
        return "jsonl"
    if HTML_START.match(stripped) or len(HTML_TAGS.findall(head[:8192])) >= HTML_TAG_THRESHOLD:
        return "html"
    return "text"


def _first_line_is_json_object(data: bytes) -> bool:
    line = data.split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, UnicodeDecodeError):
        return False
