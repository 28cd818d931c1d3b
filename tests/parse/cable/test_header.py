"""Routing header and the assembled record on one real cable of each layout."""

import re

import pytest

from legation.parse.cable import detect_cable, parse_cable
from legation.parse.cable.header import parse_recipient, parse_routing
from legation.parse.source import Source


def cable(fixture_path, name):
    text = fixture_path(name).read_text(encoding="utf-8")
    source = Source(name=name, text=text, sha256="0" * 64)
    return source, parse_cable(source)[0]


SEED_HEADER = """VZCZCXYZ0001 PP RUEHWEB

DE RUEHMO #3736 2121438
ZNR UUUUU ZZH
P 311438Z JUL 07
FM AMEMBASSY MOSCOW
TO RUEHC/SECSTATE WASHDC PRIORITY 2510
INFO RUEHTA/AMEMBASSY ASTANA 0120

UNCLAS MOSCOW 003736
"""


def test_header_routing_lines():
    r = parse_routing(SEED_HEADER)
    assert (r.de_route, r.de_serial, r.de_julian, r.de_time) == ("RUEHMO", "3736", 212, "1438")
    assert r.zny == "UUUUU"
    assert r.precedence == "PRIORITY"
    assert r.fm == "AMEMBASSY MOSCOW"
    assert [x.to_dict() for x in r.to] == [
        {"route": "RUEHC", "name": "SECSTATE WASHDC", "precedence": "PRIORITY", "mcn": "2510"}]
    assert [x.to_dict() for x in r.info] == [
        {"route": "RUEHTA", "name": "AMEMBASSY ASTANA", "precedence": None, "mcn": "0120"}]
    assert SEED_HEADER[r.end:].lstrip().startswith("UNCLAS")


@pytest.mark.parametrize("raw,route,name,precedence,mcn", [
    ("RUEHC/SECSTATE WASHDC PRIORITY 2510", "RUEHC", "SECSTATE WASHDC", "PRIORITY", "2510"),
    ("RUCNCIS/CIS COLLECTIVE PRIORITY 1049", "RUCNCIS", "CIS COLLECTIVE", "PRIORITY", "1049"),
    ("RHMFISS/CDR USCENTCOM MACDILL AFB FL PRIORITY", "RHMFISS", "CDR USCENTCOM MACDILL AFB FL", "PRIORITY", None),
    ("SECSTATE WASHDC NIACT IMMEDIATE 7212", None, "SECSTATE WASHDC", "NIACT IMMEDIATE", "7212"),
    ("AMEMBASSY RIO DE JANEIRO", None, "AMEMBASSY RIO DE JANEIRO", None, None),
])
def test_header_recipients(raw, route, name, precedence, mcn):
    r = parse_recipient(raw)
    assert (r.route, r.name, r.precedence, r.mcn) == (route, name, precedence, mcn)


def test_header_fm_in_prose_is_not_a_header():
    text = "Some body text\nFM de Hoop Scheffer on December 3, would maintain the\nmore\n"
    assert parse_routing(text).fm is None


# One real cable per layout: (fixture, id, date, precedence, origin, classification, sections)
LAYOUTS = [
    # full routing header, multi-section, letter-spaced class line, TAGS without colon
    ("cablegate.09ASTANA95.txt", "09ASTANA95", "2009-01-20T05:56:00Z", "PRIORITY", "Embassy Astana", "SECRET", (1, 3)),
    # sanitized header (VZCZCXYZ / RR RUEHWEB), short
    ("cablegate.07SANJOSE48.txt", "07SANJOSE48", "2007-01-11T21:56:00Z", "ROUTINE", "Embassy San Jose",
     "UNCLASSIFIED", None),
    # partial extract with only a DTG under the WikiLeaks note
    ("cablegate.05ANKARA3199.txt", "05ANKARA3199", "2005-06-08T15:45:00Z", None, "Embassy Ankara", "SECRET", (1, 2)),
    # partial extract with the release's weekday date line
    ("cablegate.04DUBLIN1101.txt", "04DUBLIN1101", "2004-07-26T07:22:00Z", None, "Embassy Dublin", "CONFIDENTIAL",
     (1, 2)),
    # 1966 telegram: P R precedence line, addressees without routing indicators
    ("cablegate.66BUENOSAIRES2481.txt", "66BUENOSAIRES2481", "1966-12-28T18:48:00Z", "PRIORITY",
     "Embassy Buenos Aires", "UNCLASSIFIED", None),
    # printout: PAGE 01 line, ACTION/INFO office lists, no DTG line
    ("cablegate.00HARARE5461.txt", "00HARARE5461", None, "IMMEDIATE", "Embassy Harare", "CONFIDENTIAL", (1, 2)),
    # the class line glued to a "Cable dated:" note
    ("cablegate.02ANKARA8305.txt", "02ANKARA8305", "2002-11-15T12:40:00Z", "PRIORITY", "Embassy Ankara", "SECRET",
     (1, 5)),
    # line separators (U+2028) before the class line
    ("cablegate.08MEXICO886.txt", "08MEXICO886", "2008-03-28T19:50:00Z", "PRIORITY", "Embassy Mexico", "SECRET",
     None),
    # doubled letter in the class word, no date in the text
    ("cablegate.05PARIS1699.txt", "05PARIS1699", None, None, "Embassy Paris", "SECRET", (1, 2)),
    # class word that lost its first letter ("E C R E T")
    ("cablegate.07SANAA473.txt", "07SANAA473", "2007-04-02T05:35:00Z", "PRIORITY", "Embassy Sanaa", "SECRET", None),
    # OCR'd FOIA telegram
    ("foia.C09000016.txt", "86STATE321944", "1986-10-13T01:00:00Z", "NIACT IMMEDIATE", "Secretary of State",
     "UNCLASSIFIED", None),
]


