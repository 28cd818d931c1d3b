"""Snippets: the passage of a document where the query's words sit closest, with highlight offsets.

Computed in Python over the indexed body: FTS5's snippet() re-tokenises each whole document and
costs more than the search itself on long cables; a regex over twenty bodies is a millisecond.
"""

from __future__ import annotations

import re

# Characters of context in a snippet, and how far before the first hit it starts.
SNIPPET_CHARS = 220
LEAD_IN = 60
# Hits examined when choosing the window (a common word can occur thousands of times).
MAX_HITS = 200
ELLIPSIS = "…"
WORD = re.compile(r"\w+")
PREFIX_END, WORD_END = r"\w*", r"\b"
WHITESPACE = re.compile(r"\s")


def term_pattern(terms: list[tuple[str, bool]]) -> re.Pattern | None:
    """One case-insensitive pattern for the (text, prefix) terms; named groups tell terms apart."""
    parts = []
    for i, (text, prefix) in enumerate(terms):
        tokens = WORD.findall(text)
        if not tokens:
            continue
        body = r"\W+".join(re.escape(t) for t in tokens)
        end = PREFIX_END if prefix else WORD_END
        parts.append(rf"(?P<t{i}>\b{body}{end})")
    if not parts:
        return None
    return re.compile("|".join(parts), re.I)


def make_snippet(body: str, pattern: re.Pattern | None) -> tuple[str, list[tuple[int, int]]]:
    """(snippet text, [start, end) of each highlight in it)."""
    hits = []
    if pattern is not None:
        for match in pattern.finditer(body):
            hits.append((match.start(), match.end(), match.lastgroup))
            if len(hits) >= MAX_HITS:
                break
    if not hits:
        return _clean(_cut(body, 0, SNIPPET_CHARS)[0]), []
    best_start, best_score = hits[0][0], -1
    for start, _, _ in hits:
        window_start = max(0, start - LEAD_IN)
        inside = {g for s, e, g in hits if window_start <= s and e <= window_start + SNIPPET_CHARS}
        if len(inside) > best_score:
            best_start, best_score = window_start, len(inside)
    text, offset = _cut(body, best_start, best_start + SNIPPET_CHARS)
    highlights = [(s - offset, e - offset) for s, e, _ in hits
                  if s >= offset and e - offset <= len(text)]
    return _clean(text), highlights


def _cut(body: str, start: int, end: int) -> tuple[str, int]:
    """body[start:end] moved out to word boundaries, with ellipses; returns (text, offset of its
    first body character in the text's coordinates, i.e. text index = body index - offset)."""
    if start > 0:
        space = body.rfind(" ", max(0, start - 20), start)
        start = space + 1 if space >= 0 else start
    if end < len(body):
        space = body.find(" ", end, end + 20)
        end = space if space >= 0 else end
    text = body[start:end]
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(body) else ""
    return prefix + text + suffix, start - len(prefix)


def _clean(text: str) -> str:
    """White space as single spaces, one for one (highlight offsets stay valid)."""
    return WHITESPACE.sub(" ", text)
