"""Markdown inline syntax → clean text, with every hyperlink kept as an offset-tracked `Link`.

The inline layer lives here (links, autolinks, images, escapes, emphasis, code spans), with the
few block helpers every format needs (front matter, heading text, bullet markers); what blocks
mean (title, caption, news item) belongs to the formats.
`TextBuilder` assembles rendered blocks into one text, shifting link offsets as it goes, so the
offsets a format hands to the record always point into the final `text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..record import Link

# --- inline syntax ------------------------------------------------------------------------------
# A link target: no spaces, balanced single-level parentheses (Wikipedia titles such as
# `Israeli_invasion_of_Syria_(2024–present)`), then an optional quoted title. Possessive
# quantifiers (`*+`, `++`) keep a failed match linear on long lines.
_TARGET = r"(?:[^()\s]++|\([^()\s]*\))*+"
_TITLE = r"(?:\s+\"[^\"]*\")?"
IMAGE = re.compile(r"!\[(?P<alt>[^\]]{0,500})\]\((?P<src>" + _TARGET + r")" + _TITLE + r"\)")
# Link text: nested brackets one level deep (`[(Reuters)]`, `[[1]]`), escapes allowed.
LINK = re.compile(r"\[(?P<label>(?:[^\[\]\\]++|\\.|\[[^\[\]]*\])*+)\]\((?P<target>" + _TARGET + r")"
                  + _TITLE + r"\)")
AUTOLINK = re.compile(r"<(?P<url>(?:https?|ftp)://[^\s<>]+|mailto:[^\s<>]+)>")
CODE_SPAN = re.compile(r"(?P<ticks>`+)(?P<code>[^\n]{1,500}?)(?P=ticks)")
# Backslash escapes of CommonMark's ASCII punctuation (`\$115`, `\_`, `\*`).
ESCAPE = re.compile(r"\\(?P<char>[!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
# Emphasis: runs of * or _ that open before a non-space and close after one, not inside a word
# (so `snake_case`, `Syrian_civil_war` and `2*3*4` are left alone). Spans of inline syntax are
# bounded (500 characters, one line) so that unclosed markers cost linear time.
EMPHASIS = re.compile(r"(?=[*_])(?<![\w*\\])(?P<mark>\*{1,3}|_{1,3})(?=[^\s*_])(?P<inner>[^\n]{1,500}?)(?<=[^\s\\*_])(?P=mark)(?![\w*])")
STRIKE = re.compile(r"~~(?P<inner>\S[^\n]{0,500}?)~~")
# Every inline token, tried in this order at each position (group names are unique).
# The lookahead lets the scan skip plain characters without trying each alternative.
INLINE_TOKEN = re.compile("(?=[!\\[<`\\\\])(?:" + "|".join(f"(?P<{kind}>{rx.pattern})" for kind, rx in (
    ("image", IMAGE), ("link", LINK), ("auto", AUTOLINK), ("span", CODE_SPAN), ("esc", ESCAPE))) + ")")
# Characters that start inline syntax; text without any of them is already clean.
INLINE_MARKS = re.compile(r"[!\[<`\\*_~]")

# Jekyll/Hugo front matter: `---`, `key: value` lines, `---`.
FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(?P<body>.*?)\n---[ \t]*(?:\n|\Z)", re.S)
FRONT_MATTER_FIELD = re.compile(r"^(?P<key>[A-Za-z_]+):[ \t]*(?P<value>.*)$", re.M)

# Block markers a format may want to strip from the start of a line.
# (The closing hashes and spaces are stripped by heading_text: a lazy group before `[ \t#]*$`
# would be quadratic on a long line.)
HEADING = re.compile(r"^ {0,3}(?P<hashes>#{1,6})[ \t]+(?P<text>.*)$")
BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>[*+\-]|\d{1,3}[.)])[ \t]+(?P<text>.*)$")
IMAGE_LINE = re.compile(r"^\s*(?:\[)?!\[(?P<alt>[^\]]*)\]\([^)]*\)(?:\]\([^)]*\))?\s*$")


@dataclass
class Rendered:
    """Clean text of a piece of Markdown plus its links (offsets into `text`)."""

    text: str
    links: list[Link] = field(default_factory=list)
    images: list[tuple[str, str]] = field(default_factory=list)


def render_inline(markdown: str, keep_images: bool = False) -> Rendered:
    """Render one block's inline Markdown. Never raises; unknown syntax is left as it is."""
    if not INLINE_MARKS.search(markdown):
        return Rendered(markdown)
    source = _strip_emphasis(markdown)
    out: list[str] = []
    links: list[Link] = []
    images: list[tuple[str, str]] = []
    length = 0
    pos = 0
    for match in INLINE_TOKEN.finditer(source):
        plain = source[pos:match.start()]
        out.append(plain)
        length += len(plain)
        kind = _kind_of(match)
        if kind == "image":
            alt = match.group("alt") or ""
            images.append((alt, match.group("src") or ""))
            piece = alt if keep_images else ""
        elif kind == "link":
            inner = render_inline(match.group("label") or "", keep_images=keep_images)
            piece = inner.text
            target = match.group("target") or ""
            for sub in inner.links:
                links.append(Link(sub.text, length + sub.start, length + sub.end, sub.target))
            if piece.strip() and target:
                links.append(Link(piece, length, length + len(piece), target))
            images.extend(inner.images)
        elif kind == "auto":
            piece = match.group("url")
            links.append(Link(piece, length, length + len(piece), piece))
        elif kind == "span":
            piece = match.group("code")
        else:
            piece = match.group("char")
        out.append(piece)
        length += len(piece)
        pos = match.end()
    out.append(source[pos:])
    return Rendered("".join(out), links, images)


