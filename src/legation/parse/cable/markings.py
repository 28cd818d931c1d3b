"""Security markings: the classification line, handling caveats, E.O./DECL, Classified By,
the office line (`DEPARTMENT FOR …`) and `SECTION n OF m`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ...data import load_table
from ...record import Declassify, Sections
from ..locate import LinePattern, WordPattern

# What Markdown conversion and page furniture leave before a header field: blanks, list
# bullets, quote marks, heading hashes, bold stars, pilcrows, line separators.
LINE_PREFIX = r"(?:[ \t\"\u00a0\u2028\u00b6*]|[-+>#]{1,6}[ \t])*"
# Every character LINE_PREFIX may take, as one class.
LINE_PREFIX_CHARS = r"[ \t\"\u00a0\u2028\u00b6*+>#-]"


def field_line(first: str, field: str) -> str:
    """A line-start pattern: LINE_PREFIX, then `field`, which opens with one of the letters `first`.

    A lookahead for that letter after a run of LINE_PREFIX_CHARS fails most lines at once: the
    repeated alternatives of LINE_PREFIX are slow to try on every line. (It only ever fails where
    LINE_PREFIX and `field` would fail too.)
    """
    return f"^(?={LINE_PREFIX_CHARS}*[{first}])" + LINE_PREFIX + field

# --- the classification line -------------------------------------------------------------
# Each classification as it is printed (classifications.tsv): plain, letter-spaced
# ("S E C R E T"), case-mangled ("C o n f i d e n t i a l"); spaced forms match letter by letter.
_CLASS_TAIL = (
    r"(?![A-Za-z])"
    r"(?P<mid>(?:[ \t]{1,20}(?:E[ ]?F[ ]?T[ ]?O|SENSITIVE|NOFORN|EXDIS|NODIS|LIMDIS|SIPDIS)(?![A-Za-z]))*)[ \t]{1,20}"
    r"(?:(?:SECTION|SECTON|SCTION)?[ \t]{0,3}(?P<sec>[0-9O]{1,2})[ \t]{1,3}[OG]F[ \t]{1,3}(?P<of>[0-9O]{1,2})[ \t]{0,20})?"
    r"(?P<station>[A-Za-z][A-Za-z .'-]{0,40}?)[ \t]{1,20}(?P<serial>[0-9O]{2,8})(?![0-9])"
)


def _spaced(word: str) -> str:
    """Letters with up to two spaces between them; a doubled first letter ("SS E C R E T",
    "C C O N F I D E N T I A L") is a typist's slip seen on real class lines."""
    letters = word.replace(" ", "")
    return f"(?:{re.escape(letters[0])} ?)?" + r"\s{0,2}".join(re.escape(ch) for ch in letters)


@cache
def classification_names() -> dict[str, str]:
    """Printed classification (spaces removed, upper case) → contract classification."""
    return {row["printed"].replace(" ", ""): row["classification"] for row in load_table("classifications.tsv")}


# A letter-spaced class word that lost its first letter is still read when this long.
MIN_CLIPPED_CLASS_LEN = 5


@cache
def _class_alternatives() -> str:
    printed = sorted(classification_names(), key=len, reverse=True)
    # letter-spaced words that lost their first letter ("E C R E T"): single spaces only
    clipped = [form for w in printed if " " not in w and len(w) > MIN_CLIPPED_CLASS_LEN
               for form in (" ".join(w[1:]), w[1:])]
    return "|".join([*(_spaced(w) for w in printed), *(re.escape(c) for c in clipped)])


@cache
def class_word() -> re.Pattern[str]:
    """A classification word anywhere."""
    return re.compile("(" + _class_alternatives() + r")(?![A-Za-z])", re.I)


@cache
def class_line() -> re.Pattern[str]:
    """The class line: classification, caveats or "E F T O", SECTION n OF m, station, serial."""
    # starts: a line start, or glued after a date (`…12:40:00S E C R E T`, `…:00]C O N F…`), a
    # CSV quote (`DC"C O N F…`) or a field tab; after a run of quotes or tabs only once, so such
    # runs stay linear
    return re.compile(r"(?:^|(?<=[\].0-9])|(?<=[^\s]\t)|(?<=[^\"]\"))" + LINE_PREFIX + "(?P<cls>" + _class_alternatives() + ")" + _CLASS_TAIL,
                      re.M | re.I)


