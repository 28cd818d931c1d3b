"""The REF list of a cable: lettered references to other cables (or e-mails, letters, meetings).

`REF: A. STATE 87399  B. 07 MOSCOW 1234` gives `07STATE87399` (the citing cable's year, the PlusD
convention for a reference printed without one) and `07MOSCOW1234`. A reference that is not a
cable (`A. EMAIL 3/2/2007`, `B. MYRIAD POST-DEPARTMENT E-MAILS`) keeps its text with id null.

Canonical id: two-digit year + station without spaces + serial without leading zeros. The year is
the one printed (`07` or `2007`); when none is printed it is the citing cable's year when the
caller knows it, else the id stays null (never guessed).
"""

from __future__ import annotations

import re
from itertools import chain

from ...record import Reference
from ..locate import LinePattern

# The label opening the list. OCR may double a letter (`REFF:`).
REF_LABEL = LinePattern(r"^[ \t]*(?:REFERENCES?|REFTELS?|REFS?|REFF|Refs?|Reftels?)\b(?:[ \t]*[:.])?[ \t]*")
# A label right where the subject stopped, on the subject's own line.
INLINE_REF_LABEL = re.compile(r"[ \t]+(?:REFS?|REFTELS?|Refs?)[ \t]*:[ \t]*")
# What ends the list: a blank line followed by something that is not a further reference, or a
# line that opens another header field or the first paragraph.
REF_END = LinePattern(
    r"^[ \t]*(?:Classified|CLASSIFIED|\(U\) ?Classified|\(U\) ?CLASSIFIED|E\.? ?O\.?|TAGS|SUBJECT|SUMMARY|"
    r"Summary|¶[ \t]*\d|\d{1,2}\s*\.\s*(?:\(|[A-Z])|[A-Z]{2,}(?: [A-Z]+)*:?[ \t]*\n-{3,})")
BLANK_LINE = re.compile(r"\n[ \t]*\n")
# How far past a blank line the next reference letter may stand (after indentation).
LETTER_LOOKAHEAD = 40
# A reference letter: `A.`, `B)`, `(C)`, `¶D.` at the start of an item.
LETTER = re.compile(r"(?:^|(?<=[\s;,\d]))¶?[ \t]*(?:\((?P<p>[A-Z])\)|(?P<l>[A-Z])[.)])(?=\s*\S)", re.M)
# A cable reference inside an item: optional year, station (one to three words), serial.
CABLE_REF = re.compile(
    r"(?<![\w/-])(?:(?P<year>(?:19|20)\d\d|\d\d)[ \t]+)?"
    r"(?P<station>[A-Za-z][A-Za-z.']*(?:[ \t][A-Za-z][A-Za-z.']*){0,2})[ \t]+(?P<serial>0{0,2}\d{1,6})(?![\w/:-]|\.\d)")
# The same, printed as one token (`09CAIRO0561`, `BOGOTA2629`).
JOINED_REF = re.compile(r"(?<![\w/-])(?P<year>\d\d)?(?P<station>[A-Z]{3,})(?P<serial>\d{2,6})(?![\w/-])")
# `Classified By` run into the REF list ends it.
INLINE_CLASSIFIED = re.compile(r"(?:Classified|CLASSIFIED)[ \t]+(?:By|BY|by)\b")
# The first paragraph run into the REF line (`REF: 09 STATE 124006 1.  In response to reftel`).
INLINE_PARAGRAPH = re.compile(r"(?<=\s)\d{1,2}\.[ \t]+(?:\([A-Z/]{1,6}\)|[A-Z][a-z]+ )")
# Words that name something other than a sending post: the number after them is not a serial.
NOT_STATIONS = frozenset("""
EMAIL E-MAIL EMAILS FAX LETTER MEMO MEMCON TELCON DIPNOTE NOTE NOTES PARA PARAS PARAGRAPH TEL
TELEGRAM CABLE CABLES AND OF ON IN FROM DATED NO NUMBER NR PAGE SECTION TO FOR BY AT OR
JAN FEB MAR APR MAY JUN JUL AUG SEP SEPT OCT NOV DEC JANUARY FEBRUARY MARCH APRIL JUNE JULY AUGUST
SEPTEMBER OCTOBER NOVEMBER DECEMBER RESOLUTION UNSCR ARTICLE CHAPTER LAW DECREE
""".split())
# Station spellings as printed in references, with the form used in cable ids.
STATION_ALIASES = {"SECSTATE": "STATE", "SECSTATEWASHDC": "STATE"}


