"""PDF text layers: pages kept apart, scans without OCR and damaged files named as such."""

import io

import pytest
from pypdf import PdfWriter

from legation.errors import BadContainer, NoText
from legation.parse import parse_source
from legation.parse.pdf import join_pages, read_pdf
from legation.parse.readers import read_bytes, read_file

FOIA = "foia.C09000038.pdf"


def _blank_pdf(pages: int = 1, password: str | None = None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(612, 792)
    if password:
        writer.encrypt(password, algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_pdf_foia_telegram_keeps_its_two_pages_apart(fixture_path):
    [source] = read_file(fixture_path(FOIA))
    assert source.media == "pdf" and source.warnings == []
    assert len(source.breaks) == 2 and source.breaks[0] == 0
    second = source.breaks[1]
    assert source.text[second - 2:second] == "\n\n"
    # The print repeats its heading on every page.
    assert "TEXT OF TELEGRAM" in source.text[:second] and "TEXT OF TELEGRAM" in source.text[second:]


def test_pdf_paragraphs_never_span_a_page_break(fixture_path):
    [source] = read_file(fixture_path(FOIA))
    [doc] = parse_source(source, "text")
    assert doc.paragraphs
    for paragraph in doc.paragraphs:
        assert not any(paragraph.start < cut < paragraph.end for cut in source.breaks)


def test_pdf_join_pages_offsets():
    text, breaks = join_pages(["page one", "", "page three"])
    assert text == "page one\n\n\n\npage three"
    assert [text[b:b + 4] for b in breaks] == ["page", "\n\npa", "page"]
    assert breaks == [0, 10, 12]


def test_pdf_image_only_is_no_text():
    with pytest.raises(NoText, match=r"no text layer .* OCR"):
        read_pdf(_blank_pdf(2), "scan.pdf")


def test_pdf_encrypted():
    [failure] = read_bytes(_blank_pdf(password="secret"), "locked.pdf")
    assert failure.error == "encrypted PDF (a password is needed) [L105]"


@pytest.mark.parametrize("fraction", [2, 4])
def test_pdf_cut_short_is_damaged(fixture_path, fraction):
    raw = fixture_path(FOIA).read_bytes()
    [failure] = read_bytes(raw[: len(raw) // fraction], "cut.pdf")
    assert failure.source == "cut.pdf"
    assert failure.error.startswith("damaged or truncated PDF (") and failure.error.endswith("[L105]")


@pytest.mark.parametrize("raw", [b"%PDF-", b"%PDF-1.4\ngarbage\n", b"%PDF-1.7\n" + bytes(range(256)) * 50])
def test_pdf_garbage_after_the_magic(raw):
    with pytest.raises(BadContainer, match="damaged or truncated PDF"):
        read_pdf(raw, "junk.pdf")


@pytest.mark.corpus
def test_pdf_every_foia_scan_reads_with_one_break_per_page(shared):
    from pypdf import PdfReader

    for path in sorted((shared / "data" / "foia-1986" / "pdf").glob("*.pdf")):
        [source] = read_file(path)
        assert source.media == "pdf", (path.name, getattr(source, "error", None))
        assert len(source.breaks) == len(PdfReader(path).pages), path.name
