"""Paragraphs of a cable body: numbered ones (`¶1. (SBU)`, `1.(S/NF)`, `¶ 2.`) with their markings,
and unnumbered blocks (headings, text before the first number) with `n` null."""

from __future__ import annotations

import re
from functools import lru_cache

from ...record import Paragraph
from ..common import trim_span

# A numbered paragraph at a line start: pilcrow or `PARA` optional, number, full stop (not `1.4`),
# then optionally its classification marking in parentheses.
PARA_START = re.compile(
    r"^[ \t]*(?:(?:¶|PARA(?:GRAPH)?\.?)[ \t]*)?(?P<n>\d{1,3})[ \t]*\.(?!\d)[ \t]*"
    r"(?:\((?P<marking>[A-Za-z/ ]{1,16})\))?",
    re.M)
# A line that may hold a PARA_START: the newline before it lets the scanner jump between lines.
PARA_LINE = re.compile(r"\n[ \t]*[¶P\d]")
# Paragraph markings as printed: a classification (U, SBU, C, S, TS, LOU, FOUO …) with optional
# caveats after one or two slashes (S/NF, C//NF, SBU/NOFORN, S/REL …).
MARKING = re.compile(r"^(?:U|SBU|C|S|TS|LOU|FOUO|CUI|UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET)"
                     r"(?:/{1,2}[A-Z]+(?: [A-Z]+)*)*$")
SLASH_SPACES = re.compile(r"\s*/\s*")
SPACES = re.compile(r"\s+")
# Sub-items numbered inside a paragraph restart at 1; a number far above the sequence is a list
# item or a figure, not a paragraph. Paragraph n+1 may skip a few numbers (missing sections).
MAX_NUMBER_JUMP = 5
# With a pilcrow or a marking the number is surely a paragraph's, but not one 20 past the last:
# that is a figure or a quoted paragraph number.
MAX_MARKED_JUMP = 20
# Paragraphs marked this many times set the cable's style: bare numbers are then list items.
MIN_MARKED_STYLE = 2
# A heading: one short line between blank lines, without sentence punctuation at its end.
HEADING_MAX_CHARS = 80
# Characters of the rules printed under or around a heading.
RULE_CHARS = "-=_* "
BLOCK_SPLIT = re.compile(r"\n[ \t]*\n\s*")
# Handling notices printed after the header (`THIS MESSAGE IS SENSITIVE BUT UNCLASSIFIED…`).
HANDLING_NOTICE = re.compile(
    r"^\W*(?:THIS (?:MESSAGE|CABLE|TELEGRAM) IS SENSITIVE BUT UNCLASSIFIED|SENSITIVE BUT UNCLASSIFIED[.,;]? "
    r"(?:PLEASE )?(?:PROTECT|NOT FOR)|NOT FOR (?:INTERNET|PUBLIC) DISTRIBUTION|"
    r"(?:This|THIS) (?:message|cable|MESSAGE|CABLE) is Sensitive but Unclassified)", re.I)


# A cable prints the same few markings over and over: each is normalised once.
@lru_cache(maxsize=4096)
def normalize_marking(raw: str | None) -> str | None:
    """`s/nf` → `S/NF`; None when the parenthesis is not a marking (`(1)`, `(see below)`)."""
    if not raw:
        return None
    value = SLASH_SPACES.sub("/", raw.strip().upper())
    value = SPACES.sub(" ", value)
    return value if MARKING.match(value) else None


def numbered_starts(text: str, start: int, end: int, lines: NumberedLines | None = None) -> list[re.Match[str]]:
    """Starts of numbered paragraphs in text[start:end] that follow the numbering.

    When most numbered lines carry a pilcrow or a marking, only those count: bare `1.` `2.` lines
    are then a list inside a paragraph. `lines`, when given, holds the numbered lines of a wider
    range (found once for several calls).
    """
    flagged = lines.within(start, end) if lines is not None else _flagged(_line_matches(text, start, end))
    sure = sum(1 for _, is_sure in flagged if is_sure)
    if sure >= MIN_MARKED_STYLE and 2 * sure >= len(flagged):
        flagged = [item for item in flagged if item[1]]
    found: list[re.Match[str]] = []
    previous = 0
    for match, is_sure in flagged:
        n = int(match["n"])
        follows = previous < n <= previous + MAX_NUMBER_JUMP
        marked = is_sure and previous < n <= previous + MAX_MARKED_JUMP
        if n == 0 or not (follows or marked):
            continue
        found.append(match)
        previous = n
    return found


