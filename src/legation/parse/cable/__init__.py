"""Cables (`kind: "cable"`): State Department telegrams in every layout the record holds.

`parse_cable` cleans the text (repair.py), reads the routing header (header.py), the security
markings (markings.py), TAGS (tags.py) and the 1970s-80s telegram furniture (telegram.py), then
hands the rest to the body parser (body.py) and assembles one Document. Every value that had to
be guessed is named in `warnings`.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from ...record import CableFields, Document
from ..common import new_document
from ..locate import LinePattern
from ..registry import Format
from ..source import Source
from . import telegram
from .body import parse_body
from .dtg import DTG_IN_TEXT, check_julian, dtg_to_datetime, full_year, iso_utc, match_to_datetime
from .header import Routing, parse_routing
from .ids import canonical_id, split_id
from .markings import FOLDED_CAVEAT, Markings, parse_markings
from .repair import clean_cable_text
from .stations import clean_fm, post_name, repair_fm
from .tags import parse_tags

# --- detection -----------------------------------------------------------------------------
# (Line-start patterns skip only blanks and tabs: `^\s*` would rescan runs of empty lines.)
# Detection reads only the top of the text: every cable layout shows its furniture there.
DETECT_CHARS = 6000
PARTIAL_EXTRACT = re.compile(r"This record is a partial extract of the original cable")
ROUTING_MARKS = LinePattern(r"^[ \t]*(?:VZCZC\w*|DE\s+R[A-Z]{3,6}\s*#\s*\d+)")
FM_TO = LinePattern(r"^[ \t]*FM[ \t]+[A-Z][A-Z .]+[ \t]*\\?\n(?:.*\n){0,2}?[ \t]*TO[ \t]+[A-Z]")
TAGS_MARK = LinePattern(r"^[ \t\"]*TAGS?\b[ \t]*:?[ \t]*[A-Z]{2,}")
EO_MARK = LinePattern(r"^[ \t\"]*E\.?\s?O\.?\s*1[0-9O]{4}")
SUBJECT_MARK = LinePattern(r"^[ \t\"]*SUBJ(?:ECT)?\b\s*:")
DTG_LINE_MARK = LinePattern(r"^[ \t]*(?:[ZOPR][ \t]+){1,2}[0-3]\d{5}Z\s+[A-Z]{3}\s+\d{2}\b")
# Weights of the clues; a routing header or the WikiLeaks extract note settles it alone.
DETECT_WEIGHTS = (
    (PARTIAL_EXTRACT, 0.9), (ROUTING_MARKS, 0.6), (FM_TO, 0.35), (DTG_LINE_MARK, 0.25),
    (TAGS_MARK, 0.25), (EO_MARK, 0.25), (SUBJECT_MARK, 0.1),
)
CLASS_LINE_WEIGHT = 0.3
# A printout's PAGE line with an ACTION line, or a FOIA page banner, is a telegram on its own.
TELEGRAM_WEIGHT = 0.6

# --- dates ---------------------------------------------------------------------------------
CABLE_DATED = re.compile(r"Cable dated:\s*(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})")
# WikiLeaks' date line on partial extracts: "Monday, 26 July 2004, 07:22" (UTC).
WEEKDAY_DATE = LinePattern(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{1,2}) ([A-Z][a-z]+) (\d{4}), (\d{2}):(\d{2})")
# A DTG outside the routing header is trusted only near the top (WikiLeaks prints it after the
# extract note; deeper ones are quoted from other cables).
LOOSE_DTG_CHARS = 1500
# A source name that is a cable id (`09ASTANA95.txt`) supplies the year when the text has none.
ID_FILENAME = re.compile(r"(?:^|[/\\!#.])(?P<id>\d{2}[A-Z][A-Z.'-]*\d+)(?:\.\w+)?$")


def detect_cable(source: Source) -> float:
    head = source.text[:DETECT_CHARS]
    score = 0.0
    for pattern, weight in DETECT_WEIGHTS:
        if pattern.search(head):
            score += weight
            if score >= 1.0:
                return 1.0  # weights only add: the remaining clues cannot change the answer
    if score and telegram.find_class(head) is not None:
        score += CLASS_LINE_WEIGHT
    if telegram.looks_like_telegram(head):
        score += TELEGRAM_WEIGHT
    return min(1.0, score)


def parse_cable(source: Source) -> list[Document]:
    text, warnings = clean_cable_text(source.text)
    doc = new_document(source, "cable")
    doc.text = text
    doc.warnings.extend(warnings)
    fields = CableFields()
    doc.cable = fields

    routing = parse_routing(text)
    page = telegram.parse_telegram(text) if telegram.looks_like_telegram(text[:DETECT_CHARS]) else None
    head_end = routing.end
    markings = parse_markings(text, head_end, min(len(text), head_end + DETECT_CHARS))
    doc.warnings.extend(routing.warnings)
    doc.warnings.extend(markings.warnings)

    moment = _date(text, routing, page, doc.warnings)
    doc.date = iso_utc(moment)
    fields.precedence = routing.precedence or (page.precedence if page else None)
    fields.origin_raw, repaired = repair_fm(routing.fm or (page.fm if page else None))
    if repaired:
        doc.warnings.append(f"FM line {clean_fm(routing.fm or page.fm)!r} read as {fields.origin_raw!r} (OCR)")
    fields.to, fields.info = routing.to, routing.info
    if page and not fields.to:
        fields.to, fields.info = page.to, page.info
    fields.classification = markings.classification or (page.classification if page else None)
    fields.caveats = markings.caveats
    _add_folded_caveats(text, fields)
    fields.declassify = markings.declassify
    fields.classified_by = markings.classified_by
    fields.offices = markings.offices
    if not fields.offices and page and page.action:
        # a printout's ACTION line names the Department office the telegram is for
        fields.offices = [page.action]
    fields.sections = markings.sections

    year = _identify(source.name, routing, markings, page, moment, fields, doc.warnings)

    tags = parse_tags(text, markings.class_end or head_end)
    fields.tags = tags.tags
    doc.warnings.extend(tags.warnings)

    body_start = markings.class_start if markings.class_start is not None else head_end
    body = parse_body(text, body_start, year=year)
    doc.title = body.title
    doc.paragraphs = body.paragraphs
    fields.references = body.references
    fields.summary = body.summary
    fields.signed_by = body.signed_by
    fields.action_request = body.action_request
    fields.redactions = body.redactions
    doc.warnings.extend(body.warnings)
    doc.warnings = list(dict.fromkeys(doc.warnings))
    return [doc]


def _identify(name: str, routing: Routing, markings: Markings, page: telegram.Telegram | None,
              moment: datetime | None, fields: CableFields, warnings: list[str]) -> int | None:
    """Set the cable's origin and id; return its year (None when nothing gives one)."""
    station = markings.station or (page.station if page else None)
    serial = _serial(markings.serial, routing.de_serial) or (page.serial if page else None)
    if _conflict(markings.serial, routing.de_serial) and _station_from_fm(fields.origin_raw):
        # the class line belongs to another cable quoted or retransmitted in this one
        warnings.append(f"class line {markings.station} {markings.serial} disagrees with the DE line "
                        f"#{routing.de_serial}: id from the DE and FM lines")
        station = _station_from_fm(fields.origin_raw)
    fields.origin = post_name(fields.origin_raw, station, routing.de_route)
    year = moment.year if moment else _year_without_date(name, serial, warnings)
    fields.id = canonical_id(year, station or _station_from_fm(fields.origin_raw), serial)
    if page and page.cable_id:
        # FOIA copies print the id on every page; the vote across pages beats one OCR'd class line
        fields.id = page.cable_id
    if fields.id is None:
        warnings.append("no cable id: station, serial or year missing")
    return year


