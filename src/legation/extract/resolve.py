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
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from operator import attrgetter

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
POSSESSIVE_ENDINGS = frozenset({"'s", "’s", "'S", "’S"})
# Shorter than this, an all-caps name is an acronym and keeps its capitals.
MIN_TITLE_CASE_CHARS = 5


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """The mentions that keep their span, in text order (the longer of two at one offset first).

    Mentions only compete with those they overlap, so the text is swept once in order of offset and
    each run of overlapping mentions is settled on its own; a mention overlapping no other stays.
    (The sort is stable, so mentions at one offset keep the order they were given in.)"""
    return _sweep(sorted([m for m in mentions if m.end > m.start], key=_START))


def _sweep(ordered: list[Mention]) -> list[Mention]:
    """`resolve_overlaps` of non-empty mentions already in order of offset."""
    kept: list[Mention] = []
    # Most mentions overlap no other: each is kept as it comes, and only when a later one overlaps it
    # does it start a run of overlapping mentions, which is settled as soon as it ends.
    run: list[Mention] | None = None
    run_end = 0
    for m in ordered:
        if m.start < run_end:
            if run is None:
                run = [kept.pop()]
            run.append(m)
        else:
            if run is not None:
                kept += _settle(run)
                run = None
            kept.append(m)
        if m.end > run_end:
            run_end = m.end
    if run is not None:
        kept += _settle(run)
    return kept


def _settle(run: list[Mention]) -> list[Mention]:
    """A run of overlapping mentions (by offset, as given at one offset): the longest wins its span (a
    known entity over a rule's find on a tie, then the leftmost, then the first given); a shorter one
    stays only nested in all it overlaps (a span equal to a kept one never nests)."""
    if len(run) == 2:  # the common run: the winner, and the other only if it nests (it then follows)
        first, second = run
        # `_rank` inlined: `second` starts no earlier, so it wins only when longer, or as long and
        # known where `first` is not
        first_length, second_length = first.end - first.start, second.end - second.start
        if second_length > first_length or (second_length == first_length and first.id is None
                                            and second.id is not None):
            first, second = second, first
        return [first, second] if _nests(first, second) else [first]
    kept: list[Mention] = []
    for m in sorted(run, key=_rank):
        start, end = m.start, m.end
        for k in kept:
            if k.start < end and start < k.end and not _nests(k, m):
                break
        else:
            kept.append(m)
    kept.sort(key=_text_order)
    return kept


def _rank(m: Mention) -> tuple:
    return (-(m.end - m.start), m.id is None, m.start)


_START = attrgetter("start")


def _text_order(m: Mention) -> tuple[int, int]:
    return m.start, -m.end


def _nests(outer: Mention, inner: Mention) -> bool:
    outer_start, outer_end, inner_start, inner_end = outer.start, outer.end, inner.start, inner.end
    if not (outer_start <= inner_start and inner_end <= outer_end) or (outer_start == inner_start and outer_end == inner_end):
        return False
    if inner.id is None or inner.label not in NESTED_LABELS or inner.label == outer.label:
        return False
    return outer.label in NESTING_LABELS or _nesting_text(outer.text)


@lru_cache(maxsize=4096)
def _nesting_text(text: str) -> bool:
    """Whether a mention's text names a body its parts nest in (cached: the same names recur)."""
    return NESTING_TEXT.match(text) is not None


@lru_cache(maxsize=16384)
def normalise_name(text: str) -> str:
    name = " ".join(text.split())
    name = LEADING_ARTICLE.sub("", name)
    name = POSSESSIVE.sub("", name)
    if name.isupper() and len(name) >= MIN_TITLE_CASE_CHARS:
        words = name.split()
        name = " ".join(_title_word(w, i) for i, w in enumerate(words))
    return name


def strip_possessive(word: str) -> str:
    """`word` without a final 's (or ’s, 'S, ’S): `POSSESSIVE.sub("", word)` without a regex's cost.

    Unlike that `$`, it ignores an 's before a final newline: a word from `str.split` has none, and a
    text with one never matches a surname either way."""
    return word[:-2] if word[-2:] in POSSESSIVE_ENDINGS else word


def _title_word(word: str, index: int) -> str:
    if not word.isalpha():
        return word
    if index and word.lower() in FUNCTION_WORDS:
        return word.lower()
    return word.capitalize()