# Words that may stand between the classification and the station on the class line.
CLASS_LINE_CAVEATS = re.compile(r"\b(E\s?F\s?T\s?O|SENSITIVE|NOFORN|EXDIS|NODIS|LIMDIS|SIPDIS)\b", re.I)

# --- caveats -------------------------------------------------------------------------------
# Characters that OCR and conversion confuse, folded to one letter before comparing a damaged
# caveat ("STPDTS") with the table ("SIPDIS").
_CONFUSABLE = str.maketrans({"T": "I", "1": "I", "L": "I", "!": "I", "|": "I", "0": "O", "D": "O",
                             "Q": "O", "5": "S", "8": "B"})
# A damaged caveat must be this long before a confusable match is trusted (short codes like
# "US" or "BU" are ordinary words).
MIN_FUZZY_CAVEAT_LEN = 5

# --- E.O., DECL, Classified By, offices -----------------------------------------------------
EO_LINE = LinePattern(
    field_line("E", r"E\.?\s?O\.?[ \t]*(?P<order>1[0-9O]{4})[ \t]*[:;.]?[ \t]*(?P<rest>.*)$"), re.M | re.I)
DECL_DATE = re.compile(r"(?P<a>\d{1,4})[/.-](?P<b>\d{1,2})[/.-](?P<c>\d{2,4})")
NOT_APPLICABLE = re.compile(r"\bN\s?/\s?A\b", re.I)
CLASSIFIED_BY = LinePattern(
    field_line("C", r"(?:CLASSIFIED[ \t]+BY[ \t]*[:.]?[ \t]*\**[ \t]*)+(?P<by>.+)$"), re.M | re.I)
# Where the classifier's name stops and the reasons begin.
REASON_START = re.compile(
    r"[,;:.]?\s*(?:\bfor\s+|\bper\s+|\b)(?:reas|E\.?O\.?\s*1[0-9]{4}|1\.[45]\b)", re.I)
REASON = re.compile(r"1\.[45]\s*\(?\s*([A-H])\s*\)?|(?<=[,(/ ])\(?([A-H])\)?(?=[ ,)/.]|$)", re.I)
REASON_BLOCK = re.compile(r"1\.[45].{0,40}", re.I)
OFFICE_LINE = LinePattern(
    field_line("DS", r"(?:DEPARTMENT|DEPT|STATE|SECSTATE)[ \t]+(?:FOR|PASS(?:[ \t]+TO)?)[ \t]+(?P<offices>.+)$"),
    re.M | re.I)
OFFICE_SPLIT = re.compile(r"\s*[,;]\s*|\s+AND\s+")
OFFICE_PAREN = re.compile(r"(?<=\S)\(")
LEADING_AND = re.compile(r"^AND\s+", re.I)


@dataclass
class Markings:
    classification: str | None = None
    class_start: int | None = None
    class_end: int | None = None
    station: str | None = None
    serial: str | None = None
    sections: Sections | None = None
    caveats: list[str] = field(default_factory=list)
    declassify: Declassify | None = None
    classified_by: str | None = None
    offices: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@cache
def caveat_codes() -> dict[str, str]:
    """Printed form (upper case, spaces removed) → canonical caveat code."""
    out: dict[str, str] = {}
    for row in load_table("caveats.tsv"):
        out[row["printed"].replace(" ", "")] = row["code"]
    return out


@cache
def _fuzzy_caveats() -> dict[str, str]:
    return {printed.translate(_CONFUSABLE): code for printed, code in caveat_codes().items()
            if len(printed) >= MIN_FUZZY_CAVEAT_LEN}


@lru_cache(maxsize=4096)
def caveat_code(token: str) -> tuple[str | None, bool]:
    """(code, repaired) for one printed caveat word, or (None, False)."""
    key = token.upper().replace(" ", "")
    code = caveat_codes().get(key)
    if code:
        return code, False
    if len(key) >= MIN_FUZZY_CAVEAT_LEN:
        code = _fuzzy_caveats().get(key.translate(_CONFUSABLE))
        if code:
            return code, True
    return None, False


def classification_name(printed: str) -> str | None:
    """The classification a printed class word stands for, slips included: a doubled first
    letter ("SS E C R E T") or a lost one ("O N F I D E N T I A L")."""
    names = classification_names()
    key = "".join(printed.split()).upper()
    if key in names:
        return names[key]
    if len(key) > 1 and key[0] == key[1] and key[1:] in names:
        return names[key[1:]]
    for word, name in names.items():
        if len(key) >= MIN_CLIPPED_CLASS_LEN and len(word) == len(key) + 1 and word.endswith(key):
            return name
    return None


