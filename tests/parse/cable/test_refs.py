"""REF lists: letters, years, multi-word stations, non-cable references."""

from __future__ import annotations

import pytest

from legation.parse.cable.refs import parse_references, reference_id, split_references


@pytest.mark.parametrize(("piece", "year", "expected"), [
    ("STATE 87399", 2007, "07STATE87399"),
    ("07 STATE 87399", None, "07STATE87399"),
    ("2007 MOSCOW 1234", 2009, "07MOSCOW1234"),
    ("BUENOS AIRES 716", 2007, "07BUENOSAIRES716"),
    ("USUN NEW YORK 0123", 2008, "08USUNNEWYORK123"),
    ("Abu Dhabi 1384", 2004, "04ABUDHABI1384"),
    ("SECSTATE 51994", 2006, "06STATE51994"),
    ("09CAIRO0561", 2010, "09CAIRO561"),
    ("STATE 175414 (NOTAL)", 2001, "01STATE175414"),
    ("STATE 87399", None, None),                      # no year printed, none known: not guessed
    ("EMAIL 3/2/2007", 2007, None),
    ("PARKER/PETTIT E-MAIL 1/4/07", 2007, None),
    ("MYRIAD POST-DEPARTMENT E-MAILS FROM 10/01-02/02", 2002, None),
])
def test_refs_reference_id(piece, year, expected):
    assert reference_id(piece, year) == expected


@pytest.mark.parametrize(("block", "expected"), [
    # the seed after repair: a blank line between the letters
    ("A. STATE 87399\n\nB. STATE 77400", [("A", "07STATE87399"), ("B", "07STATE77400")]),
    ("A. STATE 87399\nB. STATE 77400", [("A", "07STATE87399"), ("B", "07STATE77400")]),
    # 08MANAMA51 after conversion: letters with pilcrows, several on one line
    ("A. 07 MANAMA 1105\n\n¶B. 07 MANAMA 1109 ¶C. 07 MANAMA 1110",
     [("A", "07MANAMA1105"), ("B", "07MANAMA1109"), ("C", "07MANAMA1110")]),
    ("(A) Brasilia 3089, (B) Brasilia 3070 (C) Brasilia 2233",
     [("A", "07BRASILIA3089"), ("B", "07BRASILIA3070"), ("C", "07BRASILIA2233")]),
    ("A) SECSTATE 43420\nB) 02 BRASILIA 1869", [("A", "07STATE43420"), ("B", "02BRASILIA1869")]),
    ("A. EMAIL 3/2/2007", [("A", None)]),
    ("STATE 106206 CIRCULAR; STATE CA-3400 NOV 2, 1966", [(None, "07STATE106206"), (None, None)]),
    ("BUENOS AIRES 716", [(None, "07BUENOSAIRES716")]),
])
def test_refs_parse_references(block, expected):
    refs, _, _ = parse_references("REFS: " + block + "\n\n1. (C) Text.\n", 0, None, 2007)
    assert [(r.letter, r.id) for r in refs] == expected


def test_refs_text_keeps_non_cable_reference():
    refs = split_references("A. EMAIL 3/2/2007 B. STATE 1234", 2007)
    assert [(r.letter, r.text, r.id) for r in refs] == [("A", "EMAIL 3/2/2007", None),
                                                        ("B", "STATE 1234", "07STATE1234")]


def test_refs_list_stops_at_classified_by():
    text = "REF: A. STATE 14201B. GENEVA 133 Classified By: Mincouns William R. Stewart for reason 1.4 (b).\n"
    refs, start, end = parse_references(text, 0, None, 2009)
    assert [(r.letter, r.id) for r in refs] == [("A", "09STATE14201"), ("B", "09GENEVA133")]
    assert text[end:].startswith("Classified By")


def test_refs_absent():
    assert parse_references("SUBJECT: X\n\n1. (C) Text.\n") == ([], None, None)
