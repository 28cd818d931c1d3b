"""HTML input: main text and metadata through trafilatura; figure captions collected apart.

The page is parsed once (trafilatura's loader: it reads the declared charset and guesses when
there is none); scripts, styles and other non-text elements are removed from that tree before
anything reads it, so no script text reaches a caption or the fallback text. trafilatura and lxml
are imported only when an HTML page is read.
"""

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
# Elements whose content is never document text.
NON_TEXT_XPATH = "//script | //style | //noscript | //template | //iframe | //object | //embed | //svg"
# Metadata trafilatura finds, under the names of Source.meta.
META_FIELDS = (("title", "title"), ("date", "date"), ("url", "url"), ("outlet", "sitename"),
               ("description", "description"))
AUTHOR_SEPARATORS = re.compile(r";|\band\b")
_SPACES = re.compile(r"[ \t]+")
LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")


def read_html(raw: bytes, name: str) -> Source:
    """Main text of a page; raises NoText when nothing readable remains."""
    for logger in LOGGERS:
        logging.getLogger(logger).setLevel(logging.CRITICAL)
    tree = _load(raw)
    captions = _captions(tree) if tree is not None else []
    meta: dict[str, object] = {}
    body = ""
    doc = _extract(tree) if tree is not None else None
    if doc is not None:
        body = doc.text or ""
        for key, attr in META_FIELDS:
            value = getattr(doc, attr, None)
            if value:
                meta[key] = normalise(value) if isinstance(value, str) else value
        if getattr(doc, "author", None):
            meta["authors"] = [normalise(a.strip()) for a in AUTHOR_SEPARATORS.split(doc.author) if a.strip()]
    if not body.strip() and tree is not None:
        body = _fallback_text(tree)
    body = normalise(body)
    # trafilatura writes one paragraph a line; legation's texts separate paragraphs by a blank line.
    lines = [line.strip() for line in body.split("\n")]
    text = "\n\n".join(line for line in lines if line)
    if not text.strip():
        raise NoText("HTML page holds no readable text (only markup or scripts)")
    if captions:
        meta["captions"] = captions
    return Source(name=name, text=text, sha256=hashlib.sha256(raw).hexdigest(), media="html", meta=meta)


def _load(raw: bytes):
    """The parsed page without its non-text elements, or None when lxml cannot make a tree of it."""
    from trafilatura import load_html

    # lxml and trafilatura raise their own exception types (and RecursionError) on hostile
    # markup; a page that cannot be parsed simply has no text.
    try:
        tree = load_html(raw)
        if tree is None:
            return None
        for node in tree.xpath(NON_TEXT_XPATH):
            node.drop_tree()
        return tree
    except Exception:  # noqa: BLE001
        return None


def _captions(tree) -> list[str]:
    captions: list[str] = []
    try:
        for node in tree.xpath(CAPTION_XPATH):
            caption = normalise(_SPACES.sub(" ", node.text_content())).strip()
            if caption and caption not in captions:
                captions.append(caption)
    except Exception:  # noqa: BLE001 - captions are a bonus; the page still parses without them
        return []
    return captions


def _extract(tree):
    import trafilatura

    try:
        return trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False,
                                           include_tables=True, favor_recall=True)
    except Exception:  # noqa: BLE001 - see _load
        return None


def _fallback_text(tree) -> str:
    import trafilatura

    try:
        return trafilatura.html2txt(tree) or ""
    except Exception:  # noqa: BLE001 - see _load
        return ""
