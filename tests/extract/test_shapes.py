"""Agreements and organisations found by their shape."""

from __future__ import annotations

import pytest

from legation.extract.shapes import (
    CAPS_LEFT_CONNECTORS,
    LEFT_CONNECTORS,
    LEFT_WINDOW_CHARS,
    MAX_LEFT_TOKENS,
    TOKEN,
    _is_name_word,
    find_shapes,
    grow_left,
)

SEED_CUSTOMS = ("and the Agreement Concerning the Procedure for the Customs Documentation and Duty-Free Entry of "
                "Goods Transported within the Framework of U.S.-Russian Cooperation in the Exploration and Use of "
                "Space for Peaceful Purposes (the \"Customs Agreement,\" Ref B).")


@pytest.mark.parametrize("sentence,name,label", [
    ("He delivered a Diplomatic Note regarding the Sea Launch Technology Safeguards Agreement (TSA) stating",
     "Sea Launch Technology Safeguards Agreement", "AGREEMENT"),
    ("the extension of the Agreement for Cooperation in the Exploration and Use of Space for Peaceful Purposes (the",
     "Agreement for Cooperation in the Exploration and Use of Space for Peaceful Purposes", "AGREEMENT"),
    (SEED_CUSTOMS, SEED_CUSTOMS[8:SEED_CUSTOMS.index(" (the")], "AGREEMENT"),
    ("nonmembership in the Missile Technology Control Regime, or MTCR.", "Missile Technology Control Regime",
     "AGREEMENT"),
    ("Deputy Director of the Department for Security and Disarmament Affairs (DVBR) of the Ministry",
     "Department for Security and Disarmament Affairs", "ORG"),
    ("(DVBR) of the Ministry of Foreign Affairs, at his request.", "Ministry of Foreign Affairs", "ORG"),
    (", TURKEY RATIFIED THE UN CONVENTION ON SUPPRESSION OF TERRORIST FINANCING",
     "UN CONVENTION ON SUPPRESSION OF TERRORIST FINANCING", "AGREEMENT"),
    (" THE MUTUAL LEGAL ASSISTANCE TREATY BETWEEN THE UNITED STATES AND TURKEY",
     "MUTUAL LEGAL ASSISTANCE TREATY BETWEEN THE UNITED STATES AND TURKEY", "AGREEMENT"),
    (" CONSULTATIONS BETWEEN THE TURKISH MINISTRY OF JUSTICE AND UNITED STATES DEPARTMENT OF JUSTICE",
     "TURKISH MINISTRY OF JUSTICE", "ORG"),
    (" CONSULTATIONS BETWEEN THE TURKISH MINISTRY OF JUSTICE AND UNITED STATES DEPARTMENT OF JUSTICE",
     "UNITED STATES DEPARTMENT OF JUSTICE", "ORG"),
    ("AND PUBLIC SECURITY SPECIALISTS AT THE MINISTRY OF INTERIOR ", "MINISTRY OF INTERIOR", "ORG"),
    ("the Russian Foreign Ministry said on Monday", "Russian Foreign Ministry", "ORG"),
    ("announced the establishment of the Artemis Accords in 2020. The Artemis Accords reinforce",
     "Artemis Accords", "AGREEMENT"),
])
def test_shapes_names(sentence, name, label):
    assert (name, label) in {(m.text, m.label) for m in find_shapes(sentence)}


@pytest.mark.parametrize("sentence", [
    "The agreement, adopted by the G7 in 1987, regulates the transfer of technologies.",
    "He said the Agreement would be signed soon.",
    "PARTISAN PRIVATE SECTOR INITIATIVE INTENDED TO REACH AGREEMENT ON A LAND REFORM PROGRAM",
])
def test_shapes_common_nouns(sentence):
    assert find_shapes(sentence) == []


def _grow_left_by_tokens(text, pos, caps):
    """grow_left over all the window's tokens, last first: what reading it piece by piece must give."""
    if pos < 2 or text[pos - 1] != " ":
        return pos
    start, pending, taken = pos, None, 0
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, max(0, pos - LEFT_WINDOW_CHARS), pos)]
    for s, e, word in reversed(tokens):
        if text[e:start if pending is None else pending] != " ":
            break
        if _is_name_word(word, caps) and taken < MAX_LEFT_TOKENS:
            start, pending, taken = s, None, taken + 1
        elif (word in LEFT_CONNECTORS or (caps and word in CAPS_LEFT_CONNECTORS)) and pending is None \
                and start != pos:
            pending = s
        else:
            break
    return start


@pytest.mark.parametrize("text", [
    "the Sea Launch  Technology\tSafeguards (U.S.-Russian) Agreement",
    "the Sea Launch Technology Safeguards U.S.-Russian Agreement",
    "and Ministry of Foreign Affairs and Trade Agreement",
    "THE TURKISH MINISTRY OF JUSTICE AND UNITED STATES DEPARTMENT",
    "École Normale Supérieure Academy, the x_y Council, a Workers' Party, 1999 Moscow Court",
    "  leading spaces, and trailing ",
    "A B C D E F G H I J K L Agreement " + "Word " * 30 + "Treaty",
    "",
    "one",
])
def test_shapes_grow_left(text):
    for pos in range(len(text) + 1):
        for caps in (False, True):
            assert grow_left(text, pos, caps) == _grow_left_by_tokens(text, pos, caps)
