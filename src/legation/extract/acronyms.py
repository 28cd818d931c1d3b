"""Acronyms: definitions in the text and the glossary of diplomatic and domain shorthand.

Definitions come in three shapes: `Long Form (LF)`, `Long Form, or LF` and `LF (Long Form)`. The long
form is found with the Schwartz-Hearst rule (the short form's letters, in order, in the words before
it, the first at a word start), widened to a name found just before it ("Sea Launch Technology
Safeguards Agreement (TSA)"), or, for foreign-language acronyms such as DVBR, that name alone.
A quoted short name, `(the "Civil Space Agreement," Ref A)`, is kept as a local alias.

Every later use of a defined short form becomes a mention of its long form's entity; so does every
use of a glossary acronym that names an organisation or agreement (GOR → Government of Russia).
Ambiguous glossary rows (GOI: India, Iran, Iraq, Israel, Indonesia) are chosen by the document:
its kind (`cable`, `article`) or the country it names most often.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ..data import load_table
from ..record import Acronym, Document, Mention
from .keywords import padded_key, scan

SHORT = r"[A-Z][A-Za-z0-9&/\-]{1,11}"
LONG_SHORT = re.compile(rf"\(\s*({SHORT})\s*\)")
LONG_OR_SHORT = re.compile(rf",\s+or\s+(?:the\s+)?({SHORT})\b")
PAREN_LONG = re.compile(r"\(([A-Z][A-Za-z'\-]+(?:[ \-][A-Za-z'\-]+){1,12})\)")
SHORT_BEFORE = re.compile(rf"\b({SHORT})\s+$")
QUOTED_ALIAS = re.compile(r"\(\s*the\s+[\"“]([A-Z][^\"”]{2,60}?)[,.]?[\"”]")
# Everything up to the last sentence stop of a window (greedy, so the match ends just after it).
UP_TO_LAST_STOP = re.compile(r".*[.;:!?()\[\]\n]", re.S)
# A short form needs two capitals ("TSA", "GoR"); "(U)" and "(Ref A)" are not acronyms.
MIN_CAPITALS = 2
# Paragraph markings in brackets are classification, not definitions.
MARKINGS = frozenset({"SBU", "C", "S", "U", "TS", "NF", "C/NF", "S/NF", "S/REL", "LOU", "FOUO"})
SHAPE_LABELS = (
    (re.compile(r"(?:Agreement|Treaty|Regime|Convention|Accords?|Protocol|Arrangement|Act)$", re.I), "AGREEMENT"),
    (re.compile(r"^(?:Ministry|Department|Government|Agency|Committee|Council|Bureau|Office|Commission|"
                r"Organi[sz]ation)\b|(?:Agency|Organi[sz]ation|Ministry|Council|Committee|Commission|Union"
                r"|Company|Corporation)$", re.I), "ORG"),
)
ROUTING_LINE = re.compile(r"(?:[A-Z]{1,2} (?:RUE|RHE|RUC|RHM|RUF)|VZCZC|DE RUE|ZN[RY] )")
# Routing-header words that look like glossary acronyms when they open a line ("FM AMEMBASSY MOSCOW").
HEADER_WORDS = frozenset({"FM", "TO", "INFO", "DE", "ZNR", "ZNY"})
ENTITY_LABELS = frozenset({"ORG", "AGREEMENT", "FACILITY", "VEHICLE", "GPE", "LOC", "EVENT"})
NO_COUNTRIES: Counter = Counter()  # read only: the country counts of a document that needs none


@cache
def glossary() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Short form → its rows (long, label, context), in table order."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for row in load_table("glossary.tsv"):
        out.setdefault(row["short"], []).append((row["long"], row["label"], row["context"]))
    return {k: tuple(v) for k, v in out.items()}


def glossary_keys() -> dict[str, tuple[str, ...]]:
    """Padded folded key → the glossary short forms that fold to it."""
    keyed: dict[str, list[str]] = {}
    for short in glossary():
        keyed.setdefault(padded_key(short), []).append(short)
    return {key: tuple(shorts) for key, shorts in keyed.items()}


def glossary_hits(text: str) -> list[tuple[int, str]]:
    """(start, short) for each glossary acronym written as in the glossary, at word boundaries."""
    out = []
    for start, size, shorts in scan(text).glossary:
        surface = text[start:start + size]
        if surface in shorts:
            out.append((start, surface))
    return out


def _capitals(short: str) -> int:
    return sum(map(str.isupper, short))


def schwartz_hearst(short: str, candidate: str) -> str | None:
    """The shortest end of `candidate` that spells `short` (Schwartz & Hearst 2003), or None."""
    s, text = short.lower(), candidate.lower()
    si, li = len(s) - 1, len(text) - 1
    while si >= 0:
        c = s[si]
        if not c.isalnum():
            si -= 1
            continue
        li = text.rfind(c, 0, li + 1)
        if si == 0:  # the first letter starts a word
            while li > 0 and text[li - 1].isalnum():
                li = text.rfind(c, 0, li)
        if li < 0:
            return None
        li -= 1
        si -= 1
    start = text.rfind(" ", 0, li + 1) + 1
    long = candidate[start:].strip()
    return long if len(long) > len(short) and " " in long or "-" in long else None


def _before(text: str, end: int, words: int) -> tuple[int, str]:
    window = text[max(0, end - 300):end]
    stop = UP_TO_LAST_STOP.match(window)
    if stop is not None:
        window = window[stop.end():]
    parts = window.split()
    kept = " ".join(parts[-words:]) if parts else ""
    start = end - len(window) + window.rfind(kept) if kept else end
    return start, kept


def _entities_ending(entities: list[Mention], end: int) -> list[Mention]:
    """Named mentions ending at `end`, longest first."""
    found = [m for m in entities if m.end == end and m.label in ENTITY_LABELS]
    return sorted(found, key=lambda m: m.start)


def _entity_ending(entities: list[Mention], end: int) -> Mention | None:
    found = _entities_ending(entities, end)
    return found[0] if found else None


def _initial_fits(short: str, long: str) -> bool:
    words = [w for w in long.split() if w.lower() != "the"]
    return bool(words) and words[0][0].lower() == short[0].lower()


def find_definitions(text: str, entities: list[Mention]) -> list[tuple[str, str, int, int]]:
    """(short, long, long_start, long_end) for each definition in the text."""
    out = []
    for pattern in (LONG_SHORT, LONG_OR_SHORT):
        for match in pattern.finditer(text):
            short = match.group(1)
            if _capitals(short) < MIN_CAPITALS or short in MARKINGS:
                continue
            end = match.start()
            while end and text[end - 1] == " ":
                end -= 1
            start, candidate = _before(text, end, min(len(short) + 5, 2 * len(short)))
            long = schwartz_hearst(short, candidate) if candidate else None
            ending = _entities_ending(entities, end)
            if long:
                # Widen to the name the long form ends ("Sea Launch" + "Technology Safeguards Agreement").
                wider = [m for m in ending if m.text.lower().endswith(long.lower())]
                if wider:
                    out.append((short, wider[0].text, wider[0].start, wider[0].end))
                else:
                    out.append((short, long, end - len(long), end))
                continue
            fitting = [m for m in ending if _initial_fits(short, m.text)]
            if fitting:
                out.append((short, fitting[0].text, fitting[0].start, fitting[0].end))
    for match in PAREN_LONG.finditer(text):
        before = SHORT_BEFORE.search(text, max(0, match.start() - 16), match.start())
        if before is None:
            continue
        short, long = before.group(1), match.group(1)
        if _capitals(short) >= MIN_CAPITALS and schwartz_hearst(short, long) is not None:
            out.append((short, long, match.start(1), match.end(1)))
    return out


def _label_of(long: str, start: int, end: int, entities: list[Mention]) -> Mention | None:
    for m in entities:
        if m.start == start and m.end == end and m.label in ENTITY_LABELS:
            return m
    for pattern, label in SHAPE_LABELS:
        if pattern.search(long):
            return Mention(long, label, start, end)
    return None


def choose(rows: tuple[tuple[str, str, str], ...], doc: Document, countries: Counter) -> tuple[str, str, str]:
    """The glossary row that fits the document: by kind, then by the country it names most."""
    if len(rows) == 1:
        return rows[0]
    by_kind = [r for r in rows if r[2] == doc.kind]
    if by_kind:
        return by_kind[0]
    scored = [(countries.get(r[2], 0), -i, r) for i, r in enumerate(rows) if r[2] not in ("cable", "article")]
    best = max(scored, default=None)
    if best is not None and best[0] > 0:
        return best[2]
    unconditioned = [r for r in rows if not r[2]]
    return unconditioned[0] if unconditioned else rows[0]


def _is_use(text: str, at: int, size: int) -> bool:
    """Whether the `size` characters at `at` stand as a whole word (not inside a longer word or an
    office code, nor on a cable's routing lines, where "PP" is a precedence and "DE" a station prefix)."""
    before = text[at - 1] if at else " "
    after = text[at + size] if at + size < len(text) else " "
    return not (before.isalnum() or before in "/_") and not (after.isalnum() or after in "/_") \
        and ROUTING_LINE.match(text, text.rfind("\n", 0, at) + 1) is None


def _occurrences(text: str, short: str) -> list[int]:
    """Starts of `short` used as a whole word (`_is_use`)."""
    out = []
    at = text.find(short)
    while at >= 0:
        if _is_use(text, at, len(short)):
            out.append(at)
        at = text.find(short, at + 1)
    return out


def extract_acronyms(doc: Document) -> Document:
    text = doc.text
    entities = doc.entities
    taken = {(m.start, m.end): m for m in entities}
    defined: dict[str, tuple[str, Mention | None]] = {}
    for short, long, start, end in find_definitions(text, entities):
        if short not in defined:
            defined[short] = (long, _label_of(long, start, end, entities))
    for match in QUOTED_ALIAS.finditer(text):
        entity = _entity_ending(entities, text.rfind("(", 0, match.start() + 1) - 1)
        if entity is None:
            entity = _entity_ending(entities, match.start() - 1) or _entity_ending(entities, match.start())
        if entity is not None:
            defined.setdefault(match.group(1), (entity.text, entity))

    acronyms: dict[str, str] = {short: long for short, (long, _) in defined.items() if _capitals(short) >= MIN_CAPITALS
                                and " " not in short}
    table = glossary()
    countries: Counter | None = None  # GPE names by mentions, counted when an ambiguous row needs them
    found_glossary: dict[str, tuple[str, str, str]] = {}
    # Starts of each glossary short form at word boundaries: its whole-word uses are among them.
    glossary_starts: dict[str, list[int]] = {}
    for start, short in glossary_hits(text):
        glossary_starts.setdefault(short, []).append(start)
        if short in HEADER_WORDS and (start == 0 or text[start - 1] == "\n"):
            continue
        if short not in acronyms and short not in found_glossary:
            rows = table[short]
            if countries is None and len(rows) > 1:
                countries = Counter(m.name for m in entities if m.label == "GPE" and m.name)
            found_glossary[short] = choose(rows, doc, countries or NO_COUNTRIES)
    for short, (long, _label, _context) in found_glossary.items():
        acronyms[short] = long
    known = {a.short for a in doc.acronyms}
    doc.acronyms.extend(Acronym(s, long) for s, long in acronyms.items() if s not in known)

    replaced: set[tuple[int, int]] = set()
    added = []
    for short, (long, entity) in defined.items():
        if entity is None:
            continue
        for start in _occurrences(text, short):
            span = (start, start + len(short))
            if entity.start <= start < entity.end:
                continue
            replaced.add(span)
            added.append(Mention(short, entity.label, span[0], span[1], entity.id, entity.name or long))
    for short, (long, label, _context) in found_glossary.items():
        if not label:
            continue
        for start in glossary_starts[short]:
            if not _is_use(text, start, len(short)):
                continue
            span = (start, start + len(short))
            if span in replaced or (span in taken and taken[span].name == long):
                continue
            if span in taken:  # a homonym the gazetteer resolved to its first row (GOI → India)
                replaced.add(span)
            added.append(Mention(short, label, span[0], span[1], None, long))
    if replaced:
        doc.entities = [m for m in entities if (m.start, m.end) not in replaced]
    doc.entities.extend(added)
    return doc
