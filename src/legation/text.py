"""Decoding raw bytes and normalising text.

Every document's `text` is: decoded (BOM, UTF-8, else a detected legacy encoding), newlines
unified to LF, Unicode NFC, control characters dropped. Offsets in records point into this text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from .errors import BinaryInput, EmptyInput

# BOMs, longest first (UTF-32 LE starts with the UTF-16 LE BOM).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# How much of a file the binary check and the encoding detector look at: enough to be sure,
# cheap on a 50 MB file.
SNIFF_BYTES = 64 * 1024

# Share of control bytes (other than tab, LF, CR, FF) above which a file is taken as binary.
# Real text in any 8-bit encoding has none; OCR output and old printouts may have a few stray ones.
BINARY_CONTROL_RATIO = 0.05

# Characters that are not text: C0/C1 controls other than TAB and LF, DEL, zero-width and BOM.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\ufeff\ufffe]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0c\x85]")


def strip_bom(raw: bytes) -> tuple[bytes, str | None]:
    for bom, name in BOMS:
        if raw.startswith(bom):
            return raw[len(bom):], name
    return raw, None


def looks_binary(raw: bytes) -> bool:
    head = raw[:SNIFF_BYTES]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head) > BINARY_CONTROL_RATIO


def decode(raw: bytes, source: str = "") -> tuple[str, str]:
    """Bytes to str: returns (text, encoding name). Raises EmptyInput or BinaryInput."""
    body, bom_encoding = strip_bom(raw)
    if bom_encoding:
        return body.decode(bom_encoding, errors="replace"), bom_encoding
    if not raw.strip():
        raise EmptyInput("empty file" if not raw else "file holds only white space")
    if looks_binary(raw):
        raise BinaryInput("binary content, not text (NUL or control bytes)")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _detect_legacy(raw)
    return raw.decode(encoding, errors="replace"), encoding


def _detect_legacy(raw: bytes) -> str:
    """Best guess for text that is not UTF-8. cp1252 is the answer for most Western documents."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:SNIFF_BYTES]).best()
    if best is not None and best.encoding not in ("ascii", "utf_8"):
        name = codecs.lookup(best.encoding).name
        # Latin-1 and cp1252 agree on printable bytes; cp1252 also maps 0x80-0x9f to quotes and dashes.
        return "cp1252" if name in ("latin-1", "iso8859-1", "iso8859-15") else name
    return "cp1252"


def normalise(text: str) -> str:
    """Unify newlines, NFC, drop control characters; tabs stay (tables in cables use them)."""
    text = _NEWLINES.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    return _CONTROL.sub("", text)


def decode_text(raw: bytes, source: str = "") -> tuple[str, str]:
    text, encoding = decode(raw, source)
    text = normalise(text)
    if not text.strip():
        raise EmptyInput("no text after decoding")
    return text, encoding