def assign_ids(mentions: list[Mention]) -> None:
    for m in mentions:
        if m.label == "MONEY":
            m.name = m.name or " ".join(m.text.split())
            continue
        if m.id:
            m.name = m.name or normalise_name(m.text)
            continue
        m.id, m.name = _identity(m.label, m.name or m.text)


@lru_cache(maxsize=16384)
def _identity(label: str, text: str) -> tuple[str, str]:
    """Id and name of a mention no rule identified: the known entity of that name and label, else a
    hash of both. Names recur across documents, so the answers are kept."""
    name = normalise_name(text)
    entry = by_name().get(name.lower())
    if entry is not None and entry.label == label:
        return entry.id, entry.name
    return entity_id(label, name), name


@lru_cache(maxsize=16384)
def _person_identity(text: str) -> tuple[str, str]:
    """Name and id of a person named in full whom no rule identified (names recur, so they are kept)."""
    name = normalise_name(text)
    return name, entity_id("PERSON", name)


def link_surnames(text: str, mentions: list[Mention]) -> list[Mention]:
    """Bare surnames of people named in full earlier get the full name's id and name.

    `mentions` are in text order (the longer of two at one offset first), as `resolve_overlaps` gives them.
    """
    full: dict[str, tuple[Mention, str]] = {}  # lowercased surname → first person so named, surname as written
    single: list[Mention] = []  # one-word mentions that may be a surname: people's, and unknown names
    for m in mentions:
        if m.label == "PERSON":
            words = m.text.split()
            if len(words) == 1:
                single.append(m)
            elif len(words) >= 2:
                if m.id is None:
                    m.name, m.id = _person_identity(m.text)
                last = words[-1]
                surname = strip_possessive(last)
                if len(surname) > 2 and surname[0].isupper():
                    key = surname.lower()
                    if key not in full:
                        full[key] = (m, last[:len(key)])
        elif m.id is None and m.label != "MONEY" and len(m.text.split()) == 1:
            single.append(m)
    if not full:
        return mentions
    for m in single:
        found_person = full.get(strip_possessive(m.text).lower())
        if found_person is not None:
            person = found_person[0]
            m.label, m.id, m.name = "PERSON", person.id, person.name
    added = _find_surnames(text, mentions, full.values())
    if added:  # each overlaps no other mention, so has an offset of its own
        mentions = sorted(mentions + added, key=_START)
    return mentions


def _find_surnames(text: str, mentions: list[Mention], people: Iterable[tuple[Mention, str]]) -> list[Mention]:
    """New mentions of the surnames of `people` (each a person named in full, and the surname as
    written) after each is named: the whole word as written or in capitals, on a span free of mentions.

    A span is free when no mention starting before its end reaches past its start, and no surname
    found here holds any of it."""
    starts: list[int] = []
    reach: list[int] = []  # the furthest end of the mentions so far
    furthest = 0
    for m in mentions:  # a plain loop: twice as fast as `accumulate(ends, max)`
        starts.append(m.start)
        if m.end > furthest:
            furthest = m.end
        reach.append(furthest)
    found = bytearray(len(text) + 1)
    added: list[Mention] = []
    find = text.find
    size = len(text)
    for person, surname in people:
        for variant in dict.fromkeys((surname, surname.upper())):  # as written first, in every run
            length = len(variant)
            at = find(variant, person.end)
            while at >= 0:
                end = at + length
                if (not at or not text[at - 1].isalnum()) and (end == size or not text[end].isalnum()):
                    before_end = bisect_left(starts, end)
                    if not (before_end and reach[before_end - 1] > at) and found.find(1, at, end) < 0:
                        added.append(Mention(variant, "PERSON", at, end, person.id, person.name))
                        found[at:end] = b"\x01" * length
                at = find(variant, end)
    return added


def resolve_entities(doc: Document) -> Document:
    text = doc.text
    mentions = []
    for m in doc.entities:  # the contract: a mention's text is the slice of the text it points at
        m.text = span = text[m.start:m.end]
        if span and not span.isspace():
            mentions.append(m)
    mentions.sort(key=_START)
    mentions = _sweep(mentions)  # `resolve_overlaps`, the empty spans already gone
    mentions = link_surnames(text, mentions)
    assign_ids(mentions)
    doc.entities = mentions
    return doc
