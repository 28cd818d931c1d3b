"""The routing header: VZCZC line, precedence line, DE line, ZNY line, DTG line, FM, TO and INFO.

`parse_routing(text)` reads the header in one pass over its first lines and returns what it
found with the offset where the header ends (the classification line usually follows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, lru_cache

from ...data import load_table
from ...record import Recipient
from .dtg import DTG, match_to_datetime

# Routing headers are short: the longest dev cable puts its class line within 120 lines of
# the top (collective INFO lists); the header is never looked for beyond this.
MAX_HEADER_LINES = 160
# Routing headers open within the first lines (after WikiLeaks' extract note or a date line at
# most); after this many non-blank lines with no header line there is none.
MAX_LINES_BEFORE_HEADER = 30

VZCZC_LINE = re.compile(r"^\s*VZCZC\w*\s*$")
STATION_LINE = re.compile(r"^\s*(?:[ZOPRM]{2}|[ZOPRM] [ZOPRM])(?:\s+R[A-Z]{3,6})+\s*$")
DE_LINE = re.compile(
    r"^\s*DE\s+([A-Z]{4,7})\s*#\s*([0-9O]{1,6})(?:/([0-9O]{2}))?(?:\s+([0-9O]{3})([0-9O]{4}))?", re.I)
ZNY_LINE = re.compile(r"^\s*ZN[YR]\s+([A-Z]{5})\s+ZZH\b")
# "P 311438Z JUL 07", "P R 281848Z DEC 66", "O 051803Z JUN 07", or a bare DTG.
DTG_LINE = re.compile(r"^\s*((?:[ZOPRM]|FLASH)(?:\s+[ZOPRM])?\s+)?(?=[0-3][0-9]{5}\s?Z)", re.I)
FM_LINE = re.compile(r"^\s*FM\s+([A-Z][A-Z0-9 .,'/()&-]+?)\s*\\?$")
# Once one of these is seen without a routing header, there is none to find.
HEADER_GIVE_UP = re.compile(r"^[ \t\"]*(?:TAGS|SUBJ|SUBJECT)\b", re.I)
TO_LINE = re.compile(r"^\s*TO\s+(.+?)\s*\\?$")
# The DTG, VZCZC, station, DE, ZNY, FM and TO line patterns all open with one of these letters or
# digits (after white space): a line that does not is matched against none of them.
HEADER_LINE_START = re.compile(r"\s*[0-3DFMOPRTVZ]", re.I)
INFO_LINE = re.compile(r"^\s*INFO\s+(.+?)\s*\\?$")
# Lines that close the address block.
END_OF_ADDRESSES = re.compile(r"^\s*(?:BT|ZEN|ZFR|ZEX)\b|^\s*$")

# One addressee: optional routing indicator, name, optional precedence, optional MCN.
# (The name ends only before white space, a backslash or the end: the lookahead tries the tail
# only there, not after every character of the name.)
RECIPIENT = re.compile(
    r"^(?:(?P<route>R[A-Z]{3,6})\s*/\s*)?(?P<name>.+?)(?=[\s\\]|$)"
    r"(?:\s+(?P<prec>NIACT\s+IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE|FLASH))?"
    r"(?:\s+(?P<mcn>[0-9O]{4}))?\s*\\?$")


@dataclass
class Routing:
    start: int | None = None
    end: int = 0
    precedence: str | None = None
    dtg: datetime | None = None
    dtg_text: str | None = None
    de_route: str | None = None
    de_serial: str | None = None
    de_section: str | None = None
    de_julian: int | None = None
    de_time: str | None = None
    zny: str | None = None
    fm: str | None = None
    to: list[Recipient] = field(default_factory=list)
    info: list[Recipient] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@cache
def precedence_codes() -> dict[str, str]:
    return {row["code"]: row["precedence"] for row in load_table("precedence.tsv")}


# Markdown left around a header line: bullets, quote marks, heading hashes, bold stars,
# backslash escapes ("DE RUEHMO \#3736").
MARKDOWN_AROUND = re.compile(r"^(?:[ \t*]|[-+>#]{1,6}[ \t])*|\*+[ \t]*$")
MARKDOWN_ESCAPE = re.compile(r"\\(?=[#*_\-.()\[\]])")


def _lines(text: str, limit: int):
    pos = 0
    for _ in range(limit):
        if pos >= len(text):
            return
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        line = text[pos:end]
        if line[:1] in _MARKDOWN_OPENERS or "\\" in line or "*" in line:
            line = MARKDOWN_ESCAPE.sub("", MARKDOWN_AROUND.sub("", line.replace("**", "")))
        yield pos, end, line
        pos = end + 1


_MARKDOWN_OPENERS = frozenset("-+>#* \t")


def parse_recipient(raw: str) -> Recipient | None:
    parts = _recipient_parts(raw)
    if parts is None:
        return None
    name, route, precedence, mcn = parts
    return Recipient(name=name, route=route, precedence=precedence, mcn=mcn)


# Address lines repeat from cable to cable (a third of them in the dev corpus): each is read once.
@lru_cache(maxsize=4096)
def _recipient_parts(raw: str) -> tuple[str, str | None, str | None, str | None] | None:
    """(name, route, precedence, MCN) of one address line, or None."""
    raw = raw.strip().rstrip("\\").strip()
    if not raw:
        return None
    match = RECIPIENT.match(raw)
    if not match:
        return None
    prec = match.group("prec")
    return match.group("name").strip(), match.group("route"), " ".join(prec.split()) if prec else None, match.group("mcn")


def parse_routing(text: str) -> Routing:
    """The routing header at the top of `text`; fields stay None where the header lacks them."""
    out = Routing()
    target: list[Recipient] | None = None
    codes = precedence_codes()
    before = 0
    for start, end, line in _lines(text, MAX_HEADER_LINES):
        if out.start is None and line.strip():
            before += 1
            if before > MAX_LINES_BEFORE_HEADER:
                break
        if target is not None:
            if END_OF_ADDRESSES.match(line):
                target = None
                out.end = end
                continue
            info = INFO_LINE.match(line)
            if info:
                target = out.info
                _add(target, info.group(1))
                out.end = end
                continue
            if _looks_like_address(line):
                _add(target, line)
                out.end = end
                continue
            break
        if HEADER_LINE_START.match(line):  # else none of the header line patterns can match
            if out.dtg is None:
                dtg_line = DTG_LINE.match(line)
                if dtg_line:
                    found = DTG.search(line, dtg_line.end())
                    if found and found.start() == dtg_line.end():
                        out.dtg = match_to_datetime(found)
                        out.dtg_text = found.group(0)
                        letters = (dtg_line.group(1) or "").split()
                        if letters:
                            out.precedence = codes.get(letters[0].upper())
                        out.start = start if out.start is None else out.start
                        out.end = end
                        continue
            if VZCZC_LINE.match(line) or STATION_LINE.match(line):
                out.start = start if out.start is None else out.start
                out.end = end
                continue
            de = DE_LINE.match(line)
            if de:
                out.de_route = de.group(1).upper()
                out.de_serial = de.group(2)
                out.de_section = de.group(3)
                if de.group(4):
                    out.de_julian = int(de.group(4).upper().replace("O", "0"))
                    out.de_time = de.group(5)
                out.start = start if out.start is None else out.start
                out.end = end
                continue
            zny = ZNY_LINE.match(line)
            if zny:
                out.zny = zny.group(1)
                out.end = end
                continue
            fm = FM_LINE.match(line)
            if fm and out.fm is None:
                out.fm = " ".join(fm.group(1).split())
                out.start = start if out.start is None else out.start
                out.end = end
                continue
            to = TO_LINE.match(line)
            if to and out.fm is not None:
                target = out.to
                _add(target, to.group(1))
                out.end = end
                continue
        if out.fm is not None or (out.start is None and HEADER_GIVE_UP.match(line)):
            # anything else after FM ends the header; TAGS or SUBJECT mean there was none
            break
    if out.precedence is None and out.to and out.to[0].precedence:
        out.precedence = out.to[0].precedence
    elif out.to and out.to[0].precedence == "NIACT IMMEDIATE":
        out.precedence = "NIACT IMMEDIATE"
    return out


# An address line: upper-case words, slashes, dots and digits; no sentence punctuation.
ADDRESS_LINE = re.compile(r"^\s*(?:R[A-Z]{3,6}\s*/\s*)?[A-Z0-9][A-Z0-9 .,&'()/-]*\\?\s*$")


def _looks_like_address(line: str) -> bool:
    return bool(ADDRESS_LINE.match(line)) and len(line.strip()) <= 80 and not _CLASS_START.match(line)


_CLASS_START = re.compile(r"^\s*(?:UNCLAS|C\s?O\s?N\s?F|S\s?E\s?C\s?R|LIMITED OFF|TOP SECRET|E\.?\s?O\.?\s|TAGS|SUBJ)")


def _add(target: list[Recipient], raw: str) -> None:
    recipient = parse_recipient(raw)
    if recipient is not None:
        target.append(recipient)
