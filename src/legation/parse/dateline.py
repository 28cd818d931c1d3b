"""When and where an article says it was written: its date line and its dateline.

A *date line* is a block holding only a date (`February 06, 2014`, `Feb. 6, 2014`, `2014-02-06`,
`6 February 2014`, `Wednesday, May 22, 2024`). A *dateline* opens the first paragraph with the
place of writing in capitals (`ASTANA —`, `MOSCOW (Reuters) -`, `CAPE CANAVERAL, Fla. —`).
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_PREFIX = r"(?:(?:Published|Posted|Updated|Released)(?:\s+on)?:?\s+)?"
_TIME = (r"(?:,?\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?"
         r"|\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[A-Z]{2,4})?)?")
# Date lines, in the order tried; each must match the whole block.
DATE_LINES = (
    re.compile(rf"^{_PREFIX}{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"
               rf"{_TIME}\.?$", re.I),
    re.compile(rf"^{_PREFIX}{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})"
               rf"{_TIME}\.?$", re.I),
    re.compile(r"^" + _PREFIX + r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
               r"(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2})(?::\d{2})?(?P<tz>Z|[+-]\d{2}:?\d{2})?)?$", re.I),
)
# Longest date line worth trying (a weekday, a long month, a time and a zone).
MAX_DATE_LINE_CHARS = 60

# A news URL often carries its date: /2014/02/06/ or /20140206/.
URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d{2})[/-](?P<month>\d{2})[/-](?P<day>\d{2})(?:/|-|$)")

# The dateline: capitalised place words (one or more), an optional ", State." or ", D.C.", an
# optional (Agency), then a dash. Place words must be upper case so that "Musabayev said —" is
# never one.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+){0,3}"
    r"(?:,\s(?:[A-Z][A-Za-z]*\.?)(?:\s?[A-Z][A-Za-z]*\.?){0,2})?)"
    r"\s*(?:\((?P<agency>[^)]{2,40})\))?\s*(?P<dash>—|–|--|-)\s+(?=\S)")
# Capitalised words that open a sentence with a dash but are not places.
NOT_PLACES = frozenset({"UPDATE", "UPDATED", "NOTE", "EDITOR'S NOTE", "CORRECTION", "BREAKING", "WARNING",
                        "NASA", "ESA", "AI", "US", "U.S.", "UK", "EU", "UN", "NATO", "OK", "FAQ", "Q", "A"})


def parse_date_line(line: str) -> tuple[str | None, bool]:
    """(ISO date, is_date_line). A date line without a year gives (None, True): never guessed."""
    line = line.strip()
    if len(line) > MAX_DATE_LINE_CHARS:
        return None, False
    for pattern in DATE_LINES:
        match = pattern.match(line)
        if match:
            return _iso(match), True
    return None, False


def date_from_url(url: str | None) -> str | None:
    if not url:
        return None
    match = URL_DATE.search(url)
    return _iso(match) if match else None


def parse_dateline(paragraph: str) -> tuple[str, str | None, int] | None:
    """(place, agency or None, length of the dateline) when the paragraph opens with one."""
    match = DATELINE.match(paragraph)
    if not match:
        return None
    place = match.group("place").strip()
    if place.rstrip(".").upper() in NOT_PLACES or len(place.replace(".", "")) < 3:
        return None
    # A place word is capitals throughout (`ASTANA`); "A" or "I" alone is a sentence.
    head_word = place.split(",")[0].split()[0]
    if not head_word.isupper():
        return None
    agency = match.group("agency")
    return place, agency.strip() if agency else None, match.end()


def _iso(match: re.Match) -> str | None:
    groups = match.groupdict()
    year = groups.get("year")
    if not year:
        return None
    month_text = groups["month"]
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text[:3].lower())
    try:
        day = date(int(year), month or 0, int(groups["day"]))
    except (TypeError, ValueError):
        return None
    out = day.isoformat()
    if groups.get("hh"):
        tz = groups.get("tz") or ""
        out += f"T{groups['hh']}:{groups['mm']}:00"
        if tz:
            out += "Z" if tz in ("Z", "+00:00", "+0000") else tz
    return out
