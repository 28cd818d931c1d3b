"""Page-break repeats inside cable bodies.

Telegrams were printed in pages, and every page after the first repeats a short header: the
station, the serial and the page count (`ASTANA 00000095 002 OF 003`, sometimes `002.2 OF 003`
and sometimes in the middle of a line), or in older printouts a `PAGE 02 HARARE 05461 01 OF 02
271458Z` line, often after a bare classification line (`CONFIDENTIAL`). These repeats are not
part of the message: they are removed, and the sentence they interrupted is joined again.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..locate import LinePattern

# Cheap test before any work: both forms carry one of these shapes.
# (The zero-padded serial always starts with 00: the regex engine can jump to that literal.)
PAGE_SIGNS = re.compile(r"00\d{6} {1,3}[0-9O]{3}(?:\.\d)? {1,3}OF {1,3}[0-9O]{3}")
OLD_PAGE_WORD = "PAGE"

# Modern page repeat: 8-digit zero-padded serial, page and count, after the station name. OCR may
# read a 0 in the page number as O (`0O3`). Which capitalised words before the serial name the
# station is decided per cable from its class line (see `_station`).
MODERN_REPEAT = re.compile(r"(?P<serial>00\d{6}) {1,3}[0-9O]{3}(?:\.\d)? {1,3}OF {1,3}[0-9O]{3}[ \t]*\\?")
STATION_WORDS = re.compile(r"(?:[A-Z][A-Z'.]* {1,2}){1,4}$")
# How far back to look for the station name before a serial (the longest names are about 25).
STATION_LOOKBACK = 40
# The serial after the station on the class line, with its zero padding, and not followed by a page count.
SERIAL_AFTER_STATION = re.compile(r" +0*(?P<number>\d+)\b(?! {1,3}[0-9O]{3}(?:\.\d)? {1,3}OF)")
# A page repeat that Markdown conversion turned into a heading, on its own line.
HEADING_PREFIX = LinePattern(r"^#{1,6} +(?=[A-Z][A-Z .']* \d{8} )")

# Classification words printed at the foot of each page of older printouts.
CLASS_WORDS = (r"(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE|"
               r"C O N F I D E N T I A L|S E C R E T|U N C L A S S I F I E D|UNCLASSIF\S*)")
# Older printouts: `PAGE 02 STATION SERIAL [NN OF NN] DDHHMMZ` (text may follow the DTG on the same
# line), with the classification at the end of the line before or on lines of its own, and blank
# lines around. The page line must carry a number of 4+ digits (serial or DTG), so that prose
# starting with "PAGE 2" is left alone.
OLD_REPEAT = re.compile(
    rf"(?:(?<![ \t])[ \t]{{2,}}{CLASS_WORDS}[ \t]*)?\n(?:[ \t]*(?:{CLASS_WORDS}[ \t]*)?\n)*"
    r"[ \t]*PAGE[ .]{1,3}(?:0[2-9]|[1-9]\d)\b(?P<rest>[^\n]*\d{4,}[^\n]*)(?:\n[ \t]*(?=\n))*(?:\n|\Z)")
# The PAGE line of an older page repeat (every OLD_REPEAT holds one after a line break), and a
# blank or classification-only line (which may stand between the two).
OLD_PAGE_LINE = re.compile(r"\n[ \t]*PAGE[ .]{1,3}(?:0[2-9]|[1-9]\d)\b[^\n]*\d{4,}")
FOOT_LINE = re.compile(rf"[ \t]*(?:{CLASS_WORDS}[ \t]*)?")
OLD_DTG = re.compile(r"\b\d{6}Z\b")
# Sentence-final characters: when the text before a removed repeat ends with one of them, the
# paragraph break around the repeat is kept; otherwise the interrupted sentence is joined.
SENTENCE_END = ".!?:;\"”’)]"


def remove_page_breaks(text: str) -> tuple[str, int]:
    """The text without page-break repeats, and how many were removed."""
    modern = old = 0
    if PAGE_SIGNS.search(text):
        if HEADING_PREFIX.search(text):  # the fast test first: a `^` substitution tries every position
            text = HEADING_PREFIX.regex.sub("", text)
        text, modern = _remove_modern(text)
    if OLD_PAGE_WORD in text:
        text, old = _remove_old(text)
    return text, modern + old


def _remove_modern(text: str) -> tuple[str, int]:
    matches = list(MODERN_REPEAT.finditer(text))
    if not matches:
        return text, 0
    words = {}
    for match in matches:
        found = STATION_WORDS.search(text, max(0, match.start() - STATION_LOOKBACK), match.start())
        words[match.start()] = found.group(0).split() if found else []
    stations = {}
    for serial in {m["serial"] for m in matches}:
        stations[serial] = _station(text, [words[m.start()] for m in matches if m["serial"] == serial], serial)
    out: list[str] = []
    pos = 0
    count = 0
    last_char = "\n"           # the last character written out (the text's start counts as a line start)
    for match in matches:
        station = stations[match["serial"]]
        start = match.start()
        while start > pos and text[start - 1] == " ":
            start -= 1
        if station and not text.endswith(station, pos, start):
            continue
        start -= len(station)
        end = match.end()
        while end < len(text) and text[end] in " \t":
            end += 1
        count += 1
        segment = text[pos:start]
        before = segment.rstrip(" \t")
        at_start = (before[-1:] or last_char) == "\n"
        at_end = end >= len(text) or text[end] == "\n"
        if at_start and at_end:
            # A line of its own: drop it with the blank lines around it, and join the sentence it cut.
            before = before.rstrip()
            gap_before = segment[len(before):]
            blank = gap_before.count("\n") > 1 or text[end:end + 4].replace(" ", "").startswith("\n\n")
            while end < len(text) and text[end] in " \t\n":
                end += 1
            piece = (before + ("\n\n" if blank and before[-1] in SENTENCE_END else "\n")) if before else ""
        else:
            piece = before + ("" if at_start or at_end else " ")
        out.append(piece)
        last_char = piece[-1:] or last_char
        pos = end
    out.append(text[pos:])
    return "".join(out), count


def _station(text: str, runs: list[list[str]], serial: str) -> str:
    """Which trailing words before the serial name the station (`SAO PAULO`, not `THE SAO PAULO`)."""
    number = str(int(serial)) if serial.strip("0") else "0"
    options: Counter[str] = Counter()
    for words in runs:
        for k in range(1, len(words) + 1):
            options[" ".join(words[-k:])] += 1
    # The class line (`ASTANA 000095`, `SECTION 01 OF 03 SAO PAULO 001158`) names the station.
    for name, _ in sorted(options.items(), key=lambda kv: -len(kv[0])):
        if _names_serial(text, name, number):
            return name
    # Otherwise the longest word run that every repeat shares.
    shared = [name for name, n in options.items() if n == len(runs)]
    return max(shared, key=len) if shared else ""


def _names_serial(text: str, name: str, number: str) -> bool:
    """Whether `name` stands somewhere as a word followed by the serial `number` (zero-padded or not),
    not by a page count: the class line. `str.find` locates the name, a fixed regex reads the serial."""
    pos = text.find(name)
    while pos >= 0:
        before = text[pos - 1] if pos else " "
        if not (before.isalnum() or before == "_"):  # a word starts here (as `\b` sees it)
            serial = SERIAL_AFTER_STATION.match(text, pos + len(name))
            if serial and serial["number"] == number:
                return True
        pos = text.find(name, pos + 1)
    return False


def _remove_old(text: str) -> tuple[str, int]:
    out: list[str] = []
    pos = count = 0
    for match in _old_repeats(text):
        count += 1
        dtg = OLD_DTG.search(match["rest"])
        kept = match["rest"][dtg.end():].strip() if dtg else ""
        out.append(text[pos:match.start()])
        out.append("\n" + kept + "\n" if kept else "\n")
        pos = match.end()
    out.append(text[pos:])
    return "".join(out), count


def _old_repeats(text: str) -> Iterator[re.Match[str]]:
    """OLD_REPEAT.finditer(text), with the regex run only from the line before each PAGE line
    (and the blank or classification lines above it): over the whole text it tries every position."""
    pos = 0
    for page in OLD_PAGE_LINE.finditer(text):
        if page.start() < pos:
            continue  # its line break belongs to the repeat before: it cannot start one
        top = page.start()
        while (above := text.rfind("\n", 0, top)) >= 0 and FOOT_LINE.fullmatch(text, above + 1, top):
            top = above
        # a repeat starts at one of these line breaks, or in the line ending at the topmost one
        match = OLD_REPEAT.search(text, max(pos, text.rfind("\n", 0, top) + 1))
        if match is None:
            return
        yield match
        pos = match.end()
