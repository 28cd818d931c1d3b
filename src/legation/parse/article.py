"""News articles (`kind: "article"`) from Markdown, HTML (main text from the reader) and plain text.

The record's `text` is a clean rendering: the title line, the captions, then the body paragraphs,
one blank line apart, with Markdown syntax removed and links kept in `Document.links`. Byline,
date line and `Original url:` lines become fields and leave the text.

The parse is one cascade (`parse_article`):
 1. front matter (`---` … `---`, markdown.split_front_matter) gives title/date/url/author;
 2. the text is cut into blocks at blank lines; the title block is found (heading, metadata title
    or a short first line); NASA's indented second line is a caption;
 3. each block gets a role: byline, date line, caption (image lines and what follows them,
    credit lines, a short head block right before the dateline paragraph), url, or body;
 4. wiki leftovers are cut from the end, paragraphs a conversion broke are joined again;
 5. fields by cascade: title, date, outlet, authors, url (see `_fields`); dateline from the first
    body paragraph.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..record import ArticleFields, Document, Paragraph
from .byline import canonical_outlet, outlet_for_url, parse_byline
from .captions import MAX_CAPTION_CHARS, is_credit_line, split_lead_caption, take_video_captions
from .common import iso_date
from .dateline import date_from_url, parse_date_line, parse_dateline
from .markdown import (
    BULLET,
    HEADING,
    IMAGE_LINE,
    Rendered,
    TextBuilder,
    heading_text,
    render_inline,
    split_front_matter,
)
from .registry import Format
from .source import Source

# --- structure ---------------------------------------------------------------------------------
BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
TABLE_LINE = re.compile(r"^\s*\|")
FENCE = re.compile(r"^\s*(?:```|~~~)")

# --- head and tail lines -----------------------------------------------------------------------
ORIGINAL_URL = re.compile(r"^\s*(?:Original|Source|Canonical)\s+(?:url|link)\s*:\s*(?P<rest>.*)$", re.I)
# The same line anywhere in a stretch of text (detection reads the file's tail with it).
ORIGINAL_URL_LINE = re.compile(ORIGINAL_URL.pattern, re.I | re.M)
BARE_URL = re.compile(r"^\s*<?(?P<url>https?://[^\s<>]+)>?\s*$")
READING_TIME = re.compile(r"^\s*\d{1,3}\s+min(?:ute)?s?\s+read\s*$", re.I)
# The end mark of a press release ("-end-"); the media contacts after it stay as text.
END_MARK = re.compile(r"^\s*[-–—]+\s*end\s*[-–—]+\s*$", re.I)

# --- Wikinews plain-text leftovers -------------------------------------------------------------
WIKI_TAIL = re.compile(r"==+[ \t]*(?:Sources?|External links|References|Related news|See also)[ \t]*==+"
                       r"|(?<=\s)Category:[A-Z]")
WIKI_QUOTES = re.compile(r"'{2,3}")
WIKI_IMAGE_SIZE = re.compile(r"^\d{2,4}px\s+")
# Inline HTML that wiki text carries (`<br>`, `<b>`, `<noinclude>`), removed with its entities.
WIKI_HTML_TAG = re.compile(r"</?(?:b|i|u|s|br|span|div|small|big|sup|sub|font|center|noinclude|includeonly)\b[^>]{0,200}>",
                           re.I)
WIKI_ENTITY = re.compile(r"&(?:[a-z]{2,8}|#\d{2,5});")

# --- thresholds --------------------------------------------------------------------------------
# Headlines run to about 120 characters; 200 leaves room for long NASA feature titles.
MAX_TITLE_CHARS = 200
# Head blocks (byline, date line, lead caption) sit within the first few blocks after the title.
HEAD_BLOCKS = 6
# A block this short that ends without punctuation is a label or heading, never half a paragraph.
MIN_JOIN_WORDS = 4
# Share of capitalised longer words that makes a line Title Case (headings, names, addresses);
# running prose stays well under half.
TITLE_CASE_SHARE = 0.75


@dataclass
class Block:
    raw: str
    role: str = "body"          # title | byline | date | caption | url | drop | body
    text: str | None = None     # the caption or value a head role keeps


def parse_article(source: Source) -> list[Document]:
    warnings: list[str] = list(source.warnings)
    front, body = split_front_matter(source.text)
    body, videos = take_video_captions(body)
    blocks = split_blocks(body)
    meta = dict(source.meta)
    title = _string(meta.get("title")) or front.get("title")
    title, blocks = _take_title(blocks, title)
    found = _classify(blocks, warnings)
    if blocks and not any(b.role == "body" for b in blocks) and blocks[0].role == "caption":
        # Nothing but a lead under the title: the lead is the article's text.
        blocks[0].role = "body"
        if blocks[0].text in found["captions"]:
            found["captions"].remove(blocks[0].text)
    if source.media == "text":
        _strip_wiki(blocks, found, warnings)
    body_blocks = join_broken([b for b in blocks if b.role == "body"])

    video_captions = [render_inline(c).text.strip() for c in videos]
    captions = _unique([*(_strings(meta.get("captions"))), *found["captions"], *video_captions])
    builder = TextBuilder()
    if title:
        builder.add(render_inline(title))
    for caption in captions:
        builder.add(caption)
    paragraphs: list[Paragraph] = []
    caption_keys = {_key(c) for c in captions}
    for block in body_blocks:
        rendered = render_block(block.raw)
        if not rendered.text.strip() or _key(rendered.text) in caption_keys:
            continue
        start, end = builder.add(rendered)
        paragraphs.append(Paragraph(start=start, end=end))

    doc = Document(source=source.name, sha256=source.sha256, kind="article", text=builder.text,
                   title=render_inline(title).text.strip() if title else None,
                   paragraphs=paragraphs, links=[ln for ln in builder.links if _useful_target(ln.target)],
                   warnings=warnings)
    doc.article = ArticleFields(captions=captions)
    _fields(doc, meta, front, found, warnings)
    if paragraphs:
        first = doc.text[paragraphs[0].start:paragraphs[0].end]
        dateline = parse_dateline(first)
        if dateline:
            doc.article.dateline = dateline[0]
            if doc.article.outlet is None and dateline[1]:
                doc.article.outlet = canonical_outlet(dateline[1])
    return [doc]


# --- blocks ------------------------------------------------------------------------------------

def split_blocks(text: str) -> list[Block]:
    return [Block(part.rstrip()) for part in BLANK_LINES.split(text) if part.strip()]


def _take_title(blocks: list[Block], known: str | None) -> tuple[str | None, list[Block]]:
    """The title and the blocks without it; the first block's indented lines become captions."""
    if not blocks:
        return known, blocks
    lines = blocks[0].raw.split("\n")
    first = lines[0].strip()
    heading = heading_text(first)
    candidate = heading if heading is not None else first
    plain = render_inline(candidate).text.strip()
    is_title = heading is not None or (len(candidate) <= MAX_TITLE_CHARS and not BULLET.match(first)
                                       and not IMAGE_LINE.match(first) and len(blocks) + len(lines) > 2
                                       and parse_byline(plain) is None and not parse_date_line(plain)[1]
                                       and not ORIGINAL_URL.match(first))
    if known and _key(render_inline(candidate).text) != _key(render_inline(known).text):
        return known, blocks
    if not is_title:
        return known, blocks
    # Indented lines under the title are its lead caption (scraped pages: NASA), unless a long one
    # is all there is: then it is the article itself, run together on one line.
    alone = len(blocks) == 1
    rest = [Block(line.strip(), role="caption" if line[:1].isspace() and (
                  not alone or len(line) <= MAX_CAPTION_CHARS) else "body")
            for line in lines[1:] if line.strip()]
    return known or candidate.strip(), rest + blocks[1:]


