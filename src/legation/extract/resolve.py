"""Entity resolution: one mention per span, one id per entity across the corpus.

1. Overlaps: the longest mention wins a span (a gazetteer hit over a rule's on a tie); a known
   entity inside an agreement or a government body is kept as a nested mention ("Baikonur" inside
   "Baikonur Technology Safeguards Agreement", "Kazakhstan" inside "Government of Kazakhstan") so the
   place's dossier finds them; other partial overlaps are dropped.
2. Surnames: a person named in full ("Andrey Kruitskikh") lends id and name to the later bare
   surname ("Kruitskikh", "KRUITSKIKH'S"), which is found even where no rule marked it.
3. Ids: a gazetteer id (Wikidata Q-id, `pocom:`, `hsg:`) when the name is a known name or alias,
   else a hash of label and normalised name, so the same name gets the same id in every document.
"""

from __future__ import annotations

import re

from ..record import Document, Mention
from .gazetteer import by_name, entity_id
from .words import FUNCTION_WORDS

# Outer mentions whose parts are worth their own mention.
NESTING_LABELS = frozenset({"AGREEMENT"})
NESTING_TEXT = re.compile(r"^(?:the\s+)?(?:Government|Ministry|Embassy|Consulate|Parliament|President|AMEMBASSY|AMCONSUL)\b", re.I)
NESTED_LABELS = frozenset({"GPE", "LOC", "FACILITY", "ORG", "VEHICLE", "PERSON"})
# A tie on span length goes to the mention from the stronger source (a known entity beats a shape).
LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
POSSESSIVE = re.compile(r"['’]s$|['’]S$")
# Shorter than this, an all-caps name is an acronym and keeps its capitals.
MIN_TITLE_CASE_CHARS = 5


def _rank(m: Mention) -> tuple:
    return (-(m.end - m.start), m.id is None, m.start)


def resolve_overlaps(mentions: list[Mention], size: int) -> list[Mention]:
    kept: list[Mention] = []
    taken = bytearray(size + 1)
    spans: set[tuple[int, int]] = set()
    for m in sorted(mentions, key=_rank):
        if m.end <= m.start or (m.start, m.end) in spans:
            continue
        if taken.find(1, m.start, m.end) < 0:
            kept.append(m)
            spans.add((m.start, m.end))
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
            continue
        clash = [k for k in kept if k.start < m.end and m.start < k.end]
        if all(_nests(k, m) for k in clash):
            kept.append(m)
            spans.add((m.start, m.end))
    kept.sort(key=lambda m: (m.start, -m.end))
    return kept


def _nests(outer: Mention, inner: Mention) -> bool:
    if not (outer.start <= inner.start and inner.end <= outer.end) or (outer.start, outer.end) == (inner.start, inner.end):
        return False
    if inner.id is None or inner.label not in NESTED_LABELS or inner.label == outer.label:
        return False
    return outer.label in NESTING_LABELS or NESTING_TEXT.match(outer.text) is not None


def normalise_name(text: str) -> str:
    name = " ".join(text.split())
    name = LEADING_ARTICLE.sub("", name)
    name = POSSESSIVE.sub("", name)
    if name.isupper() and len(name) >= MIN_TITLE_CASE_CHARS:
        words = name.split()
        name = " ".join(_title_word(w, i) for i, w in enumerate(words))
    return name


def _title_word(word: str, index: int) -> str:
    if not word.isalpha():
        return word
    if index and word.lower() in FUNCTION_WORDS:
        return word.lower()
    return word.capitalize()


def assign_ids(mentions: list[Mention]) -> None:
    known = by_name()
    for m in mentions:
        if m.label == "MONEY":
            m.name = m.name or " ".join(m.text.split())
            continue
        if m.id:
            m.name = m.name or normalise_name(m.text)
            continue
        name = normalise_name(m.name or m.text)
        entry = known.get(name.lower())
        if entry is not None and entry.label == m.label:
            m.id, m.name = entry.id, entry.name
        else:
            m.id, m.name = entity_id(m.label, name), name


def link_surnames(text: str, mentions: list[Mention]) -> list[Mention]:
    """Bare surnames of people named in full earlier get the full name's id and name."""
    full: dict[str, Mention] = {}
    for m in mentions:
        if m.label == "PERSON" and len(m.text.split()) >= 2:
            if m.id is None:
                m.name = normalise_name(m.text)
                m.id = entity_id("PERSON", m.name)
            surname = POSSESSIVE.sub("", m.text.split()[-1])
            if len(surname) > 2 and surname[0].isupper():
                full.setdefault(surname.lower(), m)
    if not full:
        return mentions
    for m in mentions:
        if (m.label == "PERSON" or m.id is None and m.label != "MONEY") and len(m.text.split()) == 1:
            person = full.get(POSSESSIVE.sub("", m.text).lower())
            if person is not None:
                m.label, m.id, m.name = "PERSON", person.id, person.name
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    added = []
    for key, person in full.items():
        surname = person.text.split()[-1][:len(key)]
        for variant in {surname, surname.upper()}:
            at = text.find(variant, person.end)
            while at >= 0:
                end = at + len(variant)
                before = text[at - 1] if at else " "
                after = text[end] if end < len(text) else " "
                if not before.isalnum() and not after.isalnum() and taken.find(1, at, end) < 0:
                    added.append(Mention(variant, "PERSON", at, end, person.id, person.name))
                    taken[at:end] = b"\x01" * (end - at)
                at = text.find(variant, end)
    if added:
        mentions = sorted(mentions + added, key=lambda m: (m.start, -m.end))
    return mentions


def resolve_entities(doc: Document) -> Document:
    text = doc.text
    for m in doc.entities:  # the contract: a mention's text is the slice of the text it points at
        m.text = text[m.start:m.end]
    mentions = resolve_overlaps([m for m in doc.entities if m.text.strip()], len(text))
    mentions = link_surnames(doc.text, mentions)
    assign_ids(mentions)
    doc.entities = mentions
    return doc
