"""HTML input: main text and metadata through trafilatura; figure captions collected apart."""

from __future__ import annotations

import hashlib
import logging
import re

from ..errors import NoText
from ..text import normalise
from .source import Source

# Where captions live in news pages; trafilatura drops them from the main text.
CAPTION_XPATH = ("//figcaption | //*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]"
                 " | //*[contains(@class, 'image-caption') or contains(@class, 'photo-caption')]")
_SPACES = re.compile(r"[ \t]+")


def read_html(raw: bytes, name: str) -> Source:
    import trafilatura
    from lxml import html as lxml_html

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    captions: list[str] = []
    try:
        tree = lxml_html.fromstring(raw)
        for node in tree.xpath(CAPTION_XPATH):
            caption = _SPACES.sub(" ", node.text_content()).strip()
            if caption and caption not in captions:
                captions.append(caption)
    except (ValueError, TypeError, SyntaxError):
        tree = None
    try:
        doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False,
                                          include_tables=True, favor_recall=True)
    except (ValueError, TypeError, AttributeError, RecursionError):
        doc = None
    meta: dict[str, object] = {}
    body = ""
    if doc is not None:
        body = doc.text or ""
        for key, attr in (("title", "title"), ("date", "date"), ("url", "url"), ("outlet", "sitename"),
                          ("description", "description")):
            value = getattr(doc, attr, None)
            if value:
                meta[key] = value
        if getattr(doc, "author", None):
            meta["authors"] = [a.strip() for a in re.split(r";|\band\b", doc.author) if a.strip()]
    if not body.strip():
        body = trafilatura.html2txt(raw) or ""
    body = normalise(body)
    # trafilatura writes one paragraph a line; legation's texts separate paragraphs by a blank line.
    lines = [line.strip() for line in body.split("\n")]
    text = "\n\n".join(line for line in lines if line)
    if not text.strip():
        raise NoText("HTML page holds no readable text (only markup or scripts)")
    if captions:
        meta["captions"] = captions
    return Source(name=name, text=text, sha256=hashlib.sha256(raw).hexdigest(), media="html", meta=meta)
