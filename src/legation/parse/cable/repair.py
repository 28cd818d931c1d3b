"""Cable text clean-up before parsing: conversion damage and page-break repeats.

Cables reach us as WikiLeaks text, and sometimes after a trip through HTML or PDF and back to
Markdown. That trip leaves marks a telegram never had: paragraphs turned into `- ` list items,
paragraph marks misread (`¶1.` as `11.`, `\\P 1.`, `&para;1.`, `P1.`, `q1.`), `**` and `##`
around headings and reference letters, escaped punctuation (`\\-\\-\\-`), PDF page banners
(`CONFIDENTIAL` / `Page 2 of 5`), Windows line ends and non-breaking spaces. A cheap test looks for
those marks first; a cable without them comes back unchanged, byte for byte.
"""

from __future__ import annotations

import re

from ..locate import LinePattern
from .pagebreaks import remove_page_breaks

# Marks no WikiLeaks cable text carries; one of them is enough to start the repair. Both patterns
# open with a literal (a line break, a backslash) so that the regex engine can skip ahead fast;
# the text is searched with a line break in front, so its first line counts too.
DAMAGE_SIGNS = (
    re.compile(r"\n(?:"
               r"[-*] (?:¶ ?|\\P ?|&para; ?|[Pq])?\d{1,3}\.[ (]"  # paragraph turned into a list item
               r"|\*\*(?:[^*\n]+\*\*[ \t]*\n|[A-Z][.)] )"        # bold line, bold reference letter
               r"|#{1,6} "                                        # Markdown heading
               r"|Page \d+ of \d+[ \t]*\n)"),                      # PDF page banner
    re.compile(r"\\[-*_#P]"),                                      # Markdown escapes, `\P` pilcrow
)
DAMAGE_STRINGS = ("\r", "&para;")
# A line starting `1n.` may be `¶n.` misread: only the paragraph numbering is checked then.
MAYBE_MISREAD_MARK = re.compile(r"\n1\d{1,2}\.[ (]")

# Classification words of a PDF page banner (printed above `Page n of m`).
BANNER_CLASS = r"(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|SENSITIVE BUT UNCLASSIFIED|LIMITED OFFICIAL USE)"
PAGE_BANNER = re.compile(
    rf"\n(?:[ \t]*\n)*(?:[ \t]*{BANNER_CLASS}[ \t]*\n(?:[ \t]*\n)*)?[ \t]*Page \d+ of \d+[ \t]*(?=\n|\Z)\s*")
HEADING = re.compile(r"^#{1,6}[ \t]+", re.M)
BOLD = re.compile(r"^\*\*([^*\n]+?)\*\*[ \t]*$", re.M)
BOLD_LEFTOVER = re.compile(r"^\*\*(?=[A-Z][.)] )", re.M)
# Markdown escapes of punctuation (`\-`, `\*`, `\_`, `\#`, `\.`, `\(` …); `\P` is a pilcrow, below.
ESCAPE = re.compile(r"\\([-*_#.()\[\]!+`>|{}~])")
# A paragraph mark at the start of a line, after an optional list bullet. `mark` is what stood for
# the pilcrow (¶, `\P`, `&para;`, `P`, `q`, or nothing, where a stray `1` may precede the number).
PARA_MARK = LinePattern(r"^(?P<bullet>[-*] )?(?P<mark>¶ ?|\\P ?|&para; ?|[Pq](?=\d))?(?P<num>\d{1,3})(?=\.[ (]|\.$)")
# Cables rarely number paragraphs past 99: a 3-digit number starting with 1 that breaks the sequence
# is read as a misread pilcrow.
RARE_PARAGRAPH_NUMBER = 100
NBSP = re.compile("[\u00a0\u2007\u202f]")
# Headings, caveats and the like that run on after a list item's text cannot be told apart, so only
# paragraph-numbered list items lose their bullet; other `- ` lines may be the cable's own.


def clean_cable_text(text: str) -> tuple[str, list[str]]:
    """Return the text every offset of the cable record will point into, plus warnings."""
    warnings: list[str] = []
    done: list[str] = []
    if has_damage(text):
        text, done = repair_markdown(text)
    elif MAYBE_MISREAD_MARK.search("\n" + text):
        repaired = repair_paragraph_marks(text)
        if repaired != text:
            text, done = repaired, ["paragraph marks"]
    if done:
        warnings.append("conversion damage repaired: " + ", ".join(done))
    text, breaks = remove_page_breaks(text)
    if breaks:
        warnings.append(f"{breaks} page-break repeat{'s' if breaks > 1 else ''} removed")
    return text, warnings


def has_damage(text: str) -> bool:
    """The cheap test: does the text carry a mark of Markdown conversion?"""
    # Each mark opens with a character most cables lack (`\r`, `&`, a backslash): finding one
    # character runs at memchr speed, several times faster than a search for the whole mark.
    if any(mark[0] in text and mark in text for mark in DAMAGE_STRINGS):
        return True
    line_sign, escape_sign = DAMAGE_SIGNS
    if "\\" in text and escape_sign.search(text):
        return True
    return line_sign.search("\n" + text + "\n") is not None


def repair_markdown(text: str) -> tuple[str, list[str]]:
    """Undo Markdown conversion damage; returns the text and the names of what was repaired."""
    done: list[str] = []

    def step(name: str, new: str) -> None:
        nonlocal text
        if new != text:
            done.append(name)
            text = new

    step("line ends", text.replace("\r\n", "\n").replace("\r", "\n"))
    step("non-breaking spaces", NBSP.sub(" ", text))
    step("page banners", PAGE_BANNER.sub(_join_banner, text))
    step("headings", HEADING.sub("", text))
    step("bold marks", BOLD_LEFTOVER.sub("", BOLD.sub(r"\1", text)))
    step("paragraph marks", repair_paragraph_marks(text))
    step("escaped characters", ESCAPE.sub(r"\1", text))
    return text, done


def _join_banner(match: re.Match[str]) -> str:
    """A removed banner leaves a paragraph break if the text before it ends a sentence."""
    before = match.string[:match.start()].rstrip()
    return "\n\n" if before and before[-1] in ".!?:\"”)" else "\n"


def repair_paragraph_marks(text: str) -> str:
    """Restore `¶n.` paragraph marks from their converted forms, following the numbering.

    A bare number that is one more than the previous paragraph is taken as printed. A bare
    number that reads as `1` + the expected number (`11.` for ¶1, `13.` for ¶3, `110.` for ¶10)
    is a pilcrow misread as the digit 1. Other forms (`\\P`, `&para;`, `P`, `q`) are pilcrows.
    """
    out: list[str] = []
    pos = 0
    previous = 0
    for match in PARA_MARK.finditer(text):
        mark, digits = match["mark"], match["num"]
        number = int(digits)
        if mark:
            replacement = "¶" + digits
        elif number == previous + 1:
            replacement = digits
        elif len(digits) > 1 and digits[0] == "1" and int(digits[1:]) == previous + 1:
            number = int(digits[1:])
            replacement = "¶" + digits[1:]
        elif number >= RARE_PARAGRAPH_NUMBER and number > previous + 1:
            # `130.` after ¶2: a misread pilcrow before a number outside the sequence; the
            # numbering goes on from the previous paragraph.
            replacement = digits[1:]
            number = previous
        else:
            replacement = digits
        if number > previous or mark:
            previous = number
        out.append(text[pos:match.start()])
        out.append(replacement)
        pos = match.end()
    out.append(text[pos:])
    return "".join(out)