def find_class_line(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    end = len(text) if end is None else end
    for match in class_line().finditer(text, start, end):
        station = match.group("station").strip()
        if station.upper() in ("OF", "SECTION", "TAGS", "E", "SUBJECT") or len(station) < 2:
            continue
        return match
    return None


def parse_markings(text: str, start: int, limit: int) -> Markings:
    """Markings in text[start:limit] (the part between the routing header and the body)."""
    out = Markings()
    match = find_class_line(text, start, limit)
    if match:
        out.classification = classification_name(match.group("cls"))
        out.class_start, out.class_end = match.start("cls"), match.end()
        out.station = " ".join(match.group("station").split()).upper()
        out.serial = match.group("serial").upper().replace("O", "0")
        if match.group("sec"):
            try:
                out.sections = Sections(int(match.group("sec").upper().replace("O", "0")),
                                        int(match.group("of").upper().replace("O", "0")))
            except ValueError:
                out.sections = None
        mid = match.group("mid") or ""
        for word in CLASS_LINE_CAVEATS.findall(mid):
            _add_caveat(out, word)
        caveat_from = match.end()
    else:
        cls = class_word().search(text, start, limit)
        caveat_from = start
        if cls and _alone_on_line(text, cls.start(), cls.end()):
            out.classification = classification_name(cls.group(1))
            out.class_start, out.class_end = cls.start(), cls.end()
            caveat_from = cls.end()
    if out.classification is None:
        out.classification = _classification_fallback(text, start, limit, out.warnings)
    _scan_caveat_lines(text, caveat_from, limit, out)
    _parse_eo(text, start, limit, out)
    by = CLASSIFIED_BY.search(text, start, limit)
    if by:
        _parse_classified_by(by.group("by"), out)
    office = OFFICE_LINE.search(text, caveat_from, limit)
    if office:
        out.offices = _offices(text, office)
    return out


# WikiLeaks' metadata block at the top of some bodies ("CLASSIFICATION: SECRET").
METADATA_CLASSIFICATION = LinePattern(r"^CLASSIFICATION:[ \t]*([A-Z ]+?)[ \t]*(?://|$)", words=("CLASSIFICATION:",))
# Paragraph markings, highest first, and the classification each implies.
PARAGRAPH_MARKING = re.compile(r"\((TS|S|C|SBU|U)(?:\s*/\s*[A-Z]+)?\)")
MARKING_CLASSES = (("TS", "TOP SECRET"), ("S", "SECRET"), ("C", "CONFIDENTIAL"),
                   ("SBU", "UNCLASSIFIED"), ("U", "UNCLASSIFIED"))


def _classification_fallback(text: str, start: int, limit: int, warnings: list[str]) -> str | None:
    """No class line: 1. a metadata line, 2. the highest paragraph marking near the top."""
    meta = METADATA_CLASSIFICATION.search(text, start, limit)
    if meta and meta.group(1) in classification_names().values():
        warnings.append("classification from a metadata line, not a class line")
        return meta.group(1)
    found = {m.group(1) for m in PARAGRAPH_MARKING.finditer(text, start, limit)}
    for marking, name in MARKING_CLASSES:
        if marking in found:
            warnings.append(f"no class line; classification {name} inferred from paragraph markings")
            return name
    return None


def _alone_on_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    rest = (text[line_start:start] + text[end:line_end]).strip(" \t\"\\")
    return not rest or bool(re.fullmatch(r"[A-Z0-9 /]{0,40}", rest))


def _add_caveat(out: Markings, word: str, line: str | None = None) -> bool:
    code, repaired = caveat_code(word)
    if code is None:
        return False
    if code not in out.caveats:
        out.caveats.append(code)
    note = f"caveat {word!r} read as {code} (damaged text)"
    if repaired and note not in out.warnings:
        out.warnings.append(note)
    return True


# Caveat lines stop at the first line of this kind: the header's caveat block is over.
_CAVEAT_BLOCK_END = re.compile(r"^[ \t]*(?:TAGS|SUBJ|E\.?\s?O\.?\s*1|REF|CLASSIFIED BY|[¶1-9]\.?\s)", re.I)


def _scan_caveat_lines(text: str, start: int, limit: int, out: Markings) -> None:
    """Caveats on the lines after the class line: whole caveat lines, and caveat words that open
    or close a line of other text ("NOFORN SIPDIS DEPT FOR NEA/MAG", "… POLAD SENSITIVE SIPDIS")."""
    pos = start
    first = True
    while pos < limit:
        nl = text.find("\n", pos)
        end = limit if nl < 0 or nl > limit else nl
        line = text[pos:end].strip(" \t\"\\")
        pos = end + 1
        if first:
            _glued_caveats(line, out)
            first = False
        if not line:
            continue
        words = WORD_SPLIT.split(line)
        _add_run(out, words)
        _add_run(out, words[::-1])
        if _CAVEAT_BLOCK_END.match(line):
            break


WORD_SPLIT = re.compile(r"[\s,;]+")


def _add_run(out: Markings, words: list[str]) -> None:
    for word in words:
        if not word or caveat_code(word)[0] is None:
            return
        _add_caveat(out, word)


@cache
def _caveats_longest_first() -> tuple[str, ...]:
    return tuple(sorted(caveat_codes(), key=len, reverse=True))


def _glued_caveats(rest: str, out: Markings) -> None:
    """Caveats glued to the class line's serial by a lost line break ("000732SENSITIVE SIPDISNEA")."""
    printed = _caveats_longest_first()
    rest = rest.upper()
    while rest:
        rest = rest.lstrip(" \t")
        for word in printed:
            if rest.startswith(word):
                _add_caveat(out, word)
                rest = rest[len(word):]
                break
        else:
            return


# Caveats folded into a classification as WikiLeaks prints it ("SECRET//NOFORN"), in the text
# or in a metadata tail ("classification: CONFIDENTIAL//NOFORN").
FOLDED_CAVEAT = WordPattern(r"(?:SECRET|CONFIDENTIAL|UNCLASSIFIED)\s*//\s*(NOFORN|FOR OFFICIAL USE ONLY)",
                            ("SECRET", "CONFIDENTIAL", "UNCLASSIFIED"))


def _parse_eo(text: str, start: int, limit: int, out: Markings) -> None:
    eo = EO_LINE.search(text, start, limit)
    if not eo:
        return
    order = eo.group("order").upper().replace("O", "0")
    rest = eo.group("rest")
    decl = Declassify(order=order)
    if not NOT_APPLICABLE.search(rest[:12]):
        found = DECL_DATE.search(rest)
        if found:
            decl.date = _decl_iso(found)
            if decl.date is None:
                out.warnings.append(f"declassification date {found.group(0)!r} is not a date")
    decl.reasons = _reasons(rest)
    out.declassify = decl


def _decl_iso(found: re.Match[str]) -> str | None:
    a, b, c = found.group("a"), found.group("b"), found.group("c")
    if len(a) == 4:
        year, month, day = int(a), int(b), int(c)
    else:
        month, day, year = int(a), int(b), int(c)
        if year < 100:
            year += 2000
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1950 <= year <= 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _reasons(raw: str) -> list[str]:
    block = REASON_BLOCK.search(raw)
    if not block:
        return []
    text = block.group(0)
    prefix = text[:3]
    out: list[str] = []
    for a, b in REASON.findall(text):
        letter = (a or b).lower()
        reason = f"{prefix}({letter})"
        if reason not in out:
            out.append(reason)
    return out


def _parse_classified_by(raw: str, out: Markings) -> None:
    raw = " ".join(raw.split())
    cut = REASON_START.search(raw)
    who = raw[:cut.start()] if cut else raw
    out.classified_by = who.strip(" .,:;") or None
    reasons = _reasons(raw[cut.start():] if cut else "")
    if reasons:
        if out.declassify is None:
            out.declassify = Declassify()
        for r in reasons:
            if r not in out.declassify.reasons:
                out.declassify.reasons.append(r)


def _offices(text: str, match: re.Match[str]) -> list[str]:
    raw = match.group("offices")
    pos = match.end() + 1
    # continuation lines until a blank line
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        line = text[pos:end].strip(" \t\\")
        if not line or _CAVEAT_BLOCK_END.match(line) or caveat_code(line.split()[0])[0]:
            break
        raw += " " + line
        pos = end + 1
    raw = " ".join(raw.split())
    offices = []
    for part in OFFICE_SPLIT.split(raw):
        part = OFFICE_PAREN.sub(" (", LEADING_AND.sub("", part.strip(" .,;")))
        if part:
            offices.append(part)
    return offices