def _classify(blocks: list[Block], warnings: list[str]) -> dict[str, list]:
    """Give each block its role; returns what the head and tail said (captions, bylines, dates…)."""
    found: dict[str, list] = {"captions": [], "bylines": [], "dates": [], "urls": []}
    in_head = True
    after_image = False
    for i, block in enumerate(blocks):
        plain = render_inline(" ".join(block.raw.split())).text.strip()
        if i >= HEAD_BLOCKS:
            in_head = False
        if block.role == "caption":
            _caption(block, plain, found)
        elif _is_url_block(block, blocks, i, found):
            pass
        elif IMAGE_LINE.match(block.raw):
            alt = IMAGE_LINE.match(block.raw).group("alt").strip()
            block.role = "caption" if alt else "drop"
            if alt:
                _caption(block, alt, found)
            after_image = True
            continue
        elif is_credit_line(plain):
            _caption(block, plain, found)
        elif READING_TIME.match(plain) or END_MARK.match(plain):
            block.role = "drop"
        elif after_image and len(plain) <= MAX_CAPTION_CHARS and parse_dateline(plain) is None:
            _caption(block, plain, found)
        elif in_head and (byline := parse_byline(plain)) is not None:
            block.role = "byline"
            found["bylines"].append(byline)
        elif in_head and parse_date_line(plain)[1]:
            block.role = "date"
            value = parse_date_line(plain)[0]
            found["dates"].append(value)
            if value is None:
                warnings.append(f"date line {plain!r} gives no year; date left null")
        elif (in_head and len(plain) <= MAX_CAPTION_CHARS and i + 1 < len(blocks)
              and _head_so_far(blocks, i) and _opens_with_dateline(blocks[i + 1])):
            # A short line between the date line and the dateline paragraph is the lead photo's caption.
            _caption(block, plain, found)
        # The head (byline, date line, lead caption) ends where the body starts.
        in_head = in_head and block.role != "body"
        after_image = False
    return found


