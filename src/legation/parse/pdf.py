"""PDF input: the text layer of every page (pypdf, BSD-licensed); page starts kept as breaks.

Pages are joined by a blank line and each page start is a `Source.breaks` offset, so no paragraph
spans two pages. pypdf is imported only when a PDF is read.
"""

from __future__ import annotations

import hashlib
import io
import logging

from ..errors import BadContainer, NoText
from ..text import normalise
from .source import Source

# A page whose text layer has fewer characters than this is taken as image-only (a scan's
# text layer holds at least a header line; stamps and page numbers alone are shorter).
MIN_PAGE_CHARS = 20
# Longer documents are read up to here and warned about: the FOIA releases run to a few dozen
# pages, and a crafted PDF of millions of empty pages would otherwise run for hours.
MAX_PDF_PAGES = 2000
PAGE_SEPARATOR = "\n\n"


def read_pdf(raw: bytes, name: str) -> Source:
    """The text layer of a PDF; raises BadContainer (damaged, encrypted) or NoText (no text layer)."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    # pypdf raises many kinds of exceptions on damaged files (its own, but also KeyError,
    # struct.error, zlib.error …): any of them means the file cannot be read as a PDF.
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise BadContainer("encrypted PDF (a password is needed)")
        pages = reader.pages
        count = len(pages)
    except BadContainer:
        raise
    except Exception as exc:  # noqa: BLE001
        raise BadContainer(f"damaged or truncated PDF ({type(exc).__name__}: {_short(exc)})") from None
    if count == 0:
        raise NoText("PDF has no pages")
    warnings: list[str] = []
    texts: list[str] = []
    failed = 0
    for index in range(min(count, MAX_PDF_PAGES)):
        try:
            texts.append(normalise(pages[index].extract_text() or "").strip("\n"))
        except Exception:  # noqa: BLE001 - one damaged page must not lose the others
            failed += 1
            texts.append("")
    if count > MAX_PDF_PAGES:
        warnings.append(f"read the first {MAX_PDF_PAGES} of {count} PDF pages")
    if failed:
        warnings.append(f"{failed} PDF page{'s' if failed != 1 else ''} could not be read")
    text, breaks = join_pages(texts)
    if not text.strip():
        raise NoText(f"PDF has no text layer on any of its {_pages(count)} (a scan? run OCR on it first)")
    empty = sum(1 for t in texts if len(t.strip()) < MIN_PAGE_CHARS)
    if empty:
        warnings.append(f"{empty} of {_pages(count)} have no text layer")
    return Source(name=name, text=text, sha256=hashlib.sha256(raw).hexdigest(), media="pdf",
                  breaks=breaks, warnings=warnings)


def join_pages(pages: list[str]) -> tuple[str, list[int]]:
    """Page texts joined by a blank line, with the offset where each page starts."""
    parts: list[str] = []
    breaks: list[int] = []
    offset = 0
    for page_text in pages:
        if parts:
            parts.append(PAGE_SEPARATOR)
            offset += len(PAGE_SEPARATOR)
        breaks.append(offset)
        parts.append(page_text)
        offset += len(page_text)
    return "".join(parts), breaks


def _pages(n: int) -> str:
    return f"{n} page{'s' if n != 1 else ''}"


def _short(exc: BaseException) -> str:
    lines = str(exc).splitlines()
    return lines[0][:100] if lines else "no detail"
