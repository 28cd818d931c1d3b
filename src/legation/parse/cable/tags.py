"""The TAGS field: codes as printed (with or without a colon, across lines, glued by commas),
decoded by the tags table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ...data import load_table
from ...record import Tag
from .markings import LINE_PREFIX

# The label as printed, misspellings included ("TAGS:", "TAGS", "TAG:", "TAGs", "TAFS:").
TAGS_LINE = re.compile(
    r"(?:^" + LINE_PREFIX + r"(?:TAGS?|TAFS|TGS|TAGSS)\b[ \t]*[:;.]?|(?<![A-Za-z])TAGS[ \t]*:)[ \t*]*(?P<rest>.*)$",
    re.M | re.I)
# Lines that end the TAGS field (its continuation lines carry only codes).
TAGS_END = re.compile(r"^[ \t]*(?:SUBJ|SUBJECT|REF|E\.?\s?O\.?|CLASSIFIED|[¶(]|\d+\.)", re.I)
# The next header field on the same line ends the TAGS field.
INLINE_END = re.compile(r"\b(?:SUBJ(?:ECT)?|CLASSIFIED BY|REF)\s*:", re.I)
# A code: letters and digits, optionally dashed or slashed (ZANU-PF, KDEM/EAID split later).
CODE = re.compile(r"[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)*", re.I)
# Caveats that some cables print inside the TAGS field.
NOT_TAGS = frozenset({"SIPDIS", "TAGS", "AND", "SUBJECT", "SUBJ"})
# A continuation line is short and holds only codes.
MAX_CONTINUATION_CHARS = 90
MAX_CODE_CHARS = 12
# Glued runs of codes seen in real TAGS lines reach 34 characters.
MAX_GLUED_CHARS = 40
# Codes are separated by white space, commas, semicolons, slashes and hyphens (ZANU-PF is
# printed for the two codes ZANU and PF).
TOKEN_SPLIT = re.compile(r"[\s,;/-]+")
# Codes on a continuation line are short; a longer word is subject text that lost its label.
MAX_CONTINUATION_CODE_CHARS = 6
# A token this long that splits into known codes is several codes glued together.
MIN_GLUED_CHARS = 7
# ... and holds at least this many four-letter subject codes.
MIN_GLUED_SUBJECTS = 2
# Beyond this many lines after the class line a TAGS-like line is body text, not the field.
MAX_TAGS_SEARCH_CHARS = 6000


@dataclass
class TagsResult:
    tags: list[Tag] = field(default_factory=list)
    start: int | None = None
    end: int | None = None
    warnings: list[str] = field(default_factory=list)


@cache
def tag_meanings() -> dict[str, str | None]:
    return {row["code"]: (row["meaning"] or None) for row in load_table("tags.tsv")}


def split_codes(raw: str) -> list[str]:
    codes = []
    for token in TOKEN_SPLIT.split(raw):
        token = token.strip(" .:\\\"'()")
        if len(token) < 2 or token.isdigit():
            continue
        if CODE.fullmatch(token) and len(token) <= MAX_GLUED_CHARS:
            codes.append(token.upper())
    return codes


def parse_tags(text: str, start: int = 0, limit: int | None = None) -> TagsResult:
    out = TagsResult()
    limit = min(len(text), start + MAX_TAGS_SEARCH_CHARS) if limit is None else limit
    match = TAGS_LINE.search(text, start, limit)
    if not match:
        return out
    out.start = match.start()
    raw = match.group("rest")
    inline = INLINE_END.search(raw)
    if inline:
        # a run-together header: "Tags: prel, pgov, tu Subject: turkish p.m. …"
        raw = raw[:inline.start()]
    end = match.end()
    pos = end + 1
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        line = text[pos:line_end].strip(" \t\\\"")
        if not line or TAGS_END.match(line) or len(line) > MAX_CONTINUATION_CHARS:
            break
        if not _continuation(line):
            break
        raw += " " + line
        end = line_end
        pos = line_end + 1
    out.end = end
    meanings = tag_meanings()
    seen = set()
    for code in split_codes(raw):
        if code in NOT_TAGS or code in seen:
            continue
        parts = unglue(code, meanings) if len(code) >= MIN_GLUED_CHARS else None
        if parts is None and len(code) > MAX_CODE_CHARS:
            continue
        if parts:
            out.warnings.append(f"TAGS {code} read as glued codes {' '.join(parts)}")
        for part in parts or [code]:
            if part not in seen:
                seen.add(part)
                out.tags.append(Tag(code=part, meaning=meanings.get(part)))
    return out


def _continuation(line: str) -> bool:
    """A line that carries only more codes: short upper-case tokens, no label, no digits."""
    if ":" in line or any(ch.isdigit() for ch in line):
        return False
    tokens = [t for t in re.split(r"[\s,;]+", line) if t]
    return bool(tokens) and all(
        t.isupper() and len(t) <= MAX_CONTINUATION_CODE_CHARS and CODE.fullmatch(t) for t in tokens)


def unglue(token: str, known: dict[str, str | None]) -> list[str] | None:
    """Split a token such as ETRDEINVECINPGOVCS into known codes, or None when it does not split."""
    # best[i]: a split of token[:i] into known codes with the fewest parts
    best: list[list[str] | None] = [None] * (len(token) + 1)
    best[0] = []
    for i in range(len(token)):
        if best[i] is None:
            continue
        for size in (4, 2, 5, 3):
            part = token[i:i + size]
            if len(part) == size and part in known:
                candidate = best[i] + [part]
                current = best[i + size]
                if current is None or len(candidate) < len(current):
                    best[i + size] = candidate
    parts = best[-1]
    if not parts or len(parts) < 2:
        return None
    # glued TAGS are runs of four-letter subject codes (ETRD EINV … CS); a word that merely
    # splits into country codes (BR US SE LS = BRUSSELS) is a word
    subjects = sum(1 for p in parts if len(p) == 4)
    return parts if subjects >= MIN_GLUED_SUBJECTS and 2 * subjects >= len(parts) else None
