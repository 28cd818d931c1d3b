"""Decoding raw bytes and normalising text.

Every document's `text` is: decoded (see `decode_document` for the cascade), newlines unified to
LF, Unicode NFC, control characters dropped, lone surrogates replaced by U+FFFD. Offsets in
records point into this text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

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

# Share of control bytes (other than tab, LF, CR, FF, and NUL counted apart) above which a file is
# taken as binary. Real text in any 8-bit encoding has none; OCR output and old printouts may have
# a few stray ones, while compressed or random data has about 11%.
BINARY_CONTROL_RATIO = 0.05
# Share of NUL bytes above which a file is binary. A few NULs in a big text are damage (a bad copy,
# a padded record) and are stripped with a warning; executables and images have far more.
BINARY_NUL_RATIO = 0.01
# UTF-16 without a BOM: ASCII-range text has a NUL in every other byte. At least this share of
# the bytes are NUL, and nearly all on one side (the rest is non-Latin text).
UTF16_NUL_RATIO = 0.3
UTF16_SIDE_RATIO = 0.95
# A file that is not valid UTF-8 is read as cp1252 (the Windows superset of Latin-1 every Western
# document of the period uses) when its bytes above 0x7F mostly stand alone: accented letters and
# curly quotes sit between ASCII letters, while a non-Latin script (KOI8-R, cp1251, Shift-JIS …)
# writes whole words in high bytes. Over this share of high bytes in runs, a detector decides.
LEGACY_RUN_RATIO = 0.5
_HIGH_RUN = re.compile(rb"[\x80-\xff]{2,}")

# Bytes that never occur in text: C0 controls other than TAB, LF, FF, CR, and NUL (counted apart).
_TEXT_BYTES = bytes(b for b in range(256) if b >= 32 or b in (0, 9, 10, 12, 13))
# Characters that are not text: C0/C1 controls other than TAB and LF, DEL, zero-width and BOM.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\ufeff\ufffe\uffff]")
# The same characters one by one: an `in` test per character runs at C speed, several times faster
# than a regex scan, and tells whether the scan has anything to drop.
_CONTROL_CHARS = (*map(chr, (*range(0x00, 0x09), *range(0x0b, 0x20), *range(0x7f, 0xa0))),
                  "\u200b", "\u200e", "\u200f", "\ufeff", "\ufffe", "\uffff")
# Controls worth a warning when dropped (zero-width marks and BOMs are routine, not damage).
_DAMAGE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Line separators other than CR: Unicode's own, form feed (page breaks in printouts), NEL.
_OTHER_NEWLINES = ("\u2028", "\u2029", "\x0c", "\x85")
_ASCII_CONTROL_BYTES = bytes([*range(0, 9), *range(11, 32), 127])
# `_CONTROL`'s characters that Latin-1 holds, as Latin-1 bytes (CR, form feed and NEL among them).
_LATIN1_CONTROL_BYTES = bytes([*range(0, 9), *range(11, 32), *range(0x7F, 0xA0)])
_DAMAGE_BYTES = bytes([*range(0, 9), 11, *range(14, 32), 127])
# Lone surrogates (from JSON escapes, or bytes undecodable as UTF-8) are not characters: they
# cannot be written out as UTF-8.
_SURROGATES = re.compile("[\ud800-\udfff]")
# What Python's surrogateescape error handler makes of a byte that is not valid UTF-8.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


@dataclass
class Decoded:
    """Decoded, normalised text; `encoding` as a Python codec name; what had to be guessed."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def strip_bom(raw: bytes) -> tuple[bytes, str | None]:
    for bom, name in BOMS:
        if raw.startswith(bom):
            return raw[len(bom):], name
    return raw, None


def looks_binary(raw: bytes) -> bool:
    """True for data that is not text, judged on the first SNIFF_BYTES only (cheap on big files)."""
    head = raw[:SNIFF_BYTES]
    if not head:
        return False
    # (`in` finds a byte at memchr speed; counting the NULs of a text that has none costs ten times more.)
    if 0 in head and head.count(0) > BINARY_NUL_RATIO * len(head):
        return True
    controls = len(head.translate(None, _TEXT_BYTES))
    return controls > BINARY_CONTROL_RATIO * len(head)


