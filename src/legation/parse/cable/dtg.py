"""Date-time groups: `311438Z JUL 07` to UTC ISO 8601, checked against the DE line's day of year."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from ... import years
from ..locate import WordPattern

MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1)}

# A DTG as printed: day, hour, minute, "Z", month, year (2 or 4 digits). OCR'd telegrams print
# O for 0 in the digits, so the digit class accepts it and `_digits` turns it back.
DTG = re.compile(
    r"(?<![\w/])([0-3O][0-9O])([0-2O][0-9O])([0-5O][0-9O])\s?Z\s{0,3}"
    r"(JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)[A-Z]*\.?\s{0,3}((?:19|20)?[0-9O]{2})(?![\w])",
    re.I)
# The same, for searching a stretch of text: the regex runs only where a `Z` stands (6 or 7
# characters into the DTG), since a pattern opening with a lookbehind gives the engine nothing to jump to.
DTG_IN_TEXT = WordPattern(DTG.pattern, ("Z", "z"), re.I, offsets=range(6, 8))

# A DE line's day of year may trail the DTG by a day or two (queued transmissions) and lead
# it by one (DTG written before midnight, sent after).
MAX_JULIAN_DRIFT_DAYS = 3


def _digits(s: str) -> int:
    return int(s.upper().replace("O", "0"))


def full_year(two_or_four: str) -> int:
    """The year of a DTG or cable id as written (two or four digits, O read as 0)."""
    return years.full_year(_digits(two_or_four))


def dtg_to_datetime(day: str, hhmm: str, month: str, year: str) -> datetime | None:
    try:
        return datetime(full_year(year), MONTHS[month[:3].upper()], _digits(day),
                        _digits(hhmm[:2]), _digits(hhmm[2:]), tzinfo=UTC)
    except (ValueError, KeyError):
        return None


def parse_dtg(text: str) -> datetime | None:
    """The first DTG in `text` as a UTC datetime, or None."""
    match = DTG.search(text)
    return match_to_datetime(match) if match else None


def match_to_datetime(match: re.Match[str]) -> datetime | None:
    day, hour, minute, month, year = match.groups()
    return dtg_to_datetime(day, hour + minute, month, year)


def iso_utc(moment: datetime | None) -> str | None:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def check_julian(moment: datetime, julian: int) -> str | None:
    """A warning when the DE line's day of year (1-366) does not fit the DTG's date."""
    if not 1 <= julian <= 366:
        return f"DE line day of year {julian:03d} is not a day"
    start = datetime(moment.year, 1, 1, tzinfo=UTC)
    candidates = [start + timedelta(days=julian - 1),
                  datetime(moment.year - 1, 1, 1, tzinfo=UTC) + timedelta(days=julian - 1),
                  datetime(moment.year + 1, 1, 1, tzinfo=UTC) + timedelta(days=julian - 1)]
    drift = min(abs((c.date() - moment.date()).days) for c in candidates)
    if drift > MAX_JULIAN_DRIFT_DAYS:
        return f"DTG {moment:%Y-%m-%d} disagrees with the DE line's day of year {julian:03d}"
    return None

