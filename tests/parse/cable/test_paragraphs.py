"""Numbered paragraphs, their markings, and unnumbered blocks."""

from __future__ import annotations

import pytest

from legation.parse.cable.paragraphs import normalize_marking, parse_paragraphs


def paragraphs(text: str):
    return [(p.n, p.marking, text[p.start:p.end]) for p in parse_paragraphs(text, 0, len(text))]


@pytest.mark.parametrize(("raw", "expected"), [
    ("SBU", "SBU"), ("s/nf", "S/NF"), ("S //NF", "S//NF"), ("C/REL NATO", "C/REL NATO"), ("U//FOUO", "U//FOUO"),
    ("TS", "TS"), ("LOU", "LOU"), ("C/NF", "C/NF"), ("1", None), ("see below", None), ("NOTE", None),
])
def test_paragraphs_marking(raw, expected):
    assert normalize_marking(raw) == expected


@pytest.mark.parametrize(("line", "n", "marking"), [
    ("¶1. (SBU) Text.", 1, "SBU"),
    ("1. (C) Text.", 1, "C"),
    ("1.(S/NF) Text.", 1, "S/NF"),
    ("¶ 1. Text.", 1, None),
    ("1.  (S/NF)  Summary.  On January 20", 1, "S/NF"),
    ("PARA 1. TEXT.", 1, None),
])
def test_paragraphs_numbered_forms(line, n, marking):
    assert paragraphs(line)[0][:2] == (n, marking)


def test_paragraphs_follow_the_numbering():
    text = ("¶1. (C) Points:\n1. first item\n2. second item\n\n"
            "¶2. (C) Classified By: reasons\n1.4 (b) and (d).\n\n¶3. (S) End.")
    assert [(n, m) for n, m, _ in paragraphs(text)] == [(1, "C"), (2, "C"), (3, "S")]


def test_paragraphs_headings_and_unnumbered_blocks():
    text = ("THIS MESSAGE IS SENSITIVE BUT UNCLASSIFIED. PLEASE PROTECT ACCORDINGLY.\n\n"
            "Opening words without a number.\n\n"
            "¶1. (S) First.\n\nmore of the first\n\nIRAN\n\n¶2. (S) Second.")
    got = paragraphs(text)
    assert got == [(None, None, "Opening words without a number."),
                   (1, "S", "¶1. (S) First.\n\nmore of the first"),
                   (None, None, "IRAN"),
                   (2, "S", "¶2. (S) Second.")]


def test_paragraphs_real_cable(fixture_path):
    text = fixture_path("cablegate.09ASTANA95.txt").read_text(encoding="utf-8")
    start = text.index("¶1.")
    numbered = [(p.n, p.marking) for p in parse_paragraphs(text, start, len(text)) if p.n is not None]
    assert numbered == [(1, "S"), (2, "SBU"), (3, "S"), (4, "S"), (5, "S"), (6, "S"), (7, "S"), (8, "S"),
                        (9, "S"), (10, "S"), (11, "U")]
