import random
import re

import pytest

from legation.parse.cable.markings import (
    LINE_PREFIX,
    caveat_code,
    classification_name,
    field_line,
    parse_markings,
)


def markings(text):
    return parse_markings(text, 0, len(text))


@pytest.mark.parametrize("line,classification,station,serial", [
    ("UNCLAS MOSCOW 003736", "UNCLASSIFIED", "MOSCOW", "003736"),
    ("S E C R E T SECTION 01 OF 03 ASTANA 000095 ", "SECRET", "ASTANA", "000095"),
    ("C O N F I D E N T I A L SECTION 01 OF 02 THE HAGUE 002843", "CONFIDENTIAL", "THE HAGUE", "002843"),
    ("C o n f i d e n t i a l section 01 of 02 damascus 000389", "CONFIDENTIAL", "DAMASCUS", "000389"),
    ("SS E C R E T SECTION 01 OF 02 PARIS 001699 ", "SECRET", "PARIS", "001699"),
    ("C C O N F I D E N T I A L SECTION 01 OF 02 MADRID 000779", "CONFIDENTIAL", "MADRID", "000779"),
    ("E C R E T SANAA 000473 ", "SECRET", "SANAA", "000473"),
    ("NCLAS SECTION 01 OF 02 BRASILIA 001017 ", "UNCLASSIFIED", "BRASILIA", "001017"),
    ("UNCLAS E F T O LONDON 002211", "UNCLASSIFIED", "LONDON", "002211"),
    ("LIMITED OFFICIAL USE MOSCOW 18538", "LIMITED OFFICIAL USE", "MOSCOW", "18538"),
    ("Cable dated:2002-11-15T12:40:00S E C R E T SECTION 01 OF 05 ANKARA 008305S/CT FOR REAP",
     "SECRET", "ANKARA", "008305"),
    ("\u2028\u2028S E C R E T MEXICO 000886 ", "SECRET", "MEXICO", "000886"),
    ('RUEAIIA/CIA WASHINGTON DC"C O N F I D E N T I A L  BUENOS AIRES 000091 SIPDIS', "CONFIDENTIAL",
     "BUENOS AIRES", "000091"),
    ('","C O N F I D E N T I A L SECTION 01 OF 02 BOGOTA 003726', "CONFIDENTIAL", "BOGOTA", "003726"),
    ("INFO RUCNIRA/IRAN COLLECTIVE IMMEDIATE\tC O N F I D E N T I A L SECTION 01 OF 02 BERN 000259 \\",
     "CONFIDENTIAL", "BERN", "000259"),
])
def test_markings_class_line(line, classification, station, serial):
    result = markings(line + "\n")
    assert (result.classification, result.station, result.serial) == (classification, station, serial)


def test_markings_sections():
    result = markings("S E C R E T SECTION 01 OF 03 ASTANA 000095\n")
    assert (result.sections.n, result.sections.of) == (1, 3)
    assert markings("UNCLAS MOSCOW 003736\n").sections is None


@pytest.mark.parametrize("text,caveats", [
    ("UNCLAS MOSCOW 003736\n\nSTPDTS\n\nSENSITIVE SIPDIS\n\nE.O. 12958: N/A\n", ["SIPDIS", "SENSITIVE"]),
    ("UNCLAS E F T O LONDON 002211\n\nE.O. 12958: N/A\n", ["EFTO"]),
    ("C O N F I D E N T I A L ATHENS 000057 NOFORN SIPDIS AMEMBASSY ANKARA PASS\n", ["NOFORN", "SIPDIS"]),
    ("C O N F I D E N T I A L RIYADH 000732SENSITIVE SIPDISNEA FOR DAS\n", ["SENSITIVE", "SIPDIS"]),
    ("UNCLAS SAO PAULO 000742\nSIPDIS\nSOUTHCOM ALSO FOR POLAD SENSITIVE SIPDIS\nE.O. 12958: N/A\n",
     ["SIPDIS", "SENSITIVE"]),
    ("UNCLAS GABORONE 000411\nSIPDIS\nSENSITIVE BUT UNCLASSIFIED\nE.O. 12958: N/A\n", ["SIPDIS", "SENSITIVE"]),
    ("S E C R E T TRIPOLI 000759\nNOFORN SIPDIS DEPT FOR NEA/MAG. E.O. 12958: DECL: 9/23/2019\n", ["NOFORN", "SIPDIS"]),
])
def test_markings_caveats(text, caveats):
    assert markings(text).caveats == caveats


def test_markings_damaged_caveat_warns():
    result = markings("UNCLAS MOSCOW 003736\n\nSTPDTS\n\nE.O. 12958: N/A\n")
    assert result.caveats == ["SIPDIS"]
    assert result.warnings == ["caveat 'STPDTS' read as SIPDIS (damaged text)"]


@pytest.mark.parametrize("word,code", [("SIPDIS", "SIPDIS"), ("Sipdis", "SIPDIS"), ("STPDTS", "SIPDIS"),
                                       ("N0F0RN", "NOFORN"), ("E F T O", "EFTO"), ("US", None), ("BUT", None)])