def _line_matches(text: str, start: int, end: int) -> list[re.Match[str]]:
    """PARA_START matches in text[start:end], as `finditer` gives them, tried only at line starts
    whose first character can begin one (a match never spans a line)."""
    found = []
    if start == 0 or text[start - 1] == "\n":
        match = PARA_START.match(text, start, end)
        if match:
            found.append(match)
    for line in PARA_LINE.finditer(text, start, end):
        match = PARA_START.match(text, line.start() + 1, end)
        if match:
            found.append(match)
    return found


def _flagged(matches: list[re.Match[str]]) -> list[tuple[re.Match[str], bool]]:
    """Each match with whether it is surely a paragraph start."""
    return [(m, _is_sure(m)) for m in matches]


class NumberedLines:
    """The PARA_START matches of text[start:] (`_line_matches`, flagged by `_is_sure`), found once;
    `within` narrows them to a range inside, as `_line_matches` over that range would give them."""

    def __init__(self, text: str, start: int):
        self.text = text
        self.start = start
        self.flagged = _flagged(_line_matches(text, start, len(text)))

    def within(self, start: int, end: int) -> list[tuple[re.Match[str], bool]]:
        text = self.text
        if start < self.start or end > len(text):
            return _flagged(_line_matches(text, start, end))
        # A line that ends before `end` matches as it did; only the line that `end` cuts short
        # (it starts at `cut`) is matched again, up to `end`.
        cut = text.rfind("\n", 0, end) + 1
        found = [item for item in self.flagged if start <= item[0].start() < cut]
        if start <= cut < end and (cut == start or PARA_LINE.match(text, cut - 1, end)):
            match = PARA_START.match(text, cut, end)
            if match:
                found.append((match, _is_sure(match)))
        return found


def _is_sure(match: re.Match[str]) -> bool:
    """A pilcrow, `PARA` or a marking makes a numbered line surely a paragraph start."""
    head = match.group(0)
    return "¶" in head or "PARA" in head or normalize_marking(match["marking"]) is not None


def parse_paragraphs(text: str, start: int, end: int, lines: NumberedLines | None = None) -> list[Paragraph]:
    """Paragraphs of text[start:end]: numbered ones and the unnumbered blocks around them."""
    starts = numbered_starts(text, start, end, lines)
    paragraphs: list[Paragraph] = []
    first = starts[0].start() if starts else end
    paragraphs.extend(_blocks(text, start, first))
    for here, nxt in zip(starts, [*starts[1:], None], strict=False):
        stop = nxt.start() if nxt else end
        span = trim_span(text, here.start(), stop)
        if not span:
            continue
        s, e = span
        body, trailing = _split_trailing_heading(text, s, e)
        paragraphs.append(Paragraph(start=body[0], end=body[1], n=int(here["n"]),
                                    marking=normalize_marking(here["marking"])))
        paragraphs.extend(trailing)
    return paragraphs


def _blocks(text: str, start: int, end: int) -> list[Paragraph]:
    """Unnumbered blocks between blank lines, without handling notices."""
    out = []
    pos = start
    bounds = [(m.start(), m.end()) for m in BLOCK_SPLIT.finditer(text, start, end)]
    for cut_start, cut_end in [*bounds, (end, end)]:
        span = trim_span(text, pos, cut_start)
        pos = cut_end
        if span and not HANDLING_NOTICE.match(text[span[0]:span[1]]):
            out.append(Paragraph(start=span[0], end=span[1]))
    return out


def _split_trailing_heading(text: str, start: int, end: int) -> tuple[tuple[int, int], list[Paragraph]]:
    """A numbered paragraph ends before a heading that introduces the next one (`IRAN`, `Comment`)."""
    if text.find("\n", start, end) < 0:
        return (start, end), []  # one line: no blank line to split at
    cuts = list(BLOCK_SPLIT.finditer(text, start, end))
    if not cuts:
        return (start, end), []
    last = cuts[-1]
    tail = text[last.end():end]
    if _is_heading(tail):
        head_end = trim_span(text, start, last.start())
        if head_end:
            return head_end, [Paragraph(start=last.end(), end=end)]
    return (start, end), []


def _is_heading(block: str) -> bool:
    """One line of text, not too long and not ending a sentence; rules (`-----`) do not count."""
    line = None
    for raw in block.strip().splitlines():
        stripped = raw.strip()
        if not stripped.strip(RULE_CHARS):
            continue  # blank, or a rule
        if line is not None:
            return False  # a second line of text: not a heading
        line = stripped
    if line is None:
        return False
    return len(line) <= HEADING_MAX_CHARS and line[-1] not in ".;,\"”" and not line.startswith("--")