def _date(text: str, routing: Routing, page: telegram.Telegram | None, warnings: list[str]) -> datetime | None:
    """The cable's date: a numbered cascade, first hit wins."""
    # 1. the routing header's DTG line, checked against the DE line's day of year
    if routing.dtg is not None:
        if routing.fm is None and routing.de_route is None:
            warnings.append("date from a DTG outside a routing header")
        if routing.de_julian:
            problem = check_julian(routing.dtg, routing.de_julian)
            if problem:
                warnings.append(problem)
        return routing.dtg
    # 2. a printout's DTG (1970s-80s telegrams, OCR'd FOIA copies)
    if page is not None and page.dtg is not None:
        warnings.extend(page.warnings)
        return page.dtg
    # 3. WikiLeaks' "Cable dated:" note on partial extracts
    dated = CABLE_DATED.search(text, 0, DETECT_CHARS)
    if dated:
        y, mo, d, h, mi = (int(g) for g in dated.groups())
        try:
            return datetime(y, mo, d, h, mi, tzinfo=UTC)
        except ValueError:
            pass
    # 4. WikiLeaks' weekday date line on partial extracts
    weekday = WEEKDAY_DATE.search(text, 0, LOOSE_DTG_CHARS)
    if weekday:
        day, month, year, hour, minute = weekday.groups()
        moment = dtg_to_datetime(day, hour + minute, month, year)
        if moment:
            warnings.append("date from the release's date line, not a DTG")
            return moment
    # 5. a DTG near the top of the text (partial extracts print one under the extract note)
    loose = DTG_IN_TEXT.search(text, 0, LOOSE_DTG_CHARS)
    if loose:
        moment = match_to_datetime(loose)
        if moment:
            warnings.append("date from a DTG outside a routing header")
            return moment
    warnings.append("no DTG found")
    return None


