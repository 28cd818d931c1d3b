"""Telegram printouts of the 1970s-80s and their OCR'd FOIA copies.

Printouts carry a `PAGE 01 HARARE 05461 01 OF 02 271458Z` line, ACTION/INFO office lists and,
on FOIA scans, a `TEXT OF TELEGRAM 86STATE 321944` banner on every page. OCR reads D as O, 0 as
O, 1 as l or I; the readers here fold those confusions before comparing, vote across repeated
page banners, and say in `warnings` what they guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from ...record import Recipient
from ..locate import LinePattern
from .dtg import DTG, match_to_datetime
from .header import parse_recipient
from .markings import class_word, classification_name
from .stations import repair_fm

PAGE_LINE = LinePattern(
    r"^[ \t]*PAGE[ \t]+[0O]?[0-9lI][ \t:]+(?P<station>[A-Z][A-Z .]*?)[ \t]+(?P<serial>[0-9O]{4,6})"
    r"(?:[ \t]+(?P<sec>\d\d)[ \t]+OF[ \t]+(?P<of>\d\d))?(?:[ \t]+(?P<dtg>[0-9O]{6}Z))?", words=("PAGE",))
ACTION_LINE = LinePattern(r"^[ \t]*(?:ACTION|ORIGIN)[ \t]+(?P<office>[A-Z]{1,6})-[0-9O]{2}",
                          words=("ACTION", "ORIGIN"))
TEXT_OF_TELEGRAM = re.compile(r"TEXT OF TELEGRAM[ \t]+(?P<id>[0-9A-Z,.'|]{6,}(?:[ \t]+[0-9Ol]{3,7})?)")
FM_LINE = re.compile(r"^[ \t]*FM[ \t]+(?P<fm>.+?)[ \t]*$", re.M)
TO_LINE = re.compile(r"^[ \t]*TO[ \t]+(?P<to>.+?)[ \t]*$", re.M)
# A DTG line: precedence letter (OCR gives 0 for O) and the DTG.
DTG_LINE = re.compile(r"^[ \t]*(?P<prec>[0OPRZ])[ \t]+(?=[0-3O][0-9O]{5}Z)", re.M)
PRECEDENCE = {"0": "IMMEDIATE", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE", "Z": "FLASH"}
# Letters OCR prints for digits and digits for letters.
TO_DIGIT = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "|": "1",
                          "B": "8", "S": "5", "Z": "2"})
TO_LETTER = str.maketrans({"0": "O", "1": "I", "4": "A", "5": "S", "6": "G", "8": "B", ",": "", ".": "",
                           "'": "", "|": "I"})
FOLD = str.maketrans({"D": "O", "0": "O", "Q": "O", "U": "J", "1": "I", "L": "I", "4": "A", "6": "S",
                      "5": "S", "8": "B"})


@dataclass
class Telegram:
    cable_id: str | None = None
    station: str | None = None
    serial: str | None = None
    dtg: datetime | None = None
    precedence: str | None = None
    fm: str | None = None
    to: list[Recipient] = field(default_factory=list)
    info: list[Recipient] = field(default_factory=list)
    classification: str | None = None
    action: str | None = None
    warnings: list[str] = field(default_factory=list)


def looks_like_telegram(head: str) -> bool:
    """A FOIA telegram's page banner, or a printout's PAGE line with an ACTION office line."""
    return bool(TEXT_OF_TELEGRAM.search(head) or (PAGE_LINE.search(head) and ACTION_LINE.search(head)))


def find_class(head: str) -> str | None:
    match = class_word().search(head)
    return classification_name(match.group(1)) if match else None


def parse_telegram(text: str) -> Telegram:
    out = Telegram()
    page = PAGE_LINE.search(text)
    if page:
        out.station = " ".join(page.group("station").split())
        out.serial = page.group("serial").translate(TO_DIGIT)
    banner = _vote_banner(text)
    if banner:
        out.cable_id = banner
    action = ACTION_LINE.search(text)
    if action:
        out.action = action.group("office")
    for line in DTG_LINE.finditer(text):
        found = DTG.match(text, line.end())
        if found:
            out.dtg = match_to_datetime(found)
            out.precedence = PRECEDENCE.get(line.group("prec"))
            if line.group("prec") == "0":
                out.warnings.append("precedence letter read as O (OCR prints 0)")
            break
    fm = FM_LINE.search(text)
    if fm:
        out.fm, repaired = repair_fm(fm.group("fm"))
        if repaired:
            out.warnings.append(f"FM line {fm.group('fm')!r} read as {out.fm!r} (OCR)")
        to = TO_LINE.search(text, fm.end())
        if to:
            recipient = parse_recipient(to.group("to"))
            if recipient:
                out.to.append(recipient)
    cls = find_class(text[:3000])
    if cls is None:
        cls = _fuzzy_class(text[:3000])
        if cls:
            out.warnings.append(f"classification read as {cls} (OCR)")
    out.classification = cls
    return out


def _vote_banner(text: str) -> str | None:
    """The id the page banners agree on: year, station and serial each by majority vote."""
    years: Counter[str] = Counter()
    stations: Counter[str] = Counter()
    serials: Counter[str] = Counter()
    for match in TEXT_OF_TELEGRAM.finditer(text):
        raw = re.sub(r"\s+", "", match.group("id"))
        split = re.search(r"[0-9OolI|]{4,}$", raw[2:])
        if not split:
            continue
        year = raw[:2].translate(TO_DIGIT)
        station = raw[2:2 + split.start()].upper().translate(TO_LETTER)
        serial = split.group(0).translate(TO_DIGIT).lstrip("0")
        if year.isdigit():
            years[year] += 1
        if station.isalpha():
            stations[station] += 1
        if serial.isdigit():
            serials[serial] += 1
    # the PAGE lines print the serial too: more votes
    for page in PAGE_LINE.finditer(text):
        serial = page.group("serial").translate(TO_DIGIT).lstrip("0")
        if serial.isdigit():
            serials[serial] += 1
    if not (years and stations and serials):
        return None
    return years.most_common(1)[0][0] + stations.most_common(1)[0][0] + serials.most_common(1)[0][0]


_FOLDED_CLASSES = {"UNCIASSIFIEO": "UNCLASSIFIED", "UNCIAS": "UNCLASSIFIED", "CONFIOENTIAI": "CONFIDENTIAL",
                   "SECRET": "SECRET", "IIMITEOOFFICIAIUSE": "LIMITED OFFICIAL USE"}


def _fuzzy_class(head: str) -> str | None:
    for line in head.splitlines():
        key = re.sub(r"[^A-Z0-9]", "", line.upper()).translate(FOLD)
        if key in _FOLDED_CLASSES:
            return _FOLDED_CLASSES[key]
    return None
