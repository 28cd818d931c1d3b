"""Letter case of the text around an offset: cables are often written in capitals throughout.

A line with letters but no lower-case letter is "all caps": there, case tells nothing about names,
so matchers relax their case rules (and the statistical model sees a title-cased copy).
"""

from __future__ import annotations

import re

LOWER = re.compile(r"[a-z]")
LETTER = re.compile(r"[A-Za-z]")
# A few capitals ("UNCLAS", "SUBJECT:") do not make a line an all-caps line worth relaxing rules for.
MIN_CAPS_LETTERS = 4


class CaseMap:
    """Answers "is the line holding this offset written in capitals?" with a per-line cache."""

    def __init__(self, text: str):
        self.text = text
        self.all_caps = LOWER.search(text) is None
        self._lines: dict[int, bool] = {}

    def caps_at(self, offset: int) -> bool:
        if self.all_caps:
            return True
        text = self.text
        start = text.rfind("\n", 0, offset) + 1
        cached = self._lines.get(start)
        if cached is not None:
            return cached
        end = text.find("\n", offset)
        line = text[start:end if end >= 0 else len(text)]
        caps = LOWER.search(line) is None and len(LETTER.findall(line)) >= MIN_CAPS_LETTERS
        self._lines[start] = caps
        return caps


def title_case_caps(text: str, word_case=None) -> str:
    """A copy of `text` whose all-caps lines are re-cased word by word with `word_case(word, offset)`
    (title case by default), same length, so offsets carry over."""
    word_case = word_case or (lambda word, _offset: word.capitalize())
    if LOWER.search(text) is not None and not _has_caps_line(text):
        return text
    cases = CaseMap(text)
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
