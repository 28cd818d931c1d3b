"""Two-digit years as four-digit ones: one rule for cable ids, date-time groups and dates in text."""

from __future__ import annotations

# Two-digit years below this are 20xx, the others 19xx. The telegram record runs from the 1940s
# through Cablegate's 2010, and no cable of 2030 or later has been written yet.
CENTURY_PIVOT = 30


def full_year(year: int) -> int:
    """`07` → 2007, `86` → 1986, `45` → 1945; a year of three or four digits is kept."""
    if year >= 100:
        return year
    return 2000 + year if year < CENTURY_PIVOT else 1900 + year
