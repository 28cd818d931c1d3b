"""The SUBJECT line of a cable, wrapped over one or more lines, as the record's title."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..locate import LinePattern, WordPattern

# The label: `SUBJECT:`, `SUBJ:`, `Subject:`, `SUBJECT ` without a colon, `SUBJECT:..`. A short
# word may precede it when a wrapped TAGS line ran into it (`TIP SUBJECT:`).
SUBJECT_LABEL = LinePattern(
    r"^[ \t]*(?:(?:SUBJECT|SUBJ|Subject|SUBJET|SUJBECT)(?:[ \t]*[:.']+|[ \t]+(?=[A-Z(\"“]))"
    r"|[A-Z]{2,6}[ \t]+SUBJECT[ \t]*:)[ \t]*")
# A label inside a line, when header fields were run together (`… Tags: prel, tu Subject: …`).
INLINE_LABEL = WordPattern(r"\b(?:SUBJECT|Subject|SUBJ)[ \t]*:[ \t]*", ("SUBJ", "Subject"))
# Where a subject run together with the next fields stops inside its line.
INLINE_END = re.compile(
    r"(?<![ \t])[ \t]+(?:REF(?:S|TEL|TELS)?[ \t]*:|Refs?:|Reftels?:|REF:|CLASSIFIED BY|Classified [Bb]y|"
    r"\(U\)[ \t]+Classified|\d{1,2}\.[ \t]*\((?:U|SBU|C|S|TS|S/NF|C/NF)\)|¶[ \t]*\d)")
# The metadata line some cables start with (`TRIPOLI 00000540 P CO 08-JUL-08 CHEVRON …`): its
# "Subject" is a copy; the cable's own SUBJECT line follows.
METADATA_SUBJECT = re.compile(r"^[A-Z][A-Z ]* \d{8} [A-Z] [A-Z]{2} \d\d-[A-Z]{3}-\d\d ")
# OCR'd printouts garble the label (`SuBJEtTi:`, `SUB3Egte•`, `SUBJECI!"`): tried last, and only
# on a line right after a TAGS line.
OCR_LABEL = LinePattern(r"^[ \t]*TAGS?\b[^\n]*\n[ \t]*S[Uu][Bb][JjI1l3][A-Za-z0-9]{0,4}[^A-Za-z0-9\s(\"]{0,6}[ \t]*",
                        words=("TAG",))
OCR_DEBRIS = re.compile(r"^[^A-Za-z0-9(\"“]+|[\s•.,:;'*-]+$")
# Lines that end a wrapped subject: another header field, a reference list, the first paragraph.
SUBJECT_END = re.compile(
    r"[ \t]*(?:REF|REFS|REFTEL|REFTELS|REFERENCE|Ref|Refs|Reftel|Classified|CLASSIFIED|CLASSIFICATION|"
    r"\(U\)|\([A-Z/]{1,6}\)|E\.? ?O\.?|TAGS|SUMMARY|Summary|BEGIN SUMMARY|SIPDIS|DECL|PASS|FOR |STATE FOR|"
    r"DEPARTMENT FOR|[A-Z][A-Z0-9 ]{1,20} FOR [A-Z][A-Za-z. ]{1,30}[:;]|¶|\d{1,2}\s*\.(?!\d)|[A-Z]\.\s|-{3,}|={3,}|\*{3,}|Cable dated)")
# A subject longer than this many lines has run into the body: the wrap never goes that far.
MAX_SUBJECT_LINES = 4
# How far into the text the SUBJECT line may stand (some headers carry long address lists).
SUBJECT_WINDOW = 12000


def parse_subject(text: str, start: int = 0, end: int | None = None,
                  inline: bool = False) -> tuple[str | None, int | None, int | None]:
    """(title, start, end) of the SUBJECT field, joined over its lines with single spaces.

    With `inline`, only labels in text[start:end] count, inside lines as well as at their start
    (a header copy run together on one line).
    """
    start = max(start, 0)
    window = min(len(text), start + SUBJECT_WINDOW, len(text) if end is None else end)
    if inline:
        found = sorted([*SUBJECT_LABEL.finditer(text, start, window), *INLINE_LABEL.finditer(text, start, window)],
                       key=lambda m: m.start())
        if not found:
            return None, None, None
        title, stop = _subject_at(text, found[0].end())
        return title, found[0].start(), stop
    # The cable's own SUBJECT follows its class line; one before it belongs to a metadata copy.
    labels = _labels(text, start, window)
    label = next(labels, None)
    if label is None:
        labels = _labels(text, 0, window)
        label = next(labels, None)
    if label is None:
        ocr = OCR_LABEL.search(text, 0, window)
        if ocr:
            title, end = _subject_at(text, ocr.end())
            title = OCR_DEBRIS.sub("", title or "") or None
            return title, ocr.end() - len(ocr.group(0).split("\n")[-1]), end
    while label is not None:
        title, end = _subject_at(text, label.end())
        if title and METADATA_SUBJECT.match(title):
            following = next(labels, None)  # a metadata copy's subject, unless no label follows
            if following is not None:
                label = following
                continue
        return title, label.start(), end
    return None, None, None


def _labels(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """SUBJECT labels at line starts in text[start:end]; else labels inside lines. Found one at a
    time: the first usually settles it, and the window reaches far into the body."""
    found = False
    for label in SUBJECT_LABEL.finditer(text, start, end):
        found = True
        yield label
    if not found:
        yield from INLINE_LABEL.finditer(text, start, end)


def _subject_at(text: str, pos: int) -> tuple[str | None, int]:
    lines: list[str] = []
    end = pos
    first = True
    while pos < len(text) and len(lines) < MAX_SUBJECT_LINES:
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        line = text[pos:nl]
        if not first and (not line.strip() or SUBJECT_END.match(line)):
            break
        cut = INLINE_END.search(line)
        if cut:
            line = line[:cut.start()]
        if line.strip():
            lines.append(line.strip())
            end = pos + len(line.rstrip())
        first = False
        if cut:
            break
        pos = nl + 1
    title = " ".join(" ".join(lines).split())
    return title or None, end
