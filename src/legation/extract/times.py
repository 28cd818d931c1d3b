"""Time expressions, resolved against the document's date into inclusive ISO `from`/`to` dates.

The common forms are named regexes below (one per shape, tried in order; the first to claim a span
keeps it). Each match is resolved by calendar arithmetic: absolute dates always, relative ones
("last year", "Thursday", "in July") only when the document has a date. Two expressions joined by
"from … until", "between … and" or a dash become one range. dateparser is the fallback for dotted
dates that are no valid day.month.year or month.day.year.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache, lru_cache

from ..record import Document, TimeSpan
from ..years import full_year
from . import calendar as cal
from .tense import speaks_of_future
from .triggers import find_triggers
from .words import MONTHS, WEEKDAYS

MONTH = (r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
         r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)")
DAY = r"(\d{1,2})(?:st|nd|rd|th)?(?!\d)"
YEAR = r"((?:19|20)\d\d)(?!\d)"
PART = r"(?:(early|mid|late)[-\s]+)"
WEEKDAY = r"(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10}

# Each shape: (name, regex). Order matters: longer, more specific shapes first.
SHAPES = [
    ("dtg", re.compile(rf"\b(\d\d)(\d\d)(\d\d)Z\s+({MONTH})\s+(\d\d)\b", re.I)),
    ("day_range", re.compile(rf"\b({MONTH})\s+{DAY}\s*[-–]\s*{DAY}(?:,?\s+{YEAR})?", re.I)),
    ("mdy", re.compile(rf"\b({MONTH})\s+{DAY}(?:,\s*|\s+){YEAR}", re.I)),
    ("dmy", re.compile(rf"\b{DAY}\s+(?:of\s+)?({MONTH})(?:,\s*|\s+){YEAR}", re.I)),
    ("iso", re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")),
    ("numeric", re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")),
    ("dotted", re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:19|20)\d\d\b")),
    ("month_part", re.compile(rf"\b(?:the\s+)?(end|beginning|start|middle)\s+of\s+({MONTH})(?:,?\s+{YEAR})?",
                              re.I)),
    ("md", re.compile(rf"\b({MONTH})\s+{DAY}\b(?!,?\s*(?:19|20)\d\d)", re.I)),
    ("dm", re.compile(rf"\b{DAY}\s+(?:of\s+)?({MONTH})(?!,?\s*(?:19|20)\d\d)", re.I)),
    ("my", re.compile(rf"\b{PART}?({MONTH}),?\s+(?:of\s+)?{YEAR}", re.I)),
    ("decade", re.compile(r"\b(?:the\s+)?(?:(early|mid|late)[-\s]+)?((?:19|20)\d0)['’]?s\b", re.I)),
    ("year_range", re.compile(rf"\b{YEAR}\s*[-–]\s*{YEAR}", re.I)),
    ("quarter", re.compile(rf"\b(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?"
                           rf"(?:\s+{YEAR})?", re.I)),
    ("season", re.compile(rf"\b(?:(last|next|this|early|late)\s+)?(spring|summer|autumn|fall|winter)"
                          rf"(?:\s+(?:of\s+)?{YEAR})?\b", re.I)),
    ("relative_day", re.compile(r"\b(today|yesterday|tomorrow|tonight)\b", re.I)),
    ("relative", re.compile(r"\b(last|next|this|past|previous|coming|current|earlier this|later this)\s+"
                            r"(week|month|year|quarter|decade)\b", re.I)),
    ("ago", re.compile(r"\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?"
                       r"\s+ago\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(last|next|this|coming)\s+)?{WEEKDAY}\b", re.I)),
    ("month", re.compile(rf"(?:(?P<mod>last|next|this)\s+)?(?:(?P<part>early|mid|late)[-\s]+)?(?P<mon>{MONTH})",
                         re.I)),
    ("year", re.compile(rf"(?<![$\d,.#/\-])\b{PART}?{YEAR}\b(?![-/%]|\s*(?:%|percent|people|tons|tonnes|km"
                        rf"|miles|meters|hours|troops|members|votes|dollars|euros|rubles|roubles|tenge))", re.I)),
]
PREP_BEFORE = re.compile(r"\b(?:in|since|until|till|by|during|from|of|through|before|after|for)\s+$", re.I)
AGO_BEFORE = re.compile(r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:day|week|month|year)s?"
                        r"\s+$", re.I)
THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
MOD_BEFORE = re.compile(r"\b(?:last|next|this|coming)\s+$", re.I)
# Which shapes to try at each kind of trigger word (longest first; all candidates compete by length).
BY_TRIGGER = {
    "weekday": ("weekday",),
    "relative": ("relative_day", "relative", "weekday", "month", "season"),
    "season": ("season",),
    "part": ("my", "month", "decade", "year", "season"),
    "boundary": ("month_part",),
    "quarter": ("quarter",),
}
DAY_WORDS = ("relative_day",)
# The shapes each relative word can open: "today" only its own, "this" also "this Monday", "this
# July" and "this summer", "past" only "past week".
RELATIVE_WORD_SHAPES = {
    **dict.fromkeys(("today", "yesterday", "tomorrow", "tonight"), DAY_WORDS),
    **dict.fromkeys(("last", "next", "this"), ("relative", "weekday", "month", "season")),
    "coming": ("relative", "weekday"),
    **dict.fromkeys(("past", "previous", "current", "earlier", "later"), ("relative",)),
}
# What must follow a trigger word before its longer shapes are worth trying (each a cheap test that
# every such shape passes): a day or year after a month ("June 5", "June, 2007", "June of 2007"), a
# month or a unit of "ago" after a day number ("5 June", "5th of June", "5 days ago"), a time word after
# a relative one ("this week", "last Monday", "next July", "this summer", "earlier this month").
DATE_AFTER_MONTH = re.compile(r"\.?,?\s+(?:of\s+)?(\d+)", re.I)
MONTH_AFTER_DAY = re.compile(r"(?:st|nd|rd|th)?\s+(?:(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                             r"|day|week|month|year)", re.I)
TIME_WORD_AFTER = re.compile(r"\s+(?:this|week|month|year|quarter|decade|mon|tue|wed|thu|fri|sat|sun|early|mid|late"
                             r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|fall|winter)",
                             re.I)
# The same for the other trigger words whose shapes go on past them: "of" and a month after a boundary
# ("end of May"), "quarter" after an ordinal, and a month, year, decade or season after "early", "mid" and
# "late" ("mid-1990s", "late summer").
WORDS_AFTER = {
    "boundary": re.compile(r"\s+of\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I),
    "quarter": re.compile(r"\s+quarter", re.I),
    "part": re.compile(r"[-\s]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|19|20|spring|summer|autumn|fall"
                       r"|winter)", re.I),
}
# Shapes that may open with "the" ("the end of May", "the 1990s", "the first quarter"): at a trigger
# after "the" these are tried from "the" as well.
THE_SHAPES = ("month_part", "decade", "quarter")
MONTH_ALONE = ("month",)
# The shapes a month opens by the length of the digit run DATE_AFTER_MONTH finds after it: a day has one
# or two digits, a year four.
MONTH_DATE_SHAPES = {1: ("day_range", "mdy", "md", "month"), 2: ("day_range", "mdy", "md", "month"),
                     4: ("my", "month")}
# The shapes a digit run can open, by the character after it (the run is maximal, so that character
# is no digit): "/" a numeric date, "." a dotted one, a space or an ordinal suffix a day before its
# month; a four-digit year goes on to a date by "-", to a range by a dash and to a decade by "s", and
# every shape with a year opens with one of the centuries the corpus spans.
SPACED_DAY_SHAPES = ("dmy", "dm", "ago")
DAY_SHAPES = {"/": ("numeric",), ".": ("dotted",), "s": ("dmy", "dm"), "n": ("dmy", "dm"), "r": ("dmy", "dm"),
              "t": ("dmy", "dm"), "ſ": ("dmy", "dm")}  # re.I lets the long s match "s"
SPACED_YEAR_SHAPES = ("year_range", "year")
YEAR_SHAPES = {"-": ("iso", "year_range", "year"), "–": ("year_range", "year"), "'": ("decade", "year"),
               "’": ("decade", "year"), "s": ("decade", "year"), "S": ("decade", "year"),
               "ſ": ("decade", "year")}
CENTURIES = ("19", "20")
SHAPE_ORDER = {name: i for i, (name, _) in enumerate(SHAPES)}
PATTERNS = dict(SHAPES)
RANGE_JOIN = re.compile(r"\s*(?:until|till|to|through|thru|and|-|–)\s*", re.I)  # the whole gap between two
RANGE_OPEN = re.compile(r"(?:from|between)\s+$", re.I)
# Years outside this window are numbers, not dates, when they stand alone.
MIN_YEAR, MAX_YEAR = 1900, 2099


# Shapes whose dates follow from their match groups alone (no document date, no context): resolved once.
ABSOLUTE_SHAPES = frozenset(("dtg", "mdy", "dmy", "iso", "numeric", "my", "decade", "year_range", "year"))
MONTH_NUMBERS = {name[:3]: number for number, name in enumerate(MONTHS, 1)}
WEEKDAY_PREFIXES = tuple(name[:3] for name in WEEKDAYS)  # index = date.weekday()
QUARTER_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
DAY_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
RELATIVE_STEPS = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}
SEASON_ORDER = ("winter", "spring", "summer", "autumn")
# A season without a modifier or year is a time only after one of these ("in summer", "the winter").
SEASON_BEFORE = re.compile(r"\b(?:in|during|the|this|last|next|over|since)\s+$", re.I)


def month_number(word: str) -> int:
    return MONTH_NUMBERS[word.lower().rstrip(".")[:3]]


def base_date(doc: Document) -> date | None:
    if not doc.date or len(doc.date) < 10:
        return None
    try:
        return date.fromisoformat(doc.date[:10])
    except ValueError:
        return None


class Resolver:
    def __init__(self, text: str, base: date | None):
        self.text = text
        self.base = base

    def future(self, start: int, end: int) -> bool:
        return speaks_of_future(self.text, start, end)

    def month_year(self, month: int, day: int | None, start: int, end: int) -> int | None:
        base = self.base
        if base is None:
            return None
        if cal.is_current(month, day, base):  # the same year either way: spare the sentence's tense
            return base.year
        return cal.infer_year(month, day, base, self.future(start, end))

    def resolve(self, shape: str, m: re.Match) -> tuple[date | None, date | None, str] | None:
        g = m.groups()
        if shape in ABSOLUTE_SHAPES:
            return resolve_absolute(shape, g)
        base = self.base
        if shape == "dotted":
            return _dotted(m.group(), base)
        if shape in ("md", "dm"):
            month, day = (month_number(g[0]), int(g[1])) if shape == "md" else (month_number(g[1]), int(g[0]))
            year = self.month_year(month, day, m.start(), m.end())
            return _day(year, month, day) if year else (None, None, "day") if 1 <= day <= 31 else None
        if shape == "day_range":
            month = month_number(g[0])
            year = int(g[3]) if g[3] else self.month_year(month, int(g[1]), m.start(), m.end())
            if not year:
                return None, None, "range"
            first, last = _day(year, month, int(g[1])), _day(year, month, int(g[2]))
            if not first or not last:
                return None
            return first[0], last[1], "range"
        if shape == "month_part":
            month = month_number(g[1])
            year = int(g[2]) if g[2] else self.month_year(month, None, m.start(), m.end())
            return (*cal.month_part(year, month, g[0].lower()), "range") if year else (None, None, "range")
        if shape == "month":
            word, modifier, part = m.group("mon"), (m.group("mod") or "").lower(), m.group("part")
            if not word[0].isupper() or not (modifier or part or self._after_preposition(m.start())):
                return None
            month = month_number(word)
            if base is None:
                return None, None, "month"
            if modifier == "last":
                year = base.year - 1 if month >= base.month else base.year
            elif modifier == "next":
                year = base.year + 1 if month <= base.month else base.year
            elif modifier == "this":
                year = base.year
            else:
                year = self.month_year(month, None, m.start(), m.end())
            if part:
                return *cal.month_part(year, month, part.lower()), "range"
            return *cal.month_span(year, month), "month"
        if shape == "quarter":
            quarter = QUARTER_NUMBERS.get(g[0].lower()) or int(g[0][0])
            year = int(g[1]) if g[1] else (base.year if base else None)
            return (*cal.quarter_span(year, quarter), "quarter") if year else (None, None, "quarter")
        if shape == "season":
            return self._season(g, m)
        if shape == "relative_day":
            if base is None:
                return None, None, "day"
            offset = DAY_OFFSETS[g[0].lower()]
            day = base + timedelta(days=offset)
            return day, day, "day"
        if shape == "relative":
            return self._relative(g[0].lower(), g[1].lower())
        if shape == "ago":
            return self._ago(g[0].lower(), g[1].lower())
        if shape == "weekday":
            if base is None:
                return None, None, "day"
            weekday = WEEKDAY_PREFIXES.index(g[1][:3].lower())
            direction = (g[0] or "").lower() or ("future" if self.future(m.start(), m.end()) else "past")
            direction = "next" if direction == "coming" else direction
            day = cal.weekday_date(weekday, base, direction)
            return day, day, "day"
        return None

    def _after_preposition(self, start: int) -> bool:
        return PREP_BEFORE.search(self.text, max(0, start - 12), start) is not None

    def _season(self, g: tuple, m: re.Match):
        modifier, season, year = (g[0] or "").lower(), g[1].lower(), g[2]
        if season == "fall" and not (modifier or year):
            return None
        if year:
            return *cal.season_span(int(year), season), "season"
        if not modifier and not SEASON_BEFORE.search(self.text[max(0, m.start() - 10):m.start()]):
            return None
        if self.base is None:
            return None, None, "season"
        now_year, now_season = cal.season_of(self.base)
        target = SEASON_ORDER.index("autumn" if season == "fall" else season)
        current = SEASON_ORDER.index(now_season) + 4 * now_year
        # A season "this" or unqualified is the one of the document's year; "last"/"next" step from now.
        candidates = [4 * y + target for y in (now_year - 1, now_year, now_year + 1)]
        if modifier == "last":
            index = max(c for c in candidates if c < current)
        elif modifier == "next":
            index = min(c for c in candidates if c > current)
        elif self.future(m.start(), m.end()):
            index = min(c for c in candidates if c >= current)
        else:
            index = max(c for c in candidates if c <= current)
        return *cal.season_span(index // 4, SEASON_ORDER[index % 4]), "season"

    def _relative(self, which: str, unit: str):
        base = self.base
        if base is None:
            return None, None, unit
        step = RELATIVE_STEPS.get(which, 0)
        if unit == "year":
            return *cal.year_span(base.year + step), "year"
        if unit == "month":
            year, month = cal.shift_month(base.year, base.month, step)
            return *cal.month_span(year, month), "month"
        if unit == "week":
            first, last = cal.week_span(base + timedelta(weeks=step))
            return first, last, "week"
        if unit == "quarter":
            year, month = cal.shift_month(base.year, base.month, 3 * step)
            return *cal.quarter_span(year, (month - 1) // 3 + 1), "quarter"
        decade = base.year // 10 * 10 + 10 * step
        return *cal.decade_span(decade), "decade"

    def _ago(self, count: str, unit: str):
        base = self.base
        n = NUMBER_WORDS.get(count) or (int(count) if count.isdigit() else 0)
        if base is None or not n:
            return None, None, unit
        if unit == "day":
            day = base - timedelta(days=n)
            return day, day, "day"
        if unit == "week":
            return *cal.week_span(base - timedelta(weeks=n)), "week"
        if unit == "month":
            return *cal.month_span(*cal.shift_month(base.year, base.month, -n)), "month"
        return *cal.year_span(base.year - n), "year"


@lru_cache(maxsize=4096)
def resolve_absolute(shape: str, g: tuple[str | None, ...]) -> tuple[date | None, date | None, str] | None:
    """(from, to, granularity) of a shape in ABSOLUTE_SHAPES from its match groups (None: no date)."""
    if shape == "dtg":
        year = int(g[4])
        return _day(full_year(year), month_number(g[3]), int(g[0]))
    if shape == "mdy":
        return _day(int(g[2]), month_number(g[0]), int(g[1]))
    if shape == "dmy":
        return _day(int(g[2]), month_number(g[1]), int(g[0]))
    if shape == "iso":
        return _day(int(g[0]), int(g[1]), int(g[2]))
    if shape == "numeric":
        return _day(int(g[2]), int(g[0]), int(g[1]))
    if shape == "my":
        month, year = month_number(g[1]), int(g[2])
        if g[0]:
            return *cal.month_part(year, month, g[0].lower()), "range"
        return *cal.month_span(year, month), "month"
    if shape == "decade":
        return *cal.decade_span(int(g[1]), (g[0] or "").lower() or None), "decade"
    if shape == "year_range":
        first, last = int(g[0]), int(g[1])
        if last <= first:
            return None
        return date(first, 1, 1), date(last, 12, 31), "range"
    if shape == "year":
        year = int(g[1])
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None
        if g[0]:
            return *cal.year_part(year, g[0].lower()), "range"
        return *cal.year_span(year), "year"
    raise ValueError(f"not an absolute shape: {shape}")


def _day(year: int | None, month: int, day: int):
    if year is None:
        return None
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return value, value, "day"


def _dotted(surface: str, base: date | None):
    """A dotted date ("5.06.2007"): day.month.year if valid, else month.day.year if valid, as dateparser
    reads them; anything else is left to dateparser (slow to load, and its guesses depend on today)."""
    if surface.isascii():
        first, second, year = map(int, surface.split("."))
        value = _day(year, second, first) or _day(year, first, second)
        if value is not None:
            return value
    return _dateparser(surface, base)


def _dateparser(surface: str, base: date | None):
    import dateparser

    settings = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"}
    try:
        parsed = dateparser.parse(surface, settings=settings)
    except Exception:  # dateparser raises on odd input; a time expression is then simply unresolved
        return None
    if parsed is None:
        return None
    return parsed.date(), parsed.date(), "day"


Try = tuple[str, int, Callable[[str, int], re.Match | None]]  # (shape name, shape order, anchored match)


@cache
def _tries(names: tuple[str, ...]) -> tuple[tuple[Try, ...], tuple[Try, ...]]:
    """The shapes `names` as (name, shape order, anchored match), and those of them in THE_SHAPES (in
    that order): built once per tuple of names, not at every trigger."""
    tries = {name: (name, SHAPE_ORDER[name], PATTERNS[name].match) for name in names}
    return tuple(tries.values()), tuple(tries[name] for name in THE_SHAPES if name in tries)


def _candidates(text: str, triggers: dict) -> list[tuple[int, int, int, int, str, re.Match]]:
    """Every shape that matches where a trigger opens one, as its sort key for `find_times`: (minus its
    length, start, shape order, index), then the shape and the match."""
    out: list[tuple[int, int, int, int, str, re.Match]] = []

    def attempt(names: tuple[str, ...], position: int) -> None:
        tries, with_the = _tries(names)
        for name, order, match_at in tries:
            match = match_at(text, position)
            if match is not None:
                out.append((position - match.end(), position, order, len(out), name, match))
        if with_the and position and text[position - 1].isspace():  # THE_BEFORE ends in white space
            before = THE_BEFORE.search(text, max(0, position - 6), position)
            if before is not None:
                opening = before.start()
                for name, order, match_at in with_the:
                    match = match_at(text, opening)
                    if match is not None:
                        out.append((opening - match.end(), opening, order, len(out), name, match))
    for start, end in triggers.get("month", ()):
        date_after = DATE_AFTER_MONTH.match(text, end)
        attempt(MONTH_DATE_SHAPES.get(len(date_after[1]), MONTH_ALONE) if date_after else MONTH_ALONE, start)
    for start, end in triggers.get("relative", ()):
        names = RELATIVE_WORD_SHAPES.get(text[start:end].lower())
        if names is None:  # a trigger word the table does not know yet: every shape
            attempt(BY_TRIGGER["relative"], start)
        elif names == DAY_WORDS or TIME_WORD_AFTER.match(text, end):
            attempt(names, start)
    for kind, names in BY_TRIGGER.items():
        if kind != "relative":
            words_after = WORDS_AFTER.get(kind)
            for start, end in triggers.get(kind, ()):
                if words_after is None or words_after.match(text, end):
                    attempt(names, start)
    for start, _end in triggers.get("weekday", ()):
        before = MOD_BEFORE.search(text, max(0, start - 9), start)
        if before is not None:
            attempt(("weekday",), before.start())
    for start, _end in triggers.get("ago", ()):
        before = AGO_BEFORE.search(text, max(0, start - 24), start)
        if before is not None:
            attempt(("ago",), before.start())
    for start, end in triggers.get("number", ()):
        size, after = end - start, text[end:end + 1]
        if size == 6 and after in ("Z", "z"):
            attempt(("dtg",), start)
        elif size == 4:
            if text[start:start + 2] in CENTURIES:
                attempt(YEAR_SHAPES.get(after, ("year",) if not after.isspace() else SPACED_YEAR_SHAPES), start)
        elif size <= 2:
            if after.isspace():
                if MONTH_AFTER_DAY.match(text, end):
                    attempt(SPACED_DAY_SHAPES, start)
            elif after == ".":
                if text[end + 1:end + 2].isdecimal():  # a dotted date goes on with a digit
                    attempt(DAY_SHAPES[after], start)
            elif after == "/" or (after.lower() in DAY_SHAPES and MONTH_AFTER_DAY.match(text, end)):
                attempt(DAY_SHAPES.get(after.lower(), ()), start)
    return out


def find_times(text: str, base: date | None) -> list[TimeSpan]:
    resolver = Resolver(text, base)
    # longest first, then leftmost, then by shape order; the index keeps equal candidates in turn
    candidates = _candidates(text, find_triggers(text))
    candidates.sort()
    claimed = bytearray(len(text))  # 1 at offsets a resolved expression holds
    found: list[tuple[int, int, date | None, date | None, str]] = []
    for minus_size, start, _order, _index, shape, match in candidates:
        end = start - minus_size
        if claimed.find(1, start, end) >= 0:
            continue
        resolved = resolver.resolve(shape, match)
        if resolved is None:
            continue
        claimed[start:end] = b"\x01" * (end - start)
        found.append((start, end, *resolved))
    found.sort()
    out: list[TimeSpan] = []
    i = 0
    while i < len(found):
        start, end, first, last, granularity = found[i]
        if i + 1 < len(found) and RANGE_JOIN.fullmatch(text, end, found[i + 1][0]):
            n_start, n_end, n_first, n_last, _ = found[i + 1]
            opener = RANGE_OPEN.search(text, max(0, start - 10), start)
            if opener is not None or text[end:n_start].strip() in ("-", "–", "to", "through", "until"):
                if first is not None and n_last is not None and n_last < first and n_last.year == first.year:
                    n_last = n_last.replace(year=n_last.year + 1)
                range_start = opener.start() if opener else start
                out.append(TimeSpan(text[range_start:n_end], range_start, n_end, _iso(first), _iso(n_last),
                                    "range"))
                i += 2
                continue
        out.append(TimeSpan(text[start:end], start, end, _iso(first), _iso(last), granularity))
        i += 1
    return out


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def extract_times(doc: Document) -> Document:
    known = {(t.start, t.end) for t in doc.times}
    doc.times.extend(t for t in find_times(doc.text, base_date(doc)) if (t.start, t.end) not in known)
    return doc