def _kind_of(match: re.Match) -> str:
    for name in ("image", "link", "auto", "span", "esc"):
        if match.group(name) is not None:
            return name
    return "esc"


def _strip_emphasis(text: str) -> str:
    previous = None
    # Nested emphasis (`***a** b*`) takes more than one pass; three is plenty for real text.
    for _ in range(3):
        if previous == text:
            break
        previous = text
        text = EMPHASIS.sub(lambda m: m.group("inner"), text)
        text = STRIKE.sub(lambda m: m.group("inner"), text)
    return text


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The front matter's fields (keys lower-cased) and the text after it."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = {m.group("key").lower(): m.group("value").strip().strip("\"'")
              for m in FRONT_MATTER_FIELD.finditer(match.group("body"))}
    return fields, text[match.end():]


def heading_text(line: str) -> str | None:
    """The text of an ATX heading line (`## Title ##` → `Title`), or None."""
    match = HEADING.match(line)
    return match.group("text").rstrip(" \t#") if match else None


def strip_block_marker(line: str) -> str:
    """A line without its heading hashes or bullet marker."""
    heading = heading_text(line)
    if heading is not None:
        return heading
    bullet = BULLET.match(line)
    if bullet:
        return bullet.group("text")
    return line


class TextBuilder:
    """Blocks joined by one blank line; links shifted to their place in the whole text."""

    SEPARATOR = "\n\n"

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.links: list[Link] = []

    def add(self, block: str | Rendered) -> tuple[int, int]:
        """Append a block; returns its (start, end) in the final text."""
        rendered = block if isinstance(block, Rendered) else Rendered(block)
        if self._parts:
            self._parts.append(self.SEPARATOR)
            self._length += len(self.SEPARATOR)
        start = self._length
        self._parts.append(rendered.text)
        self._length += len(rendered.text)
        for link in rendered.links:
            self.links.append(Link(link.text, start + link.start, start + link.end, link.target))
        return start, self._length

    @property
    def text(self) -> str:
        return "".join(self._parts)
