"""Gazetteer matching: every known name and alias of the tables in data/gazetteer/, found at once.

The tables (one TSV per domain, columns id, label, name, aliases, case) give the keys of the shared
keyword pass (keywords.py): names and aliases folded like the text (letters and digits, everything else
a space) and padded with a space on each side, so a key only matches at word boundaries and the Python
loop only sees real candidates. Case rules then decide:

- default: the surface must equal the alias, or (for names longer than SHORT_ALIAS_CHARS that are not
  acronyms) differ only in case after a capital first letter; in an all-caps line any all-caps surface
  is accepted ("RUSSIA", "IRAN").
- `exact`: the surface must equal the alias ("Dragon", not "DRAGON" or "dragon").
- `nocaps`: as default, but never in an all-caps line.
- `office`: exact, and only beside an office separator ("EUR/", "SCA (") so "PM" or "CA" stay words.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..data import load_table
from ..record import Document, Mention
from .casing import case_map
from .keywords import padded_key, scan

TABLES = ("places.tsv", "organisations.tsv", "offices.tsv", "posts.tsv", "space.tsv", "agreements.tsv",
          "outlets.tsv", "norp.tsv", "demonyms.tsv", "people.tsv")
# Tables whose rows point at another table's entity (by id): "Kazakh" is a NORP mention of Kazakhstan.
POINTER_TABLES = frozenset({"demonyms.tsv"})

# Aliases this short ("Iran", "Mali", "UN") must match exactly in mixed-case text: "us" is not "US".
SHORT_ALIAS_CHARS = 4
# In an all-caps line "US" after these words is the pronoun ("TOLD US", "LET US KNOW").
PRONOUN_US_AFTER = frozenset("""LET TOLD ASKED GIVE GAVE SHOW SHOWED BRIEFED INFORMED ASSURED URGED JOIN JOINED
MEET MET HELP HELPED THANKED INVITED SENT TO FOR WITH OF BY ALL ONE EACH BOTH MANY SOME""".split())
# The country's short forms that, in capitals, can be that pronoun instead (pronoun_us).
US_FORMS = ("US", "U.S")
# Time-zone acronyms after a clock time are not entities ("10 a.m. EST").
CLOCK_BEFORE = re.compile(r"(?:\d|[ap]\.?m\.?)\s*$", re.I)
CLOCK_ZONES = frozenset({"EST", "EDT", "CST", "CDT", "PST", "PDT", "MST", "MDT"})


@dataclass(frozen=True)
class Entry:
    id: str
    label: str
    name: str
    case: str


@lru_cache(maxsize=1 << 16)
def entity_id(label: str, name: str) -> str:
    """A stable id for an entity no table knows: a hash of its label and normalised name."""
    key = f"{label}|{' '.join(name.lower().split())}"
    return "leg:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@cache
def entries() -> tuple[Entry, ...]:
    out = []
    names: dict[str, str] = {}
    for table in TABLES:
        for row in load_table(f"gazetteer/{table}"):
            name = row["name"]
            if table in POINTER_TABLES:
                name = names.get(row["id"], name)
            elif row["id"]:
                names.setdefault(row["id"], name)
            out.append(Entry(row["id"] or entity_id(row["label"], name), row["label"], name, row["case"]))
    return tuple(out)


@cache
def aliases() -> dict[str, list[tuple[str, int]]]:
    """Every surface form (name or alias) → [(alias, entry index)]."""
    out: dict[str, list[tuple[str, int]]] = {}
    index = 0
    for table in TABLES:
        for row in load_table(f"gazetteer/{table}"):
            forms = [row["name"], *(a for a in row["aliases"].split("|") if a)]
            for form in dict.fromkeys(forms):
                out.setdefault(form, []).append((form, index))
            index += 1
    return out


@cache
def by_name() -> dict[str, Entry]:
    """Lower-cased name or alias → the first entry carrying it (for resolving names found by rules)."""
    table = entries()
    out: dict[str, Entry] = {}
    for form, hits in aliases().items():
        out.setdefault(" ".join(form.lower().split()), table[hits[0][1]])
    return out


# What `find_mentions` reads of an alias a key stands for, looked up once when the automaton is built
# rather than on every hit: (alias, len(alias), case, plain, label, id, name) of the alias's entry.
# `plain`: an exact surface needs no further check (the case rule is neither nocaps nor office, and the
# alias is no "US", the pronoun in capitals, or time zone, after a clock time). A plain tuple rather
# than a NamedTuple: the interpreter unpacks only exact tuples fast, and each hit is unpacked.
Candidate = tuple[str, int, str, bool, str, str, str]


def candidate(alias: str, entry: Entry) -> Candidate:
    plain = entry.case not in ("nocaps", "office") and alias not in US_FORMS and alias not in CLOCK_ZONES
    return (alias, len(alias), entry.case, plain, entry.label, entry.id, entry.name)


def alias_keys() -> dict[str, tuple[Candidate, ...]]:
    """Padded folded key → the Candidates of every alias that folds to it, in table order."""
    table = entries()
    keyed: dict[str, list[Candidate]] = {}
    for form, hits in aliases().items():
        keyed.setdefault(padded_key(form), []).extend(candidate(alias, table[index]) for alias, index in hits)
    return {key: tuple(hits) for key, hits in keyed.items()}


def accepts(surface: str, alias: str, case: str, caps: bool) -> bool:
    if surface == alias:
        return case != "nocaps" or not caps
    if case in ("exact", "office"):
        return False
    if caps:
        return case != "nocaps" and surface.isupper()
    if len(alias) <= SHORT_ALIAS_CHARS or alias.isupper():
        return False
    return surface[0].isupper() and (surface.isupper() or not surface[1:].isupper())


def office_context(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end:end + 2].lstrip()[:1]
    return before == "/" or after in ("/", "(")


def pronoun_us(text: str, start: int) -> bool:
    words = text[max(0, start - 20):start].split()
    return bool(words) and words[-1].upper() in PRONOUN_US_AFTER


def find_mentions(text: str) -> list[Mention]:
    """All gazetteer hits (overlapping ones included) with their entry's id, label and name."""
    caps_at = case_map(text).caps_at
    out = []
    append = out.append
    for start, candidates in scan(text).names:
        for alias, size, case, plain, label, entity_id_, name in candidates:
            end = start + size
            surface = text[start:end]
            # the line's case is looked up only by the rules that read it (most exact hits need none)
            if surface == alias:
                if plain:
                    append(Mention(surface, label, start, end, entity_id_, name))
                    break
                if case == "nocaps" and caps_at(start):
                    continue
            elif not accepts(surface, alias, case, caps_at(start)):
                continue
            if case == "office" and not office_context(text, start, end):
                continue
            if surface in US_FORMS and caps_at(start) and pronoun_us(text, start):
                continue
            if surface in CLOCK_ZONES and CLOCK_BEFORE.search(text[max(0, start - 8):start]):
                continue
            append(Mention(surface, label, start, end, entity_id_, name))
            break
    return out


def extract_gazetteer(doc: Document) -> Document:
    doc.entities.extend(find_mentions(doc.text))
    return doc
