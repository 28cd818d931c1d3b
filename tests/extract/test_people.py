"""People found by titles, appositions, given names, office lines and signatures."""

from __future__ import annotations

import pytest

from legation.extract.casing import CaseMap
from legation.extract.people import (
    HEADER_CHARS,
    OFFICE_CONTACTS,
    _office_contact_matches,
    find_given_pairs,
    find_office_contacts,
    find_signer,
    find_titled,
)
from legation.record import Document


@pytest.mark.parametrize("sentence,name", [
    ("In January, President Vladimir Putin announced a joint three-year roadmap", "Vladimir Putin"),
    ("Kazcosmos space agency chief Talgat Musabayev said Thursday", "Talgat Musabayev"),
    ("EST Officers met Andrey Kruitskikh, Deputy Director of the Department", "Andrey Kruitskikh"),
    ("The US State Department said John Kerry, the Secretary of State, contacted", "John Kerry"),
    ("Jeff Rathke, the State Department Spokesperson, said", "Jeff Rathke"),
    ("CLASSIFIED BY AMBASSADOR TOM MCDONALD FOR REASONS 1.5 (B) AND (D)", "TOM MCDONALD"),
    ("1. (C) DEPUTY FOREIGN MINISTER MIGLIORE CALLED IN CHARGE", "MIGLIORE"),
])
def test_people_titled(sentence, name):
    assert name in {m.text for m in find_titled(sentence, CaseMap(sentence))}


@pytest.mark.parametrize("sentence,name", [
    ("Malaysia's Prime Minister, Najib Razak said", "Najib Razak"),
    ("One Rohingya, Muhammad Amin, the first boat rescued", "Muhammad Amin"),
    ("SOUTH ASIA BUREAU AFGHANISTAN COORDINATOR JEFFREY J. LUNSTEAD AND AMBASSADOR", "JEFFREY J. LUNSTEAD"),
])
def test_people_given_names(sentence, name):
    assert name in {m.text for m in find_given_pairs(sentence, CaseMap(sentence))}


@pytest.mark.parametrize("line,names", [
    ("DEPARTMENT FOR OES/SAT(HODGKINS), EUR/PRA(FRIEDT), EUR/RUS(GREENSTEIN), ISN/CATR, L/NP",
     ["HODGKINS", "FRIEDT", "GREENSTEIN"]),
    ("EUR/CARC, SCA (GALLAGHER, SUMAR)", ["GALLAGHER", "SUMAR"]),
    ("Department for Security and Disarmament Affairs (DVBR) of the Ministry", []),
])
def test_people_office_contacts(line, names):
    assert [m.text for m in find_office_contacts(line)] == names


@pytest.mark.parametrize("text", [
    "TO SECSTATE (C) OES/SAT(HODGKINS) SCA (GALLAGHER, SUMAR)\nEUR/CARC(Smith, Jones) X (Ab)",
    "(FOO) BAR(BAZ) QUX (Abc, Def)(Ghi)\n\n(Lone)",
    "A/B/C/D/EFGHIJKLM (Xyz) ABCDEFGH (Qrs) lower (Tuv)",
    "NO BRACKETS AT ALL",
    "X" * (HEADER_CHARS - 8) + " AB (CDEFG)",
])
def test_people_office_contact_matches_as_a_header_scan(text):
    expected = [m.span() for m in OFFICE_CONTACTS.finditer(text, 0, HEADER_CHARS)]
    assert [m.span() for m in _office_contact_matches(text)] == expected


def test_people_signer_on_last_line():
    text = "- \\P 7. (SBU) Post requests instructions.\n\nRUSSELL"
    doc = Document("x", "", "cable", text)
    assert [m.text for m in find_signer(doc)] == ["RUSSELL"]