def utf16_without_bom(raw: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for BOM-less UTF-16 (NULs on one side of each pair), else None."""
    head = raw[:SNIFF_BYTES]
    nuls = head.count(0) if 0 in head else 0
    if len(head) < 4 or nuls < UTF16_NUL_RATIO * len(head):
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= UTF16_SIDE_RATIO * nuls:
        return "utf-16-le"
    if even >= UTF16_SIDE_RATIO * nuls:
        return "utf-16-be"
    return None


def decode(raw: bytes) -> tuple[str, str]:
    """Bytes to str: returns (text, encoding name). Raises EmptyInput or BinaryInput."""
    text, encoding, _ = _decode(raw)
    return text, encoding


def decode_document(raw: bytes) -> Decoded:
    """Bytes to normalised text with the warnings a reader should pass on.

    Raises EmptyInput or BinaryInput (one-line messages); never anything else.
    """
    plain = _plain_utf8(raw)
    if plain is not None:
        return Decoded(plain, "utf-8", [])
    text, encoding, warnings = _decode(raw)
    damage = _count_damage(raw, text, encoding)
    if damage:
        warnings.append(f"dropped {damage} control character{'s' if damage != 1 else ''} (NUL or similar)")
    text = normalise(text)
    if not text.strip():
        raise EmptyInput("no text after decoding")
    return Decoded(text, encoding, warnings)


def _plain_utf8(raw: bytes) -> str | None:
    """The text of most documents, found in a few C-speed passes: UTF-8 whose characters are all
    Latin-1 and none a control (NUL, CR, form feed …); None for any other bytes.

    Such bytes come out of `_decode` and `normalise` unchanged, and the cascade would find nothing to
    say: there is no BOM (U+FEFF is not Latin-1, and other BOMs are not UTF-8), no NUL (so neither
    UTF-16 nor binary), no control byte to count as damage (UTF-8 bytes below 0x80 are those very
    characters), and `normalise` has no newline, surrogate or control to change and no NFC to apply.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    latin = latin1_bytes(text)
    if latin is None or _latin1_controls(latin) or not text.strip():
        return None  # the cascade drops the controls, or says why there is no text
    return text


def _count_damage(raw: bytes, text: str, encoding: str) -> int:
    """Control characters that are damage; counted on the bytes when the encoding keeps ASCII."""
    if not encoding.startswith(("utf-16", "utf-32")):
        return len(raw) - len(raw.translate(None, _DAMAGE_BYTES))
    return sum(1 for _ in _DAMAGE.finditer(text))


def _decode(raw: bytes) -> tuple[str, str, list[str]]:
    """The cascade; every step is cheap except the last, which only non-Latin legacy files reach.

    1. a BOM names the encoding;
    2. nothing but white space is EmptyInput;
    3. BOM-less UTF-16 is recognised by its NUL pattern (before the binary check would refuse it);
    4. NULs or control bytes in the first 64 KB are BinaryInput;
    5. valid UTF-8 is UTF-8 (no detection run);
    6. UTF-8 cut inside its last character, or UTF-8 with a few stray bytes (a cp1252 quote pasted
       into a UTF-8 file), stays UTF-8: the tail is dropped, the strays are read as cp1252, warned;
    7. otherwise a legacy 8-bit encoding: cp1252 for mostly-ASCII text, else detected.
    """
    body, bom_encoding = strip_bom(raw)
    if bom_encoding:
        text = body.decode(bom_encoding, errors="replace")
        return text, bom_encoding, _replacement_warning(text, bom_encoding)
    if not raw.strip():
        raise EmptyInput("empty file" if not raw else "file holds only white space")
    utf16 = utf16_without_bom(raw)
    if utf16:
        text = raw.decode(utf16, errors="replace")
        return text, utf16, [f"decoded as {utf16} (no byte order mark)", *_replacement_warning(text, utf16)]
    if looks_binary(raw):
        raise BinaryInput("binary content, not text (NUL or control bytes)")
    try:
        return raw.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    mixed = _decode_mostly_utf8(raw)
    if mixed is not None:
        return mixed
    encoding = _detect_legacy(raw)
    text = raw.decode(encoding, errors="replace")
    return text, encoding, [f"decoded as {encoding}", *_replacement_warning(text, encoding)]


def _decode_mostly_utf8(raw: bytes) -> tuple[str, str, list[str]] | None:
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    text = decoder.decode(raw, final=False)
    pending = len(decoder.getstate()[0])
    strays = sum(1 for _ in _ESCAPED_BYTE.finditer(text))
    warnings = []
    if pending:
        warnings.append(f"ends inside a UTF-8 character (truncated?): last {pending}"
                        f" byte{'s' if pending != 1 else ''} dropped")
    if strays:
        non_ascii = len(text) - len(text.encode("ascii", "ignore"))
        # Real UTF-8 characters must outnumber the strays; a legacy file has next to none.
        if non_ascii - strays <= strays:
            return None
        text = _ESCAPED_BYTE.sub(_stray_as_cp1252, text)
        warnings.append(f"{strays} byte{'s' if strays != 1 else ''} not valid UTF-8, read as cp1252")
    return text, "utf-8", warnings


def _stray_as_cp1252(match: re.Match) -> str:
    return bytes([ord(match.group()) - 0xDC00]).decode("cp1252", errors="replace")


def _detect_legacy(raw: bytes) -> str:
    """Best guess for text that is not UTF-8. cp1252 is the answer for most Western documents."""
    head = raw[:SNIFF_BYTES]
    high = len(head) - len(head.decode("ascii", "ignore"))
    in_runs = sum(len(run) for run in _HIGH_RUN.findall(head))
    if in_runs <= LEGACY_RUN_RATIO * high:
        return "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(head).best()
    if best is not None and best.encoding not in ("ascii", "utf_8"):
        name = codecs.lookup(best.encoding).name
        # Latin-1 and cp1252 agree on printable bytes; cp1252 also maps 0x80-0x9f to quotes and dashes.
        return "cp1252" if name in ("latin-1", "iso8859-1", "iso8859-15") else name
    return "cp1252"


def _replacement_warning(text: str, encoding: str) -> list[str]:
    count = text.count("\ufffd")
    return [f"{count} undecodable byte sequences in {encoding} replaced with U+FFFD"] if count else []


def normalise(text: str) -> str:
    """Unify newlines, NFC, drop control characters; tabs stay (tables in cables use them).

    Most documents are ASCII or Latin-1 and clean: they take only C-speed checks (`str.isascii`,
    `str.encode`, `in`, `bytes.translate`), not the regex scans, which run at about a tenth of the speed.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for separator in _OTHER_NEWLINES:
        if separator in text:
            text = text.replace(separator, "\n")
    if text.isascii():
        return _CONTROL.sub("", text) if _ascii_controls(text) else text
    latin = latin1_bytes(text)
    if latin is not None:
        # NFC changes no character below U+0300 (the first combining mark; see test_text.py), and
        # Latin-1 holds no surrogates: only the controls can go.
        return _CONTROL.sub("", text) if _latin1_controls(latin) else text
    if not _encodable(text):
        text = _SURROGATES.sub("\ufffd", text)
    text = unicodedata.normalize("NFC", text)
    return _CONTROL.sub("", text) if _has_controls(text) else text


def _ascii_controls(text: str) -> int:
    """How many control characters an ASCII text holds."""
    raw = text.encode("ascii")
    return len(raw) - len(raw.translate(None, _ASCII_CONTROL_BYTES))


def latin1_bytes(text: str) -> bytes | None:
    """The text's Latin-1 bytes; None when it holds other characters."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return None


def _latin1_controls(latin: bytes) -> bool:
    """Whether a text's Latin-1 bytes hold any character `_CONTROL` matches."""
    return len(latin.translate(None, _LATIN1_CONTROL_BYTES)) != len(latin)


def _has_controls(text: str) -> bool:
    """Whether a text holds any character `_CONTROL` matches."""
    return any(char in text for char in _CONTROL_CHARS)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