def test_markings_caveat_codes(word, code):
    assert caveat_code(word)[0] == code


@pytest.mark.parametrize("printed,name", [("UNCLAS", "UNCLASSIFIED"), ("S E C R E T", "SECRET"),
                                          ("ONFIDENTIAL", "CONFIDENTIAL"), ("SECRETARY", None)])
def test_markings_classification_names(printed, name):
    assert classification_name(printed) == name


@pytest.mark.parametrize("line,order,date,reasons", [
    ("E.O. 12958: N/A", "12958", None, []),
    ("E.O. 12958: DECL: 01/19/2029", "12958", "2029-01-19", []),
    ("EO 12958 DECL: 01/19/2029 ", "12958", "2029-01-19", []),
    ("E.O. 12958: DECL: 2020/01/19 ", "12958", "2020-01-19", []),
    ("E.O. 12958: DECL: 09/21/10 ", "12958", "2010-09-21", []),
    ("E.O. 12958: DECL: 1.6 FIVE YEARS AFTER CLOSURE OF ICTY", "12958", None, []),
    ("E.O. 12356: DECL: OADR", "12356", None, []),
])
def test_markings_declassify(line, order, date, reasons):
    decl = markings("SECRET PARIS 001\n" + line + "\n").declassify
    assert (decl.order, decl.date, decl.reasons) == (order, date, reasons)


@pytest.mark.parametrize("line,who,reasons", [
    ("Classified By: Ambassador Richard E. Hoagland: 1.4 (B), (D)", "Ambassador Richard E. Hoagland",
     ["1.4(b)", "1.4(d)"]),
    ("CLASSIFIED BY DCM EARL IRVING. REASONS: 1.5 (B) AND (D).", "DCM EARL IRVING", ["1.5(b)", "1.5(d)"]),
    ("Classified By: Classified By: DCM Daniel R. Russel: ", "DCM Daniel R. Russel", []),
    ("Classified By: POLOFF RICHARD REITER, FOR REASONS 1.4B AND D.", "POLOFF RICHARD REITER", ["1.4(b)", "1.4(d)"]),
])
def test_markings_classified_by(line, who, reasons):
    result = markings("C O N F I D E N T I A L PARIS 000001\n\n" + line + "\n")
    assert result.classified_by == who
    assert (result.declassify.reasons if result.declassify else []) == reasons


def test_markings_office_line():
    text = ("UNCLAS MOSCOW 003736\n\nDEPARTMENT FOR OES/SAT(HODGKINS), EUR/PRA(FRIEDT), EUR/RUS(GREENSTEIN), "
            "ISN/CATR, L/NP\n\nSENSITIVE SIPDIS\n")
    assert markings(text).offices == ["OES/SAT (HODGKINS)", "EUR/PRA (FRIEDT)", "EUR/RUS (GREENSTEIN)",
                                      "ISN/CATR", "L/NP"]


def test_markings_office_line_across_lines():
    text = "S E C R E T ASTANA 000095\n\nSIPDIS\n\nSTATE FOR P, SCA/CEN,\nEUR/RUS AND NEA/IR\n\nE.O. 12958: N/A\n"
    assert markings(text).offices == ["P", "SCA/CEN", "EUR/RUS", "NEA/IR"]


@pytest.mark.parametrize("text,classification", [
    ("SIPDIS\n\nE.O. 12958: DECL: 11/18/2019\nTAGS: PREL\n\n¶1. (S) Summary: text\n", "SECRET"),
    ("ID: 245489\nCLASSIFICATION: SECRET\nMISC: XXXXXXXXXXXX\n", "SECRET"),
    ("Sipdis\n\nSensitive\n\n¶1. (U) This is an action request.\n¶2. (SBU) On September 6\n", "UNCLASSIFIED"),
])
def test_markings_fallbacks_warn(text, classification):
    result = markings(text)
    assert result.classification == classification
    assert result.warnings


def test_markings_never_raise_on_junk():
    for junk in ["", "\n\n", "UNCLAS", "E.O. 1", "Classified By:", "S E C R E T 01 OF", "TAGS"]:
        markings(junk)


def test_markings_field_line_lookahead_changes_no_match():
    """The lookahead of `field_line` only fails lines that LINE_PREFIX and the field fail anyway."""
    field = r"(?:DEPT|STATE)[ \t]+FOR[ \t]+(?P<rest>.+)$"
    plain = re.compile("^" + LINE_PREFIX + field, re.M | re.I)
    looked = re.compile(field_line("DS", field), re.M | re.I)
    pieces = [" ", "\t", '"', "\u00a0", "\u00b6", "*", "-", "--", "+", ">", "#", "##", "DEPT", "state", "ſtate",
              " FOR ", "x", "\n"]
    rng = random.Random(11)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        assert [m.span() for m in looked.finditer(text)] == [m.span() for m in plain.finditer(text)], text