def parse_references(text: str, start: int = 0, end: int | None = None,
                     year: int | None = None) -> tuple[list[Reference], int | None, int | None]:
    """References of the first REF list in text[start:end]: (references, list start, list end)."""
    end = len(text) if end is None else end
    label = INLINE_REF_LABEL.match(text, start, end) or REF_LABEL.search(text, start, end)
    if not label:
        return [], None, None
    block_end = _block_end(text, label.end(), end)
    refs = split_references(text[label.end():block_end], year)
    return refs, label.start(), block_end


def _block_end(text: str, pos: int, end: int) -> int:
    """Where the REF list stops: another field, a paragraph, or a blank line not followed by the
    next reference letter."""
    stop = REF_END.search(text, pos, end)
    limit = stop.start() if stop else end
    for pattern in (INLINE_CLASSIFIED, INLINE_PARAGRAPH):
        inline = pattern.search(text, pos, limit)
        limit = inline.start() if inline else limit
    last = None                 # the last reference letter before the blank line being looked at
    scanned = pos
    for blank in BLANK_LINE.finditer(text, pos, limit):
        for letter in LETTER.finditer(text, scanned, blank.start()):
            last = letter["p"] or letter["l"]
        scanned = blank.end()
        nxt = LETTER.match(text[blank.end():min(limit, blank.end() + LETTER_LOOKAHEAD)].lstrip(" \t\n"))
        if not nxt or last is None or (nxt["p"] or nxt["l"]) != _next_letter(last):
            return blank.start()
    return limit


def _next_letter(letter: str) -> str:
    return chr(ord(letter) + 1)


def split_references(block: str, year: int | None = None) -> list[Reference]:
    """The references of a REF list's text, lettered or separated by semicolons."""
    block = block.strip()
    if not block:
        return []
    letters = _sequential([m for m in LETTER.finditer(block) if _starts_item(block, m)])
    items: list[tuple[str | None, str]] = []
    if letters and letters[0].start() <= 2:
        for here, nxt in zip(letters, [*letters[1:], None], strict=False):
            piece = block[here.end():nxt.start() if nxt else len(block)]
            items.append((here["p"] or here["l"], piece))
    else:
        items = [(None, piece) for piece in re.split(r";", block)]
    refs = []
    for letter, piece in items:
        piece = " ".join(piece.split()).strip(" ,;")
        if letter:
            # `A. A) EMBASSY PARIS DAILY …`: the letter printed twice
            piece = re.sub(rf"^\(?{letter}[.)][ \t]*", "", piece)
        if piece:
            refs.append(Reference(text=piece, letter=letter, id=reference_id(piece, year)))
    return refs


def _sequential(letters: list[re.Match[str]]) -> list[re.Match[str]]:
    """Reference letters run A, B, C …; a letter out of turn is text (`(U)`, a repeated `A)`)."""
    kept: list[re.Match[str]] = []
    for match in letters:
        letter = match["p"] or match["l"]
        if (not kept and letter == "A") or (kept and letter == _next_letter(kept[-1]["p"] or kept[-1]["l"])):
            kept.append(match)
    return kept


def _starts_item(block: str, match: re.Match[str]) -> bool:
    """A letter opens an item at the start, or after the previous item's serial or text."""
    if match.start() <= 2:
        return True
    before = block[:match.start()].rstrip()
    return bool(before) and (before[-1].isdigit() or before[-1] in ",;)" or block[match.start() - 1] == "\n"
                             or before[-1].isalpha())


def reference_id(piece: str, year: int | None = None) -> str | None:
    """Canonical id of the cable a reference names (`07STATE87399`), or None for other references."""
    for match in chain(CABLE_REF.finditer(piece), JOINED_REF.finditer(piece)):  # lazily: the first id wins
        words = match["station"].upper().replace(".", "").split()
        while words and words[0] in NOT_STATIONS:
            words.pop(0)
        if not words or any(w in NOT_STATIONS for w in words) or not all(w.isalpha() for w in words):
            continue
        station = STATION_ALIASES.get("".join(words), "".join(words))
        if len(station) < 3:
            continue
        printed = match["year"]
        if printed:
            yy = printed[-2:]
        elif year is not None:
            yy = f"{year % 100:02d}"
        else:
            return None
        return f"{yy}{station}{int(match['serial'])}"
    return None
