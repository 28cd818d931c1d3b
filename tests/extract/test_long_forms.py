"""Schwartz-Hearst long forms: the short form's letters in order, the first at a word start."""

from __future__ import annotations

import pytest

from legation.extract.acronyms import schwartz_hearst


@pytest.mark.parametrize("short,candidate,long", [
    ("TSA", "the Sea Launch Technology Safeguards Agreement", "Technology Safeguards Agreement"),
    ("BC", "big cat", "big cat"),
    ("BC", "abc cat", None),  # the only "b" is inside a word
    ("BC", "a bbc cat", "bbc cat"),  # the last "b" is inside "bbc": the first letter falls back to its start
    ("GOR", "Government of Russia", "Government of Russia"),
    ("NPT", "NUCLEAR NON-PROLIFERATION TREATY", "NON-PROLIFERATION TREATY"),  # "n" of "NON" starts a word
    ("C-130", "the C-130 plane", "C-130 plane"),
    ("XYZ", "nothing here", None),
    ("AB", "", None),
])
def test_long_forms_schwartz_hearst(short, candidate, long):
    assert schwartz_hearst(short, candidate) == long
