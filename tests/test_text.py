"""Decoding and normalisation: every encoding case a document collection throws at a reader."""

import codecs
import time
import unicodedata

import pytest

from legation import text as text_module
from legation.errors import BinaryInput, EmptyInput
from legation.text import decode_document, looks_binary, normalise, utf16_without_bom

SAMPLE = "He said \u201cthe caf\u00e9 is closed\u201d \u2014 twice.\n"


@pytest.mark.parametrize("raw, encoding, expected", [
    (SAMPLE.encode("utf-8"), "utf-8", SAMPLE),
    (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8", SAMPLE),
    (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le", SAMPLE),
    (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be", SAMPLE),
    (SAMPLE.encode("utf-16-le"), "utf-16-le", SAMPLE),
    (SAMPLE.encode("cp1252"), "cp1252", SAMPLE),
    ("Le caf\u00e9 na\u00efve, \u00e0 Paris.\n".encode("latin-1"), "cp1252", "Le caf\u00e9 na\u00efve, \u00e0 Paris.\n"),
])
def test_text_decodes_each_encoding(raw, encoding, expected):
    decoded = decode_document(raw)
    assert decoded.encoding == encoding
    assert decoded.text == expected


def test_text_legacy_encoding_is_warned_and_utf8_is_not():
    assert decode_document(SAMPLE.encode("cp1252")).warnings == ["decoded as cp1252"]
    assert decode_document(SAMPLE.encode("utf-8")).warnings == []


def test_text_mostly_utf8_with_one_stray_cp1252_byte_keeps_utf8():
    raw = ("R\u00e9sum\u00e9 of the na\u00efve caf\u00e9 owner. " * 20).encode() + b"He said \x93no\x94."
    decoded = decode_document(raw)
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith("R\u00e9sum\u00e9 of the na\u00efve")
    assert decoded.text.endswith("He said \u201cno\u201d.")
    assert decoded.warnings == ["2 bytes not valid UTF-8, read as cp1252"]


@pytest.mark.parametrize("body", ["plain ascii text ", "caf\u00e9 au lait "])
def test_text_utf8_cut_inside_a_character_drops_the_tail_and_warns(body):
    raw = (body * 10).encode() + "\u00e9".encode()[:1]
    decoded = decode_document(raw)
    assert decoded.encoding == "utf-8"
    assert decoded.text == body * 10
    assert "truncated" in decoded.warnings[0]


def test_text_cyrillic_legacy_file_is_detected():
    raw = ("\u041f\u043e\u0441\u043e\u043b\u044c\u0441\u0442\u0432\u043e \u0421\u0428\u0410 \u0432 "
           "\u041c\u043e\u0441\u043a\u0432\u0435 \u0441\u043e\u043e\u0431\u0449\u0430\u0435\u0442. " * 30).encode("cp1251")
    decoded = decode_document(raw)
    assert "\u041c\u043e\u0441\u043a\u0432\u0435" in decoded.text


@pytest.mark.parametrize("raw, message", [
    (b"", "empty file"),
    (b"  \n\t\r\n  ", "only white space"),
    (codecs.BOM_UTF8, "no text after decoding"),
    (codecs.BOM_UTF8 + b"\x00\x00\x00", "no text after decoding"),
])
def test_text_empty_input(raw, message):
    with pytest.raises(EmptyInput, match=message):
        decode_document(raw)


@pytest.mark.parametrize("raw", [
    bytes(range(256)) * 10,
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
    b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00\x01\x00\x00\x00" * 40,
    b"\x00" * 1000,
])
def test_text_binary_input(raw):
    with pytest.raises(BinaryInput, match="binary content"):
        decode_document(raw)


def test_text_a_few_nuls_in_a_big_text_are_stripped_with_a_warning():
    raw = b"The embassy reports. " * 5000 + b"\x00\x00\x00" + b"End.\n"
    decoded = decode_document(raw)
    assert "\x00" not in decoded.text and decoded.text.endswith("End.\n")
    assert decoded.warnings == ["dropped 3 control characters (NUL or similar)"]


def test_text_binary_check_reads_the_first_64kb_only():
    raw = b"clean text line\n" * 8192 + bytes(range(32)) * 100
    assert not looks_binary(raw)
    assert "clean text line" in decode_document(raw).text


def test_text_utf16_without_bom_needs_nuls_on_one_side():
    assert utf16_without_bom("abc def".encode("utf-16-le")) == "utf-16-le"
    assert utf16_without_bom("abc def".encode("utf-16-be")) == "utf-16-be"
    assert utf16_without_bom(b"\x00" * 100) is None
    assert utf16_without_bom(b"plain text") is None


@pytest.mark.parametrize("raw, expected", [
    ("a\r\nb\rc\u2028d\x0ce", "a\nb\nc\nd\ne"),
    ("tab\there\x07bell\x1bescape", "tab\therebellescape"),
    ("zero\u200bwidth\ufeffbom", "zerowidthbom"),
    ("cafe\u0301", "caf\u00e9"),
    ("lone \ud800 surrogate \udfff", "lone \ufffd surrogate \ufffd"),
    ("non\uffffchar", "nonchar"),
])
def test_text_normalise(raw, expected):
    assert normalise(raw) == expected


def test_text_lone_surrogates_from_utf16_are_replaced_and_warned():
    raw = codecs.BOM_UTF16_LE + "ok ".encode("utf-16-le") + b"\x00\xd8" + " end".encode("utf-16-le")
    decoded = decode_document(raw)
    assert decoded.text == "ok \ufffd end"
    decoded.text.encode("utf-8")  # writable


def test_text_valid_utf8_runs_no_charset_detection(monkeypatch):
    def refuse(raw):
        raise AssertionError("detector called on valid UTF-8")

    monkeypatch.setattr(text_module, "_detect_legacy", refuse)
    decode_document(("Tr\u00e8s bien. " * 100_000).encode())


def test_text_decoding_is_cheap_on_a_10mb_line():
    raw = b"word " * (2 * 1024 * 1024)
    start = time.perf_counter()
    decoded = decode_document(raw)
    elapsed = time.perf_counter() - start
    assert len(decoded.text) == len(raw)
    assert elapsed < 5, f"decoding 10 MB took {elapsed:.1f}s"


def test_text_control_chars_list_matches_the_control_pattern():
    matched = {chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and text_module._CONTROL.match(chr(c))}
    assert matched == set(text_module._CONTROL_CHARS)
    assert text_module._has_controls("caf\u00e9\x85") and not text_module._has_controls("caf\u00e9 \t\n")


def test_text_latin1_is_nfc_stable_so_normalise_skips_nfc():
    latin = [chr(c) for c in range(0x100)]
    assert all(unicodedata.normalize("NFC", a + b) == a + b for a in latin for b in latin)
    assert not any(unicodedata.combining(c) for c in latin)


def test_text_latin1_control_bytes_match_the_control_pattern():
    matched = bytes(c for c in range(0x100) if text_module._CONTROL.match(chr(c)))
    assert matched == text_module._LATIN1_CONTROL_BYTES


@pytest.mark.parametrize("raw", [
    "\u00b61. (C) Caf\u00e9 na\u00efve.\n".encode(),
    b"plain ascii\n", b"crlf\r\nline", b"form\x0cfeed", "nel\u0085line".encode(), b"bell\x07", b"nul\x00here",
    b"  \n ", codecs.BOM_UTF8 + b"bom", "curly \u201cquotes\u201d".encode(), "e\u0301".encode(),
])
def test_text_plain_latin1_shortcut_gives_what_the_cascade_gives(raw):
    plain = text_module._plain_utf8(raw)
    if plain is None:
        return  # the cascade itself decodes these
    text, encoding, warnings = text_module._decode(raw)
    assert (plain, "utf-8", []) == (normalise(text), encoding, warnings)
    assert text_module._count_damage(raw, text, encoding) == 0


def test_text_plain_latin1_shortcut_takes_clean_latin1_and_leaves_the_rest():
    """The test above compares only where the shortcut answers: it must answer for clean Latin-1 text."""
    assert text_module._plain_utf8("\u00b61. (C) Caf\u00e9.\n".encode()) == "\u00b61. (C) Caf\u00e9.\n"
    assert text_module._plain_utf8(b"plain ascii\n") == "plain ascii\n"
    for raw in (b"crlf\r\nline", b"nul\x00here", b"  \n ", codecs.BOM_UTF8 + b"bom", "curly \u201c".encode(),
                b"\xff\xfe not utf-8"):
        assert text_module._plain_utf8(raw) is None, raw
