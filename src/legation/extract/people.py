"""People found by the words around them, without a model.

- a title before a name: `President Vladimir Putin`, `Deputy Director Andrey Kruitskikh`,
  `space agency chief Talgat Musabayev`, `AMBASSADOR BURNS`;
- an apposition: `Andrey Kruitskikh, Deputy Director of …`, `John Kerry, the Secretary of State`;
- a cable's office line: `OES/SAT(HODGKINS)`, `SCA (GALLAGHER, SUMAR)`;
- a cable's signer: the name alone on the last line (`RUSSELL`);
- a known given name before a capitalised word: `Talgat Musabayev`, `Najib Razak`, `JOHN KERRY`
  (given names from data/gazetteer/given_names*.tsv).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..record import Document, Mention
from .casing import CaseMap, case_map
from .gazetteer import aliases, entries
from .triggers import LOWER_TITLE_WORDS, find_triggers
from .words import COMMON_WORDS, MONTHS, WEEKDAYS

TITLES = r"""Prime Minister|Deputy Prime Minister|First Deputy Prime Minister|Foreign Minister|Deputy Foreign Minister
|Defense Minister|Defence Minister|Interior Minister|Finance Minister|Deputy Minister|Minister|President|Vice President
|Vice-President|Secretary of State|Secretary-General|Secretary General|Under Secretary|Undersecretary
|Assistant Secretary|Deputy Assistant Secretary|Deputy Secretary|Secretary|Ambassador|Amb\.|Charge d'Affaires
|Charge|Chargé|Consul General|Consul|Deputy Chief of Mission|DCM|Director General|Deputy Director General
|Deputy Director|Director|Deputy Head|Head|Chairman|Chairwoman|Chair|Deputy Chairman|Chief|Commander
|General|Gen\.|Lieutenant General|Lt\. Gen\.|Major General|Maj\. Gen\.|Admiral|Adm\.|Colonel|Col\.|Captain|Capt\.
|Senator|Sen\.|Congressman|Congresswoman|Representative|Rep\.|Governor|Gov\.|Mayor|Speaker|Premier|Chancellor
|King|Queen|Prince|Princess|Sheikh|Emir|Sultan|Pope|Patriarch|Cardinal|Archbishop|Bishop|Ayatollah|Imam|Rabbi
|Judge|Justice|Prosecutor|Professor|Prof\.|Dr\.|Mr\.|Mrs\.|Ms\.|Mr|Mrs|Ms|Dr|Spokesman|Spokeswoman
|Spokesperson|Administrator|Astronaut|Cosmonaut|Commissioner|Envoy|Special Envoy|Special Representative
|Counselor|Counsellor|Attache|Advisor|Adviser|CEO|Chief Executive|Officer"""
TITLE = "(?:" + TITLES.replace("\n", "") + ")"
# News writes job words in lower case before a name: "space agency chief Talgat Musabayev".
LOWER_TITLE = "(?:" + "|".join(LOWER_TITLE_WORDS.split()) + ")"
NAME_WORD = r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.|Mc[A-Z][a-z]+|O'[A-Z][a-z]+)"
PARTICLE = r"(?:de|da|van|von|der|bin|ibn|al-|el-|la|le|du)"
NAME = rf"{NAME_WORD}(?: (?:{PARTICLE} )?{NAME_WORD}){{0,3}}"
CAPS_NAME = r"[A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+){0,2}"

TITLED = re.compile(rf"\b{TITLE} ({NAME})")
LOWER_TITLED = re.compile(rf"\b{LOWER_TITLE} ({NAME_WORD} {NAME_WORD}(?: {NAME_WORD})?)")
CAPS_TITLED = re.compile(rf"\b(?:{TITLE.upper()}) ({CAPS_NAME})")
APPOSITION_BEFORE = re.compile(
    rf"\b({NAME_WORD}(?: {NAME_WORD}){{1,3}}), (?:the |a |an )?(?:[A-Z][\w.-]* ){{0,3}}$")
APPOSITION_WINDOW = 90
# A cheap test before APPOSITION_BEFORE: what stands between an apposition's comma and its title (the
# comma is the last ", " before the title, as these words hold none; "$" there allows a final newline).
APPOSITION_TAIL = re.compile(r"(?:the |a |an )?(?:[A-Z][\w.-]* ){0,3}\n?")
BRACKETED_NAMES = re.compile(r"\(([A-Z][A-Za-z'\-]{2,}(?:, ?[A-Z][A-Za-z'\-]{2,})*)\)")
OFFICE_CONTACTS = re.compile(r"\b[A-Z]{1,6}(?:/[A-Z]{1,8})* ?" + BRACKETED_NAMES.pattern)
GIVEN_PAIR = re.compile(rf"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?) ((?:[A-Z]\. )?{NAME_WORD}(?: {NAME_WORD})?)")
CAPS_GIVEN_PAIR = re.compile(r"\b([A-Z]+(?:-[A-Z]+)?) ((?:[A-Z]\. )?[A-Z][A-Z'’\-]+)\b")
# After a name in capitals a word ending like a verb or a plural ends the name ("MIGLIORE CALLED",
# "WASHINGTON ANALYSTS"); surnames ending in S are rarer than these.
VERB_LIKE = re.compile(r"(?:ED|ING|ES|ERS|ISTS|S)$")
POSSESSIVE = re.compile(r"['’]S$|['’]s$")
# Title words that in capitals are more often ordinary words ("GENERAL PEOPLE'S CONGRESS").
CAPS_AMBIGUOUS_TITLES = frozenset("""GENERAL CHIEF HEAD SPECIAL FIRST OFFICER CHAIR JUSTICE CAPTAIN MAJOR
SPEAKER REPRESENTATIVE ADVISER ADVISOR COUNSELOR COUNSELLOR EXPERT OFFICIAL LEADER DEPUTY""".split())
CAPS_TITLE_WORDS = frozenset("""AMBASSADOR MINISTER PRESIDENT SECRETARY DIRECTOR MONSIGNOR DEPUTY FOREIGN PRIME
CHARGE CONSUL GENERAL SENATOR GOVERNOR MAYOR ADMIRAL COLONEL""".split())
SIGNER_LINE = re.compile(r"([A-Z][A-Za-z'\-]+(?:\s[A-Z][A-Za-z'\-]+)?)\s*$")
# Name-shaped words that are sentence furniture after a title ("President Said", "Director On").
NOT_NAMES = (frozenset(w.capitalize() for w in COMMON_WORDS) | {m.capitalize() for m in MONTHS + WEEKDAYS}
             | {w.capitalize() for w in re.findall(r"[A-Za-z]+", TITLES)})
MIN_SURNAME_CHARS = 3
# Address lines ("DEPARTMENT FOR OES/SAT(HODGKINS)") sit in a cable's first lines.
HEADER_CHARS = 3000
# "(DVBR)", "(TSA)": four capitals or fewer in brackets are an acronym, not a surname.
MAX_CODE_CHARS = 4


def _trim(name: str) -> str:
    words = name.split()
    while words and words[-1].strip(".") in NOT_NAMES:
        words.pop()
    return " ".join(words)


def find_titled(text: str, cases: CaseMap) -> list[Mention]:
    out = []
    for trigger, _ in find_triggers(text).get("title", ()):
        capital = text[trigger].isupper()
        if capital and cases.caps_at(trigger):  # (a line in capitals holds no lower-case letter)
            if text[trigger:trigger + 14].split(" ", 1)[0].rstrip(".") in CAPS_AMBIGUOUS_TITLES:
                continue
            match = CAPS_TITLED.match(text, trigger)
            if match is not None:
                out.extend(_caps_name(match))
            continue
        # titles are capitalised ("President Putin"), job words in lower case ("agency chief Musabayev")
        match = (TITLED if capital else LOWER_TITLED).match(text, trigger)
        if match is not None:
            out.extend(_name(match.group(1), match.start(1)))
        window = max(0, trigger - APPOSITION_WINDOW)
        comma = text.rfind(", ", window, trigger)
        if comma < 0 or APPOSITION_TAIL.fullmatch(text, comma + 2, trigger) is None:
            continue
        # The name before the comma is two words or more, its last one capitalised: a cheap test before
        # the search, which most appositions' last word (", said the …") fails.
        space = text.rfind(" ", window, comma)
        if space < 0 or not "A" <= text[space + 1] <= "Z":
            continue
        before = APPOSITION_BEFORE.search(text, window, trigger)
        if before is not None:
            out.extend(_name(before.group(1), before.start(1)))
    return out


def _name(name: str, start: int) -> list[Mention]:
    name = _trim(name)
    if not name or name.split()[0] in NOT_NAMES:
        return []
    return [Mention(name, "PERSON", start, start + len(name))]


@cache
def place_names() -> frozenset[str]:
    """Single-word place names that are also given names (Washington, Jordan, Georgia)."""
    table = entries()
    return frozenset(form for form, hits in aliases().items()
                     if " " not in form and any(table[i].label in ("GPE", "LOC") for _, i in hits))


def _caps_name(match: re.Match) -> list[Mention]:
    """A name after a title in capitals: the words up to a common word, a verb-like word
    ("MIGLIORE CALLED") or a possessive ("NATH'S" ends it)."""
    words: list[str] = []
    for word in match.group(1).split():
        if word in CAPS_TITLE_WORDS and not words:
            continue
        if word.lower() in COMMON_WORDS or len(word) < 2 or (words and VERB_LIKE.search(word)):
            break
        words.append(word)
    if not words:
        return []
    start = match.group(1).index(words[0]) + match.start(1)
    name = _strip_possessive(match.string[start:start + len(" ".join(words))])
    return [Mention(name, "PERSON", start, start + len(name))]


def _strip_possessive(name: str) -> str:
    return POSSESSIVE.sub("", name)


def find_given_pairs(text: str, cases: CaseMap) -> list[Mention]:
    """`Firstname Surname`: a known given name followed by capitalised name words."""
    out = []
    for trigger, _ in find_triggers(text).get("given", ()):
        if not "A" <= text[trigger] <= "Z":  # both patterns open with a capital
            continue
        if cases.caps_at(trigger):
            match = CAPS_GIVEN_PAIR.match(text, trigger)
            if match is None:
                continue
            surname = match.group(2)
            if (surname.lower() in COMMON_WORDS or len(surname.strip(".")) < MIN_SURNAME_CHARS
                    or match.group(1).capitalize() in place_names() or VERB_LIKE.search(_strip_possessive(surname))):
                continue
            name = _strip_possessive(match.group())
            out.append(Mention(name, "PERSON", match.start(), match.start() + len(name)))
            continue
        match = GIVEN_PAIR.match(text, trigger)
        if match is None:
            continue
        rest = _trim(match.group(2))
        if not rest or rest.split()[0] in NOT_NAMES:
            continue
        end = match.start(2) + len(rest)
        out.append(Mention(text[trigger:end], "PERSON", trigger, end))
    return out


def find_office_contacts(text: str) -> list[Mention]:
    """`OES/SAT(HODGKINS)`: the names in brackets after an office code of a cable's address lines."""
    out = []
    for match in _office_contact_matches(text):
        offset = match.start(1)
        for part in match.group(1).split(","):
            lead = len(part) - len(part.lstrip())
            name = part.strip()
            start = offset + lead
            offset += len(part) + 1
            if len(name) < MIN_SURNAME_CHARS or (len(name) <= MAX_CODE_CHARS and name.isupper()):
                continue
            out.append(Mention(name, "PERSON", start, start + len(name)))
    return out


