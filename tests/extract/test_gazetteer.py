"""Gazetteer matching: aliases, word boundaries and case rules (mixed case and all-caps cables)."""

from __future__ import annotations

import pytest

from legation.extract.gazetteer import find_mentions


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