def _year_without_date(name: str, serial: str | None, warnings: list[str]) -> int | None:
    """The id's year when the text carries no date: the source's file name, when it names this cable."""
    found = ID_FILENAME.search(name or "")
    if found and serial:
        parts = split_id(found.group("id"))
        if parts and parts[2].lstrip("0") == serial.lstrip("0"):
            warnings.append("id year taken from the file name")
            return full_year(str(parts[0]))
    # The declassification date is no guide: it runs 10 to 25 years and more after the cable.
    return None


def _add_folded_caveats(text: str, fields: CableFields) -> None:
    """Caveats printed folded into the classification ("SECRET//NOFORN") of this cable."""
    if "//" not in text:
        return
    for match in FOLDED_CAVEAT.finditer(text):
        if match.group(0).startswith((fields.classification or "-")[:6]):
            code = "FOUO" if match.group(1).startswith("FOR") else match.group(1)
            if code not in fields.caveats:
                fields.caveats.append(code)


# The DE line prints the serial modulo 10,000 (`#0909` for serial 010909).
DE_SERIAL_DIGITS = 4


def _conflict(printed: str | None, de_serial: str | None) -> bool:
    """The class line's serial and the DE line's cannot be the same number."""
    if not (printed and de_serial):
        return False
    a, b = printed.lstrip("0"), de_serial.lstrip("0")
    if b.startswith(a):
        return False
    return a[-DE_SERIAL_DIGITS:].zfill(DE_SERIAL_DIGITS) != b[-DE_SERIAL_DIGITS:].zfill(DE_SERIAL_DIGITS)


def _serial(printed: str | None, de_serial: str | None) -> str | None:
    """The class line's serial, unless the DE line's is longer and starts with it (a cut line)
    or cannot be the same number (the class line is another cable's)."""
    if printed and de_serial:
        a, b = printed.lstrip("0"), de_serial.lstrip("0")
        if (b != a and b.startswith(a)) or _conflict(printed, de_serial):
            return de_serial
    return printed or de_serial


# FM-line prefixes that name the kind of post, not its station.
FM_POST_KINDS = re.compile(r"^(?:AMEMBASSY|AMCONSUL|AMCONSULATE|USMISSION|AMEMB)\s+")


def _station_from_fm(fm: str | None) -> str | None:
    if not fm:
        return None
    if fm.startswith("SECSTATE"):
        return "STATE"
    station = FM_POST_KINDS.sub("", fm)
    return station if station != fm else None


FORMAT = Format(name="cable", detect=detect_cable, parse=parse_cable, priority=10)
