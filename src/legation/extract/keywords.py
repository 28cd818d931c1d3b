"""One pass over a text finds the words of every list: gazetteer names, trigger words, glossary acronyms.

Keys are folded like the text (`fold`: ASCII letters lower-cased, every other character that is not an
ASCII letter or digit a space) and padded with a space on each side, so they only match at word
boundaries. All lists share one Aho-Corasick automaton, so the text is walked once (the walk, not the
handling of hits, is what costs); `scan` sorts the hits by list and is cached per text for the rules
that read the same document. The lists stay with the modules that use them: gazetteer.py (names),
triggers.py (trigger words) and acronyms.py (glossary).
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import NamedTuple

import ahocorasick

# Folding works on bytes: non-ASCII characters become "?" (one byte each, so offsets hold) and then,
# like every ASCII character that is not a letter or digit, a space; letters are lower-cased.
_FOLD = bytes(c + 32 if 65 <= c <= 90 else c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256))


@lru_cache(maxsize=8)
def ascii_bytes(text: str) -> bytes:
    """`text` as ASCII, one byte a character (so offsets hold): any other character becomes "?"."""
    return text.encode("ascii", "replace")


@lru_cache(maxsize=8)
def fold(text: str) -> str:
    """Lower-case ASCII letters and digits, everything else a space; same length as `text`."""
    return _fold_ascii(ascii_bytes(text))


def _fold_ascii(raw: bytes) -> str:
    return raw.translate(_FOLD).decode("ascii")


def padded_key(form: str) -> str:
    """The automaton key of a name or word: its folded form with a space on each side. (Folded here
    without the caches of `fold`, which serve the few texts being read: keys are tens of thousands.)"""
    return " " + _fold_ascii(form.encode("ascii", "replace")) + " "


class Hits(NamedTuple):
    """Hits of one text, by list, in the order the automaton reports them (by end, longest first)."""

    names: list[tuple[int, tuple[tuple, ...]]]  # (start, gazetteer Candidates: see gazetteer.alias_keys)
    triggers: dict[str, list[tuple[int, int]]]  # kind → [(start, end)]
    glossary: list[tuple[int, int, tuple[str, ...]]]  # (start, length, glossary short forms)


@cache
def automaton() -> ahocorasick.Automaton:
    """Padded key → (length of the key's word, gazetteer hits, trigger kinds, glossary short forms)."""
    # The lists' modules match through this one, so their keys are read when the automaton is built.
    from .acronyms import glossary_keys
    from .gazetteer import alias_keys
    from .triggers import trigger_keys

    names, kinds, shorts = alias_keys(), trigger_keys(), glossary_keys()
    auto = ahocorasick.Automaton()
    for key in dict.fromkeys([*names, *kinds, *shorts]):
        auto.add_word(key, (len(key) - 2, names.get(key), kinds.get(key), shorts.get(key)))
    auto.make_automaton()
    return auto


@lru_cache(maxsize=4)
def scan(text: str) -> Hits:
    """Every key of every list in `text` (overlapping hits included), by list."""
    names: list[tuple[int, tuple[tuple, ...]]] = []
    triggers: dict[str, list[tuple[int, int]]] = {}
    glossary: list[tuple[int, int, tuple[str, ...]]] = []
    # the key " word " ends one past the word; padded index i is text index i - 1
    for last, (size, entries, trigger_kinds, glossary_shorts) in automaton().iter(" " + fold(text) + " "):
        start = last - size - 1
        if entries:
            names.append((start, entries))
        if trigger_kinds:
            span = (start, start + size)
            for kind in trigger_kinds:
                triggers.setdefault(kind, []).append(span)
        if glossary_shorts:
            glossary.append((start, size, glossary_shorts))
    return Hits(names, triggers, glossary)