def _caption(block: Block, text: str, found: dict[str, list]) -> None:
    block.role = "caption"
    block.text = text
    if READING_TIME.match(text):
        block.role = "drop"
    elif text:
        found["captions"].append(text)


def _is_url_block(block: Block, blocks: list[Block], i: int, found: dict[str, list]) -> bool:
    match = ORIGINAL_URL.match(block.raw)
    if not match:
        return False
    block.role = "url"
    rest = match.group("rest").strip()
    url = BARE_URL.match(rest) if rest else None
    if url is None and i + 1 < len(blocks) and (nxt := BARE_URL.match(blocks[i + 1].raw)):
        blocks[i + 1].role = "url"
        url = nxt
    if url:
        found["urls"].append(url.group("url"))
    return True


def _head_so_far(blocks: list[Block], i: int) -> bool:
    roles = {b.role for b in blocks[:i]}
    return bool(roles & {"byline", "date"}) and roles <= {"byline", "date", "caption", "drop", "title"}


def _opens_with_dateline(block: Block) -> bool:
    return parse_dateline(render_inline(block.raw).text) is not None


def _strip_wiki(blocks: list[Block], found: dict[str, list], warnings: list[str]) -> None:
    body = [b for b in blocks if b.role == "body"]
    if not body:
        return
    last = body[-1]
    tail = WIKI_TAIL.search(last.raw)
    cut = last.raw[:tail.start()].rstrip(" \t\n*") if tail else last.raw
    if cut != last.raw:
        warnings.append("wiki markup leftovers (sources, categories) dropped from the end")
        last.raw = cut
        if not cut.strip():
            last.role = "drop"
    caption, rest = split_lead_caption(WIKI_IMAGE_SIZE.sub("", body[0].raw))
    if caption:
        found["captions"].append(WIKI_QUOTES.sub("", caption))
        body[0].raw = rest
    for block in body:
        raw = WIKI_IMAGE_SIZE.sub("", WIKI_QUOTES.sub("", block.raw))
        raw = WIKI_HTML_TAG.sub(" ", raw)
        block.raw = WIKI_ENTITY.sub(lambda m: html.unescape(m.group()), raw)


# --- paragraphs --------------------------------------------------------------------------------

