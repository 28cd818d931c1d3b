"""Acronym definitions (both orders), glossary shorthand and context-dependent expansions."""

from __future__ import annotations

import pytest

from legation.extract import extract
from legation.extract.acronyms import find_definitions, schwartz_hearst
from legation.record import Document


@pytest.mark.parametrize("sentence,short,long", [
    ("Referring to the Baikonur Technology Safeguards Agreement (BTSA), Kruitskikh said",
     "BTSA", "Baikonur Technology Safeguards Agreement"),
    ("caused by Kazakhstan's nonmembership in the Missile Technology Control Regime, or MTCR.",
     "MTCR", "Missile Technology Control Regime"),
    ("THE NPT (NUCLEAR NON-PROLIFERATION TREATY) REVIEW CONFERENCE", "NPT", "NUCLEAR NON-PROLIFERATION TREATY"),
    ("a session of the General People's Congress (GPC) was scheduled", "GPC", "General People's Congress"),
])
def test_acronyms_definitions(sentence, short, long):
    assert (short, long) in {(s, lf) for s, lf, _, _ in find_definitions(sentence, [])}


def test_acronyms_schwartz_hearst_shortest_long_form():
    assert schwartz_hearst("TSA", "the Sea Launch Technology Safeguards Agreement") == \
        "Technology Safeguards Agreement"


def test_acronyms_foreign_short_form_takes_the_preceding_name():
    text = "Andrey Kruitskikh, Deputy Director of the Department for Security and Disarmament Affairs (DVBR) of"
    doc = extract(Document("x", "", "cable", text))
    assert {"DVBR": "Department for Security and Disarmament Affairs"}.items() <= \
        {a.short: a.long for a in doc.acronyms}.items()


ROME_1196 = ("2. (SBU) POLOFF DELIVERED THE ITALY HUMAN RIGHTS REPORT TO MFA NORTH AMERICA OFFICE DIRECTOR GERI "
             "SCHIAVONI AND HUMAN RIGHTS OFFICE COUNSELOR ALBERTO CECCARELLI MARCH 5. ... WE URGED THE GOI ALSO TO "
             "REFRAIN FROM DRAWING INFERENCES ON THE BASIS OF THE REPORT.")
TEHRAN_1164 = ("2. AZIMI RECALLED THAT GOI HAD REQUESTED DELIVERY OF 16 OF F-4E AIRCRAFT NOW ON ORDER BY IRAN (FIRST OF "
               "WHICH WAS NOT SCHEDULED FOR DELIVERY UNTIL AUGUST 1973) BE ADVANCED TO CY 1972. HOWEVER, GOI HAD "
               "RECENTLY BEEN INFORMED BY USG AND MCDONNELL-DOUGLAS THAT PRODUCTION LINE FOR IRAN COULD NOT RPT NOT BE "
               "ADVANCED TO MEET 1972 DELIVERY DATES DESIRED.")


@pytest.mark.parametrize("text,short,long", [
    (TEHRAN_1164, "GOI", "Government of Iran"),
    (ROME_1196, "GOI", "Government of Italy"),
    ("1. (SBU) THIS MESSAGE IS SENSITIVE BUT UNCLASSIFIED. PLEASE PROTECT ACCORDINGLY.", "SBU",
     "Sensitive But Unclassified"),
])
def test_acronyms_glossary_by_context(text, short, long):
    doc = extract(Document("x", "", "cable", text))
    assert {a.short: a.long for a in doc.acronyms}[short] == long


def test_acronyms_uses_become_the_long_forms_entity():
    text = ("He delivered a note regarding the Sea Launch Technology Safeguards Agreement (TSA) stating that the "
            "TSA had entered into force.")
    doc = extract(Document("x", "", "text", text))
    agreement = next(m for m in doc.entities if m.text == "Sea Launch Technology Safeguards Agreement")
    uses = [m for m in doc.entities if m.text == "TSA"]
    assert len(uses) == 2 and {m.id for m in uses} == {agreement.id}


def test_acronyms_homonym_mentions_follow_the_document():
    doc = extract(Document("x", "", "cable", TEHRAN_1164))
    assert {m.name for m in doc.entities if m.text == "GOI"} == {"Government of Iran"}
