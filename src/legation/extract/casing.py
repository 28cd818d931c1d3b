"""Letter case of the text around an offset: cables are often written in capitals throughout.

A line with letters but no lower-case letter is "all caps": there, case tells nothing about names,
so matchers relax their case rules (and the statistical model sees a title-cased copy).
"""

from __future__ import annotations

import re
from functools import lru_cache

LOWER = re.compile(r"[a-z]")
LETTER = re.compile(r"[A-Za-z]")
# A few capitals ("UNCLAS", "SUBJECT:") do not make a line an all-caps line worth relaxing rules for.
MIN_CAPS_LETTERS = 4
# An all-caps line of a text framed by newlines: MIN_CAPS_LETTERS capitals before any lower-case letter
# (the lookahead), then no lower-case letter up to the line's end.
ALL_CAPS_LINE = re.compile(rf"\n(?=(?:[^A-Za-z\n]*[A-Z]){{{MIN_CAPS_LETTERS}}})([^a-z\n]*)(?=\n)")


class CaseMap:
    """Answers "is the line holding this offset written in capitals?" from a map built once per text.

    The map holds one byte per offset (and one past the end); a line's newline belongs to that line.
    """

    def __init__(self, text: str):
        self.text = text
        self.all_caps = LOWER.search(text) is None
        self._map = b"" if self.all_caps else _line_map(text)

    def caps_at(self, offset: int) -> bool:
        if self.all_caps:
            return True
        return 0 <= offset < len(self._map) and self._map[offset] == 1


def _line_map(text: str) -> bytes:
    out = bytearray(len(text) + 1)
    for line in ALL_CAPS_LINE.finditer("\n" + text + "\n"):
        start, end = line.start(1) - 1, line.end(1)  # the line and its newline, as offsets in `text`
        out[start:end] = b"\x01" * (end - start)
    return bytes(out)


@lru_cache(maxsize=4)
def case_map(text: str) -> CaseMap:
    """The CaseMap of a text, shared by every rule that reads the same document."""
    return CaseMap(text)


def title_case_caps(text: str, word_case=None) -> str:
    """A copy of `text` whose all-caps lines are re-cased word by word with `word_case(word, offset)`
    (title case by default), same length, so offsets carry over."""
    word_case = word_case or (lambda word, _offset: word.capitalize())
    if LOWER.search(text) is not None and not _has_caps_line(text):
        return text
    cases = case_map(text)
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.strip() and cases.caps_at(pos):
            line = CAPS_WORD.sub(lambda m, at=pos: word_case(m.group(), at + m.start()), line)
        out.append(line)
        pos += len(line)
    result = "".join(out)
    return result if len(result) == len(text) else text


CAPS_WORD = re.compile(r"[A-Z][A-Z'’]*")
CAPS_LINE = re.compile(r"^[^a-z\n]*[A-Z]{2,}[^a-z\n]*[A-Z]{2,}[^a-z\n]*$", re.M)


def _has_caps_line(text: str) -> bool:
    return CAPS_LINE.search(text) is not None