@pytest.mark.parametrize("name,cid,date,precedence,origin,classification,sections", LAYOUTS)
def test_header_layouts(fixture_path, name, cid, date, precedence, origin, classification, sections):
    source, doc = cable(fixture_path, name)
    assert detect_cable(source) > 0.5
    c = doc.cable
    assert (c.id, doc.date, c.precedence, c.origin, c.classification) == (cid, date, precedence, origin,
                                                                          classification)
    assert ((c.sections.n, c.sections.of) if c.sections else None) == sections


def test_header_layouts_say_what_was_guessed(fixture_path):
    assert "date from the release's date line, not a DTG" in cable(fixture_path, "cablegate.04DUBLIN1101.txt")[1].warnings
    assert "date from a DTG outside a routing header" in cable(fixture_path, "cablegate.05ANKARA3199.txt")[1].warnings
    harare = cable(fixture_path, "cablegate.00HARARE5461.txt")[1]
    assert harare.cable.offices == ["AF"]
    warnings = harare.warnings
    assert "no DTG found" in warnings
    assert "id year taken from the file name" in warnings


def test_header_astana_recipients_and_markings(fixture_path):
    _, doc = cable(fixture_path, "cablegate.09ASTANA95.txt")
    c = doc.cable
    assert c.to[0].name == "SECSTATE WASHDC" and c.to[0].mcn == "4366"
    assert len(c.info) == 14 and c.info[-1].name == "USMISSION USUN NEW YORK"
    assert c.offices == ["P", "SCA/CEN", "EUR/RUS", "NEA/IR"]
    assert c.declassify.to_dict() == {"order": "12958", "date": "2029-01-19", "reasons": ["1.4(b)", "1.4(d)"]}
    assert c.classified_by == "Ambassador Richard E. Hoagland"


@pytest.mark.parametrize("name", [
    "nasa.article_0.md", "wikinews.03_pirates-seize-cargo-ship-in-indian-ocean.txt",
    "wikipedia-current-events.2025-01-02.md", "seed.000_227d2fbe0adcadcd.txt",
])
def test_header_detect_does_not_claim_news(fixture_path, name):
    text = fixture_path(name).read_text(encoding="utf-8")
    assert detect_cable(Source(name=name, text=text, sha256="")) < 0.5


@pytest.mark.parametrize("text", [
    "", "Hello world.\n\nA plain note about SECRET plans.",
    "TAGS: fun, games\nSUBJECT: my holiday\n",
    "Meeting notes\nFM: Alice\nTO: Bob\n",
])
def test_header_detect_plain_text(text):
    assert detect_cable(Source(name="x.txt", text=text, sha256="")) < 0.5


MARKDOWN_DAMAGE = {
    "bold labels": lambda t: re.sub(r"^(FM|TO|INFO|TAGS:|SUBJECT:|E\.O\.)", r"**\1**", t, flags=re.M),
    "list bullets": lambda t: re.sub(r"^(?=\S)", "- ", t, flags=re.M),
    "heading hashes": lambda t: t.replace("UNCLAS MOSCOW 003736", "## UNCLAS MOSCOW 003736"),
    "escaped hash": lambda t: t.replace("#3736", "\\#3736"),
    "quote marks": lambda t: re.sub(r"^", "> ", t, flags=re.M),
}


@pytest.mark.parametrize("damage", sorted(MARKDOWN_DAMAGE))
def test_header_survives_markdown_around_lines(fixture_path, damage):
    text = MARKDOWN_DAMAGE[damage](fixture_path("seed.004_69b9118b38fb912e.txt").read_text(encoding="utf-8"))
    c = parse_cable(Source(name="x.md", text=text, sha256=""))[0].cable
    assert (c.id, c.origin, c.classification) == ("07MOSCOW3736", "Embassy Moscow", "UNCLASSIFIED")
    assert [r.route for r in c.to + c.info] == ["RUEHC", "RUEHTA"]
    assert [t.code for t in c.tags] == ["TSPA", "ECPS", "KSCA", "PREL", "PARM", "RS"]