def join_broken(blocks: list[Block]) -> list[Block]:
    """Join a paragraph a conversion split across a blank line.

    Joined when the first part ends without terminal punctuation (a lower-case letter, a comma or a
    semicolon), has at least MIN_JOIN_WORDS words, opens in upper case and is not Title Case, and
    the next part starts with a lower-case letter. Headings, list items, tables, image lines, lines
    ending in an address or URL and a following "by Jane Doe" byline are never joined. Over the NASA
    and Wikinews corpus this joins two pairs, both true breaks, and refuses 20 look-alikes.
    """
    out: list[Block] = []
    for block in blocks:
        if out and _continues(out[-1].raw, block.raw):
            out[-1] = Block(out[-1].raw.rstrip() + " " + block.raw.lstrip(), "body")
        else:
            out.append(block)
    return out


def _continues(before: str, after: str) -> bool:
    before, after = before.strip(), after.strip()
    if not before or not after or any(_structural(line) for line in (before.split("\n")[-1], after.split("\n")[0])):
        return False
    tail, head = before[-1], after[0]
    words = before.split()
    return ((tail.islower() or tail in ",;") and head.islower()
            and len(words) >= MIN_JOIN_WORDS
            # a block that itself opens in lower case is a list item or a fragment, not a paragraph
            and not before[0].islower()
            # a Title Case line is a heading or an address line
            and not _title_case(words)
            # an address or a URL ends a line on purpose; "by Jane Doe" is a byline
            and not any(mark in words[-1] for mark in ("@", "://"))
            and parse_byline(after[:1].upper() + after[1:]) is None)


def _title_case(words: list[str]) -> bool:
    """Most words capitalised (short function words aside): a heading, a name, an address."""
    content = [w for w in words if len(w) > 3]
    return bool(content) and sum(w[0].isupper() for w in content) >= TITLE_CASE_SHARE * len(content)


def _structural(line: str) -> bool:
    return bool(HEADING.match(line) or BULLET.match(line) or TABLE_LINE.match(line)
                or IMAGE_LINE.match(line) or FENCE.match(line))


def render_block(raw: str) -> Rendered:
    """One body block as clean text: heading hashes and bullet markers off, soft wraps joined."""
    lines = raw.split("\n")
    if any(BULLET.match(line) for line in lines):
        parts = [BULLET.match(line).group("text") if BULLET.match(line) else line.strip() for line in lines]
        return _join_rendered([render_inline(p) for p in parts], "\n")
    heading = heading_text(lines[0]) if len(lines) == 1 else None
    if heading is not None:
        return render_inline(heading)
    return render_inline(" ".join(line.strip() for line in lines))


def _join_rendered(parts: list[Rendered], separator: str) -> Rendered:
    text, links = "", []
    for part in parts:
        if text:
            text += separator
        for link in part.links:
            link.start += len(text)
            link.end += len(text)
            links.append(link)
        text += part.text
    return Rendered(text, links)


# --- fields ------------------------------------------------------------------------------------

def _fields(doc: Document, meta: dict, front: dict[str, str], found: dict[str, list],
            warnings: list[str]) -> None:
    art = doc.article
    assert art is not None
    # url: the file's own "Original url:" line, then container metadata, then front matter.
    art.url = (found["urls"][0] if found["urls"] else None) or _string(meta.get("url")) or \
        front.get("url") or front.get("canonical_url") or front.get("link")
    # date: container metadata, front matter, the page's date line, the URL; never a guess.
    doc.date = iso_date(meta.get("date")) or iso_date(front.get("date"))
    if doc.date is None:
        dated = [d for d in found["dates"] if d]
        doc.date = dated[0] if dated else date_from_url(art.url)
    # outlet: an organisation byline, metadata, front matter, the URL's domain.
    byline_outlets = [outlet for _, outlet in found["bylines"] if outlet]
    art.outlet = (byline_outlets[0] if byline_outlets else None) or _string(meta.get("outlet")) or \
        front.get("outlet") or front.get("publisher") or outlet_for_url(art.url)
    authors = [a for names, _ in found["bylines"] for a in names]
    art.authors = _unique(authors or _strings(meta.get("authors")) or _strings(front.get("author")))


