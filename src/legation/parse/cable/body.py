"""Cable body: SUBJECT, references, summary, numbered paragraphs and their markings, signer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...record import Paragraph, Reference
from ...text import latin1_bytes
from ..locate import LinePattern, WordPattern
from .paragraphs import NumberedLines, numbered_starts, parse_paragraphs
from .refs import parse_references
from .signer import parse_signer
from .subject import parse_subject

# SUMMARY … END SUMMARY, in the forms cables use (`BEGIN SUMMARY`, `Summary:`, `SUMMARY AND COMMENT`).
# (Both open with `\b`: WordPattern runs them only where their first word stands.)
SUMMARY_START = WordPattern(
    r"\b(?:BEGIN[ \t]+)?(?:SUMMARY|Summary)(?:[ \t]+(?:AND|and|&)[ \t]+(?:COMMENT|Comment|ACTION REQUEST|"
    r"Action Request|INTRODUCTION|Introduction))?(?:[ \t]*[:.\-]+[ \t]*|[ \t]*(?=\n)|[ \t]+(?=[A-Z]))",
    ("BEGIN", "SUMMARY", "Summary"))
SUMMARY_END = WordPattern(r"\b(?:END|End|end)[ \t]+(?:OF[ \t]+|of[ \t]+)?(?:SUMMARY|Summary|summary)\b[ .]*",
                          ("END", "End", "end"))
# How far back to look for what precedes a SUMMARY label (a line start, a marking, a full stop).
SUMMARY_LOOKBACK = 80
# What may stand between a SUMMARY heading and its text: an underline, the first paragraph's mark.
SUMMARY_LEAD = re.compile(r"^[-=_\s]*(?:(?:¶[ \t]*)?\d{1,2}\.[ \t]*(?:\([A-Za-z/ ]{1,16}\))?\s*)?")
# "This is an action request", "ACTION REQUESTED:", "Comment and Action Request", "see para 9
# for action request"; not "no action requested" / "no action is requested".
# Matched in the lower-cased text, at each `action` that str.find locates (a regex scan opening
# with `\b` has no literal to jump to).
ACTION_REQUEST = re.compile(r"\bactions?[ \t]+request(?:s|ed)?\b")
NEGATION = re.compile(r"\bno[ \t]+$")
# How far before an `action` NEGATION looks.
NEGATION_REACH = 8
# The blanks ACTION_REQUEST allows between its words (where a window around a match must reach).
_BLANKS = re.compile(r"[ \t]*")
# WikiLeaks redactions: runs of four or more X standing alone (a possessive `’s` may follow).
REDACTION = WordPattern(r"(?<![A-Za-z])X{4,}(?![A-WYZa-z])", ("XXXX",))
# Header lines that may follow the subject (`Classified By:` over two lines, `E.O. 12958`, `TAGS`):
# markings.py reads them; here they only mark where the body cannot start.
CLASSIFIED_BY = re.compile(r"(?:\([A-Z]\)[ \t]*)?(?:Classified|CLASSIFIED)[ \t]+(?:By|BY|by)\b")
# How far past the subject and references a `Classified By` line may stand (it follows them).
CLASSIFIED_BY_REACH = 1500
# The header fields the body never starts before.
# (A header copy run together on one line carries `E.O. 12958` or `TAGS:` inside the line.)
HEADER_FIELD = LinePattern(r"^(?:[ \t]*(?:E\.? ?O\.? ?1\d{4}|TAGS\b|SUBJECT\b|SUBJ:|Subject:)[^\n]*"
                           r"|[^\n]*?(?:\bE\.O\. ?1\d{4}|\bTAGS:)[^\n]*)",
                           words=("TAGS", "SUBJ", "Subject:", "O1", "O.1", "O 1", "O. 1"))
# A header copy repeats the TAGS line just before its SUBJECT.
HEADER_COPY = re.compile(r"\bTAGS?\b", re.I)
HEADER_COPY_REACH = 400
# How many copies of a header a release may stack before the body.
MAX_HEADER_COPIES = 3
# How far the header may reach into the text (beyond, a `TAGS` line is an appended metadata tail).
HEADER_WINDOW = 12000


@dataclass
class BodyResult:
    title: str | None = None
    references: list[Reference] = field(default_factory=list)
    summary: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    signed_by: str | None = None
    action_request: bool = False
    redactions: int = 0
    warnings: list[str] = field(default_factory=list)


def parse_body(text: str, start: int = 0, *, year: int | None = None) -> BodyResult:
    """Body fields of a cable whose (cleaned) text is `text`; `start` is where the header ended.

    `year` is the cable's own year: references printed without a year take it (PlusD ids).
    """
    result = BodyResult()
    start = max(0, min(start, len(text)))
    title, _, subject_end = parse_subject(text, start)
    scanned_from = max(start, subject_end or 0)
    lines = NumberedLines(text, scanned_from)  # the numbered lines, found once for the calls below
    first_para = numbered_starts(text, scanned_from, len(text), lines)
    # Some releases print the header twice (a truncated copy, then the full one): the body starts
    # after the last SUBJECT before the first paragraph.
    for _ in range(MAX_HEADER_COPIES):
        if subject_end is None or not first_para:
            break
        again, again_start, again_end = parse_subject(text, subject_end, first_para[0].start(), inline=True)
        if again is None or again_start is None:
            break
        if not HEADER_COPY.search(text, max(subject_end, again_start - HEADER_COPY_REACH), again_start):
            break
        subject_end = again_end     # the title stays the first SUBJECT's, as the release shows it
    result.title = title
    if title is None:
        result.warnings.append("no SUBJECT line found")
    body_start = max(start, subject_end or 0)
    if body_start != scanned_from:  # a repeated header moved the start: scan again from there
        first_para = numbered_starts(text, body_start, len(text), lines)
    refs_limit = first_para[0].start() if first_para else len(text)
    refs, _, refs_end = parse_references(text, subject_end or start, refs_limit, year)
    result.references = refs
    body_start = max(body_start, refs_end or 0)
    body_start = _after_header_lines(text, body_start, refs_limit)
    signer, signer_start, _ = parse_signer(text, body_start)
    result.signed_by = signer
    body_end = signer_start if signer_start is not None else len(text)
    result.paragraphs = parse_paragraphs(text, body_start, body_end, lines)
    if not any(p.n is not None for p in result.paragraphs) and result.paragraphs:
        result.warnings.append("no numbered paragraphs found")
    result.summary = parse_summary(text, body_start, body_end)
    result.action_request = has_action_request(text[body_start:body_end])
    result.redactions = sum(1 for _ in REDACTION.finditer(text))
    return result


def _after_header_lines(text: str, pos: int, limit: int) -> int:
    """Skip `Classified By` (up to its blank line) and other header field lines before the body."""
    window = min(limit, pos + HEADER_WINDOW)
    last = pos
    for match in HEADER_FIELD.finditer(text, pos, window):
        last = max(last, match.end())
    classified = CLASSIFIED_BY.search(text, pos, min(window, pos + CLASSIFIED_BY_REACH))
    if classified:
        blank = re.search(r"\n[ \t]*\n", text[classified.start():limit])
        line_end = text.find("\n", classified.start())
        end = classified.start() + blank.start() if blank else (line_end if line_end >= 0 else limit)
        # A `Classified By` line glued to the first paragraph ends at that paragraph.
        last = max(last, min(end, limit))
    return last


def has_action_request(text: str) -> bool:
    """Whether the text says it holds an action request (not "no action requested")."""
    latin = latin1_bytes(text)
    if latin is None:
        return _has_action_request_lowered(text.lower(), text.encode("ascii", "ignore").lower())
    # Lower-cased, a Latin-1 text keeps its length, and only its ASCII letters become ASCII letters:
    # the words stand in its lower-cased bytes where they stand in `text.lower()`. Only a window
    # around each `action` is lower-cased as a str (the patterns need Unicode word boundaries),
    # a fraction of the cost of the whole text.
    folded = latin.lower()
    if b"request" not in folded or b"action" not in folded:
        return False
    pos = folded.find(b"action")
    while pos >= 0:
        # the window: what NEGATION and its `\b` look back at, and the longest match from here
        # (`actions`, blanks, `requested`) with the character its final `\b` looks at
        start = max(0, pos - NEGATION_REACH - 1)
        end = _BLANKS.match(text, pos + len("actions")).end() + len("requested") + 1
        window = text[start:end].lower()
        if _action_request_at(window, pos - start):
            return True
        pos = folded.find(b"action", pos + 1)
    return False


def _has_action_request_lowered(lower: str, folded: bytes) -> bool:
    """The test on the whole lower-cased text; `folded` holds its lower-cased ASCII letters."""
    # Only ASCII letters lower-case to the letters of these words: a test on the ASCII bytes,
    # cheaper than a str search, rules out most texts.
    if b"request" not in folded or b"action" not in folded:
        return False
    # Every match starts at an `action`, and holds no other: trying each in turn finds them all.
    pos = lower.find("action")
    while pos >= 0:
        if _action_request_at(lower, pos):
            return True
        pos = lower.find("action", pos + 1)
    return False


def _action_request_at(lower: str, pos: int) -> bool:
    """Whether an action request, not negated, starts at `pos` of a lower-cased text."""
    return bool(ACTION_REQUEST.match(lower, pos)) and not NEGATION.search(lower, max(0, pos - NEGATION_REACH), pos)


def parse_summary(text: str, start: int, end: int) -> str | None:
    """The SUMMARY … END SUMMARY text; without an END, the rest of the paragraph it opens."""
    match = None
    if "UMMARY" not in text and "ummary" not in text:
        return None
    for candidate in SUMMARY_START.finditer(text, start, end):
        before = text[max(start, candidate.start() - SUMMARY_LOOKBACK):candidate.start()].rstrip(" \t")
        if not before or before[-1] in "\n).:":
            match = candidate
            break
    if not match:
        return None
    stop = SUMMARY_END.search(text, match.end(), end)
    if stop:
        summary = text[match.end():stop.start()]
    else:
        blank = re.search(r"\n[ \t]*\n", text[match.end():end])
        summary = text[match.end():match.end() + blank.start()] if blank else text[match.end():end]
    summary = SUMMARY_LEAD.sub("", summary)
    summary = " ".join(summary.split())
    return summary or None