def _office_contact_matches(text: str) -> Iterator[re.Match]:
    """OFFICE_CONTACTS.finditer(text, 0, HEADER_CHARS), without scanning the whole header: a match holds
    one "(", the one its names follow, and its office code before it is capitals and slashes (and a
    space before the bracket) on the same line, so only the word before a bracket of names is searched."""
    searched = 0  # where the last match ended
    # (a bracket of names holds no other bracket, so finditer, which resumes after each, misses none)
    for names in BRACKETED_NAMES.finditer(text, 0, HEADER_CHARS):
        bracket = names.start()
        line = max(searched, text.rfind("\n", searched, bracket) + 1)  # not before the last match's end
        # The office code holds no space but one just before the bracket: it starts after any other.
        code = max(line, text.rfind(" ", line, bracket - 1) + 1)
        match = OFFICE_CONTACTS.search(text, code, names.end())
        if match is not None:
            yield match
            searched = match.end()


def find_signer(doc: Document) -> list[Mention]:
    """The signer of a cable: its parsed `signed_by`, or a lone name on the last line."""
    text = doc.text
    signed = doc.cable.signed_by if doc.cable is not None else None
    if signed:
        start = text.rfind(signed)
        if start >= 0:
            return [Mention(signed, "PERSON", start, start + len(signed))]
    if doc.kind != "cable":
        return []
    stripped = text.rstrip()
    line_start = stripped.rfind("\n") + 1
    match = SIGNER_LINE.match(stripped, line_start)
    if match is None:
        return []
    name = match.group(1)
    if name.lower() in COMMON_WORDS or not name.isupper():
        return []
    return [Mention(name, "PERSON", line_start, line_start + len(name))]


def extract_people(doc: Document) -> Document:
    cases = case_map(doc.text)
    doc.entities.extend(find_titled(doc.text, cases))
    doc.entities.extend(find_given_pairs(doc.text, cases))
    doc.entities.extend(find_office_contacts(doc.text))
    doc.entities.extend(find_signer(doc))
    return doc