def _string(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [v.strip() for v in re.split(r";|\band\b", value) if v.strip()]
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    return []


def _unique(values: list[str]) -> list[str]:
    seen: set[str] = set()
    return [v for v in values if not (_key(v) in seen or seen.add(_key(v)))]


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _useful_target(target: str) -> bool:
    return bool(target) and target != "#" and not target.startswith("javascript:")


# --- detection ---------------------------------------------------------------------------------
# Signs of a cable (its detector has priority): header lines, routing, partial-extract notes.
CABLE_SIGNS = re.compile(r"^[ \t]*(?:TAGS|SUBJECT|SUBJ|E\.\s?O\.\s?\d{5})\s*:|This record is a partial extract"
                         r"|^[ \t]*(?:FM|FROM)\s+(?:AMEMBASSY|AMCONSUL|SECSTATE|USMISSION)"
                         r"|^[ \t]*[ROPZ]{1,2}\s+\d{6}Z\s+[A-Z]{3}\s+\d{2}", re.M)
# Scores: a bare "title line then paragraphs" stays at or below 0.6 (just above plain text);
# strong signals (byline, date line, Original url, HTML page, row with a title) go higher.
SCORE_HTML = 0.9
SCORE_ORIGINAL_URL = 0.9
SCORE_BYLINE_OR_DATE = 0.8
SCORE_ROW_TITLE = 0.7
SCORE_TITLE_AND_BODY = 0.55
# Headlines are words and ordinary punctuation: OCR noise and symbol runs ("S•ECRIETARrAr "••")
# fall below this share of such characters.
TITLE_PUNCTUATION = frozenset("-–—:;,.!?'’‘\"“”()&/#%$…")
TITLE_MIN_PLAIN_SHARE = 0.9
# Body text after the title that makes "title + text" an article rather than a note.
MIN_BODY_CHARS = 200
# Only the head of a long file is looked at.
DETECT_CHARS = 4000


def detect_article(source: Source) -> float:
    head = source.text[:DETECT_CHARS]
    if CABLE_SIGNS.search(head):
        return 0.0
    if source.media == "html":
        return SCORE_HTML
    if ORIGINAL_URL_LINE.search(source.text[-DETECT_CHARS:]) or re.search(r"^Original url:", head, re.M | re.I):
        return SCORE_ORIGINAL_URL
    blocks = split_blocks(split_front_matter(head)[1])[:HEAD_BLOCKS + 1]
    for block in blocks[1:]:
        plain = render_inline(" ".join(block.raw.split())).text.strip()
        if parse_byline(plain) is not None or parse_date_line(plain)[0] is not None:
            return SCORE_BYLINE_OR_DATE
    if source.media == "row" and _string(source.meta.get("title")):
        return SCORE_ROW_TITLE
    if blocks and _title_like(blocks[0].raw.split("\n")[0]):
        lead = blocks[0].raw.split("\n")[1:]
        body = sum(len(b.raw) for b in blocks[1:]) + sum(len(line) for line in lead)
        # An indented lead line under the title (a lead caption) is how scraped pages keep theirs.
        if body >= MIN_BODY_CHARS or (lead and lead[0][:1].isspace() and len(blocks) > 1):
            return SCORE_TITLE_AND_BODY
    return 0.0


def _title_like(line: str) -> bool:
    heading = heading_text(line)
    text = render_inline((heading if heading is not None else line).strip()).text.strip()
    if not 0 < len(text) <= MAX_TITLE_CHARS or len(text.split()) < 2 or text.isupper():
        return False
    plain = sum(c.isalnum() or c.isspace() or c in TITLE_PUNCTUATION for c in text)
    return ((text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'#")
            and plain >= TITLE_MIN_PLAIN_SHARE * len(text)
            and text[-1] not in ",;:" and not BULLET.match(line) and not IMAGE_LINE.match(line))


FORMAT = Format(name="article", detect=detect_article, parse=parse_article, priority=30)
