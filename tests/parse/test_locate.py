"""Located and narrowed searches give exactly the matches of the plain regex scans they stand for."""

from __future__ import annotations

import random
import re

import pytest

from legation.parse.cable.pagebreaks import OLD_REPEAT, _old_repeats
from legation.parse.cable.paragraphs import NumberedLines, _line_matches
from legation.parse.locate import LinePattern, WordPattern


def spans(matches):
    return [(m.span(), m.groups()) for m in matches]


def random_texts(alphabet: str, count: int = 3000, longest: int = 30):
    rng = random.Random(7)
    for _ in range(count):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest)))
        pos = rng.randint(0, len(text))
        yield text, pos, rng.randint(pos, len(text) + 2)


@pytest.mark.parametrize(("pattern", "flags", "words"), [
    (r"^[ \t]*FM[ \t]+(\w+)", 0, ()),
    (r"^(?:[ \t]*a+|B\n?c)", re.I, ()),
    (r"^x$", 0, ()),
    (r"^[ \t]*FM[ \t]+(\w+)", 0, ("FM",)),  # with the literal words every match holds
    (r"^(?:[ \t]*AB|x[^\n]*?FM)", 0, ("AB", "FM")),
])
def test_locate_line_pattern_matches_the_regex(pattern, flags, words):
    plain, located = re.compile(pattern, flags | re.M), LinePattern(pattern, flags, words=words)
    for text, pos, endpos in random_texts(" \tFMABCabcx\n"):
        assert spans(located.finditer(text, pos, endpos)) == spans(plain.finditer(text, pos, endpos))
        assert spans(filter(None, [located.search(text, pos, endpos)])) == \
            spans(filter(None, [plain.search(text, pos, endpos)]))


def test_locate_line_pattern_needs_a_line_start():
    with pytest.raises(ValueError):
        LinePattern("FM")


@pytest.mark.parametrize(("pattern", "words", "flags", "offsets"), [
    (r"\b(?:BEGIN +)?(?:SUMMARY|Summary)\b", ("BEGIN", "SUMMARY", "Summary"), 0, range(1)),
    (r"(?<![A-Za-z])X{4,}(?![A-WYZa-z])", ("XXXX",), 0, range(1)),
    (r"(?<![\w/])[0-3O][0-9O]{5}\s?Z", ("Z", "z"), re.I, range(6, 8)),
])
def test_locate_word_pattern_matches_the_regex(pattern, words, flags, offsets):
    plain, located = re.compile(pattern, flags), WordPattern(pattern, words, flags, offsets)
    alphabet = "".join(sorted(set("".join(words)))) + " /\n0123aX"
    for text, pos, endpos in random_texts(alphabet, longest=40):
        assert spans(located.finditer(text, pos, endpos)) == spans(plain.finditer(text, pos, endpos))


def test_locate_numbered_lines_narrowed_match_a_fresh_scan():
    rng = random.Random(3)
    for text, start, _ in random_texts("1. (C)¶\n \tPARA2.x3", count=2000, longest=40):
        lines = NumberedLines(text, start)
        for _ in range(5):
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text))
            assert spans(m for m, _ in lines.within(a, b)) == spans(_line_matches(text, a, b))


def test_locate_old_page_repeats_match_a_full_scan():
    rng = random.Random(4)
    parts = ["\n", "\n\n", "  CONFIDENTIAL", "SECRET", " ", "\t", "PAGE 02 X 1234 ", "x", ".", "PAGE 2 1234",
             "PAGE 03 STATE 05461 271458Z TEXT", "\n  \n", "UNCLASSIFIEDX"]
    for _ in range(5000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 12)))
        assert spans(_old_repeats(text)) == spans(OLD_REPEAT.finditer(text))


def test_locate_line_pattern_words_are_case_sensitive_only():
    with pytest.raises(ValueError):
        LinePattern("^FM", re.I, words=("FM",))
