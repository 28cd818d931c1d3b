"""Sentence boundaries, so that a time expression and the entities beside it share a statement."""

from __future__ import annotations

import re
from bisect import bisect_right

# A sentence ends at . ! ? (optionally closed by a quote or bracket) before white space and a
# capital, digit, quote or bracket; or at a blank line (paragraphs, headers, list items).
# The end mark is matched rather than looked behind at, and both branches open with one character
# class, so that the scanner jumps from one candidate character to the next; a sentence then starts
# one past the match for the first branch.
SENTENCE_END = re.compile(r"""[.!?\n](?:(?<=[.!?])["'”’)\]]*\s+(?=[A-Z0-9"“'‘(\[¶-])|(?<=\n)[ \t]*\n\s*)""")
# Abbreviations whose period does not end a sentence ("Mr. Putin", "U.S. officials").
ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Amb|Sen|Rep|Gov|St|No|Nos|Ref|Para|Vol|"
                          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|vs|etc)|"
                          r"\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$")
# A statement longer than this is cut around its time expression for display (tables of figures
# and run-on header blocks have no sentence ends).
MAX_SENTENCE_CHARS = 600


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences begin, in order; always starts with 0."""
    starts = [0]
    append = starts.append
    for match in SENTENCE_END.finditer(text):
        mark = match.start()
        # A period may close an abbreviation (one ending right at the period, unless a blank line
        # follows). Every abbreviation is at most four letters after a word boundary or holds a
        # period itself, so a period after five letters or digits never closes one.
        if (text[mark] == "." and (mark < 5 or not text[mark - 5:mark].isalnum())
                and match.group().count("\n") < 2 and ABBREVIATION.search(text[max(0, mark - 11):mark + 1])):
            continue
        append(match.end())
    return starts


def sentence_index(starts: list[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


def sentence_text(text: str, starts: list[int], index: int, start: int, end: int) -> str:
    """The sentence numbered `index`, white space collapsed, cut to MAX_SENTENCE_CHARS around start..end."""
    lo = starts[index]
    hi = starts[index + 1] if index + 1 < len(starts) else len(text)
    if hi - lo > MAX_SENTENCE_CHARS:
        half = MAX_SENTENCE_CHARS // 2
        lo = max(lo, start - half)
        hi = min(hi, max(end, lo) + half)
    return " ".join(text[lo:hi].split())
