"""The shared keyword pass: gazetteer names, trigger words and glossary acronyms found in one walk."""

from __future__ import annotations

import pytest

from legation.extract.acronyms import glossary_keys
from legation.extract.gazetteer import alias_keys
from legation.extract.keywords import fold, scan
from legation.extract.triggers import trigger_keys

SENTENCES = [
    "The GOR and the U.S. signed the Baikonur Technology Safeguards Agreement in Moscow on Monday, May 5.",
    "THE MINISTER TOLD US THAT NEW YORK AND NEW DELHI WOULD HOST TALKS NEXT WEEK (SBU)",
    "Jean-Pierre met the prime minister; the EU/UN team left... 10 dollars, 3rd quarter",
    "",
    "Moscow",
    "café Iran-Iraq  war\n\nsaid Ambassador Smith",
]


def reference(text: str, keys: dict) -> list[tuple[int, int, object]]:
    """(start, length, payload) of every key occurrence, by a plain search of the padded folded text."""
    padded = " " + fold(text) + " "
    out = []
    for key, payload in keys.items():
        at = padded.find(key)
        while at >= 0:
            out.append((at, len(key) - 2, payload))
            at = padded.find(key, at + 1)
    return sorted(out, key=lambda hit: (hit[0] + hit[1], -hit[1]))


@pytest.mark.parametrize("text", SENTENCES)
def test_keywords_scan_matches_a_plain_search(text):
    hits = scan(text)
    assert [(start, entries) for start, _, entries in reference(text, alias_keys())] == hits.names
    assert [(start, size, shorts) for start, size, shorts in reference(text, glossary_keys())] == hits.glossary
    expected: dict[str, list[tuple[int, int]]] = {}
    for start, size, kinds in reference(text, trigger_keys()):
        for kind in kinds:
            expected.setdefault(kind, []).append((start, start + size))
    assert hits.triggers == expected


def test_keywords_keys_match_only_whole_words():
    hits = scan("Iranian Moscowitz in Iran")
    starts = {start for start, _ in hits.names}
    assert 21 in starts  # "Iran"
    assert 8 not in starts  # "Moscow" inside "Moscowitz"
