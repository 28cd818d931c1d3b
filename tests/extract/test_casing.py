"""The case map: which lines are written in capitals."""

from __future__ import annotations

import pytest

from legation.extract.casing import MIN_CAPS_LETTERS, CaseMap


def caps_lines(text: str) -> list[bool]:
    """Per offset (and one past the end): does the line holding it have no lower-case ASCII letter and at
    least MIN_CAPS_LETTERS letters? A line's newline belongs to it."""
    out = []
    for line in text.split("\n"):
        caps = not any("a" <= c <= "z" for c in line) and sum(c.isascii() and c.isalpha() for c in line) \
            >= MIN_CAPS_LETTERS
        out += [caps] * (len(line) + 1)
    return out


@pytest.mark.parametrize("text", [
    "Mixed case line\nALL CAPS LINE\nABC\nABCD\n\n  A.B.C.D.\nlast line",
    "header\nUNCLAS SECTION 01\nbody text follows\nÉCOLE ABCD\nécole ABCD\nABCD é\nABCD",
    "x\n\n\nABCD",
    "first\nABCDE\n",
    "a\nABC D\nAB12CD\n",
])
def test_casing_caps_at_marks_all_caps_lines(text):
    cases = CaseMap(text)
    assert [cases.caps_at(offset) for offset in range(len(text) + 1)] == caps_lines(text)


def test_casing_all_caps_text_is_caps_everywhere():
    cases = CaseMap("NO LOWER CASE\nAT ALL\nX")
    assert all(cases.caps_at(offset) for offset in range(-1, 30))
