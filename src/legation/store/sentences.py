"""Sentence boundaries, so that a time expression and the entities beside it share a statement."""

from __future__ import annotations

import re

# Abbreviations whose period does not end a sentence ("Mr. Putin"); neither does a single capital's
# ("John F. Kennedy"), which covers the last period of a dotted initialism ("U.S. officials").
ABBREVIATIONS = ("Mr Mrs Ms Dr Gen Col Lt Sgt Amb Sen Rep Gov St No Nos Ref Para Vol "
                 "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Inc Corp Co Ltd vs etc").split()


def _not_after_abbreviation(words: list[str]) -> str:
    """A pattern, to follow a period, that fails when the period closes one of `words` or a single capital.

    Python's look-behinds have a fixed width, hence one per word length."""
    lengths = sorted({len(word) for word in words})
    groups = ["[A-Z]"] + ["|".join(word for word in words if len(word) == n) for n in lengths]
    return "".join(rf"(?<!\b(?:{group})\.)" for group in groups)


# A sentence ends at . ! ? (optionally closed by a quote or bracket) before white space and a
# capital, digit, quote or bracket, except at a period closing an abbreviation, unless a blank line
# (two newlines) follows; or a sentence ends at a blank line (paragraphs, headers, list items).
# A sentence starts where a match ends.
# Each end mark has its own pattern, opening with the mark itself, and the blank line's opens with
# a newline: the scanner then jumps from one occurrence of that character to the next, where a
# pattern opening with a class ([.!?\n]) would test every character of the text, at twice the cost.
_CLOSERS = r"""["'”’)\]]*"""
_NEXT = r"""\s+(?=[A-Z0-9"“'‘(\[¶-])"""
_TWO_NEWLINES = r"(?=[^\S\n]*\n[^\S\n]*\n)"
# The period's second branch is the exception: an abbreviation's period with two newlines after it.
MARK_ENDS = {
    ".": re.compile(rf"\.(?:{_not_after_abbreviation(ABBREVIATIONS)}{_CLOSERS}{_NEXT}"
                    rf"|{_CLOSERS}{_TWO_NEWLINES}{_NEXT})"),
    "!": re.compile(rf"!{_CLOSERS}{_NEXT}"),
    "?": re.compile(rf"\?{_CLOSERS}{_NEXT}"),
}
BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
# A statement longer than this is cut around its time expression for display (tables of figures
# and run-on header blocks have no sentence ends).
MAX_SENTENCE_CHARS = 600


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences begin, in order; always starts with 0."""
    # A set, as the white space after an end mark may hold a blank line: both matches end at the
    # end of that white space.
    ends = {match.end() for match in BLANK_LINE.finditer(text)}
    for mark, pattern in MARK_ENDS.items():
        if mark in text:  # a quick look, cheaper than a scan for a mark most texts lack (! ?)
            ends.update(match.end() for match in pattern.finditer(text))
    return [0, *sorted(ends)]


def sentence_text(text: str, starts: list[int], index: int, start: int, end: int) -> str:
    """The sentence numbered `index`, white space collapsed, cut to MAX_SENTENCE_CHARS around start..end."""
    lo = starts[index]
    hi = starts[index + 1] if index + 1 < len(starts) else len(text)
    if hi - lo > MAX_SENTENCE_CHARS:
        half = MAX_SENTENCE_CHARS // 2
        lo = max(lo, start - half)
        hi = min(hi, max(end, lo) + half)
    return " ".join(text[lo:hi].split())
