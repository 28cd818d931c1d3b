"""PDF input: the text layer of every page (pypdf, BSD-licensed); page starts kept as breaks."""

from __future__ import annotations

import hashlib
import io
import logging

from ..errors import BadContainer, NoText
from ..text import normalise
from .source import Source

# A page whose text layer has fewer characters than this is taken as image-only.
MIN_PAGE_CHARS = 20


def read_pdf(raw: bytes, name: str) -> Source:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise BadContainer("encrypted PDF (a password is needed)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except BadContainer:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise BadContainer(f"damaged or truncated PDF ({type(exc).__name__}: {str(exc)[:100]})") from None
    text_parts: list[str] = []
    breaks: list[int] = []
    offset = 0
    empty = 0
    for page_text in pages:
        page_text = normalise(page_text).strip("\n")
        if len(page_text.strip()) < MIN_PAGE_CHARS:
            empty += 1
        if text_parts:
            text_parts.append("\n\n")
            offset += 2
        breaks.append(offset)
        text_parts.append(page_text)
        offset += len(page_text)
    text = "".join(text_parts)
    if not text.strip():
        raise NoText(f"PDF has no text layer on any of its {len(pages)} pages (a scan without OCR?)")
    warnings = [f"{empty} of {len(pages)} PDF pages have no text layer"] if empty else []
    return Source(name=name, text=text, sha256=hashlib.sha256(raw).hexdigest(), media="pdf",
                  breaks=breaks, warnings=warnings)
