"""Daily news digests: Wikipedia's "Portal:Current events" pages (one news item → one document).

A page is Jekyll front matter (title, date), `#### Category` headings and nested bullets whose
wiki links name the entities. The rule for cutting a page into items (docs/news.md):
 - a top-level bullet that tells a story (more than links) is one document with all its nested
   bullets, one paragraph each;
 - a bullet that is only a topic link (`[Gaza war](…)`) is context: each of its children is cut
   by the same rule with the topic chain carried along; a leaf bullet is one document.
Records are `kind: "article"`: title = the item's first sentence (or the topic chain), date = the
page date, section = the category heading, outlet "Wikipedia Current events", url = the first
cited source (`[(Reuters)](…)`); every link stays in `links`. Each item is named `path#N`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from ..record import ArticleFields, Document, Paragraph
from .common import iso_date
from .markdown import BULLET, Rendered, TextBuilder, heading_text, render_inline, split_front_matter
from .registry import Format
from .source import Source

OUTLET = "Wikipedia Current events"
# A story bullet cites its sources; a topic bullet ("Gaza war", "Twelve-Day War (list of
# airstrikes)") cites none and, when it ends like a sentence ("… in Washington, D.C."), stays short:
# topic titles run to about 12 words, uncited story lines to 20 and more.
SENTENCE_FINAL = re.compile(r"[.!?][\"”’)]?$")
MAX_TOPIC_WORDS = 16
# A cited source: a link whose text is in parentheses, `[(Reuters)](https://…)`.
CITATION = re.compile(r"^\(.+\)$")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z0-9\"“(‘\[])")
# Headlines run to about 120 characters; a longer first sentence is cut at a word boundary.
MAX_TITLE_CHARS = 150
# A first "sentence" shorter than this ended at an initial or an abbreviation, not a full stop.
MIN_TITLE_CHARS = 25
# Joins the topics of an item's context line and of a title made from topics.
CHAIN_SEPARATOR = " › "
# A page title such as "2025 January 02" checked against the front matter date.
PAGE_TITLE_DATE = re.compile(r"^(?P<year>\d{4}) (?P<month>[A-Z][a-z]+) (?P<day>\d{1,2})$")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")

# Detection: front matter, category headings and bullets together are the digest's fingerprint.
SCORE_WITH_FRONT_MATTER = 0.95
SCORE_WITHOUT_FRONT_MATTER = 0.65
MIN_BULLETS = 3
DETECT_CHARS = 8000
_H4 = re.compile(r"^#{3,4} \S", re.M)
_BULLETS = re.compile(r"^[ \t]*[*+\-] \S", re.M)


@dataclass
class Item:
    raw: str
    indent: int
    section: str | None
    children: list[Item] = field(default_factory=list)
    rendered: Rendered | None = None

    def render(self) -> Rendered:
        if self.rendered is None:
            self.rendered = render_inline(self.raw.strip())
        return self.rendered

    def is_topic(self) -> bool:
        """A heading-like bullet (`[Gaza war](…)`, `Aftermath of the [Operation Car Wash](…)`):
        it cites no source and is not a long sentence."""
        rendered = self.render()
        text = rendered.text.strip()
        if not text or any(CITATION.match(ln.text) for ln in rendered.links):
            return False
        return not (SENTENCE_FINAL.search(text) and len(text.split()) > MAX_TOPIC_WORDS)

    def lines(self) -> list[str]:
        return [self.raw] + [line for child in self.children for line in child.lines()]


def detect_digest(source: Source) -> float:
    head = source.text[:DETECT_CHARS]
    if not _H4.search(head) or len(_BULLETS.findall(head)) < MIN_BULLETS:
        return 0.0
    front, _ = split_front_matter(head)
    return SCORE_WITH_FRONT_MATTER if front else SCORE_WITHOUT_FRONT_MATTER


def parse_digest(source: Source) -> list[Document]:
    front, body = split_front_matter(source.text)
    warnings = list(source.warnings)
    page_date = iso_date(front.get("date")) or iso_date(source.meta.get("date"))
    _check_page_title(front.get("title"), page_date, warnings)
    modified = iso_date(front.get("last_modified_at"))
    if page_date and modified and page_date[:10] > modified[:10]:
        warnings.append(f"page date {page_date} is later than its last modification {modified[:10]};"
                        " the page may be mis-dated")
    docs: list[Document] = []
    for chain, item in _news_items(_bullet_tree(body)):
        n = len(docs) + 1
        docs.append(_document(source, n, chain, item, page_date, warnings))
    if not docs:
        from .plain import parse_text

        fallback = parse_text(source)
        for doc in fallback:
            doc.warnings.append("no news items found in the digest page")
        return fallback
    return docs


def _bullet_tree(body: str) -> list[Item]:
    """Top-level bullets with their nested bullets; each remembers its category heading."""
    roots: list[Item] = []
    stack: list[Item] = []
    section = None
    for line in body.split("\n"):
        if not line.strip():
            continue
        heading = heading_text(line)
        if heading is not None:
            section = render_inline(heading).text.strip()
            stack = []
            continue
        bullet = BULLET.match(line)
        if bullet is None:
            if stack:  # a wrapped continuation of the bullet above
                stack[-1].raw += " " + line.strip()
            continue
        if not bullet.group("text").strip():
            continue
        indent = len(bullet.group("indent").expandtabs(4))
        item = Item(bullet.group("text"), indent, section)
        while stack and stack[-1].indent >= indent:
            stack.pop()
        (stack[-1].children if stack else roots).append(item)
        stack.append(item)
    return roots


def _news_items(items: list[Item], chain: tuple[Item, ...] = ()):
    for item in items:
        if item.is_topic() and item.children:
            yield from _news_items(item.children, (*chain, item))
        else:
            yield chain, item


def _document(source: Source, n: int, chain: tuple[Item, ...], item: Item, page_date: str | None,
              page_warnings: list[str]) -> Document:
    builder = TextBuilder()
    if chain:
        builder.add(_join([topic.render() for topic in chain], CHAIN_SEPARATOR))
    paragraphs = []
    stack = [item]
    while stack:  # depth-first, in page order
        node = stack.pop()
        start, end = builder.add(node.render())
        paragraphs.append(Paragraph(start=start, end=end))
        stack.extend(reversed(node.children))
    citations = [ln for ln in builder.links if CITATION.match(ln.text)]
    raw = "\n".join(item.lines()).encode()
    doc = Document(source=f"{source.name}#{n}", sha256=hashlib.sha256(raw).hexdigest(), kind="article",
                   text=builder.text, title=_title(item, chain), date=page_date, paragraphs=paragraphs,
                   links=builder.links, warnings=list(page_warnings))
    doc.article = ArticleFields(outlet=OUTLET, url=citations[0].target if citations else None,
                                section=item.section)
    return doc


def _title(item: Item, chain: tuple[Item, ...]) -> str | None:
    if item.is_topic() and chain:
        return CHAIN_SEPARATOR.join(t.render().text.strip() for t in (*chain, item))
    text = item.render().text.strip()
    sentences = SENTENCE_END.split(text)
    first = sentences.pop(0)
    # "E. Jean Carroll …", "U.S. President …": a split after an initial is not a sentence end.
    while sentences and len(first) < MIN_TITLE_CHARS:
        first += " " + sentences.pop(0)
    first = first.strip()
    if len(first) > MAX_TITLE_CHARS:
        first = first[:MAX_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return first or None


def _join(parts: list[Rendered], separator: str) -> Rendered:
    out = Rendered("")
    for part in parts:
        if out.text:
            out.text += separator
        offset = len(out.text)
        out.links.extend(type(ln)(ln.text, ln.start + offset, ln.end + offset, ln.target) for ln in part.links)
        out.text += part.text.strip()
    return out


def _check_page_title(title: str | None, page_date: str | None, warnings: list[str]) -> None:
    match = PAGE_TITLE_DATE.match(title or "")
    if not match or not page_date or match.group("month") not in MONTHS:
        return
    titled = f"{match.group('year')}-{MONTHS.index(match.group('month')) + 1:02d}-{int(match.group('day')):02d}"
    if not page_date.startswith(titled):
        warnings.append(f"page title {title!r} disagrees with its date {page_date}; the date is kept")


FORMAT = Format(name="digest", detect=detect_digest, parse=parse_digest, priority=20)
