"""Calendar arithmetic for time expressions: inclusive spans of days, weeks, months, seasons.

Every function returns (from, to) as `datetime.date` pairs; the caller writes them as ISO dates.
"""

from __future__ import annotations

import calendar as _calendar
from datetime import date, timedelta

Span = tuple[date, date]

# Meteorological seasons of the northern hemisphere (where nearly all the corpus' posts are):
# first month of each; winter starts in December and runs into the next year.
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# Parts of a period named by "early", "mid" and "late": first and last tenth (decades), months and days.
DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31),
               "beginning": (1, 10), "start": (1, 10), "middle": (11, 20), "end": (21, 31)}


def last_day(year: int, month: int) -> int:
    return _calendar.monthrange(year, month)[1]


def month_span(year: int, month: int) -> Span:
    return date(year, month, 1), date(year, month, last_day(year, month))


def month_part(year: int, month: int, part: str) -> Span:
    first, last = MONTH_PARTS[part]
    return date(year, month, first), date(year, month, min(last, last_day(year, month)))


def year_span(year: int) -> Span:
    return date(year, 1, 1), date(year, 12, 31)


def year_part(year: int, part: str) -> Span:
    first, last = YEAR_PARTS[part]
    return date(year, first, 1), date(year, last, last_day(year, last))


def decade_span(decade: int, part: str | None = None) -> Span:
    first, last = DECADE_PARTS.get(part or "", (0, 9))
    return date(decade + first, 1, 1), date(decade + last, 12, 31)


def quarter_span(year: int, quarter: int) -> Span:
    first = 3 * (quarter - 1) + 1
    return date(year, first, 1), date(year, first + 2, last_day(year, first + 2))


def season_span(year: int, season: str) -> Span:
    first = SEASON_START[season]
    if first == 12:
        return date(year, 12, 1), date(year + 1, 2, last_day(year + 1, 2))
    return date(year, first, 1), date(year, first + 2, last_day(year, first + 2))


def week_span(day: date) -> Span:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def infer_year(month: int, day: int | None, base: date, future: bool) -> int:
    """The year of a month (and day) named without one: the nearest past one, or the next one when the
    sentence speaks of the future ("in July" said on 2014-02-06 is 2013-07; "would be away from August 20"
    said on 2007-07-31 is 2007-08-20)."""
    key, now = (month, day or 0), (base.month, base.day if day else 0)
    if future:
        return base.year if key >= now else base.year + 1
    return base.year if key <= now else base.year - 1


def is_current(month: int, day: int | None, base: date) -> bool:
    """Whether a month (and day) named without a year is `base`'s own: `infer_year` then gives `base`'s
    year whether or not the sentence speaks of the future."""
    return month == base.month and (not day or day == base.day)


def weekday_date(weekday: int, base: date, direction: str) -> date:
    """The named weekday nearest `base`: on or before it ("past"), strictly before ("last"),
    strictly after ("next", "future"), or within its Monday-Sunday week ("this")."""
    if direction == "this":
        return week_span(base)[0] + timedelta(days=weekday)
    delta = (base.weekday() - weekday) % 7
    if direction == "past":
        return base - timedelta(days=delta)
    if direction == "last":
        return base - timedelta(days=delta or 7)
    ahead = (weekday - base.weekday()) % 7
    return base + timedelta(days=ahead or 7)


def season_of(day: date) -> tuple[int, str]:
    month = day.month
    if month == 12:
        return day.year, "winter"
    if month <= 2:
        return day.year - 1, "winter"
    name = {3: "spring", 6: "summer", 9: "autumn"}[3 * (month // 3)]
    return day.year, name
