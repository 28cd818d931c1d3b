"""Who published an article: the byline (people or an organisation) and the outlet of a URL."""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from ..data import load_table

# A byline block: "By Jane Doe", "By [The Moscow Times](#)" (rendered to plain text first).
BYLINE = re.compile(r"^\s*(?:By|BY|Written by|Posted by|Story by)[:\s]+(?P<names>\S.*?)\s*$")
# Longer than this, a line starting with "By" is a sentence ("By 2030 the agency will …").
MAX_BYLINE_CHARS = 120
# How names in a byline are separated.
NAME_SEPARATOR = re.compile(r"\s*(?:,|;|&|\band\b|\|)\s*")
# Words that make a byline name an organisation rather than a person.
ORGANISATION_WORDS = re.compile(
    r"\b(?:Times|News|Press|Post|Agency|Agence|Reuters|Associated|Staff|Journal|Tribune|Herald|Gazette|"
    r"Telegraph|Wire|Service|Television|TV|Radio|Network|Media|Newsroom|Bureau|Desk|Editors?|"
    r"Correspondents?|Interfax|TASS|Xinhua|NASA|Wikinews|Magazine|Daily|Weekly|Review|Monitor|"
    r"Observer|Chronicle|Insider|Report|Bloomberg)\b")
# Words that open a phrase, never a name ("By Their Powers Combined", "By This Time Next Year").
NOT_NAME_START = frozenset({"the", "their", "this", "these", "that", "those", "our", "his", "her", "its", "my",
                            "your", "all", "any", "each", "every", "some", "no", "one", "two", "way", "means",
                            "far", "now", "then", "land", "air", "sea", "road", "train", "day", "night"})
# A person's name: two to five capitalised words (initials, particles and hyphens allowed).
PERSON_NAME = re.compile(r"^(?:[A-Z][\w'’.\-]*\.?\s+){1,4}(?:(?:van|von|de|der|da|di|al|bin|ibn|la|le)\s+)*"
                         r"[A-Z][\w'’\-]+(?:,? (?:Jr|Sr|II|III)\.?)?$")


def parse_byline(line: str) -> tuple[list[str], str | None] | None:
    """(authors, outlet) of a byline, or None when the line is not one."""
    if len(line) > MAX_BYLINE_CHARS:
        return None
    match = BYLINE.match(line)
    if not match:
        return None
    authors: list[str] = []
    outlet = None
    for name in NAME_SEPARATOR.split(match.group("names")):
        name = name.strip(" .")
        if not name:
            continue
        if is_outlet_name(name):
            outlet = outlet or canonical_outlet(name)
        elif PERSON_NAME.match(name) and name.split()[0].lower() not in NOT_NAME_START:
            authors.append(name)
        else:
            return None
    if not authors and outlet is None:
        return None
    return authors, outlet


def is_outlet_name(name: str) -> bool:
    return canonical_outlet(name) in _outlet_names() or bool(ORGANISATION_WORDS.search(name))


def canonical_outlet(name: str) -> str:
    """The table's spelling of an outlet name, compared without case and a leading "The"."""
    key = _name_key(name)
    for known in _outlet_names():
        if _name_key(known) == key:
            return known
    return name


def outlet_for_url(url: str | None) -> str | None:
    """The outlet whose domain (or a parent domain) serves the URL, per data/outlets.tsv."""
    if not url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    table = _outlet_domains()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        outlet = table.get(".".join(parts[i:]))
        if outlet:
            return outlet
    return None


def _name_key(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip().lower())


@cache
def _outlet_domains() -> dict[str, str]:
    return {row["domain"].lower(): row["outlet"] for row in load_table("outlets.tsv")}


@cache
def _outlet_names() -> frozenset[str]:
    return frozenset(_outlet_domains().values())
