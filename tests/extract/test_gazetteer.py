"""Gazetteer matching: aliases, word boundaries and case rules (mixed case and all-caps cables)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from legation.extract.casing import CaseMap
from legation.extract.gazetteer import (
    CLOCK_BEFORE,
    CLOCK_ZONES,
    accepts,
    aliases,
    entries,
    find_mentions,
    office_context,
    pronoun_us,
)
from legation.extract.keywords import fold, padded_key, scan
from legation.record import Mention

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def found(text: str) -> set[tuple[str, str, str]]:
    return {(m.text, m.label, m.name) for m in find_mentions(text)}


@pytest.mark.parametrize("sentence,surface,label,name", [
    ("a train track to a pad at the Baikonur cosmodrome in Kazakhstan.", "Baikonur cosmodrome", "FACILITY",
     "Baikonur Cosmodrome"),
    ("THE GOK WANTS BAYKONUR TO HOST THE BAITEREK COMPLEX", "BAYKONUR", "FACILITY", "Baikonur Cosmodrome"),
    ("Angara is to be launched from the Vostochny spaceport in Russia's Far East.", "Vostochny spaceport",
     "FACILITY", "Vostochny Cosmodrome"),
    ("Russia's Far East", "Russia's Far East", "LOC", "Russia's Far East"),
    ("A Soyuz TMZ-16 launch vehicle rolling along a train track", "Soyuz TMZ-16", "VEHICLE", "Soyuz TMA-16"),
    ("the GOR had completed its comparison of the Russian and Kazakh texts", "GOR", "ORG", "Government of Russia"),
    ("the Russian and Kazakh texts", "Kazakh", "NORP", "Kazakhstan"),
    ("FM AMEMBASSY MOSCOW", "AMEMBASSY MOSCOW", "ORG", "Embassy Moscow"),
    ("MEETING IN THE USSR ON MONDAY", "USSR", "GPE", "Soviet Union"),
    ("Musabayev said last month in an interview with Izvestia that", "Izvestia", "ORG", "Izvestia"),
    ("DEPARTMENT FOR OES/SAT(HODGKINS), EUR/PRA(FRIEDT)", "OES/SAT", "ORG", "OES/SAT"),
])
def test_gazetteer_finds(sentence, surface, label, name):
    assert (surface, label, name) in found(sentence)


@pytest.mark.parametrize("sentence,surface", [
    ("Let us know what you think.", "us"),
    ("THE MINISTER TOLD US THAT THE TALKS WOULD RESUME", "US"),
    ("The launch is set for 10 a.m. EST on Friday.", "EST"),
    ("Soyuzmultfilm made the cartoon.", "Soyuz"),
    ("The team will start the engine test at 3 PM.", "PM"),
])
def test_gazetteer_rejects(sentence, surface):
    assert surface not in {m.text for m in find_mentions(sentence)}


@cache
def keyed_entries() -> dict[str, list[tuple[str, int]]]:
    """Padded folded key → [(alias, entry index)] of every alias that folds to it, in table order."""
    keyed: dict[str, list[tuple[str, int]]] = {}
    for form, hits in aliases().items():
        keyed.setdefault(padded_key(form), []).extend(hits)
    return keyed


def reference_mentions(text: str) -> list[Mention]:
    """find_mentions read straight from the tables: every rule tried on every hit, no shortcut."""
    table, caps_at, folded = entries(), CaseMap(text).caps_at, fold(text)
    out = []
    for start, candidates in scan(text).names:
        key = " " + folded[start:start + len(candidates[0][0])] + " "
        for alias, index in keyed_entries()[key]:
            end = start + len(alias)
            surface, entry = text[start:end], table[index]
            if surface == alias:
                if entry.case == "nocaps" and caps_at(start):
                    continue
            elif not accepts(surface, alias, entry.case, caps_at(start)):
                continue
            if entry.case == "office" and not office_context(text, start, end):
                continue
            if surface in ("US", "U.S") and caps_at(start) and pronoun_us(text, start):
                continue
            if surface in CLOCK_ZONES and CLOCK_BEFORE.search(text[max(0, start - 8):start]):
                continue
            out.append(Mention(surface, entry.label, start, end, entry.id, entry.name))
            break
    return out


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")) + sorted(FIXTURES.glob("*.md")), ids=lambda p: p.name)
def test_gazetteer_matches_the_rules_read_from_the_tables(path):
    text = path.read_text(encoding="utf-8")
    for variant in (text, text.upper()):  # mixed case, and every line in capitals
        assert find_mentions(variant) == reference_mentions(variant)
