"""Sentence starts: end marks, abbreviations and blank lines."""

from __future__ import annotations

import pytest

from legation.store.sentences import sentence_starts


@pytest.mark.parametrize(("text", "starts"), [
    ("He met Mr. Smith. Then he left.", [0, 18]),
    ("U.S. officials met. The E.U. said no.", [0, 20]),
    ("John F. Kennedy spoke. Sept. 11 came.", [0, 23]),
    ("Taco. Bueno. No. 5 was next.", [0, 6, 13]),
    # An abbreviation's period ends a sentence when a blank line follows, even one holding white space
    # other than spaces and tabs (which is no blank line on its own).
    ("He met Mr.\n\nSmith came later.", [0, 12]),
    ("He met Mr.\n\xa0\nSmith came later.", [0, 13]),
    ('Stop! Who goes there? "Me." (Yes.) Fine.', [0, 6, 22, 28, 35]),
    ("Ends here.\n\n  next line starts lower\n\nUPPER", [0, 14, 38]),
    ("A table\n \t\nrow 2. row 3.\n", [0, 11]),
    # An abbreviation counts only as a whole word.
    ("_Mr. X and éMr. Y and 1Mr. Z.", [0, 5, 16, 27]),
    ("", [0]),
])
def test_sentences_starts(text, starts):
    assert sentence_starts(text) == starts
