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
# An all-caps line of a text framed by newlines: MIN_CAPS_LETTERS capitals, with no lower-case letter
# before them, then no lower-case letter up to the line's end. The capitals are written out rather
# than repeated with {n}, and the possessive *+ spares the engine backtracking that cannot succeed:
# both make the scan through the many mixed-case lines faster. (Only single characters are repeated
# possessively: a group's possessive repeat matched wrongly before Python 3.11.5, gh-106052.)
ALL_CAPS_LINE = r"[^A-Za-z\n]*+[A-Z]" * MIN_CAPS_LETTERS + r"[^a-z\n]*+(?=\n)"
# A run of consecutive all-caps lines, from the newline before the first to the last one's end: one
# match, and one slice of the map, per run rather than per line.
ALL_CAPS_LINES = re.compile(rf"\n{ALL_CAPS_LINE}(?:\n{ALL_CAPS_LINE})*")


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
    # The framing newline in front shifts offsets by one: a match's span in the framed copy (from the
    # newline before a run to the end of its last line) is, in `text`, the run's lines and newlines.
    for lines in ALL_CAPS_LINES.finditer("\n" + text + "\n"):
        start, end = lines.span()
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
