"""The sentence around a time expression, and whether it speaks of the future."""

from __future__ import annotations

import random
import re

import pytest

from legation.extract.tense import REACH, SENTENCE_END, sentence_start, speaks_of_future


def scanned_start(text: str, start: int) -> int:
    """The plain definition: the end of the last sentence end in the window before `start`."""
    window = max(0, start - REACH)
    return max((m.end() for m in SENTENCE_END.finditer(text, window, start)), default=window)


def test_sentence_start_matches_a_scan_of_the_window():
    rng = random.Random(7)
    alphabet = "ab .!?\n\t \u2028x"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        start = rng.randint(0, len(text))
        assert sentence_start(text, start) == scanned_start(text, start), (text, start)
    text = "word " * 100 + "e.g. x. \n\n y"
    for start in range(len(text) + 1):
        assert sentence_start(text, start) == scanned_start(text, start)


def test_sentence_end_pattern_is_the_plain_one():
    plain = re.compile(r"[.!?]\s|\n\s*\n")  # SENTENCE_END as it reads, without the class it opens with
    rng = random.Random(11)
    alphabet = "ab .!?\n\t \u2028x"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        pos = rng.randint(0, len(text))
        endpos = rng.randint(pos, len(text))
        assert ([m.span() for m in SENTENCE_END.finditer(text, pos, endpos)]
                == [m.span() for m in plain.finditer(text, pos, endpos)]), (text, pos, endpos)


@pytest.mark.parametrize("sentence,future", [
    ("He would be on vacation from August 20.", True),
    ("We'll meet on Monday.", True),
    ("THE DELEGATION IS TO ARRIVE ON JUNE 5.", True),
    ("The talks are scheduled for May.", True),
    ("He willingly met on June 5.", False),
    ("The minister met on June 5.", False),
    ("Il ſhall venir le 5 June.", True),  # the long s is an s to the case-blind regex
])
def test_speaks_of_future(sentence, future):
    at = len(sentence) // 2
    assert speaks_of_future(sentence, at, at + 1) is future
