"""Regex searches that first locate where a match can start, then run the pattern only there.

The regex engine jumps fast through text only to a literal that opens a pattern. Two kinds of
pattern give it none and make it try every position of the text:

* a MULTILINE pattern that opens with `^` (`LinePattern`): the same pattern behind a line break
  (`\\n…`) lets the engine jump from one line break to the next;
* a pattern that opens with `\\b`, a lookbehind or alternatives (`WordPattern`): its matches
  open with one of a few words, which `str.find` locates.

Both return exactly the match objects (offsets, groups) the pattern itself gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_END = 2**63 - 1


class LinePattern:
    """A `^` pattern (MULTILINE) with `search` and `finditer` as `re.Pattern` has them.

    The pattern must be `^` followed by one branch (wrap alternatives: `^(?:A|B)`) and must never
    match the empty string.

    `words`, when given, are literal strings one of which every match holds (outside lookbehinds).
    A text without any of them is passed over at `str.find` speed: the pattern itself tries every
    line, a slower scan where most lines cannot match.
    """

    def __init__(self, pattern: str, flags: int = 0, words: tuple[str, ...] = ()):
        if not pattern.startswith("^"):
            raise ValueError(f"not a line-start pattern: {pattern!r}")
        if words and flags & re.I:
            raise ValueError("words are matched case-sensitively: not for an IGNORECASE pattern")
        self.regex = re.compile(pattern, flags | re.M)
        self.pattern = pattern
        self.words = words
        self._locator = re.compile("\n(?:" + pattern[1:] + ")", flags | re.M)

    def search(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        if self.words and not self._has_word(text, pos, endpos):
            return None
        return self._search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match[str]]:
        if self.words and not self._has_word(text, pos, endpos):
            return
        while (match := self._search(text, pos, endpos)) is not None:
            yield match
            pos = match.end()

    def _has_word(self, text: str, pos: int, endpos: int) -> bool:
        pos = max(pos, 0)
        return any(text.find(word, pos, endpos) >= 0 for word in self.words)

    def _search(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        if pos <= 0:
            pos = 0
            match = self.regex.match(text, 0, endpos)
            if match:
                return match
        else:
            pos -= 1  # the line break before `pos` opens a line that starts at `pos`
        hit = self._locator.search(text, pos, endpos)
        return self.regex.match(text, hit.start() + 1, endpos) if hit else None


class WordPattern:
    """A pattern whose every match holds one of `words`, at one of `offsets` (a range) from its
    start, searched only where `str.find` locates those words. By default the words open the match.

    The pattern must never match the empty string.
    """

    def __init__(self, pattern: str, words: tuple[str, ...], flags: int = 0, offsets: range = range(1)):
        self.regex = re.compile(pattern, flags)
        self.pattern = pattern
        self.words = words
        self.offsets = offsets

    def search(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)

    def finditer(self, text: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match[str]]:
        pos = max(pos, 0)
        endpos = min(endpos, len(text))
        first, last = self.offsets[0], self.offsets[-1]
        # where each word next stands (-1: nowhere further); a match from `pos` on has it from `pos + first` on
        ahead = [text.find(word, pos + first, endpos) for word in self.words]
        while True:
            found = [at for at in ahead if at >= 0]
            if not found:
                return
            at = min(found)
            match = None
            for start in range(max(pos, at - last), at - first + 1):
                match = self.regex.match(text, start, endpos)
                if match:
                    break
            if match:
                yield match
                pos = match.end()
            else:
                pos = at - first + 1
            for i, word in enumerate(self.words):
                if 0 <= ahead[i] < pos + first:
                    ahead[i] = text.find(word, pos + first, endpos)
